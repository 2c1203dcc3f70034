/*
 * knowledge.c - knowledge intensity as the data gives it: which attribute
 * a chain uses (one scale per chain), each position's figure (its actor's,
 * else its item's), and the words for reasons.  A figure is read, never
 * made up: without one, the item's category is named as a proxy and the
 * figure stays empty.  docs/model.md, "Knowledge intensity".
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vchain/knowledge.h"

/* In the order they are preferred: an explicit level first, then the
 * figures it is usually derived from. */
static const char *const attrs[] = { "knowledge", "rd_intensity", "patent_share" };

static double figure(const struct vc_attr *col, size_t k)
{
    double d;
    if (!vc_attr_has(col, k))
        return NAN;
    if (col->type == VC_ATTR_STRING) {
        const char *s = vc_attr_get_string(col, k);
        char *end;
        if (!s || !*s)
            return NAN;
        d = strtod(s, &end);
        while (*end == ' ')
            end++;
        if (end == s || *end)
            return NAN;
    } else {
        d = vc_attr_get_double(col, k);
    }
    /* negative or non-finite figures say nothing about knowledge */
    return isfinite(d) && d >= 0 ? d : NAN;
}

void vc_knowledge_init(struct vc_knowledge_src *s, const struct vc_chain *c)
{
    const struct vc_graph *g = c->graph;

    memset(s, 0, sizeof(*s));
    s->chain = c;
    /* the first column that carries any value (cheap: reasons call this per row) */
    for (size_t j = 0; j < sizeof(attrs) / sizeof(attrs[0]) && !s->attr; j++) {
        const struct vc_attr *col = vc_graph_attr(g, VC_CLASS_NODE, attrs[j]);
        if (col && col->count > 0) {
            s->attr = attrs[j];
            s->col = col;
        }
    }
    s->category = vc_graph_attr(g, VC_CLASS_NODE, "category");
    if (!s->category || s->category->type != VC_ATTR_STRING)
        s->category = vc_graph_attr(g, VC_CLASS_NODE, "type");
    if (s->category && s->category->type != VC_ATTR_STRING)
        s->category = NULL;
}

void vc_knowledge_of(const struct vc_knowledge_src *s, uint32_t actor, uint32_t item,
                     struct vc_knowledge *out)
{
    const char *cat = item != UINT32_MAX ? vc_attr_get_string(s->category, item) : NULL;
    double d = actor != UINT32_MAX ? figure(s->col, actor) : NAN;

    out->from = VC_KNOWLEDGE_NONE;
    out->value = NAN;
    out->proxy = cat && *cat ? cat : NULL;
    if (!isnan(d)) {
        out->value = d;
        out->from = VC_KNOWLEDGE_ACTOR;
    } else if (item != UINT32_MAX && !isnan(d = figure(s->col, item))) {
        out->value = d;
        out->from = VC_KNOWLEDGE_ITEM;
    }
}

static const char *attr_words(const char *attr)
{
    if (strcmp(attr, "rd_intensity") == 0)
        return "R&D intensity";
    if (strcmp(attr, "patent_share") == 0)
        return "patent share";
    return "knowledge level";
}

void vc_knowledge_text(const struct vc_knowledge_src *s, const struct vc_knowledge *k,
                       uint32_t actor, uint32_t item, char *buf, size_t size)
{
    const struct vc_chain *c = s->chain;
    const char *who = k->from == VC_KNOWLEDGE_ACTOR ? c->label[actor]
                      : k->from == VC_KNOWLEDGE_ITEM ? c->label[item] : NULL;

    if (!size)
        return;
    buf[0] = '\0';
    if (k->from != VC_KNOWLEDGE_NONE) {
        if (strcmp(s->attr, "knowledge") == 0)
            snprintf(buf, size, "%s %.2f (%s)", attr_words(s->attr), k->value, who);
        else
            snprintf(buf, size, "%s %.1f %% (%s)", attr_words(s->attr), k->value * 100, who);
    } else if (s->attr) {
        snprintf(buf, size, "no %s figure for %s%s%s%s%s%s", attr_words(s->attr),
                 actor != UINT32_MAX ? c->label[actor] : "",
                 actor != UINT32_MAX && item != UINT32_MAX ? " or " : "",
                 item != UINT32_MAX ? c->label[item] : "", k->proxy ? " (category " : "",
                 k->proxy ? k->proxy : "", k->proxy ? ", a proxy)" : "");
    } else if (k->proxy) {
        snprintf(buf, size, "no knowledge figure in the data (category %s, a proxy)", k->proxy);
    }
}

bool vc_knowledge_passes(const struct vc_knowledge *k, double min)
{
    return isnan(min) || (k->from != VC_KNOWLEDGE_NONE && k->value >= min);
}
