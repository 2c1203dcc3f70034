/*
 * cmd_info.c - `vchain info FILE`: what a graph holds and what looks wrong.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "vchain/textout.h"
#include "vchain/summary.h"

static const char usage[] =
    "Usage: vchain info [OPTIONS] FILE\n"
    "\n"
    "Reads FILE (GraphML, GEXF or a folder of CSV tables; '-' for standard input)\n"
    "and reports what it holds: node and edge counts, directedness, node kinds and\n"
    "edge relations, every attribute with its type and how many elements carry it,\n"
    "items whose shares add up above 100 %, self-loops, parallel edges, weakly\n"
    "connected components, and whether the graph is acyclic.\n"
    "\n"
    "Options:\n"
    "  --format FMT          text (default) or json\n"
    "  -h, --help            this help\n"
    "\n" CLI_INPUT_HELP
    "\n"
    "Exit status: 0 success, 1 the input could not be read (or, with --strict,\n"
    "had warnings), 2 usage error.\n";

static void print_text(const struct vc_chain *c, const struct vc_summary *s)
{
    const struct vc_graph *g = c->graph;

    printf("file             %s\n", cli_safe(g->source));
    printf("nodes            %zu\n", s->n_nodes);
    printf("  actors         %zu (%zu firm level, %zu country level; %zu aggregates",
           s->kinds[VC_KIND_ACTOR], s->actors_by_level[VC_LEVEL_FIRM],
           s->actors_by_level[VC_LEVEL_COUNTRY], s->aggregates);
    if (s->final_actors)
        printf("; %zu final", s->final_actors);
    printf(")\n");
    printf("  items          %zu (%zu final)\n", s->kinds[VC_KIND_ITEM], s->final_items);
    if (s->kinds[VC_KIND_OTHER])
        printf("  other          %zu\n", s->kinds[VC_KIND_OTHER]);
    printf("edges            %zu (%s%s)\n", s->n_edges,
           s->directed ? "directed by default" : "undirected by default",
           s->n_undirected && s->directed ? ", some undirected" :
           !s->directed && s->n_undirected < s->n_edges ? ", some directed" : "");
    for (int r = 0; r < 5; r++)
        if (s->relations[r] || r < 4)
            printf("  %-14s %zu\n", vc_relation_name((enum vc_relation)r), s->relations[r]);
    printf("unknown shares   %zu provides edge%s without a share\n", s->provides_unknown_share,
           s->provides_unknown_share == 1 ? "" : "s");
    printf("self-loops       %zu\n", s->self_loops);
    printf("parallel edges   %zu\n", s->parallel_edges);
    printf("components       %zu (weakly connected)\n", s->components);
    printf("acyclic          %s\n", s->acyclic ? "yes" : "no");
    printf("reading          %s\n", c->plain ? "plain graph: every node an actor, every edge supplies"
                                             : "value chain (kind/relation attributes)");
    printf("final output     %s\n", vc_final_rule_text(c->final_rule));
    if (s->relations[VC_REL_SUPPLIES])
        printf("supplier groups  by the edge item where given, else %s%s%s\n",
               c->sector_attr ? "by the supplier's node attribute \"" : "",
               c->sector_attr ? cli_safe(c->sector_attr)
                              : "one group per customer (no sector attribute)",
               c->sector_attr ? "\"" : "");
    if (c->n_directionless)
        printf("no direction     %zu edge%s undirected: left out of the propagation "
               "(--direction as-written reads them source -> target)\n",
               c->n_directionless, c->n_directionless == 1 ? " is" : "s are");
    printf("attributes       %zu\n", g->n_attrs);
    if (g->n_attrs) {
        printf("  %-6s %-24s %-8s %s\n", "class", "name", "type", "count");
        for (int cls = 0; cls < 3; cls++)
            for (size_t i = 0; i < g->n_attrs; i++) {
                const struct vc_attr *a = g->attrs[i];
                if ((int)a->cls == cls)
                    printf("  %-6s %-24s %-8s %zu\n", vc_attr_class_name(a->cls), cli_safe(a->name),
                           vc_attr_type_name(a->type), a->count);
            }
    }
    printf("coverage > 100%%  %zu\n", s->n_coverage_issues);
    for (size_t i = 0; i < s->n_coverage_issues; i++) {
        const struct vc_coverage_issue *ci = &s->coverage_issues[i];
        printf("  %s (%s level): %.1f %%\n", cli_safe(c->label[ci->item]), vc_level_name(ci->level),
               ci->coverage * 100.0);
    }
}

static void print_json(const struct vc_chain *c, const struct vc_summary *s)
{
    const struct vc_graph *g = c->graph;

    printf("{\n  \"file\": ");
    vc_json_string(stdout, g->source);
    printf(",\n  \"nodes\": %zu,\n  \"edges\": %zu,\n", s->n_nodes, s->n_edges);
    printf("  \"directed\": %s,\n  \"undirected_edges\": %zu,\n", s->directed ? "true" : "false",
           s->n_undirected);
    printf("  \"plain\": %s,\n", c->plain ? "true" : "false");
    printf("  \"kinds\": {\"actor\": %zu, \"item\": %zu, \"other\": %zu},\n",
           s->kinds[VC_KIND_ACTOR], s->kinds[VC_KIND_ITEM], s->kinds[VC_KIND_OTHER]);
    printf("  \"actors_by_level\": {\"firm\": %zu, \"country\": %zu},\n",
           s->actors_by_level[VC_LEVEL_FIRM], s->actors_by_level[VC_LEVEL_COUNTRY]);
    printf("  \"aggregates\": %zu,\n  \"final_items\": %zu,\n", s->aggregates, s->final_items);
    printf("  \"final_actors\": %zu,\n  \"final_rule\": ", s->final_actors);
    vc_json_string(stdout, vc_final_rule_text(c->final_rule));
    printf(",\n  \"sector_attribute\": ");
    if (c->sector_attr)
        vc_json_string(stdout, c->sector_attr);
    else
        fputs("null", stdout);
    printf(",\n  \"directionless_edges\": %zu,\n", c->n_directionless);
    printf("  \"relations\": {");
    for (int r = 0; r < 5; r++)
        printf("%s\"%s\": %zu", r ? ", " : "", vc_relation_name((enum vc_relation)r),
               s->relations[r]);
    printf("},\n  \"provides_unknown_share\": %zu,\n", s->provides_unknown_share);
    printf("  \"self_loops\": %zu,\n  \"parallel_edges\": %zu,\n", s->self_loops,
           s->parallel_edges);
    printf("  \"weak_components\": %zu,\n  \"acyclic\": %s,\n", s->components,
           s->acyclic ? "true" : "false");
    printf("  \"attributes\": [");
    for (size_t i = 0; i < g->n_attrs; i++) {
        const struct vc_attr *a = g->attrs[i];
        printf("%s\n    {\"class\": \"%s\", \"name\": ", i ? "," : "", vc_attr_class_name(a->cls));
        vc_json_string(stdout, a->name);
        printf(", \"type\": \"%s\", \"count\": %zu}", vc_attr_type_name(a->type), a->count);
    }
    printf("%s],\n  \"coverage_above_1\": [", g->n_attrs ? "\n  " : "");
    for (size_t i = 0; i < s->n_coverage_issues; i++) {
        const struct vc_coverage_issue *ci = &s->coverage_issues[i];
        printf("%s\n    {\"item\": ", i ? "," : "");
        vc_json_string(stdout, g->node_id[ci->item]);
        printf(", \"label\": ");
        vc_json_string(stdout, c->label[ci->item]);
        printf(", \"level\": \"%s\", \"coverage\": ", vc_level_name(ci->level));
        vc_json_number(stdout, ci->coverage);
        printf("}");
    }
    printf("%s]\n}\n", s->n_coverage_issues ? "\n  " : "");
}

/* The summary of c, in text or JSON. */
static int print_info(const struct vc_chain *c, double tolerance, int fmt)
{
    struct vc_summary s;
    struct vc_error err = VC_ERROR_INIT;

    if (vc_summary_compute(c, tolerance, &s, &err) != VC_OK)
        return cli_report(&err);
    if (fmt == FMT_JSON)
        print_json(c, &s);
    else
        print_text(c, &s);
    vc_summary_release(&s);
    return EXIT_OK;
}

int cmd_info(int argc, char **argv)
{
    enum { OPT_FORMAT = OPT_FIRST_COMMAND_OPTION };
    static const struct option longopts[] = {
        { "format", required_argument, 0, OPT_FORMAT },
        CLI_INPUT_LONGOPTS_END,
    };
    static const struct cli_choice formats[] = {
        { "text", FMT_TEXT, false }, { "json", FMT_JSON, false },
    };
    struct cli_run r;
    int fmt = FMT_TEXT;

    cli_run_init(&r, "info", usage);
    while (cli_run_option(&r, argc, argv, "h", longopts) == OPT_FORMAT)
        r.rc = CLI_CHOOSE("info", "--format", optarg, formats, &fmt);
    if (cli_run_open(&r, argc, argv, 1, false))
        r.rc = print_info(&r.ch[0].c, r.in.load.chain.coverage_tolerance, fmt);
    return cli_run_finish(&r);
}
