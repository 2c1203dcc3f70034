/*
 * html.c - the report's small parts: its colours (core/palette.h's, as
 * the exports use them), escaped and shortened text, numbers, and the page
 * frame (the style sheet and the header every page opens with).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/palette.h"
#include "vchain/textout.h"
#include "vchain/version.h"

#include "draw.h"

void vc_report_colours_init(struct vc_report_colours *k)
{
    const uint8_t *rgb;
    vc_palette_hex(vc_palette_rgb(VC_COLOUR_CONTROL_POINT), k->cp);
    vc_palette_hex(vc_palette_category(0), k->actor);
    vc_palette_hex(vc_palette_category(1), k->item);
    vc_palette_hex(vc_palette_rgb(VC_COLOUR_MISSING), k->missing);
    for (k->n_seg = 0; k->n_seg < 8 && (rgb = vc_palette_category(k->n_seg)); k->n_seg++) {
        vc_palette_hex(rgb, k->seg[k->n_seg]);
        /* white text reads on the dark ones only (perceived lightness) */
        k->seg_light[k->n_seg] = 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2] > 140;
    }
}

void vc_html_text(FILE *out, const char *s)
{
    vc_xml_text(out, s ? s : "");
}

/* Characters of s (UTF-8) up to max, and whether it has more. */
size_t vc_utf8_prefix(const char *s, size_t max, size_t *bytes, bool *cut)
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
void vc_html_text_cut(FILE *out, const char *s, size_t max)
{
    char buf[4 * 64 + 4];
    size_t bytes;
    bool cut;
    if (!s)
        return;
    if (max > 64)
        max = 64;
    vc_utf8_prefix(s, max, &bytes, &cut);
    if (!cut) {
        vc_html_text(out, s);
        return;
    }
    memcpy(buf, s, bytes);
    memcpy(buf + bytes, "\xE2\x80\xA6", 4); /* ... */
    vc_html_text(out, buf);
}

/*
 * Advance widths of DejaVu Sans, in thousandths of the font size, for ASCII
 * 32..126: the widest of the usual default sans-serif fonts (the one Linux
 * browsers fall back to), so a label measured with it also fits in Arial or
 * Helvetica.
 */
static const unsigned short ascii_width[95] = {
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337,
    636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531,
    1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787,
    603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500,
    500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612,
    635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
};

/* One character's width (thousandths of an em) from its first byte: beyond
 * ASCII, accented Latin, Greek and Cyrillic are taken as 700, the rest
 * (CJK, symbols) as a full em. */
static unsigned char_width(unsigned char b)
{
    if (b < 0x80)
        return b >= 32 && b < 127 ? ascii_width[b - 32] : 0;
    return b >= 0xE0 ? 1000 : b >= 0xC0 ? 700 : 0; /* continuation bytes: 0 */
}

double vc_text_width(const char *s, double size)
{
    double w = 0;
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++)
        w += char_width(*p);
    return w * size / 1000.0;
}

bool vc_html_text_fit(FILE *out, const char *s, double size, double room)
{
    char buf[1024];
    double w = 0, ellipsis = size; /* "..." is one em wide */
    size_t i;

    if (!s)
        return false;
    if (vc_text_width(s, size) <= room) {
        vc_html_text(out, s);
        return false;
    }
    /* the longest prefix, cut where a character starts, that leaves room
     * for the ellipsis (and fits buf with it) */
    for (i = 0; s[i]; i++) {
        unsigned char b = (unsigned char)s[i];
        double cw = char_width(b) * size / 1000.0;
        if ((b & 0xC0) == 0x80)
            continue;
        if (w + cw + ellipsis > room || i + 8 > sizeof(buf))
            break;
        w += cw;
    }
    while (i && s[i - 1] == ' ')
        i--;
    memcpy(buf, s, i);
    memcpy(buf + i, "\xE2\x80\xA6", 4); /* ... and the terminator */
    vc_html_text(out, buf);
    return true;
}

const char *vc_report_country_name(const char *code)
{
    const char *n = code ? vc_country_name(code) : NULL;
    return n ? n : (code ? code : "");
}

/* The last component of a path ("data/eto/" gives "eto"), in buf. */
const char *vc_report_base_name(const char *path, char *buf, size_t size)
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

void vc_html_page_start(FILE *out, const char *title)
{
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>",
          out);
    vc_html_text(out, title);
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
          " figure svg { max-height: 255mm; } }\n"
          "</style>\n</head>\n<body>\n",
          out);
}

void vc_html_page_header(FILE *out, const char *heading, const struct vc_report_opts *o)
{
    fputs("<header>\n<h1>", out);
    vc_html_text(out, heading);
    fputs("</h1>\n<p class=\"meta\">Input: ", out);
    vc_html_text(out, o->title);
    fputs(" &#183; ", out);
    vc_html_text(out, o->date);
    fputs(" &#183; vchain " VC_VERSION_STRING, out);
    if (o->params && *o->params) {
        fputs(" &#183; ", out);
        vc_html_text(out, o->params);
    }
    fputs("</p>\n</header>\n", out);
}

void vc_html_pct(FILE *out, double x)
{
    if (isnan(x))
        fputs("&#8211;", out);
    else
        fprintf(out, "%.1f&#160;%%", x * 100.0);
}

void vc_html_num(FILE *out, double x, int digits)
{
    if (isnan(x))
        fputs("&#8211;", out);
    else
        fprintf(out, "%.*f", digits, x);
}

void vc_pct_text(char *buf, size_t size, double x, bool estimated)
{
    if (isnan(x))
        snprintf(buf, size, "\xE2\x80\x93"); /* a dash */
    else
        snprintf(buf, size, "%s%.1f\xC2\xA0%%", estimated ? "\xE2\x89\x88\xC2\xA0" : "",
                 x * 100.0);
}

/* An impact, marked "≈" when it rests on estimated shares (docs/model.md). */
void vc_html_pct_est(FILE *out, double x, bool estimated)
{
    if (estimated && !isnan(x))
        fputs("&#8776;&#160;", out);
    vc_html_pct(out, x);
}

/* A figure known only within bounds (HHI, N_eff under partial coverage):
 * "lo to hi", or one number when they agree at the digits shown. */
void vc_html_num_range(FILE *out, double lo, double hi, int digits)
{
    vc_html_num(out, lo, digits);
    if (!isnan(hi) && fabs(hi - lo) >= 0.5 * pow(10, -digits)) {
        fputs(" to ", out);
        vc_html_num(out, hi, digits);
    }
}

double vc_report_impact(const struct vc_analysis *a, size_t v)
{
    return isnan(a->impact[v]) ? 0 : a->impact[v];
}
