/*
 * store/schema.c: the schema and its migrations.
 * Migration N takes a store at version N-1 to version N inside one
 * transaction; the version lives in PRAGMA user_version. Never edit a
 * released migration: add the next one.
 */
#include <sqlite3.h>

#include "store_impl.h"

static const char *const MIGRATIONS[] = {
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
};

int store_migrate(sqlite3 *db, truce_error *err, const char *path)
{
    sqlite3_stmt *st;
    int version = 0;
    if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
        return truce_error_set(err, TRUCE_ESTORE, path, -1, "cannot read schema version: %s",
                               sqlite3_errmsg(db));
    if (sqlite3_step(st) == SQLITE_ROW)
        version = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    int target = (int)(sizeof MIGRATIONS / sizeof *MIGRATIONS);
    if (version > target)
        return truce_error_set(err, TRUCE_ESTORE, path, -1,
                               "store has schema version %d, newer than this truce (%d)", version,
                               target);
    for (int v = version; v < target; v++) {
        char *msg = NULL;
        char pragma[64];
        snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d;", v + 1);
        if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, &msg) != SQLITE_OK ||
            sqlite3_exec(db, MIGRATIONS[v], NULL, NULL, &msg) != SQLITE_OK ||
            sqlite3_exec(db, pragma, NULL, NULL, &msg) != SQLITE_OK ||
            sqlite3_exec(db, "COMMIT", NULL, NULL, &msg) != SQLITE_OK) {
            truce_error_set(err, TRUCE_ESTORE, path, -1, "migration to version %d failed: %s",
                            v + 1, msg ? msg : sqlite3_errmsg(db));
            sqlite3_free(msg);
            sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
            return TRUCE_ESTORE;
        }
    }
    return TRUCE_OK;
}
