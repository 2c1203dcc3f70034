/*
 * picture.c - the report's chain picture: which nodes to draw and name,
 * where (the layout's columns, spread evenly), names that do not overlap,
 * and the SVG (inline in the page, or a document of its own:
 * vc_report_svg).
 *
 * Big chains stay readable and small: the picture draws at most MAX_DRAWN
 * nodes (named ones, then control points, then items by impact) and
 * counts the rest; edges are drawn only between drawn nodes, and beyond
 * MAX_EDGES only those touching a named node or a control point.  Edges
 * with the same ends (parallel edges, repeated self-loops) are drawn once,
 * thicker, with their number in the line's title: a million copies of one
 * edge are one line, not a million.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "draw.h"
#include "vchain/outfile.h"

#define COLUMNS 14.0   /* at most this many columns + 1 in the chain picture */
#define MAX_DRAWN 600  /* nodes in the chain picture, named ones not counted */
#define MAX_EDGES 3000 /* edges in the chain picture before thinning */
#define LABEL_CHARS 32 /* characters of a node's name in the picture */
#define FONT FONT_MIN  /* the names' size: 8.3 pt on A4 */
#define LINE 19.0      /* a label's line height */
#define MAX_SHIFT 15   /* lines a label may move up or down from its node */

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

void vc_picture_release(struct vc_picture *p)
{
    VC_FREE_ALL(p->label, p->draw, p->named, p->cx, p->cy, p->r);
    memset(p, 0, sizeof(*p));
}

static void draw_node(struct vc_picture *p, uint32_t v, bool named)
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
                          const uint32_t *must, size_t n_must, const int *col,
                          struct vc_picture *p)
{
    const struct vc_chain *c = a->chain;
    size_t n = g->n_nodes, m = 0, cap, budget, candidates = 0;
    size_t per_col[(int)COLUMNS + 1] = { 0 }, quota[(int)COLUMNS + 1] = { 0 };
    size_t name_quota[2] = { top / 2, (top + 1) / 2 };
    struct node_rank *r = malloc((n ? n : 1) * sizeof(*r));

    p->label = calloc(n ? n : 1, 1);
    p->draw = calloc(n ? n : 1, 1);
    p->named = malloc((top + n_must + 1) * sizeof(uint32_t));
    if (!r || !p->label || !p->draw || !p->named) {
        free(r);
        return -1;
    }
    for (size_t v = 0; v < n; v++) {
        if (col[v] < 0)
            continue;
        r[m].v = (uint32_t)v;
        r[m++].key = vc_report_impact(a, v) + (a->control_point[v] ? 2.0 : 0.0) +
                     (c->final[v] ? 4.0 : 0.0);
    }
    qsort(r, m, sizeof(*r), by_key_desc);
    /* the caller's key nodes first (a country's control points), beyond top */
    for (size_t j = 0; j < n_must; j++)
        if (must[j] < n && col[must[j]] >= 0 && !p->label[must[j]]) {
            draw_node(p, must[j], true);
            p->n_key++;
        }
    for (size_t j = 0; j < m; j++) {
        uint32_t v = r[j].v;
        int item = c->kind[v] == VC_KIND_ITEM;
        if ((item || c->level[v] == a->opts.level) && name_quota[item] && !p->label[v]) {
            name_quota[item]--;
            draw_node(p, v, true);
        }
    }
    for (size_t j = 0; j < m && p->n_named < top + p->n_key; j++)
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
static int *columns(const struct vc_graph *g, const struct vc_analysis *a, double *y)
{
    const struct vc_attr *px = vc_graph_attr(g, VC_CLASS_NODE, "viz_x"),
                         *py = vc_graph_attr(g, VC_CLASS_NODE, "viz_y");
    bool positions = px && py && px->type != VC_ATTR_STRING && py->type != VC_ATTR_STRING;
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
        if (!positions) {
            x[v] = isfinite(a->trophic_level[v]) ? a->trophic_level[v] : 0;
            y[v] = (double)v;
        } else {
            x[v] = vc_attr_get_double(px, v);
            y[v] = vc_attr_get_double(py, v);
            if (!isfinite(x[v]) || !isfinite(y[v])) {
                x[v] = NAN;
                continue;
            }
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
                         const double *y, struct vc_picture *pic)
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
            pic->r[v] = 2.5 + 6.0 * vc_report_impact(a, v);
        }
        i = j;
    }
    free(p);
    return 0;
}

