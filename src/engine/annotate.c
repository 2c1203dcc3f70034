/*
 * annotate.c - the engine's results as typed columns on the graph, so that
 * every exporter and table writes them without knowing the engine.  The
 * column names are the contract listed in include/vchain/engine.h; a
 * column the input carries under one of them is kept, and the result goes
 * to "vchain_" + the name (docs/formats.md, "Result columns").
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "engine/firms.h"
#include "vchain/engine.h"

#define RESULT_PREFIX "vchain_"

/* Every column vc_analysis_annotate() writes, with its class. */
static const struct {
    enum vc_attr_class cls;
    const char *name;
} results[] = {
    { VC_CLASS_NODE, "impact" }, { VC_CLASS_NODE, "share_max" },
    { VC_CLASS_NODE, "coverage" }, { VC_CLASS_NODE, "hhi" }, { VC_CLASS_NODE, "hhi_upper" },
    { VC_CLASS_NODE, "top_share" }, { VC_CLASS_NODE, "n_eff" }, { VC_CLASS_NODE, "providers" },
    { VC_CLASS_NODE, "providers_unknown" }, { VC_CLASS_NODE, "providers_75" },
    { VC_CLASS_NODE, "replaceability" }, { VC_CLASS_NODE, "spof" },
    { VC_CLASS_NODE, "spof_finals" }, { VC_CLASS_NODE, "control_point" },
    { VC_CLASS_NODE, "cp_reason" }, { VC_CLASS_NODE, "pagerank_down" },
    { VC_CLASS_NODE, "pagerank_up" }, { VC_CLASS_NODE, "betweenness" },
    { VC_CLASS_NODE, "in_strength" }, { VC_CLASS_NODE, "out_strength" },
    { VC_CLASS_NODE, "trophic_level" }, { VC_CLASS_NODE, "in_degree" },
    { VC_CLASS_NODE, "out_degree" }, { VC_CLASS_NODE, "reach_items" },
    { VC_CLASS_NODE, "reach_final" }, { VC_CLASS_EDGE, "impact" },
    { VC_CLASS_EDGE, "replaceability" }, { VC_CLASS_EDGE, "control_point" },
    { VC_CLASS_EDGE, "cp_reason" }, { VC_CLASS_EDGE, "supply_share" },
    { VC_CLASS_GRAPH, "betweenness_method" },
};

/*
 * A graph vchain annotated before (its export read back) carries the graph
 * attribute betweenness_method, or, where the format keeps no graph
 * attributes, every one of the position columns below: its result columns
 * are replaced.  Otherwise a column of a result's name is the input's own
 * and stays; so does one for which an earlier run already wrote "vchain_"
 * + the name.
 */
static bool annotated_before(const struct vc_graph *g)
{
    static const char *const marks[] = { "pagerank_down", "pagerank_up", "spof_finals",
                                         "reach_items", "reach_final", "trophic_level" };
    if (vc_graph_attr(g, VC_CLASS_GRAPH, "betweenness_method"))
        return true;
    for (size_t i = 0; i < sizeof(marks) / sizeof(marks[0]); i++)
        if (!vc_graph_attr(g, VC_CLASS_NODE, marks[i]))
            return false;
    return true;
}

static const char *result_name(const struct vc_graph *g, bool before, enum vc_attr_class cls,
                               const char *name, char *buf, size_t size)
{
    snprintf(buf, size, RESULT_PREFIX "%s", name);
    if (vc_graph_attr(g, cls, buf))
        return buf;
    if (vc_graph_attr(g, cls, name) && !before)
        return buf;
    return name;
}

size_t vc_result_clashes(const struct vc_graph *g, const char **out, size_t max)
{
    bool before = annotated_before(g);
    size_t k = 0;
    char buf[64];
    for (size_t i = 0; i < sizeof(results) / sizeof(results[0]); i++) {
        if (result_name(g, before, results[i].cls, results[i].name, buf, sizeof(buf)) ==
            results[i].name)
            continue;
        if (k < max)
            out[k] = results[i].name;
        k++;
    }
    return k;
}

struct cols {
    struct vc_graph *g;
    struct vc_error *err;
    enum vc_status st;
    bool before;
};

static struct vc_attr *col(struct cols *c, enum vc_attr_class cls, const char *name,
                           enum vc_attr_type type)
{
    struct vc_attr *a = NULL;
    char buf[64];
    name = result_name(c->g, c->before, cls, name, buf, sizeof(buf));
    if (c->st == VC_OK)
        c->st = vc_graph_attr_ensure(c->g, cls, name, type, &a, c->err);
    if (a) { /* results replace whatever an earlier run wrote */
        for (size_t k = 0; k < a->cap; k++)
            a->has[k] = 0;
        a->count = 0;
    }
    return a;
}

static void set_d(struct cols *c, struct vc_attr *a, size_t k, double d)
{
    if (c->st == VC_OK && a && isfinite(d))
        c->st = vc_attr_set_double(a, k, d, c->err);
}

