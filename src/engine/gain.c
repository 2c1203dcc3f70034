/*
 * gain.c - a country, or one of its actors, reaching a share of an item:
 * which holder and item a gain names, how the shares of the item change
 * (the holder's grows, everyone else's shrinks in proportion), the gains
 * of a what-if scenario applied in turn, and the dependency balance of a
 * country with others before and after such a change.  docs/model.md,
 * "Gains".
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import/scenario.h"
#include "vchain/deps.h"
#include "vchain/import.h"
#include "vchain/opportunity.h"

#define SHARE_EPS 1e-12

static bool of_country(const struct vc_chain *c, size_t v, const char *code, const char *a3)
{
    const char *cc = c->country[v];
    return c->kind[v] == VC_KIND_ACTOR && !c->aggregate[v] && cc &&
           (strcasecmp(cc, code) == 0 || (a3 && strcmp(cc, a3) == 0));
}

/* The country as the data spells it, when some actor has it; else NULL. */
static const char *country_in(const struct vc_chain *c, const char *code)
{
    const char *a3 = vc_country_alpha3(code);
    for (size_t v = 0; v < c->n_nodes; v++)
        if (of_country(c, v, code, a3))
            return c->country[v];
    return NULL;
}

/* A node of kind by id, else by label (any case); SIZE_MAX with err set. */
static size_t find_node(const struct vc_chain *c, enum vc_kind kind, const char *name,
                        const char *what, const char *file, uint32_t line, struct vc_error *err)
{
    const struct vc_graph *g = c->graph;
    size_t v = vc_graph_find_node(g, name, strlen(name)), hit = SIZE_MAX, n = 0;

    if (v != SIZE_MAX && c->kind[v] == kind)
        return v;
    for (size_t k = 0; k < c->n_nodes; k++)
        if (c->kind[k] == kind && vc_scenario_label_is(c->label[k], name) && n++ == 0)
            hit = k;
    if (n == 1)
        return hit;
    if (n == 0)
        vc_error_set(err, VC_EINVAL, file, line, 0, "gain: no %s \"%s\" (neither an id nor a "
                     "label%s)", what, name, kind == VC_KIND_ACTOR ? ", nor a country" : "");
    else
        vc_error_set(err, VC_EINVAL, file, line, 0,
                     "gain: %zu %ss carry the label \"%s\"; name one by its id", n, what, name);
    return SIZE_MAX;
}

/* Whether item has provides rows at each level (bit l). */
static unsigned row_levels(const struct vc_chain *c, size_t item)
{
    const struct vc_graph *g = c->graph;
    unsigned bits = 0;
    for (size_t e = 0; e < c->n_edges; e++)
        if (c->relation[e] == VC_REL_PROVIDES && g->edge_to[e] == item)
            bits |= 1u << c->level[g->edge_from[e]];
    return bits;
}

enum vc_status vc_gain_resolve(const struct vc_chain *c, enum vc_level preferred,
                               const char *spec, double share, const char *file, uint32_t line,
                               struct vc_gain *out, struct vc_error *err)
{
    const char *colon = strchr(spec, ':');
    char holder[512];
    size_t hl, item;
    unsigned levels;

