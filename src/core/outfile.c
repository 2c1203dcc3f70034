/*
 * outfile.c - atomic output: temp file in the same folder, then rename.
 *
 * A small fixed table remembers the temporary files that are open so a
 * signal handler can unlink them (unlink is async-signal-safe) before the
 * default action kills the process.  The table's slots are lock-free atomic
 * pointers: claimed with a compare-and-swap (two threads opening outputs
 * cannot take the same slot), read by the handler with plain atomic loads
 * (lock-free atomics are async-signal-safe in C11).  A file is registered
 * with every signal blocked, so no signal can come between mkstemp() and the
 * registration; after a successful rename() the temporary name no longer
 * exists, so a signal arriving before the slot is cleared unlinks nothing.
 *
 * The replacement keeps the target's permission bits when it exists (a
 * private 0600 file stays private), and its owner and group where the
 * process may set them (as root), and writes through a symbolic link to
 * the file it names instead of replacing the link, also when that file does
 * not exist yet (a dangling link).  A target the process may not write is
 * refused, as cp(1) refuses it, unless VC_OUTFILE_FORCE is set: renaming a
 * file over it would succeed in a writable folder and hand someone else's
 * file to us.
 *
 * Temporary files are named .vchain-tmp-XXXXXX; only SIGKILL (or a crash)
 * can leave one behind, and vc_outfile_is_temporary() lets readers refuse
 * such a file instead of reading half an output as input.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <limits.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "vchain/outfile.h"

#define MAX_PENDING 32
#define TMP_PREFIX ".vchain-tmp-"
#define STDOUT_NAME "standard output" /* how messages name "-" */
#define MAX_LINKS 40 /* symbolic links followed before giving up, as the kernel does */

static _Atomic(char *) pending[MAX_PENDING];
static unsigned policy;
static bool discard_all;

void vc_outfile_policy(unsigned flags)
{
    policy = flags;
}

void vc_outfile_discard(bool discard)
{
    discard_all = discard;
}

bool vc_outfile_discarding(void)
{
    return discard_all;
}

bool vc_outfile_is_temporary(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    return strncmp(base, TMP_PREFIX, strlen(TMP_PREFIX)) == 0;
}

static int pending_add(char *tmp)
{
    for (int i = 0; i < MAX_PENDING; i++) {
        char *expected = NULL;
        if (atomic_compare_exchange_strong(&pending[i], &expected, tmp))
            return i;
    }
    return -1;
}

static void pending_drop(int slot)
{
    if (slot >= 0 && slot < MAX_PENDING)
        atomic_store(&pending[slot], NULL);
}

static void on_signal(int sig)
{
    int saved = errno;
    for (int i = 0; i < MAX_PENDING; i++) {
        char *tmp = atomic_load(&pending[i]);
        if (tmp)
            unlink(tmp);
    }
    /* Die of the same signal (the exit status tells the caller why): with
     * the default action back, the raised signal, blocked while this
     * handler runs, is delivered as soon as it returns. */
    signal(sig, SIG_DFL);
    raise(sig);
    errno = saved;
}

void vc_outfile_cleanup_on_signals(void)
{
    /* Every signal whose default action ends the process and that a
     * handler may catch; SIGKILL and SIGSTOP cannot be caught. */
    static const int sigs[] = { SIGINT,  SIGTERM, SIGHUP,    SIGPIPE, SIGQUIT, SIGUSR1,
                                SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU };
    struct sigaction sa, old;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_signal;
    sigfillset(&sa.sa_mask); /* one cleanup at a time */
    for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
        /* A signal ignored on entry stays ignored (nohup, '&' in scripts). */
        if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
            continue;
        sigaction(sigs[i], &sa, NULL);
    }
    /* Past a file size limit (ulimit -f) a write should fail with EFBIG and
     * be reported like a full disk, not kill the process mid-file. */
    signal(SIGXFSZ, SIG_IGN);
}

static int is_stdout(const char *path)
{
    return strcmp(path, "-") == 0;
}

/* Gives the new file the old one's owner and group where allowed (root; or
 * a group of ours); a refusal only leaves the file ours, as any new file. */
