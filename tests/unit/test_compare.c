/*
 * test_compare.c - comparing chains, what-if scenarios and the country
 * dependency matrix, on small chains worked by hand (docs/model.md,
 * "Comparing and mutual dependency"), plus the Chip Explorer releases when
 * ../shared is present.
 */
#include "testutil.h"

#include "vchain/vchain.h"

/* ---- small chains written compactly ---- */

/*
 * nodes: "id kind label country final [value]" per entry (kind actor, item,
 * or country for a country-level actor; "-" for none; labels use '_' for
 * spaces); edges: "from to relation share" ("-" for no share).
 */
static char *graphml(const char *const *nodes, const char *const *edges)
{
    size_t cap = 1 << 16, n = 0;
    char *s = malloc(cap);
    assert_non_null(s);
#define PUT(...) (n += (size_t)snprintf(s + n, cap - n, __VA_ARGS__), assert_true(n < cap))
    PUT("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
        "<key id=\"kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n"
        "<key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
        "<key id=\"country\" for=\"node\" attr.name=\"country\" attr.type=\"string\"/>\n"
        "<key id=\"final\" for=\"node\" attr.name=\"final\" attr.type=\"boolean\"/>\n"
        "<key id=\"level\" for=\"node\" attr.name=\"level\" attr.type=\"string\"/>\n"
        "<key id=\"value\" for=\"node\" attr.name=\"value\" attr.type=\"double\"/>\n"
        "<key id=\"relation\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>\n"
        "<key id=\"share\" for=\"edge\" attr.name=\"share\" attr.type=\"double\"/>\n"
        "<graph edgedefault=\"directed\">\n");
    for (size_t i = 0; nodes[i]; i++) {
        char id[64], kind[16], label[64], country[8], final[8], value[32] = "-";
        assert_true(sscanf(nodes[i], "%63s %15s %63s %7s %7s %31s", id, kind, label, country,
                           final, value) >= 5);
        for (char *p = label; *p; p++)
            if (*p == '_')
                *p = ' ';
        /* kind "country": an actor at the country level */
        PUT("<node id=\"%s\"><data key=\"kind\">%s</data><data key=\"label\">%s</data>", id,
            strcmp(kind, "country") == 0 ? "actor" : kind, label);
        if (strcmp(kind, "country") == 0)
            PUT("<data key=\"level\">country</data>");
        if (strcmp(country, "-") != 0)
            PUT("<data key=\"country\">%s</data>", country);
        if (strcmp(final, "final") == 0)
            PUT("<data key=\"final\">true</data>");
        if (strcmp(value, "-") != 0)
            PUT("<data key=\"value\">%s</data>", value);
        PUT("</node>\n");
    }
    for (size_t i = 0; edges[i]; i++) {
        char from[64], to[64], rel[16], share[32];
        assert_int_equal(sscanf(edges[i], "%63s %63s %15s %31s", from, to, rel, share), 4);
        PUT("<edge source=\"%s\" target=\"%s\"><data key=\"relation\">%s</data>", from, to, rel);
        if (strcmp(share, "-") != 0)
            PUT("<data key=\"share\">%s</data>", share);
        PUT("</edge>\n");
    }
    PUT("</graph></graphml>\n");
#undef PUT
    return s;
}

struct scored {
    struct vc_graph g;
    struct vc_chain c;
    struct vc_analysis a;
};

static void load(struct scored *s, const char *const *nodes, const char *const *edges)
{
    struct vc_error err = VC_ERROR_INIT;
    struct vc_engine_opts o = VC_ENGINE_OPTS_INIT;
    char *xml = graphml(nodes, edges);
    o.threads = 2;
    vc_graph_init(&s->g);
    assert_int_equal(read_graphml_string(xml, &s->g, NULL, NULL, &err), VC_OK);
    free(xml);
    if (vc_chain_build(&s->g, NULL, &s->c, NULL, &err) != VC_OK)
        fail_msg("%s", err.msg);
    assert_int_equal(vc_analysis_run(&s->c, &o, &s->a, &err), VC_OK);
}

static void unload(struct scored *s)
{
    vc_analysis_release(&s->a);
    vc_chain_release(&s->c);
    vc_graph_release(&s->g);
}

static size_t node_of(const struct vc_chain *c, const char *id)
{
    size_t v = vc_graph_find_node(c->graph, id, strlen(id));
    assert_true(v != SIZE_MAX);
    return v;
}

/* ---- compare: year A and year B of one small chain ----
 *
 * A: Alpha (NLD) 0.8 and Beta (JPN) 0.2 of Tools; Gamma (USA) sole provider
 *    of the final Chip, which needs Tools; Epsilon (DEU) provides nothing.
 * B: Alpha, renamed from id "alpha" to "alpha2", has 0.6; Beta 0.2; Delta
 *    (KOR) enters with 0.2; Epsilon is gone.
 */
static const char *const year_a_nodes[] = {
    "alpha actor Alpha NLD -", "beta actor Beta JPN -", "gamma actor Gamma USA -",
    "eps actor Epsilon DEU -", "tools item Tools - -", "chip item Chip - final", NULL,
};
static const char *const year_a_edges[] = {
    "alpha tools provides 0.8", "beta tools provides 0.2", "gamma chip provides 1.0",
    "tools chip input_of -", NULL,
};
static const char *const year_b_nodes[] = {
    "alpha2 actor alpha NLD -", "beta actor Beta JPN -", "gamma actor Gamma USA -",
    "delta actor Delta KOR -", "tools item Tools - -", "chip item Chip - final", NULL,
};
static const char *const year_b_edges[] = {
    "alpha2 tools provides 0.6", "beta tools provides 0.2", "delta tools provides 0.2",
    "gamma chip provides 1.0", "tools chip input_of -", NULL,
};

static const struct vc_cmp_provision *find_prov(const struct vc_comparison *c,
                                                const char *actor, const char *item)
{
    for (size_t j = 0; j < c->n_provisions; j++) {
        const struct vc_cmp_provision *p = &c->provisions[j];
        const struct vc_analysis *an = p->pb != SIZE_MAX ? c->b : c->a;
        const struct vc_provision_score *s = &an->provisions[p->pb != SIZE_MAX ? p->pb : p->pa];
        if (strcasecmp(an->chain->label[s->actor], actor) == 0 &&
            strcmp(an->chain->label[s->item], item) == 0)
            return p;
    }
    fail_msg("no provision %s -> %s", actor, item);
    return NULL;
}

