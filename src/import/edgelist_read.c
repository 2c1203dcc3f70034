/*
 * edgelist_read.c - one CSV edge list (with its node table, when there is
 * one) as a graph.
 *
 * Owns: the spreadsheet shape of a network, as Gephi's data laboratory,
 * NetworkX's to_pandas_edgelist() and vchain's own CSV export write it:
 *
 *   edges   Source, Target [, Type, Id, Label, Weight, any other column]
 *   nodes   Id [, Label, any other column]         optional, beside it
 *
 * Column names are matched ignoring case and surrounding spaces; "from"
 * and "to" are taken for Source and Target.  Beside a viz_weight column
 * (vchain's export), Weight repeats it and is not read.  Type is Directed or
 * Undirected per edge (directed when absent or empty).  Every other column
 * becomes an attribute of that name (after --map, and without the "vc_"
 * prefix vchain's exporters put on reserved names), typed from its values:
 * boolean when every value is true/false, long when every value is a
 * whole number, double when every value is a decimal number, else string;
 * an empty cell carries no value.
 *
 * Without a node table, nodes are the ids the edges name, in order of
 * first appearance.  With one, an edge naming an id the node table lacks is
 * an error (or, with lenient, a new node and a warning), as in the GraphML
 * reader.  Every message names the file and line.
 *
 * Values are kept as pooled strings while reading (one record in memory at
 * a time) and converted to their column's type at the end.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/attrname.h"
#include "core/csv.h"
#include "noted.h"
#include "vchain/import.h"

struct edgelist {
    struct vc_graph *g;
    const struct vc_import_opts *opts;
    struct vc_diag *diag;
    struct vc_error *err;
    const char *file;            /* pooled name of the table being read */
    struct vc_csv csv;
    bool have_nodes;             /* a node table was read */
    struct vc_attr **col_attr;   /* per CSV column: its attribute, or NULL */
    size_t n_cols;
};

static bool name_is(const char *field, const char *word)
{
    while (*field == ' ' || *field == '\t')
        field++;
    size_t n = strlen(word);
    if (strncasecmp(field, word, n) != 0)
        return false;
    for (field += n; *field; field++)
        if (*field != ' ' && *field != '\t')
            return false;
    return true;
}

/* The trimmed text of field i of the current record, copied into the pool. */
static const char *field(struct edgelist *r, size_t i, size_t *len)
{
    size_t n;
    const char *s = vc_csv_get(&r->csv, i, &n);
    while (n && (*s == ' ' || *s == '\t')) {
        s++;
        n--;
    }
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    *len = n;
    return s;
}

/*
 * Attribute columns for every header field not taken by a role.  role[i]
 * is set by the caller (non-zero: a role such as Source); the others get a
 * string column each, created here.
 */
static enum vc_status attr_columns(struct edgelist *r, enum vc_attr_class cls,
                                   const unsigned char *role)
{
    r->n_cols = r->csv.n_fields;
    r->col_attr = calloc(r->n_cols ? r->n_cols : 1, sizeof(*r->col_attr));
    if (!r->col_attr)
        return vc_error_set(r->err, VC_ENOMEM, r->file, 1, 0, "out of memory");
    for (size_t i = 0; i < r->n_cols; i++) {
        char mapped[256];
        size_t len;
        const char *text;
        enum vc_status st;
        if (role[i])
            continue;
        text = field(r, i, &len);
        if (!len)
            return vc_error_set(r->err, VC_EPARSE, r->file, 1, 0,
                                "column %zu has no name in the header", i + 1);
        /* Gephi capitalises its own columns; vchain's names are lower case. */
        char *raw = name_is(text, "label")    ? strdup("label")
                    : name_is(text, "weight") ? strdup("weight")
                                              : strndup(text, len);
        if (!raw)
            return vc_error_set(r->err, VC_ENOMEM, r->file, 1, 0, "out of memory");
        const char *name = vc_attrmap_apply(r->opts->map, vc_attrname_unescape(raw), mapped,
                                            sizeof(mapped));
        if (vc_graph_attr(r->g, cls, name)) {
            st = vc_error_set(r->err, VC_EPARSE, r->file, 1, 0,
                              "column \"%s\" appears twice in the header", name);
            free(raw);
            return st;
        }
        st = vc_graph_attr_add(r->g, cls, name, VC_ATTR_STRING, &r->col_attr[i], r->err);
        free(raw);
        if (st != VC_OK)
            return st;
    }
    return VC_OK;
}

