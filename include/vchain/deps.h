/*
 * vchain/deps.h - the mutual dependency of countries: M[A][B], how much of
 * country A's own production is lost when country B is extracted.
 * docs/model.md ("Comparing and mutual dependency") has the formula;
 * docs/compare.md the command (vchain deps).
 */
#ifndef VCHAIN_DEPS_H
#define VCHAIN_DEPS_H

#include "engine.h"

#ifdef __cplusplus
extern "C" {
#endif

struct vc_deps {
    size_t n;
    const char **codes;      /* the countries (alpha-3 as in the data; strings of the chain) */
    double *m;               /* n * n, row-major: m[i * n + j] = M[codes[i]][codes[j]];
                                NAN on the diagonal and in rows of countries that
                                provide nothing */
    double *output;          /* per country: sum over its items of weight x its share */
    size_t *items;           /* per country: how many items it provides */
    bool value_weighted;     /* items weighted by their value */
};

/*
 * M[A][B] for every pair of the n countries in codes (alpha-3, alpha-2 or
 * names; each must have actors in the chain): the output-weighted loss of
 * the items A provides when B is extracted, counting only the loss that
 * reaches them through their inputs and variants.  Parallel over
 * opts->threads.  Release *out with vc_deps_release().
 */
VC_API enum vc_status vc_deps_matrix(const struct vc_chain *c, const struct vc_engine_opts *opts,
                                     const char *const *codes, size_t n, struct vc_deps *out,
                                     struct vc_error *err);
VC_API void vc_deps_release(struct vc_deps *d);

/*
 * The matrix as a graph for the exporters (docs/compare.md, "deps"):
 * countries as nodes (label, kind "country", country, control_points when
 * cps is given, items, output, exposure, hold, net_leverage, and node
 * colour columns viz_r, viz_g, viz_b: blue when the country holds more
 * leverage than it is exposed to, orange when less, grey when even), and an
 * edge B -> A for every M[A][B] > 0 (B feeds A) with weight and dependence
 * M[A][B] and balance M[A][B] - M[B][A].  cps (may be NULL): per country of
 * d, the control points it holds.  *out is initialised here; release it
 * with vc_graph_release(), also after a failure.
 */
VC_API enum vc_status vc_deps_graph(const struct vc_deps *d, const size_t *cps,
                                    struct vc_graph *out, struct vc_error *err);

#ifdef __cplusplus
}
#endif

#endif
