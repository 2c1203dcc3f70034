/*
 * test_report.c - the HTML/SVG report (src/report/) on chains whose
 * numbers are worked out by hand (docs/model.md's worked example): the page
 * parses as XML, each chart shows the right names in the right order, the
 * tables hold the numbers, colours are the GEXF export's, text is escaped,
 * bytes repeat, big chains are thinned, names do not overlap.
 */
#include "enginetest.h"

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "report/draw.h"
#include "vchain/cluster.h"
#include "vchain/compare.h"
#include "vchain/layout.h"
#include "vchain/opportunity.h"
#include "vchain/report.h"

static const struct vc_engine_opts defaults = VC_ENGINE_OPTS_INIT;

#define SVG_NS "http://www.w3.org/2000/svg"

/* ---- helpers ---- */

enum page { PAGE_HTML, PAGE_SVG };

/* The report of the analysis, in a malloc'd string. */
static char *render(const struct vc_analysis *a, const struct vc_report_opts *o, enum page p,
                    size_t *len)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    struct vc_error err = VC_ERROR_INIT;
    enum vc_status st;
    assert_non_null(f);
    st = p == PAGE_HTML ? vc_report_html(&et.g, a, o, f, &err)
                        : vc_report_svg(&et.g, a, o, f, &err);
    if (st != VC_OK)
        fail_msg("report: %s", err.msg);
    assert_int_equal(fclose(f), 0);
    if (len)
        *len = size;
    return buf;
}

/* Parsed as XML (the page is XHTML-compatible), or the test fails. */
static xmlDocPtr parse(const char *buf)
{
    xmlDocPtr doc = xmlReadMemory(buf, (int)strlen(buf), "report.html", NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!doc)
        fail_msg("the report is not well-formed XML");
    return doc;
}

static xmlXPathObjectPtr query(xmlDocPtr doc, const char *expr)
{
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    xmlXPathObjectPtr r;
    assert_non_null(ctx);
    assert_int_equal(xmlXPathRegisterNs(ctx, BAD_CAST "s", BAD_CAST SVG_NS), 0);
    r = xmlXPathEvalExpression(BAD_CAST expr, ctx);
    xmlXPathFreeContext(ctx);
    if (!r)
        fail_msg("bad XPath %s", expr);
    return r;
}

static int count(xmlDocPtr doc, const char *expr)
{
    xmlXPathObjectPtr r = query(doc, expr);
    int n = r->nodesetval ? r->nodesetval->nodeNr : 0;
    xmlXPathFreeObject(r);
    return n;
}

/* The text of the i-th node expr selects (malloc'd), or NULL. */
static char *nth(xmlDocPtr doc, const char *expr, int i)
{
    xmlXPathObjectPtr r = query(doc, expr);
    char *s = NULL;
    if (r->nodesetval && i < r->nodesetval->nodeNr) {
        xmlChar *c = xmlNodeGetContent(r->nodesetval->nodeTab[i]);
        s = strdup((const char *)c);
        xmlFree(c);
    }
    xmlXPathFreeObject(r);
    return s;
}

static void expect_nth(xmlDocPtr doc, const char *expr, int i, const char *want)
{
    char *got = nth(doc, expr, i);
    if (!got || strcmp(got, want) != 0)
        fail_msg("%s [%d]: got \"%s\", expected \"%s\"", expr, i, got ? got : "(none)", want);
    free(got);
}

/* Scores the chain built in et, writes its columns and a layered layout. */
static void analyse(const struct vc_engine_opts *o, struct vc_analysis *a, bool layout)
{
    struct vc_error err = VC_ERROR_INIT;
    RUN(o, a);
    assert_int_equal(vc_analysis_annotate(a, &et.g, &err), VC_OK);
    if (layout)
        assert_int_equal(vc_layout_compute(&et.g, VC_LAYOUT_LAYERED, NULL, &err), VC_OK);
}

/*
 * docs/model.md's worked example: F needs A and B, B needs C; a1 60 % and
 * a2 40 % of A, b1 all of B, c1 all of C.  Control points a1, a2, b1, c1;
 * impacts b1 = c1 = 1, a1 0.6, a2 0.4; HHI(A) 0.52, N_eff 1.92.
 */
static void worked_example_graph(void)
{
    ITEM("F", 1, NAN);
    ITEM("A", 0, NAN);
    ITEM("B", 0, NAN);
    ITEM("C", 0, NAN);
    FIRM("a1", "USA");
    FIRM("a2", "JPN");
    FIRM("b1", "NLD");
    FIRM("c1", "DEU");
    INPUT("A", "F");
    INPUT("B", "F");
    INPUT("C", "B");
    PROV("a1", "A", 0.6);
    PROV("a2", "A", 0.4);
    PROV("b1", "B", 1.0);
    PROV("c1", "C", 1.0);
    BUILD();
}

#define NBSP "\xC2\xA0"
#define MIDDOT "\xC2\xB7"

/* ---- tests ---- */

