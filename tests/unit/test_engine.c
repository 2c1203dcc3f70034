/*
 * test_engine.c - the control-point engine on small chains whose answers
 * are worked out by hand (docs/model.md): concentration and its bounds,
 * the worked example of docs/model.md (asserted exactly as the page states
 * it), Leontief chains, variant fans, spare capacity, cycles, unknown
 * shares, aggregates, the control-point thresholds, ranking, partial and
 * country extraction, and the incremental propagation against the naive one.
 */
#include "enginetest.h"

#include "engine/bitsets.h"
#include "engine/disruption.h"
#include "engine/model.h"

static const struct vc_engine_opts defaults = VC_ENGINE_OPTS_INIT;

/* ---- concentration ---- */

static void hhi_full_coverage(void **state)
{
    struct vc_analysis a;
    (void)state;
    ITEM("x", 1, NAN);
    FIRM("p", "USA");
    FIRM("q", "JPN");
    FIRM("r", "NLD");
    PROV("p", "x", 0.5);
    PROV("q", "x", 0.3);
    PROV("r", "x", 0.2);
    BUILD();
    RUN(&defaults, &a);
    const struct vc_concentration *c = &a.conc[N("x")];
    assert_near(c->hhi, 0.38);       /* 0.25 + 0.09 + 0.04 */
    assert_near(c->hhi_upper, 0.38); /* full coverage: the bounds meet */
    assert_near(c->coverage, 1.0);
    assert_near(c->top_share, 0.5);
    assert_near(c->n_eff, 1.0 / 0.38);
    assert_near(c->n_eff_upper, 1.0 / 0.38);
    assert_int_equal(c->providers, 3);
    assert_int_equal(c->providers_unknown, 0);
    assert_int_equal(c->providers_75, 2); /* 0.5 + 0.3 = 0.8 */
    assert_false(c->estimated);
    vc_analysis_release(&a);
}

static void hhi_partial_coverage(void **state)
{
    struct vc_analysis a;
    (void)state;
    /* x: 0.5 and 0.3 named, 0.2 unexplained; y: the same plus a provider
     * without a share; z: 0.4 named, 0.6 by an aggregate */
    ITEM("x", 1, NAN);
    ITEM("y", 1, NAN);
    ITEM("z", 1, NAN);
    FIRM("p", "USA");
    FIRM("q", "JPN");
    FIRM("u", "KOR");
    FIRM("Various companies", NULL);
    PROV("p", "x", 0.5);
    PROV("q", "x", 0.3);
    PROV("p", "y", 0.5);
    PROV("q", "y", 0.3);
    PROV("u", "y", NAN);
    PROV("p", "z", 0.4);
    PROV("Various companies", "z", 0.6);
    BUILD();
    assert_true(et.c.aggregate[N("Various companies")]); /* recognised by its label */
    RUN(&defaults, &a);
    const struct vc_concentration *x = &a.conc[N("x")], *y = &a.conc[N("y")],
                                  *z = &a.conc[N("z")];
    assert_near(x->coverage, 0.8);
    assert_near(x->hhi, 0.34);                 /* the rest split infinitely fine */
    assert_near(x->hhi_upper, 0.34 + 0.04);    /* the rest one provider: (1 - 0.8)^2 */
    /* the true market 0.5/0.3/0.2 (HHI 0.38) lies within the bounds */
    assert_true(x->hhi <= 0.38 && 0.38 <= x->hhi_upper + 1e-12);
    /* two named providers, 2.63 to 2.94 effective ones: the rest is someone */
    assert_near(x->n_eff, 1.0 / 0.38);
    assert_near(x->n_eff_upper, 1.0 / 0.34);
    assert_int_equal(x->providers_75, 2);
    /* an unknown share is counted, never read as 0 or as a share */
    assert_int_equal(y->providers, 3);
    assert_int_equal(y->providers_unknown, 1);
    assert_true(y->estimated);
    assert_near(y->coverage, 0.8);
    assert_near(y->hhi, 0.34);
    /* an aggregate covers its share but adds nothing to the HHI and never
     * counts among the providers reaching 75 % */
    assert_near(z->coverage, 1.0);
    assert_near(z->hhi, 0.16);
    assert_near(z->top_share, 0.4);
    assert_int_equal(z->providers_75, -1);
    assert_int_equal(z->providers, 2);
    assert_near(z->n_eff, 1.0 / 0.16); /* the aggregate covers the rest */
    assert_near(z->n_eff_upper, 1.0 / 0.16);
    vc_analysis_release(&a);
}

static void n_eff_range(void **state)
{
    struct vc_analysis a;
    char reason[512];
    (void)state;
    /* x: three named providers at 0.1, 0.05, 0.05 cover 0.2.  HHI 0.015 to
     * 0.015 + 0.8^2 = 0.655: 1 / 0.655 = 1.53 to 1 / 0.015 = 66.7 effective
     * providers; text and thresholds take 1.53.  y: an aggregate alone, and
     * w: shares unknown: no named share, so no number. */
    ITEM("F", 1, NAN);
    ITEM("x", 0, NAN);
    ITEM("y", 0, NAN);
    ITEM("w", 0, NAN);
    FIRM("p", "USA");
    FIRM("q", "JPN");
    FIRM("r", "NLD");
    FIRM("Various companies", NULL);
    INPUT("x", "F");
    INPUT("y", "F");
    INPUT("w", "F");
    PROV("p", "x", 0.1);
    PROV("q", "x", 0.05);
    PROV("r", "x", 0.05);
    PROV("Various companies", "y", 1.0);
    PROV("p", "w", NAN);
    PROV("q", "w", NAN);
    BUILD();
    RUN(&defaults, &a);
    const struct vc_concentration *x = &a.conc[N("x")];
    assert_near(x->hhi, 0.015);
    assert_near(x->hhi_upper, 0.655);
    assert_near(x->n_eff, 1.0 / 0.655);
    assert_near(x->n_eff_upper, 1.0 / 0.015);
    assert_true(isnan(a.conc[N("y")].n_eff) && isnan(a.conc[N("y")].n_eff_upper));
    assert_true(isnan(a.conc[N("w")].n_eff) && isnan(a.conc[N("w")].n_eff_upper));
    /* nor an HHI or a top share: 0 would read as a perfectly competitive
     * market; coverage and the provider counts stay */
    assert_true(isnan(a.conc[N("y")].hhi) && isnan(a.conc[N("y")].hhi_upper));
    assert_true(isnan(a.conc[N("y")].top_share));
    assert_near(a.conc[N("y")].coverage, 1.0);
    assert_int_equal(a.conc[N("y")].providers, 1);
    assert_true(isnan(a.conc[N("w")].hhi) && isnan(a.conc[N("w")].top_share));
    assert_int_equal(a.conc[N("w")].providers_unknown, 2);
    vc_analysis_reason(&a, PROVISION(&a, "p", "x"), reason, sizeof(reason));
    assert_non_null(strstr(reason, "10.0 % of x (HHI up to 0.66, as few as 1.5 effective "
                                   "providers: the named shares cover 20 %)"));
    assert_null(strstr(reason, "66.7"));
    vc_analysis_release(&a);
}

/* ---- the worked example of docs/model.md ---- */

static void worked_example_graph(double a1, double a2, double a3)
{
    ITEM("F", 1, NAN);
    ITEM("A", 0, NAN);
    ITEM("B", 0, NAN);
    ITEM("C", 0, NAN);
    FIRM("a1", "USA");
    FIRM("a2", "JPN");
    FIRM("b1", "NLD");
    FIRM("c1", "DEU");
    INPUT("A", "F");
    INPUT("B", "F");
    INPUT("C", "B");
    PROV("a1", "A", a1);
    PROV("a2", "A", a2);
    if (a3 > 0) {
        FIRM("a3", "KOR");
        PROV("a3", "A", a3);
    }
    PROV("b1", "B", 1.0);
    PROV("c1", "C", 1.0);
    BUILD();
}

static void expect_set(const struct vc_model *m, uint32_t target, const char *const *ids)
{
    uint8_t *set = calloc(m->n, 1), *want = calloc(m->n, 1);
    struct vc_error err = VC_ERROR_INIT;
    assert_non_null(set);
    assert_non_null(want);
    assert_int_equal(vc_spof_set(m, &defaults, VC_LEVEL_FIRM, target, set, &err), VC_OK);
    for (; *ids; ids++)
        want[N(*ids)] = 1;
    for (size_t k = 0; k < m->n; k++)
        if (set[k] != want[k])
            fail_msg("E(%s): %s is %s, expected %s", et.g.node_id[target], et.g.node_id[k],
                     set[k] ? "in" : "out", want[k] ? "in" : "out");
    free(set);
    free(want);
}

static void worked_example(void **state)
{
    struct vc_analysis a;
    struct vc_model m;
    struct vc_engine_opts o = defaults;
    struct vc_error err = VC_ERROR_INIT;
    (void)state;
    worked_example_graph(0.6, 0.4, 0);

    /* Concentration: HHI(A) = 0.52, N_eff = 1.92, providers_75 = 2; HHI(B) = HHI(C) = 1 */
    RUN(&defaults, &a);
    assert_near(a.conc[N("A")].hhi, 0.52);
    assert_double_near(a.conc[N("A")].n_eff, 1.92, 0.005);
    assert_near(a.conc[N("A")].n_eff, 1.0 / 0.52);
    assert_int_equal(a.conc[N("A")].providers_75, 2);
    assert_near(a.conc[N("B")].hhi, 1.0);
    assert_near(a.conc[N("C")].hhi, 1.0);

    /* Single points of failure: E(A) = {A}, E(C) = {C, c1},
     * E(B) = {B, b1, C, c1}, E(F) = {F, A, B, b1, C, c1} */
    assert_int_equal(vc_model_build(&et.c, NULL, &m, &err), VC_OK);
    expect_set(&m, N("A"), (const char *const[]){ "A", NULL });
    expect_set(&m, N("C"), (const char *const[]){ "C", "c1", NULL });
    expect_set(&m, N("B"), (const char *const[]){ "B", "b1", "C", "c1", NULL });
    expect_set(&m, N("F"), (const char *const[]){ "F", "A", "B", "b1", "C", "c1", NULL });
    vc_model_release(&m);
    assert_int_equal(a.spof_finals[N("b1")], 1);
    assert_int_equal(a.spof_finals[N("c1")], 1);
    assert_int_equal(a.spof_finals[N("a1")], 0);
    assert_int_equal(a.spof_finals[N("a2")], 0);
    assert_int_equal(a.spof_finals[N("F")], 1); /* a final item counts itself */

    /* Impacts: a1 0.6; c1 stops C, so B and F: 1 */
    assert_near(a.impact[N("a1")], 0.6);
    assert_near(a.impact[N("a2")], 0.4);
    assert_near(a.impact[N("b1")], 1.0);
    assert_near(a.impact[N("c1")], 1.0);
    assert_near(a.impact[N("A")], 1.0); /* an item lost entirely */
    assert_near(PROVISION(&a, "a1", "A")->impact, 0.6);
    assert_near(PROVISION(&a, "a2", "A")->impact, 0.4);

    /* Control points: a1, b1, c1, and a2 (one of two providers covering 100 %) */
    assert_true(PROVISION(&a, "a1", "A")->control_point);
    assert_true(PROVISION(&a, "a2", "A")->control_point);
    assert_true(PROVISION(&a, "b1", "B")->control_point);
    assert_true(PROVISION(&a, "c1", "C")->control_point);
    assert_true(a.control_point[N("a2")]);
    assert_true(a.control_point[N("A")]);
    assert_false(a.control_point[N("F")]); /* nobody provides F */
    /* replaceability = 1 - share */
    assert_near(vc_provision_replaceability(&a, PROVISION(&a, "a1", "A")), 0.4);
    assert_near(vc_provision_replaceability(&a, PROVISION(&a, "c1", "C")), 0.0);
    vc_analysis_release(&a);

    /* With spare capacity 0.5 the others make up 0.5 x 0.4 = 0.2: loss 0.4 */
    o.spare = 0.5;
    RUN(&o, &a);
    assert_near(a.impact[N("a1")], 0.4);
    assert_near(PROVISION(&a, "a1", "A")->impact, 0.4);
    /* a2: 0.4 - 0.5 x 0.6 = 0.1 */
    assert_near(a.impact[N("a2")], 0.1);
    assert_near(a.impact[N("c1")], 1.0); /* no one else to make up for a sole provider */
    /* replaceability min(1, (1 - s)(1 + sigma)) */
    assert_near(vc_provision_replaceability(&a, PROVISION(&a, "a1", "A")), 0.6);
    assert_near(vc_provision_replaceability(&a, PROVISION(&a, "a2", "A")), 0.9);
    vc_analysis_release(&a);
}

