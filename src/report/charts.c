/*
 * charts.c - the report's bar charts: who holds the control points (by the
 * impact of extracting them) and the items behind them (their providers'
 * shares as stacked bars).  Rows are chosen and ordered from the analysis;
 * every number drawn is the engine's.
 */
#define _GNU_SOURCE /* qsort_r */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "draw.h"

/* ---- holders ---- */

static int holders_by_impact(const void *x, const void *y, void *ctx)
{
    const struct vc_analysis *a = ctx;
    const struct vc_holder *p = x, *q = y;
    double pi = isnan(a->impact[p->actor]) ? -1 : a->impact[p->actor];
    double qi = isnan(a->impact[q->actor]) ? -1 : a->impact[q->actor];
    int d;
    if (pi != qi)
        return pi > qi ? -1 : 1;
    d = strcmp(a->chain->label[p->actor], a->chain->label[q->actor]);
    return d ? d : (p->actor < q->actor ? -1 : p->actor > q->actor);
}

static bool of_country(const char *cc, const char *code, const char *a3)
{
    return cc && (strcasecmp(cc, code) == 0 || (a3 && strcmp(cc, a3) == 0));
}

/* Actors of the analysis level holding control points, by impact. */
struct vc_holder *vc_report_holders(const struct vc_analysis *a, const char *country, size_t *n_out)
{
    const struct vc_chain *c = a->chain;
    struct vc_holder *h = calloc(a->n ? a->n : 1, sizeof(*h));
    uint32_t *slot = malloc((a->n ? a->n : 1) * sizeof(uint32_t));
    const char *a3 = country ? vc_country_alpha3(country) : NULL;
    size_t n = 0;

    if (!h || !slot) {
        free(h);
        free(slot);
        return NULL;
    }
    for (size_t v = 0; v < a->n; v++)
        slot[v] = UINT32_MAX;
    for (size_t k = 0; k < a->n_provisions; k++) {
        const struct vc_provision_score *p = &a->provisions[k];
        if (!p->control_point || c->level[p->actor] != a->opts.level)
            continue;
        if (country && !of_country(c->country[p->actor], country, a3))
            continue;
        if (slot[p->actor] == UINT32_MAX) {
            slot[p->actor] = (uint32_t)n;
            h[n].actor = p->actor;
            h[n++].best = p; /* provisions are ranked: the first is the best */
        }
        h[slot[p->actor]].held++;
    }
    qsort_r(h, n, sizeof(*h), holders_by_impact, (void *)a);
    free(slot);
    *n_out = n;
    return h;
}

void vc_holders_chart(const struct vc_analysis *a, const struct vc_holder *h, size_t n,
                      const struct vc_report_colours *k, FILE *out)
{
    const struct vc_chain *c = a->chain;
    double row = 30, left = 270, span = 300;
    char text[512], imp[32], share[32];

    fprintf(out, "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" "
                 "role=\"img\" aria-label=\"Control-point holders by impact\">\n",
            WIDTH, row * (double)n + 20);
    fprintf(out, "<g font-size=\"%.0f\">\n", FONT_MIN);
    for (size_t j = 0; j < n; j++) {
        double y = 6 + row * (double)j, w = span * vc_report_impact(a, h[j].actor), x;
        /* names and figures measured, cut only where they would leave the chart */
        snprintf(text, sizeof(text), "%s%s%s%s", c->label[h[j].actor],
                 c->country[h[j].actor] ? " (" : "",
                 c->country[h[j].actor] ? c->country[h[j].actor] : "",
                 c->country[h[j].actor] ? ")" : "");
        fprintf(out, "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\">", left - 8, y + 16);
        vc_html_text_fit(out, text, FONT_MIN, left - 12);
        fprintf(out, "</text>\n<rect x=\"%.0f\" y=\"%.1f\" width=\"%.1f\" height=\"20\" "
                     "fill=\"%s\"/>\n", left, y + 2, w, k->cp);
        x = left + w + 6;
        vc_pct_text(imp, sizeof(imp), a->impact[h[j].actor], a->impact_estimated[h[j].actor]);
        vc_pct_text(share, sizeof(share), h[j].best->share, false);
        snprintf(text, sizeof(text), "%s \xC2\xB7 %s of %s", imp, share,
                 c->label[h[j].best->item]);
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\">", x, y + 16);
        vc_html_text_fit(out, text, FONT_MIN, WIDTH - 4 - x);
        fputs("</text>\n", out);
    }
    fputs("</g>\n</svg></figure>\n", out);
}

