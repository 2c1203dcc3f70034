/*
 * chain.c - reading a graph as a value chain (docs/model.md).
 *
 * Interprets the conventional attributes, infers what is left out (a node's
 * kind from the edges it takes part in, an edge's relation from its ends),
 * checks what must hold (shares in [0,1], relations between the right kinds)
 * and normalises shares to fractions and countries to ISO alpha-3.  Errors
 * and warnings point at the line of the node or edge concerned.
 *
 * It does not analyse anything: the engine works on the arrays built here.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mem.h"
#include "vchain/chain.h"

#define UNSET 255

const char *vc_kind_name(enum vc_kind k)
{
    switch (k) {
    case VC_KIND_ACTOR: return "actor";
    case VC_KIND_ITEM: return "item";
    case VC_KIND_OTHER: break;
    }
    return "other";
}

const char *vc_relation_name(enum vc_relation r)
{
    switch (r) {
    case VC_REL_PROVIDES: return "provides";
    case VC_REL_INPUT_OF: return "input_of";
    case VC_REL_VARIANT_OF: return "variant_of";
    case VC_REL_SUPPLIES: return "supplies";
    case VC_REL_OTHER: break;
    }
    return "other";
}

const char *vc_level_name(enum vc_level l)
{
    return l == VC_LEVEL_COUNTRY ? "country" : "firm";
}

const char *vc_final_rule_text(enum vc_final_rule r)
{
    switch (r) {
    case VC_FINAL_MARKED_ITEMS: return "the items marked final";
    case VC_FINAL_TERMINAL_ITEMS:
        return "the items that feed no other item (none is marked final; on a cycle, the "
               "items of a loop that feeds nothing outside it)";
    case VC_FINAL_MARKED_ACTORS:
        return "the actors marked final, weighted by their output";
    case VC_FINAL_ALL_ACTORS:
        return "every actor (no items, none marked final), weighted by its output";
    case VC_FINAL_NONE: break;
    }
    return "none (no items and no actors)";
}

static int word_in(const char *s, const char *const *words)
{
    for (int i = 0; words[i]; i++)
        if (strcasecmp(s, words[i]) == 0)
            return 1;
    return 0;
}

static int parse_kind(const char *s)
{
    static const char *const actors[] = { "actor", "firm", "company", "organization",
                                          "organisation", "country", "provider", NULL };
    static const char *const items[] = { "item", "product", "input", "process", "stage",
                                         "good", "service", "tool", "material", NULL };
    if (word_in(s, actors))
        return VC_KIND_ACTOR;
    if (word_in(s, items))
        return VC_KIND_ITEM;
    return -1;
}

static int parse_relation(const char *s)
{
    static const char *const provides[] = { "provides", "provision", NULL };
    static const char *const input[] = { "input_of", "goes_into", "input", NULL };
    static const char *const variant[] = { "variant_of", "is_type_of", "type_of", NULL };
    static const char *const supplies[] = { "supplies", "supply", "supplier_of", NULL };
    if (word_in(s, provides))
        return VC_REL_PROVIDES;
    if (word_in(s, input))
        return VC_REL_INPUT_OF;
    if (word_in(s, variant))
        return VC_REL_VARIANT_OF;
    if (word_in(s, supplies))
        return VC_REL_SUPPLIES;
    return -1;
}

/* Everything the passes below share. */
struct ctx {
    struct vc_graph *g;
    struct vc_chain *c;
    struct vc_diag *diag;
    struct vc_error *err;
};

/* Where node k / edge e came from (a graph read from several files names each). */
static const char *node_path(const struct ctx *x, size_t k)
{
    return vc_graph_file(x->g, VC_CLASS_NODE, k);
}
static const char *edge_path(const struct ctx *x, size_t e)
{
    return vc_graph_file(x->g, VC_CLASS_EDGE, e);
}
static long node_line(const struct ctx *x, size_t k) { return x->g->node_line[k]; }
static long node_col(const struct ctx *x, size_t k) { return x->g->node_col[k]; }
static long edge_line(const struct ctx *x, size_t k) { return x->g->edge_line[k]; }
static long edge_col(const struct ctx *x, size_t k) { return x->g->edge_col[k]; }

static const char *edge_name(const struct ctx *x, size_t e, char *buf, size_t size)
{
    const struct vc_graph *g = x->g;
    const char *id = vc_graph_edge_id(g, e);
    if (id && id[0])
        snprintf(buf, size, "edge \"%s\"", id);
    else
        snprintf(buf, size, "edge \"%s\" -> \"%s\"", g->node_id[g->edge_from[e]],
                 g->node_id[g->edge_to[e]]);
    return buf;
}

/* "node \"ID\"" or edge_name(), built only for a message (buf: 300 bytes). */
static const char *element_name(const struct ctx *x, enum vc_attr_class cls, size_t k,
                                char *buf)
{
    if (cls == VC_CLASS_EDGE)
        return edge_name(x, k, buf, 256);
    snprintf(buf, 300, "node \"%s\"", x->g->node_id[k]);
    return buf;
}

