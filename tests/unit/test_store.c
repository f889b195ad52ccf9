/* tests/unit/test_store.c: the SQLite store: schema version, one-transaction
 * writes, duplicates, reposts, reading back, corrections surviving re-runs,
 * mentions kept in their compact form, event actors and figures kept in the
 * event's row and given back exactly (also through the views of schema 3), and
 * a store written with schema 1 migrated and read back unchanged. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "store/store_impl.h"
#include "truce/store.h"

static truce_arena *A;

static void make_doc(truce_document *d, const char *text)
{
    memset(d, 0, sizeof *d);
    d->raw = (const unsigned char *)text;
    d->raw_len = strlen(text);
    d->text = text;
    d->text_len = strlen(text);
    d->format = TRUCE_FORMAT_TEXT;
    d->encoding = "utf-8";
    d->meta.path = "fixture.txt";
    d->meta.source = "Test Wire";
    d->meta.published = "2021-04-02";
    truce_sha256_hex(text, strlen(text), d->id);
}

static int count_events(void *ctx, const truce_stored_event *e)
{
    (*(int *)ctx)++;
    CHECK_STR(e->ev.type, "military.withdrawal");
    CHECK(e->evidence_text && strstr(e->evidence_text, "withdrew") != NULL);
    return 0;
}

static int grab_key(void *ctx, const truce_stored_event *e)
{
    snprintf((char *)ctx, 96, "%s", e->key);
    return 1;
}

static int grab_certainty(void *ctx, const truce_stored_event *e)
{
    *(truce_certainty *)ctx = e->ev.certainty;
    return 1;
}

/* Mentions as `truce show --mentions` gets them, one line each. */
static int collect_mention(void *ctx, const truce_stored_mention *m)
{
    truce_buf *b = ctx;
    truce_buf_printf(b, "%s %zu-%zu [%s] %s basis=%s\n", m->kind, m->span.start, m->span.end, m->text,
                     m->value_json, m->basis ? m->basis : "-");
    return 0;
}

static int collect_event(void *ctx, const truce_stored_event *e)
{
    truce_buf *b = ctx;
    truce_buf_printf(b, "%lld %s %s [%s] raw %zu-%zu place=%s", e->id, e->key, e->ev.type,
                     e->evidence_text ? e->evidence_text : "", e->evidence_raw.start, e->evidence_raw.end,
                     e->ev.place_name ? e->ev.place_name : "-");
    for (size_t i = 0; i < e->ev.n_actors; i++)
        truce_buf_printf(b, " actor=%s/%s", e->ev.actors[i].name, e->ev.actors[i].role);
    for (size_t i = 0; i < e->ev.n_figures; i++)
        truce_buf_printf(b, " figure=%g..%g %s", e->ev.figures[i].value, e->ev.figures[i].value_max,
                         e->ev.figures[i].what ? e->ev.figures[i].what : "-");
    truce_buf_putc(b, '\n');
    return 0;
}

static int collect_doc(void *ctx, const truce_doc_summary *d)
{
    truce_buf *b = ctx;
    truce_buf_printf(b, "%.8s sentences=%zu regions=%zu mentions=%zu events=%zu bytes=%zu\n", d->id,
                     d->sentences, d->regions, d->mentions, d->events, d->bytes);
    return 0;
}

static void exec_ok(sqlite3 *db, const char *sql)
{
    char *msg = NULL;
    int rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
    if (rc != SQLITE_OK)
        fprintf(stderr, "sql failed: %s\n%s\n", msg ? msg : "?", sql);
    CHECK_INT(rc, SQLITE_OK);
    sqlite3_free(msg);
}

/* A fresh store keeps each kind of mention in its compact form and gives
 * back the value JSON schema 1 stored, byte for byte. */
