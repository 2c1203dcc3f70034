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
#include "cli_fit.h"
#include "cli_knowledge.h"
#include "cli_table.h"
#include "vchain/cluster.h"

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
    "  --top N               at most N rows per table\n" CLI_KNOWLEDGE_HELP
    "  --exact               extract every actor and provision; by default, on\n"
    "                        chains of 10,000 actors or more, an impact that\n"
    "                        cannot reach --theta-impact is reported as an upper\n"
    "                        bound (impact_bound true) instead of extracted\n"
    "  --bounds              report such bounds whatever the size of the chain\n"
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
    "(items downstream of the item), control_point, knowledge and knowledge_source\n"
    "(the knowledge intensity the data gives the actor, else the item: see\n"
    "--min-knowledge), reason.  With --by actor or --by country, impact is that of\n"
    "extracting the actor or country, and impact_estimated says that it rests on\n"
    "estimated shares (docs/model.md); impact_bound (only when some impact is a\n"
    "bound) marks an upper bound.  With --country, a third table shows the\n"
    "cluster around each of the country's control points: the providers of its\n"
    "item's inputs (suppliers) and of the items it feeds (users), the actors that\n"
    "alone can stop its item, and a verdict: weaker than it looks (a foreign actor\n"
    "alone can stop it), an ecosystem (domestic suppliers hard to replace), no\n"
    "single point of failure, or no inputs in the data.\n"
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
    double min_knowledge;          /* NAN: no filter */
    struct vc_knowledge_src ks;    /* set once the chain is read */
};

/* A firm network: its control points are suppliers, not provisions. */
static bool firm_network(const struct vc_chain *c)
{
    return c->final_rule == VC_FINAL_MARKED_ACTORS || c->final_rule == VC_FINAL_ALL_ACTORS;
}

/* The impact_bound column appears only when some impact is a bound (rank
 * on a large chain without --exact): small chains print as they did. */
static void provision_columns(struct cli_table *t, int with_rank, const struct vc_analysis *a)
{
    if (with_rank)
        cli_table_col(t, "rank", CLI_COL_INT);
    static const struct cli_col before[] = {
        { "actor", CLI_COL_TEXT }, { "country", CLI_COL_TEXT }, { "item", CLI_COL_TEXT },
        { "share", CLI_COL_NUM }, { "estimated", CLI_COL_BOOL, .drop = 4 },
        { "hhi", CLI_COL_NUM, .drop = 1 }, { "n_eff", CLI_COL_NUM, .drop = 5 },
        { "replaceability", CLI_COL_NUM, .drop = 3 }, { "impact", CLI_COL_NUM },
    };
    static const struct cli_col after[] = {
        { "spof", CLI_COL_BOOL, .drop = 2 }, { "reach_items", CLI_COL_INT, .drop = 7 },
        { "reach_final", CLI_COL_INT, .drop = 6 }, { "control_point", CLI_COL_BOOL },
    };
    CLI_TABLE_COLS(t, before);
    if (a->n_bounds) /* only when some impact is a bound */
        cli_table_col(t, "impact_bound", CLI_COL_BOOL);
    CLI_TABLE_COLS(t, after);
    cli_knowledge_cols(t);
    cli_table_col(t, "reason", CLI_COL_TEXT);
    cli_table_under(t);
}

/* Whether p passes --min-knowledge (*k receives its figure). */
static bool knowledge_ok(const struct rank_opts *o, const struct vc_provision_score *p,
                         struct vc_knowledge *k)
{
    vc_knowledge_of(&o->ks, p->actor, p->item, k);
    return vc_knowledge_passes(k, o->min_knowledge);
}