static enum vc_status store_values(struct edgelist *r, size_t k)
{
    for (size_t i = 0; i < r->n_cols; i++) {
        size_t len;
        const char *text, *s;
        if (!r->col_attr[i])
            continue;
        text = field(r, i, &len);
        if (!len)
            continue; /* an empty cell: no value */
        if (len > VC_GRAPH_MAX_VALUE_LEN)
            return vc_error_set(r->err, VC_ENOMEM, r->file, r->csv.line, 0,
                                "a value longer than %zu bytes", VC_GRAPH_MAX_VALUE_LEN);
        if (!(s = vc_graph_strdup(r->g, text, len)))
            return vc_error_set(r->err, VC_ENOMEM, r->file, r->csv.line, 0, "out of memory");
        enum vc_status st = vc_attr_set_string(r->col_attr[i], k, s, r->err);
        if (st != VC_OK)
            return st;
    }
    return VC_OK;
}

static void close_table(struct edgelist *r)
{
    vc_csv_release(&r->csv);
    free(r->col_attr);
    r->col_attr = NULL;
    r->n_cols = 0;
}

static enum vc_status open_table(struct edgelist *r, FILE *in, const char *name)
{
    bool got;
    enum vc_status st;
    if (!(r->file = vc_graph_strdup(r->g, name, strlen(name))))
        return vc_error_set(r->err, VC_ENOMEM, name, 0, 0, "out of memory");
    vc_csv_init(&r->csv, in, r->file);
    if ((st = vc_csv_next(&r->csv, &got, r->err)) != VC_OK)
        return st;
    if (!got)
        return vc_error_set(r->err, VC_EPARSE, r->file, 0, 0,
                            "is empty: a CSV edge list starts with a header line such as "
                            "Source,Target,Weight");
    return VC_OK;
}

static long find_column(const struct vc_csv *c, const char *const *names)
{
    for (size_t i = 0; i < c->n_fields; i++)
        for (const char *const *n = names; *n; n++)
            if (name_is(vc_csv_get(c, i, NULL), *n))
                return (long)i;
    return -1;
}

/* ---- the node table ---- */

static enum vc_status read_nodes(struct edgelist *r, FILE *in, const char *name)
{
    static const char *const id_names[] = { "id", NULL };
    unsigned char *role = NULL;
    enum vc_status st;
    bool got;
    long id;

    if ((st = open_table(r, in, name)) != VC_OK)
        goto out;
    if ((id = find_column(&r->csv, id_names)) < 0) {
        st = vc_error_set(r->err, VC_EPARSE, r->file, 1, 0,
                          "the node table has no Id column (its header is the first line)");
        goto out;
    }
    if (!(role = calloc(r->csv.n_fields, 1))) {
        st = vc_error_set(r->err, VC_ENOMEM, r->file, 1, 0, "out of memory");
        goto out;
    }
    role[id] = 1;
    if ((st = attr_columns(r, VC_CLASS_NODE, role)) != VC_OK)
        goto out;
    while ((st = vc_csv_next(&r->csv, &got, r->err)) == VC_OK && got) {
        size_t len, k;
        bool created;
        const char *text = field(r, (size_t)id, &len);
        if (!len) {
            st = vc_error_set(r->err, VC_EINVAL, r->file, r->csv.line, 0,
                              "a node without an id (the Id cell is empty)");
            goto out;
        }
        if ((st = vc_graph_intern_node(r->g, text, len, (uint32_t)r->csv.line, 1, &k, &created,
                                       r->err)) != VC_OK)
            goto out;
        if (!created) {
            st = vc_error_set(r->err, VC_EINVAL, r->file, r->csv.line, 0,
                              "node \"%.*s\" appears twice (first at line %u)", (int)len, text,
                              r->g->node_line[k]);
            goto out;
        }
        if ((st = vc_graph_set_file(r->g, VC_CLASS_NODE, k, r->file, r->err)) != VC_OK ||
            (st = store_values(r, k)) != VC_OK)
            goto out;
    }
    r->have_nodes = true;
out:
    free(role);
    close_table(r);
    return st;
}

