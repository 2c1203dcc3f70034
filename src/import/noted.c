/*
 * noted.c - "no value" read from a value the file writes (NaN, an empty
 * number, null): readers note each one here and report one warning per
 * column at the end, so a file of a million NaN says so once per column,
 * and an unknown share is never silent.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "noted.h"

int vc_noted_missing(struct vc_noted *t, enum vc_attr_class cls, const char *name,
                     const char *file, const char *text, long line, long col)
{
    struct vc_noted_col *c;
    for (size_t i = t->n; i-- > 0;) /* a few columns at most: a scan */
        if (t->cols[i].cls == cls && strcmp(t->cols[i].name, name) == 0) {
            t->cols[i].count++;
            return 0;
        }
    if (t->n == t->cap && VC_GROW(t->cols, t->cap, t->n + 1))
        return -1;
    c = &t->cols[t->n];
    c->name = strdup(name);
    c->file = file ? strdup(file) : NULL;
    if (!c->name || (file && !c->file)) {
        free(c->name);
        free(c->file);
        return -1;
    }
    t->n++;
    c->cls = cls;
    c->line = line;
    c->col = col;
    c->count = 1;
    snprintf(c->text, sizeof(c->text), "%s", text);
    return 0;
}

enum vc_status vc_noted_report(const struct vc_noted *t, struct vc_diag *diag,
                               struct vc_error *err)
{
    enum vc_status st = VC_OK;
    for (size_t i = 0; i < t->n && st == VC_OK; i++) {
        const struct vc_noted_col *c = &t->cols[i];
        const char *cls = vc_attr_class_name(c->cls);
        char more[200] = "";
        if (c->count > 1)
            snprintf(more, sizeof(more), "; so %s %zu other NaN, null or empty value%s of %s "
                     "%.60s (the first is here)", c->count == 2 ? "is" : "are", c->count - 1,
                     c->count == 2 ? "" : "s", cls, c->name);
        st = vc_warn(diag, err, c->file, c->line, c->col,
                     "%s %.200s \"%s\" is read as no value (unknown)%s", cls, c->name, c->text,
                     more);
    }
    return st;
}

void vc_noted_release(struct vc_noted *t)
{
    for (size_t i = 0; i < t->n; i++) {
        free(t->cols[i].name);
        free(t->cols[i].file);
    }
    free(t->cols);
    t->cols = NULL;
    t->n = t->cap = 0;
}