/* Parses element k of string column a as type; a bad value is an error at
 * the element, naming it.  The element's name is built only then. */
static enum vc_status parse_string_at(const struct ctx *x, const struct vc_attr *a,
                                      enum vc_attr_class cls, size_t k, enum vc_attr_type type,
                                      union vc_value *v, bool *present)
{
    const char *why = "";
    enum vc_status st = vc_value_parse(type, a->values[k].s, v, present, &why);
    char what[300];

    if (st == VC_OK)
        return VC_OK;
    return vc_error_set(x->err, st, vc_graph_file(x->g, cls, k),
                        cls == VC_CLASS_EDGE ? edge_line(x, k) : node_line(x, k),
                        cls == VC_CLASS_EDGE ? edge_col(x, k) : node_col(x, k),
                        "%s \"%s\" of %s: %s", a->name, a->values[k].s,
                        element_name(x, cls, k, what), why);
}

/* Reads element k (node or edge, by cls) of a numeric attribute (a string
 * column is parsed). */
static enum vc_status number_at(const struct ctx *x, const struct vc_attr *a,
                                enum vc_attr_class cls, size_t k, double *out)
{
    *out = NAN;
    if (!vc_attr_has(a, k))
        return VC_OK;
    if (a->type == VC_ATTR_STRING) {
        union vc_value v;
        bool present;
        enum vc_status st = parse_string_at(x, a, cls, k, VC_ATTR_DOUBLE, &v, &present);
        if (st == VC_OK && present)
            *out = v.d;
        return st;
    }
    *out = vc_attr_get_double(a, k);
    return VC_OK;
}

/* Reads element k of a boolean attribute (string and numeric columns too). */
static enum vc_status bool_value(const struct ctx *x, const struct vc_attr *a,
                                 enum vc_attr_class cls, size_t k, int *out)
{
    if (!vc_attr_has(a, k))
        return VC_OK;
    if (a->type == VC_ATTR_STRING) {
        union vc_value v;
        bool present;
        enum vc_status st = parse_string_at(x, a, cls, k, VC_ATTR_BOOL, &v, &present);
        if (st == VC_OK && present)
            *out = v.i != 0;
        return st;
    }
    double d = vc_attr_get_double(a, k);
    if (!isnan(d))
        *out = d != 0;
    return VC_OK;
}

static enum vc_status bool_at(const struct ctx *x, const struct vc_attr *a, size_t k, int *out)
{
    return bool_value(x, a, VC_CLASS_NODE, k, out);
}

static enum vc_status alloc_arrays(struct vc_chain *c, size_t n, size_t m)
{
    c->kind = malloc(n ? n : 1);
    c->level = calloc(n ? n : 1, 1);
    c->aggregate = calloc(n ? n : 1, 1);
    c->final = calloc(n ? n : 1, 1);
    c->value = malloc((n ? n : 1) * sizeof(double));
    c->label = calloc(n ? n : 1, sizeof(char *));
    c->country = calloc(n ? n : 1, sizeof(char *));
    c->relation = malloc(m ? m : 1);
    c->share = malloc((m ? m : 1) * sizeof(double));
    c->weight = malloc((m ? m : 1) * sizeof(double));
    c->item = calloc(m ? m : 1, sizeof(char *));
    c->sector = calloc(n ? n : 1, sizeof(char *));
    c->node_share = malloc((n ? n : 1) * sizeof(double));
    c->essential = malloc(m ? m : 1);
    c->undirected = calloc(m ? m : 1, 1);
    if (!c->kind || !c->level || !c->aggregate || !c->final || !c->value || !c->label ||
        !c->country || !c->relation || !c->share || !c->weight || !c->item || !c->sector ||
        !c->node_share || !c->essential || !c->undirected)
        return VC_ENOMEM;
    /* the per-edge arrays every edge writes: huge pages, not a fault per 4 kB */
    vc_mem_hint_huge(c->share, m * sizeof(double));
    vc_mem_hint_huge(c->weight, m * sizeof(double));
    vc_mem_hint_huge(c->relation, m);
    vc_mem_hint_huge(c->essential, m);
    return VC_OK;
}

void vc_chain_release(struct vc_chain *c)
{
    VC_FREE_ALL(c->kind, c->level, c->aggregate, c->final, c->value, c->label, c->country,
                c->relation, c->share, c->weight, c->item, c->sector, c->node_share, c->essential,
                c->undirected);
    memset(c, 0, sizeof(*c));
}

/*
 * Parses a node's kind or an edge's relation (column `column` of class cls)
 * into out[], UNSET where empty.  An unknown word is a warning and `other`:
 * the element is kept but not analysed.  Values repeat, so the last one
 * parsed is remembered.
 */
