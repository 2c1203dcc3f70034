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

#include "core/mem.h"
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
    VC_FREE_ALL(state, back, order, stack, next);
    return rc;
}

struct slot {
    double layer;  /* rounded level: the bucket */
    double key;    /* barycentre of placed predecessors, INFINITY if none */
    uint32_t node;
    uint32_t pos;  /* place in the bucket before a sweep (ties keep it) */
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

static int by_key_then_pos(const void *pa, const void *pb)
{
    const struct slot *a = pa, *b = pb;
    if (a->key != b->key)
        return a->key < b->key ? -1 : 1;
    return a->pos < b->pos ? -1 : a->pos > b->pos;
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

/* ---- edge crossings ----
 *
 * Straight edges cross only between two x positions of nodes.  So the
 * plane is cut into vertical strips at every node's x; in a strip, two
 * edges that span it cross exactly when their vertical order on its left
 * side differs from that on its right side.  Counting those inversions
 * with a merge sort costs O(s log s) for s edges spanning a strip, instead
 * of testing every pair of edges.  Ties (edges leaving or entering the
 * same node) are ordered by the other side, so edges that share a node
 * never count as crossing.  Edges crossing exactly on a strip's border
 * (both passing through it at the same height, at different slopes) are
 * counted there.
 */

struct seg {
    double x0, y0, x1, y1; /* x0 < x1 */
};

struct pt {
    double l, r;  /* y on the strip's left and right side */
    bool through; /* passes through the left side (starts before it) */
};

static int by_x0(const void *pa, const void *pb)
{
    const struct seg *a = pa, *b = pb;
    return a->x0 < b->x0 ? -1 : a->x0 > b->x0;
}

static int by_double(const void *pa, const void *pb)
{
    double a = *(const double *)pa, b = *(const double *)pb;
    return a < b ? -1 : a > b;
}

static int by_left(const void *pa, const void *pb)
{
    const struct pt *a = pa, *b = pb;
    if (a->l != b->l)
        return a->l < b->l ? -1 : 1;
    return a->r < b->r ? -1 : a->r > b->r;
}

static bool right_before(const struct pt *a, const struct pt *b)
{
    return a->r < b->r || (a->r == b->r && a->l < b->l);
}

/* Sorts p[0..n) by the right side, returning how many pairs it reorders. */
static long inversions(struct pt *p, struct pt *tmp, size_t n)
{
    long count = 0;
    if (n < 2)
        return 0;
    size_t h = n / 2, i = 0, j = h, k = 0;
    count += inversions(p, tmp, h) + inversions(p + h, tmp, n - h);
    while (i < h && j < n) {
        if (right_before(&p[j], &p[i])) {
            count += (long)(h - i);
            tmp[k++] = p[j++];
        } else {
            tmp[k++] = p[i++];
        }
    }
    while (i < h)
        tmp[k++] = p[i++];
    while (j < n)
        tmp[k++] = p[j++];
    memcpy(p, tmp, n * sizeof(*p));
    return count;
}

/*
 * Pairs of edges that pass through the left border at the same height
 * with different slopes (p sorted by l, then r): they cross right there.
 */
static long crossings_on_border(const struct pt *p, size_t n)
{
    long count = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i, k = 0;
        long same_slope = 0, run = 0;
        double last_r = NAN;
        while (j < n && p[j].l == p[i].l) {
            if (p[j].through) {
                run = p[j].r == last_r ? run + 1 : 1;
                same_slope += run - 1; /* pairs with this r seen so far */
                last_r = p[j].r;
                k++;
            }
            j++;
        }
        count += (long)(k * (k - 1) / 2) - same_slope;
        i = j;
    }
    return count;
}

static double y_at(const struct seg *s, double x)
{
    return s->y0 + (s->y1 - s->y0) * (x - s->x0) / (s->x1 - s->x0);
}

long vc_layout_crossings(const struct vc_graph *g, const double *x, const double *y)
{
    size_t m = 0, nx = 0, n_active = 0, next = 0;
    long count = 0;
    size_t cap = g->n_edges ? g->n_edges : 1;
    struct seg *s = malloc(cap * sizeof(*s));
    double *xs = malloc(2 * cap * sizeof(double));
    size_t *active = malloc(cap * sizeof(size_t));
    struct pt *p = malloc(cap * sizeof(*p)), *tmp = malloc(cap * sizeof(*tmp));

    if (!s || !xs || !active || !p || !tmp) {
        count = -1;
        goto out;
    }
    for (size_t e = 0; e < g->n_edges; e++) {
        uint32_t u = g->edge_from[e], v = g->edge_to[e];
        if (x[u] == x[v])
            continue; /* within one column (or a loop): spans no strip */
        if (x[u] > x[v]) {
            uint32_t t = u;
            u = v;
            v = t;
        }
        s[m++] = (struct seg){ x[u], y[u], x[v], y[v] };
        xs[nx++] = x[u];
        xs[nx++] = x[v];
    }
    qsort(s, m, sizeof(*s), by_x0);
    qsort(xs, nx, sizeof(double), by_double);
    for (size_t i = 0; i + 1 < nx; i++) {
        double left = xs[i], right = xs[i + 1];
        size_t keep = 0;
        if (right == left)
            continue;
        while (next < m && s[next].x0 <= left)
            active[n_active++] = next++;
        for (size_t a = 0; a < n_active; a++) /* drop edges that ended */
            if (s[active[a]].x1 >= right)
                active[keep++] = active[a];
        n_active = keep;
        for (size_t a = 0; a < n_active; a++) {
            const struct seg *q = &s[active[a]];
            p[a].l = q->x0 == left ? q->y0 : y_at(q, left);
            p[a].r = q->x1 == right ? q->y1 : y_at(q, right);
            p[a].through = q->x0 < left;
        }
        qsort(p, n_active, sizeof(*p), by_left);
        count += crossings_on_border(p, n_active);
        count += inversions(p, tmp, n_active);
    }
out:
    VC_FREE_ALL(s, xs, active, p, tmp);
    return count;
}

/* ---- the layered layout ---- */

/*
 * Nodes sorted by bucket, and within a bucket in their row order; bucket
 * boundaries in `first` (n_buckets + 1 entries).
 */
struct layers {
    struct slot *slots;
    size_t *first;
    size_t n_buckets;
};

/*
 * Sub-columns: a bucket of size k gets ceil(k / rows) of them when its
 * nodes may stand at most `rows` high (rows == 0: one column each, x from
 * the level itself).  Fills x and y.
 */
static void place(const struct layers *L, const double *level, size_t rows,
                  const struct vc_layout_opts *o, double *x, double *y)
{
    double shift = 0, sub_gap = o->layer_gap / 2.0;
    for (size_t b = 0; b < L->n_buckets; b++) {
        size_t lo = L->first[b], hi = L->first[b + 1], k = hi - lo;
        size_t cols = rows ? (k + rows - 1) / rows : 1, height;
        if (cols < 1)
            cols = 1;
        height = (k + cols - 1) / cols;
        for (size_t i = 0; i < k; i++) {
            uint32_t v = L->slots[lo + i].node;
            /* row-major, so the vertical order still follows the row order */
            size_t row = cols > 1 ? i / cols : i, col = cols > 1 ? i % cols : 0;
            y[v] = ((double)row - (double)(height - 1) / 2.0) * o->row_gap;
            x[v] = cols > 1 ? L->slots[lo].layer * o->layer_gap + shift + (double)col * sub_gap
                            : level[v] * o->layer_gap + shift;
        }
        shift += (double)(cols - 1) * sub_gap;
    }
}

/* The extent of a placement. */
static void extent(size_t n, const double *x, const double *y, double *w, double *h)
{
    double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
    for (size_t k = 0; k < n; k++) {
        x0 = fmin(x0, x[k]);
        x1 = fmax(x1, x[k]);
        y0 = fmin(y0, y[k]);
        y1 = fmax(y1, y[k]);
    }
    *w = n ? x1 - x0 : 0;
    *h = n ? y1 - y0 : 0;
}

/*
 * The most rows a bucket may have so that the picture is at most
 * o->max_aspect times as high as wide (0: no limit needed).  Fewer rows
 * only make it lower and wider, so a binary search finds it.
 */
static size_t rows_for_aspect(const struct layers *L, const double *level,
                              const struct vc_layout_opts *o, double *x, double *y, size_t n)
{
    size_t tallest = 0, lo = 1, hi;
    double w, h;
    if (o->max_aspect <= 0)
        return 0;
    for (size_t b = 0; b < L->n_buckets; b++)
        if (L->first[b + 1] - L->first[b] > tallest)
            tallest = L->first[b + 1] - L->first[b];
    place(L, level, 0, o, x, y);
    extent(n, x, y, &w, &h);
    if (tallest < 2 || h <= o->max_aspect * w)
        return 0;
    hi = tallest;
    while (lo < hi) {
        size_t mid = lo + (hi - lo + 1) / 2;
        place(L, level, mid, o, x, y);
        extent(n, x, y, &w, &h);
        if (h <= o->max_aspect * w)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}

/*
 * One barycentre sweep over the placed picture: bucket by bucket (left to
 * right when down, else right to left), each node's key is the mean y of
 * its neighbours in the buckets already swept; a node without one keeps
 * its place.  Each bucket is re-placed before the next is keyed.
 */
static void sweep(struct layers *L, const struct adj *in, const struct adj *out,
                  const uint32_t *bucket, bool down, const double *level, size_t rows,
                  const struct vc_layout_opts *o, double *x, double *y)
{
    for (size_t t = 0; t < L->n_buckets; t++) {
        size_t b = down ? t : L->n_buckets - 1 - t;
        size_t lo = L->first[b], hi = L->first[b + 1];
        const struct adj *nb = down ? in : out;
        for (size_t i = lo; i < hi; i++) {
            uint32_t v = L->slots[i].node;
            double sum = 0;
            size_t cnt = 0;
            for (size_t p = nb->start[v]; p < nb->start[v + 1]; p++) {
                uint32_t u = nb->node[p];
                if (down ? bucket[u] < b : bucket[u] > b) {
                    sum += y[u];
                    cnt++;
                }
            }
            L->slots[i].key = cnt ? sum / (double)cnt : y[v];
            L->slots[i].pos = (uint32_t)(i - lo);
        }
        qsort(L->slots + lo, hi - lo, sizeof(struct slot), by_key_then_pos);
        place(L, level, rows, o, x, y);
    }
}

/*
 * The rows of each bucket in the order of igraph's Sugiyama layout (layers
 * = buckets), which sweeps barycentres up and down the layers several
 * times; a node's row is its x in igraph's picture.
 */
static enum vc_status sugiyama_order(const struct vc_graph *g, struct layers *L,
                                     struct vc_error *err)
{
    size_t n = g->n_nodes;
    igraph_t ig;
    igraph_vector_int_t layer;
    igraph_matrix_t res;
    bool have_graph = false, have_layer = false, have_res = false;
    enum vc_status st;

    if ((st = vc_igraph_from_graph(g, true, false, &ig, err)) != VC_OK)
        goto out;
    have_graph = true;
    if ((st = VC_IGRAPH(igraph_vector_int_init(&layer, (igraph_integer_t)n), err, "layout")) !=
        VC_OK)
        goto out;
    have_layer = true;
    for (size_t b = 0; b < L->n_buckets; b++)
        for (size_t i = L->first[b]; i < L->first[b + 1]; i++)
            VECTOR(layer)[L->slots[i].node] = (igraph_integer_t)b;
    if ((st = VC_IGRAPH(igraph_matrix_init(&res, 0, 0), err, "layout")) != VC_OK)
        goto out;
    have_res = true;
    if ((st = VC_IGRAPH(igraph_layout_sugiyama(&ig, &res, NULL, NULL, &layer, 1.0, 1.0, 100,
                                               NULL),
                        err, "Sugiyama layout")) != VC_OK)
        goto out;
    for (size_t b = 0; b < L->n_buckets; b++) {
        for (size_t i = L->first[b]; i < L->first[b + 1]; i++)
            L->slots[i].key = MATRIX(res, L->slots[i].node, 0);
        qsort(L->slots + L->first[b], L->first[b + 1] - L->first[b], sizeof(struct slot),
              by_key);
    }
out:
    if (have_res)
        igraph_matrix_destroy(&res);
    if (have_layer)
        igraph_vector_int_destroy(&layer);
    if (have_graph)
        igraph_destroy(&ig);
    return st;
}

/* Above these many edges the layout skips the sweeps (and igraph's
 * Sugiyama order): their cost grows faster than the graph (measured: 0.3 s
 * for 20,000 edges of gen_chain; igraph's Sugiyama 0.6 s for 5,000). */
#define SWEEP_MAX_EDGES 20000
#define SUGIYAMA_MAX_EDGES 2000
#define LAYOUT_SWEEPS 4 /* down-and-up pairs */

static enum vc_status layered(struct vc_graph *g, const struct vc_layout_opts *o,
                              struct vc_error *err)
{
    size_t n = g->n_nodes, rows;
    struct adj out = { 0, 0, 0 }, in = { 0, 0, 0 };
    struct layers L = { 0, 0, 0 }, alt = { 0, 0, 0 };
    double *level = malloc((n ? n : 1) * sizeof(double));
    double *x = malloc((n ? n : 1) * sizeof(double)), *y = malloc((n ? n : 1) * sizeof(double));
    double *x2 = NULL, *y2 = NULL;
    uint32_t *bucket = NULL;
    uint8_t *placed = calloc(n ? n : 1, 1);
    const struct vc_attr *trophic = vc_graph_attr(g, VC_CLASS_NODE, "trophic_level");
    enum vc_status st = VC_OK;

    L.slots = malloc((n ? n : 1) * sizeof(struct slot));
    L.first = malloc((n + 1) * sizeof(size_t));
    if (!level || !x || !y || !placed || !L.slots || !L.first || adj_build(g, false, &out) ||
        adj_build(g, true, &in) || stage_depth(g, &out, level))
        goto nomem;
    if (trophic && trophic->type == VC_ATTR_STRING)
        trophic = NULL;
    for (size_t k = 0; k < n; k++) {
        double t = vc_attr_get_double(trophic, k);
        if (isfinite(t))
            level[k] = t;
        x[k] = level[k] * o->layer_gap;
        L.slots[k].layer = floor(level[k] + 0.5);
        L.slots[k].node = (uint32_t)k;
    }
    qsort(L.slots, n, sizeof(*L.slots), by_layer);
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && L.slots[j].layer == L.slots[i].layer)
            j++;
        L.first[L.n_buckets++] = i;
        /* order the layer by where its predecessors already are */
        for (size_t s = i; s < j; s++) {
            uint32_t v = L.slots[s].node;
            double sum = 0;
            size_t cnt = 0;
            for (size_t p = in.start[v]; p < in.start[v + 1]; p++)
                if (placed[in.node[p]]) {
                    sum += y[in.node[p]];
                    cnt++;
                }
            L.slots[s].key = cnt ? sum / (double)cnt : INFINITY;
        }
        qsort(L.slots + i, j - i, sizeof(*L.slots), by_key);
        for (size_t s = i; s < j; s++) {
            y[L.slots[s].node] = ((double)(s - i) - (double)(j - i - 1) / 2.0) * o->row_gap;
            placed[L.slots[s].node] = 1;
        }
        i = j;
    }
    L.first[L.n_buckets] = n;
    rows = rows_for_aspect(&L, level, o, x, y, n);
    place(&L, level, rows, o, x, y);

