/*
 * json_write.c - node-link JSON for d3, NetworkX, sigma.js/graphology and
 * Cytoscape.js, and graphology's own serialisation.
 *
 * Owns the node-link layout:
 *   {"directed": true, "multigraph": false,
 *    "graph": {"description": ..., graph columns},
 *    "nodes": [{"id": ..., "label": ..., "x": ..., "y": ..., "size": ...,
 *               "color": "#rrggbb", data columns...}, ...],
 *    "links": [{"id": ..., "source": ..., "target": ..., "directed": false,
 *               "label": ..., "weight": ..., "size": ..., data columns...}]}
 * "links" is the d3 and NetworkX 2.x name (NetworkX 3.6+ wants
 * edges="links"); "multigraph" is true only when two edges join the same
 * pair (NetworkX then builds a MultiDiGraph, and otherwise a DiGraph).
 *
 * And graphology's serialisation, which Graph.from() and graph.import()
 * take (they refuse node-link):
 *   {"attributes": {graph columns}, "options": {"type": "directed",
 *    "multi": false, "allowSelfLoops": true},
 *    "nodes": [{"key": ..., "attributes": {"label", "x", "y", "size",
 *               "color", data columns...}}, ...],
 *    "edges": [{"key": ..., "source": ..., "target": ..., "undirected": true,
 *               "attributes": {"label", "weight", "size", data...}}, ...]}
 * "type" is mixed when edges go both ways; an edge id given twice is left
 * out as a key (graphology's keys are unique).  Values keep their JSON type (true/false, numbers with
 * 17 significant digits at most, strings); a missing or non-finite value is
 * left out; doubles always carry a decimal point or exponent (15.0), so
 * typed readers keep them floats.  Data columns use the exported names (core/attrname.h), so none
 * collides with the keys above.  One node or link per line.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/out.h"
#include "viz.h"

static void json_value(struct vc_out *out, const struct vc_attr *a, size_t k)
{
    switch (a->type) {
    case VC_ATTR_BOOL: vc_out_str(out, a->values[k].i ? "true" : "false"); break;
    case VC_ATTR_INT:
    case VC_ATTR_LONG: vc_out_i64(out, a->values[k].i); break;
    case VC_ATTR_FLOAT:
    case VC_ATTR_DOUBLE: vc_out_json_double(out, a->values[k].d); break;
    case VC_ATTR_STRING: vc_out_json(out, a->values[k].s); break;
    }
}

static bool present(const struct vc_attr *a, size_t k)
{
    return vc_attr_has(a, k) &&
           !((a->type == VC_ATTR_DOUBLE || a->type == VC_ATTR_FLOAT) && !isfinite(a->values[k].d));
}

/* ", " before every member but an object's first. */
static void sep(struct vc_out *out, bool *first)
{
    if (!*first)
        VC_OUT_LIT(out, ", ");
    *first = false;
}

static void members(struct vc_out *out, const struct vc_export_cols *c, size_t k, bool *first)
{
    for (size_t i = 0; i < c->n; i++) {
        if (!present(c->attr[i], k))
            continue;
        sep(out, first);
        vc_out_json(out, c->name[i]);
        VC_OUT_LIT(out, ": ");
        json_value(out, c->attr[i], k);
    }
}

static void number_member(struct vc_out *out, const char *name, double d, bool *first)
{
    if (!isfinite(d))
        return;
    sep(out, first);
    vc_out_char(out, '"');
    vc_out_str(out, name);
    VC_OUT_LIT(out, "\": ");
    vc_out_json_double(out, d);
}

static void string_member(struct vc_out *out, const char *name, const char *s, bool *first)
{
    if (!s)
        return;
    sep(out, first);
    vc_out_char(out, '"');
    vc_out_str(out, name);
    VC_OUT_LIT(out, "\": ");
    vc_out_json(out, s);
}

/* What both shapes write: columns, the visual properties, the weight. */
struct json_ctx {
    const struct vc_graph *g;
    struct vc_viz viz;
    struct vc_export_cols cols[3];
    const struct vc_attr *nlabel, *elabel, *weight;
};

static enum vc_status ctx_init(struct json_ctx *x, const struct vc_graph *g,
                               const struct vc_export_opts *opts, struct vc_error *err)
{
    enum vc_status st;

    memset(x, 0, sizeof(*x));
    x->g = g;
    x->nlabel = vc_export_label(g, VC_CLASS_NODE);
    x->elabel = vc_export_label(g, VC_CLASS_EDGE);
    if ((st = vc_viz_prepare(g, opts, &x->viz, err)) != VC_OK)
        return st;
    x->weight = vc_export_weight(g, &x->viz);
    for (int c = 0; c < 3; c++)
        if ((st = vc_export_cols_collect(g, (enum vc_attr_class)c, &x->viz, &x->cols[c], err)) !=
            VC_OK)
            return st;
    return VC_OK;
}

static void ctx_release(struct json_ctx *x)
{
    for (int c = 0; c < 3; c++)
        vc_export_cols_release(&x->cols[c]);
    vc_viz_release(&x->viz);
}

