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
    p->queued = calloc(n, 1);
    p->evals = calloc(n, sizeof(uint16_t));
    p->heap = malloc(n * sizeof(uint32_t));
    p->touched = malloc(n * sizeof(uint32_t));
    p->is_touched = calloc(n, 1);
    p->cut_edge = p->forced = UINT32_MAX;
    p->converged = true;
    if (!p->loss || !p->cut || !p->queued || !p->evals || !p->heap || !p->touched ||
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
    free(p->queued);
    free(p->evals);
    free(p->heap);
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
     * estimate counts.  Spare capacity of the others absorbs some of it. */
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

/* ---- a binary heap of nodes by topological rank ---- */

static void heap_push(struct vc_prop *p, uint32_t v)
{
    const uint32_t *rank = p->m->rank;
    size_t i;
    if (p->queued[v])
        return;
    p->queued[v] = 1;
    i = p->heap_len++;
    while (i > 0) {
        size_t parent = (i - 1) / 2;
        if (rank[p->heap[parent]] <= rank[v])
            break;
        p->heap[i] = p->heap[parent];
        i = parent;
    }
    p->heap[i] = v;
}

static uint32_t heap_pop(struct vc_prop *p)
{
    const uint32_t *rank = p->m->rank;
    uint32_t top = p->heap[0], last = p->heap[--p->heap_len];
    size_t i = 0, n = p->heap_len;

    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= n)
            break;
        if (c + 1 < n && rank[p->heap[c + 1]] < rank[p->heap[c]])
            c++;
        if (rank[last] <= rank[p->heap[c]])
            break;
        p->heap[i] = p->heap[c];
        i = c;
    }
    if (n)
        p->heap[i] = last;
    p->queued[top] = 0;
    return top;
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
    heap_push(p, actor);
}

void vc_prop_cut_provision(struct vc_prop *p, uint32_t edge, uint32_t item)
{
    p->cut_edge = edge;
    heap_push(p, item);
}

void vc_prop_force_item(struct vc_prop *p, uint32_t item)
{
    p->forced = item;
    heap_push(p, item);
}

void vc_prop_run(struct vc_prop *p)
{
    const struct vc_model *m = p->m;
    int max_rounds = p->opts->max_rounds > 0 ? p->opts->max_rounds : 1000;

    while (p->heap_len) {
        uint32_t v = heap_pop(p);
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
        for (uint32_t j = m->dep_start[v]; j < m->dep_start[v + 1]; j++)
            heap_push(p, m->dep[j]);
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
        p->is_touched[v] = 0;
    }
    while (p->heap_len)
        heap_pop(p);
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
    while (p->heap_len)
        heap_pop(p);
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