static void test_mentions_round_trip(const char *path)
{
    truce_store *s;
    truce_error err;
    truce_error_clear(&err);
    CHECK_INT(truce_store_open(path, &s, &err), TRUCE_OK);
    const char *text = "On March 3, about 2,500 people fled Corvale, rebel units said.";
    truce_document d;
    make_doc(&d, text);
    d.meta.path = "mentions.txt";
    truce_sentence sent = { { 0, 62 }, 0, TRUCE_SENT_PARAGRAPH_START };
    truce_date_mention dm;
    memset(&dm, 0, sizeof dm);
    dm.span = (truce_span){ 3, 10 };
    snprintf(dm.start, sizeof dm.start, "2021-03-03");
    snprintf(dm.end, sizeof dm.end, "2021-03-03");
    dm.precision = TRUCE_DATE_DAY;
    dm.basis = "month and day, year from reference";
    truce_date_mention dm2 = dm; /* unresolved, open-ended: nulls and flags */
    dm2.start[0] = dm2.end[0] = '\0';
    dm2.precision = TRUCE_DATE_UNKNOWN;
    dm2.open_end = dm2.future = true;
    dm2.basis = NULL;
    truce_date_mention dates[2] = { dm, dm2 };
    truce_number_mention nm;
    memset(&nm, 0, sizeof nm);
    nm.span = (truce_span){ 12, 23 };
    nm.value = nm.value_max = 2500;
    nm.bound = TRUCE_BOUND_APPROX;
    nm.what = "person \"displaced\"";
    truce_number_mention nm2 = nm;
    nm2.span = (truce_span){ 18, 23 };
    nm2.value = 0.1;
    nm2.value_max = 1e300;
    nm2.what = NULL;
    truce_number_mention numbers[2] = { nm, nm2 };
    truce_place_mention pm;
    memset(&pm, 0, sizeof pm);
    pm.span = (truce_span){ 36, 43 };
    pm.name = "Corvale";
    pm.geonames_id = 1234567;
    pm.lat = 45.123456789;
    pm.lon = -3.5;
    pm.feature_class = 'P';
    snprintf(pm.country, sizeof pm.country, "FR");
    pm.precision = TRUCE_PLACE_POINT;
    pm.basis = "only candidate";
    truce_actor_mention am;
    memset(&am, 0, sizeof am);
    am.span = (truce_span){ 45, 56 };
    am.name = "rebel units";
    am.kind = TRUCE_ACTOR_GROUP;
    am.rule = "groups.tsv:3";
    truce_actor_mention am2 = am; /* same rule again: written once in the blob */
    am2.span = (truce_span){ 51, 56 };
    am2.name = "units";
    truce_actor_mention actors[2] = { am, am2 };
    truce_reading r;
    memset(&r, 0, sizeof r);
    r.sentences = (truce_sentence_list){ &sent, 1 };
    r.dates = (truce_date_list){ dates, 2 };
    r.numbers = (truce_number_list){ numbers, 2 };
    r.places = (truce_place_list){ &pm, 1 };
    r.actors = (truce_actor_list){ actors, 2 };
    truce_doc_record rec = { &d, NULL, &r, NULL };
    CHECK_INT(truce_store_put(s, &rec, &err), TRUCE_OK);
    CHECK_INT(truce_store_flush(s, &err), TRUCE_OK);
    truce_buf b;
    truce_buf_init(&b);
    CHECK_INT(truce_store_doc_mentions(s, d.id, collect_mention, &b, &err), TRUCE_OK);
    CHECK_STR(b.data,
              "date 3-10 [March 3] {\"start\":\"2021-03-03\",\"end\":\"2021-03-03\",\"precision\":\"day\",\"duration\":false,\"future\":false,\"open_end\":false} basis=month and day, year from reference\n"
              "date 3-10 [March 3] {\"start\":null,\"end\":null,\"precision\":\"unknown\",\"duration\":false,\"future\":true,\"open_end\":true} basis=-\n"
              "number 12-23 [about 2,500] {\"value\":2500,\"value_max\":2500,\"bound\":\"approx\",\"what\":\"person \\\"displaced\\\"\"} basis=-\n"
              "number 18-23 [2,500] {\"value\":0.1,\"value_max\":1e+300,\"bound\":\"approx\",\"what\":null} basis=-\n"
              "place 36-43 [Corvale] {\"name\":\"Corvale\",\"geonames_id\":1234567,\"lat\":45.12346,\"lon\":-3.50000,\"country\":\"FR\",\"feature_class\":\"P\",\"precision\":\"point\"} basis=only candidate\n"
              "actor 45-56 [rebel units] {\"name\":\"rebel units\",\"actor_kind\":\"group\",\"country\":\"\"} basis=groups.tsv:3\n"
              "actor 51-56 [units] {\"name\":\"units\",\"actor_kind\":\"group\",\"country\":\"\"} basis=groups.tsv:3\n");
    truce_buf_reset(&b);
    CHECK_INT(truce_store_list_docs(s, collect_doc, &b, &err), TRUCE_OK);
    CHECK(strstr(b.data, "sentences=1 regions=0 mentions=7 events=0") != NULL);
    truce_buf_free(&b);
    truce_store_close(s);
}

