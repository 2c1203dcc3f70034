/*
 * test_opportunity.c - where a country could build control points
 * (docs/model.md, "Opportunities" and "Gains"): a chain worked by hand with
 * a near miss of each kind, a foothold of each kind and a control point
 * that must not show up; the shares a gain writes; the dependency balance
 * before and after a gain (docs/model.md's mutual-dependency example).
 */
#include "enginetest.h"

#include "engine/graphcopy.h"
#include "vchain/opportunity.h"
#include "vchain/whatif.h"

#define near9(a, b) assert_double_near((a), (b), 1e-9)

/*
 * F (final) needs A, D and H.  A is a category with three variants of
 * sizes 2, 4 and 4 (weights 0.2, 0.4, 0.4):
 *   A1: j1 (JPN) 0.5, n1 (NLD) 0.4, u1 (USA) 0.1
 *   A2: j2 (JPN) 0.8, n2 (NLD) 0.15, u2 (USA) 0.05
 *   A3: k3 (KOR) 0.5, n4 (NLD) 0.3, c3 (CHN) 0.2; A3 needs O: z (DEU) 1.0
 *   D:  g1 (DEU) 0.7, k1 (KOR) 0.25, n3 (NLD) 0.05
 *   H:  n5 (NLD) 0.9, n6 (NLD) 0.1
 *   K (not final) needs A: j7 (JPN) 1.0
 */
static void build(void)
{
    ITEM("F", 1, NAN);
    ITEM("A", 0, NAN);
    ITEM("A1", 0, 2);
    ITEM("A2", 0, 4);
    ITEM("A3", 0, 4);
    ITEM("O", 0, NAN);
    ITEM("D", 0, NAN);
    ITEM("H", 0, NAN);
    ITEM("K", 0, NAN);
    INPUT("A", "F");
    INPUT("D", "F");
    INPUT("H", "F");
    INPUT("O", "A3");
    INPUT("A", "K");
    VARIANT("A1", "A", NAN);
    VARIANT("A2", "A", NAN);
    VARIANT("A3", "A", NAN);
    const char *firms[][2] = { { "j1", "JPN" }, { "n1", "NLD" }, { "u1", "USA" },
                               { "j2", "JPN" }, { "n2", "NLD" }, { "u2", "USA" },
                               { "k3", "KOR" }, { "n4", "NLD" }, { "c3", "CHN" },
                               { "z", "DEU" },  { "g1", "DEU" }, { "k1", "KOR" },
                               { "n3", "NLD" }, { "n5", "NLD" }, { "n6", "NLD" },
                               { "j7", "JPN" } };
    for (size_t k = 0; k < sizeof(firms) / sizeof(firms[0]); k++)
        FIRM(firms[k][0], firms[k][1]);
    PROV("j1", "A1", 0.5);
    PROV("n1", "A1", 0.4);
    PROV("u1", "A1", 0.1);
    PROV("j2", "A2", 0.8);
    PROV("n2", "A2", 0.15);
    PROV("u2", "A2", 0.05);
    PROV("k3", "A3", 0.5);
    PROV("n4", "A3", 0.3);
    PROV("c3", "A3", 0.2);
    PROV("z", "O", 1.0);
    PROV("g1", "D", 0.7);
    PROV("k1", "D", 0.25);
    PROV("n3", "D", 0.05);
    PROV("n5", "H", 0.9);
    PROV("n6", "H", 0.1);
    PROV("j7", "K", 1.0);
    BUILD();
}

