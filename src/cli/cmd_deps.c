/*
 * cmd_deps.c - `vchain deps FILE`: the mutual dependency of countries,
 * M[A][B] (how much of A's own production is lost when B is extracted),
 * the leverage each holds over the others, and the country graph for Gephi.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "cli_fit.h"
#include "cli_table.h"
#include "vchain/deps.h"

static const char usage[] =
    "Usage: vchain deps [OPTIONS] FILE\n"
    "\n"
    "For each pair of countries A and B of the value chain in FILE, how much of A's\n"
    "own production is lost when B is extracted (every actor of B, both provider\n"
    "levels): M[A][B], the output-weighted loss of the items A provides, counting\n"
    "only loss that reaches them through their essential inputs (B as a\n"
    "co-provider of the same item or of one of its variants does not cut A's own\n"
    "output).  The leverage of A\n"
    "over B is M[B][A] - M[A][B]: positive when B depends on A more than A on B.\n"
    "docs/model.md, \"Comparing and mutual dependency\", has the formula.\n"
    "\n"
    "Options:\n"
    "  --countries LIST      comma-separated countries (alpha-3, alpha-2 or names),\n"
    "                        or 'all'; default: those holding at least one control\n"
    "                        point (which takes a full scoring run to know)\n"
    "  --table NAME          one table only: matrix, leverage or pairs (default: all)\n"
    "  --top N               at most N rows of the pairs table\n"
    "  --format FMT          text (default on a terminal), tsv (default otherwise),\n"
    "                        csv, json (one object of tables, also with --table;\n"
    "                        docs/schema/deps.schema.json) or md\n"
    "  --export OUT          the country graph: countries as nodes, an edge B -> A\n"
    "                        weighted M[A][B] (B feeds A); format from OUT's\n"
    "                        extension (.gexf .graphml .json .csv), as for\n"
    "                        'vchain export'\n"
    "  --gexf-version V      1.2 (default) or 1.3\n"
    "  -h, --help            this help\n"
    "\n" CLI_ENGINE_HELP "\n" CLI_INPUT_HELP
    "\n"
    "Tables: matrix (row A, column B: M[A][B]); leverage (row A, column B: A's\n"
    "leverage over B, M[B][A] - M[A][B]); pairs (each pair once, the country with\n"
    "the leverage first, largest first: country, over, leverage, loss_of_over =\n"
    "M[over][country], loss_of_country = M[country][over]).  The wide tables are\n"
    "printed for at most 30 countries.\n"
    "\n"
    "Exit status: 0 success, 1 data error, 2 usage error.\n";

#define WIDE_MAX 30

enum table { T_ALL, T_MATRIX, T_LEVERAGE, T_PAIRS };

static double M(const struct vc_deps *d, size_t a, size_t b)
{
    return d->m[a * d->n + b];
}

static void wide_table(const struct vc_deps *d, bool leverage, struct cli_table *t)
{
    cli_table_col(t, "country", CLI_COL_TEXT);
    for (size_t b = 0; b < d->n; b++)
        cli_table_col(t, d->codes[b], CLI_COL_NUM);
    for (size_t a = 0; a < d->n; a++) {
        cli_table_row(t);
        cli_table_text(t, d->codes[a]);
        for (size_t b = 0; b < d->n; b++)
            cli_table_num(t, !leverage ? M(d, a, b) : a == b ? NAN : M(d, b, a) - M(d, a, b));
    }
}

struct pair {
    size_t holder, over;
    double leverage;
};

static int by_leverage(const void *x, const void *y)
{
    const struct pair *p = x, *q = y;
    double lp = isnan(p->leverage) ? -1 : p->leverage, lq = isnan(q->leverage) ? -1 : q->leverage;
    if (lp != lq)
        return lp > lq ? -1 : 1;
    if (p->holder != q->holder)
        return p->holder < q->holder ? -1 : 1;
    return (p->over > q->over) - (p->over < q->over);
}

static int pairs_table(const struct vc_deps *d, long top, struct cli_table *t)
{
    size_t n = 0;
    struct pair *p = malloc((d->n * d->n + 1) * sizeof(*p));

    if (!p)
        return -1;
    for (size_t a = 0; a < d->n; a++) {
        for (size_t b = a + 1; b < d->n; b++) {
            double lev = M(d, b, a) - M(d, a, b); /* a's leverage over b */
            if (lev >= 0 || isnan(lev))
                p[n++] = (struct pair){ a, b, lev };
            else
                p[n++] = (struct pair){ b, a, -lev };
        }
    }
    qsort(p, n, sizeof(*p), by_leverage);
    static const struct cli_col cols[] = {
        { "country", CLI_COL_TEXT }, { "over", CLI_COL_TEXT }, { "leverage", CLI_COL_NUM },
        { "loss_of_over", CLI_COL_NUM }, { "loss_of_country", CLI_COL_NUM },
    };
    CLI_TABLE_COLS(t, cols);
    for (size_t j = 0; j < n && (!top || (long)j < top); j++) {
        cli_table_row(t);
        cli_table_text(t, d->codes[p[j].holder]);
        cli_table_text(t, d->codes[p[j].over]);
        cli_table_num(t, p[j].leverage);
        cli_table_num(t, M(d, p[j].over, p[j].holder));
        cli_table_num(t, M(d, p[j].holder, p[j].over));
    }
    free(p);
    return 0;
}