/* A store written by schema 1 (one row per sentence and mention, text kept
 * beside raw) opens, migrates to the current schema and reads back the
 * same: text, sentences, mentions in their order with the same JSON,
 * events with actors and figures, counts. */
static void test_migrate_schema_1(const char *path)
{
    sqlite3 *db;
    CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
    truce_error err;
    truce_error_clear(&err);
    CHECK_INT(store_migrate_to(db, 1, &err, path), TRUCE_OK);
    /* what schema-1 truce wrote for two documents: a plain text one (text
     * equal to raw) and one whose text differs from its raw bytes (CRLF). */
    exec_ok(db,
            "INSERT INTO sources(id, name) VALUES (1, 'Old Wire');"
            "INSERT INTO documents(id, path, source_id, published, format, encoding, raw, text, offset_map, text_hash)"
            " VALUES ('aaaa000000000000000000000000000000000000000000000000000000000000', 'old/a.txt', 1, '2020-05-01',"
            "  'text', 'utf-8', CAST('Shelling hit Corvale on Monday. Two died.' AS BLOB),"
            "  'Shelling hit Corvale on Monday. Two died.', x'000000000000000000000000', 'h1'),"
            " ('bbbb000000000000000000000000000000000000000000000000000000000000', 'old/b.txt', 1, '2020-05-02',"
            "  'text', 'utf-8', CAST('Talks began.' || char(13) || char(10) || 'Rebels left Gori.' AS BLOB),"
            "  'Talks began.' || char(10) || 'Rebels left Gori.', x'000000000000000000000000' || x'0d0000000e00000000000000', 'h2');"
            "INSERT INTO sentences VALUES"
            " ('aaaa000000000000000000000000000000000000000000000000000000000000', 0, 0, 31, 0, 1),"
            " ('aaaa000000000000000000000000000000000000000000000000000000000000', 1, 32, 41, 0, 0),"
            " ('bbbb000000000000000000000000000000000000000000000000000000000000', 0, 0, 12, 0, 1),"
            " ('bbbb000000000000000000000000000000000000000000000000000000000000', 1, 13, 30, 1, 1);"
            "INSERT INTO tokens VALUES ('aaaa000000000000000000000000000000000000000000000000000000000000', x'000801');"
            "INSERT INTO regions VALUES ('bbbb000000000000000000000000000000000000000000000000000000000000', 0, 12, 'repeated title');"
            "INSERT INTO mentions(doc_id, kind, sentence, start, end, text, value, basis) VALUES"
            " ('aaaa000000000000000000000000000000000000000000000000000000000000', 'date', 0, 24, 30, 'Monday',"
            "  '{\"start\":\"2020-04-27\",\"end\":\"2020-04-27\",\"precision\":\"day\",\"duration\":false,\"future\":false,\"open_end\":false}',"
            "  'weekday before reference 2020-05-01'),"
            " ('aaaa000000000000000000000000000000000000000000000000000000000000', 'number', 1, 32, 35, 'Two',"
            "  '{\"value\":2,\"value_max\":2,\"bound\":\"exact\",\"what\":null}', NULL),"
            " ('aaaa000000000000000000000000000000000000000000000000000000000000', 'place', 0, 13, 20, 'Corvale',"
            "  '{\"name\":\"Corvale\",\"geonames_id\":99,\"lat\":45.00001,\"lon\":-3.25000,\"country\":\"FR\",\"feature_class\":\"P\",\"precision\":\"point\"}',"
            "  'only candidate'),"
            /* a value the fields cannot give back byte for byte: kept as written */
            " ('aaaa000000000000000000000000000000000000000000000000000000000000', 'number', 1, 32, 35, 'Two',"
            "  '{\"value\":2.0,\"value_max\":2,\"bound\":\"exact\",\"what\":\"dead\"}', NULL),"
            " ('bbbb000000000000000000000000000000000000000000000000000000000000', 'actor', 1, 13, 19, 'Rebels',"
            "  '{\"name\":\"rebels\",\"actor_kind\":\"group\",\"country\":\"\"}', 'groups.tsv:1');"
            "INSERT INTO events(id, key, doc_id, sentence, evidence_start, evidence_end, type, certainty) VALUES"
            " (1, 'aaaa000000000000:0:conflict.shelling:0', 'aaaa000000000000000000000000000000000000000000000000000000000000', 0, 0, 31, 'conflict.shelling', 'reported'),"
            " (2, 'bbbb000000000000:13:military.withdrawal:0', 'bbbb000000000000000000000000000000000000000000000000000000000000', 1, 13, 30, 'military.withdrawal', 'reported');"
            "INSERT INTO event_actors VALUES (2, 0, 'rebels', 'actor1', 'group', NULL, 13, 19, 'subject'),"
            " (2, 1, 'Gori', 'other', 'unknown', NULL, 25, 29, 'object');"
            "INSERT INTO event_figures VALUES (1, 0, 2, 2, 'killed', 'exact', 32, 35, 'figure rule');");
    sqlite3_close(db);

    truce_store *s;
    CHECK_INT(truce_store_open(path, &s, &err), TRUCE_OK);
    CHECK_INT(truce_store_schema_version(s), TRUCE_SCHEMA_VERSION);
    truce_stored_doc d;
    CHECK_INT(truce_store_get_doc(s, A, "old/a.txt", &d, &err), TRUCE_OK);
    CHECK_INT(d.doc.text_len, 41);
    CHECK(memcmp(d.doc.text, "Shelling hit Corvale on Monday. Two died.", 41) == 0);
    CHECK_INT(d.sentences.n, 2);
    CHECK_INT(d.sentences.items[1].span.start, 32);
    CHECK_INT(d.sentences.items[1].span.end, 41);
    CHECK_INT(d.sentences.items[0].flags, 1);
    CHECK_INT(truce_store_get_doc(s, A, "old/b.txt", &d, &err), TRUCE_OK);
    CHECK_INT(d.doc.text_len, 30);
    CHECK(memcmp(d.doc.text, "Talks began.\nRebels left Gori.", 30) == 0);
    CHECK_INT(d.doc.raw_len, 31);
    CHECK_INT(d.sentences.n, 2);
    CHECK_INT(d.sentences.items[1].paragraph, 1);
    CHECK_INT(d.skipped.n, 1);

    truce_buf b;
    truce_buf_init(&b);
    CHECK_INT(truce_store_doc_mentions(s, "aaaa000000000000000000000000000000000000000000000000000000000000",
                                       collect_mention, &b, &err), TRUCE_OK);
    CHECK_STR(b.data,
              "place 13-20 [Corvale] {\"name\":\"Corvale\",\"geonames_id\":99,\"lat\":45.00001,\"lon\":-3.25000,\"country\":\"FR\",\"feature_class\":\"P\",\"precision\":\"point\"} basis=only candidate\n"
              "date 24-30 [Monday] {\"start\":\"2020-04-27\",\"end\":\"2020-04-27\",\"precision\":\"day\",\"duration\":false,\"future\":false,\"open_end\":false} basis=weekday before reference 2020-05-01\n"
              "number 32-35 [Two] {\"value\":2,\"value_max\":2,\"bound\":\"exact\",\"what\":null} basis=-\n"
              "number 32-35 [Two] {\"value\":2.0,\"value_max\":2,\"bound\":\"exact\",\"what\":\"dead\"} basis=-\n");
    truce_buf_reset(&b);
    CHECK_INT(truce_store_doc_mentions(s, "bbbb000000000000000000000000000000000000000000000000000000000000",
                                       collect_mention, &b, &err), TRUCE_OK);
    CHECK_STR(b.data, "actor 13-19 [Rebels] {\"name\":\"rebels\",\"actor_kind\":\"group\",\"country\":\"\"} basis=groups.tsv:1\n");

    truce_buf_reset(&b);
    CHECK_INT(truce_store_query_events(s, NULL, collect_event, &b, &err), TRUCE_OK);
    CHECK_STR(b.data,
              "1 aaaa000000000000:0:conflict.shelling:0 conflict.shelling [Shelling hit Corvale on Monday.] raw 0-31 place=- figure=2..2 killed\n"
              "2 bbbb000000000000:13:military.withdrawal:0 military.withdrawal [Rebels left Gori.] raw 14-31 place=- actor=rebels/actor1 actor=Gori/other\n");
    truce_buf_reset(&b);
    CHECK_INT(truce_store_list_docs(s, collect_doc, &b, &err), TRUCE_OK);
    CHECK_STR(b.data,
              "aaaa0000 sentences=2 regions=0 mentions=4 events=1 bytes=41\n"
              "bbbb0000 sentences=2 regions=1 mentions=1 events=1 bytes=31\n");
    truce_buf_free(&b);
    truce_store_close(s);
}

