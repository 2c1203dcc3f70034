/*
 * test_textout.c - the escaping rules of the text formats: the visible
 * escape of control characters for terminals and text tables (issue 14,
 * point 1), TSV and Markdown cells, JSON strings.
 */
#include "testutil.h"

#include "vchain/textout.h"

/* What f writes for s, in buf. */
static const char *written(void (*f)(FILE *, const char *), const char *s, char *buf,
                           size_t size)
{
    FILE *out;
    memset(buf, 0, size);
    out = fmemopen(buf, size, "w");
    assert_non_null(out);
    f(out, s);
    fclose(out);
    return buf;
}

static void json_string(FILE *out, const char *s)
{
    vc_json_string(out, s);
}

static void term_escapes(void **state)
{
    (void)state;
    static const struct { const char *in, *out; } cases[] = {
        { "plain ASCII, \\ and \"quotes\"", "plain ASCII, \\ and \"quotes\"" },
        { "a\nb\rc\td", "a\\nb\\rc\\td" },
        { "\033[31mred", "\\x1b[31mred" },
        { "nul\001del\177", "nul\\x01del\\x7f" },
        /* C1 controls, U+0080..U+009F: CSI (U+009B) and NEL (U+0085) */
        { "I_GH\nvchain: error: forged line\302\23331m", "I_GH\\nvchain: error: forged line\\u009b31m" },
        { "\302\205\302\200\302\237", "\\u0085\\u0080\\u009f" },
        /* U+00A0 and every other character outside the controls stay */
        { "\302\240caf\303\251 \342\202\254 \360\237\230\200", "\302\240caf\303\251 \342\202\254 \360\237\230\200" },
        /* bytes that are not UTF-8: Latin-1, a lone continuation, overlong, surrogate, too big */
        { "caf\351", "caf\\xe9" },
        { "\233x", "\\x9bx" },
        { "\300\200", "\\xc0\\x80" },
        { "\355\240\200", "\\xed\\xa0\\x80" },
        { "\364\220\200\200", "\\xf4\\x90\\x80\\x80" },
        { "\342\202", "\\xe2\\x82" }, /* cut short at the end */
        { "", "" },
    };
    char buf[256], small[12];

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        assert_string_equal(written(vc_term_text, cases[i].in, buf, sizeof(buf)), cases[i].out);
        assert_int_equal(vc_term_escape(NULL, 0, cases[i].in), strlen(cases[i].out));
        assert_int_equal(vc_term_escape(buf, sizeof(buf), cases[i].in), strlen(cases[i].out));
        assert_string_equal(buf, cases[i].out);
        /* TSV fields escape the same way (a tab never splits a field) */
        assert_string_equal(written(vc_tsv_field, cases[i].in, buf, sizeof(buf)), cases[i].out);
    }
    /* a buffer too small keeps whole escapes only */
    assert_int_equal(vc_term_escape(small, sizeof(small), "abcdefgh\033xyz"), 15);
    assert_string_equal(small, "abcdefgh");
    assert_int_equal(vc_term_escape(small, sizeof(small), "abcdefg\033"), 11);
    assert_string_equal(small, "abcdefg\\x1b");
    assert_int_equal(vc_term_escape(small, 1, "abc"), 3);
    assert_string_equal(small, "");
    /* NULL is nothing */
    assert_string_equal(written(vc_term_text, NULL, buf, sizeof(buf)), "");
}

static void table_cells(void **state)
{
    (void)state;
    char buf[256];
    assert_string_equal(written(vc_md_field, "a|b\n\033c", buf, sizeof(buf)), "a\\|b\\n\\x1bc");
    assert_string_equal(written(vc_md_field, "||", buf, sizeof(buf)), "\\|\\|");
    /* JSON: every control in JSON's own escape, DEL and C1 included; the
     * text survives exactly (a JSON parser gives back the same string) */
    assert_string_equal(written(json_string, "a\"\\\n\t\033\177\302\233\302\240", buf, sizeof(buf)),
                        "\"a\\\"\\\\\\n\\t\\u001b\\u007f\\u009b\302\240\"");
}

static void csv_cell(FILE *out, const char *s)
{
    vc_csv_cell(out, s, ',', 0);
}

static void csv_raw(FILE *out, const char *s)
{
    vc_csv_cell(out, s, ',', 1);
}

/* Formula injection (issue 14, point 2): what a spreadsheet would run. */
static void csv_formulas(void **state)
{
    (void)state;
    static const char *const formulas[] = {
        "=1+1", "=HYPERLINK(\"http://x\",\"click\")", "+cmd|' /C calc'!A0", "@SUM(A1)",
        "-2+3", "-", "+", "\t=1", "\rx", "-e5", "-1e", "+1.2.3",
    };
    static const char *const plain[] = {
        "", "x", "1+1", "x=1", " =1", "'=1", "-5", "+2", "-0.5", "-.5", "+3.", "-1e-3", "1E+20",
        "-12.5e3",
    };
    char buf[256];

    for (size_t i = 0; i < sizeof(formulas) / sizeof(formulas[0]); i++)
        assert_true(vc_csv_formula(formulas[i]));
    for (size_t i = 0; i < sizeof(plain) / sizeof(plain[0]); i++)
        assert_false(vc_csv_formula(plain[i]));
    assert_false(vc_csv_formula(NULL));
    assert_string_equal(written(csv_cell, "=1+1", buf, sizeof(buf)), "'=1+1");
    assert_string_equal(written(csv_cell, "-5", buf, sizeof(buf)), "-5");
    assert_string_equal(written(csv_cell, "=SUM(A1,B1)", buf, sizeof(buf)), "\"'=SUM(A1,B1)\"");
    /* a tab first is escaped after the ', so the cell stays one visible cell */
    assert_string_equal(written(csv_cell, "\t=1\n\"x\"", buf, sizeof(buf)), "\"'\\t=1\\n\"\"x\"\"\"");
    assert_string_equal(written(csv_raw, "=1+1", buf, sizeof(buf)), "=1+1");
    assert_string_equal(written(csv_raw, "a\nb", buf, sizeof(buf)), "\"a\nb\"");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(term_escapes),
        cmocka_unit_test(table_cells),
        cmocka_unit_test(csv_formulas),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
