/*
 * load.c - from a path to a value chain: pick the reader, read, interpret.
 *
 * The format is taken from the content (the first kilobytes are sniffed and
 * then replayed to the reader, so standard input works too): XML by its
 * root element, a CSV edge list by a header naming Source and Target.  A
 * folder is a set of CSV tables, or the pair nodes.csv and edges.csv that
 * vchain's and Gephi's CSV exports write.  An edge list NAME-edges.csv or
 * edges.csv is read with the node table beside it (NAME-nodes.csv,
 * nodes.csv) when there is one.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <stdlib.h>
#include <strings.h>

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

/* The tables of a folder of CSV tables (docs/formats.md, "CSV tables"). */
static const char *const table_names[] = { "providers.csv", "inputs.csv", "provision.csv",
                                           "sequence.csv", "stages.csv", NULL };

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static bool is_table_name(const char *path)
{
    for (const char *const *t = table_names; *t; t++)
        if (strcasecmp(base_name(path), *t) == 0)
            return true;
    return false;
}

static bool ends_with_ci(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcasecmp(s + n - m, suffix) == 0;
}

/* Whether the first line of head, split at commas, names a Source (or
 * from) and a Target (or to) column. */
static bool edge_list_header(const char *head, size_t len)
{
    bool src = false, dst = false;
    size_t i = 0;
    if (len >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < len && head[i] != '\n' && head[i] != '\r') {
        size_t start = i, end;
        while (i < len && head[i] != ',' && head[i] != '\n' && head[i] != '\r')
            i++;
        end = i;
        while (start < end && strchr(" \t\"", head[start]))
            start++;
        while (end > start && strchr(" \t\"", head[end - 1]))
            end--;
        if ((end - start == 6 && strncasecmp(head + start, "source", 6) == 0) ||
            (end - start == 4 && strncasecmp(head + start, "from", 4) == 0))
            src = true;
        if ((end - start == 6 && strncasecmp(head + start, "target", 6) == 0) ||
            (end - start == 2 && strncasecmp(head + start, "to", 2) == 0))
            dst = true;
        if (i < len && head[i] == ',')
            i++;
    }
    return src && dst;
}

static enum vc_format sniff(const char *raw, size_t raw_len)
{
    if (edge_list_header(raw, raw_len))
        return VC_FMT_EDGELIST;
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

/*
 * The node table beside edge list path (malloc'd), when it exists:
 * D/edges.csv -> D/nodes.csv, D/NAME-edges.csv -> D/NAME-nodes.csv (also
 * NAME_edges.csv); NULL otherwise.
 */
static char *node_table_of(const char *path)
{
    static const char *const pairs[][2] = { { "-edges.csv", "-nodes.csv" },
                                            { "_edges.csv", "_nodes.csv" } };
    size_t n = strlen(path);
    char *nodes = NULL;
    struct stat sb;

    if (strcasecmp(base_name(path), "edges.csv") == 0) {
        nodes = strdup(path);
        if (nodes)
            memcpy(nodes + n - 9, "nodes.csv", 9);
    }
    for (size_t i = 0; !nodes && i < sizeof(pairs) / sizeof(pairs[0]); i++) {
        if (!ends_with_ci(path, pairs[i][0]))
            continue;
        nodes = strdup(path);
        if (nodes)
            memcpy(nodes + n - 10, pairs[i][1], 10);
    }
    if (nodes && (stat(nodes, &sb) != 0 || !S_ISREG(sb.st_mode))) {
        free(nodes);
        nodes = NULL;
    }
    return nodes;
}

/* Reads an edge list (and the node table beside it) from in. */
static enum vc_status read_edge_list(FILE *in, const char *path, const char *name,
                                     const struct vc_load_opts *opts, struct vc_graph *g,
                                     struct vc_diag *diag, struct vc_error *err)
{
    char *nodes_path = strcmp(path, "-") == 0 ? NULL : node_table_of(path);
    FILE *nodes = NULL;
    enum vc_status st;