static void provision_row(struct cli_table *t, const struct vc_analysis *a,
                          const struct rank_opts *o, const struct vc_provision_score *p,
                          long rank)
{
    struct vc_knowledge k;
    const struct vc_chain *c = a->chain;
    const struct vc_concentration *q = vc_provision_conc(a, p);
    char reason[512];

    cli_table_row(t);
    if (rank > 0)
        cli_table_int(t, rank);
    cli_table_text(t, c->label[p->actor]);
    cli_table_text(t, c->country[p->actor]);
    cli_table_text(t, c->label[p->item]);
    cli_table_num(t, p->share);
    cli_table_bool(t, !p->share_known);
    cli_table_num(t, q->hhi);
    cli_table_num(t, q->n_eff);
    cli_table_num(t, vc_provision_replaceability(a, p));
    cli_table_num(t, p->impact);
    if (a->n_bounds)
        cli_table_bool(t, p->impact_bound);
    cli_table_bool(t, a->spof_finals[p->actor] > 0 || a->spof_finals[p->item] > 0);
    if (a->reach_items[p->item] == VC_REACH_UNKNOWN) { /* not walked (--bounds) */
        cli_table_none(t);
        cli_table_none(t);
    } else {
        cli_table_int(t, a->reach_items[p->item]);
        cli_table_int(t, a->reach_final[p->item]);
    }
    cli_table_bool(t, p->control_point);
    vc_knowledge_of(&o->ks, p->actor, p->item, &k);
    cli_knowledge_cells(t, &o->ks, &k);
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
    provision_columns(&t, 1, a);
    cli_table_stream(&t, stdout, o->fmt); /* --all: millions of rows */
    for (size_t k = 0; k < (idx ? n : a->n_provisions); k++) {
        const struct vc_provision_score *p = &a->provisions[idx ? idx[k] : k];
        struct vc_knowledge kn;
        if (!o->all && !p->control_point)
            break; /* control points come first */
        if ((!o->all && !in_view(a, p)) || !knowledge_ok(o, p, &kn))
            continue;
        if (o->top && rank >= o->top)
            break;
        provision_row(&t, a, o, p, ++rank);
    }
    rc = cli_table_print_rows(&t, o->fmt, NULL); /* why: explain_empty */
    cli_table_release(&t);
    *rows = rank;
    return rc;
}

