/*
 * out.c - buffered output, escaping and number formatting (see out.h):
 * the one implementation of the JSON, XML and number rules that the
 * exporters, the commands and the report share.
 */
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>

#include "core/out.h"
#include "vchain/outfile.h"

void vc_out_init(struct vc_out *o, FILE *f)
{
    o->f = f;
    o->len = 0;
}

void vc_out_flush(struct vc_out *o)
{
    if (o->len)
        fwrite(o->buf, 1, o->len, o->f);
    o->len = 0;
}

enum vc_status vc_out_finish(struct vc_out *o, struct vc_error *err)
{
    vc_out_flush(o);
    return vc_stream_check(o->f, err);
}

/* 1: written as it is; 0: dropped (C0 control); 2: escaped. */
static const unsigned char xml_class[256] = {
    ['\t'] = 2, ['\n'] = 2, ['\r'] = 2, ['&'] = 2, ['<'] = 2, ['>'] = 2, ['"'] = 2,
    [' '] = 1, ['!'] = 1, ['#'] = 1, ['$'] = 1, ['%'] = 1, ['\''] = 1, ['('] = 1, [')'] = 1,
    ['*'] = 1, ['+'] = 1, [','] = 1, ['-'] = 1, ['.'] = 1, ['/'] = 1, [':'] = 1, [';'] = 1,
    ['='] = 1, ['?'] = 1, ['@'] = 1, ['['] = 1, ['\\'] = 1, [']'] = 1, ['^'] = 1, ['_'] = 1,
    ['`'] = 1, ['{'] = 1, ['|'] = 1, ['}'] = 1, ['~'] = 1, [127] = 1,
};

static int xml_kind(unsigned char c)
{
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 128)
        return 1;
    return xml_class[c];
}

void vc_out_xml(struct vc_out *o, const char *s)
{
    const unsigned char *p = (const unsigned char *)s, *run = p;
    if (!s)
        return;
    for (;; p++) {
        int k = *p ? xml_kind(*p) : 3;
        if (k == 1)
            continue;
        if (p > run)
            vc_out_mem(o, (const char *)run, (size_t)(p - run));
        run = p + 1;
        if (k == 3)
            return;
        switch (*p) {
        case '&': VC_OUT_LIT(o, "&amp;"); break;
        case '<': VC_OUT_LIT(o, "&lt;"); break;
        case '>': VC_OUT_LIT(o, "&gt;"); break;
        case '"': VC_OUT_LIT(o, "&quot;"); break;
        case '\t': VC_OUT_LIT(o, "&#9;"); break;
        case '\n': VC_OUT_LIT(o, "&#10;"); break;
        case '\r': VC_OUT_LIT(o, "&#13;"); break;
        default: break; /* other C0 controls are not allowed in XML 1.0: dropped */
        }
    }
}

void vc_out_xml_attr(struct vc_out *o, const char *name, const char *value)
{
    if (!value)
        return;
    vc_out_char(o, ' ');
    vc_out_str(o, name);
    VC_OUT_LIT(o, "=\"");
    vc_out_xml(o, value);
    vc_out_char(o, '"');
}

void vc_out_json(struct vc_out *o, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    if (!s) {
        VC_OUT_LIT(o, "null");
        return;
    }
    vc_out_char(o, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': VC_OUT_LIT(o, "\\\""); break;
        case '\\': VC_OUT_LIT(o, "\\\\"); break;
        case '\n': VC_OUT_LIT(o, "\\n"); break;
        case '\r': VC_OUT_LIT(o, "\\r"); break;
        case '\t': VC_OUT_LIT(o, "\\t"); break;
        default:
            if (*p < 0x20 || *p == 0x7f || (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)) {
                /* C0, DEL and C1 controls (U+0080..U+009F, "\xc2\x80".."\xc2\x9f")
                 * as \u escapes: no terminal acts on them */
                unsigned char c = *p == 0xc2 ? *++p : *p;
                char u[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };
                vc_out_mem(o, u, 6);
            } else {
                vc_out_char(o, (char)*p);
            }
        }
    }
    vc_out_char(o, '"');
}

