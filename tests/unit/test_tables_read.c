/*
 * test_tables_read.c - the CSV tables importer: hand-written folders with
 * exact nodes, edges, attributes and lines; one test per refusal with its
 * file:line; and the three ETO Chip Explorer releases in ../shared.
 */
#include "testutil.h"

#include <unistd.h>

#include "vchain/summary.h"

static struct vc_graph g;
static struct vc_chain c;
static bool have_chain;
static struct vc_error err;
static struct warnings ws;
static struct vc_diag diag;
static char tmpdir[256];

static int reset(void **state)
{
    (void)state;
    vc_error_clear(&err);
    memset(&ws, 0, sizeof(ws));
    memset(&diag, 0, sizeof(diag));
    diag.warn = collect_warning;
    diag.ctx = &ws;
    vc_graph_init(&g);
    have_chain = false;
    tmpdir[0] = '\0';
    return 0;
}

static int release(void **state)
{
    (void)state;
    if (have_chain)
        vc_chain_release(&c);
    vc_graph_release(&g);
    if (tmpdir[0]) {
        char cmd[300];
        snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
        assert_int_equal(system(cmd), 0);
    }
    return 0;
}

static const char *fixture(const char *name, char *buf, size_t size)
{
    char rel[128];
    snprintf(rel, sizeof(rel), "tests/data/tables/%s", name);
    return src_path(rel, buf, size);
}

/* Reads a folder and interprets it (as every command does). */
static enum vc_status load(const char *dir)
{
    struct vc_load_opts opts = VC_LOAD_OPTS_INIT;
    enum vc_status st = vc_load(dir, &opts, &g, &c, &diag, &err);
    have_chain = st == VC_OK;
    if (st != VC_OK)
        vc_graph_init(&g);
    return st;
}

static size_t node(const char *id)
{
    size_t k = vc_graph_find_node(&g, id, strlen(id));
    if (k == SIZE_MAX)
        print_error("no node %s\n", id);
    assert_true(k != SIZE_MAX);
    return k;
}

static const char *nstr(const char *attr, const char *id)
{
    return vc_attr_get_string(vc_graph_attr(&g, VC_CLASS_NODE, attr), node(id));
}

/* The edge from -> to with relation rel, or SIZE_MAX. */
static size_t find_edge(const char *from, const char *to, const char *rel)
{
    size_t u = vc_graph_find_node(&g, from, strlen(from));
    size_t v = vc_graph_find_node(&g, to, strlen(to));
    struct vc_attr *r = vc_graph_attr(&g, VC_CLASS_EDGE, "relation");
    for (size_t e = 0; e < g.n_edges; e++)
        if (g.edge_from[e] == u && g.edge_to[e] == v &&
            strcmp(vc_attr_get_string(r, e), rel) == 0)
            return e;
    return SIZE_MAX;
}

static size_t edge(const char *from, const char *to, const char *rel)
{
    size_t e = find_edge(from, to, rel);
    if (e == SIZE_MAX)
        print_error("no edge %s -%s-> %s\n", from, rel, to);
    assert_true(e != SIZE_MAX);
    return e;
}

static bool ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), m = strlen(tail);
    return n >= m && strcmp(s + n - m, tail) == 0;
}

static void expect_error(enum vc_status st, const char *file_tail, long line, long col,
                         const char *needle)
{
    if (err.code != st || !ends_with(err.path, file_tail) || err.line != line ||
        err.col != col || !strstr(err.msg, needle))
        print_error("got %d %s:%ld:%ld: %s\n", err.code, err.path, err.line, err.col, err.msg);
    assert_int_equal(err.code, st);
    assert_true(ends_with(err.path, file_tail));
    assert_int_equal(err.line, line);
    assert_int_equal(err.col, col);
    assert_non_null(strstr(err.msg, needle));
    assert_int_equal(g.n_nodes, 0); /* nothing to release after a failure */
}

/* ---- a scratch folder of tables written by the test ---- */