    /*
     * Fewer crossings: barycentre sweeps down and up over the final
     * geometry (sub-columns included), and igraph's Sugiyama order; the
     * picture with the fewest crossings wins, ties keep the earlier one.
     */
    if (o->sugiyama && g->n_edges <= SWEEP_MAX_EDGES && L.n_buckets > 1) {
        long best, c;
        alt.slots = malloc((n ? n : 1) * sizeof(struct slot));
        bucket = malloc((n ? n : 1) * sizeof(uint32_t));
        x2 = malloc((n ? n : 1) * sizeof(double));
        y2 = malloc((n ? n : 1) * sizeof(double));
        if (!alt.slots || !bucket || !x2 || !y2 || (best = vc_layout_crossings(g, x, y)) < 0)
            goto nomem;
        for (size_t b = 0; b < L.n_buckets; b++)
            for (size_t i = L.first[b]; i < L.first[b + 1]; i++)
                bucket[L.slots[i].node] = (uint32_t)b;
        alt.first = L.first;
        alt.n_buckets = L.n_buckets;
        memcpy(alt.slots, L.slots, n * sizeof(struct slot));
        memcpy(x2, x, n * sizeof(double));
        memcpy(y2, y, n * sizeof(double));
        for (int round = 0; round < 2 * LAYOUT_SWEEPS; round++) {
            sweep(&alt, &in, &out, bucket, round % 2 == 0, level, rows, o, x2, y2);
            if ((c = vc_layout_crossings(g, x2, y2)) < 0)
                goto nomem;
            if (c < best) {
                best = c;
                memcpy(x, x2, n * sizeof(double));
                memcpy(y, y2, n * sizeof(double));
            }
        }
        if (g->n_edges <= SUGIYAMA_MAX_EDGES) {
            memcpy(alt.slots, L.slots, n * sizeof(struct slot));
            if ((st = sugiyama_order(g, &alt, err)) != VC_OK)
                goto out;
            place(&alt, level, rows, o, x2, y2);
            if ((c = vc_layout_crossings(g, x2, y2)) < 0)
                goto nomem;
            if (c < best) {
                memcpy(x, x2, n * sizeof(double));
                memcpy(y, y2, n * sizeof(double));
            }
        }
    }
    st = store(g, x, y, err);
    goto out;
nomem:
    st = vc_error_set(err, VC_ENOMEM, NULL, 0, 0, "layout: out of memory");
out:
    adj_release(&out);
    adj_release(&in);
    VC_FREE_ALL(level, x, y, x2, y2, placed, L.slots, L.first, alt.slots, bucket);
    return st;
}

static enum vc_status force(struct vc_graph *g, enum vc_layout kind,
                            const struct vc_layout_opts *o, struct vc_error *err)
{
    size_t n = g->n_nodes;
    igraph_t ig;
    igraph_matrix_t res;
    igraph_layout_drl_options_t drl;
    bool have_graph = false, have_res = false;
    double *x = NULL, *y = NULL;
    enum vc_status st;

    if ((st = vc_igraph_from_graph(g, false, false, &ig, err)) != VC_OK)
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
