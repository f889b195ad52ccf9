/*
 * ingest/feed.c: RSS 2.0 and Atom feeds, read by a small tolerant scanner
 * rather than an XML library, so a feed with a stray ampersand or an
 * unclosed tag still yields its items. Owns per-item scratch memory only,
 * freed after the callback returns. Must not fetch links or parse the item
 * HTML: an item's content goes to the callback as HTML (or text) bytes.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "clean/html_internal.h"
#include "truce/ingest.h"

typedef struct span_ {
    const char *p;
    size_t n;
    bool cdata;
    const char *attrs;     /* the opening tag's attributes, not terminated */
    size_t attrs_n;
} span_;

static bool name_eq(const char *p, size_t n, const char *name)
{
    return strlen(name) == n && strncasecmp(p, name, n) == 0;
}

/* Finds the first child element named `name` (with or without a namespace
 * prefix when `name` has none) between p and end. */
static bool find_elem(const char *p, const char *end, const char *name, span_ *out)
{
    size_t nl = strlen(name);
    while (p < end) {
        const char *lt = memchr(p, '<', (size_t)(end - p));
        if (!lt)
            return false;
        p = lt + 1;
        if (p < end && (*p == '/' || *p == '?'))
            continue;
        if (end - p >= 8 && !memcmp(p, "![CDATA[", 8)) {
            const char *c = p;
            for (; c + 3 <= end; c++)
                if (!memcmp(c, "]]>", 3))
                    break;
            p = c;
            continue;
        }
        if (end - p >= 3 && !memcmp(p, "!--", 3)) {
            const char *c = p;
            for (; c + 3 <= end; c++)
                if (!memcmp(c, "-->", 3))
                    break;
            p = c;
            continue;
        }
        const char *ns = p;
        while (ns < end && !isspace((unsigned char)*ns) && *ns != '>' && *ns != '/')
            ns++;
        size_t tn = (size_t)(ns - p);
        bool match = tn == nl && !strncasecmp(p, name, nl);
        if (!match && !strchr(name, ':')) {
            const char *colon = memchr(p, ':', tn);
            if (colon && name_eq(colon + 1, (size_t)(ns - colon - 1), name) &&
                !name_eq(p, (size_t)(colon - p), "media"))
                match = true;
        }
        if (!match)
            continue;
        const char *gt = memchr(ns, '>', (size_t)(end - ns));
        if (!gt)
            return false;
        out->attrs = ns;
        out->attrs_n = (size_t)(gt - ns);
        if (gt > ns && gt[-1] == '/') { /* <link href="..."/> */
            out->p = gt;
            out->n = 0;
            out->cdata = false;
            out->attrs_n--;
            return true;
        }
        const char *body = gt + 1;
        /* closing tag with the same spelling */
        const char *c = body;
        for (;;) {
            const char *lt2 = c < end ? memchr(c, '<', (size_t)(end - c)) : NULL;
            if (!lt2) {
                c = end;
                break;
            }
            if (end - lt2 >= 9 && !memcmp(lt2, "<![CDATA[", 9)) {
                const char *q = lt2 + 9;
                for (; q + 3 <= end; q++)
                    if (!memcmp(q, "]]>", 3))
                        break;
                c = q + 3 <= end ? q + 3 : end;
                continue;
            }
            if (lt2 + 2 + tn < end && lt2[1] == '/' && !strncasecmp(lt2 + 2, p, tn) &&
                (lt2[2 + tn] == '>' || isspace((unsigned char)lt2[2 + tn]))) {
                c = lt2;
                break;
            }
            c = lt2 + 1;
        }
        out->p = body;
        out->n = (size_t)(c - body);
        out->cdata = false;
        /* trim and unwrap a CDATA section */
        while (out->n && isspace((unsigned char)*out->p)) {
            out->p++;
            out->n--;
        }
        while (out->n && isspace((unsigned char)out->p[out->n - 1]))
            out->n--;
        if (out->n >= 12 && !memcmp(out->p, "<![CDATA[", 9) && !memcmp(out->p + out->n - 3, "]]>", 3)) {
            out->p += 9;
            out->n -= 12;
            out->cdata = true;
        }
        return true;
    }
    return false;
}

static bool attr_value(const span_ *s, const char *name, char *out, size_t cap)
{
    size_t nl = strlen(name);
    const char *p = s->attrs, *end = s->attrs + s->attrs_n;
    for (; p + nl < end; p++) {
        if (strncasecmp(p, name, nl) || !isspace((unsigned char)p[-1]) || p[nl] != '=')
            continue;
        const char *v = p + nl + 1;
        char q = (*v == '"' || *v == '\'') ? *v++ : ' ';
        size_t k = 0;
        while (v < end && *v != q && k + 1 < cap)
            out[k++] = *v++;
        out[k] = 0;
        return true;
    }
    return false;
}

static int hexval(int c)
{
    return isdigit(c) ? c - '0' : tolower(c) - 'a' + 10;
}

