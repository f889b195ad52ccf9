/*
 * truce/pipeline.h: the stages in order, for one document or one file.
 * ingest -> clean -> read -> extract -> store. This is what `truce ingest`
 * and the benchmarks call; each stage stays usable on its own.
 */
#ifndef TRUCE_PIPELINE_H
#define TRUCE_PIPELINE_H

#include "truce/common.h"
#include "truce/ingest.h"
#include "truce/clean.h"
#include "truce/read.h"
#include "truce/extract.h"
#include "truce/store.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct truce_pipeline_stats {
    size_t documents_seen;
    size_t documents_stored;
    size_t duplicates;
    size_t failed;
    size_t bytes;
    size_t sentences;
    size_t mentions;
    size_t events;
} truce_pipeline_stats;

/* Called for every document that was refused (err names it and says why)
 * and for duplicates (err->code == TRUCE_EDUPLICATE) and warnings. */
typedef void (*truce_pipeline_report)(void *ctx, const truce_error *err);

typedef struct truce_pipeline {
    truce_store *store;                /* may be NULL: process without storing */
    const truce_resources *resources;
    truce_ingest_options options;
    const truce_manifest *manifest;    /* may be NULL */
    truce_pipeline_report report;
    void *report_ctx;
    truce_pipeline_stats stats;
} truce_pipeline;

/* Processes one document's bytes end to end. Returns TRUCE_OK, TRUCE_EDUPLICATE,
 * or the error that stopped it (already reported). */
int truce_pipeline_document(truce_pipeline *p, const unsigned char *raw, size_t len,
                            const truce_doc_meta *meta, truce_format format);

/* Reads a file (plain text, HTML, WARC/WET, feed, optionally gzip-compressed)
 * and processes every document in it. */
int truce_pipeline_file(truce_pipeline *p, const char *path);

/* For tools that want events without a store (`truce annotate`, tests). */
typedef struct truce_processed {
    truce_document doc;
    truce_region_list skipped;
    truce_reading reading;
    truce_event_list events;
} truce_processed;

int truce_process(truce_arena *a, const truce_resources *res, const unsigned char *raw,
                  size_t len, const truce_doc_meta *meta, truce_format format,
                  const truce_ingest_options *opt, truce_processed *out, truce_error *err);

#ifdef __cplusplus
}
#endif
#endif
