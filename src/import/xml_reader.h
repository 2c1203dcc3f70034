/*
 * xml_reader.h - what the XML graph readers (GraphML, GEXF) share beyond
 * the parse itself: the reader state every SAX callback needs, failing and
 * warning with a position, the nodes that edges name before (or without)
 * their declaration, and the handlers that refuse DTD declarations.
 *
 * A reader puts a struct vc_xml_reader first in its own struct: the SAX
 * user data is that struct, and the shared code reads it through this
 * first member.
 *
 * Failing only marks the reader; the SAX entry points vc_xr_parse()
 * installs call vc_xr_stop_if_failed() when the reader's handler is done.
 * libxml2 2.9.14's xmlStopParser() frees the input buffer that attribute values and
 * character data point into, so stopping in the middle of a callback would
 * leave the rest of it reading freed memory (found by fuzzing both readers).
 */
#ifndef VC_IMPORT_XML_READER_H
#define VC_IMPORT_XML_READER_H

#include <libxml/parser.h>

#include "core/idmap.h"
#include "core/strpool.h"
#include "noted.h"
#include "vchain/import.h"

/* Scratch buffers for decoded attribute values: a reader names its slots
 * (an id, an edge's ends, ...) so that values it holds at once never share
 * one. */
enum { VC_XR_SLOTS = 5 };

/* libxml2 2.9.14's push parser has no depth limit of its own (its pull
 * parser stops at 256), so the readers keep one; GraphML needs about 10
 * levels, GEXF about 8. */
enum { VC_XR_MAX_DEPTH = 256 };

/*
 * Edge ends wait in a queue of VC_XR_PENDING before their id is looked up,
 * so that the lookup finds its slot of the node index in cache (fetched
 * when the end was queued): on a graph of a million nodes the index
 * outgrows the caches, and waiting for memory at every edge was the largest
 * cost of reading it.  Ids of up to VC_XR_PENDING_ID bytes are queued.
 */
enum { VC_XR_PENDING = 16, VC_XR_PENDING_ID = 30 };

struct vc_xml_reader {
    xmlParserCtxtPtr ctxt;
    struct vc_graph *g;
    const struct vc_import_opts *opts;
    struct vc_diag *diag;
    struct vc_error *err;
    int failed;
    uint8_t *declared;           /* per node: its element was seen */
    uint32_t *ref_line, *ref_col; /* per node: where an edge first named it */
    size_t marks_cap;
    struct vc_xr_named {          /* the last two nodes edges named, most recent first */
        size_t index1;           /* node index + 1, 0 = none */
        size_t len;              /* the id's length ... */
        uint64_t head;           /* ... and first 8 bytes, zero padded */
    } named[2];
    char *text;                  /* the text of the current value element */
    size_t text_len, text_cap;
    struct vc_strcache values;   /* string values stored last: repeats share a copy */
    struct vc_noted noted;       /* values read as no value (NaN, empty, null) */
    size_t empty_edge_ids;       /* edges with id="": read as edges without an id */
    long empty_edge_line, empty_edge_col; /* the first of them */
    const struct vc_xr_format *f;
    /* The open elements, as the reader's own codes (0: none, the top). */
    uint8_t stack[VC_XR_MAX_DEPTH];
    int depth;
    int skip_depth;              /* inside a skipped subtree: its depth */
    struct { char *buf; size_t cap; } scratch[VC_XR_SLOTS];
    int root_seen, graphs_seen;  /* the root element, <graph> elements */
    /* The declared columns (GraphML <key>, GEXF <attribute>): id -> the
     * reader's own index, one map per class (node, edge, graph), so that a
     * file with many columns and many values stays linear. */
    const char **decl_ids;
    size_t decl_ids_cap;
    struct vc_idmap decl_index[3];
    /* Edge ends not yet looked up (vc_xr_edge_end), oldest first from
     * pend_first, in a ring. */
    struct vc_xr_pending {
        uint32_t edge;           /* the edge's index */
        uint32_t hash;           /* vc_hash of the id: its slot is being fetched */
        uint32_t line, col;      /* the edge's start tag */
        uint8_t len;
        bool target;             /* the edge's target (else its source) */
        char id[VC_XR_PENDING_ID];
    } pending[VC_XR_PENDING];
    unsigned pend_first, pend_count;
    uint64_t file_size;          /* of a regular file, else 0 */
    uint64_t presize_pos;        /* bytes read at the VC_XR_PRESIZE_FROM-th edge */
    /* Nodes inside other nodes (a GraphML nested graph, a GEXF hierarchy),
     * read flattened: the open holders, innermost last, and each held
     * node's group (the id of the node holding it). */
    struct vc_xr_holder {
        size_t node;             /* the holding node's index */
        bool directed;           /* edgedefault inside it (GraphML) */
    } *holders;
    size_t n_holders, holders_cap;
    struct vc_xr_held {
        uint32_t node;
        const char *group;       /* pooled in the graph */
    } *held;
    size_t n_held, held_cap;
    long held_line, held_col;    /* the first held node */
};


