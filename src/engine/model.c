/*
 * model.c - building the engine's adjacency lists from a value chain.
 *
 * Everything here is linear (or n log n for sorting provisions) and done
 * once per analysis; the propagation, single-point-of-failure and reach
 * code only walk these arrays.
 */
#define _GNU_SOURCE /* qsort_r */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "model.h"

void vc_model_release(struct vc_model *m)
{
    VC_FREE_ALL(m->prov_start, m->prov, m->has_level, m->covered, m->in_start, m->in_src,
                m->var_start, m->var_src, m->var_w, m->var_edge, m->sup_start, m->sup_src,
                m->sup_edge, m->sup_group, m->sup_slot, m->sup_key, m->sup_ess, m->sup_w,
                m->sup_share, m->sup_coef, m->sup_up, m->sup_of_edge, m->slot_start, m->bought,
                m->dep_aux, m->dep_up, m->dep_start, m->dep, m->dep_kind, m->dep_coef, m->rank,
                m->order, m->finals, m->final_w, m->node_final_w, m->output, m->sales);
    memset(m, 0, sizeof(*m));
}

/* Counting sort of edges into per-node lists: start[] has n + 1 entries. */
static uint32_t *starts(size_t n)
{
    return calloc(n + 2, sizeof(uint32_t));
}

static void prefix(uint32_t *start, size_t n)
{
    for (size_t k = 0; k < n; k++)
        start[k + 1] += start[k];
}

/* After filling with start[k]++ as a cursor, shift back into place. */
static void unshift(uint32_t *start, size_t n)
{
    for (size_t k = n; k > 0; k--)
        start[k] = start[k - 1];
    start[0] = 0;
}

static int by_share_desc(const void *a, const void *b)
{
    const struct vc_provision_ref *x = a, *y = b;
    if (x->share != y->share)
        return x->share < y->share ? 1 : -1;
    return x->edge < y->edge ? -1 : x->edge > y->edge;
}

/*
 * Unknown shares (docs/model.md): a firm without a share takes an even part
 * of what its country's row leaves after the firm's compatriots with known
 * shares; with no such row, an even part of the level's uncovered rest.
 */
static void estimate_unknown(const struct vc_chain *c, struct vc_provision_ref *p, size_t k)
{
    double known[2] = { 0, 0 };
    int unknown[2] = { 0, 0 };

    for (size_t j = 0; j < k; j++) {
        if (p[j].known)
            known[p[j].level] += p[j].share;
        else
            unknown[p[j].level]++;
    }
    for (size_t j = 0; j < k; j++) {
        if (p[j].known)
            continue;
        int l = p[j].level;
        double est = (known[l] < 1.0 ? 1.0 - known[l] : 0.0) / unknown[l];
        const char *cc = c->country[p[j].actor];
        if (l == VC_LEVEL_FIRM && cc) {
            double country_share = NAN, firms_known = 0;
            int firms_unknown = 0;
            for (size_t q = 0; q < k; q++) {
                const char *qc = c->country[p[q].actor];
                if (!qc || strcmp(qc, cc) != 0)
                    continue;
                if (p[q].level == VC_LEVEL_COUNTRY && p[q].known)
                    country_share = p[q].share;
                else if (p[q].level == VC_LEVEL_FIRM && p[q].known)
                    firms_known += p[q].share;
                else if (p[q].level == VC_LEVEL_FIRM)
                    firms_unknown++;
            }
            if (!isnan(country_share))
                est = (country_share > firms_known ? country_share - firms_known : 0.0) /
                      firms_unknown;
        }
        p[j].share = est;
    }
}

static enum vc_status build_provisions(struct vc_model *m)
{
    const struct vc_chain *c = m->chain;
    const struct vc_graph *g = c->graph;
    size_t n = m->n;

