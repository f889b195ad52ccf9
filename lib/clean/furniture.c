/*
 * clean/furniture.c: finding page furniture and reader comments in plain text.
 * Owns nothing; regions live in the caller's arena. Must not change the text:
 * it only marks regions, with a reason, that extraction must not read.
 *
 * Why line-based: text copied out of a web page keeps the page's blocks as
 * lines, and furniture is recognisable by the shape of a whole line (a lone
 * "Support X", amounts with currency signs, a timestamp under a name) far more
 * reliably than by words inside sentences. A comment thread, once it starts,
 * runs to the end of the page, so its marker opens a region to the end.
 */
#include <ctype.h>
#include <string.h>

#include "core/ascii.h"
#include "truce/clean.h"

typedef struct line {
    size_t start, end;   /* trimmed */
} line;

typedef struct regions {
    truce_arena *a;
    truce_region *items;
    size_t n, cap;
} regions;

static int add(regions *r, size_t s, size_t e, const char *reason)
{
    if (e <= s)
        return TRUCE_OK;
    if (r->n && r->items[r->n - 1].span.end >= s && strcmp(r->items[r->n - 1].reason, reason) == 0) {
        if (e > r->items[r->n - 1].span.end)
            r->items[r->n - 1].span.end = e;
        return TRUCE_OK;
    }
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 16;
        truce_region *p = truce_arena_grow(r->a, r->items, r->n, cap, sizeof *p);
        if (!p)
            return TRUCE_ENOMEM;
        r->items = p;
        r->cap = cap;
    }
    r->items[r->n].span.start = s;
    r->items[r->n].span.end = e;
    r->items[r->n].reason = reason;
    r->n++;
    return TRUCE_OK;
}

static bool line_is(const char *t, const line *l, const char *word)
{
    size_t n = strlen(word);
    return l->end - l->start == n && truce_ascii_ncase_eq(t + l->start, word, n);
}

static bool line_starts(const char *t, const line *l, const char *prefix)
{
    size_t n = strlen(prefix);
    return l->end - l->start >= n && truce_ascii_ncase_eq(t + l->start, prefix, n);
}

static bool line_has(const char *t, const line *l, const char *needle)
{
    size_t n = strlen(needle);
    if (!n)
        return true;
    if (l->end - l->start < n)
        return false;
    /* OR 0x20 folds letters to lower case; any other byte it lets through
     * is refused by the full comparison */
    unsigned char first = (unsigned char)(truce_ascii_fold((unsigned char)needle[0]) | 0x20);
    const unsigned char *u = (const unsigned char *)t;
    for (size_t i = l->start, last = l->end - n; i <= last; i++)
        if ((u[i] | 0x20) == first && truce_ascii_ncase_eq(t + i, needle, n))
            return true;
    return false;
}

static size_t word_count(const char *t, const line *l)
{
    size_t n = 0;
    bool in = false;
    for (size_t i = l->start; i < l->end; i++) {
        bool sp = truce_ascii_space((unsigned char)t[i]);
        if (!sp && !in)
            n++;
        in = !sp;
    }
    return n;
}

static bool ends_sentence(const char *t, const line *l)
{
    size_t e = l->end;
    while (e > l->start && (t[e - 1] == '"' || t[e - 1] == '\'' || t[e - 1] == ')' ||
                            (unsigned char)t[e - 1] >= 0x80))
        e--;
    return e > l->start && (t[e - 1] == '.' || t[e - 1] == '!' || t[e - 1] == '?');
}

/* "0 $", "2,500 $", "$ 1,000", "€50": amounts alone on a line (a donation widget). */
static bool is_amount_line(const char *t, const line *l)
{
    bool digit = false, currency = false;
    for (size_t i = l->start; i < l->end; i++) {
        unsigned char c = (unsigned char)t[i];
        if (isdigit(c))
            digit = true;
        else if (c == '$')
            currency = true;
        else if (c == 0xE2 && i + 2 < l->end && (unsigned char)t[i + 1] == 0x82 &&
                 (unsigned char)t[i + 2] == 0xAC) { /* € */
            currency = true;
            i += 2;
        } else if (c == 0xC2 && i + 1 < l->end && (unsigned char)t[i + 1] == 0xA3) { /* £ */
            currency = true;
            i++;
        } else if (c != ',' && c != '.' && c != ' ')
            return false;
    }
    return digit && currency;
}

