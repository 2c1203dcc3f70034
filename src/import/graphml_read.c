/*
 * graphml_read.c - a streaming GraphML reader on libxml2's SAX2 interface.
 *
 * Owns: turning GraphML as real tools write it (NetworkX, igraph,
 * graph-tool, Gephi, yEd, yFiles) into a struct vc_graph, with every error
 * located at the start tag concerned.  Never builds a tree: memory is the
 * graph plus one <data> value at a time.  Does not interpret value-chain
 * meaning (core/chain.c does, after reading).
 *
 * Policy, in short (docs/formats.md has the long form):
 *  - GraphML elements in the GraphML namespace, the old yFiles namespace or
 *    no namespace; elements of other namespaces are skipped;
 *  - keys may sit inside <graph>; a key id may be reused for another class
 *    (as igraph and Gephi write), never twice for the same class;
 *  - edges may name nodes declared later; a node never declared is an error
 *    (--lenient creates it, with a warning);
 *  - nested graphs (a <graph> inside a <node>: yEd's groups) are read
 *    flattened, as NetworkX reads them, each node inside another keeping
 *    the holder's id in node attribute "group" (xml_reader.c), with a
 *    warning; a <graph> inside an <edge> and hyperedges are refused;
 *  - a <data> whose key is declared for another class only (yFiles writes
 *    node data with keys declared for="edge") is read into a column of the
 *    key's name for the element's class, with one warning per key;
 *  - yEd graphics keys (yfiles.type) and <port> are skipped with one warning;
 *  - node keys named x, y, size, r, g, b (Gephi's and sigma.js's position,
 *    size and colour) fill the visual columns viz_x ... viz_b.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include "core/attrname.h"
#include "core/mem.h"
#include "core/strpool.h"
#include "xml_reader.h"
#include "xml_util.h"
#include "vchain/import.h"

#define NS_GRAPHML "http://graphml.graphdrawing.org/xmlns"
#define NS_GRAPHML_OLD "http://graphml.graphdrawing.org/xmlns/graphml"

enum el {
    EL_TOP, EL_GRAPHML, EL_KEY, EL_DEFAULT, EL_GRAPH, EL_NODE, EL_EDGE, EL_DATA, EL_DESC,
    EL_SUBGRAPH /* a <graph> inside a <node> */
};

enum { FOR_NODE = 1, FOR_EDGE = 2, FOR_GRAPH = 4, FOR_ALL = 7 };

struct key {
    const char *id;          /* pooled */
    int classes;             /* FOR_* bits this declaration covers */
    struct vc_attr *attr[3]; /* the column per class (NULL if not covered) */
    enum vc_attr_type type;
    int skip;                /* yEd graphics (yfiles.type): data ignored */
    const char *names[3];    /* the column name per class (pooled), also for a
                                class the key is not declared for */
    int borrowed;            /* FOR_* bits of classes that used the key
                                without its declaration (yFiles) */
    char *default_text;      /* NULL when no <default> */
    long line, col;
};

enum { SLOT_ID, SLOT_SOURCE, SLOT_TARGET, SLOT_MISC };

/* Names as interned in the parser's dictionary: compared by pointer. */
struct names {
    const xmlChar *ns, *ns_old;
    const xmlChar *data, *node, *edge;
    const xmlChar *id, *key, *source, *target, *directed, *edgedefault, *for_, *attr_name,
        *attr_type, *yfiles_type;
};

struct reader {
    struct vc_xml_reader x;  /* first: the shared SAX handlers read it */
    struct names nm;

    /* <graph> without edgedefault, and its edges without a directed
     * attribute: read as directed, with a warning (NetworkX reads them as
     * undirected) */
    bool no_edgedefault;
    long graph_line, graph_col;
    size_t default_edges;

    struct key *keys;        /* x.decl_* index them */
    size_t n_keys, keys_cap;

    /* the element whose <data> we are reading */
    enum vc_attr_class cur_cls;
    size_t cur_index;
    struct key *cur_key;
    long data_line, data_col;   /* start tag of the <data>, <default> or <desc> being read */


    int warned_yfiles, warned_port, warned_nested_data, warned_undeclared;
};

/* ---- small helpers ---- */