static void test_opportunities(void **state)
{
    struct vc_opp_opts oo = VC_OPP_OPTS_INIT;
    struct vc_opportunities ops;
    struct vc_analysis a;
    struct vc_error err = VC_ERROR_INIT;
    const struct vc_opportunity *o;
    /* NLD's output in the balance: A1 .4, A2 .15, A3 .3, D .05, H 1 (weights 1:
     * not every item it provides has a value) */
    const double nld = 0.4 + 0.15 + 0.3 + 0.05 + 1.0;
    (void)state;

    build();
    RUN(NULL, &a);
    assert_true(PROVISION(&a, "n5", "H")->control_point);
    assert_false(PROVISION(&a, "n1", "A1")->control_point);
    assert_int_equal(vc_opportunities_find(&a, "nl", &oo, &ops, &err), VC_OK);
    assert_string_equal(ops.country, "NLD");
    assert_int_equal(ops.n_near, 3);
    assert_int_equal(ops.n, 5);
    for (size_t k = 0; k < ops.n; k++) {
        /* never a control point it holds, nor an item where it holds one */
        assert_true(ops.v[k].item != N("H"));
        assert_true(ops.v[k].provision == SIZE_MAX ||
                    !a.provisions[ops.v[k].provision].control_point);
    }

    /* 1. n1 in A1: hard to replace (a pair with j1: 0.5 + 0.4 = 0.9), but
     * 0.4 x 0.2 = 0.08 < 0.1; at 0.5, 0.5 x 0.2 = 0.1 */
    o = &ops.v[0];
    assert_int_equal(o->kind, VC_OPP_NEAR_IMPACT);
    assert_int_equal(o->item, N("A1"));
    assert_int_equal(o->actor, N("n1"));
    assert_true(o->hard_now);
    near9(o->impact, 0.08);
    near9(o->closeness, 0.8);
    near9(o->share_hard, 0.4);  /* the pair needs S + (1 - S) 0.5/0.6 >= 0.9 */
    near9(o->share_matters, 0.5);
    near9(o->share_needed, 0.5);
    near9(o->impact_needed, 0.1);
    near9(o->item_impact, 0.2);
    assert_int_equal(o->n_top, 3);
    assert_int_equal(o->top[0], N("j1"));
    near9(o->top_share[1], 0.4);
    assert_int_equal(o->main_holder, N("j1"));
    assert_string_equal(o->main_country, "JPN");
    /* Extracting NLD costs A 0.2 x 0.4 + 0.4 x 0.15 + 0.4 x 0.3 = 0.26, which
     * reaches K (JPN, 1.0) through its input: M[JPN][NLD] = 0.26 / (0.5 + 0.8
     * + 1); nothing Dutch needs a Japanese input: M[NLD][JPN] = 0.  At 0.5 of
     * A1, j1 keeps 0.5 x 0.5 / 0.6 and A loses 0.28. */
    near9(o->ab_now, 0);
    near9(o->ba_now, 0.26 / 2.3);
    near9(o->ab_after, 0);
    near9(o->ba_after, 0.28 / (0.5 * 0.5 / 0.6 + 0.8 + 1.0));
    assert_non_null(strstr(o->reason, "n1 holds 40.0 % of A1 and is hard to replace, but losing "
                                      "it costs 8.0 % of final output"));
    assert_non_null(strstr(o->reason, "a control point from 50.0 % (10.0 points more)"));

    /* 2. n4 in A3: matters (0.3 x 0.4 = 0.12) but replaceable; theta_share
     * 0.5 comes before the pair (S + (1 - S) 0.5/0.7 >= 0.9 at 0.65) */
    o = &ops.v[1];
    assert_int_equal(o->kind, VC_OPP_NEAR_SHARE);
    assert_int_equal(o->item, N("A3"));
    near9(o->impact, 0.12);
    near9(o->share_hard, 0.5);
    near9(o->share_matters, 0.25);
    near9(o->share_needed, 0.5);
    near9(o->impact_needed, 0.2);
    near9(o->closeness, 0.6);
    assert_string_equal(o->main_country, "KOR");
    near9(o->ab_now, 0);
    near9(o->ba_now, 0);

    /* 3. n3 in D: D alone stops F, so any share matters (0 needed) */
    o = &ops.v[2];
    assert_int_equal(o->kind, VC_OPP_NEAR_SHARE);
    assert_int_equal(o->item, N("D"));
    near9(o->share_matters, 0);
    near9(o->share_hard, 0.5);
    near9(o->closeness, 0.1);
    near9(o->impact_needed, 0.5);
    /* Extracting Germany stops O, hence A3's input: M[NLD][DEU] = 0.3 / 1.9;
     * at 0.5 of D the Dutch output is 2.35 */
    assert_string_equal(o->main_country, "DEU");
    near9(o->ab_now, 0.3 / nld);
    near9(o->ba_now, 0);
    near9(o->ab_after, 0.3 / (nld + 0.45));
    assert_non_null(strstr(o->reason, "D is a single point of failure"));

    /* 4. n2 in A2: 0.15 passes neither test; A2 matters (0.4) and Japan
     * holds it.  Hard to replace from 0.2 by the pair rule (j2 keeps
     * 0.8 x 0.8 / 0.85 = 0.75, the pair covers 0.95, and 0.2 is the pair's
     * minimum), mattering from 0.25 (0.25 x 0.4 = 0.1). */
    o = &ops.v[3];
    assert_int_equal(o->kind, VC_OPP_FOOTHOLD_SHARE);
    assert_int_equal(o->item, N("A2"));
    assert_int_equal(o->actor, N("n2"));
    near9(o->impact, 0.06);
    near9(o->share_hard, 0.2);
    near9(o->share_matters, 0.25);
    near9(o->share_needed, 0.25);
    near9(o->impact_needed, 0.1);
    near9(o->closeness, 0.6);
    near9(o->item_impact, 0.4);
    assert_string_equal(o->abroad, "JPN");
    near9(o->abroad_share, 0.8);
    /* at 0.25, j2 keeps 0.8 x 0.75 / 0.85 and A loses 0.08 + 0.1 + 0.12 */
    near9(o->ba_after, 0.3 / (0.5 + 0.8 * 0.75 / 0.85 + 1.0));

    /* 5. O: no Dutch share, but n4 holds 0.3 of A3, which is made with O.
     * A newcomer beside z (1.0) is hard to replace from 0.2 (a pair covering
     * everything), matters from 0.25 (0.25 x 0.4). */
    o = &ops.v[4];
    assert_int_equal(o->kind, VC_OPP_FOOTHOLD_NEIGHBOUR);
    assert_int_equal(o->item, N("O"));
    assert_int_equal(o->actor, N("n4"));
    assert_int_equal(o->neighbour, N("A3"));
    assert_int_equal(o->relation, VC_NEIGHBOUR_USER);
    near9(o->neighbour_share, 0.3);
    near9(o->share, 0);
    assert_true(isnan(o->impact));
    near9(o->share_hard, 0.2);
    near9(o->share_needed, 0.25);
    near9(o->impact_needed, 0.1);
    /* Germany's extraction now takes 0.75 of O; the Dutch output grows by 0.25 */
    assert_string_equal(o->main_country, "DEU");
    near9(o->ab_now, 0.3 / nld);
    near9(o->ab_after, 0.3 * 0.75 / (nld + 0.25));
    near9(o->ba_after, 0);
    assert_non_null(strstr(o->reason, "n4 holds 30.0 % of A3, made with it, but none of O"));
    vc_opportunities_release(&ops);

    /* --top 1: one of each kind, and how many more there are */
    oo.top = 1;
    assert_int_equal(vc_opportunities_find(&a, "NLD", &oo, &ops, &err), VC_OK);
    assert_int_equal(ops.n, 2);
    assert_int_equal(ops.n_near, 1);
    assert_int_equal(ops.more_near, 2);
    assert_int_equal(ops.more_footholds, 1);
    assert_int_equal(ops.v[1].item, N("A2"));
    vc_opportunities_release(&ops);

    /* no knowledge figure in the data: --min-knowledge keeps nothing */
    oo.top = 0;
    oo.min_knowledge = 0;
    assert_int_equal(vc_opportunities_find(&a, "NLD", &oo, &ops, &err), VC_OK);
    assert_int_equal(ops.n, 0);
    assert_int_equal(ops.left_out_knowledge, 5);
    vc_opportunities_release(&ops);

    /* a country without actors */
    assert_int_equal(vc_opportunities_find(&a, "FRA", NULL, &ops, &err), VC_OK);
    assert_null(ops.country);
    assert_int_equal(ops.n, 0);
    vc_opportunities_release(&ops);
    vc_analysis_release(&a);
}