static const struct vc_cmp_node *find_node(const struct vc_comparison *c,
                                           const struct vc_cmp_node *list, size_t n,
                                           const char *label)
{
    for (size_t j = 0; j < n; j++) {
        const char *l = list[j].b != UINT32_MAX ? c->b->chain->label[list[j].b]
                                                : c->a->chain->label[list[j].a];
        if (strcasecmp(l, label) == 0)
            return &list[j];
    }
    fail_msg("no node %s", label);
    return NULL;
}

static const struct vc_cmp_country *find_country(const struct vc_comparison *c,
                                                 const char *code)
{
    for (size_t j = 0; j < c->n_countries; j++)
        if (strcmp(c->countries[j].code, code) == 0)
            return &c->countries[j];
    fail_msg("no country %s", code);
    return NULL;
}

static void test_compare_years(void **state)
{
    struct scored a, b;
    struct vc_comparison c;
    struct vc_error err = VC_ERROR_INIT;
    const struct vc_cmp_provision *p;
    const struct vc_cmp_node *x;
    const struct vc_cmp_country *k;
    (void)state;

    load(&a, year_a_nodes, year_a_edges);
    load(&b, year_b_nodes, year_b_edges);
    assert_int_equal(vc_compare(&a.a, &b.a, VC_ALIGN_AUTO, &c, &err), VC_OK);

    /* alignment: 4 by id, Alpha by label (ids differ, labels differ only in case) */
    assert_int_equal(c.align.by_id, 4);
    assert_int_equal(c.align.by_label, 1);
    assert_int_equal(c.align.a_to_b[node_of(&a.c, "alpha")], node_of(&b.c, "alpha2"));
    assert_int_equal(c.align.how_a[node_of(&a.c, "alpha")], VC_MATCH_LABEL);
    assert_int_equal(c.align.only_a, 1); /* Epsilon */
    assert_int_equal(c.align.only_b, 1); /* Delta */
    assert_int_equal(c.align.a_to_b[node_of(&a.c, "eps")], UINT32_MAX);

    /* shares: Alpha 0.8 -> 0.6, Delta enters with 0.2, Beta unchanged */
    p = find_prov(&c, "Alpha", "Tools");
    assert_double_near(p->share_a, 0.8, 1e-12);
    assert_double_near(p->share_b, 0.6, 1e-12);
    assert_double_near(p->d_share, -0.2, 1e-12);
    assert_int_equal(p->status, VC_CHANGE_SHRANK);
    assert_int_equal(p->cp, VC_CP_KEPT);
    p = find_prov(&c, "Delta", "Tools");
    assert_int_equal(p->status, VC_CHANGE_NEW);
    assert_true(p->pa == SIZE_MAX);
    assert_double_near(p->d_share, 0.2, 1e-12);
    p = find_prov(&c, "Beta", "Tools");
    assert_int_equal(p->status, VC_CHANGE_SAME);
    /* Beta was one of two providers covering 100 % (hard to replace, impact
     * 0.2): a control point; with three providers the top two cover 0.8 */
    assert_int_equal(p->cp, VC_CP_LOST);
    assert_int_equal(find_prov(&c, "Gamma", "Chip")->cp, VC_CP_KEPT);
    assert_int_equal(c.cp_lost, 1);
    assert_int_equal(c.cp_gained, 0);
    assert_int_equal(c.cp_kept, 2);
    /* the largest change comes first */
    assert_double_near(fabs(c.provisions[0].d_share), 0.2, 1e-12);

    /* items: HHI(Tools) 0.64 + 0.04 = 0.68 -> 0.36 + 0.04 + 0.04 = 0.44 */
    x = find_node(&c, c.items, c.n_items, "Tools");
    assert_double_near(x->hhi_a, 0.68, 1e-12);
    assert_double_near(x->hhi_b, 0.44, 1e-12);
    assert_double_near(x->d_hhi, -0.24, 1e-12);
    assert_int_equal(x->status, VC_CHANGE_SHRANK);
    assert_int_equal(x->entered, 1);
    assert_int_equal(x->left, 0);
    assert_int_equal(x->providers_a, 2);
    assert_int_equal(x->providers_b, 3);
    assert_true(c.items[0].a == x->a); /* the item that changed most */

    /* actors: extracting Alpha costs 0.8 of the chip, then 0.6 */
    x = find_node(&c, c.actors, c.n_actors, "Alpha");
    assert_double_near(x->impact_a, 0.8, 1e-12);
    assert_double_near(x->impact_b, 0.6, 1e-12);
    assert_int_equal(x->status, VC_CHANGE_SHRANK);
    assert_int_equal(x->cp_kept, 1);
    x = find_node(&c, c.actors, c.n_actors, "Beta");
    assert_int_equal(x->status, VC_CHANGE_SAME);
    assert_int_equal(x->cp_lost, 1);
    assert_int_equal(find_node(&c, c.actors, c.n_actors, "Epsilon")->status, VC_CHANGE_GONE);
    assert_int_equal(find_node(&c, c.actors, c.n_actors, "Delta")->status, VC_CHANGE_NEW);

    /* countries */
    k = find_country(&c, "NLD");
    assert_double_near(k->d_impact, -0.2, 1e-12);
    assert_int_equal(k->cp_kept, 1);
    k = find_country(&c, "JPN");
    assert_int_equal(k->status, VC_CHANGE_SAME);
    assert_int_equal(k->cp_lost, 1);
    assert_int_equal(k->cp_a, 1);
    assert_int_equal(k->cp_b, 0);
    assert_int_equal(find_country(&c, "KOR")->status, VC_CHANGE_NEW);
    assert_int_equal(find_country(&c, "DEU")->status, VC_CHANGE_GONE);

    vc_comparison_release(&c);
    unload(&a);
    unload(&b);
}

