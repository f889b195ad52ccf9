/*
 * ingest/warc.c: streaming WARC 1.0/1.1 and WET files, plain or gzip (per
 * record or whole file: gzread reads concatenated members as one stream).
 * Owns one read buffer that holds at most one record, so memory follows the
 * largest record, never the archive. Must not store or parse documents: it
 * hands each HTML response or conversion record to the caller's callback,
 * and reports broken records (lying Content-Length, truncated gzip) through
 * on_error with the record's offset, then goes on with the next record.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <zlib.h>

#include "truce/ingest.h"

#define MAX_RECORD (TRUCE_DEFAULT_MAX_BYTES + 1024u * 1024u)

typedef struct reader {
    gzFile f;
    unsigned char *buf;
    size_t pos, len, cap;
    long long base;       /* stream offset of buf[0] */
    bool eof;
    bool failed;          /* gzip stream broken */
    char gzmsg[128];
} reader;

/* Makes at least n bytes available at buf[pos]; false when the stream ends first. */
static bool ensure(reader *r, size_t n)
{
    while (r->len - r->pos < n) {
        if (r->eof)
            return false;
        if (r->pos > 0) {
            memmove(r->buf, r->buf + r->pos, r->len - r->pos);
            r->base += (long long)r->pos;
            r->len -= r->pos;
            r->pos = 0;
        }
        if (r->cap - r->len < 65536 || r->cap < n) {
            size_t cap = r->cap ? r->cap : 262144;
            while (cap < n + 65536)
                cap *= 2;
            if (cap != r->cap) {
                unsigned char *nb = realloc(r->buf, cap);
                if (!nb)
                    return false;
                r->buf = nb;
                r->cap = cap;
            }
        }
        size_t want = r->cap - r->len;
        if (want > (1u << 30))
            want = 1u << 30;
        int got = gzread(r->f, r->buf + r->len, (unsigned)want);
        if (got < 0) {
            int errnum = 0;
            const char *m = gzerror(r->f, &errnum);
            snprintf(r->gzmsg, sizeof r->gzmsg, "%s", m ? m : "gzip error");
            r->failed = true;
            r->eof = true;
            return false;
        }
        if (got == 0) {
            r->eof = true;
            /* a gzip stream cut short ends with an error only zlib can see */
            int errnum = 0;
            const char *m = gzerror(r->f, &errnum);
            if (errnum != Z_OK && errnum != Z_STREAM_END) {
                snprintf(r->gzmsg, sizeof r->gzmsg, "%s", m ? m : "gzip error");
                r->failed = true;
            }
            return r->len - r->pos >= n;
        }
        r->len += (size_t)got;
    }
    return true;
}

/* Length of the line at pos (up to and including LF), or 0 when none. */
static size_t line_len(reader *r, size_t limit)
{
    size_t have = 0;
    for (;;) {
        for (size_t i = r->pos + have; i < r->len; i++)
            if (r->buf[i] == '\n')
                return i - r->pos + 1;
        have = r->len - r->pos;
        if (have >= limit || !ensure(r, have + 1))
            return 0;
    }
}

static long long offset(const reader *r)
{
    return r->base + (long long)r->pos;
}

typedef struct rec {
    char type[32];
    char uri[2048];
    char date[64];
    char ctype[256];
    long long length;
    bool has_length;
    bool is_warc;
} rec;

static void copy_value(char *dst, size_t cap, const char *v, size_t n)
{
    while (n && (*v == ' ' || *v == '\t')) {
        v++;
        n--;
    }
    while (n && isspace((unsigned char)v[n - 1]))
        n--;
    if (n >= 2 && v[0] == '<' && v[n - 1] == '>') { /* WARC 1.0 wrote <uri> */
        v++;
        n -= 2;
    }
    if (n >= cap)
        n = cap - 1;
    memcpy(dst, v, n);
    dst[n] = 0;
}

