/*
 * report.c - the HTML/SVG report: a page that explains a chain's control
 * points with a layered picture, bar charts and the table of every number
 * they show.
 *
 * Owns the page's structure and drawing; reads an analysis (never runs
 * one) and the graph's positions, and takes its colours from viz.c (the
 * GEXF export's palette).  Everything is written in a fixed order from
 * sorted data, so the same input gives the same bytes.  No script: the
 * page reads in any browser, offline, and prints on A4.
 *
 * Big chains stay readable and small: the picture draws at most MAX_DRAWN
 * nodes (named ones, then control points, then items by impact) and
 * counts the rest; edges are drawn only between drawn nodes, and beyond
 * MAX_EDGES only those touching a named node or a control point.
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

#define WIDTH 1000.0   /* SVG user units; the page scales them to its width */
#define COLUMNS 14.0   /* at most this many columns + 1 in the chain picture */
#define MAX_DRAWN 600  /* nodes in the chain picture, named ones not counted */
#define MAX_EDGES 3000 /* edges in the chain picture before thinning */
#define LABEL_CHARS 32 /* characters of a node's name in the picture */
#define CHAR_WIDTH 6.2 /* a generous average advance of 11-unit sans-serif */
#define LINE 13.0      /* a label's line height */
#define MAX_SHIFT 15   /* lines a label may move up or down from its node */
#define MAX_ROWS 200   /* rows of a table beyond the charts (or --top, when more) */
#define MAX_SEGMENTS 10 /* providers in an item's bar; the rest as one segment */

/* The palette, from viz.c, as "#RRGGBB". */
struct colours {
    char cp[8], actor[8], item[8], missing[8];
    size_t n_seg;               /* provider segments: the category colours */
    char seg[8][8];
    bool seg_light[8];          /* dark text on it */
};

static void colours_init(struct colours *k)
{
    const uint8_t *rgb;
    vc_viz_hex(vc_viz_control_point_rgb(), k->cp);
    vc_viz_hex(vc_viz_category_rgb(0), k->actor);
    vc_viz_hex(vc_viz_category_rgb(1), k->item);
    vc_viz_hex(vc_viz_missing_rgb(), k->missing);
    for (k->n_seg = 0; k->n_seg < 8 && (rgb = vc_viz_category_rgb(k->n_seg)); k->n_seg++) {
        vc_viz_hex(rgb, k->seg[k->n_seg]);
        /* white text reads on the dark ones only (perceived lightness) */
        k->seg_light[k->n_seg] = 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2] > 140;
    }
}

static void text(FILE *out, const char *s)
{
    vc_xml_text(out, s ? s : "");
}

/* Characters of s (UTF-8) up to max, and whether it has more. */
static size_t utf8_prefix(const char *s, size_t max, size_t *bytes, bool *cut)
{
    size_t chars = 0, i = 0;
    for (; s[i]; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80 && ++chars > max)
            break;
    *bytes = i;
    *cut = s[i] != '\0';
    return *cut ? max : chars;
}

/* At most max characters of s, with an ellipsis when cut. */
static void text_cut(FILE *out, const char *s, size_t max)
{
    char buf[4 * 64 + 4];
    size_t bytes;
    bool cut;
    if (!s)
        return;
    if (max > 64)
        max = 64;
    utf8_prefix(s, max, &bytes, &cut);
    if (!cut) {
        text(out, s);
        return;
    }
    memcpy(buf, s, bytes);
    memcpy(buf + bytes, "\xE2\x80\xA6", 4); /* ... */
    text(out, buf);
}

static const char *country_name(const char *code)
{
    const char *n = code ? vc_country_name(code) : NULL;
    return n ? n : (code ? code : "");
}

