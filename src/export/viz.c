/*
 * viz.c - what every exporter derives from columns: node colours, sizes and
 * positions, edge thickness; and which columns are data.
 *
 * Owns the mapping rules (documented in docs/formats.md, "Exporting"; the
 * colours are core/palette.h's): control points in vermillion, categories
 * in the other Okabe-Ito colours by descending frequency, sizes and thicknesses scaled
 * linearly between a minimum and a maximum.  It never changes the graph.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/mem.h"
#include "core/out.h"
#include "core/attrname.h"
#include "core/idmap.h"
#include "core/palette.h"
#include "core/out.h"
#include "viz.h"

/* ---- column roles ---- */

bool vc_export_is_visual(const struct vc_attr *a)
{
    return a->cls != VC_CLASS_GRAPH && strncmp(a->name, "viz_", 4) == 0;
}

bool vc_export_is_label(const struct vc_attr *a)
{
    return a->cls != VC_CLASS_GRAPH && a->type == VC_ATTR_STRING &&
           strcmp(a->name, "label") == 0;
}

bool vc_export_is_weight(const struct vc_attr *a)
{
    return a->cls == VC_CLASS_EDGE && a->type == VC_ATTR_DOUBLE &&
           strcmp(a->name, "weight") == 0;
}

static bool is_data(const struct vc_attr *a, const struct vc_viz *viz)
{
    return !vc_export_is_visual(a) && !vc_export_is_label(a) &&
           !(vc_export_is_weight(a) && !(viz && viz->weight));
}

const struct vc_attr *vc_export_label(const struct vc_graph *g, enum vc_attr_class cls)
{
    const struct vc_attr *a = vc_graph_attr(g, cls, "label");
    return a && vc_export_is_label(a) ? a : NULL;
}

const struct vc_attr *vc_export_weight(const struct vc_graph *g, const struct vc_viz *viz)
{
    const struct vc_attr *a = vc_graph_attr(g, VC_CLASS_EDGE, "weight");
    return a && vc_export_is_weight(a) && !(viz && viz->weight) ? a : NULL;
}

double vc_export_edge_weight(const struct vc_viz *viz, const struct vc_attr *own, size_t e)
{
    if (viz->weight)
        return viz->edge_weight[e];
    if (own && vc_attr_has(own, e) && isfinite(own->values[e].d))
        return own->values[e].d;
    return NAN;
}

enum vc_status vc_export_cols_collect(const struct vc_graph *g, enum vc_attr_class cls,
                                      const struct vc_viz *viz, struct vc_export_cols *c,
                                      struct vc_error *err)
{
    size_t n = 0;

    memset(c, 0, sizeof(*c));
    for (size_t i = 0; i < g->n_attrs; i++)
        n += g->attrs[i]->cls == cls && is_data(g->attrs[i], viz);
    if (!n)
        return VC_OK;
    c->attr = calloc(n, sizeof(*c->attr));
    c->name = calloc(n, sizeof(*c->name));
    if (!c->attr || !c->name)
        goto nomem;
    for (size_t i = 0; i < g->n_attrs; i++) {
        const struct vc_attr *a = g->attrs[i];
        size_t len = strlen(a->name) + 4;
        if (a->cls != cls || !is_data(a, viz))
            continue;
        c->attr[c->n] = a;
        c->name[c->n] = malloc(len);
        if (!c->name[c->n])
            goto nomem;
        const char *e = vc_attrname_escape(a->name, c->name[c->n], len);
        if (e != c->name[c->n])
            memcpy(c->name[c->n], e, strlen(e) + 1);
        c->n++;
    }
    return VC_OK;
nomem:
    vc_export_cols_release(c);
    return vc_error_set(err, VC_ENOMEM, NULL, 0, 0, "out of memory");
}

void vc_export_cols_release(struct vc_export_cols *c)
{
    for (size_t i = 0; i < c->n; i++)
        free(c->name[i]);
    free(c->name);
    free(c->attr);
    memset(c, 0, sizeof(*c));
}

