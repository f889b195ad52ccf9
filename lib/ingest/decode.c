/*
 * ingest/decode.c: bytes to normalized text with an offset map.
 * Decides the charset (BOM, declared charset, valid UTF-8, else Windows-1252
 * with a warning), refuses empty and binary input, normalizes to NFC one
 * grapheme cluster at a time (so each cluster still maps to its original
 * bytes), and turns CRLF and lone CR into LF. Owns nothing beyond what it
 * allocates in the caller's arena; never reads files.
 */
#include <string.h>
#include <stdlib.h>
#include <utf8proc.h>

#include "truce/ingest.h"

/* Windows-1252 0x80..0x9F; the five undefined bytes map to the C1 controls,
 * as Latin-1 would. */
static const uint16_t CP1252_HIGH[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

static size_t utf8_put(unsigned char *o, uint32_t cp)
{
    if (cp < 0x80) { o[0] = (unsigned char)cp; return 1; }
    if (cp < 0x800) { o[0] = (unsigned char)(0xC0 | cp >> 6); o[1] = (unsigned char)(0x80 | (cp & 63)); return 2; }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | cp >> 12); o[1] = (unsigned char)(0x80 | ((cp >> 6) & 63));
        o[2] = (unsigned char)(0x80 | (cp & 63)); return 3;
    }
    o[0] = (unsigned char)(0xF0 | cp >> 18); o[1] = (unsigned char)(0x80 | ((cp >> 12) & 63));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 63)); o[3] = (unsigned char)(0x80 | (cp & 63));
    return 4;
}

/* A buffer of UTF-8 with, for each code point, the raw offset it came from. */
typedef struct utf8_src {
    unsigned char *s;
    size_t len;
    uint32_t *raw_of;   /* raw offset for each byte of s (length len+1) */
} utf8_src;

static bool looks_binary(const unsigned char *p, size_t n)
{
    size_t ctl = 0, check = n < 65536 ? n : 65536;
    for (size_t i = 0; i < check; i++) {
        unsigned char c = p[i];
        if (c == 0)
            return true;
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1B)
            ctl++;
    }
    return check > 0 && ctl * 100 > check * 2; /* more than 2% control bytes */
}

static bool eq_ci(const char *a, const char *b)
{
    if (!a)
        return false;
    while (*a && *b) {
        char x = *a, y = *b;
        if (x >= 'A' && x <= 'Z') x = (char)(x + 32);
        if (y >= 'A' && y <= 'Z') y = (char)(y + 32);
        if (x != y)
            return false;
        a++, b++;
    }
    return *a == *b;
}

static int decode_utf16(truce_arena *a, const unsigned char *raw, size_t len, size_t start,
                        bool le, utf8_src *out)
{
    size_t cap = (len - start) / 2 * 3 + 4;
    out->s = truce_arena_alloc(a, cap + 1);
    out->raw_of = truce_arena_alloc(a, (cap + 1) * sizeof *out->raw_of);
    if (!out->s || !out->raw_of)
        return TRUCE_ENOMEM;
    size_t o = 0;
    for (size_t i = start; i + 1 < len; i += 2) {
        uint32_t u = le ? (uint32_t)raw[i] | (uint32_t)raw[i + 1] << 8
                        : (uint32_t)raw[i] << 8 | raw[i + 1];
        size_t w = 2;
        if (u >= 0xD800 && u < 0xDC00 && i + 3 < len) {
            uint32_t v = le ? (uint32_t)raw[i + 2] | (uint32_t)raw[i + 3] << 8
                            : (uint32_t)raw[i + 2] << 8 | raw[i + 3];
            if (v >= 0xDC00 && v < 0xE000) {
                u = 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00);
                w = 4;
            }
        }
        if (u >= 0xD800 && u < 0xE000)
            u = 0xFFFD;
        if (o + 4 > cap)
            break;
        size_t k = utf8_put(out->s + o, u);
        for (size_t j = 0; j < k; j++)
            out->raw_of[o + j] = (uint32_t)i;
        o += k;
        i += w - 2;
    }
    out->len = o;
    out->raw_of[o] = (uint32_t)len;
    return TRUCE_OK;
}

static int decode_single_byte(truce_arena *a, const unsigned char *raw, size_t len,
                              const uint16_t *high128, utf8_src *out)
{
    out->s = truce_arena_alloc(a, len * 3 + 1);
    out->raw_of = truce_arena_alloc(a, (len * 3 + 1) * sizeof *out->raw_of);
    if (!out->s || !out->raw_of)
        return TRUCE_ENOMEM;
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        uint32_t cp = raw[i];
        if (cp >= 0x80)
            cp = high128 ? high128[cp - 0x80] : (cp < 0xA0 ? CP1252_HIGH[cp - 0x80] : cp);
        size_t k = utf8_put(out->s + o, cp);
        for (size_t j = 0; j < k; j++)
            out->raw_of[o + j] = (uint32_t)i;
        o += k;
    }
    out->len = o;
    out->raw_of[o] = (uint32_t)len;
    return TRUCE_OK;
}

