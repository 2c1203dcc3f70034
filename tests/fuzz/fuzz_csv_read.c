/*
 * fuzz_csv_read.c - libFuzzer target for the CSV record reader
 * (src/core/csv.c), which the tables importer reads every file with.
 *
 * Byte 0 picks the options (bit 0: check record widths; bits 1-2: charset,
 * UTF-8, Windows-1252 or Mac OS Roman); the rest is one CSV file, read
 * record by record and then scanned for its charset.  Checked on top of the
 * sanitizers: every field is NUL-terminated at its length, lines only grow,
 * and a failure carries a message and a line.  Until csv.c is in the tree
 * the fuzzer says so and stops at once.  (Fuzzing the whole tables
 * importer, a folder of files, is left to a later round.)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#if defined(__has_include)
#if __has_include("core/csv.h")
#define HAVE_CSV 1
#endif
#endif

#ifndef HAVE_CSV
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "fuzz_csv: src/core/csv.c is not in this tree yet; nothing to fuzz\n");
    exit(0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)data;
    (void)size;
    return 0;
}
#else
#include "core/csv.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct vc_csv r; /* 64 kB of buffer: not on the stack */
    struct vc_error err = VC_ERROR_INIT;
    struct vc_csv_scan scan;
    enum vc_status st;
    bool got = true;
    long last_line = 0;
    FILE *in;

    if (size < 1)
        return 0;
    uint8_t flags = data[0];
    data++;
    size--;
    in = fmemopen((void *)data, size ? size : 1, "r");
    if (!in)
        abort();
    if (size == 0)
        fgetc(in);
    vc_csv_init(&r, in, "fuzz.csv");
    r.check_width = flags & 1;
    r.charset = (enum vc_csv_charset)((flags >> 1) % 3);
    while ((st = vc_csv_next(&r, &got, &err)) == VC_OK && got) {
        if (r.line < last_line || r.n_fields == 0)
            abort();
        last_line = r.line;
        for (size_t i = 0; i < r.n_fields; i++) {
            size_t len;
            const char *f = vc_csv_get(&r, i, &len);
            if (!f || f[len] != '\0')
                abort();
        }
        (void)vc_csv_find(&r, "provider_name");
    }
    if (st != VC_OK && (err.msg[0] == '\0' || err.code != st))
        abort();
    vc_csv_release(&r);
    rewind(in);
    vc_error_clear(&err);
    if (vc_csv_scan(in, "fuzz.csv", &scan, &err) == VC_OK && scan.bad_bytes &&
        scan.first_line < 1)
        abort();
    fclose(in);
    return 0;
}
#endif
