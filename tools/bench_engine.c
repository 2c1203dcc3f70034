/*
 * bench_engine.c - the control-point engine's speed and memory on synthetic
 * value chains, and incremental extraction beside the naive method.
 *
 *   bench_engine [SCRATCH_DIR] [--quick] [--threads N] [--budget SECONDS]
 *
 * (SCRATCH_DIR is accepted for tools/bench.sh and not used: the chains are
 * built in memory.)  For each size (10k nodes / 100k edges, 30k / 300k,
 * 100k / 1M; --quick: the first only), in a fresh child process:
 *   1. builds a synthetic chain through the graph API and vc_chain_build:
 *      a third of the nodes items in 8 tiers (the top tier final, with
 *      market sizes), the rest firms (14 country rows among them); of the
 *      edges 70 % provides (shares covering the whole market for half the
 *      items, 90 % for the rest, one share in 50 unknown), 15 % input_of
 *      and 5 % variant_of from a lower tier to a higher one, 10 % supplies
 *      between firms in 4 groups (from a lower index to a higher: acyclic);
 *      deterministic (splitmix64, seed 42);
 *   2. times vc_analysis_run (everything: concentration, single points of
 *      failure, reach, centrality, the impact of every actor, item, country
 *      and hard-to-replace provision, control points) on --threads threads
 *      (default 2), with the time of each stage and peak RSS over the run
 *      (VmHWM, reset after building the chain; the chain is resident),
 *      then vc_deps_matrix over the countries holding a control point
 *      (what `vchain deps` computes after the analysis);
 *   3. times the impact of every actor alone, incremental (vc_prop_run)
 *      and naive (vc_prop_run_naive: a full pass over the graph per actor),
 *      both on the same threads; when the naive loop would take longer than
 *      --budget seconds (default 20) it runs on an evenly spaced sample of
 *      actors and its time is extrapolated (said in the output).  The two
 *      methods' impacts are compared on every actor the naive one ran.
 * The CPU time of the analysis and the load average are printed too: on a
 * machine shared with other work the wall-clock time overstates.
 * Ends with how the analysis time grows with size (the exponent of a power
 * law through the smallest and the largest size).
 */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "vchain/vchain.h"
#include "vchain/engine.h"
#include "vchain/vchain.h"

#include "engine/disruption.h"
#include "engine/model.h"
#include "engine/parallel.h"

#include "bench_util.h"

/* ---- the synthetic chain ---- */

static const char *const countries[] = { "USA", "CHN", "JPN", "KOR", "TWN", "NLD", "DEU",
                                         "FRA", "GBR", "SGP", "ISR", "IND", "MYS", "VNM" };
#define N_COUNTRIES 14
#define TIERS 8

struct cols {
    struct vc_attr *kind, *label, *country, *level, *value, *final;
    struct vc_attr *relation, *share, *weight, *item;
};

static void die(const char *what, const struct vc_error *err)
{
    fprintf(stderr, "bench_engine: %s: %s\n", what, err ? err->msg : "failed");
    exit(1);
}

static const char *pooled(struct vc_graph *g, const char *s)
{
    const char *p = vc_graph_strdup(g, s, strlen(s));
    if (!p)
        die("out of memory", NULL);
    return p;
}

static void edge(struct vc_graph *g, const struct cols *c, long u, long v, const char *rel,
                 double share, double weight, const char *item)
{
    size_t e;
    struct vc_error err = VC_ERROR_INIT;
    if (vc_graph_add_edge(g, (size_t)u, (size_t)v, true, NULL, 0, 0, 0, &e, &err) != VC_OK ||
        vc_attr_set_string(c->relation, e, rel, &err) != VC_OK ||
        (!isnan(share) && vc_attr_set_double(c->share, e, share, &err) != VC_OK) ||
        (!isnan(weight) && vc_attr_set_double(c->weight, e, weight, &err) != VC_OK) ||
        (item && vc_attr_set_string(c->item, e, item, &err) != VC_OK))
        die("adding an edge", &err);
}

/* An item index of a tier range [lo_tier, hi_tier). */
static long item_in(long items, int lo_tier, int hi_tier)
{
    long lo = (long)lo_tier * items / TIERS, hi = (long)hi_tier * items / TIERS;
    return lo + (long)(bench_rng() % (uint64_t)(hi - lo));
}

