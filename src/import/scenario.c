/*
 * scenario.c - what-if scenarios as the user writes them: a list of
 * changes (remove an actor or a country, cap an actor's capacity, set spare
 * capacity, let a holder gain a share of an item) from command-line options or from a file, one change a line,
 * with the file and line kept on every step so that later errors (an
 * unknown actor, say) can point at it.
 *
 * Reading only: which actors a step names, and what the changes cost, is
 * the engine's (src/engine/whatif.c).
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "scenario.h"
#include "vchain/import.h"

#define LINE_MAX_BYTES ((size_t)1 << 16)

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
    if (kind == VC_STEP_GAIN && !(value >= 0 && value <= 1))
        return vc_error_set(err, VC_EINVAL, file, line, 0,
                            "gain: the share reached must be a fraction from 0 to 1, not %g",
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
        { "cap", VC_STEP_CAP }, { "spare", VC_STEP_SPARE }, { "gain", VC_STEP_GAIN },
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
                            "unknown change \"%.*s\"; expected remove, remove-country, cap, "
                            "spare or gain", (int)(wlen > 40 ? 40 : wlen), word);
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
    case VC_STEP_GAIN:
        /* cap ACTOR FRACTION (or ACTOR=FRACTION), gain HOLDER:ITEM SHARE (or
         * =SHARE): the number is the last word */
        num = rest + rlen;
        while (num > rest && !isspace((unsigned char)num[-1]) && num[-1] != '=')
            num--;
        nlen = (size_t)(rest + rlen - num);
        if (num == rest || !parse_number(num, nlen, &value))
            return vc_error_set(err, VC_EPARSE, path, line, 0,
                                kind == VC_STEP_CAP
                                    ? "cap: expected an actor and the fraction of its capacity "
                                      "kept (cap ACTOR FRACTION)"
                                    : "gain: expected a holder, an item and the share it "
                                      "reaches (gain HOLDER:ITEM SHARE)");
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
            return vc_error_set(err, VC_EPARSE, path, line, 0, kind == VC_STEP_CAP
                                ? "cap: which actor?" : "gain: which holder and item?");
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

/* ---- matching ---- */

bool vc_scenario_label_is(const char *x, const char *name)
{
    size_t n = strlen(name);
    const char *t = x;
    size_t tl = strlen(x);
    trim(&t, &tl);
    return tl == n && strncasecmp(t, name, n) == 0;
}
