/*
 * layout.c - node positions (viz_x, viz_y) for the exporters.
 *
 * Owns the layered layout (levels from trophic_level or from stage depth,
 * rows ordered by the barycentre of predecessors) and the bridge to
 * igraph's force-directed layouts.  Everything is deterministic: the
 * layered layout by construction, fr and drl through a fixed seed.
 * include/vchain/layout.h states the rules.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "igraph_glue.h"
#include "vchain/layout.h"

bool vc_layout_parse(const char *s, enum vc_layout *out)
{
    static const struct { const char *name; enum vc_layout l; } names[] = {
        { "layered", VC_LAYOUT_LAYERED }, { "fr", VC_LAYOUT_FR }, { "drl", VC_LAYOUT_DRL },
        { "none", VC_LAYOUT_NONE },
    };
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        if (strcmp(s, names[i].name) == 0) {
            *out = names[i].l;
            return true;
        }
    }
    return false;
}

/* Compressed adjacency of the directed edges: out (or in) neighbours. */
struct adj {
    size_t *start; /* n + 1 */
    uint32_t *node;
    uint32_t *edge;
};

static void adj_release(struct adj *a)
{
    free(a->start);
    free(a->node);
    free(a->edge);
}

static int adj_build(const struct vc_graph *g, bool in, struct adj *a)
{
    size_t n = g->n_nodes, m = g->n_edges;
    a->start = calloc(n + 1, sizeof(size_t));
    a->node = malloc((m ? m : 1) * sizeof(uint32_t));
    a->edge = malloc((m ? m : 1) * sizeof(uint32_t));
    if (!a->start || !a->node || !a->edge)
        return -1;
    for (size_t e = 0; e < m; e++)
        if (g->edge_directed[e])
            a->start[(in ? g->edge_to[e] : g->edge_from[e]) + 1]++;
    for (size_t k = 0; k < n; k++)
        a->start[k + 1] += a->start[k];
    size_t *fill = malloc((n ? n : 1) * sizeof(size_t));
    if (!fill)
        return -1;
    memcpy(fill, a->start, n * sizeof(size_t));
    for (size_t e = 0; e < m; e++) {
        if (!g->edge_directed[e])
            continue;
        uint32_t u = in ? g->edge_to[e] : g->edge_from[e];
        uint32_t v = in ? g->edge_from[e] : g->edge_to[e];
        a->node[fill[u]] = v;
        a->edge[fill[u]++] = (uint32_t)e;
    }
    free(fill);
    return 0;
}

/*
 * Stage depth: 1 + the longest directed path ending at each node, on the
 * graph without the back edges an iterative depth-first search (nodes in
 * input order) meets.  O(n + m).
 */
static int stage_depth(const struct vc_graph *g, const struct adj *out, double *level)
{
    size_t n = g->n_nodes;
    uint8_t *state = calloc(n ? n : 1, 1), *back = calloc(g->n_edges ? g->n_edges : 1, 1);
    uint32_t *order = malloc((n ? n : 1) * sizeof(uint32_t));
    uint32_t *stack = malloc((n ? n : 1) * sizeof(uint32_t));
    size_t *next = malloc((n ? n : 1) * sizeof(size_t));
    size_t n_order = 0;
    int rc = -1;

    if (!state || !back || !order || !stack || !next)
        goto out;
    for (size_t s = 0; s < n; s++) {
        size_t top = 0;
        if (state[s])
            continue;
        stack[top++] = (uint32_t)s;
        state[s] = 1;
        next[s] = out->start[s];
        while (top) {
            uint32_t u = stack[top - 1];
            if (next[u] < out->start[u + 1]) {
                size_t i = next[u]++;
                uint32_t v = out->node[i];
                if (state[v] == 1) {
                    back[out->edge[i]] = 1; /* closes a cycle */
                } else if (!state[v]) {
                    state[v] = 1;
                    next[v] = out->start[v];
                    stack[top++] = v;
                }
            } else {
                state[u] = 2;
                order[n_order++] = u; /* postorder */
                top--;
            }
        }
    }
    for (size_t k = 0; k < n; k++)
        level[k] = 1.0;
    for (size_t i = n_order; i-- > 0;) { /* reverse postorder: a topological order */
        uint32_t u = order[i];
        for (size_t j = out->start[u]; j < out->start[u + 1]; j++)
            if (!back[out->edge[j]] && level[out->node[j]] < level[u] + 1)
                level[out->node[j]] = level[u] + 1;
    }
    rc = 0;
out:
    free(state);
    free(back);
    free(order);
    free(stack);
    free(next);
    return rc;
}