static void worked_example_three_providers(void **state)
{
    struct vc_analysis a;
    (void)state;
    /* 0.55/0.3/0.15: only the first is hard to replace (0.55 >= 0.5, and the
     * top two cover 0.85 < 0.9) */
    worked_example_graph(0.55, 0.3, 0.15);
    RUN(&defaults, &a);
    assert_true(PROVISION(&a, "a1", "A")->hard_to_replace);
    assert_true(PROVISION(&a, "a1", "A")->control_point);
    assert_false(PROVISION(&a, "a2", "A")->hard_to_replace);
    assert_false(PROVISION(&a, "a2", "A")->control_point);
    assert_false(PROVISION(&a, "a3", "A")->control_point);
    assert_true(isnan(PROVISION(&a, "a2", "A")->impact)); /* not computed: not hard */
    assert_near(a.impact[N("a2")], 0.3);                   /* the actor's own extraction is */
    vc_analysis_release(&a);
}

/* MODEL.md's hand check in vchain's terms: F needs A (a1 or a2) and B
 * (only b1); B needs the input item C, made only by c1 => b1 and c1 are
 * single points of failure of F, a1 and a2 are not. */
static void spof_model_md(void **state)
{
    struct vc_analysis a;
    (void)state;
    worked_example_graph(0.6, 0.4, 0);
    RUN(&defaults, &a);
    for (size_t k = 0; k < a.n; k++)
        if (et.c.kind[k] == VC_KIND_ACTOR)
            assert_int_equal(a.spof_finals[k] > 0,
                             k == N("b1") || k == N("c1"));
    vc_analysis_release(&a);
}

/* ---- Leontief chain and variant fan ---- */

static void leontief_chain(void **state)
{
    struct vc_analysis a;
    double loss[16];
    (void)state;
    /* ore (r1 0.7, r2 0.3) -> metal (m1 0.5, m2 0.5) -> part -> F1 (value 3)
     * and gas (g1 1.0) -> F2 (value 1); part has no providers of its own. */
    ITEM("ore", 0, NAN);
    ITEM("metal", 0, NAN);
    ITEM("part", 0, NAN);
    ITEM("gas", 0, NAN);
    ITEM("F1", 1, 3.0);
    ITEM("F2", 1, 1.0);
    FIRM("r1", "AUS");
    FIRM("r2", "BRA");
    FIRM("m1", "CHN");
    FIRM("m2", "CHN");
    FIRM("g1", "USA");
    INPUT("ore", "metal");
    INPUT("metal", "part");
    INPUT("part", "F1");
    INPUT("gas", "F2");
    INPUT("metal", "F2");
    PROV("r1", "ore", 0.7);
    PROV("r2", "ore", 0.3);
    PROV("m1", "metal", 0.5);
    PROV("m2", "metal", 0.5);
    PROV("g1", "gas", 1.0);
    BUILD();
    assert_true(et.c.n_nodes <= 16);

    /* r1: ore 0.7 -> metal max(0, 0.7) -> part 0.7 -> F1 0.7, F2 0.7;
     * impact = (3 x 0.7 + 1 x 0.7) / 4 */
    assert_near(EXTRACT(&defaults, loss, "r1", NULL), 0.7);
    assert_near(loss[N("ore")], 0.7);
    assert_near(loss[N("metal")], 0.7);
    assert_near(loss[N("part")], 0.7);
    assert_near(loss[N("gas")], 0.0);
    /* m1: metal's own loss 0.5 beats its input's 0 */
    assert_near(EXTRACT(&defaults, loss, "m1", NULL), 0.5);
    assert_near(loss[N("ore")], 0.0);
    /* r1 and m1 together: metal = max(own 0.5, ore 0.7) */
    assert_near(EXTRACT(&defaults, loss, "r1", "m1", NULL), 0.7);
    /* g1: F2 only (weight 1/4) */
    assert_near(EXTRACT(&defaults, loss, "g1", NULL), 0.25);
    assert_near(loss[N("F1")], 0.0);
    assert_near(loss[N("F2")], 1.0);
    /* r2 and g1: F1 0.3, F2 max(gas 1, metal 0.3) = 1 -> (0.9 + 1) / 4 */
    assert_near(EXTRACT(&defaults, loss, "r2", "g1", NULL), (3 * 0.3 + 1.0) / 4);

    RUN(&defaults, &a);
    assert_near(a.impact[N("r1")], 0.7);
    assert_near(a.impact[N("g1")], 0.25);
    assert_near(a.impact[N("part")], 0.75); /* losing an item entirely */
    assert_near(a.impact[N("F2")], 0.25);
    /* single points of failure: g1 of F2 and the items on the paths */
    assert_int_equal(a.spof_finals[N("g1")], 1);
    assert_int_equal(a.spof_finals[N("metal")], 2);
    assert_int_equal(a.spof_finals[N("r1")], 0);
    /* reach: what lies downstream of each node */
    assert_int_equal(a.reach_items[N("ore")], 4);  /* metal, part, F1, F2 */
    assert_int_equal(a.reach_final[N("ore")], 2);
    assert_int_equal(a.reach_items[N("r1")], 5);   /* ore and the four above */
    assert_int_equal(a.reach_items[N("F1")], 0);
    assert_int_equal(a.reach_items[N("g1")], 2);
    vc_analysis_release(&a);
}

static void variant_fan_graph(double w1, double w2, double w3, double v3)
{
    /* L (a category) has variants V1 (value 6), V2 (3), V3 (v3); F needs L.
     * V1: x 1.0; V2: x 0.5, y 0.5; V3: y 1.0 */
    ITEM("F", 1, NAN);
    ITEM("L", 0, NAN);
    ITEM("V1", 0, 6.0);
    ITEM("V2", 0, 3.0);
    ITEM("V3", 0, v3);
    FIRM("x", "NLD");
    FIRM("y", "JPN");
    INPUT("L", "F");
    VARIANT("V1", "L", w1);
    VARIANT("V2", "L", w2);
    VARIANT("V3", "L", w3);
    PROV("x", "V1", 1.0);
    PROV("x", "V2", 0.5);
    PROV("y", "V2", 0.5);
    PROV("y", "V3", 1.0);
    BUILD();
}

static void variant_fan_by_value(void **state)
{
    struct vc_engine_opts o = defaults;
    struct vc_analysis a;
    double loss[8];
    (void)state;
    variant_fan_graph(NAN, NAN, NAN, 1.0);
    /* x: V1 1, V2 0.5, V3 0 -> L = (6 x 1 + 3 x 0.5 + 1 x 0) / 10 = 0.75 */
    assert_near(EXTRACT(&defaults, loss, "x", NULL), 0.75);
    assert_near(loss[N("L")], 0.75);
    assert_near(loss[N("V2")], 0.5);
    /* y: (3 x 0.5 + 1 x 1) / 10 = 0.25 */
    assert_near(EXTRACT(&defaults, loss, "y", NULL), 0.25);
    /* essential variants: the worst counts, so either stops F */
    o.variants = VC_VARIANTS_ESSENTIAL;
    assert_near(EXTRACT(&o, loss, "x", NULL), 1.0);
    assert_near(EXTRACT(&o, loss, "y", NULL), 1.0);

    /* single points of failure: substitutes -> neither x nor y stops F;
     * essential -> both do (x through V1, y through V3) */
    RUN(&defaults, &a);
    assert_int_equal(a.spof_finals[N("x")], 0);
    assert_int_equal(a.spof_finals[N("y")], 0);
    assert_int_equal(a.spof_finals[N("V1")], 0);
    assert_int_equal(a.spof_finals[N("L")], 1);
    assert_near(a.impact[N("V1")], 0.6); /* losing V1 entirely: 6 / 10 */
    vc_analysis_release(&a);
    RUN(&o, &a);
    assert_int_equal(a.spof_finals[N("x")], 1);
    assert_int_equal(a.spof_finals[N("y")], 1);
    assert_int_equal(a.spof_finals[N("V2")], 1);
    assert_near(a.impact[N("V3")], 1.0);
    vc_analysis_release(&a);
}

static void variant_fan_by_weight(void **state)
{
    double loss[8];
    (void)state;
    /* edge weights win over values: 1, 1, 2 -> x: (1 + 0.5 + 0) / 4 */
    variant_fan_graph(1.0, 1.0, 2.0, 1.0);
    assert_near(EXTRACT(&defaults, loss, "x", NULL), 0.375);
    assert_near(EXTRACT(&defaults, loss, "y", NULL), (0.5 + 2.0) / 4);
}

static void variant_fan_equal(void **state)
{
    double loss[8];
    (void)state;
    /* V3 has neither weight nor value: it takes its smallest sibling's size
     * (V2's 3), so x: (6 x 1 + 3 x 0.5 + 3 x 0) / 12, y: (3 x 0.5 + 3 x 1) / 12 */
    variant_fan_graph(NAN, NAN, NAN, NAN);
    assert_near(EXTRACT(&defaults, loss, "x", NULL), 7.5 / 12);
    assert_near(EXTRACT(&defaults, loss, "y", NULL), 4.5 / 12);
}

