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