static void firm_columns(struct cli_table *t)
{
    static const struct cli_col cols[] = {
        { "rank", CLI_COL_INT }, { "actor", CLI_COL_TEXT }, { "country", CLI_COL_TEXT },
        { "sector", CLI_COL_TEXT, .drop = 2 }, { "customers", CLI_COL_INT },
        { "dependents", CLI_COL_INT, .drop = 5 }, { "top_customer", CLI_COL_TEXT, .drop = 3 },
        { "top_group", CLI_COL_TEXT, .drop = 6 }, { "top_share", CLI_COL_NUM },
        { "market_share", CLI_COL_NUM, .drop = 4 }, { "impact", CLI_COL_NUM },
        { "stops", CLI_COL_INT, .drop = 1 }, { "control_point", CLI_COL_BOOL },
        { "reason", CLI_COL_TEXT, .under = true },
    };
    CLI_TABLE_COLS(t, cols);
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
    rc = cli_table_print_rows(&t, o->fmt, NULL); /* why: explain_empty */
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
    static const struct cli_col before[] = {
        { "rank", CLI_COL_INT }, { "actor", CLI_COL_TEXT }, { "country", CLI_COL_TEXT },
        { "level", CLI_COL_TEXT, .drop = 4 }, { "control_points", CLI_COL_INT },
        { "impact", CLI_COL_NUM },
    };
    static const struct cli_col after[] = {
        { "impact_estimated", CLI_COL_BOOL, .drop = 3 }, { "spof_finals", CLI_COL_INT, .drop = 2 },
        { "top_item", CLI_COL_TEXT }, { "top_share", CLI_COL_NUM, .drop = 1 },
    };
    CLI_TABLE_COLS(&t, before);
    if (a->n_bounds)
        cli_table_col(&t, "impact_bound", CLI_COL_BOOL);
    CLI_TABLE_COLS(&t, after);
    cli_knowledge_cols(&t);
    cli_table_stream(&t, stdout, o->fmt);
    for (size_t j = 0; j < n; j++) {
        const struct vc_firm_score *f = vc_analysis_firm(a, h[j].actor);
        struct vc_knowledge k;
        if (o->country && !in_country(c, h[j].actor, o->country))
            continue;
        if (c->level[h[j].actor] != a->opts.level)
            continue; /* firms and countries are ranked apart (--level) */
        vc_knowledge_of(&o->ks, h[j].actor, UINT32_MAX, &k);
        if (!vc_knowledge_passes(&k, o->min_knowledge))
            continue;
        if (o->top && rank >= o->top)
            break;
        cli_table_row(&t);
        cli_table_int(&t, (long long)++rank);
        cli_table_text(&t, c->label[h[j].actor]);
        cli_table_text(&t, c->country[h[j].actor]);
        cli_table_text(&t, vc_level_name((enum vc_level)c->level[h[j].actor]));
        cli_table_int(&t, (long long)h[j].held);
        cli_table_num(&t, a->impact[h[j].actor]);
        if (a->n_bounds)
            cli_table_bool(&t, a->impact_bound[h[j].actor]);
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
        cli_knowledge_cells(&t, &o->ks, &k);
    }
    rc = cli_table_print_rows(&t, o->fmt, NULL); /* why: explain_empty */
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
    static const struct cli_col cols[] = {
        { "rank", CLI_COL_INT }, { "country", CLI_COL_TEXT }, { "name", CLI_COL_TEXT },
        { "actors", CLI_COL_INT }, { "control_points", CLI_COL_INT }, { "impact", CLI_COL_NUM },
        { "impact_estimated", CLI_COL_BOOL },
    };
    CLI_TABLE_COLS(&t, cols);
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
    rc = cli_table_print_rows(&t, o->fmt, NULL); /* why: explain_empty */
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
        cli_table_drop(&t, 8);
        for (size_t j = 0; j < n && !(o->top && (long)j >= o->top); j++) {
            firm_row(&t, a, &a->firms[deps[j].firm], (long)j + 1);
            cli_table_int(&t, (long long)deps[j].n_firms);
            cli_table_text(&t, c->label[deps[j].example]);
        }
        free(deps);
    } else {
        provision_columns(&t, 1, a);
        cli_table_col(&t, "own_items_downstream", CLI_COL_INT);
        cli_table_col(&t, "example_own_item", CLI_COL_TEXT);
        cli_table_drop(&t, 8);
        for (size_t j = 0, shown = 0; j < v->n_deps; j++) {
            const struct vc_dependency *d = &v->deps[j];
            struct vc_knowledge kn;
            if ((!o->all && !in_view(a, &a->provisions[d->provision])) ||
                !knowledge_ok(o, &a->provisions[d->provision], &kn))
                continue;
            if (o->top && (long)shown >= o->top)
                break;
            provision_row(&t, a, o, &a->provisions[d->provision], (long)++shown);
            cli_table_int(&t, (long long)d->n_items);
            cli_table_text(&t, c->label[d->example]);
        }
    }
    rc = cli_table_print_rows(&t, o->fmt, firm_network(c)
                              ? "no control point held elsewhere supplies its firms"
                              : "no control point held elsewhere is upstream of what it "
                                "provides");
    cli_table_release(&t);
    return rc ? EXIT_DATA : EXIT_OK;
}

/* A cluster's members as text: "ITEM: ACTOR (CC) 55.0 % hard to replace,
 * can stop it, ...; ITEM: ..." (at most max per item; 0: all). */
static void members_text(const struct vc_chain *c, const struct vc_cluster_member *m, size_t n,
                         char *buf, size_t size)
{
    size_t used = 0;
    uint32_t item = UINT32_MAX;
    buf[0] = '\0';
    for (size_t j = 0; j < n && used < size; j++) {
        const char *sep = m[j].item != item ? (j ? "; " : "") : ", ";
        const char *head = m[j].item != item ? c->label[m[j].item] : "";
        int w;
        if (m[j].actor == UINT32_MAX)
            w = snprintf(buf + used, size - used, "%s%s: no provider in the data", sep, head);
        else
            w = snprintf(buf + used, size - used, "%s%s%s%s (%s) %.1f %%%s%s%s", sep, head,
                         m[j].item != item ? ": " : "", c->label[m[j].actor],
                         c->country[m[j].actor] ? c->country[m[j].actor] : "?",
                         m[j].share * 100, m[j].share_known ? "" : " (estimated)",
                         m[j].hard ? ", hard to replace" : "",
                         m[j].spof ? ", alone can stop it" : "");
        if (w > 0)
            used += (size_t)w;
        item = m[j].item;
    }
    if (used >= size && size > 4)
        memcpy(buf + size - 4, "...", 4);
}