static void variant_size_from_own_variants(void **state)
{
    double loss[32];
    (void)state;
    /* L has variants V1 (value 6), V2 (1), W and Z (no value).  W's own
     * variants: W1 (2), W2 (1.5), W3 (no value; its variants W3a and W3b are
     * 0.5 each, so 1), W4 (no value, no variants: its smallest sibling's, 1):
     * W weighs 2 + 1.5 + 1 + 1 = 5.5, not its smallest sibling's 1.  Z's
     * variants Z1 and Z2 have no size: Z takes its smallest sibling's, 1.
     * L: 6 + 1 + 5.5 + 1 = 13.5.  F needs L; x makes W1, y W3a, z Z1. */
    ITEM("F", 1, NAN);
    ITEM("L", 0, NAN);
    ITEM("V1", 0, 6.0);
    ITEM("V2", 0, 1.0);
    ITEM("W", 0, NAN);
    ITEM("W1", 0, 2.0);
    ITEM("W2", 0, 1.5);
    ITEM("W3", 0, NAN);
    ITEM("W3a", 0, 0.5);
    ITEM("W3b", 0, 0.5);
    ITEM("W4", 0, NAN);
    ITEM("Z", 0, NAN);
    ITEM("Z1", 0, NAN);
    ITEM("Z2", 0, NAN);
    FIRM("x", "USA");
    FIRM("y", "JPN");
    FIRM("z", "NLD");
    INPUT("L", "F");
    VARIANT("V1", "L", NAN);
    VARIANT("V2", "L", NAN);
    VARIANT("W", "L", NAN);
    VARIANT("Z", "L", NAN);
    VARIANT("W1", "W", NAN);
    VARIANT("W2", "W", NAN);
    VARIANT("W3", "W", NAN);
    VARIANT("W4", "W", NAN);
    VARIANT("W3a", "W3", NAN);
    VARIANT("W3b", "W3", NAN);
    VARIANT("Z1", "Z", NAN);
    VARIANT("Z2", "Z", NAN);
    PROV("x", "W1", 1.0);
    PROV("y", "W3a", 1.0);
    PROV("z", "Z1", 1.0);
    BUILD();
    /* x: W loses 2 / 5.5, L 5.5 x (2 / 5.5) / 13.5 = 2 / 13.5 */
    assert_near(EXTRACT(&defaults, loss, "x", NULL), 2.0 / 13.5);
    assert_near(loss[N("W")], 2.0 / 5.5);
    /* y: W3 loses 0.5, W 1 x 0.5 / 5.5, L 0.5 / 13.5 */
    assert_near(EXTRACT(&defaults, loss, "y", NULL), 0.5 / 13.5);
    assert_near(loss[N("W3")], 0.5);
    /* z: Z1 and Z2 count equally, Z loses 0.5, L 1 x 0.5 / 13.5 */
    assert_near(EXTRACT(&defaults, loss, "z", NULL), 0.5 / 13.5);
    assert_near(loss[N("Z")], 0.5);
}

static void variant_size_cycle(void **state)
{
    double loss[16];
    (void)state;
    /* P's variants Q (value 2) and R (none); R and S are variants of each
     * other, neither sized: R has no size of its own variants and takes its
     * smallest sibling's, 2.  x makes Q: P loses 2 / (2 + 2). */
    ITEM("P", 1, NAN);
    ITEM("Q", 0, 2.0);
    ITEM("R", 0, NAN);
    ITEM("S", 0, NAN);
    FIRM("x", "USA");
    VARIANT("Q", "P", NAN);
    VARIANT("R", "P", NAN);
    VARIANT("S", "R", NAN);
    VARIANT("R", "S", NAN);
    PROV("x", "Q", 1.0);
    BUILD();
    assert_near(EXTRACT(&defaults, loss, "x", NULL), 0.5);
}

/* ---- spare capacity, levels, partial and country extraction ---- */

static void spare_capacity(void **state)
{
    struct vc_engine_opts o = defaults;
    double loss[8];
    (void)state;
    ITEM("F", 1, NAN);
    FIRM("p", "USA");
    FIRM("q", "JPN");
    FIRM("r", "KOR");
    PROV("p", "F", 0.6);
    PROV("q", "F", 0.2);
    PROV("r", "F", 0.2);
    BUILD();
    o.spare = 0.25;
    /* p: 0.6 - 0.25 x 0.4 = 0.5 */
    assert_near(EXTRACT(&o, loss, "p", NULL), 0.5);
    /* q: 0.2 - 0.25 x 0.8 = 0: fully absorbed */
    assert_near(EXTRACT(&o, loss, "q", NULL), 0.0);
    /* p and q: 0.8 - 0.25 x 0.2 = 0.75 */
    assert_near(EXTRACT(&o, loss, "p", "q", NULL), 0.75);
    /* everyone: nothing is left to absorb anything */
    assert_near(EXTRACT(&o, loss, "p", "q", "r", NULL), 1.0);
    o.spare = 3.0; /* p: 0.6 - 3 x 0.4 < 0 */
    assert_near(EXTRACT(&o, loss, "p", NULL), 0.0);
}

static void partial_cut_and_countries(void **state)
{
    double *cut, loss[16], impact;
    struct vc_error err = VC_ERROR_INIT;
    struct vc_analysis a;
    (void)state;
    /* litho: firms asml (NLD) 0.8, nikon (JPN) 0.15, canon (JPN) 0.05;
     * country rows NLD 0.7 (a different source), JPN 0.3.  chip needs litho
     * and fab; fab: tsmc (TWN) 0.6, samsung (KOR) 0.4. */
    ITEM("chip", 1, NAN);
    ITEM("litho", 0, NAN);
    ITEM("fab", 0, NAN);
    FIRM("asml", "NLD");
    FIRM("vdl", "NL"); /* alpha-2, mapped to NLD */
    FIRM("nikon", "JPN");
    FIRM("canon", "JPN");
    FIRM("tsmc", "TWN");
    FIRM("samsung", "KOR");
    COUNTRY("NLD", "NLD");
    COUNTRY("JPN", "JPN");
    INPUT("litho", "chip");
    INPUT("fab", "chip");
    PROV("asml", "litho", 0.8);
    PROV("vdl", "fab", 0.0);
    PROV("nikon", "litho", 0.15);
    PROV("canon", "litho", 0.05);
    PROV("NLD", "litho", 0.7);
    PROV("JPN", "litho", 0.3);
    PROV("tsmc", "fab", 0.6);
    PROV("samsung", "fab", 0.4);
    BUILD();
    assert_string_equal(et.c.country[N("vdl")], "NLD");
    cut = calloc(et.c.n_nodes, sizeof(double));
    assert_non_null(cut);

    /* a capacity cap: asml loses half its output -> 0.4 of litho */
    cut[N("asml")] = 0.5;
    assert_int_equal(vc_extract(&et.c, &defaults, cut, loss, &impact, NULL, &err), VC_OK);
    assert_near(loss[N("asml")], 0.5);
    assert_near(loss[N("litho")], 0.4);
    assert_near(impact, 0.4);
    /* the levels describe one market: the larger estimate counts.  asml
     * alone: firm level 0.8, country level 0 (NLD's row is not cut) */
    cut[N("asml")] = 1.0;
    assert_int_equal(vc_extract(&et.c, &defaults, cut, loss, &impact, NULL, &err), VC_OK);
    assert_near(impact, 0.8);
    /* the NLD row alone: 0.7 */
    memset(cut, 0, et.c.n_nodes * sizeof(double));
    cut[N("NLD")] = 1.0;
    assert_int_equal(vc_extract(&et.c, &defaults, cut, loss, &impact, NULL, &err), VC_OK);
    assert_near(impact, 0.7);

    /* vc_country_cut: every actor of the country, both levels, any spelling */
    memset(cut, 0, et.c.n_nodes * sizeof(double));
    assert_int_equal(vc_country_cut(&et.c, "NL", cut), 3); /* asml, vdl, NLD */
    assert_near(cut[N("asml")], 1.0);
    assert_near(cut[N("vdl")], 1.0);
    assert_near(cut[N("NLD")], 1.0);
    assert_near(cut[N("nikon")], 0.0);
    assert_int_equal(vc_extract(&et.c, &defaults, cut, loss, &impact, NULL, &err), VC_OK);
    assert_near(impact, 0.8); /* max(firms 0.8, countries 0.7) */
    memset(cut, 0, et.c.n_nodes * sizeof(double));
    assert_int_equal(vc_country_cut(&et.c, "japan", cut), 3);
    assert_int_equal(vc_extract(&et.c, &defaults, cut, loss, &impact, NULL, &err), VC_OK);
    assert_near(impact, 0.3); /* max(0.2, 0.3) */
    memset(cut, 0, et.c.n_nodes * sizeof(double));
    assert_int_equal(vc_country_cut(&et.c, "XX", cut), 0);
    assert_int_equal(vc_country_cut(&et.c, "TWN", cut), 1);
    assert_int_equal(vc_extract(&et.c, &defaults, cut, loss, &impact, NULL, &err), VC_OK);
    assert_near(impact, 0.6);
    free(cut);

    /* the same through the analysis: every country, largest impact first */
    RUN(&defaults, &a);
    assert_int_equal(a.n_countries, 4);
    assert_string_equal(a.countries[0].code, "NLD");
    assert_near(a.countries[0].impact, 0.8);
    assert_int_equal(a.countries[0].actors, 3);
    assert_string_equal(a.countries[1].code, "TWN");
    assert_near(a.countries[1].impact, 0.6);
    assert_int_equal(vc_analysis_country(&a, "nl"), 0);
    assert_int_equal(vc_analysis_country(&a, "Netherlands"), 0);
    assert_true(vc_analysis_country(&a, "FRA") == SIZE_MAX);
    /* NLD holds asml's litho (0.8) and its own row (0.7), one control point
     * counted once: litho is analysed at the firm level, where rank lists
     * it; the country row restates it */
    assert_int_equal(a.countries[0].control_points, 1);
    assert_true(PROVISION(&a, "NLD", "litho")->control_point);
    assert_true(PROVISION(&a, "tsmc", "fab")->control_point); /* 0.6, impact 0.6 */
    assert_true(PROVISION(&a, "samsung", "fab")->control_point); /* pair: 0.6 + 0.4 */
    /* nikon: one of the two that reach 0.95 >= 0.9, but with 0.15 beside
     * 0.8 no duopolist (below theta_pair_min 0.2) */
    assert_false(PROVISION(&a, "nikon", "litho")->hard_to_replace);
    assert_false(PROVISION(&a, "nikon", "litho")->control_point);
    /* the JPN row is: 0.3 beside NLD's 0.7 at the country level */
    assert_true(PROVISION(&a, "JPN", "litho")->control_point);
    assert_false(PROVISION(&a, "canon", "litho")->hard_to_replace);
    /* each provision reads its item's concentration at its own level:
     * firms 0.8, 0.15, 0.05; countries 0.7, 0.3 */
    assert_int_equal(a.conc_level[N("litho")], VC_LEVEL_FIRM);
    assert_near(vc_provision_conc(&a, PROVISION(&a, "asml", "litho"))->hhi, 0.665);
    assert_int_equal(vc_provision_conc(&a, PROVISION(&a, "asml", "litho"))->providers, 3);
    assert_near(vc_provision_conc(&a, PROVISION(&a, "JPN", "litho"))->hhi, 0.58);
    assert_int_equal(vc_provision_conc(&a, PROVISION(&a, "JPN", "litho"))->providers, 2);
    assert_near(vc_provision_conc(&a, PROVISION(&a, "tsmc", "fab"))->hhi, 0.52);
    /* TWN: tsmc; JPN: only its country row, not counted at the firm level */
    assert_int_equal(a.countries[vc_analysis_country(&a, "TWN")].control_points, 1);
    assert_int_equal(a.countries[vc_analysis_country(&a, "JPN")].control_points, 0);
    vc_analysis_release(&a);
    {
        /* at the country level litho's rows are NLD's and JPN's; fab has
         * firm rows only and stays at the firm level */
        struct vc_engine_opts o = defaults;
        o.level = VC_LEVEL_COUNTRY;
        RUN(&o, &a);
        assert_int_equal(a.countries[vc_analysis_country(&a, "NLD")].control_points, 1);
        assert_int_equal(a.countries[vc_analysis_country(&a, "JPN")].control_points, 1);
        assert_int_equal(a.countries[vc_analysis_country(&a, "TWN")].control_points, 1);
        vc_analysis_release(&a);
    }
}

