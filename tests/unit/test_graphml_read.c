/*
 * test_graphml_read.c - the GraphML reader on hand-written files: exact
 * counts, types and values, and one test per error with its line:column.
 */
#include "testutil.h"

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
             "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"

static struct vc_graph g;
static struct vc_error err;

static int reset(void **state)
{
    (void)state;
    vc_error_clear(&err);
    vc_graph_init(&g);
    return 0;
}

static int release(void **state)
{
    (void)state;
    vc_graph_release(&g);
    return 0;
}

static enum vc_status rd(const char *xml)
{
    return read_graphml_string(xml, &g, NULL, NULL, &err);
}

/* Expects failure with status st at line:col and msg containing needle. */
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
    assert_string_equal(err.path, "test.graphml");
    /* a failed read leaves nothing to release */
    assert_int_equal(g.n_nodes, 0);
}

static void typed_attributes(void **state)
{
    (void)state;
    const char *xml = HEAD
        "  <key id=\"k0\" for=\"node\" attr.name=\"flag\" attr.type=\"boolean\"/>\n"
        "  <key id=\"k1\" for=\"node\" attr.name=\"n\" attr.type=\"int\"/>\n"
        "  <key id=\"k2\" for=\"node\" attr.name=\"big\" attr.type=\"long\"/>\n"
        "  <key id=\"k3\" for=\"node\" attr.name=\"f\" attr.type=\"float\"/>\n"
        "  <key id=\"k4\" for=\"edge\" attr.name=\"w\" attr.type=\"double\"/>\n"
        "  <key id=\"k5\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
        "  <graph edgedefault=\"directed\">\n"
        "    <node id=\"a\"><data key=\"k0\">True</data><data key=\"k1\"> 7 </data>"
        "<data key=\"k2\">9007199254740993</data><data key=\"k3\">1.5</data>"
        "<data key=\"k5\">None</data></node>\n"
        "    <node id=\"b\"><data key=\"k0\">0</data><data key=\"k1\">-2147483648</data></node>\n"
        "    <edge source=\"a\" target=\"b\"><data key=\"k4\">0.10000000000000001</data></edge>\n"
        "  </graph>\n</graphml>\n";
    struct vc_attr *a;

    assert_int_equal(rd(xml), VC_OK);
    assert_int_equal(g.n_nodes, 2);
    assert_int_equal(g.n_edges, 1);
    a = vc_graph_attr(&g, VC_CLASS_NODE, "flag");
    assert_non_null(a);
    assert_int_equal(a->type, VC_ATTR_BOOL);
    assert_int_equal(a->values[0].i, 1);
    assert_int_equal(a->values[1].i, 0);
    a = vc_graph_attr(&g, VC_CLASS_NODE, "n");
    assert_int_equal(a->type, VC_ATTR_INT);
    assert_int_equal(a->values[0].i, 7);
    assert_int_equal(a->values[1].i, INT32_MIN);
    a = vc_graph_attr(&g, VC_CLASS_NODE, "big");
    assert_int_equal(a->type, VC_ATTR_LONG);
    assert_true(a->values[0].i == 9007199254740993LL); /* exact beyond 2^53 */
    assert_int_equal(a->count, 1);
    a = vc_graph_attr(&g, VC_CLASS_NODE, "f");
    assert_int_equal(a->type, VC_ATTR_FLOAT);
    assert_true(a->values[0].d == 1.5);
    a = vc_graph_attr(&g, VC_CLASS_EDGE, "w");
    assert_int_equal(a->type, VC_ATTR_DOUBLE);
    assert_true(a->values[0].d == 0.1);
    /* "None" is just a string to vchain (NetworkX writes it for missing strings) */
    a = vc_graph_attr(&g, VC_CLASS_NODE, "name");
    assert_string_equal(vc_attr_get_string(a, 0), "None");
    assert_false(vc_attr_has(a, 1));
}