    m->prov_start = starts(n);
    m->has_level = calloc(n ? n : 1, 1);
    m->covered = calloc(2 * (n ? n : 1), sizeof(double));
    if (!m->prov_start || !m->has_level || !m->covered)
        return VC_ENOMEM;
    for (size_t e = 0; e < m->m; e++)
        if (c->relation[e] == VC_REL_PROVIDES)
            m->prov_start[g->edge_to[e] + 1]++;
    prefix(m->prov_start, n);
    m->prov = malloc((m->prov_start[n] ? m->prov_start[n] : 1) * sizeof(*m->prov));
    if (!m->prov)
        return VC_ENOMEM;
    for (size_t e = 0; e < m->m; e++) {
        if (c->relation[e] != VC_REL_PROVIDES)
            continue;
        uint32_t a = g->edge_from[e], i = g->edge_to[e];
        struct vc_provision_ref *p = &m->prov[m->prov_start[i]++];
        p->actor = a;
        p->edge = (uint32_t)e;
        p->known = !isnan(c->share[e]);
        p->share = p->known ? c->share[e] : 0.0;
        p->level = c->level[a];
        m->has_level[i] |= (uint8_t)(1u << p->level);
    }
    unshift(m->prov_start, n);
    for (size_t i = 0; i < n; i++) {
        size_t k = vc_model_providers(m, i);
        struct vc_provision_ref *p = &m->prov[m->prov_start[i]];
        if (!k)
            continue;
        estimate_unknown(c, p, k);
        qsort(p, k, sizeof(*p), by_share_desc);
        for (size_t j = 0; j < k; j++)
            m->covered[2 * i + p[j].level] += p[j].share;
    }
    return VC_OK;
}

/*
 * The market size that weighs a node as a variant (docs/model.md): its
 * `value`; without one, the sum of its own variants' sizes, where a variant
 * without a size counts as its smallest sibling's; NAN when none of its
 * variants has a (positive) size either.  A category that the data sizes
 * only through its sub-markets must not weigh as little as its smallest
 * sibling.  Computed variants first (Kahn over variant_of alone, with a
 * heap worklist so that long chains cannot exhaust the stack); nodes on a
 * variant_of cycle keep their `value` or NAN.
 */
static enum vc_status variant_sizes(const struct vc_model *m, double *size)
{
    const struct vc_chain *c = m->chain;
    const struct vc_graph *g = c->graph;
    size_t n = m->n, head = 0, tail = 0;
    uint32_t *left = malloc((n ? n : 1) * sizeof(uint32_t));  /* variants not yet sized */
    uint32_t *up_start = starts(n), *up = NULL, *queue = NULL;

    if (!left || !up_start)
        goto nomem;
    for (size_t e = 0; e < m->m; e++)
        if (c->relation[e] == VC_REL_VARIANT_OF)
            up_start[g->edge_from[e] + 1]++;
    prefix(up_start, n);
    up = malloc((up_start[n] ? up_start[n] : 1) * sizeof(uint32_t));
    queue = malloc((n ? n : 1) * sizeof(uint32_t));
    if (!up || !queue)
        goto nomem;
    for (size_t e = 0; e < m->m; e++)
        if (c->relation[e] == VC_REL_VARIANT_OF)
            up[up_start[g->edge_from[e]]++] = g->edge_to[e];
    unshift(up_start, n);
    for (size_t v = 0; v < n; v++) {
        left[v] = m->var_start[v + 1] - m->var_start[v];
        size[v] = c->value[v];
        if (!left[v])
            queue[tail++] = (uint32_t)v;
    }
    while (head < tail) {
        uint32_t v = queue[head++];
        if (isnan(size[v]) && m->var_start[v] < m->var_start[v + 1]) {
            double smallest = INFINITY, sum = 0;
            int unsized = 0;
            for (uint32_t k = m->var_start[v]; k < m->var_start[v + 1]; k++) {
                double s = size[m->var_src[k]];
                if (isnan(s))
                    unsized++;
                else
                    sum += s;
                if (s > 0 && s < smallest)
                    smallest = s;
            }
            if (!isinf(smallest))
                size[v] = sum + unsized * smallest;
        }
        for (uint32_t k = up_start[v]; k < up_start[v + 1]; k++)
            if (--left[up[k]] == 0)
                queue[tail++] = up[k];
    }
    VC_FREE_ALL(left, up_start, up, queue);
    return VC_OK;
nomem:
    VC_FREE_ALL(left, up_start, up, queue);
    return VC_ENOMEM;
}