/* ---- cycles ---- */

static void cycle_converges(void **state)
{
    double *cut, loss[8], impact;
    int rounds = 0;
    struct vc_error err = VC_ERROR_INIT;
    struct vc_engine_opts o = defaults;
    struct vc_analysis a;
    (void)state;
    /* a buys steel from b (weight 1), c (1) and d (2); b buys steel from a.
     * Cutting c: L_a = (L_b + 1 + 0) / 4 and L_b = L_a, so L_a = 1/3.
     * F is made by a alone. */
    ITEM("F", 1, NAN);
    FIRM("a", "USA");
    FIRM("b", "USA");
    FIRM("c", "USA");
    FIRM("d", "USA");
    SUPPLY("b", "a", "steel", 1.0);
    SUPPLY("c", "a", "steel", 1.0);
    SUPPLY("d", "a", "steel", 2.0);
    SUPPLY("a", "b", "steel", NAN);
    PROV("a", "F", 1.0);
    BUILD();
    cut = calloc(et.c.n_nodes, sizeof(double));
    assert_non_null(cut);
    cut[N("c")] = 1.0;
    assert_int_equal(vc_extract(&et.c, &o, cut, loss, &impact, &rounds, &err), VC_OK);
    assert_double_near(loss[N("a")], 1.0 / 3, 1e-9);
    assert_double_near(loss[N("b")], 1.0 / 3, 1e-9);
    assert_double_near(impact, 1.0 / 3, 1e-9);
    assert_true(rounds > 2); /* it took more than one round to settle */
    /* too few rounds: the result says it did not settle */
    o.max_rounds = 3;
    assert_int_equal(vc_extract(&et.c, &o, cut, loss, &impact, &rounds, &err), VC_EINVAL);
    assert_non_null(strstr(err.msg, "did not settle"));
    free(cut);

    RUN(&defaults, &a);
    assert_true(a.converged);
    assert_double_near(a.impact[N("c")], 1.0 / 3, 1e-9);
    assert_double_near(a.impact[N("d")], 2.0 / 3, 1e-9); /* L_a = (L_a + 2) / 4 */
    assert_near(a.impact[N("a")], 1.0);
    vc_analysis_release(&a);
    o.max_rounds = 3;
    RUN(&o, &a);
    assert_false(a.converged);
    vc_analysis_release(&a);
}

/* ---- firm networks: final output is the actors, weighted by output ---- */

/* A plain supply network: a (2) and c (1) supply b, b supplies d (3).
 * Outputs: a sells 2, c sells 1, b sells 3 and buys 3, d buys 3, so the
 * weights are 2, 3, 1, 3 of 9.  Extracting a: b's one group loses 2/3, so
 * does d: (2 + 3 * 2/3 + 3 * 2/3) / 9 = 2/3; c: (1 + 1 + 1) / 9 = 1/3. */
static void firm_network_all_actors(void **state)
{
    struct vc_analysis a;
    (void)state;
    FIRM("a", NULL);
    FIRM("b", NULL);
    FIRM("c", NULL);
    FIRM("d", NULL);
    FIRM("e", NULL); /* no link, no value: the smallest output of the others, 1 */
    SUPPLY("a", "b", NULL, 2.0);
    SUPPLY("c", "b", NULL, 1.0);
    SUPPLY("b", "d", NULL, 3.0);
    BUILD();
    assert_int_equal(et.c.final_rule, VC_FINAL_ALL_ACTORS);
    RUN(&defaults, &a);
    assert_near(a.impact[N("a")], 6.0 / 10);
    assert_near(a.impact[N("c")], 3.0 / 10);
    assert_near(a.impact[N("b")], 6.0 / 10);
    assert_near(a.impact[N("d")], 3.0 / 10);
    assert_near(a.impact[N("e")], 1.0 / 10);
    vc_analysis_release(&a);
}

/* Substitutability: x buys steel from s1 (3) and s2 (1), electronics from
 * e1 (2), and logistics from l (4), which it can do without
 * (essential=false).  Groups by sector: losing s1 costs x 3/4 of its steel,
 * so 3/4 of its output; s2 1/4; e1 all; l its input share 4/10, linearly.
 * One group of substitutes: s1 3/6, e1 2/6; every supplier needed: s2 1. */
static void supplier_groups(void **state)
{
    double loss[8];
    struct vc_engine_opts o = defaults;
    (void)state;
    FIRM("x", NULL);
    FIRM("s1", NULL);
    FIRM("s2", NULL);
    FIRM("e1", NULL);
    FIRM("l", NULL);
    SECTOR("s1", "steel");
    SECTOR("s2", "steel");
    SECTOR("e1", "electronics");
    SECTOR("l", "logistics");
    SUPPLY("s1", "x", NULL, 3.0);
    SUPPLY("s2", "x", NULL, 1.0);
    SUPPLY("e1", "x", NULL, 2.0);
    NONESSENTIAL(SUPPLY("l", "x", NULL, 4.0));
    BUILD();
    assert_string_equal(et.c.sector_attr, "sector");
    EXTRACT(&o, loss, "s1", NULL);
    assert_near(loss[N("x")], 0.75);
    EXTRACT(&o, loss, "s2", NULL);
    assert_near(loss[N("x")], 0.25);
    EXTRACT(&o, loss, "e1", NULL);
    assert_near(loss[N("x")], 1.0);
    EXTRACT(&o, loss, "l", NULL);
    assert_near(loss[N("x")], 0.4);
    EXTRACT(&o, loss, "s1", "l", NULL); /* the worst of 3/4 and 4/10 */
    assert_near(loss[N("x")], 0.75);
    o.suppliers = VC_SUPPLIERS_SUBSTITUTE;
    EXTRACT(&o, loss, "s1", NULL);
    assert_near(loss[N("x")], 0.5);
    EXTRACT(&o, loss, "e1", NULL);
    assert_near(loss[N("x")], 2.0 / 6);
    EXTRACT(&o, loss, "l", NULL); /* still not essential: linear */
    assert_near(loss[N("x")], 0.4);
    o.suppliers = VC_SUPPLIERS_ESSENTIAL;
    EXTRACT(&o, loss, "s2", NULL);
    assert_near(loss[N("x")], 1.0);
}

/* The edge's item comes before the supplier's sector; a sector column of
 * numbers (NACE codes) is read as text; --group-by names another one. */
static void supplier_groups_item_and_codes(void **state)
{
    double loss[8];
    struct vc_attr *nace, *fn;
    struct vc_chain_opts co = VC_CHAIN_OPTS_INIT;
    struct vc_error err = VC_ERROR_INIT;
    struct vc_chain c2;
    (void)state;
    FIRM("x", NULL);
    FIRM("a", NULL);
    FIRM("b", NULL);
    FIRM("c", NULL);
    SUPPLY("a", "x", NULL, 1.0);
    SUPPLY("b", "x", NULL, 1.0);
    SUPPLY("c", "x", "wafers", 1.0);
    et_col(&nace, VC_CLASS_NODE, "NACE", VC_ATTR_INT);
    assert_int_equal(vc_attr_set_int(nace, N("a"), 26, NULL), VC_OK);
    assert_int_equal(vc_attr_set_int(nace, N("b"), 26, NULL), VC_OK);
    assert_int_equal(vc_attr_set_int(nace, N("c"), 26, NULL), VC_OK);
    et_col(&fn, VC_CLASS_NODE, "role", VC_ATTR_STRING);
    et_str(fn, N("a"), "optics");
    et_str(fn, N("b"), "metrology");
    BUILD();
    assert_string_equal(et.c.sector_attr, "NACE");
    assert_string_equal(et.c.sector[N("a")], "26");
    /* a and b (NACE 26) substitute; c supplies wafers, a group of its own */
    EXTRACT(&defaults, loss, "a", NULL);
    assert_near(loss[N("x")], 0.5);
    EXTRACT(&defaults, loss, "c", NULL);
    assert_near(loss[N("x")], 1.0);
    /* --group-by role: a and b are needed each */
    co.group_by = "role";
    assert_int_equal(vc_chain_build(&et.g, &co, &c2, NULL, &err), VC_OK);
    {
        double impact;
        double cut[4] = { 0 };
        cut[N("a")] = 1.0;
        assert_int_equal(vc_extract(&c2, &defaults, cut, loss, &impact, NULL, &err), VC_OK);
        assert_near(loss[N("x")], 1.0);
    }
    vc_chain_release(&c2);
    co.group_by = "no_such_column";
    assert_int_equal(vc_chain_build(&et.g, &co, &c2, NULL, &err), VC_EINVAL);
    assert_non_null(strstr(err.msg, "no_such_column"));
}

/* ---- the firm network of docs/model.md ("Firm networks"), by hand ---- */

/* Loops converge geometrically: within 1e-9 of the fixed point (the
 * tolerance 1e-12 over 1 minus the loop's gain, docs/model.md). */
#define assert_loop(a, b) assert_double_near((a), (b), 1e-9)

static void firm_example(void)
{
    FIRM("A", "DEU");
    FIRM("B", "JPN");
    FIRM("C", "DEU");
    FIRM("L", "NLD");
    FIRM("M", "NLD");
    FIRM("D", "USA");
    FIRM("E", "USA");
    SECTOR("A", "optics");
    SECTOR("B", "optics");
    SECTOR("C", "power");
    SECTOR("L", "logistics");
    SECTOR("D", "distribution");
    SECTOR("E", "distribution");
    SUPPLY("A", "M", NULL, 3.0);
    SUPPLY("B", "M", NULL, 1.0);
    SUPPLY("C", "M", NULL, 2.0);
    NONESSENTIAL(SUPPLY("L", "M", NULL, 4.0));
    SUPPLY("M", "D", NULL, 8.0);
    SUPPLY("D", "A", NULL, 1.0);
    SUPPLY("E", "A", NULL, 1.0);
    assert_int_equal(vc_attr_set_double(et.value, N("A"), 6.0, NULL), VC_OK);
    assert_int_equal(vc_attr_set_double(et.value, N("M"), 16.0, NULL), VC_OK);
    assert_int_equal(vc_attr_set_double(et.value, N("E"), 2.0, NULL), VC_OK);
    BUILD();
}

