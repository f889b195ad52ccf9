/* tests/fuzz/fuzz_place.c: the place reader on any bytes, with and without
 * sentences, against a small gazetteer this target writes itself (the
 * layout of lib/read/place_impl.h, a few rows of our own covering towns,
 * divisions with designators, countries, a demonym, capitals and a
 * supplement row), so it needs no build data and runs the same everywhere.
 * Checks spans stay inside the text and in order, and every resolved field
 * is in range. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "read/place_impl.h"
#include "truce/read.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

typedef struct row {
    const char *name, *keys; /* keys: ';'-separated names, normalized here */
    float lat, lon;
    char fclass;
    const char *cc, *admin1;
    int prec, flags;
    unsigned pop;
    int gid;
} row;

/* Made-up rows (not GeoNames data): enough names to reach every rule. */
static const row rows[] = {
    {"Alderton", "Alderton", 40.0f, 45.0f, 'P', "AZ", "01", 1, GZ_ADMIN_SEAT, 20000, 1001},
    {"Alderton", "Alderton;Alderton District", 40.0f, 45.1f, 'A', "AZ", "01", 3, 0, 21000, 0},
    {"Alderton", "Alderton;Alder", 40.01f, 45.0f, 'P', "AZ", "", 1, GZ_SUPPLEMENT, 4000, 0},
    {"Brenna", "Brenna", 41.0f, 46.0f, 'P', "AZ", "02", 1, GZ_CAPITAL, 900000, 1002},
    {"Corvale", "Corvale", 48.0f, 37.0f, 'P', "UA", "05", 1, 0, 500000, 1003},
    {"Corvale Oblast", "Corvale Oblast;Corvale region;Corvale Province", 48.1f, 37.2f, 'A', "UA", "05", 3, 0,
     4000000, 0},
    {"Dunmore", "Dunmore;Dunmore Rayon", 39.5f, 46.5f, 'A', "AZ", "03", 2, 0, 3000, 0},
    {"Elsland", "Elsland;Republic of Elsland", 42.0f, 44.0f, 'A', "GE", "", 4, 0, 3000000, 0},
    {"Elsland", "Elsland", 33.0f, -83.0f, 'A', "US", "GA", 3, 0, 9000000, 0},
    {"Elslandic", "Elslandic;Elslanders", 0.0f, 0.0f, 'A', "GE", "", 0, GZ_DEMONYM, 0, 0},
    {"Fenwick", "Fenwick", 41.7f, 44.8f, 'P', "GE", "01", 1, GZ_CAPITAL, 1100000, 1004},
    {"Fenwick", "Fenwick", 37.2f, -93.3f, 'P', "US", "MO", 1, 0, 160000, 1005},
    {"Garrow", "Garrow", 38.0f, -92.0f, 'A', "US", "MO", 3, 0, 6000000, 0},
    {"Garrow Heights", "Garrow Heights", 33.0f, 35.7f, 'L', "SY", "", 3, GZ_SUPPLEMENT, 50000, 0},
    {"Hollin Valley", "Hollin Valley", 32.0f, 35.5f, 'T', "PS", "", 3, GZ_SUPPLEMENT, 0, 0},
    {"Hollin", "Hollin", 31.0f, 36.0f, 'A', "JO", "", 4, 0, 4000000, 0},
    {"Ivel", "Ivel;St. Ivel;U.I.", 40.5f, 45.5f, 'P', "AZ", "02", 1, 0, 600, 1006},
};

static char gz_path[64];
static truce_gazetteer *gz;

typedef struct kv {
    char key[128];
    uint32_t rec;
} kv;

static int cmp_kv(const void *a, const void *b)
{
    const kv *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : (x->rec > y->rec) - (x->rec < y->rec);
}

/* Writes the rows as a gazetteer.bin and opens it; aborts on any failure
 * (the target is useless without its gazetteer). */
