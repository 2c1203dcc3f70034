/*
 * cmd_whatif.c - `vchain whatif FILE`: a scenario (actors or countries
 * removed, capacity capped, spare capacity), what it costs each item and
 * the final output, what becomes critical, which control points change;
 * and the world after for Gephi.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli_compare.h"
#include "vchain/opportunity.h"

static const char usage[] =
    "Usage: vchain whatif [OPTIONS] FILE\n"
    "\n"
    "Plays a scenario on the value chain in FILE and prints the items it hits with\n"
    "their loss (the fraction of their output that can no longer be made, final\n"
    "items marked), the loss of final output, the nodes that become critical\n"
    "(control points or single points of failure they were not before), and the\n"
    "control points gained, lost and kept.  The world after is the chain without\n"
    "the removed actors, every remaining share rescaled to the market that is\n"
    "left, with the gains written in, scored again (docs/compare.md).  With a\n"
    "gain, also the gaining country's dependency balance with every other country\n"
    "before and after: the leverage the gain would buy.\n"
    "\n"
    "Scenario (options combine, in the order given; each may repeat):\n"
    "  --remove ACTOR        extract an actor (node id, or label in any case)\n"
    "  --remove-country ISO  extract every actor of a country (alpha-3, alpha-2 or\n"
    "                        name), at both provider levels\n"
    "  --cap ACTOR=FRACTION  the actor keeps FRACTION of its capacity (0..1)\n"
    "  --spare S             spare capacity of the remaining providers (a fraction\n"
    "                        of their output) absorbs part of every loss\n"
    "  --gain HOLDER:ITEM=SHARE\n"
    "                        a country (alpha-3, alpha-2 or name) or an actor (id\n"
    "                        or label) reaches SHARE (0..1) of ITEM (id or label),\n"
    "                        the other providers scaled down in proportion\n"
    "                        (docs/model.md, \"Gains\"); a firm's gain moves its\n"
    "                        country's row too\n"
    "  --scenario FILE       changes from a file, one per line: remove ACTOR,\n"
    "                        remove-country ISO, cap ACTOR FRACTION, spare S,\n"
    "                        gain HOLDER:ITEM SHARE;\n"
    "                        '#' starts a comment\n"
    "\n"
    "Output:\n"
    "  --table NAME          one table only: items, critical, control-points or\n"
    "                        balance (default: all)\n"
    "  --top N               at most N rows per table\n"
    "  --format FMT          text (default on a terminal), tsv (default otherwise),\n"
    "                        csv, json (one object of tables, also with --table;\n"
    "                        docs/schema/whatif.schema.json) or md\n"
    "  --export OUT          the comparison of before (a) and after (b) as one graph,\n"
    "                        as 'vchain compare --export' writes it, with each\n"
    "                        node's loss in the column loss\n"
    "  --gexf-version V      1.2 (default) or 1.3\n"
    "  --dynamic[=TA,TB]     with --export: GEXF 1.3 with two time slices\n"
    "  -h, --help            this help\n"
    "\n" CLI_ENGINE_HELP "\n" CLI_INPUT_HELP
    "\n"
    "Exit status: 0 success, 1 data error (an unknown actor or country, a bad\n"
    "scenario file: the message names FILE:LINE), 2 usage error.\n";

enum table { T_ALL, T_ITEMS, T_CRITICAL, T_CP, T_BALANCE };

enum {
    OPT_TABLE = OPT_FIRST_COMMAND_OPTION, OPT_REMOVE_ACTOR, OPT_REMOVE_COUNTRY, OPT_CAP_STEP,
    OPT_SPARE_STEP, OPT_SCENARIO_FILE, OPT_GAIN_STEP,
    OPT_EXPORT, OPT_DYNAMIC /* last: cli_compare_export_option's */
};

struct view {
    struct cli_compare_view v;
    int which;            /* T_* */
};

static bool limit(const struct view *v, size_t rows)
{
    return v->v.top && (long)rows >= v->v.top;
}

struct hit {
    uint32_t item;
    double loss;
};

static int by_loss(const void *x, const void *y)
{
    const struct hit *p = x, *q = y;
    if (p->loss != q->loss)
        return p->loss > q->loss ? -1 : 1;
    return (p->item > q->item) - (p->item < q->item);
}

