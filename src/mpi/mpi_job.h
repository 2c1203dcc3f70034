/*
 * mpi_job.h - vchain as one process of an MPI job (make MPI=1 only).
 *
 * Every process runs the whole command on the same input: it reads the
 * input, builds the model and scores it.  Only the extraction loops are
 * split (spread_mpi.c): each process computes every P-th task, and every
 * process then receives every result, so that what follows (ranking,
 * tables, later analyses chosen from the results) is the same everywhere.
 * Process 0 alone writes: the others' standard output goes to /dev/null,
 * their output files are discarded and their messages kept aside
 * (cli_mpi.c), to be sent to process 0 should they fail.
 *
 * A failure on one process reaches process 0 over a channel of its own
 * (ctl), which every wait below watches, so that nobody waits for a
 * process that has given up; at the end every process agrees on one exit
 * status (cli_mpi.c says how).
 */
#ifndef VC_MPI_JOB_H
#define VC_MPI_JOB_H

#include <mpi.h>
#include <stdbool.h>

struct cli_mpi {
    MPI_Comm work;    /* the extraction loops' collectives */
    MPI_Comm ctl;     /* failure notices and the final agreement */
    int rank, size;
    bool exiting;     /* in the final agreement (failure notices are kept, not acted on) */
    int ops;          /* collective steps started on work (the one waited for is the last) */
    /* what this process did, for -v */
    unsigned long long tasks;
    unsigned long long bytes_sent;     /* its own results, contributed to the others */
    unsigned long long bytes_received; /* the others' results */
    double busy;                       /* seconds spent computing extractions */
    double busy_cpu;                   /* CPU seconds (every thread) spent on them */
};

extern struct cli_mpi cli_mpi;

/* Tags on ctl: a failure's message (to process 0); a process's end, with
 * its exit status and the number of collective steps it took (process 0's
 * to every other process, the others' to process 0 when they did not
 * fail); a process waiting in a step that process 0 ended without taking
 * says so to process 0 (processes that diverged). */
enum { CLI_MPI_TAG_FAIL = 1, CLI_MPI_TAG_END = 2, CLI_MPI_TAG_STUCK = 3 };

/*
 * Waits for req to complete while watching ctl: process 0 that hears of a
 * failure elsewhere prints it and ends the job (MPI_Abort); any other
 * process told that process 0 failed ends it too.  In the final agreement
 * the notices are only collected (cli_mpi_watch).
 */
void cli_mpi_wait(MPI_Request *req);
void cli_mpi_watch(void);

/* Installs the spreader of the engine's extraction loops (spread_mpi.c). */
void cli_mpi_spread_install(void);

#endif
