/*
 * store/store.c: opening the SQLite store and writing one document's record.
 * Owns the database handle. Each document is written in one transaction, so
 * a process killed mid-ingest leaves every committed document complete and
 * nothing of the one in flight. Journal mode is WAL for concurrent readers.
 * A document's sentences, tokens and mentions go into its own row as compact
 * blobs (store/codec.c), an event's actors and figures into its row as JSON;
 * statements are prepared once per open store.
 * A store is used by one thread at a time (like an arena), so the connection
 * is opened without SQLite's per-call mutex.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_impl.h"

int store_fail(truce_store *s, truce_error *err, const char *what)
{
    return truce_error_set(err, TRUCE_ESTORE, s->path, -1, "%s: %s", what, sqlite3_errmsg(s->db));
}

int truce_store_open(const char *path, truce_store **out, truce_error *err)
{
    *out = NULL;
    truce_store *s = calloc(1, sizeof *s);
    if (!s)
        return truce_error_set(err, TRUCE_ENOMEM, path, -1, "out of memory");
    snprintf(s->path, sizeof s->path, "%s", path);
    if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
        truce_error_set(err, TRUCE_ESTORE, path, -1, "cannot open store: %s",
                        s->db ? sqlite3_errmsg(s->db) : "out of memory");
        sqlite3_close(s->db);
        free(s);
        return TRUCE_ESTORE;
    }
    sqlite3_busy_timeout(s->db, 5000);
    s->batch = 64;
    char *msg = NULL;
    /* 16 KB pages for new stores (an existing store keeps its own): a
     * document's row with its blobs fills several 4 KB pages, and every page
     * is a write to the WAL and another at checkpoint. The WAL is
     * checkpointed every 32 MB. Temporary storage in memory: each document's
     * savepoint keeps the pages it changes in a sub-journal, which SQLite
     * otherwise writes to a temporary file (448 MB of writes for 2,000
     * reports, four times the WAL). */
    if (sqlite3_exec(s->db, "PRAGMA page_size=16384; PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-32768; PRAGMA wal_autocheckpoint=2048; PRAGMA temp_store=MEMORY;",
                     NULL, NULL, &msg) != SQLITE_OK) {
        truce_error_set(err, TRUCE_ESTORE, path, -1, "not a usable SQLite store: %s", msg ? msg : "?");
        sqlite3_free(msg);
        sqlite3_close(s->db);
        free(s);
        return TRUCE_ESTORE;
    }
    int rc = store_migrate(s->db, err, path);
    if (rc) {
        sqlite3_close(s->db);
        free(s);
        return rc;
    }
    *out = s;
    return TRUCE_OK;
}

void truce_store_set_batch(truce_store *s, size_t documents)
{
    s->batch = documents ? documents : 1;
}

int truce_store_flush(truce_store *s, truce_error *err)
{
    if (!s->in_txn)
        return TRUCE_OK;
    s->in_txn = false;
    s->pending = 0;
    if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        int rc = store_fail(s, err, "commit");
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        free(s->source_name);  /* its row may have gone with the batch */
        s->source_name = NULL;
        return rc;
    }
    return TRUCE_OK;
}

void truce_store_close(truce_store *s)
{
    if (!s)
        return;
    truce_store_flush(s, NULL);
    for (int i = 0; i < STMT_COUNT; i++)
        sqlite3_finalize(s->stmt[i]);
    free(s->source_name);
    sqlite3_close(s->db);
    free(s);
}

