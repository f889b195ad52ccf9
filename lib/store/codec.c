/*
 * store/codec.c: the compact per-document blobs of the store (schema 2):
 * sentences, tokens and mentions, each one BLOB in the document's row
 * instead of one table row per item. Why: a 3 KB report has about 30
 * sentences and 100 mentions; a row each (with the 64-byte document id and an
 * index entry) cost more to write than all the reading before it.
 * Owns nothing: encoders append to the caller's buffer, decoders allocate in
 * the caller's arena. Must not change an existing blob layout: readers of
 * stores written earlier depend on it (add a new tag instead).
 *
 * Layouts (all integers are LEB128 varints, signed ones zigzag-encoded):
 *   sentences: per sentence: start - previous start (signed), length,
 *              paragraph - previous paragraph (signed), flags.
 *   tokens:    per token: gap from the previous token's end, length, kind.
 *   mentions:  per mention: tag byte (kind 0 date, 1 number, 2 place,
 *              3 actor; | 0x80 = the value is stored as JSON text), sentence,
 *              start, length, basis (string ref), then the kind's fields.
 *              A date's flags byte: 1 duration, 2 future, 4 open end, 8 a
 *              time of day follows (string ref); stores written before the
 *              time was kept never set 8 and read as before.
 *   A string ref is 0 for none, 1 for a new string (length, bytes) that
 *   joins the blob's table, or 2+i for the table's string i: basis rules and
 *   names repeat within a document and are written once.
 */
#include <stdint.h>
#include <string.h>

#include "store_impl.h"

enum { M_DATE = 0, M_NUMBER = 1, M_PLACE = 2, M_ACTOR = 3, M_JSON = 0x80 };

static const char *const KIND_NAMES[] = { "date", "number", "place", "actor" };

/* ---- primitives ---------------------------------------------------------- */

static void put_varint(truce_buf *b, uint64_t v)
{
    unsigned char tmp[10];
    size_t n = 0;
    do {
        unsigned char byte = (unsigned char)(v & 0x7F);
        v >>= 7;
        tmp[n++] = v ? (unsigned char)(byte | 0x80) : byte;
    } while (v);
    truce_buf_append(b, tmp, n);
}

static void put_svarint(truce_buf *b, int64_t v)
{
    put_varint(b, v < 0 ? ((uint64_t)(-(v + 1)) << 1) | 1 : (uint64_t)v << 1);
}

static void put_double(truce_buf *b, double d)
{
    unsigned char tmp[sizeof d];
    memcpy(tmp, &d, sizeof d);  /* host byte order: the store is read where it is written */
    truce_buf_append(b, tmp, sizeof tmp);
}

typedef struct reader {
    const unsigned char *p, *end;
    bool bad;
} reader;

static uint64_t get_varint(reader *r)
{
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (r->p >= r->end) {
            r->bad = true;
            return 0;
        }
        unsigned char c = *r->p++;
        v |= (uint64_t)(c & 0x7F) << shift;
        if (!(c & 0x80))
            return v;
    }
    r->bad = true;
    return 0;
}

static int64_t get_svarint(reader *r)
{
    uint64_t u = get_varint(r);
    return (u & 1) ? -(int64_t)(u >> 1) - 1 : (int64_t)(u >> 1);
}

static double get_double(reader *r)
{
    double d = 0;
    if ((size_t)(r->end - r->p) < sizeof d) {
        r->bad = true;
        return 0;
    }
    memcpy(&d, r->p, sizeof d);
    r->p += sizeof d;
    return d;
}

/* ---- sentences and tokens ------------------------------------------------ */

int store_encode_sentences(const truce_sentence_list *l, truce_buf *out)
{
    int64_t prev_start = 0, prev_par = 0;
    for (size_t i = 0; i < l->n; i++) {
        const truce_sentence *x = &l->items[i];
        put_svarint(out, (int64_t)x->span.start - prev_start);
        put_varint(out, x->span.end >= x->span.start ? x->span.end - x->span.start : 0);
        put_svarint(out, (int64_t)x->paragraph - prev_par);
        put_varint(out, x->flags);
        prev_start = (int64_t)x->span.start;
        prev_par = x->paragraph;
    }
    return out->failed ? TRUCE_ENOMEM : TRUCE_OK;
}

