/*
 * cli_mpi.c - the vchain program as one process of an MPI job: start-up,
 * who writes, failures, and the one exit status (make MPI=1 only; the
 * default build links cli_solo.c instead).  mpi_job.h has the design.
 *
 * Failures.  Every process says on ctl that it has ended: one that failed
 * sends process 0 the message it would have printed; the others send
 * their exit status (process 0 to all, the rest to process 0) and the
 * number of collective steps they took.  Every wait watches ctl
 * (cli_mpi_wait), so a process waiting in a step that another will never
 * take ends the job with MPI_Abort: process 0 after printing the message
 * it received, or saying that the processes diverged (one ended well
 * before the step); another process when process 0 failed before the step
 * (and has said why), or, when process 0 ended well before it, after
 * telling process 0 (processes given different inputs).  The step count
 * tells a step that another process merely has not seen complete yet from
 * one it never took.  Processes that reach the end (all of them when the
 * failure is the input's, which every process meets alike) exchange their
 * exit statuses: every process exits with process 0's status, or else
 * with the failure of the lowest-numbered process, whose message process 0
 * prints.  So one message, and no process left waiting.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "vchain/spread.h"
#include "mpi_job.h"

struct cli_mpi cli_mpi;

#define MESSAGE_MAX 4096

static FILE *kept;        /* where a process other than 0 writes its messages */
static char **notices;    /* process 0: a failure message per process, when heard */
static bool *heard;       /* process 0: per process, its end (failure or not) was received */
static int *end_ops;      /* process 0: per process that ended well, its collective steps (or -1) */
static bool ended;        /* process 0's end was received ... */
static int end0[2];       /* ... its exit status and collective steps */
static bool stuck_said;   /* this process told process 0 it waits in a step process 0 skipped */
static int end_sent_msg[2]; /* this process's end as sent: exit status, collective steps */

/* What every process reports at the end. */
struct outcome {
    int rc;
    int pad;
    unsigned long long tasks, bytes_sent, bytes_received, peak;
    double busy, busy_cpu, cpu;
};

/* The failure message probe found (NULL when out of memory: it is still
 * received, so that its sender can finish). */
static char *receive_notice(const MPI_Status *probe, int tag)
{
    static char spare[MESSAGE_MAX];
    int len = 0;
    char *text;
    MPI_Get_count(probe, MPI_CHAR, &len);
    text = malloc((size_t)len + 1);
    MPI_Recv(text ? text : spare, text ? len : (len < MESSAGE_MAX ? len : MESSAGE_MAX), MPI_CHAR,
             probe->MPI_SOURCE, tag, cli_mpi.ctl, MPI_STATUS_IGNORE);
    if (text)
        text[len] = '\0';
    return text;
}

/* Process 0: a process failed, or is stuck, while this one cannot finish:
 * print its message and end the job. */
static void stop_job(char *text, int from, const char *why)
{
    fflush(stdout);
    fputs(text ? text : "vchain: error: out of memory\n", stderr);
    fprintf(stderr, "vchain: note: process %d of the parallel job %s; stopping the job\n", from,
            why);
    free(text);
    MPI_Abort(MPI_COMM_WORLD, EXIT_DATA);
}

