/*
 * cli_fit.c - an aligned text table, fitted to the terminal.
 *
 * Whole rows (width 0: stdout piped, or --full): every column as wide as
 * its widest cell, except that text wider than 48 columns overflows its
 * column rather than widening it.
 *
 * On a terminal W columns wide, rows that fit are printed whole too.  When
 * they do not, in this order:
 *   1. the "under" column (rank's reason) leaves the row and is wrapped at
 *      spaces on lines of its own under it, indented;
 *   2. optional columns (drop > 0) are hidden, the highest drop first,
 *      until every number fits whole and every text column fits at least
 *      COMFORT columns (or its header); a last line names what was hidden;
 *   3. text columns longer than the room left are cut, ending in an
 *      ellipsis, the longest cut most (they share a common cap);
 * and numbers are never cut.  If even that does not fit (a very narrow
 * terminal), text columns and the headers of numbers go down to TIGHT
 * columns, and then the line is let overflow.
 *
 * This is our own rather than util-linux's libsmartcols: libsmartcols
 * cannot hide a column or put a cell under its row, and with rank's
 * fifteen columns its lines still overflowed 100 columns while it cut item
 * names to three letters; a new dependency would also tie the build to
 * util-linux.  Widths are counted in display columns from the UTF-8 text
 * (wide East Asian characters take two), whatever the locale.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli.h"
#include "cli_fit.h"

enum {
    WHOLE_CAP = 48, /* whole rows: text wider than this overflows its column */
    COMFORT = 32,   /* a text column is cut to this before a column is hidden */
    TIGHT = 4,      /* the last resort on a very narrow terminal */
    GAP = 2,        /* spaces between columns */
    MIN_WIDTH = 20  /* narrower terminals are laid out as this wide */
};

/* The next code point of s and its length in bytes; a byte that does not
 * start valid UTF-8 is one column of its own (U+FFFD). */
static uint32_t next_cp(const char *s, size_t *len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t n = u[0] < 0x80 ? 1 : (u[0] & 0xE0) == 0xC0 ? 2 : (u[0] & 0xF0) == 0xE0 ? 3
             : (u[0] & 0xF8) == 0xF0 ? 4 : 0;
    uint32_t cp;

    *len = 1;
    if (n == 0)
        return 0xFFFD;
    cp = n == 1 ? u[0] : u[0] & (0x7Fu >> n);
    for (size_t k = 1; k < n; k++) {
        if ((u[k] & 0xC0) != 0x80) /* also stops at the terminating NUL */
            return 0xFFFD;
        cp = cp << 6 | (u[k] & 0x3F);
    }
    *len = n;
    return cp;
}

static int in(uint32_t cp, uint32_t lo, uint32_t hi)
{
    return cp >= lo && cp <= hi;
}

/* Columns a code point takes: the usual terminal widths for the scripts
 * names come in (Unicode's East Asian Wide and Fullwidth blocks, emoji;
 * combining marks, zero-width spaces and joiners, variation selectors). */
static size_t cp_width(uint32_t cp)
{
    if (in(cp, 0x0300, 0x036F) || in(cp, 0x1AB0, 0x1AFF) || in(cp, 0x1DC0, 0x1DFF)
        || in(cp, 0x200B, 0x200F) || in(cp, 0x20D0, 0x20FF) || in(cp, 0xFE00, 0xFE0F)
        || in(cp, 0xFE20, 0xFE2F))
        return 0;
    if (in(cp, 0x1100, 0x115F) || in(cp, 0x2E80, 0x303E) || in(cp, 0x3041, 0x33FF)
        || in(cp, 0x3400, 0x4DBF) || in(cp, 0x4E00, 0x9FFF) || in(cp, 0xA000, 0xA4CF)
        || in(cp, 0xAC00, 0xD7A3) || in(cp, 0xF900, 0xFAFF) || in(cp, 0xFE30, 0xFE4F)
        || in(cp, 0xFF00, 0xFF60) || in(cp, 0xFFE0, 0xFFE6) || in(cp, 0x1F300, 0x1F64F)
        || in(cp, 0x1F900, 0x1F9FF) || in(cp, 0x20000, 0x2FFFD) || in(cp, 0x30000, 0x3FFFD))
        return 2;
    return 1;
}

size_t cli_fit_text_width(const char *s)
{
    size_t w = 0, len;
    for (; s && *s; s += len)
        w += cp_width(next_cp(s, &len));
    return w;
}

/* Bytes of s that fill at most w columns; their width in *used. */
static size_t prefix_fitting(const char *s, size_t w, size_t *used)
{
    size_t n = 0, len;
    *used = 0;
    while (s[n]) {
        size_t cw = cp_width(next_cp(s + n, &len));
        if (*used + cw > w)
            break;
        *used += cw;
        n += len;
    }
    /* marks that combine with the last character kept stay with it */
    while (s[n] && cp_width(next_cp(s + n, &len)) == 0)
        n += len;
    return n;
}

