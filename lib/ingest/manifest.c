/*
 * ingest/manifest.c: JSON Lines manifests of document metadata.
 * Each line: {"file","url","source","published","lang"}. A bad line is an
 * error naming the manifest and the line: metadata silently dropped would
 * misdate every event of that document.
 * Loading sorts the entries by file base name (stably, so entries sharing a
 * base name keep their order): a lookup per document is then a binary
 * search, not a scan of the whole manifest (10,000 documents made 10^8
 * string comparisons).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

#include "truce/ingest.h"
#include "core/json_scan.h"
#include "truce/read.h" /* truce_date_is_iso_day */

static const char *base_name(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

typedef struct keyed {
    const char *base;   /* NULL (sorts last) for entries with no file */
    size_t idx;
} keyed;

static int keyed_cmp(const void *pa, const void *pb)
{
    const keyed *a = pa, *b = pb;
    if (!a->base || !b->base) {
        if (a->base != b->base)
            return a->base ? -1 : 1;
    } else {
        int c = strcmp(a->base, b->base);
        if (c)
            return c;
    }
    return a->idx < b->idx ? -1 : a->idx > b->idx;
}

static int sort_entries(truce_arena *a, truce_manifest *m, const char *path, truce_error *err)
{
    if (m->n < 2)
        return TRUCE_OK;
    keyed *k = malloc(m->n * sizeof *k);
    truce_manifest_entry *sorted = truce_arena_alloc(a, m->n * sizeof *sorted);
    if (!k || !sorted) {
        free(k);
        return truce_error_set(err, TRUCE_ENOMEM, path, -1, "out of memory");
    }
    for (size_t i = 0; i < m->n; i++) {
        k[i].base = m->items[i].file ? base_name(m->items[i].file) : NULL;
        k[i].idx = i;
    }
    qsort(k, m->n, sizeof *k, keyed_cmp);
    for (size_t i = 0; i < m->n; i++)
        sorted[i] = m->items[k[i].idx];
    free(k);
    m->items = sorted;
    return TRUCE_OK;
}

int truce_manifest_load(truce_arena *a, const char *path, truce_manifest *out, truce_error *err)
{
    out->items = NULL;
    out->n = 0;
    FILE *f = fopen(path, "rb");
    if (!f)
        return truce_error_set(err, TRUCE_EIO, path, -1, "cannot open manifest: %s", strerror(errno));
    size_t cap = 0, lineno = 0;
    char *line = NULL;
    size_t lcap = 0;
    int rc = TRUCE_OK;
    for (;;) {
        /* getline is POSIX, not C17: read by chunks instead. */
        size_t len = 0;
        int c;
        while ((c = fgetc(f)) != EOF && c != '\n') {
            if (len + 2 > lcap) {
                size_t ncap = lcap ? lcap * 2 : 512;
                char *nl = truce_arena_grow(a, line, len, ncap, 1);
                if (!nl) {
                    rc = truce_error_set(err, TRUCE_ENOMEM, path, -1, "out of memory");
                    goto out;
                }
                line = nl;
                lcap = ncap;
            }
            line[len++] = (char)c;
        }
        if (c == EOF && len == 0)
            break;
        lineno++;
        size_t k = 0;
        while (k < len && (line[k] == ' ' || line[k] == '\t' || line[k] == '\r'))
            k++;
        if (k == len)
            continue;
        json_field *fields;
        size_t nf;
        truce_error e2;
        truce_error_clear(&e2);
        if (json_scan_object(a, line, len, &fields, &nf, &e2, path)) {
            rc = truce_error_set(err, TRUCE_EINPUT, path, (long long)lineno,
                                 "manifest line %zu: %s", lineno, e2.msg);
            goto out;
        }
        const char *file = json_get(fields, nf, "file");
        const char *url = json_get(fields, nf, "url");
        if (!file && !url) {
            rc = truce_error_set(err, TRUCE_EINPUT, path, (long long)lineno,
                                 "manifest line %zu names no \"file\" or \"url\"", lineno);
            goto out;
        }
        const char *pub = json_get(fields, nf, "published");
        /* a day, or a day with a time after it */
        if (pub && !(strlen(pub) >= 10 && truce_date_is_iso_day(pub, 10))) {
            rc = truce_error_set(err, TRUCE_EINPUT, path, (long long)lineno,
                                 "manifest line %zu: \"published\" is not a real date YYYY-MM-DD: %s", lineno, pub);
            goto out;
        }
        if (out->n == cap) {
            size_t ncap = cap ? cap * 2 : 32;
            truce_manifest_entry *p = truce_arena_grow(a, out->items, out->n, ncap, sizeof *p);
            if (!p) {
                rc = truce_error_set(err, TRUCE_ENOMEM, path, -1, "out of memory");
                goto out;
            }
            out->items = p;
            cap = ncap;
        }
        truce_manifest_entry *m = &out->items[out->n++];
        m->file = file;
        m->url = url;
        m->source = json_get(fields, nf, "source");
        m->published = pub ? truce_arena_strndup(a, pub, 10) : NULL;
        m->lang = json_get(fields, nf, "lang");
        if (c == EOF)
            break;
    }
out:
    fclose(f);
    if (rc == TRUCE_OK)
        rc = sort_entries(a, out, path, err);
    return rc;
}

const truce_manifest_entry *truce_manifest_find(const truce_manifest *m, const char *path)
{
    if (!m || !path)
        return NULL;
    /* The first entry with this base name (entries are sorted by it; those
     * without a file come last). */
    const char *b = base_name(path);
    size_t lo = 0, hi = m->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *f = m->items[mid].file;
        if (f && strcmp(base_name(f), b) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    /* A file equal to the path wins over an earlier one that only shares
     * its base name; both have the same base name, so they are neighbours. */
    for (size_t i = lo; i < m->n && m->items[i].file && !strcmp(base_name(m->items[i].file), b); i++)
        if (!strcmp(m->items[i].file, path))
            return &m->items[i];
    if (lo < m->n && m->items[lo].file && !strcmp(base_name(m->items[lo].file), b))
        return &m->items[lo];
    return NULL;
}
