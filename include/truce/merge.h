/*
 * truce/merge.h: the merge stage. Many reports, one record.
 *
 * A repost (the same normalized text under other bytes or another URL) is
 * one source, not two: the store links it to the first copy and merge ignores
 * its events. The same incident told by several sources becomes one incident
 * with all its sources, and their figures side by side where they disagree.
 */
#ifndef TRUCE_MERGE_H
#define TRUCE_MERGE_H

#include "truce/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* What merge needs to know about one event. */
typedef struct truce_merge_item {
    long long event_id;
    const char *type;
    const char *date_start;   /* YYYY-MM-DD or NULL */
    const char *date_end;
    const char *place;        /* resolved name, lower-cased by the caller or not */
    long geonames_id;
    const char *actors;       /* "|"-joined actor names, or NULL */
    const char *source;       /* outlet, or the document id when unknown */
    const char *doc_id;
} truce_merge_item;

/* Two events are one incident when they have the same type, their date
 * ranges overlap (within `slack_days`), their places agree (same GeoNames id
 * or name; a missing place agrees with any), their actors do not contradict
 * (some actor in common, or one side names none), and they come from
 * different documents. Writes an incident number (0-based) for each item;
 * returns the number of incidents. Items must outlive the call only. */
size_t truce_merge_cluster(const truce_merge_item *items, size_t n, int slack_days,
                           size_t *incident_of);

/* Days since 1970-01-01 for a YYYY-MM-DD date; false if it is not one. */
bool truce_merge_day_number(const char *date, long *days);

#ifdef __cplusplus
}
#endif
#endif
