/*
 * fuzz_tables_read.c - libFuzzer target for the CSV tables importer.
 *
 * The input is a folder packed into one buffer: a flags byte (bit 0
 * --lenient, bit 1 --strict, bit 2 a --map of share_provided=pct), then up
 * to five files separated by NUL bytes, in the order stages.csv, inputs.csv,
 * providers.csv, provision.csv, sequence.csv (an empty part means the file
 * is absent).  The parts are written to a private folder and read with
 * vc_load(), which also interprets the chain.  Checked on top of the
 * sanitizers: a failure carries a message and names a file of the folder,
 * a success leaves the error empty, every node and edge names its file.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "vchain/vchain.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[64];

static void put(const char *name, const uint8_t *p, size_t n)
{
    char path[128];
    FILE *f;
    snprintf(path, sizeof(path), "%s/%s", dir, name);
    unlink(path);
    if (!n)
        return;
    f = fopen(path, "wb");
    if (!f || fwrite(p, 1, n, f) != n || fclose(f) != 0)
        abort();
}

static void cleanup(void)
{
    static const char *const names[5] = { "stages.csv", "inputs.csv", "providers.csv",
                                          "provision.csv", "sequence.csv" };
    for (int i = 0; i < 5; i++)
        put(names[i], NULL, 0);
    rmdir(dir);
}

static void count_warning(void *ctx, const struct vc_error *w)
{
    if (!w->msg[0])
        abort();
    ++*(unsigned long *)ctx;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const names[5] = { "stages.csv", "inputs.csv", "providers.csv",
                                          "provision.csv", "sequence.csv" };
    struct vc_load_opts opts = VC_LOAD_OPTS_INIT;
    struct vc_attrmap map = VC_ATTRMAP_INIT;
    struct vc_diag diag = VC_DIAG_INIT;
    struct vc_error err = VC_ERROR_INIT;
    unsigned long warnings = 0;
    struct vc_graph g;
    struct vc_chain c;
    const uint8_t *p, *end;
    uint8_t flags;
    enum vc_status st;

    if (!dir[0]) {
        snprintf(dir, sizeof(dir), "/tmp/vchain-fuzz-tables-XXXXXX");
        if (!mkdtemp(dir))
            abort();
        atexit(cleanup);
    }
    if (size < 1)
        return 0;
    flags = data[0];
    p = data + 1;
    end = data + size;
    for (int i = 0; i < 5; i++) {
        const uint8_t *sep = p < end ? memchr(p, 0, (size_t)(end - p)) : NULL;
        const uint8_t *stop = sep ? sep : end;
        put(names[i], p, (size_t)(stop - p));
        p = sep ? sep + 1 : end;
    }
    opts.format = VC_FMT_TABLES;
    opts.import.lenient = flags & 1;
    diag.strict = (flags >> 1) & 1;
    diag.warn = count_warning;
    diag.ctx = &warnings;
    if ((flags & 4) && vc_attrmap_add_spec(&map, "share_provided=pct", &err) == VC_OK)
        opts.import.map = &map;
    st = vc_load(dir, &opts, &g, &c, &diag, &err);
    if (st != VC_OK) {
        if (!err.msg[0] || err.code != st || strncmp(err.path, dir, strlen(dir)) != 0)
            abort();
    } else {
        if (err.code != VC_OK)
            abort();
        for (size_t k = 0; k < g.n_nodes; k++)
            if (strncmp(vc_graph_file(&g, VC_CLASS_NODE, k), dir, strlen(dir)) != 0)
                abort();
        for (size_t e = 0; e < g.n_edges; e++)
            if (strncmp(vc_graph_file(&g, VC_CLASS_EDGE, e), dir, strlen(dir)) != 0)
                abort();
        vc_chain_release(&c);
        vc_graph_release(&g);
    }
    vc_attrmap_release(&map);
    return 0;
}
