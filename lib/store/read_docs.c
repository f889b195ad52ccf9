/*
 * store/read_docs.c: reading documents back: listing, one document with its
 * sentences and skipped regions, and its mentions. Results live in the
 * caller's arena (get) or are handed to a callback row by row (list).
 */
#include <stdlib.h>
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
        " d.n_sentences, (SELECT count(*) FROM regions x WHERE x.doc_id=d.id), d.n_mentions, d.n_events,"
        " d.published_basis"
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
        d.published_basis = (const char *)sqlite3_column_text(st, 12);
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
        " d.author, d.published_basis, d.warnings, d.raw, d.text, d.offset_map, d.text_is_raw,"
        " d.n_sentences, d.sentences_packed FROM documents d"
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
    bool same = sqlite3_column_int(st, 15) != 0;  /* text is the raw bytes, stored once */
    int tcol = same ? 12 : 13;
    const char *tsrc = same ? sqlite3_column_blob(st, 12) : (const char *)sqlite3_column_text(st, 13);
    d->text_len = (size_t)sqlite3_column_bytes(st, tcol);
    char *text = truce_arena_strndup(a, tsrc ? tsrc : "", d->text_len);
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
    if (rc == TRUCE_OK)
        rc = store_decode_sentences(a, sqlite3_column_blob(st, 17), (size_t)sqlite3_column_bytes(st, 17),
                                    (size_t)sqlite3_column_int64(st, 16), &out->sentences);
    sqlite3_finalize(st);
    if (rc == TRUCE_ENOMEM)
        return truce_error_set(err, rc, key, -1, "out of memory");
    if (rc)
        return truce_error_set(err, rc, key, -1, "stored offset map or sentences are damaged");
    if (sqlite3_prepare_v2(s->db, "SELECT start,end,reason FROM regions WHERE doc_id=? ORDER BY start", -1, &st, NULL) != SQLITE_OK)
        return store_fail(s, err, "regions");
    sqlite3_bind_text(st, 1, d->id, -1, SQLITE_STATIC);
    size_t cap = 0;
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

/* Mentions in the order `truce show --mentions` has always listed them: by
 * start, then kind; ties keep the order they were read in. */
static int mention_cmp(const void *pa, const void *pb)
{
    const store_mention *const *a = pa, *const *b = pb;
    if ((*a)->span.start != (*b)->span.start)
        return (*a)->span.start < (*b)->span.start ? -1 : 1;
    int c = strcmp((*a)->kind, (*b)->kind);
    if (c)
        return c;
    return *a < *b ? -1 : *a > *b;
}

int truce_store_doc_mentions(truce_store *s, const char *doc_id, truce_mention_cb cb, void *ctx,
                             truce_error *err)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "SELECT CASE WHEN text_is_raw THEN raw ELSE text END, n_mentions, mentions_packed"
                                  " FROM documents WHERE id=?", -1, &st, NULL) != SQLITE_OK)
        return store_fail(s, err, "mentions");
    sqlite3_bind_text(st, 1, doc_id, -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_ROW) {
        sqlite3_finalize(st);
        return truce_error_set(err, TRUCE_ENOTFOUND, doc_id, -1, "no stored document matches \"%s\"", doc_id);
    }
    truce_arena *a = truce_arena_new(0);
    truce_buf b;
    truce_buf_init(&b);
    store_mention *ms = NULL;
    size_t n = (size_t)sqlite3_column_int64(st, 1);
    const char *text = sqlite3_column_blob(st, 0);
    size_t text_len = (size_t)sqlite3_column_bytes(st, 0);
    int rc = a ? store_decode_mentions(a, sqlite3_column_blob(st, 2), (size_t)sqlite3_column_bytes(st, 2), n, &ms)
               : TRUCE_ENOMEM;
    store_mention **order = rc == TRUCE_OK && n ? truce_arena_alloc(a, n * sizeof *order) : NULL;
    if (rc == TRUCE_OK && n && !order)
        rc = TRUCE_ENOMEM;
    if (rc == TRUCE_OK) {
        for (size_t i = 0; i < n; i++)
            order[i] = &ms[i];
        if (n)
            qsort(order, n, sizeof *order, mention_cmp);
    }
    for (size_t i = 0; rc == TRUCE_OK && i < n; i++) {
        const store_mention *x = order[i];
        truce_stored_mention m;
        m.kind = x->kind;
        m.span = x->span;
        size_t st_ = x->span.start < text_len ? x->span.start : text_len;
        size_t en = x->span.end < text_len ? x->span.end : text_len;
        m.text = truce_arena_strndup(a, text ? text + st_ : "", en > st_ ? en - st_ : 0);
        truce_buf_reset(&b);
        if (!m.text || store_mention_value_json(x, &b) != TRUCE_OK) {
            rc = TRUCE_ENOMEM;
            break;
        }
        m.value_json = b.data ? b.data : "{}";
        m.basis = x->basis;
        if (cb(ctx, &m))
            break;
    }
    sqlite3_finalize(st);
    truce_buf_free(&b);
    truce_arena_free(a);
    if (rc == TRUCE_ENOMEM)
        return truce_error_set(err, rc, doc_id, -1, "out of memory");
    if (rc)
        return truce_error_set(err, rc, doc_id, -1, "stored mentions are damaged");
    return TRUCE_OK;
}