static void header_field(rec *h, const char *line, size_t n)
{
    const char *colon = memchr(line, ':', n);
    if (!colon)
        return;
    size_t k = (size_t)(colon - line);
    const char *v = colon + 1;
    size_t vn = n - k - 1;
    if (k == 9 && !strncasecmp(line, "WARC-Type", 9))
        copy_value(h->type, sizeof h->type, v, vn);
    else if (k == 15 && !strncasecmp(line, "WARC-Target-URI", 15))
        copy_value(h->uri, sizeof h->uri, v, vn);
    else if (k == 9 && !strncasecmp(line, "WARC-Date", 9))
        copy_value(h->date, sizeof h->date, v, vn);
    else if (k == 12 && !strncasecmp(line, "Content-Type", 12))
        copy_value(h->ctype, sizeof h->ctype, v, vn);
    else if (k == 14 && !strncasecmp(line, "Content-Length", 14)) {
        char num[32];
        copy_value(num, sizeof num, v, vn);
        char *end;
        long long l = strtoll(num, &end, 10);
        if (end != num && *end == 0 && l >= 0) {
            h->length = l;
            h->has_length = true;
        }
    }
}

/* Copies charset=... from a Content-Type value. */
static void charset_of(const char *ctype, char *out, size_t cap)
{
    out[0] = 0;
    const char *p = ctype;
    while ((p = strchr(p, ';'))) {
        p++;
        while (*p == ' ')
            p++;
        if (!strncasecmp(p, "charset=", 8)) {
            p += 8;
            if (*p == '"')
                p++;
            size_t k = 0;
            while (p[k] && p[k] != '"' && p[k] != ';' && !isspace((unsigned char)p[k]) &&
                   k + 1 < cap) {
                out[k] = p[k];
                k++;
            }
            out[k] = 0;
            return;
        }
    }
}

static bool is_html_type(const char *ct)
{
    while (*ct == ' ')
        ct++;
    return !strncasecmp(ct, "text/html", 9) || !strncasecmp(ct, "application/xhtml", 17);
}

static void report(truce_container_err_cb on_error, void *ctx, const char *path,
                   long long off, int code, const char *msg)
{
    if (!on_error)
        return;
    truce_error e;
    truce_error_set(&e, code, path, off, "%s", msg);
    on_error(ctx, &e);
}

/* Undoes chunked transfer coding in place; returns the new length, or -1. */
static long long dechunk(unsigned char *p, size_t n)
{
    size_t r = 0, w = 0;
    while (r < n) {
        char *end;
        char num[20];
        size_t k = 0;
        while (r + k < n && k < sizeof num - 1 && isxdigit(p[r + k])) {
            num[k] = (char)p[r + k];
            k++;
        }
        num[k] = 0;
        if (!k)
            return -1;
        unsigned long sz = strtoul(num, &end, 16);
        while (r < n && p[r] != '\n')
            r++;
        r++;
        if (sz == 0)
            return (long long)w;
        if (r + sz > n)
            return -1;
        memmove(p + w, p + r, sz);
        w += sz;
        r += sz;
        if (r < n && p[r] == '\r')
            r++;
        if (r < n && p[r] == '\n')
            r++;
    }
    return (long long)w;
}

/* Undoes gzip or deflate Content-Encoding into a new heap buffer (the
 * caller frees it); NULL when the body does not inflate or grows too big. */
static unsigned char *inflate_body(const unsigned char *p, size_t n, size_t *out_len)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, 15 + 32) != Z_OK) /* +32: gzip or zlib header, detected */
        return NULL;
    size_t cap = n * 4 + 4096, len = 0;
    unsigned char *o = malloc(cap);
    z.next_in = (unsigned char *)(uintptr_t)p;
    z.avail_in = (uInt)n;
    int zr = Z_OK;
    while (o && zr != Z_STREAM_END) {
        if (len == cap) {
            if (cap >= MAX_RECORD) {
                free(o);
                o = NULL;
                break;
            }
            unsigned char *no = realloc(o, cap * 2);
            if (!no) {
                free(o);
                o = NULL;
                break;
            }
            o = no;
            cap *= 2;
        }
        z.next_out = o + len;
        z.avail_out = (uInt)(cap - len);
        zr = inflate(&z, Z_NO_FLUSH);
        len = cap - z.avail_out;
        if (zr != Z_OK && zr != Z_STREAM_END) {
            free(o);
            o = NULL;
        }
    }
    inflateEnd(&z);
    *out_len = len;
    return o;
}

