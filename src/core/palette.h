/*
 * palette.h - every colour vchain writes, in one place: the Okabe-Ito
 * colour-blind-safe set (Okabe & Ito 2008, "Color Universal Design") plus
 * two greys, and the role each plays.  The exporters (src/export/viz.c),
 * the comparison and country graphs (src/engine) and the report
 * (src/report) take their colours from here; docs/formats.md and
 * docs/compare.md describe them to users.
 */
#ifndef VC_CORE_PALETTE_H
#define VC_CORE_PALETTE_H

#include <stddef.h>
#include <stdint.h>

enum vc_colour {
    VC_BLUE,            /* the categories, in this order, come first */
    VC_BLUISH_GREEN,
    VC_ORANGE,
    VC_REDDISH_PURPLE,
    VC_SKY_BLUE,
    VC_YELLOW,
    VC_VERMILLION,
    VC_GREY,
    VC_LIGHT_GREY,
    VC_N_COLOURS
};

/* Roles. */
#define VC_COLOUR_CONTROL_POINT VC_VERMILLION
#define VC_COLOUR_OTHER VC_GREY         /* a category beyond the palette; "no colour" */
#define VC_COLOUR_MISSING VC_LIGHT_GREY /* no value */
/* compare: the status of a node (vc_change_rgb) */
#define VC_COLOUR_SAME VC_GREY
#define VC_COLOUR_NEW VC_BLUISH_GREEN
#define VC_COLOUR_GONE VC_VERMILLION
#define VC_COLOUR_GREW VC_BLUE
#define VC_COLOUR_SHRANK VC_ORANGE
/* deps: a country holding more leverage than it is exposed to, less, even */
#define VC_COLOUR_HOLDS VC_BLUE
#define VC_COLOUR_EXPOSED VC_ORANGE
#define VC_COLOUR_EVEN VC_GREY

/* How many category colours there are (blue to yellow above). */
#define VC_N_CATEGORY 6

/* The colour's red, green and blue. */
const uint8_t *vc_palette_rgb(enum vc_colour c);
/* Category colour i (0 actors, 1 items, then in the order columns get
 * them), or NULL beyond the palette. */
const uint8_t *vc_palette_category(size_t i);
/* "#RRGGBB" into buf; returns buf. */
const char *vc_palette_hex(const uint8_t rgb[3], char buf[8]);

#endif
