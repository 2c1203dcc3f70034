/*
 * cli_opts.c - options shared by every command that reads a graph, and the
 * one place that turns a path into a loaded value chain.
 */
#include <stdlib.h>
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
    case OPT_GROUP_BY:
        in->load.chain.group_by = arg;
        return 1;
    case OPT_DIRECTION:
        if (strcmp(arg, "required") == 0)
            in->load.chain.direction = VC_DIRECTION_REQUIRED;
        else if (strcmp(arg, "as-written") == 0)
            in->load.chain.direction = VC_DIRECTION_AS_WRITTEN;
        else {
            cli_usage_error(cmd, "--direction takes required or as-written, not '%s'", arg);
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

int cli_table_format_option(const char *cmd, const char *arg, int *fmt)
{
    int f = cli_format_parse(arg);
    if (f < 0)
        return cli_usage_error(cmd, "--format takes text, tsv, csv, json or md");
    *fmt = f;
    return EXIT_OK;
}

int cli_top_option(const char *cmd, const char *arg, long *top)
{
    char *end;
    long n = strtol(arg, &end, 10);
    if (end == arg || *end || n < 1)
        return cli_usage_error(cmd, "--top takes a positive number, not '%s'", arg);
    *top = n;
    return EXIT_OK;
}

int cli_one_input(const char *cmd, int argc, int optind)
{
    if (optind + 1 == argc)
        return EXIT_OK;
    return cli_usage_error(cmd, optind >= argc ? "no input FILE given" : "exactly one FILE, please");
}

void cli_engine_init(struct cli_engine *e)
{
    static const struct vc_engine_opts defaults = VC_ENGINE_OPTS_INIT;
    e->opts = defaults;
    e->strict = 0;
}

static int parse_fraction(const char *cmd, const char *opt, const char *arg, double lo,
                          double hi, double *out)
{
    char *end;
    double d = strtod(arg, &end);
    if (end == arg || *end || !(d >= lo && d <= hi)) {
        cli_usage_error(cmd, "%s takes a number from %g to %g, not '%s'", opt, lo, hi, arg);
        return -1;
    }
    *out = d;
    return 1;
}

static int parse_count(const char *cmd, const char *opt, const char *arg, long lo, long *out)
{
    char *end;
    long v = strtol(arg, &end, 10);
    if (end == arg || *end || v < lo) {
        cli_usage_error(cmd, "%s takes a whole number of at least %ld, not '%s'", opt, lo, arg);
        return -1;
    }
    *out = v;
    return 1;
}

int cli_engine_option(struct cli_engine *e, const char *cmd, int opt, const char *arg)
{
    struct vc_engine_opts *o = &e->opts;
    long v;
    int rc;

    switch (opt) {
    case OPT_LEVEL:
        if (strcmp(arg, "firm") == 0)
            o->level = VC_LEVEL_FIRM;
        else if (strcmp(arg, "country") == 0)
            o->level = VC_LEVEL_COUNTRY;
        else
            return cli_usage_error(cmd, "--level takes firm or country, not '%s'", arg), -1;
        return 1;
    case OPT_VARIANTS:
        if (strcmp(arg, "substitute") == 0)
            o->variants = VC_VARIANTS_SUBSTITUTE;
        else if (strcmp(arg, "essential") == 0)
            o->variants = VC_VARIANTS_ESSENTIAL;
        else
            return cli_usage_error(cmd, "--variants takes substitute or essential, not '%s'",
                                   arg), -1;
        return 1;
    case OPT_SUPPLIERS:
        if (strcmp(arg, "grouped") == 0)
            o->suppliers = VC_SUPPLIERS_GROUPED;
        else if (strcmp(arg, "substitute") == 0)
            o->suppliers = VC_SUPPLIERS_SUBSTITUTE;
        else if (strcmp(arg, "essential") == 0)
            o->suppliers = VC_SUPPLIERS_ESSENTIAL;
        else
            return cli_usage_error(cmd, "--suppliers takes grouped, substitute or essential, "
                                   "not '%s'", arg), -1;
        return 1;
    case OPT_SHOCK:
        if (strcmp(arg, "downstream") == 0)
            o->shock = VC_SHOCK_DOWNSTREAM;
        else if (strcmp(arg, "upstream") == 0)
            o->shock = VC_SHOCK_UPSTREAM;
        else if (strcmp(arg, "both") == 0)
            o->shock = VC_SHOCK_BOTH;
        else
            return cli_usage_error(cmd, "--shock takes downstream, upstream or both, not '%s'",
                                   arg), -1;
        return 1;
    case OPT_TOLERANCE:
        rc = parse_fraction(cmd, "--tolerance", arg, 1e-15, 0.01, &o->tolerance);
        return rc;
    case OPT_SPARE: return parse_fraction(cmd, "--spare", arg, 0, 100, &o->spare);
    case OPT_THETA_SHARE: return parse_fraction(cmd, "--theta-share", arg, 0, 1, &o->theta_share);
    case OPT_THETA_PAIR: return parse_fraction(cmd, "--theta-pair", arg, 0, 1, &o->theta_pair);
    case OPT_THETA_IMPACT:
        return parse_fraction(cmd, "--theta-impact", arg, 0, 1, &o->theta_impact);
    case OPT_THREADS:
        rc = parse_count(cmd, "--threads", arg, 1, &v);
        o->threads = rc > 0 ? (unsigned)v : o->threads;
        return rc;
    case OPT_MAX_ROUNDS:
        rc = parse_count(cmd, "--max-rounds", arg, 1, &v);
        o->max_rounds = rc > 0 ? (int)(v > 60000 ? 60000 : v) : o->max_rounds;
        return rc;
    case OPT_EXACT_BETWEENNESS:
        rc = parse_count(cmd, "--exact-betweenness-limit", arg, 0, &v);
        o->betweenness_exact_max = rc > 0 ? (size_t)v : o->betweenness_exact_max;
        return rc;
    default:
        return 0;
    }
}

/* Says what the final output is when the input leaves it to vchain. */
static int final_output_note(const struct cli_engine *e, const struct vc_chain *c)
{
    const char *src = c->graph->source;
    switch (c->final_rule) {
    case VC_FINAL_MARKED_ITEMS:
        break;
    case VC_FINAL_TERMINAL_ITEMS:
        cli_note("%s: final output is %s", src, vc_final_rule_text(c->final_rule));
        break;
    case VC_FINAL_MARKED_ACTORS:
    case VC_FINAL_ALL_ACTORS:
        cli_note("%s: final output is %s (value, else throughput); an actor's impact is its "
                 "Economic Systemic Risk Index", src, vc_final_rule_text(c->final_rule));
        break;
    case VC_FINAL_NONE:
        if (e->strict) {
            cli_error("%s: no final output (no items and no actors): nothing can be lost, so "
                      "there is nothing to rank", src);
            return EXIT_DATA;
        }
        cli_warning("%s: no final output (no items and no actors): every impact is 0", src);
        break;
    }
    return EXIT_OK;
}

int cli_analyse(struct cli_engine *e, const struct vc_chain *c, struct vc_analysis *out)
{
    struct vc_error err = VC_ERROR_INIT;
    struct vc_engine_opts o = e->opts;
    enum vc_status st;

    if (final_output_note(e, c) != EXIT_OK)
        return EXIT_DATA;
    if ((c->final_rule == VC_FINAL_MARKED_ACTORS || c->final_rule == VC_FINAL_ALL_ACTORS) &&
        c->n_actors > 50000 && !(e->opts.tolerance > 0))
        cli_note("%s: %zu firms: their impacts to the default tolerance 1e-12 may take long; "
                 "--tolerance 1e-4 computes each within about 1e-4 of final output, far faster "
                 "(docs/model.md, \"cycles\")", c->graph->source, c->n_actors);
    if (c->n_directionless) {
        if (e->strict) {
            cli_error("%s: %zu edge%s undirected: no supply direction (--direction as-written "
                      "reads them source -> target)", c->graph->source, c->n_directionless,
                      c->n_directionless == 1 ? " is" : "s are");
            return EXIT_DATA;
        }
        cli_warning("%s: %zu edge%s undirected: %s say nothing about who supplies whom, so no "
                    "loss travels along %s (--direction as-written reads them source -> target)",
                    c->graph->source, c->n_directionless,
                    c->n_directionless == 1 ? " is" : "s are",
                    c->n_directionless == 1 ? "it does" : "they", c->n_directionless == 1 ? "it" : "them");
    }
    if (cli_progress_wanted()) {
        o.progress = cli_progress;
        o.progress_ctx = NULL;
    }
    st = vc_analysis_run(c, &o, out, &err);
    if (o.progress)
        cli_progress_done();
    if (st != VC_OK)
        return cli_report(&err);
    if (!out->converged)
        cli_warning("losses on a cycle did not settle within %d rounds; figures on it are "
                    "lower bounds (--max-rounds)", e->opts.max_rounds);
    return 0;
}

int cli_result_clashes(const struct cli_engine *e, const struct vc_graph *g)
{
    const char *names[48];
    char list[512];
    size_t n = vc_result_clashes(g, names, sizeof(names) / sizeof(names[0])), used = 0;

    if (!n)
        return EXIT_OK;
    list[0] = '\0';
    for (size_t i = 0; i < n && i < sizeof(names) / sizeof(names[0]); i++)
        used += (size_t)snprintf(list + used, used < sizeof(list) ? sizeof(list) - used : 0,
                                 "%s%s", i ? ", " : "", names[i]);
    if (e->strict) {
        cli_error("%s: the input has columns of its own named like vchain's results (%s); "
                  "without --strict they are kept and the results written as vchain_NAME",
                  g->source, list);
        return EXIT_DATA;
    }
    cli_warning("%s: the input's own column%s %s %s kept; vchain writes its result%s as "
                "vchain_%s%s (docs/formats.md, \"Result columns\")", g->source, n == 1 ? "" : "s",
                list, n == 1 ? "is" : "are", n == 1 ? "" : "s", names[0],
                n == 1 ? "" : ", ...");
    return EXIT_OK;
}

int cli_shared_option(struct cli_input *in, struct cli_engine *eng, const char *cmd, int opt,
                      const char *arg)
{
    int handled = cli_input_option(in, cmd, opt, arg);
    if (handled > 0 && opt == OPT_STRICT && eng)
        eng->strict = 1;
    if (!handled && eng)
        handled = cli_engine_option(eng, cmd, opt, arg);
    if (handled > 0)
        return EXIT_OK;
    return handled < 0 ? EXIT_USAGE : cli_usage_error(cmd, "unknown option");
}
