/*
 * bench_esri.c - the Economic Systemic Risk Index of every firm of a
 * synthetic firm network the size of Hungary's VAT network (Diem et al.
 * 2022: 243,399 firms, 1,104,141 supply links), incremental beside naive.
 *
 *   bench_esri [SCRATCH_DIR] [--quick] [--firms N] [--threads N]
 *              [--shock MODE] [--tolerance X] [--sample K] [--analysis]
 *
 * (SCRATCH_DIR is accepted for tools/bench.sh and not used: the networks
 * are built in memory.)  For each size (25,000, 50,000, 100,000 and
 * 250,000 firms with 4.54 links a firm, as in the paper, then the paper's
 * 243,399 / 1,104,141; --quick: 25,000 only; --firms: that size only), in
 * a fresh child process:
 *   1. builds a firm network through the graph API and vc_chain_build:
 *      88 sectors (as many as NACE divisions) of Zipf-distributed sizes;
 *      every firm draws how many customers and how many suppliers it
 *      attracts from Pareto laws (tail exponents 1.3 for customers, 2.0 for
 *      suppliers: a few hubs sell to thousands), links join suppliers and
 *      customers drawn in proportion to those (Chung-Lu), without
 *      self-loops; a link's weight is log-normal (sigma 1.5) times the
 *      supplier's size; a random 5 % of the (supplier sector, customer
 *      sector) pairs are essential, the other links are marked
 *      essential=false (the paper takes this from a survey of industry
 *      experts); every firm has a value (output) 2 to 6 times the larger
 *      of its sales and purchases in the network; deterministic
 *      (splitmix64, seed 7).  These choices give an ESRI profile like the
 *      paper's: the top firm near a quarter of all output, almost every
 *      firm below 1 %;
 *   2. times the ESRI of every firm with the engine's incremental
 *      propagation (vc_prop_run, --shock, default both; --tolerance,
 *      default 1e-4) on --threads threads (default 2), in wall-clock and
 *      CPU time, with peak RSS over the loop (VmHWM, reset after building
 *      the network) and how many nodes one extraction touches;
 *   3. times the naive method (vc_prop_run_naive: full passes over every
 *      node until nothing moves, per firm, at the same tolerance) on an
 *      evenly spaced sample of --sample firms (default 48), extrapolates it
 *      to every firm, and checks that both give the same indices; then
 *      reruns the sample with the tightest tolerance (1e-12, vchain's
 *      default) to show how far the loop's indices are from the exact
 *      fixed point;
 *   4. with --analysis, also times vc_analysis_run (everything vchain rank
 *      computes: single points of failure, centrality, control points).
 * Ends with how the loop's CPU time grows with the number of firms.  On a
 * machine shared with other work, the CPU time is the steadier figure.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "vchain/engine.h"
#include "vchain/vchain.h"

#include "engine/disruption.h"
#include "engine/model.h"
#include "engine/parallel.h"

#include "bench_util.h"

#define SECTORS 88
/* the share of (supplier sector, customer sector) pairs that are essential,
 * and a firm's output over the larger of its sales and purchases in the
 * network (it also sells to households and abroad, and uses labour and
 * imports): chosen so that the ESRI profile resembles the paper's (a few
 * firms near a quarter of the economy, almost all below 1 %) */
#ifndef ESSENTIAL_PAIRS
#define ESSENTIAL_PAIRS 0.05
#endif
#ifndef VALUE_LO
#define VALUE_LO 2.0
#define VALUE_HI 6.0
#endif
/* the tolerance the benchmark uses (docs/model.md: the ESRI is then within
 * about that much of the exact fixed point; the sample shows how close) */
#define BENCH_TOLERANCE 1e-4
#define LINKS_PER_FIRM (1104141.0 / 243399.0)

static double normal(void)
{
    return sqrt(-2.0 * log(bench_unit())) * cos(6.283185307179586 * bench_unit());
}

static void die(const char *what, const struct vc_error *err)
{
    fprintf(stderr, "bench_esri: %s: %s\n", what, err ? err->msg : "failed");
    exit(1);
}

