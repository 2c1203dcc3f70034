/*
 * cluster.c - what a country's control points stand on: for each, the
 * providers of its item's essential inputs (its suppliers) and of the
 * items it feeds (its users), and the actors whose loss alone stops its
 * item, from the AND/OR single-point-of-failure sets (bitsets.c; one pass
 * per chunk of candidates serves every control point).  A control point
 * that a foreign actor alone can stop is weaker than it looks; one whose
 * domestic suppliers are themselves hard to replace is an ecosystem.
 * docs/model.md, "The cluster around a control point".
 */
#define _GNU_SOURCE /* qsort_r */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bitsets.h"
#include "vchain/cluster.h"

#define USERS_PER_ITEM 3 /* the largest providers shown of each item it feeds */

static bool same_country(const struct vc_chain *c, size_t v, const char *code)
{
    const char *cc = c->country[v], *a3 = vc_country_alpha3(code);
    return cc && (strcasecmp(cc, code) == 0 || (a3 && strcmp(cc, a3) == 0));
}

void vc_clusters_release(struct vc_clusters *cl)
{
    for (size_t k = 0; k < cl->n; k++) {
        free(cl->v[k].suppliers);
        free(cl->v[k].users);
        free(cl->v[k].spof);
    }
    free(cl->v);
    memset(cl, 0, sizeof(*cl));
}

/* The providers of item u at its analysis level, largest first (at most
 * max; 0: all), appended to *list; one member with actor UINT32_MAX when
 * the data names none. */
static enum vc_status add_providers(const struct vc_analysis *a, const uint32_t *pstart,
                                    const size_t *pidx, uint32_t u, const char *code,
                                    const uint8_t *stops, size_t max,
                                    struct vc_cluster_member **list, size_t *n)
{
    const struct vc_chain *c = a->chain;
    size_t added = 0;
    for (uint32_t j = pstart[u]; j < pstart[u + 1]; j++) {
        const struct vc_provision_score *p = &a->provisions[pidx[j]];
        struct vc_cluster_member *grown;
        if (p->level != a->conc_level[u] || c->aggregate[p->actor] || (max && added >= max))
            continue;
        if (!(grown = realloc(*list, (*n + 1) * sizeof(**list))))
            return VC_ENOMEM;
        *list = grown;
        grown[(*n)++] = (struct vc_cluster_member){ p->actor, u, p->share, p->share_known,
                                                    p->hard_to_replace,
                                                    same_country(c, p->actor, code),
                                                    stops && stops[p->actor] };
        added++;
    }
    if (!added) { /* an item without providers in the data still shows */
        struct vc_cluster_member *grown = realloc(*list, (*n + 1) * sizeof(**list));
        if (!grown)
            return VC_ENOMEM;
        *list = grown;
        grown[(*n)++] = (struct vc_cluster_member){ UINT32_MAX, u, NAN, false, false, false,
                                                    false };
    }
    return VC_OK;
}

static int by_share(const void *x, const void *y, void *ctx)
{
    const struct vc_analysis *a = ctx;
    const struct vc_provision_score *p = &a->provisions[*(const size_t *)x];
    const struct vc_provision_score *q = &a->provisions[*(const size_t *)y];
    if (p->share != q->share)
        return p->share > q->share ? -1 : 1;
    return *(const size_t *)x < *(const size_t *)y ? -1 : 1;
}

