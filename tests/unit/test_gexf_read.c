/*
 * test_gexf_read.c - the GEXF reader: hand-written files with exact values,
 * one test per refusal with its line:column, and every file of the shared
 * GEXF corpus (../shared/data/gexf-corpus) read or refused with a clear
 * message.
 */
#include <unistd.h>

#include "corpus.h"

#define G12 "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
            "<gexf xmlns=\"http://www.gexf.net/1.2draft\" " \
            "xmlns:viz=\"http://www.gexf.net/1.2draft/viz\" version=\"1.2\">\n"
#define G13 "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
            "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" " \
            "version=\"1.3\">\n"

static struct vc_graph g;
static struct vc_error err;
static struct warnings ws;

static int reset(void **state)
{
    (void)state;
    vc_error_clear(&err);
    vc_graph_init(&g);
    memset(&ws, 0, sizeof(ws));
    return 0;
}

static int release(void **state)
{
    (void)state;
    vc_graph_release(&g);
    return 0;
}

static enum vc_status rd_opts(const char *xml, bool lenient)
{
    struct vc_import_opts opts = VC_IMPORT_OPTS_INIT;
    struct vc_diag diag = VC_DIAG_INIT;
    FILE *f = fmemopen((void *)xml, strlen(xml), "r");
    enum vc_status st;
    assert_non_null(f);
    diag.warn = collect_warning;
    diag.ctx = &ws;
    opts.lenient = lenient;
    st = vc_gexf_read(&g, f, "test.gexf", &opts, &diag, &err);
    fclose(f);
    return st;
}

static enum vc_status rd(const char *xml)
{
    return rd_opts(xml, false);
}

static void expect_error(const char *xml, enum vc_status st, long line, long col,
                         const char *needle)
{
    enum vc_status got = rd(xml);
    if (got != st || err.line != line || err.col != col || !strstr(err.msg, needle))
        print_error("got status %d at %ld:%ld: %s\n", got, err.line, err.col, err.msg);
    assert_int_equal(got, st);
    assert_int_equal(err.line, line);
    assert_int_equal(err.col, col);
    assert_non_null(strstr(err.msg, needle));
    assert_string_equal(err.path, "test.gexf");
    assert_int_equal(g.n_nodes, 0);
}

static const struct vc_attr *A(enum vc_attr_class cls, const char *name)
{
    const struct vc_attr *a = vc_graph_attr(&g, cls, name);
    if (!a)
        fail_msg("no %s column %s", vc_attr_class_name(cls), name);
    return a;
}

static const char *S(enum vc_attr_class cls, const char *name, size_t k)
{
    return vc_attr_get_string(A(cls, name), k);
}

static double D(enum vc_attr_class cls, const char *name, size_t k)
{
    return vc_attr_get_double(A(cls, name), k);
}

/* ---- what is read ---- */

