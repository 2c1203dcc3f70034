/*
 * graph.c - nodes, edges, attribute columns and value parsing.
 *
 * Owns the memory layout of struct vc_graph (parallel arrays, 32-bit
 * indices) and the rules for turning attribute text into typed values.
 * It knows nothing of value-chain meaning (chain.c) or of file formats.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "idmap.h"
#include "mem.h"
#include "strpool.h"
#include "vchain/graph.h"

void vc_graph_init(struct vc_graph *g)
{
    memset(g, 0, sizeof(*g));
    g->directed = true;
    g->source = "";
}

static void attr_free(struct vc_attr *a)
{
    if (!a)
        return;
    free(a->values);
    free(a->has);
    free(a);
}

void vc_graph_release(struct vc_graph *g)
{
    free(g->node_id);
    free(g->node_line);
    free(g->node_col);
    vc_idmap_release(&g->node_index);
    VC_FREE_ALL(g->edge_from, g->edge_to, g->edge_directed, g->edge_id, g->edge_line, g->edge_col,
                g->node_file, g->edge_file);
    for (size_t i = 0; i < g->n_attrs; i++)
        attr_free(g->attrs[i]);
    free(g->attrs);
    vc_strpool_release(&g->pool);
    vc_graph_init(g);
}

const char *vc_graph_strdup(struct vc_graph *g, const char *s, size_t len)
{
    return vc_strpool_dup(&g->pool, s, len);
}

enum vc_status vc_graph_set_source(struct vc_graph *g, const char *name)
{
    const char *s = vc_graph_strdup(g, name, strlen(name));
    if (!s)
        return VC_ENOMEM;
    g->source = s;
    return VC_OK;
}

static enum vc_status nomem(struct vc_error *err, const struct vc_graph *g, const char *what)
{
    return vc_error_set(err, VC_ENOMEM, g->source, 0, 0, "out of memory while storing %s", what);
}

size_t vc_graph_find_node(const struct vc_graph *g, const char *id, size_t len)
{
    return vc_idmap_find(&g->node_index, g->node_id, id, len, vc_hash(id, len));
}

static int grow_nodes(struct vc_graph *g, size_t need)
{
    size_t c1 = g->nodes_cap, c2 = g->nodes_cap, c3 = g->nodes_cap;
    if (need <= g->nodes_cap)
        return 0;
    /* Filled in order by vc_graph_intern_node(): no zeroing. */
    if (VC_GROW_UNINIT(g->node_id, c1, need) || VC_GROW_UNINIT(g->node_line, c2, need) ||
        VC_GROW_UNINIT(g->node_col, c3, need))
        return -1;
    g->nodes_cap = c1 < c2 ? (c1 < c3 ? c1 : c3) : (c2 < c3 ? c2 : c3);
    return 0;
}

enum vc_status vc_graph_intern_node(struct vc_graph *g, const char *id, size_t len,
                                    uint32_t line, uint32_t col, size_t *index,
                                    bool *created, struct vc_error *err)
{
    return vc_graph_intern_node_hashed(g, id, len, vc_hash(id, len), line, col, index, created,
                                       err);
}

enum vc_status vc_graph_intern_node_hashed(struct vc_graph *g, const char *id, size_t len,
                                           uint32_t h, uint32_t line, uint32_t col,
                                           size_t *index, bool *created, struct vc_error *err)
{
    size_t k = vc_idmap_find(&g->node_index, g->node_id, id, len, h);

    if (k != SIZE_MAX) {
        *index = k;
        if (created)
            *created = false;
        return VC_OK;
    }
    if (len > VC_GRAPH_MAX_ID_LEN)
        return vc_error_set(err, VC_ENOMEM, g->source, line, col,
                            "node id of %zu bytes is too long (the limit is %zu bytes)", len,
                            VC_GRAPH_MAX_ID_LEN);
    if (len == 0) /* every reader refuses it first, with its own words */
        return vc_error_set(err, VC_EINVAL, g->source, line, col, "a node with an empty id");
    if (memchr(id, '\0', len))
        return vc_error_set(err, VC_EINVAL, g->source, line, col, "node id holds a NUL byte");
    if (g->n_nodes >= VC_GRAPH_MAX_ELEMENTS)
        return vc_error_set(err, VC_ENOMEM, g->source, line, col,
                            "too many nodes (the limit is %zu)", VC_GRAPH_MAX_ELEMENTS);
    if (grow_nodes(g, g->n_nodes + 1))
        return nomem(err, g, "nodes");
    k = g->n_nodes;
    g->node_id[k] = vc_graph_strdup(g, id, len);
    if (!g->node_id[k] || vc_idmap_insert(&g->node_index, k, id, len, h))
        return nomem(err, g, "node ids");
    g->node_line[k] = line;
    g->node_col[k] = col;
    g->n_nodes++;
    *index = k;
    if (created)
        *created = true;
    return VC_OK;
}

