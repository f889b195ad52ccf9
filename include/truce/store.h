/*
 * truce/store.h: the store stage. The event record in one SQLite file.
 *
 * Tables (docs/ARCHITECTURE.md has the full model; PRAGMA user_version is
 * the schema version): sources, documents (original bytes, normalized text
 * when it differs from them, offset map, and the document's sentences, tokens
 * and mentions — dates, numbers, places, actors with their basis — as compact
 * blobs), regions (skipped furniture), events with actors, figures and
 * per-field provenance spans, incidents (merged events) and corrections
 * (analysts' edits keyed by a stable event key, so they survive re-runs).
 * Every write of one document is one transaction: a killed process leaves
 * each document either complete or absent.
 */
#ifndef TRUCE_STORE_H
#define TRUCE_STORE_H

#include "truce/common.h"
#include "truce/ingest.h"
#include "truce/read.h"
#include "truce/clean.h"
#include "truce/extract.h"

#ifdef __cplusplus
extern "C" {
#endif

#define TRUCE_SCHEMA_VERSION 3

typedef struct truce_store truce_store;

/* Opens or creates the store, migrating older schemas forward. */
int truce_store_open(const char *path, truce_store **out, truce_error *err);
void truce_store_close(truce_store *s);
int truce_store_schema_version(truce_store *s);

/* Everything truce knows about one document, written in one transaction.
 * Returns TRUCE_EDUPLICATE (nothing written) when the id is already stored. */
typedef struct truce_doc_record {
    const truce_document *doc;
    const truce_region_list *skipped;
    const truce_reading *reading;
    const truce_event_list *events;
} truce_doc_record;

int truce_store_put(truce_store *s, const truce_doc_record *rec, truce_error *err);

/* Documents are committed in batches (default 64 per transaction, each
 * document in its own savepoint): a killed process loses at most the batch in
 * flight, and every committed document is complete. flush commits now;
 * close flushes. A batch of 1 commits every document on its own. */
void truce_store_set_batch(truce_store *s, size_t documents);
int truce_store_flush(truce_store *s, truce_error *err);
bool truce_store_has(truce_store *s, const char *doc_id);

/* Document listing, for `truce docs`. */
typedef struct truce_doc_summary {
    char id[65];
    const char *path;
    const char *url;
    const char *source;
    const char *published;
    const char *published_basis; /* "metadata", or how the date was inferred; NULL when none */
    const char *format;
    const char *title;
    size_t bytes;
    size_t sentences;
    size_t regions;
    size_t mentions;
    size_t events;
} truce_doc_summary;

typedef int (*truce_doc_cb)(void *ctx, const truce_doc_summary *d);
int truce_store_list_docs(truce_store *s, truce_doc_cb cb, void *ctx, truce_error *err);

/* Loads one document by id, id prefix (at least 6 hex digits) or path/URL. */
typedef struct truce_stored_doc {
    truce_document doc;
    truce_sentence_list sentences;
    truce_region_list skipped;
} truce_stored_doc;

int truce_store_get_doc(truce_store *s, truce_arena *a, const char *key, truce_stored_doc *out,
                        truce_error *err);

/* Events with their document context, for export, `truce events` and `truce why`. */
typedef struct truce_stored_event {
    long long id;
    char key[96];             /* stable: doc id prefix, sentence start, type, ordinal */
    const char *doc_id;
    const char *doc_path;
    const char *doc_url;
    const char *source;
    const char *published;
    const char *evidence_text;
    truce_span evidence_raw;  /* the evidence in the original bytes */
    truce_event ev;
    bool corrected;           /* an analyst's correction was applied */
} truce_stored_event;

typedef struct truce_event_filter {
    const char *type_prefix;  /* "conflict." or "conflict.shelling" */
    const char *date_from;    /* YYYY-MM-DD: events whose range ends on/after */
    const char *date_to;      /* events whose range starts on/before */
    const char *place;        /* name (resolved or written) contains, case-insensitive */
    bool has_bbox;
    double bbox[4];           /* min_lon, min_lat, max_lon, max_lat */
    const char *actor;        /* any actor name contains */
    const char *claimant;     /* claimant contains */
    const char *doc;          /* document id prefix */
    long long event_id;       /* > 0: only this event */
} truce_event_filter;

typedef int (*truce_event_cb)(void *ctx, const truce_stored_event *e);
int truce_store_query_events(truce_store *s, const truce_event_filter *f, truce_event_cb cb,
                             void *ctx, truce_error *err);

/* Analysts' corrections: field is "type", "date", "place", "claimant",
 * "certainty" or "deleted"; they are applied to matching events on every read. */
int truce_store_correct(truce_store *s, const char *event_key, const char *field,
                        const char *value, const char *analyst, truce_error *err);

/* Mentions of one document (for `truce show --mentions`). */
typedef struct truce_stored_mention {
    const char *kind;
    truce_span span;
    const char *text;
    const char *value_json;
    const char *basis;
} truce_stored_mention;
typedef int (*truce_mention_cb)(void *ctx, const truce_stored_mention *m);
int truce_store_doc_mentions(truce_store *s, const char *doc_id, truce_mention_cb cb, void *ctx,
                             truce_error *err);

/* ---- incidents (merge stage) -------------------------------------------- */

/* Regroups all stored events into incidents (truce/merge.h): events of
 * reposts are left out, as they add no source. Writes the count to *n. */
int truce_store_merge(truce_store *s, size_t *n, truce_error *err);

/* One JSON object per incident with two or more events: type, dates, place,
 * sources (outlet, document, event id, claimant, figures), side by side. */
typedef int (*truce_json_cb)(void *ctx, const char *json, size_t len);
int truce_store_incidents(truce_store *s, truce_json_cb cb, void *ctx, truce_error *err);

/* ---- exports ------------------------------------------------------------ */

/* One exported line/row/feature per event, appended to out. */
int truce_export_jsonl(const truce_stored_event *e, truce_buf *out);
int truce_export_csv_header(truce_buf *out);
int truce_export_csv(const truce_stored_event *e, truce_buf *out);
int truce_export_geojson_feature(const truce_stored_event *e, bool first, truce_buf *out);

#ifdef __cplusplus
}
#endif
#endif