/* Hands one complete record block to the callback if it is a document. */
static int deliver(const rec *h, unsigned char *block, size_t n, const char *path,
                   long long off, truce_container_cb cb, truce_container_err_cb on_error,
                   void *ctx)
{
    truce_doc_meta m;
    memset(&m, 0, sizeof m);
    m.path = path;
    m.url = h->uri[0] ? h->uri : NULL;
    m.fetched = h->date[0] ? h->date : NULL;
    char cs[64] = "";
    if (!strcasecmp(h->type, "conversion"))
        return cb(ctx, block, n, &m, TRUCE_FORMAT_TEXT, off);
    if (!strcasecmp(h->type, "resource")) {
        if (!is_html_type(h->ctype))
            return 0;
        charset_of(h->ctype, cs, sizeof cs);
        m.charset = cs[0] ? cs : NULL;
        return cb(ctx, block, n, &m, TRUCE_FORMAT_HTML, off);
    }
    if (strcasecmp(h->type, "response") != 0 || strncasecmp(h->ctype, "application/http", 16))
        return 0;
    /* HTTP status line and headers, then the body */
    size_t i = 0;
    bool html = false, chunked = false, encoded = false, brotli = false;
    int status = 0;
    if (n > 12 && !memcmp(block, "HTTP/", 5)) {
        const unsigned char *sp = memchr(block, ' ', n < 16 ? n : 16);
        if (sp)
            status = atoi((const char *)sp + 1);
    }
    while (i < n) {
        size_t s = i;
        while (i < n && block[i] != '\n')
            i++;
        size_t e = i;
        if (i < n)
            i++;
        if (e > s && block[e - 1] == '\r')
            e--;
        if (e == s)
            break;
        char line[1024];
        size_t ln = e - s < sizeof line - 1 ? e - s : sizeof line - 1;
        memcpy(line, block + s, ln);
        line[ln] = 0;
        if (!strncasecmp(line, "Content-Type:", 13)) {
            html = is_html_type(line + 13);
            charset_of(line + 13, cs, sizeof cs);
        } else if (!strncasecmp(line, "Transfer-Encoding:", 18) && strstr(line, "chunked")) {
            chunked = true;
        } else if (!strncasecmp(line, "Content-Encoding:", 17)) {
            if (strstr(line, "gzip") || strstr(line, "deflate"))
                encoded = true;
            else if (strstr(line, "br"))
                brotli = true;
        }
    }
    if (!html || (status && status != 200))
        return 0;
    if (brotli) {
        report(on_error, ctx, path, off, TRUCE_EINPUT,
               "HTTP body uses brotli Content-Encoding, which this reader does not undo; record skipped");
        return 0;
    }
    size_t body_len = n - i;
    if (chunked) {
        long long l = dechunk(block + i, body_len);
        if (l < 0) {
            report(on_error, ctx, path, off, TRUCE_EINPUT, "broken chunked HTTP body; record skipped");
            return 0;
        }
        body_len = (size_t)l;
    }
    m.charset = cs[0] ? cs : NULL;
    if (encoded) {
        size_t plain_len = 0;
        unsigned char *plain = inflate_body(block + i, body_len, &plain_len);
        if (!plain) {
            report(on_error, ctx, path, off, TRUCE_EINPUT,
                   "HTTP body does not inflate (gzip/deflate Content-Encoding); record skipped");
            return 0;
        }
        int rc = cb(ctx, plain, plain_len, &m, TRUCE_FORMAT_HTML, off);
        free(plain);
        return rc;
    }
    return cb(ctx, block + i, body_len, &m, TRUCE_FORMAT_HTML, off);
}

/* Skips to the next line that starts a WARC record; false at the end. */
static bool resync(reader *r)
{
    for (;;) {
        size_t l = line_len(r, MAX_RECORD);
        if (!l) {
            r->pos = r->len;
            return false;
        }
        if (l >= 7 && !memcmp(r->buf + r->pos, "WARC/1.", 7))
            return true;
        r->pos += l;
    }
}

static bool find_next_header(const unsigned char *p, size_t n, size_t *at)
{
    for (size_t i = 0; i + 11 <= n; i++) {
        if (p[i] == '\n' && !memcmp(p + i + 1, "WARC/1.", 7) &&
            (p[i + 8] == '0' || p[i + 8] == '1') && (p[i + 9] == '\r' || p[i + 9] == '\n')) {
            *at = i + 1;
            return true;
        }
    }
    return false;
}

