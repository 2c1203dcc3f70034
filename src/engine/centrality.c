/*
 * centrality.c - position in the chain through igraph: degrees and
 * strengths, PageRank downstream and upstream, betweenness (exact up to a
 * size, sampled beyond), and trophic level (own code: igraph 0.10 has none).
 *
 * The only module that calls igraph.  Runs on the calling thread.  The
 * igraph figures need only the chain, trophic levels the model: the
 * analysis computes the first before it builds the model, so that
 * igraph's copy of the graph (its largest transient, some 60 bytes per
 * edge) is gone before the model takes its place.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "centrality.h"
#include "igraph_glue.h"

void vc_position_release(struct vc_position *p)
{
    VC_FREE_ALL(p->pagerank_down, p->pagerank_up, p->betweenness, p->in_strength, p->out_strength,
                p->trophic_level, p->in_degree, p->out_degree);
    memset(p, 0, sizeof(*p));
}

/*
 * A graph with no direction at all (every edge undirected, and not read as
 * written: --direction) is an undirected graph to igraph too: PageRank,
 * betweenness and degrees then follow undirected definitions.
 */
static bool without_direction(const struct vc_chain *c)
{
    const struct vc_graph *g = c->graph;
    if (c->opts.direction == VC_DIRECTION_AS_WRITTEN || !g->n_edges)
        return false;
    for (size_t e = 0; e < g->n_edges; e++)
        if (g->edge_directed[e])
            return false;
    return true;
}

static double *copy_out(const igraph_vector_t *v, size_t n)
{
    double *d = malloc((n ? n : 1) * sizeof(double));
    if (d)
        for (size_t k = 0; k < n; k++)
            d[k] = VECTOR(*v)[k];
    return d;
}

static enum vc_status pagerank(const igraph_t *ig, size_t n, double **out, struct vc_error *err)
{
    igraph_vector_t v;
    igraph_real_t value;
    enum vc_status st;

    if (igraph_vector_init(&v, 0) != IGRAPH_SUCCESS)
        return VC_ENOMEM;
    st = VC_IGRAPH(igraph_pagerank(ig, IGRAPH_PAGERANK_ALGO_PRPACK, &v, &value, igraph_vss_all(),
                                   IGRAPH_DIRECTED, 0.85, NULL, NULL), err, "pagerank");
    if (st == VC_OK && !(*out = copy_out(&v, n)))
        st = VC_ENOMEM;
    igraph_vector_destroy(&v);
    return st;
}

/* Deterministic sample of k distinct vertices (splitmix64, fixed seed). */
static enum vc_status sample_sources(size_t n, size_t k, igraph_vector_int_t *out)
{
    uint64_t s = 0x5eed;
    uint32_t *perm = malloc(n * sizeof(uint32_t));
    if (!perm)
        return VC_ENOMEM;
    for (size_t i = 0; i < n; i++)
        perm[i] = (uint32_t)i;
    for (size_t i = 0; i < k; i++) {
        uint64_t z = (s += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        z ^= z >> 31;
        size_t j = i + (size_t)(z % (n - i));
        uint32_t t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
    }
    if (igraph_vector_int_init(out, (igraph_integer_t)k) != IGRAPH_SUCCESS) {
        free(perm);
        return VC_ENOMEM;
    }
    for (size_t i = 0; i < k; i++)
        VECTOR(*out)[i] = perm[i];
    free(perm);
    return VC_OK;
}

static enum vc_status betweenness(const igraph_t *ig, size_t n, const struct vc_engine_opts *o,
                                  struct vc_position *p, struct vc_error *err)
{
    igraph_vector_t v;
    enum vc_status st;