static void defaults_and_key_forms(void **state)
{
    (void)state;
    const char *xml = HEAD
        "  <key id=\"color\" for=\"node\" attr.name=\"color\" attr.type=\"string\">"
        "<default>yellow</default></key>\n"
        "  <key id=\"idonly\" for=\"node\"/>\n"
        "  <key id=\"both\" attr.name=\"tag\" attr.type=\"string\"/>\n"
        "  <graph edgedefault=\"undirected\">\n"
        "    <key id=\"late\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\">"
        "<default>2.5</default></key>\n"
        "    <node id=\"n0\"><data key=\"color\">green</data><data key=\"idonly\">x</data>"
        "<data key=\"both\">t0</data></node>\n"
        "    <node id=\"n1\"/>\n"
        "    <edge source=\"n0\" target=\"n1\"><data key=\"both\">e</data></edge>\n"
        "    <edge source=\"n1\" target=\"n0\" directed=\"true\"><data key=\"late\">4</data></edge>\n"
        "  </graph>\n</graphml>\n";
    struct vc_attr *a;

    assert_int_equal(rd(xml), VC_OK);
    assert_false(g.directed);
    assert_int_equal(g.edge_directed[0], 0);
    assert_int_equal(g.edge_directed[1], 1);
    a = vc_graph_attr(&g, VC_CLASS_NODE, "color");
    assert_string_equal(vc_attr_get_string(a, 0), "green");
    assert_string_equal(vc_attr_get_string(a, 1), "yellow"); /* <default> filled in */
    a = vc_graph_attr(&g, VC_CLASS_NODE, "idonly");
    assert_non_null(a); /* named by its id, typed string */
    assert_int_equal(a->type, VC_ATTR_STRING);
    assert_string_equal(vc_attr_get_string(vc_graph_attr(&g, VC_CLASS_NODE, "tag"), 0), "t0");
    assert_string_equal(vc_attr_get_string(vc_graph_attr(&g, VC_CLASS_EDGE, "tag"), 0), "e");
    /* for="all" makes no empty graph-level column */
    assert_null(vc_graph_attr(&g, VC_CLASS_GRAPH, "tag"));
    a = vc_graph_attr(&g, VC_CLASS_EDGE, "weight");
    assert_true(a->values[0].d == 2.5);
    assert_true(a->values[1].d == 4.0);
}

static void multigraph_and_odd_ids(void **state)
{
    (void)state;
    const char *xml =
        "<?xml version='1.0' encoding='utf-8'?>\n"
        "<!-- written by hand -->\n"
        "<?some-pi data?>\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
        "  <key id=\"d0\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
        "  <graph id=\"G\" edgedefault=\"directed\" parse.nodes=\"2\" parse.order=\"free\">\n"
        "    <desc>a <![CDATA[test]]> graph</desc>\n"
        "    <node id=\"&quot;A&amp;B&quot; &#xE9;t&#233;\"><data key=\"d0\"><![CDATA[x<y]]> "
        "&amp; z</data></node>\n"
        "    <!-- a comment between nodes -->\n"
        "    <node id=\"b c\"/>\n"
        "    <edge source=\"&quot;A&amp;B&quot; \xC3\xA9t\xC3\xA9\" target=\"b c\"/>\n"
        "    <edge source=\"&quot;A&amp;B&quot; \xC3\xA9t\xC3\xA9\" target=\"b c\"/>\n"
        "    <edge id=\"\" source=\"b c\" target=\"b c\"/>\n"
        "  </graph>\n</graphml>\n";

    assert_int_equal(rd(xml), VC_OK);
    assert_int_equal(g.n_nodes, 2);
    assert_int_equal(g.n_edges, 3);
    assert_string_equal(g.node_id[0], "\"A&B\" \xC3\xA9t\xC3\xA9");
    assert_string_equal(vc_attr_get_string(vc_graph_attr(&g, VC_CLASS_NODE, "label"), 0),
                        "x<y & z");
    assert_string_equal(g.desc, "a test graph");
    assert_int_equal(g.edge_from[2], 1);
    assert_int_equal(g.edge_to[2], 1);
    assert_null(vc_graph_edge_id(&g, 2)); /* an empty id is no id (with a warning) */
    assert_null(vc_graph_edge_id(&g, 0));
    /* lines are remembered for later checks */
    assert_int_equal(g.node_line[0], 8);
    assert_int_equal(g.node_col[0], 5);
    assert_int_equal(g.edge_line[1], 12);
}

