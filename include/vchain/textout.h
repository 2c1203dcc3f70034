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

/* "..." with JSON escapes (control characters, DEL and C1 controls as
 * \uXXXX); NULL writes null. */
VC_API void vc_json_string(FILE *out, const char *s);
/* A JSON number for a double: the shortest text that reads back to it,
 * always with a decimal point or an exponent (15.0, not 15), so that typed
 * readers keep it a float (the exporters' rule, docs/formats.md); NaN and
 * infinities as null.  Whole counts are written as integers by the caller. */
VC_API void vc_json_number(FILE *out, double d);
/* An RFC 4180 field: quoted when it holds sep, a quote, CR or LF. */
VC_API void vc_csv_field(FILE *out, const char *s, char sep);
/* A TSV field: control characters escaped as vc_term_text() does (so a tab
 * or line break in the text never splits a field or a row). */
VC_API void vc_tsv_field(FILE *out, const char *s);
/* A Markdown table cell: | escaped, control characters as vc_term_text(). */
VC_API void vc_md_field(FILE *out, const char *s);
/*
 * Text for a terminal, a log or a text table, from untrusted input: every
 * control character and every byte that is not UTF-8 becomes a visible
 * escape, so that one line stays one line and no escape sequence reaches
 * the terminal.  LF, CR and tab are written \n, \r and \t; other C0
 * controls and DEL \xHH (\x1b for ESC); C1 controls (U+0080 to U+009F,
 * which some terminals obey like ESC [) \u0080 to \u009f; a byte that
 * is not part of valid UTF-8 \xHH.  Everything else, backslashes
 * included, is written as it is: the escape is for reading, not a
 * reversible encoding.
 */
VC_API void vc_term_text(FILE *out, const char *s);
/*
 * The same into buf (size bytes, always NUL-terminated when size > 0, cut
 * before an escape that does not fit); returns the length of the whole
 * escaped text, so vc_term_escape(NULL, 0, s) measures it.
 */
VC_API size_t vc_term_escape(char *buf, size_t size, const char *s);
/*
 * Whether a CSV cell would be run by a spreadsheet as a formula: it starts
 * with =, +, -, @, a tab or a CR and is not a plain decimal number (-0.5
 * and +3 are numbers, -1+2 is a formula).  Writers put a ' before such a
 * cell unless asked for raw output (docs/safety.md).
 */
VC_API int vc_csv_formula(const char *s);
/*
 * An RFC 4180 field for people and spreadsheets: a cell vc_csv_formula()
 * flags gets a leading ', control characters are escaped as
 * vc_term_text() does, then the field is quoted as vc_csv_field() quotes.
 * With raw set it is vc_csv_field() itself.
 */
VC_API void vc_csv_cell(FILE *out, const char *s, char sep, int raw);
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
