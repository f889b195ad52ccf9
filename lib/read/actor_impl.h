/*
 * read/actor_impl.h: the actor dictionary as loaded from data/actors/ (one .tsv per list).
 * Private to lib/read/actor*.c. The dictionary is read-only once opened, so
 * many documents may share it.
 */
#ifndef TRUCE_READ_ACTOR_IMPL_H
#define TRUCE_READ_ACTOR_IMPL_H

#include "truce/read.h"

enum actor_entry_class {
    ACTOR_ENTRY_NAME = 0,  /* names an actor on its own */
    ACTOR_ENTRY_ADJ,       /* demonym: a state alone, or qualifies a group noun */
    ACTOR_ENTRY_NOUN,      /* group noun that only counts after a demonym */
    ACTOR_ENTRY_TITLE,     /* introduces an official's name */
    ACTOR_ENTRY_SUFFIX,    /* surname ending */
};

typedef struct actor_entry {
    char *pattern;
    size_t plen;
    char *name;
    truce_actor_kind kind;
    char country[3];
    int cls;               /* actor_entry_class */
    bool capital;          /* pattern starts upper-case: the text must too */
    char *rule;            /* "file.tsv:line" */
} actor_entry;

#define ACTOR_N_CLASSES 5

struct truce_actor_dict {
    truce_arena *arena;
    actor_entry *items;
    size_t n, cap;
    /* Index by class and lower-cased first byte: the entries that can start
     * at a position are bucket[cls][c] .. bucket[cls][c+1] in `order`, so a
     * lookup tries a handful of patterns instead of the whole dictionary. */
    uint32_t *order;
    uint32_t bucket[ACTOR_N_CLASSES][257];
    /* Inside a bucket, entries are ordered (stably) by their lower-cased
     * second byte, 0 for one-byte patterns; second[o] is that byte for
     * order[o], so a lookup narrows a bucket by binary search. */
    unsigned char *second;
    /* pairs[cls][first][second / 8] bit second % 8: some entry of class cls
     * has that (lower-cased) first and second byte, so a lookup that cannot
     * match is answered without searching its bucket. */
    unsigned char pairs[ACTOR_N_CLASSES][256][32];
    /* The same narrowing without a search: for a non-empty bucket,
     * from[row[cls][c] * 257 + k] is the first index of the bucket whose
     * second byte is not below k (k = 256: the bucket's end). */
    uint32_t row[ACTOR_N_CLASSES][256];
    uint32_t *from;
    /* uncased[cls][c]: some entry of the bucket may match text that does not
     * start with a capital (its pattern does not either); when none may, a
     * lower-case word is answered at once. */
    unsigned char uncased[ACTOR_N_CLASSES][256];
};

/* The lower-cased second byte of an entry's pattern (0 if it has one byte). */
unsigned actor_second_key(const actor_entry *e);
/* Builds the index once all entries are loaded. */
int actor_dict_index(truce_actor_dict *d);

#endif