static void intern_names(struct reader *r)
{
    xmlDictPtr d = r->x.ctxt->dict;
    struct names *nm = &r->nm;
#define INTERN(s) xmlDictLookup(d, (const xmlChar *)(s), -1)
    nm->ns = INTERN(NS_GRAPHML);
    nm->ns_old = INTERN(NS_GRAPHML_OLD);
    nm->data = INTERN("data");
    nm->node = INTERN("node");
    nm->edge = INTERN("edge");
    nm->id = INTERN("id");
    nm->key = INTERN("key");
    nm->source = INTERN("source");
    nm->target = INTERN("target");
    nm->directed = INTERN("directed");
    nm->edgedefault = INTERN("edgedefault");
    nm->for_ = INTERN("for");
    nm->attr_name = INTERN("attr.name");
    nm->attr_type = INTERN("attr.type");
    nm->yfiles_type = INTERN("yfiles.type");
#undef INTERN
}

static int is_graphml_ns(const struct reader *r, const xmlChar *uri)
{
    /* Pointer checks first: namespace names come from the parser's dictionary. */
    return !uri || uri == r->nm.ns || uri == r->nm.ns_old ||
           strcmp((const char *)uri, NS_GRAPHML) == 0 ||
           strcmp((const char *)uri, NS_GRAPHML_OLD) == 0;
}

/*
 * Value of the un-namespaced attribute `name`, as a span.  Without entity
 * substitution libxml2 hands "&amp;" over as "&#38;" (everything else is
 * decoded); such values are decoded into scratch buffer `slot`.
 */
static const xmlChar *attr_span(struct reader *r, const xmlChar **attrs, int n,
                                const xmlChar *name, int slot, size_t *len)
{
    for (int i = 0; i < n; i++) {
        const xmlChar **a = attrs + 5 * i;
        if (a[2] != NULL || a[0] != name) /* attribute names are interned too */
            continue;
        const char *v = (const char *)a[3], *end = (const char *)a[4];
        *len = (size_t)(end - v);
        if (!memchr(v, '&', *len))
            return a[3];
        return (const xmlChar *)vc_xr_decode(&r->x, v, end, slot, len);
    }
    return NULL;
}

/*
 * A NUL-terminated copy of an attribute value in a caller's buffer; a value
 * that does not fit is an error located at the element's start tag.
 */
static const char *attr_str(struct reader *r, const xmlChar **attrs, int n,
                            const xmlChar *name, char *buf, size_t size, const char *elem,
                            long line, long col)
{
    size_t len;
    const xmlChar *v = attr_span(r, attrs, n, name, SLOT_MISC, &len);
    if (!v)
        return NULL;
    if (len >= size) {
        vc_xr_fail(&r->x, VC_EINVAL, line, col,
             "<%s>: attribute %s is too long (%zu bytes; the limit is %zu)", elem,
             (const char *)name, len, size - 1);
        return NULL;
    }
    memcpy(buf, v, len);
    buf[len] = '\0';
    return buf;
}

static enum el parent(const struct reader *r)
{
    return (enum el)vc_xr_parent(&r->x);
}

/* ---- keys ---- */

/* The key declared as id for one of the classes in cls_bits (FOR_*). */
static struct key *find_key(struct reader *r, const char *id, size_t len, int cls_bits)
{
    for (int c = 0; c < 3; c++) {
        size_t i;
        if (!(cls_bits & (1 << c)))
            continue;
        i = vc_xr_decl_find(&r->x, c, id, len);
        if (i != SIZE_MAX)
            return &r->keys[i];
    }
    return NULL;
}

static int parse_for(const char *s)
{
    if (!s || strcmp(s, "all") == 0)
        return FOR_ALL;
    if (strcmp(s, "node") == 0)
        return FOR_NODE;
    if (strcmp(s, "edge") == 0)
        return FOR_EDGE;
    if (strcmp(s, "graph") == 0)
        return FOR_GRAPH;
    return 0; /* graphml, hyperedge, port, endpoint: nothing vchain reads */
}

static const char *for_name(int classes)
{
    switch (classes) {
    case FOR_NODE: return "nodes";
    case FOR_EDGE: return "edges";
    case FOR_GRAPH: return "the graph";
    default: return "other elements";
    }
}

/* The visual column a node key of this name fills in Gephi and sigma.js
 * (x, y, size, r, g, b: exactly these names, as Gephi matches them), or
 * NULL. */
static const char *visual_name(const char *name)
{
    static const char *const names[][2] = { { "x", "viz_x" }, { "y", "viz_y" },
                                            { "size", "viz_size" }, { "r", "viz_r" },
                                            { "g", "viz_g" }, { "b", "viz_b" } };
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        if (strcmp(name, names[i][0]) == 0)
            return names[i][1];
    return NULL;
}

