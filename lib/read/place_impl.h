/*
 * read/place_impl.h: private to the place reader and the gazetteer builder.
 * Owns the on-disk layout of gazetteer.bin and the name normalization both
 * sides must agree on. Depends only on libutf8proc, so the builder program
 * can compile place_norm.c without the rest of libtruce.
 */
#ifndef TRUCE_PLACE_IMPL_H
#define TRUCE_PLACE_IMPL_H

#include <stddef.h>
#include <stdint.h>

#define GZ_MAGIC "TRUCEGZ2"

/* Layout: header, records[n_rec], names[n_names] sorted by key bytes, then
 * the string pool. All integers little-endian as written by the builder on
 * the same kind of machine (the file is built at install time). */
typedef struct gz_header {
    char magic[8];
    uint32_t n_rec;
    uint32_t n_names;
    uint32_t str_size;
    uint32_t reserved[5];
} gz_header;

/* GZ_DEMONYM: "Armenian", "Georgians": not a place, only a hint of which
 * country the document is about (prec 0, cc set). */
enum gz_flags { GZ_CAPITAL = 1, GZ_ADMIN_SEAT = 2, GZ_SUPPLEMENT = 4, GZ_DEMONYM = 8 };

typedef struct gz_rec {
    int32_t gid;        /* GeoNames id, 0 for our own rows */
    float lat, lon;
    uint32_t pop;
    uint32_t name_off;  /* display name in the pool */
    char fclass;
    char cc[2];
    uint8_t prec;       /* truce_place_precision */
    uint8_t flags;      /* gz_flags */
    char admin1[2];     /* GeoNames admin1 code; a longer code folded to two bytes with the high bit set */
    uint8_t pad;
} gz_rec;

typedef struct gz_name {
    uint32_t key_off;   /* normalized key in the pool */
    uint32_t rec;
} gz_name;

/* Normalizes a name for matching: case-folded, accents stripped, a few
 * letters transliterated (ə->a, ı->i, ß->ss), apostrophes dropped, any other
 * run of non-letters/digits turned into one space, trimmed. Writes at most
 * cap-1 bytes plus NUL; returns the length, or 0 when it did not fit. */
size_t gz_normalize(const char *s, size_t n, char *out, size_t cap);

#endif