    memset(out, 0, sizeof(*out));
    out->actor = UINT32_MAX;
    if (!colon || colon == spec || !colon[1])
        return vc_error_set(err, VC_EINVAL, file, line, 0,
                            "gain: expected HOLDER:ITEM (a country or an actor, and an item), "
                            "not \"%s\"", spec);
    if (!(share >= 0 && share <= 1))
        return vc_error_set(err, VC_EINVAL, file, line, 0,
                            "gain: the share reached must be a fraction from 0 to 1, not %g",
                            share);
    hl = (size_t)(colon - spec);
    if (hl >= sizeof(holder))
        return vc_error_set(err, VC_EINVAL, file, line, 0, "gain: the holder's name is too long");
    memcpy(holder, spec, hl);
    holder[hl] = '\0';
    if ((item = find_node(c, VC_KIND_ITEM, colon + 1, "item", file, line, err)) == SIZE_MAX)
        return VC_EINVAL;
    out->item = (uint32_t)item;
    out->share = share;
    levels = row_levels(c, item);
    /* a country first: "NLD" names the country even where an actor is labelled so */
    if ((out->country = country_in(c, holder)) != NULL) {
        out->level = levels & (1u << preferred) || !levels ? preferred
                     : (enum vc_level)(1 - preferred);
        return VC_OK;
    }
    {
        size_t a = find_node(c, VC_KIND_ACTOR, holder, "actor", file, line, err);
        if (a == SIZE_MAX)
            return VC_EINVAL;
        if (c->aggregate[a])
            return vc_error_set(err, VC_EINVAL, file, line, 0,
                                "gain: \"%s\" is an aggregate of many providers; name one "
                                "actor or a country", holder);
        if (levels && !(levels & (1u << c->level[a])))
            return vc_error_set(err, VC_EINVAL, file, line, 0,
                                "gain: %s has only %s-level rows and %s is at the %s level; "
                                "name its country instead", c->label[item],
                                vc_level_name((enum vc_level)(1 - c->level[a])), c->label[a],
                                vc_level_name((enum vc_level)c->level[a]));
        out->actor = (uint32_t)a;
        out->level = (enum vc_level)c->level[a];
        out->country = c->country[a];
    }
    return VC_OK;
}

/* ---- writing a gain into the graph ---- */

struct row {
    uint32_t edge, actor;
    double share; /* NAN: unknown */
};

/* A string column of g, added when absent; NULL when one of another type exists. */
static enum vc_status string_col(struct vc_graph *g, const char *name, struct vc_attr **out,
                                 struct vc_error *err)
{
    *out = vc_graph_attr(g, VC_CLASS_NODE, name);
    if (*out)
        return (*out)->type == VC_ATTR_STRING ? VC_OK
               : ((*out = NULL), VC_OK);
    return vc_graph_attr_add(g, VC_CLASS_NODE, name, VC_ATTR_STRING, out, err);
}

static enum vc_status set_str(struct vc_graph *g, struct vc_attr *a, size_t k, const char *s,
                              struct vc_error *err)
{
    const char *p;
    if (!a)
        return VC_OK;
    if (!(p = vc_graph_strdup(g, s, strlen(s))))
        return vc_error_set(err, VC_ENOMEM, NULL, 0, 0, "out of memory");
    return vc_attr_set_string(a, k, p, err);
}

/* A new actor of country code at level: "new provider (CODE)". */
static enum vc_status new_provider(struct vc_graph *g, const char *code, enum vc_level level,
                                   size_t *out, struct vc_error *err)
{
    struct vc_attr *kind = vc_graph_attr(g, VC_CLASS_NODE, "kind"), *label, *country, *lvl;
    char id[128];
    bool created = false;
    enum vc_status st;

    snprintf(id, sizeof(id), "new provider (%s)", code);
    for (int k = 2; vc_graph_find_node(g, id, strlen(id)) != SIZE_MAX; k++)
        snprintf(id, sizeof(id), "new provider %d (%s)", k, code);
    if ((st = vc_graph_intern_node(g, id, strlen(id), 0, 0, out, &created, err)) != VC_OK ||
        (st = string_col(g, "label", &label, err)) != VC_OK ||
        (st = string_col(g, "country", &country, err)) != VC_OK ||
        (st = set_str(g, label, *out, id, err)) != VC_OK ||
        (st = set_str(g, country, *out, code, err)) != VC_OK)
        return st;
    if (kind && kind->type == VC_ATTR_STRING && (st = set_str(g, kind, *out, "actor", err)) != VC_OK)
        return st;
    lvl = vc_graph_attr(g, VC_CLASS_NODE, "level");
    if (level == VC_LEVEL_COUNTRY && !lvl &&
        (st = vc_graph_attr_add(g, VC_CLASS_NODE, "level", VC_ATTR_STRING, &lvl, err)) != VC_OK)
        return st;
    if (lvl && lvl->type == VC_ATTR_STRING)
        st = set_str(g, lvl, *out, vc_level_name(level), err);
    return st;
}