static void typed_values_labels_weights(void **state)
{
    (void)state;
    const char *xml = G12
        "  <meta><creator>x</creator><description>Two &amp; more</description></meta>\n"
        "  <graph defaultedgetype=\"directed\" mode=\"static\">\n"
        "    <attributes class=\"node\">\n"
        "      <attribute id=\"0\" title=\"share\" type=\"double\"/>\n"
        "      <attribute id=\"n\" title=\"Count of things\" type=\"integer\">"
        "<default>7</default></attribute>\n"
        "      <attribute id=\"big\" title=\"big\" type=\"long\"/>\n"
        "      <attribute id=\"ok\" title=\"ok\" type=\"boolean\"/>\n"
        "      <attribute id=\"vc_kind\" title=\"vc_kind\" type=\"string\"/>\n"
        "      <attribute id=\"tags\" title=\"tags\" type=\"liststring\"/>\n"
        "    </attributes>\n"
        "    <attributes class=\"edge\">\n"
        "      <attribute id=\"rel\" title=\"relation\" type=\"string\"/>\n"
        "    </attributes>\n"
        "    <nodes>\n"
        "      <node id=\"a\" label=\"A &amp; B &#10;C\"><attvalues>"
        "<attvalue for=\"0\" value=\"0.10000000000000001\"/>"
        "<attvalue for=\"big\" value=\"9007199254740993\"/>"
        "<attvalue for=\"ok\" value=\"True\"/><attvalue for=\"vc_kind\" value=\"actor\"/>"
        "<attvalue for=\"tags\" value=\"[a, b]\"/></attvalues></node>\n"
        "      <node id=\"b\"><attvalues><attvalue for=\"n\" value=\"3\"/>"
        "<attvalue for=\"0\" value=\"null\"/></attvalues></node>\n"
        "    </nodes>\n"
        "    <edges>\n"
        "      <edge id=\"e\" source=\"a\" target=\"b\" weight=\"2.5\" label=\"L\">"
        "<attvalues><attvalue for=\"rel\" value=\"supplies\"/></attvalues></edge>\n"
        "      <edge source=\"b\" target=\"a\" type=\"undirected\"/>\n"
        "    </edges>\n"
        "  </graph>\n</gexf>\n";
    assert_int_equal(rd(xml), VC_OK);
    assert_int_equal(g.n_nodes, 2);
    assert_int_equal(g.n_edges, 2);
    assert_true(g.directed);
    assert_string_equal(g.desc, "Two & more");
    /* numeric id: the title names the column; otherwise the id does */
    assert_true(D(VC_CLASS_NODE, "share", 0) == 0.1);
    assert_false(vc_attr_has(A(VC_CLASS_NODE, "share"), 1)); /* "null" */
    assert_int_equal(A(VC_CLASS_NODE, "n")->type, VC_ATTR_INT);
    assert_true(D(VC_CLASS_NODE, "n", 0) == 7); /* default */
    assert_true(D(VC_CLASS_NODE, "n", 1) == 3);
    assert_int_equal(A(VC_CLASS_NODE, "big")->values[0].i, 9007199254740993LL);
    assert_int_equal(A(VC_CLASS_NODE, "ok")->type, VC_ATTR_BOOL);
    assert_true(D(VC_CLASS_NODE, "ok", 0) == 1);
    assert_string_equal(S(VC_CLASS_NODE, "kind", 0), "actor"); /* vchain's escape undone */
    assert_string_equal(S(VC_CLASS_NODE, "tags", 0), "[a, b]");
    assert_string_equal(S(VC_CLASS_NODE, "label", 0), "A & B \nC");
    assert_false(vc_attr_has(A(VC_CLASS_NODE, "label"), 1));
    assert_string_equal(S(VC_CLASS_EDGE, "rel", 0), "supplies"); /* id, not title */
    assert_true(D(VC_CLASS_EDGE, "weight", 0) == 2.5);
    assert_false(vc_attr_has(A(VC_CLASS_EDGE, "weight"), 1));
    assert_string_equal(S(VC_CLASS_EDGE, "label", 0), "L");
    assert_string_equal(vc_graph_edge_id(&g, 0), "e");
    assert_null(vc_graph_edge_id(&g, 1));
    assert_int_equal(g.edge_directed[0], 1);
    assert_int_equal(g.edge_directed[1], 0);
    /* Gephi's "null" is no value, and said so (issue 14, point 5) */
    assert_int_equal(ws.count, 1);
    assert_string_equal(ws.first.msg, "node share \"null\" is read as no value (unknown)");
    assert_int_equal(ws.first.line, 18);
}

static void viz_becomes_visual_columns(void **state)
{
    (void)state;
    const char *xml = G13
        "  <graph defaultedgetype=\"undirected\">\n"
        "    <nodes>\n"
        "      <node id=\"a\"><viz:color r=\"213\" g=\"94\" b=\"0\" a=\"0.5\"/>"
        "<viz:position x=\"-1.5\" y=\"2e3\"/><viz:size value=\"12\"/>"
        "<viz:shape value=\"disc\"/></node>\n"
        "      <node id=\"b\"><viz:color hex=\"#0f8\"/></node>\n"
        "      <node id=\"c\"><color xmlns=\"http://gexf.net/1.3\" r=\"1\" g=\"2\" b=\"3\"/></node>\n"
        "    </nodes>\n"
        "    <edges><edge source=\"a\" target=\"b\" kind=\"licence\">"
        "<viz:thickness value=\"3.5\"/><viz:color hex=\"#00FF00\"/></edge></edges>\n"
        "  </graph>\n</gexf>\n";
    assert_int_equal(rd(xml), VC_OK);
    assert_false(g.directed); /* the attribute says so */
    assert_true(D(VC_CLASS_NODE, "viz_r", 0) == 213);
    assert_true(D(VC_CLASS_NODE, "viz_b", 0) == 0);
    assert_true(D(VC_CLASS_NODE, "viz_x", 0) == -1.5);
    assert_true(D(VC_CLASS_NODE, "viz_y", 0) == 2000);
    assert_true(D(VC_CLASS_NODE, "viz_size", 0) == 12);
    assert_true(D(VC_CLASS_NODE, "viz_r", 1) == 0);
    assert_true(D(VC_CLASS_NODE, "viz_g", 1) == 255);
    assert_true(D(VC_CLASS_NODE, "viz_b", 1) == 136);
    assert_true(D(VC_CLASS_NODE, "viz_g", 2) == 2); /* viz in the main namespace (the XSDs') */
    assert_true(D(VC_CLASS_EDGE, "viz_thickness", 0) == 3.5);
    assert_true(D(VC_CLASS_EDGE, "viz_g", 0) == 255);
    assert_string_equal(S(VC_CLASS_EDGE, "kind", 0), "licence");
}

