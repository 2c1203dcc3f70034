/*
 * deps.c - the mutual dependency of countries, M[A][B]: how much of A's own
 * production is lost when B is extracted.
 *
 * One extraction per country B (every actor of B, at both levels, as
 * vc_country_cut), with the engine's propagation; then for every item A
 * provides, the loss that reaches it through its essential inputs alone
 * (vc_essential_loss: B as a co-provider of the same item, or of one of its
 * variants, does not cut A's own output), weighted by A's share in it and
 * the item's value; in a firm network, every firm of A weighted by its
 * output.  Extractions
 * run in parallel, one workspace per thread, and spread over the processes
 * of a parallel job (vchain/spread.h): extraction b fills row b of a task-major
 * copy of the matrix, whose columns are then the matrix's.  docs/model.md, "Comparing
 * and mutual dependency", has the formula and a worked example.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/mem.h"
#include "disruption.h"
#include "parallel.h"
#include "vchain/spread.h"
#include "vchain/deps.h"

/* One item's providers among the matrix's countries. */
struct entry {
    uint32_t country;
    double weight;           /* the item's weight x the country's share in it */
};

struct job {
    const struct vc_model *m;
    const struct vc_engine_opts *opts;
    struct vc_prop *props;   /* per thread */
    double *acc;             /* per thread: n */
    size_t n;
    const uint32_t *mem_start, *members; /* actors by country */
    const uint32_t *ent_start;           /* per node: its entries */
    const struct entry *ent;
    const double *output;
    double *by_task;         /* n x n: row b is column b of the matrix */
    bool *converged;         /* per thread */
    unsigned threads;
    size_t first, step;      /* the extractions of this run: first + k * step */
    bool run_converged;      /* combined over them */
};

static void extract_country(void *ctx, size_t i, unsigned thread)
{
    struct job *j = ctx;
    struct vc_prop *p = &j->props[thread];
    size_t b = j->first + i * j->step;
    double *acc = j->acc + (size_t)thread * j->n;

    for (uint32_t k = j->mem_start[b]; k < j->mem_start[b + 1]; k++)
        vc_prop_cut_actor(p, j->members[k], 1.0);
    vc_prop_run(p);
    memset(acc, 0, j->n * sizeof(double));
    /* only touched items can have a loss reaching them */
    for (size_t t = 0; t < p->n_touched; t++) {
        uint32_t v = p->touched[t];
        double in;
        if (j->ent_start[v] == j->ent_start[v + 1])
            continue;
        /* a firm of a firm network: not cut, so all it loses comes through
         * the network */
        in = j->m->chain->kind[v] == VC_KIND_ACTOR ? p->loss[v]
                                                   : vc_essential_loss(j->m, p->loss, v);
        if (in <= 0)
            continue;
        for (uint32_t e = j->ent_start[v]; e < j->ent_start[v + 1]; e++)
            acc[j->ent[e].country] += j->ent[e].weight * in;
    }
    for (size_t a = 0; a < j->n; a++)
        j->by_task[b * j->n + a] = a == b || !(j->output[a] > 0) ? NAN : acc[a] / j->output[a];
    j->converged[thread] &= p->converged;
    vc_prop_reset(p);
}

/* vc_spread_job.run: extractions first + k * step on this process's threads. */
static void extract_countries(void *ctx, size_t first, size_t step, size_t count)
{
    struct job *j = ctx;

    j->first = first;
    j->step = step;
    vc_parallel_for(count, j->threads, extract_country, j, NULL, NULL);
    for (unsigned t = 0; t < j->threads; t++)
        j->run_converged &= j->converged[t];
}

void vc_deps_release(struct vc_deps *d)
{
    VC_FREE_ALL(d->codes, d->m, d->output, d->items);
    memset(d, 0, sizeof(*d));
}

static bool same_country(const char *cc, const char *code, const char *a3)
{
    return cc && (strcasecmp(cc, code) == 0 || (a3 && strcmp(cc, a3) == 0));
}

