/*
 * test_summary.c - the structural facts of `vchain info`: parallel edges,
 * self-loops, weak components and acyclicity, by hand on small graphs and
 * against a sort-based count on random ones.
 */
#include "testutil.h"

static void add_nodes(struct vc_graph *g, size_t n)
{
    struct vc_error err = VC_ERROR_INIT;
    char id[16];
    size_t k;
    for (size_t i = 0; i < n; i++) {
        snprintf(id, sizeof(id), "n%zu", i);
        assert_int_equal(vc_graph_intern_node(g, id, strlen(id), 0, 0, &k, NULL, &err), VC_OK);
    }
}

static void add_edge(struct vc_graph *g, size_t u, size_t v, bool directed)
{
    struct vc_error err = VC_ERROR_INIT;
    assert_int_equal(vc_graph_add_edge(g, u, v, directed, NULL, 0, 1, 1, NULL, &err), VC_OK);
}

static void summarise(struct vc_graph *g, struct vc_summary *s)
{
    struct vc_chain c;
    struct vc_error err = VC_ERROR_INIT;
    assert_int_equal(vc_chain_build(g, NULL, &c, NULL, &err), VC_OK);
    assert_int_equal(vc_summary_compute(&c, 0.005, s, &err), VC_OK);
    vc_chain_release(&c);
}

static void by_hand(void **state)
{
    (void)state;
    struct vc_graph g;
    struct vc_summary s;

    vc_graph_init(&g);
    add_nodes(&g, 7);
    add_edge(&g, 0, 1, true);
    add_edge(&g, 0, 1, true);  /* parallel to the first */
    add_edge(&g, 1, 0, true);  /* the other way: not parallel, and a cycle */
    add_edge(&g, 2, 3, false);
    add_edge(&g, 3, 2, false); /* undirected, same pair: parallel */
    add_edge(&g, 2, 3, true);  /* directed, same pair: not parallel */
    add_edge(&g, 4, 4, true);  /* self-loop */
    add_edge(&g, 4, 4, true);  /* parallel self-loop */
    add_edge(&g, 5, 5, false); /* undirected self-loop */
    /* node 6 alone */
    summarise(&g, &s);
    assert_int_equal(s.n_edges, 9);
    assert_int_equal(s.n_undirected, 3);
    assert_int_equal(s.self_loops, 3);
    assert_int_equal(s.parallel_edges, 3);
    assert_int_equal(s.components, 5); /* {0,1} {2,3} {4} {5} {6} */
    assert_false(s.acyclic);
    vc_summary_release(&s);
    vc_graph_release(&g);

    /* a chain with an undirected back edge stays acyclic (only directed
     * edges count); a directed self-loop is a cycle */
    vc_graph_init(&g);
    add_nodes(&g, 3);
    add_edge(&g, 0, 1, true);
    add_edge(&g, 1, 2, true);
    add_edge(&g, 2, 0, false);
    summarise(&g, &s);
    assert_true(s.acyclic);
    assert_int_equal(s.parallel_edges, 0);
    assert_int_equal(s.components, 1);
    vc_summary_release(&s);
    add_edge(&g, 1, 1, true);
    summarise(&g, &s);
    assert_false(s.acyclic);
    vc_summary_release(&s);
    vc_graph_release(&g);

    /* no nodes at all */
    vc_graph_init(&g);
    summarise(&g, &s);
    assert_int_equal(s.components, 0);
    assert_int_equal(s.parallel_edges, 0);
    assert_true(s.acyclic);
    vc_summary_release(&s);
    vc_graph_release(&g);
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Acyclic by peeling: remove nodes no remaining directed edge enters. */
static bool peel_acyclic(const struct vc_graph *g)
{
    bool *gone = calloc(g->n_nodes + 1, sizeof(*gone));
    size_t left = g->n_nodes;
    bool progress = true;
    while (left && progress) {
        progress = false;
        for (size_t k = 0; k < g->n_nodes; k++) {
            bool entered = false;
            if (gone[k])
                continue;
            for (size_t e = 0; e < g->n_edges && !entered; e++)
                entered = g->edge_directed[e] && g->edge_to[e] == k && !gone[g->edge_from[e]];
            if (!entered) {
                gone[k] = true;
                left--;
                progress = true;
            }
        }
    }
    free(gone);
    return left == 0;
}

/* Random multigraphs: the count matches sorting (source, target, directed),
 * acyclicity matches peeling. */
static void against_sorting(void **state)
{
    (void)state;
    uint64_t rng = 12345;
    int acyclic = 0;
    for (int round = 0; round < 20; round++) {
        struct vc_graph g;
        struct vc_summary s;
        size_t n = 1 + (size_t)round * 7, m = (size_t)round * 40, expect = 0;
        uint64_t *keys = malloc((m ? m : 1) * sizeof(*keys));

        vc_graph_init(&g);
        add_nodes(&g, n);
        for (size_t e = 0; e < m; e++) {
            rng = rng * 6364136223846793005ull + 1442695040888963407ull;
            uint64_t u = (rng >> 33) % n, v = (rng >> 17) % n;
            bool directed = (rng >> 60) & 1;
            if (round % 3 == 0) { /* forward edges only: acyclic */
                directed = u != v;
                if (u > v) {
                    uint64_t t = u;
                    u = v;
                    v = t;
                }
            }
            add_edge(&g, u, v, directed);
            if (!directed && u > v) {
                uint64_t t = u;
                u = v;
                v = t;
            }
            keys[e] = u << 33 | v << 1 | !directed;
        }
        qsort(keys, m, sizeof(*keys), cmp_u64);
        for (size_t e = 1; e < m; e++)
            expect += keys[e] == keys[e - 1];
        summarise(&g, &s);
        assert_int_equal(s.parallel_edges, expect);
        assert_int_equal(s.acyclic, peel_acyclic(&g));
        acyclic += s.acyclic;
        vc_summary_release(&s);
        vc_graph_release(&g);
        free(keys);
    }
    assert_true(acyclic >= 7 && acyclic < 20); /* both answers were checked */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(by_hand),
        cmocka_unit_test(against_sorting),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
