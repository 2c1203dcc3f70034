/*
 * testutil.h - shared by the cmocka unit tests.
 *
 * cmocka 1.1.5 needs <stdarg.h> <stddef.h> <stdint.h> <setjmp.h> before
 * <cmocka.h>.  Tests that need ../shared find it through $VCHAIN_SHARED
 * (set by make) and skip with a message when it is absent.
 */
#ifndef VC_TESTUTIL_H
#define VC_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "vchain/vchain.h"

/* Reads GraphML held in a string. */
static inline enum vc_status read_graphml_string(const char *xml, struct vc_graph *g,
                                                 const struct vc_import_opts *opts,
                                                 struct vc_diag *diag, struct vc_error *err)
{
    FILE *f = fmemopen((void *)xml, strlen(xml), "r");
    enum vc_status st;
    assert_non_null(f);
    st = vc_graphml_read(g, f, "test.graphml", opts, diag, err);
    fclose(f);
    return st;
}

/* Path of a file under ../shared/data, or NULL (after printing why) when absent. */
static inline const char *shared_path(const char *rel, char *buf, size_t size)
{
    const char *root = getenv("VCHAIN_SHARED");
    struct stat sb;
    if (!root || !*root)
        root = "../shared";
    snprintf(buf, size, "%s/data/%s", root, rel);
    if (stat(buf, &sb) != 0) {
        print_message("skipped: %s not found (the Chip Explorer data is absent; the README says where to get it)\n", buf);
        return NULL;
    }
    return buf;
}

/* Path of a file in the source tree (tests run from the repository root). */
static inline const char *src_path(const char *rel, char *buf, size_t size)
{
    const char *root = getenv("VCHAIN_SRCDIR");
    snprintf(buf, size, "%s/%s", root && *root ? root : ".", rel);
    return buf;
}

/* Collects warnings so tests can assert them. */
struct warnings {
    int count;
    struct vc_error last;
    struct vc_error first;
};

static inline void collect_warning(void *ctx, const struct vc_error *w)
{
    struct warnings *ws = ctx;
    if (!ws->count)
        ws->first = *w;
    ws->last = *w;
    ws->count++;
}

#define assert_double_near(a, b, eps) assert_true(fabs((double)(a) - (double)(b)) <= (eps))

#endif
