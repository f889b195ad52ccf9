/*
 * extract/fields.c: fills the fields of one event from the mentions of its
 * clause and sentence, falling back to what earlier sentences established.
 * Owns nothing beyond strings and the per-sentence index of the mention
 * lists put in the caller's arena. Every field gets the name of the rule that
 * chose it.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/ascii.h"
#include "extract/fields.h"

static int precision_rank(truce_place_precision p);
static int words_between(const char *t, size_t a, size_t b);
static bool violent(const char *type);
static bool in_dateline(ex_context *c, uint32_t si, truce_span m);
static bool unlisted_place(ex_context *c, const truce_event *ev, truce_span clause,
                           truce_span *out, bool *settlement, bool *apposed);
static inline bool preceded_by(const char *t, size_t sent_start, size_t pos, const char *word);
static bool preceded_by_word(const char *t, size_t sent_start, size_t pos, const char *word);
/* A place the actor reader contradicts is no scene: words inside an
 * organisation's or a person's name ("Human Rights Ombudsman"), or a state's
 * name resolved to a town of another country. */
static bool place_ok(const ex_context *c, const truce_place_mention *p)
{
    const truce_reading *r = c->in->reading;
    size_t lo, hi;
    ex_mentions_of(c, c->actors_at, r->actors.n, p->sentence, &lo, &hi);
    for (size_t i = lo; i < hi; i++) {
        const truce_actor_mention *m = &r->actors.items[i];
        if (m->sentence != p->sentence || m->span.end <= p->span.start ||
            p->span.end <= m->span.start)
            continue;
        if (m->kind == TRUCE_ACTOR_STATE) {
            if (m->country[0] && p->country[0] && strcmp(m->country, p->country) != 0)
                return false;
            continue;
        }
        /* a place inside a name: "Fano militia", "Tigray Defense Forces" */
        if (m->kind == TRUCE_ACTOR_ORGANISATION || m->kind == TRUCE_ACTOR_OFFICIAL ||
            m->kind == TRUCE_ACTOR_MEDIA ||
            ((m->kind == TRUCE_ACTOR_GROUP || m->kind == TRUCE_ACTOR_MILITARY) &&
             !(m->rule && strncmp(m->rule, "demonym", 7) == 0) && m->span.start == p->span.start))
            return false;
    }
    return true;
}

/* Adds a hit to the slot that began at `first`, kept ordered by start, then
 * by list order. False, with the slot emptied, when the cache is full: the
 * caller then searches without it. */
static bool cue_hit_add(ex_context *c, size_t first, size_t s0, size_t e0, size_t k)
{
    if (c->cue_nhits == sizeof c->cue_hits / sizeof c->cue_hits[0]) {
        c->cue_nhits = first;
        return false;
    }
    size_t j = c->cue_nhits++;
    while (j > first && (c->cue_hits[j - 1].s > s0 || (c->cue_hits[j - 1].s == s0 && c->cue_hits[j - 1].k > k))) {
        c->cue_hits[j] = c->cue_hits[j - 1];
        j--;
    }
    c->cue_hits[j].s = (uint32_t)s0;
    c->cue_hits[j].e = (uint32_t)e0;
    c->cue_hits[j].k = (uint16_t)k;
    return true;
}

/* ex_find_any over [from, to) of sentence si, answered from every match of
 * the list in that sentence, found on the first query. Several events of a
 * sentence ask the same lists again and again (reporting verbs, hedges,
 * plans, place cues). Same answer as ex_find_any: the earliest match, the
 * earlier phrase of the list on a tie. */
static const char *cue_find_any(ex_context *c, uint32_t si, const char *const *list, size_t from,
                                size_t to, size_t *ms, size_t *me)
{
    const char *t = c->in->text;
    truce_span S = c->in->reading->sentences.items[si].span;
    ex_finder *fx = c->fx;
    if (c->cue_sentence != (long)si) {
        c->cue_sentence = si;
        c->cue_nslots = 0;
        c->cue_nhits = 0;
        c->cue_w0 = ex_word_at(fx, S.start);
        c->cue_w1 = ex_word_at(fx, S.end);
        c->ws_all = c->cue_w1 - c->cue_w0 <= 1024;
        c->cue_chained = false;
    }
    size_t slot = c->cue_nslots;
    for (size_t k = 0; k < c->cue_nslots; k++)
        if (c->cue_list[k] == list)
            slot = k;
    if (slot == c->cue_nslots) {
        if (slot == sizeof c->cue_list / sizeof c->cue_list[0])
            return ex_fx_find_any(fx, from, to, list, ms, me);
        size_t first = c->cue_nhits;
        const ex_list_info *L = ex_list_get(fx, list);
        bool fast = L && L->fast;
        for (size_t k = 0; !fast && list[k]; k++) {
            unsigned char f0 = (unsigned char)list[k][0];
            if (!(isalnum(f0) || f0 >= 0x80))
                return ex_fx_find_any(fx, from, to, list, ms, me);
        }
        if (!c->ws_all)
            return ex_fx_find_any(fx, from, to, list, ms, me);
        if (fast && !c->cue_chained) {
            memset(c->cue_whead, 0xFF, sizeof c->cue_whead);
            for (size_t w = c->cue_w1; w-- > c->cue_w0;) {
                unsigned char b = (unsigned char)(fx->key[w] & 0xFF);
                c->cue_wnext[w - c->cue_w0] = c->cue_whead[b];
                c->cue_whead[b] = (uint16_t)(w - c->cue_w0);
            }
            c->cue_chained = true;
        }
        /* only the words that begin like some phrase: each is tried with
         * those phrases in list order, and the slot is kept ordered by
         * start, then by list order */
        for (size_t f = 0; fast && f < L->n_firsts; f++) {
            unsigned char b = L->firsts[f];
            for (uint16_t x = c->cue_whead[b]; x != 0xFFFF; x = c->cue_wnext[x]) {
                size_t w = c->cue_w0 + x;
                uint64_t key = fx->key[w];
                for (size_t k = L->head[b]; k != EX_NONE; k = L->next[k]) {
                    if ((key & L->mask[k]) != L->pfx[k])
                        continue;
                    size_t s0 = fx->pos[w], e0 = ex_match_keyed(t, S.end, s0, list[k], L->lit[k]);
                    if (!e0)
                        continue;
                    if (!cue_hit_add(c, first, s0, e0, k))
                        return ex_fx_find_any(fx, from, to, list, ms, me);
                }
            }
        }
        /* a list not prepared: word by word, each phrase in list order */
        for (size_t w = c->cue_w0; !fast && w < c->cue_w1; w++) {
            uint64_t key = fx->key[w];
            for (size_t k = 0; list[k]; k++) {
                size_t lit;
                uint64_t mask, pk = ex_phrase_key(list[k], &mask, &lit);
                if ((key & mask) != pk)
                    continue;
                size_t s0 = fx->pos[w], e0 = ex_match_keyed(t, S.end, s0, list[k], lit);
                if (!e0)
                    continue;
                if (!cue_hit_add(c, first, s0, e0, k))
                    return ex_fx_find_any(fx, from, to, list, ms, me);
            }
        }
        c->cue_list[slot] = list;
        c->cue_first[slot] = (uint16_t)first;
        c->cue_count[slot] = (uint16_t)(c->cue_nhits - first);
        c->cue_nslots++;
    }
    for (size_t h = c->cue_first[slot]; h < (size_t)c->cue_first[slot] + c->cue_count[slot]; h++)
        if (c->cue_hits[h].s >= from && c->cue_hits[h].e <= to) {
            *ms = c->cue_hits[h].s;
            *me = c->cue_hits[h].e;
            return list[c->cue_hits[h].k];
        }
    return NULL;
}

char *ex_cat(truce_arena *a, ...)
{
    va_list ap;
    size_t n = 0;
    va_start(ap, a);
    for (const char *p; (p = va_arg(ap, const char *));)
        n += strlen(p);
    va_end(ap);
    char *out = truce_arena_alloc(a, n + 1), *w = out;
    if (!out)
        return NULL;
    va_start(ap, a);
    for (const char *p; (p = va_arg(ap, const char *));) {
        size_t l = strlen(p);
        memcpy(w, p, l);
        w += l;
    }
    va_end(ap);
    *w = 0;
    return out;
}

void ex_context_init(ex_context *c, const truce_extract_input *in)
{
    memset(c, 0, EX_CONTEXT_CLEARED);
    c->in = in;
    c->prev_sentence = -1;
    c->unlisted_sentence = -1;
    c->claim_sentence = -1;
    c->cue_sentence = -1;
    c->dl_sentence = -1;
    const truce_reading *r = in->reading;
    for (size_t i = 0; r && i < r->places.n && !c->dateline_place; i++) {
        const truce_place_mention *p = &r->places.items[i];
        if (p->precision == TRUCE_PLACE_POINT && p->sentence < r->sentences.n &&
            in_dateline(c, p->sentence, p->span))
            c->dateline_place = p;
    }
}

/* The `at` index of one mention list (items of `stride` bytes, their
 * sentence number at offset `off`); *out stays NULL when the list is not
 * ordered by sentence. */
static int by_sentence(truce_arena *a, size_t n_sent, const void *items, size_t n, size_t stride,
                       size_t off, const uint32_t **out)
{
    *out = NULL;
    const unsigned char *b = items;
    uint32_t prev = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t si;
        memcpy(&si, b + i * stride + off, sizeof si);
        if (si < prev || si >= n_sent)
            return TRUCE_OK;
        prev = si;
    }
    uint32_t *at = truce_arena_alloc(a, (n_sent + 1) * sizeof *at);
    if (!at)
        return TRUCE_ENOMEM;
    size_t i = 0;
    for (size_t s = 0; s <= n_sent; s++) {
        for (;;) {
            uint32_t si;
            if (i == n)
                break;
            memcpy(&si, b + i * stride + off, sizeof si);
            if (si >= s)
                break;
            i++;
        }
        at[s] = (uint32_t)i;
    }
    *out = at;
    return TRUCE_OK;
}

int ex_context_index(ex_context *c, truce_arena *a)
{
    const truce_reading *r = c->in->reading;
    size_t ns = r->sentences.n;
    if (ns >= UINT32_MAX || r->dates.n >= UINT32_MAX || r->numbers.n >= UINT32_MAX ||
        r->places.n >= UINT32_MAX || r->actors.n >= UINT32_MAX)
        return TRUCE_OK; /* the whole lists, unindexed */
    int rc;
    if ((rc = by_sentence(a, ns, r->dates.items, r->dates.n, sizeof *r->dates.items,
                          offsetof(truce_date_mention, sentence), &c->dates_at)) ||
        (rc = by_sentence(a, ns, r->numbers.items, r->numbers.n, sizeof *r->numbers.items,
                          offsetof(truce_number_mention, sentence), &c->numbers_at)) ||
        (rc = by_sentence(a, ns, r->places.items, r->places.n, sizeof *r->places.items,
                          offsetof(truce_place_mention, sentence), &c->places_at)) ||
        (rc = by_sentence(a, ns, r->actors.items, r->actors.n, sizeof *r->actors.items,
                          offsetof(truce_actor_mention, sentence), &c->actors_at)))
        return rc;
    return TRUCE_OK;
}

static bool within(truce_span inner, truce_span outer)
{
    return inner.start >= outer.start && inner.end <= outer.end;
}

static size_t dist(truce_span m, truce_span t)
{
    if (m.end <= t.start)
        return t.start - m.end;
    if (m.start >= t.end)
        return m.start - t.end;
    return 0;
}

/* End of a wire dateline ("KYIV, Aug 14 (Example Wire) - ") at the start of
 * the sentence, or 0. The dateline names where and when the report was
 * filed, not where or when its events happened. */
size_t ex_dateline_end(const char *t, truce_span s)
{
    size_t i = s.start, caps = 0;
    while (i < s.end && (isupper((unsigned char)t[i]) || t[i] == '/' || t[i] == '-' ||
                         t[i] == '.' || t[i] == '\''))
        caps += isupper((unsigned char)t[i++]) != 0;
    if (caps < 3 || i >= s.end || (t[i] != ',' && t[i] != ' '))
        return 0;
    size_t lim = s.start + 90 < s.end ? s.start + 90 : s.end;
    for (size_t k = i; k + 3 <= lim; k++) {
        if (t[k] != ' ')
            continue;
        if (t[k + 1] == '-' && t[k + 2] == ' ')
            return k + 3;
        if (k + 5 <= lim && (unsigned char)t[k + 1] == 0xE2 && (unsigned char)t[k + 2] == 0x80 &&
            ((unsigned char)t[k + 3] == 0x93 || (unsigned char)t[k + 3] == 0x94) && t[k + 4] == ' ')
            return k + 5;
    }
    return 0;
}

static bool in_dateline(ex_context *c, uint32_t si, truce_span m)
{
    /* asked many times per sentence: its dateline is read once */
    if (c->dl_sentence != (long)si) {
        c->dl_sentence = si;
        c->dl_end = ex_dateline_end(c->in->text, c->in->reading->sentences.items[si].span);
    }
    return c->dl_end && m.start < c->dl_end;
}

/* A date inside a relative clause ("which was announced on November 9")
 * describes something else than the sentence's own events. */
