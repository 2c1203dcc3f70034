/*
 * opportunity.c - where a country could build control points: its near
 * misses (provisions that pass one of the two control-point tests and fail
 * the other) and its footholds (items that matter and are concentrated
 * abroad, where it has a share that passes neither test or holds a
 * neighbouring item), each with the gap in numbers.
 *
 * Everything starts from a finished analysis.  The extra work is targeted:
 * the share at which a position becomes hard to replace is found on the
 * item's own shares (the rule of analysis.c applied to the market after a
 * gain); the share at which it matters, and the impact there, by
 * extracting that share of the item (vc_prop_cut_share), bisected; and the
 * dependency balance by a what-if (gain.c) for the rows kept.
 * docs/model.md, "Opportunities".
 */
#define _GNU_SOURCE /* qsort_r */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "disruption.h"
#include "graphcopy.h"
#include "vchain/deps.h"
#include "vchain/opportunity.h"

#define BISECT_ROUNDS 40 /* shares to 1e-12 */
#define PAIR_EPS 1e-12   /* as analysis.c compares the pair's coverage */

struct ctx {
    const struct vc_analysis *a;
    const struct vc_chain *c;
    const char *code, *a3;
    struct vc_model m;
    struct vc_prop p;
    bool have_model, have_prop;
    uint32_t *start;          /* per item: its provisions (all levels), by share */
    size_t *prov;             /* indices in a->provisions */
    uint8_t *cp_item;         /* the country holds a control point in it */
    uint32_t *best;           /* per item: the country's largest known-share provision at
                                 the item's level (index), or UINT32_MAX */
    struct shr { double s; bool gainer; } *scratch;
    struct vc_knowledge_src ks;
};

static bool of_country(const struct ctx *x, size_t v)
{
    const char *cc = x->c->country[v];
    return cc && !x->c->aggregate[v] &&
           (strcasecmp(cc, x->code) == 0 || (x->a3 && strcmp(cc, x->a3) == 0));
}

static const struct vc_provision_score *P(const struct ctx *x, size_t j)
{
    return &x->a->provisions[x->prov[j]];
}

/* ---- the two tests at another share ---- */

static int by_share_desc(const void *pa, const void *pb)
{
    const struct shr *p = pa, *q = pb;
    if (p->s != q->s)
        return p->s > q->s ? -1 : 1;
    return (int)p->gainer - (int)q->gainer; /* the gainer after its equals */
}

/*
 * Whether the gainer (actor, or UINT32_MAX: a new provider) would be hard
 * to replace in item at level holding share s, the other known shares
 * scaled by (1 - s) / (1 - its share now): analysis.c's rule on that market.
 */
static bool hard_at(const struct ctx *x, uint32_t item, enum vc_level level, uint32_t actor,
                    double s)
{
    const struct vc_engine_opts *o = &x->a->opts;
    double before = 0, f, sum = 0;
    size_t n = 0, few = 0;

    if (s >= o->theta_share)
        return true;
    for (uint32_t j = x->start[item]; j < x->start[item + 1]; j++)
        if (P(x, j)->level == level && P(x, j)->actor == actor && P(x, j)->share_known)
            before = P(x, j)->share;
    f = 1.0 - before > PAIR_EPS ? (1.0 - s) / (1.0 - before) : 1.0;
    for (uint32_t j = x->start[item]; j < x->start[item + 1]; j++) {
        const struct vc_provision_score *p = P(x, j);
        if (p->level != level || p->actor == actor || !p->share_known ||
            x->c->aggregate[p->actor])
            continue;
        x->scratch[n++] = (struct shr){ p->share * f, false };
    }
    x->scratch[n++] = (struct shr){ s, true };
    qsort(x->scratch, n, sizeof(*x->scratch), by_share_desc);
    while (few < n && sum < o->theta_pair - PAIR_EPS)
        sum += x->scratch[few++].s;
    if (sum < o->theta_pair - PAIR_EPS || few > 2 || s < o->theta_pair_min)
        return false;
    for (size_t j = 0; j < few; j++)
        if (x->scratch[j].gainer)
            return true;
    return false;
}

