/*
 * bitsets.c - bit-parallel AND/OR single points of failure and reach.
 *
 * Single points of failure: node x stops node v when v = x, or some input
 * type of v has every source stopped by x (docs/model.md).  For a chunk of
 * candidates, M(v) holds the bits of the candidates that stop v:
 *     M(v) = own(v) | OR over essential inputs u of M(u)
 *                   | AND over the alternatives s of the supply of M(s)
 * computed in topological order; nodes on cycles are iterated from the
 * bottom (the least fixed point).
 *
 * Reach: R(v) = own(v) | OR over the nodes w that depend on v of R(w),
 * in reverse topological order, over chunks of target items.
 */
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "bitsets.h"
#include "concentration.h"
#include "parallel.h"

#define K VC_BITSET_WORDS
/* Market left uncovered by the rows below which unnamed providers count. */
#define SPOF_COVERAGE_SLACK 0.01
#define CHUNK (64 * K)
/* Final firms counted by reach_final (docs/model.md, "Position"). */
#define REACH_FIRMS_MAX 20000

typedef uint64_t word;

struct spof_job {
    const struct vc_model *m;
    const struct vc_engine_opts *opts;
    enum vc_level level;
    word **scratch;          /* per thread: n * K words */
    uint32_t **counts;       /* per thread: n counters (summed at the end) */
    const uint32_t *targets; /* vc_spof_sets: the nodes whose E is wanted */
    size_t n_targets;
    uint8_t *set_out;        /* n_targets rows of n bytes */
};

static void own_bits(word *row, uint32_t v, size_t base)
{
    memset(row, 0, K * sizeof(word));
    if (v >= base && v < base + CHUNK)
        row[(v - base) / 64] |= (word)1 << ((v - base) % 64);
}

/* Recomputes M(v) from its sources; returns whether it changed. */
static int spof_eval(const struct spof_job *j, word *M, uint32_t v, size_t base)
{
    const struct vc_model *m = j->m;
    const struct vc_chain *c = m->chain;
    word acc[K], *row = M + (size_t)v * K;
    word before[K];
    int any, changed = 0;

    memcpy(before, row, sizeof(before));
    own_bits(row, v, base);
    if (c->kind[v] == VC_KIND_ITEM) {
        for (uint32_t q = m->in_start[v]; q < m->in_start[v + 1]; q++) {
            const word *src = M + (size_t)m->in_src[q] * K;
            for (int w = 0; w < K; w++)
                row[w] |= src[w];
        }
        /* The supply: any provider at the chosen level, or any variant. */
        enum vc_level lvl = vc_concentration_level(m, v, j->level);
        int essential_variants = j->opts->variants == VC_VARIANTS_ESSENTIAL;
        any = 0;
        for (int w = 0; w < K; w++)
            acc[w] = ~(word)0;
        for (uint32_t q = m->prov_start[v]; q < m->prov_start[v + 1]; q++) {
            if (m->prov[q].level != lvl)
                continue;
            const word *src = M + (size_t)m->prov[q].actor * K;
            for (int w = 0; w < K; w++)
                acc[w] &= src[w];
            any = 1;
        }
        for (uint32_t q = m->var_start[v]; q < m->var_start[v + 1]; q++) {
            const word *src = M + (size_t)m->var_src[q] * K;
            if (essential_variants) {
                for (int w = 0; w < K; w++)
                    row[w] |= src[w];
            } else {
                for (int w = 0; w < K; w++)
                    acc[w] &= src[w];
                any = 1;
            }
        }
        /* Rows that do not cover the market leave unnamed providers, who are
         * alternatives no node can stop. */
        if (any && m->covered[2 * v + lvl] >= 1.0 - SPOF_COVERAGE_SLACK)
            for (int w = 0; w < K; w++)
                row[w] |= acc[w];
        else if (any && m->var_start[v] < m->var_start[v + 1] &&
                 vc_model_providers(m, v) == 0)
            for (int w = 0; w < K; w++)
                row[w] |= acc[w]; /* variants only: they are the whole supply */
    } else if (c->kind[v] == VC_KIND_ACTOR) {
        /* Each essential group of suppliers is one needed input; any supplier
         * in it will do.  Inputs that are not essential stop nothing. */
        uint32_t lo = m->sup_start[v], hi = m->sup_start[v + 1];
        if (j->opts->shock == VC_SHOCK_UPSTREAM)
            hi = lo; /* no loss travels to customers */
        for (uint32_t q = lo; q < hi && m->sup_ess[q];) {
            uint32_t group = m->sup_group[q];
            for (int w = 0; w < K; w++)
                acc[w] = ~(word)0;
            for (; q < hi && m->sup_ess[q] && m->sup_group[q] == group; q++) {
                const word *src = M + (size_t)m->sup_src[q] * K;
                for (int w = 0; w < K; w++)
                    acc[w] &= src[w];
            }
            for (int w = 0; w < K; w++)
                row[w] |= acc[w];
        }
        /* Upstream: an actor that sells only in the network (its value, if
         * any, no larger than its sales) stops when all its customers do. */
        if (j->opts->shock != VC_SHOCK_DOWNSTREAM && m->sales[v] > 0 &&
            !(m->chain->value[v] > m->sales[v])) {
            any = 0;
            for (int w = 0; w < K; w++)
                acc[w] = ~(word)0;
            for (uint32_t q = m->dep_start[v]; q < m->dep_start[v + 1]; q++) {
                if ((m->dep_kind[q] != VC_DEP_SUPPLY && m->dep_kind[q] != VC_DEP_SUPPLY_LINEAR) ||
                    !(m->dep_up[q] > 0))
                    continue;
                const word *src = M + (size_t)m->dep[q] * K;
                for (int w = 0; w < K; w++)
                    acc[w] &= src[w];
                any = 1;
            }
            if (any)
                for (int w = 0; w < K; w++)
                    row[w] |= acc[w];
        }
    }
    for (int w = 0; w < K; w++)
        changed |= row[w] != before[w];
    return changed;
}

