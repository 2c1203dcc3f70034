/*
 * idmap.c - the node id index.  Lookups compare the stored 32-bit hash
 * first, then the string, so misses rarely touch the strings.
 */
#include <stdlib.h>
#include <string.h>

#include "idmap.h"

uint32_t vc_hash(const char *s, size_t len)
{
    /* FNV-1a: short ids dominate, and it is simple and good enough there. */
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

void vc_idmap_release(struct vc_idmap *m)
{
    free(m->slots);
    free(m->hashes);
    m->slots = m->hashes = NULL;
    m->cap = m->count = 0;
}

static int key_equal(const char *stored, const char *key, size_t len)
{
    return strncmp(stored, key, len) == 0 && stored[len] == '\0';
}

size_t vc_idmap_find(const struct vc_idmap *m, const char *const *keys, const char *key,
                     size_t len, uint32_t hash)
{
    if (!m->cap)
        return SIZE_MAX;
    size_t mask = m->cap - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        uint32_t slot = m->slots[i];
        if (!slot)
            return SIZE_MAX;
        if (m->hashes[i] == hash && key_equal(keys[slot - 1], key, len))
            return slot - 1;
    }
}

static void place(uint32_t *slots, uint32_t *hashes, size_t mask, uint32_t slot, uint32_t hash)
{
    size_t i = hash & mask;
    while (slots[i])
        i = (i + 1) & mask;
    slots[i] = slot;
    hashes[i] = hash;
}

static int rehash(struct vc_idmap *m, size_t ncap)
{
    uint32_t *slots = calloc(ncap, sizeof(*slots));
    uint32_t *hashes = malloc(ncap * sizeof(*hashes));
    if (!slots || !hashes) {
        free(slots);
        free(hashes);
        return -1;
    }
    for (size_t i = 0; i < m->cap; i++)
        if (m->slots[i])
            place(slots, hashes, ncap - 1, m->slots[i], m->hashes[i]);
    free(m->slots);
    free(m->hashes);
    m->slots = slots;
    m->hashes = hashes;
    m->cap = ncap;
    return 0;
}

int vc_idmap_insert(struct vc_idmap *m, size_t index, uint32_t hash)
{
    /* Keep the load factor at or below 1/2. */
    if ((m->count + 1) * 2 > m->cap) {
        size_t ncap = m->cap ? m->cap * 2 : 64;
        if (ncap < m->cap || rehash(m, ncap) < 0)
            return -1;
    }
    place(m->slots, m->hashes, m->cap - 1, (uint32_t)(index + 1), hash);
    m->count++;
    return 0;
}
