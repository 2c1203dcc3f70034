/*
 * parallel.c - the engine's only use of threads: a shared task counter,
 * and how many threads a process takes when the caller leaves it open.
 *
 * Worker threads get a stack of VC_WORKER_STACK bytes, not the system's
 * default (8 MiB, the main thread's limit): tasks keep their scratch on the
 * heap and never recurse, and under a memory limit (RLIMIT_AS) every stack
 * counts against it, so eight default stacks would take 56 MiB of a run's
 * allowance before any data.  vc_engine_thread_overhead() tells a caller
 * that sets such a limit how much to add for them.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <unistd.h>

#include "parallel.h"
#include "vchain/engine.h"

/* Enough for any task (a few KiB of locals) with room for a sanitizer's
 * larger frames. */
#define VC_WORKER_STACK (1024 * 1024)

struct pool {
    vc_task_fn *fn;
    void *ctx;
    size_t n;
    atomic_size_t next;
    atomic_size_t done;
};

struct worker {
    struct pool *pool;
    unsigned index;
};

static unsigned sharing = 1;

void vc_threads_share(unsigned sharers)
{
    sharing = sharers ? sharers : 1;
}

unsigned vc_threads(unsigned wanted)
{
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    if (wanted)
        return wanted;
    return cores >= (long)sharing ? (unsigned)(cores / sharing) : 1;
}

size_t vc_engine_thread_overhead(unsigned threads)
{
    unsigned n = vc_threads(threads);
    long page = sysconf(_SC_PAGESIZE);
    /* each worker: its stack and the guard page below it */
    return n > 1 ? (size_t)(n - 1) * (VC_WORKER_STACK + (size_t)(page > 0 ? page : 4096)) : 0;
}

static void *work(void *arg)
{
    struct worker *w = arg;
    struct pool *p = w->pool;
    for (;;) {
        size_t t = atomic_fetch_add(&p->next, 1);
        if (t >= p->n)
            break;
        p->fn(p->ctx, t, w->index);
        atomic_fetch_add(&p->done, 1);
    }
    return NULL;
}

int vc_parallel_for(size_t n, unsigned threads, vc_task_fn *fn, void *ctx,
                    void (*progress)(void *ctx, size_t done, size_t total), void *pctx)
{
    struct pool pool;
    pthread_t *tid;
    struct worker *w;
    unsigned started = 0;
    int rc = 0;

    pool.fn = fn;
    pool.ctx = ctx;
    pool.n = n;
    atomic_init(&pool.next, 0);
    atomic_init(&pool.done, 0);
    if (threads < 2 || n < 2) {
        struct worker self = { &pool, 0 };
        work(&self);
        if (progress)
            progress(pctx, n, n);
        return 0;
    }
    tid = calloc(threads, sizeof(*tid));
    w = calloc(threads, sizeof(*w));
    if (!tid || !w) {
        free(tid);
        free(w);
        struct worker self = { &pool, 0 };
        work(&self);
        return -1;
    }
    /* Thread 0 is this thread; the others are started. */
    pthread_attr_t attr;
    bool sized = pthread_attr_init(&attr) == 0;
    if (sized && pthread_attr_setstacksize(&attr, VC_WORKER_STACK) != 0) {
        pthread_attr_destroy(&attr);
        sized = false;
    }
    for (unsigned i = 1; i < threads; i++) {
        w[i].pool = &pool;
        w[i].index = i;
        if (pthread_create(&tid[i], sized ? &attr : NULL, work, &w[i]) != 0) {
            rc = -1;
            break;
        }
        started = i;
    }
    if (sized)
        pthread_attr_destroy(&attr);
    w[0].pool = &pool;
    w[0].index = 0;
    if (progress) {
        /* Report while working: take tasks one by one on this thread. */
        for (;;) {
            size_t t = atomic_fetch_add(&pool.next, 1);
            if (t >= n)
                break;
            fn(ctx, t, 0);
            atomic_fetch_add(&pool.done, 1);
            progress(pctx, atomic_load(&pool.done), n);
        }
    } else {
        work(&w[0]);
    }
    for (unsigned i = 1; i <= started; i++)
        pthread_join(tid[i], NULL);
    if (progress)
        progress(pctx, n, n);
    free(tid);
    free(w);
    return rc;
}