static bool in_relative_clause(ex_finder *fx, truce_span sent, truce_span d)
{
    const char *t = fx->t;
    size_t from = sent.start;
    for (size_t i = d.start; i > sent.start; i--)
        if (t[i - 1] == ',') {
            from = i;
            break;
        }
    size_t ms, me;
    return ex_fx_find(fx, from, d.start, "which", &ms, &me);
}

/* "Two days later", "a week earlier", "the next day": a date told
 * relative to another, read as a length until the date reader places it. */
static bool relative_date(const char *t, const truce_date_mention *d)
{
    static const char *const END[] = {" later", " earlier", " afterwards", " after", " before", NULL};
    size_t n = d->span.end - d->span.start;
    for (size_t k = 0; END[k]; k++) {
        size_t l = strlen(END[k]);
        if (n > l && truce_ascii_ncase_eq(t + d->span.end - l, END[k], l))
            return true;
    }
    return n > 9 && (truce_ascii_ncase_eq(t + d->span.start, "the next ", 9) ||
                     (n > 14 && truce_ascii_ncase_eq(t + d->span.start, "the following ", 14)));
}

/* A relative date the reader could not place, longer than hours ("an hour
 * later" stays on the day told before). */
static bool unplaced_relative(ex_finder *fx, const truce_date_mention *d)
{
    const char *t = fx->t;
    size_t hs, he;
    return !d->start[0] && relative_date(t, d) &&
           !ex_fx_find(fx, d->span.start, d->span.end, "hour", &hs, &he) &&
           !ex_fx_find(fx, d->span.start, d->span.end, "hours", &hs, &he) &&
           !ex_fx_find(fx, d->span.start, d->span.end, "minutes", &hs, &he);
}

/* A position in time: a resolved date that is not a length, or a relative
 * date once the reader has placed it. */
static bool usable_date(const char *t, const truce_date_mention *d)
{
    return d->start[0] && (!d->is_duration || relative_date(t, d));
}

/* Rough length of a date range in days: only to rank finer over coarser
 * ("the end of September" over "the late 1980s"). */
static long date_width(const truce_date_mention *d)
{
    if (strlen(d->start) != 10)
        return 1L << 30;
    const char *e = strlen(d->end) == 10 ? d->end : d->start;
    long s0 = atol(d->start) * 372 + atol(d->start + 5) * 31 + atol(d->start + 8);
    long e0 = atol(e) * 372 + atol(e + 5) * 31 + atol(e + 8);
    return e0 >= s0 ? e0 - s0 : 0;
}

/* The sentence opens with "It", "They", "He" or "She". */
static bool pronoun_opens(const char *t, truce_span s)
{
    static const char *const P[] = {"It ", "They ", "He ", "She ", NULL};
    for (size_t k = 0; P[k]; k++)
        if (s.end - s.start > strlen(P[k]) && strncmp(t + s.start, P[k], strlen(P[k])) == 0)
            return true;
    return false;
}

void ex_note_sentence(ex_context *c, uint32_t si, bool quoted)
{
    const truce_reading *r = c->in->reading;
    truce_span s = r->sentences.items[si].span;
    /* the finest date of the sentence anchors what follows; background
     * ("since the late 1980s") does not */
    const truce_date_mention *pick = NULL;
    size_t lo, hi;
    ex_mentions_of(c, c->dates_at, r->dates.n, si, &lo, &hi);
    for (size_t i = lo; i < hi; i++) {
        const truce_date_mention *d = &r->dates.items[i];
        /* "today" in quoted speech is the speaker's day, not a new anchor */
        bool deictic_quote = quoted && d->basis && strncmp(d->basis, "deictic", 7) == 0;
        if (d->sentence == si && usable_date(c->in->text, d) && !d->future && !deictic_quote &&
            !in_dateline(c, si, d->span) &&
            !in_relative_clause(c->fx, s, d->span) && !d->open_end &&
            (!pick || date_width(d) <= date_width(pick)))
            pick = d;
    }
    if (pick) {
        c->run_date = pick;
        c->run_unplaced = NULL;
    } else {
        /* "Two days later, ..." unplaced: what follows is after it, date unknown */
        for (size_t i = lo; i < hi; i++)
            if (r->dates.items[i].sentence == si && !quoted &&
                unplaced_relative(c->fx, &r->dates.items[i]))
                c->run_unplaced = &r->dates.items[i];
    }
    c->prev_place = NULL;
    ex_mentions_of(c, c->places_at, r->places.n, si, &lo, &hi);
    for (size_t i = lo; i < hi; i++)
        if (r->places.items[i].sentence == si && place_ok(c, &r->places.items[i]) &&
            !in_dateline(c, si, r->places.items[i].span)) {
            if (!c->prev_place || precision_rank(r->places.items[i].precision) >=
                                      precision_rank(c->prev_place->precision))
                c->prev_place = &r->places.items[i];
            if (r->places.items[i].precision != TRUCE_PLACE_COUNTRY &&
                r->places.items[i].precision != TRUCE_PLACE_UNKNOWN)
                c->recent_place = &r->places.items[i];
        }
    /* "It accused ... . They called on ...": a sentence that opens with a
     * pronoun keeps the subject it refers to for the next one */
    const truce_actor_mention *carried =
        c->prev_sentence == (long)si - 1 && c->prev_subject && pronoun_opens(c->in->text, s)
            ? c->prev_subject : NULL;
    c->prev_subject = NULL;
    /* an unlisted name of this sentence is looked for only when a later
     * event needs it (fill_place): most sentences never need it */
    c->unlisted_sentence = (!c->prev_place || c->prev_place->precision == TRUCE_PLACE_COUNTRY)
                               ? (long)si : -1;
    ex_mentions_of(c, c->actors_at, r->actors.n, si, &lo, &hi);
    for (size_t i = lo; i < hi; i++) {
        const truce_actor_mention *m = &r->actors.items[i];
        if (m->sentence != si)
            continue;
        if (m->kind == TRUCE_ACTOR_OFFICIAL)
            c->last_official = m;
        if (!c->prev_subject && m->kind != TRUCE_ACTOR_MEDIA && m->kind != TRUCE_ACTOR_CIVILIANS &&
            !(m->rule && strncmp(m->rule, "demonym ", 8) == 0) &&
            !preceded_by(c->in->text, s.start, m->span.start, "in") &&
            !preceded_by(c->in->text, s.start, m->span.start, "In"))
            c->prev_subject = m;
    }
    if (carried)
        c->prev_subject = carried;
    c->prev_sentence = si;
    /* A sentence that introduces a quotation ("The ministry announced:")
     * names its speaker for the quoted sentence after it. */
    size_t ms, me;
    if (ex_fx_find_any(c->fx, s.start, s.end, TRUCE_CUE_REPORTING, &ms, &me)) {
        const truce_actor_mention *best = NULL;
        for (size_t i = lo; i < hi; i++) {
            const truce_actor_mention *m = &r->actors.items[i];
            if (m->sentence == si && m->span.end <= ms && m->kind != TRUCE_ACTOR_MEDIA &&
                !(m->rule && strncmp(m->rule, "demonym ", 8) == 0))
                best = m;
        }
        if (best) {
            c->prev_claimant = best->name;
            c->prev_speaker = best;
            c->prev_claimant_span = best->span;
        }
    }
}

static void set_date(truce_event *ev, const truce_date_mention *d, const char *basis, bool span)
{
    memcpy(ev->date_start, d->start, sizeof ev->date_start);
    memcpy(ev->date_end, d->end[0] ? d->end : d->start, sizeof ev->date_end);
    ev->date_precision = d->precision;
    ev->date_basis = basis;
    if (span)
        ev->date_span = d->span;
}

/* A date between a past reporting verb and its reported clause ("announced
 * on November 21 that...", "announced at the end of their December 23rd
 * rally that they would...") dates the reporting, which is in the past. */
static bool past_report_before(ex_finder *fx, size_t sent_start, truce_span d)
{
    static const char *const V[] = {"announced", "said", "stated", "declared", "reported",
                                    "told", "noted", "claimed", NULL};
    static const char *const STOP[] = {"that", "will", "would", NULL};
    size_t from = d.start > sent_start + 60 ? d.start - 60 : sent_start;
    size_t ms, me, vs = 0, ve = 0;
    bool found = false;
    /* the last reporting verb before the date */
    while (ex_fx_find_any(fx, from, d.start, V, &ms, &me)) {
        found = true;
        vs = ms;
        ve = me;
        from = me;
    }
    (void)vs;
    return found && !ex_fx_find_any(fx, ve, d.start, STOP, &ms, &me);
}

static void year_back(char *iso)
{
    if (strlen(iso) != 10)
        return;
    int y = atoi(iso);
    if (y < 1 || y > 9999)
        return;
    char buf[16];
    snprintf(buf, sizeof buf, "%04d", y - 1);
    memcpy(iso, buf, 4);
}

/* A statement whose trigger verb is in the present simple ("calls on",
 * "rejects", "accuses"). */
static bool present_statement(const char *t, const truce_event *ev)
{
    if (strncmp(ev->type, "statement.", 10) != 0)
        return false;
    size_t e = ev->trigger.start;
    while (e < ev->trigger.end && t[e] != ' ')
        e++;
    /* "I call on", "We urge": the speaker's own present */
    size_t b = ev->trigger.start;
    if (strncmp(t + b, "I ", 2) == 0 || truce_ascii_ncase_eq(t + b, "we ", 3))
        return true;
    /* "The military has denied": the present perfect speaks on the report's day */
    if ((b >= 4 && strncmp(t + b - 4, "has ", 4) == 0) || (b >= 5 && strncmp(t + b - 5, "have ", 5) == 0))
        return true;
    if ((b >= 2 && strncmp(t + b - 2, "I ", 2) == 0 && (b == 2 || !isalpha((unsigned char)t[b - 3]))) ||
        (b >= 3 && (strncmp(t + b - 3, "We ", 3) == 0 || strncmp(t + b - 3, "we ", 3) == 0) &&
         (b == 3 || !isalpha((unsigned char)t[b - 4]))))
        return true;
    return e - ev->trigger.start >= 4 && t[e - 1] == 's' && t[e - 2] != 's' && t[e - 2] != 'u';
}

/* ", the Army said in a statement on Tuesday night": a date after the
 * reporting verb that follows the event dates the report, not the event. */
static bool report_date(ex_finder *fx, const truce_event *ev, truce_span d)
{
    const char *t = fx->t;
    if (strncmp(ev->type, "statement.", 10) == 0 || d.start < ev->trigger.end)
        return false;
    static const char *const SAID[] = {"said", "says", "told", "reported", "stated", "added",
                                       "wrote", NULL};
    size_t from = d.start > ev->trigger.end + 40 ? d.start - 40 : ev->trigger.end, ms, me;
    const char *v = ex_fx_find_any(fx, from, d.start, SAID, &ms, &me);
    return v && !memchr(t + me, ',', d.start - me) && !memchr(t + me, ';', d.start - me);
}

/* A bare year between an article and a noun ("the 1991 ceasefire", "its 2020
 * offensive") names the thing, not the time of the event told around it. */
static bool attributive_year(const char *t, truce_span s, const truce_date_mention *d)
{
    static const char *const DET[] = {"the ", "The ", "its ", "their ", "a ", NULL};
    size_t b = d->span.start, e = d->span.end;
    if (e - b != 4 || !isdigit((unsigned char)t[b]) || !isdigit((unsigned char)t[b + 3]))
        return false;
    if (e + 2 > s.end || t[e] != ' ' || !islower((unsigned char)t[e + 1]))
        return false;
    for (size_t k = 0; DET[k]; k++) {
        size_t l = strlen(DET[k]);
        if (b >= s.start + l && memcmp(t + b - l, DET[k], l) == 0 &&
            (b == s.start + l || !isalnum((unsigned char)t[b - l - 1])))
            return true;
    }
    return false;
}