static enum vc_status read_word_column(struct ctx *x, enum vc_attr_class cls,
                                       const char *column, int (*parse)(const char *),
                                       const char *expected, int other, uint8_t *out)
{
    struct vc_graph *g = x->g;
    struct vc_attr *a = vc_graph_attr(g, cls, column);
    size_t n = cls == VC_CLASS_NODE ? g->n_nodes : g->n_edges;
    const char *last = NULL;
    int last_value = -1;
    char name[300];
    enum vc_status st;

    for (size_t k = 0; k < n; k++) {
        const char *s = vc_attr_get_string(a, k);
        int value;
        out[k] = UNSET;
        if (!s || !*s)
            continue;
        if (!last || (s != last && strcmp(s, last) != 0)) {
            last = s;
            last_value = parse(s);
        }
        value = last_value;
        if (value < 0) {
            bool node = cls == VC_CLASS_NODE;
            st = vc_warn(x->diag, x->err, vc_graph_file(g, cls, k),
                         node ? node_line(x, k) : edge_line(x, k),
                         node ? node_col(x, k) : edge_col(x, k),
                         "%s has unknown %s \"%s\" (expected %s); it is kept but not analysed",
                         element_name(x, cls, k, name), column, s, expected);
            if (st != VC_OK)
                return st;
            value = other;
        }
        out[k] = (uint8_t)value;
    }
    return VC_OK;
}

/*
 * A node without a kind is an item when something provides it, it takes
 * part in an item-to-item relation, or an item feeds it; else an actor.
 */
static int spread_items(const struct vc_graph *g, struct vc_chain *c)
{
    size_t n = g->n_nodes, head = 0, tail = 0;
    uint32_t *start = calloc(n + 1, sizeof(*start));
    uint32_t *adj = malloc((g->n_edges ? g->n_edges : 1) * sizeof(*adj));
    uint32_t *queue = malloc((n ? n : 1) * sizeof(*queue));

    if (!start || !adj || !queue) {
        free(start);
        free(adj);
        free(queue);
        return -1;
    }
    for (size_t e = 0; e < g->n_edges; e++)
        if (c->relation[e] == UNSET)
            start[g->edge_from[e] + 1]++;
    for (size_t k = 0; k < n; k++)
        start[k + 1] += start[k];
    for (size_t e = 0; e < g->n_edges; e++)
        if (c->relation[e] == UNSET)
            adj[start[g->edge_from[e]]++] = g->edge_to[e];
    for (size_t k = n; k > 0; k--)
        start[k] = start[k - 1];
    start[0] = 0;
    for (size_t k = 0; k < n; k++)
        if (c->kind[k] == VC_KIND_ITEM)
            queue[tail++] = (uint32_t)k;
    while (head < tail) {
        uint32_t u = queue[head++];
        for (uint32_t i = start[u]; i < start[u + 1]; i++) {
            if (c->kind[adj[i]] == UNSET) {
                c->kind[adj[i]] = VC_KIND_ITEM;
                queue[tail++] = adj[i];
            }
        }
    }
    free(start);
    free(adj);
    free(queue);
    return 0;
}

static int infer_kinds(struct ctx *x)
{
    struct vc_graph *g = x->g;
    struct vc_chain *c = x->c;

    for (size_t e = 0; e < g->n_edges; e++) {
        uint32_t u = g->edge_from[e], v = g->edge_to[e];
        switch (c->relation[e]) {
        case VC_REL_PROVIDES:
            if (c->kind[v] == UNSET)
                c->kind[v] = VC_KIND_ITEM;
            break;
        case VC_REL_INPUT_OF:
        case VC_REL_VARIANT_OF:
            if (c->kind[u] == UNSET)
                c->kind[u] = VC_KIND_ITEM;
            if (c->kind[v] == UNSET)
                c->kind[v] = VC_KIND_ITEM;
            break;
        default:
            break;
        }
    }
    /* What an item feeds through an edge of unknown relation is an item too
     * (actors do not consume items in this model): spread it breadth-first. */
    if (spread_items(g, c) != 0)
        return -1;
    for (size_t k = 0; k < g->n_nodes; k++)
        if (c->kind[k] == UNSET)
            c->kind[k] = VC_KIND_ACTOR;
    return 0;
}

static const char *a_kind(int kind)
{
    return kind == VC_KIND_ACTOR ? "an actor" : kind == VC_KIND_ITEM ? "an item" : "of another kind";
}

static enum vc_status check_relations(struct ctx *x)
{
    struct vc_graph *g = x->g;
    struct vc_chain *c = x->c;
    char name[256];

