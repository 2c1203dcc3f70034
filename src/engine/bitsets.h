/*
 * bitsets.h - single points of failure and downstream reach, computed 64
 * candidates per machine word.
 *
 * Both are "sets over the graph" that would take n^2 bits if kept whole.
 * Instead the candidates are processed in chunks of 64 * VC_BITSET_WORDS:
 * one pass over the graph per chunk, chunks spread over threads, memory
 * n * VC_BITSET_WORDS words per thread.  docs/model.md explains the rules.
 */
#ifndef VC_ENGINE_BITSETS_H
#define VC_ENGINE_BITSETS_H

#include "model.h"

#define VC_BITSET_WORDS 32

/*
 * For every node x: how many final items x alone can stop (spof_finals;
 * a final item counts itself).  level is the provider level whose
 * providers are the alternatives of an item.  A firm network (no items)
 * and a chain of more than VC_SPOF_CASCADE_NODES nodes go to the cascade
 * below, a smaller value chain to the bitsets; both give the same counts
 * (tests/unit/test_engine.c, test_spof_dominator.c).
 */
#define VC_SPOF_CASCADE_NODES 50000
enum vc_status vc_spof_counts(const struct vc_model *m, const struct vc_engine_opts *opts,
                              enum vc_level level, uint32_t *spof_finals,
                              struct vc_error *err);
enum vc_status vc_spof_counts_bitsets(const struct vc_model *m, const struct vc_engine_opts *opts,
                                      enum vc_level level, uint32_t *spof_finals,
                                      struct vc_error *err);
/* A stop cascade per node, costing the cascade (what it stops). */
enum vc_status vc_spof_counts_cascade(const struct vc_model *m, const struct vc_engine_opts *opts,
                                      enum vc_level level, uint32_t *spof_finals,
                                      struct vc_error *err);

/*
 * E(final): every node whose loss alone stops node `target`, as a 0/1
 * array over nodes (out, n entries).  For tests and explanations.
 */
enum vc_status vc_spof_set(const struct vc_model *m, const struct vc_engine_opts *opts,
                           enum vc_level level, uint32_t target, uint8_t *out,
                           struct vc_error *err);
/* The same for n_targets nodes at once (one pass per chunk of candidates
 * serves them all): out holds n_targets rows of n entries. */
enum vc_status vc_spof_sets(const struct vc_model *m, const struct vc_engine_opts *opts,
                            enum vc_level level, const uint32_t *targets, size_t n_targets,
                            uint8_t *out, struct vc_error *err);

/* For every node: how many items and final nodes (items, or actors in a firm
 * network) lie downstream (itself excluded). */
enum vc_status vc_reach_counts(const struct vc_model *m, unsigned threads, uint32_t *items,
                               uint32_t *finals, struct vc_error *err);

/*
 * The same counts for the nodes with want[v] set, one walk of what lies
 * downstream each (cost: their cones, where vc_reach_counts costs every
 * node's); every other node gets VC_REACH_UNKNOWN.  For large chains, whose
 * reach only a few rows show.
 */
enum vc_status vc_reach_of(const struct vc_model *m, unsigned threads, const uint8_t *want,
                           uint32_t *items, uint32_t *finals, struct vc_error *err);

#endif
