/*
 * read/sentence.c: splitting normalized text into paragraphs and sentences.
 * Owns no state; results live in the caller's arena. Must not alter the text:
 * every sentence is a span into it.
 *
 * A period ends a sentence unless it belongs to an abbreviation or title
 * ("Gen.", "Lt. Col.", "U.S.", "No. 5"), an initial ("B. Clinton"), a number
 * ("1.5", "10.30 a.m."), or an ellipsis followed by a lower-case word. Closing
 * quotes and brackets after the punctuation stay with the sentence. A line
 * without final punctuation that stands alone (a headline, a list line) is a
 * sentence of its own; a blank line always ends a sentence and a paragraph.
 */
#include <ctype.h>
#include <string.h>

#include "truce/read.h"

/* Abbreviations after which a period does not end a sentence when a capital
 * follows (titles and the like): lower-cased, without the period. */
static const char *const TITLE_ABBREVS[] = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl",
    "pvt", "adm", "cmdr", "brig", "rev", "st", "sen", "rep", "gov", "pres", "hon", "amb",
    "messrs", "mme", "mlle", "jr", "sr", "no", "nos", "art", "vol", "fig", "op", "ft", "mt",
    "pp", "p", "vs", "v", "cf", "gens", "lieut", "supt", "insp", "det", "sec", "dept",
};

/* Abbreviations that may end a sentence but usually do not: a following
 * lower-case word or a digit keeps the sentence going. */
static const char *const SOFT_ABBREVS[] = {
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "approx", "est", "etc", "inc", "ltd", "co", "corp", "km", "min", "max", "govt", "e.g",
    "i.e", "a.m", "p.m", "al", "ca", "incl", "int", "nat",
};

static bool in_list(const char *const *list, size_t n, const char *w, size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (strlen(list[i]) == len && strncmp(list[i], w, len) == 0)
            return true;
    return false;
}

static bool is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* UTF-8 closing quotes and brackets: ” ’ » ) ] and ASCII " ' */
static size_t closer_len(const char *t, size_t i, size_t len)
{
    unsigned char c = (unsigned char)t[i];
    if (c == '"' || c == '\'' || c == ')' || c == ']')
        return 1;
    if (i + 2 < len + 0 && c == 0xE2 && (unsigned char)t[i + 1] == 0x80 &&
        ((unsigned char)t[i + 2] == 0x9D || (unsigned char)t[i + 2] == 0x99))
        return 3;
    if (i + 1 < len && c == 0xC2 && (unsigned char)t[i + 1] == 0xBB)
        return 2;
    return 0;
}

/* The word (letters and inner periods) that ends just before position i. */
static size_t word_before(const char *t, size_t i, char *buf, size_t cap)
{
    size_t j = i;
    while (j > 0 && (isalpha((unsigned char)t[j - 1]) ||
                     (t[j - 1] == '.' && j >= 2 && isalpha((unsigned char)t[j - 2]))))
        j--;
    size_t n = i - j;
    if (n >= cap)
        return 0;
    for (size_t k = 0; k < n; k++)
        buf[k] = (char)tolower((unsigned char)t[j + k]);
    buf[n] = '\0';
    return n;
}

typedef struct next_info {
    size_t pos;       /* first non-space character after the break */
    bool blank_line;  /* a blank line lies between */
    bool newline;     /* at least one line end lies between */
} next_info;

static next_info skip_space(const char *t, size_t i, size_t len)
{
    next_info r = { i, false, false };
    int lines = 0;
    while (r.pos < len && is_space((unsigned char)t[r.pos])) {
        if (t[r.pos] == '\n')
            lines++;
        r.pos++;
    }
    r.newline = lines > 0;
    r.blank_line = lines > 1;
    return r;
}

static bool starts_upper_or_digit(const char *t, size_t i, size_t len)
{
    if (i >= len)
        return true;
    unsigned char c = (unsigned char)t[i];
    if (isupper(c) || isdigit(c))
        return true;
    /* opening quotes/brackets followed by a capital */
    if (c == '"' || c == '\'' || c == '(' || c == '[')
        return i + 1 < len && isupper((unsigned char)t[i + 1]);
    if (c == 0xE2 && i + 3 < len && (unsigned char)t[i + 1] == 0x80 &&
        ((unsigned char)t[i + 2] == 0x9C || (unsigned char)t[i + 2] == 0x98))
        return isupper((unsigned char)t[i + 3]);
    return c >= 0xC0; /* a non-ASCII letter: treat as a possible capital */
}

