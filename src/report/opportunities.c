/*
 * opportunities.c - the report's section on where a country could build
 * control points (vchain opportunities): a chart with one bar per near
 * miss or foothold (the share it holds, the share it would need, the
 * largest holder abroad) and the table of the figures behind it.
 *
 * A presenter like the rest of src/report/: every figure is the engine's
 * (vc_opportunities_find, which the command ran); rows come in the order
 * the engine ranked them.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/palette.h"

#include "draw.h"

#define ROW 62.0    /* one opportunity: name, bar, figures */
#define LEFT 340.0  /* where the bars start; the names end 12 units before */

struct opp_colours {
    char near[8], foothold[8], abroad[8];
};

static void opp_colours_init(struct opp_colours *o)
{
    vc_palette_hex(vc_palette_rgb(VC_BLUE), o->near);
    vc_palette_hex(vc_palette_rgb(VC_ORANGE), o->foothold);
    vc_palette_hex(vc_palette_rgb(VC_GREY), o->abroad);
}

static bool is_near(const struct vc_opportunity *o)
{
    return o->kind == VC_OPP_NEAR_IMPACT || o->kind == VC_OPP_NEAR_SHARE;
}

/* The share of the largest provider abroad (o->main_holder), when it is
 * among the largest providers the engine listed; else NAN. */
static double main_share(const struct vc_opportunity *o)
{
    for (size_t j = 0; j < o->n_top; j++)
        if (o->top[j] == o->main_holder)
            return o->top_share[j];
    return NAN;
}

/* The figures under an opportunity's bar, in words. */
static void figures(const struct vc_analysis *a, const struct vc_opportunity *o, char *buf,
                    size_t size)
{
    const struct vc_chain *c = a->chain;
    char now[32], need[32], imp[32], imp_need[32], whole[32], held[32];
    double ms = main_share(o);
    int n;

    vc_pct_text(now, sizeof(now), o->share, o->share_estimated);
    vc_pct_text(need, sizeof(need), o->share_needed, false);
    vc_pct_text(imp, sizeof(imp), o->impact, false);
    vc_pct_text(imp_need, sizeof(imp_need), o->impact_needed, false);
    vc_pct_text(whole, sizeof(whole), o->item_impact, false);
    if (o->kind == VC_OPP_FOOTHOLD_NEIGHBOUR)
        snprintf(now, sizeof(now), "none");
    if (isnan(o->share_needed))
        n = snprintf(buf, size, "%s; out of reach: all of it costs %s", now, whole);
    else if (isnan(o->impact))
        n = snprintf(buf, size, "%s, needs %s (impact there %s)", now, need, imp_need);
    else
        n = snprintf(buf, size, "%s, needs %s; impact %s \xE2\x86\x92 %s", now, need, imp,
                     imp_need);
    if (n > 0 && (size_t)n < size && !isnan(ms)) {
        vc_pct_text(held, sizeof(held), ms, false);
        snprintf(buf + n, size - (size_t)n, "; %s %s", c->label[o->main_holder], held);
    }
}

static void chart(const struct vc_analysis *a, const struct vc_opportunities *ops,
                  const struct vc_report_colours *k, const struct opp_colours *q, FILE *out)
{
    const struct vc_chain *c = a->chain;
    const double span = WIDTH - LEFT - 20, name_room = LEFT - 12 - 4;
    char text[512];

    fprintf(out, "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" "
                 "role=\"img\" aria-label=\"Where ",
            WIDTH, ROW * (double)ops->n + 12);
    vc_html_text(out, ops->country);
    fprintf(out, " could build control points\">\n<g font-size=\"%.0f\">\n", FONT_MIN);
    for (size_t j = 0; j < ops->n; j++) {
        const struct vc_opportunity *o = &ops->v[j];
        double y = 6 + ROW * (double)j, ms = main_share(o);
        /* the item, and under it who would gain and how */
        fprintf(out, "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\">", LEFT - 12, y + 16);
        vc_html_text_fit(out, c->label[o->item], FONT_MIN, name_room);
        snprintf(text, sizeof(text), "%s \xC2\xB7 %s",
                 o->actor != UINT32_MAX ? c->label[o->actor] : "a new provider",
                 vc_opp_kind_name(o->kind));
        fprintf(out, "</text>\n<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\" fill=\"#555\">",
                LEFT - 12, y + 38);
        vc_html_text_fit(out, text, FONT_MIN, name_room);
        /* the whole market, the share held, the largest holder abroad */
        fprintf(out, "</text>\n<rect x=\"%.0f\" y=\"%.1f\" width=\"%.1f\" height=\"20\" "
                     "fill=\"%s\" fill-opacity=\"0.5\"/>\n",
                LEFT, y + 2, span, k->missing);
        fprintf(out, "<rect x=\"%.0f\" y=\"%.1f\" width=\"%.1f\" height=\"20\" fill=\"%s\">"
                     "<title>",
                LEFT, y + 2, span * o->share, is_near(o) ? q->near : q->foothold);
        vc_html_text(out, ops->country);
        fputs(" ", out);
        vc_html_pct(out, o->share);
        fputs("</title></rect>\n", out);
        if (!isnan(ms)) {
            fprintf(out, "<rect x=\"%.0f\" y=\"%.1f\" width=\"%.1f\" height=\"6\" fill=\"%s\">"
                         "<title>", LEFT, y + 23, span * ms, q->abroad);
            vc_html_text(out, c->label[o->main_holder]);
            fputs(" ", out);
            vc_html_pct(out, ms);
            fputs("</title></rect>\n", out);
        }
        if (!isnan(o->share_needed)) {
            fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"3\" height=\"30\" fill=\"%s\">"
                         "<title>needed: ", LEFT + span * o->share_needed - 1.5, y, k->cp);
            vc_html_pct(out, o->share_needed);
            fputs("</title></rect>\n", out);
        }
        figures(a, o, text, sizeof(text));
        fprintf(out, "<text x=\"%.0f\" y=\"%.1f\">", LEFT, y + 47);
        vc_html_text_fit(out, text, FONT_MIN, WIDTH - LEFT - 4);
        fputs("</text>\n", out);
    }
    fputs("</g>\n</svg>\n", out);
    fprintf(out, "<figcaption class=\"key\"><span style=\"background:%s\"></span>share held: "
                 "near miss<span style=\"background:%s\"></span>share held: foothold"
                 "<span style=\"background:%s\"></span>largest holder abroad"
                 "<span style=\"background:%s\"></span>share needed to be a control point"
                 "<span style=\"background:%s\"></span>the whole market</figcaption>\n"
                 "</figure>\n",
            q->near, q->foothold, q->abroad, k->cp, k->missing);
}

