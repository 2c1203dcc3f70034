/*
 * xml_util.c - libxml2 made safe for untrusted input, and a chunked parse.
 *
 * libxml2 2.9.14 has no per-parser entity loader, so a process-wide loader
 * that refuses everything is installed once: even an option mistake cannot
 * make it read a local file or reach the network.  Its generic error
 * printer is silenced too; errors reach vchain through each parser's
 * structured handler.
 */
#include <pthread.h>
#include <stdarg.h>
#include <string.h>

#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlIO.h>

#include "vchain/import.h"
#include "xml_util.h"

static xmlParserInputPtr deny_entity_loader(const char *url, const char *id,
                                            xmlParserCtxtPtr ctxt)
{
    (void)url;
    (void)id;
    (void)ctxt;
    return NULL;
}

static void silent(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

static void init_once(void)
{
    xmlInitParser();
    xmlSetExternalEntityLoader(deny_entity_loader);
    xmlSetGenericErrorFunc(NULL, silent);
    xmlThrDefSetGenericErrorFunc(NULL, silent);
}

void vc_xml_init(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, init_once);
    /* Thread-local in libxml2: set for whichever thread parses. */
    xmlSetGenericErrorFunc(NULL, silent);
}

/*
 * libxml2's wording, made to say what happened to a vchain user: one line
 * (its "Bytes: 0x.." detail joined on), no advice to use XML_PARSE_HUGE
 * (vchain keeps libxml2's limits on purpose), and a file that simply ends
 * too early no longer called "extra content".
 */
void vc_xml_error_to_vc(struct vc_error *err, const char *name, const xmlError *e)
{
    char msg[VC_ERROR_MSG_MAX];
    const char *huge;
    size_t len;
    const xmlParserCtxt *ctxt = e->domain == XML_FROM_PARSER ? e->ctxt : NULL;

    if (e->code == XML_ERR_NO_MEMORY) {
        vc_error_set(err, VC_ENOMEM, name, e->line, e->int2, "out of memory (reading XML)");
        return;
    }
    snprintf(msg, sizeof(msg), "%s", e->message ? e->message : "XML error");
    len = strlen(msg);
    while (len && (msg[len - 1] == '\n' || msg[len - 1] == ' '))
        msg[--len] = '\0';
    for (char *p = msg; *p; p++)
        if (*p == '\n')
            *p = ' ';
    huge = strstr(msg, "use XML_PARSE_HUGE option");
    if (!huge)
        huge = strstr(msg, "try XML_PARSE_HUGE option");
    if (huge) {
        snprintf(msg + (huge - msg), sizeof(msg) - (size_t)(huge - msg),
                 "(a limit vchain keeps for untrusted input)");
    } else if (e->code == XML_ERR_INVALID_CHAR && strncmp(msg, "Input is not proper UTF-8", 25) == 0) {
        const char *bytes = strstr(msg, "Bytes:");
        char detail[64] = "";
        if (bytes)
            snprintf(detail, sizeof(detail), " (%s)", bytes);
        snprintf(msg, sizeof(msg), "bytes that are not UTF-8%s; if the file uses another "
                 "encoding, declare it, e.g. <?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>",
                 detail);
    } else if (strstr(msg, "Huge input lookup") || strstr(msg, "AttValue length too long")) {
        snprintf(msg, sizeof(msg), "an attribute value, name or text longer than %d bytes "
                 "(libxml2's limit, which vchain keeps for untrusted input)", XML_MAX_TEXT_LENGTH);
    } else if (e->code == XML_ERR_DOCUMENT_EMPTY) {
        snprintf(msg, sizeof(msg), "no XML element at the start of the file (is it XML?)");
    } else if (e->code == XML_ERR_DOCUMENT_END && ctxt && ctxt->nameNr > 0 && ctxt->name) {
        snprintf(msg, sizeof(msg), "the file ends inside <%.200s> (truncated?)",
                 (const char *)ctxt->name);
    } else if (e->code == XML_ERR_DOCUMENT_END && ctxt && ctxt->instate != XML_PARSER_EPILOG &&
               ctxt->instate != XML_PARSER_EOF) {
        snprintf(msg, sizeof(msg), "no XML element in the file");
    }
    vc_error_set(err, VC_EPARSE, name, e->line, e->int2, "not well-formed XML: %s", msg);
}

