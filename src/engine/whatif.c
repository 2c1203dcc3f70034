/*
 * whatif.c - scenarios: which actors lose how much of their output, what
 * that costs downstream, and what the chain looks like afterwards.
 *
 * Owns the scenario steps (from options or a file, with file:line in
 * every error), their resolution to actors, the propagation of the cut
 * (the engine's own, src/engine/disruption.c), and the world after: a
 * copy of the graph without the removed actors, every remaining share
 * rescaled to the market that is left, scored again and compared with the
 * world before (compare.c).  docs/model.md, "What if", has the rules.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "disruption.h"
#include "vchain/compare.h"

#define LINE_MAX_BYTES ((size_t)1 << 16)

/* ---- steps ---- */

void vc_scenario_release(struct vc_scenario *s)
{
    for (size_t k = 0; k < s->n; k++) {
        free(s->steps[k].name);
        free(s->steps[k].file);
    }
    free(s->steps);
    memset(s, 0, sizeof(*s));
}

static enum vc_status add_step(struct vc_scenario *s, enum vc_step_kind kind, const char *name,
                               size_t name_len, double value, const char *file, uint32_t line,
                               struct vc_error *err)
{
    struct vc_scenario_step *st;

    if (s->n == s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 8;
        struct vc_scenario_step *ns = realloc(s->steps, cap * sizeof(*ns));
        if (!ns)
            return vc_error_set(err, VC_ENOMEM, file, line, 0, "out of memory");
        s->steps = ns;
        s->cap = cap;
    }
    st = &s->steps[s->n];
    memset(st, 0, sizeof(*st));
    st->kind = kind;
    st->value = value;
    st->line = line;
    if (name && !(st->name = strndup(name, name_len)))
        return vc_error_set(err, VC_ENOMEM, file, line, 0, "out of memory");
    if (file && !(st->file = strdup(file))) {
        free(st->name);
        return vc_error_set(err, VC_ENOMEM, file, line, 0, "out of memory");
    }
    s->n++;
    return VC_OK;
}

static enum vc_status check_value(enum vc_step_kind kind, double value, const char *file,
                                  uint32_t line, struct vc_error *err)
{
    if (kind == VC_STEP_CAP && !(value >= 0 && value <= 1))
        return vc_error_set(err, VC_EINVAL, file, line, 0,
                            "cap: the capacity kept must be a fraction from 0 to 1, not %g",
                            value);
    if (kind == VC_STEP_SPARE && !(value >= 0 && value <= 100))
        return vc_error_set(err, VC_EINVAL, file, line, 0,
                            "spare: spare capacity must be a number from 0 to 100, not %g",
                            value);
    return VC_OK;
}

enum vc_status vc_scenario_add(struct vc_scenario *s, enum vc_step_kind kind, const char *name,
                               double value, struct vc_error *err)
{
    enum vc_status st = check_value(kind, value, NULL, 0, err);
    if (st != VC_OK)
        return st;
    if (kind != VC_STEP_SPARE && (!name || !*name))
        return vc_error_set(err, VC_EINVAL, NULL, 0, 0, "a scenario step needs a name");
    return add_step(s, kind, kind == VC_STEP_SPARE ? NULL : name,
                    kind == VC_STEP_SPARE ? 0 : strlen(name), value, NULL, 0, err);
}

/* Trims whitespace and one pair of surrounding double quotes. */
static void trim(const char **s, size_t *len)
{
    while (*len && isspace((unsigned char)**s)) {
        (*s)++;
        (*len)--;
    }
    while (*len && isspace((unsigned char)(*s)[*len - 1]))
        (*len)--;
    if (*len >= 2 && (*s)[0] == '"' && (*s)[*len - 1] == '"') {
        (*s)++;
        *len -= 2;
    }
}

static bool parse_number(const char *s, size_t len, double *out)
{
    char buf[64], *end;
    if (!len || len >= sizeof(buf))
        return false;
    memcpy(buf, s, len);
    buf[len] = '\0';
    errno = 0;
    *out = strtod(buf, &end);
    return end != buf && !*end && errno == 0 && isfinite(*out);
}

