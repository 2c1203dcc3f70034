/*
 * export.c - from a graph to output files: format choice, file names and
 * the atomic write.
 *
 * Owns what happens around the writers: the format an output name implies,
 * the two names of a CSV export, and writing every file through
 * vc_outfile (a temporary file in the target's folder, renamed into place
 * when complete), so a failure (a bad option, a full disk, a signal) never
 * leaves a truncated output or touches an existing one.  Options are
 * checked before any file is created.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "viz.h"
#include "vchain/outfile.h"

static bool ends_with_ci(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcasecmp(s + n - m, suffix) == 0;
}

enum vc_export_format vc_export_format_from_path(const char *path)
{
    if (ends_with_ci(path, ".gexf"))
        return VC_EXPORT_GEXF;
    if (ends_with_ci(path, ".graphml") || ends_with_ci(path, ".xml"))
        return VC_EXPORT_GRAPHML;
    if (ends_with_ci(path, ".csv"))
        return VC_EXPORT_CSV;
    if (ends_with_ci(path, ".graphology.json"))
        return VC_EXPORT_GRAPHOLOGY;
    if (ends_with_ci(path, ".json"))
        return VC_EXPORT_JSON;
    return VC_EXPORT_AUTO;
}

const char *vc_export_format_name(enum vc_export_format fmt)
{
    switch (fmt) {
    case VC_EXPORT_GEXF: return "gexf";
    case VC_EXPORT_GRAPHML: return "graphml";
    case VC_EXPORT_CSV: return "csv";
    case VC_EXPORT_JSON: return "json";
    case VC_EXPORT_GRAPHOLOGY: return "graphology";
    case VC_EXPORT_AUTO: break;
    }
    return "auto";
}

static bool is_dir(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

enum vc_status vc_csv_paths(const char *path, char **nodes, char **edges, struct vc_error *err)
{
    size_t len = strlen(path), base;
    const char *sep = "/";
    const char *sfx[2] = { "nodes.csv", "edges.csv" };
    char **outp[2] = { nodes, edges };

    *nodes = *edges = NULL;
    if (!len || strcmp(path, "-") == 0)
        return vc_error_set(err, VC_EINVAL, path, 0, 0,
                            "a CSV export writes two files: give a folder or NAME.csv");
    if (ends_with_ci(path, ".csv") && !is_dir(path)) {
        base = len - 4;
        sep = "-";
    } else {
        base = len;
        if (path[len - 1] == '/')
            sep = "";
    }
    for (int i = 0; i < 2; i++) {
        size_t n = base + strlen(sep) + strlen(sfx[i]) + 1;
        *outp[i] = malloc(n);
        if (!*outp[i]) {
            free(*nodes);
            *nodes = *edges = NULL;
            return vc_error_set(err, VC_ENOMEM, path, 0, 0, "out of memory");
        }
        snprintf(*outp[i], n, "%.*s%s%s", (int)base, path, sep, sfx[i]);
    }
    return VC_OK;
}

static enum vc_status write_one(const struct vc_graph *g, enum vc_export_format fmt,
                                const char *path, const struct vc_export_opts *opts,
                                struct vc_outfile *o, struct vc_error *err)
{
    enum vc_status st = vc_outfile_open(o, path, err);
    if (st != VC_OK)
        return st;
    switch (fmt) {
    case VC_EXPORT_GEXF: st = vc_gexf_write(g, opts, o->fp, err); break;
    case VC_EXPORT_GRAPHML: st = vc_graphml_write(g, opts, o->fp, err); break;
    case VC_EXPORT_JSON: st = vc_json_write(g, opts, o->fp, err); break;
    case VC_EXPORT_GRAPHOLOGY: st = vc_graphology_write(g, opts, o->fp, err); break;
    default: st = vc_error_set(err, VC_EINVAL, path, 0, 0, "no format to write"); break;
    }
    return st != VC_OK ? vc_outfile_fail(o, st, err) : VC_OK;
}

/*
 * An exclusive lock on the folder that holds file (an open descriptor to
 * pass to unlock_folder), or -1 when the folder cannot be locked (some
 * network file systems): the lock is then only lost, not needed for
 * correctness of a single run.
 */