static const char *const STMT_SQL[STMT_COUNT] = {
    [STMT_HAS] = "SELECT 1 FROM documents WHERE id = ?",
    [STMT_SOURCE] = "INSERT INTO sources(name) VALUES(?) ON CONFLICT(name) DO UPDATE SET name=excluded.name RETURNING id",
    [STMT_REPOST] = "SELECT id FROM documents WHERE text_hash = ? AND repost_of IS NULL LIMIT 1",
    [STMT_DOCUMENT] =
        "INSERT INTO documents(id,path,url,source_id,published,published_basis,fetched,lang,"
        "format,encoding,title,author,warnings,raw,text,offset_map,text_hash,repost_of,text_is_raw,"
        "n_sentences,sentences_packed,tokens_packed,n_mentions,mentions_packed,n_events) "
        "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    [STMT_REGION] = "INSERT INTO regions(doc_id,start,end,reason) VALUES(?,?,?,?)",
    [STMT_EVENT] =
        "INSERT INTO events(key,doc_id,sentence,evidence_start,evidence_end,type,type_rule,"
        "trigger_start,trigger_end,date_start,date_end,date_precision,date_basis,"
        "date_span_start,date_span_end,place_written,place_name,geonames_id,lat,lon,"
        "country,place_precision,place_rule,place_span_start,place_span_end,claimant,"
        "claimant_rule,claimant_span_start,claimant_span_end,certainty,certainty_rule,actors,figures) "
        "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    [STMT_SAVEPOINT] = "SAVEPOINT doc",
    [STMT_RELEASE] = "RELEASE doc",
};

/* The cached statement, prepared on first use; NULL (with err set) on failure. */
static sqlite3_stmt *stmt(truce_store *s, enum store_stmt which, truce_error *err)
{
    if (!s->stmt[which] &&
        sqlite3_prepare_v3(s->db, STMT_SQL[which], -1, SQLITE_PREPARE_PERSISTENT, &s->stmt[which], NULL) != SQLITE_OK) {
        store_fail(s, err, "prepare");
        s->stmt[which] = NULL;
    }
    return s->stmt[which];
}

int truce_store_schema_version(truce_store *s)
{
    sqlite3_stmt *st;
    int v = -1;
    if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW)
            v = sqlite3_column_int(st, 0);
        sqlite3_finalize(st);
    }
    return v;
}

bool truce_store_has(truce_store *s, const char *doc_id)
{
    sqlite3_stmt *st = stmt(s, STMT_HAS, NULL);
    bool has = false;
    if (st) {
        sqlite3_bind_text(st, 1, doc_id, -1, SQLITE_STATIC);
        has = sqlite3_step(st) == SQLITE_ROW;
        sqlite3_reset(st);
    }
    return has;
}

static void bind_text_or_null(sqlite3_stmt *st, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);  /* every value outlives the step */
    else
        sqlite3_bind_null(st, i);
}

static void bind_date(sqlite3_stmt *st, int i, const char *v)
{
    bind_text_or_null(st, i, v && v[0] ? v : NULL);
}

static void bind_span(sqlite3_stmt *st, int i, truce_span sp)
{
    if (sp.end > sp.start) {
        sqlite3_bind_int64(st, i, (sqlite3_int64)sp.start);
        sqlite3_bind_int64(st, i + 1, (sqlite3_int64)sp.end);
    } else {
        sqlite3_bind_null(st, i);
        sqlite3_bind_null(st, i + 1);
    }
}

static int exec_step(truce_store *s, sqlite3_stmt *st, truce_error *err, const char *what)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return store_fail(s, err, what);
    return TRUCE_OK;
}

static long long source_id(truce_store *s, const char *name, truce_error *err, int *rc)
{
    *rc = TRUCE_OK;
    if (!name)
        return 0;
    if (s->source_name && !strcmp(s->source_name, name))
        return s->source_id;
    sqlite3_stmt *st = stmt(s, STMT_SOURCE, err);
    long long id = 0;
    if (!st) {
        *rc = TRUCE_ESTORE;
        return 0;
    }
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW)
        id = sqlite3_column_int64(st, 0);
    else
        *rc = store_fail(s, err, "source");
    sqlite3_reset(st);
    return id;
}

