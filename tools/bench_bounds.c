/*
 * bench_bounds.c - the bounds of docs/model.md ("Bounds instead of
 * extractions") against the extractions they stand in for: whether they
 * hold, how tight they are, and what they save.
 *
 *   bench_bounds [--theta-impact X] [--check] DIR | FILE...
 *
 * For each input (a DIR holding chain-100000-edges.graphml or
 * chain-1000000-edges.graphml, as tools/bench.sh leaves them, stands for
 * those; any other folder is read as tables), in one run:
 *   exact     vc_analysis_run extracting every actor and provision (the
 *             peer: `vchain rank --exact`)
 *   pruned    the same with bounds always on (`vchain rank --bounds`):
 *             extractions only where a bound could reach theta_impact
 * and then, over every actor the bound applies to (not only those the
 * pruned run left as bounds) and every hard-to-replace provision:
 *   violations  bounds below the exact impact (must be 0)
 *   mismatches  figures the pruned run reports as exact that differ from
 *               the full run's, in any bit (must be 0)
 *   tightness   bound / exact: the share of bounds equal to the impact,
 *               the median, 90th percentile and largest ratio, and the
 *               mean excess (bound - exact)
 * --check prints only the verdicts and exits 1 on any violation or
 * mismatch (tests/cli/test_bounds.sh); timings are then left out.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "vchain/vchain.h"

#include "engine/bound.h"
#include "engine/model.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp_double(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return (a > b) - (a < b);
}

static bool same(double x, double y)
{
    return x == y || (isnan(x) && isnan(y));
}

/* The pruned run's figure for provision edge e. */
static const struct vc_provision_score *find_provision(const struct vc_analysis *a, uint32_t e)
{
    for (size_t k = 0; k < a->n_provisions; k++)
        if (a->provisions[k].edge == e)
            return &a->provisions[k];
    return NULL;
}

