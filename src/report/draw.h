/*
 * draw.h - what the pieces of the report share (src/report/): the page's
 * measures, its colours, the text and number helpers (html.c), the chain
 * picture (picture.c), the charts (charts.c); page.c and compare_page.c
 * put them together.  Internal: the public interface is vchain/report.h.
 */
#ifndef VC_REPORT_DRAW_H
#define VC_REPORT_DRAW_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "vchain/report.h"

#define WIDTH 1000.0   /* SVG user units; the page scales them to its width */
#define MAX_ROWS 200   /* rows of a table beyond the charts (or --top, when more) */
#define MAX_SEGMENTS 10 /* providers in an item's bar; the rest as one segment */
/* The smallest chart text: WIDTH units span A4's 182 mm of text, so 16
 * units print at 8.3 pt. */
#define FONT_MIN 16.0

/* ---- html.c: colours, text, numbers, the page frame ---- */

/* The palette (core/palette.h) as "#RRGGBB". */
struct vc_report_colours {
    char cp[8], actor[8], item[8], missing[8];
    size_t n_seg;               /* provider segments: the category colours */
    char seg[8][8];
    bool seg_light[8];          /* dark text on it */
};

void vc_report_colours_init(struct vc_report_colours *k);

/* XML-escaped text (NULL writes nothing). */
void vc_html_text(FILE *out, const char *s);
/* Characters of s (UTF-8) up to max, and whether it has more. */
size_t vc_utf8_prefix(const char *s, size_t max, size_t *bytes, bool *cut);
/* At most max characters of s, with an ellipsis when cut. */
void vc_html_text_cut(FILE *out, const char *s, size_t max);
/* The width of s (UTF-8) at font size in SVG units, from the advance widths
 * of DejaVu Sans (the widest usual sans-serif): what a label needs. */
double vc_text_width(const char *s, double size);
/* s, cut with an ellipsis where it is wider than room at size; true when cut. */
bool vc_html_text_fit(FILE *out, const char *s, double size, double room);
/* A fraction as a percentage with one decimal, a number with digits
 * decimals; NAN as a dash. */
void vc_html_pct(FILE *out, double x);
void vc_html_num(FILE *out, double x, int digits);
/* The same as text in buf (UTF-8: a no-break space before "%", "≈" first
 * when estimated), for labels that are measured before they are written. */
void vc_pct_text(char *buf, size_t size, double x, bool estimated);
/* An impact, marked "≈" when it rests on estimated shares (docs/model.md). */
void vc_html_pct_est(FILE *out, double x, bool estimated);
/* A figure known only within bounds: "lo to hi", or one number when they
 * agree at the digits shown. */
void vc_html_num_range(FILE *out, double lo, double hi, int digits);
/* The country's name, else its code. */
const char *vc_report_country_name(const char *code);
/* The last component of a path ("data/eto/" gives "eto"), in buf. */
const char *vc_report_base_name(const char *path, char *buf, size_t size);
/* The document up to <body>, and the page's header. */
void vc_html_page_start(FILE *out, const char *title);
void vc_html_page_header(FILE *out, const char *heading, const struct vc_report_opts *o);
/* The node's impact, 0 when it has none. */
double vc_report_impact(const struct vc_analysis *a, size_t v);

/* ---- picture.c: the chain picture ---- */

/* Which nodes are drawn and named, and where. */
struct vc_picture {
    uint8_t *label, *draw;        /* per node */
    uint32_t *named;              /* the labelled nodes, most important first */
    size_t n_named, n_drawn;
    size_t n_key;                 /* named because the caller asked (beyond top) */
    size_t hidden_actors, hidden_items, hidden_cp; /* linked nodes left out */
    double *cx, *cy, *r;          /* per node; NAN when not drawn */
    double height;
};

/* key (n_key nodes, may be NULL) are named whatever their rank, besides
 * the top most important. */
enum vc_status vc_picture_build(const struct vc_graph *g, const struct vc_analysis *a, size_t top,
                                const uint32_t *key, size_t n_key, struct vc_picture *pic,
                                struct vc_error *err);
void vc_picture_release(struct vc_picture *p);
/* The picture as SVG: standalone, a document of its own; else inline. */
enum vc_status vc_picture_svg(const struct vc_graph *g, const struct vc_analysis *a,
                              const struct vc_picture *pic, const struct vc_report_colours *k,
                              FILE *out, int standalone, struct vc_error *err);
/* The paragraph that explains the picture. */
void vc_picture_text(const struct vc_analysis *a, const struct vc_picture *pic, size_t n_cp,
                     FILE *out);

/* ---- charts.c: holders and items ---- */

/* An actor holding control points. */
struct vc_holder {
    uint32_t actor;
    size_t held;
    const struct vc_provision_score *best;
};

/* Actors of the analysis level holding control points (of country, when
 * not NULL), by impact; malloc'd, NULL when out of memory. */
struct vc_holder *vc_report_holders(const struct vc_analysis *a, const char *country,
                                    size_t *n_out);
void vc_holders_chart(const struct vc_analysis *a, const struct vc_holder *h, size_t n,
                      const struct vc_report_colours *k, FILE *out);

/* Items that carry a control point, by the impact of losing them (at most
 * top); malloc'd, NULL when out of memory. */
uint32_t *vc_report_top_items(const struct vc_analysis *a, size_t top, size_t *n_out);
/*
 * One item's bar: its providers at the level its HHI is of, in rank order
 * (control points first); beyond MAX_SEGMENTS they are merged into one
 * "others" segment, so a crowded market stays one readable bar.
 */
struct vc_bar {
    uint32_t item;
    size_t n_shown, n_rest;
    size_t prov[MAX_SEGMENTS]; /* indices in a->provisions */
    double rest, covered;      /* shares: of the merged ones; of all */
};

struct vc_bar *vc_report_bars(const struct vc_analysis *a, const uint32_t *items, size_t n);
void vc_item_bars(const struct vc_analysis *a, const struct vc_bar *bars, size_t n,
                  const struct vc_report_colours *k, FILE *out);

/* ---- opportunities.c: where a country could build control points ---- */

/* The section: a chart of its near misses and footholds, and their table. */
void vc_opportunities_section(const struct vc_analysis *a, const struct vc_opportunities *ops,
                              const struct vc_report_colours *k, FILE *out);

#endif