static int grow_edges(struct vc_graph *g, size_t need)
{
    size_t c[6];
    if (need <= g->edges_cap)
        return 0;
    for (int i = 0; i < 6; i++)
        c[i] = g->edges_cap;
    /* Filled in order by vc_graph_add_edge(): no zeroing.  The ids exist
     * once an edge has one (big graphs seldom have any). */
    if (VC_GROW_UNINIT(g->edge_from, c[0], need) || VC_GROW_UNINIT(g->edge_to, c[1], need) ||
        VC_GROW_UNINIT(g->edge_directed, c[2], need) ||
        (g->edge_id && VC_GROW_UNINIT(g->edge_id, c[3], need)) ||
        VC_GROW_UNINIT(g->edge_line, c[4], need) || VC_GROW_UNINIT(g->edge_col, c[5], need))
        return -1;
    if (!g->edge_id)
        c[3] = c[0];
    /* Every array reached at least need; they share one capacity from here. */
    size_t m = c[0];
    for (int i = 1; i < 6; i++)
        if (c[i] < m)
            m = c[i];
    g->edges_cap = m;
    return 0;
}

/* The next VC_PREFAULT_RUN slots of the edge arrays from k, within their
 * capacity (vc_mem_prefault). */
static void prefault_edges(struct vc_graph *g, size_t k)
{
    size_t n = g->edges_cap - k < VC_PREFAULT_RUN ? g->edges_cap - k : VC_PREFAULT_RUN;
    vc_mem_prefault(g->edge_from + k, n * sizeof(*g->edge_from));
    vc_mem_prefault(g->edge_to + k, n * sizeof(*g->edge_to));
    vc_mem_prefault(g->edge_line + k, n * sizeof(*g->edge_line));
    vc_mem_prefault(g->edge_col + k, n * sizeof(*g->edge_col));
    vc_mem_prefault(g->edge_directed + k, n * sizeof(*g->edge_directed));
}

enum vc_status vc_graph_add_edge(struct vc_graph *g, size_t from, size_t to, bool directed,
                                 const char *id, size_t id_len, uint32_t line, uint32_t col,
                                 size_t *index, struct vc_error *err)
{
    size_t k = g->n_edges;
    if (id && id_len > VC_GRAPH_MAX_ID_LEN)
        return vc_error_set(err, VC_ENOMEM, g->source, line, col,
                            "edge id of %zu bytes is too long (the limit is %zu bytes)", id_len,
                            VC_GRAPH_MAX_ID_LEN);
    if (k >= VC_GRAPH_MAX_ELEMENTS)
        return vc_error_set(err, VC_ENOMEM, g->source, line, col,
                            "too many edges (the limit is %zu)", VC_GRAPH_MAX_ELEMENTS);
    if (grow_edges(g, k + 1))
        return nomem(err, g, "edges");
    g->edge_from[k] = (uint32_t)from;
    g->edge_to[k] = (uint32_t)to;
    g->edge_directed[k] = directed;
    if (id && !id_len)
        id = NULL; /* an empty id is no id */
    if (id && !g->edge_id && !(g->edge_id = calloc(g->edges_cap, sizeof(*g->edge_id))))
        return nomem(err, g, "edge ids"); /* the first id: the earlier edges had none */
    if (g->edge_id) {
        g->edge_id[k] = NULL;
        if (id && !(g->edge_id[k] = vc_graph_strdup(g, id, id_len)))
            return nomem(err, g, "edge ids");
    }
    g->edge_line[k] = line;
    g->edge_col[k] = col;
    g->n_edges++;
    if (k % VC_PREFAULT_RUN == 0)
        prefault_edges(g, k);
    if (index)
        *index = k;
    return VC_OK;
}

