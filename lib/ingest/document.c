/*
 * ingest/document.c: one blob of bytes and its metadata to a document.
 * Decides the format, decodes plain text (decode.c) or hands HTML to the
 * clean stage, and fills the document's id, text and offset map. Owns
 * nothing beyond the caller's arena; never touches the store or the disk.
 */
#include <ctype.h>
#include <string.h>

#include "truce/ingest.h"
#include "truce/clean.h"

const char *truce_format_name(truce_format f)
{
    switch (f) {
    case TRUCE_FORMAT_TEXT: return "text";
    case TRUCE_FORMAT_HTML: return "html";
    case TRUCE_FORMAT_WARC: return "warc";
    case TRUCE_FORMAT_WET: return "wet";
    case TRUCE_FORMAT_RSS: return "rss";
    case TRUCE_FORMAT_ATOM: return "atom";
    default: return "unknown";
    }
}

static bool ends_with_ci(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    if (m > n)
        return false;
    for (size_t i = 0; i < m; i++)
        if (tolower((unsigned char)s[n - m + i]) != tolower((unsigned char)suffix[i]))
            return false;
    return true;
}

/* Case-insensitive search in the first bytes. */
static bool head_has(const unsigned char *raw, size_t len, const char *needle)
{
    size_t m = strlen(needle), lim = len < 4096 ? len : 4096;
    for (size_t i = 0; i + m <= lim; i++) {
        size_t k = 0;
        while (k < m && tolower(raw[i + k]) == needle[k])
            k++;
        if (k == m)
            return true;
    }
    return false;
}

truce_format truce_ingest_sniff(const char *name, const unsigned char *raw, size_t len)
{
    /* Content first: a file's name can lie, its first bytes rarely do. */
    size_t i = 0;
    if (len >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF)
        i = 3;
    while (i < len && isspace(raw[i]))
        i++;
    if (len - i >= 5 && memcmp(raw + i, "WARC/", 5) == 0)
        return head_has(raw, len, "warc-type: conversion") ? TRUCE_FORMAT_WET : TRUCE_FORMAT_WARC;
    if (len >= 2 && raw[0] == 0x1f && raw[1] == 0x8b) {
        if (name && (ends_with_ci(name, ".warc.gz") || ends_with_ci(name, ".wet.gz")))
            return ends_with_ci(name, ".wet.gz") ? TRUCE_FORMAT_WET : TRUCE_FORMAT_WARC;
        return TRUCE_FORMAT_UNKNOWN; /* other gzip data: the caller decompresses first */
    }
    if (head_has(raw, len, "<rss") && head_has(raw, len, "<channel"))
        return TRUCE_FORMAT_RSS;
    if (head_has(raw, len, "<feed") && head_has(raw, len, "http://www.w3.org/2005/atom"))
        return TRUCE_FORMAT_ATOM;
    if (head_has(raw, len, "<!doctype html") || head_has(raw, len, "<html") ||
        (head_has(raw, len, "<body") && head_has(raw, len, "</")) ||
        (head_has(raw, len, "<p>") && head_has(raw, len, "</p>")))
        return TRUCE_FORMAT_HTML;
    if (name) {
        if (ends_with_ci(name, ".warc") || ends_with_ci(name, ".warc.gz"))
            return TRUCE_FORMAT_WARC;
        if (ends_with_ci(name, ".wet") || ends_with_ci(name, ".wet.gz"))
            return TRUCE_FORMAT_WET;
        if (ends_with_ci(name, ".rss"))
            return TRUCE_FORMAT_RSS;
        if (ends_with_ci(name, ".atom"))
            return TRUCE_FORMAT_ATOM;
        if (ends_with_ci(name, ".html") || ends_with_ci(name, ".htm") || ends_with_ci(name, ".xhtml"))
            return TRUCE_FORMAT_HTML;
    }
    return TRUCE_FORMAT_TEXT;
}

static const char *label(const truce_doc_meta *m)
{
    return m->path ? m->path : m->url ? m->url : "(document)";
}

int truce_ingest_document(truce_arena *a, const unsigned char *raw, size_t len,
                          const truce_doc_meta *meta, truce_format format,
                          const truce_ingest_options *opt, truce_document *doc, truce_error *err)
{
    memset(doc, 0, sizeof *doc);
    doc->meta = *meta;
    const char *name = label(meta);
    size_t max = opt && opt->max_bytes ? opt->max_bytes : TRUCE_DEFAULT_MAX_BYTES;
    if (len > max)
        return truce_error_set(err, TRUCE_EINPUT, name, -1,
                               "document is %zu bytes, over the limit of %zu bytes", len, max);
    if (len > UINT32_MAX / 4)
        return truce_error_set(err, TRUCE_EINPUT, name, -1, "document too large to map offsets");
    if (len == 0)
        return truce_error_set(err, TRUCE_EINPUT, name, 0, "empty document");
    truce_sha256_hex(raw, len, doc->id);
    doc->raw = raw;
    doc->raw_len = len;
    if (format == TRUCE_FORMAT_UNKNOWN)
        format = truce_ingest_sniff(meta->path, raw, len);
    if (format == TRUCE_FORMAT_UNKNOWN)
        return truce_error_set(err, TRUCE_EINPUT, name, 0, "unrecognized format (compressed or binary data)");
    if (format != TRUCE_FORMAT_TEXT && format != TRUCE_FORMAT_HTML)
        return truce_error_set(err, TRUCE_EUSAGE, name, 0,
                               "%s is a container: read it with the container readers",
                               truce_format_name(format));
    doc->format = format;
    doc->published_basis = meta->published ? "metadata" : NULL;
    if (format == TRUCE_FORMAT_TEXT) {
        char *text;
        size_t tl;
        const char *warning;
        int rc = truce_ingest_decode(a, raw, len, meta->charset, name, &text, &tl, &doc->map,
                                     &doc->encoding, &warning, err);
        if (rc)
            return rc;
        doc->text = text;
        doc->text_len = tl;
        doc->warnings = warning;
        return TRUCE_OK;
    }
    truce_article art;
    int rc = truce_clean_html(a, raw, len, meta->charset, meta->url, &art, err);
    if (rc) {
        if (err && !err->doc[0])
            truce_error_set(err, rc, name, err->offset, "%s", err->msg);
        return rc;
    }
    doc->text = art.text;
    doc->text_len = art.text_len;
    doc->map = art.map;
    doc->map.raw_len = len;
    doc->encoding = art.charset ? art.charset : "utf-8";
    doc->title = art.title;
    doc->author = art.author;
    if (!doc->meta.published && art.published) {
        doc->meta.published = art.published;
        doc->published_basis = art.published_basis ? art.published_basis : "html";
    }
    if (!doc->meta.url && art.url)
        doc->meta.url = art.url;
    if (!doc->meta.lang && art.lang)
        doc->meta.lang = art.lang;
    if (!doc->meta.source && art.site_name)
        doc->meta.source = art.site_name;
    return TRUCE_OK;
}