static void make_chain(struct vc_graph *g, long nodes, long edges)
{
    struct cols c;
    struct vc_error err = VC_ERROR_INIT;
    long items = nodes / 3, actors = nodes - items;
    long provides = edges * 70 / 100, inputs = edges * 15 / 100, variants = edges * 5 / 100;
    long supplies = edges - provides - inputs - variants;
    const char *rel_prov, *rel_in, *rel_var, *rel_sup, *group[4], *cc[N_COUNTRIES];
    char buf[64];

    bench_seed(42);
    vc_graph_init(g);
    if (vc_graph_attr_add(g, VC_CLASS_NODE, "kind", VC_ATTR_STRING, &c.kind, &err) ||
        vc_graph_attr_add(g, VC_CLASS_NODE, "label", VC_ATTR_STRING, &c.label, &err) ||
        vc_graph_attr_add(g, VC_CLASS_NODE, "country", VC_ATTR_STRING, &c.country, &err) ||
        vc_graph_attr_add(g, VC_CLASS_NODE, "level", VC_ATTR_STRING, &c.level, &err) ||
        vc_graph_attr_add(g, VC_CLASS_NODE, "value", VC_ATTR_DOUBLE, &c.value, &err) ||
        vc_graph_attr_add(g, VC_CLASS_NODE, "final", VC_ATTR_BOOL, &c.final, &err) ||
        vc_graph_attr_add(g, VC_CLASS_EDGE, "relation", VC_ATTR_STRING, &c.relation, &err) ||
        vc_graph_attr_add(g, VC_CLASS_EDGE, "share", VC_ATTR_DOUBLE, &c.share, &err) ||
        vc_graph_attr_add(g, VC_CLASS_EDGE, "weight", VC_ATTR_DOUBLE, &c.weight, &err) ||
        vc_graph_attr_add(g, VC_CLASS_EDGE, "item", VC_ATTR_STRING, &c.item, &err))
        die("columns", &err);
    const char *item_kind = pooled(g, "item"), *actor_kind = pooled(g, "actor");
    const char *country_level = pooled(g, "country");
    rel_prov = pooled(g, "provides");
    rel_in = pooled(g, "input_of");
    rel_var = pooled(g, "variant_of");
    rel_sup = pooled(g, "supplies");
    for (int k = 0; k < 4; k++) {
        snprintf(buf, sizeof(buf), "group %d", k);
        group[k] = pooled(g, buf);
    }
    for (int k = 0; k < N_COUNTRIES; k++)
        cc[k] = pooled(g, countries[k]);

    /* nodes: items 0 .. items-1, actors after */
    for (long i = 0; i < nodes; i++) {
        size_t k;
        int is_item = i < items;
        snprintf(buf, sizeof(buf), "%c%ld", is_item ? 'i' : 'a', is_item ? i : i - items);
        if (vc_graph_intern_node(g, buf, strlen(buf), 0, 0, &k, NULL, &err) != VC_OK)
            die("adding a node", &err);
        snprintf(buf, sizeof(buf), "%s %ld", is_item ? "Item" : "Firm", is_item ? i : i - items);
        vc_attr_set_string(c.kind, k, is_item ? item_kind : actor_kind, NULL);
        vc_attr_set_string(c.label, k, pooled(g, buf), NULL);
        if (is_item) {
            vc_attr_set_double(c.value, k, 0.1 + 10.0 * bench_unit(), NULL);
            if (i >= (long)(TIERS - 1) * items / TIERS)
                vc_attr_set_int(c.final, k, 1, NULL);
        } else {
            long a = i - items;
            vc_attr_set_string(c.country, k,
                               cc[a < N_COUNTRIES ? a : (long)(bench_rng() % 14)], NULL);
            if (a < N_COUNTRIES)
                vc_attr_set_string(c.level, k, country_level, NULL);
        }
    }
    /* provides: item by item, a random partition of the covered part,
     * led by one large provider */
    long per_item = provides / items, extra = provides % items;
    for (long i = 0; i < items; i++) {
        long k = per_item + (i < extra);
        double left = i % 2 ? 0.9 : 1.0;
        for (long j = 0; j < k; j++) {
            long a = N_COUNTRIES + (long)(bench_rng() % (uint64_t)(actors - N_COUNTRIES));
            /* a leader with 30-90 % of what is left, then smaller ones */
            double s = j + 1 == k ? left
                                  : left * (j ? 0.5 * bench_unit() : 0.3 + 0.6 * bench_unit());
            left -= s;
            edge(g, &c, items + a, i, rel_prov, bench_rng() % 50 ? s : NAN, NAN, NULL);
        }
    }
    for (long e = 0; e < inputs + variants; e++) {
        long v = item_in(items, 1, TIERS);
        int tv = (int)(v * TIERS / items);
        long u = item_in(items, 0, tv ? tv : 1);
        edge(g, &c, u, v, e < inputs ? rel_in : rel_var, NAN, 1.0 + bench_unit(), NULL);
    }
    for (long e = 0; e < supplies; e++) {
        long a = N_COUNTRIES + (long)(bench_rng() % (uint64_t)(actors - N_COUNTRIES - 1));
        long b = a + 1 + (long)(bench_rng() % (uint64_t)(actors - a - 1));
        edge(g, &c, items + a, items + b, rel_sup, NAN, 1.0 + bench_unit(), group[bench_rng() % 4]);
    }
}