/* The least share at which hard_at holds (it only grows with s); NAN: none. */
static double share_hard(const struct ctx *x, uint32_t item, enum vc_level level, uint32_t actor)
{
    double lo = 0, hi = 1;
    if (!hard_at(x, item, level, actor, 1.0))
        return NAN;
    if (hard_at(x, item, level, actor, 0.0))
        return 0;
    for (int r = 0; r < BISECT_ROUNDS; r++) {
        double mid = (lo + hi) / 2;
        if (hard_at(x, item, level, actor, mid))
            hi = mid;
        else
            lo = mid;
    }
    return hi;
}

/* The impact of extracting a provider of item at level holding share s. */
static double impact_at(struct ctx *x, uint32_t item, enum vc_level level, double s)
{
    double impact;
    vc_prop_cut_share(&x->p, item, level, s);
    vc_prop_run(&x->p);
    impact = vc_prop_impact(&x->p);
    vc_prop_reset(&x->p);
    return impact;
}

/* The least share whose extraction costs theta_impact (impacts only grow
 * with the share); 0 when the item or the actor alone stops a final item. */
static double share_matters(struct ctx *x, uint32_t item, enum vc_level level, uint32_t actor)
{
    const struct vc_analysis *a = x->a;
    double theta = a->opts.theta_impact, lo = 0, hi = 1;

    if (a->spof_finals[item] > 0 || (actor != UINT32_MAX && a->spof_finals[actor] > 0))
        return 0;
    if (impact_at(x, item, level, 1.0) < theta)
        return NAN;
    if (impact_at(x, item, level, 0.0) >= theta)
        return 0;
    for (int r = 0; r < BISECT_ROUNDS; r++) {
        double mid = (lo + hi) / 2;
        if (impact_at(x, item, level, mid) >= theta)
            hi = mid;
        else
            lo = mid;
    }
    return hi;
}

/* ---- candidates ---- */

static bool item_matters(const struct vc_analysis *a, uint32_t i)
{
    return (!isnan(a->impact[i]) && a->impact[i] >= a->opts.theta_impact) ||
           a->spof_finals[i] > 0;
}

/*
 * Held abroad: a provider of another country is hard to replace in it, at
 * either provider level (a country row of 76 % is concentration abroad
 * even where no single foreign firm holds half), or the firms of another
 * country together hold at least theta_share of it.
 */
static bool concentrated_abroad(const struct ctx *x, uint32_t i, struct vc_opportunity *o)
{
    const struct vc_chain *c = x->c;
    bool hard = false;

    o->abroad = NULL;
    o->abroad_share = 0;
    for (uint32_t j = x->start[i]; j < x->start[i + 1]; j++) {
        const struct vc_provision_score *p = P(x, j);
        double sum = 0;
        if (of_country(x, p->actor) || c->aggregate[p->actor] || !c->country[p->actor] ||
            !p->share_known)
            continue;
        hard |= p->hard_to_replace;
        if (p->level == VC_LEVEL_COUNTRY) {
            sum = p->share;
        } else {
            for (uint32_t q = x->start[i]; q < x->start[i + 1]; q++) {
                const struct vc_provision_score *r = P(x, q);
                if (r->level == VC_LEVEL_FIRM && r->share_known && !c->aggregate[r->actor] &&
                    c->country[r->actor] &&
                    strcmp(c->country[r->actor], c->country[p->actor]) == 0)
                    sum += r->share;
            }
        }
        if (sum > o->abroad_share) {
            o->abroad_share = sum;
            o->abroad = c->country[p->actor];
        }
    }
    return hard || o->abroad_share >= x->a->opts.theta_share;
}

