/*
 * gexf_read.c - a streaming GEXF reader on libxml2's SAX2 interface.
 *
 * Owns: turning GEXF 1.0 to 1.3 as Gephi, NetworkX, graphology and others
 * write it into a struct vc_graph, with every error located at the start
 * tag concerned.  Same safety set-up, error rules and limits as the GraphML
 * reader (xml_util.c: no network, no entities, libxml2's limits kept).
 * Does not interpret value-chain meaning (core/chain.c does).
 *
 * Policy, in short (docs/formats.md has the long form):
 *  - any namespace on <gexf> (Gephi alone wrote five); elements in the root
 *    namespace are GEXF, viz elements are found by local name under a node
 *    or edge, whatever their prefix or namespace; other elements skipped;
 *  - attribute names: the title when the id is a number (Gephi 0.7,
 *    NetworkX), else the id (graphology's rule); vchain's "vc_" escape is
 *    removed (core/attrname.h), then --map applies;
 *  - types: boolean, integer/int/short/byte, long/biginteger, float,
 *    double/bigdecimal, string; char, anyURI, date and every list type are
 *    read as text, lists exactly as written ("[a, b]");
 *  - node label -> column "label", edge label, weight, kind -> edge columns
 *    "label", "weight" (double), "kind"; a declared attribute with one of
 *    those names becomes attr_<name> (with a warning); when an edge
 *    attribute viz_weight is declared (vchain's export), GEXF's weight
 *    repeats it and is not read;
 *  - viz: color -> viz_r, viz_g, viz_b (int), position -> viz_x, viz_y,
 *    size -> viz_size, thickness -> viz_thickness (double); alpha, z and
 *    shape are dropped;
 *  - value="null" of a non-text attribute means no value (Gephi writes it);
 *  - dynamic graphs are flattened with one warning: elements exist for all
 *    time, an attribute given several values keeps the last one;
 *  - hierarchies are read flattened, as NetworkX reads them, with a
 *    warning: a node inside another node's <nodes> keeps the holder's id,
 *    a node with a pid keeps the pid, in node attribute "group"
 *    (xml_reader.c); <edges> inside a node are read as any edges; several
 *    parents (<parents>) are refused;
 *  - edges naming undeclared nodes and attvalues of undeclared attributes
 *    are errors (--lenient: created / skipped, with a warning).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include "core/attrname.h"
#include "core/mem.h"
#include "xml_reader.h"
#include "xml_util.h"
#include "vchain/import.h"

#define NAME_MAX_LEN 1024

enum el {
    EL_TOP, EL_GEXF, EL_META, EL_DESCRIPTION, EL_GRAPH, EL_ATTRIBUTES, EL_ATTRIBUTE,
    EL_DEFAULT, EL_NODES, EL_NODE, EL_EDGES, EL_EDGE, EL_ATTVALUES, EL_ATTVALUE, EL_VIZ,
    EL_NODES_IN, EL_EDGES_IN /* <nodes>, <edges> inside a <node> (a hierarchy) */
};

static const char *const el_name[] = {
    "", "gexf", "meta", "description", "graph", "attributes", "attribute", "default", "nodes",
    "node", "edges", "edge", "attvalues", "attvalue", "viz", "nodes", "edges",
};

/* A declared <attribute>. */
struct gattr {
    char *id;
    enum vc_attr_class cls;
    struct vc_attr *attr;
    char *default_text;  /* NULL when no <default> */
    bool dynamic;        /* declared in <attributes mode="dynamic"> */
    long line, col;
};

enum { SLOT_ID, SLOT_SOURCE, SLOT_TARGET, SLOT_MISC, SLOT_VALUE };

/* Native properties and visual columns, made when first needed. */
enum { COL_LABEL, COL_WEIGHT, COL_KIND, COL_R, COL_G, COL_B, COL_X, COL_Y, COL_SIZE,
       COL_THICKNESS, N_COLS };
static const char *const col_name[N_COLS] = { "label", "weight", "kind", "viz_r", "viz_g",
                                              "viz_b", "viz_x", "viz_y", "viz_size",
                                              "viz_thickness" };
static const enum vc_attr_type col_type[N_COLS] = {
    VC_ATTR_STRING, VC_ATTR_DOUBLE, VC_ATTR_STRING, VC_ATTR_INT, VC_ATTR_INT, VC_ATTR_INT,
    VC_ATTR_DOUBLE, VC_ATTR_DOUBLE, VC_ATTR_DOUBLE, VC_ATTR_DOUBLE
};

struct reader {
    struct vc_xml_reader x;      /* first: the shared SAX handlers read it */

    bool dynamic;                /* <graph mode="dynamic"> */
    bool display_weight;         /* viz_weight declared: GEXF's weight repeats it */
    enum vc_attr_class attrs_cls; /* of the <attributes> being read */
    bool attrs_dynamic;

