/*
 * core/offset_map.c: mapping derived-text offsets back to original bytes.
 * Owns nothing but the segment arrays it allocates in the caller's arena.
 * Why piecewise-linear: ASCII text maps one to one over long runs, so a
 * report of 8 KB usually needs a handful of segments, not 8,000 entries.
 */
#include <string.h>

#include "truce/common.h"

int truce_offset_map_add(truce_arena *a, truce_offset_map *m, size_t text_off, size_t raw_off,
                         size_t raw_len)
{
    if (text_off > UINT32_MAX || raw_off > UINT32_MAX || raw_len > UINT32_MAX)
        return TRUCE_EINPUT;
    if (m->n) {
        truce_offset_seg *last = &m->segs[m->n - 1];
        if (last->raw_len == 0 && raw_len == 0 &&
            (size_t)last->raw_off + (text_off - last->text_off) == raw_off)
            return TRUCE_OK; /* continues the previous linear run */
        if (last->text_off == text_off) { /* same start: replace */
            last->raw_off = (uint32_t)raw_off;
            last->raw_len = (uint32_t)raw_len;
            return TRUCE_OK;
        }
    }
    if (m->n == m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 16;
        truce_offset_seg *s = truce_arena_grow(a, m->segs, m->n, cap, sizeof *s);
        if (!s)
            return TRUCE_ENOMEM;
        m->segs = s;
        m->cap = cap;
    }
    m->segs[m->n].text_off = (uint32_t)text_off;
    m->segs[m->n].raw_off = (uint32_t)raw_off;
    m->segs[m->n].raw_len = (uint32_t)raw_len;
    m->n++;
    return TRUCE_OK;
}

static size_t find_seg(const truce_offset_map *m, size_t text_off)
{
    size_t lo = 0, hi = m->n;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (m->segs[mid].text_off <= text_off)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

size_t truce_offset_to_raw(const truce_offset_map *m, size_t text_off)
{
    if (!m || m->n == 0)
        return text_off;
    size_t i = find_seg(m, text_off);
    const truce_offset_seg *s = &m->segs[i];
    if (text_off < s->text_off)
        return s->raw_off;
    if (s->raw_len)
        return s->raw_off;
    size_t r = s->raw_off + (text_off - s->text_off);
    if (i + 1 < m->n && r > m->segs[i + 1].raw_off && m->segs[i + 1].raw_off >= s->raw_off)
        r = m->segs[i + 1].raw_off;
    if (m->raw_len && r > m->raw_len)
        r = m->raw_len;
    return r;
}

truce_span truce_offset_span_to_raw(const truce_offset_map *m, truce_span sp)
{
    truce_span r;
    r.start = truce_offset_to_raw(m, sp.start);
    if (sp.end <= sp.start) {
        r.end = r.start;
        return r;
    }
    /* The end maps through the last byte so it stays inside its segment. */
    size_t last = sp.end - 1;
    size_t i = m && m->n ? find_seg(m, last) : 0;
    if (m && m->n && m->segs[i].raw_len && m->segs[i].text_off <= last)
        r.end = (size_t)m->segs[i].raw_off + m->segs[i].raw_len;
    else
        r.end = truce_offset_to_raw(m, last) + 1;
    if (r.end < r.start)
        r.end = r.start;
    return r;
}

int truce_offset_map_compose(truce_arena *a, const truce_offset_map *inner,
                             const truce_offset_map *outer, truce_offset_map *out)
{
    memset(out, 0, sizeof *out);
    out->raw_len = outer ? outer->raw_len : 0;
    for (size_t i = 0; inner && i < inner->n; i++) {
        const truce_offset_seg *s = &inner->segs[i];
        size_t raw = truce_offset_to_raw(outer, s->raw_off);
        size_t len = 0;
        if (s->raw_len) {
            truce_span sp = { s->raw_off, (size_t)s->raw_off + s->raw_len };
            truce_span r = truce_offset_span_to_raw(outer, sp);
            len = r.end > r.start ? r.end - r.start : 1;
        }
        int rc = truce_offset_map_add(a, out, s->text_off, raw, len);
        if (rc)
            return rc;
    }
    return TRUCE_OK;
}

static void put32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)v; p[1] = (unsigned char)(v >> 8);
    p[2] = (unsigned char)(v >> 16); p[3] = (unsigned char)(v >> 24);
}

static uint32_t get32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

int truce_offset_map_encode(const truce_offset_map *m, truce_buf *out)
{
    for (size_t i = 0; i < m->n; i++) {
        unsigned char b[12];
        put32(b, m->segs[i].text_off);
        put32(b + 4, m->segs[i].raw_off);
        put32(b + 8, m->segs[i].raw_len);
        truce_buf_append(out, b, sizeof b);
    }
    return out->failed ? TRUCE_ENOMEM : TRUCE_OK;
}

int truce_offset_map_decode(truce_arena *a, const void *blob, size_t len, size_t raw_len,
                            truce_offset_map *out)
{
    memset(out, 0, sizeof *out);
    out->raw_len = raw_len;
    if (len % 12)
        return TRUCE_EINPUT;
    size_t n = len / 12;
    if (n == 0)
        return TRUCE_OK;
    out->segs = truce_arena_alloc(a, n * sizeof *out->segs);
    if (!out->segs)
        return TRUCE_ENOMEM;
    const unsigned char *p = blob;
    for (size_t i = 0; i < n; i++) {
        out->segs[i].text_off = get32(p + 12 * i);
        out->segs[i].raw_off = get32(p + 12 * i + 4);
        out->segs[i].raw_len = get32(p + 12 * i + 8);
    }
    out->n = out->cap = n;
    return TRUCE_OK;
}