/* Remembers the source once its document is safely in the transaction. */
static void remember_source(truce_store *s, const char *name, long long id)
{
    if (!name || (s->source_name && !strcmp(s->source_name, name)))
        return;
    free(s->source_name);
    size_t n = strlen(name) + 1;
    s->source_name = malloc(n);
    if (s->source_name) {
        memcpy(s->source_name, name, n);
        s->source_id = id;
    }
}

static void forget_source(truce_store *s)
{
    free(s->source_name);
    s->source_name = NULL;
}

static int put_mentions(const truce_reading *r, truce_buf *out, size_t *n)
{
    store_mention_enc *e = malloc(sizeof *e);
    if (!e)
        return TRUCE_ENOMEM;
    store_mentions_begin(e, out);
    for (size_t i = 0; i < r->dates.n; i++)
        store_mention_date(e, &r->dates.items[i]);
    for (size_t i = 0; i < r->numbers.n; i++)
        store_mention_number(e, &r->numbers.items[i]);
    for (size_t i = 0; i < r->places.n; i++)
        store_mention_place(e, &r->places.items[i]);
    for (size_t i = 0; i < r->actors.n; i++)
        store_mention_actor(e, &r->actors.items[i]);
    *n = e->n;
    free(e);
    return out->failed ? TRUCE_ENOMEM : TRUCE_OK;
}

static void json_span(truce_buf *b, truce_span sp)
{
    if (sp.end > sp.start) {
        truce_buf_putc(b, ',');
        truce_buf_put_uint(b, sp.start);
        truce_buf_putc(b, ',');
        truce_buf_put_uint(b, sp.end);
    } else {
        truce_buf_puts(b, ",null,null");
    }
}

/* A figure's value in the fewest digits that read back as the same double. */
static void json_double(truce_buf *b, double v)
{
    if (!isfinite(v)) {
        truce_buf_puts(b, "null");
        return;
    }
    if (v >= 0 && v < 1e15 && v == (double)(unsigned long long)v) {
        truce_buf_put_uint(b, (unsigned long long)v);  /* most figures: a count */
        return;
    }
    char num[32];
    snprintf(num, sizeof num, "%.15g", v);
    if (strtod(num, NULL) != v)
        snprintf(num, sizeof num, "%.17g", v);
    truce_buf_puts(b, num);
}

/* An event's actors and figures as the JSON of its row (schema 3): an array
 * of arrays, each holding the values of one row of the event_actors or
 * event_figures view in the order of its columns after event_id and ord. */
static void actors_json(const truce_event *e, truce_buf *b)
{
    truce_buf_reset(b);
    truce_buf_putc(b, '[');
    for (size_t j = 0; j < e->n_actors; j++) {
        const truce_event_actor *a = &e->actors[j];
        truce_buf_puts(b, j ? ",[" : "[");
        truce_buf_json_text(b, a->name ? a->name : "");
        truce_buf_putc(b, ',');
        truce_buf_json_text(b, a->role ? a->role : "other");
        truce_buf_putc(b, ',');
        truce_buf_json_text(b, truce_actor_kind_name(a->kind));
        truce_buf_putc(b, ',');
        truce_buf_json_text(b, a->country[0] ? a->country : NULL);
        json_span(b, a->span);
        truce_buf_putc(b, ',');
        truce_buf_json_text(b, a->rule);
        truce_buf_putc(b, ']');
    }
    truce_buf_putc(b, ']');
}

static void figures_json(const truce_event *e, truce_buf *b)
{
    truce_buf_reset(b);
    truce_buf_putc(b, '[');
    for (size_t j = 0; j < e->n_figures; j++) {
        const truce_event_figure *f = &e->figures[j];
        truce_buf_puts(b, j ? ",[" : "[");
        json_double(b, f->value);
        truce_buf_putc(b, ',');
        json_double(b, f->value_max);
        truce_buf_putc(b, ',');
        truce_buf_json_text(b, f->what);
        truce_buf_putc(b, ',');
        truce_buf_json_text(b, truce_bound_name(f->bound));
        json_span(b, f->span);
        truce_buf_putc(b, ',');
        truce_buf_json_text(b, f->rule);
        truce_buf_putc(b, ']');
    }
    truce_buf_putc(b, ']');
}

