/*
 * gexf_write.c - GEXF 1.2draft (default) and 1.3, Gephi's own format.
 *
 * Owns the GEXF layout of a graph: <meta> (creator, the graph's
 * description), typed <attributes> for node and edge data columns, one
 * line per node and per edge with its attvalues and viz elements.  What
 * colours, sizes and positions are is decided in viz.c; which columns are
 * data and under which names in viz.c and core/attrname.c.
 *
 * Choices made for the readers (docs/formats.md, "Exporting"):
 *  - attribute id and title are the same snake_case name (graphology keys
 *    by id, NetworkX by title);
 *  - no xsi:schemaLocation (the RELAX NG grammars reject it);
 *  - viz elements always with the prefix "viz:" (graphology looks for it),
 *    the viz namespace of the same version, z="0.0", r g b as integers;
 *  - a missing or non-finite value is left out, never written as NaN;
 *  - 1.2draft requires edge ids: edges without one get "e<index>" (with a
 *    prefix no existing id uses); 1.3 leaves them out;
 *  - graph-level columns have no place in GEXF and are not written;
 *  - the edge weight is the meaningful one (viz.c), repeated in the column
 *    viz_weight; the input's own weight column goes out as vc_weight.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gexf.h"
#include "vchain/export.h"
#include "vchain/version.h"

const char *vc_gexf_type(enum vc_attr_type t)
{
    switch (t) {
    case VC_ATTR_BOOL: return "boolean";
    case VC_ATTR_INT: return "integer";
    case VC_ATTR_LONG: return "long";
    case VC_ATTR_FLOAT: return "float";
    case VC_ATTR_DOUBLE: return "double";
    case VC_ATTR_STRING: break;
    }
    return "string";
}

void vc_gexf_node_open(struct vc_out *o, const struct vc_graph *g, const struct vc_attr *label,
                       size_t k)
{
    VC_OUT_LIT(o, "      <node");
    vc_out_xml_attr(o, "id", g->node_id[k]);
    vc_out_xml_attr(o, "label", vc_attr_get_string(label, k));
    vc_out_char(o, '>');
}

void vc_gexf_edge_ends(struct vc_out *o, const struct vc_graph *g, size_t e)
{
    vc_out_xml_attr(o, "source", g->node_id[g->edge_from[e]]);
    vc_out_xml_attr(o, "target", g->node_id[g->edge_to[e]]);
    if ((bool)g->edge_directed[e] != g->directed)
        vc_out_str(o, g->edge_directed[e] ? " type=\"directed\"" : " type=\"undirected\"");
}

void vc_gexf_node_viz(struct vc_out *o, const struct vc_viz *viz, size_t k)
{
    static const char *const rgb[4] = { "<viz:color r=\"", "\" g=\"", "\" b=\"", "\"/>" };

    double x, y;

    vc_viz_write_rgb(o, viz, k, rgb);
    if (vc_viz_position(viz, k, &x, &y)) {
        VC_OUT_LIT(o, "<viz:position x=\"");
        vc_out_double(o, x);
        VC_OUT_LIT(o, "\" y=\"");
        vc_out_double(o, y);
        VC_OUT_LIT(o, "\" z=\"0.0\"/>");
    }
    if (viz->size && isfinite(viz->node_size[k])) {
        VC_OUT_LIT(o, "<viz:size value=\"");
        vc_out_double(o, viz->node_size[k]);
        VC_OUT_LIT(o, "\"/>");
    }
}

void vc_gexf_edge_viz(struct vc_out *o, const struct vc_viz *viz, size_t e)
{
    if (viz->thickness && isfinite(viz->edge_thickness[e])) {
        VC_OUT_LIT(o, "<viz:thickness value=\"");
        vc_out_double(o, viz->edge_thickness[e]);
        VC_OUT_LIT(o, "\"/>");
    }
}

/* display: declare viz_weight too (the edges' weight, see write_attvalues) */
static void write_decls(struct vc_out *o, const char *cls, const struct vc_export_cols *c,
                        bool display)
{
    if (!c->n && !display)
        return;
    VC_OUT_LIT(o, "    <attributes class=\"");
    vc_out_str(o, cls);
    VC_OUT_LIT(o, "\">\n");
    for (size_t i = 0; i < c->n; i++) {
        VC_OUT_LIT(o, "      <attribute");
        vc_out_xml_attr(o, "id", c->name[i]);
        vc_out_xml_attr(o, "title", c->name[i]);
        vc_out_xml_attr(o, "type", vc_gexf_type(c->attr[i]->type));
        VC_OUT_LIT(o, "/>\n");
    }
    if (display)
        VC_OUT_LIT(o, "      <attribute id=\"" VC_VIZ_WEIGHT "\" title=\"" VC_VIZ_WEIGHT
                   "\" type=\"double\"/>\n");
    VC_OUT_LIT(o, "    </attributes>\n");
}

