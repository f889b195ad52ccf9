/*
 * read/date.c: the date reader's entry point and written dates. Runs over
 * the text once, trying at each word the written forms here (absolute,
 * partial, numeric, ranges, "since" ranges, years, months, parts of the
 * year) and the relative ones in date_rel.c and date_length.c (deictic words,
 * weekdays, "N days ago", durations), and resolves each against the
 * document date or a nearer explicit date the text anchors to. A time of day
 * written with a day ("15:00 GMT Saturday", "Friday night") refines that
 * day's mention. Owns no state; mentions live in the caller's arena. Must not
 * read a time of day alone ("10.30 a.m.") as a date, and must not guess a
 * year it has no reference for.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "read/date_impl.h"

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

static const char *const MONTHS[] = {"january", "february", "march", "april", "may", "june",
                                     "july", "august", "september", "october", "november",
                                     "december", NULL};
static const char *const MON3[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
                                   "sep", "oct", "nov", "dec", NULL};
static const char *const WEEKDAYS[] = {"monday", "tuesday", "wednesday", "thursday", "friday",
                                       "saturday", "sunday", NULL};

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

int dt_weekday_at(const dctx *c, size_t i)
{
    if (!ds_cap(c->t, &c->k, i))
        return -1;
    for (int w = 0; WEEKDAYS[w]; w++)
        if (ds_is(c->t, &c->k, i, WEEKDAYS[w]))
            return w;
    return -1;
}

/* A day of the month, "21", "21st", "22nd": tokens used or 0. */
size_t dt_day_at(const dctx *c, size_t i, int *day)
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