static int put_events(truce_store *s, const char *doc_id, const truce_event_list *evs,
                      truce_error *err)
{
    sqlite3_stmt *ev = stmt(s, STMT_EVENT, err);
    if (!ev)
        return TRUCE_ESTORE;
    truce_buf key, actors, figures;
    truce_buf_init(&key);
    truce_buf_init(&actors);
    truce_buf_init(&figures);
    int rc = TRUCE_OK;
    for (size_t i = 0; i < evs->n && rc == TRUCE_OK; i++) {
        const truce_event *e = &evs->items[i];
        /* The key must survive re-extraction: the document, where the
         * sentence starts, the type, and which such event in that sentence. */
        int ordinal = 0;
        for (size_t j = 0; j < i; j++)
            if (evs->items[j].evidence.start == e->evidence.start && strcmp(evs->items[j].type, e->type) == 0)
                ordinal++;
        truce_buf_reset(&key);
        size_t id_len = 0;
        while (id_len < 16 && doc_id[id_len])
            id_len++;
        truce_buf_append(&key, doc_id, id_len);
        truce_buf_putc(&key, ':');
        truce_buf_put_uint(&key, e->evidence.start);
        truce_buf_putc(&key, ':');
        truce_buf_puts(&key, e->type);
        truce_buf_putc(&key, ':');
        truce_buf_put_uint(&key, (unsigned)ordinal);
        actors_json(e, &actors);
        figures_json(e, &figures);
        if (key.failed || actors.failed || figures.failed) {
            rc = truce_error_set(err, TRUCE_ENOMEM, s->path, -1, "out of memory");
            break;
        }
        int k = 1;
        sqlite3_bind_text(ev, k++, key.data, (int)key.len, SQLITE_STATIC);
        sqlite3_bind_text(ev, k++, doc_id, -1, SQLITE_STATIC);
        sqlite3_bind_int64(ev, k++, e->sentence);
        sqlite3_bind_int64(ev, k++, (sqlite3_int64)e->evidence.start);
        sqlite3_bind_int64(ev, k++, (sqlite3_int64)e->evidence.end);
        sqlite3_bind_text(ev, k++, e->type, -1, SQLITE_STATIC);
        bind_text_or_null(ev, k++, e->type_rule);
        bind_span(ev, k, e->trigger); k += 2;
        bind_date(ev, k++, e->date_start);
        bind_date(ev, k++, e->date_end);
        sqlite3_bind_text(ev, k++, truce_date_precision_name(e->date_precision), -1, SQLITE_STATIC);
        bind_text_or_null(ev, k++, e->date_basis);
        bind_span(ev, k, e->date_span); k += 2;
        bind_text_or_null(ev, k++, e->place_written);
        bind_text_or_null(ev, k++, e->place_name);
        if (e->geonames_id) sqlite3_bind_int64(ev, k++, e->geonames_id); else sqlite3_bind_null(ev, k++);
        if (e->has_coords) { sqlite3_bind_double(ev, k++, e->lat); sqlite3_bind_double(ev, k++, e->lon); }
        else { sqlite3_bind_null(ev, k++); sqlite3_bind_null(ev, k++); }
        bind_text_or_null(ev, k++, e->country[0] ? e->country : NULL);
        bind_text_or_null(ev, k++, e->place_name || e->place_written ? truce_place_precision_name(e->place_precision) : NULL);
        bind_text_or_null(ev, k++, e->place_rule);
        bind_span(ev, k, e->place_span); k += 2;
        bind_text_or_null(ev, k++, e->claimant);
        bind_text_or_null(ev, k++, e->claimant_rule);
        bind_span(ev, k, e->claimant_span); k += 2;
        sqlite3_bind_text(ev, k++, truce_certainty_name(e->certainty), -1, SQLITE_STATIC);
        bind_text_or_null(ev, k++, e->certainty_rule);
        sqlite3_bind_text(ev, k++, (const char *)actors.data, (int)actors.len, SQLITE_STATIC);
        sqlite3_bind_text(ev, k++, (const char *)figures.data, (int)figures.len, SQLITE_STATIC);
        rc = exec_step(s, ev, err, "event");
    }
    truce_buf_free(&key);
    truce_buf_free(&actors);
    truce_buf_free(&figures);
    return rc;
}