/* ---- values as text ---- */

const char *vc_export_value(const struct vc_attr *a, size_t k, char *buf)
{
    if (!vc_attr_has(a, k))
        return NULL;
    switch (a->type) {
    case VC_ATTR_BOOL:
        return a->values[k].i ? "true" : "false";
    case VC_ATTR_INT:
    case VC_ATTR_LONG:
        vc_i64_text(buf, a->values[k].i);
        return buf;
    case VC_ATTR_FLOAT:
    case VC_ATTR_DOUBLE:
        if (!isfinite(a->values[k].d))
            return NULL;
        vc_double_text(buf, a->values[k].d);
        return buf;
    case VC_ATTR_STRING:
        return a->values[k].s;
    }
    return NULL;
}

const char *vc_export_value_double(double d, char *buf)
{
    vc_double_text(buf, d);
    return buf;
}

/* ---- categories: distinct strings counted ---- */

struct category {
    const char *value;
    size_t count;
    int slot;            /* palette index, or -1: beyond the palette */
};

struct categories {
    struct category *items;
    size_t n, cap;       /* cap: a power of two */
};

static int categories_add(struct categories *c, const char *s)
{
    uint32_t h = vc_hash(s, strlen(s));
    if (2 * (c->n + 1) > c->cap) {
        size_t ncap = c->cap ? 2 * c->cap : 64;
        struct category *ni = calloc(ncap, sizeof(*ni));
        if (!ni)
            return -1;
        for (size_t i = 0; i < c->cap; i++) {
            if (!c->items[i].value)
                continue;
            size_t j = vc_hash(c->items[i].value, strlen(c->items[i].value)) & (ncap - 1);
            while (ni[j].value)
                j = (j + 1) & (ncap - 1);
            ni[j] = c->items[i];
        }
        free(c->items);
        c->items = ni;
        c->cap = ncap;
    }
    size_t j = h & (c->cap - 1);
    while (c->items[j].value && strcmp(c->items[j].value, s) != 0)
        j = (j + 1) & (c->cap - 1);
    if (!c->items[j].value) {
        c->items[j].value = s;
        c->items[j].slot = -1;
        c->n++;
    }
    c->items[j].count++;
    return 0;
}

static struct category *categories_find(const struct categories *c, const char *s)
{
    size_t j = vc_hash(s, strlen(s)) & (c->cap - 1);
    while (c->items[j].value) {
        if (strcmp(c->items[j].value, s) == 0)
            return &c->items[j];
        j = (j + 1) & (c->cap - 1);
    }
    return NULL;
}

static int by_count_then_name(const void *pa, const void *pb)
{
    const struct category *a = *(const struct category *const *)pa;
    const struct category *b = *(const struct category *const *)pb;
    if (a->count != b->count)
        return a->count > b->count ? -1 : 1;
    return strcmp(a->value, b->value);
}

/*
 * Gives palette slots to the values of a string column: "actor" and "item"
 * (kind) keep fixed colours across graphs; the rest by descending count,
 * ties by name.
 */
static enum vc_status assign_slots(struct categories *c, bool fixed_kinds, struct vc_error *err)
{
    struct category **order = NULL;
    bool used[VC_N_CATEGORY] = { false };
    size_t n = 0;

    if (!c->n)
        return VC_OK;
    order = malloc(c->n * sizeof(*order));
    if (!order)
        return vc_error_set(err, VC_ENOMEM, NULL, 0, 0, "out of memory");
    for (size_t i = 0; i < c->cap; i++)
        if (c->items[i].value)
            order[n++] = &c->items[i];
    qsort(order, n, sizeof(*order), by_count_then_name);
    if (fixed_kinds) {
        for (size_t i = 0; i < n; i++) {
            if (strcasecmp(order[i]->value, "actor") == 0 && !used[0]) {
                order[i]->slot = 0;
                used[0] = true;
            } else if (strcasecmp(order[i]->value, "item") == 0 && !used[1]) {
                order[i]->slot = 1;
                used[1] = true;
            }
        }
    }
    for (size_t i = 0, s = 0; i < n; i++) {
        if (order[i]->slot >= 0)
            continue;
        while (s < VC_N_CATEGORY && used[s])
            s++;
        if (s == VC_N_CATEGORY)
            break;
        order[i]->slot = (int)s;
        used[s] = true;
    }
    free(order);
    return VC_OK;
}

