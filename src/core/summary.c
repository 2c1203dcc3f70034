/*
 * summary.c - structural facts about a graph for `vchain info`: counts,
 * self-loops, parallel edges, weak components, acyclicity, over-covered
 * items.  Linear or n log n; no igraph needed.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "vchain/summary.h"

/*
 * Every edge once, listed under its source (an undirected edge under its
 * smaller end), as the other end shifted left by one with the low bit set
 * when the edge is undirected: node indices stay below 2^31, so that fits
 * 32 bits.  Parallel edges and acyclicity both walk these lists, which are
 * built in linear time (a sort of 10 million edges was the largest cost of
 * `vchain info` after the read).
 */
static void build_lists(const struct vc_graph *g, uint32_t *start, uint32_t *adj)
{
    size_t n = g->n_nodes;
    memset(start, 0, (n + 1) * sizeof(*start));
    for (size_t e = 0; e < g->n_edges; e++) {
        uint32_t u = g->edge_from[e], v = g->edge_to[e];
        start[(g->edge_directed[e] || u < v ? u : v) + 1]++;
    }
    for (size_t k = 0; k < n; k++)
        start[k + 1] += start[k];
    for (size_t e = 0; e < g->n_edges; e++) {
        uint32_t u = g->edge_from[e], v = g->edge_to[e];
        if (g->edge_directed[e])
            adj[start[u]++] = v << 1;
        else
            adj[start[u < v ? u : v]++] = (u < v ? v : u) << 1 | 1;
    }
    for (size_t k = n; k > 0; k--)
        start[k] = start[k - 1];
    start[0] = 0;
}

/* Edges whose list entry appears earlier in the same list; seen has 2n
 * entries, one per (node, directedness). */
static size_t count_parallel(size_t n, const uint32_t *start, const uint32_t *adj,
                             uint32_t *seen)
{
    size_t dup = 0;
    memset(seen, 0, 2 * n * sizeof(*seen));
    for (uint32_t u = 0; u < n; u++) {
        for (uint32_t i = start[u]; i < start[u + 1]; i++) {
            if (seen[adj[i]] == u + 1)
                dup++;
            else
                seen[adj[i]] = u + 1;
        }
    }
    return dup;
}

static uint32_t find_root(uint32_t *parent, uint32_t x)
{
    while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    return x;
}

static size_t count_components(const struct vc_graph *g, uint32_t *parent)
{
    size_t n = g->n_nodes, comps = n;
    for (size_t k = 0; k < n; k++)
        parent[k] = (uint32_t)k;
    for (size_t e = 0; e < g->n_edges; e++) {
        uint32_t a = find_root(parent, g->edge_from[e]), b = find_root(parent, g->edge_to[e]);
        if (a != b) {
            parent[a] = b;
            comps--;
        }
    }
    return comps;
}

/* Kahn's algorithm over the directed edges (entries with the low bit clear). */
static int is_acyclic(size_t n, const uint32_t *start, const uint32_t *adj, uint32_t *indeg,
                      uint32_t *queue)
{
    size_t done = 0, head = 0, tail = 0;
    memset(indeg, 0, n * sizeof(*indeg));
    for (size_t i = 0; i < start[n]; i++)
        if (!(adj[i] & 1))
            indeg[adj[i] >> 1]++;
    for (size_t k = 0; k < n; k++)
        if (!indeg[k])
            queue[tail++] = (uint32_t)k;
    while (head < tail) {
        uint32_t u = queue[head++];
        done++;
        for (uint32_t i = start[u]; i < start[u + 1]; i++)
            if (!(adj[i] & 1) && --indeg[adj[i] >> 1] == 0)
                queue[tail++] = adj[i] >> 1;
    }
    return done == n;
}

enum vc_status vc_summary_compute(const struct vc_chain *c, double tolerance,
                                  struct vc_summary *s, struct vc_error *err)
{
    const struct vc_graph *g = c->graph;
    size_t n = g->n_nodes, m = g->n_edges;
    uint32_t *start = malloc((n + 1) * sizeof(uint32_t));
    uint32_t *adj = malloc((m ? m : 1) * sizeof(uint32_t));
    uint32_t *work = malloc(2 * (n ? n : 1) * sizeof(uint32_t)); /* seen, then indeg + queue */
    double *cov = calloc(2 * (n ? n : 1), sizeof(double));
    enum vc_status st = VC_OK;

    memset(s, 0, sizeof(*s));
    if (!start || !adj || !work || !cov) {
        st = vc_error_set(err, VC_ENOMEM, g->source, 0, 0, "out of memory");
        goto out;
    }
    s->n_nodes = n;
    s->n_edges = m;
    s->directed = g->directed;
    for (size_t k = 0; k < n; k++) {
        s->kinds[c->kind[k]]++;
        if (c->kind[k] == VC_KIND_ACTOR)
            s->actors_by_level[c->level[k]]++;
        s->aggregates += c->aggregate[k];
        s->final_items += c->final[k] && c->kind[k] == VC_KIND_ITEM;
        s->final_actors += c->final[k] && c->kind[k] == VC_KIND_ACTOR;
    }
    for (size_t e = 0; e < m; e++) {
        s->relations[c->relation[e]]++;
        s->n_undirected += !g->edge_directed[e];
        s->self_loops += g->edge_from[e] == g->edge_to[e];
        if (c->relation[e] == VC_REL_PROVIDES) {
            if (isnan(c->share[e]))
                s->provides_unknown_share++;
            else
                cov[2 * g->edge_to[e] + c->level[g->edge_from[e]]] += c->share[e];
        }
    }
    build_lists(g, start, adj);
    s->parallel_edges = count_parallel(n, start, adj, work);
    s->acyclic = is_acyclic(n, start, adj, work, work + n);
    s->components = count_components(g, work);
    for (size_t k = 0; k < 2 * n; k++)
        s->n_coverage_issues += cov[k] > 1.0 + tolerance;
    if (s->n_coverage_issues) {
        size_t j = 0;
        s->coverage_issues = malloc(s->n_coverage_issues * sizeof(*s->coverage_issues));
        if (!s->coverage_issues) {
            st = vc_error_set(err, VC_ENOMEM, g->source, 0, 0, "out of memory");
            goto out;
        }
        for (size_t k = 0; k < 2 * n; k++) {
            if (cov[k] > 1.0 + tolerance) {
                s->coverage_issues[j].item = k / 2;
                s->coverage_issues[j].level = (enum vc_level)(k % 2);
                s->coverage_issues[j].coverage = cov[k];
                j++;
            }
        }
    }
out:
    VC_FREE_ALL(start, adj, work, cov);
    if (st != VC_OK)
        vc_summary_release(s);
    return st;
}

void vc_summary_release(struct vc_summary *s)
{
    free(s->coverage_issues);
    memset(s, 0, sizeof(*s));
}
