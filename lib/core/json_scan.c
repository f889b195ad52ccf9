/*
 * core/json_scan.c: flat JSON object reader (see json_scan.h).
 * Owns nothing; strings are decoded into the caller's arena.
 */
#include <string.h>

#include "json_scan.h"

typedef struct scanner {
    const char *s;
    size_t i, n;
} scanner;

static void ws(scanner *p)
{
    while (p->i < p->n && (p->s[p->i] == ' ' || p->s[p->i] == '\t' || p->s[p->i] == '\n' ||
                           p->s[p->i] == '\r'))
        p->i++;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static char *string(truce_arena *a, scanner *p)
{
    if (p->i >= p->n || p->s[p->i] != '"')
        return NULL;
    p->i++;
    char *out = truce_arena_alloc(a, p->n - p->i + 1);
    if (!out)
        return NULL;
    size_t w = 0;
    while (p->i < p->n && p->s[p->i] != '"') {
        char c = p->s[p->i++];
        if ((unsigned char)c < 0x20)
            return NULL;
        if (c != '\\') {
            out[w++] = c;
            continue;
        }
        if (p->i >= p->n)
            return NULL;
        c = p->s[p->i++];
        switch (c) {
        case '"': case '\\': case '/': out[w++] = c; break;
        case 'n': out[w++] = '\n'; break;
        case 't': out[w++] = '\t'; break;
        case 'r': out[w++] = '\r'; break;
        case 'b': out[w++] = '\b'; break;
        case 'f': out[w++] = '\f'; break;
        case 'u': {
            if (p->i + 4 > p->n)
                return NULL;
            unsigned cp = 0;
            for (int k = 0; k < 4; k++) {
                int h = hexval(p->s[p->i++]);
                if (h < 0)
                    return NULL;
                cp = cp << 4 | (unsigned)h;
            }
            if (cp >= 0xD800 && cp < 0xDC00 && p->i + 6 <= p->n && p->s[p->i] == '\\' &&
                p->s[p->i + 1] == 'u') {
                unsigned lo = 0;
                for (int k = 0; k < 4; k++) {
                    int h = hexval(p->s[p->i + 2 + (size_t)k]);
                    if (h < 0)
                        return NULL;
                    lo = lo << 4 | (unsigned)h;
                }
                if (lo >= 0xDC00 && lo < 0xE000) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    p->i += 6;
                }
            }
            if (cp < 0x80) out[w++] = (char)cp;
            else if (cp < 0x800) { out[w++] = (char)(0xC0 | cp >> 6); out[w++] = (char)(0x80 | (cp & 63)); }
            else if (cp < 0x10000) { out[w++] = (char)(0xE0 | cp >> 12); out[w++] = (char)(0x80 | ((cp >> 6) & 63)); out[w++] = (char)(0x80 | (cp & 63)); }
            else { out[w++] = (char)(0xF0 | cp >> 18); out[w++] = (char)(0x80 | ((cp >> 12) & 63)); out[w++] = (char)(0x80 | ((cp >> 6) & 63)); out[w++] = (char)(0x80 | (cp & 63)); }
            break;
        }
        default:
            return NULL;
        }
    }
    if (p->i >= p->n)
        return NULL;
    p->i++;
    out[w] = '\0';
    return out;
}

/* Skips any JSON value (used for nested arrays/objects). */
static bool skip_value(truce_arena *a, scanner *p, int depth)
{
    ws(p);
    if (p->i >= p->n || depth > 64)
        return false;
    char c = p->s[p->i];
    if (c == '"')
        return string(a, p) != NULL;
    if (c == '{' || c == '[') {
        char close = c == '{' ? '}' : ']';
        p->i++;
        ws(p);
        if (p->i < p->n && p->s[p->i] == close) {
            p->i++;
            return true;
        }
        for (;;) {
            if (c == '{') {
                ws(p);
                if (!string(a, p))
                    return false;
                ws(p);
                if (p->i >= p->n || p->s[p->i] != ':')
                    return false;
                p->i++;
            }
            if (!skip_value(a, p, depth + 1))
                return false;
            ws(p);
            if (p->i < p->n && p->s[p->i] == ',') {
                p->i++;
                continue;
            }
            if (p->i < p->n && p->s[p->i] == close) {
                p->i++;
                return true;
            }
            return false;
        }
    }
    size_t st = p->i;
    while (p->i < p->n && strchr(",}] \t\r\n", p->s[p->i]) == NULL)
        p->i++;
    return p->i > st;
}

int json_scan_object(truce_arena *a, const char *s, size_t len, json_field **fields, size_t *n,
                     truce_error *err, const char *doc)
{
    scanner p = { s, 0, len };
    size_t cap = 8;
    *n = 0;
    *fields = truce_arena_alloc(a, cap * sizeof **fields);
    if (!*fields)
        return truce_error_set(err, TRUCE_ENOMEM, doc, -1, "out of memory");
    ws(&p);
    if (p.i >= p.n || s[p.i] != '{')
        return truce_error_set(err, TRUCE_EINPUT, doc, (long long)p.i, "expected a JSON object");
    p.i++;
    ws(&p);
    if (p.i < p.n && s[p.i] == '}')
        return TRUCE_OK;
    for (;;) {
        ws(&p);
        char *key = string(a, &p);
        if (!key)
            return truce_error_set(err, TRUCE_EINPUT, doc, (long long)p.i, "expected a string key");
        ws(&p);
        if (p.i >= p.n || s[p.i] != ':')
            return truce_error_set(err, TRUCE_EINPUT, doc, (long long)p.i, "expected ':'");
        p.i++;
        ws(&p);
        json_field f = { key, NULL, false };
        if (p.i < p.n && s[p.i] == '"') {
            f.value = string(a, &p);
            f.is_string = true;
            if (!f.value)
                return truce_error_set(err, TRUCE_EINPUT, doc, (long long)p.i, "bad string");
        } else if (p.i < p.n && (s[p.i] == '{' || s[p.i] == '[')) {
            size_t st = p.i;
            if (!skip_value(a, &p, 0))
                return truce_error_set(err, TRUCE_EINPUT, doc, (long long)p.i, "bad value");
            f.value = truce_arena_strndup(a, s + st, p.i - st);
        } else {
            size_t st = p.i;
            if (!skip_value(a, &p, 0))
                return truce_error_set(err, TRUCE_EINPUT, doc, (long long)p.i, "bad value");
            if (!(p.i - st == 4 && strncmp(s + st, "null", 4) == 0))
                f.value = truce_arena_strndup(a, s + st, p.i - st);
        }
        if (*n == cap) {
            json_field *g = truce_arena_grow(a, *fields, *n, cap * 2, sizeof *g);
            if (!g)
                return truce_error_set(err, TRUCE_ENOMEM, doc, -1, "out of memory");
            *fields = g;
            cap *= 2;
        }
        (*fields)[(*n)++] = f;
        ws(&p);
        if (p.i < p.n && s[p.i] == ',') {
            p.i++;
            continue;
        }
        if (p.i < p.n && s[p.i] == '}') {
            p.i++;
            break;
        }
        return truce_error_set(err, TRUCE_EINPUT, doc, (long long)p.i, "expected ',' or '}'");
    }
    ws(&p);
    if (p.i != p.n)
        return truce_error_set(err, TRUCE_EINPUT, doc, (long long)p.i, "text after the object");
    return TRUCE_OK;
}

const char *json_get(const json_field *f, size_t n, const char *key)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(f[i].key, key) == 0)
            return f[i].value;
    return NULL;
}
