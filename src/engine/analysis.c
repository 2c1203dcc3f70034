/*
 * analysis.c - the whole scoring of a chain, and its results as columns.
 *
 * Order of work: the model; concentration; single points of failure and
 * reach (bit-parallel, threaded); position (igraph, this thread); the
 * extraction of every actor, item, country and provision (threaded,
 * incremental, and spread over the processes of a parallel job: vchain/spread.h);
 * control points and their ranking.  docs/model.md defines each figure.
 */
#define _GNU_SOURCE /* qsort_r */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/mem.h"
#include "bitsets.h"
#include "bound.h"
#include "centrality.h"
#include "concentration.h"
#include "disruption.h"
#include "firms.h"
#include "igraph_glue.h"
#include "parallel.h"
#include "vchain/knowledge.h"
#include "vchain/spread.h"

/* ---- extraction batches, spread over threads (and processes: vchain/spread.h) ---- */

enum job_kind { JOB_ACTOR, JOB_ITEM, JOB_COUNTRY, JOB_PROVISION };

struct batch {
    const struct vc_model *m;
    const struct vc_engine_opts *opts;
    struct vc_prop *props;      /* one per thread */
    unsigned threads;
    enum job_kind kind;
    const uint32_t *ids;        /* actor, item, country or provision (edge) per task */
    const uint32_t *aux;        /* JOB_PROVISION: the item; JOB_COUNTRY: actor list starts */
    const uint32_t *members;    /* JOB_COUNTRY: actors by country */
    double *out;                /* impact per task */
    uint8_t *estimated;         /* per task: the impact rests on an estimated share */
    int *rounds;                /* per thread */
    bool *converged;            /* per thread */
    size_t first, step;         /* the tasks of this run: first + k * step */
    const char *stage;          /* for progress */
    int batch_rounds;           /* combined over the batch */
    bool batch_converged;
};

static void seed_task(struct batch *b, struct vc_prop *p, size_t t)
{
    switch (b->kind) {
    case JOB_ACTOR:
        vc_prop_cut_actor(p, b->ids[t], 1.0);
        break;
    case JOB_ITEM:
        vc_prop_force_item(p, b->ids[t]);
        break;
    case JOB_PROVISION:
        vc_prop_cut_provision(p, b->ids[t], b->aux[t]);
        break;
    case JOB_COUNTRY:
        for (uint32_t j = b->aux[b->ids[t]]; j < b->aux[b->ids[t] + 1]; j++)
            vc_prop_cut_actor(p, b->members[j], 1.0);
        break;
    }
}

static void note_run(struct batch *b, const struct vc_prop *p, unsigned thread)
{
    if (p->max_evals > b->rounds[thread])
        b->rounds[thread] = p->max_evals;
    b->converged[thread] &= p->converged;
}

static void run_task(void *ctx, size_t k, unsigned thread)
{
    struct batch *b = ctx;
    struct vc_prop *p = &b->props[thread];
    size_t t = b->first + k * b->step;
    bool used;

    seed_task(b, p, t);
    vc_prop_run(p);
    b->out[t] = vc_prop_impact(p);
    used = p->used_estimate;
    note_run(b, p, thread);
    vc_prop_reset(p);
    b->estimated[t] = 0;
    if (used) {
        /* An estimated share carried a loss: the impact rests on the
         * estimates when the same extraction without them gives less
         * (docs/model.md, "Unknown shares"). */
        p->skip_estimates = true;
        seed_task(b, p, t);
        vc_prop_run(p);
        b->estimated[t] = vc_prop_impact(p) < b->out[t] - 1e-9;
        note_run(b, p, thread);
        vc_prop_reset(p);
    }
}

struct progress_ctx {
    const struct vc_engine_opts *opts;
    const char *stage;
};

static void report_progress(void *ctx, size_t done, size_t total)
{
    struct progress_ctx *pc = ctx;
    pc->opts->progress(pc->opts->progress_ctx, pc->stage, done, total);
}

/* vc_spread_job.run: the tasks first + k * step on this process's threads. */
static void run_tasks(void *ctx, size_t first, size_t step, size_t count)
{
    struct batch *b = ctx;
    struct progress_ctx pc = { b->opts, b->stage };

    b->first = first;
    b->step = step;
    for (unsigned t = 0; t < b->threads; t++) {
        b->rounds[t] = 0;
        b->converged[t] = true;
    }
    vc_parallel_for(count, b->threads, run_task, b, b->opts->progress ? report_progress : NULL,
                    &pc);
    for (unsigned t = 0; t < b->threads; t++) {
        if (b->rounds[t] > b->batch_rounds)
            b->batch_rounds = b->rounds[t];
        b->batch_converged &= b->converged[t];
    }
}

