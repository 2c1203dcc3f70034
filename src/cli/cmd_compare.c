/*
 * cmd_compare.c - `vchain compare A B`: what changed between two value
 * chains (years, releases, scenarios): the alignment of their nodes, shares
 * per provision, concentration per item, impact and control points per
 * actor and per country; and both sides as one graph for Gephi.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli_compare.h"

static const char usage[] =
    "Usage: vchain compare [OPTIONS] A B\n"
    "\n"
    "Scores the value chains A and B (GraphML, GEXF or folders of CSV tables: two\n"
    "years, two releases, two scenarios) and reports what changed from A to B,\n"
    "largest change first: every provision whose share changed, providers\n"
    "entering and leaving; items whose concentration (HHI) changed; actors and\n"
    "countries whose impact changed, with the control points they gained, lost\n"
    "and kept; the control points themselves; and the nodes that could not be\n"
    "aligned.  Nodes are aligned by id, and those whose id the other side lacks by\n"
    "label (docs/compare.md).\n"
    "\n"
    "Options:\n"
    "  --align auto|id|label how to pair nodes: by id, then by label (auto, the\n"
    "                        default), by id only, or by label only\n"
    "  --table NAME          one table only: provisions, items, actors, countries,\n"
    "                        control-points or unaligned (default: all of them)\n"
    "  --all                 unchanged rows too\n"
    "  --top N               at most N rows per table\n"
    "  --format FMT          text (default on a terminal), tsv (default otherwise),\n"
    "                        csv, json (one object of tables, also with --table;\n"
    "                        docs/schema/compare.schema.json) or md\n"
    "  --export OUT          write both sides as one graph: every node and edge with\n"
    "                        its status (new, gone, grew, shrank, same), both values\n"
    "                        and a colour by status; the format from OUT's extension\n"
    "                        (.gexf .graphml .json .csv), as for 'vchain export'\n"
    "  --gexf-version V      1.2 (default) or 1.3\n"
    "  --dynamic [TA,TB]     with --export: a GEXF 1.3 with two time slices, A at\n"
    "                        time TA and B at TB (default 1,2), for Gephi's timeline\n"
    "  --report OUT.html     also draw what changed on one self-contained page:\n"
    "                        control points gained and lost, the biggest share moves\n"
    "  -h, --help            this help\n"
    "\n" CLI_ENGINE_HELP "\n" CLI_INPUT_HELP
    "\n"
    "Columns end in _a (the value in A), _b (in B) and d_ (B minus A).  Status:\n"
    "new (only in B), gone (only in A), grew, shrank, same (a change below 1e-9).\n"
    "Shares are fractions; HHI at the --level provider level; impact is the\n"
    "value-weighted mean loss of final items when the actor is extracted.\n"
    "TSV and CSV print the tables one after the other, separated by a blank line;\n"
    "JSON prints one object with a member per table.\n"
    "\n"
    "Exit status: 0 success, 1 data error, 2 usage error.\n";

enum table { T_ALL, T_PROVISIONS, T_ITEMS, T_ACTORS, T_COUNTRIES, T_CP, T_UNALIGNED };

/* ---- tables ---- */

static const char *label_of(const struct vc_chain *c, uint32_t v)
{
    return v == UINT32_MAX ? NULL : c->label[v];
}

/* The node's label, from B when it is there. */
static const char *either_label(const struct vc_comparison *c, uint32_t a, uint32_t b)
{
    return b != UINT32_MAX ? c->b->chain->label[b] : label_of(c->a->chain, a);
}

static void prov_ends(const struct vc_comparison *c, const struct vc_cmp_provision *p,
                      const struct vc_analysis **an, const struct vc_provision_score **s)
{
    *an = p->pb != SIZE_MAX ? c->b : c->a;
    *s = &(*an)->provisions[p->pb != SIZE_MAX ? p->pb : p->pa];
}

static bool limit(const struct cli_compare_view *v, size_t rows)
{
    return v->top && (long)rows >= v->top;
}

