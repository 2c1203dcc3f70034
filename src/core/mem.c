/*
 * mem.c - geometric growth of arrays, checked for size overflow; freeing
 * many arrays at once.
 *
 * Big arrays (a graph's edges) grow without touching their spare capacity:
 * large blocks come from the kernel as pages that cost no memory until
 * written, so an array doubled to 16.8 million slots for 10 million edges
 * holds only what it uses.  Zeroed arrays therefore grow by calloc and a
 * copy, not realloc and memset (which would write the whole capacity), and
 * arrays their owner fills in order need not be zeroed at all.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

/* The capacity that holds need, doubling from *cap; 0 on overflow. */
static size_t next_cap(size_t cap, size_t need, size_t elsize)
{
    size_t ncap = cap ? cap : 8;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2)
            return 0;
        ncap *= 2;
    }
    if (elsize && ncap > SIZE_MAX / elsize)
        return 0;
    return ncap;
}

int vc_grow(void **p, size_t *cap, size_t need, size_t elsize)
{
    size_t ncap;
    void *np;

    if (need <= *cap)
        return 0;
    if (!(ncap = next_cap(*cap, need, elsize)) || !(np = calloc(ncap, elsize ? elsize : 1)))
        return -1;
    if (*cap)
        memcpy(np, *p, *cap * elsize);
    free(*p);
    *p = np;
    *cap = ncap;
    return 0;
}

int vc_grow_uninit(void **p, size_t *cap, size_t need, size_t elsize)
{
    size_t ncap;
    void *np;

    if (need <= *cap)
        return 0;
    if (!(ncap = next_cap(*cap, need, elsize)) || !(np = realloc(*p, ncap * elsize)))
        return -1;
    *p = np;
    *cap = ncap;
    return 0;
}

void vc_free_all(void *const *ptrs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(ptrs[i]);
}