static void defaults_to_undirected_and_reads_old_versions(void **state)
{
    (void)state;
    /* GEXF 1.0: another namespace, attvalue id= instead of for=, graph type= */
    const char *xml = "<gexf xmlns=\"http://www.gephi.org/gexf\" "
        "xmlns:viz=\"http://www.gephi.org/gexf/viz\">\n"
        "<graph type=\"static\">\n"
        "<attributes class=\"node\" type=\"static\"><attribute id=\"0\" title=\"occ\" "
        "type=\"integer\"/></attributes>\n"
        "<nodes><node id=\"0\" label=\"x\"><viz:size value=\"3.6\"/><attvalues>"
        "<attvalue id=\"0\" value=\"4\"/></attvalues></node><node id=\"1\"/></nodes>\n"
        "<edges><edge source=\"0\" target=\"1\"/></edges>\n"
        "</graph></gexf>\n";
    assert_int_equal(rd(xml), VC_OK);
    assert_false(g.directed);
    assert_int_equal(g.edge_directed[0], 0);
    assert_true(D(VC_CLASS_NODE, "occ", 0) == 4);
    assert_true(D(VC_CLASS_NODE, "viz_size", 0) == 3.6);
}

static void label_attribute_is_renamed(void **state)
{
    (void)state;
    const char *xml = G12
        "  <graph defaultedgetype=\"directed\">\n"
        "    <attributes class=\"node\"><attribute id=\"1\" title=\"label\" type=\"string\"/>"
        "</attributes>\n"
        "    <attributes class=\"edge\"><attribute id=\"weight\" title=\"Weight\" type=\"float\"/>"
        "</attributes>\n"
        "    <nodes><node id=\"a\" label=\"shown\"><attvalues><attvalue for=\"1\" "
        "value=\"data\"/></attvalues></node></nodes>\n"
        "    <edges><edge id=\"0\" source=\"a\" target=\"a\" weight=\"1\"><attvalues>"
        "<attvalue for=\"weight\" value=\"0.5\"/></attvalues></edge></edges>\n"
        "  </graph>\n</gexf>\n";
    assert_int_equal(rd(xml), VC_OK);
    assert_string_equal(S(VC_CLASS_NODE, "label", 0), "shown");
    assert_string_equal(S(VC_CLASS_NODE, "attr_label", 0), "data");
    assert_true(D(VC_CLASS_EDGE, "weight", 0) == 1);
    assert_true(D(VC_CLASS_EDGE, "attr_weight", 0) == 0.5);
    assert_int_equal(ws.count, 2); /* a warning per rename */
    assert_non_null(strstr(ws.first.msg, "attr_label"));
    assert_int_equal(ws.first.line, 4);
}

