/*
 * vchain/report.h - a self-contained page (HTML with inline SVG and CSS, no
 * script, no fetches, no fonts) that explains a chain's control points.
 *
 * The report renders an analysis; it does not run one.  The graph must
 * carry positions (viz_x, viz_y: see layout.h) for the chain picture.
 * Output is deterministic: the same inputs give the same bytes.
 */
#ifndef VCHAIN_REPORT_H
#define VCHAIN_REPORT_H

#include <stdio.h>

#include "compare.h"
#include "engine.h"

#ifdef __cplusplus
extern "C" {
#endif

struct vc_report_opts {
    const char *title;          /* the input's name */
    const char *date;           /* YYYY-MM-DD, shown in the header */
    const char *params;         /* the analysis parameters in words, or NULL */
    size_t top;                 /* labelled nodes, holders and items shown (default 12) */
    const char *country;        /* a country section for this code, or NULL */
    const struct vc_deps *deps; /* with country: the mutual-dependency matrix, or NULL */
};

#define VC_REPORT_OPTS_INIT { "", "", NULL, 12, NULL, NULL }

/* The whole page. */
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
