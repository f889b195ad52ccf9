/*
 * clean/html_charset.c: decoding a web page's bytes to UTF-8 before parsing.
 * Owns the Windows-1251/1252 tables and the UTF-8 copy (in the caller's
 * arena) with its offset map back to the raw bytes. Must not guess beyond
 * BOM, the declared charset and the page's own <meta> declaration, except
 * that invalid UTF-8 falls back to Windows-1252 as browsers do.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "clean/html_internal.h"

/* Code points for bytes 0x80..0xBF in Windows-1251 (0xC0..0xFF are U+0410..U+044F). */
static const uint16_t cp1251_hi[64] = {
    0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021,
    0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F,
    0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x0098, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F,
    0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7,
    0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407,
    0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7,
    0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,
};

/* Code points for bytes 0x80..0x9F in Windows-1252 (0xA0..0xFF equal Latin-1).
 * Unassigned bytes map to the C1 control of the same value, as WHATWG does. */
static const uint16_t cp1252_c1[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

enum cs { CS_UTF8, CS_1252, CS_1251, CS_UTF16LE, CS_UTF16BE };

static int charset_id(const char *name)
{
    if (!name)
        return -1;
    while (*name == ' ' || *name == '"' || *name == '\'')
        name++;
    char n[32];
    size_t k = 0;
    for (; name[k] && k < sizeof n - 1 && (isalnum((unsigned char)name[k]) || name[k] == '-' ||
                                            name[k] == '_');
         k++)
        n[k] = (char)tolower((unsigned char)name[k]);
    n[k] = 0;
    if (!strcmp(n, "utf-8") || !strcmp(n, "utf8") || !strcmp(n, "us-ascii") || !strcmp(n, "ascii"))
        return CS_UTF8;
    if (!strcmp(n, "windows-1251") || !strcmp(n, "cp1251") || !strcmp(n, "x-cp1251"))
        return CS_1251;
    if (!strcmp(n, "windows-1252") || !strcmp(n, "cp1252") || !strcmp(n, "iso-8859-1") ||
        !strcmp(n, "latin1") || !strcmp(n, "iso8859-1") || !strcmp(n, "latin-1") ||
        !strcmp(n, "iso-8859-15"))
        return CS_1252;
    if (!strcmp(n, "utf-16le") || !strcmp(n, "utf-16"))
        return CS_UTF16LE;
    if (!strcmp(n, "utf-16be"))
        return CS_UTF16BE;
    return -1;
}

static const char *const cs_names[] = { "utf-8", "windows-1252", "windows-1251", "utf-16le",
                                        "utf-16be" };

static bool valid_utf8(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        size_t k;
        if (c < 0x80) { i++; continue; }
        if (c >= 0xC2 && c <= 0xDF) k = 1;
        else if (c >= 0xE0 && c <= 0xEF) k = 2;
        else if (c >= 0xF0 && c <= 0xF4) k = 3;
        else return false;
        if (i + k >= n)
            return true; /* a character cut at the end of the buffer still counts */
        for (size_t j = 1; j <= k; j++)
            if ((s[i + j] & 0xC0) != 0x80)
                return false;
        i += k + 1;
    }
    return true;
}

/* Looks for charset=NAME inside the first <meta> declarations of the page. */
static int meta_charset(const unsigned char *raw, size_t len)
{
    size_t n = len < 4096 ? len : 4096;
    for (size_t i = 0; i + 8 < n; i++) {
        if (strncasecmp((const char *)raw + i, "charset", 7) != 0)
            continue;
        size_t j = i + 7;
        while (j < n && (raw[j] == ' ' || raw[j] == '\t'))
            j++;
        if (j >= n || raw[j] != '=')
            continue;
        j++;
        while (j < n && (raw[j] == ' ' || raw[j] == '"' || raw[j] == '\''))
            j++;
        char name[32];
        size_t k = 0;
        while (j < n && k < sizeof name - 1 &&
               (isalnum(raw[j]) || raw[j] == '-' || raw[j] == '_'))
            name[k++] = (char)raw[j++];
        name[k] = 0;
        int id = charset_id(name);
        /* a page that declares utf-16 in ASCII bytes cannot be utf-16 */
        if (id == CS_UTF16LE || id == CS_UTF16BE)
            id = CS_UTF8;
        if (id >= 0)
            return id;
    }
    return -1;
}

static int detect(const unsigned char *raw, size_t len, const char *declared, size_t *skip)
{
    *skip = 0;
    if (len >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF) {
        *skip = 3;
        return CS_UTF8;
    }
    if (len >= 2 && raw[0] == 0xFF && raw[1] == 0xFE) {
        *skip = 2;
        return CS_UTF16LE;
    }
    if (len >= 2 && raw[0] == 0xFE && raw[1] == 0xFF) {
        *skip = 2;
        return CS_UTF16BE;
    }
    int id = charset_id(declared);
    if (id < 0)
        id = meta_charset(raw, len);
    if (id == CS_UTF8 || id < 0)
        id = valid_utf8(raw, len) ? CS_UTF8 : CS_1252;
    return id;
}

