/*
 * page.c - the report's page (vc_report_html): the chain picture, the
 * charts, a country's section (its control points, its dependencies, its
 * row and column of the mutual-dependency matrix; then where it could
 * build control points: opportunities.c) and the tables of every number
 * shown.
 *
 * A presenter: it draws what the engine computed and the command handed
 * over (the analysis, the graph annotated with its columns and laid out,
 * a country view, a dependency matrix) and calls no engine function; the
 * reasons it shows are the graph's cp_reason column.  Everything is
 * written in a fixed order from sorted data, so the same input gives the
 * same bytes.  No script: the page reads in any browser, offline, and
 * prints on A4.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "vchain/outfile.h"

/* "... and N more" closing a table cut at its row limit. */
static void more_rows(FILE *out, size_t more, int columns, const char *where)
{
    if (more)
        fprintf(out, "<tr><td colspan=\"%d\">&#8230; and %zu more (%s lists every one)</td>"
                     "</tr>\n", columns, more, where);
}

static size_t row_limit(const struct vc_report_opts *o)
{
    return o->top > MAX_ROWS ? o->top : MAX_ROWS;
}

static void holders_table(const struct vc_analysis *a, const struct vc_holder *h, size_t n,
                          size_t limit, FILE *out)
{
    const struct vc_chain *c = a->chain;
    fputs("<table>\n<thead><tr><th>actor</th><th>country</th><th>control points</th>"
          "<th>impact</th><th>largest control point</th><th>share</th></tr></thead>\n"
          "<tbody>\n", out);
    for (size_t j = 0; j < n && j < limit; j++) {
        fputs("<tr><td>", out);
        vc_html_text(out, c->label[h[j].actor]);
        fputs("</td><td>", out);
        vc_html_text(out, c->country[h[j].actor]);
        fprintf(out, "</td><td class=\"n\">%zu</td><td class=\"n\">", h[j].held);
        vc_html_pct_est(out, a->impact[h[j].actor], a->impact_estimated[h[j].actor]);
        fputs("</td><td>", out);
        vc_html_text(out, c->label[h[j].best->item]);
        fputs("</td><td class=\"n\">", out);
        vc_html_pct(out, h[j].best->share);
        fputs("</td></tr>\n", out);
    }
    if (!n)
        fputs("<tr><td colspan=\"6\">none</td></tr>\n", out);
    more_rows(out, n > limit ? n - limit : 0, 6, "vchain rank --by actor");
    fputs("</tbody>\n</table>\n", out);
}

/* The numbers behind item_bars: every segment, and the part not covered. */
static void item_table(const struct vc_analysis *a, const struct vc_bar *bars, size_t n, FILE *out)
{
    const struct vc_chain *c = a->chain;
    fputs("<table>\n<thead><tr><th>item</th><th>HHI</th><th>N_eff</th><th>provider</th>"
          "<th>country</th><th>share</th><th>control point</th></tr></thead>\n<tbody>\n", out);
    for (size_t j = 0; j < n; j++) {
        const struct vc_bar *b = &bars[j];
        uint32_t v = b->item;
        /* the item's name and figures on its first row */
        fputs("<tr><td>", out);
        vc_html_text(out, c->label[v]);
        fputs("</td><td class=\"n\">", out);
        vc_html_num_range(out, a->conc[v].hhi, a->conc[v].hhi_upper, 3);
        fputs("</td><td class=\"n\">", out);
        vc_html_num_range(out, a->conc[v].n_eff, a->conc[v].n_eff_upper, 2);
        for (size_t i = 0; i < b->n_shown; i++) {
            const struct vc_provision_score *p = &a->provisions[b->prov[i]];
            if (i)
                fputs("<tr><td></td><td></td><td>", out);
            fputs("</td><td>", out);
            vc_html_text(out, c->label[p->actor]);
            fputs("</td><td>", out);
            vc_html_text(out, c->country[p->actor]);
            fputs("</td><td class=\"n\">", out);
            vc_html_pct(out, p->share);
            fputs(p->control_point ? "</td><td>yes</td></tr>\n" : "</td><td></td></tr>\n", out);
        }
        if (!b->n_shown)
            fputs("</td><td></td><td></td><td></td><td></td></tr>\n", out);
        if (b->n_rest) {
            fprintf(out, "<tr><td></td><td></td><td></td><td>%zu other providers</td><td></td>"
                         "<td class=\"n\">", b->n_rest);
            vc_html_pct(out, b->rest);
            fputs("</td><td></td></tr>\n", out);
        }
        if (b->covered < 1.0 - 0.005) {
            fputs("<tr><td></td><td></td><td></td><td>not covered by the data</td><td></td>"
                  "<td class=\"n\">", out);
            vc_html_pct(out, 1.0 - b->covered);
            fputs("</td><td></td></tr>\n", out);
        }
    }
    fputs("</tbody>\n</table>\n", out);
}

