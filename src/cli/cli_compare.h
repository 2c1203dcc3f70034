/*
 * cli_compare.h - what `vchain compare` shares with `vchain whatif`: the
 * tables of a comparison and its export for Gephi (cmd_compare.c).
 */
#ifndef VC_CLI_COMPARE_H
#define VC_CLI_COMPARE_H

#include "cli.h"
#include "cli_table.h"
#include "vchain/whatif.h"

struct cli_compare_view {
    int fmt;
    long top;      /* rows per table, 0: all */
    bool all;      /* unchanged rows too */
};

/* The control points gained, lost and kept (kept last), one row each. */
void cli_compare_cp_table(const struct vc_comparison *c, const struct cli_compare_view *v,
                          struct cli_table *t);

/* Export options of both commands. */
struct cli_compare_export {
    const char *path;                 /* NULL: no export */
    enum vc_export_format fmt;        /* from the path when AUTO */
    enum vc_gexf_version version;
    bool dynamic;                     /* GEXF with two time slices */
    double time_a, time_b;            /* the slices' times */
};

/* Handles --export (which 0), --dynamic (1): 1 when done, -1 after a
 * usage error.  --gexf-version is cli_run's (r.gexf_version). */
int cli_compare_export_option(const char *cmd, int which, const char *arg,
                              struct cli_compare_export *x);

/* After the options: --dynamic needs --export, OUT names a graph format
 * (cli_output_format), and --dynamic a GEXF.  EXIT_OK or a usage error. */
int cli_compare_export_check(const char *cmd, struct cli_compare_export *x);

/* Builds the union graph, lays it out and writes it; prints errors.
 * loss_a (may be NULL): per node of A, a value for the node column loss. */
int cli_compare_write(const struct vc_comparison *c, const struct cli_compare_export *x,
                      const double *loss_a);

#endif