/* Outputs (weights): A 6, B 1, C 2, L 4, M 16, D max(1, 8) = 8, E 2: 39. */
static void firm_worked_example_downstream(void **state)
{
    double loss[8];
    struct vc_analysis a;
    (void)state;
    firm_example();
    /* B: M loses (3 L_A + 1) / 4, D as much as M, A half of D's:
     * L_M = (3 L_M / 2 + 1) / 4, so 2/5 (a loop with gain 3/8) */
    EXTRACT(&defaults, loss, "B", NULL);
    assert_loop(loss[N("M")], 0.4);
    assert_loop(loss[N("D")], 0.4);
    assert_loop(loss[N("A")], 0.2);
    assert_loop(loss[N("E")], 0.0);
    /* E: A = (L_D + 1) / 2, D = M = 3 L_A / 4: A 4/5, M and D 3/5 */
    EXTRACT(&defaults, loss, "E", NULL);
    assert_loop(loss[N("A")], 0.8);
    assert_loop(loss[N("M")], 0.6);
    RUN(&defaults, &a);
    assert_loop(a.impact[N("A")], 24.0 / 39);
    assert_loop(a.impact[N("B")], 11.8 / 39);
    assert_loop(a.impact[N("C")], 29.0 / 39);
    assert_loop(a.impact[N("L")], 10.75 / 39); /* M loses 4/16: its value 16 > the 10 it buys */
    assert_loop(a.impact[N("M")], 27.0 / 39);
    assert_loop(a.impact[N("D")], 17.0 / 39);
    assert_loop(a.impact[N("E")], 21.2 / 39);
    /* C alone stops M (all its power) and so D; M stops D; A does not stop
     * M (B supplies optics too), D does not stop A (E supplies it too) */
    assert_int_equal(a.spof_finals[N("C")], 3);
    assert_int_equal(a.spof_finals[N("M")], 2);
    assert_int_equal(a.spof_finals[N("A")], 1);
    assert_int_equal(a.spof_finals[N("D")], 1);
    assert_int_equal(a.spof_finals[N("L")], 1); /* not essential: stops nothing */
    vc_analysis_release(&a);
}

static void firm_worked_example_upstream(void **state)
{
    double loss[8];
    struct vc_engine_opts up = defaults, both = defaults;
    struct vc_analysis a;
    (void)state;
    up.shock = VC_SHOCK_UPSTREAM;
    both.shock = VC_SHOCK_BOTH;
    firm_example();
    /* upstream, M: its suppliers lose their sales to it, over their output
     * X (value when larger than sales): A 3/6, B 1/1, C 2/2, L 4/4; then A's
     * suppliers: D 1 x 1/2 / 1, E 1 x 1/2 / 2 */
    assert_loop(EXTRACT(&up, loss, "M", NULL), 30.5 / 39);
    assert_loop(loss[N("A")], 0.5);
    assert_loop(loss[N("B")], 1.0);
    assert_loop(loss[N("D")], 0.5);
    assert_loop(loss[N("E")], 0.25);
    assert_loop(EXTRACT(&up, loss, "B", NULL), 1.0 / 39); /* B buys nothing */
    /* both, M: D = 1 (downstream), A = max((1 + L_E) / 2, 1/2), E = A / 2:
     * A = 2/3, E = 1/3; B, C, L lose everything upstream */
    assert_loop(EXTRACT(&both, loss, "M", NULL), 107.0 / 117);
    assert_loop(loss[N("A")], 2.0 / 3);
    assert_loop(loss[N("E")], 1.0 / 3);
    assert_loop(loss[N("C")], 1.0);
    /* both, B: M = (3 L_A + 1) / 4, A = max((L_D + L_E) / 2, L_M / 2),
     * D = max(L_M, L_A), E = L_A / 2: M 1/2, A 1/3, C and L 1/2 */
    assert_loop(EXTRACT(&both, loss, "B", NULL), 55.0 / 117);
    assert_loop(loss[N("M")], 0.5);
    assert_loop(loss[N("A")], 1.0 / 3);
    assert_loop(loss[N("E")], 1.0 / 6);
    assert_loop(loss[N("L")], 0.5);
    /* upstream, a firm that sells only in the network stops with its
     * customers: C stops M, hence D (downstream) and B and L (their only
     * customer); E and A sell elsewhere too (value above sales) */
    RUN(&both, &a);
    assert_int_equal(a.spof_finals[N("C")], 5);
    assert_int_equal(a.spof_finals[N("M")], 5);
    assert_loop(a.impact[N("M")], 107.0 / 117);
    vc_analysis_release(&a);
}

/* Issue: a self-loop on the end product, or a cycle through it, used to
 * leave no final item.  A -> F, F -> F, and G <-> H fed by A: the finals
 * are F and the loop {G, H}, equally weighted; p (all of A) stops all. */
static void final_items_self_loop_and_cycle(void **state)
{
    struct vc_analysis a;
    (void)state;
    ITEM("A", 0, NAN);
    ITEM("F", 0, NAN);
    ITEM("G", 0, NAN);
    ITEM("H", 0, NAN);
    FIRM("p", "USA");
    FIRM("q", "JPN");
    INPUT("A", "F");
    INPUT("F", "F");
    INPUT("A", "G");
    INPUT("G", "H");
    INPUT("H", "G");
    PROV("p", "A", 1.0);
    PROV("q", "F", 0.5);
    BUILD();
    assert_int_equal(et.c.n_final, 3);
    RUN(&defaults, &a);
    assert_near(a.impact[N("p")], 1.0);
    assert_near(a.impact[N("q")], 0.5 / 3); /* half of F, a third of final output */
    assert_true(PROVISION(&a, "p", "A")->control_point);
    vc_analysis_release(&a);
}

/* Marked actors count alone, by value where given (else throughput). */
static void firm_network_marked_by_value(void **state)
{
    struct vc_analysis a;
    (void)state;
    FIRM("a", NULL);
    FIRM("b", NULL);
    FIRM("d", NULL);
    SUPPLY("a", "b", NULL, 2.0);
    SUPPLY("a", "d", NULL, 1.0);
    assert_int_equal(vc_attr_set_int(et.final, N("b"), 1, NULL), VC_OK);
    assert_int_equal(vc_attr_set_int(et.final, N("d"), 1, NULL), VC_OK);
    assert_int_equal(vc_attr_set_double(et.value, N("b"), 6.0, NULL), VC_OK);
    BUILD();
    assert_int_equal(et.c.final_rule, VC_FINAL_MARKED_ACTORS);
    RUN(&defaults, &a);
    /* b weighs its value 6, d its purchases 1: a stops both, b only itself */
    assert_near(a.impact[N("a")], 1.0);
    assert_near(a.impact[N("b")], 6.0 / 7);
    assert_near(a.impact[N("d")], 1.0 / 7);
    vc_analysis_release(&a);
}

/* Single points of failure on a cycle: the least fixed point (a loop is
 * taken to sustain itself).  s feeds A; A and B are alternatives of each
 * other's supply (B is a variant of A, A an input of B). */
static void cycle_spof_least_fixed_point(void **state)
{
    struct vc_model m;
    struct vc_error err = VC_ERROR_INIT;
    (void)state;
    ITEM("F", 1, NAN);
    ITEM("A", 0, NAN);
    ITEM("B", 0, NAN);
    FIRM("s", "USA");
    PROV("s", "A", 1.0);
    VARIANT("B", "A", NAN);
    INPUT("A", "B");
    INPUT("B", "F");
    BUILD();
    assert_int_equal(vc_model_build(&et.c, NULL, &m, &err), VC_OK);
    /* E(A) = {A}: its supply is s or B, and B stops only when A does */
    expect_set(&m, N("A"), (const char *const[]){ "A", NULL });
    expect_set(&m, N("B"), (const char *const[]){ "B", "A", NULL });
    expect_set(&m, N("F"), (const char *const[]){ "F", "B", "A", NULL });
    vc_model_release(&m);
}

/* ---- unknown shares ---- */

static void unknown_shares(void **state)
{
    struct vc_analysis a;
    (void)state;
    /* eda: firms syn (USA, 0.3), cad (USA, ?), sie (DEU, ?); countries USA
     * 0.7, DEU 0.2.  cad: USA's row leaves 0.7 - 0.3 = 0.4;  sie: DEU's row
     * has no compatriot with a share, so 0.2.
     * gas: firms g1 (0.4), g2 (?), g3 (?), no country rows: (1 - 0.4) / 2 each.
     * solo: one firm without a share: estimated 1, never a control point. */
    ITEM("F", 1, NAN);
    ITEM("eda", 0, NAN);
    ITEM("gas", 0, NAN);
    ITEM("solo", 0, NAN);
    FIRM("syn", "USA");
    FIRM("cad", "USA");
    FIRM("sie", "DEU");
    COUNTRY("US", "USA");
    COUNTRY("DE", "DEU");
    FIRM("g1", "JPN");
    FIRM("g2", "JPN");
    FIRM("g3", "KOR");
    FIRM("s1", "FRA");
    INPUT("eda", "F");
    INPUT("gas", "F");
    INPUT("solo", "F");
    PROV("syn", "eda", 0.3);
    PROV("cad", "eda", NAN);
    PROV("sie", "eda", NAN);
    PROV("US", "eda", 0.7);
    PROV("DE", "eda", 0.2);
    PROV("g1", "gas", 0.4);
    PROV("g2", "gas", NAN);
    PROV("g3", "gas", NAN);
    PROV("s1", "solo", NAN);
    BUILD();
    RUN(&defaults, &a);
    assert_near(PROVISION(&a, "cad", "eda")->share, 0.4);
    assert_false(PROVISION(&a, "cad", "eda")->share_known);
    assert_near(PROVISION(&a, "sie", "eda")->share, 0.2);
    assert_near(PROVISION(&a, "syn", "eda")->share, 0.3);
    assert_true(PROVISION(&a, "syn", "eda")->share_known);
    assert_near(PROVISION(&a, "g2", "gas")->share, 0.3);
    assert_near(PROVISION(&a, "g3", "gas")->share, 0.3);
    assert_near(PROVISION(&a, "s1", "solo")->share, 1.0);
    /* estimates propagate: extracting cad loses 0.4 of eda at firm level */
    assert_near(a.impact[N("cad")], 0.4);
    assert_near(a.impact[N("g2")], 0.3);
    /* an estimated share never makes a control point, whatever its size */
    assert_false(PROVISION(&a, "s1", "solo")->hard_to_replace);
    assert_false(PROVISION(&a, "s1", "solo")->control_point);
    assert_false(a.control_point[N("s1")]);
    assert_near(a.impact[N("s1")], 1.0);
    assert_true(a.conc[N("eda")].estimated);
    assert_int_equal(a.conc[N("eda")].providers_unknown, 2);
    assert_near(a.conc[N("eda")].coverage, 0.3); /* known shares only */
    vc_analysis_release(&a);
}

/* ---- aggregates and thresholds ---- */