static void set_rgb(struct vc_viz *viz, size_t k, const uint8_t rgb[3])
{
    memcpy(viz->rgb + 3 * k, rgb, 3);
    viz->has_rgb[k] = 1;
}

static enum vc_status colour_by_column(const struct vc_graph *g, const char *column,
                                       struct vc_viz *viz, struct vc_error *err)
{
    const struct vc_attr *a = vc_graph_attr(g, VC_CLASS_NODE, column);
    struct categories cats = { 0, 0, 0 };
    enum vc_status st = VC_OK;

    if (a && a->type != VC_ATTR_STRING)
        a = NULL; /* only text names a category */
    for (size_t k = 0; a && k < g->n_nodes; k++) {
        const char *s = vc_attr_get_string(a, k);
        if (s && *s && categories_add(&cats, s) != 0) {
            st = vc_error_set(err, VC_ENOMEM, NULL, 0, 0, "out of memory");
            goto out;
        }
    }
    if ((st = assign_slots(&cats, strcmp(column, "kind") == 0, err)) != VC_OK)
        goto out;
    for (size_t k = 0; k < g->n_nodes; k++) {
        const char *s = a ? vc_attr_get_string(a, k) : NULL;
        const struct category *c = s && *s ? categories_find(&cats, s) : NULL;
        set_rgb(viz, k, !c             ? vc_palette_rgb(VC_COLOUR_MISSING)
                        : c->slot >= 0 ? vc_palette_category((size_t)c->slot)
                                       : vc_palette_rgb(VC_COLOUR_OTHER));
    }
out:
    free(cats.items);
    return st;
}

static void colour_control_points(const struct vc_graph *g, struct vc_viz *viz)
{
    const struct vc_attr *cp = vc_graph_attr(g, VC_CLASS_NODE, "control_point");
    if (!cp || cp->type == VC_ATTR_STRING)
        return;
    for (size_t k = 0; k < g->n_nodes; k++) {
        double v = vc_attr_get_double(cp, k);
        if (!isnan(v) && v != 0.0)
            set_rgb(viz, k, vc_palette_rgb(VC_COLOUR_CONTROL_POINT));
    }
}

static enum vc_status keep_colours(const struct vc_graph *g, struct vc_viz *viz)
{
    const struct vc_attr *c[3] = { vc_graph_attr(g, VC_CLASS_NODE, "viz_r"),
                                   vc_graph_attr(g, VC_CLASS_NODE, "viz_g"),
                                   vc_graph_attr(g, VC_CLASS_NODE, "viz_b") };
    for (size_t k = 0; k < g->n_nodes; k++) {
        uint8_t rgb[3];
        bool all = true;
        for (int i = 0; i < 3; i++) {
            double v = vc_attr_get_double(c[i], k);
            if (isnan(v)) {
                all = false;
                break;
            }
            rgb[i] = (uint8_t)(v < 0 ? 0 : v > 255 ? 255 : v);
        }
        if (all)
            set_rgb(viz, k, rgb);
    }
    return VC_OK;
}

/* ---- sizes and thickness ---- */

static bool is_numeric(const struct vc_attr *a)
{
    return a && a->type != VC_ATTR_STRING;
}

/* " (numeric node columns: a, b, ...)": what a size or thickness can be
 * read from, for the message when the column asked for is no such. */