static void make_tmpdir(void)
{
    snprintf(tmpdir, sizeof(tmpdir), "/tmp/vchain-tables-XXXXXX");
    assert_non_null(mkdtemp(tmpdir));
}

static void put(const char *name, const char *text)
{
    char path[400];
    FILE *f;
    snprintf(path, sizeof(path), "%s/%s", tmpdir, name);
    f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
    assert_int_equal(fclose(f), 0);
}

#define PROVIDERS "provider_id,provider_name,provider_type,country\n" \
                  "A,Alpha,organization,NLD\nB,Beta,organization,JPN\n" \
                  "C,NLD,country,\n"
#define INPUTS "input_id,input_name,type\nX,Widget,tool_resource\nY,Gadget,ultimate_output\n"
#define PROVISION "provider_id,provided_id,share_provided\nA,X,60\nB,X,40\nC,X,60\n"

static void scratch(const char *providers, const char *inputs, const char *provision)
{
    make_tmpdir();
    if (providers)
        put("providers.csv", providers);
    if (inputs)
        put("inputs.csv", inputs);
    if (provision)
        put("provision.csv", provision);
}

/* ---- hand-written fixtures ---- */

static void basic_folder(void **state)
{
    (void)state;
    char dir[512];
    struct vc_import_opts io = VC_IMPORT_OPTS_INIT;
    struct vc_summary s;
    size_t e;

    fixture("basic", dir, sizeof(dir));
    assert_int_equal(vc_tables_read(&g, dir, &io, &diag, &err), VC_OK);
    assert_int_equal(ws.count, 0);
    assert_string_equal(g.source, dir);
    assert_int_equal(g.n_nodes, 2 + 6 + 8); /* stages, items, providers (P2 twice) */
    /* provides 10; input_of: 3 rows + 2 stage links + S1->S2 + S2->N9; variant_of 2 */
    assert_int_equal(g.n_edges, 10 + 7 + 2);
    assert_string_equal(vc_attr_get_string(vc_graph_attr(&g, VC_CLASS_GRAPH, "share_unit"), 0),
                        "percent");
    /* shares as written until the chain is built */
    e = edge("P1", "N4", "provides");
    assert_double_near(vc_attr_get_double(vc_graph_attr(&g, VC_CLASS_EDGE, "share"), e), 61.0,
                       1e-12);
    vc_graph_release(&g);

    assert_int_equal(load(dir), VC_OK);
    assert_int_equal(ws.count, 0);

    /* quoted commas, doubled quotes and line breaks survive */
    assert_string_equal(nstr("label", "N2"), "Lithography tools, all kinds");
    assert_string_equal(nstr("description", "N2"), "Tools that print patterns (\"scanners\")");
    assert_string_equal(nstr("description", "N5"), "Two\nlines");
    assert_string_equal(nstr("label", "P2"), "Nikon, Corp.");
    assert_string_equal(nstr("alias", "P2"), "Nikon Precision");
    assert_string_equal(nstr("category", "N3"), "tool_resource");
    assert_string_equal(nstr("category", "S1"), "stage");
    assert_string_equal(nstr("stage", "S2"), "Fabrication");

    /* lines and files: a record's first line, CRLF counted once */
    assert_int_equal(g.node_line[node("N5")], 6);
    assert_int_equal(g.node_line[node("N9")], 9); /* N5 spans lines 6-8 */
    assert_true(ends_with(vc_graph_file(&g, VC_CLASS_NODE, node("N9")), "basic/inputs.csv"));
    assert_int_equal(g.node_line[node("P2")], 3);
    assert_true(ends_with(vc_graph_file(&g, VC_CLASS_NODE, node("P2")), "providers.csv"));
    assert_int_equal(g.node_line[node("S2")], 3);
    e = edge("P8", "S2", "provides");
    assert_int_equal(g.edge_line[e], 10);
    assert_true(ends_with(vc_graph_file(&g, VC_CLASS_EDGE, e), "basic/provision.csv"));

    /* kinds, levels, countries, aggregates */
    assert_int_equal(c.kind[node("N1")], VC_KIND_ITEM);
    assert_int_equal(c.kind[node("S1")], VC_KIND_ITEM);
    assert_int_equal(c.kind[node("P1")], VC_KIND_ACTOR);
    assert_int_equal(c.level[node("P1")], VC_LEVEL_FIRM);
    assert_int_equal(c.level[node("P3")], VC_LEVEL_COUNTRY);
    assert_string_equal(c.country[node("P1")], "NLD");
    assert_string_equal(c.country[node("P3")], "NLD"); /* a country row's own code */
    assert_string_equal(c.country[node("P8")], "TWN");
    assert_true(c.aggregate[node("P5")]);
    assert_null(c.country[node("P5")]);
    assert_true(c.aggregate[node("P6")]);
    assert_null(c.country[node("P6")]);
    assert_false(c.aggregate[node("P1")]);

    /* shares as fractions; blank = unknown */
    assert_double_near(c.share[edge("P1", "N3", "provides")], 1.0, 1e-12);
    assert_double_near(c.share[edge("P1", "N4", "provides")], 0.61, 1e-12);
    assert_double_near(c.share[edge("P3", "N3", "provides")], 1.0, 1e-12); /* "100 %" */
    assert_true(isnan(c.share[edge("P2", "N4", "provides")]));
    e = edge("P1", "N3", "provides");
    assert_int_equal(vc_attr_get_double(vc_graph_attr(&g, VC_CLASS_EDGE, "year"), e), 2025);
    assert_string_equal(vc_attr_get_string(vc_graph_attr(&g, VC_CLASS_EDGE, "citation"), e),
                        "Company report, 2025");

    /* values: a value column, else the market size text, in USD billion */
    assert_double_near(c.value[node("N2")], 32.6, 1e-12);
    assert_double_near(c.value[node("N3")], 13.0, 1e-12);
    assert_double_near(c.value[node("N4")], 0.508, 1e-12);
    assert_true(isnan(c.value[node("N1")]));

    /* relations, the stage chain and the final item */
    edge("N3", "N2", "variant_of");
    edge("N4", "N2", "variant_of");
    edge("N2", "N5", "input_of");
    edge("N1", "S1", "input_of");
    edge("N5", "S2", "input_of");
    edge("S1", "S2", "input_of");
    e = edge("S2", "N9", "input_of");
    assert_true(ends_with(vc_graph_file(&g, VC_CLASS_EDGE, e), "stages.csv"));
    assert_int_equal(g.edge_line[e], 3);
    assert_int_equal(c.n_final, 1);
    assert_true(c.final[node("N9")]);

    assert_int_equal(vc_summary_compute(&c, 0.005, &s, &err), VC_OK);
    assert_int_equal(s.actors_by_level[VC_LEVEL_FIRM], 4);
    assert_int_equal(s.actors_by_level[VC_LEVEL_COUNTRY], 4);
    assert_int_equal(s.aggregates, 2);
    assert_int_equal(s.provides_unknown_share, 1);
    assert_int_equal(s.final_items, 1);
    assert_true(s.acyclic);
    assert_int_equal(s.components, 1);
    vc_summary_release(&s);
}