bool dt_year_at(const dctx *c, size_t i, int *y)
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
    if (ds_punct(&c->k, j, ',') && dt_year_at(c, j + 1, y))
        return 2;
    if (dt_year_at(c, j, y) && !(ds_adjacent(&c->k, j) && ds_is(c->t, &c->k, j + 1, "s")))
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
    size_t dn = dt_day_at(c, j, &day);
    if (dn && n == 1 && !ds_adjacent(&c->k, i) && false)
        dn = 0;
    if (dn) {
        j += dn;
        p->d2 = 0;
        int d2;
        size_t d2n;
        if (ds_punct(&c->k, j, '-') && (d2n = dt_day_at(c, j + 1, &d2)) && d2 > day) {
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
    if (ds_is(c->t, &c->k, j, "of") && dt_year_at(c, j + 1, &y))
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
    size_t n = dt_day_at(c, i, &day);
    if (!n)
        return 0;
    size_t j = i + n;
    size_t d2n;
    if (ds_punct(&c->k, j, '-') && (d2n = dt_day_at(c, j + 1, &d2)) && d2 > day)
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
    if (!dt_year_at(c, i, &y) || y < 1800 || y > 2100)
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
    if (dt_weekday_at(c, i) >= 0) {
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

/* w[0..n) equals the lower-case literal, ASCII letters in any case (as ds_is). */
static inline bool lw_eq(const unsigned char *w, size_t n, const char *lit, size_t ln)
{
    if (n != ln)
        return false;
    for (size_t j = 1; j < n; j++)
        if (ds_lower(w[j]) != (unsigned char)lit[j])
            return false;
    return true;
}

/* The words the tense of a clause is read from, as bits: each date's
 * context looks at a dozen words around it, so each word is classed once
 * by its first byte instead of being compared with every list.
 *   CW_REPORTING: said says told announced reported stated added claimed
 *     confirmed noted wrote declared tweeted
 *   CW_FUTURE (a clause in the future, also the future of reported speech:
 *     "said it would vote in June"): will shall would scheduled expected due
 *     upcoming plans planned intends wo slated should might deadline
 *     planning aims ahead
 *   CW_OPENER (opens a new clause: a future verb beyond it, "announced on
 *     Friday that it will...", says nothing about the date before it): that
 *     which who whose while but because although
 *   CW_PAST (past-tense verbs that do not end in -ed): was were had did
 *     broke began fell took came went saw held met left fought struck shot
 *     led ran sent lost won told said fled overran withdrew rose froze
 * and single words the rules name. */
enum {
    CW_REPORTING = 1u << 0, CW_FUTURE = 1u << 1, CW_OPENER = 1u << 2, CW_PAST = 1u << 3,
    CW_SHOULD = 1u << 4, CW_HAVE = 1u << 5, CW_MAY = 1u << 6, CW_TO = 1u << 7,
    CW_BE = 1u << 8, CW_IS = 1u << 9, CW_ARE = 1u << 10, CW_LL = 1u << 11,
    CW_GOING = 1u << 12, CW_SET = 1u << 13, CW_AM = 1u << 14, CW_BEEN = 1u << 15,
    CW_BEING = 1u << 16, CW_WILL = 1u << 17, CW_A = 1u << 18, CW_THE = 1u << 19,
};

static unsigned context_word(const dctx *c, size_t j)
{
    if (j >= c->k.n || c->k.t[j].kind != DS_WORD)
        return 0;
    const ds_tok *t = &c->k.t[j];
    const unsigned char *w = (const unsigned char *)c->t + t->s;
    size_t n = t->e - t->s;
    if (n > 9)
        return 0;
#define W(lit, bits)                                                                   \
    do {                                                                               \
        if (lw_eq(w, n, lit, sizeof(lit) - 1))                                         \
            return (bits);                                                             \
    } while (0)
    enum { R = CW_REPORTING, F = CW_FUTURE, O = CW_OPENER, P = CW_PAST };
    switch (t->lc0) {
    case 'a':
        W("a", CW_A); W("are", CW_ARE); W("am", CW_AM); W("added", R); W("announced", R);
        W("aims", F); W("ahead", F); W("although", O);
        return 0;
    case 'b':
        W("be", CW_BE); W("but", O); W("been", CW_BEEN); W("being", CW_BEING);
        W("because", O); W("broke", P); W("began", P);
        return 0;
    case 'c':
        W("claimed", R); W("confirmed", R); W("came", P);
        return 0;
    case 'd':
        W("did", P); W("due", F); W("declared", R); W("deadline", F);
        return 0;
    case 'e':
        W("expected", F);
        return 0;
    case 'f':
        W("fell", P); W("fought", P); W("fled", P); W("froze", P);
        return 0;
    case 'g':
        W("going", CW_GOING);
        return 0;
    case 'h':
        W("had", P); W("have", CW_HAVE); W("held", P);
        return 0;
    case 'i':
        W("is", CW_IS); W("intends", F);
        return 0;
    case 'l':
        W("ll", CW_LL); W("left", P); W("led", P); W("lost", P);
        return 0;
    case 'm':
        W("may", CW_MAY); W("might", F); W("met", P);
        return 0;
    case 'n':
        W("noted", R);
        return 0;
    case 'o':
        W("overran", P);
        return 0;
    case 'p':
        W("plans", F); W("planned", F); W("planning", F);
        return 0;
    case 'r':
        W("reported", R); W("ran", P); W("rose", P);
        return 0;
    case 's':
        W("said", R | P); W("says", R); W("stated", R); W("shall", F); W("scheduled", F);
        W("slated", F); W("should", F | CW_SHOULD); W("saw", P); W("struck", P); W("shot", P);
        W("sent", P); W("set", CW_SET);
        return 0;
    case 't':
        W("the", CW_THE); W("to", CW_TO); W("that", O); W("told", R | P); W("tweeted", R);
        W("took", P);
        return 0;
    case 'u':
        W("upcoming", F);
        return 0;
    case 'w':
        W("was", P); W("were", P); W("will", F | CW_WILL); W("would", F); W("wo", F);
        W("which", O); W("who", O); W("whose", O); W("while", O); W("wrote", R); W("went", P);
        W("won", P); W("withdrew", P);
        return 0;
    default:
        return 0;
    }
#undef W
}

void dt_set_anchor(dctx *c, long d, uint32_t sent, size_t i0, size_t end)
{
    const ds_toks *k = &c->k;
    /* "said on Sunday that", "announced Tuesday": the day of the report */
    size_t j = i0;
    if (j > 0 && ds_is(c->t, k, j - 1, "on"))
        j--;
    c->anchor_reported = j > 0 && (context_word(c, j - 1) & CW_REPORTING);
    c->anchor_valid = true;
    c->anchor = d;
    c->anchor_sent = sent;
    c->anchor_tok = end;
    if (!c->anchor_reported) {
        c->story_valid = true;
        c->story = d;
        c->story_sent = sent;
    }
}

bool dt_future_context(const dctx *c, size_t i0, size_t i1)
{
    const ds_toks *k = &c->k;
    uint32_t s = k->t[i0].sent;
    for (size_t n = 0, j = i0; j > 0 && n < 10; n++) {
        j--;
        if (k->t[j].sent != s || ds_punct(k, j, ';') || ds_punct(k, j, '?') ||
            ds_punct(k, j, '!') || (ds_punct(k, j, '.') && !(j > 0 && k->t[j - 1].kind == DS_WORD &&
                                      ds_len(k, j - 1) <= 3)))
            break;
        unsigned w = context_word(c, j);
        if (!w)
            continue;
        if (w & CW_REPORTING)
            break;
        if ((w & CW_SHOULD) && (context_word(c, j + 1) & CW_HAVE))
            continue; /* "should have": a past that did not happen */
        if ((w & CW_FUTURE) || ((w & CW_MAY) && c->t[k->t[j].s] == 'm') ||
            ((w & CW_TO) && (context_word(c, j + 1) & CW_BE)) ||
            /* "the hearing is on March 29": a present that schedules */
            ((w & (CW_IS | CW_ARE)) && i0 - j <= 2) ||
            ((w & CW_LL) && j > 0 && ds_punct(k, j - 1, '\'')) ||
            ((w & (CW_GOING | CW_SET)) && (context_word(c, j + 1) & CW_TO) && j > 0 &&
             ((context_word(c, j - 1) & (CW_IS | CW_ARE | CW_AM)) || ds_punct(k, j - 1, '\''))))
            return true;
    }
    for (size_t j = i1, n = 0; j < k->n && n < 7; j++, n++) {
        if (k->t[j].sent != s || ds_punct(k, j, ';') || ds_punct(k, j, '.') ||
            ds_punct(k, j, '?') || ds_punct(k, j, '!'))
            break;
        unsigned w = context_word(c, j);
        if (!w)
            continue;
        if (w & (CW_REPORTING | CW_OPENER))
            break;
        if ((w & CW_SHOULD) && (context_word(c, j + 1) & CW_HAVE))
            continue;
        if ((w & CW_FUTURE) || ((w & CW_MAY) && c->t[k->t[j].s] == 'm') ||
            ((w & (CW_GOING | CW_SET)) && (context_word(c, j + 1) & CW_TO) && j > 0 &&
             (context_word(c, j - 1) & (CW_IS | CW_ARE))))
            return true;
    }
    return false;
}


/* The clause around tokens [i0, i1) speaks of the past: a past auxiliary or
 * verb ("was reported", "had shelled", "broke out", "fighting resumed")
 * within a few words, on the same side of any clause opener. A verb in -ed
 * after "be"/"is"/"will"/"to" is not a past ("is expected", "to be
 * released"). The caller asks dt_future_context first. */
bool dt_past_context(const dctx *c, size_t i0, size_t i1)
{
    const ds_toks *k = &c->k;
    uint32_t s = k->t[i0].sent;
    for (int dir = -1; dir <= 1; dir += 2) {
        size_t j = dir < 0 ? i0 : i1 - 1;
        for (int n = 0; n < 10; n++) {
            if (dir < 0 ? j == 0 : j + 1 >= k->n)
                break;
            j = dir < 0 ? j - 1 : j + 1;
            if (k->t[j].sent != s || ds_punct(k, j, ';') || ds_punct(k, j, '?') ||
                ds_punct(k, j, '!') || ds_punct(k, j, ':') ||
                (dir > 0 && ds_punct(k, j, '.')))
                break;
            if (k->t[j].kind != DS_WORD)
                continue;
            unsigned w = context_word(c, j);
            if ((w & CW_OPENER) || ((w & CW_TO) && (context_word(c, j + 1) & CW_BE)))
                break; /* "announced an event to be held on October 12" */
            size_t l = ds_len(k, j);
            const char *x = c->t + k->t[j].s;
            if (((w & CW_PAST) || (l > 4 && x[l - 2] == 'e' && x[l - 1] == 'd' && !ds_cap(c->t, k, j))) &&
                !(j > 0 && (context_word(c, j - 1) & (CW_BE | CW_IS | CW_ARE | CW_BEEN | CW_BEING |
                                                      CW_WILL | CW_TO | CW_A | CW_THE))))
                return true;
        }
    }
    return false;
}

/* ---- output ---------------------------------------------------------- */

truce_date_mention *dt_emit(dctx *c, size_t i0, size_t i1)
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

void dt_set_days(truce_date_mention *m, long a, long b, truce_date_precision p)
{
    cal_format_days(m->start, a);
    cal_format_days(m->end, b);
    m->precision = p;
}

void dt_month_bounds(int y, int mon, long *a, long *b)
{
    *a = cal_days(y, mon, 1);
    *b = cal_days(y, mon, cal_month_len(y, mon));
}

const char *dt_ref_str(dctx *c, long ref)
{
    char s[11];
    cal_format_days(s, ref);
    if (ref == c->ref && c->ref_prec == TRUCE_DATE_YEAR)
        return truce_arena_printf(c->a, "%.4s (known only to the year)", s);
    if (ref == c->ref && c->ref_prec == TRUCE_DATE_MONTH)
        return truce_arena_printf(c->a, "%.7s (known only to the month)", s);
    return truce_arena_strdup(c->a, s);
}

int dt_unresolved(dctx *c, size_t i0, size_t i1, const char *what)
{
    truce_date_mention *m = dt_emit(c, i0, i1);
    if (!m)
        return TRUCE_ENOMEM;
    m->precision = TRUCE_DATE_UNKNOWN;
    m->basis = truce_arena_printf(c->a, "unresolved: %s needs a reference date and there is none",
                                  what);
    return m->basis ? 0 : TRUCE_ENOMEM;
}

/* A relative date resolved against a reference known only to the year (or
 * month) cannot be more precise than that reference: "Friday" in a document
 * dated only by "Copyright 2019" is some Friday of (about) 2019, not
 * 2018-12-28. Such a mention takes the reference's own range and precision;
 * the basis keeps how it was read. Dates resolved against an explicit day
 * in the text, written years and durations are left as they are. */
static void widen_to_reference(dctx *c, truce_date_mention *m)
{
    if (c->ref_prec == TRUCE_DATE_DAY || !m->start[0] || m->is_duration || !m->basis ||
        !strstr(m->basis, "reference") || strstr(m->basis, "explicit date nearby") ||
        strstr(m->basis, ", year from reference") || strstr(m->basis, "explicit date "))
        return;
    int y1, m1, d1, y2, m2, d2;
    if (!cal_parse_iso(m->start, &y1, &m1, &d1) || !cal_parse_iso(m->end, &y2, &m2, &d2))
        return;
    long a = cal_days(y1, m1, d1), b = cal_days(y2, m2, d2);
    if (b - a >= c->ref_hi - c->ref)
        return; /* "last year": already as coarse as the reference */
    truce_date_precision p = m->precision;
    dt_set_days(m, c->ref, c->ref_hi, c->ref_prec);
    m->future = false;
    m->time[0] = 0;
    m->basis = truce_arena_printf(c->a, "%s; widened to the reference's %s (read as %s)", m->basis,
                                  c->ref_prec == TRUCE_DATE_YEAR ? "year" : "month",
                                  truce_date_precision_name(p));
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
    if (!p->y && c->have_ref && c->ref_prec == TRUCE_DATE_YEAR) {
        /* the reference is some day of its year: no nearer year to choose */
        int ry, rm, rd;
        cal_civil(c->ref, &ry, &rm, &rd);
        p->y = ry;
        *guessed_year = true;
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
        /* a clause in the past tense ("Shelling was reported on November
         * 28") tells of a date on or before the reference: no window */
        if (!future && !p->endpoint)
            window_m = 0, window_d = 0;
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
        dt_month_bounds(p->y, p->m, a, b);
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
    truce_date_mention *m = dt_emit(c, i0, i1);
    if (!m)
        return TRUCE_ENOMEM;
    dt_set_days(m, cal_days(y, 1, 1), cal_days(y, 12, 31), TRUCE_DATE_YEAR);
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
    truce_date_mention *m = dt_emit(c, i, j + 1);
    if (!m)
        return TRUCE_ENOMEM;
    dt_set_days(m, cal_days(y, 1, 1), cal_days(y, 12, 31), TRUCE_DATE_YEAR);
    m->future = dir > 0;
    m->basis = truce_arena_printf(c->a, "year %d from reference %s (%.*s of the year)", y,
                                  dt_ref_str(c, c->ref), (int)ds_len(k, part), t + k->t[part].s);
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
    if (dt_year_at(c, i, &y1) && y1 >= 1800 && y1 <= 2100 && ds_adjacent(k, i) &&
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
    truce_date_mention *m = dt_emit(c, i, j + (decade ? 2 : 1));
    if (!m)
        return TRUCE_ENOMEM;
    if (decade) {
        dt_set_days(m, cal_days(y, 1, 1), cal_days(y + 9, 12, 31), TRUCE_DATE_RANGE);
        m->basis = truce_arena_printf(c->a, "decade (two digits, century from reference %s)",
                                      dt_ref_str(c, c->ref));
    } else {
        dt_set_days(m, cal_days(y, 1, 1), cal_days(y, 12, 31), TRUCE_DATE_YEAR);
        m->basis = truce_arena_printf(c->a, "year (two digits, century from reference %s)",
                                      dt_ref_str(c, c->ref));
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
    int third = -1; /* early/beginning 0, mid/middle 1, late/end 2 */
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
        third = ds_is(c->t, k, j + 1, "end") ? 2 : ds_is(c->t, k, j + 1, "middle") ? 1 : 0;
        j += 3;
    } else if ((ds_is(c->t, k, j, "early") || ds_is(c->t, k, j, "late")) && j + 1 < k->n) {
        early = true;
        third = ds_is(c->t, k, j, "late") ? 2 : 0;
        j += 1;
    } else if (ds_is(c->t, k, j, "mid") && ds_punct(k, j + 1, '-') && ds_adjacent(k, j)) {
        early = true;
        third = 1;
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
    size_t n = 0;
    /* "between 21 and 22 November", "from 21 to 23 November", "between 3
     * and 5 March 2021": the first day borrows the month and year written
     * after the second */
    int d1;
    size_t dn1;
    if ((between || from) && (dn1 = dt_day_at(c, j, &d1)) &&
        (ds_is(c->t, k, j + dn1, "and") || ds_is(c->t, k, j + dn1, "to") ||
         ds_punct(k, j + dn1, '-'))) {
        size_t n2 = day_first(c, j + dn1 + 1, &p);
        if (n2 && !p.d2 && p.d > d1 && d1 <= cal_month_len(p.y ? p.y : 2000, p.m)) {
            p.d2 = p.d;
            p.d = d1;
            n = dn1 + 1 + n2;
        }
    }
    if (!n)
        n = core_at(c, j, &p, prep);
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
                size_t dn = dt_day_at(c, e + 1, &d2);
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
    bool future = dt_future_context(c, sp, qn ? e + 1 + qn : e);
    p.past = !future && dt_past_context(c, sp, qn ? e + 1 + qn : e);
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
    truce_date_mention *m = dt_emit(c, sp, s0 + *used);
    if (!m)
        return TRUCE_ENOMEM;
    if (!resolve(c, &p, future, &a, &b, &prec, &g1)) {
        m->precision = TRUCE_DATE_UNKNOWN;
        m->basis = p.kind == PD_MONTH ? "unresolved: a month without a year needs a reference date and there is none"
                                      : "unresolved: a day without a year needs a reference date and there is none";
        return 0;
    }
    if (qn && resolve(c, &q, future, &a2, &b2, &prec2, &g2) && b2 >= a) {
        b = b2;
        prec = TRUCE_DATE_RANGE;
    }
    const char *basis = p.how;
    if (g1)
        basis = truce_arena_printf(c->a, "%s, year from reference %s%s", p.how,
                                   dt_ref_str(c, c->ref),
                                   c->ref_prec == TRUCE_DATE_YEAR ? ""
                                   : future ? " (future: on or after)"
                                   : p.kept_ahead ? " (a few weeks after it: same year)"
                                   : p.past && !p.endpoint ? " (on or before: past tense)"
                                            : " (on or before)");
    /* "early March", "the end of September", "late 1980s", "mid-2011": the
     * first, middle or last third of the month (days 1-10, 11-20, 21-end),
     * year (January-April, May-August, September-December) or decade
     * (years 0-3, 4-6, 7-9); the precision stays that of the whole. */
    if (third >= 0 && !qn && (part || early) &&
        (p.kind == PD_MONTH || p.kind == PD_YEAR || p.kind == PD_DECADE)) {
        static const char *const THIRD[] = {"first", "middle", "last"};
        int y, mo, d;
        cal_civil(a, &y, &mo, &d);
        if (p.kind == PD_MONTH) {
            b = third == 0 ? a + 9 : third == 1 ? a + 19 : b;
            a = third == 0 ? a : third == 1 ? a + 10 : a + 20;
        } else if (p.kind == PD_YEAR) {
            a = cal_days(y, 4 * third + 1, 1);
            b = cal_days(y, 4 * third + 4, cal_month_len(y, 4 * third + 4));
        } else {
            a = cal_days(y + (third == 0 ? 0 : third == 1 ? 4 : 7), 1, 1);
            b = cal_days(y + (third == 0 ? 3 : third == 1 ? 6 : 9), 12, 31);
        }
        basis = truce_arena_printf(c->a, "%s; %s third of the %s", basis ? basis : "",
                                   THIRD[third], p.kind == PD_MONTH ? "month"
                                                 : p.kind == PD_YEAR ? "year" : "decade");
    }
    if (since) {
        long r = c->have_ref ? c->ref_hi : b; /* the reference, or the end of its year or month */
        if (r < a)
            r = b;
        dt_set_days(m, a, r, TRUCE_DATE_RANGE);
        m->open_end = true;
        basis = truce_arena_printf(c->a, "since %s, open until the reference date",
                                   basis ? basis : "");
    } else
        dt_set_days(m, a, b, prec);
    m->basis = basis ? basis : "absolute";
    m->future = future && g1;
    if (prec == TRUCE_DATE_DAY && !since)
        dt_set_anchor(c, a, m->sentence, s0, s0 + *used);
    return 0;
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

/* ---- which forms can start at a token -------------------------------- */

/* Each form tried in the main loop starts with a word of its own few (or a
 * number, or an apostrophe): a word outside all of them starts none, and
 * most words of a report are such words. One look at the token says which
 * forms to try; every form still makes all its own checks, so this only
 * skips calls that would have read nothing. */
enum {
    ST_QUARTER = 1,   /* dt_try_quarter */
    ST_SEASON = 2,    /* dt_try_season */
    ST_SHORTYEAR = 4, /* try_short_year */
    ST_YEARPART = 8,  /* try_year_part */
    ST_ABSOLUTE = 16, /* try_absolute */
    ST_DEICTIC = 32,  /* dt_try_deictic */
    ST_WEEKDAY = 64,  /* dt_try_weekday */
    ST_ORDINAL = 128, /* dt_try_ordinal_day */
    ST_COUNT = 256,   /* dt_try_count_unit */
};


/* "the" starts a form only before a number or one of these words (the
 * second word of every form that begins with "the"): quarters "the first",
 * "the final", "the last"; seasons "the spring", "the next summer"; parts
 * of the year "the end of"; "the night of", "the 5th of May"; deictic "the
 * day", "the next day", "the same day", "the following week", "the past
 * week", "the weekend". */
static bool after_the(const dctx *c, size_t i)
{
    if (i >= c->k.n)
        return false;
    const ds_tok *t = &c->k.t[i];
    if (t->kind == DS_NUM)
        return true;
    if (t->kind != DS_WORD)
        return false;
    const unsigned char *w = (const unsigned char *)c->t + t->s;
    size_t n = t->e - t->s;
#define AT(lit) lw_eq(w, n, lit, sizeof(lit) - 1)
    switch (t->lc0) {
    case 'a': return AT("autumn") || AT("afternoon");
    case 'b': return AT("beginning");
    case 'c': return AT("coming");
    case 'd': return AT("day");
    case 'e': return AT("end") || AT("evening") || AT("eve");
    case 'f': return AT("first") || AT("fourth") || AT("final") || AT("fall") || AT("following");
    case 'l': return AT("last");
    case 'm': return AT("middle") || AT("morning");
    case 'n': return AT("next") || AT("night");
    case 'p': return AT("past") || AT("previous");
    case 's': return AT("second") || AT("spring") || AT("summer") || AT("start") || AT("same");
    case 't': return AT("third") || AT("this");
    case 'w': return AT("winter") || AT("weekend");
    default: return false;
    }
#undef AT
}

static unsigned start_forms(const dctx *c, size_t i)
{
    const ds_tok *t = &c->k.t[i];
    if (t->kind == DS_NUM)
        return ST_SHORTYEAR | ST_ABSOLUTE | ST_COUNT;
    if (t->kind == DS_PUNCT)
        return t->c == '\'' ? ST_SHORTYEAR : 0;
    const unsigned char *w = (const unsigned char *)c->t + t->s;
    size_t n = t->e - t->s;
    if (n > 10 || n == 0)
        return 0;
    /* every word below starts with t->lc0; the rest is compared by lw_eq */
#define W(lit, forms)                                                                  \
    do {                                                                               \
        if (lw_eq(w, n, lit, sizeof(lit) - 1))                                         \
            return (forms);                                                            \
    } while (0)
    enum { A = ST_ABSOLUTE, D = ST_DEICTIC, S = ST_SEASON, N = ST_COUNT, Q = ST_QUARTER };
    switch (t->lc0) {
    case 'a':
        W("a", N); W("an", N); W("april", A); W("apr", A); W("august", A); W("aug", A);
        W("autumn", S);
        return 0;
    case 'b':
        W("between", A); W("beginning", ST_YEARPART);
        return 0;
    case 'c':
        W("coming", S | D); W("currently", D);
        return 0;
    case 'd':
        W("december", A); W("dec", A); W("days", N); W("decades", N);
        return 0;
    case 'e':
        W("early", A); W("earlier", D); W("end", ST_YEARPART); W("eight", N); W("eleven", N);
        W("eighteen", N); W("eighty", N);
        return 0;
    case 'f':
        W("from", A); W("first", Q); W("fourth", Q); W("fall", S); W("february", A);
        W("feb", A); W("friday", A | ST_WEEKDAY); W("few", N); W("four", N); W("five", N);
        W("forty", N); W("fifty", N); W("fifteen", N); W("fourteen", N);
        return 0;
    case 'h':
        W("hours", N);
        return 0;
    case 'j':
        W("january", A); W("jan", A); W("june", A); W("jun", A); W("july", A); W("jul", A);
        return 0;
    case 'l':
        W("last", S | D); W("late", A); W("later", D);
        return 0;
    case 'm':
        W("march", A); W("mar", A); W("may", A); W("mid", A); W("middle", ST_YEARPART);
        W("monday", A | ST_WEEKDAY); W("months", N); W("minutes", N);
        return 0;
    case 'n':
        W("next", S | D); W("now", D); W("november", A); W("nov", A); W("nine", N);
        W("nineteen", N); W("ninety", N);
        return 0;
    case 'o':
        W("october", A); W("oct", A); W("one", N);
        return 0;
    case 'p':
        W("past", S | D); W("previous", D);
        return 0;
    case 'r':
        W("recent", N);
        return 0;
    case 's':
        W("since", A); W("second", Q); W("spring", S); W("summer", S); W("start", ST_YEARPART);
        W("september", A); W("sep", A); W("sept", A); W("saturday", A | ST_WEEKDAY);
        W("sunday", A | ST_WEEKDAY); W("several", N); W("six", N); W("seven", N);
        W("sixty", N); W("sixteen", N); W("seventy", N); W("seventeen", N);
        return 0;
    case 't':
        if (lw_eq(w, n, "the", 3))
            return after_the(c, i + 1) ? Q | S | ST_YEARPART | A | D | ST_ORDINAL : 0;
        W("this", S | D); W("third", Q);
        W("today", D); W("tonight", D); W("tomorrow", D); W("tuesday", A | ST_WEEKDAY);
        W("thursday", A | ST_WEEKDAY); W("two", N); W("three", N); W("ten", N);
        W("twelve", N); W("twenty", N); W("thirty", N); W("thirteen", N);
        return 0;
    case 'w':
        W("winter", S); W("wednesday", A | ST_WEEKDAY); W("weeks", N);
        return 0;
    case 'y':
        W("yesterday", D); W("years", N);
        return 0;
    case 'z':
        W("zero", N);
        return 0;
    default:
        return 0;
    }
#undef W
}

int truce_read_dates(truce_arena *a, const char *text, size_t len,
                     const truce_sentence_list *sentences, const char *reference,
                     truce_date_list *out, truce_error *err)
{
    if (!a || !out || (!text && len))
        return truce_error_set(err, TRUCE_EUSAGE, NULL, -1, "truce_read_dates: bad arguments");
    out->items = NULL;
    out->n = 0;
    ds_toks k = {NULL, 0};
    int rc = len ? ds_scan(a, text, len, sentences, &k) : TRUCE_OK;
    if (rc)
        return truce_error_set(err, rc, NULL, -1, "date reader: out of memory");
    return dt_read_scanned(a, text, len, &k, reference, out, err);
}

int dt_read_scanned(truce_arena *a, const char *text, size_t len, const ds_toks *toks,
                    const char *reference, truce_date_list *out, truce_error *err)
{
    if (!a || !out || (!text && len) || !toks)
        return truce_error_set(err, TRUCE_EUSAGE, NULL, -1, "truce_read_dates: bad arguments");
    out->items = NULL;
    out->n = 0;
    dctx c;
    memset(&c, 0, sizeof c);
    c.a = a;
    c.t = text;
    c.out = out;
    int y, m, d;
    char full[16];
    c.ref_prec = TRUCE_DATE_DAY;
    if (reference && cal_parse_iso(reference, &y, &m, &d)) {
        c.have_ref = true;
        c.ref = c.ref_hi = cal_days(y, m, d);
    } else if (reference && strlen(reference) == 7 && reference[4] == '-' &&
               cal_parse_iso((snprintf(full, sizeof full, "%s-01", reference), full), &y, &m, &d)) {
        c.have_ref = true; /* "2019-03": the month only */
        dt_month_bounds(y, m, &c.ref, &c.ref_hi);
        c.ref_prec = TRUCE_DATE_MONTH;
    } else if (reference && strlen(reference) == 4 &&
               cal_parse_iso((snprintf(full, sizeof full, "%s-01-01", reference), full), &y, &m, &d)) {
        c.have_ref = true; /* "2019": the year only */
        c.ref = cal_days(y, 1, 1), c.ref_hi = cal_days(y, 12, 31);
        c.ref_prec = TRUCE_DATE_YEAR;
    }
    if (!len)
        return TRUCE_OK;
    c.k = *toks;
    int rc;
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
        unsigned forms = start_forms(&c, i);
        if (!forms) {
            i++;
            continue;
        }
        size_t before = out->n;
        if (((forms & ST_QUARTER) && (rc = dt_try_quarter(&c, i, &used))) ||
            (!used && (forms & ST_SEASON) && (rc = dt_try_season(&c, i, &used))) ||
            (!used && (forms & ST_SHORTYEAR) && (rc = try_short_year(&c, i, &used))) ||
            (!used && (forms & ST_YEARPART) && (rc = try_year_part(&c, i, &used))) ||
            (!used && (forms & ST_ABSOLUTE) && (rc = try_absolute(&c, i, &used))) ||
            (!used && (forms & ST_DEICTIC) && (rc = dt_try_deictic(&c, i, &used))) ||
            (!used && (forms & ST_WEEKDAY) && (rc = dt_try_weekday(&c, i, &used))) ||
            (!used && (forms & ST_ORDINAL) && (rc = dt_try_ordinal_day(&c, i, &used))) ||
            (!used && (forms & ST_COUNT) && (rc = dt_try_count_unit(&c, i, &used))))
            return truce_error_set(err, rc, NULL, (long long)c.k.t[i].s,
                                   "date reader: out of memory");
        for (size_t q = before; q < out->n; q++)
            if (!out->items[q].basis)
                return truce_error_set(err, TRUCE_ENOMEM, NULL, -1, "date reader: out of memory");
        if (out->n == before + 1 && used)
            widen_left(&c, &out->items[before], i, before ? &out->items[before - 1] : NULL);
        for (size_t q = before; q < out->n; q++)
            widen_to_reference(&c, &out->items[q]);
        for (size_t q = before; q < out->n; q++)
            if (!out->items[q].basis)
                return truce_error_set(err, TRUCE_ENOMEM, NULL, -1, "date reader: out of memory");
        if (out->n == before + 1 && used) {
            truce_date_mention *dm = &out->items[before];
            if (dm->precision == TRUCE_DATE_DAY && !dm->is_duration && !dm->open_end) {
                const char *pd = part_of_day(&c, i + used - 1);
                const char *pof = ds_is(text, &c.k, i, "the") && ds_is(text, &c.k, i + 2, "of")
                                      ? part_of_day(&c, i + 1) : NULL;
                if (pd) /* "this morning", "last night", "tonight" */
                    memcpy(dm->time, pd, 3);
                else if (pof && dm->span.start == c.k.t[i].s) /* "the night of November 10" */
                    memcpy(dm->time, pof, 3);
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
