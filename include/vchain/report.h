/*
 * vchain/report.h - a self-contained page (HTML with inline SVG and CSS, no
 * script, no fetches, no fonts) that explains a chain's control points.
 *
 * The report presents what the engine computed; it computes no figure and
 * calls no engine function.  The caller runs the analysis, writes it onto
 * the graph (vc_analysis_annotate: the reasons shown are its cp_reason
 * column) and lays the graph out (vc_layout_compute: positions viz_x,
 * viz_y for the chain picture); for a country section it computes the
 * country's view (vc_country_view, engine.h) and, optionally, the
 * mutual-dependency matrix (vc_deps_matrix, deps.h) and what its control
 * points stand on (vc_clusters_find, cluster.h) and where it could build
 * new ones (vc_opportunities_find, opportunity.h).  Output is
 * deterministic: the same inputs give the same bytes.
 */
#ifndef VCHAIN_REPORT_H
#define VCHAIN_REPORT_H

#include <stdio.h>

#include "cluster.h"
#include "compare.h"
#include "deps.h"
#include "engine.h"
#include "opportunity.h"

#ifdef __cplusplus
extern "C" {
#endif

struct vc_report_opts {
    const char *title;          /* the input's name */
    const char *date;           /* YYYY-MM-DD, shown in the header */
    const char *params;         /* the analysis parameters in words, or NULL */
    size_t top;                 /* labelled nodes, holders and items shown (default 12) */
    /* a country section for this country (vc_country_view), or NULL */
    const struct vc_country_view *country;
    const struct vc_deps *deps; /* with country: the mutual-dependency matrix, or NULL */
    const struct vc_clusters *clusters; /* with country: what its control points stand on,
                                           or NULL */
    /* with country: where it could build control points (its near misses
     * and footholds), or NULL */
    const struct vc_opportunities *opportunities;
};

#define VC_REPORT_OPTS_INIT { "", "", NULL, 12, NULL, NULL, NULL, NULL }

/* The whole page; g is a's chain's graph, annotated and laid out. */
VC_API enum vc_status vc_report_html(const struct vc_graph *g, const struct vc_analysis *a,
                                     const struct vc_report_opts *opts, FILE *out,
                                     struct vc_error *err);
/* The chain picture alone, as an SVG document. */
VC_API enum vc_status vc_report_svg(const struct vc_graph *g, const struct vc_analysis *a,
                                    const struct vc_report_opts *opts, FILE *out,
                                    struct vc_error *err);
/* What changed between two analyses (vchain compare --report). */
VC_API enum vc_status vc_report_compare_html(const struct vc_comparison *c,
                                             const char *name_a, const char *name_b,
                                             const struct vc_report_opts *opts, FILE *out,
                                             struct vc_error *err);

#ifdef __cplusplus
}
#endif

#endif
