/*
 * bench_import.c - GraphML reading speed and memory: vchain beside its peers.
 *
 *   bench_import [--rounds N] [--igraph-rounds N] [--vchain PATH] [--no-igraph]
 *                [--markdown] FILE
 *   bench_import --only METHOD FILE     (one run in this process, for profilers)
 *
 * Times, on the same file, each in a fresh child process so peak memory
 * (ru_maxrss) is its own:
 *   bare     a libxml2 SAX push parse with empty callbacks: the floor, builds
 *            nothing
 *   igraph   igraph_read_graph_graphml with igraph's C attribute table, so it
 *            keeps the attributes too
 *   reader   vc_graphml_read (typed node and edge attributes kept)
 *   info     the whole `vchain info FILE` process (read, value-chain checks,
 *            summary), when --vchain names the program
 * The methods take turns within each round, so a machine shared with other
 * work slows them alike; each round's times are divided by that round's
 * bare parse, and the table gives the range of those ratios over the rounds
 * beside the ranges of wall-clock and CPU (user + system) seconds.
 * --igraph-rounds N runs igraph in the first N rounds only (on 10^7 edges
 * it needs 2 GB and most of a minute a round).  --markdown adds one row of
 * the README's table: edges, then CPU seconds of the bare parse, the reader
 * (and its ratio to the bare parse), info (and its ratio to the reader) and
 * igraph's reader (and its ratio to vchain's), and the peak memory of the
 * reader and info in bytes per edge.
 *
 * The reader runs in a forked child, so its time leaves out starting a
 * process; info's includes it (loading igraph and the libraries it needs:
 * about 15 ms here, the time of `vchain --version`), which weighs on the
 * ratio at 10^5 edges.
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

/* The reader's edge count, for bytes per edge (a pipe from its child). */
static int count_fd = -1;

