/*
 * test_spread.c - the engine's extraction loops handed to a spreader
 * (vchain/spread.h), as the MPI build does, without MPI: a spreader that
 * plays P processes one after the other, last first (each computing tasks
 * r, r + P, ...), must give every figure the loop gives in one piece, on
 * a shipped graph and in the dependency matrix; a spreader's failure is
 * the analysis's.
 */
#include "testutil.h"

struct played {
    unsigned processes;
    size_t jobs, tasks;          /* jobs seen, tasks run */
    unsigned long long order;    /* a check on which tasks ran: sum of t * (t + 1) */
    enum vc_status fail;         /* VC_OK, or the status to fail every job with */
};

static enum vc_status play(void *ctx, const struct vc_spread_job *job, struct vc_error *err)
{
    struct played *p = ctx;

    p->jobs++;
    if (p->fail != VC_OK)
        return vc_error_set(err, p->fail, job->source, 0, 0, "process 2 went away");
    /* each run combines its statistics into the job's, as the processes'
     * are combined */
    for (unsigned r = p->processes; r-- > 0;) {
        size_t count = job->n > r ? (job->n - r + p->processes - 1) / p->processes : 0;
        if (count)
            job->run(job->ctx, r, p->processes, count);
        for (size_t k = 0; k < count; k++) {
            size_t t = r + k * p->processes;
            p->order += (unsigned long long)t * (t + 1);
        }
        p->tasks += count;
    }
    return VC_OK;
}

static void load(const char *rel, struct vc_graph *g, struct vc_chain *c)
{
    char path[512];
    struct vc_load_opts lo = VC_LOAD_OPTS_INIT;
    struct vc_error err = VC_ERROR_INIT;
    if (vc_load(src_path(rel, path, sizeof(path)), &lo, g, c, NULL, &err) != VC_OK)
        fail_msg("%s: %s", path, err.msg);
}

/* Same bits, NaN included. */
static void same_doubles(const double *a, const double *b, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (memcmp(&a[k], &b[k], sizeof(double)) != 0)
            fail_msg("entry %zu: %.17g against %.17g", k, a[k], b[k]);
}

static void test_analysis_spread(void **state)
{
    struct vc_graph g;
    struct vc_chain c;
    struct vc_analysis one, spread;
    struct vc_engine_opts o = VC_ENGINE_OPTS_INIT;
    struct vc_error err = VC_ERROR_INIT;
    size_t n_tasks = 0;
    (void)state;

    load("graphs/semiconductor-lithography.graphml", &g, &c);
    o.threads = 2;
    assert_int_equal(vc_analysis_run(&c, &o, &one, &err), VC_OK);
    for (unsigned processes = 1; processes <= 4; processes++) {
        struct played p = { processes, 0, 0, 0, VC_OK };
        vc_spread_set(play, &p);
        assert_int_equal(vc_analysis_run(&c, &o, &spread, &err), VC_OK);
        vc_spread_set(NULL, NULL);
        /* four loops: actors, items, countries, hard-to-replace provisions */
        assert_int_equal(p.jobs, 4);
        n_tasks = 0;
        for (size_t v = 0; v < c.n_nodes; v++)
            n_tasks += c.kind[v] == VC_KIND_ACTOR || c.kind[v] == VC_KIND_ITEM;
        n_tasks += spread.n_countries;
        for (size_t k = 0; k < spread.n_provisions; k++)
            n_tasks += spread.provisions[k].hard_to_replace;
        assert_int_equal(p.tasks, n_tasks);
        same_doubles(one.impact, spread.impact, c.n_nodes);
        assert_memory_equal(one.impact_estimated, spread.impact_estimated, c.n_nodes);
        assert_memory_equal(one.control_point, spread.control_point, c.n_nodes);
        assert_int_equal(one.n_provisions, spread.n_provisions);
        for (size_t k = 0; k < one.n_provisions; k++) {
            assert_int_equal(one.provisions[k].edge, spread.provisions[k].edge);
            same_doubles(&one.provisions[k].impact, &spread.provisions[k].impact, 1);
            assert_int_equal(one.provisions[k].control_point, spread.provisions[k].control_point);
        }
        assert_int_equal(one.n_countries, spread.n_countries);
        for (size_t k = 0; k < one.n_countries; k++) {
            assert_string_equal(one.countries[k].code, spread.countries[k].code);
            same_doubles(&one.countries[k].impact, &spread.countries[k].impact, 1);
        }
        assert_int_equal(one.rounds, spread.rounds);
        assert_int_equal(one.converged, spread.converged);
        vc_analysis_release(&spread);
    }
    /* the loops are not empty: the comparison above compared something */
    assert_true(n_tasks > 20);
    vc_analysis_release(&one);
    vc_chain_release(&c);
    vc_graph_release(&g);
}

static void test_deps_spread(void **state)
{
    static const char *const codes[] = { "NLD", "JPN", "USA", "DEU", "CHN" };
    struct vc_graph g;
    struct vc_chain c;
    struct vc_deps one, spread;
    struct vc_engine_opts o = VC_ENGINE_OPTS_INIT;
    struct vc_error err = VC_ERROR_INIT;
    size_t n = 0;
    (void)state;

    load("graphs/asml-suppliers.graphml", &g, &c);
    /* the countries of the graph among those five */
    const char *have[5];
    for (size_t k = 0; k < 5; k++)
        for (size_t v = 0; v < c.n_nodes; v++)
            if (c.kind[v] == VC_KIND_ACTOR && c.country[v] && !c.aggregate[v] &&
                strcmp(c.country[v], codes[k]) == 0) {
                have[n++] = codes[k];
                break;
            }
    assert_true(n >= 3);
    assert_int_equal(vc_deps_matrix(&c, &o, have, n, &one, &err), VC_OK);
    for (unsigned processes = 2; processes <= 3; processes++) {
        struct played p = { processes, 0, 0, 0, VC_OK };
        vc_spread_set(play, &p);
        assert_int_equal(vc_deps_matrix(&c, &o, have, n, &spread, &err), VC_OK);
        vc_spread_set(NULL, NULL);
        assert_int_equal(p.jobs, 1);
        assert_int_equal(p.tasks, n);
        /* every task once: sum of t (t + 1) over 0 .. n-1 */
        assert_int_equal(p.order, (unsigned long long)(n - 1) * n * (n + 1) / 3);
        same_doubles(one.m, spread.m, n * n);
        same_doubles(one.output, spread.output, n);
        vc_deps_release(&spread);
    }
    vc_deps_release(&one);
    vc_chain_release(&c);
    vc_graph_release(&g);
}

static void test_spreader_fails(void **state)
{
    struct vc_graph g;
    struct vc_chain c;
    struct vc_analysis a;
    struct vc_engine_opts o = VC_ENGINE_OPTS_INIT;
    struct vc_error err = VC_ERROR_INIT;
    struct played p = { 3, 0, 0, 0, VC_EIO };
    (void)state;

    load("graphs/batteries.graphml", &g, &c);
    vc_spread_set(play, &p);
    assert_int_equal(vc_analysis_run(&c, &o, &a, &err), VC_EIO);
    vc_spread_set(NULL, NULL);
    assert_string_equal(err.msg, "process 2 went away");
    /* the first loop failed: nothing ran, nothing is left to release */
    assert_int_equal(p.jobs, 1);
    assert_int_equal(p.tasks, 0);
    vc_chain_release(&c);
    vc_graph_release(&g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_analysis_spread),
        cmocka_unit_test(test_deps_spread),
        cmocka_unit_test(test_spreader_fails),
    };
    return cmocka_run_group_tests_name("spread", tests, NULL, NULL);
}
