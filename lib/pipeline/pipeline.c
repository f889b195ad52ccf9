/*
 * pipeline/pipeline.c: the stages in order for one document and one file.
 * Owns one arena per document (freed before the next); reads files, never
 * prints: refusals go to the caller's report callback with the document's
 * name and the reason, and processing goes on with the next document.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "truce/pipeline.h"

/* Everything after ingest: the date fallback, cleaning, reading, extraction. */
static int process_ingested(truce_arena *a, const truce_resources *res, truce_processed *out,
                            truce_error *err)
{
    int rc;
    truce_document *d = &out->doc;
    const char *name = d->meta.path ? d->meta.path : d->meta.url;
    if (!d->meta.published) {
        char date[11];
        const char *basis = NULL;
        truce_error e2;
        truce_error_clear(&e2);
        if (truce_read_infer_date(a, d->text, d->text_len, date, &basis, &e2) == TRUCE_OK) {
            d->meta.published = truce_arena_strdup(a, date);
            d->published_basis = basis ? basis : "inferred from text";
            if (!d->meta.published)
                return truce_error_set(err, TRUCE_ENOMEM, name, -1, "out of memory");
        } else if (d->meta.fetched && strlen(d->meta.fetched) >= 10) {
            /* A crawled page with no date of its own was current when fetched. */
            d->meta.published = truce_arena_strndup(a, d->meta.fetched, 10);
            d->published_basis = "fetch date (WARC-Date)";
            if (!d->meta.published)
                return truce_error_set(err, TRUCE_ENOMEM, name, -1, "out of memory");
        }
    }
    if ((rc = truce_clean_text(a, d->text, d->text_len, &out->skipped, err)) != TRUCE_OK)
        return rc;
    /* a date known only to its year (copyright line) is a year reference:
     * "Friday" must not become a day of the week before January 1 */
    const char *ref = d->meta.published;
    char year_ref[5];
    if (ref && strlen(ref) >= 4 && truce_read_infer_precision(d->published_basis) == TRUCE_DATE_YEAR) {
        memcpy(year_ref, ref, 4);
        year_ref[4] = 0;
        ref = year_ref;
    }
    if ((rc = truce_read_all(a, res, d->text, d->text_len, ref, &out->reading, err)) != TRUCE_OK)
        return rc;
    /* extraction falls back to the document's day; a year-only date has none */
    truce_extract_input in = { d->text, d->text_len, ref == year_ref ? NULL : d->meta.published,
                               d->meta.source, &out->reading, &out->skipped };
    rc = truce_extract_events(a, &in, &out->events, err);
    if (rc && err && !err->doc[0] && name)
        snprintf(err->doc, sizeof err->doc, "%s", name);
    return rc;
}

int truce_process(truce_arena *a, const truce_resources *res, const unsigned char *raw,
                  size_t len, const truce_doc_meta *meta, truce_format format,
                  const truce_ingest_options *opt, truce_processed *out, truce_error *err)
{
    memset(out, 0, sizeof *out);
    int rc = truce_ingest_document(a, raw, len, meta, format, opt, &out->doc, err);
    if (rc)
        return rc;
    return process_ingested(a, res, out, err);
}

static void report(truce_pipeline *p, const truce_error *e)
{
    if (p->report)
        p->report(p->report_ctx, e);
}

