/*
 * vchain/export.h - writing annotated graphs for Gephi and friends.
 *
 * Exporters write whatever a struct vc_graph carries: every node, edge and
 * graph column with its type (the input's attributes and, after the engine
 * ran, its result columns), plus visual properties derived from columns:
 *
 *   colour    control points (node column control_point true) in one strong
 *             colour, other nodes by kind or by country (VC_COLOR_*), from
 *             the Okabe-Ito colour-blind-safe palette;
 *   size      from a numeric node column (default: impact), scaled linearly
 *             to [size_min, size_max];
 *   position  from the node columns viz_x and viz_y (the layout's output,
 *             include/vchain/layout.h, or positions read from a file);
 *   thickness from a numeric edge column (default: weight, else share);
 *   weight    the format's own edge weight (what Gephi filters and lays out
 *             by): the meaningful weight, share for provides edges, the link
 *             weight for the others (vc_export_opts.edge_weight).
 *
 * Columns whose name starts with "viz_" are visual: they are written as the
 * format's visual properties (GEXF viz:*, Gephi's GraphML keys r g b size
 * x y, JSON x y size color), never as data.  Data column names that Gephi,
 * sigma.js or Cytoscape.js reserve (label, weight, size, kind, type, ...)
 * are written with a "vc_" prefix that vchain's readers remove again,
 * except the node and edge label (a string column "label") and the edge
 * weight (a double column "weight"), which become the format's own label
 * and weight.  docs/formats.md, "Exporting", has the whole rule.
 *
 * Writers borrow the graph and write to a FILE the caller opened; they
 * check the stream at the end and return VC_EIO on a write error.  They
 * never call the engine.  vc_export_file() adds the file handling: a
 * temporary file renamed into place, so a failed export never leaves a
 * half-written or truncated output.
 */
#ifndef VCHAIN_EXPORT_H
#define VCHAIN_EXPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "graph.h"