/* ---- measurements (in a child process) ---- */

#define MAX_STAGES 8

struct result {
    long nodes, edges, actors;
    double build_s, analysis_s, analysis_cpu_s, peak_mb, chain_mb;
    double load1;               /* load average when the analysis ended */
    int n_stages;
    char stage[MAX_STAGES][48];
    double stage_s[MAX_STAGES];
    size_t control_points, n_provisions;
    double inc_s, naive_s;      /* naive_s extrapolated when naive_sample < actors */
    long naive_sample;
    double max_diff;
    double deps_s;              /* vc_deps_matrix over the countries holding a CP */
    size_t deps_countries;
    int ok;
};

struct stages {
    struct result *r;
    double t0, last;
    const char *current;
};

static void on_progress(void *ctx, const char *stage, size_t done, size_t total)
{
    struct stages *s = ctx;
    (void)done;
    (void)total;
    if (s->current && strcmp(s->current, stage) == 0)
        return;
    double t = bench_now();
    if (s->current && s->r->n_stages < MAX_STAGES) {
        snprintf(s->r->stage[s->r->n_stages], sizeof(s->r->stage[0]), "%s", s->current);
        s->r->stage_s[s->r->n_stages++] = t - s->last;
    }
    s->current = stage;
    s->last = t;
}

struct loop {
    const struct vc_model *m;
    struct vc_prop *props;
    const uint32_t *actors;
    double *impact;
    int naive;
};

static void one_actor(void *ctx, size_t t, unsigned thread)
{
    struct loop *l = ctx;
    struct vc_prop *p = &l->props[thread];
    vc_prop_cut_actor(p, l->actors[t], 1.0);
    if (l->naive)
        vc_prop_run_naive(p);
    else
        vc_prop_run(p);
    l->impact[t] = vc_prop_impact(p);
    vc_prop_reset(p);
}

static double actor_loop(struct loop *l, size_t n, unsigned threads)
{
    double t0 = bench_now();
    vc_parallel_for(n, threads, one_actor, l, NULL, NULL);
    return bench_now() - t0;
}