static void spof_chunk(void *ctx, size_t chunk, unsigned thread)
{
    const struct spof_job *j = ctx;
    const struct vc_model *m = j->m;
    size_t base = chunk * CHUNK;
    word *M = j->scratch[thread];

    /* with the upstream channel a node may depend on later ones: iterate all */
    size_t from = j->opts->shock == VC_SHOCK_DOWNSTREAM ? m->n_ordered : 0;

    memset(M, 0, m->n * K * sizeof(word));
    for (size_t r = 0; r < m->n_ordered; r++)
        spof_eval(j, M, m->order[r], base);
    /* Cycles: from the bottom up until nothing changes (sets only grow). */
    for (int changed = 1; changed && from < m->n;) {
        changed = 0;
        for (size_t r = from; r < m->n; r++)
            changed |= spof_eval(j, M, m->order[r], base);
    }
    if (j->set_out) {
        for (size_t t = 0; t < j->n_targets; t++) {
            const word *row = M + (size_t)j->targets[t] * K;
            uint8_t *out = j->set_out + t * m->n;
            for (size_t b = 0; b < CHUNK && base + b < m->n; b++)
                out[base + b] = (row[b / 64] >> (b % 64)) & 1;
        }
        return;
    }
    uint32_t *count = j->counts[thread];
    for (size_t f = 0; f < m->n_finals; f++) {
        const word *row = M + (size_t)m->finals[f] * K;
        for (int w = 0; w < K; w++)
            for (word bits = row[w]; bits; bits &= bits - 1)
                count[base + (size_t)w * 64 + (size_t)__builtin_ctzll(bits)]++;
    }
}

/* Threads for a pass over the chunks: no more than there are chunks. */
static unsigned chunk_threads(const struct vc_model *m, const struct vc_engine_opts *opts)
{
    unsigned threads = vc_threads(opts->threads);
    size_t chunks = (m->n + CHUNK - 1) / CHUNK;
    return threads > chunks ? (chunks ? (unsigned)chunks : 1) : threads;
}

static enum vc_status spof_run(struct spof_job *j, unsigned threads, struct vc_error *err)
{
    const struct vc_model *m = j->m;
    size_t chunks = (m->n + CHUNK - 1) / CHUNK;
    enum vc_status st = VC_OK;

