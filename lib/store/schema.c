/*
 * store/schema.c: the schema and its migrations.
 * Migration N takes a store at version N-1 to version N inside one
 * transaction; the version lives in PRAGMA user_version. Never edit a
 * released migration: add the next one. A migration is SQL, then optionally
 * a C step (for data SQL cannot convert), then more SQL.
 */
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

#include "core/json_scan.h"
#include "store_impl.h"

typedef int (*migration_step)(sqlite3 *db, truce_error *err, const char *path);

typedef struct migration {
    const char *before;
    migration_step step;
    const char *after;
} migration;

static int migrate_to_2(sqlite3 *db, truce_error *err, const char *path);

static const migration MIGRATIONS[] = {
  {
    /* 1: the event record */
    "CREATE TABLE sources ("
    "  id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);"
    "CREATE TABLE documents ("
    "  id TEXT PRIMARY KEY,"               /* SHA-256 of raw */
    "  path TEXT, url TEXT,"
    "  source_id INTEGER REFERENCES sources(id),"
    "  published TEXT, published_basis TEXT, fetched TEXT, lang TEXT,"
    "  format TEXT NOT NULL, encoding TEXT, title TEXT, author TEXT, warnings TEXT,"
    "  ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
    "  raw BLOB NOT NULL, text TEXT NOT NULL, offset_map BLOB NOT NULL,"
    "  text_hash TEXT NOT NULL,"           /* same text from two places = a repost */
    "  repost_of TEXT REFERENCES documents(id));"
    "CREATE INDEX documents_text_hash ON documents(text_hash);"
    "CREATE TABLE sentences ("
    "  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    "  idx INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,"
    "  paragraph INTEGER NOT NULL, flags INTEGER NOT NULL,"
    "  PRIMARY KEY (doc_id, idx)) WITHOUT ROWID;"
    "CREATE TABLE tokens ("                /* varints per token: gap from previous end, length, kind */
    "  doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,"
    "  packed BLOB NOT NULL);"
    "CREATE TABLE regions ("
    "  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    "  start INTEGER NOT NULL, end INTEGER NOT NULL, reason TEXT NOT NULL);"
    "CREATE INDEX regions_doc ON regions(doc_id);"
    "CREATE TABLE mentions ("
    "  id INTEGER PRIMARY KEY,"
    "  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    "  kind TEXT NOT NULL,"                /* date, number, place, actor */
    "  sentence INTEGER, start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,"
    "  value TEXT NOT NULL,"               /* JSON of the resolved fields */
    "  basis TEXT);"
    "CREATE INDEX mentions_doc ON mentions(doc_id);"
    "CREATE TABLE incidents ("
    "  id INTEGER PRIMARY KEY, type TEXT NOT NULL, date_start TEXT, date_end TEXT,"
    "  place_name TEXT, geonames_id INTEGER);"
    "CREATE TABLE events ("
    "  id INTEGER PRIMARY KEY,"
    "  key TEXT NOT NULL UNIQUE,"          /* stable across re-runs: corrections attach here */
    "  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    "  sentence INTEGER NOT NULL, evidence_start INTEGER NOT NULL, evidence_end INTEGER NOT NULL,"
    "  type TEXT NOT NULL, type_rule TEXT, trigger_start INTEGER, trigger_end INTEGER,"
    "  date_start TEXT, date_end TEXT, date_precision TEXT, date_basis TEXT,"
    "  date_span_start INTEGER, date_span_end INTEGER,"
    "  place_written TEXT, place_name TEXT, geonames_id INTEGER, lat REAL, lon REAL,"
    "  country TEXT, place_precision TEXT, place_rule TEXT,"
    "  place_span_start INTEGER, place_span_end INTEGER,"
    "  claimant TEXT, claimant_rule TEXT, claimant_span_start INTEGER, claimant_span_end INTEGER,"
    "  certainty TEXT NOT NULL, certainty_rule TEXT,"
    "  incident_id INTEGER REFERENCES incidents(id));"
    "CREATE INDEX events_doc ON events(doc_id);"
    "CREATE INDEX events_type ON events(type);"
    "CREATE TABLE event_actors ("
    "  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,"
    "  ord INTEGER NOT NULL, name TEXT NOT NULL, role TEXT NOT NULL, kind TEXT, country TEXT,"
    "  start INTEGER, end INTEGER, rule TEXT);"
    "CREATE INDEX event_actors_event ON event_actors(event_id);"
    "CREATE TABLE event_figures ("
    "  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,"
    "  ord INTEGER NOT NULL, value REAL NOT NULL, value_max REAL, what TEXT, bound TEXT NOT NULL,"
    "  start INTEGER, end INTEGER, rule TEXT);"
    "CREATE INDEX event_figures_event ON event_figures(event_id);"
    "CREATE TABLE corrections ("
    "  id INTEGER PRIMARY KEY, event_key TEXT NOT NULL, field TEXT NOT NULL, value TEXT,"
    "  analyst TEXT, note TEXT,"
    "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));"
    "CREATE INDEX corrections_key ON corrections(event_key);",
    NULL, NULL},
    /* 2: a document's sentences, tokens and mentions as compact blobs in its
     * own row (store/codec.c), its counts beside them, and its text left out
     * when it equals the original bytes. The per-item tables and two indexes
     * no query used go; event actors and figures are keyed by (event, ord). */
  { "ALTER TABLE documents ADD COLUMN text_is_raw INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE documents ADD COLUMN n_sentences INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE documents ADD COLUMN n_mentions INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE documents ADD COLUMN n_events INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE documents ADD COLUMN sentences_packed BLOB;"
    "ALTER TABLE documents ADD COLUMN tokens_packed BLOB;"
    "ALTER TABLE documents ADD COLUMN mentions_packed BLOB;"
    "UPDATE documents SET"
    "  tokens_packed = coalesce((SELECT packed FROM tokens t WHERE t.doc_id = documents.id), x''),"
    "  n_events = (SELECT count(*) FROM events e WHERE e.doc_id = documents.id),"
    "  sentences_packed = x'', mentions_packed = x'';"
    "UPDATE documents SET text_is_raw = 1, text = '' WHERE CAST(text AS BLOB) = raw;"
    /* actors and figures keyed by (event, ord): one b-tree instead of a table and an index */
    "CREATE TABLE event_actors2 ("
    "  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,"
    "  ord INTEGER NOT NULL, name TEXT NOT NULL, role TEXT NOT NULL, kind TEXT, country TEXT,"
    "  start INTEGER, end INTEGER, rule TEXT, PRIMARY KEY (event_id, ord)) WITHOUT ROWID;"
    "INSERT INTO event_actors2 SELECT event_id, ord, name, role, kind, country, start, end, rule"
    "  FROM event_actors ORDER BY event_id, ord;"
    "DROP TABLE event_actors; ALTER TABLE event_actors2 RENAME TO event_actors;"
    "CREATE TABLE event_figures2 ("
    "  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,"
    "  ord INTEGER NOT NULL, value REAL NOT NULL, value_max REAL, what TEXT, bound TEXT NOT NULL,"
    "  start INTEGER, end INTEGER, rule TEXT, PRIMARY KEY (event_id, ord)) WITHOUT ROWID;"
    "INSERT INTO event_figures2 SELECT event_id, ord, value, value_max, what, bound, start, end, rule"
    "  FROM event_figures ORDER BY event_id, ord;"
    "DROP TABLE event_figures; ALTER TABLE event_figures2 RENAME TO event_figures;",
    migrate_to_2,
    "DROP TABLE mentions; DROP TABLE sentences; DROP TABLE tokens;"
    "DROP INDEX events_doc; DROP INDEX events_type;" },
    /* 3: an event's actors and figures as JSON in its own row, one insert per
     * event instead of one per item (they were two thirds of all rows
     * written): an array of arrays, each item's values in the order of the
     * views' columns. Views of the old tables' names give them back as rows. */
  { "ALTER TABLE events ADD COLUMN actors TEXT NOT NULL DEFAULT '[]';"
    "ALTER TABLE events ADD COLUMN figures TEXT NOT NULL DEFAULT '[]';"
    "UPDATE events SET actors = (SELECT json_group_array(json_array(name, role, kind, country, start, end, rule))"
    "  FROM (SELECT * FROM event_actors a WHERE a.event_id = events.id ORDER BY a.ord))"
    " WHERE id IN (SELECT event_id FROM event_actors);"
    "UPDATE events SET figures = (SELECT json_group_array(json_array(value, value_max, what, bound, start, end, rule))"
    "  FROM (SELECT * FROM event_figures f WHERE f.event_id = events.id ORDER BY f.ord))"
    " WHERE id IN (SELECT event_id FROM event_figures);"
    "DROP TABLE event_actors; DROP TABLE event_figures;"
    "CREATE VIEW event_actors AS SELECT e.id AS event_id, j.key AS ord,"
    "  j.value ->> 0 AS name, j.value ->> 1 AS role, j.value ->> 2 AS kind, j.value ->> 3 AS country,"
    "  j.value ->> 4 AS start, j.value ->> 5 AS end, j.value ->> 6 AS rule"
    "  FROM events e, json_each(e.actors) j;"
    "CREATE VIEW event_figures AS SELECT e.id AS event_id, j.key AS ord,"
    "  CAST(j.value ->> 0 AS REAL) AS value, CAST(j.value ->> 1 AS REAL) AS value_max,"
    "  j.value ->> 2 AS what, j.value ->> 3 AS bound, j.value ->> 4 AS start, j.value ->> 5 AS end,"
    "  j.value ->> 6 AS rule"
    "  FROM events e, json_each(e.figures) j;",
    NULL, NULL },
};