/* input_of and variant_of lists per target item. */
static enum vc_status build_item_inputs(struct vc_model *m)
{
    const struct vc_chain *c = m->chain;
    const struct vc_graph *g = c->graph;
    size_t n = m->n;

    m->in_start = starts(n);
    m->var_start = starts(n);
    if (!m->in_start || !m->var_start)
        return VC_ENOMEM;
    for (size_t e = 0; e < m->m; e++) {
        if (c->undirected[e])
            continue; /* no direction: left out (docs/model.md) */
        if (c->relation[e] == VC_REL_INPUT_OF)
            m->in_start[g->edge_to[e] + 1]++;
        else if (c->relation[e] == VC_REL_VARIANT_OF)
            m->var_start[g->edge_to[e] + 1]++;
    }
    prefix(m->in_start, n);
    prefix(m->var_start, n);
    m->in_src = malloc((m->in_start[n] ? m->in_start[n] : 1) * sizeof(uint32_t));
    m->var_src = malloc((m->var_start[n] ? m->var_start[n] : 1) * sizeof(uint32_t));
    m->var_w = malloc((m->var_start[n] ? m->var_start[n] : 1) * sizeof(double));
    m->var_edge = malloc((m->var_start[n] ? m->var_start[n] : 1) * sizeof(uint32_t));
    if (!m->in_src || !m->var_src || !m->var_w || !m->var_edge)
        return VC_ENOMEM;
    for (size_t e = 0; e < m->m; e++) {
        uint32_t u = g->edge_from[e], v = g->edge_to[e];
        if (c->undirected[e])
            continue;
        if (c->relation[e] == VC_REL_INPUT_OF) {
            m->in_src[m->in_start[v]++] = u;
        } else if (c->relation[e] == VC_REL_VARIANT_OF) {
            size_t k = m->var_start[v]++;
            m->var_src[k] = u;
            m->var_edge[k] = (uint32_t)e;
        }
    }
    unshift(m->in_start, n);
    unshift(m->var_start, n);
    /* Variant weights: the edge's weight when given, else the variant's
     * market size (variant_sizes), else equal. */
    double *size = malloc((n ? n : 1) * sizeof(double));
    if (!size || variant_sizes(m, size) != VC_OK) {
        free(size);
        return VC_ENOMEM;
    }
    struct vc_attr *wattr = vc_graph_attr(g, VC_CLASS_EDGE, "weight");
    for (size_t k = 0; k < m->var_start[n]; k++) {
        uint32_t e = m->var_edge[k];
        double w = vc_attr_has(wattr, e) ? c->weight[e] : size[m->var_src[k]];
        m->var_w[k] = isnan(w) ? -1.0 : w; /* -1: to be settled below */
    }
    free(size);
    /* A variant without weight or size takes the smallest size among its
     * siblings (an unmeasured niche is taken to be small, so it cannot drown
     * the big variants); when none has a size, all count equally. */
    for (size_t v = 0; v < n; v++) {
        double smallest = INFINITY;
        for (uint32_t k = m->var_start[v]; k < m->var_start[v + 1]; k++)
            if (m->var_w[k] > 0 && m->var_w[k] < smallest)
                smallest = m->var_w[k];
        for (uint32_t k = m->var_start[v]; k < m->var_start[v + 1]; k++)
            if (isinf(smallest))
                m->var_w[k] = 1.0;
            else if (m->var_w[k] < 0)
                m->var_w[k] = smallest;
    }
    return VC_OK;
}

/* What groups a customer's supplies edge: its kind, then a string or a node. */
enum { KEY_NONE, KEY_ITEM, KEY_SECTOR, KEY_SUPPLIER };

struct sup_sort {
    const struct vc_chain *c;
    const uint8_t *key_kind;   /* per edge */
    const char *const *key;    /* per edge: item or sector */
};

/* Essential edges first, then by group key, then by edge: a group's
 * entries are contiguous. */