static void estimated_impacts(void **state)
{
    struct vc_analysis a;
    struct vc_error err = VC_ERROR_INIT;
    (void)state;
    /* F needs A, D and E.  A: x 0.6, y unknown (estimated 0.4).  D: u 0.8,
     * v 0.2.  E: s 0.5, u and t unknown (0.25 each).
     * - y: 0.4, all of it through its estimate: rests on it;
     * - t: 0.25, the same;
     * - u: D loses 0.8, E 0.25 through u's estimate; F loses max = 0.8, and
     *   0.8 without the estimate: touched, but does not rest on it;
     * - x, s, v: known shares only. */
    ITEM("F", 1, NAN);
    ITEM("A", 0, NAN);
    ITEM("D", 0, NAN);
    ITEM("E", 0, NAN);
    FIRM("x", "USA");
    FIRM("y", "JPN");
    FIRM("u", "KOR");
    FIRM("v", "DEU");
    FIRM("s", "FRA");
    FIRM("t", "ITA");
    INPUT("A", "F");
    INPUT("D", "F");
    INPUT("E", "F");
    size_t ya = PROV("y", "A", NAN);
    size_t xa = PROV("x", "A", 0.6);
    PROV("u", "D", 0.8);
    PROV("v", "D", 0.2);
    PROV("s", "E", 0.5);
    PROV("u", "E", NAN);
    PROV("t", "E", NAN);
    BUILD();
    RUN(&defaults, &a);
    assert_near(a.impact[N("y")], 0.4);
    assert_true(a.impact_estimated[N("y")]);
    assert_near(a.impact[N("t")], 0.25);
    assert_true(a.impact_estimated[N("t")]);
    assert_near(a.impact[N("u")], 0.8);
    assert_false(a.impact_estimated[N("u")]);
    assert_false(a.impact_estimated[N("x")]);
    assert_false(a.impact_estimated[N("s")]);
    assert_false(a.impact_estimated[N("v")]);
    assert_false(a.impact_estimated[N("A")]); /* an item's loss reaches no share */
    /* countries: one actor each, the same verdicts */
    assert_true(a.countries[vc_analysis_country(&a, "JPN")].impact_estimated);
    assert_false(a.countries[vc_analysis_country(&a, "KOR")].impact_estimated);
    /* the export columns */
    assert_int_equal(vc_analysis_annotate(&a, &et.g, &err), VC_OK);
    struct vc_attr *ie = vc_graph_attr(&et.g, VC_CLASS_NODE, "impact_estimated");
    struct vc_attr *ee = vc_graph_attr(&et.g, VC_CLASS_EDGE, "estimated");
    struct vc_attr *se = vc_graph_attr(&et.g, VC_CLASS_EDGE, "share_estimate");
    assert_non_null(ie);
    assert_non_null(ee);
    assert_non_null(se);
    assert_true(ie->values[N("y")].i == 1 && ie->values[N("u")].i == 0);
    assert_true(vc_attr_has(ie, N("A")) && ie->values[N("A")].i == 0);
    assert_true(ee->values[ya].i == 1 && ee->values[xa].i == 0);
    assert_near(vc_attr_get_double(se, ya), 0.4);
    assert_false(vc_attr_has(se, xa));
    vc_analysis_release(&a);
}

static void aggregates_never_control_points(void **state)
{
    struct vc_analysis a;
    (void)state;
    ITEM("F", 1, NAN);
    FIRM("Various companies", NULL);
    COUNTRY("Rest of world", NULL);
    FIRM("big", "USA");
    FIRM("many", NULL);
    AGGREGATE("many"); /* marked, whatever its label */
    ITEM("G", 1, NAN);
    PROV("Various companies", "F", 0.9);
    PROV("Rest of world", "F", 0.95);
    PROV("big", "F", 0.1);
    PROV("many", "G", 1.0);
    BUILD();
    RUN(&defaults, &a);
    for (size_t k = 0; k < a.n_provisions; k++) {
        const struct vc_provision_score *p = &a.provisions[k];
        if (et.c.aggregate[p->actor]) {
            assert_false(p->hard_to_replace);
            assert_false(p->control_point);
            assert_false(a.control_point[p->actor]);
        }
    }
    assert_true(et.c.aggregate[N("Rest of world")]);
    assert_true(et.c.aggregate[N("many")]);
    /* an aggregate is no country either */
    assert_int_equal(a.n_countries, 1);
    /* big (0.1) is not hard to replace: the aggregate's 0.9 is many providers */
    assert_false(PROVISION(&a, "big", "F")->control_point);
    vc_analysis_release(&a);
}

/* F has variants X (weight 2) and Y (weight 13): neither is a single point
 * of failure, and a provider of X with share s has impact 2 s / 15. */
static void threshold_graph(double x1, double x2, double x3)
{
    ITEM("F", 1, NAN);
    ITEM("X", 0, NAN);
    ITEM("Y", 0, NAN);
    FIRM("x1", "USA");
    FIRM("x2", "JPN");
    FIRM("y1", "KOR");
    FIRM("y2", "TWN");
    VARIANT("X", "F", 2.0);
    VARIANT("Y", "F", 13.0);
    PROV("x1", "X", x1);
    PROV("x2", "X", x2);
    if (x3 > 0) {
        FIRM("x3", "DEU");
        PROV("x3", "X", x3);
    }
    PROV("y1", "Y", 0.5);
    PROV("y2", "Y", 0.5);
    BUILD();
}

static void threshold_share(void **state)
{
    struct vc_analysis a;
    struct vc_engine_opts o = defaults;
    (void)state;
    threshold_graph(0.5, 0.25, 0.25);
    o.theta_impact = 0.0; /* isolate the share rule */
    RUN(&o, &a);
    assert_int_equal(a.spof_finals[N("x1")], 0);
    assert_int_equal(a.spof_finals[N("X")], 0);
    assert_true(PROVISION(&a, "x1", "X")->hard_to_replace);  /* 0.5 >= 0.5 */
    assert_false(PROVISION(&a, "x2", "X")->hard_to_replace); /* top two 0.75 < 0.9 */
    vc_analysis_release(&a);
    o.theta_share = 0.5000001; /* the provision just below the threshold */
    RUN(&o, &a);
    assert_false(PROVISION(&a, "x1", "X")->hard_to_replace);
    vc_analysis_release(&a);
    o.theta_share = 0.4999999; /* and just above */
    RUN(&o, &a);
    assert_true(PROVISION(&a, "x1", "X")->hard_to_replace);
    vc_analysis_release(&a);
}

static void threshold_pair(void **state)
{
    struct vc_analysis a;
    struct vc_engine_opts o = defaults;
    (void)state;
    threshold_graph(0.6, 0.3, 0.1); /* the top two cover 0.9 (0.8999... in binary) */
    o.theta_impact = 0.0;
    RUN(&o, &a);
    assert_true(PROVISION(&a, "x1", "X")->hard_to_replace);
    assert_true(PROVISION(&a, "x2", "X")->hard_to_replace);
    assert_false(PROVISION(&a, "x3", "X")->hard_to_replace); /* not among the two */
    vc_analysis_release(&a);
    o.theta_pair = 0.9000001; /* two just below */
    RUN(&o, &a);
    assert_true(PROVISION(&a, "x1", "X")->hard_to_replace); /* by its share */
    assert_false(PROVISION(&a, "x2", "X")->hard_to_replace);
    vc_analysis_release(&a);
    o.theta_pair = 0.6; /* one provider reaches it alone: only that one */
    RUN(&o, &a);
    assert_false(PROVISION(&a, "x2", "X")->hard_to_replace);
    vc_analysis_release(&a);
    o.theta_share = 0.7; /* neither by share; pair at 0.6: x1 alone reaches it */
    RUN(&o, &a);
    assert_true(PROVISION(&a, "x1", "X")->hard_to_replace);
    vc_analysis_release(&a);
}

static void threshold_pair_min(void **state)
{
    struct vc_analysis a;
    struct vc_engine_opts o = defaults;
    char reason[512];
    (void)state;
    /* Lithography tools in the Chip Explorer data: 0.815 and 0.09 cover
     * 0.905 >= 0.9, but a 9 % supplier beside an 81.5 % one is no duopolist:
     * below theta_pair_min (0.2) it is not hard to replace. */
    threshold_graph(0.815, 0.09, 0.05);
    o.theta_impact = 0.0;
    RUN(&o, &a);
    assert_true(PROVISION(&a, "x1", "X")->hard_to_replace); /* by its share */
    assert_false(PROVISION(&a, "x2", "X")->hard_to_replace);
    vc_analysis_release(&a);
    o.theta_pair_min = 0.09; /* inclusive: 0.09 >= 0.09 */
    RUN(&o, &a);
    assert_true(PROVISION(&a, "x2", "X")->hard_to_replace);
    vc_analysis_reason(&a, PROVISION(&a, "x2", "X"), reason, sizeof(reason));
    assert_non_null(strstr(reason, "hard to replace as one of at most two providers covering "
                                    "90 %"));
    vc_analysis_release(&a);
    o.theta_pair_min = 0.0900001;
    RUN(&o, &a);
    assert_false(PROVISION(&a, "x2", "X")->hard_to_replace);
    vc_analysis_release(&a);
}

static void threshold_impact(void **state)
{
    struct vc_analysis a;
    struct vc_engine_opts o = defaults;
    (void)state;
    /* x1 0.75: impact 2 x 0.75 / 15 = 0.1 exactly (1.5 / 15 rounds to 0.1) */
    threshold_graph(0.75, 0.25, 0);
    RUN(&o, &a);
    assert_true(PROVISION(&a, "x1", "X")->impact == 0.1);
    assert_true(PROVISION(&a, "x1", "X")->control_point); /* 0.1 >= 0.1 */
    assert_true(a.control_point[N("x1")]);
    assert_true(a.control_point[N("X")]);
    /* x2 is one of two covering 1.0, so hard, but its impact 0.0333 is small */
    assert_true(PROVISION(&a, "x2", "X")->hard_to_replace);
    assert_near(PROVISION(&a, "x2", "X")->impact, 0.5 / 15);
    assert_false(PROVISION(&a, "x2", "X")->control_point);
    assert_false(a.control_point[N("x2")]);
    /* y1 and y2: hard (a pair), impact 13 x 0.5 / 15 */
    assert_true(PROVISION(&a, "y1", "Y")->control_point);
    vc_analysis_release(&a);
    o.theta_impact = 0.1000001; /* x1 just below */
    RUN(&o, &a);
    assert_false(PROVISION(&a, "x1", "X")->control_point);
    vc_analysis_release(&a);
    o.theta_impact = 0.0333; /* x2 just above */
    RUN(&o, &a);
    assert_true(PROVISION(&a, "x2", "X")->control_point);
    vc_analysis_release(&a);
}

/* ---- ranking ---- */

static void ranking_order(void **state)
{
    struct vc_analysis a;
    (void)state;
    /* F needs X and Y (symmetric: same impact, share and PageRank; ties go
     * by actor label) and Z; Z has three providers 0.5/0.3/0.2. */
    ITEM("F", 1, NAN);
    ITEM("X", 0, NAN);
    ITEM("Y", 0, NAN);
    ITEM("Z", 0, NAN);
    FIRM("zeta", "USA");
    FIRM("alpha", "USA");
    FIRM("z1", "JPN");
    FIRM("z2", "JPN");
    FIRM("z3", "JPN");
    INPUT("X", "F");
    INPUT("Y", "F");
    INPUT("Z", "F");
    PROV("zeta", "X", 1.0);
    PROV("alpha", "Y", 1.0);
    PROV("z2", "Z", 0.3);
    PROV("z1", "Z", 0.5);
    PROV("z3", "Z", 0.2);
    BUILD();
    RUN(&defaults, &a);
    assert_int_equal(a.n_provisions, 5);
    /* control points first, by impact: alpha/Y and zeta/X (1.0, by label),
     * z1/Z (0.5); then the others: no impact computed, by share */
    const char *want[][2] = { { "alpha", "Y" }, { "zeta", "X" }, { "z1", "Z" },
                              { "z2", "Z" }, { "z3", "Z" } };
    for (size_t k = 0; k < 5; k++) {
        assert_int_equal(a.provisions[k].actor, N(want[k][0]));
        assert_int_equal(a.provisions[k].item, N(want[k][1]));
        assert_int_equal(a.provisions[k].control_point, k < 3);
    }
    vc_analysis_release(&a);
}