static void holders_items_and_numbers(void **state)
{
    struct vc_analysis a;
    struct vc_report_opts o = VC_REPORT_OPTS_INIT;
    xmlDocPtr doc;
    char *html;
    (void)state;
    worked_example_graph();
    analyse(&defaults, &a, true);
    o.title = "data/worked-example.graphml";
    o.date = "2026-01-02";
    o.params = "level firm";
    html = render(&a, &o, PAGE_HTML, NULL);
    doc = parse(html);

    /* header: the input's base name, the full input, date, version, parameters */
    expect_nth(doc, "//h1", 0, "Control points in worked-example.graphml");
    expect_nth(doc, "//header/p", 0,
               "Input: data/worked-example.graphml " MIDDOT " 2026-01-02 " MIDDOT
               " vchain " VC_VERSION_STRING " " MIDDOT " level firm");
    /* no script, nothing fetched */
    assert_int_equal(count(doc, "//script | //*[@src] | //*[@href] | //link"), 0);
    /* a sentence says what each chart means */
    assert_int_equal(count(doc, "//figure[not(preceding-sibling::p)]"), 0);

    /* holders by impact: b1 and c1 (1, by name), a1 0.6, a2 0.4 */
    const char *bars = "//section[h2='Who holds the control points']//s:text";
    expect_nth(doc, bars, 0, "b1 (NLD)");
    expect_nth(doc, bars, 1, "100.0" NBSP "% " MIDDOT " 100.0" NBSP "% of B");
    expect_nth(doc, bars, 2, "c1 (DEU)");
    expect_nth(doc, bars, 4, "a1 (USA)");
    expect_nth(doc, bars, 5, "60.0" NBSP "% " MIDDOT " 60.0" NBSP "% of A");
    expect_nth(doc, bars, 6, "a2 (JPN)");
    expect_nth(doc, bars, 7, "40.0" NBSP "% " MIDDOT " 40.0" NBSP "% of A");
    /* bar lengths in proportion to impact (span 300 units) */
    expect_nth(doc, "//section[h2='Who holds the control points']//s:rect/@width", 0, "300.0");
    expect_nth(doc, "//section[h2='Who holds the control points']//s:rect/@width", 2, "180.0");

    /* items: A, B, C (impact 1 each, in node order); A's HHI and N_eff */
    const char *items = "//section[h2='The items behind them']//s:text[@text-anchor='end']";
    expect_nth(doc, items, 0, "A");
    expect_nth(doc, items, 1, "HHI 0.52 " MIDDOT " N_eff 1.9");
    expect_nth(doc, items, 2, "B");
    expect_nth(doc, items, 4, "C");
    /* A's bar: a1 then a2, 60 % and 40 % of 650 units */
    expect_nth(doc, "//section[h2='The items behind them']//s:rect/@width", 0, "390.0");
    expect_nth(doc, "//section[h2='The items behind them']//s:rect/@width", 1, "260.0");

    /* the numbers: four control points, every holder, every segment */
    const char *sec = "//section[h2='The numbers']";
    char expr[256];
    snprintf(expr, sizeof(expr), "%s/table[1]/tbody/tr", sec);
    assert_int_equal(count(doc, expr), 4);
    snprintf(expr, sizeof(expr), "%s/table[2]/tbody/tr", sec);
    assert_int_equal(count(doc, expr), 4);
    snprintf(expr, sizeof(expr), "%s/table[2]/tbody/tr[1]/td", sec);
    expect_nth(doc, expr, 0, "b1");
    expect_nth(doc, expr, 1, "NLD");
    expect_nth(doc, expr, 2, "1");
    expect_nth(doc, expr, 3, "100.0" NBSP "%");
    expect_nth(doc, expr, 4, "B");
    snprintf(expr, sizeof(expr), "%s/table[3]/tbody/tr", sec);
    assert_int_equal(count(doc, expr), 4); /* a1, a2 for A; b1; c1 */
    snprintf(expr, sizeof(expr), "%s/table[3]/tbody/tr[1]/td", sec);
    expect_nth(doc, expr, 0, "A");
    expect_nth(doc, expr, 1, "0.520");
    expect_nth(doc, expr, 2, "1.92");
    expect_nth(doc, expr, 3, "a1");
    expect_nth(doc, expr, 5, "60.0" NBSP "%");
    expect_nth(doc, expr, 6, "yes");

    /* the chain: every node drawn and named (8 < top) */
    assert_int_equal(count(doc, "//section[h2='The chain']//s:circle"), 8);
    assert_int_equal(count(doc, "//section[h2='The chain']//s:text"), 8);
    xmlFreeDoc(doc);
    free(html);
    vc_analysis_release(&a);
}

static double circle_x(xmlDocPtr doc, const char *label)
{
    char expr[128], *s;
    double x;
    snprintf(expr, sizeof(expr), "//s:circle[s:title='%s']/@cx", label);
    s = nth(doc, expr, 0);
    if (!s)
        fail_msg("no circle for %s", label);
    x = strtod(s, NULL);
    free(s);
    return x;
}

static void chain_flows_left_to_right(void **state)
{
    struct vc_analysis a;
    xmlDocPtr doc;
    char *svg;
    (void)state;
    worked_example_graph();
    analyse(&defaults, &a, true);
    svg = render(&a, NULL, PAGE_SVG, NULL);
    doc = parse(svg);
    /* a standalone SVG document */
    assert_string_equal((const char *)xmlDocGetRootElement(doc)->name, "svg");
    assert_string_equal((const char *)xmlDocGetRootElement(doc)->ns->href, SVG_NS);
    assert_true(circle_x(doc, "c1") < circle_x(doc, "C"));
    assert_true(circle_x(doc, "C") < circle_x(doc, "B"));
    assert_true(circle_x(doc, "B") < circle_x(doc, "F"));
    assert_true(circle_x(doc, "a1") < circle_x(doc, "A"));
    /* one curve per edge */
    assert_int_equal(count(doc, "//s:path"), 7);
    xmlFreeDoc(doc);
    free(svg);
    vc_analysis_release(&a);

    /* without a layout, trophic levels place the nodes the same way */
    et_teardown(NULL);
    et_setup(NULL);
    worked_example_graph();
    analyse(&defaults, &a, false);
    svg = render(&a, NULL, PAGE_SVG, NULL);
    doc = parse(svg);
    assert_int_equal(count(doc, "//s:circle"), 8);
    assert_true(circle_x(doc, "c1") < circle_x(doc, "C"));
    assert_true(circle_x(doc, "B") < circle_x(doc, "F"));
    xmlFreeDoc(doc);
    free(svg);
    vc_analysis_release(&a);
}

