/*
 * firms.h - suppliers in a firm network as the engine scores them
 * (firms.c; docs/model.md, "Firm control points").
 */
#ifndef VC_ENGINE_FIRMS_H
#define VC_ENGINE_FIRMS_H

#include "model.h"

/* Whether the chain is a firm network: no items, final output is actors. */
bool vc_firm_network(const struct vc_chain *c);

/*
 * Fills a->supplies, a->firms and a->firm_index from the model's supplier
 * lists, once a->impact and a->spof_finals are known; in a firm network it
 * also sets the control-point flags, share_max and replaceability of the
 * suppliers.  VC_ENOMEM on failure (the caller reports it).
 */
enum vc_status vc_firms_score(struct vc_analysis *a, const struct vc_model *m);

#endif
