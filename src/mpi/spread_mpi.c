/*
 * spread_mpi.c - the engine's extraction loops across the processes of an
 * MPI job (vchain/spread.h).
 *
 * Process r of P computes tasks r, r + P, r + 2P, ...: neighbouring tasks
 * (actors in input order, say) often cost alike, so dealing them out in
 * turn balances the processes without a scheduler.  Each process packs
 * its results task by task into records (one value of every result array)
 * and an all-gather hands every record to every process, which puts each
 * back at its task's place; the runs' statistics are combined alongside.
 * Before any work the processes check that they agree on the number of
 * tasks: processes that read different inputs or options get one error,
 * not a mixed result.
 */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "vchain/spread.h"
#include "mpi_job.h"

static double seconds(clockid_t clock)
{
    struct timespec ts;
    clock_gettime(clock, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* Tasks r, r + P, ... below n. */
static size_t share_of(size_t n, int r, int p)
{
    return n > (size_t)r ? (n - (size_t)r + (size_t)p - 1) / (size_t)p : 0;
}

static enum vc_status spread(void *ctx, const struct vc_spread_job *job, struct vc_error *err)
{
    const int r = cli_mpi.rank, p = cli_mpi.size;
    unsigned long long range[2] = { job->n, ULLONG_MAX - job->n }, agreed[2];
    size_t width = 0, mine = share_of(job->n, r, p), total = 0;
    int stats[2], combined[2];
    int *counts = NULL, *displs = NULL;
    unsigned char *send = NULL, *recv = NULL;
    MPI_Datatype record = MPI_DATATYPE_NULL;
    MPI_Request req[2];
    enum vc_status st = VC_OK;
    double t0, c0;

    (void)ctx;
    /* the largest and the smallest task count: equal when all agree */
    cli_mpi.ops++;
    MPI_Iallreduce(range, agreed, 2, MPI_UNSIGNED_LONG_LONG, MPI_MAX, cli_mpi.work, &req[0]);
    cli_mpi_wait(&req[0]);
    if (agreed[0] != ULLONG_MAX - agreed[1])
        return vc_error_set(err, VC_EINVAL, job->source, 0, 0,
                            "the processes of the parallel job disagree on the work (%llu to "
                            "%llu extractions): every process must read the same input with the "
                            "same options",
                            ULLONG_MAX - agreed[1], agreed[0]);
    for (unsigned i = 0; i < job->n_out; i++)
        width += job->out[i].width;
    if (job->n / (size_t)p >= INT_MAX || width > INT_MAX)
        return vc_error_set(err, VC_EINVAL, job->source, 0, 0,
                            "too many extractions per process for MPI (%zu): use more processes",
                            job->n / (size_t)p);

    t0 = seconds(CLOCK_MONOTONIC);
    c0 = seconds(CLOCK_PROCESS_CPUTIME_ID);
    if (mine)
        job->run(job->ctx, (size_t)r, (size_t)p, mine);
    cli_mpi.busy += seconds(CLOCK_MONOTONIC) - t0;
    cli_mpi.busy_cpu += seconds(CLOCK_PROCESS_CPUTIME_ID) - c0;
    cli_mpi.tasks += mine;

    counts = malloc((size_t)p * sizeof(int));
    displs = malloc((size_t)p * sizeof(int));
    send = malloc(mine * width + 1);
    recv = malloc(job->n * width + 1);
    if (!counts || !displs || !send || !recv) {
        st = vc_error_set(err, VC_ENOMEM, job->source, 0, 0,
                          "out of memory gathering the results of the parallel job");
        goto out;
    }
    for (int q = 0; q < p; q++) {
        counts[q] = (int)share_of(job->n, q, p);
        displs[q] = (int)total;
        total += (size_t)counts[q];
    }
    /* one record per task: its value in every result array, in order */
    for (size_t k = 0; k < mine; k++) {
        size_t t = (size_t)r + k * (size_t)p, at = k * width;
        for (unsigned i = 0; i < job->n_out; i++) {
            memcpy(send + at, (const unsigned char *)job->out[i].base + t * job->out[i].width,
                   job->out[i].width);
            at += job->out[i].width;
        }
    }
    stats[0] = job->rounds ? *job->rounds : 0;
    stats[1] = job->converged ? !*job->converged : 0; /* the largest: any did not settle */
    MPI_Type_contiguous((int)(width ? width : 1), MPI_BYTE, &record);
    MPI_Type_commit(&record);
    cli_mpi.ops++;
    MPI_Iallgatherv(send, counts[r], record, recv, counts, displs, record, cli_mpi.work, &req[0]);
    MPI_Iallreduce(stats, combined, 2, MPI_INT, MPI_MAX, cli_mpi.work, &req[1]);
    cli_mpi_wait(&req[0]);
    cli_mpi_wait(&req[1]);
    cli_mpi.bytes_sent += mine * width;
    cli_mpi.bytes_received += (job->n - mine) * width;
    for (int q = 0; q < p; q++) {
        if (q == r)
            continue;
        for (size_t k = 0; k < (size_t)counts[q]; k++) {
            size_t t = (size_t)q + k * (size_t)p, at = ((size_t)displs[q] + k) * width;
            for (unsigned i = 0; i < job->n_out; i++) {
                memcpy((unsigned char *)job->out[i].base + t * job->out[i].width, recv + at,
                       job->out[i].width);
                at += job->out[i].width;
            }
        }
    }
    if (job->rounds)
        *job->rounds = combined[0];
    if (job->converged)
        *job->converged = !combined[1];
out:
    if (record != MPI_DATATYPE_NULL)
        MPI_Type_free(&record);
    free(counts);
    free(displs);
    free(send);
    free(recv);
    return st;
}

void cli_mpi_spread_install(void)
{
    vc_spread_set(spread, NULL);
}