/* The report's fills are the colours the GEXF export gives the same nodes. */
static void colours_are_the_gexf_export_colours(void **state)
{
    static const char *const nodes[] = { "a1", "b1", "F", "A" };
    struct vc_export_opts eo = VC_EXPORT_OPTS_INIT;
    struct vc_error err = VC_ERROR_INIT;
    struct vc_analysis a;
    xmlDocPtr doc, gexf;
    char *svg, *gx = NULL;
    size_t size = 0;
    FILE *f;
    (void)state;
    worked_example_graph();
    analyse(&defaults, &a, true);
    svg = render(&a, NULL, PAGE_SVG, NULL);
    doc = parse(svg);
    f = open_memstream(&gx, &size);
    assert_non_null(f);
    assert_int_equal(vc_gexf_write(&et.g, &eo, f, &err), VC_OK);
    assert_int_equal(fclose(f), 0);
    gexf = parse(gx);
    for (size_t i = 0; i < sizeof(nodes) / sizeof(nodes[0]); i++) {
        char expr[160], want[8], *fill;
        int rgb[3];
        for (int c = 0; c < 3; c++) {
            char *v;
            snprintf(expr, sizeof(expr),
                     "//*[local-name()='node'][@id='%s']/*[local-name()='color']/@%c",
                     nodes[i], "rgb"[c]);
            v = nth(gexf, expr, 0);
            assert_non_null(v);
            rgb[c] = atoi(v);
            free(v);
        }
        snprintf(want, sizeof(want), "#%02X%02X%02X", rgb[0], rgb[1], rgb[2]);
        snprintf(expr, sizeof(expr), "//s:circle[s:title='%s']/@fill", nodes[i]);
        fill = nth(doc, expr, 0);
        assert_non_null(fill);
        assert_string_equal(fill, want);
        free(fill);
    }
    /* and control points are vermillion */
    expect_nth(doc, "//s:circle[s:title='a1']/@fill", 0, "#D55E00");
    xmlFreeDoc(gexf);
    xmlFreeDoc(doc);
    free(gx);
    free(svg);
    vc_analysis_release(&a);
}

static void text_is_escaped(void **state)
{
    static const char *const nasty = "a<b>&\"c\"</b>";
    struct vc_analysis a;
    struct vc_report_opts o = VC_REPORT_OPTS_INIT;
    xmlDocPtr doc;
    char *html;
    (void)state;
    ITEM("F", 1, NAN);
    FIRM(nasty, "USA");
    PROV(nasty, "F", 1.0);
    BUILD();
    analyse(&defaults, &a, true);
    o.title = "<script>&amp;";
    o.date = "&amp;";
    html = render(&a, &o, PAGE_HTML, NULL);
    assert_null(strstr(html, "<script"));
    assert_null(strstr(html, "<b>"));
    doc = parse(html);
    /* read back as the same text */
    expect_nth(doc, "//section[h2='The numbers']/table[1]/tbody/tr[1]/td", 0, nasty);
    expect_nth(doc, "//s:circle/s:title", 0, "F");
    expect_nth(doc, "//s:circle/s:title", 1, nasty);
    expect_nth(doc, "//title", 0, "Control points in <script>&amp;");
    xmlFreeDoc(doc);
    free(html);
    vc_analysis_release(&a);
}

static void same_input_same_bytes(void **state)
{
    struct vc_analysis a;
    struct vc_report_opts o = VC_REPORT_OPTS_INIT;
    struct vc_country_view v;
    struct vc_error err = VC_ERROR_INIT;
    char *x, *y;
    size_t nx, ny;
    (void)state;
    worked_example_graph();
    analyse(&defaults, &a, true);
    assert_int_equal(vc_country_view(&a, "NLD", &v, &err), VC_OK);
    o.country = &v;
    x = render(&a, &o, PAGE_HTML, &nx);
    y = render(&a, &o, PAGE_HTML, &ny);
    assert_int_equal(nx, ny);
    assert_memory_equal(x, y, nx);
    free(x);
    free(y);
    vc_country_view_release(&v);
    vc_analysis_release(&a);
}

static void country_section(void **state)
{
    static const char *codes[] = { "NLD", "DEU" };
    double m[4] = { NAN, 0.25, 0.1, NAN };
    struct vc_deps d;
    struct vc_analysis a;
    struct vc_report_opts o = VC_REPORT_OPTS_INIT;
    struct vc_country_view v;
    struct vc_error err = VC_ERROR_INIT;
    xmlDocPtr doc;
    char *html;
    (void)state;
    worked_example_graph();
    analyse(&defaults, &a, true);
    memset(&d, 0, sizeof(d));
    d.n = 2;
    d.codes = codes;
    d.m = m;
    assert_int_equal(vc_country_view(&a, "nl", &v, &err), VC_OK); /* alpha-2, any case */
    assert_string_equal(v.code, "NLD");
    o.country = &v;
    o.deps = &d;
    html = render(&a, &o, PAGE_HTML, NULL);
    doc = parse(html);
    const char *sec = "//section[h2='Netherlands: what it holds and what it depends on']";
    char expr[256];
    assert_int_equal(count(doc, sec), 1);
    /* holds b1 -> B; depends on c1 -> C (C is an input of B) */
    snprintf(expr, sizeof(expr), "%s/table[1]/tbody/tr/td[1]", sec);
    assert_int_equal(count(doc, expr), 1);
    expect_nth(doc, expr, 0, "b1");
    snprintf(expr, sizeof(expr), "%s/table[2]/tbody/tr/td", sec);
    expect_nth(doc, expr, 0, "c1");
    expect_nth(doc, expr, 2, "C");
    /* its row and column of M: M[NLD][DEU] 0.25, M[DEU][NLD] 0.1, leverage -0.15 */
    snprintf(expr, sizeof(expr), "%s/table[3]/tbody/tr/td", sec);
    expect_nth(doc, expr, 0, "DEU Germany");
    expect_nth(doc, expr, 1, "0.2500");
    expect_nth(doc, expr, 2, "0.1000");
    expect_nth(doc, expr, 3, "-0.1500");
    xmlFreeDoc(doc);
    free(html);
    vc_country_view_release(&v);

    /* a country without actors: said so, not an error */
    assert_int_equal(vc_country_view(&a, "FRA", &v, &err), VC_OK);
    assert_true(v.country == SIZE_MAX);
    assert_int_equal(v.n_own + v.n_deps, 0);
    html = render(&a, &o, PAGE_HTML, NULL);
    doc = parse(html);
    assert_int_equal(count(doc, "//section[h2='Country FRA']"), 1);
    xmlFreeDoc(doc);
    free(html);
    vc_country_view_release(&v);
    vc_analysis_release(&a);
}

