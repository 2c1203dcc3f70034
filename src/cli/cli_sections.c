/*
 * cli_sections.c - several tables (and a few scalars) in one output, in
 * each table format: titled blocks in text, headings in Markdown, blank
 * lines between TSV/CSV tables, one object in JSON; and an empty table,
 * which a person reading text is told about in words.
 */
#include <stdio.h>

#include "cli.h"
#include "cli_table.h"
#include "cli_fit.h"
#include "cli_table.h"
#include "vchain/textout.h"

void cli_sections_begin(struct cli_sections *s, int fmt)
{
    s->fmt = fmt;
    s->n = 0;
}

static void member(struct cli_sections *s, const char *key)
{
    fputs(s->n ? ",\n" : "{", stdout);
    vc_json_string(stdout, key);
    fputs(": ", stdout);
}

void cli_section(struct cli_sections *s, const char *key, const char *title)
{
    switch (s->fmt) {
    case FMT_JSON: member(s, key); break;
    case FMT_TEXT: cli_fit_printf(stdout, "%s%s\n\n", s->n ? "\n" : "", cli_safe(title)); break;
    case FMT_MD: printf("%s### %s\n\n", s->n ? "\n" : "", cli_safe(title)); break;
    default:
        if (s->n)
            putchar('\n');
        break;
    }
    s->n++;
}

void cli_section_value(struct cli_sections *s, const char *key, const char *text, double num,
                       enum cli_col_type type)
{
    switch (s->fmt) {
    case FMT_JSON:
        member(s, key);
        if (type == CLI_COL_INT)
            printf("%.0f", num);
        else if (type == CLI_COL_NUM)
            vc_json_number(stdout, num);
        else if (type == CLI_COL_BOOL)
            fputs(num != 0 ? "true" : "false", stdout);
        else
            vc_json_string(stdout, text);
        s->n++;
        break;
    case FMT_TEXT:
    case FMT_MD:
        /* text and Markdown: the caller writes its own prose */
        break;
    default:
        break; /* TSV and CSV hold tables only */
    }
}

int cli_table_print_rows(const struct cli_table *t, int fmt, const char *hint)
{
    if (t->failed) { /* a cell could not be stored */
        cli_nomem();
        return -1;
    }
    if (t->n_rows || (fmt != FMT_TEXT && fmt != FMT_MD))
        return cli_table_print(t, stdout, fmt);
    if (fmt == FMT_TEXT && hint)
        printf("(none: %s)\n", cli_safe(hint));
    else
        fputs("(none)\n", stdout);
    return ferror(stdout) ? -1 : 0;
}

void cli_sections_end(struct cli_sections *s)
{
    if (s->fmt == FMT_JSON)
        fputs(s->n ? "}\n" : "{}\n", stdout);
}

int cli_section_table(struct cli_sections *s, bool titled, const char *key, const char *title,
                      struct cli_table *t, const char *hint)
{
    int rc;
    if (titled)
        cli_section(s, key, title);
    rc = cli_table_print_rows(t, s->fmt, hint);
    cli_table_release(t);
    return rc;
}
