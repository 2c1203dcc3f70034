/*
 * attrmap.c - the --map NAME=ATTR renaming applied while reading.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "vchain/import.h"

void vc_attrmap_release(struct vc_attrmap *m)
{
    for (size_t i = 0; i < m->count; i++) {
        free(m->entries[i].to);
        free(m->entries[i].from);
    }
    free(m->entries);
    m->entries = NULL;
    m->count = m->cap = 0;
}

enum vc_status vc_attrmap_add_spec(struct vc_attrmap *m, const char *spec, struct vc_error *err)
{
    const char *eq = strchr(spec, '=');
    struct vc_attrmap_entry *e;

    if (!eq || eq == spec || !eq[1])
        return vc_error_set(err, VC_EINVAL, NULL, 0, 0,
                            "expected NAME=ATTR, e.g. share=market_share");
    for (size_t i = 0; i < m->count; i++)
        if (strcmp(m->entries[i].from, eq + 1) == 0)
            return vc_error_set(err, VC_EINVAL, NULL, 0, 0, "attribute \"%s\" is mapped twice",
                                eq + 1);
    if (VC_GROW(m->entries, m->cap, m->count + 1))
        return vc_error_set(err, VC_ENOMEM, NULL, 0, 0, "out of memory");
    e = &m->entries[m->count];
    e->to = strndup(spec, (size_t)(eq - spec));
    e->from = strdup(eq + 1);
    if (!e->to || !e->from) {
        free(e->to);
        free(e->from);
        return vc_error_set(err, VC_ENOMEM, NULL, 0, 0, "out of memory");
    }
    m->count++;
    return VC_OK;
}

const char *vc_attrmap_apply(const struct vc_attrmap *m, const char *name, char *buf,
                             size_t size)
{
    if (!m)
        return name;
    for (size_t i = 0; i < m->count; i++)
        if (strcmp(m->entries[i].from, name) == 0)
            return m->entries[i].to;
    /* A name that another attribute is mapped onto gives way: --map kind=type
     * means "type" is the kind, so the input's own "kind" becomes "input_kind". */
    for (size_t i = 0; i < m->count; i++) {
        if (strcmp(m->entries[i].to, name) == 0) {
            snprintf(buf, size, "input_%s", name);
            return buf;
        }
    }
    return name;
}
