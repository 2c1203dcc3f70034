/*
 * test_chain.c - reading a graph as a value chain: inference of kinds and
 * relations, share scales, countries, final items, and the errors and
 * warnings with the line of the element concerned.
 */
#include "testutil.h"

#define KEYS \
    "<?xml version=\"1.0\"?>\n" \
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n" \
    "<key id=\"k\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n" \
    "<key id=\"c\" for=\"node\" attr.name=\"country\" attr.type=\"string\"/>\n" \
    "<key id=\"l\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n" \
    "<key id=\"f\" for=\"node\" attr.name=\"final\" attr.type=\"boolean\"/>\n" \
    "<key id=\"v\" for=\"node\" attr.name=\"level\" attr.type=\"string\"/>\n" \
    "<key id=\"r\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>\n" \
    "<key id=\"s\" for=\"edge\" attr.name=\"share\" attr.type=\"double\"/>\n"

static struct vc_graph g;
static struct vc_chain c;
static struct vc_error err;
static struct warnings ws;
static struct vc_diag diag;

static int setup(void **state)
{
    (void)state;
    vc_error_clear(&err);
    memset(&ws, 0, sizeof(ws));
    memset(&diag, 0, sizeof(diag));
    diag.warn = collect_warning;
    diag.ctx = &ws;
    vc_graph_init(&g);
    memset(&c, 0, sizeof(c));
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    vc_chain_release(&c);
    vc_graph_release(&g);
    return 0;
}

static enum vc_status build(const char *xml, const struct vc_chain_opts *opts)
{
    enum vc_status st = read_graphml_string(xml, &g, NULL, &diag, &err);
    if (st != VC_OK)
        return st;
    return vc_chain_build(&g, opts, &c, &diag, &err);
}

static size_t node(const char *id)
{
    size_t k = vc_graph_find_node(&g, id, strlen(id));
    assert_true(k != SIZE_MAX);
    return k;
}

static void inference(void **state)
{
    (void)state;
    /* kinds given only for asml; the rest follows from the relations */
    const char *xml = KEYS "<graph edgedefault=\"directed\">\n"
        "<node id=\"asml\"><data key=\"k\">actor</data><data key=\"c\">NL</data></node>\n"
        "<node id=\"euv\"/>\n<node id=\"litho\"/>\n<node id=\"chip\"/>\n<node id=\"zeiss\">"
        "<data key=\"c\">Germany</data></node>\n"
        "<edge source=\"asml\" target=\"euv\"><data key=\"r\">provides</data>"
        "<data key=\"s\">1</data></edge>\n"
        "<edge source=\"euv\" target=\"litho\"><data key=\"r\">is_type_of</data></edge>\n"
        "<edge source=\"litho\" target=\"chip\"/>\n"
        "<edge source=\"zeiss\" target=\"asml\"/>\n"
        "</graph></graphml>\n";

    assert_int_equal(build(xml, NULL), VC_OK);
    assert_false(c.plain);
    assert_int_equal(c.kind[node("asml")], VC_KIND_ACTOR);
    assert_int_equal(c.kind[node("euv")], VC_KIND_ITEM);
    assert_int_equal(c.kind[node("litho")], VC_KIND_ITEM);
    assert_int_equal(c.kind[node("chip")], VC_KIND_ITEM);
    assert_int_equal(c.kind[node("zeiss")], VC_KIND_ACTOR);
    assert_int_equal(c.relation[1], VC_REL_VARIANT_OF);
    assert_int_equal(c.relation[2], VC_REL_INPUT_OF);  /* item -> item */
    assert_int_equal(c.relation[3], VC_REL_SUPPLIES);  /* actor -> actor */
    assert_string_equal(c.country[node("asml")], "NLD"); /* alpha-2 mapped */
    assert_string_equal(c.country[node("zeiss")], "DEU"); /* a name mapped */
    /* the column itself is normalised for exporters */
    assert_string_equal(vc_attr_get_string(vc_graph_attr(&g, VC_CLASS_NODE, "country"),
                                           node("asml")), "NLD");
    /* no item marked final: the items feeding no other item are final */
    assert_int_equal(c.n_final, 1);
    assert_true(c.final[node("chip")]);
    assert_true(c.share[0] == 1.0);
    assert_true(isnan(c.share[1]));
    assert_true(c.weight[2] == 1.0);
    assert_string_equal(c.label[node("euv")], "euv"); /* no label: the id */
    assert_int_equal(ws.count, 0);
}

