/*
 * textout.c - the text formats' rules for a FILE (vchain/textout.h): CSV,
 * TSV and Markdown here; JSON, XML and numbers through out.c, the rules the
 * exporters use.
 */
#include <string.h>

#include "out.h"
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
    struct vc_out o;
    vc_out_init(&o, out);
    vc_out_xml(&o, s);
    vc_out_flush(&o);
}
