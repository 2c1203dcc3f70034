/*
 * parallel.h - a parallel for-loop over independent tasks (pthreads).
 *
 * Tasks are handed out one at a time from a shared counter, so uneven tasks
 * balance themselves.  Results must not depend on which thread runs a task:
 * every user writes task-indexed outputs and keeps per-thread scratch.
 * Never call igraph from a task (Debian's igraph is not thread-safe).
 */
#ifndef VC_ENGINE_PARALLEL_H
#define VC_ENGINE_PARALLEL_H

#include <stddef.h>

typedef void vc_task_fn(void *ctx, size_t task, unsigned thread);

/* Threads to use for a request of `wanted` (0: one per core this process
 * may use), at least 1. */
unsigned vc_threads(unsigned wanted);

/* How many processes of a parallel job run on this machine (default 1):
 * they share its cores, so a request of 0 threads gets cores / sharers. */
void vc_threads_share(unsigned sharers);

/*
 * Runs fn(ctx, t, thread) for t in [0, n) on `threads` threads (thread is
 * 0 .. threads-1).  progress (may be NULL) is called from the calling
 * thread now and then with the number of tasks done.  Returns 0, or -1 when
 * a thread could not be started (then everything ran on fewer threads).
 */
int vc_parallel_for(size_t n, unsigned threads, vc_task_fn *fn, void *ctx,
                    void (*progress)(void *ctx, size_t done, size_t total), void *pctx);

#endif