/* ---- tables ---- */

static void provision_table_head(FILE *out)
{
    fputs("<table>\n<thead><tr><th>actor</th><th>country</th><th>item</th><th>share</th>"
          "<th>HHI</th><th>N_eff</th><th>impact</th><th>why</th></tr></thead>\n<tbody>\n", out);
}

/* why: the graph's edge column cp_reason (vc_analysis_annotate), may be NULL */
static void provision_table_row(const struct vc_analysis *a, const struct vc_attr *why,
                                const struct vc_provision_score *p, FILE *out)
{
    const struct vc_chain *c = a->chain;
    const struct vc_concentration *q = vc_provision_conc(a, p);
    const char *reason = why ? vc_attr_get_string(why, p->edge) : NULL;
    fputs("<tr><td>", out);
    vc_html_text(out, c->label[p->actor]);
    fputs("</td><td>", out);
    vc_html_text(out, c->country[p->actor]);
    fputs("</td><td>", out);
    vc_html_text(out, c->label[p->item]);
    fputs("</td><td class=\"n\">", out);
    vc_html_pct(out, p->share);
    fputs("</td><td class=\"n\">", out);
    vc_html_num_range(out, q->hhi, q->hhi_upper, 3);
    fputs("</td><td class=\"n\">", out);
    vc_html_num_range(out, q->n_eff, q->n_eff_upper, 2);
    fputs("</td><td class=\"n\">", out);
    vc_html_pct(out, p->impact);
    fputs("</td><td>", out);
    vc_html_text(out, reason);
    fputs("</td></tr>\n", out);
}

/* ---- a country ---- */

/*
 * Its row and column of the mutual-dependency matrix (vchain deps), when
 * the caller computed one that includes the country.
 */
static void country_matrix(const struct vc_deps *d, const char *code, FILE *out)
{
    size_t me = SIZE_MAX;
    for (size_t i = 0; d && i < d->n; i++)
        if (strcmp(d->codes[i], code) == 0)
            me = i;
    if (me == SIZE_MAX || d->n < 2)
        return;
    fputs("<p>Mutual dependency: M[A][B] is the share of A's own production lost when "
          "B is extracted (only through inputs). The leverage of ", out);
    vc_html_text(out, code);
    fputs(" over B is M[B][", out);
    vc_html_text(out, code);
    fputs("] &#8722; M[", out);
    vc_html_text(out, code);
    fputs("][B]; positive means B needs it more than it needs B.</p>\n<table>\n"
          "<thead><tr><th>B</th><th>M[", out);
    vc_html_text(out, code);
    fputs("][B]</th><th>M[B][", out);
    vc_html_text(out, code);
    fputs("]</th><th>leverage</th></tr></thead>\n<tbody>\n", out);
    for (size_t j = 0; j < d->n; j++) {
        double mine = d->m[me * d->n + j], theirs = d->m[j * d->n + me];
        if (j == me)
            continue;
        fputs("<tr><td>", out);
        vc_html_text(out, d->codes[j]);
        fputs(" ", out);
        vc_html_text(out, vc_country_name(d->codes[j]));
        fputs("</td><td class=\"n\">", out);
        vc_html_num(out, mine, 4);
        fputs("</td><td class=\"n\">", out);
        vc_html_num(out, theirs, 4);
        fputs("</td><td class=\"n\">", out);
        vc_html_num(out, theirs - mine, 4);
        fputs("</td></tr>\n", out);
    }
    fputs("</tbody>\n</table>\n", out);
}

