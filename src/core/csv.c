/*
 * csv.c - streaming RFC 4180 CSV records with their line numbers.
 *
 * Owns: splitting bytes into records and fields (quotes, doubled quotes,
 * embedded line breaks), line and column bookkeeping for messages, UTF-8
 * checking and the optional conversion of legacy single-byte charsets.  It
 * knows nothing of what the columns mean (import/tables_read.c does).
 *
 * The parser is a four-state machine fed one byte at a time from a fixed
 * buffer; a second small machine checks UTF-8 on the raw bytes, so an error
 * points at the offending byte exactly.  Fields of one record are stored
 * back to back, NUL-terminated, in one growing buffer.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csv.h"
#include "mem.h"

/* ---- UTF-8 ---- */

size_t vc_utf8_seq(const unsigned char *s, size_t n)
{
    unsigned char c, lo = 0x80, hi = 0xBF;
    size_t need;

    if (n == 0)
        return 0;
    c = s[0];
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        need = 1;
    else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        if (c == 0xE0)
            lo = 0xA0; /* overlong */
        else if (c == 0xED)
            hi = 0x9F; /* surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        if (c == 0xF0)
            lo = 0x90; /* overlong */
        else if (c == 0xF4)
            hi = 0x8F; /* above U+10FFFF */
    } else
        return 0;
    if (n < need + 1)
        return 0;
    if (s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i <= need; i++)
        if (s[i] < 0x80 || s[i] > 0xBF)
            return 0;
    return need + 1;
}

/*
 * Incremental UTF-8 check over a stream: feed bytes one by one.  A byte
 * that cannot continue or start a sequence is reported with the position
 * of the sequence it broke.
 */
struct u8check {
    int need;                /* continuation bytes still expected */
    unsigned char lo, hi;    /* range of the next continuation byte */
    unsigned char lead;
    long line, col;          /* where the current sequence started */
};

/* Returns 1 and fills *bad_* when byte c (at line:col) shows invalid UTF-8. */
static int u8_feed(struct u8check *u, unsigned char c, long line, long col, long *bad_line,
                   long *bad_col, unsigned char *bad_byte)
{
    int bad = 0;

    if (u->need) {
        if (c >= u->lo && c <= u->hi) {
            u->need--;
            u->lo = 0x80;
            u->hi = 0xBF;
            return 0;
        }
        /* The sequence is broken; c itself is judged afresh below. */
        bad = 1;
        *bad_line = u->line;
        *bad_col = u->col;
        *bad_byte = u->lead;
        u->need = 0;
    }
    if (c < 0x80)
        return bad;
    u->lo = 0x80;
    u->hi = 0xBF;
    u->lead = c;
    u->line = line;
    u->col = col;
    if (c >= 0xC2 && c <= 0xDF)
        u->need = 1;
    else if (c >= 0xE0 && c <= 0xEF) {
        u->need = 2;
        if (c == 0xE0)
            u->lo = 0xA0;
        else if (c == 0xED)
            u->hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        u->need = 3;
        if (c == 0xF0)
            u->lo = 0x90;
        else if (c == 0xF4)
            u->hi = 0x8F;
    } else if (!bad) {
        *bad_line = line;
        *bad_col = col;
        *bad_byte = c;
        return 1;
    }
    return bad;
}

/* ---- legacy charsets: code points of bytes 0x80-0xFF ---- */

static const unsigned short cp1252_high[32] = {
    /* 0x80-0x9F; 0xFFFD where Windows-1252 assigns nothing (0xA0-0xFF = Latin-1) */
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
    0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
};