/*
 * Element k's attvalues; weight (finite) is the edge's meaningful weight,
 * repeated as viz_weight so that vchain's reader knows the GEXF weight is
 * not the input's own weight column (which goes out as vc_weight).
 */
static void write_attvalues(struct vc_out *o, const struct vc_export_cols *c, size_t k,
                            double weight)
{
    char buf[40];
    bool open = false;
    for (size_t i = 0; i < c->n; i++) {
        const char *v = vc_export_value(c->attr[i], k, buf);
        if (!v)
            continue;
        if (!open) {
            VC_OUT_LIT(o, "<attvalues>");
            open = true;
        }
        VC_OUT_LIT(o, "<attvalue for=\"");
        vc_out_xml(o, c->name[i]);
        VC_OUT_LIT(o, "\" value=\"");
        vc_out_xml(o, v);
        VC_OUT_LIT(o, "\"/>");
    }
    if (isfinite(weight)) {
        if (!open)
            VC_OUT_LIT(o, "<attvalues>");
        open = true;
        VC_OUT_LIT(o, "<attvalue for=\"" VC_VIZ_WEIGHT "\" value=\"");
        vc_out_double(o, weight);
        VC_OUT_LIT(o, "\"/>");
    }
    if (open)
        VC_OUT_LIT(o, "</attvalues>");
}

static void write_nodes(struct vc_out *o, const struct vc_graph *g,
                        const struct vc_export_cols *c, const struct vc_viz *viz)
{
    const struct vc_attr *label = vc_export_label(g, VC_CLASS_NODE);

    VC_OUT_LIT(o, "    <nodes count=\"");
    vc_out_i64(o, (int64_t)g->n_nodes);
    VC_OUT_LIT(o, "\">\n");
    for (size_t k = 0; k < g->n_nodes; k++) {
        vc_gexf_node_open(o, g, label, k);
        write_attvalues(o, c, k, NAN);
        vc_gexf_node_viz(o, viz, k);
        VC_OUT_LIT(o, "</node>\n");
    }
    VC_OUT_LIT(o, "    </nodes>\n");
}

/* A prefix P such that no edge id is P followed by digits only. */
static const char *synthetic_prefix(const struct vc_graph *g, char *buf, size_t size)
{
    size_t len = 1;
    snprintf(buf, size, "e");
    for (;;) {
        bool clash = false;
        for (size_t e = 0; e < g->n_edges && !clash; e++) {
            const char *id = vc_graph_edge_id(g, e);
            if (id && strncmp(id, buf, len) == 0 && id[len] &&
                strspn(id + len, "0123456789") == strlen(id + len))
                clash = true;
        }
        if (!clash || len + 2 >= size)
            return buf;
        buf[len++] = '_';
        buf[len] = '\0';
    }
}

