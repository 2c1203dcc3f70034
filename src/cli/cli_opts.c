/*
 * cli_opts.c - options shared by every command that reads a graph, and the
 * one place that turns a path into a loaded value chain.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "cli.h"
#include "vchain/summary.h"
#include "cli_table.h"

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

int cli_choose(const char *cmd, const char *opt, const char *arg,
               const struct cli_choice *choices, size_t n, int *out)
{
    char list[512];
    size_t len = 0, last = 0;

    for (size_t i = 0; i < n; i++) {
        if (strcmp(arg, choices[i].name) == 0) {
            *out = choices[i].value;
            return EXIT_OK;
        }
        if (!choices[i].alias)
            last = i;
    }
    /* "a, b or c": the names in table order, aliases left out */
    list[0] = '\0';
    for (size_t i = 0; i < n && len < sizeof(list); i++)
        if (!choices[i].alias)
            len += (size_t)snprintf(list + len, sizeof(list) - len, "%s%s",
                                    !len ? "" : i == last ? " or " : ", ", choices[i].name);
    return cli_usage_error(cmd, "%s takes %s, not '%s'", opt, list, arg);
}

/* cli_choose() in the 1 / -1 convention of the option handlers here. */
static int pick(const char *cmd, const char *opt, const char *arg,
                const struct cli_choice *choices, size_t n, int *out)
{
    return cli_choose(cmd, opt, arg, choices, n, out) == EXIT_OK ? 1 : -1;
}
#define PICK(cmd, opt, arg, choices, out) \
    pick(cmd, opt, arg, choices, sizeof(choices) / sizeof(choices[0]), out)

const struct cli_choice cli_table_formats[6] = {
    { "text", FMT_TEXT, false }, { "tsv", FMT_TSV, false }, { "csv", FMT_CSV, false },
    { "json", FMT_JSON, false }, { "md", FMT_MD, false }, { "markdown", FMT_MD, true },
};

const struct cli_choice cli_graph_formats[5] = {
    { "gexf", VC_EXPORT_GEXF, false }, { "graphml", VC_EXPORT_GRAPHML, false },
    { "csv", VC_EXPORT_CSV, false }, { "json", VC_EXPORT_JSON, false },
    { "graphology", VC_EXPORT_GRAPHOLOGY, false },
};

int cli_gexf_version_option(const char *cmd, const char *arg, enum vc_gexf_version *version)
{
    static const struct cli_choice versions[] = {
        { "1.2", VC_GEXF_1_2, false }, { "1.2draft", VC_GEXF_1_2, true },
        { "1.3", VC_GEXF_1_3, false },
    };
    int v, rc = CLI_CHOOSE(cmd, "--gexf-version", arg, versions, &v);
    if (rc == EXIT_OK)
        *version = (enum vc_gexf_version)v;
    return rc;
}

int cli_input_option(struct cli_input *in, const char *cmd, int opt, const char *arg)
{
    static const struct cli_choice scales[] = {
        { "auto", VC_SHARE_AUTO, false }, { "fraction", VC_SHARE_FRACTION, false },
        { "percent", VC_SHARE_PERCENT, false },
    };
    static const struct cli_choice formats[] = {
        { "auto", VC_FMT_AUTO, false }, { "graphml", VC_FMT_GRAPHML, false },
        { "gexf", VC_FMT_GEXF, false }, { "csv", VC_FMT_EDGELIST, false },
        { "tables", VC_FMT_TABLES, false },
    };
    static const struct cli_choice directions[] = {
        { "required", VC_DIRECTION_REQUIRED, false },
        { "as-written", VC_DIRECTION_AS_WRITTEN, false },
    };
    struct vc_error err = VC_ERROR_INIT;
    int v, rc;

    switch (opt) {
    case OPT_MAP:
        if (vc_attrmap_add_spec(&in->map, arg, &err) != VC_OK) {
            cli_usage_error(cmd, "--map %s: %s", arg, err.msg);
            return -1;
        }
        return 1;
    case OPT_SHARE_SCALE:
        if ((rc = PICK(cmd, "--share-scale", arg, scales, &v)) > 0)
            in->load.chain.share_scale = (enum vc_share_scale)v;
        return rc;
    case OPT_LENIENT:
        in->load.import.lenient = true;
        return 1;
    case OPT_STRICT:
        in->diag.strict = 1;
        return 1;
    case OPT_INPUT_FORMAT:
        if ((rc = PICK(cmd, "--input-format", arg, formats, &v)) > 0)
            in->load.format = (enum vc_format)v;
        return rc;
    case OPT_GROUP_BY:
        in->load.chain.group_by = arg;
        return 1;
    case OPT_DIRECTION:
        if ((rc = PICK(cmd, "--direction", arg, directions, &v)) > 0)
            in->load.chain.direction = (enum vc_direction)v;
        return rc;
    default:
        return 0;
    }
}

