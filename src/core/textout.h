/*
 * textout.h - escaping for the text formats vchain writes (JSON, CSV, TSV,
 * Markdown, XML).  All take UTF-8 and write to a FILE; write errors are
 * left for the caller's final ferror() check.
 */
#ifndef VC_CORE_TEXTOUT_H
#define VC_CORE_TEXTOUT_H

#include <stdio.h>

/* "..." with JSON escapes; NULL writes null. */
void vc_json_string(FILE *out, const char *s);
/* A JSON number: shortest round-trip form (%.17g); NaN and infinities as null. */
void vc_json_number(FILE *out, double d);
/* An RFC 4180 field: quoted when it holds sep, a quote, CR or LF. */
void vc_csv_field(FILE *out, const char *s, char sep);
/* A TSV field: tabs and line breaks become spaces (TSV has no quoting). */
void vc_tsv_field(FILE *out, const char *s);
/* A Markdown table cell: | escaped, line breaks become spaces. */
void vc_md_field(FILE *out, const char *s);
/* XML text or attribute content: & < > " escaped, C0 controls dropped,
 * tab/LF/CR written as character references (so attributes keep them). */
void vc_xml_text(FILE *out, const char *s);
/* Shortest %.*g that reads back to the same double (at most 17 digits). */
int vc_format_double(char *buf, size_t size, double d);

#endif
