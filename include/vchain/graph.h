/*
 * vchain/graph.h - the graph as read from a file: nodes, edges and typed
 * attribute columns.
 *
 * A struct vc_graph is a directed multigraph (edges may be marked undirected
 * one by one) whose nodes have string ids.  Every attribute is a column: a
 * name, a class (node, edge or graph), a type, and one optional value per
 * element.  Importers fill it, the engine adds result columns to it, and
 * exporters write whatever columns it carries.  The graph owns every string
 * in it (a string pool); pointers handed out stay valid until release.
 *
 * Each node and edge remembers the line and column of the element it came
 * from, so checks made after parsing can still point at the input.
 *
 * Limits: at most VC_GRAPH_MAX_ELEMENTS nodes and as many edges (indices are
 * 32-bit to keep big graphs compact); node and edge ids of at most
 * VC_GRAPH_MAX_ID_LEN bytes (ids are names, and they appear in every message
 * and output); at most VC_GRAPH_MAX_ATTRS attribute columns (looked up by a
 * linear scan, so a hostile file declaring 100,000 would otherwise cost
 * minutes); importers refuse attribute values longer than
 * VC_GRAPH_MAX_VALUE_LEN bytes.  Going over a limit is VC_ENOMEM with a
 * message naming the limit (docs/safety.md).
 */
#ifndef VCHAIN_GRAPH_H
#define VCHAIN_GRAPH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"

