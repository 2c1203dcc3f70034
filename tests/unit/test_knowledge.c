/*
 * test_knowledge.c - knowledge intensity as the data gives it
 * (docs/model.md, "Knowledge intensity"): which attribute a chain uses,
 * the actor's figure before the item's, no figure where the data has none
 * (the category named as a proxy), the words, --min-knowledge, and the
 * figure in a control point's reason.
 */
#include "enginetest.h"

#include "vchain/knowledge.h"

static struct vc_attr *col(const char *name, enum vc_attr_type type)
{
    struct vc_attr *a;
    et_col(&a, VC_CLASS_NODE, name, type);
    return a;
}

/* Tools (final) made by asml 0.8 (rd 0.144) and nikon 0.2 (none); the
 * item carries rd 0.05 and category tool_resource; Resist, made by jsr, has
 * no figure at all. */
static void build_litho(struct vc_attr *rd)
{
    struct vc_attr *cat = col("category", VC_ATTR_STRING);
    ITEM("tools", 1, NAN);
    ITEM("resist", 0, NAN);
    FIRM("asml", "NLD");
    FIRM("nikon", "JPN");
    FIRM("jsr", "JPN");
    PROV("asml", "tools", 0.8);
    PROV("nikon", "tools", 0.2);
    PROV("jsr", "resist", 1.0);
    INPUT("resist", "tools");
    assert_int_equal(vc_attr_set_double(rd, N("asml"), 0.144, NULL), VC_OK);
    assert_int_equal(vc_attr_set_double(rd, N("tools"), 0.05, NULL), VC_OK);
    et_str(cat, N("tools"), "tool_resource");
    et_str(cat, N("resist"), "material_resource");
    BUILD();
}

static void test_actor_then_item(void **state)
{
    struct vc_attr *rd = col("rd_intensity", VC_ATTR_DOUBLE);
    struct vc_knowledge_src s;
    struct vc_knowledge k;
    char buf[256];
    (void)state;

    build_litho(rd);
    vc_knowledge_init(&s, &et.c);
    assert_string_equal(s.attr, "rd_intensity");
    /* the actor's own figure */
    vc_knowledge_of(&s, N("asml"), N("tools"), &k);
    assert_int_equal(k.from, VC_KNOWLEDGE_ACTOR);
    assert_near(k.value, 0.144);
    assert_string_equal(k.proxy, "tool_resource");
    vc_knowledge_text(&s, &k, N("asml"), N("tools"), buf, sizeof(buf));
    assert_string_equal(buf, "R&D intensity 14.4 % (asml)");
    assert_true(vc_knowledge_passes(&k, 0.144));
    assert_false(vc_knowledge_passes(&k, 0.15));
    assert_true(vc_knowledge_passes(&k, NAN));
    /* nikon has none: the item's */
    vc_knowledge_of(&s, N("nikon"), N("tools"), &k);
    assert_int_equal(k.from, VC_KNOWLEDGE_ITEM);
    assert_near(k.value, 0.05);
    vc_knowledge_text(&s, &k, N("nikon"), N("tools"), buf, sizeof(buf));
    assert_string_equal(buf, "R&D intensity 5.0 % (tools)");
    /* neither has one: none, never a made-up number; the category is named */
    vc_knowledge_of(&s, N("jsr"), N("resist"), &k);
    assert_int_equal(k.from, VC_KNOWLEDGE_NONE);
    assert_true(isnan(k.value));
    assert_string_equal(k.proxy, "material_resource");
    assert_false(vc_knowledge_passes(&k, 0));
    assert_true(vc_knowledge_passes(&k, NAN));
    vc_knowledge_text(&s, &k, N("jsr"), N("resist"), buf, sizeof(buf));
    assert_string_equal(buf, "no R&D intensity figure for jsr or resist (category "
                             "material_resource, a proxy)");
}

