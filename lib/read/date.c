/*
 * read/date.c: the date reader. Finds date expressions in text (absolute,
 * partial, numeric, weekdays, deictic words, relative "N days ago", ranges,
 * "since" ranges, years, months, durations) and resolves each against the
 * document date or a nearer explicit date the text anchors to. Owns no state;
 * mentions live in the caller's arena. Must not read times of day ("10.30
 * a.m.") as dates, and must not guess a year it has no reference for.
 */
#include <ctype.h>
#include <string.h>

#include "read/date_scan.h"

const char *truce_date_precision_name(truce_date_precision p)
{
    switch (p) {
    case TRUCE_DATE_DAY: return "day";
    case TRUCE_DATE_MONTH: return "month";
    case TRUCE_DATE_YEAR: return "year";
    case TRUCE_DATE_RANGE: return "range";
    default: return "unknown";
    }
}

typedef struct dctx {
    truce_arena *a;
    const char *t;
    ds_toks k;
    bool have_ref;
    long ref;             /* document reference, days since epoch */
    truce_date_list *out;
    size_t cap;
    bool anchor_valid;    /* last explicit day-precision date */
    long anchor;
    uint32_t anchor_sent;
    size_t anchor_tok;    /* token index where it ended */
} dctx;

/* A date read from the text before resolution; 0 means "not written". */
typedef struct pdate {
    int y, m, d;
    int d2;               /* day range inside one month: "21-22" */
    int kind;             /* PD_* */
    bool strict_past;     /* "last May" / "next May": strictly before (after) the reference month */
    bool kept_ahead;      /* set by resolve: left a few weeks after the reference */
    bool endpoint;        /* after "until", "through", "by": a limit, often still ahead */
    const char *how;      /* basis for absolute forms */
} pdate;

enum { PD_NONE = 0, PD_DAY, PD_MONTH, PD_YEAR, PD_DECADE };

static const char *const MONTHS[] = {"january", "february", "march", "april", "may", "june",
                                     "july", "august", "september", "october", "november",
                                     "december", NULL};
static const char *const MON3[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
                                   "sep", "oct", "nov", "dec", NULL};
static const char *const WEEKDAYS[] = {"monday", "tuesday", "wednesday", "thursday", "friday",
                                       "saturday", "sunday", NULL};
static const char *const REPORTING[] = {"said", "says", "told", "announced", "reported",
                                        "stated", "added", "claimed", "confirmed", "noted",
                                        "wrote", "declared", "tweeted", NULL};
/* Words that put a clause in the future (also the future of reported
 * speech: "said it would vote in June"). */
static const char *const FUTURE_CUES[] = {"will", "shall", "would", "scheduled", "expected",
                                          "due", "upcoming", "plans", "planned", "intends",
                                          "wo", "slated", "should", NULL};
/* Words that open a new clause: a future verb beyond them ("announced on
 * Friday that it will...") says nothing about the date before them. */
static const char *const CLAUSE_OPENERS[] = {"that", "which", "who", "whose", "while", "but",
                                             "because", "although", NULL};
static const char *const UNITS[] = {"day", "days", "week", "weeks", "month", "months", "year",
                                    "years", "hour", "hours", "minute", "minutes", "night",
                                    "nights", "fortnight", "decade", "decades", "second",
                                    "seconds", NULL};

/* ---- small word tests ------------------------------------------------ */

/* Month name at token i: returns tokens used (the name and an abbreviation
 * period), 0 if none. Months must be capitalised: "march" and "may" are
 * words first. */
static size_t month_at(const dctx *c, size_t i, int *mon, bool *weak)
{
    const ds_toks *k = &c->k;
    if (i >= k->n || !ds_cap(c->t, k, i))
        return 0;
    for (int m = 0; MONTHS[m]; m++)
        if (ds_is(c->t, k, i, MONTHS[m])) {
            *mon = m + 1;
            *weak = (m == 4 || m == 2);
            return 1;
        }
    for (int m = 0; MON3[m]; m++)
        if (ds_is(c->t, k, i, MON3[m]) || (m == 8 && ds_is(c->t, k, i, "sept"))) {
            *mon = m + 1;
            *weak = !ds_punct(k, i + 1, '.');
            if (m == 4)
                *weak = true;
            /* "Nov." takes its period unless it ends the sentence */
            return ds_punct(k, i + 1, '.') && ds_adjacent(k, i) ? 2 : 1;
        }
    return 0;
}

static int weekday_at(const dctx *c, size_t i)
{
    if (!ds_cap(c->t, &c->k, i))
        return -1;
    for (int w = 0; WEEKDAYS[w]; w++)
        if (ds_is(c->t, &c->k, i, WEEKDAYS[w]))
            return w;
    return -1;
}

/* A day of the month, "21", "21st", "22nd": tokens used or 0. */
static size_t day_at(const dctx *c, size_t i, int *day)
{
    const ds_toks *k = &c->k;
    if (i >= k->n || k->t[i].kind != DS_NUM || ds_len(k, i) > 2)
        return 0;
    long v = ds_num(c->t, k, i);
    if (v < 1 || v > 31)
        return 0;
    /* not part of a longer number or time: "21.5", "21:30", "21,000" */
    if (ds_adjacent(k, i) && i + 2 < k->n && ds_adjacent(k, i + 1) &&
        k->t[i + 2].kind == DS_NUM &&
        (ds_punct(k, i + 1, '.') || ds_punct(k, i + 1, ':') || ds_punct(k, i + 1, ',')))
        return 0;
    *day = (int)v;
    if (ds_adjacent(k, i) && (ds_is(c->t, k, i + 1, "st") || ds_is(c->t, k, i + 1, "nd") ||
                              ds_is(c->t, k, i + 1, "rd") || ds_is(c->t, k, i + 1, "th")))
        return 2;
    if (ds_adjacent(k, i) && k->t[i + 1].kind == DS_WORD)
        return 0; /* "21km" */
    return 1;
}

static bool year_at(const dctx *c, size_t i, int *y)
{
    const ds_toks *k = &c->k;
    if (i >= k->n || k->t[i].kind != DS_NUM || ds_len(k, i) != 4)
        return false;
    long v = ds_num(c->t, k, i);
    if (v < 1000 || v > 2999)
        return false;
    if (ds_adjacent(k, i) && i + 2 < k->n && ds_adjacent(k, i + 1) &&
        k->t[i + 2].kind == DS_NUM && (ds_punct(k, i + 1, '.') || ds_punct(k, i + 1, ',')))
        return false;
    if (ds_adjacent(k, i) && k->t[i + 1].kind == DS_WORD && !ds_is(c->t, k, i + 1, "s"))
        return false;
    *y = (int)v;
    return true;
}

/* ---- absolute forms -------------------------------------------------- */

/* Optional ", 2020" or " 2020" after a month-day. */
static size_t year_after(const dctx *c, size_t j, int *y)
{
    if (ds_punct(&c->k, j, ',') && year_at(c, j + 1, y))
        return 2;
    if (year_at(c, j, y) && !(ds_adjacent(&c->k, j) && ds_is(c->t, &c->k, j + 1, "s")))
        return 1;
    return 0;
}

static size_t numeric_date(const dctx *c, size_t i, pdate *p)
{
    const ds_toks *k = &c->k;
    if (i + 4 >= k->n)
        return 0;
    for (size_t j = i; j < i + 4; j++)
        if (!ds_adjacent(k, j))
            return 0;
    if (k->t[i].kind != DS_NUM || k->t[i + 2].kind != DS_NUM || k->t[i + 4].kind != DS_NUM)
        return 0;
    char s1 = k->t[i + 1].c, s2 = k->t[i + 3].c;
    if (k->t[i + 1].kind != DS_PUNCT || s1 != s2 || (s1 != '-' && s1 != '.' && s1 != '/'))
        return 0;
    if (ds_adjacent(k, i + 4) && i + 5 < k->n &&
        (k->t[i + 5].kind != DS_PUNCT || (ds_adjacent(k, i + 5) && i + 6 < k->n &&
                                         k->t[i + 6].kind == DS_NUM)))
        return 0;
    long a = ds_num(c->t, k, i), b = ds_num(c->t, k, i + 2), e = ds_num(c->t, k, i + 4);
    size_t la = ds_len(k, i), le = ds_len(k, i + 4);
    int y, m, d;
    if (la == 4 && s1 == '-') {
        y = (int)a, m = (int)b, d = (int)e;
        p->how = "absolute ISO date";
    } else if (le == 4 && la <= 2 && ds_len(k, i + 2) <= 2) {
        y = (int)e;
        if (s1 == '/' && b <= 12 && a <= 12) {
            m = (int)a, d = (int)b;
            p->how = "absolute numeric date, month first (slashes)";
        } else if (s1 == '/' && a <= 12) {
            m = (int)a, d = (int)b;
            p->how = "absolute numeric date, month first (day > 12)";
        } else {
            d = (int)a, m = (int)b;
            p->how = "absolute numeric date, day first";
        }
    } else if (s1 == '/' && le == 2 && la <= 2 && ds_len(k, i + 2) <= 2) {
        /* "7/8/07": month first, the century that keeps the year at most
         * one past the reference's (or before 2050 without one) */
        int ry = 2049, rm, rd;
        if (c->have_ref)
            cal_civil(c->ref, &ry, &rm, &rd), ry += 1;
        y = (int)(ry / 100 * 100 + e);
        if (y > ry)
            y -= 100;
        if (a <= 12)
            m = (int)a, d = (int)b;
        else
            d = (int)a, m = (int)b;
        p->how = a <= 12 ? "absolute numeric date, month first (slashes, two-digit year)"
                         : "absolute numeric date, day first (day > 12, two-digit year)";
    } else
        return 0;
    if (!cal_valid(y, m, d))
        return 0;
    p->y = y, p->m = m, p->d = d, p->kind = PD_DAY;
    return 5;
}