/* With --align id the renamed node is not aligned: Alpha is gone and alpha2 new. */
static void test_compare_align_id(void **state)
{
    struct scored a, b;
    struct vc_comparison c;
    (void)state;

    load(&a, year_a_nodes, year_a_edges);
    load(&b, year_b_nodes, year_b_edges);
    assert_int_equal(vc_compare(&a.a, &b.a, VC_ALIGN_ID, &c, NULL), VC_OK);
    assert_int_equal(c.align.by_label, 0);
    assert_int_equal(c.align.only_a, 2);
    assert_int_equal(c.align.only_b, 2);
    /* the largest changes: Alpha's 0.8 gone, then alpha2's 0.6 new */
    assert_int_equal(c.provisions[0].status, VC_CHANGE_GONE);
    assert_double_near(c.provisions[0].share_a, 0.8, 1e-12);
    assert_int_equal(c.provisions[1].status, VC_CHANGE_NEW);
    assert_double_near(c.provisions[1].share_b, 0.6, 1e-12);
    vc_comparison_release(&c);
    unload(&a);
    unload(&b);
}

/* Two nodes with one label on a side are not aligned by it: listed as ambiguous. */
static void test_compare_ambiguous_label(void **state)
{
    static const char *const n1[] = { "x1 actor Same NLD -", "i item Item - final", NULL };
    static const char *const e1[] = { "x1 i provides 1.0", NULL };
    static const char *const n2[] = { "y1 actor Same NLD -", "y2 actor Same JPN -",
                                      "i item Item - final", NULL };
    static const char *const e2[] = { "y1 i provides 0.5", "y2 i provides 0.5", NULL };
    struct scored a, b;
    struct vc_comparison c;
    (void)state;

    load(&a, n1, e1);
    load(&b, n2, e2);
    assert_int_equal(vc_compare(&a.a, &b.a, VC_ALIGN_AUTO, &c, NULL), VC_OK);
    assert_int_equal(c.align.by_label, 0);
    assert_int_equal(c.align.how_a[node_of(&a.c, "x1")], VC_MATCH_AMBIGUOUS);
    assert_int_equal(c.align.how_b[node_of(&b.c, "y2")], VC_MATCH_AMBIGUOUS);
    vc_comparison_release(&c);
    unload(&a);
    unload(&b);
}

/* A graph against itself: nothing changed. */
static void test_compare_self(void **state)
{
    struct scored a;
    struct vc_comparison c;
    (void)state;

    load(&a, year_a_nodes, year_a_edges);
    assert_int_equal(vc_compare(&a.a, &a.a, VC_ALIGN_AUTO, &c, NULL), VC_OK);
    assert_int_equal(c.align.only_a + c.align.only_b + c.align.by_label, 0);
    for (size_t j = 0; j < c.n_provisions; j++) {
        assert_int_equal(c.provisions[j].status, VC_CHANGE_SAME);
        assert_true(c.provisions[j].cp == VC_CP_KEPT || c.provisions[j].cp == VC_CP_NONE);
        assert_true(c.provisions[j].d_share == 0);
    }
    for (size_t j = 0; j < c.n_items; j++)
        assert_int_equal(c.items[j].status, VC_CHANGE_SAME);
    for (size_t j = 0; j < c.n_actors; j++)
        assert_int_equal(c.actors[j].status, VC_CHANGE_SAME);
    for (size_t j = 0; j < c.n_countries; j++)
        assert_int_equal(c.countries[j].status, VC_CHANGE_SAME);
    assert_int_equal(c.cp_gained + c.cp_lost, 0);
    vc_comparison_release(&c);
    unload(&a);
}

static enum vc_change mirror(enum vc_change s)
{
    switch (s) {
    case VC_CHANGE_NEW: return VC_CHANGE_GONE;
    case VC_CHANGE_GONE: return VC_CHANGE_NEW;
    case VC_CHANGE_GREW: return VC_CHANGE_SHRANK;
    case VC_CHANGE_SHRANK: return VC_CHANGE_GREW;
    case VC_CHANGE_SAME: break;
    }
    return VC_CHANGE_SAME;
}

/* B vs A is the mirror of A vs B, row for row in the same order. */
static void test_compare_mirror(void **state)
{
    struct scored a, b;
    struct vc_comparison ab, ba;
    (void)state;

    load(&a, year_a_nodes, year_a_edges);
    load(&b, year_b_nodes, year_b_edges);
    assert_int_equal(vc_compare(&a.a, &b.a, VC_ALIGN_AUTO, &ab, NULL), VC_OK);
    assert_int_equal(vc_compare(&b.a, &a.a, VC_ALIGN_AUTO, &ba, NULL), VC_OK);
    assert_int_equal(ab.n_provisions, ba.n_provisions);
    assert_int_equal(ab.cp_gained, ba.cp_lost);
    assert_int_equal(ab.cp_lost, ba.cp_gained);
    for (size_t j = 0; j < ab.n_provisions; j++) {
        const struct vc_cmp_provision *p = &ab.provisions[j], *q = &ba.provisions[j];
        assert_true(p->pa == q->pb && p->pb == q->pa);
        assert_true(p->d_share == -q->d_share);
        assert_int_equal(p->status, mirror(q->status));
        assert_int_equal(p->cp == VC_CP_GAINED, q->cp == VC_CP_LOST);
    }
    assert_int_equal(ab.n_items, ba.n_items);
    for (size_t j = 0; j < ab.n_items; j++) {
        assert_true(ab.items[j].a == ba.items[j].b && ab.items[j].b == ba.items[j].a);
        assert_int_equal(ab.items[j].status, mirror(ba.items[j].status));
    }
    assert_int_equal(ab.n_actors, ba.n_actors);
    for (size_t j = 0; j < ab.n_actors; j++) {
        assert_true(ab.actors[j].a == ba.actors[j].b);
        assert_int_equal(ab.actors[j].status, mirror(ba.actors[j].status));
        assert_int_equal(ab.actors[j].cp_gained, ba.actors[j].cp_lost);
    }
    for (size_t j = 0; j < ab.n_countries; j++) {
        assert_string_equal(ab.countries[j].code, ba.countries[j].code);
        assert_int_equal(ab.countries[j].status, mirror(ba.countries[j].status));
    }
    vc_comparison_release(&ab);
    vc_comparison_release(&ba);
    unload(&a);
    unload(&b);
}