/* Windows-1251 0x80..0xFF. */
static const uint16_t CP1251_HIGH[128] = {
    0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021, 0x20AC, 0x2030, 0x0409,
    0x2039, 0x040A, 0x040C, 0x040B, 0x040F, 0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x0098, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F, 0x00A0,
    0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7, 0x0401, 0x00A9, 0x0404, 0x00AB,
    0x00AC, 0x00AD, 0x00AE, 0x0407, 0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6,
    0x00B7, 0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457, 0x0410, 0x0411,
    0x0412, 0x0413, 0x0414, 0x0415, 0x0416, 0x0417, 0x0418, 0x0419, 0x041A, 0x041B, 0x041C,
    0x041D, 0x041E, 0x041F, 0x0420, 0x0421, 0x0422, 0x0423, 0x0424, 0x0425, 0x0426, 0x0427,
    0x0428, 0x0429, 0x042A, 0x042B, 0x042C, 0x042D, 0x042E, 0x042F, 0x0430, 0x0431, 0x0432,
    0x0433, 0x0434, 0x0435, 0x0436, 0x0437, 0x0438, 0x0439, 0x043A, 0x043B, 0x043C, 0x043D,
    0x043E, 0x043F, 0x0440, 0x0441, 0x0442, 0x0443, 0x0444, 0x0445, 0x0446, 0x0447, 0x0448,
    0x0449, 0x044A, 0x044B, 0x044C, 0x044D, 0x044E, 0x044F,
};

static bool valid_utf8(const unsigned char *p, size_t n)
{
    utf8proc_int32_t cp;
    size_t i = 0;
    while (i < n) {
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        utf8proc_ssize_t k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0)
            return false;
        i += (size_t)k;
    }
    return true;
}

/* NFC per grapheme cluster, CRLF/CR -> LF, control characters dropped. */
static int normalize(truce_arena *a, const utf8_src *src, bool identity_map, char **text,
                     size_t *text_len, truce_offset_map *map)
{
    const unsigned char *s = src->s;
    size_t n = src->len;
    char *o = truce_arena_alloc(a, n * 3 + 1); /* NFC can grow a cluster; 3x is the bound */
    if (!o)
        return TRUCE_ENOMEM;
    size_t w = 0, i = 0;
#define RAW(k) (identity_map ? (size_t)(k) : (size_t)src->raw_of[k])
    while (i < n) {
        unsigned char c = s[i];
        if (identity_map) {
            /* A run of plain ASCII maps one to one: one map entry and one copy
             * for the run instead of one call per byte (what the per-byte
             * path below would record for it, since each byte continues the
             * linear run of the one before). */
            size_t j = i;
            while (j < n && ((s[j] >= 0x20 && s[j] < 0x7F) || s[j] == '\n' || s[j] == '\t') &&
                   (j + 1 >= n || s[j + 1] < 0x80))
                j++;
            if (j > i) {
                if (truce_offset_map_add(a, map, w, i, 0))
                    return TRUCE_ENOMEM;
                memcpy(o + w, s + i, j - i);
                w += j - i;
                i = j;
                continue;
            }
        }
        /* An ASCII letter followed by a combining mark must go through NFC
         * with it ("e" + U+0301 is "é"), so only lone ASCII takes the fast path. */
        bool lone_ascii = c < 0x80 && (i + 1 >= n || s[i + 1] < 0x80 || c < 0x20 || c == 0x7F);
        if (lone_ascii) {
            if (c == '\r') {
                if (truce_offset_map_add(a, map, w, RAW(i), 0))
                    return TRUCE_ENOMEM;
                o[w++] = '\n';
                i += (i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
                if (truce_offset_map_add(a, map, w, RAW(i), 0))
                    return TRUCE_ENOMEM;
                continue;
            }
            if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) {
                i++; /* dropped: the next character starts a new segment */
                if (truce_offset_map_add(a, map, w, RAW(i), 0))
                    return TRUCE_ENOMEM;
                continue;
            }
            if (truce_offset_map_add(a, map, w, RAW(i), 0))
                return TRUCE_ENOMEM;
            o[w++] = (char)c;
            i++;
            continue;
        }
        /* Find the grapheme cluster starting at i. */
        utf8proc_int32_t cp, prev;
        utf8proc_int32_t state = 0;
        size_t j = i;
        utf8proc_ssize_t k = utf8proc_iterate(s + j, (utf8proc_ssize_t)(n - j), &prev);
        if (k <= 0) { /* cannot happen on validated input; skip byte */
            i++;
            continue;
        }
        j += (size_t)k;
        while (j < n) {
            k = utf8proc_iterate(s + j, (utf8proc_ssize_t)(n - j), &cp);
            if (k <= 0 || utf8proc_grapheme_break_stateful(prev, cp, &state))
                break;
            prev = cp;
            j += (size_t)k;
        }
        size_t raw_start = RAW(i), raw_end = RAW(j);
        utf8proc_uint8_t *nfc = NULL;
        utf8proc_ssize_t m = utf8proc_map(s + i, (utf8proc_ssize_t)(j - i), &nfc,
                                          UTF8PROC_STABLE | UTF8PROC_COMPOSE);
        bool same = m == (utf8proc_ssize_t)(j - i) && nfc && memcmp(nfc, s + i, j - i) == 0;
        bool linear = same && identity_map;
        if (m < 0 || !nfc) {
            free(nfc);
            return TRUCE_ENOMEM;
        }
        if ((size_t)m > (j - i) * 3) { /* cannot happen for NFC; guard the buffer */
            free(nfc);
            return TRUCE_EINPUT;
        }
        if (truce_offset_map_add(a, map, w, raw_start, linear ? 0 : raw_end - raw_start)) {
            free(nfc);
            return TRUCE_ENOMEM;
        }
        memcpy(o + w, nfc, (size_t)m);
        w += (size_t)m;
        free(nfc);
        i = j;
        if (!linear && truce_offset_map_add(a, map, w, raw_end, 0))
            return TRUCE_ENOMEM;
    }
#undef RAW
    o[w] = '\0';
    *text = o;
    *text_len = w;
    return TRUCE_OK;
}