static void provisions_table(const struct vc_comparison *c, const struct cli_compare_view *v,
                             struct cli_table *t)
{
    static const struct cli_col cols[] = {
        { "item", CLI_COL_TEXT }, { "actor", CLI_COL_TEXT }, { "country", CLI_COL_TEXT },
        { "level", CLI_COL_TEXT, .drop = 2 }, { "status", CLI_COL_TEXT },
        { "share_a", CLI_COL_NUM }, { "share_b", CLI_COL_NUM }, { "d_share", CLI_COL_NUM },
        { "estimated", CLI_COL_BOOL, .drop = 1 }, { "cp_status", CLI_COL_TEXT },
    };
    CLI_TABLE_COLS(t, cols);
    for (size_t j = 0; j < c->n_provisions && !limit(v, t->n_rows); j++) {
        const struct vc_cmp_provision *p = &c->provisions[j];
        const struct vc_analysis *an;
        const struct vc_provision_score *s;
        bool est = (p->pa != SIZE_MAX && !c->a->provisions[p->pa].share_known) ||
                   (p->pb != SIZE_MAX && !c->b->provisions[p->pb].share_known);
        if (!v->all && p->status == VC_CHANGE_SAME && p->cp != VC_CP_GAINED &&
            p->cp != VC_CP_LOST)
            continue;
        prov_ends(c, p, &an, &s);
        cli_table_row(t);
        cli_table_text(t, an->chain->label[s->item]);
        cli_table_text(t, an->chain->label[s->actor]);
        cli_table_text(t, an->chain->country[s->actor]);
        cli_table_text(t, vc_level_name(s->level));
        cli_table_text(t, vc_change_name(p->status));
        cli_table_num(t, p->share_a);
        cli_table_num(t, p->share_b);
        cli_table_num(t, p->d_share);
        cli_table_bool(t, est);
        cli_table_text(t, vc_cp_change_name(p->cp));
    }
}

static bool node_changed(const struct vc_cmp_node *e)
{
    return e->status != VC_CHANGE_SAME || e->entered || e->left || e->cp_gained || e->cp_lost;
}

static void items_table(const struct vc_comparison *c, const struct cli_compare_view *v,
                        struct cli_table *t)
{
    static const struct cli_col cols[] = {
        { "item", CLI_COL_TEXT }, { "status", CLI_COL_TEXT }, { "hhi_a", CLI_COL_NUM },
        { "hhi_b", CLI_COL_NUM }, { "d_hhi", CLI_COL_NUM },
        { "top_share_a", CLI_COL_NUM, .drop = 2 }, { "top_share_b", CLI_COL_NUM, .drop = 2 },
        { "providers_a", CLI_COL_INT, .drop = 3 }, { "providers_b", CLI_COL_INT, .drop = 3 },
        { "entered", CLI_COL_INT, .drop = 4 }, { "left", CLI_COL_INT, .drop = 4 },
        { "impact_a", CLI_COL_NUM, .drop = 1 }, { "impact_b", CLI_COL_NUM, .drop = 1 },
        { "cp_gained", CLI_COL_INT }, { "cp_lost", CLI_COL_INT },
    };
    CLI_TABLE_COLS(t, cols);
    for (size_t j = 0; j < c->n_items && !limit(v, t->n_rows); j++) {
        const struct vc_cmp_node *e = &c->items[j];
        if (!v->all && !node_changed(e))
            continue;
        cli_table_row(t);
        cli_table_text(t, either_label(c, e->a, e->b));
        cli_table_text(t, vc_change_name(e->status));
        cli_table_num(t, e->hhi_a);
        cli_table_num(t, e->hhi_b);
        cli_table_num(t, e->d_hhi);
        cli_table_num(t, e->top_a);
        cli_table_num(t, e->top_b);
        if (e->a != UINT32_MAX)
            cli_table_int(t, e->providers_a);
        else
            cli_table_none(t);
        if (e->b != UINT32_MAX)
            cli_table_int(t, e->providers_b);
        else
            cli_table_none(t);
        cli_table_int(t, (long long)e->entered);
        cli_table_int(t, (long long)e->left);
        cli_table_num(t, e->impact_a);
        cli_table_num(t, e->impact_b);
        cli_table_int(t, (long long)e->cp_gained);
        cli_table_int(t, (long long)e->cp_lost);
    }
}

/* What the actors and countries tables share in each row: the holder's
 * impact and the control points it holds, in A and in B. */
static void holder_cells(struct cli_table *t, enum vc_change status, const double impact[3],
                         const size_t cp[5])
{
    cli_table_text(t, vc_change_name(status));
    for (int i = 0; i < 3; i++)
        cli_table_num(t, impact[i]);
    for (int i = 0; i < 5; i++)
        cli_table_int(t, (long long)cp[i]);
}

