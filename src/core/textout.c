/*
 * textout.c - escaping rules of the text formats, in one place.
 */
#include <stdlib.h>
#include <math.h>
#include <string.h>

#include "vchain/textout.h"

void vc_json_string(FILE *out, const char *s)
{
    if (!s) {
        fputs("null", out);
        return;
    }
    putc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\t': fputs("\\t", out); break;
        default:
            if (*p < 0x20)
                fprintf(out, "\\u%04x", *p);
            else
                putc(*p, out);
        }
    }
    putc('"', out);
}

int vc_format_double(char *buf, size_t size, double d)
{
    for (int prec = 15; prec <= 17; prec++) {
        int n = snprintf(buf, size, "%.*g", prec, d);
        if (prec == 17 || strtod(buf, NULL) == d)
            return n;
    }
    return 0;
}

void vc_json_number(FILE *out, double d)
{
    char buf[40];
    if (!isfinite(d)) {
        fputs("null", out);
        return;
    }
    vc_format_double(buf, sizeof(buf), d);
    fputs(buf, out);
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

void vc_tsv_field(FILE *out, const char *s)
{
    if (!s)
        return;
    for (const char *p = s; *p; p++)
        putc(*p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p, out);
}

void vc_md_field(FILE *out, const char *s)
{
    if (!s)
        return;
    for (const char *p = s; *p; p++) {
        if (*p == '|')
            fputs("\\|", out);
        else
            putc(*p == '\n' || *p == '\r' ? ' ' : *p, out);
    }
}

void vc_xml_text(FILE *out, const char *s)
{
    if (!s)
        return;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\t': fputs("&#9;", out); break;
        case '\n': fputs("&#10;", out); break;
        case '\r': fputs("&#13;", out); break;
        default:
            if (*p >= 0x20)
                putc(*p, out);
            /* other C0 controls are not allowed in XML 1.0: dropped */
        }
    }
}