/* What the country's control points stand on: b1's B rests on c1 (DEU),
 * the sole maker of C, which B needs: weaker than it looks. */
static void country_clusters(void **state)
{
    struct vc_analysis a;
    struct vc_report_opts o = VC_REPORT_OPTS_INIT;
    struct vc_country_view v;
    struct vc_clusters cl;
    struct vc_error err = VC_ERROR_INIT;
    const char *sec = "//section[h2='Netherlands: what it holds and what it depends on']";
    char expr[256];
    xmlDocPtr doc;
    char *html;
    (void)state;
    worked_example_graph();
    analyse(&defaults, &a, true);
    assert_int_equal(vc_country_view(&a, "NLD", &v, &err), VC_OK);
    assert_int_equal(vc_clusters_find(&a, &v, &cl, &err), VC_OK);
    o.country = &v;
    o.clusters = &cl;
    html = render(&a, &o, PAGE_HTML, NULL);
    doc = parse(html);
    /* the control points, then what they stand on */
    snprintf(expr, sizeof(expr), "%s/table[2]/tbody/tr/td", sec);
    expect_nth(doc, expr, 0, "b1");
    expect_nth(doc, expr, 1, "B");
    expect_nth(doc, expr, 2, "weaker than it looks");
    expect_nth(doc, expr, 3, "C: c1 (DEU) 100.0" NBSP "% \xE2\x9A\xA0");
    expect_nth(doc, expr, 4, "F: no provider in the data");
    expect_nth(doc, expr, 5, "weaker than it looks: c1 (DEU) alone can stop B");
    xmlFreeDoc(doc);
    free(html);
    vc_clusters_release(&cl);
    vc_country_view_release(&v);
    vc_analysis_release(&a);
}

/* vc_country_view on the worked example: B needs C, so the Netherlands
 * (b1, all of B) depends on Germany's c1 (all of C); Germany depends on
 * no one (C has no inputs); every name of a country finds it. */
static void country_view(void **state)
{
    static const char *names[] = { "NLD", "nl", "Netherlands", " nld" };
    struct vc_analysis a;
    struct vc_country_view v;
    struct vc_error err = VC_ERROR_INIT;
    const struct vc_provision_score *p;
    (void)state;
    worked_example_graph();
    analyse(&defaults, &a, false);
    for (size_t i = 0; i < 3; i++) {
        assert_int_equal(vc_country_view(&a, names[i], &v, &err), VC_OK);
        assert_string_equal(v.asked, names[i]);
        assert_true(v.country != SIZE_MAX);
        assert_string_equal(v.code, "NLD");
        assert_string_equal(a.countries[v.country].code, "NLD");
        assert_int_equal(v.n_own, 1);
        p = &a.provisions[v.own[0]];
        assert_string_equal(a.chain->label[p->actor], "b1");
        assert_string_equal(a.chain->label[p->item], "B");
        assert_int_equal(v.n_deps, 1);
        p = &a.provisions[v.deps[0].provision];
        assert_string_equal(a.chain->label[p->actor], "c1");
        assert_int_equal(v.deps[0].n_items, 1);
        assert_string_equal(a.chain->label[v.deps[0].example], "B");
        vc_country_view_release(&v);
    }
    assert_int_equal(vc_country_view(&a, names[3], &v, &err), VC_OK); /* not a code */
    assert_true(v.country == SIZE_MAX);
    vc_country_view_release(&v);
    assert_int_equal(vc_country_view(&a, "DEU", &v, &err), VC_OK);
    assert_int_equal(v.n_own, 1);
    assert_int_equal(v.n_deps, 0);
    vc_country_view_release(&v);
    vc_country_view_release(&v); /* safe twice */
    vc_analysis_release(&a);
}

/* Impacts that rest on estimated shares are marked.  F needs A and G; A: a1
 * 0.6, a2 0.4 (a pair: both control points); G: g1 0.5, a2 without a share
 * (estimated 0.5).  a2's impact is max(0.4, 0.5) = 0.5, 0.4 without the
 * estimate: it rests on it, and so does Japan's (a2 alone). */
