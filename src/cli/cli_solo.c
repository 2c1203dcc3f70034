/*
 * cli_solo.c - the vchain program as one process: nothing to set up or
 * agree on.  An MPI build (make MPI=1) links src/mpi/cli_mpi.c instead.
 */
#include "cli.h"

void cli_job_start(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
}

int cli_job_finish(int rc)
{
    return rc;
}