static int collect_items(void *ctx, const truce_stored_event *e)
{
    truce_buf *b = ctx;
    for (size_t i = 0; i < e->ev.n_actors; i++) {
        const truce_event_actor *a = &e->ev.actors[i];
        truce_buf_printf(b, "actor %s|%s|%s|%s|%zu-%zu|%s\n", a->name, a->role, truce_actor_kind_name(a->kind),
                         a->country, a->span.start, a->span.end, a->rule ? a->rule : "-");
    }
    for (size_t i = 0; i < e->ev.n_figures; i++) {
        const truce_event_figure *f = &e->ev.figures[i];
        truce_buf_printf(b, "figure %.17g|%.17g|%s|%s|%zu-%zu|%s\n", f->value, f->value_max, f->what ? f->what : "-",
                         truce_bound_name(f->bound), f->span.start, f->span.end, f->rule ? f->rule : "-");
    }
    return 0;
}

static int collect_row(void *ctx, int n, char **values, char **names)
{
    (void)names;
    truce_buf *b = ctx;
    for (int i = 0; i < n; i++)
        truce_buf_printf(b, "%s%s", i ? "|" : "", values[i] ? values[i] : "NULL");
    truce_buf_putc(b, '\n');
    return 0;
}

/* Schema 3 keeps an event's actors and figures as JSON in its row: values
 * that need escaping, figures that are not counts and an actor with no span
 * come back exactly, and the views give them as rows in order. */
