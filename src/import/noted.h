/*
 * noted.h - values a file writes that every reader reads as "no value"
 * (NaN, an empty number, GEXF's null): tallied per column while reading,
 * then one warning per column naming the first (issue 14's one policy).
 */
#ifndef VC_IMPORT_NOTED_H
#define VC_IMPORT_NOTED_H

#include <stddef.h>

#include "vchain/error.h"
#include "vchain/graph.h"

struct vc_noted_col {
    char *name;              /* the column's name (a copy: columns may go) */
    enum vc_attr_class cls;
    char *file;              /* where the first was (a copy) */
    long line, col;
    size_t count;
    char text[16];           /* the first one's text, cut short */
};

struct vc_noted {
    struct vc_noted_col *cols;
    size_t n, cap;
};

/* Notes that text, a value of the column name of class cls at
 * file:line:col, is read as no value.  -1 when out of memory. */
int vc_noted_missing(struct vc_noted *t, enum vc_attr_class cls, const char *name,
                     const char *file, const char *text, long line, long col);
/* One warning per column noted (--strict: the first is an error). */
enum vc_status vc_noted_report(const struct vc_noted *t, struct vc_diag *diag,
                               struct vc_error *err);
void vc_noted_release(struct vc_noted *t);

#endif
