/*
 * test_centrality.c - the position figures of vc_analysis_run against
 * igraph called directly on the same graphs (the shipped graphs/ GraphML files
 * and small hand graphs with parallel edges, a self-loop, a cycle and an
 * edge the value-chain model does not analyse), to 1e-9 relative:
 * PageRank downstream and upstream, exact betweenness, degrees and
 * strengths; trophic level against an exact solve of its linear system
 * and against hand-computed values.  NetworkX is the other oracle
 * (tests/cli/test_centrality.sh).
 */
#include <igraph.h>

#include "enginetest.h"

#include "engine/igraph_glue.h"

static int close_rel(double got, double want)
{
    return fabs(got - want) <= 1e-9 * fabs(want) + 1e-12;
}

static void expect_close(const char *what, const struct vc_graph *g, size_t k, double got,
                         double want)
{
    if (!close_rel(got, want))
        fail_msg("%s of %s: %.17g, igraph says %.17g", what, g->node_id[k], got, want);
}

static void make_igraph(const struct vc_graph *g, int reversed, igraph_t *ig)
{
    igraph_vector_int_t edges;
    struct vc_error err = VC_ERROR_INIT;
    assert_int_equal(igraph_vector_int_init(&edges, (igraph_integer_t)(2 * g->n_edges)),
                     IGRAPH_SUCCESS);
    for (size_t e = 0; e < g->n_edges; e++) {
        VECTOR(edges)[2 * e + (reversed ? 1 : 0)] = g->edge_from[e];
        VECTOR(edges)[2 * e + (reversed ? 0 : 1)] = g->edge_to[e];
    }
    assert_int_equal(VC_IGRAPH(igraph_create(ig, &edges, (igraph_integer_t)g->n_nodes,
                                             IGRAPH_DIRECTED), &err, "create"), VC_OK);
    igraph_vector_int_destroy(&edges);
}

/* Levine's trophic level as vchain defines it (docs/model.md), by solving
 * (I - P) h = 1 exactly (Gaussian elimination): P[v][u] = (edges u -> v) /
 * (edges into v), self-loops left out. */
static void trophic_exact(const struct vc_graph *g, double *h)
{
    size_t n = g->n_nodes;
    double *A = calloc(n * (n + 1), sizeof(double));
    unsigned *in = calloc(n, sizeof(unsigned));
    assert_true(A && in);
    for (size_t e = 0; e < g->n_edges; e++)
        if (g->edge_from[e] != g->edge_to[e])
            in[g->edge_to[e]]++;
    for (size_t v = 0; v < n; v++) {
        A[v * (n + 1) + v] = 1.0;
        A[v * (n + 1) + n] = 1.0;
    }
    for (size_t e = 0; e < g->n_edges; e++) {
        size_t u = g->edge_from[e], v = g->edge_to[e];
        if (u != v)
            A[v * (n + 1) + u] -= 1.0 / in[v];
    }
    for (size_t col = 0; col < n; col++) {
        size_t piv = col;
        for (size_t r = col + 1; r < n; r++)
            if (fabs(A[r * (n + 1) + col]) > fabs(A[piv * (n + 1) + col]))
                piv = r;
        assert_true(fabs(A[piv * (n + 1) + col]) > 1e-12); /* every node reaches a basal one */
        for (size_t j = 0; j <= n; j++) {
            double t = A[col * (n + 1) + j];
            A[col * (n + 1) + j] = A[piv * (n + 1) + j];
            A[piv * (n + 1) + j] = t;
        }
        for (size_t r = 0; r < n; r++) {
            double f = A[r * (n + 1) + col] / A[col * (n + 1) + col];
            if (r == col || f == 0)
                continue;
            for (size_t j = col; j <= n; j++)
                A[r * (n + 1) + j] -= f * A[col * (n + 1) + j];
        }
    }
    for (size_t v = 0; v < n; v++)
        h[v] = A[v * (n + 1) + n] / A[v * (n + 1) + v];
    free(A);
    free(in);
}

