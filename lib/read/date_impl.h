/*
 * read/date_impl.h: private to the date reader's files (date.c: written
 * dates and the main loop; date_length.c: counts of units, lengths and "ago";
 * date_rel.c: deictic words, weekdays, ordinals, quarters, seasons). The
 * reader's context and the helpers they share. Nothing here is public.
 */
#ifndef TRUCE_READ_DATE_IMPL_H
#define TRUCE_READ_DATE_IMPL_H

#include "read/date_scan.h"

typedef struct dctx {
    truce_arena *a;
    const char *t;
    ds_toks k;
    bool have_ref;
    long ref;             /* document reference, days since epoch */
    /* A reference known only to the year ("2019": a copyright line) or the
     * month ("2019-03") covers [ref, ref_hi]; relative dates finer than that
     * are widened to it (date.c, widen_to_reference). Day: ref_hi == ref. */
    truce_date_precision ref_prec;
    long ref_hi;
    truce_date_list *out;
    size_t cap;
    bool anchor_valid;    /* last explicit day-precision date */
    long anchor;
    uint32_t anchor_sent;
    size_t anchor_tok;    /* token index where it ended */
    bool anchor_reported; /* it dates a report ("said on Sunday"), not an event */
    bool story_valid;     /* last explicit day that dates no report: the */
    long story;           /* story's own clock, which "two days later" */
    uint32_t story_sent;  /* counts from when the anchor dates a report */
} dctx;

/* A date read from the text before resolution; 0 means "not written". */
typedef struct pdate {
    int y, m, d;
    int d2;               /* day range inside one month: "21-22" */
    int kind;             /* PD_* */
    bool strict_past;     /* "last May" / "next May": strictly before (after) the reference month */
    bool kept_ahead;      /* set by resolve: left a few weeks after the reference */
    bool endpoint;        /* after "until", "through", "by": a limit, often still ahead */
    bool past;            /* the clause is in the past tense: on or before the reference */
    const char *how;      /* basis for absolute forms */
} pdate;

enum { PD_NONE = 0, PD_DAY, PD_MONTH, PD_YEAR, PD_DECADE };

/* date.c */
truce_date_mention *dt_emit(dctx *c, size_t i0, size_t i1);
void dt_set_days(truce_date_mention *m, long a, long b, truce_date_precision p);
void dt_month_bounds(int y, int mon, long *a, long *b);
const char *dt_ref_str(dctx *c, long ref);
bool dt_past_context(const dctx *c, size_t i0, size_t i1);
/* A mention for a relative date that has no reference to resolve against:
 * kept (so that every reading is visible) with precision unknown. */
int dt_unresolved(dctx *c, size_t i0, size_t i1, const char *what);
bool dt_future_context(const dctx *c, size_t i0, size_t i1);
/* Records day d (of the mention in sentence sent, ending before token
 * end) as the anchor of the dates after it; i0 is its first token. */
void dt_set_anchor(dctx *c, long d, uint32_t sent, size_t i0, size_t end);
int dt_weekday_at(const dctx *c, size_t i);
size_t dt_day_at(const dctx *c, size_t i, int *day);
bool dt_year_at(const dctx *c, size_t i, int *y);

/* date_length.c: "three days ago", "six weeks of fighting", "for years" */
int dt_try_count_unit(dctx *c, size_t i, size_t *used);

/* date_rel.c: each reads at token i, sets *used and returns 0 or an error */
int dt_try_deictic(dctx *c, size_t i, size_t *used);
int dt_try_weekday(dctx *c, size_t i, size_t *used);
int dt_try_ordinal_day(dctx *c, size_t i, size_t *used);
int dt_try_quarter(dctx *c, size_t i, size_t *used);
int dt_try_season(dctx *c, size_t i, size_t *used);

#endif