static void estimated_marks(void **state)
{
    struct vc_analysis a;
    struct vc_report_opts o = VC_REPORT_OPTS_INIT;
    struct vc_country_view v;
    struct vc_error err = VC_ERROR_INIT;
    xmlDocPtr doc;
    char *html, *foot;
    (void)state;
    ITEM("F", 1, NAN);
    ITEM("A", 0, NAN);
    ITEM("G", 0, NAN);
    FIRM("a1", "USA");
    FIRM("a2", "JPN");
    FIRM("g1", "DEU");
    INPUT("A", "F");
    INPUT("G", "F");
    PROV("a1", "A", 0.6);
    PROV("a2", "A", 0.4);
    PROV("g1", "G", 0.5);
    PROV("a2", "G", NAN);
    BUILD();
    analyse(&defaults, &a, true);
    assert_true(a.impact_estimated[N("a2")]);
    assert_false(a.impact_estimated[N("a1")]);
    assert_int_equal(vc_country_view(&a, "JPN", &v, &err), VC_OK);
    o.country = &v;
    html = render(&a, &o, PAGE_HTML, NULL);
    doc = parse(html);
    const char *bars = "//section[h2='Who holds the control points']//s:text";
    expect_nth(doc, bars, 0, "a1 (USA)");
    expect_nth(doc, bars, 1, "60.0" NBSP "% " MIDDOT " 60.0" NBSP "% of A");
    expect_nth(doc, bars, 2, "a2 (JPN)");
    expect_nth(doc, bars, 3, "\xE2\x89\x88" NBSP "50.0" NBSP "% " MIDDOT " 40.0" NBSP "% of A");
    expect_nth(doc, "//section[h2='The numbers']/table[2]/tbody/tr[2]/td", 3,
               "\xE2\x89\x88" NBSP "50.0" NBSP "%");
    foot = nth(doc, "//footer", 0);
    assert_non_null(strstr(foot, "marks an impact that rests on estimated shares"));
    free(foot);
    foot = nth(doc, "//section[h2='Japan: what it holds and what it depends on']/p", 0);
    assert_non_null(strstr(foot, "50.0" NBSP "% of the value of final output, a figure that "
                                 "rests on estimated shares"));
    free(foot);
    xmlFreeDoc(doc);
    free(html);
    vc_country_view_release(&v);
    vc_analysis_release(&a);
}

/* What changed: one chain under two thresholds (share 0.7, pair above 1):
 * a1 and a2 stop being control points, b1 and c1 stay. */
static void compare_page(void **state)
{
    struct vc_analysis a, b;
    struct vc_engine_opts o = defaults;
    struct vc_comparison cmp;
    struct vc_error err = VC_ERROR_INIT;
    char *buf = NULL;
    size_t size = 0;
    FILE *f;
    xmlDocPtr doc;
    (void)state;
    worked_example_graph();
    RUN(&defaults, &a);
    o.theta_share = 0.7;
    o.theta_pair = 1.01;
    RUN(&o, &b);
    assert_int_equal(vc_compare(&a, &b, VC_ALIGN_ID, &cmp, &err), VC_OK);
    f = open_memstream(&buf, &size);
    assert_non_null(f);
    assert_int_equal(vc_report_compare_html(&cmp, "x/a.graphml", "y/b.graphml", NULL, f, &err),
                     VC_OK);
    assert_int_equal(fclose(f), 0);
    doc = parse(buf);
    expect_nth(doc, "//h1", 0, "What changed: a.graphml to b.graphml");
    expect_nth(doc, "//section[1]/p", 0,
               "0 gained, 2 lost, 2 kept. A control point that holds on both sides is firmer "
               "than one that appears in only one of them.");
    assert_int_equal(count(doc, "//section[1]/table/tbody/tr"), 2);
    expect_nth(doc, "//section[1]/table/tbody/tr[1]/td", 0, "lost");
    expect_nth(doc, "//section[1]/table/tbody/tr[1]/td", 1, "a1");
    expect_nth(doc, "//section[1]/table/tbody/tr[2]/td", 1, "a2");
    /* no share moved */
    assert_int_equal(count(doc, "//section[2]//s:circle"), 0);
    expect_nth(doc, "//section[2]/table/tbody/tr/td", 0, "none");
    xmlFreeDoc(doc);
    free(buf);
    vc_comparison_release(&cmp);
    vc_analysis_release(&a);
    vc_analysis_release(&b);
}

/* A market of 13 providers: the bar shows 10 and merges 3 into "others";
 * the table gives the same numbers, and the part not covered. */
static void crowded_market_bar(void **state)
{
    struct vc_analysis a;
    xmlDocPtr doc;
    char *html, id[16];
    (void)state;
    ITEM("X", 1, NAN);
    FIRM("f01", "USA");
    PROV("f01", "X", 0.5); /* a control point: half the market */
    for (int i = 2; i <= 13; i++) {
        snprintf(id, sizeof(id), "f%02d", i);
        FIRM(id, "JPN");
        PROV(id, "X", 0.03);
    }
    BUILD();
    analyse(&defaults, &a, true);
    html = render(&a, NULL, PAGE_HTML, NULL);
    doc = parse(html);
    /* 10 providers, the others, the part not covered */
    assert_int_equal(count(doc, "//section[h2='The items behind them']//s:rect"), 12);
    expect_nth(doc, "//section[h2='The items behind them']//s:rect/s:title", 0,
               "f01 50.0" NBSP "%");
    expect_nth(doc, "//section[h2='The items behind them']//s:rect/s:title", 10,
               "3 other providers 9.0" NBSP "%");
    expect_nth(doc, "//section[h2='The items behind them']//s:rect/s:title", 11,
               "not covered by the data");
    /* others: 3 x 3 % of 650 units */
    expect_nth(doc, "//section[h2='The items behind them']//s:rect/@width", 10, "58.5");
    const char *rows = "//section[h2='The numbers']/table[3]/tbody/tr";
    assert_int_equal(count(doc, rows), 12);
    expect_nth(doc, "//section[h2='The numbers']/table[3]/tbody/tr[11]/td", 3,
               "3 other providers");
    expect_nth(doc, "//section[h2='The numbers']/table[3]/tbody/tr[11]/td", 5, "9.0" NBSP "%");
    expect_nth(doc, "//section[h2='The numbers']/table[3]/tbody/tr[12]/td", 5, "14.0" NBSP "%");
    xmlFreeDoc(doc);
    free(html);
    vc_analysis_release(&a);
}

/*
 * The item bars name a segment where the name fits (measured: "TOWA" in 10
 * % of 650 units, 65 wide, needs 49.1 + 8), cut a long one that has room for
 * three letters and the ellipsis ("Applied Materials" in 78 units), and
 * leave the narrow
 * ones unnamed; the key has an entry for every colour drawn; chart text is
 * at least 16 units (8.3 pt on A4).
 */
