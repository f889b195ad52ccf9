/*
 * extract/events.c: turns a document's reading into events. For every
 * sentence outside furniture regions and headlines it finds triggers
 * (lexicon.c), splits repeated triggers of one type into clauses at the
 * comma between them, and fills each event's fields (fields.c). Owns
 * nothing beyond the events and its per-document indexes (the triggers by
 * their openings, the word starts of match.c) in the caller's arena. Must not
 * print or exit.
 *
 * Quoted speech counts only when attributed: in the same sentence ("...,"
 * Shoygu said) or by a previous sentence that ends with a colon.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/ascii.h"
#include "extract/extract_impl.h"
#include "extract/fields.h"

typedef struct hit {
    const trigger *tr;
    size_t start, end;
} hit;

static bool has_actor_after(const truce_reading *r, uint32_t si, size_t from,
                            truce_actor_kind k1, truce_actor_kind k2)
{
    for (size_t i = 0; i < r->actors.n; i++) {
        const truce_actor_mention *m = &r->actors.items[i];
        if (m->sentence == si && m->span.start >= from && (m->kind == k1 || m->kind == k2))
            return true;
    }
    return false;
}

static bool has_military_before(const truce_reading *r, uint32_t si, size_t s0, size_t to)
{
    for (size_t i = 0; i < r->actors.n; i++) {
        const truce_actor_mention *m = &r->actors.items[i];
        if (m->sentence == si && m->span.start >= s0 && m->span.end <= to &&
            m->kind == TRUCE_ACTOR_MILITARY)
            return true;
    }
    return false;
}

/* Quote state: opening quotes “ and ASCII " at a word start open; ” closes. */
typedef struct quote_info {
    bool quoted;      /* the sentence is (partly) quoted speech */
    bool attributed;  /* a reporting verb follows the closing quote */
    bool open_after;  /* a quote is still open at the end */
} quote_info;

/* The first '"' or 0xE2 (the lead byte of a curly quote) in t[i, end), or end. */
static size_t next_quote_byte(const char *t, size_t i, size_t end)
{
#if defined(__BYTE_ORDER__) && defined(__ORDER_LITTLE_ENDIAN__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    /* eight bytes at a time while none of them is either */
    const uint64_t ones = 0x0101010101010101u, top = 0x80 * ones;
    while (i + 8 <= end) {
        uint64_t x;
        memcpy(&x, t + i, 8);
        uint64_t a = x ^ ('"' * ones), b = x ^ (0xE2 * ones);
        if (((a - ones) & ~a & top) | ((b - ones) & ~b & top))
            break;
        i += 8;
    }
#endif
    while (i < end && t[i] != '"' && (unsigned char)t[i] != 0xE2)
        i++;
    return i;
}

static quote_info scan_quotes(ex_finder *fx, truce_span s, bool open_before)
{
    const char *t = fx->t;
    quote_info q = {open_before, false, open_before};
    bool open = open_before;
    size_t close_at = 0;
    for (size_t i = next_quote_byte(t, s.start, s.end); i < s.end;
         i = next_quote_byte(t, i + 1, s.end)) {
        unsigned char c = (unsigned char)t[i];
        if (c == 0xE2 && i + 2 < s.end && (unsigned char)t[i + 1] == 0x80) {
            unsigned char d = (unsigned char)t[i + 2];
            if (d == 0x9C) {
                open = true;
                if (i == s.start)
                    q.quoted = true;
            } else if (d == 0x9D) {
                open = false;
                close_at = i + 3;
            }
        } else if (c == '"') {
            if (!open) {
                open = true;
                if (i == s.start)
                    q.quoted = true;
            } else {
                open = false;
                close_at = i + 1;
            }
        }
    }
    if (q.quoted && close_at) {
        size_t ms, me;
        if (ex_fx_find_any(fx, close_at, s.end, TRUCE_CUE_REPORTING, &ms, &me))
            q.attributed = true;
    }
    q.open_after = open;
    return q;
}

static bool ends_with_colon(const char *t, truce_span s)
{
    size_t e = s.end;
    while (e > s.start && (t[e - 1] == ' ' || t[e - 1] == '\n'))
        e--;
    return e > s.start && t[e - 1] == ':';
}

static int push_event(truce_arena *a, truce_event_list *out, size_t *cap, truce_event **ev)
{
    if (out->n == *cap) {
        size_t nc = *cap ? *cap * 2 : 16;
        truce_event *ni = truce_arena_grow(a, out->items, out->n, nc, sizeof *ni);
        if (!ni)
            return TRUCE_ENOMEM;
        out->items = ni;
        *cap = nc;
    }
    *ev = &out->items[out->n++];
    memset(*ev, 0, sizeof **ev);
    return TRUCE_OK;
}

/* "repelled", "attacked", "had withdrawn" are about war only beside an
 * armed force. */
static bool names_force(ex_context *c, uint32_t si, truce_span s)
{
    const truce_extract_input *in = c->in;
    ex_finder *fx = c->fx;
    size_t ms, me;
    if (ex_fx_find_any(fx, s.start, s.end, TRUCE_FORCE_WORDS, &ms, &me))
        return true;
    for (size_t i = 0; i < in->reading->actors.n; i++) {
        const truce_actor_mention *m = &in->reading->actors.items[i];
        if (m->sentence == si && (m->kind == TRUCE_ACTOR_MILITARY || m->kind == TRUCE_ACTOR_GROUP))
            return true;
    }
    return false;
}

static bool polity_kind(const truce_actor_mention *m)
{
    switch (m->kind) {
    case TRUCE_ACTOR_STATE:
    case TRUCE_ACTOR_GOVERNMENT:
    case TRUCE_ACTOR_MILITARY:
    case TRUCE_ACTOR_GROUP:
    case TRUCE_ACTOR_ORGANISATION:
        return true;
    case TRUCE_ACTOR_OFFICIAL:
        return m->country[0] || m->title;
    default:
        return false;
    }
}

/* Statements, agreements and visits count when a polity makes them: an
 * actor of the sentence (or, after a pronoun, of the sentence before), or
 * the writer speaking as "we" or "I". */
static bool names_polity(ex_context *c, uint32_t si, truce_span s, size_t ms)
{
    const truce_extract_input *in = c->in;
    const truce_reading *r = in->reading;
    if (names_force(c, si, s))
        return true;
    for (size_t i = 0; i < r->actors.n; i++) {
        const truce_actor_mention *m = &r->actors.items[i];
        if (m->sentence == si && polity_kind(m))
            return true;
    }
    size_t b = ms;
    while (b > s.start && in->text[b - 1] == ' ')
        b--;
    size_t w = b;
    while (w > s.start && isalpha((unsigned char)in->text[w - 1]))
        w--;
    if ((b - w == 1 && in->text[w] == 'I') ||
        (b - w == 2 && (strncmp(in->text + w, "We", 2) == 0 || strncmp(in->text + w, "we", 2) == 0)))
        return true;
    static const char *const P[] = {"He", "She", "They", "It", "The", NULL};
    bool pron = false;
    for (size_t k = 0; P[k]; k++)
        pron |= ex_match_at(in->text, s.end, s.start, P[k]) != 0;
    if (pron && si > 0)
        for (size_t i = 0; i < r->actors.n; i++) {
            const truce_actor_mention *m = &r->actors.items[i];
            if (m->sentence == si - 1 && polity_kind(m))
                return true;
        }
    return false;
}

static bool violent_type(const char *type)
{
    return strncmp(type, "conflict.", 9) == 0 || strncmp(type, "civilians.", 10) == 0;
}

static bool names_monitor(ex_context *c, uint32_t si, truce_span s)
{
    const truce_extract_input *in = c->in;
    ex_finder *fx = c->fx;
    size_t ms, me;
    if (ex_fx_find_any(fx, s.start, s.end, TRUCE_MONITOR_WORDS, &ms, &me))
        return true;
    for (size_t i = 0; i < in->reading->actors.n; i++) {
        const truce_actor_mention *m = &in->reading->actors.items[i];
        if (m->sentence == si && m->kind == TRUCE_ACTOR_ORGANISATION)
            return true;
    }
    return false;
}

static int words_after(const char *t, size_t a, size_t b)
{
    int n = 0;
    for (size_t i = a; i < b; i++)
        if (t[i] != ' ' && (i == a || t[i - 1] == ' '))
            n++;
    return n;
}

/* The literal lit starts at i and ends by end: a bounded look at the words
 * around a trigger (the text need not end in NUL). */