static int fill_date(truce_arena *a, ex_context *c, truce_event *ev, truce_span clause,
                     bool quoted)
{
    const truce_reading *r = c->in->reading;
    const truce_date_mention *best = NULL;
    bool best_in_clause = false, best_attr = false;
    truce_span sspan = r->sentences.items[ev->sentence].span;
    size_t lo, hi;
    ex_mentions_of(c, c->dates_at, r->dates.n, ev->sentence, &lo, &hi);
    for (size_t i = lo; i < hi; i++) {
        const truce_date_mention *d = &r->dates.items[i];
        if (d->sentence != ev->sentence || !usable_date(c->in->text, d) ||
            in_dateline(c, ev->sentence, d->span) ||
            report_date(c->fx, ev, d->span))
            continue;
        bool inc = within(d->span, clause);
        bool attr = attributive_year(c->in->text, sspan, d);
        if (!best || (best_attr && !attr) ||
            (attr == best_attr &&
             ((inc && !best_in_clause) ||
              (inc == best_in_clause && dist(d->span, ev->trigger) < dist(best->span, ev->trigger))))) {
            best = d;
            best_in_clause = inc;
            best_attr = attr;
        }
    }
    /* "today" inside quoted speech is the day it was said: the narrative date */
    if (best && quoted && c->run_date && best->span.end - best->span.start <= 12) {
        size_t ms, me;
        if (ex_fx_find(c->fx, best->span.start, best->span.end, "today", &ms, &me))
            best = NULL;
    }
    if (best && best->future &&
        past_report_before(c->fx, r->sentences.items[ev->sentence].span.start, best->span) &&
        c->in->doc_date && strlen(c->in->doc_date) == 10 && strlen(best->start) == 10 &&
        strncmp(best->start, c->in->doc_date, 10) > 0) {
        /* "announced on November 21 that troops will ...": the future belongs
         * to the troops; the announcement is in the past, a year earlier */
        set_date(ev, best, "date after a past reporting verb, moved back a year", true);
        year_back(ev->date_start);
        year_back(ev->date_end);
        return TRUCE_OK;
    }
    if (best) {
        const char *b = ex_cat(a, best_in_clause ? "nearest date in the clause ("
                                                 : "nearest date in the sentence (",
                               best->basis ? best->basis : "date reader", ")", (char *)NULL);
        if (!b)
            return TRUCE_ENOMEM;
        set_date(ev, best, b, true);
        return TRUCE_OK;
    }
    /* "Two days later, troops withdrew": a date of its own that the reader
     * could not place is better left unknown than taken from before */
    for (size_t i = lo; i < hi; i++) {
        const truce_date_mention *d = &r->dates.items[i];
        if (d->sentence == ev->sentence && within(d->span, clause) && unplaced_relative(c->fx, d)) {
            ev->date_precision = TRUCE_DATE_UNKNOWN;
            ev->date_basis = truce_arena_printf(a, "relative date \"%.*s\" not placed: unknown",
                                                (int)(d->span.end - d->span.start),
                                                c->in->text + d->span.start);
            return ev->date_basis ? TRUCE_OK : TRUCE_ENOMEM;
        }
    }
    /* "The Ministry calls on...", "Kinshasa accuses...": a statement in the
     * present tense is made on the day of the report */
    if (present_statement(c->in->text, ev) && c->in->doc_date && strlen(c->in->doc_date) == 10) {
        memcpy(ev->date_start, c->in->doc_date, 11);
        memcpy(ev->date_end, c->in->doc_date, 11);
        ev->date_precision = TRUCE_DATE_DAY;
        ev->date_basis = "document date (a statement in the present tense)";
        return TRUCE_OK;
    }
    if (c->run_unplaced) {
        ev->date_precision = TRUCE_DATE_UNKNOWN;
        ev->date_basis = truce_arena_printf(
            a, "after the relative date \"%.*s\" of an earlier sentence, not placed: unknown",
            (int)(c->run_unplaced->span.end - c->run_unplaced->span.start),
            c->in->text + c->run_unplaced->span.start);
        return ev->date_basis ? TRUCE_OK : TRUCE_ENOMEM;
    }
    if (c->run_date) {
        const char *b = ex_cat(a, "narrative date of an earlier sentence (",
                               c->run_date->basis ? c->run_date->basis : "date reader", ")",
                               (char *)NULL);
        if (!b)
            return TRUCE_ENOMEM;
        set_date(ev, c->run_date, b, true);
        return TRUCE_OK;
    }
    if (c->in->doc_date && strlen(c->in->doc_date) == 10) {
        memcpy(ev->date_start, c->in->doc_date, 11);
        memcpy(ev->date_end, c->in->doc_date, 11);
        ev->date_precision = TRUCE_DATE_DAY;
        ev->date_basis = "document date (no date in the clause or before it)";
    }
    return TRUCE_OK;
}

static void set_place(truce_arena *a, const char *text, truce_event *ev,
                      const truce_place_mention *p, const char *rule)
{
    ev->place_written = truce_arena_strndup(a, text + p->span.start, p->span.end - p->span.start);
    ev->place_name = p->name;
    ev->geonames_id = p->geonames_id;
    ev->lat = p->lat;
    ev->lon = p->lon;
    ev->has_coords = p->lat != 0 || p->lon != 0;
    memcpy(ev->country, p->country, 3);
    ev->place_precision = p->precision;
    ev->place_span = p->span;
    ev->place_rule = rule;
}

static int precision_rank(truce_place_precision p)
{
    switch (p) {
    case TRUCE_PLACE_POINT: return 4;
    case TRUCE_PLACE_DISTRICT: return 3;
    case TRUCE_PLACE_REGION: return 2;
    case TRUCE_PLACE_COUNTRY: return 1;
    default: return 0;
    }
}

static bool overlaps_mention(const truce_reading *r, size_t a, size_t b)
{
    for (size_t i = 0; i < r->actors.n; i++)
        if (r->actors.items[i].span.start < b && a < r->actors.items[i].span.end)
            return true;
    for (size_t i = 0; i < r->dates.n; i++)
        if (r->dates.items[i].span.start < b && a < r->dates.items[i].span.end)
            return true;
    return false;
}

static bool calendar_word(const char *t, size_t a, size_t b)
{
    /* with their lengths, so most words are refused without a comparison */
#define CW(w) {w, sizeof w - 1}
    static const struct { const char *w; size_t n; } W[] = {
        CW("January"), CW("February"), CW("March"), CW("April"), CW("May"), CW("June"),
        CW("July"), CW("August"), CW("September"), CW("October"), CW("November"),
        CW("December"), CW("Jan"), CW("Feb"), CW("Mar"), CW("Apr"), CW("Jun"), CW("Jul"),
        CW("Aug"), CW("Sep"), CW("Sept"), CW("Oct"), CW("Nov"), CW("Dec"), CW("Monday"),
        CW("Tuesday"), CW("Wednesday"), CW("Thursday"), CW("Friday"), CW("Saturday"),
        CW("Sunday"), CW("The"), CW("A"), CW("An"), CW("This"), CW("That"), CW("Its"),
        CW("Their"), CW("His"), CW("Her"), CW("Our"), CW("He"), CW("She"), CW("It"),
        CW("They"), CW("We"),
    };
#undef CW
    for (size_t k = 0; k < sizeof W / sizeof W[0]; k++)
        if (W[k].n == b - a && t[a] == W[k].w[0] && memcmp(W[k].w, t + a, b - a) == 0)
            return true;
    return false;
}

/* Capitalised words (up to three, joined by a space or hyphen) at i; returns
 * the end or 0. "Bint Jbeil", "Kafr Kila", "Zolote-4". */
static size_t proper_name_at(const char *t, size_t i, size_t end)
{
    size_t e = 0, p = i;
    for (int w = 0; w < 4 && p < end && isupper((unsigned char)t[p]); w++) {
        size_t q = p;
        while (q < end && (isalnum((unsigned char)t[q]) || (unsigned char)t[q] >= 0x80 ||
                           t[q] == '-' || t[q] == '\''))
            q++;
        if (q - p < 3 || calendar_word(t, p, q))
            break;
        e = q;
        if (q + 1 < end && t[q] == ' ' && isupper((unsigned char)t[q + 1]))
            p = q + 1;
        else
            break;
    }
    return e;
}

static bool overlaps_place(const truce_reading *r, size_t a, size_t b)
{
    for (size_t i = 0; i < r->places.n; i++)
        if (r->places.items[i].span.start < b && a < r->places.items[i].span.end)
            return true;
    return false;
}

/* The name ends in a word for a natural or built feature. */
static bool geo_head(const char *t, size_t a, size_t e)
{
    static const char *const H[] = {"Valley", "Mountains", "Mountain", "River", "Strait", "Gulf",
                                    "Sea", "Corridor", "Pass", "Heights", "Plain", "Desert",
                                    "Hills", "Island", "Islands", "Peninsula", "Basin", "Gorge",
                                    "Lake", "Plateau", "Strip", "Bank", "Highway", "Bridge",
                                    "Airport", "Dam", "Canal", "Plant", "Station", NULL};
    size_t w = e;
    while (w > a && t[w - 1] != ' ')
        w--;
    for (size_t k = 0; H[k]; k++)
        if (strlen(H[k]) == e - w && strncmp(H[k], t + w, e - w) == 0)
            return true;
    /* "the Kornidzor checkpoint" */
    static const char *const L[] = {" checkpoint", " crossing", " border crossing", " camp",
                                    " airport", " airfield", " base", " valley", " river", NULL};
    for (size_t k = 0; L[k]; k++)
        if (strncmp(t + e, L[k], strlen(L[k])) == 0 && !isalpha((unsigned char)t[e + strlen(L[k])]))
            return true;
    return false;
}

/* A place the gazetteer does not list, named after a settlement noun ("the
 * village of Shtula") or after "in", "near", "at" in the clause: kept as
 * written, without coordinates. `settlement` says which cue found it. */
static bool unlisted_place(ex_context *c, const truce_event *ev, truce_span clause,
                           truce_span *out, bool *settlement, bool *apposed)
{
    *apposed = false;
    static const char *const SETTLEMENT[] = {"village of", "villages of", "town of", "towns of",
                                             "city of", "neighbourhood of", "neighborhood of",
                                             "camp of", "township of", "settlement of",
                                             "hamlet of", "district of", "resident of",
                                             "residents of", "outskirts of", "province of",
                                             "region of", "sector of", NULL};
    static const char *const NEAR[] = {"near", "in", "at", "outside", "around", "to", "reach",
                                       "through", "via",
                                       "reached", "entered", "fled", "from", "towards",
                                       /* what is visited or taken is a place */
                                       "visited", "captured", "seized", "recaptured", "retook",
                                       "overran", "control of", "shelled", NULL};
    const char *t = c->in->text;
    const truce_reading *r = c->in->reading;
    size_t best_d = (size_t)-1;
    bool found = false;
    /* "Rubaya, a mining town in ...", "Tolbek, a village on the river":
     * the name a settlement noun describes in apposition */
    static const char *const SETTLED[] = {"town", "village", "city", "hamlet", "settlement",
                                          "camp", "suburb", "neighbourhood", "neighborhood",
                                          "port", "locality", NULL};
    for (const char *k = memchr(t + clause.start, ',', clause.end - clause.start); k;
         k = memchr(k + 1, ',', t + clause.end - (k + 1))) {
        size_t q = (size_t)(k - t);
        if (q + 4 >= clause.end || !(strncmp(t + q, ", a ", 4) == 0 || strncmp(t + q, ", an ", 5) == 0))
            continue;
        size_t p = q + (t[q + 3] == ' ' ? 4 : 5), ms, me;
        size_t lim = p + 40 < clause.end ? p + 40 : clause.end;
        if (!ex_fx_find_any(c->fx, p, lim, SETTLED, &ms, &me) || words_between(t, p, ms) > 3)
            continue;
        /* up to three capitalised words right before the comma */
        size_t b = q, first = (size_t)-1;
        for (int w = 0; w < 3 && b > clause.start; w++) {
            size_t ws = b;
            while (ws > clause.start && (isalnum((unsigned char)t[ws - 1]) ||
                                         (unsigned char)t[ws - 1] >= 0x80 || t[ws - 1] == '-'))
                ws--;
            if (ws == b || !isupper((unsigned char)t[ws]) || calendar_word(t, ws, b))
                break;
            first = ws;
            if (ws == 0 || t[ws - 1] != ' ')
                break;
            b = ws - 1;
        }
        if (first == (size_t)-1 || overlaps_mention(r, first, q) || overlaps_place(r, first, q) ||
            in_dateline(c, ev->sentence, (truce_span){first, q}))
            continue;
        truce_span cand = {first, q};
        size_t d = dist(cand, ev->trigger);
        if (d < best_d) {
            best_d = d;
            *out = cand;
            found = true;
        }
    }
    if (found) {
        *settlement = *apposed = true;
        return true;
    }
    for (int pass = 0; pass < 2 && !found; pass++) {
        const char *const *cues = pass == 0 ? SETTLEMENT : NEAR;
        {
            size_t from = clause.start, ms, me;
            while (from < clause.end &&
                   cue_find_any(c, ev->sentence, cues, from, clause.end, &ms, &me)) {
                from = ms + 1;
                /* "the villages of Kafr Kila and Aitaroun": the first of them */
                size_t p = me;
                while (p < clause.end && t[p] == ' ')
                    p++;
                bool the = false;
                if (pass == 1 && p + 4 < clause.end && strncmp(t + p, "the ", 4) == 0 &&
                    isupper((unsigned char)t[p + 4])) {
                    p += 4;
                    the = true;
                }
                size_t e = proper_name_at(t, p, clause.end);
                if (!e || overlaps_mention(r, p, e) || overlaps_place(r, p, e) ||
                    in_dateline(c, ev->sentence, (truce_span){p, e}))
                    continue;
                /* "in the Galwan Valley": after "the", only a named feature */
                if (the && !geo_head(t, p, e))
                    continue;
                truce_span cand = {p, e};
                size_t d = dist(cand, ev->trigger);
                if (d < best_d) {
                    best_d = d;
                    *out = cand;
                    found = true;
                }
            }
        }
        *settlement = pass == 0;
    }
    return found;
}

/* Sets an unlisted place as written; returns nonzero when out of memory
 * (the event then simply has no place). */
static int set_unlisted(truce_arena *a, const char *text, truce_event *ev, truce_span up,
                        const char *rule)
{
    const char *w = truce_arena_strndup(a, text + up.start, up.end - up.start);
    if (!w)
        return TRUCE_ENOMEM;
    ev->place_written = w;
    ev->place_name = w;
    ev->geonames_id = 0;
    ev->has_coords = false;
    ev->lat = ev->lon = 0;
    ev->place_precision = TRUCE_PLACE_POINT;
    ev->place_span = up;
    ev->place_rule = rule;
    return TRUCE_OK;
}

