/*
 * extract/fields.h: private to lib/extract. Fills an event's fields (date,
 * place, actors, figures, claimant, certainty) from the reading, keeping
 * what earlier sentences established (the narrative date, the last place,
 * the last official) in an ex_context.
 */
#ifndef TRUCE_EXTRACT_FIELDS_H
#define TRUCE_EXTRACT_FIELDS_H

#include <stddef.h>

#include "extract/extract_impl.h"

typedef struct ex_context {
    const truce_extract_input *in;
    const truce_date_mention *run_date;    /* last narrative date of earlier sentences */
    const truce_date_mention *run_unplaced; /* a later relative date the reader could not place */
    const truce_place_mention *prev_place; /* last place of the previous sentence */
    const truce_place_mention *recent_place; /* last town or region named before */
    const truce_actor_mention *last_official;
    const truce_actor_mention *prev_subject; /* first actor of the latest sentence with one */
    const char *prev_claimant;             /* claimant named in the previous sentence */
    const truce_actor_mention *prev_speaker;
    truce_span prev_claimant_span;
    long prev_sentence;
    truce_event last_event_place;          /* place fields of the last event */
    bool has_last_event_place;
    truce_event last_violent_place;        /* place fields of the last violent event */
    bool has_last_violent_place;
    uint32_t last_violent_sentence;
    uint32_t last_event_paragraph;
    uint32_t last_event_sentence;
    long claim_sentence;                   /* claimant read for this sentence... */
    bool claim_colon;
    const char *claim;                     /* ...with its span and rule */
    truce_span claim_span;
    const char *claim_rule;
    bool cue_valid;                        /* denial and hedge cues of cue_span */
    truce_span cue_span;
    const char *cue_denied, *cue_alleged;
    long unlisted_sentence;
    /* Every match of a cue list in the current sentence, found once and
     * queried by range many times (cue_find_any in fields.c). */
    long cue_sentence;
    size_t cue_nslots, cue_nhits;
    const char *const *cue_list[24];
    uint16_t cue_first[24], cue_count[24];
    size_t cue_w0, cue_w1;                 /* the sentence's word starts in fx */
    bool ws_all;                           /* at most 1024 of them (else ex_find_any) */
    bool cue_chained;                      /* cue_whead and cue_wnext are built */
    const truce_place_mention *dateline_place; /* "GOMA, Feb 8 (Wire) -": where the report was filed */
    ex_finder *fx;                         /* the document's word starts (match.c) */
    long dl_sentence;                      /* the end of this sentence's dateline, */
    size_t dl_end;                         /* or 0 (in_dateline) */
    /* Per sentence, where its mentions start in each list (n_sentences + 1
     * entries), so a sentence's loop skips the others; NULL when the reader
     * did not order that list by sentence (then the whole list is read). */
    const uint32_t *dates_at, *numbers_at, *places_at, *actors_at;
    /* Scratch written before it is read, left out of ex_context_init's
     * clearing (EX_CONTEXT_CLEARED): the cue matches of the sentence... */
    struct { uint32_t s, e; uint16_t k; } cue_hits[512];
    uint16_t cue_whead[256];               /* ...and its words by folded first */
    uint16_t cue_wnext[1024];              /* byte, in order (offsets from cue_w0) */
} ex_context;

#define EX_CONTEXT_CLEARED offsetof(ex_context, cue_hits)

/* The strings given, up to a NULL, joined in the arena (a rule name without
 * printf); NULL when out of memory. */
char *ex_cat(truce_arena *a, ...);

/* End of a wire dateline ("GOMA, Feb 8 (Wire) - ") opening sentence s, or 0. */
size_t ex_dateline_end(const char *t, truce_span s);

void ex_context_init(ex_context *c, const truce_extract_input *in);
/* Indexes the mention lists by sentence in the arena; TRUCE_ENOMEM or OK. */
int ex_context_index(ex_context *c, truce_arena *a);

/* The range [*lo, *hi) of a mention list (its `at` index and length) that
 * holds every mention of sentence si. */
static inline void ex_mentions_of(const ex_context *c, const uint32_t *at, size_t n, uint32_t si,
                                  size_t *lo, size_t *hi)
{
    if (at && si < c->in->reading->sentences.n) {
        *lo = at[si];
        *hi = at[si + 1];
    } else {
        *lo = 0;
        *hi = n;
    }
}
/* Records what sentence si establishes for the sentences after it. */
void ex_note_sentence(ex_context *c, uint32_t si, bool quoted);
int ex_fill(truce_arena *a, ex_context *c, truce_event *ev, truce_span clause, bool quoted,
            bool colon_before);
/* Adds the figures of sentence si (a continuation sentence) to ev. */
int ex_add_figures(truce_arena *a, ex_context *c, truce_event *ev, uint32_t si, truce_span s);

/* Adds figures and a destination from a sentence that repeats ev's verb. */
int ex_elaborate(truce_arena *a, ex_context *c, truce_event *ev, uint32_t si, truce_span s);
/* Records ev as the last event (its place carries to the paragraph). */
void ex_note_event(ex_context *c, const truce_event *ev);

#endif
