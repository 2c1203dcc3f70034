/*
 * firms.c - suppliers in a firm network as the engine scores them: each
 * supplies link's part of its customer's supply group, each supplier's
 * position as a whole (the customers that depend on it and how much, its
 * market share, its impact, what it alone can stop), whether it is a
 * control point, the reason in words, and where a country's firms depend
 * on other countries' control points.  docs/model.md, "Firm control
 * points", has the rules; the propagation and the single points of
 * failure it reads come from disruption.c and bitsets.c.
 */
#define _GNU_SOURCE /* qsort_r */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "firms.h"

bool vc_firm_network(const struct vc_chain *c)
{
    return c->final_rule == VC_FINAL_MARKED_ACTORS || c->final_rule == VC_FINAL_ALL_ACTORS;
}

static int cmp_firms(const void *x, const void *y, void *ctx)
{
    const struct vc_analysis *a = ctx;
    const struct vc_firm_score *p = x, *q = y;
    int d;
    if (p->control_point != q->control_point)
        return p->control_point ? -1 : 1;
    if (p->impact != q->impact)
        return p->impact > q->impact ? -1 : 1;
    if (p->share_max != q->share_max)
        return p->share_max > q->share_max ? -1 : 1;
    d = strcmp(a->chain->label[p->actor], a->chain->label[q->actor]);
    return d ? d : (p->actor > q->actor) - (p->actor < q->actor);
}

static int cmp_supplies(const void *x, const void *y, void *ctx)
{
    const struct vc_analysis *a = ctx;
    const struct vc_supply_score *p = x, *q = y;
    uint32_t fp = a->firm_index[p->supplier], fq = a->firm_index[q->supplier];
    int d;
    if (fp != fq)
        return fp < fq ? -1 : 1;
    if (p->share != q->share)
        return p->share > q->share ? -1 : 1;
    d = strcmp(a->chain->label[p->customer], a->chain->label[q->customer]);
    return d ? d : (p->edge > q->edge) - (p->edge < q->edge);
}

/* One entry per (supplier, customer, group): parallel links add up. */
static enum vc_status collect_supplies(struct vc_analysis *a, const struct vc_model *m)
{
    size_t n = m->n, k = 0;
    uint32_t *slot = malloc((n ? n : 1) * sizeof(uint32_t)); /* supplier -> entry, per group */

    a->supplies = calloc(m->sup_start[n] ? m->sup_start[n] : 1, sizeof(*a->supplies));
    if (!slot || !a->supplies) {
        free(slot);
        return VC_ENOMEM;
    }
    for (size_t v = 0; v < n; v++)
        slot[v] = UINT32_MAX;
    for (uint32_t b = 0; b < n; b++) {
        uint32_t lo = m->sup_start[b], hi = m->sup_start[b + 1];
        for (uint32_t j = lo; j < hi;) {
            uint32_t g = m->sup_group[j], first = (uint32_t)k, end = j;
            while (end < hi && m->sup_group[end] == g)
                end++;
            for (; j < end; j++) {
                uint32_t s = m->sup_src[j];
                if (slot[s] != UINT32_MAX) {
                    a->supplies[slot[s]].share += m->sup_share[j];
                    continue;
                }
                slot[s] = (uint32_t)k;
                a->supplies[k++] = (struct vc_supply_score){
                    m->sup_edge[j], s, b, m->sup_key[j], m->sup_share[j], m->sup_ess[j] != 0,
                    false };
            }
            for (uint32_t q = first; q < k; q++)
                slot[a->supplies[q].supplier] = UINT32_MAX;
        }
    }
    a->n_supplies = k;
    free(slot);
    return VC_OK;
}

enum vc_status vc_firms_score(struct vc_analysis *a, const struct vc_model *m)
{
    const struct vc_chain *c = a->chain;
    const struct vc_engine_opts *o = &a->opts;
    bool judged = vc_firm_network(c);
    size_t nf = 0;
    uint8_t *customer_seen = NULL;
    enum vc_status st;

