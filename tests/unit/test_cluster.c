/*
 * test_cluster.c - what a country's control points stand on
 * (docs/model.md, "The cluster around a control point"), on a chain worked
 * by hand with one control point of each verdict, and the single points of
 * failure of several targets at once against one target at a time.
 */
#include "enginetest.h"

#include "engine/bitsets.h"
#include "engine/model.h"
#include "vchain/cluster.h"

/*
 * Three final items:
 *   F needs T and M.  T: x1 (NLD) 0.7, y1 (JPN) 0.3; T needs O (z, DEU,
 *     1.0) and L (n2 NLD 0.6, u USA 0.4).  M: m1 (NLD) 1.0; M needs C
 *     (c1 FRA 0.4, c2 USA 0.4, c3 KOR 0.2).
 *   P needs Q (q1 NLD 1.0); Q needs R (r1 NLD 0.8, r2 USA 0.15).
 *   W needs V (v1 NLD 1.0); V needs S (s1 CHN 1.0).
 */
static void build(void)
{
    const char *items[] = { "F", "P", "W", "T", "M", "O", "L", "C", "Q", "R", "V", "S" };
    for (size_t k = 0; k < sizeof(items) / sizeof(items[0]); k++)
        ITEM(items[k], k < 3, NAN);
    FIRM("x1", "NLD");
    FIRM("y1", "JPN");
    FIRM("z", "DEU");
    FIRM("n2", "NLD");
    FIRM("u", "USA");
    FIRM("m1", "NLD");
    FIRM("c1", "FRA");
    FIRM("c2", "USA");
    FIRM("c3", "KOR");
    FIRM("q1", "NLD");
    FIRM("r1", "NLD");
    FIRM("r2", "USA");
    FIRM("v1", "NLD");
    FIRM("s1", "CHN");
    INPUT("T", "F");
    INPUT("M", "F");
    INPUT("O", "T");
    INPUT("L", "T");
    INPUT("C", "M");
    INPUT("Q", "P");
    INPUT("R", "Q");
    INPUT("V", "W");
    INPUT("S", "V");
    PROV("x1", "T", 0.7);
    PROV("y1", "T", 0.3);
    PROV("z", "O", 1.0);
    PROV("n2", "L", 0.6);
    PROV("u", "L", 0.4);
    PROV("m1", "M", 1.0);
    PROV("c1", "C", 0.4);
    PROV("c2", "C", 0.4);
    PROV("c3", "C", 0.2);
    PROV("q1", "Q", 1.0);
    PROV("r1", "R", 0.8);
    PROV("r2", "R", 0.15);
    PROV("v1", "V", 1.0);
    PROV("s1", "S", 1.0);
    BUILD();
}

static const struct vc_cluster *of(const struct vc_analysis *a, const struct vc_clusters *cl,
                                   const char *actor, const char *item)
{
    for (size_t k = 0; k < cl->n; k++) {
        const struct vc_provision_score *p = &a->provisions[cl->v[k].provision];
        if (p->actor == N(actor) && p->item == N(item))
            return &cl->v[k];
    }
    fail_msg("no cluster for %s -> %s", actor, item);
    return NULL;
}

static const struct vc_cluster_member *member(const struct vc_cluster_member *m, size_t n,
                                              const char *actor)
{
    for (size_t k = 0; k < n; k++)
        if (m[k].actor == N(actor))
            return &m[k];
    fail_msg("no member %s", actor);
    return NULL;
}

