/*
 * cmd_rank.c - `vchain rank FILE`: the control points, ranked, with their
 * reasons; or the actors or countries that hold them; or one country's
 * control points and where it depends on others'.
 */
#define _GNU_SOURCE /* qsort_r */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "cli_table.h"

static const char usage[] =
    "Usage: vchain rank [OPTIONS] FILE\n"
    "\n"
    "Scores the value chain in FILE (GraphML, GEXF or a folder of CSV tables) and\n"
    "prints its control points: provisions (an actor providing an item) that are\n"
    "hard to replace and that matter downstream, ranked by impact, then share.\n"
    "Each row gives the numbers behind the verdict (docs/model.md).\n"
    "\n"
    "In a firm network (actors joined by supply links, no items) the control\n"
    "points are suppliers: hard to replace for a customer (a large part of its\n"
    "supply in a group) or in their market (a node share), and losing them\n"
    "costs much of final output or can stop it; each firm's impact is its\n"
    "Economic Systemic Risk Index.\n"
    "\n"
    "Options:\n"
    "  --by provision|supplier|actor|country\n"
    "                        what to rank: control points (default: provisions,\n"
    "                        or suppliers in a firm network), the actors of\n"
    "                        --level that hold them (by the impact of\n"
    "                        extracting them; with --all every actor), or\n"
    "                        countries\n"
    "  --country CODE        that country's control points (alpha-2, alpha-3 or\n"
    "                        name), then the others' control points upstream of\n"
    "                        what it provides\n"
    "  --all                 every provision (or supplier, or actor with --by\n"
    "                        actor), control point or not, at both levels (by\n"
    "                        default one level: --level, or the other one for\n"
    "                        items with rows only there)\n"
    "  --top N               at most N rows per table\n"
    "  --format FMT          text (default on a terminal), tsv (default otherwise),\n"
    "                        csv, json or md\n"
    "  -h, --help            this help\n"
    "\n" CLI_ENGINE_HELP "\n" CLI_INPUT_HELP
    "\n"
    "Columns: rank, actor, country, item, share (fraction; estimated marks shares\n"
    "that were unknown, which never make a control point), hhi (lower bound) and\n"
    "n_eff (the fewest effective providers the data allows, 1/hhi_upper) of the\n"
    "item at that provider level,\n"
    "replaceability (1 - share, raised by spare capacity), impact (value-weighted\n"
    "mean loss of final items if the actor is extracted from that item), spof (the\n"
    "actor or the item alone can stop a final item), reach_items and reach_final\n"
    "(items downstream of the item), control_point, reason.  With --by actor or\n"
    "--by country, impact is that of extracting the actor or country, and\n"
    "impact_estimated says that it rests on estimated shares (docs/model.md).\n"
    "Suppliers: actor,\n"
    "country, sector, customers, dependents (customers for which it is hard to\n"
    "replace), top_customer, top_group and top_share (its largest part of a\n"
    "customer's supply group), market_share, impact, stops (other final firms it\n"
    "alone can stop), control_point, reason.\n"
    "\n"
    "When there is nothing to rank, a message on standard error says why and\n"
    "what would help; with --strict that is an error.\n"
    "\n"
    "Exit status: 0 success, 1 data error, 2 usage error.\n";

enum { BY_DEFAULT, BY_PROVISION, BY_SUPPLIER, BY_ACTOR, BY_COUNTRY };

struct rank_opts {
    int fmt;
    long top;
    int all;
    const char *country;
    int by;             /* BY_* */
};

/* A firm network: its control points are suppliers, not provisions. */
static bool firm_network(const struct vc_chain *c)
{
    return c->final_rule == VC_FINAL_MARKED_ACTORS || c->final_rule == VC_FINAL_ALL_ACTORS;
}