static void build_gazetteer(void)
{
    enum { NR = sizeof rows / sizeof rows[0], MAXK = 64 };
    gz_rec recs[NR];
    kv keys[MAXK];
    size_t nk = 0;
    char pool[8192];
    size_t pl = 0;
    memset(recs, 0, sizeof recs);
    for (size_t i = 0; i < NR; i++) {
        const row *r = &rows[i];
        gz_rec *g = &recs[i];
        g->gid = r->gid;
        g->lat = r->lat;
        g->lon = r->lon;
        g->pop = r->pop;
        g->fclass = r->fclass;
        g->cc[0] = r->cc[0];
        g->cc[1] = r->cc[0] ? r->cc[1] : 0;
        g->admin1[0] = r->admin1[0];
        g->admin1[1] = r->admin1[0] ? r->admin1[1] : 0;
        g->prec = (uint8_t)r->prec;
        g->flags = (uint8_t)r->flags;
        g->name_off = (uint32_t)pl;
        size_t l = strlen(r->name);
        memcpy(pool + pl, r->name, l + 1);
        pl += l + 1;
        for (const char *p = r->keys; *p;) {
            const char *e = strchr(p, ';');
            size_t n = e ? (size_t)(e - p) : strlen(p);
            if (nk == MAXK || !gz_normalize(p, n, keys[nk].key, sizeof keys[nk].key)) abort();
            keys[nk++].rec = (uint32_t)i;
            p = e ? e + 1 : p + n;
        }
    }
    qsort(keys, nk, sizeof *keys, cmp_kv);
    gz_name names[MAXK];
    for (size_t i = 0; i < nk; i++) {
        size_t l = strlen(keys[i].key);
        if (pl + l + 1 > sizeof pool) abort();
        names[i].key_off = (uint32_t)pl;
        names[i].rec = keys[i].rec;
        memcpy(pool + pl, keys[i].key, l + 1);
        pl += l + 1;
    }
    gz_header h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, GZ_MAGIC, 8);
    h.n_rec = NR;
    h.n_names = (uint32_t)nk;
    h.str_size = (uint32_t)pl;
    snprintf(gz_path, sizeof gz_path, "/tmp/truce-fuzz-place-XXXXXX");
    int fd = mkstemp(gz_path);
    if (fd < 0) abort();
    FILE *fp = fdopen(fd, "wb");
    if (!fp || fwrite(&h, sizeof h, 1, fp) != 1 || fwrite(recs, sizeof *recs, NR, fp) != NR ||
        fwrite(names, sizeof *names, nk, fp) != nk || fwrite(pool, 1, pl, fp) != pl || fclose(fp) != 0)
        abort();
    truce_error err;
    truce_error_clear(&err);
    if (truce_gazetteer_open(gz_path, &gz, &err) != TRUCE_OK) abort();
    unlink(gz_path);
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    if (!gz) build_gazetteer();
    truce_arena *a = truce_arena_new(0);
    if (!a) return 0;
    const char *text = (const char *)data;
    truce_error err;
    truce_error_clear(&err);
    truce_sentence_list s = {NULL, 0};
    if (size && (data[0] & 1)) truce_read_sentences(a, text, size, &s, &err);
    truce_place_list pl;
    if (truce_read_places(a, gz, text, size, s.n ? &s : NULL, &pl, &err) == TRUCE_OK) {
        size_t prev = 0;
        for (size_t i = 0; i < pl.n; i++) {
            const truce_place_mention *m = &pl.items[i];
            if (m->span.start >= m->span.end || m->span.end > size || m->span.start < prev) abort();
            prev = m->span.end;
            if (!m->name || !m->basis || m->precision > TRUCE_PLACE_COUNTRY || m->precision == TRUCE_PLACE_UNKNOWN)
                abort();
            if (m->lat < -90 || m->lat > 90 || m->lon < -180 || m->lon > 180) abort();
            if (s.n && m->sentence >= s.n) abort();
            (void)truce_place_precision_name(m->precision);
        }
    }
    truce_arena_free(a);
    return 0;
}
