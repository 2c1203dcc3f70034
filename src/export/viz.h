/*
 * viz.h - what the exporters share: visual properties derived from columns
 * (node colour, size and position, edge thickness), the roles of columns
 * (data, label, weight, visual) and value formatting.
 */
#ifndef VC_EXPORT_VIZ_H
#define VC_EXPORT_VIZ_H

#include <stdint.h>

#include "vchain/export.h"

struct vc_viz {
    bool color, size, position, thickness;
    /* The edge weight written as the format's own weight (GEXF weight,
     * GraphML key "weight", CSV Weight, JSON link weight): the meaningful
     * weight (--edge-weight).  When set, the graph's own "weight" column is
     * written as the data column vc_weight instead. */
    bool weight;
    uint8_t *rgb;              /* 3 per node; has_rgb says which are set */
    uint8_t *has_rgb;
    double *node_size;         /* per node */
    const struct vc_attr *x, *y;
    double *edge_thickness;    /* per edge; NAN: none */
    double *edge_weight;       /* per edge; NAN: none */
};

#define VC_VIZ_INIT { false, false, false, false, false, 0, 0, 0, 0, 0, 0, 0 }

/* The column that carries the meaningful weight in the formats that have no
 * separate name for it (GEXF, CSV): its presence tells vchain's readers that
 * the format's own weight repeats it rather than being the link weight. */
#define VC_VIZ_WEIGHT "viz_weight"

enum vc_status vc_viz_prepare(const struct vc_graph *g, const struct vc_export_opts *opts,
                              struct vc_viz *viz, struct vc_error *err);
void vc_viz_release(struct vc_viz *viz);

/* Node k's position, when it has one. */
bool vc_viz_position(const struct vc_viz *viz, size_t k, double *x, double *y);

/* Writes node k's colour, when it has one, as sep[0] r sep[1] g sep[2] b
 * sep[3] (GEXF's viz:color attributes, GraphML's r, g and b data). */
struct vc_out;
void vc_viz_write_rgb(struct vc_out *o, const struct vc_viz *viz, size_t k,
                      const char *const sep[4]);

/* Whether a column is visual (viz_*): never written as data. */
bool vc_export_is_visual(const struct vc_attr *a);
/* Node "label" (string): the format's node or edge label. */
bool vc_export_is_label(const struct vc_attr *a);
/* Edge "weight" (double): the format's edge weight unless a meaningful
 * weight (viz->weight) takes its place. */
bool vc_export_is_weight(const struct vc_attr *a);

/* The node label column and edge label column, or NULL. */
const struct vc_attr *vc_export_label(const struct vc_graph *g, enum vc_attr_class cls);
/* The graph's own edge weight column when it is written as the format's
 * weight (viz NULL or no meaningful weight), else NULL. */
const struct vc_attr *vc_export_weight(const struct vc_graph *g, const struct vc_viz *viz);
/* Edge e's weight as the format's own weight: the meaningful weight, else
 * the graph's weight column (own, from vc_export_weight); NAN when none. */
double vc_export_edge_weight(const struct vc_viz *viz, const struct vc_attr *own, size_t e);

/* The data columns of one class, in graph order, with their exported
 * (escaped) names: every column that is not visual and not written as the
 * format's label or weight (viz may be NULL: the weight column is then the
 * format's weight). */
struct vc_export_cols {
    size_t n;
    const struct vc_attr **attr;
    char **name;
};

enum vc_status vc_export_cols_collect(const struct vc_graph *g, enum vc_attr_class cls,
                                      const struct vc_viz *viz, struct vc_export_cols *c,
                                      struct vc_error *err);
void vc_export_cols_release(struct vc_export_cols *c);

/* A value as text (bool true/false, numbers, string as is) in buf (>= 40
 * bytes); NULL when the element has no value or it is not finite. */
const char *vc_export_value(const struct vc_attr *a, size_t k, char *buf);
/* A finite double as text in buf (>= 40 bytes); returns buf. */
const char *vc_export_value_double(double d, char *buf);


#endif