void vc_xr_fail(struct vc_xml_reader *x, enum vc_status code, long line, long col,
                const char *fmt, ...) VC_PRINTF(5, 6);
void vc_xr_warn(struct vc_xml_reader *x, long line, long col, const char *fmt, ...)
    VC_PRINTF(4, 5);
void vc_xr_nomem(struct vc_xml_reader *x);
void vc_xr_stop_if_failed(struct vc_xml_reader *x);

/* Empties the text buffer, at the start of an element whose text is kept. */
void vc_xr_text_reset(struct vc_xml_reader *x);
/* Appends character data of element <elem> (for the message when the text
 * outgrows VC_GRAPH_MAX_VALUE_LEN: libxml2 hands text over without limit).
 * Fails x when it cannot. */
void vc_xr_text_append(struct vc_xml_reader *x, const xmlChar *ch, int len, const char *elem,
                       long line, long col);
/* The text so far ("" when none). */
static inline const char *vc_xr_text(const struct vc_xml_reader *x)
{
    return x->text ? x->text : "";
}

/* A node element: adds node id or declares the one an edge named first;
 * a second declaration is an error.  -1 when x has failed. */
int vc_xr_declare_node(struct vc_xml_reader *x, const char *id, size_t len, long line,
                       long col, size_t *index);
/* A node an edge names: added (undeclared) when new.  -1 when x has failed. */
int vc_xr_name_node(struct vc_xml_reader *x, const char *id, size_t len, long line, long col,
                    size_t *index);
/*
 * The same, for an edge already added as edge (its end given as node 0):
 * the end is set now when the id is one of the last named, else when the
 * queue moves on or vc_xr_resolve() runs.  Only for ids that
 * vc_xr_can_queue() accepts: looking them up cannot fail but for memory,
 * so the first error stays the first in the file.  Nodes are still added in
 * the order the file names them.
 */
void vc_xr_edge_end(struct vc_xml_reader *x, size_t edge, bool target, const char *id,
                    size_t len, long line, long col);
bool vc_xr_can_queue(const struct vc_xml_reader *x, size_t len);
/*
 * Called after each edge is added: between the VC_XR_PRESIZE_FROM-th and
 * the VC_XR_PRESIZE_AT-th edge the reader measures how many bytes an edge
 * takes in the file, and then makes room (vc_graph_reserve_edges) for as
 * many as the rest of the file would hold, plus a twentieth, so the edge
 * arrays are not copied each time they double.  Room only: pages nobody
 * writes cost no memory.  A hint: failing to reserve is no error.
 */
void vc_xr_presize(struct vc_xml_reader *x);
enum { VC_XR_PRESIZE_FROM = 1024, VC_XR_PRESIZE_AT = 16384 };
/* Looks up every queued edge end; done before anything reads the edges'
 * ends or adds a node otherwise (vc_xr_declare_node, vc_xr_name_node do it
 * themselves).  -1 when x has failed. */
int vc_xr_resolve(struct vc_xml_reader *x);
/* After the parse: nodes named but never declared are an error, or with
 * --lenient a warning. */
enum vc_status vc_xr_check_undeclared(struct vc_xml_reader *x);

/*
 * A node id: attribute attr (id, source, target) of element elem, len
 * bytes long; an empty one fails x (-1).
 */
int vc_xr_node_ref(struct vc_xml_reader *x, size_t len, const char *elem, const char *attr,
                   long line, long col);
/* An edge's id attribute: an empty one is noted (a warning at the end) and
 * becomes no id (*len 0, NULL returned). */
const char *vc_xr_edge_id(struct vc_xml_reader *x, const char *id, size_t *len, long line,
                          long col);
/*
 * Hierarchies, read flattened.  vc_xr_hold_enter() opens node `node` as a
 * holder of the nodes read until the matching vc_xr_hold_leave();
 * vc_xr_holder() is the innermost open one (NULL at the top).
 * vc_xr_held() records that node `node` belongs to group `group` (len
 * bytes: the holder's id, or a GEXF pid as written).  -1 when x failed.
 */
