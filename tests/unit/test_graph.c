/*
 * test_graph.c - the graph model: nodes, edges, columns, and the rules for
 * turning attribute text into typed values.
 */
#include "testutil.h"

static void nodes_edges_and_ids(void **state)
{
    (void)state;
    struct vc_graph g;
    struct vc_error err = VC_ERROR_INIT;
    size_t a, b, again, e;
    bool created;
    char id[32];

    vc_graph_init(&g);
    assert_int_equal(vc_graph_intern_node(&g, "alpha", 5, 3, 4, &a, &created, &err), VC_OK);
    assert_true(created);
    assert_int_equal(vc_graph_intern_node(&g, "beta!", 4, 0, 0, &b, &created, &err), VC_OK);
    assert_string_equal(g.node_id[b], "beta"); /* len bytes, not the whole string */
    assert_int_equal(vc_graph_intern_node(&g, "alpha", 5, 9, 9, &again, &created, &err), VC_OK);
    assert_false(created);
    assert_int_equal(again, a);
    assert_int_equal(g.node_line[a], 3); /* the first declaration is kept */
    assert_int_equal(vc_graph_find_node(&g, "alph", 4), SIZE_MAX);
    assert_int_equal(vc_graph_find_node(&g, "alphab", 6), SIZE_MAX);
    /* many ids: the index grows and every id stays findable */
    for (int i = 0; i < 5000; i++) {
        snprintf(id, sizeof(id), "n%d", i);
        assert_int_equal(vc_graph_intern_node(&g, id, strlen(id), 0, 0, &e, NULL, &err), VC_OK);
    }
    for (int i = 0; i < 5000; i += 7) {
        snprintf(id, sizeof(id), "n%d", i);
        assert_int_equal(vc_graph_find_node(&g, id, strlen(id)), (size_t)i + 2);
    }
    assert_int_equal(vc_graph_add_edge(&g, a, b, true, NULL, 0, 1, 1, &e, &err), VC_OK);
    assert_int_equal(g.edge_from[e], a);
    assert_int_equal(g.edge_to[e], b);
    assert_null(vc_graph_edge_id(&g, e));
    vc_graph_release(&g);
    vc_graph_release(&g); /* safe twice */
}

/* Room for edges: capacity in every edge array and edge column, nothing
 * added, and what was there kept. */
static void reserve_edges(void **state)
{
    (void)state;
    struct vc_graph g;
    struct vc_error err = VC_ERROR_INIT;
    struct vc_attr *w, *label;
    size_t a, e;

    vc_graph_init(&g);
    assert_int_equal(vc_graph_intern_node(&g, "a", 1, 0, 0, &a, NULL, &err), VC_OK);
    assert_int_equal(vc_graph_attr_add(&g, VC_CLASS_EDGE, "w", VC_ATTR_DOUBLE, &w, &err), VC_OK);
    assert_int_equal(vc_graph_attr_add(&g, VC_CLASS_NODE, "label", VC_ATTR_STRING, &label, &err),
                     VC_OK);
    assert_int_equal(vc_graph_add_edge(&g, a, a, true, NULL, 0, 7, 3, &e, &err), VC_OK);
    assert_int_equal(vc_attr_set_double(w, 0, 2.5, &err), VC_OK);
    assert_int_equal(vc_graph_reserve_edges(&g, 100000, &err), VC_OK);
    assert_int_equal(g.n_edges, 1);
    assert_true(g.edges_cap >= 100000);
    assert_true(w->cap >= 100000);
    assert_int_equal(label->cap, 0); /* node columns untouched */
    assert_int_equal(g.edge_line[0], 7);
    assert_true(vc_attr_get_double(w, 0) == 2.5);
    assert_false(vc_attr_has(w, 1));
    assert_int_equal(w->count, 1);
    for (size_t k = 1; k < 70000; k++) /* filled in order, across prefault runs */
        assert_int_equal(vc_graph_add_edge(&g, a, a, true, NULL, 0, 1, 1, &e, &err), VC_OK);
    assert_int_equal(vc_attr_set_double(w, 69999, 1.0, &err), VC_OK);
    assert_int_equal(w->count, 2);
    assert_int_equal(g.edge_from[69999], a);
    vc_graph_release(&g);
}

/* Edge ids take memory only once an edge has one; earlier and later edges
 * without one read NULL, through any number of doublings. */
