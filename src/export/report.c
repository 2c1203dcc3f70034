/*
 * report.c - the HTML/SVG report: a page that explains a chain's control
 * points with a layered picture, bar charts and the table of every number
 * they show.
 *
 * Owns the page's structure and drawing; reads an analysis (never runs
 * one) and the graph's positions and colours (viz.c, the same palette as
 * the GEXF export).  Everything is written in a fixed order from sorted
 * data, so the same input gives the same bytes.  No script: the page reads
 * in any browser, offline, and prints on A4.
 */
#define _GNU_SOURCE /* qsort_r */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/textout.h"
#include "viz.h"
#include "vchain/report.h"
#include "vchain/vchain.h"

#define WIDTH 1000.0 /* SVG user units; the page scales them to its width */
#define COLUMNS 14.0 /* at most this many columns + 1 in the chain picture */

/* Okabe-Ito, in the order viz.c gives categories, for segments of bars. */
static const char *const segment_colours[] = { "#0072B2", "#009E73", "#E69F00", "#CC79A7",
                                               "#56B4E9", "#F0E442", "#000000" };
#define N_SEGMENT_COLOURS (sizeof(segment_colours) / sizeof(segment_colours[0]))
#define CP_COLOUR "#D55E00"
#define REST_COLOUR "#DDDDDD"

static void text(FILE *out, const char *s)
{
    vc_xml_text(out, s ? s : "");
}

/* At most max characters of s (UTF-8), with an ellipsis when cut. */
static void text_cut(FILE *out, const char *s, size_t max)
{
    char buf[512];
    size_t chars = 0, i = 0;
    if (!s)
        return;
    for (; s[i] && i + 4 < sizeof(buf); i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80 && ++chars > max)
            break;
        buf[i] = s[i];
    }
    if (!s[i]) {
        text(out, s);
        return;
    }
    memcpy(buf + i, "\xE2\x80\xA6", 4); /* ... */
    text(out, buf);
}

static const char *country_name(const char *code)
{
    const char *n = code ? vc_country_name(code) : NULL;
    return n ? n : (code ? code : "");
}

/* ---- page frame ---- */

static void page_start(FILE *out, const char *title)
{
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>",
          out);
    text(out, title);
    fputs("</title>\n<style>\n"
          "@page { size: A4; margin: 14mm; }\n"
          "body { font-family: sans-serif; color: #222; max-width: 60em; margin: 1em auto;"
          " padding: 0 1em; line-height: 1.4; }\n"
          "h1 { font-size: 1.5em; margin-bottom: 0.2em; } h2 { font-size: 1.15em;"
          " margin-top: 1.6em; border-bottom: 1px solid #ccc; }\n"
          ".meta { color: #555; font-size: 0.85em; }\n"
          "figure { margin: 0.6em 0; break-inside: avoid; page-break-inside: avoid; }\n"
          "svg { width: 100%; height: auto; display: block; }\n"
          "svg text { font-family: sans-serif; }\n"
          "table { border-collapse: collapse; font-size: 0.8em; width: 100%; }\n"
          "th, td { border-bottom: 1px solid #ddd; padding: 2px 6px; text-align: left;"
          " vertical-align: top; }\n"
          "td.n { text-align: right; font-variant-numeric: tabular-nums; }\n"
          ".key span { display: inline-block; width: 0.9em; height: 0.9em;"
          " vertical-align: middle; margin: 0 0.3em 0 1em; border-radius: 50%; }\n"
          "@media print { body { max-width: none; } a { color: inherit; } }\n"
          "</style>\n</head>\n<body>\n",
          out);
}

static void page_header(FILE *out, const char *heading, const struct vc_report_opts *o)
{
    fputs("<header>\n<h1>", out);
    text(out, heading);
    fputs("</h1>\n<p class=\"meta\">Input: ", out);
    text(out, o->title);
    fputs(" &#183; ", out);
    text(out, o->date);
    fputs(" &#183; vchain " VC_VERSION_STRING, out);
    if (o->params && *o->params) {
        fputs(" &#183; ", out);
        text(out, o->params);
    }
    fputs("</p>\n</header>\n", out);
}

static void pct(FILE *out, double x)
{
    if (isnan(x))
        fputs("&#8211;", out);
    else
        fprintf(out, "%.1f&#160;%%", x * 100.0);
}