static void provision_columns(struct cli_table *t, int with_rank)
{
    if (with_rank)
        cli_table_col(t, "rank", CLI_COL_INT);
    cli_table_col(t, "actor", CLI_COL_TEXT);
    cli_table_col(t, "country", CLI_COL_TEXT);
    cli_table_col(t, "item", CLI_COL_TEXT);
    cli_table_col(t, "share", CLI_COL_NUM);
    cli_table_col(t, "estimated", CLI_COL_BOOL);
    cli_table_col(t, "hhi", CLI_COL_NUM);
    cli_table_col(t, "n_eff", CLI_COL_NUM);
    cli_table_col(t, "replaceability", CLI_COL_NUM);
    cli_table_col(t, "impact", CLI_COL_NUM);
    cli_table_col(t, "spof", CLI_COL_BOOL);
    cli_table_col(t, "reach_items", CLI_COL_INT);
    cli_table_col(t, "reach_final", CLI_COL_INT);
    cli_table_col(t, "control_point", CLI_COL_BOOL);
    cli_table_col(t, "reason", CLI_COL_TEXT);
}

static void provision_row(struct cli_table *t, const struct vc_analysis *a,
                          const struct vc_provision_score *p, long rank)
{
    const struct vc_chain *c = a->chain;
    char reason[512];

    cli_table_row(t);
    if (rank > 0)
        cli_table_int(t, rank);
    cli_table_text(t, c->label[p->actor]);
    cli_table_text(t, c->country[p->actor]);
    cli_table_text(t, c->label[p->item]);
    cli_table_num(t, p->share);
    cli_table_bool(t, !p->share_known);
    cli_table_num(t, p->conc.hhi);
    cli_table_num(t, p->conc.n_eff);
    cli_table_num(t, p->replaceability);
    cli_table_num(t, p->impact);
    cli_table_bool(t, a->spof_finals[p->actor] > 0 || a->spof_finals[p->item] > 0);
    cli_table_int(t, a->reach_items[p->item]);
    cli_table_int(t, a->reach_final[p->item]);
    cli_table_bool(t, p->control_point);
    vc_analysis_reason(a, p, reason, sizeof(reason));
    cli_table_text(t, reason);
}

static int in_country(const struct vc_chain *c, size_t v, const char *code)
{
    const char *cc = c->country[v], *a3 = vc_country_alpha3(code);
    return cc && (strcasecmp(cc, code) == 0 || (a3 && strcmp(cc, a3) == 0));
}

/* One provider level at a time (--level), the other one for items that only
 * have rows there: the country rows restate the firm rows. */
static bool in_view(const struct vc_analysis *a, const struct vc_provision_score *p)
{
    return a->conc_level[p->item] == p->level;
}

/* The provisions at idx (n of them; idx NULL: every one), ranked. */
static int print_provisions(const struct vc_analysis *a, const struct rank_opts *o,
                            const size_t *idx, size_t n, long *rows)
{
    struct cli_table t;
    long rank = 0;
    int rc;

    cli_table_init(&t);
    provision_columns(&t, 1);
    for (size_t k = 0; k < (idx ? n : a->n_provisions); k++) {
        const struct vc_provision_score *p = &a->provisions[idx ? idx[k] : k];
        if (!o->all && !p->control_point)
            break; /* control points come first */
        if (!o->all && !in_view(a, p))
            continue;
        if (o->top && rank >= o->top)
            break;
        provision_row(&t, a, p, ++rank);
    }
    rc = cli_table_print(&t, stdout, o->fmt);
    cli_table_release(&t);
    *rows = rank;
    return rc;
}