/* docs/model.md's mutual-dependency example: Tools x1 (NLD) 0.7, y1 (JPN)
 * 0.3; Material z1 (USA); Chip needs Tools and Material, made by y2 (JPN)
 * 0.6 and z2 (USA) 0.4; Software needs Material, made by x2 (NLD). */
static void build_deps(void)
{
    ITEM("tools", 0, NAN);
    ITEM("material", 0, NAN);
    ITEM("chip", 1, NAN);
    ITEM("software", 1, NAN);
    COUNTRY("c_nld", "NLD");
    FIRM("x1", "NLD");
    FIRM("x2", "NLD");
    FIRM("y1", "JPN");
    FIRM("y2", "JPN");
    FIRM("z1", "USA");
    FIRM("z2", "USA");
    INPUT("tools", "chip");
    INPUT("material", "chip");
    INPUT("material", "software");
    PROV("x1", "tools", 0.7);
    PROV("y1", "tools", 0.3);
    PROV("c_nld", "tools", 0.7);
    PROV("z1", "material", 1.0);
    PROV("y2", "chip", 0.6);
    PROV("z2", "chip", 0.4);
    PROV("x2", "software", 1.0);
    BUILD();
}

/* The share of edge from -> to in g (NAN: none, or no such edge). */
static double share_of(const struct vc_graph *g, const char *from, const char *to)
{
    const struct vc_attr *col = vc_graph_attr(g, VC_CLASS_EDGE, "share");
    size_t f = vc_graph_find_node(g, from, strlen(from)), t = vc_graph_find_node(g, to, strlen(to));
    for (size_t e = 0; e < g->n_edges; e++)
        if (g->edge_from[e] == f && g->edge_to[e] == t)
            return vc_attr_has(col, e) ? vc_attr_get_double(col, e) : NAN;
    return NAN;
}

