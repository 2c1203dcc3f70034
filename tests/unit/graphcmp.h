/*
 * graphcmp.h - helpers for the exporter and GEXF reader tests: comparing two
 * graphs column by column, validating a file with xmllint, temp files.
 * Include after testutil.h.
 */
#ifndef VC_GRAPHCMP_H
#define VC_GRAPHCMP_H

#include <unistd.h>

#include "vchain/vchain.h"

/* Which columns a round trip is expected to keep. */
static inline bool cmp_is_visual(const struct vc_attr *a)
{
    return a->cls != VC_CLASS_GRAPH && strncmp(a->name, "viz_", 4) == 0;
}

/*
 * Asserts that b holds the same nodes (ids, in order), edges (ends,
 * direction, order), and every non-visual node and edge column of a with
 * the same type and values (doubles bit for bit).  Edge ids are compared
 * where a has one.  Graph columns too when with_graph_cols.
 */
static inline void assert_same_graph(const struct vc_graph *a, const struct vc_graph *b,
                                     bool with_graph_cols)
{
    assert_int_equal(a->n_nodes, b->n_nodes);
    assert_int_equal(a->n_edges, b->n_edges);
    assert_int_equal(a->directed, b->directed);
    for (size_t k = 0; k < a->n_nodes; k++)
        assert_string_equal(a->node_id[k], b->node_id[k]);
    for (size_t e = 0; e < a->n_edges; e++) {
        assert_int_equal(a->edge_from[e], b->edge_from[e]);
        assert_int_equal(a->edge_to[e], b->edge_to[e]);
        assert_int_equal(a->edge_directed[e], b->edge_directed[e]);
        if (vc_graph_edge_id(a, e)) {
            assert_non_null(vc_graph_edge_id(b, e));
            assert_string_equal(vc_graph_edge_id(a, e), vc_graph_edge_id(b, e));
        }
    }
    for (size_t i = 0; i < a->n_attrs; i++) {
        const struct vc_attr *x = a->attrs[i], *y;
        size_t n = vc_graph_class_size(a, x->cls);
        if (cmp_is_visual(x) || (x->cls == VC_CLASS_GRAPH && !with_graph_cols))
            continue;
        y = vc_graph_attr(b, x->cls, x->name);
        if (!y)
            fail_msg("column %s %s lost in the round trip", vc_attr_class_name(x->cls), x->name);
        if (x->type != y->type)
            fail_msg("column %s: type %s became %s", x->name, vc_attr_type_name(x->type),
                     vc_attr_type_name(y->type));
        for (size_t k = 0; k < n; k++) {
            if (vc_attr_has(x, k) != vc_attr_has(y, k))
                fail_msg("column %s, element %zu: presence differs (%d vs %d)", x->name, k,
                         vc_attr_has(x, k), vc_attr_has(y, k));
            if (!vc_attr_has(x, k))
                continue;
            if (x->type == VC_ATTR_STRING)
                assert_string_equal(x->values[k].s, y->values[k].s);
            else if (x->type == VC_ATTR_DOUBLE || x->type == VC_ATTR_FLOAT) {
                if (memcmp(&x->values[k].d, &y->values[k].d, sizeof(double)) != 0)
                    fail_msg("column %s, element %zu: %.17g became %.17g", x->name, k,
                             x->values[k].d, y->values[k].d);
            } else
                assert_int_equal(x->values[k].i, y->values[k].i);
        }
    }
    /* and nothing new besides visual columns */
    for (size_t i = 0; i < b->n_attrs; i++) {
        const struct vc_attr *y = b->attrs[i];
        if (cmp_is_visual(y) || (y->cls == VC_CLASS_GRAPH && !with_graph_cols))
            continue;
        if (!vc_graph_attr(a, y->cls, y->name))
            fail_msg("round trip added column %s %s", vc_attr_class_name(y->cls), y->name);
    }
}

/* Whether a program is on PATH. */
static inline bool have_program(const char *name)
{
    char cmd[256];
    snprintf(cmd, sizeof(cmd), "command -v %s >/dev/null 2>&1", name);
    return system(cmd) == 0;
}

/*
 * Validates file with xmllint against schema (a path under ../shared/data);
 * "--relaxng" or "--schema".  Returns 1 valid, 0 invalid, -1 skipped (no
 * shared data or no xmllint, with a message).
 */
static inline int xml_validate(const char *how, const char *schema_rel, const char *file)
{
    char schema[1024], cmd[3000];
    if (!have_program("xmllint")) {
        print_message("skipped: xmllint is not installed\n");
        return -1;
    }
    if (!shared_path(schema_rel, schema, sizeof(schema)))
        return -1;
    snprintf(cmd, sizeof(cmd),
             "out=$(xmllint --nonet --noout %s '%s' '%s' 2>&1); rc=$?; "
             "[ $rc -eq 0 ] || printf '%%s\\n' \"$out\" | tail -3 >&2; exit $rc",
             how, schema, file);
    return system(cmd) == 0 ? 1 : 0;
}

/* A fresh temporary folder (removed by rm_tree). */
static inline void make_tmpdir(char *buf, size_t size)
{
    snprintf(buf, size, "/tmp/vchain-test-XXXXXX");
    assert_non_null(mkdtemp(buf));
}

static inline void rm_tree(const char *dir)
{
    char cmd[1100];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

/* Reads a whole file into a malloc'd string (NULL if it cannot). */
static inline char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    long n;
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    buf = malloc((size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    if (buf)
        buf[n] = '\0';
    if (len)
        *len = (size_t)n;
    fclose(f);
    return buf;
}

#endif
