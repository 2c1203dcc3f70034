/*
 * test_csv.c - the RFC 4180 reader: fields, quotes, line numbers, and one
 * test per refusal with its line:column.
 */
#include "testutil.h"

#include "core/csv.h"

static struct vc_csv r;
static struct vc_error err;
static FILE *f;

static void open_text(const char *text, size_t len)
{
    vc_error_clear(&err);
    f = fmemopen((void *)text, len, "r");
    assert_non_null(f);
    vc_csv_init(&r, f, "t.csv");
}

#define OPEN(lit) open_text(lit, sizeof(lit) - 1)

static void close_text(void)
{
    vc_csv_release(&r);
    fclose(f);
}

/* Reads the next record and checks it has n fields starting at line. */
static void expect_record(size_t n, long line)
{
    bool got = false;
    enum vc_status st = vc_csv_next(&r, &got, &err);
    if (st != VC_OK)
        print_error("unexpected error at %ld:%ld: %s\n", err.line, err.col, err.msg);
    assert_int_equal(st, VC_OK);
    assert_true(got);
    assert_int_equal(r.n_fields, n);
    assert_int_equal(r.line, line);
}

static void expect_end(void)
{
    bool got = true;
    assert_int_equal(vc_csv_next(&r, &got, &err), VC_OK);
    assert_false(got);
}

static void expect_error(enum vc_status st, long line, long col, const char *needle)
{
    bool got;
    enum vc_status s;
    do
        s = vc_csv_next(&r, &got, &err);
    while (s == VC_OK && got);
    if (s != st || err.line != line || err.col != col || !strstr(err.msg, needle))
        print_error("got status %d at %ld:%ld: %s\n", s, err.line, err.col, err.msg);
    assert_int_equal(s, st);
    assert_int_equal(err.line, line);
    assert_int_equal(err.col, col);
    assert_non_null(strstr(err.msg, needle));
    assert_string_equal(err.path, "t.csv");
}

#define FIELD(i) vc_csv_get(&r, (i), NULL)

static void plain_and_quoted(void **state)
{
    (void)state;
    OPEN("id,name,note\n"
         "N1,\"Tools, lithography\",\"12\"\" wafers\"\n"
         "N2,\"two\nlines\",\n"
         "N3,,\"\"\n"
         "N4,12\" wafers,x");
    expect_record(3, 1);
    assert_string_equal(FIELD(0), "id");
    assert_int_equal(vc_csv_find(&r, "NAME"), 1);
    assert_int_equal(vc_csv_find(&r, " note "), 2);
    assert_int_equal(vc_csv_find(&r, "share"), -1);
    expect_record(3, 2);
    assert_string_equal(FIELD(1), "Tools, lithography");
    assert_string_equal(FIELD(2), "12\" wafers");
    expect_record(3, 3);
    assert_string_equal(FIELD(1), "two\nlines");
    assert_string_equal(FIELD(2), "");
    expect_record(3, 5); /* the embedded line break counts */
    assert_string_equal(FIELD(1), "");
    assert_string_equal(FIELD(2), "");
    expect_record(3, 6);
    assert_string_equal(FIELD(1), "12\" wafers"); /* a bare quote inside a plain field */
    assert_string_equal(FIELD(2), "x");           /* no final line break */
    assert_string_equal(FIELD(7), "");            /* out of range: empty */
    expect_end();
    expect_end(); /* stays at the end */
    close_text();
}

static void line_endings_bom_blank_lines(void **state)
{
    (void)state;
    OPEN("\xEF\xBB\xBF" "a,b\r\n1,\"x\r\ny\"\r\n\r\n\n2,z\r3,w\r\n");
    expect_record(2, 1);
    assert_string_equal(FIELD(0), "a"); /* BOM skipped */
    expect_record(2, 2);
    assert_string_equal(FIELD(1), "x\r\ny"); /* kept byte for byte */
    expect_record(2, 6);                     /* two empty lines skipped */
    assert_string_equal(FIELD(1), "z");
    expect_record(2, 7); /* a lone CR ends a line too */
    assert_string_equal(FIELD(1), "w");
    expect_end();
    close_text();
}

static void empty_input(void **state)
{
    (void)state;
    OPEN("");
    expect_end();
    close_text();
    OPEN("\n\n");
    expect_end();
    close_text();
    OPEN("\xEF\xBB\xBF");
    expect_end();
    close_text();
}

static void unterminated_quote(void **state)
{
    (void)state;
    OPEN("a,b\n1,2\n3,\"never\nclosed,4\n5,6\n");
    expect_error(VC_EPARSE, 3, 3, "never closed");
    close_text();
}

static void junk_after_closing_quote(void **state)
{
    (void)state;
    OPEN("a,b\n1,\"x\"y\n");
    expect_error(VC_EPARSE, 2, 6, "unexpected 'y' after the closing quote");
    assert_non_null(strstr(err.msg, "line 2, column 3"));
    close_text();
}

static void ragged_rows(void **state)
{
    (void)state;
    OPEN("a,b,c\n1,2,3\n4,5\n");
    expect_error(VC_EPARSE, 3, 0, "record has 2 fields; the header has 3");
    close_text();
    OPEN("a,b\n1,2,3\n");
    r.check_width = false;
    expect_record(2, 1);
    expect_record(3, 2);
    expect_end();
    close_text();
}