/* The union graph: statuses, both values and status colours. */
static void test_compare_graph(void **state)
{
    struct scored a, b;
    struct vc_comparison c;
    struct vc_graph g;
    struct vc_error err = VC_ERROR_INIT;
    (void)state;

    load(&a, year_a_nodes, year_a_edges);
    load(&b, year_b_nodes, year_b_edges);
    assert_int_equal(vc_compare(&a.a, &b.a, VC_ALIGN_AUTO, &c, NULL), VC_OK);
    assert_int_equal(vc_comparison_graph(&c, &g, &err), VC_OK);
    assert_int_equal(g.n_nodes, 7); /* 5 aligned, Epsilon, Delta */
    assert_int_equal(g.n_edges, 5); /* 4 aligned, Delta's new provision */
    {
        const struct vc_attr *st = vc_graph_attr(&g, VC_CLASS_NODE, "status");
        const struct vc_attr *r = vc_graph_attr(&g, VC_CLASS_NODE, "viz_r");
        const struct vc_attr *lab_a = vc_graph_attr(&g, VC_CLASS_NODE, "label_a");
        size_t alpha = vc_graph_find_node(&g, "alpha2", 6);
        size_t eps = vc_graph_find_node(&g, "eps", 3);
        size_t delta = vc_graph_find_node(&g, "delta", 5);
        uint8_t rgb[3];
        assert_true(alpha != SIZE_MAX && eps != SIZE_MAX && delta != SIZE_MAX);
        assert_string_equal(vc_attr_get_string(st, alpha), "shrank");
        assert_string_equal(vc_attr_get_string(lab_a, alpha), "Alpha");
        assert_string_equal(vc_attr_get_string(st, eps), "gone");
        assert_string_equal(vc_attr_get_string(st, delta), "new");
        vc_change_rgb(VC_CHANGE_NEW, rgb);
        assert_double_near(vc_attr_get_double(r, delta), rgb[0], 0);
        assert_double_near(vc_attr_get_double(vc_graph_attr(&g, VC_CLASS_NODE, "impact_a"),
                                              alpha), 0.8, 1e-12);
    }
    {
        const struct vc_attr *st = vc_graph_attr(&g, VC_CLASS_EDGE, "status");
        const struct vc_attr *sa = vc_graph_attr(&g, VC_CLASS_EDGE, "share_a");
        const struct vc_attr *sb = vc_graph_attr(&g, VC_CLASS_EDGE, "share_b");
        int shrank = 0, new = 0, same = 0;
        for (size_t e = 0; e < g.n_edges; e++) {
            const char *s = vc_attr_get_string(st, e);
            if (strcmp(s, "shrank") == 0) {
                shrank++;
                assert_double_near(vc_attr_get_double(sa, e), 0.8, 1e-12);
                assert_double_near(vc_attr_get_double(sb, e), 0.6, 1e-12);
            }
            new += strcmp(s, "new") == 0;
            same += strcmp(s, "same") == 0;
        }
        assert_int_equal(shrank, 1);
        assert_int_equal(new, 1);
        assert_int_equal(same, 3);
    }
    vc_graph_release(&g);
    vc_comparison_release(&c);
    unload(&a);
    unload(&b);
}

/* ---- what if ----
 *
 * The chain of docs/model.md with three providers of A: a1 (NLD) 0.6,
 * a2 (JPN) 0.25, a3 (KOR) 0.15; B made only by b1 (NLD) from C, made only
 * by c1 (USA); the final F needs A and B.
 */
static const char *const small_nodes[] = {
    "a1 actor a1 NLD -", "a2 actor a2 JPN -", "a3 actor a3 KOR -", "b1 actor b1 NLD -",
    "c1 actor c1 USA -", "A item A - -", "B item B - -", "C item C - -", "F item F - final",
    NULL,
};
static const char *const small_edges[] = {
    "a1 A provides 0.6", "a2 A provides 0.25", "a3 A provides 0.15", "b1 B provides 1.0",
    "c1 C provides 1.0", "A F input_of -", "B F input_of -", "C B input_of -", NULL,
};

static void test_whatif_remove_country(void **state)
{
    struct scored s;
    struct vc_scenario sc = VC_SCENARIO_INIT;
    struct vc_whatif w;
    struct vc_error err = VC_ERROR_INIT;
    struct vc_engine_opts o = VC_ENGINE_OPTS_INIT;
    (void)state;

    load(&s, small_nodes, small_edges);
    assert_int_equal(vc_scenario_add(&sc, VC_STEP_REMOVE_COUNTRY, "NL", 0, &err), VC_OK);
    if (vc_whatif_run(&s.c, &o, &sc, &w, &err) != VC_OK)
        fail_msg("%s", err.msg);
    /* A loses a1's 0.6; B loses its sole provider; F follows B */
    assert_int_equal(w.actors_cut, 2);
    assert_double_near(w.loss[node_of(&s.c, "A")], 0.6, 1e-12);
    assert_double_near(w.loss[node_of(&s.c, "B")], 1.0, 1e-12);
    assert_double_near(w.loss[node_of(&s.c, "C")], 0.0, 1e-12);
    assert_double_near(w.loss[node_of(&s.c, "F")], 1.0, 1e-12);
    assert_double_near(w.impact, 1.0, 1e-12);

    /* the world after: a1 and b1 gone; a2 and a3 share what is left of A:
     * 0.25 / 0.4 = 0.625 and 0.15 / 0.4 = 0.375 */
    assert_int_equal(w.graph.n_nodes, 7);
    {
        size_t a2 = node_of(&w.chain, "a2"), a3 = node_of(&w.chain, "a3");
        for (size_t e = 0; e < w.graph.n_edges; e++) {
            if (w.graph.edge_from[e] == a2)
                assert_double_near(w.chain.share[e], 0.625, 1e-12);
            if (w.graph.edge_from[e] == a3)
                assert_double_near(w.chain.share[e], 0.375, 1e-12);
        }
    }
    /* a2 (0.25, top two covering 0.85 < 0.9) was no control point; now it
     * holds 62.5 % and a3 is one of two covering all: both gained; a1's and
     * b1's are lost with them; c1 keeps its own */
    assert_int_equal(find_prov(&w.cmp, "a2", "A")->cp, VC_CP_GAINED);
    assert_int_equal(find_prov(&w.cmp, "a3", "A")->cp, VC_CP_GAINED);
    assert_int_equal(find_prov(&w.cmp, "a1", "A")->cp, VC_CP_LOST);
    assert_int_equal(find_prov(&w.cmp, "a1", "A")->status, VC_CHANGE_GONE);
    assert_int_equal(find_prov(&w.cmp, "b1", "B")->cp, VC_CP_LOST);
    assert_int_equal(find_prov(&w.cmp, "c1", "C")->cp, VC_CP_KEPT);
    assert_double_near(find_prov(&w.cmp, "a2", "A")->share_b, 0.625, 1e-12);
    assert_int_equal(w.cmp.cp_gained, 2);
    vc_whatif_release(&w);
    vc_scenario_release(&sc);
    unload(&s);
}