/* --country's third table: what each of its control points stands on. */
static int print_clusters(const struct vc_analysis *a, const struct rank_opts *o,
                          const struct vc_country_view *v)
{
    const struct vc_chain *c = a->chain;
    struct vc_error err = VC_ERROR_INIT;
    struct vc_clusters cl;
    struct cli_table t;
    char sup[2048], use[2048], stop[1024];
    int rc = EXIT_OK;

    if (vc_clusters_find(a, v, &cl, &err) != VC_OK)
        return cli_report(&err);
    if (o->fmt == FMT_TEXT)
        cli_fit_printf(stdout, "\nWhat the control points of %s stand on (suppliers, users, "
                       "single points of failure):\n\n", cli_safe(v->code));
    else if (o->fmt == FMT_JSON)
        fputs(", \"clusters\": ", stdout);
    else
        fputs("\n", stdout);
    cli_table_init(&t);
    static const struct cli_col cols[] = {
        { "rank", CLI_COL_INT }, { "actor", CLI_COL_TEXT }, { "item", CLI_COL_TEXT },
        { "verdict", CLI_COL_TEXT }, { "inputs", CLI_COL_INT }, { "foreign_spof", CLI_COL_INT },
        { "domestic_hard", CLI_COL_INT }, { "suppliers", CLI_COL_TEXT }, { "users", CLI_COL_TEXT },
        { "single_points_of_failure", CLI_COL_TEXT }, { "why", CLI_COL_TEXT },
    };
    CLI_TABLE_COLS(&t, cols);
    for (size_t k = 0, shown = 0; k < cl.n; k++) {
        const struct vc_cluster *x = &cl.v[k];
        const struct vc_provision_score *p = &a->provisions[x->provision];
        struct vc_knowledge kn;
        size_t used = 0;
        if (!knowledge_ok(o, p, &kn))
            continue;
        if (o->top && (long)shown >= o->top)
            break;
        members_text(c, x->suppliers, x->n_suppliers, sup, sizeof(sup));
        members_text(c, x->users, x->n_users, use, sizeof(use));
        stop[0] = '\0';
        for (size_t j = 0; j < x->n_spof && used < sizeof(stop); j++) {
            int w = snprintf(stop + used, sizeof(stop) - used, "%s%s (%s)", j ? ", " : "",
                             c->label[x->spof[j]],
                             c->country[x->spof[j]] ? c->country[x->spof[j]] : "?");
            if (w > 0)
                used += (size_t)w;
        }
        cli_table_row(&t);
        cli_table_int(&t, (long long)++shown);
        cli_table_text(&t, c->label[p->actor]);
        cli_table_text(&t, c->label[p->item]);
        cli_table_text(&t, vc_cluster_verdict_name(x->verdict));
        cli_table_int(&t, (long long)x->n_inputs);
        cli_table_int(&t, (long long)x->foreign_spof);
        cli_table_int(&t, (long long)x->domestic_hard);
        cli_table_text(&t, sup);
        cli_table_text(&t, use);
        cli_table_text(&t, stop);
        cli_table_text(&t, x->text);
    }
    if (cli_table_print_rows(&t, o->fmt, "it holds no control point") != 0)
        rc = EXIT_DATA;
    cli_table_release(&t);
    vc_clusters_release(&cl);
    return rc;
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
        rc = cli_country_missing(a->chain, o->country);
        goto out;
    }
    s = &a->countries[v.country];
    if (o->fmt == FMT_TEXT)
        cli_fit_printf(stdout, "Control points held by %s (%s)%s: %zu; extracting the "
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
        cli_fit_printf(stdout, "\nOthers' control points upstream of what %s %s:\n\n",
                       cli_safe(s->code), firms ? "makes" : "provides");
    else if (o->fmt == FMT_JSON)
        fputs(", \"depends_on\": ", stdout);
    else if (o->fmt == FMT_MD || o->fmt == FMT_TSV || o->fmt == FMT_CSV)
        fputs("\n", stdout);
    rc = print_dependencies(a, o, &v);
    if (rc == EXIT_OK && !firms)
        rc = print_clusters(a, o, &v);
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
    static const struct cli_col cols[] = {
        { "rank", CLI_COL_INT }, { "node", CLI_COL_TEXT }, { "country", CLI_COL_TEXT },
        { "degree", CLI_COL_INT }, { "strength", CLI_COL_NUM }, { "betweenness", CLI_COL_NUM },
        { "pagerank", CLI_COL_NUM },
    };
    CLI_TABLE_COLS(&t, cols);
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
    rc = cli_table_print_rows(&t, o->fmt, NULL); /* why: explain_empty */
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
static int print_rank(struct cli_run *r, void *ctx)
{
    struct rank_opts *o = ctx;
    const struct cli_chain *ch = &r->ch[0];
    const struct vc_analysis *a = &ch->a;
    long rows = 0;
    int rc;

    o->fmt = r->fmt;
    o->top = r->top;
    if (a->n_bounds)
        cli_note("%s: %zu impacts of actors and provisions below --theta-impact %g are upper "
                 "bounds, not extractions (impact_bound; --exact extracts every one)",
                 ch->c.graph->source, a->n_bounds, a->opts.theta_impact);

    if (o->by == BY_DEFAULT)
        o->by = firm_network(&ch->c) ? BY_SUPPLIER : BY_PROVISION;
    vc_knowledge_init(&o->ks, &ch->c);
    cli_min_knowledge_check(&o->ks, o->min_knowledge);
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
        explain_empty(a, o, r->eng.strict);
        if (r->eng.strict)
            rc = EXIT_DATA;
    }
    return rc;
}