/* The neighbouring item the country holds most of (at least theta_pair_min). */
static void find_neighbour(const struct ctx *x, uint32_t i, struct vc_opportunity *o)
{
    const struct vc_chain *c = x->c;
    const struct vc_graph *g = c->graph;
    double best = -1;

    o->neighbour = UINT32_MAX;
    o->relation = VC_NEIGHBOUR_NONE;
    for (size_t e = 0; e < c->n_edges; e++) {
        uint32_t u = g->edge_from[e], w = g->edge_to[e], n;
        enum vc_neighbour rel;
        if (c->relation[e] != VC_REL_INPUT_OF && c->relation[e] != VC_REL_VARIANT_OF)
            continue;
        if (c->undirected[e] || (u != i && w != i) || u == w)
            continue;
        n = u == i ? w : u;
        if (c->relation[e] == VC_REL_INPUT_OF)
            rel = u == i ? VC_NEIGHBOUR_USER : VC_NEIGHBOUR_INPUT;
        else
            rel = u == i ? VC_NEIGHBOUR_CATEGORY : VC_NEIGHBOUR_VARIANT;
        if (x->best[n] == UINT32_MAX)
            continue;
        const struct vc_provision_score *p = &x->a->provisions[x->best[n]];
        if (p->share < x->a->opts.theta_pair_min || p->share <= best)
            continue;
        best = p->share;
        o->neighbour = n;
        o->relation = rel;
        o->neighbour_share = p->share;
        /* the holder of the neighbour would be the one to enter, at the
         * item's level; else a new provider of the country */
        o->actor = c->level[p->actor] == x->a->conc_level[i] ? p->actor : UINT32_MAX;
    }
}

static void top_holders(const struct ctx *x, struct vc_opportunity *o)
{
    for (uint32_t j = x->start[o->item]; j < x->start[o->item + 1]; j++) {
        const struct vc_provision_score *p = P(x, j);
        if (p->level != o->level || !p->share_known || x->c->aggregate[p->actor])
            continue;
        if (o->n_top < VC_OPP_TOP_HOLDERS) {
            o->top[o->n_top] = p->actor;
            o->top_share[o->n_top++] = p->share;
        }
        if (o->main_holder == UINT32_MAX && !of_country(x, p->actor) && x->c->country[p->actor]) {
            o->main_holder = p->actor;
            o->main_country = x->c->country[p->actor];
        }
    }
}

/* The figures of one candidate: the two shares, the impact there, holders. */
static void figures(struct ctx *x, struct vc_opportunity *o)
{
    const struct vc_analysis *a = x->a;
    double theta = a->opts.theta_impact;

    o->item_impact = a->impact[o->item];
    o->share_hard = share_hard(x, o->item, o->level, o->actor);
    o->share_matters = share_matters(x, o->item, o->level, o->actor);
    o->share_needed = isnan(o->share_hard) || isnan(o->share_matters)
                          ? NAN : fmax(o->share_hard, o->share_matters);
    o->impact_needed = isnan(o->share_needed) ? NAN
                       : impact_at(x, o->item, o->level, o->share_needed);
    switch (o->kind) {
    case VC_OPP_NEAR_IMPACT:
        o->closeness = theta > 0 ? o->impact / theta : 1;
        break;
    case VC_OPP_NEAR_SHARE:
        o->closeness = o->share_hard > 0 ? o->share / o->share_hard : 1;
        break;
    default:
        o->closeness = o->share_needed > 0 ? o->share / o->share_needed : 0;
    }
    o->main_holder = UINT32_MAX;
    top_holders(x, o);
    vc_knowledge_of(&x->ks, o->actor, o->item, &o->knowledge);
    vc_knowledge_text(&x->ks, &o->knowledge, o->actor, o->item, o->knowledge_text,
                      sizeof(o->knowledge_text));
}

