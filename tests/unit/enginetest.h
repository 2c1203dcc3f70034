/*
 * enginetest.h - building small value chains in memory for the engine
 * tests: nodes and edges by id, the conventional attributes (kind, label,
 * country, level, aggregate, value, final, sector; relation, share, weight,
 * item, essential), then vc_chain_build().  One chain at a time (file-static state), reset
 * by the cmocka setup/teardown pair et_setup/et_teardown.
 */
#ifndef VC_ENGINETEST_H
#define VC_ENGINETEST_H

#include "testutil.h"

#include "vchain/engine.h"

static struct {
    struct vc_graph g;
    struct vc_chain c;
    bool built;
    struct vc_attr *kind, *label, *country, *level, *aggregate, *value, *final;
    struct vc_attr *relation, *share, *weight, *item;
    struct vc_attr *sector, *essential;
} et;

static inline void et_col(struct vc_attr **a, enum vc_attr_class cls, const char *name,
                   enum vc_attr_type type)
{
    assert_int_equal(vc_graph_attr_add(&et.g, cls, name, type, a, NULL), VC_OK);
}

static inline int et_setup(void **state)
{
    (void)state;
    memset(&et, 0, sizeof(et));
    vc_graph_init(&et.g);
    et_col(&et.kind, VC_CLASS_NODE, "kind", VC_ATTR_STRING);
    et_col(&et.label, VC_CLASS_NODE, "label", VC_ATTR_STRING);
    et_col(&et.country, VC_CLASS_NODE, "country", VC_ATTR_STRING);
    et_col(&et.level, VC_CLASS_NODE, "level", VC_ATTR_STRING);
    et_col(&et.aggregate, VC_CLASS_NODE, "aggregate", VC_ATTR_BOOL);
    et_col(&et.value, VC_CLASS_NODE, "value", VC_ATTR_DOUBLE);
    et_col(&et.final, VC_CLASS_NODE, "final", VC_ATTR_BOOL);
    et_col(&et.relation, VC_CLASS_EDGE, "relation", VC_ATTR_STRING);
    et_col(&et.share, VC_CLASS_EDGE, "share", VC_ATTR_DOUBLE);
    et_col(&et.weight, VC_CLASS_EDGE, "weight", VC_ATTR_DOUBLE);
    et_col(&et.item, VC_CLASS_EDGE, "item", VC_ATTR_STRING);
    et_col(&et.sector, VC_CLASS_NODE, "sector", VC_ATTR_STRING);
    et_col(&et.essential, VC_CLASS_EDGE, "essential", VC_ATTR_BOOL);
    return 0;
}

static inline int et_teardown(void **state)
{
    (void)state;
    if (et.built)
        vc_chain_release(&et.c);
    vc_graph_release(&et.g);
    memset(&et, 0, sizeof(et));
    return 0;
}

static inline void et_str(struct vc_attr *a, size_t k, const char *s)
{
    assert_int_equal(vc_attr_set_string(a, k, vc_graph_strdup(&et.g, s, strlen(s)), NULL),
                     VC_OK);
}

static inline uint32_t et_node(const char *id, const char *kind)
{
    size_t k;
    bool created;
    assert_int_equal(vc_graph_intern_node(&et.g, id, strlen(id), 0, 0, &k, &created, NULL),
                     VC_OK);
    assert_true(created);
    et_str(et.kind, k, kind);
    return (uint32_t)k;
}

static inline uint32_t N(const char *id)
{
    size_t k = vc_graph_find_node(&et.g, id, strlen(id));
    assert_true(k != SIZE_MAX);
    return (uint32_t)k;
}

/* An item; final when final != 0; value (market size) when not NAN. */
static inline uint32_t ITEM(const char *id, int final, double value)
{
    uint32_t k = et_node(id, "item");
    if (final)
        assert_int_equal(vc_attr_set_int(et.final, k, 1, NULL), VC_OK);
    if (!isnan(value))
        assert_int_equal(vc_attr_set_double(et.value, k, value, NULL), VC_OK);
    return k;
}

/* A firm (country may be NULL). */
static inline uint32_t FIRM(const char *id, const char *country)
{
    uint32_t k = et_node(id, "actor");
    if (country)
        et_str(et.country, k, country);
    return k;
}