static void measure(long nodes, long edges, unsigned threads, double budget, struct result *r)
{
    struct vc_graph g;
    struct vc_chain c;
    struct vc_analysis a;
    struct vc_model m;
    struct vc_error err = VC_ERROR_INIT;
    struct vc_engine_opts o = VC_ENGINE_OPTS_INIT;
    struct stages st = { r, 0, 0, NULL };
    double t0;

    memset(r, 0, sizeof(*r));
    r->nodes = nodes;
    r->edges = edges;
    t0 = bench_now();
    make_chain(&g, nodes, edges);
    if (vc_chain_build(&g, NULL, &c, NULL, &err) != VC_OK)
        die("chain", &err);
    r->build_s = bench_now() - t0;
    r->actors = (long)c.n_actors;
    r->chain_mb = (double)bench_status_kb("VmRSS:") / 1024.0;
    bench_reset_peak();

    o.threads = threads;
    o.progress = on_progress;
    o.progress_ctx = &st;
    double cpu0 = bench_cpu_seconds();
    st.t0 = st.last = t0 = bench_now();
    if (vc_analysis_run(&c, &o, &a, &err) != VC_OK)
        die("analysis", &err);
    r->analysis_s = bench_now() - t0;
    r->analysis_cpu_s = bench_cpu_seconds() - cpu0;
    r->load1 = bench_load_average();
    on_progress(&st, "end", 0, 0);
    r->peak_mb = (double)bench_status_kb("VmHWM:") / 1024.0;
    r->n_provisions = a.n_provisions;
    for (size_t k = 0; k < a.n_provisions; k++)
        r->control_points += a.provisions[k].control_point;

    /* vchain deps: after the analysis, the matrix over the countries that
     * hold a control point (its default) */
    const char **codes = malloc((a.n_countries + 1) * sizeof(*codes));
    struct vc_deps d;
    if (!codes)
        die("out of memory", NULL);
    for (size_t j = 0; j < a.n_countries; j++)
        if (a.countries[j].control_points)
            codes[r->deps_countries++] = a.countries[j].code;
    o.progress = NULL;
    t0 = bench_now();
    if (vc_deps_matrix(&c, &o, codes, r->deps_countries, &d, &err) != VC_OK)
        die("deps", &err);
    r->deps_s = bench_now() - t0;
    vc_deps_release(&d);
    free(codes);
    vc_analysis_release(&a);

    /* the all-actor loop, both ways */
    o.progress = NULL;
    if (vc_model_build(&c, &o, &m, &err) != VC_OK)
        die("model", &err);
    struct loop inc = { &m, calloc(threads, sizeof(struct vc_prop)), NULL, NULL, 0 };
    struct loop naive = { &m, calloc(threads, sizeof(struct vc_prop)), NULL, NULL, 1 };
    uint32_t *actors = malloc(c.n_actors * sizeof(uint32_t));
    uint32_t *sample = malloc(c.n_actors * sizeof(uint32_t));
    double *imp_inc = malloc(c.n_actors * sizeof(double));
    double *imp_naive = malloc(c.n_actors * sizeof(double));
    if (!inc.props || !naive.props || !actors || !sample || !imp_inc || !imp_naive)
        die("out of memory", NULL);
    for (unsigned t = 0; t < threads; t++)
        if (vc_prop_init(&inc.props[t], &m, &o) || vc_prop_init(&naive.props[t], &m, &o))
            die("out of memory", NULL);
    size_t n_act = 0;
    for (size_t v = 0; v < c.n_nodes; v++)
        if (c.kind[v] == VC_KIND_ACTOR)
            actors[n_act++] = (uint32_t)v;
    inc.actors = actors;
    inc.impact = imp_inc;
    r->inc_s = actor_loop(&inc, n_act, threads);

    /* naive: a probe of a few actors says whether the whole loop fits the budget */
    size_t probe = n_act < 64 ? n_act : 64, k = n_act;
    for (size_t j = 0; j < probe; j++)
        sample[j] = actors[j * n_act / probe];
    naive.actors = sample;
    naive.impact = imp_naive;
    double tp = actor_loop(&naive, probe, threads);
    if (tp / (double)probe * (double)n_act > budget)
        k = (size_t)(budget / (tp / (double)probe));
    if (k < probe)
        k = probe;
    if (k > n_act)
        k = n_act;
    for (size_t j = 0; j < k; j++)
        sample[j] = actors[j * n_act / k];
    double tn = actor_loop(&naive, k, threads);
    r->naive_sample = (long)k;
    r->naive_s = tn * (double)n_act / (double)k;
    for (size_t j = 0; j < k; j++) {
        double diff = fabs(imp_naive[j] - imp_inc[j * n_act / k]);
        if (diff > r->max_diff)
            r->max_diff = diff;
    }
    for (unsigned t = 0; t < threads; t++) {
        vc_prop_release(&inc.props[t]);
        vc_prop_release(&naive.props[t]);
    }
    free(inc.props);
    free(naive.props);
    free(actors);
    free(sample);
    free(imp_inc);
    free(imp_naive);
    vc_model_release(&m);
    vc_chain_release(&c);
    vc_graph_release(&g);
    r->ok = 1;
}

