/*
 * test_strpool.c - the string pool, and the cache that lets repeated short
 * values share one copy.
 */
#include "testutil.h"

#include "core/strpool.h"

static void repeats_share_a_copy(void **state)
{
    (void)state;
    struct vc_strpool p = { 0 };
    struct vc_strcache c;
    const char *a, *b, *d, *e, *f, *g;

    memset(&c, 0, sizeof(c));
    a = vc_strpool_dup_cached(&p, &c, "provides!", 8); /* len bytes, not the whole string */
    b = vc_strpool_dup_cached(&p, &c, "provides", 8);
    assert_string_equal(a, "provides");
    assert_ptr_equal(a, b);
    /* a prefix, a longer string and an empty one are other values */
    d = vc_strpool_dup_cached(&p, &c, "provide", 7);
    e = vc_strpool_dup_cached(&p, &c, "providess", 9);
    f = vc_strpool_dup_cached(&p, &c, "", 0);
    assert_string_equal(d, "provide");
    assert_string_equal(e, "providess");
    assert_string_equal(f, "");
    assert_true(d != a && e != a && f != a);
    assert_ptr_equal(vc_strpool_dup_cached(&p, &c, "", 0), f);
    /* longer than VC_STRCACHE_MAX_LEN: copied each time */
    char longer[VC_STRCACHE_MAX_LEN + 2];
    memset(longer, 'x', sizeof(longer) - 1);
    longer[sizeof(longer) - 1] = '\0';
    g = vc_strpool_dup_cached(&p, &c, longer, strlen(longer));
    assert_string_equal(g, longer);
    assert_true(vc_strpool_dup_cached(&p, &c, longer, strlen(longer)) != g);
    vc_strpool_release(&p);
}

/* Many distinct values: each read back intact whatever the slots they
 * shared, and a value seen again either shares a copy or is an equal one. */
static void many_values(void **state)
{
    (void)state;
    struct vc_strpool p = { 0 };
    struct vc_strcache c;
    const char *first[1000];
    char buf[32];
    size_t shared = 0;

    memset(&c, 0, sizeof(c));
    for (int i = 0; i < 1000; i++) {
        snprintf(buf, sizeof(buf), "v%d", i);
        first[i] = vc_strpool_dup_cached(&p, &c, buf, strlen(buf));
    }
    for (int i = 0; i < 1000; i++) {
        snprintf(buf, sizeof(buf), "v%d", i);
        assert_string_equal(first[i], buf);
        const char *again = vc_strpool_dup_cached(&p, &c, buf, strlen(buf));
        assert_string_equal(again, buf);
        shared += again == first[i];
    }
    /* 256 slots hold the last value of each: some of the first 1000 are
     * still there on the second pass, not all */
    assert_true(shared > 0 && shared < 1000);
    vc_strpool_release(&p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(repeats_share_a_copy),
        cmocka_unit_test(many_values),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