/* The verdict and its words. */
static void judge(const struct vc_analysis *a, const char *code, struct vc_cluster *k)
{
    const struct vc_chain *c = a->chain;
    const struct vc_provision_score *cp = &a->provisions[k->provision];
    const char *item = c->label[cp->item];
    char *buf = k->text;
    size_t size = sizeof(k->text), shown = 0;
    int n = 0;

#define ADD(...) (n += snprintf(buf + n, (size_t)n < size ? size - (size_t)n : 0, __VA_ARGS__))
    for (size_t j = 0; j < k->n_suppliers; j++) {
        const struct vc_cluster_member *s = &k->suppliers[j];
        if (s->actor == UINT32_MAX)
            continue;
        k->domestic_hard += s->domestic && s->hard && s->actor != cp->actor;
        k->foreign_hard += !s->domestic && s->hard;
    }
    if (k->foreign_spof && k->domestic_hard)
        k->verdict = VC_CLUSTER_ECOSYSTEM_WEAKER;
    else if (k->foreign_spof)
        k->verdict = VC_CLUSTER_WEAKER;
    else if (k->domestic_hard)
        k->verdict = VC_CLUSTER_ECOSYSTEM;
    else if (!k->n_inputs)
        k->verdict = VC_CLUSTER_NO_INPUTS;
    else
        k->verdict = VC_CLUSTER_NO_SPOF;
    ADD("%s", vc_cluster_verdict_name(k->verdict));
    if (k->foreign_spof) {
        ADD(": ");
        for (size_t j = 0; j < k->n_spof && j < k->foreign_spof; j++)
            ADD("%s%s (%s)", j ? ", " : "", c->label[k->spof[j]],
                c->country[k->spof[j]] ? c->country[k->spof[j]] : "country unknown");
        ADD(" alone can stop %s", item);
    }
    if (k->domestic_hard) {
        ADD(k->foreign_spof ? "; " : ": ");
        for (size_t j = 0; j < k->n_suppliers; j++) {
            const struct vc_cluster_member *s = &k->suppliers[j];
            if (!s->domestic || !s->hard || s->actor == cp->actor)
                continue;
            ADD("%s%s holds %.1f %% of %s", shown++ ? ", " : "", c->label[s->actor],
                s->share * 100, c->label[s->item]);
        }
        ADD(", hard to replace at home");
    }
    if (k->verdict == VC_CLUSTER_NO_INPUTS)
        ADD(": the data lists no input of %s, so what it rests on is not in the data", item);
    else if (k->verdict == VC_CLUSTER_NO_SPOF)
        ADD(": no actor abroad alone can stop %s, and no domestic supplier of its %zu "
            "input%s is hard to replace", item, k->n_inputs, k->n_inputs == 1 ? "" : "s");
    if (k->foreign_hard && !k->foreign_spof) {
        ADD("; hard to replace abroad: ");
        shown = 0;
        for (size_t j = 0; j < k->n_suppliers; j++) {
            const struct vc_cluster_member *s = &k->suppliers[j];
            if (s->actor == UINT32_MAX || s->domestic || !s->hard)
                continue;
            ADD("%s%s (%s) %.1f %% of %s", shown++ ? ", " : "", c->label[s->actor],
                c->country[s->actor] ? c->country[s->actor] : "country unknown",
                s->share * 100, c->label[s->item]);
        }
    }
    if (k->n_spof > k->foreign_spof)
        ADD("; %s alone can stop it at home too (%zu actor%s)", code, k->n_spof - k->foreign_spof,
            k->n_spof - k->foreign_spof == 1 ? "" : "s");
    (void)a;
#undef ADD
}

enum vc_status vc_clusters_find(const struct vc_analysis *a, const struct vc_country_view *v,
                                struct vc_clusters *out, struct vc_error *err)
{
    const struct vc_chain *c = a->chain;
    const struct vc_graph *g = c->graph;
    struct vc_model m;
    bool have_model = false;
    uint32_t *targets = NULL, *slot = NULL, *pstart = NULL;
    size_t *pidx = NULL, n_targets = 0;
    uint8_t *sets = NULL;
    enum vc_status st = VC_OK;

