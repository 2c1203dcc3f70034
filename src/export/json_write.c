/*
 * json_write.c - node-link JSON for d3, NetworkX, sigma.js/graphology and
 * Cytoscape.js.
 *
 * Owns the layout:
 *   {"directed": true, "multigraph": true,
 *    "graph": {"description": ..., graph columns},
 *    "nodes": [{"id": ..., "label": ..., "x": ..., "y": ..., "size": ...,
 *               "color": "#rrggbb", data columns...}, ...],
 *    "links": [{"id": ..., "source": ..., "target": ..., "directed": false,
 *               "label": ..., "weight": ..., "size": ..., data columns...}]}
 * "links" is the d3 and NetworkX 2.x name (NetworkX 3.6+ wants
 * edges="links").  Values keep their JSON type (true/false, numbers with
 * 17 significant digits at most, strings); a missing or non-finite value is
 * left out; doubles always carry a decimal point or exponent (15.0), so
 * typed readers keep them floats.  Data columns use the exported names (core/attrname.h), so none
 * collides with the keys above.  One node or link per line.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/textout.h"
#include "viz.h"

/* A double that reads back as a float in typed readers (Python): 15.0, not 15. */
static void json_double(FILE *out, double d)
{
    char buf[40];
    vc_export_double(buf, d);
    fputs(buf, out);
    if (!strpbrk(buf, ".eE"))
        fputs(".0", out);
}

static void json_value(FILE *out, const struct vc_attr *a, size_t k)
{
    switch (a->type) {
    case VC_ATTR_BOOL: fputs(a->values[k].i ? "true" : "false", out); break;
    case VC_ATTR_INT:
    case VC_ATTR_LONG: fprintf(out, "%lld", (long long)a->values[k].i); break;
    case VC_ATTR_FLOAT:
    case VC_ATTR_DOUBLE: json_double(out, a->values[k].d); break;
    case VC_ATTR_STRING: vc_json_string(out, a->values[k].s); break;
    }
}

static bool present(const struct vc_attr *a, size_t k)
{
    return vc_attr_has(a, k) &&
           !((a->type == VC_ATTR_DOUBLE || a->type == VC_ATTR_FLOAT) && !isfinite(a->values[k].d));
}

static void members(FILE *out, const struct vc_export_cols *c, size_t k)
{
    for (size_t i = 0; i < c->n; i++) {
        if (!present(c->attr[i], k))
            continue;
        fputs(", ", out);
        vc_json_string(out, c->name[i]);
        fputs(": ", out);
        json_value(out, c->attr[i], k);
    }
}

static void number_member(FILE *out, const char *name, double d)
{
    if (!isfinite(d))
        return;
    fprintf(out, ", \"%s\": ", name);
    json_double(out, d);
}

enum vc_status vc_json_write(const struct vc_graph *g, const struct vc_export_opts *opts,
                             FILE *out, struct vc_error *err)
{
    struct vc_viz viz = VC_VIZ_INIT;
    struct vc_export_cols cols[3] = { { 0, 0, 0 }, { 0, 0, 0 }, { 0, 0, 0 } };
    const struct vc_attr *nlabel = vc_export_label(g, VC_CLASS_NODE);
    const struct vc_attr *elabel = vc_export_label(g, VC_CLASS_EDGE);
    const struct vc_attr *weight = vc_export_weight(g);
    enum vc_status st;
    double x, y;
    bool first = true;

    if ((st = vc_viz_prepare(g, opts, &viz, err)) != VC_OK)
        goto out;
    for (int c = 0; c < 3; c++)
        if ((st = vc_export_cols_collect(g, (enum vc_attr_class)c, &cols[c], err)) != VC_OK)
            goto out;

    fprintf(out, "{\"directed\": %s, \"multigraph\": true,\n \"graph\": {",
            g->directed ? "true" : "false");
    if (g->desc && *g->desc && !vc_graph_attr(g, VC_CLASS_GRAPH, "description")) {
        fputs("\"description\": ", out);
        vc_json_string(out, g->desc);
        first = false;
    }
    for (size_t i = 0; i < cols[VC_CLASS_GRAPH].n; i++) {
        if (!present(cols[VC_CLASS_GRAPH].attr[i], 0))
            continue;
        fputs(first ? "" : ", ", out);
        vc_json_string(out, cols[VC_CLASS_GRAPH].name[i]);
        fputs(": ", out);
        json_value(out, cols[VC_CLASS_GRAPH].attr[i], 0);
        first = false;
    }
    fputs("},\n \"nodes\": [", out);
    for (size_t k = 0; k < g->n_nodes; k++) {
        fputs(k ? ",\n  {\"id\": " : "\n  {\"id\": ", out);
        vc_json_string(out, g->node_id[k]);
        if (vc_attr_has(nlabel, k)) {
            fputs(", \"label\": ", out);
            vc_json_string(out, vc_attr_get_string(nlabel, k));
        }
        if (vc_viz_position(&viz, k, &x, &y)) {
            number_member(out, "x", x);
            number_member(out, "y", y);
        }
        if (viz.size)
            number_member(out, "size", viz.node_size[k]);
        if (viz.color && viz.has_rgb[k]) {
            const uint8_t *rgb = viz.rgb + 3 * k;
            fprintf(out, ", \"color\": \"#%02x%02x%02x\"", rgb[0], rgb[1], rgb[2]);
        }
        members(out, &cols[VC_CLASS_NODE], k);
        putc('}', out);
    }
    fputs(g->n_nodes ? "\n ],\n \"links\": [" : "],\n \"links\": [", out);
    for (size_t e = 0; e < g->n_edges; e++) {
        fputs(e ? ",\n  {" : "\n  {", out);
        if (g->edge_id[e]) {
            fputs("\"id\": ", out);
            vc_json_string(out, g->edge_id[e]);
            fputs(", ", out);
        }
        fputs("\"source\": ", out);
        vc_json_string(out, g->node_id[g->edge_from[e]]);
        fputs(", \"target\": ", out);
        vc_json_string(out, g->node_id[g->edge_to[e]]);
        if ((bool)g->edge_directed[e] != g->directed)
            fputs(g->edge_directed[e] ? ", \"directed\": true" : ", \"directed\": false", out);
        if (vc_attr_has(elabel, e)) {
            fputs(", \"label\": ", out);
            vc_json_string(out, vc_attr_get_string(elabel, e));
        }
        if (present(weight, e))
            number_member(out, "weight", weight->values[e].d);
        if (viz.thickness)
            number_member(out, "size", viz.edge_thickness[e]);
        members(out, &cols[VC_CLASS_EDGE], e);
        putc('}', out);
    }
    fputs(g->n_edges ? "\n ]\n}\n" : "]\n}\n", out);
    st = vc_export_check_stream(out, err);
out:
    for (int c = 0; c < 3; c++)
        vc_export_cols_release(&cols[c]);
    vc_viz_release(&viz);
    return st;
}
