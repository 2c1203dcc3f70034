/*
 * summary.c - structural facts about a graph for `vchain info`: counts,
 * self-loops, parallel edges, weak components, acyclicity, over-covered
 * items.  Linear or n log n; no igraph needed.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "vchain/summary.h"

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static size_t count_parallel(const struct vc_graph *g, uint64_t *keys)
{
    size_t dup = 0;
    for (size_t e = 0; e < g->n_edges; e++) {
        uint64_t u = g->edge_from[e], v = g->edge_to[e];
        if (!g->edge_directed[e] && u > v) {
            uint64_t t = u;
            u = v;
            v = t;
        }
        /* Undirected edges sort apart from directed ones (top bit). */
        keys[e] = (u << 32 | v) ^ (g->edge_directed[e] ? 0 : (uint64_t)1 << 63);
    }
    qsort(keys, g->n_edges, sizeof(*keys), cmp_u64);
    for (size_t e = 1; e < g->n_edges; e++)
        dup += keys[e] == keys[e - 1];
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

/* Kahn's algorithm over the directed edges. */
static int is_acyclic(const struct vc_graph *g, uint32_t *indeg, uint32_t *start, uint32_t *adj,
                      uint32_t *queue)
{
    size_t n = g->n_nodes, done = 0, head = 0, tail = 0;
    memset(indeg, 0, n * sizeof(*indeg));
    memset(start, 0, (n + 1) * sizeof(*start));
    for (size_t e = 0; e < g->n_edges; e++) {
        if (!g->edge_directed[e])
            continue;
        start[g->edge_from[e] + 1]++;
        indeg[g->edge_to[e]]++;
    }
    for (size_t k = 0; k < n; k++)
        start[k + 1] += start[k];
    for (size_t e = 0; e < g->n_edges; e++)
        if (g->edge_directed[e])
            adj[start[g->edge_from[e]]++] = g->edge_to[e];
    for (size_t k = n; k > 0; k--)
        start[k] = start[k - 1];
    start[0] = 0;
    for (size_t k = 0; k < n; k++)
        if (!indeg[k])
            queue[tail++] = (uint32_t)k;
    while (head < tail) {
        uint32_t u = queue[head++];
        done++;
        for (uint32_t i = start[u]; i < start[u + 1]; i++)
            if (--indeg[adj[i]] == 0)
                queue[tail++] = adj[i];
    }
    return done == n;
}

enum vc_status vc_summary_compute(const struct vc_chain *c, double tolerance,
                                  struct vc_summary *s, struct vc_error *err)
{
    const struct vc_graph *g = c->graph;
    size_t n = g->n_nodes, m = g->n_edges;
    uint64_t *keys = malloc((m ? m : 1) * sizeof(*keys));
    uint32_t *a = malloc((n + 1) * sizeof(uint32_t));
    uint32_t *b = malloc((n + 1) * sizeof(uint32_t));
    uint32_t *adj = malloc((m ? m : 1) * sizeof(uint32_t));
    uint32_t *queue = malloc((n ? n : 1) * sizeof(uint32_t));
    double *cov = calloc(2 * (n ? n : 1), sizeof(double));
    enum vc_status st = VC_OK;

    memset(s, 0, sizeof(*s));
    if (!keys || !a || !b || !adj || !queue || !cov) {
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
    s->parallel_edges = count_parallel(g, keys);
    s->components = count_components(g, a);
    s->acyclic = is_acyclic(g, a, b, adj, queue);
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
    free(keys);
    free(a);
    free(b);
    free(adj);
    free(queue);
    free(cov);
    if (st != VC_OK)
        vc_summary_release(s);
    return st;
}

void vc_summary_release(struct vc_summary *s)
{
    free(s->coverage_issues);
    memset(s, 0, sizeof(*s));
}