static void dynamic_graph_is_flattened(void **state)
{
    (void)state;
    const char *xml = G12
        "  <graph mode=\"dynamic\" timeformat=\"double\" defaultedgetype=\"directed\">\n"
        "    <attributes class=\"node\" mode=\"dynamic\"><attribute id=\"share\" title=\"Share\" "
        "type=\"double\"/></attributes>\n"
        "    <nodes><node id=\"a\" start=\"2022\"><attvalues>"
        "<attvalue for=\"share\" value=\"0.8\" start=\"2022\" end=\"2022\"/>"
        "<attvalue for=\"share\" value=\"0.9\" start=\"2023\" end=\"2023\"/></attvalues>"
        "<spells><spell start=\"2022\" end=\"2023\"/></spells></node></nodes>\n"
        "    <edges/>\n"
        "  </graph>\n</gexf>\n";
    assert_int_equal(rd(xml), VC_OK);
    assert_true(D(VC_CLASS_NODE, "share", 0) == 0.9); /* the last value */
    assert_int_equal(ws.count, 1);
    assert_non_null(strstr(ws.first.msg, "dynamic GEXF"));
    assert_int_equal(ws.first.line, 3);
}

/* Nodes in nodes, and pid: read flattened, each held node's group in
 * "group"; the holder's own values after its <nodes> still its own. */
static void hierarchy_is_flattened(void **state)
{
    (void)state;
    const char *xml = G13
        "  <graph defaultedgetype=\"directed\">\n"
        "    <attributes class=\"node\"><attribute id=\"0\" title=\"note\" "
        "type=\"string\"/></attributes>\n"
        "    <nodes><node id=\"a\"><nodes>\n"
        "      <node id=\"b\"/><node id=\"c\"><nodes><node id=\"d\"/></nodes></node>"
        "</nodes><edges><edge source=\"b\" target=\"c\"/></edges>"
        "<attvalues><attvalue for=\"0\" value=\"mine\"/></attvalues></node>\n"
        "      <node id=\"e\" pid=\"a\"/></nodes>\n"
        "    <edges><edge source=\"d\" target=\"a\"/></edges>\n"
        "  </graph>\n</gexf>\n";
    assert_int_equal(rd(xml), VC_OK);
    assert_int_equal(g.n_nodes, 5);
    assert_int_equal(g.n_edges, 2);
    assert_string_equal(S(VC_CLASS_NODE, "note", 0), "mine");
    assert_false(vc_attr_has(A(VC_CLASS_NODE, "group"), 0));
    assert_string_equal(S(VC_CLASS_NODE, "group", 1), "a");
    assert_string_equal(S(VC_CLASS_NODE, "group", 2), "a");
    assert_string_equal(S(VC_CLASS_NODE, "group", 3), "c");
    assert_string_equal(S(VC_CLASS_NODE, "group", 4), "a"); /* its pid */
    assert_int_equal(ws.count, 1);
    assert_non_null(strstr(ws.first.msg, "4 nodes are inside other nodes (a GEXF hierarchy)"));
    assert_int_equal(ws.first.line, 6);
    assert_int_equal(ws.first.col, 7);
}

static void lenient_skips_and_creates(void **state)
{
    (void)state;
    const char *xml = G12
        "  <graph defaultedgetype=\"directed\">\n"
        "    <nodes><node id=\"a\"><attvalues><attvalue for=\"url\" value=\"x\"/>"
        "</attvalues></node></nodes>\n"
        "    <edges><edge id=\"0\" source=\"a\" target=\"b\"/></edges>\n"
        "  </graph>\n</gexf>\n";
    assert_int_equal(rd_opts(xml, true), VC_OK);
    assert_int_equal(g.n_nodes, 2);
    assert_int_equal(g.n_attrs, 0);
    assert_int_equal(ws.count, 2);
}

/* ---- what is refused, and where ---- */