    if (threads > chunks)
        threads = chunks ? (unsigned)chunks : 1;
    j->scratch = calloc(threads, sizeof(word *));
    j->counts = calloc(threads, sizeof(uint32_t *));
    if (!j->scratch || !j->counts)
        st = VC_ENOMEM;
    for (unsigned t = 0; st == VC_OK && t < threads; t++) {
        j->scratch[t] = malloc((m->n ? m->n : 1) * K * sizeof(word));
        j->counts[t] = calloc(m->n ? m->n : 1, sizeof(uint32_t));
        if (!j->scratch[t] || !j->counts[t])
            st = VC_ENOMEM;
    }
    if (st == VC_OK)
        vc_parallel_for(chunks, threads, spof_chunk, j, NULL, NULL);
    if (st != VC_OK)
        vc_error_set(err, st, m->chain->graph->source, 0, 0,
                     "out of memory for single points of failure");
    return st;
}

static void spof_free(struct spof_job *j, unsigned threads)
{
    for (unsigned t = 0; t < threads && j->scratch; t++) {
        free(j->scratch[t]);
        free(j->counts[t]);
    }
    free(j->scratch);
    free(j->counts);
}

/* ---- a stop cascade per candidate ----
 *
 * x stops v when v = x; when an essential input of an item is stopped (or,
 * with --variants essential, a variant); when every alternative of an
 * item's supply is stopped (its providers at the level it is analysed at
 * and, as substitutes, its variants: the same rule as spof_eval); when
 * every supplier of one of an actor's essential groups is stopped; or
 * (with the upstream channel) when an actor sells nothing outside the
 * network and every customer is stopped.  The nodes x stops are the least
 * fixed point of that from {x}: a cascade that counts down each group's,
 * each item's supply and each supplier's unstopped members.  It costs the
 * cascade, where the bitsets cost n / 64 words per node and edge for every
 * candidate; on a large chain most candidates stop little.  Counters carry
 * the candidate they belong to (a stamp), so nothing is cleared between
 * candidates. */

struct cascade_job {
    const struct vc_model *m;
    const struct vc_engine_opts *opts;
    const uint32_t *grp_size;   /* per slot: its essential entries */
    const uint32_t *left_size;  /* per actor: its customer entries, 0 when it sells elsewhere;
                                   per item: the alternatives of its supply, 0 when they can
                                   never all be stopped (unnamed providers) */
    const uint8_t *item_level;  /* per item: the provider level of its alternatives */
    const uint8_t *is_final;
    struct cascade_ws {
        uint32_t *stamp, *grp_stamp, *grp_left, *left_stamp, *left, *queue;
        uint32_t *counts;
    } *ws;                      /* per thread */
};

/* One more member of v's counted set (supply or customers) is stopped:
 * true when that was the last. */
static bool count_down(const struct cascade_job *j, struct cascade_ws *w, uint32_t v,
                       uint32_t mark)
{
    if (!j->left_size[v])
        return false;
    if (w->left_stamp[v] != mark) {
        w->left_stamp[v] = mark;
        w->left[v] = j->left_size[v];
    }
    return --w->left[v] == 0;
}

static void cascade_one(void *ctx, size_t x, unsigned thread)
{
    const struct cascade_job *j = ctx;
    const struct vc_model *m = j->m;
    struct cascade_ws *w = &j->ws[thread];
    uint32_t mark = (uint32_t)x + 1, head = 0, tail = 0, stops = 0;
    bool down = j->opts->shock != VC_SHOCK_UPSTREAM, up = j->opts->shock != VC_SHOCK_DOWNSTREAM;
    bool ess_variants = j->opts->variants == VC_VARIANTS_ESSENTIAL;

    w->stamp[x] = mark;
    w->queue[tail++] = (uint32_t)x;
    while (head < tail) {
        uint32_t u = w->queue[head++];
        stops += j->is_final[u];
        for (uint32_t k = m->dep_start[u]; k < m->dep_start[u + 1]; k++) {
            uint32_t v = m->dep[k], g = m->dep_aux[k];
            bool stop = false;
            if (w->stamp[v] == mark)
                continue;
            switch (m->dep_kind[k]) {
            case VC_DEP_INPUT: stop = true; break;
            case VC_DEP_VARIANT: stop = ess_variants || count_down(j, w, v, mark); break;
            case VC_DEP_PROVIDES_FIRM:
            case VC_DEP_PROVIDES_FIRM_EST:
                stop = j->item_level[v] == VC_LEVEL_FIRM && count_down(j, w, v, mark);
                break;
            case VC_DEP_PROVIDES_COUNTRY:
            case VC_DEP_PROVIDES_COUNTRY_EST:
                stop = j->item_level[v] == VC_LEVEL_COUNTRY && count_down(j, w, v, mark);
                break;
            case VC_DEP_SUPPLY:
                if (!down)
                    break;
                if (w->grp_stamp[g] != mark) {
                    w->grp_stamp[g] = mark;
                    w->grp_left[g] = j->grp_size[g];
                }
                stop = --w->grp_left[g] == 0;
                break;
            default: break;
            }
            if (stop) {
                w->stamp[v] = mark;
                w->queue[tail++] = v;
            }
        }
        for (uint32_t q = m->sup_start[u]; up && q < m->sup_start[u + 1]; q++) {
            uint32_t a = m->sup_src[q];
            if (!(m->sup_up[q] > 0) || w->stamp[a] == mark)
                continue;
            if (count_down(j, w, a, mark)) {
                w->stamp[a] = mark;
                w->queue[tail++] = a;
            }
        }
    }
    w->counts[x] = stops;
}