/* Decides whether the period at i ends a sentence. */
static bool period_ends(const char *t, size_t i, size_t len, size_t sent_start)
{
    /* number: 1.5, 10.30 */
    if (i > 0 && i + 1 < len && isdigit((unsigned char)t[i - 1]) && isdigit((unsigned char)t[i + 1]))
        return false;
    /* ellipsis handled by caller; inner period of U.S. / a.m. */
    if (i + 1 < len && isalpha((unsigned char)t[i + 1]))
        return false;
    char w[32];
    size_t wl = word_before(t, i, w, sizeof w);
    size_t k = i + 1;
    while (k < len && closer_len(t, k, len))
        k += closer_len(t, k, len);
    next_info nx = skip_space(t, k, len);
    if (nx.pos >= len || nx.blank_line)
        return true;
    /* "(2:40 P.M.) – Aliyev said": a dash continues the sentence */
    if (!nx.newline && nx.pos + 2 < len && (unsigned char)t[nx.pos] == 0xE2 &&
        (unsigned char)t[nx.pos + 1] == 0x80 &&
        ((unsigned char)t[nx.pos + 2] == 0x93 || (unsigned char)t[nx.pos + 2] == 0x94))
        return false;
    if (wl == 0)
        return starts_upper_or_digit(t, nx.pos, len);
    /* A single capital letter is an initial ("B. Clinton"), unless it starts the sentence */
    if (wl == 1 && isupper((unsigned char)t[i - 1]) && i - 1 > sent_start)
        return false;
    if (in_list(TITLE_ABBREVS, sizeof TITLE_ABBREVS / sizeof *TITLE_ABBREVS, w, wl) &&
        isupper((unsigned char)t[i - wl]))
        return false;
    if (in_list(TITLE_ABBREVS, sizeof TITLE_ABBREVS / sizeof *TITLE_ABBREVS, w, wl) &&
        nx.pos < len && isdigit((unsigned char)t[nx.pos]))
        return false; /* "no. 5", "art. 116" */
    /* Dotted acronyms ("U.S.", "a.m."): end only if a capital follows and the
     * next word is not a proper-noun continuation we can't know; we accept the
     * capital as the signal but keep "U.S. Army"-style by checking for a
     * lower-case word after the capitalized one is impossible here. */
    bool dotted = strchr(w, '.') != NULL;
    if (in_list(SOFT_ABBREVS, sizeof SOFT_ABBREVS / sizeof *SOFT_ABBREVS, w, wl) || dotted) {
        if (nx.pos < len && (islower((unsigned char)t[nx.pos]) || isdigit((unsigned char)t[nx.pos])))
            return false;
        if (dotted && wl <= 4 && nx.pos < len && isupper((unsigned char)t[nx.pos])) {
            /* "U.S. forces" vs "in the U.S. They": a following common
             * capitalized sentence starter decides. */
            static const char *const STARTERS[] = { "The", "He", "She", "It", "They", "We", "I",
                                                    "This", "That", "But", "In", "On", "A", "An",
                                                    "There", "His", "Her", "Their", "Its" };
            for (size_t s = 0; s < sizeof STARTERS / sizeof *STARTERS; s++) {
                size_t sl = strlen(STARTERS[s]);
                if (nx.pos + sl < len && strncmp(t + nx.pos, STARTERS[s], sl) == 0 &&
                    !isalpha((unsigned char)t[nx.pos + sl]))
                    return true;
            }
            return false;
        }
        return !nx.newline ? starts_upper_or_digit(t, nx.pos, len) : true;
    }
    return starts_upper_or_digit(t, nx.pos, len);
}

typedef struct builder {
    truce_arena *a;
    truce_sentence *items;
    size_t n, cap;
} builder;

static int emit(builder *b, const char *t, size_t s, size_t e, uint32_t para, uint32_t flags)
{
    while (s < e && is_space((unsigned char)t[s]))
        s++;
    while (e > s && is_space((unsigned char)t[e - 1]))
        e--;
    if (s >= e)
        return TRUCE_OK;
    if (b->n == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        truce_sentence *p = truce_arena_grow(b->a, b->items, b->n, cap, sizeof *p);
        if (!p)
            return TRUCE_ENOMEM;
        b->items = p;
        b->cap = cap;
    }
    bool first = b->n == 0 || b->items[b->n - 1].paragraph != para;
    b->items[b->n].span.start = s;
    b->items[b->n].span.end = e;
    b->items[b->n].paragraph = para;
    b->items[b->n].flags = flags | (first ? TRUCE_SENT_PARAGRAPH_START : 0);
    b->n++;
    return TRUCE_OK;
}

static bool line_is_list_item(const char *t, size_t s, size_t e)
{
    while (s < e && (t[s] == ' ' || t[s] == '\t'))
        s++;
    if (s >= e)
        return false;
    unsigned char c = (unsigned char)t[s];
    if ((c == '-' || c == '*') && s + 1 < e && t[s + 1] == ' ')
        return true;
    if (c == 0xE2 && s + 2 < e && (unsigned char)t[s + 1] == 0x80 && (unsigned char)t[s + 2] == 0xA2)
        return true; /* bullet */
    size_t k = s;
    while (k < e && isdigit((unsigned char)t[k]))
        k++;
    return k > s && k < e && k - s <= 3 && (t[k] == ')' || t[k] == '.') && k + 1 < e &&
           t[k + 1] == ' ';
}