int truce_ingest_warc(const char *path, truce_container_cb cb, truce_container_err_cb on_error,
                      void *ctx, truce_error *err)
{
    if (!path || !cb)
        return truce_error_set(err, TRUCE_EUSAGE, path, -1, "no path or callback");
    reader r;
    memset(&r, 0, sizeof r);
    r.f = gzopen(path, "rb");
    if (!r.f)
        return truce_error_set(err, TRUCE_EIO, path, -1, "cannot open");
    gzbuffer(r.f, 131072);
    int rc = TRUCE_OK;
    size_t records = 0;
    for (;;) {
        /* skip blank lines between records */
        size_t l;
        while ((l = line_len(&r, 4096)) && (r.buf[r.pos] == '\r' || r.buf[r.pos] == '\n'))
            r.pos += l;
        if (!l)
            break;
        long long off = offset(&r);
        if (l < 7 || memcmp(r.buf + r.pos, "WARC/1.", 7) != 0) {
            if (records == 0) {
                rc = truce_error_set(err, TRUCE_EINPUT, path, off, "not a WARC file");
                break;
            }
            report(on_error, ctx, path, off, TRUCE_EINPUT, "garbage between records; skipped");
            r.pos += l;
            if (!resync(&r))
                break;
            continue;
        }
        r.pos += l;
        rec h;
        memset(&h, 0, sizeof h);
        bool ended = false;
        while ((l = line_len(&r, 65536))) {
            const char *s = (const char *)r.buf + r.pos;
            size_t n = l;
            r.pos += l;
            while (n && (s[n - 1] == '\n' || s[n - 1] == '\r'))
                n--;
            if (n == 0) {
                ended = true;
                break;
            }
            header_field(&h, s, n);
        }
        records++;
        if (!ended) {
            report(on_error, ctx, path, off, TRUCE_EINPUT,
                   r.failed ? "record header cut off by a truncated gzip stream"
                            : "record header cut off at end of file");
            break;
        }
        if (!h.has_length) {
            report(on_error, ctx, path, off, TRUCE_EINPUT, "record without Content-Length; skipped");
            if (!resync(&r))
                break;
            continue;
        }
        if (h.length > (long long)MAX_RECORD) {
            report(on_error, ctx, path, off, TRUCE_EINPUT, "record larger than the size limit; skipped");
            if (!resync(&r))
                break;
            continue;
        }
        size_t n = (size_t)h.length;
        if (!ensure(&r, n)) {
            if (r.failed) {
                char msg[256];
                snprintf(msg, sizeof msg, "truncated or corrupt gzip stream (%s); record lost",
                         r.gzmsg);
                report(on_error, ctx, path, off, TRUCE_EINPUT, msg);
            } else {
                /* the length runs past the end: maybe it lies and a record follows */
                size_t at;
                if (find_next_header(r.buf + r.pos, r.len - r.pos, &at)) {
                    report(on_error, ctx, path, off, TRUCE_EINPUT,
                           "Content-Length runs past the next record; record skipped");
                    r.pos += at;
                    continue;
                }
                report(on_error, ctx, path, off, TRUCE_EINPUT,
                       "record cut off at end of file (Content-Length larger than the data)");
            }
            break;
        }
        unsigned char *block = r.buf + r.pos;
        size_t at;
        /* the next record's header inside this block means Content-Length is too large */
        if (find_next_header(block, n, &at) && at >= 3 &&
            (block[at - 2] == '\n' || (block[at - 2] == '\r' && block[at - 3] == '\n'))) {
            report(on_error, ctx, path, off, TRUCE_EINPUT,
                   "Content-Length runs past the next record; record skipped");
            r.pos += at;
            continue;
        }
        /* a record ends with CRLF CRLF; anything else means the length is wrong */
        bool ok = ensure(&r, n + 2);
        block = r.buf + r.pos;
        if (!ok || (block[n] != '\r' && block[n] != '\n')) {
            if (!r.eof || r.len - r.pos > n) {
                report(on_error, ctx, path, off, TRUCE_EINPUT,
                       "Content-Length does not end at the record boundary; record skipped");
                r.pos += n;
                if (!resync(&r))
                    break;
                continue;
            }
        }
        if (deliver(&h, block, n, path, off, cb, on_error, ctx) != 0)
            break;
        r.pos += n;
    }
    if (r.failed && rc == TRUCE_OK) {
        char msg[256];
        snprintf(msg, sizeof msg, "truncated or corrupt gzip stream (%s)", r.gzmsg);
        report(on_error, ctx, path, offset(&r), TRUCE_EINPUT, msg);
    }
    gzclose(r.f);
    free(r.buf);
    return rc;
}
