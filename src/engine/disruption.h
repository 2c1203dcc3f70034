/*
 * disruption.h - hypothetical extraction: what each item loses when actors
 * lose (part of) their output.  docs/model.md, "Disruption", has the rules.
 *
 * A struct vc_prop is one thread's workspace.  A scenario is set on it
 * (actors' lost fractions, or one provision, or one item forced to total
 * loss), propagated, read, and reset; only the nodes whose loss changed are
 * touched, so an extraction costs its downstream cone, not the graph.
 */
#ifndef VC_ENGINE_DISRUPTION_H
#define VC_ENGINE_DISRUPTION_H

#include "model.h"

/*
 * What one extraction keeps per node, in one place (a node's update reads
 * and writes one cache line): its own cut, and running sums of what
 * reaches it.  An item: the removed share at each provider level, the
 * worst essential input, the variants' weighted loss (or worst).  An
 * actor: the worst essential group of suppliers, the linear loss of the
 * inputs that are not essential, the sales lost to customers (upstream).
 */
struct vc_node_state {
    double cut;          /* actors: own lost fraction */
    double s[4];
    uint16_t evals;      /* evaluations that changed its loss */
    uint8_t queued;      /* waiting in the worklist */
    uint8_t touched;     /* listed in touched[] */
};

struct vc_prop {
    const struct vc_model *m;
    const struct vc_engine_opts *opts;
    double *loss;        /* per node, the current loss */
    struct vc_node_state *st; /* per node */
    double *acc_grp;     /* per essential supplier group (model slot): its weighted loss */
    uint64_t *pending;   /* nodes waiting, as bits indexed by topological rank */
    uint64_t *summary;   /* a bit per word of pending: set when the word has one */
    size_t cursor;       /* the rank the scan of pending goes on from (it wraps around) */
    bool running;        /* in vc_prop_run: pushes wait for the scan to come round */
    size_t n_pending;
    uint32_t *touched;   /* nodes whose loss or sums are non-zero */
    size_t n_touched;
    uint32_t cut_edge;   /* a single provision extracted, or UINT32_MAX */
    uint32_t forced;     /* an item lost entirely, or UINT32_MAX */
    int max_evals;       /* largest number of evaluations of one node */
    bool converged;
    bool used_estimate;  /* a provision with an estimated share carried a loss */
    bool skip_estimates; /* set before a run: read estimated shares as 0 (to see
                            whether a figure rests on them; docs/model.md) */
};

enum vc_status vc_prop_init(struct vc_prop *p, const struct vc_model *m,
                            const struct vc_engine_opts *opts);
void vc_prop_release(struct vc_prop *p);

/* Scenario set-up; then vc_prop_run(). */
void vc_prop_cut_actor(struct vc_prop *p, uint32_t actor, double fraction);
void vc_prop_cut_provision(struct vc_prop *p, uint32_t edge, uint32_t item);
void vc_prop_force_item(struct vc_prop *p, uint32_t item);
/* A provider of item at level holding share lost (a provision that need not
 * exist: what a position of that share would cost; docs/model.md,
 * "Opportunities").  The naive pass does not know it. */
void vc_prop_cut_share(struct vc_prop *p, uint32_t item, enum vc_level level, double share);
void vc_prop_run(struct vc_prop *p);
/* Value-weighted mean loss of the final items. */
double vc_prop_impact(const struct vc_prop *p);
/* Back to no scenario (cost: the nodes touched). */
void vc_prop_reset(struct vc_prop *p);

/*
 * The loss that reaches item v through its essential inputs and variants
 * alone, from the losses in loss[] (per node, e.g. p->loss after a run):
 * the item's loss rule without its own providers' term (docs/model.md,
 * "Comparing and mutual dependency").  0 for an item nothing feeds.
 */
double vc_input_loss(const struct vc_model *m, const struct vc_engine_opts *opts,
                     const double *loss, uint32_t v);

/*
 * The part of that which comes through v's essential inputs (input_of)
 * alone: the loss of its scarcest input.  What reaches an item through its
 * variants is its co-providers' loss in a sub-market, not a cut in its own
 * providers' supply (the mutual dependency of countries counts only this).
 */
double vc_essential_loss(const struct vc_model *m, const double *loss, uint32_t v);

/* The peer to beat: one full pass (or passes, on cycles) over every node. */
void vc_prop_run_naive(struct vc_prop *p);

#endif
