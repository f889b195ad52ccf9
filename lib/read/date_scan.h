/*
 * read/date_scan.h: private to the date and number readers (and reading.c,
 * which scans once for both). A light scanner
 * (words, digit runs, single punctuation marks, each with its byte span) and
 * the calendar arithmetic both readers share. Nothing here allocates outside
 * the caller's arena or keeps state between calls.
 */
#ifndef TRUCE_READ_DATE_SCAN_H
#define TRUCE_READ_DATE_SCAN_H

#include <string.h>

#include "truce/read.h"

enum { DS_WORD = 1, DS_NUM = 2, DS_PUNCT = 3 };

typedef struct ds_tok {
    uint32_t s, e;      /* byte span */
    uint32_t sent;      /* sentence index */
    char kind;          /* DS_WORD, DS_NUM, DS_PUNCT */
    char c;             /* punctuation mark (dashes fold to '-', quotes to '"') */
    char lc0;           /* a word's first byte in lower case, else 0 */
} ds_tok;

typedef struct ds_toks {
    ds_tok *t;
    size_t n;
} ds_toks;

/* Splits text; sentences may be NULL or empty (the whole text is one). */
int ds_scan(truce_arena *a, const char *text, size_t len, const truce_sentence_list *sents,
            ds_toks *out);

/* The date and number readers on a scan already made of the same text (and
 * sentences): truce_read_all scans once for both. The public
 * truce_read_dates and truce_read_numbers scan and call these. */
int dt_read_scanned(truce_arena *a, const char *text, size_t len, const ds_toks *toks,
                    const char *reference, truce_date_list *out, truce_error *err);
int num_read_scanned(truce_arena *a, const char *text, size_t len, const ds_toks *toks,
                     truce_number_list *out, truce_error *err);

/* ASCII lower case (the C locale's tolower without the function call). */
static inline unsigned char ds_lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

/* Case-insensitive comparison of token i with a lower-case word. Inline
 * because both readers ask it millions of times: the first byte (lowered
 * once by the scanner) rejects almost every word, and the rest is compared
 * without measuring the word first (no strlen). */
static inline bool ds_is(const char *text, const ds_toks *k, size_t i, const char *w)
{
    if (i >= k->n)
        return false;
    const ds_tok *t = &k->t[i];
    if (t->lc0 != w[0] || t->kind != 1 /* DS_WORD */)
        return false;
    size_t n = (size_t)(t->e - t->s), j = 1;
    const unsigned char *p = (const unsigned char *)text + t->s;
    for (; w[j]; j++)
        if (j >= n || ds_lower(p[j]) != (unsigned char)w[j])
            return false;
    return j == n;
}
bool ds_is_any(const char *text, const ds_toks *k, size_t i, const char *const *list);
/* The same for a list of n words sorted in byte order (as strcmp), by
 * halving: for the long lists asked at every word. */
bool ds_in_sorted(const char *text, const ds_toks *k, size_t i, const char *const *list, size_t n);
/* starts with a capital (ASCII, as isupper in the C locale) */
static inline bool ds_cap(const char *text, const ds_toks *k, size_t i)
{
    return i < k->n && k->t[i].kind == 1 /* DS_WORD */ && text[k->t[i].s] >= 'A' &&
           text[k->t[i].s] <= 'Z';
}
bool ds_adjacent(const ds_toks *k, size_t i);              /* token i+1 touches token i */
long ds_num(const char *text, const ds_toks *k, size_t i); /* value of a digit run, -1 if none/too long */
size_t ds_len(const ds_toks *k, size_t i);
bool ds_punct(const ds_toks *k, size_t i, char c);

/* Word numbers "one".."ninety", "a"/"an" not included. -1 if not one. */
long ds_small_number_word(const char *text, const ds_toks *k, size_t i);

/* Calendar (proleptic Gregorian). */
long cal_days(int y, int m, int d);                 /* days since 1970-01-01 */
void cal_civil(long days, int *y, int *m, int *d);
int cal_weekday(long days);                         /* 0 = Monday .. 6 = Sunday */
int cal_month_len(int y, int m);
bool cal_valid(int y, int m, int d);
bool cal_parse_iso(const char *s, int *y, int *m, int *d);
void cal_format(char out[11], int y, int m, int d);
void cal_format_days(char out[11], long days);
long cal_shift_months(long day, int months);      /* same day, clipped to month length */

#endif
