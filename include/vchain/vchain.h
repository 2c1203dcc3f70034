/*
 * vchain/vchain.h - umbrella header for libvchain.
 *
 * libvchain reads value-chain graphs (import.h), interprets them (chain.h),
 * scores every node (engine.h) and writes annotated graphs and tables
 * (export.h).  All strings are UTF-8; all functions that can fail return an
 * enum vc_status and fill a struct vc_error (error.h).
 */
#ifndef VCHAIN_VCHAIN_H
#define VCHAIN_VCHAIN_H

#include "vchain/error.h"
#include "vchain/graph.h"
#include "vchain/chain.h"
#include "vchain/import.h"
#include "vchain/outfile.h"
#include "vchain/export.h"
#include "vchain/layout.h"
#include "vchain/engine.h"
#include "vchain/compare.h"
#include "vchain/whatif.h"
#include "vchain/deps.h"
#include "vchain/knowledge.h"
#include "vchain/cluster.h"
#include "vchain/opportunity.h"
#include "vchain/spread.h"
#include "vchain/report.h"
#include "vchain/summary.h"
#include "vchain/textout.h"
#include "vchain/version.h"

#endif
