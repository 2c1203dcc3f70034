/*
 * vchain/chain.h - what a graph means as a value chain.
 *
 * A struct vc_chain is a read-only view of a struct vc_graph in value-chain
 * terms (docs/model.md): each node is an actor or an item, each edge
 * provides / input_of / variant_of / supplies, with shares as fractions.
 * vc_chain_build() interprets the conventional attributes (kind, relation,
 * share, weight, country, level, aggregate, final, value, label, item,
 * essential, and a supplier's sector), checks them and reports problems
 * with the line of the element concerned.
 *
 * It normalises the graph in place: shares given in percent are rewritten
 * as fractions (and the graph attribute share_unit set to "fraction"), and
 * alpha-2 country codes and country names become ISO alpha-3 codes.
 */
#ifndef VCHAIN_CHAIN_H
#define VCHAIN_CHAIN_H

#include "graph.h"

#ifdef __cplusplus
extern "C" {
#endif

enum vc_kind { VC_KIND_ACTOR, VC_KIND_ITEM, VC_KIND_OTHER };
enum vc_relation {
    VC_REL_PROVIDES,   /* actor -> item, with share */
    VC_REL_INPUT_OF,   /* item -> item, essential input */
    VC_REL_VARIANT_OF, /* item -> item, one kind of the target */
    VC_REL_SUPPLIES,   /* actor -> actor */
    VC_REL_OTHER       /* anything else: kept, not analysed */
};
/* Firms and countries are kept apart: country rows aggregate firm rows. */
enum vc_level { VC_LEVEL_FIRM, VC_LEVEL_COUNTRY };

enum vc_share_scale {
    VC_SHARE_AUTO,     /* fraction, unless graph attribute share_unit = percent */
    VC_SHARE_FRACTION,
    VC_SHARE_PERCENT
};

/* How to read an edge that has no direction (undirected in the file). */
enum vc_direction {
    VC_DIRECTION_REQUIRED,  /* it has none: left out of the propagation (docs/model.md) */
    VC_DIRECTION_AS_WRITTEN /* source -> target as the file lists them */
};

struct vc_chain_opts {
    enum vc_share_scale share_scale;
    double coverage_tolerance; /* warn when a level's shares sum above 1 + this */
    const char *group_by;      /* node attribute naming a supplier's sector; NULL: detect
                                  (sector, industry, nace, ...); must outlive the chain */
    enum vc_direction direction;
};

#define VC_CHAIN_OPTS_INIT { VC_SHARE_AUTO, 0.005, NULL, VC_DIRECTION_REQUIRED }

/* What the chain's final output is (docs/model.md, "Final output"). */
enum vc_final_rule {
    VC_FINAL_NONE,           /* neither items nor actors: nothing to lose */
    VC_FINAL_MARKED_ITEMS,   /* the items marked final */
    VC_FINAL_TERMINAL_ITEMS, /* none marked: the items of the terminal strongly connected
                                components of the item graph (on a DAG, the items that
                                feed no other item) */
    VC_FINAL_MARKED_ACTORS,  /* no items: the actors marked final */
    VC_FINAL_ALL_ACTORS      /* no items, none marked: every actor, by its output */
};

struct vc_chain {
    const struct vc_graph *graph;
    struct vc_chain_opts opts; /* as built (the world after a what-if is built alike) */
    size_t n_nodes, n_edges;
    bool plain;              /* no kind or relation anywhere: actors + supplies */
    enum vc_final_rule final_rule;
    const char *sector_attr; /* the node attribute read as a supplier's sector, or NULL */

    /* per node */
    uint8_t *kind;           /* enum vc_kind */
    uint8_t *level;          /* enum vc_level (actors) */
    uint8_t *aggregate;      /* "various companies": never a control point */
    uint8_t *final;          /* final output: items, or actors (final_rule) */
    double *value;           /* market size; NAN when not given */
    const char **label;      /* label attribute, else the id */
    const char **country;    /* ISO alpha-3 (or as given), NULL when absent */
    const char **sector;     /* actors: the value of sector_attr, NULL when absent */
    double *node_share;      /* actors: a node `share` (its market share), NAN if none */

    /* per edge */
    uint8_t *relation;       /* enum vc_relation */
    double *share;           /* provides: fraction, NAN when unknown */
    double *weight;          /* 1 unless given */
    const char **item;       /* supplies: what is supplied, or NULL */
    uint8_t *essential;      /* 0 where the edge says essential=false, else 1 */
    uint8_t *undirected;     /* supplies, input_of, variant_of without a direction that
                                the analysis leaves out (opts.direction) */

    size_t n_actors, n_items, n_final; /* n_final: final nodes of either kind */
    size_t n_directionless;  /* edges with undirected[e] set */
};

/*
 * Interprets g (see above).  On success *out is filled and must be released
 * with vc_chain_release(); on failure there is nothing to release.  Warnings
 * go to diag (which may turn them into errors when strict).
 */
VC_API enum vc_status vc_chain_build(struct vc_graph *g, const struct vc_chain_opts *opts,
                                     struct vc_chain *out, struct vc_diag *diag,
                                     struct vc_error *err);
VC_API void vc_chain_release(struct vc_chain *c);

VC_API const char *vc_kind_name(enum vc_kind k);
VC_API const char *vc_relation_name(enum vc_relation r);
VC_API const char *vc_level_name(enum vc_level l);
/* The final-output rule in words, e.g. "every actor, weighted by its output". */
VC_API const char *vc_final_rule_text(enum vc_final_rule r);

/*
 * Country codes.  vc_country_alpha3() maps an alpha-3 code, an alpha-2 code
 * or an English name (any case) to the alpha-3 code, or returns NULL.
 * vc_country_name() gives the short English name of an alpha-3 code.
 */
VC_API const char *vc_country_alpha3(const char *code);
VC_API const char *vc_country_name(const char *alpha3);

#ifdef __cplusplus
}
#endif

#endif
