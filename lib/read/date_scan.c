/*
 * read/date_scan.c: the small scanner shared by the date and number
 * readers. Splits text into words, digit runs and single punctuation marks
 * with byte spans and sentence indexes. Owns no state; the token array lives
 * in the caller's arena. Must not interpret what it scans.
 */
#include <assert.h>
#include <string.h>

#include "read/date_scan.h"

/* UTF-8 dashes and quotes are punctuation, not letters. */
static size_t utf8_punct(const char *t, size_t i, size_t len, char *c)
{
    unsigned char b = (unsigned char)t[i];
    if (b == 0xE2 && i + 2 < len && (unsigned char)t[i + 1] == 0x80) {
        unsigned char d = (unsigned char)t[i + 2];
        if (d >= 0x90 && d <= 0x95) {
            *c = '-';
            return 3;
        }
        if (d >= 0x98 && d <= 0x9F) {
            *c = d <= 0x9B ? '\'' : '"';
            return 3;
        }
        if (d == 0xA6 || d == 0xA2) {
            *c = '.';
            return 3;
        }
    }
    if (b == 0xC2 && i + 1 < len) {
        unsigned char d = (unsigned char)t[i + 1];
        if (d == 0xA0) {
            *c = ' ';
            return 2;
        }
        if (d == 0xAB || d == 0xBB) {
            *c = '"';
            return 2;
        }
        if (d == 0xA9) {
            *c = '@'; /* the copyright sign */
            return 2;
        }
    }
    return 0;
}

/* ASCII classes as the C locale's isspace/isdigit/isalpha, without the
 * table lookups through function calls: the scanner runs over every byte
 * of every document, three times (document date, dates, numbers). */
static inline bool is_sp(unsigned char b)
{
    return b == ' ' || (b >= '\t' && b <= '\r');
}
static inline bool is_dg(unsigned char b)
{
    return (unsigned)(b - '0') < 10u;
}
static inline bool is_al(unsigned char b)
{
    return (unsigned)((b | 32) - 'a') < 26u;
}

int ds_scan(truce_arena *a, const char *text, size_t len, const truce_sentence_list *sents,
            ds_toks *out)
{
    size_t cap = len / 4 + 16, n = 0;
    ds_tok *t = truce_arena_alloc(a, cap * sizeof *t);
    if (!t)
        return TRUCE_ENOMEM;
    size_t si = 0;
    bool have_s = sents && sents->n > 0;
    size_t i = 0;
    while (i < len) {
        unsigned char b = (unsigned char)text[i];
        char pc = 0;
        size_t ul = b >= 0x80 ? utf8_punct(text, i, len, &pc) : 0;
        if (is_sp(b) || (ul && pc == ' ')) {
            i += ul ? ul : 1;
            continue;
        }
        if (n == cap) {
            size_t nc = cap * 2;
            ds_tok *nt = truce_arena_grow(a, t, n, nc, sizeof *t);
            if (!nt)
                return TRUCE_ENOMEM;
            t = nt;
            cap = nc;
        }
        ds_tok *k = &t[n];
        k->s = (uint32_t)i;
        k->c = 0;
        k->lc0 = 0;
        if (is_dg(b)) {
            while (i < len && is_dg((unsigned char)text[i]))
                i++;
            k->kind = DS_NUM;
        } else if (is_al(b) || (b >= 0x80 && !ul)) {
            while (i < len) {
                unsigned char c = (unsigned char)text[i];
                char dummy;
                if (is_al(c))
                    i++;
                else if (c >= 0x80 && !utf8_punct(text, i, len, &dummy))
                    i++;
                else
                    break;
            }
            k->kind = DS_WORD;
            k->lc0 = (char)ds_lower(b);
        } else {
            k->kind = DS_PUNCT;
            if (ul) {
                k->c = pc;
                i += ul;
            } else {
                k->c = (char)b;
                i++;
            }
        }
        k->e = (uint32_t)i;
        if (have_s) {
            while (si + 1 < sents->n && sents->items[si + 1].span.start <= k->s)
                si++;
        }
        k->sent = (uint32_t)si;
        n++;
    }
    out->t = t;
    out->n = n;
    return TRUCE_OK;
}