static void start_key(struct reader *r, const xmlChar **attrs, int n, long line, long col)
{
    char idbuf[1024], forbuf[64], namebuf[1024], typebuf[64], mapped[1040];
    const char *id = attr_str(r, attrs, n, r->nm.id, idbuf, sizeof(idbuf), "key", line, col);
    const char *forv = attr_str(r, attrs, n, r->nm.for_, forbuf, sizeof(forbuf), "key", line,
                                col);
    const char *name = attr_str(r, attrs, n, r->nm.attr_name, namebuf, sizeof(namebuf), "key",
                                line, col);
    const char *type = attr_str(r, attrs, n, r->nm.attr_type, typebuf, sizeof(typebuf), "key",
                                line, col);
    size_t ylen;
    struct key *k;
    int classes;

    if (r->x.failed)
        return;
    if (!id || !*id) {
        vc_xr_fail(&r->x, VC_EINVAL, line, col, "<key> without an id");
        return;
    }
    classes = parse_for(forv);
    if (forv && !classes && strcmp(forv, "graphml") && strcmp(forv, "hyperedge") &&
        strcmp(forv, "port") && strcmp(forv, "endpoint")) {
        vc_xr_fail(&r->x, VC_EINVAL, line, col,
             "<key id=\"%s\">: for=\"%s\" is not one of node, edge, graph, all", id, forv);
        return;
    }
    for (int bit = 1; bit <= FOR_GRAPH; bit <<= 1) {
        if ((classes & bit) && find_key(r, id, strlen(id), bit)) {
            vc_xr_fail(&r->x, VC_EINVAL, line, col, "key id \"%s\" is declared twice for %ss", id,
                 vc_attr_class_name(bit == FOR_NODE ? VC_CLASS_NODE
                                    : bit == FOR_EDGE ? VC_CLASS_EDGE : VC_CLASS_GRAPH));
            return;
        }
    }
    if (VC_GROW(r->keys, r->keys_cap, r->n_keys + 1)) {
        vc_xr_nomem(&r->x);
        return;
    }
    k = &r->keys[r->n_keys++];
    memset(k, 0, sizeof(*k));
    k->id = vc_graph_strdup(r->x.g, id, strlen(id));
    k->line = line;
    k->col = col;
    k->classes = classes;
    if (!k->id || vc_xr_decl_add(&r->x, r->n_keys - 1, k->id, classes)) {
        vc_xr_nomem(&r->x);
        return;
    }
    if (attr_span(r, attrs, n, r->nm.yfiles_type, SLOT_MISC, &ylen)) {
        /* yEd's graphics: nested XML that describes drawing, not data. */
        k->skip = 1;
        if (!r->warned_yfiles++)
            vc_xr_warn(&r->x, line, col, "yEd graphics data (keys with yfiles.type) is skipped");
        return;
    }
    k->type = VC_ATTR_STRING;
    if (type && !vc_attr_type_parse(type, &k->type)) {
        vc_xr_fail(&r->x, VC_EINVAL, line, col,
             "<key id=\"%s\">: attr.type \"%s\" is not one of boolean, int, long, float, "
             "double, string", id, type);
        return;
    }
    if (!name || !*name)
        name = id; /* keys declared with an id only: the id is the name */
    /* vchain's exporters escape reserved names (vc_kind): restore them. */
    const char *plain = vc_attrname_unescape(name);
    const char *data_name = vc_attrmap_apply(r->x.opts->map, plain, mapped, sizeof(mapped));
    /* Gephi's and sigma.js's node position, size and colour, unless --map
     * claims the name: the visual columns (a data column of such a name
     * comes escaped, vc_size, from vchain's exporters). */
    const char *visual = plain == name && data_name == plain ? visual_name(plain) : NULL;
    for (int c = 0; c < 3; c++) {
        int bit = 1 << c;
        enum vc_attr_class cls = c == 0 ? VC_CLASS_NODE : c == 1 ? VC_CLASS_EDGE : VC_CLASS_GRAPH;
        name = cls == VC_CLASS_NODE && visual ? visual : data_name;
        if (!(k->names[c] = vc_graph_strdup(r->x.g, name, strlen(name)))) {
            vc_xr_nomem(&r->x);
            return;
        }
        if (!(classes & bit))
            continue;
        if (vc_graph_attr(r->x.g, cls, name)) {
            /* the name as the file writes it, not the visual column it fills */
            vc_xr_fail(&r->x, VC_EINVAL, line, col,
                 "<key id=\"%s\">: %s attribute \"%s\" is already declared by another key", id,
                 vc_attr_class_name(cls), name == visual ? plain : name);
            return;
        }
        if (vc_graph_attr_add(r->x.g, cls, name, k->type, &k->attr[c], r->x.err) != VC_OK) {
            if (r->x.err->line == 0) { /* the graph knows no position: this <key>'s */
                r->x.err->line = line;
                r->x.err->col = col;
            }
            r->x.failed = 1;
            return;
        }
    }
}

