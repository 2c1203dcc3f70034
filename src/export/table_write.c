/*
 * table_write.c - Gephi's spreadsheet pair: a nodes table and an edges table.
 *
 * Owns the CSV layout Gephi's "Import spreadsheet" expects: nodes with Id,
 * Label and one column per node data column; edges with Source, Target,
 * Type (Directed or Undirected), Id and Label when the graph has them,
 * Weight (the meaningful weight, viz.c), then the edge data columns, then
 * viz_weight (the same weight again: it tells vchain's reader that Weight
 * is not the input's own weight column, which goes out as vc_weight).  RFC 4180: comma separated, CRLF line
 * ends, a field quoted when it holds a comma, a quote, a line break, a
 * backslash (Gephi's parser treats it as an escape) or surrounding spaces
 * (Gephi trims them).  UTF-8 without a byte order mark.  A missing value is
 * an empty field; an empty string is "".  Types do not survive CSV.  A cell
 * a spreadsheet would run as a formula (=, +, -, @, tab or CR first, and
 * not a plain number) gets a leading ', unless opts->csv_raw.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/out.h"
#include "viz.h"
#include "vchain/textout.h"

/* Set from the options by each writer: raw cells, or formulas neutralised. */
struct csv_cells {
    struct vc_out *out;
    bool raw;
};

static void field(const struct csv_cells *cc, const char *s)
{
    struct vc_out *out = cc->out;
    bool guard;
    size_t len;
    if (!s)
        return;
    len = strlen(s);
    /* the ' makes a spreadsheet show the text instead of running it */
    guard = !cc->raw && vc_csv_formula(s);
    if (len && !strpbrk(s, ",\"\r\n\\") && (guard || (s[0] != ' ' && s[0] != '\t')) &&
        s[len - 1] != ' ' && s[len - 1] != '\t') {
        if (guard)
            vc_out_char(out, '\'');
        vc_out_mem(out, s, len);
        return;
    }
    vc_out_char(out, '"');
    if (guard)
        vc_out_char(out, '\'');
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            vc_out_char(out, '"');
        vc_out_char(out, *p);
    }
    vc_out_char(out, '"');
}

static void header(const struct csv_cells *cc, const struct vc_export_cols *c)
{
    for (size_t i = 0; i < c->n; i++) {
        vc_out_char(cc->out, ',');
        field(cc, c->name[i]);
    }
}

static void row_values(const struct csv_cells *cc, const struct vc_export_cols *c, size_t k)
{
    char buf[40];
    for (size_t i = 0; i < c->n; i++) {
        vc_out_char(cc->out, ',');
        field(cc, vc_export_value(c->attr[i], k, buf));
    }
}

enum vc_status vc_csv_write_nodes(const struct vc_graph *g, const struct vc_export_opts *opts,
                                  FILE *f, struct vc_error *err)
{
    const struct vc_attr *label = vc_export_label(g, VC_CLASS_NODE);
    struct vc_export_cols c;
    struct csv_cells cc;
    struct vc_out *out;
    enum vc_status st;

    if (!(out = malloc(sizeof(*out))))
        return vc_error_set(err, VC_ENOMEM, NULL, 0, 0, "out of memory");
    if ((st = vc_export_cols_collect(g, VC_CLASS_NODE, NULL, &c, err)) != VC_OK) {
        free(out);
        return st;
    }
    vc_out_init(out, f);
    cc.out = out;
    cc.raw = opts && opts->csv_raw;
    vc_out_str(out, label ? "Id,Label" : "Id");
    header(&cc, &c);
    VC_OUT_LIT(out, "\r\n");
    for (size_t k = 0; k < g->n_nodes; k++) {
        field(&cc, g->node_id[k]);
        if (label) {
            vc_out_char(out, ',');
            field(&cc, vc_attr_get_string(label, k));
        }
        row_values(&cc, &c, k);
        VC_OUT_LIT(out, "\r\n");
    }
    vc_export_cols_release(&c);
    st = vc_out_finish(out, err);
    free(out);
    return st;
}

enum vc_status vc_csv_write_edges(const struct vc_graph *g, const struct vc_export_opts *opts,
                                  FILE *f, struct vc_error *err)
{
    const struct vc_attr *label = vc_export_label(g, VC_CLASS_EDGE);
    const struct vc_attr *weight = NULL;
    struct vc_viz viz;
    struct vc_export_cols c = { 0, 0, 0 };
    struct csv_cells cc;
    struct vc_out *out = NULL;
    bool ids = false;
    char buf[40];
    enum vc_status st;

    /* only the weight: a CSV pair carries no colours, sizes or positions */
    struct vc_export_opts wo = VC_EXPORT_OPTS_INIT;
    if (opts)
        wo.edge_weight = opts->edge_weight;
    wo.viz = false;
    if ((st = vc_viz_prepare(g, &wo, &viz, err)) != VC_OK)
        return st;
    weight = vc_export_weight(g, &viz);
    if (!(out = malloc(sizeof(*out)))) {
        st = vc_error_set(err, VC_ENOMEM, NULL, 0, 0, "out of memory");
        goto out;
    }
    if ((st = vc_export_cols_collect(g, VC_CLASS_EDGE, &viz, &c, err)) != VC_OK)
        goto out;
    vc_out_init(out, f);
    cc.out = out;
    cc.raw = opts && opts->csv_raw;
    for (size_t e = 0; e < g->n_edges && !ids; e++)
        ids = vc_graph_edge_id(g, e) != NULL;
    VC_OUT_LIT(out, "Source,Target,Type");
    vc_out_str(out, ids ? ",Id" : "");
    vc_out_str(out, label ? ",Label" : "");
    vc_out_str(out, weight || viz.weight ? ",Weight" : "");
    header(&cc, &c);
    /* viz_weight repeats Weight: it tells vchain's reader that Weight is the
     * meaningful weight, not the input's own (that one is vc_weight) */
    vc_out_str(out, viz.weight ? "," VC_VIZ_WEIGHT "\r\n" : "\r\n");
    for (size_t e = 0; e < g->n_edges; e++) {
        field(&cc, g->node_id[g->edge_from[e]]);
        vc_out_char(out, ',');
        field(&cc, g->node_id[g->edge_to[e]]);
        vc_out_str(out, g->edge_directed[e] ? ",Directed" : ",Undirected");
        if (ids) {
            vc_out_char(out, ',');
            field(&cc, vc_graph_edge_id(g, e));
        }
        if (label) {
            vc_out_char(out, ',');
            field(&cc, vc_attr_get_string(label, e));
        }
        double w = vc_export_edge_weight(&viz, weight, e);
        if (weight || viz.weight) {
            vc_out_char(out, ',');
            if (isfinite(w))
                field(&cc, vc_export_value_double(w, buf));
        }
        row_values(&cc, &c, e);
        if (viz.weight) {
            vc_out_char(out, ',');
            if (isfinite(w))
                field(&cc, vc_export_value_double(w, buf));
        }
        VC_OUT_LIT(out, "\r\n");
    }
    st = vc_out_finish(out, err);
out:
    vc_export_cols_release(&c);
    vc_viz_release(&viz);
    free(out);
    return st;
}
