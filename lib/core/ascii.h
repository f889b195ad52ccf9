/*
 * core/ascii.h: ASCII character classes as inline functions, for the inner
 * loops of the readers and the matcher. truce reads text in the "C" locale,
 * where these agree with <ctype.h>; they avoid its per-call lookups. Bytes
 * of 0x80 and above are never letters, digits or spaces here.
 */
#ifndef TRUCE_CORE_ASCII_H
#define TRUCE_CORE_ASCII_H

#include <stdbool.h>
#include <stddef.h>

static inline bool truce_ascii_alnum(unsigned char c)
{
    return (unsigned)((c | 32) - 'a') < 26u || (unsigned)(c - '0') < 10u;
}

static inline bool truce_ascii_space(unsigned char c)
{
    return c == ' ' || (unsigned)(c - '\t') < 5u;
}

/* tolower */
static inline unsigned char truce_ascii_fold(unsigned char c)
{
    return (unsigned)(c - 'A') < 26u ? (unsigned char)(c + 32) : c;
}

/* The n bytes at a and b are equal but for ASCII case (strncasecmp in the
 * "C" locale, without its per-byte lookups; a NUL is compared like any byte). */
static inline bool truce_ascii_ncase_eq(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (truce_ascii_fold((unsigned char)a[i]) != truce_ascii_fold((unsigned char)b[i]))
            return false;
    return true;
}

#endif
