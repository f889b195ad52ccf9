/*
 * cli/cmd_ingest.c: `truce ingest`. Walks files and folders (recursively, in
 * name order so runs are repeatable), runs the pipeline on each document and
 * reports refusals, duplicates and a summary on stderr.
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli_util.h"
#include "commands.h"
#include "truce/pipeline.h"

static const char HELP[] =
    "usage: truce ingest [--db FILE] [--manifest FILE.jsonl] [--max-bytes N] [--data DIR] PATH...\n"
    "\n"
    "Reads plain-text, HTML, WARC/WET and RSS/Atom files (gzip allowed), and folders\n"
    "recursively, into the store: each document once (its id is the SHA-256 of its\n"
    "bytes), with its normalized text, sentences, mentions and events.\n"
    "\n"
    "  --db FILE          store (default ./truce.db or $TRUCE_DB)\n"
    "  --manifest FILE    JSON Lines: {\"file\",\"url\",\"source\",\"published\",\"lang\"} per document\n"
    "  --max-bytes N      refuse documents larger than N bytes (default 52428800)\n"
    "  --data DIR         folder with gazetteer.bin and actors/ (default: built-in search)\n"
    "\n"
    "A document that is empty, binary, undecodable, unreadable or too large is reported\n"
    "on stderr with its path and reason; the others go on. Exit status 1 if any failed.\n";

static void on_report(void *ctx, const truce_error *e)
{
    (void)ctx;
    if (e->code == TRUCE_EDUPLICATE || e->code == TRUCE_OK)
        fprintf(stderr, "truce ingest: %s: %s\n", e->doc, e->msg);
    else
        cli_error("ingest", e);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void walk(truce_pipeline *p, const char *path, int depth)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        truce_error e;
        truce_error_set(&e, TRUCE_EIO, path, -1, "cannot read: %s", strerror(errno));
        p->stats.documents_seen++;
        p->stats.failed++;
        on_report(NULL, &e);
        return;
    }
    if (!S_ISDIR(st.st_mode)) {
        truce_pipeline_file(p, path);
        return;
    }
    if (depth > 64)
        return;
    DIR *d = opendir(path);
    if (!d) {
        truce_error e;
        truce_error_set(&e, TRUCE_EIO, path, -1, "cannot open folder: %s", strerror(errno));
        p->stats.failed++;
        on_report(NULL, &e);
        return;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue; /* hidden files and . .. */
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **nn = realloc(names, cap * sizeof *nn);
            if (!nn)
                break;
            names = nn;
        }
        size_t len = strlen(path) + strlen(de->d_name) + 2;
        names[n] = malloc(len);
        if (!names[n])
            break;
        snprintf(names[n], len, "%s%s%s", path, path[strlen(path) - 1] == '/' ? "" : "/", de->d_name);
        n++;
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        walk(p, names[i], depth + 1);
        free(names[i]);
    }
    free(names);
}

int truce_cmd_ingest(int argc, char **argv)
{
    if (cli_wants_help(argc, argv)) {
        fputs(HELP, stdout);
        return 0;
    }
    const char *db = cli_default_db(), *manifest_path = NULL, *max = NULL, *data = NULL;
    int first = argc;
    for (int i = 1; i < argc; i++) {
        if (cli_opt(argc, argv, &i, "--db", &db) || cli_opt(argc, argv, &i, "--manifest", &manifest_path) ||
            cli_opt(argc, argv, &i, "--max-bytes", &max) || cli_opt(argc, argv, &i, "--data", &data))
            continue;
        if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "truce ingest: unknown option %s\n%s", argv[i], HELP);
            return EXIT_USAGE;
        }
        first = i;
        break;
    }
    if (first >= argc) {
        fprintf(stderr, "truce ingest: no PATH given\n%s", HELP);
        return EXIT_USAGE;
    }
    truce_pipeline p;
    memset(&p, 0, sizeof p);
    if (max) {
        char *end;
        unsigned long long v = strtoull(max, &end, 10);
        if (*end || v == 0) {
            fprintf(stderr, "truce ingest: --max-bytes wants a positive number, not \"%s\"\n", max);
            return EXIT_USAGE;
        }
        p.options.max_bytes = (size_t)v;
    }
    truce_arena *a = truce_arena_new(0);
    truce_manifest manifest = { NULL, 0 };
    truce_error err;
    truce_error_clear(&err);
    if (!a)
        return EXIT_FATAL;
    if (manifest_path && truce_manifest_load(a, manifest_path, &manifest, &err) != TRUCE_OK) {
        cli_error("ingest", &err);
        truce_arena_free(a);
        return EXIT_USAGE;
    }
    truce_store *store;
    int rc = cli_open_store(db, &store);
    if (rc) {
        truce_arena_free(a);
        return rc;
    }
    truce_resources res;
    truce_error_clear(&err);
    truce_resources_open(data, &res, &err);
    if (err.code == TRUCE_ENOTFOUND)
        fprintf(stderr, "truce ingest: warning: %s\n", err.msg);
    p.store = store;
    p.resources = &res;
    p.manifest = manifest_path ? &manifest : NULL;
    p.report = on_report;
    for (int i = first; i < argc; i++)
        walk(&p, argv[i], 0);
    fprintf(stderr, "truce ingest: %zu documents: %zu stored, %zu already stored, %zu failed; %zu sentences, %zu mentions, %zu events\n",
            p.stats.documents_seen, p.stats.documents_stored, p.stats.duplicates, p.stats.failed,
            p.stats.sentences, p.stats.mentions, p.stats.events);
    truce_resources_close(&res);
    truce_store_close(store);
    truce_arena_free(a);
    return p.stats.failed ? EXIT_SOME_FAILED : 0;
}
