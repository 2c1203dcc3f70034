/*
 * bound.h - upper bounds on the impact of extractions, from the impacts of
 * losing items entirely (docs/model.md, "Bounds instead of extractions").
 *
 * Without spare capacity and with losses carried downstream only, the loss
 * propagation is monotone, subadditive and positively homogeneous in the
 * losses it starts from, so an actor whose output reaches the chain only
 * through its provisions costs at most min(1, sum over its provisions of
 * share * I(item)), I(item) the impact of losing the item entirely.  The
 * analysis extracts exactly only where such a bound could change a verdict
 * or a ranking, and reports the rest as bounds.
 */
#ifndef VC_ENGINE_BOUND_H
#define VC_ENGINE_BOUND_H

#include "model.h"

/* The bound holds for this model under these options (no spare capacity,
 * losses carried downstream only, final output on items). */
bool vc_bound_valid(const struct vc_model *m, const struct vc_engine_opts *opts);

/*
 * Per actor v, bound[v] = min(1, sum of share * item_impact[item]) over
 * its provisions, or NAN when the bound does not apply to it: its loss
 * also reaches customers along supplies links, one of its shares is an
 * estimate (whether its impact rests on the estimate takes the
 * extraction), or it is final itself.  Other nodes get NAN.  item_impact
 * is per node (the items' entries are read).
 */
void vc_bound_actors(const struct vc_model *m, const double *item_impact, double *bound);

/* The bound on extracting the actor of a provision with a known share
 * from its item alone: min(1, share * item_impact). */
double vc_bound_provision(double share, double item_impact);

#endif