/* a1 keeps half its capacity, the others have 20 % spare: the cut removes
 * 0.6 x 0.5 = 0.3 of A; spare covers 0.2 x (1 - 0.3) = 0.14 of it: A and F
 * lose 0.16. */
static void test_whatif_cap_spare(void **state)
{
    static const char *const nodes[] = { "a1 actor a1 NLD -", "a2 actor a2 JPN -",
                                         "A item A - -", "F item F - final", NULL };
    static const char *const edges[] = { "a1 A provides 0.6", "a2 A provides 0.4",
                                         "A F input_of -", NULL };
    struct scored s;
    struct vc_scenario sc = VC_SCENARIO_INIT;
    struct vc_whatif w;
    struct vc_error err = VC_ERROR_INIT;
    (void)state;

    load(&s, nodes, edges);
    assert_int_equal(vc_scenario_add(&sc, VC_STEP_CAP, "A1", 0.5, &err), VC_OK); /* by label */
    assert_int_equal(vc_scenario_add(&sc, VC_STEP_SPARE, NULL, 0.2, &err), VC_OK);
    assert_int_equal(vc_whatif_run(&s.c, NULL, &sc, &w, &err), VC_OK);
    assert_double_near(w.cut[node_of(&s.c, "a1")], 0.5, 1e-12);
    assert_double_near(w.spare, 0.2, 0);
    assert_double_near(w.loss[node_of(&s.c, "A")], 0.16, 1e-12);
    assert_double_near(w.impact, 0.16, 1e-12);
    /* a1 keeps 0.3 of a market of 0.7: 3/7; a2 4/7 */
    assert_double_near(find_prov(&w.cmp, "a1", "A")->share_b, 3.0 / 7.0, 1e-12);
    assert_double_near(find_prov(&w.cmp, "a2", "A")->share_b, 4.0 / 7.0, 1e-12);
    assert_int_equal(w.graph.n_nodes, 4); /* a capped actor stays */
    vc_whatif_release(&w);

    /* without spare capacity the cut passes on whole: 0.3 */
    vc_scenario_release(&sc);
    assert_int_equal(vc_scenario_add(&sc, VC_STEP_CAP, "a1", 0.5, &err), VC_OK);
    assert_int_equal(vc_whatif_run(&s.c, NULL, &sc, &w, &err), VC_OK);
    assert_double_near(w.impact, 0.3, 1e-12);
    vc_whatif_release(&w);
    vc_scenario_release(&sc);
    unload(&s);
}

/* a2's share of A is not given: it is estimated as the rest, 0.4.  Removing
 * a2 loses 0.4 of A and F, resting on that estimate (without it, nothing is
 * lost); removing a1 loses its known 0.6, no estimate involved. */
static void test_whatif_estimated(void **state)
{
    static const char *const nodes[] = { "a1 actor a1 NLD -", "a2 actor a2 JPN -",
                                         "A item A - -", "F item F - final", NULL };
    static const char *const edges[] = { "a1 A provides 0.6", "a2 A provides -",
                                         "A F input_of -", NULL };
    struct scored s;
    struct vc_scenario sc = VC_SCENARIO_INIT;
    struct vc_whatif w;
    struct vc_error err = VC_ERROR_INIT;
    (void)state;

    load(&s, nodes, edges);
    assert_int_equal(vc_scenario_add(&sc, VC_STEP_REMOVE, "a2", 0, &err), VC_OK);
    assert_int_equal(vc_whatif_run(&s.c, NULL, &sc, &w, &err), VC_OK);
    assert_double_near(w.loss[node_of(&s.c, "A")], 0.4, 1e-12);
    assert_double_near(w.impact, 0.4, 1e-12);
    assert_true(w.impact_estimated);
    assert_int_equal(w.loss_estimated[node_of(&s.c, "A")], 1);
    assert_int_equal(w.loss_estimated[node_of(&s.c, "F")], 1);
    vc_whatif_release(&w);
    vc_scenario_release(&sc);

    assert_int_equal(vc_scenario_add(&sc, VC_STEP_REMOVE, "a1", 0, &err), VC_OK);
    assert_int_equal(vc_whatif_run(&s.c, NULL, &sc, &w, &err), VC_OK);
    assert_double_near(w.impact, 0.6, 1e-12);
    assert_false(w.impact_estimated);
    assert_int_equal(w.loss_estimated[node_of(&s.c, "A")], 0);
    assert_int_equal(w.loss_estimated[node_of(&s.c, "F")], 0);
    vc_whatif_release(&w);
    vc_scenario_release(&sc);
    unload(&s);
}

static enum vc_status read_scenario(const char *text, struct vc_scenario *s,
                                    struct vc_error *err)
{
    FILE *f = fmemopen((void *)text, strlen(text), "r");
    enum vc_status st;
    assert_non_null(f);
    st = vc_scenario_read(s, f, "s.txt", err);
    fclose(f);
    return st;
}

