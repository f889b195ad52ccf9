/*
 * store/read_docs.c: reading documents back: listing, one document with its
 * sentences and skipped regions, and its mentions. Results live in the
 * caller's arena (get) or are handed to a callback row by row (list).
 */
#include <string.h>

#include "store_impl.h"

static const char *col_text(truce_arena *a, sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? truce_arena_strndup(a, (const char *)t, (size_t)sqlite3_column_bytes(st, i)) : NULL;
}

int truce_store_list_docs(truce_store *s, truce_doc_cb cb, void *ctx, truce_error *err)
{
    sqlite3_stmt *st;
    const char *sql =
        "SELECT d.id, d.path, d.url, src.name, d.published, d.format, d.title, length(d.raw),"
        " (SELECT count(*) FROM sentences x WHERE x.doc_id=d.id),"
        " (SELECT count(*) FROM regions x WHERE x.doc_id=d.id),"
        " (SELECT count(*) FROM mentions x WHERE x.doc_id=d.id),"
        " (SELECT count(*) FROM events x WHERE x.doc_id=d.id)"
        " FROM documents d LEFT JOIN sources src ON src.id=d.source_id ORDER BY d.rowid";
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return store_fail(s, err, "list documents");
    int rc = TRUCE_OK;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        truce_doc_summary d;
        memset(&d, 0, sizeof d);
        snprintf(d.id, sizeof d.id, "%s", (const char *)sqlite3_column_text(st, 0));
        d.path = (const char *)sqlite3_column_text(st, 1);
        d.url = (const char *)sqlite3_column_text(st, 2);
        d.source = (const char *)sqlite3_column_text(st, 3);
        d.published = (const char *)sqlite3_column_text(st, 4);
        d.format = (const char *)sqlite3_column_text(st, 5);
        d.title = (const char *)sqlite3_column_text(st, 6);
        d.bytes = (size_t)sqlite3_column_int64(st, 7);
        d.sentences = (size_t)sqlite3_column_int64(st, 8);
        d.regions = (size_t)sqlite3_column_int64(st, 9);
        d.mentions = (size_t)sqlite3_column_int64(st, 10);
        d.events = (size_t)sqlite3_column_int64(st, 11);
        if (cb(ctx, &d))
            break;
    }
    rc = (rc == SQLITE_DONE || rc == SQLITE_ROW) ? TRUCE_OK : store_fail(s, err, "list documents");
    sqlite3_finalize(st);
    return rc;
}

