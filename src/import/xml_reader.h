/*
 * xml_reader.h - what the XML graph readers (GraphML, GEXF) share beyond
 * the parse itself: the reader state every SAX callback needs, failing and
 * warning with a position, the nodes that edges name before (or without)
 * their declaration, and the handlers that refuse DTD declarations.
 *
 * A reader puts a struct vc_xml_reader first in its own struct and passes
 * its own struct as the SAX user data: the shared handlers read it through
 * this first member.
 *
 * Failing only marks the reader; each SAX entry point calls
 * vc_xr_stop_if_failed() when its work is done.  libxml2 2.9.14's
 * xmlStopParser() frees the input buffer that attribute values and
 * character data point into, so stopping in the middle of a callback would
 * leave the rest of it reading freed memory (found by fuzzing both readers).
 */
#ifndef VC_IMPORT_XML_READER_H
#define VC_IMPORT_XML_READER_H

#include <libxml/parser.h>

#include "core/strpool.h"
#include "noted.h"
#include "vchain/import.h"

struct vc_xml_reader {
    xmlParserCtxtPtr ctxt;
    struct vc_graph *g;
    const struct vc_import_opts *opts;
    struct vc_diag *diag;
    struct vc_error *err;
    int failed;
    const char *format;          /* "GraphML", "GEXF": for messages */
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
};

/*
 * Sets up x and the (uninitialised) graph g with source name.  opts may be
 * NULL; err must not be.  On failure g needs no release.
 */
enum vc_status vc_xr_begin(struct vc_xml_reader *x, struct vc_graph *g, const char *name,
                           const char *format, const struct vc_import_opts *opts,
                           struct vc_diag *diag, struct vc_error *err);
void vc_xr_release(struct vc_xml_reader *x);

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
 * The last step of a read, after defaults: warnings about what was read
 * differently from what the file says (empty edge ids, NaN or empty
 * numbers: vc_xr_missing), and edge ids made
 * unique (vc_graph_unique_edge_ids).
 */
enum vc_status vc_xr_finish(struct vc_xml_reader *x);
/* Value text of column a, at line:col, is read as no value: noted for a
 * warning at the end (vc_xr_finish).  Strings are never missing. */
void vc_xr_missing(struct vc_xml_reader *x, const struct vc_attr *a, const char *text,
                   long line, long col);

/*
 * Installs the shared handlers on sax: entity and attribute declarations
 * refused, unknown entities failing (only the predefined five exist), and
 * libxml2's errors recorded with their position.
 */
void vc_xr_sax_guards(xmlSAXHandler *sax);

#endif
