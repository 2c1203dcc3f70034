/*
 * cli_report.c - what the report commands share: the date shown (from
 * SOURCE_DATE_EPOCH when set, so builds of a report can be reproduced) and
 * the parameters in words.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "cli.h"

void cli_report_date(char *buf, size_t size)
{
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    time_t t = epoch && *epoch ? (time_t)strtoll(epoch, NULL, 10) : time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(buf, size, "%Y-%m-%d", &tm);
}

void cli_report_params(const struct vc_engine_opts *o, char *buf, size_t size)
{
    snprintf(buf, size, "level %s, spare capacity %g, variants %s, thresholds: share %g, "
             "pair %g (each at least %g), impact %g", vc_level_name(o->level), o->spare,
             o->variants == VC_VARIANTS_ESSENTIAL ? "essential" : "substitute", o->theta_share,
             o->theta_pair, o->theta_pair_min, o->theta_impact);
}
