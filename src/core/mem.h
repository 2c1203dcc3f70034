/*
 * mem.h - growing arrays without overflow, and freeing many at once.
 */
#ifndef VC_CORE_MEM_H
#define VC_CORE_MEM_H

#include <stddef.h>

/*
 * Makes *p (an array of *cap elements of size elsize) hold at least need
 * elements, growing geometrically.  New elements are zeroed.  Returns 0 on
 * success, -1 on overflow or allocation failure (then *p is untouched).
 */
int vc_grow(void **p, size_t *cap, size_t need, size_t elsize);
/*
 * The same, leaving new elements uninitialised: for arrays whose owner
 * writes each element before anything reads it.
 */
int vc_grow_uninit(void **p, size_t *cap, size_t need, size_t elsize);

#define VC_GROW(arr, cap, need) vc_grow((void **)&(arr), &(cap), (need), sizeof(*(arr)))
#define VC_GROW_UNINIT(arr, cap, need) \
    vc_grow_uninit((void **)&(arr), &(cap), (need), sizeof(*(arr)))

/*
 * Marks the whole 2 MB pages inside [p, p + bytes) for transparent huge
 * pages (Linux; elsewhere nothing): for big arrays filled or read at
 * random.  Only a hint.
 */
void vc_mem_hint_huge(void *p, size_t bytes);
/*
 * Maps the whole pages inside [p, p + bytes) of memory about to be
 * written, in one call (Linux 5.14 on; elsewhere nothing): writing them one
 * by one took a page fault each, a cost that showed on virtual machines.
 * Contents are unchanged.  Only a hint.
 */
void vc_mem_prefault(void *p, size_t bytes);
/* The elements arrays filled in order are prefaulted by (vc_graph's edges
 * and attribute columns): VC_PREFAULT_RUN ahead at each multiple of it. */
enum { VC_PREFAULT_RUN = 1 << 15 };
/*
 * calloc(n, elsize) for a table read at random: from 2 MB on, made of
 * whole huge pages where the system has them (freed by free()).
 */
void *vc_calloc_huge(size_t n, size_t elsize);

/*
 * Frees every pointer given (NULL ones too), for release functions that
 * own many arrays: VC_FREE_ALL(p->a, p->b, p->c).
 */
void vc_free_all(void *const *ptrs, size_t n);

#define VC_FREE_ALL(...) \
    vc_free_all((void *const[]){ __VA_ARGS__ }, sizeof((void *[]){ __VA_ARGS__ }) / sizeof(void *))

#endif
