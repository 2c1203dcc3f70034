/*
 * cli_suggest.c - "did you mean ...?" for a mistyped command, option, column
 * or country: the candidate nearest to what was typed, by edit distance.
 *
 * The distance is optimal string alignment (Levenshtein plus swapping two
 * neighbours, so 'rnak' is one step from 'rank'), ignoring ASCII case.  A
 * candidate is offered only when it is near for the word's length: one edit
 * for words of up to three characters, two up to six, three beyond; or
 * when the word is the start of exactly one candidate.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"

enum { MAX_WORD = 64 };

static size_t min3(size_t a, size_t b, size_t c)
{
    size_t m = a < b ? a : b;
    return m < c ? m : c;
}

size_t cli_distance(const char *a, const char *b)
{
    /* three rows of the dynamic programme: i-2, i-1, i */
    size_t rows[3][MAX_WORD + 1];
    size_t la = strlen(a), lb = strlen(b);

    if (la > MAX_WORD || lb > MAX_WORD)
        return (size_t)-1; /* nothing that long is a typo of a name */
    for (size_t j = 0; j <= lb; j++)
        rows[0][j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t *cur = rows[i % 3], *prev = rows[(i - 1) % 3], *prev2 = rows[(i + 1) % 3];
        cur[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            int ca = tolower((unsigned char)a[i - 1]), cb = tolower((unsigned char)b[j - 1]);
            size_t cost = ca != cb;
            cur[j] = min3(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
            if (i > 1 && j > 1 && ca == tolower((unsigned char)b[j - 2]) &&
                tolower((unsigned char)a[i - 2]) == cb && prev2[j - 2] + 1 < cur[j])
                cur[j] = prev2[j - 2] + 1;
        }
    }
    return rows[la % 3][lb];
}

static size_t near_enough(size_t len)
{
    return len <= 3 ? 1 : len <= 6 ? 2 : 3;
}

const char *cli_nearest(const char *word, const char *const *cand, size_t n)
{
    const char *best = NULL, *prefixed = NULL;
    size_t best_d = (size_t)-1, len = strlen(word), n_prefixed = 0;

    if (!len)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        size_t d;
        if (!cand[i])
            continue;
        d = cli_distance(word, cand[i]);
        if (d < best_d) {
            best_d = d;
            best = cand[i];
        }
        if (strncasecmp(cand[i], word, len) == 0) {
            prefixed = cand[i];
            n_prefixed++;
        }
    }
    if (best && best_d <= near_enough(len) && best_d < strlen(best))
        return best;
    return n_prefixed == 1 && len >= 2 ? prefixed : NULL;
}

/* The long options of opts whose name starts with the len bytes of name. */
static size_t long_matches(const struct option *opts, const char *name, size_t len,
                           const struct option **exact, const struct option **one)
{
    size_t n = 0;
    *exact = *one = NULL;
    for (const struct option *o = opts; o && o->name; o++)
        if (strncmp(o->name, name, len) == 0) {
            if (strlen(o->name) == len)
                *exact = o;
            *one = o;
            n++;
        }
    return n;
}

