/*
 * tests/unit/test_warc.c: truce_ingest_warc on archives written by the test
 * itself: plain and gzip-per-record WARC, WET conversion records, HTTP
 * header stripping and charset, a lying Content-Length (too long and too
 * short), and a truncated gzip stream. Every broken record must be reported
 * with its offset while the good records around it are still delivered.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zlib.h>

#include "check.h"

#include "truce/ingest.h"

typedef struct got {
    int docs, errors;
    char url[8][256];
    char fetched[8][64];
    char charset[8][64];
    char body[8][128];
    truce_format fmt[8];
    long long err_off[8];
    char err_msg[8][512];
} got;

static int on_doc(void *ctx, const unsigned char *raw, size_t len, const truce_doc_meta *m,
                  truce_format f, long long off)
{
    (void)off;
    got *g = ctx;
    if (g->docs < 8) {
        snprintf(g->url[g->docs], 256, "%s", m->url ? m->url : "");
        snprintf(g->fetched[g->docs], 64, "%s", m->fetched ? m->fetched : "");
        snprintf(g->charset[g->docs], 64, "%s", m->charset ? m->charset : "");
        snprintf(g->body[g->docs], 128, "%.*s", (int)(len < 120 ? len : 120), (const char *)raw);
        g->fmt[g->docs] = f;
    }
    g->docs++;
    return 0;
}

static void on_err(void *ctx, const truce_error *e)
{
    got *g = ctx;
    if (g->errors < 8) {
        g->err_off[g->errors] = e->offset;
        snprintf(g->err_msg[g->errors], sizeof g->err_msg[0], "%s", e->msg);
    }
    g->errors++;
}

static const char *html_body =
    "<html><head><title>Mill</title></head><body><p>The mill reopened.</p></body></html>";

/* Builds one record; `claimed` overrides Content-Length when >= 0. */
static char *record(const char *type, const char *uri, const char *ctype, const char *block,
                    long claimed)
{
    size_t n = strlen(block);
    char *r = malloc(n + 1024);
    sprintf(r,
            "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Date: 2022-05-06T07:08:09Z\r\n"
            "WARC-Record-ID: <urn:uuid:0000>\r\n%s%s%s"
            "Content-Type: %s\r\nContent-Length: %ld\r\n\r\n%s\r\n\r\n",
            type, uri ? "WARC-Target-URI: " : "", uri ? uri : "", uri ? "\r\n" : "", ctype,
            claimed >= 0 ? claimed : (long)n, block);
    return r;
}

static char *http_response(const char *ctype, const char *body)
{
    char *r = malloc(strlen(body) + 256);
    sprintf(r, "HTTP/1.1 200 OK\r\nContent-Type: %s\r\nServer: test\r\n\r\n%s", ctype, body);
    return r;
}

static char dir[64];

static void write_plain(const char *name, char **recs, size_t n)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    for (size_t i = 0; i < n; i++)
        fputs(recs[i], f);
    fclose(f);
}

/* one gzip member per record, as crawlers write them */
static void write_gz(const char *name, char **recs, size_t n)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    remove(path);
    for (size_t i = 0; i < n; i++) {
        gzFile g = gzopen(path, "ab");
        gzwrite(g, recs[i], (unsigned)strlen(recs[i]));
        gzclose(g);
    }
}

static got run(const char *name)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    got g;
    memset(&g, 0, sizeof g);
    truce_error err;
    int rc = truce_ingest_warc(path, on_doc, on_err, &g, &err);
    CHECK_INT(rc, TRUCE_OK);
    return g;
}