    for (size_t e = 0; e < g->n_edges; e++) {
        uint32_t u = g->edge_from[e], v = g->edge_to[e];
        int ku = c->kind[u], kv = c->kind[v];
        int want_u, want_v;

        if (c->relation[e] == UNSET) {
            if (ku == VC_KIND_ACTOR && kv == VC_KIND_ITEM)
                c->relation[e] = VC_REL_PROVIDES;
            else if (ku == VC_KIND_ITEM && kv == VC_KIND_ITEM)
                c->relation[e] = VC_REL_INPUT_OF;
            else if (ku == VC_KIND_ACTOR && kv == VC_KIND_ACTOR)
                c->relation[e] = VC_REL_SUPPLIES;
            else
                c->relation[e] = VC_REL_OTHER;
            continue;
        }
        switch (c->relation[e]) {
        case VC_REL_PROVIDES: want_u = VC_KIND_ACTOR; want_v = VC_KIND_ITEM; break;
        case VC_REL_INPUT_OF:
        case VC_REL_VARIANT_OF: want_u = VC_KIND_ITEM; want_v = VC_KIND_ITEM; break;
        case VC_REL_SUPPLIES: want_u = VC_KIND_ACTOR; want_v = VC_KIND_ACTOR; break;
        default: continue;
        }
        if (ku != want_u || kv != want_v)
            return vc_error_set(x->err, VC_EINVAL, edge_path(x, e), edge_line(x, e),
                                edge_col(x, e),
                                "%s: relation %s goes from %s to %s, but \"%s\" is %s and "
                                "\"%s\" is %s",
                                edge_name(x, e, name, sizeof(name)),
                                vc_relation_name(c->relation[e]), a_kind(want_u), a_kind(want_v),
                                g->node_id[u], a_kind(ku), g->node_id[v], a_kind(kv));
    }
    return VC_OK;
}

/*
 * An undirected supplies, input_of or variant_of edge says nothing about
 * who feeds whom: unless told to read it as written, the analysis leaves it
 * out (provides edges need no direction: an actor provides an item).
 */
static void mark_directionless(struct ctx *x, const struct vc_chain_opts *opts)
{
    struct vc_graph *g = x->g;
    struct vc_chain *c = x->c;

    c->n_directionless = 0;
    for (size_t e = 0; e < g->n_edges; e++) {
        int r = c->relation[e];
        c->undirected[e] = opts->direction == VC_DIRECTION_REQUIRED && !g->edge_directed[e] &&
                           (r == VC_REL_SUPPLIES || r == VC_REL_INPUT_OF ||
                            r == VC_REL_VARIANT_OF);
        c->n_directionless += c->undirected[e];
    }
}

static enum vc_status share_scale(struct ctx *x, const struct vc_chain_opts *opts, int *percent)
{
    struct vc_graph *g = x->g;
    struct vc_attr *unit = vc_graph_attr(g, VC_CLASS_GRAPH, "share_unit");
    const char *s = vc_attr_get_string(unit, 0);

    *percent = opts->share_scale == VC_SHARE_PERCENT;
    if (opts->share_scale != VC_SHARE_AUTO || !s)
        return VC_OK;
    if (strcasecmp(s, "percent") == 0 || strcmp(s, "%") == 0)
        *percent = 1;
    else if (strcasecmp(s, "fraction") != 0)
        return vc_error_set(x->err, VC_EINVAL, g->source, 0, 0,
                            "graph attribute share_unit is \"%s\"; expected \"fraction\" or "
                            "\"percent\"", s);
    return VC_OK;
}

/* Shares and weights; shares are rewritten as a double column of fractions. */
static enum vc_status read_edge_numbers(struct ctx *x, const struct vc_chain_opts *opts)
{
    struct vc_graph *g = x->g;
    struct vc_chain *c = x->c;
    struct vc_attr *share = vc_graph_attr(g, VC_CLASS_EDGE, "share");
    struct vc_attr *weight = vc_graph_attr(g, VC_CLASS_EDGE, "weight");
    struct vc_attr *item = vc_graph_attr(g, VC_CLASS_EDGE, "item");
    struct vc_attr *essential = vc_graph_attr(g, VC_CLASS_EDGE, "essential");
    char name[300];
    int percent;
    enum vc_status st = share_scale(x, opts, &percent);

    if (st != VC_OK)
        return st;
    for (size_t e = 0; e < g->n_edges; e++) {
        double s, w;
        int ess = 1;
        st = bool_value(x, essential, VC_CLASS_EDGE, e, &ess);
        if (st != VC_OK)
            return st;
        c->essential[e] = (uint8_t)ess;
        st = number_at(x, share, VC_CLASS_EDGE, e, &s);
        if (st == VC_OK)
            st = number_at(x, weight, VC_CLASS_EDGE, e, &w);
        if (st != VC_OK)
            return st;
        if (percent)
            s /= 100.0;
        if (!isnan(s)) { /* a share is a fraction whatever the relation */
            if (s > 1.0 && !percent)
                return vc_error_set(x->err, VC_EINVAL, edge_path(x, e), edge_line(x, e),
                                    edge_col(x, e),
                                    "%s: share %g is above 1; shares are fractions in [0,1] "
                                    "(if this file gives percentages, use --share-scale percent "
                                    "or a graph attribute share_unit=\"percent\")",
                                    element_name(x, VC_CLASS_EDGE, e, name), s);
            if (s < 0.0 || s > 1.0)
                return vc_error_set(x->err, VC_EINVAL, edge_path(x, e), edge_line(x, e),
                                    edge_col(x, e), "%s: share %g%s is outside [0,1]",
                                    element_name(x, VC_CLASS_EDGE, e, name),
                                    percent ? s * 100.0 : s, percent ? " %" : "");
        }
        if (!isnan(w) && w < 0)
            return vc_error_set(x->err, VC_EINVAL, edge_path(x, e), edge_line(x, e),
                                edge_col(x, e),
                                "%s: weight %g is negative",
                                element_name(x, VC_CLASS_EDGE, e, name), w);
        c->share[e] = s;
        c->weight[e] = isnan(w) ? 1.0 : w;
        if (item) /* else NULL from calloc, and its pages left untouched */
            c->item[e] = vc_attr_get_string(item, e);
    }
    if (share && (percent || share->type != VC_ATTR_DOUBLE)) {
        struct vc_attr *fresh;
        vc_graph_attr_remove(g, share);
        st = vc_graph_attr_add(g, VC_CLASS_EDGE, "share", VC_ATTR_DOUBLE, &fresh, x->err);
        for (size_t e = 0; st == VC_OK && e < g->n_edges; e++)
            if (!isnan(c->share[e]))
                st = vc_attr_set_double(fresh, e, c->share[e], x->err);
        if (st != VC_OK)
            return st;
    }
    if (percent) {
        struct vc_attr *unit;
        const char *fraction = vc_graph_strdup(g, "fraction", 8);
        if (!fraction)
            return VC_ENOMEM;
        st = vc_graph_attr_ensure(g, VC_CLASS_GRAPH, "share_unit", VC_ATTR_STRING, &unit, x->err);
        if (st == VC_OK)
            st = vc_attr_set_string(unit, 0, fraction, x->err);
        if (st != VC_OK)
            return st;
    }
    return VC_OK;
}

