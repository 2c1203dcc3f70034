/*
 * fuzz_xml.h - the body the XML reader targets share (fuzz_graphml_read.c,
 * fuzz_gexf_read.c).
 *
 * The first byte picks the options (so one corpus explores them all: bit 0
 * lenient, bit 1 strict, bit 2 --map share=market_share,kind=type, bits 3-4
 * the share scale); the rest is the file, read through fmemopen() like any
 * FILE *.  A file that reads is then interpreted as a value chain and
 * summarised, since those walk every attribute the reader produced.  The
 * contract checked on top of the sanitizers: a failed read sets an error
 * with a message, a successful one leaves the error empty, every warning
 * says something, and nothing is left to leak either way.
 */
#ifndef VC_FUZZ_XML_H
#define VC_FUZZ_XML_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vchain/summary.h"
#include "vchain/vchain.h"

typedef enum vc_status (*fuzz_read_fn)(struct vc_graph *, FILE *, const char *,
                                       const struct vc_import_opts *, struct vc_diag *,
                                       struct vc_error *);

static void fuzz_count_warning(void *ctx, const struct vc_error *w)
{
    if (w->msg[0] == '\0')
        abort(); /* every warning says something */
    ++*(unsigned long *)ctx;
}

static int fuzz_xml_read(const uint8_t *data, size_t size, fuzz_read_fn read, const char *name)
{
    struct vc_import_opts opts = VC_IMPORT_OPTS_INIT;
    struct vc_chain_opts copts = VC_CHAIN_OPTS_INIT;
    struct vc_attrmap map = VC_ATTRMAP_INIT;
    struct vc_diag diag = VC_DIAG_INIT;
    struct vc_error err = VC_ERROR_INIT;
    struct vc_graph g;
    struct vc_chain c;
    struct vc_summary s;
    unsigned long warnings = 0;
    uint8_t flags;
    FILE *in;

    if (size < 1)
        return 0;
    flags = data[0];
    data++;
    size--;

    opts.lenient = flags & 1;
    diag.strict = (flags >> 1) & 1;
    diag.warn = fuzz_count_warning;
    diag.ctx = &warnings;
    if (flags & 4) {
        /* Renaming on the way in, including onto a name the file also uses. */
        if (vc_attrmap_add_spec(&map, "share=market_share", NULL) != VC_OK ||
            vc_attrmap_add_spec(&map, "kind=type", NULL) != VC_OK)
            abort();
        opts.map = &map;
    }
    copts.share_scale = (enum vc_share_scale)((flags >> 3) % 3);

    /* fmemopen cannot open an empty buffer in every libc; keep one byte. */
    in = fmemopen((void *)data, size ? size : 1, "r");
    if (!in)
        abort();
    if (size == 0)
        fgetc(in);
    if (read(&g, in, name, &opts, &diag, &err) == VC_OK) {
        if (err.code != VC_OK)
            abort();
        if (vc_chain_build(&g, &copts, &c, &diag, &err) == VC_OK) {
            if (vc_summary_compute(&c, copts.coverage_tolerance, &s, &err) == VC_OK)
                vc_summary_release(&s);
            vc_chain_release(&c);
        }
        vc_graph_release(&g); /* the chain only borrowed it */
    }
    if (err.code != VC_OK && err.msg[0] == '\0')
        abort(); /* every error says what went wrong */
    fclose(in);
    vc_attrmap_release(&map);
    return 0;
}

#endif
