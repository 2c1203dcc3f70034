/*
 * pending.c - readers whose real implementation has not landed yet.
 * (Removed when the GEXF and tables readers arrive.)
 */
#include "vchain/import.h"

enum vc_status vc_gexf_read(struct vc_graph *out, FILE *in, const char *name,
                            const struct vc_import_opts *opts, struct vc_diag *diag,
                            struct vc_error *err)
{
    (void)out; (void)in; (void)opts; (void)diag;
    return vc_error_set(err, VC_EUNSUPPORTED, name, 0, 0, "reading GEXF is not available yet");
}

enum vc_status vc_tables_read(struct vc_graph *out, const char *dir,
                              const struct vc_import_opts *opts, struct vc_diag *diag,
                              struct vc_error *err)
{
    (void)out; (void)opts; (void)diag;
    return vc_error_set(err, VC_EUNSUPPORTED, dir, 0, 0, "reading CSV tables is not available yet");
}
