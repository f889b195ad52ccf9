/*
 * core/buf.c: growable heap byte buffer used for output (JSON, CSV, SQL blobs).
 * Owns its data; a failed allocation sets `failed` and later appends are no-ops,
 * so a caller can check once at the end.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "truce/common.h"

void truce_buf_init(truce_buf *b)
{
    b->data = NULL;
    b->len = b->cap = 0;
    b->failed = false;
}

static bool reserve(truce_buf *b, size_t extra)
{
    if (b->failed)
        return false;
    if (extra > SIZE_MAX - b->len - 1) {
        b->failed = true;
        return false;
    }
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    char *p = realloc(b->data, cap);
    if (!p) {
        b->failed = true;
        return false;
    }
    b->data = p;
    b->cap = cap;
    return true;
}

bool truce_buf_reserve(truce_buf *b, size_t extra)
{
    return reserve(b, extra);
}

bool truce_buf_append(truce_buf *b, const void *p, size_t n)
{
    if (!reserve(b, n))
        return false;
    if (n)
        memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
    return true;
}

bool truce_buf_puts(truce_buf *b, const char *s)
{
    return truce_buf_append(b, s, strlen(s));
}

bool truce_buf_putc(truce_buf *b, char c)
{
    return truce_buf_append(b, &c, 1);
}

bool truce_buf_put_uint(truce_buf *b, unsigned long long v)
{
    char digits[20];
    size_t n = 0;
    do {
        digits[sizeof digits - ++n] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    return truce_buf_append(b, digits + sizeof digits - n, n);
}

bool truce_buf_printf(truce_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || !reserve(b, (size_t)n))
        return false;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return true;
}

bool truce_buf_json_string(truce_buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    if (!truce_buf_putc(b, '"'))
        return false;
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        const char *esc = NULL;
        char u[7];
        switch (c) {
        case '"': esc = "\\\""; break;
        case '\\': esc = "\\\\"; break;
        case '\n': esc = "\\n"; break;
        case '\r': esc = "\\r"; break;
        case '\t': esc = "\\t"; break;
        default:
            if (c < 0x20) {
                u[0] = '\\'; u[1] = 'u'; u[2] = '0'; u[3] = '0';
                u[4] = hex[c >> 4]; u[5] = hex[c & 15]; u[6] = 0;
                esc = u;
            }
        }
        if (esc) {
            truce_buf_append(b, s + run, i - run);
            truce_buf_puts(b, esc);
            run = i + 1;
        }
    }
    truce_buf_append(b, s + run, n - run);
    return truce_buf_putc(b, '"');
}

bool truce_buf_json_text(truce_buf *b, const char *s)
{
    return s ? truce_buf_json_string(b, s, strlen(s)) : truce_buf_puts(b, "null");
}

void truce_buf_reset(truce_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

void truce_buf_free(truce_buf *b)
{
    free(b->data);
    truce_buf_init(b);
}