/* Month first: "November 10", "Nov. 10, 2020", "November10", "November 21-22nd",
 * "March 2021". */
static size_t month_first(const dctx *c, size_t i, pdate *p, bool prep_before)
{
    int mon;
    bool weak;
    size_t n = month_at(c, i, &mon, &weak);
    if (!n)
        return 0;
    size_t j = i + n;
    int day = 0, y = 0;
    size_t dn = day_at(c, j, &day);
    if (dn && n == 1 && !ds_adjacent(&c->k, i) && false)
        dn = 0;
    if (dn) {
        j += dn;
        p->d2 = 0;
        int d2;
        size_t d2n;
        if (ds_punct(&c->k, j, '-') && (d2n = day_at(c, j + 1, &d2)) && d2 > day) {
            p->d2 = d2;
            j += 1 + d2n;
        }
        j += year_after(c, j, &y);
        p->y = y, p->m = mon, p->d = day, p->kind = PD_DAY;
        p->how = y ? "absolute" : "month and day";
        if (y && !cal_valid(y, mon, day))
            return 0;
        if (!y && day > cal_month_len(2000, mon))
            return 0;
        return j - i;
    }
    size_t yn = 0;
    if (ds_is(c->t, &c->k, j, "of") && year_at(c, j + 1, &y))
        yn = 2;
    else if (c->have_ref && ds_is(c->t, &c->k, j, "of") &&
             (ds_is(c->t, &c->k, j + 1, "next") || ds_is(c->t, &c->k, j + 1, "last") ||
              ds_is(c->t, &c->k, j + 1, "this")) && ds_is(c->t, &c->k, j + 2, "year")) {
        /* "October of next year" */
        int ry, rm, rd;
        cal_civil(c->ref, &ry, &rm, &rd);
        y = ry + (ds_is(c->t, &c->k, j + 1, "next") ? 1 : ds_is(c->t, &c->k, j + 1, "last") ? -1 : 0);
        p->y = y, p->m = mon, p->d = 0, p->kind = PD_MONTH;
        p->how = "month of a year named from the reference";
        return j + 3 - i;
    }
    else
        yn = year_after(c, j, &y);
    if (yn) {
        p->y = y, p->m = mon, p->d = 0, p->kind = PD_MONTH;
        p->how = "absolute month";
        return j + yn - i;
    }
    if (prep_before && !(weak && (j >= c->k.n || c->k.t[j].kind == DS_WORD) && false)) {
        if (weak && j < c->k.n && c->k.t[j].kind == DS_WORD && !ds_is(c->t, &c->k, j, "and") &&
            !ds_is(c->t, &c->k, j, "to"))
            return 0;
        p->y = 0, p->m = mon, p->d = 0, p->kind = PD_MONTH;
        p->how = "month";
        return j - i;
    }
    return 0;
}

/* Day first: "10 November 2020", "the 5th of May", "21-22 November". */
static size_t day_first(const dctx *c, size_t i, pdate *p)
{
    int day, d2 = 0, mon, y = 0;
    bool weak;
    size_t n = day_at(c, i, &day);
    if (!n)
        return 0;
    size_t j = i + n;
    size_t d2n;
    if (ds_punct(&c->k, j, '-') && (d2n = day_at(c, j + 1, &d2)) && d2 > day)
        j += 1 + d2n;
    else
        d2 = 0;
    if (ds_is(c->t, &c->k, j, "of"))
        j++;
    size_t mn = month_at(c, j, &mon, &weak);
    if (!mn)
        return 0;
    j += mn;
    j += year_after(c, j, &y);
    if (y && !cal_valid(y, mon, day))
        return 0;
    if (day > cal_month_len(2000, mon))
        return 0;
    p->y = y, p->m = mon, p->d = day, p->d2 = d2, p->kind = PD_DAY;
    p->how = y ? "absolute" : "day and month";
    return j - i;
}

static const char *const YEAR_PREPS[] = {"in", "since", "by", "until", "till", "of", "from",
                                         "during", "before", "after", "year", "early", "late",
                                         "mid", "the", "to", "through", "between", "and",
                                         "around", "for", "than", "throughout", NULL};

static const char *const YEAR_DETERMINERS[] = {"a", "an", "his", "her", "its", "their", "our",
                                               "my", "your", "this", "that", NULL};

static size_t year_alone(const dctx *c, size_t i, pdate *p)
{
    int y;
    const ds_toks *k = &c->k;
    if (!year_at(c, i, &y) || y < 1800 || y > 2100)
        return 0;
    /* "a 2000-strong column", "a 1500-km border": a count in a compound */
    if (ds_adjacent(k, i) && ds_punct(k, i + 1, '-') && ds_adjacent(k, i + 1) && i + 2 < k->n &&
        k->t[i + 2].kind == DS_WORD)
        return 0;
    if (ds_adjacent(k, i) && ds_is(c->t, k, i + 1, "s")) {
        if (y % 10)
            return 0;
        p->y = y, p->kind = PD_DECADE, p->how = "decade";
        return 2;
    }
    bool ctx = (i > 0 && ds_is_any(c->t, k, i - 1, YEAR_PREPS)) || i + 1 >= k->n ||
               k->t[i + 1].kind == DS_PUNCT || (i > 0 && ds_punct(k, i - 1, '-'));
    /* "a 2010 raid", "his 2007 campaign": a year before a noun, after a
     * determiner (a count would be "a 2,000-strong force") */
    if (!ctx && i > 0 && ds_is_any(c->t, k, i - 1, YEAR_DETERMINERS) && i + 1 < k->n &&
        k->t[i + 1].kind == DS_WORD && !ds_adjacent(k, i))
        ctx = true;
    if (i > 0 && ds_adjacent(k, i - 1) && k->t[i - 1].kind != DS_PUNCT)
        return 0;
    if (i > 0 && k->t[i - 1].kind == DS_PUNCT && ds_adjacent(k, i - 1) &&
        (k->t[i - 1].c == '.' || k->t[i - 1].c == ',' || k->t[i - 1].c == ':' || k->t[i - 1].c == '-') &&
        !(k->t[i - 1].c == '-' && i > 1 && ds_is(c->t, k, i - 2, "mid")))
        return 0;
    if (!ctx)
        return 0;
    p->y = y, p->kind = PD_YEAR, p->how = "year";
    return 1;
}

/* Any absolute or partial form at token i. */
static size_t core_at(const dctx *c, size_t i, pdate *p, bool prep_before)
{
    memset(p, 0, sizeof *p);
    size_t n;
    if ((n = numeric_date(c, i, p)))
        return n;
    /* "Tuesday, November 17" keeps the weekday in the span */
    if (weekday_at(c, i) >= 0) {
        size_t j = i + 1 + (ds_punct(&c->k, i + 1, ',') ? 1 : 0);
        /* a headline ending in a weekday above a dateline is two dates */
        if (j < c->k.n && memchr(c->t + c->k.t[i].e, '\n', c->k.t[j].s - c->k.t[i].e))
            return 0;
        if ((n = month_first(c, j, p, false)) && p->kind == PD_DAY)
            return j - i + n;
        if ((n = day_first(c, j, p)))
            return j - i + n;
        memset(p, 0, sizeof *p);
        return 0;
    }
    if ((n = month_first(c, i, p, prep_before)))
        return n;
    if ((n = day_first(c, i, p)))
        return n;
    if ((n = year_alone(c, i, p)))
        return n;
    return 0;
}

/* ---- context --------------------------------------------------------- */

static bool future_context(const dctx *c, size_t i0, size_t i1)
{
    const ds_toks *k = &c->k;
    uint32_t s = k->t[i0].sent;
    for (size_t n = 0, j = i0; j > 0 && n < 8; n++) {
        j--;
        if (k->t[j].sent != s || ds_punct(k, j, ';') || ds_punct(k, j, '?') ||
            ds_punct(k, j, '!') || (ds_punct(k, j, '.') && !(j > 0 && k->t[j - 1].kind == DS_WORD &&
                                      ds_len(k, j - 1) <= 3)))
            break;
        if (ds_is_any(c->t, k, j, REPORTING))
            break;
        if (ds_is(c->t, k, j, "should") && ds_is(c->t, k, j + 1, "have"))
            continue; /* "should have": a past that did not happen */
        if (ds_is_any(c->t, k, j, FUTURE_CUES) ||
            (ds_is(c->t, k, j, "ll") && j > 0 && ds_punct(k, j - 1, '\'')) ||
            ((ds_is(c->t, k, j, "going") || ds_is(c->t, k, j, "set")) && ds_is(c->t, k, j + 1, "to") &&
             j > 0 && (ds_is(c->t, k, j - 1, "is") || ds_is(c->t, k, j - 1, "are") ||
                       ds_is(c->t, k, j - 1, "am") || ds_punct(k, j - 1, '\''))))
            return true;
    }
    for (size_t j = i1, n = 0; j < k->n && n < 7; j++, n++) {
        if (k->t[j].sent != s || ds_punct(k, j, ';') || ds_punct(k, j, '.') ||
            ds_punct(k, j, '?') || ds_punct(k, j, '!'))
            break;
        if (ds_is_any(c->t, k, j, REPORTING) || ds_is_any(c->t, k, j, CLAUSE_OPENERS))
            break;
        if (ds_is(c->t, k, j, "should") && ds_is(c->t, k, j + 1, "have"))
            continue;
        if (ds_is_any(c->t, k, j, FUTURE_CUES) ||
            ((ds_is(c->t, k, j, "going") || ds_is(c->t, k, j, "set")) && ds_is(c->t, k, j + 1, "to") &&
             j > 0 && (ds_is(c->t, k, j - 1, "is") || ds_is(c->t, k, j - 1, "are"))))
            return true;
    }
    return false;
}

/* ---- output ---------------------------------------------------------- */