static bool ends_with_terminal(const char *t, size_t s, size_t e)
{
    while (e > s && is_space((unsigned char)t[e - 1]))
        e--;
    while (e > s && closer_len(t, e - 1, e))
        e--;
    while (e > s && (t[e - 1] == (char)0x9D || t[e - 1] == (char)0x99) && e >= 3 &&
           (unsigned char)t[e - 3] == 0xE2)
        e -= 3;
    if (e == s)
        return false;
    char c = t[e - 1];
    return c == '.' || c == '!' || c == '?' || c == ':' || c == ';';
}

int truce_read_sentences(truce_arena *a, const char *t, size_t len, truce_sentence_list *out,
                         truce_error *err)
{
    builder b = { a, NULL, 0, 0 };
    out->items = NULL;
    out->n = 0;
    uint32_t para = 0;
    size_t start = 0;
    size_t i = 0;
    bool para_has_text = false;
    while (i < len) {
        unsigned char c = (unsigned char)t[i];
        if (c == '\n') {
            /* Line end: a blank line ends the paragraph; a line with no final
             * punctuation that is short, or a list line, stands alone. */
            size_t line_start = i;
            while (line_start > start && t[line_start - 1] != '\n')
                line_start--;
            next_info nx = skip_space(t, i, len);
            bool next_is_list = nx.pos < len && !nx.blank_line &&
                                line_is_list_item(t, nx.pos, len);
            bool this_is_list = line_is_list_item(t, line_start, i);
            bool headline = !ends_with_terminal(t, start, i) && !nx.blank_line && nx.pos < len &&
                            (this_is_list || next_is_list ||
                             (i - line_start < 120 && line_start == start &&
                              starts_upper_or_digit(t, nx.pos, len)));
            if (nx.blank_line || headline || this_is_list) {
                uint32_t flags = 0;
                if (this_is_list)
                    flags |= TRUCE_SENT_LIST_ITEM;
                else if (!ends_with_terminal(t, start, i))
                    flags |= TRUCE_SENT_HEADLINE;
                if (emit(&b, t, start, i, para, flags))
                    goto nomem;
                para_has_text = b.n > 0 && b.items[b.n - 1].paragraph == para;
                start = nx.pos;
                if (nx.blank_line && para_has_text) {
                    para++;
                    para_has_text = false;
                }
                i = nx.pos;
                continue;
            }
            i++;
            continue;
        }
        if (c == '.' || c == '!' || c == '?') {
            size_t k = i + 1;
            /* runs: "?!", "..." */
            while (k < len && (t[k] == '.' || t[k] == '!' || t[k] == '?'))
                k++;
            bool ellipsis = k - i >= 3 && c == '.';
            /* U+2026 handled as ellipsis too */
            bool ends;
            if (c == '.' && k - i == 1)
                ends = period_ends(t, i, len, start);
            else {
                size_t kk = k;
                while (kk < len && closer_len(t, kk, len))
                    kk += closer_len(t, kk, len);
                next_info nx = skip_space(t, kk, len);
                ends = nx.pos >= len || nx.blank_line ||
                       (ellipsis ? nx.pos < len && isupper((unsigned char)t[nx.pos]) && nx.pos > kk
                                 : nx.pos > kk && starts_upper_or_digit(t, nx.pos, len));
                if (!ellipsis && nx.pos == kk && nx.pos < len)
                    ends = false; /* "?!x" glued: not an end */
            }
            if (ends) {
                while (k < len && closer_len(t, k, len))
                    k += closer_len(t, k, len);
                if (emit(&b, t, start, k, para, 0))
                    goto nomem;
                next_info nx = skip_space(t, k, len);
                if (nx.blank_line) {
                    para++;
                }
                start = nx.pos;
                i = nx.pos;
                continue;
            }
            i = k;
            continue;
        }
        if (c == 0xE2 && i + 2 < len && (unsigned char)t[i + 1] == 0x80 &&
            (unsigned char)t[i + 2] == 0xA6) { /* … */
            size_t k = i + 3;
            next_info nx = skip_space(t, k, len);
            if (nx.pos >= len || nx.blank_line ||
                (nx.pos > k && isupper((unsigned char)t[nx.pos]))) {
                if (emit(&b, t, start, k, para, 0))
                    goto nomem;
                if (nx.blank_line)
                    para++;
                start = nx.pos;
                i = nx.pos;
                continue;
            }
            i = k;
            continue;
        }
        i++;
    }
    if (emit(&b, t, start, len, para, ends_with_terminal(t, start, len) ? 0 : TRUCE_SENT_HEADLINE))
        goto nomem;
    out->items = b.items;
    out->n = b.n;
    return TRUCE_OK;
nomem:
    return truce_error_set(err, TRUCE_ENOMEM, NULL, -1, "out of memory splitting sentences");
}