enum vc_status vc_picture_build(const struct vc_graph *g, const struct vc_analysis *a, size_t top,
                                const uint32_t *key, size_t n_key, struct vc_picture *pic,
                                struct vc_error *err)
{
    double *y = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof(double));
    int *col = NULL;
    enum vc_status st = VC_OK;

    memset(pic, 0, sizeof(*pic));
    if (!y || !(col = columns(g, a, y)) || picture_select(g, a, top, key, n_key, col, pic) != 0 ||
        picture_place(g, a, col, y, pic) != 0) {
        vc_picture_release(pic);
        st = vc_error_set(err, VC_ENOMEM, g->source, 0, 0, "out of memory");
    }
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

/* The width of a name as the picture writes it (cut at LABEL_CHARS), at
 * FONT, with the white halo around it. */
static double label_width(const char *s)
{
    char buf[4 * LABEL_CHARS + 4];
    size_t bytes;
    bool cut;
    vc_utf8_prefix(s, LABEL_CHARS, &bytes, &cut);
    memcpy(buf, s, bytes);
    memcpy(buf + bytes, cut ? "\xE2\x80\xA6" : "", cut ? 4 : 1);
    return vc_text_width(buf, FONT) + 3.0;
}

/*
 * Places the names, most important first, each at the first free spot:
 * right of its node, else left, else a line or more up or down, up to
 * MAX_SHIFT lines (with a leader line).  Free means clear of the names placed before and of the
 * dots; failing that, clear of the names; failing that, right of the dot.
 */
