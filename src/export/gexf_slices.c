/*
 * gexf_slices.c - a comparison graph (vc_comparison_graph) as a dynamic
 * GEXF 1.3 with two time slices, for Gephi's timeline.
 *
 * Opt-in only (docs/compare.md): Gephi steps between the slices, but
 * graphology keeps one value of each dynamic attribute and NetworkX 2.8
 * turns them into tuples, so the static file with both values side by side
 * stays the default.  The rules:
 *  - a node or edge is present at time_a unless its status is "new", at
 *    time_b unless it is "gone" (<spells>, point intervals);
 *  - a pair of columns X_a and X_b of one type becomes one dynamic
 *    attribute X with the value of each side at its time; every other data
 *    column is static (declared in a mode="static" block);
 *  - timeformat="double" (Gephi does not read "integer"), viz elements as
 *    in the static writer (colours, positions, sizes, thickness).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "core/attrname.h"
#include "gexf.h"
#include "vchain/outfile.h"
#include "vchain/export.h"
#include "vchain/version.h"

/* The columns of one class: static ones, and dynamic pairs. */
struct slice_cols {
    struct vc_export_cols all;     /* every data column */
    size_t n_static, n_pairs;
    size_t *stat;                  /* indexes in all */
    size_t *pair_a, *pair_b;       /* indexes in all */
    char **pair_name;              /* exported names of the pairs */
};

static void slice_cols_release(struct slice_cols *s)
{
    for (size_t i = 0; i < s->n_pairs; i++)
        free(s->pair_name[i]);
    VC_FREE_ALL(s->pair_name, s->stat, s->pair_a, s->pair_b);
    vc_export_cols_release(&s->all);
    memset(s, 0, sizeof(*s));
}

static bool ends_with(const char *s, const char *sfx)
{
    size_t n = strlen(s), m = strlen(sfx);
    return n > m && strcmp(s + n - m, sfx) == 0;
}

static enum vc_status slice_cols_collect(const struct vc_graph *g, enum vc_attr_class cls,
                                         struct slice_cols *s, struct vc_error *err)
{
    enum vc_status st;
    size_t n;

    memset(s, 0, sizeof(*s));
    if ((st = vc_export_cols_collect(g, cls, NULL, &s->all, err)) != VC_OK)
        return st;
    n = s->all.n + 1;
    s->stat = malloc(n * sizeof(size_t));
    s->pair_a = malloc(n * sizeof(size_t));
    s->pair_b = malloc(n * sizeof(size_t));
    s->pair_name = calloc(n, sizeof(char *));
    if (!s->stat || !s->pair_a || !s->pair_b || !s->pair_name)
        goto nomem;
    for (size_t i = 0; i < s->all.n; i++) {
        const struct vc_attr *a = s->all.attr[i];
        size_t len = strlen(a->name);
        bool paired = false;
        if (ends_with(a->name, "_a")) {
            for (size_t j = 0; j < s->all.n && !paired; j++) {
                const struct vc_attr *b = s->all.attr[j];
                if (b->type == a->type && strlen(b->name) == len && ends_with(b->name, "_b") &&
                    strncmp(a->name, b->name, len - 2) == 0) {
                    char base[256], esc[264];
                    const char *e;
                    snprintf(base, sizeof(base), "%.*s", (int)(len - 2), a->name);
                    e = vc_attrname_escape(base, esc, sizeof(esc));
                    if (!(s->pair_name[s->n_pairs] = strdup(e)))
                        goto nomem;
                    s->pair_a[s->n_pairs] = i;
                    s->pair_b[s->n_pairs++] = j;
                    paired = true;
                }
            }
        } else if (ends_with(a->name, "_b")) {
            /* paired with its _a column when there is one */
            char want[256];
            snprintf(want, sizeof(want), "%.*s_a", (int)(len - 2), a->name);
            for (size_t j = 0; j < s->all.n && !paired; j++)
                paired = s->all.attr[j]->type == a->type &&
                         strcmp(s->all.attr[j]->name, want) == 0;
        }
        if (!paired)
            s->stat[s->n_static++] = i;
    }
    return VC_OK;
nomem:
    slice_cols_release(s);
    return vc_error_set(err, VC_ENOMEM, NULL, 0, 0, "out of memory");
}