static bool lit_at(const char *t, size_t i, size_t end, const char *lit)
{
    size_t n = strlen(lit);
    return i <= end && n <= end - i && memcmp(t + i, lit, n) == 0;
}

static bool ended_after(ex_finder *fx, size_t me, size_t end)
{
    const char *t = fx->t;
    static const char *const E[] = {"ended", "stopped", "subsided", "ceased", "died down", NULL};
    static const char *const N[] = {"never", "not", "hardly", NULL};
    size_t lim = me + 25 < end ? me + 25 : end, ms, e2, n1, n2;
    /* "fighting around Debaltseve never stopped" goes on */
    return ex_fx_find_any(fx, me, lim, E, &ms, &e2) != NULL && words_after(t, me, ms) <= 2 &&
           !ex_fx_find_any(fx, me, ms, N, &n1, &n2);
}

static bool territory_named(ex_context *c, uint32_t si, truce_span s)
{
    const truce_extract_input *in = c->in;
    ex_finder *fx = c->fx;
    static const char *const W[] = {"control", "territory", "district", "region", "town",
                                    "village", "city", "area", "villages", "lands", NULL};
    size_t ms, me;
    if (ex_fx_find_any(fx, s.start, s.end, W, &ms, &me))
        return true;
    for (size_t i = 0; i < in->reading->places.n; i++)
        if (in->reading->places.items[i].sentence == si)
            return true;
    return false;
}

/* A comma or semicolon that ends a clause, not one inside a number
 * ("1,500"). */
static bool clause_comma(const char *t, size_t i, size_t s0, size_t end)
{
    if (t[i] == ';')
        return true;
    if (t[i] != ',')
        return false;
    return !(i > s0 && i + 1 < end && isdigit((unsigned char)t[i - 1]) &&
             isdigit((unsigned char)t[i + 1]));
}

/* Groups of the dictionaries that bear no arms: who shoots at protesters
 * attacks civilians. */
static bool unarmed_group(const char *name)
{
    return name && (strcmp(name, "protesters") == 0 || strcmp(name, "opposition") == 0);
}

/* An armed force (a force word, or a military or armed-group actor) in
 * [a, b) of sentence si. */
static bool force_in(ex_context *c, uint32_t si, size_t a, size_t b)
{
    size_t ms, me;
    if (a >= b)
        return false;
    if (ex_fx_find_any(c->fx, a, b, TRUCE_FORCE_WORDS, &ms, &me))
        return true;
    const truce_reading *r = c->in->reading;
    for (size_t i = 0; i < r->actors.n; i++) {
        const truce_actor_mention *m = &r->actors.items[i];
        if (m->sentence == si && m->span.start >= a && m->span.start < b &&
            (m->kind == TRUCE_ACTOR_MILITARY ||
             (m->kind == TRUCE_ACTOR_GROUP && !unarmed_group(m->name))))
            return true;
    }
    return false;
}

/* "Two soldiers were shot dead", "gunmen shot dead a driver", "he was shot
 * in the back by members of a unit": whether the one shot (or bombed) is an
 * armed force. In a passive the victim is the subject, from the clause's
 * start to the verb; else the words after the verb, up to "by" or the end
 * of the clause. */
static bool victim_is_force(ex_context *c, uint32_t si, truce_span s, const trigger *tr,
                            size_t ms, size_t me)
{
    const char *t = c->in->text;
    bool passive = strncmp(tr->phrase, "was ", 4) == 0 || strncmp(tr->phrase, "were ", 5) == 0;
    static const char *const AUX[] = {"was ", "were ", "been ", "being ", NULL};
    for (size_t k = 0; AUX[k] && !passive; k++) {
        size_t n = strlen(AUX[k]);
        passive = ms >= s.start + n && strncmp(t + ms - n, AUX[k], n) == 0 &&
                  (ms == s.start + n || !isalpha((unsigned char)t[ms - n - 1]));
    }
    size_t a, b;
    if (passive) {
        a = ms;
        while (a > s.start && !clause_comma(t, a - 1, s.start, s.end))
            a--;
        b = ms;
    } else {
        a = me;
        b = me + 50 < s.end ? me + 50 : s.end;
        for (size_t i = a; i < b; i++)
            if (clause_comma(t, i, s.start, s.end) || lit_at(t, i, s.end, " by ")) {
                b = i;
                break;
            }
    }
    /* what only armed men hold: "opened fire on Armenian positions" */
    static const char *const TARGETS[] = {"positions", "posts", "checkpoint*", "base", "bases",
                                          "outpost*", "garrison*", "barracks", "police station*",
                                          "military convoy*", "patrol*", NULL};
    size_t t1, t2;
    return force_in(c, si, a, b) || (a < b && ex_fx_find_any(c->fx, a, b, TARGETS, &t1, &t2));
}

/* An armed force named right after a verb, before its destination or
 * topic: "sent 400 soldiers to", "the movement of about 300 troops",
 * "were killed by militants"; not "sent a message to the army". */
static bool force_after(ex_context *c, uint32_t si, truce_span s, size_t me)
{
    const char *t = c->in->text;
    size_t b = me + 40 < s.end ? me + 40 : s.end;
    for (size_t i = me; i < b; i++)
        if (clause_comma(t, i, s.start, s.end) || lit_at(t, i, s.end, " to ") ||
            lit_at(t, i, s.end, " on ")) {
            b = i;
            break;
        }
    return force_in(c, si, me, b);
}

/* "Gunmen killed two farmers": an armed force is the subject, in the
 * clause before an active verb ("were killed" is no such verb). */
static bool force_before(ex_context *c, uint32_t si, truce_span s, size_t ms)
{
    const char *t = c->in->text;
    static const char *const AUX[] = {"was ", "were ", "been ", "being ", "be ", NULL};
    for (size_t k = 0; AUX[k]; k++) {
        size_t n = strlen(AUX[k]);
        if (ms >= s.start + n && strncmp(t + ms - n, AUX[k], n) == 0)
            return false;
    }
    size_t a = ms;
    while (a > s.start && !clause_comma(t, a - 1, s.start, s.end))
        a--;
    return force_in(c, si, a, ms);
}

/* An active verb with its object after it: "killed four soldiers", not
 * "four soldiers killed.", "killed in the clash" or "those killed were". */
static bool object_after(const char *t, truce_span s, size_t me)
{
    if (me + 1 >= s.end || t[me] != ' ' || !isalnum((unsigned char)t[me + 1]))
        return false;
    static const char *const P[] = {"in ", "by ", "on ", "at ", "when ", "after ", "during ",
                                    "while ", "and ", "or ", "as ", "near ", "since ", "were ",
                                    "was ", "are ", "is ", "had ", "have ", "has ", "will ",
                                    "would ", NULL};
    for (size_t k = 0; P[k]; k++)
        if (lit_at(t, me + 1, s.end, P[k]))
            return false;
    return true;
}

/* Relief goods after a giving verb or a carrier, in its clause:
 * "distributed 1,500 hygiene kits", "a convoy of six trucks with food". */
static bool aid_after(ex_context *c, truce_span s, size_t me)
{
    const char *t = c->in->text;
    size_t b = me + 60 < s.end ? me + 60 : s.end, ms, e2;
    /* the goods come before the recipients or the topic: "sent figures on
     * rice exports" sent no rice */
    static const char *const STOP[] = {" on ", " about ", " to ", " for ", NULL};
    for (size_t i = me; i < b; i++) {
        bool stop = clause_comma(t, i, s.start, s.end);
        for (size_t k = 0; STOP[k] && !stop; k++)
            stop = lit_at(t, i, s.end, STOP[k]);
        if (stop) {
            b = i;
            break;
        }
    }
    /* "a convoy carrying aid workers": people of an aid agency, not goods */
    static const char *const NOT_GOODS[] = {" worker", " agenc", " group", " organi", " official",
                                            " staff", NULL};
    for (size_t from = me; from < b && ex_fx_find_any(c->fx, from, b, TRUCE_AID_WORDS, &ms, &e2);
         from = e2) {
        bool people = false;
        for (size_t k = 0; NOT_GOODS[k] && !people; k++)
            people = lit_at(t, e2, s.end, NOT_GOODS[k]);
        if (!people)
            return true;
    }
    return false;
}

/* "captured Manbij": a place is the object right after the verb. */
static bool place_right_after(const truce_reading *r, uint32_t si, size_t me)
{
    for (size_t i = 0; i < r->places.n; i++) {
        const truce_place_mention *p = &r->places.items[i];
        if (p->sentence == si && p->span.start >= me && p->span.start <= me + 1)
            return true;
    }
    return false;
}

