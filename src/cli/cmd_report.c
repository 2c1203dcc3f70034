/*
 * cmd_report.c - `vchain report FILE -o report.html`: one self-contained page
 * that explains the chain's control points (or -o chain.svg: the picture).
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "vchain/layout.h"
#include "vchain/opportunity.h"
#include "vchain/report.h"

static const char usage[] =
    "Usage: vchain report [OPTIONS] FILE -o OUT\n"
    "\n"
    "Scores the value chain in FILE (GraphML, GEXF or a folder of CSV tables) and\n"
    "writes one self-contained page that explains it: the layered chain with its\n"
    "control points highlighted, the top control-point holders by impact, each top\n"
    "item's providers' shares with HHI and N_eff, and a table of every number\n"
    "shown.  Inline SVG and CSS only: no script, no fetches, no external fonts; it\n"
    "opens offline in any browser and prints on A4.  The same input gives the same\n"
    "bytes (the date comes from SOURCE_DATE_EPOCH when set).\n"
    "\n"
    "Options:\n"
    "  -o, --output OUT      report.html, or chart.svg for the chain picture alone\n"
    "                        ('-' writes HTML to standard output); required\n"
    "  --format html|svg     default: from OUT's extension (.html .htm .svg; '-'\n"
    "                        is html); any other name is refused\n"
    "  --country CODE        add a section on that country: its control points and\n"
    "                        what they stand on (suppliers, users, single points of\n"
    "                        failure: as 'vchain rank --country'), its dependencies\n"
    "                        on others', and its row and column of the\n"
    "                        mutual-dependency matrix (as 'vchain deps'), and\n"
    "                        where it could build control points: its near misses\n"
    "                        and footholds with a chart of the shares held and\n"
    "                        needed (as 'vchain opportunities', --top of each)\n"
    "  --countries LIST      with --country: the counterparts in its row and column\n"
    "                        of the matrix, comma-separated (default: the countries\n"
    "                        holding a control point)\n"
    "  --top N               nodes labelled, holders and items shown (default 12)\n"
    "  -h, --help            this help\n"
    "\n" CLI_ENGINE_HELP "\n" CLI_INPUT_HELP
    "\n"
    "Exit status: 0 success, 1 data error or OUT not written (an existing OUT is\n"
    "then left as it was), 2 usage error.\n";

/* The countries for the matrix: the view's country, and those listed
 * (--countries), else those holding a control point. */
static int deps_for(const struct vc_analysis *a, struct cli_engine *eng,
                    const struct vc_country_view *v, const char *list, struct vc_deps *d)
{
    struct vc_error err = VC_ERROR_INIT;
    const char **codes = NULL, **listed = NULL;
    char *buf = NULL;
    size_t n = 0, n_listed = 0;
    int rc = EXIT_OK;

    if ((list && cli_split_list(list, &buf, &listed, &n_listed) != 0) ||
        !(codes = malloc((a->n_countries + n_listed + 1) * sizeof(char *)))) {
        rc = cli_nomem();
        goto out;
    }
    codes[n++] = v->code;
    for (size_t j = 0; j < n_listed; j++) {
        const char *a3 = vc_country_alpha3(listed[j]);
        if (strcasecmp(listed[j], v->code) != 0 && !(a3 && strcmp(a3, v->code) == 0))
            codes[n++] = listed[j];
    }
    for (size_t j = 0; !list && j < a->n_countries; j++)
        if (j != v->country && a->countries[j].control_points)
            codes[n++] = a->countries[j].code;
    if (vc_deps_matrix(a->chain, &eng->opts, codes, n, d, &err) != VC_OK)
        rc = cli_report(&err);
out:
    free(codes);
    free(listed);
    free(buf);
    return rc;
}

