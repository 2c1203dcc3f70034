/*
 * xml_util.h - what the XML readers (GraphML, GEXF) share: safe libxml2
 * set-up, a streaming push parse over a FILE *, and error positions.
 */
#ifndef VC_IMPORT_XML_UTIL_H
#define VC_IMPORT_XML_UTIL_H

#include <stdio.h>

#include <libxml/parser.h>

#include "vchain/error.h"

/*
 * Parses in chunk by chunk with the given SAX handler (user data ud).  The
 * context is published through *ctxt before parsing starts, so callbacks
 * can stop the parser.  Options: XML_PARSE_NONET only (no entity
 * substitution, no DTD loading, no XInclude, no HUGE, no RECOVER).
 */
enum vc_status vc_xml_parse(FILE *in, const char *name, xmlSAXHandler *sax, void *ud,
                            xmlParserCtxtPtr *ctxt, struct vc_error *err);

/*
 * Position of the start tag the parser has just read: called from a
 * startElementNs callback, it walks back from the parser's position to the
 * tag's '<', so multi-line tags report their first line.
 */
void vc_xml_tag_position(xmlParserCtxtPtr ctxt, long *line, long *col);

/* Copies a libxml2 error into err ("not well-formed XML: ..."). */
void vc_xml_error_to_vc(struct vc_error *err, const char *name, const xmlError *e);

#endif