static void fractions_folder(void **state)
{
    (void)state;
    char dir[512];

    assert_int_equal(load(fixture("fractions", dir, sizeof(dir))), VC_OK);
    assert_int_equal(ws.count, 0);
    assert_int_equal(g.n_nodes, 5);
    assert_int_equal(g.n_edges, 4);
    assert_double_near(c.share[edge("A", "X", "provides")], 0.5, 1e-12);
    assert_double_near(c.share[edge("B", "X", "provides")], 0.25, 1e-12);
    assert_true(isnan(c.share[edge("A", "Y", "provides")]));
    assert_string_equal(c.country[node("A")], "DEU"); /* alpha-2 mapped */
    assert_true(c.aggregate[node("R")]);               /* aggregate column */
    assert_double_near(c.value[node("X")], 2.5, 1e-12);
    assert_true(c.final[node("X")]); /* the final column */
    assert_false(c.final[node("Y")]);
    assert_int_equal(c.n_final, 1);
}

static void unknown_provider(void **state)
{
    (void)state;
    char dir[512];
    assert_int_equal(load(fixture("bad-unknown-provider", dir, sizeof(dir))), VC_EINVAL);
    expect_error(VC_EINVAL, "bad-unknown-provider/provision.csv", 3, 0,
                 "provider_id \"P99\" is not in providers.csv");
}