void vc_xml_tag_position(xmlParserCtxtPtr ctxt, long *line, long *col)
{
    xmlParserInputPtr in = ctxt->input;
    const xmlChar *p = in->cur;
    long newlines = 0;

    *line = in->line;
    *col = in->col;
    if (!p || !in->base)
        return;
    /* The tag's '<' is the last one before the parser's position (attribute
     * values hold none).  This runs for every element, and tags are short:
     * a byte loop finds it, and any line break after it, sooner than
     * calls to memrchr and memchr. */
    if (*p != '<') {
        const xmlChar *lt = p;
        while (lt > in->base && *--lt != '<')
            ;
        if (*lt != '<')
            return; /* the tag's start left the buffer: keep the end position */
        p = lt;
    }
    const xmlChar *nl = p;
    while (nl < in->cur && *nl != '\n')
        nl++;
    if (nl == in->cur) {
        *col = in->col - (long)(in->cur - p);
        if (*col < 1)
            *col = 1;
        return;
    }
    for (const xmlChar *q = p; q < in->cur; q++)
        newlines += *q == '\n';
    /* A multi-line tag: find the start of the line holding '<'. */
    const xmlChar *q = p;
    while (q > in->base && q[-1] != '\n')
        q--;
    if (q == in->base && in->base != p && q[0] != '\n' && in->line - newlines > 1) {
        *line -= newlines;
        *col = 0; /* column unknown: its line began before the buffer */
        return;
    }
    *line -= newlines;
    *col = (long)(p - q) + 1;
}

enum vc_status vc_xml_parse(FILE *in, const char *name, xmlSAXHandler *sax, void *ud,
                            xmlParserCtxtPtr *ctxt_out, struct vc_error *err)
{
    enum { CHUNK = 1 << 16 };
    char *buf = malloc(CHUNK);
    xmlParserCtxtPtr ctxt;
    size_t n;
    int rc = 0, wellformed;
    enum vc_status st = VC_OK;

    if (!buf)
        return vc_error_set(err, VC_ENOMEM, name, 0, 0, "out of memory");
    n = fread(buf, 1, 4, in);
    if (n == 0) {
        free(buf);
        if (ferror(in))
            return vc_error_set(err, VC_EIO, name, 0, 0, "read error");
        return vc_error_set(err, VC_EPARSE, name, 0, 0, "empty input (no XML at all)");
    }
    ctxt = xmlCreatePushParserCtxt(sax, ud, buf, (int)n, name);
    if (!ctxt) {
        free(buf);
        return vc_error_set(err, VC_ENOMEM, name, 0, 0, "cannot create an XML parser");
    }
    xmlCtxtUseOptions(ctxt, XML_PARSE_NONET);
    xmlResetLastError(); /* read below: only this parse's errors count */
    *ctxt_out = ctxt;
    while (rc == 0 && ctxt->instate != XML_PARSER_EOF) {
        n = fread(buf, 1, CHUNK, in);
        rc = xmlParseChunk(ctxt, buf, (int)n, n == 0);
        if (n == 0)
            break;
    }
    if (ferror(in))
        st = vc_error_set(err, VC_EIO, name, 0, 0, "read error");
    wellformed = ctxt->wellFormed;
    if (st == VC_OK && (rc != 0 || !wellformed) && err && err->code == VC_OK) {
        /* Failures libxml2 reports to no parser (growing its input buffer
         * under a memory limit stops the parse with no error of its own):
         * its last error says what happened. */
        const xmlError *last = xmlGetLastError();
        long line = ctxt->input ? ctxt->input->line : 0;
        if (ctxt->errNo == XML_ERR_NO_MEMORY || (last && last->code == XML_ERR_NO_MEMORY))
            st = vc_error_set(err, VC_ENOMEM, name, line, 0, "out of memory (reading XML)");
        else
            st = vc_error_set(err, VC_EPARSE, name, line, 0, "not well-formed XML");
    }
    if (st == VC_OK && err && err->code != VC_OK)
        st = err->code;
    *ctxt_out = NULL;
    /* libxml2 makes a document of its own to hold DTD declarations even when
     * no tree is built; it is ours to free. */
    if (ctxt->myDoc) {
        xmlFreeDoc(ctxt->myDoc);
        ctxt->myDoc = NULL;
    }
    xmlFreeParserCtxt(ctxt);
    free(buf);
    return st;
}
