/*
 * palette.c - the colours themselves (palette.h says who uses which).
 */
#include <stdio.h>

#include "palette.h"

static const uint8_t rgb[VC_N_COLOURS][3] = {
    [VC_BLUE] = { 0, 114, 178 },
    [VC_BLUISH_GREEN] = { 0, 158, 115 },
    [VC_ORANGE] = { 230, 159, 0 },
    [VC_REDDISH_PURPLE] = { 204, 121, 167 },
    [VC_SKY_BLUE] = { 86, 180, 233 },
    [VC_YELLOW] = { 240, 228, 66 },
    [VC_VERMILLION] = { 213, 94, 0 },
    [VC_GREY] = { 153, 153, 153 },
    [VC_LIGHT_GREY] = { 204, 204, 204 },
};

const uint8_t *vc_palette_rgb(enum vc_colour c)
{
    return rgb[(unsigned)c < VC_N_COLOURS ? c : VC_GREY];
}

const uint8_t *vc_palette_category(size_t i)
{
    return i < VC_N_CATEGORY ? rgb[i] : NULL;
}

const char *vc_palette_hex(const uint8_t c[3], char buf[8])
{
    snprintf(buf, 8, "#%02X%02X%02X", c[0], c[1], c[2]);
    return buf;
}