static int key_cmp(const struct sup_sort *x, uint32_t a, uint32_t b)
{
    const struct vc_graph *g = x->c->graph;
    if (x->key_kind[a] != x->key_kind[b])
        return x->key_kind[a] < x->key_kind[b] ? -1 : 1;
    switch (x->key_kind[a]) {
    case KEY_ITEM:
    case KEY_SECTOR: return strcmp(x->key[a], x->key[b]);
    case KEY_SUPPLIER:
        return (g->edge_from[a] > g->edge_from[b]) - (g->edge_from[a] < g->edge_from[b]);
    default: return 0;
    }
}

static int by_group(const void *pa, const void *pb, void *ctx)
{
    const struct sup_sort *x = ctx;
    uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
    int d;
    if (x->c->essential[a] != x->c->essential[b])
        return x->c->essential[a] ? -1 : 1;
    if ((d = key_cmp(x, a, b)) != 0)
        return d;
    return (a > b) - (a < b);
}

/* The group key of supplies edge e (docs/model.md, "Firm networks"). */
static void group_key(const struct vc_chain *c, enum vc_suppliers mode, size_t e,
                      uint8_t *kind, const char **key)
{
    uint32_t u = c->graph->edge_from[e];
    *key = NULL;
    if (mode == VC_SUPPLIERS_SUBSTITUTE)
        *kind = KEY_NONE;
    else if (mode == VC_SUPPLIERS_ESSENTIAL)
        *kind = KEY_SUPPLIER;
    else if (c->item[e] && *c->item[e])
        *kind = KEY_ITEM, *key = c->item[e];
    else if (c->sector[u])
        *kind = KEY_SECTOR, *key = c->sector[u];
    else
        *kind = KEY_NONE;
}

/*
 * Suppliers of each actor, grouped: by the item an edge supplies, else by
 * the supplier's sector, else one group (or as opts->suppliers says).
 * Essential entries come first, a group's entries contiguous; the entries
 * of edges marked essential=false follow, each counting linearly by its
 * share of everything the customer uses.  Each essential group has a slot
 * (contiguous per customer) for the propagation's running sums.
 */
static enum vc_status build_supplies(struct vc_model *m, enum vc_suppliers mode)
{
    const struct vc_chain *c = m->chain;
    const struct vc_graph *g = c->graph;
    size_t n = m->n, total;
    uint32_t *edge_of = NULL, slots = 0;
    uint8_t *key_kind = malloc(m->m ? m->m : 1);
    const char **key = malloc((m->m ? m->m : 1) * sizeof(char *));
    struct sup_sort sorter = { c, key_kind, key };
    enum vc_status st = VC_ENOMEM;