static void copy_place(truce_event *dst, const truce_event *src, const char *rule)
{
    dst->place_written = src->place_written;
    dst->place_name = src->place_name;
    dst->geonames_id = src->geonames_id;
    dst->lat = src->lat;
    dst->lon = src->lon;
    dst->has_coords = src->has_coords;
    memcpy(dst->country, src->country, 3);
    dst->place_precision = src->place_precision;
    dst->place_span = src->place_span;
    dst->place_rule = rule;
}

/* The place is named as where something happens: "in southern Lebanon",
 * "near Metula", "inside Syria" (a tie-break over a state named as actor). */
static bool locative(const char *t, truce_span p)
{
    static const char *const L[] = {"in ", "near ", "at ", "inside ", "outside ", "across ", NULL};
    size_t b = p.start;
    /* one compass or qualifying word may stand between */
    size_t w = b;
    while (w > 0 && t[w - 1] == ' ')
        w--;
    size_t w0 = w;
    while (w0 > 0 && isalpha((unsigned char)t[w0 - 1]))
        w0--;
    for (size_t k = 0; L[k]; k++) {
        size_t l = strlen(L[k]);
        if (b >= l && strncmp(t + b - l, L[k], l) == 0)
            return true;
        if (w0 >= l && w - w0 >= 5 && strncmp(t + w0 - l, L[k], l) == 0 &&
            strncmp(t + w - 3, "ern", 3) == 0)
            return true;
    }
    return false;
}

/* 1 when the place is where something came from ("fled from Karabakh",
 * "fired from Syria"): the scene is elsewhere when another place is named. */
static int origin(const char *t, truce_span p)
{
    return p.start >= 5 && strncmp(t + p.start - 5, "from ", 5) == 0;
}

/* 1 when the place is named as the container of the next one ("the
 * Khojaly region's Shushakend village", "Kherson's Bilozerka district"). */
static int container(const char *t, truce_span p)
{
    size_t i = p.end;
    static const char *const N[] = {" region", " district", " province", " oblast", " municipality",
                                    " governorate", " county", " state", NULL};
    for (size_t k = 0; N[k]; k++)
        if (strncmp(t + i, N[k], strlen(N[k])) == 0) {
            i += strlen(N[k]);
            break;
        }
    if (strncmp(t + i, "'s ", 3) == 0)
        i += 3;
    else if (strncmp(t + i, "\xE2\x80\x99s ", 5) == 0)
        i += 5;
    else
        return 0;
    return isupper((unsigned char)t[i]) ? 1 : 0;
}

/* "fled to Tbilisi": where people went, not where what made them go happened */
static bool destination(const char *t, size_t sent_start, size_t pos)
{
    static const char *const W[] = {"fled to", "flee to", "fleeing to", "evacuated to",
                                    "relocated to", "moved to", "escaped to", NULL};
    for (size_t k = 0; W[k]; k++)
        if (preceded_by_word(t, sent_start, pos, W[k]))
            return true;
    return false;
}

/* "Moscow, Baku and Yerevan signed", "Baku accused Yerevan": a capital the
 * actor reader took for its state names a government, not the scene, when it
 * is a party of a statement or agreement (not after "in", "at", "near"...)
 * or the subject right before any trigger. Returns the state's mention. */
static const truce_actor_mention *metonym(const ex_context *c, const truce_event *ev,
                                          const truce_place_mention *p)
{
    const truce_reading *r = c->in->reading;
    const char *t = c->in->text;
    size_t s0 = r->sentences.items[ev->sentence].span.start;
    size_t lo, hi;
    ex_mentions_of(c, c->actors_at, r->actors.n, p->sentence, &lo, &hi);
    for (size_t i = lo; i < hi; i++) {
        const truce_actor_mention *m = &r->actors.items[i];
        if (m->sentence != p->sentence || m->kind != TRUCE_ACTOR_STATE || !m->name ||
            m->span.start >= p->span.end || p->span.start >= m->span.end ||
            (strlen(m->name) == m->span.end - m->span.start &&
             truce_ascii_ncase_eq(m->name, t + m->span.start, strlen(m->name))) ||
            (m->rule && strncmp(m->rule, "demonym", 7) == 0))
            continue;
        static const char *const LOC[] = {"in", "In", "at", "near", "to", "from", "into",
                                          "outside", "around", "of", NULL};
        for (size_t k = 0; LOC[k]; k++)
            if (preceded_by_word(t, s0, p->span.start, LOC[k]))
                return NULL;
        /* the subject opens the sentence: nothing but other names, commas
         * and "and" before it ("Moscow, Baku and Yerevan signed") */
        bool opens = true;
        for (size_t j = s0; j < p->span.start && opens;) {
            if (!isalpha((unsigned char)t[j])) {
                j++;
                continue;
            }
            size_t we = j;
            while (we < p->span.start && isalpha((unsigned char)t[we]))
                we++;
            opens = isupper((unsigned char)t[j]) || (we - j == 3 && strncmp(t + j, "and", 3) == 0);
            j = we;
        }
        bool subject = opens && p->span.end <= ev->trigger.start &&
                       words_between(t, p->span.end, ev->trigger.start) <= 1;
        /* a party: the subject, or the object right after the verb
         * ("accused Yerevan of") */
        bool party = (strncmp(ev->type, "statement.", 10) == 0 ||
                      strncmp(ev->type, "agreement.", 10) == 0) &&
                     (opens || (p->span.start >= ev->trigger.end &&
                                words_between(t, ev->trigger.end, p->span.start) <= 1));
        return party || subject ? m : NULL;
    }
    return NULL;
}

/* "heading to the dam", "fighting near the bridge": a feature named
 * before with its own name ("the Tishreen Dam", "the Qara Qozak bridge")
 * is the scene again. The last such name before the sentence, as written. */
static bool feature_back(ex_context *c, const truce_event *ev, truce_span clause, truce_span *out)
{
    static const char *const F[] = {"the dam", "the bridge", "the airport", "the airfield",
                                    "the power plant", "the plant", "the canal", "the port",
                                    "the crossing", "the pass", NULL};
    const char *t = c->in->text;
    size_t ms, me;
    const char *f = cue_find_any(c, ev->sentence, F, clause.start, clause.end, &ms, &me);
    if (!f)
        return false;
    const char *head = f + 4;
    size_t hl = strlen(head);
    size_t s0 = c->in->reading->sentences.items[ev->sentence].span.start;
    size_t lo = s0 > 6000 ? s0 - 6000 : 0;
    for (size_t p = s0 >= hl ? s0 - hl : 0; p > lo + 1; p--) {
        if (t[p - 1] != ' ' || !truce_ascii_ncase_eq(t + p, head, hl) || isalnum((unsigned char)t[p + hl]))
            continue;
        /* up to three capitalised words right before the head */
        size_t b = p - 1, first = (size_t)-1;
        for (int w = 0; w < 3 && b > lo; w++) {
            size_t we = b, ws = b;
            while (ws > lo && (isalnum((unsigned char)t[ws - 1]) || (unsigned char)t[ws - 1] >= 0x80 ||
                               t[ws - 1] == '-'))
                ws--;
            if (ws == we || !isupper((unsigned char)t[ws]) || calendar_word(t, ws, we))
                break;
            first = ws;
            if (ws == 0 || t[ws - 1] != ' ')
                break;
            b = ws - 1;
        }
        if (first != (size_t)-1) {
            *out = (truce_span){first, p + hl};
            return true;
        }
    }
    return false;
}

/* "backed by US air strikes", "near UK positions": a country's
 * abbreviation before a noun qualifies the noun; it names no scene. */
static bool attributive_abbrev(const char *t, const truce_place_mention *p)
{
    size_t n = p->span.end - p->span.start;
    if (p->precision != TRUCE_PLACE_COUNTRY || n < 2 || n > 3 || locative(t, p->span))
        return false;
    for (size_t k = p->span.start; k < p->span.end; k++)
        if (!isupper((unsigned char)t[k]))
            return false;
    return t[p->span.end] == ' ' && islower((unsigned char)t[p->span.end + 1]);
}

static void fill_place(truce_arena *a, ex_context *c, truce_event *ev, truce_span clause)
{
    const truce_reading *r = c->in->reading;
    const truce_place_mention *best = NULL;
    bool best_in = false;
    const truce_actor_mention *capital = NULL;
    const truce_place_mention *capital_place = NULL;
    int capitals = 0;
    size_t sent0 = r->sentences.items[ev->sentence].span.start;
    /* the most precise place of the clause (else of the sentence), nearest
     * to the trigger among equals: "the village of X in Y district" is X */
    size_t lo, hi;
    ex_mentions_of(c, c->places_at, r->places.n, ev->sentence, &lo, &hi);
    for (size_t i = lo; i < hi; i++) {
        const truce_place_mention *p = &r->places.items[i];
        if (p->sentence != ev->sentence || !place_ok(c, p) ||
            in_dateline(c, ev->sentence, p->span))
            continue;
        if (strncmp(ev->type, "humanitarian.", 13) != 0 && destination(c->in->text, sent0, p->span.start))
            continue;
        if (attributive_abbrev(c->in->text, p))
            continue;
        const truce_actor_mention *cm = metonym(c, ev, p);
        if (cm) {
            if (!capital || strcmp(capital->name, cm->name) != 0)
                capitals++;
            capital_place = p;
            capital = cm;
            capital_place = p;
            continue;
        }
        bool inc = within(p->span, clause);
        int rp = precision_rank(p->precision) - container(c->in->text, p->span) -
                 origin(c->in->text, p->span),
            rb = best ? precision_rank(best->precision) - container(c->in->text, best->span) -
                            origin(c->in->text, best->span)
                      : -1;
        /* two states of equal rank: the one named as where it happens */
        bool cc = p->precision == TRUCE_PLACE_COUNTRY;
        bool lp = cc && locative(c->in->text, p->span),
             lb = cc && best && locative(c->in->text, best->span);
        bool better = !best || (inc && !best_in) ||
                      (inc == best_in &&
                       (rp > rb || (rp == rb && lp && !lb) ||
                        (rp == rb && lp == lb &&
                         dist(p->span, ev->trigger) < dist(best->span, ev->trigger))));
        if (better) {
            best = p;
            best_in = inc;
        }
    }
    /* only capitals standing for governments: one names its country, several
     * name no place */
    if (!best && capitals) {
        if (capitals == 1 && capital->country[0]) {
            ev->place_name = capital->name;
            ev->place_written = capital->name;
            memcpy(ev->country, capital->country, 3);
            ev->place_precision = TRUCE_PLACE_COUNTRY;
            ev->place_span = capital_place->span;
            ev->place_rule = "country of a capital that names its government, not the scene";
        }
        return;
    }
    truce_span up;
    bool settlement = false, apposed = false;
    bool unlisted = unlisted_place(c, ev, clause, &up, &settlement, &apposed);
    /* an unlisted name wins over a known place that is farther from the
     * trigger ("seized the town of Shasha on the road to Goma"), or over
     * a country, a region, or a place outside the clause */
    if (unlisted && (!best || !best_in || best->precision == TRUCE_PLACE_COUNTRY ||
                     (settlement && best->precision == TRUCE_PLACE_REGION) ||
                     /* "Tolbek, a village near Gomel": Gomel only says where Tolbek is */
                     (apposed && best->span.start > up.end && best->span.start < up.end + 60 &&
                      !memchr(c->in->text + up.end + 1, ',', best->span.start - up.end - 1)) ||
                     origin(c->in->text, best->span) ||
                     dist(up, ev->trigger) < dist(best->span, ev->trigger))) {
        if (set_unlisted(a, c->in->text, ev, up,
                         settlement ? "name after a settlement noun, not in the gazetteer"
                                    : "name after \"in\", \"near\", \"to\"..., not in the gazetteer"))
            return;
        if (best && best->precision == TRUCE_PLACE_COUNTRY)
            memcpy(ev->country, best->country, 3);
        return;
    }
    truce_span fb;
    if ((!best || (!best_in && best->precision != TRUCE_PLACE_POINT)) && feature_back(c, ev, clause, &fb)) {
        if (!set_unlisted(a, c->in->text, ev, fb, "a feature named before (\"the dam\"), as written"))
            return;
    }
    /* a clause without a place of its own shares the scene of the event
     * named before it in the same sentence */
    if ((!best || !best_in) && c->has_last_event_place && c->last_event_sentence == ev->sentence &&
        c->last_event_place.place_precision != TRUCE_PLACE_COUNTRY) {
        copy_place(ev, &c->last_event_place, "place of the previous clause's event");
        return;
    }
    if (best && best->precision != TRUCE_PLACE_COUNTRY) {
        set_place(a, c->in->text, ev, best,
                  best_in ? "most precise place in the clause" : "most precise place in the sentence");
        return;
    }
    /* only a country in the clause: a finer place elsewhere in the sentence */
    const truce_place_mention *finer = NULL;
    for (size_t i = lo; best && best_in && i < hi; i++) {
        const truce_place_mention *p = &r->places.items[i];
        if (p->sentence == ev->sentence && p->span.end <= clause.start && place_ok(c, p) &&
            p->precision != TRUCE_PLACE_COUNTRY &&
            p->precision != TRUCE_PLACE_UNKNOWN && !in_dateline(c, ev->sentence, p->span) &&
            (!finer || dist(p->span, ev->trigger) < dist(finer->span, ev->trigger)))
            finer = p;
    }
    if (finer) {
        set_place(a, c->in->text, ev, finer, "most precise place in the sentence");
        return;
    }
    /* what is said or who met has no scene beyond its own sentence */
    if (strncmp(ev->type, "statement.", 10) == 0 || strncmp(ev->type, "diplomacy.", 10) == 0) {
        if (best)
            set_place(a, c->in->text, ev, best,
                      best_in ? "country in the clause" : "country in the sentence");
        return;
    }
    /* a country alone, or nothing: the scene of the previous event of the
     * paragraph or of the sentence before, or of the event "the town" or
     * "the shelling" refers back to, is finer */
    uint32_t para = r->sentences.items[ev->sentence].paragraph;
    size_t ms, me;
    static const char *const BACK[] = {"the town", "the village", "the city", "the area",
                                       "the camp", "the site", "the district", NULL};
    bool back = ex_fx_find_any(c->fx, r->sentences.items[ev->sentence].span.start,
                            r->sentences.items[ev->sentence].span.end, BACK, &ms, &me) != NULL;
    /* violence refers back to the scene of the last violence */
    const truce_event *lastp = &c->last_event_place;
    bool local = c->has_last_event_place &&
                 (c->last_event_paragraph == para || c->last_event_sentence + 1 == ev->sentence);
    if (violent(ev->type) && c->has_last_violent_place &&
        ev->sentence <= c->last_violent_sentence + 4 && (back || !local))
        lastp = &c->last_violent_place;
    if (c->has_last_event_place &&
        (c->last_event_paragraph == para || c->last_event_sentence + 1 == ev->sentence || back) &&
        lastp->place_precision != TRUCE_PLACE_COUNTRY) {
        copy_place(ev, lastp, back ? "place of the event the description refers back to"
                                   : "place of the previous event");
        return;
    }
    bool prev_ok = c->prev_place && c->prev_sentence == (long)ev->sentence - 1;
    if (prev_ok && c->prev_place->precision != TRUCE_PLACE_COUNTRY) {
        set_place(a, c->in->text, ev, c->prev_place, "finest place of the previous sentence");
        return;
    }
    if (c->unlisted_sentence >= 0 && c->unlisted_sentence == (long)ev->sentence - 1 && !best) {
        truce_event probe;
        memset(&probe, 0, sizeof probe);
        probe.sentence = (uint32_t)c->unlisted_sentence;
        truce_span ps = r->sentences.items[probe.sentence].span, pu;
        probe.trigger = (truce_span){ps.start, ps.start};
        bool ps_settlement, ps_apposed;
        if (unlisted_place(c, &probe, ps, &pu, &ps_settlement, &ps_apposed) &&
            !set_unlisted(a, c->in->text, ev, pu, "name of the previous sentence, not in the gazetteer"))
            return;
    }
    if (prev_ok && !best) {
        set_place(a, c->in->text, ev, c->prev_place, "finest place of the previous sentence");
        return;
    }
    /* violence without a place of its own where violence was last reported:
     * "fighting continued near the airfield" */
    if (!best && violent(ev->type) &&
        c->has_last_violent_place && c->last_violent_place.place_precision != TRUCE_PLACE_COUNTRY &&
        ev->sentence <= c->last_violent_sentence + 4 && c->last_event_sentence != ev->sentence) {
        copy_place(ev, &c->last_violent_place, "place of the last violent event");
        return;
    }
    if (!best && c->recent_place && ev->sentence <= c->recent_place->sentence + 3) {
        set_place(a, c->in->text, ev, c->recent_place,
                  "last town or region named in the three sentences before");
        return;
    }
    if (best) {
        set_place(a, c->in->text, ev, best,
                  best_in ? "country in the clause" : "country in the sentence");
        return;
    }
    /* nothing named: where the report was filed, from its dateline */
    if (c->dateline_place)
        set_place(a, c->in->text, ev, c->dateline_place, "the dateline's place (nothing named)");
}