static void decl(struct vc_out *o, const char *name, enum vc_attr_type type)
{
    VC_OUT_LIT(o, "      <attribute");
    vc_out_xml_attr(o, "id", name);
    vc_out_xml_attr(o, "title", name);
    vc_out_xml_attr(o, "type", vc_gexf_type(type));
    VC_OUT_LIT(o, "/>\n");
}

static void write_decls(struct vc_out *o, const char *cls, const struct slice_cols *s)
{
    if (s->n_static) {
        VC_OUT_LIT(o, "    <attributes class=\"");
        vc_out_str(o, cls);
        VC_OUT_LIT(o, "\" mode=\"static\">\n");
        for (size_t i = 0; i < s->n_static; i++)
            decl(o, s->all.name[s->stat[i]], s->all.attr[s->stat[i]]->type);
        VC_OUT_LIT(o, "    </attributes>\n");
    }
    if (s->n_pairs) {
        VC_OUT_LIT(o, "    <attributes class=\"");
        vc_out_str(o, cls);
        VC_OUT_LIT(o, "\" mode=\"dynamic\">\n");
        for (size_t i = 0; i < s->n_pairs; i++)
            decl(o, s->pair_name[i], s->all.attr[s->pair_a[i]]->type);
        VC_OUT_LIT(o, "    </attributes>\n");
    }
}

static void time_attrs(struct vc_out *o, double t)
{
    VC_OUT_LIT(o, " start=\"");
    vc_out_double(o, t);
    VC_OUT_LIT(o, "\" end=\"");
    vc_out_double(o, t);
    vc_out_char(o, '"');
}

static void attvalue(struct vc_out *o, const char *name, const char *value, const double *t)
{
    VC_OUT_LIT(o, "<attvalue for=\"");
    vc_out_xml(o, name);
    VC_OUT_LIT(o, "\" value=\"");
    vc_out_xml(o, value);
    vc_out_char(o, '"');
    if (t)
        time_attrs(o, *t);
    VC_OUT_LIT(o, "/>");
}

static void write_values(struct vc_out *o, const struct slice_cols *s, size_t k, double ta,
                         double tb)
{
    char buf[40];
    bool open = false;
#define OPEN() do { if (!open) { VC_OUT_LIT(o, "<attvalues>"); open = true; } } while (0)
    for (size_t i = 0; i < s->n_static; i++) {
        const char *v = vc_export_value(s->all.attr[s->stat[i]], k, buf);
        if (!v)
            continue;
        OPEN();
        attvalue(o, s->all.name[s->stat[i]], v, NULL);
    }
    for (size_t i = 0; i < s->n_pairs; i++) {
        const char *v = vc_export_value(s->all.attr[s->pair_a[i]], k, buf);
        if (v) {
            OPEN();
            attvalue(o, s->pair_name[i], v, &ta);
        }
        v = vc_export_value(s->all.attr[s->pair_b[i]], k, buf);
        if (v) {
            OPEN();
            attvalue(o, s->pair_name[i], v, &tb);
        }
    }
#undef OPEN
    if (open)
        VC_OUT_LIT(o, "</attvalues>");
}

static void write_spells(struct vc_out *o, const struct vc_attr *status, size_t k, double ta,
                         double tb)
{
    const char *s = vc_attr_get_string(status, k);
    VC_OUT_LIT(o, "<spells>");
    if (!s || strcmp(s, "new") != 0) {
        VC_OUT_LIT(o, "<spell");
        time_attrs(o, ta);
        VC_OUT_LIT(o, "/>");
    }
    if (!s || strcmp(s, "gone") != 0) {
        VC_OUT_LIT(o, "<spell");
        time_attrs(o, tb);
        VC_OUT_LIT(o, "/>");
    }
    VC_OUT_LIT(o, "</spells>");
}