static truce_date_mention *emit(dctx *c, size_t i0, size_t i1)
{
    truce_date_list *o = c->out;
    if (o->n == c->cap) {
        size_t nc = c->cap ? c->cap * 2 : 16;
        truce_date_mention *p = truce_arena_grow(c->a, o->items, o->n, nc, sizeof *p);
        if (!p)
            return NULL;
        o->items = p;
        c->cap = nc;
    }
    truce_date_mention *m = &o->items[o->n++];
    memset(m, 0, sizeof *m);
    m->span.start = c->k.t[i0].s;
    m->span.end = c->k.t[i1 - 1].e;
    m->sentence = c->k.t[i0].sent;
    return m;
}

static void set_days(truce_date_mention *m, long a, long b, truce_date_precision p)
{
    cal_format_days(m->start, a);
    cal_format_days(m->end, b);
    m->precision = p;
}

static void month_bounds(int y, int mon, long *a, long *b)
{
    *a = cal_days(y, mon, 1);
    *b = cal_days(y, mon, cal_month_len(y, mon));
}

static const char *ref_str(dctx *c, long ref)
{
    char s[11];
    cal_format_days(s, ref);
    return truce_arena_strdup(c->a, s);
}

/* Resolves a parsed date into [a, b]; returns false when it needs a year
 * and no reference is known. */
static bool resolve(const dctx *c, pdate *p, bool future, long *a, long *b,
                    truce_date_precision *prec, bool *guessed_year)
{
    *guessed_year = false;
    if (p->kind == PD_YEAR) {
        *a = cal_days(p->y, 1, 1), *b = cal_days(p->y, 12, 31), *prec = TRUCE_DATE_YEAR;
        return true;
    }
    if (p->kind == PD_DECADE) {
        *a = cal_days(p->y, 1, 1), *b = cal_days(p->y + 9, 12, 31), *prec = TRUCE_DATE_RANGE;
        return true;
    }
    if (!p->y) {
        if (!c->have_ref)
            return false;
        int ry, rm, rd;
        cal_civil(c->ref, &ry, &rm, &rd);
        int y = ry;
        int key = p->m * 100 + (p->d ? p->d : (future ? 31 : 1));
        int rkey = rm * 100 + rd;
        /* On or before the reference, but a date a few weeks ahead in
         * the same year is far likelier than one almost a year back. */
        long ahead = p->kind == PD_MONTH ? (long)(p->m - rm) * 31
                                         : cal_days(ry, p->m, p->d <= cal_month_len(ry, p->m) ? p->d : 28) - c->ref;
        /* a limit ("until June", "by March 5") is kept ahead for half a year */
        long window_m = p->endpoint ? 183 : 62, window_d = p->endpoint ? 183 : 45;
        if (p->kind == PD_MONTH) {
            if (future && (p->m < rm || (p->strict_past && p->m == rm)))
                y++;
            else if (!future && (p->m > rm || (p->strict_past && p->m == rm)) &&
                     (ahead > window_m || p->strict_past))
                y--;
        } else if (future && key < rkey)
            y++;
        else if (!future && key > rkey && ahead > window_d)
            y--;
        p->y = y;
        p->kept_ahead = !future && y == ry && ahead > 0;
        *guessed_year = true;
    }
    if (p->kind == PD_MONTH) {
        month_bounds(p->y, p->m, a, b);
        *prec = TRUCE_DATE_MONTH;
        return true;
    }
    if (!cal_valid(p->y, p->m, p->d))
        return false;
    *a = cal_days(p->y, p->m, p->d);
    *b = *a;
    *prec = TRUCE_DATE_DAY;
    if (p->d2 && cal_valid(p->y, p->m, p->d2)) {
        *b = cal_days(p->y, p->m, p->d2);
        *prec = TRUCE_DATE_RANGE;
    }
    return true;
}

/* ---- the main patterns ----------------------------------------------- */

static int emit_year(dctx *c, size_t i0, size_t i1, int y, const char *how)
{
    truce_date_mention *m = emit(c, i0, i1);
    if (!m)
        return TRUCE_ENOMEM;
    set_days(m, cal_days(y, 1, 1), cal_days(y, 12, 31), TRUCE_DATE_YEAR);
    m->basis = how;
    return 0;
}

static const char *const PART_OF[] = {"end", "beginning", "start", "middle", NULL};

/* "the end of the year", "the beginning of this year", "the start of
 * next year", "the end of year": the year itself (TimeML's reading); the
 * basis names the part. Bare "the year" is the reference year only after
 * one of these words. */
static int try_year_part(dctx *c, size_t i, size_t *used)
{
    const ds_toks *k = &c->k;
    const char *t = c->t;
    if (!c->have_ref)
        return 0;
    size_t j = i + (ds_is(t, k, i, "the") ? 1 : 0);
    if (!ds_is_any(t, k, j, PART_OF) || !ds_is(t, k, j + 1, "of"))
        return 0;
    size_t part = j;
    j += 2;
    int dir = 0;
    if (ds_is(t, k, j, "the") || ds_is(t, k, j, "this"))
        j++;
    else if (ds_is(t, k, j, "last") || ds_is(t, k, j, "next")) {
        dir = ds_is(t, k, j, "last") ? -1 : 1;
        j++;
    }
    if (!ds_is(t, k, j, "year"))
        return 0;
    int ry, rm, rd;
    cal_civil(c->ref, &ry, &rm, &rd);
    int y = ry + dir;
    truce_date_mention *m = emit(c, i, j + 1);
    if (!m)
        return TRUCE_ENOMEM;
    set_days(m, cal_days(y, 1, 1), cal_days(y, 12, 31), TRUCE_DATE_YEAR);
    m->future = dir > 0;
    m->basis = truce_arena_printf(c->a, "year %d from reference %s (%.*s of the year)", y,
                                  ref_str(c, c->ref), (int)ds_len(k, part), t + k->t[part].s);
    *used = j + 1 - i;
    return m->basis ? 0 : TRUCE_ENOMEM;
}

/* A year range written "2009-2010" or "1957-58" names two years: each is
 * a mention of its own, as each may carry its own events. Also the short
 * forms "'82" (a year) and "the '70s" / "the 80s" (a decade), which take
 * the century that puts them on or before the reference year. */
static int try_short_year(dctx *c, size_t i, size_t *used)
{
    const ds_toks *k = &c->k;
    int y1;
    if (year_at(c, i, &y1) && y1 >= 1800 && y1 <= 2100 && ds_adjacent(k, i) &&
        ds_punct(k, i + 1, '-') && ds_adjacent(k, i + 1) && i + 2 < k->n &&
        k->t[i + 2].kind == DS_NUM && (ds_len(k, i + 2) == 2 || ds_len(k, i + 2) == 4) &&
        !(ds_adjacent(k, i + 2) && i + 3 < k->n &&
          (k->t[i + 3].kind != DS_PUNCT || ds_punct(k, i + 3, '-') || ds_punct(k, i + 3, '/'))) &&
        !(i > 0 && ds_adjacent(k, i - 1))) {
        long v = ds_num(c->t, k, i + 2);
        int y2 = ds_len(k, i + 2) == 2 ? (int)(y1 / 100 * 100 + v) : (int)v;
        if (y2 <= y1 || y2 - y1 > 20)
            return 0;
        int rc;
        if ((rc = emit_year(c, i, i + 1, y1, "year (first of a range of years)")) ||
            (rc = emit_year(c, i + 2, i + 3, y2, "year (last of a range of years)")))
            return rc;
        *used = 3;
        return 0;
    }
    /* "'82", "'70s", "70s" */
    size_t j = i;
    bool apos = ds_punct(k, i, '\'') && ds_adjacent(k, i);
    if (apos)
        j++;
    if (j >= k->n || k->t[j].kind != DS_NUM || ds_len(k, j) != 2 || !c->have_ref)
        return 0;
    bool decade = ds_adjacent(k, j) && ds_is(c->t, k, j + 1, "s");
    if (!decade && (!apos || (ds_adjacent(k, j) && j + 1 < k->n && k->t[j + 1].kind != DS_PUNCT)))
        return 0;
    if (!apos && !(i > 0 && ds_is(c->t, k, i - 1, "the")))
        return 0;
    if (apos && i > 0 && ds_adjacent(k, i - 1))
        return 0; /* "rock'n'roll 82" and words with apostrophes */
    long v = ds_num(c->t, k, j);
    if (decade && v % 10)
        return 0;
    int ry, rm, rd;
    cal_civil(c->ref, &ry, &rm, &rd);
    int y = (int)(ry / 100 * 100 + v);
    if (y > ry + 1) /* "iLife '11" written in 2010 */
        y -= 100;
    truce_date_mention *m = emit(c, i, j + (decade ? 2 : 1));
    if (!m)
        return TRUCE_ENOMEM;
    if (decade) {
        set_days(m, cal_days(y, 1, 1), cal_days(y + 9, 12, 31), TRUCE_DATE_RANGE);
        m->basis = truce_arena_printf(c->a, "decade (two digits, century from reference %s)",
                                      ref_str(c, c->ref));
    } else {
        set_days(m, cal_days(y, 1, 1), cal_days(y, 12, 31), TRUCE_DATE_YEAR);
        m->basis = truce_arena_printf(c->a, "year (two digits, century from reference %s)",
                                      ref_str(c, c->ref));
    }
    *used = j + (decade ? 2 : 1) - i;
    return m->basis ? 0 : TRUCE_ENOMEM;
}

static const char *const SPAN_PREFIX_OF[] = {"night", "morning", "evening", "afternoon",
                                             "eve", NULL};