static const unsigned short mac_roman_high[128] = {
    0x00C4, 0x00C5, 0x00C7, 0x00C9, 0x00D1, 0x00D6, 0x00DC, 0x00E1, /* 0x80 */
    0x00E0, 0x00E2, 0x00E4, 0x00E3, 0x00E5, 0x00E7, 0x00E9, 0x00E8,
    0x00EA, 0x00EB, 0x00ED, 0x00EC, 0x00EE, 0x00EF, 0x00F1, 0x00F3, /* 0x90 */
    0x00F2, 0x00F4, 0x00F6, 0x00F5, 0x00FA, 0x00F9, 0x00FB, 0x00FC,
    0x2020, 0x00B0, 0x00A2, 0x00A3, 0x00A7, 0x2022, 0x00B6, 0x00DF, /* 0xA0 */
    0x00AE, 0x00A9, 0x2122, 0x00B4, 0x00A8, 0x2260, 0x00C6, 0x00D8,
    0x221E, 0x00B1, 0x2264, 0x2265, 0x00A5, 0x00B5, 0x2202, 0x2211, /* 0xB0 */
    0x220F, 0x03C0, 0x222B, 0x00AA, 0x00BA, 0x03A9, 0x00E6, 0x00F8,
    0x00BF, 0x00A1, 0x00AC, 0x221A, 0x0192, 0x2248, 0x2206, 0x00AB, /* 0xC0 */
    0x00BB, 0x2026, 0x00A0, 0x00C0, 0x00C3, 0x00D5, 0x0152, 0x0153,
    0x2013, 0x2014, 0x201C, 0x201D, 0x2018, 0x2019, 0x00F7, 0x25CA, /* 0xD0 */
    0x00FF, 0x0178, 0x2044, 0x20AC, 0x2039, 0x203A, 0xFB01, 0xFB02,
    0x2021, 0x00B7, 0x201A, 0x201E, 0x2030, 0x00C2, 0x00CA, 0x00C1, /* 0xE0 */
    0x00CB, 0x00C8, 0x00CD, 0x00CE, 0x00CF, 0x00CC, 0x00D3, 0x00D4,
    0xF8FF, 0x00D2, 0x00DA, 0x00DB, 0x00D9, 0x0131, 0x02C6, 0x02DC, /* 0xF0 */
    0x00AF, 0x02D8, 0x02D9, 0x02DA, 0x00B8, 0x02DD, 0x02DB, 0x02C7,
};

static unsigned legacy_code_point(enum vc_csv_charset cs, unsigned char b)
{
    if (cs == VC_CSV_MAC_ROMAN)
        return mac_roman_high[b - 0x80];
    return b < 0xA0 ? cp1252_high[b - 0x80] : b;
}

static size_t put_utf8(unsigned cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
}

const char *vc_csv_charset_name(enum vc_csv_charset c)
{
    switch (c) {
    case VC_CSV_UTF8: return "UTF-8";
    case VC_CSV_WINDOWS_1252: return "Windows-1252";
    case VC_CSV_MAC_ROMAN: return "Mac OS Roman";
    }
    return "?";
}

/* ---- the reader ---- */

void vc_csv_init(struct vc_csv *r, FILE *in, const char *path)
{
    memset(r, 0, offsetof(struct vc_csv, buf));
    r->in = in;
    r->path = path;
    r->charset = VC_CSV_UTF8;
    r->check_width = true;
    r->cur_line = 1;
    r->cur_col = 1;
}

void vc_csv_release(struct vc_csv *r)
{
    free(r->data);
    free(r->off);
    r->data = NULL;
    r->off = NULL;
    r->data_cap = r->off_cap = r->data_len = r->n_fields = 0;
}

/* Next byte (0..255), -1 at the end of input, -2 on a read error. */
static int next_byte(struct vc_csv *r)
{
    if (r->buf_pos == r->buf_len) {
        if (r->eof)
            return -1;
        r->buf_len = fread(r->buf, 1, sizeof(r->buf), r->in);
        r->buf_pos = 0;
        if (r->buf_len == 0) {
            r->eof = 1;
            return ferror(r->in) ? -2 : -1;
        }
    }
    return r->buf[r->buf_pos++];
}

/* Advances the position past byte c. */
static void advance(struct vc_csv *r, int c)
{
    if (c == '\n') {
        if (!r->pending_cr) {
            r->cur_line++;
            r->cur_col = 1;
        }
        r->pending_cr = 0;
    } else if (c == '\r') {
        r->cur_line++;
        r->cur_col = 1;
        r->pending_cr = 1;
    } else {
        r->cur_col++;
        r->pending_cr = 0;
    }
}

static int append(struct vc_csv *r, char c)
{
    if (r->data_len + 1 >= r->data_cap && VC_GROW(r->data, r->data_cap, r->data_len + 2))
        return -1;
    r->data[r->data_len++] = c;
    return 0;
}

static enum vc_status end_field(struct vc_csv *r, size_t start, struct vc_error *err)
{
    if (r->n_fields >= VC_CSV_FIELDS_MAX)
        return vc_error_set(err, VC_ENOMEM, r->path, r->line, 0,
                            "record has more than %d fields (the limit)", VC_CSV_FIELDS_MAX);
    if (append(r, '\0') || VC_GROW(r->off, r->off_cap, r->n_fields + 1))
        return vc_error_set(err, VC_ENOMEM, r->path, r->line, 0, "out of memory");
    r->off[r->n_fields++] = start;
    return VC_OK;
}

/* Rewrites the record's fields with bytes outside valid UTF-8 converted. */
static enum vc_status convert_record(struct vc_csv *r, struct vc_error *err)
{
    size_t cap = 0, len = 0;
    char *out = NULL;
    enum vc_status st = VC_OK;