static int looks_aggregate(const char *label)
{
    static const char *const words[] = { "rest of world", "rest of the world", "others",
                                         "other", "various", NULL };
    return strncasecmp(label, "various ", 8) == 0 || word_in(label, words);
}

/* Distinct unknown country values, warned about once each. */
struct seen {
    const char **v;
    size_t n, cap;
};

static int seen_add(struct seen *s, const char *v)
{
    for (size_t i = 0; i < s->n; i++)
        if (strcmp(s->v[i], v) == 0)
            return 0;
    if (s->n == s->cap) {
        size_t ncap = s->cap ? 2 * s->cap : 16;
        const char **nv = realloc(s->v, ncap * sizeof(*nv));
        if (!nv)
            return 0;
        s->v = nv;
        s->cap = ncap;
    }
    s->v[s->n++] = v;
    return 1;
}

static enum vc_status read_node_fields(struct ctx *x)
{
    struct vc_graph *g = x->g;
    struct vc_chain *c = x->c;
    struct vc_attr *label = vc_graph_attr(g, VC_CLASS_NODE, "label");
    struct vc_attr *country = vc_graph_attr(g, VC_CLASS_NODE, "country");
    struct vc_attr *level = vc_graph_attr(g, VC_CLASS_NODE, "level");
    struct vc_attr *aggregate = vc_graph_attr(g, VC_CLASS_NODE, "aggregate");
    struct vc_attr *value = vc_graph_attr(g, VC_CLASS_NODE, "value");
    struct seen unknown = { 0 };
    enum vc_status st = VC_OK;
    char name[300];

    if (country && country->type != VC_ATTR_STRING)
        country = NULL;
    for (size_t k = 0; k < g->n_nodes && st == VC_OK; k++) {
        const char *s;
        int agg = -1;

        s = vc_attr_get_string(label, k);
        c->label[k] = s && *s ? s : g->node_id[k];

        s = vc_attr_get_string(country, k);
        if (s && *s) {
            const char *a3 = vc_country_alpha3(s);
            if (a3) {
                if (strcmp(a3, s) != 0)
                    country->values[k].s = a3; /* static table: outlives the graph */
                s = a3;
            } else if (seen_add(&unknown, s)) {
                st = vc_warn(x->diag, x->err, node_path(x, k), node_line(x, k), node_col(x, k),
                             "node \"%s\": country \"%s\" is not an ISO 3166-1 code or name; "
                             "kept as given", g->node_id[k], s);
            }
            c->country[k] = s;
        }

        s = vc_attr_get_string(level, k);
        if (s && *s) {
            if (strcasecmp(s, "country") == 0)
                c->level[k] = VC_LEVEL_COUNTRY;
            else if (strcasecmp(s, "firm") != 0 && strcasecmp(s, "organization") != 0 &&
                     strcasecmp(s, "organisation") != 0 && strcasecmp(s, "company") != 0)
                st = vc_warn(x->diag, x->err, node_path(x, k), node_line(x, k), node_col(x, k),
                             "node \"%s\": level \"%s\" is neither firm nor country; read as "
                             "firm", g->node_id[k], s);
        }

        if (st == VC_OK)
            st = bool_at(x, aggregate, k, &agg);
        if (agg < 0)
            agg = c->kind[k] == VC_KIND_ACTOR && looks_aggregate(c->label[k]);
        c->aggregate[k] = (uint8_t)agg;

        if (st == VC_OK)
            st = number_at(x, value, VC_CLASS_NODE, k, &c->value[k]);
        if (st == VC_OK && !isnan(c->value[k]) && c->value[k] < 0)
            st = vc_error_set(x->err, VC_EINVAL, node_path(x, k), node_line(x, k), node_col(x, k),
                              "%s: value %g is negative", element_name(x, VC_CLASS_NODE, k, name),
                              c->value[k]);
    }
    free(unknown.v);
    return st;
}

