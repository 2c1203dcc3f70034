/*
 * mem.c - geometric growth of arrays, checked for size overflow.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

int vc_grow(void **p, size_t *cap, size_t need, size_t elsize)
{
    size_t ncap;
    void *np;

    if (need <= *cap)
        return 0;
    ncap = *cap ? *cap : 8;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2)
            return -1;
        ncap *= 2;
    }
    if (elsize && ncap > SIZE_MAX / elsize)
        return -1;
    np = realloc(*p, ncap * elsize);
    if (!np)
        return -1;
    memset((char *)np + *cap * elsize, 0, (ncap - *cap) * elsize);
    *p = np;
    *cap = ncap;
    return 0;
}
