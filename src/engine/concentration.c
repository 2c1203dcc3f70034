/*
 * concentration.c - how concentrated each item's market is, per provider
 * level: coverage, HHI bounds, top share, effective number of providers,
 * providers needed to reach 75 %.  docs/model.md, "Concentration".
 * Without a named provider with a known share there is no HHI (NAN).
 */
#include <math.h>
#include <string.h>

#include "concentration.h"

void vc_concentration_of(const struct vc_model *m, size_t item, enum vc_level level,
                         struct vc_concentration *out)
{
    const struct vc_chain *c = m->chain;
    double hhi = 0, named = 0;
    int counted75 = 0, named_known = 0;

    memset(out, 0, sizeof(*out));
    out->providers_75 = -1;
    /* Provisions are sorted by share, largest first (model.c). */
    for (uint32_t j = m->prov_start[item]; j < m->prov_start[item + 1]; j++) {
        const struct vc_provision_ref *p = &m->prov[j];
        if (p->level != level)
            continue;
        out->providers++;
        if (!p->known) {
            out->providers_unknown++;
            continue;
        }
        out->coverage += p->share;
        /* An aggregate ("various companies") is many small providers: it
         * covers its share of the market but adds nothing to the HHI and
         * cannot be one of the few that reach 75 %. */
        if (c->aggregate[p->actor])
            continue;
        named_known++;
        hhi += p->share * p->share;
        if (p->share > out->top_share)
            out->top_share = p->share;
        if (out->providers_75 < 0) {
            named += p->share;
            counted75++;
            if (named >= 0.75 - 1e-12)
                out->providers_75 = counted75;
        }
    }
    out->estimated = out->providers_unknown > 0;
    if (!out->providers) {
        out->coverage = out->hhi = out->hhi_upper = out->top_share = NAN;
        out->n_eff = out->n_eff_upper = NAN;
        return;
    }
    if (!named_known) {
        /* Only aggregates (many providers of unknown sizes) or unknown
         * shares: the data says nothing about concentration, and 0 would
         * read as a perfectly competitive market. */
        out->hhi = out->hhi_upper = out->top_share = NAN;
        out->n_eff = out->n_eff_upper = NAN;
        return;
    }
    out->hhi = hhi;
    /* Upper bound: the uncovered rest is one more provider. */
    out->hhi_upper = hhi + (out->coverage < 1.0 ? (1.0 - out->coverage) * (1.0 - out->coverage)
                                                : 0.0);
    /* N_eff over the range the data supports; the conservative end (fewest
     * providers) is the one that text and thresholds use.  Without a named
     * share (aggregates or unknown shares only) there is no number. */
    out->n_eff = hhi > 0 ? 1.0 / out->hhi_upper : NAN;
    out->n_eff_upper = hhi > 0 ? 1.0 / hhi : NAN;
}

enum vc_level vc_concentration_level(const struct vc_model *m, size_t item,
                                     enum vc_level preferred)
{
    if (m->has_level[item] & (1u << preferred))
        return preferred;
    return preferred == VC_LEVEL_FIRM ? VC_LEVEL_COUNTRY : VC_LEVEL_FIRM;
}