    if (nodes_path && !(nodes = fopen(nodes_path, "rb"))) {
        st = vc_error_set(err, VC_EIO, nodes_path, 0, 0, "cannot open: %s", strerror(errno));
        free(nodes_path);
        return st;
    }
    st = vc_edgelist_read(g, in, name, nodes, nodes_path, &opts->import, diag, err);
    if (nodes)
        fclose(nodes);
    free(nodes_path);
    return st;
}

/* A folder holding edges.csv and none of the tables: the CSV export pair. */
static char *export_pair_in(const char *dir)
{
    struct stat sb;
    size_t n = strlen(dir);
    char *p = malloc(n + 32);
    if (!p)
        return NULL;
    for (const char *const *t = table_names; *t; t++) {
        snprintf(p, n + 32, "%s/%s", dir, *t);
        if (stat(p, &sb) == 0) {
            free(p);
            return NULL;
        }
    }
    snprintf(p, n + 32, "%s%sedges.csv", dir, n && dir[n - 1] == '/' ? "" : "/");
    if (stat(p, &sb) == 0 && S_ISREG(sb.st_mode))
        return p;
    free(p);
    return NULL;
}

static enum vc_status read_stream(FILE *in, const char *path, const char *name,
                                  enum vc_format fmt, const struct vc_load_opts *opts,
                                  struct vc_graph *g, struct vc_diag *diag, struct vc_error *err)
{
    switch (fmt) {
    case VC_FMT_GEXF:
        return vc_gexf_read(g, in, name, &opts->import, diag, err);
    case VC_FMT_EDGELIST:
        return read_edge_list(in, path, name, opts, g, diag, err);
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
        char *pair = fmt == VC_FMT_AUTO || fmt == VC_FMT_EDGELIST ? export_pair_in(path) : NULL;
        if (pair) {
            in = fopen(pair, "rb");
            if (!in) {
                st = vc_error_set(err, VC_EIO, pair, 0, 0, "cannot open: %s", strerror(errno));
                free(pair);
                return st;
            }
            st = read_edge_list(in, pair, pair, opts, graph, diag, err);
            fclose(in);
            free(pair);
        } else if (fmt != VC_FMT_AUTO && fmt != VC_FMT_TABLES) {
            return vc_error_set(err, VC_EINVAL, path, 0, 0, "is a folder, not a file");
        } else {
            st = vc_tables_read(graph, path, &opts->import, diag, err);
        }
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
        if (fmt != VC_FMT_EDGELIST && opts->format == VC_FMT_AUTO && !is_stdin &&
            is_table_name(path)) {
            if (!is_stdin)
                fclose(in);
            return vc_error_set(err, VC_EINVAL, path, 0, 0,
                                "is one table of a folder of CSV tables: give the folder "
                                "that holds it (with providers.csv, inputs.csv and "
                                "provision.csv) instead of the file");
        }
        if (fmt == VC_FMT_GRAPHML && opts->format == VC_FMT_AUTO && ends_with_ci(path, ".csv"))
            fmt = VC_FMT_EDGELIST; /* its header check gives the clearest refusal */
        if (!is_stdin && fseek(in, 0, SEEK_SET) == 0) {
            /* A file read again from its start: the reader gets the file
             * itself, with no copy through the replay, and can see its size
             * (the GraphML reader sizes its arrays from it). */
            st = read_stream(in, path, name, fmt, opts, graph, diag, err);
            fclose(in);
        } else {
            cookie_io_functions_t io = { replay_read, NULL, NULL, NULL };
            replayed = fopencookie(&rp, "r", io);
            if (!replayed) {
                if (!is_stdin)
                    fclose(in);
                return vc_error_set(err, VC_ENOMEM, name, 0, 0, "out of memory");
            }
            st = read_stream(replayed, path, name, fmt, opts, graph, diag, err);
            fclose(replayed);
            if (!is_stdin)
                fclose(in);
        }
    }
    if (st != VC_OK)
        return st;
    st = vc_chain_build(graph, &opts->chain, chain, diag, err);
    if (st != VC_OK)
        vc_graph_release(graph);
    return st;
}