    m->sup_start = starts(n);
    m->slot_start = starts(n);
    m->sup_of_edge = malloc((m->m ? m->m : 1) * sizeof(uint32_t));
    if (!m->sup_start || !m->slot_start || !m->sup_of_edge || !key_kind || !key)
        goto out;
    for (size_t e = 0; e < m->m; e++) {
        m->sup_of_edge[e] = UINT32_MAX;
        if (c->relation[e] == VC_REL_SUPPLIES && !c->undirected[e]) {
            m->sup_start[g->edge_to[e] + 1]++;
            group_key(c, mode, e, &key_kind[e], &key[e]);
        }
    }
    prefix(m->sup_start, n);
    total = m->sup_start[n] ? m->sup_start[n] : 1;
    edge_of = malloc(total * sizeof(uint32_t));
    m->sup_src = malloc(total * sizeof(uint32_t));
    m->sup_edge = malloc(total * sizeof(uint32_t));
    m->sup_group = malloc(total * sizeof(uint32_t));
    m->sup_slot = malloc(total * sizeof(uint32_t));
    m->sup_key = malloc(total * sizeof(char *));
    m->sup_ess = malloc(total);
    m->sup_w = malloc(total * sizeof(double));
    m->sup_share = malloc(total * sizeof(double));
    m->sup_coef = malloc(total * sizeof(double));
    m->sup_up = malloc(total * sizeof(double));
    m->bought = calloc(n ? n : 1, sizeof(double));
    if (!edge_of || !m->sup_src || !m->sup_edge || !m->sup_group || !m->sup_slot ||
        !m->sup_key || !m->sup_ess || !m->sup_w || !m->sup_share || !m->sup_coef ||
        !m->sup_up || !m->bought)
        goto out;
    for (size_t e = 0; e < m->m; e++)
        if (c->relation[e] == VC_REL_SUPPLIES && !c->undirected[e])
            edge_of[m->sup_start[g->edge_to[e]]++] = (uint32_t)e;
    unshift(m->sup_start, n);
    for (size_t a = 0; a < n; a++) {
        uint32_t lo = m->sup_start[a], hi = m->sup_start[a + 1], group = 0;
        qsort_r(edge_of + lo, hi - lo, sizeof(uint32_t), by_group, &sorter);
        m->slot_start[a] = slots;
        for (uint32_t j = lo; j < hi; j++) {
            uint32_t e = edge_of[j];
            if (j > lo && (c->essential[edge_of[j - 1]] != c->essential[e] ||
                           key_cmp(&sorter, edge_of[j - 1], e) != 0))
                group++;
            m->sup_group[j] = group;
            m->sup_slot[j] = c->essential[e] ? slots + group : UINT32_MAX;
            m->sup_src[j] = g->edge_from[e];
            m->sup_edge[j] = e;
            m->sup_key[j] = key[e];
            m->sup_ess[j] = c->essential[e];
            m->sup_w[j] = c->weight[e];
            m->sup_of_edge[e] = j;
            m->bought[a] += c->weight[e];
        }
        for (uint32_t j = lo; j < hi; j++) /* essential groups have the low numbers */
            if (m->sup_ess[j] && m->sup_group[j] + 1 > slots - m->slot_start[a])
                slots = m->slot_start[a] + m->sup_group[j] + 1;
        /* each entry's part of its group, and the coefficient it carries: a
         * link that is not essential counts by its share of what the
         * customer uses, its output (value) when larger than what it buys in
         * the network (labour and imports are not in the network) */
        double uses = !isnan(c->value[a]) && c->value[a] > m->bought[a] ? c->value[a]
                                                                        : m->bought[a];
        for (uint32_t j = lo; j < hi;) {
            uint32_t k = j;
            double w = 0;
            for (; k < hi && m->sup_group[k] == m->sup_group[j]; k++)
                w += m->sup_w[k];
            for (; j < k; j++) {
                m->sup_share[j] = w > 0 ? m->sup_w[j] / w : 0.0;
                m->sup_coef[j] = m->sup_ess[j] ? m->sup_share[j]
                                 : uses > 0 ? m->sup_w[j] / uses : 0.0;
            }
        }
    }
    m->slot_start[n] = slots;
    m->n_slots = slots;
    /* The upstream channel: a supplier loses w_ab L_b / U_a, with U_a its
     * value when given and larger than its sales in the network, else those
     * sales (what the network does not record buffers the loss). */
    m->sales = calloc(n ? n : 1, sizeof(double));
    if (!m->sales)
        goto out;
    for (size_t e = 0; e < m->m; e++)
        if (c->relation[e] == VC_REL_SUPPLIES)
            m->sales[g->edge_from[e]] += c->weight[e];
    for (size_t j = 0; j < m->sup_start[n]; j++) {
        uint32_t a = m->sup_src[j];
        double u = !isnan(c->value[a]) && c->value[a] > m->sales[a] ? c->value[a] : m->sales[a];
        m->sup_up[j] = u > 0 ? m->sup_w[j] / u : 0.0;
    }
    st = VC_OK;
out:
    free(edge_of);
    free(key_kind);
    free(key);
    return st;
}

/* Who depends on whom and how, and a topological order of that (Kahn). */
static enum vc_status build_dependents(struct vc_model *m)
{
    const struct vc_chain *c = m->chain;
    const struct vc_graph *g = c->graph;
    size_t n = m->n, head = 0, tail = 0;
    uint32_t *indeg;
    double *coef = calloc(m->m ? m->m : 1, sizeof(double)); /* per edge */
    uint8_t *est = calloc(m->m ? m->m : 1, 1);                /* per edge */

