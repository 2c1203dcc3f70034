/*
 * test_layout.c - node positions: the layered layout on small graphs with
 * hand-computed coordinates (levels, cycles, trophic levels, row order),
 * and igraph's force-directed layouts (finite, repeatable, no igraph state
 * left behind).
 */
#include <igraph.h>

#include "testutil.h"

static struct vc_graph g;

static int reset(void **state)
{
    (void)state;
    vc_graph_init(&g);
    return 0;
}

static int release(void **state)
{
    (void)state;
    vc_graph_release(&g);
    return 0;
}

static void nodes(int n)
{
    char id[8];
    for (int i = 0; i < n; i++) {
        size_t k;
        snprintf(id, sizeof(id), "%c", 'a' + i);
        assert_int_equal(vc_graph_intern_node(&g, id, 1, 0, 0, &k, NULL, NULL), VC_OK);
    }
}

static void edge(int a, int b, bool directed)
{
    assert_int_equal(vc_graph_add_edge(&g, (size_t)a, (size_t)b, directed, NULL, 0, 0, 0, NULL,
                                       NULL), VC_OK);
}

static double X(int k)
{
    return vc_attr_get_double(vc_graph_attr(&g, VC_CLASS_NODE, "viz_x"), (size_t)k);
}

static double Y(int k)
{
    return vc_attr_get_double(vc_graph_attr(&g, VC_CLASS_NODE, "viz_y"), (size_t)k);
}

static void layered_levels_and_rows(void **state)
{
    (void)state;
    /* a -> b -> c, d -> c, e alone; a, d, e on level 1 */
    nodes(5);
    edge(0, 1, true);
    edge(1, 2, true);
    edge(3, 2, true);
    assert_int_equal(vc_layout_compute(&g, VC_LAYOUT_LAYERED, NULL, NULL), VC_OK);
    assert_true(X(0) == 200 && X(3) == 200 && X(4) == 200);
    assert_true(X(1) == 400);
    assert_true(X(2) == 600);
    /* level 1 in input order, 60 apart and centred */
    assert_true(Y(0) == -60 && Y(3) == 0 && Y(4) == 60);
    assert_true(Y(1) == 0 && Y(2) == 0);
}

static void rows_follow_predecessors(void **state)
{
    (void)state;
    /* a, b on level 1; c fed by b, d fed by a: d goes above c */
    nodes(4);
    edge(1, 2, true);
    edge(0, 3, true);
    assert_int_equal(vc_layout_compute(&g, VC_LAYOUT_LAYERED, NULL, NULL), VC_OK);
    assert_true(Y(0) == -30 && Y(1) == 30);
    assert_true(Y(3) == -30 && Y(2) == 30);
}

static void cycles_and_undirected_edges(void **state)
{
    (void)state;
    /* a -> b -> a (the back edge is ignored), b -> c; c - d undirected */
    nodes(4);
    edge(0, 1, true);
    edge(1, 0, true);
    edge(1, 2, true);
    edge(2, 3, false);
    assert_int_equal(vc_layout_compute(&g, VC_LAYOUT_LAYERED, NULL, NULL), VC_OK);
    assert_true(X(0) == 200 && X(1) == 400 && X(2) == 600 && X(3) == 200);
}

static void trophic_level_wins(void **state)
{
    (void)state;
    struct vc_attr *t;
    struct vc_layout_opts o = VC_LAYOUT_OPTS_INIT;
    nodes(3);
    edge(0, 1, true);
    edge(1, 2, true);
    assert_int_equal(vc_graph_attr_add(&g, VC_CLASS_NODE, "trophic_level", VC_ATTR_DOUBLE, &t,
                                       NULL), VC_OK);
    vc_attr_set_double(t, 0, 1.0, NULL);
    vc_attr_set_double(t, 1, 2.25, NULL);
    /* node c has none: its stage depth (3) stands in */
    o.layer_gap = 100;
    assert_int_equal(vc_layout_compute(&g, VC_LAYOUT_LAYERED, &o, NULL), VC_OK);
    assert_true(X(0) == 100 && X(1) == 225 && X(2) == 300);
    /* a second run replaces the columns, it does not add new ones */
    size_t before = g.n_attrs;
    assert_int_equal(vc_layout_compute(&g, VC_LAYOUT_LAYERED, &o, NULL), VC_OK);
    assert_int_equal(g.n_attrs, before);
}

static void force_directed_layouts(void **state)
{
    (void)state;
    double first[2][12];
    nodes(12);
    for (int i = 0; i < 12; i++)
        edge(i, (i + 1) % 12, true);
    edge(0, 6, true);
    for (int kind = 0; kind < 2; kind++) {
        enum vc_layout l = kind ? VC_LAYOUT_DRL : VC_LAYOUT_FR;
        struct vc_error err = VC_ERROR_INIT;
        assert_int_equal(vc_layout_compute(&g, l, NULL, &err), VC_OK);
        double spread = 0;
        for (int k = 0; k < 12; k++) {
            assert_true(isfinite(X(k)) && isfinite(Y(k)));
            first[0][k] = X(k);
            first[1][k] = Y(k);
            spread += fabs(X(k)) + fabs(Y(k));
        }
        assert_true(spread > 100); /* not all in one spot */
        assert_int_equal(vc_layout_compute(&g, l, NULL, &err), VC_OK);
        for (int k = 0; k < 12; k++) /* the same seed, the same picture */
            assert_true(X(k) == first[0][k] && Y(k) == first[1][k]);
        assert_int_equal(IGRAPH_FINALLY_STACK_SIZE(), 0);
    }
}

static void names_parse(void **state)
{
    (void)state;
    enum vc_layout l;
    assert_true(vc_layout_parse("drl", &l) && l == VC_LAYOUT_DRL);
    assert_true(vc_layout_parse("none", &l) && l == VC_LAYOUT_NONE);
    assert_false(vc_layout_parse("circle", &l));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(layered_levels_and_rows, reset, release),
        cmocka_unit_test_setup_teardown(rows_follow_predecessors, reset, release),
        cmocka_unit_test_setup_teardown(cycles_and_undirected_edges, reset, release),
        cmocka_unit_test_setup_teardown(trophic_level_wins, reset, release),
        cmocka_unit_test_setup_teardown(force_directed_layouts, reset, release),
        cmocka_unit_test(names_parse),
    };
    return cmocka_run_group_tests_name("layout", tests, NULL, NULL);
}
