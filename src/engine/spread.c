/*
 * spread.c - the extraction loops' one way out of this process: a hook
 * that a parallel build installs (vchain/spread.h), else the whole loop
 * here.
 */
#include "parallel.h"
#include "vchain/spread.h"

static vc_spreader_fn *spreader;
static void *spreader_ctx;

void vc_spread_set(vc_spreader_fn *fn, void *ctx)
{
    spreader = fn;
    spreader_ctx = ctx;
}

void vc_spread_share_cores(unsigned processes)
{
    vc_threads_share(processes);
}

enum vc_status vc_spread_run(const struct vc_spread_job *job, struct vc_error *err)
{
    if (spreader)
        return spreader(spreader_ctx, job, err);
    if (job->n)
        job->run(job->ctx, 0, 1, job->n);
    return VC_OK;
}