/* An absolute/partial date with its prefixes and a possible second date. */
static int try_absolute(dctx *c, size_t i, size_t *used)
{
    const ds_toks *k = &c->k;
    size_t s0 = i, j = i;
    bool since = false, from = false, between = false, part = false, early = false;
    const char *partname = NULL;
    /* leading words that change the meaning but stay out of the span */
    if (ds_is(c->t, k, j, "since"))
        since = true, j++;
    else if (ds_is(c->t, k, j, "from"))
        from = true, j++;
    else if (ds_is(c->t, k, j, "between"))
        between = true, j++;
    size_t sp = j; /* span start */
    if (ds_is(c->t, k, j, "the") && j + 2 < k->n && k->t[j + 1].kind == DS_NUM &&
        ds_adjacent(k, j + 1) && k->t[j + 2].kind == DS_WORD)
        j++; /* "the 5th of May" */
    if (ds_is(c->t, k, j, "the") && ds_is_any(c->t, k, j + 1, SPAN_PREFIX_OF) &&
        ds_is(c->t, k, j + 2, "of"))
        j += 3;
    else if (ds_is(c->t, k, j, "the") && ds_is_any(c->t, k, j + 1, PART_OF) &&
             ds_is(c->t, k, j + 2, "of")) {
        part = true;
        partname = c->t + k->t[j + 1].s;
        (void)partname;
        j += 3;
    } else if ((ds_is(c->t, k, j, "early") || ds_is(c->t, k, j, "late")) && j + 1 < k->n) {
        early = true;
        j += 1;
    } else if (ds_is(c->t, k, j, "mid") && ds_punct(k, j + 1, '-') && ds_adjacent(k, j)) {
        early = true;
        j += 2;
    }
    pdate p;
    bool prep = since || from || between || part || early ||
                (j > 0 && (ds_is(c->t, k, j - 1, "in") || ds_is(c->t, k, j - 1, "of") ||
                           ds_is(c->t, k, j - 1, "by") || ds_is(c->t, k, j - 1, "until") ||
                           ds_is(c->t, k, j - 1, "during") || ds_is(c->t, k, j - 1, "last") ||
                           ds_is(c->t, k, j - 1, "next") || ds_is(c->t, k, j - 1, "this") ||
                           ds_is(c->t, k, j - 1, "before") || ds_is(c->t, k, j - 1, "after") ||
                           ds_is(c->t, k, j - 1, "till") || ds_is(c->t, k, j - 1, "through")));
    size_t n = core_at(c, j, &p, prep);
    if (!n)
        return 0;
    if (early && p.kind == PD_DAY) {
        /* "late November 10" is unusual; read the date without the prefix */
        sp = j;
    }
    size_t e = j + n;
    /* a second date: "to December 22, 2020", "-22 November", "and 25" */
    pdate q;
    memset(&q, 0, sizeof q);
    size_t qn = 0;
    if (p.kind == PD_DAY || p.kind == PD_MONTH) {
        bool conn = ds_is(c->t, k, e, "to") || ds_is(c->t, k, e, "until") ||
                    ds_is(c->t, k, e, "till") || ds_is(c->t, k, e, "through") ||
                    ds_punct(k, e, '-') || (between && ds_is(c->t, k, e, "and"));
        if (conn) {
            qn = core_at(c, e + 1, &q, true);
            if (qn && q.kind != p.kind)
                qn = 0;
            if (!qn && p.kind == PD_DAY && !p.d2 && (between || from)) {
                /* "between November 21 and 22" */
                int d2;
                size_t dn = day_at(c, e + 1, &d2);
                if (dn && d2 > p.d) {
                    p.d2 = d2;
                    e += 1 + dn;
                    int y;
                    size_t yn = year_after(c, e, &y);
                    if (yn && !p.y)
                        p.y = y;
                    e += yn;
                }
            }
        }
    }
    bool future = future_context(c, sp, qn ? e + 1 + qn : e);
    if (sp > 0 && !p.y && !since &&
        (ds_is(c->t, k, sp - 1, "until") || ds_is(c->t, k, sp - 1, "till") ||
         ds_is(c->t, k, sp - 1, "through") || ds_is(c->t, k, sp - 1, "by")))
        p.endpoint = true;
    if (sp > 0 && ds_is(c->t, k, sp - 1, "last") && !p.y)
        p.strict_past = true, future = false;
    else if (sp > 0 && ds_is(c->t, k, sp - 1, "next") && !p.y)
        p.strict_past = true, future = true; /* strictly after, here */
    long a, b, a2, b2;
    truce_date_precision prec, prec2;
    bool g1, g2 = false;
    if (qn) {
        if (!q.y && p.y)
            q.y = p.y + ((q.m < p.m) ? 1 : 0);
        if (!p.y && q.y) {
            p.y = q.y - ((p.m > q.m) ? 1 : 0);
            p.how = "absolute range, year written at its end";
        }
    }
    *used = (qn ? e + 1 + qn : e) - s0;
    truce_date_mention *m = emit(c, sp, s0 + *used);
    if (!m)
        return TRUCE_ENOMEM;
    if (!resolve(c, &p, future, &a, &b, &prec, &g1)) {
        m->precision = p.kind == PD_MONTH ? TRUCE_DATE_MONTH : TRUCE_DATE_DAY;
        m->basis = "unresolved: no year and no reference date";
        return 0;
    }
    if (qn && resolve(c, &q, future, &a2, &b2, &prec2, &g2) && b2 >= a) {
        b = b2;
        prec = TRUCE_DATE_RANGE;
    }
    const char *basis = p.how;
    if (g1)
        basis = truce_arena_printf(c->a, "%s, year from reference %s%s", p.how,
                                   ref_str(c, c->ref), future ? " (future: on or after)"
                                   : p.kept_ahead ? " (a few weeks after it: same year)"
                                                  : " (on or before)");
    if (part && p.kind == PD_MONTH)
        basis = truce_arena_printf(c->a, "%s; part of the month", basis ? basis : "");
    if (early && p.kind == PD_MONTH)
        basis = truce_arena_printf(c->a, "%s; early/mid/late", basis ? basis : "");
    if (since) {
        long r = c->have_ref ? c->ref : b;
        if (r < a)
            r = b;
        set_days(m, a, r, TRUCE_DATE_RANGE);
        m->open_end = true;
        basis = truce_arena_printf(c->a, "since %s, open until the reference date",
                                   basis ? basis : "");
    } else
        set_days(m, a, b, prec);
    m->basis = basis ? basis : "absolute";
    m->future = future && g1;
    if (prec == TRUCE_DATE_DAY && !since) {
        c->anchor_valid = true;
        c->anchor = a;
        c->anchor_sent = m->sentence;
        c->anchor_tok = s0 + *used;
    }
    return 0;
}

static bool is_unit(const dctx *c, size_t i, int *unit)
{
    /* 0 day, 1 week, 2 month, 3 year, 4 hour/minute/second, 5 night, 6 decade, 7 fortnight */
    static const int U[] = {0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 4, 4, 5, 5, 7, 6, 6, 4, 4};
    for (int u = 0; UNITS[u]; u++)
        if (ds_is(c->t, &c->k, i, UNITS[u])) {
            *unit = U[u];
            return true;
        }
    return false;
}

/* A count before a unit: "six", "44", "a", "a few", "several", "forty-two". */
static size_t count_at(const dctx *c, size_t i, long *lo, long *hi)
{
    const ds_toks *k = &c->k;
    long v;
    if (i < k->n && k->t[i].kind == DS_NUM && !(ds_adjacent(k, i) && ds_punct(k, i + 1, ','))) {
        v = ds_num(c->t, k, i);
        if (v < 0 || (i > 0 && ds_adjacent(k, i - 1) && k->t[i - 1].kind != DS_PUNCT))
            return 0;
        *lo = *hi = v;
        return 1;
    }
    if ((v = ds_small_number_word(c->t, k, i)) >= 0) {
        if (ds_punct(k, i + 1, '-') && ds_adjacent(k, i)) {
            long u = ds_small_number_word(c->t, k, i + 2);
            if (u > 0 && u < 10 && v >= 20) {
                *lo = *hi = v + u;
                return 3;
            }
        }
        *lo = *hi = v;
        return 1;
    }
    if (ds_is(c->t, k, i, "a") && ds_is(c->t, k, i + 1, "few"))
        return *lo = 2, *hi = 4, 2;
    if (ds_is(c->t, k, i, "a") && ds_is(c->t, k, i + 1, "couple") && ds_is(c->t, k, i + 2, "of"))
        return *lo = 2, *hi = 2, 3;
    if (ds_is(c->t, k, i, "a") || ds_is(c->t, k, i, "an"))
        return *lo = *hi = 1, 1;
    if (ds_is(c->t, k, i, "several"))
        return *lo = 3, *hi = 7, 1;
    if (ds_is(c->t, k, i, "few"))
        return *lo = 2, *hi = 4, 1;
    return 0;
}

static long shift_months(long day, int months)
{
    int y, m, d;
    cal_civil(day, &y, &m, &d);
    long total = (long)y * 12 + (m - 1) + months;
    y = (int)(total / 12), m = (int)(total % 12) + 1;
    if (d > cal_month_len(y, m))
        d = cal_month_len(y, m);
    return cal_days(y, m, d);
}

/* The length in ISO 8601 form ("P6W", "PT1H", "PXD" when the count is vague),
 * so that the basis says how long, not only that it is a length. */
static const char *duration_basis(dctx *c, size_t unit_tok, int unit, long lo, long hi, bool half)
{
    const char *w = c->t + c->k.t[unit_tok].s;
    char letter = "DWMYHDYW"[unit];
    bool t = unit == 4;
    if (t)
        letter = (w[0] == 'm' || w[0] == 'M') ? 'M' : (w[0] == 's' || w[0] == 'S') ? 'S' : 'H';
    long n = lo;
    if (unit == 7)
        n *= 2;
    if (unit == 6)
        n *= 10;
    if (lo != hi)
        return truce_arena_printf(c->a, "duration P%sX%s", t ? "T" : "", (char[]){letter, 0});
    if (half) /* "two and a half years": P2.5Y */
        return truce_arena_printf(c->a, "duration P%s%ld.5%c", t ? "T" : "", n, letter);
    return truce_arena_printf(c->a, "duration P%s%ld%c", t ? "T" : "", n, letter);
}

