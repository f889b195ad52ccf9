/*
 * clean/html_date.c: turning the date forms found in web pages into
 * YYYY-MM-DD. Owns nothing. Must not invent a date: anything it cannot
 * read with a plausible year, month and day yields false.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "clean/html_internal.h"

static const char *const months[12] = { "jan", "feb", "mar", "apr", "may", "jun",
                                        "jul", "aug", "sep", "oct", "nov", "dec" };

static bool put(int y, int m, int d, char out[11])
{
    if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31)
        return false;
    snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
    return true;
}

static int month_at(const char *s)
{
    for (int i = 0; i < 12; i++)
        if (strncasecmp(s, months[i], 3) == 0)
            return i + 1;
    return 0;
}

static int num(const char **p, int maxd)
{
    int v = 0, k = 0;
    while (isdigit((unsigned char)**p) && k < maxd) {
        v = v * 10 + (**p - '0');
        (*p)++;
        k++;
    }
    return k ? v : -1;
}

bool html_date_iso(const char *s, char out[11])
{
    if (!s)
        return false;
    for (const char *p = s; *p; p++) {
        if (p > s && isalnum((unsigned char)p[-1]))
            continue;
        if (isdigit((unsigned char)*p)) {
            const char *q = p;
            int a = num(&q, 4);
            if (q - p == 4 && (*q == '-' || *q == '/' || *q == '.')) {
                char sep = *q++;
                int m = num(&q, 2);
                if (*q == sep) {
                    q++;
                    int d = num(&q, 2);
                    if (put(a, m, d, out))
                        return true;
                }
            } else if (q - p <= 2) {
                /* "25 November 2020" */
                while (*q == ' ' || *q == '.')
                    q++;
                int m = month_at(q);
                if (m) {
                    while (isalpha((unsigned char)*q))
                        q++;
                    while (*q == ' ' || *q == ',' || *q == '.')
                        q++;
                    int y = num(&q, 4);
                    if (put(y, m, a, out))
                        return true;
                }
            }
        } else if (isalpha((unsigned char)*p)) {
            /* "November 25, 2020" */
            int m = month_at(p);
            if (!m)
                continue;
            const char *q = p;
            while (isalpha((unsigned char)*q))
                q++;
            if (q - p > 9)
                continue;
            while (*q == ' ' || *q == '.')
                q++;
            int d = num(&q, 2);
            if (d < 0)
                continue;
            if (*q == 's' || *q == 'n' || *q == 'r' || *q == 't')
                while (isalpha((unsigned char)*q))
                    q++;
            while (*q == ' ' || *q == ',')
                q++;
            int y = num(&q, 4);
            if (put(y, m, d, out))
                return true;
        }
    }
    return false;
}

bool html_date_from_url(const char *url, char out[11])
{
    if (!url)
        return false;
    for (const char *p = url; *p; p++) {
        if (*p != '/' || !isdigit((unsigned char)p[1]))
            continue;
        const char *q = p + 1;
        int y = num(&q, 4);
        if (q - p != 5 || (*q != '/' && *q != '-'))
            continue;
        q++;
        int m = num(&q, 2);
        if (*q != '/' && *q != '-')
            continue;
        q++;
        int d = num(&q, 2);
        if (*q != '/' && *q != '-' && *q != '.' && *q)
            continue;
        if (put(y, m, d, out))
            return true;
    }
    return false;
}
