/*
 * tests/unit/test_date.c: the date reader and document-date inference on
 * sentences of our own: absolute, partial, numeric, weekday, deictic,
 * relative, range, "since", duration and year forms, times of day that must
 * not read as dates, and anchoring to a nearby explicit date.
 */
#include <string.h>

#include "check.h"
#include "truce/read.h"

static truce_arena *A;

/* The first mention whose text is exactly `span`, or NULL. */
static const truce_date_mention *find(const char *text, const char *ref, const char *span)
{
    truce_date_list l;
    truce_error e;
    truce_error_clear(&e);
    if (truce_read_dates(A, text, strlen(text), NULL, ref, &l, &e) != TRUCE_OK)
        return NULL;
    for (size_t i = 0; i < l.n; i++)
        if (l.items[i].span.end - l.items[i].span.start == strlen(span) &&
            !memcmp(text + l.items[i].span.start, span, strlen(span)))
            return &l.items[i];
    return NULL;
}

static size_t count(const char *text, const char *ref)
{
    truce_date_list l;
    truce_error e;
    if (truce_read_dates(A, text, strlen(text), NULL, ref, &l, &e) != TRUCE_OK)
        return 999;
    return l.n;
}

#define EXPECT(text, ref, span, s, e, prec)                                        \
    do {                                                                           \
        const truce_date_mention *m_ = find(text, ref, span);                      \
        CHECK(m_ != NULL);                                                         \
        if (m_) {                                                                  \
            CHECK_STR(m_->start, s);                                               \
            CHECK_STR(m_->end, e);                                                 \
            CHECK_STR(truce_date_precision_name(m_->precision), prec);             \
            CHECK(m_->basis != NULL);                                              \
        }                                                                          \
    } while (0)