static int attr_grow(struct vc_attr *a, size_t need)
{
    size_t c1 = a->cap, c2 = a->cap;
    if (need <= a->cap)
        return 0;
    /* values[k] is read only where has[k] is set */
    if (VC_GROW_UNINIT(a->values, c1, need) || VC_GROW(a->has, c2, need))
        return -1;
    a->cap = c1 < c2 ? c1 : c2;
    return 0;
}

enum vc_status vc_graph_reserve_edges(struct vc_graph *g, size_t n, struct vc_error *err)
{
    if (n > VC_GRAPH_MAX_ELEMENTS)
        n = VC_GRAPH_MAX_ELEMENTS;
    if (grow_edges(g, n))
        return nomem(err, g, "edges");
    for (size_t i = 0; i < g->n_attrs; i++)
        if (g->attrs[i]->cls == VC_CLASS_EDGE && attr_grow(g->attrs[i], n))
            return nomem(err, g, "edges");
    return VC_OK;
}

enum vc_status vc_graph_set_file(struct vc_graph *g, enum vc_attr_class cls, size_t k,
                                 const char *file, struct vc_error *err)
{
    if (cls == VC_CLASS_NODE) {
        if (k >= g->node_file_cap && VC_GROW(g->node_file, g->node_file_cap, k + 1))
            return nomem(err, g, "file names");
        g->node_file[k] = file;
    } else if (cls == VC_CLASS_EDGE) {
        if (k >= g->edge_file_cap && VC_GROW(g->edge_file, g->edge_file_cap, k + 1))
            return nomem(err, g, "file names");
        g->edge_file[k] = file;
    }
    return VC_OK;
}

const char *vc_graph_file(const struct vc_graph *g, enum vc_attr_class cls, size_t k)
{
    const char *f = NULL;
    if (cls == VC_CLASS_NODE && k < g->node_file_cap)
        f = g->node_file[k];
    else if (cls == VC_CLASS_EDGE && k < g->edge_file_cap)
        f = g->edge_file[k];
    return f ? f : g->source;
}

/* ---- edge ids: unique, or renamed ---- */

/*
 * Edge indices keyed by their id, to find ids used twice: open addressing
 * over uint32 slots (edge index + 1), at most half full, so 8 to 16 bytes
 * per edge with an id, only while a check runs.
 */
struct idset {
    uint32_t *slot;
    size_t mask;
};

static int idset_init(struct idset *s, size_t n)
{
    size_t cap = 16;
    while (cap < 2 * n)
        cap *= 2;
    s->mask = cap - 1;
    s->slot = calloc(cap, sizeof(*s->slot));
    return s->slot ? 0 : -1;
}

/* The edge holding id, or SIZE_MAX; e is recorded when absent and add is set. */
static size_t idset_find(struct idset *s, const struct vc_graph *g, const char *id, size_t e,
                         bool add)
{
    size_t i = vc_hash(id, strlen(id)) & s->mask;
    for (; s->slot[i]; i = (i + 1) & s->mask)
        if (strcmp(g->edge_id[s->slot[i] - 1], id) == 0)
            return s->slot[i] - 1;
    if (add)
        s->slot[i] = (uint32_t)e + 1;
    return SIZE_MAX;
}

/*
 * Fills set with the first edge of each id and *dups (malloc'd, *n_dups
 * long) with the edges whose id an earlier edge holds.  -1: no memory.
 */
static int find_duplicate_ids(const struct vc_graph *g, struct idset *set, uint32_t **dups,
                              size_t *n_dups)
{
    size_t n = 0, cap = 0;
    *dups = NULL;
    *n_dups = 0;
    for (size_t e = 0; e < g->n_edges; e++)
        n += vc_graph_edge_id(g, e) != NULL;
    if (idset_init(set, n))
        return -1;
    for (size_t e = 0; e < g->n_edges; e++) {
        const char *id = vc_graph_edge_id(g, e);
        if (!id || idset_find(set, g, id, e, true) == SIZE_MAX)
            continue;
        if (*n_dups == cap && VC_GROW(*dups, cap, *n_dups + 1))
            return -1;
        (*dups)[(*n_dups)++] = (uint32_t)e;
    }
    return 0;
}

enum vc_status vc_graph_unique_edge_ids(struct vc_graph *g, struct vc_diag *diag,
                                        struct vc_error *err)
{
    struct idset set = { NULL, 0 };
    uint32_t *dups = NULL;
    size_t n_dups = 0, cap = 0, first = 0;
    char *buf = NULL, *first_old = NULL;
    enum vc_status st = VC_OK;

