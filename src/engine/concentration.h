/*
 * concentration.h - market concentration of one item at one provider level.
 */
#ifndef VC_ENGINE_CONCENTRATION_H
#define VC_ENGINE_CONCENTRATION_H

#include "model.h"

/* Fills *out for item at level (NaN figures when the level has no rows). */
void vc_concentration_of(const struct vc_model *m, size_t item, enum vc_level level,
                         struct vc_concentration *out);
/* The level to report for item: preferred when it has rows there, else the other. */
enum vc_level vc_concentration_level(const struct vc_model *m, size_t item,
                                     enum vc_level preferred);

#endif