/* Every task of the batch, into b->out and b->estimated. */
static enum vc_status run_batch(struct batch *b, size_t n_tasks, struct vc_analysis *a,
                                const char *stage, struct vc_error *err)
{
    struct vc_spread_job job;
    enum vc_status st;

    memset(&job, 0, sizeof(job));
    b->stage = stage;
    b->batch_rounds = 0;
    b->batch_converged = true;
    job.n = n_tasks;
    job.run = run_tasks;
    job.ctx = b;
    job.out[0].base = b->out;
    job.out[0].width = sizeof(*b->out);
    job.out[1].base = b->estimated;
    job.out[1].width = sizeof(*b->estimated);
    job.n_out = 2;
    job.rounds = &b->batch_rounds;
    job.converged = &b->batch_converged;
    job.source = a->chain->graph->source;
    if ((st = vc_spread_run(&job, err)) != VC_OK)
        return st;
    if (b->batch_rounds > a->rounds)
        a->rounds = b->batch_rounds;
    a->converged &= b->batch_converged;
    return VC_OK;
}

/* ---- results ---- */

void vc_analysis_release(struct vc_analysis *a)
{
    VC_FREE_ALL(a->impact, a->impact_estimated, a->impact_bound, a->conc, a->conc_level,
                a->conc_other,
                a->share_max, a->replaceability, a->spof_finals, a->reach_items, a->reach_final,
                a->pagerank_down, a->pagerank_up, a->betweenness, a->in_strength, a->out_strength,
                a->trophic_level, a->in_degree, a->out_degree, a->control_point, a->provisions,
                a->supplies, a->firms, a->firm_index, a->countries);
    memset(a, 0, sizeof(*a));
}

static enum vc_status alloc_results(struct vc_analysis *a)
{
    size_t n = a->n ? a->n : 1;
    a->impact = malloc(n * sizeof(double));
    a->impact_estimated = calloc(n, 1);
    a->impact_bound = calloc(n, 1);
    a->conc = calloc(n, sizeof(*a->conc));
    a->conc_level = calloc(n, 1);
    a->share_max = malloc(n * sizeof(double));
    a->replaceability = malloc(n * sizeof(double));
    a->spof_finals = calloc(n, sizeof(uint32_t));
    a->reach_items = calloc(n, sizeof(uint32_t));
    a->reach_final = calloc(n, sizeof(uint32_t));
    a->control_point = calloc(n, 1);
    if (!a->impact || !a->impact_estimated || !a->impact_bound || !a->conc || !a->conc_level || !a->share_max || !a->replaceability ||
        !a->spof_finals || !a->reach_items || !a->reach_final || !a->control_point)
        return VC_ENOMEM;
    for (size_t k = 0; k < a->n; k++)
        a->impact[k] = a->share_max[k] = a->replaceability[k] = NAN;
    return VC_OK;
}

/* The smallest number of named providers (largest first) reaching `share`;
 * unknown shares and aggregates do not count. */
static int providers_to_reach(const struct vc_model *m, uint32_t item, enum vc_level level,
                              double share, uint32_t *last_edge)
{
    double sum = 0;
    int k = 0;
    for (uint32_t j = m->prov_start[item]; j < m->prov_start[item + 1]; j++) {
        const struct vc_provision_ref *p = &m->prov[j];
        if (p->level != level || !p->known || m->chain->aggregate[p->actor])
            continue;
        sum += p->share;
        k++;
        if (sum >= share - 1e-12) {
            *last_edge = p->edge;
            return k;
        }
    }
    return -1;
}

static bool among_top(const struct vc_model *m, uint32_t item, enum vc_level level, int k,
                      uint32_t edge)
{
    int seen = 0;
    for (uint32_t j = m->prov_start[item]; j < m->prov_start[item + 1] && seen < k; j++) {
        const struct vc_provision_ref *p = &m->prov[j];
        if (p->level != level || !p->known || m->chain->aggregate[p->actor])
            continue;
        if (p->edge == edge)
            return true;
        seen++;
    }
    return false;
}