/* Sentences of every document, from rows to blobs. */

/* Migration 2 writes one document's packed column: its count, its blob. */
static int put_packed(sqlite3 *db, sqlite3_stmt *upd, size_t n, const truce_buf *b, const char *doc,
                      const char *path, truce_error *err)
{
    sqlite3_bind_int64(upd, 1, (sqlite3_int64)n);
    sqlite3_bind_blob64(upd, 2, b->data ? b->data : "", b->len, SQLITE_STATIC);
    sqlite3_bind_text(upd, 3, doc, -1, SQLITE_STATIC);
    int rc = TRUCE_OK;
    if (sqlite3_step(upd) != SQLITE_DONE)
        rc = truce_error_set(err, TRUCE_ESTORE, path, -1, "migration 2: %s", sqlite3_errmsg(db));
    sqlite3_reset(upd);
    return rc;
}

static int pack_sentences(sqlite3 *db, sqlite3_stmt *upd, truce_error *err, const char *path)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "SELECT doc_id, start, end, paragraph, flags FROM sentences ORDER BY doc_id, idx",
                           -1, &st, NULL) != SQLITE_OK)
        return truce_error_set(err, TRUCE_ESTORE, path, -1, "migration 2: %s", sqlite3_errmsg(db));
    truce_sentence *items = NULL;
    size_t n = 0, cap = 0;
    char doc[65] = "";
    truce_buf b;
    truce_buf_init(&b);
    int rc = TRUCE_OK;
    for (;;) {
        int step = sqlite3_step(st);
        const char *id = step == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
        if (doc[0] && (!id || strcmp(id, doc))) {
            truce_sentence_list l = { items, n };
            truce_buf_reset(&b);
            if (store_encode_sentences(&l, &b)) {
                rc = truce_error_set(err, TRUCE_ENOMEM, path, -1, "out of memory");
                break;
            }
            if ((rc = put_packed(db, upd, n, &b, doc, path, err)) != TRUCE_OK)
                break;
            n = 0;
            doc[0] = 0;
        }
        if (step != SQLITE_ROW) {
            if (step != SQLITE_DONE)
                rc = truce_error_set(err, TRUCE_ESTORE, path, -1, "migration 2: %s", sqlite3_errmsg(db));
            break;
        }
        if (!doc[0])
            snprintf(doc, sizeof doc, "%s", id ? id : "");
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            truce_sentence *p = realloc(items, cap * sizeof *p);
            if (!p) {
                rc = truce_error_set(err, TRUCE_ENOMEM, path, -1, "out of memory");
                break;
            }
            items = p;
        }
        truce_sentence *x = &items[n++];
        x->span.start = (size_t)sqlite3_column_int64(st, 1);
        x->span.end = (size_t)sqlite3_column_int64(st, 2);
        x->paragraph = (uint32_t)sqlite3_column_int64(st, 3);
        x->flags = (uint32_t)sqlite3_column_int64(st, 4);
    }
    free(items);
    truce_buf_free(&b);
    sqlite3_finalize(st);
    return rc;
}