/* Words right before a trigger that make it background, not an event of
 * the report: support ("backed by US air strikes"), an origin ("a shell
 * dating from the fighting of 2016"), a place described by what happened
 * there ("the village where the massacre began"). A past-tense verb after
 * the supporters is the main verb ("troops backed by air strikes
 * recaptured"), and so is any trigger after supporters that are a force. */
static bool background_before(ex_finder *fx, size_t s0, size_t end, size_t ms)
{
    static const char *const B[] = {"backed by", "supported by", "date from", "dates from",
                                    "dating from", "left over from", "leftover from",
                                    "remnants of", NULL};
    size_t b0 = ms > s0 + 30 ? ms - 30 : s0, bs, be, f1, f2;
    const char *t = fx->t;
    /* "forces backed by clan militias recaptured": the backers are a force
     * and the trigger the main verb */
    size_t we = ms;
    while (we < end && t[we] != ' ')
        we++;
    bool verb = we >= ms + 3 && t[we - 2] == 'e' && t[we - 1] == 'd';
    if (!verb && ex_fx_find_any(fx, b0, ms, B, &bs, &be) && words_after(t, be, ms) <= 2 &&
        !ex_fx_find_any(fx, be, ms, TRUCE_FORCE_WORDS, &f1, &f2))
        return true;
    return ms >= s0 + 10 && strncmp(t + ms - 10, "where the ", 10) == 0;
}

/* "fled after the shelling.", "Since the clashes, ...": an event the report
 * has already told, named again by the bare noun with the definite article
 * after a word of time. It is no new event when an earlier sentence holds one
 * of the same type; told for the first time, or with words of its own after
 * it (an object, a date, a verb), it is. */
static bool told_before(const char *t, size_t s0, size_t ms, size_t me, size_t end,
                        const truce_event_list *out, size_t first_new, const char *type)
{
    static const char *const TIME_WORDS[] = {"after the ", "following the ", "since the ",
                                             "amid the ", "during the ", NULL};
    bool after = false;
    for (size_t k = 0; TIME_WORDS[k] && !after; k++) {
        size_t n = strlen(TIME_WORDS[k]);
        after = ms >= s0 + n && truce_ascii_fold((unsigned char)t[ms - n]) == (unsigned char)TIME_WORDS[k][0] &&
                strncmp(t + ms - n + 1, TIME_WORDS[k] + 1, n - 1) == 0;
    }
    if (!after)
        return false;
    /* only the bare noun: "the fall of Ghazni", "the shelling on Monday",
     * "the shelling resumed" say something of their own */
    if (me < end && t[me] != ',' && t[me] != '.' && t[me] != ';' && t[me] != ':')
        return false;
    for (size_t i = 0; i < first_new; i++)
        if (strcmp(out->items[i].type, type) == 0)
            return true;
    return false;
}

/* A place or a word for ground in [a, b) of sentence si. */
static bool ground_in(ex_context *c, uint32_t si, size_t a, size_t b)
{
    static const char *const W[] = {"territory", "district", "region", "town", "village", "city",
                                    "area", "villages", "base", "hill", "hills", "airport",
                                    "border", "crossing", "bridge", "post", "positions", NULL};
    size_t ms, me;
    if (a < b && ex_fx_find_any(c->fx, a, b, W, &ms, &me))
        return true;
    const truce_reading *r = c->in->reading;
    for (size_t i = 0; i < r->places.n; i++) {
        const truce_place_mention *p = &r->places.items[i];
        if (p->sentence == si && p->span.start >= a && p->span.start < b)
            return true;
    }
    return false;
}

/* The triggers grouped by how they begin, built once per document: most
 * open with four literal bytes and are found by those; the others that
 * start with a letter or digit followed by another by those two bytes; the
 * rest (one-byte words, "a*") by their first byte alone. Triggers starting
 * with anything else are searched for in the text. */
enum { TI_BUCKETS2 = 1024, TI_BUCKETS4 = 2048, TI_NONE = 0xFFFF, TI_MAX = 4096, TI_NO_KEY = 0xFF };
typedef struct trigger_index {
    uint16_t head4[TI_BUCKETS4], head2[TI_BUCKETS2], head1[256];
    uint16_t *next;     /* per trigger, the next one in its bucket */
    bool *by_words;     /* per trigger: begins with a word character */
    uint16_t *others;   /* the triggers that do not, in lexicon order */
    size_t n_others;
    uint64_t *pfx, *mask; /* ex_phrase_key of each trigger... */
    uint8_t *lit;         /* ...and its literal length; TI_NO_KEY until made */
    const char **rule;    /* per trigger, its rule name once an event used it */
} trigger_index;

static size_t two_byte_bucket(unsigned char c0, unsigned char c1)
{
    return ((size_t)c0 * 131u + c1) % TI_BUCKETS2;
}

/* Bucket of four folded bytes laid out as in ex_text_key's lowest 32 bits. */
static size_t four_byte_bucket(uint32_t b4)
{
    return (size_t)((b4 * 2654435761u) >> 21) % TI_BUCKETS4;
}

static int trigger_index_build(truce_arena *a, trigger_index *ti)
{
    if (TRUCE_N_TRIGGERS >= TI_MAX)
        return TRUCE_EUSAGE;
    ti->next = truce_arena_alloc(a, TRUCE_N_TRIGGERS * sizeof *ti->next);
    ti->by_words = truce_arena_alloc(a, TRUCE_N_TRIGGERS * sizeof *ti->by_words);
    ti->others = truce_arena_alloc(a, TRUCE_N_TRIGGERS * sizeof *ti->others);
    ti->pfx = truce_arena_alloc(a, TRUCE_N_TRIGGERS * sizeof *ti->pfx);
    ti->mask = truce_arena_alloc(a, TRUCE_N_TRIGGERS * sizeof *ti->mask);
    ti->lit = truce_arena_alloc(a, TRUCE_N_TRIGGERS * sizeof *ti->lit);
    ti->rule = truce_arena_calloc(a, TRUCE_N_TRIGGERS, sizeof *ti->rule);
    if (!ti->next || !ti->by_words || !ti->others || !ti->pfx || !ti->mask || !ti->lit ||
        !ti->rule)
        return TRUCE_ENOMEM;
    ti->n_others = 0;
    /* keys are made when a sentence first reaches the trigger: a document
     * reaches only some of them */
    memset(ti->lit, TI_NO_KEY, TRUCE_N_TRIGGERS * sizeof *ti->lit);
    for (size_t k = 0; k < TRUCE_N_TRIGGERS; k++) {
        unsigned char c = (unsigned char)TRUCE_TRIGGERS[k].phrase[0];
        if (!(truce_ascii_alnum(c) || c >= 0x80))
            ti->others[ti->n_others++] = (uint16_t)k;
    }
    memset(ti->head4, 0xFF, sizeof ti->head4); /* TI_NONE */
    memset(ti->head2, 0xFF, sizeof ti->head2);
    memset(ti->head1, 0xFF, sizeof ti->head1);
    for (size_t k = TRUCE_N_TRIGGERS; k-- > 0;) {
        const unsigned char *ph = (const unsigned char *)TRUCE_TRIGGERS[k].phrase;
        ti->by_words[k] = truce_ascii_alnum(ph[0]) || ph[0] >= 0x80;
        if (!ti->by_words[k])
            continue;
        unsigned char c0 = truce_ascii_fold(ph[0]);
        uint32_t b4 = 0;
        int lit4 = 0;
        while (lit4 < 4 && ph[lit4] && ph[lit4] != ' ' && ph[lit4] != '*') {
            b4 |= (uint32_t)truce_ascii_fold(ph[lit4]) << (8 * lit4);
            lit4++;
        }
        if (lit4 == 4) {
            size_t b = four_byte_bucket(b4);
            ti->next[k] = ti->head4[b];
            ti->head4[b] = (uint16_t)k;
        } else if (truce_ascii_alnum(ph[1])) {
            size_t b = two_byte_bucket(c0, truce_ascii_fold(ph[1]));
            ti->next[k] = ti->head2[b];
            ti->head2[b] = (uint16_t)k;
        } else {
            ti->next[k] = ti->head1[c0];
            ti->head1[c0] = (uint16_t)k;
        }
    }
    return TRUCE_OK;
}

/* A trigger matched at a word start. */
typedef struct candidate {
    uint32_t start, end;
    uint16_t trigger;
} candidate;

static int candidate_cmp(const void *x, const void *y)
{
    const candidate *a = x, *b = y;
    if (a->trigger != b->trigger)
        return a->trigger < b->trigger ? -1 : 1;
    return a->start < b->start ? -1 : a->start > b->start;
}

