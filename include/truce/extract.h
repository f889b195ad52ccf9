/*
 * truce/extract.h: the extract stage. From a document's reading to events.
 *
 * An event has a type from the fixed vocabulary (docs/EVENTS.md), a date
 * range tied to its own clause, a place, actors with roles, figures, a
 * claimant, a certainty and its evidence (the sentence and the spans used).
 * Every field records the rule that produced it, for `truce why`.
 * Sentences inside furniture regions never yield events.
 */
#ifndef TRUCE_EXTRACT_H
#define TRUCE_EXTRACT_H

#include "truce/common.h"
#include "truce/read.h"
#include "truce/clean.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum truce_certainty {
    TRUCE_CERT_REPORTED = 0,
    TRUCE_CERT_CLAIMED,
    TRUCE_CERT_ALLEGED,
    TRUCE_CERT_PLANNED,
    TRUCE_CERT_DENIED,
} truce_certainty;

const char *truce_certainty_name(truce_certainty c);

typedef struct truce_event_actor {
    const char *name;
    const char *role;          /* "actor1" (acts), "actor2" (acted on), "other" */
    truce_actor_kind kind;
    char country[3];
    truce_span span;
    const char *rule;
} truce_event_actor;

typedef struct truce_event_figure {
    double value;
    double value_max;
    const char *what;          /* "killed", "injured", "returned", "troops", "posts"... */
    truce_bound bound;
    truce_span span;
    const char *rule;
} truce_event_figure;

typedef struct truce_event {
    const char *type;          /* dotted type, e.g. "humanitarian.return" */
    const char *type_rule;
    truce_span trigger;        /* the words that named the event */

    char date_start[11];       /* "" when unknown */
    char date_end[11];
    truce_date_precision date_precision;
    const char *date_basis;
    truce_span date_span;      /* empty when the date is the document's */

    const char *place_written; /* as written, or NULL */
    const char *place_name;    /* resolved */
    long geonames_id;
    double lat, lon;
    bool has_coords;
    char country[3];
    truce_place_precision place_precision;
    truce_span place_span;
    const char *place_rule;

    truce_event_actor *actors;
    size_t n_actors;
    truce_event_figure *figures;
    size_t n_figures;

    const char *claimant;
    truce_span claimant_span;
    const char *claimant_rule;

    truce_certainty certainty;
    const char *certainty_rule;

    uint32_t sentence;         /* index in the document's sentence list */
    truce_span evidence;       /* the sentence */
} truce_event;

typedef struct truce_event_list {
    truce_event *items;
    size_t n;
} truce_event_list;

/* What extraction needs to know about the document. */
typedef struct truce_extract_input {
    const char *text;
    size_t len;
    const char *doc_date;      /* YYYY-MM-DD or NULL */
    const char *source;        /* outlet: the claimant when nobody else is named */
    const truce_reading *reading;
    const truce_region_list *skipped; /* furniture regions, may be NULL */
} truce_extract_input;

int truce_extract_events(truce_arena *a, const truce_extract_input *in, truce_event_list *out,
                         truce_error *err);

/* The vocabulary, with ACLED and CAMEO mappings for exports. */
typedef struct truce_event_type_info {
    const char *type;
    const char *acled_event_type;
    const char *acled_sub_event_type;
    const char *cameo_root;    /* two-digit CAMEO root code */
} truce_event_type_info;

const truce_event_type_info *truce_event_types(size_t *n);
const truce_event_type_info *truce_event_type_lookup(const char *type);

#ifdef __cplusplus
}
#endif
#endif
