/*
 * idmap.c - the node id index.  Lookups compare the stored 32-bit hash
 * first, then the string, so misses rarely touch the strings.
 *
 * The hash is seeded per process and finished with an avalanche step.  A
 * slot is chosen by the hash's low bits, and with plain FNV-1a those depend
 * only on the low bits of each step, so a hostile file could cheaply pick
 * ids that all land on one probe chain: 40,000 such ids (made in a second)
 * took 0.8 s to read instead of 0.02 s, and the cost grows with the square
 * of their number.  With a secret seed and the final mix, such ids cannot
 * be computed in advance.  Nothing depends on the hash values themselves
 * (no output follows the table's order), so runs stay reproducible.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "idmap.h"
#include "mem.h"

static uint32_t hash_seed;
static pthread_once_t seed_once = PTHREAD_ONCE_INIT;

static void pick_seed(void)
{
    uint32_t s = 0;
    if (getrandom(&s, sizeof(s), GRND_NONBLOCK) != (ssize_t)sizeof(s)) {
        /* No entropy yet (very early boot): still unknown to a file's author. */
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        s = (uint32_t)ts.tv_nsec ^ (uint32_t)ts.tv_sec * 2654435761u ^ (uint32_t)getpid() ^
            (uint32_t)(uintptr_t)&s;
    }
    hash_seed = s;
}

uint32_t vc_hash(const char *s, size_t len)
{
    /* FNV-1a (short ids dominate, and it is fast there) from a seeded
     * basis, then murmur3's finaliser so every output bit depends on all
     * of the state. */
    uint32_t h;
    pthread_once(&seed_once, pick_seed);
    h = 2166136261u ^ hash_seed;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    h ^= h >> 16;
    h *= 0x85ebca6bu;
    h ^= h >> 13;
    h *= 0xc2b2ae35u;
    h ^= h >> 16;
    return h;
}

void vc_idmap_release(struct vc_idmap *m)
{
    free(m->slots);
    m->slots = NULL;
    m->cap = m->count = 0;
}

/* Whether a stored key whose first 8 bytes match key's is key (len >= 8).
 * Ids are short: an inline loop beats a library call, and it stops at a
 * shorter stored id's NUL instead of reading past it. */
static int tail_equal(const char *stored, const char *key, size_t len)
{
    for (size_t i = sizeof(uint64_t); i < len; i++)
        if (stored[i] != key[i])
            return 0;
    return stored[len] == '\0';
}

size_t vc_idmap_find(const struct vc_idmap *m, const char *const *keys, const char *key,
                     size_t len, uint32_t hash)
{
    if (!m->cap)
        return SIZE_MAX;
    size_t mask = m->cap - 1;
    uint64_t head = vc_id_head(key, len);
    /* A slot holds the index, the hash and the key's first 8 bytes (zero
     * padded), so a lookup touches one slot per probe and, for keys of up to
     * 7 bytes, nothing else: keys hold no NUL, so a padded head matches only
     * the same short key.  Reading the pool's strings at random was the
     * largest cost of reading a big graph. */
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        const struct vc_idmap_slot *s = &m->slots[i];
        if (!s->index1)
            return SIZE_MAX;
        if (s->hash != hash || s->head != head)
            continue;
        if (len < sizeof(head) || tail_equal(keys[s->index1 - 1], key, len))
            return s->index1 - 1;
    }
}

static void place(struct vc_idmap_slot *slots, size_t mask, struct vc_idmap_slot s)
{
    size_t i = s.hash & mask;
    while (slots[i].index1)
        i = (i + 1) & mask;
    slots[i] = s;
}

static int rehash(struct vc_idmap *m, size_t ncap)
{
    struct vc_idmap_slot *slots = vc_calloc_huge(ncap, sizeof(*slots));
    if (!slots)
        return -1;
    for (size_t i = 0; i < m->cap; i++)
        if (m->slots[i].index1)
            place(slots, ncap - 1, m->slots[i]);
    free(m->slots);
    m->slots = slots;
    m->cap = ncap;
    return 0;
}

int vc_idmap_insert(struct vc_idmap *m, size_t index, const char *key, size_t len,
                    uint32_t hash)
{
    struct vc_idmap_slot s;
    /* Keep the load factor at or below 1/2. */
    if ((m->count + 1) * 2 > m->cap) {
        size_t ncap = m->cap ? m->cap * 2 : 64;
        if (ncap < m->cap || rehash(m, ncap) < 0)
            return -1;
    }
    s.index1 = (uint32_t)(index + 1);
    s.hash = hash;
    s.head = vc_id_head(key, len);
    place(m->slots, m->cap - 1, s);
    m->count++;
    return 0;
}
