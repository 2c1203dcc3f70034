/*
 * vchain/engine.h - scoring a value chain: concentration, single points of
 * failure, disruption impact, position (centrality) and control points.
 *
 * docs/model.md defines every figure.  vc_analysis_run() computes all of
 * them for one chain; vc_analysis_annotate() writes them onto the graph as
 * typed attribute columns (names below), which is how every exporter and
 * table sees them.
 *
 * Columns written by vc_analysis_annotate() (all optional per element: an
 * element the figure does not apply to carries no value):
 *   node  impact          double  actors: value-weighted mean loss of final items when
 *                                 the actor is extracted; items: the same when the item
 *                                 itself is lost entirely
 *   node  share_max       double  actors: largest share held in any item
 *   node  coverage, hhi, hhi_upper, top_share, n_eff          double  items
 *   node  providers, providers_unknown, providers_75          int     items
 *   node  replaceability  double  actors: the lowest over their provisions
 *   node  spof            boolean single point of failure of at least one final item
 *   node  spof_finals     int     how many final items it is a single point of failure of
 *   node  control_point   boolean actors: holds one; items: has one
 *   node  cp_reason       string  why, in words with the numbers
 *   node  pagerank_down, pagerank_up, betweenness, in_strength, out_strength,
 *         trophic_level   double
 *   node  in_degree, out_degree, reach_items, reach_final     int
 *   edge  impact, replaceability   double  provides edges (extraction of the actor from
 *                                          that item alone)
 *   edge  control_point   boolean, cp_reason string           provides edges
 *   graph betweenness_method string ("exact" or "sampled:K")
 */
#ifndef VCHAIN_ENGINE_H
#define VCHAIN_ENGINE_H

#include "chain.h"

#ifdef __cplusplus
extern "C" {
#endif

enum vc_variants { VC_VARIANTS_SUBSTITUTE, VC_VARIANTS_ESSENTIAL };

typedef void vc_progress_fn(void *ctx, const char *stage, size_t done, size_t total);

struct vc_engine_opts {
    enum vc_level level;           /* provider level for concentration and control points */
    double spare;                  /* spare capacity sigma of the remaining providers */
    enum vc_variants variants;
    double theta_share;            /* share at or above which a provider is hard to replace */
    double theta_pair;             /* ... or one of <= 2 providers covering at least this */
    double theta_impact;           /* impact at or above which a provision matters */
    int max_rounds;                /* bound on fixed-point rounds in cycles */
    size_t betweenness_exact_max;  /* nodes; above this betweenness is sampled */
    size_t betweenness_samples;
    unsigned threads;              /* 0: one per core */
    vc_progress_fn *progress;      /* may be NULL */
    void *progress_ctx;
};

#define VC_ENGINE_OPTS_INIT \
    { VC_LEVEL_FIRM, 0.0, VC_VARIANTS_SUBSTITUTE, 0.5, 0.9, 0.1, 1000, 20000, 256, 0, 0, 0 }

/* Concentration of one item at one provider level. */
struct vc_concentration {
    double coverage;       /* sum of known shares */
    double hhi, hhi_upper; /* bounds under partial coverage (equal when coverage is 1) */
    double top_share;
    double n_eff;          /* 1 / hhi */
    int providers;         /* rows at this level (aggregates included) */
    int providers_unknown; /* rows without a share */
    int providers_75;      /* providers needed to reach 75 %; -1 if the known shares never do */
    bool estimated;        /* unknown shares were filled in (docs/model.md) */
};

#ifdef __cplusplus
}
#endif

#endif
