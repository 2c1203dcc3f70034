/*
 * bench_deps.c - the country dependency matrix (vc_deps_matrix) beside its
 * peer, the engine's whole scoring run (vc_analysis_run, whose hot loop is
 * the extraction of every actor), on the same graph in one run.
 *
 *   bench_deps [DIR | FILE.graphml] [ROUNDS]
 *
 * DIR: the benchmark folder of tools/bench.sh, holding chain1m.graphml
 * (tools/gen_chain: 100,000 nodes, 1,000,000 edges, 14 countries).  Times,
 * best of ROUNDS (default 3), on all cores:
 *   analysis       vc_analysis_run (what `vchain rank` and `vchain deps` run
 *                  to find the countries holding control points)
 *   deps-cp        vc_deps_matrix over the countries holding a control point
 *   deps-all       vc_deps_matrix over every country of the graph
 * The `vchain deps` budget is the analysis' own (60 s on 2 cores); the
 * command runs the analysis, then deps-cp.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "vchain/vchain.h"
#include "vchain/vchain.h"

#include "bench_util.h"

int main(int argc, char **argv)
{
    const char *arg = argc > 1 ? argv[1] : "/tmp";
    int rounds = argc > 2 ? atoi(argv[2]) : 3;
    char path[4096];
    struct stat sb;
    struct vc_load_opts lo = VC_LOAD_OPTS_INIT;
    struct vc_engine_opts o = VC_ENGINE_OPTS_INIT;
    struct vc_error err = VC_ERROR_INIT;
    struct vc_graph g;
    struct vc_chain c;
    struct vc_analysis a;
    const char **all = NULL, **cp = NULL;
    size_t n_all = 0, n_cp = 0;
    double best[3] = { 1e300, 1e300, 1e300 };

    if (rounds < 1)
        rounds = 1;
    if (stat(arg, &sb) == 0 && S_ISDIR(sb.st_mode))
        snprintf(path, sizeof(path), "%s/chain1m.graphml", arg);
    else
        snprintf(path, sizeof(path), "%s", arg);
    if (vc_load(path, &lo, &g, &c, NULL, &err) != VC_OK) {
        fprintf(stderr, "bench_deps: %s: %s\n", path, err.msg);
        return 1;
    }
    printf("graph: %s (%zu nodes, %zu edges)\n", path, g.n_nodes, g.n_edges);
    for (int r = 0; r < rounds; r++) {
        double t0 = bench_now(), t;
        struct vc_deps d;
        if (vc_analysis_run(&c, &o, &a, &err) != VC_OK) {
            fprintf(stderr, "bench_deps: %s\n", err.msg);
            return 1;
        }
        t = bench_now() - t0;
        best[0] = t < best[0] ? t : best[0];
        if (!all) {
            all = malloc((a.n_countries + 1) * sizeof(char *));
            cp = malloc((a.n_countries + 1) * sizeof(char *));
            if (!all || !cp)
                return 1;
            for (size_t j = 0; j < a.n_countries; j++) {
                all[n_all++] = a.countries[j].code;
                if (a.countries[j].control_points)
                    cp[n_cp++] = a.countries[j].code;
            }
        }
        for (int k = 0; k < 2; k++) {
            const char **codes = k ? all : cp;
            size_t n = k ? n_all : n_cp;
            t0 = bench_now();
            if (vc_deps_matrix(&c, &o, codes, n, &d, &err) != VC_OK) {
                fprintf(stderr, "bench_deps: %s\n", err.msg);
                return 1;
            }
            t = bench_now() - t0;
            best[1 + k] = t < best[1 + k] ? t : best[1 + k];
            vc_deps_release(&d);
        }
        vc_analysis_release(&a);
    }
    printf("%-10s %10s %10s\n", "what", "countries", "seconds");
    printf("%-10s %10s %10.2f\n", "analysis", "-", best[0]);
    printf("%-10s %10zu %10.2f\n", "deps-cp", n_cp, best[1]);
    printf("%-10s %10zu %10.2f\n", "deps-all", n_all, best[2]);
    printf("vchain deps (analysis + deps-cp): %.2f s; every country: %.2f s "
           "(best of %d)\n", best[0] + best[1], best[0] + best[2], rounds);
    free(all);
    free(cp);
    vc_chain_release(&c);
    vc_graph_release(&g);
    return 0;
}
