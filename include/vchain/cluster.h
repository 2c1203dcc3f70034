/*
 * vchain/cluster.h - what a country's control points stand on.
 * docs/model.md ("The cluster around a control point") has the rules.
 *
 * For each control point of a country: the providers of its item's
 * essential inputs (its suppliers) and of the items it feeds (its users),
 * and the actors whose loss alone stops its item (the AND/OR single points
 * of failure).  One that a foreign actor alone can stop is weaker than it
 * looks; one whose domestic suppliers are themselves hard to replace is an
 * ecosystem.  Computed from a finished struct vc_analysis.
 */
#ifndef VCHAIN_CLUSTER_H
#define VCHAIN_CLUSTER_H

#include "engine.h"

#ifdef __cplusplus
extern "C" {
#endif

struct vc_cluster_member {
    uint32_t actor, item;     /* a provider and the item it provides (actor UINT32_MAX: the
                                 data names no provider of the item) */
    double share;
    bool share_known;
    bool hard;                /* hard to replace in that item */
    bool domestic;            /* of the control point's country */
    bool spof;                /* alone it can stop the control point's item */
};

enum vc_cluster_verdict {
    VC_CLUSTER_NO_INPUTS,         /* the data lists no input of its item */
    VC_CLUSTER_NO_SPOF,           /* no actor alone can stop it, no domestic supplier hard to
                                     replace */
    VC_CLUSTER_ECOSYSTEM,         /* domestic suppliers hard to replace */
    VC_CLUSTER_WEAKER,            /* rests on a foreign single point of failure */
    VC_CLUSTER_ECOSYSTEM_WEAKER   /* both */
};

struct vc_cluster {
    size_t provision;         /* the control point (index in a->provisions) */
    size_t n_inputs;          /* its item's essential inputs */
    size_t n_fed;             /* items its item feeds (as input or variant) */
    size_t n_suppliers;       /* providers of the inputs, largest share first per input */
    struct vc_cluster_member *suppliers;
    size_t n_users;           /* providers of the items it feeds */
    struct vc_cluster_member *users;
    size_t n_spof;            /* actors that alone can stop its item (the holder and
                                 aggregates left out), foreign first */
    uint32_t *spof;
    size_t foreign_spof;      /* how many of them are not of the country */
    size_t domestic_hard;     /* suppliers of the country (the holder aside) hard to replace */
    size_t foreign_hard;      /* suppliers of other countries hard to replace */
    enum vc_cluster_verdict verdict;
    char text[768];           /* the verdict with names */
};

struct vc_clusters {
    size_t n;
    struct vc_cluster *v;     /* in the order of the view's control points */
};

/*
 * The cluster around each control point of the country view v (those at
 * the level their item is analysed at, as rank lists them).  Release with
 * vc_clusters_release(), also after a failure.
 */
VC_API enum vc_status vc_clusters_find(const struct vc_analysis *a,
                                       const struct vc_country_view *v,
                                       struct vc_clusters *out, struct vc_error *err);
VC_API void vc_clusters_release(struct vc_clusters *c);

static inline const char *vc_cluster_verdict_name(enum vc_cluster_verdict v)
{
    switch (v) {
    case VC_CLUSTER_NO_INPUTS: return "no inputs in the data";
    case VC_CLUSTER_NO_SPOF: return "no single point of failure";
    case VC_CLUSTER_ECOSYSTEM: return "an ecosystem";
    case VC_CLUSTER_WEAKER: return "weaker than it looks";
    case VC_CLUSTER_ECOSYSTEM_WEAKER: return "an ecosystem, but weaker than it looks";
    }
    return "?";
}

#ifdef __cplusplus
}
#endif

#endif