static void firm_columns(struct cli_table *t)
{
    cli_table_col(t, "rank", CLI_COL_INT);
    cli_table_col(t, "actor", CLI_COL_TEXT);
    cli_table_col(t, "country", CLI_COL_TEXT);
    cli_table_col(t, "sector", CLI_COL_TEXT);
    cli_table_col(t, "customers", CLI_COL_INT);
    cli_table_col(t, "dependents", CLI_COL_INT);
    cli_table_col(t, "top_customer", CLI_COL_TEXT);
    cli_table_col(t, "top_group", CLI_COL_TEXT);
    cli_table_col(t, "top_share", CLI_COL_NUM);
    cli_table_col(t, "market_share", CLI_COL_NUM);
    cli_table_col(t, "impact", CLI_COL_NUM);
    cli_table_col(t, "stops", CLI_COL_INT);
    cli_table_col(t, "control_point", CLI_COL_BOOL);
    cli_table_col(t, "reason", CLI_COL_TEXT);
}

static void firm_row(struct cli_table *t, const struct vc_analysis *a,
                     const struct vc_firm_score *f, long rank)
{
    const struct vc_chain *c = a->chain;
    char reason[768];

    cli_table_row(t);
    cli_table_int(t, rank);
    cli_table_text(t, c->label[f->actor]);
    cli_table_text(t, c->country[f->actor]);
    cli_table_text(t, c->sector[f->actor]);
    cli_table_int(t, (long long)f->customers);
    cli_table_int(t, (long long)f->dependents);
    cli_table_text(t, f->top_customer != UINT32_MAX ? c->label[f->top_customer] : NULL);
    cli_table_text(t, f->top_customer != UINT32_MAX && f->top_group ? f->top_group : NULL);
    cli_table_num(t, f->top_customer != UINT32_MAX ? f->share_max : NAN);
    cli_table_num(t, f->node_share);
    cli_table_num(t, f->impact);
    cli_table_int(t, f->stops);
    cli_table_bool(t, f->control_point);
    vc_analysis_firm_reason(a, f, reason, sizeof(reason));
    cli_table_text(t, reason);
}

/* Suppliers: the control points of a firm network (--all: every supplier). */
static int print_firms(const struct vc_analysis *a, const struct rank_opts *o, long *rows)
{
    struct cli_table t;
    long rank = 0;
    int rc;

    cli_table_init(&t);
    firm_columns(&t);
    for (size_t k = 0; k < a->n_firms; k++) {
        const struct vc_firm_score *f = &a->firms[k];
        if (!o->all && !f->control_point)
            break; /* control points come first */
        if (o->country && !in_country(a->chain, f->actor, o->country))
            continue;
        if (o->top && rank >= o->top)
            break;
        firm_row(&t, a, f, ++rank);
    }
    rc = cli_table_print(&t, stdout, o->fmt);
    cli_table_release(&t);
    *rows = rank;
    return rc;
}

/* The actors that hold control points, by the impact of extracting them. */
struct holder {
    uint32_t actor;
    size_t held;
    const struct vc_provision_score *best;
};

static int by_impact(const void *x, const void *y, void *ctx)
{
    const struct vc_analysis *a = ctx;
    const struct holder *p = x, *q = y;
    double pi = a->impact[p->actor], qi = a->impact[q->actor];
    if (pi != qi)
        return pi > qi ? -1 : 1;
    if (p->held != q->held)
        return p->held > q->held ? -1 : 1;
    return strcmp(a->chain->label[p->actor], a->chain->label[q->actor]);
}

/*
 * Actors by impact: those holding control points (provisions, or as
 * suppliers in a firm network), or with --all every actor of --level.
 */