int cli_option_error(const char *cmd, int opt, char **argv, const struct option *longopts)
{
    const char *arg = optind > 0 ? argv[optind - 1] : "";
    const struct option *exact, *one;
    const char *names[128];
    const char *near;
    char name[MAX_WORD + 1];
    size_t len, n = 0, matches;

    if (optopt && optopt < 256 && !(arg[0] == '-' && arg[1] == '-')) /* -x */
        return opt == ':' ? cli_usage_error(cmd, "option '-%c' needs a value", optopt)
                          : cli_usage_error(cmd, "unknown option '-%c'", optopt);
    if (!(arg[0] == '-' && arg[1] == '-'))
        return cli_usage_error(cmd, "unknown option '%s'", arg);
    arg += 2;
    len = strcspn(arg, "=");
    matches = long_matches(longopts, arg, len, &exact, &one);
    if (exact)
        one = exact, matches = 1;
    if (opt == ':' && one)
        return cli_usage_error(cmd, "option '--%s' needs a value", one->name);
    if (matches == 1 && arg[len] == '=' && one->has_arg == no_argument)
        return cli_usage_error(cmd, "option '--%s' takes no value", one->name);
    if (matches > 1) {
        char list[512];
        size_t used = 0;
        list[0] = '\0';
        for (const struct option *o = longopts; o->name && used < sizeof(list); o++)
            if (strncmp(o->name, arg, len) == 0)
                used += (size_t)snprintf(list + used, sizeof(list) - used, "%s--%s",
                                         used ? ", " : "", o->name);
        return cli_usage_error(cmd, "option '--%.*s' is ambiguous: %s", (int)len, arg, list);
    }
    snprintf(name, sizeof(name), "%.*s", (int)(len < MAX_WORD ? len : MAX_WORD), arg);
    for (const struct option *o = longopts; o && o->name && n < 128; o++)
        names[n++] = o->name;
    near = cli_nearest(name, names, n);
    if (near)
        return cli_usage_error(cmd, "unknown option '--%s'; did you mean --%s?", name, near);
    return cli_usage_error(cmd, "unknown option '--%s'", name);
}

/* Whether actor v of c (a single one, not a "various companies" row)
 * belongs to the country code names (its code, any case, or the alpha-3
 * code of an alpha-2 code or a name). */
static bool actor_in(const struct vc_chain *c, size_t v, const char *code, const char *a3)
{
    const char *cc = c->country[v];
    return c->kind[v] == VC_KIND_ACTOR && !c->aggregate[v] && cc && *cc &&
           (strcasecmp(cc, code) == 0 || (a3 && strcmp(cc, a3) == 0));
}

bool cli_country_present(const struct vc_chain *c, const char *code)
{
    const char *a3 = vc_country_alpha3(code);
    for (size_t v = 0; v < c->graph->n_nodes; v++)
        if (actor_in(c, v, code, a3))
            return true;
    return false;
}

static int by_code(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

int cli_country_missing(const struct vc_chain *c, const char *code)
{
    /* the data's countries, sorted: each code, then its English name (or NULL) */
    const char **cand = malloc(2 * (c->graph->n_nodes + 1) * sizeof(*cand));
    const char *a3 = vc_country_alpha3(code), *near, *known = a3 ? vc_country_name(a3) : NULL;
    char list[320];
    size_t n = 0, m = 0, used = 0, shown = 0;

    if (!cand)
        return cli_nomem();
    for (size_t v = 0; v < c->graph->n_nodes; v++)
        if (c->kind[v] == VC_KIND_ACTOR && !c->aggregate[v] && c->country[v] &&
            *c->country[v])
            cand[n++] = c->country[v];
    qsort(cand, n, sizeof(*cand), by_code);
    for (size_t k = 0; k < n; k++)
        if (!m || strcmp(cand[m - 1], cand[k]) != 0)
            cand[m++] = cand[k];
    n = m;
    /* spread out from the end: slots 2k and 2k+1 were read already */
    for (size_t k = n; k-- > 0;) {
        cand[2 * k] = cand[k];
        cand[2 * k + 1] = vc_country_name(cand[k]);
    }
    list[0] = '\0';
    for (size_t k = 0; k < n && shown < 12 && used < sizeof(list); k++, shown++)
        used += (size_t)snprintf(list + used, sizeof(list) - used, "%s%s", k ? ", " : "",
                                 cand[2 * k]);
    near = known ? NULL : cli_nearest(code, cand, 2 * n);
    for (size_t k = 0; near && k < n; k++)
        if (near == cand[2 * k] || near == cand[2 * k + 1]) {
            const char *name = cand[2 * k + 1];
            cli_error("no actor of country '%s' in the data; did you mean %s%s%s%s?", code,
                      cand[2 * k], name ? " (" : "", name ? name : "", name ? ")" : "");
            free(cand);
            return EXIT_DATA;
        }
    cli_error("no actor of country '%s'%s%s%s in the data; its countries: %s%s", code,
              known ? " (" : "", known ? known : "", known ? ")" : "", n ? list : "none",
              n > shown ? ", ... (vchain rank --by country lists them)" : "");
    free(cand);
    return EXIT_DATA;
}
