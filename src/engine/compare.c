/*
 * compare.c - two scored chains side by side.
 *
 * Owns the alignment of nodes (by id, else by label), the diff of two
 * analyses over it (provisions, items, actors, countries, control points),
 * and the union graph that carries both sides for the exporters.  Every
 * figure compared is one the engine already computed (docs/model.md,
 * "Comparing and mutual dependency"); nothing here propagates losses.
 */
#define _GNU_SOURCE /* qsort_r */
#include <ctype.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/mem.h"
#include "core/palette.h"
#include "vchain/compare.h"

#define NONE32 UINT32_MAX

/* ---- names ---- */

const char *vc_match_name(enum vc_match m)
{
    switch (m) {
    case VC_MATCH_ID: return "id";
    case VC_MATCH_LABEL: return "label";
    case VC_MATCH_AMBIGUOUS: return "ambiguous label";
    case VC_MATCH_NONE: break;
    }
    return "none";
}

/* The status colours (core/palette.h; docs/compare.md). */
void vc_change_rgb(enum vc_change c, uint8_t rgb[3])
{
    static const enum vc_colour colours[] = {
        [VC_CHANGE_SAME] = VC_COLOUR_SAME, [VC_CHANGE_NEW] = VC_COLOUR_NEW,
        [VC_CHANGE_GONE] = VC_COLOUR_GONE, [VC_CHANGE_GREW] = VC_COLOUR_GREW,
        [VC_CHANGE_SHRANK] = VC_COLOUR_SHRANK,
    };
    memcpy(rgb, vc_palette_rgb(colours[c <= VC_CHANGE_SHRANK ? c : VC_CHANGE_SAME]), 3);
}

/* ---- alignment ---- */

/* Labels compared ignoring case and surrounding whitespace. */
/* A provision at the level its item is analysed at (what rank counts). */
static bool in_view(const struct vc_analysis *a, const struct vc_provision_score *p)
{
    return a->conc_level[p->item] == p->level;
}

static int label_cmp(const char *x, const char *y)
{
    size_t nx, ny;
    while (isspace((unsigned char)*x))
        x++;
    while (isspace((unsigned char)*y))
        y++;
    nx = strlen(x);
    ny = strlen(y);
    while (nx && isspace((unsigned char)x[nx - 1]))
        nx--;
    while (ny && isspace((unsigned char)y[ny - 1]))
        ny--;
    for (size_t k = 0; k < nx && k < ny; k++) {
        int d = tolower((unsigned char)x[k]) - tolower((unsigned char)y[k]);
        if (d)
            return d;
    }
    return (nx > ny) - (nx < ny);
}

struct keyed {
    const struct vc_chain *c;
    uint32_t node;
};

static int by_kind_label(const void *x, const void *y)
{
    const struct keyed *p = x, *q = y;
    int d = (int)p->c->kind[p->node] - (int)q->c->kind[q->node];
    if (d)
        return d;
    d = label_cmp(p->c->label[p->node], q->c->label[q->node]);
    return d ? d : (p->node > q->node) - (p->node < q->node);
}

static int same_key(const struct keyed *p, const struct keyed *q)
{
    return p->c->kind[p->node] == q->c->kind[q->node] &&
           label_cmp(p->c->label[p->node], q->c->label[q->node]) == 0;
}

/* Unaligned nodes of one side, sorted by kind and label. */
static struct keyed *unaligned(const struct vc_chain *c, const uint32_t *map, size_t *n)
{
    struct keyed *k = malloc((c->n_nodes ? c->n_nodes : 1) * sizeof(*k));
    size_t j = 0;
    if (!k)
        return NULL;
    for (size_t v = 0; v < c->n_nodes; v++)
        if (map[v] == NONE32)
            k[j++] = (struct keyed){ c, (uint32_t)v };
    qsort(k, j, sizeof(*k), by_kind_label);
    *n = j;
    return k;
}

static enum vc_status align_labels(const struct vc_chain *a, const struct vc_chain *b,
                                   struct vc_alignment *al)
{
    size_t na, nb, i = 0, j = 0;
    struct keyed *ka = unaligned(a, al->a_to_b, &na), *kb = unaligned(b, al->b_to_a, &nb);

    if (!ka || !kb) {
        free(ka);
        free(kb);
        return VC_ENOMEM;
    }
    while (i < na && j < nb) {
        int d = (int)a->kind[ka[i].node] - (int)b->kind[kb[j].node];
        if (!d)
            d = label_cmp(a->label[ka[i].node], b->label[kb[j].node]);
        if (d < 0) {
            i++;
            continue;
        }
        if (d > 0) {
            j++;
            continue;
        }
        size_t ei = i + 1, ej = j + 1;
        while (ei < na && same_key(&ka[ei], &ka[i]))
            ei++;
        while (ej < nb && same_key(&kb[ej], &kb[j]))
            ej++;
        if (ei - i == 1 && ej - j == 1) {
            al->a_to_b[ka[i].node] = kb[j].node;
            al->b_to_a[kb[j].node] = ka[i].node;
            al->how_a[ka[i].node] = al->how_b[kb[j].node] = VC_MATCH_LABEL;
            al->by_label++;
        } else {
            for (size_t k = i; k < ei; k++)
                al->how_a[ka[k].node] = VC_MATCH_AMBIGUOUS;
            for (size_t k = j; k < ej; k++)
                al->how_b[kb[k].node] = VC_MATCH_AMBIGUOUS;
        }
        i = ei;
        j = ej;
    }
    free(ka);
    free(kb);
    return VC_OK;
}

void vc_alignment_release(struct vc_alignment *al)
{
    VC_FREE_ALL(al->a_to_b, al->b_to_a, al->how_a, al->how_b);
    memset(al, 0, sizeof(*al));
}

