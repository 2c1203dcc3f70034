/*
 * mem.h - growing arrays without overflow.
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

#endif
