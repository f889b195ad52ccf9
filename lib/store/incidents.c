/*
 * store/incidents.c: applying the merge stage to the stored record and
 * reading incidents back with their sources side by side.
 * Rebuilds the incidents table in one transaction each time it runs, so the
 * grouping always reflects every document stored so far.
 */
#include <stdlib.h>
#include <string.h>

#include "store_impl.h"
#include "truce/merge.h"

static char *dup_col(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    if (!t)
        return NULL;
    size_t n = (size_t)sqlite3_column_bytes(st, i);
    char *p = malloc(n + 1);
    if (p) {
        memcpy(p, t, n);
        p[n] = '\0';
    }
    return p;
}

int truce_store_merge(truce_store *s, size_t *n_out, truce_error *err)
{
    *n_out = 0;
    int frc = truce_store_flush(s, err);
    if (frc)
        return frc;
    sqlite3_stmt *st;
    const char *sql =
        "SELECT e.id, e.type, e.date_start, e.date_end, lower(coalesce(e.place_name, e.place_written)),"
        " coalesce(e.geonames_id, 0), (SELECT group_concat(lower(a.name), '|') FROM event_actors a WHERE a.event_id = e.id),"
        " coalesce(src.name, d.id), d.id"
        " FROM events e JOIN documents d ON d.id = e.doc_id LEFT JOIN sources src ON src.id = d.source_id"
        " WHERE d.repost_of IS NULL ORDER BY e.type, e.date_start, e.id";
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return store_fail(s, err, "merge");
    size_t n = 0, cap = 0;
    truce_merge_item *items = NULL;
    int rc = TRUCE_OK;
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (n == cap) {
            cap = cap ? cap * 2 : 256;
            truce_merge_item *p = realloc(items, cap * sizeof *p);
            if (!p) {
                rc = truce_error_set(err, TRUCE_ENOMEM, s->path, -1, "out of memory merging");
                break;
            }
            items = p;
        }
        truce_merge_item *it = &items[n++];
        it->event_id = sqlite3_column_int64(st, 0);
        it->type = dup_col(st, 1);
        it->date_start = dup_col(st, 2);
        it->date_end = dup_col(st, 3);
        it->place = dup_col(st, 4);
        it->geonames_id = (long)sqlite3_column_int64(st, 5);
        it->actors = dup_col(st, 6);
        it->source = dup_col(st, 7);
        it->doc_id = dup_col(st, 8);
    }
    sqlite3_finalize(st);
    size_t *inc = rc ? NULL : malloc((n ? n : 1) * sizeof *inc);
    if (!rc && !inc)
        rc = truce_error_set(err, TRUCE_ENOMEM, s->path, -1, "out of memory merging");
    if (!rc) {
        size_t count = truce_merge_cluster(items, n, 1, inc);
        sqlite3_stmt *ins = NULL, *upd = NULL;
        if (sqlite3_exec(s->db, "BEGIN IMMEDIATE; UPDATE events SET incident_id = NULL; DELETE FROM incidents;", NULL, NULL, NULL) != SQLITE_OK ||
            sqlite3_prepare_v2(s->db, "INSERT INTO incidents(id, type, date_start, date_end, place_name, geonames_id) VALUES(?,?,?,?,?,?) "
                                      "ON CONFLICT(id) DO UPDATE SET date_start = min(coalesce(date_start, excluded.date_start), excluded.date_start),"
                                      " date_end = max(coalesce(date_end, excluded.date_end), excluded.date_end),"
                                      " place_name = coalesce(place_name, excluded.place_name), geonames_id = coalesce(geonames_id, excluded.geonames_id)",
                               -1, &ins, NULL) != SQLITE_OK ||
            sqlite3_prepare_v2(s->db, "UPDATE events SET incident_id = ? WHERE id = ?", -1, &upd, NULL) != SQLITE_OK) {
            rc = store_fail(s, err, "merge");
        }
        for (size_t i = 0; !rc && i < n; i++) {
            sqlite3_bind_int64(ins, 1, (sqlite3_int64)inc[i] + 1);
            sqlite3_bind_text(ins, 2, items[i].type, -1, SQLITE_STATIC);
            if (items[i].date_start) sqlite3_bind_text(ins, 3, items[i].date_start, -1, SQLITE_STATIC); else sqlite3_bind_null(ins, 3);
            if (items[i].date_end) sqlite3_bind_text(ins, 4, items[i].date_end, -1, SQLITE_STATIC); else sqlite3_bind_null(ins, 4);
            if (items[i].place) sqlite3_bind_text(ins, 5, items[i].place, -1, SQLITE_STATIC); else sqlite3_bind_null(ins, 5);
            if (items[i].geonames_id) sqlite3_bind_int64(ins, 6, items[i].geonames_id); else sqlite3_bind_null(ins, 6);
            if (sqlite3_step(ins) != SQLITE_DONE)
                rc = store_fail(s, err, "merge");
            sqlite3_reset(ins);
            sqlite3_bind_int64(upd, 1, (sqlite3_int64)inc[i] + 1);
            sqlite3_bind_int64(upd, 2, items[i].event_id);
            if (!rc && sqlite3_step(upd) != SQLITE_DONE)
                rc = store_fail(s, err, "merge");
            sqlite3_reset(upd);
        }
        sqlite3_finalize(ins);
        sqlite3_finalize(upd);
        if (!rc && sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
            rc = store_fail(s, err, "merge commit");
        if (rc)
            sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        else
            *n_out = count;
    }
    for (size_t i = 0; i < n; i++) {
        free((char *)items[i].type);
        free((char *)items[i].date_start);
        free((char *)items[i].date_end);
        free((char *)items[i].place);
        free((char *)items[i].actors);
        free((char *)items[i].source);
        free((char *)items[i].doc_id);
    }
    free(items);
    free(inc);
    return rc;
}

int truce_store_incidents(truce_store *s, truce_json_cb cb, void *ctx, truce_error *err)
{
    sqlite3_stmt *st;
    /* json_object/json_group_array are SQLite's JSON1 functions (built in since 3.38). */
    const char *sql =
        "SELECT json_object('incident', i.id, 'type', i.type, 'date', json_object('start', i.date_start, 'end', i.date_end),"
        " 'place', i.place_name, 'geonames_id', i.geonames_id, 'sources', json_group_array(json_object("
        "   'event', e.id, 'source', src.name, 'doc', coalesce(d.path, d.url, d.id), 'claimant', e.claimant,"
        "   'certainty', e.certainty, 'date', json_object('start', e.date_start, 'end', e.date_end),"
        "   'figures', (SELECT json_group_array(json_object('value', f.value, 'what', f.what, 'bound', f.bound))"
        "               FROM event_figures f WHERE f.event_id = e.id),"
        "   'evidence', CAST(substr(CASE WHEN d.text_is_raw THEN d.raw ELSE CAST(d.text AS BLOB) END, e.evidence_start + 1, e.evidence_end - e.evidence_start) AS TEXT))))"
        " FROM incidents i JOIN events e ON e.incident_id = i.id JOIN documents d ON d.id = e.doc_id"
        " LEFT JOIN sources src ON src.id = d.source_id"
        " GROUP BY i.id HAVING count(*) > 1 ORDER BY i.date_start, i.id";
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return store_fail(s, err, "incidents");
    while (sqlite3_step(st) == SQLITE_ROW)
        if (cb(ctx, (const char *)sqlite3_column_text(st, 0), (size_t)sqlite3_column_bytes(st, 0)))
            break;
    sqlite3_finalize(st);
    return TRUCE_OK;
}