static void edge_ids_when_given(void **state)
{
    (void)state;
    struct vc_graph g;
    struct vc_error err = VC_ERROR_INIT;
    size_t a, e;
    char id[16];

    vc_graph_init(&g);
    assert_int_equal(vc_graph_intern_node(&g, "a", 1, 0, 0, &a, NULL, &err), VC_OK);
    for (int i = 0; i < 100; i++)
        assert_int_equal(vc_graph_add_edge(&g, a, a, true, NULL, 0, 1, 1, &e, &err), VC_OK);
    assert_null(g.edge_id);
    assert_null(vc_graph_edge_id(&g, 99));
    assert_int_equal(vc_graph_add_edge(&g, a, a, true, "x", 1, 1, 1, &e, &err), VC_OK);
    assert_int_equal(e, 100);
    assert_non_null(g.edge_id);
    for (int i = 101; i < 5000; i++) {
        snprintf(id, sizeof(id), "e%d", i);
        assert_int_equal(vc_graph_add_edge(&g, a, a, true, i % 3 ? NULL : id,
                                           i % 3 ? 0 : strlen(id), 1, 1, &e, &err), VC_OK);
    }
    for (int i = 0; i < 100; i++)
        assert_null(vc_graph_edge_id(&g, (size_t)i));
    assert_string_equal(vc_graph_edge_id(&g, 100), "x");
    for (int i = 101; i < 5000; i++) {
        snprintf(id, sizeof(id), "e%d", i);
        if (i % 3)
            assert_null(vc_graph_edge_id(&g, (size_t)i));
        else
            assert_string_equal(vc_graph_edge_id(&g, (size_t)i), id);
    }
    vc_graph_release(&g);
}

static void columns(void **state)
{
    (void)state;
    struct vc_graph g;
    struct vc_error err = VC_ERROR_INIT;
    struct vc_attr *a, *b;
    size_t k;

    vc_graph_init(&g);
    assert_int_equal(vc_graph_intern_node(&g, "x", 1, 0, 0, &k, NULL, &err), VC_OK);
    assert_int_equal(vc_graph_attr_add(&g, VC_CLASS_NODE, "w", VC_ATTR_DOUBLE, &a, &err), VC_OK);
    assert_int_equal(vc_graph_attr_add(&g, VC_CLASS_NODE, "w", VC_ATTR_INT, &b, &err), VC_EINVAL);
    assert_non_null(strstr(err.msg, "declared twice"));
    vc_error_clear(&err);
    /* the same name in another class is another column */
    assert_int_equal(vc_graph_attr_add(&g, VC_CLASS_EDGE, "w", VC_ATTR_INT, &b, &err), VC_OK);
    assert_true(isnan(vc_attr_get_double(a, 0)));
    assert_int_equal(vc_attr_set_double(a, 1000, 2.5, &err), VC_OK); /* grows as needed */
    assert_true(vc_attr_get_double(a, 1000) == 2.5);
    assert_false(vc_attr_has(a, 999));
    assert_int_equal(a->count, 1);
    vc_attr_unset(a, 1000);
    assert_int_equal(a->count, 0);
    /* ensure with another type replaces the column */
    assert_int_equal(vc_graph_attr_ensure(&g, VC_CLASS_NODE, "w", VC_ATTR_STRING, &a, &err),
                     VC_OK);
    assert_int_equal(a->type, VC_ATTR_STRING);
    assert_int_equal(vc_graph_attr_rename(&g, a, "v", &err), VC_OK);
    assert_null(vc_graph_attr(&g, VC_CLASS_NODE, "w"));
    assert_ptr_equal(vc_graph_attr(&g, VC_CLASS_NODE, "v"), a);
    vc_graph_release(&g);
}

static void parse_one(enum vc_attr_type t, const char *text, enum vc_status want_st,
                      bool want_present, double want)
{
    union vc_value v;
    bool present = false;
    const char *why = "";
    enum vc_status st = vc_value_parse(t, text, &v, &present, &why);
    if (st != want_st)
        print_error("'%s': status %d (%s)\n", text, st, why);
    assert_int_equal(st, want_st);
    if (st != VC_OK)
        return;
    assert_int_equal(present, want_present);
    if (!present)
        return;
    if (t == VC_ATTR_DOUBLE || t == VC_ATTR_FLOAT)
        assert_true(v.d == want);
    else
        assert_true((double)v.i == want);
}