static void refusals_are_located(void **state)
{
    (void)state;
    expect_error("<graphml/>", VC_EPARSE, 1, 1, "not a GEXF file");
    reset(NULL);
    expect_error(G12 "<graph>\n<nodes><node id=\"a\"/><node id=\"b\"/>\n<node id=\"c\">"
                 "<parents><parent for=\"a\"/><parent for=\"b\"/></parents></node>"
                 "</nodes><edges/></graph></gexf>",
                 VC_EUNSUPPORTED, 5, 14, "several parents");
    reset(NULL);
    expect_error(G12 "<graph><nodes><node id=\"a\"/>\n<node id=\"a\"/></nodes></graph></gexf>",
                 VC_EINVAL, 4, 1, "duplicate node id \"a\"");
    reset(NULL);
    expect_error(G12 "<graph><nodes><node id=\"a\"/></nodes>\n<edges>\n <edge source=\"a\" "
                 "target=\"zz\"/></edges></graph></gexf>",
                 VC_EINVAL, 5, 2, "never declared");
    reset(NULL);
    expect_error(G12 "<graph>\n<attributes class=\"node\"><attribute id=\"x\" title=\"x\" "
                 "type=\"double\"/></attributes>\n<nodes><node id=\"a\"><attvalues>\n"
                 "<attvalue for=\"x\" value=\"1.5kg\"/></attvalues></node></nodes></graph>"
                 "</gexf>", VC_EPARSE, 6, 1, "not a number");
    reset(NULL);
    expect_error(G12 "<graph>\n<attributes class=\"node\">\n<attribute id=\"x\" title=\"x\" "
                 "type=\"date-ish\"/></attributes></graph></gexf>",
                 VC_EINVAL, 5, 1, "not a GEXF attribute type");
    reset(NULL);
    expect_error(G12 "<graph>\n<attributes class=\"node\"><attribute id=\"x\" title=\"x\" "
                 "type=\"string\"/>\n<attribute id=\"x\" title=\"y\" type=\"string\"/>"
                 "</attributes></graph></gexf>", VC_EINVAL, 5, 1, "declared twice");
    reset(NULL);
    expect_error(G12 "<graph>\n<attributes class=\"node\"><attribute id=\"x\" title=\"x\" "
                 "type=\"string\"/></attributes>\n<nodes><node id=\"a\"><attvalues>"
                 "<attvalue for=\"x\" value=\"1\"/>\n<attvalue for=\"x\" value=\"2\"/>"
                 "</attvalues></node></nodes></graph></gexf>", VC_EINVAL, 6, 1,
                 "two values for x");
    reset(NULL);
    expect_error(G12 "<graph>\n<nodes><node id=\"a\">\n  <viz:color r=\"300\" g=\"0\" b=\"0\"/>"
                 "</node></nodes></graph></gexf>", VC_EINVAL, 5, 3, "0 to 255");
    reset(NULL);
    expect_error(G12 "<graph defaultedgetype=\"sideways\">\n</graph></gexf>", VC_EINVAL, 3, 1,
                 "defaultedgetype");
    reset(NULL);
    expect_error(G12 "<graph>\n<nodes><frog/></nodes></graph></gexf>", VC_EINVAL, 4, 8,
                 "unexpected <frog> inside <nodes>");
    reset(NULL);
    expect_error(G12 "<graph/><graph/></gexf>", VC_EUNSUPPORTED, 3, 9, "a second <graph>");
    reset(NULL);
    expect_error(G12 "</gexf>", VC_EINVAL, 0, 0, "no <graph> element");
    reset(NULL);
    expect_error(G12 "<graph><nodes><node id=\"a\">\n</graph></gexf>", VC_EPARSE, 4, 9,
                 "not well-formed XML");
    reset(NULL);
    expect_error("<?xml version=\"1.0\"?>\n<!DOCTYPE gexf [\n<!ENTITY x \"boom\">\n]>\n"
                 "<gexf><graph/></gexf>", VC_EUNSUPPORTED, 3, 18, "entity declarations");
    reset(NULL);
    expect_error(G12 "<graph><nodes><node id=\"a\" label=\"&ext;\"/></nodes></graph></gexf>",
                 VC_EPARSE, 3, 40, "not well-formed XML");
}

/* vc_load tells GEXF from GraphML by the root element, namespace or not. */
static void load_sniffs_gexf(void **state)
{
    (void)state;
    static const char *const roots[] = {
        G13 "<graph defaultedgetype=\"directed\"><nodes><node id=\"a\"/></nodes></graph>"
            "</gexf>",
        "<?xml version=\"1.0\"?>\n<!-- a comment --><g:gexf xmlns:g=\"http://gexf.net/1.3\">"
        "<g:graph><g:nodes><g:node id=\"a\"/></g:nodes></g:graph></g:gexf>",
    };
    for (int i = 0; i < 2; i++) {
        char path[] = "/tmp/vchain-sniff-XXXXXX";
        int fd = mkstemp(path);
        struct vc_chain c;
        assert_true(fd >= 0);
        assert_int_equal(write(fd, roots[i], strlen(roots[i])), (ssize_t)strlen(roots[i]));
        close(fd);
        if (vc_load(path, NULL, &g, &c, NULL, &err) != VC_OK)
            fail_msg("%s", err.msg);
        assert_int_equal(g.n_nodes, 1);
        vc_chain_release(&c);
        vc_graph_release(&g);
        unlink(path);
    }
}

