/*
 * disruption.c - loss propagation for hypothetical extraction.
 *
 * The loss of a node is a function of its inputs' losses (eval_node); a
 * scenario seeds a few nodes and a worklist ordered by topological rank
 * re-evaluates only what depends on a changed loss.  On an acyclic chain
 * each touched node is evaluated once; on cycles nodes are re-evaluated
 * until the losses settle (they only grow and are bounded by 1) or a node
 * reaches opts->max_rounds evaluations.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "disruption.h"

#define EPS 1e-12

enum vc_status vc_prop_init(struct vc_prop *p, const struct vc_model *m,
                            const struct vc_engine_opts *opts)
{
    size_t n = m->n ? m->n : 1;
    memset(p, 0, sizeof(*p));
    p->m = m;
    p->opts = opts;
    p->loss = calloc(n, sizeof(double));
    p->cut = calloc(n, sizeof(double));
    p->evals = calloc(n, sizeof(uint16_t));
    p->pending = calloc(n / 64 + 1, sizeof(uint64_t));
    p->own_dirty = calloc(n, 1);
    p->touched = malloc(n * sizeof(uint32_t));
    p->is_touched = calloc(n, 1);
    p->cut_edge = p->forced = UINT32_MAX;
    p->converged = true;
    if (!p->loss || !p->cut || !p->evals || !p->pending || !p->own_dirty || !p->touched ||
        !p->is_touched) {
        vc_prop_release(p);
        return VC_ENOMEM;
    }
    return VC_OK;
}

void vc_prop_release(struct vc_prop *p)
{
    free(p->loss);
    free(p->cut);
    free(p->evals);
    free(p->pending);
    free(p->own_dirty);
    free(p->touched);
    free(p->is_touched);
    memset(p, 0, sizeof(*p));
}

/* ---- the loss of one node from its inputs' losses ---- */

static double clamp01(double x)
{
    return x < 0 ? 0 : x > 1 ? 1 : x;
}

static double eval_actor(const struct vc_prop *p, uint32_t a)
{
    const struct vc_model *m = p->m;
    double loss = p->cut[a];
    uint32_t lo = m->sup_start[a], hi = m->sup_start[a + 1];

    /* Suppliers of one kind substitute for each other (weighted mean of
     * their losses); different kinds are all needed (the worst counts). */
    for (uint32_t j = lo; j < hi;) {
        uint32_t group = m->sup_group[j];
        double num = 0, den = 0;
        for (; j < hi && m->sup_group[j] == group; j++) {
            num += m->sup_w[j] * p->loss[m->sup_src[j]];
            den += m->sup_w[j];
        }
        if (den > 0 && num / den > loss)
            loss = num / den;
    }
    return clamp01(loss);
}

static double eval_item(const struct vc_prop *p, uint32_t v)
{
    const struct vc_model *m = p->m;
    double removed[2] = { 0, 0 }, r, loss;

    if (v == p->forced)
        return 1.0;
    /* Own loss: the share of the market whose providers are lost, at each
     * provider level; the levels describe the same market, so the larger
     * estimate counts.  Spare capacity of the others absorbs some of it.
     * vc_prop_run flags the items some provider of which lost something;
     * for the others every term would be 0. */
    if (!p->incremental || p->own_dirty[v])
        for (uint32_t j = m->prov_start[v]; j < m->prov_start[v + 1]; j++) {
            const struct vc_provision_ref *q = &m->prov[j];
            double lost = q->edge == p->cut_edge ? 1.0 : p->loss[q->actor];
            removed[q->level] += lost * q->share;
        }
    r = clamp01(removed[0] > removed[1] ? removed[0] : removed[1]);
    loss = clamp01(r - p->opts->spare * (1.0 - r));

    /* Essential inputs: output is limited by the scarcest one (Leontief). */
    for (uint32_t j = m->in_start[v]; j < m->in_start[v + 1]; j++)
        if (p->loss[m->in_src[j]] > loss)
            loss = p->loss[m->in_src[j]];

    /* Variants stand in for each other: their weighted mean loss, unless
     * every variant is declared essential. */
    if (m->var_start[v] < m->var_start[v + 1]) {
        double num = 0, den = 0, worst = 0;
        for (uint32_t j = m->var_start[v]; j < m->var_start[v + 1]; j++) {
            double l = p->loss[m->var_src[j]];
            num += m->var_w[j] * l;
            den += m->var_w[j];
            worst = l > worst ? l : worst;
        }
        double var_loss = p->opts->variants == VC_VARIANTS_ESSENTIAL ? worst : num / den;
        if (var_loss > loss)
            loss = var_loss;
    }
    return clamp01(loss);
}

static double eval_node(const struct vc_prop *p, uint32_t v)
{
    switch (p->m->chain->kind[v]) {
    case VC_KIND_ACTOR: return eval_actor(p, v);
    case VC_KIND_ITEM: return eval_item(p, v);
    default: return 0.0;
    }
}