    /* x.decl_* index them: attvalues in a hostile order would otherwise
     * cost a scan of every declaration each (6.8 MB took 2.1 s). */
    struct gattr *gattrs;
    size_t n_gattrs, gattrs_cap;
    size_t next_hint;            /* attvalues usually follow declaration order */

    struct vc_attr *cols[2][N_COLS];

    enum vc_attr_class cur_cls;  /* the node or edge being read */
    size_t cur_index;


    int warned_dynamic, warned_mutual, warned_undeclared, warned_ns;
};

static void stop(struct reader *r)
{
    r->x.failed = 1;
}

static void note_dynamic(struct reader *r, long line, long col)
{
    if (!r->warned_dynamic++)
        vc_xr_warn(&r->x, line, col, "dynamic GEXF is read as a static graph: time spells are ignored, "
             "and an attribute given several values over time keeps the last one");
}

/* ---- attributes of a start tag ---- */

/*
 * Value of the un-namespaced attribute `name` as a NUL-terminated string in
 * scratch buffer `slot` (libxml2 hands "&amp;" over as "&#38;" when entities
 * are not substituted: decoded here).  NULL when absent.
 */
static const char *attr_get(struct reader *r, const xmlChar **attrs, int n, const char *name,
                            int slot)
{
    for (int i = 0; i < n; i++) {
        const xmlChar **a = attrs + 5 * i;
        if (a[2] != NULL || strcmp((const char *)a[0], name) != 0)
            continue;
        size_t len;
        return vc_xr_decode(&r->x, (const char *)a[3], (const char *)a[4], slot, &len);
    }
    return NULL;
}

static bool has_attr(const xmlChar **attrs, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (attrs[5 * i + 2] == NULL && strcmp((const char *)attrs[5 * i], name) == 0)
            return true;
    return false;
}

/* ---- the element stack ---- */

static enum el parent(const struct reader *r)
{
    return (enum el)vc_xr_parent(&r->x);
}

/* ---- columns ---- */

static int cls_index(enum vc_attr_class cls)
{
    return cls == VC_CLASS_EDGE ? 1 : 0;
}

/* The native or visual column c of class cls, made when first needed. */
static struct vc_attr *native_col(struct reader *r, enum vc_attr_class cls, int c, long line,
                                  long col)
{
    struct vc_attr **slot = &r->cols[cls_index(cls)][c];
    if (*slot)
        return *slot;
    if (vc_graph_attr(r->x.g, cls, col_name[c])) {
        vc_xr_fail(&r->x, VC_EINVAL, line, col,
             "%s attribute \"%s\" is declared in the file, and the %ss also carry GEXF's own "
             "%s%s; rename the attribute", vc_attr_class_name(cls), col_name[c],
             vc_attr_class_name(cls), c >= COL_R ? "viz " : "", col_name[c]);
        return NULL;
    }
    if (vc_graph_attr_add(r->x.g, cls, col_name[c], col_type[c], slot, r->x.err) != VC_OK) {
        stop(r);
        return NULL;
    }
    return *slot;
}

static void element_name(struct reader *r, char *buf, size_t size)
{
    const struct vc_graph *g = r->x.g;
    if (r->cur_cls == VC_CLASS_NODE)
        snprintf(buf, size, "node \"%.200s\"", g->node_id[r->cur_index]);
    else if (vc_graph_edge_id(g, r->cur_index))
        snprintf(buf, size, "edge \"%.200s\"", vc_graph_edge_id(g, r->cur_index));
    else
        snprintf(buf, size, "edge \"%.120s\" -> \"%.120s\"",
                 g->node_id[g->edge_from[r->cur_index]], g->node_id[g->edge_to[r->cur_index]]);
}

/*
 * Parses text for column a and stores it on element index.  replace: a
 * value already there is overwritten (dynamic files), else it is an error.
 */
static void store(struct reader *r, struct vc_attr *a, size_t index, const char *text,
                  long line, long col, const char *what, bool replace)
{
    union vc_value v;
    bool present;
    const char *why = "";
    char name[300];
    enum vc_status st;

    if (a->type != VC_ATTR_STRING && strcasecmp(text, "null") == 0) {
        vc_xr_missing(&r->x, a, text, line, col); /* Gephi writes it for a missing number */
        return;
    }
    st = vc_value_parse(a->type, text, &v, &present, &why);
    element_name(r, name, sizeof(name));
    if (st != VC_OK) {
        vc_xr_fail(&r->x, st, line, col, "%s: %s \"%.80s\" of %s (%s): %s", name, what, text, a->name,
             vc_attr_type_name(a->type), why);
        return;
    }
    if (vc_attr_has(a, index) && !replace) {
        vc_xr_fail(&r->x, VC_EINVAL, line, col, "%s: two values for %s", name, a->name);
        return;
    }
    if (!present) {
        vc_xr_missing(&r->x, a, text, line, col);
        vc_attr_unset(a, index);
        return;
    }
    if (a->type == VC_ATTR_STRING &&
        !(v.s = vc_strpool_dup_cached(&r->x.g->pool, &r->x.values, text, strlen(text)))) {
        vc_xr_nomem(&r->x);
        return;
    }
    if (vc_attr_set(a, index, v, r->x.err) != VC_OK)
        stop(r);
}

