/*
 * xml_reader.c - the state and rules the XML graph readers share.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/SAX2.h>

#include "core/mem.h"
#include "xml_reader.h"
#include "xml_util.h"

/* Sets up x and the (uninitialised) graph g with source name; on failure
 * g needs no release. */
static enum vc_status begin(struct vc_xml_reader *x, const struct vc_xr_format *f,
                            struct vc_graph *g, const char *name,
                            const struct vc_import_opts *opts, struct vc_diag *diag,
                            struct vc_error *err)
{
    static const struct vc_import_opts no_opts = VC_IMPORT_OPTS_INIT;

    memset(x, 0, sizeof(*x));
    x->g = g;
    x->opts = opts ? opts : &no_opts;
    x->diag = diag;
    x->err = err;
    x->f = f;
    vc_xml_init();
    vc_graph_init(g);
    if (vc_graph_set_source(g, name) != VC_OK) {
        vc_graph_release(g);
        return vc_error_set(err, VC_ENOMEM, name, 0, 0, "out of memory");
    }
    return VC_OK;
}

static void release(struct vc_xml_reader *x)
{
    free(x->declared);
    free(x->ref_line);
    free(x->ref_col);
    x->declared = NULL;
    x->ref_line = x->ref_col = NULL;
    x->marks_cap = 0;
    free(x->text);
    x->text = NULL;
    vc_noted_release(&x->noted);
    x->text_len = x->text_cap = 0;
    for (int i = 0; i < VC_XR_SLOTS; i++) {
        free(x->scratch[i].buf);
        x->scratch[i].buf = NULL;
        x->scratch[i].cap = 0;
    }
    free(x->decl_ids);
    x->decl_ids = NULL;
    x->decl_ids_cap = 0;
    free(x->holders);
    free(x->held);
    x->holders = NULL;
    x->held = NULL;
    x->n_holders = x->holders_cap = x->n_held = x->held_cap = 0;
    for (int c = 0; c < 3; c++)
        vc_idmap_release(&x->decl_index[c]);
}

const char *vc_xr_decode(struct vc_xml_reader *x, const char *v, const char *end, int slot,
                         size_t *len)
{
    char *buf;
    size_t k = 0;

    if (VC_GROW(x->scratch[slot].buf, x->scratch[slot].cap, (size_t)(end - v) + 1)) {
        vc_xr_nomem(x);
        return NULL;
    }
    buf = x->scratch[slot].buf;
    for (const char *p = v; p < end; p++) {
        if (*p == '&' && end - p >= 5 && memcmp(p, "&#38;", 5) == 0) {
            buf[k++] = '&';
            p += 4;
        } else {
            buf[k++] = *p;
        }
    }
    buf[k] = '\0';
    *len = k;
    return buf;
}

int vc_xr_decl_add(struct vc_xml_reader *x, size_t i, const char *id, int cls_bits)
{
    size_t len = strlen(id);
    uint32_t h = vc_hash(id, len);
    if (VC_GROW(x->decl_ids, x->decl_ids_cap, i + 1))
        return -1;
    x->decl_ids[i] = id;
    for (int c = 0; c < 3; c++)
        if ((cls_bits & (1 << c)) && vc_idmap_insert(&x->decl_index[c], i, id, len, h))
            return -1;
    return 0;
}

size_t vc_xr_decl_find(const struct vc_xml_reader *x, int cls, const char *id, size_t len)
{
    return vc_idmap_find(&x->decl_index[cls], x->decl_ids, id, len, vc_hash(id, len));
}

enum vc_status vc_xr_default(struct vc_xml_reader *x, struct vc_attr *a, const char *text,
                             const char *elem, const char *id, long line, long col)
{
    size_t n = vc_graph_class_size(x->g, a->cls);
    union vc_value v;
    bool present;
    const char *why = "";
    enum vc_status st = vc_value_parse(a->type, text, &v, &present, &why);

    if (st != VC_OK)
        return vc_error_set(x->err, st, x->g->source, line, col,
                            "<%s id=\"%s\">: default \"%.80s\" (%s): %s", elem, id, text,
                            vc_attr_type_name(a->type), why);
    if (!present)
        return VC_OK;
    if (a->type == VC_ATTR_STRING && !(v.s = vc_graph_strdup(x->g, text, strlen(text))))
        return vc_error_set(x->err, VC_ENOMEM, x->g->source, 0, 0, "out of memory");
    for (size_t k = 0; k < n; k++)
        if (!vc_attr_has(a, k) && (st = vc_attr_set(a, k, v, x->err)) != VC_OK)
            return st;
    return VC_OK;
}

