/*
 * clean/html_internal.h: private pieces of the HTML reader shared between
 * its files (charset decoding, date normalisation). Not part of the API.
 */
#ifndef TRUCE_CLEAN_HTML_INTERNAL_H
#define TRUCE_CLEAN_HTML_INTERNAL_H

#include "truce/common.h"

/* The page as UTF-8, with a map from UTF-8 offsets back to the raw bytes. */
typedef struct html_utf8 {
    char *data;             /* NUL-terminated */
    size_t len;
    const char *charset;    /* the charset used to decode */
    bool identity;          /* data == raw bytes one to one (map unused) */
    truce_offset_map map;
} html_utf8;

/* Picks a charset: BOM, then `declared`, then <meta> in the first 4 KB,
 * else utf-8 when the bytes are valid UTF-8, else windows-1252. */
const char *html_detect_charset(const unsigned char *raw, size_t len, const char *declared);

/* Decodes raw bytes to UTF-8. Refuses binary input with TRUCE_EINPUT. */
int html_to_utf8(truce_arena *a, const unsigned char *raw, size_t len, const char *declared,
                 html_utf8 *out, truce_error *err);

/* Normalises a date string ("2020-11-25T10:00Z", "November 25, 2020",
 * "25 Nov 2020", "/2020/11/25/") into out as YYYY-MM-DD. */
bool html_date_iso(const char *s, char out[11]);
/* Finds a /YYYY/MM/DD/ or /YYYY-MM-DD path piece in a URL. */
bool html_date_from_url(const char *url, char out[11]);

#endif