size_t ds_len(const ds_toks *k, size_t i)
{
    return i < k->n ? k->t[i].e - k->t[i].s : 0;
}

bool ds_is_any(const char *text, const ds_toks *k, size_t i, const char *const *list)
{
    if (i >= k->n || k->t[i].kind != DS_WORD)
        return false;
    char c0 = k->t[i].lc0;
    for (; *list; list++)
        if ((*list)[0] == c0 && ds_is(text, k, i, *list))
            return true;
    return false;
}

bool ds_in_sorted(const char *text, const ds_toks *k, size_t i, const char *const *list, size_t n)
{
#ifndef NDEBUG
    for (size_t x = 1; x < n; x++) /* the halving needs the order: checked in debug builds */
        assert(strcmp(list[x - 1], list[x]) < 0);
#endif
    if (i >= k->n || k->t[i].kind != DS_WORD)
        return false;
    const unsigned char *w = (const unsigned char *)text + k->t[i].s;
    size_t wl = k->t[i].e - k->t[i].s, lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const unsigned char *p = (const unsigned char *)list[mid];
        int cmp = 0;
        for (size_t j = 0;; j++) {
            if (j == wl) { /* the word ends: equal, or a prefix of the entry */
                cmp = p[j] ? -1 : 0;
                break;
            }
            if (!p[j]) { /* the entry is a prefix of the word */
                cmp = 1;
                break;
            }
            unsigned char a = ds_lower(w[j]);
            if (a != p[j]) {
                cmp = a < p[j] ? -1 : 1;
                break;
            }
        }
        if (!cmp)
            return true;
        if (cmp < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return false;
}

bool ds_adjacent(const ds_toks *k, size_t i)
{
    return i + 1 < k->n && k->t[i].e == k->t[i + 1].s;
}

bool ds_punct(const ds_toks *k, size_t i, char c)
{
    return i < k->n && k->t[i].kind == DS_PUNCT && k->t[i].c == c;
}

long ds_num(const char *text, const ds_toks *k, size_t i)
{
    if (i >= k->n || k->t[i].kind != DS_NUM || ds_len(k, i) > 9)
        return -1;
    long v = 0;
    for (uint32_t j = k->t[i].s; j < k->t[i].e; j++)
        v = v * 10 + (text[j] - '0');
    return v;
}

long ds_small_number_word(const char *text, const ds_toks *k, size_t i)
{
    /* By length, so that a word is compared with at most six candidates
     * (this runs on every word of the text). */
    typedef struct nw { const char *w; long v; } nw;
    static const nw L3[] = {{"one", 1}, {"two", 2}, {"six", 6}, {"ten", 10}, {NULL, 0}};
    static const nw L4[] = {{"zero", 0}, {"four", 4}, {"five", 5}, {"nine", 9}, {NULL, 0}};
    static const nw L5[] = {{"three", 3}, {"seven", 7}, {"eight", 8}, {"forty", 40},
                            {"fifty", 50}, {"sixty", 60}, {NULL, 0}};
    static const nw L6[] = {{"eleven", 11}, {"twelve", 12}, {"twenty", 20}, {"thirty", 30},
                            {"eighty", 80}, {"ninety", 90}, {NULL, 0}};
    static const nw L7[] = {{"fifteen", 15}, {"sixteen", 16}, {"seventy", 70}, {NULL, 0}};
    static const nw L8[] = {{"thirteen", 13}, {"fourteen", 14}, {"eighteen", 18},
                            {"nineteen", 19}, {NULL, 0}};
    static const nw L9[] = {{"seventeen", 17}, {NULL, 0}};
    static const nw *const BY_LEN[] = {L3, L4, L5, L6, L7, L8, L9};
    if (i >= k->n || k->t[i].kind != DS_WORD)
        return -1;
    size_t l = ds_len(k, i);
    if (l < 3 || l > 9)
        return -1;
    char c0 = k->t[i].lc0;
    for (const nw *p = BY_LEN[l - 3]; p->w; p++)
        if (p->w[0] == c0 && ds_is(text, k, i, p->w))
            return p->v;
    return -1;
}