int vc_i64_text(char *buf, int64_t v)
{
    char tmp[24];
    int n = 0, len = 0;
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    do {
        tmp[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        buf[len++] = '-';
    while (n)
        buf[len++] = tmp[--n];
    buf[len] = '\0';
    return len;
}

void vc_out_i64(struct vc_out *o, int64_t v)
{
    char buf[24];
    vc_out_mem(o, buf, (size_t)vc_i64_text(buf, v));
}

/*
 * Lays out digits (n significant, no trailing zeros) with decimal exponent
 * x (value = d.ddd * 10^x) as printf's %.{p}g would.
 */
static int layout_g(char *buf, bool neg, const char *digits, int n, int x, int p)
{
    int len = 0;
    if (neg)
        buf[len++] = '-';
    if (x < -4 || x >= p) {
        buf[len++] = digits[0];
        if (n > 1) {
            buf[len++] = '.';
            memcpy(buf + len, digits + 1, (size_t)(n - 1));
            len += n - 1;
        }
        len += sprintf(buf + len, "e%c%02d", x < 0 ? '-' : '+', x < 0 ? -x : x);
    } else if (x >= 0) {
        for (int i = 0; i <= x; i++)
            buf[len++] = i < n ? digits[i] : '0';
        if (n > x + 1) {
            buf[len++] = '.';
            memcpy(buf + len, digits + x + 1, (size_t)(n - x - 1));
            len += n - x - 1;
        }
    } else {
        buf[len++] = '0';
        buf[len++] = '.';
        for (int i = 0; i < -x - 1; i++)
            buf[len++] = '0';
        memcpy(buf + len, digits, (size_t)n);
        len += n;
    }
    buf[len] = '\0';
    return len;
}

int vc_double_text(char *buf, double d)
{
    char e20[40], digits[20], cand[18];
    int x;
    bool neg = signbit(d);

    /* Whole numbers (counts, years, sizes) need no search. */
    if (d == floor(d) && fabs(d) < 1e15 && !(d == 0 && neg))
        return vc_i64_text(buf, (int64_t)d);
    /* 20 significant digits, "d.ddddddddddddddddddde+XX", then the shortest
     * of 15, 16 and 17 digits (rounded from those 20) that reads back as d.
     * Rounding 20 digits again can differ from rounding the exact value only
     * when digits 16 to 20 sit on a tie; strtod checks every candidate, and
     * printf decides if none passes. */
    snprintf(e20, sizeof(e20), "%.19e", fabs(d));
    digits[0] = e20[0];
    memcpy(digits + 1, e20 + 2, 19);
    x = atoi(e20 + 22);
    for (int p = 15; p <= 17; p++) {
        int cx = x, n, len;
        memcpy(cand, digits, (size_t)p);
        if (digits[p] >= '5') {
            int i = p - 1;
            while (i >= 0 && cand[i] == '9')
                cand[i--] = '0';
            if (i >= 0) {
                cand[i]++;
            } else { /* 9.99... rounds up to 10: one more power of ten */
                memmove(cand + 1, cand, (size_t)(p - 1));
                cand[0] = '1';
                cx++;
            }
        }
        n = p;
        while (n > 1 && cand[n - 1] == '0')
            n--;
        len = layout_g(buf, neg, cand, n, cx, p);
        if (strtod(buf, NULL) == d)
            return len;
    }
    return snprintf(buf, 32, "%.17g", d);
}

void vc_out_double(struct vc_out *o, double d)
{
    char buf[40];
    vc_out_mem(o, buf, (size_t)vc_double_text(buf, d));
}

void vc_out_json_double(struct vc_out *o, double d)
{
    char buf[40];
    int n;

    if (!isfinite(d)) {
        VC_OUT_LIT(o, "null");
        return;
    }
    n = vc_double_text(buf, d);
    vc_out_mem(o, buf, (size_t)n);
    if (!memchr(buf, '.', (size_t)n) && !memchr(buf, 'e', (size_t)n))
        VC_OUT_LIT(o, ".0");
}
