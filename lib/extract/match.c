/*
 * extract/match.c: case-insensitive phrase matching on word boundaries, for
 * trigger and cue phrases. A phrase is words separated by single spaces; a
 * word ending in '*' matches any word that starts with it; one space in a
 * phrase matches any run of white space in the text.
 *
 * The finder indexes a document's word starts once, each with its first
 * eight bytes folded (a key), and prepares phrase lists by their openings;
 * searches through it visit only the word starts whose key agrees with a
 * phrase, and must answer exactly as ex_find / ex_find_any (test_extract
 * compares them on every range). Owns nothing but the finder, in the
 * caller's arena; no state outside it.
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

/* The match of phrase[p...] at text[k...], the phrase having matched from
 * text[i] up to there. */
static inline size_t match_from(const char *t, size_t len, const char *phrase, size_t p, size_t k)
{
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

size_t ex_match_at(const char *t, size_t len, size_t i, const char *phrase)
{
    if (!phrase[0])
        return 0;
    if (i > 0 && wordc((unsigned char)t[i - 1]) && wordc((unsigned char)phrase[0]))
        return 0;
    return match_from(t, len, phrase, 0, i);
}

size_t ex_match_keyed(const char *t, size_t len, size_t i, const char *phrase, size_t lit)
{
    if (i + lit > len)
        return 0;
    return match_from(t, len, phrase, lit, i + lit);
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

/* A word can start with a letter, a digit or a byte of a UTF-8 sequence. */
static inline bool word_first(unsigned char c)
{
    return truce_ascii_alnum(c) || c >= 0x80;
}

/* The key's view of a byte: ASCII letters folded, white space as ' '. */
static inline unsigned char key_byte(unsigned char c)
{
    return truce_ascii_space(c) ? ' ' : truce_ascii_fold(c);
}

uint64_t ex_text_key(const char *t, size_t i, size_t lim)
{
#if defined(__BYTE_ORDER__) && defined(__ORDER_LITTLE_ENDIAN__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (i + 8 <= lim) {
        /* eight bytes at once: add 0x20 to each byte from 'A' to 'Z', make
         * each byte from '\t' to '\r' a space */
        const uint64_t ones = 0x0101010101010101u, top = 0x80 * ones;
        uint64_t x;
        memcpy(&x, t + i, 8);
        uint64_t low = x & (0x7F * ones);
        uint64_t ascii = ~x & top;
        uint64_t upper = (low + (0x80 - 'A') * ones) & ~(low + (0x7F - 'Z') * ones) & ascii;
        uint64_t ctl = (low + (0x80 - '\t') * ones) & ~(low + (0x7F - '\r') * ones) & ascii;
        uint64_t ctl_bytes = (ctl >> 7) * 0xFF;
        x = (x | (upper >> 2)) & ~ctl_bytes;
        return x | (ctl_bytes & (' ' * ones));
    }
#endif
    uint64_t x = 0;
    for (size_t j = 0; j < 8 && i + j < lim; j++)
        x |= (uint64_t)key_byte((unsigned char)t[i + j]) << (8 * j);
    return x;
}

uint64_t ex_phrase_key(const char *phrase, uint64_t *mask, size_t *lit)
{
    uint64_t k = 0, m = 0;
    size_t j = 0;
    for (; j < 8; j++) {
        unsigned char c = (unsigned char)phrase[j];
        if (c == 0 || c == ' ' || c == '*')
            break;
        k |= (uint64_t)truce_ascii_fold(c) << (8 * j);
        m |= (uint64_t)0xFF << (8 * j);
    }
    *lit = j;
    /* a space in the phrase needs white space in the text */
    if (j < 8 && phrase[j] == ' ') {
        k |= (uint64_t)' ' << (8 * j);
        m |= (uint64_t)0xFF << (8 * j);
    }
    *mask = m;
    return k;
}

/* Per byte: 3 a word can start with it (letter, digit, byte >= 0x80), 1 it
 * only continues one (apostrophe), 0 neither. */
static const unsigned char WORD_CLASS[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 0, 0, 0, 0,
    0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 0, 0, 0,
    0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 0, 0, 0,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
};

int ex_finder_new(truce_arena *a, const char *t, size_t len, ex_finder **out)
{
    *out = NULL;
    /* offsets are kept in 32 bits */
    if (len >= UINT32_MAX)
        return TRUCE_EINPUT;
    ex_finder *f = truce_arena_alloc(a, sizeof *f);
    if (!f)
        return TRUCE_ENOMEM;
    f->t = t;
    f->len = len;
    f->n = 0;
    f->n_lists = 0;
    memset(f->slot, 0, sizeof f->slot);
    f->n_phrases = 0;
    memset(f->pslot, 0, sizeof f->pslot);
    /* about one word in six bytes of news text; grown when more */
    size_t cap = len / 6 + 16;
    f->pos = truce_arena_alloc(a, cap * sizeof *f->pos);
    f->key = truce_arena_alloc(a, cap * sizeof *f->key);
    f->block = truce_arena_alloc(a, ((len >> EX_BLOCK_SHIFT) + 2) * sizeof *f->block);
    if (!f->pos || !f->key || !f->block)
        return TRUCE_ENOMEM;
    size_t nb = 0;     /* blocks given their first word so far */
    bool prev = false; /* the byte before is a word byte (or an apostrophe) */
    for (size_t i = 0; i < len; i++) {
        unsigned char cls = WORD_CLASS[(unsigned char)t[i]];
        if (cls == 3 && !prev) {
            if (f->n == cap) {
                size_t nc = cap * 2;
                uint32_t *np = truce_arena_grow(a, f->pos, f->n, nc, sizeof *np);
                uint64_t *nk = np ? truce_arena_grow(a, f->key, f->n, nc, sizeof *nk) : NULL;
                if (!nk)
                    return TRUCE_ENOMEM;
                f->pos = np;
                f->key = nk;
                cap = nc;
            }
            /* this word is the first at or after the blocks up to its own */
            for (; nb <= (i >> EX_BLOCK_SHIFT); nb++)
                f->block[nb] = (uint32_t)f->n;
            f->pos[f->n] = (uint32_t)i;
            f->key[f->n] = ex_text_key(t, i, len);
            f->n++;
        }
        prev = cls != 0;
    }
    /* the blocks after the last word start */
    for (; nb < (len >> EX_BLOCK_SHIFT) + 2; nb++)
        f->block[nb] = (uint32_t)f->n;
    *out = f;
    return TRUCE_OK;
}

const ex_list_info *ex_list_build(ex_finder *f, const char *const *list, size_t h)
{
    if (f->n_lists == EX_LISTS)
        return NULL;
    ex_list_info *L = &f->lists[f->n_lists];
    L->list = list;
    size_t n = 0;
    while (list[n])
        n++;
    L->fast = n <= EX_LIST_MAX;
    L->n_firsts = 0;
    memset(L->head, EX_NONE, sizeof L->head);
    for (size_t k = n; L->fast && k-- > 0;) {
        unsigned char c = (unsigned char)list[k][0];
        if (!word_first(c)) {
            L->fast = false;
            break;
        }
        unsigned char b = truce_ascii_fold(c);
        if (L->head[b] == EX_NONE)
            L->firsts[L->n_firsts++] = b;
        L->next[k] = L->head[b];
        L->head[b] = (uint8_t)k;
        size_t lit;
        L->pfx[k] = ex_phrase_key(list[k], &L->mask[k], &lit);
        L->lit[k] = (uint8_t)lit;
    }
    f->slot[h] = (uint8_t)++f->n_lists;
    return L;
}

/* The word starts in [from, end) are the only places where a phrase that
 * begins with a word byte can match (ex_match_at refuses the middle of a
 * word), so visiting them in order, each phrase in list order, finds what
 * ex_find_any finds. */
const char *ex_fx_find_any(ex_finder *f, size_t from, size_t end, const char *const *list,
                           size_t *ms, size_t *me)
{
    const ex_list_info *L = ex_list_get(f, list);
    if (!L || !L->fast)
        return ex_find_any(f->t, from, end, list, ms, me);
    for (size_t w = ex_word_at(f, from); w < f->n && f->pos[w] < end; w++) {
        uint64_t k = f->key[w];
        for (uint8_t p = L->head[k & 0xFF]; p != EX_NONE; p = L->next[p]) {
            if ((k & L->mask[p]) != L->pfx[p])
                continue;
            size_t e = ex_match_keyed(f->t, end, f->pos[w], list[p], L->lit[p]);
            if (e) {
                *ms = f->pos[w];
                *me = e;
                return list[p];
            }
        }
    }
    return NULL;
}

static bool find_keyed(const ex_finder *f, size_t from, size_t end, const char *phrase,
                       uint64_t pk, uint64_t mask, size_t lit, size_t *ms, size_t *me)
{
    for (size_t w = ex_word_at(f, from); w < f->n && f->pos[w] < end; w++) {
        if ((f->key[w] & mask) != pk)
            continue;
        size_t e = ex_match_keyed(f->t, end, f->pos[w], phrase, lit);
        if (e) {
            *ms = f->pos[w];
            *me = e;
            return true;
        }
    }
    return false;
}

bool ex_fx_find_text(const ex_finder *f, size_t from, size_t end, const char *phrase,
                     size_t *ms, size_t *me)
{
    if (!word_first((unsigned char)phrase[0]))
        return ex_find(f->t, from, end, phrase, ms, me);
    size_t lit;
    uint64_t mask, pk = ex_phrase_key(phrase, &mask, &lit);
    return find_keyed(f, from, end, phrase, pk, mask, lit, ms, me);
}

bool ex_fx_find(ex_finder *f, size_t from, size_t end, const char *phrase, size_t *ms,
                size_t *me)
{
    if (!word_first((unsigned char)phrase[0]))
        return ex_find(f->t, from, end, phrase, ms, me);
    size_t h = ((uintptr_t)phrase >> 2) % EX_PHRASE_SLOTS;
    while (f->pslot[h] && f->phrases[f->pslot[h] - 1].phrase != phrase)
        h = (h + 1) % EX_PHRASE_SLOTS;
    if (!f->pslot[h]) {
        if (f->n_phrases == EX_PHRASES)
            return ex_fx_find_text(f, from, end, phrase, ms, me);
        ex_phrase_info *p = &f->phrases[f->n_phrases];
        p->phrase = phrase;
        p->pfx = ex_phrase_key(phrase, &p->mask, &p->lit);
        f->pslot[h] = (uint8_t)++f->n_phrases;
    }
    const ex_phrase_info *p = &f->phrases[f->pslot[h] - 1];
    return find_keyed(f, from, end, phrase, p->pfx, p->mask, p->lit, ms, me);
}