static void broken_quote(void **state)
{
    (void)state;
    char dir[512];
    assert_int_equal(load(fixture("bad-quote", dir, sizeof(dir))), VC_EPARSE);
    expect_error(VC_EPARSE, "bad-quote/inputs.csv", 3, 4, "never closed");
}

/* ---- refusals and warnings on scratch folders ---- */

static void missing_file(void **state)
{
    (void)state;
    scratch(PROVIDERS, NULL, PROVISION);
    assert_int_equal(load(tmpdir), VC_EINVAL);
    expect_error(VC_EINVAL, tmpdir, 0, 0, "inputs.csv is missing");
}

static void missing_item_warned_and_dropped(void **state)
{
    (void)state;
    scratch(PROVIDERS, INPUTS,
            "provider_id,provided_id,share_provided\nA,X,60\nB,Z,40\nB,X,40\nC,Z,\n");
    assert_int_equal(load(tmpdir), VC_OK);
    assert_int_equal(ws.count, 1);
    assert_true(ends_with(ws.first.path, "/provision.csv"));
    assert_int_equal(ws.first.line, 3);
    assert_non_null(strstr(ws.first.msg, "item \"Z\" is named by 2 provision rows but is not "
                                          "in inputs.csv"));
    assert_int_equal(g.n_edges, 2);
}

static void missing_item_strict(void **state)
{
    (void)state;
    scratch(PROVIDERS, INPUTS, "provider_id,provided_id,share_provided\nA,Z,60\n");
    diag.strict = 1;
    assert_int_equal(load(tmpdir), VC_EINVAL);
    expect_error(VC_EINVAL, "/provision.csv", 2, 0, "an error under --strict");
}

static void bad_share(void **state)
{
    (void)state;
    scratch(PROVIDERS, INPUTS, "provider_id,provided_id,share_provided\nA,X,60\nB,X,abc\n");
    assert_int_equal(load(tmpdir), VC_EPARSE);
    expect_error(VC_EPARSE, "/provision.csv", 3, 0, "share \"abc\" is not a number");
}

static void negative_share(void **state)
{
    (void)state;
    scratch(PROVIDERS, INPUTS, "provider_id,provided_id,share_provided\nA,X,-5%\n");
    assert_int_equal(load(tmpdir), VC_EINVAL);
    expect_error(VC_EINVAL, "/provision.csv", 2, 0, "negative");
}

static void share_above_100_percent(void **state)
{
    (void)state;
    /* the value-chain check names the provision row */
    scratch(PROVIDERS, INPUTS, "provider_id,provided_id,share_provided\nA,X,60\nB,X,140\n");
    assert_int_equal(load(tmpdir), VC_EINVAL);
    expect_error(VC_EINVAL, "/provision.csv", 3, 0, "outside [0,1]");
}

static void mixed_percent_signs(void **state)
{
    (void)state;
    scratch(PROVIDERS, INPUTS, "provider_id,provided_id,share_provided\nA,X,60%\nB,X,0.5\n");
    assert_int_equal(load(tmpdir), VC_OK);
    assert_int_equal(ws.count, 1);
    assert_non_null(strstr(ws.first.msg, "1 of 2 shares are written with %"));
    assert_double_near(c.share[edge("B", "X", "provides")], 0.005, 1e-12);
}

static void conflicting_provider_rows(void **state)
{
    (void)state;
    scratch(PROVIDERS "A,Alpha,organization,USA\n", INPUTS, PROVISION);
    assert_int_equal(load(tmpdir), VC_EINVAL);
    expect_error(VC_EINVAL, "/providers.csv", 5, 0,
                 "provider_id \"A\" is defined already (line 2) with another name");
}

