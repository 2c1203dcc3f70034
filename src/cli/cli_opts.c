/*
 * cli_opts.c - options shared by every command that reads a graph, and the
 * one place that turns a path into a loaded value chain.
 */
#include <string.h>

#include "cli.h"

void cli_input_init(struct cli_input *in)
{
    static const struct vc_load_opts load = VC_LOAD_OPTS_INIT;
    static const struct vc_attrmap map = VC_ATTRMAP_INIT;
    static const struct vc_diag diag = VC_DIAG_INIT;
    in->load = load;
    in->map = map;
    in->diag = diag;
    in->diag.warn = cli_warn_cb;
}

void cli_input_release(struct cli_input *in)
{
    vc_attrmap_release(&in->map);
}

int cli_input_option(struct cli_input *in, const char *cmd, int opt, const char *arg)
{
    struct vc_error err = VC_ERROR_INIT;

    switch (opt) {
    case OPT_MAP:
        if (vc_attrmap_add_spec(&in->map, arg, &err) != VC_OK) {
            cli_usage_error(cmd, "--map %s: %s", arg, err.msg);
            return -1;
        }
        return 1;
    case OPT_SHARE_SCALE:
        if (strcmp(arg, "auto") == 0)
            in->load.chain.share_scale = VC_SHARE_AUTO;
        else if (strcmp(arg, "fraction") == 0)
            in->load.chain.share_scale = VC_SHARE_FRACTION;
        else if (strcmp(arg, "percent") == 0)
            in->load.chain.share_scale = VC_SHARE_PERCENT;
        else {
            cli_usage_error(cmd, "--share-scale takes auto, fraction or percent, not '%s'", arg);
            return -1;
        }
        return 1;
    case OPT_LENIENT:
        in->load.import.lenient = true;
        return 1;
    case OPT_STRICT:
        in->diag.strict = 1;
        return 1;
    case OPT_INPUT_FORMAT:
        if (strcmp(arg, "auto") == 0)
            in->load.format = VC_FMT_AUTO;
        else if (strcmp(arg, "graphml") == 0)
            in->load.format = VC_FMT_GRAPHML;
        else if (strcmp(arg, "gexf") == 0)
            in->load.format = VC_FMT_GEXF;
        else if (strcmp(arg, "tables") == 0)
            in->load.format = VC_FMT_TABLES;
        else {
            cli_usage_error(cmd, "--input-format takes auto, graphml, gexf or tables, not '%s'",
                            arg);
            return -1;
        }
        return 1;
    default:
        return 0;
    }
}

int cli_load(struct cli_input *in, const char *path, struct vc_graph *g, struct vc_chain *c)
{
    struct vc_error err = VC_ERROR_INIT;
    in->load.import.map = in->map.count ? &in->map : NULL;
    if (vc_load(path, &in->load, g, c, &in->diag, &err) != VC_OK)
        return cli_report(&err);
    return 0;
}

int cli_format_parse(const char *s)
{
    static const struct { const char *name; int fmt; } names[] = {
        { "text", FMT_TEXT }, { "tsv", FMT_TSV }, { "csv", FMT_CSV },
        { "json", FMT_JSON }, { "md", FMT_MD }, { "markdown", FMT_MD },
    };
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        if (strcmp(s, names[i].name) == 0)
            return names[i].fmt;
    return -1;
}