/* "three days ago", "a few months ago", "six weeks of fighting", "an hour later". */
/* A plural unit with no count: "for years", "in recent weeks", "took
 * days", "minutes later". A length of unknown count (basis "PXY"); left
 * alone after words that make it something else ("these days", "the
 * days of", "the early years"). */
static int try_bare_units(dctx *c, size_t i, size_t *used)
{
    const ds_toks *k = &c->k;
    static const char *const PLURALS[] = {"days", "weeks", "months", "years", "hours",
                                          "minutes", "decades", NULL};
    static const char *const LETTER = "DWMYHMY";
    static const char *const BEFORE[] = {"for", "recent", "take", "takes", "took", "taken",
                                         "within", "lasted", "last", "spent", "spend", "over",
                                         "after", "wait", "waited", NULL};
    size_t u = i, s0 = i;
    if (ds_is(c->t, k, i, "recent"))
        u = i + 1;
    int x = -1;
    for (int w = 0; PLURALS[w]; w++)
        if (ds_is(c->t, k, u, PLURALS[w]))
            x = w;
    if (x < 0 || ds_cap(c->t, k, u) || (ds_adjacent(k, u) && ds_punct(k, u + 1, '-')))
        return 0; /* "hours-long" is an adjective */
    bool ok = u > i;
    if (!ok && i > 0 && ds_is_any(c->t, k, i - 1, BEFORE))
        ok = true;
    /* "over the years" */
    if (!ok && i > 1 && ds_is(c->t, k, i - 1, "the") && ds_is(c->t, k, i - 2, "over") &&
        !ds_is(c->t, k, u + 1, "of") && !ds_is(c->t, k, u + 1, "since"))
        ok = true, s0 = i - 1;
    /* "days before", "minutes later", "weeks after" */
    if (!ok && (ds_is(c->t, k, u + 1, "later") || ds_is(c->t, k, u + 1, "earlier") ||
                ds_is(c->t, k, u + 1, "before") || ds_is(c->t, k, u + 1, "after")) &&
        !(i > 0 && k->t[i - 1].kind == DS_WORD && !ds_is_any(c->t, k, i - 1, BEFORE) &&
          !ds_is(c->t, k, i - 1, "and") && !ds_is(c->t, k, i - 1, "just") &&
          !ds_is(c->t, k, i - 1, "only")))
        ok = true;
    if (!ok)
        return 0;
    truce_date_mention *m = emit(c, s0, u + 1);
    if (!m)
        return TRUCE_ENOMEM;
    m->is_duration = true;
    bool t = x == 4 || x == 5;
    m->basis = truce_arena_printf(c->a, "duration P%sX%s (count not given)", t ? "T" : "",
                                  x == 6 ? "DE" : (char[]){LETTER[x], 0});
    *used = u + 1 - s0;
    return m->basis ? 0 : TRUCE_ENOMEM;
}

static int try_count_unit(dctx *c, size_t i, size_t *used)
{
    const ds_toks *k = &c->k;
    long lo, hi;
    size_t n = count_at(c, i, &lo, &hi);
    if (!n)
        return try_bare_units(c, i, used);
    size_t j = i + n;
    bool hyph = false, half = false;
    if (ds_punct(k, j, '-') && ds_adjacent(k, j - 1) && ds_adjacent(k, j))
        j++, hyph = true;
    else if (lo == hi && ds_is(c->t, k, j, "and") && ds_is(c->t, k, j + 1, "a") &&
             ds_is(c->t, k, j + 2, "half"))
        j += 3, half = true;
    int unit;
    /* "six straight days", "five trading days", "two more weeks" */
    static const char *const MODS[] = {"straight", "consecutive", "successive", "trading",
                                       "working", "business", "full", "whole", "more", "long",
                                       NULL};
    if (!hyph && !is_unit(c, j, &unit) && ds_is_any(c->t, k, j, MODS) && is_unit(c, j + 1, &unit))
        j++;
    if (!is_unit(c, j, &unit))
        return 0;
    /* "a 22-year-old son": an age, not a length of time */
    if (hyph && ds_punct(k, j + 1, '-') && ds_adjacent(k, j) && ds_is(c->t, k, j + 2, "old"))
        return *used = j + 3 - i, 0;
    size_t unit_tok = j;
    /* "a second time" is an ordinal */
    if ((ds_is(c->t, k, i, "a") || ds_is(c->t, k, i, "an")) && n == 1 &&
        (ds_is(c->t, k, j, "second") || ds_is(c->t, k, j, "seconds")))
        return 0;
    /* "a day" in "twice a day" is a rate */
    if ((ds_is(c->t, k, i, "a") || ds_is(c->t, k, i, "an")) && n == 1 && i > 0 &&
        (ds_is(c->t, k, i - 1, "twice") || ds_is(c->t, k, i - 1, "once") ||
         ds_is(c->t, k, i - 1, "times") || ds_is(c->t, k, i - 1, "per")))
        return 0;
    j++;
    if (!hyph && !half && ds_is(c->t, k, j, "ago") && c->have_ref && unit <= 3) {
        long r = c->ref;
        truce_date_mention *m = emit(c, i, j + 1);
        if (!m)
            return TRUCE_ENOMEM;
        long a, b;
        truce_date_precision p;
        if (unit == 0)
            a = r - hi, b = r - lo, p = lo == hi ? TRUCE_DATE_DAY : TRUCE_DATE_RANGE;
        else if (unit == 1 && lo == hi)
            a = b = r - 7 * lo, p = TRUCE_DATE_DAY;
        else if (unit == 1) {
            long ws = r - cal_weekday(r);
            a = ws - 7 * hi, b = ws - 7 * lo + 6, p = TRUCE_DATE_RANGE;
        } else if (unit == 2) {
            int y, mm, d;
            cal_civil(shift_months(r, -(int)hi), &y, &mm, &d);
            a = cal_days(y, mm, 1);
            cal_civil(shift_months(r, -(int)lo), &y, &mm, &d);
            b = cal_days(y, mm, cal_month_len(y, mm));
            p = lo == hi ? TRUCE_DATE_MONTH : TRUCE_DATE_RANGE;
        } else {
            int y, mm, d;
            cal_civil(r, &y, &mm, &d);
            a = cal_days(y - (int)hi, 1, 1), b = cal_days(y - (int)lo, 12, 31);
            p = lo == hi ? TRUCE_DATE_YEAR : TRUCE_DATE_RANGE;
        }
        set_days(m, a, b, p);
        m->basis = truce_arena_printf(c->a, "%s before reference %s%s",
                                      unit == 0 ? "days" : unit == 1 ? "weeks" : unit == 2 ? "months" : "years",
                                      ref_str(c, r), lo == hi ? "" : " (vague count)");
        *used = j + 1 - i;
        return 0;
    }
    if (ds_is(c->t, k, j, "later") || ds_is(c->t, k, j, "earlier"))
        j++;
    truce_date_mention *m = emit(c, i, j);
    if (!m)
        return TRUCE_ENOMEM;
    m->is_duration = true;
    m->basis = duration_basis(c, unit_tok, unit, lo, hi, half);
    *used = j - i;
    return m->basis ? 0 : TRUCE_ENOMEM;
}

static int deictic_day(dctx *c, size_t i0, size_t i1, int delta, const char *word, bool anchored)
{
    long r = c->ref;
    bool have = c->have_ref;
    const char *how = "reference";
    uint32_t s = c->k.t[i0].sent;
    /* the text anchors to a nearby explicit date: same sentence and close by,
     * or the sentence before for "the next day" and its kin */
    if (c->anchor_valid &&
        ((c->anchor_sent == s && i0 - c->anchor_tok < 30) || (anchored && c->anchor_sent + 1 == s))) {
        r = c->anchor, have = true;
        how = "explicit date nearby";
    }
    if (!have)
        return 0;
    truce_date_mention *m = emit(c, i0, i1);
    if (!m)
        return TRUCE_ENOMEM;
    set_days(m, r + delta, r + delta, TRUCE_DATE_DAY);
    m->future = delta > 0;
    m->basis = truce_arena_printf(c->a, "deictic %s from %s %s", word, how, ref_str(c, r));
    return m->basis ? 0 : TRUCE_ENOMEM;
}