/* Why an item that has (or had) providers has no HHI on one side. */
static const char *no_hhi(const struct vc_concentration *q, bool had_providers)
{
    if (!isnan(q->hhi))
        return NULL;
    if (!q->providers)
        return had_providers ? "no provider left" : NULL;
    if (q->providers_unknown)
        return "no named provider's share is known";
    return "only aggregates, whose sizes are unknown";
}

static int items_table(const struct vc_whatif *w, const struct view *v, struct cli_table *t)
{
    const struct vc_chain *c = w->before.chain;
    struct hit *h = malloc((c->n_nodes + 1) * sizeof(*h));
    size_t n = 0;

    /* in a firm network (no items) the firms are what is hit */
    int hit_kind = c->n_items ? VC_KIND_ITEM : VC_KIND_ACTOR;

    if (!h)
        return -1;
    for (size_t k = 0; k < c->n_nodes; k++)
        if (c->kind[k] == hit_kind && w->loss[k] >= VC_COMPARE_EPS)
            h[n++] = (struct hit){ (uint32_t)k, w->loss[k] };
    qsort(h, n, sizeof(*h), by_loss);
    cli_table_col(t, "rank", CLI_COL_INT);
    cli_table_col(t, hit_kind == VC_KIND_ITEM ? "item" : "firm", CLI_COL_TEXT);
    cli_table_col(t, "id", CLI_COL_TEXT);
    cli_table_col(t, "loss", CLI_COL_NUM);
    cli_table_col(t, "estimated", CLI_COL_BOOL);
    cli_table_col(t, "final", CLI_COL_BOOL);
    if (hit_kind == VC_KIND_ITEM) {
        cli_table_col(t, "hhi_before", CLI_COL_NUM);
        cli_table_col(t, "hhi_after", CLI_COL_NUM);
        cli_table_col(t, "hhi_note", CLI_COL_TEXT);
        cli_table_under(t);
    }
    for (size_t j = 0; j < n && !limit(v, t->n_rows); j++) {
        uint32_t k = h[j].item, after = w->cmp.align.a_to_b[k];
        const struct vc_concentration *qa = &w->before.conc[k];
        const char *why_a = no_hhi(qa, false), *why_b = NULL;
        char note[160];
        cli_table_row(t);
        cli_table_int(t, (long long)j + 1);
        cli_table_text(t, c->label[k]);
        cli_table_text(t, c->graph->node_id[k]);
        cli_table_num(t, h[j].loss);
        cli_table_bool(t, w->loss_estimated[k]);
        cli_table_bool(t, c->final[k]);
        if (hit_kind != VC_KIND_ITEM)
            continue;
        cli_table_num(t, qa->hhi);
        cli_table_num(t, after != UINT32_MAX ? w->after.conc[after].hhi : NAN);
        if (after != UINT32_MAX)
            why_b = no_hhi(&w->after.conc[after], qa->providers > 0);
        /* an empty HHI says why: no number belongs there */
        if (why_a && why_b && strcmp(why_a, why_b) == 0)
            snprintf(note, sizeof(note), "before and after: %s", why_a);
        else
            snprintf(note, sizeof(note), "%s%s%s%s%s", why_a ? "before: " : "",
                     why_a ? why_a : "", why_a && why_b ? "; " : "", why_b ? "after: " : "",
                     why_b ? why_b : "");
        cli_table_text(t, note);
    }
    free(h);
    return 0;
}

/* Why a node of the world after is newly critical, in words. */
static void why_critical(const struct vc_whatif *w, uint32_t a, uint32_t b, char *buf,
                         size_t size)
{
    const struct vc_comparison *c = &w->cmp;
    size_t n = 0;
    buf[0] = '\0';
    if (w->after.control_point[b] && !w->before.control_point[a]) {
        const struct vc_firm_score *f = vc_analysis_firm(&w->after, b);
        if (f && f->control_point) {
            vc_analysis_firm_reason(&w->after, f, buf, size);
            n = strlen(buf);
        }
        for (size_t j = 0; j < c->n_provisions && !n; j++) {
            const struct vc_cmp_provision *p = &c->provisions[j];
            const struct vc_provision_score *s;
            if (p->cp != VC_CP_GAINED)
                continue;
            s = &w->after.provisions[p->pb];
            if (s->actor != b && s->item != b)
                continue;
            vc_analysis_reason(&w->after, s, buf, size);
            n = strlen(buf);
            break;
        }
    }
    if (w->after.spof_finals[b] > 0 && w->before.spof_finals[a] == 0 && n + 2 < size)
        snprintf(buf + n, size - n, "%snow a single point of failure of %u final item%s",
                 n ? "; " : "", w->after.spof_finals[b], w->after.spof_finals[b] == 1 ? "" : "s");
}