/* One schema-1 mention row to its fields; json stays set (stored verbatim)
 * unless the fields give back the very same JSON text. */
static bool mention_from_row(truce_arena *a, sqlite3_stmt *st, store_mention *m, truce_buf *tmp)
{
    static const char *const KINDS[] = { "date", "number", "place", "actor" };
    const char *kind = (const char *)sqlite3_column_text(st, 1);
    memset(m, 0, sizeof *m);
    m->kind = "date";
    for (int k = 0; k < 4; k++)
        if (kind && !strcmp(kind, KINDS[k]))
            m->kind = KINDS[k];
    m->sentence = (uint32_t)sqlite3_column_int64(st, 2);
    m->span.start = (size_t)sqlite3_column_int64(st, 3);
    m->span.end = (size_t)sqlite3_column_int64(st, 4);
    const unsigned char *basis = sqlite3_column_text(st, 5);
    m->basis = basis ? truce_arena_strdup(a, (const char *)basis) : NULL;
    const char *value = (const char *)sqlite3_column_text(st, 6);
    m->json = truce_arena_strdup(a, value ? value : "{}");
    if (!m->json || (basis && !m->basis))
        return false;
    json_field *f;
    size_t nf;
    if (!kind || strcmp(kind, m->kind) ||
        json_scan_object(a, m->json, strlen(m->json), &f, &nf, NULL, NULL) != TRUCE_OK)
        return true;
    const char *j = m->json;
    m->json = NULL;
#define F(key) json_get(f, nf, key)
#define T(key) (F(key) && !strcmp(F(key), "true"))
    m->d_start = F("start");
    m->d_end = F("end");
    m->precision = F("precision");
    m->duration = T("duration");
    m->future = T("future");
    m->open_end = T("open_end");
    m->time = F("time");
    m->value = F("value") ? strtod(F("value"), NULL) : 0;
    m->value_max = F("value_max") ? strtod(F("value_max"), NULL) : 0;
    m->bound = F("bound");
    m->what = F("what");
    m->name = F("name");
    m->geonames_id = F("geonames_id") ? strtol(F("geonames_id"), NULL, 10) : 0;
    m->lat = F("lat") ? strtod(F("lat"), NULL) : 0;
    m->lon = F("lon") ? strtod(F("lon"), NULL) : 0;
    m->country = F("country");
    m->feature_class = F("feature_class") ? F("feature_class")[0] : 0;
    m->actor_kind = F("actor_kind");
#undef F
#undef T
    truce_buf_reset(tmp);
    if (store_mention_value_json(m, tmp) != TRUCE_OK || tmp->len != strlen(j) || memcmp(tmp->data, j, tmp->len))
        m->json = j;
    return true;
}

