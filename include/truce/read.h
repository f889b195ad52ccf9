/*
 * truce/read.h: the read stage. From a document's clean text to mentions:
 * sentences and tokens, dates, numbers and quantities, places, actors.
 *
 * Every mention keeps its byte span in the text it was read from (the
 * document's normalized text; the store maps it back to the original bytes)
 * and the basis or rule that resolved it, so an analyst can see why
 * "Tuesday" became 2020-11-17. All results live in the caller's arena.
 */
#ifndef TRUCE_READ_H
#define TRUCE_READ_H

#include "truce/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- sentences and tokens ------------------------------------------- */

enum truce_sentence_flags {
    TRUCE_SENT_PARAGRAPH_START = 1, /* first sentence of a paragraph */
    TRUCE_SENT_HEADLINE = 2,        /* a line without final punctuation standing alone */
    TRUCE_SENT_LIST_ITEM = 4,       /* a bulleted or numbered line */
};

typedef struct truce_sentence {
    truce_span span;      /* trimmed of surrounding white space */
    uint32_t paragraph;   /* 0-based paragraph index */
    uint32_t flags;       /* truce_sentence_flags */
} truce_sentence;

typedef struct truce_sentence_list {
    truce_sentence *items;
    size_t n;
} truce_sentence_list;

enum truce_token_kind {
    TRUCE_TOK_WORD = 1,
    TRUCE_TOK_NUMBER = 2,  /* digits with separators: 2,334  1.5  10.30 */
    TRUCE_TOK_PUNCT = 3,
    TRUCE_TOK_SYMBOL = 4,  /* $ % & and the like */
};

typedef struct truce_token {
    truce_span span;
    uint32_t sentence;     /* index into the sentence list */
    uint16_t kind;         /* truce_token_kind */
} truce_token;

typedef struct truce_token_list {
    truce_token *items;
    size_t n;
} truce_token_list;

int truce_read_sentences(truce_arena *a, const char *text, size_t len,
                         truce_sentence_list *out, truce_error *err);
int truce_read_tokens(truce_arena *a, const char *text, size_t len,
                      const truce_sentence_list *sentences, truce_token_list *out,
                      truce_error *err);

/* ---- dates ----------------------------------------------------------- */

typedef enum truce_date_precision {
    TRUCE_DATE_UNKNOWN = 0,
    TRUCE_DATE_DAY,
    TRUCE_DATE_MONTH,
    TRUCE_DATE_YEAR,
    TRUCE_DATE_RANGE,
} truce_date_precision;

const char *truce_date_precision_name(truce_date_precision p);

/* Whether s[0..n) is exactly "YYYY-MM-DD" and a real day of the calendar
 * (years 0001-9999): the one check for dates given by users and manifests. */
bool truce_date_is_iso_day(const char *s, size_t n);

typedef struct truce_date_mention {
    truce_span span;
    char start[11];        /* ISO YYYY-MM-DD; "" when unresolved */
    char end[11];          /* inclusive; equals start for a single day */
    truce_date_precision precision;
    const char *basis;     /* e.g. "absolute", "weekday before reference 2020-11-17", "deictic yesterday" */
    bool is_duration;      /* "six weeks of fighting": a length, not a position */
    bool future;           /* resolved forward in time ("tomorrow", "next Monday") */
    bool open_end;         /* "since November 14th": runs up to the reference date */
    uint32_t sentence;
    char time[8];          /* time of day written with the day: "14:45", "14:45Z" (UTC/GMT),
                            * or a part of it: "MO", "AF", "EV", "NI"; "" when none */
} truce_date_mention;

typedef struct truce_date_list {
    truce_date_mention *items;
    size_t n;
} truce_date_list;

/* Reads all date expressions. `reference` is the document date (YYYY-MM-DD),
 * a date known only to its month ("2019-03") or year ("2019"), or NULL; a
 * nearer explicit date in the same or previous sentences takes over as
 * reference where the text anchors to it. Against a month or year reference,
 * relative dates ("Friday", "yesterday") come out at the reference's own
 * range and precision, never as an exact day; without one they are kept
 * with precision unknown and a basis saying why. */
int truce_read_dates(truce_arena *a, const char *text, size_t len,
                     const truce_sentence_list *sentences, const char *reference,
                     truce_date_list *out, truce_error *err);

/* Infers a document date from its text (dateline, explicit dates, copyright
 * line). Writes YYYY-MM-DD to out[11] and a basis string; returns
 * TRUCE_ENOTFOUND when the text gives none. */
int truce_read_infer_date(truce_arena *a, const char *text, size_t len, char out[11],
                          const char **basis, truce_error *err);

/* How precise a document date inferred with this basis is: TRUCE_DATE_YEAR
 * for the copyright year alone (out is then January 1 of it), else
 * TRUCE_DATE_DAY. A caller reading dates against such a date passes its
 * year alone ("2019") as the reference. */
truce_date_precision truce_read_infer_precision(const char *basis);

/* ---- numbers and quantities ------------------------------------------ */

typedef enum truce_bound {
    TRUCE_BOUND_EXACT = 0,
    TRUCE_BOUND_APPROX,
    TRUCE_BOUND_AT_LEAST,
    TRUCE_BOUND_AT_MOST,
    TRUCE_BOUND_RANGE,
} truce_bound;