static void test_gain_shares(void **state)
{
    struct vc_gain gain;
    struct vc_error err = VC_ERROR_INIT;
    size_t edges;
    (void)state;

    build_deps();
    edges = et.g.n_edges;
    /* a firm: x1 0.7 -> 0.9; y1 0.3 x 0.1 / 0.3; the Dutch country row moves
     * by as much (0.7 -> 0.9) */
    assert_int_equal(vc_gain_resolve(&et.c, VC_LEVEL_FIRM, "x1:tools", 0.9, NULL, 0, &gain, &err),
                     VC_OK);
    assert_int_equal(gain.actor, N("x1"));
    assert_int_equal(gain.level, VC_LEVEL_FIRM);
    assert_int_equal(vc_gain_apply(&et.g, &et.c, &gain, &err), VC_OK);
    near9(share_of(&et.g, "x1", "tools"), 0.9);
    near9(share_of(&et.g, "y1", "tools"), 0.1);
    near9(share_of(&et.g, "c_nld", "tools"), 0.9);
    assert_int_equal(et.g.n_edges, edges);

    /* a country without a provider of the item: a new provider (firm level) */
    assert_int_equal(vc_gain_resolve(&et.c, VC_LEVEL_FIRM, "Netherlands:chip", 0.5, "s.txt", 3,
                                     &gain, &err), VC_OK);
    assert_int_equal(gain.actor, UINT32_MAX);
    assert_string_equal(gain.country, "NLD");
    assert_int_equal(vc_gain_apply(&et.g, &et.c, &gain, &err), VC_OK);
    near9(share_of(&et.g, "new provider (NLD)", "chip"), 0.5);
    near9(share_of(&et.g, "y2", "chip"), 0.3);
    near9(share_of(&et.g, "z2", "chip"), 0.2);
    /* ... and its country row (the item has none) is left alone */
    assert_true(isnan(share_of(&et.g, "c_nld", "chip")));

    /* errors name the place */
    assert_int_equal(vc_gain_resolve(&et.c, VC_LEVEL_FIRM, "x1:nothing", 0.5, "s.txt", 7, &gain,
                                     &err), VC_EINVAL);
    assert_string_equal(err.path, "s.txt");
    assert_int_equal(err.line, 7);
    assert_non_null(strstr(err.msg, "no item \"nothing\""));
    vc_error_clear(&err);
    assert_int_equal(vc_gain_resolve(&et.c, VC_LEVEL_FIRM, "x1 tools", 0.5, NULL, 0, &gain,
                                     &err), VC_EINVAL);
    assert_non_null(strstr(err.msg, "HOLDER:ITEM"));
    vc_error_clear(&err);
    assert_int_equal(vc_gain_resolve(&et.c, VC_LEVEL_FIRM, "x1:tools", 1.5, NULL, 0, &gain,
                                     &err), VC_EINVAL);
    vc_error_clear(&err);
    assert_int_equal(vc_gain_resolve(&et.c, VC_LEVEL_FIRM, "nobody:tools", 0.5, NULL, 0, &gain,
                                     &err), VC_EINVAL);
    assert_non_null(strstr(err.msg, "nor a country"));
}