/* ---- <attributes> and <attribute> ---- */

static bool parse_gexf_type(const char *s, enum vc_attr_type *t)
{
    static const struct { const char *name; enum vc_attr_type type; } types[] = {
        { "boolean", VC_ATTR_BOOL }, { "bool", VC_ATTR_BOOL },
        { "integer", VC_ATTR_INT }, { "int", VC_ATTR_INT }, { "short", VC_ATTR_INT },
        { "byte", VC_ATTR_INT }, { "long", VC_ATTR_LONG }, { "biginteger", VC_ATTR_LONG },
        { "float", VC_ATTR_FLOAT }, { "double", VC_ATTR_DOUBLE },
        { "bigdecimal", VC_ATTR_DOUBLE }, { "string", VC_ATTR_STRING },
        { "char", VC_ATTR_STRING }, { "anyURI", VC_ATTR_STRING }, { "date", VC_ATTR_STRING },
        { "dateTime", VC_ATTR_STRING }, { "time", VC_ATTR_STRING },
    };
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
        if (strcasecmp(s, types[i].name) == 0) {
            *t = types[i].type;
            return true;
        }
    }
    if (strncasecmp(s, "list", 4) == 0 && s[4]) { /* liststring, listinteger, ...: as text */
        *t = VC_ATTR_STRING;
        return true;
    }
    return false;
}

static bool all_digits(const char *s)
{
    return *s && strspn(s, "0123456789") == strlen(s);
}

static void start_attributes(struct reader *r, const xmlChar **attrs, int n, long line,
                             long col)
{
    const char *cls = attr_get(r, attrs, n, "class", SLOT_MISC);
    const char *mode;

    if (r->x.failed)
        return;
    if (!cls) {
        vc_xr_fail(&r->x, VC_EINVAL, line, col, "<attributes> without a class (node or edge)");
        return;
    }
    if (strcmp(cls, "node") == 0)
        r->attrs_cls = VC_CLASS_NODE;
    else if (strcmp(cls, "edge") == 0)
        r->attrs_cls = VC_CLASS_EDGE;
    else {
        vc_xr_fail(&r->x, VC_EINVAL, line, col, "<attributes class=\"%.40s\">: the class is neither node "
             "nor edge", cls);
        return;
    }
    mode = attr_get(r, attrs, n, "mode", SLOT_MISC);
    r->attrs_dynamic = mode && strcmp(mode, "dynamic") == 0;
    if (r->attrs_dynamic)
        note_dynamic(r, line, col);
    vc_xr_push(&r->x, EL_ATTRIBUTES);
}