/* "…" where the locale says UTF-8 (as a terminal user's does), else "~". */
static const char *ellipsis(void)
{
    const char *names[] = { "LC_ALL", "LC_CTYPE", "LANG" };
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        const char *v = getenv(names[i]);
        if (v && *v)
            return strstr(v, "UTF-8") || strstr(v, "utf-8") || strstr(v, "UTF8")
                           || strstr(v, "utf8")
                       ? "\xE2\x80\xA6"
                       : "~";
    }
    return "~";
}

/*
 * Where a line goes.  When fitting (trim), spaces wait in pending until
 * text follows them, so that a fitted line never ends in blanks, and long
 * cells are cut; whole rows keep both as they always were.
 */
struct pen {
    FILE *out;
    size_t pending;
    bool trim;
};

static void pad(struct pen *p, size_t n)
{
    if (p->trim) {
        p->pending += n;
        return;
    }
    while (n--)
        putc(' ', p->out);
}

static void put(struct pen *p, const char *s, size_t n)
{
    if (!n)
        return;
    for (; p->pending; p->pending--)
        putc(' ', p->out);
    fwrite(s, 1, n, p->out);
}

static void end_line(struct pen *p)
{
    p->pending = 0;
    putc('\n', p->out);
}

/* s in a column w wide, padded unless it is the last column of its line;
 * longer text is cut with the ellipsis when fitting, else overflows. */
static void put_cell(struct pen *p, const char *s, size_t w, bool right, bool last)
{
    size_t x = cli_fit_text_width(s);
    if (!s)
        s = "";
    if (x > w && !p->trim) {
        put(p, s, strlen(s));
        return;
    }
    if (x > w) {
        const char *e = ellipsis();
        size_t ew = cli_fit_text_width(e), used = 0;
        if (w >= ew) {
            put(p, s, prefix_fitting(s, w - ew, &used));
            put(p, e, strlen(e));
            used += ew;
        }
        if (!last)
            pad(p, w - used);
        return;
    }
    if (right)
        pad(p, w - x);
    put(p, s, strlen(s));
    if (!right && !last)
        pad(p, w - x);
}

/* s wrapped at spaces into lines of at most avail columns, each indented;
 * a word longer than a line is broken where the line ends. */
static void put_wrapped(struct pen *p, const char *s, size_t indent, size_t avail)
{
    while (*s) {
        size_t n = 0, used = 0, brk = 0, len = 1;
        while (*s == ' ')
            s++;
        if (!*s)
            break;
        while (s[n]) {
            size_t cw = cp_width(next_cp(s + n, &len));
            if (s[n] == ' ')
                brk = n;
            if (used + cw > avail)
                break;
            used += cw;
            n += len;
        }
        if (s[n] && s[n] != ' ' && brk)
            n = brk; /* end the line at the last space */
        if (!n)
            n = len; /* one character wider than the line: show it anyway */
        pad(p, indent);
        put(p, s, n);
        end_line(p);
        s += n;
    }
}

static size_t line_width(const size_t *w, const bool *show, size_t n_cols)
{
    size_t total = 0, shown = 0;
    for (size_t c = 0; c < n_cols; c++)
        if (show[c]) {
            total += w[c];
            shown++;
        }
    return shown ? total + GAP * (shown - 1) : 0;
}

/* Columns wider than cap cut to it, but never below lo: w. */
static void cap_widths(size_t *w, const size_t *nat, const size_t *lo, size_t n_cols, size_t cap)
{
    for (size_t c = 0; c < n_cols; c++)
        w[c] = nat[c] <= cap ? nat[c] : cap > lo[c] ? cap : lo[c];
}

/* The widest common cap (not below lo) for which the shown columns fit
 * width; the columns' widths in w. */
static void fill(size_t *w, const size_t *nat, const size_t *lo, const bool *show,
                 size_t n_cols, size_t width)
{
    size_t cap = 0;
    for (size_t c = 0; c < n_cols; c++)
        cap = nat[c] > cap ? nat[c] : cap;
    for (;;) {
        cap_widths(w, nat, lo, n_cols, cap);
        if (cap == 0 || line_width(w, show, n_cols) <= width)
            return;
        cap--;
    }
}