#ifdef __cplusplus
extern "C" {
#endif

enum vc_export_format {
    VC_EXPORT_AUTO,    /* from the output's extension */
    VC_EXPORT_GEXF,
    VC_EXPORT_GRAPHML,
    VC_EXPORT_CSV,     /* Gephi's spreadsheet pair: nodes and edges tables */
    VC_EXPORT_JSON,    /* node-link: {"nodes": [...], "links": [...]} */
    VC_EXPORT_GRAPHOLOGY /* graphology's serialisation: Graph.from(), graph.import() */
};

enum vc_gexf_version {
    VC_GEXF_1_2,       /* 1.2draft: every reader takes it (NetworkX 2.8 too) */
    VC_GEXF_1_3
};

enum vc_color_by {
    VC_COLOR_KIND,     /* control points, then node column "kind" (default) */
    VC_COLOR_COUNTRY,  /* control points, then node column "country" */
    VC_COLOR_CP,       /* control points; every other node grey */
    VC_COLOR_KEEP,     /* the colours the graph carries (columns viz_r, viz_g, viz_b) */
    VC_COLOR_NONE      /* no colours */
};

/* size_by / thickness_by: this value means "no column: one size for all". */
#define VC_VIZ_NONE ""

struct vc_export_opts {
    enum vc_gexf_version gexf_version;
    bool viz;                   /* write visual properties at all */
    enum vc_color_by color_by;
    /*
     * Node column for the size: NULL picks impact when the graph has it,
     * else viz_size, else one size for all; "viz_size" (or "keep") writes
     * that column's values as they are; VC_VIZ_NONE one size for all.
     */
    const char *size_by;
    /* Edge column for the thickness: NULL picks weight, else share, else
     * viz_thickness; VC_VIZ_NONE writes no thickness. */
    const char *thickness_by;
    double size_min, size_max;           /* default 5 and 50 */
    double thickness_min, thickness_max; /* default 1 and 10 */
    /*
     * CSV only: false (the default) puts a ' before a cell that a
     * spreadsheet would run as a formula (vc_csv_formula(), textout.h);
     * true writes every cell as it is.
     */
    bool csv_raw;
    /*
     * The edge weight written as the format's own weight (GEXF weight,
     * GraphML key "weight", CSV Weight, JSON link weight), which Gephi's
     * filters, statistics and weighted layouts read.  NULL: the meaningful
     * weight (an edge's share, else the engine's share_estimate, else its
     * weight column, else 1); a numeric edge column's name: its values as
     * they are; "keep": the weights a file carried (viz_weight);
     * VC_VIZ_NONE: the graph's own weight column, if any.  Unless
     * VC_VIZ_NONE, the graph's own weight column goes out as the data
     * column vc_weight, and GEXF and CSV repeat the weight in the column
     * viz_weight, which tells vchain's readers what it is.  Independent of
     * viz.
     */
    const char *edge_weight;
};

#define VC_EXPORT_OPTS_INIT \
    { VC_GEXF_1_2, true, VC_COLOR_KIND, NULL, NULL, 5.0, 50.0, 1.0, 10.0, false, NULL }

/* The format an output path's extension names (.gexf, .graphml, .xml, .csv,
 * .graphology.json, .json, any case), or VC_EXPORT_AUTO when it names none. */
VC_API enum vc_export_format vc_export_format_from_path(const char *path);
/* "gexf", "graphml", "csv", "json", "graphology". */
VC_API const char *vc_export_format_name(enum vc_export_format fmt);

/*
 * Each writer: g borrowed, opts may be NULL (defaults), out an open stream.
 * Returns VC_OK, VC_EINVAL (an option names a column the graph lacks or
 * one of the wrong type), VC_ENOMEM or VC_EIO (write error).
 */
VC_API enum vc_status vc_gexf_write(const struct vc_graph *g, const struct vc_export_opts *opts,
                                    FILE *out, struct vc_error *err);
VC_API enum vc_status vc_graphml_write(const struct vc_graph *g,
                                       const struct vc_export_opts *opts, FILE *out,
                                       struct vc_error *err);
VC_API enum vc_status vc_json_write(const struct vc_graph *g, const struct vc_export_opts *opts,
                                    FILE *out, struct vc_error *err);
/* graphology's serialisation ({"attributes", "options", "nodes", "edges"}),
 * which Graph.from() and graph.import() take, and so sigma.js. */
VC_API enum vc_status vc_graphology_write(const struct vc_graph *g,
                                          const struct vc_export_opts *opts, FILE *out,
                                          struct vc_error *err);
/* Gephi's spreadsheet import: nodes table (Id, Label, ...) and edges table
 * (Source, Target, Type, Id, Label, Weight, ...); RFC 4180, UTF-8. */
VC_API enum vc_status vc_csv_write_nodes(const struct vc_graph *g,
                                         const struct vc_export_opts *opts, FILE *out,
                                         struct vc_error *err);
VC_API enum vc_status vc_csv_write_edges(const struct vc_graph *g,
                                         const struct vc_export_opts *opts, FILE *out,
                                         struct vc_error *err);

/*
 * The two file names a CSV export to `path` writes (malloc'd; free both):
 * path "D/" or an existing folder D gives D/nodes.csv and D/edges.csv;
 * "NAME.csv" gives NAME-nodes.csv and NAME-edges.csv; any other name is
 * taken as a folder (created when absent, by vc_export_file).
 */
VC_API enum vc_status vc_csv_paths(const char *path, char **nodes, char **edges,
                                   struct vc_error *err);

/*
 * Writes g to path ("-" = standard output; not for CSV, which writes two
 * files) in format fmt (VC_EXPORT_AUTO: from the extension).  Every file
 * goes through a temporary file renamed into place only when complete, so
 * on failure an existing output is left untouched.
 */
VC_API enum vc_status vc_export_file(const struct vc_graph *g, enum vc_export_format fmt,
                                     const char *path, const struct vc_export_opts *opts,
                                     struct vc_error *err);

/*
 * A comparison graph (vc_comparison_graph(), compare.h) as a dynamic GEXF
 * 1.3 with two time slices, A at time_a and B at time_b (time_a < time_b),
 * for Gephi's timeline: every node and edge present in the slices its
 * status says; each column pair X_a / X_b one dynamic attribute X.
 * Opt-in: the static export above is what every reader understands.  The
 * _file variant writes atomically (vc_outfile).  opts as for the exporters
 * (may be NULL).
 */
VC_API enum vc_status vc_gexf_slices_write(const struct vc_graph *g, double time_a,
                                           double time_b, const struct vc_export_opts *opts,
                                           FILE *out, struct vc_error *err);
VC_API enum vc_status vc_gexf_slices_file(const struct vc_graph *g, const char *path,
                                          double time_a, double time_b,
                                          const struct vc_export_opts *opts,
                                          struct vc_error *err);

#ifdef __cplusplus
}
#endif

#endif
