/*
 * read/gazetteer.c: loading gazetteer.bin (one fread into one heap block,
 * checked against its header) and looking names up in its sorted table.
 * Owns the loaded block; never writes the file, never prints.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read/gazetteer_impl.h"


static size_t two_bytes(const char *k)
{
    unsigned char b0 = (unsigned char)k[0];
    return b0 ? (size_t)b0 << 8 | (unsigned char)k[1] : 0;
}

int gz_load(const char *path, truce_gazetteer **out, truce_error *err)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) return truce_error_set(err, TRUCE_ENOTFOUND, path, -1, "gazetteer not found");
    if (fseek(fp, 0, SEEK_END) != 0) { fclose(fp); return truce_error_set(err, TRUCE_EIO, path, -1, "cannot seek"); }
    long size = ftell(fp);
    rewind(fp);
    if (size < (long)sizeof(gz_header)) { fclose(fp); return truce_error_set(err, TRUCE_EIO, path, 0, "gazetteer too short"); }
    truce_gazetteer *g = calloc(1, sizeof *g);
    char *blob = malloc((size_t)size);
    if (!g || !blob) { free(g); free(blob); fclose(fp); return truce_error_set(err, TRUCE_ENOMEM, path, -1, "out of memory"); }
    size_t got = fread(blob, 1, (size_t)size, fp);
    fclose(fp);
    if (got != (size_t)size) { free(g); free(blob); return truce_error_set(err, TRUCE_EIO, path, -1, "short read"); }
    gz_header h;
    memcpy(&h, blob, sizeof h);
    size_t need = sizeof h + (size_t)h.n_rec * sizeof(gz_rec) + (size_t)h.n_names * sizeof(gz_name) + h.str_size;
    if (memcmp(h.magic, GZ_MAGIC, 8) != 0 || need != (size_t)size ||
        (h.str_size && blob[size - 1] != '\0')) {
        free(g); free(blob);
        return truce_error_set(err, TRUCE_EINPUT, path, 0, "not a truce gazetteer (rebuild with tools/gazetteer/build.sh)");
    }
    g->blob = blob;
    g->n_rec = h.n_rec;
    g->n_names = h.n_names;
    g->str_size = h.str_size;
    g->recs = (const gz_rec *)(blob + sizeof h);
    g->names = (const gz_name *)(blob + sizeof h + (size_t)h.n_rec * sizeof(gz_rec));
    g->pool = blob + sizeof h + (size_t)h.n_rec * sizeof(gz_rec) + (size_t)h.n_names * sizeof(gz_name);
    for (size_t i = 0; i < g->n_names; i++)
        if (g->names[i].rec >= g->n_rec || g->names[i].key_off >= g->str_size) {
            free(g->blob); free(g);
            return truce_error_set(err, TRUCE_EINPUT, path, 0, "corrupt gazetteer name table");
        }
    for (size_t i = 0; i < g->n_rec; i++)
        if (g->recs[i].name_off >= g->str_size) {
            free(g->blob); free(g);
            return truce_error_set(err, TRUCE_EINPUT, path, 0, "corrupt gazetteer records");
        }
    if (g->n_names > UINT32_MAX - 1) {
        free(g->blob); free(g);
        return truce_error_set(err, TRUCE_EINPUT, path, 0, "gazetteer name table too large");
    }
    g->by2 = malloc(GZ_BY2_N * sizeof *g->by2);
    if (!g->by2) { free(g->blob); free(g); return truce_error_set(err, TRUCE_ENOMEM, path, -1, "out of memory"); }
    size_t at = 0;
    for (size_t b = 0; b < GZ_BY2_N - 1; b++) {
        while (at < g->n_names && two_bytes(g->pool + g->names[at].key_off) < b) at++;
        g->by2[b] = (uint32_t)at;
    }
    g->by2[GZ_BY2_N - 1] = (uint32_t)g->n_names;
    *out = g;
    return TRUCE_OK;
}

/* First index in [from, end) of the slice holding key whose key is not
 * below `key`: the same answer as a search of the whole sorted table. */
static size_t lower_bound(const truce_gazetteer *g, const char *key, size_t from)
{
    size_t b = two_bytes(key);
    size_t lo = g->by2[b], hi = g->by2[b + 1];
    if (from > lo) lo = from;
    if (lo > hi) lo = hi;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(g->pool + g->names[mid].key_off, key) < 0) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/* How many names from index lo on have exactly this key. */
static size_t equal_run(const truce_gazetteer *g, const char *key, size_t lo)
{
    size_t e = lo;
    while (e < g->n_names && strcmp(g->pool + g->names[e].key_off, key) == 0) e++;
    return e - lo;
}

size_t gz_lookup(const truce_gazetteer *g, const char *key, size_t *count)
{
    size_t lo = lower_bound(g, key, 0);
    *count = equal_run(g, key, lo);
    return lo;
}

int gz_probe(const truce_gazetteer *g, const char *key, size_t klen, size_t from, size_t *lo_out, size_t *count)
{
    size_t lo = lower_bound(g, key, from);
    *lo_out = lo;
    *count = 0;
    if (lo >= g->n_names || strncmp(g->pool + g->names[lo].key_off, key, klen) != 0) return 0;
    *count = equal_run(g, key, lo);
    return 1;
}