/* Repeated short string values are stored once; each element still reads
 * its own value. */
static void repeated_values_share_a_copy(void **state)
{
    (void)state;
    const char *xml =
        HEAD "<key id=\"r\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>\n"
        "<key id=\"k\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n"
        "<graph><node id=\"a\"><data key=\"k\">actor</data></node>"
        "<node id=\"i\"><data key=\"k\">item</data></node>"
        "<node id=\"j\"><data key=\"k\">item</data></node>\n"
        "<edge source=\"a\" target=\"i\"><data key=\"r\">provides</data></edge>\n"
        "<edge source=\"i\" target=\"j\"><data key=\"r\">input_of</data></edge>\n"
        "<edge source=\"a\" target=\"j\"><data key=\"r\">provides</data></edge>\n"
        "<edge source=\"a\" target=\"j\"><data key=\"r\">provide</data></edge>\n"
        "</graph></graphml>\n";
    const struct vc_attr *rel, *kind;

    assert_int_equal(rd(xml), VC_OK);
    rel = vc_graph_attr(&g, VC_CLASS_EDGE, "relation");
    kind = vc_graph_attr(&g, VC_CLASS_NODE, "kind");
    assert_string_equal(vc_attr_get_string(rel, 0), "provides");
    assert_string_equal(vc_attr_get_string(rel, 1), "input_of");
    assert_string_equal(vc_attr_get_string(rel, 2), "provides");
    assert_string_equal(vc_attr_get_string(rel, 3), "provide");
    assert_ptr_equal(vc_attr_get_string(rel, 0), vc_attr_get_string(rel, 2));
    assert_ptr_equal(vc_attr_get_string(kind, 1), vc_attr_get_string(kind, 2));
    assert_string_equal(vc_attr_get_string(kind, 0), "actor");
}

/* Endpoints that repeat, or nearly repeat (same first 8 bytes, same
 * length), each find their own node. */
static void endpoints_alike(void **state)
{
    (void)state;
    const char *xml =
        HEAD "<graph><node id=\"longname1\"/><node id=\"longname2\"/><node id=\"longname\"/>"
        "<node id=\"x\"/><node id=\"x \"/>\n"
        "<edge source=\"longname1\" target=\"longname2\"/>\n"
        "<edge source=\"longname2\" target=\"longname1\"/>\n"
        "<edge source=\"longname\" target=\"longname2\"/>\n"
        "<edge source=\"longname2\" target=\"longname\"/>\n"
        "<edge source=\"x\" target=\"x \"/>\n"
        "<edge source=\"x \" target=\"x\"/>\n"
        "<edge source=\"x\" target=\"longname1\"/>\n"
        "</graph></graphml>\n";
    static const uint32_t from[] = { 0, 1, 2, 1, 3, 4, 3 }, to[] = { 1, 0, 1, 2, 4, 3, 0 };

    assert_int_equal(rd(xml), VC_OK);
    assert_int_equal(g.n_edges, 7);
    for (size_t e = 0; e < 7; e++) {
        assert_int_equal(g.edge_from[e], from[e]);
        assert_int_equal(g.edge_to[e], to[e]);
    }
}

static void namespaces(void **state)
{
    (void)state;
    const char *prefixed =
        "<ns3:graphml xmlns:ns3=\"http://graphml.graphdrawing.org/xmlns\">"
        "<ns3:graph edgedefault=\"directed\"><ns3:node id=\"a\"/><ns3:node id=\"b\"/>"
        "<ns3:edge source=\"a\" target=\"b\"/></ns3:graph></ns3:graphml>";
    const char *none = "<graphml><graph><node id=\"a\"/><edge source=\"a\" target=\"a\"/>"
                       "</graph></graphml>";
    const char *old = "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns/graphml\">"
                      "<graph edgedefault=\"undirected\"><node id=\"a\"/></graph></graphml>";

    assert_int_equal(rd(prefixed), VC_OK);
    assert_int_equal(g.n_nodes, 2);
    assert_int_equal(g.n_edges, 1);
    vc_graph_release(&g);
    assert_int_equal(rd(none), VC_OK);
    assert_int_equal(g.n_edges, 1);
    assert_true(g.directed); /* no edgedefault: directed */
    vc_graph_release(&g);
    assert_int_equal(rd(old), VC_OK);
    assert_false(g.directed);
}

