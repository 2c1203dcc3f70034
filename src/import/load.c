/*
 * load.c - from a path to a value chain: pick the reader, read, interpret.
 *
 * The format is taken from the content (the first kilobytes are sniffed and
 * then replayed to the reader, so standard input works too); a folder is a
 * set of CSV tables.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "vchain/import.h"
#include "vchain/outfile.h"

/* A FILE that first replays a sniffed prefix, then reads the real file. */
struct replay {
    FILE *in;
    char head[4096];
    size_t len, pos;
};

static ssize_t replay_read(void *cookie, char *buf, size_t size)
{
    struct replay *r = cookie;
    if (r->pos < r->len) {
        size_t n = r->len - r->pos < size ? r->len - r->pos : size;
        memcpy(buf, r->head + r->pos, n);
        r->pos += n;
        return (ssize_t)n;
    }
    size_t n = fread(buf, 1, size, r->in);
    if (n == 0 && ferror(r->in))
        return -1;
    return (ssize_t)n;
}

static enum vc_format sniff(const char *raw, size_t raw_len)
{
    /* UTF-16 (or UTF-32) markup is ASCII with zero bytes in between: drop
     * them so a UTF-16 GEXF file is recognised as GEXF (XML has no NUL
     * characters, so nothing else changes). */
    char head[sizeof(((struct replay *)0)->head)];
    size_t len = 0;
    for (size_t i = 0; i < raw_len && len < sizeof(head); i++)
        if (raw[i] != '\0')
            head[len++] = raw[i];
    /* Look for the root element's name among the first bytes. */
    for (size_t i = 0; i + 5 < len; i++) {
        if (head[i] != '<')
            continue;
        const char *p = head + i + 1, *end = head + len;
        /* the element name ends at whitespace, '>' or '/': a ':' before
         * that makes a prefixed root (<ns3:graphml>) */
        const char *q = p, *colon = NULL;
        while (q < end && !strchr(" \t\r\n>/", *q)) {
            if (*q == ':' && !colon)
                colon = q;
            q++;
        }
        if (colon && p[0] != '?' && p[0] != '!')
            p = colon + 1;
        if ((size_t)(head + len - p) >= 4 && strncmp(p, "gexf", 4) == 0)
            return VC_FMT_GEXF;
        if ((size_t)(head + len - p) >= 7 && strncmp(p, "graphml", 7) == 0)
            return VC_FMT_GRAPHML;
    }
    return VC_FMT_GRAPHML; /* the GraphML reader gives the clearest refusal */
}

static enum vc_status read_stream(FILE *in, const char *name, enum vc_format fmt,
                                  const struct vc_load_opts *opts, struct vc_graph *g,
                                  struct vc_diag *diag, struct vc_error *err)
{
    switch (fmt) {
    case VC_FMT_GEXF:
        return vc_gexf_read(g, in, name, &opts->import, diag, err);
    default:
        return vc_graphml_read(g, in, name, &opts->import, diag, err);
    }
}

enum vc_status vc_load(const char *path, const struct vc_load_opts *opts, struct vc_graph *graph,
                       struct vc_chain *chain, struct vc_diag *diag, struct vc_error *err)
{
    static const struct vc_load_opts defaults = VC_LOAD_OPTS_INIT;
    const int is_stdin = strcmp(path, "-") == 0;
    const char *name = is_stdin ? "<stdin>" : path;
    struct stat sb;
    struct replay rp;
    FILE *in, *replayed;
    enum vc_format fmt;
    enum vc_status st;

    if (!opts)
        opts = &defaults;
    fmt = opts->format;
    if (!is_stdin && vc_outfile_is_temporary(path))
        return vc_error_set(err, VC_EINVAL, path, 0, 0,
                            "is a temporary file that a killed vchain run left behind "
                            "(it may be incomplete): delete it, never read it");
    if (!is_stdin && stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
        if (fmt != VC_FMT_AUTO && fmt != VC_FMT_TABLES)
            return vc_error_set(err, VC_EINVAL, path, 0, 0, "is a folder, not a file");
        st = vc_tables_read(graph, path, &opts->import, diag, err);
    } else {
        if (fmt == VC_FMT_TABLES)
            return vc_error_set(err, VC_EINVAL, path, 0, 0,
                                "tables are read from a folder, and this is a file");
        in = is_stdin ? stdin : fopen(path, "rb");
        if (!in)
            return vc_error_set(err, VC_EIO, path, 0, 0, "cannot open: %s", strerror(errno));
        rp.in = in;
        rp.pos = 0;
        rp.len = fread(rp.head, 1, sizeof(rp.head), in);
        if (ferror(in)) {
            int e = errno;
            if (!is_stdin)
                fclose(in);
            return vc_error_set(err, VC_EIO, name, 0, 0, "cannot read: %s", strerror(e));
        }
        if (fmt == VC_FMT_AUTO)
            fmt = sniff(rp.head, rp.len);
        cookie_io_functions_t io = { replay_read, NULL, NULL, NULL };
        replayed = fopencookie(&rp, "r", io);
        if (!replayed) {
            if (!is_stdin)
                fclose(in);
            return vc_error_set(err, VC_ENOMEM, name, 0, 0, "out of memory");
        }
        st = read_stream(replayed, name, fmt, opts, graph, diag, err);
        fclose(replayed);
        if (!is_stdin)
            fclose(in);
    }
    if (st != VC_OK)
        return st;
    st = vc_chain_build(graph, &opts->chain, chain, diag, err);
    if (st != VC_OK)
        vc_graph_release(graph);
    return st;
}
