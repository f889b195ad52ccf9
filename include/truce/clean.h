/*
 * truce/clean.h: the clean stage. Keeps the article, drops the furniture.
 *
 * For HTML: parses the page (gumbo), finds the article body and its metadata
 * (title, date, author, site, canonical URL, language), and produces the
 * article text with each paragraph's span in the original HTML bytes.
 * For plain text: finds regions that are page furniture or reader comments
 * (comment threads, donation widgets, "Click to see full-size image", tag
 * lists, copyright lines, repeated titles) and records them with a reason, so
 * extraction reads only the body.
 */
#ifndef TRUCE_CLEAN_H
#define TRUCE_CLEAN_H

#include "truce/common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct truce_region {
    truce_span span;          /* in the text the regions were found in */
    const char *reason;       /* "reader comments", "donation widget", "image caption"... */
} truce_region;

typedef struct truce_region_list {
    truce_region *items;
    size_t n;
} truce_region_list;

/* Finds furniture in plain (normalized) text. */
int truce_clean_text(truce_arena *a, const char *text, size_t len, truce_region_list *out,
                     truce_error *err);

/* True when [start,end) overlaps any region. */
bool truce_regions_overlap(const truce_region_list *r, truce_span s);

typedef struct truce_paragraph {
    truce_span text;          /* in the article text */
    truce_span source;        /* in the original HTML bytes */
    const char *tag;          /* "p", "h2", "li", "blockquote"... */
} truce_paragraph;

typedef struct truce_article {
    const char *title;
    const char *published;    /* YYYY-MM-DD or NULL */
    const char *published_basis;
    const char *author;
    const char *site_name;
    const char *url;          /* canonical URL */
    const char *lang;
    const char *charset;      /* the charset the page was decoded with */
    char *text;               /* paragraphs joined by blank lines, NUL-terminated */
    size_t text_len;
    truce_paragraph *paragraphs;
    size_t n_paragraphs;
    truce_offset_map map;     /* article text offset -> HTML byte offset */
} truce_article;

/* Extracts the article from HTML bytes. `charset` is a declared charset from
 * outside the page (HTTP header) or NULL. A page with no article yields
 * TRUCE_EINPUT with the reason, never a silently empty article. */
int truce_clean_html(truce_arena *a, const unsigned char *html, size_t len, const char *charset,
                     const char *url, truce_article *out, truce_error *err);

#ifdef __cplusplus
}
#endif
#endif
