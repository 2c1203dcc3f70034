/*
 * vchain/whatif.h - what-if scenarios played out on a scored chain.
 * docs/model.md ("What if") has the rules; docs/compare.md the command.
 *
 * A struct vc_scenario (import.h: a list of changes from options or a
 * file) names actors and countries; vc_scenario_cut() resolves them to the
 * fraction of each actor's output lost, and vc_whatif_run() propagates the
 * loss, scores the world after and compares it with the world before.
 */
#ifndef VCHAIN_WHATIF_H
#define VCHAIN_WHATIF_H

#include "compare.h"
#include "engine.h"
#include "import.h"

#ifdef __cplusplus
extern "C" {
#endif

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
 * rescaled to the market that is left, then the scenario's gains written in
 * (vc_gain_steps, opportunity.h; docs/model.md).
 */
struct vc_whatif {
    double *cut;             /* per node of the chain */
    double *loss;            /* per node: the fraction of its output lost */
    uint8_t *loss_estimated; /* per node: 1 when its loss rests on estimated shares
                                (smaller with them read as 0; docs/model.md) */
    double impact;           /* value-weighted mean loss of the final items */
    bool impact_estimated;   /* the impact rests on estimated shares */
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

#ifdef __cplusplus
}
#endif

#endif