/* One row per item at most: the country's position in it, if any. */
static int candidate(struct ctx *x, uint32_t i, struct vc_opportunity *o)
{
    const struct vc_analysis *a = x->a;
    const struct vc_provision_score *own = NULL, *est = NULL;
    enum vc_level level = (enum vc_level)a->conc_level[i];

    memset(o, 0, sizeof(*o));
    o->item = i;
    o->level = level;
    o->actor = UINT32_MAX;
    o->provision = SIZE_MAX;
    o->impact = NAN;
    o->ab_now = o->ba_now = o->ab_after = o->ba_after = NAN;
    o->neighbour = UINT32_MAX;
    if (x->cp_item[i])
        return 0; /* a control point it holds already */
    for (uint32_t j = x->start[i]; j < x->start[i + 1]; j++) {
        const struct vc_provision_score *p = P(x, j);
        if (p->level != level || !of_country(x, p->actor))
            continue;
        if (p->share_known && !own)
            own = p; /* the largest: the lists are by share */
        if (!p->share_known && !est)
            est = p;
    }
    if (own) {
        o->actor = own->actor;
        o->provision = (size_t)(own - a->provisions);
        o->share = own->share;
        o->hard_now = own->hard_to_replace;
        if (own->hard_to_replace) {
            o->kind = VC_OPP_NEAR_IMPACT;
            o->impact = own->impact;
            return 1;
        }
        o->impact = impact_at(x, i, level, own->share);
        if (o->impact >= a->opts.theta_impact || a->spof_finals[own->actor] > 0 ||
            a->spof_finals[i] > 0) {
            o->kind = VC_OPP_NEAR_SHARE;
            return 1;
        }
        o->kind = VC_OPP_FOOTHOLD_SHARE;
    } else if (est) {
        o->actor = est->actor;
        o->provision = (size_t)(est - a->provisions);
        o->share = est->share;
        o->share_estimated = true;
        o->kind = VC_OPP_FOOTHOLD_SHARE;
    } else {
        o->kind = VC_OPP_FOOTHOLD_NEIGHBOUR;
    }
    if (!concentrated_abroad(x, i, o) || !item_matters(a, i))
        return 0;
    if (o->kind == VC_OPP_FOOTHOLD_NEIGHBOUR) {
        find_neighbour(x, i, o);
        if (o->neighbour == UINT32_MAX)
            return 0;
    }
    return 1;
}

/* ---- order ---- */

static int cmp_label(const struct vc_chain *c, const struct vc_opportunity *p,
                     const struct vc_opportunity *q)
{
    int d = strcmp(c->label[p->item], c->label[q->item]);
    return d ? d : (p->item > q->item) - (p->item < q->item);
}

/* Near misses by closeness, then the impact they would carry; footholds by
 * the share still to gain (out of reach last), then the item's impact. */
static int cmp_opps(const void *pa, const void *pb, void *ctx)
{
    const struct vc_chain *c = ctx;
    const struct vc_opportunity *p = pa, *q = pb;
    bool pn = p->kind <= VC_OPP_NEAR_SHARE, qn = q->kind <= VC_OPP_NEAR_SHARE;

    if (pn != qn)
        return pn ? -1 : 1;
    if (pn) {
        if (p->closeness != q->closeness)
            return p->closeness > q->closeness ? -1 : 1;
    } else {
        double gp = p->share_needed - p->share, gq = q->share_needed - q->share;
        if (isnan(gp) != isnan(gq))
            return isnan(gp) ? 1 : -1;
        if (!isnan(gp) && gp != gq)
            return gp < gq ? -1 : 1;
        if (p->item_impact != q->item_impact)
            return p->item_impact > q->item_impact ? -1 : 1;
    }
    return cmp_label(c, p, q);
}

/* ---- the dependency balance: now, and after the gain ---- */

static enum vc_status gained_balance(struct ctx *x, struct vc_opportunity *o, struct vc_error *err)
{
    const struct vc_chain *c = x->c;
    const struct vc_graph *g = c->graph;
    struct vc_graph g2;
    struct vc_chain c2;
    struct vc_chain_opts copts = c->opts;
    struct vc_diag quiet = VC_DIAG_INIT;
    struct vc_gain gain = { o->actor, x->code, o->item, o->level, o->share_needed };
    struct vc_deps d;
    const char *codes[2] = { x->code, o->main_country };
    uint8_t *keep_n = malloc(g->n_nodes + 1), *keep_e = malloc(g->n_edges + 1);
    uint32_t *nmap = malloc((g->n_nodes + 1) * sizeof(uint32_t));
    uint32_t *emap = malloc((g->n_edges + 1) * sizeof(uint32_t));
    bool have_chain = false;
    enum vc_status st = VC_OK;