static void start_attribute(struct reader *r, const xmlChar **attrs, int n, long line, long col)
{
    char id[NAME_MAX_LEN], title[NAME_MAX_LEN], named[NAME_MAX_LEN + 8];
    char mapped[NAME_MAX_LEN + 16];
    const char *v, *name, *plain;
    enum vc_attr_type type = VC_ATTR_STRING;
    struct gattr *ga;

    if (!(v = attr_get(r, attrs, n, "id", SLOT_ID)) || !*v) {
        if (!r->x.failed)
            vc_xr_fail(&r->x, VC_EINVAL, line, col, "<attribute> without an id");
        return;
    }
    if (strlen(v) >= sizeof(id)) {
        vc_xr_fail(&r->x, VC_EINVAL, line, col, "attribute id is too long (the limit is %zu bytes)",
             sizeof(id) - 1);
        return;
    }
    strcpy(id, v);
    v = attr_get(r, attrs, n, "title", SLOT_MISC);
    snprintf(title, sizeof(title), "%s", v ? v : "");
    v = attr_get(r, attrs, n, "type", SLOT_MISC);
    if (r->x.failed)
        return;
    if (v && !parse_gexf_type(v, &type)) {
        vc_xr_fail(&r->x, VC_EINVAL, line, col,
             "<attribute id=\"%s\">: type \"%.40s\" is not a GEXF attribute type (boolean, "
             "integer, long, float, double, string, ...)", id, v);
        return;
    }
    {
        size_t i = vc_xr_decl_find(&r->x, r->attrs_cls, id, strlen(id));
        if (i != SIZE_MAX) {
            vc_xr_fail(&r->x, VC_EINVAL, line, col, "%s attribute id \"%s\" is declared twice (first at "
                 "line %ld)", vc_attr_class_name(r->attrs_cls), id, r->gattrs[i].line);
            return;
        }
    }
    /* graphology's rule: a numeric id is a mere index, the title names it. */
    name = all_digits(id) && *title ? title : id;
    plain = vc_attrname_unescape(name);
    if (plain == name &&
        (strcmp(name, "label") == 0 ||
         (r->attrs_cls == VC_CLASS_EDGE && (!strcmp(name, "weight") || !strcmp(name, "kind"))))) {
        /* GEXF's own label, weight and kind own those names. */
        snprintf(named, sizeof(named), "attr_%s", name);
        vc_xr_warn(&r->x, line, col, "%s attribute \"%s\" is read as \"%s\": the name belongs to "
                 "GEXF's own %s %s", vc_attr_class_name(r->attrs_cls), name, named,
                 vc_attr_class_name(r->attrs_cls), name);
        plain = named;
    }
    name = vc_attrmap_apply(r->x.opts->map, plain, mapped, sizeof(mapped));
    if (r->attrs_cls == VC_CLASS_EDGE && strcmp(name, "viz_weight") == 0)
        r->display_weight = true;
    if (vc_graph_attr(r->x.g, r->attrs_cls, name)) {
        vc_xr_fail(&r->x, VC_EINVAL, line, col,
             "<attribute id=\"%s\">: %s attribute \"%s\" is already declared by another "
             "<attribute>", id, vc_attr_class_name(r->attrs_cls), name);
        return;
    }
    if (VC_GROW(r->gattrs, r->gattrs_cap, r->n_gattrs + 1)) {
        vc_xr_nomem(&r->x);
        return;
    }
    ga = &r->gattrs[r->n_gattrs];
    memset(ga, 0, sizeof(*ga));
    ga->id = strdup(id);
    if (!ga->id) {
        vc_xr_nomem(&r->x);
        return;
    }
    r->n_gattrs++;
    ga->cls = r->attrs_cls;
    ga->dynamic = r->attrs_dynamic;
    ga->line = line;
    ga->col = col;
    if (vc_xr_decl_add(&r->x, r->n_gattrs - 1, ga->id, 1 << ga->cls)) {
        vc_xr_nomem(&r->x);
        return;
    }
    if (vc_graph_attr_add(r->x.g, r->attrs_cls, name, type, &ga->attr, r->x.err) != VC_OK)
        stop(r);
}

static struct gattr *find_gattr(struct reader *r, enum vc_attr_class cls, const char *id)
{
    size_t i = r->next_hint, len = strlen(id);
    if (i < r->n_gattrs && r->gattrs[i].cls == cls && strcmp(r->gattrs[i].id, id) == 0) {
        r->next_hint = i + 1;
        return &r->gattrs[i];
    }
    i = vc_xr_decl_find(&r->x, cls, id, len);
    if (i == SIZE_MAX)
        return NULL;
    r->next_hint = i + 1;
    return &r->gattrs[i];
}

/* ---- text of <description> and <default> ---- */

static void characters(void *ud, const xmlChar *ch, int len)
{
    struct reader *r = ud;
    enum el top = parent(r);

    if (top != EL_DESCRIPTION && top != EL_DEFAULT)
        return;
    vc_xr_text_append(&r->x, ch, len, top == EL_DEFAULT ? "default" : "description",
                      xmlSAX2GetLineNumber(r->x.ctxt), 0);
}

/* ---- <graph> ---- */

static void start_graph(struct reader *r, const xmlChar **attrs, int n, long line, long col)
{
    const char *et, *mode;

    if (r->x.graphs_seen++) {
        vc_xr_fail(&r->x, VC_EUNSUPPORTED, line, col, "a second <graph>: vchain reads one graph per file");
        return;
    }
    /* The GEXF schemas make undirected the default. */
    r->x.g->directed = false;
    et = attr_get(r, attrs, n, "defaultedgetype", SLOT_MISC);
    if (et && strcmp(et, "directed") == 0)
        r->x.g->directed = true;
    else if (et && strcmp(et, "mutual") == 0) {
        if (!r->warned_mutual++)
            vc_xr_warn(&r->x, line, col, "defaultedgetype=\"mutual\" is read as undirected");
    } else if (et && strcmp(et, "undirected") != 0) {
        vc_xr_fail(&r->x, VC_EINVAL, line, col, "<graph>: defaultedgetype=\"%.40s\" is not directed, "
             "undirected or mutual", et);
        return;
    }
    mode = attr_get(r, attrs, n, "mode", SLOT_MISC);
    if (!mode)
        mode = attr_get(r, attrs, n, "type", SLOT_MISC); /* GEXF 1.0's name for it */
    if (r->x.failed)
        return;
    if (mode && strcmp(mode, "dynamic") == 0) {
        r->dynamic = true;
        note_dynamic(r, line, col);
    } else if (mode && strcmp(mode, "static") != 0 && strcmp(mode, "slice") != 0) {
        vc_xr_fail(&r->x, VC_EINVAL, line, col, "<graph>: mode=\"%.40s\" is not static, dynamic or slice",
             mode);
        return;
    }
    vc_xr_push(&r->x, EL_GRAPH);
}