/* A cluster's members in words: "ACTOR (CC) 55.0 %" (at most max), with
 * the marks the table's key explains. */
static void members_html(const struct vc_analysis *a, const struct vc_cluster_member *m,
                         size_t n, FILE *out)
{
    const struct vc_chain *c = a->chain;
    uint32_t item = UINT32_MAX;
    for (size_t j = 0; j < n; j++) {
        if (m[j].item != item) {
            fputs(j ? "<br/>" : "", out);
            vc_html_text(out, c->label[m[j].item]);
            fputs(": ", out);
        } else {
            fputs(", ", out);
        }
        item = m[j].item;
        if (m[j].actor == UINT32_MAX) {
            fputs("no provider in the data", out);
            continue;
        }
        vc_html_text(out, c->label[m[j].actor]);
        fputs(" (", out);
        vc_html_text(out, c->country[m[j].actor] ? c->country[m[j].actor] : "?");
        fputs(") ", out);
        vc_html_pct(out, m[j].share);
        fputs(m[j].spof ? " &#9888;" : m[j].hard ? " &#9670;" : "", out);
    }
}

/* What each of the country's control points stands on (vc_clusters_find). */
static void clusters_table(const struct vc_analysis *a, const struct vc_clusters *cl,
                           size_t limit, FILE *out)
{
    const struct vc_chain *c = a->chain;
    fputs("<p>What its control points stand on: the providers of each one's inputs "
          "(&#9670; hard to replace, &#9888; alone can stop it) and of what it feeds. One that "
          "a foreign actor alone can stop is weaker than it looks; one whose domestic "
          "suppliers are themselves hard to replace is an ecosystem.</p>\n<table>\n"
          "<thead><tr><th>actor</th><th>item</th><th>verdict</th><th>suppliers</th>"
          "<th>users</th><th>why</th></tr></thead>\n<tbody>\n", out);
    for (size_t k = 0; k < cl->n && k < limit; k++) {
        const struct vc_cluster *x = &cl->v[k];
        const struct vc_provision_score *p = &a->provisions[x->provision];
        fputs("<tr><td>", out);
        vc_html_text(out, c->label[p->actor]);
        fputs("</td><td>", out);
        vc_html_text(out, c->label[p->item]);
        fputs("</td><td>", out);
        vc_html_text(out, vc_cluster_verdict_name(x->verdict));
        fputs("</td><td>", out);
        members_html(a, x->suppliers, x->n_suppliers, out);
        fputs("</td><td>", out);
        members_html(a, x->users, x->n_users, out);
        fputs("</td><td>", out);
        vc_html_text(out, x->text);
        fputs("</td></tr>\n", out);
    }
    if (!cl->n)
        fputs("<tr><td colspan=\"6\">none</td></tr>\n", out);
    more_rows(out, cl->n > limit ? cl->n - limit : 0, 6, "vchain rank --country");
    fputs("</tbody>\n</table>\n", out);
}

static enum vc_status country_section(const struct vc_analysis *a, const struct vc_attr *why,
                                      const struct vc_report_opts *o,
                                      const struct vc_report_colours *k, FILE *out,
                                      struct vc_error *err)
{
    const struct vc_country_view *v = o->country;
    const struct vc_country_score *s;
    size_t n_h = 0, shown = 0;
    struct vc_holder *h;
    const char *code;

