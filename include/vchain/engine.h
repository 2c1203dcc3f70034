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
 *   node  impact_estimated boolean actors and items: the impact rests on an estimated
 *                                 share (an estimated share carried a loss, and the
 *                                 extraction without the estimates gives less); always
 *                                 false on items
 *   node  share_max       double  actors: largest share held in any item; in a firm
 *                                 network, its largest part of a customer's supply group
 *   node  coverage, hhi, hhi_upper, top_share, n_eff, n_eff_upper
 *                         double  items; hhi <= hhi_upper are the bounds under partial
 *                                 coverage, n_eff = 1 / hhi_upper <= n_eff_upper = 1 / hhi
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
 *   edge  estimated       boolean provides edges: the data gives no share, the engine
 *                                 estimated one (docs/model.md, "Unknown shares")
 *   edge  share_estimate  double  estimated provides edges: that estimate
 *   edge  supply_share    double  supplies links in a firm network: the supplier's part
 *                                 of the customer's supply in the link's group
 *   edge  replaceability, control_point                        supplies links in a
 *                                 firm network: 1 - supply_share, and whether the link
 *                                 is hard to replace and its supplier a control point
 * A column the input carries under one of these names (not written by an
 * earlier run of vchain) is kept, and the result goes to "vchain_" + the
 * name (docs/formats.md, "Result columns").
 *   graph betweenness_method string ("exact" or "sampled:K")
 */
#ifndef VCHAIN_ENGINE_H
#define VCHAIN_ENGINE_H

#include "chain.h"

