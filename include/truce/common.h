/*
 * truce/common.h: what every stage shares.
 *
 * Owns the error record, the per-document arena, byte spans and the small
 * growable buffer. Nothing here prints or exits: every fallible call returns
 * an int status (TRUCE_OK or a TRUCE_E* code) and fills a truce_error that
 * names the document, the byte offset and the reason.
 */
#ifndef TRUCE_COMMON_H
#define TRUCE_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

#define TRUCE_VERSION "0.1.0"

enum truce_status {
    TRUCE_OK = 0,
    TRUCE_ENOMEM = 1,      /* allocation failed */
    TRUCE_EIO = 2,         /* file could not be read or written */
    TRUCE_EINPUT = 3,      /* the document itself is unusable (empty, binary, too large...) */
    TRUCE_ESTORE = 4,      /* the database refused an operation */
    TRUCE_EUSAGE = 5,      /* the caller passed something invalid */
    TRUCE_ENOTFOUND = 6,   /* a looked-up document or event does not exist */
    TRUCE_EDUPLICATE = 7,  /* informational: the document is already stored */
};

/* Filled by any failing call. `doc` names the document (path or URL) when
 * one is involved, `offset` the byte in it (or -1 when none applies). */
typedef struct truce_error {
    int code;
    long long offset;
    char doc[512];
    char msg[512];
} truce_error;

void truce_error_clear(truce_error *err);
/* Sets err (if not NULL) and returns code, so callers can `return truce_error_set(...)`. */
int truce_error_set(truce_error *err, int code, const char *doc, long long offset,
                    const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;
const char *truce_status_name(int code);

/* A half-open byte range [start, end). */
typedef struct truce_span {
    size_t start;
    size_t end;
} truce_span;

/* Arena: one per document. Everything read from a document lives here and
 * is freed at once with truce_arena_free. Allocation failure returns NULL. */
typedef struct truce_arena truce_arena;
truce_arena *truce_arena_new(size_t chunk_size);
void *truce_arena_alloc(truce_arena *a, size_t size);      /* 16-byte aligned */
void *truce_arena_calloc(truce_arena *a, size_t n, size_t size);
char *truce_arena_strndup(truce_arena *a, const char *s, size_t n);
char *truce_arena_strdup(truce_arena *a, const char *s);
char *truce_arena_printf(truce_arena *a, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Grows an arena array: returns a new block of new_n elements holding the old n. */
void *truce_arena_grow(truce_arena *a, void *old, size_t old_n, size_t new_n, size_t elem);
size_t truce_arena_used(const truce_arena *a);
void truce_arena_reset(truce_arena *a);
void truce_arena_free(truce_arena *a);

/* Growable byte buffer on the heap, for output that outlives no arena. */
typedef struct truce_buf {
    char *data;
    size_t len;
    size_t cap;
    bool failed; /* sticky: set once an allocation failed */
} truce_buf;
void truce_buf_init(truce_buf *b);
bool truce_buf_append(truce_buf *b, const void *p, size_t n);
/* Makes room for `extra` more bytes (plus the terminating NUL) without
 * writing them, for callers that fill data + len directly. */
bool truce_buf_reserve(truce_buf *b, size_t extra);
bool truce_buf_puts(truce_buf *b, const char *s);
bool truce_buf_putc(truce_buf *b, char c);
/* Decimal digits of v, without printf's cost. */
bool truce_buf_put_uint(truce_buf *b, unsigned long long v);
bool truce_buf_printf(truce_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Appends s as a JSON string literal, quotes included. */
bool truce_buf_json_string(truce_buf *b, const char *s, size_t n);
/* A NUL-terminated string as a JSON string, or null when s is NULL. */
bool truce_buf_json_text(truce_buf *b, const char *s);
void truce_buf_reset(truce_buf *b);
void truce_buf_free(truce_buf *b);


/* Offset map: piecewise-linear map from a byte offset in a derived text
 * (normalized text, extracted article) back to the original bytes. Segment i
 * maps text[segs[i].text_off .. segs[i+1].text_off) to raw bytes starting at
 * segs[i].raw_off, one to one; where text and raw differ in length inside a
 * segment (a re-encoded or composed character) the whole segment maps to its
 * raw start, and segs[i].raw_len gives the raw length when known (else 0). */
typedef struct truce_offset_seg {
    uint32_t text_off;
    uint32_t raw_off;
    uint32_t raw_len;   /* 0 = one-to-one with the text */
} truce_offset_seg;

typedef struct truce_offset_map {
    truce_offset_seg *segs;
    size_t n;
    size_t cap;
    size_t raw_len;    /* length of the original bytes */
} truce_offset_map;

/* Appends a segment; merges it into the previous one when it continues it linearly. */
int truce_offset_map_add(truce_arena *a, truce_offset_map *m, size_t text_off, size_t raw_off,
                         size_t raw_len);
/* Original byte offset for a text offset (a span end maps via text_off-1, +1). */
size_t truce_offset_to_raw(const truce_offset_map *m, size_t text_off);
truce_span truce_offset_span_to_raw(const truce_offset_map *m, truce_span text_span);
/* Composes: map text offsets through `inner` (text->mid) then `outer` (mid->raw). */
int truce_offset_map_compose(truce_arena *a, const truce_offset_map *inner,
                             const truce_offset_map *outer, truce_offset_map *out);
/* Serialized form for storage: little-endian uint32 triples. */
int truce_offset_map_encode(const truce_offset_map *m, truce_buf *out);
int truce_offset_map_decode(truce_arena *a, const void *blob, size_t len, size_t raw_len,
                            truce_offset_map *out);

#ifdef __cplusplus
}
#endif
#endif