static void critical_table(const struct vc_whatif *w, const struct view *v, struct cli_table *t)
{
    const struct vc_chain *ca = w->before.chain;
    const struct vc_chain *cb = w->after.chain;
    char why[512];

    static const struct cli_col cols[] = {
        { "node", CLI_COL_TEXT }, { "id", CLI_COL_TEXT, .drop = 2 },
        { "kind", CLI_COL_TEXT, .drop = 1 }, { "country", CLI_COL_TEXT },
        { "control_point", CLI_COL_BOOL }, { "spof_finals_before", CLI_COL_INT },
        { "spof_finals_after", CLI_COL_INT }, { "why", CLI_COL_TEXT, .under = true },
    };
    CLI_TABLE_COLS(t, cols);
    /* actors first, then items, each in the order of the graph */
    for (int kind = VC_KIND_ACTOR; kind <= VC_KIND_ITEM; kind++) {
        for (uint32_t b = 0; b < cb->n_nodes && !limit(v, t->n_rows); b++) {
            uint32_t a = w->cmp.align.b_to_a[b];
            if (cb->kind[b] != kind || a == UINT32_MAX)
                continue;
            if (!((w->after.control_point[b] && !w->before.control_point[a]) ||
                  (w->after.spof_finals[b] > 0 && w->before.spof_finals[a] == 0)))
                continue;
            why_critical(w, a, b, why, sizeof(why));
            cli_table_row(t);
            cli_table_text(t, cb->label[b]);
            cli_table_text(t, cb->graph->node_id[b]);
            cli_table_text(t, vc_kind_name((enum vc_kind)kind));
            cli_table_text(t, ca->country[a]);
            cli_table_bool(t, w->after.control_point[b]);
            cli_table_int(t, w->before.spof_finals[a]);
            cli_table_int(t, w->after.spof_finals[b]);
            cli_table_text(t, why);
        }
    }
}

/* The gaining countries' balance with every other country, before and after. */
struct balances {
    size_t n;
    struct vc_balance *b;
};

static void balances_release(struct balances *x)
{
    for (size_t k = 0; k < x->n; k++)
        vc_balance_release(&x->b[k]);
    free(x->b);
    memset(x, 0, sizeof(*x));
}

static int balances_compute(const struct vc_scenario *s, const struct vc_whatif *w,
                            const struct vc_engine_opts *opts, struct balances *out)
{
    const struct vc_chain *c = w->before.chain;
    const char **codes = malloc((w->before.n_countries + 1) * sizeof(char *));
    struct vc_error err = VC_ERROR_INIT;
    int rc = EXIT_OK;

    memset(out, 0, sizeof(*out));
    out->b = calloc(s->n + 1, sizeof(*out->b));
    if (!codes || !out->b) {
        free(codes);
        return cli_nomem();
    }
    for (size_t j = 0; j < w->before.n_countries; j++)
        codes[j] = w->before.countries[j].code;
    for (size_t k = 0; k < s->n && rc == EXIT_OK; k++) {
        const struct vc_scenario_step *st = &s->steps[k];
        struct vc_gain gain;
        bool seen = false;
        if (st->kind != VC_STEP_GAIN)
            continue;
        /* the gaining country: named, or the actor's, as the world after
         * names it (every gain resolved there, in turn, already) */
        if (vc_gain_resolve(&w->chain, opts->level, st->name, st->value, st->file, st->line,
                            &gain, &err) != VC_OK) {
            rc = cli_report(&err);
            break;
        }
        if (!gain.country)
            continue; /* an actor without a country: no balance to show */
        for (size_t j = 0; j < out->n; j++)
            seen |= strcmp(out->b[j].country, gain.country) == 0;
        if (seen)
            continue;
        if (vc_balance_compute(c, &w->chain, opts, gain.country, codes,
                               w->before.n_countries, &out->b[out->n], &err) != VC_OK)
            rc = cli_report(&err);
        else
            out->n++;
    }
    free(codes);
    return rc;
}