static int lock_folder(const char *file)
{
    const char *slash = strrchr(file, '/');
    char *dir = slash ? strndup(file, slash == file ? 1 : (size_t)(slash - file)) : strdup(".");
    int fd = dir ? open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;
    free(dir);
    if (fd >= 0 && flock(fd, LOCK_EX) != 0) {
        close(fd);
        fd = -1;
    }
    return fd;
}

static void unlock_folder(int fd)
{
    if (fd >= 0)
        close(fd); /* closing releases the flock */
}

static enum vc_status write_csv(const struct vc_graph *g, const char *path,
                                const struct vc_export_opts *opts, struct vc_error *err)
{
    struct vc_outfile on = VC_OUTFILE_INIT, oe = VC_OUTFILE_INIT;
    char *np = NULL, *ep = NULL;
    bool made_folder = false;
    int lock = -1;
    enum vc_status st = vc_csv_paths(path, &np, &ep, err);

    if (st != VC_OK)
        return st;
    if (!ends_with_ci(path, ".csv") && !is_dir(path) && !vc_outfile_discarding()) {
        if (mkdir(path, 0777) == 0)
            made_folder = true;
        else if (errno != EEXIST) {
            st = vc_error_set(err, VC_EIO, path, 0, 0, "cannot create the folder: %s",
                              strerror(errno));
            goto out;
        }
    }
    /* Both tables are complete on disk before either is renamed into place. */
    if ((st = vc_outfile_open(&on, np, err)) != VC_OK)
        goto out;
    if ((st = vc_outfile_open(&oe, ep, err)) != VC_OK) {
        vc_outfile_abort(&on);
        goto out;
    }
    if ((st = vc_csv_write_nodes(g, opts, on.fp, err)) != VC_OK) {
        vc_outfile_fail(&on, st, err);
        vc_outfile_abort(&oe);
        goto out;
    }
    if ((st = vc_csv_write_edges(g, opts, oe.fp, err)) != VC_OK) {
        vc_outfile_fail(&oe, st, err);
        vc_outfile_abort(&on);
        goto out;
    }
    /* The pair is renamed into place under a lock on its folder, so two
     * exports to the same place leave one run's pair, never a mix. */
    lock = lock_folder(np);
    if ((st = vc_outfile_commit(&on, err)) != VC_OK) {
        vc_outfile_abort(&oe);
        goto out;
    }
    st = vc_outfile_commit(&oe, err);
out:
    unlock_folder(lock);
    if (st != VC_OK && made_folder)
        rmdir(path); /* only when empty: a folder we made and could not fill */
    free(np);
    free(ep);
    return st;
}

enum vc_status vc_export_file(const struct vc_graph *g, enum vc_export_format fmt,
                              const char *path, const struct vc_export_opts *opts,
                              struct vc_error *err)
{
    struct vc_outfile o = VC_OUTFILE_INIT;
    struct vc_viz viz;
    enum vc_status st;

    if (fmt == VC_EXPORT_AUTO)
        fmt = vc_export_format_from_path(path);
    if (fmt == VC_EXPORT_AUTO)
        return vc_error_set(err, VC_EINVAL, path, 0, 0,
                            "cannot tell the format from the name: use .gexf, .graphml, "
                            ".csv or .json, or name the format");
    /* Bad options fail here, before any file exists. */
    if ((st = vc_viz_prepare(g, opts, &viz, err)) != VC_OK)
        return st;
    vc_viz_release(&viz);
    if (fmt == VC_EXPORT_CSV)
        return write_csv(g, path, opts, err);
    if ((st = write_one(g, fmt, path, opts, &o, err)) != VC_OK)
        return st;
    return vc_outfile_commit(&o, err);
}