static void compare_with_igraph(const struct vc_graph *g, const struct vc_chain *c,
                                const struct vc_analysis *a)
{
    size_t n = g->n_nodes;
    igraph_t down, up;
    igraph_vector_t v, w;
    igraph_vector_int_t d;
    igraph_real_t value;
    struct vc_error err = VC_ERROR_INIT;
    double *h = malloc((n ? n : 1) * sizeof(double));

    assert_non_null(h);
    vc_igraph_init();
    make_igraph(g, 0, &down);
    make_igraph(g, 1, &up);
    assert_int_equal(igraph_vector_init(&v, 0), IGRAPH_SUCCESS);
    assert_int_equal(igraph_vector_int_init(&d, 0), IGRAPH_SUCCESS);
    assert_int_equal(igraph_vector_init(&w, (igraph_integer_t)g->n_edges), IGRAPH_SUCCESS);

    assert_int_equal(VC_IGRAPH(igraph_pagerank(&down, IGRAPH_PAGERANK_ALGO_PRPACK, &v, &value,
                                               igraph_vss_all(), IGRAPH_DIRECTED, 0.85, NULL,
                                               NULL), &err, "pagerank"), VC_OK);
    for (size_t k = 0; k < n; k++)
        expect_close("pagerank_down", g, k, a->pagerank_down[k], VECTOR(v)[k]);
    assert_int_equal(VC_IGRAPH(igraph_pagerank(&up, IGRAPH_PAGERANK_ALGO_PRPACK, &v, &value,
                                               igraph_vss_all(), IGRAPH_DIRECTED, 0.85, NULL,
                                               NULL), &err, "pagerank up"), VC_OK);
    for (size_t k = 0; k < n; k++)
        expect_close("pagerank_up", g, k, a->pagerank_up[k], VECTOR(v)[k]);

    assert_int_equal(VC_IGRAPH(igraph_betweenness(&down, &v, igraph_vss_all(), IGRAPH_DIRECTED,
                                                  NULL), &err, "betweenness"), VC_OK);
    assert_int_equal(a->betweenness_samples, 0);
    for (size_t k = 0; k < n; k++)
        expect_close("betweenness", g, k, a->betweenness[k], VECTOR(v)[k]);

    for (size_t e = 0; e < g->n_edges; e++)
        VECTOR(w)[e] = c->weight[e];
    assert_int_equal(VC_IGRAPH(igraph_strength(&down, &v, igraph_vss_all(), IGRAPH_IN,
                                               IGRAPH_LOOPS, &w), &err, "in"), VC_OK);
    for (size_t k = 0; k < n; k++)
        expect_close("in_strength", g, k, a->in_strength[k], VECTOR(v)[k]);
    assert_int_equal(VC_IGRAPH(igraph_strength(&down, &v, igraph_vss_all(), IGRAPH_OUT,
                                               IGRAPH_LOOPS, &w), &err, "out"), VC_OK);
    for (size_t k = 0; k < n; k++)
        expect_close("out_strength", g, k, a->out_strength[k], VECTOR(v)[k]);
    assert_int_equal(VC_IGRAPH(igraph_degree(&down, &d, igraph_vss_all(), IGRAPH_IN,
                                             IGRAPH_LOOPS), &err, "in-degree"), VC_OK);
    for (size_t k = 0; k < n; k++)
        assert_int_equal(a->in_degree[k], VECTOR(d)[k]);
    assert_int_equal(VC_IGRAPH(igraph_degree(&down, &d, igraph_vss_all(), IGRAPH_OUT,
                                             IGRAPH_LOOPS), &err, "out-degree"), VC_OK);
    for (size_t k = 0; k < n; k++)
        assert_int_equal(a->out_degree[k], VECTOR(d)[k]);

    trophic_exact(g, h);
    for (size_t k = 0; k < n; k++)
        if (!close_rel(a->trophic_level[k], h[k]))
            fail_msg("trophic_level of %s: %.17g, the exact solve says %.17g", g->node_id[k],
                     a->trophic_level[k], h[k]);

    igraph_vector_destroy(&v);
    igraph_vector_destroy(&w);
    igraph_vector_int_destroy(&d);
    igraph_destroy(&down);
    igraph_destroy(&up);
    free(h);
    assert_true(IGRAPH_FINALLY_STACK_EMPTY);
}

static void shipped_graphs(void **state)
{
    static const char *const names[] = { "semiconductor-lithography", "batteries",
                                         "integrated-photonics", "quantum-technology" };
    (void)state;
    for (size_t j = 0; j < sizeof(names) / sizeof(names[0]); j++) {
        char rel[128], path[512];
        struct vc_graph g;
        struct vc_chain c;
        struct vc_analysis a;
        struct vc_error err = VC_ERROR_INIT;
        struct vc_engine_opts o = VC_ENGINE_OPTS_INIT;
        snprintf(rel, sizeof(rel), "graphs/%s.graphml", names[j]);
        src_path(rel, path, sizeof(path));
        if (vc_load(path, NULL, &g, &c, NULL, &err) != VC_OK)
            fail_msg("%s: %s", path, err.msg);
        if (vc_analysis_run(&c, &o, &a, &err) != VC_OK)
            fail_msg("%s: %s", path, err.msg);
        compare_with_igraph(&g, &c, &a);
        vc_analysis_release(&a);
        /* sampling every node is exact: the same figures by the other path */
        o.betweenness_exact_max = 0;
        o.betweenness_samples = g.n_nodes;
        assert_int_equal(vc_analysis_run(&c, &o, &a, &err), VC_OK);
        compare_with_igraph(&g, &c, &a);
        vc_analysis_release(&a);
        vc_chain_release(&c);
        vc_graph_release(&g);
    }
}