static void value_rules(void **state)
{
    (void)state;
    parse_one(VC_ATTR_BOOL, "TRUE", VC_OK, true, 1);
    parse_one(VC_ATTR_BOOL, " False ", VC_OK, true, 0);
    parse_one(VC_ATTR_BOOL, "1", VC_OK, true, 1);
    parse_one(VC_ATTR_BOOL, "yes", VC_EPARSE, false, 0);
    parse_one(VC_ATTR_BOOL, "", VC_OK, false, 0);
    parse_one(VC_ATTR_INT, " 42\n", VC_OK, true, 42);
    parse_one(VC_ATTR_INT, "3.0", VC_OK, true, 3);
    parse_one(VC_ATTR_INT, "3.5", VC_EPARSE, false, 0);
    parse_one(VC_ATTR_INT, "2147483647", VC_OK, true, 2147483647.0);
    parse_one(VC_ATTR_INT, "2147483648", VC_EINVAL, false, 0);
    parse_one(VC_ATTR_LONG, "9223372036854775807", VC_OK, true, 9223372036854775807.0);
    parse_one(VC_ATTR_LONG, "9223372036854775808", VC_EINVAL, false, 0);
    parse_one(VC_ATTR_LONG, "", VC_OK, false, 0);
    parse_one(VC_ATTR_DOUBLE, "NaN", VC_OK, false, 0);
    parse_one(VC_ATTR_DOUBLE, "nan", VC_OK, false, 0);
    parse_one(VC_ATTR_DOUBLE, "abc", VC_EPARSE, false, 0);
    parse_one(VC_ATTR_DOUBLE, "1e999", VC_EINVAL, false, 0);
    parse_one(VC_ATTR_DOUBLE, "inf", VC_EINVAL, false, 0);
    parse_one(VC_ATTR_DOUBLE, "-Infinity", VC_EINVAL, false, 0);
    parse_one(VC_ATTR_DOUBLE, "1e-400", VC_OK, true, 0.0); /* underflow to zero is fine */
    parse_one(VC_ATTR_DOUBLE, "0.1", VC_OK, true, 0.1);
    parse_one(VC_ATTR_DOUBLE, "-2.5E3", VC_OK, true, -2500.0);
    parse_one(VC_ATTR_DOUBLE, "0.30000000000000004", VC_OK, true, 0.30000000000000004);
    parse_one(VC_ATTR_DOUBLE, "1.", VC_OK, true, 1.0);
    parse_one(VC_ATTR_DOUBLE, ".5", VC_OK, true, 0.5);
    parse_one(VC_ATTR_DOUBLE, "1e", VC_EPARSE, false, 0);
    parse_one(VC_ATTR_DOUBLE, "--1", VC_EPARSE, false, 0);
    parse_one(VC_ATTR_FLOAT, "1e39", VC_EINVAL, false, 0);
}

/* The fast decimal path must agree with strtod bit for bit. */
static void decimals_match_strtod(void **state)
{
    (void)state;
    uint64_t x = 88172645463325252ull;
    char buf[64];
    for (int i = 0; i < 200000; i++) {
        union vc_value v;
        bool present;
        const char *why;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        int digits = 1 + (int)(x % 16), exp = (int)((x >> 8) % 50) - 25;
        uint64_t m = (x >> 16) % 1000000000000000ull;
        switch (i % 4) {
        case 0: snprintf(buf, sizeof(buf), "%.*g", digits, (double)m * 1e-9); break;
        case 1: snprintf(buf, sizeof(buf), "%llue%d", (unsigned long long)(m % 100000), exp); break;
        case 2: snprintf(buf, sizeof(buf), "-0.%0*llu", digits, (unsigned long long)(m % 1000000)); break;
        default: snprintf(buf, sizeof(buf), "%llu.%llu", (unsigned long long)(m % 1000),
                          (unsigned long long)(x % 100000)); break;
        }
        assert_int_equal(vc_value_parse(VC_ATTR_DOUBLE, buf, &v, &present, &why), VC_OK);
        double want = strtod(buf, NULL);
        if (memcmp(&v.d, &want, sizeof(want)) != 0)
            print_error("'%s': %.17g != strtod %.17g\n", buf, v.d, want);
        assert_memory_equal(&v.d, &want, sizeof(want));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(nodes_edges_and_ids),
        cmocka_unit_test(edge_ids_when_given),
        cmocka_unit_test(reserve_edges),
        cmocka_unit_test(columns),
        cmocka_unit_test(value_rules),
        cmocka_unit_test(decimals_match_strtod),
    };
    return cmocka_run_group_tests_name("graph", tests, NULL, NULL);
}