    if (find_duplicate_ids(g, &set, &dups, &n_dups)) {
        st = nomem(err, g, "edge ids");
        goto out;
    }
    for (size_t i = 0; i < n_dups; i++) {
        size_t e = dups[i], len = strlen(g->edge_id[e]);
        const char *id;
        if (VC_GROW(buf, cap, len + 24)) {
            st = nomem(err, g, "edge ids");
            goto out;
        }
        /* ID-2, ID-3, ...: the first suffix that no edge holds */
        for (unsigned long k = 2;; k++) {
            snprintf(buf, cap, "%s-%lu", g->edge_id[e], k);
            if (idset_find(&set, g, buf, 0, false) == SIZE_MAX)
                break;
        }
        if (!i) {
            first = idset_find(&set, g, g->edge_id[e], 0, false);
            if (!(first_old = strdup(g->edge_id[e]))) {
                st = nomem(err, g, "edge ids");
                goto out;
            }
        }
        if (!(id = vc_graph_strdup(g, buf, strlen(buf)))) {
            st = nomem(err, g, "edge ids");
            goto out;
        }
        g->edge_id[e] = id;
        idset_find(&set, g, id, e, true);
    }
    if (n_dups) {
        char more[120] = "";
        if (n_dups > 1)
            snprintf(more, sizeof(more), "; %zu edges in all repeat an earlier edge's id and "
                     "are renamed ID-2, ID-3, ...", n_dups);
        st = vc_warn(diag, err, vc_graph_file(g, VC_CLASS_EDGE, dups[0]), g->edge_line[dups[0]],
                     g->edge_col[dups[0]],
                     "edge id \"%.200s\" is used again (first by the edge at line %u): this "
                     "edge is renamed \"%.200s\"%s", first_old, g->edge_line[first],
                     g->edge_id[dups[0]], more);
    }
out:
    free(set.slot);
    free(dups);
    free(buf);
    free(first_old);
    return st;
}

enum vc_status vc_graph_check_edge_ids(const struct vc_graph *g, struct vc_error *err)
{
    struct idset set = { NULL, 0 };
    uint32_t *dups = NULL;
    size_t n_dups = 0;
    enum vc_status st = VC_OK;

    if (find_duplicate_ids(g, &set, &dups, &n_dups))
        st = nomem(err, g, "edge ids");
    else if (n_dups)
        st = vc_error_set(err, VC_EINVAL, g->source, 0, 0,
                          "edge id \"%.200s\" is held by two edges (lines %u and %u); a graph "
                          "written as GraphML or GEXF needs unique edge ids "
                          "(vc_graph_unique_edge_ids renames them)",
                          g->edge_id[dups[0]],
                          g->edge_line[idset_find(&set, g, g->edge_id[dups[0]], 0, false)],
                          g->edge_line[dups[0]]);
    free(set.slot);
    free(dups);
    return st;
}

size_t vc_graph_class_size(const struct vc_graph *g, enum vc_attr_class cls)
{
    switch (cls) {
    case VC_CLASS_NODE: return g->n_nodes;
    case VC_CLASS_EDGE: return g->n_edges;
    case VC_CLASS_GRAPH: return 1;
    }
    return 0;
}

struct vc_attr *vc_graph_attr(const struct vc_graph *g, enum vc_attr_class cls,
                              const char *name)
{
    for (size_t i = 0; i < g->n_attrs; i++)
        if (g->attrs[i]->cls == cls && strcmp(g->attrs[i]->name, name) == 0)
            return g->attrs[i];
    return NULL;
}

enum vc_status vc_graph_attr_add(struct vc_graph *g, enum vc_attr_class cls, const char *name,
                                 enum vc_attr_type type, struct vc_attr **out,
                                 struct vc_error *err)
{
    struct vc_attr *a;

