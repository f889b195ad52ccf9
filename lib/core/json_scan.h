/*
 * core/json_scan.h: a small reader for flat JSON objects (one manifest line,
 * one gold record). Values are strings, numbers, true/false/null; nested
 * values are skipped. Not a general JSON library: it exists so manifests need
 * no dependency.
 */
#ifndef TRUCE_JSON_SCAN_H
#define TRUCE_JSON_SCAN_H

#include "truce/common.h"

typedef struct json_field {
    const char *key;
    const char *value;   /* decoded string, number text, "true"/"false"; NULL for null */
    bool is_string;
} json_field;

/* Parses `{...}`; returns TRUCE_EINPUT with err->offset at the bad byte. */
int json_scan_object(truce_arena *a, const char *s, size_t len, json_field **fields, size_t *n,
                     truce_error *err, const char *doc);
const char *json_get(const json_field *f, size_t n, const char *key);

#endif
