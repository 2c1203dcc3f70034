/*
 * cmd_opportunities.c - `vchain opportunities --country CODE FILE`: where
 * a country could build control points: its near misses and footholds,
 * each with the share it would need, the impact there, who holds the item
 * now and what reaching it would do to its dependency balance.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_knowledge.h"
#include "cli_table.h"
#include "vchain/opportunity.h"

static const char usage[] =
    "Usage: vchain opportunities --country CODE [OPTIONS] FILE\n"
    "\n"
    "Scores the value chain in FILE and lists where the country could build control\n"
    "points (docs/model.md, \"Opportunities\"):\n"
    "  near misses  provisions it holds that pass one of the two control-point tests\n"
    "               and fail the other: hard to replace but below the impact\n"
    "               threshold, or mattering but replaceable; ranked by how close\n"
    "               they come (the failed figure over its threshold);\n"
    "  footholds    items that matter (impact, single point of failure) and that a\n"
    "               provider abroad holds hard to replace, where the country has a\n"
    "               share that passes neither test, or holds a neighbouring item (an\n"
    "               input, a user, a variant or the category) at 20 % or more;\n"
    "               ranked by the share still to gain.\n"
    "Each row gives the share needed to be a control point (both tests), the impact\n"
    "at that share (extracting that much of the item), the largest providers now,\n"
    "and the country's leverage over the largest foreign provider's country\n"
    "(M[B][A] - M[A][B], as 'vchain deps') now and after a what-if in which it\n"
    "reaches that share, the others scaled down in proportion.  No row is a control\n"
    "point the country holds, nor on an item where it holds one.\n"
    "\n"
    "Options:\n"
    "  --country CODE        the country (alpha-2, alpha-3 or name); required\n"
    "  --kind near|foothold|all\n"
    "                        which list (default all)\n" CLI_KNOWLEDGE_HELP
    "  --top N               at most N rows of each kind\n"
    "  --format FMT          text (default on a terminal), tsv (default otherwise),\n"
    "                        csv, json (one object, also with --kind;\n"
    "                        docs/schema/opportunities.schema.json) or md\n"
    "  -h, --help            this help\n"
    "\n" CLI_ENGINE_HELP "\n" CLI_INPUT_HELP
    "\n"
    "Columns: rank, kind, actor (who would gain: the country's provider, the\n"
    "holder of the neighbouring item, or a new provider), country, item, share\n"
    "(now), estimated, share_needed, gap (share_needed - share), impact (now),\n"
    "impact_needed, item_impact (losing the whole item), closeness, neighbour,\n"
    "relation, holders (the largest providers now), main_country, leverage and\n"
    "leverage_after (over main_country), knowledge, knowledge_source, reason.\n"
    "\n"
    "Exit status: 0 success, 1 data error (no actor of the country), 2 usage error.\n";

enum kind { K_ALL, K_NEAR, K_FOOTHOLD };

struct opp_cli {
    int fmt;
    long top;
    const char *country;
    int which;            /* K_* */
    double min_knowledge;
};

static void columns(struct cli_table *t)
{
    static const struct cli_col cols[] = {
        { "rank", CLI_COL_INT }, { "kind", CLI_COL_TEXT }, { "actor", CLI_COL_TEXT },
        { "country", CLI_COL_TEXT }, { "item", CLI_COL_TEXT }, { "share", CLI_COL_NUM },
        { "estimated", CLI_COL_BOOL }, { "share_needed", CLI_COL_NUM }, { "gap", CLI_COL_NUM },
        { "impact", CLI_COL_NUM }, { "impact_needed", CLI_COL_NUM }, { "item_impact", CLI_COL_NUM },
        { "closeness", CLI_COL_NUM }, { "neighbour", CLI_COL_TEXT }, { "relation", CLI_COL_TEXT },
        { "holders", CLI_COL_TEXT }, { "main_country", CLI_COL_TEXT }, { "leverage", CLI_COL_NUM },
        { "leverage_after", CLI_COL_NUM },
    };
    CLI_TABLE_COLS(t, cols);
    cli_knowledge_cols(t);
    cli_table_col(t, "reason", CLI_COL_TEXT);
}