/* "2020-11-17 16:37", "17.11.2020 at 16:37", "November 17, 2020 at 4:37 pm":
 * a line that is only a date and time, as comment threads print under names. */
static bool is_timestamp_line(const char *t, const line *l)
{
    size_t digits = 0, colon = 0, letters = 0;
    for (size_t i = l->start; i < l->end; i++) {
        unsigned char c = (unsigned char)t[i];
        if (isdigit(c))
            digits++;
        else if (c == ':')
            colon++;
        else if (isalpha(c))
            letters++;
    }
    return colon >= 1 && digits >= 6 && letters <= 14 && l->end - l->start <= 40;
}

/* "Giorgi T.", "Ana M.": a name ending in an initial, which ends with a
 * period without ending a sentence. */
static bool ends_with_initial(const char *t, const line *l)
{
    size_t e = l->end;
    return e - l->start >= 4 && t[e - 1] == '.' && isupper((unsigned char)t[e - 2]) && t[e - 3] == ' ';
}

/* "Reply", "Reply ↓", "Report": what a comment thread prints under each comment. */
static bool is_reply_line(const char *t, const line *l)
{
    return line_is(t, l, "reply") || line_is(t, l, "reply \u2193") || line_is(t, l, "report") ||
           line_is(t, l, "like reply") || line_is(t, l, "reply report");
}

static const char *const COMMENT_MARKERS[] = {
    "comments", "comment", "leave a comment", "leave a reply", "post a comment",
    "post a new comment", "notify of", "newest most voted", "oldest newest most voted",
    "inline feedbacks", "view all comments", "show comments", "add a comment", "add comment",
    "join the discussion", "reader comments", "comments are closed", "discussion", "responses",
};

/* Single generic words are only markers after a real article. */
static bool is_weak_marker(const char *t, const line *l)
{
    return line_is(t, l, "comments") || line_is(t, l, "comment") || line_is(t, l, "discussion") ||
           line_is(t, l, "responses");
}

/* "Comments (2)", "Comments:", "Readers' comments (14)": the marker with a
 * count in brackets or a colon after it. */
static line without_count(const char *t, const line *l)
{
    line m = *l;
    while (m.end > m.start && (t[m.end - 1] == ' ' || t[m.end - 1] == ':'))
        m.end--;
    if (m.end > m.start && t[m.end - 1] == ')') {
        size_t i = m.end - 1;
        while (i > m.start && isdigit((unsigned char)t[i - 1]))
            i--;
        if (i > m.start + 1 && i < m.end - 1 && t[i - 1] == '(') {
            m.end = i - 1;
            while (m.end > m.start && t[m.end - 1] == ' ')
                m.end--;
        }
    }
    return m;
}

static bool is_comment_marker(const char *t, const line *l0)
{
    line stripped = without_count(t, l0);
    const line *l = &stripped;
    for (size_t i = 0; i < sizeof COMMENT_MARKERS / sizeof *COMMENT_MARKERS; i++)
        if (line_is(t, l, COMMENT_MARKERS[i]))
            return true;
    if (line_is(t, l, "readers' comments") || line_is(t, l, "readers\u2019 comments") ||
        line_is(t, l, "reader\u2019s comments") || line_is(t, l, "reader's comments") ||
        line_is(t, l, "your comments") || line_is(t, l, "readers' views"))
        return true;
    /* "1 Comment", "23 comments", "12 Responses" */
    size_t i = l->start;
    while (i < l->end && isdigit((unsigned char)t[i]))
        i++;
    if (i > l->start && i < l->end && t[i] == ' ') {
        line rest = { i + 1, l->end };
        if (line_is(t, &rest, "comment") || line_is(t, &rest, "comments") ||
            line_is(t, &rest, "responses") || line_is(t, &rest, "response") ||
            line_is(t, &rest, "replies"))
            return true;
    }
    return line_starts(t, l, "anonymous comments are") || line_starts(t, l, "comments are disabled") ||
           line_starts(t, l, "would love your thoughts") || line_starts(t, l, "you must be logged in to post");
}