/* The last component of a path ("data/eto/" gives "eto"), in buf. */
static const char *base_name(const char *path, char *buf, size_t size)
{
    size_t len = path ? strlen(path) : 0;
    const char *start;
    while (len > 1 && path[len - 1] == '/')
        len--;
    if (!len)
        return "";
    start = path + len;
    while (start > path && start[-1] != '/')
        start--;
    len -= (size_t)(start - path);
    if (len >= size)
        len = size - 1;
    memcpy(buf, start, len);
    buf[len] = '\0';
    return buf;
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
          " margin-top: 1.6em; border-bottom: 1px solid #ccc; break-after: avoid; }\n"
          ".meta { color: #555; font-size: 0.85em; }\n"
          "figure { margin: 0.6em 0; break-inside: avoid; page-break-inside: avoid; }\n"
          "svg { width: 100%; height: auto; display: block; }\n"
          "svg text { font-family: sans-serif; }\n"
          "table { border-collapse: collapse; font-size: 0.8em; width: 100%; }\n"
          "th, td { border-bottom: 1px solid #ddd; padding: 2px 6px; text-align: left;"
          " vertical-align: top; }\n"
          "tr { break-inside: avoid; }\n"
          "td.n { text-align: right; font-variant-numeric: tabular-nums; }\n"
          ".key span { display: inline-block; width: 0.9em; height: 0.9em;"
          " vertical-align: middle; margin: 0 0.3em 0 1em; border-radius: 50%; }\n"
          "section.chart { break-inside: avoid; page-break-inside: avoid; }\n"
          "@media print { body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }"
          " figure svg { max-height: 180mm; } }\n"
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

/* An impact, marked "≈" when it rests on estimated shares (docs/model.md). */
static void pct_est(FILE *out, double x, bool estimated)
{
    if (estimated && !isnan(x))
        fputs("&#8776;&#160;", out);
    pct(out, x);
}

/* A figure known only within bounds (HHI, N_eff under partial coverage):
 * "lo to hi", or one number when they agree at the digits shown. */
static void num_range(FILE *out, double lo, double hi, int digits)
{
    num(out, lo, digits);
    if (!isnan(hi) && fabs(hi - lo) >= 0.5 * pow(10, -digits)) {
        fputs(" to ", out);
        num(out, hi, digits);
    }
}

static double impact_or_0(const struct vc_analysis *a, size_t v)
{
    return isnan(a->impact[v]) ? 0 : a->impact[v];
}

/* ---- the chain picture: which nodes, where ---- */

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

struct picture {
    uint8_t *label, *draw;        /* per node */
    uint32_t *named;              /* the labelled nodes, most important first */
    size_t n_named, n_drawn;
    size_t hidden_actors, hidden_items, hidden_cp; /* linked nodes left out */
    double *cx, *cy, *r;          /* per node; NAN when not drawn */
    double height;
};

static void picture_release(struct picture *p)
{
    free(p->label);
    free(p->draw);
    free(p->named);
    free(p->cx);
    free(p->cy);
    free(p->r);
    memset(p, 0, sizeof(*p));
}

static void draw_node(struct picture *p, uint32_t v, bool named)
{
    if (named) {
        p->label[v] = 1;
        p->named[p->n_named++] = v;
    }
    if (!p->draw[v]) {
        p->draw[v] = 1;
        p->n_drawn++;
    }
}

/*
 * Which nodes the picture names and draws.  Importance: final items, then
 * control points, then impact.  The top items and the top actors of the
 * level analysed are named, half and half (items alone would crowd the
 * holders out: losing an item costs at least as much as losing one of its
 * providers).  Drawn are the named, then control points, then items, up to
 * MAX_DRAWN more; when items must be left out, each column keeps its share
 * of them, so the thinned picture keeps the chain's shape.  The many other
 * providers would only make a wall of dots.  Nodes without an edge or a
 * position (col[v] < 0) are left out.
 */
static int picture_select(const struct vc_graph *g, const struct vc_analysis *a, size_t top,
                          const int *col, struct picture *p)
{
    const struct vc_chain *c = a->chain;
    size_t n = g->n_nodes, m = 0, cap, budget, candidates = 0;
    size_t per_col[(int)COLUMNS + 1] = { 0 }, quota[(int)COLUMNS + 1] = { 0 };
    size_t name_quota[2] = { top / 2, (top + 1) / 2 };
    struct node_rank *r = malloc((n ? n : 1) * sizeof(*r));

    p->label = calloc(n ? n : 1, 1);
    p->draw = calloc(n ? n : 1, 1);
    p->named = malloc((top ? top : 1) * sizeof(uint32_t));
    if (!r || !p->label || !p->draw || !p->named) {
        free(r);
        return -1;
    }
    for (size_t v = 0; v < n; v++) {
        if (col[v] < 0)
            continue;
        r[m].v = (uint32_t)v;
        r[m++].key = impact_or_0(a, v) + (a->control_point[v] ? 2.0 : 0.0) +
                     (c->final[v] ? 4.0 : 0.0);
    }
    qsort(r, m, sizeof(*r), by_key_desc);
    for (size_t j = 0; j < m; j++) {
        uint32_t v = r[j].v;
        int item = c->kind[v] == VC_KIND_ITEM;
        if ((item || c->level[v] == a->opts.level) && name_quota[item]) {
            name_quota[item]--;
            draw_node(p, v, true);
        }
    }
    for (size_t j = 0; j < m && p->n_named < top; j++)
        if (!p->label[r[j].v])
            draw_node(p, r[j].v, true);
    cap = p->n_drawn + MAX_DRAWN;
    for (size_t j = 0; j < m && p->n_drawn < cap; j++)
        if (a->control_point[r[j].v])
            draw_node(p, r[j].v, false);
    /* the items: each column its share of the room left */
    for (size_t j = 0; j < m; j++)
        if (!p->draw[r[j].v] && c->kind[r[j].v] == VC_KIND_ITEM) {
            per_col[col[r[j].v]]++;
            candidates++;
        }
    budget = cap - p->n_drawn;
    for (int k = 0; k <= (int)COLUMNS; k++)
        quota[k] = candidates <= budget ? per_col[k]
                                        : (per_col[k] * budget + candidates - 1) / candidates;
    for (size_t j = 0; j < m && p->n_drawn < cap; j++) {
        uint32_t v = r[j].v;
        if (!p->draw[v] && c->kind[v] == VC_KIND_ITEM && quota[col[v]]) {
            quota[col[v]]--;
            draw_node(p, v, false);
        }
    }
    for (size_t v = 0; v < n; v++) {
        if (col[v] < 0 || p->draw[v])
            continue;
        p->hidden_cp += a->control_point[v] != 0;
        if (c->kind[v] == VC_KIND_ITEM)
            p->hidden_items++;
        else
            p->hidden_actors++;
    }
    free(r);
    return 0;
}

/*
 * The column of every node with an edge and a position (-1 for the
 * others), and the position's y in y[].  x comes from the layout's layers
 * (without a layout: the trophic levels, and y the node order).  Trophic
 * levels are fractional: they are binned into COLUMNS + 1 columns, so that
 * nodes of nearly the same level share a column instead of a line.
 */
static int *columns(const struct vc_graph *g, const struct vc_analysis *a,
                    const struct vc_viz *viz, double *y)
{
    size_t n = g->n_nodes;
    int *col = malloc((n ? n : 1) * sizeof(int));
    double *x = malloc((n ? n : 1) * sizeof(double));
    uint8_t *linked = calloc(n ? n : 1, 1);
    double xmin = INFINITY, xmax = -INFINITY;

    if (!col || !x || !linked) {
        free(col);
        col = NULL;
        goto out;
    }
    for (size_t e = 0; e < g->n_edges; e++)
        linked[g->edge_from[e]] = linked[g->edge_to[e]] = 1;
    for (size_t v = 0; v < n; v++) {
        x[v] = NAN;
        if (!linked[v])
            continue;
        if (!viz->position) {
            x[v] = isfinite(a->trophic_level[v]) ? a->trophic_level[v] : 0;
            y[v] = (double)v;
        } else if (!vc_viz_position(viz, v, &x[v], &y[v])) {
            x[v] = NAN;
            continue;
        }
        xmin = fmin(xmin, x[v]);
        xmax = fmax(xmax, x[v]);
    }
    for (size_t v = 0; v < n; v++)
        col[v] = isnan(x[v])    ? -1
                 : xmax > xmin ? (int)round((x[v] - xmin) / (xmax - xmin) * COLUMNS)
                               : 0;
out:
    free(x);
    free(linked);
    return col;
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
 * Picture coordinates of the drawn nodes: x from their column, y spread
 * evenly within it (in the layout's order), so that the nodes left out
 * leave no gaps.
 */
static int picture_place(const struct vc_graph *g, const struct vc_analysis *a, const int *col,
                         const double *y, struct picture *pic)
{
    size_t n = g->n_nodes, k = 0, fullest = 1;
    struct placed *p = malloc((n ? n : 1) * sizeof(*p));
    double gap, last;

    pic->cx = malloc((n ? n : 1) * sizeof(double));
    pic->cy = malloc((n ? n : 1) * sizeof(double));
    pic->r = malloc((n ? n : 1) * sizeof(double));
    if (!p || !pic->cx || !pic->cy || !pic->r) {
        free(p);
        return -1;
    }
    for (size_t v = 0; v < n; v++) {
        pic->cx[v] = pic->cy[v] = pic->r[v] = NAN;
        if (pic->draw[v]) {
            p[k].v = (uint32_t)v;
            p[k].x = col[v];
            p[k++].y = y[v];
        }
    }
    qsort(p, k, sizeof(*p), by_x_then_y);
    for (size_t i = 0, run = 0; i < k; i++) {
        run = i && p[i].x == p[i - 1].x ? run + 1 : 1;
        fullest = run > fullest ? run : fullest;
    }
    pic->height = fmin(1400.0, fmax(320.0, 12.0 * (double)fullest + 40.0));
    gap = (pic->height - 40.0) / (double)fullest;
    last = k ? p[k - 1].x : 0;
    for (size_t i = 0; i < k;) {
        size_t j = i;
        while (j < k && p[j].x == p[i].x)
            j++;
        for (size_t q = i; q < j; q++) {
            uint32_t v = p[q].v;
            pic->cx[v] = 40.0 + (last > 0 ? p[q].x / last : 0.5) * (WIDTH - 260.0);
            pic->cy[v] = pic->height / 2.0 + ((double)(q - i) - (double)(j - i - 1) / 2.0) * gap;
            pic->r[v] = 2.5 + 6.0 * impact_or_0(a, v);
        }
        i = j;
    }
    free(p);
    return 0;
}

static enum vc_status picture_build(const struct vc_graph *g, const struct vc_analysis *a,
                                    size_t top, struct picture *pic, struct vc_error *err)
{
    struct vc_export_opts eo = VC_EXPORT_OPTS_INIT;
    struct vc_viz viz = VC_VIZ_INIT;
    double *y = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof(double));
    int *col = NULL;
    enum vc_status st;

    memset(pic, 0, sizeof(*pic));
    eo.color_by = VC_COLOR_NONE;
    eo.size_by = VC_VIZ_NONE;
    eo.thickness_by = VC_VIZ_NONE;
    if (!y) {
        st = vc_error_set(err, VC_ENOMEM, g->source, 0, 0, "out of memory");
        goto out;
    }
    if ((st = vc_viz_prepare(g, &eo, &viz, err)) != VC_OK)
        goto out;
    if (!(col = columns(g, a, &viz, y)) || picture_select(g, a, top, col, pic) != 0 ||
        picture_place(g, a, col, y, pic) != 0) {
        picture_release(pic);
        st = vc_error_set(err, VC_ENOMEM, g->source, 0, 0, "out of memory");
    }
    vc_viz_release(&viz);
out:
    free(col);
    free(y);
    return st;
}

/* ---- the chain picture: labels that do not overlap ---- */

struct box {
    double x0, y0, x1, y1;
};

static bool box_hits(const struct box *b, const struct box *set, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (b->x0 < set[i].x1 && set[i].x0 < b->x1 && b->y0 < set[i].y1 && set[i].y0 < b->y1)
            return true;
    return false;
}

struct label_pos {
    double x, y;     /* text anchor, baseline */
    bool left;       /* text-anchor end */
    bool leader;     /* moved off its node's line: a leader line to it */
};

/*
 * Places the names, most important first, each at the first free spot:
 * right of its node, else left, else a line or more up or down, up to
 * MAX_SHIFT lines (with a leader line).  Free means clear of the names placed before and of the
 * dots; failing that, clear of the names; failing that, right of the dot.
 */
static struct label_pos *place_labels(const struct vc_analysis *a, const struct picture *pic,
                                      size_t n_nodes)
{
    struct label_pos *lp = calloc(pic->n_named ? pic->n_named : 1, sizeof(*lp));
    struct box *dots = malloc((pic->n_drawn ? pic->n_drawn : 1) * sizeof(*dots));
    uint32_t *dot_node = malloc((pic->n_drawn ? pic->n_drawn : 1) * sizeof(uint32_t));
    struct box *names = malloc((pic->n_named ? pic->n_named : 1) * sizeof(*names));
    size_t n_dots = 0, n_names = 0;

    if (!lp || !dots || !dot_node || !names) {
        free(lp);
        lp = NULL;
        goto out;
    }
    for (size_t v = 0; v < n_nodes; v++) {
        if (isnan(pic->cx[v]))
            continue;
        dot_node[n_dots] = (uint32_t)v;
        dots[n_dots++] = (struct box){ pic->cx[v] - pic->r[v], pic->cy[v] - pic->r[v],
                                       pic->cx[v] + pic->r[v], pic->cy[v] + pic->r[v] };
    }
    for (size_t j = 0; j < pic->n_named; j++) {
        uint32_t v = pic->named[j];
        double x = pic->cx[v], y = pic->cy[v], r = pic->r[v], w;
        size_t bytes;
        bool cut, found = false;
        struct box b = { 0, 0, 0, 0 };

        if (isnan(x))
            continue;
        w = CHAR_WIDTH * (double)(utf8_prefix(a->chain->label[v], LABEL_CHARS, &bytes, &cut) +
                                  cut);
        for (int pass = 0; pass < 3 && !found; pass++) {
            /* lines 0, -1, +1, -2, +2, ... */
            for (int s = 0; s <= 2 * MAX_SHIFT && !found; s++) {
                for (int left = 0; left < 2 && !found; left++) {
                    double ty = y + 4.0 + (s % 2 ? -(s + 1) / 2 : s / 2) * LINE;
                    if (pass == 2 && (s || left))
                        continue;
                    b.x0 = left ? x - r - 3.0 - w : x + r + 3.0;
                    b.x1 = b.x0 + w;
                    b.y0 = ty - 10.0;
                    b.y1 = ty + 3.0;
                    if (pass < 2 && (b.x0 < 0 || b.x1 > WIDTH || b.y0 < 0 ||
                                     b.y1 > pic->height || box_hits(&b, names, n_names)))
                        continue;
                    if (pass == 0) {
                        /* clear of the dots, its own aside */
                        bool hit = false;
                        for (size_t i = 0; i < n_dots && !hit; i++)
                            hit = dot_node[i] != v && box_hits(&b, &dots[i], 1);
                        if (hit)
                            continue;
                    }
                    lp[j] = (struct label_pos){ left ? b.x1 : b.x0, ty, left != 0, s != 0 };
                    found = true;
                }
            }
        }
        names[n_names++] = b;
    }
out:
    free(dots);
    free(dot_node);
    free(names);
    return lp;
}

static enum vc_status chain_svg(const struct vc_graph *g, const struct vc_analysis *a,
                                const struct picture *pic, const struct colours *k, FILE *out,
                                int standalone, struct vc_error *err)
{
    const struct vc_chain *c = a->chain;
    size_t edges = 0;
    bool thin;
    struct label_pos *lp = place_labels(a, pic, g->n_nodes);

    if (!lp)
        return vc_error_set(err, VC_ENOMEM, g->source, 0, 0, "out of memory");
    /* alone, at its natural size; in the page, scaled to the page's width */
    if (standalone)
        fprintf(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/"
                     "2000/svg\" width=\"%.0f\" height=\"%.0f\"", WIDTH, pic->height);
    else
        fputs("<svg xmlns=\"http://www.w3.org/2000/svg\"", out);
    fprintf(out, " viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"The value chain, "
                 "upstream on the left\">\n", WIDTH, pic->height);
    if (standalone)
        fputs("<style>text { font-family: sans-serif; }</style>\n", out);
    /* Edges first, faint, as curves leaving and entering horizontally (the
     * flow reads left to right); on big graphs only those touching a named
     * node or a control point, so the picture stays readable. */
    for (size_t e = 0; e < g->n_edges; e++)
        edges += !isnan(pic->cx[g->edge_from[e]]) && !isnan(pic->cx[g->edge_to[e]]);
    thin = edges > MAX_EDGES;
    fputs("<g stroke=\"#888\" stroke-opacity=\"0.3\" stroke-width=\"0.6\" fill=\"none\">\n",
          out);
    for (size_t e = 0; e < g->n_edges; e++) {
        uint32_t u = g->edge_from[e], v = g->edge_to[e];
        double x1 = pic->cx[u], y1 = pic->cy[u], x2 = pic->cx[v], y2 = pic->cy[v], mx;
        if (isnan(x1) || isnan(x2) ||
            (thin && !pic->label[u] && !pic->label[v] && !a->control_point[u] &&
             !a->control_point[v]))
            continue;
        mx = fabs(x2 - x1) < 1.0 ? x1 + 30.0 : (x1 + x2) / 2.0;
        fprintf(out, "<path d=\"M%.1f %.1fC%.1f %.1f %.1f %.1f %.1f %.1f\"/>\n", x1, y1, mx, y1,
                mx, y2, x2, y2);
    }
    fputs("</g>\n<g stroke=\"#fff\" stroke-width=\"0.5\">\n", out);
    for (size_t v = 0; v < g->n_nodes; v++) {
        if (isnan(pic->cx[v]))
            continue;
        fprintf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"><title>",
                pic->cx[v], pic->cy[v], pic->r[v],
                a->control_point[v] ? k->cp
                : c->kind[v] == VC_KIND_ITEM ? k->item
                : c->kind[v] == VC_KIND_ACTOR ? k->actor
                                              : k->missing);
        text(out, c->label[v]);
        fputs("</title></circle>\n", out);
    }
    fputs("</g>\n<g stroke=\"#555\" stroke-width=\"0.5\">\n", out);
    for (size_t j = 0; j < pic->n_named; j++) {
        uint32_t v = pic->named[j];
        if (lp[j].leader && !isnan(pic->cx[v]))
            fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n",
                    pic->cx[v] + (lp[j].left ? -pic->r[v] : pic->r[v]), pic->cy[v],
                    lp[j].x + (lp[j].left ? 1.0 : -1.0), lp[j].y - 4.0);
    }
    /* names over a white halo, so edges do not cross the letters */
    fputs("</g>\n<g font-size=\"11\" fill=\"#222\" stroke=\"#fff\" stroke-width=\"3\" "
          "stroke-linejoin=\"round\" paint-order=\"stroke\">\n", out);
    for (size_t j = 0; j < pic->n_named; j++) {
        uint32_t v = pic->named[j];
        if (isnan(pic->cx[v]))
            continue;
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\"%s>", lp[j].x, lp[j].y,
                lp[j].left ? " text-anchor=\"end\"" : "");
        text_cut(out, c->label[v], LABEL_CHARS);
        fputs("</text>\n", out);
    }
    fputs("</g>\n", out);
    if (pic->hidden_actors || pic->hidden_items) {
        fprintf(out, "<text x=\"40\" y=\"%.0f\" font-size=\"11\" fill=\"#555\">Not drawn: ",
                pic->height - 4);
        if (pic->hidden_items)
            fprintf(out, "%zu items%s", pic->hidden_items, pic->hidden_actors ? ", " : "");
        if (pic->hidden_actors)
            fprintf(out, "%zu providers", pic->hidden_actors);
        fputs("</text>\n", out);
    }
    fputs("</svg>\n", out);
    free(lp);
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