/* ---- nodes and edges ---- */

static bool has_time(const xmlChar **attrs, int n)
{
    static const char *const names[] = { "start", "end", "startopen", "endopen", "timestamp",
                                         "timestamps", NULL };
    for (int i = 0; names[i]; i++)
        if (has_attr(attrs, n, names[i]))
            return true;
    return false;
}

static void start_node(struct reader *r, const xmlChar **attrs, int n, long line, long col)
{
    const char *id = attr_get(r, attrs, n, "id", SLOT_ID);
    const char *label, *pid;
    size_t index;

    if (r->x.failed)
        return;
    if (!id) {
        vc_xr_fail(&r->x, VC_EINVAL, line, col, "<node> without an id");
        return;
    }
    if (vc_xr_node_ref(&r->x, strlen(id), "node", "id", line, col))
        return;
    if (vc_xr_declare_node(&r->x, id, strlen(id), line, col, &index))
        return;
    if (vc_xr_holder(&r->x)) { /* inside another node: that one is its group */
        const char *group = r->x.g->node_id[vc_xr_holder(&r->x)->node];
        if (vc_xr_held(&r->x, index, group, strlen(group), line, col))
            return;
    } else if ((pid = attr_get(r, attrs, n, "pid", SLOT_MISC))) {
        if (vc_xr_held(&r->x, index, pid, strlen(pid), line, col))
            return;
    }
    r->cur_cls = VC_CLASS_NODE;
    r->cur_index = index;
    if (has_time(attrs, n))
        note_dynamic(r, line, col);
    if ((label = attr_get(r, attrs, n, "label", SLOT_MISC))) {
        struct vc_attr *a = native_col(r, VC_CLASS_NODE, COL_LABEL, line, col);
        if (a)
            store(r, a, index, label, line, col, "label", false);
    }
    vc_xr_push(&r->x, EL_NODE);
}

static int endpoint(struct reader *r, const xmlChar **attrs, int n, const char *which,
                    long line, long col, size_t *index)
{
    const char *id = attr_get(r, attrs, n, which,
                              strcmp(which, "source") == 0 ? SLOT_SOURCE : SLOT_TARGET);

    if (r->x.failed)
        return -1;
    if (!id) {
        vc_xr_fail(&r->x, VC_EINVAL, line, col, "<edge> without a %s attribute", which);
        return -1;
    }
    if (vc_xr_node_ref(&r->x, strlen(id), "edge", which, line, col))
        return -1;
    return vc_xr_name_node(&r->x, id, strlen(id), line, col, index);
}

static void start_edge(struct reader *r, const xmlChar **attrs, int n, long line, long col)
{
    static const struct { const char *xml; int col; } natives[] = {
        { "label", COL_LABEL }, { "weight", COL_WEIGHT }, { "kind", COL_KIND },
    };
    size_t from, to, index, idlen;
    const char *id, *type;
    bool directed = r->x.g->directed;

    if (endpoint(r, attrs, n, "source", line, col, &from) ||
        endpoint(r, attrs, n, "target", line, col, &to))
        return;
    type = attr_get(r, attrs, n, "type", SLOT_MISC);
    if (type) {
        if (strcmp(type, "directed") == 0)
            directed = true;
        else if (strcmp(type, "undirected") == 0)
            directed = false;
        else if (strcmp(type, "mutual") == 0) {
            directed = false;
            if (!r->warned_mutual++)
                vc_xr_warn(&r->x, line, col, "edges of type \"mutual\" are read as undirected");
        } else {
            vc_xr_fail(&r->x, VC_EINVAL, line, col, "<edge>: type=\"%.40s\" is not directed, undirected "
                 "or mutual", type);
            return;
        }
    }
    id = attr_get(r, attrs, n, "id", SLOT_ID);
    if (r->x.failed)
        return;
    idlen = id ? strlen(id) : 0;
    id = vc_xr_edge_id(&r->x, id, &idlen, line, col);
    if (vc_graph_add_edge(r->x.g, from, to, directed, id, idlen, (uint32_t)line,
                          (uint32_t)col, &index, r->x.err) != VC_OK) {
        stop(r);
        return;
    }
    r->cur_cls = VC_CLASS_EDGE;
    r->cur_index = index;
    if (has_time(attrs, n))
        note_dynamic(r, line, col);
    for (size_t i = 0; i < sizeof(natives) / sizeof(natives[0]) && !r->x.failed; i++) {
        const char *v = attr_get(r, attrs, n, natives[i].xml, SLOT_MISC);
        struct vc_attr *a;
        if (natives[i].col == COL_WEIGHT && r->display_weight)
            continue; /* vchain's export: the weight it chose, also in viz_weight */
        if (v && (a = native_col(r, VC_CLASS_EDGE, natives[i].col, line, col)))
            store(r, a, index, v, line, col, natives[i].xml, false);
    }
    vc_xr_push(&r->x, EL_EDGE);
}

