/*
 * scenario.h - what the engine's what-if code shares with the scenario
 * reader (scenario.c): how a step's name matches a node's label.
 */
#ifndef VC_IMPORT_SCENARIO_H
#define VC_IMPORT_SCENARIO_H

#include <stdbool.h>

/* Whether label names the actor name: ignoring case, surrounding
 * whitespace and one pair of double quotes around the label. */
bool vc_scenario_label_is(const char *label, const char *name);

#endif