static enum vc_status parse_line(struct vc_scenario *s, char *text, const char *path,
                                 uint32_t line, struct vc_error *err)
{
    static const struct { const char *word; enum vc_step_kind kind; } words[] = {
        { "remove", VC_STEP_REMOVE }, { "remove-country", VC_STEP_REMOVE_COUNTRY },
        { "cap", VC_STEP_CAP }, { "spare", VC_STEP_SPARE },
    };
    char *p = text, *word;
    const char *rest, *num;
    size_t wlen, rlen, nlen;
    bool in_quotes = false;
    double value = 0;
    enum vc_step_kind kind = VC_STEP_REMOVE;
    size_t k;

    /* a # outside quotes, at the start of a word, begins a comment */
    for (char *q = text; *q; q++) {
        if (*q == '"')
            in_quotes = !in_quotes;
        else if (*q == '#' && !in_quotes && (q == text || isspace((unsigned char)q[-1]))) {
            *q = '\0';
            break;
        }
    }
    while (isspace((unsigned char)*p))
        p++;
    if (!*p)
        return VC_OK;
    word = p;
    while (*p && !isspace((unsigned char)*p))
        p++;
    wlen = (size_t)(p - word);
    for (k = 0; k < sizeof(words) / sizeof(words[0]); k++)
        if (strlen(words[k].word) == wlen && strncasecmp(word, words[k].word, wlen) == 0)
            break;
    if (k == sizeof(words) / sizeof(words[0]))
        return vc_error_set(err, VC_EPARSE, path, line, 1,
                            "unknown change \"%.*s\"; expected remove, remove-country, cap or "
                            "spare", (int)(wlen > 40 ? 40 : wlen), word);
    kind = words[k].kind;
    rest = p;
    rlen = strlen(p);
    trim(&rest, &rlen);
    switch (kind) {
    case VC_STEP_REMOVE:
    case VC_STEP_REMOVE_COUNTRY:
        if (!rlen)
            return vc_error_set(err, VC_EPARSE, path, line, 0, "%s: which %s?", words[k].word,
                                kind == VC_STEP_REMOVE ? "actor" : "country");
        break;
    case VC_STEP_SPARE:
        if (!parse_number(rest, rlen, &value))
            return vc_error_set(err, VC_EPARSE, path, line, 0,
                                "spare: expected one number (spare capacity), got \"%.*s\"",
                                (int)(rlen > 40 ? 40 : rlen), rest);
        rlen = 0;
        break;
    case VC_STEP_CAP:
        /* cap ACTOR FRACTION (or ACTOR=FRACTION): the number is the last word */
        num = rest + rlen;
        while (num > rest && !isspace((unsigned char)num[-1]) && num[-1] != '=')
            num--;
        nlen = (size_t)(rest + rlen - num);
        if (num == rest || !parse_number(num, nlen, &value))
            return vc_error_set(err, VC_EPARSE, path, line, 0,
                                "cap: expected an actor and the fraction of its capacity kept "
                                "(cap ACTOR FRACTION)");
        rlen = (size_t)(num - rest);
        if (rlen && rest[rlen - 1] == '=')
            rlen--;
        {
            const char *r0 = rest;
            size_t r0len = rlen;
            trim(&r0, &r0len);
            rest = r0;
            rlen = r0len;
        }
        if (!rlen)
            return vc_error_set(err, VC_EPARSE, path, line, 0, "cap: which actor?");
        break;
    }
    if (check_value(kind, value, path, line, err) != VC_OK)
        return err ? err->code : VC_EINVAL;
    return add_step(s, kind, kind == VC_STEP_SPARE ? NULL : rest, rlen, value, path, line, err);
}

enum vc_status vc_scenario_read(struct vc_scenario *s, FILE *f, const char *path,
                                struct vc_error *err)
{
    char *buf = NULL;
    size_t cap = 0;
    ssize_t len;
    uint32_t line = 0;
    enum vc_status st = VC_OK;

    while ((len = getline(&buf, &cap, f)) != -1) {
        line++;
        if ((size_t)len > LINE_MAX_BYTES) {
            st = vc_error_set(err, VC_EPARSE, path, line, 0, "line longer than %zu bytes",
                              LINE_MAX_BYTES);
            break;
        }
        if (memchr(buf, '\0', (size_t)len)) {
            st = vc_error_set(err, VC_EPARSE, path, line, 0, "a NUL byte: not a text file");
            break;
        }
        if ((st = parse_line(s, buf, path, line, err)) != VC_OK)
            break;
    }
    if (st == VC_OK && ferror(f))
        st = vc_error_set(err, VC_EIO, path, 0, 0, "read error");
    free(buf);
    return st;
}

