/*
 * ingest/sniff.c: deciding a document's format from its first bytes and name.
 * Content first: a file's name can lie, its first bytes rarely do.
 */
#include <ctype.h>
#include <string.h>

#include "truce/ingest.h"

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
    /* Most needles start with '<', which plain text seldom has: jump from
     * one candidate byte to the next instead of comparing at every byte. */
    bool jump = m && !isalpha((unsigned char)needle[0]);
    for (size_t i = 0; i + m <= lim; i++) {
        if (jump) {
            const unsigned char *c = memchr(raw + i, needle[0], lim - m + 1 - i);
            if (!c)
                return false;
            i = (size_t)(c - raw);
        }
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