    if (igraph_vector_init(&v, 0) != IGRAPH_SUCCESS)
        return VC_ENOMEM;
    if (n <= o->betweenness_exact_max || o->betweenness_samples >= n) {
        st = VC_IGRAPH(igraph_betweenness(ig, &v, igraph_vss_all(), IGRAPH_DIRECTED, NULL), err,
                       "betweenness");
        p->betweenness_samples = 0;
    } else {
        /* Brandes from a sample of sources, scaled up to all n sources. */
        igraph_vector_int_t sources;
        size_t k = o->betweenness_samples ? o->betweenness_samples : 256;
        st = sample_sources(n, k, &sources);
        if (st == VC_OK) {
            st = VC_IGRAPH(igraph_betweenness_subset(ig, &v, igraph_vss_all(), IGRAPH_DIRECTED,
                                                     igraph_vss_vector(&sources),
                                                     igraph_vss_all(), NULL),
                           err, "sampled betweenness");
            igraph_vector_int_destroy(&sources);
            if (st == VC_OK)
                igraph_vector_scale(&v, (double)n / (double)k);
        }
        p->betweenness_samples = k;
    }
    if (st == VC_OK && !(p->betweenness = copy_out(&v, n)))
        st = VC_ENOMEM;
    igraph_vector_destroy(&v);
    return st;
}

static enum vc_status degrees(const igraph_t *ig, const struct vc_chain *c, size_t n,
                              struct vc_position *p, struct vc_error *err)
{
    igraph_vector_t w, s;
    enum vc_status st = VC_OK;

    if (igraph_vector_init(&w, (igraph_integer_t)c->n_edges) != IGRAPH_SUCCESS)
        return VC_ENOMEM;
    if (igraph_vector_init(&s, 0) != IGRAPH_SUCCESS) {
        igraph_vector_destroy(&w);
        return VC_ENOMEM;
    }
    for (size_t e = 0; e < c->n_edges; e++)
        VECTOR(w)[e] = c->weight[e];
    p->in_degree = calloc(n ? n : 1, sizeof(uint32_t));
    p->out_degree = calloc(n ? n : 1, sizeof(uint32_t));
    if (!p->in_degree || !p->out_degree)
        st = VC_ENOMEM;
    for (size_t e = 0; st == VC_OK && e < c->n_edges; e++) {
        p->out_degree[c->graph->edge_from[e]]++;
        p->in_degree[c->graph->edge_to[e]]++;
    }
    if (st == VC_OK && without_direction(c)) /* both are the degree, as igraph counts it */
        for (size_t v = 0; v < n; v++)
            p->in_degree[v] = p->out_degree[v] = p->in_degree[v] + p->out_degree[v];
    if (st == VC_OK)
        st = VC_IGRAPH(igraph_strength(ig, &s, igraph_vss_all(), IGRAPH_IN, IGRAPH_LOOPS, &w), err,
                       "in-strength");
    if (st == VC_OK && !(p->in_strength = copy_out(&s, n)))
        st = VC_ENOMEM;
    if (st == VC_OK)
        st = VC_IGRAPH(igraph_strength(ig, &s, igraph_vss_all(), IGRAPH_OUT, IGRAPH_LOOPS, &w),
                       err, "out-strength");
    if (st == VC_OK && !(p->out_strength = copy_out(&s, n)))
        st = VC_ENOMEM;
    igraph_vector_destroy(&w);
    igraph_vector_destroy(&s);
    return st;
}

/*
 * Trophic level (Levine 1980): a node nothing feeds has level 1; any other
 * has 1 + the mean level of the nodes that feed it.  One pass in
 * topological order on an acyclic chain; nodes on cycles are relaxed by
 * Gauss-Seidel sweeps (a bounded number) from level 1.
 */
static enum vc_status trophic(const struct vc_model *m, struct vc_position *p)
{
    const struct vc_graph *g = m->chain->graph;
    size_t n = m->n;
    uint32_t *start = calloc(n + 1, sizeof(uint32_t)), *src;
    double *h = malloc((n ? n : 1) * sizeof(double));

