/*
 * truce/ingest.h: the ingest stage. Bytes and metadata in, a document out.
 *
 * A document is identified by the SHA-256 of its original bytes, keeps those
 * bytes, and carries its normalized text (UTF-8, NFC, LF line ends) with an
 * offset map back into the original. Ingest decides the format (plain text,
 * HTML, WARC, feed) by extension and by sniffing, decodes the charset, and
 * refuses what it cannot use with a reason; it never stores anything itself.
 */
#ifndef TRUCE_INGEST_H
#define TRUCE_INGEST_H

#include "truce/common.h"

#ifdef __cplusplus
extern "C" {
#endif

#define TRUCE_DEFAULT_MAX_BYTES (50u * 1024u * 1024u)

typedef enum truce_format {
    TRUCE_FORMAT_UNKNOWN = 0,
    TRUCE_FORMAT_TEXT,
    TRUCE_FORMAT_HTML,
    TRUCE_FORMAT_WARC,
    TRUCE_FORMAT_WET,
    TRUCE_FORMAT_RSS,
    TRUCE_FORMAT_ATOM,
} truce_format;

const char *truce_format_name(truce_format f);

/* Metadata about a document that does not come from its bytes. */
typedef struct truce_doc_meta {
    const char *path;        /* file path, or NULL */
    const char *url;         /* URL (manifest, WARC-Target-URI, feed link) */
    const char *source;      /* outlet or source name */
    const char *published;   /* YYYY-MM-DD as given, or NULL */
    const char *lang;        /* BCP 47 tag, or NULL */
    const char *fetched;     /* WARC-Date, or NULL */
    const char *charset;     /* charset declared outside the bytes (HTTP header), or NULL */
    const char *title;       /* title from the container (feed item), or NULL */
} truce_doc_meta;

typedef struct truce_document {
    char id[65];               /* lower-case hex SHA-256 of the original bytes */
    truce_doc_meta meta;
    truce_format format;
    const char *encoding;      /* "utf-8", "utf-16le", "windows-1252"... */
    const unsigned char *raw;  /* original bytes */
    size_t raw_len;
    const char *text;          /* normalized clean text, NUL-terminated */
    size_t text_len;
    truce_offset_map map;      /* text offset -> raw offset */
    const char *title;         /* from the article (HTML) or first headline, or NULL */
    const char *author;
    const char *published_basis; /* "manifest", "meta article:published_time", "dateline"... */
    const char *warnings;      /* "; "-joined warnings, or NULL */
} truce_document;

typedef struct truce_ingest_options {
    size_t max_bytes;          /* 0: TRUCE_DEFAULT_MAX_BYTES */
} truce_ingest_options;

/* Hex SHA-256 of bytes into out[65]. */
void truce_sha256_hex(const void *data, size_t len, char out[65]);

/* Reads a whole file into a malloc'd buffer (free it), inflating gzip data;
 * refuses files or inflated data over max_bytes and truncated gzip. */
int truce_ingest_read_file(const char *path, size_t max_bytes, unsigned char **out, size_t *len,
                           truce_error *err);

/* Guesses a format from a name (may be NULL) and the first bytes. */
truce_format truce_ingest_sniff(const char *name, const unsigned char *raw, size_t len);

/* Decodes bytes to normalized text: charset detection (BOM, declared charset,
 * valid UTF-8, else Windows-1252 with a warning), NFC, line ends unified.
 * Refuses empty, binary and over-size input with TRUCE_EINPUT. */
int truce_ingest_decode(truce_arena *a, const unsigned char *raw, size_t len,
                        const char *charset, const char *name, char **text, size_t *text_len,
                        truce_offset_map *map, const char **encoding, const char **warning,
                        truce_error *err);

/* Builds a document from one plain-text or HTML blob (not a container). The
 * raw bytes are referenced, not copied: keep them alive as long as doc. */
int truce_ingest_document(truce_arena *a, const unsigned char *raw, size_t len,
                          const truce_doc_meta *meta, truce_format format,
                          const truce_ingest_options *opt, truce_document *doc, truce_error *err);

/* ---- manifests --------------------------------------------------------- */

/* One line of a JSON Lines manifest: {"file","url","source","published","lang"}. */
typedef struct truce_manifest_entry {
    const char *file;
    const char *url;
    const char *source;
    const char *published;
    const char *lang;
} truce_manifest_entry;

typedef struct truce_manifest {
    truce_manifest_entry *items;
    size_t n;
} truce_manifest;

int truce_manifest_load(truce_arena *a, const char *path, truce_manifest *out, truce_error *err);
/* Finds the entry whose `file` equals the path or its base name; NULL if none. */
const truce_manifest_entry *truce_manifest_find(const truce_manifest *m, const char *path);

/* ---- containers: WARC, WET, RSS, Atom ---------------------------------- */

/* Called once per document found in a container. Returning non-zero stops. */
typedef int (*truce_container_cb)(void *ctx, const unsigned char *raw, size_t len,
                                  const truce_doc_meta *meta, truce_format format,
                                  long long record_offset);

/* Streams a WARC/WET file (plain or gzip per record/whole file), calling cb
 * for every HTML response or conversion record. Memory does not grow with
 * the archive. Bad records are reported through `on_error` and skipped. */
typedef void (*truce_container_err_cb)(void *ctx, const truce_error *err);
int truce_ingest_warc(const char *path, truce_container_cb cb, truce_container_err_cb on_error,
                      void *ctx, truce_error *err);

/* Parses an RSS 2.0 or Atom feed in memory and calls cb for every item. */
int truce_ingest_feed(const unsigned char *raw, size_t len, const char *name,
                      truce_container_cb cb, void *ctx, truce_error *err);

#ifdef __cplusplus
}
#endif
#endif
