/*
 * extract/extract_impl.h: private to lib/extract. The trigger lexicon, the
 * cue lists and the phrase matcher (with its word index) shared by the
 * extraction files.
 */
#ifndef TRUCE_EXTRACT_IMPL_H
#define TRUCE_EXTRACT_IMPL_H

#include <stdint.h>

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
    TRIG_FORCE_VICTIM = 32,       /* who is shot (the subject of a passive, else the words
                                   * after the verb up to "by") is an armed force */
    TRIG_CIVILIAN_VICTIM = 64,    /* ...is not one */
    TRIG_NEED_AID_AFTER = 128,    /* relief goods follow in the same clause */
    TRIG_NEED_PLACE_AFTER = 256,  /* a place names the object right after it */
    TRIG_NEED_FORCE_AFTER = 512,  /* an armed force follows within a few words */
    TRIG_NEED_FORCE_BEFORE = 1024,/* an active verb with an armed force before it in its
                                   * clause; yields to any other violent trigger there */
    TRIG_NEED_AFTER = 2048,       /* the needed phrase follows within the clause (its object) */
    TRIG_NEED_PEOPLE_AFTER = 4096,/* unarmed people are the object (TRUCE_PEOPLE_WORDS) */
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
extern const char *const TRUCE_AID_WORDS[];
extern const char *const TRUCE_PEOPLE_WORDS[];
extern const char *const TRUCE_CUE_VISITOR[];

/* A document's word starts, indexed once, and the phrase lists prepared for
 * searching them (match.c). Every search through it gives the same answer as
 * ex_find / ex_find_any on the same range: it only skips, by the folded first
 * bytes, the positions where those would fail. */
enum {
    EX_LIST_MAX = 32,   /* longer lists are searched by ex_find_any */
    EX_LISTS = 96,      /* distinct lists of one document (lib/extract has fewer) */
    EX_LIST_SLOTS = 256,
    EX_NONE = 0xFF,
    EX_BLOCK_SHIFT = 5, /* ex_word_at starts from the first word of a 32-byte block */
    EX_PHRASES = 128,   /* constant phrases of ex_fx_find with their keys kept */
    EX_PHRASE_SLOTS = 256,
};

typedef struct ex_phrase_info {
    const char *phrase;
    uint64_t pfx, mask;
    size_t lit;
} ex_phrase_info;

typedef struct ex_list_info {
    const char *const *list;
    bool fast;                   /* every phrase starts with a word byte; <= EX_LIST_MAX */
    uint8_t head[256];           /* first phrase by folded first byte, in list order */
    uint8_t next[EX_LIST_MAX];
    uint64_t pfx[EX_LIST_MAX], mask[EX_LIST_MAX]; /* ex_phrase_key of each phrase */
    uint8_t lit[EX_LIST_MAX];
    uint8_t firsts[EX_LIST_MAX]; /* the distinct folded first bytes */
    uint8_t n_firsts;
} ex_list_info;

typedef struct ex_finder {
    const char *t;
    size_t len;
    size_t n;                    /* word starts: a letter, digit or byte >= 0x80 after */
    uint32_t *pos;               /* anything but those and the apostrophe */
    uint64_t *key;               /* ex_text_key at each word start */
    uint32_t *block;             /* per 32 bytes of text, the first word start in or after */
    size_t n_lists;
    uint8_t slot[EX_LIST_SLOTS]; /* list pointer hash -> index in lists + 1 */
    ex_list_info lists[EX_LISTS];
    size_t n_phrases;
    uint8_t pslot[EX_PHRASE_SLOTS]; /* phrase pointer hash -> index in phrases + 1 */
    ex_phrase_info phrases[EX_PHRASES];
} ex_finder;

/* Indexes the word starts of text[0, len) in the arena: TRUCE_OK, or
 * TRUCE_ENOMEM, or TRUCE_EINPUT for a text of 4 GiB or more. */
int ex_finder_new(truce_arena *a, const char *t, size_t len, ex_finder **out);
/* Index of the first word start at or after pos. */
static inline size_t ex_word_at(const ex_finder *f, size_t pos)
{
    if (pos >= f->len)
        return f->n;
    size_t w = f->block[pos >> EX_BLOCK_SHIFT];
    while (w < f->n && f->pos[w] < pos)
        w++;
    return w;
}
/* The bytes of text[i, i + 8), ASCII letters folded and white space made
 * ' ' (bytes at and past lim read as 0), one byte per 8 bits, the first
 * lowest. */
uint64_t ex_text_key(const char *t, size_t i, size_t lim);
/* The phrase's opening laid out as ex_text_key: its folded bytes before the
 * first space or '*' (at most 8; their count in *lit), and that space. A text
 * key k can start a match only when (k & *mask) == the returned key. */
uint64_t ex_phrase_key(const char *phrase, uint64_t *mask, size_t *lit);
/* Prepares list in f's table at slot h (ex_list_get). */
const ex_list_info *ex_list_build(ex_finder *f, const char *const *list, size_t h);
/* The prepared list, or NULL when the document's table is full. */
static inline const ex_list_info *ex_list_get(ex_finder *f, const char *const *list)
{
    size_t h = ((uintptr_t)list >> 3) % EX_LIST_SLOTS;
    while (f->slot[h]) {
        if (f->lists[f->slot[h] - 1].list == list)
            return &f->lists[f->slot[h] - 1];
        h = (h + 1) % EX_LIST_SLOTS;
    }
    return ex_list_build(f, list, h);
}
/* ex_find and ex_find_any, answered from the index. ex_fx_find keeps the
 * phrase's key by its address: the phrase must be a constant (a literal or a
 * lexicon string); ex_fx_find_text takes a phrase built at run time. */
bool ex_fx_find(ex_finder *f, size_t from, size_t end, const char *phrase, size_t *ms,
                size_t *me);
bool ex_fx_find_text(const ex_finder *f, size_t from, size_t end, const char *phrase,
                     size_t *ms, size_t *me);
const char *ex_fx_find_any(ex_finder *f, size_t from, size_t end, const char *const *list,
                           size_t *ms, size_t *me);

/* Matches `phrase` at text[i] (word start); returns the end or 0. */
size_t ex_match_at(const char *t, size_t len, size_t i, const char *phrase);
/* ex_match_at at a word start whose key agreed with the phrase's: the first
 * `lit` bytes are known to match and are not compared again. */
size_t ex_match_keyed(const char *t, size_t len, size_t i, const char *phrase, size_t lit);
/* First match of phrase in [from, end): sets ms and me; false when none. */
bool ex_find(const char *t, size_t from, size_t end, const char *phrase, size_t *ms, size_t *me);
/* First match of any listed phrase in [from, end); returns the phrase or NULL. */
const char *ex_find_any(const char *t, size_t from, size_t end, const char *const *list,
                        size_t *ms, size_t *me);

#endif