/* Ties between equal impacts and shares go to the item further downstream
 * (higher pagerank_down). */
static void ranking_by_pagerank(void **state)
{
    struct vc_analysis a;
    (void)state;
    worked_example_graph(0.6, 0.4, 0);
    RUN(&defaults, &a);
    assert_true(a.pagerank_down[N("B")] > a.pagerank_down[N("C")]);
    assert_int_equal(a.provisions[0].actor, N("b1"));
    assert_int_equal(a.provisions[1].actor, N("c1"));
    assert_int_equal(a.provisions[2].actor, N("a1"));
    assert_int_equal(a.provisions[3].actor, N("a2"));
    vc_analysis_release(&a);
}

/* ---- the propagation methods agree ---- */

static void incremental_equals_naive(void **state)
{
    struct vc_model m;
    struct vc_prop inc, naive;
    struct vc_error err = VC_ERROR_INIT;
    struct vc_engine_opts o = defaults;
    (void)state;
    /* a chain with everything: levels, variants, supplies and a cycle */
    ITEM("chip", 1, 5.0);
    ITEM("phone", 1, 2.0);
    ITEM("litho", 0, NAN);
    ITEM("euv", 0, 3.0);
    ITEM("duv", 0, 1.0);
    ITEM("fab", 0, NAN);
    FIRM("asml", "NLD");
    FIRM("nikon", "JPN");
    FIRM("tsmc", "TWN");
    FIRM("smic", "CHN");
    FIRM("zeiss", "DEU");
    FIRM("apple", "USA");
    COUNTRY("NL", "NLD");
    INPUT("litho", "fab");
    INPUT("fab", "chip");
    INPUT("chip", "phone");
    VARIANT("euv", "litho", NAN);
    VARIANT("duv", "litho", NAN);
    PROV("asml", "euv", 1.0);
    PROV("NL", "euv", 1.0);
    PROV("asml", "duv", 0.6);
    PROV("nikon", "duv", 0.4);
    PROV("tsmc", "fab", 0.7);
    PROV("smic", "fab", 0.2);
    PROV("apple", "phone", 0.5);
    SUPPLY("zeiss", "asml", "optics", NAN);
    SUPPLY("tsmc", "zeiss", "chips", NAN);
    SUPPLY("smic", "zeiss", "chips", 3.0);
    SUPPLY("tsmc", "apple", NULL, NAN);
    SUPPLY("asml", "tsmc", "tools", NAN);
    BUILD();
    assert_int_equal(vc_model_build(&et.c, NULL, &m, &err), VC_OK);
    assert_true(m.n_ordered < m.n); /* the supplies loop asml-tsmc-zeiss */
    assert_int_equal(vc_prop_init(&inc, &m, &o), VC_OK);
    assert_int_equal(vc_prop_init(&naive, &m, &o), VC_OK);
    for (double spare = 0; spare <= 0.5; spare += 0.5) {
        o.spare = spare;
        for (uint32_t v = 0; v < m.n; v++) {
            if (et.c.kind[v] == VC_KIND_ACTOR) {
                vc_prop_cut_actor(&inc, v, 1.0);
                vc_prop_cut_actor(&naive, v, 1.0);
            } else {
                vc_prop_force_item(&inc, v);
                vc_prop_force_item(&naive, v);
            }
            vc_prop_run(&inc);
            vc_prop_run_naive(&naive);
            for (size_t k = 0; k < m.n; k++)
                if (fabs(inc.loss[k] - naive.loss[k]) > 1e-9)
                    fail_msg("extracting %s: %s loses %.17g (incremental), %.17g (naive)",
                             et.g.node_id[v], et.g.node_id[k], inc.loss[k], naive.loss[k]);
            assert_double_near(vc_prop_impact(&inc), vc_prop_impact(&naive), 1e-9);
            vc_prop_reset(&inc);
            vc_prop_reset(&naive);
            for (size_t k = 0; k < m.n; k++) /* reset leaves nothing behind */
                assert_true(inc.loss[k] == 0 && naive.loss[k] == 0 && inc.st[k].cut == 0);
        }
    }
    vc_prop_release(&inc);
    vc_prop_release(&naive);
    vc_model_release(&m);
}

/* ---- firm networks: incremental against naive, every shock mode ---- */

static uint64_t firm_rng = 99;