/* ---- text of <data>, <default>, <desc> ---- */

static void characters(void *ud, const xmlChar *ch, int len)
{
    struct reader *r = ud;
    enum el top = parent(r);

    if (top != EL_DATA && top != EL_DEFAULT && top != EL_DESC)
        return;
    vc_xr_text_append(&r->x, ch, len,
                      top == EL_DATA ? "data" : top == EL_DEFAULT ? "default" : "desc",
                      r->data_line, r->data_col);
}

static int class_bit(enum vc_attr_class cls)
{
    return cls == VC_CLASS_NODE ? FOR_NODE : cls == VC_CLASS_EDGE ? FOR_EDGE : FOR_GRAPH;
}

static void element_name(struct reader *r, char *buf, size_t size)
{
    const struct vc_graph *g = r->x.g;
    switch (r->cur_cls) {
    case VC_CLASS_NODE:
        snprintf(buf, size, "node \"%s\"", g->node_id[r->cur_index]);
        break;
    case VC_CLASS_EDGE:
        if (vc_xr_resolve(&r->x)) /* out of memory: the queued ends are unknown */
            snprintf(buf, size, "an edge");
        else if (vc_graph_edge_id(g, r->cur_index))
            snprintf(buf, size, "edge \"%s\"", vc_graph_edge_id(g, r->cur_index));
        else
            snprintf(buf, size, "edge \"%s\" -> \"%s\"", g->node_id[g->edge_from[r->cur_index]],
                     g->node_id[g->edge_to[r->cur_index]]);
        break;
    case VC_CLASS_GRAPH:
        snprintf(buf, size, "the graph");
        break;
    }
}

static void store_value(struct reader *r, struct vc_attr *a, size_t index, const char *text,
                        size_t len, long line, long col)
{
    union vc_value v;
    bool present;
    const char *why = "";
    enum vc_status st = vc_value_parse(a->type, text, &v, &present, &why);

    if (st != VC_OK) {
        char name[300];
        element_name(r, name, sizeof(name));
        vc_xr_fail(&r->x, st, line, col, "%s: value \"%.80s\" of %s (%s): %s", name, text, a->name,
             vc_attr_type_name(a->type), why);
        return;
    }
    if (!present) {
        vc_xr_missing(&r->x, a, text, line, col);
        return;
    }
    if (a->type == VC_ATTR_STRING) {
        v.s = vc_strpool_dup_cached(&r->x.g->pool, &r->x.values, text, len);
        if (!v.s) {
            vc_xr_nomem(&r->x);
            return;
        }
    }
    if (vc_attr_set(a, index, v, r->x.err) != VC_OK)
        r->x.failed = 1;
}

/* The column of key k for class bit `bit`, which k is not declared for: a
 * column of the key's name for that class (yFiles writes node data with
 * keys declared for="edge"), with one warning per key and class; NULL when
 * r failed. */
static struct vc_attr *borrow(struct reader *r, struct key *k, int bit, long line, long col)
{
    int c = bit == FOR_NODE ? 0 : bit == FOR_EDGE ? 1 : 2;
    enum vc_attr_class cls = c == 0 ? VC_CLASS_NODE : c == 1 ? VC_CLASS_EDGE : VC_CLASS_GRAPH;
    struct vc_attr *a = k->attr[c];
    char name[300];

    if (a)
        return a;
    element_name(r, name, sizeof(name));
    a = vc_graph_attr(r->x.g, cls, k->names[c]);
    if (a && a->type != k->type) {
        vc_xr_fail(&r->x, VC_EINVAL, line, col,
                   "%s: <data key=\"%s\"> uses a key declared for %s only, and %s attribute "
                   "\"%s\" is already a %s", name, k->id, for_name(k->classes),
                   vc_attr_class_name(cls), k->names[c], vc_attr_type_name(a->type));
        return NULL;
    }
    vc_xr_warn(&r->x, line, col,
               "%s: <data key=\"%s\"> uses a key declared for %s only; read as %s "
               "attribute \"%s\"%s, as NetworkX reads it (yFiles writes such files)", name,
               k->id, for_name(k->classes),
               vc_attr_class_name(cls), k->names[c],
               a ? ", which a key for that class declares too" : "");
    if (r->x.failed)
        return NULL; /* --strict */
    if (!a && vc_graph_attr_add(r->x.g, cls, k->names[c], k->type, &a, r->x.err) != VC_OK) {
        r->x.failed = 1;
        return NULL;
    }
    k->attr[c] = a;
    k->borrowed |= bit;
    return a;
}