struct slot {
    double layer;  /* rounded level: the bucket */
    double key;    /* barycentre of placed predecessors, INFINITY if none */
    uint32_t node;
};

static int by_layer(const void *pa, const void *pb)
{
    const struct slot *a = pa, *b = pb;
    if (a->layer != b->layer)
        return a->layer < b->layer ? -1 : 1;
    return a->node < b->node ? -1 : a->node > b->node;
}

static int by_key(const void *pa, const void *pb)
{
    const struct slot *a = pa, *b = pb;
    if (a->key != b->key)
        return a->key < b->key ? -1 : 1;
    return a->node < b->node ? -1 : a->node > b->node;
}

static enum vc_status store(struct vc_graph *g, const double *x, const double *y,
                            struct vc_error *err)
{
    struct vc_attr *ax, *ay;
    enum vc_status st;
    if ((st = vc_graph_attr_ensure(g, VC_CLASS_NODE, "viz_x", VC_ATTR_DOUBLE, &ax, err)) !=
            VC_OK ||
        (st = vc_graph_attr_ensure(g, VC_CLASS_NODE, "viz_y", VC_ATTR_DOUBLE, &ay, err)) != VC_OK)
        return st;
    for (size_t k = 0; k < g->n_nodes; k++)
        if ((st = vc_attr_set_double(ax, k, x[k], err)) != VC_OK ||
            (st = vc_attr_set_double(ay, k, y[k], err)) != VC_OK)
            return st;
    return VC_OK;
}

static enum vc_status layered(struct vc_graph *g, const struct vc_layout_opts *o,
                              struct vc_error *err)
{
    size_t n = g->n_nodes;
    struct adj out = { 0, 0, 0 }, in = { 0, 0, 0 };
    double *level = malloc((n ? n : 1) * sizeof(double));
    double *x = malloc((n ? n : 1) * sizeof(double)), *y = malloc((n ? n : 1) * sizeof(double));
    uint8_t *placed = calloc(n ? n : 1, 1);
    struct slot *slots = malloc((n ? n : 1) * sizeof(struct slot));
    const struct vc_attr *trophic = vc_graph_attr(g, VC_CLASS_NODE, "trophic_level");
    enum vc_status st = VC_OK;

    if (!level || !x || !y || !placed || !slots || adj_build(g, false, &out) ||
        adj_build(g, true, &in) || stage_depth(g, &out, level)) {
        st = vc_error_set(err, VC_ENOMEM, NULL, 0, 0, "layout: out of memory");
        goto out;
    }
    if (trophic && trophic->type == VC_ATTR_STRING)
        trophic = NULL;
    for (size_t k = 0; k < n; k++) {
        double t = vc_attr_get_double(trophic, k);
        if (isfinite(t))
            level[k] = t;
        x[k] = level[k] * o->layer_gap;
        slots[k].layer = floor(level[k] + 0.5);
        slots[k].node = (uint32_t)k;
    }
    qsort(slots, n, sizeof(*slots), by_layer);
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && slots[j].layer == slots[i].layer)
            j++;
        /* order the layer by where its predecessors already are */
        for (size_t s = i; s < j; s++) {
            uint32_t v = slots[s].node;
            double sum = 0;
            size_t cnt = 0;
            for (size_t p = in.start[v]; p < in.start[v + 1]; p++)
                if (placed[in.node[p]]) {
                    sum += y[in.node[p]];
                    cnt++;
                }
            slots[s].key = cnt ? sum / (double)cnt : INFINITY;
        }
        qsort(slots + i, j - i, sizeof(*slots), by_key);
        for (size_t s = i; s < j; s++) {
            y[slots[s].node] = ((double)(s - i) - (double)(j - i - 1) / 2.0) * o->row_gap;
            placed[slots[s].node] = 1;
        }
        i = j;
    }
    st = store(g, x, y, err);
out:
    adj_release(&out);
    adj_release(&in);
    free(level);
    free(x);
    free(y);
    free(placed);
    free(slots);
    return st;
}