static void holders_chart(const struct vc_analysis *a, const struct holder *h, size_t n,
                          const struct colours *k, FILE *out)
{
    const struct vc_chain *c = a->chain;
    double row = 26, left = 240, span = WIDTH - left - 380;

    fprintf(out, "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" "
                 "role=\"img\" aria-label=\"Control-point holders by impact\">\n",
            WIDTH, row * (double)n + 30);
    fputs("<g font-size=\"12\">\n", out);
    for (size_t j = 0; j < n; j++) {
        double y = 10 + row * (double)j, w = span * impact_or_0(a, h[j].actor);
        fprintf(out, "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\">", left - 8, y + 14);
        text_cut(out, c->label[h[j].actor], 28);
        if (c->country[h[j].actor]) {
            fputs(" (", out);
            text(out, c->country[h[j].actor]);
            fputs(")", out);
        }
        fprintf(out, "</text>\n<rect x=\"%.0f\" y=\"%.1f\" width=\"%.1f\" height=\"18\" "
                     "fill=\"%s\"/>\n", left, y, w, k->cp);
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\">", left + w + 6, y + 14);
        pct_est(out, a->impact[h[j].actor], a->impact_estimated[h[j].actor]);
        fputs(" &#183; ", out);
        pct(out, h[j].best->share);
        fputs(" of ", out);
        text_cut(out, c->label[h[j].best->item], 34);
        fputs("</text>\n", out);
    }
    fputs("</g>\n</svg></figure>\n", out);
}

