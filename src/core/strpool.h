/*
 * strpool.h - the graph's string arena (struct vc_strpool is in graph.h).
 */
#ifndef VC_CORE_STRPOOL_H
#define VC_CORE_STRPOOL_H

#include "vchain/graph.h"

void vc_strpool_release(struct vc_strpool *p);
/* Room for len bytes plus a NUL (already written); NULL when out of memory. */
char *vc_strpool_alloc(struct vc_strpool *p, size_t len);
const char *vc_strpool_dup(struct vc_strpool *p, const char *s, size_t len);

/*
 * The short strings a reader stored last, by a hash of their text: values
 * that repeat (kinds, relations, country codes) are then stored once, not
 * once per element.  Zero-initialise; it owns nothing.
 */
#define VC_STRCACHE_SLOTS 256
#define VC_STRCACHE_MAX_LEN 32
struct vc_strcache {
    struct {
        const char *s;
        size_t len;
    } slot[VC_STRCACHE_SLOTS];
};

/* vc_strpool_dup(), returning the cached copy when s (len bytes) equals
 * the string cached in its slot; strings up to VC_STRCACHE_MAX_LEN bytes
 * are cached. */
const char *vc_strpool_dup_cached(struct vc_strpool *p, struct vc_strcache *c, const char *s,
                                  size_t len);

#endif