static enum vc_status new_edge(struct vc_graph *g, size_t actor, size_t item, size_t *out,
                               struct vc_error *err)
{
    struct vc_attr *rel = vc_graph_attr(g, VC_CLASS_EDGE, "relation");
    const char *p;
    enum vc_status st = vc_graph_add_edge(g, actor, item, true, NULL, 0, 0, 0, out, err);
    if (st != VC_OK || !rel || rel->type != VC_ATTR_STRING)
        return st;
    if (!(p = vc_graph_strdup(g, "provides", 8)))
        return vc_error_set(err, VC_ENOMEM, NULL, 0, 0, "out of memory");
    return vc_attr_set_string(rel, *out, p, err);
}

/*
 * At one level of the item: the rows of `gainers` (flags per row) reach
 * `share` together (in proportion to their known shares, or all of it for
 * a single one), every other known share is scaled by (1 - share) /
 * (1 - before).  Returns the gainers' share before in *before.
 */
static enum vc_status rescale(struct vc_attr *col, const struct row *rows, const uint8_t *gainer,
                              size_t n, double share, double *before, struct vc_error *err)
{
    double t = 0, f;
    size_t ng = 0;
    enum vc_status st = VC_OK;

    for (size_t j = 0; j < n; j++)
        if (gainer[j]) {
            ng++;
            if (!isnan(rows[j].share))
                t += rows[j].share;
        }
    *before = t;
    /* nothing else is left to scale when the gainers held it all */
    f = 1.0 - t > SHARE_EPS ? (1.0 - share) / (1.0 - t) : 1.0;
    for (size_t j = 0; j < n && st == VC_OK; j++) {
        double s;
        if (gainer[j])
            s = ng == 1 || !(t > 0) ? share : (isnan(rows[j].share) ? 0 : rows[j].share) * share / t;
        else if (isnan(rows[j].share))
            continue; /* unknown stays unknown */
        else
            s = rows[j].share * f;
        st = vc_attr_set_double(col, rows[j].edge, s < 0 ? 0 : s > 1 ? 1 : s, err);
    }
    return st;
}

