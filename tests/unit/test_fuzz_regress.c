/*
 * test_fuzz_regress.c - every fuzzer finding, replayed with its exact outcome.
 *
 * Each input in tests/fuzz/regress/<target>/ is what libFuzzer saved (its
 * first byte is the options byte of tests/fuzz/fuzz_<target>_read.c).  The
 * fuzz-regress target replays them under the sanitizers; here each one also
 * gets the outcome the reader must now give, so a fix that merely stops the
 * crash but loses the error (or its position) fails too.  Under make
 * check-asan and check-valgrind these are memory-error tests as well.
 */
#include "testutil.h"

typedef enum vc_status reader_fn(struct vc_graph *out, FILE *in, const char *name,
                                 const struct vc_import_opts *opts, struct vc_diag *diag,
                                 struct vc_error *err);

struct finding {
    const char *file;     /* in tests/fuzz/regress/<target>/ */
    enum vc_status status;
    long line, col;
    const char *needle;   /* in the message */
};

/* Reads a regression input the way the fuzzer did (options from byte 0). */
static enum vc_status replay(const char *target, reader_fn *read, const char *file,
                             struct vc_error *err)
{
    char rel[256], path[1024];
    FILE *f;
    char *buf;
    long size;
    struct vc_import_opts opts = VC_IMPORT_OPTS_INIT;
    struct vc_diag diag = VC_DIAG_INIT;
    struct vc_graph g;
    enum vc_status st;
    FILE *in;

    snprintf(rel, sizeof(rel), "tests/fuzz/regress/%s/%s", target, file);
    f = fopen(src_path(rel, path, sizeof(path)), "rb");
    if (!f)
        print_error("cannot open %s\n", path);
    assert_non_null(f);
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    size = ftell(f);
    assert_true(size > 1);
    rewind(f);
    buf = malloc((size_t)size);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)size, f), (size_t)size);
    fclose(f);

    opts.lenient = buf[0] & 1;
    diag.strict = (buf[0] >> 1) & 1;
    in = fmemopen(buf + 1, (size_t)size - 1, "r");
    assert_non_null(in);
    st = read(&g, in, "fuzz.input", &opts, &diag, err);
    fclose(in);
    free(buf);
    if (st == VC_OK)
        vc_graph_release(&g);
    return st;
}

static void check(const char *target, reader_fn *read, const struct finding *f)
{
    struct vc_error err = VC_ERROR_INIT;
    enum vc_status st = replay(target, read, f->file, &err);
    if (st != f->status || err.line != f->line || err.col != f->col ||
        !strstr(err.msg, f->needle))
        print_error("%s: got status %d at %ld:%ld: %s\n", f->file, st, err.line, err.col,
                    err.msg);
    assert_int_equal(st, f->status);
    assert_int_equal(err.line, f->line);
    assert_int_equal(err.col, f->col);
    assert_non_null(strstr(err.msg, f->needle));
}

/*
 * xmlStopParser() inside a SAX callback freed the buffer the remaining
 * attribute values pointed into: a too-long for="..." on a <key> stopped
 * the parser, then attr.name was read from freed memory.
 */
static void uaf_stop_parser_long_for(void **state)
{
    static const struct finding f = {
        "uaf-stop-parser-long-for.graphml", VC_EINVAL, 4, 3,
        "<key>: attribute for is too long (98 bytes; the limit is 63)"
    };
    (void)state;
    check("graphml", vc_graphml_read, &f);
}

/*
 * The GEXF reader had the same pattern: under --strict, the warning about
 * defaultedgetype="mutual" stopped the parser, then mode="..." was read
 * from freed memory.
 */
static void gexf_uaf_strict_warning_mid_tag(void **state)
{
    static const struct finding f = {
        "uaf-strict-warning-mid-tag.gexf", VC_EINVAL, 3, 3,
        "defaultedgetype=\"mutual\" is read as undirected"
    };
    (void)state;
    check("gexf", vc_gexf_read, &f);
}

/* What the fuzzer found on its own, by another path (a <node> with spells). */
static void gexf_uaf_fuzzer_start_node(void **state)
{
    static const struct finding f = {
        "uaf-fuzzer-start-node.gexf", VC_EINVAL, 11, 7,
        "dynamic GEXF is read as a static graph"
    };
    (void)state;
    check("gexf", vc_gexf_read, &f);
}

/* The CSV target's edge-list mode (options byte bit 3), without a node table. */
static enum vc_status edgelist_alone(struct vc_graph *out, FILE *in, const char *name,
                                     const struct vc_import_opts *opts, struct vc_diag *diag,
                                     struct vc_error *err)
{
    return vc_edgelist_read(out, in, name, NULL, NULL, opts, diag, err);
}

/*
 * An edge list of a header and no rows has no attribute columns: typing
 * them passed a NULL array to memcpy (undefined, even for 0 bytes).  It is
 * an empty graph.
 */
static void edgelist_no_rows(void **state)
{
    static const struct finding f = { "edgelist-no-rows", VC_OK, 0, 0, "" };
    (void)state;
    check("csv", edgelist_alone, &f);
}

/* The same shape written by hand: several long attributes on one tag. */
static void long_attributes_in_one_tag(void **state)
{
    char xml[4096];
    char longv[300];
    struct vc_error err = VC_ERROR_INIT;
    struct vc_graph g;

    (void)state;
    memset(longv, 'x', sizeof(longv) - 1);
    longv[sizeof(longv) - 1] = '\0';
    snprintf(xml, sizeof(xml),
             "<graphml>\n <graph edgedefault=\"%s\" id=\"%s\">\n"
             "  <node id=\"a\"/></graph></graphml>\n", longv, longv);
    assert_int_equal(read_graphml_string(xml, &g, NULL, NULL, &err), VC_EINVAL);
    assert_int_equal(err.line, 2);
    assert_int_equal(err.col, 2);
    assert_non_null(strstr(err.msg, "<graph>: attribute edgedefault is too long"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(uaf_stop_parser_long_for),
        cmocka_unit_test(long_attributes_in_one_tag),
        cmocka_unit_test(gexf_uaf_strict_warning_mid_tag),
        cmocka_unit_test(gexf_uaf_fuzzer_start_node),
        cmocka_unit_test(edgelist_no_rows),
    };
    return cmocka_run_group_tests_name("fuzz_regress", tests, NULL, NULL);
}
