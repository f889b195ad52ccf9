/*
 * tests/unit/test_html_fixtures.c: the committed fixture pages and archives
 * under tests/fixtures/ (found through TRUCE_SOURCE): Windows-1252/1251
 * pages decode, drop their furniture and keep spans into the file bytes;
 * the link-only page is refused; the WARC with a lying Content-Length
 * reports record 0 and still delivers the next one.
 */
#include <stdio.h>
#include <stdlib.h>

#include "check.h"

#include "truce/clean.h"
#include "truce/ingest.h"

static unsigned char *slurp(const char *rel, size_t *len)
{
    const char *src = getenv("TRUCE_SOURCE");
    char path[1024];
    snprintf(path, sizeof path, "%s/tests/fixtures/%s", src ? src : ".", rel);
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *p = malloc((size_t)n + 1);
    if (p && fread(p, 1, (size_t)n, f) != (size_t)n) {
        free(p);
        p = NULL;
    }
    fclose(f);
    *len = (size_t)n;
    return p;
}

typedef struct seen {
    int docs, errors;
    long long err_off;
    char url[256];
} seen;

static int on_doc(void *ctx, const unsigned char *raw, size_t len, const truce_doc_meta *m,
                  truce_format f, long long off)
{
    (void)raw; (void)len; (void)f; (void)off;
    seen *s = ctx;
    if (!s->docs)
        snprintf(s->url, sizeof s->url, "%s", m->url ? m->url : "");
    s->docs++;
    return 0;
}

static void on_err(void *ctx, const truce_error *e)
{
    seen *s = ctx;
    if (!s->errors)
        s->err_off = e->offset;
    s->errors++;
}

int main(void)
{
    if (!getenv("TRUCE_SOURCE")) {
        fprintf(stderr, "TRUCE_SOURCE not set; run through ctest\n");
        return 77;
    }
    truce_arena *a = truce_arena_new(8192);
    truce_article art;
    truce_error err;
    size_t len;

    unsigned char *p = slurp("html/bridge-cp1252.html", &len);
    CHECK(p != NULL);
    if (p) {
        CHECK_INT(truce_clean_html(a, p, len, NULL, NULL, &art, &err), TRUCE_OK);
        CHECK_STR(art.charset, "windows-1252");
        CHECK_INT(art.n_paragraphs, 2);
        CHECK(strstr(art.text, "Die alte Br\xc3\xbc" "cke") == art.text);
        CHECK(strstr(art.text, "400 000 \xe2\x82\xac") != NULL);
        CHECK(!strstr(art.text, "Teilen") && !strstr(art.text, "Nebel") &&
              !strstr(art.text, "Radweg") && !strstr(art.text, "Leser47") &&
              !strstr(art.text, "2022 Talbote"));
        if (art.n_paragraphs == 2) {
            CHECK(memcmp(p + art.paragraphs[0].source.start, "Die alte Br\xfc" "cke", 12) == 0);
            CHECK(memcmp(p + art.paragraphs[1].source.start, "\x84Wir", 4) == 0);
            CHECK(memcmp(p + art.paragraphs[1].source.end - 6, "plant.", 6) == 0);
        }
        free(p);
    }
    truce_arena_reset(a);
    p = slurp("html/ferry-cp1251.html", &len);
    CHECK(p != NULL);
    if (p) {
        CHECK_INT(truce_clean_html(a, p, len, NULL, NULL, &art, &err), TRUCE_OK);
        CHECK_STR(art.charset, "windows-1251");
        CHECK_STR(art.title, "\xd0\x9f\xd0\xb0\xd1\x80\xd0\xbe\xd0\xbc \xd0\xb2\xd0\xb5\xd1\x80"
                             "\xd0\xbd\xd1\x83\xd0\xbb\xd1\x81\xd1\x8f");
        CHECK_INT(art.n_paragraphs, 2);
        if (art.n_paragraphs == 2)
            CHECK(memcmp(p + art.paragraphs[1].source.start, "\xa8\xeb\xea\xe8", 4) == 0);
        free(p);
    }
    truce_arena_reset(a);
    p = slurp("html/no-article.html", &len);
    CHECK(p != NULL);
    if (p) {
        CHECK_INT(truce_clean_html(a, p, len, NULL, NULL, &art, &err), TRUCE_EINPUT);
        free(p);
    }
    truce_arena_free(a);

    const char *src = getenv("TRUCE_SOURCE");
    char path[1024];
    seen s;
    memset(&s, 0, sizeof s);
    snprintf(path, sizeof path, "%s/tests/fixtures/warc/canal.warc", src);
    CHECK_INT(truce_ingest_warc(path, on_doc, on_err, &s, &err), TRUCE_OK);
    CHECK_INT(s.docs, 2);
    CHECK_INT(s.errors, 0);
    CHECK_STR(s.url, "https://canal.example/locks");
    memset(&s, 0, sizeof s);
    snprintf(path, sizeof path, "%s/tests/fixtures/warc/lying-length.warc", src);
    CHECK_INT(truce_ingest_warc(path, on_doc, on_err, &s, &err), TRUCE_OK);
    CHECK_INT(s.docs, 1);
    CHECK_INT(s.errors, 1);
    CHECK_INT(s.err_off, 0);
    CHECK_STR(s.url, "https://canal.example/locks");
    return check_done("test_html_fixtures");
}