    fputs("<section>\n<h2>", out);
    if (v->country == SIZE_MAX) {
        fputs("Country ", out);
        vc_html_text(out, v->asked);
        fputs("</h2>\n<p>No actor of this country appears in the data.</p>\n</section>\n", out);
        return VC_OK;
    }
    code = v->code;
    s = &a->countries[v->country];
    if (!(h = vc_report_holders(a, code, &n_h)))
        return vc_error_set(err, VC_ENOMEM, NULL, 0, 0, "out of memory");
    vc_html_text(out, vc_report_country_name(code));
    fputs(": what it holds and what it depends on</h2>\n<p>", out);
    vc_html_text(out, vc_report_country_name(code));
    fprintf(out, " holds %zu control point%s (listed below, each once: at the level its item "
                 "is analysed at); extracting all its actors would cost ",
            s->control_points, s->control_points == 1 ? "" : "s");
    vc_html_pct(out, s->impact);
    fputs(s->impact_estimated
              ? " of the value of final output, a figure that rests on estimated shares (the "
                "data gives some of its actors' shares only in part).</p>\n"
              : " of the value of final output.</p>\n", out);
    if (n_h) {
        fputs("<p>Its holders, by how much of final output their extraction costs (bar), with "
              "their largest control point:</p>\n", out);
        vc_holders_chart(a, h, n_h < o->top ? n_h : o->top, k, out);
    }
    free(h);
    fputs("<p>Its control points:</p>\n", out);
    provision_table_head(out);
    for (size_t q = 0; q < v->n_own; q++) {
        const struct vc_provision_score *p = &a->provisions[v->own[q]];
        if (p->control_point && a->conc_level[p->item] == p->level && shown++ < row_limit(o))
            provision_table_row(a, why, p, out);
    }
    if (!shown)
        fputs("<tr><td colspan=\"8\">none</td></tr>\n", out);
    more_rows(out, shown > row_limit(o) ? shown - row_limit(o) : 0, 8, "vchain rank --country");
    fputs("</tbody>\n</table>\n", out);
    if (o->clusters)
        clusters_table(a, o->clusters, row_limit(o), out);
    fputs("<p>Control points held elsewhere on items upstream of what it provides: where "
          "its own production depends on others.</p>\n", out);
    provision_table_head(out);
    shown = 0;
    for (size_t j = 0; j < v->n_deps && shown < o->top; j++) {
        const struct vc_provision_score *p = &a->provisions[v->deps[j].provision];
        if (a->conc_level[p->item] != p->level)
            continue;
        provision_table_row(a, why, p, out);
        shown++;
    }
    if (!shown)
        fputs("<tr><td colspan=\"8\">none</td></tr>\n", out);
    fputs("</tbody>\n</table>\n", out);
    country_matrix(o->deps, code, out);
    fputs("</section>\n", out);
    return VC_OK;
}

/* ---- the page ---- */

