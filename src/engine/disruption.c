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

#include "core/mem.h"
#include "disruption.h"

/* The running sums in struct vc_node_state s[]: an item's, an actor's. */
enum { S_R_FIRM = VC_LEVEL_FIRM, S_R_COUNTRY = VC_LEVEL_COUNTRY, S_IN, S_VAR };
enum { S_SUP, S_LIN, S_UP };

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
    p->st = calloc(n, sizeof(*p->st));
    p->acc_grp = calloc(m->n_slots ? m->n_slots : 1, sizeof(double));
    p->pending = calloc((n + 63) / 64, sizeof(uint64_t));
    p->summary = calloc((n + 4095) / 4096, sizeof(uint64_t));
    p->touched = malloc(n * sizeof(uint32_t));
    p->cut_edge = p->forced = UINT32_MAX;
    p->converged = true;
    if (!p->loss || !p->st || !p->acc_grp || !p->pending || !p->summary || !p->touched) {
        vc_prop_release(p);
        return VC_ENOMEM;
    }
    return VC_OK;
}

void vc_prop_release(struct vc_prop *p)
{
    VC_FREE_ALL(p->loss, p->st, p->acc_grp, p->pending, p->summary, p->touched);
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
    double loss = p->st[a].cut, lin = 0;
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
            if (m->dep_kind[k] == VC_DEP_SUPPLY || m->dep_kind[k] == VC_DEP_SUPPLY_LINEAR)
                up += m->dep_up[k] * p->loss[m->dep[k]];
        if (up > loss)
            loss = up;
    }
    return clamp01(loss);
}

/* The same rules as eval_actor, from the running sums. */
static double actor_from_sums(const struct vc_prop *p, uint32_t a)
{
    double loss = p->st[a].cut;
    if (p->st[a].s[S_SUP] > loss)
        loss = p->st[a].s[S_SUP];
    if (p->st[a].s[S_LIN] > loss)
        loss = p->st[a].s[S_LIN];
    if (p->st[a].s[S_UP] > loss)
        loss = p->st[a].s[S_UP];
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
    r = clamp01(p->st[v].s[S_R_FIRM] > p->st[v].s[S_R_COUNTRY] ? p->st[v].s[S_R_FIRM] : p->st[v].s[S_R_COUNTRY]);
    loss = clamp01(r - p->opts->spare * (1.0 - r));
    if (p->st[v].s[S_IN] > loss)
        loss = p->st[v].s[S_IN];
    if (p->st[v].s[S_VAR] > loss)
        loss = p->st[v].s[S_VAR];
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
    if (p->st[v].queued)
        return;
    p->st[v].queued = 1;
    r = p->m->rank[v];
    p->pending[r / 64] |= (uint64_t)1 << (r % 64);
    p->summary[r / 4096] |= (uint64_t)1 << ((r / 64) % 64);
    if (!p->running && r < p->cursor)
        p->cursor = r;
    p->n_pending++;
}

/* The first word of pending at or after word `from` that has a bit set,
 * wrapping round; the summary (a bit per word) skips empty stretches. */
static size_t next_word(const struct vc_prop *p, size_t from)
{
    size_t words = (p->m->n + 63) / 64, swords = (words + 63) / 64, sw;
    uint64_t s;
    if (from >= words)
        from = 0;
    sw = from / 64;
    s = p->summary[sw] & (~(uint64_t)0 << (from % 64));
    while (!s) {
        if (++sw == swords)
            sw = 0;
        s = p->summary[sw];
    }
    return sw * 64 + (size_t)__builtin_ctzll(s);
}

static uint32_t heap_pop(struct vc_prop *p)
{
    size_t words = (p->m->n + 63) / 64, wi = p->cursor / 64;
    uint64_t w = wi < words ? p->pending[wi] & (~(uint64_t)0 << (p->cursor % 64)) : 0;
    uint32_t r, v;
    if (!w) {
        wi = next_word(p, wi + 1);
        w = p->pending[wi];
    }
    r = (uint32_t)(wi * 64 + (size_t)__builtin_ctzll(w));
    if (!(p->pending[wi] &= ~((uint64_t)1 << (r % 64))))
        p->summary[wi / 64] &= ~((uint64_t)1 << (wi % 64));
    p->cursor = (size_t)r + 1;
    p->n_pending--;
    v = p->m->order[r];
    p->st[v].queued = 0;
    return v;
}

static void touch(struct vc_prop *p, uint32_t v)
{
    if (!p->st[v].touched) {
        p->st[v].touched = 1;
        p->touched[p->n_touched++] = v;
    }
}

/* ---- scenarios ---- */