static void keep_owner(int fd, const struct stat *old)
{
    if (old->st_uid == geteuid() && old->st_gid == getegid())
        return;
    if (fchown(fd, old->st_uid, old->st_gid) != 0 && fchown(fd, (uid_t)-1, old->st_gid) != 0)
        return;
}

/*
 * The file a chain of symbolic links ends at, existing or not (malloc'd),
 * or NULL with errno set (ELOOP on a loop).  realpath() cannot do this: it
 * fails when the last link dangles.  Relative link contents are taken
 * relative to the link's folder.
 */
static char *link_target(const char *path)
{
    char *cur = strdup(path);
    for (int hops = 0; cur && hops < MAX_LINKS; hops++) {
        struct stat lsb;
        char buf[PATH_MAX];
        ssize_t len;
        if (lstat(cur, &lsb) != 0 || !S_ISLNK(lsb.st_mode))
            return cur;
        len = readlink(cur, buf, sizeof(buf) - 1);
        if (len < 0) {
            free(cur);
            return NULL;
        }
        buf[len] = '\0';
        const char *slash = strrchr(cur, '/');
        size_t dirlen = buf[0] != '/' && slash ? (size_t)(slash - cur) + 1 : 0;
        char *next = malloc(dirlen + (size_t)len + 1);
        if (next) {
            memcpy(next, cur, dirlen);
            memcpy(next + dirlen, buf, (size_t)len + 1);
        }
        free(cur);
        cur = next;
    }
    if (cur) {
        free(cur);
        errno = ELOOP;
    }
    return NULL;
}

enum vc_status vc_outfile_open(struct vc_outfile *o, const char *path, struct vc_error *err)
{
    const char *slash, *target;
    char *real = NULL;
    size_t dirlen;
    int fd, e;
    sigset_t all, old;
    struct stat sb, lsb;
    mode_t mode;
    int exists;

