/*
 * cli_fit.h - laying out an aligned text table for a terminal's width.
 *
 * cli_table.c hands its text format here: the cells as shown (row 0 the
 * header), how each column may give way, and the width to fit (0: none,
 * the whole rows, as when stdout is piped or --full is given).
 */
#ifndef VC_CLI_FIT_H
#define VC_CLI_FIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "vchain/error.h"

#define CLI_FIT_MAX_COLS 32

struct cli_fit_col {
    bool right; /* a number: right-aligned, never cut */
    int drop;   /* 0: always shown; k > 0: hidden when the width is short,
                 * the highest k first */
    bool under; /* wrapped on lines of its own under the row when the row
                 * does not fit (one column at most) */
};

/*
 * Prints n_rows rows of n_cols columns (n_cols <= CLI_FIT_MAX_COLS);
 * cell[r * n_cols + c] is row r's text in column c (r = 0: the header),
 * NULL when empty.  width 0 prints whole rows.
 */
void cli_fit_print(FILE *out, size_t n_cols, size_t n_rows, const char *const *cell,
                   const struct cli_fit_col *col, size_t width);

/*
 * The width a text table on out should fit: 0 (whole rows) when out is not
 * a terminal or --full was given, else $COLUMNS when it is a number, else
 * the terminal's width (80 when it cannot be asked).
 */
size_t cli_fit_width(FILE *out);

/* printf() of prose (a table's title, a summary; each line ending in \n)
 * that wraps its lines at spaces to the width cli_fit_width() gives. */
void cli_fit_printf(FILE *out, const char *fmt, ...) VC_PRINTF(2, 3);

/* Display width of UTF-8 text in terminal columns (wide East Asian
 * characters 2, combining marks 0, a byte that is not UTF-8 1). */
size_t cli_fit_text_width(const char *s);

#endif