/* today, yesterday, last night, this week, earlier this month, the next day... */
static int try_deictic(dctx *c, size_t i, size_t *used)
{
    const ds_toks *k = &c->k;
    const char *t = c->t;
    if (!c->have_ref && !c->anchor_valid)
        return 0;
    int rc;
#define DAYW(n, delta, word, anch)                                                   \
    do {                                                                               \
        *used = (n);                                                                   \
        if ((rc = deictic_day(c, i, i + (n), (delta), (word), (anch))))                \
            return rc;                                                                 \
        return 0;                                                                      \
    } while (0)
    if (ds_is(t, k, i, "the") && ds_is(t, k, i + 1, "day") && ds_is(t, k, i + 2, "before") &&
        ds_is(t, k, i + 3, "yesterday"))
        DAYW(4, -2, "the day before yesterday", false);
    if (ds_is(t, k, i, "the") && ds_is(t, k, i + 1, "day") && ds_is(t, k, i + 2, "after") &&
        ds_is(t, k, i + 3, "tomorrow"))
        DAYW(4, 2, "the day after tomorrow", false);
    if ((ds_is(t, k, i, "today") || ds_is(t, k, i, "tonight")) && c->have_ref) {
        /* "today" is the day of writing, whatever date the sentence names */
        truce_date_mention *m = emit(c, i, i + 1);
        if (!m)
            return TRUCE_ENOMEM;
        set_days(m, c->ref, c->ref, TRUCE_DATE_DAY);
        m->basis = truce_arena_printf(c->a, "deictic %s from reference %s",
                                      ds_is(t, k, i, "today") ? "today" : "tonight", ref_str(c, c->ref));
        *used = 1;
        return m->basis ? 0 : TRUCE_ENOMEM;
    }
    if ((ds_is(t, k, i, "now") || ds_is(t, k, i, "currently")) && c->have_ref &&
        !(ds_adjacent(k, i) && ds_punct(k, i + 1, '-'))) /* "the now-cancelled deal" */
        DAYW(1, 0, "now (present reference)", false);
    if (ds_is(t, k, i, "yesterday"))
        DAYW(1, -1, "yesterday", false);
    if (ds_is(t, k, i, "tomorrow"))
        DAYW(1, 1, "tomorrow", false);
    if (ds_is(t, k, i, "last") && ds_is(t, k, i + 1, "night"))
        DAYW(2, -1, "last night", false);
    if (ds_is(t, k, i, "this") &&
        (ds_is(t, k, i + 1, "morning") || ds_is(t, k, i + 1, "afternoon") ||
         ds_is(t, k, i + 1, "evening")))
        DAYW(2, 0, "this morning/afternoon/evening", false);
    if (ds_is(t, k, i, "the") &&
        (ds_is(t, k, i + 1, "next") || ds_is(t, k, i + 1, "following") ||
         ds_is(t, k, i + 1, "previous")) &&
        ds_is(t, k, i + 2, "day") && c->anchor_valid)
        DAYW(3, ds_is(t, k, i + 1, "previous") ? -1 : 1, "the next/previous day", true);
    if (ds_is(t, k, i, "the") && ds_is(t, k, i + 1, "day") && ds_is(t, k, i + 2, "before") &&
        c->anchor_valid && !(i + 3 < k->n && k->t[i + 3].kind != DS_PUNCT))
        DAYW(3, -1, "the day before", true);
    if (ds_is(t, k, i, "the") && ds_is(t, k, i + 1, "same") && ds_is(t, k, i + 2, "day") &&
        c->anchor_valid)
        DAYW(3, 0, "the same day", true);
    /* "ended the day", "throughout the day", "later in the day": the day
     * the text is about (an explicit day nearby, else the reference) */
    if (ds_is(t, k, i, "the") && ds_is(t, k, i + 1, "day") && i > 0 &&
        !ds_is(t, k, i + 2, "before") && !ds_is(t, k, i + 2, "after") && !ds_is(t, k, i + 2, "of") &&
        !ds_is(t, k, i + 2, "when") && !ds_is(t, k, i + 2, "that")) {
        static const char *const DAY_VERBS[] = {"throughout", "during", "for", "end", "ended",
                                                "ending", "ends", "finish", "finished",
                                                "finishing", "close", "closed", "closing",
                                                "start", "started", "began", "begin", NULL};
        static const char *const DAY_IN[] = {"later", "late", "earlier", "early", "rest", NULL};
        if (ds_is_any(t, k, i - 1, DAY_VERBS) ||
            ((ds_is(t, k, i - 1, "in") || ds_is(t, k, i - 1, "of")) && i > 1 &&
             ds_is_any(t, k, i - 2, DAY_IN)))
            DAYW(2, 0, "the day", true);
    }
#undef DAYW
    if (!c->have_ref)
        return 0;
    /* week/month/year relative to the reference */
    size_t j = i;
    int dir = 99;
    bool earlier = false, later = false;
    if (ds_is(t, k, j, "earlier") && ds_is(t, k, j + 1, "this"))
        earlier = true, dir = 0, j += 2;
    else if (ds_is(t, k, j, "later") && ds_is(t, k, j + 1, "this"))
        later = true, dir = 0, j += 2;
    else if (ds_is(t, k, j, "this"))
        dir = 0, j++;
    else if (ds_is(t, k, j, "last") || ds_is(t, k, j, "past") || ds_is(t, k, j, "previous"))
        dir = -1, j++;
    else if (ds_is(t, k, j, "next") || ds_is(t, k, j, "coming"))
        dir = 1, j++;
    else if (ds_is(t, k, j, "the") && (ds_is(t, k, j + 1, "past") || ds_is(t, k, j + 1, "last") ||
                                      ds_is(t, k, j + 1, "coming")))
        dir = ds_is(t, k, j + 1, "coming") ? 1 : -1, j += 2;
    if (dir == 99)
        return 0;
    /* "this fiscal year": the year of the reference all the same */
    if ((ds_is(t, k, j, "fiscal") || ds_is(t, k, j, "financial") || ds_is(t, k, j, "calendar")) &&
        ds_is(t, k, j + 1, "year"))
        j++;
    /* "the next decade", "the past decade": a length of ten years */
    if (ds_is(t, k, j, "decade") && dir != 0 && !earlier && !later) {
        truce_date_mention *m = emit(c, i, j + 1);
        if (!m)
            return TRUCE_ENOMEM;
        m->is_duration = true;
        m->future = dir > 0;
        m->basis = dir > 0 ? "duration P10Y (the next decade)" : "duration P10Y (the past decade)";
        *used = j + 1 - i;
        return 0;
    }
    long r = c->ref;
    int ry, rm, rd;
    cal_civil(r, &ry, &rm, &rd);
    long a, b;
    truce_date_precision p;
    const char *what;
    if (ds_is(t, k, j, "week")) {
        long ws = r - cal_weekday(r) + 7 * dir;
        a = ws, b = ws + 6, p = TRUCE_DATE_RANGE, what = "week";
    } else if (ds_is(t, k, j, "weekend")) {
        long ws = r - cal_weekday(r) + 7 * dir;
        if (dir == -1 && cal_weekday(r) >= 5)
            ws += 7;
        a = ws + 5, b = ws + 6, p = TRUCE_DATE_RANGE, what = "weekend";
    } else if (ds_is(t, k, j, "month")) {
        int y, m, d;
        cal_civil(shift_months(cal_days(ry, rm, 1), dir), &y, &m, &d);
        month_bounds(y, m, &a, &b);
        p = TRUCE_DATE_MONTH, what = "month";
    } else if (ds_is(t, k, j, "year")) {
        a = cal_days(ry + dir, 1, 1), b = cal_days(ry + dir, 12, 31);
        p = TRUCE_DATE_YEAR, what = "year";
    } else {
        int w = weekday_at(c, j);
        if (w < 0 || earlier || later)
            return 0;
        long d;
        int rw = cal_weekday(r);
        if (dir == 1)
            d = r + ((w - rw + 7) % 7 == 0 ? 7 : (w - rw + 7) % 7);
        else if (dir == -1)
            d = r - ((rw - w + 7) % 7 == 0 ? 7 : (rw - w + 7) % 7);
        else {
            bool fut = future_context(c, i, j + 1);
            d = fut ? r + (w - rw + 7) % 7 : r - (rw - w + 7) % 7;
            dir = fut ? 1 : 0;
        }
        truce_date_mention *m = emit(c, i, j + 1);
        if (!m)
            return TRUCE_ENOMEM;
        set_days(m, d, d, TRUCE_DATE_DAY);
        m->future = dir == 1;
        m->basis = truce_arena_printf(c->a, "weekday %s reference %s",
                                      dir == 1 ? "after" : "before", ref_str(c, r));
        *used = j + 1 - i;
        return 0;
    }
    if (earlier && b > r)
        b = r;
    if (later && a < r)
        a = r;
    truce_date_mention *m = emit(c, i, j + 1);
    if (!m)
        return TRUCE_ENOMEM;
    set_days(m, a, b, p);
    m->future = dir == 1 || later;
    m->basis = truce_arena_printf(c->a, "deictic %s%s %s from reference %s",
                                  earlier ? "earlier " : later ? "later " : "",
                                  dir < 0 ? "last" : dir > 0 ? "next" : "this", what, ref_str(c, r));
    *used = j + 1 - i;
    return 0;
}

/* "on Tuesday": the latest such day on or before the reference, or after it
 * when the clause speaks of the future. */
static int try_weekday(dctx *c, size_t i, size_t *used)
{
    int w = weekday_at(c, i);
    if (w < 0 || !c->have_ref)
        return 0;
    /* "Black Monday", "Good Friday", "Bloody Sunday" name a day of their
     * own, not the latest such weekday */
    static const char *const NAMED[] = {"black", "bloody", "good", "super", "ash", "holy",
                                        "maundy", "palm", "cyber", "easter", "whit", NULL};
    if (i > 0 && ds_cap(c->t, &c->k, i - 1) && ds_is_any(c->t, &c->k, i - 1, NAMED)) {
        *used = 1;
        return 0;
    }
    long r = c->ref;
    int rw = cal_weekday(r);
    bool fut = future_context(c, i, i + 1);
    /* "will meet on Thursday" written on a Thursday most often means that day */
    long d = fut ? r + (w - rw + 7) % 7 : r - (rw - w + 7) % 7;
    truce_date_mention *m = emit(c, i, i + 1);
    if (!m)
        return TRUCE_ENOMEM;
    set_days(m, d, d, TRUCE_DATE_DAY);
    m->future = fut;
    m->basis = truce_arena_printf(c->a, "weekday %s reference %s", fut ? "on or after" : "before",
                                  ref_str(c, r));
    /* "On Friday ... the same day", "said on Tuesday ... tomorrow": the
     * weekday is the nearer explicit day the text anchors to */
    c->anchor_valid = true;
    c->anchor = d;
    c->anchor_sent = m->sentence;
    c->anchor_tok = i + 1;
    *used = 1;
    return m->basis ? 0 : TRUCE_ENOMEM;
}