    a->firm_index = malloc((a->n ? a->n : 1) * sizeof(uint32_t));
    if (!a->firm_index || (st = collect_supplies(a, m)) != VC_OK)
        return VC_ENOMEM;
    for (size_t v = 0; v < a->n; v++)
        a->firm_index[v] = UINT32_MAX;
    /* suppliers, and actors with a node share */
    for (size_t j = 0; j < a->n_supplies; j++)
        if (a->firm_index[a->supplies[j].supplier] == UINT32_MAX)
            a->firm_index[a->supplies[j].supplier] = (uint32_t)nf++;
    for (size_t v = 0; v < a->n; v++)
        if (c->kind[v] == VC_KIND_ACTOR && !isnan(c->node_share[v]) &&
            a->firm_index[v] == UINT32_MAX)
            a->firm_index[v] = (uint32_t)nf++;
    a->firms = calloc(nf ? nf : 1, sizeof(*a->firms));
    customer_seen = calloc(a->n ? a->n : 1, 1);
    if (!a->firms || !customer_seen) {
        free(customer_seen);
        return VC_ENOMEM;
    }
    a->n_firms = nf;
    for (size_t v = 0; v < a->n; v++) {
        struct vc_firm_score *f;
        if (a->firm_index[v] == UINT32_MAX)
            continue;
        f = &a->firms[a->firm_index[v]];
        f->actor = (uint32_t)v;
        f->top_customer = UINT32_MAX;
        f->node_share = c->node_share[v];
        f->impact = a->impact[v];
        f->stops = a->spof_finals[v] - (a->spof_finals[v] > 0 && c->final[v] ? 1 : 0);
    }
    /* per link: hard to replace; per supplier: the figures over its links */
    for (size_t j = 0; j < a->n_supplies; j++) {
        struct vc_supply_score *s = &a->supplies[j];
        struct vc_firm_score *f = &a->firms[a->firm_index[s->supplier]];
        s->hard_to_replace = s->essential && !c->aggregate[s->supplier] &&
                             s->share >= o->theta_share;
        f->n++;
        if (s->essential && s->share > f->share_max) {
            f->share_max = s->share;
            f->top_customer = s->customer;
            f->top_group = s->group;
        }
    }
    /* distinct customers and dependents: links are grouped by customer */
    for (size_t j = 0; j < a->n_supplies;) {
        uint32_t b = a->supplies[j].customer;
        size_t end = j;
        while (end < a->n_supplies && a->supplies[end].customer == b)
            end++;
        for (size_t q = j; q < end; q++) {
            const struct vc_supply_score *s = &a->supplies[q];
            struct vc_firm_score *f = &a->firms[a->firm_index[s->supplier]];
            /* bit 0: counted as a customer, bit 1: as a dependent */
            uint8_t *seen = &customer_seen[s->supplier];
            if (!(*seen & 1)) {
                f->customers++;
                *seen |= 1;
            }
            if (s->hard_to_replace && !(*seen & 2)) {
                f->dependents++;
                *seen |= 2;
            }
        }
        for (size_t q = j; q < end; q++)
            customer_seen[a->supplies[q].supplier] = 0;
        j = end;
    }
    free(customer_seen);
    for (size_t k = 0; k < nf; k++) {
        struct vc_firm_score *f = &a->firms[k];
        bool matters = (!isnan(f->impact) && f->impact >= o->theta_impact) || f->stops > 0;
        f->hard_to_replace = !c->aggregate[f->actor] &&
                             (f->dependents > 0 ||
                              (!isnan(f->node_share) && f->node_share >= o->theta_share));
        f->control_point = judged && f->hard_to_replace && matters;
        if (!judged)
            continue;
        /* in a firm network the actor's figures are its supplier figures */
        if (f->control_point)
            a->control_point[f->actor] = 1;
        if (f->n) {
            a->share_max[f->actor] = f->share_max;
            a->replaceability[f->actor] = 1.0 - f->share_max;
        }
    }
    /* rank, then lay the links out firm by firm in that order */
    qsort_r(a->firms, nf, sizeof(*a->firms), cmp_firms, a);
    for (size_t k = 0; k < nf; k++)
        a->firm_index[a->firms[k].actor] = (uint32_t)k;
    qsort_r(a->supplies, a->n_supplies, sizeof(*a->supplies), cmp_supplies, a);
    for (size_t j = 0, k = 0; k < nf; k++) {
        a->firms[k].first = j;
        j += a->firms[k].n;
    }
    return VC_OK;
}

const struct vc_firm_score *vc_analysis_firm(const struct vc_analysis *a, uint32_t actor)
{
    if (!a->firm_index || actor >= a->n || a->firm_index[actor] == UINT32_MAX)
        return NULL;
    return &a->firms[a->firm_index[actor]];
}

static const char *group_name(const char *g)
{
    return g ? g : "supply";
}

