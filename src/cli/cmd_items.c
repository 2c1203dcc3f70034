/*
 * cmd_items.c - `vchain items FILE`: how concentrated each item's market is.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_table.h"

static const char usage[] =
    "Usage: vchain items [OPTIONS] FILE\n"
    "\n"
    "Prints one row per item of the value chain in FILE, per provider level (firms\n"
    "and countries are never mixed): how much of the market the data covers, the\n"
    "HHI with its bounds under partial coverage, the top share, the effective\n"
    "number of providers, the providers needed to reach 75 %, and the impact of\n"
    "losing the item entirely.  Sorted by HHI, most concentrated first.\n"
    "\n"
    "Options:\n"
    "  --top N               at most N rows\n"
    "  --format FMT          text (default on a terminal), tsv (default otherwise),\n"
    "                        csv, json or md\n"
    "  -h, --help            this help\n"
    "\n" CLI_ENGINE_HELP "\n" CLI_INPUT_HELP
    "\n"
    "Columns: item, label, level, providers, providers_unknown, coverage, hhi\n"
    "(lower bound: the uncovered rest split infinitely fine), hhi_upper (the rest\n"
    "is one provider), top_share, n_eff and n_eff_upper (the effective number of\n"
    "providers, 1/hhi_upper to 1/hhi: n_eff, the fewest, is the one to quote),\n"
    "providers_75 (empty when the named providers never reach 75 %), impact,\n"
    "spof_finals, final.\n"
    "\n"
    "Exit status: 0 success, 1 data error, 2 usage error.\n";

struct row {
    uint32_t item;
    struct vc_concentration conc;
    enum vc_level level;
};

static int by_hhi(const void *x, const void *y)
{
    const struct row *p = x, *q = y;
    /* an item without a named share has no HHI: last */
    double a = isnan(p->conc.hhi) ? -1 : p->conc.hhi, b = isnan(q->conc.hhi) ? -1 : q->conc.hhi;
    if (a != b)
        return a > b ? -1 : 1;
    if (p->item != q->item)
        return p->item < q->item ? -1 : 1;
    return (int)p->level - (int)q->level;
}

/* One row per item and provider level, most concentrated first. */
static int print_items(struct cli_run *r, void *ctx)
{
    const struct cli_chain *ch = &r->ch[0];
    const struct vc_chain *c = &ch->c;
    const struct vc_analysis *a = &ch->a;
    long top = r->top;
    struct row *rows = malloc((2 * c->n_nodes + 1) * sizeof(*rows));
    struct cli_table t;
    size_t n = 0;
    int rc = EXIT_OK;

    (void)ctx;
    if (!rows)
        return cli_nomem();
    for (size_t v = 0; v < c->n_nodes; v++) {
        if (c->kind[v] != VC_KIND_ITEM)
            continue;
        for (int l = 0; l < 2; l++) {
            /* the engine's per-level figures, at the levels with rows */
            const struct vc_concentration *q = vc_item_conc(a, (uint32_t)v, l);
            if (q && q->providers > 0)
                rows[n++] = (struct row){ (uint32_t)v, *q, (enum vc_level)l };
        }
    }
    qsort(rows, n, sizeof(*rows), by_hhi);
    cli_table_init(&t);
    static const struct cli_col cols[] = {
        { "item", CLI_COL_TEXT, .drop = 3 }, { "label", CLI_COL_TEXT },
        { "level", CLI_COL_TEXT, .drop = 4 }, { "providers", CLI_COL_INT },
        { "providers_unknown", CLI_COL_INT, .drop = 9 }, { "coverage", CLI_COL_NUM, .drop = 5 },
        { "hhi", CLI_COL_NUM }, { "hhi_upper", CLI_COL_NUM, .drop = 8 },
        { "top_share", CLI_COL_NUM }, { "n_eff", CLI_COL_NUM, .drop = 2 },
        { "n_eff_upper", CLI_COL_NUM, .drop = 7 }, { "providers_75", CLI_COL_INT, .drop = 6 },
        { "impact", CLI_COL_NUM }, { "spof_finals", CLI_COL_INT, .drop = 1 },
        { "final", CLI_COL_BOOL, .drop = 1 },
    };
    CLI_TABLE_COLS(&t, cols);
    for (size_t j = 0; j < n && (!top || (long)j < top); j++) {
        const struct vc_concentration *q = &rows[j].conc;
        uint32_t v = rows[j].item;
        cli_table_row(&t);
        cli_table_text(&t, ch->g.node_id[v]);
        cli_table_text(&t, c->label[v]);
        cli_table_text(&t, vc_level_name(rows[j].level));
        cli_table_int(&t, q->providers);
        cli_table_int(&t, q->providers_unknown);
        cli_table_num(&t, q->coverage);
        cli_table_num(&t, q->hhi);
        cli_table_num(&t, q->hhi_upper);
        cli_table_num(&t, q->top_share);
        cli_table_num(&t, q->n_eff);
        cli_table_num(&t, q->n_eff_upper);
        if (q->providers_75 > 0)
            cli_table_int(&t, q->providers_75);
        else
            cli_table_none(&t);
        cli_table_num(&t, a->impact[v]);
        cli_table_int(&t, a->spof_finals[v]);
        cli_table_bool(&t, c->final[v]);
    }
    if (cli_table_print_rows(&t, r->fmt, NULL) != 0) /* why: the warning below */
        rc = EXIT_DATA;
    cli_table_release(&t);
    free(rows);
    if (rc == EXIT_OK && n == 0) {
        /* never a silent empty answer */
        const char *why = !c->n_items ? "no items: a firm network (its suppliers' "
                                        "concentration is in vchain rank)"
                                      : "no item has a provider (no provides edges)";
        if (r->eng.strict) {
            cli_error("%s: nothing to list: %s", ch->g.source, why);
            rc = EXIT_DATA;
        } else {
            cli_warning("%s: nothing to list: %s", ch->g.source, why);
        }
    }
    return rc;
}

int cmd_items(int argc, char **argv)
{
    static const struct option longopts[] = {
        CLI_TABLE_LONGOPTS,
        CLI_ENGINE_LONGOPTS_END,
    };
    struct cli_run r;

    cli_run_init(&r, "items", usage);
    while (cli_run_option(&r, argc, argv, "h", longopts) > 0)
        ; /* every option is a shared one */
    return cli_run_main(&r, argc, argv, 1, true, print_items, NULL);
}
