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
