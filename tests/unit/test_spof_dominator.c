/*
 * test_spof_dominator.c - single points of failure against igraph's
 * dominator tree.
 *
 * With only OR semantics (every item one supply type: any provider or any
 * variant will do; actors supplied by one group; no input_of edges) the
 * nodes whose loss alone stops v are exactly v's dominators in the graph
 * with a virtual root feeding every source (docs/model.md).  Random acyclic
 * chains are built, vc_spof_set / vc_spof_counts are compared with
 * igraph_dominator_tree node by node.  An item whose named providers cover
 * less than 99 % of its market has unnamed providers no node can stop: in
 * the dominator graph the root feeds it directly.
 */
#include <igraph.h>

#include "enginetest.h"

#include "engine/bitsets.h"
#include "engine/igraph_glue.h"
#include "engine/model.h"

static uint64_t rng_state;

static uint64_t rng(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static size_t below(size_t n)
{
    return (size_t)(rng() % n);
}

/*
 * A random acyclic OR-only chain of n nodes: node k's sources all come
 * before it.  Returns the dominator graph's extra root edges through
 * *partial (items whose providers cover only part of the market).
 */
static void random_chain(size_t n, uint8_t *partial)
{
    char id[32], src[32];
    for (size_t k = 0; k < n; k++) {
        snprintf(id, sizeof(id), "n%zu", k);
        if (k < 3 || below(3) == 0) {
            FIRM(id, "USA");
        } else {
            ITEM(id, below(4) == 0, NAN);
        }
    }
    for (size_t k = 1; k < n; k++) {
        snprintf(id, sizeof(id), "n%zu", k);
        int is_item = vc_attr_get_string(et.kind, k)[0] == 'i';
        size_t fan = below(4); /* 0: a source */
        size_t providers = 0, variants = 0;
        size_t chosen[8];
        for (size_t j = 0; j < fan; j++) {
            size_t s = below(k);
            int s_item = vc_attr_get_string(et.kind, s)[0] == 'i';
            int dup = 0;
            for (size_t q = 0; q < providers + variants; q++)
                dup |= chosen[q] == s;
            if (dup || (!is_item && s_item))
                continue; /* actors are supplied by actors only */
            chosen[providers + variants] = s;
            if (s_item)
                variants++;
            else
                providers++;
        }
        /* shares: providers first, splitting the covered part evenly */
        double cover = is_item && providers && below(4) == 0 ? 0.5 : 1.0;
        if (is_item && providers && cover < 1.0)
            partial[k] = 1;
        for (size_t q = 0; q < providers + variants; q++) {
            size_t s = chosen[q];
            snprintf(src, sizeof(src), "n%zu", s);
            if (!is_item)
                SUPPLY(src, id, NULL, NAN);
            else if (vc_attr_get_string(et.kind, s)[0] == 'i')
                VARIANT(src, id, NAN);
            else
                PROV(src, id, cover / (double)providers);
        }
    }
}

/* dom[v]: v's immediate dominator from the virtual root (index n). */
static void dominators(size_t n, const uint8_t *partial, igraph_vector_int_t *dom)
{
    const struct vc_graph *g = &et.g;
    igraph_vector_int_t edges;
    igraph_t ig;
    struct vc_error err = VC_ERROR_INIT;
    uint8_t *fed = calloc(n, 1);
    size_t k = 0;

    assert_non_null(fed);
    vc_igraph_init();
    assert_int_equal(igraph_vector_int_init(&edges, 0), IGRAPH_SUCCESS);
    for (size_t e = 0; e < g->n_edges; e++) {
        assert_int_equal(igraph_vector_int_push_back(&edges, g->edge_from[e]), IGRAPH_SUCCESS);
        assert_int_equal(igraph_vector_int_push_back(&edges, g->edge_to[e]), IGRAPH_SUCCESS);
        fed[g->edge_to[e]] = 1;
    }
    for (size_t v = 0; v < n; v++)
        if (!fed[v] || partial[v]) { /* a source, or unnamed providers stand in */
            assert_int_equal(igraph_vector_int_push_back(&edges, (igraph_integer_t)n),
                             IGRAPH_SUCCESS);
            assert_int_equal(igraph_vector_int_push_back(&edges, (igraph_integer_t)v),
                             IGRAPH_SUCCESS);
            k++;
        }
    assert_true(k > 0);
    assert_int_equal(VC_IGRAPH(igraph_create(&ig, &edges, (igraph_integer_t)n + 1,
                                             IGRAPH_DIRECTED), &err, "create"), VC_OK);
    assert_int_equal(igraph_vector_int_init(dom, 0), IGRAPH_SUCCESS);
    assert_int_equal(VC_IGRAPH(igraph_dominator_tree(&ig, (igraph_integer_t)n, dom, NULL, NULL,
                                                     IGRAPH_OUT), &err, "dominator tree"),
                     VC_OK);
    igraph_destroy(&ig);
    igraph_vector_int_destroy(&edges);
    free(fed);
    assert_true(IGRAPH_FINALLY_STACK_EMPTY);
}

/* in[x] = 1 when x dominates v (v itself included), from the idom chain. */
static void dominator_set(const igraph_vector_int_t *dom, size_t n, size_t v, uint8_t *in)
{
    memset(in, 0, n);
    for (igraph_integer_t x = (igraph_integer_t)v; x >= 0 && (size_t)x < n;
         x = VECTOR(*dom)[x])
        in[x] = 1;
}

static void compare_graph(size_t n, uint64_t seed, size_t every)
{
    static const struct vc_engine_opts o = VC_ENGINE_OPTS_INIT;
    struct vc_model m;
    struct vc_error err = VC_ERROR_INIT;
    igraph_vector_int_t dom;
    uint8_t *partial = calloc(n, 1), *want = malloc(n), *got = malloc(n);
    uint32_t *counts = calloc(n, sizeof(uint32_t)), *want_counts = calloc(n, sizeof(uint32_t));
    struct vc_engine_opts two = o;

    assert_true(partial && want && got && counts && want_counts);
    rng_state = seed;
    random_chain(n, partial);
    BUILD();
    dominators(n, partial, &dom);
    /* every node reachable from the root: the root (n) heads every chain */
    for (size_t v = 0; v < n; v++)
        assert_true(VECTOR(dom)[v] >= 0);
    assert_int_equal(vc_model_build(&et.c, NULL, &m, &err), VC_OK);
    assert_int_equal(m.n_ordered, n); /* acyclic */
    for (size_t v = 0; v < n; v += every) {
        dominator_set(&dom, n, v, want);
        assert_int_equal(vc_spof_set(&m, &o, VC_LEVEL_FIRM, (uint32_t)v, got, &err), VC_OK);
        for (size_t x = 0; x < n; x++)
            if (got[x] != want[x])
                fail_msg("seed %llu, n %zu: E(n%zu) %s n%zu, the dominator tree says %s",
                         (unsigned long long)seed, n, v, got[x] ? "holds" : "lacks", x,
                         want[x] ? "it dominates" : "it does not");
    }
    /* spof_finals from all final items' dominator sets, on two threads */
    for (size_t f = 0; f < n; f++) {
        if (!et.c.final[f])
            continue;
        dominator_set(&dom, n, f, want);
        for (size_t x = 0; x < n; x++)
            want_counts[x] += want[x];
    }
    two.threads = 2;
    assert_int_equal(vc_spof_counts(&m, &two, VC_LEVEL_FIRM, counts, &err), VC_OK);
    assert_memory_equal(counts, want_counts, n * sizeof(uint32_t));
    vc_model_release(&m);
    igraph_vector_int_destroy(&dom);
    free(partial);
    free(want);
    free(got);
    free(counts);
    free(want_counts);
}

static void small_graphs(void **state)
{
    (void)state;
    for (uint64_t seed = 1; seed <= 60; seed++) {
        size_t n = 20 + (size_t)(seed * 7 % 100);
        et_teardown(NULL);
        et_setup(NULL);
        compare_graph(n, seed, 1);
    }
}

/* More nodes than one chunk of candidates (2,048): the chunked, threaded path. */
static void chunked_graph(void **state)
{
    (void)state;
    compare_graph(5000, 4242, 97);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(small_graphs, et_setup, et_teardown),
        cmocka_unit_test_setup_teardown(chunked_graph, et_setup, et_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
