/*
 * cmd_convert.c - `vchain convert IN -o OUT`: change format, nothing else.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "vchain/export.h"

static const char usage[] =
    "Usage: vchain convert [OPTIONS] IN -o OUT\n"
    "\n"
    "Reads IN (GraphML, GEXF or a folder of CSV tables such as the ETO Chip\n"
    "Explorer data; '-' for standard input) and writes the same graph to OUT as\n"
    "GraphML, GEXF, JSON or CSV, with every attribute typed, and without scores,\n"
    "colours or positions (use 'vchain export' for an annotated graph).  Shares are\n"
    "written as fractions and countries as ISO alpha-3 codes.\n"
    "\n"
    "Options:\n"
    "  -o, --output OUT      where to write ('-' for standard output); required\n"
    "  --format FMT          graphml, gexf, json, graphology or csv; default: from\n"
    "                        OUT's extension (as for 'vchain export'), csv for a\n"
    "                        folder, graphml for '-'; any other name is refused\n"
    "  --gexf-version V      1.2 (default) or 1.3\n"
    "  -h, --help            this help\n"
    "\n" CLI_INPUT_HELP
    "\n"
    "Exit status: 0 success, 1 IN could not be read or OUT not written (an\n"
    "existing OUT is then left as it was), 2 usage error.\n";

int cmd_convert(int argc, char **argv)
{
    enum { OPT_FORMAT = OPT_FIRST_COMMAND_OPTION };
    static const struct option longopts[] = {
        CLI_OUTPUT_LONGOPT,
        { "format", required_argument, 0, OPT_FORMAT },
        CLI_GEXF_LONGOPT,
        CLI_INPUT_LONGOPTS_END,
    };
    struct cli_run r;
    struct vc_error err = VC_ERROR_INIT;
    struct vc_export_opts eo = VC_EXPORT_OPTS_INIT;
    int fmt = VC_EXPORT_AUTO;
    const char *out;

    eo.viz = false;
    eo.edge_weight = VC_VIZ_NONE; /* the graph as it is: its own weight column, if any */
    cli_run_init(&r, "convert", usage);
    while (cli_run_option(&r, argc, argv, "ho:", longopts) > 0) /* only --format is its own */
        r.rc = CLI_CHOOSE("convert", "--format", optarg, cli_graph_formats, &fmt);
    out = r.output;
    eo.gexf_version = r.gexf_version;
    if (r.rc == EXIT_OK && !r.done && (optind + 1 != argc || !out))
        r.rc = cli_usage_error("convert", optind + 1 != argc ? "exactly one input, please"
                                                             : "no output given (-o OUT)");
    if (r.rc == EXIT_OK && !r.done)
        r.rc = cli_output_format("convert", out, &fmt);
    eo.csv_raw = cli.csv_raw;
    if (cli_run_open(&r, argc, argv, 1, false) &&
        vc_export_file(&r.ch[0].g, (enum vc_export_format)fmt, out, &eo, &err) != VC_OK)
        r.rc = cli_report(&err);
    return cli_run_finish(&r);
}