enum vc_status vc_report_html(const struct vc_graph *g, const struct vc_analysis *a,
                              const struct vc_report_opts *opts, FILE *out, struct vc_error *err)
{
    static const struct vc_report_opts defaults = VC_REPORT_OPTS_INIT;
    const struct vc_report_opts *o = opts ? opts : &defaults;
    const struct vc_attr *why = vc_graph_attr(g, VC_CLASS_EDGE, "cp_reason");
    struct vc_holder *h = NULL;
    uint32_t *items = NULL;
    struct vc_bar *bars = NULL;
    size_t n_h = 0, n_items = 0, n_cp = 0, n_h_top, n_key = 0;
    uint32_t *key = NULL;
    struct vc_report_colours k;
    struct vc_picture pic;
    enum vc_status st;
    char heading[512], base[256];

    vc_report_colours_init(&k);
    for (size_t q = 0; q < a->n_provisions; q++)
        n_cp += a->provisions[q].control_point && a->conc_level[a->provisions[q].item] ==
                                                      a->provisions[q].level;
    /* with a country: its control points and their items are named */
    if (o->country && o->country->country != SIZE_MAX &&
        !(key = malloc((2 * o->country->n_own + 1) * sizeof(uint32_t))))
        return vc_error_set(err, VC_ENOMEM, g->source, 0, 0, "out of memory");
    for (size_t q = 0; key && q < o->country->n_own; q++) {
        const struct vc_provision_score *p = &a->provisions[o->country->own[q]];
        if (p->control_point && a->conc_level[p->item] == p->level) {
            key[n_key++] = p->actor;
            key[n_key++] = p->item;
        }
    }
    st = vc_picture_build(g, a, o->top, key, n_key, &pic, err);
    free(key);
    if (st != VC_OK)
        return st;
    h = vc_report_holders(a, NULL, &n_h);
    items = vc_report_top_items(a, o->top, &n_items);
    if (items)
        bars = vc_report_bars(a, items, n_items);
    if (!h || !items || !bars) {
        st = vc_error_set(err, VC_ENOMEM, g->source, 0, 0, "out of memory");
        goto out;
    }
    n_h_top = n_h < o->top ? n_h : o->top;
    snprintf(heading, sizeof(heading), "Control points in %s",
             vc_report_base_name(o->title, base, sizeof(base)));
    vc_html_page_start(out, heading);
    vc_html_page_header(out, heading, o);

    fputs("<section class=\"chart\">\n<h2>The chain</h2>\n", out);
    vc_picture_text(a, &pic, n_cp, out);
    fputs("<figure>\n", out);
    if ((st = vc_picture_svg(g, a, &pic, &k, out, 0, err)) != VC_OK)
        goto out;
    fprintf(out, "<figcaption class=\"key\"><span style=\"background:%s\"></span>control "
                 "point<span style=\"background:%s\"></span>actor<span style=\"background:%s"
                 "\"></span>item</figcaption>\n</figure>\n</section>\n", k.cp, k.actor, k.item);

    fputs("<section class=\"chart\">\n<h2>Who holds the control points</h2>\n", out);
    if (n_h) {
        fprintf(out, "<p>The %zu largest holders among %ss, by how much of the value of final "
                     "output would be lost if each were taken out of the chain (bar), with its "
                     "largest control point and share.</p>\n",
                n_h_top, vc_level_name(a->opts.level));
        vc_holders_chart(a, h, n_h_top, &k, out);
    } else {
        fputs("<p>No actor at this level holds a control point.</p>\n", out);
    }
    fputs("</section>\n<section class=\"chart\">\n<h2>The items behind them</h2>\n", out);
    if (n_items) {
        fputs("<p>For each item that carries a control point, its providers' shares of the "
              "world market (vermillion: control points; grey: aggregates and the part the "
              "data does not cover), with the Herfindahl-Hirschman index (1 = one provider) "
              "and the effective number of providers.</p>\n", out);
        vc_item_bars(a, bars, n_items, &k, out);
    } else {
        fputs("<p>No item carries a control point.</p>\n", out);
    }
    fputs("</section>\n", out);

    if (o->country && (st = country_section(a, why, o, &k, out, err)) != VC_OK)
        goto out;
    if (o->country && o->country->country != SIZE_MAX && o->opportunities &&
        o->opportunities->country)
        vc_opportunities_section(a, o->opportunities, &k, out);

    fprintf(out, "<section>\n<h2>The numbers</h2>\n<p>Every control point (up to %zu), with "
                 "the figures behind it (docs/model.md defines them).</p>\n", row_limit(o));
    provision_table_head(out);
    for (size_t q = 0, shown = 0; q < a->n_provisions && shown < row_limit(o); q++) {
        const struct vc_provision_score *p = &a->provisions[q];
        if (!p->control_point)
            break;
        if (a->conc_level[p->item] == p->level) {
            provision_table_row(a, why, p, out);
            shown++;
        }
    }
    if (!n_cp)
        fputs("<tr><td colspan=\"8\">none</td></tr>\n", out);
    more_rows(out, n_cp > row_limit(o) ? n_cp - row_limit(o) : 0, 8, "vchain rank");
    fputs("</tbody>\n</table>\n<p>The holders (the chart shows the first ", out);
    fprintf(out, "%zu):</p>\n", n_h_top);
    holders_table(a, h, n_h, row_limit(o), out);
    if (n_items) {
        fputs("<p>The providers' shares in the bars above:</p>\n", out);
        item_table(a, bars, n_items, out);
    }
    fputs("</section>\n", out);
    fputs("<footer class=\"meta\"><p>Made by vchain from the input named above; shares are "
          "fractions of the world market as the data gives them", out);
    for (size_t j = 0; j < n_h; j++)
        if (a->impact_estimated[h[j].actor]) {
            fputs("; &#8776; marks an impact that rests on estimated shares (the data names "
                  "a provider without its share; docs/model.md, \"Unknown shares\")", out);
            break;
        }
    fputs(".</p></footer>\n</body>\n</html>\n", out);
    st = vc_stream_check(out, err);
out:
    vc_picture_release(&pic);
    free(h);
    free(items);
    free(bars);
    return st;
}