static void test_verdicts(void **state)
{
    struct vc_analysis a;
    struct vc_country_view v;
    struct vc_clusters cl;
    struct vc_error err = VC_ERROR_INIT;
    const struct vc_cluster *k;
    const struct vc_cluster_member *s;
    (void)state;

    build();
    RUN(NULL, &a);
    assert_int_equal(vc_country_view(&a, "NLD", &v, &err), VC_OK);
    assert_int_equal(vc_clusters_find(&a, &v, &cl, &err), VC_OK);
    /* every Dutch provision is a control point: x1 0.7, n2 0.6 (L stops F),
     * m1, q1, r1 0.8 (R stops P), v1 */
    assert_int_equal(cl.n, 6);

    /* x1 in T: z alone stops O, hence T (abroad); n2 holds 0.6 of L at home */
    k = of(&a, &cl, "x1", "T");
    assert_int_equal(k->verdict, VC_CLUSTER_ECOSYSTEM_WEAKER);
    assert_int_equal(k->n_inputs, 2);
    assert_int_equal(k->n_suppliers, 3);
    assert_int_equal(k->n_spof, 1);
    assert_int_equal(k->spof[0], N("z"));
    assert_int_equal(k->foreign_spof, 1);
    assert_int_equal(k->domestic_hard, 1);
    assert_int_equal(k->foreign_hard, 2); /* z, and u by the pair rule (0.6 + 0.4) */
    s = member(k->suppliers, k->n_suppliers, "z");
    assert_true(s->hard && s->spof && !s->domestic);
    assert_int_equal(s->item, N("O"));
    s = member(k->suppliers, k->n_suppliers, "n2");
    assert_true(s->hard && !s->spof && s->domestic);
    assert_near(s->share, 0.6);
    s = member(k->suppliers, k->n_suppliers, "u");
    assert_true(s->hard && !s->spof && !s->domestic);
    /* T feeds F, which no one provides */
    assert_int_equal(k->n_fed, 1);
    assert_int_equal(k->n_users, 1);
    assert_int_equal(k->users[0].actor, UINT32_MAX);
    assert_int_equal(k->users[0].item, N("F"));
    assert_string_equal(k->text, "an ecosystem, but weaker than it looks: z (DEU) alone can "
                                 "stop T; n2 holds 60.0 % of L, hard to replace at home");

    /* n2 in L: L has no inputs; it feeds T, made by x1 and y1 */
    k = of(&a, &cl, "n2", "L");
    assert_int_equal(k->verdict, VC_CLUSTER_NO_INPUTS);
    assert_int_equal(k->n_users, 2);
    assert_int_equal(k->users[0].actor, N("x1")); /* largest first */
    assert_true(k->users[0].hard && k->users[0].domestic);
    assert_string_equal(k->text, "no inputs in the data: the data lists no input of L, so what "
                                 "it rests on is not in the data");

    /* m1 in M: C has three providers, none hard to replace, none at home */
    k = of(&a, &cl, "m1", "M");
    assert_int_equal(k->verdict, VC_CLUSTER_NO_SPOF);
    assert_int_equal(k->n_suppliers, 3);
    assert_int_equal(k->n_spof, 0);
    assert_int_equal(k->foreign_hard, 0);
    assert_string_equal(k->text, "no single point of failure: no actor abroad alone can stop "
                                 "M, and no domestic supplier of its 1 input is hard to replace");

    /* q1 in Q: r1 (NLD, 0.8) hard to replace in R; no single actor stops Q */
    k = of(&a, &cl, "q1", "Q");
    assert_int_equal(k->verdict, VC_CLUSTER_ECOSYSTEM);
    assert_int_equal(k->n_spof, 0);
    assert_string_equal(k->text, "an ecosystem: r1 holds 80.0 % of R, hard to replace at home");

    /* v1 in V: s1 (CHN) alone makes S */
    k = of(&a, &cl, "v1", "V");
    assert_int_equal(k->verdict, VC_CLUSTER_WEAKER);
    assert_string_equal(k->text, "weaker than it looks: s1 (CHN) alone can stop V");

    vc_clusters_release(&cl);
    vc_country_view_release(&v);
    vc_analysis_release(&a);
}

/* A country without control points has no clusters. */
static void test_none(void **state)
{
    struct vc_analysis a;
    struct vc_country_view v;
    struct vc_clusters cl;
    struct vc_error err = VC_ERROR_INIT;
    (void)state;

    build();
    RUN(NULL, &a);
    assert_int_equal(vc_country_view(&a, "KOR", &v, &err), VC_OK);
    assert_int_equal(vc_clusters_find(&a, &v, &cl, &err), VC_OK);
    assert_int_equal(cl.n, 0);
    vc_clusters_release(&cl);
    vc_country_view_release(&v);
    vc_country_view(&a, "XXX", &v, &err);
    assert_int_equal(vc_clusters_find(&a, &v, &cl, &err), VC_OK);
    assert_int_equal(cl.n, 0);
    vc_clusters_release(&cl);
    vc_country_view_release(&v);
    vc_analysis_release(&a);
}

/* Several targets at once give what one target at a time gives. */
static void test_sets_match_single(void **state)
{
    struct vc_engine_opts o = VC_ENGINE_OPTS_INIT;
    struct vc_model m;
    struct vc_error err = VC_ERROR_INIT;
    uint32_t targets[4];
    uint8_t *many, *one;
    size_t n;
    (void)state;

    build();
    n = et.c.n_nodes;
    targets[0] = N("T");
    targets[1] = N("F");
    targets[2] = N("V");
    targets[3] = N("L");
    assert_int_equal(vc_model_build(&et.c, &o, &m, &err), VC_OK);
    many = malloc(4 * n);
    one = malloc(n);
    assert_int_equal(vc_spof_sets(&m, &o, VC_LEVEL_FIRM, targets, 4, many, &err), VC_OK);
    for (int t = 0; t < 4; t++) {
        assert_int_equal(vc_spof_set(&m, &o, VC_LEVEL_FIRM, targets[t], one, &err), VC_OK);
        assert_memory_equal(many + (size_t)t * n, one, n);
    }
    /* E(F) by hand: F, T, M, O, z, L, m1 (M's sole provider), C */
    assert_int_equal(vc_spof_set(&m, &o, VC_LEVEL_FIRM, N("F"), one, &err), VC_OK);
    {
        const char *in[] = { "F", "T", "M", "O", "z", "L", "m1", "C" };
        size_t count = 0;
        for (size_t v = 0; v < n; v++)
            count += one[v];
        assert_int_equal(count, sizeof(in) / sizeof(in[0]));
        for (size_t k = 0; k < sizeof(in) / sizeof(in[0]); k++)
            assert_true(one[N(in[k])]);
    }
    free(many);
    free(one);
    vc_model_release(&m);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, et_setup, et_teardown)
    const struct CMUnitTest tests[] = {
        T(test_verdicts), T(test_none), T(test_sets_match_single),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