enum vc_status vc_gexf_slices_write(const struct vc_graph *g, double ta, double tb,
                                    const struct vc_export_opts *opts, FILE *out,
                                    struct vc_error *err)
{
    static const struct vc_export_opts defaults = VC_EXPORT_OPTS_INIT;
    const struct vc_export_opts *eo = opts ? opts : &defaults;
    const struct vc_attr *nstatus = vc_graph_attr(g, VC_CLASS_NODE, "status");
    const struct vc_attr *estatus = vc_graph_attr(g, VC_CLASS_EDGE, "status");
    const struct vc_attr *nlabel = vc_export_label(g, VC_CLASS_NODE);
    struct vc_viz viz = VC_VIZ_INIT;
    struct slice_cols nc, ec;
    struct vc_out *o = NULL;
    enum vc_status st;

    memset(&nc, 0, sizeof(nc));
    memset(&ec, 0, sizeof(ec));
    if (!(isfinite(ta) && isfinite(tb) && ta < tb))
        return vc_error_set(err, VC_EINVAL, NULL, 0, 0,
                            "time slices must be two finite times, the first earlier");
    if ((st = vc_viz_prepare(g, eo, &viz, err)) != VC_OK ||
        (st = slice_cols_collect(g, VC_CLASS_NODE, &nc, err)) != VC_OK ||
        (st = slice_cols_collect(g, VC_CLASS_EDGE, &ec, err)) != VC_OK)
        goto out;
    if (!(o = malloc(sizeof(*o)))) {
        st = vc_error_set(err, VC_ENOMEM, NULL, 0, 0, "out of memory");
        goto out;
    }
    vc_out_init(o, out);
    VC_OUT_LIT(o, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" "
               "version=\"1.3\">\n"
               "  <meta>\n    <creator>vchain " VC_VERSION_STRING "</creator>\n");
    if (g->desc && *g->desc) {
        VC_OUT_LIT(o, "    <description>");
        vc_out_xml(o, g->desc);
        VC_OUT_LIT(o, "</description>\n");
    }
    VC_OUT_LIT(o, "  </meta>\n  <graph defaultedgetype=\"");
    vc_out_str(o, g->directed ? "directed" : "undirected");
    VC_OUT_LIT(o, "\" mode=\"dynamic\" timeformat=\"double\" timerepresentation=\"interval\">\n");
    write_decls(o, "node", &nc);
    write_decls(o, "edge", &ec);
    VC_OUT_LIT(o, "    <nodes>\n");
    for (size_t k = 0; k < g->n_nodes; k++) {
        vc_gexf_node_open(o, g, nlabel, k);
        write_values(o, &nc, k, ta, tb);
        write_spells(o, nstatus, k, ta, tb);
        vc_gexf_node_viz(o, &viz, k);
        VC_OUT_LIT(o, "</node>\n");
    }
    VC_OUT_LIT(o, "    </nodes>\n    <edges>\n");
    for (size_t e = 0; e < g->n_edges; e++) {
        VC_OUT_LIT(o, "      <edge id=\"e");
        vc_out_i64(o, (int64_t)e);
        vc_out_char(o, '"');
        vc_gexf_edge_ends(o, g, e);
        vc_out_char(o, '>');
        write_values(o, &ec, e, ta, tb);
        write_spells(o, estatus, e, ta, tb);
        vc_gexf_edge_viz(o, &viz, e);
        VC_OUT_LIT(o, "</edge>\n");
    }
    VC_OUT_LIT(o, "    </edges>\n  </graph>\n</gexf>\n");
    st = vc_out_finish(o, err);
out:
    free(o);
    slice_cols_release(&nc);
    slice_cols_release(&ec);
    vc_viz_release(&viz);
    return st;
}

enum vc_status vc_gexf_slices_file(const struct vc_graph *g, const char *path, double ta,
                                   double tb, const struct vc_export_opts *opts,
                                   struct vc_error *err)
{
    struct vc_outfile o = VC_OUTFILE_INIT;
    enum vc_status st = vc_outfile_open(&o, path, err);
    if (st != VC_OK)
        return st;
    if ((st = vc_gexf_slices_write(g, ta, tb, opts, o.fp, err)) != VC_OK)
        return vc_outfile_fail(&o, st, err);
    return vc_outfile_commit(&o, err);
}
