/*
 * vchain/layout.h - node positions for the exporters.
 *
 * vc_layout_compute() writes each node's position into the node columns
 * viz_x and viz_y (double), which every exporter turns into the format's
 * position (GEXF viz:position, Gephi's GraphML x and y, JSON x and y).
 *
 *   layered  x = the node's trophic level (node column trophic_level, the
 *            engine's) or, without one, its stage depth: 1 + the longest
 *            directed path reaching it (cycles broken where a depth-first
 *            search meets them); y spreads the nodes of a layer apart, in
 *            the order of their predecessors' mean y, ties by input order.
 *            Where igraph's Sugiyama layout (several barycentre sweeps over
 *            the same layers) crosses fewer edges, its order within each
 *            layer is taken instead (graphs of up to 20,000 edges).  A
 *            picture more than max_aspect times as high as wide has its
 *            tall layers split into sub-columns (half a layer gap apart,
 *            filled row by row, so the order still reads top to bottom),
 *            as few as make it fit.  Deterministic.
 *   fr, drl  igraph's Fruchterman-Reingold and DrL force-directed layouts
 *            (seeded, so repeatable), centred and scaled to the layered
 *            layout's spacing.
 *   none     positions are left as they are (e.g. read from a GEXF file).
 */
#ifndef VCHAIN_LAYOUT_H
#define VCHAIN_LAYOUT_H

#include "graph.h"

#ifdef __cplusplus
extern "C" {
#endif

enum vc_layout { VC_LAYOUT_LAYERED, VC_LAYOUT_FR, VC_LAYOUT_DRL, VC_LAYOUT_NONE };

struct vc_layout_opts {
    double layer_gap;   /* x distance between consecutive levels */
    double row_gap;     /* y distance between nodes of one layer */
    unsigned long seed; /* for fr and drl */
    double max_aspect;  /* layered: height at most this times the width (0: any) */
    bool sugiyama;      /* layered: try igraph's Sugiyama order, keep the better */
};

#define VC_LAYOUT_OPTS_INIT { 200.0, 60.0, 42, 3.0, true }

/* Parses layered|fr|drl|none. */
VC_API bool vc_layout_parse(const char *s, enum vc_layout *out);

/*
 * Writes viz_x and viz_y for every node of g (replacing earlier values).
 * opts may be NULL.  Returns VC_OK, VC_ENOMEM or VC_EIGRAPH.
 */
VC_API enum vc_status vc_layout_compute(struct vc_graph *g, enum vc_layout layout,
                                        const struct vc_layout_opts *opts,
                                        struct vc_error *err);

/*
 * How many pairs of edges cross when drawn as straight lines between the
 * positions x[], y[] (edges sharing a node never count; edges within one
 * column, x equal at both ends, are left out).  -1 when out of memory.
 * O(S log S) for S edge-strip incidences, strips cut at every node's x.
 */
VC_API long vc_layout_crossings(const struct vc_graph *g, const double *x, const double *y);

#ifdef __cplusplus
}
#endif

#endif