static void balance_table(const struct balances *x, const struct view *v, struct cli_table *t)
{
    static const struct cli_col cols[] = {
        { "country", CLI_COL_TEXT }, { "other", CLI_COL_TEXT }, { "name", CLI_COL_TEXT },
        { "dependence_before", CLI_COL_NUM }, { "exposure_before", CLI_COL_NUM },
        { "leverage_before", CLI_COL_NUM }, { "dependence_after", CLI_COL_NUM },
        { "exposure_after", CLI_COL_NUM }, { "leverage_after", CLI_COL_NUM },
        { "change", CLI_COL_NUM },
    };
    CLI_TABLE_COLS(t, cols);
    for (size_t k = 0; k < x->n; k++) {
        const struct vc_balance *b = &x->b[k];
        for (size_t j = 0; j < b->n && !limit(v, t->n_rows); j++) {
            const struct vc_balance_row *r = &b->rows[j];
            double before = r->ba_before - r->ab_before, after = r->ba_after - r->ab_after;
            cli_table_row(t);
            cli_table_text(t, b->country);
            cli_table_text(t, r->code);
            cli_table_text(t, vc_country_name(r->code));
            cli_table_num(t, r->ab_before);
            cli_table_num(t, r->ba_before);
            cli_table_num(t, before);
            cli_table_num(t, r->ab_after);
            cli_table_num(t, r->ba_after);
            cli_table_num(t, after);
            cli_table_num(t, after - before);
        }
    }
}

static void describe(const struct vc_scenario *s, const struct vc_whatif *w)
{
    fputs("Scenario:", stdout);
    for (size_t k = 0; k < s->n; k++) {
        const struct vc_scenario_step *st = &s->steps[k];
        switch (st->kind) {
        case VC_STEP_REMOVE: printf(" remove %s;", cli_safe(st->name)); break;
        case VC_STEP_REMOVE_COUNTRY: printf(" remove-country %s;", cli_safe(st->name)); break;
        case VC_STEP_CAP: printf(" cap %s at %g;", cli_safe(st->name), st->value); break;
        case VC_STEP_SPARE: printf(" spare %g;", st->value); break;
        case VC_STEP_GAIN: printf(" gain %s to %g;", cli_safe(st->name), st->value); break;
        }
    }
    printf(" %zu actor%s cut, spare capacity %g.\n", w->actors_cut,
           w->actors_cut == 1 ? "" : "s", w->spare);
    printf("Final output lost: %.1f %% (impact %.6g)%s.\n", w->impact * 100, w->impact,
           w->impact_estimated ? ", resting on estimated shares" : "");
    printf("Control points: %zu gained, %zu lost, %zu persistent.\n", w->cmp.cp_gained,
           w->cmp.cp_lost, w->cmp.cp_kept);
}

static int print_all(const struct vc_scenario *s, const struct vc_whatif *w,
                     const struct balances *bal, const struct view *v)
{
    struct cli_sections sec;
    struct cli_table t;
    int rc = 0;
    /* JSON is always the object of tables, --table one member of it */
    bool sections = v->which == T_ALL || v->v.fmt == FMT_JSON;

    cli_sections_begin(&sec, v->v.fmt);
    if (v->which == T_ALL) {
        if (v->v.fmt == FMT_TEXT || v->v.fmt == FMT_MD) {
            describe(s, w);
            sec.n++;
        }
        cli_section_value(&sec, "impact", NULL, w->impact, CLI_COL_NUM);
        cli_section_value(&sec, "impact_estimated", NULL, w->impact_estimated, CLI_COL_BOOL);
        cli_section_value(&sec, "actors_cut", NULL, (double)w->actors_cut, CLI_COL_INT);
        cli_section_value(&sec, "spare", NULL, w->spare, CLI_COL_NUM);
    }
    if (v->which == T_ALL || v->which == T_ITEMS) {
        bool firms = !w->before.chain->n_items;
        cli_table_init(&t);
        if (items_table(w, v, &t) != 0)
            t.failed = true;
        rc |= cli_section_table(&sec, sections, "items_hit",
                                firms ? "Firms hit, largest loss first"
                                      : "Items hit, largest loss first",
                                &t, firms ? "no firm loses output: its other suppliers cover "
                                            "what the scenario cuts"
                                          : "no item loses output: the providers left cover "
                                            "what the scenario cuts");
    }
    if (v->which == T_ALL || v->which == T_CRITICAL) {
        cli_table_init(&t);
        critical_table(w, v, &t);
        rc |= cli_section_table(&sec, sections, "newly_critical",
                                "Newly critical: control points or single points of failure "
                                "after the scenario that were not before",
                                &t, "no node becomes a control point or a single point of "
                                "failure");
    }
    if (v->which == T_ALL || v->which == T_CP) {
        cli_table_init(&t);
        cli_compare_cp_table(&w->cmp, &v->v, &t);
        rc |= cli_section_table(&sec, sections, "control_points",
                                "Control points before (a) and after (b): gained, lost, "
                                "persistent",
                                &t, "no control point before the scenario or after it "
                                "(vchain rank says why)");
    }
    if ((v->which == T_ALL && bal->n) || v->which == T_BALANCE) {
        cli_table_init(&t);
        balance_table(bal, v, &t);
        rc |= cli_section_table(&sec, sections, "balance",
                                "Dependency balance of the gaining country with each other: "
                                "dependence M[country][other], exposure M[other][country], "
                                "leverage = exposure - dependence, before and after",
                                &t, "no other country in the data");
    }
    if (sections)
        cli_sections_end(&sec);
    return rc ? EXIT_DATA : EXIT_OK;
}

