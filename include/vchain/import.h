/*
 * vchain/import.h - reading graphs.
 *
 * Readers fill an uninitialised struct vc_graph only on success; after a
 * failure there is nothing to release and err says what went wrong and where
 * (file, line, column).  Readers never print: warnings go to the vc_diag.
 *
 * Untrusted input: XML readers never touch the network or the file system
 * beyond the input itself, never expand or load external entities, keep
 * libxml2's size limits, and reject DTDs that declare entities.
 */
#ifndef VCHAIN_IMPORT_H
#define VCHAIN_IMPORT_H

#include <stdio.h>

#include "chain.h"
#include "graph.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Attribute renaming on the way in: --map share=market_share reads the
 * input's "market_share" as vchain's "share".
 */
struct vc_attrmap_entry {
    char *to;   /* vchain's name */
    char *from; /* the input's name */
};
struct vc_attrmap {
    size_t count, cap;
    struct vc_attrmap_entry *entries;
};

#define VC_ATTRMAP_INIT { 0, 0, 0 }

VC_API void vc_attrmap_release(struct vc_attrmap *m);
/* Adds one "to=from" pair (as given to --map); VC_EINVAL on bad syntax. */
VC_API enum vc_status vc_attrmap_add_spec(struct vc_attrmap *m, const char *spec,
                                          struct vc_error *err);
/*
 * The name the input's attribute `name` takes: its mapped name, or name
 * itself, or (when another attribute is mapped onto name) "input_<name>",
 * written into buf.  m may be NULL.
 */
VC_API const char *vc_attrmap_apply(const struct vc_attrmap *m, const char *name, char *buf,
                                    size_t size);

struct vc_import_opts {
    const struct vc_attrmap *map; /* may be NULL */
    bool lenient;                 /* create undeclared edge endpoints (with a warning) */
};

#define VC_IMPORT_OPTS_INIT { 0, false }

/*
 * Reads GraphML from in (streamed; never a whole-file tree).  name is the
 * input's name for messages.  See docs/formats.md for what is accepted.
 */
VC_API enum vc_status vc_graphml_read(struct vc_graph *out, FILE *in, const char *name,
                                      const struct vc_import_opts *opts,
                                      struct vc_diag *diag, struct vc_error *err);

/*
 * Reads GEXF 1.1draft, 1.2draft or 1.3 (with or without viz) from in;
 * same contract as vc_graphml_read().  See docs/formats.md.
 */
VC_API enum vc_status vc_gexf_read(struct vc_graph *out, FILE *in, const char *name,
                                   const struct vc_import_opts *opts,
                                   struct vc_diag *diag, struct vc_error *err);

/*
 * Reads a folder of CSV tables (providers, items, provision and sequence
 * rows; the ETO Chip Explorer layout among them).  See docs/formats.md.
 */
VC_API enum vc_status vc_tables_read(struct vc_graph *out, const char *dir,
                                     const struct vc_import_opts *opts,
                                     struct vc_diag *diag, struct vc_error *err);

/*
 * Reads one CSV edge list (Source, Target [, Type, Id, Label, Weight, ...]:
 * Gephi's edge table, NetworkX's to_pandas_edgelist, vchain's CSV export)
 * and, when nodes is not NULL, its node table (Id [, Label, ...]) first.
 * Columns become typed attributes (docs/formats.md, "A CSV edge list");
 * same contract as vc_graphml_read().
 */
VC_API enum vc_status vc_edgelist_read(struct vc_graph *out, FILE *edges, const char *name,
                                       FILE *nodes, const char *nodes_name,
                                       const struct vc_import_opts *opts,
                                       struct vc_diag *diag, struct vc_error *err);

/*
 * A what-if scenario as the user writes it: a list of changes, from
 * options (vc_scenario_add) or a file (vc_scenario_read).  whatif.h plays
 * it out.
 */
enum vc_step_kind {
    VC_STEP_REMOVE,          /* name: an actor (id or label) */
    VC_STEP_REMOVE_COUNTRY,  /* name: a country (alpha-3, alpha-2 or name) */
    VC_STEP_CAP,             /* name: an actor; value: the fraction of capacity kept */
    VC_STEP_SPARE,           /* value: spare capacity sigma of the others */
    VC_STEP_GAIN             /* name: HOLDER:ITEM (a country or an actor, and an item);
                                value: the share it reaches (the others scaled down) */
};

struct vc_scenario_step {
    enum vc_step_kind kind;
    char *name;              /* malloc'd; NULL for spare */
    double value;
    char *file;              /* where the step was read (malloc'd), or NULL */
    uint32_t line;
};

struct vc_scenario {
    size_t n, cap;
    struct vc_scenario_step *steps;
};

#define VC_SCENARIO_INIT { 0, 0, NULL }

VC_API void vc_scenario_release(struct vc_scenario *s);
VC_API enum vc_status vc_scenario_add(struct vc_scenario *s, enum vc_step_kind kind,
                                      const char *name, double value, struct vc_error *err);
/*
 * Reads changes from a file, one per line: `remove ACTOR`,
 * `remove-country ISO`, `cap ACTOR FRACTION`, `spare S`,
 * `gain HOLDER:ITEM SHARE`; blank lines and
 * `#` comments are skipped; an actor may be "quoted".  Errors name
 * path:line.
 */
VC_API enum vc_status vc_scenario_read(struct vc_scenario *s, FILE *f, const char *path,
                                       struct vc_error *err);

/* Input formats vc_load() knows. */
enum vc_format { VC_FMT_AUTO, VC_FMT_GRAPHML, VC_FMT_GEXF, VC_FMT_TABLES, VC_FMT_EDGELIST };

struct vc_load_opts {
    enum vc_format format;
    struct vc_import_opts import;
    struct vc_chain_opts chain;
};

#define VC_LOAD_OPTS_INIT { VC_FMT_AUTO, VC_IMPORT_OPTS_INIT, VC_CHAIN_OPTS_INIT }

/*
 * Reads path ("-" = standard input) in its format (detected from the
 * content when opts->format is VC_FMT_AUTO) and interprets it as a value
 * chain.  On success *graph and *chain are filled (release both, chain
 * first); on failure there is nothing to release.
 */
VC_API enum vc_status vc_load(const char *path, const struct vc_load_opts *opts,
                              struct vc_graph *graph, struct vc_chain *chain,
                              struct vc_diag *diag, struct vc_error *err);

/*
 * Process-wide set-up for safe XML parsing (libxml2 initialised, external
 * entity loading denied).  vc_load() and the readers call it; call it
 * yourself before starting threads.  Idempotent.
 */
VC_API void vc_xml_init(void);

#ifdef __cplusplus
}
#endif

#endif