/* What each node's counted set holds (struct cascade_job, left_size). */
static void cascade_sizes(const struct vc_model *m, const struct vc_engine_opts *opts,
                          enum vc_level level, uint32_t *grp_size, uint32_t *left_size,
                          uint8_t *item_level)
{
    const struct vc_chain *c = m->chain;
    size_t n = m->n;

    for (size_t k = 0; k < m->dep_start[n]; k++)
        if (m->dep_kind[k] == VC_DEP_SUPPLY)
            grp_size[m->dep_aux[k]]++;
    for (size_t v = 0; v < n; v++) {
        if (c->kind[v] == VC_KIND_ITEM) {
            enum vc_level lvl = vc_concentration_level(m, v, level);
            uint32_t alts = 0;
            bool has_var = m->var_start[v] < m->var_start[v + 1];
            item_level[v] = (uint8_t)lvl;
            for (uint32_t q = m->prov_start[v]; q < m->prov_start[v + 1]; q++)
                alts += m->prov[q].level == lvl;
            if (opts->variants != VC_VARIANTS_ESSENTIAL)
                alts += m->var_start[v + 1] - m->var_start[v];
            /* rows short of the market leave unnamed providers no node can
             * stop, unless variants alone are the supply */
            if (alts && !(m->covered[2 * v + lvl] >= 1.0 - SPOF_COVERAGE_SLACK) &&
                !(has_var && vc_model_providers(m, v) == 0))
                alts = 0;
            left_size[v] = alts;
            continue;
        }
        /* only a firm that sells nothing outside the network stops with its customers */
        if (opts->shock == VC_SHOCK_DOWNSTREAM || !(m->sales[v] > 0) || c->value[v] > m->sales[v])
            continue;
        for (uint32_t k = m->dep_start[v]; k < m->dep_start[v + 1]; k++)
            if ((m->dep_kind[k] == VC_DEP_SUPPLY || m->dep_kind[k] == VC_DEP_SUPPLY_LINEAR) &&
                m->dep_up[k] > 0)
                left_size[v]++;
    }
}

enum vc_status vc_spof_counts_cascade(const struct vc_model *m, const struct vc_engine_opts *opts,
                                      enum vc_level level, uint32_t *spof_finals,
                                      struct vc_error *err)
{
    size_t n = m->n, slots = m->n_slots;
    unsigned threads = vc_threads(opts->threads);
    struct cascade_job j = { m, opts, NULL, NULL, NULL, NULL, NULL };
    uint32_t *grp_size = calloc(slots ? slots : 1, sizeof(uint32_t));
    uint32_t *left_size = calloc(n ? n : 1, sizeof(uint32_t));
    uint8_t *item_level = calloc(n ? n : 1, 1), *is_final = calloc(n ? n : 1, 1);
    enum vc_status st = VC_OK;