static int print_actors(const struct vc_analysis *a, const struct rank_opts *o, long *rows)
{
    const struct vc_chain *c = a->chain;
    struct holder *h = calloc(a->n ? a->n : 1, sizeof(*h));
    uint32_t *slot = malloc((a->n ? a->n : 1) * sizeof(uint32_t));
    struct cli_table t;
    size_t n = 0;
    long rank = 0;
    int rc;

    if (!h || !slot) {
        free(h);
        free(slot);
        return -1;
    }
    for (size_t v = 0; v < a->n; v++)
        slot[v] = UINT32_MAX;
    /* provisions are ranked: an actor's first is its best (a control point
     * when it holds one) */
    for (size_t k = 0; k < a->n_provisions; k++) {
        const struct vc_provision_score *p = &a->provisions[k];
        if (!p->control_point && !o->all)
            continue;
        if (slot[p->actor] == UINT32_MAX) {
            slot[p->actor] = (uint32_t)n;
            h[n].actor = p->actor;
            h[n++].best = p;
        }
        h[slot[p->actor]].held += p->control_point;
    }
    for (size_t k = 0; k < a->n_firms; k++) {
        const struct vc_firm_score *f = &a->firms[k];
        if (!f->control_point && !o->all)
            continue;
        if (slot[f->actor] == UINT32_MAX) {
            slot[f->actor] = (uint32_t)n;
            h[n++].actor = f->actor;
        }
        h[slot[f->actor]].held += f->control_point;
    }
    for (size_t v = 0; o->all && v < a->n; v++)
        if (c->kind[v] == VC_KIND_ACTOR && slot[v] == UINT32_MAX) {
            slot[v] = (uint32_t)n;
            h[n++].actor = (uint32_t)v;
        }
    qsort_r(h, n, sizeof(*h), by_impact, (void *)a);
    cli_table_init(&t);
    cli_table_col(&t, "rank", CLI_COL_INT);
    cli_table_col(&t, "actor", CLI_COL_TEXT);
    cli_table_col(&t, "country", CLI_COL_TEXT);
    cli_table_col(&t, "level", CLI_COL_TEXT);
    cli_table_col(&t, "control_points", CLI_COL_INT);
    cli_table_col(&t, "impact", CLI_COL_NUM);
    cli_table_col(&t, "impact_estimated", CLI_COL_BOOL);
    cli_table_col(&t, "spof_finals", CLI_COL_INT);
    cli_table_col(&t, "top_item", CLI_COL_TEXT);
    cli_table_col(&t, "top_share", CLI_COL_NUM);
    for (size_t j = 0; j < n; j++) {
        const struct vc_firm_score *f = vc_analysis_firm(a, h[j].actor);
        if (o->country && !in_country(c, h[j].actor, o->country))
            continue;
        if (c->level[h[j].actor] != a->opts.level)
            continue; /* firms and countries are ranked apart (--level) */
        if (o->top && rank >= o->top)
            break;
        cli_table_row(&t);
        cli_table_int(&t, (long long)++rank);
        cli_table_text(&t, c->label[h[j].actor]);
        cli_table_text(&t, c->country[h[j].actor]);
        cli_table_text(&t, vc_level_name((enum vc_level)c->level[h[j].actor]));
        cli_table_int(&t, (long long)h[j].held);
        cli_table_num(&t, a->impact[h[j].actor]);
        cli_table_bool(&t, a->impact_estimated[h[j].actor]);
        cli_table_int(&t, a->spof_finals[h[j].actor]);
        if (h[j].best) {
            cli_table_text(&t, c->label[h[j].best->item]);
            cli_table_num(&t, h[j].best->share);
        } else if (f && f->top_customer != UINT32_MAX) {
            /* a supplier: its largest part of a customer's supply group */
            cli_table_text(&t, f->top_group ? f->top_group : "supply");
            cli_table_num(&t, f->share_max);
        } else {
            cli_table_none(&t);
            cli_table_none(&t);
        }
    }
    rc = cli_table_print(&t, stdout, o->fmt);
    cli_table_release(&t);
    free(h);
    free(slot);
    *rows = rank;
    return rc;
}