enum vc_status vc_align_nodes(const struct vc_chain *a, const struct vc_chain *b,
                              enum vc_align how, struct vc_alignment *out,
                              struct vc_error *err)
{
    struct vc_alignment al;

    memset(&al, 0, sizeof(al));
    al.n_a = a->n_nodes;
    al.n_b = b->n_nodes;
    al.a_to_b = malloc((al.n_a ? al.n_a : 1) * sizeof(uint32_t));
    al.b_to_a = malloc((al.n_b ? al.n_b : 1) * sizeof(uint32_t));
    al.how_a = calloc(al.n_a ? al.n_a : 1, 1);
    al.how_b = calloc(al.n_b ? al.n_b : 1, 1);
    if (!al.a_to_b || !al.b_to_a || !al.how_a || !al.how_b)
        goto nomem;
    memset(al.a_to_b, 0xff, al.n_a * sizeof(uint32_t));
    memset(al.b_to_a, 0xff, al.n_b * sizeof(uint32_t));
    if (how != VC_ALIGN_LABEL) {
        for (size_t v = 0; v < al.n_a; v++) {
            const char *id = a->graph->node_id[v];
            size_t w = vc_graph_find_node(b->graph, id, strlen(id));
            if (w == SIZE_MAX || a->kind[v] != b->kind[w])
                continue; /* an actor and an item sharing an id are two things */
            al.a_to_b[v] = (uint32_t)w;
            al.b_to_a[w] = (uint32_t)v;
            al.how_a[v] = al.how_b[w] = VC_MATCH_ID;
            al.by_id++;
        }
    }
    if (how != VC_ALIGN_ID && align_labels(a, b, &al) != VC_OK)
        goto nomem;
    for (size_t v = 0; v < al.n_a; v++)
        al.only_a += al.a_to_b[v] == NONE32;
    for (size_t w = 0; w < al.n_b; w++)
        al.only_b += al.b_to_a[w] == NONE32;
    *out = al;
    return VC_OK;
nomem:
    vc_alignment_release(&al);
    return vc_error_set(err, VC_ENOMEM, NULL, 0, 0, "out of memory aligning the graphs");
}

/* ---- the diff ---- */

static enum vc_change change_of(double a, double b, bool in_a, bool in_b)
{
    if (!in_a)
        return VC_CHANGE_NEW;
    if (!in_b)
        return VC_CHANGE_GONE;
    if (isnan(a) && isnan(b))
        return VC_CHANGE_SAME;
    if (isnan(a))
        return VC_CHANGE_GREW;
    if (isnan(b))
        return VC_CHANGE_SHRANK;
    if (fabs(b - a) < VC_COMPARE_EPS)
        return VC_CHANGE_SAME;
    return b > a ? VC_CHANGE_GREW : VC_CHANGE_SHRANK;
}

static enum vc_cp_change cp_of(bool a, bool b)
{
    return a && b ? VC_CP_KEPT : a ? VC_CP_LOST : b ? VC_CP_GAINED : VC_CP_NONE;
}

/* A value present on both sides gives its difference; one side alone, its
 * size; for ordering by size of change. */
static double size_of_change(double a, double b, bool in_a, bool in_b)
{
    double x = in_a && !isnan(a) ? a : 0, y = in_b && !isnan(b) ? b : 0;
    return fabs(y - x);
}

/* B's provisions keyed by (actor, item), to find A's counterparts. */
struct pkey {
    uint32_t actor, item;
    size_t prov;
};

static int by_pkey(const void *x, const void *y)
{
    const struct pkey *p = x, *q = y;
    if (p->actor != q->actor)
        return p->actor < q->actor ? -1 : 1;
    if (p->item != q->item)
        return p->item < q->item ? -1 : 1;
    return (p->prov > q->prov) - (p->prov < q->prov);
}

static size_t find_pkey(const struct pkey *keys, size_t n, uint32_t actor, uint32_t item,
                        const uint8_t *used)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (keys[mid].actor < actor || (keys[mid].actor == actor && keys[mid].item < item))
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < n && keys[lo].actor == actor && keys[lo].item == item; lo++)
        if (!used[keys[lo].prov])
            return keys[lo].prov;
    return SIZE_MAX;
}

/* The label to order by: the smaller of the two sides', so that A vs B
 * and B vs A order alike. */
static const char *sort_label(const struct vc_comparison *c, uint32_t a, uint32_t b)
{
    const char *la = a != NONE32 ? c->a->chain->label[a] : NULL;
    const char *lb = b != NONE32 ? c->b->chain->label[b] : NULL;
    if (!la)
        return lb ? lb : "";
    if (!lb)
        return la;
    return strcmp(la, lb) <= 0 ? la : lb;
}

static void prov_nodes(const struct vc_comparison *c, const struct vc_cmp_provision *p,
                       uint32_t *actor_a, uint32_t *item_a, uint32_t *actor_b, uint32_t *item_b)
{
    const struct vc_alignment *al = &c->align;
    *actor_a = *item_a = *actor_b = *item_b = NONE32;
    if (p->pa != SIZE_MAX) {
        *actor_a = c->a->provisions[p->pa].actor;
        *item_a = c->a->provisions[p->pa].item;
    }
    if (p->pb != SIZE_MAX) {
        *actor_b = c->b->provisions[p->pb].actor;
        *item_b = c->b->provisions[p->pb].item;
    }
    if (*actor_a == NONE32) {
        *actor_a = al->b_to_a[*actor_b];
        *item_a = al->b_to_a[*item_b];
    } else if (*actor_b == NONE32) {
        *actor_b = al->a_to_b[*actor_a];
        *item_b = al->a_to_b[*item_a];
    }
}

static double sort_size(double change)
{
    return isnan(change) ? -1 : change;
}

