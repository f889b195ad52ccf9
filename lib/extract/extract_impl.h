/*
 * extract/extract_impl.h: private to lib/extract. The trigger lexicon, the
 * cue lists and the phrase matcher shared by the extraction files.
 */
#ifndef TRUCE_EXTRACT_IMPL_H
#define TRUCE_EXTRACT_IMPL_H

#include "truce/extract.h"

/* Trigger flags. */
enum {
    TRIG_NEED_OFFICIAL_AFTER = 1, /* an official or government actor must follow */
    TRIG_NEED_MILITARY_BEFORE = 2,/* an armed-forces actor must precede it */
    TRIG_NEED_FORCE = 4,          /* the sentence names an armed force ("troops", an army...) */
    TRIG_NEED_POLITY = 8,         /* the sentence names a state, government, force, group,
                                   * organisation or official, or the speaker is "we"/"I" */
    TRIG_NEED_MONITOR = 16,       /* monitors, a mission, troops or an international
                                   * organisation arrive */
};

typedef struct trigger {
    const char *type;
    const char *phrase;   /* words; a trailing '*' on a word matches any ending */
    const char *need;     /* another phrase the same sentence must hold, or NULL */
    const char *rule;     /* rule name recorded with the event */
    int flags;
} trigger;

extern const trigger TRUCE_TRIGGERS[];
extern const size_t TRUCE_N_TRIGGERS;

/* Cue lists, NULL-terminated. */
extern const char *const TRUCE_CUE_ALLEGED[];
extern const char *const TRUCE_CUE_PLANNED[];
extern const char *const TRUCE_CUE_DENIED[];
extern const char *const TRUCE_CUE_CLAIMED[];
extern const char *const TRUCE_CUE_REPORTING[];
extern const char *const TRUCE_CUE_CONTINUATION[];
extern const char *const TRUCE_CUE_COUNTERFACTUAL[];
extern const char *const TRUCE_CUE_PURPOSE[];
extern const char *const TRUCE_CUE_CONDITION[];
extern const char *const TRUCE_CUE_OBSERVING[];
extern const char *const TRUCE_FORCE_WORDS[];
extern const char *const TRUCE_MONITOR_WORDS[];
extern const char *const TRUCE_CUE_VISITOR[];

/* Matches `phrase` at text[i] (word start); returns the end or 0. */
size_t ex_match_at(const char *t, size_t len, size_t i, const char *phrase);
/* First match of phrase in [from, end): sets ms and me; false when none. */
bool ex_find(const char *t, size_t from, size_t end, const char *phrase, size_t *ms, size_t *me);
/* First match of any listed phrase in [from, end); returns the phrase or NULL. */
const char *ex_find_any(const char *t, size_t from, size_t end, const char *const *list,
                        size_t *ms, size_t *me);

#endif