static const char *line_reason(const char *t, const line *l, size_t words)
{
    if (is_amount_line(t, l))
        return "donation widget";
    if (words <= 4 && !ends_sentence(t, l) &&
        (line_starts(t, l, "support ") || line_starts(t, l, "donate") ||
         line_starts(t, l, "become a patron") || line_starts(t, l, "subscribe")))
        return "donation appeal";
    if (words <= 10 && (line_starts(t, l, "click to ") || line_starts(t, l, "click here") ||
                        line_starts(t, l, "tap to ")))
        return "image link";
    if (line_has(t, l, "is licensed under cc") || line_has(t, l, "creative commons attribution") ||
        (line_has(t, l, "file:") && (line_has(t, l, ".jpg") || line_has(t, l, ".png"))))
        return "image credit";
    if (words <= 16 && (line_starts(t, l, "photo:") || line_starts(t, l, "photo by") ||
                        line_starts(t, l, "image:") || line_starts(t, l, "picture:") ||
                        line_starts(t, l, "photo credit") || line_starts(t, l, "caption:")))
        return "image caption";
    if (line_starts(t, l, "\xC2\xA9") || line_starts(t, l, "copyright") ||
        line_has(t, l, "all rights reserved"))
        return "copyright line";
    if (line_starts(t, l, "tags:") || line_starts(t, l, "tagged:") || line_starts(t, l, "tagged with") ||
        line_starts(t, l, "filed under") || line_starts(t, l, "topics:") || line_starts(t, l, "categories:"))
        return "tag list";
    if (words <= 8 && !ends_sentence(t, l) &&
        (line_starts(t, l, "share this") || line_starts(t, l, "share on") ||
         line_starts(t, l, "follow us") || line_is(t, l, "share") || line_starts(t, l, "tweet") ||
         line_starts(t, l, "print this") || line_starts(t, l, "email this")))
        return "share bar";
    if (words <= 8 && !ends_sentence(t, l) &&
        (line_starts(t, l, "read more") || line_starts(t, l, "related:") ||
         line_starts(t, l, "related articles") || line_starts(t, l, "related posts") ||
         line_starts(t, l, "see also") || line_starts(t, l, "more on this") ||
         line_starts(t, l, "recommended")))
        return "related links";
    if (words <= 5 && !ends_sentence(t, l) && line_starts(t, l, "by ") &&
        isupper((unsigned char)t[l->start + 3]))
        return "byline";
    if (words <= 5 && (l->end - l->start) > 6 &&
        (strncmp(t + l->end - 6, " wrote", 6) == 0 ||
         (l->end - l->start > 7 && (strncmp(t + l->end - 7, " wrote,", 7) == 0 ||
                                    strncmp(t + l->end - 7, " wrote:", 7) == 0))))
        return "byline";
    return NULL;
}

/* Normalized comparison of two lines, ignoring quote styles: a title repeated
 * with straight quotes instead of curly ones is still the same title. */
static bool same_line(const char *t, const line *a, const line *b)
{
    size_t i = a->start, j = b->start;
    while (i < a->end && j < b->end) {
        unsigned char x = (unsigned char)t[i], y = (unsigned char)t[j];
        bool qx = x == '"' || x == '\'' || (x == 0xE2 && i + 2 < a->end && (unsigned char)t[i + 1] == 0x80 &&
                                            (unsigned char)t[i + 2] >= 0x98 && (unsigned char)t[i + 2] <= 0x9F);
        bool qy = y == '"' || y == '\'' || (y == 0xE2 && j + 2 < b->end && (unsigned char)t[j + 1] == 0x80 &&
                                            (unsigned char)t[j + 2] >= 0x98 && (unsigned char)t[j + 2] <= 0x9F);
        if (qx || qy) {
            if (!(qx && qy))
                return false;
            i += x == 0xE2 ? 3 : 1;
            j += y == 0xE2 ? 3 : 1;
            continue;
        }
        if (truce_ascii_fold(x) != truce_ascii_fold(y))
            return false;
        i++, j++;
    }
    return i == a->end && j == b->end;
}