/*
 * A supplier's sector, which groups a customer's suppliers when the supplies
 * edges do not say what they supply: the node attribute given with
 * --group-by, else the first of these names (any case) that some actor
 * carries.  Numbers (NACE or NAICS codes) are read as their text.
 */
static enum vc_status read_sectors(struct ctx *x, const struct vc_chain_opts *opts)
{
    static const char *const names[] = { "sector", "industry", "nace", "nace_code", "isic",
                                          "naics", "sic", "function", "category", NULL };
    struct vc_graph *g = x->g;
    struct vc_chain *c = x->c;
    struct vc_attr *a = NULL;

    if (opts->group_by) {
        a = vc_graph_attr(g, VC_CLASS_NODE, opts->group_by);
        if (!a)
            return vc_error_set(x->err, VC_EINVAL, g->source, 0, 0,
                                "--group-by %s: the nodes have no attribute \"%s\"",
                                opts->group_by, opts->group_by);
    }
    for (int i = 0; !a && names[i]; i++) {
        for (size_t j = 0; !a && j < g->n_attrs; j++) {
            struct vc_attr *cand = g->attrs[j];
            if (cand->cls != VC_CLASS_NODE || strcasecmp(cand->name, names[i]) != 0)
                continue;
            for (size_t k = 0; k < g->n_nodes; k++)
                if (c->kind[k] == VC_KIND_ACTOR && vc_attr_has(cand, k)) {
                    a = cand;
                    break;
                }
        }
    }
    if (!a)
        return VC_OK;
    c->sector_attr = a->name;
    for (size_t k = 0; k < g->n_nodes; k++) {
        char buf[64];
        const char *v;
        if (c->kind[k] != VC_KIND_ACTOR || !vc_attr_has(a, k))
            continue;
        if (a->type == VC_ATTR_STRING) {
            v = a->values[k].s;
        } else {
            if (a->type == VC_ATTR_FLOAT || a->type == VC_ATTR_DOUBLE)
                snprintf(buf, sizeof(buf), "%.17g", a->values[k].d);
            else
                snprintf(buf, sizeof(buf), "%lld", (long long)a->values[k].i);
            if (!(v = vc_graph_strdup(g, buf, strlen(buf))))
                return vc_error_set(x->err, VC_ENOMEM, g->source, 0, 0, "out of memory");
        }
        c->sector[k] = v && *v ? v : NULL;
    }
    return VC_OK;
}

/*
 * A node `share`: an actor's share of its market (a firm network gives it
 * on the node, not on a provides edge).  In [0,1], or percent as the edge
 * shares are (rewritten as fractions alike).
 */
static enum vc_status read_node_shares(struct ctx *x, const struct vc_chain_opts *opts)
{
    struct vc_graph *g = x->g;
    struct vc_chain *c = x->c;
    struct vc_attr *share = vc_graph_attr(g, VC_CLASS_NODE, "share");
    int percent = 0;
    enum vc_status st;
    char name[300];

    for (size_t k = 0; k < g->n_nodes; k++)
        c->node_share[k] = NAN;
    if (!share)
        return VC_OK;
    if ((st = share_scale(x, opts, &percent)) != VC_OK)
        return st;
    for (size_t k = 0; k < g->n_nodes; k++) {
        double v;
        st = number_at(x, share, VC_CLASS_NODE, k, &v);
        if (st != VC_OK)
            return st;
        if (isnan(v))
            continue;
        if (percent)
            v /= 100.0;
        if (v < 0.0 || v > 1.0)
            return vc_error_set(x->err, VC_EINVAL, node_path(x, k), node_line(x, k),
                                node_col(x, k), "%s: share %g%s is outside [0,1]%s",
                                element_name(x, VC_CLASS_NODE, k, name),
                                percent ? v * 100.0 : v, percent ? " %" : "",
                                percent ? "" : " (for percentages, use --share-scale percent)");
        c->node_share[k] = v;
    }
    if (percent || share->type != VC_ATTR_DOUBLE) {
        struct vc_attr *fresh;
        vc_graph_attr_remove(g, share);
        st = vc_graph_attr_add(g, VC_CLASS_NODE, "share", VC_ATTR_DOUBLE, &fresh, x->err);
        for (size_t k = 0; st == VC_OK && k < g->n_nodes; k++)
            if (!isnan(c->node_share[k]))
                st = vc_attr_set_double(fresh, k, c->node_share[k], x->err);
    }
    return st;
}

/*
 * Marks the items of the terminal strongly connected components of the item
 * graph (input_of and variant_of edges, self-loops left out) as final: on a
 * DAG the items that feed no other item; on a loop that feeds nothing
 * outside it, every item of the loop.  Tarjan's algorithm, iteratively.
 */
