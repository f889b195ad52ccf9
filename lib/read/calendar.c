/*
 * read/calendar.c: day arithmetic for the date reader (days since the epoch,
 * weekdays, month lengths, ISO formatting). Pure functions, no state; must
 * not know anything about text.
 */
#include <stdio.h>
#include <string.h>

#include "read/date_scan.h"

/* Civil-from-days and days-from-civil on eras of 400 years, so that leap
 * years need no tables. */
long cal_days(int y, int m, int d)
{
    long yy = (long)y - (m <= 2);
    long era = (yy >= 0 ? yy : yy - 399) / 400;
    long yoe = yy - era * 400;
    long mp = (m + 9) % 12;
    long doy = (153 * mp + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void cal_civil(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

int cal_weekday(long days)
{
    /* 1970-01-01 was a Thursday (3 when Monday is 0). */
    long w = (days + 3) % 7;
    return (int)(w < 0 ? w + 7 : w);
}

int cal_month_len(int y, int m)
{
    static const int L[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 0;
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return L[m - 1];
}

bool cal_valid(int y, int m, int d)
{
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= cal_month_len(y, m);
}

bool cal_parse_iso(const char *s, int *y, int *m, int *d)
{
    if (!s || strlen(s) < 10)
        return false;
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7) {
            if (s[i] != '-')
                return false;
        } else if (s[i] < '0' || s[i] > '9')
            return false;
    }
    *y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    *m = (s[5] - '0') * 10 + (s[6] - '0');
    *d = (s[8] - '0') * 10 + (s[9] - '0');
    return cal_valid(*y, *m, *d);
}

bool truce_date_is_iso_day(const char *s, size_t n)
{
    int y, m, d;
    return s && n == 10 && cal_parse_iso(s, &y, &m, &d);
}

void cal_format(char out[11], int y, int m, int d)
{
    if (y < 0 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) {
        out[0] = 0;
        return;
    }
    /* written out: this runs for every resolved date, and snprintf costs
     * more than the rest of the resolution */
    out[0] = (char)('0' + y / 1000);
    out[1] = (char)('0' + y / 100 % 10);
    out[2] = (char)('0' + y / 10 % 10);
    out[3] = (char)('0' + y % 10);
    out[4] = '-';
    out[5] = (char)('0' + m / 10);
    out[6] = (char)('0' + m % 10);
    out[7] = '-';
    out[8] = (char)('0' + d / 10);
    out[9] = (char)('0' + d % 10);
    out[10] = '\0';
}

void cal_format_days(char out[11], long days)
{
    int y, m, d;
    cal_civil(days, &y, &m, &d);
    cal_format(out, y, m, d);
}

/* The same day of the month `months` later (or earlier), clipped to the
 * month's length: March 31 minus one month is February 28. */
long cal_shift_months(long day, int months)
{
    int y, m, d;
    cal_civil(day, &y, &m, &d);
    long total = (long)y * 12 + (m - 1) + months;
    y = (int)(total / 12), m = (int)(total % 12) + 1;
    if (d > cal_month_len(y, m))
        d = cal_month_len(y, m);
    return cal_days(y, m, d);
}