/* A country-level actor: the country's row. */
static inline uint32_t COUNTRY(const char *id, const char *country)
{
    uint32_t k = FIRM(id, country);
    et_str(et.level, k, "country");
    return k;
}

static inline void AGGREGATE(const char *id)
{
    assert_int_equal(vc_attr_set_int(et.aggregate, N(id), 1, NULL), VC_OK);
}

static inline size_t et_edge(const char *from, const char *to, const char *relation)
{
    size_t e;
    assert_int_equal(vc_graph_add_edge(&et.g, N(from), N(to), true, NULL, 0, 0, 0, &e, NULL),
                     VC_OK);
    et_str(et.relation, e, relation);
    return e;
}

/* actor provides item with share (NAN: unknown). */
static inline size_t PROV(const char *actor, const char *item, double share)
{
    size_t e = et_edge(actor, item, "provides");
    if (!isnan(share))
        assert_int_equal(vc_attr_set_double(et.share, e, share, NULL), VC_OK);
    return e;
}

static inline size_t INPUT(const char *u, const char *v)
{
    return et_edge(u, v, "input_of");
}

/* u is a variant of v, with weight w (NAN: none). */
static inline size_t VARIANT(const char *u, const char *v, double w)
{
    size_t e = et_edge(u, v, "variant_of");
    if (!isnan(w))
        assert_int_equal(vc_attr_set_double(et.weight, e, w, NULL), VC_OK);
    return e;
}

/* Actor a supplies actor b with item (may be NULL), weight w (NAN: 1). */
static inline size_t SUPPLY(const char *a, const char *b, const char *item, double w)
{
    size_t e = et_edge(a, b, "supplies");
    if (item)
        et_str(et.item, e, item);
    if (!isnan(w))
        assert_int_equal(vc_attr_set_double(et.weight, e, w, NULL), VC_OK);
    return e;
}

/* A supplier's sector (groups a customer's suppliers when edges give no item). */
static inline void SECTOR(const char *id, const char *sector)
{
    et_str(et.sector, N(id), sector);
}

/* Marks supplies edge e essential=false: it lowers output linearly. */
static inline void NONESSENTIAL(size_t e)
{
    assert_int_equal(vc_attr_set_int(et.essential, e, 0, NULL), VC_OK);
}

static inline const struct vc_chain *BUILD(void)
{
    struct vc_error err = VC_ERROR_INIT;
    struct vc_diag diag = VC_DIAG_INIT;
    diag.strict = 1; /* a test chain must be clean */
    if (vc_chain_build(&et.g, NULL, &et.c, &diag, &err) != VC_OK)
        fail_msg("chain: %s", err.msg);
    et.built = true;
    return &et.c;
}

static inline void RUN(const struct vc_engine_opts *o, struct vc_analysis *a)
{
    struct vc_error err = VC_ERROR_INIT;
    if (vc_analysis_run(&et.c, o, a, &err) != VC_OK)
        fail_msg("analysis: %s", err.msg);
}

/* The provision actor -> item in a's ranked list. */
static inline const struct vc_provision_score *PROVISION(const struct vc_analysis *a,
                                                         const char *actor, const char *item)
{
    uint32_t x = N(actor), i = N(item);
    for (size_t k = 0; k < a->n_provisions; k++)
        if (a->provisions[k].actor == x && a->provisions[k].item == i)
            return &a->provisions[k];
    fail_msg("no provision %s -> %s", actor, item);
    return NULL;
}

/* Impact of extracting the given actors (cut 1 each, NULL-terminated ids). */
static inline double EXTRACT(const struct vc_engine_opts *o, double *loss, ...)
{
    va_list ap;
    const char *id;
    double impact = NAN;
    double *cut = calloc(et.c.n_nodes ? et.c.n_nodes : 1, sizeof(double));
    struct vc_error err = VC_ERROR_INIT;

    assert_non_null(cut);
    va_start(ap, loss);
    while ((id = va_arg(ap, const char *)) != NULL)
        cut[N(id)] = 1.0;
    va_end(ap);
    if (vc_extract(&et.c, o, cut, loss, &impact, NULL, &err) != VC_OK)
        fail_msg("extract: %s", err.msg);
    free(cut);
    return impact;
}

#define assert_near(a, b) assert_double_near((a), (b), 1e-12)

#endif
