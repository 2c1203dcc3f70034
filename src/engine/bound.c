/*
 * bound.c - upper bounds on impacts from the items' impacts.
 *
 * Why they hold (docs/model.md, "Bounds instead of extractions" has the
 * proof): every node's loss is the largest of a few non-negative linear
 * forms of its inputs' losses and of the losses seeded into it, capped at
 * 1, when spare capacity is 0 and losses go downstream only.  Such a
 * propagation's least fixed point grows at most additively and
 * proportionally with its seeds, so extracting an actor, which seeds its
 * share into each item it provides, costs at most the share-weighted sum
 * of the items' own impacts.  An actor that also supplies other actors, or
 * whose share is an estimate, or that is final, is left to the exact
 * extraction.
 */
#include <math.h>

#include "bound.h"

bool vc_bound_valid(const struct vc_model *m, const struct vc_engine_opts *opts)
{
    if (opts->spare != 0 || opts->shock != VC_SHOCK_DOWNSTREAM || !m->n_finals)
        return false;
    for (size_t k = 0; k < m->n_finals; k++)
        if (m->chain->kind[m->finals[k]] != VC_KIND_ITEM)
            return false;
    return true;
}

void vc_bound_actors(const struct vc_model *m, const double *item_impact, double *bound)
{
    for (size_t v = 0; v < m->n; v++) {
        double sum = 0;
        bool ok = m->chain->kind[v] == VC_KIND_ACTOR && m->node_final_w[v] == 0;
        for (uint32_t j = m->dep_start[v]; ok && j < m->dep_start[v + 1]; j++) {
            uint8_t kind = m->dep_kind[j];
            if (kind != VC_DEP_PROVIDES_FIRM && kind != VC_DEP_PROVIDES_COUNTRY)
                ok = false; /* a customer, or an estimated share */
            else
                sum += m->dep_coef[j] * item_impact[m->dep[j]];
        }
        bound[v] = ok ? fmin(1.0, sum) : NAN;
    }
}

double vc_bound_provision(double share, double item_impact)
{
    return fmin(1.0, share * item_impact);
}
