/*
 * read/date_rel.c: the date reader's relative forms: deictic words ("today",
 * "last week", "the next day"), weekdays, "the 23rd", quarters and seasons,
 * each resolved against the reference or the nearer explicit day the text
 * anchors to. Owns no state; must not resolve anything without a reference.
 */
#include <string.h>

#include "read/date_impl.h"

static int deictic_day(dctx *c, size_t i0, size_t i1, int delta, const char *word, bool anchored)
{
    long r = c->ref;
    bool have = c->have_ref;
    const char *how = "reference";
    uint32_t s = c->k.t[i0].sent;
    /* the text anchors to a nearby explicit date: same sentence and close by,
     * or the two sentences before for "the next day" and its kin */
    if (c->anchor_valid &&
        ((c->anchor_sent == s && i0 - c->anchor_tok < 30) ||
         (anchored && s > c->anchor_sent && s - c->anchor_sent <= 2))) {
        r = c->anchor, have = true;
        how = "explicit date nearby";
    }
    if (!have)
        return dt_unresolved(c, i0, i1, word);
    truce_date_mention *m = dt_emit(c, i0, i1);
    if (!m)
        return TRUCE_ENOMEM;
    dt_set_days(m, r + delta, r + delta, TRUCE_DATE_DAY);
    m->future = delta > 0;
    m->basis = truce_arena_printf(c->a, "deictic %s from %s %s", word, how, dt_ref_str(c, r));
    return m->basis ? 0 : TRUCE_ENOMEM;
}