/* "... and N more" closing a table cut at its row limit. */
static void more_rows(FILE *out, size_t more, int columns, const char *where)
{
    if (more)
        fprintf(out, "<tr><td colspan=\"%d\">&#8230; and %zu more (%s lists every one)</td>"
                     "</tr>\n", columns, more, where);
}

static size_t row_limit(const struct vc_report_opts *o)
{
    return o->top > MAX_ROWS ? o->top : MAX_ROWS;
}

static void holders_table(const struct vc_analysis *a, const struct holder *h, size_t n,
                          size_t limit, FILE *out)
{
    const struct vc_chain *c = a->chain;
    fputs("<table>\n<thead><tr><th>actor</th><th>country</th><th>control points</th>"
          "<th>impact</th><th>largest control point</th><th>share</th></tr></thead>\n"
          "<tbody>\n", out);
    for (size_t j = 0; j < n && j < limit; j++) {
        fputs("<tr><td>", out);
        text(out, c->label[h[j].actor]);
        fputs("</td><td>", out);
        text(out, c->country[h[j].actor]);
        fprintf(out, "</td><td class=\"n\">%zu</td><td class=\"n\">", h[j].held);
        pct_est(out, a->impact[h[j].actor], a->impact_estimated[h[j].actor]);
        fputs("</td><td>", out);
        text(out, c->label[h[j].best->item]);
        fputs("</td><td class=\"n\">", out);
        pct(out, h[j].best->share);
        fputs("</td></tr>\n", out);
    }
    if (!n)
        fputs("<tr><td colspan=\"6\">none</td></tr>\n", out);
    more_rows(out, n > limit ? n - limit : 0, 6, "vchain rank --by actor");
    fputs("</tbody>\n</table>\n", out);
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

/*
 * One item's bar: its providers at the level its HHI is of, in rank order
 * (control points first); beyond MAX_SEGMENTS they are merged into one
 * "others" segment, so a crowded market stays one readable bar.
 */
struct bar {
    uint32_t item;
    size_t n_shown, n_rest;
    size_t prov[MAX_SEGMENTS]; /* indices in a->provisions */
    double rest, covered;      /* shares: of the merged ones; of all */
};

static struct bar *bars_collect(const struct vc_analysis *a, const uint32_t *items, size_t n)
{
    struct bar *b = calloc(n ? n : 1, sizeof(*b));
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
        struct bar *x;
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

static void item_bars(const struct vc_analysis *a, const struct bar *bars, size_t n,
                      const struct colours *k, FILE *out)
{
    const struct vc_chain *c = a->chain;
    double row = 44, left = 260, span = WIDTH - left - 20;

    fprintf(out, "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" "
                 "role=\"img\" aria-label=\"Providers' shares of the top items\">\n",
            WIDTH, row * (double)n + 20);
    fputs("<g font-size=\"12\">\n", out);
    for (size_t j = 0; j < n; j++) {
        const struct bar *b = &bars[j];
        uint32_t v = b->item;
        double y = 8 + row * (double)j, x = left;
        size_t seg = 0;
        fprintf(out, "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\">", left - 8, y + 13);
        text_cut(out, c->label[v], 36);
        fprintf(out, "</text>\n<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\" fill=\"#555\" "
                     "font-size=\"10\">HHI ", left - 8, y + 27);
        num_range(out, a->conc[v].hhi, a->conc[v].hhi_upper, 2);
        fputs(" &#183; N_eff ", out);
        num_range(out, a->conc[v].n_eff, a->conc[v].n_eff_upper, 1);
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
            } else if (p->control_point) {
                fill = k->cp;
            } else {
                fill = k->seg[seg % k->n_seg];
                ink = k->seg_light[seg % k->n_seg] ? "#222" : "#fff";
                seg++;
            }
            fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"20\" fill=\"%s\" "
                         "stroke=\"#fff\" stroke-width=\"1\"><title>", x, y, w, fill);
            if (p)
                text(out, c->label[p->actor]);
            else
                fprintf(out, "%zu other providers", b->n_rest);
            fputs(" ", out);
            pct(out, p ? p->share : b->rest);
            fputs("</title></rect>\n", out);
            if (w > 70) {
                fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" fill=\"%s\" font-size=\"10\">",
                        x + 4, y + 14, ink);
                if (p)
                    text_cut(out, c->label[p->actor], (size_t)(w / 6.5));
                else
                    fprintf(out, "%zu others", b->n_rest);
                fputs("</text>\n", out);
            }
            x += w;
        }
        if (x < left + span - 0.5)
            fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"20\" fill=\"%s\" "
                         "fill-opacity=\"0.5\"><title>not covered by the data</title></rect>\n",
                    x, y, left + span - x, k->missing);
    }
    fputs("</g>\n</svg></figure>\n", out);
}