    m->dep_start = starts(n);
    if (!m->dep_start || !coef || !est) {
        free(coef);
        free(est);
        return VC_ENOMEM;
    }
    /* the coefficient each edge carries: estimated share, or variant weight */
    for (size_t j = 0; j < m->prov_start[n]; j++) {
        coef[m->prov[j].edge] = m->prov[j].share;
        est[m->prov[j].edge] = !m->prov[j].known;
    }
    for (size_t v = 0; v < n; v++) {
        double sum = 0;
        for (uint32_t q = m->var_start[v]; q < m->var_start[v + 1]; q++)
            sum += m->var_w[q];
        for (uint32_t q = m->var_start[v]; q < m->var_start[v + 1]; q++)
            coef[m->var_edge[q]] = m->var_w[q] / sum;
    }
    for (size_t e = 0; e < m->m; e++)
        if (c->relation[e] != VC_REL_OTHER && !c->undirected[e])
            m->dep_start[g->edge_from[e] + 1]++;
    prefix(m->dep_start, n);
    size_t total = m->dep_start[n] ? m->dep_start[n] : 1;
    m->dep = malloc(total * sizeof(uint32_t));
    m->dep_kind = malloc(total);
    m->dep_coef = malloc(total * sizeof(double));
    m->dep_aux = malloc(total * sizeof(uint32_t));
    m->dep_up = calloc(total, sizeof(double));
    m->rank = malloc((n ? n : 1) * sizeof(uint32_t));
    m->order = malloc((n ? n : 1) * sizeof(uint32_t));
    indeg = calloc(n ? n : 1, sizeof(uint32_t));
    if (!m->dep || !m->dep_kind || !m->dep_coef || !m->dep_aux || !m->dep_up || !m->rank ||
        !m->order ||
        !indeg) {
        free(indeg);
        free(coef);
        free(est);
        return VC_ENOMEM;
    }
    for (size_t e = 0; e < m->m; e++) {
        uint32_t u = g->edge_from[e], k;
        if (c->relation[e] == VC_REL_OTHER || c->undirected[e])
            continue;
        k = m->dep_start[u]++;
        m->dep[k] = g->edge_to[e];
        m->dep_coef[k] = coef[e];
        m->dep_aux[k] = UINT32_MAX;
        switch (c->relation[e]) {
        case VC_REL_PROVIDES:
            if (est[e])
                m->dep_kind[k] = c->level[u] == VC_LEVEL_COUNTRY ? VC_DEP_PROVIDES_COUNTRY_EST
                                                                 : VC_DEP_PROVIDES_FIRM_EST;
            else
                m->dep_kind[k] = c->level[u] == VC_LEVEL_COUNTRY ? VC_DEP_PROVIDES_COUNTRY
                                                                 : VC_DEP_PROVIDES_FIRM;
            break;
        case VC_REL_INPUT_OF: m->dep_kind[k] = VC_DEP_INPUT; break;
        case VC_REL_VARIANT_OF: m->dep_kind[k] = VC_DEP_VARIANT; break;
        default: {
            uint32_t j = m->sup_of_edge[e];
            m->dep_kind[k] = m->sup_ess[j] ? VC_DEP_SUPPLY : VC_DEP_SUPPLY_LINEAR;
            m->dep_aux[k] = m->sup_slot[j];
            m->dep_coef[k] = m->sup_coef[j];
            m->dep_up[k] = m->sup_up[j];
            break;
        }
        }
        indeg[g->edge_to[e]]++;
    }
    unshift(m->dep_start, n);
    free(coef);
    free(est);
    for (size_t k = 0; k < n; k++)
        if (!indeg[k])
            m->order[tail++] = (uint32_t)k;
    while (head < tail) {
        uint32_t u = m->order[head++];
        for (uint32_t j = m->dep_start[u]; j < m->dep_start[u + 1]; j++)
            if (--indeg[m->dep[j]] == 0)
                m->order[tail++] = m->dep[j];
    }
    m->n_ordered = tail;
    for (size_t k = 0; k < n; k++)
        if (indeg[k])
            m->order[tail++] = (uint32_t)k; /* on or behind a cycle */
    for (size_t r = 0; r < n; r++)
        m->rank[m->order[r]] = (uint32_t)r;
    free(indeg);
    return VC_OK;
}