/* "on the 23rd": a day of the reference month (or the month before). */
static int try_ordinal_day(dctx *c, size_t i, size_t *used)
{
    const ds_toks *k = &c->k;
    if (!c->have_ref || !ds_is(c->t, k, i, "the"))
        return 0;
    int day;
    size_t n = day_at(c, i + 1, &day);
    if (n != 2)
        return 0;
    size_t j = i + 1 + n;
    if (j < k->n && k->t[j].kind == DS_WORD && !ds_is(c->t, k, j, "and") &&
        !ds_is(c->t, k, j, "when") && !ds_is(c->t, k, j, "at"))
        return 0; /* "the 23rd brigade" */
    int ry, rm, rd;
    cal_civil(c->ref, &ry, &rm, &rd);
    int y = ry, m = rm;
    bool fut = future_context(c, i, j);
    if (!fut && day > rd) {
        if (--m == 0)
            m = 12, y--;
    } else if (fut && day < rd) {
        if (++m == 13)
            m = 1, y++;
    }
    if (!cal_valid(y, m, day))
        return 0;
    truce_date_mention *o = emit(c, i, j);
    if (!o)
        return TRUCE_ENOMEM;
    long d = cal_days(y, m, day);
    set_days(o, d, d, TRUCE_DATE_DAY);
    o->future = fut;
    o->basis = truce_arena_printf(c->a, "day of the month nearest reference %s",
                                  ref_str(c, c->ref));
    *used = j - i;
    return 0;
}

/* "the third quarter of 2009", "the first quarter of last year",
 * "the 20th century". */
static int try_quarter(dctx *c, size_t i, size_t *used)
{
    const ds_toks *k = &c->k;
    const char *t = c->t;
    static const char *const ORD[] = {"first", "second", "third", "fourth", NULL};
    int q = 0;
    /* "third-quarter profit", "the fourth quarter": a quarter without a
     * year is one of the reference year, or of the year before when it lies
     * more than a quarter ahead ("the fourth quarter" read in March);
     * forward in future context. "the last/past quarter" is the one before
     * the reference's. */
    size_t j0 = i + (ds_is(t, k, i, "the") ? 1 : 0);
    bool hy = ds_punct(k, j0 + 1, '-') && ds_adjacent(k, j0) && ds_adjacent(k, j0 + 1);
    for (int x = 0; ORD[x]; x++)
        if (ds_is(t, k, j0, ORD[x]))
            q = x + 1;
    bool prev = (ds_is(t, k, j0, "last") || ds_is(t, k, j0, "past") || ds_is(t, k, j0, "previous")) &&
                j0 > i;
    size_t qt = j0 + 1 + (hy ? 1 : 0);
    if (c->have_ref && (q || prev) && ds_is(t, k, qt, "quarter") && !ds_is(t, k, qt + 1, "of") &&
        !(ds_adjacent(k, qt) && ds_punct(k, qt + 1, '-')) && /* "a quarter-century" */
        !ds_is(t, k, qt + 1, "century") && (j0 > i || hy)) {
        int ry, rm, rd;
        cal_civil(c->ref, &ry, &rm, &rd);
        int rq = (rm - 1) / 3 + 1, y = ry;
        bool fut = future_context(c, i, qt + 1);
        if (prev) {
            q = rq - 1;
            if (q == 0)
                q = 4, y--;
        } else if (fut) {
            if (q < rq)
                y++;
        } else if (q > rq + 1)
            y--;
        truce_date_mention *m = emit(c, i, qt + 1);
        if (!m)
            return TRUCE_ENOMEM;
        set_days(m, cal_days(y, 3 * q - 2, 1), cal_days(y, 3 * q, cal_month_len(y, 3 * q)),
                 TRUCE_DATE_RANGE);
        m->future = fut && !prev;
        m->basis = truce_arena_printf(c->a, "quarter Q%d of %d (year from reference %s)", q, y,
                                      ref_str(c, c->ref));
        *used = qt + 1 - i;
        return m->basis ? 0 : TRUCE_ENOMEM;
    }
    if (!ds_is(t, k, i, "the"))
        return 0;
    if (ds_is(t, k, i + 1, "final") || ds_is(t, k, i + 1, "last"))
        q = 4;
    if (q && ds_is(t, k, i + 2, "quarter") && ds_is(t, k, i + 3, "of")) {
        size_t j = i + 4;
        int y = 0;
        if (year_at(c, j, &y))
            j++;
        else if (c->have_ref && (ds_is(t, k, j, "this") || ds_is(t, k, j, "last") ||
                                 ds_is(t, k, j, "next")) && ds_is(t, k, j + 1, "year")) {
            int ry, rm, rd;
            cal_civil(c->ref, &ry, &rm, &rd);
            y = ry + (ds_is(t, k, j, "last") ? -1 : ds_is(t, k, j, "next") ? 1 : 0);
            j += 2;
        } else
            return 0;
        truce_date_mention *m = emit(c, i, j);
        if (!m)
            return TRUCE_ENOMEM;
        long a = cal_days(y, 3 * q - 2, 1), b = cal_days(y, 3 * q, cal_month_len(y, 3 * q));
        set_days(m, a, b, TRUCE_DATE_RANGE);
        m->basis = truce_arena_printf(c->a, "quarter Q%d of %d", q, y);
        *used = j - i;
        return m->basis ? 0 : TRUCE_ENOMEM;
    }
    int n;
    size_t dn = day_at(c, i + 1, &n);
    if (dn == 2 && n >= 1 && n <= 21 && ds_is(t, k, i + 3, "century")) {
        truce_date_mention *m = emit(c, i, i + 4);
        if (!m)
            return TRUCE_ENOMEM;
        set_days(m, cal_days((n - 1) * 100 > 0 ? (n - 1) * 100 : 1, 1, 1),
                 cal_days(n * 100 - 1, 12, 31), TRUCE_DATE_RANGE);
        m->basis = truce_arena_printf(c->a, "century %d", n);
        *used = 4;
        return m->basis ? 0 : TRUCE_ENOMEM;
    }
    return 0;
}

/* Seasons (northern hemisphere): "last summer", "this winter", "the spring
 * of 2020", "autumn 2019". "the" season after a preposition ("in the
 * spring", "during the winter") is the latest one that has begun by the
 * reference, or the next in future context; "in summer" (habitual more
 * often than not), "a spring" and "the fall of Kabul" are left alone. */
static int try_season(dctx *c, size_t i, size_t *used)
{
    const ds_toks *k = &c->k;
    const char *t = c->t;
    static const char *const SEASONS[] = {"spring", "summer", "autumn", "fall", "winter", NULL};
    static const char *const CODE[] = {"SP", "SU", "FA", "FA", "WI"};
    static const int FIRST[] = {3, 6, 9, 9, 12};
    size_t j = i;
    int dir = 99;
    if (ds_is(t, k, j, "the"))
        j++;
    if (ds_is(t, k, j, "last") || ds_is(t, k, j, "past"))
        dir = -1, j++;
    else if (ds_is(t, k, j, "this"))
        dir = 0, j++;
    else if (ds_is(t, k, j, "next") || ds_is(t, k, j, "coming"))
        dir = 1, j++;
    int sn = -1;
    for (int x = 0; SEASONS[x]; x++)
        if (ds_is(t, k, j, SEASONS[x]))
            sn = x;
    if (sn < 0)
        return 0;
    j++;
    int y = 0;
    if (ds_is(t, k, j, "of") && year_at(c, j + 1, &y))
        j += 2;
    else if (year_at(c, j, &y))
        j++;
    bool bare = false;
    if (!y && dir == 99) {
        static const char *const PREPS[] = {"in", "during", "by", "until", "till", "through",
                                            "since", "over", "throughout", NULL};
        if (!(i > 0 && ds_is_any(t, k, i - 1, PREPS)) || ds_is(t, k, j, "of") ||
            j != i + 2 || ds_cap(t, k, i + 1))
            return 0; /* "in summer" is habitual more often than not; "the fall of" */
        bare = true;
        dir = future_context(c, i, j) ? 2 : -2;
    }
    if (!y) {
        if (dir == 99 || !c->have_ref)
            return 0;
        int ry, rm, rd;
        cal_civil(c->ref, &ry, &rm, &rd);
        /* the season containing the reference, as (year, first month) */
        int cur_y = ry, cur_first = rm >= 12 ? 12 : rm >= 9 ? 9 : rm >= 6 ? 6 : rm >= 3 ? 3 : 12;
        if (rm < 3)
            cur_y = ry - 1;
        long cur = (long)cur_y * 12 + cur_first;
        long want = (long)ry * 12 + FIRST[sn];
        if (dir == 2) {
            while (want < cur) want += 12;
            while (want - 12 >= cur) want -= 12;
        } else if (dir == -2) {
            while (want > cur) want -= 12;
            while (want + 12 <= cur) want += 12;
        } else if (dir == 0) {
            while (want > cur + 6) want -= 12;
            while (want < cur - 6) want += 12;
        } else if (dir < 0) {
            while (want >= cur) want -= 12;
        } else {
            while (want <= cur) want += 12;
        }
        y = (int)((want - 1) / 12);
    } else if (dir != 99) {
        return 0; /* "last summer 2019" is odd; let the year reader have it */
    }
    int m0 = FIRST[sn];
    long a = cal_days(y, m0, 1);
    int ey = m0 == 12 ? y + 1 : y, em = m0 == 12 ? 2 : m0 + 2;
    long b = cal_days(ey, em, cal_month_len(ey, em));
    truce_date_mention *m = emit(c, i, j);
    if (!m)
        return TRUCE_ENOMEM;
    set_days(m, a, b, TRUCE_DATE_RANGE);
    m->future = dir == 1 || dir == 2;
    m->basis = truce_arena_printf(c->a, "season %d-%s%s", y, CODE[sn],
                                  bare ? (dir == 2 ? " (the next from the reference)"
                                                   : " (the latest begun by the reference)")
                                       : "");
    *used = j - i;
    return m->basis ? 0 : TRUCE_ENOMEM;
}

/* The clock time of a time of day found by time_of_day at token i, as
 * "HH:MM" with "Z" when a UTC/GMT word follows; returns the tokens the zone
 * word took (0 or 1). Leaves out[0] = 0 for an impossible time. */