static void write_edges(struct vc_out *o, const struct vc_graph *g,
                        const struct vc_export_cols *c, const struct vc_viz *viz, bool need_ids)
{
    const struct vc_attr *label = vc_export_label(g, VC_CLASS_EDGE);
    const struct vc_attr *weight = vc_export_weight(g, viz);
    char prefix[64];
    bool any_missing = false;

    for (size_t e = 0; e < g->n_edges && !any_missing; e++)
        any_missing = !vc_graph_edge_id(g, e);
    if (need_ids && any_missing)
        synthetic_prefix(g, prefix, sizeof(prefix));
    VC_OUT_LIT(o, "    <edges count=\"");
    vc_out_i64(o, (int64_t)g->n_edges);
    VC_OUT_LIT(o, "\">\n");
    for (size_t e = 0; e < g->n_edges; e++) {
        VC_OUT_LIT(o, "      <edge");
        if (vc_graph_edge_id(g, e)) {
            vc_out_xml_attr(o, "id", vc_graph_edge_id(g, e));
        } else if (need_ids) {
            VC_OUT_LIT(o, " id=\"");
            vc_out_xml(o, prefix);
            vc_out_i64(o, (int64_t)e);
            vc_out_char(o, '"');
        }
        vc_gexf_edge_ends(o, g, e);
        double w = vc_export_edge_weight(viz, weight, e);
        vc_out_xml_attr(o, "label", vc_attr_get_string(label, e));
        if (isfinite(w)) {
            VC_OUT_LIT(o, " weight=\"");
            vc_out_double(o, w);
            vc_out_char(o, '"');
        }
        vc_out_char(o, '>');
        write_attvalues(o, c, e, viz->weight ? w : NAN);
        vc_gexf_edge_viz(o, viz, e);
        VC_OUT_LIT(o, "</edge>\n");
    }
    VC_OUT_LIT(o, "    </edges>\n");
}

enum vc_status vc_gexf_write(const struct vc_graph *g, const struct vc_export_opts *opts,
                             FILE *out, struct vc_error *err)
{
    static const struct vc_export_opts defaults = VC_EXPORT_OPTS_INIT;
    const struct vc_export_opts *eo = opts ? opts : &defaults;
    const bool v13 = eo->gexf_version == VC_GEXF_1_3;
    struct vc_viz viz = VC_VIZ_INIT;
    struct vc_export_cols ncols = { 0, 0, 0 }, ecols = { 0, 0, 0 };
    struct vc_out *o = NULL;
    enum vc_status st;

    if ((st = vc_graph_check_edge_ids(g, err)) != VC_OK ||
        (st = vc_viz_prepare(g, eo, &viz, err)) != VC_OK ||
        (st = vc_export_cols_collect(g, VC_CLASS_NODE, &viz, &ncols, err)) != VC_OK ||
        (st = vc_export_cols_collect(g, VC_CLASS_EDGE, &viz, &ecols, err)) != VC_OK)
        goto out;

    o = malloc(sizeof(*o));
    if (!o) {
        st = vc_error_set(err, VC_ENOMEM, NULL, 0, 0, "out of memory");
        goto out;
    }
    vc_out_init(o, out);
    VC_OUT_LIT(o, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    if (v13)
        VC_OUT_LIT(o, "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" "
                   "version=\"1.3\">\n");
    else
        VC_OUT_LIT(o, "<gexf xmlns=\"http://www.gexf.net/1.2draft\" "
                   "xmlns:viz=\"http://www.gexf.net/1.2draft/viz\" version=\"1.2\">\n");
    VC_OUT_LIT(o, "  <meta>\n    <creator>vchain " VC_VERSION_STRING "</creator>\n");
    if (g->desc && *g->desc) {
        VC_OUT_LIT(o, "    <description>");
        vc_out_xml(o, g->desc);
        VC_OUT_LIT(o, "</description>\n");
    }
    VC_OUT_LIT(o, "  </meta>\n");
    if (g->directed)
        VC_OUT_LIT(o, "  <graph defaultedgetype=\"directed\" mode=\"static\">\n");
    else
        VC_OUT_LIT(o, "  <graph defaultedgetype=\"undirected\" mode=\"static\">\n");
    write_decls(o, "node", &ncols, false);
    write_decls(o, "edge", &ecols, viz.weight && g->n_edges);
    write_nodes(o, g, &ncols, &viz);
    write_edges(o, g, &ecols, &viz, !v13);
    VC_OUT_LIT(o, "  </graph>\n</gexf>\n");
    st = vc_out_finish(o, err);
out:
    free(o);
    vc_export_cols_release(&ncols);
    vc_export_cols_release(&ecols);
    vc_viz_release(&viz);
    return st;
}