static void actors_table(const struct vc_comparison *c, const struct cli_compare_view *v,
                         struct cli_table *t)
{
    static const struct cli_col cols[] = {
        { "actor", CLI_COL_TEXT }, { "country", CLI_COL_TEXT },
        { "level", CLI_COL_TEXT, .drop = 2 }, { "status", CLI_COL_TEXT },
        { "impact_a", CLI_COL_NUM }, { "impact_b", CLI_COL_NUM }, { "d_impact", CLI_COL_NUM },
        { "cp_a", CLI_COL_INT, .drop = 3 }, { "cp_b", CLI_COL_INT, .drop = 3 },
        { "cp_gained", CLI_COL_INT }, { "cp_lost", CLI_COL_INT },
        { "cp_kept", CLI_COL_INT, .drop = 1 },
    };
    CLI_TABLE_COLS(t, cols);
    for (size_t j = 0; j < c->n_actors && !limit(v, t->n_rows); j++) {
        const struct vc_cmp_node *e = &c->actors[j];
        const struct vc_chain *ch = e->b != UINT32_MAX ? c->b->chain : c->a->chain;
        uint32_t node = e->b != UINT32_MAX ? e->b : e->a;
        if (!v->all && !node_changed(e))
            continue;
        cli_table_row(t);
        cli_table_text(t, ch->label[node]);
        cli_table_text(t, ch->country[node]);
        cli_table_text(t, vc_level_name((enum vc_level)ch->level[node]));
        holder_cells(t, e->status, (const double[3]){ e->impact_a, e->impact_b, e->d_impact },
                     (const size_t[5]){ e->cp_a, e->cp_b, e->cp_gained, e->cp_lost,
                                        e->cp_kept });
    }
}

static void countries_table(const struct vc_comparison *c, const struct cli_compare_view *v,
                            struct cli_table *t)
{
    static const struct cli_col cols[] = {
        { "country", CLI_COL_TEXT }, { "name", CLI_COL_TEXT }, { "status", CLI_COL_TEXT },
        { "impact_a", CLI_COL_NUM }, { "impact_b", CLI_COL_NUM }, { "d_impact", CLI_COL_NUM },
        { "cp_a", CLI_COL_INT, .drop = 3 }, { "cp_b", CLI_COL_INT, .drop = 3 },
        { "cp_gained", CLI_COL_INT }, { "cp_lost", CLI_COL_INT },
        { "cp_kept", CLI_COL_INT, .drop = 1 },
    };
    CLI_TABLE_COLS(t, cols);
    for (size_t j = 0; j < c->n_countries && !limit(v, t->n_rows); j++) {
        const struct vc_cmp_country *k = &c->countries[j];
        if (!v->all && k->status == VC_CHANGE_SAME && !k->cp_gained && !k->cp_lost)
            continue;
        cli_table_row(t);
        cli_table_text(t, k->code);
        cli_table_text(t, vc_country_name(k->code));
        holder_cells(t, k->status, (const double[3]){ k->impact_a, k->impact_b, k->d_impact },
                     (const size_t[5]){ k->cp_a, k->cp_b, k->cp_gained, k->cp_lost,
                                        k->cp_kept });
    }
}