    if (threads > n)
        threads = n ? (unsigned)n : 1;
    j.ws = calloc(threads, sizeof(*j.ws));
    if (!grp_size || !left_size || !item_level || !is_final || !j.ws)
        st = VC_ENOMEM;
    if (st == VC_OK) {
        cascade_sizes(m, opts, level, grp_size, left_size, item_level);
        for (size_t f = 0; f < m->n_finals; f++)
            is_final[m->finals[f]] = 1;
    }
    j.grp_size = grp_size;
    j.left_size = left_size;
    j.item_level = item_level;
    j.is_final = is_final;
    for (unsigned t = 0; st == VC_OK && t < threads; t++) {
        struct cascade_ws *w = &j.ws[t];
        w->stamp = calloc(n ? n : 1, sizeof(uint32_t));
        w->grp_stamp = calloc(slots ? slots : 1, sizeof(uint32_t));
        w->grp_left = malloc((slots ? slots : 1) * sizeof(uint32_t));
        w->left_stamp = calloc(n ? n : 1, sizeof(uint32_t));
        w->left = malloc((n ? n : 1) * sizeof(uint32_t));
        w->queue = malloc((n ? n : 1) * sizeof(uint32_t));
        if (!w->stamp || !w->grp_stamp || !w->grp_left || !w->left_stamp || !w->left ||
            !w->queue)
            st = VC_ENOMEM;
        w->counts = spof_finals; /* each candidate writes its own entry */
    }
    if (st == VC_OK) {
        memset(spof_finals, 0, n * sizeof(uint32_t));
        vc_parallel_for(n, threads, cascade_one, &j, NULL, NULL);
    } else {
        vc_error_set(err, st, m->chain->graph->source, 0, 0,
                     "out of memory for single points of failure");
    }
    for (unsigned t = 0; j.ws && t < threads; t++) {
        free(j.ws[t].stamp);
        free(j.ws[t].grp_stamp);
        free(j.ws[t].grp_left);
        free(j.ws[t].left_stamp);
        free(j.ws[t].left);
        free(j.ws[t].queue);
    }
    free(j.ws);
    free(grp_size);
    free(left_size);
    free(item_level);
    free(is_final);
    return st;
}

enum vc_status vc_spof_counts(const struct vc_model *m, const struct vc_engine_opts *opts,
                              enum vc_level level, uint32_t *spof_finals, struct vc_error *err)
{
    if (!m->chain->n_items || m->n > VC_SPOF_CASCADE_NODES)
        return vc_spof_counts_cascade(m, opts, level, spof_finals, err);
    return vc_spof_counts_bitsets(m, opts, level, spof_finals, err);
}

enum vc_status vc_spof_counts_bitsets(const struct vc_model *m, const struct vc_engine_opts *opts,
                                      enum vc_level level, uint32_t *spof_finals,
                                      struct vc_error *err)
{
    struct spof_job j = { m, opts, level, NULL, NULL, NULL, 0, NULL };
    unsigned threads = chunk_threads(m, opts);
    enum vc_status st = spof_run(&j, threads, err);

    if (st == VC_OK) {
        memset(spof_finals, 0, m->n * sizeof(uint32_t));
        for (unsigned t = 0; t < threads; t++)
            for (size_t x = 0; x < m->n; x++)
                spof_finals[x] += j.counts[t][x];
    }
    spof_free(&j, threads);
    return st;
}

enum vc_status vc_spof_set(const struct vc_model *m, const struct vc_engine_opts *opts,
                           enum vc_level level, uint32_t target, uint8_t *out,
                           struct vc_error *err)
{
    return vc_spof_sets(m, opts, level, &target, 1, out, err);
}

enum vc_status vc_spof_sets(const struct vc_model *m, const struct vc_engine_opts *opts,
                            enum vc_level level, const uint32_t *targets, size_t n_targets,
                            uint8_t *out, struct vc_error *err)
{
    struct spof_job j = { m, opts, level, NULL, NULL, targets, n_targets, out };
    unsigned threads = chunk_threads(m, opts);
    enum vc_status st = spof_run(&j, threads, err);

    spof_free(&j, threads);
    return st;
}

/* ---- reach ---- */

struct reach_job {
    const struct vc_model *m;
    const uint32_t *targets; /* item node ids */
    size_t n_targets;
    word **scratch;
    uint32_t **items, **finals;
};

static int reach_eval(const struct reach_job *j, word *R, uint32_t v, const int32_t *slot)
{
    const struct vc_model *m = j->m;
    word *row = R + (size_t)v * K, before[K];
    int changed = 0;

    memcpy(before, row, sizeof(before));
    memset(row, 0, K * sizeof(word));
    if (slot[v] >= 0)
        row[slot[v] / 64] |= (word)1 << (slot[v] % 64);
    for (uint32_t q = m->dep_start[v]; q < m->dep_start[v + 1]; q++) {
        const word *src = R + (size_t)m->dep[q] * K;
        for (int w = 0; w < K; w++)
            row[w] |= src[w];
    }
    for (int w = 0; w < K; w++)
        changed |= row[w] != before[w];
    return changed;
}