static int find_hits(ex_context *c, trigger_index *ti, uint32_t si,
                     truce_span s, hit *hits, size_t *nh, size_t max)
{
    const truce_extract_input *in = c->in;
    const truce_reading *r = in->reading;
    ex_finder *fx = c->fx;
    *nh = 0;
    /* Every word trigger starts a word, so only word starts can begin a
     * match: each word start tries the few triggers that begin with its
     * first two bytes, and the matches are then taken trigger by trigger,
     * left to right, as if each trigger had been searched for in turn. */
    enum { MAX_CANDIDATES = 2048 };
    candidate cand[MAX_CANDIDATES];
    size_t nc = 0;
    bool all_starts = true;
    /* the word starts of the sentence, each with its first eight bytes
     * folded: a trigger whose literal opening differs cannot match there */
    for (size_t w = ex_word_at(fx, s.start); w < fx->n && fx->pos[w] < s.end && all_starts; w++) {
        size_t i = fx->pos[w];
        uint64_t key = fx->key[w];
        unsigned char c0 = (unsigned char)(key & 0xFF);
        unsigned char c1 = i + 1 < s.end ? (unsigned char)(key >> 8 & 0xFF) : 0;
        /* a trigger can match only where the text begins with its opening
         * bytes: those in head4 need four, those in head2 two */
        for (int pass = 0; pass < 3; pass++) {
            uint16_t k = pass == 0   ? ti->head1[c0]
                         : pass == 1 ? (truce_ascii_alnum(c1) ? ti->head2[two_byte_bucket(c0, c1)] : TI_NONE)
                                     : ti->head4[four_byte_bucket((uint32_t)(key & 0xFFFFFFFFu))];
            for (; k != TI_NONE; k = ti->next[k]) {
                if (ti->lit[k] == TI_NO_KEY) {
                    size_t lit;
                    ti->pfx[k] = ex_phrase_key(TRUCE_TRIGGERS[k].phrase, &ti->mask[k], &lit);
                    ti->lit[k] = (uint8_t)lit;
                }
                if ((key & ti->mask[k]) != ti->pfx[k])
                    continue;
                size_t e = ex_match_keyed(in->text, s.end, i, TRUCE_TRIGGERS[k].phrase, ti->lit[k]);
                if (!e)
                    continue;
                if (nc == MAX_CANDIDATES) {
                    all_starts = false;
                    break;
                }
                cand[nc++] = (candidate){(uint32_t)i, (uint32_t)e, k};
            }
        }
    }
    if (all_starts && nc > 1)
        qsort(cand, nc, sizeof cand[0], candidate_cmp);
    /* the triggers to try, in lexicon order: those matched at some word
     * start and those searched for in the text (all of them when the
     * sentence had too many words or matches to index) */
    uint16_t visit[TI_MAX];
    size_t nvisit = 0;
    if (!all_starts) {
        for (size_t k = 0; k < TRUCE_N_TRIGGERS; k++)
            visit[nvisit++] = (uint16_t)k;
    } else {
        size_t x = 0, y = 0;
        while (x < nc || y < ti->n_others) {
            uint16_t kx = x < nc ? cand[x].trigger : TI_NONE;
            uint16_t ky = y < ti->n_others ? ti->others[y] : TI_NONE;
            uint16_t k = kx < ky ? kx : ky;
            if (!nvisit || visit[nvisit - 1] != k)
                visit[nvisit++] = k;
            if (k == kx)
                x++;
            else
                y++;
        }
    }
    size_t ci = 0;
    for (size_t q = 0; q < nvisit; q++) {
        size_t k = visit[q];
        const trigger *tr = &TRUCE_TRIGGERS[k];
        size_t from = s.start, ms, me;
        bool by_words = all_starts && ti->by_words[k];
        if (by_words) {
            while (ci < nc && cand[ci].trigger < k)
                ci++;
            if (ci == nc || cand[ci].trigger != k)
                continue;
        }
        for (;;) {
            bool found = false;
            if (by_words) {
                while (ci < nc && cand[ci].trigger == k && cand[ci].start < from)
                    ci++;
                if (ci < nc && cand[ci].trigger == k) {
                    ms = cand[ci].start;
                    me = cand[ci].end;
                    ci++;
                    found = true;
                }
            } else {
                found = from < s.end && ex_fx_find(fx, from, s.end, tr->phrase, &ms, &me);
            }
            if (!found)
                break;
            from = me;
            size_t ns = 0, ne = 0;
            if (tr->need && !(tr->flags & TRIG_NEED_AFTER) &&
                !ex_fx_find(fx, s.start, s.end, tr->need, &ns, &ne))
                break;
            /* "released 12 hostages", not "released two videos of the
             * hostages": the needed word is the object */
            if (tr->flags & TRIG_NEED_AFTER) {
                size_t lim = me + 30 < s.end ? me + 30 : s.end;
                for (size_t i = me; i < lim; i++)
                    if (clause_comma(in->text, i, s.start, s.end)) {
                        lim = i;
                        break;
                    }
                if (me >= lim || !object_after(in->text, s, me) ||
                    !ex_fx_find(fx, me, lim, tr->need, &ns, &ne) || words_after(in->text, me, ns) > 3)
                    continue;
            }
            /* "could have signed an agreement on a truce": the counterfactual
             * sits before the needed word as well as before the trigger */
            if (tr->need) {
                size_t c0 = ns > s.start + 20 ? ns - 20 : s.start, c1, c2;
                if (ex_fx_find_any(fx, c0, ns, TRUCE_CUE_COUNTERFACTUAL, &c1, &c2))
                    continue;
            }
            /* "brought an end to six weeks of fighting": what ended is
             * background, not an event of the report */
            if (strncmp(tr->type, "conflict.", 9) == 0) {
                size_t e0 = ms > s.start + 30 ? ms - 30 : s.start, c1, c2;
                if (ex_fx_find(fx, e0, ms, "end to", &c1, &c2) ||
                    ex_fx_find(fx, e0, ms, "to end", &c1, &c2))
                    continue;
            }
            if ((tr->flags & TRIG_NEED_OFFICIAL_AFTER) &&
                !has_actor_after(r, si, me, TRUCE_ACTOR_OFFICIAL, TRUCE_ACTOR_GOVERNMENT) &&
                !ex_fx_find_any(fx, me, me + 20 < s.end ? me + 20 : s.end,
                             TRUCE_CUE_VISITOR, &ns, &ne))
                continue;
            /* "technicians, who will be deployed": a plan inside a relative
             * clause describes its antecedent, it reports no event */
            size_t rs0 = ms > s.start + 22 ? ms - 22 : s.start;
            if ((ex_fx_find(fx, rs0, ms + 5, "who will", &ns, &ne) ||
                 ex_fx_find(fx, rs0, ms + 5, "which will", &ns, &ne)) && ns > s.start + 2 &&
                in->text[ns - 2] == ',')
                continue;
            /* "to end the clashes": a purpose names no event of its own */
            size_t ps0 = ms > s.start + 14 ? ms - 14 : s.start;
            if (ex_fx_find_any(fx, ps0, ms, TRUCE_CUE_PURPOSE, &ns, &ne) && ne == ms - 1)
                continue;
            if ((tr->flags & TRIG_NEED_MILITARY_BEFORE) && !has_military_before(r, si, s.start, ms))
                continue;
            if ((tr->flags & TRIG_NEED_FORCE) && !names_force(c, si, s))
                continue;
            if ((tr->flags & TRIG_NEED_POLITY) && !names_polity(c, si, s, ms))
                continue;
            if ((tr->flags & TRIG_NEED_MONITOR) && !names_monitor(c, si, s))
                continue;
            if ((tr->flags & (TRIG_FORCE_VICTIM | TRIG_CIVILIAN_VICTIM)) &&
                victim_is_force(c, si, s, tr, ms, me) != !!(tr->flags & TRIG_FORCE_VICTIM))
                continue;
            if ((tr->flags & TRIG_NEED_AID_AFTER) && !aid_after(c, s, me))
                continue;
            if (tr->flags & TRIG_NEED_PEOPLE_AFTER) {
                /* the people within three words of the verb, in its clause */
                size_t lim = me + 30 < s.end ? me + 30 : s.end, p1, p2;
                for (size_t i = me; i < lim; i++)
                    if (clause_comma(in->text, i, s.start, s.end)) {
                        lim = i;
                        break;
                    }
                if (!object_after(in->text, s, me) ||
                    !ex_fx_find_any(fx, me, lim, TRUCE_PEOPLE_WORDS, &p1, &p2) ||
                    words_after(in->text, me, p1) > 3)
                    continue;
            }
            if ((tr->flags & TRIG_NEED_PLACE_AFTER) && !place_right_after(r, si, me))
                continue;
            if ((tr->flags & TRIG_NEED_FORCE_AFTER) && !force_after(c, si, s, me))
                continue;
            if ((tr->flags & TRIG_NEED_FORCE_BEFORE) &&
                (!object_after(in->text, s, me) || !force_before(c, si, s, ms)))
                continue;
            const char ty = tr->type[0]; /* c(onflict|ivilians), s(tatement), p(rotest)... */
            const bool viol = ty == 'c' && violent_type(tr->type);
            if (viol && background_before(fx, s.start, s.end, ms))
                continue;
            /* "called for the release of the hostages", "blocking the delivery
             * of aid": what is asked for or blocked has not happened */
            if (ty != 's' && ms >= s.start + 4 && strncmp(in->text + ms - 4, "the ", 4) == 0) {
                static const char *const ASK[] = {"called for the", "calls for the",
                                                  "calling for the", "demanded the",
                                                  "demanding the", "demands the", "urged the",
                                                  "pressed for the", "appealed for the",
                                                  "blocking the", "blocked the",
                                                  "obstructing the", "preventing the",
                                                  "prevented the", NULL};
                size_t q0 = ms > s.start + 22 ? ms - 22 : s.start, q1, q2;
                if (ex_fx_find_any(fx, q0, ms, ASK, &q1, &q2) && q2 + 1 == ms)
                    continue;
            }
            /* "the Independent Decommissioning Body": a word of a name */
            if (ms > s.start + 2 && isupper((unsigned char)in->text[ms]) && !strchr(tr->phrase, ' ') &&
                isalpha((unsigned char)in->text[ms - 2]) && me + 1 < s.end &&
                in->text[me] == ' ' && isupper((unsigned char)in->text[me + 1]))
                continue;
            /* "two aid workers were seized by gunmen": people, not ground
             * ("the town was seized by rebels" is ground) */
            if (ty == 'c' && tr->phrase[0] == 's' && strcmp(tr->phrase, "seized") == 0 &&
                strcmp(tr->type, "conflict.territory_taken") == 0 && ms >= s.start + 4 && (strncmp(in->text + ms - 4, "was ", 4) == 0 ||
                                      (ms >= s.start + 5 && strncmp(in->text + ms - 5, "were ", 5) == 0))) {
                size_t a0 = ms;
                while (a0 > s.start && !clause_comma(in->text, a0 - 1, s.start, s.end))
                    a0--;
                if (!ground_in(c, si, a0, ms))
                    continue;
            }
            /* "seized homemade rifles": goods, not ground */
            if (ty == 'c' && tr->phrase[0] == 's' && strcmp(tr->phrase, "seized") == 0 &&
                strcmp(tr->type, "conflict.territory_taken") == 0) {
                static const char *const GOODS[] = {"rifles", "weapons", "arms", "ammunition",
                                                    "guns", "explosives", "drugs", "vehicles",
                                                    "documents", "cash", "equipment", "ship",
                                                    "vessel", "tanker", "cargo", NULL};
                size_t lim = me + 30 < s.end ? me + 30 : s.end, g1, g2;
                if (ex_fx_find_any(fx, me, lim, GOODS, &g1, &g2))
                    continue;
            }
            /* "was denied access": a refusal, not a denial of a claim */
            if (ty == 's' && strcmp(tr->type, "statement.denial") == 0) {
                static const char *const A[] = {" access", " entry", " permission", " bail", NULL};
                bool refused = false;
                for (size_t ai = 0; A[ai]; ai++)
                    refused |= lit_at(in->text, me, s.end, A[ai]);
                if (refused)
                    continue;
            }
            /* "soldiers accused of shooting a student": who is accused, not
             * an accusation made ("were accused of" still is one) */
            if (ty == 's' && strcmp(tr->type, "statement.accusation") == 0 &&
                lit_at(in->text, me, s.end, " of ") && ms > s.start) {
                size_t pe = ms - 1, pw = pe;
                while (pw > s.start && isalpha((unsigned char)in->text[pw - 1]))
                    pw--;
                static const char *const AUXV[] = {"was", "were", "is", "are", "been", "being",
                                                   "has", "have", "had", NULL};
                bool aux = false;
                for (size_t ai = 0; AUXV[ai]; ai++)
                    aux |= pe - pw == strlen(AUXV[ai]) && strncmp(in->text + pw, AUXV[ai], pe - pw) == 0;
                if (!aux && pe > pw)
                    continue;
            }
            /* "he sought refuge at the embassy": one person's shelter is no
             * displacement */
            if (ty == 'h' && strcmp(tr->type, "humanitarian.displacement") == 0 && ms >= s.start + 3) {
                size_t pw = ms - 1;
                while (pw > s.start && isalpha((unsigned char)in->text[pw - 1]))
                    pw--;
                if ((ms - 1 - pw == 2 && (strncmp(in->text + pw, "he", 2) == 0 ||
                                          strncmp(in->text + pw, "He", 2) == 0)) ||
                    (ms - 1 - pw == 3 && (strncmp(in->text + pw, "she", 3) == 0 ||
                                          strncmp(in->text + pw, "She", 3) == 0)))
                    continue;
            }
            /* "families who had fled the town returned to it": the flight
             * describes who came back; the report's event is the return */
            if (ty == 'h' && strcmp(tr->type, "humanitarian.displacement") == 0 && ms >= s.start + 4 &&
                strncmp(in->text + ms - 4, "who ", 4) == 0) {
                static const char *const RET[] = {"returned", "returning", "came back", "went back",
                                                  NULL};
                size_t r1, r2;
                if (ex_fx_find_any(fx, me, s.end, RET, &r1, &r2))
                    continue;
            }
            /* "every child is returned to their family": people handed back
             * to kin, not a force going back to base */
            if (ty == 'm' && strcmp(tr->type, "military.withdrawal") == 0 &&
                strncmp(tr->phrase, "return", 6) == 0) {
                static const char *const KIN[] = {" their famil", " his famil", " her famil",
                                                  " their parents", " his parents",
                                                  " her parents", " their relatives", NULL};
                bool kin = false;
                for (size_t ki = 0; KIN[ki] && !kin; ki++)
                    kin = lit_at(in->text, me, s.end, KIN[ki]);
                if (kin)
                    continue;
            }
            /* "troops fired on protesters": shots at unarmed people are no
             * clash (the attack on them is read by its own triggers) */
            if (ty == 'c' && strcmp(tr->type, "conflict.armed_clash") == 0 &&
                (strcmp(tr->phrase, "fired on") == 0 || strncmp(tr->phrase, "opened fire ", 12) == 0)) {
                size_t lim = me + 30 < s.end ? me + 30 : s.end, p1, p2;
                if (ex_fx_find_any(fx, me, lim, TRUCE_PEOPLE_WORDS, &p1, &p2) &&
                    words_after(in->text, me, p1) <= 2)
                    continue;
            }
            /* "demanded a ransom": part of the abduction */
            if (ty == 's' && strcmp(tr->type, "statement.demand") == 0 &&
                (lit_at(in->text, me, s.end, " a ransom") || lit_at(in->text, me, s.end, " ransom")))
                continue;
            /* "heading to the dam for a sit-in": an aim; "the team that
             * visited": a description of who did the main verb */
            if ((((ty == 'p' && strncmp(tr->type, "protest.", 8) == 0) ||
                  (ty == 'a' && strcmp(tr->type, "agreement.ceasefire") == 0)) && ms >= s.start + 6 &&
                 strncmp(in->text + ms - 6, "for a ", 6) == 0) ||
                (ty == 'd' && strcmp(tr->type, "diplomacy.visit") == 0 && ms >= s.start + 5 &&
                 (strncmp(in->text + ms - 5, "that ", 5) == 0 ||
                  strncmp(in->text + ms - 4, "who ", 4) == 0)))
                continue;
            /* "any attack would be met with force": an idiom of the passive */
            if (ty == 'd' && ms >= s.start + 3 && tr->phrase[0] == 'm' &&
                (strncmp(in->text + ms - 3, "be ", 3) == 0 ||
                 (ms >= s.start + 5 && strncmp(in->text + ms - 5, "been ", 5) == 0) ||
                 (ms >= s.start + 4 && strncmp(in->text + ms - 4, "was ", 4) == 0) ||
                 (ms >= s.start + 5 && strncmp(in->text + ms - 5, "were ", 5) == 0)))
                continue;
            /* "he hoped the swap would pave the way for talks between them":
             * a wish, not a meeting */
            if (ty == 'd' && strcmp(tr->type, "diplomacy.meeting") == 0) {
                static const char *const WISH[] = {"hoped", "hopes", "hope", "wished", NULL};
                size_t w1, w2;
                if (ex_fx_find_any(fx, s.start, ms, WISH, &w1, &w2))
                    continue;
            }
            /* "told the rally", "addressed the protesters": the audience of a
             * speech, a protest told before */
            if (ty == 'p' && strncmp(tr->type, "protest.", 8) == 0) {
                static const char *const AUD[] = {"told the", "addressed the", "address the",
                                                  "addressing the", NULL};
                size_t a0 = ms > s.start + 16 ? ms - 16 : s.start, a1, a2;
                if (ex_fx_find_any(fx, a0, ms, AUD, &a1, &a2) && a2 + 1 == ms)
                    continue;
            }
            /* "the sit-in was called off": no protest took place */
            if (ty == 'p' && strncmp(tr->type, "protest.", 8) == 0) {
                static const char *const OFF[] = {"called off", "cancelled", "canceled",
                                                  "postponed", "banned", NULL};
                size_t lim = me + 40 < s.end ? me + 40 : s.end, o1, o2;
                for (size_t i = me; i < lim; i++)
                    if (in->text[i] == ',' || in->text[i] == ';')
                        lim = i;
                if (ex_fx_find_any(fx, me, lim, OFF, &o1, &o2) && words_after(in->text, me, o1) <= 5)
                    continue;
            }
            /* an overlapping hit of the same type is the same words */
            bool dup = false;
            for (size_t h = 0; h < *nh; h++)
                if (strcmp(hits[h].tr->type, tr->type) == 0 && hits[h].start < me &&
                    ms < hits[h].end)
                    dup = true;
            /* "could have signed": what did not happen is no event */
            size_t cs0 = ms > s.start + 20 ? ms - 20 : s.start, cs1, ce1;
            if (ex_fx_find_any(fx, cs0, ms, TRUCE_CUE_COUNTERFACTUAL, &cs1, &ce1))
                continue;
            /* ", which opposes the junta": a relative clause describes its
             * antecedent; "if they attack": a condition is no event */
            size_t ls = ms;
            while (ls > s.start && in->text[ls - 1] != ',' && in->text[ls - 1] != ';')
                ls--;
            if (ls > s.start && ms - ls < 40 && strncmp(tr->type, "statement.", 10) == 0 &&
                (ex_match_at(in->text, ms, ls + (in->text[ls] == ' '), "which") ||
                 ex_match_at(in->text, ms, ls + (in->text[ls] == ' '), "who")))
                continue;
            size_t rs1 = ms > ls + 25 ? ms - 25 : ls, rc1, rc2;
            static const char *const REL[] = {"who is", "who was", "who are", "which is", NULL};
            if (strncmp(tr->type, "statement.", 10) == 0 &&
                ex_fx_find_any(fx, rs1, ms, REL, &rc1, &rc2))
                continue;
            if (ex_fx_find_any(fx, ls, ms, TRUCE_CUE_CONDITION, &cs1, &ce1))
                continue;
            /* "an effort to urge Ukraine", "pleaded guilty to threatening": a
             * statement verb after "to" names an aim or a charge, not a
             * statement made */
            if (strncmp(tr->type, "statement.", 10) == 0 && ms >= s.start + 3 &&
                strncmp(in->text + ms - 3, "to ", 3) == 0 &&
                (ms == s.start + 3 || !isalpha((unsigned char)in->text[ms - 4])))
                continue;
            /* "Nobody has claimed responsibility": what nobody did */
            size_t ws = ls;
            while (ws < ms && in->text[ws] == ' ')
                ws++;
            if (ex_match_at(in->text, ms, ws, "Nobody") || ex_match_at(in->text, ms, ws, "No one") ||
                ex_match_at(in->text, ms, ws, "nobody") || ex_match_at(in->text, ms, ws, "no one"))
                continue;
            /* "No group has claimed responsibility", "no civilians were hurt" */
            if ((ex_match_at(in->text, ms, ws, "No ") || ex_match_at(in->text, ms, ws, "no ")) &&
                words_after(in->text, ws, ms) <= 3)
                continue;
            /* "the clashes ended": the end of violence is not more of it */
            if (strncmp(tr->type, "conflict.", 9) == 0 && ended_after(fx, me, s.end))
                continue;
            /* "air raid sirens", "rocket alert": a warning, not the attack */
            {
                static const char *const W[] = {"siren", "sirens", "alert", "alerts", "warning",
                                                "shelter", "shelters", NULL};
                size_t lim = me + 9 < s.end ? me + 9 : s.end, w1, w2;
                if (viol && ex_fx_find_any(fx, me, lim, W, &w1, &w2))
                    continue;
            }
            /* "was handed over to a neutral party": a transfer is of territory */
            if (strcmp(tr->type, "territory.transfer") == 0 && !territory_named(c, si, s))
                continue;
            /* "107 ceasefire violations, including 45 explosions": a part of
             * the event named before it, not one of its own */
            if (ex_fx_find(fx, ls, ms, "including", &cs1, &ce1))
                continue;
            if (!dup && *nh < max)
                hits[(*nh)++] = (hit){tr, ms, me};
        }
    }
    /* order by position, so clauses follow the text */
    for (size_t i = 1; i < *nh; i++)
        for (size_t j = i; j > 0 && hits[j].start < hits[j - 1].start; j--) {
            hit tmp = hits[j];
            hits[j] = hits[j - 1];
            hits[j - 1] = tmp;
        }
    return TRUCE_OK;
}

