/*
 * vchain/opportunity.h - where a country could build control points.
 * docs/model.md ("Opportunities", "Gains") has the rules.
 *
 * - A gain: a country, or one of its actors, reaches a share of an item,
 *   the other providers at that level scaled down proportionally;
 *   vc_gain_apply() writes it into a graph (the world after a what-if).
 * - The dependency balance of two countries, M[A][B] against M[B][A]
 *   (deps.h), before and after a change of the chain.
 * - Opportunities: a country's near misses (provisions that fail one of the
 *   two control-point tests) and footholds (items that matter and are
 *   concentrated abroad, where it has a share or holds a neighbour), each
 *   with the share it would need, the impact it would carry there, who
 *   holds the item now and what reaching it would do to the balance.
 * All are computed from a finished struct vc_analysis with a few targeted
 * extractions; nothing here changes the analysis.
 */
#ifndef VCHAIN_OPPORTUNITY_H
#define VCHAIN_OPPORTUNITY_H

#include <math.h> /* NAN, for VC_OPP_OPTS_INIT */

#include "engine.h"
#include "knowledge.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- gains ---- */

struct vc_gain {
    uint32_t actor;        /* the actor that gains, or UINT32_MAX: the country's providers
                              at the item's level (a new provider when it has none) */
    const char *country;   /* the actor's country, or the country that gains (as the
                              data spells it); may be NULL for an actor without one */
    uint32_t item;
    enum vc_level level;   /* the level of the providers that change */
    double share;          /* the share reached, in [0,1] */
};

/*
 * Resolves a gain "HOLDER:ITEM" in chain c: HOLDER a country (alpha-3,
 * alpha-2 or name) with actors in c, else an actor by id, else by label
 * (any case); ITEM an item by id, else by label.  A country gains at the
 * level the item is analysed at (preferred, when it has rows there, else
 * the other); an actor at its own level, which the item must have rows at
 * (or none at all).  An unknown or ambiguous name, an aggregate, or a
 * share outside [0,1] is VC_EINVAL naming file:line (file may be NULL).
 */
VC_API enum vc_status vc_gain_resolve(const struct vc_chain *c, enum vc_level preferred,
                                      const char *spec, double share, const char *file,
                                      uint32_t line, struct vc_gain *out, struct vc_error *err);

/*
 * Writes gain into g, the graph c was built from (c is read, g changed:
 * rebuild the chain afterwards).  At the gaining level the holder's share
 * becomes gain->share (several providers of a country grow in proportion)
 * and every other known share is scaled by (1 - share) / (1 - before);
 * unknown shares stay unknown.  A gain of a firm also moves its country's
 * own row, when the item has country rows, by the same amount.  Adds a
 * provides edge where the holder had none, and a node "new provider
 * (CODE)" where a country has no provider at that level.
 */
VC_API enum vc_status vc_gain_apply(struct vc_graph *g, const struct vc_chain *c,
                                    const struct vc_gain *gain, struct vc_error *err);

/*
 * Every "gain" step of scenario s applied in turn to g and its chain c
 * (each resolved in the chain as it stands, which is rebuilt after each
 * with copts; warnings go to diag).  Steps of other kinds are ignored.
 */
struct vc_scenario;
VC_API enum vc_status vc_gain_steps(const struct vc_scenario *s, enum vc_level preferred,
                                    struct vc_graph *g, struct vc_chain *c,
                                    const struct vc_chain_opts *copts, struct vc_diag *diag,
                                    struct vc_error *err);

/* ---- the dependency balance ---- */

/* A against B, before and after: M[A][B] is how much of A's own production
 * is lost when B is extracted (deps.h).  A's leverage over B is
 * M[B][A] - M[A][B]. */
struct vc_balance_row {
    const char *code;                 /* B */
    double ab_before, ba_before;      /* M[A][B], M[B][A] before */
    double ab_after, ba_after;        /* ... and after (NAN where B or A has no actor) */
};

struct vc_balance {
    const char *country;              /* A */
    size_t n;
    struct vc_balance_row *rows;      /* in the order of the codes given */
};

/*
 * A's balance with each of the countries in codes (those without actors in
 * before, and A itself, are skipped), in chain before and in chain after.
 * Release with vc_balance_release().
 */
VC_API enum vc_status vc_balance_compute(const struct vc_chain *before,
                                         const struct vc_chain *after,
                                         const struct vc_engine_opts *opts, const char *country,
                                         const char *const *codes, size_t n,
                                         struct vc_balance *out, struct vc_error *err);
VC_API void vc_balance_release(struct vc_balance *b);

/* ---- opportunities ---- */

enum vc_opp_kind {
    VC_OPP_NEAR_IMPACT,       /* near miss: hard to replace, but its impact is below θ_impact */
    VC_OPP_NEAR_SHARE,        /* near miss: it matters, but it is replaceable */
    VC_OPP_FOOTHOLD_SHARE,    /* foothold: a share that passes neither test, in an item that
                                 matters and is concentrated abroad */
    VC_OPP_FOOTHOLD_NEIGHBOUR /* foothold: no share, but a neighbouring item held */
};

