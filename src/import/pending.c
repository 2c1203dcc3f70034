/*
 * pending.c - readers whose real implementation has not landed yet.
 * (Removed when the tables reader arrives.)
 */
#include "vchain/import.h"

enum vc_status vc_tables_read(struct vc_graph *out, const char *dir,
                              const struct vc_import_opts *opts, struct vc_diag *diag,
                              struct vc_error *err)
{
    (void)out; (void)opts; (void)diag;
    return vc_error_set(err, VC_EUNSUPPORTED, dir, 0, 0, "reading CSV tables is not available yet");
}
