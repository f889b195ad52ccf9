/*
 * read/token.c: tokens with byte offsets, within sentences.
 * Owns nothing; results in the caller's arena. Numbers keep their separators
 * ("2,334", "1.5", "10.30") as one token; words keep inner hyphens and
 * apostrophes ("forty-two", "Karabakh's" splits the possessive).
 */
#include "core/ascii.h"
#include "truce/read.h"

/* Character classes of the C locale (ctype.h's, without its per-call
 * table lookups: the tokenizer looks at every byte). */
static bool is_word_byte(unsigned char c)
{
    return truce_ascii_alnum(c) || c >= 0x80;
}
static bool is_digit(unsigned char c)
{
    return (unsigned)(c - '0') < 10u;
}
static bool is_alpha(unsigned char c)
{
    return (unsigned)((c | 32) - 'a') < 26u;
}
static bool is_upper(unsigned char c)
{
    return (unsigned)(c - 'A') < 26u;
}
/* ispunct: printable ASCII that is neither a letter, a digit nor a space */
static bool is_punct(unsigned char c)
{
    return c > ' ' && c < 0x7F && !truce_ascii_alnum(c);
}

/* UTF-8 punctuation that must not glue to words: quotes, dashes, ellipsis, bullet. */
static size_t utf8_punct_len(const char *t, size_t i, size_t len)
{
    unsigned char c = (unsigned char)t[i];
    if (c == 0xE2 && i + 2 < len && (unsigned char)t[i + 1] == 0x80) {
        unsigned char d = (unsigned char)t[i + 2];
        if ((d >= 0x90 && d <= 0xA7) || d == 0xB9 || d == 0xBA)
            return 3;
    }
    if (c == 0xC2 && i + 1 < len &&
        ((unsigned char)t[i + 1] == 0xAB || (unsigned char)t[i + 1] == 0xBB ||
         (unsigned char)t[i + 1] == 0xA0))
        return 2;
    return 0;
}

static int push(truce_arena *a, truce_token_list *out, size_t *cap, size_t s, size_t e,
                uint32_t sent, uint16_t kind)
{
    if (out->n == *cap) {
        size_t ncap = *cap ? *cap * 2 : 256;
        truce_token *p = truce_arena_grow(a, out->items, out->n, ncap, sizeof *p);
        if (!p)
            return TRUCE_ENOMEM;
        out->items = p;
        *cap = ncap;
    }
    out->items[out->n].span.start = s;
    out->items[out->n].span.end = e;
    out->items[out->n].sentence = sent;
    out->items[out->n].kind = kind;
    out->n++;
    return TRUCE_OK;
}

static int tokenize_range(truce_arena *a, const char *t, size_t s, size_t e, uint32_t sent,
                          truce_token_list *out, size_t *cap)
{
    size_t i = s;
    while (i < e) {
        unsigned char c = (unsigned char)t[i];
        if (truce_ascii_space(c)) {
            i++;
            continue;
        }
        size_t pl = utf8_punct_len(t, i, e);
        if (pl) {
            if (!(c == 0xC2 && (unsigned char)t[i + 1] == 0xA0) &&
                push(a, out, cap, i, i + pl, sent, TRUCE_TOK_PUNCT))
                return TRUCE_ENOMEM;
            i += pl;
            continue;
        }
        if (is_digit(c)) {
            size_t k = i;
            while (k < e && (is_digit((unsigned char)t[k]) ||
                             ((t[k] == ',' || t[k] == '.') && k + 1 < e &&
                              is_digit((unsigned char)t[k + 1]))))
                k++;
            /* "23rd", "1st": ordinal suffix glued */
            size_t w = k;
            while (w < e && is_alpha((unsigned char)t[w]))
                w++;
            if (w > k && w - k <= 2) {
                if (push(a, out, cap, i, w, sent, TRUCE_TOK_WORD))
                    return TRUCE_ENOMEM;
                i = w;
                continue;
            }
            if (push(a, out, cap, i, k, sent, TRUCE_TOK_NUMBER))
                return TRUCE_ENOMEM;
            i = k;
            continue;
        }
        if (is_word_byte(c)) {
            size_t k = i;
            while (k < e) {
                unsigned char d = (unsigned char)t[k];
                if (d >= 0x80 && utf8_punct_len(t, k, e))
                    break;
                if (is_word_byte(d)) {
                    k++;
                    continue;
                }
                /* inner hyphen, period in acronyms (U.S.), apostrophe not before s+end */
                if ((d == '-' || d == '.') && k + 1 < e && is_word_byte((unsigned char)t[k + 1]) &&
                    (d == '-' || (k >= 1 && k - 1 >= i && k - i == 1)))
                    {
                    k++;
                    continue;
                }
                if (d == '\'' && k + 1 < e && is_alpha((unsigned char)t[k + 1]) &&
                    !(t[k + 1] == 's' && (k + 2 >= e || !is_alpha((unsigned char)t[k + 2])))) {
                    k++;
                    continue;
                }
                break;
            }
            /* "U.S." style: letter-period pairs */
            if (k + 1 < e && t[k] == '.' && k - i == 1 && is_upper((unsigned char)t[i])) {
                size_t m = k;
                while (m + 1 < e && t[m] == '.' && is_upper((unsigned char)t[m + 1]) &&
                       (m + 2 >= e || t[m + 2] == '.'))
                    m += 2;
                if (m < e && t[m] == '.' && m > k)
                    k = m + 1;
            }
            if (push(a, out, cap, i, k, sent, TRUCE_TOK_WORD))
                return TRUCE_ENOMEM;
            i = k;
            continue;
        }
        uint16_t kind = is_punct(c) && c != '$' && c != '%' && c != '&' && c != '+' && c != '#' &&
                                c != '@'
                            ? TRUCE_TOK_PUNCT
                            : TRUCE_TOK_SYMBOL;
        size_t k = i + 1;
        if (c >= 0x80) /* other multibyte symbol: keep the whole character */
            while (k < e && ((unsigned char)t[k] & 0xC0) == 0x80)
                k++;
        if (push(a, out, cap, i, k, sent, kind))
            return TRUCE_ENOMEM;
        i = k;
    }
    return TRUCE_OK;
}

int truce_read_tokens(truce_arena *a, const char *text, size_t len,
                      const truce_sentence_list *sentences, truce_token_list *out,
                      truce_error *err)
{
    out->items = NULL;
    out->n = 0;
    size_t cap = 0;
    int rc = TRUCE_OK;
    if (!sentences || sentences->n == 0)
        rc = tokenize_range(a, text, 0, len, 0, out, &cap);
    else
        for (size_t s = 0; s < sentences->n && rc == TRUCE_OK; s++)
            rc = tokenize_range(a, text, sentences->items[s].span.start,
                                sentences->items[s].span.end, (uint32_t)s, out, &cap);
    if (rc)
        return truce_error_set(err, rc, NULL, -1, "out of memory tokenizing");
    return TRUCE_OK;
}