static int cmp_provision(const void *x, const void *y, void *ctx)
{
    const struct vc_comparison *c = ctx;
    const struct vc_cmp_provision *p = x, *q = y;
    double dp = fabs(p->d_share), dq = fabs(q->d_share);
    uint32_t pa, pi, pb, pj, qa, qi, qb, qj;
    int d;

    if (dp != dq)
        return dp > dq ? -1 : 1;
    if ((p->cp == VC_CP_GAINED || p->cp == VC_CP_LOST) !=
        (q->cp == VC_CP_GAINED || q->cp == VC_CP_LOST))
        return p->cp == VC_CP_GAINED || p->cp == VC_CP_LOST ? -1 : 1;
    prov_nodes(c, p, &pa, &pi, &pb, &pj);
    prov_nodes(c, q, &qa, &qi, &qb, &qj);
    d = strcmp(sort_label(c, pi, pj), sort_label(c, qi, qj));
    if (d)
        return d;
    return strcmp(sort_label(c, pa, pb), sort_label(c, qa, qb));
}

static int cmp_node(const void *x, const void *y, void *ctx)
{
    const struct vc_comparison *c = ctx;
    const struct vc_cmp_node *p = x, *q = y;
    double sp = sort_size(p->change), sq = sort_size(q->change);
    size_t cp = p->cp_gained + p->cp_lost, cq = q->cp_gained + q->cp_lost;
    if (sp != sq)
        return sp > sq ? -1 : 1;
    if (cp != cq)
        return cp > cq ? -1 : 1;
    return strcmp(sort_label(c, p->a, p->b), sort_label(c, q->a, q->b));
}

static int cmp_country(const void *x, const void *y)
{
    const struct vc_cmp_country *p = x, *q = y;
    double dp = fabs(p->d_impact), dq = fabs(q->d_impact);
    size_t cp = p->cp_gained + p->cp_lost, cq = q->cp_gained + q->cp_lost;
    if (isnan(dp))
        dp = -1;
    if (isnan(dq))
        dq = -1;
    if (dp != dq)
        return dp > dq ? -1 : 1;
    if (cp != cq)
        return cp > cq ? -1 : 1;
    return strcmp(p->code, q->code);
}

void vc_comparison_release(struct vc_comparison *c)
{
    vc_alignment_release(&c->align);
    VC_FREE_ALL(c->provisions, c->items, c->actors, c->countries);
    memset(c, 0, sizeof(*c));
}

static enum vc_status diff_provisions(struct vc_comparison *c)
{
    const struct vc_analysis *a = c->a, *b = c->b;
    const struct vc_alignment *al = &c->align;
    struct pkey *keys = malloc((b->n_provisions ? b->n_provisions : 1) * sizeof(*keys));
    uint8_t *used = calloc(b->n_provisions ? b->n_provisions : 1, 1);
    size_t k = 0;

    c->provisions = calloc(a->n_provisions + b->n_provisions + 1, sizeof(*c->provisions));
    if (!keys || !used || !c->provisions) {
        free(keys);
        free(used);
        return VC_ENOMEM;
    }
    for (size_t j = 0; j < b->n_provisions; j++)
        keys[j] = (struct pkey){ b->provisions[j].actor, b->provisions[j].item, j };
    qsort(keys, b->n_provisions, sizeof(*keys), by_pkey);
    for (size_t j = 0; j < a->n_provisions; j++) {
        const struct vc_provision_score *p = &a->provisions[j];
        uint32_t ab = al->a_to_b[p->actor], ib = al->a_to_b[p->item];
        size_t pb = ab != NONE32 && ib != NONE32
                        ? find_pkey(keys, b->n_provisions, ab, ib, used) : SIZE_MAX;
        struct vc_cmp_provision *r = &c->provisions[k++];
        r->pa = j;
        r->pb = pb;
        if (pb != SIZE_MAX)
            used[pb] = 1;
    }
    for (size_t j = 0; j < b->n_provisions; j++) {
        if (used[j])
            continue;
        c->provisions[k].pa = SIZE_MAX;
        c->provisions[k++].pb = j;
    }
    c->n_provisions = k;
    for (size_t j = 0; j < k; j++) {
        struct vc_cmp_provision *r = &c->provisions[j];
        bool in_a = r->pa != SIZE_MAX, in_b = r->pb != SIZE_MAX;
        bool cpa = in_a && a->provisions[r->pa].control_point;
        bool cpb = in_b && b->provisions[r->pb].control_point;
        r->share_a = in_a ? a->provisions[r->pa].share : NAN;
        r->share_b = in_b ? b->provisions[r->pb].share : NAN;
        r->d_share = (in_b ? r->share_b : 0) - (in_a ? r->share_a : 0);
        r->status = change_of(r->share_a, r->share_b, in_a, in_b);
        r->cp = cp_of(cpa, cpb);
        c->cp_gained += r->cp == VC_CP_GAINED;
        c->cp_lost += r->cp == VC_CP_LOST;
        c->cp_kept += r->cp == VC_CP_KEPT;
    }
    free(keys);
    free(used);
    return VC_OK;
}