/* First comma or semicolon in [a, b) (just past it), or b when none: a
 * clause ends at the first break after its trigger. */
static size_t clause_break(const char *t, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (t[i] == ';' || (t[i] == ',' && !(i > a && i + 1 < b && isdigit((unsigned char)t[i - 1]) &&
                                             isdigit((unsigned char)t[i + 1]))))
            return i + 1;
    return b;
}

/* No comma between two triggers of different types: a coordinated verb
 * with its own object ("shelled Gori on Sunday and abducted two farmers in
 * Tskhinvali on Monday") opens its own clause at "and", when "and" stands
 * right before the second trigger (or one word before it, "and then") and
 * the first trigger has words of its own after it. Returns the start of
 * "and", or b when there is no such break. */
static size_t and_break(const char *t, size_t a, size_t b)
{
    for (size_t i = b; i > a + 1; i--) {
        size_t k = i - 1; /* candidate: " and " ending at or before b */
        if (k + 5 > b || strncmp(t + k, " and ", 5) != 0)
            continue;
        size_t words = 0;
        for (size_t j = k + 5; j < b; j++)
            if (t[j] == ' ')
                words++;
        if (words > 1)
            return b;
        bool own = false;
        for (size_t j = a; j < k; j++)
            if (t[j] != ' ')
                own = true;
        return own ? k + 1 : b;
    }
    return b;
}

