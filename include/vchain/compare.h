/*
 * vchain/compare.h - comparing two scored chains, what-if scenarios, and
 * the mutual dependency of countries.  docs/model.md ("Comparing and
 * mutual dependency") defines every figure; docs/compare.md shows the
 * commands that print them.
 *
 *  - vc_align_nodes() pairs the nodes of two chains (by id, else by label);
 *    vc_compare() diffs two analyses over that alignment: shares per
 *    provision, concentration per item, impact and control points per actor
 *    and per country; vc_comparison_graph() builds one graph of both sides
 *    for the exporters, every node and edge carrying a status and both values.
 *  - A struct vc_scenario is a list of changes (remove an actor or a
 *    country, cap an actor's capacity, set spare capacity), from options or
 *    from a file; vc_whatif_run() propagates it and scores the world after.
 *  - vc_deps_matrix() computes M[A][B], how much of country A's own
 *    production is lost when country B is extracted.
 */
#ifndef VCHAIN_COMPARE_H
#define VCHAIN_COMPARE_H

#include <stdio.h>

#include "engine.h"
#include "export.h"

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

VC_API const char *vc_change_name(enum vc_change c);   /* "same", "new", ... */
VC_API const char *vc_cp_change_name(enum vc_cp_change c); /* "", "gained", "lost", "kept" */

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

/*
 * That graph as a dynamic GEXF 1.3 with two time slices, A at time_a and B
 * at time_b (time_a < time_b), for Gephi's timeline: every node and edge
 * present in the slices its status says; each column pair X_a / X_b one
 * dynamic attribute X.  Opt-in: the static export (include/vchain/export.h)
 * is what every reader understands.  The _file variant writes atomically
 * (vc_outfile).  opts as for the exporters (may be NULL).
 */
VC_API enum vc_status vc_gexf_slices_write(const struct vc_graph *g, double time_a,
                                           double time_b, const struct vc_export_opts *opts,
                                           FILE *out, struct vc_error *err);
VC_API enum vc_status vc_gexf_slices_file(const struct vc_graph *g, const char *path,
                                          double time_a, double time_b,
                                          const struct vc_export_opts *opts,
                                          struct vc_error *err);

/* ---- what-if scenarios ---- */

enum vc_step_kind {
    VC_STEP_REMOVE,          /* name: an actor (id or label) */
    VC_STEP_REMOVE_COUNTRY,  /* name: a country (alpha-3, alpha-2 or name) */
    VC_STEP_CAP,             /* name: an actor; value: the fraction of capacity kept */
    VC_STEP_SPARE            /* value: spare capacity sigma of the others */
};

struct vc_scenario_step {
    enum vc_step_kind kind;
    char *name;              /* malloc'd; NULL for spare */
    double value;
    char *file;              /* where the step was read (malloc'd), or NULL */
    uint32_t line;
};

struct vc_scenario {
    size_t n, cap;
    struct vc_scenario_step *steps;
};

#define VC_SCENARIO_INIT { 0, 0, NULL }

VC_API void vc_scenario_release(struct vc_scenario *s);
VC_API enum vc_status vc_scenario_add(struct vc_scenario *s, enum vc_step_kind kind,
                                      const char *name, double value, struct vc_error *err);
/*
 * Reads changes from a file, one per line: `remove ACTOR`,
 * `remove-country ISO`, `cap ACTOR FRACTION`, `spare S`; blank lines and
 * `#` comments are skipped; an actor may be "quoted".  Errors name
 * path:line.
 */
VC_API enum vc_status vc_scenario_read(struct vc_scenario *s, FILE *f, const char *path,
                                       struct vc_error *err);

/*
 * Turns a scenario into actors' lost fractions for vc_extract(): cut
 * (n_nodes entries, zeroed here) and the spare capacity to use (*spare
 * keeps its value unless a step sets it).  An actor is found by node id,
 * else by label (ignoring case); an unknown or ambiguous name, or a
 * country without actors, is VC_EINVAL naming the step's file and line.
 * Several steps on one actor: the largest cut holds.
 */
VC_API enum vc_status vc_scenario_cut(const struct vc_scenario *s, const struct vc_chain *c,
                                      double *cut, double *spare, struct vc_error *err);

/*
 * A scenario played out: the losses it causes, and the world after it
 * scored and compared with the world before.  The world after is the chain
 * with the removed actors gone and every remaining provision's share
 * rescaled to the market that is left (docs/model.md).
 */
struct vc_whatif {
    double *cut;             /* per node of the chain */
    double *loss;            /* per node: the fraction of its output lost */
    double impact;           /* value-weighted mean loss of the final items */
    double spare;            /* the spare capacity used */
    size_t actors_cut;
    bool converged;
    struct vc_analysis before, after;
    struct vc_graph graph;   /* the world after */
    struct vc_chain chain;
    struct vc_comparison cmp; /* before vs after */
};

VC_API enum vc_status vc_whatif_run(const struct vc_chain *c, const struct vc_engine_opts *opts,
                                    const struct vc_scenario *s, struct vc_whatif *out,
                                    struct vc_error *err);
VC_API void vc_whatif_release(struct vc_whatif *w);

/* ---- mutual dependency of countries ---- */

struct vc_deps {
    size_t n;
    const char **codes;      /* the countries (alpha-3 as in the data; strings of the chain) */
    double *m;               /* n * n, row-major: m[i * n + j] = M[codes[i]][codes[j]];
                                NAN on the diagonal and in rows of countries that
                                provide nothing */
    double *output;          /* per country: sum over its items of weight x its share */
    size_t *items;           /* per country: how many items it provides */
    bool value_weighted;     /* items weighted by their value */
};

/*
 * M[A][B] for every pair of the n countries in codes (alpha-3, alpha-2 or
 * names; each must have actors in the chain): the output-weighted loss of
 * the items A provides when B is extracted, counting only the loss that
 * reaches them through their inputs and variants.  Parallel over
 * opts->threads.  Release *out with vc_deps_release().
 */
VC_API enum vc_status vc_deps_matrix(const struct vc_chain *c, const struct vc_engine_opts *opts,
                                     const char *const *codes, size_t n, struct vc_deps *out,
                                     struct vc_error *err);
VC_API void vc_deps_release(struct vc_deps *d);

#ifdef __cplusplus
}
#endif

#endif
