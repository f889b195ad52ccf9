/*
 * extract/match.c: case-insensitive phrase matching on word boundaries, for
 * trigger and cue phrases. Owns nothing. A phrase is words separated by single
 * spaces; a word ending in '*' matches any word that starts with it; one space
 * in a phrase matches any run of white space in the text.
 */
#include <ctype.h>
#include <stdint.h>
#include <string.h>

#include "core/ascii.h"
#include "extract/extract_impl.h"

static inline bool wordc(unsigned char c)
{
    return truce_ascii_alnum(c) || c >= 0x80 || c == '\'';
}

size_t ex_match_at(const char *t, size_t len, size_t i, const char *phrase)
{
    if (!phrase[0])
        return 0;
    if (i > 0 && wordc((unsigned char)t[i - 1]) && wordc((unsigned char)phrase[0]))
        return 0;
    size_t p = 0, k = i;
    while (phrase[p]) {
        unsigned char pc = (unsigned char)phrase[p];
        if (pc == '*') {
            while (k < len && wordc((unsigned char)t[k]) && t[k] != '\'')
                k++;
            p++;
            continue;
        }
        if (pc == ' ') {
            if (k >= len || !truce_ascii_space((unsigned char)t[k]))
                return 0;
            while (k < len && truce_ascii_space((unsigned char)t[k]))
                k++;
            p++;
            continue;
        }
        if (k >= len)
            return 0;
        unsigned char tc = (unsigned char)t[k];
        if (tc != pc && !(tc < 0x80 && truce_ascii_fold(tc) == truce_ascii_fold(pc)))
            return 0;
        k++;
        p++;
    }
    unsigned char last = (unsigned char)phrase[p - 1];
    if (wordc(last) && k < len && wordc((unsigned char)t[k]) && t[k] != '\'')
        return 0;
    return k;
}

static const char *find_any_slow(const char *t, size_t from, size_t end,
                                 const char *const *list, size_t *ms, size_t *me);

bool ex_find(const char *t, size_t from, size_t end, const char *phrase, size_t *ms, size_t *me)
{
    /* Hot path: every trigger is looked for in every sentence, so positions
     * whose first byte cannot start the phrase are skipped before the full
     * comparison (and its word-boundary checks) runs. */
    unsigned char first = (unsigned char)phrase[0];
    bool letter = first < 0x80 && isalpha(first);
    unsigned char lo = letter ? (unsigned char)tolower(first) : first;
    unsigned char up = letter ? (unsigned char)toupper(first) : first;
    for (size_t i = from; i < end; i++) {
        unsigned char c = (unsigned char)t[i];
        if (first != '*' && first != ' ' && c != lo && c != up)
            continue;
        size_t e = ex_match_at(t, end, i, phrase);
        if (e) {
            *ms = i;
            *me = e;
            return true;
        }
    }
    return false;
}

/* One search per phrase: for lists with a phrase starting with '*' or ' '. */
static const char *find_any_slow(const char *t, size_t from, size_t end,
                                 const char *const *list, size_t *ms, size_t *me)
{
    const char *best = NULL;
    size_t bs = 0, be = 0;
    for (size_t k = 0; list[k]; k++) {
        size_t s, e;
        if (ex_find(t, from, end, list[k], &s, &e) && (!best || s < bs)) {
            best = list[k];
            bs = s;
            be = e;
        }
    }
    if (best) {
        *ms = bs;
        *me = be;
    }
    return best;
}

/* The first match of any phrase in the list: the earliest start wins, and at
 * one start the phrase listed first. One pass over the text instead of one
 * per phrase: the phrases are chained by their first byte (case-folded, in
 * list order), so each position tries only the phrases that can start there. */
const char *ex_find_any(const char *t, size_t from, size_t end, const char *const *list,
                        size_t *ms, size_t *me)
{
    enum { NONE = 0xFF };
    unsigned char head[256], next[NONE];
    size_t n = 0;
    while (list[n])
        n++;
    if (n >= NONE)
        return find_any_slow(t, from, end, list, ms, me);
    memset(head, NONE, sizeof head);
    for (size_t k = n; k-- > 0;) {
        unsigned char c = (unsigned char)list[k][0];
        if (c == '*' || c == ' ' || c == 0)
            return find_any_slow(t, from, end, list, ms, me);
        unsigned char key = truce_ascii_fold(c);
        next[k] = head[key];
        head[key] = (unsigned char)k;
    }
    for (size_t i = from; i < end; i++) {
        unsigned char c = (unsigned char)t[i];
        unsigned char key = truce_ascii_fold(c);
        unsigned char k = head[key];
        if (k == NONE)
            continue;
        /* inside a word: no phrase starting with this (word) byte can match here */
        if (i > 0 && wordc((unsigned char)t[i - 1]) && wordc(c))
            continue;
        for (; k != NONE; k = next[k]) {
            size_t e = ex_match_at(t, end, i, list[k]);
            if (e) {
                *ms = i;
                *me = e;
                return list[k];
            }
        }
    }
    return NULL;
}
