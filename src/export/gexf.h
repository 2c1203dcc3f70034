/*
 * gexf.h - the pieces of GEXF both writers share: the static one
 * (gexf_write.c) and the two-slice comparison one (gexf_slices.c).
 */
#ifndef VC_EXPORT_GEXF_H
#define VC_EXPORT_GEXF_H

#include "core/out.h"
#include "viz.h"

/* The GEXF attribute type of a column type. */
const char *vc_gexf_type(enum vc_attr_type t);
/* "      <node id=\"…\" label=\"…\">": node k's opening tag, label from column label. */
void vc_gexf_node_open(struct vc_out *o, const struct vc_graph *g, const struct vc_attr *label,
                       size_t k);
/* Edge e's source and target, and its type where it differs from the graph's. */
void vc_gexf_edge_ends(struct vc_out *o, const struct vc_graph *g, size_t e);
/* Node k's viz:color, viz:position and viz:size, those it has. */
void vc_gexf_node_viz(struct vc_out *o, const struct vc_viz *viz, size_t k);
/* Edge e's viz:thickness, when it has one. */
void vc_gexf_edge_viz(struct vc_out *o, const struct vc_viz *viz, size_t e);

#endif
