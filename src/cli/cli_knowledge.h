/*
 * cli_knowledge.h - the knowledge-intensity columns of the tables that
 * show positions (rank, opportunities), and --min-knowledge.
 */
#ifndef VC_CLI_KNOWLEDGE_H
#define VC_CLI_KNOWLEDGE_H

#include "cli_table.h"
#include "vchain/knowledge.h"

/* Columns "knowledge" (the figure) and "knowledge_source" (whose, which
 * attribute, or "none" with the item's category as a proxy). */
void cli_knowledge_cols(struct cli_table *t);
void cli_knowledge_cells(struct cli_table *t, const struct vc_knowledge_src *s,
                         const struct vc_knowledge *k);
/* --min-knowledge X: a number from 0 up; EXIT_OK or EXIT_USAGE after saying why. */
int cli_min_knowledge_option(const char *cmd, const char *arg, double *min);
/* A warning when --min-knowledge is given but the data has no figure to compare. */
void cli_min_knowledge_check(const struct vc_knowledge_src *s, double min);

#define CLI_KNOWLEDGE_HELP \
    "  --min-knowledge X     only rows whose knowledge figure is at least X: the\n" \
    "                        data's knowledge, rd_intensity or patent_share (the\n" \
    "                        first it has) of the actor, else of the item; rows\n" \
    "                        without a figure are left out\n"

#endif