/* How the neighbouring item the country holds is linked to the item. */
enum vc_neighbour {
    VC_NEIGHBOUR_NONE,
    VC_NEIGHBOUR_INPUT,       /* it is an essential input of the item */
    VC_NEIGHBOUR_USER,        /* the item is an essential input of it */
    VC_NEIGHBOUR_VARIANT,     /* it is a variant (one kind) of the item */
    VC_NEIGHBOUR_CATEGORY     /* the item is a variant of it */
};

#define VC_OPP_TOP_HOLDERS 3

struct vc_opportunity {
    enum vc_opp_kind kind;
    uint32_t item;
    enum vc_level level;      /* the level the item is analysed at */
    uint32_t actor;           /* who would gain: the country's provider, the holder of the
                                 neighbour, or UINT32_MAX (a new provider of the country) */
    size_t provision;         /* the country's provision (index in a->provisions), or SIZE_MAX */
    double share;             /* now (0 without one; the estimate when share_estimated) */
    bool share_estimated;
    bool hard_now;
    double impact;            /* now: extracting that share of the item (NAN without a share
                                 or with an estimated one) */
    double share_hard;        /* the least share at which it is hard to replace */
    double share_matters;     /* the least share whose extraction costs θ_impact (0 when the
                                 item or the actor alone stops a final item); NAN: none does */
    double share_needed;      /* both tests: max of the two; NAN when out of reach */
    double impact_needed;     /* the impact at share_needed (NAN when out of reach) */
    double item_impact;       /* losing the whole item */
    const char *abroad;       /* the foreign country holding most of the item (its country
                                 row, or its firms' shares added up), or NULL */
    double abroad_share;
    double closeness;         /* near misses: the failed figure over its threshold;
                                 footholds: share / share_needed (0 when out of reach) */
    uint32_t neighbour;       /* the neighbouring item held, or UINT32_MAX */
    enum vc_neighbour relation;
    double neighbour_share;
    size_t n_top;             /* the largest providers now, at the item's level */
    uint32_t top[VC_OPP_TOP_HOLDERS];
    double top_share[VC_OPP_TOP_HOLDERS];
    uint32_t main_holder;     /* the largest provider of another country, or UINT32_MAX */
    const char *main_country; /* its country (B), or NULL */
    double ab_now, ba_now;    /* M[country][B], M[B][country] now (NAN when not computed) */
    double ab_after, ba_after;/* after the country reaches share_needed */
    struct vc_knowledge knowledge;
    char knowledge_text[192];
    char reason[1024];
};

struct vc_opp_opts {
    double min_knowledge;     /* keep rows whose knowledge figure is at least this; NAN: all */
    size_t top;               /* at most this many of each kind (near misses, footholds); 0: all */
};

#define VC_OPP_OPTS_INIT { NAN, 0 }

struct vc_opportunities {
    const char *country;      /* as the data spells it, or NULL when it has no actor */
    size_t n, n_near;         /* v[0 .. n_near) near misses, then footholds */
    struct vc_opportunity *v;
    size_t left_out_knowledge;/* rows --min-knowledge left out */
    size_t more_near, more_footholds; /* rows beyond top */
    const char *knowledge_attr; /* the chain's knowledge attribute, or NULL */
};

/*
 * The opportunities of country code (alpha-3, alpha-2 or name) in a: near
 * misses ranked by closeness, footholds by the share still to gain.  None
 * is a control point the country holds, nor on an item where it holds one.
 * A country without actors gives an empty list (country NULL).  Release
 * with vc_opportunities_release(), also after a failure.
 */
VC_API enum vc_status vc_opportunities_find(const struct vc_analysis *a, const char *code,
                                            const struct vc_opp_opts *o,
                                            struct vc_opportunities *out, struct vc_error *err);
VC_API void vc_opportunities_release(struct vc_opportunities *o);

static inline const char *vc_opp_kind_name(enum vc_opp_kind k)
{
    switch (k) {
    case VC_OPP_NEAR_IMPACT: return "near miss: impact";
    case VC_OPP_NEAR_SHARE: return "near miss: share";
    case VC_OPP_FOOTHOLD_SHARE: return "foothold: share";
    case VC_OPP_FOOTHOLD_NEIGHBOUR: return "foothold: neighbour";
    }
    return "?";
}

static inline const char *vc_neighbour_name(enum vc_neighbour r)
{
    switch (r) {
    case VC_NEIGHBOUR_INPUT: return "an input of it";
    case VC_NEIGHBOUR_USER: return "made with it";
    case VC_NEIGHBOUR_VARIANT: return "a variant of it";
    case VC_NEIGHBOUR_CATEGORY: return "its category";
    case VC_NEIGHBOUR_NONE: break;
    }
    return "";
}

#ifdef __cplusplus
}
#endif

#endif