static int run_child(long nodes, long edges, unsigned threads, double budget, struct result *r)
{
    int fd[2], status;
    pid_t pid;
    if (pipe(fd) != 0)
        return -1;
    pid = fork();
    if (pid == 0) {
        struct result mine;
        close(fd[0]);
        measure(nodes, edges, threads, budget, &mine);
        _exit(write(fd[1], &mine, sizeof(mine)) == (ssize_t)sizeof(mine) ? 0 : 1);
    }
    close(fd[1]);
    ssize_t got = pid > 0 ? read(fd[0], r, sizeof(*r)) : -1;
    close(fd[0]);
    if (pid < 0 || waitpid(pid, &status, 0) < 0)
        return -1;
    return got == (ssize_t)sizeof(*r) && WIFEXITED(status) && WEXITSTATUS(status) == 0 && r->ok
               ? 0 : -1;
}

int main(int argc, char **argv)
{
    static const long sizes[][2] = { { 10000, 100000 }, { 30000, 300000 }, { 100000, 1000000 } };
    unsigned threads = 2;
    double budget = 20;
    size_t n_sizes = 3;
    struct result r[3];

    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--quick"))
            n_sizes = 1;
        else if (!strcmp(argv[i], "--threads") && i + 1 < argc)
            threads = (unsigned)atoi(argv[++i]);
        else if (!strcmp(argv[i], "--budget") && i + 1 < argc)
            budget = atof(argv[++i]);
        else if (argv[i][0] == '-') {
            fprintf(stderr, "usage: bench_engine [SCRATCH_DIR] [--quick] [--threads N] "
                            "[--budget SECONDS]\n");
            return 2;
        }
    }
    if (threads < 1)
        threads = 1;
    printf("engine on synthetic chains, %u thread%s (%ld cores online)\n", threads,
           threads == 1 ? "" : "s", sysconf(_SC_NPROCESSORS_ONLN));
    for (size_t s = 0; s < n_sizes; s++) {
        if (run_child(sizes[s][0], sizes[s][1], threads, budget, &r[s]) != 0) {
            fprintf(stderr, "bench_engine: the run at %ld nodes failed\n", sizes[s][0]);
            return 1;
        }
        const struct result *x = &r[s];
        printf("\n-- %ld nodes (%ld actors), %ld edges: built in %.2f s, resident %.0f MB\n",
               x->nodes, x->actors, x->edges, x->build_s, x->chain_mb);
        printf("vc_analysis_run   %8.2f s   peak RSS %6.0f MB   %zu control points of %zu "
               "provisions\n", x->analysis_s, x->peak_mb, x->control_points, x->n_provisions);
        printf("  CPU time %.2f s (all threads); load average %.2f when it ended%s\n",
               x->analysis_cpu_s, x->load1,
               x->load1 > threads + 0.5 ? ": other processes shared the cores" : "");
        for (int j = 0; j < x->n_stages; j++)
            printf("  %-44s %8.2f s\n", x->stage[j], x->stage_s[j]);
        printf("every actor's impact: incremental %8.2f s, naive %8.2f s%s -> %.1fx faster; "
               "largest difference %.1e\n", x->inc_s, x->naive_s,
               x->naive_sample < x->actors ? " (extrapolated)" : "", x->naive_s / x->inc_s,
               x->max_diff);
        if (x->naive_sample < x->actors)
            printf("  (naive timed on %ld of %ld actors, evenly spaced, and scaled up)\n",
                   x->naive_sample, x->actors);
        printf("vchain deps matrix over the %zu countries holding a control point: %.2f s "
               "(after the analysis)\n", x->deps_countries, x->deps_s);
    }
    if (n_sizes == 3) {
        double grow = log(r[2].analysis_s / r[0].analysis_s) / log(10.0);
        double grow_inc = log(r[2].inc_s / r[0].inc_s) / log(10.0);
        double grow_naive = log(r[2].naive_s / r[0].naive_s) / log(10.0);
        printf("\ntime grows as size^%.2f (analysis), ^%.2f (incremental actor loop), ^%.2f "
               "(naive) from 10k to 100k nodes\n", grow, grow_inc, grow_naive);
        printf("100k nodes / 1M edges: %.1f s, %.0f MB peak (target: under 60 s within 2048 MB "
               "on 2 cores): %s\n", r[2].analysis_s, r[2].peak_mb,
               r[2].analysis_s < 60 && r[2].peak_mb < 2048 ? "met" : "MISSED");
    }
    return 0;
}