static void test_event_items_round_trip(const char *path)
{
    truce_store *s;
    truce_error err;
    truce_error_clear(&err);
    CHECK_INT(truce_store_open(path, &s, &err), TRUCE_OK);
    const char *text = "\"Blue\" units shelled Corvale; 2,500 fled and 0.1 km2 burned.";
    truce_document d;
    make_doc(&d, text);
    truce_sentence sent = { { 0, strlen(text) }, 0, TRUCE_SENT_PARAGRAPH_START };
    truce_reading r;
    memset(&r, 0, sizeof r);
    r.sentences.items = &sent;
    r.sentences.n = 1;
    truce_event_actor actors[2] = {
        { "\"Blue\" units", "actor1", TRUCE_ACTOR_GROUP, "RU", { 0, 12 }, "subject \\ before trigger" },
        { "Corvale\tresidents", "actor2", TRUCE_ACTOR_CIVILIANS, "", { 0, 0 }, NULL },
    };
    truce_event_figure figures[3] = {
        { 2500, 2500, "displaced", TRUCE_BOUND_APPROX, { 31, 36 }, "number in the clause" },
        { 0.1, 1e300, "km2 \"burned\"", TRUCE_BOUND_RANGE, { 46, 49 }, NULL },
        { 123456789012345678.0, 0, NULL, TRUCE_BOUND_AT_LEAST, { 0, 0 }, "huge" },
    };
    truce_event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = "conflict.shelling";
    ev.evidence = sent.span;
    ev.actors = actors;
    ev.n_actors = 2;
    ev.figures = figures;
    ev.n_figures = 3;
    truce_event_list events = { &ev, 1 };
    truce_doc_record rec = { &d, NULL, &r, &events };
    CHECK_INT(truce_store_put(s, &rec, &err), TRUCE_OK);
    truce_buf b;
    truce_buf_init(&b);
    CHECK_INT(truce_store_query_events(s, NULL, collect_items, &b, &err), TRUCE_OK);
    CHECK_STR(b.data,
              "actor \"Blue\" units|actor1|group|RU|0-12|subject \\ before trigger\n"
              "actor Corvale\tresidents|actor2|civilians||0-0|-\n"
              "figure 2500|2500|displaced|approx|31-36|number in the clause\n"
              "figure 0.10000000000000001|1.0000000000000001e+300|km2 \"burned\"|range|46-49|-\n"
              "figure 1.2345678901234568e+17|0|-|at_least|0-0|huge\n");
    truce_store_close(s);

    sqlite3 *db;
    CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
    truce_buf_reset(&b);
    sqlite3_exec(db, "SELECT ord, name, role, kind, country, start, end, rule FROM event_actors ORDER BY event_id, ord;"
                     "SELECT ord, value, value_max, what, bound, start, end FROM event_figures ORDER BY event_id, ord",
                 collect_row, &b, NULL);
    CHECK_STR(b.data,
              "0|\"Blue\" units|actor1|group|RU|0|12|subject \\ before trigger\n"
              "1|Corvale\tresidents|actor2|civilians|NULL|NULL|NULL|NULL\n"
              "0|2500.0|2500.0|displaced|approx|31|36\n"
              "1|0.1|1.0e+300|km2 \"burned\"|range|46|49\n"
              "2|1.23456789012346e+17|0.0|NULL|at_least|NULL|NULL\n");
    sqlite3_close(db);
    truce_buf_free(&b);
}