static void set_i(struct cols *c, struct vc_attr *a, size_t k, int64_t i)
{
    if (c->st == VC_OK && a)
        c->st = vc_attr_set_int(a, k, i, c->err);
}

static void set_s(struct cols *c, struct vc_attr *a, size_t k, const char *s)
{
    const char *pooled;
    if (c->st != VC_OK || !a)
        return;
    pooled = vc_graph_strdup(c->g, s, strlen(s));
    c->st = pooled ? vc_attr_set_string(a, k, pooled, c->err)
                   : vc_error_set(c->err, VC_ENOMEM, c->g->source, 0, 0, "out of memory");
}

enum vc_status vc_analysis_annotate(const struct vc_analysis *a, struct vc_graph *g,
                                    struct vc_error *err)
{
    const struct vc_chain *ch = a->chain;
    struct cols c = { g, err, VC_OK, annotated_before(g) };
    bool firms = vc_firm_network(ch);
    char reason[512], method[64];

    struct vc_attr *impact = col(&c, VC_CLASS_NODE, "impact", VC_ATTR_DOUBLE);
    struct vc_attr *impact_est = col(&c, VC_CLASS_NODE, "impact_estimated", VC_ATTR_BOOL);
    struct vc_attr *share_max = col(&c, VC_CLASS_NODE, "share_max", VC_ATTR_DOUBLE);
    struct vc_attr *coverage = col(&c, VC_CLASS_NODE, "coverage", VC_ATTR_DOUBLE);
    struct vc_attr *hhi = col(&c, VC_CLASS_NODE, "hhi", VC_ATTR_DOUBLE);
    struct vc_attr *hhi_upper = col(&c, VC_CLASS_NODE, "hhi_upper", VC_ATTR_DOUBLE);
    struct vc_attr *top_share = col(&c, VC_CLASS_NODE, "top_share", VC_ATTR_DOUBLE);
    struct vc_attr *n_eff = col(&c, VC_CLASS_NODE, "n_eff", VC_ATTR_DOUBLE);
    struct vc_attr *n_eff_upper = col(&c, VC_CLASS_NODE, "n_eff_upper", VC_ATTR_DOUBLE);
    struct vc_attr *providers = col(&c, VC_CLASS_NODE, "providers", VC_ATTR_INT);
    struct vc_attr *unknown = col(&c, VC_CLASS_NODE, "providers_unknown", VC_ATTR_INT);
    struct vc_attr *p75 = col(&c, VC_CLASS_NODE, "providers_75", VC_ATTR_INT);
    struct vc_attr *repl = col(&c, VC_CLASS_NODE, "replaceability", VC_ATTR_DOUBLE);
    struct vc_attr *spof = col(&c, VC_CLASS_NODE, "spof", VC_ATTR_BOOL);
    struct vc_attr *spof_finals = col(&c, VC_CLASS_NODE, "spof_finals", VC_ATTR_INT);
    struct vc_attr *cp = col(&c, VC_CLASS_NODE, "control_point", VC_ATTR_BOOL);
    struct vc_attr *cp_reason = col(&c, VC_CLASS_NODE, "cp_reason", VC_ATTR_STRING);
    struct vc_attr *pr_down = col(&c, VC_CLASS_NODE, "pagerank_down", VC_ATTR_DOUBLE);
    struct vc_attr *pr_up = col(&c, VC_CLASS_NODE, "pagerank_up", VC_ATTR_DOUBLE);
    struct vc_attr *btw = col(&c, VC_CLASS_NODE, "betweenness", VC_ATTR_DOUBLE);
    struct vc_attr *in_s = col(&c, VC_CLASS_NODE, "in_strength", VC_ATTR_DOUBLE);
    struct vc_attr *out_s = col(&c, VC_CLASS_NODE, "out_strength", VC_ATTR_DOUBLE);
    struct vc_attr *troph = col(&c, VC_CLASS_NODE, "trophic_level", VC_ATTR_DOUBLE);
    struct vc_attr *in_d = col(&c, VC_CLASS_NODE, "in_degree", VC_ATTR_INT);
    struct vc_attr *out_d = col(&c, VC_CLASS_NODE, "out_degree", VC_ATTR_INT);
    struct vc_attr *r_items = col(&c, VC_CLASS_NODE, "reach_items", VC_ATTR_INT);
    struct vc_attr *r_final = col(&c, VC_CLASS_NODE, "reach_final", VC_ATTR_INT);
    struct vc_attr *e_impact = col(&c, VC_CLASS_EDGE, "impact", VC_ATTR_DOUBLE);
    struct vc_attr *e_repl = col(&c, VC_CLASS_EDGE, "replaceability", VC_ATTR_DOUBLE);
    struct vc_attr *e_est = col(&c, VC_CLASS_EDGE, "estimated", VC_ATTR_BOOL);
    struct vc_attr *e_share_est = col(&c, VC_CLASS_EDGE, "share_estimate", VC_ATTR_DOUBLE);
    struct vc_attr *e_cp = col(&c, VC_CLASS_EDGE, "control_point", VC_ATTR_BOOL);
    struct vc_attr *e_reason = col(&c, VC_CLASS_EDGE, "cp_reason", VC_ATTR_STRING);
    /* firm networks only, so that value chains keep the columns they had */
    struct vc_attr *e_supply = firms ? col(&c, VC_CLASS_EDGE, "supply_share", VC_ATTR_DOUBLE)
                                     : NULL;
    struct vc_attr *g_method = col(&c, VC_CLASS_GRAPH, "betweenness_method", VC_ATTR_STRING);

