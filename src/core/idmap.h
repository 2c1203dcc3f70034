/*
 * idmap.h - string id -> index hash (open addressing, linear probing).
 *
 * The map stores indices and each key's first 8 bytes; longer keys are
 * compared through the caller's array of strings, so each id is stored once
 * (in the graph's pool) and ids of up to 7 bytes never leave the table.
 */
#ifndef VC_CORE_IDMAP_H
#define VC_CORE_IDMAP_H

#include <string.h>

#include "vchain/graph.h"

uint32_t vc_hash(const char *s, size_t len);

/*
 * An id's first 8 bytes as a number (zero padded when shorter): the same
 * for the same bytes, and never the same for ids of different lengths
 * under 8 (ids hold no NUL).  A short id is gathered byte by byte: copied
 * through memory it made each lookup wait for the copy.
 */
static inline uint64_t vc_id_head(const char *id, size_t len)
{
    uint64_t head = 0;
    if (len >= sizeof(head)) {
        memcpy(&head, id, sizeof(head));
        return head;
    }
    for (size_t i = 0; i < len; i++)
        head |= (uint64_t)(unsigned char)id[i] << (8 * i);
    return head;
}
void vc_idmap_release(struct vc_idmap *m);
/* Index of key (len bytes) among keys[], or SIZE_MAX. */
size_t vc_idmap_find(const struct vc_idmap *m, const char *const *keys, const char *key,
                     size_t len, uint32_t hash);
/* Records index, whose key (len bytes) hashes to hash; -1 when out of
 * memory. */
int vc_idmap_insert(struct vc_idmap *m, size_t index, const char *key, size_t len,
                    uint32_t hash);

/* Asks the CPU to fetch the slot where a lookup of hash starts, so that a
 * lookup made a little later finds it in cache: on a big graph the table
 * outgrows the caches and each lookup would otherwise wait for memory. */
static inline void vc_idmap_prefetch(const struct vc_idmap *m, uint32_t hash)
{
    if (m->cap)
        __builtin_prefetch(&m->slots[hash & (m->cap - 1)]);
}

/* vc_graph_intern_node() for an id whose vc_hash() the caller has already
 * computed (to prefetch its slot). */
enum vc_status vc_graph_intern_node_hashed(struct vc_graph *g, const char *id, size_t len,
                                           uint32_t hash, uint32_t line, uint32_t col,
                                           size_t *index, bool *created, struct vc_error *err);

#endif