/* A date mention's time of day: written with flags bit 8 and read back; a
 * blob in the layout written before the time was kept (no bit 8) still
 * decodes, with no time. */
static void test_date_time_codec(void)
{
    static const unsigned char old_blob[] = { 0x00, 0x01, 0x05, 0x06, 0x00,
                                              0x01, 10, '2', '0', '2', '0', '-', '1', '1', '-', '2', '0',
                                              0x02, 0x01, 3, 'd', 'a', 'y', 0x02 };
    store_mention *ms = NULL;
    CHECK_INT(store_decode_mentions(A, old_blob, sizeof old_blob, 1, &ms), TRUCE_OK);
    if (ms) {
        CHECK_STR(ms[0].d_start, "2020-11-20");
        CHECK_STR(ms[0].d_end, "2020-11-20");
        CHECK(ms[0].future && !ms[0].duration && ms[0].time == NULL);
        truce_buf j;
        truce_buf_init(&j);
        CHECK_INT(store_mention_value_json(&ms[0], &j), TRUCE_OK);
        CHECK(j.data && !strstr(j.data, "time"));
        truce_buf_free(&j);
    }
    truce_date_mention d;
    memset(&d, 0, sizeof d);
    d.span = (truce_span){ 3, 20 };
    memcpy(d.start, "2021-06-04", 11);
    memcpy(d.end, "2021-06-04", 11);
    d.precision = TRUCE_DATE_DAY;
    d.basis = "weekday before reference 2021-06-06";
    memcpy(d.time, "21:30Z", 7);
    truce_buf b;
    truce_buf_init(&b);
    store_mention_enc *e = calloc(1, sizeof *e);
    CHECK(e != NULL);
    if (!e)
        return;
    store_mentions_begin(e, &b);
    store_mention_date(e, &d);
    ms = NULL;
    CHECK_INT(store_decode_mentions(A, b.data, b.len, 1, &ms), TRUCE_OK);
    if (ms) {
        CHECK_STR(ms[0].time ? ms[0].time : "", "21:30Z");
        truce_buf j;
        truce_buf_init(&j);
        CHECK_INT(store_mention_value_json(&ms[0], &j), TRUCE_OK);
        CHECK(j.data && strstr(j.data, "\"time\":\"21:30Z\"}"));
        truce_buf_free(&j);
    }
    free(e);
    truce_buf_free(&b);
}