static void yed_extras_warn_once(void **state)
{
    (void)state;
    const char *xml = HEAD
        "  <key id=\"d6\" for=\"node\" yfiles.type=\"nodegraphics\"/>\n"
        "  <key id=\"d7\" for=\"edge\" yfiles.type=\"edgegraphics\"/>\n"
        "  <graph edgedefault=\"directed\">\n"
        "    <node id=\"a\"><data key=\"d6\"><y:ShapeNode xmlns:y=\"urn:y\"/></data>"
        "<port name=\"p0\"/><port name=\"p1\"/></node>\n"
        "    <node id=\"b\"/>\n"
        "    <edge source=\"a\" target=\"b\" sourceport=\"p0\"><data key=\"d7\"/></edge>\n"
        "  </graph>\n</graphml>\n";
    struct warnings ws = { 0 };
    struct vc_diag diag = VC_DIAG_INIT;
    diag.warn = collect_warning;
    diag.ctx = &ws;

    assert_int_equal(read_graphml_string(xml, &g, NULL, &diag, &err), VC_OK);
    assert_int_equal(g.n_nodes, 2);
    assert_int_equal(ws.count, 2); /* one for yfiles keys, one for ports */
    assert_non_null(strstr(ws.first.msg, "yfiles.type"));
    assert_int_equal(ws.first.line, 3);
    assert_non_null(strstr(ws.last.msg, "<port>"));
    assert_int_equal(ws.last.line, 6);
}

static void mapping_renames(void **state)
{
    (void)state;
    const char *xml = HEAD
        "  <key id=\"k\" for=\"edge\" attr.name=\"market_share\" attr.type=\"double\"/>\n"
        "  <key id=\"t\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
        "  <key id=\"o\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n"
        "  <graph><node id=\"a\"><data key=\"t\">actor</data><data key=\"o\">x</data></node>"
        "<node id=\"i\"><data key=\"t\">item</data></node>"
        "<edge source=\"a\" target=\"i\"><data key=\"k\">0.5</data></edge></graph>\n"
        "</graphml>\n";
    struct vc_attrmap map = VC_ATTRMAP_INIT;
    struct vc_import_opts opts = VC_IMPORT_OPTS_INIT;

    assert_int_equal(vc_attrmap_add_spec(&map, "share=market_share", &err), VC_OK);
    assert_int_equal(vc_attrmap_add_spec(&map, "kind=type", &err), VC_OK);
    assert_int_equal(vc_attrmap_add_spec(&map, "oops", &err), VC_EINVAL);
    vc_error_clear(&err);
    opts.map = &map;
    assert_int_equal(read_graphml_string(xml, &g, &opts, NULL, &err), VC_OK);
    assert_non_null(vc_graph_attr(&g, VC_CLASS_EDGE, "share"));
    assert_string_equal(vc_attr_get_string(vc_graph_attr(&g, VC_CLASS_NODE, "kind"), 1), "item");
    assert_string_equal(vc_attr_get_string(vc_graph_attr(&g, VC_CLASS_NODE, "input_kind"), 0),
                        "x");
    vc_attrmap_release(&map);
}

static void lenient_creates_nodes(void **state)
{
    (void)state;
    const char *xml = HEAD "  <graph edgedefault=\"directed\">\n    <node id=\"a\"/>\n"
                      "    <edge source=\"a\" target=\"ghost\"/>\n  </graph>\n</graphml>\n";
    struct vc_import_opts opts = VC_IMPORT_OPTS_INIT;
    struct warnings ws = { 0 };
    struct vc_diag diag = VC_DIAG_INIT;
    diag.warn = collect_warning;
    diag.ctx = &ws;
    opts.lenient = true;

    assert_int_equal(read_graphml_string(xml, &g, &opts, &diag, &err), VC_OK);
    assert_int_equal(g.n_nodes, 2);
    assert_int_equal(ws.count, 1);
    assert_int_equal(ws.first.line, 5);
    assert_int_equal(ws.first.col, 5);
    assert_non_null(strstr(ws.first.msg, "ghost"));
}

