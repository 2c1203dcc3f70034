/*
 * tables_read.c - a folder of CSV tables as a value-chain graph.
 *
 * Owns: the tables layout (docs/formats.md, "CSV tables"), which is the
 * layout of the ETO Chip Explorer dataset and works for users' own data:
 *
 *   stages.csv     stage_id, stage_name, ...        optional: broad stages
 *   inputs.csv     input_id, input_name, type, ...  the items
 *   providers.csv  provider_id, provider_name, provider_type, country, ...
 *   provision.csv  provider_id, provided_id, share_provided, ...
 *   sequence.csv   input_id, goes_into_id, is_type_of_id   optional
 *
 * Columns are found by name, so extra columns and other orders work.  Node
 * ids are the tables' own ids (N20, P45, S2), which stay stable from one
 * release of a dataset to the next.  Every node and edge records the CSV
 * file and line it came from, and every message names them.
 *
 * What it makes of the tables: items and stages become item nodes,
 * providers actor nodes (firm or country level, "Various ..." as
 * aggregates), provision rows `provides` edges with the share as given
 * (the graph attribute share_unit says percent or fraction, and
 * vc_chain_build() converts), goes_into `input_of` and is_type_of
 * `variant_of` edges.  Stages are made part of the chain: each item with a
 * stage_id feeds its stage, the stages feed one another in the order of
 * stages.csv, and the last feeds the final items, so that a country's share
 * of a stage (design, fabrication, packaging) bears on the end product.
 *
 * It reads the files one by one, a record at a time (core/csv.c); it does
 * not analyse anything.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/csv.h"
#include "core/mem.h"
#include "noted.h"
#include "vchain/import.h"

enum role { ROLE_NONE, ROLE_STAGE, ROLE_ITEM, ROLE_PROVIDER };

struct span {
    const char *s;
    size_t n;
};

/* A set of (from, to) node pairs with the line that first named them. */
struct pairset {
    uint64_t *keys; /* key + 1; 0 = empty */
    uint32_t *lines;
    size_t cap, n;
};

/* An item named by provision rows but missing from inputs.csv. */
struct missing {
    const char *id; /* pooled */
    long line;      /* first row naming it */
    unsigned long rows;
};

struct tables {
    struct vc_graph *g;
    const char *dir;
    const struct vc_import_opts *opts;
    struct vc_diag *diag;
    struct vc_error *err;

    const char *file; /* pooled path of the table being read */
    FILE *in;
    struct vc_csv csv;
    bool csv_open;

    /* node columns */
    struct vc_attr *kind, *label, *country, *level, *aggregate, *stage, *category,
        *description, *value, *final, *year, *alias;
    /* edge columns */
    struct vc_attr *relation, *share, *eyear, *citation, *negligible;

    struct vc_noted noted; /* shares written NaN: no value, one warning */

    uint8_t *role; /* per node: enum role */
    size_t role_cap;

    size_t *stages; /* stage nodes in file order */
    size_t n_stages, stages_cap;
    bool have_stages;
    int warned_no_stages;

    struct missing *missing;
    size_t n_missing, missing_cap;

    /* share scale detection */
    unsigned long shares, shares_pct_sign;
    double share_max;
};

/* ---- small helpers ---- */

static struct span trim(const char *s)
{
    struct span sp = { s, strlen(s) };
    while (sp.n && (sp.s[0] == ' ' || sp.s[0] == '\t')) {
        sp.s++;
        sp.n--;
    }
    while (sp.n && (sp.s[sp.n - 1] == ' ' || sp.s[sp.n - 1] == '\t'))
        sp.n--;
    return sp;
}

/* Field col of the current record, trimmed; empty when col < 0. */
static struct span get(const struct tables *t, long col)
{
    if (col < 0)
        return (struct span){ "", 0 };
    return trim(vc_csv_get(&t->csv, (size_t)col, NULL));
}

static bool span_is(struct span sp, const char *word)
{
    return sp.n == strlen(word) && strncasecmp(sp.s, word, sp.n) == 0;
}

static bool span_starts(struct span sp, const char *prefix)
{
    size_t n = strlen(prefix);
    return sp.n >= n && strncasecmp(sp.s, prefix, n) == 0;
}

static long row_line(const struct tables *t)
{
    return t->csv.line;
}

static enum vc_status nomem(struct tables *t)
{
    return vc_error_set(t->err, VC_ENOMEM, t->file, row_line(t), 0, "out of memory");
}

static enum vc_status warn_at(struct tables *t, const char *file, long line, const char *fmt,
                              ...) VC_PRINTF(4, 5);