void cli_mpi_watch(void)
{
    MPI_Status s;
    int flag = 0;

    if (cli_mpi.rank == 0) {
        MPI_Iprobe(MPI_ANY_SOURCE, CLI_MPI_TAG_STUCK, cli_mpi.ctl, &flag, &s);
        if (flag)
            stop_job(receive_notice(&s, CLI_MPI_TAG_STUCK), s.MPI_SOURCE,
                     "has work left that this one never had");
        MPI_Iprobe(MPI_ANY_SOURCE, CLI_MPI_TAG_END, cli_mpi.ctl, &flag, &s);
        if (flag) {
            int end[2];
            MPI_Recv(end, 2, MPI_INT, s.MPI_SOURCE, CLI_MPI_TAG_END, cli_mpi.ctl,
                     MPI_STATUS_IGNORE);
            heard[s.MPI_SOURCE] = true;
            end_ops[s.MPI_SOURCE] = end[1];
        }
        /* a process that ended well before the step this one waits in (its
         * part of a step it took may simply not be seen here yet) diverged */
        for (int q = 1; q < cli_mpi.size && !cli_mpi.exiting; q++) {
            if (end_ops[q] < 0 || end_ops[q] >= cli_mpi.ops)
                continue;
            char *text = malloc(256);
            if (text)
                snprintf(text, 256,
                         "vchain: error: the processes of the parallel job disagree on the "
                         "work (process %d ended while process 0 has an extraction loop "
                         "left): every process must read the same input with the same "
                         "options\n",
                         q);
            stop_job(text, q, "ended early");
        }
        MPI_Iprobe(MPI_ANY_SOURCE, CLI_MPI_TAG_FAIL, cli_mpi.ctl, &flag, &s);
        if (!flag)
            return;
        char *text = receive_notice(&s, CLI_MPI_TAG_FAIL);
        heard[s.MPI_SOURCE] = true;
        if (!cli_mpi.exiting)
            stop_job(text, s.MPI_SOURCE, "failed"); /* this one waits for its results */
        free(notices[s.MPI_SOURCE]);
        notices[s.MPI_SOURCE] = text ? text : strdup("");
    } else if (!ended) {
        MPI_Iprobe(0, CLI_MPI_TAG_END, cli_mpi.ctl, &flag, &s);
        if (!flag)
            return;
        MPI_Recv(end0, 2, MPI_INT, 0, CLI_MPI_TAG_END, cli_mpi.ctl, MPI_STATUS_IGNORE);
        ended = true;
    }
    /* Process 0 ended while this one waits: after the step waited for (its
     * part may simply not be seen here yet: wait on), or before it. */
    if (cli_mpi.rank != 0 && ended && !cli_mpi.exiting && !stuck_said &&
        end0[1] < cli_mpi.ops) {
        if (end0[0] != EXIT_OK)
            MPI_Abort(MPI_COMM_WORLD, end0[0]); /* process 0 failed and has said why */
        /* process 0 ended well before this step: they diverged */
        stuck_said = true;
        char text[256];
        snprintf(text, sizeof(text),
                 "vchain: error: the processes of the parallel job disagree on the work "
                 "(process %d has an extraction loop left): every process must read the same "
                 "input with the same options\n",
                 cli_mpi.rank);
        MPI_Send(text, (int)strlen(text), MPI_CHAR, 0, CLI_MPI_TAG_STUCK, cli_mpi.ctl);
    }
}

void cli_mpi_wait(MPI_Request *req)
{
    /* Poll gently: waits here are for other processes' extractions. */
    long pause = 10000; /* ns, doubling up to 1 ms */
    int done = 0;

    for (;;) {
        MPI_Test(req, &done, MPI_STATUS_IGNORE);
        if (done)
            return;
        cli_mpi_watch();
        nanosleep(&(struct timespec){ 0, pause }, NULL);
        if (pause < 1000000)
            pause *= 2;
    }
}

/* Processes sharing this machine (they share its cores). */
static int processes_here(void)
{
    MPI_Comm local;
    int n = 1;
    if (MPI_Comm_split_type(MPI_COMM_WORLD, MPI_COMM_TYPE_SHARED, 0, MPI_INFO_NULL, &local) ==
        MPI_SUCCESS) {
        MPI_Comm_size(local, &n);
        MPI_Comm_free(&local);
    }
    return n;
}