static void item_bars_named_and_keyed(void **state)
{
    static const char *names[] = { "EBARA", "TOWA", "Applied Materials", "Ab" };
    static const double shares[] = { 0.55, 0.1, 0.12, 0.03 };
    const char *sec = "//section[h2='The items behind them']";
    struct vc_analysis a;
    char expr[256], *got;
    xmlDocPtr doc;
    xmlXPathObjectPtr r;
    char *html;
    (void)state;
    ITEM("X", 1, NAN);
    for (int i = 0; i < 4; i++) {
        FIRM(names[i], "JPN");
        PROV(names[i], "X", shares[i]);
    }
    BUILD();
    analyse(&defaults, &a, true);
    html = render(&a, NULL, PAGE_HTML, NULL);
    doc = parse(html);
    snprintf(expr, sizeof(expr), "%s//s:text[not(@text-anchor)]", sec);
    assert_int_equal(count(doc, expr), 3);
    expect_nth(doc, expr, 0, "EBARA");
    /* 12 % comes before 10 %: 78 units, 70 inside; "Applie" is 50.0 wide,
     * the ellipsis 16, "d" 10.2 more */
    expect_nth(doc, expr, 1, "Applie\xE2\x80\xA6");
    expect_nth(doc, expr, 2, "TOWA");
    /* every fill of the bars has its swatch in the key */
    snprintf(expr, sizeof(expr), "%s//s:rect/@fill", sec);
    r = query(doc, expr);
    assert_true(r->nodesetval && r->nodesetval->nodeNr == 5);
    for (int i = 0; i < r->nodesetval->nodeNr; i++) {
        xmlChar *fill = xmlNodeGetContent(r->nodesetval->nodeTab[i]);
        char key[256];
        snprintf(key, sizeof(key), "%s//figcaption/span[starts-with(@style, 'background:%s')]",
                 sec, (const char *)fill);
        if (count(doc, key) != 1)
            fail_msg("no key entry for %s", (const char *)fill);
        xmlFree(fill);
    }
    xmlXPathFreeObject(r);
    /* chart text: 16 units or more in every chart but the chain picture */
    r = query(doc, "//section[h2!='The chain']//s:g/@font-size");
    assert_true(r->nodesetval && r->nodesetval->nodeNr >= 2);
    for (int i = 0; i < r->nodesetval->nodeNr; i++) {
        xmlChar *size = xmlNodeGetContent(r->nodesetval->nodeTab[i]);
        assert_true(atof((const char *)size) >= 16);
        xmlFree(size);
    }
    xmlXPathFreeObject(r);
    assert_int_equal(count(doc, "//section[h2!='The chain']//s:text[@font-size]"), 0);
    got = nth(doc, "//section[h2='Who holds the control points']//s:text", 0);
    assert_string_equal(got, "EBARA (JPN)");
    free(got);
    xmlFreeDoc(doc);
    free(html);
    vc_analysis_release(&a);
}

struct label_box {
    double x0, y0, x1, y1;
};

/*
 * A big chain: 60 chains of 20 items each (item k of chain c an input of
 * item k + 1), a firm providing all of each chain's first item (a control
 * point), a final item fed by every chain's last.  1,261 items in 22
 * levels: more than the picture draws.
 */
static void big_chain_is_thinned(void **state)
{
    struct vc_analysis a;
    struct vc_report_opts o = VC_REPORT_OPTS_INIT;
    xmlDocPtr doc;
    char *html, id[48], prev[48];
    size_t len;
    int circles, named;
    (void)state;
    ITEM("end", 1, NAN);
    for (int c = 0; c < 60; c++) {
        for (int k = 0; k < 20; k++) {
            snprintf(id, sizeof(id), "item %d.%d with a rather long name", c, k);
            ITEM(id, 0, NAN);
            if (k)
                INPUT(prev, id);
            memcpy(prev, id, sizeof(id));
        }
        INPUT(prev, "end");
        snprintf(id, sizeof(id), "firm %d", c);
        FIRM(id, c == 59 ? "NLD" : "USA");
        snprintf(prev, sizeof(prev), "item %d.0 with a rather long name", c);
        PROV(id, prev, 1.0);
    }
    BUILD();
    analyse(&defaults, &a, true);
    o.top = 30;
    html = render(&a, &o, PAGE_HTML, &len);
    doc = parse(html);
    circles = count(doc, "//section[h2='The chain']//s:circle");
    named = count(doc, "//section[h2='The chain']//s:g[@font-size='16']/s:text");
    assert_int_equal(named, 30);
    /* at most 600 beyond the named; every control point (60 firms, 60 items) kept */
    assert_true(circles <= 600 + 30);
    assert_true(circles >= 600);
    assert_int_equal(count(doc, "//section[h2='The chain']//s:circle[@fill='#D55E00']"), 120);
    /* the left-out items counted, in the picture and in the text */
    assert_non_null(strstr(html, "Not drawn: "));
    assert_non_null(strstr(html, "To stay readable the picture draws"));
    /* each column keeps some of its items: 15 columns, as without thinning */
    {
        xmlXPathObjectPtr r = query(doc, "//section[h2='The chain']//s:circle/@cx");
        double xs[64];
        int n_x = 0;
        for (int i = 0; i < r->nodesetval->nodeNr; i++) {
            xmlChar *c = xmlNodeGetContent(r->nodesetval->nodeTab[i]);
            double x = strtod((const char *)c, NULL);
            int seen = 0;
            xmlFree(c);
            for (int j = 0; j < n_x; j++)
                seen |= fabs(xs[j] - x) < 0.05;
            if (!seen && n_x < 64)
                xs[n_x++] = x;
        }
        xmlXPathFreeObject(r);
        assert_int_equal(n_x, 15);
    }
    /* names clear of each other and inside the picture (measured) */
    {
        xmlXPathObjectPtr r =
            query(doc, "//section[h2='The chain']//s:g[@font-size='16']/s:text");
        struct label_box b[30];
        for (int i = 0; i < named; i++) {
            xmlNodePtr t = r->nodesetval->nodeTab[i];
            xmlChar *x = xmlGetProp(t, BAD_CAST "x"), *y = xmlGetProp(t, BAD_CAST "y");
            xmlChar *anchor = xmlGetProp(t, BAD_CAST "text-anchor"), *s = xmlNodeGetContent(t);
            double w = vc_text_width((const char *)s, 16), x0 = strtod((const char *)x, NULL);
            if (anchor)
                x0 -= w;
            if (x0 < 0 || x0 + w > 1000)
                fail_msg("name %d (%s) leaves the picture: %.1f to %.1f", i, (const char *)s,
                         x0, x0 + w);
            b[i] = (struct label_box){ x0, strtod((const char *)y, NULL) - 14, x0 + w,
                                       strtod((const char *)y, NULL) + 4 };
            xmlFree(x);
            xmlFree(y);
            xmlFree(anchor);
            xmlFree(s);
        }
        xmlXPathFreeObject(r);
        for (int i = 0; i < named; i++)
            for (int j = 0; j < i; j++)
                if (b[i].x0 < b[j].x1 - 0.05 && b[j].x0 < b[i].x1 - 0.05 &&
                    b[i].y0 < b[j].y1 - 0.05 && b[j].y0 < b[i].y1 - 0.05)
                    fail_msg("names %d and %d overlap", i, j);
    }
    xmlFreeDoc(doc);
    free(html);

    /* with --country NLD its control point (firm 59 in item 59.0), not
     * among the 30 most important, is named too */
    {
        struct vc_country_view v;
        struct vc_error err = VC_ERROR_INIT;
        const char *names = "//section[h2='The chain']//s:g[@font-size='16']/s:text";
        assert_int_equal(vc_country_view(&a, "NLD", &v, &err), VC_OK);
        o.country = &v;
        html = render(&a, &o, PAGE_HTML, NULL);
        doc = parse(html);
        assert_int_equal(count(doc, names), 32);
        assert_int_equal(count(doc, "//section[h2='The chain']//s:text[.='firm 59']"), 1);
        assert_int_equal(count(doc, "//section[h2='The chain']//s:text[.='item 59.0 with a "
                                    "rather long nam\xE2\x80\xA6']"), 1);
        assert_non_null(strstr(html, "and 2 more: the country's control points and their "
                                     "items"));
        xmlFreeDoc(doc);
        free(html);
        vc_country_view_release(&v);
    }
    vc_analysis_release(&a);
}