#ifdef __cplusplus
extern "C" {
#endif

#define VC_GRAPH_MAX_ELEMENTS ((size_t)INT32_MAX)
#define VC_GRAPH_MAX_ID_LEN ((size_t)4096)
#define VC_GRAPH_MAX_ATTRS ((size_t)4096)
#define VC_GRAPH_MAX_VALUE_LEN ((size_t)1 << 20)

enum vc_attr_type {
    VC_ATTR_BOOL,
    VC_ATTR_INT,    /* 32-bit range */
    VC_ATTR_LONG,   /* 64-bit range */
    VC_ATTR_FLOAT,  /* stored as double, written with 9 significant digits */
    VC_ATTR_DOUBLE,
    VC_ATTR_STRING
};

enum vc_attr_class { VC_CLASS_NODE, VC_CLASS_EDGE, VC_CLASS_GRAPH };

/* One value; which member is live follows the column's type (bool uses i). */
union vc_value {
    int64_t i;
    double d;
    const char *s;
};

struct vc_attr {
    const char *name;        /* pooled; unique within its class */
    enum vc_attr_class cls;
    enum vc_attr_type type;
    size_t cap;              /* values has room for cap elements */
    union vc_value *values;
    uint8_t *has;            /* has[k] != 0: element k carries a value */
    size_t count;            /* how many elements carry a value */
};

struct vc_strpool_block;
struct vc_strpool {
    struct vc_strpool_block *head;
};

struct vc_idmap_slot {
    uint32_t index1;         /* node index + 1, 0 = empty */
    uint32_t hash;
    uint64_t head;           /* the id's first 8 bytes, zero-padded */
};
struct vc_idmap {
    size_t cap, count;       /* cap is a power of two (or 0) */
    struct vc_idmap_slot *slots;
};

struct vc_graph {
    struct vc_strpool pool;
    const char *source;      /* the input's name, for messages ("<stdin>") */
    bool directed;           /* the default for edges */

    size_t n_nodes, nodes_cap;
    const char **node_id;
    uint32_t *node_line, *node_col;
    struct vc_idmap node_index;

    size_t n_edges, edges_cap;
    uint32_t *edge_from, *edge_to;
    uint8_t *edge_directed;
    const char **edge_id;    /* NULL while no edge has an id (then read it through
                                vc_graph_edge_id()); NULL entries where the input
                                gave none */
    uint32_t *edge_line, *edge_col;

    size_t n_attrs, attrs_cap;
    struct vc_attr **attrs;

    const char *desc;        /* free text describing the graph, or NULL */

    /*
     * Graphs read from several files (a folder of CSV tables): the file each
     * node and edge came from, pooled, so that messages name the right file
     * with the line.  NULL (the usual case) means source; see vc_graph_file().
     */
    const char **node_file, **edge_file;
    size_t node_file_cap, edge_file_cap;
};

/* Makes g an empty directed graph; allocates nothing, cannot fail. */
VC_API void vc_graph_init(struct vc_graph *g);
/* Frees everything g holds and leaves it empty (safe to call twice). */
VC_API void vc_graph_release(struct vc_graph *g);

/* Copies s (len bytes, need not be NUL-terminated) into g's pool. */
VC_API const char *vc_graph_strdup(struct vc_graph *g, const char *s, size_t len);
VC_API enum vc_status vc_graph_set_source(struct vc_graph *g, const char *name);

/*
 * Looks node id up and, when absent, adds it.  *index receives the node's
 * index; *created (may be NULL) says whether it was new.  line/col record
 * where the node was declared (0 if unknown).  An id holding a NUL byte is
 * refused (VC_EINVAL).
 */
VC_API enum vc_status vc_graph_intern_node(struct vc_graph *g, const char *id, size_t len,
                                           uint32_t line, uint32_t col,
                                           size_t *index, bool *created,
                                           struct vc_error *err);
/* Index of node id, or SIZE_MAX. */
VC_API size_t vc_graph_find_node(const struct vc_graph *g, const char *id, size_t len);

/* Edge k's id, or NULL when the input gave none. */
static inline const char *vc_graph_edge_id(const struct vc_graph *g, size_t k)
{
    return g->edge_id ? g->edge_id[k] : NULL;
}

/* Adds an edge from -> to (node indices).  id may be NULL; an empty id
 * (id_len 0) is no id either.  Ids are not checked for uniqueness here:
 * see vc_graph_unique_edge_ids(). */
VC_API enum vc_status vc_graph_add_edge(struct vc_graph *g, size_t from, size_t to,
                                        bool directed, const char *id, size_t id_len,
                                        uint32_t line, uint32_t col, size_t *index,
                                        struct vc_error *err);

/*
 * Makes room for n edges in all, in the edge arrays and every edge
 * attribute column, so that a reader that can tell how many are coming
 * adds them without moving the arrays.  Only capacity: nothing is written
 * (big arrays cost no memory until filled).  VC_ENOMEM when out of memory
 * (g unchanged in content).
 */
VC_API enum vc_status vc_graph_reserve_edges(struct vc_graph *g, size_t n,
                                             struct vc_error *err);

/*
 * Records that node or edge k (cls VC_CLASS_NODE or VC_CLASS_EDGE) came from
 * file (a string in g's pool), for graphs read from several files.
 */
VC_API enum vc_status vc_graph_set_file(struct vc_graph *g, enum vc_attr_class cls, size_t k,
                                        const char *file, struct vc_error *err);
/*
 * The file node or edge k came from: the one recorded with
 * vc_graph_set_file(), else g->source.  Use it with node_line/edge_line in
 * messages.
 */
VC_API const char *vc_graph_file(const struct vc_graph *g, enum vc_attr_class cls, size_t k);

/*
 * Edge ids are unique in every graph a reader returns: an edge whose id an
 * earlier edge holds is renamed ID-2 (or ID-3, ...: the first such name no
 * edge holds), with one warning naming the first and the count.  Readers
 * call it after reading; an empty node id is refused by every reader.
 */
VC_API enum vc_status vc_graph_unique_edge_ids(struct vc_graph *g, struct vc_diag *diag,
                                               struct vc_error *err);
/* VC_EINVAL naming the first edge id held twice; the GraphML and GEXF
 * writers check this before writing a byte. */
VC_API enum vc_status vc_graph_check_edge_ids(const struct vc_graph *g, struct vc_error *err);

/* Number of elements of a class: nodes, edges, or 1 for the graph. */
VC_API size_t vc_graph_class_size(const struct vc_graph *g, enum vc_attr_class cls);

/* The column named name of class cls, or NULL. */
VC_API struct vc_attr *vc_graph_attr(const struct vc_graph *g, enum vc_attr_class cls,
                                     const char *name);
/*
 * Adds a column.  Fails with VC_EINVAL if the class already has a column of
 * that name.  *out (may be NULL) receives it.
 */
VC_API enum vc_status vc_graph_attr_add(struct vc_graph *g, enum vc_attr_class cls,
                                        const char *name, enum vc_attr_type type,
                                        struct vc_attr **out, struct vc_error *err);
/*
 * Returns the column, adding it when absent.  An existing column of another
 * type is dropped and recreated: the engine uses this to (re)write results.
 */
VC_API enum vc_status vc_graph_attr_ensure(struct vc_graph *g, enum vc_attr_class cls,
                                           const char *name, enum vc_attr_type type,
                                           struct vc_attr **out, struct vc_error *err);
/* Removes a column (no-op if absent). */
VC_API void vc_graph_attr_remove(struct vc_graph *g, struct vc_attr *a);
/* Renames a column; VC_EINVAL if the new name is taken. */
VC_API enum vc_status vc_graph_attr_rename(struct vc_graph *g, struct vc_attr *a,
                                           const char *name, struct vc_error *err);

static inline bool vc_attr_has(const struct vc_attr *a, size_t k)
{
    return a && k < a->cap && a->has[k];
}

/* Stores a value for element k (growing the column as needed). */
VC_API enum vc_status vc_attr_set(struct vc_attr *a, size_t k, union vc_value v,
                                  struct vc_error *err);
VC_API enum vc_status vc_attr_set_double(struct vc_attr *a, size_t k, double d,
                                         struct vc_error *err);
VC_API enum vc_status vc_attr_set_int(struct vc_attr *a, size_t k, int64_t i,
                                      struct vc_error *err);
/* s must already live in the graph's pool (see vc_graph_strdup). */
VC_API enum vc_status vc_attr_set_string(struct vc_attr *a, size_t k, const char *s,
                                         struct vc_error *err);
VC_API void vc_attr_unset(struct vc_attr *a, size_t k);

/* Value as a double (bool/int/long converted); NAN when absent or a string. */
VC_API double vc_attr_get_double(const struct vc_attr *a, size_t k);
/* Value as a string when the column is a string column, else NULL. */
VC_API const char *vc_attr_get_string(const struct vc_attr *a, size_t k);

VC_API const char *vc_attr_type_name(enum vc_attr_type type);
VC_API const char *vc_attr_class_name(enum vc_attr_class cls);
/* Parses a GraphML-style type name (boolean, int, long, float, double, string). */
VC_API bool vc_attr_type_parse(const char *s, enum vc_attr_type *type);

/*
 * Whether s is a plain decimal number, the only numbers data files hold:
 * [+-]digits[.digits][(e|E)[+-]digits] with a digit before the exponent.
 * Hexadecimal (0x1p-1), inf and nan are not.
 */
VC_API bool vc_is_decimal(const char *s);

/*
 * Converts the text of one value to a column's type, as tools write them:
 * booleans true/false/1/0 in any case; decimal numbers (vc_is_decimal) with
 * surrounding whitespace; "NaN" (any case) or an empty number means "no
 * value" (*present = false, and *why says which, "NaN" or "empty", for the
 * reader's warning).  Fails with VC_EPARSE on junk (hexadecimal included)
 * or VC_EINVAL on out-of-range numbers (inf among them); *why receives a
 * short reason ("not a number", "out of range for int").  A string is not
 * copied: the caller stores it.
 */
VC_API enum vc_status vc_value_parse(enum vc_attr_type type, const char *text,
                                     union vc_value *out, bool *present,
                                     const char **why);

#ifdef __cplusplus
}
#endif

#endif