int truce_clean_text(truce_arena *a, const char *t, size_t len, truce_region_list *out,
                     truce_error *err)
{
    out->items = NULL;
    out->n = 0;
    /* Split into trimmed, non-empty lines. */
    size_t cap = 64, n = 0;
    line *lines = truce_arena_alloc(a, cap * sizeof *lines);
    if (!lines)
        goto nomem;
    for (size_t i = 0; i < len;) {
        size_t e = i;
        while (e < len && t[e] != '\n')
            e++;
        size_t s = i, f = e;
        while (s < f && truce_ascii_space((unsigned char)t[s]))
            s++;
        while (f > s && truce_ascii_space((unsigned char)t[f - 1]))
            f--;
        /* bullets before a comment marker ("• Post a new comment") */
        if (f - s > 4 && (unsigned char)t[s] == 0xE2 && (unsigned char)t[s + 1] == 0x80 &&
            (unsigned char)t[s + 2] == 0xA2) {
            s += 3;
            while (s < f && truce_ascii_space((unsigned char)t[s]))
                s++;
        }
        if (f > s) {
            if (n == cap) {
                line *p = truce_arena_grow(a, lines, n, cap * 2, sizeof *p);
                if (!p)
                    goto nomem;
                lines = p;
                cap *= 2;
            }
            lines[n].start = s;
            lines[n].end = f;
            n++;
        }
        i = e + 1;
    }
    regions r = { a, NULL, 0, 0 };
    size_t body_words = 0;
    size_t comments_from = n;
    for (size_t k = 0; k < n; k++) {
        size_t words = word_count(t, &lines[k]);
        /* A comment thread needs an article before it: a marker in the
         * first lines is more likely a menu entry. */
        if (body_words >= (is_weak_marker(t, &lines[k]) ? 60u : 10u) && is_comment_marker(t, &lines[k])) {
            comments_from = k;
            break;
        }
        if (body_words >= 10 && is_timestamp_line(t, &lines[k]) && k > 0 &&
            word_count(t, &lines[k - 1]) <= 4 &&
            (!ends_sentence(t, &lines[k - 1]) || ends_with_initial(t, &lines[k - 1]))) {
            comments_from = k - 1;
            /* Names repeated above the timestamp belong to the comment too. */
            while (comments_from > 0 && same_line(t, &lines[comments_from - 1], &lines[comments_from]))
                comments_from--;
            break;
        }
        /* "Reply" under a comment with no header above the thread: the
         * thread starts at the name over the nearest timestamp before it */
        if (body_words >= 60 && is_reply_line(t, &lines[k])) {
            size_t stop = k > 6 ? k - 6 : 0, found = n;
            for (size_t j = k; j-- > stop && found == n;)
                if (is_timestamp_line(t, &lines[j]))
                    found = j > 0 && word_count(t, &lines[j - 1]) <= 4 ? j - 1 : j;
            if (found < n) {
                comments_from = found;
                break;
            }
        }
        const char *why = line_reason(t, &lines[k], words);
        if (why) {
            if (add(&r, lines[k].start, lines[k].end, why))
                goto nomem;
            continue;
        }
        /* Titles: a headline-shaped line that the page repeats. */
        if (!ends_sentence(t, &lines[k]) && words <= 30) {
            bool repeated = false;
            for (size_t j = 0; j < n && !repeated; j++)
                repeated = j != k && same_line(t, &lines[j], &lines[k]);
            if (repeated) {
                if (add(&r, lines[k].start, lines[k].end, "repeated title"))
                    goto nomem;
                continue;
            }
        }
        if (ends_sentence(t, &lines[k]) || words > 12)
            body_words += words;
    }
    if (comments_from < n && add(&r, lines[comments_from].start, len, "reader comments"))
        goto nomem;
    out->items = r.items;
    out->n = r.n;
    return TRUCE_OK;
nomem:
    return truce_error_set(err, TRUCE_ENOMEM, NULL, -1, "out of memory finding furniture");
}

bool truce_regions_overlap(const truce_region_list *r, truce_span s)
{
    if (!r)
        return false;
    for (size_t i = 0; i < r->n; i++)
        if (r->items[i].span.start < s.end && s.start < r->items[i].span.end)
            return true;
    return false;
}