static void test_scenario_file(void **state)
{
    struct vc_scenario s = VC_SCENARIO_INIT;
    struct vc_error err = VC_ERROR_INIT;
    (void)state;

    assert_int_equal(read_scenario("# a scenario\n"
                                   "remove-country NLD   # the Netherlands\n"
                                   "\n"
                                   "remove \"Tokyo Electron\"\n"
                                   "cap Canon Inc. 0.5\n"
                                   "cap Nikon=0.25\n"
                                   "spare 0.1\n", &s, &err), VC_OK);
    assert_int_equal(s.n, 5);
    assert_int_equal(s.steps[0].kind, VC_STEP_REMOVE_COUNTRY);
    assert_string_equal(s.steps[0].name, "NLD");
    assert_int_equal(s.steps[0].line, 2);
    assert_string_equal(s.steps[1].name, "Tokyo Electron");
    assert_int_equal(s.steps[2].kind, VC_STEP_CAP);
    assert_string_equal(s.steps[2].name, "Canon Inc.");
    assert_double_near(s.steps[2].value, 0.5, 0);
    assert_string_equal(s.steps[3].name, "Nikon");
    assert_double_near(s.steps[3].value, 0.25, 0);
    assert_int_equal(s.steps[4].kind, VC_STEP_SPARE);
    assert_double_near(s.steps[4].value, 0.1, 0);
    vc_scenario_release(&s);

    /* gain HOLDER:ITEM SHARE (or =SHARE); the name may be quoted */
    assert_int_equal(read_scenario("gain \"ASM International:Atomic layer deposition tools\" "
                                   "0.64\n"
                                   "gain NLD:EUV light source=0.3 # a country\n", &s, &err),
                     VC_OK);
    assert_int_equal(s.n, 2);
    assert_int_equal(s.steps[0].kind, VC_STEP_GAIN);
    assert_string_equal(s.steps[0].name, "ASM International:Atomic layer deposition tools");
    assert_double_near(s.steps[0].value, 0.64, 0);
    assert_string_equal(s.steps[1].name, "NLD:EUV light source");
    assert_double_near(s.steps[1].value, 0.3, 0);
    assert_int_equal(s.steps[1].line, 2);
    vc_scenario_release(&s);
    assert_int_equal(read_scenario("gain a:b 1.5\n", &s, &err), VC_EINVAL);
    assert_non_null(strstr(err.msg, "share reached"));
    vc_scenario_release(&s);
    vc_error_clear(&err);
    assert_int_equal(read_scenario("\ngain a:b\n", &s, &err), VC_EPARSE);
    assert_int_equal(err.line, 2);
    assert_non_null(strstr(err.msg, "gain HOLDER:ITEM SHARE"));
    vc_scenario_release(&s);
    vc_error_clear(&err);

    assert_int_equal(read_scenario("remove x\nexplode y\n", &s, &err), VC_EPARSE);
    assert_string_equal(err.path, "s.txt");
    assert_int_equal(err.line, 2);
    assert_non_null(strstr(err.msg, "explode"));
    vc_scenario_release(&s);
    vc_error_clear(&err);
    assert_int_equal(read_scenario("cap x 1.5\n", &s, &err), VC_EINVAL);
    assert_int_equal(err.line, 1);
    vc_scenario_release(&s);
    vc_error_clear(&err);
    assert_int_equal(read_scenario("cap x\n", &s, &err), VC_EPARSE);
    vc_scenario_release(&s);
    vc_error_clear(&err);
    assert_int_equal(read_scenario("remove\n", &s, &err), VC_EPARSE);
    vc_scenario_release(&s);
}

/* Names that do not resolve say where they came from. */
static void test_scenario_unknown(void **state)
{
    struct scored c;
    struct vc_scenario s = VC_SCENARIO_INIT;
    struct vc_error err = VC_ERROR_INIT;
    double cut[16], spare = 0;
    (void)state;

    load(&c, small_nodes, small_edges);
    assert_int_equal(read_scenario("remove a1\nremove nobody\n", &s, &err), VC_OK);
    assert_int_equal(vc_scenario_cut(&s, &c.c, cut, &spare, &err), VC_EINVAL);
    assert_string_equal(err.path, "s.txt");
    assert_int_equal(err.line, 2);
    assert_non_null(strstr(err.msg, "nobody"));
    vc_scenario_release(&s);
    vc_error_clear(&err);
    assert_int_equal(vc_scenario_add(&s, VC_STEP_REMOVE, "A", 0, &err), VC_OK); /* an item */
    assert_int_equal(vc_scenario_cut(&s, &c.c, cut, &spare, &err), VC_EINVAL);
    vc_scenario_release(&s);
    vc_error_clear(&err);
    assert_int_equal(vc_scenario_add(&s, VC_STEP_REMOVE_COUNTRY, "FRA", 0, &err), VC_OK);
    assert_int_equal(vc_scenario_cut(&s, &c.c, cut, &spare, &err), VC_EINVAL);
    vc_scenario_release(&s);
    unload(&c);
}

/* ---- the dependency matrix on three countries ----
 *
 * Tools: x1 (NLD) 0.7, y1 (JPN) 0.3.  Material: z1 (USA) 1.0.
 * Chip (final): needs Tools and Material; made by y2 (JPN) 0.6, z2 (USA) 0.4.
 * Software (final): needs Material; made by x2 (NLD) 1.0.
 * docs/model.md works every entry out.
 */
static const char *const three_nodes[] = {
    "x1 actor x1 NLD -", "x2 actor x2 NLD -", "y1 actor y1 JPN -", "y2 actor y2 JPN -",
    "z1 actor z1 USA -", "z2 actor z2 USA -", "tools item Tools - -",
    "material item Material - -", "chip item Chip - final", "software item Software - final",
    NULL,
};
static const char *const three_edges[] = {
    "x1 tools provides 0.7", "y1 tools provides 0.3", "z1 material provides 1.0",
    "y2 chip provides 0.6", "z2 chip provides 0.4", "x2 software provides 1.0",
    "tools chip input_of -", "material chip input_of -", "material software input_of -",
    NULL,
};

static void test_deps_three(void **state)
{
    static const char *const codes[] = { "NLD", "JP", "United States" };
    struct scored s;
    struct vc_deps d;
    struct vc_error err = VC_ERROR_INIT;
    struct vc_engine_opts o = VC_ENGINE_OPTS_INIT;
    (void)state;

    load(&s, three_nodes, three_edges);
    for (unsigned threads = 1; threads <= 3; threads++) {
        o.threads = threads;
        assert_int_equal(vc_deps_matrix(&s.c, &o, codes, 3, &d, &err), VC_OK);
        assert_int_equal(d.n, 3);
        assert_string_equal(d.codes[1], "JPN");
        assert_string_equal(d.codes[2], "USA");
        assert_false(d.value_weighted);
        /* outputs: NLD 0.7 + 1.0, JPN 0.3 + 0.6, USA 1.0 + 0.4 */
        assert_double_near(d.output[0], 1.7, 1e-12);
        assert_double_near(d.output[1], 0.9, 1e-12);
        assert_double_near(d.output[2], 1.4, 1e-12);
#define M(i, j) d.m[(i) * 3 + (j)]
        assert_true(isnan(M(0, 0)) && isnan(M(1, 1)) && isnan(M(2, 2)));
        /* NLD extracted: Tools loses 0.7, which reaches Chip through its input */
        assert_double_near(M(1, 0), 0.6 * 0.7 / 0.9, 1e-12); /* JPN */
        assert_double_near(M(2, 0), 0.4 * 0.7 / 1.4, 1e-12); /* USA */
        /* JPN extracted: Tools loses 0.3 and so does Chip through it; JPN's
         * own 0.6 of Chip does not cut USA's output */
        assert_double_near(M(0, 1), 0.0, 1e-12);
        assert_double_near(M(2, 1), 0.4 * 0.3 / 1.4, 1e-12);
        /* USA extracted: Material is gone, so are Chip and Software */
        assert_double_near(M(0, 2), 1.0 / 1.7, 1e-12);
        assert_double_near(M(1, 2), 0.6 / 0.9, 1e-12);
        /* leverage balance: NLD over JPN 0.467 - 0 > 0 */
        assert_true(M(1, 0) - M(0, 1) > 0.46);
#undef M
        vc_deps_release(&d);
    }
    {
        static const char *const bad[] = { "NLD", "FRA" };
        static const char *const twice[] = { "NLD", "NL" };
        assert_int_equal(vc_deps_matrix(&s.c, &o, bad, 2, &d, &err), VC_EINVAL);
        assert_non_null(strstr(err.msg, "FRA"));
        vc_error_clear(&err);
        assert_int_equal(vc_deps_matrix(&s.c, &o, twice, 2, &d, &err), VC_EINVAL);
    }
    unload(&s);
}

