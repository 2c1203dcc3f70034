/*
 * strpool.c - an append-only arena for the graph's strings.
 *
 * Strings are never freed one by one: the whole pool goes with the graph.
 * Blocks grow geometrically so a million short ids cost a few allocations.
 */
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