    memset(out, 0, sizeof(*out));
    if (v->country == SIZE_MAX || !v->n_own)
        return VC_OK;
    out->v = calloc(v->n_own, sizeof(*out->v));
    targets = malloc(v->n_own * sizeof(uint32_t));
    slot = malloc((a->n + 1) * sizeof(uint32_t));
    pstart = calloc(a->n + 2, sizeof(uint32_t));
    pidx = malloc((a->n_provisions + 1) * sizeof(size_t));
    if (!out->v || !targets || !slot || !pstart || !pidx)
        goto nomem;
    /* the control points rank lists, and their distinct items */
    for (size_t k = 0; k < a->n; k++)
        slot[k] = UINT32_MAX;
    for (size_t q = 0; q < v->n_own; q++) {
        const struct vc_provision_score *p = &a->provisions[v->own[q]];
        if (!p->control_point || p->level != a->conc_level[p->item])
            continue;
        out->v[out->n++].provision = v->own[q];
        if (slot[p->item] == UINT32_MAX) {
            slot[p->item] = (uint32_t)n_targets;
            targets[n_targets++] = p->item;
        }
    }
    if (!out->n)
        goto out;
    /* providers by item, largest share first */
    for (size_t q = 0; q < a->n_provisions; q++)
        pstart[a->provisions[q].item + 1]++;
    for (size_t k = 0; k < a->n; k++)
        pstart[k + 1] += pstart[k];
    for (size_t q = 0; q < a->n_provisions; q++)
        pidx[pstart[a->provisions[q].item]++] = q;
    for (size_t k = a->n; k > 0; k--)
        pstart[k] = pstart[k - 1];
    pstart[0] = 0;
    for (size_t k = 0; k < a->n; k++)
        qsort_r(pidx + pstart[k], pstart[k + 1] - pstart[k], sizeof(size_t), by_share,
                (void *)a);

    if ((st = vc_model_build(c, &a->opts, &m, err)) != VC_OK)
        goto out;
    have_model = true;
    if (!(sets = malloc(n_targets * (a->n ? a->n : 1))))
        goto nomem;
    if ((st = vc_spof_sets(&m, &a->opts, a->opts.level, targets, n_targets, sets, err)) != VC_OK)
        goto out;

    for (size_t k = 0; k < out->n; k++) {
        struct vc_cluster *cl = &out->v[k];
        const struct vc_provision_score *cp = &a->provisions[cl->provision];
        const uint8_t *stops = sets + (size_t)slot[cp->item] * a->n;
        size_t nf = 0;

        /* suppliers: the providers of each essential input */
        for (uint32_t q = m.in_start[cp->item]; q < m.in_start[cp->item + 1]; q++) {
            cl->n_inputs++;
            if (add_providers(a, pstart, pidx, m.in_src[q], v->code, stops, 0, &cl->suppliers,
                              &cl->n_suppliers) != VC_OK)
                goto nomem;
        }
        /* users: the largest providers of each item it feeds */
        for (size_t e = 0; e < c->n_edges; e++) {
            if ((c->relation[e] != VC_REL_INPUT_OF && c->relation[e] != VC_REL_VARIANT_OF) ||
                c->undirected[e] || g->edge_from[e] != cp->item)
                continue;
            cl->n_fed++;
            if (add_providers(a, pstart, pidx, g->edge_to[e], v->code, NULL, USERS_PER_ITEM,
                              &cl->users, &cl->n_users) != VC_OK)
                goto nomem;
        }
        /* single points of failure of its item: actors, foreign first */
        for (size_t x = 0; x < a->n; x++)
            cl->n_spof += stops[x] && c->kind[x] == VC_KIND_ACTOR && !c->aggregate[x] &&
                          x != cp->actor;
        if (cl->n_spof && !(cl->spof = malloc(cl->n_spof * sizeof(uint32_t))))
            goto nomem;
        cl->n_spof = 0;
        for (int pass = 0; pass < 2; pass++)
            for (size_t x = 0; x < a->n; x++) {
                bool home;
                if (!stops[x] || c->kind[x] != VC_KIND_ACTOR || c->aggregate[x] ||
                    x == cp->actor)
                    continue;
                home = same_country(c, x, v->code);
                if (home != (pass == 1))
                    continue;
                cl->spof[cl->n_spof++] = (uint32_t)x;
                nf += !home;
            }
        cl->foreign_spof = nf;
        judge(a, v->code, cl);
    }
    goto out;

nomem:
    st = vc_error_set(err, VC_ENOMEM, g->source, 0, 0, "out of memory");
out:
    if (have_model)
        vc_model_release(&m);
    free(targets);
    free(slot);
    free(pstart);
    free(pidx);
    free(sets);
    if (st != VC_OK)
        vc_clusters_release(out);
    return st;
}
