/*
 * igraph_glue.h - the only doorway between vchain and igraph's error model.
 *
 * igraph's default error handler aborts the process.  vc_igraph_init()
 * installs handlers that record the first non-empty reason, free igraph's
 * FINALLY stack and return, so the failing igraph call returns an error
 * code.  Wrap every igraph call:
 *
 *     if ((st = VC_IGRAPH(igraph_pagerank(...), err, "pagerank")) != VC_OK)
 *         goto out;
 *
 * Debian's igraph is built without thread safety: call igraph from one
 * thread only (the engine's parallel loops run vchain's own code).
 */
#ifndef VC_ENGINE_IGRAPH_GLUE_H
#define VC_ENGINE_IGRAPH_GLUE_H

#include <igraph.h>

#include "vchain/error.h"
#include "vchain/graph.h"

void vc_igraph_init(void);
/* Turns an igraph error code into VC_EIGRAPH with the recorded reason. */
enum vc_status vc_igraph_status(igraph_error_t code, struct vc_error *err, const char *what);

/*
 * g's nodes and edges as an igraph graph (*out uninitialised; destroy it
 * with igraph_destroy() on success): every edge as directed (or, with
 * reversed, turned round), or all undirected when directed is false.
 */
enum vc_status vc_igraph_from_graph(const struct vc_graph *g, bool directed, bool reversed,
                                    igraph_t *out, struct vc_error *err);

#define VC_IGRAPH(call, err, what) vc_igraph_status((vc_igraph_begin(), (call)), (err), (what))
void vc_igraph_begin(void);

#endif