    for (size_t f = 0; f < r->n_fields; f++) {
        const unsigned char *s = (const unsigned char *)r->data + r->off[f];
        size_t n = strlen((const char *)s);
        if (VC_GROW(out, cap, len + 3 * n + 1)) {
            st = vc_error_set(err, VC_ENOMEM, r->path, r->line, 0, "out of memory");
            goto out;
        }
        r->off[f] = len;
        for (size_t i = 0; i < n;) {
            size_t k = vc_utf8_seq(s + i, n - i);
            if (k) {
                memcpy(out + len, s + i, k);
                len += k;
                i += k;
            } else {
                len += put_utf8(legacy_code_point(r->charset, s[i]), out + len);
                r->converted++;
                i++;
            }
        }
        out[len++] = '\0';
    }
    free(r->data);
    r->data = out;
    r->data_cap = cap;
    r->data_len = len;
    out = NULL;
out:
    free(out);
    return st;
}

enum { S_START, S_PLAIN, S_QUOTED, S_QUOTE };

enum vc_status vc_csv_next(struct vc_csv *r, bool *got, struct vc_error *err)
{
    struct u8check u = { 0 };
    int state = S_START, fresh = 1, bad_utf8 = 0;
    size_t field_start = 0;
    long quote_line = 0, quote_col = 0;
    long bad_line = 0, bad_col = 0;
    unsigned char bad_byte = 0;
    enum vc_status st;

    *got = false;
    r->n_fields = 0;
    r->data_len = 0;
    if (!r->started) {
        /* Skip a UTF-8 byte order mark. */
        r->started = 1;
        while (r->buf_len < 3 && !r->eof) {
            size_t n = fread(r->buf + r->buf_len, 1, 3 - r->buf_len, r->in);
            if (n == 0) {
                if (ferror(r->in))
                    return vc_error_set(err, VC_EIO, r->path, 0, 0, "cannot read: %s",
                                        strerror(errno));
                r->eof = 1;
            }
            r->buf_len += n;
        }
        if (r->buf_len >= 3 && memcmp(r->buf, "\xEF\xBB\xBF", 3) == 0)
            r->buf_pos = 3;
        if (r->eof && r->buf_pos < r->buf_len)
            r->eof = 0; /* bytes are still buffered */
    }
    r->line = r->cur_line;
    for (;;) {
        long line = r->cur_line, col = r->cur_col;
        int c = next_byte(r);

        if (c == -2)
            return vc_error_set(err, VC_EIO, r->path, line, 0, "cannot read: %s",
                                strerror(errno));
        if (c >= 0) {
            advance(r, c);
            if (c == 0)
                return vc_error_set(err, VC_EPARSE, r->path, line, col,
                                    "NUL byte in CSV text (is this a binary file?)");
            if (u8_feed(&u, (unsigned char)c, line, col, &bad_line,
                                &bad_col, &bad_byte)) {
                if (r->charset == VC_CSV_UTF8)
                    return vc_error_set(err, VC_EPARSE, r->path, bad_line, bad_col,
                                        "not valid UTF-8 (byte 0x%02X); save the file as UTF-8",
                                        bad_byte);
                bad_utf8 = 1;
            }
        } else if (u.need) {
            if (r->charset == VC_CSV_UTF8)
                return vc_error_set(err, VC_EPARSE, r->path, u.line, u.col,
                                    "not valid UTF-8 (byte 0x%02X, cut short by the end of "
                                    "the file); save the file as UTF-8", u.lead);
            u.need = 0;
            bad_utf8 = 1;
        }

        if (fresh) {
            /* Before the first byte of a record: skip empty lines. */
            if (c == '\n' || c == '\r') {
                r->line = r->cur_line;
                continue;
            }
            if (c == -1)
                return VC_OK;
            fresh = 0;
            r->line = line;
        }

        switch (state) {
        case S_START:
            field_start = r->data_len;
            if (c == '"') {
                state = S_QUOTED;
                quote_line = line;
                quote_col = col;
                continue;
            }
            state = S_PLAIN;
            /* fall through */
        case S_PLAIN:
            if (c == ',' || c == '\n' || c == '\r' || c == -1) {
                if ((st = end_field(r, field_start, err)) != VC_OK)
                    return st;
                state = S_START;
                if (c == ',')
                    continue;
                goto record_done;
            }
            break;
        case S_QUOTED:
            if (c == '"') {
                state = S_QUOTE;
                continue;
            }
            if (c == -1)
                return vc_error_set(err, VC_EPARSE, r->path, quote_line, quote_col,
                                    "quoted field opened here is never closed (the file ends "
                                    "inside it)");
            break;
        case S_QUOTE:
            if (c == '"') {
                state = S_QUOTED; /* a doubled quote stands for one */
                break;
            }
            if (c == ',' || c == '\n' || c == '\r' || c == -1) {
                if ((st = end_field(r, field_start, err)) != VC_OK)
                    return st;
                state = S_START;
                if (c == ',')
                    continue;
                goto record_done;
            }
            return vc_error_set(err, VC_EPARSE, r->path, line, col,
                                "unexpected '%c' after the closing quote of a field opened at "
                                "line %ld, column %ld (a quote inside a quoted field is "
                                "written \"\")",
                                c >= 0x20 && c < 0x7F ? c : '?', quote_line, quote_col);
        }
        if (r->data_len - field_start >= VC_CSV_FIELD_MAX)
            return vc_error_set(err, VC_ENOMEM, r->path, state == S_QUOTED ? quote_line : line,
                                state == S_QUOTED ? quote_col : 0,
                                "field longer than %zu bytes (the limit)%s", VC_CSV_FIELD_MAX,
                                state == S_QUOTED ? "; is the quote opened here never closed?"
                                                  : "");
        if (append(r, (char)c))
            return vc_error_set(err, VC_ENOMEM, r->path, r->line, 0, "out of memory");
    }
record_done:
    if (bad_utf8 && (st = convert_record(r, err)) != VC_OK)
        return st;
    r->records++;
    if (r->width == 0)
        r->width = r->n_fields;
    else if (r->check_width && r->n_fields != r->width)
        return vc_error_set(err, VC_EPARSE, r->path, r->line, 0,
                            "record has %zu field%s; the header has %zu", r->n_fields,
                            r->n_fields == 1 ? "" : "s", r->width);
    *got = true;
    return VC_OK;
}

