/*
 * fuzz_csv_read.c - libFuzzer target for the CSV reader (core/csv.c).
 *
 * The first byte picks the options: bits 0-1 the charset (0 and 3 strict
 * UTF-8, 1 Windows-1252, 2 Mac OS Roman), bit 2 turns width checking off;
 * bit 3 reads the file as a CSV edge list instead (import/edgelist_read.c,
 * bit 4 then lenient, bit 5 with the file as its own node table too).
 * The rest is the file, read through fmemopen().  Checked on top of the
 * sanitizers: every record's fields are valid UTF-8 (the strict reader
 * refuses anything else, the legacy ones convert), a failure carries a
 * message and a line, and a strict read fails on bad UTF-8 exactly when
 * vc_csv_scan() finds some.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csv.h"
#include "vchain/import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_utf8(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t k = vc_utf8_seq((const unsigned char *)s + i, n - i);
        if (!k)
            abort();
        i += k;
    }
}

/* The edge-list reader: a graph on success (nodes and edges at most one per
 * record), else an error with a message and nothing to release. */
static void edge_list(const uint8_t *data, size_t size, uint8_t flags)
{
    struct vc_import_opts opts = VC_IMPORT_OPTS_INIT;
    struct vc_error err = VC_ERROR_INIT;
    struct vc_diag diag = VC_DIAG_INIT;
    struct vc_graph g;
    FILE *in = fmemopen((void *)data, size, "r");
    FILE *nodes = (flags & 32) ? fmemopen((void *)data, size, "r") : NULL;
    enum vc_status st;

    if (!in || ((flags & 32) && !nodes))
        abort();
    opts.lenient = (flags & 16) != 0;
    st = vc_edgelist_read(&g, in, "fuzz-edges.csv", nodes, "fuzz-nodes.csv", &opts, &diag, &err);
    if (st == VC_OK) {
        if (g.n_edges > size || g.n_nodes > 2 * size)
            abort();
        vc_graph_release(&g);
    } else if (!err.msg[0] || err.code != st) {
        abort();
    }
    fclose(in);
    if (nodes)
        fclose(nodes);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const enum vc_csv_charset cs[4] = { VC_CSV_UTF8, VC_CSV_WINDOWS_1252,
                                               VC_CSV_MAC_ROMAN, VC_CSV_UTF8 };
    struct vc_error err = VC_ERROR_INIT;
    struct vc_csv_scan sc;
    struct vc_csv *r;
    enum vc_status st;
    uint8_t flags;
    bool got = true;
    FILE *in;

    if (size < 1)
        return 0;
    flags = data[0];
    data++;
    size--;
    if (size == 0)
        return 0; /* fmemopen refuses an empty buffer */
    if (flags & 8) {
        edge_list(data, size, flags);
        return 0;
    }
    in = fmemopen((void *)data, size, "r");
    if (!in)
        return 0;
    if (vc_csv_scan(in, "fuzz.csv", &sc, &err) != VC_OK)
        abort();
    rewind(in);
    r = malloc(sizeof(*r));
    if (!r)
        abort();
    vc_csv_init(r, in, "fuzz.csv");
    r->charset = cs[flags & 3];
    r->check_width = !(flags & 4);
    while ((st = vc_csv_next(r, &got, &err)) == VC_OK && got) {
        if (r->n_fields == 0 || r->line < 1)
            abort();
        for (size_t i = 0; i < r->n_fields; i++) {
            size_t n;
            const char *f = vc_csv_get(r, i, &n);
            if (n > VC_CSV_FIELD_MAX)
                abort();
            check_utf8(f, n);
        }
    }
    if (st != VC_OK) {
        if (!err.msg[0] || err.code != st)
            abort();
        /* a strict reader refuses bad UTF-8 only when there is some */
        if (strstr(err.msg, "UTF-8") && (r->charset != VC_CSV_UTF8 || !sc.bad_bytes))
            abort();
    } else if (r->charset == VC_CSV_UTF8 && sc.bad_bytes) {
        /* bad bytes the strict reader never saw must come after an error... there is none */
        abort();
    }
    vc_csv_release(r);
    free(r);
    fclose(in);
    return 0;
}