/* Items or actors: one entry per node of A of that kind, then B's unaligned. */
static enum vc_status diff_nodes(struct vc_comparison *c, enum vc_kind kind,
                                 struct vc_cmp_node **out, size_t *n_out, uint32_t *entry_a,
                                 uint32_t *entry_b)
{
    const struct vc_analysis *a = c->a, *b = c->b;
    const struct vc_alignment *al = &c->align;
    size_t n = 0;
    struct vc_cmp_node *e = calloc(a->n + b->n + 1, sizeof(*e));

    if (!e)
        return VC_ENOMEM;
    for (size_t v = 0; v < a->n; v++) {
        if (a->chain->kind[v] != kind)
            continue;
        entry_a[v] = (uint32_t)n;
        if (al->a_to_b[v] != NONE32)
            entry_b[al->a_to_b[v]] = (uint32_t)n;
        e[n].a = (uint32_t)v;
        e[n++].b = al->a_to_b[v];
    }
    for (size_t w = 0; w < b->n; w++) {
        if (b->chain->kind[w] != kind || al->b_to_a[w] != NONE32)
            continue;
        entry_b[w] = (uint32_t)n;
        e[n].a = NONE32;
        e[n++].b = (uint32_t)w;
    }
    for (size_t j = 0; j < n; j++) {
        struct vc_cmp_node *r = &e[j];
        bool in_a = r->a != NONE32, in_b = r->b != NONE32;
        r->impact_a = in_a ? a->impact[r->a] : NAN;
        r->impact_b = in_b ? b->impact[r->b] : NAN;
        r->d_impact = in_a && in_b ? r->impact_b - r->impact_a : NAN;
        r->hhi_a = r->hhi_b = r->d_hhi = r->top_a = r->top_b = NAN;
        if (kind == VC_KIND_ITEM) {
            if (in_a) {
                r->hhi_a = a->conc[r->a].hhi;
                r->top_a = a->conc[r->a].top_share;
                r->providers_a = a->conc[r->a].providers;
            }
            if (in_b) {
                r->hhi_b = b->conc[r->b].hhi;
                r->top_b = b->conc[r->b].top_share;
                r->providers_b = b->conc[r->b].providers;
            }
            if (in_a && in_b)
                r->d_hhi = r->hhi_b - r->hhi_a;
            r->status = change_of(r->hhi_a, r->hhi_b, in_a, in_b);
            r->change = size_of_change(r->hhi_a, r->hhi_b, in_a, in_b);
        } else {
            r->status = change_of(r->impact_a, r->impact_b, in_a, in_b);
            r->change = size_of_change(r->impact_a, r->impact_b, in_a, in_b);
        }
    }
    *out = e;
    *n_out = n;
    return VC_OK;
}

/* Provisions counted on their items and actors. */
static void count_provisions(struct vc_comparison *c, const uint32_t *item_a,
                             const uint32_t *item_b, const uint32_t *actor_a,
                             const uint32_t *actor_b)
{
    for (size_t j = 0; j < c->n_provisions; j++) {
        const struct vc_cmp_provision *p = &c->provisions[j];
        uint32_t ie, ae;
        if (p->pa != SIZE_MAX) {
            ie = item_a[c->a->provisions[p->pa].item];
            ae = actor_a[c->a->provisions[p->pa].actor];
        } else {
            ie = item_b[c->b->provisions[p->pb].item];
            ae = actor_b[c->b->provisions[p->pb].actor];
        }
        struct vc_cmp_node *targets[2] = { ie != NONE32 ? &c->items[ie] : NULL,
                                           ae != NONE32 ? &c->actors[ae] : NULL };
        for (int t = 0; t < 2; t++) {
            struct vc_cmp_node *r = targets[t];
            if (!r)
                continue;
            if (t == 0) {
                r->entered += p->status == VC_CHANGE_NEW;
                r->left += p->status == VC_CHANGE_GONE;
            }
            r->cp_a += p->cp == VC_CP_LOST || p->cp == VC_CP_KEPT;
            r->cp_b += p->cp == VC_CP_GAINED || p->cp == VC_CP_KEPT;
            r->cp_gained += p->cp == VC_CP_GAINED;
            r->cp_lost += p->cp == VC_CP_LOST;
            r->cp_kept += p->cp == VC_CP_KEPT;
        }
    }
}

static int by_code(const void *x, const void *y)
{
    return strcmp(((const struct vc_cmp_country *)x)->code,
                  ((const struct vc_cmp_country *)y)->code);
}

static struct vc_cmp_country *find_country(struct vc_comparison *c, const char *code)
{
    struct vc_cmp_country key;
    if (!code)
        return NULL;
    key.code = code;
    return bsearch(&key, c->countries, c->n_countries, sizeof(key), by_code);
}

/* Suppliers of a firm network as control points (docs/model.md, "Firm
 * control points"): counted on their actor, their country and the totals. */
static void count_firms(struct vc_comparison *c)
{
    for (size_t j = 0; j < c->n_actors; j++) {
        struct vc_cmp_node *r = &c->actors[j];
        const struct vc_firm_score *fa = r->a != NONE32 ? vc_analysis_firm(c->a, r->a) : NULL;
        const struct vc_firm_score *fb = r->b != NONE32 ? vc_analysis_firm(c->b, r->b) : NULL;
        bool in_a = fa && fa->control_point, in_b = fb && fb->control_point;
        enum vc_cp_change cp = in_a && in_b ? VC_CP_KEPT : in_a ? VC_CP_LOST
                               : in_b ? VC_CP_GAINED : VC_CP_NONE;
        struct vc_cmp_country *k;
        if (cp == VC_CP_NONE)
            continue;
        k = find_country(c, cp == VC_CP_LOST ? c->a->chain->country[r->a]
                                             : c->b->chain->country[r->b]);
        r->cp_a += in_a;
        r->cp_b += in_b;
        r->cp_gained += cp == VC_CP_GAINED;
        r->cp_lost += cp == VC_CP_LOST;
        r->cp_kept += cp == VC_CP_KEPT;
        if (k) {
            k->cp_a += in_a;
            k->cp_b += in_b;
            k->cp_gained += cp == VC_CP_GAINED;
            k->cp_lost += cp == VC_CP_LOST;
            k->cp_kept += cp == VC_CP_KEPT;
        }
        c->cp_gained += cp == VC_CP_GAINED;
        c->cp_lost += cp == VC_CP_LOST;
        c->cp_kept += cp == VC_CP_KEPT;
    }
}


static enum vc_status diff_countries(struct vc_comparison *c)
{
    const struct vc_analysis *a = c->a, *b = c->b;
    size_t n = 0;