const char *html_detect_charset(const unsigned char *raw, size_t len, const char *declared)
{
    size_t skip;
    return cs_names[detect(raw, len, declared, &skip)];
}

static size_t put_utf8(char *o, uint32_t cp)
{
    if (cp < 0x80) { o[0] = (char)cp; return 1; }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (cp >> 18));
    o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Binary: NUL bytes or many control bytes early on, for a page without a UTF-16 BOM. */
static bool looks_binary(const unsigned char *raw, size_t len)
{
    size_t n = len < 2048 ? len : 2048, ctl = 0;
    for (size_t i = 0; i < n; i++) {
        if (raw[i] == 0)
            return true;
        if (raw[i] < 0x09 || (raw[i] > 0x0D && raw[i] < 0x20 && raw[i] != 0x1B))
            ctl++;
    }
    return n && ctl * 20 > n;
}

int html_to_utf8(truce_arena *a, const unsigned char *raw, size_t len, const char *declared,
                 html_utf8 *out, truce_error *err)
{
    memset(out, 0, sizeof *out);
    size_t skip;
    int id = detect(raw, len, declared, &skip);
    out->charset = cs_names[id];
    out->map.raw_len = len;
    if (id != CS_UTF16LE && id != CS_UTF16BE && looks_binary(raw, len))
        return truce_error_set(err, TRUCE_EINPUT, NULL, 0, "binary data, not HTML");
    if (id == CS_UTF8 && skip == 0) {
        out->data = truce_arena_strndup(a, (const char *)raw, len);
        if (!out->data)
            return truce_error_set(err, TRUCE_ENOMEM, NULL, -1, "out of memory");
        out->len = len;
        out->identity = true;
        return TRUCE_OK;
    }
    size_t cap = (len - skip) * 3 + 1;
    char *o = truce_arena_alloc(a, cap);
    if (!o)
        return truce_error_set(err, TRUCE_ENOMEM, NULL, -1, "out of memory");
    size_t w = 0;
    size_t i = skip;
    while (i < len) {
        uint32_t cp;
        size_t used = 1;
        unsigned c = raw[i];
        if (id == CS_UTF8) {
            /* after a BOM the rest is copied, invalid bytes replaced */
            size_t k = c < 0x80 ? 0 : c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2
                     : c >= 0xF0 && c <= 0xF4 ? 3 : 9;
            bool ok = k != 9 && i + k < len;
            for (size_t j = 1; ok && j <= k; j++)
                ok = (raw[i + j] & 0xC0) == 0x80;
            if (ok) {
                if (truce_offset_map_add(a, &out->map, w, i, 0))
                    return truce_error_set(err, TRUCE_ENOMEM, NULL, -1, "out of memory");
                memcpy(o + w, raw + i, k + 1);
                w += k + 1;
                i += k + 1;
                continue;
            }
            cp = 0xFFFD;
        } else if (id == CS_UTF16LE || id == CS_UTF16BE) {
            if (i + 1 >= len) {
                cp = 0xFFFD;
            } else {
                cp = id == CS_UTF16LE ? (uint32_t)raw[i] | (uint32_t)raw[i + 1] << 8
                                      : (uint32_t)raw[i] << 8 | raw[i + 1];
                used = 2;
                if (cp >= 0xD800 && cp < 0xDC00 && i + 3 < len) {
                    uint32_t lo = id == CS_UTF16LE ? (uint32_t)raw[i + 2] | (uint32_t)raw[i + 3] << 8
                                                   : (uint32_t)raw[i + 2] << 8 | raw[i + 3];
                    if (lo >= 0xDC00 && lo < 0xE000) {
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                        used = 4;
                    } else {
                        cp = 0xFFFD;
                    }
                } else if (cp >= 0xD800 && cp < 0xE000) {
                    cp = 0xFFFD;
                }
                if (cp == 0)
                    cp = 0xFFFD;
            }
        } else if (c < 0x80) {
            cp = c;
        } else if (id == CS_1251) {
            cp = c >= 0xC0 ? 0x0410 + (c - 0xC0) : cp1251_hi[c - 0x80];
        } else {
            cp = c < 0xA0 ? cp1252_c1[c - 0x80] : c;
        }
        size_t n = put_utf8(o + w, cp);
        /* ASCII from a single-byte charset stays one to one; the rest maps as a unit */
        if (truce_offset_map_add(a, &out->map, w, i, (n == 1 && used == 1) ? 0 : used))
            return truce_error_set(err, TRUCE_ENOMEM, NULL, -1, "out of memory");
        w += n;
        i += used;
    }
    o[w] = 0;
    out->data = o;
    out->len = w;
    return TRUCE_OK;
}