enum vc_status vc_deps_matrix(const struct vc_chain *c, const struct vc_engine_opts *opts,
                              const char *const *codes, size_t n, struct vc_deps *out,
                              struct vc_error *err)
{
    static const struct vc_engine_opts defaults = VC_ENGINE_OPTS_INIT;
    const struct vc_graph *g = c->graph;
    struct vc_deps d;
    struct vc_model m;
    struct job job;
    bool have_model = false;
    unsigned threads = vc_threads(opts ? opts->threads : 0);
    size_t nn = c->n_nodes, n_ent = 0;
    uint32_t *country_of = NULL, *mem_start = NULL, *members = NULL, *ent_start = NULL;
    struct entry *ent = NULL;
    double *share = NULL;
    enum vc_status st = VC_OK;

    memset(&d, 0, sizeof(d));
    memset(&job, 0, sizeof(job));
    if (!opts)
        opts = &defaults;
    if (threads > n && n > 0)
        threads = (unsigned)n;
    d.n = n;
    d.codes = calloc(n + 1, sizeof(char *));
    d.m = malloc((n * n + 1) * sizeof(double));
    d.output = calloc(n + 1, sizeof(double));
    d.items = calloc(n + 1, sizeof(size_t));
    country_of = malloc((nn + 1) * sizeof(uint32_t));
    mem_start = calloc(n + 2, sizeof(uint32_t));
    members = malloc((nn + 1) * sizeof(uint32_t));
    ent_start = calloc(nn + 2, sizeof(uint32_t));
    share = calloc(2 * n + 1, sizeof(double));
    if (!d.codes || !d.m || !d.output || !d.items || !country_of || !mem_start || !members ||
        !ent_start || !share)
        goto nomem;

    /* each country's actors (as vc_country_cut finds them); codes as the data spells them */
    for (size_t v = 0; v < nn; v++)
        country_of[v] = UINT32_MAX;
    for (size_t k = 0; k < n; k++) {
        const char *a3 = vc_country_alpha3(codes[k]);
        for (size_t v = 0; v < nn; v++) {
            if (c->kind[v] != VC_KIND_ACTOR || c->aggregate[v] ||
                !same_country(c->country[v], codes[k], a3))
                continue;
            if (country_of[v] != UINT32_MAX && country_of[v] != k) {
                st = vc_error_set(err, VC_EINVAL, NULL, 0, 0,
                                  "countries \"%s\" and \"%s\" name the same country",
                                  codes[country_of[v]], codes[k]);
                goto out;
            }
            if (country_of[v] == UINT32_MAX)
                mem_start[k + 1]++;
            country_of[v] = (uint32_t)k;
            d.codes[k] = c->country[v];
        }
        if (!d.codes[k]) {
            st = vc_error_set(err, VC_EINVAL, NULL, 0, 0,
                              "no actor of country \"%s\" in the data", codes[k]);
            goto out;
        }
    }
    for (size_t k = 0; k < n; k++)
        mem_start[k + 1] += mem_start[k];
    {
        uint32_t *cursor = malloc((n + 1) * sizeof(uint32_t));
        if (!cursor)
            goto nomem;
        memcpy(cursor, mem_start, (n + 1) * sizeof(uint32_t));
        for (size_t v = 0; v < nn; v++)
            if (country_of[v] != UINT32_MAX)
                members[cursor[country_of[v]]++] = (uint32_t)v;
        free(cursor);
    }

    if ((st = vc_model_build(c, opts, &m, err)) != VC_OK)
        goto out;
    have_model = true;

    /* Items weighted by value when every item these countries provide has one. */
    {
        bool any = false, all = true;
        for (uint32_t i = 0; i < nn; i++) {
            for (uint32_t j = m.prov_start[i]; j < m.prov_start[i + 1]; j++) {
                if (country_of[m.prov[j].actor] == UINT32_MAX)
                    continue;
                any = true;
                all &= isfinite(c->value[i]) && c->value[i] >= 0;
            }
        }
        d.value_weighted = any && all;
    }