/* The document's row with its packed sentences, tokens and mentions. */
static int put_document(truce_store *s, const truce_doc_record *rec, long long src,
                        truce_error *err)
{
    const truce_document *doc = rec->doc;
    const truce_reading *r = rec->reading;
    sqlite3_stmt *st = stmt(s, STMT_DOCUMENT, err);
    if (!st)
        return TRUCE_ESTORE;
    /* Plain UTF-8 text is its own normalized text: kept once, as raw, and
     * its hash is the document id. */
    bool same = doc->text_len == doc->raw_len && memcmp(doc->text, doc->raw, doc->raw_len) == 0;
    char text_hash[65];
    if (same)
        memcpy(text_hash, doc->id, sizeof text_hash);
    else
        truce_sha256_hex(doc->text, doc->text_len, text_hash);
    /* A repost: same normalized text already stored under another id. */
    char repost[65] = "";
    sqlite3_stmt *rp = stmt(s, STMT_REPOST, err);
    if (!rp)
        return TRUCE_ESTORE;
    sqlite3_bind_text(rp, 1, text_hash, -1, SQLITE_STATIC);
    if (sqlite3_step(rp) == SQLITE_ROW)
        snprintf(repost, sizeof repost, "%s", (const char *)sqlite3_column_text(rp, 0));
    sqlite3_reset(rp);
    truce_buf map, sent, tok, men;
    truce_buf_init(&map);
    truce_buf_init(&sent);
    truce_buf_init(&tok);
    truce_buf_init(&men);
    size_t n_mentions = 0;
    int rc = truce_offset_map_encode(&doc->map, &map);
    if (!rc && r)
        rc = store_encode_sentences(&r->sentences, &sent);
    if (!rc && r)
        rc = store_encode_tokens(&r->tokens, &tok);
    if (!rc && r)
        rc = put_mentions(r, &men, &n_mentions);
    if (rc) {
        rc = truce_error_set(err, TRUCE_ENOMEM, doc->id, -1, "out of memory");
        goto out;
    }
    sqlite3_bind_text(st, 1, doc->id, -1, SQLITE_STATIC);
    bind_text_or_null(st, 2, doc->meta.path);
    bind_text_or_null(st, 3, doc->meta.url);
    if (src) sqlite3_bind_int64(st, 4, src); else sqlite3_bind_null(st, 4);
    bind_text_or_null(st, 5, doc->meta.published);
    bind_text_or_null(st, 6, doc->published_basis);
    bind_text_or_null(st, 7, doc->meta.fetched);
    bind_text_or_null(st, 8, doc->meta.lang);
    sqlite3_bind_text(st, 9, truce_format_name(doc->format), -1, SQLITE_STATIC);
    bind_text_or_null(st, 10, doc->encoding);
    bind_text_or_null(st, 11, doc->title);
    bind_text_or_null(st, 12, doc->author);
    bind_text_or_null(st, 13, doc->warnings);
    sqlite3_bind_blob64(st, 14, doc->raw, doc->raw_len, SQLITE_STATIC);
    sqlite3_bind_text64(st, 15, same ? "" : doc->text, same ? 0 : doc->text_len, SQLITE_STATIC, SQLITE_UTF8);
    sqlite3_bind_blob64(st, 16, map.data ? map.data : "", map.len, SQLITE_STATIC);
    sqlite3_bind_text(st, 17, text_hash, -1, SQLITE_STATIC);
    bind_text_or_null(st, 18, repost[0] ? repost : NULL);
    sqlite3_bind_int(st, 19, same);
    if (r) {
        sqlite3_bind_int64(st, 20, (sqlite3_int64)r->sentences.n);
        sqlite3_bind_blob64(st, 21, sent.data ? sent.data : "", sent.len, SQLITE_STATIC);
        sqlite3_bind_blob64(st, 22, tok.data ? tok.data : "", tok.len, SQLITE_STATIC);
        sqlite3_bind_int64(st, 23, (sqlite3_int64)n_mentions);
        sqlite3_bind_blob64(st, 24, men.data ? men.data : "", men.len, SQLITE_STATIC);
    } else {
        sqlite3_bind_int64(st, 20, 0);
        sqlite3_bind_null(st, 21);
        sqlite3_bind_null(st, 22);
        sqlite3_bind_int64(st, 23, 0);
        sqlite3_bind_null(st, 24);
    }
    sqlite3_bind_int64(st, 25, rec->events ? (sqlite3_int64)rec->events->n : 0);
    rc = exec_step(s, st, err, "document");
out:
    truce_buf_free(&map);
    truce_buf_free(&sent);
    truce_buf_free(&tok);
    truce_buf_free(&men);
    return rc;
}