    vc_graph_init(&g2);
    if (!keep_n || !keep_e || !nmap || !emap) {
        st = vc_error_set(err, VC_ENOMEM, g->source, 0, 0, "out of memory");
        goto out;
    }
    memset(keep_n, 1, g->n_nodes + 1);
    memset(keep_e, 1, g->n_edges + 1);
    copts.share_scale = VC_SHARE_FRACTION;
    if ((st = vc_graph_copy_kept(g, keep_n, keep_e, nmap, emap, &g2, err)) != VC_OK ||
        (st = vc_gain_apply(&g2, c, &gain, err)) != VC_OK ||
        (st = vc_chain_build(&g2, &copts, &c2, &quiet, err)) != VC_OK)
        goto out;
    have_chain = true;
    if ((st = vc_deps_matrix(&c2, &x->a->opts, codes, 2, &d, err)) != VC_OK)
        goto out;
    o->ab_after = d.m[1];
    o->ba_after = d.m[2];
    vc_deps_release(&d);
out:
    if (have_chain)
        vc_chain_release(&c2);
    vc_graph_release(&g2);
    free(keep_n);
    free(keep_e);
    free(nmap);
    free(emap);
    return st;
}

/* M[country][B] and M[B][country] now, for every main holder's country B. */
static enum vc_status balances(struct ctx *x, struct vc_opportunities *out, struct vc_error *err)
{
    const char **codes = malloc((out->n + 1) * sizeof(char *));
    struct vc_deps d;
    size_t n = 0;
    enum vc_status st = VC_OK;

    if (!codes)
        return vc_error_set(err, VC_ENOMEM, NULL, 0, 0, "out of memory");
    codes[n++] = x->code;
    for (size_t k = 0; k < out->n; k++) {
        const char *b = out->v[k].main_country;
        bool seen = false;
        for (size_t j = 0; j < n && b; j++)
            seen |= strcmp(codes[j], b) == 0;
        if (b && !seen)
            codes[n++] = b;
    }
    if (n > 1 && (st = vc_deps_matrix(x->c, &x->a->opts, codes, n, &d, err)) == VC_OK) {
        for (size_t k = 0; k < out->n; k++) {
            struct vc_opportunity *o = &out->v[k];
            for (size_t j = 1; j < n && o->main_country; j++)
                if (strcmp(codes[j], o->main_country) == 0) {
                    o->ab_now = d.m[0 * n + j];
                    o->ba_now = d.m[j * n + 0];
                }
        }
        vc_deps_release(&d);
        for (size_t k = 0; k < out->n && st == VC_OK; k++)
            if (out->v[k].main_country && !isnan(out->v[k].share_needed))
                st = gained_balance(x, &out->v[k], err);
    }
    free(codes);
    return st;
}

/* ---- the reason, in words ---- */