    bool firms = c->final_rule == VC_FINAL_MARKED_ACTORS ||
                 c->final_rule == VC_FINAL_ALL_ACTORS;
    /* A's share in i: its rows at each level added up, the larger level counting
     * (as an item's own loss does: both levels describe one market). */
    ent = malloc((m.prov_start[nn] + nn + 1) * sizeof(*ent));
    if (!ent)
        goto nomem;
    for (uint32_t i = 0; i < nn; i++) {
        uint32_t lo = m.prov_start[i], hi = m.prov_start[i + 1];
        double w = d.value_weighted ? c->value[i] : 1.0;
        ent_start[i] = (uint32_t)n_ent;
        for (uint32_t j = lo; j < hi; j++) {
            uint32_t k = country_of[m.prov[j].actor];
            if (k != UINT32_MAX)
                share[2 * k + m.prov[j].level] += m.prov[j].share;
        }
        for (uint32_t j = lo; j < hi; j++) {
            uint32_t k = country_of[m.prov[j].actor];
            double s;
            if (k == UINT32_MAX || (share[2 * k] == 0 && share[2 * k + 1] == 0))
                continue; /* not a matrix country, or already entered */
            s = share[2 * k] > share[2 * k + 1] ? share[2 * k] : share[2 * k + 1];
            share[2 * k] = share[2 * k + 1] = 0;
            if (!(s > 0))
                continue;
            ent[n_ent++] = (struct entry){ k, w * s };
            d.output[k] += w * s;
            d.items[k]++;
        }
        /* a firm network: a country's production is its firms', by output */
        if (firms && c->kind[i] == VC_KIND_ACTOR && country_of[i] != UINT32_MAX &&
            m.output[i] > 0) {
            ent[n_ent++] = (struct entry){ country_of[i], m.output[i] };
            d.output[country_of[i]] += m.output[i];
            d.items[country_of[i]]++;
        }
    }
    ent_start[nn] = (uint32_t)n_ent;

    job.m = &m;
    job.opts = opts;
    job.n = n;
    job.mem_start = mem_start;
    job.members = members;
    job.ent_start = ent_start;
    job.ent = ent;
    job.output = d.output;
    job.threads = threads;
    job.run_converged = true;
    job.by_task = malloc((n * n + 1) * sizeof(double));
    job.props = calloc(threads, sizeof(*job.props));
    job.acc = malloc(((size_t)threads * n + 1) * sizeof(double));
    job.converged = malloc(threads * sizeof(bool));
    if (!job.by_task || !job.props || !job.acc || !job.converged)
        goto nomem;
    for (unsigned t = 0; t < threads; t++) {
        job.converged[t] = true;
        if (vc_prop_init(&job.props[t], &m, opts) != VC_OK)
            goto nomem;
    }
    {
        struct vc_spread_job sj;
        memset(&sj, 0, sizeof(sj));
        sj.n = n;
        sj.run = extract_countries;
        sj.ctx = &job;
        sj.out[0].base = job.by_task;
        sj.out[0].width = n * sizeof(double);
        sj.n_out = 1;
        sj.converged = &job.run_converged;
        sj.source = g->source;
        if ((st = vc_spread_run(&sj, err)) != VC_OK)
            goto out;
    }
    for (size_t b = 0; b < n; b++)
        for (size_t a = 0; a < n; a++)
            d.m[a * n + b] = job.by_task[b * n + a];
    if (!job.run_converged)
        st = vc_error_set(err, VC_EINVAL, g->source, 0, 0,
                          "losses on a cycle did not settle within %d rounds "
                          "(--max-rounds)", opts->max_rounds);
    goto out;

nomem:
    st = vc_error_set(err, VC_ENOMEM, g->source, 0, 0, "out of memory");
out:
    for (unsigned t = 0; job.props && t < threads; t++)
        if (job.props[t].m)
            vc_prop_release(&job.props[t]);
    free(job.props);
    free(job.by_task);
    free(job.acc);
    free(job.converged);
    if (have_model)
        vc_model_release(&m);
    VC_FREE_ALL(country_of, mem_start, members, ent_start, ent, share);
    if (st != VC_OK) {
        vc_deps_release(&d);
        return st;
    }
    *out = d;
    return VC_OK;
}