static void table(const struct vc_analysis *a, const struct vc_opportunities *ops, FILE *out)
{
    const struct vc_chain *c = a->chain;
    size_t more = ops->more_near + ops->more_footholds;

    fputs("<table>\n<thead><tr><th>kind</th><th>actor</th><th>item</th><th>share</th>"
          "<th>needed</th><th>impact</th><th>impact there</th><th>largest providers</th>"
          "<th>leverage over</th><th>why</th></tr></thead>\n<tbody>\n", out);
    for (size_t j = 0; j < ops->n; j++) {
        const struct vc_opportunity *o = &ops->v[j];
        fputs("<tr><td>", out);
        vc_html_text(out, vc_opp_kind_name(o->kind));
        fputs("</td><td>", out);
        vc_html_text(out, o->actor != UINT32_MAX ? c->label[o->actor] : "(a new provider)");
        fputs("</td><td>", out);
        vc_html_text(out, c->label[o->item]);
        fputs("</td><td class=\"n\">", out);
        vc_html_pct_est(out, o->share, o->share_estimated);
        fputs("</td><td class=\"n\">", out);
        vc_html_pct(out, o->share_needed);
        fputs("</td><td class=\"n\">", out);
        vc_html_pct(out, o->impact);
        fputs("</td><td class=\"n\">", out);
        vc_html_pct(out, o->impact_needed);
        fputs("</td><td>", out);
        for (size_t i = 0; i < o->n_top; i++) {
            fputs(i ? ", " : "", out);
            vc_html_text(out, c->label[o->top[i]]);
            if (c->country[o->top[i]]) {
                fputs(" (", out);
                vc_html_text(out, c->country[o->top[i]]);
                fputs(")", out);
            }
            fputs(" ", out);
            vc_html_pct(out, o->top_share[i]);
        }
        /* its leverage over the largest holder's country, M[B][A] - M[A][B],
         * now and after reaching the share needed */
        fputs("</td><td>", out);
        if (o->main_country) {
            vc_html_text(out, o->main_country);
            fputs(": ", out);
            vc_html_num(out, o->ba_now - o->ab_now, 4);
            fputs(" &#8594; ", out);
            vc_html_num(out, o->ba_after - o->ab_after, 4);
        }
        fputs("</td><td>", out);
        vc_html_text(out, o->reason);
        fputs("</td></tr>\n", out);
    }
    if (!ops->n)
        fputs("<tr><td colspan=\"10\">none</td></tr>\n", out);
    if (more)
        fprintf(out, "<tr><td colspan=\"10\">&#8230; and %zu more (vchain opportunities lists "
                     "every one)</td></tr>\n", more);
    fputs("</tbody>\n</table>\n", out);
}

void vc_opportunities_section(const struct vc_analysis *a, const struct vc_opportunities *ops,
                              const struct vc_report_colours *k, FILE *out)
{
    const char *name = vc_report_country_name(ops->country);
    size_t n_foot = ops->n - ops->n_near;
    struct opp_colours q;

    opp_colours_init(&q);
    fputs("<section>\n<h2>", out);
    vc_html_text(out, name);
    fputs(": where it could build control points</h2>\n<p>", out);
    fprintf(out, "%zu near miss%s (provisions it holds that pass one of the two "
                 "control-point tests and fail the other, closest first) and %zu foothold%s "
                 "(items that matter, held hard to replace abroad, where it has a share or "
                 "holds a neighbouring item; least to gain first). Each bar is the share it "
                 "holds now, the mark the share at which it would be a control point (hard to "
                 "replace and costly to lose: docs/model.md, \"Opportunities\"), the thin bar "
                 "the largest holder abroad; under it, the impact of extracting its share now "
                 "and at the share needed. None is a control point it already holds.</p>\n",
            ops->n_near, ops->n_near == 1 ? "" : "es", n_foot, n_foot == 1 ? "" : "s");
    if (ops->n)
        chart(a, ops, k, &q, out);
    fputs("<p>The figures, with its leverage over the largest holder's country (M[B][A] "
          "&#8722; M[A][B], as in the matrix above) now and after it reached the share "
          "needed, the others scaled down in proportion:</p>\n", out);
    table(a, ops, out);
    fputs("</section>\n", out);
}