/* ---- resolving steps ---- */

static int label_eq(const char *x, const char *name)
{
    size_t n = strlen(name);
    const char *t = x;
    size_t tl = strlen(x);
    trim(&t, &tl);
    return tl == n && strncasecmp(t, name, n) == 0;
}

/* An actor by node id, else by label (any case); SIZE_MAX with err set. */
static size_t find_actor(const struct vc_chain *c, const struct vc_scenario_step *st,
                         struct vc_error *err)
{
    const struct vc_graph *g = c->graph;
    size_t v = vc_graph_find_node(g, st->name, strlen(st->name)), hit = SIZE_MAX, n = 0;
    char others[256] = "";
    size_t used = 0;

    if (v != SIZE_MAX && c->kind[v] == VC_KIND_ACTOR)
        return v;
    for (size_t k = 0; k < c->n_nodes; k++) {
        if (c->kind[k] != VC_KIND_ACTOR || !label_eq(c->label[k], st->name))
            continue;
        if (n++ == 0)
            hit = k;
        if (used < sizeof(others) - 1)
            used += (size_t)snprintf(others + used, sizeof(others) - used, "%s%s",
                                     n > 1 ? ", " : "", g->node_id[k]);
    }
    if (n == 1)
        return hit;
    if (n == 0)
        vc_error_set(err, VC_EINVAL, st->file, st->line, 0,
                     "no actor \"%s\": neither the id nor the label of an actor%s", st->name,
                     v != SIZE_MAX ? " (the node of that id is not an actor)" : "");
    else
        vc_error_set(err, VC_EINVAL, st->file, st->line, 0,
                     "\"%s\": %zu actors carry that label (ids %s); name one by its id", st->name,
                     n, others);
    return SIZE_MAX;
}

enum vc_status vc_scenario_cut(const struct vc_scenario *s, const struct vc_chain *c,
                               double *cut, double *spare, struct vc_error *err)
{
    for (size_t v = 0; v < c->n_nodes; v++)
        cut[v] = 0;
    for (size_t k = 0; k < s->n; k++) {
        const struct vc_scenario_step *st = &s->steps[k];
        size_t v;
        switch (st->kind) {
        case VC_STEP_REMOVE:
        case VC_STEP_CAP:
            if ((v = find_actor(c, st, err)) == SIZE_MAX)
                return VC_EINVAL;
            {
                double f = st->kind == VC_STEP_REMOVE ? 1.0 : 1.0 - st->value;
                if (f > cut[v])
                    cut[v] = f;
            }
            break;
        case VC_STEP_REMOVE_COUNTRY:
            if (!vc_country_cut(c, st->name, cut))
                return vc_error_set(err, VC_EINVAL, st->file, st->line, 0,
                                    "no actor of country \"%s\" in the data", st->name);
            break;
        case VC_STEP_SPARE:
            *spare = st->value;
            break;
        }
    }
    return VC_OK;
}

/* ---- the world after ---- */

static enum vc_status copy_value(struct vc_graph *dst, struct vc_attr *to,
                                 const struct vc_attr *from, size_t k_from, size_t k_to,
                                 struct vc_error *err)
{
    union vc_value v;
    if (!vc_attr_has(from, k_from))
        return VC_OK;
    v = from->values[k_from];
    if (from->type == VC_ATTR_STRING &&
        !(v.s = vc_graph_strdup(dst, from->values[k_from].s, strlen(from->values[k_from].s))))
        return vc_error_set(err, VC_ENOMEM, NULL, 0, 0, "out of memory");
    return vc_attr_set(to, k_to, v, err);
}

/*
 * g without the nodes keep_node[] drops and the edges keep_edge[] drops;
 * every column copied.  edge_map[e] receives each kept edge's new index.
 */
