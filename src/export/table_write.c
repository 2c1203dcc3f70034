/*
 * table_write.c - Gephi's spreadsheet pair: a nodes table and an edges table.
 *
 * Owns the CSV layout Gephi's "Import spreadsheet" expects: nodes with Id,
 * Label and one column per node data column; edges with Source, Target,
 * Type (Directed or Undirected), Id and Label when the graph has them,
 * Weight, then the edge data columns.  RFC 4180: comma separated, CRLF line
 * ends, a field quoted when it holds a comma, a quote, a line break, a
 * backslash (Gephi's parser treats it as an escape) or surrounding spaces
 * (Gephi trims them).  UTF-8 without a byte order mark.  A missing value is
 * an empty field; an empty string is "".  Types do not survive CSV.
 */
#include <stdio.h>
#include <string.h>

#include "viz.h"

static void field(FILE *out, const char *s)
{
    size_t len;
    if (!s)
        return;
    len = strlen(s);
    if (len && !strpbrk(s, ",\"\r\n\\") && s[0] != ' ' && s[0] != '\t' && s[len - 1] != ' ' &&
        s[len - 1] != '\t') {
        fputs(s, out);
        return;
    }
    putc('"', out);
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            putc('"', out);
        putc(*p, out);
    }
    putc('"', out);
}

static void header(FILE *out, const struct vc_export_cols *c)
{
    for (size_t i = 0; i < c->n; i++) {
        putc(',', out);
        field(out, c->name[i]);
    }
    fputs("\r\n", out);
}

static void row_values(FILE *out, const struct vc_export_cols *c, size_t k)
{
    char buf[40];
    for (size_t i = 0; i < c->n; i++) {
        putc(',', out);
        field(out, vc_export_value(c->attr[i], k, buf));
    }
    fputs("\r\n", out);
}

enum vc_status vc_csv_write_nodes(const struct vc_graph *g, const struct vc_export_opts *opts,
                                  FILE *out, struct vc_error *err)
{
    const struct vc_attr *label = vc_export_label(g, VC_CLASS_NODE);
    struct vc_export_cols c;
    enum vc_status st;

    (void)opts;
    if ((st = vc_export_cols_collect(g, VC_CLASS_NODE, &c, err)) != VC_OK)
        return st;
    fputs(label ? "Id,Label" : "Id", out);
    header(out, &c);
    for (size_t k = 0; k < g->n_nodes; k++) {
        field(out, g->node_id[k]);
        if (label) {
            putc(',', out);
            field(out, vc_attr_get_string(label, k));
        }
        row_values(out, &c, k);
    }
    vc_export_cols_release(&c);
    return vc_export_check_stream(out, err);
}

enum vc_status vc_csv_write_edges(const struct vc_graph *g, const struct vc_export_opts *opts,
                                  FILE *out, struct vc_error *err)
{
    const struct vc_attr *label = vc_export_label(g, VC_CLASS_EDGE);
    const struct vc_attr *weight = vc_export_weight(g);
    struct vc_export_cols c;
    bool ids = false;
    char buf[40];
    enum vc_status st;

    (void)opts;
    if ((st = vc_export_cols_collect(g, VC_CLASS_EDGE, &c, err)) != VC_OK)
        return st;
    for (size_t e = 0; e < g->n_edges && !ids; e++)
        ids = g->edge_id[e] != NULL;
    fputs("Source,Target,Type", out);
    fputs(ids ? ",Id" : "", out);
    fputs(label ? ",Label" : "", out);
    fputs(weight ? ",Weight" : "", out);
    header(out, &c);
    for (size_t e = 0; e < g->n_edges; e++) {
        field(out, g->node_id[g->edge_from[e]]);
        putc(',', out);
        field(out, g->node_id[g->edge_to[e]]);
        fputs(g->edge_directed[e] ? ",Directed" : ",Undirected", out);
        if (ids) {
            putc(',', out);
            field(out, g->edge_id[e]);
        }
        if (label) {
            putc(',', out);
            field(out, vc_attr_get_string(label, e));
        }
        if (weight) {
            putc(',', out);
            field(out, vc_export_value(weight, e, buf));
        }
        row_values(out, &c, e);
    }
    vc_export_cols_release(&c);
    return vc_export_check_stream(out, err);
}