void vc_prop_cut_actor(struct vc_prop *p, uint32_t actor, double fraction)
{
    touch(p, actor);
    p->st[actor].cut = clamp01(fraction);
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
        p->st[item].s[m->prov[j].level] += m->prov[j].share;
    }
    touch(p, item);
    heap_push(p, item);
}

void vc_prop_cut_share(struct vc_prop *p, uint32_t item, enum vc_level level, double share)
{
    p->st[item].s[level] += share;
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
/* Queues v when what reaches it now moves its loss by more than tol: a
 * node whose evaluation would change nothing is not queued (it would be
 * popped and skipped).  Either way its sums changed, so it is touched.
 * After an evaluation every sum is at most the node's loss, so the sum
 * just raised (acc) is all an actor's new loss can come from. */
static inline void offer_actor(struct vc_prop *p, uint32_t v, double acc, double tol)
{
    touch(p, v);
    if (acc - p->loss[v] > tol && p->loss[v] < 1.0)
        heap_push(p, v);
}

static inline void offer_item(struct vc_prop *p, uint32_t v, double tol)
{
    touch(p, v);
    if (item_from_sums(p, v) - p->loss[v] > tol)
        heap_push(p, v);
}

static void spread(struct vc_prop *p, uint32_t u, double before, double now, double tol)
{
    const struct vc_model *m = p->m;
    double delta = now - before;
    int essential = p->opts->variants == VC_VARIANTS_ESSENTIAL;
    bool down = downstream(p->opts);

    for (uint32_t k = m->dep_start[u]; k < m->dep_start[u + 1]; k++) {
        uint32_t v = m->dep[k];
        switch (m->dep_kind[k]) {
        case VC_DEP_PROVIDES_FIRM:
            p->st[v].s[S_R_FIRM] += delta * m->dep_coef[k];
            break;
        case VC_DEP_PROVIDES_COUNTRY:
            p->st[v].s[S_R_COUNTRY] += delta * m->dep_coef[k];
            break;
        case VC_DEP_PROVIDES_FIRM_EST:
        case VC_DEP_PROVIDES_COUNTRY_EST:
            if (p->skip_estimates)
                continue; /* the estimated share read as 0: nothing reaches v */
            p->used_estimate |= m->dep_coef[k] > 0;
            p->st[v].s[m->dep_kind[k] == VC_DEP_PROVIDES_COUNTRY_EST ? S_R_COUNTRY : S_R_FIRM] +=
                delta * m->dep_coef[k];
            break;
        case VC_DEP_INPUT:
            if (now > p->st[v].s[S_IN])
                p->st[v].s[S_IN] = now;
            break;
        case VC_DEP_VARIANT:
            if (essential)
                p->st[v].s[S_VAR] = now > p->st[v].s[S_VAR] ? now : p->st[v].s[S_VAR];
            else
                p->st[v].s[S_VAR] += delta * m->dep_coef[k];
            break;
        case VC_DEP_SUPPLY: {
            double *g;
            if (!down)
                continue;
            g = &p->acc_grp[m->dep_aux[k]];
            *g += delta * m->dep_coef[k];
            if (*g > p->st[v].s[S_SUP])
                p->st[v].s[S_SUP] = *g;
            offer_actor(p, v, p->st[v].s[S_SUP], tol);
            continue;
        }
        case VC_DEP_SUPPLY_LINEAR:
            if (!down)
                continue;
            p->st[v].s[S_LIN] += delta * m->dep_coef[k];
            offer_actor(p, v, p->st[v].s[S_LIN], tol);
            continue;
        }
        offer_item(p, v, tol);
    }
    /* Upstream: u's suppliers lose the share of their sales that went to u. */
    if (upstream(p->opts) && m->chain->kind[u] == VC_KIND_ACTOR) {
        for (uint32_t j = m->sup_start[u]; j < m->sup_start[u + 1]; j++) {
            uint32_t a = m->sup_src[j];
            if (m->sup_up[j] <= 0)
                continue;
            p->st[a].s[S_UP] += delta * m->sup_up[j];
            offer_actor(p, a, p->st[a].s[S_UP], tol);
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
        if (p->st[v].evals < UINT16_MAX && ++p->st[v].evals > p->max_evals)
            p->max_evals = p->st[v].evals;
        if (p->st[v].evals >= max_rounds) {
            p->converged = false; /* stop feeding a cycle that will not settle */
            continue;
        }
        spread(p, v, before, now, tol);
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
        memset(&p->st[v], 0, sizeof(p->st[v]));
        for (uint32_t s = p->m->slot_start[v]; s < p->m->slot_start[v + 1]; s++)
            p->acc_grp[s] = 0;
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