/* ---- the edge table ---- */

enum edge_role { ER_NONE, ER_SOURCE, ER_TARGET, ER_TYPE, ER_ID, ER_SKIP };

static enum vc_status endpoint(struct edgelist *r, size_t col, const char *what, size_t *node)
{
    size_t len;
    bool created;
    const char *text = field(r, col, &len);
    enum vc_status st;

    if (!len)
        return vc_error_set(r->err, VC_EINVAL, r->file, r->csv.line, 0,
                            "an edge without a %s (the cell is empty)", what);
    if (r->have_nodes) {
        *node = vc_graph_find_node(r->g, text, len);
        if (*node != SIZE_MAX)
            return VC_OK;
        if (!r->opts->lenient)
            return vc_error_set(r->err, VC_EINVAL, r->file, r->csv.line, 0,
                                "edge %s \"%.*s\" is not in the node table (--lenient adds "
                                "it, as NetworkX and Gephi do)",
                                what, (int)len, text);
        if ((st = vc_warn(r->diag, r->err, r->file, r->csv.line, 0,
                          "edge %s \"%.*s\" is not in the node table: added", what, (int)len,
                          text)) != VC_OK)
            return st;
    }
    st = vc_graph_intern_node(r->g, text, len, (uint32_t)r->csv.line, 1, node, &created, r->err);
    if (st == VC_OK && created)
        st = vc_graph_set_file(r->g, VC_CLASS_NODE, *node, r->file, r->err);
    return st;
}

static enum vc_status read_edges(struct edgelist *r, FILE *in, const char *name)
{
    static const char *const src_names[] = { "source", "from", NULL };
    static const char *const dst_names[] = { "target", "to", NULL };
    static const char *const type_names[] = { "type", NULL };
    static const char *const id_names[] = { "id", NULL };
    static const char *const weight_names[] = { "weight", NULL };
    static const char *const display_names[] = { "viz_weight", NULL };
    unsigned char *role = NULL;
    long src, dst, type, id, weight;
    enum vc_status st;
    bool got;