/* Mentions of every document, from rows with JSON values to blobs. */
static int pack_mentions(sqlite3 *db, sqlite3_stmt *upd, truce_error *err, const char *path)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "SELECT doc_id, kind, sentence, start, end, basis, value FROM mentions ORDER BY doc_id, id",
                           -1, &st, NULL) != SQLITE_OK)
        return truce_error_set(err, TRUCE_ESTORE, path, -1, "migration 2: %s", sqlite3_errmsg(db));
    store_mention_enc *enc = malloc(sizeof *enc);
    truce_arena *a = truce_arena_new(0);
    truce_buf b, tmp;
    truce_buf_init(&b);
    truce_buf_init(&tmp);
    char doc[65] = "";
    int rc = enc && a ? TRUCE_OK : truce_error_set(err, TRUCE_ENOMEM, path, -1, "out of memory");
    while (rc == TRUCE_OK) {
        int step = sqlite3_step(st);
        const char *id = step == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
        if (doc[0] && (!id || strcmp(id, doc))) {
            if (b.failed) {
                rc = truce_error_set(err, TRUCE_ENOMEM, path, -1, "out of memory");
                break;
            }
            if ((rc = put_packed(db, upd, enc->n, &b, doc, path, err)) != TRUCE_OK)
                break;
            doc[0] = 0;
        }
        if (step != SQLITE_ROW) {
            if (step != SQLITE_DONE)
                rc = truce_error_set(err, TRUCE_ESTORE, path, -1, "migration 2: %s", sqlite3_errmsg(db));
            break;
        }
        if (!doc[0]) {
            snprintf(doc, sizeof doc, "%s", id ? id : "");
            truce_arena_reset(a);
            truce_buf_reset(&b);
            store_mentions_begin(enc, &b);
        }
        store_mention m;
        if (!mention_from_row(a, st, &m, &tmp) || store_mention_add(enc, &m) != TRUCE_OK)
            rc = truce_error_set(err, TRUCE_ENOMEM, path, -1, "out of memory");
    }
    truce_buf_free(&b);
    truce_buf_free(&tmp);
    truce_arena_free(a);
    free(enc);
    sqlite3_finalize(st);
    return rc;
}

