/*
 * outfile.c - atomic output: temp file in the same folder, then rename.
 *
 * A small fixed table remembers the temporary files that are open so a
 * signal handler can unlink them (unlink is async-signal-safe) before the
 * default action kills the process.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "vchain/outfile.h"

#define MAX_PENDING 32

static char *volatile pending[MAX_PENDING];

static int pending_add(char *tmp)
{
    for (int i = 0; i < MAX_PENDING; i++) {
        if (!pending[i]) {
            pending[i] = tmp;
            return i;
        }
    }
    return -1;
}

static void pending_drop(int slot)
{
    if (slot >= 0 && slot < MAX_PENDING)
        pending[slot] = NULL;
}

static void on_signal(int sig)
{
    for (int i = 0; i < MAX_PENDING; i++)
        if (pending[i])
            unlink(pending[i]);
    signal(sig, SIG_DFL);
    raise(sig);
}

void vc_outfile_cleanup_on_signals(void)
{
    static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGPIPE };
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
        sigaction(sigs[i], &sa, NULL);
    /* Past a file size limit (ulimit -f) a write should fail with EFBIG and
     * be reported like a full disk, not kill the process mid-file. */
    signal(SIGXFSZ, SIG_IGN);
}

static int is_stdout(const char *path)
{
    return strcmp(path, "-") == 0;
}

enum vc_status vc_outfile_open(struct vc_outfile *o, const char *path, struct vc_error *err)
{
    const char *slash;
    size_t dirlen;
    int fd;
    sigset_t all, old;
    struct stat sb;
    mode_t mask;

    o->fp = NULL;
    o->tmp = NULL;
    o->slot = -1;
    o->direct = 0;
    o->path = strdup(path);
    if (!o->path)
        return vc_error_set(err, VC_ENOMEM, path, 0, 0, "out of memory");
    if (is_stdout(path)) {
        o->fp = stdout;
        return VC_OK;
    }
    if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
        /* A device or pipe (/dev/null, /dev/full, a FIFO): write straight to it,
         * never rename a regular file over it. */
        o->fp = fopen(path, "w");
        if (!o->fp) {
            int e = errno;
            free(o->path);
            o->path = NULL;
            return vc_error_set(err, VC_EIO, path, 0, 0, "cannot open for writing: %s",
                                strerror(e));
        }
        o->direct = 1;
        return VC_OK;
    }
    slash = strrchr(path, '/');
    dirlen = slash ? (size_t)(slash - path) + 1 : 0;
    o->tmp = malloc(dirlen + 32);
    if (!o->tmp) {
        free(o->path);
        o->path = NULL;
        return vc_error_set(err, VC_ENOMEM, path, 0, 0, "out of memory");
    }
    memcpy(o->tmp, path, dirlen);
    strcpy(o->tmp + dirlen, ".vchain-tmp-XXXXXX");
    /* Block signals so the temp file is registered before a handler can run. */
    sigfillset(&all);
    sigprocmask(SIG_BLOCK, &all, &old);
    fd = mkstemp(o->tmp);
    if (fd >= 0)
        o->slot = pending_add(o->tmp);
    sigprocmask(SIG_SETMASK, &old, NULL);
    if (fd < 0) {
        int e = errno;
        free(o->tmp);
        free(o->path);
        o->tmp = o->path = NULL;
        return vc_error_set(err, VC_EIO, path, 0, 0, "cannot create a file in %s: %s",
                            dirlen ? "its folder" : "the current folder", strerror(e));
    }
    /* mkstemp gives 0600; outputs are ordinary files, so honour the umask. */
    mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    o->fp = fdopen(fd, "w");
    if (!o->fp) {
        int e = errno;
        close(fd);
        vc_outfile_abort(o);
        return vc_error_set(err, VC_EIO, path, 0, 0, "cannot open for writing: %s", strerror(e));
    }
    return VC_OK;
}

void vc_outfile_abort(struct vc_outfile *o)
{
    if (o->direct && o->fp)
        fclose(o->fp);
    o->direct = 0;
    if (o->tmp) {
        if (o->fp)
            fclose(o->fp);
        unlink(o->tmp);
        pending_drop(o->slot);
        free(o->tmp);
    }
    free(o->path);
    o->fp = NULL;
    o->tmp = o->path = NULL;
    o->slot = -1;
}

enum vc_status vc_stdout_check(struct vc_error *err)
{
    if (fflush(stdout) != 0 || ferror(stdout))
        return vc_error_set(err, VC_EIO, "<stdout>", 0, 0, "write error: %s",
                            strerror(errno ? errno : EIO));
    return VC_OK;
}

enum vc_status vc_outfile_commit(struct vc_outfile *o, struct vc_error *err)
{
    enum vc_status st = VC_OK;
    int e = 0;

    if (!o->path)
        return vc_error_set(err, VC_EIO, NULL, 0, 0, "output file is not open");
    if (!o->tmp && !o->direct) {
        st = vc_stdout_check(err);
        free(o->path);
        o->path = NULL;
        o->fp = NULL;
        return st;
    }
    if (o->direct) {
        if (fflush(o->fp) != 0 || ferror(o->fp))
            e = errno ? errno : EIO;
        if (fclose(o->fp) != 0 && !e)
            e = errno ? errno : EIO;
        o->fp = NULL;
        if (e)
            st = vc_error_set(err, VC_EIO, o->path, 0, 0, "cannot write: %s", strerror(e));
        free(o->path);
        o->path = NULL;
        o->direct = 0;
        return st;
    }
    if (fflush(o->fp) != 0 || ferror(o->fp) || fsync(fileno(o->fp)) != 0)
        e = errno ? errno : EIO;
    if (fclose(o->fp) != 0 && !e)
        e = errno ? errno : EIO;
    o->fp = NULL;
    if (!e && rename(o->tmp, o->path) != 0)
        e = errno;
    if (e) {
        st = vc_error_set(err, VC_EIO, o->path, 0, 0, "cannot write: %s", strerror(e));
        vc_outfile_abort(o);
        return st;
    }
    pending_drop(o->slot);
    free(o->tmp);
    free(o->path);
    o->tmp = o->path = NULL;
    o->slot = -1;
    return VC_OK;
}
