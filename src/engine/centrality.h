/*
 * centrality.h - position figures per node (igraph, one thread).
 */
#ifndef VC_ENGINE_CENTRALITY_H
#define VC_ENGINE_CENTRALITY_H

#include "model.h"

struct vc_position {
    double *pagerank_down, *pagerank_up, *betweenness;
    double *in_strength, *out_strength, *trophic_level;
    uint32_t *in_degree, *out_degree;
    size_t betweenness_samples; /* 0: exact */
};

/* lean: only what `rank` shows of a directed chain (PageRank downstream,
 * degrees, strengths); pagerank_up and betweenness NAN.  trophic_level is
 * left NULL: vc_position_trophic() computes it from the model. */
enum vc_status vc_position_compute(const struct vc_chain *c, const struct vc_engine_opts *opts,
                                   bool lean, struct vc_position *out, struct vc_error *err);
/* Trophic level per node into *out (malloc'd); NAN for every node when
 * lean (with the same lean as vc_position_compute()). */
enum vc_status vc_position_trophic(const struct vc_model *m, bool lean, double **out,
                                   struct vc_error *err);
void vc_position_release(struct vc_position *p);

#endif