int truce_pipeline_document(truce_pipeline *p, const unsigned char *raw, size_t len,
                            const truce_doc_meta *meta_in, truce_format format)
{
    truce_doc_meta meta = *meta_in;
    const truce_manifest_entry *m = NULL;
    if (p->manifest && meta.path)
        m = truce_manifest_find(p->manifest, meta.path);
    if (m) {
        if (m->url) meta.url = m->url;
        if (m->source) meta.source = m->source;
        if (m->published) meta.published = m->published;
        if (m->lang) meta.lang = m->lang;
    }
    p->stats.documents_seen++;
    truce_error err;
    truce_error_clear(&err);
    const char *name = meta.path ? meta.path : meta.url ? meta.url : "(document)";
    truce_arena *a = truce_arena_new(256 * 1024);
    if (!a) {
        truce_error_set(&err, TRUCE_ENOMEM, name, -1, "out of memory");
        p->stats.failed++;
        report(p, &err);
        return TRUCE_ENOMEM;
    }
    /* Ingest first: it hashes the bytes for the id, and a stored id is a
     * duplicate, reported before any reading. A document ingest refuses may
     * still be stored from an earlier run (with other options): hash it here. */
    truce_processed out;
    memset(&out, 0, sizeof out);
    int rc = truce_ingest_document(a, raw, len, &meta, format, &p->options, &out.doc, &err);
    char id[65];
    if (rc == TRUCE_OK)
        memcpy(id, out.doc.id, sizeof id);
    else
        truce_sha256_hex(raw, len, id);
    if (p->store && truce_store_has(p->store, id)) {
        p->stats.duplicates++;
        truce_error_set(&err, TRUCE_EDUPLICATE, name, -1, "already stored as %.12s; not stored again", id);
        report(p, &err);
        truce_arena_free(a);
        return TRUCE_EDUPLICATE;
    }
    if (rc == TRUCE_OK)
        rc = process_ingested(a, p->resources, &out, &err);
    if (rc == TRUCE_OK && out.doc.warnings) {
        truce_error w;
        truce_error_set(&w, TRUCE_OK, name, -1, "warning: %s", out.doc.warnings);
        report(p, &w);
    }
    if (rc == TRUCE_OK && p->store) {
        truce_doc_record rec = { &out.doc, &out.skipped, &out.reading, &out.events };
        rc = truce_store_put(p->store, &rec, &err);
        if (rc == TRUCE_EDUPLICATE) {
            p->stats.duplicates++;
            truce_error_set(&err, TRUCE_EDUPLICATE, name, -1, "already stored as %.12s; not stored again", out.doc.id);
            report(p, &err);
            truce_arena_free(a);
            return rc;
        }
    }
    if (rc == TRUCE_OK) {
        p->stats.documents_stored++;
        p->stats.bytes += len;
        p->stats.sentences += out.reading.sentences.n;
        p->stats.mentions += out.reading.dates.n + out.reading.numbers.n + out.reading.places.n +
                             out.reading.actors.n;
        p->stats.events += out.events.n;
    } else {
        p->stats.failed++;
        if (!err.doc[0])
            snprintf(err.doc, sizeof err.doc, "%s", name);
        report(p, &err);
    }
    truce_arena_free(a);
    return rc;
}

static int on_container_doc(void *ctx, const unsigned char *raw, size_t len,
                            const truce_doc_meta *meta, truce_format format, long long offset)
{
    (void)offset;
    truce_pipeline_document(ctx, raw, len, meta, format);
    return 0;
}

static void on_container_err(void *ctx, const truce_error *e)
{
    truce_pipeline *p = ctx;
    p->stats.failed++;
    report(p, e);
}

static bool ends_with(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && strcmp(s + n - m, suf) == 0;
}

int truce_pipeline_file(truce_pipeline *p, const char *path)
{
    truce_error err;
    truce_error_clear(&err);
    size_t max = p->options.max_bytes ? p->options.max_bytes : TRUCE_DEFAULT_MAX_BYTES;
    /* Archives stream: their size is not a document's size. */
    bool archive = ends_with(path, ".warc") || ends_with(path, ".warc.gz") || ends_with(path, ".wet") ||
                   ends_with(path, ".wet.gz") || ends_with(path, ".arc.gz");
    if (!archive) {
        FILE *f = fopen(path, "rb");
        if (f) {
            unsigned char head[16];
            size_t k = fread(head, 1, sizeof head, f);
            fclose(f);
            archive = k >= 5 && memcmp(head, "WARC/", 5) == 0;
        }
    }
    if (archive) {
        int rc = truce_ingest_warc(path, on_container_doc, on_container_err, p, &err);
        if (rc) {
            p->stats.failed++;
            report(p, &err);
        }
        return rc;
    }
    unsigned char *raw;
    size_t len;
    int rc = truce_ingest_read_file(path, max, &raw, &len, &err);
    if (rc) {
        p->stats.documents_seen++;
        p->stats.failed++;
        report(p, &err);
        return rc;
    }
    truce_format fmt = truce_ingest_sniff(path, raw, len);
    if (fmt == TRUCE_FORMAT_RSS || fmt == TRUCE_FORMAT_ATOM) {
        rc = truce_ingest_feed(raw, len, path, on_container_doc, p, &err);
        if (rc) {
            p->stats.failed++;
            report(p, &err);
        }
        free(raw);
        return rc;
    }
    truce_doc_meta meta;
    memset(&meta, 0, sizeof meta);
    meta.path = path;
    rc = truce_pipeline_document(p, raw, len, &meta, fmt);
    free(raw);
    return rc;
}
