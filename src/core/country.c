/*
 * country.c - ISO 3166-1 country codes: alpha-2 and names to alpha-3.
 *
 * The table is generated from Debian's iso-codes (tools/gen_countries.py).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "vchain/chain.h"

struct country {
    const char *alpha3, *alpha2, *name, *other_name;
};

static const struct country countries[] = {
#include "country_table.h"
};

#define N_COUNTRIES (sizeof(countries) / sizeof(countries[0]))

static int by_alpha3(const void *key, const void *elem)
{
    return strcasecmp(key, ((const struct country *)elem)->alpha3);
}

static const struct country *find_alpha3(const char *code)
{
    return bsearch(code, countries, N_COUNTRIES, sizeof(countries[0]), by_alpha3);
}

const char *vc_country_alpha3(const char *code)
{
    const struct country *c;
    size_t len;

    if (!code)
        return NULL;
    len = strlen(code);
    if (len == 3 && (c = find_alpha3(code)))
        return c->alpha3;
    for (size_t i = 0; i < N_COUNTRIES; i++) {
        c = &countries[i];
        if ((len == 2 && strcasecmp(code, c->alpha2) == 0) || strcasecmp(code, c->name) == 0 ||
            (c->other_name[0] && strcasecmp(code, c->other_name) == 0))
            return c->alpha3;
    }
    return NULL;
}

const char *vc_country_name(const char *alpha3)
{
    const struct country *c = alpha3 ? find_alpha3(alpha3) : NULL;
    return c ? c->name : NULL;
}