static size_t firm_below(size_t n)
{
    uint64_t z = (firm_rng += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return (size_t)((z ^ (z >> 31)) % n);
}

static void firm_incremental_equals_naive(void **state)
{
    static const char *const sectors[] = { "optics", "power", "chemicals" };
    struct vc_model m;
    struct vc_prop inc, naive;
    struct vc_error err = VC_ERROR_INIT;
    struct vc_engine_opts o = defaults;
    char a[16], b[16];
    (void)state;
    /* 60 firms, 200 links with loops, sectors, items, essential=false, values */
    for (int k = 0; k < 60; k++) {
        snprintf(a, sizeof(a), "f%d", k);
        FIRM(a, NULL);
        if (k % 5)
            SECTOR(a, sectors[firm_below(3)]);
        if (k % 3 == 0)
            assert_int_equal(vc_attr_set_double(et.value, N(a), 1.0 + (double)firm_below(40),
                                                NULL), VC_OK);
    }
    for (int e = 0; e < 200; e++) {
        size_t edge;
        snprintf(a, sizeof(a), "f%zu", firm_below(60));
        snprintf(b, sizeof(b), "f%zu", firm_below(60));
        edge = SUPPLY(a, b, e % 7 == 0 ? "wafers" : NULL, 1.0 + (double)firm_below(9));
        if (e % 6 == 0)
            NONESSENTIAL(edge);
    }
    BUILD();
    o.max_rounds = 60000;
    for (int shock = VC_SHOCK_DOWNSTREAM; shock <= VC_SHOCK_BOTH; shock++) {
        o.shock = (enum vc_shock)shock;
        assert_int_equal(vc_model_build(&et.c, &o, &m, &err), VC_OK);
        assert_int_equal(vc_prop_init(&inc, &m, &o), VC_OK);
        assert_int_equal(vc_prop_init(&naive, &m, &o), VC_OK);
        for (uint32_t v = 0; v < m.n; v++) {
            vc_prop_cut_actor(&inc, v, v % 4 ? 1.0 : 0.5);
            vc_prop_cut_actor(&naive, v, v % 4 ? 1.0 : 0.5);
            vc_prop_run(&inc);
            vc_prop_run_naive(&naive);
            assert_true(inc.converged && naive.converged);
            for (size_t k = 0; k < m.n; k++)
                if (fabs(inc.loss[k] - naive.loss[k]) > 1e-9)
                    fail_msg("shock %d, extracting %s: %s loses %.17g (incremental), %.17g "
                             "(naive)", shock, et.g.node_id[v], et.g.node_id[k], inc.loss[k],
                             naive.loss[k]);
            vc_prop_reset(&inc);
            vc_prop_reset(&naive);
        }
        vc_prop_release(&inc);
        vc_prop_release(&naive);
        vc_model_release(&m);
    }
}

/* The stop cascade of firm networks gives the bitsets' counts. */
static void firm_spof_cascade_equals_bitsets(void **state)
{
    static const char *const sectors[] = { "optics", "power", "chemicals" };
    struct vc_model m;
    struct vc_error err = VC_ERROR_INIT;
    struct vc_engine_opts o = defaults;
    uint32_t cas[80], bit[80];
    char a[16], b[16];
    (void)state;
    for (int k = 0; k < 80; k++) {
        snprintf(a, sizeof(a), "f%d", k);
        FIRM(a, NULL);
        if (k % 4)
            SECTOR(a, sectors[firm_below(3)]);
        if (k % 5 == 0)
            assert_int_equal(vc_attr_set_double(et.value, N(a), 1.0 + (double)firm_below(30),
                                                NULL), VC_OK);
        if (k % 7 == 0)
            assert_int_equal(vc_attr_set_int(et.final, N(a), 1, NULL), VC_OK);
    }
    for (int e = 0; e < 150; e++) {
        size_t edge;
        snprintf(a, sizeof(a), "f%zu", firm_below(80));
        snprintf(b, sizeof(b), "f%zu", firm_below(80));
        edge = SUPPLY(a, b, e % 9 == 0 ? "wafers" : NULL, 1.0 + (double)firm_below(5));
        if (e % 5 == 0)
            NONESSENTIAL(edge);
    }
    BUILD();
    assert_int_equal(et.c.final_rule, VC_FINAL_MARKED_ACTORS);
    for (int shock = VC_SHOCK_DOWNSTREAM; shock <= VC_SHOCK_BOTH; shock++) {
        size_t stopping = 0;
        o.shock = (enum vc_shock)shock;
        assert_int_equal(vc_model_build(&et.c, &o, &m, &err), VC_OK);
        assert_int_equal(vc_spof_counts_cascade(&m, &o, VC_LEVEL_FIRM, cas, &err), VC_OK);
        assert_int_equal(vc_spof_counts_bitsets(&m, &o, VC_LEVEL_FIRM, bit, &err), VC_OK);
        for (size_t v = 0; v < m.n; v++) {
            if (cas[v] != bit[v])
                fail_msg("shock %d: %s stops %u finals by the cascade, %u by the bitsets", shock,
                         et.g.node_id[v], cas[v], bit[v]);
            stopping += cas[v] > (uint32_t)et.c.final[v];
        }
        assert_true(stopping > 0); /* the comparison covers firms that stop others */
        vc_model_release(&m);
    }
}

/*
 * A random value chain with everything the single points of failure and
 * the bounds look at: four tiers of items (inputs from lower tiers, a few
 * variants, one input loop), sole providers, pairs covering the market,
 * partial coverage, unknown shares, country rows, and supplies links.
 */
static void random_item_chain(void)
{
    char a[16], b[16];
    for (int k = 0; k < 40; k++) {
        snprintf(a, sizeof(a), "i%d", k);
        ITEM(a, k >= 34, k % 3 ? 1.0 + (double)firm_below(9) : NAN);
    }
    for (int k = 0; k < 30; k++) {
        snprintf(a, sizeof(a), "f%d", k);
        FIRM(a, k % 2 ? "USA" : "JPN");
    }
    COUNTRY("cUS", "USA");
    COUNTRY("cJP", "JPN");
    for (int k = 10; k < 40; k++) { /* inputs from a lower tier */
        for (int e = 0; e < 2; e++) {
            snprintf(a, sizeof(a), "i%zu", firm_below((size_t)(k / 10) * 10));
            snprintf(b, sizeof(b), "i%d", k);
            if (k % 7 == 3 && e == 1)
                VARIANT(a, b, NAN);
            else
                INPUT(a, b);
        }
    }
    INPUT("i35", "i5"); /* a loop through the tiers */
    for (int k = 0; k < 40; k++) {
        int kind = (int)firm_below(4);
        snprintf(b, sizeof(b), "i%d", k);
        snprintf(a, sizeof(a), "f%zu", firm_below(30));
        if (kind == 0) { /* sole provider, and its country's row */
            PROV(a, b, 1.0);
            PROV(k % 2 ? "cUS" : "cJP", b, 1.0);
        } else if (kind == 1) { /* a pair covering the market */
            PROV(a, b, 0.6);
            snprintf(a, sizeof(a), "f%zu", firm_below(30));
            PROV(a, b, 0.4);
        } else if (kind == 2) { /* partial coverage, one share unknown */
            PROV(a, b, 0.3);
            snprintf(a, sizeof(a), "f%zu", firm_below(30));
            PROV(a, b, k % 4 ? 0.2 : NAN);
        } else { /* many */
            for (int p = 0; p < 4; p++) {
                snprintf(a, sizeof(a), "f%zu", firm_below(30));
                PROV(a, b, 0.25);
            }
        }
    }
    SUPPLY("f1", "f2", NULL, 1.0);
    SUPPLY("f3", "f2", NULL, 1.0);
    SUPPLY("f4", "f5", NULL, 2.0);
    BUILD();
}

/* The stop cascade gives the bitsets' counts on value chains too. */
static void item_spof_cascade_equals_bitsets(void **state)
{
    struct vc_model m;
    struct vc_error err = VC_ERROR_INIT;
    struct vc_engine_opts o = defaults;
    uint32_t cas[80], bit[80];
    size_t stopping = 0;
    (void)state;
    random_item_chain();
    assert_true(et.c.n_nodes <= 80);
    for (int var = VC_VARIANTS_SUBSTITUTE; var <= VC_VARIANTS_ESSENTIAL; var++)
        for (int lvl = VC_LEVEL_FIRM; lvl <= VC_LEVEL_COUNTRY; lvl++)
            for (int shock = VC_SHOCK_DOWNSTREAM; shock <= VC_SHOCK_BOTH; shock++) {
                o.variants = (enum vc_variants)var;
                o.shock = (enum vc_shock)shock;
                assert_int_equal(vc_model_build(&et.c, &o, &m, &err), VC_OK);
                assert_int_equal(vc_spof_counts_cascade(&m, &o, (enum vc_level)lvl, cas, &err),
                                 VC_OK);
                assert_int_equal(vc_spof_counts_bitsets(&m, &o, (enum vc_level)lvl, bit, &err),
                                 VC_OK);
                for (size_t v = 0; v < m.n; v++) {
                    if (cas[v] != bit[v])
                        fail_msg("variants %d level %d shock %d: %s stops %u finals by the "
                                 "cascade, %u by the bitsets", var, lvl, shock,
                                 et.g.node_id[v], cas[v], bit[v]);
                    stopping += et.c.kind[v] == VC_KIND_ACTOR && cas[v] > 0;
                }
                vc_model_release(&m);
            }
    assert_true(stopping > 0); /* actors that stop final items are compared */
}

/*
 * Bounds (docs/model.md, "Bounds instead of extractions"): with bounds
 * always on and theta_impact 1 (every bound below it), every actor's and
 * provision's bound is at least its exact impact; the figures left exact
 * are identical; and the figures a bound cannot settle stay exact.
 */
static void bounds_hold(void **state)
{
    struct vc_engine_opts o = defaults, ob;
    struct vc_analysis exact, bounded;
    size_t bounds = 0, tight = 0;
    (void)state;
    random_item_chain();
    for (int var = VC_VARIANTS_SUBSTITUTE; var <= VC_VARIANTS_ESSENTIAL; var++) {
        o.variants = (enum vc_variants)var;
        ob = o;
        ob.bounds = VC_BOUNDS_ALWAYS;
        ob.theta_impact = 1.0;
        o.theta_impact = 1.0;
        RUN(&o, &exact);
        RUN(&ob, &bounded);
        assert_int_equal(exact.n_bounds, 0);
        for (size_t v = 0; v < exact.n; v++) {
            if (!bounded.impact_bound[v]) {
                assert_true(exact.impact[v] == bounded.impact[v] ||
                            (isnan(exact.impact[v]) && isnan(bounded.impact[v])));
                continue;
            }
            bounds++;
            assert_int_equal(et.c.kind[v], VC_KIND_ACTOR);
            if (bounded.impact[v] < exact.impact[v] - 1e-12)
                fail_msg("%s: bound %.17g below the exact impact %.17g", et.g.node_id[v],
                         bounded.impact[v], exact.impact[v]);
            tight += bounded.impact[v] <= exact.impact[v] + 1e-12;
        }
        /* f1, f3, f4 supply other actors: no bound applies */
        assert_false(bounded.impact_bound[N("f1")] || bounded.impact_bound[N("f4")]);
        for (size_t k = 0; k < exact.n_provisions; k++) {
            const struct vc_provision_score *p = &exact.provisions[k];
            const struct vc_provision_score *q = NULL;
            for (size_t j = 0; j < bounded.n_provisions && !q; j++)
                if (bounded.provisions[j].edge == p->edge)
                    q = &bounded.provisions[j];
            assert_non_null(q);
            if (!q->impact_bound) {
                assert_true(p->impact == q->impact || (isnan(p->impact) && isnan(q->impact)));
                continue;
            }
            bounds++;
            assert_true(q->impact >= p->impact - 1e-12);
            assert_false(bounded.spof_finals[p->actor] || bounded.spof_finals[p->item]);
        }
        assert_int_equal(bounded.n_bounds, bounds);
        assert_true(bounds > 0);
        vc_analysis_release(&exact);
        vc_analysis_release(&bounded);
        bounds = 0;
    }
    assert_true(tight > 0); /* a sole provider's bound is its impact */
}

/* ---- determinism: 1 thread and 2 give the same bits ---- */

static uint64_t det_state = 7;

static size_t det_below(size_t n)
{
    uint64_t z = (det_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return (size_t)((z ^ (z >> 31)) % n);
}

static void determinism_threads(void **state)
{
    static const char *const cc[] = { "USA", "CHN", "JPN", "NLD", "DEU", "KOR" };
    struct vc_engine_opts o = defaults;
    struct vc_analysis one, two;
    char a[32], b[32];
    (void)state;
    /* 2,500 items in 5 tiers, 5,000 firms (a few country rows), provides,
     * inputs and variants upwards, supplies in both directions (cycles) */
    for (int k = 0; k < 2500; k++) {
        snprintf(a, sizeof(a), "i%d", k);
        ITEM(a, k >= 2000, 1.0 + (double)(k % 7));
    }
    for (int k = 0; k < 5000; k++) {
        snprintf(a, sizeof(a), "f%d", k);
        if (k < 6)
            COUNTRY(a, cc[k]);
        else
            FIRM(a, cc[k % 6]);
    }
    for (int i = 0; i < 2500; i++) {
        double left = 1.0;
        snprintf(b, sizeof(b), "i%d", i);
        for (int j = 0; j < 4; j++) {
            double sh = j == 3 ? left : left * 0.6;
            left -= sh;
            snprintf(a, sizeof(a), "f%zu", j == 0 && i % 3 == 0 ? det_below(6) : det_below(5000));
            PROV(a, b, det_below(20) ? sh : NAN);
        }
    }
    for (int e = 0; e < 6000; e++) {
        size_t v = 500 + det_below(2000), u = det_below(v / 500 * 500);
        snprintf(a, sizeof(a), "i%zu", u);
        snprintf(b, sizeof(b), "i%zu", v);
        if (e % 4)
            INPUT(a, b);
        else
            VARIANT(a, b, NAN);
    }
    for (int e = 0; e < 3000; e++) {
        snprintf(a, sizeof(a), "f%zu", 6 + det_below(4994));
        snprintf(b, sizeof(b), "f%zu", 6 + det_below(4994));
        SUPPLY(a, b, e % 2 ? "parts" : "tools", 1.0 + (double)(e % 3));
    }
    BUILD();
    o.spare = 0.1;
    o.threads = 1;
    RUN(&o, &one);
    o.threads = 2;
    RUN(&o, &two);
    size_t n = one.n;
    assert_true(one.converged && two.converged);
    assert_memory_equal(one.impact, two.impact, n * sizeof(double));
    assert_memory_equal(one.spof_finals, two.spof_finals, n * sizeof(uint32_t));
    assert_memory_equal(one.reach_items, two.reach_items, n * sizeof(uint32_t));
    assert_memory_equal(one.reach_final, two.reach_final, n * sizeof(uint32_t));
    assert_memory_equal(one.pagerank_down, two.pagerank_down, n * sizeof(double));
    assert_memory_equal(one.trophic_level, two.trophic_level, n * sizeof(double));
    assert_memory_equal(one.control_point, two.control_point, n);
    assert_int_equal(one.n_provisions, two.n_provisions);
    assert_memory_equal(one.provisions, two.provisions,
                        one.n_provisions * sizeof(*one.provisions));
    assert_int_equal(one.n_countries, two.n_countries);
    for (size_t k = 0; k < one.n_countries; k++) {
        assert_string_equal(one.countries[k].code, two.countries[k].code);
        assert_true(one.countries[k].impact == two.countries[k].impact);
    }
    size_t cps = 0;
    for (size_t k = 0; k < one.n_provisions; k++)
        cps += one.provisions[k].control_point;
    assert_true(cps > 0); /* the comparison covers control points */
    vc_analysis_release(&one);
    vc_analysis_release(&two);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, et_setup, et_teardown)
        T(hhi_full_coverage),
        T(hhi_partial_coverage),
        T(n_eff_range),
        T(worked_example),
        T(worked_example_three_providers),
        T(spof_model_md),
        T(leontief_chain),
        T(variant_fan_by_value),
        T(variant_fan_by_weight),
        T(variant_fan_equal),
        T(variant_size_from_own_variants),
        T(variant_size_cycle),
        T(spare_capacity),
        T(partial_cut_and_countries),
        T(cycle_converges),
        T(cycle_spof_least_fixed_point),
        T(firm_network_all_actors),
        T(firm_network_marked_by_value),
        T(final_items_self_loop_and_cycle),
        T(supplier_groups),
        T(supplier_groups_item_and_codes),
        T(firm_worked_example_downstream),
        T(firm_worked_example_upstream),
        T(unknown_shares),
        T(estimated_impacts),
        T(aggregates_never_control_points),
        T(threshold_share),
        T(threshold_pair),
        T(threshold_pair_min),
        T(threshold_impact),
        T(ranking_order),
        T(ranking_by_pagerank),
        T(incremental_equals_naive),
        T(firm_incremental_equals_naive),
        T(firm_spof_cascade_equals_bitsets),
        T(item_spof_cascade_equals_bitsets),
        T(bounds_hold),
        T(determinism_threads),
#undef T
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