    for (size_t k = 0; k < a->n && c.st == VC_OK; k++) {
        set_d(&c, impact, k, a->impact[k]);
        if (!isnan(a->impact[k]))
            set_i(&c, impact_est, k, a->impact_estimated[k]);
        set_i(&c, spof, k, a->spof_finals[k] > 0);
        set_i(&c, spof_finals, k, a->spof_finals[k]);
        set_d(&c, pr_down, k, a->pagerank_down[k]);
        set_d(&c, pr_up, k, a->pagerank_up[k]);
        set_d(&c, btw, k, a->betweenness[k]);
        set_d(&c, in_s, k, a->in_strength[k]);
        set_d(&c, out_s, k, a->out_strength[k]);
        set_d(&c, troph, k, a->trophic_level[k]);
        set_i(&c, in_d, k, a->in_degree[k]);
        set_i(&c, out_d, k, a->out_degree[k]);
        set_i(&c, r_items, k, a->reach_items[k]);
        set_i(&c, r_final, k, a->reach_final[k]);
        if (ch->kind[k] == VC_KIND_ACTOR) {
            set_d(&c, share_max, k, a->share_max[k]);
            set_d(&c, repl, k, a->replaceability[k]);
            set_i(&c, cp, k, a->control_point[k]);
        } else if (ch->kind[k] == VC_KIND_ITEM) {
            const struct vc_concentration *q = &a->conc[k];
            set_i(&c, cp, k, a->control_point[k]);
            if (!q->providers)
                continue;
            set_d(&c, coverage, k, q->coverage);
            set_d(&c, hhi, k, q->hhi);
            set_d(&c, hhi_upper, k, q->hhi_upper);
            set_d(&c, top_share, k, q->top_share);
            set_d(&c, n_eff, k, q->n_eff);
            set_d(&c, n_eff_upper, k, q->n_eff_upper);
            set_i(&c, providers, k, q->providers);
            set_i(&c, unknown, k, q->providers_unknown);
            if (q->providers_75 > 0)
                set_i(&c, p75, k, q->providers_75);
        }
    }
    /* Provisions, best first: a node's reason is that of its best one. */
    for (size_t j = 0; j < a->n_provisions && c.st == VC_OK; j++) {
        const struct vc_provision_score *p = &a->provisions[j];
        set_d(&c, e_impact, p->edge, p->impact);
        set_d(&c, e_repl, p->edge, vc_provision_replaceability(a, p));
        set_i(&c, e_est, p->edge, !p->share_known);
        if (!p->share_known)
            set_d(&c, e_share_est, p->edge, p->share);
        set_i(&c, e_cp, p->edge, p->control_point);
        if (!p->control_point)
            continue;
        vc_analysis_reason(a, p, reason, sizeof(reason));
        set_s(&c, e_reason, p->edge, reason);
        if (!vc_attr_has(cp_reason, p->actor))
            set_s(&c, cp_reason, p->actor, reason);
        if (!vc_attr_has(cp_reason, p->item)) {
            char who[600];
            snprintf(who, sizeof(who), "%s: %s", ch->label[p->actor], reason);
            set_s(&c, cp_reason, p->item, who);
        }
    }
    /* Suppliers of a firm network: the reason on the node, and per link its
     * part of the customer's group (the first of parallel links carries it) */
    for (size_t k = 0; firms && k < a->n_firms && c.st == VC_OK; k++) {
        const struct vc_firm_score *f = &a->firms[k];
        if (f->control_point) {
            vc_analysis_firm_reason(a, f, reason, sizeof(reason));
            set_s(&c, cp_reason, f->actor, reason);
        }
        for (size_t j = f->first; j < f->first + f->n && c.st == VC_OK; j++) {
            const struct vc_supply_score *s = &a->supplies[j];
            set_d(&c, e_supply, s->edge, s->share);
            set_d(&c, e_repl, s->edge, 1.0 - s->share);
            set_i(&c, e_cp, s->edge, s->hard_to_replace && f->control_point);
        }
    }
    if (a->betweenness_samples)
        snprintf(method, sizeof(method), "sampled:%zu", a->betweenness_samples);
    else
        snprintf(method, sizeof(method), "exact");
    set_s(&c, g_method, 0, method);
    return c.st;
}