#ifdef __cplusplus
extern "C" {
#endif

enum vc_variants { VC_VARIANTS_SUBSTITUTE, VC_VARIANTS_ESSENTIAL };

/* How a customer's suppliers stand in for each other (docs/model.md). */
enum vc_suppliers {
    VC_SUPPLIERS_GROUPED,    /* by the edge's item, else the supplier's sector, else one
                                group: substitutes within a group, every group needed */
    VC_SUPPLIERS_SUBSTITUTE, /* all of a customer's suppliers are one group */
    VC_SUPPLIERS_ESSENTIAL   /* every supplier is needed (each its own group) */
};

/* Which way a loss travels along supplies links (item relations always go
 * downstream). */
enum vc_shock {
    VC_SHOCK_DOWNSTREAM, /* a customer loses what its suppliers can no longer deliver */
    VC_SHOCK_UPSTREAM,   /* a supplier loses the sales to customers that lost output */
    VC_SHOCK_BOTH        /* both: the Economic Systemic Risk Index as published */
};

/*
 * Where the analysis may report an upper bound on an impact instead of
 * extracting (docs/model.md, "Bounds instead of extractions"): never (every
 * extraction run), on chains of at least VC_BOUNDS_AUTO_ACTORS actors, or
 * always.  Extractions that a bound could not settle (a verdict, or a
 * place in a ranking down to theta_impact) are always run.
 */
enum vc_bounds { VC_BOUNDS_NEVER, VC_BOUNDS_AUTO, VC_BOUNDS_ALWAYS };
#define VC_BOUNDS_AUTO_ACTORS 10000
#define VC_REACH_UNKNOWN UINT32_MAX

typedef void vc_progress_fn(void *ctx, const char *stage, size_t done, size_t total);

struct vc_engine_opts {
    enum vc_level level;           /* provider level for concentration and control points */
    double spare;                  /* spare capacity sigma of the remaining providers */
    enum vc_variants variants;
    double theta_share;            /* share at or above which a provider is hard to replace */
    double theta_pair;             /* ... or one of <= 2 providers covering at least this */
    double theta_pair_min;         /* ... holding at least this share itself */
    double theta_impact;           /* impact at or above which a provision matters */
    int max_rounds;                /* bound on fixed-point rounds in cycles */
    size_t betweenness_exact_max;  /* nodes; above this betweenness is sampled */
    size_t betweenness_samples;
    unsigned threads;              /* 0: one per core */
    vc_progress_fn *progress;      /* may be NULL */
    void *progress_ctx;
    enum vc_suppliers suppliers;
    enum vc_shock shock;
    double tolerance;              /* a node's loss changing by at most this is not passed
                                      on (docs/model.md); 0: VC_DEFAULT_TOLERANCE */
    enum vc_bounds bounds;         /* default never: every impact exact */
};

#define VC_DEFAULT_TOLERANCE 1e-12

#define VC_ENGINE_OPTS_INIT \
    { VC_LEVEL_FIRM, 0.0, VC_VARIANTS_SUBSTITUTE, 0.5, 0.9, 0.2, 0.1, 1000, 20000, 256, 0, 0, 0, \
      VC_SUPPLIERS_GROUPED, VC_SHOCK_DOWNSTREAM, 0.0, VC_BOUNDS_NEVER }

/* Concentration of one item at one provider level. */
struct vc_concentration {
    double coverage;       /* sum of known shares */
    double hhi, hhi_upper; /* bounds under partial coverage (equal when coverage is 1) */
    double top_share;
    double n_eff;          /* 1 / hhi_upper: the fewest effective providers the data
                              allows (what text and thresholds use) */
    double n_eff_upper;    /* 1 / hhi: the most (equal to n_eff when coverage is 1);
                              both NAN without a named share */
    int providers;         /* rows at this level (aggregates included) */
    int providers_unknown; /* rows without a share */
    int providers_75;      /* providers needed to reach 75 %; -1 if the known shares never do */
    bool estimated;        /* unknown shares were filled in (docs/model.md) */
};

/*
 * One provision (actor a provides item i) as the engine scores it.  Kept
 * small (32 bytes): a chain of ten million edges has millions of them.
 * Its item's concentration at its level is vc_provision_conc(), its
 * replaceability vc_provision_replaceability().
 */
struct vc_provision_score {
    double share;          /* the known share, or the estimate (docs/model.md) */
    double impact;         /* extracting the actor from this item alone; NAN when not
                              computed (only hard-to-replace provisions are) */
    uint32_t edge, actor, item;
    uint8_t level;         /* enum vc_level of the provider's row */
    bool share_known : 1;
    bool impact_bound : 1;    /* impact is an upper bound, below theta_impact (opts.bounds) */
    bool hard_to_replace : 1; /* share >= theta_share, or one of <= 2 covering theta_pair
                                 with share >= theta_pair_min */
    bool control_point : 1;
};

/*
 * One supplies link as the engine scores it (docs/model.md, "Firm control
 * points"): the supplier's part of the customer's supply in the link's
 * group.  Parallel links of one supplier to one customer in one group are
 * one entry (the first edge).
 */
struct vc_supply_score {
    uint32_t edge, supplier, customer;
    const char *group;     /* the group's item or sector; NULL: the customer's only group */
    double share;          /* supplier's weight over the group's weight */
    bool essential;        /* the link is needed (not marked essential=false) */
    bool hard_to_replace;  /* essential and share >= theta_share */
};

/*
 * A supplier as a whole: an actor that supplies someone along supplies
 * links, or carries a node `share`.  Its links are a->supplies[first ..
 * first + n), largest share first.  Control points are judged in firm
 * networks (no items); in a value chain with items they are provisions.
 */
struct vc_firm_score {
    uint32_t actor;
    size_t first, n;       /* its entries in a->supplies */
    size_t customers;      /* distinct customers */
    size_t dependents;     /* customers for which it is hard to replace */
    double share_max;      /* its largest part of a customer's essential group (0: none) */
    uint32_t top_customer; /* where share_max is; UINT32_MAX when none */
    const char *top_group;
    double node_share;     /* the node's market `share`, NAN when not given */
    double impact;         /* extracting it: a->impact[actor] (its ESRI in a firm network) */
    uint32_t stops;        /* final nodes other than itself it alone can stop */
    bool hard_to_replace;  /* share_max or node_share >= theta_share */
    bool control_point;    /* hard to replace, and impact >= theta_impact or stops > 0 */
};

/* A country: all actors whose country it is, at both levels. */
struct vc_country_score {
    const char *code;      /* ISO alpha-3 as in the data */
    size_t actors;
    double impact;         /* extracting every one of them */
    bool impact_estimated; /* the impact rests on an estimated share (docs/model.md) */
    size_t control_points; /* control points held: its actors' provisions at the level
                              each item is analysed at (conc_level), so a country row
                              restating its firms' rows is not counted again; and its
                              suppliers in a firm network */
};

struct vc_analysis {
    const struct vc_chain *chain;
    struct vc_engine_opts opts;
    size_t n;

    /* per node (NAN / 0 where a figure does not apply) */
    double *impact;
    uint8_t *impact_estimated;       /* the impact rests on an estimated share: an
                                        estimated share carried a loss, and without
                                        the estimates the impact is smaller (actors
                                        only: an item's extraction reaches no share) */
    uint8_t *impact_bound;           /* actors: impact is an upper bound, below
                                        theta_impact, not an extraction (opts.bounds) */
    struct vc_concentration *conc;   /* items */
    uint8_t *conc_level;             /* items: the level conc[] describes */
    struct vc_concentration *conc_other; /* items: at the other level, for the
                                        provisions there; NULL when no item has rows
                                        at both levels (read vc_provision_conc()) */
    double *share_max, *replaceability; /* actors */
    uint32_t *spof_finals;
    uint32_t *reach_items, *reach_final; /* VC_REACH_UNKNOWN where not computed: with
                                        bounds, only the items of hard-to-replace
                                        provisions are (docs/model.md) */
    double *pagerank_down, *pagerank_up, *betweenness;
    double *in_strength, *out_strength, *trophic_level;
    uint32_t *in_degree, *out_degree;
    size_t betweenness_samples;      /* 0: exact */
    uint8_t *control_point;          /* actors: hold one; items: have one */

    /* provisions, ranked: control points first (docs/model.md, "Ranking") */
    size_t n_provisions;
    struct vc_provision_score *provisions;

    /* supplies links, by supplier (in the order of firms below), largest share first */
    size_t n_supplies;
    struct vc_supply_score *supplies;
    /* suppliers, ranked: control points first, then by impact, share_max, label */
    size_t n_firms;
    struct vc_firm_score *firms;
    uint32_t *firm_index;            /* per node: its entry in firms, UINT32_MAX if none */

    /* countries, by impact (largest first) */
    size_t n_countries;
    struct vc_country_score *countries;

    size_t n_bounds;   /* impacts (actors' and provisions') that are bounds */
    int rounds;        /* the most evaluations any node needed in one extraction */
    bool converged;    /* every extraction settled within max_rounds */
};

/*
 * Scores every node of a chain: concentration, single points of failure,
 * the impact of extracting every actor, every item and every country,
 * position, control points.  *out is filled on success; release it with
 * vc_analysis_release().  The chain (and its graph) must outlive it.
 * Parallel over opts->threads (never calling igraph from more than one).
 */
VC_API enum vc_status vc_analysis_run(const struct vc_chain *c, const struct vc_engine_opts *opts,
                                      struct vc_analysis *out, struct vc_error *err);
VC_API void vc_analysis_release(struct vc_analysis *a);
/*
 * Address space the analysis's worker threads take beside its data (their
 * stacks, 1 MiB each) for opts->threads = threads (0: one per core): a
 * caller that caps memory adds it to the data's allowance.
 */
VC_API size_t vc_engine_thread_overhead(unsigned threads);

/* Writes the results onto g (the chain's graph) as the columns listed above. */
VC_API enum vc_status vc_analysis_annotate(const struct vc_analysis *a, struct vc_graph *g,
                                           struct vc_error *err);

/*
 * The result columns that vc_analysis_annotate() would not write under
 * their own name on g, because the input carries a column of that name
 * (it keeps it; the result goes to "vchain_" + the name): up to max names
 * into out; returns how many there are.
 */
VC_API size_t vc_result_clashes(const struct vc_graph *g, const char **out, size_t max);

/* The concentration of item at level (enum vc_level): conc[] at the item's
 * own level, conc_other[] at the other one, NULL where there is none.
 * (Inline, as the report, which calls no engine function, reads it too.) */
static inline const struct vc_concentration *vc_item_conc(const struct vc_analysis *a,
                                                          uint32_t item, int level)
{
    if (level == a->conc_level[item])
        return &a->conc[item];
    return a->conc_other ? &a->conc_other[item] : NULL;
}

/* The concentration of p's item at p's level (never NULL: a provision at
 * the other level is why conc_other exists). */
static inline const struct vc_concentration *vc_provision_conc(const struct vc_analysis *a,
                                                               const struct vc_provision_score *p)
{
    return vc_item_conc(a, p->item, p->level);
}

/* p's replaceability: min(1, (1 - share)(1 + spare)). */
static inline double vc_provision_replaceability(const struct vc_analysis *a,
                                                 const struct vc_provision_score *p)
{
    double r = (1.0 - p->share) * (1.0 + a->opts.spare);
    return r < 1.0 ? r : 1.0;
}

/* Why provision p is (or is not) a control point, in words with the numbers. */
VC_API void vc_analysis_reason(const struct vc_analysis *a, const struct vc_provision_score *p,
                               char *buf, size_t size);

/* Why firm f is (or is not) a control point, in words with the numbers. */
VC_API void vc_analysis_firm_reason(const struct vc_analysis *a, const struct vc_firm_score *f,
                                    char *buf, size_t size);

/* The firm score of an actor, or NULL when it supplies nobody and has no node share. */
VC_API const struct vc_firm_score *vc_analysis_firm(const struct vc_analysis *a, uint32_t actor);

/* Index of the country in a->countries (code: alpha-2, alpha-3 or name), or SIZE_MAX. */
VC_API size_t vc_analysis_country(const struct vc_analysis *a, const char *code);

/*
 * A scenario: cut[k] is the fraction of actor k's output lost (0 none,
 * 1 removed; entries for items are ignored).  loss (n entries, may be NULL)
 * receives every node's loss; *impact the value-weighted mean loss of the
 * final items; *rounds (may be NULL) the most evaluations of one node.
 * Fails with VC_EINVAL when a cycle did not settle within max_rounds.
 */
VC_API enum vc_status vc_extract(const struct vc_chain *c, const struct vc_engine_opts *opts,
                                 const double *cut, double *loss, double *impact, int *rounds,
                                 struct vc_error *err);

/* Sets cut[k] = 1 for every actor of country code (alpha-2/3 or name); returns how many. */
VC_API size_t vc_country_cut(const struct vc_chain *c, const char *code, double *cut);

/* A control point another country holds upstream of a country's own production. */
struct vc_dependency {
    size_t provision;     /* index in a->provisions */
    size_t n_items;       /* how many of the country's items it lies upstream of */
    uint32_t example;     /* one of those items */
};

/*
 * Where country `code` depends on others' control points: every control
 * point held by an actor of another country on an item upstream (through
 * input_of and variant_of) of an item the country provides.  *out is
 * malloc'd (free it), in the order of a->provisions.
 */
VC_API enum vc_status vc_analysis_dependencies(const struct vc_analysis *a, const char *code,
                                               struct vc_dependency **out, size_t *n,
                                               struct vc_error *err);

/*
 * One country seen from the analysis: what `vchain rank --country` and the
 * report's country section show.  code is the country as the data names
 * it; own lists every provision of its actors (control points first, as
 * a->provisions ranks them); deps is vc_analysis_dependencies() for it.
 * When no actor of the country is in the data, country is SIZE_MAX, code
 * NULL and the lists empty.
 */
struct vc_country_view {
    const char *asked;           /* the code given (borrowed) */
    size_t country;              /* index in a->countries, or SIZE_MAX */
    const char *code;            /* a->countries[country].code */
    size_t n_own;
    size_t *own;                 /* indices in a->provisions */
    size_t n_deps;
    struct vc_dependency *deps;
};

/* Fills *out (uninitialised) for country code (alpha-2, alpha-3 or name);
 * release it with vc_country_view_release(), also after a failure. */
VC_API enum vc_status vc_country_view(const struct vc_analysis *a, const char *code,
                                      struct vc_country_view *out, struct vc_error *err);
VC_API void vc_country_view_release(struct vc_country_view *v);

/* A firm control point of another country upstream of a country's own firms. */
struct vc_firm_dependency {
    size_t firm;          /* index in a->firms */
    size_t n_firms;       /* how many of the country's firms it lies upstream of */
    uint32_t example;     /* one of those firms */
};

/*
 * Where country `code` depends on others' firm control points: every firm
 * control point of another country that supplies, directly or through
 * other suppliers, a firm of that country.  *out is malloc'd (free it), in
 * the order of a->firms.
 */
VC_API enum vc_status vc_analysis_firm_dependencies(const struct vc_analysis *a,
                                                    const char *code,
                                                    struct vc_firm_dependency **out, size_t *n,
                                                    struct vc_error *err);

#ifdef __cplusplus
}
#endif

#endif
