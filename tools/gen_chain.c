/*
 * gen_chain.c - writes a synthetic value chain as GraphML, for benchmarks.
 *
 *   gen_chain [--nodes N] [--edges M] [--seed S] [-o FILE]
 *
 * A third of the nodes are items in 8 tiers, the rest actors (firms, with
 * a few country-level actors).  Most edges are provides edges (actor ->
 * item, shares per item summing to at most 1); the rest are input_of edges
 * from a lower tier to a higher one, so the chain is acyclic.  Typed
 * attributes on both nodes and edges, as real files have: kind, label,
 * country, level, stage, tier (int), value (double); relation, share,
 * weight.  Numbers carry the precision real data has (shares to 0.01 %,
 * values and weights to 4 decimals); --digits17 writes every number with
 * 17 significant digits instead, as some tools do.  Deterministic for a
 * given seed.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_util.h"

/* Four decimals, as market data has (unless every digit is wanted). */
static double round4(double x, int keep)
{
    return keep ? x : (double)(long)(x * 10000.0 + 0.5) / 10000.0;
}

static const char *const countries[] = { "USA", "CHN", "JPN", "KOR", "TWN", "NLD", "DEU",
                                         "FRA", "GBR", "SGP", "ISR", "IND", "MYS", "VNM" };
#define N_COUNTRIES (sizeof(countries) / sizeof(countries[0]))

int main(int argc, char **argv)
{
    long nodes = 100000, edges = 1000000;
    uint64_t seed = 42;
    const char *path = NULL;
    int digits17 = 0;
    FILE *out = stdout;

    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--nodes") && i + 1 < argc)
            nodes = atol(argv[++i]);
        else if (!strcmp(argv[i], "--edges") && i + 1 < argc)
            edges = atol(argv[++i]);
        else if (!strcmp(argv[i], "--seed") && i + 1 < argc)
            seed = strtoull(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--digits17"))
            digits17 = 1;
        else if (!strcmp(argv[i], "-o") && i + 1 < argc)
            path = argv[++i];
        else {
            fprintf(stderr, "usage: gen_chain [--nodes N] [--edges M] [--seed S] [--digits17] [-o FILE]\n");
            return 2;
        }
    }
    if (nodes < 16 || edges < 1) {
        fprintf(stderr, "gen_chain: need at least 16 nodes and 1 edge\n");
        return 2;
    }
    if (path && !(out = fopen(path, "w"))) {
        perror(path);
        return 1;
    }
    bench_seed(seed);
    long items = nodes / 3, actors = nodes - items;
    long inputs = edges / 5, provides = edges - inputs;
    const int tiers = 8;

    fprintf(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                 "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
                 "  <key id=\"d0\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n"
                 "  <key id=\"d1\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
                 "  <key id=\"d2\" for=\"node\" attr.name=\"country\" attr.type=\"string\"/>\n"
                 "  <key id=\"d3\" for=\"node\" attr.name=\"level\" attr.type=\"string\"/>\n"
                 "  <key id=\"d4\" for=\"node\" attr.name=\"stage\" attr.type=\"string\"/>\n"
                 "  <key id=\"d5\" for=\"node\" attr.name=\"tier\" attr.type=\"int\"/>\n"
                 "  <key id=\"d6\" for=\"node\" attr.name=\"value\" attr.type=\"double\"/>\n"
                 "  <key id=\"d7\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>\n"
                 "  <key id=\"d8\" for=\"edge\" attr.name=\"share\" attr.type=\"double\"/>\n"
                 "  <key id=\"d9\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
                 "  <graph id=\"synthetic\" edgedefault=\"directed\">\n");
    for (long i = 0; i < items; i++) {
        int tier = (int)(i * tiers / items);
        fprintf(out, "    <node id=\"i%ld\"><data key=\"d0\">item</data><data key=\"d1\">Item %ld"
                     "</data><data key=\"d4\">tier %d</data><data key=\"d5\">%d</data>"
                     "<data key=\"d6\">%.*g</data></node>\n",
                i, i, tier, tier, digits17 ? 17 : 6, round4(0.1 + 10.0 * bench_unit(), digits17));
    }
    for (long a = 0; a < actors; a++) {
        int country_level = a < (long)N_COUNTRIES;
        const char *cc = countries[country_level ? a : (long)(bench_rng() % N_COUNTRIES)];
        fprintf(out, "    <node id=\"a%ld\"><data key=\"d0\">actor</data><data key=\"d1\">%s %ld"
                     "</data><data key=\"d2\">%s</data><data key=\"d3\">%s</data></node>\n",
                a, country_level ? "Country" : "Firm", a, cc, country_level ? "country" : "firm");
    }
    /* Provides edges: item by item, shares from a random partition of <= 1. */
    long per_item = provides / items, extra = provides % items;
    for (long i = 0; i < items; i++) {
        long k = per_item + (i < extra);
        double left = 0.98;
        for (long j = 0; j < k; j++) {
            long a = (long)N_COUNTRIES +
                     (long)(bench_rng() % (uint64_t)(actors - (long)N_COUNTRIES));
            double s = round4(j + 1 == k ? left : left * bench_unit() * 0.5, digits17);
            left -= s;
            fprintf(out, "    <edge source=\"a%ld\" target=\"i%ld\"><data key=\"d7\">provides"
                         "</data><data key=\"d8\">%.*g</data></edge>\n", a, i,
                    digits17 ? 17 : 6, s);
        }
    }
    /* Input edges from a lower tier to a higher one. */
    for (long e = 0; e < inputs; e++) {
        long v = items / tiers + (long)(bench_rng() % (uint64_t)(items - items / tiers));
        int tv = (int)(v * tiers / items);
        long lo_end = (long)tv * items / tiers; /* first item of v's tier */
        long u = (long)(bench_rng() % (uint64_t)(lo_end ? lo_end : 1));
        fprintf(out, "    <edge source=\"i%ld\" target=\"i%ld\"><data key=\"d7\">input_of"
                     "</data><data key=\"d9\">%.*g</data></edge>\n", u, v, digits17 ? 17 : 6,
                round4(1.0 + bench_unit(), digits17));
    }
    fputs("  </graph>\n</graphml>\n", out);
    if (fflush(out) || ferror(out) || (path && fclose(out))) {
        perror(path ? path : "stdout");
        return 1;
    }
    return 0;
}
