/*
 * igraph_glue.c - igraph error and warning handlers that never abort.
 *
 * igraph calls its error handler once per stack level as an error unwinds,
 * with an empty reason after the first; the first non-empty reason is the
 * one worth showing, so it is kept until the next vc_igraph_begin().
 */
#include <stdio.h>
#include <string.h>

#include "igraph_glue.h"

static char reason[512];
static char where[256];

static void on_error(const char *msg, const char *file, int line, igraph_error_t code)
{
    (void)code;
    if (!reason[0] && msg && msg[0]) {
        snprintf(reason, sizeof(reason), "%s", msg);
        snprintf(where, sizeof(where), "%s:%d", file ? file : "?", line);
    }
    IGRAPH_FINALLY_FREE();
}

static void on_warning(const char *msg, const char *file, int line)
{
    /* igraph warnings concern igraph's internals (e.g. convergence): they are
     * not about the user's input, so they are not shown. */
    (void)msg;
    (void)file;
    (void)line;
}

void vc_igraph_init(void)
{
    igraph_set_error_handler(on_error);
    igraph_set_warning_handler(on_warning);
}

void vc_igraph_begin(void)
{
    reason[0] = '\0';
    where[0] = '\0';
}

enum vc_status vc_igraph_status(igraph_error_t code, struct vc_error *err, const char *what)
{
    if (code == IGRAPH_SUCCESS)
        return VC_OK;
    return vc_error_set(err, code == IGRAPH_ENOMEM ? VC_ENOMEM : VC_EIGRAPH, NULL, 0, 0,
                        "%s: %s (%s)", what, reason[0] ? reason : "failed",
                        igraph_strerror(code));
}

enum vc_status vc_igraph_from_graph(const struct vc_graph *g, bool directed, bool reversed,
                                    igraph_t *out, struct vc_error *err)
{
    igraph_vector_int_t edges;
    enum vc_status st;

    vc_igraph_init();
    if (igraph_vector_int_init(&edges, (igraph_integer_t)(2 * g->n_edges)) != IGRAPH_SUCCESS)
        return vc_error_set(err, VC_ENOMEM, g->source, 0, 0, "out of memory");
    for (size_t e = 0; e < g->n_edges; e++) {
        VECTOR(edges)[2 * e] = reversed ? g->edge_to[e] : g->edge_from[e];
        VECTOR(edges)[2 * e + 1] = reversed ? g->edge_from[e] : g->edge_to[e];
    }
    st = VC_IGRAPH(igraph_create(out, &edges, (igraph_integer_t)g->n_nodes,
                                 directed ? IGRAPH_DIRECTED : IGRAPH_UNDIRECTED),
                   err, "building the igraph graph");
    igraph_vector_int_destroy(&edges);
    return st;
}