static int terminal_items(const struct vc_graph *g, struct vc_chain *c)
{
    size_t n = g->n_nodes, depth = 0, sp = 0, n_comp = 0;
    uint32_t idx = 0;
    uint32_t *start = calloc(n + 2, sizeof(uint32_t));
    uint32_t *adj = malloc((g->n_edges ? g->n_edges : 1) * sizeof(uint32_t));
    uint32_t *index = malloc((n ? n : 1) * sizeof(uint32_t));
    uint32_t *low = malloc((n ? n : 1) * sizeof(uint32_t));
    uint32_t *comp = malloc((n ? n : 1) * sizeof(uint32_t));
    uint32_t *stack = malloc((n ? n : 1) * sizeof(uint32_t));
    uint32_t *call = malloc((n ? n : 1) * sizeof(uint32_t)); /* node per frame */
    uint32_t *next = malloc((n ? n : 1) * sizeof(uint32_t)); /* edge cursor per node */
    uint8_t *exits = NULL;
    int rc = -1;

    if (!start || !adj || !index || !low || !comp || !stack || !call || !next)
        goto out;
    for (size_t e = 0; e < g->n_edges; e++)
        if ((c->relation[e] == VC_REL_INPUT_OF || c->relation[e] == VC_REL_VARIANT_OF) &&
            !c->undirected[e] && g->edge_from[e] != g->edge_to[e])
            start[g->edge_from[e] + 1]++;
    for (size_t k = 0; k < n; k++)
        start[k + 1] += start[k];
    for (size_t e = 0; e < g->n_edges; e++)
        if ((c->relation[e] == VC_REL_INPUT_OF || c->relation[e] == VC_REL_VARIANT_OF) &&
            !c->undirected[e] && g->edge_from[e] != g->edge_to[e])
            adj[start[g->edge_from[e]]++] = g->edge_to[e];
    for (size_t k = n; k > 0; k--)
        start[k] = start[k - 1];
    start[0] = 0;
    for (size_t k = 0; k < n; k++) {
        index[k] = UINT32_MAX;
        next[k] = start[k];
    }
    for (size_t root = 0; root < n; root++) {
        if (c->kind[root] != VC_KIND_ITEM || index[root] != UINT32_MAX)
            continue;
        call[depth++] = (uint32_t)root;
        index[root] = low[root] = idx++;
        stack[sp++] = (uint32_t)root;
        comp[root] = UINT32_MAX; /* on the stack */
        while (depth) {
            uint32_t v = call[depth - 1];
            if (next[v] < start[v + 1]) {
                uint32_t w = adj[next[v]++];
                if (index[w] == UINT32_MAX) {
                    index[w] = low[w] = idx++;
                    stack[sp++] = w;
                    comp[w] = UINT32_MAX;
                    call[depth++] = w;
                } else if (comp[w] == UINT32_MAX && index[w] < low[v]) {
                    low[v] = index[w];
                }
                continue;
            }
            depth--;
            if (low[v] == index[v]) {
                uint32_t w;
                do {
                    w = stack[--sp];
                    comp[w] = (uint32_t)n_comp;
                } while (w != v);
                n_comp++;
            }
            if (depth) {
                uint32_t u = call[depth - 1];
                if (low[v] < low[u])
                    low[u] = low[v];
            }
        }
    }
    /* a component is terminal when no edge leaves it */
    exits = calloc(n_comp ? n_comp : 1, 1);
    if (!exits)
        goto out;
    for (size_t v = 0; v < n; v++)
        if (c->kind[v] == VC_KIND_ITEM)
            for (uint32_t j = start[v]; j < start[v + 1]; j++)
                if (comp[adj[j]] != comp[v])
                    exits[comp[v]] = 1;
    for (size_t v = 0; v < n; v++)
        c->final[v] = c->kind[v] == VC_KIND_ITEM && !exits[comp[v]];
    rc = 0;
out:
    VC_FREE_ALL(start, adj, index, low, comp, stack, call, next, exits);
    return rc;
}

/* Final output (docs/model.md): final items when the chain has items, else actors. */
static enum vc_status mark_final(struct ctx *x)
{
    struct vc_graph *g = x->g;
    struct vc_chain *c = x->c;
    struct vc_attr *final = vc_graph_attr(g, VC_CLASS_NODE, "final");
    size_t marked[3] = { 0, 0, 0 };
    enum vc_status st;