static void row(struct cli_table *t, const struct vc_analysis *a,
                const struct vc_knowledge_src *ks, const struct vc_opportunities *ops,
                const struct vc_opportunity *o, long rank)
{
    const struct vc_chain *c = a->chain;
    char holders[512];
    size_t n = 0;

    holders[0] = '\0';
    for (size_t j = 0; j < o->n_top && n < sizeof(holders); j++)
        n += (size_t)snprintf(holders + n, sizeof(holders) - n, "%s%s%s%s%s %.1f %%",
                              j ? ", " : "", c->label[o->top[j]],
                              c->country[o->top[j]] ? " (" : "",
                              c->country[o->top[j]] ? c->country[o->top[j]] : "",
                              c->country[o->top[j]] ? ")" : "", o->top_share[j] * 100);
    cli_table_row(t);
    cli_table_int(t, rank);
    cli_table_text(t, vc_opp_kind_name(o->kind));
    cli_table_text(t, o->actor != UINT32_MAX ? c->label[o->actor] : "(a new provider)");
    cli_table_text(t, ops->country);
    cli_table_text(t, c->label[o->item]);
    cli_table_num(t, o->share);
    cli_table_bool(t, o->share_estimated);
    cli_table_num(t, o->share_needed);
    cli_table_num(t, o->share_needed - o->share);
    cli_table_num(t, o->impact);
    cli_table_num(t, o->impact_needed);
    cli_table_num(t, o->item_impact);
    cli_table_num(t, o->closeness);
    cli_table_text(t, o->neighbour != UINT32_MAX ? c->label[o->neighbour] : NULL);
    cli_table_text(t, o->neighbour != UINT32_MAX ? vc_neighbour_name(o->relation) : NULL);
    cli_table_text(t, holders);
    cli_table_text(t, o->main_country);
    cli_table_num(t, o->ba_now - o->ab_now);
    cli_table_num(t, o->ba_after - o->ab_after);
    cli_knowledge_cells(t, ks, &o->knowledge);
    cli_table_text(t, o->reason);
}

static int print_kind(const struct vc_analysis *a, const struct vc_knowledge_src *ks,
                      const struct vc_opportunities *ops, bool near, int fmt)
{
    struct cli_table t;
    long rank = 0;
    int rc;

    cli_table_init(&t);
    columns(&t);
    for (size_t k = near ? 0 : ops->n_near; k < (near ? ops->n_near : ops->n); k++)
        row(&t, a, ks, ops, &ops->v[k], ++rank);
    rc = cli_table_print_rows(&t, fmt, near ? "no provision it holds is one test short of a "
                                              "control point"
                                            : "no item that matters, held abroad, where it has "
                                              "a share or a neighbour");
    cli_table_release(&t);
    return rc;
}

static int print_all(const struct vc_analysis *a, const struct vc_opportunities *ops,
                     const struct opp_cli *o)
{
    const struct vc_country_score *s = &a->countries[vc_analysis_country(a, ops->country)];
    const char *name = vc_country_name(ops->country);
    struct vc_knowledge_src ks;
    struct cli_sections sec;
    size_t n_foot = ops->n - ops->n_near;
    char title[256];
    int rc = 0;

    vc_knowledge_init(&ks, a->chain);
    cli_min_knowledge_check(&ks, o->min_knowledge);
    /* JSON is always the object, --kind one member of it */
    cli_sections_begin(&sec, o->which == K_ALL || o->fmt == FMT_JSON ? o->fmt : -1);
    if (o->fmt == FMT_TEXT || o->fmt == FMT_MD) {
        printf("Where %s (%s) could build control points: it holds %zu; %zu near miss%s%s, "
               "%zu foothold%s%s.\n",
               cli_safe(ops->country), name ? name : "?", s->control_points,
               ops->n_near, ops->n_near == 1 ? "" : "es",
               ops->more_near ? " shown" : "", n_foot, n_foot == 1 ? "" : "s",
               ops->more_footholds ? " shown" : "");
        printf("Knowledge intensity: %s.\n",
               ks.attr ? ks.attr
                       : "none in the data (no knowledge, rd_intensity or patent_share "
                         "attribute); the item's category is named as a proxy where it has one");
        if (ops->left_out_knowledge)
            printf("--min-knowledge left out %zu row%s.\n", ops->left_out_knowledge,
                   ops->left_out_knowledge == 1 ? "" : "s");
        sec.n++;
    }
    if (o->which != K_FOOTHOLD) {
        snprintf(title, sizeof(title), "Near misses: provisions of %s that fail one of the two "
                 "tests, closest first", ops->country);
        cli_section(&sec, "near_misses", title);
        rc |= print_kind(a, &ks, ops, true, o->fmt);
    }
    if (o->which != K_NEAR) {
        snprintf(title, sizeof(title), "Footholds: items that matter, held abroad, where %s has "
                 "a share or a neighbour; least to gain first", ops->country);
        cli_section(&sec, "footholds", title);
        rc |= print_kind(a, &ks, ops, false, o->fmt);
    }
    cli_sections_end(&sec);
    return rc ? EXIT_DATA : EXIT_OK;
}