static enum vc_status copy_graph(const struct vc_graph *g, const uint8_t *keep_node,
                                 const uint8_t *keep_edge, uint32_t *node_map,
                                 uint32_t *edge_map, struct vc_graph *out, struct vc_error *err)
{
    enum vc_status st = VC_OK;
    size_t idx;

    out->directed = g->directed;
    if (g->source && (st = vc_graph_set_source(out, g->source)) != VC_OK)
        return vc_error_set(err, st, NULL, 0, 0, "out of memory");
    if (g->desc && !(out->desc = vc_graph_strdup(out, g->desc, strlen(g->desc))))
        return vc_error_set(err, VC_ENOMEM, NULL, 0, 0, "out of memory");
    for (size_t v = 0; v < g->n_nodes && st == VC_OK; v++) {
        node_map[v] = UINT32_MAX;
        if (!keep_node[v])
            continue;
        st = vc_graph_intern_node(out, g->node_id[v], strlen(g->node_id[v]), g->node_line[v],
                                  g->node_col[v], &idx, NULL, err);
        node_map[v] = (uint32_t)idx;
    }
    for (size_t e = 0; e < g->n_edges && st == VC_OK; e++) {
        edge_map[e] = UINT32_MAX;
        if (!keep_edge[e])
            continue;
        const char *id = vc_graph_edge_id(g, e);
        st = vc_graph_add_edge(out, node_map[g->edge_from[e]], node_map[g->edge_to[e]],
                               g->edge_directed[e] != 0, id, id ? strlen(id) : 0, g->edge_line[e],
                               g->edge_col[e], &idx, err);
        edge_map[e] = (uint32_t)idx;
    }
    for (size_t i = 0; i < g->n_attrs && st == VC_OK; i++) {
        const struct vc_attr *a = g->attrs[i];
        const uint32_t *map = a->cls == VC_CLASS_NODE ? node_map
                              : a->cls == VC_CLASS_EDGE ? edge_map : NULL;
        size_t n = vc_graph_class_size(g, a->cls);
        struct vc_attr *to;
        if ((st = vc_graph_attr_add(out, a->cls, a->name, a->type, &to, err)) != VC_OK)
            break;
        for (size_t k = 0; k < n && st == VC_OK; k++) {
            size_t dst = map ? map[k] : k;
            if (dst != UINT32_MAX)
                st = copy_value(out, to, a, k, dst, err);
        }
    }
    return st;
}

/*
 * Shares of what is left: provision (a, i) keeps s_a (1 - L_a) of a market
 * that has lost R = sum over i's providers at that level of s_b L_b, so its
 * share becomes s_a (1 - L_a) / (1 - R).  Unknown shares stay unknown.
 */
static enum vc_status rescale_shares(const struct vc_model *m, const double *loss,
                                     const uint32_t *edge_map, struct vc_graph *out,
                                     struct vc_error *err)
{
    struct vc_attr *share = vc_graph_attr(out, VC_CLASS_EDGE, "share");
    const struct vc_chain *c = m->chain;
    enum vc_status st = VC_OK;

    if (!share)
        return VC_OK;
    for (size_t i = 0; i < m->n && st == VC_OK; i++) {
        double removed[2] = { 0, 0 };
        for (uint32_t j = m->prov_start[i]; j < m->prov_start[i + 1]; j++)
            removed[m->prov[j].level] += m->prov[j].share * loss[m->prov[j].actor];
        for (uint32_t j = m->prov_start[i]; j < m->prov_start[i + 1] && st == VC_OK; j++) {
            const struct vc_provision_ref *p = &m->prov[j];
            uint32_t e = edge_map[p->edge];
            double left = 1.0 - removed[p->level], s;
            if (e == UINT32_MAX || !p->known || removed[p->level] <= 0)
                continue; /* dropped, unknown, or a market that lost nothing */
            s = c->share[p->edge] * (1.0 - loss[p->actor]);
            if (left > VC_COMPARE_EPS)
                s /= left;
            st = vc_attr_set_double(share, e, s > 1 ? 1 : s, err);
        }
    }
    return st;
}

static void drop_warning(void *ctx, const struct vc_error *w)
{
    (void)ctx;
    (void)w; /* the world after repeats the input's warnings: shown once already */
}

void vc_whatif_release(struct vc_whatif *w)
{
    vc_comparison_release(&w->cmp);
    vc_analysis_release(&w->before);
    vc_analysis_release(&w->after);
    vc_chain_release(&w->chain);
    vc_graph_release(&w->graph);
    free(w->cut);
    free(w->loss);
    memset(w, 0, sizeof(*w));
}