static void edges_before_nodes(void **state)
{
    (void)state;
    const char *xml = HEAD "  <graph>\n    <edge source=\"a\" target=\"b\"/>\n"
                      "    <node id=\"b\"/>\n    <node id=\"a\"/>\n  </graph>\n</graphml>\n";
    assert_int_equal(rd(xml), VC_OK);
    assert_int_equal(g.n_nodes, 2);
    assert_int_equal(g.node_line[0], 6); /* the declaration, not the first mention */
}

/*
 * Edge ends are looked up through a queue (longer than the 16 it holds
 * here): nodes still get their indices in the order the file first names
 * them, ids too long to queue and a declaration in between keep that
 * order, and an error on a later edge names its ends.
 */
static void queued_edge_ends(void **state)
{
    (void)state;
    char xml[16384], *p = xml, longid[48];
    size_t k;

    memset(longid, 'L', 40);
    longid[40] = '\0';
    p += sprintf(p, HEAD "<key id=\"w\" for=\"edge\" attr.name=\"weight\" "
                 "attr.type=\"double\"/>\n<graph>\n");
    /* edge i: n<i> -> hub, then (from edge 20) the long id, then a
     * declaration of a node no edge named yet */
    for (int i = 0; i < 40; i++) {
        p += sprintf(p, "<edge source=\"n%d\" target=\"%s\"/>\n", i,
                     i == 20 ? longid : "hub");
        if (i == 30)
            p += sprintf(p, "<node id=\"late\"/>\n");
    }
    for (int i = 0; i < 40; i++)
        p += sprintf(p, "<node id=\"n%d\"/>\n", i);
    p += sprintf(p, "<node id=\"hub\"/><node id=\"%s\"/>\n</graph></graphml>\n", longid);
    assert_int_equal(rd(xml), VC_OK);
    assert_int_equal(g.n_nodes, 43);
    assert_int_equal(g.n_edges, 40);
    /* first named: n0, hub, n1 ... n20, the long id, n21 ... n30, late, ... */
    assert_string_equal(g.node_id[0], "n0");
    assert_string_equal(g.node_id[1], "hub");
    assert_string_equal(g.node_id[21], "n20");
    assert_string_equal(g.node_id[22], longid);
    assert_string_equal(g.node_id[32], "n30");
    assert_string_equal(g.node_id[33], "late");
    assert_string_equal(g.node_id[34], "n31");
    for (k = 0; k < 40; k++) {
        char want[16];
        snprintf(want, sizeof(want), "n%zu", k);
        assert_string_equal(g.node_id[g.edge_from[k]], want);
        assert_string_equal(g.node_id[g.edge_to[k]], k == 20 ? longid : "hub");
    }
    assert_int_equal(g.node_line[33], 36); /* after edge 30, on line 35 */

    vc_graph_release(&g);
    vc_graph_init(&g);
    p = xml;
    p += sprintf(p, HEAD "<key id=\"w\" for=\"edge\" attr.name=\"weight\" "
                 "attr.type=\"double\"/>\n<graph>\n");
    for (int i = 0; i < 30; i++)
        p += sprintf(p, "<edge source=\"p%d\" target=\"q%d\"><data key=\"w\">%s</data></edge>\n",
                     i, i, i == 25 ? "x" : "1");
    sprintf(p, "</graph></graphml>\n");
    expect_error(xml, VC_EPARSE, 30, 33, "edge \"p25\" -> \"q25\": value \"x\" of weight");
}

static void bare_doctype_is_accepted(void **state)
{
    (void)state;
    const char *xml = "<?xml version=\"1.0\"?>\n"
                      "<!DOCTYPE graphml SYSTEM \"http://www.graphdrawing.org/dtds/graphml.dtd\">\n"
                      "<graphml><graph><node id=\"a\"/></graph></graphml>\n";
    assert_int_equal(rd(xml), VC_OK);
    assert_int_equal(g.n_nodes, 1);
}

