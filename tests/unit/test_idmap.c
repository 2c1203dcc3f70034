/*
 * test_idmap.c - the id index stays fast on ids chosen to collide.
 *
 * 4096 ids are built so that plain (unseeded) FNV-1a gives each one the
 * same low 12 bits, which is what the index used to pick slots by: they all
 * fell on one or two probe chains, and reading n such ids cost n^2/2
 * probes.  With the seeded, finalised hash their probe distances must look
 * like those of ordinary ids.
 */
#include "testutil.h"

#include "core/idmap.h"

enum { N = 4096, BITS = 12 };

static uint32_t plain_fnv1a(const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

/* Writes into buf an id "c<i>_xyz" whose plain FNV-1a hash has its low BITS bits zero. */
static void colliding_id(int i, char *buf, size_t size)
{
    const uint32_t mask = (1u << BITS) - 1, p = 16777619u;
    int n = snprintf(buf, size, "c%d_", i);
    uint32_t h = plain_fnv1a(buf, (size_t)n);

    for (int a = 33; a < 127; a++)
        for (int b = 33; b < 127; b++)
            for (int c = 33; c < 127; c++) {
                uint32_t x = ((((h ^ (uint32_t)a) * p) ^ (uint32_t)b) * p ^ (uint32_t)c) * p;
                if ((x & mask) == 0) {
                    snprintf(buf + n, size - (size_t)n, "%c%c%c", a, b, c);
                    return;
                }
            }
    fail_msg("no colliding id for %d", i);
}

static size_t longest_probe(const struct vc_idmap *m)
{
    size_t mask = m->cap - 1, longest = 0;
    for (size_t i = 0; i < m->cap; i++) {
        const struct vc_idmap_slot *s = &m->slots[i];
        if (!s->index1)
            continue;
        size_t d = (i - (s->hash & mask)) & mask;
        if (d > longest)
            longest = d;
    }
    return longest;
}

static void crafted_ids_do_not_pile_up(void **state)
{
    static char ids[N][32];
    static const char *keys[N];
    struct vc_idmap m = { 0, 0, NULL };
    (void)state;

    for (int i = 0; i < N; i++) {
        colliding_id(i, ids[i], sizeof(ids[i]));
        keys[i] = ids[i];
        /* the attack premise: they do collide under the old hash */
        assert_int_equal(plain_fnv1a(ids[i], strlen(ids[i])) & ((1u << BITS) - 1), 0);
    }
    for (int i = 0; i < N; i++) {
        uint32_t h = vc_hash(ids[i], strlen(ids[i]));
        assert_int_equal(vc_idmap_find(&m, keys, ids[i], strlen(ids[i]), h), SIZE_MAX);
        assert_int_equal(vc_idmap_insert(&m, (size_t)i, ids[i], strlen(ids[i]), h), 0);
    }
    for (int i = 0; i < N; i++)
        assert_int_equal(vc_idmap_find(&m, keys, ids[i], strlen(ids[i]),
                                       vc_hash(ids[i], strlen(ids[i]))), (size_t)i);
    /* At load 1/2, ordinary ids give probe runs of a few dozen at most;
     * with the old hash this was about N/2. */
    size_t longest = longest_probe(&m);
    if (longest >= 100)
        print_error("longest probe distance %zu\n", longest);
    assert_true(longest < 100);
    vc_idmap_release(&m);
}

static void same_id_same_hash(void **state)
{
    (void)state;
    assert_int_equal(vc_hash("asml", 4), vc_hash("asml!", 4)); /* len bytes only */
    assert_true(vc_hash("asml", 4) != vc_hash("asmk", 4));
}

/* Keys that share a hash and some of their first 8 bytes (the part the
 * table keeps inline) are still told apart: shorter, equal and longer than
 * 8 bytes, and prefixes of each other. */
static void inline_heads_tell_keys_apart(void **state)
{
    static const char *const keys[] = { "n1", "n12", "n1234567", "n12345678", "n123456789",
                                        "n12345679", "n1234568", "", "lithography-euv",
                                        "lithography-duv" };
    enum { K = sizeof(keys) / sizeof(keys[0]) };
    struct vc_idmap m = { 0, 0, NULL };
    (void)state;

    /* One hash for all: every probe must be settled by the key itself. */
    for (size_t i = 0; i < K; i++) {
        assert_int_equal(vc_idmap_find(&m, keys, keys[i], strlen(keys[i]), 42), SIZE_MAX);
        assert_int_equal(vc_idmap_insert(&m, i, keys[i], strlen(keys[i]), 42), 0);
    }
    for (size_t i = 0; i < K; i++)
        assert_int_equal(vc_idmap_find(&m, keys, keys[i], strlen(keys[i]), 42), i);
    /* Absent keys next to present ones; len bytes count, not the NUL. */
    assert_int_equal(vc_idmap_find(&m, keys, "n123", 4, 42), SIZE_MAX);
    assert_int_equal(vc_idmap_find(&m, keys, "n1234567890", 11, 42), SIZE_MAX);
    assert_int_equal(vc_idmap_find(&m, keys, "lithography-", 12, 42), SIZE_MAX);
    assert_int_equal(vc_idmap_find(&m, keys, "n12345678xyz", 9, 42), 3);
    assert_int_equal(vc_idmap_find(&m, keys, "n12xyz", 3, 42), 1);
    vc_idmap_release(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(crafted_ids_do_not_pile_up),
        cmocka_unit_test(same_id_same_hash),
        cmocka_unit_test(inline_heads_tell_keys_apart),
    };
    return cmocka_run_group_tests_name("idmap", tests, NULL, NULL);
}
