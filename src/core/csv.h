/*
 * csv.h - a streaming reader of RFC 4180 CSV, for the tables importer and
 * anything else that reads comma-separated records.
 *
 * What it accepts:
 *  - fields separated by commas, records ended by LF, CRLF or a lone CR;
 *  - quoted fields ("...") holding commas, line breaks and doubled quotes
 *    (""), kept byte for byte (a CRLF inside quotes stays CRLF);
 *  - a quote inside an unquoted field is an ordinary character
 *    (12" wafers), as most tools write and read it;
 *  - a UTF-8 byte order mark at the very start is skipped;
 *  - empty lines (no byte at all between two line breaks) are skipped; a
 *    line holding only spaces is a record.
 *
 * What it refuses, each with the file, line and column concerned:
 *  - a quoted field that is never closed (the line and column where it
 *    opened), or a closing quote followed by anything but a comma or the
 *    end of the record;
 *  - a record with another number of fields than the first one (the
 *    header), unless width checking is turned off;
 *  - bytes that are not UTF-8 (unless a legacy charset is chosen, see
 *    below) and NUL bytes;
 *  - a field longer than VC_CSV_FIELD_MAX bytes or a record with more than
 *    VC_CSV_FIELDS_MAX fields (a runaway quote would otherwise swallow the
 *    rest of the file).
 *
 * Memory is one record at a time plus a fixed read buffer.  Field pointers
 * stay valid until the next vc_csv_next() call.
 *
 * Legacy charsets: files saved by old spreadsheet programs are often
 * Windows-1252 or Mac OS Roman.  vc_csv_scan() checks a whole file for
 * UTF-8 and guesses which of the two explains its other bytes; with
 * r->charset set to that guess, bytes that are not part of valid UTF-8 are
 * converted (valid UTF-8 sequences are kept as they are).
 */
#ifndef VC_CORE_CSV_H
#define VC_CORE_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "vchain/error.h"

#define VC_CSV_FIELD_MAX ((size_t)1 << 20) /* 1 MiB per field */
#define VC_CSV_FIELDS_MAX 10000            /* fields per record */

enum vc_csv_charset {
    VC_CSV_UTF8 = 0,     /* strict: anything else is an error */
    VC_CSV_WINDOWS_1252, /* non-UTF-8 bytes read as Windows-1252 */
    VC_CSV_MAC_ROMAN     /* non-UTF-8 bytes read as Mac OS Roman */
};

struct vc_csv {
    /* set by vc_csv_init(); the caller may change these before reading */
    FILE *in;                      /* borrowed */
    const char *path;              /* borrowed; for messages */
    enum vc_csv_charset charset;   /* VC_CSV_UTF8 */
    bool check_width;              /* true: every record as wide as the first */

    /* the current record */
    long line;                     /* line where it starts (1-based) */
    size_t n_fields;
    size_t width;                  /* fields of the first record (0 before it) */
    unsigned long converted;       /* bytes converted from the legacy charset so far */

    /* internals */
    char *data;                    /* fields, each NUL-terminated */
    size_t data_len, data_cap;
    size_t *off;                   /* start of field i in data */
    size_t off_cap;
    size_t buf_len, buf_pos;
    long cur_line, cur_col;        /* position of the next byte */
    int pending_cr;                /* last byte was a CR (a following LF is the same break) */
    int eof, started;
    unsigned long records;
    unsigned char buf[65536];      /* last: vc_csv_init() clears everything before it */
};

/* Prepares r to read in (borrowed) named path; allocates nothing. */
void vc_csv_init(struct vc_csv *r, FILE *in, const char *path);
/* Frees what r holds; safe to call twice. */
void vc_csv_release(struct vc_csv *r);

/*
 * Reads the next record.  *got is false at the end of the input (then the
 * status is VC_OK).  Errors: VC_EPARSE (malformed CSV, bad UTF-8),
 * VC_ENOMEM (out of memory or a size limit), VC_EIO (read error).
 */
enum vc_status vc_csv_next(struct vc_csv *r, bool *got, struct vc_error *err);

/* Field i of the current record (NUL-terminated; *len may be NULL). */
const char *vc_csv_get(const struct vc_csv *r, size_t i, size_t *len);

/*
 * Index of the field equal to name in the current record (meant for the
 * header; surrounding spaces and case are ignored), or -1.
 */
long vc_csv_find(const struct vc_csv *r, const char *name);

/* What vc_csv_scan() found. */
struct vc_csv_scan {
    unsigned long bad_bytes;     /* bytes not part of valid UTF-8 */
    long first_line, first_col;  /* the first of them (0 when none) */
    unsigned char first_byte;
    enum vc_csv_charset guess;   /* VC_CSV_UTF8 when the file is valid UTF-8 */
};

/*
 * Reads in to its end and checks it for UTF-8.  When it is not UTF-8, the
 * guess is Mac OS Roman if most offending bytes are 0xD0-0xD5 (its dashes
 * and curly quotes; letters rarely used in Windows-1252 text), else
 * Windows-1252.  The caller rewinds in before reading it.  VC_EIO on a
 * read error.
 */
enum vc_status vc_csv_scan(FILE *in, const char *path, struct vc_csv_scan *out,
                           struct vc_error *err);

const char *vc_csv_charset_name(enum vc_csv_charset c);

/*
 * Length of the valid UTF-8 sequence starting at s (at most n bytes), or 0
 * when s does not start one (overlong forms, surrogates and code points
 * above U+10FFFF are invalid).
 */
size_t vc_utf8_seq(const unsigned char *s, size_t n);

#endif
