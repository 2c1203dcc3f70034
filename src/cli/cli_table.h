/*
 * cli_table.h - tables the commands print: aligned text on a terminal,
 * TSV (the default elsewhere), CSV (RFC 4180), JSON (an array of objects)
 * or Markdown.
 *
 * Build a table column by column, fill it row by row, print it once:
 *
 *     struct cli_table t;
 *     static const struct cli_col cols[] = {
 *         { "actor", CLI_COL_TEXT }, { "share", CLI_COL_NUM },
 *     };
 *     cli_table_init(&t);
 *     CLI_TABLE_COLS(&t, cols);       (or cli_table_col() one by one)
 *     cli_table_row(&t);
 *     cli_table_text(&t, "ASML");
 *     cli_table_num(&t, 0.93);
 *     cli_table_print(&t, stdout, fmt);
 *     cli_table_release(&t);
 *
 * Numbers: 6 significant digits in text, TSV, CSV and Markdown; in JSON
 * the exporters' rule (docs/formats.md, "Numbers in JSON"): CLI_COL_NUM
 * the shortest exact form with a decimal point (1.0), CLI_COL_INT an
 * integer.  A missing value (cli_table_none, or NaN) is empty, or null in
 * JSON.  Column names are snake_case with units.
 *
 * Text on a terminal fits its width (cli_fit.c): after declaring a column,
 * cli_table_drop() lets it be hidden when the width is short (level 1 the
 * last to go) and cli_table_under() moves it under its row.
 */
#ifndef VC_CLI_TABLE_H
#define VC_CLI_TABLE_H

#include <stdbool.h>
#include <stdio.h>

#include "cli.h"

struct cli_cell {
    char *text;  /* NULL: missing */
    double num;
};

struct cli_table {
    size_t n_cols, n_rows, cap_rows;
    const char *names[32];
    enum cli_col_type types[32];
    int drop[32];           /* cli_table_drop() */
    bool under[32];         /* cli_table_under() */
    struct cli_cell *cells; /* n_rows * n_cols */
    size_t cur;             /* next cell of the current row */
    bool failed;            /* out of memory: printing reports it */
    FILE *stream;           /* cli_table_stream(): where complete rows go */
    int stream_fmt;
    size_t n_sent;          /* rows already written there (and freed) */
};

void cli_table_init(struct cli_table *t);
void cli_table_release(struct cli_table *t);
void cli_table_col(struct cli_table *t, const char *name, enum cli_col_type type);
/* A table's columns declared at once, from a static array; drop and under
 * as cli_table_drop() and cli_table_under() below set them (0, false: not
 * marked). */
struct cli_col {
    const char *name;
    enum cli_col_type type;
    int drop;
    bool under;
};
void cli_table_cols(struct cli_table *t, const struct cli_col *cols, size_t n);
#define CLI_TABLE_COLS(t, cols) cli_table_cols(t, cols, sizeof(cols) / sizeof(cols[0]))
/* The column just declared may be hidden on a narrow terminal; the
 * highest level goes first. */
void cli_table_drop(struct cli_table *t, int level);
/* The column just declared (long text, the last one) is wrapped under its
 * row when the row does not fit the terminal. */
void cli_table_under(struct cli_table *t);
/*
 * Rows go to out as soon as they are complete, held one at a time, when fmt
 * needs no column widths (all but FMT_TEXT; then this does nothing): for
 * tables of millions of rows.  Call it after the columns, before the first
 * row, when nothing else is to be written to out until the table is
 * printed; print it with cli_table_print() or cli_table_print_rows() to
 * the same out in the same fmt, which writes the rest.
 */
void cli_table_stream(struct cli_table *t, FILE *out, int fmt);
void cli_table_row(struct cli_table *t);
void cli_table_text(struct cli_table *t, const char *s);
void cli_table_num(struct cli_table *t, double d);
void cli_table_int(struct cli_table *t, long long i);
void cli_table_bool(struct cli_table *t, bool b);
void cli_table_none(struct cli_table *t);
/* Prints in fmt (FMT_TEXT aligns columns); returns nonzero on failure. */
int cli_table_print(const struct cli_table *t, FILE *out, int fmt);
/* --format's default: aligned text on a terminal, TSV otherwise. */
int cli_default_format(void);
/*
 * Like cli_table_print, but a table without rows reads "(none)" in text
 * and Markdown instead of a bare header, and in text (the terminal's
 * format) "(none: HINT)" when hint says why or what would help; TSV, CSV
 * and JSON keep their empty table.
 */
int cli_table_print_rows(const struct cli_table *t, int fmt, const char *hint);

#endif