static void start_attvalue(struct reader *r, const xmlChar **attrs, int n, long line, long col)
{
    const char *id = attr_get(r, attrs, n, "for", SLOT_ID);
    const char *value;
    struct gattr *ga;
    bool timed;

    if (!id)
        id = attr_get(r, attrs, n, "id", SLOT_ID); /* GEXF 1.0 and 1.1 */
    value = attr_get(r, attrs, n, "value", SLOT_VALUE);
    if (r->x.failed)
        return;
    if (!id) {
        vc_xr_fail(&r->x, VC_EINVAL, line, col, "<attvalue> without a for attribute");
        return;
    }
    ga = find_gattr(r, r->cur_cls, id);
    if (!ga) {
        char name[300];
        element_name(r, name, sizeof(name));
        if (!r->x.opts->lenient) {
            vc_xr_fail(&r->x, VC_EINVAL, line, col, "%s: <attvalue for=\"%.200s\"> names an attribute no "
                 "<attributes class=\"%s\"> declares (--lenient skips such values)", name, id,
                 vc_attr_class_name(r->cur_cls));
            return;
        }
        if (!r->warned_undeclared++)
            vc_xr_warn(&r->x, line, col, "%s: value of undeclared attribute \"%.200s\" skipped "
                 "(--lenient)", name, id);
        return;
    }
    if (!value) {
        vc_xr_fail(&r->x, VC_EINVAL, line, col, "<attvalue for=\"%.200s\"> without a value", id);
        return;
    }
    timed = has_time(attrs, n);
    if (timed)
        note_dynamic(r, line, col);
    if (vc_attr_has(ga->attr, r->cur_index) && (timed || ga->dynamic || r->dynamic))
        note_dynamic(r, line, col);
    store(r, ga->attr, r->cur_index, value, line, col, "value",
          timed || ga->dynamic || r->dynamic);
}

/* ---- viz ---- */

static bool parse_number(struct reader *r, const char *text, double *d, const char *what,
                         long line, long col)
{
    union vc_value v;
    bool present;
    const char *why = "";
    char name[300];
    if (vc_value_parse(VC_ATTR_DOUBLE, text, &v, &present, &why) == VC_OK && present) {
        *d = v.d;
        return true;
    }
    element_name(r, name, sizeof(name));
    vc_xr_fail(&r->x, VC_EPARSE, line, col, "%s: %s \"%.80s\" is not a number", name, what, text);
    return false;
}

static void set_double(struct reader *r, int c, double d, long line, long col)
{
    struct vc_attr *a = native_col(r, r->cur_cls, c, line, col);
    if (a && vc_attr_set_double(a, r->cur_index, d, r->x.err) != VC_OK)
        stop(r);
}