static void start_data(struct reader *r, const xmlChar **attrs, int n, long line, long col)
{
    size_t len;
    const xmlChar *key = attr_span(r, attrs, n, r->nm.key, SLOT_ID, &len);
    enum el owner = parent(r);

    r->cur_key = NULL;
    if (owner == EL_GRAPHML || owner == EL_SUBGRAPH) {
        /* data about the whole file, or about a group's inner graph: nothing
         * vchain uses (the group's own data is the holding node's) */
        vc_xr_skip(&r->x);
        return;
    }
    if (!key) {
        vc_xr_fail(&r->x, VC_EINVAL, line, col, "<data> without a key attribute");
        return;
    }
    r->cur_cls = owner == EL_NODE ? VC_CLASS_NODE : owner == EL_EDGE ? VC_CLASS_EDGE
                                                                    : VC_CLASS_GRAPH;
    r->cur_key = find_key(r, (const char *)key, len, class_bit(r->cur_cls));
    if (!r->cur_key) {
        struct key *other = find_key(r, (const char *)key, len, FOR_ALL);
        if (other && other->skip) {
            vc_xr_skip(&r->x); /* yEd graphics, whatever they are for */
            return;
        }
        if (other && other->classes != FOR_ALL && other->classes) {
            if (!borrow(r, other, class_bit(r->cur_cls), line, col))
                return;
            r->cur_key = other;
        }
    }
    if (!r->cur_key) {
        char name[300];
        element_name(r, name, sizeof(name));
        if (!r->x.opts->lenient) {
            struct key *other = find_key(r, (const char *)key, len, FOR_ALL);
            vc_xr_fail(&r->x, VC_EINVAL, line, col,
                 "%s: <data key=\"%.*s\"> uses a key that no <key> declares for %ss%s%s%s",
                 name, (int)(len > 200 ? 200 : len), (const char *)key,
                 vc_attr_class_name(r->cur_cls), other ? " (it is declared for " : "",
                 other ? for_name(other->classes) : "", other ? " only)" : "");
            return;
        }
        if (!r->warned_undeclared++)
            vc_xr_warn(&r->x, line, col, "%s: undeclared key \"%.*s\" ignored (--lenient)", name,
                 (int)(len > 200 ? 200 : len), (const char *)key);
        vc_xr_skip(&r->x);
        return;
    }
    if (r->cur_key->skip) {
        vc_xr_skip(&r->x);
        return;
    }
    r->data_line = line;
    r->data_col = col;
    vc_xr_text_reset(&r->x);
    vc_xr_push(&r->x, EL_DATA);
}

static void end_data(struct reader *r)
{
    struct key *k = r->cur_key;
    struct vc_attr *a;
    char name[300];
    int c = r->cur_cls == VC_CLASS_NODE ? 0 : r->cur_cls == VC_CLASS_EDGE ? 1 : 2;

    if (!k || r->x.failed)
        return;
    a = k->attr[c];
    if (!a)
        return;
    if (vc_attr_has(a, r->cur_index)) {
        element_name(r, name, sizeof(name));
        vc_xr_fail(&r->x, VC_EINVAL, r->data_line, r->data_col, "%s: two <data> elements for key \"%s\"",
             name, k->id);
        return;
    }
    store_value(r, a, r->cur_index, vc_xr_text(&r->x), r->x.text_len, r->data_line,
                r->data_col);
}

/* ---- nodes and edges ---- */

static void start_node(struct reader *r, const xmlChar **attrs, int n, long line, long col)
{
    size_t len, index;
    const xmlChar *id = attr_span(r, attrs, n, r->nm.id, SLOT_ID, &len);

    if (!id) {
        vc_xr_fail(&r->x, VC_EINVAL, line, col, "<node> without an id");
        return;
    }
    if (vc_xr_node_ref(&r->x, len, "node", "id", line, col) ||
        vc_xr_declare_node(&r->x, (const char *)id, len, line, col, &index))
        return;
    if (vc_xr_holder(&r->x)) {
        const char *group = r->x.g->node_id[vc_xr_holder(&r->x)->node];
        if (vc_xr_held(&r->x, index, group, strlen(group), line, col))
            return;
    }
    r->cur_cls = VC_CLASS_NODE;
    r->cur_index = index;
    vc_xr_push(&r->x, EL_NODE);
}