static int print_countries(const struct vc_analysis *a, const struct rank_opts *o, long *rows)
{
    struct cli_table t;
    int rc;

    cli_table_init(&t);
    cli_table_col(&t, "rank", CLI_COL_INT);
    cli_table_col(&t, "country", CLI_COL_TEXT);
    cli_table_col(&t, "name", CLI_COL_TEXT);
    cli_table_col(&t, "actors", CLI_COL_INT);
    cli_table_col(&t, "control_points", CLI_COL_INT);
    cli_table_col(&t, "impact", CLI_COL_NUM);
    cli_table_col(&t, "impact_estimated", CLI_COL_BOOL);
    for (size_t j = 0; j < a->n_countries; j++) {
        const struct vc_country_score *s = &a->countries[j];
        if (o->top && (long)j >= o->top)
            break;
        cli_table_row(&t);
        cli_table_int(&t, (long long)j + 1);
        cli_table_text(&t, s->code);
        cli_table_text(&t, vc_country_name(s->code));
        cli_table_int(&t, (long long)s->actors);
        cli_table_int(&t, (long long)s->control_points);
        cli_table_num(&t, s->impact);
        cli_table_bool(&t, s->impact_estimated);
        ++*rows;
    }
    rc = cli_table_print(&t, stdout, o->fmt);
    cli_table_release(&t);
    return rc;
}

/* Others' control points upstream of the country: provisions in a value
 * chain (v's dependencies), suppliers in a firm network. */
static int print_dependencies(const struct vc_analysis *a, const struct rank_opts *o,
                              const struct vc_country_view *v)
{
    const struct vc_chain *c = a->chain;
    struct vc_error err = VC_ERROR_INIT;
    struct cli_table t;
    size_t n = 0;
    int rc;

    cli_table_init(&t);
    if (firm_network(c)) {
        struct vc_firm_dependency *deps = NULL;
        if (vc_analysis_firm_dependencies(a, o->country, &deps, &n, &err) != VC_OK)
            return cli_report(&err);
        firm_columns(&t);
        cli_table_col(&t, "own_firms_downstream", CLI_COL_INT);
        cli_table_col(&t, "example_own_firm", CLI_COL_TEXT);
        for (size_t j = 0; j < n && !(o->top && (long)j >= o->top); j++) {
            firm_row(&t, a, &a->firms[deps[j].firm], (long)j + 1);
            cli_table_int(&t, (long long)deps[j].n_firms);
            cli_table_text(&t, c->label[deps[j].example]);
        }
        free(deps);
    } else {
        provision_columns(&t, 1);
        cli_table_col(&t, "own_items_downstream", CLI_COL_INT);
        cli_table_col(&t, "example_own_item", CLI_COL_TEXT);
        for (size_t j = 0, shown = 0; j < v->n_deps; j++) {
            const struct vc_dependency *d = &v->deps[j];
            if (!o->all && !in_view(a, &a->provisions[d->provision]))
                continue;
            if (o->top && (long)shown >= o->top)
                break;
            provision_row(&t, a, &a->provisions[d->provision], (long)++shown);
            cli_table_int(&t, (long long)d->n_items);
            cli_table_text(&t, c->label[d->example]);
        }
    }
    rc = cli_table_print(&t, stdout, o->fmt);
    cli_table_release(&t);
    return rc ? EXIT_DATA : EXIT_OK;
}