int main(void)
{
    A = truce_arena_new(0);
    test_date_time_codec();
    char path[] = "/tmp/truce-test-store-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    close(fd);
    unlink(path);

    truce_store *s;
    truce_error err;
    truce_error_clear(&err);
    CHECK_INT(truce_store_open(path, &s, &err), TRUCE_OK);
    CHECK_INT(truce_store_schema_version(s), TRUCE_SCHEMA_VERSION);

    const char *text = "Rebel units withdrew from Corvale on Friday. Residents returned.";
    truce_document d;
    make_doc(&d, text);
    truce_sentence sents[2] = { { { 0, 44 }, 0, TRUCE_SENT_PARAGRAPH_START }, { { 45, 64 }, 0, 0 } };
    truce_reading r;
    memset(&r, 0, sizeof r);
    r.sentences.items = sents;
    r.sentences.n = 2;
    truce_event_actor actor = { "rebel units", "actor1", TRUCE_ACTOR_GROUP, "", { 0, 11 }, "test" };
    truce_event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = "military.withdrawal";
    ev.evidence = sents[0].span;
    ev.actors = &actor;
    ev.n_actors = 1;
    snprintf(ev.date_start, sizeof ev.date_start, "2021-04-02");
    snprintf(ev.date_end, sizeof ev.date_end, "2021-04-02");
    ev.date_precision = TRUCE_DATE_DAY;
    truce_event_list events = { &ev, 1 };
    truce_region reg = { { 45, 64 }, "test region" };
    truce_region_list regions = { &reg, 1 };
    truce_doc_record rec = { &d, &regions, &r, &events };
    CHECK_INT(truce_store_put(s, &rec, &err), TRUCE_OK);
    CHECK(truce_store_has(s, d.id));
    /* the same document again changes nothing */
    CHECK_INT(truce_store_put(s, &rec, &err), TRUCE_EDUPLICATE);

    int n = 0;
    CHECK_INT(truce_store_query_events(s, NULL, count_events, &n, &err), TRUCE_OK);
    CHECK_INT(n, 1);

    /* read back by id prefix and by file name */
    truce_stored_doc back;
    CHECK_INT(truce_store_get_doc(s, A, d.id, &back, &err), TRUCE_OK);
    CHECK_INT(back.sentences.n, 2);
    CHECK_INT(back.skipped.n, 1);
    CHECK_STR(back.doc.meta.source, "Test Wire");
    CHECK_INT(back.doc.text_len, strlen(text));
    char prefix[9];
    snprintf(prefix, sizeof prefix, "%.8s", d.id);
    CHECK_INT(truce_store_get_doc(s, A, prefix, &back, &err), TRUCE_OK);
    CHECK_INT(truce_store_get_doc(s, A, "no-such-thing", &back, &err), TRUCE_ENOTFOUND);
    CHECK(strstr(err.msg, "no-such-thing") != NULL);

    /* corrections are kept by key and applied on read */
    char key[96] = "";
    truce_store_query_events(s, NULL, grab_key, key, &err);
    CHECK(key[0] != '\0');
    CHECK_INT(truce_store_correct(s, key, "certainty", "alleged", "tester", &err), TRUCE_OK);
    CHECK_INT(truce_store_correct(s, key, "colour", "blue", "tester", &err), TRUCE_EUSAGE);
    truce_certainty c = TRUCE_CERT_REPORTED;
    truce_store_query_events(s, NULL, grab_certainty, &c, &err);
    CHECK_INT(c, TRUCE_CERT_ALLEGED);

    /* a repost: same text, different bytes id is impossible here, so a second
     * document with other bytes but the same normalized text */
    truce_document d2;
    make_doc(&d2, text);
    d2.raw = (const unsigned char *)"Rebel units withdrew from Corvale on Friday.\r\nResidents returned.";
    d2.raw_len = strlen((const char *)d2.raw);
    truce_sha256_hex(d2.raw, d2.raw_len, d2.id);
    truce_doc_record rec2 = { &d2, NULL, NULL, NULL };
    CHECK_INT(truce_store_put(s, &rec2, &err), TRUCE_OK);
    truce_store_close(s);

    /* reopening keeps everything and does not migrate twice */
    CHECK_INT(truce_store_open(path, &s, &err), TRUCE_OK);
    CHECK(truce_store_has(s, d.id));
    CHECK(truce_store_has(s, d2.id));
    truce_store_close(s);

    /* a file that is not a store is refused with its name */
    FILE *f = fopen(path, "w");
    fputs("this is not a database, just text that is long enough to be read as a header........", f);
    fclose(f);
    remove(path);
    char wal[128];
    snprintf(wal, sizeof wal, "%s-wal", path);
    remove(wal);
    snprintf(wal, sizeof wal, "%s-shm", path);
    remove(wal);
    f = fopen(path, "w");
    for (int i = 0; i < 200; i++)
        fputs("garbage garbage garbage garbage ", f);
    fclose(f);
    truce_error_clear(&err);
    CHECK(truce_store_open(path, &s, &err) != TRUCE_OK);
    CHECK(strstr(err.doc, "truce-test-store") != NULL);
    remove(path);

    test_mentions_round_trip(path);
    remove(path);
    snprintf(wal, sizeof wal, "%s-wal", path);
    remove(wal);
    test_migrate_schema_1(path);
    remove(path);
    snprintf(wal, sizeof wal, "%s-wal", path);
    remove(wal);
    snprintf(wal, sizeof wal, "%s-shm", path);
    remove(wal);
    test_event_items_round_trip(path);
    remove(path);
    snprintf(wal, sizeof wal, "%s-wal", path);
    remove(wal);
    snprintf(wal, sizeof wal, "%s-shm", path);
    remove(wal);
    truce_arena_free(A);
    return check_done("test_store");
}