/* The opportunities of o->country in the chain scored, printed. */
static int find_and_print(const struct vc_analysis *a, const struct opp_cli *o)
{
    struct vc_opp_opts oo = VC_OPP_OPTS_INIT;
    struct vc_opportunities ops;
    struct vc_error err = VC_ERROR_INIT;
    int rc;

    oo.min_knowledge = o->min_knowledge;
    oo.top = (size_t)o->top;
    if (vc_opportunities_find(a, o->country, &oo, &ops, &err) != VC_OK) {
        rc = cli_report(&err);
    } else if (!ops.country) {
        cli_error("no actor of country '%s' in the data", o->country);
        rc = EXIT_DATA;
    } else {
        rc = print_all(a, &ops, o);
    }
    vc_opportunities_release(&ops);
    return rc;
}

int cmd_opportunities(int argc, char **argv)
{
    enum { OPT_FORMAT = OPT_FIRST_COMMAND_OPTION, OPT_TOP, OPT_COUNTRY, OPT_KIND, OPT_MIN_K };
    static const struct option longopts[] = {
        { "format", required_argument, 0, OPT_FORMAT },
        { "top", required_argument, 0, OPT_TOP },
        { "country", required_argument, 0, OPT_COUNTRY },
        { "kind", required_argument, 0, OPT_KIND },
        { "min-knowledge", required_argument, 0, OPT_MIN_K },
        { "help", no_argument, 0, 'h' },
        CLI_INPUT_LONGOPTS,
        CLI_ENGINE_LONGOPTS,
        { 0, 0, 0, 0 },
    };
    static const struct cli_choice kinds[] = {
        { "near", K_NEAR, false }, { "foothold", K_FOOTHOLD, false }, { "all", K_ALL, false },
    };
    struct opp_cli o = { cli_default_format(), 0, NULL, K_ALL, NAN };
    struct cli_run r;
    int opt;

    cli_run_init(&r, "opportunities", usage);
    while ((opt = cli_run_option(&r, argc, argv, "h", longopts)) > 0) {
        switch (opt) {
        case OPT_FORMAT: r.rc = cli_table_format_option("opportunities", optarg, &o.fmt); break;
        case OPT_TOP: r.rc = cli_top_option("opportunities", optarg, &o.top); break;
        case OPT_COUNTRY: o.country = optarg; break;
        case OPT_KIND: r.rc = CLI_CHOOSE("opportunities", "--kind", optarg, kinds, &o.which); break;
        case OPT_MIN_K:
            r.rc = cli_min_knowledge_option("opportunities", optarg, &o.min_knowledge);
            break;
        }
    }
    if (cli_run_args(&r, argc, 1) && !o.country)
        r.rc = cli_usage_error("opportunities", "which country? (--country CODE)");
    if (cli_run_open(&r, argc, argv, 1, true))
        r.rc = find_and_print(&r.ch[0].a, &o);
    return cli_run_finish(&r);
}
