/*
 * disruption.c - loss propagation for hypothetical extraction.
 *
 * The loss of a node is a function of its inputs' losses (eval_node); a
 * scenario seeds a few nodes and a worklist ordered by topological rank
 * re-evaluates only what depends on a changed loss.  An item keeps running
 * sums of what reaches it (removed share per level, worst input, weighted
 * variant loss), updated in O(1) per changed input, so re-evaluating it does
 * not walk all its providers and inputs again: losses only grow during a
 * run, so the increments are exact up to rounding.  An actor keeps the
 * same kind of sums over its suppliers (per group of substitutes, the
 * worst group, the linear part of inputs that are not essential) and, with
 * the upstream channel, over its customers.  On an acyclic chain each
 * touched node is evaluated once; on cycles (and along supplies links in
 * both directions, with the upstream channel) nodes are re-evaluated until
 * the losses settle (they only grow and are bounded by 1) or a node reaches
 * opts->max_rounds evaluations.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "disruption.h"

static double tolerance(const struct vc_engine_opts *o)
{
    return o->tolerance > 0 ? o->tolerance : VC_DEFAULT_TOLERANCE;
}

static bool downstream(const struct vc_engine_opts *o)
{
    return o->shock != VC_SHOCK_UPSTREAM;
}

static bool upstream(const struct vc_engine_opts *o)
{
    return o->shock != VC_SHOCK_DOWNSTREAM;
}

enum vc_status vc_prop_init(struct vc_prop *p, const struct vc_model *m,
                            const struct vc_engine_opts *opts)
{
    size_t n = m->n ? m->n : 1;
    memset(p, 0, sizeof(*p));
    p->m = m;
    p->opts = opts;
    p->loss = calloc(n, sizeof(double));
    p->cut = calloc(n, sizeof(double));
    p->acc_r = calloc(2 * n, sizeof(double));
    p->acc_in = calloc(n, sizeof(double));
    p->acc_var = calloc(n, sizeof(double));
    p->acc_grp = calloc(m->n_slots ? m->n_slots : 1, sizeof(double));
    p->acc_sup = calloc(n, sizeof(double));
    p->acc_lin = calloc(n, sizeof(double));
    p->acc_up = calloc(n, sizeof(double));
    p->queued = calloc(n, 1);
    p->evals = calloc(n, sizeof(uint16_t));
    p->pending = calloc((n + 63) / 64, sizeof(uint64_t));
    p->touched = malloc(n * sizeof(uint32_t));
    p->is_touched = calloc(n, 1);
    p->cut_edge = p->forced = UINT32_MAX;
    p->converged = true;
    if (!p->loss || !p->cut || !p->acc_r || !p->acc_in || !p->acc_var || !p->acc_grp ||
        !p->acc_sup || !p->acc_lin || !p->acc_up || !p->queued || !p->evals || !p->pending ||
        !p->touched || !p->is_touched) {
        vc_prop_release(p);
        return VC_ENOMEM;
    }
    return VC_OK;
}

void vc_prop_release(struct vc_prop *p)
{
    free(p->loss);
    free(p->cut);
    free(p->acc_r);
    free(p->acc_in);
    free(p->acc_var);
    free(p->acc_grp);
    free(p->acc_sup);
    free(p->acc_lin);
    free(p->acc_up);
    free(p->queued);
    free(p->evals);
    free(p->pending);
    free(p->touched);
    free(p->is_touched);
    memset(p, 0, sizeof(*p));
}

/* ---- the loss of one node from its inputs' losses ---- */

static double clamp01(double x)
{
    return x < 0 ? 0 : x > 1 ? 1 : x;
}

double vc_essential_loss(const struct vc_model *m, const double *loss, uint32_t v)
{
    double worst = 0;

    /* Essential inputs: output is limited by the scarcest one (Leontief). */
    for (uint32_t j = m->in_start[v]; j < m->in_start[v + 1]; j++)
        if (loss[m->in_src[j]] > worst)
            worst = loss[m->in_src[j]];
    return clamp01(worst);
}

