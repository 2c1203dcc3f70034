/*
 * cmd_export.c - `vchain export FILE -o OUT`: the annotated graph for Gephi,
 * sigma.js/graphology, Cytoscape.js, d3, NetworkX, igraph and spreadsheets.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "Usage: vchain export [OPTIONS] FILE -o OUT\n"
    "\n"
    "Reads FILE (GraphML, GEXF or a folder of CSV tables; '-' for standard input),\n"
    "scores it (the figures of 'vchain rank': impact, HHI, N_eff, replaceability,\n"
    "single points of failure, control points and their reasons, PageRank,\n"
    "betweenness, reach, trophic level), lays it out and writes it to OUT with\n"
    "every node and edge attribute, typed, plus colours, sizes and positions for\n"
    "Gephi and sigma.js.\n"
    "\n"
    "Options:\n"
    "  -o, --output OUT      where to write ('-' for standard output); required.\n"
    "                        For csv, OUT is a folder (OUT/nodes.csv, OUT/edges.csv)\n"
    "                        or NAME.csv (NAME-nodes.csv, NAME-edges.csv)\n"
    "  --format FMT          gexf, graphml, csv or json; default: from OUT's\n"
    "                        extension (.gexf .graphml .xml .csv .json), else gexf\n"
    "  --gexf-version V      1.2 (1.2draft, the default: every reader takes it) or 1.3\n"
    "  --layout L            layered (default: x = trophic level or stage depth),\n"
    "                        fr or drl (igraph's force-directed layouts), or none\n"
    "                        (keep the positions FILE carries, if any)\n"
    "  --color-by C          kind (default), country or cp: control points in\n"
    "                        vermillion, other nodes by kind, by country, or grey;\n"
    "                        keep: the colours FILE carries; none: no colours\n"
    "  --size-by COLUMN      node size from a numeric node column, scaled to 5..50\n"
    "                        (default: impact when present); keep: the sizes FILE\n"
    "                        carries; none: one size for all\n"
    "  --thickness-by COLUMN edge thickness from a numeric edge column, scaled to\n"
    "                        1..10 (default: weight, else share); keep; none\n"
    "  --no-viz              no colours, sizes, positions or thickness at all\n"
    "  --no-analysis         write the graph as read, without scores\n"
    "  -h, --help            this help\n"
    "\n" CLI_ENGINE_HELP "\n" CLI_INPUT_HELP
    "\n"
    "Gephi: untick \"Auto-scale\" in the import dialog to keep vchain's layout and\n"
    "sizes.  docs/formats.md (\"Exporting\") says what each format holds.\n"
    "\n"
    "Exit status: 0 success, 1 the input could not be read or OUT not written\n"
    "(an existing OUT is then left as it was), 2 usage error.\n";

static int parse_format(const char *s, enum vc_export_format *fmt)
{
    static const struct { const char *name; enum vc_export_format fmt; } names[] = {
        { "gexf", VC_EXPORT_GEXF }, { "graphml", VC_EXPORT_GRAPHML },
        { "csv", VC_EXPORT_CSV }, { "json", VC_EXPORT_JSON },
    };
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        if (strcmp(s, names[i].name) == 0) {
            *fmt = names[i].fmt;
            return 0;
        }
    }
    return -1;
}

static int parse_color(const char *s, enum vc_color_by *c)
{
    static const struct { const char *name; enum vc_color_by c; } names[] = {
        { "kind", VC_COLOR_KIND }, { "country", VC_COLOR_COUNTRY }, { "cp", VC_COLOR_CP },
        { "keep", VC_COLOR_KEEP }, { "none", VC_COLOR_NONE },
    };
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        if (strcmp(s, names[i].name) == 0) {
            *c = names[i].c;
            return 0;
        }
    }
    return -1;
}

/* --size-by and --thickness-by: "none" means no column. */
static const char *column_choice(const char *s)
{
    return strcmp(s, "none") == 0 ? VC_VIZ_NONE : s;
}

