/*
 * attrname.c - escaping of reserved attribute names (see attrname.h).
 */
#include <string.h>
#include <strings.h>

#include "attrname.h"

/*
 * Gephi's built-in node and edge properties (GEXF, GraphML and spreadsheet
 * importers), sigma.js's rendering keys, Cytoscape.js's reserved data keys
 * and the node-link structure keys.  Compared case-insensitively because
 * Gephi's spreadsheet importer matches headers that way.
 */
static const char *const reserved[] = {
    "label", "nodelabel", "edgelabel", "weight", "edge weight", "size", "color", "colour",
    "x", "y", "z", "xpos", "ypos", "zpos", "r", "g", "b", "type", "id", "kind", "timeset",
    "source", "target", "parent", "hidden", NULL,
};

bool vc_attrname_reserved(const char *name)
{
    for (int i = 0; reserved[i]; i++)
        if (strcasecmp(name, reserved[i]) == 0)
            return true;
    return false;
}

static const char *strip_prefixes(const char *name)
{
    const size_t n = strlen(VC_ATTRNAME_PREFIX);
    while (strncmp(name, VC_ATTRNAME_PREFIX, n) == 0)
        name += n;
    return name;
}

bool vc_attrname_needs_escape(const char *name)
{
    return vc_attrname_reserved(strip_prefixes(name));
}

const char *vc_attrname_escape(const char *name, char *buf, size_t size)
{
    size_t len = strlen(name), n = strlen(VC_ATTRNAME_PREFIX);
    if (!vc_attrname_needs_escape(name) || n + len + 1 > size)
        return name;
    memcpy(buf, VC_ATTRNAME_PREFIX, n);
    memcpy(buf + n, name, len + 1);
    return buf;
}

const char *vc_attrname_unescape(const char *name)
{
    const size_t n = strlen(VC_ATTRNAME_PREFIX);
    if (strncmp(name, VC_ATTRNAME_PREFIX, n) == 0 && vc_attrname_needs_escape(name + n))
        return name + n;
    return name;
}
