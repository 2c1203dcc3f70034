/*
 * test_graphml_corpus.c - GraphML written by real tools (../shared/data/
 * graphml-corpus): each file is either read, with its node and edge counts
 * checked against what the file holds, or refused with a clear message.
 * Skipped when ../shared is absent.
 */
#include "corpus.h"

static const struct corpus_case cases[] = {
    { "defaults__graphml-default-attrs.xml", VC_OK, 3, 2, NULL, false },
    { "desc-cdata__withdesc.graphml", VC_OK, 2, 1, NULL, false },
    { "edges-before-nodes__missing_nodes.graphml", VC_EINVAL, 0, 0, "never declared", false },
    { "edges-before-nodes__missing_nodes.graphml", VC_OK, 51, 37, NULL, true },
    { "gephi-graphml-export__miserables.graphml", VC_OK, 77, 254, NULL, false },
    { "graph-tool-boost_parseinfo__football.graphml", VC_OK, 115, 613, NULL, false },
    /* a node's <data> with a key declared for the graph: read, with a warning */
    { "graphml-primer-attributes__test.graphml", VC_OK, 6, 7, NULL, false },
    { "graphml-primer-attributes__test.graphml", VC_OK, 6, 7, NULL, true },
    { "hyperedges__hyperedges.graphml", VC_EUNSUPPORTED, 0, 0, "hyperedges", false },
    { "igraph-written_dup-key-id__graphml-hsa05010.xml", VC_OK, 26, 10, NULL, false },
    { "igraph-written_large__igraph_sample.graphml", VC_OK, 10000, 9999, NULL, false },
    { "keys-in-graph_dup-key-id__cdata.graphml", VC_OK, 2, 1, NULL, false },
    { "mixed-multigraph__mixed_multigraph.graphml", VC_OK, 6, 8, NULL, false },
    { "nested__nested.graphml", VC_OK, 14, 12, NULL, false }, /* flattened */
    { "networkx-2.x_bool__cattr_bool_bug2.graphml", VC_OK, 0, 0, NULL, false },
    { "networkx-3_undirected_escaped-ids__dickens-graph_chunk_entity_relation.graphml", VC_OK,
      374, 186, NULL, false },
    { "no-ns_for-all__atted.graphml", VC_OK, 41, 118, NULL, false },
    { "parseinfo__additional-info.graphml", VC_OK, 11, 12, NULL, false },
    { "prefixed-ns__graphml-namespace.xml", VC_OK, 3, 2, NULL, false },
    { "whitespace__graphml-whitespace.xml", VC_OK, 5, 4, NULL, false },
    { "yed-3.21_nested-groups__bi-read-16.graphml", VC_OK, 20, 5, NULL, false }, /* flattened */
    { "yfiles-2.3_legacy-ns__yFilesSample.xml", VC_OK, 3, 3, NULL, false },
    { "yfiles-html-2.0_ports__graphml-yed.xml", VC_OK, 3, 2, NULL, false },
    { "negative/dup-key-id-conflicting-types__bug_1970.graphml", VC_EINVAL, 0, 0,
      "declared twice", false },
    { "negative/malformed-xml__invalid1.graphml", VC_EINVAL, 0, 0, "for=\"nodd\"", false },
    { "negative/truncated__invalid6.graphml", VC_EINVAL, 0, 0, "<key> without an id", false },
    { "negative/undeclared-keys__miserables_broken.graphml", VC_EINVAL, 0, 0,
      "uses a key that no <key> declares", false },
};

/* Every corpus graph can be read as a (plain) value chain too. */
static void builds_a_chain(const char *file, struct vc_graph *g, struct vc_diag *diag)
{
    struct vc_chain chain;
    struct vc_error err = VC_ERROR_INIT;
    if (vc_chain_build(g, NULL, &chain, diag, &err) != VC_OK)
        fail_msg("%s: not a value chain: %s", file, err.msg);
    vc_chain_release(&chain);
}

static void every_file(void **state)
{
    (void)state;
    corpus_run("graphml-corpus", "-name '*.graphml' -o -name '*.xml'", cases,
               sizeof(cases) / sizeof(cases[0]), vc_graphml_read, builds_a_chain);
}

/* Values as the producing tools meant them. */
static void values_survive(void **state)
{
    (void)state;
    char path[1200];
    struct vc_graph g;
    struct vc_error err = VC_ERROR_INIT;
    struct vc_attr *a;
    FILE *f;

    if (!shared_path("graphml-corpus/defaults__graphml-default-attrs.xml", path, sizeof(path)))
        skip();
    f = fopen(path, "rb");
    assert_int_equal(vc_graphml_read(&g, f, path, NULL, NULL, &err), VC_OK);
    fclose(f);
    a = vc_graph_attr(&g, VC_CLASS_NODE, "type");
    assert_int_equal(a->type, VC_ATTR_BOOL);
    assert_int_equal(a->values[0].i, 0); /* FALSE given */
    assert_int_equal(a->values[1].i, 1); /* TRUE by default */
    a = vc_graph_attr(&g, VC_CLASS_NODE, "age");
    assert_int_equal(a->values[0].i, 30);
    assert_int_equal(a->values[2].i, 20);
    assert_string_equal(vc_attr_get_string(vc_graph_attr(&g, VC_CLASS_NODE, "gender"), 1),
                        "female");
    vc_graph_release(&g);

    assert_non_null(shared_path("graphml-corpus/whitespace__graphml-whitespace.xml", path,
                                sizeof(path)));
    f = fopen(path, "rb");
    assert_int_equal(vc_graphml_read(&g, f, path, NULL, NULL, &err), VC_OK);
    fclose(f);
    a = vc_graph_attr(&g, VC_CLASS_NODE, "weight");
    assert_true(a->values[4].d == 5.0);
    assert_false(vc_attr_has(a, 1)); /* whitespace only: no number */
    assert_string_equal(vc_attr_get_string(vc_graph_attr(&g, VC_CLASS_NODE, "name"), 4),
                        "  eggs "); /* strings keep their spaces */
    vc_graph_release(&g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_file),
        cmocka_unit_test(values_survive),
    };
    return cmocka_run_group_tests_name("graphml_corpus", tests, NULL, NULL);
}