/* The numbers behind item_bars: every segment, and the part not covered. */
static void item_table(const struct vc_analysis *a, const struct bar *bars, size_t n, FILE *out)
{
    const struct vc_chain *c = a->chain;
    fputs("<table>\n<thead><tr><th>item</th><th>HHI</th><th>N_eff</th><th>provider</th>"
          "<th>country</th><th>share</th><th>control point</th></tr></thead>\n<tbody>\n", out);
    for (size_t j = 0; j < n; j++) {
        const struct bar *b = &bars[j];
        uint32_t v = b->item;
        /* the item's name and figures on its first row */
        fputs("<tr><td>", out);
        text(out, c->label[v]);
        fputs("</td><td class=\"n\">", out);
        num_range(out, a->conc[v].hhi, a->conc[v].hhi_upper, 3);
        fputs("</td><td class=\"n\">", out);
        num_range(out, a->conc[v].n_eff, a->conc[v].n_eff_upper, 2);
        for (size_t i = 0; i < b->n_shown; i++) {
            const struct vc_provision_score *p = &a->provisions[b->prov[i]];
            if (i)
                fputs("<tr><td></td><td></td><td>", out);
            fputs("</td><td>", out);
            text(out, c->label[p->actor]);
            fputs("</td><td>", out);
            text(out, c->country[p->actor]);
            fputs("</td><td class=\"n\">", out);
            pct(out, p->share);
            fputs(p->control_point ? "</td><td>yes</td></tr>\n" : "</td><td></td></tr>\n", out);
        }
        if (!b->n_shown)
            fputs("</td><td></td><td></td><td></td><td></td></tr>\n", out);
        if (b->n_rest) {
            fprintf(out, "<tr><td></td><td></td><td></td><td>%zu other providers</td><td></td>"
                         "<td class=\"n\">", b->n_rest);
            pct(out, b->rest);
            fputs("</td><td></td></tr>\n", out);
        }
        if (b->covered < 1.0 - 0.005) {
            fputs("<tr><td></td><td></td><td></td><td>not covered by the data</td><td></td>"
                  "<td class=\"n\">", out);
            pct(out, 1.0 - b->covered);
            fputs("</td><td></td></tr>\n", out);
        }
    }
    fputs("</tbody>\n</table>\n", out);
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
    num_range(out, p->conc.hhi, p->conc.hhi_upper, 3);
    fputs("</td><td class=\"n\">", out);
    num_range(out, p->conc.n_eff, p->conc.n_eff_upper, 2);
    fputs("</td><td class=\"n\">", out);
    pct(out, p->impact);
    fputs("</td><td>", out);
    text(out, reason);
    fputs("</td></tr>\n", out);
}

