/*
 * read/place_norm.c: the one name normalization shared by the gazetteer
 * builder and the place reader (see place_impl.h). Pure function over bytes;
 * allocates nothing, must not depend on other libtruce code.
 */
#include <stdbool.h>
#include <string.h>
#include <utf8proc.h>

#include "core/ascii.h"
#include "read/place_impl.h"

static int fold_special(utf8proc_int32_t cp, const char **rep)
{
    switch (cp) {
    case 0x259: case 0x18F: *rep = "a"; return 1;   /* ə Ə (Azerbaijani) */
    case 0x131: *rep = "i"; return 1;               /* dotless ı */
    case 0xDF: *rep = "ss"; return 1;
    case 0xF8: case 0xD8: *rep = "o"; return 1;
    case 0xE6: case 0xC6: *rep = "ae"; return 1;
    case 0x111: case 0x110: *rep = "d"; return 1;
    case 0x142: case 0x141: *rep = "l"; return 1;
    case 0xFE: case 0xDE: *rep = "th"; return 1;
    default: return 0;
    }
}

static int is_apostrophe(utf8proc_int32_t cp)
{
    return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x2BC || cp == 0x2BB || cp == '`';
}

size_t gz_normalize(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0, i = 0;
    int pending_space = 0;
    if (cap == 0) return 0;
    while (i < n) {
        unsigned char b = (unsigned char)s[i];
        if (b < 0x80) {
            /* ASCII without the library calls: letters and digits are the
             * only word characters, apostrophes vanish, the rest separate */
            i++;
            if (b == '\'' || b == '`') continue;
            bool lower = b >= 'a' && b <= 'z', upper = b >= 'A' && b <= 'Z', digit = b >= '0' && b <= '9';
            if (!lower && !upper && !digit) { pending_space = 1; continue; }
            if (pending_space && o > 0) {
                if (o + 1 >= cap) return 0;
                out[o++] = ' ';
            }
            pending_space = 0;
            if (o + 1 >= cap) return 0;
            out[o++] = upper ? (char)(b + 32) : (char)b;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0) { i++; pending_space = 1; continue; }
        i += (size_t)k;
        if (is_apostrophe(cp)) continue;
        utf8proc_category_t cat = utf8proc_category(cp);
        if (cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME) continue;
        int word = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
                   (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
        if (!word) { pending_space = 1; continue; }
        if (pending_space && o > 0) {
            if (o + 1 >= cap) return 0;
            out[o++] = ' ';
        }
        pending_space = 0;
        if (cp < 128) {
            if (o + 1 >= cap) return 0;
            out[o++] = (char)truce_ascii_fold((unsigned char)cp);
            continue;
        }
        const char *rep;
        utf8proc_int32_t low = utf8proc_tolower(cp);
        if (fold_special(low, &rep)) {
            size_t rl = strlen(rep);
            if (o + rl >= cap) return 0;
            memcpy(out + o, rep, rl);
            o += rl;
            continue;
        }
        utf8proc_int32_t buf[8];
        int last = 0;
        utf8proc_ssize_t m = utf8proc_decompose_char(cp, buf, 8,
            UTF8PROC_CASEFOLD | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_COMPAT, &last);
        if (m < 0 || m > 8) continue;
        for (utf8proc_ssize_t j = 0; j < m; j++) {
            utf8proc_uint8_t enc[4];
            utf8proc_ssize_t el = utf8proc_encode_char(buf[j], enc);
            if (o + (size_t)el >= cap) return 0;
            memcpy(out + o, enc, (size_t)el);
            o += (size_t)el;
        }
    }
    out[o] = '\0';
    return o;
}