/* Index drawn in proportion to cum[] (cumulative weights, n entries). */
static long draw(const double *cum, long n)
{
    double x = bench_unit() * cum[n - 1];
    long lo = 0, hi = n - 1;
    while (lo < hi) {
        long mid = (lo + hi) / 2;
        if (cum[mid] < x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static void make_network(struct vc_graph *g, long firms, long links)
{
    struct vc_attr *sector, *value, *weight, *essential;
    struct vc_error err = VC_ERROR_INIT;
    const char *name[SECTORS];
    double sec_cum[SECTORS], *out_cum, *in_cum, *size, *sold, *bought;
    uint8_t ess[SECTORS][SECTORS];
    int *sec;
    char buf[64];

    bench_seed(7);
    vc_graph_init(g);
    if (vc_graph_attr_add(g, VC_CLASS_NODE, "sector", VC_ATTR_STRING, &sector, &err) ||
        vc_graph_attr_add(g, VC_CLASS_NODE, "value", VC_ATTR_DOUBLE, &value, &err) ||
        vc_graph_attr_add(g, VC_CLASS_EDGE, "weight", VC_ATTR_DOUBLE, &weight, &err) ||
        vc_graph_attr_add(g, VC_CLASS_EDGE, "essential", VC_ATTR_BOOL, &essential, &err))
        die("columns", &err);
    for (int k = 0; k < SECTORS; k++) {
        snprintf(buf, sizeof(buf), "%02d", k + 1);
        if (!(name[k] = vc_graph_strdup(g, buf, strlen(buf))))
            die("out of memory", NULL);
        sec_cum[k] = (k ? sec_cum[k - 1] : 0) + 1.0 / (k + 1.0); /* Zipf */
        for (int l = 0; l < SECTORS; l++)
            ess[k][l] = bench_unit() < ESSENTIAL_PAIRS;
    }
    out_cum = malloc((size_t)firms * sizeof(double));
    in_cum = malloc((size_t)firms * sizeof(double));
    size = malloc((size_t)firms * sizeof(double));
    sold = calloc((size_t)firms, sizeof(double));
    bought = calloc((size_t)firms, sizeof(double));
    sec = malloc((size_t)firms * sizeof(int));
    if (!out_cum || !in_cum || !size || !sold || !bought || !sec)
        die("out of memory", NULL);
    for (long i = 0; i < firms; i++) {
        size_t k;
        snprintf(buf, sizeof(buf), "f%ld", i);
        if (vc_graph_intern_node(g, buf, strlen(buf), 0, 0, &k, NULL, &err) != VC_OK)
            die("adding a firm", &err);
        sec[i] = (int)draw(sec_cum, SECTORS);
        vc_attr_set_string(sector, k, name[sec[i]], NULL);
        /* Pareto: customers with tail 1.3, suppliers with tail 2.0 */
        double o = pow(bench_unit(), -1.0 / 1.3), n = pow(bench_unit(), -1.0 / 2.0);
        out_cum[i] = (i ? out_cum[i - 1] : 0) + o;
        in_cum[i] = (i ? in_cum[i - 1] : 0) + n;
        size[i] = o;
    }
    for (long e = 0; e < links;) {
        long a = draw(out_cum, firms), b = draw(in_cum, firms);
        size_t idx;
        if (a == b)
            continue;
        double w = exp(1.5 * normal()) * size[a];
        if (vc_graph_add_edge(g, (size_t)a, (size_t)b, true, NULL, 0, 0, 0, &idx, &err) != VC_OK ||
            vc_attr_set_double(weight, idx, w, &err) != VC_OK ||
            (!ess[sec[a]][sec[b]] && vc_attr_set_int(essential, idx, 0, &err) != VC_OK))
            die("adding a link", &err);
        sold[a] += w;
        bought[b] += w;
        e++;
    }
    /* every firm also sells outside the network (households, abroad) and
     * uses what it does not record (labour, imports) */
    for (long i = 0; i < firms; i++) {
        double x = sold[i] > bought[i] ? sold[i] : bought[i];
        if (x > 0)
            vc_attr_set_double(value, (size_t)i,
                               x * (VALUE_LO + (VALUE_HI - VALUE_LO) * bench_unit()), NULL);
    }
    free(out_cum);
    free(in_cum);
    free(size);
    free(sold);
    free(bought);
    free(sec);
}

/* ---- measurements (in a child process) ---- */

struct result {
    long firms, links;
    double build_s, model_s, loop_s, loop_cpu_s, naive_s, naive_cpu_s, naive_firm_s, analysis_s;
    long naive_sample;
    double peak_mb, net_mb, load1;
    double max_diff;            /* incremental against naive, same tolerance */
    double max_err, max_rel_err; /* incremental against the exact fixed point (naive, 1e-12) */
    double mean_touched, max_esri, mean_esri;
    long max_touched, above_1pct, rounds;
    int converged, ok;
};

struct loop {
    struct vc_prop *props;
    const uint32_t *firms;
    double *esri;
    size_t *touched;
    int *rounds;
    bool *converged;
    int naive;
};

static void one_firm(void *ctx, size_t t, unsigned thread)
{
    struct loop *l = ctx;
    struct vc_prop *p = &l->props[thread];
    vc_prop_cut_actor(p, l->firms[t], 1.0);
    if (l->naive)
        vc_prop_run_naive(p);
    else
        vc_prop_run(p);
    l->esri[t] = vc_prop_impact(p);
    if (l->touched)
        l->touched[t] = p->n_touched;
    if (p->max_evals > l->rounds[thread])
        l->rounds[thread] = p->max_evals;
    l->converged[thread] &= p->converged;
    vc_prop_reset(p);
}

static void measure(long firms, long links, const struct vc_engine_opts *opts, size_t sample,
                    int analysis, struct result *r)
{
    struct vc_graph g;
    struct vc_chain c;
    struct vc_model m;
    struct vc_error err = VC_ERROR_INIT;
    unsigned threads = vc_threads(opts->threads);
    double t0;

    memset(r, 0, sizeof(*r));
    r->firms = firms;
    r->links = links;
    t0 = bench_now();
    make_network(&g, firms, links);
    if (vc_chain_build(&g, NULL, &c, NULL, &err) != VC_OK)
        die("chain", &err);
    r->build_s = bench_now() - t0;
    r->net_mb = (double)bench_status_kb("VmRSS:") / 1024.0;
    bench_reset_peak();

    t0 = bench_now();
    if (vc_model_build(&c, opts, &m, &err) != VC_OK)
        die("model", &err);
    r->model_s = bench_now() - t0;

    struct vc_prop *props = calloc(threads, sizeof(*props));
    uint32_t *ids = malloc((size_t)firms * sizeof(uint32_t));
    uint32_t *pick = malloc((sample + 1) * sizeof(uint32_t));
    double *esri = malloc((size_t)firms * sizeof(double)), *naive = malloc((sample + 1) * sizeof(double));
    size_t *touched = malloc((size_t)firms * sizeof(size_t));
    int *rounds = calloc(threads, sizeof(int));
    bool *conv = malloc(threads * sizeof(bool));
    if (!props || !ids || !pick || !esri || !naive || !touched || !rounds || !conv)
        die("out of memory", NULL);
    for (unsigned t = 0; t < threads; t++) {
        conv[t] = true;
        if (vc_prop_init(&props[t], &m, opts) != VC_OK)
            die("out of memory", NULL);
    }
    for (long i = 0; i < firms; i++)
        ids[i] = (uint32_t)i;

    struct loop inc = { props, ids, esri, touched, rounds, conv, 0 };
    double cpu0 = bench_cpu_seconds();
    t0 = bench_now();
    vc_parallel_for((size_t)firms, threads, one_firm, &inc, NULL, NULL);
    r->loop_s = bench_now() - t0;
    r->loop_cpu_s = bench_cpu_seconds() - cpu0;
    r->load1 = bench_load_average();
    r->peak_mb = (double)bench_status_kb("VmHWM:") / 1024.0;
    r->converged = 1;
    for (unsigned t = 0; t < threads; t++) {
        r->converged &= conv[t];
        if (rounds[t] > r->rounds)
            r->rounds = rounds[t];
    }
    double sum_t = 0, sum_e = 0;
    for (long i = 0; i < firms; i++) {
        sum_t += (double)touched[i];
        sum_e += esri[i];
        if ((long)touched[i] > r->max_touched)
            r->max_touched = (long)touched[i];
        if (esri[i] > r->max_esri)
            r->max_esri = esri[i];
        r->above_1pct += esri[i] > 0.01;
    }
    r->mean_touched = sum_t / (double)firms;
    r->mean_esri = sum_e / (double)firms;

    /* naive, on an evenly spaced sample */
    if (sample > (size_t)firms)
        sample = (size_t)firms;
    for (size_t j = 0; j < sample; j++)
        pick[j] = (uint32_t)(j * (size_t)firms / sample);
    /* the naive method with the same tolerance: the peer; and with the
     * tightest (the default, 1e-12): the exact fixed point, for accuracy */
    struct loop nv = { props, pick, naive, NULL, rounds, conv, 1 };
    cpu0 = bench_cpu_seconds();
    t0 = bench_now();
    vc_parallel_for(sample, threads, one_firm, &nv, NULL, NULL);
    double tn = bench_now() - t0;
    r->naive_cpu_s = (bench_cpu_seconds() - cpu0) * (double)firms / (double)sample;
    r->naive_sample = (long)sample;
    r->naive_firm_s = tn / (double)sample;
    r->naive_s = tn * (double)firms / (double)sample;
    for (size_t j = 0; j < sample; j++) {
        double d = fabs(naive[j] - esri[pick[j]]);
        if (d > r->max_diff)
            r->max_diff = d;
    }
    struct vc_engine_opts exact = *opts;
    exact.tolerance = 0;
    for (unsigned t = 0; t < threads; t++)
        props[t].opts = &exact;
    vc_parallel_for(sample, threads, one_firm, &nv, NULL, NULL);
    for (size_t j = 0; j < sample; j++) {
        double d = fabs(naive[j] - esri[pick[j]]);
        if (d > r->max_err)
            r->max_err = d;
        if (naive[j] > 0 && d / naive[j] > r->max_rel_err)
            r->max_rel_err = d / naive[j];
    }
    for (unsigned t = 0; t < threads; t++)
        vc_prop_release(&props[t]);
    free(props);
    free(ids);
    free(pick);
    free(esri);
    free(naive);
    free(touched);
    free(rounds);
    free(conv);
    vc_model_release(&m);

    if (analysis) {
        struct vc_analysis a;
        t0 = bench_now();
        if (vc_analysis_run(&c, opts, &a, &err) != VC_OK)
            die("analysis", &err);
        r->analysis_s = bench_now() - t0;
        vc_analysis_release(&a);
    }
    vc_chain_release(&c);
    vc_graph_release(&g);
    r->ok = 1;
}

static int run_child(long firms, long links, const struct vc_engine_opts *o, size_t sample,
                     int analysis, struct result *r)
{
    int fd[2], status;
    pid_t pid;
    if (pipe(fd) != 0)
        return -1;
    pid = fork();
    if (pid == 0) {
        struct result mine;
        close(fd[0]);
        measure(firms, links, o, sample, analysis, &mine);
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
    static const long sizes[][2] = {
        { 25000, 0 }, { 50000, 0 }, { 100000, 0 }, { 250000, 0 }, { 243399, 1104141 },
    };
    struct vc_engine_opts o = VC_ENGINE_OPTS_INIT;
    size_t n_sizes = 5, sample = 48;
    int analysis = 0;
    struct result r[5];
    const char *shock = "both";
    long custom = 0;

    o.shock = VC_SHOCK_BOTH;
    o.threads = 2;
    o.tolerance = BENCH_TOLERANCE;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--quick"))
            n_sizes = 1;
        else if (!strcmp(argv[i], "--firms") && i + 1 < argc) {
            custom = atol(argv[++i]);
            n_sizes = 1;
        } else if (!strcmp(argv[i], "--analysis"))
            analysis = 1;
        else if (!strcmp(argv[i], "--threads") && i + 1 < argc)
            o.threads = (unsigned)atoi(argv[++i]);
        else if (!strcmp(argv[i], "--sample") && i + 1 < argc)
            sample = (size_t)atol(argv[++i]);
        else if (!strcmp(argv[i], "--tolerance") && i + 1 < argc)
            o.tolerance = atof(argv[++i]);
        else if (!strcmp(argv[i], "--shock") && i + 1 < argc) {
            shock = argv[++i];
            o.shock = !strcmp(shock, "downstream") ? VC_SHOCK_DOWNSTREAM
                      : !strcmp(shock, "upstream") ? VC_SHOCK_UPSTREAM : VC_SHOCK_BOTH;
        } else if (argv[i][0] == '-') {
            fprintf(stderr, "usage: bench_esri [SCRATCH_DIR] [--quick] [--threads N] "
                            "[--shock MODE] [--tolerance X] [--sample K] [--analysis]\n");
            return 2;
        }
    }
    printf("ESRI of every firm: shock %s, tolerance %g, %u threads; naive on %zu firms a size\n",
           shock, o.tolerance > 0 ? o.tolerance : VC_DEFAULT_TOLERANCE, o.threads, sample);
    printf("(cpu: CPU seconds of the loop; naive_cpu: the naive method's, extrapolated from the "
           "sample;\n speed-up in CPU time; err: largest |ESRI - exact fixed point| on the "
           "sample, rel: relative)\n");
    printf("%7s %8s %6s %7s %7s %6s %9s %8s %7s %5s %7s %5s %8s %8s %5s\n", "firms", "links",
           "build", "loop_s", "cpu_s", "MB", "naive_cpu", "speedup", "touched", "evals",
           "max", ">1%", "err", "rel", "load");
    for (size_t k = 0; k < n_sizes; k++) {
        long firms = custom ? custom : sizes[k][0];
        long links = sizes[k][1] && !custom ? sizes[k][1]
                                            : (long)llround(LINKS_PER_FIRM * (double)firms);
        if (run_child(firms, links, &o, sample, analysis, &r[k]) != 0) {
            fprintf(stderr, "bench_esri: the run on %ld firms failed\n", firms);
            return 1;
        }
        printf("%7ld %8ld %6.1f %7.1f %7.1f %6.0f %9.0f %7.0fx %7.0f %5ld %7.4f %5ld %8.1e "
               "%8.1e %5.1f%s\n",
               r[k].firms, r[k].links, r[k].build_s, r[k].loop_s, r[k].loop_cpu_s, r[k].peak_mb,
               r[k].naive_cpu_s, r[k].naive_cpu_s / r[k].loop_cpu_s, r[k].mean_touched,
               r[k].rounds, r[k].max_esri, r[k].above_1pct, r[k].max_err, r[k].max_rel_err,
               r[k].load1, r[k].converged ? "" : "  (not settled)");
        if (r[k].max_diff > (o.tolerance > 0 ? o.tolerance : VC_DEFAULT_TOLERANCE))
            printf("        incremental and naive differ by %.1e at the same tolerance\n",
                   r[k].max_diff);
        if (analysis)
            printf("        vc_analysis_run (everything vchain rank computes): %.1f s\n",
                   r[k].analysis_s);
        fflush(stdout);
    }
    if (n_sizes >= 4)
        printf("growth from %ld to %ld firms (CPU time): loop ~ n^%.2f, naive ~ n^%.2f\n",
               r[0].firms, r[3].firms,
               log(r[3].loop_cpu_s / r[0].loop_cpu_s) / log((double)r[3].firms / (double)r[0].firms),
               log(r[3].naive_cpu_s / r[0].naive_cpu_s) /
                   log((double)r[3].firms / (double)r[0].firms));
    return 0;
}