/* ---- items: providers' shares as stacked bars ---- */

static int items_by_impact(const void *x, const void *y, void *ctx)
{
    const struct vc_analysis *a = ctx;
    uint32_t p = *(const uint32_t *)x, q = *(const uint32_t *)y;
    double pi = isnan(a->impact[p]) ? -1 : a->impact[p], qi = isnan(a->impact[q]) ? -1 : a->impact[q];
    if (pi != qi)
        return pi > qi ? -1 : 1;
    return p < q ? -1 : p > q;
}

/* Items that carry a control point, by the impact of losing them. */
uint32_t *vc_report_top_items(const struct vc_analysis *a, size_t top, size_t *n_out)
{
    uint32_t *it = malloc((a->n ? a->n : 1) * sizeof(uint32_t));
    uint8_t *seen = calloc(a->n ? a->n : 1, 1);
    size_t n = 0;
    if (!it || !seen) {
        free(it);
        free(seen);
        return NULL;
    }
    /* a control point at the level the item's bar shows */
    for (size_t k = 0; k < a->n_provisions; k++) {
        const struct vc_provision_score *p = &a->provisions[k];
        if (p->control_point && p->level == a->conc_level[p->item] && !seen[p->item]++)
            it[n++] = p->item;
    }
    free(seen);
    qsort_r(it, n, sizeof(*it), items_by_impact, (void *)a);
    *n_out = n < top ? n : top;
    return it;
}

/* The rows an item's bar shows: its providers at the level its HHI is of. */
static bool in_bar(const struct vc_analysis *a, const struct vc_provision_score *p, uint32_t v)
{
    return p->item == v && p->level == a->conc_level[v] && p->share_known;
}

struct vc_bar *vc_report_bars(const struct vc_analysis *a, const uint32_t *items, size_t n)
{
    struct vc_bar *b = calloc(n ? n : 1, sizeof(*b));
    uint32_t *slot = malloc((a->n ? a->n : 1) * sizeof(uint32_t));
    if (!b || !slot) {
        free(b);
        free(slot);
        return NULL;
    }
    for (size_t v = 0; v < a->n; v++)
        slot[v] = UINT32_MAX;
    for (size_t j = 0; j < n; j++) {
        b[j].item = items[j];
        slot[items[j]] = (uint32_t)j;
    }
    for (size_t q = 0; q < a->n_provisions; q++) {
        const struct vc_provision_score *p = &a->provisions[q];
        struct vc_bar *x;
        if (slot[p->item] == UINT32_MAX || !in_bar(a, p, p->item))
            continue;
        x = &b[slot[p->item]];
        x->covered += p->share;
        if (x->n_shown < MAX_SEGMENTS) {
            x->prov[x->n_shown++] = q;
        } else {
            x->rest += p->share;
            x->n_rest++;
        }
    }
    free(slot);
    return b;
}

