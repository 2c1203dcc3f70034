/*
 * whatif.c - scenarios: which actors lose how much of their output, what
 * that costs downstream, and what the chain looks like afterwards.
 *
 * Owns the resolution of a scenario's steps (src/import/scenario.c reads
 * them) to actors, the propagation of the cut
 * (the engine's own, src/engine/disruption.c), and the world after: a
 * copy of the graph without the removed actors, every remaining share
 * rescaled to the market that is left, scored again and compared with the
 * world before (compare.c).  docs/model.md, "What if", has the rules.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/mem.h"
#include "disruption.h"
#include "graphcopy.h"
#include "import/scenario.h"
#include "vchain/opportunity.h"
#include "vchain/whatif.h"

/* ---- resolving steps ---- */

/* An actor by node id, else by label (any case); SIZE_MAX with err set. */
static size_t find_actor(const struct vc_chain *c, const struct vc_scenario_step *st,
                         struct vc_error *err)
{
    const struct vc_graph *g = c->graph;
    size_t v = vc_graph_find_node(g, st->name, strlen(st->name)), hit = SIZE_MAX, n = 0;
    char others[256] = "";
    size_t used = 0;

    if (v != SIZE_MAX && c->kind[v] == VC_KIND_ACTOR)
        return v;
    for (size_t k = 0; k < c->n_nodes; k++) {
        if (c->kind[k] != VC_KIND_ACTOR || !vc_scenario_label_is(c->label[k], st->name))
            continue;
        if (n++ == 0)
            hit = k;
        if (used < sizeof(others) - 1)
            used += (size_t)snprintf(others + used, sizeof(others) - used, "%s%s",
                                     n > 1 ? ", " : "", g->node_id[k]);
    }
    if (n == 1)
        return hit;
    if (n == 0)
        vc_error_set(err, VC_EINVAL, st->file, st->line, 0,
                     "no actor \"%s\": neither the id nor the label of an actor%s", st->name,
                     v != SIZE_MAX ? " (the node of that id is not an actor)" : "");
    else
        vc_error_set(err, VC_EINVAL, st->file, st->line, 0,
                     "\"%s\": %zu actors carry that label (ids %s); name one by its id", st->name,
                     n, others);
    return SIZE_MAX;
}

enum vc_status vc_scenario_cut(const struct vc_scenario *s, const struct vc_chain *c,
                               double *cut, double *spare, struct vc_error *err)
{
    for (size_t v = 0; v < c->n_nodes; v++)
        cut[v] = 0;
    for (size_t k = 0; k < s->n; k++) {
        const struct vc_scenario_step *st = &s->steps[k];
        size_t v;
        switch (st->kind) {
        case VC_STEP_REMOVE:
        case VC_STEP_CAP:
            if ((v = find_actor(c, st, err)) == SIZE_MAX)
                return VC_EINVAL;
            {
                double f = st->kind == VC_STEP_REMOVE ? 1.0 : 1.0 - st->value;
                if (f > cut[v])
                    cut[v] = f;
            }
            break;
        case VC_STEP_REMOVE_COUNTRY:
            if (!vc_country_cut(c, st->name, cut))
                return vc_error_set(err, VC_EINVAL, st->file, st->line, 0,
                                    "no actor of country \"%s\" in the data", st->name);
            break;
        case VC_STEP_SPARE:
            *spare = st->value;
            break;
        case VC_STEP_GAIN:
            break; /* cuts nothing: applied to the world after (gain.c) */
        }
    }
    return VC_OK;
}

/* ---- the world after ---- */

static enum vc_status copy_value(struct vc_graph *dst, struct vc_attr *to,
                                 const struct vc_attr *from, size_t k_from, size_t k_to,
                                 struct vc_error *err)
{
    union vc_value v;
    if (!vc_attr_has(from, k_from))
        return VC_OK;
    v = from->values[k_from];
    if (from->type == VC_ATTR_STRING &&
        !(v.s = vc_graph_strdup(dst, from->values[k_from].s, strlen(from->values[k_from].s))))
        return vc_error_set(err, VC_ENOMEM, NULL, 0, 0, "out of memory");
    return vc_attr_set(to, k_to, v, err);
}

