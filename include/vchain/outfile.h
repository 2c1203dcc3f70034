/*
 * vchain/outfile.h - output files that are never half-written.
 *
 * vc_outfile_open() writes to a temporary file in the target's folder;
 * vc_outfile_commit() flushes, checks, syncs and renames it into place.
 * On any failure, or vc_outfile_abort(), the temporary file is removed and
 * an existing target is left untouched.  "-" means standard output, which
 * is flushed and checked for write errors on commit.
 *
 * vc_outfile_cleanup_on_signals() makes SIGINT, SIGTERM, SIGHUP and SIGPIPE
 * remove every open temporary file before the process dies, and ignores
 * SIGXFSZ so that a file size limit fails the write (EFBIG) instead.
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

VC_API enum vc_status vc_outfile_open(struct vc_outfile *o, const char *path,
                                      struct vc_error *err);
VC_API enum vc_status vc_outfile_commit(struct vc_outfile *o, struct vc_error *err);
VC_API void vc_outfile_abort(struct vc_outfile *o);
VC_API void vc_outfile_cleanup_on_signals(void);

/* Checks stdout for a write error after flushing it (exit paths of the CLI). */
VC_API enum vc_status vc_stdout_check(struct vc_error *err);

#ifdef __cplusplus
}
#endif

#endif
