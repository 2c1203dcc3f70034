/*
 * vchain/summary.h - what `vchain info` reports about a graph.
 */
#ifndef VCHAIN_SUMMARY_H
#define VCHAIN_SUMMARY_H

#include "chain.h"

#ifdef __cplusplus
extern "C" {
#endif

struct vc_coverage_issue {
    size_t item;             /* node index */
    enum vc_level level;
    double coverage;         /* sum of known shares at that level */
};

struct vc_summary {
    size_t n_nodes, n_edges;
    bool directed;           /* the graph's default */
    size_t n_undirected;     /* edges marked undirected */
    size_t kinds[3];         /* by enum vc_kind */
    size_t relations[5];     /* by enum vc_relation */
    size_t actors_by_level[2];
    size_t aggregates, final_items, final_actors;
    size_t provides_unknown_share;
    size_t self_loops;
    size_t parallel_edges;   /* edges repeating an earlier edge's (source, target) */
    size_t components;       /* weakly connected */
    bool acyclic;            /* over directed edges, self-loops included */
    size_t n_coverage_issues;
    struct vc_coverage_issue *coverage_issues; /* items above 100 % */
};

/* Fills *s (uninitialised) from a chain.  Release with vc_summary_release(). */
VC_API enum vc_status vc_summary_compute(const struct vc_chain *c, double tolerance,
                                         struct vc_summary *s, struct vc_error *err);
VC_API void vc_summary_release(struct vc_summary *s);

#ifdef __cplusplus
}
#endif

#endif