    c->countries = calloc(a->n_countries + b->n_countries + 1, sizeof(*c->countries));
    if (!c->countries)
        return VC_ENOMEM;
    for (size_t j = 0; j < a->n_countries; j++)
        c->countries[n++].code = a->countries[j].code;
    for (size_t j = 0; j < b->n_countries; j++)
        c->countries[n++].code = b->countries[j].code;
    qsort(c->countries, n, sizeof(*c->countries), by_code);
    c->n_countries = 0;
    for (size_t j = 0; j < n; j++)
        if (!c->n_countries || strcmp(c->countries[c->n_countries - 1].code,
                                      c->countries[j].code) != 0)
            c->countries[c->n_countries++].code = c->countries[j].code;
    for (size_t j = 0; j < c->n_countries; j++)
        c->countries[j].impact_a = c->countries[j].impact_b = NAN;
    for (size_t j = 0; j < a->n_countries; j++) {
        struct vc_cmp_country *r = find_country(c, a->countries[j].code);
        r->actors_a = a->countries[j].actors;
        r->impact_a = a->countries[j].impact;
    }
    for (size_t j = 0; j < b->n_countries; j++) {
        struct vc_cmp_country *r = find_country(c, b->countries[j].code);
        r->actors_b = b->countries[j].actors;
        r->impact_b = b->countries[j].impact;
    }
    for (size_t j = 0; j < c->n_provisions; j++) {
        const struct vc_cmp_provision *p = &c->provisions[j];
        const char *code;
        struct vc_cmp_country *r;
        bool va, vb;
        if (p->cp == VC_CP_NONE)
            continue;
        /* the holder's country on the side where it holds the point */
        code = p->cp == VC_CP_LOST ? a->chain->country[a->provisions[p->pa].actor]
                                   : b->chain->country[b->provisions[p->pb].actor];
        if (!(r = find_country(c, code)))
            continue;
        /* A country's count, as vchain rank's: the provisions at the level
         * each item is analysed at, so a country row restating its firms'
         * rows is not counted again. */
        va = p->pa != SIZE_MAX && in_view(a, &a->provisions[p->pa]);
        vb = p->pb != SIZE_MAX && in_view(b, &b->provisions[p->pb]);
        r->cp_a += (p->cp == VC_CP_LOST || p->cp == VC_CP_KEPT) && va;
        r->cp_b += (p->cp == VC_CP_GAINED || p->cp == VC_CP_KEPT) && vb;
        r->cp_gained += p->cp == VC_CP_GAINED && vb;
        r->cp_lost += p->cp == VC_CP_LOST && va;
        r->cp_kept += p->cp == VC_CP_KEPT && (va || vb);
    }
    for (size_t j = 0; j < c->n_countries; j++) {
        struct vc_cmp_country *r = &c->countries[j];
        bool in_a = r->actors_a > 0, in_b = r->actors_b > 0;
        r->d_impact = in_a && in_b ? r->impact_b - r->impact_a : NAN;
        r->status = change_of(r->impact_a, r->impact_b, in_a, in_b);
    }
    return VC_OK;
}

enum vc_status vc_compare(const struct vc_analysis *a, const struct vc_analysis *b,
                          enum vc_align how, struct vc_comparison *out, struct vc_error *err)
{
    struct vc_comparison c;
    uint32_t *item_a = NULL, *item_b = NULL, *actor_a = NULL, *actor_b = NULL;
    enum vc_status st;

    memset(&c, 0, sizeof(c));
    c.a = a;
    c.b = b;
    if ((st = vc_align_nodes(a->chain, b->chain, how, &c.align, err)) != VC_OK)
        return st;
    item_a = malloc((a->n + 1) * sizeof(uint32_t));
    actor_a = malloc((a->n + 1) * sizeof(uint32_t));
    item_b = malloc((b->n + 1) * sizeof(uint32_t));
    actor_b = malloc((b->n + 1) * sizeof(uint32_t));
    if (!item_a || !actor_a || !item_b || !actor_b)
        goto nomem;
    memset(item_a, 0xff, (a->n + 1) * sizeof(uint32_t));
    memset(actor_a, 0xff, (a->n + 1) * sizeof(uint32_t));
    memset(item_b, 0xff, (b->n + 1) * sizeof(uint32_t));
    memset(actor_b, 0xff, (b->n + 1) * sizeof(uint32_t));
    if (diff_provisions(&c) != VC_OK ||
        diff_nodes(&c, VC_KIND_ITEM, &c.items, &c.n_items, item_a, item_b) != VC_OK ||
        diff_nodes(&c, VC_KIND_ACTOR, &c.actors, &c.n_actors, actor_a, actor_b) != VC_OK ||
        diff_countries(&c) != VC_OK)
        goto nomem;
    count_provisions(&c, item_a, item_b, actor_a, actor_b);
    count_firms(&c);
    /* an actor's or item's status stays that of its figure, but a change of
     * control points alone still makes it a change worth listing */
    qsort_r(c.provisions, c.n_provisions, sizeof(*c.provisions), cmp_provision, &c);
    qsort_r(c.items, c.n_items, sizeof(*c.items), cmp_node, &c);
    qsort_r(c.actors, c.n_actors, sizeof(*c.actors), cmp_node, &c);
    qsort(c.countries, c.n_countries, sizeof(*c.countries), cmp_country);
    VC_FREE_ALL(item_a, item_b, actor_a, actor_b);
    *out = c;
    return VC_OK;
nomem:
    VC_FREE_ALL(item_a, item_b, actor_a, actor_b);
    vc_comparison_release(&c);
    return vc_error_set(err, VC_ENOMEM, NULL, 0, 0, "out of memory comparing the graphs");
}

/* ---- both sides as one graph ---- */

struct gcols {
    struct vc_graph *g;
    struct vc_error *err;
    enum vc_status st;
};

