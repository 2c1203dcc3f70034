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
 *  - graph-level columns have no place in GEXF and are not written.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/textout.h"
#include "viz.h"
#include "vchain/vchain.h"

static const char *gexf_type(enum vc_attr_type t)
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

static void write_decls(FILE *out, const char *cls, const struct vc_export_cols *c)
{
    if (!c->n)
        return;
    fprintf(out, "    <attributes class=\"%s\">\n", cls);
    for (size_t i = 0; i < c->n; i++) {
        fputs("      <attribute", out);
        vc_export_xml_attr(out, "id", c->name[i]);
        vc_export_xml_attr(out, "title", c->name[i]);
        fprintf(out, " type=\"%s\"/>\n", gexf_type(c->attr[i]->type));
    }
    fputs("    </attributes>\n", out);
}

/* Writes the attvalues of element k; returns whether it wrote any. */
static void write_attvalues(FILE *out, const struct vc_export_cols *c, size_t k)
{
    char buf[40];
    bool open = false;
    for (size_t i = 0; i < c->n; i++) {
        const char *v = vc_export_value(c->attr[i], k, buf);
        if (!v)
            continue;
        if (!open) {
            fputs("<attvalues>", out);
            open = true;
        }
        fputs("<attvalue", out);
        vc_export_xml_attr(out, "for", c->name[i]);
        vc_export_xml_attr(out, "value", v);
        fputs("/>", out);
    }
    if (open)
        fputs("</attvalues>", out);
}

static void write_nodes(FILE *out, const struct vc_graph *g, const struct vc_export_cols *c,
                        const struct vc_viz *viz)
{
    const struct vc_attr *label = vc_export_label(g, VC_CLASS_NODE);
    char b1[40], b2[40];
    double x, y;

    fprintf(out, "    <nodes count=\"%zu\">\n", g->n_nodes);
    for (size_t k = 0; k < g->n_nodes; k++) {
        fputs("      <node", out);
        vc_export_xml_attr(out, "id", g->node_id[k]);
        vc_export_xml_attr(out, "label", vc_attr_get_string(label, k));
        putc('>', out);
        write_attvalues(out, c, k);
        if (viz->color && viz->has_rgb[k]) {
            const uint8_t *rgb = viz->rgb + 3 * k;
            fprintf(out, "<viz:color r=\"%u\" g=\"%u\" b=\"%u\"/>", rgb[0], rgb[1], rgb[2]);
        }
        if (vc_viz_position(viz, k, &x, &y)) {
            vc_export_double(b1, x);
            vc_export_double(b2, y);
            fprintf(out, "<viz:position x=\"%s\" y=\"%s\" z=\"0.0\"/>", b1, b2);
        }
        if (viz->size && isfinite(viz->node_size[k])) {
            vc_export_double(b1, viz->node_size[k]);
            fprintf(out, "<viz:size value=\"%s\"/>", b1);
        }
        fputs("</node>\n", out);
    }
    fputs("    </nodes>\n", out);
}

/* A prefix P such that no edge id is P followed by digits only. */
static const char *synthetic_prefix(const struct vc_graph *g, char *buf, size_t size)
{
    size_t len = 1;
    snprintf(buf, size, "e");
    for (;;) {
        bool clash = false;
        for (size_t e = 0; e < g->n_edges && !clash; e++) {
            const char *id = g->edge_id[e];
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

static void write_edges(FILE *out, const struct vc_graph *g, const struct vc_export_cols *c,
                        const struct vc_viz *viz, bool need_ids)
{
    const struct vc_attr *label = vc_export_label(g, VC_CLASS_EDGE);
    const struct vc_attr *weight = vc_export_weight(g);
    char prefix[64], buf[40];
    bool any_missing = false;

    for (size_t e = 0; e < g->n_edges && !any_missing; e++)
        any_missing = !g->edge_id[e];
    if (need_ids && any_missing)
        synthetic_prefix(g, prefix, sizeof(prefix));
    fprintf(out, "    <edges count=\"%zu\">\n", g->n_edges);
    for (size_t e = 0; e < g->n_edges; e++) {
        fputs("      <edge", out);
        if (g->edge_id[e])
            vc_export_xml_attr(out, "id", g->edge_id[e]);
        else if (need_ids)
            fprintf(out, " id=\"%s%zu\"", prefix, e);
        vc_export_xml_attr(out, "source", g->node_id[g->edge_from[e]]);
        vc_export_xml_attr(out, "target", g->node_id[g->edge_to[e]]);
        if ((bool)g->edge_directed[e] != g->directed)
            fputs(g->edge_directed[e] ? " type=\"directed\"" : " type=\"undirected\"", out);
        vc_export_xml_attr(out, "label", vc_attr_get_string(label, e));
        vc_export_xml_attr(out, "weight", vc_export_value(weight, e, buf));
        putc('>', out);
        write_attvalues(out, c, e);
        if (viz->thickness && isfinite(viz->edge_thickness[e])) {
            vc_export_double(buf, viz->edge_thickness[e]);
            fprintf(out, "<viz:thickness value=\"%s\"/>", buf);
        }
        fputs("</edge>\n", out);
    }
    fputs("    </edges>\n", out);
}

enum vc_status vc_gexf_write(const struct vc_graph *g, const struct vc_export_opts *opts,
                             FILE *out, struct vc_error *err)
{
    static const struct vc_export_opts defaults = VC_EXPORT_OPTS_INIT;
    const struct vc_export_opts *o = opts ? opts : &defaults;
    const bool v13 = o->gexf_version == VC_GEXF_1_3;
    struct vc_viz viz = VC_VIZ_INIT;
    struct vc_export_cols ncols = { 0, 0, 0 }, ecols = { 0, 0, 0 };
    enum vc_status st;

    if ((st = vc_viz_prepare(g, o, &viz, err)) != VC_OK ||
        (st = vc_export_cols_collect(g, VC_CLASS_NODE, &ncols, err)) != VC_OK ||
        (st = vc_export_cols_collect(g, VC_CLASS_EDGE, &ecols, err)) != VC_OK)
        goto out;

    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", out);
    if (v13)
        fputs("<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" "
              "version=\"1.3\">\n", out);
    else
        fputs("<gexf xmlns=\"http://www.gexf.net/1.2draft\" "
              "xmlns:viz=\"http://www.gexf.net/1.2draft/viz\" version=\"1.2\">\n", out);
    fputs("  <meta>\n    <creator>vchain " VC_VERSION_STRING "</creator>\n", out);
    if (g->desc && *g->desc) {
        fputs("    <description>", out);
        vc_xml_text(out, g->desc);
        fputs("</description>\n", out);
    }
    fputs("  </meta>\n", out);
    fprintf(out, "  <graph defaultedgetype=\"%s\" mode=\"static\">\n",
            g->directed ? "directed" : "undirected");
    write_decls(out, "node", &ncols);
    write_decls(out, "edge", &ecols);
    write_nodes(out, g, &ncols, &viz);
    write_edges(out, g, &ecols, &viz, !v13);
    fputs("  </graph>\n</gexf>\n", out);
    st = vc_export_check_stream(out, err);
out:
    vc_export_cols_release(&ncols);
    vc_export_cols_release(&ecols);
    vc_viz_release(&viz);
    return st;
}