static void duplicate_item(void **state)
{
    (void)state;
    scratch(PROVIDERS, INPUTS "X,Again,tool_resource\n", PROVISION);
    assert_int_equal(load(tmpdir), VC_EINVAL);
    expect_error(VC_EINVAL, "/inputs.csv", 4, 0, "id \"X\" is already defined");
    assert_non_null(strstr(err.msg, "inputs.csv:2)"));
}

static void duplicate_provision_row(void **state)
{
    (void)state;
    scratch(PROVIDERS, INPUTS, PROVISION "A,X,60\n");
    assert_int_equal(load(tmpdir), VC_OK);
    assert_int_equal(ws.count, 1);
    assert_int_equal(ws.first.line, 5);
    assert_non_null(strstr(ws.first.msg, "paired already at line 2"));
    assert_int_equal(g.n_edges, 3);
}

static void missing_column(void **state)
{
    (void)state;
    scratch("id,name\nA,Alpha\n", INPUTS, PROVISION);
    assert_int_equal(load(tmpdir), VC_EINVAL);
    expect_error(VC_EINVAL, "/providers.csv", 1, 0,
                 "no column \"provider_id\" in the header (it has: id, name)");
}

static void unknown_stage(void **state)
{
    (void)state;
    scratch(PROVIDERS, "input_id,stage_id\nX,S1\nY,S7\n", PROVISION);
    put("stages.csv", "stage_id,stage_name\nS1,Design\n");
    assert_int_equal(load(tmpdir), VC_EINVAL);
    expect_error(VC_EINVAL, "/inputs.csv", 3, 0, "stage_id \"S7\" is not in stages.csv");
}

static void unknown_sequence_item(void **state)
{
    (void)state;
    scratch(PROVIDERS, INPUTS, PROVISION);
    put("sequence.csv", "input_id,goes_into_id,is_type_of_id\nX,Y,\nX,,Q\n");
    assert_int_equal(load(tmpdir), VC_EINVAL);
    expect_error(VC_EINVAL, "/sequence.csv", 3, 0, "is_type_of_id \"Q\" is not in inputs.csv");
}

static void lenient_drops_unknown_ids(void **state)
{
    (void)state;
    struct vc_load_opts opts = VC_LOAD_OPTS_INIT;
    scratch(PROVIDERS, INPUTS, PROVISION "Q,X,5\n");
    opts.import.lenient = true;
    assert_int_equal(vc_load(tmpdir, &opts, &g, &c, &diag, &err), VC_OK);
    have_chain = true;
    assert_int_equal(ws.count, 1);
    assert_non_null(strstr(ws.first.msg, "provider_id \"Q\" is not in providers.csv; row "
                                         "dropped"));
    assert_int_equal(g.n_edges, 3);
}

static void mapped_column(void **state)
{
    (void)state;
    struct vc_load_opts opts = VC_LOAD_OPTS_INIT;
    struct vc_attrmap map = VC_ATTRMAP_INIT;
    scratch(PROVIDERS, INPUTS, "provider_id,provided_id,pct\nA,X,0.6\n");
    assert_int_equal(vc_attrmap_add_spec(&map, "share_provided=pct", &err), VC_OK);
    opts.import.map = &map;
    assert_int_equal(vc_load(tmpdir, &opts, &g, &c, &diag, &err), VC_OK);
    have_chain = true;
    vc_attrmap_release(&map);
    assert_double_near(c.share[edge("A", "X", "provides")], 0.6, 1e-12);
}

static void legacy_charset_file(void **state)
{
    (void)state;
    scratch(PROVIDERS "D,M\xFCller \x96 Werke,organization,DEU\n", INPUTS, PROVISION);
    assert_int_equal(load(tmpdir), VC_OK);
    assert_int_equal(ws.count, 1);
    assert_int_equal(ws.first.line, 5);
    assert_int_equal(ws.first.col, 4);
    assert_non_null(strstr(ws.first.msg, "not UTF-8 (2 bytes, the first 0xFC); read as "
                                         "Windows-1252"));
    assert_string_equal(nstr("label", "D"), "M\xC3\xBCller \xE2\x80\x93 Werke");
}