static void invalid_utf8(void **state)
{
    (void)state;
    OPEN("a,b\n1,caf\xC3\xA9\n2,\"x \xD2quoted\xD3\"\n");
    expect_error(VC_EPARSE, 3, 6, "not valid UTF-8 (byte 0xD2)");
    close_text();
    /* overlong encoding of '/' */
    OPEN("a\n\xC0\xAF\n");
    expect_error(VC_EPARSE, 2, 1, "byte 0xC0");
    close_text();
    /* a surrogate (U+D800) */
    OPEN("a\nx\xED\xA0\x80\n");
    expect_error(VC_EPARSE, 2, 2, "byte 0xED");
    close_text();
    /* cut short by the end of the file */
    OPEN("a\nok\xE2\x80");
    expect_error(VC_EPARSE, 2, 3, "cut short");
    close_text();
    OPEN("a\nx\0y\n");
    expect_error(VC_EPARSE, 2, 2, "NUL byte");
    close_text();
}

static void legacy_charsets(void **state)
{
    (void)state;
    static const char mac[] = "a,b\n1,\xD2" "5 nm\xD3 \xD1 caf\xC3\xA9 na\x8Fve\n";
    static const char win[] = "a\n\x93quoted\x94 \x96 M\xFCller \x81\n";
    struct vc_csv_scan sc;

    f = fmemopen((void *)mac, sizeof(mac) - 1, "r");
    assert_int_equal(vc_csv_scan(f, "t.csv", &sc, &err), VC_OK);
    assert_int_equal(sc.bad_bytes, 4);
    assert_int_equal(sc.first_line, 2);
    assert_int_equal(sc.first_col, 3);
    assert_int_equal(sc.first_byte, 0xD2);
    assert_int_equal(sc.guess, VC_CSV_MAC_ROMAN);
    rewind(f);
    vc_error_clear(&err);
    vc_csv_init(&r, f, "t.csv");
    r.charset = sc.guess;
    expect_record(2, 1);
    expect_record(2, 2);
    /* curly quotes, em dash and e-grave from Mac OS Roman; valid UTF-8 kept */
    assert_string_equal(FIELD(1), "\xE2\x80\x9C" "5 nm\xE2\x80\x9D \xE2\x80\x94 caf\xC3\xA9 "
                                  "na\xC3\xA8ve");
    assert_int_equal(r.converted, 4);
    expect_end();
    close_text();

    f = fmemopen((void *)win, sizeof(win) - 1, "r");
    assert_int_equal(vc_csv_scan(f, "t.csv", &sc, &err), VC_OK);
    assert_int_equal(sc.bad_bytes, 5);
    assert_int_equal(sc.guess, VC_CSV_WINDOWS_1252);
    rewind(f);
    vc_csv_init(&r, f, "t.csv");
    r.charset = sc.guess;
    expect_record(1, 1);
    expect_record(1, 2);
    /* 0x81 is unassigned in Windows-1252: U+FFFD */
    assert_string_equal(FIELD(0), "\xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x80\x93 M\xC3\xBCller "
                                  "\xEF\xBF\xBD");
    expect_end();
    close_text();

    /* valid UTF-8: no guess */
    f = fmemopen((void *)"a\ncaf\xC3\xA9\n", 9, "r");
    assert_int_equal(vc_csv_scan(f, "t.csv", &sc, &err), VC_OK);
    assert_int_equal(sc.bad_bytes, 0);
    assert_int_equal(sc.guess, VC_CSV_UTF8);
    fclose(f);
}

static void utf8_sequences(void **state)
{
    (void)state;
    assert_int_equal(vc_utf8_seq((const unsigned char *)"a", 1), 1);
    assert_int_equal(vc_utf8_seq((const unsigned char *)"\xC3\xA9", 2), 2);
    assert_int_equal(vc_utf8_seq((const unsigned char *)"\xC3\xA9", 1), 0);
    assert_int_equal(vc_utf8_seq((const unsigned char *)"\xE2\x82\xAC", 3), 3);
    assert_int_equal(vc_utf8_seq((const unsigned char *)"\xF0\x9F\x98\x80", 4), 4);
    assert_int_equal(vc_utf8_seq((const unsigned char *)"\xF4\x90\x80\x80", 4), 0);
    assert_int_equal(vc_utf8_seq((const unsigned char *)"\xE0\x80\xAF", 3), 0);
    assert_int_equal(vc_utf8_seq((const unsigned char *)"\x80", 1), 0);
    assert_int_equal(vc_utf8_seq((const unsigned char *)"\xFF", 1), 0);
}

static void field_limit(void **state)
{
    (void)state;
    size_t n = VC_CSV_FIELD_MAX + 16;
    char *big = malloc(n + 8);
    assert_non_null(big);
    memcpy(big, "a\n\"", 3);
    memset(big + 3, 'x', n);
    open_text(big, n + 3);
    expect_error(VC_ENOMEM, 2, 1, "longer than");
    assert_non_null(strstr(err.msg, "never closed"));
    close_text();
    free(big);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(plain_and_quoted),
        cmocka_unit_test(line_endings_bom_blank_lines),
        cmocka_unit_test(empty_input),
        cmocka_unit_test(unterminated_quote),
        cmocka_unit_test(junk_after_closing_quote),
        cmocka_unit_test(ragged_rows),
        cmocka_unit_test(invalid_utf8),
        cmocka_unit_test(legacy_charsets),
        cmocka_unit_test(utf8_sequences),
        cmocka_unit_test(field_limit),
    };
    return cmocka_run_group_tests_name("csv", tests, NULL, NULL);
}
