/*
 * cli_msg.c - everything vchain prints on stderr goes through here.
 *
 * Messages follow the GNU "program: FILE:LINE:COL: message" shape so that
 * editors and CI logs can jump to the place in the input.  A message quotes
 * untrusted text (ids, labels, file names), so it is escaped as a whole
 * (vc_term_text: control characters and bytes that are not UTF-8 become
 * visible escapes): one message is one line, and no escape sequence from a
 * file reaches the terminal.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "vchain/textout.h"

struct cli_global cli;

/* Writes the formatted text to stderr, escaped. */
static void vput_escaped(const char *fmt, va_list ap)
{
    char small[1024], *buf = small;
    va_list again;
    int n;

    va_copy(again, ap);
    n = vsnprintf(small, sizeof(small), fmt, ap);
    if (n >= (int)sizeof(small) && (buf = malloc((size_t)n + 1)))
        vsnprintf(buf, (size_t)n + 1, fmt, again);
    else
        buf = small; /* without memory: the message cut short */
    va_end(again);
    if (n >= 0)
        vc_term_text(stderr, buf);
    if (buf != small)
        free(buf);
}

const char *cli_safe(const char *s)
{
    /* a few buffers in turn, so that one printf can take several */
    static char *slot[8];
    static unsigned next;
    char **p = &slot[next++ % 8];
    size_t n;

    if (!s)
        return "";
    n = vc_term_escape(NULL, 0, s);
    free(*p);
    if (!(*p = malloc(n + 1)))
        return "?";
    vc_term_escape(*p, n + 1, s);
    return *p;
}

void cli_msg(const char *kind, bool even_quiet, const char *fmt, ...)
{
    va_list ap;
    if (cli.quiet && !even_quiet)
        return;
    if (strcmp(kind, "error") == 0)
        cli.errors++;
    fflush(stdout);
    fprintf(stderr, "vchain: %s: ", kind);
    va_start(ap, fmt);
    vput_escaped(fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

int cli_usage_text(void (*print)(FILE *out))
{
    fflush(stdout);
    print(stderr);
    return EXIT_USAGE;
}

static void print_located(const char *kind, const struct vc_error *e)
{
    if (strcmp(kind, "error") == 0)
        cli.errors++;
    fflush(stdout);
    fprintf(stderr, "vchain: %s: ", kind);
    if (e->path[0]) {
        vc_term_text(stderr, e->path);
        if (e->line > 0) {
            fprintf(stderr, ":%ld", e->line);
            if (e->col > 0)
                fprintf(stderr, ":%ld", e->col);
        }
        fputs(": ", stderr);
    }
    vc_term_text(stderr, e->msg[0] ? e->msg : vc_status_str(e->code));
    fputc('\n', stderr);
}

int cli_report(const struct vc_error *err)
{
    print_located("error", err);
    cli_memory_hint(err);
    return EXIT_DATA;
}

int cli_nomem(void)
{
    struct vc_error err = VC_ERROR_INIT;
    vc_error_set(&err, VC_ENOMEM, NULL, 0, 0, "out of memory");
    return cli_report(&err);
}

void cli_warn_cb(void *ctx, const struct vc_error *w)
{
    (void)ctx;
    if (!cli.quiet)
        print_located("warning", w);
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    cli.errors++;
    fflush(stdout);
    fputs("vchain: ", stderr);
    if (cmd)
        fprintf(stderr, "%s: ", cmd);
    va_start(ap, fmt);
    vput_escaped(fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'vchain %s%s--help'.\n", cmd ? cmd : "", cmd ? " " : "");
    return EXIT_USAGE;
}

bool cli_progress_wanted(void)
{
    return !cli.quiet && !cli.no_tty && isatty(STDERR_FILENO);
}

/* A progress line on stderr, redrawn at most ten times a second. */
static int progress_shown;

void cli_progress(void *ctx, const char *stage, size_t done, size_t total)
{
    static struct timespec last;
    struct timespec now;
    (void)ctx;
    clock_gettime(CLOCK_MONOTONIC, &now);
    if (done && done < total &&
        (now.tv_sec - last.tv_sec) * 1000000000L + (now.tv_nsec - last.tv_nsec) < 100000000L)
        return;
    last = now;
    if (total > 1)
        fprintf(stderr, "\rvchain: %s: %zu/%zu\033[K", stage, done, total);
    else
        fprintf(stderr, "\rvchain: %s...\033[K", stage);
    progress_shown = 1;
}

void cli_progress_done(void)
{
    if (progress_shown)
        fputs("\r\033[K", stderr);
    progress_shown = 0;
}