/* ---- the nodes waiting, by topological rank ----
 *
 * A bitmap over ranks: pushing sets a bit, popping takes the lowest set bit
 * at or above the cursor.  Dependents rank above what they depend on
 * (except on cycles, where the cursor moves back), so one extraction scans
 * the bitmap about once: n / 64 words, cheaper than a binary heap's
 * log-factor and its scattered rank lookups on large cones. */

static void queue_push(struct vc_prop *p, uint32_t v)
{
    size_t r = p->m->rank[v];
    uint64_t bit = (uint64_t)1 << (r % 64);
    if (p->pending[r / 64] & bit)
        return;
    p->pending[r / 64] |= bit;
    p->n_pending++;
    if (r < p->cursor)
        p->cursor = r;
}

/* The pending node of lowest rank; only when n_pending > 0. */
static uint32_t queue_pop(struct vc_prop *p)
{
    size_t w = p->cursor / 64;
    uint64_t bits = p->pending[w] & (~(uint64_t)0 << (p->cursor % 64));
    while (!bits)
        bits = p->pending[++w];
    size_t r = w * 64 + (size_t)__builtin_ctzll(bits);
    p->pending[w] &= ~((uint64_t)1 << (r % 64));
    p->n_pending--;
    p->cursor = r;
    return p->m->order[r];
}

static void touch(struct vc_prop *p, uint32_t v)
{
    if (!p->is_touched[v]) {
        p->is_touched[v] = 1;
        p->touched[p->n_touched++] = v;
    }
}

/* ---- scenarios ---- */

void vc_prop_cut_actor(struct vc_prop *p, uint32_t actor, double fraction)
{
    touch(p, actor);
    p->cut[actor] = clamp01(fraction);
    queue_push(p, actor);
}

void vc_prop_cut_provision(struct vc_prop *p, uint32_t edge, uint32_t item)
{
    p->cut_edge = edge;
    p->own_dirty[item] = 1;
    touch(p, item);
    queue_push(p, item);
}

void vc_prop_force_item(struct vc_prop *p, uint32_t item)
{
    p->forced = item;
    queue_push(p, item);
}

void vc_prop_run(struct vc_prop *p)
{
    const struct vc_model *m = p->m;
    int max_rounds = p->opts->max_rounds > 0 ? p->opts->max_rounds : 1000;

    p->incremental = true;
    while (p->n_pending) {
        uint32_t v = queue_pop(p);
        double now = eval_node(p, v);
        if (fabs(now - p->loss[v]) <= EPS)
            continue;
        touch(p, v);
        p->loss[v] = now;
        if (++p->evals[v] > p->max_evals)
            p->max_evals = p->evals[v];
        if (p->evals[v] >= max_rounds) {
            p->converged = false; /* stop feeding a cycle that will not settle */
            continue;
        }
        bool provider = m->chain->kind[v] == VC_KIND_ACTOR;
        for (uint32_t j = m->dep_start[v]; j < m->dep_start[v + 1]; j++) {
            uint32_t d = m->dep[j];
            if (provider && !p->own_dirty[d]) { /* d: an item it provides, or an actor */
                p->own_dirty[d] = 1;
                touch(p, d);
            }
            queue_push(p, d);
        }
    }
}

double vc_prop_impact(const struct vc_prop *p)
{
    const struct vc_model *m = p->m;
    double sum = 0;
    for (size_t j = 0; j < m->n_finals; j++)
        sum += m->final_w[j] * p->loss[m->finals[j]];
    return sum;
}

void vc_prop_reset(struct vc_prop *p)
{
    for (size_t j = 0; j < p->n_touched; j++) {
        uint32_t v = p->touched[j];
        p->loss[v] = 0;
        p->cut[v] = 0;
        p->evals[v] = 0;
        p->own_dirty[v] = 0;
        p->is_touched[v] = 0;
    }
    while (p->n_pending)
        queue_pop(p);
    p->cursor = 0;
    p->n_touched = 0;
    p->cut_edge = p->forced = UINT32_MAX;
    p->max_evals = 0;
    p->converged = true;
}

void vc_prop_run_naive(struct vc_prop *p)
{
    const struct vc_model *m = p->m;
    int max_rounds = p->opts->max_rounds > 0 ? p->opts->max_rounds : 1000;

    /* Everything from scratch, in topological order; cycles by repeated
     * passes over the nodes that Kahn's order could not place. */
    p->incremental = false;
    while (p->n_pending)
        queue_pop(p);
    p->cursor = 0;
    for (size_t r = 0; r < m->n; r++) {
        uint32_t v = m->order[r];
        p->loss[v] = eval_node(p, v);
        if (p->loss[v] > 0)
            touch(p, v);
    }
    p->max_evals = 1;
    for (int round = 1; m->n_ordered < m->n; round++) {
        bool changed = false;
        for (size_t r = m->n_ordered; r < m->n; r++) {
            uint32_t v = m->order[r];
            double now = eval_node(p, v);
            if (fabs(now - p->loss[v]) > EPS) {
                p->loss[v] = now;
                touch(p, v);
                changed = true;
            }
        }
        if (!changed)
            break;
        p->max_evals = round + 1;
        if (round + 1 >= max_rounds) {
            p->converged = false;
            break;
        }
        /* what depends on the cycle (also unplaced) is in the same tail */
    }
}