/* ---- the country graph ---- */

static int write_graph(const struct vc_deps *d, const size_t *cps, const char *path,
                       enum vc_export_format fmt, enum vc_gexf_version version)
{
    struct vc_graph g;
    struct vc_error err = VC_ERROR_INIT;
    struct vc_export_opts eo = VC_EXPORT_OPTS_INIT;
    int rc = EXIT_OK;

    eo.gexf_version = version;
    eo.color_by = VC_COLOR_KEEP;
    eo.size_by = "hold";
    eo.csv_raw = cli.csv_raw;
    if (vc_deps_graph(d, cps, &g, &err) != VC_OK ||
        (fmt != VC_EXPORT_CSV && vc_layout_compute(&g, VC_LAYOUT_FR, NULL, &err) != VC_OK) ||
        vc_export_file(&g, fmt, path, &eo, &err) != VC_OK)
        rc = cli_report(&err);
    vc_graph_release(&g);
    return rc;
}

/* ---- the command ---- */

static int by_str(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* The distinct countries of the chain's actors (aggregates left out), sorted. */
static const char **all_countries(const struct vc_chain *c, size_t *n)
{
    const char **codes = malloc((c->n_nodes + 1) * sizeof(char *));
    size_t k = 0, m = 0;
    if (!codes)
        return NULL;
    for (size_t v = 0; v < c->n_nodes; v++)
        if (c->kind[v] == VC_KIND_ACTOR && c->country[v] && !c->aggregate[v])
            codes[k++] = c->country[v];
    qsort(codes, k, sizeof(*codes), by_str);
    for (size_t j = 0; j < k; j++)
        if (!m || strcmp(codes[m - 1], codes[j]) != 0)
            codes[m++] = codes[j];
    *n = m;
    return codes;
}

/* The tables --table asks for (all: with a line on what they cover). */
static int print_tables(const struct vc_deps *d, int which, int fmt, long top, bool listed,
                        bool firms)
{
    struct cli_sections s;
    struct cli_table t;
    int prc = 0;
    /* JSON is always the object of tables, --table one member of it */
    bool sections = which == T_ALL || fmt == FMT_JSON;

    cli_sections_begin(&s, fmt);
    if (which == T_ALL && (fmt == FMT_TEXT || fmt == FMT_MD)) {
        cli_fit_printf(stdout, "%zu countries%s; %s.\n", d->n,
                       listed ? "" : " holding at least one control point",
                       firms ? "a country's production is its firms', weighted by their output"
                       : d->value_weighted ? "items weighted by their value"
                                           : "items weighted by the country's share alone "
                                             "(no value on every item)");
        s.n++;
    }
    for (int tb = T_MATRIX; tb <= T_PAIRS && !prc; tb++) {
        if (which != T_ALL && which != tb)
            continue;
        if (tb != T_PAIRS && d->n > WIDE_MAX) {
            if (which != T_ALL)
                cli_warning("%zu countries: the wide tables hold at most %d; see --table "
                            "pairs", d->n, WIDE_MAX);
            continue;
        }
        cli_table_init(&t);
        if (tb == T_PAIRS)
            prc = pairs_table(d, top, &t);
        else
            wide_table(d, tb == T_LEVERAGE, &t);
        if (sections)
            cli_section(&s, tb == T_MATRIX ? "matrix" : tb == T_LEVERAGE ? "leverage" : "pairs",
                        tb == T_MATRIX ? "M[A][B]: the share of row A's own production "
                                         "lost when column B is extracted"
                        : tb == T_LEVERAGE ? "Leverage of row A over column B: "
                                             "M[B][A] - M[A][B]"
                                           : "Pairs, the country with the leverage first");
        if (!prc)
            prc = cli_table_print_rows(&t, fmt, d->n < 2 ? "fewer than two countries to "
                                       "compare; --countries all takes every country"
                                                   : "no country's production depends on "
                                                     "another's");
        cli_table_release(&t);
    }
    if (sections)
        cli_sections_end(&s);
    return prc ? EXIT_DATA : EXIT_OK;
}

struct deps_opts {
    const char *list;               /* --countries, or NULL */
    int which;                      /* --table: T_* */
    const char *out;                /* --export, or NULL */
    int gfmt;                       /* its format (enum vc_export_format) */
    enum vc_gexf_version version;
};

/* The matrix for --countries (none: the countries holding a control point,
 * which takes scoring the chain), its tables and its graph. */
static int deps(struct cli_run *r, void *ctx)
{
    const struct deps_opts *o = ctx;
    struct cli_chain *ch = &r->ch[0];
    struct cli_engine *eng = &r->eng;
    const char *list = o->list;
    const char **codes = NULL;
    char *buf = NULL;
    size_t n = 0, *cps = NULL;
    struct vc_deps d;
    struct vc_error err = VC_ERROR_INIT;
    int rc = EXIT_OK;

    if (list && strcasecmp(list, "all") == 0) {
        /* every country: no scoring needed */
        if (!(codes = all_countries(&ch->c, &n)))
            rc = cli_nomem();
    } else if (list) {
        if (cli_split_list(list, &buf, &codes, &n) != 0)
            rc = cli_nomem();
        for (size_t k = 0; rc == EXIT_OK && k < n; k++)
            if (!cli_country_present(&ch->c, codes[k]))
                rc = cli_country_missing(&ch->c, codes[k]);
    } else if ((rc = cli_chain_score(ch, eng)) == EXIT_OK) {
        /* those holding a control point: the analysis says which */
        codes = malloc((ch->a.n_countries + 1) * sizeof(char *));
        cps = malloc((ch->a.n_countries + 1) * sizeof(size_t));
        if (!codes || !cps)
            rc = cli_nomem();
        for (size_t j = 0; rc == EXIT_OK && j < ch->a.n_countries; j++) {
            if (ch->a.countries[j].control_points > 0) {
                cps[n] = ch->a.countries[j].control_points;
                codes[n++] = ch->a.countries[j].code;
            }
        }
        if (rc == EXIT_OK && !n)
            cli_warning("no country holds a control point; --countries all or a list gives "
                        "the matrix anyway");
    }
    if (rc == EXIT_OK && vc_deps_matrix(&ch->c, &eng->opts, codes, n, &d, &err) != VC_OK)
        rc = cli_report(&err);
    else if (rc == EXIT_OK) {
        rc = print_tables(&d, o->which, r->fmt, r->top, list != NULL,
                          ch->c.n_items == 0);
        if (rc == EXIT_OK && o->out)
            rc = write_graph(&d, cps, o->out, (enum vc_export_format)o->gfmt, o->version);
        vc_deps_release(&d);
    }
    free(buf);
    free(codes);
    free(cps);
    return rc;
}

/* --countries names at least one country (an empty list is a usage error). */
static bool names_a_country(const char *list)
{
    for (const char *p = list; *p; p++)
        if (*p != ',' && *p != ' ')
            return true;
    return false;
}

int cmd_deps(int argc, char **argv)
{
    enum { OPT_TABLE = OPT_FIRST_COMMAND_OPTION, OPT_COUNTRIES, OPT_EXPORT };
    static const struct option longopts[] = {
        CLI_TABLE_LONGOPTS,
        { "table", required_argument, 0, OPT_TABLE },
        { "countries", required_argument, 0, OPT_COUNTRIES },
        { "export", required_argument, 0, OPT_EXPORT },
        CLI_GEXF_LONGOPT,
        CLI_ENGINE_LONGOPTS_END,
    };
    static const struct cli_choice tables[] = {
        { "matrix", T_MATRIX, false }, { "leverage", T_LEVERAGE, false },
        { "pairs", T_PAIRS, false }, { "all", T_ALL, false },
    };
    struct deps_opts o = { NULL, T_ALL, NULL, VC_EXPORT_AUTO, VC_GEXF_1_2 };
    struct cli_run r;
    int opt;

    cli_run_init(&r, "deps", usage);
    while ((opt = cli_run_option(&r, argc, argv, "h", longopts)) > 0) {
        if (opt == OPT_TABLE)
            r.rc = CLI_CHOOSE("deps", "--table", optarg, tables, &o.which);
        else if (opt == OPT_COUNTRIES)
            o.list = optarg;
        else
            o.out = optarg;
    }
    o.version = r.gexf_version;
    if (cli_run_args(&r, argc, 1) && o.list && !names_a_country(o.list))
        r.rc = cli_usage_error("deps", "--countries names no country");
    if (r.rc == EXIT_OK && !r.done && o.out)
        r.rc = cli_output_format("deps", o.out, &o.gfmt);
    return cli_run_main(&r, argc, argv, 1, false, deps, &o);
}