static void num(FILE *out, double x, int digits)
{
    if (isnan(x))
        fputs("&#8211;", out);
    else
        fprintf(out, "%.*f", digits, x);
}

/* ---- the chain picture ---- */

struct node_rank {
    uint32_t v;
    double key;
};

static int by_key_desc(const void *x, const void *y)
{
    const struct node_rank *p = x, *q = y;
    if (p->key != q->key)
        return p->key > q->key ? -1 : 1;
    return p->v < q->v ? -1 : p->v > q->v;
}

/* The nodes to label: control points first, then by impact. */
static uint8_t *labelled_nodes(const struct vc_analysis *a, size_t top)
{
    size_t n = a->n, k = 0;
    struct node_rank *r = malloc((n ? n : 1) * sizeof(*r));
    uint8_t *mark = calloc(n ? n : 1, 1);
    if (!r || !mark) {
        free(r);
        free(mark);
        return NULL;
    }
    for (size_t v = 0; v < n; v++) {
        double imp = isnan(a->impact[v]) ? 0 : a->impact[v];
        r[k].v = (uint32_t)v;
        r[k++].key = imp + (a->control_point[v] ? 2.0 : 0.0) + (a->chain->final[v] ? 4.0 : 0);
    }
    qsort(r, k, sizeof(*r), by_key_desc);
    for (size_t j = 0; j < k && j < top; j++)
        mark[r[j].v] = 1;
    free(r);
    return mark;
}

/*
 * Which nodes the picture shows: every item (the chain itself), and the
 * actors that hold a control point or are among the labelled ones; the
 * many other providers would only make a wall of dots.  Nodes without any
 * edge are left out.
 */
static uint8_t *drawn_nodes(const struct vc_graph *g, const struct vc_analysis *a,
                            const uint8_t *label, size_t *hidden_actors)
{
    uint8_t *draw = calloc(g->n_nodes ? g->n_nodes : 1, 1);
    uint8_t *linked = calloc(g->n_nodes ? g->n_nodes : 1, 1);
    *hidden_actors = 0;
    if (!draw || !linked) {
        free(draw);
        free(linked);
        return NULL;
    }
    for (size_t e = 0; e < g->n_edges; e++)
        linked[g->edge_from[e]] = linked[g->edge_to[e]] = 1;
    for (size_t v = 0; v < g->n_nodes; v++) {
        if (!linked[v])
            continue;
        if (a->chain->kind[v] == VC_KIND_ITEM || a->control_point[v] || label[v])
            draw[v] = 1;
        else
            (*hidden_actors)++;
    }
    free(linked);
    return draw;
}

struct placed {
    uint32_t v;
    double x, y;
};

static int by_x_then_y(const void *p, const void *q)
{
    const struct placed *a = p, *b = q;
    if (a->x != b->x)
        return a->x < b->x ? -1 : 1;
    if (a->y != b->y)
        return a->y < b->y ? -1 : 1;
    return a->v < b->v ? -1 : a->v > b->v;
}

/*
 * Picture coordinates of the drawn nodes (NAN for the others): x from the
 * layout's layers, y re-spread evenly within each layer (in the layout's
 * order) so that the nodes left out leave no gaps.  Returns the height.
 */
