/*
 * vchain/outfile.h - output files that are never half-written.
 *
 * vc_outfile_open() writes to a temporary file in the target's folder;
 * vc_outfile_commit() flushes, checks, syncs and renames it into place.
 * On any failure, or vc_outfile_abort(), the temporary file is removed and
 * an existing target is left untouched.  "-" means standard output, which
 * is flushed and checked for write errors on commit.
 *
 * A symbolic link as target is written through (the file it names is
 * replaced, or created when the link dangles).  An existing target keeps
 * its mode, and its owner where the process may set it; one the process
 * may not write is refused unless vc_outfile_policy(VC_OUTFILE_FORCE).
 *
 * vc_outfile_cleanup_on_signals() makes every catchable signal whose
 * default action ends the process (SIGINT, SIGTERM, SIGHUP, SIGPIPE,
 * SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU) remove
 * every open temporary file before the process dies, and ignores SIGXFSZ so
 * that a file size limit fails the write (EFBIG) instead.  Only SIGKILL can
 * leave a temporary file (.vchain-tmp-XXXXXX) behind.
 */
#ifndef VCHAIN_OUTFILE_H
#define VCHAIN_OUTFILE_H

#include <stdbool.h>
#include <stdio.h>

#include "error.h"

#ifdef __cplusplus
extern "C" {
#endif

struct vc_outfile {
    FILE *fp;
    char *path;   /* the target, as given */
    char *tmp;    /* the temporary file, NULL for stdout */
    int slot;     /* index in the signal-cleanup table, -1 if none */
    int direct;   /* writing straight to a device or pipe (no rename) */
};

#define VC_OUTFILE_INIT { 0, 0, 0, -1, 0 }

/* Process-wide flags for vc_outfile_open(). */
#define VC_OUTFILE_FORCE 1u /* replace targets the process may not write */
VC_API void vc_outfile_policy(unsigned flags);
/*
 * Process-wide: write no output at all.  vc_outfile_open() then sends every
 * file to /dev/null (standard output stays what it is) and exporters create
 * no folder: for the other processes of a parallel job, whose outputs its
 * first process writes.
 */
VC_API void vc_outfile_discard(bool discard);
VC_API bool vc_outfile_discarding(void);

VC_API enum vc_status vc_outfile_open(struct vc_outfile *o, const char *path,
                                      struct vc_error *err);
VC_API enum vc_status vc_outfile_commit(struct vc_outfile *o, struct vc_error *err);
VC_API void vc_outfile_abort(struct vc_outfile *o);
/* Aborts o after a writer failed with st, naming the output in err when the
 * writer's error names no file ("standard output" for "-"); returns st. */
VC_API enum vc_status vc_outfile_fail(struct vc_outfile *o, enum vc_status st,
                                      struct vc_error *err);
/* Whether path names one of vc_outfile's temporary files (.vchain-tmp-*),
 * which only a killed run leaves behind and which is never input. */
VC_API bool vc_outfile_is_temporary(const char *path);
VC_API void vc_outfile_cleanup_on_signals(void);

/* Checks stdout for a write error after flushing it (exit paths of the CLI);
 * the error names "standard output". */
VC_API enum vc_status vc_stdout_check(struct vc_error *err);
/* Flushes f and checks it for a write error: VC_EIO "write error: REASON"
 * (naming no file: the caller's output names it). */
VC_API enum vc_status vc_stream_check(FILE *f, struct vc_error *err);

#ifdef __cplusplus
}
#endif

#endif