enum vc_status vc_graph_copy_kept(const struct vc_graph *g, const uint8_t *keep_node,
                                  const uint8_t *keep_edge, uint32_t *node_map,
                                  uint32_t *edge_map, struct vc_graph *out, struct vc_error *err)
{
    enum vc_status st = VC_OK;
    size_t idx;

    out->directed = g->directed;
    if (g->source && (st = vc_graph_set_source(out, g->source)) != VC_OK)
        return vc_error_set(err, st, NULL, 0, 0, "out of memory");
    if (g->desc && !(out->desc = vc_graph_strdup(out, g->desc, strlen(g->desc))))
        return vc_error_set(err, VC_ENOMEM, NULL, 0, 0, "out of memory");
    for (size_t v = 0; v < g->n_nodes && st == VC_OK; v++) {
        node_map[v] = UINT32_MAX;
        if (!keep_node[v])
            continue;
        st = vc_graph_intern_node(out, g->node_id[v], strlen(g->node_id[v]), g->node_line[v],
                                  g->node_col[v], &idx, NULL, err);
        node_map[v] = (uint32_t)idx;
    }
    for (size_t e = 0; e < g->n_edges && st == VC_OK; e++) {
        edge_map[e] = UINT32_MAX;
        if (!keep_edge[e])
            continue;
        const char *id = vc_graph_edge_id(g, e);
        st = vc_graph_add_edge(out, node_map[g->edge_from[e]], node_map[g->edge_to[e]],
                               g->edge_directed[e] != 0, id, id ? strlen(id) : 0, g->edge_line[e],
                               g->edge_col[e], &idx, err);
        edge_map[e] = (uint32_t)idx;
    }
    for (size_t i = 0; i < g->n_attrs && st == VC_OK; i++) {
        const struct vc_attr *a = g->attrs[i];
        const uint32_t *map = a->cls == VC_CLASS_NODE ? node_map
                              : a->cls == VC_CLASS_EDGE ? edge_map : NULL;
        size_t n = vc_graph_class_size(g, a->cls);
        struct vc_attr *to;
        if ((st = vc_graph_attr_add(out, a->cls, a->name, a->type, &to, err)) != VC_OK)
            break;
        for (size_t k = 0; k < n && st == VC_OK; k++) {
            size_t dst = map ? map[k] : k;
            if (dst != UINT32_MAX)
                st = copy_value(out, to, a, k, dst, err);
        }
    }
    return st;
}

/*
 * Shares of what is left: provision (a, i) keeps s_a (1 - L_a) of a market
 * that has lost R = sum over i's providers at that level of s_b L_b, so its
 * share becomes s_a (1 - L_a) / (1 - R).  Unknown shares stay unknown.
 */
static enum vc_status rescale_shares(const struct vc_model *m, const double *loss,
                                     const uint32_t *edge_map, struct vc_graph *out,
                                     struct vc_error *err)
{
    struct vc_attr *share = vc_graph_attr(out, VC_CLASS_EDGE, "share");
    const struct vc_chain *c = m->chain;
    enum vc_status st = VC_OK;

    if (!share)
        return VC_OK;
    for (size_t i = 0; i < m->n && st == VC_OK; i++) {
        double removed[2] = { 0, 0 };
        for (uint32_t j = m->prov_start[i]; j < m->prov_start[i + 1]; j++)
            removed[m->prov[j].level] += m->prov[j].share * loss[m->prov[j].actor];
        for (uint32_t j = m->prov_start[i]; j < m->prov_start[i + 1] && st == VC_OK; j++) {
            const struct vc_provision_ref *p = &m->prov[j];
            uint32_t e = edge_map[p->edge];
            double left = 1.0 - removed[p->level], s;
            if (e == UINT32_MAX || !p->known || removed[p->level] <= 0)
                continue; /* dropped, unknown, or a market that lost nothing */
            s = c->share[p->edge] * (1.0 - loss[p->actor]);
            if (left > VC_COMPARE_EPS)
                s /= left;
            st = vc_attr_set_double(share, e, s > 1 ? 1 : s, err);
        }
    }
    return st;
}

static void drop_warning(void *ctx, const struct vc_error *w)
{
    (void)ctx;
    (void)w; /* the world after repeats the input's warnings: shown once already */
}

void vc_whatif_release(struct vc_whatif *w)
{
    vc_comparison_release(&w->cmp);
    vc_analysis_release(&w->before);
    vc_analysis_release(&w->after);
    vc_chain_release(&w->chain);
    vc_graph_release(&w->graph);
    free(w->cut);
    free(w->loss);
    free(w->loss_estimated);
    memset(w, 0, sizeof(*w));
}

/* Sets up the scenario's cuts on p; returns how many actors it cuts. */
static size_t cut_actors(struct vc_prop *p, const struct vc_chain *c, const double *cut)
{
    size_t n = 0;
    for (size_t v = 0; v < c->n_nodes; v++) {
        if (c->kind[v] == VC_KIND_ACTOR && cut[v] > 0) {
            vc_prop_cut_actor(p, (uint32_t)v, cut[v]);
            n++;
        }
    }
    return n;
}