static int migrate_to_2(sqlite3 *db, truce_error *err, const char *path)
{
    sqlite3_stmt *us, *um;
    if (sqlite3_prepare_v2(db, "UPDATE documents SET n_sentences = ?, sentences_packed = ? WHERE id = ?", -1, &us, NULL) != SQLITE_OK)
        return truce_error_set(err, TRUCE_ESTORE, path, -1, "migration 2: %s", sqlite3_errmsg(db));
    if (sqlite3_prepare_v2(db, "UPDATE documents SET n_mentions = ?, mentions_packed = ? WHERE id = ?", -1, &um, NULL) != SQLITE_OK) {
        sqlite3_finalize(us);
        return truce_error_set(err, TRUCE_ESTORE, path, -1, "migration 2: %s", sqlite3_errmsg(db));
    }
    int rc = pack_sentences(db, us, err, path);
    if (rc == TRUCE_OK)
        rc = pack_mentions(db, um, err, path);
    sqlite3_finalize(us);
    sqlite3_finalize(um);
    return rc;
}

int store_migrate(sqlite3 *db, truce_error *err, const char *path)
{
    return store_migrate_to(db, (int)(sizeof MIGRATIONS / sizeof *MIGRATIONS), err, path);
}

int store_migrate_to(sqlite3 *db, int target, truce_error *err, const char *path)
{
    sqlite3_stmt *st;
    int version = 0;
    if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
        return truce_error_set(err, TRUCE_ESTORE, path, -1, "cannot read schema version: %s",
                               sqlite3_errmsg(db));
    if (sqlite3_step(st) == SQLITE_ROW)
        version = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    int latest = (int)(sizeof MIGRATIONS / sizeof *MIGRATIONS);
    if (target > latest)
        target = latest;
    if (version > latest)
        return truce_error_set(err, TRUCE_ESTORE, path, -1,
                               "store has schema version %d, newer than this truce (%d)", version,
                               latest);
    for (int v = version; v < target; v++) {
        const migration *m = &MIGRATIONS[v];
        char *msg = NULL;
        char pragma[64];
        snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d;", v + 1);
        truce_error step_err;
        truce_error_clear(&step_err);
        if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, &msg) != SQLITE_OK ||
            sqlite3_exec(db, m->before, NULL, NULL, &msg) != SQLITE_OK ||
            (m->step && m->step(db, &step_err, path) != TRUCE_OK) ||
            (m->after && sqlite3_exec(db, m->after, NULL, NULL, &msg) != SQLITE_OK) ||
            sqlite3_exec(db, pragma, NULL, NULL, &msg) != SQLITE_OK ||
            sqlite3_exec(db, "COMMIT", NULL, NULL, &msg) != SQLITE_OK) {
            truce_error_set(err, TRUCE_ESTORE, path, -1, "migration to version %d failed: %s",
                            v + 1, msg ? msg : step_err.msg[0] ? step_err.msg : sqlite3_errmsg(db));
            sqlite3_free(msg);
            sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
            return TRUCE_ESTORE;
        }
    }
    return TRUCE_OK;
}