/* --country: its control points, then what it depends on. */
static int print_country(const struct vc_analysis *a, const struct rank_opts *o, long *rows)
{
    const struct vc_country_score *s;
    struct vc_country_view v;
    struct vc_error err = VC_ERROR_INIT;
    bool firms = firm_network(a->chain);
    int rc = EXIT_OK;

    if (vc_country_view(a, o->country, &v, &err) != VC_OK) {
        rc = cli_report(&err);
        goto out;
    }
    if (v.country == SIZE_MAX) {
        cli_error("no actor of country '%s' in the data", o->country);
        rc = EXIT_DATA;
        goto out;
    }
    s = &a->countries[v.country];
    if (o->fmt == FMT_TEXT)
        printf("Control points held by %s (%s)%s: %zu; extracting the "
               "country costs %.1f %% of final output%s\n\n", cli_safe(s->code),
               vc_country_name(s->code) ? vc_country_name(s->code) : "?",
               firms ? ", suppliers" : "", s->control_points, s->impact * 100,
               s->impact_estimated ? " (resting on estimated shares)" : "");
    if (o->fmt == FMT_JSON)
        fputs("{\"control_points\": ", stdout);
    if ((firms ? print_firms(a, o, rows) : print_provisions(a, o, v.own, v.n_own, rows)) != 0) {
        rc = EXIT_DATA;
        goto out;
    }
    if (o->fmt == FMT_TEXT)
        printf("\nOthers' control points upstream of what %s %s:\n\n", cli_safe(s->code),
               firms ? "makes" : "provides");
    else if (o->fmt == FMT_JSON)
        fputs(", \"depends_on\": ", stdout);
    else if (o->fmt == FMT_MD || o->fmt == FMT_TSV || o->fmt == FMT_CSV)
        fputs("\n", stdout);
    rc = print_dependencies(a, o, &v);
    if (o->fmt == FMT_JSON)
        fputs("}\n", stdout);
out:
    vc_country_view_release(&v);
    return rc;
}

/* No edge the analysis can read: every relation edge is undirected. */
static bool centrality_only(const struct vc_chain *c)
{
    if (!c->n_directionless)
        return false;
    for (size_t e = 0; e < c->n_edges; e++)
        if (c->relation[e] != VC_REL_OTHER && !c->undirected[e])
            return false;
    return true;
}

struct central {
    uint32_t v;
    const struct vc_analysis *a;
};

static int by_centrality(const void *x, const void *y)
{
    const struct central *p = x, *q = y;
    const struct vc_analysis *a = p->a;
    if (a->pagerank_down[p->v] != a->pagerank_down[q->v])
        return a->pagerank_down[p->v] > a->pagerank_down[q->v] ? -1 : 1;
    if (a->betweenness[p->v] != a->betweenness[q->v])
        return a->betweenness[p->v] > a->betweenness[q->v] ? -1 : 1;
    return strcmp(a->chain->label[p->v], a->chain->label[q->v]);
}

/*
 * An undirected graph says nothing about who supplies whom: the nodes by
 * position only (PageRank, then betweenness, on the undirected graph).
 */
static int print_centrality(const struct vc_analysis *a, const struct rank_opts *o, long *rows)
{
    const struct vc_chain *c = a->chain;
    struct central *n = malloc((a->n ? a->n : 1) * sizeof(*n));
    struct cli_table t;
    size_t k = 0;
    int rc;

    if (!n)
        return -1;
    for (size_t v = 0; v < a->n; v++)
        if (!o->country || in_country(c, v, o->country))
            n[k++] = (struct central){ (uint32_t)v, a };
    qsort(n, k, sizeof(*n), by_centrality);
    cli_table_init(&t);
    cli_table_col(&t, "rank", CLI_COL_INT);
    cli_table_col(&t, "node", CLI_COL_TEXT);
    cli_table_col(&t, "country", CLI_COL_TEXT);
    cli_table_col(&t, "degree", CLI_COL_INT);
    cli_table_col(&t, "strength", CLI_COL_NUM);
    cli_table_col(&t, "betweenness", CLI_COL_NUM);
    cli_table_col(&t, "pagerank", CLI_COL_NUM);
    for (size_t j = 0; j < k && !(o->top && (long)j >= o->top); j++) {
        uint32_t v = n[j].v;
        cli_table_row(&t);
        cli_table_int(&t, (long long)j + 1);
        cli_table_text(&t, c->label[v]);
        cli_table_text(&t, c->country[v]);
        cli_table_int(&t, a->in_degree[v]);
        cli_table_num(&t, a->in_strength[v]);
        cli_table_num(&t, a->betweenness[v]);
        cli_table_num(&t, a->pagerank_down[v]);
        ++*rows;
    }
    rc = cli_table_print(&t, stdout, o->fmt);
    cli_table_release(&t);
    free(n);
    return rc;
}