double vc_input_loss(const struct vc_model *m, const struct vc_engine_opts *opts,
                     const double *loss, uint32_t v)
{
    double worst = vc_essential_loss(m, loss, v);

    /* Variants stand in for each other: their weighted mean loss, unless
     * every variant is declared essential. */
    if (m->var_start[v] < m->var_start[v + 1]) {
        double num = 0, den = 0, var_worst = 0;
        for (uint32_t j = m->var_start[v]; j < m->var_start[v + 1]; j++) {
            double l = loss[m->var_src[j]];
            num += m->var_w[j] * l;
            den += m->var_w[j];
            var_worst = l > var_worst ? l : var_worst;
        }
        double var_loss = opts->variants == VC_VARIANTS_ESSENTIAL ? var_worst
                          : den > 0 ? num / den : 0.0;
        if (var_loss > worst)
            worst = var_loss;
    }
    return clamp01(worst);
}

/*
 * An actor's loss from scratch: its cut; downstream, the worst group of
 * substitutes it needs (each group's loss the weighted mean of its
 * suppliers') and the inputs it can do without, counted linearly;
 * upstream, the sales it lost to customers that lost output.
 */
static double eval_actor(const struct vc_prop *p, uint32_t a)
{
    const struct vc_model *m = p->m;
    double loss = p->cut[a], lin = 0;
    uint32_t lo = m->sup_start[a], hi = m->sup_start[a + 1];

    if (downstream(p->opts)) {
        for (uint32_t j = lo; j < hi;) {
            uint32_t group = m->sup_group[j];
            double num = 0, den = 0;
            if (!m->sup_ess[j]) {
                lin += m->sup_coef[j] * p->loss[m->sup_src[j]];
                j++;
                continue;
            }
            for (; j < hi && m->sup_group[j] == group; j++) {
                num += m->sup_w[j] * p->loss[m->sup_src[j]];
                den += m->sup_w[j];
            }
            if (den > 0 && num / den > loss)
                loss = num / den;
        }
        if (lin > loss)
            loss = lin;
    }
    if (upstream(p->opts)) {
        double up = 0;
        for (uint32_t k = m->dep_start[a]; k < m->dep_start[a + 1]; k++)
            if (m->dep_kind[k] == VC_DEP_SUPPLY)
                up += m->sup_up[m->dep_aux[k]] * p->loss[m->dep[k]];
        if (up > loss)
            loss = up;
    }
    return clamp01(loss);
}

/* The same rules as eval_actor, from the running sums. */
static double actor_from_sums(const struct vc_prop *p, uint32_t a)
{
    double loss = p->cut[a];
    if (p->acc_sup[a] > loss)
        loss = p->acc_sup[a];
    if (p->acc_lin[a] > loss)
        loss = p->acc_lin[a];
    if (p->acc_up[a] > loss)
        loss = p->acc_up[a];
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
        if (!q->known && p->skip_estimates)
            continue;
        removed[q->level] += lost * q->share;
    }
    r = clamp01(removed[0] > removed[1] ? removed[0] : removed[1]);
    loss = clamp01(r - p->opts->spare * (1.0 - r));
    r = vc_input_loss(m, p->opts, p->loss, v);
    return r > loss ? r : loss;
}