static enum vc_status force(struct vc_graph *g, enum vc_layout kind,
                            const struct vc_layout_opts *o, struct vc_error *err)
{
    size_t n = g->n_nodes, m = g->n_edges;
    igraph_t ig;
    igraph_vector_int_t ev;
    igraph_matrix_t res;
    igraph_layout_drl_options_t drl;
    bool have_graph = false, have_ev = false, have_res = false;
    double *x = NULL, *y = NULL;
    enum vc_status st;

    vc_igraph_init();
    if ((st = VC_IGRAPH(igraph_vector_int_init(&ev, (igraph_integer_t)(2 * m)), err,
                        "layout")) != VC_OK)
        goto out;
    have_ev = true;
    for (size_t e = 0; e < m; e++) {
        VECTOR(ev)[2 * e] = g->edge_from[e];
        VECTOR(ev)[2 * e + 1] = g->edge_to[e];
    }
    if ((st = VC_IGRAPH(igraph_create(&ig, &ev, (igraph_integer_t)n, IGRAPH_UNDIRECTED), err,
                        "layout")) != VC_OK)
        goto out;
    have_graph = true;
    if ((st = VC_IGRAPH(igraph_matrix_init(&res, 0, 0), err, "layout")) != VC_OK)
        goto out;
    have_res = true;
    igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)o->seed);
    if (kind == VC_LAYOUT_FR)
        st = VC_IGRAPH(igraph_layout_fruchterman_reingold(&ig, &res, false, 500,
                                                          sqrt((double)n) / 10.0,
                                                          IGRAPH_LAYOUT_AUTOGRID, NULL, NULL,
                                                          NULL, NULL, NULL),
                       err, "Fruchterman-Reingold layout");
    else if ((st = VC_IGRAPH(igraph_layout_drl_options_init(&drl, IGRAPH_LAYOUT_DRL_DEFAULT),
                             err, "DrL layout")) == VC_OK)
        st = VC_IGRAPH(igraph_layout_drl(&ig, &res, false, &drl, NULL), err, "DrL layout");
    if (st != VC_OK)
        goto out;
    x = malloc((n ? n : 1) * sizeof(double));
    y = malloc((n ? n : 1) * sizeof(double));
    if (!x || !y) {
        st = vc_error_set(err, VC_ENOMEM, NULL, 0, 0, "layout: out of memory");
        goto out;
    }
    /* Centre, then scale so the mean distance from the centre matches what
     * the layered layout gives a graph of this size. */
    double cx = 0, cy = 0, r2 = 0, scale;
    for (size_t k = 0; k < n; k++) {
        cx += MATRIX(res, k, 0);
        cy += MATRIX(res, k, 1);
    }
    cx /= n ? (double)n : 1.0;
    cy /= n ? (double)n : 1.0;
    for (size_t k = 0; k < n; k++) {
        double dx = MATRIX(res, k, 0) - cx, dy = MATRIX(res, k, 1) - cy;
        r2 += dx * dx + dy * dy;
    }
    r2 = n ? sqrt(r2 / (double)n) : 0;
    scale = r2 > 0 ? o->row_gap * sqrt((double)n) / 2.0 / r2 : 1.0;
    for (size_t k = 0; k < n; k++) {
        x[k] = (MATRIX(res, k, 0) - cx) * scale;
        y[k] = (MATRIX(res, k, 1) - cy) * scale;
    }
    st = store(g, x, y, err);
out:
    if (have_res)
        igraph_matrix_destroy(&res);
    if (have_graph)
        igraph_destroy(&ig);
    if (have_ev)
        igraph_vector_int_destroy(&ev);
    free(x);
    free(y);
    return st;
}

enum vc_status vc_layout_compute(struct vc_graph *g, enum vc_layout layout,
                                 const struct vc_layout_opts *opts, struct vc_error *err)
{
    static const struct vc_layout_opts defaults = VC_LAYOUT_OPTS_INIT;
    const struct vc_layout_opts *o = opts ? opts : &defaults;

    switch (layout) {
    case VC_LAYOUT_LAYERED: return layered(g, o, err);
    case VC_LAYOUT_FR:
    case VC_LAYOUT_DRL: return force(g, layout, o, err);
    case VC_LAYOUT_NONE: break;
    }
    return VC_OK;
}