enum vc_status vc_whatif_run(const struct vc_chain *c, const struct vc_engine_opts *opts,
                             const struct vc_scenario *s, struct vc_whatif *out,
                             struct vc_error *err)
{
    static const struct vc_engine_opts defaults = VC_ENGINE_OPTS_INIT;
    const struct vc_graph *g = c->graph;
    struct vc_engine_opts o = opts ? *opts : defaults;
    struct vc_chain_opts copts = VC_CHAIN_OPTS_INIT;
    struct vc_diag quiet = VC_DIAG_INIT;
    struct vc_model m;
    struct vc_prop p;
    bool have_model = false, have_prop = false;
    size_t n = c->n_nodes ? c->n_nodes : 1;
    uint8_t *keep_node = NULL, *keep_edge = NULL;
    uint32_t *node_map = NULL, *edge_map = NULL;
    enum vc_status st;

    memset(out, 0, sizeof(*out));
    vc_graph_init(&out->graph);
    out->cut = calloc(n, sizeof(double));
    out->loss = calloc(n, sizeof(double));
    keep_node = malloc(n);
    keep_edge = malloc(c->n_edges + 1);
    node_map = malloc(n * sizeof(uint32_t));
    edge_map = malloc((c->n_edges + 1) * sizeof(uint32_t));
    if (!out->cut || !out->loss || !keep_node || !keep_edge || !node_map || !edge_map) {
        st = vc_error_set(err, VC_ENOMEM, g->source, 0, 0, "out of memory");
        goto out;
    }
    if ((st = vc_scenario_cut(s, c, out->cut, &o.spare, err)) != VC_OK)
        goto out;
    out->spare = o.spare;

    /* the propagation: the engine's own */
    if ((st = vc_model_build(c, &m, err)) != VC_OK)
        goto out;
    have_model = true;
    if (vc_prop_init(&p, &m, &o) != VC_OK) {
        st = vc_error_set(err, VC_ENOMEM, g->source, 0, 0, "out of memory");
        goto out;
    }
    have_prop = true;
    for (size_t v = 0; v < c->n_nodes; v++) {
        if (c->kind[v] == VC_KIND_ACTOR && out->cut[v] > 0) {
            vc_prop_cut_actor(&p, (uint32_t)v, out->cut[v]);
            out->actors_cut++;
        }
    }
    vc_prop_run(&p);
    out->impact = vc_prop_impact(&p);
    out->converged = p.converged;
    memcpy(out->loss, p.loss, c->n_nodes * sizeof(double));

    /* the world after: removed actors gone, with every edge they had */
    for (size_t v = 0; v < c->n_nodes; v++)
        keep_node[v] = !(c->kind[v] == VC_KIND_ACTOR && out->cut[v] >= 1.0);
    for (size_t e = 0; e < c->n_edges; e++)
        keep_edge[e] = keep_node[g->edge_from[e]] && keep_node[g->edge_to[e]] &&
                       !(c->relation[e] == VC_REL_PROVIDES && out->loss[g->edge_from[e]] >= 1.0);
    if ((st = copy_graph(g, keep_node, keep_edge, node_map, edge_map, &out->graph, err)) !=
            VC_OK ||
        (st = rescale_shares(&m, out->loss, edge_map, &out->graph, err)) != VC_OK)
        goto out;
    copts.share_scale = VC_SHARE_FRACTION;
    quiet.warn = drop_warning;
    if ((st = vc_chain_build(&out->graph, &copts, &out->chain, &quiet, err)) != VC_OK)
        goto out;
    if ((st = vc_analysis_run(c, &o, &out->before, err)) != VC_OK ||
        (st = vc_analysis_run(&out->chain, &o, &out->after, err)) != VC_OK ||
        (st = vc_compare(&out->before, &out->after, VC_ALIGN_ID, &out->cmp, err)) != VC_OK)
        goto out;
out:
    if (have_prop)
        vc_prop_release(&p);
    if (have_model)
        vc_model_release(&m);
    free(keep_node);
    free(keep_edge);
    free(node_map);
    free(edge_map);
    if (st != VC_OK)
        vc_whatif_release(out);
    return st;
}
