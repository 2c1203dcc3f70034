/*
 * bench_import.c - GraphML reading speed and memory: vchain beside its peers.
 *
 *   bench_import FILE [ROUNDS]
 *
 * Times, in one run on the same file, each in a fresh child process so peak
 * memory (ru_maxrss) is its own:
 *   vchain   vc_graphml_read (typed node and edge attributes kept)
 *   igraph   igraph_read_graph_graphml with igraph's C attribute table, so it
 *            keeps the attributes too
 *   bare     a libxml2 SAX push parse with empty callbacks: the floor, builds
 *            nothing
 * Prints the best of ROUNDS (default 3) wall-clock times, MB/s and peak RSS.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <igraph.h>
#include <libxml/parser.h>

#include "vchain/vchain.h"

static int run_vchain(const char *path)
{
    struct vc_graph g;
    struct vc_error err = VC_ERROR_INIT;
    FILE *f = fopen(path, "rb");
    if (!f)
        return 1;
    if (vc_graphml_read(&g, f, path, NULL, NULL, &err) != VC_OK) {
        fprintf(stderr, "vchain: %s\n", err.msg);
        return 1;
    }
    fclose(f);
    vc_graph_release(&g);
    return 0;
}

static int run_igraph(const char *path)
{
    igraph_t g;
    FILE *f = fopen(path, "rb");
    if (!f)
        return 1;
    igraph_set_attribute_table(&igraph_cattribute_table);
    if (igraph_read_graph_graphml(&g, f, 0) != IGRAPH_SUCCESS)
        return 1;
    fclose(f);
    igraph_destroy(&g);
    return 0;
}

static void nop_start(void *ud, const xmlChar *l, const xmlChar *p, const xmlChar *u, int nn,
                      const xmlChar **ns, int na, int nd, const xmlChar **a)
{
    (void)ud; (void)l; (void)p; (void)u; (void)nn; (void)ns; (void)na; (void)nd; (void)a;
}

static void nop_end(void *ud, const xmlChar *l, const xmlChar *p, const xmlChar *u)
{
    (void)ud; (void)l; (void)p; (void)u;
}

static void nop_chars(void *ud, const xmlChar *c, int n)
{
    (void)ud; (void)c; (void)n;
}

static int run_bare(const char *path)
{
    xmlSAXHandler sax;
    char buf[1 << 16];
    size_t n;
    FILE *f = fopen(path, "rb");
    if (!f)
        return 1;
    memset(&sax, 0, sizeof(sax));
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = nop_start;
    sax.endElementNs = nop_end;
    sax.characters = nop_chars;
    n = fread(buf, 1, 4, f);
    xmlParserCtxtPtr ctxt = xmlCreatePushParserCtxt(&sax, NULL, buf, (int)n, path);
    xmlCtxtUseOptions(ctxt, XML_PARSE_NONET);
    while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
        if (xmlParseChunk(ctxt, buf, (int)n, 0))
            break;
    xmlParseChunk(ctxt, buf, 0, 1);
    int ok = ctxt->wellFormed;
    xmlFreeParserCtxt(ctxt);
    fclose(f);
    return ok ? 0 : 1;
}

struct method {
    const char *name;
    int (*run)(const char *path);
};

static int measure(const struct method *m, const char *path, double *secs, long *rss_kb)
{
    struct timespec t0, t1;
    struct rusage ru;
    int status;
    pid_t pid;

    clock_gettime(CLOCK_MONOTONIC, &t0);
    pid = fork();
    if (pid == 0)
        _exit(m->run(path));
    if (pid < 0 || wait4(pid, &status, 0, &ru) < 0)
        return -1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    *secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    *rss_kb = ru.ru_maxrss;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

int main(int argc, char **argv)
{
    static const struct method methods[] = {
        { "vchain", run_vchain },
        { "igraph", run_igraph },
        { "bare-sax", run_bare },
    };
    struct stat sb;
    int rounds = argc > 2 ? atoi(argv[2]) : 3;
    double best[3];

    if (argc < 2 || stat(argv[1], &sb) != 0) {
        fprintf(stderr, "usage: bench_import FILE [ROUNDS]\n");
        return 2;
    }
    printf("file %s (%.1f MB), best of %d rounds\n", argv[1], (double)sb.st_size / 1e6, rounds);
    printf("%-9s %9s %9s %11s\n", "reader", "seconds", "MB/s", "peak RSS MB");
    for (int i = 0; i < 3; i++) {
        double t, tbest = 1e30;
        long rss, rss_best = 0;
        for (int r = 0; r < rounds; r++) {
            if (measure(&methods[i], argv[1], &t, &rss) != 0) {
                fprintf(stderr, "%s failed\n", methods[i].name);
                return 1;
            }
            if (t < tbest)
                tbest = t;
            if (rss > rss_best)
                rss_best = rss;
        }
        best[i] = tbest;
        printf("%-9s %9.3f %9.1f %11.1f\n", methods[i].name, tbest, (double)sb.st_size / 1e6 / tbest,
               (double)rss_best / 1024.0);
    }
    printf("vchain is %.2fx faster than igraph's reader and takes %.2fx the bare parse's time\n",
           best[1] / best[0], best[0] / best[2]);
    return 0;
}
