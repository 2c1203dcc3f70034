/*
 * strpool.c - an append-only arena for the graph's strings.
 *
 * Strings are never freed one by one: the whole pool goes with the graph.
 * Blocks grow geometrically so a million short ids cost a few allocations.
 * Pooled strings are never changed, so equal values may share one copy
 * (vc_strpool_dup_cached).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "strpool.h"

struct vc_strpool_block {
    struct vc_strpool_block *next;
    size_t used, size;
    char data[];
};

void vc_strpool_release(struct vc_strpool *p)
{
    struct vc_strpool_block *b = p->head;
    while (b) {
        struct vc_strpool_block *next = b->next;
        free(b);
        b = next;
    }
    p->head = NULL;
}

char *vc_strpool_alloc(struct vc_strpool *p, size_t len)
{
    struct vc_strpool_block *b = p->head;
    char *s;

    if (len >= SIZE_MAX / 4)
        return NULL;
    if (!b || b->size - b->used < len + 1) {
        size_t size = b ? b->size * 2 : 4096;
        if (size > (size_t)64 << 20)
            size = (size_t)64 << 20;
        if (size < len + 1)
            size = len + 1;
        b = malloc(sizeof(*b) + size);
        if (!b)
            return NULL;
        b->used = 0;
        b->size = size;
        b->next = p->head;
        p->head = b;
    }
    s = b->data + b->used;
    b->used += len + 1;
    s[len] = '\0';
    return s;
}

const char *vc_strpool_dup(struct vc_strpool *p, const char *s, size_t len)
{
    char *d = vc_strpool_alloc(p, len);
    if (d && len)
        memcpy(d, s, len);
    return d;
}

const char *vc_strpool_dup_cached(struct vc_strpool *p, struct vc_strcache *c, const char *s,
                                  size_t len)
{
    uint32_t h = 2166136261u;
    const char *d;

    if (len > VC_STRCACHE_MAX_LEN)
        return vc_strpool_dup(p, s, len);
    /* FNV-1a: values a file's author chose to collide only share a slot,
     * and cost a copy each, as without the cache. */
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    h = (h ^ h >> 16) % VC_STRCACHE_SLOTS;
    if (c->slot[h].s && c->slot[h].len == len && memcmp(c->slot[h].s, s, len) == 0)
        return c->slot[h].s;
    d = vc_strpool_dup(p, s, len);
    if (d) {
        c->slot[h].s = d;
        c->slot[h].len = len;
    }
    return d;
}