/*
 * Where Japan could build control points.  F needs A and D, D needs E.  A:
 * a1 (USA) 0.6, a2 (JPN) 0.25, a3 (KOR) 0.15; D: d1 (DEU) 0.8, d3 (USA)
 * 0.2; E: e1 (JPN) 1.0.  a2 matters (losing it costs 0.25 >= 0.1) but is
 * replaceable (with a1 it covers 0.85 < 0.9): a near miss, hard to replace
 * from 0.5.  D matters (alone it stops F) and d1 holds it hard to replace
 * abroad; Japan has no share but makes its input E: a foothold, where a
 * newcomer is hard to replace from 0.5 (S + 0.8 (1 - S) >= 0.9) and any
 * share matters; at 0.5, F loses 0.5.  The bars span 640 units for 100 %,
 * from x = 340.
 */
static void country_opportunities(void **state)
{
    struct vc_analysis a;
    struct vc_report_opts o = VC_REPORT_OPTS_INIT;
    struct vc_country_view v;
    struct vc_opportunities ops;
    struct vc_error err = VC_ERROR_INIT;
    const char *sec = "//section[h2='Japan: where it could build control points']";
    char expr[256], *html;
    xmlDocPtr doc;
    (void)state;

    ITEM("F", 1, NAN);
    ITEM("A", 0, NAN);
    ITEM("D", 0, NAN);
    ITEM("E", 0, NAN);
    FIRM("a1", "USA");
    FIRM("a2", "JPN");
    FIRM("a3", "KOR");
    FIRM("d1", "DEU");
    FIRM("d3", "USA");
    FIRM("e1", "JPN");
    INPUT("A", "F");
    INPUT("D", "F");
    INPUT("E", "D");
    PROV("a1", "A", 0.6);
    PROV("a2", "A", 0.25);
    PROV("a3", "A", 0.15);
    PROV("d1", "D", 0.8);
    PROV("d3", "D", 0.2);
    PROV("e1", "E", 1.0);
    BUILD();
    analyse(&defaults, &a, true);
    assert_int_equal(vc_country_view(&a, "JPN", &v, &err), VC_OK);
    assert_int_equal(vc_opportunities_find(&a, "JPN", NULL, &ops, &err), VC_OK);
    assert_int_equal(ops.n, 2);
    assert_int_equal(ops.n_near, 1);
    assert_int_equal(ops.v[1].kind, VC_OPP_FOOTHOLD_NEIGHBOUR);
    assert_double_near(ops.v[1].share_needed, 0.5, 1e-9);
    assert_double_near(ops.v[1].impact_needed, 0.5, 1e-9);
    o.country = &v;
    o.opportunities = &ops;
    html = render(&a, &o, PAGE_HTML, NULL);
    doc = parse(html);
    assert_int_equal(count(doc, sec), 1);
    /* per row: the market, the share held, the largest holder abroad, the mark */
    snprintf(expr, sizeof(expr), "%s//s:rect/@width", sec);
    assert_int_equal(count(doc, expr), 8);
    expect_nth(doc, expr, 0, "640.0");
    expect_nth(doc, expr, 1, "160.0"); /* a2: 0.25 */
    expect_nth(doc, expr, 2, "384.0"); /* a1: 0.6 */
    expect_nth(doc, expr, 5, "0.0");   /* none of D */
    expect_nth(doc, expr, 6, "512.0"); /* d1: 0.8 */
    snprintf(expr, sizeof(expr), "%s//s:rect/@x", sec);
    expect_nth(doc, expr, 3, "658.5"); /* 340 + 640 x 0.5, centred */
    expect_nth(doc, expr, 7, "658.5");
    snprintf(expr, sizeof(expr), "%s//s:rect/@fill", sec);
    expect_nth(doc, expr, 1, "#0072B2"); /* a near miss */
    expect_nth(doc, expr, 5, "#E69F00"); /* a foothold */
    expect_nth(doc, expr, 7, "#D55E00"); /* the control-point colour */
    snprintf(expr, sizeof(expr), "%s//s:text", sec);
    expect_nth(doc, expr, 0, "A");
    expect_nth(doc, expr, 1, "a2 " MIDDOT " near miss: share");
    expect_nth(doc, expr, 2, "25.0" NBSP "%, needs 50.0" NBSP "%; impact 25.0" NBSP
                             "% \xE2\x86\x92 50.0" NBSP "%; a1 60.0" NBSP "%");
    expect_nth(doc, expr, 3, "D");
    expect_nth(doc, expr, 4, "e1 " MIDDOT " foothold: neighbour");
    expect_nth(doc, expr, 5, "none, needs 50.0" NBSP "% (impact there 50.0" NBSP
                             "%); d1 80.0" NBSP "%");
    /* the key names every colour drawn */
    snprintf(expr, sizeof(expr), "%s//figcaption/span", sec);
    assert_int_equal(count(doc, expr), 5);
    /* the table: the figures and the largest providers */
    snprintf(expr, sizeof(expr), "%s/table/tbody/tr[1]/td", sec);
    expect_nth(doc, expr, 0, "near miss: share");
    expect_nth(doc, expr, 3, "25.0" NBSP "%");
    expect_nth(doc, expr, 4, "50.0" NBSP "%");
    expect_nth(doc, expr, 7, "a1 (USA) 60.0" NBSP "%, a2 (JPN) 25.0" NBSP "%, a3 (KOR) 15.0"
                             NBSP "%");
    /* extracting Japan stops E, so d3's 0.2 of D: M[USA][JPN] = 0.2 / (0.6 + 0.2);
     * at 0.5 of A, a1 keeps 0.6 x 0.5 / 0.75 = 0.4: 0.2 / 0.6.  Nothing
     * Japanese needs an American input: M[JPN][USA] = 0 */
    expect_nth(doc, expr, 8, "USA: 0.2500 \xE2\x86\x92 0.3333");
    snprintf(expr, sizeof(expr), "%s/table/tbody/tr[2]/td", sec);
    expect_nth(doc, expr, 1, "e1");
    expect_nth(doc, expr, 4, "50.0" NBSP "%");
    /* d1's D needs E before and after: M[DEU][JPN] = 1, M[JPN][DEU] = 0 */
    expect_nth(doc, expr, 8, "DEU: 1.0000 \xE2\x86\x92 1.0000");
    xmlFreeDoc(doc);
    free(html);
    vc_opportunities_release(&ops);
    vc_country_view_release(&v);
    vc_analysis_release(&a);
}