/* A gain of several firms of one country: they grow in proportion. */
static void test_gain_country_firms(void **state)
{
    struct vc_gain gain;
    struct vc_error err = VC_ERROR_INIT;
    (void)state;

    ITEM("t", 1, NAN);
    FIRM("a", "NLD");
    FIRM("b", "NLD");
    FIRM("c", "USA");
    FIRM("d", "JPN");
    PROV("a", "t", 0.2);
    PROV("b", "t", 0.1);
    PROV("c", "t", 0.4);
    PROV("d", "t", NAN); /* unknown stays unknown */
    BUILD();
    assert_int_equal(vc_gain_resolve(&et.c, VC_LEVEL_FIRM, "NL:t", 0.6, NULL, 0, &gain, &err),
                     VC_OK);
    assert_int_equal(vc_gain_apply(&et.g, &et.c, &gain, &err), VC_OK);
    near9(share_of(&et.g, "a", "t"), 0.4);
    near9(share_of(&et.g, "b", "t"), 0.2);
    near9(share_of(&et.g, "c", "t"), 0.4 * 0.4 / 0.7);
    assert_true(isnan(share_of(&et.g, "d", "t")));
}

/* The balance before and after: NLD reaching 0.9 of Tools. */
static void test_balance(void **state)
{
    static const char *codes[] = { "JPN", "USA", "XXX" };
    struct vc_graph g2;
    struct vc_chain c2;
    struct vc_gain gain;
    struct vc_balance b;
    struct vc_diag quiet = VC_DIAG_INIT;
    struct vc_error err = VC_ERROR_INIT;
    struct vc_chain_opts copts = VC_CHAIN_OPTS_INIT;
    (void)state;

    build_deps();
    /* a copy of the same chain, with the gain written in */
    vc_graph_init(&g2);
    {
        size_t n = et.g.n_nodes, m = et.g.n_edges;
        uint8_t *keep_n = malloc(n), *keep_e = malloc(m);
        uint32_t *nmap = malloc(n * sizeof(uint32_t)), *emap = malloc(m * sizeof(uint32_t));
        memset(keep_n, 1, n);
        memset(keep_e, 1, m);
        assert_int_equal(vc_graph_copy_kept(&et.g, keep_n, keep_e, nmap, emap, &g2, &err),
                         VC_OK);
        free(keep_n);
        free(keep_e);
        free(nmap);
        free(emap);
    }
    assert_int_equal(vc_chain_build(&g2, &copts, &c2, &quiet, &err), VC_OK);
    assert_int_equal(vc_gain_resolve(&c2, VC_LEVEL_FIRM, "NLD:tools", 0.9, NULL, 0, &gain, &err),
                     VC_OK);
    assert_int_equal(vc_gain_apply(&g2, &c2, &gain, &err), VC_OK);
    vc_chain_release(&c2);
    assert_int_equal(vc_chain_build(&g2, &copts, &c2, &quiet, &err), VC_OK);

    assert_int_equal(vc_balance_compute(&et.c, &c2, NULL, "NLD", codes, 3, &b, &err), VC_OK);
    assert_string_equal(b.country, "NLD");
    assert_int_equal(b.n, 2); /* XXX has no actors */
    assert_string_equal(b.rows[0].code, "JPN");
    /* before (docs/model.md): M[NLD][JPN] 0, M[JPN][NLD] 0.42 / 0.9 */
    near9(b.rows[0].ab_before, 0);
    near9(b.rows[0].ba_before, 0.6 * 0.7 / 0.9);
    /* after: Tools loses 0.9 without NLD; JPN keeps 0.1 of it */
    near9(b.rows[0].ab_after, 0);
    near9(b.rows[0].ba_after, 0.6 * 0.9 / 0.7);
    /* USA: M[NLD][USA] = 1 / 1.7 before, 1 / 1.9 after (NLD makes more
     * tools, which need nothing American); M[USA][NLD] 0.4 x 0.7 / 1.4, then
     * 0.4 x 0.9 / 1.4 */
    assert_string_equal(b.rows[1].code, "USA");
    near9(b.rows[1].ab_before, 1.0 / 1.7);
    near9(b.rows[1].ab_after, 1.0 / 1.9);
    near9(b.rows[1].ba_before, 0.4 * 0.7 / 1.4);
    near9(b.rows[1].ba_after, 0.4 * 0.9 / 1.4);
    vc_balance_release(&b);
    vc_chain_release(&c2);
    vc_graph_release(&g2);
}