    if (vc_graph_attr(g, cls, name))
        return vc_error_set(err, VC_EINVAL, g->source, 0, 0,
                            "%s attribute \"%s\" is declared twice",
                            vc_attr_class_name(cls), name);
    if (g->n_attrs >= VC_GRAPH_MAX_ATTRS)
        return vc_error_set(err, VC_ENOMEM, g->source, 0, 0,
                            "too many attributes: %s attribute \"%s\" would be number %zu "
                            "(the limit is %zu)", vc_attr_class_name(cls), name, g->n_attrs + 1,
                            VC_GRAPH_MAX_ATTRS);
    if (VC_GROW(g->attrs, g->attrs_cap, g->n_attrs + 1))
        return nomem(err, g, "attributes");
    a = calloc(1, sizeof(*a));
    if (!a)
        return nomem(err, g, "attributes");
    a->name = vc_graph_strdup(g, name, strlen(name));
    if (!a->name) {
        free(a);
        return nomem(err, g, "attributes");
    }
    a->cls = cls;
    a->type = type;
    g->attrs[g->n_attrs++] = a;
    if (out)
        *out = a;
    return VC_OK;
}

void vc_graph_attr_remove(struct vc_graph *g, struct vc_attr *a)
{
    for (size_t i = 0; i < g->n_attrs; i++) {
        if (g->attrs[i] == a) {
            memmove(&g->attrs[i], &g->attrs[i + 1], (g->n_attrs - i - 1) * sizeof(*g->attrs));
            g->n_attrs--;
            attr_free(a);
            return;
        }
    }
}

enum vc_status vc_graph_attr_ensure(struct vc_graph *g, enum vc_attr_class cls,
                                    const char *name, enum vc_attr_type type,
                                    struct vc_attr **out, struct vc_error *err)
{
    struct vc_attr *a = vc_graph_attr(g, cls, name);
    if (a && a->type == type) {
        if (out)
            *out = a;
        return VC_OK;
    }
    if (a)
        vc_graph_attr_remove(g, a);
    return vc_graph_attr_add(g, cls, name, type, out, err);
}

enum vc_status vc_graph_attr_rename(struct vc_graph *g, struct vc_attr *a, const char *name,
                                    struct vc_error *err)
{
    const char *s;
    if (strcmp(a->name, name) == 0)
        return VC_OK;
    if (vc_graph_attr(g, a->cls, name))
        return vc_error_set(err, VC_EINVAL, g->source, 0, 0,
                            "cannot rename %s attribute \"%s\" to \"%s\": that name is taken",
                            vc_attr_class_name(a->cls), a->name, name);
    s = vc_graph_strdup(g, name, strlen(name));
    if (!s)
        return nomem(err, g, "attributes");
    a->name = s;
    return VC_OK;
}

enum vc_status vc_attr_set(struct vc_attr *a, size_t k, union vc_value v, struct vc_error *err)
{
    if (k >= a->cap && attr_grow(a, k + 1))
        return vc_error_set(err, VC_ENOMEM, NULL, 0, 0,
                            "out of memory while storing attribute \"%s\"", a->name);
    if (k % VC_PREFAULT_RUN == 0) { /* filled in order, usually: see vc_mem_prefault */
        size_t n = a->cap - k < VC_PREFAULT_RUN ? a->cap - k : VC_PREFAULT_RUN;
        vc_mem_prefault(a->values + k, n * sizeof(*a->values));
        vc_mem_prefault(a->has + k, n);
    }
    if (!a->has[k]) {
        a->has[k] = 1;
        a->count++;
    }
    a->values[k] = v;
    return VC_OK;
}

enum vc_status vc_attr_set_double(struct vc_attr *a, size_t k, double d, struct vc_error *err)
{
    union vc_value v;
    v.d = d;
    return vc_attr_set(a, k, v, err);
}

enum vc_status vc_attr_set_int(struct vc_attr *a, size_t k, int64_t i, struct vc_error *err)
{
    union vc_value v;
    v.i = i;
    return vc_attr_set(a, k, v, err);
}

enum vc_status vc_attr_set_string(struct vc_attr *a, size_t k, const char *s,
                                  struct vc_error *err)
{
    union vc_value v;
    v.s = s;
    return vc_attr_set(a, k, v, err);
}

void vc_attr_unset(struct vc_attr *a, size_t k)
{
    if (k < a->cap && a->has[k]) {
        a->has[k] = 0;
        a->count--;
    }
}

double vc_attr_get_double(const struct vc_attr *a, size_t k)
{
    if (!vc_attr_has(a, k))
        return NAN;
    switch (a->type) {
    case VC_ATTR_BOOL:
    case VC_ATTR_INT:
    case VC_ATTR_LONG:
        return (double)a->values[k].i;
    case VC_ATTR_FLOAT:
    case VC_ATTR_DOUBLE:
        return a->values[k].d;
    case VC_ATTR_STRING:
        break;
    }
    return NAN;
}