/* ---- a country ---- */

/*
 * Its row and column of the mutual-dependency matrix (vchain deps), when
 * the caller computed one that includes the country.
 */
static void country_matrix(const struct vc_deps *d, const char *code, FILE *out)
{
    size_t me = SIZE_MAX;
    for (size_t i = 0; d && i < d->n; i++)
        if (strcmp(d->codes[i], code) == 0)
            me = i;
    if (me == SIZE_MAX || d->n < 2)
        return;
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

static enum vc_status country_section(const struct vc_analysis *a,
                                      const struct vc_report_opts *o, const struct colours *k,
                                      FILE *out, struct vc_error *err)
{
    const struct vc_chain *c = a->chain;
    size_t ci = vc_analysis_country(a, o->country), n_deps = 0, n_h = 0, shown = 0;
    struct vc_dependency *deps = NULL;
    struct holder *h;
    const char *code;
    enum vc_status st;

    fputs("<section>\n<h2>", out);
    if (ci == SIZE_MAX) {
        fputs("Country ", out);
        text(out, o->country);
        fputs("</h2>\n<p>No actor of this country appears in the data.</p>\n</section>\n", out);
        return VC_OK;
    }
    code = a->countries[ci].code;
    if ((st = vc_analysis_dependencies(a, code, &deps, &n_deps, err)) != VC_OK)
        return st;
    if (!(h = holders(a, code, &n_h))) {
        free(deps);
        return vc_error_set(err, VC_ENOMEM, NULL, 0, 0, "out of memory");
    }
    text(out, country_name(code));
    fputs(": what it holds and what it depends on</h2>\n<p>", out);
    text(out, country_name(code));
    fprintf(out, " holds %zu control point%s (listed below, each once: at the level its item "
                 "is analysed at); extracting all its actors would cost ",
            a->countries[ci].control_points, a->countries[ci].control_points == 1 ? "" : "s");
    pct(out, a->countries[ci].impact);
    fputs(a->countries[ci].impact_estimated
              ? " of the value of final output, a figure that rests on estimated shares (the "
                "data gives some of its actors' shares only in part).</p>\n"
              : " of the value of final output.</p>\n", out);
    if (n_h) {
        fputs("<p>Its holders, by how much of final output their extraction costs (bar), with "
              "their largest control point:</p>\n", out);
        holders_chart(a, h, n_h < o->top ? n_h : o->top, k, out);
    }
    free(h);
    fputs("<p>Its control points:</p>\n", out);
    provision_table_head(out);
    for (size_t q = 0; q < a->n_provisions; q++) {
        const struct vc_provision_score *p = &a->provisions[q];
        const char *cc = c->country[p->actor];
        if (p->control_point && cc && strcmp(cc, code) == 0 &&
            a->conc_level[p->item] == p->level && shown++ < row_limit(o))
            provision_table_row(a, p, out);
    }
    if (!shown)
        fputs("<tr><td colspan=\"8\">none</td></tr>\n", out);
    more_rows(out, shown > row_limit(o) ? shown - row_limit(o) : 0, 8, "vchain rank --country");
    fputs("</tbody>\n</table>\n", out);
    fputs("<p>Control points held elsewhere on items upstream of what it provides: where "
          "its own production depends on others.</p>\n", out);
    provision_table_head(out);
    shown = 0;
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
    country_matrix(o->deps, code, out);
    fputs("</section>\n", out);
    return VC_OK;
}

/* ---- the pages ---- */

enum vc_status vc_report_svg(const struct vc_graph *g, const struct vc_analysis *a,
                             const struct vc_report_opts *opts, FILE *out, struct vc_error *err)
{
    static const struct vc_report_opts defaults = VC_REPORT_OPTS_INIT;
    const struct vc_report_opts *o = opts ? opts : &defaults;
    struct colours k;
    struct picture pic;
    enum vc_status st;

    colours_init(&k);
    if ((st = picture_build(g, a, o->top, &pic, err)) != VC_OK)
        return st;
    st = chain_svg(g, a, &pic, &k, out, 1, err);
    picture_release(&pic);
    if (st == VC_OK && ferror(out))
        st = vc_error_set(err, VC_EIO, NULL, 0, 0, "write error");
    return st;
}

static void chain_text(const struct vc_analysis *a, const struct picture *pic, size_t n_cp,
                       FILE *out)
{
    fprintf(out, "<p>The chain, suppliers on the left and final products on the right (by "
                 "trophic level). Vermillion nodes carry a control point: a hard-to-replace "
                 "provision that much of the chain depends on (%zu in all, at the %s level). "
                 "Other actors are blue, other items bluish green; a larger dot means a larger "
                 "share of final output lost if the node fails. ",
            n_cp, vc_level_name(a->opts.level));
    if (!pic->hidden_items && !pic->hidden_cp)
        fputs("Every item is drawn, and every actor that holds a control point", out);
    else
        fprintf(out, "To stay readable the picture draws %zu nodes: the named ones, then "
                     "control points, then items by impact (%zu other items are left out)",
                pic->n_drawn, pic->hidden_items);
    if (pic->hidden_actors)
        fprintf(out, "; the %zu other providers are counted, not drawn", pic->hidden_actors);
    fprintf(out, ". The %zu most important nodes are named, items and actors half and "
                 "half.</p>\n", pic->n_named);
}

enum vc_status vc_report_html(const struct vc_graph *g, const struct vc_analysis *a,
                              const struct vc_report_opts *opts, FILE *out, struct vc_error *err)
{
    static const struct vc_report_opts defaults = VC_REPORT_OPTS_INIT;
    const struct vc_report_opts *o = opts ? opts : &defaults;
    struct holder *h = NULL;
    uint32_t *items = NULL;
    struct bar *bars = NULL;
    size_t n_h = 0, n_items = 0, n_cp = 0, n_h_top;
    struct colours k;
    struct picture pic;
    enum vc_status st;
    char heading[512], base[256];

    colours_init(&k);
    for (size_t q = 0; q < a->n_provisions; q++)
        n_cp += a->provisions[q].control_point && a->conc_level[a->provisions[q].item] ==
                                                      a->provisions[q].level;
    if ((st = picture_build(g, a, o->top, &pic, err)) != VC_OK)
        return st;
    h = holders(a, NULL, &n_h);
    items = top_items(a, o->top, &n_items);
    if (items)
        bars = bars_collect(a, items, n_items);
    if (!h || !items || !bars) {
        st = vc_error_set(err, VC_ENOMEM, g->source, 0, 0, "out of memory");
        goto out;
    }
    n_h_top = n_h < o->top ? n_h : o->top;
    snprintf(heading, sizeof(heading), "Control points in %s",
             base_name(o->title, base, sizeof(base)));
    page_start(out, heading);
    page_header(out, heading, o);

    fputs("<section class=\"chart\">\n<h2>The chain</h2>\n", out);
    chain_text(a, &pic, n_cp, out);
    fputs("<figure>\n", out);
    if ((st = chain_svg(g, a, &pic, &k, out, 0, err)) != VC_OK)
        goto out;
    fprintf(out, "<figcaption class=\"key\"><span style=\"background:%s\"></span>control "
                 "point<span style=\"background:%s\"></span>actor<span style=\"background:%s"
                 "\"></span>item</figcaption>\n</figure>\n</section>\n", k.cp, k.actor, k.item);

    fputs("<section class=\"chart\">\n<h2>Who holds the control points</h2>\n", out);
    if (n_h) {
        fprintf(out, "<p>The %zu largest holders among %ss, by how much of the value of final "
                     "output would be lost if each were taken out of the chain (bar), with its "
                     "largest control point and share.</p>\n",
                n_h_top, vc_level_name(a->opts.level));
        holders_chart(a, h, n_h_top, &k, out);
    } else {
        fputs("<p>No actor at this level holds a control point.</p>\n", out);
    }
    fputs("</section>\n<section class=\"chart\">\n<h2>The items behind them</h2>\n", out);
    if (n_items) {
        fputs("<p>For each item that carries a control point, its providers' shares of the "
              "world market (vermillion: control points; grey: aggregates and the part the "
              "data does not cover), with the Herfindahl-Hirschman index (1 = one provider) "
              "and the effective number of providers.</p>\n", out);
        item_bars(a, bars, n_items, &k, out);
    } else {
        fputs("<p>No item carries a control point.</p>\n", out);
    }
    fputs("</section>\n", out);

    if (o->country && (st = country_section(a, o, &k, out, err)) != VC_OK)
        goto out;

    fprintf(out, "<section>\n<h2>The numbers</h2>\n<p>Every control point (up to %zu), with "
                 "the figures behind it (docs/model.md defines them).</p>\n", row_limit(o));
    provision_table_head(out);
    for (size_t q = 0, shown = 0; q < a->n_provisions && shown < row_limit(o); q++) {
        const struct vc_provision_score *p = &a->provisions[q];
        if (!p->control_point)
            break;
        if (a->conc_level[p->item] == p->level) {
            provision_table_row(a, p, out);
            shown++;
        }
    }
    if (!n_cp)
        fputs("<tr><td colspan=\"8\">none</td></tr>\n", out);
    more_rows(out, n_cp > row_limit(o) ? n_cp - row_limit(o) : 0, 8, "vchain rank");
    fputs("</tbody>\n</table>\n<p>The holders (the chart shows the first ", out);
    fprintf(out, "%zu):</p>\n", n_h_top);
    holders_table(a, h, n_h, row_limit(o), out);
    if (n_items) {
        fputs("<p>The providers' shares in the bars above:</p>\n", out);
        item_table(a, bars, n_items, out);
    }
    fputs("</section>\n", out);
    fputs("<footer class=\"meta\"><p>Made by vchain from the input named above; shares are "
          "fractions of the world market as the data gives them", out);
    for (size_t j = 0; j < n_h; j++)
        if (a->impact_estimated[h[j].actor]) {
            fputs("; &#8776; marks an impact that rests on estimated shares (the data names "
                  "a provider without its share; docs/model.md, \"Unknown shares\")", out);
            break;
        }
    fputs(".</p></footer>\n</body>\n</html>\n", out);
    st = ferror(out) ? vc_error_set(err, VC_EIO, NULL, 0, 0, "write error") : VC_OK;
out:
    picture_release(&pic);
    free(h);
    free(items);
    free(bars);
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

/* The status colour compare's exports use (vc_change_rgb). */
static const char *change_hex(enum vc_change ch, char buf[8])
{
    uint8_t rgb[3];
    vc_change_rgb(ch, rgb);
    return vc_viz_hex(rgb, buf);
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
    double row = 26, left = 330, span = WIDTH - left - 40;

    change_hex(VC_CHANGE_GREW, grew);
    change_hex(VC_CHANGE_SHRANK, shrank);
    change_hex(VC_CHANGE_SAME, same);
    change_hex(VC_CHANGE_NEW, gained);
    change_hex(VC_CHANGE_GONE, lost);
    snprintf(heading, sizeof(heading), "What changed: %s to %s",
             base_name(name_a, base_a, sizeof(base_a)), base_name(name_b, base_b, sizeof(base_b)));
    page_start(out, heading);
    page_header(out, heading, o);
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
        text(out, node_label(c, p, 1));
        fputs("</td><td>", out);
        text(out, node_label(c, p, 0));
        fputs("</td><td class=\"n\">", out);
        pct(out, p->share_a);
        fputs("</td><td class=\"n\">", out);
        pct(out, p->share_b);
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
                 "role=\"img\" aria-label=\"The biggest share moves\">\n<g font-size=\"12\">\n",
            WIDTH, row * (double)moves + 20);
    shown = 0;
    for (size_t q = 0; q < c->n_provisions && shown < moves; q++) {
        const struct vc_cmp_provision *p = &c->provisions[q];
        double a = isnan(p->share_a) ? 0 : p->share_a, b = isnan(p->share_b) ? 0 : p->share_b;
        double y = 14 + row * (double)shown;
        if (fabs(p->d_share) <= 1e-9)
            continue;
        fprintf(out, "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\">", left - 8, y + 4);
        text_cut(out, node_label(c, p, 1), 24);
        fputs(", ", out);
        text_cut(out, node_label(c, p, 0), 24);
        fprintf(out, "</text>\n<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                     "stroke=\"%s\" stroke-width=\"2\"/>\n<circle cx=\"%.1f\" cy=\"%.1f\" "
                     "r=\"5\" fill=\"%s\"/>\n<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" "
                     "fill=\"%s\"/>\n<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\">",
                left + span * a, y, left + span * b, y, same, left + span * a, y, same,
                left + span * b, y, b >= a ? grew : shrank, left + span * fmax(a, b) + 8, y + 4);
        pct(out, a);
        fputs(" &#8594; ", out);
        pct(out, b);
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
        text(out, node_label(c, p, 1));
        fputs("</td><td>", out);
        text(out, node_label(c, p, 0));
        fputs("</td><td class=\"n\">", out);
        pct(out, p->share_a);
        fputs("</td><td class=\"n\">", out);
        pct(out, p->share_b);
        fputs("</td><td class=\"n\">", out);
        fprintf(out, "%+.1f&#160;pp</td><td>%s</td></tr>\n", p->d_share * 100.0,
                vc_change_name(p->status));
        shown++;
    }
    if (!shown)
        fputs("<tr><td colspan=\"6\">none</td></tr>\n", out);
    fputs("</tbody>\n</table>\n</section>\n</body>\n</html>\n", out);
    return ferror(out) ? vc_error_set(err, VC_EIO, NULL, 0, 0, "write error") : VC_OK;
}