int store_decode_sentences(truce_arena *a, const void *blob, size_t len, size_t n,
                           truce_sentence_list *out)
{
    out->items = NULL;
    out->n = 0;
    if (n == 0)
        return TRUCE_OK;
    if (n > len) /* every sentence takes at least four bytes */
        return TRUCE_EINPUT;
    out->items = truce_arena_alloc(a, n * sizeof *out->items);
    if (!out->items)
        return TRUCE_ENOMEM;
    reader r = { blob, (const unsigned char *)blob + len, false };
    int64_t start = 0, par = 0;
    for (size_t i = 0; i < n && !r.bad; i++) {
        truce_sentence *x = &out->items[i];
        start += get_svarint(&r);
        uint64_t slen = get_varint(&r);
        par += get_svarint(&r);
        x->span.start = (size_t)start;
        x->span.end = (size_t)start + (size_t)slen;
        x->paragraph = (uint32_t)par;
        x->flags = (uint32_t)get_varint(&r);
    }
    if (r.bad || start < 0)
        return TRUCE_EINPUT;
    out->n = n;
    return TRUCE_OK;
}

/* Writes v at p (room for 10 bytes); returns the end. */
static unsigned char *varint_at(unsigned char *p, uint64_t v)
{
    while (v >= 0x80) {
        *p++ = (unsigned char)(v | 0x80);
        v >>= 7;
    }
    *p++ = (unsigned char)v;
    return p;
}

int store_encode_tokens(const truce_token_list *l, truce_buf *out)
{
    /* Hot: about 700 tokens a report. Room for the worst case first, then
     * the varints are written in place. */
    if (l->n > (SIZE_MAX - 64) / 30 || !truce_buf_reserve(out, l->n * 30))
        return TRUCE_ENOMEM;
    unsigned char *p = (unsigned char *)out->data + out->len;
    size_t prev_end = 0;
    for (size_t i = 0; i < l->n; i++) {
        const truce_token *x = &l->items[i];
        p = varint_at(p, x->span.start >= prev_end ? x->span.start - prev_end : 0);
        p = varint_at(p, x->span.end - x->span.start);
        p = varint_at(p, x->kind);
        prev_end = x->span.end;
    }
    out->len = (size_t)(p - (unsigned char *)out->data);
    out->data[out->len] = '\0';
    return TRUCE_OK;
}

/* ---- mentions: encoding ---------------------------------------------------- */

void store_mentions_begin(store_mention_enc *e, truce_buf *out)
{
    memset(e, 0, sizeof *e);
    e->out = out;
}