void ex_note_event(ex_context *c, const truce_event *ev)
{
    const truce_reading *r = c->in->reading;
    /* what was said or who met is no scene for the events after it */
    if (ev->place_name && strncmp(ev->type, "statement.", 10) != 0 &&
        strncmp(ev->type, "diplomacy.", 10) != 0) {
        copy_place(&c->last_event_place, ev, ev->place_rule);
        c->has_last_event_place = true;
        if (violent(ev->type)) {
            copy_place(&c->last_violent_place, ev, ev->place_rule);
            c->has_last_violent_place = true;
            c->last_violent_sentence = ev->sentence;
        }
        c->last_event_paragraph = r->sentences.items[ev->sentence].paragraph;
        c->last_event_sentence = ev->sentence;
    }
}

static bool starts_with_word(const char *t, truce_span s, const char *w)
{
    size_t l = strlen(w);
    return s.end - s.start > l && strncmp(t + s.start, w, l) == 0 && t[s.start + l] == ' ';
}

static int add_actor(truce_arena *a, truce_event *ev, size_t *cap, const char *text,
                     const truce_actor_mention *m, const char *role, const char *rule)
{
    const char *name = m->name;
    /* "Baku" for Azerbaijan: keep the word the report used beside the state */
    size_t wl = m->span.end - m->span.start, nl = strlen(m->name);
    bool contains = false;
    for (size_t i = 0; i + nl <= wl && !contains; i++)
        contains = truce_ascii_ncase_eq(text + m->span.start + i, m->name, nl);
    if (m->kind == TRUCE_ACTOR_STATE && !contains) {
        name = truce_arena_printf(a, "%s (%.*s)", m->name, (int)wl, text + m->span.start);
        if (!name)
            return TRUCE_ENOMEM;
    }
    for (size_t i = 0; i < ev->n_actors; i++)
        if (strcmp(ev->actors[i].name, name) == 0)
            return TRUCE_OK;
    if (ev->n_actors == *cap) {
        size_t nc = *cap ? *cap * 2 : 4;
        truce_event_actor *ni = truce_arena_grow(a, ev->actors, ev->n_actors, nc, sizeof *ni);
        if (!ni)
            return TRUCE_ENOMEM;
        ev->actors = ni;
        *cap = nc;
    }
    truce_event_actor *ea = &ev->actors[ev->n_actors++];
    memset(ea, 0, sizeof *ea);
    ea->name = name;
    ea->role = role;
    ea->kind = m->kind;
    memcpy(ea->country, m->country, 3);
    ea->span = m->span;
    ea->rule = rule;
    return TRUCE_OK;
}

static inline bool preceded_by(const char *t, size_t sent_start, size_t pos, const char *word)
{
    size_t l = strlen(word);
    if (pos < sent_start + l + 1)
        return false;
    /* memcmp: the word holds no NUL in its first l bytes, so this is the
     * strncmp test, and with a literal word it compiles to a few compares */
    return t[pos - 1] == ' ' && memcmp(t + pos - l - 1, word, l) == 0;
}

/* preceded_by, with "word" whole ("at" is not the end of "that") */
static bool preceded_by_word(const char *t, size_t sent_start, size_t pos, const char *word)
{
    size_t l = strlen(word);
    return preceded_by(t, sent_start, pos, word) &&
           (pos == sent_start + l + 1 || !isalnum((unsigned char)t[pos - l - 2]));
}

/* Words between a and b: 0 when only spaces, 1 for one word, and so on;
 * 99 when punctuation intervenes. */
static bool actor_before(const ex_context *c, uint32_t si, size_t from, size_t to)
{
    const truce_reading *r = c->in->reading;
    size_t lo, hi;
    ex_mentions_of(c, c->actors_at, r->actors.n, si, &lo, &hi);
    for (size_t i = lo; i < hi; i++) {
        const truce_actor_mention *m = &r->actors.items[i];
        if (m->sentence == si && m->span.start >= from && m->span.end <= to &&
            m->kind != TRUCE_ACTOR_MEDIA)
            return true;
    }
    return false;
}

static int words_between(const char *t, size_t a, size_t b)
{
    int n = 0;
    bool in = false;
    for (size_t i = a; i < b; i++) {
        unsigned char ch = (unsigned char)t[i];
        if (ch == ' ') {
            in = false;
        } else if (isalnum(ch) || ch >= 0x80 || ch == '-' || ch == '\'') {
            if (!in)
                n++;
            in = true;
        } else {
            return 99;
        }
    }
    return n;
}

/* The reporting verb ("said", "told", "announced"...) that introduces the
 * clause holding the trigger: its start, or 0 when the trigger is not
 * reported speech. "The ministry said 12 civilians had been wounded in
 * shelling": the ministry says so; it did not shell. */
static size_t reporting_before(ex_context *c, uint32_t si, truce_span clause, size_t trig)
{
    size_t from = clause.start, ms, me, found = 0;
    while (from < trig && cue_find_any(c, si, TRUCE_CUE_REPORTING, from, trig, &ms, &me)) {
        found = ms;
        from = me;
    }
    from = clause.start;
    while (from < trig && cue_find_any(c, si, TRUCE_CUE_OBSERVING, from, trig, &ms, &me)) {
        if (ms > found)
            found = ms;
        from = me;
    }
    return found;
}

static bool back_pronoun(ex_finder *fx, size_t a, size_t b)
{
    static const char *const P[] = {"its", "it", "their", "they", "we", "our", "his", "he",
                                    "her", "she", NULL};
    size_t ms, me;
    return a < b && ex_fx_find_any(fx, a, b, P, &ms, &me) != NULL;
}

/* A sentence opening with a pronoun or a bare description of a group
 * ("They", "It", "The group") refers to the previous sentence's subject. */
static bool opens_with_reference(const char *t, truce_span s)
{
    static const char *const W[] = {"They", "It", "The group", "The movement", "The militia",
                                    "The rebels", "The militants", "The fighters", NULL};
    /* every entry opens with 't' or 'i' (any case) */
    if (s.start >= s.end)
        return false;
    unsigned char c0 = truce_ascii_fold((unsigned char)t[s.start]);
    if (c0 != 't' && c0 != 'i')
        return false;
    for (size_t k = 0; W[k]; k++)
        if (ex_match_at(t, s.end, s.start, W[k]))
            return true;
    return false;
}

/* A target noun after a demonym: "Indian posts", "Armenian positions". */
static bool target_noun(const char *t, size_t e)
{
    static const char *const N[] = {"posts", "positions", "targets", "bases", "villages",
                                     "towns", "territory", "lands", "troops", "soldiers",
                                     "forces", "border", NULL};
    if (t[e] != ' ')
        return false;
    for (size_t k = 0; N[k]; k++)
        if (ex_match_at(t, e + 1 + strlen(N[k]) + 1, e + 1, N[k]))
            return true;
    return false;
}

/* "A resident told the SMM that ...": the actor right after the reporting
 * verb, before "that", is who was told. */
static bool addressee(ex_finder *fx, size_t rv, truce_span m)
{
    size_t ms, me;
    return m.start - rv < 30 && ex_fx_find(fx, m.end, m.end + 8, "that", &ms, &me);
}

static bool participle_opens(const char *t, truce_span clause)
{
    size_t i = clause.start;
    while (i < clause.end && t[i] == ' ')
        i++;
    /* "... and abducted two farmers": a coordinated verb shares the subject */
    if (i + 4 < clause.end && strncmp(t + i, "and ", 4) == 0) {
        i += 4;
        size_t e2 = i;
        while (e2 < clause.end && isalpha((unsigned char)t[e2]))
            e2++;
        if (e2 - i >= 4 && islower((unsigned char)t[i]))
            return true;
    }
    size_t e = i;
    /* "deliberately targeting": past an adverb */
    while (e < clause.end && isalpha((unsigned char)t[e]))
        e++;
    if (e - i > 4 && strncmp(t + e - 2, "ly", 2) == 0 && e < clause.end && t[e] == ' ')
        i = e + 1;
    e = i;
    while (e < clause.end && isalpha((unsigned char)t[e]))
        e++;
    return e - i >= 5 && islower((unsigned char)t[i]) && strncmp(t + e - 3, "ing", 3) == 0;
}

static bool violent(const char *type)
{
    return strncmp(type, "conflict.", 9) == 0 || strncmp(type, "civilians.", 10) == 0;
}

/* "detained by members of the X", "killed by fighters of the X": the
 * agent a few words after "by" */
static bool agent_after_by(ex_finder *fx, size_t from, size_t at)
{
    const char *t = fx->t;
    size_t ms, me;
    size_t f0 = at > from + 30 ? at - 30 : from;
    while (f0 < at && ex_fx_find(fx, f0, at, "by", &ms, &me)) {
        if (words_between(t, me, at) <= 3) {
            static const char *const P[] = {"members of", "fighters of", "units of", "soldiers of",
                                            "troops of", "militants of", "forces of", NULL};
            size_t a2, b2;
            if (words_between(t, me, at) == 0 || ex_fx_find_any(fx, me, at, P, &a2, &b2))
                return true;
        }
        f0 = me;
    }
    return false;
}

/* "in northern Mozambique": a compass word between the preposition and
 * the state */