static int run_reader(const char *path)
{
    struct vc_graph g;
    struct vc_error err = VC_ERROR_INIT;
    FILE *f = fopen(path, "rb");
    if (!f)
        return 1;
    if (vc_graphml_read(&g, f, path, NULL, NULL, &err) != VC_OK) {
        fprintf(stderr, "vchain: %s:%ld: %s\n", path, err.line, err.msg);
        return 1;
    }
    fclose(f);
    if (count_fd >= 0 && write(count_fd, &g.n_edges, sizeof(g.n_edges)) != sizeof(g.n_edges))
        return 1;
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

static const char *vchain_path;

static int run_info(const char *path)
{
    /* The child becomes the vchain process: ru_maxrss is the whole command's. */
    if (!freopen("/dev/null", "w", stdout))
        return 1;
    execl(vchain_path, vchain_path, "info", path, (char *)NULL);
    perror(vchain_path);
    return 1;
}

enum { BARE, IGRAPH, READER, INFO, N_METHODS };

static const struct method {
    const char *name;
    int (*run)(const char *path);
} methods[N_METHODS] = {
    { "bare", run_bare },
    { "igraph", run_igraph },
    { "reader", run_reader },
    { "info", run_info },
};

struct range {
    double lo, hi;
};

static void widen(struct range *r, double x, int first)
{
    if (first || x < r->lo)
        r->lo = x;
    if (first || x > r->hi)
        r->hi = x;
}

static double tv_secs(struct timeval tv)
{
    return (double)tv.tv_sec + (double)tv.tv_usec / 1e6;
}

/* One run of m in a child: wall and CPU seconds, peak RSS in kB. */
static int measure(const struct method *m, const char *path, double *wall, double *cpu,
                   long *rss_kb, size_t *edges)
{
    struct timespec t0, t1;
    struct rusage ru;
    int status, fds[2] = { -1, -1 };
    pid_t pid;

    if (edges && pipe(fds) != 0)
        return -1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pid = fork();
    if (pid == 0) {
        if (fds[0] >= 0)
            close(fds[0]);
        count_fd = fds[1];
        _exit(m->run(path));
    }
    if (fds[1] >= 0)
        close(fds[1]);
    if (pid < 0 || wait4(pid, &status, 0, &ru) < 0)
        return -1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (edges && read(fds[0], edges, sizeof(*edges)) != (ssize_t)sizeof(*edges))
        *edges = 0;
    if (fds[0] >= 0)
        close(fds[0]);
    *wall = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    *cpu = tv_secs(ru.ru_utime) + tv_secs(ru.ru_stime);
    *rss_kb = ru.ru_maxrss;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

/* "lo–hi" with this many decimals, or one figure when they round alike. */
static void print_range(struct range r, int decimals)
{
    char a[32], b[32];
    snprintf(a, sizeof(a), "%.*f", decimals, r.lo);
    snprintf(b, sizeof(b), "%.*f", decimals, r.hi);
    if (strcmp(a, b) == 0)
        printf("%s", a);
    else
        printf("%s–%s", a, b);
}

/* A table cell: seconds and, in brackets, a ratio; a dash for a method not run. */
static void print_cell(int used, struct range secs, struct range ratio, int ratio_decimals)
{
    if (!used) {
        printf(" | —");
        return;
    }
    printf(" | ");
    print_range(secs, 2);
    printf(" (");
    print_range(ratio, ratio_decimals);
    printf("×)");
}

/* One row of the README's table (see the opening comment). */
static void markdown_row(size_t edges, const int *use, const struct range *cpu,
                         const struct range *cpu_ratio, struct range info_cpu_ratio,
                         struct range igraph_cpu_ratio, const long *rss)
{
    static const int peak_of[] = { READER, INFO, IGRAPH };

    printf("| %zu | ", edges);
    print_range(cpu[BARE], 2);
    print_cell(1, cpu[READER], cpu_ratio[READER], 2);
    print_cell(use[INFO], cpu[INFO], info_cpu_ratio, 2);
    print_cell(use[IGRAPH], cpu[IGRAPH], igraph_cpu_ratio, 1);
    for (size_t k = 0; k < sizeof(peak_of) / sizeof(peak_of[0]); k++) {
        int i = peak_of[k];
        if (use[i] && edges)
            printf(" | %.0f", (double)rss[i] * 1024.0 / (double)edges);
        else
            printf(" | —");
    }
    printf(" |\n");
}

static int usage(void)
{
    fprintf(stderr, "usage: bench_import [--rounds N] [--igraph-rounds N] [--vchain PATH] "
                    "[--no-igraph] [--markdown] FILE\n"
                    "       bench_import --only bare|igraph|reader FILE\n");
    return 2;
}

int main(int argc, char **argv)
{
    struct stat sb;
    int rounds = 3, igraph_rounds = -1, markdown = 0, use[N_METHODS] = { 1, 1, 1, 0 };
    const char *only = NULL, *path = NULL;
    struct range wall[N_METHODS], cpu[N_METHODS], ratio[N_METHODS], cpu_ratio[N_METHODS];
    struct range info_ratio = { 0, 0 }, info_cpu_ratio = { 0, 0 }, igraph_ratio = { 0, 0 };
    struct range igraph_cpu_ratio = { 0, 0 };
    long rss[N_METHODS] = { 0 };
    size_t edges = 0;

    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--rounds") && i + 1 < argc)
            rounds = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--vchain") && i + 1 < argc)
            vchain_path = argv[++i];
        else if (!strcmp(argv[i], "--igraph-rounds") && i + 1 < argc)
            igraph_rounds = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--no-igraph"))
            use[IGRAPH] = 0;
        else if (!strcmp(argv[i], "--markdown"))
            markdown = 1;
        else if (!strcmp(argv[i], "--only") && i + 1 < argc)
            only = argv[++i];
        else if (argv[i][0] != '-' && !path)
            path = argv[i];
        else
            return usage();
    }
    if (!path || rounds < 1 || stat(path, &sb) != 0)
        return usage();
    if (only) {
        for (int i = 0; i < INFO; i++)
            if (!strcmp(only, methods[i].name))
                return methods[i].run(path);
        return usage();
    }
    use[INFO] = vchain_path != NULL;
    if (igraph_rounds < 0 || igraph_rounds > rounds)
        igraph_rounds = rounds;
    if (igraph_rounds == 0)
        use[IGRAPH] = 0;

    for (int r = 0; r < rounds; r++) {
        double w[N_METHODS], c[N_METHODS];
        for (int i = 0; i < N_METHODS; i++) {
            long kb;
            if (!use[i] || (i == IGRAPH && r >= igraph_rounds))
                continue;
            if (measure(&methods[i], path, &w[i], &c[i], &kb, i == READER ? &edges : NULL)) {
                fprintf(stderr, "bench_import: %s failed on %s\n", methods[i].name, path);
                return 1;
            }
            widen(&wall[i], w[i], r == 0);
            widen(&cpu[i], c[i], r == 0);
            widen(&ratio[i], w[i] / w[BARE], r == 0);
            widen(&cpu_ratio[i], c[i] / c[BARE], r == 0);
            if (kb > rss[i])
                rss[i] = kb;
        }
        if (use[INFO]) {
            widen(&info_ratio, w[INFO] / w[READER], r == 0);
            widen(&info_cpu_ratio, c[INFO] / c[READER], r == 0);
        }
        if (use[IGRAPH] && r < igraph_rounds) {
            widen(&igraph_ratio, w[IGRAPH] / w[READER], r == 0);
            widen(&igraph_cpu_ratio, c[IGRAPH] / c[READER], r == 0);
        }
    }

    printf("file %s: %.1f MB, %zu edges; %d rounds, ranges over the rounds\n", path,
           (double)sb.st_size / 1e6, edges, rounds);
    printf("%-7s %15s %15s %13s %13s %8s %6s\n", "method", "wall s", "CPU s", "x bare wall",
           "x bare CPU", "peak MB", "B/edge");
    for (int i = 0; i < N_METHODS; i++) {
        if (!use[i])
            continue;
        printf("%-7s %7.3f-%-7.3f %7.3f-%-7.3f %6.2f-%-6.2f %6.2f-%-6.2f %8.1f %6.1f\n",
               methods[i].name, wall[i].lo, wall[i].hi, cpu[i].lo, cpu[i].hi, ratio[i].lo,
               ratio[i].hi, cpu_ratio[i].lo, cpu_ratio[i].hi, (double)rss[i] / 1024.0,
               edges ? (double)rss[i] * 1024.0 / (double)edges : 0.0);
    }
    if (use[IGRAPH])
        printf("reader: %.2f-%.2fx faster than igraph's reader (wall), %.2f-%.2fx (CPU)%s\n",
               igraph_ratio.lo, igraph_ratio.hi, igraph_cpu_ratio.lo, igraph_cpu_ratio.hi,
               igraph_rounds < rounds ? " (igraph in the first rounds only)" : "");
    if (use[INFO])
        printf("info: %.2f-%.2fx the reader's time (wall), %.2f-%.2fx its CPU time\n",
               info_ratio.lo, info_ratio.hi, info_cpu_ratio.lo, info_cpu_ratio.hi);
    if (markdown)
        markdown_row(edges, use, cpu, cpu_ratio, info_cpu_ratio, igraph_cpu_ratio, rss);
    return 0;
}