    if ((st = open_table(r, in, name)) != VC_OK)
        goto out;
    src = find_column(&r->csv, src_names);
    dst = find_column(&r->csv, dst_names);
    if (src < 0 || dst < 0) {
        st = vc_error_set(r->err, VC_EPARSE, r->file, 1, 0,
                          "not a CSV edge list: the first line names no %s column (an edge "
                          "list has Source and Target columns; a folder of CSV tables is "
                          "read by naming the folder)",
                          src < 0 ? "Source" : "Target");
        goto out;
    }
    type = find_column(&r->csv, type_names);
    id = find_column(&r->csv, id_names);
    if (!(role = calloc(r->csv.n_fields, 1))) {
        st = vc_error_set(r->err, VC_ENOMEM, r->file, 1, 0, "out of memory");
        goto out;
    }
    role[src] = ER_SOURCE;
    role[dst] = ER_TARGET;
    if (type >= 0)
        role[type] = ER_TYPE;
    if (id >= 0)
        role[id] = ER_ID;
    /* vchain's export: Weight is the meaningful weight it chose, repeated in
     * viz_weight; the input's own weight column is vc_weight */
    weight = find_column(&r->csv, weight_names);
    if (weight >= 0 && find_column(&r->csv, display_names) >= 0)
        role[weight] = ER_SKIP;
    if ((st = attr_columns(r, VC_CLASS_EDGE, role)) != VC_OK)
        goto out;
    while ((st = vc_csv_next(&r->csv, &got, r->err)) == VC_OK && got) {
        size_t from, to, k, len = 0;
        const char *eid = NULL;
        bool directed = true;
        if ((st = endpoint(r, (size_t)src, "source", &from)) != VC_OK ||
            (st = endpoint(r, (size_t)dst, "target", &to)) != VC_OK)
            goto out;
        if (type >= 0) {
            const char *t = field(r, (size_t)type, &len);
            if (len && (len == 10 && strncasecmp(t, "undirected", 10) == 0))
                directed = false;
            else if (len && !(len == 8 && strncasecmp(t, "directed", 8) == 0)) {
                st = vc_error_set(r->err, VC_EPARSE, r->file, r->csv.line, 0,
                                  "Type is \"%.*s\": Directed or Undirected expected", (int)len,
                                  t);
                goto out;
            }
        }
        if (id >= 0) {
            eid = field(r, (size_t)id, &len);
            if (!len)
                eid = NULL;
        }
        if ((st = vc_graph_add_edge(r->g, from, to, directed, eid, len, (uint32_t)r->csv.line, 1,
                                    &k, r->err)) != VC_OK ||
            (st = vc_graph_set_file(r->g, VC_CLASS_EDGE, k, r->file, r->err)) != VC_OK ||
            (st = store_values(r, k)) != VC_OK)
            goto out;
    }
out:
    free(role);
    close_table(r);
    return st;
}

/* ---- typing the columns ---- */

static bool parse_bool(const char *s, int64_t *v)
{
    if (strcasecmp(s, "true") == 0)
        *v = 1;
    else if (strcasecmp(s, "false") == 0)
        *v = 0;
    else
        return false;
    return true;
}

static bool parse_long(const char *s, int64_t *v)
{
    char *end;
    errno = 0;
    long long x = strtoll(s, &end, 10);
    if (end == s || *end || errno)
        return false;
    *v = x;
    return true;
}

/* A decimal number (no hexadecimal, no inf or nan: data, not C). */
static bool parse_decimal(const char *s, double *v)
{
    char *end;
    if (!vc_is_decimal(s))
        return false;
    errno = 0;
    *v = strtod(s, &end);
    return end != s && !*end && errno != ERANGE && isfinite(*v);
}

/* NaN (any case): what pandas and R write for a missing number. */
static bool is_nan(const char *s)
{
    return strcasecmp(s, "nan") == 0;
}

/* The narrowest type that holds every value of a string column; NaN cells
 * count as missing numbers (type_column warns), a column of NaN only is
 * double. */
static enum vc_attr_type infer(const struct vc_attr *a, size_t n)
{
    bool b = true, l = true, d = true, nan = false, voted = false;
    for (size_t k = 0; k < n && (b || l || d); k++) {
        union vc_value v;
        if (!vc_attr_has(a, k))
            continue;
        if (is_nan(a->values[k].s)) {
            nan = true;
            continue;
        }
        voted = true;
        b = b && parse_bool(a->values[k].s, &v.i);
        l = l && parse_long(a->values[k].s, &v.i);
        d = d && parse_decimal(a->values[k].s, &v.d);
    }
    if (nan && !voted)
        return VC_ATTR_DOUBLE;
    return b ? VC_ATTR_BOOL : l ? VC_ATTR_LONG : d ? VC_ATTR_DOUBLE : VC_ATTR_STRING;
}

/* Converts a string column to the type its values share (NaN cells become
 * missing values, noted for a warning). */