/* An edge's source or target attribute, present and not empty (else r
 * fails: NULL). */
static const xmlChar *end_span(struct reader *r, const xmlChar **attrs, int n, bool is_source,
                               long line, long col, size_t *len)
{
    const char *which = is_source ? "source" : "target";
    const xmlChar *id = attr_span(r, attrs, n, is_source ? r->nm.source : r->nm.target,
                                  is_source ? SLOT_SOURCE : SLOT_TARGET, len);

    if (!id) {
        vc_xr_fail(&r->x, VC_EINVAL, line, col, "<edge> without a %s attribute", which);
        return NULL;
    }
    if (vc_xr_node_ref(&r->x, *len, "edge", which, line, col))
        return NULL;
    return id;
}

static void start_edge(struct reader *r, const xmlChar **attrs, int n, long line, long col)
{
    size_t from = 0, to = 0, slen, tlen, idlen = 0, dlen, index;
    const xmlChar *id = attr_span(r, attrs, n, r->nm.id, SLOT_ID, &idlen);
    const xmlChar *dir = attr_span(r, attrs, n, r->nm.directed, SLOT_MISC, &dlen);
    const xmlChar *src = end_span(r, attrs, n, true, line, col, &slen), *tgt;
    const struct vc_xr_holder *holder = vc_xr_holder(&r->x);
    bool directed = holder ? holder->directed : r->x.g->directed, queue;

    /* Both ends queued for lookup (vc_xr_edge_end) when they can be, else
     * looked up now, the source first. */
    if (!src)
        return;
    queue = vc_xr_can_queue(&r->x, slen);
    if (!queue && vc_xr_name_node(&r->x, (const char *)src, slen, line, col, &from))
        return;
    if (!(tgt = end_span(r, attrs, n, false, line, col, &tlen)))
        return;
    if (queue && !vc_xr_can_queue(&r->x, tlen)) {
        queue = false;
        if (vc_xr_name_node(&r->x, (const char *)src, slen, line, col, &from))
            return;
    }
    if (!queue && vc_xr_name_node(&r->x, (const char *)tgt, tlen, line, col, &to))
        return;
    if (!dir && r->no_edgedefault)
        r->default_edges++;
    if (dir) {
        if (dlen == 4 && strncmp((const char *)dir, "true", 4) == 0)
            directed = true;
        else if (dlen == 5 && strncmp((const char *)dir, "false", 5) == 0)
            directed = false;
        else {
            vc_xr_fail(&r->x, VC_EINVAL, line, col, "<edge>: directed=\"%.*s\" is neither true nor false",
                 (int)(dlen > 40 ? 40 : dlen), (const char *)dir);
            return;
        }
    }
    id = (const xmlChar *)vc_xr_edge_id(&r->x, (const char *)id, &idlen, line, col);
    if (vc_graph_add_edge(r->x.g, from, to, directed, (const char *)id, idlen, (uint32_t)line,
                          (uint32_t)col, &index, r->x.err) != VC_OK) {
        r->x.failed = 1;
        return;
    }
    if (queue) {
        vc_xr_edge_end(&r->x, index, false, (const char *)src, slen, line, col);
        vc_xr_edge_end(&r->x, index, true, (const char *)tgt, tlen, line, col);
    }
    vc_xr_presize(&r->x);
    r->cur_cls = VC_CLASS_EDGE;
    r->cur_index = index;
    vc_xr_push(&r->x, EL_EDGE);
}

/* A <graph> inside a <node> (a yEd group): its nodes and edges are read
 * into the one graph, each node keeping the holder's id as its group. */
static void start_subgraph(struct reader *r, const xmlChar **attrs, int n, long line, long col)
{
    const struct vc_xr_holder *outer = vc_xr_holder(&r->x);
    bool directed = outer ? outer->directed : r->x.g->directed;
    char buf[64];
    const char *ed = attr_str(r, attrs, n, r->nm.edgedefault, buf, sizeof(buf), "graph", line,
                              col);

    if (r->x.failed)
        return;
    if (ed && strcmp(ed, "directed") != 0 && strcmp(ed, "undirected") != 0) {
        vc_xr_fail(&r->x, VC_EINVAL, line, col,
             "<graph>: edgedefault=\"%s\" is neither directed nor undirected", ed);
        return;
    }
    if (ed)
        directed = strcmp(ed, "directed") == 0;
    if (vc_xr_hold_enter(&r->x, r->cur_index, directed))
        return;
    vc_xr_push(&r->x, EL_SUBGRAPH);
}