static int bench(const char *path, double theta, bool check)
{
    struct vc_load_opts lo = VC_LOAD_OPTS_INIT;
    struct vc_engine_opts o = VC_ENGINE_OPTS_INIT, ob;
    struct vc_error err = VC_ERROR_INIT;
    struct vc_graph g;
    struct vc_chain c;
    struct vc_analysis full, pruned;
    struct vc_model m;
    double t_full, t_pruned, t0, excess = 0, *bound = NULL, *ratio = NULL;
    size_t n_ratio = 0, n_tight = 0, violations = 0, mismatches = 0, eligible = 0;
    size_t provisions = 0, runs_full = 0;
    int rc = 0;

    if (vc_load(path, &lo, &g, &c, NULL, &err) != VC_OK) {
        fprintf(stderr, "bench_bounds: %s: %s\n", path, err.msg);
        return 1;
    }
    o.theta_impact = theta;
    ob = o;
    ob.bounds = VC_BOUNDS_ALWAYS;
    t0 = now();
    if (vc_analysis_run(&c, &o, &full, &err) != VC_OK) {
        fprintf(stderr, "bench_bounds: %s: %s\n", path, err.msg);
        return 1;
    }
    t_full = now() - t0;
    t0 = now();
    if (vc_analysis_run(&c, &ob, &pruned, &err) != VC_OK) {
        fprintf(stderr, "bench_bounds: %s: %s\n", path, err.msg);
        return 1;
    }
    t_pruned = now() - t0;
    if (vc_model_build(&c, &o, &m, &err) != VC_OK) {
        fprintf(stderr, "bench_bounds: %s: %s\n", path, err.msg);
        return 1;
    }
    bound = malloc((m.n + 1) * sizeof(double));
    ratio = malloc((m.n + full.n_provisions + 1) * sizeof(double));
    if (!bound || !ratio) {
        fprintf(stderr, "bench_bounds: out of memory\n");
        return 1;
    }

    /* every figure: exact ones identical, bounds above the impact */
    for (size_t v = 0; v < full.n; v++) {
        runs_full += c.kind[v] == VC_KIND_ACTOR;
        if (!pruned.impact_bound[v])
            mismatches += !same(full.impact[v], pruned.impact[v]) ||
                          full.impact_estimated[v] != pruned.impact_estimated[v];
        else
            violations += pruned.impact[v] < full.impact[v] - 1e-12;
    }
    for (size_t k = 0; k < full.n_provisions; k++) {
        const struct vc_provision_score *p = &full.provisions[k];
        const struct vc_provision_score *q = find_provision(&pruned, p->edge);
        if (!q) {
            mismatches++;
            continue;
        }
        if (!q->impact_bound)
            mismatches += !same(p->impact, q->impact) || p->control_point != q->control_point;
        else
            violations += q->impact < p->impact - 1e-12 || p->control_point;
    }
    for (size_t j = 0; j < full.n_countries; j++)
        mismatches += !same(full.countries[j].impact, pruned.countries[j].impact);

    /* tightness over every bound that applies, from the exact run's items */
    if (vc_bound_valid(&m, &o)) {
        vc_bound_actors(&m, full.impact, bound);
        for (size_t v = 0; v < full.n; v++) {
            double b = bound[v], x = full.impact[v];
            if (isnan(b))
                continue;
            eligible++;
            violations += b < x - 1e-12;
            excess += b - x;
            n_tight += b <= x + 1e-12;
            if (x > 0)
                ratio[n_ratio++] = b / x;
        }
        for (size_t k = 0; k < full.n_provisions; k++) {
            const struct vc_provision_score *p = &full.provisions[k];
            double b, x = p->impact;
            if (!p->hard_to_replace)
                continue;
            b = vc_bound_provision(p->share, full.impact[p->item]);
            provisions++;
            violations += b < x - 1e-12;
            excess += b - x;
            n_tight += b <= x + 1e-12;
            if (x > 0)
                ratio[n_ratio++] = b / x;
        }
    }
    qsort(ratio, n_ratio, sizeof(double), cmp_double);
    for (size_t k = 0; k < full.n_provisions; k++)
        runs_full += full.provisions[k].hard_to_replace;

    printf("%s: %zu nodes, %zu edges, theta_impact %g\n", path, g.n_nodes, g.n_edges, theta);
    printf("  bounds: %zu actors, %zu hard provisions; %zu violations, %zu exact figures "
           "differing from the full run\n", eligible, provisions, violations, mismatches);
    if (eligible + provisions) {
        printf("  tightness: %.1f %% equal to the impact", 100.0 * (double)n_tight /
               (double)(eligible + provisions));
        if (n_ratio)
            printf("; bound / impact median %.4f, 90th percentile %.4f, largest %.4f",
                   ratio[n_ratio / 2], ratio[n_ratio * 9 / 10], ratio[n_ratio - 1]);
        printf("; mean excess %.2g\n", excess / (double)(eligible + provisions));
    }
    printf("  pruned run: %zu of %zu actor and provision impacts left as bounds\n",
           pruned.n_bounds, runs_full);
    if (!check)
        printf("  time: exact %.2f s, pruned %.2f s (%.1fx)\n", t_full, t_pruned,
               t_pruned > 0 ? t_full / t_pruned : 0);
    if (violations || mismatches)
        rc = 1;
    free(bound);
    free(ratio);
    vc_model_release(&m);
    vc_analysis_release(&full);
    vc_analysis_release(&pruned);
    vc_chain_release(&c);
    vc_graph_release(&g);
    return rc;
}

int main(int argc, char **argv)
{
    double theta = 0.1;
    bool check = false;
    int rc = 0, files = 0;

    for (int i = 1; i < argc; i++) {
        struct stat sb;
        if (!strcmp(argv[i], "--theta-impact") && i + 1 < argc) {
            theta = atof(argv[++i]);
            continue;
        }
        if (!strcmp(argv[i], "--check")) {
            check = true;
            continue;
        }
        static const char *const names[] = { "chain-100000-edges.graphml",
                                             "chain-1000000-edges.graphml" };
        bool bench_dir = false;
        files++;
        for (size_t k = 0; k < 2 && stat(argv[i], &sb) == 0 && S_ISDIR(sb.st_mode); k++) {
            char path[4096];
            snprintf(path, sizeof(path), "%s/%s", argv[i], names[k]);
            if (stat(path, &sb) == 0) {
                rc |= bench(path, theta, check);
                bench_dir = true;
            }
        }
        if (!bench_dir) /* a file, or a folder of tables */
            rc |= bench(argv[i], theta, check);
    }
    if (!files) {
        fprintf(stderr, "usage: bench_bounds [--theta-impact X] [--check] DIR | FILE...\n");
        return 2;
    }
    return rc;
}