void cli_compare_cp_table(const struct vc_comparison *c, const struct cli_compare_view *v,
                          struct cli_table *t)
{
    static const enum vc_cp_change order[] = { VC_CP_GAINED, VC_CP_LOST, VC_CP_KEPT };
    static const struct cli_col cols[] = {
        { "cp_status", CLI_COL_TEXT }, { "actor", CLI_COL_TEXT }, { "country", CLI_COL_TEXT },
        { "item", CLI_COL_TEXT }, { "share_a", CLI_COL_NUM }, { "share_b", CLI_COL_NUM },
        { "impact_a", CLI_COL_NUM }, { "impact_b", CLI_COL_NUM },
        { "persistence", CLI_COL_TEXT, .under = true },
    };
    CLI_TABLE_COLS(t, cols);
    for (size_t o = 0; o < 3; o++) {
        for (size_t j = 0; j < c->n_provisions && !limit(v, t->n_rows); j++) {
            const struct vc_cmp_provision *p = &c->provisions[j];
            const struct vc_analysis *an;
            const struct vc_provision_score *s;
            if (p->cp != order[o])
                continue;
            prov_ends(c, p, &an, &s);
            cli_table_row(t);
            cli_table_text(t, vc_cp_change_name(p->cp));
            cli_table_text(t, an->chain->label[s->actor]);
            cli_table_text(t, an->chain->country[s->actor]);
            cli_table_text(t, an->chain->label[s->item]);
            cli_table_num(t, p->share_a);
            cli_table_num(t, p->share_b);
            cli_table_num(t, p->pa != SIZE_MAX ? c->a->provisions[p->pa].impact : NAN);
            cli_table_num(t, p->pb != SIZE_MAX ? c->b->provisions[p->pb].impact : NAN);
            /* MODEL.md: one that holds in only one of the two is less firm */
            cli_table_text(t, p->cp == VC_CP_KEPT ? "persistent: in both"
                              : p->cp == VC_CP_GAINED ? "only in B" : "only in A");
        }
        /* suppliers of a firm network: item is the supply group, share the
         * supplier's largest part of a customer's group */
        for (size_t j = 0; j < c->n_actors && !limit(v, t->n_rows); j++) {
            const struct vc_cmp_node *r = &c->actors[j];
            const struct vc_firm_score *fa = r->a != UINT32_MAX ? vc_analysis_firm(c->a, r->a)
                                                                : NULL;
            const struct vc_firm_score *fb = r->b != UINT32_MAX ? vc_analysis_firm(c->b, r->b)
                                                                : NULL;
            bool in_a = fa && fa->control_point, in_b = fb && fb->control_point;
            enum vc_cp_change cp = in_a && in_b ? VC_CP_KEPT : in_a ? VC_CP_LOST
                                   : in_b ? VC_CP_GAINED : VC_CP_NONE;
            const struct vc_firm_score *f = fb ? fb : fa;
            const struct vc_chain *ch = fb ? c->b->chain : c->a->chain;
            if (cp != order[o])
                continue;
            cli_table_row(t);
            cli_table_text(t, vc_cp_change_name(cp));
            cli_table_text(t, ch->label[f->actor]);
            cli_table_text(t, ch->country[f->actor]);
            cli_table_text(t, f->top_group ? f->top_group : "supply");
            cli_table_num(t, fa ? fa->share_max : NAN);
            cli_table_num(t, fb ? fb->share_max : NAN);
            cli_table_num(t, r->impact_a);
            cli_table_num(t, r->impact_b);
            cli_table_text(t, cp == VC_CP_KEPT ? "persistent: in both"
                              : cp == VC_CP_GAINED ? "only in B" : "only in A");
        }
    }
}

static void unaligned_table(const struct vc_comparison *c, const struct cli_compare_view *v,
                            struct cli_table *t)
{
    const struct vc_alignment *al = &c->align;
    static const struct cli_col cols[] = {
        { "side", CLI_COL_TEXT }, { "id", CLI_COL_TEXT }, { "label", CLI_COL_TEXT },
        { "kind", CLI_COL_TEXT }, { "why", CLI_COL_TEXT, .under = true },
    };
    CLI_TABLE_COLS(t, cols);
    for (int side = 0; side < 2; side++) {
        const struct vc_chain *ch = side ? c->b->chain : c->a->chain;
        const uint32_t *map = side ? al->b_to_a : al->a_to_b;
        const uint8_t *how = side ? al->how_b : al->how_a;
        for (size_t k = 0; k < ch->n_nodes && !limit(v, t->n_rows); k++) {
            if (map[k] != UINT32_MAX)
                continue;
            cli_table_row(t);
            cli_table_text(t, side ? "b" : "a");
            cli_table_text(t, ch->graph->node_id[k]);
            cli_table_text(t, ch->label[k]);
            cli_table_text(t, vc_kind_name((enum vc_kind)ch->kind[k]));
            cli_table_text(t, how[k] == VC_MATCH_AMBIGUOUS
                                  ? "its label names several nodes on one side"
                                  : side ? "only in B" : "only in A");
        }
    }
}

/* ---- export ---- */