/* Whether control points are held, but only by actors of the other level. */
static bool held_elsewhere(const struct vc_analysis *a)
{
    const struct vc_chain *c = a->chain;
    for (size_t k = 0; k < a->n_provisions; k++)
        if (a->provisions[k].control_point && c->level[a->provisions[k].actor] != a->opts.level)
            return true;
    for (size_t k = 0; k < a->n_firms; k++)
        if (a->firms[k].control_point && c->level[a->firms[k].actor] != a->opts.level)
            return true;
    return false;
}

/*
 * Why a table came out empty, and what would help (never a silent empty
 * answer); with --strict it is an error.
 */
static void explain_empty(const struct vc_analysis *a, const struct rank_opts *o, int strict)
{
    const struct vc_chain *c = a->chain;
    const char *src = c->graph->source;
    char why[600];
    size_t hard = 0, known = 0;

    if (c->n_final == 0) {
        snprintf(why, sizeof(why), "no final output (no items and no actors), so nothing can "
                 "be lost");
    } else if (c->n_directionless && c->n_edges == c->n_directionless) {
        snprintf(why, sizeof(why), "the graph is undirected: its edges say nothing about who "
                 "supplies whom, so nothing propagates (rank by centrality: vchain export, or "
                 "read the edges as source -> target with --direction as-written)");
    } else if (o->by == BY_ACTOR && held_elsewhere(a)) {
        enum vc_level other = a->opts.level == VC_LEVEL_FIRM ? VC_LEVEL_COUNTRY : VC_LEVEL_FIRM;
        snprintf(why, sizeof(why), "the control points are held by %s-level actors only "
                 "(--level %s ranks them)", vc_level_name(other), vc_level_name(other));
    } else if (o->country && o->by != BY_COUNTRY) {
        snprintf(why, sizeof(why), "%s holds none of the control points (--all lists its "
                 "%s with their figures)", o->country,
                 firm_network(c) ? "suppliers" : "provisions");
    } else if (firm_network(c)) {
        for (size_t k = 0; k < a->n_firms; k++)
            hard += a->firms[k].hard_to_replace;
        if (a->n_supplies == 0)
            snprintf(why, sizeof(why), "no supply links between the firms, so no firm depends "
                     "on another");
        else if (!hard)
            snprintf(why, sizeof(why), "no supplier gives a customer %.0f %% or more of its "
                     "supply in a group, and no firm has a market share that large: every one "
                     "can be replaced (group suppliers by sector with --group-by ATTR, or lower "
                     "--theta-share; --all lists every supplier)", a->opts.theta_share * 100);
        else
            snprintf(why, sizeof(why), "%zu supplier%s hard to replace, but losing none costs "
                     "%.0f %% of final output or can stop another firm (lower --theta-impact; "
                     "--all lists them)", hard, hard == 1 ? " is" : "s are",
                     a->opts.theta_impact * 100);
    } else {
        for (size_t k = 0; k < a->n_provisions; k++) {
            hard += a->provisions[k].hard_to_replace;
            known += a->provisions[k].share_known;
        }
        if (a->n_provisions == 0)
            snprintf(why, sizeof(why), "no actor provides an item (no provides edges)");
        else if (!known)
            snprintf(why, sizeof(why), "no provision has a known share, and an estimated share "
                     "never makes a control point (give provides edges a share, or map the "
                     "input's column with --map share=COLUMN)");
        else if (!hard)
            snprintf(why, sizeof(why), "no provider holds %.0f %% of an item, nor is one of two "
                     "covering %.0f %% of it (lower --theta-share; --all lists every "
                     "provision)", a->opts.theta_share * 100, a->opts.theta_pair * 100);
        else
            snprintf(why, sizeof(why), "%zu provision%s hard to replace, but none costs %.0f %% "
                     "of final output or is a single point of failure (lower --theta-impact; "
                     "--all lists them)", hard, hard == 1 ? " is" : "s are",
                     a->opts.theta_impact * 100);
    }
    if (strict)
        cli_error("%s: nothing to rank: %s", src, why);
    else
        cli_warning("%s: nothing to rank: %s", src, why);
}