int cmd_rank(int argc, char **argv)
{
    enum { OPT_COUNTRY = OPT_FIRST_COMMAND_OPTION, OPT_BY, OPT_ALL, OPT_MIN_KNOWLEDGE,
           OPT_EXACT, OPT_BOUNDS };
    static const struct option longopts[] = {
        CLI_TABLE_LONGOPTS,
        { "country", required_argument, 0, OPT_COUNTRY },
        { "by", required_argument, 0, OPT_BY },
        { "all", no_argument, 0, OPT_ALL },
        { "min-knowledge", required_argument, 0, OPT_MIN_KNOWLEDGE },
        { "exact", no_argument, 0, OPT_EXACT },
        { "bounds", no_argument, 0, OPT_BOUNDS },
        CLI_ENGINE_LONGOPTS_END,
    };
    static const struct cli_choice by[] = {
        { "provision", BY_PROVISION, false }, { "supplier", BY_SUPPLIER, false },
        { "actor", BY_ACTOR, false }, { "country", BY_COUNTRY, false },
    };
    struct rank_opts o = { cli_default_format(), 0, 0, NULL, BY_DEFAULT, NAN, { 0 } };
    struct cli_run r;
    int opt;

    cli_run_init(&r, "rank", usage);
    r.eng.opts.bounds = VC_BOUNDS_AUTO;
    while ((opt = cli_run_option(&r, argc, argv, "h", longopts)) > 0) {
        if (opt == OPT_COUNTRY)
            o.country = optarg;
        else if (opt == OPT_ALL)
            o.all = 1;
        else if (opt == OPT_MIN_KNOWLEDGE)
            r.rc = cli_min_knowledge_option("rank", optarg, &o.min_knowledge);
        else if (opt == OPT_EXACT)
            r.eng.opts.bounds = VC_BOUNDS_NEVER;
        else if (opt == OPT_BOUNDS)
            r.eng.opts.bounds = VC_BOUNDS_ALWAYS;
        else
            r.rc = CLI_CHOOSE("rank", "--by", optarg, by, &o.by);
    }
    return cli_run_main(&r, argc, argv, 1, true, print_rank, &o);
}