static enum vc_status warn_at(struct tables *t, const char *file, long line, const char *fmt,
                              ...)
{
    char msg[VC_ERROR_MSG_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    return vc_warn(t->diag, t->err, file, line, 0, "%s", msg);
}

static const char *pool(struct tables *t, struct span sp)
{
    return vc_graph_strdup(t->g, sp.s, sp.n);
}

static uint64_t pair_hash(uint64_t k)
{
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    return k;
}

/* Line that first named (a, b), or 0 after recording it with line. -1: no memory. */
static long pair_seen(struct pairset *p, size_t a, size_t b, long line)
{
    uint64_t key = ((uint64_t)a << 32 | (uint64_t)b) + 1;
    size_t i;

    if (2 * (p->n + 1) > p->cap) {
        size_t ncap = p->cap ? 2 * p->cap : 256;
        uint64_t *nk = calloc(ncap, sizeof(*nk));
        uint32_t *nl = calloc(ncap, sizeof(*nl));
        if (!nk || !nl) {
            free(nk);
            free(nl);
            return -1;
        }
        for (size_t j = 0; j < p->cap; j++) {
            if (!p->keys[j])
                continue;
            size_t h = pair_hash(p->keys[j]) & (ncap - 1);
            while (nk[h])
                h = (h + 1) & (ncap - 1);
            nk[h] = p->keys[j];
            nl[h] = p->lines[j];
        }
        free(p->keys);
        free(p->lines);
        p->keys = nk;
        p->lines = nl;
        p->cap = ncap;
    }
    i = pair_hash(key) & (p->cap - 1);
    while (p->keys[i]) {
        if (p->keys[i] == key)
            return p->lines[i];
        i = (i + 1) & (p->cap - 1);
    }
    p->keys[i] = key;
    p->lines[i] = (uint32_t)line;
    p->n++;
    return 0;
}

static void pairset_release(struct pairset *p)
{
    free(p->keys);
    free(p->lines);
    memset(p, 0, sizeof(*p));
}

/*
 * Parses a market size as the Chip Explorer writes it ("$32.6 billion
 * (2025)", "$508 million", "US$ 1,2 trillion") into USD billion.  A
 * figure without a unit word is not taken: "$53.40 (2019)" says nothing
 * about scale.
 */
static bool parse_market_size(struct span sp, double *out)
{
    static const struct { const char *word; double scale; } units[] = {
        { "trillion", 1e3 }, { "billion", 1.0 }, { "bn", 1.0 }, { "million", 1e-3 },
        { "mn", 1e-3 }, { "thousand", 1e-6 },
    };
    char num[64];
    size_t k = 0, i = 0;
    const char *s = sp.s;
    size_t n = sp.n;

    if (n >= 3 && strncasecmp(s, "USD", 3) == 0)
        i = 3;
    else if (n >= 3 && strncasecmp(s, "US$", 3) == 0)
        i = 3;
    else if (n >= 1 && s[0] == '$')
        i = 1;
    else
        return false;
    while (i < n && s[i] == ' ')
        i++;
    for (; i < n && k + 1 < sizeof(num); i++) {
        if (s[i] >= '0' && s[i] <= '9')
            num[k++] = s[i];
        else if (s[i] == '.')
            num[k++] = '.';
        else if (s[i] != ',')
            break;
    }
    num[k] = '\0';
    if (!k || strcmp(num, ".") == 0)
        return false;
    while (i < n && s[i] == ' ')
        i++;
    for (size_t u = 0; u < sizeof(units) / sizeof(units[0]); u++) {
        size_t wl = strlen(units[u].word);
        if (n - i >= wl && strncasecmp(s + i, units[u].word, wl) == 0 &&
            (n - i == wl || !((s[i + wl] | 0x20) >= 'a' && (s[i + wl] | 0x20) <= 'z'))) {
            char *end;
            double d = strtod(num, &end);
            if (*end || !isfinite(d))
                return false;
            *out = d * units[u].scale;
            return true;
        }
    }
    return false;
}

/* Parses sp as a value of type (bool, int or double) with vc_value_parse(). */
static enum vc_status parse_value(struct tables *t, struct span sp, enum vc_attr_type type,
                                  const char *column, union vc_value *v, bool *present)
{
    char buf[128];
    const char *why = "";
    enum vc_status st;

    if (sp.n >= sizeof(buf))
        return vc_error_set(t->err, VC_EPARSE, t->file, row_line(t), 0,
                            "%s \"%.40s...\" is too long for a %s", column, sp.s,
                            vc_attr_type_name(type));
    memcpy(buf, sp.s, sp.n);
    buf[sp.n] = '\0';
    st = vc_value_parse(type, buf, v, present, &why);
    if (st != VC_OK)
        return vc_error_set(t->err, st, t->file, row_line(t), 0, "%s \"%s\": %s", column, buf,
                            why);
    return VC_OK;
}

/* ---- opening a table ---- */

static void close_table(struct tables *t)
{
    if (t->csv_open)
        vc_csv_release(&t->csv);
    t->csv_open = false;
    if (t->in)
        fclose(t->in);
    t->in = NULL;
}

/* t->file becomes dir/name, the table messages name. */
static enum vc_status table_file(struct tables *t, const char *name)
{
    size_t dl = strlen(t->dir);
    char path[4096];

    snprintf(path, sizeof(path), "%s%s%s", t->dir, dl && t->dir[dl - 1] == '/' ? "" : "/",
             name);
    t->file = vc_graph_strdup(t->g, path, strlen(path));
    if (!t->file)
        return vc_error_set(t->err, VC_ENOMEM, t->dir, 0, 0, "out of memory");
    return VC_OK;
}

/* Opens t->file and reads its header.  *present is false when the file is
 * absent and not required. */
static enum vc_status open_file(struct tables *t, const char *name, bool required,
                                bool *present)
{
    struct vc_csv_scan sc;
    enum vc_status st;
    bool got;

    *present = false;
    t->in = fopen(t->file, "rb");
    if (!t->in) {
        if (errno == ENOENT && !required)
            return VC_OK;
        if (errno == ENOENT)
            return vc_error_set(t->err, VC_EINVAL, t->dir, 0, 0,
                                "not a folder of CSV tables: %s is missing (the folder needs "
                                "providers.csv, inputs.csv and provision.csv, and may have "
                                "sequence.csv and stages.csv; see docs/formats.md)", name);
        return vc_error_set(t->err, VC_EIO, t->file, 0, 0, "cannot open: %s", strerror(errno));
    }
    /* A first pass checks the encoding, so that a legacy file is read as one. */
    if ((st = vc_csv_scan(t->in, t->file, &sc, t->err)) != VC_OK)
        return st;
    if (sc.bad_bytes) {
        st = vc_warn(t->diag, t->err, t->file, sc.first_line, sc.first_col,
                     "not UTF-8 (%lu byte%s, the first 0x%02X); read as %s", sc.bad_bytes,
                     sc.bad_bytes == 1 ? "" : "s", sc.first_byte,
                     vc_csv_charset_name(sc.guess));
        if (st != VC_OK)
            return st;
    }
    if (fseek(t->in, 0, SEEK_SET) != 0)
        return vc_error_set(t->err, VC_EIO, t->file, 0, 0, "cannot rewind: %s",
                            strerror(errno));
    vc_csv_init(&t->csv, t->in, t->file);
    t->csv_open = true;
    t->csv.charset = sc.guess;
    if ((st = vc_csv_next(&t->csv, &got, t->err)) != VC_OK)
        return st;
    if (!got)
        return vc_error_set(t->err, VC_EPARSE, t->file, 0, 0,
                            "empty file (expected a header row naming the columns)");
    *present = true;
    return VC_OK;
}

/*
 * Column index of the first of the names (up to 3) the header has;
 * --map NAME=COLUMN lets another column stand for NAME.  -1 when absent.
 */
static long column(const struct tables *t, const char *const names[3])
{
    const struct vc_attrmap *m = t->opts ? t->opts->map : NULL;
    for (int i = 0; i < 3 && names[i]; i++) {
        for (size_t j = 0; m && j < m->count; j++)
            if (strcmp(m->entries[j].to, names[i]) == 0) {
                long c = vc_csv_find(&t->csv, m->entries[j].from);
                if (c >= 0)
                    return c;
            }
        long c = vc_csv_find(&t->csv, names[i]);
        if (c >= 0)
            return c;
    }
    return -1;
}

static enum vc_status missing_column(struct tables *t, const char *name)
{
    char have[300];
    size_t k = 0;
    have[0] = '\0';
    for (size_t i = 0; i < t->csv.n_fields && k + 1 < sizeof(have); i++) {
        int n = snprintf(have + k, sizeof(have) - k, "%s%s", i ? ", " : "",
                         vc_csv_get(&t->csv, i, NULL));
        if (n < 0)
            break;
        k += (size_t)n;
    }
    if (k >= sizeof(have))
        memcpy(have + sizeof(have) - 4, "...", 4);
    return vc_error_set(t->err, VC_EINVAL, t->file, t->csv.line, 0,
                        "no column \"%s\" in the header (it has: %s)", name, have);
}


/*
 * A column a table reader uses: the names it goes by, the first being the
 * one messages give, and whether the table is of no use without it.
 */
struct col {
    const char *names[3];
    bool required;
};

/*
 * Opens dir/name, reads its header and finds the n columns of spec:
 * col[i] is the index of spec[i] (-1 when absent; a required one absent
 * is an error that lists the header).  *present is false when the file is
 * absent and not required.
 */
static enum vc_status open_table(struct tables *t, const char *name, bool required,
                                 const struct col *spec, size_t n, long *col, bool *present)
{
    enum vc_status st;

    if ((st = table_file(t, name)) != VC_OK ||
        (st = open_file(t, name, required, present)) != VC_OK || !*present)
        return st;
    for (size_t i = 0; i < n; i++)
        col[i] = column(t, spec[i].names);
    for (size_t i = 0; i < n; i++)
        if (spec[i].required && col[i] < 0)
            return missing_column(t, spec[i].names[0]);
    return VC_OK;
}

/* ---- building nodes and edges ---- */

static enum vc_status set_role(struct tables *t, size_t k, enum role r)
{
    if (VC_GROW(t->role, t->role_cap, k + 1))
        return nomem(t);
    t->role[k] = (uint8_t)r;
    return VC_OK;
}

static enum role role_of(const struct tables *t, size_t k)
{
    return k < t->role_cap ? (enum role)t->role[k] : ROLE_NONE;
}

static const char *role_file(enum role r)
{
    switch (r) {
    case ROLE_STAGE: return "stages.csv";
    case ROLE_ITEM: return "inputs.csv";
    case ROLE_PROVIDER: return "providers.csv";
    default: return "the tables";
    }
}

/* Adds the node defined by the current row; an id defined before is an error. */
static enum vc_status new_node(struct tables *t, struct span id, const char *idcol, enum role r,
                               size_t *k)
{
    bool created;
    enum vc_status st;

    if (!id.n)
        return vc_error_set(t->err, VC_EINVAL, t->file, row_line(t), 0, "%s is empty", idcol);
    st = vc_graph_intern_node(t->g, id.s, id.n, (uint32_t)row_line(t), 0, k, &created, t->err);
    if (st != VC_OK)
        return st;
    if (!created)
        return vc_error_set(t->err, VC_EINVAL, t->file, row_line(t), 0,
                            "id \"%.*s\" is already defined (%s:%u)", (int)id.n, id.s,
                            vc_graph_file(t->g, VC_CLASS_NODE, *k), t->g->node_line[*k]);
    if ((st = vc_graph_set_file(t->g, VC_CLASS_NODE, *k, t->file, t->err)) != VC_OK)
        return st;
    return set_role(t, *k, r);
}

static enum vc_status set_str(struct tables *t, struct vc_attr *a, size_t k, struct span sp)
{
    const char *s;
    if (!sp.n)
        return VC_OK;
    if (!(s = pool(t, sp)))
        return nomem(t);
    return vc_attr_set_string(a, k, s, t->err);
}

static enum vc_status set_cstr(struct tables *t, struct vc_attr *a, size_t k, const char *s)
{
    return set_str(t, a, k, (struct span){ s, strlen(s) });
}

static enum vc_status set_bool(struct tables *t, struct vc_attr *a, size_t k, bool b)
{
    union vc_value v;
    v.i = b;
    return vc_attr_set(a, k, v, t->err);
}

/* A year column: a whole number, else the row goes on without it (with a warning). */
static enum vc_status set_year(struct tables *t, struct vc_attr *a, size_t k, struct span sp)
{
    union vc_value v;
    bool present;
    char buf[32];
    const char *why = "";

    if (!sp.n)
        return VC_OK;
    if (sp.n < sizeof(buf)) {
        memcpy(buf, sp.s, sp.n);
        buf[sp.n] = '\0';
        if (vc_value_parse(VC_ATTR_INT, buf, &v, &present, &why) == VC_OK && present)
            return vc_attr_set(a, k, v, t->err);
    }
    return warn_at(t, t->file, row_line(t), "year \"%.*s\" is not a whole number; left out",
                   (int)(sp.n > 40 ? 40 : sp.n), sp.s);
}

static enum vc_status add_edge(struct tables *t, size_t from, size_t to, const char *relation,
                               long line, size_t *e)
{
    enum vc_status st = vc_graph_add_edge(t->g, from, to, true, NULL, 0, (uint32_t)line, 0, e,
                                          t->err);
    if (st == VC_OK)
        st = vc_graph_set_file(t->g, VC_CLASS_EDGE, *e, t->file, t->err);
    if (st == VC_OK)
        st = set_cstr(t, t->relation, *e, relation);
    return st;
}

/* ---- the tables ---- */

/* The column the Chip Explorer gives a market size in, as text. */
#define MARKET_SIZE "market_share_chart_global_market_size_info"

/*
 * Node k's value: the value column, else a market size in words; items
 * refuse a negative value (a market size), stages have always taken one.
 */
static enum vc_status set_value(struct tables *t, size_t k, struct span value,
                                struct span size, bool nonnegative)
{
    union vc_value v;
    bool has;
    double d;
    enum vc_status st;

    if (!value.n)
        return parse_market_size(size, &d) ? vc_attr_set_double(t->value, k, d, t->err) : VC_OK;
    if ((st = parse_value(t, value, VC_ATTR_DOUBLE, "value", &v, &has)) != VC_OK || !has)
        return st;
    if (nonnegative && v.d < 0)
        return vc_error_set(t->err, VC_EINVAL, t->file, row_line(t), 0,
                            "value %g is negative (a market size)", v.d);
    return vc_attr_set_double(t->value, k, v.d, t->err);
}

static enum vc_status read_stages(struct tables *t)
{
    enum { ID, NAME, DESC, VALUE, SIZE, N_COLS };
    static const struct col spec[N_COLS] = {
        [ID] = { { "stage_id" }, true }, [NAME] = { { "stage_name" } },
        [DESC] = { { "description" } }, [VALUE] = { { "value" } },
        [SIZE] = { { MARKET_SIZE } },
    };
    long c[N_COLS];
    enum vc_status st;
    bool present, got;

    if ((st = open_table(t, "stages.csv", false, spec, N_COLS, c, &present)) != VC_OK ||
        !present)
        return st;
    t->have_stages = true;
    while ((st = vc_csv_next(&t->csv, &got, t->err)) == VC_OK && got) {
        size_t k;
        struct span sn = get(t, c[NAME]);
        if ((st = new_node(t, get(t, c[ID]), "stage_id", ROLE_STAGE, &k)) != VC_OK ||
            (st = set_cstr(t, t->kind, k, "item")) != VC_OK ||
            (st = set_str(t, t->label, k, sn)) != VC_OK ||
            (st = set_str(t, t->stage, k, sn)) != VC_OK ||
            (st = set_cstr(t, t->category, k, "stage")) != VC_OK ||
            (st = set_str(t, t->description, k, get(t, c[DESC]))) != VC_OK ||
            (st = set_value(t, k, get(t, c[VALUE]), get(t, c[SIZE]), false)) != VC_OK)
            return st;
        if (VC_GROW(t->stages, t->stages_cap, t->n_stages + 1))
            return nomem(t);
        t->stages[t->n_stages++] = k;
    }
    return st;
}

static enum vc_status read_items(struct tables *t)
{
    enum { ID, NAME, TYPE, STAGE, STAGE_ID, DESC, YEAR, VALUE, SIZE, FINAL, N_COLS };
    static const struct col spec[N_COLS] = {
        [ID] = { { "input_id", "item_id" }, true }, [NAME] = { { "input_name", "item_name" } },
        [TYPE] = { { "type" } }, [STAGE] = { { "stage_name" } },
        [STAGE_ID] = { { "stage_id" } }, [DESC] = { { "description" } },
        [YEAR] = { { "year" } }, [VALUE] = { { "value" } }, [SIZE] = { { MARKET_SIZE } },
        [FINAL] = { { "final" } },
    };
    long c[N_COLS];
    enum vc_status st;
    bool present, got;

    if ((st = open_table(t, "inputs.csv", true, spec, N_COLS, c, &present)) != VC_OK)
        return st;
    while ((st = vc_csv_next(&t->csv, &got, t->err)) == VC_OK && got) {
        size_t k;
        struct span sf = get(t, c[FINAL]), st_id = get(t, c[STAGE_ID]);
        struct span sty = get(t, c[TYPE]);
        bool is_final = span_is(sty, "ultimate_output");

        if ((st = new_node(t, get(t, c[ID]), "input_id", ROLE_ITEM, &k)) != VC_OK ||
            (st = set_cstr(t, t->kind, k, "item")) != VC_OK ||
            (st = set_str(t, t->label, k, get(t, c[NAME]))) != VC_OK ||
            (st = set_str(t, t->category, k, sty)) != VC_OK ||
            (st = set_str(t, t->stage, k, get(t, c[STAGE]))) != VC_OK ||
            (st = set_str(t, t->description, k, get(t, c[DESC]))) != VC_OK ||
            (st = set_year(t, t->year, k, get(t, c[YEAR]))) != VC_OK ||
            (st = set_value(t, k, get(t, c[VALUE]), get(t, c[SIZE]), true)) != VC_OK)
            return st;
        if (sf.n) {
            union vc_value v;
            bool has;
            if ((st = parse_value(t, sf, VC_ATTR_BOOL, "final", &v, &has)) != VC_OK)
                return st;
            if (has)
                is_final = v.i != 0;
        }
        if (is_final && (st = set_bool(t, t->final, k, true)) != VC_OK)
            return st;
        if (st_id.n) {
            size_t s = vc_graph_find_node(t->g, st_id.s, st_id.n), e;
            if (!t->have_stages) {
                if (!t->warned_no_stages++ &&
                    (st = warn_at(t, t->file, row_line(t),
                                  "items name stages (stage_id) but the folder has no "
                                  "stages.csv; stage links are left out")) != VC_OK)
                    return st;
                continue;
            }
            if (s == SIZE_MAX || role_of(t, s) != ROLE_STAGE)
                return vc_error_set(t->err, VC_EINVAL, t->file, row_line(t), 0,
                                    "stage_id \"%.*s\" is not in stages.csv", (int)st_id.n,
                                    st_id.s);
            if ((st = add_edge(t, k, s, "input_of", row_line(t), &e)) != VC_OK)
                return st;
        }
    }
    return st;
}

/*
 * A provider id on several rows is one provider with several aliases; the
 * rows must agree on name, type and (for firms) country.
 */
static enum vc_status same_provider(struct tables *t, size_t k, struct span name,
                                    bool is_country, struct span country)
{
    const char *label = vc_attr_get_string(t->label, k);
    const char *level = vc_attr_get_string(t->level, k);
    const char *c = vc_attr_get_string(t->country, k);
    struct span sl = { label ? label : "", label ? strlen(label) : 0 };
    struct span sc = { c ? c : "", c ? strlen(c) : 0 };
    bool was_country = level && strcmp(level, "country") == 0;
    bool same = sl.n == name.n && memcmp(sl.s, name.s, name.n) == 0 &&
                was_country == is_country;

    if (same && !is_country && !span_starts(country, "various"))
        same = sc.n == country.n && memcmp(sc.s, country.s, country.n) == 0;
    if (same)
        return VC_OK;
    return vc_error_set(t->err, VC_EINVAL, t->file, row_line(t), 0,
                        "provider_id \"%s\" is defined already (line %u) with another name, "
                        "type or country", t->g->node_id[k], t->g->node_line[k]);
}

static enum vc_status add_alias(struct tables *t, size_t k, struct span alias)
{
    const char *old = vc_attr_get_string(t->alias, k);
    char *buf;
    const char *s;
    size_t n;

    if (!alias.n)
        return VC_OK;
    if (!old)
        return set_str(t, t->alias, k, alias);
    n = strlen(old) + 2 + alias.n;
    if (!(buf = malloc(n + 1)))
        return nomem(t);
    snprintf(buf, n + 1, "%s; %.*s", old, (int)alias.n, alias.s);
    s = vc_graph_strdup(t->g, buf, n);
    free(buf);
    if (!s)
        return nomem(t);
    return vc_attr_set_string(t->alias, k, s, t->err);
}

static enum vc_status read_providers(struct tables *t)
{
    enum { ID, NAME, ALIAS, TYPE, COUNTRY, AGG, N_COLS };
    static const struct col spec[N_COLS] = {
        [ID] = { { "provider_id" }, true }, [NAME] = { { "provider_name" } },
        [ALIAS] = { { "alias" } }, [TYPE] = { { "provider_type" } },
        [COUNTRY] = { { "country" } }, [AGG] = { { "aggregate" } },
    };
    long c[N_COLS];
    enum vc_status st;
    bool present, got;

    if ((st = open_table(t, "providers.csv", true, spec, N_COLS, c, &present)) != VC_OK)
        return st;
    while ((st = vc_csv_next(&t->csv, &got, t->err)) == VC_OK && got) {
        size_t k;
        struct span id = get(t, c[ID]), sn = get(t, c[NAME]), sa = get(t, c[ALIAS]);
        struct span sty = get(t, c[TYPE]), sc = get(t, c[COUNTRY]), sag = get(t, c[AGG]);
        bool is_country = span_is(sty, "country");
        bool aggregate = span_starts(sn, "various");
        const char *code = NULL;
        char buf[128];

        size_t prev = vc_graph_find_node(t->g, id.s, id.n);
        if (prev != SIZE_MAX && role_of(t, prev) == ROLE_PROVIDER) {
            /* One provider per alias row (former names, subsidiaries). */
            if ((st = same_provider(t, prev, sn, is_country, sc)) != VC_OK ||
                (st = add_alias(t, prev, sa)) != VC_OK)
                return st;
            continue;
        }
        if ((st = new_node(t, id, "provider_id", ROLE_PROVIDER, &k)) != VC_OK ||
            (st = set_cstr(t, t->kind, k, "actor")) != VC_OK ||
            (st = set_str(t, t->label, k, sn)) != VC_OK ||
            (st = set_str(t, t->alias, k, sa)) != VC_OK ||
            (st = set_cstr(t, t->level, k, is_country ? "country" : "firm")) != VC_OK)
            return st;
        if (sty.n && !is_country && !span_is(sty, "organization") &&
            !span_is(sty, "organisation") && !span_is(sty, "firm") &&
            !span_is(sty, "company") &&
            (st = warn_at(t, t->file, row_line(t),
                          "provider_type \"%.*s\" is neither organization nor country; read "
                          "as a firm", (int)sty.n, sty.s)) != VC_OK)
            return st;
        if (sag.n) {
            union vc_value v;
            bool has;
            if ((st = parse_value(t, sag, VC_ATTR_BOOL, "aggregate", &v, &has)) != VC_OK)
                return st;
            if (has)
                aggregate = v.i != 0;
            if ((st = set_bool(t, t->aggregate, k, aggregate)) != VC_OK)
                return st;
        } else if (aggregate && (st = set_bool(t, t->aggregate, k, true)) != VC_OK) {
            return st;
        }
        if (aggregate)
            continue; /* "Various countries" is no country */
        if (is_country) {
            /* A country row's own name is its code (USA, NLD); else its alias. */
            if (sn.n && sn.n < sizeof(buf)) {
                memcpy(buf, sn.s, sn.n);
                buf[sn.n] = '\0';
                code = vc_country_alpha3(buf);
            }
            if (!code && sa.n && sa.n < sizeof(buf)) {
                memcpy(buf, sa.s, sa.n);
                buf[sa.n] = '\0';
                code = vc_country_alpha3(buf);
            }
            if (code)
                st = set_cstr(t, t->country, k, code);
            else /* kept as given: the value-chain check warns once per unknown code */
                st = set_str(t, t->country, k, sc.n ? sc : sn);
        } else if (!span_starts(sc, "various")) {
            st = set_str(t, t->country, k, sc);
        }
        if (st != VC_OK)
            return st;
    }
    return st;
}

static enum vc_status note_missing(struct tables *t, struct span id)
{
    for (size_t i = 0; i < t->n_missing; i++)
        if (strlen(t->missing[i].id) == id.n && memcmp(t->missing[i].id, id.s, id.n) == 0) {
            t->missing[i].rows++;
            return VC_OK;
        }
    if (VC_GROW(t->missing, t->missing_cap, t->n_missing + 1))
        return nomem(t);
    t->missing[t->n_missing].id = pool(t, id);
    if (!t->missing[t->n_missing].id)
        return nomem(t);
    t->missing[t->n_missing].line = row_line(t);
    t->missing[t->n_missing].rows = 1;
    t->n_missing++;
    return VC_OK;
}

/*
 * Looks up the node a row names.  *k = SIZE_MAX when it is absent and the
 * row is to be dropped (--lenient, with a warning).
 */
static enum vc_status lookup(struct tables *t, struct span id, const char *col, enum role want,
                             size_t *k)
{
    enum role r;
    *k = SIZE_MAX;
    if (!id.n)
        return vc_error_set(t->err, VC_EINVAL, t->file, row_line(t), 0, "%s is empty", col);
    *k = vc_graph_find_node(t->g, id.s, id.n);
    r = *k == SIZE_MAX ? ROLE_NONE : role_of(t, *k);
    if (r == want || (want == ROLE_ITEM && r == ROLE_STAGE))
        return VC_OK;
    if (r != ROLE_NONE)
        return vc_error_set(t->err, VC_EINVAL, t->file, row_line(t), 0,
                            "%s \"%.*s\" is defined in %s, not in %s", col, (int)id.n, id.s,
                            role_file(r), role_file(want));
    *k = SIZE_MAX;
    if (t->opts && t->opts->lenient)
        return warn_at(t, t->file, row_line(t), "%s \"%.*s\" is not in %s; row dropped", col,
                       (int)id.n, id.s, role_file(want));
    return vc_error_set(t->err, VC_EINVAL, t->file, row_line(t), 0,
                        "%s \"%.*s\" is not in %s%s", col, (int)id.n, id.s, role_file(want),
                        want == ROLE_ITEM ? " or stages.csv" : "");
}

/* Parses a share cell: "61", "61%", "0.61", blank (unknown). */
static enum vc_status parse_share(struct tables *t, struct span sp, double *out, bool *pct)
{
    char buf[64];
    char *end;

    *out = NAN;
    *pct = false;
    if (sp.n && sp.s[sp.n - 1] == '%') {
        *pct = true;
        sp.n--;
        while (sp.n && sp.s[sp.n - 1] == ' ')
            sp.n--;
    }
    if (!sp.n && !*pct)
        return VC_OK;
    if (!sp.n || sp.n >= sizeof(buf))
        goto bad;
    memcpy(buf, sp.s, sp.n);
    buf[sp.n] = '\0';
    if (!*pct && strcasecmp(buf, "nan") == 0) /* pandas' missing number, as in every reader */
        return vc_noted_missing(&t->noted, VC_CLASS_EDGE, "share", t->file, buf, row_line(t), 0)
                   ? nomem(t)
                   : VC_OK;
    if (!vc_is_decimal(buf)) /* strtod would read 0x1p-1 and inf */
        goto bad;
    errno = 0;
    *out = strtod(buf, &end);
    if (*end || errno == ERANGE || !isfinite(*out))
        goto bad;
    if (*out < 0)
        return vc_error_set(t->err, VC_EINVAL, t->file, row_line(t), 0, "share %s is negative",
                            buf);
    return VC_OK;
bad:
    return vc_error_set(t->err, VC_EPARSE, t->file, row_line(t), 0,
                        "share \"%.*s%s\" is not a number (expected e.g. 61, 61%% or 0.61, or "
                        "nothing when unknown)", (int)(sp.n > 40 ? 40 : sp.n), sp.s,
                        *pct ? "%" : "");
}

static enum vc_status read_provision(struct tables *t)
{
    enum { PROVIDER, ITEM, SHARE, YEAR, SOURCE, NEGL, N_COLS };
    static const struct col spec[N_COLS] = {
        [PROVIDER] = { { "provider_id" }, true }, [ITEM] = { { "provided_id", "item_id" }, true },
        [SHARE] = { { "share_provided", "share" } }, [YEAR] = { { "year" } },
        [SOURCE] = { { "source" } }, [NEGL] = { { "negligible_market_share", "negligible" } },
    };
    struct pairset seen = { 0 };
    long c[N_COLS];
    enum vc_status st;
    bool present, got;

    if ((st = open_table(t, "provision.csv", true, spec, N_COLS, c, &present)) != VC_OK)
        return st;
    while ((st = vc_csv_next(&t->csv, &got, t->err)) == VC_OK && got) {
        struct span si = get(t, c[ITEM]), sng = get(t, c[NEGL]);
        size_t a, i, e;
        long first;
        double s;
        bool pct;

        if ((st = lookup(t, get(t, c[PROVIDER]), "provider_id", ROLE_PROVIDER, &a)) != VC_OK)
            break;
        if (a == SIZE_MAX)
            continue;
        i = si.n ? vc_graph_find_node(t->g, si.s, si.n) : SIZE_MAX;
        if (i == SIZE_MAX && si.n) {
            /* An item the release forgot to define: dropped, warned about once below. */
            if ((st = note_missing(t, si)) != VC_OK)
                break;
            continue;
        }
        if ((st = lookup(t, si, "provided_id", ROLE_ITEM, &i)) != VC_OK)
            break;
        first = pair_seen(&seen, a, i, row_line(t));
        if (first < 0) {
            st = nomem(t);
            break;
        }
        if (first > 0) {
            st = warn_at(t, t->file, row_line(t),
                         "provider \"%s\" and item \"%s\" are paired already at line %ld; "
                         "this row is dropped", t->g->node_id[a], t->g->node_id[i], first);
            if (st != VC_OK)
                break;
            continue;
        }
        if ((st = parse_share(t, get(t, c[SHARE]), &s, &pct)) != VC_OK ||
            (st = add_edge(t, a, i, "provides", row_line(t), &e)) != VC_OK)
            break;
        if (!isnan(s)) {
            t->shares++;
            t->shares_pct_sign += pct;
            if (s > t->share_max)
                t->share_max = s;
            if ((st = vc_attr_set_double(t->share, e, s, t->err)) != VC_OK)
                break;
        }
        if ((st = set_year(t, t->eyear, e, get(t, c[YEAR]))) != VC_OK ||
            (st = set_str(t, t->citation, e, get(t, c[SOURCE]))) != VC_OK)
            break;
        if (sng.n && !span_is(sng, "false") && !span_is(sng, "0") && !span_is(sng, "no") &&
            (st = set_bool(t, t->negligible, e, true)) != VC_OK)
            break;
    }
    pairset_release(&seen);
    for (size_t m = 0; st == VC_OK && m < t->n_missing; m++)
        st = warn_at(t, t->file, t->missing[m].line,
                     "item \"%s\" is named by %lu provision row%s but is not in inputs.csv; "
                     "%s dropped", t->missing[m].id, t->missing[m].rows,
                     t->missing[m].rows == 1 ? "" : "s",
                     t->missing[m].rows == 1 ? "it is" : "they are");
    return st;
}

static enum vc_status read_sequence(struct tables *t)
{
    enum { FROM, INTO, TYPE, WEIGHT, N_COLS };
    static const struct col spec[N_COLS] = {
        [FROM] = { { "input_id", "item_id" }, true },
        [INTO] = { { "goes_into_id", "input_of" } },
        [TYPE] = { { "is_type_of_id", "variant_of" } }, [WEIGHT] = { { "weight" } },
    };
    struct pairset seen[2] = { { 0 }, { 0 } };
    long c[N_COLS];
    enum vc_status st;
    bool present, got;

    if ((st = open_table(t, "sequence.csv", false, spec, N_COLS, c, &present)) != VC_OK ||
        !present)
        return st;
    if (c[INTO] < 0 && c[TYPE] < 0) /* one of them, at least */
        return missing_column(t, "goes_into_id");
    while ((st = vc_csv_next(&t->csv, &got, t->err)) == VC_OK && got) {
        struct span to_id[2] = { get(t, c[INTO]), get(t, c[TYPE]) };
        static const char *const rel[2] = { "input_of", "variant_of" };
        static const char *const col[2] = { "goes_into_id", "is_type_of_id" };
        struct span sw = get(t, c[WEIGHT]);
        size_t u;

        if ((st = lookup(t, get(t, c[FROM]), "input_id", ROLE_ITEM, &u)) != VC_OK)
            break;
        if (u == SIZE_MAX)
            continue;
        for (int r = 0; r < 2 && st == VC_OK; r++) {
            size_t v, e;
            long first;
            if (!to_id[r].n)
                continue;
            if ((st = lookup(t, to_id[r], col[r], ROLE_ITEM, &v)) != VC_OK || v == SIZE_MAX)
                break;
            first = pair_seen(&seen[r], u, v, row_line(t));
            if (first < 0) {
                st = nomem(t);
                break;
            }
            if (first > 0) {
                st = warn_at(t, t->file, row_line(t),
                             "\"%s\" %s \"%s\" is given already at line %ld; this row is "
                             "dropped", t->g->node_id[u], rel[r], t->g->node_id[v], first);
                continue;
            }
            if ((st = add_edge(t, u, v, rel[r], row_line(t), &e)) != VC_OK)
                break;
            if (sw.n) {
                union vc_value val;
                bool has;
                struct vc_attr *w;
                if ((st = parse_value(t, sw, VC_ATTR_DOUBLE, "weight", &val, &has)) != VC_OK)
                    break;
                if (has && ((st = vc_graph_attr_ensure(t->g, VC_CLASS_EDGE, "weight",
                                                       VC_ATTR_DOUBLE, &w, t->err)) != VC_OK ||
                            (st = vc_attr_set_double(w, e, val.d, t->err)) != VC_OK))
                    break;
            }
        }
        if (st != VC_OK)
            break;
    }
    pairset_release(&seen[0]);
    pairset_release(&seen[1]);
    return st;
}

/*
 * Stages feed one another in file order (Design -> Fabrication -> ATP), and
 * the last feeds every final item.  Edges point at the stages.csv row of
 * the stage they leave.
 */
static enum vc_status chain_stages(struct tables *t)
{
    size_t e;
    enum vc_status st = VC_OK;

    if (!t->n_stages)
        return VC_OK;
    if ((st = table_file(t, "stages.csv")) != VC_OK)
        return st;
    for (size_t i = 0; i + 1 < t->n_stages && st == VC_OK; i++)
        st = add_edge(t, t->stages[i], t->stages[i + 1], "input_of",
                      t->g->node_line[t->stages[i]], &e);
    for (size_t k = 0; k < t->g->n_nodes && st == VC_OK; k++) {
        size_t last = t->stages[t->n_stages - 1];
        if (role_of(t, k) == ROLE_ITEM && vc_attr_has(t->final, k) && t->final->values[k].i)
            st = add_edge(t, last, k, "input_of", t->g->node_line[last], &e);
    }
    return st;
}

static enum vc_status add_columns(struct tables *t)
{
    static const struct {
        enum vc_attr_class cls;
        const char *name;
        enum vc_attr_type type;
        size_t off;
    } cols[] = {
        { VC_CLASS_NODE, "kind", VC_ATTR_STRING, offsetof(struct tables, kind) },
        { VC_CLASS_NODE, "label", VC_ATTR_STRING, offsetof(struct tables, label) },
        { VC_CLASS_NODE, "level", VC_ATTR_STRING, offsetof(struct tables, level) },
        { VC_CLASS_NODE, "country", VC_ATTR_STRING, offsetof(struct tables, country) },
        { VC_CLASS_NODE, "aggregate", VC_ATTR_BOOL, offsetof(struct tables, aggregate) },
        { VC_CLASS_NODE, "alias", VC_ATTR_STRING, offsetof(struct tables, alias) },
        { VC_CLASS_NODE, "stage", VC_ATTR_STRING, offsetof(struct tables, stage) },
        { VC_CLASS_NODE, "category", VC_ATTR_STRING, offsetof(struct tables, category) },
        { VC_CLASS_NODE, "value", VC_ATTR_DOUBLE, offsetof(struct tables, value) },
        { VC_CLASS_NODE, "final", VC_ATTR_BOOL, offsetof(struct tables, final) },
        { VC_CLASS_NODE, "year", VC_ATTR_INT, offsetof(struct tables, year) },
        { VC_CLASS_NODE, "description", VC_ATTR_STRING, offsetof(struct tables, description) },
        { VC_CLASS_EDGE, "relation", VC_ATTR_STRING, offsetof(struct tables, relation) },
        { VC_CLASS_EDGE, "share", VC_ATTR_DOUBLE, offsetof(struct tables, share) },
        { VC_CLASS_EDGE, "year", VC_ATTR_INT, offsetof(struct tables, eyear) },
        { VC_CLASS_EDGE, "negligible", VC_ATTR_BOOL, offsetof(struct tables, negligible) },
        { VC_CLASS_EDGE, "citation", VC_ATTR_STRING, offsetof(struct tables, citation) },
    };
    for (size_t i = 0; i < sizeof(cols) / sizeof(cols[0]); i++) {
        struct vc_attr **slot = (struct vc_attr **)((char *)t + cols[i].off);
        enum vc_status st = vc_graph_attr_add(t->g, cols[i].cls, cols[i].name, cols[i].type,
                                              slot, t->err);
        if (st != VC_OK)
            return st;
    }
    return VC_OK;
}

/* Columns nothing filled are dropped, so `vchain info` shows what the tables hold. */
static void drop_empty_columns(struct tables *t)
{
    for (size_t i = t->g->n_attrs; i-- > 0;) {
        struct vc_attr *a = t->g->attrs[i];
        if (a->count == 0 && a->cls != VC_CLASS_GRAPH && strcmp(a->name, "kind") != 0 &&
            strcmp(a->name, "relation") != 0)
            vc_graph_attr_remove(t->g, a);
    }
}

/*
 * Shares are percent when any is written with % or any exceeds 1, else
 * fractions; the choice is stored as share_unit for vc_chain_build().
 */
static enum vc_status set_share_unit(struct tables *t)
{
    struct vc_attr *unit;
    bool percent = t->shares_pct_sign > 0 || t->share_max > 1.0;
    const char *s = vc_graph_strdup(t->g, percent ? "percent" : "fraction",
                                    percent ? 7 : 8);
    enum vc_status st;

    if (!s)
        return vc_error_set(t->err, VC_ENOMEM, t->dir, 0, 0, "out of memory");
    if (t->shares_pct_sign && t->shares_pct_sign < t->shares) {
        st = warn_at(t, t->file, 0,
                     "%lu of %lu shares are written with %% and the others without; all are "
                     "read as percent", t->shares_pct_sign, t->shares);
        if (st != VC_OK)
            return st;
    }
    st = vc_graph_attr_add(t->g, VC_CLASS_GRAPH, "share_unit", VC_ATTR_STRING, &unit, t->err);
    if (st == VC_OK)
        st = vc_attr_set_string(unit, 0, s, t->err);
    return st;
}

enum vc_status vc_tables_read(struct vc_graph *out, const char *dir,
                              const struct vc_import_opts *opts, struct vc_diag *diag,
                              struct vc_error *err)
{
    struct tables t;
    enum vc_status st;

    memset(&t, 0, sizeof(t));
    vc_graph_init(out);
    t.g = out;
    t.dir = dir;
    t.opts = opts;
    t.diag = diag;
    t.err = err;
    if ((st = vc_graph_set_source(out, dir)) != VC_OK) {
        st = vc_error_set(err, st, dir, 0, 0, "out of memory");
        goto out;
    }
    if ((st = add_columns(&t)) != VC_OK)
        goto out;
    /* Order matters: stages before the items that name them, both before the rows
     * that refer to them. */
    st = read_stages(&t);
    close_table(&t);
    if (st == VC_OK)
        st = read_items(&t);
    close_table(&t);
    if (st == VC_OK)
        st = read_providers(&t);
    close_table(&t);
    if (st == VC_OK)
        st = read_provision(&t);
    close_table(&t);
    if (st == VC_OK)
        st = set_share_unit(&t);
    if (st == VC_OK)
        st = read_sequence(&t);
    close_table(&t);
    if (st == VC_OK)
        st = chain_stages(&t);
    if (st == VC_OK)
        st = vc_noted_report(&t.noted, diag, err);
    if (st == VC_OK)
        drop_empty_columns(&t);
out:
    vc_noted_release(&t.noted);
    close_table(&t);
    free(t.role);
    free(t.stages);
    free(t.missing);
    if (st != VC_OK)
        vc_graph_release(out);
    return st;
}