static void ragged_row(void **state)
{
    (void)state;
    scratch(PROVIDERS "D,Delta\n", INPUTS, PROVISION);
    assert_int_equal(load(tmpdir), VC_EPARSE);
    expect_error(VC_EPARSE, "/providers.csv", 5, 0, "record has 2 fields; the header has 4");
}

static void market_sizes(void **state)
{
    (void)state;
    scratch(PROVIDERS,
            "input_id,market_share_chart_global_market_size_info\n"
            "X,\"$1,234.5 million (2024)\"\nY,$2 trillion\nZ,$53.40 (2019)\n"
            "W,US$ 7.5 bn\nV,about $3 billion\nU,$0.4 million (2025)\n",
            "provider_id,provided_id,share_provided\nA,X,1\n");
    assert_int_equal(load(tmpdir), VC_OK);
    assert_double_near(c.value[node("X")], 1.2345, 1e-12);
    assert_double_near(c.value[node("Y")], 2000.0, 1e-12);
    assert_true(isnan(c.value[node("Z")])); /* no unit: no scale */
    assert_double_near(c.value[node("W")], 7.5, 1e-12);
    assert_true(isnan(c.value[node("V")]));
    assert_double_near(c.value[node("U")], 0.0004, 1e-15);
}

/* ---- the ETO Chip Explorer releases ---- */

static const char *eto(const char *release, char *buf, size_t size)
{
    char rel[128];
    snprintf(rel, sizeof(rel), "eto-chip-explorer%s%s", *release ? "/history/" : "", release);
    return shared_path(rel, buf, size);
}

static bool warned(const char *needle, struct vc_error *all, int n)
{
    for (int i = 0; i < n; i++)
        if (strstr(all[i].msg, needle))
            return true;
    return false;
}

/* Every warning, for the tests that check which ones a release gives. */
static struct vc_error seen[64];
static int n_seen;

static void keep_warning(void *ctx, const struct vc_error *w)
{
    (void)ctx;
    if (n_seen < 64)
        seen[n_seen] = *w;
    n_seen++;
}

static void eto_current(void **state)
{
    (void)state;
    char dir[512];
    struct vc_summary s;

    if (!eto("", dir, sizeof(dir)))
        skip();
    n_seen = 0;
    diag.warn = keep_warning;
    assert_int_equal(load(dir), VC_OK);

    assert_int_equal(vc_summary_compute(&c, 0.005, &s, &err), VC_OK);
    /* 126 items in inputs.csv + 3 stages; 403 provider rows = 396 ids (alias rows) */
    assert_int_equal(s.kinds[VC_KIND_ITEM], 129);
    assert_int_equal(s.kinds[VC_KIND_ACTOR], 396);
    assert_int_equal(s.actors_by_level[VC_LEVEL_FIRM], 373);
    assert_int_equal(s.actors_by_level[VC_LEVEL_COUNTRY], 23);
    assert_int_equal(s.aggregates, 2);
    assert_int_equal(s.relations[VC_REL_PROVIDES], 1300);
    assert_int_equal(s.provides_unknown_share, 246);
    assert_int_equal(s.final_items, 1);
    /* 53 goes_into rows + 11 stage links + S1->S2->S3->N99; 86 is_type_of rows */
    assert_int_equal(s.relations[VC_REL_INPUT_OF], 67);
    assert_int_equal(s.relations[VC_REL_VARIANT_OF], 86);
    /* cross-checked with networkx: one chain plus 94 providers without provision rows */
    assert_int_equal(s.components, 95);
    assert_true(s.acyclic);
    assert_int_equal(s.n_coverage_issues, 4);
    vc_summary_release(&s);

    /* the warnings, each explained in docs/formats.md */
    assert_int_equal(n_seen, 5);
    assert_true(warned("country \"EUR\" is not an ISO 3166-1 code", seen, 5));
    assert_true(warned("item \"S1\": country-level shares add up to 101.0 %", seen, 5));
    assert_true(warned("item \"S2\": country-level shares add up to 101.0 %", seen, 5));
    assert_true(warned("item \"N6\": country-level shares add up to 101.0 %", seen, 5));
    assert_true(warned("item \"N84\": country-level shares add up to 102.0 %", seen, 5));

    assert_true(c.final[node("N99")]);
    assert_string_equal(c.label[node("N99")], "Finished logic chip");
    edge("N25", "S2", "input_of"); /* photolithography belongs to fabrication */
    edge("N0", "S1", "input_of");
    edge("S1", "S2", "input_of");
    edge("S2", "S3", "input_of");
    edge("S3", "N99", "input_of");
    edge("N20", "N19", "variant_of");
    edge("N19", "N25", "input_of");
    assert_true(c.level[node("P45")] == VC_LEVEL_COUNTRY);
    assert_string_equal(c.country[node("P45")], "NLD");
    assert_string_equal(c.label[node("P88")], "ASML");
    assert_string_equal(c.country[node("P88")], "NLD");
    /* MODEL.md section 8 */
    assert_double_near(c.share[edge("P88", "N20", "provides")], 1.0, 1e-12);
    assert_double_near(c.share[edge("P88", "N22", "provides")], 0.993, 1e-12);
    assert_double_near(c.share[edge("P88", "N21", "provides")], 0.944, 1e-12);
    assert_double_near(c.share[edge("P88", "N105", "provides")], 0.66, 1e-12);
    assert_double_near(c.share[edge("P159", "N105", "provides")], 0.31, 1e-12);
    assert_double_near(c.value[node("N20")], 13.0, 1e-12);
    assert_double_near(c.value[node("N21")], 0.508, 1e-12);
}