void cli_job_start(int *argc, char ***argv)
{
    int provided;
    FILE *null;

    /* Only the thread that calls main() calls MPI; the engine's threads never do. */
    MPI_Init_thread(argc, argv, MPI_THREAD_FUNNELED, &provided);
    MPI_Comm_rank(MPI_COMM_WORLD, &cli_mpi.rank);
    MPI_Comm_size(MPI_COMM_WORLD, &cli_mpi.size);
    MPI_Comm_dup(MPI_COMM_WORLD, &cli_mpi.work);
    MPI_Comm_dup(MPI_COMM_WORLD, &cli_mpi.ctl);
    /* mpirun hands every process a terminal for its output, wherever that
     * output goes: write tables as to a file (--format text for aligned ones) */
    cli.no_tty = 1;
    vc_spread_share_cores((unsigned)processes_here());
    cli_mpi_spread_install();
    if (cli_mpi.rank == 0) {
        notices = calloc((size_t)cli_mpi.size, sizeof(*notices));
        heard = calloc((size_t)cli_mpi.size, sizeof(*heard));
        end_ops = malloc((size_t)cli_mpi.size * sizeof(*end_ops));
        if (!notices || !heard || !end_ops)
            MPI_Abort(MPI_COMM_WORLD, EXIT_DATA);
        for (int q = 0; q < cli_mpi.size; q++)
            end_ops[q] = -1;
        return;
    }
    /* Process 0 writes; the others keep their messages for a failure. */
    vc_outfile_discard(true);
    null = fopen("/dev/null", "w");
    kept = tmpfile();
    if (!null || !kept || dup2(fileno(null), STDOUT_FILENO) < 0 ||
        dup2(fileno(kept), STDERR_FILENO) < 0)
        MPI_Abort(MPI_COMM_WORLD, EXIT_DATA);
    fclose(null);
}

/* The message this process printed for its failure: from its first line
 * that is not a warning or a note, at most MESSAGE_MAX bytes. */
static char *failure_message(void)
{
    char *line = NULL, *text = calloc(MESSAGE_MAX + 1, 1);
    size_t cap = 0, len = 0;
    ssize_t got;
    bool in = false;

    if (!text)
        return NULL;
    fflush(stderr);
    rewind(kept);
    while ((got = getline(&line, &cap, kept)) > 0) {
        if (!in && (strncmp(line, "vchain: warning: ", 17) == 0 ||
                    strncmp(line, "vchain: note: ", 14) == 0))
            continue;
        in = true;
        if (len + (size_t)got > MESSAGE_MAX)
            break;
        memcpy(text + len, line, (size_t)got);
        len += (size_t)got;
    }
    free(line);
    if (!len)
        snprintf(text, MESSAGE_MAX, "vchain: error: process %d failed without a message\n",
                 cli_mpi.rank);
    return text;
}

static void human(unsigned long long bytes, char *buf, size_t size)
{
    if (bytes < 10240)
        snprintf(buf, size, "%llu bytes", bytes);
    else if (bytes < 10ULL << 20)
        snprintf(buf, size, "%.1f KiB", (double)bytes / 1024);
    else
        snprintf(buf, size, "%.1f MiB", (double)bytes / (1 << 20));
}

/* -v: what each process did (the measure of docs/scale.md). */
static void describe(const struct outcome *all)
{
    char a[32], b[32], c[32];
    for (int q = 0; q < cli_mpi.size; q++) {
        human(all[q].bytes_sent, a, sizeof(a));
        human(all[q].bytes_received, b, sizeof(b));
        human(all[q].peak, c, sizeof(c));
        fprintf(stderr,
                "vchain: note: process %d of %d: %llu extractions in %.2f s (%.2f s of CPU), "
                "%.2f s of CPU in all, results sent %s, received %s, peak memory %s\n",
                q, cli_mpi.size, all[q].tasks, all[q].busy, all[q].busy_cpu, all[q].cpu, a, b,
                c);
    }
}