static int cmp_provisions(const void *x, const void *y, void *ctx)
{
    const struct vc_analysis *a = ctx;
    const struct vc_provision_score *p = x, *q = y;
    double pi = isnan(p->impact) ? -1 : p->impact, qi = isnan(q->impact) ? -1 : q->impact;
    int d;

    if (p->control_point != q->control_point)
        return p->control_point ? -1 : 1;
    if (pi != qi)
        return pi > qi ? -1 : 1;
    if (p->share != q->share)
        return p->share > q->share ? -1 : 1;
    if (a->pagerank_down[p->item] != a->pagerank_down[q->item])
        return a->pagerank_down[p->item] > a->pagerank_down[q->item] ? -1 : 1;
    d = strcmp(a->chain->label[p->actor], a->chain->label[q->actor]);
    if (d)
        return d;
    d = strcmp(a->chain->label[p->item], a->chain->label[q->item]);
    return d ? d : (p->edge > q->edge) - (p->edge < q->edge);
}

static int cmp_provision_index(const void *x, const void *y, void *ctx)
{
    const struct vc_analysis *a = ctx;
    return cmp_provisions(&a->provisions[*(const uint32_t *)x],
                          &a->provisions[*(const uint32_t *)y], ctx);
}

/*
 * Sorts a->provisions by cmp_provisions through an index (4 bytes each):
 * sorting the records themselves would take a buffer as large as they
 * are, on a chain of millions of provisions the largest allocation of the
 * run.  The same order as sorting them directly: every comparison ends on
 * the edge, so no two differ by where they started.
 */
static enum vc_status rank_provisions(struct vc_analysis *a)
{
    size_t n = a->n_provisions;
    uint32_t *order = malloc((n ? n : 1) * sizeof(uint32_t));

    if (!order)
        return VC_ENOMEM;
    for (size_t k = 0; k < n; k++)
        order[k] = (uint32_t)k;
    qsort_r(order, n, sizeof(*order), cmp_provision_index, a);
    /* apply the permutation in place, cycle by cycle; order[k] = k marks
     * a place done */
    for (size_t k = 0; k < n; k++) {
        struct vc_provision_score held;
        size_t j = k;
        if (order[k] == k)
            continue;
        held = a->provisions[k];
        while (order[j] != k) {
            size_t next = order[j];
            a->provisions[j] = a->provisions[next];
            order[j] = (uint32_t)j;
            j = next;
        }
        a->provisions[j] = held;
        order[j] = (uint32_t)j;
    }
    free(order);
    return VC_OK;
}

static int cmp_countries(const void *x, const void *y)
{
    const struct vc_country_score *p = x, *q = y;
    if (p->impact != q->impact)
        return p->impact > q->impact ? -1 : 1;
    return strcmp(p->code, q->code);
}

