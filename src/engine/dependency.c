/*
 * dependency.c - one country seen from the analysis (vc_country_view: its
 * own provisions and its dependencies), and which of others' control
 * points lie upstream of what a country makes.  A breadth-first walk up the item graph from each item
 * the country provides: through its essential inputs, and from there
 * through inputs and variants alike (an input is met by any of its kinds).
 * The item's own variants are kinds of what the country makes, not inputs
 * of it, so the walk does not start through them.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/mem.h"
#include "vchain/engine.h"

static int of_country(const struct vc_chain *c, size_t v, const char *code, const char *a3)
{
    const char *cc = c->country[v];
    return cc && (strcasecmp(cc, code) == 0 || (a3 && strcmp(cc, a3) == 0));
}

enum vc_status vc_analysis_dependencies(const struct vc_analysis *a, const char *code,
                                        struct vc_dependency **out, size_t *n_out,
                                        struct vc_error *err)
{
    const struct vc_chain *c = a->chain;
    const struct vc_graph *g = c->graph;
    const char *a3 = vc_country_alpha3(code);
    size_t n = c->n_nodes, m = c->n_edges;
    uint32_t *start = calloc(n + 1, sizeof(uint32_t));
    uint32_t *up = malloc((m ? m : 1) * sizeof(uint32_t));
    uint32_t *queue = malloc((n ? n : 1) * sizeof(uint32_t));
    uint32_t *seen = calloc(n ? n : 1, sizeof(uint32_t)); /* own items downstream + 1 */
    uint32_t *example = calloc(n ? n : 1, sizeof(uint32_t));
    uint8_t *mark = calloc(n ? n : 1, 1);
    uint32_t *stamp = calloc(n ? n : 1, sizeof(uint32_t));
    uint32_t *n_inputs = calloc(n ? n : 1, sizeof(uint32_t));
    struct vc_dependency *deps = NULL;
    size_t k = 0;
    enum vc_status st = VC_OK;

    *out = NULL;
    *n_out = 0;
    if (!start || !up || !queue || !seen || !example || !mark || !stamp || !n_inputs) {
        st = vc_error_set(err, VC_ENOMEM, g->source, 0, 0, "out of memory");
        goto out;
    }
    /* item -> the items feeding it, inputs before variants (n_inputs[v] of them) */
    for (size_t e = 0; e < m; e++)
        if (c->relation[e] == VC_REL_INPUT_OF || c->relation[e] == VC_REL_VARIANT_OF)
            start[g->edge_to[e] + 1]++;
    for (size_t v = 0; v < n; v++)
        start[v + 1] += start[v];
    for (int pass = 0; pass < 2; pass++)
        for (size_t e = 0; e < m; e++)
            if (c->relation[e] == (pass ? VC_REL_VARIANT_OF : VC_REL_INPUT_OF)) {
                uint32_t v = g->edge_to[e];
                up[start[v]++] = g->edge_from[e];
                n_inputs[v] += !pass;
            }
    for (size_t v = n; v > 0; v--)
        start[v] = start[v - 1];
    start[0] = 0;

    /* For each item the country provides, count it on everything upstream. */
    for (size_t e = 0; e < m; e++) {
        uint32_t own = g->edge_to[e], head = 0, tail = 0;
        if (c->relation[e] != VC_REL_PROVIDES || !of_country(c, g->edge_from[e], code, a3) ||
            mark[own] == 2)
            continue;
        mark[own] = 2; /* each own item once */
        queue[tail++] = own;
        stamp[own] = own + 1; /* visited in this walk: no clearing between walks */
        while (head < tail) {
            uint32_t v = queue[head++];
            /* strictly upstream: a co-provider of the same item does not
             * cut the country's own output (docs/model.md) */
            if (v != own && !seen[v]++)
                example[v] = own;
            uint32_t end = v == own ? start[v] + n_inputs[v] : start[v + 1];
            for (uint32_t j = start[v]; j < end; j++)
                if (stamp[up[j]] != own + 1) {
                    stamp[up[j]] = own + 1;
                    queue[tail++] = up[j];
                }
        }
    }
    deps = malloc((a->n_provisions ? a->n_provisions : 1) * sizeof(*deps));
    if (!deps) {
        st = vc_error_set(err, VC_ENOMEM, g->source, 0, 0, "out of memory");
        goto out;
    }
    for (size_t j = 0; j < a->n_provisions; j++) {
        const struct vc_provision_score *p = &a->provisions[j];
        if (!p->control_point || !seen[p->item] || of_country(c, p->actor, code, a3))
            continue;
        deps[k].provision = j;
        deps[k].n_items = seen[p->item];
        deps[k].example = example[p->item];
        k++;
    }
    *out = deps;
    *n_out = k;
    deps = NULL;
out:
    VC_FREE_ALL(start, up, queue, seen, example, mark, stamp, n_inputs, deps);
    return st;
}

enum vc_status vc_country_view(const struct vc_analysis *a, const char *code,
                               struct vc_country_view *out, struct vc_error *err)
{
    const struct vc_chain *c = a->chain;
    const char *a3;

    memset(out, 0, sizeof(*out));
    out->asked = code;
    out->country = vc_analysis_country(a, code);
    if (out->country == SIZE_MAX)
        return VC_OK;
    out->code = a->countries[out->country].code;
    a3 = vc_country_alpha3(out->code);
    out->own = malloc((a->n_provisions ? a->n_provisions : 1) * sizeof(size_t));
    if (!out->own)
        return vc_error_set(err, VC_ENOMEM, c->graph->source, 0, 0, "out of memory");
    for (size_t j = 0; j < a->n_provisions; j++)
        if (of_country(c, a->provisions[j].actor, out->code, a3))
            out->own[out->n_own++] = j;
    return vc_analysis_dependencies(a, out->code, &out->deps, &out->n_deps, err);
}

void vc_country_view_release(struct vc_country_view *v)
{
    free(v->own);
    free(v->deps);
    memset(v, 0, sizeof(*v));
}
