/*
 * corpus.h - walking a folder of files written by other tools
 * (../shared/data/graphml-corpus, gexf-corpus) with one reader: each case
 * is read, with its node and edge counts checked, or refused with a
 * message holding a given phrase, naming the file and a line.  Every file
 * in the folder must have a case, so a new file cannot go unchecked.
 */
#ifndef VC_CORPUS_H
#define VC_CORPUS_H

#include "testutil.h"

struct corpus_case {
    const char *file;      /* below the corpus folder */
    enum vc_status status; /* VC_OK: read */
    size_t nodes, edges;   /* when read */
    const char *needle;    /* when refused: part of the message */
    bool lenient;
};

typedef enum vc_status (*corpus_read_fn)(struct vc_graph *, FILE *, const char *,
                                         const struct vc_import_opts *, struct vc_diag *,
                                         struct vc_error *);
/* A further check on a graph that was read (may be NULL). */
typedef void (*corpus_check_fn)(const char *file, struct vc_graph *g, struct vc_diag *diag);

static void corpus_ignore_warning(void *ctx, const struct vc_error *w)
{
    (void)ctx;
    (void)w;
}

/* The number of different files the cases name. */
static size_t corpus_distinct_files(const struct corpus_case *cases, size_t n)
{
    size_t files = 0;
    for (size_t i = 0; i < n; i++) {
        size_t j = 0;
        while (j < i && strcmp(cases[j].file, cases[i].file) != 0)
            j++;
        files += j == i;
    }
    return files;
}

/*
 * Runs every case of the corpus folder `folder` (under ../shared/data) and
 * checks that the files matching find_names (a find(1) expression such as
 * "-name '*.gexf'") are exactly as many as the cases name.  Skips when
 * ../shared is absent.
 */
static void corpus_run(const char *folder, const char *find_names, const struct corpus_case *cases,
                       size_t n, corpus_read_fn read, corpus_check_fn check)
{
    char dir[1024], path[1400], cmd[1600];

    if (!shared_path(folder, dir, sizeof(dir)))
        skip();
    for (size_t i = 0; i < n; i++) {
        const struct corpus_case *c = &cases[i];
        struct vc_graph g;
        struct vc_error err = VC_ERROR_INIT;
        struct vc_import_opts opts = VC_IMPORT_OPTS_INIT;
        struct vc_diag diag = VC_DIAG_INIT;
        enum vc_status st;
        FILE *f;

        diag.warn = corpus_ignore_warning;
        opts.lenient = c->lenient;
        snprintf(path, sizeof(path), "%s/%s", dir, c->file);
        f = fopen(path, "rb");
        if (!f)
            fail_msg("%s: cannot open", path);
        st = read(&g, f, path, &opts, &diag, &err);
        fclose(f);
        if (st != c->status)
            fail_msg("%s: status %d (%s), expected %d", c->file, st, err.msg, c->status);
        if (st == VC_OK) {
            if (g.n_nodes != c->nodes || g.n_edges != c->edges)
                fail_msg("%s: %zu nodes %zu edges, expected %zu and %zu", c->file, g.n_nodes,
                         g.n_edges, c->nodes, c->edges);
            if (check)
                check(c->file, &g, &diag);
            vc_graph_release(&g);
        } else {
            if (!strstr(err.msg, c->needle))
                fail_msg("%s: message '%s' lacks '%s'", c->file, err.msg, c->needle);
            assert_true(err.line > 0); /* refusals say where */
            assert_string_equal(err.path, path);
        }
    }
    snprintf(cmd, sizeof(cmd), "test $(find '%s' -type f \\( %s \\) | wc -l) -eq %zu", dir,
             find_names, corpus_distinct_files(cases, n));
    if (system(cmd) != 0)
        fail_msg("%s: a file has no case, or a case no file", dir);
}

#endif