static void numeric_columns(const struct vc_graph *g, enum vc_attr_class cls, char *buf,
                            size_t size)
{
    size_t used = 0, n = 0;
    used += (size_t)snprintf(buf, size, " (numeric %s columns: ",
                             cls == VC_CLASS_NODE ? "node" : "edge");
    for (size_t i = 0; i < g->n_attrs && used < size; i++) {
        const struct vc_attr *a = g->attrs[i];
        if (a->cls != cls || !is_numeric(a))
            continue;
        if (used + strlen(a->name) + 8 >= size) {
            used += (size_t)snprintf(buf + used, size - used, ", ...");
            break;
        }
        used += (size_t)snprintf(buf + used, size - used, "%s%s", n++ ? ", " : "", a->name);
    }
    if (!n && used < size)
        used += (size_t)snprintf(buf + used, size - used, "none");
    if (used < size)
        snprintf(buf + used, size - used, ")");
}

/* Scales a's values linearly into [lo, hi]; elements without one get lo. */
static void scale(const struct vc_attr *a, size_t n, double lo, double hi, double *out)
{
    double min = INFINITY, max = -INFINITY;
    for (size_t k = 0; k < n; k++) {
        double v = vc_attr_get_double(a, k);
        if (isfinite(v)) {
            min = v < min ? v : min;
            max = v > max ? v : max;
        }
    }
    for (size_t k = 0; k < n; k++) {
        double v = vc_attr_get_double(a, k);
        if (!isfinite(v))
            out[k] = lo;
        else if (max > min)
            out[k] = lo + (v - min) / (max - min) * (hi - lo);
        else
            out[k] = (lo + hi) / 2;
    }
}

/* Copies a's values as they are; NAN where an element has none. */
static void copy_values(const struct vc_attr *a, size_t n, double *out)
{
    for (size_t k = 0; k < n; k++) {
        double v = vc_attr_get_double(a, k);
        out[k] = isfinite(v) && v >= 0 ? v : NAN;
    }
}

static enum vc_status prepare_size(const struct vc_graph *g, const struct vc_export_opts *o,
                                   struct vc_viz *viz, struct vc_error *err)
{
    const char *by = o->size_by;
    const struct vc_attr *a = NULL;
    bool raw = false;

    if (!by) {
        a = vc_graph_attr(g, VC_CLASS_NODE, "impact");
        if (!is_numeric(a)) {
            a = vc_graph_attr(g, VC_CLASS_NODE, "viz_size");
            raw = true;
        }
        if (!is_numeric(a))
            a = NULL;
    } else if (*by) {
        if (strcmp(by, "keep") == 0)
            by = "viz_size";
        raw = strcmp(by, "viz_size") == 0;
        a = vc_graph_attr(g, VC_CLASS_NODE, by);
        if (!a && raw)
            return vc_error_set(err, VC_EINVAL, NULL, 0, 0,
                                "size: the graph carries no sizes (node column viz_size) "
                                "to keep");
        if (!is_numeric(a)) {
            char cols[440];
            numeric_columns(g, VC_CLASS_NODE, cols, sizeof(cols));
            return vc_error_set(err, VC_EINVAL, NULL, 0, 0,
                                a ? "size: node column \"%s\" holds text, not numbers%s"
                                  : "size: the graph has no node column \"%s\"%s", by, cols);
        }
    }
    viz->size = true;
    viz->node_size = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof(double));
    if (!viz->node_size)
        return vc_error_set(err, VC_ENOMEM, NULL, 0, 0, "out of memory");
    if (!a) {
        for (size_t k = 0; k < g->n_nodes; k++)
            viz->node_size[k] = 10.0;
    } else if (raw) {
        copy_values(a, g->n_nodes, viz->node_size);
    } else {
        scale(a, g->n_nodes, o->size_min, o->size_max, viz->node_size);
    }
    return VC_OK;
}

static enum vc_status prepare_thickness(const struct vc_graph *g,
                                        const struct vc_export_opts *o, struct vc_viz *viz,
                                        struct vc_error *err)
{
    const char *by = o->thickness_by;
    const struct vc_attr *a = NULL;
    bool raw = false;