static size_t clock_time(const dctx *c, size_t i, size_t n, char out[8])
{
    const ds_toks *k = &c->k;
    long h = ds_num(c->t, k, i), mi = 0;
    if (n >= 3 && k->t[i + 2].kind == DS_NUM)
        mi = ds_num(c->t, k, i + 2);
    bool pm = false, am = false;
    for (size_t j = i + 1; j < i + n; j++) {
        if (ds_is(c->t, k, j, "p") || ds_is(c->t, k, j, "pm"))
            pm = true;
        if (ds_is(c->t, k, j, "a") || ds_is(c->t, k, j, "am"))
            am = true;
    }
    if (pm && h < 12)
        h += 12;
    if (am && h == 12)
        h = 0;
    out[0] = 0;
    if (h < 0 || h > 23 || mi < 0 || mi > 59)
        return 0;
    size_t z = ds_is(c->t, k, i + n, "utc") || ds_is(c->t, k, i + n, "gmt") ? 1 : 0;
    out[0] = (char)('0' + h / 10), out[1] = (char)('0' + h % 10), out[2] = ':';
    out[3] = (char)('0' + mi / 10), out[4] = (char)('0' + mi % 10);
    out[5] = z ? 'Z' : 0, out[6] = 0;
    return z;
}

/* A part of the day named by token i: "MO", "AF", "EV", "NI", or NULL. */
static const char *part_of_day(const dctx *c, size_t i)
{
    if (ds_is(c->t, &c->k, i, "morning"))
        return "MO";
    if (ds_is(c->t, &c->k, i, "afternoon"))
        return "AF";
    if (ds_is(c->t, &c->k, i, "evening"))
        return "EV";
    if (ds_is(c->t, &c->k, i, "night") || ds_is(c->t, &c->k, i, "tonight"))
        return "NI";
    return NULL;
}

/* Words before a mention that belong to its span though not to its value:
 * "the past two years", "almost seven years", "last May", "late last July",
 * "early this year", "earlier today", "the previous year". Only words no
 * earlier mention took; the resolution is unchanged (it already looked at
 * "last"/"next" and the like). */
static void widen_left(const dctx *c, truce_date_mention *m, size_t i, const truce_date_mention *prev)
{
    const ds_toks *k = &c->k;
    const char *t = c->t;
    if (i == 0 || m->span.start != k->t[i].s)
        return;
    size_t j = i;
    bool deictic = m->basis && !strncmp(m->basis, "deictic", 7);
    bool length = m->is_duration || (m->basis && strstr(m->basis, " before reference"));
    static const char *const APPROX[] = {"almost", "nearly", "about", "around", "roughly", "over",
                                         "some", "approximately", NULL};
    static const char *const SPAN_DIR[] = {"past", "next", "last", "coming", "previous",
                                           "following", NULL};
    if (length && j > 0 && ds_is_any(t, k, j - 1, SPAN_DIR) && !ds_cap(t, k, j))
        j--; /* "the past two years" (the "the" below) */
    else if (length && j > 0 && ds_is_any(t, k, j - 1, APPROX))
        j--; /* "almost seven years", "about two weeks ago" */
    else if (length && j > 1 && ds_is(t, k, j - 1, "mere") && ds_is(t, k, j - 2, "a"))
        j -= 2;
    else if (!deictic && m->start[0] && !m->is_duration && j > 0 &&
             (ds_is(t, k, j - 1, "last") || ds_is(t, k, j - 1, "next")) &&
             m->basis && strstr(m->basis, "month"))
        j--; /* "last May" was resolved strictly before: the word is its */
    else if (deictic && j > 0 && ds_is(t, k, j - 1, "previous"))
        j--;
    if (j < i && (ds_is(t, k, j - 1, "early") || ds_is(t, k, j - 1, "late")) && !length)
        j--; /* "late last July" */
    if (deictic && j == i && j > 0 &&
        (ds_is(t, k, j - 1, "early") || ds_is(t, k, j - 1, "late") || ds_is(t, k, j - 1, "earlier") ||
         ds_is(t, k, j - 1, "later")))
        j--; /* "early this year", "earlier today" */
    if (j < i && j > 0 && ds_is(t, k, j - 1, "the") && !ds_is_any(t, k, j, APPROX))
        j--;
    else if (j == i && deictic && ds_is_any(t, k, i, SPAN_DIR) && ds_is(t, k, i - 1, "the"))
        j--; /* "the previous year" */
    if (j == i || (prev && prev->span.end > k->t[j].s) || k->t[j].sent != k->t[i].sent)
        return;
    m->span.start = k->t[j].s;
}

/* Times of day are skipped whole so that "10.30" never reads as a date. */
static size_t time_of_day(const dctx *c, size_t i)
{
    const ds_toks *k = &c->k;
    if (i >= k->n || k->t[i].kind != DS_NUM || ds_len(k, i) > 2)
        return 0;
    size_t j = i + 1;
    if (ds_adjacent(k, i) && (ds_punct(k, j, ':') || ds_punct(k, j, '.')) && ds_adjacent(k, j) &&
        j + 1 < k->n && k->t[j + 1].kind == DS_NUM && ds_len(k, j + 1) == 2) {
        if (ds_punct(k, j, '.') && !(ds_is(c->t, k, j + 2, "a") || ds_is(c->t, k, j + 2, "p") ||
                                     ds_is(c->t, k, j + 2, "am") || ds_is(c->t, k, j + 2, "pm") ||
                                     ds_is(c->t, k, j + 2, "hours") || ds_is(c->t, k, j + 2, "local") ||
                                     ds_is(c->t, k, j + 2, "gmt") || ds_is(c->t, k, j + 2, "utc") ||
                                     (j > 1 && ds_is(c->t, k, i - 1, "at"))))
            return 0;
        j += 2;
    } else if (!(ds_is(c->t, k, j, "a") || ds_is(c->t, k, j, "p") || ds_is(c->t, k, j, "am") ||
                 ds_is(c->t, k, j, "pm")))
        return 0;
    /* a.m. / p.m. */
    if ((ds_is(c->t, k, j, "a") || ds_is(c->t, k, j, "p")) && ds_punct(k, j + 1, '.') &&
        ds_is(c->t, k, j + 2, "m"))
        j += 3 + (ds_punct(k, j + 3, '.') ? 1 : 0);
    else if (ds_is(c->t, k, j, "am") || ds_is(c->t, k, j, "pm"))
        j++;
    return j - i;
}

int truce_read_dates(truce_arena *a, const char *text, size_t len,
                     const truce_sentence_list *sentences, const char *reference,
                     truce_date_list *out, truce_error *err)
{
    if (!a || !out || (!text && len))
        return truce_error_set(err, TRUCE_EUSAGE, NULL, -1, "truce_read_dates: bad arguments");
    out->items = NULL;
    out->n = 0;
    dctx c;
    memset(&c, 0, sizeof c);
    c.a = a;
    c.t = text;
    c.out = out;
    int y, m, d;
    if (reference && cal_parse_iso(reference, &y, &m, &d)) {
        c.have_ref = true;
        c.ref = cal_days(y, m, d);
    }
    if (!len)
        return TRUCE_OK;
    int rc = ds_scan(a, text, len, sentences, &c.k);
    if (rc)
        return truce_error_set(err, rc, NULL, -1, "date reader: out of memory");
    size_t i = 0;
    /* a time of day right before a day ("15:00 GMT Saturday", "at 6 a.m.
     * on Tuesday") joins that day's mention; alone it is no date */
    size_t time_tok = (size_t)-1, time_at = (size_t)-1;
    char clock[8] = "";
    while (i < c.k.n) {
        size_t used = 0, skip;
        if ((skip = time_of_day(&c, i))) {
            size_t z = clock_time(&c, i, skip, clock);
            time_tok = i;
            time_at = i + skip + z + (ds_is(text, &c.k, i + skip + z, "on") ? 1 : 0);
            i += skip + z;
            continue;
        }
        size_t before = out->n;
        if ((rc = try_quarter(&c, i, &used)) || (!used && (rc = try_season(&c, i, &used))) ||
            (!used && (rc = try_short_year(&c, i, &used))) ||
            (!used && (rc = try_year_part(&c, i, &used))) ||
            (!used && (rc = try_absolute(&c, i, &used))) ||
            (!used && (rc = try_deictic(&c, i, &used))) ||
            (!used && (rc = try_weekday(&c, i, &used))) ||
            (!used && (rc = try_ordinal_day(&c, i, &used))) ||
            (!used && (rc = try_count_unit(&c, i, &used))))
            return truce_error_set(err, rc, NULL, (long long)c.k.t[i].s,
                                   "date reader: out of memory");
        for (size_t q = before; q < out->n; q++)
            if (!out->items[q].basis)
                return truce_error_set(err, TRUCE_ENOMEM, NULL, -1, "date reader: out of memory");
        if (out->n == before + 1 && used)
            widen_left(&c, &out->items[before], i, before ? &out->items[before - 1] : NULL);
        if (out->n == before + 1 && used) {
            truce_date_mention *dm = &out->items[before];
            if (dm->precision == TRUCE_DATE_DAY && !dm->is_duration && !dm->open_end) {
                const char *pd = part_of_day(&c, i + used - 1);
                if (pd) /* "this morning", "last night", "tonight" */
                    memcpy(dm->time, pd, 3);
                else if ((pd = part_of_day(&c, i + used)) && c.k.t[i + used].sent == dm->sentence &&
                         !ds_is(text, &c.k, i + used + 1, "of")) {
                    /* "Friday afternoon", "Thursday night" */
                    memcpy(dm->time, pd, 3);
                    dm->span.end = c.k.t[i + used].e;
                    used++;
                }
                if (time_at == i && clock[0] && c.k.t[time_tok].sent == dm->sentence) {
                    memcpy(dm->time, clock, sizeof clock);
                    dm->span.start = c.k.t[time_tok].s;
                }
            }
        }
        i += used ? used : 1;
    }
    return TRUCE_OK;
}
