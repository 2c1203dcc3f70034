/*
 * main.c - vchain's entry point: global options and the command table.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
};

static const struct command commands[] = {
    { "info", cmd_info, "what a graph holds: counts, kinds, relations, attributes, checks" },
    { "rank", cmd_rank, "the control points, ranked, with their reasons" },
    { "opportunities", cmd_opportunities, "where a country could build control points: near misses, footholds" },
    { "items", cmd_items, "how concentrated each item's market is" },
    { "report", cmd_report, "one self-contained HTML page (or SVG) explaining the control points" },
    { "convert", cmd_convert, "change format (tables to GraphML or GEXF, ...), nothing else" },
    { "compare", cmd_compare, "what changed between two graphs: shares, HHI, impact, control points" },
    { "whatif", cmd_whatif, "a scenario: remove actors or countries, cap capacity; what it costs" },
    { "deps", cmd_deps, "how much each country's production depends on each other country" },
    { "export", cmd_export, "write the scored graph for Gephi and friends: GEXF, GraphML, CSV, JSON" },
};

#define N_COMMANDS (sizeof(commands) / sizeof(commands[0]))

static void usage(FILE *out)
{
    fputs("Usage: vchain COMMAND [OPTIONS] FILE...\n"
          "       vchain help COMMAND | --help | --version\n"
          "\n"
          "vchain finds the control points of a value chain: the hard-to-replace\n"
          "positions that much of the chain depends on, and who holds them.\n"
          "\n"
          "Commands:\n", out);
    for (size_t i = 0; i < N_COMMANDS; i++)
        fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fputs("\n"
          "Global options (before or after the command, anywhere on the line):\n"
          "  -q, --quiet     no warnings\n"
          "  -v, --verbose   more detail in messages\n"
          "  --force         replace output files this user may not write (as cp -f\n"
          "                  does); without it they are refused\n"
          "  --full          text tables keep whole rows on a terminal too (by default\n"
          "                  they fit its width: long text cut, rank's reason under\n"
          "                  its row, minor columns hidden)\n"
          "  --csv-raw       CSV cells as they are: no ' before a cell that a\n"
          "                  spreadsheet would run as a formula, no escapes\n"
          "  --max-memory SIZE  stop with an error instead of using more than SIZE of\n"
          "                  memory for data (e.g. 512M, 4G; 'none' for no limit, 0 is\n"
          "                  refused; default: 3/4 of the machine's RAM); the program\n"
          "                  and worker threads' stacks come on top\n"
          "  -h, --help      this help; 'vchain COMMAND --help' for a command\n"
          "  -V, --version   print the version\n"
          "\n"
          "FILE is GraphML, GEXF, a CSV edge list or a folder of CSV tables; '-' reads\n"
          "standard input.\n"
          "Exit status: 0 success, 1 data or I/O error, 2 usage error.\n"
          "Documentation: README.md and docs/ in the source tree, man vchain.\n", out);
}

/* Every exit checks that what went to stdout got there (vchain info >
 * /dev/full must fail, with a message); a failed run that printed no error
 * failed writing (a table stops at the first write error), so it names
 * standard output too. */
static int finish(int rc)
{
    struct vc_error err = VC_ERROR_INIT;
    if ((rc == EXIT_OK || !cli.errors) && vc_stdout_check(&err) != VC_OK)
        rc = cli_report(&err);
    return rc;
}

static const struct command *find(const char *name)
{
    for (size_t i = 0; i < N_COMMANDS; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

/* The usage error for a command name that is none, with the nearest one. */
static int unknown_command(const char *name)
{
    const char *names[N_COMMANDS + 1];
    const char *near;
    for (size_t i = 0; i < N_COMMANDS; i++)
        names[i] = commands[i].name;
    names[N_COMMANDS] = "help";
    near = cli_nearest(name, names, N_COMMANDS + 1);
    if (near)
        return cli_usage_error(NULL, "unknown command '%s'; did you mean %s?", name, near);
    return cli_usage_error(NULL, "unknown command '%s'", name);
}

static int run_command(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "help", no_argument, 0, 'h' },
        CLI_GLOBAL_LONGOPTS,
        { 0, 0, 0, 0 },
    };
    const struct command *cmd;
    int c, rc;

    vc_outfile_cleanup_on_signals();
    /* '+': stop at the command name, whose own option parsing
     * (cli_run_option) takes the global options too.  ':' and opterr 0: the
     * refusals are ours (cli_option_error). */
    opterr = 0;
    while ((c = getopt_long(argc, argv, "+:qvhV", longopts, NULL)) != -1) {
        switch (c) {
        case 'h': usage(stdout); return finish(EXIT_OK);
        case 'V':
            printf("vchain %s\n", VC_VERSION_STRING);
            return finish(EXIT_OK);
        case '?':
        case ':': return cli_option_error(NULL, c, argv, longopts);
        default:
            if (cli_global_option(NULL, c, optarg) < 0)
                return EXIT_USAGE;
        }
    }
    if (optind >= argc)
        return cli_usage_text(usage);
    if (strcmp(argv[optind], "help") == 0) {
        if (optind + 1 >= argc) {
            usage(stdout);
            return finish(EXIT_OK);
        }
        cmd = find(argv[optind + 1]);
        if (!cmd)
            return unknown_command(argv[optind + 1]);
        char *help_argv[] = { argv[optind + 1], (char *)"--help", NULL };
        optind = 0;
        return finish(cmd->run(2, help_argv));
    }
    cmd = find(argv[optind]);
    if (!cmd)
        return unknown_command(argv[optind]);
    argc -= optind;
    argv += optind;
    optind = 0; /* glibc: 0 makes getopt_long start afresh for the command */
    rc = cmd->run(argc, argv);
    return finish(rc);
}

int main(int argc, char **argv)
{
    cli_job_start(&argc, &argv);
    return cli_job_finish(run_command(argc, argv));
}