static int cmp_str(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* Distinct country codes of actors, and each country's actors (CSR). */
static enum vc_status collect_countries(struct vc_analysis *a, uint32_t **start_out,
                                        uint32_t **members_out)
{
    const struct vc_chain *c = a->chain;
    const char **codes = malloc((a->n ? a->n : 1) * sizeof(char *));
    size_t k = 0, distinct = 0;
    uint32_t *start = NULL, *members = NULL;

    if (!codes)
        return VC_ENOMEM;
    for (size_t v = 0; v < a->n; v++)
        if (c->kind[v] == VC_KIND_ACTOR && c->country[v] && !c->aggregate[v])
            codes[k++] = c->country[v];
    qsort(codes, k, sizeof(*codes), cmp_str);
    for (size_t j = 0; j < k; j++)
        if (!j || strcmp(codes[j], codes[j - 1]) != 0)
            codes[distinct++] = codes[j];
    a->countries = calloc(distinct ? distinct : 1, sizeof(*a->countries));
    start = calloc(distinct + 1, sizeof(uint32_t));
    members = malloc((k ? k : 1) * sizeof(uint32_t));
    if (!a->countries || !start || !members) {
        free(codes);
        free(start);
        free(members);
        return VC_ENOMEM;
    }
    a->n_countries = distinct;
    for (size_t j = 0; j < distinct; j++)
        a->countries[j].code = codes[j];
    /* members, grouped by country (binary search of each actor's code) */
    for (size_t v = 0; v < a->n; v++) {
        if (c->kind[v] != VC_KIND_ACTOR || !c->country[v] || c->aggregate[v])
            continue;
        const char **hit = bsearch(&c->country[v], codes, distinct, sizeof(*codes), cmp_str);
        start[hit - codes + 1]++;
    }
    for (size_t j = 0; j < distinct; j++)
        start[j + 1] += start[j];
    for (size_t v = 0; v < a->n; v++) {
        if (c->kind[v] != VC_KIND_ACTOR || !c->country[v] || c->aggregate[v])
            continue;
        const char **hit = bsearch(&c->country[v], codes, distinct, sizeof(*codes), cmp_str);
        members[start[hit - codes]++] = (uint32_t)v;
    }
    for (size_t j = distinct; j > 0; j--)
        start[j] = start[j - 1];
    start[0] = 0;
    for (size_t j = 0; j < distinct; j++)
        a->countries[j].actors = start[j + 1] - start[j];
    free(codes);
    *start_out = start;
    *members_out = members;
    return VC_OK;
}

/* The items' concentration at the level other than conc_level, for the
 * provisions there; none when no item has rows at both levels. */
static enum vc_status other_level_conc(struct vc_analysis *a, const struct vc_model *m)
{
    bool any = false;

    for (size_t v = 0; v < a->n && !any; v++)
        any = a->chain->kind[v] == VC_KIND_ITEM && m->has_level[v] == 3;
    if (!any)
        return VC_OK;
    if (!(a->conc_other = calloc(a->n, sizeof(*a->conc_other))))
        return VC_ENOMEM;
    for (size_t v = 0; v < a->n; v++)
        if (a->chain->kind[v] == VC_KIND_ITEM && m->has_level[v] == 3)
            vc_concentration_of(m, v, a->conc_level[v] == VC_LEVEL_FIRM ? VC_LEVEL_COUNTRY
                                                                         : VC_LEVEL_FIRM,
                                &a->conc_other[v]);
    return VC_OK;
}

static enum vc_status score_provisions(struct vc_analysis *a, const struct vc_model *m)
{
    const struct vc_chain *c = a->chain;
    const struct vc_engine_opts *o = &a->opts;
    size_t k = 0;

    if (other_level_conc(a, m) != VC_OK)
        return VC_ENOMEM;
    a->n_provisions = m->prov_start[m->n];
    a->provisions = calloc(a->n_provisions ? a->n_provisions : 1, sizeof(*a->provisions));
    if (!a->provisions)
        return VC_ENOMEM;
    for (uint32_t i = 0; i < m->n; i++) {
        for (uint32_t j = m->prov_start[i]; j < m->prov_start[i + 1]; j++) {
            const struct vc_provision_ref *r = &m->prov[j];
            struct vc_provision_score *p = &a->provisions[k++];
            uint32_t last = UINT32_MAX;
            int few;

            p->edge = r->edge;
            p->actor = r->actor;
            p->item = i;
            p->level = r->level;
            p->share = r->share;
            p->share_known = r->known;
            p->impact = NAN;
            if (c->aggregate[r->actor] || !r->known)
                continue; /* never a control point; an estimate never makes one */
            few = providers_to_reach(m, i, (enum vc_level)p->level, o->theta_pair, &last);
            /* the pair rule is for duopolists, not a small player beside a big one */
            p->hard_to_replace = r->share >= o->theta_share ||
                                 (few > 0 && few <= 2 && r->share >= o->theta_pair_min &&
                                  among_top(m, i, (enum vc_level)p->level, few, r->edge));
        }
    }
    return VC_OK;
}

static void decide_control_points(struct vc_analysis *a)
{
    for (size_t k = 0; k < a->n_provisions; k++) {
        struct vc_provision_score *p = &a->provisions[k];
        /* It matters when losing it costs enough, or when the actor or the
         * item alone can stop a final item (a final item stops itself). */
        bool matters = (!isnan(p->impact) && p->impact >= a->opts.theta_impact) ||
                       a->spof_finals[p->actor] > 0 || a->spof_finals[p->item] > 0;
        p->control_point = p->hard_to_replace && matters;
        if (p->control_point) {
            a->control_point[p->actor] = 1;
            a->control_point[p->item] = 1;
        }
        /* the actor's best position: its largest share, lowest replaceability */
        if (isnan(a->share_max[p->actor]) || p->share > a->share_max[p->actor])
            a->share_max[p->actor] = p->share;
        double repl = vc_provision_replaceability(a, p);
        if (isnan(a->replaceability[p->actor]) || repl < a->replaceability[p->actor])
            a->replaceability[p->actor] = repl;
    }
}

static enum vc_status take_position(struct vc_analysis *a, struct vc_position *pos)
{
    a->pagerank_down = pos->pagerank_down;
    a->pagerank_up = pos->pagerank_up;
    a->betweenness = pos->betweenness;
    a->in_strength = pos->in_strength;
    a->out_strength = pos->out_strength;
    a->trophic_level = pos->trophic_level;
    a->in_degree = pos->in_degree;
    a->out_degree = pos->out_degree;
    a->betweenness_samples = pos->betweenness_samples;
    memset(pos, 0, sizeof(*pos));
    return VC_OK;
}

/* ---- bounds instead of extractions (bound.c, docs/model.md) ---- */

/* The margin by which a bound must stay below theta_impact: the computed
 * impacts are within the propagation's tolerance of the exact ones. */
#define BOUND_MARGIN 1e-9

/* What opts.bounds asks for on this chain. */
static bool bounds_wanted(const struct vc_analysis *a)
{
    return a->opts.bounds == VC_BOUNDS_ALWAYS ||
           (a->opts.bounds == VC_BOUNDS_AUTO && a->chain->n_actors >= VC_BOUNDS_AUTO_ACTORS);
}

/*
 * Reach.  With bounds, on a chain with items, only the items of
 * hard-to-replace provisions (the rows `rank` shows with reach) are walked,
 * the rest left VC_REACH_UNKNOWN: every node's reach costs n^2 / 64 words,
 * the longest step on a chain of millions of nodes.
 */
static enum vc_status reach(struct vc_analysis *a, const struct vc_model *m,
                            struct vc_error *err)
{
    uint8_t *want;
    enum vc_status st;

    if (!bounds_wanted(a) || !a->chain->n_items)
        return vc_reach_counts(m, a->opts.threads, a->reach_items, a->reach_final, err);
    if (!(want = calloc(a->n ? a->n : 1, 1)))
        return vc_error_set(err, VC_ENOMEM, a->chain->graph->source, 0, 0,
                            "out of memory for reach");
    for (size_t k = 0; k < a->n_provisions; k++)
        if (a->provisions[k].hard_to_replace)
            want[a->provisions[k].item] = 1;
    st = vc_reach_of(m, a->opts.threads, want, a->reach_items, a->reach_final, err);
    free(want);
    return st;
}

/*
 * Whether bounds are to be used (opts.bounds, and the model allows them),
 * and then bound[v] per actor (NAN where none applies); NAN everywhere
 * otherwise.  Called after the items' extractions, which must have settled:
 * a bound from unsettled losses would bound nothing.
 */

static bool plan_bounds(const struct vc_analysis *a, const struct vc_model *m, double *bound)
{
    bool use = bounds_wanted(a) && a->converged && vc_bound_valid(m, &a->opts);

    if (use)
        vc_bound_actors(m, a->impact, bound);
    else
        for (size_t v = 0; v < a->n; v++)
            bound[v] = NAN;
    return use;
}

/* A hard-to-replace provision needs its extraction unless it is no control
 * point whatever its impact: its bound stays below theta_impact and neither
 * its actor nor its item alone can stop a final item.  (Its cut reaches
 * items only, so the bound holds whatever else its actor does.) */
static bool provision_bounded(const struct vc_analysis *a, const struct vc_provision_score *p,
                              bool use)
{
    return use && !a->spof_finals[p->actor] && !a->spof_finals[p->item] &&
           vc_bound_provision(p->share, a->impact[p->item]) < a->opts.theta_impact - BOUND_MARGIN;
}

/* An actor needs its extraction unless a bound applies to it, stays below
 * theta_impact, and it holds no control point (whose holders rank by it). */
static bool actor_bounded(const struct vc_analysis *a, size_t v, const double *bound)
{
    return !isnan(bound[v]) && bound[v] < a->opts.theta_impact - BOUND_MARGIN &&
           !a->control_point[v];
}

enum vc_status vc_analysis_run(const struct vc_chain *c, const struct vc_engine_opts *opts,
                               struct vc_analysis *out, struct vc_error *err)
{
    static const struct vc_engine_opts defaults = VC_ENGINE_OPTS_INIT;
    struct vc_analysis a;
    struct vc_model m;
    struct vc_position pos;
    struct batch b;
    unsigned threads;
    uint32_t *ids = NULL, *aux = NULL, *cstart = NULL, *cmembers = NULL;
    double *impacts = NULL, *bound = NULL;
    uint8_t *est = NULL;
    size_t n_ids, n_max;
    bool use_bounds, lean;
    enum vc_status st;

    vc_igraph_init();
    memset(&a, 0, sizeof(a));
    memset(&b, 0, sizeof(b));
    memset(&m, 0, sizeof(m));
    a.chain = c;
    a.opts = opts ? *opts : defaults;
    a.n = c->n_nodes;
    a.converged = true;
    threads = vc_threads(a.opts.threads);
    if ((st = alloc_results(&a)) != VC_OK)
        goto nomem;
    /* Position first: igraph's copy of the graph, the largest transient
     * (some 60 bytes per edge), is gone before the model (about 45 bytes
     * per edge) and the provisions' scores arrive; on a chain of millions
     * of edges any two of them together would set the peak. */
    if (a.opts.progress)
        a.opts.progress(a.opts.progress_ctx, "centrality", 0, 1);
    lean = bounds_wanted(&a) && c->n_items;
    if ((st = vc_position_compute(c, &a.opts, lean, &pos, err)) != VC_OK)
        goto out;
    take_position(&a, &pos);
    if ((st = vc_model_build(c, &a.opts, &m, err)) != VC_OK)
        goto out;
    if ((st = vc_position_trophic(&m, lean, &a.trophic_level, err)) != VC_OK)
        goto out;

    for (size_t v = 0; v < a.n; v++) {
        if (c->kind[v] != VC_KIND_ITEM)
            continue;
        enum vc_level l = vc_concentration_level(&m, v, a.opts.level);
        a.conc_level[v] = (uint8_t)l;
        vc_concentration_of(&m, v, l, &a.conc[v]);
    }
    if (a.opts.progress)
        a.opts.progress(a.opts.progress_ctx, "single points of failure", 0, 1);
    if ((st = vc_spof_counts(&m, &a.opts, a.opts.level, a.spof_finals, err)) != VC_OK)
        goto out;
    if ((st = score_provisions(&a, &m)) != VC_OK)
        goto nomem;
    if ((st = reach(&a, &m, err)) != VC_OK)
        goto out;

    /* Extractions: every item, hard provisions, every actor, every country;
     * items first, whose impacts bound the others' (opts.bounds). */
    b.m = &m;
    b.opts = &a.opts;
    b.threads = threads;
    b.props = calloc(threads, sizeof(*b.props));
    b.rounds = calloc(threads, sizeof(int));
    b.converged = malloc(threads * sizeof(bool));
    /* the largest batch: every node, or the hard-to-replace provisions */
    n_max = a.n;
    for (size_t k = 0, hard = 0; k < a.n_provisions; k++)
        if (a.provisions[k].hard_to_replace && ++hard > n_max)
            n_max = hard;
    n_max++;
    ids = malloc(n_max * sizeof(uint32_t));
    aux = malloc(n_max * sizeof(uint32_t));
    impacts = malloc(n_max * sizeof(double));
    est = malloc(n_max);
    bound = malloc((a.n + 1) * sizeof(double));
    if (!b.props || !b.rounds || !b.converged || !ids || !aux || !impacts || !est || !bound)
        goto nomem;
    for (unsigned t = 0; t < threads; t++) {
        b.converged[t] = true;
        if (vc_prop_init(&b.props[t], &m, &a.opts) != VC_OK)
            goto nomem;
    }
    b.ids = ids;
    b.aux = aux;
    b.out = impacts;
    b.estimated = est;

    n_ids = 0;
    for (size_t v = 0; v < a.n; v++)
        if (c->kind[v] == VC_KIND_ITEM)
            ids[n_ids++] = (uint32_t)v;
    b.kind = JOB_ITEM;
    if ((st = run_batch(&b, n_ids, &a, "impact of every item", err)) != VC_OK)
        goto out;
    for (size_t j = 0; j < n_ids; j++) {
        a.impact[ids[j]] = impacts[j];
        a.impact_estimated[ids[j]] = est[j];
    }
    use_bounds = plan_bounds(&a, &m, bound);

    n_ids = 0;
    for (size_t k = 0; k < a.n_provisions; k++) {
        struct vc_provision_score *p = &a.provisions[k];
        if (!p->hard_to_replace)
            continue;
        if (provision_bounded(&a, p, use_bounds)) {
            p->impact = vc_bound_provision(p->share, a.impact[p->item]);
            p->impact_bound = true;
            a.n_bounds++;
            continue;
        }
        ids[n_ids] = p->edge;
        aux[n_ids++] = p->item;
    }
    b.kind = JOB_PROVISION;
    if ((st = run_batch(&b, n_ids, &a, "impact of every hard-to-replace provision", err)) !=
        VC_OK)
        goto out;
    for (size_t k = 0, j = 0; k < a.n_provisions; k++)
        if (a.provisions[k].hard_to_replace && !a.provisions[k].impact_bound)
            a.provisions[k].impact = impacts[j++];
    decide_control_points(&a);

    n_ids = 0;
    for (size_t v = 0; v < a.n; v++) {
        if (c->kind[v] != VC_KIND_ACTOR)
            continue;
        if (actor_bounded(&a, v, bound)) {
            a.impact[v] = bound[v];
            a.impact_bound[v] = 1;
            a.n_bounds++;
            continue;
        }
        ids[n_ids++] = (uint32_t)v;
    }
    b.kind = JOB_ACTOR;
    if ((st = run_batch(&b, n_ids, &a, "impact of every actor", err)) != VC_OK)
        goto out;
    for (size_t j = 0; j < n_ids; j++) {
        a.impact[ids[j]] = impacts[j];
        a.impact_estimated[ids[j]] = est[j];
    }

    if ((st = collect_countries(&a, &cstart, &cmembers)) != VC_OK)
        goto nomem;
    for (size_t j = 0; j < a.n_countries; j++)
        ids[j] = (uint32_t)j;
    b.kind = JOB_COUNTRY;
    b.aux = cstart;
    b.members = cmembers;
    if ((st = run_batch(&b, a.n_countries, &a, "impact of every country", err)) != VC_OK)
        goto out;
    for (size_t j = 0; j < a.n_countries; j++) {
        a.countries[j].impact = impacts[j];
        a.countries[j].impact_estimated = est[j];
    }

    /* The extractions are over: their workspaces, and then the model, go
     * before the provisions are sorted (on a chain of millions of edges,
     * the peak is in the extractions only if nothing else joins them). */
    for (unsigned t = 0; t < threads; t++)
        vc_prop_release(&b.props[t]);
    VC_FREE_ALL(ids, aux, impacts, est, bound, cstart, cmembers);
    ids = aux = cstart = cmembers = NULL;
    impacts = bound = NULL;
    est = NULL;
    if ((st = vc_firms_score(&a, &m)) != VC_OK)
        goto nomem;
    vc_model_release(&m);
    if ((st = rank_provisions(&a)) != VC_OK)
        goto nomem;
    for (size_t k = 0; k < a.n_provisions; k++) {
        const struct vc_provision_score *p = &a.provisions[k];
        const char *cc = c->country[p->actor];
        /* Counted once: at the level the item is analysed at (rank lists
         * these), not again as the country row that restates its firms'. */
        if (!p->control_point || !cc || p->level != a.conc_level[p->item])
            continue;
        size_t ci = vc_analysis_country(&a, cc);
        if (ci != SIZE_MAX)
            a.countries[ci].control_points++;
    }
    for (size_t k = 0; k < a.n_firms; k++) {
        const char *cc = c->country[a.firms[k].actor];
        size_t ci = cc && a.firms[k].control_point ? vc_analysis_country(&a, cc) : SIZE_MAX;
        if (ci != SIZE_MAX)
            a.countries[ci].control_points++;
    }
    qsort(a.countries, a.n_countries, sizeof(*a.countries), cmp_countries);
    st = VC_OK;
    goto out;

nomem:
    st = vc_error_set(err, VC_ENOMEM, c->graph->source, 0, 0, "out of memory during analysis");
out:
    for (unsigned t = 0; b.props && t < threads; t++)
        vc_prop_release(&b.props[t]);
    VC_FREE_ALL(b.props, b.rounds, b.converged, ids, aux, impacts, est, bound, cstart, cmembers);
    vc_model_release(&m);
    if (st != VC_OK) {
        vc_analysis_release(&a);
        return st;
    }
    *out = a;
    return VC_OK;
}

size_t vc_analysis_country(const struct vc_analysis *a, const char *code)
{
    const char *a3 = vc_country_alpha3(code);
    for (size_t j = 0; j < a->n_countries; j++)
        if (strcasecmp(a->countries[j].code, code) == 0 ||
            (a3 && strcmp(a->countries[j].code, a3) == 0))
            return j;
    return SIZE_MAX;
}

/* The position's knowledge intensity, when the data gives such figures
 * (docs/model.md, "Knowledge intensity"), appended at n. */
static void knowledge_reason(const struct vc_analysis *a, const struct vc_provision_score *p,
                             char *buf, size_t size, int n)
{
    struct vc_knowledge_src ks;
    struct vc_knowledge k;
    char text[256];

    vc_knowledge_init(&ks, a->chain);
    if (!ks.attr || n < 0 || (size_t)n >= size)
        return;
    vc_knowledge_of(&ks, p->actor, p->item, &k);
    vc_knowledge_text(&ks, &k, p->actor, p->item, text, sizeof(text));
    snprintf(buf + n, size - (size_t)n, "; %s", text);
}

void vc_analysis_reason(const struct vc_analysis *a, const struct vc_provision_score *p,
                        char *buf, size_t size)
{
    const struct vc_chain *c = a->chain;
    const struct vc_concentration *q = vc_provision_conc(a, p);
    double repl = vc_provision_replaceability(a, p);
    int n = 0;

#define ADD(...) (n += snprintf(buf + n, (size_t)n < size ? size - (size_t)n : 0, __VA_ARGS__))
    if (size)
        buf[0] = '\0';
    if (c->aggregate[p->actor]) {
        ADD("an aggregate of many providers, never a control point");
        return;
    }
    if (!p->share_known) {
        ADD("share unknown (estimated %.1f %%), so not judged", p->share * 100);
        return;
    }
    ADD("%.1f %% of %s", p->share * 100, c->label[p->item]);
    if (q->providers > 1 && q->coverage < 0.995)
        /* partial coverage (beyond the rounding of shares given in 0.1 %):
         * the conservative end, and why it is a bound */
        ADD(" (HHI up to %.2f, as few as %.1f effective providers: the named shares cover "
            "%.0f %%)", q->hhi_upper, q->n_eff, q->coverage * 100);
    else if (q->providers > 1)
        ADD(" (HHI %.2f, %.1f effective providers)", q->hhi, q->n_eff);
    else
        ADD(" (sole provider)");
    if (!p->hard_to_replace) {
        ADD("; replaceable: others hold %.0f %%", repl * 100);
        knowledge_reason(a, p, buf, size, n);
        return;
    }
    if (p->share >= a->opts.theta_share)
        ADD("; hard to replace (replaceability %.2f)", repl);
    else
        ADD("; hard to replace as one of at most two providers covering %.0f %% "
            "(replaceability %.2f)", a->opts.theta_pair * 100, repl);
    if (!isnan(p->impact))
        ADD("; losing it costs %s%.1f %% of final output", p->impact_bound ? "at most " : "",
            p->impact * 100);
    if (a->spof_finals[p->actor] > 0)
        ADD("; %s alone can stop %u final item%s", c->label[p->actor], a->spof_finals[p->actor],
            a->spof_finals[p->actor] == 1 ? "" : "s");
    else if (a->spof_finals[p->item] > 0 && !c->final[p->item])
        ADD("; %s is a single point of failure", c->label[p->item]);
    if (a->reach_items[p->item] != VC_REACH_UNKNOWN)
        ADD("; %u item%s downstream", a->reach_items[p->item],
            a->reach_items[p->item] == 1 ? "" : "s");
    if (!p->control_point)
        ADD(" (below the impact threshold %.2f)", a->opts.theta_impact);
    knowledge_reason(a, p, buf, size, n);
#undef ADD
}

/* ---- one scenario ---- */

enum vc_status vc_extract(const struct vc_chain *c, const struct vc_engine_opts *opts,
                          const double *cut, double *loss, double *impact, int *rounds,
                          struct vc_error *err)
{
    static const struct vc_engine_opts defaults = VC_ENGINE_OPTS_INIT;
    struct vc_model m;
    struct vc_prop p;
    enum vc_status st;

    if (!opts)
        opts = &defaults;
    if ((st = vc_model_build(c, opts, &m, err)) != VC_OK)
        return st;
    if (vc_prop_init(&p, &m, opts) != VC_OK) {
        vc_model_release(&m);
        return vc_error_set(err, VC_ENOMEM, c->graph->source, 0, 0, "out of memory");
    }
    for (size_t k = 0; k < m.n; k++)
        if (c->kind[k] == VC_KIND_ACTOR && cut[k] > 0)
            vc_prop_cut_actor(&p, (uint32_t)k, cut[k]);
    vc_prop_run(&p);
    *impact = vc_prop_impact(&p);
    if (loss)
        memcpy(loss, p.loss, m.n * sizeof(double));
    if (rounds)
        *rounds = p.max_evals;
    if (!p.converged)
        st = vc_error_set(err, VC_EINVAL, c->graph->source, 0, 0,
                          "losses on a cycle did not settle within %d rounds (--max-rounds)",
                          opts->max_rounds);
    vc_prop_release(&p);
    vc_model_release(&m);
    return st;
}

size_t vc_country_cut(const struct vc_chain *c, const char *code, double *cut)
{
    const char *a3 = vc_country_alpha3(code);
    size_t k = 0;
    for (size_t v = 0; v < c->n_nodes; v++) {
        const char *cc = c->country[v];
        if (c->kind[v] != VC_KIND_ACTOR || !cc || c->aggregate[v])
            continue;
        if (strcasecmp(cc, code) == 0 || (a3 && strcmp(cc, a3) == 0)) {
            cut[v] = 1.0;
            k++;
        }
    }
    return k;
}