const char *truce_bound_name(truce_bound b);

typedef struct truce_number_mention {
    truce_span span;       /* the number and its qualifier ("about 7,000") */
    double value;          /* lower value for a range */
    double value_max;      /* upper value for a range, else = value */
    truce_bound bound;
    const char *what;      /* normalized counted thing: "artillery shell", "observation post", or NULL */
    truce_span what_span;  /* where the counted thing was written; empty when none */
    uint32_t sentence;
} truce_number_mention;

typedef struct truce_number_list {
    truce_number_mention *items;
    size_t n;
} truce_number_list;

int truce_read_numbers(truce_arena *a, const char *text, size_t len,
                       const truce_sentence_list *sentences, truce_number_list *out,
                       truce_error *err);

/* ---- places ---------------------------------------------------------- */

typedef enum truce_place_precision {
    TRUCE_PLACE_UNKNOWN = 0,
    TRUCE_PLACE_POINT,     /* a city, village, airfield */
    TRUCE_PLACE_DISTRICT,  /* second-level division */
    TRUCE_PLACE_REGION,    /* first-level division or a named region */
    TRUCE_PLACE_COUNTRY,
} truce_place_precision;

const char *truce_place_precision_name(truce_place_precision p);

typedef struct truce_gazetteer truce_gazetteer;

/* Opens the compiled gazetteer (path NULL: the installed or build-tree default). */
int truce_gazetteer_open(const char *path, truce_gazetteer **out, truce_error *err);
void truce_gazetteer_close(truce_gazetteer *g);

typedef struct truce_place_mention {
    truce_span span;
    const char *name;      /* resolved name */
    long geonames_id;      /* 0 when the place is not from GeoNames */
    double lat, lon;
    char feature_class;    /* GeoNames class: P, A, L, S, T, H... */
    char country[3];       /* ISO 3166 alpha-2, "" when unknown */
    truce_place_precision precision;
    const char *basis;     /* why this candidate won: "only candidate", "country in document", "population" */
    uint32_t sentence;
    /* A national capital standing for its government ("Moscow, Baku and
     * Yerevan signed", "Kyiv accused Moscow of", "Washington said"): still a
     * place mention, but an event's place is better taken from another one. */
    bool metonym;
} truce_place_mention;

typedef struct truce_place_list {
    truce_place_mention *items;
    size_t n;
} truce_place_list;

int truce_read_places(truce_arena *a, const truce_gazetteer *g, const char *text, size_t len,
                      const truce_sentence_list *sentences, truce_place_list *out,
                      truce_error *err);

/* ---- actors ---------------------------------------------------------- */

typedef enum truce_actor_kind {
    TRUCE_ACTOR_UNKNOWN = 0,
    TRUCE_ACTOR_STATE,
    TRUCE_ACTOR_MILITARY,
    TRUCE_ACTOR_GOVERNMENT,
    TRUCE_ACTOR_OFFICIAL,
    TRUCE_ACTOR_ORGANISATION,
    TRUCE_ACTOR_CIVILIANS,
    TRUCE_ACTOR_GROUP,
    TRUCE_ACTOR_MEDIA,
} truce_actor_kind;

const char *truce_actor_kind_name(truce_actor_kind k);

typedef struct truce_actor_dict truce_actor_dict;

/* Loads the actor dictionaries (path NULL: installed or build-tree default
 * directory; a directory loads every *.tsv in it). */
int truce_actor_dict_open(const char *path, truce_actor_dict **out, truce_error *err);
void truce_actor_dict_close(truce_actor_dict *d);

typedef struct truce_actor_mention {
    truce_span span;
    const char *name;      /* canonical: "Nikol Pashinyan", "Russia", "Russian peacekeepers" */
    truce_actor_kind kind;
    char country[3];       /* ISO alpha-2 of the side, "" when unknown */
    const char *title;     /* "Prime Minister" for officials, else NULL */
    const char *rule;      /* dictionary entry or pattern that matched */
    uint32_t sentence;
} truce_actor_mention;

typedef struct truce_actor_list {
    truce_actor_mention *items;
    size_t n;
} truce_actor_list;

int truce_read_actors(truce_arena *a, const truce_actor_dict *d, const char *text, size_t len,
                      const truce_sentence_list *sentences, truce_actor_list *out,
                      truce_error *err);

/* ---- everything at once ---------------------------------------------- */

typedef struct truce_resources {
    truce_gazetteer *gazetteer;   /* may be NULL: no places read */
    truce_actor_dict *actors;     /* may be NULL: no actors read */
} truce_resources;

/* Opens the default data files; a missing file leaves its member NULL and
 * is reported in err with code TRUCE_ENOTFOUND but the call still succeeds
 * when at least the caller can go on (check err->code). */
int truce_resources_open(const char *data_dir, truce_resources *out, truce_error *err);
void truce_resources_close(truce_resources *r);

typedef struct truce_reading {
    truce_sentence_list sentences;
    truce_token_list tokens;
    truce_date_list dates;
    truce_number_list numbers;
    truce_place_list places;
    truce_actor_list actors;
} truce_reading;

int truce_read_all(truce_arena *a, const truce_resources *res, const char *text, size_t len,
                   const char *reference_date, truce_reading *out, truce_error *err);

#ifdef __cplusplus
}
#endif
#endif