static struct vc_attr *gcol(struct gcols *c, enum vc_attr_class cls, const char *name,
                            enum vc_attr_type type)
{
    struct vc_attr *a = NULL;
    if (c->st == VC_OK)
        c->st = vc_graph_attr_add(c->g, cls, name, type, &a, c->err);
    return a;
}

static void gset_d(struct gcols *c, struct vc_attr *a, size_t k, double d)
{
    if (c->st == VC_OK && isfinite(d))
        c->st = vc_attr_set_double(a, k, d, c->err);
}

static void gset_i(struct gcols *c, struct vc_attr *a, size_t k, int64_t i)
{
    if (c->st == VC_OK)
        c->st = vc_attr_set_int(a, k, i, c->err);
}

static void gset_s(struct gcols *c, struct vc_attr *a, size_t k, const char *s)
{
    const char *p;
    if (c->st != VC_OK || !s || !*s)
        return;
    if (!(p = vc_graph_strdup(c->g, s, strlen(s)))) {
        c->st = vc_error_set(c->err, VC_ENOMEM, NULL, 0, 0, "out of memory");
        return;
    }
    c->st = vc_attr_set_string(a, k, p, c->err);
}

/* Adds a node, renaming it ("id~a", "id~a~a", ...) when the id is taken. */
static enum vc_status add_node(struct vc_graph *g, const char *id, const char *suffix,
                               size_t *index, struct vc_error *err)
{
    size_t len = strlen(id), cap = len + 64;
    char *buf = malloc(cap);
    bool created = false;
    enum vc_status st;

    if (!buf)
        return vc_error_set(err, VC_ENOMEM, NULL, 0, 0, "out of memory");
    memcpy(buf, id, len + 1);
    for (int tries = 0;; tries++) {
        st = vc_graph_intern_node(g, buf, len, 0, 0, index, &created, err);
        if (st != VC_OK || created)
            break;
        if (len + strlen(suffix) + 1 > cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) {
                st = vc_error_set(err, VC_ENOMEM, NULL, 0, 0, "out of memory");
                break;
            }
            buf = nb;
        }
        memcpy(buf + len, suffix, strlen(suffix) + 1);
        len += strlen(suffix);
    }
    free(buf);
    return st;
}

/* Edges that are not provisions, keyed by their ends in the union graph. */
struct ekey {
    uint32_t from, to;
    uint8_t rel;
    uint32_t edge;
};

static int by_ekey(const void *x, const void *y)
{
    const struct ekey *p = x, *q = y;
    if (p->from != q->from)
        return p->from < q->from ? -1 : 1;
    if (p->to != q->to)
        return p->to < q->to ? -1 : 1;
    if (p->rel != q->rel)
        return p->rel < q->rel ? -1 : 1;
    return (p->edge > q->edge) - (p->edge < q->edge);
}

static bool same_ends(const struct ekey *p, const struct ekey *q)
{
    return p->from == q->from && p->to == q->to && p->rel == q->rel;
}

/* The first edge of B with k's ends and relation not matched yet, or SIZE_MAX. */
static size_t first_unused(const struct ekey *keys, size_t n, const struct ekey *k,
                           const uint8_t *used)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        struct ekey probe = keys[mid];
        probe.edge = 0;
        if (by_ekey(&probe, k) < 0 && !same_ends(&probe, k))
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < n && same_ends(&keys[lo], k); lo++)
        if (!used[keys[lo].edge])
            return lo;
    return SIZE_MAX;
}

struct node_cols {
    struct vc_attr *label, *label_a, *kind, *country, *level, *status, *aligned, *impact_a,
        *impact_b, *d_impact, *hhi_a, *hhi_b, *d_hhi, *cp_a, *cp_b, *cp_status, *change, *r,
        *gr, *bl;
};

static void node_row(struct gcols *gc, const struct node_cols *nc, const struct vc_comparison *c,
                     size_t k, const struct vc_cmp_node *e, enum vc_kind kind)
{
    const struct vc_chain *ca = c->a->chain, *cb = c->b->chain;
    bool in_a = e->a != NONE32, in_b = e->b != NONE32;
    const struct vc_chain *now = in_b ? cb : ca;
    uint32_t v = in_b ? e->b : e->a;
    uint8_t rgb[3];

    gset_s(gc, nc->label, k, now->label[v]);
    if (in_a && in_b && strcmp(ca->label[e->a], cb->label[e->b]) != 0)
        gset_s(gc, nc->label_a, k, ca->label[e->a]);
    gset_s(gc, nc->kind, k, vc_kind_name(kind));
    gset_s(gc, nc->country, k, now->country[v]);
    if (kind == VC_KIND_ACTOR)
        gset_s(gc, nc->level, k, vc_level_name((enum vc_level)now->level[v]));
    gset_s(gc, nc->status, k, vc_change_name(e->status));
    if (in_a && in_b)
        gset_s(gc, nc->aligned, k, vc_match_name((enum vc_match)c->align.how_a[e->a]));
    gset_d(gc, nc->impact_a, k, e->impact_a);
    gset_d(gc, nc->impact_b, k, e->impact_b);
    gset_d(gc, nc->d_impact, k, e->d_impact);
    if (kind == VC_KIND_ITEM) {
        gset_d(gc, nc->hhi_a, k, e->hhi_a);
        gset_d(gc, nc->hhi_b, k, e->hhi_b);
        gset_d(gc, nc->d_hhi, k, e->d_hhi);
    }
    if (in_a)
        gset_i(gc, nc->cp_a, k, c->a->control_point[e->a] != 0);
    if (in_b)
        gset_i(gc, nc->cp_b, k, c->b->control_point[e->b] != 0);
    gset_s(gc, nc->cp_status, k,
           vc_cp_change_name(cp_of(in_a && c->a->control_point[e->a],
                                   in_b && c->b->control_point[e->b])));
    gset_d(gc, nc->change, k, e->change);
    vc_change_rgb(e->status, rgb);
    gset_i(gc, nc->r, k, rgb[0]);
    gset_i(gc, nc->gr, k, rgb[1]);
    gset_i(gc, nc->bl, k, rgb[2]);
}

