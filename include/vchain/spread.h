/*
 * vchain/spread.h - where the engine's extraction loops run.
 *
 * Every loop of extractions (every actor, item, country and hard-to-replace
 * provision of vc_analysis_run(), every country of vc_deps_matrix()) is
 * handed over as a job: n tasks, a function that computes some of them
 * into task-indexed result arrays, and the run statistics to combine.
 * By default the job runs here, on this process's threads.  A spreader
 * installed with vc_spread_set() runs it elsewhere instead: vchain's MPI
 * build gives each process of a parallel job every P-th task and then
 * every process every result (docs/scale.md), so that what follows the
 * loop is the same in every process.
 *
 * A task's results depend on its index alone, never on where it runs.
 */
#ifndef VCHAIN_SPREAD_H
#define VCHAIN_SPREAD_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"

#ifdef __cplusplus
extern "C" {
#endif

#define VC_SPREAD_MAX_OUT 2

struct vc_spread_job {
    size_t n;              /* tasks 0 .. n-1 */
    /* Computes tasks first, first + step, ... (count of them), each into
     * its place in the arrays of out[], and combines the statistics of
     * those runs into *rounds and *converged. */
    void (*run)(void *ctx, size_t first, size_t step, size_t count);
    void *ctx;
    struct {
        void *base;        /* task t's result: width bytes at base + t * width */
        size_t width;
    } out[VC_SPREAD_MAX_OUT];
    unsigned n_out;
    int *rounds;           /* may be NULL; combined by the largest */
    bool *converged;       /* may be NULL; combined by logical and */
    const char *source;    /* the input, for messages */
};

/*
 * Runs every task of job (through the spreader if one is installed);
 * afterwards this process holds every result and the combined statistics.
 * Fails only when the spreader does.
 */
VC_API enum vc_status vc_spread_run(const struct vc_spread_job *job, struct vc_error *err);

typedef enum vc_status vc_spreader_fn(void *ctx, const struct vc_spread_job *job,
                                      struct vc_error *err);
/* Installs a spreader (NULL: every task here).  Process-wide: set it once at
 * start-up, before any analysis. */
VC_API void vc_spread_set(vc_spreader_fn *fn, void *ctx);

/* How many processes of a parallel job share this machine (default 1):
 * an analysis asked for one thread per core (threads 0) then takes
 * cores / processes threads, at least one. */
VC_API void vc_spread_share_cores(unsigned processes);

#ifdef __cplusplus
}
#endif

#endif
