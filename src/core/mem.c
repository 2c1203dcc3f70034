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
 *
 * Big arrays are marked for the kernel's huge pages (2 MB where it offers
 * them): filling an array of a few hundred megabytes 4 kB at a time took a
 * page fault each, and lookups at random in a big table missed the TLB at
 * almost every step; together they cost a tenth of the time to read a
 * graph of ten million edges.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "mem.h"

enum { HUGE_PAGE = 2 << 20 };

void vc_mem_hint_huge(void *p, size_t bytes)
{
#ifdef MADV_HUGEPAGE
    uintptr_t b = ((uintptr_t)p + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1);
    uintptr_t e = ((uintptr_t)p + bytes) & ~(uintptr_t)(HUGE_PAGE - 1);
    if (bytes >= HUGE_PAGE && e > b)
        (void)madvise((void *)b, e - b, MADV_HUGEPAGE); /* a hint: failure changes nothing */
#else
    (void)p;
    (void)bytes;
#endif
}

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

void vc_mem_prefault(void *p, size_t bytes)
{
#ifdef MADV_POPULATE_WRITE
    enum { PAGE = 4096 };
    uintptr_t b = ((uintptr_t)p + PAGE - 1) & ~(uintptr_t)(PAGE - 1);
    uintptr_t e = ((uintptr_t)p + bytes) & ~(uintptr_t)(PAGE - 1);
    if (e > b)
        (void)madvise((void *)b, e - b, MADV_POPULATE_WRITE); /* older kernels: EINVAL */
#else
    (void)p;
    (void)bytes;
#endif
}

void *vc_calloc_huge(size_t n, size_t elsize)
{
    size_t bytes;
    void *p;

    if (elsize && n > SIZE_MAX / elsize)
        return NULL;
    bytes = n * elsize;
    if (bytes < HUGE_PAGE || bytes > SIZE_MAX - HUGE_PAGE)
        return calloc(n, elsize);
    /* whole huge pages: no 4 kB pages at either end */
    bytes = (bytes + HUGE_PAGE - 1) & ~(size_t)(HUGE_PAGE - 1);
    if (!(p = aligned_alloc(HUGE_PAGE, bytes)))
        return NULL;
    vc_mem_hint_huge(p, bytes);
    return memset(p, 0, bytes);
}

int vc_grow(void **p, size_t *cap, size_t need, size_t elsize)
{
    size_t ncap;
    void *np;

    if (need <= *cap)
        return 0;
    if (!(ncap = next_cap(*cap, need, elsize)) || !(np = calloc(ncap, elsize ? elsize : 1)))
        return -1;
    vc_mem_hint_huge(np, ncap * elsize);
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
    vc_mem_hint_huge(np, ncap * elsize);
    *p = np;
    *cap = ncap;
    return 0;
}

void vc_free_all(void *const *ptrs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(ptrs[i]);
}