/* ---- the corpus of real files ---- */

static const struct corpus_case cases[] = {
    { "defaults__data.gexf", VC_OK, 4, 5, NULL, false },
    { "gephi-0.8.1_1.2draft_viz__rio.gexf", VC_OK, 366, 1107, NULL, false },
    { "gephi-0.9.3_viz_undirected__US-Airports.gexf", VC_OK, 235, 1297, NULL, false },
    { "gephi-0.9_www-ns-1.3_viz__Les-Miserables.gexf", VC_OK, 77, 254, NULL, false },
    { "gephi-exporter_null-attvalue__includenullattvalues.gexf", VC_OK, 2, 1, NULL, false },
    { "gexf-1.0-ns_viz__arctic.gexf", VC_OK, 1715, 6676, NULL, false },
    { "graphology-writer_1.3_lists__v1_3_writer.gexf", VC_OK, 2, 1, NULL, false },
    { "lists_1.3__v1_3.gexf", VC_OK, 2, 1, NULL, false },
    { "mixed-edge-types__mixed.gexf", VC_OK, 3, 3, NULL, false },
    { "ofnodesandedges_bad-viz-ns__les_miserables.gexf", VC_OK, 77, 254, NULL, false },
    { "polinode__case.gexf", VC_OK, 10, 20, NULL, false },
    { "spec-example_hierarchy__hierarchy1.gexf", VC_OK, 10, 9, NULL, false }, /* flattened */
    { "timestamp-timezone__timezone.gexf", VC_OK, 2, 1, NULL, false },
    { "webatlas_1.1draft_large__WebAtlas_EuroSiS.gexf", VC_OK, 1285, 7524, NULL, false },
    { "negative/undeclared-attribute__undeclared_attribute.gexf", VC_EINVAL, 0, 0,
      "names an attribute no <attributes class=\"node\"> declares", false },
    { "negative/undeclared-attribute__undeclared_attribute.gexf", VC_OK, 2, 1, NULL, true },
};

static void corpus_files(void **state)
{
    (void)state;
    corpus_run("gexf-corpus", "-name '*.gexf'", cases, sizeof(cases) / sizeof(cases[0]),
               vc_gexf_read, NULL);
}

/* Values seen in real files: spot checks. */
static void corpus_values(void **state)
{
    (void)state;
    char path[1024];
    FILE *f;

    if (!shared_path("gexf-corpus/gephi-0.9.3_viz_undirected__US-Airports.gexf", path,
                     sizeof(path)))
        skip();
    f = fopen(path, "rb");
    assert_int_equal(vc_gexf_read(&g, f, path, NULL, NULL, &err), VC_OK);
    fclose(f);
    assert_string_equal(g.node_id[0], "0");
    assert_string_equal(S(VC_CLASS_NODE, "label", 0), "Adams Field Airport");
    assert_string_equal(S(VC_CLASS_NODE, "code", 0), "LIT");
    assert_true(D(VC_CLASS_NODE, "latitude", 0) == 34.729444);
    assert_true(D(VC_CLASS_NODE, "viz_x", 0) == 55.805447);
    assert_true(D(VC_CLASS_NODE, "viz_r", 0) == 217);
    assert_false(g.directed);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(typed_values_labels_weights, reset, release),
        cmocka_unit_test_setup_teardown(viz_becomes_visual_columns, reset, release),
        cmocka_unit_test_setup_teardown(defaults_to_undirected_and_reads_old_versions, reset,
                                        release),
        cmocka_unit_test_setup_teardown(label_attribute_is_renamed, reset, release),
        cmocka_unit_test_setup_teardown(dynamic_graph_is_flattened, reset, release),
        cmocka_unit_test_setup_teardown(hierarchy_is_flattened, reset, release),
        cmocka_unit_test_setup_teardown(lenient_skips_and_creates, reset, release),
        cmocka_unit_test_setup_teardown(refusals_are_located, reset, release),
        cmocka_unit_test_setup_teardown(load_sniffs_gexf, reset, release),
        cmocka_unit_test(corpus_files),
        cmocka_unit_test_setup_teardown(corpus_values, reset, release),
    };
    return cmocka_run_group_tests_name("gexf_read", tests, NULL, NULL);
}
