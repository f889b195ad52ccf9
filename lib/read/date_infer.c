/*
 * read/date_infer.c: guesses a document's own date from its text when the
 * source gives none: a full date in the dateline or near the top, else a
 * dateline month-day completed by a year the text states (copyright line or
 * explicit years), else the latest full date written anywhere, else the
 * copyright year alone. Owns no state; the basis string lives in the caller's
 * arena. Must not invent a date: TRUCE_ENOTFOUND when nothing fits.
 */
#include <ctype.h>
#include <string.h>

#include "read/date_scan.h"

#define TOP_BYTES 600
/* The basis of a date known only to its year; truce_read_infer_precision
 * recognises it. */
#define COPYRIGHT_ONLY "copyright year "

truce_date_precision truce_read_infer_precision(const char *basis)
{
    return basis && !strncmp(basis, COPYRIGHT_ONLY, strlen(COPYRIGHT_ONLY)) ? TRUCE_DATE_YEAR
                                                                           : TRUCE_DATE_DAY;
}

/* Four digits as a number: the text is not NUL-terminated, so no atoi. */
static int digits4(const char *p)
{
    return (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
}

static bool is4(const char *t, size_t j, size_t len)
{
    return j + 4 <= len && isdigit((unsigned char)t[j]) && isdigit((unsigned char)t[j + 1]) &&
           isdigit((unsigned char)t[j + 2]) && isdigit((unsigned char)t[j + 3]) &&
           (j + 4 == len || !isdigit((unsigned char)t[j + 4]));
}

/* "© 2020", "(c) 2020", "Copyright 2020": the year, or 0. */
static int copyright_year(const char *t, size_t len)
{
    int best = 0;
    for (size_t i = 0; i + 4 < len; i++) {
        size_t j = 0;
        if ((unsigned char)t[i] == 0xC2 && (unsigned char)t[i + 1] == 0xA9)
            j = i + 2;
        else if (i + 3 < len && (t[i] == '(' && (t[i + 1] == 'c' || t[i + 1] == 'C') && t[i + 2] == ')'))
            j = i + 3;
        else if (i + 9 < len && strncmp(t + i, "Copyright", 9) == 0)
            j = i + 9;
        else
            continue;
        while (j < len && (t[j] == ' ' || t[j] == ':' ||
                           ((unsigned char)t[j] == 0xC2 && j + 1 < len && (unsigned char)t[j + 1] == 0xA9)))
            j += (unsigned char)t[j] == 0xC2 ? 2 : 1;
        if (is4(t, j, len)) {
            int y = digits4(t + j);
            /* "© 2009-2020" names the latest year last */
            if (j + 9 <= len && (t[j + 4] == '-' || t[j + 4] == ' ') && is4(t, j + 5, len) &&
                digits4(t + j + 5) > y)
                y = digits4(t + j + 5);
            if (y >= 1900 && y <= 2100 && y > best)
                best = y;
        }
    }
    return best;
}

int truce_read_infer_date(truce_arena *a, const char *text, size_t len, char out[11],
                          const char **basis, truce_error *err)
{
    if (!a || !out || (!text && len))
        return truce_error_set(err, TRUCE_EUSAGE, NULL, -1, "truce_read_infer_date: bad arguments");
    out[0] = 0;
    if (basis)
        *basis = NULL;
    truce_date_list dl;
    int rc = truce_read_dates(a, text, len, NULL, NULL, &dl, err);
    if (rc)
        return rc;
    /* 1. a full written date near the top (a dateline or a byline date) */
    for (size_t i = 0; i < dl.n; i++) {
        const truce_date_mention *d = &dl.items[i];
        if (d->span.start >= TOP_BYTES)
            break;
        if (d->precision == TRUCE_DATE_DAY && d->start[0] && !d->is_duration) {
            memcpy(out, d->start, 11);
            if (basis)
                *basis = truce_arena_printf(a, "full date near the top (%s) at byte %zu",
                                            d->basis ? d->basis : "absolute", d->span.start);
            return basis && !*basis ? truce_error_set(err, TRUCE_ENOMEM, NULL, -1, "out of memory")
                                    : TRUCE_OK;
        }
    }
    /* the latest explicit year and the copyright year complete a dateline */
    int cy = copyright_year(text, len);
    int maxy = 0;
    for (size_t i = 0; i < dl.n; i++) {
        const truce_date_mention *d = &dl.items[i];
        int y = 0, m, dd;
        if (d->start[0] && (d->precision == TRUCE_DATE_DAY || d->precision == TRUCE_DATE_MONTH ||
                            d->precision == TRUCE_DATE_YEAR) && cal_parse_iso(d->start, &y, &m, &dd) &&
            y > maxy && y <= 2100)
            maxy = y;
    }
    int year = cy ? cy : maxy;
    const char *yfrom = cy ? "copyright line" : "latest explicit year";
    if (year) {
        char ref[11];
        cal_format(ref, year, 12, 31);
        truce_date_list dl2;
        truce_error e2;
        truce_error_clear(&e2);
        size_t top = len < TOP_BYTES ? len : TOP_BYTES;
        if ((rc = truce_read_dates(a, text, top, NULL, ref, &dl2, err)))
            return rc;
        for (size_t i = 0; i < dl2.n; i++) {
            const truce_date_mention *d = &dl2.items[i];
            if (d->precision == TRUCE_DATE_DAY && d->start[0] && !d->is_duration &&
                d->basis && (strncmp(d->basis, "month and day", 13) == 0 ||
                             strncmp(d->basis, "day and month", 13) == 0)) {
                int y, m, dd;
                cal_parse_iso(d->start, &y, &m, &dd);
                cal_format(out, year, m, dd);
                if (basis)
                    *basis = truce_arena_printf(a, "dateline month and day at byte %zu, year %d from %s",
                                                d->span.start, year, yfrom);
                return basis && !*basis ? truce_error_set(err, TRUCE_ENOMEM, NULL, -1, "out of memory")
                                        : TRUCE_OK;
            }
        }
    }
    /* 2. the latest full date anywhere: reports look back, rarely forward */
    const truce_date_mention *best = NULL;
    for (size_t i = 0; i < dl.n; i++) {
        const truce_date_mention *d = &dl.items[i];
        if (d->precision == TRUCE_DATE_DAY && d->start[0] && !d->is_duration &&
            (!best || strcmp(d->start, best->start) > 0))
            best = d;
    }
    if (best) {
        memcpy(out, best->start, 11);
        if (basis)
            *basis = truce_arena_printf(a, "latest full date in the text, at byte %zu",
                                        best->span.start);
        return basis && !*basis ? truce_error_set(err, TRUCE_ENOMEM, NULL, -1, "out of memory")
                                : TRUCE_OK;
    }
    if (cy) {
        cal_format(out, cy, 1, 1);
        if (basis)
            *basis = truce_arena_printf(a, "%s%d only: day unknown", COPYRIGHT_ONLY, cy);
        return basis && !*basis ? truce_error_set(err, TRUCE_ENOMEM, NULL, -1, "out of memory")
                                : TRUCE_OK;
    }
    return truce_error_set(err, TRUCE_ENOTFOUND, NULL, -1, "no date in the text");
}
