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

/* Nodes named n0, n1, ... (for graphs too big for one letter each). */
static void many_nodes(int n)
{
    char id[16];
    for (int i = 0; i < n; i++) {
        size_t k;
        int len = snprintf(id, sizeof(id), "n%d", i);
        assert_int_equal(vc_graph_intern_node(&g, id, (size_t)len, 0, 0, &k, NULL, NULL), VC_OK);
    }
}

static void crossings_by_hand(void **state)
{
    (void)state;
    /* a(0,0) b(0,10) | c(10,5) | d(20,0) e(20,10) */
    static const double x[] = { 0, 0, 10, 20, 20 }, y[] = { 0, 10, 5, 0, 10 };
    nodes(5);
    edge(0, 4, true); /* a -> e and b -> d cross once, right at c's x */
    edge(1, 3, true);
    assert_int_equal(vc_layout_crossings(&g, x, y), 1);
    edge(0, 3, true); /* a -> d shares a with a -> e and d with b -> d */
    assert_int_equal(vc_layout_crossings(&g, x, y), 1);
    edge(1, 2, true); /* b -> c crosses nothing: it ends where a -> e passes */
    assert_int_equal(vc_layout_crossings(&g, x, y), 1);
    edge(3, 1, true); /* d -> b, drawn from b to d: the same line as b -> d */
    assert_int_equal(vc_layout_crossings(&g, x, y), 2);
    edge(2, 2, true); /* a loop crosses nothing */
    assert_int_equal(vc_layout_crossings(&g, x, y), 2);
}

static void crossings_against_pairs(void **state)
{
    (void)state;
    /* random positions on 4 columns, edges between columns (edges within
     * one column are left out by definition): the strip count equals
     * testing every pair of segments */
    enum { N = 40, M = 120 };
    double x[N], y[N];
    unsigned seed = 7;
    long pairs = 0;
    many_nodes(N);
    for (int k = 0; k < N; k++) {
        seed = seed * 1103515245u + 12345u;
        x[k] = (double)(k % 4) * 100.0;
        y[k] = (double)(seed % 100003) / 7.0;
    }
    for (int e = 0; e < M; e++) {
        seed = seed * 1103515245u + 12345u;
        int a = (int)(seed % N), b = (int)((seed / N) % N);
        if (a % 4 != b % 4)
            edge(a, b, true);
    }
    for (size_t i = 0; i < g.n_edges; i++)
        for (size_t j = i + 1; j < g.n_edges; j++) {
            uint32_t a = g.edge_from[i], b = g.edge_to[i], c = g.edge_from[j], d = g.edge_to[j];
            if (a == c || a == d || b == c || b == d)
                continue;
            double d1 = (x[b] - x[a]) * (y[c] - y[a]) - (y[b] - y[a]) * (x[c] - x[a]);
            double d2 = (x[b] - x[a]) * (y[d] - y[a]) - (y[b] - y[a]) * (x[d] - x[a]);
            double d3 = (x[d] - x[c]) * (y[a] - y[c]) - (y[d] - y[c]) * (x[a] - x[c]);
            double d4 = (x[d] - x[c]) * (y[b] - y[c]) - (y[d] - y[c]) * (x[b] - x[c]);
            if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) &&
                ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)))
                pairs++;
        }
    assert_true(pairs > 100); /* a real test */
    assert_int_equal(vc_layout_crossings(&g, x, y), pairs);
}

static void tall_layers_split(void **state)
{
    (void)state;
    /* one source feeding 300 nodes feeding one sink: 300 rows would stand
     * 17,940 high on 400 wide; sub-columns bring it within 3:1 */
    enum { K = 300 };
    double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
    many_nodes(K + 2);
    for (int i = 1; i <= K; i++) {
        edge(0, i, true);
        edge(i, K + 1, true);
    }
    assert_int_equal(vc_layout_compute(&g, VC_LAYOUT_LAYERED, NULL, NULL), VC_OK);
    for (int k = 0; k < K + 2; k++) {
        x0 = fmin(x0, X(k));
        x1 = fmax(x1, X(k));
        y0 = fmin(y0, Y(k));
        y1 = fmax(y1, Y(k));
        for (int j = 0; j < k; j++) /* no two nodes on one spot */
            assert_false(X(j) == X(k) && Y(j) == Y(k));
    }
    assert_true(y1 - y0 <= 3 * (x1 - x0));
    assert_true(y1 - y0 >= 2 * (x1 - x0)); /* no more sub-columns than needed */
    assert_true(X(0) == 200);
    assert_true(X(K + 1) > X(K)); /* the sink moved right of the sub-columns */
    /* with no aspect limit, the old picture: one column of 300 */
    struct vc_layout_opts o = VC_LAYOUT_OPTS_INIT;
    o.max_aspect = 0;
    assert_int_equal(vc_layout_compute(&g, VC_LAYOUT_LAYERED, &o, NULL), VC_OK);
    for (int i = 1; i <= K; i++)
        assert_true(X(i) == 400);
}

/* On the shipped graphs the sweeps never cross more edges than one pass. */
static void fewer_crossings_on_shipped_graphs(void **state)
{
    static const char *const files[] = { "graphs/batteries.graphml",
                                         "graphs/integrated-photonics.graphml",
                                         "graphs/quantum-technology.graphml",
                                         "graphs/semiconductor-lithography.graphml" };
    (void)state;
    for (size_t f = 0; f < sizeof(files) / sizeof(files[0]); f++) {
        char path[1024];
        struct vc_graph h;
        struct vc_chain c;
        struct vc_error err = VC_ERROR_INIT;
        struct vc_layout_opts one = VC_LAYOUT_OPTS_INIT;
        long crossings[2];
        assert_int_equal(vc_load(src_path(files[f], path, sizeof(path)), NULL, &h, &c, NULL,
                                 &err), VC_OK);
        one.sugiyama = false;
        for (int pass = 0; pass < 2; pass++) {
            const struct vc_layout_opts *o = pass ? NULL : &one;
            assert_int_equal(vc_layout_compute(&h, VC_LAYOUT_LAYERED, o, &err), VC_OK);
            size_t n = h.n_nodes;
            double *x = malloc(n * sizeof(double)), *y = malloc(n * sizeof(double));
            assert_non_null(x);
            assert_non_null(y);
            for (size_t k = 0; k < n; k++) {
                x[k] = vc_attr_get_double(vc_graph_attr(&h, VC_CLASS_NODE, "viz_x"), k);
                y[k] = vc_attr_get_double(vc_graph_attr(&h, VC_CLASS_NODE, "viz_y"), k);
            }
            crossings[pass] = vc_layout_crossings(&h, x, y);
            free(x);
            free(y);
        }
        print_message("%s: %ld crossings in one pass, %ld after the sweeps\n", files[f],
                      crossings[0], crossings[1]);
        assert_true(crossings[1] <= crossings[0]);
        vc_chain_release(&c);
        vc_graph_release(&h);
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
        cmocka_unit_test_setup_teardown(crossings_by_hand, reset, release),
        cmocka_unit_test_setup_teardown(crossings_against_pairs, reset, release),
        cmocka_unit_test_setup_teardown(tall_layers_split, reset, release),
        cmocka_unit_test(fewer_crossings_on_shipped_graphs),
        cmocka_unit_test(names_parse),
    };
    return cmocka_run_group_tests_name("layout", tests, NULL, NULL);
}