    if (!start || !h) {
        free(start);
        free(h);
        return VC_ENOMEM;
    }
    /* A self-loop does not raise a level: it counts neither among the
     * feeders nor in their number (counting it with level 0 lowered it). */
    for (size_t e = 0; e < g->n_edges; e++)
        if (g->edge_from[e] != g->edge_to[e])
            start[g->edge_to[e] + 1]++;
    for (size_t k = 0; k < n; k++)
        start[k + 1] += start[k];
    src = malloc((g->n_edges ? g->n_edges : 1) * sizeof(uint32_t));
    if (!src) {
        free(start);
        free(h);
        return VC_ENOMEM;
    }
    for (size_t e = 0; e < g->n_edges; e++)
        if (g->edge_from[e] != g->edge_to[e])
            src[start[g->edge_to[e]]++] = g->edge_from[e];
    for (size_t k = n; k > 0; k--)
        start[k] = start[k - 1];
    start[0] = 0;
    for (size_t k = 0; k < n; k++)
        h[k] = 1.0;
    /* One sweep suffices when the model's order is topological for every
     * edge; edges the model does not analyse (relation "other") are not in
     * that order, so check rather than trust n_ordered. */
    int one_pass = m->n_ordered == n;
    for (size_t e = 0; one_pass && e < g->n_edges; e++)
        if (g->edge_from[e] != g->edge_to[e] && m->rank[g->edge_from[e]] > m->rank[g->edge_to[e]])
            one_pass = 0;
    for (int sweep = 0; sweep < 200; sweep++) {
        double change = 0;
        for (size_t r = 0; r < n; r++) {
            uint32_t v = m->order[r];
            uint32_t lo = start[v], hi = start[v + 1];
            double sum = 0, now;
            if (lo == hi)
                continue;
            for (uint32_t q = lo; q < hi; q++)
                sum += h[src[q]];
            now = 1.0 + sum / (double)(hi - lo);
            change = fabs(now - h[v]) > change ? fabs(now - h[v]) : change;
            h[v] = now;
        }
        if (one_pass || change < 1e-9)
            break;
    }
    free(start);
    free(src);
    p->trophic_level = h;
    return VC_OK;
}

/* Figures left out (lean): NAN for every node. */
static enum vc_status unknown(size_t n, double **out)
{
    double *x = malloc((n ? n : 1) * sizeof(double));
    if (!x)
        return VC_ENOMEM;
    for (size_t k = 0; k < n; k++)
        x[k] = NAN;
    *out = x;
    return VC_OK;
}

/* What lean leaves out applies to a chain with direction: an undirected
 * graph is ranked by its centralities. */
static bool is_lean(const struct vc_chain *c, bool lean)
{
    return lean && !without_direction(c);
}

enum vc_status vc_position_compute(const struct vc_chain *c, const struct vc_engine_opts *opts,
                                   bool lean, struct vc_position *out, struct vc_error *err)
{
    const struct vc_graph *g = c->graph;
    size_t n = c->n_nodes;
    struct vc_position p;
    igraph_t down, up;
    int have_down = 0, have_up = 0;
    enum vc_status st;

    vc_igraph_init();
    memset(&p, 0, sizeof(p));
    bool undirected = without_direction(c);
    lean = is_lean(c, lean);
    st = vc_igraph_from_graph(g, !undirected, false, &down, err);
    have_down = st == VC_OK;
    if (st == VC_OK && !lean)
        st = vc_igraph_from_graph(g, !undirected, true, &up, err);
    have_up = have_down && st == VC_OK && !lean;
    if (st == VC_OK)
        st = pagerank(&down, n, &p.pagerank_down, err);
    if (st == VC_OK)
        st = lean ? unknown(n, &p.pagerank_up) : pagerank(&up, n, &p.pagerank_up, err);
    if (st == VC_OK)
        st = lean ? unknown(n, &p.betweenness) : betweenness(&down, n, opts, &p, err);
    if (st == VC_OK)
        st = degrees(&down, c, n, &p, err);
    if (have_down)
        igraph_destroy(&down);
    if (have_up)
        igraph_destroy(&up);
    if (st != VC_OK) {
        vc_position_release(&p);
        /* an igraph failure has already recorded its reason (first wins) */
        return vc_error_set(err, st, g->source, 0, 0, "%s computing centralities",
                            st == VC_ENOMEM ? "out of memory" : vc_status_str(st));
    }
    *out = p;
    return VC_OK;
}

enum vc_status vc_position_trophic(const struct vc_model *m, bool lean, double **out,
                                   struct vc_error *err)
{
    struct vc_position p;
    enum vc_status st;

    memset(&p, 0, sizeof(p));
    st = is_lean(m->chain, lean) ? unknown(m->n, &p.trophic_level) : trophic(m, &p);
    if (st != VC_OK)
        return vc_error_set(err, st, m->chain->graph->source, 0, 0,
                            "out of memory computing trophic levels");
    *out = p.trophic_level;
    return VC_OK;
}