const char *vc_attr_get_string(const struct vc_attr *a, size_t k)
{
    if (!vc_attr_has(a, k) || a->type != VC_ATTR_STRING)
        return NULL;
    return a->values[k].s;
}

const char *vc_attr_type_name(enum vc_attr_type type)
{
    static const char *const names[] = { "boolean", "int", "long", "float", "double", "string" };
    return (unsigned)type < sizeof(names) / sizeof(names[0]) ? names[type] : "?";
}

const char *vc_attr_class_name(enum vc_attr_class cls)
{
    static const char *const names[] = { "node", "edge", "graph" };
    return (unsigned)cls < 3 ? names[cls] : "?";
}

bool vc_attr_type_parse(const char *s, enum vc_attr_type *type)
{
    static const struct { const char *name; enum vc_attr_type type; } names[] = {
        { "boolean", VC_ATTR_BOOL }, { "int", VC_ATTR_INT }, { "long", VC_ATTR_LONG },
        { "float", VC_ATTR_FLOAT }, { "double", VC_ATTR_DOUBLE }, { "string", VC_ATTR_STRING },
    };
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        if (strcmp(s, names[i].name) == 0) {
            *type = names[i].type;
            return true;
        }
    }
    return false;
}

static bool is_xml_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Trims XML whitespace in place of copying: returns the span [*b, *e). */
static void trim(const char **b, const char **e)
{
    while (*b < *e && is_xml_space(**b))
        (*b)++;
    while (*e > *b && is_xml_space((*e)[-1]))
        (*e)--;
}

static bool span_equal_ci(const char *b, const char *e, const char *word)
{
    size_t n = (size_t)(e - b);
    return strlen(word) == n && strncasecmp(b, word, n) == 0;
}

/*
 * Plain decimals with at most 15 significant digits and a small exponent
 * ("0.25", "61.3", "-1e5") are converted exactly without strtod: the digits
 * form an integer below 2^53 and 10^k (k <= 22) is exact as a double, so one
 * IEEE multiplication or division gives the correctly rounded result
 * (Clinger's fast path).  Anything else returns false and goes to strtod.
 */
static bool fast_decimal(const char *s, double *out)
{
    static const double pow10[] = { 1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                    1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                    1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22 };
    uint64_t m = 0;
    int digits = 0, frac = 0, exp = 0, neg = 0, any = 0;

    if (*s == '-' || *s == '+')
        neg = *s++ == '-';
    for (; *s >= '0' && *s <= '9'; s++, any = 1)
        if (m || *s != '0') {
            if (++digits > 15)
                return false;
            m = m * 10 + (uint64_t)(*s - '0');
        }
    if (*s == '.') {
        for (s++; *s >= '0' && *s <= '9'; s++, any = 1) {
            frac++;
            if (m || *s != '0') {
                if (++digits > 15)
                    return false;
                m = m * 10 + (uint64_t)(*s - '0');
            } else if (frac > 22) {
                return false;
            }
        }
    }
    if (!any)
        return false;
    if (*s == 'e' || *s == 'E') {
        int eneg = 0, edigits = 0;
        s++;
        if (*s == '-' || *s == '+')
            eneg = *s++ == '-';
        for (; *s >= '0' && *s <= '9'; s++)
            if (++edigits > 3)
                return false;
            else
                exp = exp * 10 + (*s - '0');
        if (!edigits)
            return false;
        if (eneg)
            exp = -exp;
    }
    if (*s)
        return false;
    exp -= frac;
    if (exp < -22 || exp > 22)
        return false;
    double d = (double)m;
    d = exp < 0 ? d / pow10[-exp] : d * pow10[exp];
    *out = neg ? -d : d;
    return true;
}

bool vc_is_decimal(const char *s)
{
    bool digits = false;
    if (*s == '+' || *s == '-')
        s++;
    for (; *s >= '0' && *s <= '9'; s++)
        digits = true;
    if (*s == '.')
        for (s++; *s >= '0' && *s <= '9'; s++)
            digits = true;
    if (!digits)
        return false;
    if (*s == 'e' || *s == 'E') {
        s++;
        if (*s == '+' || *s == '-')
            s++;
        if (!(*s >= '0' && *s <= '9'))
            return false;
        while (*s >= '0' && *s <= '9')
            s++;
    }
    return !*s;
}