    c->n_actors = c->n_items = c->n_final = 0;
    for (size_t k = 0; k < g->n_nodes; k++) {
        int f = 0;
        if ((st = bool_at(x, final, k, &f)) != VC_OK)
            return st;
        c->final[k] = (uint8_t)(f != 0);
        marked[c->kind[k]] += f != 0;
        c->n_actors += c->kind[k] == VC_KIND_ACTOR;
        c->n_items += c->kind[k] == VC_KIND_ITEM;
    }
    if (c->n_items) {
        if (marked[VC_KIND_ITEM]) {
            c->final_rule = VC_FINAL_MARKED_ITEMS;
            for (size_t k = 0; k < g->n_nodes; k++)
                c->final[k] = c->final[k] && c->kind[k] == VC_KIND_ITEM;
        } else {
            c->final_rule = VC_FINAL_TERMINAL_ITEMS;
            if (terminal_items(g, c) != 0)
                return vc_error_set(x->err, VC_ENOMEM, g->source, 0, 0, "out of memory");
        }
        if (marked[VC_KIND_ACTOR] &&
            (st = vc_warn(x->diag, x->err, g->source, 0, 0,
                          "%zu actor%s marked final, but the chain has items: its final "
                          "output is %s, and the actors' marks are not used",
                          marked[VC_KIND_ACTOR], marked[VC_KIND_ACTOR] == 1 ? " is" : "s are",
                          c->final_rule == VC_FINAL_MARKED_ITEMS ? "the items marked final"
                                                                  : "its final items")) != VC_OK)
            return st;
    } else if (c->n_actors) {
        c->final_rule = marked[VC_KIND_ACTOR] ? VC_FINAL_MARKED_ACTORS : VC_FINAL_ALL_ACTORS;
        for (size_t k = 0; k < g->n_nodes; k++)
            c->final[k] = c->kind[k] == VC_KIND_ACTOR &&
                          (c->final[k] || c->final_rule == VC_FINAL_ALL_ACTORS);
    } else {
        c->final_rule = VC_FINAL_NONE;
        memset(c->final, 0, g->n_nodes);
    }
    for (size_t k = 0; k < g->n_nodes; k++)
        c->n_final += c->final[k];
    return VC_OK;
}

/* Shares of one provider level should not sum above 100 %. */
static enum vc_status check_coverage(struct ctx *x, const struct vc_chain_opts *opts)
{
    struct vc_graph *g = x->g;
    struct vc_chain *c = x->c;
    double *cov = calloc(2 * (g->n_nodes ? g->n_nodes : 1), sizeof(double));
    enum vc_status st = VC_OK;

    if (!cov)
        return vc_error_set(x->err, VC_ENOMEM, g->source, 0, 0, "out of memory");
    for (size_t e = 0; e < g->n_edges; e++)
        if (c->relation[e] == VC_REL_PROVIDES && !isnan(c->share[e]))
            cov[2 * g->edge_to[e] + c->level[g->edge_from[e]]] += c->share[e];
    for (size_t k = 0; k < g->n_nodes && st == VC_OK; k++)
        for (int l = 0; l < 2 && st == VC_OK; l++)
            if (cov[2 * k + l] > 1.0 + opts->coverage_tolerance)
                st = vc_warn(x->diag, x->err, node_path(x, k), node_line(x, k), node_col(x, k),
                             "item \"%s\": %s-level shares add up to %.1f %% (above 100 %%)",
                             g->node_id[k], vc_level_name((enum vc_level)l),
                             cov[2 * k + l] * 100.0);
    free(cov);
    return st;
}

enum vc_status vc_chain_build(struct vc_graph *g, const struct vc_chain_opts *opts,
                              struct vc_chain *out, struct vc_diag *diag, struct vc_error *err)
{
    static const struct vc_chain_opts defaults = VC_CHAIN_OPTS_INIT;
    struct vc_chain c;
    struct ctx x = { g, &c, diag, err };
    enum vc_status st;

    if (!opts)
        opts = &defaults;
    memset(&c, 0, sizeof(c));
    c.graph = g;
    c.opts = *opts;
    c.n_nodes = g->n_nodes;
    c.n_edges = g->n_edges;
    c.plain = !vc_graph_attr(g, VC_CLASS_NODE, "kind") &&
              !vc_graph_attr(g, VC_CLASS_EDGE, "relation");
    if (alloc_arrays(&c, g->n_nodes, g->n_edges) != VC_OK) {
        st = vc_error_set(err, VC_ENOMEM, g->source, 0, 0, "out of memory");
        goto out;
    }
    if ((st = read_word_column(&x, VC_CLASS_NODE, "kind", parse_kind, "actor or item",
                               VC_KIND_OTHER, x.c->kind)) != VC_OK ||
        (st = read_word_column(&x, VC_CLASS_EDGE, "relation", parse_relation,
                               "provides, input_of, variant_of or supplies", VC_REL_OTHER,
                               x.c->relation)) != VC_OK)
        goto out;
    if (infer_kinds(&x) != 0) {
        st = vc_error_set(err, VC_ENOMEM, g->source, 0, 0, "out of memory");
        goto out;
    }
    if ((st = check_relations(&x)) != VC_OK || (st = read_edge_numbers(&x, opts)) != VC_OK ||
        (st = read_node_fields(&x)) != VC_OK || (st = read_sectors(&x, opts)) != VC_OK ||
        (st = read_node_shares(&x, opts)) != VC_OK)
        goto out;
    mark_directionless(&x, opts);
    if ((st = mark_final(&x)) != VC_OK || (st = check_coverage(&x, opts)) != VC_OK)
        goto out;
    *out = c;
    return VC_OK;
out:
    vc_chain_release(&c);
    return st;
}