static void reach_chunk(void *ctx, size_t chunk, unsigned thread)
{
    const struct reach_job *j = ctx;
    const struct vc_model *m = j->m;
    const struct vc_chain *c = m->chain;
    size_t base = chunk * CHUNK;
    word *R = j->scratch[thread];
    int32_t *slot = (int32_t *)(R + m->n * K); /* after the bitsets */
    word final_mask[K], item_mask[K];

    memset(R, 0, m->n * K * sizeof(word));
    for (size_t v = 0; v < m->n; v++)
        slot[v] = -1;
    memset(final_mask, 0, sizeof(final_mask));
    memset(item_mask, 0, sizeof(item_mask));
    for (size_t b = 0; b < CHUNK && base + b < j->n_targets; b++) {
        uint32_t t = j->targets[base + b];
        slot[t] = (int32_t)b;
        if (c->final[t])
            final_mask[b / 64] |= (word)1 << (b % 64);
        if (c->kind[t] == VC_KIND_ITEM)
            item_mask[b / 64] |= (word)1 << (b % 64);
    }
    /* Downstream first: cyclic tail (iterated), then the ordered part backwards. */
    for (int changed = 1; changed && m->n_ordered < m->n;) {
        changed = 0;
        for (size_t r = m->n; r > m->n_ordered; r--)
            changed |= reach_eval(j, R, m->order[r - 1], slot);
    }
    for (size_t r = m->n_ordered; r > 0; r--)
        reach_eval(j, R, m->order[r - 1], slot);
    for (size_t v = 0; v < m->n; v++) {
        const word *row = R + v * K;
        uint32_t ni = 0, nf = 0;
        for (int w = 0; w < K; w++) {
            ni += (uint32_t)__builtin_popcountll(row[w] & item_mask[w]);
            nf += (uint32_t)__builtin_popcountll(row[w] & final_mask[w]);
        }
        if (slot[v] >= 0) { /* not itself */
            ni -= c->kind[v] == VC_KIND_ITEM ? 1 : 0;
            nf -= c->final[v] ? 1 : 0;
        }
        j->items[thread][v] += ni;
        j->finals[thread][v] += nf;
    }
}

enum vc_status vc_reach_counts(const struct vc_model *m, unsigned threads, uint32_t *items,
                               uint32_t *finals, struct vc_error *err)
{
    const struct vc_chain *c = m->chain;
    struct reach_job j;
    size_t chunks;
    enum vc_status st = VC_OK;
    uint32_t *targets = malloc((m->n ? m->n : 1) * sizeof(uint32_t));

    memset(&j, 0, sizeof(j));
    j.m = m;
    j.targets = targets;
    if (!targets)
        return vc_error_set(err, VC_ENOMEM, c->graph->source, 0, 0, "out of memory for reach");
    /* items; and final actors, whose reach_final then counts the firms
     * downstream in a firm network, up to REACH_FIRMS_MAX of them (in a firm
     * network most firms reach most others: n^2 / 64 words a pass) */
    size_t final_actors = 0;
    for (size_t v = 0; v < m->n; v++)
        final_actors += c->kind[v] == VC_KIND_ACTOR && c->final[v];
    for (size_t v = 0; v < m->n; v++)
        if (c->kind[v] == VC_KIND_ITEM ||
            (c->kind[v] == VC_KIND_ACTOR && c->final[v] && final_actors <= REACH_FIRMS_MAX))
            targets[j.n_targets++] = (uint32_t)v;
    chunks = (j.n_targets + CHUNK - 1) / CHUNK;
    threads = vc_threads(threads);
    if (threads > chunks)
        threads = chunks ? (unsigned)chunks : 1;
    j.scratch = calloc(threads, sizeof(word *));
    j.items = calloc(threads, sizeof(uint32_t *));
    j.finals = calloc(threads, sizeof(uint32_t *));
    if (!j.scratch || !j.items || !j.finals)
        st = VC_ENOMEM;
    for (unsigned t = 0; st == VC_OK && t < threads; t++) {
        /* the bitsets, then one slot index per node */
        j.scratch[t] = malloc((m->n ? m->n : 1) * (K * sizeof(word) + sizeof(int32_t)));
        j.items[t] = calloc(m->n ? m->n : 1, sizeof(uint32_t));
        j.finals[t] = calloc(m->n ? m->n : 1, sizeof(uint32_t));
        if (!j.scratch[t] || !j.items[t] || !j.finals[t])
            st = VC_ENOMEM;
    }
    if (st == VC_OK) {
        vc_parallel_for(chunks, threads, reach_chunk, &j, NULL, NULL);
        memset(items, 0, m->n * sizeof(uint32_t));
        memset(finals, 0, m->n * sizeof(uint32_t));
        for (unsigned t = 0; t < threads; t++)
            for (size_t v = 0; v < m->n; v++) {
                items[v] += j.items[t][v];
                finals[v] += j.finals[t][v];
            }
    } else {
        vc_error_set(err, st, c->graph->source, 0, 0, "out of memory for reach");
    }
    for (unsigned t = 0; t < threads && j.scratch; t++) {
        free(j.scratch[t]);
        free(j.items[t]);
        free(j.finals[t]);
    }
    VC_FREE_ALL(j.scratch, j.items, j.finals, targets);
    return st;
}