static int cli_load(struct cli_input *in, const char *path, struct vc_graph *g,
                    struct vc_chain *c)
{
    struct vc_error err = VC_ERROR_INIT;
    in->load.import.map = in->map.count ? &in->map : NULL;
    if (vc_load(path, &in->load, g, c, &in->diag, &err) != VC_OK)
        return cli_report(&err);
    return 0;
}

int cli_table_format_option(const char *cmd, const char *arg, int *fmt)
{
    return CLI_CHOOSE(cmd, "--format", arg, cli_table_formats, fmt);
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

/* -o '': a data error, as the writer would report it, but before the work
 * and before any guess at the format from the name. */
static int empty_output_name(void)
{
    struct vc_error err = VC_ERROR_INIT;
    vc_error_set(&err, VC_EINVAL, NULL, 0, 0,
                 "the output file name is empty (use '-' for standard output)");
    return cli_report(&err);
}

int cli_output_format(const char *cmd, const char *out, int *fmt)
{
    struct stat sb;
    size_t len = strlen(out);
    int exists = stat(out, &sb) == 0;

    if (!*out)
        return empty_output_name();

    /* a stream ('-', /dev/stdout, a pipe) has no name to go by: the format
     * every reader takes */
    if (*fmt == VC_EXPORT_AUTO && (strcmp(out, "-") == 0 ||
                                   (exists && !S_ISREG(sb.st_mode) && !S_ISDIR(sb.st_mode))))
        *fmt = VC_EXPORT_GRAPHML;
    if (*fmt == VC_EXPORT_AUTO && ((len && out[len - 1] == '/') || (exists && S_ISDIR(sb.st_mode))))
        *fmt = VC_EXPORT_CSV;
    if (*fmt == VC_EXPORT_AUTO)
        *fmt = vc_export_format_from_path(out);
    if (*fmt == VC_EXPORT_AUTO)
        return cli_usage_error(cmd, "cannot tell the format from the name '%s': name it .gexf, "
                               ".graphml (or .xml), .json, .graphology.json or .csv, or a "
                               "folder/ for CSV tables, or give --format gexf, graphml, json, "
                               "graphology or csv", out);
    if (*fmt == VC_EXPORT_CSV && strcmp(out, "-") == 0)
        return cli_usage_error(cmd, "csv writes two tables: give a folder or NAME.csv, not '-'");
    return EXIT_OK;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcasecmp(s + a - b, suffix) == 0;
}

int cli_page_format(const char *cmd, const char *out, bool svg_ok, int *svg)
{
    *svg = 0;
    if (!*out)
        return empty_output_name();
    if (strcmp(out, "-") == 0 || ends_with(out, ".html") || ends_with(out, ".htm"))
        return EXIT_OK;
    if (svg_ok && ends_with(out, ".svg")) {
        *svg = 1;
        return EXIT_OK;
    }
    if (ends_with(out, ".pdf"))
        return cli_usage_error(cmd, "'%s': the report is an HTML page%s, not a PDF; it is laid "
                               "out for A4: print the page to PDF from a browser", out,
                               svg_ok ? " (.html) or its picture (.svg)" : " (.html)");
    return cli_usage_error(cmd, "cannot tell the format from the name '%s': name it .html%s",
                           out, svg_ok ? " or .svg, or give --format html or svg" : "");
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
    static const struct cli_choice levels[] = {
        { "firm", VC_LEVEL_FIRM, false }, { "country", VC_LEVEL_COUNTRY, false },
    };
    static const struct cli_choice variants[] = {
        { "substitute", VC_VARIANTS_SUBSTITUTE, false },
        { "essential", VC_VARIANTS_ESSENTIAL, false },
    };
    static const struct cli_choice suppliers[] = {
        { "grouped", VC_SUPPLIERS_GROUPED, false },
        { "substitute", VC_SUPPLIERS_SUBSTITUTE, false },
        { "essential", VC_SUPPLIERS_ESSENTIAL, false },
    };
    static const struct cli_choice shocks[] = {
        { "downstream", VC_SHOCK_DOWNSTREAM, false }, { "upstream", VC_SHOCK_UPSTREAM, false },
        { "both", VC_SHOCK_BOTH, false },
    };
    struct vc_engine_opts *o = &e->opts;
    long v;
    int x, rc;

    switch (opt) {
    case OPT_LEVEL:
        if ((rc = PICK(cmd, "--level", arg, levels, &x)) > 0)
            o->level = (enum vc_level)x;
        return rc;
    case OPT_VARIANTS:
        if ((rc = PICK(cmd, "--variants", arg, variants, &x)) > 0)
            o->variants = (enum vc_variants)x;
        return rc;
    case OPT_SUPPLIERS:
        if ((rc = PICK(cmd, "--suppliers", arg, suppliers, &x)) > 0)
            o->suppliers = (enum vc_suppliers)x;
        return rc;
    case OPT_SHOCK:
        if ((rc = PICK(cmd, "--shock", arg, shocks, &x)) > 0)
            o->shock = (enum vc_shock)x;
        return rc;
    case OPT_TOLERANCE:
        rc = parse_fraction(cmd, "--tolerance", arg, 1e-15, 0.01, &o->tolerance);
        return rc;
    case OPT_SPARE: return parse_fraction(cmd, "--spare", arg, 0, 100, &o->spare);
    case OPT_THETA_SHARE: return parse_fraction(cmd, "--theta-share", arg, 0, 1, &o->theta_share);
    case OPT_THETA_PAIR: return parse_fraction(cmd, "--theta-pair", arg, 0, 1, &o->theta_pair);
    case OPT_THETA_PAIR_MIN:
        return parse_fraction(cmd, "--theta-pair-min", arg, 0, 1, &o->theta_pair_min);
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

/*
 * What `info` reports about the graph's structure, said where it changes
 * the analysis (issue 14, point 7): parallel edges each count, self-loops
 * are read as written, and on a cycle losses travel around it.  The empty
 * graph is final_output_note's.
 */
static int structure_warnings(const struct vc_chain *c)
{
    struct vc_error err = VC_ERROR_INIT;
    struct vc_summary s;
    const char *src = c->graph->source;

    if (!c->graph->n_edges)
        return EXIT_OK;
    if (vc_summary_compute(c, 0, &s, &err) != VC_OK)
        return cli_report(&err);
    if (s.parallel_edges)
        cli_warning("%s: %zu parallel edge%s (repeating an earlier edge's source and target): "
                    "each counts, so the shares of parallel provides edges add up (vchain info "
                    "counts them)", src, s.parallel_edges, s.parallel_edges == 1 ? "" : "s");
    if (s.self_loops)
        cli_warning("%s: %zu self-loop%s (an element linked to itself): read as written, a "
                    "node that supplies or feeds itself", src, s.self_loops,
                    s.self_loops == 1 ? "" : "s");
    if (!s.acyclic && c->n_items)
        cli_warning("%s: the chain has a cycle (vchain info: acyclic no; a self-loop is one): a loss travels "
                    "around it, and a loop of items that feeds nothing outside it is final "
                    "output (docs/model.md)", src);
    vc_summary_release(&s);
    return EXIT_OK;
}

int cli_analyse(struct cli_engine *e, const struct vc_chain *c, struct vc_analysis *out)
{
    struct vc_error err = VC_ERROR_INIT;
    struct vc_engine_opts o = e->opts;
    enum vc_status st;

    if (final_output_note(e, c) != EXIT_OK)
        return EXIT_DATA;
    if (structure_warnings(c) != EXIT_OK)
        return EXIT_DATA;
    if ((c->final_rule == VC_FINAL_MARKED_ACTORS || c->final_rule == VC_FINAL_ALL_ACTORS) &&
        c->n_actors > 50000 && !(e->opts.tolerance > 0))
        cli_note("%s: %zu firms: their impacts to the default tolerance 1e-12 may take long; "
                 "--tolerance 1e-4 computes each within about 1e-4 of final output, far faster "
                 "(docs/model.md, \"cycles\")", c->graph->source, c->n_actors);
    /* Spare capacity is a property of an item's market (other providers
     * making more); suppliers in a group stand in only as their weights say. */
    if (e->opts.spare > 0 && c->n_items == 0)
        cli_warning("%s: --spare applies to the providers of an item, and this network has no "
                    "items: it changes nothing here (a firm's suppliers stand in for each other "
                    "in proportion to their link weights; docs/model.md)", c->graph->source);
    if (c->n_directionless) {
        if (e->strict) {
            cli_error("%s: %zu edge%s undirected: no supply direction (--direction as-written "
                      "reads them source -> target)", c->graph->source, c->n_directionless,
                      c->n_directionless == 1 ? " is" : "s are");
            return EXIT_DATA;
        }
        cli_warning("%s: %zu edge%s undirected: %s nothing about who supplies whom, so no "
                    "loss travels along %s (--direction as-written reads them source -> target)",
                    c->graph->source, c->n_directionless,
                    c->n_directionless == 1 ? " is" : "s are",
                    c->n_directionless == 1 ? "it says" : "they say", c->n_directionless == 1 ? "it" : "them");
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

void cli_chain_init(struct cli_chain *ch)
{
    ch->loaded = ch->scored = false;
}

int cli_chain_load(struct cli_chain *ch, struct cli_input *in, const char *path)
{
    int rc = cli_load(in, path, &ch->g, &ch->c);
    ch->loaded = rc == EXIT_OK;
    return rc ? EXIT_DATA : EXIT_OK;
}

int cli_chain_score(struct cli_chain *ch, struct cli_engine *e)
{
    int rc = cli_analyse(e, &ch->c, &ch->a);
    ch->scored = rc == EXIT_OK;
    return rc ? EXIT_DATA : EXIT_OK;
}

void cli_chain_release(struct cli_chain *ch)
{
    if (ch->scored)
        vc_analysis_release(&ch->a);
    if (ch->loaded) {
        vc_chain_release(&ch->c);
        vc_graph_release(&ch->g);
    }
    cli_chain_init(ch);
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

/* Any option of CLI_INPUT_LONGOPTS or CLI_ENGINE_LONGOPTS: EXIT_OK when
 * handled, else EXIT_USAGE after printing why. */
static int shared_option(struct cli_input *in, struct cli_engine *eng, const char *cmd, int opt,
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

int cli_global_option(const char *cmd, int opt, const char *arg)
{
    switch (opt) {
    case 'q': cli.quiet = 1; return 1;
    case 'v': cli.verbose = 1; return 1;
    case OPT_FORCE: vc_outfile_policy(VC_OUTFILE_FORCE); return 1;
    case OPT_FULL: cli.full = 1; return 1;
    case OPT_CSV_RAW: cli.csv_raw = 1; return 1;
    case OPT_MAX_MEMORY:
        if (cli_parse_size(arg, &cli.max_memory) != 0) {
            cli_usage_error(cmd, "--max-memory takes a size such as 512M or 4G, or 'none', "
                            "not '%s'", arg);
            return -1;
        }
        if (cli.max_memory == 0 && strcmp(arg, "none") != 0 && strcmp(arg, "unlimited") != 0) {
            /* 0 bytes would stop every run: never read it as "no limit" */
            cli_usage_error(cmd, "--max-memory %s leaves no memory at all; give a size such as "
                            "512M or 4G, or 'none' for no limit", arg);
            return -1;
        }
        cli.max_memory_given = 1;
        return 1;
    default:
        return 0;
    }
}

void cli_memory_limit_apply(unsigned threads)
{
    static bool applied;
    if (applied)
        return;
    applied = true;
    if (cli_set_memory_limit(cli.max_memory, cli.max_memory_given,
                             vc_engine_thread_overhead(threads)) != 0 && cli.max_memory_given)
        cli_warning("--max-memory: cannot set the limit: %s", strerror(errno));
}

void cli_run_init(struct cli_run *r, const char *cmd, const char *usage)
{
    r->cmd = cmd;
    r->usage = usage;
    r->fmt = cli_default_format();
    r->top = 0;
    r->output = NULL;
    r->gexf_version = VC_GEXF_1_2;
    cli_input_init(&r->in);
    cli_engine_init(&r->eng);
    cli_chain_init(&r->ch[0]);
    cli_chain_init(&r->ch[1]);
    r->rc = EXIT_OK;
    r->done = false;
    r->opts[0].name = NULL;
}

/* r's option tables: the command's and the global ones, and ':' first so
 * that a missing value is told apart from an unknown option. */
static void merge_options(struct cli_run *r, const char *shortopts,
                          const struct option *longopts)
{
    static const struct option globals[] = { CLI_GLOBAL_LONGOPTS };
    const size_t n_globals = sizeof(globals) / sizeof(globals[0]), cap = 128;
    size_t n = 0;

    for (; longopts[n].name && n + n_globals + 1 < cap; n++)
        r->opts[n] = longopts[n];
    for (size_t g = 0; g < n_globals; g++)
        r->opts[n++] = globals[g];
    memset(&r->opts[n], 0, sizeof(r->opts[n]));
    snprintf(r->shortopts, sizeof(r->shortopts), ":%sqvV", shortopts);
}

int cli_run_option(struct cli_run *r, int argc, char **argv, const char *shortopts,
                   const struct option *longopts)
{
    int opt, g;

    if (!r->opts[0].name)
        merge_options(r, shortopts, longopts);
    opterr = 0; /* cli_option_error() says what is wrong, once */
    while (r->rc == EXIT_OK && !r->done &&
           (opt = getopt_long(argc, argv, r->shortopts, r->opts, NULL)) != -1) {
        if (opt == 'h') {
            fputs(r->usage, stdout);
            r->done = true;
        } else if (opt == 'V') {
            printf("vchain %s\n", VC_VERSION_STRING);
            r->done = true;
        } else if (opt == OPT_TABLE_FORMAT) {
            r->rc = cli_table_format_option(r->cmd, optarg, &r->fmt);
        } else if (opt == OPT_TABLE_TOP) {
            r->rc = cli_top_option(r->cmd, optarg, &r->top);
        } else if (opt == OPT_GEXF_VERSION) {
            r->rc = cli_gexf_version_option(r->cmd, optarg, &r->gexf_version);
        } else if (opt == 'o') {
            r->output = optarg;
        } else if (opt == '?' || opt == ':') {
            r->rc = cli_option_error(r->cmd, opt, argv, r->opts);
        } else if ((g = cli_global_option(r->cmd, opt, optarg)) != 0) {
            r->rc = g < 0 ? EXIT_USAGE : EXIT_OK;
        } else if (opt >= OPT_MAP && opt < OPT_FIRST_COMMAND_OPTION) {
            r->rc = shared_option(&r->in, &r->eng, r->cmd, opt, optarg);
        } else {
            return opt;
        }
    }
    return 0;
}

bool cli_run_args(struct cli_run *r, int argc, int n)
{
    if (r->rc != EXIT_OK || r->done)
        return false;
    if (optind + n == argc)
        return true;
    if (n == 1)
        r->rc = cli_usage_error(r->cmd, optind >= argc ? "no input FILE given"
                                                       : "exactly one FILE, please");
    else
        r->rc = cli_usage_error(r->cmd, "%d inputs, please", n);
    return false;
}

bool cli_run_open(struct cli_run *r, int argc, char **argv, int n, bool score)
{
    if (!cli_run_args(r, argc, n))
        return false;
    cli_memory_limit_apply(score ? r->eng.opts.threads : 1);
    for (int k = 0; k < n && r->rc == EXIT_OK; k++)
        r->rc = cli_chain_load(&r->ch[k], &r->in, argv[optind + k]);
    for (int k = 0; k < n && r->rc == EXIT_OK && score; k++)
        r->rc = cli_chain_score(&r->ch[k], &r->eng);
    return r->rc == EXIT_OK;
}

int cli_run_finish(struct cli_run *r)
{
    cli_chain_release(&r->ch[1]);
    cli_chain_release(&r->ch[0]);
    cli_input_release(&r->in);
    return r->rc;
}

int cli_split_list(const char *list, char **buf, const char ***codes, size_t *n)
{
    size_t cap = 1;
    char *p;
    for (const char *q = list; *q; q++)
        cap += *q == ',';
    *buf = strdup(list);
    *codes = malloc(cap * sizeof(char *));
    *n = 0;
    if (!*buf || !*codes)
        return -1;
    for (p = strtok(*buf, ","); p; p = strtok(NULL, ",")) {
        while (*p == ' ')
            p++;
        if (*p)
            (*codes)[(*n)++] = p;
    }
    return 0;
}

int cli_run_main(struct cli_run *r, int argc, char **argv, int n, bool score,
                 int (*act)(struct cli_run *r, void *ctx), void *ctx)
{
    if (cli_run_open(r, argc, argv, n, score))
        r->rc = act(r, ctx);
    return cli_run_finish(r);
}