/* The world after for Gephi, each node carrying its loss. */
static int write_export(const struct vc_whatif *w, const struct cli_compare_export *x)
{
    return cli_compare_write(&w->cmp, x, w->loss);
}

/*
 * --cap ACTOR=FRACTION and --gain HOLDER:ITEM=SHARE: a name, '=', and a
 * fraction from 0 to 1 (the name may hold '=': the fraction follows the
 * last one).  A gain's name must also hold the ':' between holder and item.
 */
static int add_fraction_step(struct vc_scenario *s, enum vc_step_kind kind, const char *arg)
{
    const bool gain = kind == VC_STEP_GAIN;
    const char *option = gain ? "--gain" : "--cap";
    struct vc_error err = VC_ERROR_INIT;
    const char *eq = strrchr(arg, '=');
    char *end, *name;
    double f;
    int rc;

    if (!eq || eq == arg || (gain && !memchr(arg, ':', (size_t)(eq - arg))))
        return cli_usage_error("whatif", "%s takes %s, not '%s'", option,
                               gain ? "HOLDER:ITEM=SHARE" : "ACTOR=FRACTION", arg);
    f = strtod(eq + 1, &end);
    if (end == eq + 1 || *end || !(f >= 0 && f <= 1))
        return cli_usage_error("whatif", "%s %s: the %s must be a fraction from 0 to 1",
                               option, arg, gain ? "share reached" : "capacity kept");
    if (!(name = strndup(arg, (size_t)(eq - arg))))
        return cli_usage_error("whatif", "out of memory");
    rc = vc_scenario_add(s, kind, name, f, &err) == VC_OK ? 0 : cli_report(&err);
    free(name);
    return rc;
}

static int add_file(struct vc_scenario *s, const char *path)
{
    struct vc_error err = VC_ERROR_INIT;
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
    enum vc_status st;

    if (!f) {
        vc_error_set(&err, VC_EIO, path, 0, 0, "cannot open the scenario file");
        return cli_report(&err);
    }
    st = vc_scenario_read(s, f, path, &err);
    if (f != stdin)
        fclose(f);
    return st == VC_OK ? 0 : cli_report(&err);
}

/* One scenario option (--remove, --remove-country, --cap, --spare, --gain,
 * --scenario) as a step, in the order given. */
static int add_step(struct vc_scenario *s, int opt, const char *arg)
{
    struct vc_error err = VC_ERROR_INIT;
    char *end;
    double d;

    if (opt == OPT_CAP_STEP || opt == OPT_GAIN_STEP)
        return add_fraction_step(s, opt == OPT_CAP_STEP ? VC_STEP_CAP : VC_STEP_GAIN, arg);
    if (opt == OPT_SCENARIO_FILE)
        return add_file(s, arg);
    if (opt == OPT_SPARE_STEP) {
        /* a step here, so that it combines in order with files */
        d = strtod(arg, &end);
        if (end == arg || *end || !(d >= 0 && d <= 100))
            return cli_usage_error("whatif", "--spare takes a number from 0 to 100, not '%s'",
                                   arg);
        return vc_scenario_add(s, VC_STEP_SPARE, NULL, d, &err) == VC_OK ? EXIT_OK
                                                                          : cli_report(&err);
    }
    if (!*arg)
        return cli_usage_error("whatif", "--remove%s needs a name",
                               opt == OPT_REMOVE_ACTOR ? "" : "-country");
    if (vc_scenario_add(s, opt == OPT_REMOVE_ACTOR ? VC_STEP_REMOVE : VC_STEP_REMOVE_COUNTRY,
                        arg, 0, &err) != VC_OK)
        return cli_report(&err);
    return EXIT_OK;
}