static void plain_graph(void **state)
{
    (void)state;
    const char *xml = "<graphml><key id=\"w\" for=\"edge\" attr.name=\"weight\" "
                      "attr.type=\"double\"/><graph><node id=\"a\"/><node id=\"b\"/>"
                      "<edge source=\"a\" target=\"b\"><data key=\"w\">3</data></edge>"
                      "</graph></graphml>";
    assert_int_equal(build(xml, NULL), VC_OK);
    assert_true(c.plain);
    assert_int_equal(c.n_actors, 2);
    assert_int_equal(c.relation[0], VC_REL_SUPPLIES);
    assert_true(c.weight[0] == 3.0);
}

static void marked_final_and_levels(void **state)
{
    (void)state;
    const char *xml = KEYS "<graph edgedefault=\"directed\">\n"
        "<node id=\"i1\"><data key=\"k\">item</data><data key=\"f\">true</data></node>\n"
        "<node id=\"i2\"><data key=\"k\">item</data></node>\n"
        "<node id=\"usa\"><data key=\"k\">country</data><data key=\"v\">country</data></node>\n"
        "<node id=\"v\"><data key=\"k\">actor</data><data key=\"l\">Various companies</data>"
        "</node>\n"
        "<edge source=\"i1\" target=\"i2\"/>\n"
        "</graph></graphml>\n";
    assert_int_equal(build(xml, NULL), VC_OK);
    /* marked items only, even though i2 feeds nothing */
    assert_int_equal(c.n_final, 1);
    assert_true(c.final[node("i1")]);
    assert_int_equal(c.level[node("usa")], VC_LEVEL_COUNTRY);
    assert_int_equal(c.kind[node("usa")], VC_KIND_ACTOR); /* "country" is an actor kind */
    assert_true(c.aggregate[node("v")]);                   /* by its label */
    assert_false(c.aggregate[node("usa")]);
}

/* Items: a self-loop never changes which items are final; on a cycle the
 * items of a terminal strongly connected component are. */
static void final_items_terminal_components(void **state)
{
    (void)state;
    /* a -> b -> c, c -> c (self-loop); d <-> e feeds nothing outside; f -> d */
    const char *xml = KEYS "<graph edgedefault=\"directed\">\n"
        "<node id=\"a\"><data key=\"k\">item</data></node>\n"
        "<node id=\"b\"><data key=\"k\">item</data></node>\n"
        "<node id=\"c\"><data key=\"k\">item</data></node>\n"
        "<node id=\"d\"><data key=\"k\">item</data></node>\n"
        "<node id=\"e\"><data key=\"k\">item</data></node>\n"
        "<node id=\"f\"><data key=\"k\">item</data></node>\n"
        "<node id=\"x\"><data key=\"k\">actor</data></node>\n"
        "<edge source=\"a\" target=\"b\"/>\n<edge source=\"b\" target=\"c\"/>\n"
        "<edge source=\"c\" target=\"c\"/>\n<edge source=\"d\" target=\"e\"/>\n"
        "<edge source=\"e\" target=\"d\"/>\n<edge source=\"f\" target=\"d\"/>\n"
        "<edge source=\"x\" target=\"a\"/>\n"
        "</graph></graphml>\n";
    assert_int_equal(build(xml, NULL), VC_OK);
    assert_int_equal(c.final_rule, VC_FINAL_TERMINAL_ITEMS);
    assert_int_equal(c.n_final, 3);
    assert_true(c.final[node("c")]); /* its self-loop does not make it feed anything */
    assert_true(c.final[node("d")] && c.final[node("e")]); /* the loop that feeds nothing */
    assert_false(c.final[node("a")] || c.final[node("b")] || c.final[node("f")]);
    assert_false(c.final[node("x")]);
}

/* Actors: the marked ones when the chain has no items, else every actor;
 * with items, an actor's mark is not used (and said so). */