enum vc_status vc_whatif_run(const struct vc_chain *c, const struct vc_engine_opts *opts,
                             const struct vc_scenario *s, struct vc_whatif *out,
                             struct vc_error *err)
{
    static const struct vc_engine_opts defaults = VC_ENGINE_OPTS_INIT;
    const struct vc_graph *g = c->graph;
    struct vc_engine_opts o = opts ? *opts : defaults;
    struct vc_chain_opts copts = VC_CHAIN_OPTS_INIT;
    struct vc_diag quiet = VC_DIAG_INIT;
    struct vc_model m;
    struct vc_prop p;
    bool have_model = false, have_prop = false;
    size_t n = c->n_nodes ? c->n_nodes : 1;
    uint8_t *keep_node = NULL, *keep_edge = NULL;
    uint32_t *node_map = NULL, *edge_map = NULL;
    enum vc_status st;

    memset(out, 0, sizeof(*out));
    vc_graph_init(&out->graph);
    out->cut = calloc(n, sizeof(double));
    out->loss = calloc(n, sizeof(double));
    out->loss_estimated = calloc(n, 1);
    keep_node = malloc(n);
    keep_edge = malloc(c->n_edges + 1);
    node_map = malloc(n * sizeof(uint32_t));
    edge_map = malloc((c->n_edges + 1) * sizeof(uint32_t));
    if (!out->cut || !out->loss || !out->loss_estimated || !keep_node || !keep_edge ||
        !node_map || !edge_map) {
        st = vc_error_set(err, VC_ENOMEM, g->source, 0, 0, "out of memory");
        goto out;
    }
    if ((st = vc_scenario_cut(s, c, out->cut, &o.spare, err)) != VC_OK)
        goto out;
    out->spare = o.spare;

    /* the propagation: the engine's own */
    if ((st = vc_model_build(c, &o, &m, err)) != VC_OK)
        goto out;
    have_model = true;
    if (vc_prop_init(&p, &m, &o) != VC_OK) {
        st = vc_error_set(err, VC_ENOMEM, g->source, 0, 0, "out of memory");
        goto out;
    }
    have_prop = true;
    out->actors_cut = cut_actors(&p, c, out->cut);
    vc_prop_run(&p);
    out->impact = vc_prop_impact(&p);
    out->converged = p.converged;
    memcpy(out->loss, p.loss, c->n_nodes * sizeof(double));
    if (p.used_estimate) {
        /* As rank's impact_estimated: a loss rests on the estimates when
         * the same scenario without them loses less. */
        vc_prop_reset(&p);
        p.skip_estimates = true;
        cut_actors(&p, c, out->cut);
        vc_prop_run(&p);
        out->impact_estimated = vc_prop_impact(&p) < out->impact - 1e-9;
        for (size_t v = 0; v < c->n_nodes; v++)
            out->loss_estimated[v] = p.loss[v] < out->loss[v] - 1e-9;
    }

    /* the world after: removed actors gone, with every edge they had */
    for (size_t v = 0; v < c->n_nodes; v++)
        keep_node[v] = !(c->kind[v] == VC_KIND_ACTOR && out->cut[v] >= 1.0);
    for (size_t e = 0; e < c->n_edges; e++)
        keep_edge[e] = keep_node[g->edge_from[e]] && keep_node[g->edge_to[e]] &&
                       !(c->relation[e] == VC_REL_PROVIDES && out->loss[g->edge_from[e]] >= 1.0);
    if ((st = vc_graph_copy_kept(g, keep_node, keep_edge, node_map, edge_map, &out->graph,
                                 err)) != VC_OK ||
        (st = rescale_shares(&m, out->loss, edge_map, &out->graph, err)) != VC_OK)
        goto out;
    copts = c->opts; /* read alike: sectors, directions */
    copts.share_scale = VC_SHARE_FRACTION;
    quiet.warn = drop_warning;
    if ((st = vc_chain_build(&out->graph, &copts, &out->chain, &quiet, err)) != VC_OK ||
        (st = vc_gain_steps(s, o.level, &out->graph, &out->chain, &copts, &quiet, err)) != VC_OK)
        goto out;
    if ((st = vc_analysis_run(c, &o, &out->before, err)) != VC_OK ||
        (st = vc_analysis_run(&out->chain, &o, &out->after, err)) != VC_OK ||
        (st = vc_compare(&out->before, &out->after, VC_ALIGN_ID, &out->cmp, err)) != VC_OK)
        goto out;
out:
    if (have_prop)
        vc_prop_release(&p);
    if (have_model)
        vc_model_release(&m);
    VC_FREE_ALL(keep_node, keep_edge, node_map, edge_map);
    if (st != VC_OK)
        vc_whatif_release(out);
    return st;
}