int cli_compare_write(const struct vc_comparison *c, const struct cli_compare_export *x,
                      const double *loss_a)
{
    struct vc_graph g;
    struct vc_error err = VC_ERROR_INIT;
    struct vc_export_opts eo = VC_EXPORT_OPTS_INIT;
    enum vc_export_format fmt = x->fmt;
    int rc = EXIT_OK;

    if (vc_comparison_graph(c, &g, &err) != VC_OK)
        return cli_report(&err);
    if (loss_a) {
        struct vc_attr *loss;
        enum vc_status st = vc_graph_attr_add(&g, VC_CLASS_NODE, "loss", VC_ATTR_DOUBLE, &loss,
                                              &err);
        for (size_t k = 0; st == VC_OK && k < c->a->n; k++)
            st = vc_attr_set_double(loss, k, loss_a[k], &err);
        if (st != VC_OK) {
            vc_graph_release(&g);
            return cli_report(&err);
        }
    }
    eo.gexf_version = x->version;
    eo.color_by = VC_COLOR_KEEP;      /* the status colours the graph carries */
    eo.size_by = "change";
    eo.thickness_by = "share_max";
    eo.csv_raw = cli.csv_raw;
    eo.edge_weight = "share_max";    /* Gephi's weight: the larger side's share */
    if (fmt != VC_EXPORT_CSV && vc_layout_compute(&g, VC_LAYOUT_LAYERED, NULL, &err) != VC_OK)
        rc = cli_report(&err);
    else if (x->dynamic && vc_gexf_slices_file(&g, x->path, x->time_a, x->time_b, &eo, &err) !=
                               VC_OK)
        rc = cli_report(&err);
    else if (!x->dynamic && vc_export_file(&g, fmt, x->path, &eo, &err) != VC_OK)
        rc = cli_report(&err);
    vc_graph_release(&g);
    return rc;
}

/* ---- the command ---- */

static void print_summary(const struct vc_comparison *c, const char *pa, const char *pb,
                          struct cli_sections *s)
{
    const struct vc_alignment *al = &c->align;
    size_t changed = 0;

    for (size_t j = 0; j < c->n_provisions; j++)
        changed += c->provisions[j].status != VC_CHANGE_SAME;
    for (size_t j = 0; j < c->n_items; j++)
        changed += node_changed(&c->items[j]);
    for (size_t j = 0; j < c->n_actors; j++)
        changed += node_changed(&c->actors[j]);
    if (s->fmt == FMT_JSON) {
        cli_section_value(s, "a", pa, 0, CLI_COL_TEXT);
        cli_section_value(s, "b", pb, 0, CLI_COL_TEXT);
        cli_section_value(s, "aligned_by_id", NULL, (double)al->by_id, CLI_COL_INT);
        cli_section_value(s, "aligned_by_label", NULL, (double)al->by_label, CLI_COL_INT);
        cli_section_value(s, "only_a", NULL, (double)al->only_a, CLI_COL_INT);
        cli_section_value(s, "only_b", NULL, (double)al->only_b, CLI_COL_INT);
        cli_section_value(s, "cp_gained", NULL, (double)c->cp_gained, CLI_COL_INT);
        cli_section_value(s, "cp_lost", NULL, (double)c->cp_lost, CLI_COL_INT);
        cli_section_value(s, "cp_kept", NULL, (double)c->cp_kept, CLI_COL_INT);
        cli_section_value(s, "changed", NULL, (double)changed, CLI_COL_INT);
        return;
    }
    if (s->fmt != FMT_TEXT && s->fmt != FMT_MD)
        return;
    printf("A: %s\nB: %s\n", cli_safe(pa), cli_safe(pb));
    printf("Aligned %zu nodes by id and %zu by label; %zu only in A, %zu only in B.\n",
           al->by_id, al->by_label, al->only_a, al->only_b);
    printf("Control points: %zu gained, %zu lost, %zu persistent.\n", c->cp_gained, c->cp_lost,
           c->cp_kept);
    if (!changed && !al->only_a && !al->only_b)
        printf("No change.\n");
    s->n++;
}

/* What an empty table means, in the words of the table. */
static const char *empty_hint(int table, const struct cli_compare_view *v)
{
    if (table == T_UNALIGNED)
        return "every node of A has its counterpart in B";
    if (table == T_CP)
        return "no control point in A or in B (vchain rank says why)";
    return v->all ? "nothing to compare in either" : "nothing changed; --all lists the "
                                                    "unchanged rows too";
}