/* The graph's description and columns. */
static void graph_members(struct vc_out *out, const struct json_ctx *x)
{
    const struct vc_graph *g = x->g;
    bool first = true;
    if (g->desc && *g->desc && !vc_graph_attr(g, VC_CLASS_GRAPH, "description"))
        string_member(out, "description", g->desc, &first);
    members(out, &x->cols[VC_CLASS_GRAPH], 0, &first);
}

/* Node k's label, position, size, colour and data columns. */
static void node_members(struct vc_out *out, const struct json_ctx *x, size_t k, bool *first)
{
    double px, py;

    if (vc_attr_has(x->nlabel, k))
        string_member(out, "label", vc_attr_get_string(x->nlabel, k), first);
    if (vc_viz_position(&x->viz, k, &px, &py)) {
        number_member(out, "x", px, first);
        number_member(out, "y", py, first);
    }
    if (x->viz.size)
        number_member(out, "size", x->viz.node_size[k], first);
    if (x->viz.color && x->viz.has_rgb[k]) {
        const uint8_t *rgb = x->viz.rgb + 3 * k;
        char hex[8];
        snprintf(hex, sizeof(hex), "#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
        string_member(out, "color", hex, first);
    }
    members(out, &x->cols[VC_CLASS_NODE], k, first);
}

/* Edge e's label, weight, thickness (size) and data columns. */
static void edge_members(struct vc_out *out, const struct json_ctx *x, size_t e, bool *first)
{
    if (vc_attr_has(x->elabel, e))
        string_member(out, "label", vc_attr_get_string(x->elabel, e), first);
    number_member(out, "weight", vc_export_edge_weight(&x->viz, x->weight, e), first);
    if (x->viz.thickness)
        number_member(out, "size", x->viz.edge_thickness[e], first);
    members(out, &x->cols[VC_CLASS_EDGE], e, first);
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/*
 * Whether two edges join the same pair: the same source and target, or
 * for an undirected edge the same two ends either way round (with_kind:
 * a directed and an undirected edge on one pair do not count, as in
 * graphology's mixed graphs).  -1 when out of memory.
 */
static int parallel_edges(const struct vc_graph *g, bool with_kind)
{
    uint64_t *keys = malloc((g->n_edges ? g->n_edges : 1) * sizeof(*keys));
    int found = 0;

    if (!keys)
        return -1;
    for (size_t e = 0; e < g->n_edges; e++) {
        uint64_t a = g->edge_from[e], b = g->edge_to[e];
        bool undirected = with_kind ? !g->edge_directed[e] : !g->directed;
        if (undirected && a > b) {
            uint64_t t = a;
            a = b;
            b = t;
        }
        /* node indices are 32-bit: two of them and the kind fit in 64 bits */
        keys[e] = (a << 32 | b) ^ (with_kind && undirected ? (uint64_t)1 << 63 : 0);
    }
    qsort(keys, g->n_edges, sizeof(*keys), cmp_u64);
    for (size_t e = 1; e < g->n_edges && !found; e++)
        found = keys[e] == keys[e - 1];
    free(keys);
    return found;
}

enum vc_status vc_json_write(const struct vc_graph *g, const struct vc_export_opts *opts,
                             FILE *f, struct vc_error *err)
{
    struct json_ctx x;
    struct vc_out *out = NULL;
    enum vc_status st;
    int multi;

    if ((st = ctx_init(&x, g, opts, err)) != VC_OK)
        goto out;
    if ((multi = parallel_edges(g, false)) < 0 || !(out = malloc(sizeof(*out)))) {
        st = vc_error_set(err, VC_ENOMEM, NULL, 0, 0, "out of memory");
        goto out;
    }
    vc_out_init(out, f);

    VC_OUT_LIT(out, "{\"directed\": ");
    vc_out_str(out, g->directed ? "true" : "false");
    vc_out_str(out, multi ? ", \"multigraph\": true,\n \"graph\": {"
                       : ", \"multigraph\": false,\n \"graph\": {");
    graph_members(out, &x);
    VC_OUT_LIT(out, "},\n \"nodes\": [");
    for (size_t k = 0; k < g->n_nodes; k++) {
        bool first = false;
        vc_out_str(out, k ? ",\n  {\"id\": " : "\n  {\"id\": ");
        vc_out_json(out, g->node_id[k]);
        node_members(out, &x, k, &first);
        vc_out_char(out, '}');
    }
    vc_out_str(out, g->n_nodes ? "\n ],\n \"links\": [" : "],\n \"links\": [");
    for (size_t e = 0; e < g->n_edges; e++) {
        bool first = false;
        vc_out_str(out, e ? ",\n  {" : "\n  {");
        if (vc_graph_edge_id(g, e)) {
            VC_OUT_LIT(out, "\"id\": ");
            vc_out_json(out, vc_graph_edge_id(g, e));
            VC_OUT_LIT(out, ", ");
        }
        VC_OUT_LIT(out, "\"source\": ");
        vc_out_json(out, g->node_id[g->edge_from[e]]);
        VC_OUT_LIT(out, ", \"target\": ");
        vc_out_json(out, g->node_id[g->edge_to[e]]);
        if ((bool)g->edge_directed[e] != g->directed)
            vc_out_str(out, g->edge_directed[e] ? ", \"directed\": true" : ", \"directed\": false");
        edge_members(out, &x, e, &first);
        vc_out_char(out, '}');
    }
    vc_out_str(out, g->n_edges ? "\n ]\n}\n" : "]\n}\n");
    st = vc_out_finish(out, err);
out:
    free(out);
    ctx_release(&x);
    return st;
}

/* Which edges may use their id as graphology key: ids given once only. */
struct edge_id {
    const char *id;
    size_t e;
};

static int cmp_edge_id(const void *a, const void *b)
{
    return strcmp(((const struct edge_id *)a)->id, ((const struct edge_id *)b)->id);
}

static uint8_t *unique_edge_ids(const struct vc_graph *g)
{
    struct edge_id *ids = malloc((g->n_edges ? g->n_edges : 1) * sizeof(*ids));
    uint8_t *ok = calloc(g->n_edges ? g->n_edges : 1, 1);
    size_t m = 0;

    if (!ids || !ok) {
        free(ids);
        free(ok);
        return NULL;
    }
    for (size_t e = 0; e < g->n_edges; e++)
        if (vc_graph_edge_id(g, e))
            ids[m++] = (struct edge_id){ vc_graph_edge_id(g, e), e };
    qsort(ids, m, sizeof(*ids), cmp_edge_id);
    for (size_t i = 0; i < m; i++)
        ok[ids[i].e] = !(i > 0 && strcmp(ids[i - 1].id, ids[i].id) == 0) &&
                       !(i + 1 < m && strcmp(ids[i + 1].id, ids[i].id) == 0);
    free(ids);
    return ok;
}

enum vc_status vc_graphology_write(const struct vc_graph *g, const struct vc_export_opts *opts,
                                   FILE *f, struct vc_error *err)
{
    struct json_ctx x;
    struct vc_out *out = NULL;
    uint8_t *keyed = NULL;
    enum vc_status st;
    bool mixed = false;
    int multi;

    if ((st = ctx_init(&x, g, opts, err)) != VC_OK)
        goto out;
    for (size_t e = 0; e < g->n_edges && !mixed; e++)
        mixed = (bool)g->edge_directed[e] != g->directed;
    if ((multi = parallel_edges(g, true)) < 0 || !(keyed = unique_edge_ids(g)) ||
        !(out = malloc(sizeof(*out)))) {
        st = vc_error_set(err, VC_ENOMEM, NULL, 0, 0, "out of memory");
        goto out;
    }
    vc_out_init(out, f);
    VC_OUT_LIT(out, "{\"attributes\": {");
    graph_members(out, &x);
    VC_OUT_LIT(out, "},\n \"options\": {\"type\": ");
    vc_out_str(out, mixed ? "\"mixed\"" : g->directed ? "\"directed\"" : "\"undirected\"");
    vc_out_str(out, multi ? ", \"multi\": true" : ", \"multi\": false");
    VC_OUT_LIT(out, ", \"allowSelfLoops\": true},\n \"nodes\": [");
    for (size_t k = 0; k < g->n_nodes; k++) {
        bool first = true;
        vc_out_str(out, k ? ",\n  {\"key\": " : "\n  {\"key\": ");
        vc_out_json(out, g->node_id[k]);
        VC_OUT_LIT(out, ", \"attributes\": {");
        node_members(out, &x, k, &first);
        VC_OUT_LIT(out, "}}");
    }
    vc_out_str(out, g->n_nodes ? "\n ],\n \"edges\": [" : "],\n \"edges\": [");
    for (size_t e = 0; e < g->n_edges; e++) {
        bool first = true;
        vc_out_str(out, e ? ",\n  {" : "\n  {");
        if (vc_graph_edge_id(g, e) && keyed[e]) {
            VC_OUT_LIT(out, "\"key\": ");
            vc_out_json(out, vc_graph_edge_id(g, e));
            VC_OUT_LIT(out, ", ");
        }
        VC_OUT_LIT(out, "\"source\": ");
        vc_out_json(out, g->node_id[g->edge_from[e]]);
        VC_OUT_LIT(out, ", \"target\": ");
        vc_out_json(out, g->node_id[g->edge_to[e]]);
        if (mixed && !g->edge_directed[e])
            VC_OUT_LIT(out, ", \"undirected\": true");
        VC_OUT_LIT(out, ", \"attributes\": {");
        edge_members(out, &x, e, &first);
        VC_OUT_LIT(out, "}}");
    }
    vc_out_str(out, g->n_edges ? "\n ]\n}\n" : "]\n}\n");
    st = vc_out_finish(out, err);
out:
    free(out);
    free(keyed);
    ctx_release(&x);
    return st;
}