/* The same rules as eval_item, from the running sums. */
static double item_from_sums(const struct vc_prop *p, uint32_t v)
{
    double r, loss;
    if (v == p->forced)
        return 1.0;
    r = clamp01(p->acc_r[2 * v] > p->acc_r[2 * v + 1] ? p->acc_r[2 * v] : p->acc_r[2 * v + 1]);
    loss = clamp01(r - p->opts->spare * (1.0 - r));
    if (p->acc_in[v] > loss)
        loss = p->acc_in[v];
    if (p->acc_var[v] > loss)
        loss = p->acc_var[v];
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

/* ---- the worklist: a bitmap over topological ranks ----
 *
 * Popping takes the lowest rank waiting at or after the cursor, so on an
 * acyclic chain every node is evaluated once, after all it depends on.
 * On a cycle a push below the cursor waits for the next sweep (the scan
 * wraps around): the nodes of a loop are re-evaluated in sweeps, in rank
 * order, like Gauss-Seidel passes over the nodes that changed.  (Moving
 * the cursor back instead lets a small inner loop re-converge after every
 * tiny change from outside it, which can take orders of magnitude more
 * evaluations.)  Seeds, pushed before the run, move the cursor back. */

static void heap_push(struct vc_prop *p, uint32_t v)
{
    uint32_t r;
    if (p->queued[v])
        return;
    p->queued[v] = 1;
    r = p->m->rank[v];
    p->pending[r / 64] |= (uint64_t)1 << (r % 64);
    if (!p->running && r < p->cursor)
        p->cursor = r;
    p->n_pending++;
}

static uint32_t heap_pop(struct vc_prop *p)
{
    size_t words = (p->m->n + 63) / 64, wi = p->cursor / 64;
    uint64_t w;
    uint32_t r, v;
    if (wi >= words)
        wi = 0, w = p->pending[0];
    else
        w = p->pending[wi] & (~(uint64_t)0 << (p->cursor % 64));
    while (!w) {
        if (++wi == words)
            wi = 0;
        w = p->pending[wi];
    }
    r = (uint32_t)(wi * 64 + (size_t)__builtin_ctzll(w));
    p->pending[wi] &= ~((uint64_t)1 << (r % 64));
    p->cursor = (size_t)r + 1;
    p->n_pending--;
    v = p->m->order[r];
    p->queued[v] = 0;
    return v;
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
    const struct vc_model *m = p->m;
    p->cut_edge = edge; /* for the naive pass */
    for (uint32_t j = m->prov_start[item]; j < m->prov_start[item + 1]; j++) {
        if (m->prov[j].edge != edge || (!m->prov[j].known && p->skip_estimates))
            continue;
        p->used_estimate |= !m->prov[j].known && m->prov[j].share > 0;
        p->acc_r[2 * item + m->prov[j].level] += m->prov[j].share;
    }
    touch(p, item);
    heap_push(p, item);
}

void vc_prop_cut_share(struct vc_prop *p, uint32_t item, enum vc_level level, double share)
{
    p->acc_r[2 * item + level] += share;
    touch(p, item);
    heap_push(p, item);
}

void vc_prop_force_item(struct vc_prop *p, uint32_t item)
{
    p->forced = item;
    touch(p, item);
    heap_push(p, item);
}

/* Passes node u's loss increase (before -> now) on to what depends on it. */
static void spread(struct vc_prop *p, uint32_t u, double before, double now)
{
    const struct vc_model *m = p->m;
    double delta = now - before;
    int essential = p->opts->variants == VC_VARIANTS_ESSENTIAL;
    bool down = downstream(p->opts);

    for (uint32_t k = m->dep_start[u]; k < m->dep_start[u + 1]; k++) {
        uint32_t v = m->dep[k];
        if (m->dep_est[k]) {
            if (p->skip_estimates)
                continue; /* the estimated share read as 0: nothing reaches v */
            if (m->dep_coef[k] > 0)
                p->used_estimate = true;
        }
        switch (m->dep_kind[k]) {
        case VC_DEP_PROVIDES_FIRM:
            p->acc_r[2 * v] += delta * m->dep_coef[k];
            break;
        case VC_DEP_PROVIDES_COUNTRY:
            p->acc_r[2 * v + 1] += delta * m->dep_coef[k];
            break;
        case VC_DEP_INPUT:
            if (now > p->acc_in[v])
                p->acc_in[v] = now;
            break;
        case VC_DEP_VARIANT:
            if (essential)
                p->acc_var[v] = now > p->acc_var[v] ? now : p->acc_var[v];
            else
                p->acc_var[v] += delta * m->dep_coef[k];
            break;
        case VC_DEP_SUPPLY: {
            uint32_t j = m->dep_aux[k];
            if (!down)
                continue;
            if (m->sup_ess[j]) {
                double *g = &p->acc_grp[m->sup_slot[j]];
                *g += delta * m->dep_coef[k];
                if (*g > p->acc_sup[v])
                    p->acc_sup[v] = *g;
            } else {
                p->acc_lin[v] += delta * m->dep_coef[k];
            }
            break;
        }
        }
        touch(p, v);
        heap_push(p, v);
    }
    /* Upstream: u's suppliers lose the share of their sales that went to u. */
    if (upstream(p->opts) && m->chain->kind[u] == VC_KIND_ACTOR) {
        for (uint32_t j = m->sup_start[u]; j < m->sup_start[u + 1]; j++) {
            uint32_t a = m->sup_src[j];
            if (m->sup_up[j] <= 0)
                continue;
            p->acc_up[a] += delta * m->sup_up[j];
            touch(p, a);
            heap_push(p, a);
        }
    }
}

void vc_prop_run(struct vc_prop *p)
{
    const struct vc_model *m = p->m;
    int max_rounds = p->opts->max_rounds > 0 ? p->opts->max_rounds : 1000;
    double tol = tolerance(p->opts);

    p->running = true;
    while (p->n_pending) {
        uint32_t v = heap_pop(p);
        int kind = m->chain->kind[v];
        double now = kind == VC_KIND_ITEM ? item_from_sums(p, v)
                     : kind == VC_KIND_ACTOR ? actor_from_sums(p, v) : 0.0;
        double before = p->loss[v];
        if (fabs(now - before) <= tol)
            continue;
        touch(p, v);
        p->loss[v] = now;
        if (p->evals[v] < UINT16_MAX && ++p->evals[v] > p->max_evals)
            p->max_evals = p->evals[v];
        if (p->evals[v] >= max_rounds) {
            p->converged = false; /* stop feeding a cycle that will not settle */
            continue;
        }
        spread(p, v, before, now);
    }
    p->running = false;
}

double vc_prop_impact(const struct vc_prop *p)
{
    const struct vc_model *m = p->m;
    double sum = 0;
    /* Only touched nodes carry a loss: sum over them, not over every final. */
    for (size_t j = 0; j < p->n_touched; j++)
        sum += m->node_final_w[p->touched[j]] * p->loss[p->touched[j]];
    return sum;
}

void vc_prop_reset(struct vc_prop *p)
{
    for (size_t j = 0; j < p->n_touched; j++) {
        uint32_t v = p->touched[j];
        p->loss[v] = 0;
        p->cut[v] = 0;
        p->acc_r[2 * v] = p->acc_r[2 * v + 1] = 0;
        p->acc_in[v] = p->acc_var[v] = 0;
        p->acc_sup[v] = p->acc_lin[v] = p->acc_up[v] = 0;
        for (uint32_t s = p->m->slot_start[v]; s < p->m->slot_start[v + 1]; s++)
            p->acc_grp[s] = 0;
        p->evals[v] = 0;
        p->is_touched[v] = 0;
    }
    while (p->n_pending)
        heap_pop(p);
    p->n_touched = 0;
    p->cut_edge = p->forced = UINT32_MAX;
    p->max_evals = 0;
    p->converged = true;
    p->used_estimate = p->skip_estimates = false;
}

void vc_prop_run_naive(struct vc_prop *p)
{
    const struct vc_model *m = p->m;
    int max_rounds = p->opts->max_rounds > 0 ? p->opts->max_rounds : 1000;
    double tol = tolerance(p->opts);
    /* with the upstream channel, any node may depend on any later one */
    size_t from = upstream(p->opts) ? 0 : m->n_ordered;

    /* Everything from scratch, in topological order; cycles by repeated
     * passes over the nodes that Kahn's order could not place. */
    while (p->n_pending)
        heap_pop(p);
    for (size_t r = 0; r < m->n; r++) {
        uint32_t v = m->order[r];
        p->loss[v] = eval_node(p, v);
        if (p->loss[v] > 0)
            touch(p, v);
    }
    p->max_evals = 1;
    for (int round = 1; from < m->n; round++) {
        bool changed = false;
        for (size_t r = from; r < m->n; r++) {
            uint32_t v = m->order[r];
            double now = eval_node(p, v);
            if (fabs(now - p->loss[v]) > tol) {
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