static bool compass_place(const char *t, size_t sent_start, size_t pos)
{
    static const char *const IN_C[] = {"in northern", "in southern", "in eastern", "in western",
                                       "in central", "in north-eastern", "in north-western",
                                       "in south-eastern", "in south-western", "in northeastern",
                                       "in northwestern", "in southeastern", "in southwestern",
                                       NULL};
    static const char *const INSIDE_C[] = {"inside northern", "inside southern", "inside eastern",
                                           "inside western", "inside central",
                                           "inside north-eastern", "inside north-western",
                                           "inside south-eastern", "inside south-western",
                                           "inside northeastern", "inside northwestern",
                                           "inside southeastern", "inside southwestern", NULL};
    for (size_t k = 0; IN_C[k]; k++)
        if (preceded_by(t, sent_start, pos, IN_C[k]) || preceded_by(t, sent_start, pos, INSIDE_C[k]))
            return true;
    return preceded_by(t, sent_start, pos, "inside");
}

/* "several Syrian soldiers were killed in the shelling": the subject of a
 * passive of harm is acted on */
static bool passive_victim(ex_finder *fx, size_t from, size_t to)
{
    static const char *const P[] = {"were killed", "was killed", "were wounded", "was wounded",
                                    "were injured", "was injured", "were shot", "was shot",
                                    "died", "were detained", "was detained", "were abducted",
                                    "was abducted", "were hurt", NULL};
    size_t ms, me;
    return to > from && to - from < 60 && ex_fx_find_any(fx, from, to, P, &ms, &me) != NULL;
}

static bool np_ok(const char *t, size_t b, size_t e);

/* "Officials in Twic rejected the accusation", "Church leaders in Wamena
 * have called on...": a statement whose subject no dictionary knows is
 * made by the words before its verb, kept as written (less an article and
 * the auxiliaries and adverbs next to the verb). */
static int subject_words(truce_arena *a, ex_context *c, truce_event *ev, truce_span clause,
                         size_t *cap)
{
    static const char *const AUX[] = {"has", "have", "had", "also", "will", "would", "again",
                                      "both", "all", "jointly", "later", "then", "now", NULL};
    const char *t = c->in->text;
    truce_span s = c->in->reading->sentences.items[ev->sentence].span;
    size_t b = clause.start, e = ev->trigger.start, de = ex_dateline_end(t, s);
    if (de > b)
        b = de;
    while (b < e && (t[b] == ' ' || t[b] == '-'))
        b++;
    if (e <= b || e - b > 80 || !isupper((unsigned char)t[b]))
        return TRUCE_OK;
    for (bool cut = true; cut && e > b;) {
        cut = false;
        while (e > b && t[e - 1] == ' ')
            e--;
        size_t w = e;
        while (w > b && isalpha((unsigned char)t[w - 1]))
            w--;
        if (w == b || (w > b && t[w - 1] != ' '))
            break;
        for (size_t k = 0; AUX[k] && !cut; k++)
            cut = strlen(AUX[k]) == e - w && strncmp(t + w, AUX[k], e - w) == 0;
        cut |= e - w > 4 && strncmp(t + e - 2, "ly", 2) == 0;
        if (cut)
            e = w;
    }
    while (e > b && t[e - 1] == ' ')
        e--;
    static const char *const ART[] = {"The ", "A ", "An ", NULL};
    for (size_t k = 0; ART[k]; k++)
        if (e - b > strlen(ART[k]) && strncmp(t + b, ART[k], strlen(ART[k])) == 0)
            b += strlen(ART[k]);
    /* "No group has claimed", "Their minister visited": no one, or
     * someone the words only point back to */
    static const char *const NOT[] = {"No ", "Nobody", "None ", "Neither ", "Their ", "His ",
                                      "Her ", "Its ", "Our ", "My ", "Your ", NULL};
    for (size_t k = 0; NOT[k]; k++)
        if (e - b >= strlen(NOT[k]) && strncmp(t + b, NOT[k], strlen(NOT[k])) == 0)
            return TRUCE_OK;
    if (e <= b || !isalpha((unsigned char)t[b]) || memchr(t + b, ',', e - b) ||
        memchr(t + b, '"', e - b) || words_between(t, b, e) > 5 || !np_ok(t, b, e))
        return TRUCE_OK;
    truce_actor_mention m;
    memset(&m, 0, sizeof m);
    m.span = (truce_span){b, e};
    m.sentence = ev->sentence;
    m.kind = TRUCE_ACTOR_GROUP;
    if (!(m.name = truce_arena_strndup(a, t + b, e - b)))
        return TRUCE_ENOMEM;
    return add_actor(a, ev, cap, t, &m, "actor1",
                     "words before the statement's verb naming no known actor");
}

static int fill_actors(truce_arena *a, ex_context *c, truce_event *ev, truce_span clause)
{
    const truce_reading *r = c->in->reading;
    const char *t = c->in->text;
    ex_finder *fx = c->fx;
    size_t cap = 0;
    truce_span s = r->sentences.items[ev->sentence].span;
    bool have1 = false, have2 = false;
    int rc;
    bool says = strncmp(ev->type, "statement.", 10) == 0 || strncmp(ev->type, "diplomacy.", 10) == 0;
    size_t mediator_end = 0;
    size_t rv = says ? 0 : reporting_before(c, ev->sentence, clause, ev->trigger.start);
    /* "The rebels announced a unilateral ceasefire": who announces an
     * agreement as the verb's object is its party, not a reporter */
    size_t ts, te;
    if (rv && strncmp(ev->type, "agreement.", 10) == 0 &&
        words_between(t, rv, ev->trigger.start) <= 4 &&
        !ex_fx_find(fx, rv, ev->trigger.start, "that", &ts, &te))
        rv = 0;
    bool pron_back = rv && back_pronoun(c->fx, rv, ev->trigger.start);
    size_t ps, pe;
    bool he_subject = (starts_with_word(t, s, "He") || starts_with_word(t, s, "She")) ||
                      (clause.start < ev->trigger.start &&
                       (ex_fx_find(fx, clause.start, ev->trigger.start, "he", &ps, &pe) ||
                        ex_fx_find(fx, clause.start, ev->trigger.start, "she", &ps, &pe)) &&
                       !actor_before(c, ev->sentence, clause.start, ps));
    if (he_subject && c->last_official) {
        if ((rc = add_actor(a, ev, &cap, t, c->last_official, "actor1",
                            "pronoun: the last official named before")))
            return rc;
        have1 = true;
    } else if (opens_with_reference(t, s) && c->prev_subject &&
               c->prev_sentence == (long)ev->sentence - 1) {
        if ((rc = add_actor(a, ev, &cap, t, c->prev_subject, "actor1",
                            "pronoun or description: the subject of the sentence before")))
            return rc;
        have1 = true;
    }
    /* "..., calling on all sides to show restraint": a participial clause
     * acts with the subject of its sentence */
    size_t lo, hi;
    ex_mentions_of(c, c->actors_at, r->actors.n, ev->sentence, &lo, &hi);
    if (!have1 && clause.start > s.start && participle_opens(t, clause)) {
        for (size_t i = lo; i < hi; i++) {
            const truce_actor_mention *m = &r->actors.items[i];
            if (m->sentence != ev->sentence || m->span.end > clause.start)
                continue;
            if (m->kind == TRUCE_ACTOR_MEDIA || m->kind == TRUCE_ACTOR_CIVILIANS ||
                in_dateline(c, ev->sentence, m->span) ||
                (m->rule && strncmp(m->rule, "demonym ", 8) == 0))
                continue;
            if ((rc = add_actor(a, ev, &cap, t, m, "actor1",
                                "subject of the sentence (participial clause)")))
                return rc;
            have1 = true;
            /* "An M23 spokesman, Jean-Bosco Habimana, denied ... and
             * accused": the person in apposition speaks too */
            for (size_t j = i + 1; j < r->actors.n; j++) {
                const truce_actor_mention *o = &r->actors.items[j];
                if (o->sentence != ev->sentence || o->span.end > clause.start ||
                    o->span.start > m->span.end + 40)
                    break;
                if (o->kind == TRUCE_ACTOR_OFFICIAL &&
                    (rc = add_actor(a, ev, &cap, t, o, "other",
                                    "person in apposition to the subject (participial clause)")))
                    return rc;
            }
            break;
        }
    }
    for (size_t i = lo; i < hi; i++) {
        const truce_actor_mention *m = &r->actors.items[i];
        if (m->sentence != ev->sentence || !within(m->span, clause))
            continue;
        if (m->kind == TRUCE_ACTOR_MEDIA || in_dateline(c, ev->sentence, m->span))
            continue;
        /* "..., the Red Cross said", "according to the ministry": who says so
         * is not an actor of the event it reports */
        if (!says && ev->claimant_span.end > ev->claimant_span.start &&
            m->span.start < ev->claimant_span.end && ev->claimant_span.start < m->span.end &&
            (ev->claimant_span.start >= ev->trigger.end ||
             (ev->claimant_rule && strncmp(ev->claimant_rule, "\"according to\"", 14) == 0))) {
            if ((rc = add_actor(a, ev, &cap, t, m, "other", "claimant of the report, not its actor")))
                return rc;
            continue;
        }
        /* "targeting Indian posts": a demonym on the target after the trigger */
        if (m->rule && strncmp(m->rule, "demonym ", 8) == 0 && m->kind == TRUCE_ACTOR_STATE &&
            m->span.start >= ev->trigger.end && target_noun(t, m->span.end)) {
            if ((rc = add_actor(a, ev, &cap, t, m, have2 ? "other" : "actor2",
                                "demonym on the target after the trigger")))
                return rc;
            have2 = true;
            continue;
        }
        /* "Israeli shelling", "a Russian drone attack": a demonym on the
         * trigger noun names who acted */
        bool on_trigger = m->span.end <= ev->trigger.start &&
                          words_between(t, m->span.end, ev->trigger.start) <= 1;
        if (m->rule && strncmp(m->rule, "demonym ", 8) == 0 && m->kind == TRUCE_ACTOR_STATE) {
            if (!on_trigger)
                continue;
            /* victims named before the trigger yield actor1 to it */
            for (size_t k = 0; k < ev->n_actors; k++)
                if (strcmp(ev->actors[k].role, "actor1") == 0 &&
                    ev->actors[k].kind == TRUCE_ACTOR_CIVILIANS) {
                    ev->actors[k].role = "actor2";
                    ev->actors[k].rule = "civilians are acted on";
                    have1 = false;
                    have2 = true;
                }
            if ((rc = add_actor(a, ev, &cap, t, m, have1 ? "other" : "actor1",
                                "demonym on the trigger noun")))
                return rc;
            have1 = true;
            continue;
        }
        /* "in Armenia", "near Moscow": a state named as a place, not acting;
         * "the authorities in Tskhinvali" are its government */
        /* "fired from Syria": where the fire came from acts */
        if (m->kind == TRUCE_ACTOR_STATE && violent(ev->type) &&
            (preceded_by(t, s.start, m->span.start, "fired from") ||
             preceded_by(t, s.start, m->span.start, "launched from"))) {
            if ((rc = add_actor(a, ev, &cap, t, m, have1 ? "other" : "actor1",
                                "origin of the fire (\"fired from\")")))
                return rc;
            have1 = true;
            continue;
        }
        /* "the shelling of Tskhinvali", "an attack on Kyiv": a capital after
         * these words is the target place, not its government */
        if (m->kind == TRUCE_ACTOR_STATE && !(m->rule && strncmp(m->rule, "demonym", 7) == 0) &&
            !(strlen(m->name) == m->span.end - m->span.start &&
              truce_ascii_ncase_eq(m->name, t + m->span.start, strlen(m->name))) &&
            (preceded_by_word(t, s.start, m->span.start, "of") || preceded_by_word(t, s.start, m->span.start, "on") ||
             preceded_by_word(t, s.start, m->span.start, "at") || preceded_by_word(t, s.start, m->span.start, "over") ||
             preceded_by_word(t, s.start, m->span.start, "towards")))
            continue;
        if (m->kind == TRUCE_ACTOR_STATE &&
            (preceded_by(t, s.start, m->span.start, "in") || preceded_by(t, s.start, m->span.start, "In") ||
             preceded_by(t, s.start, m->span.start, "near") ||
             preceded_by(t, s.start, m->span.start, "from") || destination(t, s.start, m->span.start) ||
             preceded_by_word(t, s.start, m->span.start, "fled") ||
             preceded_by_word(t, s.start, m->span.start, "fleeing") ||
             compass_place(t, s.start, m->span.start)) &&
            !preceded_by(t, s.start, m->span.start, "authorities in") &&
            !preceded_by(t, s.start, m->span.start, "officials in") &&
            !preceded_by(t, s.start, m->span.start, "government in"))
            continue;
        const char *role = "other", *rule = "actor in the clause";
        if (rv && m->span.end <= rv && !pron_back) {
            role = "other";
            rule = "speaker of the report, not its actor";
        } else if (rv && m->span.start > rv && m->span.end <= ev->trigger.start &&
                   addressee(c->fx, rv, m->span)) {
            role = "other";
            rule = "addressee of the report (\"told the mission that\")";
        } else if (violent(ev->type) && m->span.end <= ev->trigger.start &&
                   passive_victim(c->fx, m->span.end, ev->trigger.start)) {
            role = have2 ? "other" : "actor2";
            rule = "subject of \"were killed\", \"was detained\"... (acted on)";
            have2 = true;
        } else if (m->kind == TRUCE_ACTOR_CIVILIANS && violent(ev->type)) {
            role = have2 ? "other" : "actor2";
            rule = "civilians are acted on";
            have2 = true;
        } else if (m->kind == TRUCE_ACTOR_CIVILIANS && strncmp(ev->type, "humanitarian.", 13) != 0 &&
                   strncmp(ev->type, "protest.", 8) != 0 && m->span.end <= ev->trigger.start) {
            role = "other";
            rule = "civilians do not make statements, meetings or military moves";
        } else if (m->span.end <= ev->trigger.start) {
            if (!have1) {
                role = "actor1";
                rule = rv && m->span.end <= rv ? "speaker referred to by a pronoun in the report"
                                               : "first actor before the trigger (subject)";
                have1 = true;
            }
        } else if (preceded_by_word(t, s.start, m->span.start, "mediation by") ||
                   preceded_by_word(t, s.start, m->span.start, "mediated by") ||
                   preceded_by_word(t, s.start, m->span.start, "brokered by") ||
                   preceded_by_word(t, s.start, m->span.start, "hosted by") ||
                   (mediator_end && m->span.start <= mediator_end + 6 &&
                    preceded_by_word(t, s.start, m->span.start, "and"))) {
            /* "following mediation by Qatar and Egypt": go-betweens */
            role = "other";
            rule = "mediator (\"mediation by\", \"brokered by\")";
            mediator_end = m->span.end;
        } else if (!have1 && m->span.start >= ev->trigger.end &&
                   preceded_by_word(t, s.start, m->span.start, "between") &&
                   words_between(t, ev->trigger.end, m->span.start) <= 1) {
            /* "a pause between Israel and Hamas": the first party */
            role = "actor1";
            rule = "first party after \"between\"";
            have1 = true;
        } else if (preceded_by(t, s.start, m->span.start, "by") ||
                   preceded_by(t, s.start, m->span.start, "by the") ||
                   agent_after_by(c->fx, ev->trigger.end, m->span.start)) {
            role = "actor1";
            rule = "agent after \"by\" (passive)";
            for (size_t k = 0; k < ev->n_actors; k++)
                if (strcmp(ev->actors[k].role, "actor1") == 0) {
                    ev->actors[k].role = "actor2";
                    ev->actors[k].rule = "subject of a passive verb";
                }
            have1 = true;
        } else if (have1 && !m->country[0] && m->kind == TRUCE_ACTOR_MILITARY &&
                   strncmp(ev->type, "military.", 9) == 0) {
            /* "The army deployed 500 troops": the troops moved, not a party */
            role = "other";
            rule = "forces the move is made with, not a party";
        } else if (!have2) {
            role = "actor2";
            rule = "first actor after the trigger (object)";
            have2 = true;
        }
        if ((rc = add_actor(a, ev, &cap, t, m, role, rule)))
            return rc;
    }
    if (says && !have1)
        return subject_words(a, c, ev, clause, &cap);
    return TRUCE_OK;
}

