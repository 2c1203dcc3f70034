/*
 * test_outfile.c - atomic outputs: the target is the old file or the whole
 * new one, never a part; no temporary file survives an error, an abort or
 * a fatal signal; modes and symbolic links are kept.
 */
#include "testutil.h"

#include <dirent.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

static char dir[256];

static int make_dir(void **state)
{
    (void)state;
    snprintf(dir, sizeof(dir), "/tmp/vchain-outfile-XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int remove_dir(void **state)
{
    char cmd[300];
    (void)state;
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static const char *in_dir(const char *name, char *buf, size_t size)
{
    snprintf(buf, size, "%s/%s", dir, name);
    return buf;
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

/* The whole content of path (static buffer), or NULL when absent. */
static const char *content(const char *path)
{
    static char buf[4096];
    size_t n;
    FILE *f = fopen(path, "r");
    if (!f)
        return NULL;
    n = fread(buf, 1, sizeof(buf) - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

/* Number of leftover temporary files in dir. */
static int temps_left(void)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int n = 0;
    assert_non_null(d);
    while ((e = readdir(d)))
        if (strncmp(e->d_name, ".vchain-tmp-", 12) == 0)
            n++;
    closedir(d);
    return n;
}

static void commit_replaces(void **state)
{
    char path[300];
    struct vc_outfile o = VC_OUTFILE_INIT;
    struct vc_error err = VC_ERROR_INIT;
    (void)state;

    in_dir("out.txt", path, sizeof(path));
    write_file(path, "old\n");
    assert_int_equal(vc_outfile_open(&o, path, &err), VC_OK);
    fputs("new\n", o.fp);
    assert_string_equal(content(path), "old\n"); /* untouched until commit */
    assert_int_equal(temps_left(), 1);
    assert_int_equal(vc_outfile_commit(&o, &err), VC_OK);
    assert_string_equal(content(path), "new\n");
    assert_int_equal(temps_left(), 0);
}

static void abort_keeps_old(void **state)
{
    char path[300];
    struct vc_outfile o = VC_OUTFILE_INIT;
    struct vc_error err = VC_ERROR_INIT;
    (void)state;

    in_dir("keep.txt", path, sizeof(path));
    write_file(path, "old\n");
    assert_int_equal(vc_outfile_open(&o, path, &err), VC_OK);
    fputs("half of the new", o.fp);
    vc_outfile_abort(&o);
    assert_string_equal(content(path), "old\n");
    assert_int_equal(temps_left(), 0);

    in_dir("never.txt", path, sizeof(path));
    assert_int_equal(vc_outfile_open(&o, path, &err), VC_OK);
    fputs("x", o.fp);
    vc_outfile_abort(&o);
    assert_null(content(path)); /* no partial file where there was none */
    assert_int_equal(temps_left(), 0);
}

static void mode_and_symlink_kept(void **state)
{
    char path[300], link[300];
    struct vc_outfile o = VC_OUTFILE_INIT;
    struct vc_error err = VC_ERROR_INIT;
    struct stat sb;
    (void)state;

    in_dir("private.txt", path, sizeof(path));
    write_file(path, "secret\n");
    assert_int_equal(chmod(path, 0600), 0);
    assert_int_equal(vc_outfile_open(&o, path, &err), VC_OK);
    fputs("still secret\n", o.fp);
    assert_int_equal(vc_outfile_commit(&o, &err), VC_OK);
    assert_int_equal(stat(path, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0600);

    in_dir("link.txt", link, sizeof(link));
    assert_int_equal(symlink(path, link), 0);
    assert_int_equal(vc_outfile_open(&o, link, &err), VC_OK);
    fputs("through the link\n", o.fp);
    assert_int_equal(vc_outfile_commit(&o, &err), VC_OK);
    assert_int_equal(lstat(link, &sb), 0);
    assert_true(S_ISLNK(sb.st_mode));
    assert_string_equal(content(path), "through the link\n");
    assert_int_equal(temps_left(), 0);
}

static void errors_are_reported(void **state)
{
    char path[300];
    struct vc_outfile o = VC_OUTFILE_INIT;
    struct vc_error err = VC_ERROR_INIT;
    (void)state;

    in_dir("no/such/folder/out.txt", path, sizeof(path));
    assert_int_equal(vc_outfile_open(&o, path, &err), VC_EIO);
    assert_non_null(strstr(err.msg, "cannot create a file in its folder"));

    if (access("/dev/full", W_OK) == 0) {
        vc_error_clear(&err);
        assert_int_equal(vc_outfile_open(&o, "/dev/full", &err), VC_OK);
        fputs("x", o.fp);
        assert_int_equal(vc_outfile_commit(&o, &err), VC_EIO);
        assert_non_null(strstr(err.msg, "No space left on device"));
    }
}

static void too_many_open(void **state)
{
    enum { N = 33 };
    struct vc_outfile o[N];
    struct vc_error err = VC_ERROR_INIT;
    char path[300], name[32];
    int i;
    (void)state;

    for (i = 0; i < N - 1; i++) {
        snprintf(name, sizeof(name), "f%d", i);
        assert_int_equal(vc_outfile_open(&o[i], in_dir(name, path, sizeof(path)), &err), VC_OK);
    }
    assert_int_equal(vc_outfile_open(&o[N - 1], in_dir("last", path, sizeof(path)), &err),
                     VC_EIO);
    assert_non_null(strstr(err.msg, "too many output files"));
    for (i = 0; i < N - 1; i++)
        vc_outfile_abort(&o[i]);
    assert_int_equal(temps_left(), 0);
}

/* A child writes half a file, then dies of sig; returns its wait status. */
static int die_while_writing(const char *path, int sig, int ignore_first)
{
    pid_t pid = fork();
    int status;
    assert_true(pid >= 0);
    if (pid == 0) {
        struct vc_outfile o = VC_OUTFILE_INIT;
        if (ignore_first)
            signal(sig, SIG_IGN);
        vc_outfile_cleanup_on_signals();
        if (vc_outfile_open(&o, path, NULL) != VC_OK)
            _exit(3);
        fputs("partial", o.fp);
        fflush(o.fp);
        raise(sig);
        vc_outfile_abort(&o);
        _exit(0); /* only reached when the signal was ignored */
    }
    assert_int_equal(waitpid(pid, &status, 0), pid);
    return status;
}

static void signals_remove_temp(void **state)
{
    static const int sigs[] = { SIGTERM, SIGINT, SIGHUP, SIGPIPE };
    char path[300];
    (void)state;

    in_dir("sig.txt", path, sizeof(path));
    write_file(path, "old\n");
    for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
        int status = die_while_writing(path, sigs[i], 0);
        assert_true(WIFSIGNALED(status));
        assert_int_equal(WTERMSIG(status), sigs[i]); /* dies of the same signal */
        assert_string_equal(content(path), "old\n");
        assert_int_equal(temps_left(), 0);
    }
    /* Ignored on entry (nohup): stays ignored, the run goes on. */
    int status = die_while_writing(path, SIGHUP, 1);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
    assert_int_equal(temps_left(), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(commit_replaces, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(abort_keeps_old, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(mode_and_symlink_kept, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(errors_are_reported, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(too_many_open, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(signals_remove_temp, make_dir, remove_dir),
    };
    return cmocka_run_group_tests_name("outfile", tests, NULL, NULL);
}