/* Labels are measured with DejaVu Sans's widths and cut to their room. */
static void text_is_measured(void **state)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *f;
    (void)state;
    /* E 632, B 686, A 684, R 695, A 684 thousandths of an em, at 16 units */
    assert_double_near(vc_text_width("EBARA", 16), 3381 * 0.016, 1e-9);
    assert_double_near(vc_text_width("TOWA", 10), (611 + 787 + 989 + 684) * 0.01, 1e-9);
    assert_double_near(vc_text_width("\xC3\xA9\xE6\x97\xA5", 1), 1.7, 1e-9); /* é, 日 */
    assert_non_null(f = open_memstream(&buf, &size));
    /* "Atomic la" is 75.184 wide at 16, "y" 9.472 more: with the ellipsis's
     * 16 only "Atomic la" fits in 100 */
    assert_true(vc_html_text_fit(f, "Atomic layer deposition tools", 16, 100));
    fputc('|', f);
    assert_false(vc_html_text_fit(f, "EBARA", 16, 54.1));
    fputc('|', f);
    /* a cut after a space drops it: "Atomic " (60.928) fits, "l" (4.448) not */
    assert_true(vc_html_text_fit(f, "Atomic layer", 16, 80));
    assert_int_equal(fclose(f), 0);
    assert_string_equal(buf, "Atomic la\xE2\x80\xA6|EBARA|Atomic\xE2\x80\xA6");
    free(buf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(holders_items_and_numbers, et_setup, et_teardown),
        cmocka_unit_test_setup_teardown(chain_flows_left_to_right, et_setup, et_teardown),
        cmocka_unit_test_setup_teardown(colours_are_the_gexf_export_colours, et_setup,
                                        et_teardown),
        cmocka_unit_test_setup_teardown(text_is_escaped, et_setup, et_teardown),
        cmocka_unit_test_setup_teardown(same_input_same_bytes, et_setup, et_teardown),
        cmocka_unit_test_setup_teardown(country_section, et_setup, et_teardown),
        cmocka_unit_test_setup_teardown(country_clusters, et_setup, et_teardown),
        cmocka_unit_test_setup_teardown(country_view, et_setup, et_teardown),
        cmocka_unit_test_setup_teardown(country_opportunities, et_setup, et_teardown),
        cmocka_unit_test(text_is_measured),
        cmocka_unit_test_setup_teardown(estimated_marks, et_setup, et_teardown),
        cmocka_unit_test_setup_teardown(compare_page, et_setup, et_teardown),
        cmocka_unit_test_setup_teardown(crowded_market_bar, et_setup, et_teardown),
        cmocka_unit_test_setup_teardown(item_bars_named_and_keyed, et_setup, et_teardown),
        cmocka_unit_test_setup_teardown(big_chain_is_thinned, et_setup, et_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