void cli_fit_print(FILE *out, size_t n_cols, size_t n_rows, const char *const *cell,
                   const struct cli_fit_col *col, size_t width)
{
    size_t nat[CLI_FIT_MAX_COLS], body[CLI_FIT_MAX_COLS], lo[CLI_FIT_MAX_COLS];
    size_t w[CLI_FIT_MAX_COLS];
    bool show[CLI_FIT_MAX_COLS];
    size_t under = n_cols, first = n_cols, last = 0, n_hidden = 0, indent;
    struct pen pen = { out, 0, width != 0 };

    if (n_cols > CLI_FIT_MAX_COLS)
        n_cols = CLI_FIT_MAX_COLS;
    for (size_t c = 0; c < n_cols; c++) {
        body[c] = 0;
        for (size_t r = 1; r <= n_rows; r++) {
            size_t x = cli_fit_text_width(cell[r * n_cols + c]);
            body[c] = x > body[c] ? x : body[c];
        }
        nat[c] = cli_fit_text_width(cell[c]);
        nat[c] = body[c] > nat[c] ? body[c] : nat[c];
        show[c] = true;
        w[c] = nat[c];
    }
    if (width && width < MIN_WIDTH)
        width = MIN_WIDTH;
    if (!width) {
        for (size_t c = 0; c < n_cols; c++)
            w[c] = nat[c] > WHOLE_CAP ? WHOLE_CAP : nat[c];
        width = SIZE_MAX; /* the cells wider than their column overflow */
    } else if (line_width(nat, show, n_cols) > width) {
        for (size_t c = 0; c < n_cols; c++) {
            size_t head = cli_fit_text_width(cell[c]);
            if (col[c].under && under == n_cols) {
                under = c;
                show[c] = false;
            }
            lo[c] = col[c].right ? nat[c] : nat[c] < COMFORT ? nat[c] : head > COMFORT ? head
                                                                                          : COMFORT;
        }
        while (line_width(lo, show, n_cols) > width) {
            size_t victim = n_cols;
            for (size_t c = 0; c < n_cols; c++)
                if (show[c] && col[c].drop > 0
                    && (victim == n_cols || col[c].drop >= col[victim].drop))
                    victim = c;
            if (victim == n_cols)
                break;
            show[victim] = false;
            n_hidden++;
        }
        if (line_width(lo, show, n_cols) > width)
            for (size_t c = 0; c < n_cols; c++) {
                size_t tight = nat[c] < TIGHT ? nat[c] : TIGHT;
                /* numbers keep their digits; only their header is cut */
                lo[c] = col[c].right && body[c] > tight ? body[c] : tight;
            }
        fill(w, nat, lo, show, n_cols, width);
    }
    for (size_t c = 0; c < n_cols; c++)
        if (show[c]) {
            first = first == n_cols ? c : first;
            last = c;
        }
    indent = first < n_cols && w[first] + GAP <= 12 ? w[first] + GAP : 4;
    for (size_t r = 0; r <= n_rows; r++) {
        const char *const *row = cell + r * n_cols;
        for (size_t c = 0; c < n_cols; c++) {
            if (!show[c])
                continue;
            if (c != first)
                pad(&pen, GAP);
            put_cell(&pen, row[c], w[c], r && col[c].right, c == last);
        }
        end_line(&pen);
        if (under < n_cols && row[under] && width > indent)
            put_wrapped(&pen, row[under], indent, width - indent);
    }
    if (n_hidden) {
        size_t k = 0;
        char note[1024];
        size_t len = 0;
        len += (size_t)snprintf(note, sizeof(note), "(not shown to fit the terminal:");
        for (size_t c = 0; c < n_cols && len < sizeof(note); c++)
            if (!show[c] && c != under)
                len += (size_t)snprintf(note + len, sizeof(note) - len, "%s %s",
                                        k++ ? "," : "", cell[c]);
        if (len < sizeof(note))
            snprintf(note + len, sizeof(note) - len, "; --full shows every column)");
        put_wrapped(&pen, note, 0, width);
    }
}

size_t cli_fit_width(FILE *out)
{
    struct winsize ws;
    const char *env = getenv("COLUMNS");
    int fd = fileno(out);

    if (cli.full || cli.no_tty || fd < 0 || !isatty(fd))
        return 0;
    if (env && *env) {
        char *end;
        long v = strtol(env, &end, 10);
        if (!*end && v > 0 && v < 100000)
            return (size_t)v;
    }
    if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    return 80;
}

void cli_fit_printf(FILE *out, const char *fmt, ...)
{
    va_list ap;
    char small[512], *text = small, *line;
    size_t width = cli_fit_width(out);
    int n;

    va_start(ap, fmt);
    n = vsnprintf(small, sizeof(small), fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n >= sizeof(small)) {
        if (!(text = malloc((size_t)n + 1)))
            return; /* the line is lost; the write check at exit does not see it */
        va_start(ap, fmt);
        vsnprintf(text, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    if (!width) {
        fputs(text, out);
    } else {
        struct pen pen = { out, 0, true };
        for (line = text; *line;) {
            char *nl = strchr(line, '\n');
            if (nl)
                *nl = '\0';
            if (*line)
                put_wrapped(&pen, line, 0, width);
            if (!nl)
                break;
            if (!*line)
                end_line(&pen);
            line = nl + 1;
        }
    }
    if (text != small)
        free(text);
}
