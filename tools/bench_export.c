/*
 * bench_export.c - writing speed: vchain's GEXF writer beside igraph's
 * GraphML writer, on the same graph, in one run.
 *
 *   bench_export [--nodes N] [--edges M] [--rounds R] [--dir DIR]
 *
 * Builds the synthetic value chain of tools/gen_chain.c (default 100,000
 * nodes and 1,000,000 edges, seed 42) in memory twice: as a struct vc_graph
 * through the graph API, and as an igraph graph with igraph's C attribute
 * table holding the same attributes (node: id, label, kind, country, level,
 * stage, tier, value; edge: relation, share, weight; a missing number is
 * NaN, a missing string "").  Then times, best of R rounds (default 3),
 * each writer producing a file in DIR (default $TMPDIR or /tmp), fclose
 * included:
 *   vchain-gexf     vc_gexf_write, GEXF 1.2draft, with viz (colours by kind,
 *                   sizes, edge thickness; positions when --layout is given)
 *   vchain-graphml  vc_graphml_write (for a same-format comparison)
 *   igraph-graphml  igraph_write_graph_graphml
 * and prints seconds, output MB and MB/s, and the ratio the README quotes.
 */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <igraph.h>

#include "vchain/vchain.h"

#include "bench_util.h"

static const char *const countries[] = { "USA", "CHN", "JPN", "KOR", "TWN", "NLD", "DEU",
                                         "FRA", "GBR", "SGP", "ISR", "IND", "MYS", "VNM" };
#define N_COUNTRIES (sizeof(countries) / sizeof(countries[0]))

enum { N_ID, N_LABEL, N_KIND, N_COUNTRY, N_LEVEL, N_STAGE, N_TIER, N_VALUE, N_NATTR };
static const char *const nattr_name[N_NATTR] = { "id", "label", "kind", "country", "level",
                                                 "stage", "tier", "value" };
enum { E_RELATION, E_SHARE, E_WEIGHT, N_EATTR };
static const char *const eattr_name[N_EATTR] = { "relation", "share", "weight" };

/* The same chain as gen_chain.c, as arrays both graphs are filled from. */
struct chain {
    long nodes, edges;
    char **str[N_NATTR];    /* per node, NULL when missing (strings) */
    double *num[N_NATTR];   /* per node, NAN when missing (tier, value) */
    long *from, *to;
    const char **relation;
    double *share, *weight;
};

static char *name(char prefix, long a)
{
    char buf[32];
    snprintf(buf, sizeof(buf), "%c%ld", prefix, a);
    return strdup(buf);
}

static char *text(const char *word, long a)
{
    char buf[64];
    snprintf(buf, sizeof(buf), "%s %ld", word, a);
    return strdup(buf);
}

static void make_chain(struct chain *c, long nodes, long edges)
{
    long items = nodes / 3, actors = nodes - items, k = 0;
    long inputs = edges / 5, provides = edges - inputs;
    const int tiers = 8;

    bench_seed(42);
    memset(c, 0, sizeof(*c));
    c->nodes = nodes;
    c->edges = edges;
    for (int a = 0; a < N_NATTR; a++) {
        c->str[a] = calloc((size_t)nodes, sizeof(char *));
        c->num[a] = malloc((size_t)nodes * sizeof(double));
        for (long i = 0; i < nodes; i++)
            c->num[a][i] = NAN;
    }
    for (long i = 0; i < items; i++, k++) {
        int tier = (int)(i * tiers / items);
        c->str[N_ID][k] = name('i', i);
        c->str[N_LABEL][k] = text("Item", i);
        c->str[N_KIND][k] = strdup("item");
        c->str[N_STAGE][k] = text("tier", tier);
        c->num[N_TIER][k] = tier;
        c->num[N_VALUE][k] = 0.1 + 10.0 * bench_unit();
    }
    for (long a = 0; a < actors; a++, k++) {
        int country_level = a < (long)N_COUNTRIES;
        const char *cc = countries[country_level ? a : (long)(bench_rng() % N_COUNTRIES)];
        c->str[N_ID][k] = name('a', a);
        c->str[N_LABEL][k] = text(country_level ? "Country" : "Firm", a);
        c->str[N_KIND][k] = strdup("actor");
        c->str[N_COUNTRY][k] = strdup(cc);
        c->str[N_LEVEL][k] = strdup(country_level ? "country" : "firm");
    }
    c->from = malloc((size_t)edges * sizeof(long));
    c->to = malloc((size_t)edges * sizeof(long));
    c->relation = malloc((size_t)edges * sizeof(char *));
    c->share = malloc((size_t)edges * sizeof(double));
    c->weight = malloc((size_t)edges * sizeof(double));
    long e = 0, per_item = provides / items, extra = provides % items;
    for (long i = 0; i < items; i++) {
        long n = per_item + (i < extra);
        double left = 0.98;
        for (long j = 0; j < n; j++, e++) {
            long a = (long)N_COUNTRIES +
                     (long)(bench_rng() % (uint64_t)(actors - (long)N_COUNTRIES));
            double s = j + 1 == n ? left : left * bench_unit() * 0.5;
            left -= s;
            c->from[e] = items + a;
            c->to[e] = i;
            c->relation[e] = "provides";
            c->share[e] = s;
            c->weight[e] = NAN;
        }
    }
    for (long j = 0; j < inputs; j++, e++) {
        long v = items / tiers + (long)(bench_rng() % (uint64_t)(items - items / tiers));
        int tv = (int)(v * tiers / items);
        long lo_end = (long)tv * items / tiers;
        long u = (long)(bench_rng() % (uint64_t)(lo_end ? lo_end : 1));
        c->from[e] = u;
        c->to[e] = v;
        c->relation[e] = "input_of";
        c->share[e] = NAN;
        c->weight[e] = 1.0 + bench_unit();
    }
}