/* knowledge before rd_intensity before patent_share: one scale per chain */
static void test_attribute_order(void **state)
{
    struct vc_attr *rd = col("rd_intensity", VC_ATTR_DOUBLE);
    struct vc_attr *pat = col("patent_share", VC_ATTR_DOUBLE);
    struct vc_attr *kn = col("knowledge", VC_ATTR_STRING);
    struct vc_knowledge_src s;
    struct vc_knowledge k;
    char buf[256];
    (void)state;

    build_litho(rd);
    assert_int_equal(vc_attr_set_double(pat, N("nikon"), 0.3, NULL), VC_OK);
    et_str(kn, N("nikon"), " 0.75 "); /* text, as a CSV column may give it */
    et_str(kn, N("jsr"), "high");     /* not a number: no figure */
    vc_knowledge_init(&s, &et.c);
    assert_string_equal(s.attr, "knowledge");
    vc_knowledge_of(&s, N("nikon"), N("tools"), &k);
    assert_int_equal(k.from, VC_KNOWLEDGE_ACTOR);
    assert_near(k.value, 0.75);
    vc_knowledge_text(&s, &k, N("nikon"), N("tools"), buf, sizeof(buf));
    assert_string_equal(buf, "knowledge level 0.75 (nikon)");
    /* asml has rd_intensity but no knowledge level: none on this scale */
    vc_knowledge_of(&s, N("asml"), N("tools"), &k);
    assert_int_equal(k.from, VC_KNOWLEDGE_NONE);
    vc_knowledge_of(&s, N("jsr"), N("resist"), &k);
    assert_int_equal(k.from, VC_KNOWLEDGE_NONE);
}

static void test_none_in_the_data(void **state)
{
    struct vc_knowledge_src s;
    struct vc_knowledge k;
    struct vc_attr *neg = col("patent_share", VC_ATTR_DOUBLE);
    char buf[256];
    (void)state;

    ITEM("chip", 1, NAN);
    FIRM("tsmc", "TWN");
    PROV("tsmc", "chip", 0.9);
    assert_int_equal(vc_attr_set_double(neg, N("tsmc"), -1, NULL), VC_OK);
    BUILD();
    vc_knowledge_init(&s, &et.c);
    /* a column with only a negative value: chosen, but no figure */
    assert_string_equal(s.attr, "patent_share");
    vc_knowledge_of(&s, N("tsmc"), N("chip"), &k);
    assert_int_equal(k.from, VC_KNOWLEDGE_NONE);
    assert_null(k.proxy);
    vc_knowledge_text(&s, &k, N("tsmc"), N("chip"), buf, sizeof(buf));
    assert_string_equal(buf, "no patent share figure for tsmc or chip");
}

static void test_no_attribute(void **state)
{
    struct vc_knowledge_src s;
    struct vc_knowledge k;
    struct vc_attr *cat = col("type", VC_ATTR_STRING);
    struct vc_analysis a;
    char buf[512];
    (void)state;

    ITEM("chip", 1, NAN);
    FIRM("tsmc", "TWN");
    PROV("tsmc", "chip", 0.9);
    et_str(cat, N("chip"), "process");
    BUILD();
    vc_knowledge_init(&s, &et.c);
    assert_null(s.attr);
    vc_knowledge_of(&s, N("tsmc"), N("chip"), &k);
    assert_string_equal(k.proxy, "process"); /* `type` when there is no category */
    vc_knowledge_text(&s, &k, N("tsmc"), N("chip"), buf, sizeof(buf));
    assert_string_equal(buf, "no knowledge figure in the data (category process, a proxy)");
    /* the reason of a control point says nothing when the data has no figure */
    RUN(NULL, &a);
    vc_analysis_reason(&a, PROVISION(&a, "tsmc", "chip"), buf, sizeof(buf));
    assert_null(strstr(buf, "knowledge"));
    assert_null(strstr(buf, "R&D"));
    vc_analysis_release(&a);
}

/* The reason of every provision carries the figure when the data has one. */
static void test_reason(void **state)
{
    struct vc_attr *rd = col("rd_intensity", VC_ATTR_DOUBLE);
    struct vc_analysis a;
    char buf[512];
    const char *tail;
    (void)state;

    build_litho(rd);
    RUN(NULL, &a);
    vc_analysis_reason(&a, PROVISION(&a, "asml", "tools"), buf, sizeof(buf));
    tail = "; R&D intensity 14.4 % (asml)";
    assert_true(strlen(buf) > strlen(tail));
    assert_string_equal(buf + strlen(buf) - strlen(tail), tail);
    vc_analysis_reason(&a, PROVISION(&a, "jsr", "resist"), buf, sizeof(buf));
    assert_non_null(strstr(buf, "; no R&D intensity figure for jsr or resist"));
    vc_analysis_release(&a);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, et_setup, et_teardown)
    const struct CMUnitTest tests[] = {
        T(test_actor_then_item), T(test_attribute_order), T(test_none_in_the_data),
        T(test_no_attribute), T(test_reason),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
