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
    "  --format FMT          gexf, graphml, csv, json (node-link) or graphology\n"
    "                        (Graph.from(), for sigma.js); default: from OUT's\n"
    "                        extension (.gexf .graphml .xml .csv .json\n"
    "                        .graphology.json), csv for a folder (OUT/ or an\n"
    "                        existing one), graphml for '-'; any other name is\n"
    "                        refused\n"
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
    "  --edge-weight COLUMN  the edge weight Gephi filters and lays out by (GEXF\n"
    "                        weight, GraphML key weight, CSV Weight, JSON weight):\n"
    "                        auto (default: share, else the engine's share\n"
    "                        estimate, else the edge's weight, else 1), a numeric\n"
    "                        edge column as it is, keep (the weights FILE\n"
    "                        carries), or none (FILE's own weight column only)\n"
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

/* --size-by and --thickness-by: "none" means no column. */
static const char *column_choice(const char *s)
{
    return strcmp(s, "none") == 0 ? VC_VIZ_NONE : s;
}

/* Scored (unless --no-analysis; the input's own columns named like the
 * results are kept) and the scores written as columns, laid out, written. */
static int write_export(struct cli_run *r, bool analyse, enum vc_export_format fmt,
                        enum vc_layout layout, const struct vc_export_opts *eo, const char *out)
{
    struct cli_chain *ch = &r->ch[0];
    struct vc_error err = VC_ERROR_INIT;
    bool laid_out = eo->viz && fmt != VC_EXPORT_CSV;
    int rc;

    if (analyse && ((rc = cli_result_clashes(&r->eng, &ch->g)) != EXIT_OK ||
                    (rc = cli_chain_score(ch, &r->eng)) != EXIT_OK))
        return rc;
    if ((ch->scored && vc_analysis_annotate(&ch->a, &ch->g, &err) != VC_OK) ||
        (laid_out && vc_layout_compute(&ch->g, layout, NULL, &err) != VC_OK) ||
        vc_export_file(&ch->g, fmt, out, eo, &err) != VC_OK)
        return cli_report(&err);
    return EXIT_OK;
}

int cmd_export(int argc, char **argv)
{
    enum {
        OPT_FORMAT = OPT_FIRST_COMMAND_OPTION, OPT_LAYOUT, OPT_COLOR_BY,
        OPT_SIZE_BY, OPT_THICKNESS_BY, OPT_NO_VIZ, OPT_NO_ANALYSIS, OPT_EDGE_WEIGHT
    };
    static const struct option longopts[] = {
        CLI_OUTPUT_LONGOPT,
        { "format", required_argument, 0, OPT_FORMAT },
        CLI_GEXF_LONGOPT,
        { "layout", required_argument, 0, OPT_LAYOUT },
        { "color-by", required_argument, 0, OPT_COLOR_BY },
        { "size-by", required_argument, 0, OPT_SIZE_BY },
        { "thickness-by", required_argument, 0, OPT_THICKNESS_BY },
        { "edge-weight", required_argument, 0, OPT_EDGE_WEIGHT },
        { "no-viz", no_argument, 0, OPT_NO_VIZ },
        { "no-analysis", no_argument, 0, OPT_NO_ANALYSIS },
        CLI_ENGINE_LONGOPTS_END,
    };
    static const struct cli_choice layouts[] = {
        { "layered", VC_LAYOUT_LAYERED, false }, { "fr", VC_LAYOUT_FR, false },
        { "drl", VC_LAYOUT_DRL, false }, { "none", VC_LAYOUT_NONE, false },
    };
    static const struct cli_choice colours[] = {
        { "kind", VC_COLOR_KIND, false }, { "country", VC_COLOR_COUNTRY, false },
        { "cp", VC_COLOR_CP, false }, { "keep", VC_COLOR_KEEP, false },
        { "none", VC_COLOR_NONE, false },
    };
    struct cli_run r;
    struct vc_export_opts eo = VC_EXPORT_OPTS_INIT;
    int fmt = VC_EXPORT_AUTO, layout = VC_LAYOUT_LAYERED, colour = VC_COLOR_KIND;
    const char *out;
    int opt;
    bool analyse = true;

    cli_run_init(&r, "export", usage);
    while ((opt = cli_run_option(&r, argc, argv, "ho:", longopts)) > 0) {
        switch (opt) {
        case OPT_FORMAT:
            r.rc = CLI_CHOOSE("export", "--format", optarg, cli_graph_formats, &fmt);
            break;
        case OPT_LAYOUT: r.rc = CLI_CHOOSE("export", "--layout", optarg, layouts, &layout); break;
        case OPT_COLOR_BY:
            r.rc = CLI_CHOOSE("export", "--color-by", optarg, colours, &colour);
            break;
        case OPT_SIZE_BY: eo.size_by = column_choice(optarg); break;
        case OPT_THICKNESS_BY: eo.thickness_by = column_choice(optarg); break;
        case OPT_EDGE_WEIGHT:
            eo.edge_weight = strcmp(optarg, "auto") == 0 ? NULL : column_choice(optarg);
            break;
        case OPT_NO_VIZ: eo.viz = false; break;
        case OPT_NO_ANALYSIS: analyse = false; break;
        }
    }
    eo.color_by = (enum vc_color_by)colour;
    eo.csv_raw = cli.csv_raw;
    eo.gexf_version = r.gexf_version;
    out = r.output;
    if (cli_run_args(&r, argc, 1))
        r.rc = out ? cli_output_format("export", out, &fmt)
                   : cli_usage_error("export", "no output given (-o OUT, or -o - for "
                                     "standard output)");
    if (cli_run_open(&r, argc, argv, 1, false))
        r.rc = write_export(&r, analyse, (enum vc_export_format)fmt, (enum vc_layout)layout,
                            &eo, out);
    return cli_run_finish(&r);
}
