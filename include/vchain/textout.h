/*
 * vchain/textout.h - escaping for the text formats vchain writes (JSON,
 * CSV, TSV, Markdown, XML), the rules its exporters and its commands
 * share.  All take UTF-8 and write to a FILE; write errors are left for
 * the caller's final ferror() check.
 */
#ifndef VCHAIN_TEXTOUT_H
#define VCHAIN_TEXTOUT_H

#include <stdio.h>

#include "error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* "..." with JSON escapes; NULL writes null. */
VC_API void vc_json_string(FILE *out, const char *s);
/* A JSON number for a double: the shortest text that reads back to it,
 * always with a decimal point or an exponent (15.0, not 15), so that typed
 * readers keep it a float (the exporters' rule, docs/formats.md); NaN and
 * infinities as null.  Whole counts are written as integers by the caller. */
VC_API void vc_json_number(FILE *out, double d);
/* An RFC 4180 field: quoted when it holds sep, a quote, CR or LF. */
VC_API void vc_csv_field(FILE *out, const char *s, char sep);
/* A TSV field: tabs and line breaks become spaces (TSV has no quoting). */
VC_API void vc_tsv_field(FILE *out, const char *s);
/* A Markdown table cell: | escaped, line breaks become spaces. */
VC_API void vc_md_field(FILE *out, const char *s);
/* XML text or attribute content: & < > " escaped, C0 controls dropped,
 * tab/LF/CR written as character references (so attributes keep them). */
VC_API void vc_xml_text(FILE *out, const char *s);
/* The shortest text in printf's %g layout that reads back to exactly d
 * (finite; at most 17 digits), truncated to size; returns its length. */
VC_API int vc_format_double(char *buf, size_t size, double d);

#ifdef __cplusplus
}
#endif

#endif
