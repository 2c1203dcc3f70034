/*
 * out.h - the exporters' output buffer.
 *
 * Exporters write millions of small pieces; going through stdio for each
 * (a lock, a call, a length scan) cost more than the formatting itself.
 * struct vc_out collects them in a 64 KiB buffer handed to fwrite() when
 * full; vc_out_finish() flushes and reports a write error as VC_EIO.  The
 * escaping rules are those of core/textout.c, applied in the buffer.
 */
#ifndef VC_EXPORT_OUT_H
#define VC_EXPORT_OUT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "vchain/error.h"

#define VC_OUT_SIZE 65536

struct vc_out {
    FILE *f;
    size_t len;
    char buf[VC_OUT_SIZE];
};

void vc_out_init(struct vc_out *o, FILE *f);
void vc_out_flush(struct vc_out *o);
/* Flushes o and checks its stream: VC_EIO on a write error. */
enum vc_status vc_out_finish(struct vc_out *o, struct vc_error *err);

static inline void vc_out_mem(struct vc_out *o, const char *s, size_t n)
{
    if (o->len + n > VC_OUT_SIZE) {
        vc_out_flush(o);
        if (n > VC_OUT_SIZE) {
            fwrite(s, 1, n, o->f);
            return;
        }
    }
    memcpy(o->buf + o->len, s, n);
    o->len += n;
}

static inline void vc_out_char(struct vc_out *o, char c)
{
    if (o->len == VC_OUT_SIZE)
        vc_out_flush(o);
    o->buf[o->len++] = c;
}

static inline void vc_out_str(struct vc_out *o, const char *s)
{
    vc_out_mem(o, s, strlen(s));
}

/* String literals without a strlen at run time. */
#define VC_OUT_LIT(o, lit) vc_out_mem((o), (lit), sizeof(lit) - 1)

/* XML text or attribute content: & < > " escaped, C0 controls dropped,
 * tab, LF and CR as character references (vc_xml_text's rules). */
void vc_out_xml(struct vc_out *o, const char *s);
/* ` name="value"` with value XML-escaped; nothing when value is NULL. */
void vc_out_xml_attr(struct vc_out *o, const char *name, const char *value);
/* A JSON string ("..." with escapes); null for NULL. */
void vc_out_json(struct vc_out *o, const char *s);
void vc_out_i64(struct vc_out *o, int64_t v);
/* Shortest text that reads back as the same double (finite d). */
void vc_out_double(struct vc_out *o, double d);
/* A JSON number for a double: vc_out_double's text with a decimal point
 * or an exponent always (15.0, not 15), so that typed readers keep it a
 * float; null when d is not finite.  Exporters and commands alike. */
void vc_out_json_double(struct vc_out *o, double d);

/*
 * Writes the shortest decimal text that reads back to exactly d (finite),
 * in printf's %g layout, into buf (at least 32 bytes); returns its length.
 * One conversion to 17 digits and at most two strtod checks, instead of
 * trying printf at 15, 16 and 17 digits.
 */
int vc_double_text(char *buf, double d);
/* v in decimal into buf (at least 24 bytes); returns the length. */
int vc_i64_text(char *buf, int64_t v);

#endif