enum vc_status vc_gain_apply(struct vc_graph *g, const struct vc_chain *c,
                             const struct vc_gain *gain, struct vc_error *err)
{
    struct vc_attr *col = vc_graph_attr(g, VC_CLASS_EDGE, "share");
    const char *code = gain->country, *a3 = code ? vc_country_alpha3(code) : NULL;
    struct row *rows = malloc((c->n_edges + 2) * sizeof(*rows));
    uint8_t *is_gainer = calloc(c->n_edges + 2, 1);
    size_t n[2] = { 0, 0 }, n_gain = 0, start[2];
    double before = 0, moved;
    enum vc_status st = VC_OK;

    if (!rows || !is_gainer) {
        st = vc_error_set(err, VC_ENOMEM, NULL, 0, 0, "out of memory");
        goto out;
    }
    if (!col && (st = vc_graph_attr_add(g, VC_CLASS_EDGE, "share", VC_ATTR_DOUBLE, &col, err)) !=
                    VC_OK)
        goto out;
    /* the item's rows, grouped by level: [0, n0) firm rows, then country rows */
    for (int l = 0; l < 2; l++) {
        start[l] = n[0];
        for (size_t e = 0; e < c->n_edges; e++) {
            size_t a = g->edge_from[e];
            if (c->relation[e] != VC_REL_PROVIDES || g->edge_to[e] != gain->item ||
                c->level[a] != l)
                continue;
            rows[start[l] + n[l]++] = (struct row){ (uint32_t)e, (uint32_t)a, c->share[e] };
        }
    }
    {
        size_t lo = start[gain->level], hi = lo + n[gain->level];
        const struct row *r = rows + lo;
        size_t any_unknown = SIZE_MAX;
        for (size_t j = 0; j < hi - lo; j++) {
            bool mine = gain->actor != UINT32_MAX ? r[j].actor == gain->actor
                                                  : of_country(c, r[j].actor, code, a3);
            if (mine && gain->actor == UINT32_MAX && isnan(r[j].share)) {
                if (any_unknown == SIZE_MAX)
                    any_unknown = j; /* used only if the country has no known share */
                continue;
            }
            is_gainer[lo + j] = mine;
            n_gain += mine;
        }
        if (!n_gain && any_unknown != SIZE_MAX) {
            is_gainer[lo + any_unknown] = 1; /* its share becomes known: the gain */
            n_gain = 1;
        }
        if (!n_gain) {
            /* the holder has no row here: a new one, from the actor, the
             * country's own row actor (country level), or a new provider */
            size_t who = gain->actor, e;
            if (who == UINT32_MAX && gain->level == VC_LEVEL_COUNTRY)
                for (size_t v = 0; v < c->n_nodes && who == UINT32_MAX; v++)
                    if (of_country(c, v, code, a3) && c->level[v] == VC_LEVEL_COUNTRY)
                        who = v;
            if (who == UINT32_MAX && (st = new_provider(g, code ? code : "?", gain->level,
                                                        &who, err)) != VC_OK)
                goto out;
            if ((st = new_edge(g, who, gain->item, &e, err)) != VC_OK)
                goto out;
            /* appended after the level's rows: shift the country rows up one */
            memmove(rows + hi + 1, rows + hi, (n[0] + n[1] - hi) * sizeof(*rows));
            memmove(is_gainer + hi + 1, is_gainer + hi, n[0] + n[1] - hi);
            rows[hi] = (struct row){ (uint32_t)e, (uint32_t)who, NAN };
            is_gainer[hi] = 1;
            n[gain->level]++;
            if (gain->level == VC_LEVEL_FIRM)
                start[1]++;
            hi++;
        }
        if ((st = rescale(col, rows + lo, is_gainer + lo, hi - lo, gain->share, &before, err)) !=
            VC_OK)
            goto out;
    }
    /* A firm's gain moves its country's own row by as much, where the item
     * has country rows: both levels describe one market. */
    moved = gain->share - before;
    if (gain->level == VC_LEVEL_FIRM && code && n[1] && fabs(moved) > SHARE_EPS) {
        size_t lo = start[1], hi = lo + n[1], mine = 0;
        double t = 0;
        memset(is_gainer + lo, 0, n[1]);
        for (size_t j = lo; j < hi; j++)
            if (of_country(c, rows[j].actor, code, a3) && !isnan(rows[j].share)) {
                is_gainer[j] = 1;
                t += rows[j].share;
                mine++;
            }
        if (!mine) {
            size_t who = SIZE_MAX, e;
            for (size_t v = 0; v < c->n_nodes && who == SIZE_MAX; v++)
                if (of_country(c, v, code, a3) && c->level[v] == VC_LEVEL_COUNTRY)
                    who = v;
            if (who == SIZE_MAX)
                goto out; /* no row of its own to move */
            if ((st = new_edge(g, who, gain->item, &e, err)) != VC_OK)
                goto out;
            rows[hi] = (struct row){ (uint32_t)e, (uint32_t)who, NAN };
            is_gainer[hi++] = 1;
        }
        t += moved;
        st = rescale(col, rows + lo, is_gainer + lo, hi - lo, t < 0 ? 0 : t > 1 ? 1 : t, &before,
                     err);
    }
out:
    free(rows);
    free(is_gainer);
    return st;
}