/* Decodes XML entities (and numeric references) into a new heap string. */
static char *unescape(const char *p, size_t n, bool cdata)
{
    char *o = malloc(n * 2 + 1);
    if (!o)
        return NULL;
    size_t w = 0;
    for (size_t i = 0; i < n; i++) {
        if (cdata || p[i] != '&') {
            o[w++] = p[i];
            continue;
        }
        const char *semi = memchr(p + i, ';', n - i < 12 ? n - i : 12);
        if (!semi) {
            o[w++] = '&';
            continue;
        }
        size_t en = (size_t)(semi - (p + i));
        const char *e = p + i + 1;
        unsigned long cp = 0;
        if (en == 3 && !memcmp(e, "lt", 2)) cp = '<';
        else if (en == 3 && !memcmp(e, "gt", 2)) cp = '>';
        else if (en == 4 && !memcmp(e, "amp", 3)) cp = '&';
        else if (en == 5 && !memcmp(e, "quot", 4)) cp = '"';
        else if (en == 5 && !memcmp(e, "apos", 4)) cp = '\'';
        else if (en > 2 && e[0] == '#') {
            bool hex = e[1] == 'x' || e[1] == 'X';
            for (size_t k = hex ? 2 : 1; k < en - 1; k++) {
                if (!(hex ? isxdigit((unsigned char)e[k]) : isdigit((unsigned char)e[k]))) {
                    cp = 0;
                    break;
                }
                cp = cp * (hex ? 16 : 10) + (unsigned long)(hex ? hexval(e[k]) : e[k] - '0');
                if (cp > 0x10FFFF) {
                    cp = 0;
                    break;
                }
            }
        }
        if (!cp || (cp >= 0xD800 && cp < 0xE000)) {
            o[w++] = '&';
            continue;
        }
        if (cp < 0x80) o[w++] = (char)cp;
        else if (cp < 0x800) {
            o[w++] = (char)(0xC0 | (cp >> 6));
            o[w++] = (char)(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            o[w++] = (char)(0xE0 | (cp >> 12));
            o[w++] = (char)(0x80 | ((cp >> 6) & 0x3F));
            o[w++] = (char)(0x80 | (cp & 0x3F));
        } else {
            o[w++] = (char)(0xF0 | (cp >> 18));
            o[w++] = (char)(0x80 | ((cp >> 12) & 0x3F));
            o[w++] = (char)(0x80 | ((cp >> 6) & 0x3F));
            o[w++] = (char)(0x80 | (cp & 0x3F));
        }
        i += en;
    }
    o[w] = 0;
    return o;
}

static bool looks_html(const char *s)
{
    for (const char *p = strchr(s, '<'); p; p = strchr(p + 1, '<'))
        if (isalpha((unsigned char)p[1]) || p[1] == '/')
            return true;
    return false;
}

static int item(const char *p, const char *end, bool atom, const char *name, long long off,
                truce_container_cb cb, void *ctx)
{
    span_ s;
    char *title = NULL, *link = NULL, *body = NULL;
    char date[11] = "";
    if (find_elem(p, end, "title", &s))
        title = unescape(s.p, s.n, s.cdata);
    if (atom) {
        /* prefer rel="alternate" (or no rel) among the links */
        const char *q = p;
        while (!link && q < end && find_elem(q, end, "link", &s)) {
            char rel[32] = "", href[2048];
            attr_value(&s, "rel", rel, sizeof rel);
            if ((!rel[0] || !strcasecmp(rel, "alternate")) && attr_value(&s, "href", href, sizeof href))
                link = unescape(href, strlen(href), false);
            q = s.attrs + s.attrs_n + 1;
        }
    } else if (find_elem(p, end, "link", &s) && s.n) {
        link = unescape(s.p, s.n, s.cdata);
    } else if (find_elem(p, end, "guid", &s) && s.n && (s.n > 4 && !strncmp(s.p, "http", 4))) {
        link = unescape(s.p, s.n, s.cdata);
    }
    static const char *const date_tags[] = { "pubDate", "published", "dc:date", "date",
                                              "updated", NULL };
    for (size_t i = 0; date_tags[i] && !date[0]; i++) {
        if (find_elem(p, end, date_tags[i], &s) && s.n < 100) {
            char v[100];
            memcpy(v, s.p, s.n);
            v[s.n] = 0;
            if (!html_date_iso(v, date))
                date[0] = 0;
        }
    }
    static const char *const body_tags[] = { "content:encoded", "content", "description",
                                             "summary", NULL };
    for (size_t i = 0; body_tags[i] && !body; i++)
        if (find_elem(p, end, body_tags[i], &s) && s.n)
            body = unescape(s.p, s.n, s.cdata);
    int rc = 0;
    if (body || title) {
        truce_doc_meta m;
        memset(&m, 0, sizeof m);
        m.path = name;
        m.url = link;
        m.title = title;
        m.published = date[0] ? date : NULL;
        const char *b = body ? body : title;
        rc = cb(ctx, (const unsigned char *)b, strlen(b), &m,
                looks_html(b) ? TRUCE_FORMAT_HTML : TRUCE_FORMAT_TEXT, off);
    }
    free(title);
    free(link);
    free(body);
    return rc;
}

int truce_ingest_feed(const unsigned char *raw, size_t len, const char *name,
                      truce_container_cb cb, void *ctx, truce_error *err)
{
    if (!raw || !cb)
        return truce_error_set(err, TRUCE_EUSAGE, name, -1, "no feed or callback");
    const char *p = (const char *)raw, *end = p + len;
    span_ probe;
    bool atom = find_elem(p, end, "feed", &probe) && !find_elem(p, end, "rss", &probe);
    const char *tag = atom ? "entry" : "item";
    size_t items = 0;
    span_ s;
    while (find_elem(p, end, tag, &s)) {
        items++;
        const char *iend = s.p + s.n;
        if (s.cdata) /* an item body is never a CDATA section */
            iend = s.p + s.n + 3;
        if (item(s.p, iend, atom, name, (long long)(s.p - (const char *)raw), cb, ctx))
            return TRUCE_OK;
        p = iend > p ? iend : p + 1;
    }
    if (!items)
        return truce_error_set(err, TRUCE_EINPUT, name, -1,
                               "no RSS <item> or Atom <entry> found in the feed");
    return TRUCE_OK;
}