/* Nodes of kind OTHER have no figures: only their presence is compared. */
static void other_row(struct gcols *gc, const struct node_cols *nc, const struct vc_comparison *c,
                      size_t k, uint32_t a, uint32_t b)
{
    struct vc_cmp_node e;
    memset(&e, 0, sizeof(e));
    e.a = a;
    e.b = b;
    e.impact_a = e.impact_b = e.d_impact = e.hhi_a = e.hhi_b = e.d_hhi = NAN;
    e.status = change_of(0, 0, a != NONE32, b != NONE32);
    e.change = NAN;
    node_row(gc, nc, c, k, &e, VC_KIND_OTHER);
}

enum vc_status vc_comparison_graph(const struct vc_comparison *c, struct vc_graph *out,
                                   struct vc_error *err)
{
    const struct vc_chain *ca = c->a->chain, *cb = c->b->chain;
    const struct vc_graph *ga = ca->graph, *gb = cb->graph;
    const struct vc_alignment *al = &c->align;
    struct gcols gc = { out, err, VC_OK };
    struct node_cols nc;
    struct vc_attr *e_rel, *e_status, *e_sa, *e_sb, *e_ds, *e_smax, *e_cpa, *e_cpb, *e_cps;
    uint32_t *node_a = malloc((ga->n_nodes + 1) * sizeof(uint32_t));
    uint32_t *node_b = malloc((gb->n_nodes + 1) * sizeof(uint32_t));
    size_t *prov_a = malloc((ga->n_edges + 1) * sizeof(size_t));
    size_t *prov_b = malloc((gb->n_edges + 1) * sizeof(size_t));
    struct ekey *keys = malloc((gb->n_edges + 1) * sizeof(*keys));
    uint8_t *used = calloc(gb->n_edges + 1, 1);
    size_t n_keys = 0, idx;
    char desc[600];

    vc_graph_init(out);
    if (!node_a || !node_b || !prov_a || !prov_b || !keys || !used) {
        gc.st = vc_error_set(err, VC_ENOMEM, NULL, 0, 0, "out of memory");
        goto out;
    }
    snprintf(desc, sizeof(desc), "vchain compare: %s (a) vs %s (b)",
             ga->source ? ga->source : "a", gb->source ? gb->source : "b");
    out->desc = vc_graph_strdup(out, desc, strlen(desc));

    /* nodes: A's in order (B's id where aligned), then B's own */
    for (size_t v = 0; v < ga->n_nodes && gc.st == VC_OK; v++) {
        uint32_t w = al->a_to_b[v];
        gc.st = add_node(out, w != NONE32 ? gb->node_id[w] : ga->node_id[v], "~a", &idx, err);
        node_a[v] = (uint32_t)idx;
        if (w != NONE32)
            node_b[w] = (uint32_t)idx;
    }
    for (size_t w = 0; w < gb->n_nodes && gc.st == VC_OK; w++) {
        if (al->b_to_a[w] != NONE32)
            continue;
        gc.st = add_node(out, gb->node_id[w], "~b", &idx, err);
        node_b[w] = (uint32_t)idx;
    }
    nc.label = gcol(&gc, VC_CLASS_NODE, "label", VC_ATTR_STRING);
    nc.label_a = gcol(&gc, VC_CLASS_NODE, "label_a", VC_ATTR_STRING);
    nc.kind = gcol(&gc, VC_CLASS_NODE, "kind", VC_ATTR_STRING);
    nc.country = gcol(&gc, VC_CLASS_NODE, "country", VC_ATTR_STRING);
    nc.level = gcol(&gc, VC_CLASS_NODE, "level", VC_ATTR_STRING);
    nc.status = gcol(&gc, VC_CLASS_NODE, "status", VC_ATTR_STRING);
    nc.aligned = gcol(&gc, VC_CLASS_NODE, "aligned_by", VC_ATTR_STRING);
    nc.impact_a = gcol(&gc, VC_CLASS_NODE, "impact_a", VC_ATTR_DOUBLE);
    nc.impact_b = gcol(&gc, VC_CLASS_NODE, "impact_b", VC_ATTR_DOUBLE);
    nc.d_impact = gcol(&gc, VC_CLASS_NODE, "d_impact", VC_ATTR_DOUBLE);
    nc.hhi_a = gcol(&gc, VC_CLASS_NODE, "hhi_a", VC_ATTR_DOUBLE);
    nc.hhi_b = gcol(&gc, VC_CLASS_NODE, "hhi_b", VC_ATTR_DOUBLE);
    nc.d_hhi = gcol(&gc, VC_CLASS_NODE, "d_hhi", VC_ATTR_DOUBLE);
    nc.cp_a = gcol(&gc, VC_CLASS_NODE, "control_point_a", VC_ATTR_BOOL);
    nc.cp_b = gcol(&gc, VC_CLASS_NODE, "control_point_b", VC_ATTR_BOOL);
    nc.cp_status = gcol(&gc, VC_CLASS_NODE, "cp_status", VC_ATTR_STRING);
    nc.change = gcol(&gc, VC_CLASS_NODE, "change", VC_ATTR_DOUBLE);
    nc.r = gcol(&gc, VC_CLASS_NODE, "viz_r", VC_ATTR_INT);
    nc.gr = gcol(&gc, VC_CLASS_NODE, "viz_g", VC_ATTR_INT);
    nc.bl = gcol(&gc, VC_CLASS_NODE, "viz_b", VC_ATTR_INT);
    for (size_t j = 0; j < c->n_items && gc.st == VC_OK; j++) {
        const struct vc_cmp_node *e = &c->items[j];
        node_row(&gc, &nc, c, e->a != NONE32 ? node_a[e->a] : node_b[e->b], e, VC_KIND_ITEM);
    }
    for (size_t j = 0; j < c->n_actors && gc.st == VC_OK; j++) {
        const struct vc_cmp_node *e = &c->actors[j];
        node_row(&gc, &nc, c, e->a != NONE32 ? node_a[e->a] : node_b[e->b], e, VC_KIND_ACTOR);
    }
    for (size_t v = 0; v < ga->n_nodes && gc.st == VC_OK; v++)
        if (ca->kind[v] == VC_KIND_OTHER)
            other_row(&gc, &nc, c, node_a[v], (uint32_t)v, al->a_to_b[v]);
    for (size_t w = 0; w < gb->n_nodes && gc.st == VC_OK; w++)
        if (cb->kind[w] == VC_KIND_OTHER && al->b_to_a[w] == NONE32)
            other_row(&gc, &nc, c, node_b[w], NONE32, (uint32_t)w);
    if (gc.st != VC_OK)
        goto out;

