/*
 * vchain/knowledge.h - how knowledge-intensive a position is, as far as the
 * data says.  docs/model.md ("Knowledge intensity") has the rules.
 *
 * Read from optional node attributes of actors and items, on one scale per
 * chain: the first of `knowledge` (a level from 0 to 1 the data assigns),
 * `rd_intensity` (R&D spending over revenue, a fraction) and `patent_share`
 * (a share of the field's patents, a fraction) that some actor or item
 * carries.  A provision takes its actor's figure, else its item's.  Where
 * the data has none, there is none: the item's `category` (or `type`) is
 * shown beside it as a proxy, never turned into a number.
 */
#ifndef VCHAIN_KNOWLEDGE_H
#define VCHAIN_KNOWLEDGE_H

#include "chain.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Where the chain's knowledge figures come from: resolved once per chain. */
struct vc_knowledge_src {
    const struct vc_chain *chain;
    const char *attr;                /* "knowledge", "rd_intensity", "patent_share"; NULL
                                        when no actor or item carries any of them */
    const struct vc_attr *col;       /* the node column of attr */
    const struct vc_attr *category;  /* items' category (or type) column, or NULL */
};

enum vc_knowledge_from {
    VC_KNOWLEDGE_NONE,  /* no figure for this actor or item */
    VC_KNOWLEDGE_ACTOR, /* the actor's own */
    VC_KNOWLEDGE_ITEM   /* the item's (the actor has none) */
};

/* One position's figure. */
struct vc_knowledge {
    double value;                    /* NAN when from is VC_KNOWLEDGE_NONE */
    enum vc_knowledge_from from;
    const char *proxy;               /* the item's category, or NULL */
};

VC_API void vc_knowledge_init(struct vc_knowledge_src *s, const struct vc_chain *c);
/* The figure of actor providing item (actor may be UINT32_MAX: the item's alone). */
VC_API void vc_knowledge_of(const struct vc_knowledge_src *s, uint32_t actor, uint32_t item,
                            struct vc_knowledge *out);
/*
 * In words, for reasons and tables: "R&D intensity 14.4 % (ASML)", "no
 * R&D intensity figure for X or Y", "no knowledge figure in the data
 * (category tool_resource, a proxy)"; "" when the data has no figure and
 * no category.
 */
VC_API void vc_knowledge_text(const struct vc_knowledge_src *s, const struct vc_knowledge *k,
                              uint32_t actor, uint32_t item, char *buf, size_t size);
/* Whether k passes --min-knowledge min (NAN: no filter); a row without a figure never does. */
VC_API bool vc_knowledge_passes(const struct vc_knowledge *k, double min);

#ifdef __cplusplus
}
#endif

#endif
