/*
 * vchain/error.h - status codes and the error record every fallible call fills.
 *
 * Every function that can fail returns an enum vc_status and takes a trailing
 * struct vc_error * (which may be NULL).  The first error set wins: later
 * calls to vc_error_set() on a filled record change nothing, so the message
 * the user sees is the one closest to the cause.  Messages carry no trailing
 * newline and no "error:" prefix; the CLI adds those.
 */
#ifndef VCHAIN_ERROR_H
#define VCHAIN_ERROR_H

#include <stdarg.h>

#if defined(__GNUC__)
#define VC_API __attribute__((visibility("default")))
#define VC_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define VC_API
#define VC_PRINTF(f, a)
#endif

#ifdef __cplusplus
extern "C" {
#endif

enum vc_status {
    VC_OK = 0,
    VC_ENOMEM,       /* out of memory, or a documented size limit reached */
    VC_EIO,          /* a file could not be read or written */
    VC_EPARSE,       /* input is not well-formed (XML, CSV, a number) */
    VC_EINVAL,       /* input is well-formed but means something invalid */
    VC_EUNSUPPORTED, /* valid input using a feature vchain does not handle */
    VC_EIGRAPH,      /* igraph reported an error */
    VC_EINTR         /* interrupted (signal) */
};

#define VC_ERROR_PATH_MAX 256
#define VC_ERROR_MSG_MAX 512

/*
 * Where and what.  line and col are 1-based; 0 means unknown.  path is the
 * input's name as the user gave it ("<stdin>" for standard input).
 */
struct vc_error {
    enum vc_status code;
    char path[VC_ERROR_PATH_MAX];
    long line, col;
    char msg[VC_ERROR_MSG_MAX];
};

#define VC_ERROR_INIT { VC_OK, "", 0, 0, "" }

/* Resets err to the empty state.  err may be NULL. */
VC_API void vc_error_clear(struct vc_error *err);

/*
 * Fills err (if non-NULL and still empty) and returns code, so error paths
 * read `return vc_error_set(err, VC_EINVAL, path, line, col, "...", ...)`.
 * path may be NULL.
 */
VC_API enum vc_status vc_error_set(struct vc_error *err, enum vc_status code,
                                   const char *path, long line, long col,
                                   const char *fmt, ...) VC_PRINTF(6, 7);
VC_API enum vc_status vc_error_setv(struct vc_error *err, enum vc_status code,
                                    const char *path, long line, long col,
                                    const char *fmt, va_list ap);

/* A short English name for a status ("out of memory", "parse error", ...). */
VC_API const char *vc_status_str(enum vc_status code);

/*
 * Warnings are not errors: the run goes on.  A warning is handed to a
 * callback as a filled struct vc_error whose code is VC_OK.
 */
typedef void vc_warn_fn(void *ctx, const struct vc_error *warning);

/*
 * A warning sink.  With strict set, vc_warn() turns the warning into an
 * error: it fills err with the warning's text and returns VC_EINVAL.
 */
struct vc_diag {
    vc_warn_fn *warn; /* may be NULL: warnings are dropped */
    void *ctx;
    int strict;
    unsigned long count; /* warnings reported so far */
};

#define VC_DIAG_INIT { 0, 0, 0, 0 }

VC_API enum vc_status vc_warn(struct vc_diag *diag, struct vc_error *err,
                              const char *path, long line, long col,
                              const char *fmt, ...) VC_PRINTF(6, 7);

#ifdef __cplusplus
}
#endif

#endif
