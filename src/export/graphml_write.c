/*
 * graphml_write.c - GraphML that igraph, graph-tool, NetworkX, graphology
 * and Gephi all read, with Gephi's visual conventions.
 *
 * Owns the GraphML layout: one <key> per column and class (never
 * for="all", never <default>, types only boolean/int/long/float/double/
 * string: what every reader in ECOSYSTEM.md §2 accepts), the graph's
 * description and graph-level columns, one line per node and per edge.
 *
 * Names: attr.name is the column's exported name (core/attrname.h); the key
 * id is the same name unless another class already uses it, then it gets a
 * class prefix (n_, e_, g_), since key ids are unique per file.  Key ids
 * are made XML name tokens (the schema's NMTOKEN); attr.name and node ids
 * are written as they are, so names with spaces stay exact for every
 * reader, though the XSD would call such a file invalid.
 *
 * Gephi: its importer matches a key's id first, then its attr.name,
 * against its built-in properties.  So the node label is the key "label",
 * the edge label "edgelabel", the edge weight "weight" (named viz_weight:
 * vchain reads it back as a visual column, not as the input's weight);
 * colour, size and position are keys with Gephi's names r, g, b, size, x, y
 * as both id and attr.name, which Gephi draws, graphology-graphml (and so
 * sigma.js) reads as x, y, size and color (it folds r, g, b into
 * "#rrggbb"), and vchain's reader takes back as the visual columns viz_*.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "core/out.h"
#include "viz.h"
#include "vchain/export.h"

struct keyset {
    char **ids;
    size_t n, cap;
};

static bool keyset_has(const struct keyset *ks, const char *id)
{
    for (size_t i = 0; i < ks->n; i++)
        if (strcmp(ks->ids[i], id) == 0)
            return true;
    return false;
}

/* Makes s an XML name token: characters other than letters, digits, '-',
 * '_', '.' and non-ASCII bytes become '_'. */
static void nmtoken(char *s)
{
    if (!*s) {
        strcpy(s, "_");
        return;
    }
    for (unsigned char *p = (unsigned char *)s; *p; p++)
        if (!(*p >= 0x80 || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
              (*p >= '0' && *p <= '9') || *p == '-' || *p == '_' || *p == '.'))
            *p = '_';
}

/* A fresh key id for name: name, else prefix+name, else prefix+name_N. */
static const char *keyset_add(struct keyset *ks, const char *prefix, const char *name)
{
    size_t len = strlen(prefix) + strlen(name) + 24;
    char *id;

    if (VC_GROW(ks->ids, ks->cap, ks->n + 1) || !(id = malloc(len)))
        return NULL;
    snprintf(id, len, "%s", name);
    nmtoken(id);
    if (keyset_has(ks, id)) {
        snprintf(id, len, "%s%s", prefix, name);
        nmtoken(id);
        for (unsigned k = 2; keyset_has(ks, id); k++) {
            snprintf(id, len, "%s%s_%u", prefix, name, k);
            nmtoken(id);
        }
    }
    ks->ids[ks->n++] = id;
    return id;
}

static void keyset_release(struct keyset *ks)
{
    for (size_t i = 0; i < ks->n; i++)
        free(ks->ids[i]);
    free(ks->ids);
}

static void write_key(struct vc_out *o, const char *id, const char *cls, const char *name,
                      enum vc_attr_type type)
{
    VC_OUT_LIT(o, "  <key");
    vc_out_xml_attr(o, "id", id);
    vc_out_xml_attr(o, "for", cls);
    vc_out_xml_attr(o, "attr.name", name);
    vc_out_xml_attr(o, "attr.type", vc_attr_type_name(type));
    VC_OUT_LIT(o, "/>\n");
}

/* Declares a class's data columns; ids[i] receives column i's key id. */
static int declare_columns(struct vc_out *out, struct keyset *ks, const char *cls, const char *prefix,
                           const struct vc_export_cols *c, const char **ids)
{
    for (size_t i = 0; i < c->n; i++) {
        ids[i] = keyset_add(ks, prefix, c->name[i]);
        if (!ids[i])
            return -1;
        write_key(out, ids[i], cls, c->name[i], c->attr[i]->type);
    }
    return 0;
}