/* With a value on every item, items weigh by value times share: Tools 2,
 * Material 1, Chip 3, Software 1.  M[JPN][NLD] = 3 x 0.6 x 0.7 / (2 x 0.3 +
 * 3 x 0.6) = 0.525; M[NLD][USA] = 1 x 1 / (2 x 0.7 + 1 x 1) = 0.4167. */
static void test_deps_values(void **state)
{
    static const char *const nodes[] = {
        "x1 actor x1 NLD -", "x2 actor x2 NLD -", "y1 actor y1 JPN -", "y2 actor y2 JPN -",
        "z1 actor z1 USA -", "z2 actor z2 USA -", "tools item Tools - - 2",
        "material item Material - - 1", "chip item Chip - final 3",
        "software item Software - final 1", NULL,
    };
    static const char *const codes[] = { "NLD", "JPN", "USA" };
    struct scored s;
    struct vc_deps d;
    (void)state;

    load(&s, nodes, three_edges);
    assert_int_equal(vc_deps_matrix(&s.c, NULL, codes, 3, &d, NULL), VC_OK);
    assert_true(d.value_weighted);
    assert_double_near(d.m[1 * 3 + 0], 3 * 0.6 * 0.7 / (2 * 0.3 + 3 * 0.6), 1e-12);
    assert_double_near(d.m[0 * 3 + 2], 1.0 / (2 * 0.7 + 1.0), 1e-12);
    vc_deps_release(&d);
    unload(&s);
}

/*
 * Firm rows and country rows of one item: a country's share in it is the
 * larger of its two levels' (they describe one market), never their sum.
 * NLD: T (firm x1 0.5, country row 0.6) and U (firm x2 1.0), U needs V made
 * by JPN alone: M[NLD][JPN] = (0.6 x 0 + 1.0 x 1) / (0.6 + 1.0) = 0.625.
 */
static void test_deps_country_rows(void **state)
{
    static const char *const nodes[] = {
        "x1 actor x1 NLD -", "x2 actor x2 NLD -", "nl country Netherlands NLD -",
        "y0 actor y0 JPN -", "y1 actor y1 JPN -", "jp country Japan JPN -",
        "t item T - final", "u item U - final", "v item V - -", NULL,
    };
    static const char *const edges[] = {
        "x1 t provides 0.5", "y0 t provides 0.5", "nl t provides 0.6", "jp t provides 0.4",
        "x2 u provides 1.0", "y1 v provides 1.0", "v u input_of -", NULL,
    };
    static const char *const codes[] = { "NLD", "JPN" };
    struct scored s;
    struct vc_deps d;
    (void)state;

    load(&s, nodes, edges);
    assert_int_equal(vc_deps_matrix(&s.c, NULL, codes, 2, &d, NULL), VC_OK);
    assert_double_near(d.output[0], 1.6, 1e-12);
    assert_double_near(d.output[1], 0.5 + 1.0, 1e-12);
    assert_double_near(d.m[0 * 2 + 1], 0.625, 1e-12);
    assert_double_near(d.m[1 * 2 + 0], 0.0, 1e-12);
    vc_deps_release(&d);
    unload(&s);
}

/*
 * Only essential inputs carry a loss into a country's own production, never
 * variants (co-providers in a sub-market).  Litho (final) has the variants
 * EUV (value 3) and DUV (1); DUV needs Resist.  EUV: x1 (NLD) 1.0; Litho
 * itself: x2 (NLD) 0.75, y2 (JPN) 0.25; DUV: y1 (JPN) 1.0; Resist: z1 (USA)
 * 1.0.  Outputs: NLD 1.75, JPN 1.25, USA 1.
 * - NLD extracted: Litho loses 3/4 through EUV, but that is NLD's own EUV;
 *   no item JPN makes loses an input: M[JPN][NLD] = 0 (counting variants
 *   it would be 0.25 x 0.75 / 1.25 = 0.15).
 * - USA extracted: Resist, hence DUV through its input, are gone:
 *   M[JPN][USA] = 1.0 x 1 / 1.25 = 0.8; Litho loses 1/4 through DUV, which
 *   does not cut x2's or y2's own output: M[NLD][USA] = 0 (0.107 with it).
 * - JPN extracted: M[NLD][JPN] = 0, M[USA][JPN] = 0.
 * The same with --variants essential: it changes Litho's loss, not this.
 */
