/*
 * pending.c - readers whose real implementation has not landed yet.
 * (Removed when the GEXF reader arrives.)
 */
#include "vchain/import.h"

enum vc_status vc_gexf_read(struct vc_graph *out, FILE *in, const char *name,
                            const struct vc_import_opts *opts, struct vc_diag *diag,
                            struct vc_error *err)
{
    (void)out; (void)in; (void)opts; (void)diag;
    return vc_error_set(err, VC_EUNSUPPORTED, name, 0, 0, "reading GEXF is not available yet");
}
