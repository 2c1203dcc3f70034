/*
 * bench_util.h - what the benchmark and generator tools share: a seeded
 * random stream (splitmix64: small, fast, good enough for synthetic data),
 * wall and CPU clocks, the load average and this process's memory figures.
 * Header-only (static inline): each tool is one .c file.
 */
#ifndef VC_TOOLS_BENCH_UTIL_H
#define VC_TOOLS_BENCH_UTIL_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static uint64_t bench_rng_state;

static inline void bench_seed(uint64_t seed)
{
    bench_rng_state = seed;
}

static inline uint64_t bench_rng(void)
{
    uint64_t z = (bench_rng_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* Uniform in [0, 1), from the top 53 bits. */
static inline double bench_unit(void)
{
    return (double)(bench_rng() >> 11) / 9007199254740992.0;
}

/* Wall-clock seconds from an arbitrary start. */
static inline double bench_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* User plus system seconds of this process (every thread). */
static inline double bench_cpu_seconds(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
           (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
}

/* The one-minute load average, -1 where /proc does not tell. */
static inline double bench_load_average(void)
{
    double l = -1;
    FILE *f = fopen("/proc/loadavg", "r");
    if (f) {
        if (fscanf(f, "%lf", &l) != 1)
            l = -1;
        fclose(f);
    }
    return l;
}

/* A field of /proc/self/status in kB ("VmHWM:", "VmRSS:"), -1 if absent. */
static inline long bench_status_kb(const char *field)
{
    char line[256];
    long kb = -1;
    FILE *f = fopen("/proc/self/status", "r");
    if (!f)
        return -1;
    while (fgets(line, sizeof(line), f))
        if (strncmp(line, field, strlen(field)) == 0)
            kb = strtol(line + strlen(field), NULL, 10);
    fclose(f);
    return kb;
}

/* Resets the peak RSS (VmHWM) to the current RSS; 0 when the kernel allows it. */
static inline int bench_reset_peak(void)
{
    FILE *f = fopen("/proc/self/clear_refs", "w");
    int rc;
    if (!f)
        return -1;
    rc = fputs("5", f) < 0;
    return fclose(f) != 0 || rc ? -1 : 0;
}

#endif