static void reason(const struct ctx *x, struct vc_opportunity *o)
{
    const struct vc_analysis *a = x->a;
    const struct vc_chain *c = x->c;
    const char *who = o->actor != UINT32_MAX ? c->label[o->actor] : "a new provider";
    const char *item = c->label[o->item];
    char *buf = o->reason;
    size_t size = sizeof(o->reason);
    int n = 0;

#define ADD(...) (n += snprintf(buf + n, (size_t)n < size ? size - (size_t)n : 0, __VA_ARGS__))
    switch (o->kind) {
    case VC_OPP_NEAR_IMPACT:
        ADD("%s holds %.1f %% of %s and is hard to replace, but losing it costs %.1f %% of final "
            "output, below the %.1f %% that makes a control point", who, o->share * 100, item,
            o->impact * 100, a->opts.theta_impact * 100);
        break;
    case VC_OPP_NEAR_SHARE:
        if (o->impact >= a->opts.theta_impact)
            ADD("losing %s's %.1f %% of %s costs %.1f %% of final output, but it is replaceable "
                "(others hold %.0f %%)", who, o->share * 100, item, o->impact * 100,
                (1 - o->share) * 100);
        else
            ADD("%s's %.1f %% of %s matters (%s is a single point of failure of a final "
                "item), but it is replaceable (others hold %.0f %%)", who, o->share * 100, item,
                a->spof_finals[o->item] > 0 ? item : who, (1 - o->share) * 100);
        break;
    case VC_OPP_FOOTHOLD_SHARE:
        if (o->share_estimated)
            ADD("%s provides %s (share unknown, estimated %.1f %%)", who, item, o->share * 100);
        else
            ADD("%s holds %.1f %% of %s", who, o->share * 100, item);
        break;
    case VC_OPP_FOOTHOLD_NEIGHBOUR:
        ADD("%s holds %.1f %% of %s, %s, but none of %s", c->label[a->provisions[
                x->best[o->neighbour]].actor], o->neighbour_share * 100, c->label[o->neighbour],
            vc_neighbour_name(o->relation), item);
        break;
    }
    if (o->kind >= VC_OPP_FOOTHOLD_SHARE) {
        ADD("; the item matters (losing it costs %.1f %% of final output%s) and is held "
            "abroad (%s %.1f %%)", o->item_impact * 100,
            a->spof_finals[o->item] > 0 ? "; it can stop a final item" : "",
            o->abroad ? o->abroad : "?", o->abroad_share * 100);
    }
    if (isnan(o->share_needed)) {
        if (isnan(o->share_matters))
            ADD("; even all of %s would cost only %.1f %%: no share makes it a control point",
                item, o->item_impact * 100);
        else
            ADD("; no share makes it hard to replace");
    } else if (o->kind == VC_OPP_NEAR_SHARE) {
        ADD("; hard to replace from %.1f %% (%.1f points more)", o->share_needed * 100,
            (o->share_needed - o->share) * 100);
    } else {
        ADD("; a control point from %.1f %% (%.1f points %s), where losing it would cost "
            "%.1f %%", o->share_needed * 100, fabs(o->share_needed - o->share) * 100,
            o->share_needed >= o->share ? "more" : "less", o->impact_needed * 100);
    }
    if (o->n_top) {
        ADD("; held now by");
        for (size_t j = 0; j < o->n_top; j++)
            ADD("%s %s%s%s%s %.1f %%", j ? "," : "", c->label[o->top[j]],
                c->country[o->top[j]] ? " (" : "",
                c->country[o->top[j]] ? c->country[o->top[j]] : "",
                c->country[o->top[j]] ? ")" : "", o->top_share[j] * 100);
    }
    if (!isnan(o->ab_now)) {
        ADD("; %s's leverage over %s (M[%s][%s] - M[%s][%s]) %+.3g", x->code, o->main_country,
            o->main_country, x->code, x->code, o->main_country, o->ba_now - o->ab_now);
        if (!isnan(o->ab_after))
            ADD(", %+.3g at %.1f %%", o->ba_after - o->ab_after, o->share_needed * 100);
    }
    if (o->knowledge_text[0])
        ADD("; %s", o->knowledge_text);
#undef ADD
}

/* ---- the whole ---- */

static int cmp_prov_share(const void *pa, const void *pb, void *ctx)
{
    const struct vc_analysis *a = ctx;
    const struct vc_provision_score *p = &a->provisions[*(const size_t *)pa];
    const struct vc_provision_score *q = &a->provisions[*(const size_t *)pb];
    if (p->share_known != q->share_known)
        return p->share_known ? -1 : 1;
    if (p->share != q->share)
        return p->share > q->share ? -1 : 1;
    return *(const size_t *)pa < *(const size_t *)pb ? -1 : 1;
}

static enum vc_status index_provisions(struct ctx *x)
{
    const struct vc_analysis *a = x->a;
    size_t n = a->n, max = 0;

