/*
 * model.h - the chain in the shape the engine computes on.
 *
 * Compressed adjacency lists built once from a struct vc_chain:
 *  - per item, its provisions (actor, share, level), with unknown shares
 *    estimated (docs/model.md, "Unknown shares");
 *  - per item, its essential inputs and its variants (with weights);
 *  - per actor, its suppliers grouped by what they supply (or their sector);
 *  - per node, the nodes whose loss depends on it (for propagation);
 *  - a topological order of that dependency graph (cycles at the end);
 *  - the final items and their weights.
 */
#ifndef VC_ENGINE_MODEL_H
#define VC_ENGINE_MODEL_H

#include "vchain/engine.h"

struct vc_provision_ref {
    uint32_t actor;
    uint32_t edge;
    double share;    /* known, or estimated when !known */
    uint8_t known;
    uint8_t level;   /* the provider's enum vc_level */
};

enum vc_dep_kind {
    VC_DEP_PROVIDES_FIRM,   /* provider -> item, a firm-level row */
    VC_DEP_PROVIDES_COUNTRY,/* provider -> item, a country-level row */
    VC_DEP_INPUT,           /* essential input -> item */
    VC_DEP_VARIANT,         /* variant -> broader item */
    VC_DEP_SUPPLY,          /* supplier -> actor, an essential link (in a group) */
    VC_DEP_SUPPLY_LINEAR,   /* supplier -> actor, a link marked essential=false */
    VC_DEP_PROVIDES_FIRM_EST,   /* as the two provides kinds, with an estimated share */
    VC_DEP_PROVIDES_COUNTRY_EST /* (a kind of their own: no cost on known shares) */
};

struct vc_model {
    const struct vc_chain *chain;
    size_t n, m;

    /* item -> provisions, sorted by share (largest first) within the item */
    uint32_t *prov_start;
    struct vc_provision_ref *prov;
    uint8_t *has_level;           /* per item: bit l set when it has rows at level l */
    double *covered;              /* per item and level (2 * item + level): the shares
                                     of its rows, estimates included */

    /* item -> essential inputs (input_of sources) */
    uint32_t *in_start, *in_src;
    /* item -> variants, with weights */
    uint32_t *var_start, *var_src, *var_edge;
    double *var_w;
    /*
     * actor (customer) -> suppliers, grouped (docs/model.md, "Firm networks"):
     * entries of edges needed (essential) first, a group's entries
     * contiguous and numbered from 0 per customer; then the entries of edges
     * marked essential=false, which count linearly.  Per entry j:
     */
    uint32_t *sup_start, *sup_src, *sup_edge, *sup_group;
    uint32_t *sup_slot;           /* essential: slot_start[customer] + group; else UINT32_MAX */
    const char **sup_key;         /* the group's item or sector, NULL for one unnamed group */
    uint8_t *sup_ess;             /* 1: essential (substitutes within its group) */
    double *sup_w;                /* link weight */
    double *sup_share;            /* w over its group's weight: its part of that supply */
    double *sup_coef;             /* the loss it passes on: share (essential), or w over
                                     what the customer uses (not essential): its value
                                     when larger than what it buys in the network */
    double *sup_up;               /* upstream: w over the supplier's output X */
    uint32_t *sup_of_edge;        /* per edge: its entry j, UINT32_MAX if not a supplies entry */
    uint32_t *slot_start;         /* per customer: its essential groups' slots */
    size_t n_slots;
    double *bought;               /* per customer: the weight of all its supplies links in */

    /* node -> nodes whose loss depends on it, with how (for O(1) updates) */
    uint32_t *dep_start, *dep;
    uint8_t *dep_kind;            /* enum vc_dep_kind */
    double *dep_coef;             /* provides: the (estimated) share; variant_of: the
                                     variant's weight over the sum of its siblings';
                                     supplies: sup_coef of its entry */
    uint32_t *dep_aux;            /* essential supplies: the group's slot (slot_start) */
    double *dep_up;               /* supplies: the upstream coefficient, w / U of the
                                     supplier (sup_up of the entry) */
    uint32_t *rank;               /* position in order[] */
    uint32_t *order;              /* topological order; cyclic nodes last */
    size_t n_ordered;             /* order[0 .. n_ordered) is acyclic */

    double *output;               /* actors: value, else throughput (docs/model.md) */
    double *sales;                /* actors: the weight of their supplies links out */

    uint32_t *finals;
    double *final_w;              /* normalised to sum 1 */
    double *node_final_w;         /* per node: its final weight, 0 when not final */
    size_t n_finals;
};

/* opts (may be NULL: defaults) decides how suppliers are grouped. */
enum vc_status vc_model_build(const struct vc_chain *c, const struct vc_engine_opts *opts,
                              struct vc_model *out, struct vc_error *err);
void vc_model_release(struct vc_model *m);

/* The share an actor loses in an item when it loses fraction loss of its output. */
static inline size_t vc_model_providers(const struct vc_model *m, size_t item)
{
    return m->prov_start[item + 1] - m->prov_start[item];
}

#endif