    if (by && !*by)
        return VC_OK;
    if (!by) {
        static const char *const names[] = { "weight", "share", "viz_thickness" };
        for (int i = 0; i < 3 && !a; i++) {
            a = vc_graph_attr(g, VC_CLASS_EDGE, names[i]);
            if (!is_numeric(a) || a->count == 0)
                a = NULL;
            raw = i == 2;
        }
        if (!a)
            return VC_OK;
    } else {
        if (strcmp(by, "keep") == 0)
            by = "viz_thickness";
        raw = strcmp(by, "viz_thickness") == 0;
        a = vc_graph_attr(g, VC_CLASS_EDGE, by);
        if (!is_numeric(a)) {
            char cols[440];
            numeric_columns(g, VC_CLASS_EDGE, cols, sizeof(cols));
            return vc_error_set(err, VC_EINVAL, NULL, 0, 0,
                                a ? "thickness: edge column \"%s\" holds text, not numbers%s"
                                  : "thickness: the graph has no edge column \"%s\"%s", by,
                                cols);
        }
    }
    viz->thickness = true;
    viz->edge_thickness = malloc((g->n_edges ? g->n_edges : 1) * sizeof(double));
    if (!viz->edge_thickness)
        return vc_error_set(err, VC_ENOMEM, NULL, 0, 0, "out of memory");
    if (raw)
        copy_values(a, g->n_edges, viz->edge_thickness);
    else
        scale(a, g->n_edges, o->thickness_min, o->thickness_max, viz->edge_thickness);
    return VC_OK;
}

/*
 * The meaningful edge weight (--edge-weight): by default the edge's share
 * (provides edges; the engine's share_estimate where the data gives none),
 * else its own weight (supplies, variant_of, input_of when given), else 1
 * (an input_of edge: every essential input is needed whole; an edge of a
 * plain graph).  A column name takes that column's values as they are;
 * "keep" the weights a file carried (viz_weight); VC_VIZ_NONE writes the
 * graph's own weight column as before, if any.
 */
static enum vc_status prepare_weight(const struct vc_graph *g, const struct vc_export_opts *o,
                                     struct vc_viz *viz, struct vc_error *err)
{
    const char *by = o->edge_weight;
    const struct vc_attr *a = NULL;

    if (by && !*by)
        return VC_OK;
    if (by) {
        if (strcmp(by, "keep") == 0)
            by = VC_VIZ_WEIGHT;
        a = vc_graph_attr(g, VC_CLASS_EDGE, by);
        if (!a && strcmp(by, VC_VIZ_WEIGHT) == 0)
            return vc_error_set(err, VC_EINVAL, NULL, 0, 0,
                                "edge weight: the graph carries no weights (edge column "
                                "viz_weight) to keep");
        if (!a)
            return vc_error_set(err, VC_EINVAL, NULL, 0, 0,
                                "edge weight: the graph has no edge column \"%s\"", by);
        if (!is_numeric(a))
            return vc_error_set(err, VC_EINVAL, NULL, 0, 0,
                                "edge weight: edge column \"%s\" holds text, not numbers", by);
    }
    viz->weight = true;
    viz->edge_weight = malloc((g->n_edges ? g->n_edges : 1) * sizeof(double));
    if (!viz->edge_weight)
        return vc_error_set(err, VC_ENOMEM, NULL, 0, 0, "out of memory");
    if (a) {
        for (size_t e = 0; e < g->n_edges; e++) {
            double v = vc_attr_get_double(a, e);
            viz->edge_weight[e] = isfinite(v) ? v : NAN;
        }
        return VC_OK;
    }
    static const char *const order[] = { "share", "share_estimate", "weight" };
    const struct vc_attr *cols[3];
    for (int i = 0; i < 3; i++) {
        cols[i] = vc_graph_attr(g, VC_CLASS_EDGE, order[i]);
        if (!is_numeric(cols[i]))
            cols[i] = NULL;
    }
    for (size_t e = 0; e < g->n_edges; e++) {
        double w = NAN;
        for (int i = 0; i < 3 && !isfinite(w); i++)
            w = vc_attr_get_double(cols[i], e);
        viz->edge_weight[e] = isfinite(w) ? w : 1.0;
    }
    return VC_OK;
}