/* ---- errors: each with its exact position ---- */

static void err_unknown_node(void **state)
{
    (void)state;
    expect_error(HEAD "  <graph>\n    <node id=\"a\"/>\n"
                 "    <edge id=\"e1\" source=\"a\" target=\"n99\"/>\n  </graph>\n</graphml>\n",
                 VC_EINVAL, 5, 5, "edge refers to node \"n99\", which is never declared");
}

static void err_duplicate_node(void **state)
{
    (void)state;
    expect_error(HEAD "  <graph>\n    <node id=\"a\"/>\n      <node id=\"a\"/>\n"
                 "  </graph>\n</graphml>\n",
                 VC_EINVAL, 5, 7, "duplicate node id \"a\" (first declared at line 4)");
}

static void err_bad_value(void **state)
{
    (void)state;
    expect_error(HEAD "  <key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
                 "  <graph><node id=\"a\"/>\n"
                 "    <edge source=\"a\" target=\"a\">  <data key=\"w\">abc</data></edge>\n"
                 "  </graph>\n</graphml>\n",
                 VC_EPARSE, 5, 35, "value \"abc\" of weight (double): not a number");
}

static void err_out_of_range_values(void **state)
{
    (void)state;
    expect_error(HEAD "  <key id=\"w\" for=\"node\" attr.name=\"w\" attr.type=\"double\"/>\n"
                 "  <graph><node id=\"a\"><data key=\"w\">1e999</data></node></graph>\n"
                 "</graphml>\n", VC_EINVAL, 4, 23, "out of range");
    vc_graph_release(&g);
    vc_error_clear(&err);
    expect_error(HEAD "  <key id=\"w\" for=\"node\" attr.name=\"w\" attr.type=\"int\"/>\n"
                 "  <graph><node id=\"a\"><data key=\"w\">2147483648</data></node></graph>\n"
                 "</graphml>\n", VC_EINVAL, 4, 23, "out of range for int");
    vc_graph_release(&g);
    vc_error_clear(&err);
    expect_error(HEAD "  <key id=\"w\" for=\"node\" attr.name=\"w\" attr.type=\"boolean\"/>\n"
                 "  <graph><node id=\"a\"><data key=\"w\">yes</data></node></graph>\n"
                 "</graphml>\n", VC_EPARSE, 4, 23, "not a boolean");
}

static void err_undeclared_key(void **state)
{
    (void)state;
    expect_error(HEAD "  <graph>\n    <node id=\"a\">\n      <data key=\"nope\">1</data>\n"
                 "    </node>\n  </graph>\n</graphml>\n",
                 VC_EINVAL, 5, 7, "<data key=\"nope\"> uses a key that no <key> declares");
}

static void err_bad_attr_type(void **state)
{
    (void)state;
    expect_error(HEAD "  <key id=\"x\" for=\"node\" attr.name=\"x\" attr.type=\"integer\"/>\n"
                 "  <graph/>\n</graphml>\n",
                 VC_EINVAL, 3, 3, "attr.type \"integer\" is not one of boolean");
}

static void err_not_well_formed(void **state)
{
    (void)state;
    expect_error(HEAD "  <graph>\n    <node id=\"a\">\n  </graph>\n</graphml>\n", VC_EPARSE, 5, 11,
                 "not well-formed XML: Opening and ending tag mismatch: node line 4 and graph");
}

/* A nested graph (a yEd group) is read flattened: its nodes and edges join
 * the graph, each node keeping the holder's id in "group"; the holder's own
 * data after its inner graph stays its own; an inner edgedefault holds for
 * the edges inside. */