int cmd_export(int argc, char **argv)
{
    enum {
        OPT_FORMAT = OPT_FIRST_COMMAND_OPTION, OPT_GEXF_VERSION, OPT_LAYOUT, OPT_COLOR_BY,
        OPT_SIZE_BY, OPT_THICKNESS_BY, OPT_NO_VIZ, OPT_NO_ANALYSIS
    };
    static const struct option longopts[] = {
        { "output", required_argument, 0, 'o' },
        { "format", required_argument, 0, OPT_FORMAT },
        { "gexf-version", required_argument, 0, OPT_GEXF_VERSION },
        { "layout", required_argument, 0, OPT_LAYOUT },
        { "color-by", required_argument, 0, OPT_COLOR_BY },
        { "size-by", required_argument, 0, OPT_SIZE_BY },
        { "thickness-by", required_argument, 0, OPT_THICKNESS_BY },
        { "no-viz", no_argument, 0, OPT_NO_VIZ },
        { "no-analysis", no_argument, 0, OPT_NO_ANALYSIS },
        { "help", no_argument, 0, 'h' },
        CLI_INPUT_LONGOPTS,
        CLI_ENGINE_LONGOPTS,
        { 0, 0, 0, 0 },
    };
    struct cli_input in;
    struct cli_engine eng;
    struct vc_analysis a;
    int analyse = 1;
    struct vc_graph g;
    struct vc_chain c;
    struct vc_error err = VC_ERROR_INIT;
    struct vc_export_opts eo = VC_EXPORT_OPTS_INIT;
    enum vc_export_format fmt = VC_EXPORT_AUTO;
    enum vc_layout layout = VC_LAYOUT_LAYERED;
    const char *out = NULL;
    int opt, rc = EXIT_OK;

    cli_input_init(&in);
    cli_engine_init(&eng);
    while ((opt = getopt_long(argc, argv, "ho:", longopts, NULL)) != -1) {
        switch (opt) {
        case 'h':
            fputs(usage, stdout);
            cli_input_release(&in);
            return EXIT_OK;
        case 'o':
            out = optarg;
            continue;
        case OPT_FORMAT:
            if (parse_format(optarg, &fmt) == 0)
                continue;
            rc = cli_usage_error("export", "--format takes gexf, graphml, csv or json, not '%s'",
                                 optarg);
            break;
        case OPT_GEXF_VERSION:
            if (strcmp(optarg, "1.2") == 0 || strcmp(optarg, "1.2draft") == 0) {
                eo.gexf_version = VC_GEXF_1_2;
                continue;
            }
            if (strcmp(optarg, "1.3") == 0) {
                eo.gexf_version = VC_GEXF_1_3;
                continue;
            }
            rc = cli_usage_error("export", "--gexf-version takes 1.2 or 1.3, not '%s'", optarg);
            break;
        case OPT_LAYOUT:
            if (vc_layout_parse(optarg, &layout))
                continue;
            rc = cli_usage_error("export", "--layout takes layered, fr, drl or none, not '%s'",
                                 optarg);
            break;
        case OPT_COLOR_BY:
            if (parse_color(optarg, &eo.color_by) == 0)
                continue;
            rc = cli_usage_error("export", "--color-by takes kind, country, cp, keep or none, "
                                 "not '%s'", optarg);
            break;
        case OPT_SIZE_BY:
            eo.size_by = column_choice(optarg);
            continue;
        case OPT_THICKNESS_BY:
            eo.thickness_by = column_choice(optarg);
            continue;
        case OPT_NO_VIZ:
            eo.viz = false;
            continue;
        case OPT_NO_ANALYSIS:
            analyse = 0;
            continue;
        default:
            if ((rc = cli_shared_option(&in, &eng, "export", opt, optarg)) == EXIT_OK)
                continue;
            break;
        }
        cli_input_release(&in);
        return rc;
    }
    if ((rc = cli_one_input("export", argc, optind)) != EXIT_OK) {
        cli_input_release(&in);
        return rc;
    }
    if (!out) {
        cli_input_release(&in);
        return cli_usage_error("export", "no output given (-o OUT, or -o - for standard "
                               "output)");
    }
    if (fmt == VC_EXPORT_AUTO)
        fmt = vc_export_format_from_path(out);
    if (fmt == VC_EXPORT_AUTO)
        fmt = VC_EXPORT_GEXF; /* Gephi's own format when the name says nothing */
    if (fmt == VC_EXPORT_CSV && strcmp(out, "-") == 0) {
        cli_input_release(&in);
        return cli_usage_error("export", "csv writes two tables: give a folder or NAME.csv, "
                               "not '-'");
    }

    if ((rc = cli_load(&in, argv[optind], &g, &c)) != 0) {
        cli_input_release(&in);
        return rc;
    }
    if (analyse && (rc = cli_result_clashes(&eng, &g)) == EXIT_OK &&
        (rc = cli_analyse(&eng, &c, &a)) == EXIT_OK) {
        if (vc_analysis_annotate(&a, &g, &err) != VC_OK)
            rc = cli_report(&err);
        vc_analysis_release(&a);
    }
    if (rc == EXIT_OK && eo.viz && fmt != VC_EXPORT_CSV &&
        vc_layout_compute(&g, layout, NULL, &err) != VC_OK)
        rc = cli_report(&err);
    if (rc == EXIT_OK && vc_export_file(&g, fmt, out, &eo, &err) != VC_OK)
        rc = cli_report(&err);
    vc_chain_release(&c);
    vc_graph_release(&g);
    cli_input_release(&in);
    return rc;
}
