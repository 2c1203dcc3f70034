/*
 * graphcopy.h - a copy of a graph with some nodes and edges left out (the
 * world after a what-if, a chain with a gain written in).  whatif.c owns it.
 */
#ifndef VC_ENGINE_GRAPHCOPY_H
#define VC_ENGINE_GRAPHCOPY_H

#include "vchain/graph.h"

/*
 * g without the nodes keep_node[] drops and the edges keep_edge[] drops,
 * into out (initialised by the caller); every column copied.  node_map[v]
 * and edge_map[e] receive each kept element's new index (UINT32_MAX when
 * dropped).
 */
enum vc_status vc_graph_copy_kept(const struct vc_graph *g, const uint8_t *keep_node,
                                  const uint8_t *keep_edge, uint32_t *node_map,
                                  uint32_t *edge_map, struct vc_graph *out,
                                  struct vc_error *err);

#endif