    o->fp = NULL;
    o->tmp = NULL;
    o->slot = -1;
    o->direct = 0;
    if (!path[0])
        return vc_error_set(err, VC_EINVAL, NULL, 0, 0,
                            "the output file name is empty (use '-' for standard output)");
    o->path = strdup(path);
    if (!o->path)
        return vc_error_set(err, VC_ENOMEM, path, 0, 0, "out of memory");
    if (is_stdout(path)) {
        o->fp = stdout;
        return VC_OK;
    }
    if (discard_all) {
        o->fp = fopen("/dev/null", "w");
        if (!o->fp) {
            e = errno;
            free(o->path);
            o->path = NULL;
            return vc_error_set(err, VC_EIO, "/dev/null", 0, 0, "cannot open for writing: %s",
                                strerror(e));
        }
        o->direct = 1;
        return VC_OK;
    }
    exists = stat(path, &sb) == 0;
    if (!exists && lstat(path, &lsb) == 0 && S_ISLNK(lsb.st_mode)) {
        /* A dangling link: create the file it names, keep the link. */
        real = link_target(path);
        if (!real) {
            e = errno;
            free(o->path);
            o->path = NULL;
            return vc_error_set(err, e == ENOMEM ? VC_ENOMEM : VC_EIO, path, 0, 0,
                                "cannot follow the symbolic link: %s", strerror(e));
        }
        free(o->path);
        o->path = real;
        real = NULL;
    }
    if (exists && !S_ISREG(sb.st_mode)) {
        /* A device or pipe (/dev/null, /dev/full, a FIFO): write straight to it,
         * never rename a regular file over it. */
        o->fp = fopen(path, "w");
        if (!o->fp) {
            e = errno;
            free(o->path);
            o->path = NULL;
            return vc_error_set(err, VC_EIO, path, 0, 0, "cannot open for writing: %s",
                                strerror(e));
        }
        o->direct = 1;
        return VC_OK;
    }
    if (exists && lstat(path, &lsb) == 0 && S_ISLNK(lsb.st_mode)) {
        /* Replace the file the link names, not the link. */
        real = realpath(path, NULL);
        if (real) {
            free(o->path);
            o->path = real;
        }
    }
    if (exists && !(policy & VC_OUTFILE_FORCE) && access(o->path, W_OK) != 0) {
        e = errno;
        free(o->path);
        o->path = NULL;
        return vc_error_set(err, VC_EIO, path, 0, 0,
                            "will not replace a file that is not writable (%s); --force "
                            "replaces it",
                            strerror(e));
    }
    target = o->path;
    slash = strrchr(target, '/');
    dirlen = slash ? (size_t)(slash - target) + 1 : 0;
    o->tmp = malloc(dirlen + 32);
    if (!o->tmp) {
        free(o->path);
        o->path = NULL;
        return vc_error_set(err, VC_ENOMEM, path, 0, 0, "out of memory");
    }
    memcpy(o->tmp, target, dirlen);
    strcpy(o->tmp + dirlen, ".vchain-tmp-XXXXXX");
    /* Block signals so the temp file is registered before a handler can run. */
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &old);
    fd = mkstemp(o->tmp);
    e = errno;
    if (fd >= 0) {
        o->slot = pending_add(o->tmp);
        if (o->slot < 0) {
            unlink(o->tmp);
            close(fd);
            fd = -1;
            e = EMFILE;
        }
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (fd < 0) {
        free(o->tmp);
        free(o->path);
        o->tmp = o->path = NULL;
        if (e == EMFILE)
            return vc_error_set(err, VC_EIO, path, 0, 0,
                                "too many output files open at once (the limit is %d)",
                                MAX_PENDING);
        return vc_error_set(err, VC_EIO, path, 0, 0, "cannot create a file in %s: %s",
                            dirlen ? "its folder" : "the current folder", strerror(e));
    }
    /* mkstemp gives 0600: keep an existing file's mode, else honour the umask. */
    if (exists) {
        mode = sb.st_mode & 07777;
    } else {
        mode_t mask = umask(0);
        umask(mask);
        mode = 0666 & ~mask;
    }
    fchmod(fd, mode);
    if (exists)
        keep_owner(fd, &sb);
    o->fp = fdopen(fd, "w");
    if (!o->fp) {
        e = errno;
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

static enum vc_status check_stream(FILE *f, const char *name, struct vc_error *err)
{
    /* errno from the write that failed, when fflush has nothing left to say */
    if (fflush(f) != 0 || ferror(f))
        return vc_error_set(err, VC_EIO, name, 0, 0, "write error: %s",
                            strerror(errno ? errno : EIO));
    return VC_OK;
}

enum vc_status vc_stream_check(FILE *f, struct vc_error *err)
{
    return check_stream(f, NULL, err);
}

enum vc_status vc_stdout_check(struct vc_error *err)
{
    return check_stream(stdout, STDOUT_NAME, err);
}

enum vc_status vc_outfile_fail(struct vc_outfile *o, enum vc_status st, struct vc_error *err)
{
    if (err && st != VC_OK && !err->path[0] && o->path)
        snprintf(err->path, sizeof(err->path), "%s", is_stdout(o->path) ? STDOUT_NAME : o->path);
    vc_outfile_abort(o);
    return st;
}

/* Makes the rename itself durable; a folder that cannot be synced (some
 * network file systems) changes nothing about the result. */
static void sync_folder(const char *path)
{
    const char *slash = strrchr(path, '/');
    char dir[PATH_MAX];
    int fd;
    if (!slash)
        snprintf(dir, sizeof(dir), ".");
    else if (slash == path)
        snprintf(dir, sizeof(dir), "/");
    else if ((size_t)(slash - path) < sizeof(dir))
        snprintf(dir, sizeof(dir), "%.*s", (int)(slash - path), path);
    else
        return;
    fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
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
    errno = 0;
    if (fflush(o->fp) != 0 || ferror(o->fp) || fsync(fileno(o->fp)) != 0)
        e = errno ? errno : EIO;
    errno = 0;
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
    sync_folder(o->path);
    free(o->tmp);
    free(o->path);
    o->tmp = o->path = NULL;
    o->slot = -1;
    return VC_OK;
}