enum vc_status vc_gain_steps(const struct vc_scenario *s, enum vc_level preferred,
                             struct vc_graph *g, struct vc_chain *c,
                             const struct vc_chain_opts *copts, struct vc_diag *diag,
                             struct vc_error *err)
{
    for (size_t k = 0; k < s->n; k++) {
        const struct vc_scenario_step *step = &s->steps[k];
        struct vc_gain gain;
        enum vc_status st;
        if (step->kind != VC_STEP_GAIN)
            continue;
        if ((st = vc_gain_resolve(c, preferred, step->name, step->value, step->file, step->line,
                                  &gain, err)) != VC_OK ||
            (st = vc_gain_apply(g, c, &gain, err)) != VC_OK)
            return st;
        vc_chain_release(c);
        if ((st = vc_chain_build(g, copts, c, diag, err)) != VC_OK)
            return st;
    }
    return VC_OK;
}

/* ---- the dependency balance ---- */

void vc_balance_release(struct vc_balance *b)
{
    free(b->rows);
    memset(b, 0, sizeof(*b));
}

enum vc_status vc_balance_compute(const struct vc_chain *before, const struct vc_chain *after,
                                  const struct vc_engine_opts *opts, const char *country,
                                  const char *const *codes, size_t n, struct vc_balance *out,
                                  struct vc_error *err)
{
    const char **list = malloc((n + 1) * sizeof(char *));
    const char **list2 = malloc((n + 1) * sizeof(char *));
    size_t k = 0, k2 = 0;
    struct vc_deps d1, d2;
    bool have1 = false, have2 = false;
    enum vc_status st = VC_OK;

    memset(out, 0, sizeof(*out));
    if (!list || !list2) {
        st = vc_error_set(err, VC_ENOMEM, NULL, 0, 0, "out of memory");
        goto out;
    }
    if (!(list[k++] = country_in(before, country))) {
        st = vc_error_set(err, VC_EINVAL, NULL, 0, 0, "no actor of country \"%s\" in the data",
                          country);
        goto out;
    }
    out->country = list[0];
    for (size_t j = 0; j < n; j++) {
        const char *b = country_in(before, codes[j]);
        bool dup = false;
        for (size_t q = 0; q < k && b; q++)
            dup |= strcmp(list[q], b) == 0;
        if (b && !dup)
            list[k++] = b;
    }
    if ((st = vc_deps_matrix(before, opts, list, k, &d1, err)) != VC_OK)
        goto out;
    have1 = true;
    /* after: the countries that still have actors there */
    if (country_in(after, list[0]))
        for (size_t j = 0; j < k; j++)
            if (country_in(after, list[j]))
                list2[k2++] = list[j];
    if (k2 > 1) {
        if ((st = vc_deps_matrix(after, opts, list2, k2, &d2, err)) != VC_OK)
            goto out;
        have2 = true;
    }
    out->rows = calloc(k ? k : 1, sizeof(*out->rows));
    if (!out->rows) {
        st = vc_error_set(err, VC_ENOMEM, NULL, 0, 0, "out of memory");
        goto out;
    }
    for (size_t j = 1; j < k; j++) {
        struct vc_balance_row *r = &out->rows[out->n++];
        r->code = list[j];
        r->ab_before = d1.m[0 * k + j];
        r->ba_before = d1.m[j * k + 0];
        r->ab_after = r->ba_after = NAN;
        for (size_t q = 1; have2 && q < k2; q++)
            if (list2[q] == list[j]) {
                r->ab_after = d2.m[0 * k2 + q];
                r->ba_after = d2.m[q * k2 + 0];
            }
    }
out:
    if (have1)
        vc_deps_release(&d1);
    if (have2)
        vc_deps_release(&d2);
    free(list);
    free(list2);
    if (st != VC_OK)
        vc_balance_release(out);
    return st;
}
