/*
 * core/ascii.h: ASCII character classes as inline functions, for the inner
 * loops of the readers and the matcher. truce reads text in the "C" locale,
 * where these agree with <ctype.h>; they avoid its per-call lookups. Bytes
 * of 0x80 and above are never letters, digits or spaces here.
 */
#ifndef TRUCE_CORE_ASCII_H
#define TRUCE_CORE_ASCII_H

#include <stdbool.h>

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

#endif