void vc_analysis_firm_reason(const struct vc_analysis *a, const struct vc_firm_score *f,
                             char *buf, size_t size)
{
    const struct vc_chain *c = a->chain;
    size_t listed = 0;
    int n = 0;

#define ADD(...) (n += snprintf(buf + n, (size_t)n < size ? size - (size_t)n : 0, __VA_ARGS__))
    if (size)
        buf[0] = '\0';
    if (c->aggregate[f->actor]) {
        ADD("an aggregate of many suppliers, never a control point");
        return;
    }
    if (f->dependents) {
        ADD("hard to replace for %zu customer%s: ", f->dependents,
            f->dependents == 1 ? "" : "s");
        for (size_t j = f->first; j < f->first + f->n && listed < 3; j++) {
            const struct vc_supply_score *s = &a->supplies[j];
            if (!s->hard_to_replace)
                continue;
            ADD("%s%s (%.0f %% of its %s)", listed ? ", " : "", c->label[s->customer],
                s->share * 100, group_name(s->group));
            listed++;
        }
        if (f->dependents > listed)
            ADD(" and %zu more", f->dependents - listed);
    } else if (f->share_max > 0) {
        ADD("replaceable: at most %.0f %% of %s's %s", f->share_max * 100,
            c->label[f->top_customer], group_name(f->top_group));
    } else if (f->n) {
        ADD("supplies only inputs its customers can do without");
    } else {
        ADD("supplies no one in the network");
    }
    if (!isnan(f->node_share))
        ADD("; %.1f %% market share", f->node_share * 100);
    if (!isnan(f->impact))
        ADD("; losing it costs %.1f %% of final output%s", f->impact * 100,
            vc_firm_network(c) ? " (its ESRI)" : "");
    if (f->stops)
        ADD("; alone it can stop %u other final %s%s", f->stops,
            vc_firm_network(c) ? "firm" : "node", f->stops == 1 ? "" : "s");
    if (f->hard_to_replace && !f->control_point && vc_firm_network(c))
        ADD(" (below the impact threshold %.2f)", a->opts.theta_impact);
#undef ADD
}

/* Countries as vc_country_cut reads them. */
static bool in_country(const struct vc_chain *c, size_t v, const char *code, const char *a3)
{
    const char *cc = c->country[v];
    return c->kind[v] == VC_KIND_ACTOR && cc && !c->aggregate[v] &&
           (strcasecmp(cc, code) == 0 || (a3 && strcmp(cc, a3) == 0));
}

enum vc_status vc_analysis_firm_dependencies(const struct vc_analysis *a, const char *code,
                                             struct vc_firm_dependency **out, size_t *n_out,
                                             struct vc_error *err)
{
    const struct vc_chain *c = a->chain;
    const struct vc_graph *g = c->graph;
    const char *a3 = vc_country_alpha3(code);
    size_t n = a->n, m = c->n_edges, found = 0;
    uint32_t *start = calloc(n + 2, sizeof(uint32_t));
    uint32_t *adj = malloc((m ? m : 1) * sizeof(uint32_t));
    uint32_t *mark = malloc((n ? n : 1) * sizeof(uint32_t)); /* last own firm reaching it */
    uint32_t *queue = malloc((n ? n : 1) * sizeof(uint32_t));
    size_t *count = calloc(a->n_firms ? a->n_firms : 1, sizeof(size_t));
    uint32_t *example = malloc((a->n_firms ? a->n_firms : 1) * sizeof(uint32_t));
    struct vc_firm_dependency *deps = NULL;
    enum vc_status st = VC_OK;

    *out = NULL;
    *n_out = 0;
    if (!start || !adj || !mark || !queue || !count || !example) {
        st = vc_error_set(err, VC_ENOMEM, g->source, 0, 0, "out of memory");
        goto out;
    }
    /* customer -> suppliers, along the links the analysis reads */
    for (size_t e = 0; e < m; e++)
        if (c->relation[e] == VC_REL_SUPPLIES && !c->undirected[e])
            start[g->edge_to[e] + 1]++;
    for (size_t v = 0; v < n; v++)
        start[v + 1] += start[v];
    for (size_t e = 0; e < m; e++)
        if (c->relation[e] == VC_REL_SUPPLIES && !c->undirected[e])
            adj[start[g->edge_to[e]]++] = g->edge_from[e];
    for (size_t v = n; v > 0; v--)
        start[v] = start[v - 1];
    start[0] = 0;
    for (size_t v = 0; v < n; v++)
        mark[v] = UINT32_MAX;
    /* from each own firm, everything upstream: who its supply rests on */
    for (uint32_t own = 0; own < n; own++) {
        size_t head = 0, tail = 0;
        if (!in_country(c, own, code, a3))
            continue;
        mark[own] = own;
        queue[tail++] = own;
        while (head < tail) {
            uint32_t v = queue[head++];
            for (uint32_t j = start[v]; j < start[v + 1]; j++) {
                uint32_t u = adj[j], f;
                if (mark[u] == own)
                    continue;
                mark[u] = own;
                queue[tail++] = u;
                f = a->firm_index ? a->firm_index[u] : UINT32_MAX;
                if (f == UINT32_MAX || !a->firms[f].control_point ||
                    in_country(c, u, code, a3))
                    continue;
                if (!count[f]++)
                    example[f] = own;
            }
        }
    }
    deps = malloc((a->n_firms ? a->n_firms : 1) * sizeof(*deps));
    if (!deps) {
        st = vc_error_set(err, VC_ENOMEM, g->source, 0, 0, "out of memory");
        goto out;
    }
    for (size_t f = 0; f < a->n_firms; f++)
        if (count[f])
            deps[found++] = (struct vc_firm_dependency){ f, count[f], example[f] };
    *out = deps;
    *n_out = found;
out:
    free(start);
    free(adj);
    free(mark);
    free(queue);
    free(count);
    free(example);
    return st;
}
