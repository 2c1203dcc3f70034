/*
 * main.c - vchain's entry point: global options and the command table.
 */
#include <errno.h>
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
    fputs("Usage: vchain [-q|-v] COMMAND [OPTIONS] FILE...\n"
          "       vchain help COMMAND | --help | --version\n"
          "\n"
          "vchain finds the control points of a value chain: the hard-to-replace\n"
          "positions that much of the chain depends on, and who holds them.\n"
          "\n"
          "Commands:\n", out);
    for (size_t i = 0; i < N_COMMANDS; i++)
        fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fputs("\n"
          "Global options:\n"
          "  -q, --quiet     no warnings\n"
          "  -v, --verbose   more detail in messages\n"
          "  --force         replace output files this user may not write (as cp -f\n"
          "                  does); without it they are refused\n"
          "  --csv-raw       CSV cells as they are: no ' before a cell that a\n"
          "                  spreadsheet would run as a formula, no escapes (also an\n"
          "                  option of every command)\n"
          "  --max-memory SIZE  stop with an error instead of using more than SIZE of\n"
          "                  memory (e.g. 512M, 4G; 'none' for no limit; default: 3/4\n"
          "                  of the machine's RAM)\n"
          "  -h, --help      this help; 'vchain COMMAND --help' for a command\n"
          "  -V, --version   print the version\n"
          "\n"
          "FILE is GraphML, GEXF, a CSV edge list or a folder of CSV tables; '-' reads\n"
          "standard input.\n"
          "Exit status: 0 success, 1 data or I/O error, 2 usage error.\n"
          "Documentation: README.md and docs/ in the source tree, man vchain.\n", out);
}

/* Every successful exit checks that what went to stdout got there
 * (vchain info > /dev/full must fail, with a message). */
static int finish(int rc)
{
    struct vc_error err = VC_ERROR_INIT;
    if (rc == EXIT_OK && vc_stdout_check(&err) != VC_OK)
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

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "quiet", no_argument, 0, 'q' },
        { "verbose", no_argument, 0, 'v' },
        { "help", no_argument, 0, 'h' },
        { "version", no_argument, 0, 'V' },
        { "max-memory", required_argument, 0, 'M' },
        { "force", no_argument, 0, 'F' },
        { "csv-raw", no_argument, 0, 'R' },
        { 0, 0, 0, 0 },
    };
    const struct command *cmd;
    int c, rc;
    unsigned long long max_memory = 0;
    int max_memory_given = 0;

    vc_outfile_cleanup_on_signals();
    /* '+': stop at the command name; its options belong to the command. */
    while ((c = getopt_long(argc, argv, "+qvhV", longopts, NULL)) != -1) {
        switch (c) {
        case 'q': cli.quiet = 1; break;
        case 'M':
            if (cli_parse_size(optarg, &max_memory) != 0)
                return cli_usage_error(NULL, "--max-memory takes a size such as 512M or 4G, "
                                       "or 'none', not '%s'", optarg);
            max_memory_given = 1;
            break;
        case 'v': cli.verbose = 1; break;
        case 'F': vc_outfile_policy(VC_OUTFILE_FORCE); break;
        case 'R': cli.csv_raw = 1; break;
        case 'h': usage(stdout); return finish(EXIT_OK);
        case 'V':
            printf("vchain %s\n", VC_VERSION_STRING);
            return finish(EXIT_OK);
        default: return cli_usage_error(NULL, "unknown global option");
        }
    }
    if (cli_set_memory_limit(max_memory, max_memory_given) != 0 && max_memory_given)
        cli_warning("--max-memory: cannot set the limit: %s", strerror(errno));
    if (optind >= argc)
        return cli_usage_text(usage);
    if (strcmp(argv[optind], "help") == 0) {
        if (optind + 1 >= argc) {
            usage(stdout);
            return finish(EXIT_OK);
        }
        cmd = find(argv[optind + 1]);
        if (!cmd)
            return cli_usage_error(NULL, "unknown command '%s'", argv[optind + 1]);
        char *help_argv[] = { argv[optind + 1], (char *)"--help", NULL };
        optind = 0;
        return finish(cmd->run(2, help_argv));
    }
    cmd = find(argv[optind]);
    if (!cmd)
        return cli_usage_error(NULL, "unknown command '%s'", argv[optind]);
    argc -= optind;
    argv += optind;
    optind = 0; /* glibc: 0 makes getopt_long start afresh for the command */
    rc = cmd->run(argc, argv);
    return finish(rc);
}
