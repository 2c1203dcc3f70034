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

#endif