/* today, yesterday, last night, this week, earlier this month, the next day... */
int dt_try_deictic(dctx *c, size_t i, size_t *used)
{
    const ds_toks *k = &c->k;
    const char *t = c->t;
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
    if ((ds_is(t, k, i, "today") || ds_is(t, k, i, "tonight")) && !c->have_ref) {
        *used = 1;
        return dt_unresolved(c, i, i + 1, ds_is(t, k, i, "today") ? "today" : "tonight");
    }
    if ((ds_is(t, k, i, "today") || ds_is(t, k, i, "tonight")) && c->have_ref) {
        /* "today" is the day of writing, whatever date the sentence names */
        truce_date_mention *m = dt_emit(c, i, i + 1);
        if (!m)
            return TRUCE_ENOMEM;
        dt_set_days(m, c->ref, c->ref, TRUCE_DATE_DAY);
        m->basis = truce_arena_printf(c->a, "deictic %s from reference %s",
                                      ds_is(t, k, i, "today") ? "today" : "tonight", dt_ref_str(c, c->ref));
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
    /* "the following week/month", "the previous week" after an explicit
     * day in the same or the two sentences before: counted from that day */
    if (ds_is(t, k, i, "the") &&
        (ds_is(t, k, i + 1, "following") || ds_is(t, k, i + 1, "previous")) &&
        (ds_is(t, k, i + 2, "week") || ds_is(t, k, i + 2, "month")) && c->anchor_valid &&
        k->t[i].sent >= c->anchor_sent && k->t[i].sent - c->anchor_sent <= 2) {
        int dir = ds_is(t, k, i + 1, "following") ? 1 : -1;
        long a, b;
        truce_date_precision p;
        if (ds_is(t, k, i + 2, "week")) {
            a = c->anchor - cal_weekday(c->anchor) + 7 * dir, b = a + 6;
            p = TRUCE_DATE_RANGE;
        } else {
            int y, mo, d;
            cal_civil(cal_shift_months(c->anchor, dir), &y, &mo, &d);
            dt_month_bounds(y, mo, &a, &b);
            p = TRUCE_DATE_MONTH;
        }
        truce_date_mention *m = dt_emit(c, i, i + 3);
        if (!m)
            return TRUCE_ENOMEM;
        dt_set_days(m, a, b, p);
        m->basis = truce_arena_printf(c->a, "deictic %s %s from explicit date %s",
                                      dir > 0 ? "the following" : "the previous",
                                      ds_is(t, k, i + 2, "week") ? "week" : "month",
                                      dt_ref_str(c, c->anchor));
        *used = 3;
        return m->basis ? 0 : TRUCE_ENOMEM;
    }
    if (!c->have_ref) {
        /* "last week", "this month", "next year" with nothing to count from */
        size_t j = i + (ds_is(t, k, i, "the") ? 1 : 0);
        if ((ds_is(t, k, j, "last") || ds_is(t, k, j, "this") || ds_is(t, k, j, "next") ||
             ds_is(t, k, j, "past") || ds_is(t, k, j, "previous") || ds_is(t, k, j, "coming")) &&
            (ds_is(t, k, j + 1, "week") || ds_is(t, k, j + 1, "weekend") ||
             ds_is(t, k, j + 1, "month") || ds_is(t, k, j + 1, "year"))) {
            *used = j + 2 - i;
            return dt_unresolved(c, i, j + 2, "a week, month or year named from the present");
        }
        return 0;
    }
    /* week/month/year relative to the reference */
    size_t j = i;
    int dir = 99;
    bool earlier = false, later = false;
    if (ds_is(t, k, j, "earlier") && ds_is(t, k, j + 1, "this"))
        earlier = true, dir = 0, j += 2;
    else if (ds_is(t, k, j, "later") && ds_is(t, k, j + 1, "this"))
        later = true, dir = 0, j += 2;
    else if (ds_is(t, k, j, "this") && ds_is(t, k, j + 1, "past"))
        dir = -1, j += 2; /* "this past weekend" */
    else if (ds_is(t, k, j, "this"))
        dir = 0, j++;
    else if (ds_is(t, k, j, "last") || ds_is(t, k, j, "past") || ds_is(t, k, j, "previous"))
        dir = -1, j++;
    else if (ds_is(t, k, j, "next") || ds_is(t, k, j, "coming"))
        dir = 1, j++;
    else if (ds_is(t, k, j, "the") && (ds_is(t, k, j + 1, "past") || ds_is(t, k, j + 1, "last") ||
                                      ds_is(t, k, j + 1, "coming")))
        dir = ds_is(t, k, j + 1, "coming") ? 1 : -1, j += 2;
    else if (ds_is(t, k, j, "the") && ds_is(t, k, j + 1, "weekend") && i > 0) {
        /* "over the weekend", "during the weekend": the latest weekend that
         * has begun by the reference, or the next in future context */
        static const char *const PREPS[] = {"over", "during", "at", "on", "across", "through",
                                            "throughout", "for", "by", NULL};
        if (!ds_is_any(t, k, i - 1, PREPS))
            return 0;
        long r = c->ref;
        int rw = cal_weekday(r);
        bool fut = dt_future_context(c, i, j + 2);
        long sat = rw >= 5 ? r - (rw - 5) : r - rw - 2; /* the Saturday begun by r */
        if (fut && rw < 5)
            sat += 7;
        truce_date_mention *m = dt_emit(c, i, j + 2);
        if (!m)
            return TRUCE_ENOMEM;
        dt_set_days(m, sat, sat + 1, TRUCE_DATE_RANGE);
        m->future = fut && rw < 5;
        m->basis = truce_arena_printf(c->a, "deictic the weekend (%s) from reference %s",
                                      fut && rw < 5 ? "the next" : "the latest begun",
                                      dt_ref_str(c, r));
        *used = j + 2 - i;
        return m->basis ? 0 : TRUCE_ENOMEM;
    }
    if (dir == 99)
        return 0;
    /* "this fiscal year": the year of the reference all the same */
    if ((ds_is(t, k, j, "fiscal") || ds_is(t, k, j, "financial") || ds_is(t, k, j, "calendar")) &&
        ds_is(t, k, j + 1, "year"))
        j++;
    /* "the next decade", "the past decade": a length of ten years */
    if (ds_is(t, k, j, "decade") && dir != 0 && !earlier && !later) {
        truce_date_mention *m = dt_emit(c, i, j + 1);
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
        cal_civil(cal_shift_months(cal_days(ry, rm, 1), dir), &y, &m, &d);
        dt_month_bounds(y, m, &a, &b);
        p = TRUCE_DATE_MONTH, what = "month";
    } else if (ds_is(t, k, j, "year")) {
        a = cal_days(ry + dir, 1, 1), b = cal_days(ry + dir, 12, 31);
        p = TRUCE_DATE_YEAR, what = "year";
    } else {
        int w = dt_weekday_at(c, j);
        if (w < 0 || earlier || later)
            return 0;
        long d;
        int rw = cal_weekday(r);
        if (dir == 1)
            d = r + ((w - rw + 7) % 7 == 0 ? 7 : (w - rw + 7) % 7);
        else if (dir == -1)
            d = r - ((rw - w + 7) % 7 == 0 ? 7 : (rw - w + 7) % 7);
        else {
            bool fut = dt_future_context(c, i, j + 1);
            d = fut ? r + (w - rw + 7) % 7 : r - (rw - w + 7) % 7;
            dir = fut ? 1 : 0;
        }
        truce_date_mention *m = dt_emit(c, i, j + 1);
        if (!m)
            return TRUCE_ENOMEM;
        dt_set_days(m, d, d, TRUCE_DATE_DAY);
        m->future = dir == 1;
        m->basis = truce_arena_printf(c->a, "weekday %s reference %s",
                                      dir == 1 ? "after" : "before", dt_ref_str(c, r));
        *used = j + 1 - i;
        return 0;
    }
    if (earlier && b > r)
        b = r;
    if (later && a < r)
        a = r;
    truce_date_mention *m = dt_emit(c, i, j + 1);
    if (!m)
        return TRUCE_ENOMEM;
    dt_set_days(m, a, b, p);
    m->future = dir == 1 || later;
    m->basis = truce_arena_printf(c->a, "deictic %s%s %s from reference %s",
                                  earlier ? "earlier " : later ? "later " : "",
                                  dir < 0 ? "last" : dir > 0 ? "next" : "this", what, dt_ref_str(c, r));
    *used = j + 1 - i;
    return 0;
}

/* "on Tuesday": the latest such day on or before the reference, or after it
 * when the clause speaks of the future. */
int dt_try_weekday(dctx *c, size_t i, size_t *used)
{
    int w = dt_weekday_at(c, i);
    if (w < 0)
        return 0;
    /* "Black Monday", "Good Friday", "Bloody Sunday" name a day of their
     * own, not the latest such weekday */
    static const char *const NAMED[] = {"black", "bloody", "good", "super", "ash", "holy",
                                        "maundy", "palm", "cyber", "easter", "whit", NULL};
    if (i > 0 && ds_cap(c->t, &c->k, i - 1) && ds_is_any(c->t, &c->k, i - 1, NAMED)) {
        *used = 1;
        return 0;
    }
    if (!c->have_ref) {
        *used = 1;
        return dt_unresolved(c, i, i + 1, "a weekday");
    }
    long r = c->ref;
    int rw = cal_weekday(r);
    bool fut = dt_future_context(c, i, i + 1);
    /* "will meet on Thursday" written on a Thursday most often means that day */
    long d = fut ? r + (w - rw + 7) % 7 : r - (rw - w + 7) % 7;
    truce_date_mention *m = dt_emit(c, i, i + 1);
    if (!m)
        return TRUCE_ENOMEM;
    dt_set_days(m, d, d, TRUCE_DATE_DAY);
    m->future = fut;
    m->basis = truce_arena_printf(c->a, "weekday %s reference %s", fut ? "on or after" : "before",
                                  dt_ref_str(c, r));
    /* "On Friday ... the same day", "said on Tuesday ... tomorrow": the
     * weekday is the nearer explicit day the text anchors to */
    if (c->ref_prec == TRUCE_DATE_DAY) /* else it is widened: no exact day to anchor on */
        dt_set_anchor(c, d, m->sentence, i, i + 1);
    *used = 1;
    return m->basis ? 0 : TRUCE_ENOMEM;
}

/* "on the 23rd": a day of the reference month (or the month before). */
int dt_try_ordinal_day(dctx *c, size_t i, size_t *used)
{
    const ds_toks *k = &c->k;
    if (!c->have_ref || !ds_is(c->t, k, i, "the"))
        return 0;
    int day;
    size_t n = dt_day_at(c, i + 1, &day);
    if (n != 2)
        return 0;
    size_t j = i + 1 + n;
    if (j < k->n && k->t[j].kind == DS_WORD && !ds_is(c->t, k, j, "and") &&
        !ds_is(c->t, k, j, "when") && !ds_is(c->t, k, j, "at"))
        return 0; /* "the 23rd brigade" */
    int ry, rm, rd;
    cal_civil(c->ref, &ry, &rm, &rd);
    int y = ry, m = rm;
    bool fut = dt_future_context(c, i, j);
    if (!fut && day > rd) {
        if (--m == 0)
            m = 12, y--;
    } else if (fut && day < rd) {
        if (++m == 13)
            m = 1, y++;
    }
    if (!cal_valid(y, m, day))
        return 0;
    truce_date_mention *o = dt_emit(c, i, j);
    if (!o)
        return TRUCE_ENOMEM;
    long d = cal_days(y, m, day);
    dt_set_days(o, d, d, TRUCE_DATE_DAY);
    o->future = fut;
    o->basis = truce_arena_printf(c->a, "day of the month nearest reference %s",
                                  dt_ref_str(c, c->ref));
    *used = j - i;
    return 0;
}

/* "the third quarter of 2009", "the first quarter of last year",
 * "the 20th century". */
int dt_try_quarter(dctx *c, size_t i, size_t *used)
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
        bool fut = dt_future_context(c, i, qt + 1);
        if (prev) {
            q = rq - 1;
            if (q == 0)
                q = 4, y--;
        } else if (fut) {
            if (q < rq)
                y++;
        } else if (q > rq + 1)
            y--;
        truce_date_mention *m = dt_emit(c, i, qt + 1);
        if (!m)
            return TRUCE_ENOMEM;
        dt_set_days(m, cal_days(y, 3 * q - 2, 1), cal_days(y, 3 * q, cal_month_len(y, 3 * q)),
                 TRUCE_DATE_RANGE);
        m->future = fut && !prev;
        m->basis = truce_arena_printf(c->a, "quarter Q%d of %d (year from reference %s)", q, y,
                                      dt_ref_str(c, c->ref));
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
        if (dt_year_at(c, j, &y))
            j++;
        else if (c->have_ref && (ds_is(t, k, j, "this") || ds_is(t, k, j, "last") ||
                                 ds_is(t, k, j, "next")) && ds_is(t, k, j + 1, "year")) {
            int ry, rm, rd;
            cal_civil(c->ref, &ry, &rm, &rd);
            y = ry + (ds_is(t, k, j, "last") ? -1 : ds_is(t, k, j, "next") ? 1 : 0);
            j += 2;
        } else
            return 0;
        truce_date_mention *m = dt_emit(c, i, j);
        if (!m)
            return TRUCE_ENOMEM;
        long a = cal_days(y, 3 * q - 2, 1), b = cal_days(y, 3 * q, cal_month_len(y, 3 * q));
        dt_set_days(m, a, b, TRUCE_DATE_RANGE);
        m->basis = truce_arena_printf(c->a, "quarter Q%d of %d", q, y);
        *used = j - i;
        return m->basis ? 0 : TRUCE_ENOMEM;
    }
    int n;
    size_t dn = dt_day_at(c, i + 1, &n);
    if (dn == 2 && n >= 1 && n <= 21 && ds_is(t, k, i + 3, "century")) {
        truce_date_mention *m = dt_emit(c, i, i + 4);
        if (!m)
            return TRUCE_ENOMEM;
        dt_set_days(m, cal_days((n - 1) * 100 > 0 ? (n - 1) * 100 : 1, 1, 1),
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
int dt_try_season(dctx *c, size_t i, size_t *used)
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
    if (ds_is(t, k, j, "of") && dt_year_at(c, j + 1, &y))
        j += 2;
    else if (dt_year_at(c, j, &y))
        j++;
    bool bare = false;
    if (!y && dir == 99) {
        static const char *const PREPS[] = {"in", "during", "by", "until", "till", "through",
                                            "since", "over", "throughout", NULL};
        if (!(i > 0 && ds_is_any(t, k, i - 1, PREPS)) || ds_is(t, k, j, "of") ||
            j != i + 2 || ds_cap(t, k, i + 1))
            return 0; /* "in summer" is habitual more often than not; "the fall of" */
        bare = true;
        dir = dt_future_context(c, i, j) ? 2 : -2;
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
    truce_date_mention *m = dt_emit(c, i, j);
    if (!m)
        return TRUCE_ENOMEM;
    dt_set_days(m, a, b, TRUCE_DATE_RANGE);
    m->future = dir == 1 || dir == 2;
    m->basis = truce_arena_printf(c->a, "season %d-%s%s", y, CODE[sn],
                                  bare ? (dir == 2 ? " (the next from the reference)"
                                                   : " (the latest begun by the reference)")
                                       : "");
    *used = j - i;
    return m->basis ? 0 : TRUCE_ENOMEM;
}
