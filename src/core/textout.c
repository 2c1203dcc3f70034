/*
 * textout.c - the text formats' rules for a FILE (vchain/textout.h): the
 * visible escape of control characters for terminals and text tables, CSV
 * (with the formula guard), TSV and Markdown here; JSON, XML and numbers
 * through out.c, the rules the exporters use.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "out.h"
#include "vchain/graph.h"
#include "vchain/textout.h"

/* The JSON and XML rules and the numbers are out.c's: a buffer on the
 * stack, flushed to the stream at the end. */

void vc_json_string(FILE *out, const char *s)
{
    struct vc_out o;
    vc_out_init(&o, out);
    vc_out_json(&o, s);
    vc_out_flush(&o);
}

/* The length (2 to 4) of the valid UTF-8 sequence of several bytes at p, or 0. */
static size_t utf8_seq(const unsigned char *p)
{
    unsigned char c = p[0];
    unsigned char lo = 0x80, hi = 0xbf;
    size_t n;

    if (c >= 0xc2 && c <= 0xdf)
        n = 2;
    else if (c >= 0xe0 && c <= 0xef)
        n = 3;
    else if (c >= 0xf0 && c <= 0xf4)
        n = 4;
    else
        return 0;
    /* the second byte's range excludes overlong forms and surrogates */
    if (c == 0xe0)
        lo = 0xa0;
    else if (c == 0xed)
        hi = 0x9f;
    else if (c == 0xf0)
        lo = 0x90;
    else if (c == 0xf4)
        hi = 0x8f;
    if (p[1] < lo || p[1] > hi)
        return 0;
    for (size_t i = 2; i < n; i++)
        if (p[i] < 0x80 || p[i] > 0xbf)
            return 0;
    return n;
}

/*
 * The escape for the character at p, if it needs one: written to esc (at
 * least 8 bytes), its input length in *used.  Returns the escape's length,
 * or 0 when the *used bytes at p go out as they are.
 */
static size_t term_escape_one(const unsigned char *p, char *esc, size_t *used)
{
    size_t n;
    *used = 1;
    switch (*p) {
    case '\n': memcpy(esc, "\\n", 2); return 2;
    case '\r': memcpy(esc, "\\r", 2); return 2;
    case '\t': memcpy(esc, "\\t", 2); return 2;
    default: break;
    }
    if (*p < 0x20 || *p == 0x7f)
        return (size_t)snprintf(esc, 8, "\\x%02x", *p);
    if (*p < 0x80)
        return 0;
    n = utf8_seq(p);
    if (!n)
        return (size_t)snprintf(esc, 8, "\\x%02x", *p); /* not UTF-8 */
    *used = n;
    if (n == 2 && p[0] == 0xc2 && p[1] <= 0x9f)
        return (size_t)snprintf(esc, 8, "\\u%04x", p[1]); /* C1 control */
    return 0;
}

/* vc_term_text(), and with bar set | written \| too (Markdown cells). */
static void term_write(FILE *out, const char *s, bool bar)
{
    const unsigned char *p = (const unsigned char *)s;
    char esc[8];
    size_t used, n;

    if (!s)
        return;
    while (*p) {
        const unsigned char *run = p;
        /* plain ASCII goes out in one piece */
        while (*p >= 0x20 && *p < 0x7f && !(bar && *p == '|'))
            p++;
        if (p > run)
            fwrite(run, 1, (size_t)(p - run), out);
        if (!*p)
            break;
        if (*p == '|') {
            fputs("\\|", out);
            p++;
            continue;
        }
        n = term_escape_one(p, esc, &used);
        if (n)
            fwrite(esc, 1, n, out);
        else
            fwrite(p, 1, used, out);
        p += used;
    }
}

void vc_term_text(FILE *out, const char *s)
{
    term_write(out, s, false);
}

size_t vc_term_escape(char *buf, size_t size, const char *s)
{
    const unsigned char *p;
    size_t len = 0, kept = 0, used, n;
    char esc[8];

    for (p = (const unsigned char *)(s ? s : ""); *p; p += used) {
        const char *piece = esc;
        n = term_escape_one(p, esc, &used);
        if (!n) {
            piece = (const char *)p;
            n = used;
        }
        /* whole escapes only, and nothing after the first that did not fit */
        if (kept == len && len + n < size) {
            memcpy(buf + len, piece, n);
            kept += n;
        }
        len += n;
    }
    if (size)
        buf[kept] = '\0';
    return len;
}

int vc_format_double(char *buf, size_t size, double d)
{
    char text[40];
    int n = vc_double_text(text, d);
    return snprintf(buf, size, "%s", text) < 0 ? 0 : n;
}

void vc_json_number(FILE *out, double d)
{
    struct vc_out o;
    vc_out_init(&o, out);
    vc_out_json_double(&o, d);
    vc_out_flush(&o);
}

void vc_csv_field(FILE *out, const char *s, char sep)
{
    if (!s)
        return;
    if (!strchr(s, sep) && !strpbrk(s, "\"\r\n")) {
        fputs(s, out);
        return;
    }
    putc('"', out);
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            putc('"', out);
        putc(*p, out);
    }
    putc('"', out);
}

int vc_csv_formula(const char *s)
{
    return s && s[0] && strchr("=+-@\t\r", s[0]) && !vc_is_decimal(s);
}

void vc_csv_cell(FILE *out, const char *s, char sep, int raw)
{
    char small[256], *buf = small;
    size_t len, lead;

    if (raw || !s) {
        vc_csv_field(out, s, sep);
        return;
    }
    lead = vc_csv_formula(s) ? 1 : 0;
    len = vc_term_escape(NULL, 0, s);
    if (lead + len + 1 > sizeof(small) && !(buf = malloc(lead + len + 1))) {
        buf = small; /* without memory: the cell cut short, still safe */
        len = sizeof(small) - lead - 1;
    }
    buf[0] = '\'';
    vc_term_escape(buf + lead, len + 1, s);
    vc_csv_field(out, buf, sep);
    if (buf != small)
        free(buf);
}

void vc_tsv_field(FILE *out, const char *s)
{
    vc_term_text(out, s);
}

void vc_md_field(FILE *out, const char *s)
{
    term_write(out, s, true);
}

void vc_xml_text(FILE *out, const char *s)
{
    struct vc_out o;
    vc_out_init(&o, out);
    vc_out_xml(&o, s);
    vc_out_flush(&o);
}
