/*
 * cli_knowledge.c - knowledge intensity in the tables: the figure, where it
 * comes from (the actor's or the item's attribute, or none, with the item's
 * category named as a proxy), and the --min-knowledge option.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli_knowledge.h"

void cli_knowledge_cols(struct cli_table *t)
{
    cli_table_col(t, "knowledge", CLI_COL_NUM);
    cli_table_drop(t, 9); /* on a narrow terminal these go first */
    cli_table_col(t, "knowledge_source", CLI_COL_TEXT);
    cli_table_drop(t, 10);
}

void cli_knowledge_cells(struct cli_table *t, const struct vc_knowledge_src *s,
                         const struct vc_knowledge *k)
{
    char buf[160];

    cli_table_num(t, k->value);
    if (k->from != VC_KNOWLEDGE_NONE)
        snprintf(buf, sizeof(buf), "%s of the %s", s->attr,
                 k->from == VC_KNOWLEDGE_ACTOR ? "actor" : "item");
    else
        snprintf(buf, sizeof(buf), "none%s%s", k->proxy ? "; category " : "",
                 k->proxy ? k->proxy : "");
    cli_table_text(t, buf);
}

int cli_min_knowledge_option(const char *cmd, const char *arg, double *min)
{
    char *end;
    double d = strtod(arg, &end);
    if (end == arg || *end || !(d >= 0) || !isfinite(d))
        return cli_usage_error(cmd, "--min-knowledge takes a number from 0 up, not '%s'", arg);
    *min = d;
    return EXIT_OK;
}

void cli_min_knowledge_check(const struct vc_knowledge_src *s, double min)
{
    if (!isnan(min) && !s->attr)
        cli_warning("--min-knowledge: the data has no knowledge figure (no knowledge, "
                    "rd_intensity or patent_share attribute), so no row passes");
}
