/* store/store_impl.h: what the store's files share; not public. */
#ifndef TRUCE_STORE_IMPL_H
#define TRUCE_STORE_IMPL_H

#include <stdio.h>
#include <sqlite3.h>

#include "truce/store.h"

/* Statements prepared once per open store and reused for every document:
 * preparing them per document cost as much as running them. */
enum store_stmt {
    STMT_HAS,
    STMT_SOURCE,
    STMT_REPOST,
    STMT_DOCUMENT,
    STMT_REGION,
    STMT_EVENT,
    STMT_SAVEPOINT,
    STMT_RELEASE,
    STMT_COUNT
};

struct truce_store {
    sqlite3 *db;
    char path[512];
    size_t batch;       /* documents per transaction */
    size_t pending;     /* documents written in the open transaction */
    bool in_txn;
    sqlite3_stmt *stmt[STMT_COUNT];
    /* The last source looked up, valid only once its document committed to
     * the savepoint (a rolled-back document may have created the row). */
    char *source_name;
    long long source_id;
};

int store_migrate(sqlite3 *db, truce_error *err, const char *path);
/* Migrates only up to `target` (tests build stores of an older schema with it). */
int store_migrate_to(sqlite3 *db, int target, truce_error *err, const char *path);
int store_fail(truce_store *s, truce_error *err, const char *what);

/* ---- codec.c: compact per-document blobs -------------------------------- */

int store_encode_sentences(const truce_sentence_list *l, truce_buf *out);
int store_decode_sentences(truce_arena *a, const void *blob, size_t len, size_t n,
                           truce_sentence_list *out);
int store_encode_tokens(const truce_token_list *l, truce_buf *out);

/* One mention as stored; strings are NULL when absent. json, when set, is
 * the whole value as JSON text (mentions migrated from schema 1 whose value
 * the fields cannot reproduce byte for byte). */
typedef struct store_mention {
    const char *kind;          /* "date", "number", "place", "actor" (static strings) */
    uint32_t sentence;
    truce_span span;
    const char *basis;
    const char *json;
    const char *d_start, *d_end, *precision;       /* date; precision also place */
    bool duration, future, open_end;
    const char *time;                              /* date: time of day, NULL when none */
    double value, value_max;                        /* number */
    const char *bound, *what;
    const char *name, *country, *actor_kind;        /* place, actor */
    long geonames_id;
    double lat, lon;
    char feature_class;
    bool metonym;                                   /* place: a capital standing for its government */
} store_mention;

#define STORE_MENTION_STRINGS 512
typedef struct store_mention_enc {
    truce_buf *out;
    size_t n;                  /* mentions written */
    size_t n_strings;
    bool overflow;
    const char *strings[STORE_MENTION_STRINGS];
    size_t lens[STORE_MENTION_STRINGS];
    uint32_t slots[1024];      /* open addressing: 1 + index into strings, 0 empty */
} store_mention_enc;

void store_mentions_begin(store_mention_enc *e, truce_buf *out);
void store_mention_date(store_mention_enc *e, const truce_date_mention *d);
void store_mention_number(store_mention_enc *e, const truce_number_mention *m);
void store_mention_place(store_mention_enc *e, const truce_place_mention *m);
void store_mention_actor(store_mention_enc *e, const truce_actor_mention *m);
int store_mention_add(store_mention_enc *e, const store_mention *m);
int store_mention_json(store_mention_enc *e, const char *kind, uint32_t sentence, truce_span sp,
                       const char *basis, const char *json);
int store_decode_mentions(truce_arena *a, const void *blob, size_t len, size_t n,
                          store_mention **out);
/* Appends the mention's value as the JSON object `truce show --mentions` prints. */
int store_mention_value_json(const store_mention *m, truce_buf *b);

#endif