static void nested_graph_is_flattened(void **state)
{
    (void)state;
    const char *xml = HEAD
        "  <key id=\"k\" for=\"node\" attr.name=\"note\" attr.type=\"string\"/>\n"
        "  <graph edgedefault=\"directed\">\n"
        "    <node id=\"a\">\n"
        "      <graph id=\"a:\" edgedefault=\"undirected\"><data key=\"k\">skipped</data>\n"
        "        <node id=\"a::x\"><graph><node id=\"a::x::y\"/></graph></node>\n"
        "        <node id=\"a::z\"/><edge source=\"a::x\" target=\"a::z\"/>\n"
        "      </graph><data key=\"k\">mine</data>\n"
        "    </node>\n"
        "    <edge source=\"a::x::y\" target=\"a\"/>\n"
        "  </graph>\n</graphml>\n";
    struct warnings ws = { 0 };
    struct vc_diag diag = VC_DIAG_INIT;
    const struct vc_attr *group;
    diag.warn = collect_warning;
    diag.ctx = &ws;

    assert_int_equal(read_graphml_string(xml, &g, NULL, &diag, &err), VC_OK);
    assert_int_equal(g.n_nodes, 4);
    assert_int_equal(g.n_edges, 2);
    assert_string_equal(vc_graph_attr(&g, VC_CLASS_NODE, "note")->values[0].s, "mine");
    assert_false(vc_attr_has(vc_graph_attr(&g, VC_CLASS_NODE, "note"), 1));
    group = vc_graph_attr(&g, VC_CLASS_NODE, "group");
    assert_non_null(group);
    assert_false(vc_attr_has(group, 0));
    assert_string_equal(group->values[1].s, "a");
    assert_string_equal(group->values[2].s, "a::x");
    assert_string_equal(group->values[3].s, "a");
    assert_false(g.edge_directed[0]); /* inside a: undirected */
    assert_true(g.edge_directed[1]);
    assert_int_equal(ws.count, 1);
    assert_non_null(strstr(ws.first.msg, "3 nodes are inside other nodes"));
    assert_int_equal(ws.first.line, 7);
    assert_int_equal(ws.first.col, 9);
}

static void err_graph_in_edge(void **state)
{
    (void)state;
    expect_error(HEAD "  <graph>\n    <node id=\"a\"/><edge source=\"a\" target=\"a\">\n"
                 "      <graph id=\"inner\"/>\n    </edge>\n  </graph>\n</graphml>\n",
                 VC_EUNSUPPORTED, 5, 7, "a <graph> inside an <edge> is not supported");
}

/* A key declared for edges used on a node (yFiles writes such files): a
 * node column of the key's name, with one warning per key. */
static void key_of_another_class(void **state)
{
    (void)state;
    const char *xml = HEAD
        "  <key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\">"
        "<default>2</default></key>\n"
        "  <graph edgedefault=\"directed\">\n"
        "    <node id=\"a\"><data key=\"w\">1.5</data></node>\n"
        "    <node id=\"b\"><data key=\"w\">3</data></node>\n"
        "    <node id=\"c\"/><edge source=\"a\" target=\"b\"/>\n"
        "  </graph>\n</graphml>\n";
    struct warnings ws = { 0 };
    struct vc_diag diag = VC_DIAG_INIT;
    const struct vc_attr *nw, *ew;
    diag.warn = collect_warning;
    diag.ctx = &ws;

    assert_int_equal(read_graphml_string(xml, &g, NULL, &diag, &err), VC_OK);
    nw = vc_graph_attr(&g, VC_CLASS_NODE, "weight");
    ew = vc_graph_attr(&g, VC_CLASS_EDGE, "weight");
    assert_non_null(nw);
    assert_non_null(ew);
    assert_true(nw->values[0].d == 1.5);
    assert_true(nw->values[1].d == 3);
    assert_false(vc_attr_has(nw, 2)); /* the edge key's default is for edges */
    assert_true(ew->values[0].d == 2);
    assert_int_equal(ws.count, 1);
    assert_int_equal(ws.first.line, 5);
    assert_int_equal(ws.first.col, 18);
    assert_non_null(strstr(ws.first.msg, "node \"a\": <data key=\"w\"> uses a key declared for "
                                          "edges only; read as node attribute \"weight\""));
}

