/*
 * fuzz_gexf_read.c - libFuzzer target for the GEXF reader.
 *
 * Same shape as fuzz_graphml_read.c: byte 0 picks the options (bit 0
 * lenient, bit 1 strict, bit 2 --map share=market_share, bits 3-4 share
 * scale), the rest is the file; a file that reads is interpreted as a value
 * chain and summarised.  Until the GEXF reader lands (vc_gexf_read is a
 * stub answering "not available yet"), the fuzzer says so and stops at
 * once, so `make fuzz` spends no time on it.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vchain/summary.h"
#include "vchain/vchain.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void count_warning(void *ctx, const struct vc_error *w)
{
    if (w->msg[0] == '\0')
        abort(); /* every warning says something */
    ++*(unsigned long *)ctx;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static const char probe[] = "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">"
                                "<graph><nodes><node id=\"a\"/></nodes></graph></gexf>";
    struct vc_error err = VC_ERROR_INIT;
    struct vc_graph g;
    FILE *in = fmemopen((void *)probe, sizeof(probe) - 1, "r");
    (void)argc;
    (void)argv;
    if (!in)
        abort();
    if (vc_gexf_read(&g, in, "probe.gexf", NULL, NULL, &err) == VC_OK) {
        vc_graph_release(&g);
    } else if (err.code == VC_EUNSUPPORTED && strstr(err.msg, "not available")) {
        fprintf(stderr, "fuzz_gexf: the GEXF reader is not in this tree yet; nothing to fuzz\n");
        fclose(in);
        exit(0);
    }
    fclose(in);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
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
    diag.warn = count_warning;
    diag.ctx = &warnings;
    if (flags & 4) {
        if (vc_attrmap_add_spec(&map, "share=market_share", NULL) != VC_OK)
            abort();
        opts.map = &map;
    }
    copts.share_scale = (enum vc_share_scale)((flags >> 3) % 3);

    in = fmemopen((void *)data, size ? size : 1, "r");
    if (!in)
        abort();
    if (size == 0)
        fgetc(in);
    if (vc_gexf_read(&g, in, "fuzz.gexf", &opts, &diag, &err) == VC_OK) {
        if (err.code != VC_OK)
            abort();
        if (vc_chain_build(&g, &copts, &c, &diag, &err) == VC_OK) {
            if (vc_summary_compute(&c, copts.coverage_tolerance, &s, &err) == VC_OK)
                vc_summary_release(&s);
            vc_chain_release(&c);
        }
        vc_graph_release(&g);
    }
    if (err.code != VC_OK && err.msg[0] == '\0')
        abort();
    fclose(in);
    vc_attrmap_release(&map);
    return 0;
}