static int print_all(const struct vc_comparison *c, const struct cli_compare_view *v,
                     int which, const char *pa, const char *pb)
{
    static const struct {
        int t;
        const char *key, *title;
        void (*fill)(const struct vc_comparison *, const struct cli_compare_view *,
                     struct cli_table *);
    } tables[] = {
        { T_PROVISIONS, "provisions", "Shares that changed (providers entering: new; "
          "leaving: gone)", provisions_table },
        { T_ITEMS, "items", "Items whose concentration or providers changed", items_table },
        { T_ACTORS, "actors", "Actors whose impact or control points changed", actors_table },
        { T_COUNTRIES, "countries", "Countries whose impact or control points changed",
          countries_table },
        { T_CP, "control_points", "Control points gained, lost and persistent",
          cli_compare_cp_table },
        { T_UNALIGNED, "unaligned", "Nodes not aligned", unaligned_table },
    };
    struct cli_sections s;
    int rc = 0;
    /* JSON is always the object of tables, --table one member of it */
    bool sections = which == T_ALL || v->fmt == FMT_JSON;

    cli_sections_begin(&s, v->fmt);
    if (which == T_ALL)
        print_summary(c, pa, pb, &s);
    for (size_t i = 0; i < sizeof(tables) / sizeof(tables[0]) && !rc; i++) {
        struct cli_table t;
        if (which != T_ALL && which != tables[i].t)
            continue;
        cli_table_init(&t);
        tables[i].fill(c, v, &t);
        /* all tables: the summary above says what changed */
        rc = cli_section_table(&s, sections, tables[i].key, tables[i].title, &t,
                               which == T_ALL ? NULL : empty_hint(which, v));
    }
    if (sections)
        cli_sections_end(&s);
    return rc ? EXIT_DATA : EXIT_OK;
}

/* "--dynamic" takes an optional "TA,TB". */
static int parse_times(const char *arg, double *ta, double *tb)
{
    char *end;
    *ta = strtod(arg, &end);
    if (end == arg || *end != ',')
        return -1;
    arg = end + 1;
    *tb = strtod(arg, &end);
    return end == arg || *end || !isfinite(*ta) || !isfinite(*tb) || !(*ta < *tb) ? -1 : 0;
}

/* --report OUT.html: what changed, drawn (vc_report_compare_html). */
static int write_report(const struct vc_comparison *cmp, const char *path, const char *a,
                        const char *b, const struct cli_engine *eng, long top)
{
    struct vc_report_opts ro = VC_REPORT_OPTS_INIT;
    struct vc_outfile of = VC_OUTFILE_INIT;
    struct vc_error err = VC_ERROR_INIT;
    char date[32], params[256], title[1024];

    cli_report_date(date, sizeof(date));
    cli_report_params(&eng->opts, params, sizeof(params));
    snprintf(title, sizeof(title), "%s and %s", a, b);
    ro.title = title;
    ro.date = date;
    ro.params = params;
    ro.top = top > 0 ? (size_t)top : 20;
    if (vc_outfile_open(&of, path, &err) != VC_OK)
        return cli_report(&err);
    if (vc_report_compare_html(cmp, a, b, &ro, of.fp, &err) != VC_OK) {
        vc_outfile_fail(&of, VC_EIO, &err);
        return cli_report(&err);
    }
    return vc_outfile_commit(&of, &err) == VC_OK ? EXIT_OK : cli_report(&err);
}

struct compare_opts {
    int align;                      /* VC_ALIGN_* */
    int which;                      /* --table: T_* */
    bool all;
    struct cli_compare_export x;
    const char *report;             /* --report, or NULL */
    const char *a, *b;              /* the inputs' names */
};

/* Both sides compared, the tables printed, the graph and the page written. */
static int compare(struct cli_run *r, void *ctx)
{
    const struct compare_opts *o = ctx;
    struct cli_compare_view v = { r->fmt, r->top, o->all };
    struct vc_comparison cmp;
    struct vc_error err = VC_ERROR_INIT;
    int rc;

    if (vc_compare(&r->ch[0].a, &r->ch[1].a, (enum vc_align)o->align, &cmp, &err) != VC_OK)
        return cli_report(&err);
    rc = print_all(&cmp, &v, o->which, o->a, o->b);
    if (rc == EXIT_OK && o->x.path)
        rc = cli_compare_write(&cmp, &o->x, NULL);
    if (rc == EXIT_OK && o->report)
        rc = write_report(&cmp, o->report, o->a, o->b, &r->eng, r->top);
    vc_comparison_release(&cmp);
    return rc;
}