/* What the options ask for, and never a silent empty table. */
static int print_rank(const struct cli_chain *ch, struct rank_opts *o, int strict)
{
    const struct vc_analysis *a = &ch->a;
    long rows = 0;
    int rc;

    if (o->by == BY_DEFAULT)
        o->by = firm_network(&ch->c) ? BY_SUPPLIER : BY_PROVISION;
    if (centrality_only(&ch->c) && o->by != BY_COUNTRY) {
        cli_note("%s: no edge has a direction, so nothing can be lost downstream of "
                 "anything: ranking by centrality only (PageRank, then betweenness, on the "
                 "undirected graph); --direction as-written reads each edge as supplier -> "
                 "customer", ch->c.graph->source);
        rc = print_centrality(a, o, &rows) ? EXIT_DATA : EXIT_OK;
    } else if (o->country && (o->by == BY_PROVISION || o->by == BY_SUPPLIER))
        rc = print_country(a, o, &rows);
    else if (o->by == BY_ACTOR)
        rc = print_actors(a, o, &rows) ? EXIT_DATA : EXIT_OK;
    else if (o->by == BY_COUNTRY)
        rc = print_countries(a, o, &rows) ? EXIT_DATA : EXIT_OK;
    else if (o->by == BY_SUPPLIER)
        rc = print_firms(a, o, &rows) ? EXIT_DATA : EXIT_OK;
    else
        rc = print_provisions(a, o, NULL, 0, &rows) ? EXIT_DATA : EXIT_OK;
    if (rc == EXIT_OK && rows == 0) {
        explain_empty(a, o, strict);
        if (strict)
            rc = EXIT_DATA;
    }
    return rc;
}

int cmd_rank(int argc, char **argv)
{
    enum { OPT_FORMAT = OPT_FIRST_COMMAND_OPTION, OPT_TOP, OPT_COUNTRY, OPT_BY, OPT_ALL };
    static const struct option longopts[] = {
        { "format", required_argument, 0, OPT_FORMAT },
        { "top", required_argument, 0, OPT_TOP },
        { "country", required_argument, 0, OPT_COUNTRY },
        { "by", required_argument, 0, OPT_BY },
        { "all", no_argument, 0, OPT_ALL },
        { "help", no_argument, 0, 'h' },
        CLI_INPUT_LONGOPTS,
        CLI_ENGINE_LONGOPTS,
        { 0, 0, 0, 0 },
    };
    static const struct cli_choice by[] = {
        { "provision", BY_PROVISION, false }, { "supplier", BY_SUPPLIER, false },
        { "actor", BY_ACTOR, false }, { "country", BY_COUNTRY, false },
    };
    struct rank_opts o = { cli_default_format(), 0, 0, NULL, BY_DEFAULT };
    struct cli_run r;
    int opt;

    cli_run_init(&r, "rank", usage);
    while ((opt = cli_run_option(&r, argc, argv, "h", longopts)) > 0) {
        switch (opt) {
        case OPT_FORMAT: r.rc = cli_table_format_option("rank", optarg, &o.fmt); break;
        case OPT_TOP: r.rc = cli_top_option("rank", optarg, &o.top); break;
        case OPT_COUNTRY: o.country = optarg; break;
        case OPT_ALL: o.all = 1; break;
        case OPT_BY: r.rc = CLI_CHOOSE("rank", "--by", optarg, by, &o.by); break;
        }
    }
    if (cli_run_open(&r, argc, argv, 1, true))
        r.rc = print_rank(&r.ch[0], &o, r.eng.strict);
    return cli_run_finish(&r);
}