int main(void)
{
    snprintf(dir, sizeof dir, "/tmp/truce-warc-XXXXXX");
    if (!mkdtemp(dir))
        return 1;
    char *resp_block = http_response("text/html; charset=windows-1252", html_body);
    char *img_block = http_response("image/png", "PNGDATA");
    char *recs[6];
    recs[0] = record("warcinfo", NULL, "application/warc-fields", "software: test\r\n", -1);
    recs[1] = record("request", "https://mill.example/news", "application/http; msgtype=request",
                     "GET /news HTTP/1.1\r\nHost: mill.example\r\n\r\n", -1);
    recs[2] = record("response", "https://mill.example/news", "application/http; msgtype=response",
                     resp_block, -1);
    recs[3] = record("response", "https://mill.example/logo.png",
                     "application/http; msgtype=response", img_block, -1);
    recs[4] = record("conversion", "https://river.example/flood", "text/plain",
                     "The river fell by evening.", -1);
    recs[5] = record("response", "https://mill.example/second",
                     "application/http; msgtype=response", resp_block, -1);

    /* plain and gzip-per-record give the same documents */
    write_plain("a.warc", recs, 6);
    write_gz("a.warc.gz", recs, 6);
    const char *names[2] = { "a.warc", "a.warc.gz" };
    for (int k = 0; k < 2; k++) {
        got g = run(names[k]);
        CHECK_INT(g.docs, 3);
        CHECK_INT(g.errors, 0);
        CHECK_STR(g.url[0], "https://mill.example/news");
        CHECK_STR(g.fetched[0], "2022-05-06T07:08:09Z");
        CHECK_STR(g.charset[0], "windows-1252");
        CHECK(strncmp(g.body[0], "<html><head>", 12) == 0); /* HTTP headers stripped */
        CHECK_INT(g.fmt[0], TRUCE_FORMAT_HTML);
        CHECK_STR(g.url[1], "https://river.example/flood");
        CHECK_STR(g.body[1], "The river fell by evening.");
        CHECK_INT(g.fmt[1], TRUCE_FORMAT_TEXT);
        CHECK_STR(g.url[2], "https://mill.example/second");
    }

    /* Content-Length too large: swallows the next header; reported, next record kept */
    char *lie_long[3];
    lie_long[0] = recs[2];
    lie_long[1] = record("response", "https://mill.example/liar", "application/http",
                         resp_block, (long)strlen(resp_block) + 40);
    lie_long[2] = recs[5];
    write_plain("long.warc", lie_long, 3);
    {
        got g = run("long.warc");
        CHECK_INT(g.docs, 2);
        CHECK_INT(g.errors, 1);
        CHECK_INT(g.err_off[0], (long long)strlen(recs[2]));
        CHECK(strstr(g.err_msg[0], "Content-Length") != NULL);
        CHECK_STR(g.url[1], "https://mill.example/second");
    }
    /* Content-Length too short */
    free(lie_long[1]);
    lie_long[1] = record("response", "https://mill.example/liar", "application/http",
                         resp_block, (long)strlen(resp_block) - 30);
    write_plain("short.warc", lie_long, 3);
    write_gz("short.warc.gz", lie_long, 3);
    for (int k = 0; k < 2; k++) {
        got g = run(k ? "short.warc.gz" : "short.warc");
        CHECK_INT(g.docs, 2);
        CHECK_INT(g.errors, 1);
        CHECK_INT(g.err_off[0], (long long)strlen(recs[2]));
        CHECK(strstr(g.err_msg[0], "Content-Length") != NULL);
        CHECK_STR(g.url[1], "https://mill.example/second");
    }
    free(lie_long[1]);

    /* truncated gzip: cut the file inside its last member */
    {
        char path[128];
        snprintf(path, sizeof path, "%s/a.warc.gz", dir);
        FILE *f = fopen(path, "rb");
        fseek(f, 0, SEEK_END);
        long size = ftell(f);
        fclose(f);
        CHECK(truncate(path, size - 40) == 0);
        got g = run("a.warc.gz");
        CHECK_INT(g.docs, 2);
        CHECK(g.errors >= 1);
        CHECK(strstr(g.err_msg[0], "gzip") != NULL || strstr(g.err_msg[0], "cut off") != NULL);
        CHECK(g.err_off[0] > 0);
    }

    /* HTTP body with deflate Content-Encoding: inflated before it is handed out */
    {
        unsigned char z[512];
        uLongf zlen = sizeof z;
        CHECK(compress(z, &zlen, (const Bytef *)html_body, (uLong)strlen(html_body)) == Z_OK);
        char head[256];
        int hl = snprintf(head, sizeof head,
                          "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                          "Content-Encoding: deflate\r\n\r\n");
        char path[128];
        snprintf(path, sizeof path, "%s/z.warc", dir);
        FILE *f = fopen(path, "wb");
        fprintf(f, "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: <https://mill.example/z>\r\n"
                   "Content-Type: application/http; msgtype=response\r\nContent-Length: %ld\r\n\r\n",
                (long)hl + (long)zlen);
        fwrite(head, 1, (size_t)hl, f);
        fwrite(z, 1, zlen, f);
        fputs("\r\n\r\n", f);
        fclose(f);
        got g = run("z.warc");
        CHECK_INT(g.docs, 1);
        CHECK_INT(g.errors, 0);
        CHECK(strncmp(g.body[0], "<html><head><title>Mill", 23) == 0);
        CHECK_STR(g.url[0], "https://mill.example/z");
        remove(path);
    }

    /* not a WARC at all */
    {
        write_plain("not.warc", (char *[]){ "just some text\n" }, 1);
        char path[128];
        snprintf(path, sizeof path, "%s/not.warc", dir);
        got g;
        memset(&g, 0, sizeof g);
        truce_error err;
        CHECK_INT(truce_ingest_warc(path, on_doc, on_err, &g, &err), TRUCE_EINPUT);
        snprintf(path, sizeof path, "%s/missing.warc", dir);
        CHECK_INT(truce_ingest_warc(path, on_doc, on_err, &g, &err), TRUCE_EIO);
    }

    const char *files[] = { "a.warc", "a.warc.gz", "long.warc", "short.warc", "short.warc.gz",
                            "not.warc" };
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        char path[128];
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        remove(path);
    }
    rmdir(dir);
    for (int i = 0; i < 6; i++)
        free(recs[i]);
    free(resp_block);
    free(img_block);
    return check_done("test_warc");
}