static int hexval(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

static void viz_color(struct reader *r, const xmlChar **attrs, int n, long line, long col)
{
    static const char *const ch[3] = { "r", "g", "b" };
    int rgb[3];
    const char *hex = attr_get(r, attrs, n, "hex", SLOT_MISC);
    char name[300];

    if (hex && !attr_get(r, attrs, n, "r", SLOT_VALUE)) {
        size_t len = strlen(hex);
        bool ok = hex[0] == '#' && (len == 4 || len == 7);
        for (size_t i = 1; ok && i < len; i++)
            ok = hexval(hex[i]) >= 0;
        if (!ok) {
            element_name(r, name, sizeof(name));
            vc_xr_fail(&r->x, VC_EPARSE, line, col, "%s: viz:color hex=\"%.40s\" is not #rgb or #rrggbb",
                 name, hex);
            return;
        }
        for (int i = 0; i < 3; i++)
            rgb[i] = len == 4 ? hexval(hex[1 + i]) * 17
                              : hexval(hex[1 + 2 * i]) * 16 + hexval(hex[2 + 2 * i]);
    } else {
        for (int i = 0; i < 3; i++) {
            const char *v = attr_get(r, attrs, n, ch[i], SLOT_VALUE);
            double d;
            if (r->x.failed)
                return;
            if (!v) {
                element_name(r, name, sizeof(name));
                vc_xr_fail(&r->x, VC_EINVAL, line, col, "%s: viz:color without %s", name, ch[i]);
                return;
            }
            if (!parse_number(r, v, &d, "viz:color channel", line, col))
                return;
            if (d < 0 || d > 255 || d != floor(d)) {
                element_name(r, name, sizeof(name));
                vc_xr_fail(&r->x, VC_EINVAL, line, col, "%s: viz:color %s=\"%.40s\" is not a whole number "
                     "from 0 to 255", name, ch[i], v);
                return;
            }
            rgb[i] = (int)d;
        }
    }
    for (int i = 0; i < 3 && !r->x.failed; i++) {
        struct vc_attr *a = native_col(r, r->cur_cls, COL_R + i, line, col);
        if (a && vc_attr_set_int(a, r->cur_index, rgb[i], r->x.err) != VC_OK)
            stop(r);
    }
}

static void viz_element(struct reader *r, const char *local, const xmlChar **attrs, int n,
                        long line, long col)
{
    const char *v;
    double d;

    if (strcmp(local, "color") == 0) {
        viz_color(r, attrs, n, line, col);
    } else if (strcmp(local, "position") == 0 && r->cur_cls == VC_CLASS_NODE) {
        static const char *const axis[2] = { "x", "y" };
        for (int i = 0; i < 2 && !r->x.failed; i++) {
            v = attr_get(r, attrs, n, axis[i], SLOT_VALUE);
            if (v && parse_number(r, v, &d, i ? "viz:position y" : "viz:position x", line, col))
                set_double(r, COL_X + i, d, line, col);
        }
    } else if (strcmp(local, "size") == 0 && r->cur_cls == VC_CLASS_NODE) {
        v = attr_get(r, attrs, n, "value", SLOT_VALUE);
        if (v && parse_number(r, v, &d, "viz:size", line, col))
            set_double(r, COL_SIZE, d, line, col);
    } else if (strcmp(local, "thickness") == 0 && r->cur_cls == VC_CLASS_EDGE) {
        v = attr_get(r, attrs, n, "value", SLOT_VALUE);
        if (v && parse_number(r, v, &d, "viz:thickness", line, col))
            set_double(r, COL_THICKNESS, d, line, col);
    }
    /* shape and anything else: a matter of drawing style, dropped */
    vc_xr_skip(&r->x);
}

static bool is_viz_name(const char *local)
{
    return !strcmp(local, "color") || !strcmp(local, "position") || !strcmp(local, "size") ||
           !strcmp(local, "thickness") || !strcmp(local, "shape");
}

/* ---- SAX callbacks ---- */

static void start_element(void *ud, const xmlChar *local, const xmlChar *uri, int nb_attrs,
                          const xmlChar **attrs, long line, long col)
{
    struct reader *r = ud;
    const char *name = (const char *)local;
    enum el top = parent(r);


    if (top == EL_TOP) {
        if (strcmp(name, "gexf") != 0) {
            vc_xr_fail(&r->x, VC_EPARSE, line, col, "not a GEXF file: the root element is <%.80s>", name);
            return;
        }
        if (uri && !strstr((const char *)uri, "gexf") && !r->warned_ns++)
            vc_xr_warn(&r->x, line, col, "<gexf> in namespace \"%.200s\", which is not a GEXF namespace; "
                 "read as GEXF", (const char *)uri);
        r->x.root_seen = 1;
        vc_xr_push(&r->x, EL_GEXF);
        return;
    }
    if (top == EL_NODE || top == EL_EDGE) {
        /* viz elements: by local name, whatever namespace (as Gephi reads them) */
        if (is_viz_name(name)) {
            viz_element(r, name, attrs, nb_attrs, line, col);
            return;
        }
    }
    if (uri && !strstr((const char *)uri, "gexf")) {
        vc_xr_skip(&r->x); /* another vocabulary */
        return;
    }
    if (uri && strstr((const char *)uri, "/viz")) {
        vc_xr_skip(&r->x); /* a viz element where none belongs */
        return;
    }
    switch (top) {
    case EL_GEXF:
        if (strcmp(name, "meta") == 0) {
            vc_xr_push(&r->x, EL_META);
            return;
        }
        if (strcmp(name, "graph") == 0) {
            start_graph(r, attrs, nb_attrs, line, col);
            return;
        }
        break;
    case EL_META:
        if (strcmp(name, "description") == 0) {
            vc_xr_text_reset(&r->x);
            vc_xr_push(&r->x, EL_DESCRIPTION);
        } else {
            vc_xr_skip(&r->x); /* creator, keywords, title */
        }
        return;
    case EL_GRAPH:
        if (strcmp(name, "attributes") == 0) {
            start_attributes(r, attrs, nb_attrs, line, col);
            return;
        }
        if (strcmp(name, "nodes") == 0) {
            vc_xr_push(&r->x, EL_NODES);
            return;
        }
        if (strcmp(name, "edges") == 0) {
            vc_xr_push(&r->x, EL_EDGES);
            return;
        }
        break;
    case EL_ATTRIBUTES:
        if (strcmp(name, "attribute") == 0) {
            start_attribute(r, attrs, nb_attrs, line, col);
            vc_xr_push(&r->x, EL_ATTRIBUTE);
            return;
        }
        break;
    case EL_ATTRIBUTE:
        if (strcmp(name, "default") == 0) {
            vc_xr_text_reset(&r->x);
            vc_xr_push(&r->x, EL_DEFAULT);
        } else {
            vc_xr_skip(&r->x); /* options */
        }
        return;
    case EL_NODES:
    case EL_NODES_IN:
        if (strcmp(name, "node") == 0) {
            start_node(r, attrs, nb_attrs, line, col);
            return;
        }
        break;
    case EL_EDGES:
    case EL_EDGES_IN:
        if (strcmp(name, "edge") == 0) {
            start_edge(r, attrs, nb_attrs, line, col);
            return;
        }
        break;
    case EL_NODE:
    case EL_EDGE:
        if (strcmp(name, "attvalues") == 0) {
            vc_xr_push(&r->x, EL_ATTVALUES);
            return;
        }
        if (strcmp(name, "spells") == 0) {
            note_dynamic(r, line, col);
            vc_xr_skip(&r->x);
            return;
        }
        if (top == EL_NODE && (strcmp(name, "nodes") == 0 || strcmp(name, "edges") == 0)) {
            /* a hierarchy: read flattened, the node holding these */
            bool nodes = strcmp(name, "nodes") == 0;
            if (vc_xr_hold_enter(&r->x, r->cur_index, r->x.g->directed) == 0)
                vc_xr_push(&r->x, nodes ? EL_NODES_IN : EL_EDGES_IN);
            return;
        }
        if (top == EL_NODE && strcmp(name, "parents") == 0) {
            vc_xr_fail(&r->x, VC_EUNSUPPORTED, line, col,
                 "<parents> of node \"%.200s\": a node with several parents is not supported "
                 "(vchain reads a hierarchy flattened, keeping one group per node: nested "
                 "<nodes> or pid)", r->x.g->node_id[r->cur_index]);
            return;
        }
        break;
    case EL_ATTVALUES:
        if (strcmp(name, "attvalue") == 0) {
            start_attvalue(r, attrs, nb_attrs, line, col);
            vc_xr_push(&r->x, EL_ATTVALUE);
            return;
        }
        break;
    default:
        break;
    }
    vc_xr_fail(&r->x, VC_EINVAL, line, col, "unexpected <%.80s> inside <%s>", name, el_name[top]);
}

static void apply_default_text(struct reader *r)
{
    struct gattr *ga = r->n_gattrs ? &r->gattrs[r->n_gattrs - 1] : NULL;
    if (!ga || r->x.failed)
        return;
    free(ga->default_text);
    ga->default_text = strdup(vc_xr_text(&r->x));
    if (!ga->default_text)
        vc_xr_nomem(&r->x);
}

static void end_element(void *ud)
{
    struct reader *r = ud;
    enum el top = parent(r);

    if (top == EL_NODES_IN || top == EL_EDGES_IN) {
        /* back in the holding node: its attvalues may follow */
        r->cur_cls = VC_CLASS_NODE;
        r->cur_index = vc_xr_holder(&r->x)->node;
        vc_xr_hold_leave(&r->x);
    } else if (top == EL_DEFAULT) {
        apply_default_text(r);
    } else if (top == EL_DESCRIPTION && r->x.text_len && !r->x.g->desc &&
               !(r->x.g->desc = vc_graph_strdup(r->x.g, r->x.text, r->x.text_len))) {
        vc_xr_nomem(&r->x);
    }
}

/* ---- after the last tag ---- */

static enum vc_status apply_defaults(void *ud)
{
    struct reader *r = ud;
    for (size_t i = 0; i < r->n_gattrs; i++) {
        struct gattr *ga = &r->gattrs[i];
        enum vc_status st;

        if (!ga->default_text || !ga->attr)
            continue;
        if (ga->attr->type != VC_ATTR_STRING && strcasecmp(ga->default_text, "null") == 0)
            continue;
        if ((st = vc_xr_default(&r->x, ga->attr, ga->default_text, "attribute", ga->id,
                                ga->line, ga->col)) != VC_OK)
            return st;
    }
    return VC_OK;
}

static void reader_release(void *ud)
{
    struct reader *r = ud;
    for (size_t i = 0; i < r->n_gattrs; i++) {
        free(r->gattrs[i].id);
        free(r->gattrs[i].default_text);
    }
    free(r->gattrs);
}

enum vc_status vc_gexf_read(struct vc_graph *out, FILE *in, const char *name,
                            const struct vc_import_opts *opts, struct vc_diag *diag,
                            struct vc_error *err)
{
    static const struct vc_xr_format format = {
        "GEXF", "gexf", start_element, end_element, characters, apply_defaults, reader_release,
    };
    struct reader r;

    memset(&r, 0, sizeof(r));
    return vc_xr_read(&r.x, &format, out, in, name, opts, diag, err);
}