/* The page (or the picture) of ch into path, atomically. */
static int write_report(struct cli_chain *ch, struct cli_engine *eng, struct vc_report_opts *ro,
                        const char *country, const char *countries, int svg, const char *path)
{
    struct vc_deps deps;
    struct vc_country_view view;
    struct vc_clusters clusters;
    struct vc_opportunities opps;
    struct vc_opp_opts oo = VC_OPP_OPTS_INIT;
    struct vc_error err = VC_ERROR_INIT;
    struct vc_outfile of = VC_OUTFILE_INIT;
    char date[32], params[256];
    int rc = EXIT_OK, have_deps = 0, have_clusters = 0, have_opps = 0;

    /* positions: the layered layout reads the trophic levels just computed */
    if (vc_analysis_annotate(&ch->a, &ch->g, &err) != VC_OK ||
        vc_layout_compute(&ch->g, VC_LAYOUT_LAYERED, NULL, &err) != VC_OK)
        return cli_report(&err);
    if (country && !svg) {
        if (vc_country_view(&ch->a, country, &view, &err) != VC_OK) {
            rc = cli_report(&err);
            goto out;
        }
        if (view.country == SIZE_MAX) {
            rc = cli_country_missing(&ch->c, country);
            goto out;
        }
        if ((rc = deps_for(&ch->a, eng, &view, countries, &deps)) != EXIT_OK)
            goto out;
        have_deps = 1;
        if (vc_clusters_find(&ch->a, &view, &clusters, &err) != VC_OK) {
            rc = cli_report(&err);
            goto out;
        }
        have_clusters = 1;
        /* where it could build control points: --top of each kind */
        oo.top = ro->top;
        have_opps = 1;
        if (vc_opportunities_find(&ch->a, country, &oo, &opps, &err) != VC_OK) {
            rc = cli_report(&err);
            goto out;
        }
        ro->country = &view;
        ro->deps = &deps;
        ro->clusters = &clusters;
        ro->opportunities = &opps;
    }
    cli_report_date(date, sizeof(date));
    cli_report_params(&eng->opts, params, sizeof(params));
    ro->title = ch->g.source;
    ro->date = date;
    ro->params = params;
    if (vc_outfile_open(&of, path, &err) != VC_OK) {
        rc = cli_report(&err);
    } else if ((svg ? vc_report_svg(&ch->g, &ch->a, ro, of.fp, &err)
                    : vc_report_html(&ch->g, &ch->a, ro, of.fp, &err)) != VC_OK) {
        vc_outfile_fail(&of, VC_EIO, &err);
        rc = cli_report(&err);
    } else if (vc_outfile_commit(&of, &err) != VC_OK) {
        rc = cli_report(&err);
    }
out:
    if (have_opps)
        vc_opportunities_release(&opps);
    if (have_clusters)
        vc_clusters_release(&clusters);
    if (country && !svg)
        vc_country_view_release(&view);
    if (have_deps)
        vc_deps_release(&deps);
    return rc;
}

int cmd_report(int argc, char **argv)
{
    enum { OPT_FORMAT = OPT_FIRST_COMMAND_OPTION, OPT_TOP, OPT_COUNTRY, OPT_COUNTRIES };
    static const struct option longopts[] = {
        CLI_OUTPUT_LONGOPT,
        { "format", required_argument, 0, OPT_FORMAT },
        { "top", required_argument, 0, OPT_TOP },
        { "country", required_argument, 0, OPT_COUNTRY },
        { "countries", required_argument, 0, OPT_COUNTRIES },
        CLI_ENGINE_LONGOPTS_END,
    };
    static const struct cli_choice formats[] = { { "html", 0, false }, { "svg", 1, false } };
    struct vc_report_opts ro = VC_REPORT_OPTS_INIT;
    struct cli_run r;
    const char *out, *country = NULL, *countries = NULL;
    int opt, svg = -1;
    char *end;
    long top;

    cli_run_init(&r, "report", usage);
    while ((opt = cli_run_option(&r, argc, argv, "ho:", longopts)) > 0) {
        switch (opt) {
        case OPT_FORMAT: r.rc = CLI_CHOOSE("report", "--format", optarg, formats, &svg); break;
        case OPT_TOP:
            top = strtol(optarg, &end, 10);
            if (end == optarg || *end || top < 1 || top > 1000)
                r.rc = cli_usage_error("report", "--top takes a number from 1 to 1000, not "
                                       "'%s'", optarg);
            else
                ro.top = (size_t)top;
            break;
        case OPT_COUNTRY: country = optarg; break;
        case OPT_COUNTRIES: countries = optarg; break;
        }
    }
    out = r.output;
    if (r.rc == EXIT_OK && !r.done && (optind + 1 != argc || !out))
        r.rc = cli_usage_error("report", optind + 1 != argc ? "exactly one input, please"
                                                            : "no output given (-o OUT)");
    else if (r.rc == EXIT_OK && !r.done && countries && !country)
        r.rc = cli_usage_error("report", "--countries goes with --country CODE");
    /* the name is checked before the (long) analysis */
    if (r.rc == EXIT_OK && !r.done && svg < 0)
        r.rc = cli_page_format("report", out, true, &svg);
    if (cli_run_open(&r, argc, argv, 1, true))
        r.rc = write_report(&r.ch[0], &r.eng, &ro, country, countries, svg, out);
    return cli_run_finish(&r);
}