void vc_xr_push(struct vc_xml_reader *x, int el)
{
    if (x->depth < VC_XR_MAX_DEPTH)
        x->stack[x->depth] = (uint8_t)el;
    x->depth++;
}

int vc_xr_parent(const struct vc_xml_reader *x)
{
    return x->depth > 0 && x->depth <= VC_XR_MAX_DEPTH ? x->stack[x->depth - 1] : 0;
}

void vc_xr_skip(struct vc_xml_reader *x)
{
    x->skip_depth = x->depth + 1;
    vc_xr_push(x, 0);
}

/* The SAX entry points: the depth limit and skipped subtrees, the reader's
 * work, then the parser stopped on failure. */

static void on_start(void *ud, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri,
                     int nb_ns, const xmlChar **ns, int nb_attrs, int nb_defaulted,
                     const xmlChar **attrs)
{
    struct vc_xml_reader *x = ud;
    long line, col;

    (void)prefix;
    (void)nb_ns;
    (void)ns;
    (void)nb_defaulted;
    if (x->failed)
        return;
    if (x->skip_depth && x->depth < VC_XR_MAX_DEPTH) {
        vc_xr_push(x, 0);
        return;
    }
    vc_xml_tag_position(x->ctxt, &line, &col);
    if (x->depth >= VC_XR_MAX_DEPTH)
        vc_xr_fail(x, VC_ENOMEM, line, col, "elements nested more than %d deep (vchain's limit)",
                   VC_XR_MAX_DEPTH);
    else
        x->f->start(ud, local, uri, nb_attrs, attrs, line, col);
    vc_xr_stop_if_failed(x);
}

static void on_end(void *ud, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri)
{
    struct vc_xml_reader *x = ud;

    (void)local;
    (void)prefix;
    (void)uri;
    if (x->failed)
        return;
    if (x->skip_depth && x->depth == x->skip_depth)
        x->skip_depth = 0;
    else if (!x->skip_depth)
        x->f->end(ud);
    x->depth--;
    vc_xr_stop_if_failed(x);
}

static void on_characters(void *ud, const xmlChar *ch, int len)
{
    struct vc_xml_reader *x = ud;
    if (x->failed || x->skip_depth || len <= 0)
        return;
    x->f->text(ud, ch, len);
    vc_xr_stop_if_failed(x);
}

/* The parse, then what every format asks of a whole file. */
static enum vc_status parse(struct vc_xml_reader *x, FILE *in)
{
    const char *name = x->g->source;
    xmlSAXHandler sax;
    enum vc_status st;

    memset(&sax, 0, sizeof(sax));
    vc_xr_sax_guards(&sax);
    sax.startElementNs = on_start;
    sax.endElementNs = on_end;
    sax.characters = on_characters;
    sax.cdataBlock = on_characters;
    /* x is the reader's first member: the handlers get the reader */
    st = vc_xml_parse(in, name, &sax, x, &x->ctxt, x->err);
    if (st == VC_OK && vc_xr_resolve(x))
        st = x->err->code != VC_OK ? x->err->code : VC_EPARSE;
    if (st == VC_OK && x->failed)
        st = x->err->code != VC_OK ? x->err->code : VC_EPARSE;
    if (st == VC_OK && !x->root_seen)
        st = vc_error_set(x->err, VC_EPARSE, name, 0, 0, "no <%s> element", x->f->root);
    if (st == VC_OK && !x->graphs_seen)
        st = vc_error_set(x->err, VC_EINVAL, name, 0, 0, "no <graph> element in the file");
    if (st == VC_OK)
        st = vc_xr_check_undeclared(x);
    return st;
}

enum vc_status vc_xr_read(struct vc_xml_reader *x, const struct vc_xr_format *f,
                          struct vc_graph *out, FILE *in, const char *name,
                          const struct vc_import_opts *opts, struct vc_diag *diag,
                          struct vc_error *err)
{
    struct vc_error local_err = VC_ERROR_INIT;
    struct stat sb;
    enum vc_status st;

