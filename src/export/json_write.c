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

static void members(struct vc_out *out, const struct vc_export_cols *c, size_t k)
{
    for (size_t i = 0; i < c->n; i++) {
        if (!present(c->attr[i], k))
            continue;
        VC_OUT_LIT(out, ", ");
        vc_out_json(out, c->name[i]);
        VC_OUT_LIT(out, ": ");
        json_value(out, c->attr[i], k);
    }
}

static void number_member(struct vc_out *out, const char *name, double d)
{
    if (!isfinite(d))
        return;
    VC_OUT_LIT(out, ", \"");
    vc_out_str(out, name);
    VC_OUT_LIT(out, "\": ");
    vc_out_json_double(out, d);
}

enum vc_status vc_json_write(const struct vc_graph *g, const struct vc_export_opts *opts,
                             FILE *f, struct vc_error *err)
{
    struct vc_viz viz = VC_VIZ_INIT;
    struct vc_export_cols cols[3] = { { 0, 0, 0 }, { 0, 0, 0 }, { 0, 0, 0 } };
    const struct vc_attr *nlabel = vc_export_label(g, VC_CLASS_NODE);
    const struct vc_attr *elabel = vc_export_label(g, VC_CLASS_EDGE);
    const struct vc_attr *weight = vc_export_weight(g);
    struct vc_out *out = NULL;
    enum vc_status st;
    double x, y;
    bool first = true;

    if ((st = vc_viz_prepare(g, opts, &viz, err)) != VC_OK)
        goto out;
    for (int c = 0; c < 3; c++)
        if ((st = vc_export_cols_collect(g, (enum vc_attr_class)c, &cols[c], err)) != VC_OK)
            goto out;
    if (!(out = malloc(sizeof(*out)))) {
        st = vc_error_set(err, VC_ENOMEM, NULL, 0, 0, "out of memory");
        goto out;
    }
    vc_out_init(out, f);

    VC_OUT_LIT(out, "{\"directed\": ");
    vc_out_str(out, g->directed ? "true" : "false");
    VC_OUT_LIT(out, ", \"multigraph\": true,\n \"graph\": {");
    if (g->desc && *g->desc && !vc_graph_attr(g, VC_CLASS_GRAPH, "description")) {
        VC_OUT_LIT(out, "\"description\": ");
        vc_out_json(out, g->desc);
        first = false;
    }
    for (size_t i = 0; i < cols[VC_CLASS_GRAPH].n; i++) {
        if (!present(cols[VC_CLASS_GRAPH].attr[i], 0))
            continue;
        if (!first)
            VC_OUT_LIT(out, ", ");
        vc_out_json(out, cols[VC_CLASS_GRAPH].name[i]);
        VC_OUT_LIT(out, ": ");
        json_value(out, cols[VC_CLASS_GRAPH].attr[i], 0);
        first = false;
    }
    VC_OUT_LIT(out, "},\n \"nodes\": [");
    for (size_t k = 0; k < g->n_nodes; k++) {
        vc_out_str(out, k ? ",\n  {\"id\": " : "\n  {\"id\": ");
        vc_out_json(out, g->node_id[k]);
        if (vc_attr_has(nlabel, k)) {
            VC_OUT_LIT(out, ", \"label\": ");
            vc_out_json(out, vc_attr_get_string(nlabel, k));
        }
        if (vc_viz_position(&viz, k, &x, &y)) {
            number_member(out, "x", x);
            number_member(out, "y", y);
        }
        if (viz.size)
            number_member(out, "size", viz.node_size[k]);
        if (viz.color && viz.has_rgb[k]) {
            const uint8_t *rgb = viz.rgb + 3 * k;
            char hex[32];
            snprintf(hex, sizeof(hex), ", \"color\": \"#%02x%02x%02x\"", rgb[0], rgb[1], rgb[2]);
            vc_out_str(out, hex);
        }
        members(out, &cols[VC_CLASS_NODE], k);
        vc_out_char(out, '}');
    }
    vc_out_str(out, g->n_nodes ? "\n ],\n \"links\": [" : "],\n \"links\": [");
    for (size_t e = 0; e < g->n_edges; e++) {
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
        if (vc_attr_has(elabel, e)) {
            VC_OUT_LIT(out, ", \"label\": ");
            vc_out_json(out, vc_attr_get_string(elabel, e));
        }
        if (present(weight, e))
            number_member(out, "weight", weight->values[e].d);
        if (viz.thickness)
            number_member(out, "size", viz.edge_thickness[e]);
        members(out, &cols[VC_CLASS_EDGE], e);
        vc_out_char(out, '}');
    }
    vc_out_str(out, g->n_edges ? "\n ]\n}\n" : "]\n}\n");
    st = vc_out_finish(out, err);
out:
    free(out);
    for (int c = 0; c < 3; c++)
        vc_export_cols_release(&cols[c]);
    vc_viz_release(&viz);
    return st;
}