static void start_graph(struct reader *r, const xmlChar **attrs, int n, long line, long col)
{
    char buf[64];
    const char *ed;

    if (parent(r) == EL_NODE) {
        start_subgraph(r, attrs, n, line, col);
        return;
    }
    if (parent(r) != EL_GRAPHML) {
        vc_xr_fail(&r->x, VC_EUNSUPPORTED, line, col,
             "a <graph> inside an <edge> is not supported (vchain reads nested graphs of "
             "nodes, flattened, but an edge holds no nodes); remove it or make it a node's");
        return;
    }
    if (r->x.graphs_seen++) {
        vc_xr_fail(&r->x, VC_EUNSUPPORTED, line, col,
             "a second <graph>: vchain reads one graph per file");
        return;
    }
    ed = attr_str(r, attrs, n, r->nm.edgedefault, buf, sizeof(buf), "graph", line, col);
    if (r->x.failed)
        return;
    if (!ed) {
        r->no_edgedefault = true;
        r->graph_line = line;
        r->graph_col = col;
    }
    if (ed && strcmp(ed, "undirected") == 0)
        r->x.g->directed = false;
    else if (ed && strcmp(ed, "directed") != 0) {
        vc_xr_fail(&r->x, VC_EINVAL, line, col,
             "<graph>: edgedefault=\"%s\" is neither directed nor undirected", ed);
        return;
    }
    r->cur_cls = VC_CLASS_GRAPH;
    r->cur_index = 0;
    vc_xr_push(&r->x, EL_GRAPH);
}

/* ---- SAX callbacks ---- */

static void start_element(void *ud, const xmlChar *local, const xmlChar *uri, int nb_attrs,
                          const xmlChar **attrs, long line, long col)
{
    struct reader *r = ud;
    const char *name = (const char *)local;
    enum el top = parent(r);


    if (top == EL_TOP) {
        intern_names(r);
        if (!is_graphml_ns(r, uri) || strcmp(name, "graphml") != 0) {
            vc_xr_fail(&r->x, VC_EPARSE, line, col, "not a GraphML file: the root element is <%s>%s%s",
                 name, uri ? " in namespace " : "", uri ? (const char *)uri : "");
            return;
        }
        r->x.root_seen = 1;
        vc_xr_push(&r->x, EL_GRAPHML);
        return;
    }
    if (top == EL_DATA || top == EL_DEFAULT) {
        /* Markup inside a value: yEd and yFiles write drawing XML here. */
        if (!r->warned_nested_data++)
            vc_xr_warn(&r->x, line, col, "XML elements inside <data> or <default> are ignored");
        vc_xr_skip(&r->x);
        return;
    }
    if (!is_graphml_ns(r, uri)) {
        vc_xr_skip(&r->x); /* another vocabulary's element (yEd, xlink, ...) */
        return;
    }
    /* The three frequent elements by pointer (element names are interned). */
    bool in_graph = top == EL_GRAPH || top == EL_SUBGRAPH;
    if (local == r->nm.data &&
        (in_graph || top == EL_NODE || top == EL_EDGE || top == EL_GRAPHML)) {
        start_data(r, attrs, nb_attrs, line, col);
    } else if (local == r->nm.node && in_graph) {
        start_node(r, attrs, nb_attrs, line, col);
    } else if (local == r->nm.edge && in_graph) {
        start_edge(r, attrs, nb_attrs, line, col);
    } else if (strcmp(name, "key") == 0 && (top == EL_GRAPHML || in_graph)) {
        start_key(r, attrs, nb_attrs, line, col);
        vc_xr_push(&r->x, EL_KEY);
    } else if (strcmp(name, "default") == 0 && top == EL_KEY) {
        vc_xr_text_reset(&r->x);
        r->data_line = line;
        r->data_col = col;
        vc_xr_push(&r->x, EL_DEFAULT);
    } else if (strcmp(name, "graph") == 0) {
        start_graph(r, attrs, nb_attrs, line, col);
    } else if (strcmp(name, "desc") == 0) {
        vc_xr_text_reset(&r->x);
        r->data_line = line;
        r->data_col = col;
        if (top == EL_GRAPH || top == EL_GRAPHML)
            vc_xr_push(&r->x, EL_DESC);
        else
            vc_xr_skip(&r->x);
    } else if (strcmp(name, "hyperedge") == 0) {
        vc_xr_fail(&r->x, VC_EUNSUPPORTED, line, col,
             "hyperedges are not supported: vchain reads edges between two nodes");
    } else if (strcmp(name, "port") == 0) {
        if (!r->warned_port++)
            vc_xr_warn(&r->x, line, col, "<port> elements are skipped (edges keep their nodes)");
        vc_xr_skip(&r->x);
    } else if (strcmp(name, "locator") == 0) {
        vc_xr_skip(&r->x);
    } else {
        vc_xr_fail(&r->x, VC_EINVAL, line, col, "unexpected <%s> inside <%s>", name,
             top == EL_GRAPHML ? "graphml" : in_graph ? "graph" : top == EL_NODE ? "node"
             : top == EL_EDGE ? "edge" : top == EL_KEY ? "key" : "desc");
    }
}