    if (!err)
        err = &local_err;
    if ((st = begin(x, f, out, name, opts, diag, err)) != VC_OK)
        return st;
    if (fstat(fileno(in), &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size > 0)
        x->file_size = (uint64_t)sb.st_size;
    st = parse(x, in);
    if (st == VC_OK)
        st = f->finish(x);
    if (st == VC_OK)
        st = vc_xr_finish(x);
    f->release(x);
    release(x);
    if (st != VC_OK)
        vc_graph_release(out);
    return st;
}

void vc_xr_text_reset(struct vc_xml_reader *x)
{
    x->text_len = 0;
    if (x->text)
        x->text[0] = '\0';
}

void vc_xr_text_append(struct vc_xml_reader *x, const xmlChar *ch, int len, const char *elem,
                       long line, long col)
{
    if (x->text_len + (size_t)len > VC_GRAPH_MAX_VALUE_LEN) {
        vc_xr_fail(x, VC_ENOMEM, line, col,
                   "the text of <%s> is longer than %zu bytes, vchain's limit for one value",
                   elem, VC_GRAPH_MAX_VALUE_LEN);
        return;
    }
    if (VC_GROW(x->text, x->text_cap, x->text_len + (size_t)len + 1)) {
        vc_xr_nomem(x);
        return;
    }
    memcpy(x->text + x->text_len, ch, (size_t)len);
    x->text_len += (size_t)len;
    x->text[x->text_len] = '\0';
}

void vc_xr_fail(struct vc_xml_reader *x, enum vc_status code, long line, long col,
                const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vc_error_setv(x->err, code, x->g->source, line, col, fmt, ap);
    va_end(ap);
    x->failed = 1;
}

void vc_xr_warn(struct vc_xml_reader *x, long line, long col, const char *fmt, ...)
{
    char msg[VC_ERROR_MSG_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    if (vc_warn(x->diag, x->err, x->g->source, line, col, "%s", msg) != VC_OK)
        x->failed = 1; /* --strict */
}

void vc_xr_nomem(struct vc_xml_reader *x)
{
    vc_xr_fail(x, VC_ENOMEM, 0, 0, "out of memory");
}

void vc_xr_stop_if_failed(struct vc_xml_reader *x)
{
    if (x->failed)
        xmlStopParser(x->ctxt);
}

static int grow_marks(struct vc_xml_reader *x)
{
    size_t need = x->g->n_nodes, c1 = x->marks_cap, c2 = x->marks_cap, c3 = x->marks_cap;
    if (need <= x->marks_cap)
        return 0;
    /* declared is set for every node as it is added, ref_* for the nodes an
     * edge adds: no zeroing. */
    if (VC_GROW_UNINIT(x->declared, c1, need) || VC_GROW_UNINIT(x->ref_line, c2, need) ||
        VC_GROW_UNINIT(x->ref_col, c3, need))
        return -1;
    x->marks_cap = c1 < c2 ? (c1 < c3 ? c1 : c3) : (c2 < c3 ? c2 : c3);
    return 0;
}

static int intern(struct vc_xml_reader *x, const char *id, size_t len, uint32_t hash,
                  long line, long col, size_t *index, bool *created)
{
    if (vc_graph_intern_node_hashed(x->g, id, len, hash, (uint32_t)line, (uint32_t)col, index,
                                    created, x->err) != VC_OK) {
        x->failed = 1; /* the graph said why (a limit, or memory) */
        return -1;
    }
    if (grow_marks(x)) {
        vc_xr_nomem(x);
        return -1;
    }
    return 0;
}

int vc_xr_declare_node(struct vc_xml_reader *x, const char *id, size_t len, long line,
                       long col, size_t *index)
{
    bool created;
    if (vc_xr_resolve(x) || intern(x, id, len, vc_hash(id, len), line, col, index, &created))
        return -1;
    if (!created) {
        struct vc_graph *g = x->g;
        if (x->declared[*index]) {
            vc_xr_fail(x, VC_EINVAL, line, col,
                       "duplicate node id \"%.200s\" (first declared at line %u)",
                       g->node_id[*index], g->node_line[*index]);
            return -1;
        }
        /* An edge named it first: this is its declaration. */
        g->node_line[*index] = (uint32_t)line;
        g->node_col[*index] = (uint32_t)col;
    }
    x->declared[*index] = 1;
    return 0;
}

/*
 * Files list edges grouped by source or by target, so an edge's endpoint
 * is often one of the last two named: found without hashing (the first 8
 * bytes compared as a number, the rest only if longer).  SIZE_MAX if not.
 */
static size_t named_find(struct vc_xml_reader *x, const char *id, size_t len)
{
    uint64_t head = vc_id_head(id, len);
    for (int i = 0; i < 2; i++) {
        struct vc_xr_named n = x->named[i];
        if (n.index1 && n.len == len && n.head == head &&
            (len <= sizeof(n.head) ||
             memcmp(x->g->node_id[n.index1 - 1] + sizeof(n.head), id + sizeof(n.head),
                    len - sizeof(n.head)) == 0)) {
            x->named[i] = x->named[0];
            x->named[0] = n;
            return n.index1 - 1;
        }
    }
    return SIZE_MAX;
}

/* The node an edge names, added when new; it becomes the last named. */
static int name_new(struct vc_xml_reader *x, const char *id, size_t len, uint32_t hash,
                    long line, long col, size_t *index)
{
    struct vc_xr_named this = { 0, len, vc_id_head(id, len) };
    bool created;

    if (intern(x, id, len, hash, line, col, index, &created))
        return -1;
    if (created) {
        x->declared[*index] = 0;
        x->ref_line[*index] = (uint32_t)line;
        x->ref_col[*index] = (uint32_t)col;
    }
    this.index1 = *index + 1;
    x->named[1] = x->named[0];
    x->named[0] = this;
    return 0;
}

int vc_xr_name_node(struct vc_xml_reader *x, const char *id, size_t len, long line, long col,
                    size_t *index)
{
    if (vc_xr_resolve(x))
        return -1;
    if ((*index = named_find(x, id, len)) != SIZE_MAX)
        return 0;
    return name_new(x, id, len, vc_hash(id, len), line, col, index);
}

bool vc_xr_can_queue(const struct vc_xml_reader *x, size_t len)
{
    /* Longer ids and the last nodes before the limit take vc_xr_name_node(),
     * whose errors come in file order.  (XML text holds no NUL byte, the
     * other id the graph refuses.) */
    return len <= VC_XR_PENDING_ID && x->g->n_nodes + x->pend_count + 2 < VC_GRAPH_MAX_ELEMENTS;
}

/* Looks up the oldest queued edge end. */
static int resolve_first(struct vc_xml_reader *x)
{
    const struct vc_xr_pending *p = &x->pending[x->pend_first];
    size_t index;

    x->pend_first = (x->pend_first + 1) % VC_XR_PENDING;
    x->pend_count--;
    if (name_new(x, p->id, p->len, p->hash, p->line, p->col, &index))
        return -1;
    (p->target ? x->g->edge_to : x->g->edge_from)[p->edge] = (uint32_t)index;
    return 0;
}

int vc_xr_resolve(struct vc_xml_reader *x)
{
    while (x->pend_count && !x->failed)
        resolve_first(x);
    return x->failed ? -1 : 0;
}

/* Bytes of the file the parser has read up to its current position. */
static uint64_t read_so_far(const struct vc_xml_reader *x)
{
    const xmlParserInput *in = x->ctxt ? x->ctxt->input : NULL;
    return in && in->cur && in->base ? (uint64_t)in->consumed + (uint64_t)(in->cur - in->base)
                                     : 0;
}

void vc_xr_presize(struct vc_xml_reader *x)
{
    size_t n = x->g->n_edges;
    uint64_t pos;
    double per_edge, more;

    if (n != VC_XR_PRESIZE_FROM && n != VC_XR_PRESIZE_AT)
        return;
    pos = read_so_far(x);
    if (n == VC_XR_PRESIZE_FROM) {
        x->presize_pos = pos;
        return;
    }
    if (!x->file_size || !x->presize_pos || pos <= x->presize_pos || pos >= x->file_size)
        return;
    per_edge = (double)(pos - x->presize_pos) / (VC_XR_PRESIZE_AT - VC_XR_PRESIZE_FROM);
    more = (double)(x->file_size - pos) / per_edge * 1.05;
    if (more < (double)VC_GRAPH_MAX_ELEMENTS) {
        struct vc_error ignored = VC_ERROR_INIT;
        vc_graph_reserve_edges(x->g, n + (size_t)more, &ignored);
    }
}

void vc_xr_edge_end(struct vc_xml_reader *x, size_t edge, bool target, const char *id,
                    size_t len, long line, long col)
{
    struct vc_xr_pending *p;
    size_t index;

    if (x->failed)
        return;
    /* A node named just before (it exists): set now. */
    if ((index = named_find(x, id, len)) != SIZE_MAX) {
        (target ? x->g->edge_to : x->g->edge_from)[edge] = (uint32_t)index;
        return;
    }
    if (x->pend_count == VC_XR_PENDING && resolve_first(x))
        return;
    p = &x->pending[(x->pend_first + x->pend_count++) % VC_XR_PENDING];
    p->edge = (uint32_t)edge;
    p->hash = vc_hash(id, len);
    p->line = (uint32_t)line;
    p->col = (uint32_t)col;
    p->len = (uint8_t)len;
    p->target = target;
    memcpy(p->id, id, len);
    vc_idmap_prefetch(&x->g->node_index, p->hash);
}

enum vc_status vc_xr_check_undeclared(struct vc_xml_reader *x)
{
    struct vc_graph *g = x->g;
    enum vc_status st;
    for (size_t k = 0; k < g->n_nodes; k++) {
        if (x->declared[k])
            continue;
        if (!x->opts->lenient)
            return vc_error_set(x->err, VC_EINVAL, g->source, x->ref_line[k], x->ref_col[k],
                                "edge refers to node \"%.200s\", which is never declared "
                                "(--lenient creates such nodes, as NetworkX and Gephi do)", g->node_id[k]);
        st = vc_warn(x->diag, x->err, g->source, x->ref_line[k], x->ref_col[k],
                     "edge refers to undeclared node \"%.200s\"; created (--lenient)",
                     g->node_id[k]);
        if (st != VC_OK)
            return st;
    }
    return VC_OK;
}

int vc_xr_node_ref(struct vc_xml_reader *x, size_t len, const char *elem, const char *attr,
                   long line, long col)
{
    if (len)
        return 0;
    vc_xr_fail(x, VC_EINVAL, line, col, "<%s> with an empty %s (%s=\"\"): a node needs an id",
               elem, attr, attr);
    return -1;
}

const char *vc_xr_edge_id(struct vc_xml_reader *x, const char *id, size_t *len, long line,
                          long col)
{
    if (!id || *len)
        return id;
    if (!x->empty_edge_ids++) {
        x->empty_edge_line = line;
        x->empty_edge_col = col;
    }
    return NULL;
}

int vc_xr_hold_enter(struct vc_xml_reader *x, size_t node, bool directed)
{
    if (VC_GROW_UNINIT(x->holders, x->holders_cap, x->n_holders + 1)) {
        vc_xr_nomem(x);
        return -1;
    }
    x->holders[x->n_holders++] = (struct vc_xr_holder){ node, directed };
    return 0;
}

void vc_xr_hold_leave(struct vc_xml_reader *x)
{
    if (x->n_holders)
        x->n_holders--;
}

const struct vc_xr_holder *vc_xr_holder(const struct vc_xml_reader *x)
{
    return x->n_holders ? &x->holders[x->n_holders - 1] : NULL;
}

int vc_xr_held(struct vc_xml_reader *x, size_t node, const char *group, size_t len, long line,
               long col)
{
    const char *pooled = vc_strpool_dup_cached(&x->g->pool, &x->values, group, len);
    if (!pooled || VC_GROW_UNINIT(x->held, x->held_cap, x->n_held + 1)) {
        vc_xr_nomem(x);
        return -1;
    }
    if (!x->n_held) {
        x->held_line = line;
        x->held_col = col;
    }
    x->held[x->n_held++] = (struct vc_xr_held){ (uint32_t)node, pooled };
    return 0;
}

/* The held nodes' groups as a node column, and one warning for them all. */
static enum vc_status write_groups(struct vc_xml_reader *x)
{
    const char *name = vc_graph_attr(x->g, VC_CLASS_NODE, "group") ? "vchain_group" : "group";
    struct vc_attr *a;
    enum vc_status st;
    bool graphml = strcmp(x->f->name, "GraphML") == 0;

    if (!x->n_held)
        return VC_OK;
    st = vc_warn(x->diag, x->err, x->g->source, x->held_line, x->held_col,
                 "%zu node%s (%s), read flattened into one graph; "
                 "each one's group (the id of the node holding it%s) is in node attribute "
                 "\"%s\"", x->n_held, x->n_held == 1 ? " is inside another node"
                                                       : "s are inside other nodes",
                 graphml ? "a nested <graph>, as yEd writes groups" : "a GEXF hierarchy",
                 graphml ? "" : ", or its pid", name);
    if (st != VC_OK)
        return st;
    if ((st = vc_graph_attr_add(x->g, VC_CLASS_NODE, name, VC_ATTR_STRING, &a, x->err)) != VC_OK)
        return st;
    for (size_t k = 0; k < x->n_held; k++) {
        union vc_value v;
        v.s = x->held[k].group;
        if (!vc_attr_has(a, x->held[k].node) &&
            (st = vc_attr_set(a, x->held[k].node, v, x->err)) != VC_OK)
            return st;
    }
    return VC_OK;
}

enum vc_status vc_xr_finish(struct vc_xml_reader *x)
{
    enum vc_status st = write_groups(x);
    if (st == VC_OK && x->empty_edge_ids)
        st = vc_warn(x->diag, x->err, x->g->source, x->empty_edge_line, x->empty_edge_col,
                     "%zu edge%s an empty id (id=\"\"%s), read as %s without an id",
                     x->empty_edge_ids, x->empty_edge_ids == 1 ? " has" : "s have",
                     x->empty_edge_ids == 1 ? "" : "; the first here",
                     x->empty_edge_ids == 1 ? "an edge" : "edges");
    if (st == VC_OK)
        st = vc_noted_report(&x->noted, x->diag, x->err);
    if (st == VC_OK)
        st = vc_graph_unique_edge_ids(x->g, x->diag, x->err);
    return st;
}

void vc_xr_missing(struct vc_xml_reader *x, const struct vc_attr *a, const char *text,
                   long line, long col)
{
    if (a->type != VC_ATTR_STRING &&
        vc_noted_missing(&x->noted, a->cls, a->name, x->g->source, text, line, col))
        vc_xr_nomem(x);
}

/* ---- DTD declarations and libxml2's own errors ---- */

static void refuse_entity(struct vc_xml_reader *x, const xmlChar *name)
{
    if (x->failed)
        return;
    vc_xr_fail(x, VC_EUNSUPPORTED, xmlSAX2GetLineNumber(x->ctxt),
               xmlSAX2GetColumnNumber(x->ctxt),
               "the DTD declares entity \"%.80s\": entity declarations are not supported "
               "(%s needs none; they can hide billion-laughs and external-file attacks)",
               (const char *)name, x->f->name);
    vc_xr_stop_if_failed(x);
}

static void on_entity_decl(void *ud, const xmlChar *name, int type, const xmlChar *public_id,
                           const xmlChar *system_id, xmlChar *content)
{
    (void)type;
    (void)public_id;
    (void)system_id;
    (void)content;
    refuse_entity(ud, name);
}

static void on_unparsed_entity_decl(void *ud, const xmlChar *name, const xmlChar *public_id,
                                    const xmlChar *system_id, const xmlChar *notation)
{
    (void)public_id;
    (void)system_id;
    (void)notation;
    refuse_entity(ud, name);
}

/*
 * <!ATTLIST> with a default value makes libxml2 add that attribute to every
 * matching element; graph files need no such declarations, so any is refused.
 */
static void on_attribute_decl(void *ud, const xmlChar *elem, const xmlChar *name, int type,
                              int def, const xmlChar *default_value, xmlEnumerationPtr tree)
{
    struct vc_xml_reader *x = ud;
    (void)type;
    (void)def;
    (void)default_value;
    xmlFreeEnumeration(tree); /* the handler owns it (libxml2's SAX contract) */
    if (x->failed)
        return;
    vc_xr_fail(x, VC_EUNSUPPORTED, xmlSAX2GetLineNumber(x->ctxt),
               xmlSAX2GetColumnNumber(x->ctxt),
               "the DTD declares attribute \"%.80s\" of <%.80s>: DTD attribute declarations "
               "are not supported (their defaults would silently change the data)",
               (const char *)name, (const char *)elem);
    vc_xr_stop_if_failed(x);
}

/* Unknown entities must fail, never expand to something loaded. */
static xmlEntityPtr on_get_entity(void *ud, const xmlChar *name)
{
    (void)ud;
    return xmlGetPredefinedEntity(name);
}

static void on_error(void *ud, xmlErrorPtr e)
{
    struct vc_xml_reader *x = ud;
    if (!e || e->level < XML_ERR_ERROR || x->failed)
        return;
    vc_xml_error_to_vc(x->err, x->g->source, e);
    x->failed = 1;
}

void vc_xr_sax_guards(xmlSAXHandler *sax)
{
    sax->initialized = XML_SAX2_MAGIC;
    sax->entityDecl = on_entity_decl;
    sax->unparsedEntityDecl = on_unparsed_entity_decl;
    sax->attributeDecl = on_attribute_decl;
    sax->getEntity = on_get_entity;
    sax->serror = on_error;
}
