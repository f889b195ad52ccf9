/* tests/unit/test_store.c: the SQLite store: schema version, one-transaction
 * writes, duplicates, reposts, reading back, corrections surviving re-runs. */
#define _POSIX_C_SOURCE 200809L
#include <unistd.h>

#include "check.h"
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

int main(void)
{
    A = truce_arena_new(0);
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
    truce_arena_free(A);
    return check_done("test_store");
}