static void free_chain(struct chain *c)
{
    for (int a = 0; a < N_NATTR; a++) {
        for (long i = 0; i < c->nodes; i++)
            free(c->str[a][i]);
        free(c->str[a]);
        free(c->num[a]);
    }
    free(c->from);
    free(c->to);
    free(c->relation);
    free(c->share);
    free(c->weight);
}

static int build_vchain(const struct chain *c, struct vc_graph *g)
{
    struct vc_attr *na[N_NATTR] = { 0 }, *ea[N_EATTR];
    vc_graph_init(g);
    for (int a = N_LABEL; a < N_NATTR; a++)
        if (vc_graph_attr_add(g, VC_CLASS_NODE, nattr_name[a],
                              a == N_TIER ? VC_ATTR_INT : a == N_VALUE ? VC_ATTR_DOUBLE
                                                                       : VC_ATTR_STRING,
                              &na[a], NULL) != VC_OK)
            return -1;
    for (int a = 0; a < N_EATTR; a++)
        if (vc_graph_attr_add(g, VC_CLASS_EDGE, eattr_name[a],
                              a == E_RELATION ? VC_ATTR_STRING : VC_ATTR_DOUBLE, &ea[a],
                              NULL) != VC_OK)
            return -1;
    for (long i = 0; i < c->nodes; i++) {
        size_t k;
        const char *id = c->str[N_ID][i];
        if (vc_graph_intern_node(g, id, strlen(id), 0, 0, &k, NULL, NULL) != VC_OK)
            return -1;
        for (int a = N_LABEL; a < N_NATTR; a++) {
            if (a == N_TIER || a == N_VALUE) {
                if (!isnan(c->num[a][i]))
                    a == N_TIER ? vc_attr_set_int(na[a], k, (int64_t)c->num[a][i], NULL)
                                : vc_attr_set_double(na[a], k, c->num[a][i], NULL);
            } else if (c->str[a][i]) {
                vc_attr_set_string(na[a], k, vc_graph_strdup(g, c->str[a][i],
                                                             strlen(c->str[a][i])), NULL);
            }
        }
    }
    const char *rel[2] = { vc_graph_strdup(g, "provides", 8), vc_graph_strdup(g, "input_of", 8) };
    for (long e = 0; e < c->edges; e++) {
        size_t idx;
        if (vc_graph_add_edge(g, (size_t)c->from[e], (size_t)c->to[e], true, NULL, 0, 0, 0, &idx,
                              NULL) != VC_OK)
            return -1;
        vc_attr_set_string(ea[E_RELATION], idx, rel[c->relation[e][0] == 'i'], NULL);
        if (!isnan(c->share[e]))
            vc_attr_set_double(ea[E_SHARE], idx, c->share[e], NULL);
        if (!isnan(c->weight[e]))
            vc_attr_set_double(ea[E_WEIGHT], idx, c->weight[e], NULL);
    }
    return 0;
}

static int build_igraph(const struct chain *c, igraph_t *g)
{
    igraph_vector_int_t ev;
    igraph_vector_t num;
    igraph_strvector_t str;

    igraph_set_attribute_table(&igraph_cattribute_table);
    if (igraph_vector_int_init(&ev, 2 * c->edges))
        return -1;
    for (long e = 0; e < c->edges; e++) {
        VECTOR(ev)[2 * e] = c->from[e];
        VECTOR(ev)[2 * e + 1] = c->to[e];
    }
    if (igraph_create(g, &ev, c->nodes, IGRAPH_DIRECTED))
        return -1;
    igraph_vector_int_destroy(&ev);
    igraph_vector_init(&num, c->nodes);
    igraph_strvector_init(&str, c->nodes);
    for (int a = 0; a < N_NATTR; a++) {
        if (a == N_TIER || a == N_VALUE) {
            for (long i = 0; i < c->nodes; i++)
                VECTOR(num)[i] = c->num[a][i];
            SETVANV(g, nattr_name[a], &num);
        } else {
            for (long i = 0; i < c->nodes; i++)
                igraph_strvector_set(&str, i, c->str[a][i] ? c->str[a][i] : "");
            SETVASV(g, nattr_name[a], &str);
        }
    }
    igraph_vector_destroy(&num);
    igraph_strvector_destroy(&str);
    igraph_vector_init(&num, c->edges);
    igraph_strvector_init(&str, c->edges);
    for (long e = 0; e < c->edges; e++)
        igraph_strvector_set(&str, e, c->relation[e]);
    SETEASV(g, "relation", &str);
    for (long e = 0; e < c->edges; e++)
        VECTOR(num)[e] = c->share[e];
    SETEANV(g, "share", &num);
    for (long e = 0; e < c->edges; e++)
        VECTOR(num)[e] = c->weight[e];
    SETEANV(g, "weight", &num);
    igraph_vector_destroy(&num);
    igraph_strvector_destroy(&str);
    return 0;
}