    /* edges: provisions as compared; the others matched by ends and relation */
    for (size_t e = 0; e < ga->n_edges; e++)
        prov_a[e] = SIZE_MAX;
    for (size_t e = 0; e < gb->n_edges; e++)
        prov_b[e] = SIZE_MAX;
    for (size_t j = 0; j < c->n_provisions; j++) {
        if (c->provisions[j].pa != SIZE_MAX)
            prov_a[c->a->provisions[c->provisions[j].pa].edge] = j;
        if (c->provisions[j].pb != SIZE_MAX)
            prov_b[c->b->provisions[c->provisions[j].pb].edge] = j;
    }
    for (size_t e = 0; e < gb->n_edges; e++)
        if (prov_b[e] == SIZE_MAX)
            keys[n_keys++] = (struct ekey){ node_b[gb->edge_from[e]], node_b[gb->edge_to[e]],
                                            cb->relation[e], (uint32_t)e };
    qsort(keys, n_keys, sizeof(*keys), by_ekey);
    e_rel = gcol(&gc, VC_CLASS_EDGE, "relation", VC_ATTR_STRING);
    e_status = gcol(&gc, VC_CLASS_EDGE, "status", VC_ATTR_STRING);
    e_sa = gcol(&gc, VC_CLASS_EDGE, "share_a", VC_ATTR_DOUBLE);
    e_sb = gcol(&gc, VC_CLASS_EDGE, "share_b", VC_ATTR_DOUBLE);
    e_ds = gcol(&gc, VC_CLASS_EDGE, "d_share", VC_ATTR_DOUBLE);
    e_smax = gcol(&gc, VC_CLASS_EDGE, "share_max", VC_ATTR_DOUBLE);
    e_cpa = gcol(&gc, VC_CLASS_EDGE, "control_point_a", VC_ATTR_BOOL);
    e_cpb = gcol(&gc, VC_CLASS_EDGE, "control_point_b", VC_ATTR_BOOL);
    e_cps = gcol(&gc, VC_CLASS_EDGE, "cp_status", VC_ATTR_STRING);
    for (int side = 0; side < 2 && gc.st == VC_OK; side++) {
        const struct vc_graph *g = side ? gb : ga;
        const struct vc_chain *ch = side ? cb : ca;
        const uint32_t *map = side ? node_b : node_a;
        for (size_t e = 0; e < g->n_edges && gc.st == VC_OK; e++) {
            size_t pj = side ? prov_b[e] : prov_a[e];
            const struct vc_cmp_provision *p = pj != SIZE_MAX ? &c->provisions[pj] : NULL;
            enum vc_change status;
            bool directed = g->edge_directed[e] != 0;

            if (p && side == 1 && p->pa != SIZE_MAX)
                continue; /* written with A's edge */
            if (!p && side == 1) {
                if (used[e])
                    continue;
                status = VC_CHANGE_NEW;
            } else if (!p) {
                struct ekey k = { map[g->edge_from[e]], map[g->edge_to[e]], ch->relation[e], 0 };
                size_t at = first_unused(keys, n_keys, &k, used);
                if (at != SIZE_MAX)
                    used[keys[at].edge] = 1;
                status = at != SIZE_MAX ? VC_CHANGE_SAME : VC_CHANGE_GONE;
            } else {
                status = p->status;
            }
            gc.st = vc_graph_add_edge(out, map[g->edge_from[e]], map[g->edge_to[e]], directed,
                                      NULL, 0, 0, 0, &idx, err);
            gset_s(&gc, e_rel, idx, vc_relation_name((enum vc_relation)ch->relation[e]));
            gset_s(&gc, e_status, idx, vc_change_name(status));
            if (p) {
                gset_d(&gc, e_sa, idx, p->share_a);
                gset_d(&gc, e_sb, idx, p->share_b);
                gset_d(&gc, e_ds, idx, p->d_share);
                gset_d(&gc, e_smax, idx,
                       fmax(isnan(p->share_a) ? 0 : p->share_a, isnan(p->share_b) ? 0 : p->share_b));
                if (p->pa != SIZE_MAX)
                    gset_i(&gc, e_cpa, idx, c->a->provisions[p->pa].control_point);
                if (p->pb != SIZE_MAX)
                    gset_i(&gc, e_cpb, idx, c->b->provisions[p->pb].control_point);
                gset_s(&gc, e_cps, idx, vc_cp_change_name(p->cp));
            }
        }
    }
out:
    VC_FREE_ALL(node_a, node_b, prov_a, prov_b, keys, used);
    if (gc.st != VC_OK)
        vc_graph_release(out);
    return gc.st;
}