struct whatif_opts {
    struct vc_scenario s;
    struct view v;
    struct cli_compare_export x;
};

/* The scenario played on the chain, its tables printed and its graph
 * written. */
static int play(struct cli_run *r, void *ctx)
{
    struct whatif_opts *o = ctx;
    struct vc_whatif w;
    struct vc_error err = VC_ERROR_INIT;
    int rc;

    o->v.v.fmt = r->fmt;
    o->v.v.top = r->top;
    for (size_t k = 0; k < o->s.n; k++)
        if (o->s.steps[k].kind == VC_STEP_REMOVE_COUNTRY &&
            !cli_country_present(&r->ch[0].c, o->s.steps[k].name))
            return cli_country_missing(&r->ch[0].c, o->s.steps[k].name);
    if (vc_whatif_run(&r->ch[0].c, &r->eng.opts, &o->s, &w, &err) != VC_OK)
        return cli_report(&err);
    if (!w.converged)
        cli_warning("losses on a cycle did not settle within %d rounds; figures on it are "
                    "lower bounds (--max-rounds)", r->eng.opts.max_rounds);
    {
        struct balances bal;
        rc = balances_compute(&o->s, &w, &r->eng.opts, &bal);
        if (rc == EXIT_OK)
            rc = print_all(&o->s, &w, &bal, &o->v);
        balances_release(&bal);
    }
    if (rc == EXIT_OK && o->x.path)
        rc = write_export(&w, &o->x);
    vc_whatif_release(&w);
    return rc;
}

int cmd_whatif(int argc, char **argv)
{
    static const struct option longopts[] = {
        CLI_TABLE_LONGOPTS,
        { "table", required_argument, 0, OPT_TABLE },
        { "remove", required_argument, 0, OPT_REMOVE_ACTOR },
        { "remove-country", required_argument, 0, OPT_REMOVE_COUNTRY },
        { "cap", required_argument, 0, OPT_CAP_STEP },
        { "gain", required_argument, 0, OPT_GAIN_STEP },
        { "spare", required_argument, 0, OPT_SPARE_STEP }, /* before the engine's --spare */
        { "scenario", required_argument, 0, OPT_SCENARIO_FILE },
        { "export", required_argument, 0, OPT_EXPORT },
        CLI_GEXF_LONGOPT,
        { "dynamic", optional_argument, 0, OPT_DYNAMIC },
        CLI_ENGINE_LONGOPTS_END,
    };
    static const struct cli_choice tables[] = {
        { "items", T_ITEMS, false }, { "critical", T_CRITICAL, false },
        { "control-points", T_CP, false }, { "balance", T_BALANCE, false },
        { "all", T_ALL, false },
    };
    struct whatif_opts o = { VC_SCENARIO_INIT, { { FMT_TEXT, 0, true }, T_ALL },
                             { NULL, VC_EXPORT_AUTO, VC_GEXF_1_2, false, 1, 2 } };
    struct cli_run r;
    int opt, rc;

    cli_run_init(&r, "whatif", usage);
    while ((opt = cli_run_option(&r, argc, argv, "h", longopts)) > 0) {
        if (opt == OPT_TABLE)
            r.rc = CLI_CHOOSE("whatif", "--table", optarg, tables, &o.v.which);
        else if (opt >= OPT_EXPORT)
            r.rc = cli_compare_export_option("whatif", opt - OPT_EXPORT, optarg, &o.x) < 0
                       ? EXIT_USAGE : EXIT_OK;
        else
            r.rc = add_step(&o.s, opt, optarg);
    }
    o.x.version = r.gexf_version;
    if (cli_run_args(&r, argc, 1) && !o.s.n)
        r.rc = cli_usage_error("whatif", "no scenario: give --remove, --remove-country, --cap, "
                               "--spare, --gain or --scenario");
    if (r.rc == EXIT_OK && !r.done)
        r.rc = cli_compare_export_check("whatif", &o.x);
    rc = cli_run_main(&r, argc, argv, 1, false, play, &o);
    vc_scenario_release(&o.s);
    return rc;
}