/* ---- the whole set ---- */

enum vc_status vc_viz_prepare(const struct vc_graph *g, const struct vc_export_opts *opts,
                              struct vc_viz *viz, struct vc_error *err)
{
    static const struct vc_export_opts defaults = VC_EXPORT_OPTS_INIT;
    const struct vc_export_opts *o = opts ? opts : &defaults;
    const struct vc_attr *x, *y;
    enum vc_status st = VC_OK;
    size_t n = g->n_nodes ? g->n_nodes : 1;

    memset(viz, 0, sizeof(*viz));
    /* The weight is data for Gephi's filters and layouts, not a drawing:
     * written with or without the visual properties. */
    if ((st = prepare_weight(g, o, viz, err)) != VC_OK)
        goto out;
    if (!o->viz)
        return VC_OK;
    if (!(o->size_min >= 0 && o->size_max >= o->size_min && o->thickness_min >= 0 &&
          o->thickness_max >= o->thickness_min))
        return vc_error_set(err, VC_EINVAL, NULL, 0, 0,
                            "size and thickness ranges must be 0 <= min <= max");
    if (o->color_by != VC_COLOR_NONE) {
        viz->color = true;
        viz->rgb = malloc(3 * n);
        viz->has_rgb = calloc(n, 1);
        if (!viz->rgb || !viz->has_rgb) {
            st = vc_error_set(err, VC_ENOMEM, NULL, 0, 0, "out of memory");
            goto out;
        }
        switch (o->color_by) {
        case VC_COLOR_KIND: st = colour_by_column(g, "kind", viz, err); break;
        case VC_COLOR_COUNTRY: st = colour_by_column(g, "country", viz, err); break;
        case VC_COLOR_CP:
            for (size_t k = 0; k < g->n_nodes; k++)
                set_rgb(viz, k, vc_palette_rgb(VC_COLOUR_OTHER));
            break;
        case VC_COLOR_KEEP: st = keep_colours(g, viz); break;
        case VC_COLOR_NONE: break;
        }
        if (st != VC_OK)
            goto out;
        if (o->color_by != VC_COLOR_KEEP)
            colour_control_points(g, viz);
    }
    if ((st = prepare_size(g, o, viz, err)) != VC_OK ||
        (st = prepare_thickness(g, o, viz, err)) != VC_OK)
        goto out;
    x = vc_graph_attr(g, VC_CLASS_NODE, "viz_x");
    y = vc_graph_attr(g, VC_CLASS_NODE, "viz_y");
    if (is_numeric(x) && is_numeric(y)) {
        viz->position = true;
        viz->x = x;
        viz->y = y;
    }
out:
    if (st != VC_OK)
        vc_viz_release(viz);
    return st;
}

bool vc_viz_position(const struct vc_viz *viz, size_t k, double *x, double *y)
{
    if (!viz->position)
        return false;
    *x = vc_attr_get_double(viz->x, k);
    *y = vc_attr_get_double(viz->y, k);
    return isfinite(*x) && isfinite(*y);
}

void vc_viz_release(struct vc_viz *viz)
{
    VC_FREE_ALL(viz->rgb, viz->has_rgb, viz->node_size, viz->edge_thickness, viz->edge_weight);
    memset(viz, 0, sizeof(*viz));
}

void vc_viz_write_rgb(struct vc_out *o, const struct vc_viz *viz, size_t k,
                      const char *const sep[4])
{
    if (!viz->color || !viz->has_rgb[k])
        return;
    for (int c = 0; c < 3; c++) {
        vc_out_str(o, sep[c]);
        vc_out_i64(o, viz->rgb[3 * k + (size_t)c]);
    }
    vc_out_str(o, sep[3]);
}