static enum vc_status type_column(struct vc_graph *g, struct vc_attr *a, struct vc_noted *noted,
                                  struct vc_error *err)
{
    size_t n = vc_graph_class_size(g, a->cls);
    enum vc_attr_type type = a->count ? infer(a, n) : VC_ATTR_STRING;
    struct vc_attr *typed;
    const char *name = a->name;
    enum vc_status st;
    char tmp[64];

    if (type == VC_ATTR_STRING)
        return VC_OK;
    snprintf(tmp, sizeof(tmp), "\x01typed-%p", (void *)a);
    if ((st = vc_graph_attr_add(g, a->cls, tmp, type, &typed, err)) != VC_OK)
        return st;
    for (size_t k = 0; k < n && st == VC_OK; k++) {
        union vc_value v;
        if (!vc_attr_has(a, k))
            continue;
        if (is_nan(a->values[k].s)) {
            bool edge = a->cls == VC_CLASS_EDGE;
            if (vc_noted_missing(noted, a->cls, name, vc_graph_file(g, a->cls, k),
                                 a->values[k].s, edge ? g->edge_line[k] : g->node_line[k],
                                 edge ? g->edge_col[k] : g->node_col[k]))
                st = vc_error_set(err, VC_ENOMEM, g->source, 0, 0, "out of memory");
            continue;
        }
        if (type == VC_ATTR_BOOL)
            parse_bool(a->values[k].s, &v.i);
        else if (type == VC_ATTR_LONG)
            parse_long(a->values[k].s, &v.i);
        else
            parse_decimal(a->values[k].s, &v.d);
        st = vc_attr_set(typed, k, v, err);
    }
    if (st != VC_OK)
        return st;
    vc_graph_attr_remove(g, a);
    return vc_graph_attr_rename(g, typed, name, err);
}

static enum vc_status type_columns(struct vc_graph *g, struct vc_diag *diag,
                                   struct vc_error *err)
{
    struct vc_noted noted = { NULL, 0, 0 };
    /* Removing a column reorders g->attrs: collect them first. */
    size_t n = g->n_attrs;
    struct vc_attr **cols;
    enum vc_status st = VC_OK;
    if (!n)
        return VC_OK;
    if (!(cols = malloc(n * sizeof(*cols))))
        return vc_error_set(err, VC_ENOMEM, g->source, 0, 0, "out of memory");
    memcpy(cols, g->attrs, n * sizeof(*cols));
    for (size_t i = 0; i < n && st == VC_OK; i++)
        if (cols[i]->type == VC_ATTR_STRING && cols[i]->cls != VC_CLASS_GRAPH)
            st = type_column(g, cols[i], &noted, err);
    free(cols);
    if (st == VC_OK)
        st = vc_noted_report(&noted, diag, err);
    vc_noted_release(&noted);
    return st;
}

/* ---- entry ---- */

enum vc_status vc_edgelist_read(struct vc_graph *out, FILE *edges, const char *name,
                                FILE *nodes, const char *nodes_name,
                                const struct vc_import_opts *opts, struct vc_diag *diag,
                                struct vc_error *err)
{
    static const struct vc_import_opts defaults = VC_IMPORT_OPTS_INIT;
    struct edgelist r;
    enum vc_status st;

    memset(&r, 0, sizeof(r));
    r.g = out;
    r.opts = opts ? opts : &defaults;
    r.diag = diag;
    r.err = err;
    vc_graph_init(out);
    if ((st = vc_graph_set_source(out, name)) != VC_OK)
        goto out;
    if (nodes && (st = read_nodes(&r, nodes, nodes_name)) != VC_OK)
        goto out;
    if ((st = read_edges(&r, edges, name)) != VC_OK)
        goto out;
    if ((st = type_columns(out, diag, err)) != VC_OK)
        goto out;
    st = vc_graph_unique_edge_ids(out, diag, err);
out:
    if (st != VC_OK)
        vc_graph_release(out);
    return st;
}