int truce_ingest_decode(truce_arena *a, const unsigned char *raw, size_t len,
                        const char *charset, const char *name, char **text, size_t *text_len,
                        truce_offset_map *map, const char **encoding, const char **warning,
                        truce_error *err)
{
    memset(map, 0, sizeof *map);
    map->raw_len = len;
    *warning = NULL;
    if (len == 0)
        return truce_error_set(err, TRUCE_EINPUT, name, 0, "empty document");
    utf8_src src = { NULL, 0, NULL };
    bool identity = false;
    int rc = TRUCE_OK;
    if (len >= 2 && ((raw[0] == 0xFF && raw[1] == 0xFE) || (raw[0] == 0xFE && raw[1] == 0xFF))) {
        bool le = raw[0] == 0xFF;
        *encoding = le ? "utf-16le" : "utf-16be";
        rc = decode_utf16(a, raw, len, 2, le, &src);
    } else if (looks_binary(raw, len)) {
        return truce_error_set(err, TRUCE_EINPUT, name, -1,
                               "binary data, not text (NUL or control bytes)");
    } else {
        size_t start = 0;
        if (len >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF)
            start = 3;
        bool declared_1251 = eq_ci(charset, "windows-1251") || eq_ci(charset, "cp1251");
        if (!declared_1251 && valid_utf8(raw + start, len - start)) {
            *encoding = "utf-8";
            src.s = (unsigned char *)(uintptr_t)(raw + start);
            src.len = len - start;
            identity = true;
            if (start) {
                /* shift: text offsets start after the BOM */
                src.raw_of = NULL;
            }
        } else if (declared_1251) {
            *encoding = "windows-1251";
            rc = decode_single_byte(a, raw, len, CP1251_HIGH, &src);
        } else {
            *encoding = "windows-1252";
            *warning = eq_ci(charset, "windows-1252") || eq_ci(charset, "iso-8859-1") ||
                               eq_ci(charset, "latin1")
                           ? NULL
                           : "not valid UTF-8; decoded as Windows-1252";
            rc = decode_single_byte(a, raw, len, NULL, &src);
        }
        if (identity && start) {
            /* Map through a small shim: build raw_of lazily is costly; instead
             * normalize with identity and shift the map afterwards. */
            rc = normalize(a, &src, true, text, text_len, map);
            if (rc == TRUCE_OK)
                for (size_t k = 0; k < map->n; k++)
                    map->segs[k].raw_off += (uint32_t)start;
            goto done;
        }
    }
    if (rc)
        return truce_error_set(err, rc, name, -1, "out of memory decoding");
    rc = normalize(a, &src, identity, text, text_len, map);
done:
    if (rc == TRUCE_ENOMEM)
        return truce_error_set(err, rc, name, -1, "out of memory normalizing text");
    if (rc)
        return truce_error_set(err, rc, name, -1, "text could not be normalized");
    /* Text that is only white space carries nothing to read. */
    size_t k = 0;
    while (k < *text_len && ((*text)[k] == ' ' || (*text)[k] == '\n' || (*text)[k] == '\t'))
        k++;
    if (k == *text_len)
        return truce_error_set(err, TRUCE_EINPUT, name, 0, "document holds only white space");
    return TRUCE_OK;
}