static void err_hyperedge(void **state)
{
    (void)state;
    expect_error(HEAD "  <graph>\n    <node id=\"a\"/>\n"
                 "    <hyperedge><endpoint node=\"a\"/></hyperedge>\n  </graph>\n</graphml>\n",
                 VC_EUNSUPPORTED, 5, 5, "hyperedges are not supported");
}

static void err_entity_declaration(void **state)
{
    (void)state;
    expect_error("<?xml version=\"1.0\"?>\n"
                 "<!DOCTYPE graphml [\n  <!ENTITY lol \"lol\">\n]>\n"
                 "<graphml><graph><node id=\"&lol;\"/></graph></graphml>\n",
                 VC_EUNSUPPORTED, 3, 21, "entity declarations are not supported");
}

static void err_wrong_root_and_no_graph(void **state)
{
    (void)state;
    expect_error("<?xml version=\"1.0\"?>\n<gexf/>\n", VC_EPARSE, 2, 1,
                 "not a GraphML file: the root element is <gexf>");
    vc_graph_release(&g);
    vc_error_clear(&err);
    expect_error(HEAD "</graphml>\n", VC_EINVAL, 0, 0, "no <graph> element");
    vc_graph_release(&g);
    vc_error_clear(&err);
    expect_error(HEAD "  <graph/>\n  <graph/>\n</graphml>\n", VC_EUNSUPPORTED, 4, 3,
                 "a second <graph>");
}

static void err_empty_input(void **state)
{
    (void)state;
    expect_error("", VC_EPARSE, 0, 0, "empty input");
}

static void multiline_start_tag_position(void **state)
{
    (void)state;
    expect_error(HEAD "  <graph>\n    <node id=\"a\"/>\n    <edge\n      source=\"a\"\n"
                 "      target=\"zz\"/>\n  </graph>\n</graphml>\n",
                 VC_EINVAL, 5, 5, "\"zz\"");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(typed_attributes, reset, release),
        cmocka_unit_test_setup_teardown(defaults_and_key_forms, reset, release),
        cmocka_unit_test_setup_teardown(multigraph_and_odd_ids, reset, release),
        cmocka_unit_test_setup_teardown(repeated_values_share_a_copy, reset, release),
        cmocka_unit_test_setup_teardown(endpoints_alike, reset, release),
        cmocka_unit_test_setup_teardown(namespaces, reset, release),
        cmocka_unit_test_setup_teardown(yed_extras_warn_once, reset, release),
        cmocka_unit_test_setup_teardown(mapping_renames, reset, release),
        cmocka_unit_test_setup_teardown(lenient_creates_nodes, reset, release),
        cmocka_unit_test_setup_teardown(edges_before_nodes, reset, release),
        cmocka_unit_test_setup_teardown(queued_edge_ends, reset, release),
        cmocka_unit_test_setup_teardown(bare_doctype_is_accepted, reset, release),
        cmocka_unit_test_setup_teardown(err_unknown_node, reset, release),
        cmocka_unit_test_setup_teardown(err_duplicate_node, reset, release),
        cmocka_unit_test_setup_teardown(err_bad_value, reset, release),
        cmocka_unit_test_setup_teardown(err_out_of_range_values, reset, release),
        cmocka_unit_test_setup_teardown(err_undeclared_key, reset, release),
        cmocka_unit_test_setup_teardown(err_bad_attr_type, reset, release),
        cmocka_unit_test_setup_teardown(err_not_well_formed, reset, release),
        cmocka_unit_test_setup_teardown(nested_graph_is_flattened, reset, release),
        cmocka_unit_test_setup_teardown(err_graph_in_edge, reset, release),
        cmocka_unit_test_setup_teardown(key_of_another_class, reset, release),
        cmocka_unit_test_setup_teardown(err_hyperedge, reset, release),
        cmocka_unit_test_setup_teardown(err_entity_declaration, reset, release),
        cmocka_unit_test_setup_teardown(err_wrong_root_and_no_graph, reset, release),
        cmocka_unit_test_setup_teardown(err_empty_input, reset, release),
        cmocka_unit_test_setup_teardown(multiline_start_tag_position, reset, release),
    };
    return cmocka_run_group_tests_name("graphml_read", tests, NULL, NULL);
}
