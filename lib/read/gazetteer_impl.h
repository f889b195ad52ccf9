/*
 * read/gazetteer_impl.h: the loaded gazetteer and the place reader's inner
 * types, private to lib/read/place*.c and gazetteer.c.
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
    /* by2[b0 << 8 | b1]: first name whose key's first two bytes are >= (b0, b1)
     * (b1 = 0 for one-byte keys); 65,537 entries, built at load, so a lookup
     * searches one small slice instead of the whole table */
    uint32_t *by2;
};
#define GZ_BY2_N 65537

/* Loads one gazetteer.bin (see place_impl.h for the layout). */
int gz_load(const char *path, truce_gazetteer **out, truce_error *err);
/* First index in g->names whose key equals `key`; *count of them (0: none). */
size_t gz_lookup(const truce_gazetteer *g, const char *key, size_t *count);
/* Searching g->names[from..]: returns whether some key starts
 * with key[0..klen); *lo is the first index not below key (a longer key that
 * extends this one may start its search there), *count the exact matches. */
int gz_probe(const truce_gazetteer *g, const char *key, size_t klen, size_t from, size_t *lo, size_t *count);

#define PM_NONE ((size_t)-1)

/* One name found in the text, with its candidates g->names[first..first+count). */
typedef struct pmatch {
    size_t t0, t1;          /* tokens [t0, t1] */
    size_t first, count;    /* candidates in g->names */
    const uint32_t *recs;   /* when set, the candidates are these records instead
                             * (a division named with a designator), count of them */
    const char *key;        /* normalized name as written (arena) */
    size_t comma_next;      /* "X, Y": the match Y written right after ", ", or PM_NONE */
    size_t comma_prev;      /* the match X this one follows in "X, Y", or PM_NONE */
    uint8_t want_prec;      /* the text names a division: "Donetsk region" (region),
                             * "Lachin district" (district); 0 when it does not */
    bool metonym;           /* written as a government acts: "Baku said", "Moscow,
                             * Baku and Yerevan signed", "accused Moscow" */
} pmatch;

/* What the resolver decided for one match. */
typedef struct presolved {
    const gz_rec *rec;      /* NULL: dropped (a lone hamlet name with no support) */
    const char *basis;
} presolved;

/* Country codes the document names only through demonyms ("Armenian"). */
typedef struct pdemonyms {
    char (*cc)[2];
    size_t n;
} pdemonyms;

/* Chooses one candidate per match from what the whole document says
 * (place_resolve.c). out has nm entries. Allocates only in the arena. */
int place_resolve(truce_arena *a, const truce_gazetteer *g, const pmatch *m, size_t nm,
                  const pdemonyms *dem, presolved *out);

#endif