static bool type_present(const hit *hits, size_t nh, const char *type)
{
    for (size_t i = 0; i < nh; i++)
        if (strcmp(hits[i].tr->type, type) == 0)
            return true;
    return false;
}

static bool violence_present(const hit *hits, size_t nh)
{
    for (size_t i = 0; i < nh; i++)
        if (strncmp(hits[i].tr->type, "conflict.", 9) == 0 ||
            strncmp(hits[i].tr->type, "civilians.", 10) == 0)
            return true;
    return false;
}

/* "the cases of civilian casualties" without a count refers to a report's
 * subject, not to an incident of its own. */
static bool uncounted_cases(ex_finder *fx, const truce_event *ev)
{
    size_t ms, me;
    return strncmp(ev->type, "civilians.", 10) == 0 && ev->n_figures == 0 &&
           ex_fx_find(fx, ev->evidence.start, ev->evidence.end, "cases of", &ms, &me);
}

/* Hits that yield no event of their own: posts deployed are a base, not a
 * deployment; blame beside the violence it is about is that violence. */
/* No comma or semicolon between two hits: the same clause. */
static bool no_break(const char *t, hit a, hit b)
{
    size_t from = a.end < b.end ? a.end : b.end, to = a.start > b.start ? a.start : b.start;
    for (size_t i = from; i < to; i++)
        if (t[i] == ',' || t[i] == ';')
            return false;
    return true;
}

