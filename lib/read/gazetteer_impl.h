/*
 * read/gazetteer_impl.h: the loaded gazetteer, private to the place reader.
 */
#ifndef TRUCE_GAZETTEER_IMPL_H
#define TRUCE_GAZETTEER_IMPL_H

#include "truce/read.h"
#include "read/place_impl.h"

struct truce_gazetteer {
    char *blob;
    size_t n_rec, n_names, str_size;
    const gz_rec *recs;
    const gz_name *names;
    const char *pool;
};

/* Loads one gazetteer.bin (see place_impl.h for the layout). */
int gz_load(const char *path, truce_gazetteer **out, truce_error *err);
/* First index in g->names whose key equals `key`; *count of them (0: none). */
size_t gz_lookup(const truce_gazetteer *g, const char *key, size_t *count);
/* Whether some key starts with key[0..klen) (klen = strlen(key)). */
int gz_has_prefix(const truce_gazetteer *g, const char *key, size_t klen);

#endif