enum vc_status vc_value_parse(enum vc_attr_type type, const char *text, union vc_value *out,
                              bool *present, const char **why)
{
    const char *b = text, *e;
    char buf[128];
    char *end;

    *present = true;
    if (type == VC_ATTR_STRING) {
        out->s = text;
        return VC_OK;
    }
    e = text + strlen(text);
    if ((type == VC_ATTR_DOUBLE || type == VC_ATTR_FLOAT) && (size_t)(e - b) < sizeof(buf) &&
        fast_decimal(text, &out->d) &&
        (type == VC_ATTR_DOUBLE || fabs(out->d) <= 3.4028234663852886e38))
        return VC_OK; /* the common case, as below without the copy (no space to trim) */
    trim(&b, &e);
    if (b == e || span_equal_ci(b, e, "nan")) {
        /* Tools write NaN or nothing for a missing number: the reader warns. */
        *present = false;
        *why = b == e ? "empty" : "NaN";
        return VC_OK;
    }
    if (type == VC_ATTR_BOOL) {
        if (span_equal_ci(b, e, "true") || span_equal_ci(b, e, "1")) {
            out->i = 1;
            return VC_OK;
        }
        if (span_equal_ci(b, e, "false") || span_equal_ci(b, e, "0")) {
            out->i = 0;
            return VC_OK;
        }
        *why = "not a boolean (expected true, false, 1 or 0)";
        return VC_EPARSE;
    }
    if ((size_t)(e - b) >= sizeof(buf)) {
        *why = "number too long";
        return VC_EPARSE;
    }
    memcpy(buf, b, (size_t)(e - b));
    buf[e - b] = '\0';
    if (!vc_is_decimal(buf)) { /* strtod would read 0x1p-1 as 0.5, and inf */
        const char *d = buf + (buf[0] == '+' || buf[0] == '-');
        if (strncasecmp(d, "inf", 3) == 0) {
            *why = "out of range (infinite or too large)";
            return VC_EINVAL;
        }
        *why = d[0] == '0' && (d[1] == 'x' || d[1] == 'X')
                   ? "not a decimal number (hexadecimal is not read)"
               : type == VC_ATTR_INT || type == VC_ATTR_LONG ? "not a whole number"
                                                             : "not a number";
        return VC_EPARSE;
    }
    errno = 0;
    if (type == VC_ATTR_INT || type == VC_ATTR_LONG) {
        long long v = strtoll(buf, &end, 10);
        if (*end == '.' || *end == 'e' || *end == 'E') {
            /* Some writers print whole numbers as 3.0: accept those exactly. */
            double d = strtod(buf, &end);
            if (*end || !isfinite(d) || d != floor(d)) {
                *why = "not a whole number";
                return VC_EPARSE;
            }
            if (d < -9.2233720368547758e18 || d >= 9.2233720368547758e18) {
                *why = type == VC_ATTR_INT ? "out of range for int" : "out of range for long";
                return VC_EINVAL;
            }
            v = (long long)d;
            errno = 0;
        }
        if (end == buf || *end) {
            *why = "not a whole number";
            return VC_EPARSE;
        }
        if (errno == ERANGE || (type == VC_ATTR_INT && (v < INT32_MIN || v > INT32_MAX))) {
            *why = type == VC_ATTR_INT ? "out of range for int" : "out of range for long";
            return VC_EINVAL;
        }
        out->i = v;
        return VC_OK;
    }
    double d;
    if (fast_decimal(buf, &d)) {
        out->d = d; /* exact: see fast_decimal */
        if (type == VC_ATTR_FLOAT && fabs(d) > 3.4028234663852886e38) {
            *why = "out of range for float";
            return VC_EINVAL;
        }
        return VC_OK;
    }
    d = strtod(buf, &end);
    if (end == buf || *end) {
        *why = "not a number";
        return VC_EPARSE;
    }
    if (!isfinite(d) || (errno == ERANGE && fabs(d) > 1.0)) {
        *why = "out of range (infinite or too large)";
        return VC_EINVAL;
    }
    if (type == VC_ATTR_FLOAT && fabs(d) > 3.4028234663852886e38) {
        *why = "out of range for float";
        return VC_EINVAL;
    }
    out->d = d;
    return VC_OK;
}
