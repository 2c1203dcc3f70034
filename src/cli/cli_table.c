/*
 * cli_table.c - one table, five formats.
 *
 * Cells hold untrusted text (labels, ids from the input).  Every format but
 * JSON (which escapes them its own way) shows control characters as
 * visible escapes (vc_term_text), so a row is one line and no escape
 * sequence reaches the terminal; CSV also puts a ' before a cell that a
 * spreadsheet would run as a formula (vc_csv_cell), unless --csv-raw.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli_fit.h"
#include "cli_table.h"
#include "vchain/textout.h"

void cli_table_init(struct cli_table *t)
{
    memset(t, 0, sizeof(*t));
}

void cli_table_release(struct cli_table *t)
{
    for (size_t k = 0; k < t->n_rows * t->n_cols; k++)
        free(t->cells[k].text);
    free(t->cells);
    memset(t, 0, sizeof(*t));
}

void cli_table_col(struct cli_table *t, const char *name, enum cli_col_type type)
{
    if (t->n_cols < sizeof(t->names) / sizeof(t->names[0])) {
        t->names[t->n_cols] = name;
        t->types[t->n_cols++] = type;
    }
}

void cli_table_cols(struct cli_table *t, const struct cli_col *cols, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        cli_table_col(t, cols[i].name, cols[i].type);
        if (cols[i].drop)
            cli_table_drop(t, cols[i].drop);
        if (cols[i].under)
            cli_table_under(t);
    }
}

void cli_table_drop(struct cli_table *t, int level)
{
    if (t->n_cols)
        t->drop[t->n_cols - 1] = level;
}

void cli_table_under(struct cli_table *t)
{
    if (t->n_cols)
        t->under[t->n_cols - 1] = true;
}

/* A line of TSV, CSV or Markdown: the cells of row, or the names when row
 * is NULL. */
static void print_line(const struct cli_table *t, FILE *out, int fmt, const struct cli_cell *row)
{
    if (fmt == FMT_MD)
        putc('|', out);
    for (size_t c = 0; c < t->n_cols; c++) {
        const char *s = row ? row[c].text : t->names[c];
        if (fmt == FMT_MD) {
            putc(' ', out);
            vc_md_field(out, s);
            fputs(" |", out);
        } else {
            if (c)
                putc(fmt == FMT_CSV ? ',' : '\t', out);
            if (fmt == FMT_CSV)
                vc_csv_cell(out, s, ',', cli.csv_raw);
            else
                vc_tsv_field(out, s);
        }
    }
    fputs(fmt == FMT_CSV ? "\r\n" : "\n", out);
}

/* The header: TSV and CSV a line of names, Markdown that and its rule,
 * JSON the opening bracket. */
static void print_head(const struct cli_table *t, FILE *out, int fmt)
{
    if (fmt == FMT_JSON) {
        fputs("[", out);
        return;
    }
    print_line(t, out, fmt, NULL);
    if (fmt == FMT_MD) {
        putc('|', out);
        for (size_t c = 0; c < t->n_cols; c++)
            fputs(t->types[c] == CLI_COL_TEXT ? " --- |" : " ---: |", out);
        putc('\n', out);
    }
}

/* One row (its n_cols cells), the index-th of the table. */
static void print_row(const struct cli_table *t, FILE *out, int fmt, const struct cli_cell *row,
                      size_t index)
{
    if (fmt != FMT_JSON) {
        print_line(t, out, fmt, row);
        return;
    }
    fputs(index ? ",\n  {" : "\n  {", out);
    for (size_t c = 0; c < t->n_cols; c++) {
        const struct cli_cell *cell = &row[c];
        if (c)
            fputs(", ", out);
        vc_json_string(out, t->names[c]);
        fputs(": ", out);
        if (!cell->text)
            fputs("null", out);
        else if (t->types[c] == CLI_COL_TEXT)
            vc_json_string(out, cell->text);
        else if (t->types[c] == CLI_COL_BOOL)
            fputs(cell->num != 0 ? "true" : "false", out);
        else if (t->types[c] == CLI_COL_INT)
            fputs(cell->text, out);
        else
            vc_json_number(out, cell->num);
    }
    putc('}', out);
}

void cli_table_stream(struct cli_table *t, FILE *out, int fmt)
{
    if (fmt != FMT_TEXT) {
        t->stream = out;
        t->stream_fmt = fmt;
    }
}

/* Streaming: the complete row held goes out, and its cells are freed. */
static void send_row(struct cli_table *t)
{
    if (!t->stream || t->failed || t->n_rows != 1)
        return;
    if (!t->n_sent)
        print_head(t, t->stream, t->stream_fmt);
    print_row(t, t->stream, t->stream_fmt, t->cells, t->n_sent++);
    for (size_t c = 0; c < t->n_cols; c++)
        free(t->cells[c].text);
    t->n_rows = 0;
}

