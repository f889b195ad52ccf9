/*
 * read/gazetteer.c: loading gazetteer.bin (one fread into one heap block,
 * checked against its header) and looking names up in its sorted table.
 * Owns the loaded block; never writes the file, never prints.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read/gazetteer_impl.h"


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
    *out = g;
    return TRUCE_OK;
}

size_t gz_lookup(const truce_gazetteer *g, const char *key, size_t *count)
{
    size_t lo = 0, hi = g->n_names;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(g->pool + g->names[mid].key_off, key) < 0) lo = mid + 1;
        else hi = mid;
    }
    size_t e = lo;
    while (e < g->n_names && strcmp(g->pool + g->names[e].key_off, key) == 0) e++;
    *count = e - lo;
    return lo;
}

int gz_has_prefix(const truce_gazetteer *g, const char *key, size_t klen)
{
    size_t lo = 0, hi = g->n_names;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(g->pool + g->names[mid].key_off, key) < 0) lo = mid + 1;
        else hi = mid;
    }
    return lo < g->n_names && strncmp(g->pool + g->names[lo].key_off, key, klen) == 0;
}