const char *vc_csv_get(const struct vc_csv *r, size_t i, size_t *len)
{
    const char *s;
    if (i >= r->n_fields) {
        if (len)
            *len = 0;
        return "";
    }
    s = r->data + r->off[i];
    if (len)
        *len = strlen(s);
    return s;
}

/* s without surrounding spaces and tabs: start returned, length in *n. */
static const char *trim(const char *s, size_t *n)
{
    *n = strlen(s);
    while (*n && (*s == ' ' || *s == '\t')) {
        s++;
        (*n)--;
    }
    while (*n && (s[*n - 1] == ' ' || s[*n - 1] == '\t'))
        (*n)--;
    return s;
}

long vc_csv_find(const struct vc_csv *r, const char *name)
{
    size_t want, n;
    name = trim(name, &want);
    for (size_t i = 0; i < r->n_fields; i++) {
        const char *s = trim(r->data + r->off[i], &n);
        if (n == want && strncasecmp(s, name, n) == 0)
            return (long)i;
    }
    return -1;
}

enum vc_status vc_csv_scan(FILE *in, const char *path, struct vc_csv_scan *out,
                           struct vc_error *err)
{
    unsigned char buf[65536];
    struct u8check u = { 0 };
    unsigned long mac = 0, win = 0;
    long line = 1, col = 1, bl, bc;
    int prev_cr = 0;
    unsigned char bb;
    size_t n;

    memset(out, 0, sizeof(*out));
    while ((n = fread(buf, 1, sizeof(buf), in)) > 0) {
        for (size_t i = 0; i < n; i++) {
            unsigned char c = buf[i];
            if (u8_feed(&u, c, line, col, &bl, &bc, &bb)) {
                if (!out->bad_bytes++) {
                    out->first_line = bl;
                    out->first_col = bc;
                    out->first_byte = bb;
                }
                if (bb >= 0xD0 && bb <= 0xD5)
                    mac++;
                else if (bb >= 0x80 && bb <= 0x9F)
                    win++;
            }
            if (c == '\n') {
                if (!prev_cr) {
                    line++;
                    col = 1;
                }
                prev_cr = 0;
            } else if (c == '\r') {
                line++;
                col = 1;
                prev_cr = 1;
            } else {
                col++;
                prev_cr = 0;
            }
        }
    }
    if (ferror(in))
        return vc_error_set(err, VC_EIO, path, 0, 0, "cannot read: %s", strerror(errno));
    if (u.need && !out->bad_bytes++) {
        out->first_line = u.line;
        out->first_col = u.col;
        out->first_byte = u.lead;
    }
    if (out->bad_bytes)
        out->guess = mac > win ? VC_CSV_MAC_ROMAN : VC_CSV_WINDOWS_1252;
    return VC_OK;
}