void cli_table_row(struct cli_table *t)
{
    send_row(t);
    if (t->n_rows == t->cap_rows) {
        size_t cap = t->cap_rows ? 2 * t->cap_rows : 64;
        struct cli_cell *c = realloc(t->cells, cap * t->n_cols * sizeof(*c));
        if (!c) {
            t->failed = true;
            return;
        }
        t->cells = c;
        t->cap_rows = cap;
    }
    memset(&t->cells[t->n_rows * t->n_cols], 0, t->n_cols * sizeof(*t->cells));
    t->cur = t->n_rows * t->n_cols;
    t->n_rows++;
}

static struct cli_cell *next(struct cli_table *t)
{
    if (t->failed || !t->n_rows || t->cur >= t->n_rows * t->n_cols)
        return NULL;
    return &t->cells[t->cur++];
}

void cli_table_text(struct cli_table *t, const char *s)
{
    struct cli_cell *c = next(t);
    if (c && s && !(c->text = strdup(s)))
        t->failed = true;
}

static void put_number(struct cli_table *t, double d, bool integer)
{
    struct cli_cell *c = next(t);
    char buf[64];
    if (!c || isnan(d))
        return;
    c->num = d;
    if (integer)
        snprintf(buf, sizeof(buf), "%.0f", d);
    else
        snprintf(buf, sizeof(buf), "%.6g", d);
    if (!(c->text = strdup(buf)))
        t->failed = true;
}

void cli_table_num(struct cli_table *t, double d)
{
    put_number(t, d, false);
}

void cli_table_int(struct cli_table *t, long long i)
{
    put_number(t, (double)i, true);
}

void cli_table_bool(struct cli_table *t, bool b)
{
    struct cli_cell *c = next(t);
    if (c && !(c->text = strdup(b ? "yes" : "no")))
        t->failed = true;
    if (c)
        c->num = b;
}

void cli_table_none(struct cli_table *t)
{
    next(t);
}

int cli_default_format(void)
{
    return !cli.no_tty && isatty(STDOUT_FILENO) ? FMT_TEXT : FMT_TSV;
}

/*
 * The header (row 0) and the cells as shown: escaped copies (vc_term_text),
 * NULL where a cell is missing.  NULL without memory.
 */
static char **shown_cells(const struct cli_table *t)
{
    size_t n = (t->n_rows + 1) * t->n_cols;
    char **v = calloc(n ? n : 1, sizeof(*v));
    if (!v)
        return NULL;
    for (size_t k = 0; k < n; k++) {
        const char *s = k < t->n_cols ? t->names[k] : t->cells[k - t->n_cols].text;
        size_t len;
        if (!s)
            continue;
        len = vc_term_escape(NULL, 0, s);
        if (!(v[k] = malloc(len + 1))) {
            while (k--)
                free(v[k]);
            free(v);
            return NULL;
        }
        vc_term_escape(v[k], len + 1, s);
    }
    return v;
}

static void free_shown(const struct cli_table *t, char **v)
{
    for (size_t k = 0; k < (t->n_rows + 1) * t->n_cols; k++)
        free(v[k]);
    free(v);
}

/* Aligned columns of the escaped cells, fitted to the terminal when out is
 * one (cli_fit.c). */
static int print_text(const struct cli_table *t, FILE *out)
{
    struct cli_fit_col col[CLI_FIT_MAX_COLS];
    char **shown = shown_cells(t);

    if (!shown)
        return -1;
    for (size_t c = 0; c < t->n_cols; c++) {
        col[c].right = t->types[c] != CLI_COL_TEXT;
        col[c].drop = t->drop[c];
        col[c].under = t->under[c];
    }
    cli_fit_print(out, t->n_cols, t->n_rows, (const char *const *)shown, col, cli_fit_width(out));
    free_shown(t, shown);
    return 0;
}

int cli_table_print(const struct cli_table *t, FILE *out, int fmt)
{
    if (t->failed)
        return -1;
    if (fmt == FMT_TEXT) {
        if (print_text(t, out) != 0)
            return -1;
        return ferror(out) ? -1 : 0;
    }
    if (!t->n_sent)
        print_head(t, out, fmt);
    for (size_t r = 0; r < t->n_rows; r++)
        print_row(t, out, fmt, &t->cells[r * t->n_cols], t->n_sent + r);
    if (fmt == FMT_JSON)
        fputs(t->n_sent + t->n_rows ? "\n]\n" : "]\n", out);
    return ferror(out) ? -1 : 0;
}