int cmd_compare(int argc, char **argv)
{
    enum {
        OPT_ALIGN = OPT_FIRST_COMMAND_OPTION, OPT_TABLE, OPT_ALL, OPT_REPORT, OPT_EXPORT,
        OPT_DYNAMIC
    };
    static const struct option longopts[] = {
        CLI_TABLE_LONGOPTS,
        { "align", required_argument, 0, OPT_ALIGN },
        { "table", required_argument, 0, OPT_TABLE },
        { "all", no_argument, 0, OPT_ALL },
        { "export", required_argument, 0, OPT_EXPORT },
        CLI_GEXF_LONGOPT,
        { "dynamic", optional_argument, 0, OPT_DYNAMIC },
        { "report", required_argument, 0, OPT_REPORT },
        CLI_ENGINE_LONGOPTS_END,
    };
    static const struct cli_choice aligns[] = {
        { "auto", VC_ALIGN_AUTO, false }, { "id", VC_ALIGN_ID, false },
        { "label", VC_ALIGN_LABEL, false },
    };
    static const struct cli_choice tables[] = {
        { "provisions", T_PROVISIONS, false }, { "items", T_ITEMS, false },
        { "actors", T_ACTORS, false }, { "countries", T_COUNTRIES, false },
        { "control-points", T_CP, false }, { "unaligned", T_UNALIGNED, false },
        { "all", T_ALL, false },
    };
    struct compare_opts o = { VC_ALIGN_AUTO, T_ALL, false,
                              { NULL, VC_EXPORT_AUTO, VC_GEXF_1_2, false, 1, 2 }, NULL, NULL,
                              NULL };
    struct cli_run r;
    int opt;

    cli_run_init(&r, "compare", usage);
    while ((opt = cli_run_option(&r, argc, argv, "h", longopts)) > 0) {
        if (opt == OPT_ALIGN)
            r.rc = CLI_CHOOSE("compare", "--align", optarg, aligns, &o.align);
        else if (opt == OPT_TABLE)
            r.rc = CLI_CHOOSE("compare", "--table", optarg, tables, &o.which);
        else if (opt == OPT_ALL)
            o.all = true;
        else if (opt == OPT_REPORT)
            o.report = optarg;
        else if (cli_compare_export_option("compare", opt - OPT_EXPORT, optarg, &o.x) < 0)
            r.rc = EXIT_USAGE;
    }
    o.x.version = r.gexf_version;
    if (r.rc == EXIT_OK && !r.done && optind + 2 != argc)
        r.rc = cli_usage_error("compare", "two inputs, please: vchain compare A B");
    if (r.rc == EXIT_OK && !r.done)
        r.rc = cli_compare_export_check("compare", &o.x);
    if (r.rc == EXIT_OK && !r.done && o.report)
        r.rc = cli_page_format("compare", o.report, false, &(int){ 0 });
    if (r.rc == EXIT_OK && !r.done) {
        o.a = argv[optind];
        o.b = argv[optind + 1];
    }
    return cli_run_main(&r, argc, argv, 2, true, compare, &o);
}

int cli_compare_export_check(const char *cmd, struct cli_compare_export *x)
{
    int fmt = (int)x->fmt;

    if (x->dynamic && !x->path)
        return cli_usage_error(cmd, "--dynamic goes with --export OUT.gexf");
    if (!x->path)
        return EXIT_OK;
    if (x->dynamic && strcmp(x->path, "-") == 0)
        fmt = VC_EXPORT_GEXF; /* the only format with time slices */
    int rc = cli_output_format(cmd, x->path, &fmt);
    if (rc != EXIT_OK)
        return rc;
    if (x->dynamic && fmt != VC_EXPORT_GEXF)
        return cli_usage_error(cmd, "--dynamic writes GEXF 1.3: name the export .gexf, not '%s'",
                               x->path);
    x->fmt = (enum vc_export_format)fmt;
    return EXIT_OK;
}

/* --export OUT, --dynamic[=TA,TB] (which: 0, 1). */
int cli_compare_export_option(const char *cmd, int which, const char *arg,
                              struct cli_compare_export *x)
{
    switch (which) {
    case 0:
        x->path = arg;
        return 1;
    default:
        x->dynamic = true;
        if (arg && parse_times(arg, &x->time_a, &x->time_b) != 0)
            return cli_usage_error(cmd, "--dynamic takes TA,TB with TA < TB (e.g. "
                                   "--dynamic=2025,2026), not '%s'", arg), -1;
        return 1;
    }
}
