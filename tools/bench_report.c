/*
 * bench_report.c - `vchain report` step by step, beside its peer, the GEXF
 * export of the same annotated graph, in one run.
 *
 *   bench_report [DIR | FILE.graphml] [ROUNDS]
 *
 * DIR: the benchmark folder of tools/bench.sh, holding chain10k.graphml
 * (tools/gen_chain --nodes 10000 --edges 100000).  Each round loads the
 * file and does what the command does, timing each step (best of ROUNDS,
 * default 3; writes into DIR or FILE's folder, fclose included):
 *   load           vc_load (GraphML read, chain built)
 *   analysis       vc_analysis_run, on all cores
 *   annotate       vc_analysis_annotate + the layered layout (positions)
 *   report-html    vc_report_html, the whole page (top 12)
 *   report-svg     vc_report_svg, the chain picture alone
 *   gexf           vc_gexf_write of the same graph (the peer: what
 *                  `vchain export` writes after the same steps)
 * and the output sizes.  The budget: under 2 s and 5 MB for the
 * whole command on 10,000 nodes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "vchain/layout.h"
#include "vchain/report.h"
#include "vchain/vchain.h"

#include "bench_util.h"

enum { LOAD, ANALYSIS, ANNOTATE, HTML, SVG, GEXF, N_STEPS };
static const char *const step_name[N_STEPS] = { "load", "analysis", "annotate", "report-html",
                                                "report-svg", "gexf" };

static int fail(const struct vc_error *err)
{
    fprintf(stderr, "bench_report: %s\n", err->msg);
    return 1;
}

/* Writes with fn into path; returns seconds (fclose included), or -1. */
static double write_timed(const char *path, int step, const struct vc_graph *g,
                          const struct vc_analysis *a, long *bytes, struct vc_error *err)
{
    struct vc_report_opts ro = VC_REPORT_OPTS_INIT;
    struct vc_export_opts eo = VC_EXPORT_OPTS_INIT;
    double t0 = bench_now();
    FILE *f = fopen(path, "w");
    enum vc_status st;
    struct stat sb;

    ro.title = path;
    ro.date = "2026-01-01";
    if (!f) {
        vc_error_set(err, VC_EIO, path, 0, 0, "cannot open");
        return -1;
    }
    st = step == HTML  ? vc_report_html(g, a, &ro, f, err)
         : step == SVG ? vc_report_svg(g, a, &ro, f, err)
                       : vc_gexf_write(g, &eo, f, err);
    if (fclose(f) != 0 || st != VC_OK)
        return -1;
    if (stat(path, &sb) == 0)
        *bytes = (long)sb.st_size;
    return bench_now() - t0;
}

int main(int argc, char **argv)
{
    const char *arg = argc > 1 ? argv[1] : "/tmp";
    int rounds = argc > 2 ? atoi(argv[2]) : 3;
    char path[4096], dir[4096], out[3][4200];
    struct stat sb;
    double best[N_STEPS];
    long bytes[N_STEPS] = { 0 };
    size_t nodes = 0, edges = 0;

    if (rounds < 1)
        rounds = 1;
    if (stat(arg, &sb) == 0 && S_ISDIR(sb.st_mode)) {
        snprintf(dir, sizeof(dir), "%s", arg);
        snprintf(path, sizeof(path), "%s/chain10k.graphml", arg);
    } else {
        const char *slash = strrchr(arg, '/');
        snprintf(dir, sizeof(dir), "%.*s", slash ? (int)(slash - arg) : 1, slash ? arg : ".");
        snprintf(path, sizeof(path), "%s", arg);
    }
    snprintf(out[0], sizeof(out[0]), "%s/bench-report.html", dir);
    snprintf(out[1], sizeof(out[1]), "%s/bench-report.svg", dir);
    snprintf(out[2], sizeof(out[2]), "%s/bench-report.gexf", dir);
    for (int s = 0; s < N_STEPS; s++)
        best[s] = 1e300;
    for (int r = 0; r < rounds; r++) {
        struct vc_load_opts lo = VC_LOAD_OPTS_INIT;
        struct vc_engine_opts o = VC_ENGINE_OPTS_INIT;
        struct vc_error err = VC_ERROR_INIT;
        struct vc_graph g;
        struct vc_chain c;
        struct vc_analysis a;
        double t0 = bench_now(), t[N_STEPS];

        if (vc_load(path, &lo, &g, &c, NULL, &err) != VC_OK)
            return fail(&err);
        t[LOAD] = bench_now() - t0;
        nodes = g.n_nodes;
        edges = g.n_edges;
        t0 = bench_now();
        if (vc_analysis_run(&c, &o, &a, &err) != VC_OK)
            return fail(&err);
        t[ANALYSIS] = bench_now() - t0;
        t0 = bench_now();
        if (vc_analysis_annotate(&a, &g, &err) != VC_OK ||
            vc_layout_compute(&g, VC_LAYOUT_LAYERED, NULL, &err) != VC_OK)
            return fail(&err);
        t[ANNOTATE] = bench_now() - t0;
        for (int s = HTML; s <= GEXF; s++)
            if ((t[s] = write_timed(out[s - HTML], s, &g, &a, &bytes[s], &err)) < 0)
                return fail(&err);
        for (int s = 0; s < N_STEPS; s++)
            best[s] = t[s] < best[s] ? t[s] : best[s];
        vc_analysis_release(&a);
        vc_chain_release(&c);
        vc_graph_release(&g);
    }
    printf("graph: %s (%zu nodes, %zu edges), best of %d\n", path, nodes, edges, rounds);
    printf("%-12s %9s %9s\n", "step", "seconds", "MB");
    for (int s = 0; s < N_STEPS; s++) {
        if (bytes[s])
            printf("%-12s %9.3f %9.2f\n", step_name[s], best[s], (double)bytes[s] / 1e6);
        else
            printf("%-12s %9.3f %9s\n", step_name[s], best[s], "-");
    }
    printf("vchain report (load + analysis + annotate + report-html): %.2f s, %.2f MB; "
           "vchain export to GEXF: %.2f s, %.2f MB\n",
           best[LOAD] + best[ANALYSIS] + best[ANNOTATE] + best[HTML], (double)bytes[HTML] / 1e6,
           best[LOAD] + best[ANALYSIS] + best[ANNOTATE] + best[GEXF], (double)bytes[GEXF] / 1e6);
    for (int k = 0; k < 3; k++)
        remove(out[k]);
    return 0;
}