static void final_actors(void **state)
{
    (void)state;
    const char *marked = KEYS "<graph edgedefault=\"directed\">\n"
        "<node id=\"a\"><data key=\"f\">true</data></node>\n<node id=\"b\"/>\n"
        "<edge source=\"b\" target=\"a\"/>\n</graph></graphml>\n";
    const char *none = KEYS "<graph edgedefault=\"directed\">\n<node id=\"a\"/>\n<node id=\"b\"/>\n"
        "<edge source=\"b\" target=\"a\"/>\n</graph></graphml>\n";
    const char *mixed = KEYS "<graph edgedefault=\"directed\">\n"
        "<node id=\"a\"><data key=\"f\">true</data><data key=\"k\">actor</data></node>\n"
        "<node id=\"i\"><data key=\"k\">item</data></node>\n"
        "<edge source=\"a\" target=\"i\"/>\n</graph></graphml>\n";

    assert_int_equal(build(marked, NULL), VC_OK);
    assert_int_equal(c.final_rule, VC_FINAL_MARKED_ACTORS);
    assert_int_equal(c.n_final, 1);
    assert_true(c.final[node("a")] && !c.final[node("b")]);
    teardown(state);
    setup(state);
    assert_int_equal(build(none, NULL), VC_OK);
    assert_int_equal(c.final_rule, VC_FINAL_ALL_ACTORS);
    assert_int_equal(c.n_final, 2);
    teardown(state);
    setup(state);
    assert_int_equal(build(mixed, NULL), VC_OK);
    assert_int_equal(c.final_rule, VC_FINAL_TERMINAL_ITEMS);
    assert_true(c.final[node("i")] && !c.final[node("a")]);
    assert_int_equal(ws.count, 1);
    assert_non_null(strstr(ws.first.msg, "1 actor is marked final, but the chain has items"));
    teardown(state);
    setup(state);
    assert_int_equal(build("<graphml><graph/></graphml>", NULL), VC_OK);
    assert_int_equal(c.final_rule, VC_FINAL_NONE);
    assert_int_equal(c.n_final, 0);
}

static void percent_shares(void **state)
{
    (void)state;
    const char *xml = KEYS
        "<key id=\"u\" for=\"graph\" attr.name=\"share_unit\" attr.type=\"string\"/>\n"
        "<graph><data key=\"u\">percent</data>\n"
        "<node id=\"a\"><data key=\"k\">actor</data></node><node id=\"i\">"
        "<data key=\"k\">item</data></node>\n"
        "<edge source=\"a\" target=\"i\"><data key=\"s\">61</data></edge>\n"
        "</graph></graphml>\n";
    struct vc_attr *share;

    assert_int_equal(build(xml, NULL), VC_OK);
    assert_double_near(c.share[0], 0.61, 1e-15);
    share = vc_graph_attr(&g, VC_CLASS_EDGE, "share");
    assert_double_near(vc_attr_get_double(share, 0), 0.61, 1e-15); /* rewritten */
    assert_string_equal(vc_attr_get_string(vc_graph_attr(&g, VC_CLASS_GRAPH, "share_unit"), 0),
                        "fraction");
}

static void share_errors_name_the_edge(void **state)
{
    (void)state;
    const char *xml = KEYS "<graph edgedefault=\"directed\">\n"
        "<node id=\"a\"><data key=\"k\">actor</data></node>\n"
        "<node id=\"i\"><data key=\"k\">item</data></node>\n"
        "  <edge id=\"e7\" source=\"a\" target=\"i\"><data key=\"s\">1.5</data></edge>\n"
        "</graph></graphml>\n";
    assert_int_equal(build(xml, NULL), VC_EINVAL);
    assert_int_equal(err.line, 13);
    assert_int_equal(err.col, 3);
    assert_non_null(strstr(err.msg, "edge \"e7\": share 1.5 is above 1"));
    assert_non_null(strstr(err.msg, "--share-scale percent"));
}