void vc_item_bars(const struct vc_analysis *a, const struct vc_bar *bars, size_t n,
                  const struct vc_report_colours *k, FILE *out)
{
    const struct vc_chain *c = a->chain;
    double row = 58, left = 330, span = WIDTH - left - 20;
    bool used[8] = { false }, any_cp = false, any_grey = false, any_gap = false;
    char text[256];

    fprintf(out, "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" "
                 "role=\"img\" aria-label=\"Providers' shares of the top items\">\n",
            WIDTH, row * (double)n + 10);
    fprintf(out, "<g font-size=\"%.0f\">\n", FONT_MIN);
    for (size_t j = 0; j < n; j++) {
        const struct vc_bar *b = &bars[j];
        uint32_t v = b->item;
        double y = 6 + row * (double)j, x = left;
        size_t seg = 0;
        fprintf(out, "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\">", left - 10, y + 17);
        vc_html_text_fit(out, c->label[v], FONT_MIN, left - 14);
        fprintf(out, "</text>\n<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\" fill=\"#555\">"
                     "HHI ", left - 10, y + 38);
        vc_html_num_range(out, a->conc[v].hhi, a->conc[v].hhi_upper, 2);
        fputs(" &#183; N_eff ", out);
        vc_html_num_range(out, a->conc[v].n_eff, a->conc[v].n_eff_upper, 1);
        fputs("</text>\n", out);
        for (size_t i = 0; i <= b->n_shown; i++) {
            const struct vc_provision_score *p = i < b->n_shown ? &a->provisions[b->prov[i]]
                                                                : NULL;
            const char *fill, *ink = "#fff";
            double w = span * (p ? p->share : b->rest);
            if (!p && !b->n_rest)
                break;
            if (!p || c->aggregate[p->actor]) {
                fill = k->missing;
                ink = "#222";
                any_grey = true;
            } else if (p->control_point) {
                fill = k->cp;
                any_cp = true;
            } else {
                fill = k->seg[seg % k->n_seg];
                ink = k->seg_light[seg % k->n_seg] ? "#222" : "#fff";
                used[seg % k->n_seg] = true;
                seg++;
            }
            fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"24\" fill=\"%s\" "
                         "stroke=\"#fff\" stroke-width=\"1\"><title>", x, y, w, fill);
            if (p)
                snprintf(text, sizeof(text), "%s", c->label[p->actor]);
            else
                snprintf(text, sizeof(text), "%zu other providers", b->n_rest);
            vc_html_text(out, text);
            fputs(" ", out);
            if (!p)
                snprintf(text, sizeof(text), "%zu others", b->n_rest);
            vc_html_pct(out, p ? p->share : b->rest);
            fputs("</title></rect>\n", out);
            /* the name where a segment has room for it, or for at least
             * three letters of it and an ellipsis (measured) */
            if (w - 8 >= fmin(vc_text_width(text, FONT_MIN), 4 * FONT_MIN)) {
                fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" fill=\"%s\">", x + 4, y + 18, ink);
                vc_html_text_fit(out, text, FONT_MIN, w - 8);
                fputs("</text>\n", out);
            }
            x += w;
        }
        if (x < left + span - 0.5) {
            fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"24\" fill=\"%s\" "
                         "fill-opacity=\"0.5\"><title>not covered by the data</title></rect>\n",
                    x, y, left + span - x, k->missing);
            any_gap = true;
        }
    }
    fputs("</g>\n</svg>\n<figcaption class=\"key\">", out);
    /* a key entry for every colour drawn */
    if (any_cp)
        fprintf(out, "<span style=\"background:%s\"></span>control point", k->cp);
    for (size_t i = 0; i < k->n_seg; i++)
        if (used[i])
            fprintf(out, "<span style=\"background:%s\"></span>", k->seg[i]);
    for (size_t i = 0; i < k->n_seg; i++)
        if (used[i]) {
            fputs("other providers, one colour each in the order of the bar", out);
            break;
        }
    if (any_grey)
        fprintf(out, "<span style=\"background:%s\"></span>aggregates and providers merged "
                     "into one segment", k->missing);
    if (any_gap)
        fprintf(out, "<span style=\"background:%s;opacity:0.5\"></span>not covered by the "
                     "data", k->missing);
    fputs("</figcaption>\n</figure>\n", out);
}