static bool dropped(const char *t, const hit *hits, size_t nh, size_t h)
{
    const char *type = hits[h].tr->type;
    if (strcmp(type, "military.deployment") == 0 &&
        type_present(hits, nh, "military.base_established"))
        return true;
    /* blame beside the violence it is about is that violence, unless the
     * violence is what the blame names ("accused each other of shelling
     * the plant"): then both are kept, the violence as alleged */
    if (strcmp(type, "statement.accusation") == 0 && violence_present(hits, nh)) {
        bool names_it = false;
        for (size_t k = 0; k < nh; k++)
            if (k != h && hits[k].start > hits[h].end && no_break(t, hits[h], hits[k]) &&
                (strncmp(hits[k].tr->type, "conflict.", 9) == 0 ||
                 strncmp(hits[k].tr->type, "civilians.", 10) == 0))
                names_it = true;
        if (!names_it)
            return true;
    }
    /* "condemned the mortar attack": the attack was reported before; the
     * condemnation is the event */
    if (strncmp(type, "conflict.", 9) == 0 || strncmp(type, "civilians.", 10) == 0) {
        size_t b = hits[h].start;
        bool definite = b >= 4 && strncmp(t + b - 4, "the ", 4) == 0;
        if (!definite && b >= 5) {
            size_t w = b - 1;
            while (w > 0 && t[w - 1] != ' ')
                w--;
            definite = w >= 4 && strncmp(t + w - 4, "the ", 4) == 0;
        }
        for (size_t k = 0; definite && k < h; k++)
            if ((strcmp(hits[k].tr->type, "statement.accusation") == 0 ||
                 strcmp(hits[k].tr->type, "statement.denial") == 0) &&
                hits[k].end <= hits[h].start && no_break(t, hits[k], hits[h]))
                return true;
    }
    /* "would not tolerate" beside a threat or demand is that statement */
    if (strcmp(type, "statement.position") == 0)
        for (size_t k = 0; k < nh; k++)
            if (strncmp(hits[k].tr->type, "statement.", 10) == 0 &&
                strcmp(hits[k].tr->type, "statement.position") != 0 && no_break(t, hits[k], hits[h]))
                return true;
    /* "captured the town": territory, not people */
    if (strcmp(type, "civilians.abduction") == 0)
        for (size_t k = 0; k < nh; k++)
            if (strcmp(hits[k].tr->type, "conflict.territory_taken") == 0 &&
                hits[k].start < hits[h].end && hits[h].start < hits[k].end)
                return true;
    /* "a mortar round that children had found exploded": old ordnance, not
     * shelling */
    if (strcmp(type, "conflict.shelling") == 0)
        for (size_t k = 0; k < nh; k++)
            if (strcmp(hits[k].tr->type, "conflict.mine_explosion") == 0 &&
                (strcmp(hits[k].tr->phrase, "exploded") == 0 ||
                 strcmp(hits[k].tr->phrase, "went off") == 0) &&
                no_break(t, hits[h], hits[k]))
                return true;
    /* "prisoners were handed over": an exchange, not a transfer of land */
    if (strcmp(type, "territory.transfer") == 0)
        for (size_t k = 0; k < nh; k++)
            if (strcmp(hits[k].tr->type, "humanitarian.prisoner_exchange") == 0 &&
                hits[k].start < hits[h].end && hits[h].start < hits[k].end)
                return true;
    /* "called on the rebels to release the hostages", "demanded the
     * withdrawal of foreign troops": what is demanded has not happened */
    if (strncmp(type, "statement.", 10) != 0 && hits[h].start >= 4 &&
        (strncmp(t + hits[h].start - 3, "to ", 3) == 0 ||
         strncmp(t + hits[h].start - 4, "the ", 4) == 0))
        for (size_t k = 0; k < h; k++)
            if (strcmp(hits[k].tr->type, "statement.demand") == 0 && no_break(t, hits[k], hits[h]))
                return true;
    /* a bare "killed" names violence only where no other trigger does:
     * "Russian shelling killed three", "clashes killed 12" are that event */
    if (hits[h].tr->flags & TRIG_NEED_FORCE_BEFORE)
        for (size_t k = 0; k < nh; k++)
            if (k != h && !(hits[k].tr->flags & TRIG_NEED_FORCE_BEFORE) &&
                violent_type(hits[k].tr->type) && no_break(t, hits[k], hits[h]) &&
                !(hits[k].start < hits[h].end && hits[h].start < hits[k].end))
                return true;
    /* "refugees had arrived in Adre": people arriving, not a deployment;
     * "200 fighters surrendered to the army": fighters laying down arms,
     * not a transfer of land */
    if (strcmp(type, "military.deployment") == 0 || strcmp(type, "territory.transfer") == 0)
        for (size_t k = 0; k < nh; k++)
            if ((strncmp(hits[k].tr->type, "humanitarian.", 13) == 0 ||
                 strcmp(hits[k].tr->type, "military.demobilization") == 0) &&
                hits[k].start < hits[h].end && hits[h].start < hits[k].end)
                return true;
    /* "demonstrators torched a police station": a riot, neither an attack
     * on civilians nor a peaceful protest */
    if ((strcmp(type, "civilians.attack") == 0 || strcmp(type, "protest.demonstration") == 0))
        for (size_t k = 0; k < nh; k++)
            if (strcmp(hits[k].tr->type, "riot.violent") == 0 && no_break(t, hits[k], hits[h]) &&
                (strcmp(type, "protest.demonstration") == 0 ||
                 (hits[k].start < hits[h].end && hits[h].start < hits[k].end)))
                return true;
    /* "protesters clashed with police": a riot, not a battle */
    if (strcmp(type, "conflict.armed_clash") == 0 && type_present(hits, nh, "riot.violent"))
        for (size_t k = 0; k < nh; k++)
            if (strcmp(hits[k].tr->type, "riot.violent") == 0 && hits[k].start < hits[h].end &&
                hits[h].start < hits[k].end)
                return true;
    /* "Protesters blocked the road, demanding that ...": the protest's own
     * demand, not a statement of its own */
    if (strcmp(type, "statement.demand") == 0 && strncmp(t + hits[h].start, "demanding", 9) == 0)
        for (size_t k = 0; k < h; k++)
            if (strncmp(hits[k].tr->type, "protest.", 8) == 0)
                return true;
    /* "troops began returning to their bases": a withdrawal, not a return
     * of the displaced */
    if (strcmp(type, "humanitarian.return") == 0)
        for (size_t k = 0; k < nh; k++)
            if (strcmp(hits[k].tr->type, "military.withdrawal") == 0 &&
                hits[k].start < hits[h].end && hits[h].start < hits[k].end)
                return true;
    /* "returned home from captivity in an exchange": the exchange */
    if (strcmp(type, "humanitarian.return") == 0 &&
        type_present(hits, nh, "humanitarian.prisoner_exchange"))
        return true;
    /* "targeting civilians with artillery": the weapon names the event, the
     * civilians are its target */
    if (strcmp(type, "civilians.attack") == 0)
        for (size_t k = 0; k < nh; k++)
            if ((strcmp(hits[k].tr->type, "conflict.shelling") == 0 ||
                 strcmp(hits[k].tr->type, "conflict.air_strike") == 0) &&
                no_break(t, hits[h], hits[k]))
                return true;
    /* "gunmen opened fire on civilians": an attack on civilians, not a clash */
    if (strcmp(type, "conflict.armed_clash") == 0)
        for (size_t k = 0; k < nh; k++)
            if (strcmp(hits[k].tr->type, "civilians.attack") == 0 &&
                hits[k].start < hits[h].end && hits[h].start < hits[k].end)
                return true;
    return false;
}

/* A later hit b of a's type tells the same event: no comma or semicolon
 * between them, b a verb right after ", and", or b a participle right
 * after the comma (", blocking roads into the town"). */
static bool goes_on(const char *t, truce_span s, hit a, hit b)
{
    size_t br = clause_break(t, a.end, b.start);
    if (br == b.start)
        return true;
    /* "shot dead nine men, including a farmer, and set fire to 40 houses":
     * a verb of the same subject after ", and" */
    if (b.start >= s.start + 6 && strncmp(t + b.start - 6, ", and ", 6) == 0 &&
        br == b.start - 5)
        return true;
    size_t we = b.start;
    while (we < b.end && t[we] != ' ')
        we++;
    return br == b.start - 1 && b.start >= s.start + 2 && t[b.start - 2] == ',' &&
           we >= b.start + 4 && strncmp(t + we - 3, "ing", 3) == 0;
}

static bool yielded(const hit *hits, const bool *keep, size_t p)
{
    return !keep[p] && (hits[p].tr->flags & TRIG_NEED_FORCE_BEFORE);
}