static uint32_t hash_str(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static void put_str(store_mention_enc *e, const char *s)
{
    if (!s) {
        put_varint(e->out, 0);
        return;
    }
    size_t n = strlen(s);
    uint32_t h = hash_str(s, n);
    size_t mask = sizeof e->slots / sizeof *e->slots - 1;
    for (size_t k = h & mask, probes = 0; probes <= mask; k = (k + 1) & mask, probes++) {
        uint32_t slot = e->slots[k];
        if (!slot) {
            /* New string: written inline, remembered while the table has room
             * (a full table only costs repeats written out again). */
            if (e->n_strings < STORE_MENTION_STRINGS) {
                e->strings[e->n_strings] = s;
                e->lens[e->n_strings] = n;
                e->n_strings++;
                e->slots[k] = (uint32_t)e->n_strings;
                put_varint(e->out, 1);
            } else {
                put_varint(e->out, 1);
                e->overflow = true;
            }
            put_varint(e->out, n);
            truce_buf_append(e->out, s, n);
            return;
        }
        size_t i = slot - 1;
        if (e->lens[i] == n && (e->strings[i] == s || memcmp(e->strings[i], s, n) == 0)) {
            put_varint(e->out, 2 + i);
            return;
        }
    }
    put_varint(e->out, 1);
    put_varint(e->out, n);
    truce_buf_append(e->out, s, n);
}

static void put_head(store_mention_enc *e, unsigned tag, uint32_t sentence, truce_span sp,
                     const char *basis)
{
    unsigned char t = (unsigned char)tag;
    truce_buf_append(e->out, &t, 1);
    put_varint(e->out, sentence);
    put_varint(e->out, sp.start);
    put_varint(e->out, sp.end >= sp.start ? sp.end - sp.start : 0);
    put_str(e, basis);
    e->n++;
}

void store_mention_date(store_mention_enc *e, const truce_date_mention *d)
{
    put_head(e, M_DATE, d->sentence, d->span, d->basis);
    put_str(e, d->start);
    put_str(e, d->end);
    put_str(e, truce_date_precision_name(d->precision));
    unsigned char flags = (unsigned char)((d->is_duration ? 1 : 0) | (d->future ? 2 : 0) |
                                          (d->open_end ? 4 : 0) | (d->time[0] ? 8 : 0));
    truce_buf_append(e->out, &flags, 1);
    if (d->time[0])
        put_str(e, d->time);
}

void store_mention_number(store_mention_enc *e, const truce_number_mention *m)
{
    put_head(e, M_NUMBER, m->sentence, m->span, NULL);
    put_double(e->out, m->value);
    put_double(e->out, m->value_max);
    put_str(e, truce_bound_name(m->bound));
    put_str(e, m->what);
}

void store_mention_place(store_mention_enc *e, const truce_place_mention *m)
{
    put_head(e, M_PLACE, m->sentence, m->span, m->basis);
    put_str(e, m->name ? m->name : "");
    put_svarint(e->out, m->geonames_id);
    put_double(e->out, m->lat);
    put_double(e->out, m->lon);
    put_str(e, m->country);
    /* the high bit of the feature class byte: a metonym (older blobs: 0) */
    unsigned char fc = (unsigned char)((m->feature_class ? m->feature_class : '?') | (m->metonym ? 0x80 : 0));
    truce_buf_append(e->out, &fc, 1);
    put_str(e, truce_place_precision_name(m->precision));
}

void store_mention_actor(store_mention_enc *e, const truce_actor_mention *m)
{
    put_head(e, M_ACTOR, m->sentence, m->span, m->rule);
    put_str(e, m->name ? m->name : "");
    put_str(e, truce_actor_kind_name(m->kind));
    put_str(e, m->country);
}

int store_mention_json(store_mention_enc *e, const char *kind, uint32_t sentence, truce_span sp,
                       const char *basis, const char *json)
{
    unsigned tag = 0;
    while (tag < 4 && strcmp(KIND_NAMES[tag], kind))
        tag++;
    if (tag == 4)
        return TRUCE_EINPUT;
    put_head(e, tag | M_JSON, sentence, sp, basis);
    put_str(e, json);
    return TRUCE_OK;
}

int store_mention_add(store_mention_enc *e, const store_mention *m)
{
    if (m->json)
        return store_mention_json(e, m->kind, m->sentence, m->span, m->basis, m->json);
    unsigned tag = 0;
    while (tag < 4 && strcmp(KIND_NAMES[tag], m->kind))
        tag++;
    if (tag == 4)
        return TRUCE_EINPUT;
    put_head(e, tag, m->sentence, m->span, m->basis);
    switch (tag) {
    case M_DATE: {
        put_str(e, m->d_start ? m->d_start : "");
        put_str(e, m->d_end ? m->d_end : "");
        put_str(e, m->precision);
        bool tm = m->time && m->time[0];
        unsigned char flags = (unsigned char)((m->duration ? 1 : 0) | (m->future ? 2 : 0) |
                                              (m->open_end ? 4 : 0) | (tm ? 8 : 0));
        truce_buf_append(e->out, &flags, 1);
        if (tm)
            put_str(e, m->time);
        break;
    }
    case M_NUMBER:
        put_double(e->out, m->value);
        put_double(e->out, m->value_max);
        put_str(e, m->bound);
        put_str(e, m->what);
        break;
    case M_PLACE: {
        put_str(e, m->name ? m->name : "");
        put_svarint(e->out, m->geonames_id);
        put_double(e->out, m->lat);
        put_double(e->out, m->lon);
        put_str(e, m->country ? m->country : "");
        unsigned char fc = (unsigned char)((m->feature_class ? m->feature_class : '?') | (m->metonym ? 0x80 : 0));
        truce_buf_append(e->out, &fc, 1);
        put_str(e, m->precision);
        break;
    }
    default:
        put_str(e, m->name ? m->name : "");
        put_str(e, m->actor_kind);
        put_str(e, m->country ? m->country : "");
        break;
    }
    return TRUCE_OK;
}

/* ---- mentions: decoding and JSON ------------------------------------------- */

typedef struct strtab {
    truce_arena *a;
    const char **items;
    size_t n, cap;
} strtab;

static const char *get_str(reader *r, strtab *t)
{
    uint64_t code = get_varint(r);
    if (r->bad || code == 0)
        return NULL;
    if (code == 1) {
        uint64_t n = get_varint(r);
        if (r->bad || n > (uint64_t)(r->end - r->p)) {
            r->bad = true;
            return NULL;
        }
        char *s = truce_arena_strndup(t->a, (const char *)r->p, (size_t)n);
        r->p += n;
        if (!s) {
            r->bad = true;
            return NULL;
        }
        if (t->n < STORE_MENTION_STRINGS) {
            if (t->n == t->cap) {
                size_t cap = t->cap ? t->cap * 2 : 32;
                const char **p = truce_arena_grow(t->a, (void *)t->items, t->n, cap, sizeof *p);
                if (!p) {
                    r->bad = true;
                    return NULL;
                }
                t->items = p;
                t->cap = cap;
            }
            t->items[t->n++] = s;
        }
        return s;
    }
    if (code - 2 >= t->n) {
        r->bad = true;
        return NULL;
    }
    return t->items[code - 2];
}

int store_decode_mentions(truce_arena *a, const void *blob, size_t len, size_t n,
                          store_mention **out)
{
    *out = NULL;
    if (n == 0)
        return TRUCE_OK;
    if (n > len)
        return TRUCE_EINPUT;
    store_mention *ms = truce_arena_calloc(a, n, sizeof *ms);
    if (!ms)
        return TRUCE_ENOMEM;
    reader r = { blob, (const unsigned char *)blob + len, false };
    strtab t = { a, NULL, 0, 0 };
    for (size_t i = 0; i < n && !r.bad; i++) {
        store_mention *m = &ms[i];
        if (r.p >= r.end) {
            r.bad = true;
            break;
        }
        unsigned tag = *r.p++;
        unsigned kind = tag & 0x7F;
        if (kind > M_ACTOR) {
            r.bad = true;
            break;
        }
        m->kind = KIND_NAMES[kind];
        m->sentence = (uint32_t)get_varint(&r);
        m->span.start = (size_t)get_varint(&r);
        m->span.end = m->span.start + (size_t)get_varint(&r);
        m->basis = get_str(&r, &t);
        if (tag & M_JSON) {
            m->json = get_str(&r, &t);
            if (!m->json)
                r.bad = true;
            continue;
        }
        switch (kind) {
        case M_DATE:
            m->d_start = get_str(&r, &t);
            m->d_end = get_str(&r, &t);
            m->precision = get_str(&r, &t);
            if (r.p >= r.end) {
                r.bad = true;
                break;
            }
            m->duration = *r.p & 1;
            m->future = (*r.p & 2) != 0;
            m->open_end = (*r.p & 4) != 0;
            if (*r.p++ & 8) {
                m->time = get_str(&r, &t);
                if (!m->time)
                    r.bad = true;
            }
            break;
        case M_NUMBER:
            m->value = get_double(&r);
            m->value_max = get_double(&r);
            m->bound = get_str(&r, &t);
            m->what = get_str(&r, &t);
            break;
        case M_PLACE:
            m->name = get_str(&r, &t);
            m->geonames_id = (long)get_svarint(&r);
            m->lat = get_double(&r);
            m->lon = get_double(&r);
            m->country = get_str(&r, &t);
            if (r.p >= r.end) {
                r.bad = true;
                break;
            }
            m->metonym = (*r.p & 0x80) != 0;
            m->feature_class = (char)(*r.p++ & 0x7F);
            m->precision = get_str(&r, &t);
            break;
        default:
            m->name = get_str(&r, &t);
            m->actor_kind = get_str(&r, &t);
            m->country = get_str(&r, &t);
            break;
        }
    }
    if (r.bad)
        return TRUCE_EINPUT;
    *out = ms;
    return TRUCE_OK;
}

static const char *or_empty(const char *s)
{
    return s ? s : "";
}

/* The value JSON exactly as schema 1 stored it in mentions.value. */
int store_mention_value_json(const store_mention *m, truce_buf *b)
{
    if (m->json)
        return truce_buf_puts(b, m->json) ? TRUCE_OK : TRUCE_ENOMEM;
    const char *k = m->kind;
    if (k == KIND_NAMES[M_DATE]) {
        const char *s = or_empty(m->d_start), *e = or_empty(m->d_end);
        truce_buf_printf(b, "{\"start\":%s%s%s,\"end\":%s%s%s,\"precision\":\"%s\",\"duration\":%s,\"future\":%s,\"open_end\":%s",
                         s[0] ? "\"" : "", s[0] ? s : "null", s[0] ? "\"" : "",
                         e[0] ? "\"" : "", e[0] ? e : "null", e[0] ? "\"" : "",
                         or_empty(m->precision), m->duration ? "true" : "false",
                         m->future ? "true" : "false", m->open_end ? "true" : "false");
        if (m->time && m->time[0]) { /* added after schema 1: only when written */
            truce_buf_puts(b, ",\"time\":");
            truce_buf_json_string(b, m->time, strlen(m->time));
        }
        truce_buf_putc(b, '}');
    } else if (k == KIND_NAMES[M_NUMBER]) {
        truce_buf_printf(b, "{\"value\":%.15g,\"value_max\":%.15g,\"bound\":\"%s\",\"what\":", m->value,
                         m->value_max, or_empty(m->bound));
        truce_buf_json_text(b, m->what);
        truce_buf_putc(b, '}');
    } else if (k == KIND_NAMES[M_PLACE]) {
        truce_buf_puts(b, "{\"name\":");
        truce_buf_json_string(b, or_empty(m->name), strlen(or_empty(m->name)));
        truce_buf_printf(b, ",\"geonames_id\":%ld,\"lat\":%.5f,\"lon\":%.5f,\"country\":\"%s\",\"feature_class\":\"%c\",\"precision\":\"%s\"",
                         m->geonames_id, m->lat, m->lon, or_empty(m->country),
                         m->feature_class ? m->feature_class : '?', or_empty(m->precision));
        truce_buf_puts(b, m->metonym ? ",\"metonym\":true}" : "}");
    } else {
        truce_buf_puts(b, "{\"name\":");
        truce_buf_json_string(b, or_empty(m->name), strlen(or_empty(m->name)));
        truce_buf_printf(b, ",\"actor_kind\":\"%s\",\"country\":\"%s\"}", or_empty(m->actor_kind),
                         or_empty(m->country));
    }
    return b->failed ? TRUCE_ENOMEM : TRUCE_OK;
}
