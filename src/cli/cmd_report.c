/*
 * cmd_report.c - `vchain report FILE -o report.html`: one self-contained page
 * that explains the chain's control points (or -o chain.svg: the picture).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "vchain/layout.h"
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
    "  --format html|svg     default: from OUT's extension, else html\n"
    "  --country CODE        add a section on that country: its control points,\n"
    "                        its dependencies on others', and its row and column of\n"
    "                        the mutual-dependency matrix (as 'vchain deps')\n"
    "  --top N               nodes labelled, holders and items shown (default 12)\n"
    "  -h, --help            this help\n"
    "\n" CLI_ENGINE_HELP "\n" CLI_INPUT_HELP
    "\n"
    "Exit status: 0 success, 1 data error or OUT not written (an existing OUT is\n"
    "then left as it was), 2 usage error.\n";

static int ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcasecmp(s + a - b, suffix) == 0;
}

/* The countries for the matrix: the view's country, and those holding a
 * control point. */
static int deps_for(const struct vc_analysis *a, struct cli_engine *eng,
                    const struct vc_country_view *v, struct vc_deps *d)
{
    struct vc_error err = VC_ERROR_INIT;
    const char **codes = malloc((a->n_countries + 1) * sizeof(char *));
    size_t n = 0;
    int rc = EXIT_OK;

    if (!codes)
        return cli_nomem();
    codes[n++] = v->code;
    for (size_t j = 0; j < a->n_countries; j++)
        if (j != v->country && a->countries[j].control_points)
            codes[n++] = a->countries[j].code;
    if (vc_deps_matrix(a->chain, &eng->opts, codes, n, d, &err) != VC_OK)
        rc = cli_report(&err);
    free(codes);
    return rc;
}

/* The page (or the picture) of ch into path, atomically. */
static int write_report(struct cli_chain *ch, struct cli_engine *eng, struct vc_report_opts *ro,
                        const char *country, int svg, const char *path)
{
    struct vc_deps deps;
    struct vc_country_view view;
    struct vc_error err = VC_ERROR_INIT;
    struct vc_outfile of = VC_OUTFILE_INIT;
    char date[32], params[256];
    int rc = EXIT_OK, have_deps = 0;

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
            cli_error("no actor of country '%s' in the data", country);
            rc = EXIT_DATA;
            goto out;
        }
        if ((rc = deps_for(&ch->a, eng, &view, &deps)) != EXIT_OK)
            goto out;
        have_deps = 1;
        ro->country = &view;
        ro->deps = &deps;
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
    if (country && !svg)
        vc_country_view_release(&view);
    if (have_deps)
        vc_deps_release(&deps);
    return rc;
}

int cmd_report(int argc, char **argv)
{
    enum { OPT_FORMAT = OPT_FIRST_COMMAND_OPTION, OPT_TOP, OPT_COUNTRY };
    static const struct option longopts[] = {
        { "output", required_argument, 0, 'o' },
        { "format", required_argument, 0, OPT_FORMAT },
        { "top", required_argument, 0, OPT_TOP },
        { "country", required_argument, 0, OPT_COUNTRY },
        { "help", no_argument, 0, 'h' },
        CLI_INPUT_LONGOPTS,
        CLI_ENGINE_LONGOPTS,
        { 0, 0, 0, 0 },
    };
    static const struct cli_choice formats[] = { { "html", 0, false }, { "svg", 1, false } };
    struct vc_report_opts ro = VC_REPORT_OPTS_INIT;
    struct cli_run r;
    const char *out = NULL, *country = NULL;
    int opt, svg = -1;
    char *end;
    long top;

    cli_run_init(&r, "report", usage);
    while ((opt = cli_run_option(&r, argc, argv, "ho:", longopts)) > 0) {
        switch (opt) {
        case 'o': out = optarg; break;
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
        }
    }
    if (r.rc == EXIT_OK && !r.done && (optind + 1 != argc || !out))
        r.rc = cli_usage_error("report", optind + 1 != argc ? "exactly one input, please"
                                                            : "no output given (-o OUT)");
    if (cli_run_open(&r, argc, argv, 1, true))
        r.rc = write_report(&r.ch[0], &r.eng, &ro, country, svg < 0 ? ends_with(out, ".svg")
                                                                    : svg, out);
    return cli_run_finish(&r);
}