int truce_store_put(truce_store *s, const truce_doc_record *rec, truce_error *err)
{
    const truce_document *doc = rec->doc;
    if (truce_store_has(s, doc->id))
        return TRUCE_EDUPLICATE;
    char *msg = NULL;
    if (!s->in_txn) {
        if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, &msg) != SQLITE_OK) {
            truce_error_set(err, TRUCE_ESTORE, s->path, -1, "cannot begin: %s", msg ? msg : "?");
            sqlite3_free(msg);
            return TRUCE_ESTORE;
        }
        s->in_txn = true;
    }
    /* Each document in its own savepoint: a failure undoes that document only. */
    sqlite3_stmt *savepoint = stmt(s, STMT_SAVEPOINT, err);
    if (!savepoint || exec_step(s, savepoint, err, "cannot begin document") != TRUCE_OK)
        return TRUCE_ESTORE;
    int rc = TRUCE_OK;
    long long src = source_id(s, doc->meta.source, err, &rc);
    if (rc)
        goto fail;
    if ((rc = put_document(s, rec, src, err)) != TRUCE_OK)
        goto fail;
    if (rec->skipped && rec->skipped->n) {
        sqlite3_stmt *st = stmt(s, STMT_REGION, err);
        if (!st) {
            rc = TRUCE_ESTORE;
            goto fail;
        }
        for (size_t i = 0; i < rec->skipped->n; i++) {
            sqlite3_bind_text(st, 1, doc->id, -1, SQLITE_STATIC);
            sqlite3_bind_int64(st, 2, (sqlite3_int64)rec->skipped->items[i].span.start);
            sqlite3_bind_int64(st, 3, (sqlite3_int64)rec->skipped->items[i].span.end);
            sqlite3_bind_text(st, 4, rec->skipped->items[i].reason, -1, SQLITE_STATIC);
            if ((rc = exec_step(s, st, err, "region")) != TRUCE_OK)
                goto fail;
        }
    }
    if (rec->events && (rc = put_events(s, doc->id, rec->events, err)) != TRUCE_OK)
        goto fail;
    sqlite3_stmt *release = stmt(s, STMT_RELEASE, err);
    if (!release || (rc = exec_step(s, release, err, "commit")) != TRUCE_OK) {
        rc = rc ? rc : TRUCE_ESTORE;
        goto fail;
    }
    remember_source(s, doc->meta.source, src);
    if (++s->pending >= s->batch)
        return truce_store_flush(s, err);
    return TRUCE_OK;
fail:
    forget_source(s);
    sqlite3_exec(s->db, "ROLLBACK TO doc; RELEASE doc", NULL, NULL, NULL);
    return rc ? rc : TRUCE_ESTORE;
}