int cli_job_finish(int rc)
{
    struct outcome mine, *all = NULL;
    MPI_Request req, end_sent = MPI_REQUEST_NULL, *end_req = NULL;
    char *text = NULL;
    int agreed = rc;

    fflush(stdout);
    memset(&mine, 0, sizeof(mine));
    mine.rc = rc;
    mine.tasks = cli_mpi.tasks;
    mine.bytes_sent = cli_mpi.bytes_sent;
    mine.bytes_received = cli_mpi.bytes_received;
    mine.busy = cli_mpi.busy;
    mine.busy_cpu = cli_mpi.busy_cpu;
    {
        struct rusage ru;
        if (getrusage(RUSAGE_SELF, &ru) == 0) {
            mine.peak = (unsigned long long)ru.ru_maxrss * 1024;
            mine.cpu = (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec * 1e-6 +
                       (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec * 1e-6;
        }
    }
    all = calloc((size_t)cli_mpi.size, sizeof(*all));
    end_req = calloc((size_t)cli_mpi.size, sizeof(*end_req));
    if (!all || !end_req)
        MPI_Abort(MPI_COMM_WORLD, EXIT_DATA);
    for (int q = 0; q < cli_mpi.size; q++)
        end_req[q] = MPI_REQUEST_NULL;
    /* Every process says it has ended: process 0 to the others (with its
     * status), the others to process 0 (with their message if they failed). */
    if (rc != EXIT_OK && cli_mpi.rank != 0) {
        text = failure_message();
        MPI_Isend(text ? text : "", text ? (int)strlen(text) : 0, MPI_CHAR, 0, CLI_MPI_TAG_FAIL,
                  cli_mpi.ctl, &end_sent);
    } else if (cli_mpi.rank != 0) {
        end_sent_msg[0] = EXIT_OK;
        end_sent_msg[1] = cli_mpi.ops;
        MPI_Isend(end_sent_msg, 2, MPI_INT, 0, CLI_MPI_TAG_END, cli_mpi.ctl, &end_sent);
    } else {
        end_sent_msg[0] = rc;
        end_sent_msg[1] = cli_mpi.ops;
        for (int q = 1; q < cli_mpi.size; q++)
            MPI_Isend(end_sent_msg, 2, MPI_INT, q, CLI_MPI_TAG_END, cli_mpi.ctl, &end_req[q]);
    }
    cli_mpi.exiting = true;
    MPI_Iallgather(&mine, (int)sizeof(mine), MPI_BYTE, all, (int)sizeof(mine), MPI_BYTE,
                   cli_mpi.ctl, &req);
    cli_mpi_wait(&req);

    /* Every notice sent is received: the others' ends (and failures'
     * messages) on process 0, process 0's end on the others. */
    if (cli_mpi.rank == 0) {
        for (int q = 1; q < cli_mpi.size; q++) {
            MPI_Status s;
            int end[2];
            if (heard[q])
                continue;
            if (all[q].rc == EXIT_OK) {
                MPI_Recv(end, 2, MPI_INT, q, CLI_MPI_TAG_END, cli_mpi.ctl, MPI_STATUS_IGNORE);
            } else {
                MPI_Probe(q, CLI_MPI_TAG_FAIL, cli_mpi.ctl, &s);
                notices[q] = receive_notice(&s, CLI_MPI_TAG_FAIL);
            }
            heard[q] = true;
        }
    } else if (!ended) {
        MPI_Recv(end0, 2, MPI_INT, 0, CLI_MPI_TAG_END, cli_mpi.ctl, MPI_STATUS_IGNORE);
        ended = true;
    }
    MPI_Wait(&end_sent, MPI_STATUS_IGNORE);
    MPI_Waitall(cli_mpi.size, end_req, MPI_STATUSES_IGNORE);

    agreed = all[0].rc;
    for (int q = 1; q < cli_mpi.size && agreed == EXIT_OK; q++) {
        if (all[q].rc == EXIT_OK)
            continue;
        agreed = all[q].rc;
        if (cli_mpi.rank == 0) {
            fputs(notices[q] ? notices[q] : "vchain: error: out of memory\n", stderr);
            fprintf(stderr, "vchain: note: process %d of the parallel job failed\n", q);
        }
    }
    if (cli_mpi.rank == 0 && cli.verbose)
        describe(all);
    if (notices)
        for (int q = 0; q < cli_mpi.size; q++)
            free(notices[q]);
    free(notices);
    free(heard);
    free(end_ops);
    free(text);
    free(all);
    free(end_req);
    if (kept)
        fclose(kept);
    MPI_Comm_free(&cli_mpi.work);
    MPI_Comm_free(&cli_mpi.ctl);
    MPI_Finalize();
    return agreed;
}