static void eto_release_2025_07(void **state)
{
    (void)state;
    char dir[512];
    struct vc_summary s;

    if (!eto("release-2025-07", dir, sizeof(dir)))
        skip();
    n_seen = 0;
    diag.warn = keep_warning;
    assert_int_equal(load(dir), VC_OK);
    assert_true(warned("item \"N68\" is named by 8 provision rows but is not in inputs.csv",
                       seen, n_seen < 64 ? n_seen : 64));
    assert_int_equal(vc_summary_compute(&c, 0.005, &s, &err), VC_OK);
    assert_int_equal(s.kinds[VC_KIND_ITEM], 129);
    assert_int_equal(s.relations[VC_REL_PROVIDES], 1297); /* 1305 rows less 8 for N68 */
    assert_int_equal(s.final_items, 1);
    vc_summary_release(&s);
    assert_double_near(c.share[edge("P88", "N105", "provides")], 0.792, 1e-12);
    assert_double_near(c.share[edge("P159", "N105", "provides")], 0.174, 1e-12);
    assert_double_near(c.share[edge("P88", "N20", "provides")], 1.0, 1e-12);
}

static void eto_release_2022_09(void **state)
{
    (void)state;
    char dir[512];
    struct vc_summary s;

    if (!eto("release-2022-09", dir, sizeof(dir)))
        skip();
    n_seen = 0;
    diag.warn = keep_warning;
    assert_int_equal(load(dir), VC_OK);
    /* Mac OS Roman descriptions, the twice-listed Powertech row, "MAL" */
    assert_true(warned("not UTF-8 (24 bytes, the first 0xD2); read as Mac OS Roman", seen,
                       n_seen < 64 ? n_seen : 64));
    assert_true(warned("provider \"P57\" and item \"S3\" are paired already at line 54", seen,
                       n_seen < 64 ? n_seen : 64));
    assert_int_equal(vc_summary_compute(&c, 0.005, &s, &err), VC_OK);
    assert_int_equal(s.kinds[VC_KIND_ITEM], 82);
    assert_int_equal(s.actors_by_level[VC_LEVEL_COUNTRY], 20);
    assert_int_equal(s.relations[VC_REL_PROVIDES], 659); /* 660 rows, one twice */
    assert_int_equal(s.final_items, 1);
    vc_summary_release(&s);
    /* "100%" strings */
    assert_double_near(c.share[edge("P88", "N20", "provides")], 1.0, 1e-12);
    assert_double_near(c.share[edge("P88", "N22", "provides")], 0.91, 1e-12);
    assert_non_null(strstr(nstr("description", "N8"), "wafers\xE2\x80\x94thin"));
    assert_true(vc_attr_get_double(vc_graph_attr(&g, VC_CLASS_EDGE, "negligible"),
                                   edge("P12", "N2", "provides")) == 1.0);
}