int vc_xr_hold_enter(struct vc_xml_reader *x, size_t node, bool directed);
void vc_xr_hold_leave(struct vc_xml_reader *x);
const struct vc_xr_holder *vc_xr_holder(const struct vc_xml_reader *x);
int vc_xr_held(struct vc_xml_reader *x, size_t node, const char *group, size_t len, long line,
               long col);
/*
 * The last step of a read (vc_xr_read calls it after the format's finish):
 * warnings about what was read differently from what the file says (empty
 * edge ids, NaN or empty numbers: vc_xr_missing, nodes inside other nodes:
 * their group in node attribute "group", or "vchain_group" when the file
 * has a "group" of its own), and edge ids made unique
 * (vc_graph_unique_edge_ids).
 */
enum vc_status vc_xr_finish(struct vc_xml_reader *x);
/* Value text of column a, at line:col, is read as no value: noted for a
 * warning at the end (vc_xr_finish).  Strings are never missing. */
void vc_xr_missing(struct vc_xml_reader *x, const struct vc_attr *a, const char *text,
                   long line, long col);

/*
 * An attribute value [v, end) with libxml2's "&#38;" (how it hands "&amp;"
 * over when entities are not substituted) decoded, NUL-terminated in
 * scratch buffer slot; *len its length.  NULL (x failed) when out of memory.
 */
const char *vc_xr_decode(struct vc_xml_reader *x, const char *v, const char *end, int slot,
                         size_t *len);

/* Declares column id (kept by the caller) as the reader's column i for
 * each class c with bit 1 << c in cls_bits; -1 when out of memory. */
int vc_xr_decl_add(struct vc_xml_reader *x, size_t i, const char *id, int cls_bits);
/* The reader's index of the column declared as id for class cls, or
 * SIZE_MAX. */
size_t vc_xr_decl_find(const struct vc_xml_reader *x, int cls, const char *id, size_t len);

/*
 * A column's default value: text parsed as a's type and given to every
 * element of a's class that has no value of its own.  A bad default is an
 * error at the declaration: "<ELEM id="ID">: default ...".
 */
enum vc_status vc_xr_default(struct vc_xml_reader *x, struct vc_attr *a, const char *text,
                             const char *elem, const char *id, long line, long col);

/*
 * A format's reader: what it does with the parse's events and after it.
 * ud is the reader's own struct (its first member the struct
 * vc_xml_reader).  start and end are not called inside a skipped subtree,
 * nor text there or when empty; start gets the start tag's position.  The
 * parse stops after any of them fails the reader.  finish runs after a
 * whole file was read (defaults, ...); release frees what the reader owns
 * besides x, whatever happened.
 */
struct vc_xr_format {
    const char *name;            /* "GraphML", "GEXF": for messages */
    const char *root;            /* the root element's name */
    void (*start)(void *ud, const xmlChar *local, const xmlChar *uri, int nb_attrs,
                  const xmlChar **attrs, long line, long col);
    void (*end)(void *ud);
    void (*text)(void *ud, const xmlChar *ch, int len);
    enum vc_status (*finish)(void *ud);
    void (*release)(void *ud);
};

/*
 * Reads in (name for messages) into out with a reader whose first member
 * is x (the rest zeroed by the caller): the parse behind the shared
 * guards, then what every format asks of a whole file (the root element, a
 * <graph>, no node named but never declared), then f->finish.  On failure
 * out needs no release.  err may be NULL.
 */
enum vc_status vc_xr_read(struct vc_xml_reader *x, const struct vc_xr_format *f,
                          struct vc_graph *out, FILE *in, const char *name,
                          const struct vc_import_opts *opts, struct vc_diag *diag,
                          struct vc_error *err);

/* The element stack: start pushes the element it opens (a code of the
 * reader's own, 1 to 255), end has it popped; parent is the innermost
 * open one (0 at the top).  vc_xr_skip() skips the element being opened
 * and everything in it. */
void vc_xr_push(struct vc_xml_reader *x, int el);
int vc_xr_parent(const struct vc_xml_reader *x);
void vc_xr_skip(struct vc_xml_reader *x);

/*
 * Installs the shared handlers on sax: entity and attribute declarations
 * refused, unknown entities failing (only the predefined five exist), and
 * libxml2's errors recorded with their position.
 */
void vc_xr_sax_guards(xmlSAXHandler *sax);

#endif