/* a => b (twice), b -> c -> d -> b (a cycle), a -> e, e -> e (a self-loop),
 * and an item x made by a that d buys back (x -> d: an edge the value-chain
 * model does not analyse, but the position figures count). */
static void hand_graph(void)
{
    ITEM("x", 1, NAN);
    FIRM("a", "USA");
    FIRM("b", "USA");
    FIRM("c", "USA");
    FIRM("d", "USA");
    FIRM("e", "USA");
    SUPPLY("a", "b", NULL, 2.0);
    SUPPLY("a", "b", NULL, 0.5);
    SUPPLY("b", "c", NULL, NAN);
    SUPPLY("c", "d", NULL, NAN);
    SUPPLY("d", "b", NULL, NAN);
    SUPPLY("a", "e", NULL, NAN);
    SUPPLY("e", "e", NULL, 3.0);
    PROV("a", "x", 1.0);
    assert_int_equal(vc_graph_add_edge(&et.g, N("x"), N("d"), true, NULL, 0, 0, 0, NULL, NULL),
                     VC_OK);
    BUILD();
    assert_int_equal(et.c.relation[et.g.n_edges - 1], VC_REL_OTHER);
}

static void hand_graph_igraph(void **state)
{
    struct vc_analysis a;
    struct vc_engine_opts o = VC_ENGINE_OPTS_INIT;
    (void)state;
    hand_graph();
    RUN(&o, &a);
    compare_with_igraph(&et.g, &et.c, &a);
    vc_analysis_release(&a);
}

static void hand_graph_trophic(void **state)
{
    struct vc_analysis a;
    struct vc_engine_opts o = VC_ENGINE_OPTS_INIT;
    (void)state;
    hand_graph();
    RUN(&o, &a);
    /* a = 1, x = 2 (fed by a); e: its self-loop left out, fed by a: 2.
     * b = 1 + (1 + 1 + d) / 3, c = 1 + b, d = 1 + (c + x) / 2
     *   => d = 1 + (1 + b + 2) / 2 = 2.5 + b / 2, b = 1 + (4.5 + b / 2) / 3
     *   => b (1 - 1/6) = 2.5 => b = 3, c = 4, d = 4 */
    assert_double_near(a.trophic_level[N("a")], 1.0, 1e-12);
    assert_double_near(a.trophic_level[N("x")], 2.0, 1e-12);
    assert_double_near(a.trophic_level[N("e")], 2.0, 1e-12);
    assert_double_near(a.trophic_level[N("b")], 3.0, 1e-9);
    assert_double_near(a.trophic_level[N("c")], 4.0, 1e-9);
    assert_double_near(a.trophic_level[N("d")], 4.0, 1e-9);
    /* degrees and strengths by hand: b gets 2 + 0.5 + 1 */
    assert_int_equal(a.in_degree[N("b")], 3);
    assert_double_near(a.in_strength[N("b")], 3.5, 1e-12);
    assert_double_near(a.out_strength[N("e")], 3.0, 1e-12); /* the self-loop */
    assert_int_equal(a.in_degree[N("e")], 2);
    vc_analysis_release(&a);
}

/* The model's order leaves out edges it does not analyse (relation other):
 * y -> g below.  Nodes in index order g, f, y; model edges f -> y only. */
static void trophic_other_edges(void **state)
{
    struct vc_analysis a;
    struct vc_engine_opts o = VC_ENGINE_OPTS_INIT;
    (void)state;
    FIRM("g", "USA");
    ITEM("y", 1, NAN);
    FIRM("f", "USA");
    PROV("f", "y", 1.0);
    assert_int_equal(vc_graph_add_edge(&et.g, N("y"), N("g"), true, NULL, 0, 0, 0, NULL, NULL),
                     VC_OK);
    BUILD();
    RUN(&o, &a);
    assert_double_near(a.trophic_level[N("f")], 1.0, 1e-12);
    assert_double_near(a.trophic_level[N("y")], 2.0, 1e-12);
    assert_double_near(a.trophic_level[N("g")], 3.0, 1e-12);
    compare_with_igraph(&et.g, &et.c, &a);
    vc_analysis_release(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(shipped_graphs),
        cmocka_unit_test_setup_teardown(hand_graph_igraph, et_setup, et_teardown),
        cmocka_unit_test_setup_teardown(hand_graph_trophic, et_setup, et_teardown),
        cmocka_unit_test_setup_teardown(trophic_other_edges, et_setup, et_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
