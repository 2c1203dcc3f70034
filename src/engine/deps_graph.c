/*
 * deps_graph.c - the mutual-dependency matrix (deps.c) as a graph for the
 * exporters: countries as nodes with their exposure and hold, an edge B -> A
 * for every country B whose extraction costs A some of its own production.
 *
 * Like vc_comparison_graph (compare.c), it only lays out figures already
 * computed as columns; colours come from core/palette.h.
 */
#include <math.h>
#include <string.h>

#include "core/palette.h"
#include "vchain/deps.h"

/* A value smaller than this is none (as compare.h's VC_COMPARE_EPS). */
#define EPS 1e-9

static double M(const struct vc_deps *d, size_t a, size_t b)
{
    return d->m[a * d->n + b];
}

enum vc_status vc_deps_graph(const struct vc_deps *d, const size_t *cps, struct vc_graph *g,
                             struct vc_error *err)
{
    const uint8_t *up = vc_palette_rgb(VC_COLOUR_HOLDS), *down = vc_palette_rgb(VC_COLOUR_EXPOSED),
                  *even = vc_palette_rgb(VC_COLOUR_EVEN);
    struct vc_attr *label, *kind, *country, *cp, *items, *output, *exposure, *hold, *net, *r,
        *gg, *b, *weight, *dep, *bal;
    enum vc_status st = VC_OK;
    size_t k;

    vc_graph_init(g);
#define COL(var, cls, name, type) \
    if (st == VC_OK) st = vc_graph_attr_add(g, cls, name, type, &var, err)
    COL(label, VC_CLASS_NODE, "label", VC_ATTR_STRING);
    COL(kind, VC_CLASS_NODE, "kind", VC_ATTR_STRING);
    COL(country, VC_CLASS_NODE, "country", VC_ATTR_STRING);
    if (cps)
        COL(cp, VC_CLASS_NODE, "control_points", VC_ATTR_INT);
    COL(items, VC_CLASS_NODE, "items", VC_ATTR_INT);
    COL(output, VC_CLASS_NODE, "output", VC_ATTR_DOUBLE);
    COL(exposure, VC_CLASS_NODE, "exposure", VC_ATTR_DOUBLE);
    COL(hold, VC_CLASS_NODE, "hold", VC_ATTR_DOUBLE);
    COL(net, VC_CLASS_NODE, "net_leverage", VC_ATTR_DOUBLE);
    COL(r, VC_CLASS_NODE, "viz_r", VC_ATTR_INT);
    COL(gg, VC_CLASS_NODE, "viz_g", VC_ATTR_INT);
    COL(b, VC_CLASS_NODE, "viz_b", VC_ATTR_INT);
    COL(weight, VC_CLASS_EDGE, "weight", VC_ATTR_DOUBLE);
    COL(dep, VC_CLASS_EDGE, "dependence", VC_ATTR_DOUBLE);
    COL(bal, VC_CLASS_EDGE, "balance", VC_ATTR_DOUBLE);
#undef COL
    for (size_t a = 0; a < d->n && st == VC_OK; a++) {
        const char *name = vc_country_name(d->codes[a]);
        double ex = 0, ho = 0;
        size_t m = 0;
        const uint8_t *rgb;
        st = vc_graph_intern_node(g, d->codes[a], strlen(d->codes[a]), 0, 0, &k, NULL, err);
        if (st != VC_OK)
            break;
        for (size_t o = 0; o < d->n; o++) {
            if (o == a || isnan(M(d, a, o)) || isnan(M(d, o, a)))
                continue;
            ex += M(d, a, o);
            ho += M(d, o, a);
            m++;
        }
        ex = m ? ex / (double)m : NAN;
        ho = m ? ho / (double)m : NAN;
        rgb = !(fabs(ho - ex) >= EPS) ? even : ho > ex ? up : down;
        name = vc_graph_strdup(g, name ? name : d->codes[a], strlen(name ? name : d->codes[a]));
        if (!name)
            return vc_error_set(err, VC_ENOMEM, NULL, 0, 0, "out of memory");
        st = vc_attr_set_string(label, k, name, err);
        if (st == VC_OK)
            st = vc_attr_set_string(kind, k, vc_graph_strdup(g, "country", 7), err);
        if (st == VC_OK)
            st = vc_attr_set_string(country, k, g->node_id[k], err);
        if (st == VC_OK && cps)
            st = vc_attr_set_int(cp, k, (int64_t)cps[a], err);
        if (st == VC_OK)
            st = vc_attr_set_int(items, k, (int64_t)d->items[a], err);
        if (st == VC_OK)
            st = vc_attr_set_double(output, k, d->output[a], err);
        if (st == VC_OK && isfinite(ex))
            st = vc_attr_set_double(exposure, k, ex, err);
        if (st == VC_OK && isfinite(ho))
            st = vc_attr_set_double(hold, k, ho, err);
        if (st == VC_OK && isfinite(ho - ex))
            st = vc_attr_set_double(net, k, ho - ex, err);
        if (st == VC_OK)
            st = vc_attr_set_int(r, k, rgb[0], err);
        if (st == VC_OK)
            st = vc_attr_set_int(gg, k, rgb[1], err);
        if (st == VC_OK)
            st = vc_attr_set_int(b, k, rgb[2], err);
    }
    /* B feeds A: an edge B -> A weighted by how much A loses without B */
    for (size_t a = 0; a < d->n && st == VC_OK; a++) {
        for (size_t o = 0; o < d->n && st == VC_OK; o++) {
            double m = M(d, a, o);
            if (o == a || !(m >= EPS))
                continue;
            st = vc_graph_add_edge(g, o, a, true, NULL, 0, 0, 0, &k, err);
            if (st == VC_OK)
                st = vc_attr_set_double(weight, k, m, err);
            if (st == VC_OK)
                st = vc_attr_set_double(dep, k, m, err);
            if (st == VC_OK && isfinite(M(d, o, a)))
                st = vc_attr_set_double(bal, k, m - M(d, o, a), err);
        }
    }
    return st;
}