static bool ends_with_question(const char *t, truce_span s)
{
    size_t e = s.end;
    while (e > s.start && (t[e - 1] == ' ' || t[e - 1] == '\n' || t[e - 1] == '"'))
        e--;
    if (e >= s.start + 3 && (unsigned char)t[e - 3] == 0xE2 && (unsigned char)t[e - 2] == 0x80 &&
        (unsigned char)t[e - 1] == 0x9D)
        e -= 3;
    return e > s.start && t[e - 1] == '?';
}

int truce_extract_events(truce_arena *a, const truce_extract_input *in, truce_event_list *out,
                         truce_error *err)
{
    out->items = NULL;
    out->n = 0;
    if (!in || !in->reading || !in->text)
        return truce_error_set(err, TRUCE_EUSAGE, NULL, -1, "extract: no reading given");
    const truce_reading *r = in->reading;
    size_t cap = 0;
    bool open = false;
    bool prev_colon = false;
    long prev_events_sentence = -2; /* no sentence before the first one */
    size_t prev_first = 0;
    ex_context ctx;
    ex_context_init(&ctx, in);
    if (ex_context_index(&ctx, a))
        return truce_error_set(err, TRUCE_ENOMEM, NULL, -1, "extract: out of memory");
    int frc = ex_finder_new(a, in->text, in->len, &ctx.fx);
    if (frc)
        return truce_error_set(err, frc, NULL, -1,
                               frc == TRUCE_ENOMEM ? "extract: out of memory"
                                                   : "extract: text too large to index");
    trigger_index tindex;
    int trc = trigger_index_build(a, &tindex);
    if (trc)
        return truce_error_set(err, trc, NULL, -1, "extract: cannot index the trigger lexicon");

    for (uint32_t si = 0; si < r->sentences.n; si++) {
        const truce_sentence *sent = &r->sentences.items[si];
        truce_span s = sent->span;
        quote_info q = scan_quotes(ctx.fx, s, open);
        open = q.open_after;
        bool colon_before = prev_colon;
        prev_colon = ends_with_colon(in->text, s);
        if (in->skipped && truce_regions_overlap(in->skipped, s)) {
            open = false;
            continue;
        }
        /* headlines repeat the body; a quoted line after a colon is speech */
        if ((sent->flags & TRUCE_SENT_HEADLINE) && !(q.quoted && colon_before))
            continue;
        if (q.quoted && !q.attributed && !colon_before)
            continue;

        /* "In total, ...", "39 of them ...": figures for the previous event. */
        size_t cs, ce;
        if (prev_events_sentence == (long)si - 1 &&
            ex_fx_find_any(ctx.fx, s.start, s.start + 40 < s.end ? s.start + 40 : s.end,
                        TRUCE_CUE_CONTINUATION, &cs, &ce)) {
            int rc = ex_add_figures(a, &ctx, &out->items[prev_first], si, s);
            if (rc)
                return truce_error_set(err, rc, NULL, (long long)s.start, "extract: out of memory");
            ex_note_sentence(&ctx, si, q.quoted);
            continue;
        }

        hit hits[32];
        size_t nh;
        find_hits(&ctx, &tindex, si, s, hits, &nh, 32);
        /* a question names no event */
        if (ends_with_question(in->text, s))
            nh = 0;
        size_t first_new = out->n;
        bool keep[32];
        for (size_t h = 0; h < nh; h++)
            keep[h] = !dropped(in->text, hits, nh, h);
        for (size_t h = 0; h < nh; h++) {
            const char *type = hits[h].tr->type;
            if (!keep[h])
                continue;
            if (told_before(in->text, s.start, hits[h].start, hits[h].end, s.end, out, first_new, type)) {
                keep[h] = false;
                continue;
            }
            /* one event per type per clause: a later hit of the same type
             * opens a new clause only past a comma */
            /* a bare "killed" that yielded to another trigger is not there */
            bool merged = false;
            for (size_t p = 0; p < h; p++)
                if (strcmp(hits[p].tr->type, type) == 0 && !yielded(hits, keep, p) &&
                    goes_on(in->text, s, hits[p], hits[h]))
                    merged = true;
            if (merged)
                continue;
            /* clause: from the comma after the previous same-type hit to the
             * comma before the next one */
            truce_span clause = s;
            for (size_t p = 0; p < h; p++)
                if (strcmp(hits[p].tr->type, type) == 0 && !yielded(hits, keep, p))
                    clause.start = clause_break(in->text, hits[p].end, hits[h].start);
            for (size_t n2 = h + 1; n2 < nh; n2++)
                if (strcmp(hits[n2].tr->type, type) == 0 && !yielded(hits, keep, n2) &&
                    !goes_on(in->text, s, hits[h], hits[n2])) {
                    size_t br = clause_break(in->text, hits[h].end, hits[n2].start);
                    if (br < hits[n2].start) {
                        clause.end = br;
                        break;
                    }
                }
            /* events of other types split the sentence too, at the first
             * comma or semicolon between their triggers: "Jets struck X
             * overnight, after missiles were fired at Y" */
            for (size_t p = 0; p < h; p++)
                if (keep[p] && strcmp(hits[p].tr->type, type) != 0 && hits[p].end <= hits[h].start) {
                    size_t br = clause_break(in->text, hits[p].end, hits[h].start);
                    if (br >= hits[h].start)
                        br = and_break(in->text, hits[p].end, hits[h].start);
                    if (br < hits[h].start && br > clause.start)
                        clause.start = br;
                }
            for (size_t n2 = h + 1; n2 < nh; n2++)
                if (keep[n2] && strcmp(hits[n2].tr->type, type) != 0 &&
                    hits[n2].start >= hits[h].end) {
                    size_t br = clause_break(in->text, hits[h].end, hits[n2].start);
                    if (br >= hits[n2].start)
                        br = and_break(in->text, hits[h].end, hits[n2].start);
                    if (br < hits[n2].start && br < clause.end) {
                        clause.end = br;
                        break;
                    }
                }
            truce_event *ev;
            if (push_event(a, out, &cap, &ev))
                return truce_error_set(err, TRUCE_ENOMEM, NULL, (long long)s.start,
                                       "extract: out of memory");
            ev->type = type;
            /* one string per trigger and document, shared by its events */
            const trigger *tr = hits[h].tr;
            const char **rule = &tindex.rule[tr - TRUCE_TRIGGERS];
            if (!*rule)
                *rule = tr->need ? ex_cat(a, "trigger \"", tr->phrase, "\" with \"", tr->need,
                                          "\" in the sentence", (char *)NULL)
                                 : ex_cat(a, "trigger \"", tr->phrase, "\"", (char *)NULL);
            ev->type_rule = *rule;
            if (!ev->type_rule)
                return truce_error_set(err, TRUCE_ENOMEM, NULL, -1, "extract: out of memory");
            ev->trigger.start = hits[h].start;
            ev->trigger.end = hits[h].end;
            ev->sentence = si;
            ev->evidence = s;
            int rc = ex_fill(a, &ctx, ev, clause, q.quoted, colon_before);
            if (rc)
                return truce_error_set(err, rc, NULL, (long long)s.start, "extract: out of memory");
            if (uncounted_cases(ctx.fx, ev))
                out->n--;
            else
                ex_note_event(&ctx, ev);
        }
        /* "... were delivered to X": a sentence without events of its own that
         * repeats the previous event's verb elaborates that event */
        if (out->n == first_new && prev_events_sentence == (long)si - 1) {
            truce_event *pe = &out->items[prev_first];
            size_t vl = 0;
            while (pe->trigger.start + vl < pe->trigger.end && in->text[pe->trigger.start + vl] != ' ')
                vl++;
            char verb[40];
            /* only a past-tense verb ("delivered") is distinctive enough */
            if (vl >= 5 && vl < sizeof verb && in->text[pe->trigger.start + vl - 1] == 'd' &&
                in->text[pe->trigger.start + vl - 2] == 'e') {
                memcpy(verb, in->text + pe->trigger.start, vl);
                verb[vl] = 0;
                size_t vs, ve;
                if (ex_fx_find_text(ctx.fx, s.start, s.end, verb, &vs, &ve)) {
                    int rc = ex_elaborate(a, &ctx, pe, si, s);
                    if (rc)
                        return truce_error_set(err, rc, NULL, (long long)s.start,
                                               "extract: out of memory");
                }
            }
        }
        if (out->n > first_new) {
            prev_events_sentence = si;
            prev_first = out->n - 1;
        }
        ex_note_sentence(&ctx, si, q.quoted);
    }
    return TRUCE_OK;
}
