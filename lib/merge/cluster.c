/*
 * merge/cluster.c: grouping events from many documents into incidents.
 * Pure: takes summaries, returns an incident number per event; the store
 * writes the result. Union-find over candidate pairs within a type, so a
 * chain of overlapping reports ends up as one incident.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "truce/merge.h"

bool truce_merge_day_number(const char *s, long *days)
{
    if (!s || strlen(s) < 10 || s[4] != '-' || s[7] != '-')
        return false;
    long y = strtol(s, NULL, 10), m = strtol(s + 5, NULL, 10), d = strtol(s + 8, NULL, 10);
    if (m < 1 || m > 12 || d < 1 || d > 31)
        return false;
    /* days from civil (proleptic Gregorian) */
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    *days = era * 146097 + doe - 719468;
    return true;
}

static size_t find(size_t *parent, size_t i)
{
    while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    return i;
}

static bool same_ci(const char *a, const char *b)
{
    if (!a || !b)
        return false;
    while (*a && *b && tolower((unsigned char)*a) == tolower((unsigned char)*b))
        a++, b++;
    return *a == *b;
}

static bool places_agree(const truce_merge_item *a, const truce_merge_item *b)
{
    if (a->geonames_id && b->geonames_id)
        return a->geonames_id == b->geonames_id;
    if (!a->place || !b->place || !a->place[0] || !b->place[0])
        return true;
    return same_ci(a->place, b->place);
}

/* Some "|"-separated name in common (case-insensitive), or one side has none. */
static bool actors_agree(const char *a, const char *b)
{
    if (!a || !b || !*a || !*b)
        return true;
    for (const char *p = a; *p;) {
        const char *e = strchr(p, '|');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        for (const char *q = b; *q;) {
            const char *f = strchr(q, '|');
            size_t m = f ? (size_t)(f - q) : strlen(q);
            if (n == m && n > 0) {
                size_t k = 0;
                while (k < n && tolower((unsigned char)p[k]) == tolower((unsigned char)q[k]))
                    k++;
                if (k == n)
                    return true;
            }
            q += m + (f ? 1 : 0);
        }
        p += n + (e ? 1 : 0);
    }
    return false;
}

static bool dates_agree(const truce_merge_item *a, const truce_merge_item *b, int slack)
{
    long as, ae, bs, be;
    if (!truce_merge_day_number(a->date_start, &as) || !truce_merge_day_number(b->date_start, &bs))
        return false; /* undated events are not merged: too weak a link */
    if (!truce_merge_day_number(a->date_end, &ae))
        ae = as;
    if (!truce_merge_day_number(b->date_end, &be))
        be = bs;
    /* Wide ranges ("since September") say little about identity. */
    if (ae - as > 31 || be - bs > 31)
        return false;
    return as <= be + slack && bs <= ae + slack;
}

size_t truce_merge_cluster(const truce_merge_item *items, size_t n, int slack_days,
                           size_t *incident_of)
{
    if (n == 0)
        return 0;
    size_t *parent = malloc(n * sizeof *parent);
    if (!parent) {
        for (size_t i = 0; i < n; i++)
            incident_of[i] = i;
        return n;
    }
    for (size_t i = 0; i < n; i++)
        parent[i] = i;
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++) {
            const truce_merge_item *a = &items[i], *b = &items[j];
            if (!a->type || !b->type || strcmp(a->type, b->type) != 0)
                continue;
            if (a->doc_id && b->doc_id && strcmp(a->doc_id, b->doc_id) == 0)
                continue;
            if (!dates_agree(a, b, slack_days) || !places_agree(a, b) || !actors_agree(a->actors, b->actors))
                continue;
            /* an event with no place only joins when the other facts are strong */
            if ((!a->place || !b->place) && (!a->actors || !b->actors))
                continue;
            size_t ra = find(parent, i), rb = find(parent, j);
            if (ra != rb)
                parent[rb] = ra;
        }
    /* Number incidents in order of first appearance. */
    size_t count = 0;
    size_t *label = malloc(n * sizeof *label);
    for (size_t i = 0; i < n; i++)
        if (label)
            label[i] = (size_t)-1;
    for (size_t i = 0; i < n; i++) {
        size_t r = find(parent, i);
        if (!label) {
            incident_of[i] = r;
            continue;
        }
        if (label[r] == (size_t)-1)
            label[r] = count++;
        incident_of[i] = label[r];
    }
    if (!label)
        count = n;
    free(label);
    free(parent);
    return count;
}
