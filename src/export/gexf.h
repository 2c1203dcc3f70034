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
/* Node k's viz:color, viz:position and viz:size, those it has. */
void vc_gexf_node_viz(struct vc_out *o, const struct vc_viz *viz, size_t k);
/* Edge e's viz:thickness, when it has one. */
void vc_gexf_edge_viz(struct vc_out *o, const struct vc_viz *viz, size_t e);

#endif