int truce_store_get_doc(truce_store *s, truce_arena *a, const char *key, truce_stored_doc *out,
                        truce_error *err)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *st;
    const char *sql =
        "SELECT d.id, d.path, d.url, src.name, d.published, d.lang, d.format, d.encoding, d.title,"
        " d.author, d.published_basis, d.warnings, d.raw, d.text, d.offset_map FROM documents d"
        " LEFT JOIN sources src ON src.id=d.source_id"
        " WHERE d.id = ?1 OR (length(?1) >= 6 AND d.id LIKE ?1 || '%') OR d.path = ?1 OR d.url = ?1"
        "  OR d.path LIKE '%/' || ?1 || '%' ORDER BY d.rowid LIMIT 1";
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return store_fail(s, err, "get document");
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        sqlite3_finalize(st);
        return truce_error_set(err, TRUCE_ENOTFOUND, key, -1, "no stored document matches \"%s\"", key);
    }
    truce_document *d = &out->doc;
    snprintf(d->id, sizeof d->id, "%s", (const char *)sqlite3_column_text(st, 0));
    d->meta.path = col_text(a, st, 1);
    d->meta.url = col_text(a, st, 2);
    d->meta.source = col_text(a, st, 3);
    d->meta.published = col_text(a, st, 4);
    d->meta.lang = col_text(a, st, 5);
    const char *fmt = (const char *)sqlite3_column_text(st, 6);
    d->format = fmt && strcmp(fmt, "html") == 0 ? TRUCE_FORMAT_HTML : TRUCE_FORMAT_TEXT;
    d->encoding = col_text(a, st, 7);
    d->title = col_text(a, st, 8);
    d->author = col_text(a, st, 9);
    d->published_basis = col_text(a, st, 10);
    d->warnings = col_text(a, st, 11);
    d->raw_len = (size_t)sqlite3_column_bytes(st, 12);
    unsigned char *raw = truce_arena_alloc(a, d->raw_len + 1);
    d->text_len = (size_t)sqlite3_column_bytes(st, 13);
    char *text = truce_arena_strndup(a, (const char *)sqlite3_column_text(st, 13), d->text_len);
    if (!raw || !text) {
        sqlite3_finalize(st);
        return truce_error_set(err, TRUCE_ENOMEM, key, -1, "out of memory");
    }
    if (d->raw_len)
        memcpy(raw, sqlite3_column_blob(st, 12), d->raw_len);
    d->raw = raw;
    d->text = text;
    rc = truce_offset_map_decode(a, sqlite3_column_blob(st, 14), (size_t)sqlite3_column_bytes(st, 14),
                                 d->raw_len, &d->map);
    sqlite3_finalize(st);
    if (rc)
        return truce_error_set(err, rc, key, -1, "stored offset map is damaged");

    if (sqlite3_prepare_v2(s->db, "SELECT start,end,paragraph,flags FROM sentences WHERE doc_id=? ORDER BY idx", -1, &st, NULL) != SQLITE_OK)
        return store_fail(s, err, "sentences");
    sqlite3_bind_text(st, 1, d->id, -1, SQLITE_STATIC);
    size_t cap = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (out->sentences.n == cap) {
            cap = cap ? cap * 2 : 64;
            truce_sentence *p = truce_arena_grow(a, out->sentences.items, out->sentences.n, cap, sizeof *p);
            if (!p) {
                sqlite3_finalize(st);
                return truce_error_set(err, TRUCE_ENOMEM, key, -1, "out of memory");
            }
            out->sentences.items = p;
        }
        truce_sentence *x = &out->sentences.items[out->sentences.n++];
        x->span.start = (size_t)sqlite3_column_int64(st, 0);
        x->span.end = (size_t)sqlite3_column_int64(st, 1);
        x->paragraph = (uint32_t)sqlite3_column_int64(st, 2);
        x->flags = (uint32_t)sqlite3_column_int64(st, 3);
    }
    sqlite3_finalize(st);
    if (sqlite3_prepare_v2(s->db, "SELECT start,end,reason FROM regions WHERE doc_id=? ORDER BY start", -1, &st, NULL) != SQLITE_OK)
        return store_fail(s, err, "regions");
    sqlite3_bind_text(st, 1, d->id, -1, SQLITE_STATIC);
    cap = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (out->skipped.n == cap) {
            cap = cap ? cap * 2 : 16;
            truce_region *p = truce_arena_grow(a, out->skipped.items, out->skipped.n, cap, sizeof *p);
            if (!p) {
                sqlite3_finalize(st);
                return truce_error_set(err, TRUCE_ENOMEM, key, -1, "out of memory");
            }
            out->skipped.items = p;
        }
        truce_region *x = &out->skipped.items[out->skipped.n++];
        x->span.start = (size_t)sqlite3_column_int64(st, 0);
        x->span.end = (size_t)sqlite3_column_int64(st, 1);
        x->reason = col_text(a, st, 2);
    }
    sqlite3_finalize(st);
    return TRUCE_OK;
}

int truce_store_doc_mentions(truce_store *s, const char *doc_id, truce_mention_cb cb, void *ctx,
                             truce_error *err)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "SELECT kind,start,end,text,value,basis FROM mentions WHERE doc_id=? ORDER BY start, kind", -1, &st, NULL) != SQLITE_OK)
        return store_fail(s, err, "mentions");
    sqlite3_bind_text(st, 1, doc_id, -1, SQLITE_STATIC);
    while (sqlite3_step(st) == SQLITE_ROW) {
        truce_stored_mention m;
        m.kind = (const char *)sqlite3_column_text(st, 0);
        m.span.start = (size_t)sqlite3_column_int64(st, 1);
        m.span.end = (size_t)sqlite3_column_int64(st, 2);
        m.text = (const char *)sqlite3_column_text(st, 3);
        m.value_json = (const char *)sqlite3_column_text(st, 4);
        m.basis = (const char *)sqlite3_column_text(st, 5);
        if (cb(ctx, &m))
            break;
    }
    sqlite3_finalize(st);
    return TRUCE_OK;
}
