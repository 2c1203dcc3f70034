/*
 * vchain/compare.h - comparing two scored chains.  docs/model.md
 * ("Comparing and mutual dependency") defines every figure; docs/compare.md
 * shows the commands that print them.
 *
 * vc_align_nodes() pairs the nodes of two chains (by id, else by label);
 * vc_compare() diffs two analyses over that alignment: shares per
 * provision, concentration per item, impact and control points per actor
 * and per country; vc_comparison_graph() builds one graph of both sides for
 * the exporters, every node and edge carrying a status and both values
 * (export.h's vc_gexf_slices_write() writes it with two time slices).
 * What-if scenarios are in whatif.h, the mutual dependency of countries in
 * deps.h.
 */
#ifndef VCHAIN_COMPARE_H
#define VCHAIN_COMPARE_H

#include "engine.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A change smaller than this is no change ("same"). */
#define VC_COMPARE_EPS 1e-9

/* ---- aligning two chains ---- */

enum vc_align {
    VC_ALIGN_AUTO,   /* by id; nodes whose id the other side lacks, by label */
    VC_ALIGN_ID,
    VC_ALIGN_LABEL
};

enum vc_match {
    VC_MATCH_NONE,      /* on one side only */
    VC_MATCH_ID,
    VC_MATCH_LABEL,
    VC_MATCH_AMBIGUOUS  /* its label names several candidates: left unaligned */
};

/*
 * Pairs of nodes.  Two nodes align only when they are of the same kind
 * (actor, item); labels are compared ignoring case and surrounding
 * whitespace, and a label aligns only when exactly one unaligned node of
 * that kind carries it on each side.
 */
struct vc_alignment {
    size_t n_a, n_b;
    uint32_t *a_to_b;    /* per node of A: its node in B, or UINT32_MAX */
    uint32_t *b_to_a;
    uint8_t *how_a;      /* per node of A: enum vc_match */
    uint8_t *how_b;
    size_t by_id, by_label, only_a, only_b;
};

VC_API enum vc_status vc_align_nodes(const struct vc_chain *a, const struct vc_chain *b,
                                     enum vc_align how, struct vc_alignment *out,
                                     struct vc_error *err);
VC_API void vc_alignment_release(struct vc_alignment *al);
VC_API const char *vc_match_name(enum vc_match m);

/* ---- comparing two analyses ---- */

enum vc_change { VC_CHANGE_SAME, VC_CHANGE_NEW, VC_CHANGE_GONE, VC_CHANGE_GREW,
                 VC_CHANGE_SHRANK };
/* A control point in A, in B, or in both. */
enum vc_cp_change { VC_CP_NONE, VC_CP_GAINED, VC_CP_LOST, VC_CP_KEPT };

/* "same", "new", "gone", "grew", "shrank": part of the type, so that
 * presenters (the report) name a status without calling the engine. */
static inline const char *vc_change_name(enum vc_change c)
{
    switch (c) {
    case VC_CHANGE_NEW: return "new";
    case VC_CHANGE_GONE: return "gone";
    case VC_CHANGE_GREW: return "grew";
    case VC_CHANGE_SHRANK: return "shrank";
    case VC_CHANGE_SAME: break;
    }
    return "same";
}

/* "", "gained", "lost", "kept" */
static inline const char *vc_cp_change_name(enum vc_cp_change c)
{
    switch (c) {
    case VC_CP_GAINED: return "gained";
    case VC_CP_LOST: return "lost";
    case VC_CP_KEPT: return "kept";
    case VC_CP_NONE: break;
    }
    return "";
}

/* One provision (an actor providing an item), on either side or both. */
struct vc_cmp_provision {
    size_t pa, pb;            /* index in a->provisions / b->provisions, or SIZE_MAX */
    double share_a, share_b;  /* NAN on the side it is absent from */
    double d_share;           /* share_b - share_a, an absent side counting 0 */
    enum vc_change status;    /* new: a provider entering; gone: leaving */
    enum vc_cp_change cp;
};

/* One actor or item. */
struct vc_cmp_node {
    uint32_t a, b;            /* node in A / B, or UINT32_MAX */
    double impact_a, impact_b, d_impact;
    /* items: concentration at the analysis' level (NAN without rows) */
    double hhi_a, hhi_b, d_hhi, top_a, top_b;
    int providers_a, providers_b;
    size_t entered, left;     /* providers entering and leaving */
    /* actors: control points held; items: control points on it */
    size_t cp_a, cp_b, cp_gained, cp_lost, cp_kept;
    enum vc_change status;    /* actors: of impact; items: of HHI */
    double change;            /* |the figure's change|; a side alone: its value */
};

struct vc_cmp_country {
    const char *code;
    size_t actors_a, actors_b;
    double impact_a, impact_b, d_impact;
    size_t cp_a, cp_b, cp_gained, cp_lost, cp_kept;
    enum vc_change status;    /* of impact */
};

struct vc_comparison {
    const struct vc_analysis *a, *b;
    struct vc_alignment align;
    /* each sorted by size of change, largest first; ties by label */
    size_t n_provisions;
    struct vc_cmp_provision *provisions;
    size_t n_items, n_actors, n_countries;
    struct vc_cmp_node *items, *actors;
    struct vc_cmp_country *countries;
    size_t cp_gained, cp_lost, cp_kept;
};

/*
 * Diffs two analyses (of two chains, or of one chain under two settings).
 * Both analyses and their chains must outlive *out; release it with
 * vc_comparison_release().
 */
VC_API enum vc_status vc_compare(const struct vc_analysis *a, const struct vc_analysis *b,
                                 enum vc_align how, struct vc_comparison *out,
                                 struct vc_error *err);
VC_API void vc_comparison_release(struct vc_comparison *c);

/*
 * Both sides as one graph for the exporters (docs/compare.md, "Exporting"):
 * the union of the nodes and of the edges, aligned; every node and edge
 * carries status (new, gone, grew, shrank, same), the values of both sides
 * (impact_a, impact_b, d_impact, hhi_*, share_a, share_b, d_share, ...),
 * cp_status (gained, lost, kept), and node colour columns viz_r, viz_g,
 * viz_b by status.  Node k of A is node k of the graph (A's nodes come
 * first, in order; then B's unaligned ones).  *out is initialised here;
 * release it with vc_graph_release().
 */
VC_API enum vc_status vc_comparison_graph(const struct vc_comparison *c, struct vc_graph *out,
                                          struct vc_error *err);

/* The status colours (Okabe-Ito), as the graph above writes them. */
VC_API void vc_change_rgb(enum vc_change c, uint8_t rgb[3]);

#ifdef __cplusplus
}
#endif

#endif