static void test_deps_variants(void **state)
{
    static const char *const nodes[] = {
        "x1 actor x1 NLD -", "x2 actor x2 NLD -", "y1 actor y1 JPN -", "y2 actor y2 JPN -",
        "z1 actor z1 USA -", "litho item Litho - final", "euv item EUV - - 3",
        "duv item DUV - - 1", "resist item Resist - -", NULL,
    };
    static const char *const edges[] = {
        "x1 euv provides 1.0", "x2 litho provides 0.75", "y2 litho provides 0.25",
        "y1 duv provides 1.0", "z1 resist provides 1.0", "euv litho variant_of -",
        "duv litho variant_of -", "resist duv input_of -", NULL,
    };
    static const char *const codes[] = { "NLD", "JPN", "USA" };
    struct vc_engine_opts o = VC_ENGINE_OPTS_INIT;
    struct scored s;
    struct vc_deps d;
    (void)state;

    load(&s, nodes, edges);
    for (int essential = 0; essential <= 1; essential++) {
        o.variants = essential ? VC_VARIANTS_ESSENTIAL : VC_VARIANTS_SUBSTITUTE;
        assert_int_equal(vc_deps_matrix(&s.c, &o, codes, 3, &d, NULL), VC_OK);
        assert_false(d.value_weighted);
        assert_double_near(d.output[0], 1.75, 1e-12);
        assert_double_near(d.output[1], 1.25, 1e-12);
        assert_double_near(d.output[2], 1.0, 1e-12);
#define M(i, j) d.m[(i) * 3 + (j)]
        assert_double_near(M(1, 0), 0.0, 1e-12);
        assert_double_near(M(2, 0), 0.0, 1e-12);
        assert_double_near(M(0, 1), 0.0, 1e-12);
        assert_double_near(M(2, 1), 0.0, 1e-12);
        assert_double_near(M(0, 2), 0.0, 1e-12);
        assert_double_near(M(1, 2), 0.8, 1e-12);
#undef M
        vc_deps_release(&d);
    }
    unload(&s);
}

/* ---- the Chip Explorer releases (skipped without ../shared) ---- */

static int load_path(const char *path, struct vc_graph *g, struct vc_chain *c)
{
    struct vc_load_opts lo = VC_LOAD_OPTS_INIT;
    struct vc_error err = VC_ERROR_INIT;
    if (vc_load(path, &lo, g, c, NULL, &err) != VC_OK)
        fail_msg("%s: %s", path, err.msg);
    return 0;
}

static void test_chip_explorer_krf(void **state)
{
    char pa[512], pb[512];
    struct vc_graph ga, gb;
    struct vc_chain ca, cb;
    struct vc_analysis aa, ab;
    struct vc_comparison c;
    struct vc_engine_opts o = VC_ENGINE_OPTS_INIT;
    struct vc_error err = VC_ERROR_INIT;
    int seen = 0;
    (void)state;

    if (!shared_path("eto-chip-explorer/history/release-2025-07", pa, sizeof(pa)) ||
        !shared_path("eto-chip-explorer", pb, sizeof(pb))) {
        skip();
        return;
    }
    load_path(pa, &ga, &ca);
    load_path(pb, &gb, &cb);
    assert_int_equal(vc_analysis_run(&ca, &o, &aa, &err), VC_OK);
    assert_int_equal(vc_analysis_run(&cb, &o, &ab, &err), VC_OK);
    assert_int_equal(vc_compare(&aa, &ab, VC_ALIGN_AUTO, &c, &err), VC_OK);
    for (size_t j = 0; j < c.n_provisions; j++) {
        const struct vc_cmp_provision *p = &c.provisions[j];
        const struct vc_provision_score *s;
        const char *actor;
        if (p->pa == SIZE_MAX || p->pb == SIZE_MAX)
            continue;
        s = &ab.provisions[p->pb];
        if (strcmp(cb.label[s->item], "KrF (DUV) lithography tools") != 0)
            continue;
        actor = cb.label[s->actor];
        if (strcmp(actor, "ASML") == 0) {
            assert_double_near(p->share_a, 0.792, 1e-9);
            assert_double_near(p->share_b, 0.660, 1e-9);
            assert_int_equal(p->status, VC_CHANGE_SHRANK);
            seen++;
        } else if (strcmp(actor, "Canon") == 0) {
            assert_double_near(p->share_a, 0.174, 1e-9);
            assert_double_near(p->share_b, 0.310, 1e-9);
            assert_int_equal(p->status, VC_CHANGE_GREW);
            seen++;
        }
    }
    assert_int_equal(seen, 2);
    /* ids are stable between the releases: almost everything aligns by id */
    assert_true(c.align.by_id > 500);
    vc_comparison_release(&c);
    vc_analysis_release(&aa);
    vc_analysis_release(&ab);
    vc_chain_release(&ca);
    vc_chain_release(&cb);
    vc_graph_release(&ga);
    vc_graph_release(&gb);
}

static void test_chip_explorer_whatif_deps(void **state)
{
    char path[512];
    struct vc_graph g;
    struct vc_chain c;
    struct vc_scenario s = VC_SCENARIO_INIT;
    struct vc_whatif w;
    struct vc_deps d;
    struct vc_error err = VC_ERROR_INIT;
    static const char *const codes[] = { "NLD", "TWN", "KOR", "USA", "CHN", "JPN" };
    size_t euv;
    (void)state;

    if (!shared_path("eto-chip-explorer", path, sizeof(path))) {
        skip();
        return;
    }
    load_path(path, &g, &c);
    assert_int_equal(vc_scenario_add(&s, VC_STEP_REMOVE_COUNTRY, "NLD", 0, &err), VC_OK);
    assert_int_equal(vc_whatif_run(&c, NULL, &s, &w, &err), VC_OK);
    euv = vc_graph_find_node(&g, "N20", 3); /* EUV lithography tools */
    assert_true(euv != SIZE_MAX);
    assert_double_near(w.loss[euv], 1.0, 1e-9);
    vc_whatif_release(&w);
    vc_scenario_release(&s);

    assert_int_equal(vc_deps_matrix(&c, NULL, codes, 6, &d, &err), VC_OK);
    /* NLD's leverage over the chip-making countries */
    for (size_t b = 1; b <= 2; b++)
        assert_true(d.m[b * 6 + 0] - d.m[0 * 6 + b] > 0);
    vc_deps_release(&d);
    vc_chain_release(&c);
    vc_graph_release(&g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_compare_years),
        cmocka_unit_test(test_compare_align_id),
        cmocka_unit_test(test_compare_ambiguous_label),
        cmocka_unit_test(test_compare_self),
        cmocka_unit_test(test_compare_mirror),
        cmocka_unit_test(test_compare_graph),
        cmocka_unit_test(test_whatif_remove_country),
        cmocka_unit_test(test_whatif_cap_spare),
        cmocka_unit_test(test_whatif_estimated),
        cmocka_unit_test(test_scenario_file),
        cmocka_unit_test(test_scenario_unknown),
        cmocka_unit_test(test_deps_three),
        cmocka_unit_test(test_deps_values),
        cmocka_unit_test(test_deps_country_rows),
        cmocka_unit_test(test_deps_variants),
        cmocka_unit_test(test_chip_explorer_krf),
        cmocka_unit_test(test_chip_explorer_whatif_deps),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