static void negative_share(void **state)
{
    (void)state;
    const char *xml = KEYS "<graph edgedefault=\"directed\">\n"
        "<node id=\"a\"/><node id=\"i\"><data key=\"k\">item</data></node>\n"
        "<edge source=\"a\" target=\"i\"><data key=\"s\">-0.1</data></edge>\n"
        "</graph></graphml>\n";
    assert_int_equal(build(xml, NULL), VC_EINVAL);
    assert_int_equal(err.line, 12);
    assert_non_null(strstr(err.msg, "share -0.1 is outside [0,1]"));
}

static void wrong_kinds_for_relation(void **state)
{
    (void)state;
    const char *xml = KEYS "<graph edgedefault=\"directed\">\n"
        "<node id=\"i\"><data key=\"k\">item</data></node>\n"
        "<node id=\"j\"><data key=\"k\">item</data></node>\n"
        "<edge source=\"i\" target=\"j\"><data key=\"r\">provides</data></edge>\n"
        "</graph></graphml>\n";
    assert_int_equal(build(xml, NULL), VC_EINVAL);
    assert_int_equal(err.line, 13);
    assert_non_null(strstr(err.msg, "relation provides goes from an actor to an item, "
                                    "but \"i\" is an item"));
}

static void warnings_and_strict(void **state)
{
    (void)state;
    const char *xml = KEYS "<graph edgedefault=\"directed\">\n"
        "<node id=\"a\"><data key=\"k\">actor</data><data key=\"c\">Atlantis</data></node>\n"
        "<node id=\"b\"><data key=\"k\">actor</data><data key=\"c\">Atlantis</data></node>\n"
        "<node id=\"x\"><data key=\"k\">widget</data></node>\n"
        "<node id=\"i\"><data key=\"k\">item</data></node>\n"
        "<edge source=\"a\" target=\"i\"><data key=\"s\">0.7</data></edge>\n"
        "<edge source=\"b\" target=\"i\"><data key=\"s\">0.6</data></edge>\n"
        "</graph></graphml>\n";

    assert_int_equal(build(xml, NULL), VC_OK);
    /* unknown kind, unknown country (once for two nodes), 130 % coverage */
    assert_int_equal(ws.count, 3);
    assert_non_null(strstr(ws.first.msg, "unknown kind \"widget\""));
    assert_int_equal(ws.first.line, 13);
    assert_non_null(strstr(ws.last.msg, "firm-level shares add up to 130.0 %"));
    assert_int_equal(ws.last.line, 14);
    assert_int_equal(c.kind[node("x")], VC_KIND_OTHER);
    vc_chain_release(&c);
    vc_graph_release(&g);

    diag.strict = 1;
    assert_int_equal(build(xml, NULL), VC_EINVAL);
    assert_non_null(strstr(err.msg, "an error under --strict"));
}

static void country_codes(void **state)
{
    (void)state;
    assert_string_equal(vc_country_alpha3("NLD"), "NLD");
    assert_string_equal(vc_country_alpha3("nl"), "NLD");
    assert_string_equal(vc_country_alpha3("Netherlands"), "NLD");
    assert_string_equal(vc_country_alpha3("South Korea"), "KOR");
    assert_string_equal(vc_country_alpha3("Korea, Republic of"), "KOR");
    assert_string_equal(vc_country_alpha3("TW"), "TWN");
    assert_null(vc_country_alpha3("EU"));
    assert_null(vc_country_alpha3(""));
    assert_string_equal(vc_country_name("USA"), "United States");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(inference, setup, teardown),
        cmocka_unit_test_setup_teardown(plain_graph, setup, teardown),
        cmocka_unit_test_setup_teardown(marked_final_and_levels, setup, teardown),
        cmocka_unit_test_setup_teardown(final_items_terminal_components, setup, teardown),
        cmocka_unit_test_setup_teardown(final_actors, setup, teardown),
        cmocka_unit_test_setup_teardown(percent_shares, setup, teardown),
        cmocka_unit_test_setup_teardown(share_errors_name_the_edge, setup, teardown),
        cmocka_unit_test_setup_teardown(negative_share, setup, teardown),
        cmocka_unit_test_setup_teardown(wrong_kinds_for_relation, setup, teardown),
        cmocka_unit_test_setup_teardown(warnings_and_strict, setup, teardown),
        cmocka_unit_test(country_codes),
    };
    return cmocka_run_group_tests_name("chain", tests, NULL, NULL);
}