static const char *figure_label(ex_finder *fx, const truce_number_mention *n, const char *type)
{
    const char *t = fx->t;
    size_t from = n->what_span.end > n->span.end ? n->what_span.end : n->span.end;
    size_t to = from + 60;
    size_t ms, me;
    static const char *const KILLED[] = {"killed", "dead", "died", "deaths", "killings", NULL};
    static const char *const INJURED[] = {"injured", "injuries", "wounded", NULL};
    static const char *const FOUND[] = {"found", "discovered", "cleared", "defused", NULL};
    /* limit the look-ahead to the same clause */
    for (size_t i = from; i < to; i++)
        if (t[i] == 0 || t[i] == ',' || t[i] == ';' || t[i] == '.') {
            to = i;
            break;
        }
    if (n->what && (strstr(n->what, "injur") || strstr(n->what, "wound")))
        return "injured";
    if (ex_fx_find_any(fx, from, to, KILLED, &ms, &me))
        return "killed";
    if (ex_fx_find_any(fx, from, to, INJURED, &ms, &me))
        return "injured";
    /* "killing two civilians and wounding five": the verb before the number */
    static const char *const KILLING[] = {"killing", "killed", "kills", NULL};
    static const char *const WOUNDING[] = {"wounding", "injuring", "wounded", "injured", NULL};
    size_t b0 = n->span.start > 16 ? n->span.start - 16 : 0;
    const char *kv = ex_fx_find_any(fx, b0, n->span.start, KILLING, &ms, &me);
    size_t kme = me;
    const char *wv = ex_fx_find_any(fx, b0, n->span.start, WOUNDING, &ms, &me);
    size_t wme = me;
    bool kb = kv && words_between(t, kme, n->span.start) == 0;
    bool wb = wv && words_between(t, wme, n->span.start) == 0;
    if (wb && (!kb || wme > kme))
        return "injured";
    if (kb)
        return "killed";
    if (strcmp(type, "humanitarian.return") == 0)
        return "returned";
    /* "five missing", "14 people were detained", "displaced 3,000 residents" */
    static const char *const MISSING[] = {"missing", "unaccounted for", NULL};
    static const char *const DETAINED[] = {"detained", "arrested", "abducted", "kidnapped",
                                           "taken prisoner", "taken hostage", "captured", NULL};
    static const char *const DISPLACED[] = {"displaced", "fled", "evacuated", "have fled",
                                            "were forced to flee", NULL};
    if (ex_fx_find_any(fx, from, to, MISSING, &ms, &me))
        return "missing";
    if (ex_fx_find_any(fx, from, to, DETAINED, &ms, &me))
        return "detained";
    if (ex_fx_find_any(fx, from, to, DISPLACED, &ms, &me))
        return "displaced";
    static const char *const DETAINING[] = {"detained", "arrested", "abducted", "kidnapped",
                                            "detaining", "arresting", "abducting", NULL};
    static const char *const DISPLACING[] = {"displaced", "displacing", "evacuated",
                                             "evacuating", NULL};
    const char *dv = ex_fx_find_any(fx, b0, n->span.start, DETAINING, &ms, &me);
    if (dv && words_between(t, me, n->span.start) == 0)
        return "detained";
    dv = ex_fx_find_any(fx, b0, n->span.start, DISPLACING, &ms, &me);
    if (dv && words_between(t, me, n->span.start) == 0)
        return "displaced";
    if (ex_fx_find_any(fx, from, to, FOUND, &ms, &me))
        return "items found";
    /* "deployed 500 soldiers": a military move counts troops */
    static const char *const TROOPS[] = {"troop", "soldier", "serviceman", "servicemen",
                                         "peacekeeper", "fighter", "personnel", NULL};
    for (size_t k = 0; n->what && strncmp(type, "military.", 9) == 0 && TROOPS[k]; k++)
        if (strcmp(n->what, TROOPS[k]) == 0)
            return "troops";
    if (n->what)
        return n->what;
    return "count";
}

static bool overlaps_date(const truce_reading *r, truce_span s)
{
    for (size_t i = 0; i < r->dates.n; i++)
        if (r->dates.items[i].span.start < s.end && s.start < r->dates.items[i].span.end)
            return true;
    return false;
}

/* "39 of them", "including three children", a sentence opening "Of
 * them"/"Among them": a part of a figure already counted, not to be added to
 * it (the CSV's fatalities leave it out). */
static bool part_of_whole(ex_finder *fx, truce_span sent, truce_span n, const char *rule)
{
    const char *t = fx->t;
    static const char *const AFTER[] = {"of them", "of whom", "of these", "among them", NULL};
    static const char *const BEFORE[] = {"including", "among them", "of them", "of whom",
                                         "of these", "among whom", NULL};
    size_t ms, me;
    size_t ae = n.end + 14 < sent.end ? n.end + 14 : sent.end;
    if (ex_fx_find_any(fx, n.end, ae, AFTER, &ms, &me) && words_between(t, n.end, ms) <= 1)
        return true;
    size_t bs = n.start > sent.start + 16 ? n.start - 16 : sent.start;
    if (ex_fx_find_any(fx, bs, n.start, BEFORE, &ms, &me) && words_between(t, me, n.start) <= 1)
        return true;
    /* "Of them, 39 ...": the continuation names parts */
    return rule && strncmp(rule, "continuation", 12) == 0 &&
           ex_fx_find_any(fx, sent.start, sent.start + 20 < sent.end ? sent.start + 20 : sent.end,
                       AFTER, &ms, &me);
}

static int figures_from(truce_arena *a, ex_context *c, truce_event *ev, uint32_t si,
                        truce_span range, const char *rule)
{
    const truce_reading *r = c->in->reading;
    size_t cap = ev->n_figures;
    size_t lo, hi;
    ex_mentions_of(c, c->numbers_at, r->numbers.n, si, &lo, &hi);
    for (size_t i = lo; i < hi; i++) {
        const truce_number_mention *n = &r->numbers.items[i];
        if (n->sentence != si || !within(n->span, range) || overlaps_date(r, n->span))
            continue;
        if (ev->n_figures == cap) {
            size_t nc = cap ? cap * 2 : 4;
            truce_event_figure *ni = truce_arena_grow(a, ev->figures, ev->n_figures, nc, sizeof *ni);
            if (!ni)
                return TRUCE_ENOMEM;
            ev->figures = ni;
            cap = nc;
        }
        truce_event_figure *f = &ev->figures[ev->n_figures++];
        memset(f, 0, sizeof *f);
        f->value = n->value;
        f->value_max = n->value_max;
        f->bound = n->bound;
        f->span = n->span;
        f->what = figure_label(c->fx, n, ev->type);
        f->rule = part_of_whole(c->fx, r->sentences.items[si].span, n->span, rule)
                      ? truce_arena_printf(a, "%s; a part of a figure told before (\"of them\", \"including\")", rule)
                      : rule;
        if (!f->rule)
            return TRUCE_ENOMEM;
    }
    return TRUCE_OK;
}

int ex_add_figures(truce_arena *a, ex_context *c, truce_event *ev, uint32_t si, truce_span s)
{
    return figures_from(a, c, ev, si, s, "continuation sentence (\"in total\", \"of them\")");
}

int ex_elaborate(truce_arena *a, ex_context *c, truce_event *ev, uint32_t si, truce_span s)
{
    int rc = figures_from(a, c, ev, si, s, "sentence repeating the trigger verb");
    if (rc)
        return rc;
    /* "... were delivered to the airfields of X": the destination */
    const truce_reading *r = c->in->reading;
    size_t lo, hi;
    ex_mentions_of(c, c->places_at, r->places.n, si, &lo, &hi);
    for (size_t i = lo; i < hi; i++) {
        const truce_place_mention *p = &r->places.items[i];
        size_t ms, me;
        if (p->sentence == si && p->span.start > s.start + 4 &&
            ex_fx_find(c->fx, p->span.start > s.start + 40 ? p->span.start - 40 : s.start,
                    p->span.start, "to the", &ms, &me)) {
            set_place(a, c->in->text, ev, p, "destination in the sentence repeating the trigger verb");
            break;
        }
    }
    return TRUCE_OK;
}

static const truce_actor_mention *actor_in(const ex_context *c, uint32_t si, size_t from,
                                           size_t to, bool last)
{
    const truce_reading *r = c->in->reading;
    const truce_actor_mention *best = NULL;
    size_t lo, hi;
    ex_mentions_of(c, c->actors_at, r->actors.n, si, &lo, &hi);
    for (size_t i = lo; i < hi; i++) {
        const truce_actor_mention *m = &r->actors.items[i];
        if (m->sentence == si && m->span.start >= from && m->span.end <= to) {
            if (m->rule && strncmp(m->rule, "demonym ", 8) == 0 && m->kind == TRUCE_ACTOR_STATE)
                continue;
            best = m;
            if (!last)
                return m;
        }
    }
    return best;
}

static void set_claimant(truce_arena *a, truce_event *ev, const char *t,
                         const truce_actor_mention *m, const char *rule)
{
    (void)a;
    (void)t;
    ev->claimant = m->name;
    ev->claimant_span = m->span;
    ev->claimant_rule = rule;
}

/* Words that can name a source: one to seven words, no digits, no verb of
 * their own ("the regional governor", "local officials and residents"). */
static bool np_ok(const char *t, size_t b, size_t e)
{
    static const char *const V[] = {"was", "were", "is", "are", "had", "has", "have", "been",
                                    "be", "did", "will", "would", "could", "that", "which", "who",
                                    "it", "he", "she", "they", "we", "I", "It", "He", "She",
                                    "They", "We", NULL};
    int words = 0;
    bool in = false;
    for (size_t i = b; i < e; i++) {
        unsigned char ch = (unsigned char)t[i];
        if (isdigit(ch) || ch == '(' || ch == ')' || ch == ':' || ch == '\n')
            return false;
        if (ch == ' ') {
            in = false;
            continue;
        }
        if (!in) {
            words++;
            size_t we = i;
            while (we < e && t[we] != ' ')
                we++;
            for (size_t k = 0; V[k]; k++)
                if (strlen(V[k]) == we - i && strncmp(V[k], t + i, we - i) == 0)
                    return false;
        }
        in = true;
    }
    return words >= 1 && words <= 7 && isalpha((unsigned char)t[b]);
}