/* whatif --gain: the world after has the gain written in; Japan's y1 (0.3
 * of Tools, a control point by the pair rule) keeps 0.1 and loses it. */
static void test_whatif_gain(void **state)
{
    struct vc_scenario sc = VC_SCENARIO_INIT;
    struct vc_whatif w;
    struct vc_error err = VC_ERROR_INIT;
    size_t lost = 0, y1_lost = 0;
    (void)state;

    build_deps();
    assert_int_equal(vc_scenario_add(&sc, VC_STEP_GAIN, "x1:tools", 0.9, &err), VC_OK);
    assert_int_equal(vc_whatif_run(&et.c, NULL, &sc, &w, &err), VC_OK);
    near9(w.impact, 0); /* a gain cuts nothing */
    assert_int_equal(w.actors_cut, 0);
    near9(share_of(&w.graph, "x1", "tools"), 0.9);
    near9(share_of(&w.graph, "y1", "tools"), 0.1);
    near9(share_of(&w.graph, "c_nld", "tools"), 0.9);
    assert_true(PROVISION(&w.before, "y1", "tools")->control_point);
    for (size_t k = 0; k < w.cmp.n_provisions; k++) {
        const struct vc_cmp_provision *p = &w.cmp.provisions[k];
        if (p->cp != VC_CP_LOST)
            continue;
        lost++;
        y1_lost += w.before.provisions[p->pa].actor == N("y1");
    }
    assert_int_equal(lost, 1);
    assert_int_equal(y1_lost, 1);
    vc_whatif_release(&w);

    /* steps play in order, each gain resolved in the world as it stands:
     * without y1, x1 holds all of Tools (0.7 / 0.7); Japan then has no row
     * there and gains through a new provider at 0.2, x1 keeping 0.8; Japan
     * has no country row, so the Dutch one stays at 0.7.  The cut is y1's
     * alone: Tools and with it Chip lose 0.3, Software nothing, so final
     * output (two final items, no values) loses 0.15. */
    vc_scenario_release(&sc);
    assert_int_equal(vc_scenario_add(&sc, VC_STEP_REMOVE, "y1", 0, &err), VC_OK);
    assert_int_equal(vc_scenario_add(&sc, VC_STEP_GAIN, "JPN:tools", 0.2, &err), VC_OK);
    assert_int_equal(vc_whatif_run(&et.c, NULL, &sc, &w, &err), VC_OK);
    assert_int_equal(w.actors_cut, 1);
    near9(w.impact, 0.15);
    assert_int_equal(vc_graph_find_node(&w.graph, "y1", 2), SIZE_MAX);
    near9(share_of(&w.graph, "new provider (JPN)", "tools"), 0.2);
    near9(share_of(&w.graph, "x1", "tools"), 0.8);
    near9(share_of(&w.graph, "c_nld", "tools"), 0.7);
    vc_whatif_release(&w);

    /* an unknown item names the step */
    vc_scenario_release(&sc);
    assert_int_equal(vc_scenario_add(&sc, VC_STEP_GAIN, "x1:gold", 0.9, &err), VC_OK);
    assert_int_equal(vc_whatif_run(&et.c, NULL, &sc, &w, &err), VC_EINVAL);
    assert_non_null(strstr(err.msg, "no item \"gold\""));
    vc_scenario_release(&sc);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, et_setup, et_teardown)
    const struct CMUnitTest tests[] = {
        T(test_opportunities), T(test_gain_shares), T(test_gain_country_firms), T(test_balance),
        T(test_whatif_gain),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