int main(void)
{
    A = truce_arena_new(1 << 16);
    CHECK(A != NULL);
    const char *R = "2021-03-10"; /* a Wednesday */

    /* absolute forms */
    EXPECT("The convoy left on February 3, 2021 at dawn.", R, "February 3, 2021", "2021-02-03", "2021-02-03", "day");
    EXPECT("Talks opened 14 January 2021 in Vienna.", R, "14 January 2021", "2021-01-14", "2021-01-14", "day");
    EXPECT("The order is dated 2021-02-28.", R, "2021-02-28", "2021-02-28", "2021-02-28", "day");
    EXPECT("The decree of 05.02.2021 applies.", R, "05.02.2021", "2021-02-05", "2021-02-05", "day");
    EXPECT("Observers came on Feb. 9 to the pass.", R, "Feb. 9", "2021-02-09", "2021-02-09", "day");
    EXPECT("The bridge reopened Jan 30 2021.", R, "Jan 30 2021", "2021-01-30", "2021-01-30", "day");

    /* partial dates take the year that puts them on or before the reference */
    EXPECT("The shelling began on December 28.", R, "December 28", "2020-12-28", "2020-12-28", "day");
    EXPECT("Crews repaired the line on March 2.", R, "March 2", "2021-03-02", "2021-03-02", "day");
    /* ...or after it when the text speaks of the future */
    EXPECT("The mission will return on February 20.", R, "February 20", "2022-02-20", "2022-02-20", "day");
    const truce_date_mention *f = find("Monitors will arrive on March 15.", R, "March 15");
    CHECK(f && f->future);

    /* "last"/"next" before a month name are strict; a date ahead of the
     * reference stays in its year only in a planned clause ("is on") */
    EXPECT("The strike began last March.", R, "last March", "2020-03-01", "2020-03-31", "month");
    EXPECT("The accord expires next March.", R, "next March", "2022-03-01", "2022-03-31", "month");
    EXPECT("The court hearing is on March 29.", R, "March 29", "2021-03-29", "2021-03-29", "day");
    EXPECT("The court heard the case on November 29.", R, "November 29", "2020-11-29", "2020-11-29", "day");
    const truce_date_mention *rs = find("The minister said the talks would resume in June.", R, "June");
    CHECK(rs && rs->future && strcmp(rs->start, "2021-06-01") == 0);

    /* weekdays */
    EXPECT("The mayor spoke on Monday about the water supply.", R, "Monday", "2021-03-08", "2021-03-08", "day");
    EXPECT("Clashes resumed on Wednesday.", R, "Wednesday", "2021-03-10", "2021-03-10", "day");
    EXPECT("The ministers will meet on Monday.", R, "Monday", "2021-03-15", "2021-03-15", "day");
    EXPECT("The envoy is going to visit on Friday.", R, "Friday", "2021-03-12", "2021-03-12", "day");
    EXPECT("The envoy left last Friday.", R, "last Friday", "2021-03-05", "2021-03-05", "day");
    EXPECT("The jury will decide on Wednesday.", R, "Wednesday", "2021-03-10", "2021-03-10", "day");
    EXPECT("The bridge fell a week ago.", R, "a week ago", "2021-03-03", "2021-03-03", "day");
    CHECK(find("He won for a second time.", R, "a second") == NULL);
    const truce_date_mention *w = find("Shops closed on Thursday.", R, "Thursday");
    CHECK(w && w->basis && strstr(w->basis, "weekday before reference 2021-03-10"));

    /* deictic words */
    EXPECT("Two drones were downed yesterday.", R, "yesterday", "2021-03-09", "2021-03-09", "day");
    EXPECT("Schools stay shut today.", R, "today", "2021-03-10", "2021-03-10", "day");
    EXPECT("A vote is planned for tomorrow.", R, "tomorrow", "2021-03-11", "2021-03-11", "day");
    EXPECT("Sirens sounded last night in the port.", R, "last night", "2021-03-09", "2021-03-09", "day");
    EXPECT("Shots were heard tonight.", R, "tonight", "2021-03-10", "2021-03-10", "day");
    EXPECT("A truce was agreed last week.", R, "last week", "2021-03-01", "2021-03-07", "range");
    EXPECT("Prices rose last month.", R, "last month", "2021-02-01", "2021-02-28", "month");
    EXPECT("The road was mined earlier this month.", R, "earlier this month", "2021-03-01", "2021-03-10", "month");
    EXPECT("The camp opened three days ago.", R, "three days ago", "2021-03-07", "2021-03-07", "day");
    EXPECT("The camp opened a few months ago.", R, "a few months ago", "2020-11-01", "2021-01-31", "range");
    EXPECT("Fields were burned at the end of January.", R, "the end of January", "2021-01-21", "2021-01-31", "month");
    EXPECT("Houses burned on the night of February 11.", R, "the night of February 11", "2021-02-11", "2021-02-11", "day");
    EXPECT("Houses burned on February11 near the river.", R, "February11", "2021-02-11", "2021-02-11", "day");

    /* anchoring: "tomorrow" relative to the explicit date it follows */
    EXPECT("On February 14th, the council said it would vote tomorrow.", R, "tomorrow", "2021-02-15", "2021-02-15", "day");

    /* ranges and open ranges */
    EXPECT("Fighting flared between February 21-22nd near the dam.", R, "February 21-22nd", "2021-02-21", "2021-02-22", "range");
    EXPECT("The curfew ran from October 5 to January 12, 2021.", R, "October 5 to January 12, 2021", "2020-10-05", "2021-01-12", "range");
    const truce_date_mention *s = find("No trains have run since February 16th.", R, "February 16th");
    CHECK(s != NULL);
    if (s) {
        CHECK_STR(s->start, "2021-02-16");
        CHECK_STR(s->end, "2021-03-10");
        CHECK(s->open_end);
        CHECK_STR(truce_date_precision_name(s->precision), "range");
    }

    /* ordinals */
    EXPECT("The column arrived on the 7th.", R, "the 7th", "2021-03-07", "2021-03-07", "day");
    EXPECT("The column arrived on the 20th.", R, "the 20th", "2021-02-20", "2021-02-20", "day");
    EXPECT("Aid came on the 8th of February.", R, "the 8th of February", "2021-02-08", "2021-02-08", "day");

    /* durations are lengths, not positions */
    const truce_date_mention *d = find("After five weeks of fighting the town fell.", R, "five weeks");
    CHECK(d && d->is_duration && d->start[0] == 0);
    d = find("A second blast came an hour later.", R, "an hour later");
    CHECK(d && d->is_duration);

    /* years, months, decades */
    EXPECT("The dam was built in 2017.", R, "2017", "2017-01-01", "2017-12-31", "year");
    EXPECT("Elections are set for June 2022.", R, "June 2022", "2022-06-01", "2022-06-30", "month");
    EXPECT("The border moved in the 1990s.", R, "the 1990s", "1990-01-01", "1999-12-31", "range");

    EXPECT("Exports fell in the third quarter of 2020.", R, "the third quarter of 2020", "2020-07-01", "2020-09-30", "range");
    EXPECT("Output grew in the first quarter of last year.", R, "the first quarter of last year", "2020-01-01", "2020-03-31", "range");
    EXPECT("Borders shifted in the 19th century.", R, "the 19th century", "1800-01-01", "1899-12-31", "range");

    EXPECT("Grain exports stopped last summer.", R, "last summer", "2020-06-01", "2020-08-31", "range");
    EXPECT("Roads flooded this winter.", R, "this winter", "2020-12-01", "2021-02-28", "range");
    EXPECT("The dam broke in the spring of 2018.", R, "the spring of 2018", "2018-03-01", "2018-05-31", "range");
    CHECK(find("Herders move in summer.", R, "summer") == NULL);

    /* not dates */
    CHECK(find("The briefing started at 10.30 a.m. sharp.", R, "10.30") == NULL);
    CHECK_INT(count("The briefing started at 10.30 a.m. sharp.", R), 0);
    CHECK_INT(count("Fire broke out at 14:45 near the depot.", R), 0);
    CHECK_INT(count("They may leave if the march is calm.", R), 0);
    CHECK_INT(count("Under Article 116 the court ruled.", R), 0);

    /* without a reference, partial dates stay unresolved */
    const truce_date_mention *u = find("The strike hit on August 4.", NULL, "August 4");
    CHECK(u && u->start[0] == 0);

    /* document-date inference */
    char out[11];
    const char *basis = NULL;
    truce_error e;
    const char *t1 = "KYIV, Feb 12 (Wire) - Sappers cleared a field.\n\nCopyright 2021 Wire";
    CHECK_INT(truce_read_infer_date(A, t1, strlen(t1), out, &basis, &e), TRUCE_OK);
    CHECK_STR(out, "2021-02-12");
    CHECK(basis && strstr(basis, "dateline"));
    const char *t2 = "Published 3 June 2020\nThe governor toured the camp.";
    CHECK_INT(truce_read_infer_date(A, t2, strlen(t2), out, &basis, &e), TRUCE_OK);
    CHECK_STR(out, "2020-06-03");
    const char *t3 = "The governor toured the camp and met families.";
    CHECK_INT(truce_read_infer_date(A, t3, strlen(t3), out, &basis, &e), TRUCE_ENOTFOUND);

    /* numeric dates by locale rule, two-digit years */
    EXPECT("The permit of 10.11.2020 lapsed.", R, "10.11.2020", "2020-11-10", "2020-11-10", "day");
    EXPECT("A letter dated 11/10/2020 arrived.", R, "11/10/2020", "2020-11-10", "2020-11-10", "day");
    EXPECT("A letter dated 7/8/19 arrived.", R, "7/8/19", "2019-07-08", "2019-07-08", "day");

    /* case does not matter to deictic words; it does to months */
    EXPECT("Talks resume TOMORROW in the capital.", R, "TOMORROW", "2021-03-11", "2021-03-11", "day");
    EXPECT("Yesterday two shells fell.", R, "Yesterday", "2021-03-09", "2021-03-09", "day");

    /* a future verb after "that" belongs to another clause */
    EXPECT("The council announced on Monday that it will vote.", R, "Monday", "2021-03-08", "2021-03-08", "day");
    EXPECT("The hearing is set to open on Friday.", R, "Friday", "2021-03-12", "2021-03-12", "day");
    EXPECT("The hearing should open on Friday.", R, "Friday", "2021-03-12", "2021-03-12", "day");
    CHECK(find("Markets fell on Bloody Thursday.", R, "Thursday") == NULL);
    /* a weekday anchors "the same day" and "yesterday" in its sentence */
    EXPECT("On Monday the army said it had shelled the port yesterday.", R, "yesterday", "2021-03-07", "2021-03-07", "day");

    /* limits stay ahead for half a year; "of next year" */
    EXPECT("The pass stays shut until July.", R, "July", "2021-07-01", "2021-07-31", "month");
    EXPECT("The pass was shut in July.", R, "July", "2020-07-01", "2020-07-31", "month");
    EXPECT("The lease ends in May of next year.", R, "May of next year", "2022-05-01", "2022-05-31", "month");

    /* years: after a determiner, ranges, two digits, parts of the year */
    EXPECT("He recalled a 2014 ambush near the pass.", R, "2014", "2014-01-01", "2014-12-31", "year");
    CHECK(find("He led a 2000-strong column.", R, "2000") == NULL);
    EXPECT("The 2015-16 season was dry.", R, "2015", "2015-01-01", "2015-12-31", "year");
    EXPECT("The 2015-16 season was dry.", R, "16", "2016-01-01", "2016-12-31", "year");
    EXPECT("The war of 1992-1994 ended in a truce.", R, "1994", "1994-01-01", "1994-12-31", "year");
    EXPECT("The flood of '98 is remembered.", R, "'98", "1998-01-01", "1998-12-31", "year");
    EXPECT("The clinic was built in the 60s.", R, "60s", "1960-01-01", "1969-12-31", "range");
    EXPECT("Repairs finish by the end of the year.", R, "the end of the year", "2021-01-01", "2021-12-31", "year");
    EXPECT("Aid rose at the start of last year.", R, "the start of last year", "2020-01-01", "2020-12-31", "year");
    EXPECT("Output rose in mid-2019.", R, "mid-2019", "2019-05-01", "2019-08-31", "year");

    /* quarters without a year: the reference's year, or the one before when
     * the quarter lies more than a quarter ahead */
    EXPECT("Profits fell in the fourth quarter.", R, "the fourth quarter", "2020-10-01", "2020-12-31", "range");
    EXPECT("Profits fell in the second quarter.", R, "the second quarter", "2021-04-01", "2021-06-30", "range");
    EXPECT("Third-quarter sales fell.", R, "Third-quarter", "2020-07-01", "2020-09-30", "range");
    EXPECT("Sales fell in the last quarter.", R, "the last quarter", "2020-10-01", "2020-12-31", "range");
    CHECK(find("Peace held for a quarter-century.", R, "quarter") == NULL);

    /* "the" season after a preposition; "in summer" stays generic */
    EXPECT("Roads flooded in the autumn.", R, "the autumn", "2020-09-01", "2020-11-30", "range");
    EXPECT("The talks will resume in the summer.", R, "the summer", "2021-06-01", "2021-08-31", "range");
    CHECK(find("The fall of the town shocked them.", R, "The fall") == NULL);

    /* lengths with no count, with modifiers, and ages that are not lengths */
    d = find("The valley was cut off for weeks.", R, "weeks");
    CHECK(d && d->is_duration && d->basis && strstr(d->basis, "PXW"));
    d = find("Raids grew in recent months.", R, "recent months");
    CHECK(d && d->is_duration);
    d = find("Fighting went on for five consecutive days.", R, "five consecutive days");
    CHECK(d && d->is_duration && d->basis && strstr(d->basis, "P5D"));
    CHECK(find("A 22-year-old medic died.", R, "22-year") == NULL);
    CHECK(find("These days are hard.", R, "days") == NULL);

    /* "the day" after verbs of a day's course: the anchored day */
    EXPECT("Shelling hit Stepanavan on March 4 and went on throughout the day.", R, "the day", "2021-03-04", "2021-03-04", "day");

    /* spans take the words TimeML gives them, the value is unchanged */
    EXPECT("Rain fell late last July.", R, "late last July", "2020-07-01", "2020-07-31", "month");
    EXPECT("Costs rose early this year.", R, "early this year", "2021-01-01", "2021-12-31", "year");
    EXPECT("Costs rose in the previous year.", R, "the previous year", "2020-01-01", "2020-12-31", "year");
    EXPECT("The vote was held earlier today.", R, "earlier today", "2021-03-10", "2021-03-10", "day");
    d = find("Prices doubled over the past two years.", R, "the past two years");
    CHECK(d && d->is_duration);
    d = find("The siege lasted almost seven years.", R, "almost seven years");
    CHECK(d && d->is_duration && d->basis && strstr(d->basis, "P7Y"));

    /* R is a Wednesday: the weekend before it, or after it ahead */
    EXPECT("Two posts were shelled over the weekend.", R, "the weekend", "2021-03-06", "2021-03-07", "range");
    EXPECT("Talks will resume over the weekend.", R, "the weekend", "2021-03-13", "2021-03-14", "range");
    EXPECT("Shops shut this past weekend.", R, "this past weekend", "2021-03-06", "2021-03-07", "range");
    CHECK(find("The weekend market is shut.", R, "weekend") == NULL);
    EXPECT("The budget for this fiscal year was cut.", R, "this fiscal year", "2021-01-01", "2021-12-31", "year");
    d = find("Roads will be rebuilt over the next decade.", R, "next decade");
    CHECK(d && d->is_duration && d->basis && strstr(d->basis, "P10Y"));

    /* a time of day joins the day it is written with; alone it is no date */
    const truce_date_mention *tm = find("Shelling resumed at 14:45 GMT Monday.", R, "14:45 GMT Monday");
    CHECK(tm && strcmp(tm->start, "2021-03-08") == 0 && strcmp(tm->time, "14:45Z") == 0);
    tm = find("Sappers arrived at 6.30 p.m. on Tuesday.", R, "6.30 p.m. on Tuesday");
    CHECK(tm && strcmp(tm->time, "18:30") == 0);
    tm = find("The column moved on Monday night.", R, "Monday night");
    CHECK(tm && strcmp(tm->start, "2021-03-08") == 0 && strcmp(tm->time, "NI") == 0);
    tm = find("Drones flew over the port this morning.", R, "this morning");
    CHECK(tm && strcmp(tm->time, "MO") == 0);
    tm = find("Two villages were hit yesterday afternoon.", R, "yesterday afternoon");
    CHECK(tm && strcmp(tm->start, "2021-03-09") == 0 && strcmp(tm->time, "AF") == 0);
    tm = find("Houses burned on the night of February 11.", R, "the night of February 11");
    CHECK(tm && strcmp(tm->time, "NI") == 0);
    tm = find("The talks opened on March 2.", R, "March 2");
    CHECK(tm && tm->time[0] == 0);
    CHECK_INT(count("The curfew begins at 22:00 UTC.", R), 0);
    CHECK(find("It was the night of the storm.", R, "night") == NULL);

    /* more document-date inference: copyright alone, latest year */
    const char *t4 = "The governor toured the camp.\n\n\u00a9 2018 Wire Service";
    CHECK_INT(truce_read_infer_date(A, t4, strlen(t4), out, &basis, &e), TRUCE_OK);
    CHECK_STR(out, "2018-01-01");
    CHECK(basis && strstr(basis, "copyright year 2018"));
    const char *t5 = "YEREVAN, Sept 9 - Talks on the 2019 accord resumed in 2020.";
    CHECK_INT(truce_read_infer_date(A, t5, strlen(t5), out, &basis, &e), TRUCE_OK);
    CHECK_STR(out, "2020-09-09");
    CHECK(basis && strstr(basis, "latest explicit year"));

    CHECK_STR(truce_date_precision_name(TRUCE_DATE_RANGE), "range");
    /* references known only to the month or year; the inferred date's precision */
    EXPECT("The pier collapsed on Wednesday.", "2018-07", "Wednesday", "2018-07-01", "2018-07-31", "month");
    EXPECT("The pier collapsed on Wednesday.", "2018", "Wednesday", "2018-01-01", "2018-12-31", "year");
    EXPECT("Levies were raised last year.", "2018", "last year", "2017-01-01", "2017-12-31", "year");
    EXPECT("Ferries were cancelled on 4 December.", "2018", "4 December", "2018-12-04", "2018-12-04", "day");
    EXPECT("Ferries were cancelled three days ago.", "2018", "three days ago", "2018-01-01", "2018-12-31", "year");
    CHECK_INT(truce_read_infer_precision("copyright year 2018 only: day unknown"), TRUCE_DATE_YEAR);
    CHECK_INT(truce_read_infer_precision("metadata"), TRUCE_DATE_DAY);
    CHECK_INT(truce_read_infer_precision(NULL), TRUCE_DATE_DAY);
    {
        const char *t6 = "Herders moved south on Thursday.\n\n(c) 2015 Steppe News\n";
        char out6[11];
        const char *b6 = NULL;
        CHECK_INT(truce_read_infer_date(A, t6, strlen(t6), out6, &b6, &e), TRUCE_OK);
        CHECK_INT(truce_read_infer_precision(b6), TRUCE_DATE_YEAR);
    }
    /* past tense: no "few weeks ahead" window; future and limits keep it */
    EXPECT("The envoy arrived on June 3.", "2022-05-20", "June 3", "2021-06-03", "2021-06-03", "day");
    EXPECT("The envoy is due on June 3.", "2022-05-20", "June 3", "2022-06-03", "2022-06-03", "day");
    EXPECT("The curfew was extended until June 3.", "2022-05-20", "June 3", "2022-06-03", "2022-06-03", "day");
    /* ranges and thirds */
    EXPECT("Talks stalled between 8 and 11 April.", "2022-05-20", "8 and 11 April", "2022-04-08", "2022-04-11", "range");
    EXPECT("Rains came in late April.", "2022-05-20", "late April", "2022-04-21", "2022-04-30", "month");
    EXPECT("Mines were laid in the early 1990s.", "2022-05-20", "early 1990s", "1990-01-01", "1993-12-31", "range");
    /* counted from an explicit day, and unresolved without any reference */
    EXPECT("The siege began on 2 May 2022. Six days later the gate fell.", NULL, "Six days later", "2022-05-08", "2022-05-08", "day");
    EXPECT("Scouts returned on Sunday.", NULL, "Sunday", "", "", "unknown");

    truce_arena_free(A);
    return check_done("test_date");
}
