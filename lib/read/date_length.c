/*
 * read/date_length.c: counts of time units for the date reader: "three days
 * ago" (a position before the reference), "six weeks of fighting", "an hour
 * later", "two and a half years", "for years" (lengths, with their ISO
 * duration in the basis). Owns no state; must not take an age ("a
 * 22-year-old") for a length.
 */
#include <string.h>

#include "read/date_impl.h"

static const char *const UNITS[] = {"day", "days", "week", "weeks", "month", "months", "year",
                                    "years", "hour", "hours", "minute", "minutes", "night",
                                    "nights", "fortnight", "decade", "decades", "second",
                                    "seconds", NULL};

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
    truce_date_mention *m = dt_emit(c, s0, u + 1);
    if (!m)
        return TRUCE_ENOMEM;
    m->is_duration = true;
    bool t = x == 4 || x == 5;
    m->basis = truce_arena_printf(c->a, "duration P%sX%s (count not given)", t ? "T" : "",
                                  x == 6 ? "DE" : (char[]){LETTER[x], 0});
    *used = u + 1 - s0;
    return m->basis ? 0 : TRUCE_ENOMEM;
}

int dt_try_count_unit(dctx *c, size_t i, size_t *used)
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
    if (!hyph && !half && ds_is(c->t, k, j, "ago") && !c->have_ref && unit <= 3) {
        *used = j + 1 - i;
        return dt_unresolved(c, i, j + 1, "a time ago");
    }
    if (!hyph && !half && ds_is(c->t, k, j, "ago") && c->have_ref && unit <= 3) {
        long r = c->ref;
        truce_date_mention *m = dt_emit(c, i, j + 1);
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
            cal_civil(cal_shift_months(r, -(int)hi), &y, &mm, &d);
            a = cal_days(y, mm, 1);
            cal_civil(cal_shift_months(r, -(int)lo), &y, &mm, &d);
            b = cal_days(y, mm, cal_month_len(y, mm));
            p = lo == hi ? TRUCE_DATE_MONTH : TRUCE_DATE_RANGE;
        } else {
            int y, mm, d;
            cal_civil(r, &y, &mm, &d);
            a = cal_days(y - (int)hi, 1, 1), b = cal_days(y - (int)lo, 12, 31);
            p = lo == hi ? TRUCE_DATE_YEAR : TRUCE_DATE_RANGE;
        }
        dt_set_days(m, a, b, p);
        m->basis = truce_arena_printf(c->a, "%s before reference %s%s",
                                      unit == 0 ? "days" : unit == 1 ? "weeks" : unit == 2 ? "months" : "years",
                                      dt_ref_str(c, r), lo == hi ? "" : " (vague count)");
        *used = j + 1 - i;
        return 0;
    }
    /* "Two days later", "a day earlier", "three weeks later" after an
     * explicit day in the same or the two sentences before: a position
     * counted from that day (the story's own clock), not a length. */
    bool later = ds_is(c->t, k, j, "later"), earlier = ds_is(c->t, k, j, "earlier");
    /* "three days later than planned" compares two dates: a length */
    if ((later || earlier) && !hyph && !half && lo == hi && unit <= 3 && c->anchor_valid &&
        !ds_is(c->t, k, j + 1, "than") &&
        k->t[i].sent >= c->anchor_sent && k->t[i].sent - c->anchor_sent <= 2 &&
        i >= c->anchor_tok) {
        long sign = later ? 1 : -1, a, b;
        truce_date_precision p = TRUCE_DATE_DAY;
        int y, mm, d;
        /* "The army said on Sunday that ... Two days later, fighters
         * ambushed": the story's clock, not the report's, moves on (when
         * the story's last day is before the report's, a few sentences up) */
        long an = c->anchor;
        if (later && c->anchor_reported && c->story_valid && c->story < c->anchor &&
            k->t[i].sent >= c->story_sent && k->t[i].sent - c->story_sent <= 8)
            an = c->story;
        if (unit == 0)
            a = b = an + sign * lo;
        else if (unit == 1)
            a = b = an + sign * 7 * lo;
        else if (unit == 2) {
            cal_civil(cal_shift_months(an, (int)(sign * lo)), &y, &mm, &d);
            dt_month_bounds(y, mm, &a, &b);
            p = TRUCE_DATE_MONTH;
        } else {
            cal_civil(an, &y, &mm, &d);
            a = cal_days(y + (int)(sign * lo), 1, 1), b = cal_days(y + (int)(sign * lo), 12, 31);
            p = TRUCE_DATE_YEAR;
        }
        truce_date_mention *m = dt_emit(c, i, j + 1);
        if (!m)
            return TRUCE_ENOMEM;
        dt_set_days(m, a, b, p);
        m->basis = truce_arena_printf(c->a, "%ld %s %s explicit date %s (%s)", lo,
                                      unit == 0 ? "day(s)" : unit == 1 ? "week(s)"
                                      : unit == 2 ? "month(s)" : "year(s)",
                                      later ? "after" : "before", dt_ref_str(c, an),
                                      duration_basis(c, unit_tok, unit, lo, hi, false));
        if (p == TRUCE_DATE_DAY && later) { /* the story's clock moves on; "earlier" is a look back */
            c->anchor = a;
            c->anchor_sent = m->sentence;
            c->anchor_tok = j + 1;
            c->anchor_reported = false;
            c->story_valid = true;
            c->story = a;
            c->story_sent = m->sentence;
        }
        *used = j + 1 - i;
        return m->basis ? 0 : TRUCE_ENOMEM;
    }
    if (later || earlier)
        j++;
    truce_date_mention *m = dt_emit(c, i, j);
    if (!m)
        return TRUCE_ENOMEM;
    m->is_duration = true;
    m->basis = duration_basis(c, unit_tok, unit, lo, hi, half);
    *used = j - i;
    return m->basis ? 0 : TRUCE_ENOMEM;
}
