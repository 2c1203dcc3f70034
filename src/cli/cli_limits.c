/*
 * cli_limits.c - the memory bound of a run (--max-memory).
 *
 * vchain caps its own address space with RLIMIT_AS so that an input needing
 * more memory than allowed makes allocations fail inside vchain, where every
 * path turns that into an "out of memory" error naming the limit, instead
 * of the system's out-of-memory killer ending the process (or the machine
 * swapping).  The limit counts what vchain allocates for data: the address
 * space already taken at start-up (program, libraries, about 50 MB) is added
 * on top, and so are the stacks of the analysis's worker threads (1 MiB
 * each, vc_engine_thread_overhead()), so that --threads does not change how
 * much data fits.  Default: three quarters of physical memory.  An existing
 * lower limit (ulimit -v) is kept, never raised.
 *
 * AddressSanitizer reserves terabytes of address space for its shadow
 * memory, so a sanitized build leaves the limit off (and says so in
 * --help's figures, not in errors).
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "cli.h"

#if defined(__SANITIZE_ADDRESS__)
#define VC_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define VC_ASAN 1
#endif
#endif

static struct {
    unsigned long long bytes; /* the data allowance in force; 0 = none */
    int from_option;          /* 1: --max-memory, 0: the default */
    unsigned long long inherited; /* a tighter RLIMIT_AS found at start (ulimit -v) */
} limit;

int cli_parse_size(const char *s, unsigned long long *out)
{
    char *end;
    unsigned long long v, mult = 1;

    if (strcmp(s, "none") == 0 || strcmp(s, "unlimited") == 0) {
        *out = 0;
        return 0;
    }
    if (*s < '0' || *s > '9')
        return -1;
    errno = 0;
    v = strtoull(s, &end, 10);
    if (errno == ERANGE)
        return -1;
    switch (*end) {
    case '\0': break;
    case 'k': case 'K': mult = 1ULL << 10; end++; break;
    case 'm': case 'M': mult = 1ULL << 20; end++; break;
    case 'g': case 'G': mult = 1ULL << 30; end++; break;
    case 't': case 'T': mult = 1ULL << 40; end++; break;
    default: return -1;
    }
    if (mult > 1 && (strcmp(end, "iB") == 0 || strcmp(end, "B") == 0))
        end += strlen(end);
    if (*end || (v && mult > ULLONG_MAX / v))
        return -1;
    *out = v * mult;
    return 0;
}

void cli_format_size(unsigned long long bytes, char *buf, size_t size)
{
    static const char *const units[] = { "bytes", "KiB", "MiB", "GiB", "TiB" };
    int u = 0;
    unsigned long long v = bytes;
    while (u < 4 && v >= 1024 && v % 1024 == 0) {
        v /= 1024;
        u++;
    }
    if (u == 0 && bytes >= 1ULL << 20)
        snprintf(buf, size, "%.1f MiB", (double)bytes / (1 << 20));
    else
        snprintf(buf, size, "%llu %s", v, units[u]);
}

/* Address space in use now (program, libraries, heap so far), or 0. */
static unsigned long long address_space_now(void)
{
    unsigned long long pages = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (!f)
        return 0;
    if (fscanf(f, "%llu", &pages) != 1)
        pages = 0;
    fclose(f);
    return pages * (unsigned long long)sysconf(_SC_PAGESIZE);
}

static unsigned long long default_allowance(void)
{
    long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGESIZE);
    if (pages <= 0 || page <= 0)
        return 0;
    return (unsigned long long)pages / 4 * 3 * (unsigned long long)page;
}

/* Grows the stack by touching `bytes` of it: a grown stack stays mapped, so
 * it is counted in the address space before the limit is set, and a tiny
 * limit then ends in an out-of-memory error rather than a crash when a
 * call goes deeper than the stack had reached. */
#define STACK_GROWN (1 << 20)
static __attribute__((noinline)) char grow_stack(void)
{
    volatile char block[STACK_GROWN];
    char sum = 0;
    for (size_t k = 0; k < sizeof(block); k += 4096)
        block[k] = (char)k;
    for (size_t k = 0; k < sizeof(block); k += 4096)
        sum = (char)(sum + block[k]);
    return sum;
}

static int asan_build(void)
{
#ifdef VC_ASAN
    return 1;
#else
    return 0;
#endif
}

int cli_set_memory_limit(unsigned long long bytes, int from_option, unsigned long long extra)
{
    struct rlimit rl, stack;
    unsigned long long want, base;

    limit.bytes = 0;
    limit.from_option = from_option;
    if (!from_option)
        bytes = default_allowance();
    if (bytes == 0 || asan_build()) /* see the opening comment */
        return 0;
    if (getrlimit(RLIMIT_AS, &rl) != 0)
        return -1;
    if (getrlimit(RLIMIT_STACK, &stack) != 0 ||
        stack.rlim_cur == RLIM_INFINITY || stack.rlim_cur >= 4 * (rlim_t)STACK_GROWN)
        (void)grow_stack(); /* never near a small stack's own limit (ulimit -s) */
    base = address_space_now();
    if (extra > ULLONG_MAX - base)
        extra = ULLONG_MAX - base;
    base += extra;
    want = bytes > ULLONG_MAX - base ? ULLONG_MAX : base + bytes;
    if (rl.rlim_cur != RLIM_INFINITY && (unsigned long long)rl.rlim_cur <= want) {
        limit.inherited = rl.rlim_cur; /* a tighter limit is already set: keep it */
        return 0;
    }
    if (rl.rlim_max != RLIM_INFINITY && want > (unsigned long long)rl.rlim_max)
        want = rl.rlim_max;
    rl.rlim_cur = (rlim_t)want;
    if (setrlimit(RLIMIT_AS, &rl) != 0)
        return -1;
    limit.bytes = bytes;
    return 0;
}

void cli_memory_hint(const struct vc_error *err)
{
    char size[32];

    /* Size limits of the input (ids, values, depth) name their own limit. */
    if (err->code != VC_ENOMEM || strstr(err->msg, "limit"))
        return;
    if (limit.inherited) {
        cli_format_size(limit.inherited, size, sizeof(size));
        cli_hint("this run's address space was limited to %s from outside (ulimit -v); "
                 "vchain does not raise it", size);
        return;
    }
    if (!limit.bytes)
        return;
    cli_format_size(limit.bytes, size, sizeof(size));
    if (limit.from_option)
        cli_hint("this run was limited to %s of memory by --max-memory; give a larger "
                 "--max-memory SIZE (e.g. 8G) if the machine has it", size);
    else
        cli_hint("this run was limited to %s of memory (3/4 of the machine's RAM); "
                 "--max-memory SIZE sets another limit", size);
}