static void write_data(struct vc_out *o, const char *key, const char *value)
{
    if (!value)
        return;
    VC_OUT_LIT(o, "<data key=\"");
    vc_out_xml(o, key);
    VC_OUT_LIT(o, "\">");
    vc_out_xml(o, value);
    VC_OUT_LIT(o, "</data>");
}

static void write_double(struct vc_out *o, const char *key, double d)
{
    VC_OUT_LIT(o, "<data key=\"");
    vc_out_str(o, key);
    VC_OUT_LIT(o, "\">");
    vc_out_double(o, d);
    VC_OUT_LIT(o, "</data>");
}

static void write_columns(struct vc_out *out, const struct vc_export_cols *c, const char **ids,
                          size_t k)
{
    char buf[40];
    for (size_t i = 0; i < c->n; i++)
        write_data(out, ids[i], vc_export_value(c->attr[i], k, buf));
}

enum vc_status vc_graphml_write(const struct vc_graph *g, const struct vc_export_opts *opts,
                                FILE *f, struct vc_error *err)
{
    struct vc_viz viz = VC_VIZ_INIT;
    struct vc_export_cols cols[3] = { { 0, 0, 0 }, { 0, 0, 0 }, { 0, 0, 0 } };
    const char **ids[3] = { 0, 0, 0 };
    static const char *const cls_name[3] = { "node", "edge", "graph" };
    static const char *const rgb_data[4] = { "<data key=\"r\">", "</data><data key=\"g\">",
                                             "</data><data key=\"b\">", "</data>" };
    static const char *const prefix[3] = { "n_", "e_", "g_" };
    struct keyset ks = { 0, 0, 0 };
    const struct vc_attr *nlabel = vc_export_label(g, VC_CLASS_NODE);
    const struct vc_attr *elabel = vc_export_label(g, VC_CLASS_EDGE);
    const struct vc_attr *weight = NULL;
    const char *nlabel_id = NULL, *elabel_id = NULL, *weight_id = NULL;
    struct vc_out *out = NULL;
    enum vc_status st;
    double x, y;

    if ((st = vc_graph_check_edge_ids(g, err)) != VC_OK ||
        (st = vc_viz_prepare(g, opts, &viz, err)) != VC_OK)
        goto out;
    weight = vc_export_weight(g, &viz);
    for (int c = 0; c < 3; c++) {
        if ((st = vc_export_cols_collect(g, (enum vc_attr_class)c, &viz, &cols[c], err)) !=
            VC_OK)
            goto out;
        ids[c] = calloc(cols[c].n + 1, sizeof(*ids[c]));
        if (!ids[c])
            goto nomem;
    }
    if (!(out = malloc(sizeof(*out))))
        goto nomem;
    vc_out_init(out, f);

    VC_OUT_LIT(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                 "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
                 "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                 "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
                 "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
    /* Gephi's properties first, so their ids are taken before data columns'. */
    if (nlabel) {
        if (!(nlabel_id = keyset_add(&ks, "n_", "label")))
            goto nomem;
        write_key(out, nlabel_id, "node", "label", VC_ATTR_STRING);
    }
    if (viz.color) {
        static const char *const ch[3] = { "r", "g", "b" };
        for (int i = 0; i < 3; i++) {
            if (!keyset_add(&ks, "n_", ch[i]))
                goto nomem;
            write_key(out, ch[i], "node", ch[i], VC_ATTR_INT);
        }
    }
    if (viz.size) {
        if (!keyset_add(&ks, "n_", "size"))
            goto nomem;
        write_key(out, "size", "node", "size", VC_ATTR_DOUBLE);
    }
    if (viz.position) {
        if (!keyset_add(&ks, "n_", "x") || !keyset_add(&ks, "n_", "y"))
            goto nomem;
        write_key(out, "x", "node", "x", VC_ATTR_DOUBLE);
        write_key(out, "y", "node", "y", VC_ATTR_DOUBLE);
    }
    if (elabel) {
        if (!(elabel_id = keyset_add(&ks, "e_", "edgelabel")))
            goto nomem;
        write_key(out, elabel_id, "edge", "label", VC_ATTR_STRING);
    }
    if (weight || viz.weight) {
        /* the meaningful weight: Gephi's key id, the name of a visual column */
        if (!(weight_id = keyset_add(&ks, "e_", "weight")))
            goto nomem;
        write_key(out, weight_id, "edge", viz.weight ? VC_VIZ_WEIGHT : "weight",
                  VC_ATTR_DOUBLE);
    }
    for (int c = 0; c < 3; c++)
        if (declare_columns(out, &ks, cls_name[c], prefix[c], &cols[c], ids[c]) != 0)
            goto nomem;

    if (g->directed)
        VC_OUT_LIT(out, "  <graph id=\"G\" edgedefault=\"directed\">\n");
    else
        VC_OUT_LIT(out, "  <graph id=\"G\" edgedefault=\"undirected\">\n");
    if (g->desc && *g->desc) {
        VC_OUT_LIT(out, "    <desc>");
        vc_out_xml(out, g->desc);
        VC_OUT_LIT(out, "</desc>\n");
    }
    if (cols[VC_CLASS_GRAPH].n) {
        VC_OUT_LIT(out, "    ");
        write_columns(out, &cols[VC_CLASS_GRAPH], ids[VC_CLASS_GRAPH], 0);
        vc_out_char(out, '\n');
    }
    for (size_t k = 0; k < g->n_nodes; k++) {
        VC_OUT_LIT(out, "    <node");
        vc_out_xml_attr(out, "id", g->node_id[k]);
        vc_out_char(out, '>');
        if (nlabel_id)
            write_data(out, nlabel_id, vc_attr_get_string(nlabel, k));
        write_columns(out, &cols[VC_CLASS_NODE], ids[VC_CLASS_NODE], k);
        vc_viz_write_rgb(out, &viz, k, rgb_data);
        if (viz.size && isfinite(viz.node_size[k]))
            write_double(out, "size", viz.node_size[k]);
        if (vc_viz_position(&viz, k, &x, &y)) {
            write_double(out, "x", x);
            write_double(out, "y", y);
        }
        VC_OUT_LIT(out, "</node>\n");
    }
    for (size_t e = 0; e < g->n_edges; e++) {
        VC_OUT_LIT(out, "    <edge");
        vc_out_xml_attr(out, "id", vc_graph_edge_id(g, e));
        vc_out_xml_attr(out, "source", g->node_id[g->edge_from[e]]);
        vc_out_xml_attr(out, "target", g->node_id[g->edge_to[e]]);
        if ((bool)g->edge_directed[e] != g->directed) {
            if (g->edge_directed[e])
                VC_OUT_LIT(out, " directed=\"true\"");
            else
                VC_OUT_LIT(out, " directed=\"false\"");
        }
        vc_out_char(out, '>');
        if (elabel_id)
            write_data(out, elabel_id, vc_attr_get_string(elabel, e));
        if (weight_id && isfinite(vc_export_edge_weight(&viz, weight, e)))
            write_double(out, weight_id, vc_export_edge_weight(&viz, weight, e));
        write_columns(out, &cols[VC_CLASS_EDGE], ids[VC_CLASS_EDGE], e);
        VC_OUT_LIT(out, "</edge>\n");
    }
    VC_OUT_LIT(out, "  </graph>\n</graphml>\n");
    st = vc_out_finish(out, err);
    goto out;
nomem:
    st = vc_error_set(err, VC_ENOMEM, NULL, 0, 0, "out of memory");
out:
    free(out);
    for (int c = 0; c < 3; c++) {
        vc_export_cols_release(&cols[c]);
        free(ids[c]);
    }
    keyset_release(&ks);
    vc_viz_release(&viz);
    return st;
}