static void fill_claimant_base(truce_arena *a, ex_context *c, truce_event *ev, bool colon_before)
{
    const truce_reading *r = c->in->reading;
    const char *t = c->in->text;
    ex_finder *fx = c->fx;
    truce_span s = r->sentences.items[ev->sentence].span;
    size_t ms, me;
    const truce_actor_mention *m;
    static const char *const ACCORDING[] = {"according to", "a statement by", "a statement from",
                                            "a report by", NULL};
    if (ex_fx_find_any(fx, s.start, s.end, ACCORDING, &ms, &me)) {
        if ((m = actor_in(c, ev->sentence, me, me + 80 < s.end ? me + 80 : s.end, false)) &&
            m->span.start < me + 40) {
            set_claimant(a, ev, t, m, "\"according to\" X");
            return;
        }
        /* "according to local authorities": the words, when no actor is known */
        size_t e = me;
        while (e < s.end && e < me + 60 && t[e] != ',' && t[e] != '.' && t[e] != ';')
            e++;
        size_t b = me;
        while (b < e && t[b] == ' ')
            b++;
        if (e > b + 2 && np_ok(t, b, e) && (ev->claimant = truce_arena_strndup(a, t + b, e - b))) {
            ev->claimant_span = (truce_span){b, e};
            ev->claimant_rule = "\"according to\" + words naming no known actor";
            return;
        }
    }
    /* "X reported, citing Y", "X, citing Y, reported": X is the stretch
     * before ", citing" (less its reporting verb), not any actor earlier */
    if (ex_fx_find(fx, s.start, s.end, "citing", &ms, &me)) {
        size_t e = ms;
        while (e > s.start && (t[e - 1] == ' ' || t[e - 1] == ','))
            e--;
        size_t b = e;
        while (b > s.start && t[b - 1] != ',' && t[b - 1] != ';' && t[b - 1] != '"')
            b--;
        while (b < e && t[b] == ' ')
            b++;
        size_t vs, ve;
        if (ex_fx_find_any(fx, b, e, TRUCE_CUE_REPORTING, &vs, &ve) && ve == e) {
            e = vs;
            while (e > b && t[e - 1] == ' ')
                e--;
        }
        /* the stretch names a source, not the event ("Rebels shelled X,
         * citing witnesses, Imedi reported" is Imedi's) */
        bool source = !(ev->trigger.start >= b && ev->trigger.start < e) &&
                      words_between(t, b, e) <= 6;
        if (source && (m = actor_in(c, ev->sentence, b, e, true))) {
            set_claimant(a, ev, t, m, "X, \"citing\" others");
            return;
        }
        if (source && e > b + 2 && np_ok(t, b, e) &&
            (ev->claimant = truce_arena_strndup(a, t + b, e - b))) {
            ev->claimant_span = (truce_span){b, e};
            ev->claimant_rule = "X, \"citing\" others (words naming no known actor)";
            return;
        }
    }
    size_t from = s.start;
    while (ex_fx_find_any(fx, from, s.end, TRUCE_CUE_REPORTING, &ms, &me)) {
        size_t lo = ms > s.start + 80 ? ms - 80 : s.start;
        if ((m = actor_in(c, ev->sentence, lo, ms, true)) && m->kind != TRUCE_ACTOR_MEDIA &&
            m->kind != TRUCE_ACTOR_CIVILIANS &&
            ms - m->span.end <= 30 &&
            (!memchr(t + m->span.end, ',', ms - m->span.end) ||
             (m->rule && strstr(m->rule, "apposition") && ms - m->span.end <= 3)) &&
            !(m->kind == TRUCE_ACTOR_STATE && (preceded_by(t, s.start, m->span.start, "in") ||
                                               preceded_by(t, s.start, m->span.start, "In")))) {
            set_claimant(a, ev, t, m, "subject of a reporting verb");
            return;
        }
        if ((starts_with_word(t, (truce_span){lo, s.end}, "He") ||
             (ms >= s.start + 3 && strncmp(t + ms - 3, "he ", 3) == 0)) && c->last_official) {
            set_claimant(a, ev, t, c->last_official, "pronoun before a reporting verb");
            return;
        }
        /* "..., a camp official told Example Wire", "Witnesses said": the words
         * before the verb, back to a comma or the start */
        size_t e = ms;
        while (e > s.start && t[e - 1] == ' ')
            e--;
        size_t b = e;
        while (b > s.start && t[b - 1] != ',' && t[b - 1] != ';' && t[b - 1] != '"' &&
               (unsigned char)t[b - 1] != 0x9D)
            b--;
        while (b < e && t[b] == ' ')
            b++;
        if (e > b + 2 && np_ok(t, b, e) && (ev->claimant = truce_arena_strndup(a, t + b, e - b))) {
            ev->claimant_span = (truce_span){b, e};
            ev->claimant_rule = "words before a reporting verb naming no known actor";
            return;
        }
        from = me;
    }
    if (colon_before && c->prev_claimant) {
        ev->claimant = c->prev_claimant;
        ev->claimant_span = c->prev_claimant_span;
        ev->claimant_rule = "speaker introduced by the previous sentence (colon)";
        return;
    }
    if (c->in->source) {
        ev->claimant = c->in->source;
        ev->claimant_rule = "the outlet (nobody else named)";
    }
}

/* Who says so; "X, citing Y" names both ("Azernews, citing local media"). */
static void fill_claimant(truce_arena *a, ex_context *c, truce_event *ev, bool colon_before)
{
    fill_claimant_base(a, c, ev, colon_before);
    const char *t = c->in->text;
    ex_finder *fx = c->fx;
    truce_span s = c->in->reading->sentences.items[ev->sentence].span;
    size_t ms, me;
    if (!ev->claimant || !ev->claimant_rule || strncmp(ev->claimant_rule, "the outlet", 10) == 0 ||
        !ex_fx_find(fx, s.start, s.end, "citing", &ms, &me))
        return;
    size_t b = me, e;
    while (b < s.end && t[b] == ' ')
        b++;
    e = b;
    while (e < s.end && e < b + 60 && t[e] != ',' && t[e] != '.' && t[e] != ';')
        e++;
    const char *both;
    if (e > b + 2 && np_ok(t, b, e) &&
        (both = truce_arena_printf(a, "%s, citing %.*s", ev->claimant, (int)(e - b), t + b)))
        ev->claimant = both;
}

/* The hedge or plan that qualifies an event sits in the stretch between the
 * punctuation around its trigger, not anywhere in a long sentence. */
static truce_span local_clause(const char *t, truce_span clause, truce_span trig)
{
    truce_span l = clause;
    for (size_t i = trig.start; i > clause.start; i--)
        if (t[i - 1] == ',' || t[i - 1] == ';' || t[i - 1] == ':') {
            l.start = i;
            break;
        }
    for (size_t i = trig.end; i < clause.end; i++)
        if (t[i] == ',' || t[i] == ';' || t[i] == ':') {
            l.end = i;
            break;
        }
    return l;
}

/* "their rally that they would close...": a plan after "that" belongs to
 * the reported clause, not to the event named before it. */
static bool reported_clause_between(ex_finder *fx, size_t from, size_t to)
{
    size_t ms, me;
    return from < to && ex_fx_find(fx, from, to, "that", &ms, &me);
}

static void fill_certainty(ex_context *c, truce_event *ev, truce_span whole)
{
    const char *t = c->in->text;
    size_t ms, me;
    const char *cue;
    truce_span clause = local_clause(t, whole, ev->trigger);
    /* a hedge or a denial covers the whole clause span given; the same span
     * for several events of a sentence is read once */
    if (c->cue_span.start != whole.start || c->cue_span.end != whole.end || !c->cue_valid) {
        c->cue_denied = cue_find_any(c, ev->sentence, TRUCE_CUE_DENIED, whole.start, whole.end, &ms, &me);
        c->cue_alleged = cue_find_any(c, ev->sentence, TRUCE_CUE_ALLEGED, whole.start, whole.end, &ms, &me);
        c->cue_span = whole;
        c->cue_valid = true;
    }
    if ((cue = c->cue_denied)) {
        ev->certainty = TRUCE_CERT_DENIED;
        ev->certainty_rule = cue;
        return;
    }
    if ((cue = c->cue_alleged)) {
        ev->certainty = TRUCE_CERT_ALLEGED;
        ev->certainty_rule = cue;
        return;
    }
    static const char *const BLAME[] = {"accused", "accuses", "accusing", "blamed", "blames", NULL};
    if ((strncmp(ev->type, "conflict.", 9) == 0 || strncmp(ev->type, "civilians.", 10) == 0) &&
        (cue = cue_find_any(c, ev->sentence, BLAME, clause.start, ev->trigger.start, &ms, &me))) {
        /* "accused each other of shelling the plant" */
        ev->certainty = TRUCE_CERT_ALLEGED;
        ev->certainty_rule = "the violence is what an accusation names";
        return;
    }
    if ((cue = cue_find_any(c, ev->sentence, TRUCE_CUE_DENIED, clause.start, clause.end, &ms, &me))) {
        ev->certainty = TRUCE_CERT_DENIED;
    } else if ((cue = cue_find_any(c, ev->sentence, TRUCE_CUE_ALLEGED, clause.start, clause.end, &ms, &me))) {
        ev->certainty = TRUCE_CERT_ALLEGED;
    } else if ((cue = cue_find_any(c, ev->sentence, TRUCE_CUE_PLANNED, clause.start, clause.end, &ms, &me)) &&
               !reported_clause_between(c->fx, ev->trigger.end, ms)) {
        ev->certainty = TRUCE_CERT_PLANNED;
    } else if ((cue = cue_find_any(c, ev->sentence, TRUCE_CUE_CLAIMED, clause.start, clause.end, &ms, &me))) {
        ev->certainty = TRUCE_CERT_CLAIMED;
    } else {
        ev->certainty = TRUCE_CERT_REPORTED;
        ev->certainty_rule = "no hedge, plan or denial in the clause";
        return;
    }
    ev->certainty_rule = cue;
}

int ex_fill(truce_arena *a, ex_context *c, truce_event *ev, truce_span clause, bool quoted,
            bool colon_before)
{
    int rc;
    if ((rc = fill_date(a, c, ev, clause, quoted)))
        return rc;
    fill_place(a, c, ev, clause);
    /* who says so is the same for every event of a sentence: read it once */
    if (c->claim_sentence == (long)ev->sentence && c->claim_colon == colon_before) {
        ev->claimant = c->claim;
        ev->claimant_span = c->claim_span;
        ev->claimant_rule = c->claim_rule;
    } else {
        fill_claimant(a, c, ev, colon_before);
        c->claim_sentence = ev->sentence;
        c->claim_colon = colon_before;
        c->claim = ev->claimant;
        c->claim_span = ev->claimant_span;
        c->claim_rule = ev->claimant_rule;
    }
    if ((rc = fill_actors(a, c, ev, clause)))
        return rc;
    /* A quotation introduced by "X announced:" is X's act when nobody else acts. */
    if (colon_before && c->prev_speaker) {
        bool has1 = false;
        for (size_t i = 0; i < ev->n_actors; i++)
            has1 |= strcmp(ev->actors[i].role, "actor1") == 0;
        size_t cap = ev->n_actors;
        if (!has1 && (rc = add_actor(a, ev, &cap, c->in->text, c->prev_speaker, "actor1",
                                     "speaker who introduced the quotation")))
            return rc;
    }
    if ((rc = figures_from(a, c, ev, ev->sentence, clause, "number in the clause")))
        return rc;
    /* "The Ministry calls on...": a statement nobody else reports is its
     * speaker's own claim */
    if (strncmp(ev->type, "statement.", 10) == 0 && ev->claimant_rule &&
        strncmp(ev->claimant_rule, "the outlet", 10) == 0)
        for (size_t i = 0; i < ev->n_actors; i++)
            if (strcmp(ev->actors[i].role, "actor1") == 0) {
                ev->claimant = ev->actors[i].name;
                ev->claimant_span = ev->actors[i].span;
                ev->claimant_rule = "the speaker of the statement (nobody else reports it)";
                break;
            }
    fill_certainty(c, ev, clause);
    /* "will never accept": a statement is made now, whatever tense it speaks in */
    if (ev->certainty == TRUCE_CERT_PLANNED && strncmp(ev->type, "statement.", 10) == 0 &&
        strcmp(ev->type, "statement.intent") != 0) {
        ev->certainty = TRUCE_CERT_REPORTED;
        ev->certainty_rule = "a statement is reported even when it speaks of the future";
    }

    /* An announced future military move is a statement of intent. */
    ex_finder *fx = c->fx;
    size_t ms, me;
    if (strncmp(ev->type, "military.", 9) == 0 && ev->certainty == TRUCE_CERT_PLANNED &&
        (ex_fx_find(fx, clause.start, ev->trigger.start, "announced that", &ms, &me) ||
         ex_fx_find(fx, clause.start, ev->trigger.start, "announced on", &ms, &me) ||
         ex_fx_find(fx, clause.start, ev->trigger.start, "said that", &ms, &me))) {
        ev->type_rule = truce_arena_printf(a, "%s; announced future military move = intent",
                                           ev->type_rule);
        if (!ev->type_rule)
            return TRUCE_ENOMEM;
        ev->type = "statement.intent";
    }
    return TRUCE_OK;
}