/*
 * An actor's output, which weighs it as final output: its `value` when
 * given, else its throughput in the network, the larger of what it sells
 * and what it buys along supplies links (a firm without customers still
 * makes what it buys inputs for); an actor with neither takes the smallest
 * output among the others (an unmeasured firm is taken to be small), and
 * when no actor has one, all count equally.
 */
static enum vc_status build_outputs(struct vc_model *m)
{
    const struct vc_chain *c = m->chain;
    const struct vc_graph *g = c->graph;
    double *in = calloc(m->n ? m->n : 1, sizeof(double)), smallest = INFINITY;

    m->output = calloc(m->n ? m->n : 1, sizeof(double));
    if (!in || !m->output) {
        free(in);
        return VC_ENOMEM;
    }
    for (size_t e = 0; e < m->m; e++)
        if (c->relation[e] == VC_REL_SUPPLIES)
            in[g->edge_to[e]] += c->weight[e];
    for (size_t v = 0; v < m->n; v++) {
        if (c->kind[v] != VC_KIND_ACTOR)
            continue;
        m->output[v] = !isnan(c->value[v]) ? c->value[v]
                       : m->sales[v] > in[v] ? m->sales[v] : in[v];
        if (m->output[v] > 0 && m->output[v] < smallest)
            smallest = m->output[v];
    }
    for (size_t v = 0; v < m->n; v++)
        if (c->kind[v] == VC_KIND_ACTOR && !(m->output[v] > 0) && isnan(c->value[v]))
            m->output[v] = isinf(smallest) ? 1.0 : smallest;

    free(in);
    return VC_OK;
}

/* Final items weigh by market size when every one has it, else equally;
 * final actors by their output. */
static enum vc_status build_finals(struct vc_model *m)
{
    const struct vc_chain *c = m->chain;
    size_t k = 0;
    int all_valued = 1;
    double sum = 0;

    m->finals = malloc((c->n_final ? c->n_final : 1) * sizeof(uint32_t));
    m->final_w = malloc((c->n_final ? c->n_final : 1) * sizeof(double));
    if (!m->finals || !m->final_w)
        return VC_ENOMEM;
    for (size_t v = 0; v < m->n; v++) {
        if (!c->final[v])
            continue;
        m->finals[k] = (uint32_t)v;
        all_valued &= !isnan(c->value[v]) && c->value[v] > 0;
        k++;
    }
    m->n_finals = k;
    for (size_t j = 0; j < k; j++) {
        uint32_t v = m->finals[j];
        m->final_w[j] = c->kind[v] == VC_KIND_ACTOR ? m->output[v]
                        : all_valued              ? c->value[v]
                                                  : 1.0;
        sum += m->final_w[j];
    }
    m->node_final_w = calloc(m->n ? m->n : 1, sizeof(double));
    if (!m->node_final_w)
        return VC_ENOMEM;
    for (size_t j = 0; j < k; j++) {
        /* final actors that all weigh nothing (value 0): equally */
        m->final_w[j] = sum > 0 ? m->final_w[j] / sum : 1.0 / (double)k;
        m->node_final_w[m->finals[j]] = m->final_w[j];
    }
    return VC_OK;
}

enum vc_status vc_model_build(const struct vc_chain *c, const struct vc_engine_opts *opts,
                              struct vc_model *out, struct vc_error *err)
{
    struct vc_model m;
    enum vc_status st;

    memset(&m, 0, sizeof(m));
    m.chain = c;
    m.n = c->n_nodes;
    m.m = c->n_edges;
    if ((st = build_provisions(&m)) != VC_OK || (st = build_item_inputs(&m)) != VC_OK ||
        (st = build_supplies(&m, opts ? opts->suppliers : VC_SUPPLIERS_GROUPED)) != VC_OK || (st = build_dependents(&m)) != VC_OK ||
        (st = build_outputs(&m)) != VC_OK || (st = build_finals(&m)) != VC_OK) {
        vc_model_release(&m);
        return vc_error_set(err, st, c->graph->source, 0, 0, "out of memory building the model");
    }
    *out = m;
    return VC_OK;
}
