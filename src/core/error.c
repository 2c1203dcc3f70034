/*
 * error.c - the first-error-wins record and the warning sink.
 *
 * Owns formatting of struct vc_error; printing is the CLI's job.
 */
#include <stdio.h>
#include <string.h>

#include "vchain/error.h"

void vc_error_clear(struct vc_error *err)
{
    if (!err)
        return;
    err->code = VC_OK;
    err->path[0] = '\0';
    err->line = err->col = 0;
    err->msg[0] = '\0';
}

static void fill(struct vc_error *e, enum vc_status code, const char *path, long line,
                 long col, const char *fmt, va_list ap)
{
    e->code = code;
    snprintf(e->path, sizeof(e->path), "%s", path ? path : "");
    e->line = line;
    e->col = col;
    vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
}

enum vc_status vc_error_setv(struct vc_error *err, enum vc_status code, const char *path,
                             long line, long col, const char *fmt, va_list ap)
{
    if (err && err->code == VC_OK && code != VC_OK)
        fill(err, code, path, line, col, fmt, ap);
    return code;
}

enum vc_status vc_error_set(struct vc_error *err, enum vc_status code, const char *path,
                            long line, long col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vc_error_setv(err, code, path, line, col, fmt, ap);
    va_end(ap);
    return code;
}

const char *vc_status_str(enum vc_status code)
{
    switch (code) {
    case VC_OK: return "success";
    case VC_ENOMEM: return "out of memory";
    case VC_EIO: return "input/output error";
    case VC_EPARSE: return "parse error";
    case VC_EINVAL: return "invalid data";
    case VC_EUNSUPPORTED: return "unsupported feature";
    case VC_EIGRAPH: return "igraph error";
    case VC_EINTR: return "interrupted";
    }
    return "unknown error";
}

enum vc_status vc_warn(struct vc_diag *diag, struct vc_error *err, const char *path,
                       long line, long col, const char *fmt, ...)
{
    struct vc_error w;
    va_list ap;

    va_start(ap, fmt);
    fill(&w, VC_OK, path, line, col, fmt, ap);
    va_end(ap);
    if (!diag)
        return VC_OK;
    diag->count++;
    if (diag->strict)
        return vc_error_set(err, VC_EINVAL, w.path, w.line, w.col, "%s (a warning, an error under --strict)", w.msg);
    if (diag->warn)
        diag->warn(diag->ctx, &w);
    return VC_OK;
}