static void end_key_default(struct reader *r)
{
    struct key *k = r->n_keys ? &r->keys[r->n_keys - 1] : NULL;
    if (!k || k->skip || r->x.failed)
        return;
    free(k->default_text);
    k->default_text = strdup(vc_xr_text(&r->x));
    if (!k->default_text)
        vc_xr_nomem(&r->x);
}

static void end_element(void *ud)
{
    struct reader *r = ud;
    enum el top = parent(r);

    switch (top) {
    case EL_DATA: end_data(r); break;
    case EL_DEFAULT: end_key_default(r); break;
    case EL_DESC:
        if (r->x.text_len && !r->x.g->desc)
            r->x.g->desc = vc_graph_strdup(r->x.g, r->x.text, r->x.text_len);
        break;
    case EL_NODE:
    case EL_EDGE:
        r->cur_cls = VC_CLASS_GRAPH;
        r->cur_index = 0;
        break;
    case EL_SUBGRAPH:
        /* back in the holding node: its <data> may follow */
        r->cur_cls = VC_CLASS_NODE;
        r->cur_index = vc_xr_holder(&r->x)->node;
        vc_xr_hold_leave(&r->x);
        break;
    default: break;
    }
}

/* ---- after the last tag ---- */

static enum vc_status apply_defaults(struct reader *r)
{
    for (size_t i = 0; i < r->n_keys; i++) {
        struct key *k = &r->keys[i];
        enum vc_status st;
        if (!k->default_text || k->skip)
            continue;
        for (int c = 0; c < 3; c++)
            if (k->attr[c] && !(k->borrowed & (1 << c)) && (st = vc_xr_default(&r->x, k->attr[c], k->default_text, "key",
                                                  k->id, k->line, k->col)) != VC_OK)
                return st;
    }
    return VC_OK;
}

/* for="all" makes a column per class; drop the ones no element used. */
static void drop_unused_all_columns(struct reader *r)
{
    for (size_t i = 0; i < r->n_keys; i++) {
        struct key *k = &r->keys[i];
        if (k->classes != FOR_ALL)
            continue;
        for (int c = 0; c < 3; c++) {
            if (k->attr[c] && k->attr[c]->count == 0) {
                vc_graph_attr_remove(r->x.g, k->attr[c]);
                k->attr[c] = NULL;
            }
        }
    }
}

/* After the last tag: the keys' defaults, and no empty for="all" columns. */
static enum vc_status finish(void *ud)
{
    struct reader *r = ud;
    enum vc_status st = apply_defaults(r);
    if (st == VC_OK)
        drop_unused_all_columns(r);
    if (st == VC_OK && r->default_edges)
        st = vc_warn(r->x.diag, r->x.err, r->x.g->source, r->graph_line, r->graph_col,
                     "<graph> has no edgedefault: %zu edge%s without a directed attribute "
                     "%s read as directed, the GraphML default (NetworkX reads them as "
                     "undirected; edgedefault=\"directed\" or \"undirected\" says which)",
                     r->default_edges, r->default_edges == 1 ? "" : "s",
                     r->default_edges == 1 ? "is" : "are");
    return st;
}

static void reader_release(void *ud)
{
    struct reader *r = ud;
    for (size_t i = 0; i < r->n_keys; i++)
        free(r->keys[i].default_text);
    free(r->keys);
}

enum vc_status vc_graphml_read(struct vc_graph *out, FILE *in, const char *name,
                               const struct vc_import_opts *opts, struct vc_diag *diag,
                               struct vc_error *err)
{
    static const struct vc_xr_format format = {
        "GraphML", "graphml", start_element, end_element, characters, finish, reader_release,
    };
    struct reader r;

    memset(&r, 0, sizeof(r));
    return vc_xr_read(&r.x, &format, out, in, name, opts, diag, err);
}