enum { W_GEXF, W_VC_GRAPHML, W_IGRAPH, N_WRITERS };
static const char *const writer_name[N_WRITERS] = { "vchain-gexf", "vchain-graphml",
                                                    "igraph-graphml" };

static int run_writer(int w, const struct vc_graph *vg, const igraph_t *ig, const char *path)
{
    struct vc_error err = VC_ERROR_INIT;
    FILE *f = fopen(path, "w");
    int rc = 0;
    if (!f)
        return -1;
    if (w == W_GEXF)
        rc = vc_gexf_write(vg, NULL, f, &err) == VC_OK ? 0 : -1;
    else if (w == W_VC_GRAPHML)
        rc = vc_graphml_write(vg, NULL, f, &err) == VC_OK ? 0 : -1;
    else
        rc = igraph_write_graph_graphml(ig, f, /*prefixattr=*/true) == IGRAPH_SUCCESS ? 0 : -1;
    if (rc)
        fprintf(stderr, "%s: %s\n", writer_name[w], err.msg);
    if (fclose(f) != 0)
        rc = -1;
    return rc;
}

int main(int argc, char **argv)
{
    long nodes = 100000, edges = 1000000;
    int rounds = 3;
    const char *dir = getenv("TMPDIR");
    enum vc_layout layout = VC_LAYOUT_NONE;
    struct chain c;
    struct vc_graph vg;
    igraph_t ig;
    double best[N_WRITERS], mb[N_WRITERS];
    char path[N_WRITERS][1024];

    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--nodes") && i + 1 < argc)
            nodes = atol(argv[++i]);
        else if (!strcmp(argv[i], "--edges") && i + 1 < argc)
            edges = atol(argv[++i]);
        else if (!strcmp(argv[i], "--rounds") && i + 1 < argc)
            rounds = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--dir") && i + 1 < argc)
            dir = argv[++i];
        else if (!strcmp(argv[i], "--layout") && i + 1 < argc && vc_layout_parse(argv[i + 1],
                                                                                &layout))
            i++;
        else {
            fprintf(stderr, "usage: bench_export [--nodes N] [--edges M] [--rounds R] "
                            "[--dir DIR] [--layout layered|none]\n");
            return 2;
        }
    }
    if (nodes < 16 || edges < 1 || rounds < 1) {
        fprintf(stderr, "bench_export: need at least 16 nodes, 1 edge, 1 round\n");
        return 2;
    }
    if (!dir || !*dir)
        dir = "/tmp";
    make_chain(&c, nodes, edges);
    if (build_vchain(&c, &vg) != 0 || build_igraph(&c, &ig) != 0) {
        fprintf(stderr, "bench_export: cannot build the graphs (out of memory?)\n");
        return 1;
    }
    if (layout != VC_LAYOUT_NONE && vc_layout_compute(&vg, layout, NULL, NULL) != VC_OK)
        return 1;
    printf("graph: %ld nodes, %ld edges; node attributes id label kind country level stage "
           "tier value, edge attributes relation share weight; best of %d rounds, files in %s\n",
           nodes, edges, rounds, dir);
    printf("%-15s %9s %9s %9s\n", "writer", "seconds", "MB", "MB/s");
    for (int w = 0; w < N_WRITERS; w++) {
        struct stat sb;
        snprintf(path[w], sizeof(path[w]), "%s/bench-export-%d-%s.%s", dir, (int)getpid(),
                 writer_name[w], w == W_GEXF ? "gexf" : "graphml");
        best[w] = 1e30;
        for (int r = 0; r < rounds; r++) {
            double t0 = bench_now();
            if (run_writer(w, &vg, &ig, path[w]) != 0) {
                fprintf(stderr, "%s failed\n", writer_name[w]);
                return 1;
            }
            double t = bench_now() - t0;
            best[w] = t < best[w] ? t : best[w];
        }
        stat(path[w], &sb);
        mb[w] = (double)sb.st_size / 1e6;
        printf("%-15s %9.3f %9.1f %9.1f\n", writer_name[w], best[w], mb[w], mb[w] / best[w]);
        unlink(path[w]);
    }
    printf("vchain's GEXF writer takes %.2fx the time of igraph's GraphML writer "
           "(%s); vchain's GraphML writer %.2fx\n", best[W_GEXF] / best[W_IGRAPH],
           best[W_GEXF] <= best[W_IGRAPH] ? "no slower" : "SLOWER",
           best[W_VC_GRAPHML] / best[W_IGRAPH]);
    vc_graph_release(&vg);
    igraph_destroy(&ig);
    free_chain(&c);
    return best[W_GEXF] <= best[W_IGRAPH] ? 0 : 3;
}