    x->start = calloc(n + 2, sizeof(uint32_t));
    x->prov = malloc((a->n_provisions + 1) * sizeof(size_t));
    x->cp_item = calloc(n + 1, 1);
    x->best = malloc((n + 1) * sizeof(uint32_t));
    if (!x->start || !x->prov || !x->cp_item || !x->best)
        return VC_ENOMEM;
    for (size_t k = 0; k < a->n_provisions; k++)
        x->start[a->provisions[k].item + 1]++;
    for (size_t v = 0; v < n; v++) {
        if (x->start[v + 1] > max)
            max = x->start[v + 1];
        x->start[v + 1] += x->start[v];
    }
    for (size_t k = 0; k < a->n_provisions; k++)
        x->prov[x->start[a->provisions[k].item]++] = k;
    for (size_t v = n; v > 0; v--)
        x->start[v] = x->start[v - 1];
    x->start[0] = 0;
    for (size_t v = 0; v < n; v++) {
        qsort_r(x->prov + x->start[v], x->start[v + 1] - x->start[v], sizeof(size_t),
                cmp_prov_share, (void *)a);
        x->best[v] = UINT32_MAX;
        for (uint32_t j = x->start[v]; j < x->start[v + 1]; j++) {
            const struct vc_provision_score *p = P(x, j);
            if (!of_country(x, p->actor))
                continue;
            if (p->control_point)
                x->cp_item[v] = 1;
            if (p->level == a->conc_level[v] && p->share_known && x->best[v] == UINT32_MAX)
                x->best[v] = (uint32_t)x->prov[j];
        }
    }
    x->scratch = malloc((max + 2) * sizeof(*x->scratch));
    return x->scratch ? VC_OK : VC_ENOMEM;
}

void vc_opportunities_release(struct vc_opportunities *o)
{
    free(o->v);
    memset(o, 0, sizeof(*o));
}

enum vc_status vc_opportunities_find(const struct vc_analysis *a, const char *code,
                                     const struct vc_opp_opts *opts,
                                     struct vc_opportunities *out, struct vc_error *err)
{
    static const struct vc_opp_opts defaults = VC_OPP_OPTS_INIT;
    const struct vc_chain *c = a->chain;
    struct ctx x;
    size_t ci, n = 0, near = 0, foot = 0;
    enum vc_status st = VC_OK;

    memset(out, 0, sizeof(*out));
    memset(&x, 0, sizeof(x));
    if (!opts)
        opts = &defaults;
    if ((ci = vc_analysis_country(a, code)) == SIZE_MAX)
        return VC_OK;
    x.a = a;
    x.c = c;
    x.code = a->countries[ci].code;
    x.a3 = vc_country_alpha3(x.code);
    out->country = x.code;
    vc_knowledge_init(&x.ks, c);
    out->knowledge_attr = x.ks.attr;
    out->v = calloc(a->n + 1, sizeof(*out->v));
    if (!out->v || index_provisions(&x) != VC_OK)
        goto nomem;
    if ((st = vc_model_build(c, &a->opts, &x.m, err)) != VC_OK)
        goto out;
    x.have_model = true;
    if (vc_prop_init(&x.p, &x.m, &a->opts) != VC_OK)
        goto nomem;
    x.have_prop = true;

    for (uint32_t i = 0; i < a->n; i++) {
        struct vc_opportunity *o = &out->v[n];
        if (c->kind[i] != VC_KIND_ITEM || !candidate(&x, i, o))
            continue;
        figures(&x, o);
        if (!vc_knowledge_passes(&o->knowledge, opts->min_knowledge)) {
            out->left_out_knowledge++;
            continue;
        }
        n++;
    }
    qsort_r(out->v, n, sizeof(*out->v), cmp_opps, (void *)c);
    /* at most top of each kind, near misses first */
    for (size_t k = 0; k < n; k++) {
        bool is_near = out->v[k].kind <= VC_OPP_NEAR_SHARE;
        size_t *count = is_near ? &near : &foot;
        if (opts->top && *count >= opts->top) {
            if (is_near)
                out->more_near++;
            else
                out->more_footholds++;
            continue;
        }
        (*count)++;
        out->v[out->n++] = out->v[k];
    }
    out->n_near = near;
    if ((st = balances(&x, out, err)) != VC_OK)
        goto out;
    for (size_t k = 0; k < out->n; k++)
        reason(&x, &out->v[k]);
    goto out;

nomem:
    st = vc_error_set(err, VC_ENOMEM, c->graph->source, 0, 0, "out of memory");
out:
    if (x.have_prop)
        vc_prop_release(&x.p);
    if (x.have_model)
        vc_model_release(&x.m);
    free(x.start);
    free(x.prov);
    free(x.cp_item);
    free(x.best);
    free(x.scratch);
    if (st != VC_OK)
        vc_opportunities_release(out);
    return st;
}
