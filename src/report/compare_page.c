/*
 * compare_page.c - what changed between two analyses, drawn
 * (vc_report_compare_html, `vchain compare --report`): the control points
 * gained and lost, and the biggest share moves as a chart and a table.
 * Reads the comparison the command computed (vc_compare); colours are
 * core/palette.h's status colours, those of compare's exports.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/palette.h"

#include "draw.h"
#include "vchain/outfile.h"

/* ---- what changed ---- */

static const char *node_label(const struct vc_comparison *c, const struct vc_cmp_provision *p,
                              int actor)
{
    const struct vc_analysis *an = p->pb != SIZE_MAX ? c->b : c->a;
    size_t k = p->pb != SIZE_MAX ? p->pb : p->pa;
    const struct vc_provision_score *s = &an->provisions[k];
    return an->chain->label[actor ? s->actor : s->item];
}

/* The status colours compare's exports use (vc_change_rgb). */
static const char *change_hex(enum vc_colour c, char buf[8])
{
    return vc_palette_hex(vc_palette_rgb(c), buf);
}

/* The actor, item, share before and share after cells of p's row. */
static void provision_cells(FILE *out, const struct vc_comparison *c,
                            const struct vc_cmp_provision *p)
{
    vc_html_text(out, node_label(c, p, 1));
    fputs("</td><td>", out);
    vc_html_text(out, node_label(c, p, 0));
    fputs("</td><td class=\"n\">", out);
    vc_html_pct(out, p->share_a);
    fputs("</td><td class=\"n\">", out);
    vc_html_pct(out, p->share_b);
}

enum vc_status vc_report_compare_html(const struct vc_comparison *c, const char *name_a,
                                      const char *name_b, const struct vc_report_opts *opts,
                                      FILE *out, struct vc_error *err)
{
    static const struct vc_report_opts defaults = VC_REPORT_OPTS_INIT;
    const struct vc_report_opts *o = opts ? opts : &defaults;
    char heading[1024], base_a[256], base_b[256], grew[8], shrank[8], same[8], gained[8],
        lost[8];
    size_t shown = 0, moves = 0;
    /* chart text at FONT_MIN (8.3 pt on A4); the percentages after the
     * line need about 130 units ("100.0 % -> 100.0 %") */
    double row = 30, left = 380, span = WIDTH - left - 140;
    char names[512];

    change_hex(VC_COLOUR_GREW, grew);
    change_hex(VC_COLOUR_SHRANK, shrank);
    change_hex(VC_COLOUR_SAME, same);
    change_hex(VC_COLOUR_NEW, gained);
    change_hex(VC_COLOUR_GONE, lost);
    snprintf(heading, sizeof(heading), "What changed: %s to %s",
             vc_report_base_name(name_a, base_a, sizeof(base_a)),
             vc_report_base_name(name_b, base_b, sizeof(base_b)));
    vc_html_page_start(out, heading);
    vc_html_page_header(out, heading, o);
    fprintf(out, "<section>\n<h2>Control points</h2>\n<p>%zu gained, %zu lost, %zu kept. A "
                 "control point that holds on both sides is firmer than one that appears in "
                 "only one of them.</p>\n<table>\n<thead><tr><th>change</th><th>actor</th>"
                 "<th>item</th><th>share before</th><th>share after</th></tr></thead>\n"
                 "<tbody>\n", c->cp_gained, c->cp_lost, c->cp_kept);
    for (size_t q = 0; q < c->n_provisions; q++) {
        const struct vc_cmp_provision *p = &c->provisions[q];
        if (p->cp != VC_CP_GAINED && p->cp != VC_CP_LOST)
            continue;
        fprintf(out, "<tr><td style=\"color:%s\">%s</td><td>",
                p->cp == VC_CP_GAINED ? gained : lost, vc_cp_change_name(p->cp));
        provision_cells(out, c, p);
        fputs("</td></tr>\n", out);
        shown++;
    }
    if (!shown)
        fputs("<tr><td colspan=\"5\">none</td></tr>\n", out);
    fputs("</tbody>\n</table>\n</section>\n", out);

    for (size_t q = 0; q < c->n_provisions && moves < o->top; q++)
        moves += fabs(c->provisions[q].d_share) > 1e-9;
    fputs("<section>\n<h2>The biggest share moves</h2>\n<p>Each line runs from the share "
          "before (grey dot) to the share after (blue dot: grew; orange: shrank); "
          "providers entering start at 0, those leaving end at 0.</p>\n", out);
    fprintf(out, "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" "
                 "role=\"img\" aria-label=\"The biggest share moves\">\n<g font-size=\"%.0f\">\n",
            WIDTH, row * (double)moves + 20, FONT_MIN);
    shown = 0;
    for (size_t q = 0; q < c->n_provisions && shown < moves; q++) {
        const struct vc_cmp_provision *p = &c->provisions[q];
        double a = isnan(p->share_a) ? 0 : p->share_a, b = isnan(p->share_b) ? 0 : p->share_b;
        double y = 18 + row * (double)shown;
        if (fabs(p->d_share) <= 1e-9)
            continue;
        fprintf(out, "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\">", left - 12, y + 5);
        snprintf(names, sizeof(names), "%s, %s", node_label(c, p, 1), node_label(c, p, 0));
        vc_html_text_fit(out, names, FONT_MIN, left - 16);
        fprintf(out, "</text>\n<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                     "stroke=\"%s\" stroke-width=\"2\"/>\n<circle cx=\"%.1f\" cy=\"%.1f\" "
                     "r=\"5\" fill=\"%s\"/>\n<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" "
                     "fill=\"%s\"/>\n<text x=\"%.1f\" y=\"%.1f\">",
                left + span * a, y, left + span * b, y, same, left + span * a, y, same,
                left + span * b, y, b >= a ? grew : shrank, left + span * fmax(a, b) + 10, y + 5);
        vc_html_pct(out, a);
        fputs(" &#8594; ", out);
        vc_html_pct(out, b);
        fputs("</text>\n", out);
        shown++;
    }
    fputs("</g>\n</svg></figure>\n<p>The moves drawn:</p>\n<table>\n<thead><tr><th>actor</th>"
          "<th>item</th><th>share before</th><th>share after</th><th>change</th><th>status"
          "</th></tr></thead>\n<tbody>\n", out);
    shown = 0;
    for (size_t q = 0; q < c->n_provisions && shown < moves; q++) {
        const struct vc_cmp_provision *p = &c->provisions[q];
        if (fabs(p->d_share) <= 1e-9)
            continue;
        fputs("<tr><td>", out);
        provision_cells(out, c, p);
        fputs("</td><td class=\"n\">", out);
        fprintf(out, "%+.1f&#160;pp</td><td>%s</td></tr>\n", p->d_share * 100.0,
                vc_change_name(p->status));
        shown++;
    }
    if (!shown)
        fputs("<tr><td colspan=\"6\">none</td></tr>\n", out);
    fputs("</tbody>\n</table>\n</section>\n</body>\n</html>\n", out);
    return vc_stream_check(out, err);
}
