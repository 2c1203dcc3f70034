/*
 * cli.h - the vchain command line: commands, messages, shared options.
 *
 * To add a command (docs/internals.md, "Adding things"):
 *   1. write src/cli/cmd_<name>.c with `int cmd_<name>(int argc, char **argv)`
 *      on struct cli_run below (options, open, one action, one exit);
 *   2. declare it below;
 *   3. add a row to the command table in main.c (name, function, one-line summary);
 *   4. document it in README.md, docs/vchain.1 and tests/cli/, and add its
 *      cases to tools/compare_outputs.sh.
 *
 * Only src/cli prints, exits or parses argv; the library returns errors.
 * Exit codes: 0 success, 1 data/input/output error, 2 usage error.
 */
#ifndef VC_CLI_H
#define VC_CLI_H

#include <getopt.h>
#include <stdbool.h>

#include "vchain/engine.h"
#include "vchain/vchain.h"

enum { EXIT_OK = 0, EXIT_DATA = 1, EXIT_USAGE = 2 };

int cmd_info(int argc, char **argv);
int cmd_rank(int argc, char **argv);
int cmd_items(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_whatif(int argc, char **argv);
int cmd_deps(int argc, char **argv);
int cmd_convert(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_opportunities(int argc, char **argv);

/* Report helpers (cli_report.c): the date shown (SOURCE_DATE_EPOCH when set)
 * and the analysis parameters in words. */
void cli_report_date(char *buf, size_t size);
void cli_report_params(const struct vc_engine_opts *o, char *buf, size_t size);

/* Global state: the global options, before the command or among its own. */
struct cli_global {
    int quiet;   /* -q: no warnings */
    int verbose; /* -v: more detail in messages */
    int errors;  /* errors printed so far (a failed run that printed none
                    checks stdout for the reason: a write error) */
    int csv_raw; /* --csv-raw: CSV cells as they are (no formula guard, no escapes) */
    int no_tty;  /* never treat stdout or stderr as a terminal (an MPI build: mpirun
                    makes every process's output look like one) */
    int full;    /* --full: text tables keep whole rows on a terminal too */
    unsigned long long max_memory; /* --max-memory (0: none) */
    int max_memory_given;
};
extern struct cli_global cli;

/*
 * The processes of one run (cli_solo.c: just this one; src/mpi/cli_mpi.c in
 * an MPI build, docs/scale.md).  main() calls cli_job_start() before
 * anything else and exits with what cli_job_finish() returns for its exit
 * status (the status every process of a parallel job agrees on).
 */
void cli_job_start(int *argc, char ***argv);
int cli_job_finish(int rc);

/*
 * The global options (cli_opts.c), which every command also accepts among
 * its own (cli_run_option merges them in): -q, -v, --force, --full,
 * --max-memory SIZE, --csv-raw, -V.  cli_global_option() takes one: 1 when it was one,
 * 0 when it was not, -1 after a usage error.  cli_memory_limit_apply() sets
 * --max-memory's limit (or the default) once, before the input is read,
 * leaving room for the stacks of `threads` worker threads (0: one per core;
 * 1: none, a command without analysis).
 */
enum { OPT_FORCE = 1090, OPT_FULL, OPT_MAX_MEMORY, OPT_CSV_RAW };
#define CLI_GLOBAL_LONGOPTS \
    { "quiet", no_argument, 0, 'q' }, \
    { "verbose", no_argument, 0, 'v' }, \
    { "version", no_argument, 0, 'V' }, \
    { "force", no_argument, 0, OPT_FORCE }, \
    { "full", no_argument, 0, OPT_FULL }, \
    { "max-memory", required_argument, 0, OPT_MAX_MEMORY }, \
    { "csv-raw", no_argument, 0, OPT_CSV_RAW }
int cli_global_option(const char *cmd, int opt, const char *arg);
void cli_memory_limit_apply(unsigned threads);

/*
 * "Did you mean" (cli_suggest.c): cli_nearest() is the candidate nearest to
 * word (edit distance, ASCII case ignored) when it is near enough to be a
 * typo of it, or the one candidate word begins; else NULL.  NULL entries of
 * cand are skipped.
 */
size_t cli_distance(const char *a, const char *b);
const char *cli_nearest(const char *word, const char *const *cand, size_t n);
/*
 * The one message for what getopt_long() refused (opt '?', or ':' for a
 * missing value when the short options start with ':'; opterr must be 0):
 * an unknown option with the nearest of longopts, an ambiguous abbreviation
 * with its candidates, a missing or unwanted value.  Returns EXIT_USAGE.
 */
int cli_option_error(const char *cmd, int opt, char **argv, const struct option *longopts);
/*
 * Countries a command names (--country, --remove-country, --countries):
 * cli_country_present() is whether c has an actor of code (a code as the
 * data writes it, an ISO alpha-2 or alpha-3 code or an English name);
 * cli_country_missing() prints that it has none, with the nearest of the
 * data's countries or the list of them, and returns EXIT_DATA.
 */
bool cli_country_present(const struct vc_chain *c, const char *code);
int cli_country_missing(const struct vc_chain *c, const char *code);

/*
 * Memory bound (cli_limits.c).  cli_parse_size() reads 512M, 4G, 100k,
 * 1048576, "none" (0); -1 on bad syntax.  cli_set_memory_limit() caps the
 * address space (bytes beyond what is mapped at start-up and beyond extra,
 * the worker threads' stacks; 0 = no cap; with from_option 0, bytes is
 * ignored and the default of 3/4 of RAM applies).
 * cli_memory_hint() adds a note to an out-of-memory error saying which
 * limit was hit and how to raise it.
 */
int cli_parse_size(const char *s, unsigned long long *out);
void cli_format_size(unsigned long long bytes, char *buf, size_t size);
int cli_set_memory_limit(unsigned long long bytes, int from_option, unsigned long long extra);
void cli_memory_hint(const struct vc_error *err);

/* Messages (cli_msg.c): "vchain: error: FILE:LINE:COL: message" on stderr,
 * escaped as a whole (vc_term_text), so one message is one line.
 * cli_msg() writes "vchain: KIND: message"; nothing under -q unless
 * even_quiet. */
void cli_msg(const char *kind, bool even_quiet, const char *fmt, ...) VC_PRINTF(3, 4);
#define cli_error(...) cli_msg("error", true, __VA_ARGS__)
#define cli_warning(...) cli_msg("warning", false, __VA_ARGS__)
/* What vchain read the input as ("vchain: note: ..."); nothing under -q. */
#define cli_note(...) cli_msg("note", false, __VA_ARGS__)
/* A note that belongs to an error just printed (even under -q). */
#define cli_hint(...) cli_msg("note", true, __VA_ARGS__)
/* The usage text (print writes it) on stderr: a usage error without a
 * message of its own; returns EXIT_USAGE. */
int cli_usage_text(void (*print)(FILE *out));
/* Prints err (file:line:col when known); returns EXIT_DATA. */
int cli_report(const struct vc_error *err);
/* Prints "out of memory" (with the memory limit's hint); returns EXIT_DATA. */
int cli_nomem(void);
/* The vc_diag callback: prints a warning unless -q. */
void cli_warn_cb(void *ctx, const struct vc_error *w);
/* Prints a one-line usage error and the hint; returns EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...) VC_PRINTF(2, 3);
/*
 * Untrusted text (a label, an id, a file name) for a printf to stdout,
 * escaped as vc_term_text() escapes it; valid until eight more calls.
 */
const char *cli_safe(const char *s);
/* Whether progress lines should be drawn on stderr (a terminal, not -q). */
bool cli_progress_wanted(void);
/* A vc_progress_fn drawing one line on stderr; cli_progress_done() clears it. */
void cli_progress(void *ctx, const char *stage, size_t done, size_t total);
void cli_progress_done(void);

/*
 * Options every command that reads a graph accepts (cli_opts.c):
 *   --map NAME=ATTR, --share-scale auto|fraction|percent, --lenient, --strict,
 *   --input-format auto|graphml|gexf|csv|tables
 * Add CLI_INPUT_LONGOPTS to a command's option table and pass unknown
 * option codes to cli_input_option().
 */
enum {
    OPT_MAP = 1000, OPT_SHARE_SCALE, OPT_LENIENT, OPT_STRICT, OPT_INPUT_FORMAT, OPT_GROUP_BY,
    OPT_DIRECTION,
    OPT_LEVEL = 1050, OPT_SPARE, OPT_VARIANTS, OPT_THETA_SHARE, OPT_THETA_PAIR,
    OPT_THETA_IMPACT, OPT_THREADS, OPT_MAX_ROUNDS, OPT_EXACT_BETWEENNESS, OPT_THETA_PAIR_MIN,
    OPT_SUPPLIERS, OPT_SHOCK, OPT_TOLERANCE,
    OPT_TABLE_FORMAT = 1080, OPT_TABLE_TOP, OPT_GEXF_VERSION, /* below the global options (1090) */
    OPT_FIRST_COMMAND_OPTION = 1100 /* commands number their own long options from here */
};

#define CLI_INPUT_LONGOPTS \
    { "map", required_argument, 0, OPT_MAP }, \
    { "share-scale", required_argument, 0, OPT_SHARE_SCALE }, \
    { "lenient", no_argument, 0, OPT_LENIENT }, \
    { "strict", no_argument, 0, OPT_STRICT }, \
    { "input-format", required_argument, 0, OPT_INPUT_FORMAT }, \
    { "group-by", required_argument, 0, OPT_GROUP_BY }, \
    { "direction", required_argument, 0, OPT_DIRECTION }

#define CLI_INPUT_HELP \
    "Input options:\n" \
    "  --map NAME=ATTR       read the input's attribute ATTR as vchain's NAME\n" \
    "                        (e.g. --map share=market_share --map kind=type); repeatable\n" \
    "  --share-scale SCALE   auto (default: fraction unless the graph says\n" \
    "                        share_unit=percent), fraction or percent\n" \
    "  --lenient             create nodes that edges name but the file never declares\n" \
    "  --strict              refuse what vchain would read differently from what\n" \
    "                        the file says (warnings about ids, values, keys,\n" \
    "                        groups, direction become errors; parallel edges,\n" \
    "                        self-loops and cycles stay warnings)\n" \
    "  --input-format FMT    auto (default), graphml, gexf, csv (an edge list with\n" \
    "                        Source and Target columns) or tables\n" \
    "  --group-by ATTR       the node attribute naming a supplier's sector, which\n" \
    "                        groups a customer's suppliers when an edge has no item\n" \
    "                        (default: sector, industry, nace, isic, naics, sic,\n" \
    "                        function or category, whichever the actors carry)\n" \
    "  --direction required|as-written\n" \
    "                        undirected edges have no supply direction and are left\n" \
    "                        out (default), or are read source -> target\n" \
    "  --csv-raw             CSV output (--format csv, export to CSV): write every\n" \
    "                        cell as it is; by default a cell a spreadsheet would\n" \
    "                        run as a formula (=, +, -, @ first) gets a leading '\n"

struct cli_input {
    struct vc_load_opts load;
    struct vc_attrmap map;
    struct vc_diag diag;
};

void cli_input_init(struct cli_input *in);
void cli_input_release(struct cli_input *in);
/*
 * Handles one of the shared input options.  Returns 1 when handled, 0 when
 * opt is not one of them, -1 after printing a usage error.
 */
int cli_input_option(struct cli_input *in, const char *cmd, int opt, const char *arg);

/*
 * Options of every command that scores a chain (cli_opts.c); add
 * CLI_ENGINE_LONGOPTS and pass unknown codes to cli_engine_option().
 */
#define CLI_ENGINE_LONGOPTS \
    { "level", required_argument, 0, OPT_LEVEL }, \
    { "spare", required_argument, 0, OPT_SPARE }, \
    { "variants", required_argument, 0, OPT_VARIANTS }, \
    { "theta-share", required_argument, 0, OPT_THETA_SHARE }, \
    { "theta-pair", required_argument, 0, OPT_THETA_PAIR }, \
    { "theta-pair-min", required_argument, 0, OPT_THETA_PAIR_MIN }, \
    { "theta-impact", required_argument, 0, OPT_THETA_IMPACT }, \
    { "threads", required_argument, 0, OPT_THREADS }, \
    { "max-rounds", required_argument, 0, OPT_MAX_ROUNDS }, \
    { "exact-betweenness-limit", required_argument, 0, OPT_EXACT_BETWEENNESS }, \
    { "suppliers", required_argument, 0, OPT_SUPPLIERS }, \
    { "shock", required_argument, 0, OPT_SHOCK }, \
    { "tolerance", required_argument, 0, OPT_TOLERANCE }

#define CLI_ENGINE_HELP \
    "Analysis options (docs/model.md):\n" \
    "  --level firm|country  provider level for concentration and control points\n" \
    "                        (default firm; items with only country rows use those)\n" \
    "  --spare S             spare capacity of the remaining providers, a fraction\n" \
    "                        of their output (default 0)\n" \
    "  --variants substitute|essential\n" \
    "                        whether variants of an item stand in for each other\n" \
    "                        (default substitute)\n" \
    "  --theta-share X       share from which a provider is hard to replace (0.5)\n" \
    "  --theta-pair X        ... or one of at most 2 providers covering X (0.9)\n" \
    "  --theta-pair-min X    ... with a share of at least X itself (0.2)\n" \
    "  --theta-impact X      impact from which a provision matters (0.1)\n" \
    "  --threads N           threads for the extraction loop (default: all cores)\n" \
    "  --max-rounds N        bound on re-evaluations of a node on a cycle (1000)\n" \
    "  --exact-betweenness-limit N\n" \
    "                        exact betweenness up to N nodes, sampled above (20000)\n" \
    "  --suppliers grouped|substitute|essential\n" \
    "                        a customer's suppliers stand in for each other within\n" \
    "                        a group (by edge item, else sector; default), all of\n" \
    "                        them, or none of them\n" \
    "  --shock downstream|upstream|both\n" \
    "                        along supply links, customers lose what suppliers\n" \
    "                        cannot deliver (default), suppliers lose the sales to\n" \
    "                        customers that lost output, or both (the Economic\n" \
    "                        Systemic Risk Index as published)\n" \
    "  --tolerance X         a loss changing by at most X is not passed on (1e-12)\n"

struct cli_engine {
    struct vc_engine_opts opts;
    int strict;  /* --strict: what would be a warning about the analysis is an error */
};

void cli_engine_init(struct cli_engine *e);
/* Like cli_input_option(), for CLI_ENGINE_LONGOPTS. */
int cli_engine_option(struct cli_engine *e, const char *cmd, int opt, const char *arg);
/*
 * Before annotating g: warns that the input's own columns named like
 * vchain's results are kept (the results go to vchain_NAME); with --strict
 * an error (EXIT_DATA).
 */
int cli_result_clashes(const struct cli_engine *e, const struct vc_graph *g);
/* Runs the analysis with progress on a terminal; prints errors. */
int cli_analyse(struct cli_engine *e, const struct vc_chain *c, struct vc_analysis *out);

/*
 * A chain a command reads (and scores): released in one call, whatever was
 * done.  load reads path as a value chain with the input options; score
 * runs the analysis (progress on a terminal, a warning when losses did not
 * settle); both print their errors and return EXIT_OK or EXIT_DATA.
 */
struct cli_chain {
    struct vc_graph g;
    struct vc_chain c;
    struct vc_analysis a;
    bool loaded, scored;
};

void cli_chain_init(struct cli_chain *ch);
int cli_chain_load(struct cli_chain *ch, struct cli_input *in, const char *path);
int cli_chain_score(struct cli_chain *ch, struct cli_engine *e);
void cli_chain_release(struct cli_chain *ch);

/*
 * One run of a command, and its one exit path:
 *
 *     struct cli_run r;
 *     cli_run_init(&r, "rank", usage);
 *     while ((opt = cli_run_option(&r, argc, argv, "h", longopts)) > 0)
 *         switch (opt) { case OPT_TOP: r.rc = cli_top_option(...); break; ... }
 *     if (cli_run_open(&r, argc, argv, 1, true))
 *         r.rc = print_...(&r.ch[0].a, ...);
 *     return cli_run_finish(&r);
 *
 * cli_run_option() is getopt_long that answers -h (the usage on stdout,
 * r.done), the input and analysis options (CLI_INPUT_LONGOPTS,
 * CLI_ENGINE_LONGOPTS) and unknown ones itself, and returns the command's
 * own options; 0 at the end of the options or after the first error
 * (r.rc).  cli_run_open() then checks that exactly n inputs follow,
 * loads them and, when score is set, scores them; true when the command
 * goes on.  The first error wins: r.rc is what the command exits with.
 */
struct cli_run {
    const char *cmd;
    const char *usage;
    int fmt;                  /* CLI_TABLE_LONGOPTS: --format (FMT_*) */
    long top;                 /* ... and --top N (0: every row) */
    const char *output;       /* CLI_OUTPUT_LONGOPT: -o OUT, or NULL */
    enum vc_gexf_version gexf_version; /* CLI_GEXF_LONGOPT: --gexf-version */
    struct cli_input in;
    struct cli_engine eng;
    struct cli_chain ch[2];   /* the inputs (compare reads two) */
    int rc;                   /* EXIT_* */
    bool done;                /* -h answered: nothing more to do */
    struct option opts[128];  /* the command's long options and the global ones */
    char shortopts[32];
};

void cli_run_init(struct cli_run *r, const char *cmd, const char *usage);
int cli_run_option(struct cli_run *r, int argc, char **argv, const char *shortopts,
                   const struct option *longopts);
/* The operand count alone (EXIT_OK, else a usage error in r.rc), for
 * commands that check more before reading. */
bool cli_run_args(struct cli_run *r, int argc, int n);
bool cli_run_open(struct cli_run *r, int argc, char **argv, int n, bool score);
/* Releases everything; returns r.rc. */
int cli_run_finish(struct cli_run *r);
/* cli_run_open(), then act(r, ctx) when it says go, then cli_run_finish(). */
int cli_run_main(struct cli_run *r, int argc, char **argv, int n, bool score,
                 int (*act)(struct cli_run *r, void *ctx), void *ctx);

/* The end of a command's option table: -h, the input options and (for a
 * command that scores) the analysis options. */
#define CLI_INPUT_LONGOPTS_END \
    { "help", no_argument, 0, 'h' }, CLI_INPUT_LONGOPTS, { 0, 0, 0, 0 }
#define CLI_ENGINE_LONGOPTS_END \
    { "help", no_argument, 0, 'h' }, CLI_INPUT_LONGOPTS, CLI_ENGINE_LONGOPTS, { 0, 0, 0, 0 }

/* Options of the commands that write a file: -o, --output OUT (give "o:"
 * in the short options), kept in r.output; --gexf-version 1.2|1.3, kept in
 * r.gexf_version. */
#define CLI_OUTPUT_LONGOPT { "output", required_argument, 0, 'o' }
#define CLI_GEXF_LONGOPT { "gexf-version", required_argument, 0, OPT_GEXF_VERSION }

/* The options of every command that prints tables, kept in r.fmt, r.top:
 *   --format text|tsv|csv|json|md, --top N */
#define CLI_TABLE_LONGOPTS \
    { "format", required_argument, 0, OPT_TABLE_FORMAT }, \
    { "top", required_argument, 0, OPT_TABLE_TOP }

/* Output formats for tables. */
enum cli_format { FMT_TEXT, FMT_TSV, FMT_CSV, FMT_JSON, FMT_MD };
/* What a table column or a JSON member holds (JSON: numbers with a decimal
 * point, whole counts as integers). */
enum cli_col_type { CLI_COL_TEXT, CLI_COL_NUM, CLI_COL_INT, CLI_COL_BOOL };

/*
 * Enum-valued options (--by, --align, --format, --layout, ...): a table of
 * names and values, one helper.  cli_choose() sets *out to the value of
 * the name arg, or prints "vchain: CMD: OPT takes a, b or c, not 'ARG'"
 * (the names in table order; aliases are accepted but not listed) and
 * returns EXIT_USAGE.
 */
struct cli_choice {
    const char *name;
    int value;
    bool alias;
};
int cli_choose(const char *cmd, const char *opt, const char *arg,
               const struct cli_choice *choices, size_t n, int *out);
#define CLI_CHOOSE(cmd, opt, arg, choices, out) \
    cli_choose(cmd, opt, arg, choices, sizeof(choices) / sizeof(choices[0]), out)
/* text, tsv, csv, json, md (markdown an alias) */
extern const struct cli_choice cli_table_formats[6];
/* export's and convert's --format: gexf, graphml, csv, json, graphology */
extern const struct cli_choice cli_graph_formats[5];
/* --gexf-version: 1.2 (1.2draft an alias) or 1.3 */
int cli_gexf_version_option(const char *cmd, const char *arg, enum vc_gexf_version *version);
/*
 * The options every table-printing command shares, for its getopt loop:
 * EXIT_OK with *fmt or *top set, else EXIT_USAGE after saying why.
 */
int cli_table_format_option(const char *cmd, const char *arg, int *fmt);
int cli_top_option(const char *cmd, const char *arg, long *top);
/* Splits a comma-separated list (--countries) into *n codes, pointers into
 * the copy *buf (free both); blanks around commas dropped; -1 out of memory. */
int cli_split_list(const char *list, char **buf, const char ***codes, size_t *n);
/*
 * The graph format of output path out for export and convert (fmt: the
 * --format given, or VC_EXPORT_AUTO): the one named, else the extension's
 * (.gexf .graphml .xml .csv .json .graphology.json), CSV for a folder (a
 * name ending in '/' or an existing folder), GraphML for a stream ('-', a
 * device or a pipe).  Any other name is a usage error listing the formats.
 * EXIT_OK with *fmt set.
 */
int cli_output_format(const char *cmd, const char *out, int *fmt);
/*
 * Whether OUT names a report page: .html, .htm or '-' (*svg = 0), or .svg
 * when svg_ok (*svg = 1).  Anything else (x.pdf, x.txt) is a usage error
 * rather than HTML under a name that says otherwise.
 */
int cli_page_format(const char *cmd, const char *out, bool svg_ok, int *svg);

/*
 * Several tables in one output (cli_sections.c): text gets a title line
 * before each, Markdown a heading, TSV and CSV a blank line between them,
 * JSON one object whose members are the tables ({"key": [...], ...}).
 * Call cli_section() before printing each table, cli_sections_end() after
 * the last; scalars (cli_section_value) go in text as "title: value" lines
 * and in JSON as members.
 */
struct cli_sections {
    int fmt;
    int n;   /* members written so far */
};
void cli_sections_begin(struct cli_sections *s, int fmt);
void cli_section(struct cli_sections *s, const char *key, const char *title);
/* Prints table t as a section (after cli_section(key, title) when titled;
 * an empty one as cli_table_print_rows() says, with hint) and releases it;
 * returns cli_table_print_rows()'s result. */
struct cli_table;
int cli_section_table(struct cli_sections *s, bool titled, const char *key, const char *title,
                      struct cli_table *t, const char *hint);
void cli_section_value(struct cli_sections *s, const char *key, const char *text, double num,
                       enum cli_col_type type);
void cli_sections_end(struct cli_sections *s);

#endif