static double place_nodes(const struct vc_graph *g, const struct vc_viz *viz,
                          const uint8_t *draw, double *cx, double *cy)
{
    struct placed *p = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof(*p));
    size_t n = 0, fullest = 1;
    double xmin, xmax, height, gap;

    for (size_t v = 0; v < g->n_nodes; v++)
        cx[v] = cy[v] = NAN;
    if (!p)
        return 0;
    for (size_t v = 0; v < g->n_nodes; v++)
        if (draw[v] && vc_viz_position(viz, v, &p[n].x, &p[n].y))
            p[n++].v = (uint32_t)v;
    /* Trophic levels are fractional: bin them into columns, so that nodes
     * of nearly the same level share a column instead of a line. */
    xmin = INFINITY;
    xmax = -INFINITY;
    for (size_t i = 0; i < n; i++) {
        xmin = fmin(xmin, p[i].x);
        xmax = fmax(xmax, p[i].x);
    }
    for (size_t i = 0; i < n; i++)
        p[i].x = xmax > xmin ? round((p[i].x - xmin) / (xmax - xmin) * COLUMNS) : 0;
    qsort(p, n, sizeof(*p), by_x_then_y);
    for (size_t i = 0, run = 0; i < n; i++) {
        run = i && p[i].x == p[i - 1].x ? run + 1 : 1;
        fullest = run > fullest ? run : fullest;
    }
    height = fmin(1400.0, fmax(320.0, 12.0 * (double)fullest + 40.0));
    gap = (height - 40.0) / (double)fullest;
    xmax = n ? p[n - 1].x : 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && p[j].x == p[i].x)
            j++;
        for (size_t k = i; k < j; k++) {
            uint32_t v = p[k].v;
            cx[v] = 40.0 + (xmax > 0 ? p[k].x / xmax : 0.5) * (WIDTH - 260.0);
            cy[v] = height / 2.0 + ((double)(k - i) - (double)(j - i - 1) / 2.0) * gap;
        }
        i = j;
    }
    free(p);
    return height;
}

static enum vc_status chain_svg(const struct vc_graph *g, const struct vc_analysis *a,
                                const struct vc_report_opts *o, FILE *out, int standalone,
                                struct vc_error *err)
{
    const struct vc_chain *c = a->chain;
    struct vc_export_opts eo = VC_EXPORT_OPTS_INIT;
    struct vc_viz viz = VC_VIZ_INIT;
    double height, *cx, *cy;
    uint8_t *label, *draw = NULL;
    size_t hidden = 0, max_edges = 3000;
    enum vc_status st;

    eo.color_by = VC_COLOR_KIND;
    eo.size_by = VC_VIZ_NONE;
    eo.thickness_by = VC_VIZ_NONE;
    if ((st = vc_viz_prepare(g, &eo, &viz, err)) != VC_OK)
        return st;
    label = labelled_nodes(a, o->top);
    if (label)
        draw = drawn_nodes(g, a, label, &hidden);
    if (!label || !draw) {
        free(label);
        vc_viz_release(&viz);
        return vc_error_set(err, VC_ENOMEM, g->source, 0, 0, "out of memory");
    }
    cx = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof(double));
    cy = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof(double));
    if (!cx || !cy) {
        free(cx);
        free(cy);
        free(draw);
        free(label);
        vc_viz_release(&viz);
        return vc_error_set(err, VC_ENOMEM, g->source, 0, 0, "out of memory");
    }
    height = place_nodes(g, &viz, draw, cx, cy);

    if (standalone)
        fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", out);
    fprintf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" "
                 "role=\"img\" aria-label=\"The value chain, upstream on the left\">\n",
            WIDTH, height);
    if (standalone)
        fputs("<style>text { font-family: sans-serif; }</style>\n", out);
    /* Edges first, faint; on big graphs only those touching a labelled node
     * or a control point, so the picture stays readable. */
    fputs("<g stroke=\"#888\" stroke-opacity=\"0.25\" stroke-width=\"0.6\" fill=\"none\">\n",
          out);
    for (size_t e = 0; e < g->n_edges; e++) {
        uint32_t u = g->edge_from[e], v = g->edge_to[e];
        if (isnan(cx[u]) || isnan(cx[v]) ||
            (g->n_edges > max_edges && !label[u] && !label[v] && !a->control_point[u] &&
             !a->control_point[v]))
            continue;
        fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", cx[u],
                cy[u], cx[v], cy[v]);
    }
    fputs("</g>\n<g stroke=\"#fff\" stroke-width=\"0.5\">\n", out);
    for (size_t v = 0; v < g->n_nodes; v++) {
        double r;
        if (isnan(cx[v]))
            continue;
        r = 2.5 + 6.0 * (isnan(a->impact[v]) ? 0 : a->impact[v]);
        fprintf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"", cx[v], cy[v], r);
        if (a->control_point[v])
            fputs(CP_COLOUR, out);
        else if (viz.has_rgb && viz.has_rgb[v])
            fprintf(out, "#%02X%02X%02X", viz.rgb[3 * v], viz.rgb[3 * v + 1], viz.rgb[3 * v + 2]);
        else
            fputs("#999999", out);
        fputs("\"><title>", out);
        text(out, c->label[v]);
        fputs("</title></circle>\n", out);
    }
    fputs("</g>\n<g font-size=\"11\" fill=\"#222\">\n", out);
    for (size_t v = 0; v < g->n_nodes; v++) {
        if (!label[v] || isnan(cx[v]))
            continue;
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\">", cx[v] + 9.0, cy[v] + 4.0);
        text_cut(out, c->label[v], 32);
        fputs("</text>\n", out);
    }
    if (hidden)
        fprintf(out, "<text x=\"40\" y=\"%.0f\" font-size=\"11\" fill=\"#555\">%zu other "
                     "providers not drawn</text>\n", height - 4, hidden);
    fputs("</g>\n</svg>\n", out);
    free(cx);
    free(cy);
    free(draw);
    free(label);
    vc_viz_release(&viz);
    return VC_OK;
}

