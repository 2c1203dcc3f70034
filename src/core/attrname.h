/*
 * attrname.h - the one rule for attribute names that other tools reserve.
 *
 * Gephi, sigma.js, graphology, Cytoscape.js and d3 give some attribute
 * names a meaning of their own (label, weight, size, color, x, y, type,
 * kind, ...: docs/formats.md, "Exporting").  A data column with such a name
 * would be consumed as a visual property, or break a renderer.  So every
 * exporter writes a column name through vc_attrname_escape(), which puts
 * "vc_" in front of a reserved name, and every vchain reader passes the
 * names it finds through vc_attrname_unescape(), which takes it off again:
 * a round trip through any format gives back the original names.
 *
 * The rule is a bijection: a name is escaped when, after removing every
 * leading "vc_", what is left is reserved (case-insensitively).  So "kind"
 * is written "vc_kind", a genuine column "vc_kind" is written "vc_vc_kind",
 * and unescaping removes exactly one "vc_".
 *
 * Shared by src/import and src/export, so it lives in core.
 */
#ifndef VC_CORE_ATTRNAME_H
#define VC_CORE_ATTRNAME_H

#include <stdbool.h>
#include <stddef.h>

#define VC_ATTRNAME_PREFIX "vc_"

/* Whether name (case-insensitively) is a name other tools reserve. */
bool vc_attrname_reserved(const char *name);
/* Whether name must be escaped (see above). */
bool vc_attrname_needs_escape(const char *name);
/*
 * The exported name of column `name`: name itself, or "vc_" + name written
 * into buf.  buf must hold strlen(name) + 4 bytes; a shorter buf is never
 * overrun (name is then returned as it is).
 */
const char *vc_attrname_escape(const char *name, char *buf, size_t size);
/* The column name for an exported name: name, or name without its "vc_". */
const char *vc_attrname_unescape(const char *name);

#endif