/* Item ids line up across releases (ids are stable, labels may change). */
static void eto_ids_line_up(void **state)
{
    (void)state;
    static const char *const releases[3] = { "", "release-2025-07", "release-2022-09" };
    struct vc_graph r[3];
    char dir[512];
    size_t common = 0, items2022 = 0;

    for (int i = 0; i < 3; i++)
        if (!eto(releases[i], dir, sizeof(dir)))
            skip();
    for (int i = 0; i < 3; i++) {
        eto(releases[i], dir, sizeof(dir));
        assert_int_equal(vc_tables_read(&r[i], dir, NULL, NULL, &err), VC_OK);
    }
    /* every item of the current release is in July 2025 and the other way round */
    for (int i = 0; i < 2; i++) {
        const struct vc_graph *a = &r[i], *b = &r[1 - i];
        struct vc_attr *kind = vc_graph_attr(a, VC_CLASS_NODE, "kind");
        for (size_t k = 0; k < a->n_nodes; k++)
            if (strcmp(vc_attr_get_string(kind, k), "item") == 0)
                assert_true(vc_graph_find_node(b, a->node_id[k], strlen(a->node_id[k])) !=
                            SIZE_MAX);
    }
    /* all but one item of September 2022 are in both later releases */
    struct vc_attr *kind = vc_graph_attr(&r[2], VC_CLASS_NODE, "kind");
    for (size_t k = 0; k < r[2].n_nodes; k++) {
        const char *id = r[2].node_id[k];
        if (strcmp(vc_attr_get_string(kind, k), "item") != 0)
            continue;
        items2022++;
        common += vc_graph_find_node(&r[0], id, strlen(id)) != SIZE_MAX &&
                  vc_graph_find_node(&r[1], id, strlen(id)) != SIZE_MAX;
    }
    assert_int_equal(items2022, 82);
    assert_int_equal(common, 81);
    /* N20 is EUV lithography in all three, whatever its label */
    assert_string_equal(vc_attr_get_string(vc_graph_attr(&r[0], VC_CLASS_NODE, "label"),
                                           vc_graph_find_node(&r[0], "N20", 3)),
                        "EUV lithography tools");
    assert_string_equal(vc_attr_get_string(vc_graph_attr(&r[2], VC_CLASS_NODE, "label"),
                                           vc_graph_find_node(&r[2], "N20", 3)),
                        "EUV scanners");
    for (int i = 0; i < 3; i++)
        vc_graph_release(&r[i]);
}

#define T(f) cmocka_unit_test_setup_teardown(f, reset, release)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(basic_folder),
        T(fractions_folder),
        T(unknown_provider),
        T(broken_quote),
        T(missing_file),
        T(missing_item_warned_and_dropped),
        T(missing_item_strict),
        T(bad_share),
        T(negative_share),
        T(share_above_100_percent),
        T(mixed_percent_signs),
        T(conflicting_provider_rows),
        T(duplicate_item),
        T(duplicate_provision_row),
        T(missing_column),
        T(unknown_stage),
        T(unknown_sequence_item),
        T(lenient_drops_unknown_ids),
        T(mapped_column),
        T(legacy_charset_file),
        T(ragged_row),
        T(market_sizes),
        T(eto_current),
        T(eto_release_2025_07),
        T(eto_release_2022_09),
        T(eto_ids_line_up),
    };
    return cmocka_run_group_tests_name("tables_read", tests, NULL, NULL);
}