/* ---- holders ---- */

struct holder {
    uint32_t actor;
    size_t held;
    const struct vc_provision_score *best;
};

static int holders_by_impact(const void *x, const void *y, void *ctx)
{
    const struct vc_analysis *a = ctx;
    const struct holder *p = x, *q = y;
    double pi = a->impact[p->actor], qi = a->impact[q->actor];
    if (pi != qi)
        return pi > qi ? -1 : 1;
    return strcmp(a->chain->label[p->actor], a->chain->label[q->actor]);
}

/* Actors of the analysis level holding control points, by impact. */
static struct holder *holders(const struct vc_analysis *a, const char *country, size_t *n_out)
{
    const struct vc_chain *c = a->chain;
    struct holder *h = calloc(a->n ? a->n : 1, sizeof(*h));
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
        const char *cc = c->country[p->actor];
        if (!p->control_point || c->level[p->actor] != a->opts.level)
            continue;
        if (country && !(cc && (strcasecmp(cc, country) == 0 || (a3 && strcmp(cc, a3) == 0))))
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

static void holders_chart(const struct vc_analysis *a, const struct holder *h, size_t n,
                          FILE *out)
{
    const struct vc_chain *c = a->chain;
    double row = 26, left = 240, span = WIDTH - left - 380;

    fprintf(out, "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" "
                 "role=\"img\" aria-label=\"Control-point holders by impact\">\n",
            WIDTH, row * (double)n + 30);
    fputs("<g font-size=\"12\">\n", out);
    for (size_t j = 0; j < n; j++) {
        double y = 10 + row * (double)j, w = span * fmax(0, a->impact[h[j].actor]);
        fprintf(out, "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\">", left - 8, y + 14);
        text_cut(out, c->label[h[j].actor], 28);
        if (c->country[h[j].actor]) {
            fputs(" (", out);
            text(out, c->country[h[j].actor]);
            fputs(")", out);
        }
        fprintf(out, "</text>\n<rect x=\"%.0f\" y=\"%.1f\" width=\"%.1f\" height=\"18\" "
                     "fill=\"" CP_COLOUR "\"/>\n", left, y, w);
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\">", left + w + 6, y + 14);
        pct(out, a->impact[h[j].actor]);
        fputs(" &#183; ", out);
        pct(out, h[j].best->share);
        fputs(" of ", out);
        text_cut(out, c->label[h[j].best->item], 34);
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
static uint32_t *top_items(const struct vc_analysis *a, size_t top, size_t *n_out)
{
    uint32_t *it = malloc((a->n ? a->n : 1) * sizeof(uint32_t));
    size_t n = 0;
    if (!it)
        return NULL;
    uint8_t *seen = calloc(a->n ? a->n : 1, 1);
    if (!seen) {
        free(it);
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

static void item_bars(const struct vc_analysis *a, const uint32_t *items, size_t n, FILE *out)
{
    const struct vc_chain *c = a->chain;
    double row = 44, left = 260, span = WIDTH - left - 20;

    fprintf(out, "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" "
                 "role=\"img\" aria-label=\"Providers' shares of the top items\">\n",
            WIDTH, row * (double)n + 20);
    fputs("<g font-size=\"12\">\n", out);
    for (size_t j = 0; j < n; j++) {
        uint32_t v = items[j];
        double y = 8 + row * (double)j, x = left;
        size_t seg = 0;
        fprintf(out, "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\">", left - 8, y + 13);
        text_cut(out, c->label[v], 36);
        fprintf(out, "</text>\n<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\" fill=\"#555\" "
                     "font-size=\"10\">HHI ", left - 8, y + 27);
        num(out, a->conc[v].hhi, 2);
        fputs(" &#183; N_eff ", out);
        num(out, a->conc[v].n_eff, 1);
        fputs("</text>\n", out);
        for (size_t k = 0; k < a->n_provisions; k++) {
            const struct vc_provision_score *p = &a->provisions[k];
            double w;
            if (p->item != v || p->level != a->conc_level[v] || !p->share_known)
                continue;
            w = span * p->share;
            fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"20\" fill=\"%s\" "
                         "stroke=\"#fff\" stroke-width=\"1\"><title>",
                    x, y, w, p->control_point ? CP_COLOUR
                             : c->aggregate[p->actor] ? REST_COLOUR
                             : segment_colours[seg++ % N_SEGMENT_COLOURS]);
            text(out, c->label[p->actor]);
            fputs(" ", out);
            pct(out, p->share);
            fputs("</title></rect>\n", out);
            if (w > 70) {
                fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" fill=\"#fff\" font-size=\"10\">",
                        x + 4, y + 14);
                text_cut(out, c->label[p->actor], (size_t)(w / 6.5));
                fputs("</text>\n", out);
            }
            x += w;
        }
        if (x < left + span - 0.5)
            fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"20\" fill=\""
                         REST_COLOUR "\" fill-opacity=\"0.5\"><title>not covered by the "
                         "data</title></rect>\n", x, y, left + span - x);
    }
    fputs("</g>\n</svg></figure>\n", out);
}

/* ---- tables ---- */

static void provision_table_head(FILE *out)
{
    fputs("<table>\n<thead><tr><th>actor</th><th>country</th><th>item</th><th>share</th>"
          "<th>HHI</th><th>N_eff</th><th>impact</th><th>why</th></tr></thead>\n<tbody>\n", out);
}

static void provision_table_row(const struct vc_analysis *a, const struct vc_provision_score *p,
                                FILE *out)
{
    const struct vc_chain *c = a->chain;
    char reason[512];
    vc_analysis_reason(a, p, reason, sizeof(reason));
    fputs("<tr><td>", out);
    text(out, c->label[p->actor]);
    fputs("</td><td>", out);
    text(out, c->country[p->actor]);
    fputs("</td><td>", out);
    text(out, c->label[p->item]);
    fputs("</td><td class=\"n\">", out);
    pct(out, p->share);
    fputs("</td><td class=\"n\">", out);
    num(out, p->conc.hhi, 3);
    fputs("</td><td class=\"n\">", out);
    num(out, p->conc.n_eff, 2);
    fputs("</td><td class=\"n\">", out);
    pct(out, p->impact);
    fputs("</td><td>", out);
    text(out, reason);
    fputs("</td></tr>\n", out);
}

static void country_section(const struct vc_analysis *a, const struct vc_report_opts *o,
                            FILE *out, struct vc_error *err)
{
    const struct vc_chain *c = a->chain;
    size_t ci = vc_analysis_country(a, o->country), n_deps = 0, n_h = 0;
    struct vc_dependency *deps = NULL;
    struct holder *h;
    const char *code;

    fputs("<section>\n<h2>", out);
    if (ci == SIZE_MAX) {
        fputs("Country ", out);
        text(out, o->country);
        fputs("</h2>\n<p>No actor of this country appears in the data.</p>\n</section>\n", out);
        return;
    }
    code = a->countries[ci].code;
    text(out, country_name(code));
    fputs(": what it holds and what it depends on</h2>\n<p>", out);
    text(out, country_name(code));
    fprintf(out, " holds %zu control point%s (firm and country rows); extracting all its "
                 "actors would cost ", a->countries[ci].control_points,
            a->countries[ci].control_points == 1 ? "" : "s");
    pct(out, a->countries[ci].impact);
    fputs(" of the value of final output.</p>\n", out);
    h = holders(a, code, &n_h);
    if (h && n_h) {
        fputs("<p>Its holders, by how much of final output their extraction costs (bar), with "
              "their largest control point:</p>\n", out);
        holders_chart(a, h, n_h < o->top ? n_h : o->top, out);
    }
    free(h);
    fputs("<p>Its control points:</p>\n", out);
    provision_table_head(out);
    for (size_t k = 0; k < a->n_provisions; k++) {
        const struct vc_provision_score *p = &a->provisions[k];
        const char *cc = c->country[p->actor];
        if (p->control_point && cc && strcmp(cc, code) == 0 && a->conc_level[p->item] == p->level)
            provision_table_row(a, p, out);
    }
    fputs("</tbody>\n</table>\n", out);
    if (vc_analysis_dependencies(a, code, &deps, &n_deps, err) == VC_OK) {
        size_t shown = 0;
        fputs("<p>Control points held elsewhere on items upstream of what it provides: where "
              "its own production depends on others.</p>\n", out);
        provision_table_head(out);
        for (size_t j = 0; j < n_deps && shown < o->top; j++) {
            const struct vc_provision_score *p = &a->provisions[deps[j].provision];
            if (a->conc_level[p->item] != p->level)
                continue;
            provision_table_row(a, p, out);
            shown++;
        }
        if (!shown)
            fputs("<tr><td colspan=\"8\">none</td></tr>\n", out);
        fputs("</tbody>\n</table>\n", out);
        free(deps);
    }
    if (o->deps && o->deps->n > 1) {
        const struct vc_deps *d = o->deps;
        size_t me = SIZE_MAX;
        for (size_t i = 0; i < d->n; i++)
            if (strcmp(d->codes[i], code) == 0)
                me = i;
        if (me != SIZE_MAX) {
            fputs("<p>Mutual dependency: M[A][B] is the share of A's own production lost when "
                  "B is extracted (only through inputs). The leverage of ", out);
            text(out, code);
            fputs(" over B is M[B][", out);
            text(out, code);
            fputs("] &#8722; M[", out);
            text(out, code);
            fputs("][B]; positive means B needs it more than it needs B.</p>\n<table>\n"
                  "<thead><tr><th>B</th><th>M[", out);
            text(out, code);
            fputs("][B]</th><th>M[B][", out);
            text(out, code);
            fputs("]</th><th>leverage</th></tr></thead>\n<tbody>\n", out);
            for (size_t j = 0; j < d->n; j++) {
                double mine = d->m[me * d->n + j], theirs = d->m[j * d->n + me];
                if (j == me)
                    continue;
                fputs("<tr><td>", out);
                text(out, d->codes[j]);
                fputs(" ", out);
                text(out, vc_country_name(d->codes[j]));
                fputs("</td><td class=\"n\">", out);
                num(out, mine, 4);
                fputs("</td><td class=\"n\">", out);
                num(out, theirs, 4);
                fputs("</td><td class=\"n\">", out);
                num(out, theirs - mine, 4);
                fputs("</td></tr>\n", out);
            }
            fputs("</tbody>\n</table>\n", out);
        }
    }
    fputs("</section>\n", out);
}

enum vc_status vc_report_svg(const struct vc_graph *g, const struct vc_analysis *a,
                             const struct vc_report_opts *opts, FILE *out, struct vc_error *err)
{
    static const struct vc_report_opts defaults = VC_REPORT_OPTS_INIT;
    enum vc_status st = chain_svg(g, a, opts ? opts : &defaults, out, 1, err);
    if (st == VC_OK && ferror(out))
        st = vc_error_set(err, VC_EIO, NULL, 0, 0, "write error");
    return st;
}

enum vc_status vc_report_html(const struct vc_graph *g, const struct vc_analysis *a,
                              const struct vc_report_opts *opts, FILE *out, struct vc_error *err)
{
    static const struct vc_report_opts defaults = VC_REPORT_OPTS_INIT;
    const struct vc_report_opts *o = opts ? opts : &defaults;
    const struct vc_chain *c = a->chain;
    struct holder *h = NULL;
    uint32_t *items = NULL;
    size_t n_h = 0, n_items = 0, n_cp = 0;
    enum vc_status st;
    char heading[512];

    for (size_t k = 0; k < a->n_provisions; k++)
        n_cp += a->provisions[k].control_point && a->conc_level[a->provisions[k].item] ==
                                                      a->provisions[k].level;
    h = holders(a, NULL, &n_h);
    items = top_items(a, o->top, &n_items);
    if (!h || !items) {
        free(h);
        free(items);
        return vc_error_set(err, VC_ENOMEM, g->source, 0, 0, "out of memory");
    }
    snprintf(heading, sizeof(heading), "Control points in %s", o->title);
    page_start(out, heading);
    page_header(out, heading, o);

    fprintf(out, "<section>\n<h2>The chain</h2>\n<p>Every node of the chain, suppliers on the "
                 "left and final products on the right (by trophic level). Vermillion nodes "
                 "carry a control point: a hard-to-replace provision that much of the chain "
                 "depends on (%zu in all, at the %s level). Other actors are blue, other items "
                 "bluish green; a larger dot means a larger share of final output lost if "
                 "the node fails. Every item is drawn, and the actors that hold a control "
                 "point; the %zu most important nodes are named.</p>\n<figure>\n",
            n_cp, vc_level_name(a->opts.level), o->top);
    if ((st = chain_svg(g, a, o, out, 0, err)) != VC_OK)
        goto out;
    fputs("<figcaption class=\"key\"><span style=\"background:" CP_COLOUR "\"></span>control "
          "point<span style=\"background:#0072B2\"></span>actor<span style=\"background:#009E73"
          "\"></span>item</figcaption>\n</figure>\n</section>\n", out);

    fputs("<section>\n<h2>Who holds the control points</h2>\n", out);
    if (n_h) {
        fprintf(out, "<p>The %zu largest holders among %ss, by how much of the value of final "
                     "output would be lost if each were taken out of the chain (bar), with its "
                     "largest control point and share.</p>\n",
                n_h < o->top ? n_h : o->top, vc_level_name(a->opts.level));
        holders_chart(a, h, n_h < o->top ? n_h : o->top, out);
    } else {
        fputs("<p>No actor at this level holds a control point.</p>\n", out);
    }
    fputs("</section>\n<section>\n<h2>The items behind them</h2>\n", out);
    if (n_items) {
        fputs("<p>For each item that carries a control point, its providers' shares of the "
              "world market (vermillion: control points; grey: aggregates and the part the "
              "data does not cover), with the Herfindahl-Hirschman index (1 = one provider) "
              "and the effective number of providers.</p>\n", out);
        item_bars(a, items, n_items, out);
    } else {
        fputs("<p>No item carries a control point.</p>\n", out);
    }
    fputs("</section>\n", out);

    if (o->country)
        country_section(a, o, out, err);

    fputs("<section>\n<h2>The numbers</h2>\n<p>Every control point shown above, with the "
          "figures behind it (docs/model.md defines them).</p>\n", out);
    provision_table_head(out);
    for (size_t k = 0; k < a->n_provisions; k++) {
        const struct vc_provision_score *p = &a->provisions[k];
        if (!p->control_point)
            break;
        if (a->conc_level[p->item] == p->level)
            provision_table_row(a, p, out);
    }
    fputs("</tbody>\n</table>\n", out);
    fputs("<p>Holders:</p>\n<table>\n<thead><tr><th>actor</th><th>country</th>"
          "<th>control points</th><th>impact</th></tr></thead>\n<tbody>\n", out);
    for (size_t j = 0; j < n_h; j++) {
        fputs("<tr><td>", out);
        text(out, c->label[h[j].actor]);
        fputs("</td><td>", out);
        text(out, c->country[h[j].actor]);
        fprintf(out, "</td><td class=\"n\">%zu</td><td class=\"n\">", h[j].held);
        pct(out, a->impact[h[j].actor]);
        fputs("</td></tr>\n", out);
    }
    fputs("</tbody>\n</table>\n</section>\n", out);
    fputs("<footer class=\"meta\"><p>Made by vchain from the input named above; shares are "
          "fractions of the world market as the data gives them.</p></footer>\n"
          "</body>\n</html>\n", out);
    st = ferror(out) ? vc_error_set(err, VC_EIO, NULL, 0, 0, "write error") : VC_OK;
out:
    free(h);
    free(items);
    return st;
}

/* ---- what changed ---- */

static const char *node_label(const struct vc_comparison *c, const struct vc_cmp_provision *p,
                              int actor)
{
    const struct vc_analysis *an = p->pb != SIZE_MAX ? c->b : c->a;
    size_t k = p->pb != SIZE_MAX ? p->pb : p->pa;
    const struct vc_provision_score *s = &an->provisions[k];
    return an->chain->label[actor ? s->actor : s->item];
}

enum vc_status vc_report_compare_html(const struct vc_comparison *c, const char *name_a,
                                      const char *name_b, const struct vc_report_opts *opts,
                                      FILE *out, struct vc_error *err)
{
    static const struct vc_report_opts defaults = VC_REPORT_OPTS_INIT;
    const struct vc_report_opts *o = opts ? opts : &defaults;
    char heading[1024];
    size_t shown = 0, moves = 0;
    double row = 26, left = 330, span = WIDTH - left - 40;

    snprintf(heading, sizeof(heading), "What changed: %s to %s", name_a, name_b);
    page_start(out, heading);
    page_header(out, heading, o);
    fprintf(out, "<section>\n<h2>Control points</h2>\n<p>%zu gained, %zu lost, %zu kept. A "
                 "control point that holds on both sides is firmer than one that appears in "
                 "only one of them.</p>\n<table>\n<thead><tr><th>change</th><th>actor</th>"
                 "<th>item</th><th>share before</th><th>share after</th></tr></thead>\n"
                 "<tbody>\n", c->cp_gained, c->cp_lost, c->cp_kept);
    for (size_t k = 0; k < c->n_provisions; k++) {
        const struct vc_cmp_provision *p = &c->provisions[k];
        if (p->cp != VC_CP_GAINED && p->cp != VC_CP_LOST)
            continue;
        fprintf(out, "<tr><td style=\"color:%s\">%s</td><td>",
                p->cp == VC_CP_GAINED ? "#009E73" : CP_COLOUR, vc_cp_change_name(p->cp));
        text(out, node_label(c, p, 1));
        fputs("</td><td>", out);
        text(out, node_label(c, p, 0));
        fputs("</td><td class=\"n\">", out);
        pct(out, p->share_a);
        fputs("</td><td class=\"n\">", out);
        pct(out, p->share_b);
        fputs("</td></tr>\n", out);
    }
    fputs("</tbody>\n</table>\n</section>\n", out);

    for (size_t k = 0; k < c->n_provisions && moves < o->top; k++)
        moves += fabs(c->provisions[k].d_share) > 1e-9;
    fputs("<section>\n<h2>The biggest share moves</h2>\n<p>Each line runs from the share "
          "before (grey dot) to the share after (blue dot: grew; vermillion: shrank); "
          "providers entering start at 0, those leaving end at 0.</p>\n", out);
    fprintf(out, "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" "
                 "role=\"img\" aria-label=\"The biggest share moves\">\n<g font-size=\"12\">\n",
            WIDTH, row * (double)moves + 20);
    for (size_t k = 0; k < c->n_provisions && shown < moves; k++) {
        const struct vc_cmp_provision *p = &c->provisions[k];
        double a = isnan(p->share_a) ? 0 : p->share_a, b = isnan(p->share_b) ? 0 : p->share_b;
        double y = 14 + row * (double)shown;
        if (fabs(p->d_share) <= 1e-9)
            continue;
        fprintf(out, "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\">", left - 8, y + 4);
        text(out, node_label(c, p, 1));
        fputs(", ", out);
        text(out, node_label(c, p, 0));
        fprintf(out, "</text>\n<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                     "stroke=\"#999\" stroke-width=\"2\"/>\n<circle cx=\"%.1f\" cy=\"%.1f\" "
                     "r=\"5\" fill=\"#999\"/>\n<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" "
                     "fill=\"%s\"/>\n<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\">",
                left + span * a, y, left + span * b, y, left + span * a, y, left + span * b, y,
                b >= a ? "#0072B2" : CP_COLOUR, left + span * fmax(a, b) + 8, y + 4);
        pct(out, a);
        fputs(" &#8594; ", out);
        pct(out, b);
        fputs("</text>\n", out);
        shown++;
    }
    fputs("</g>\n</svg></figure>\n</section>\n</body>\n</html>\n", out);
    return ferror(out) ? vc_error_set(err, VC_EIO, NULL, 0, 0, "write error") : VC_OK;
}