/* ---- reach of a few items, one walk each ---- */

struct walk_job {
    const struct vc_model *m;
    const uint32_t *sources;
    uint32_t **stamp, **queue; /* per thread */
    uint32_t *items, *finals;
};

static void walk_one(void *ctx, size_t k, unsigned thread)
{
    const struct walk_job *j = ctx;
    const struct vc_model *m = j->m;
    const struct vc_chain *c = m->chain;
    uint32_t x = j->sources[k], mark = (uint32_t)k + 1, head = 0, tail = 0, ni = 0, nf = 0;
    uint32_t *stamp = j->stamp[thread], *queue = j->queue[thread];

    stamp[x] = mark;
    queue[tail++] = x;
    while (head < tail) {
        uint32_t u = queue[head++];
        if (u != x) {
            ni += c->kind[u] == VC_KIND_ITEM;
            nf += c->final[u] != 0;
        }
        for (uint32_t q = m->dep_start[u]; q < m->dep_start[u + 1]; q++)
            if (stamp[m->dep[q]] != mark) {
                stamp[m->dep[q]] = mark;
                queue[tail++] = m->dep[q];
            }
    }
    j->items[x] = ni;
    j->finals[x] = nf;
}

enum vc_status vc_reach_of(const struct vc_model *m, unsigned threads, const uint8_t *want,
                           uint32_t *items, uint32_t *finals, struct vc_error *err)
{
    struct walk_job j = { m, NULL, NULL, NULL, items, finals };
    uint32_t *sources = malloc((m->n ? m->n : 1) * sizeof(uint32_t));
    size_t n = 0;
    enum vc_status st = VC_OK;

    threads = vc_threads(threads);
    j.stamp = calloc(threads, sizeof(uint32_t *));
    j.queue = calloc(threads, sizeof(uint32_t *));
    if (!sources || !j.stamp || !j.queue)
        st = VC_ENOMEM;
    for (unsigned t = 0; st == VC_OK && t < threads; t++) {
        j.stamp[t] = calloc(m->n ? m->n : 1, sizeof(uint32_t));
        j.queue[t] = malloc((m->n ? m->n : 1) * sizeof(uint32_t));
        if (!j.stamp[t] || !j.queue[t])
            st = VC_ENOMEM;
    }
    if (st == VC_OK) {
        for (size_t v = 0; v < m->n; v++) {
            items[v] = finals[v] = VC_REACH_UNKNOWN;
            if (want[v])
                sources[n++] = (uint32_t)v;
        }
        j.sources = sources;
        vc_parallel_for(n, threads, walk_one, &j, NULL, NULL);
    } else {
        vc_error_set(err, st, m->chain->graph->source, 0, 0, "out of memory for reach");
    }
    for (unsigned t = 0; t < threads && j.stamp; t++) {
        free(j.stamp[t]);
        free(j.queue[t]);
    }
    free(j.stamp);
    free(j.queue);
    free(sources);
    return st;
}