static struct label_pos *place_labels(const struct vc_analysis *a, const struct vc_picture *pic,
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
        bool found = false;
        struct box b = { 0, 0, 0, 0 };

        if (isnan(x))
            continue;
        w = label_width(a->chain->label[v]);
        for (int pass = 0; pass < 3 && !found; pass++) {
            /* lines 0, -1, +1, -2, +2, ... */
            for (int s = 0; s <= 2 * MAX_SHIFT && !found; s++) {
                for (int left = 0; left < 2 && !found; left++) {
                    double ty = y + 5.5 + (s % 2 ? -(s + 1) / 2 : s / 2) * LINE;
                    if (pass == 2 && (s || left))
                        continue;
                    b.x0 = left ? x - r - 3.0 - w : x + r + 3.0;
                    b.x1 = b.x0 + w;
                    b.y0 = ty - 14.5;
                    b.y1 = ty + 4.0;
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

/* ---- the chain picture's edges: one line per pair of ends ---- */

struct link {
    uint32_t u, v;
    size_t n; /* edges from u to v */
};

static int by_ends(const void *x, const void *y)
{
    const struct link *p = x, *q = y;
    if (p->u != q->u)
        return p->u < q->u ? -1 : 1;
    return p->v < q->v ? -1 : p->v > q->v;
}

/* The distinct (from, to) pairs of the edges between drawn nodes, each
 * with its number of edges; NULL without memory. */
static struct link *collect_links(const struct vc_graph *g, const struct vc_picture *pic,
                                  size_t *n_out)
{
    struct link *l = NULL;
    size_t n = 0, cap = 0, k = 0;

    for (size_t e = 0; e < g->n_edges; e++) {
        uint32_t u = g->edge_from[e], v = g->edge_to[e];
        if (isnan(pic->cx[u]) || isnan(pic->cx[v]))
            continue;
        if (VC_GROW_UNINIT(l, cap, n + 1)) {
            free(l);
            return NULL;
        }
        l[n++] = (struct link){ u, v, 1 };
    }
    if (!l && !(l = malloc(sizeof(*l))))
        return NULL;
    qsort(l, n, sizeof(*l), by_ends);
    for (size_t j = 0; j < n; j++) {
        if (k && l[k - 1].u == l[j].u && l[k - 1].v == l[j].v)
            l[k - 1].n++;
        else
            l[k++] = l[j];
    }
    *n_out = k;
    return l;
}

static void draw_link(FILE *out, const struct vc_chain *c, const struct vc_picture *pic,
                      const struct link *l)
{
    double x1 = pic->cx[l->u], y1 = pic->cy[l->u], x2 = pic->cx[l->v], y2 = pic->cy[l->v], mx;

    if (l->u == l->v) { /* a self-loop: a small loop on the node's right */
        double r = pic->r[l->u];
        fprintf(out, "<path d=\"M%.1f %.1fC%.1f %.1f %.1f %.1f %.1f %.1f\"", x1 + r, y1,
                x1 + r + 14.0, y1 - 12.0, x1 + r + 14.0, y1 + 12.0, x1 + r, y1);
    } else {
        mx = fabs(x2 - x1) < 1.0 ? x1 + 30.0 : (x1 + x2) / 2.0;
        fprintf(out, "<path d=\"M%.1f %.1fC%.1f %.1f %.1f %.1f %.1f %.1f\"", x1, y1, mx, y1,
                mx, y2, x2, y2);
    }
    if (l->n == 1) {
        fputs("/>\n", out);
        return;
    }
    /* thicker with more edges, slowly: 2 edges 1.2, 1000 edges 3.6, at most 4 */
    fprintf(out, " stroke-width=\"%.1f\"><title>%zu edges from ",
            fmin(0.6 * (1.0 + log10((double)l->n) * 2.0), 4.0), l->n);
    vc_html_text(out, c->label[l->u]);
    fputs(" to ", out);
    vc_html_text(out, c->label[l->v]);
    fputs("</title></path>\n", out);
}

enum vc_status vc_picture_svg(const struct vc_graph *g, const struct vc_analysis *a,
                              const struct vc_picture *pic, const struct vc_report_colours *k,
                              FILE *out, int standalone, struct vc_error *err)
{
    const struct vc_chain *c = a->chain;
    size_t n_links = 0;
    bool thin;
    struct label_pos *lp = place_labels(a, pic, g->n_nodes);
    struct link *links = lp ? collect_links(g, pic, &n_links) : NULL;

    if (!links) {
        free(lp);
        return vc_error_set(err, VC_ENOMEM, g->source, 0, 0, "out of memory");
    }
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
    thin = n_links > MAX_EDGES;
    fputs("<g stroke=\"#888\" stroke-opacity=\"0.3\" stroke-width=\"0.6\" fill=\"none\">\n",
          out);
    for (size_t j = 0; j < n_links; j++) {
        uint32_t u = links[j].u, v = links[j].v;
        if (thin && !pic->label[u] && !pic->label[v] && !a->control_point[u] &&
            !a->control_point[v])
            continue;
        draw_link(out, c, pic, &links[j]);
    }
    free(links);
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
        vc_html_text(out, c->label[v]);
        fputs("</title></circle>\n", out);
    }
    fputs("</g>\n<g stroke=\"#555\" stroke-width=\"0.5\">\n", out);
    for (size_t j = 0; j < pic->n_named; j++) {
        uint32_t v = pic->named[j];
        if (lp[j].leader && !isnan(pic->cx[v]))
            fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n",
                    pic->cx[v] + (lp[j].left ? -pic->r[v] : pic->r[v]), pic->cy[v],
                    lp[j].x + (lp[j].left ? 1.0 : -1.0), lp[j].y - 5.5);
    }
    /* names over a white halo, so edges do not cross the letters */
    fprintf(out, "</g>\n<g font-size=\"%.0f\" fill=\"#222\" stroke=\"#fff\" stroke-width=\"3\" "
                 "stroke-linejoin=\"round\" paint-order=\"stroke\">\n", FONT);
    for (size_t j = 0; j < pic->n_named; j++) {
        uint32_t v = pic->named[j];
        if (isnan(pic->cx[v]))
            continue;
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\"%s>", lp[j].x, lp[j].y,
                lp[j].left ? " text-anchor=\"end\"" : "");
        vc_html_text_cut(out, c->label[v], LABEL_CHARS);
        fputs("</text>\n", out);
    }
    fputs("</g>\n", out);
    if (pic->hidden_actors || pic->hidden_items) {
        fprintf(out, "<text x=\"40\" y=\"%.0f\" font-size=\"%.0f\" fill=\"#555\">Not drawn: ",
                pic->height - 4, FONT);
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

void vc_picture_text(const struct vc_analysis *a, const struct vc_picture *pic, size_t n_cp,
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
                 "half", pic->n_named - pic->n_key);
    if (pic->n_key)
        fprintf(out, ", and %zu more: the country's control points and their items",
                pic->n_key);
    fputs(".</p>\n", out);
}

/* ---- the picture alone ---- */

enum vc_status vc_report_svg(const struct vc_graph *g, const struct vc_analysis *a,
                             const struct vc_report_opts *opts, FILE *out, struct vc_error *err)
{
    static const struct vc_report_opts defaults = VC_REPORT_OPTS_INIT;
    const struct vc_report_opts *o = opts ? opts : &defaults;
    struct vc_report_colours k;
    struct vc_picture pic;
    enum vc_status st;

    vc_report_colours_init(&k);
    if ((st = vc_picture_build(g, a, o->top, NULL, 0, &pic, err)) != VC_OK)
        return st;
    st = vc_picture_svg(g, a, &pic, &k, out, 1, err);
    vc_picture_release(&pic);
    if (st == VC_OK)
        st = vc_stream_check(out, err);
    return st;
}
