/*
 * tools/gazetteer/gazetteer_build.c: compiles GeoNames cities500, the country
 * TSV made by countries.js and our supplement TSV into one gazetteer.bin (the
 * layout in lib/read/place_impl.h). Build-time tool: it may print and exit;
 * it keeps everything in memory (a few hundred MB at most) and writes once.
 * Usage: gazetteer_build OUT.bin cities500.txt PLACES.tsv... (the last one is
 * our supplement; regions.tsv from regions.js and countries.tsv come before).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read/place_impl.h"

static gz_rec *recs; static size_t n_rec, cap_rec;
static gz_name *names; static size_t n_names, cap_names;
static char *pool; static size_t pool_len, pool_cap;

/* While building, a cities500 alternate name is marked in the high bit of
 * its record index: one that is also the name of a country or a division
 * (Bozeman's alternate "Missouri") is dropped before writing, unless the
 * place lies in that division and holds at least half its weight (Şuşa's
 * "Shusha", the Shusha rayon's town:
 * the reader prefers the town when the text does not say "district"). */
#define ALT_BIT 0x80000000u

static void die(const char *m) { fprintf(stderr, "gazetteer_build: %s\n", m); exit(1); }

static uint32_t pool_add(const char *s, size_t n)
{
    if (pool_len + n + 1 > pool_cap) {
        pool_cap = (pool_cap + n + 1) * 2;
        pool = realloc(pool, pool_cap);
        if (!pool) die("out of memory");
    }
    memcpy(pool + pool_len, s, n);
    pool[pool_len + n] = '\0';
    uint32_t off = (uint32_t)pool_len;
    pool_len += n + 1;
    return off;
}

static size_t add_rec(gz_rec r)
{
    if (n_rec == cap_rec) {
        cap_rec = cap_rec ? cap_rec * 2 : 1024;
        recs = realloc(recs, cap_rec * sizeof *recs);
        if (!recs) die("out of memory");
    }
    recs[n_rec] = r;
    return n_rec++;
}

/* Adds one name; `strict` drops codes and non-Latin spellings (cities500
 * alternate names carry airport codes and every script). */
static void add_name(size_t rec, const char *s, size_t n, int strict)
{
    char key[512];
    size_t k = gz_normalize(s, n, key, sizeof key);
    if (k < 2) return;
    if (strict) {
        int upper = 1, ascii = 1;
        for (size_t i = 0; i < n; i++) {
            if (s[i] >= 'a' && s[i] <= 'z') upper = 0;
        }
        for (size_t i = 0; i < k; i++)
            if ((unsigned char)key[i] >= 128) ascii = 0;
        if (!ascii || k < 3 || (upper && n <= 5)) return;
        for (size_t i = 0; i < k; i++)
            if (key[i] >= '0' && key[i] <= '9') return;
    }
    if (n_names == cap_names) {
        cap_names = cap_names ? cap_names * 2 : 4096;
        names = realloc(names, cap_names * sizeof *names);
        if (!names) die("out of memory");
    }
    names[n_names].key_off = pool_add(key, k);
    names[n_names].rec = (uint32_t)rec;
    n_names++;
}

/* GeoNames admin1 codes are mostly two characters ("GA", "05"); longer ones
 * ("ENG", "001") are folded to two bytes with the high bit set, the same way
 * for places and for divisions, so that only equality matters. */
static void admin_code(const char *s, size_t n, char out[2])
{
    out[0] = out[1] = 0;
    if (n == 0) return;
    if (n == 2) { out[0] = s[0]; out[1] = s[1]; return; }
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
    out[0] = (char)(0x80 | (h & 0x7F));
    out[1] = (char)(0x80 | ((h >> 7) & 0x7F));
}

/* Adds the spelling without a possessive "'s" as well ("People's Republic
 * of China" is also read as "People Republic of China", because the reader
 * drops a possessive before looking words up). */
static void add_name_and_unpossessive(size_t rec, const char *s, size_t n, int strict)
{
    add_name(rec, s, n, strict);
    char buf[512];
    size_t o = 0;
    int changed = 0;
    for (size_t i = 0; i < n && o + 1 < sizeof buf; i++) {
        if ((s[i] == '\'' && i + 1 < n && s[i + 1] == 's' && (i + 2 == n || s[i + 2] == ' '))) { i++; changed = 1; continue; }
        buf[o++] = s[i];
    }
    if (changed) add_name(rec, buf, o, strict);
}

static int split(char *line, char **f, int max)
{
    int n = 0;
    f[n++] = line;
    for (char *p = line; *p && n < max; p++)
        if (*p == '\t') { *p = '\0'; f[n++] = p + 1; }
    char *nl = strpbrk(f[n - 1], "\r\n");
    if (nl) *nl = '\0';
    return n;
}

static void load_cities(const char *path)
{
    FILE *fp = fopen(path, "r");
    if (!fp) die("cannot open cities500");
    static char line[1 << 16];
    while (fgets(line, sizeof line, fp)) {
        char *f[20];
        if (split(line, f, 20) < 15) continue;
        gz_rec r;
        memset(&r, 0, sizeof r);
        r.gid = atoi(f[0]);
        r.lat = (float)atof(f[4]);
        r.lon = (float)atof(f[5]);
        r.fclass = f[6][0];
        r.cc[0] = f[8][0]; r.cc[1] = f[8][0] ? f[8][1] : 0;
        r.pop = (uint32_t)strtoul(f[14], NULL, 10);
        admin_code(f[10], strlen(f[10]), r.admin1);
        r.prec = 1; /* point */
        if (!strcmp(f[7], "PPLC")) r.flags |= GZ_CAPITAL;
        if (!strcmp(f[7], "PPLA")) r.flags |= GZ_ADMIN_SEAT;
        r.name_off = pool_add(f[1], strlen(f[1]));
        size_t ri = add_rec(r);
        add_name(ri, f[1], strlen(f[1]), 0);
        add_name(ri, f[2], strlen(f[2]), 0);
        if (r.pop >= 5000) {
            for (char *p = f[3]; *p;) {
                char *c = strchr(p, ',');
                size_t l = c ? (size_t)(c - p) : strlen(p);
                size_t before = n_names;
                add_name(ri, p, l, 1);
                if (n_names > before) names[n_names - 1].rec |= ALT_BIT;
                if (!c) break;
                p = c + 1;
            }
        }
    }
    fclose(fp);
}

static int prec_code(const char *s)
{
    if (!strcmp(s, "point")) return 1;
    if (!strcmp(s, "district")) return 2;
    if (!strcmp(s, "region")) return 3;
    if (!strcmp(s, "country")) return 4;
    return 0;   /* "demonym" and anything else: not a place of its own */
}

/* name, alternates (;), lat, lon, class, country, precision, population, geonames id, source */
static void load_tsv(const char *path, int supplement)
{
    FILE *fp = fopen(path, "r");
    if (!fp) die("cannot open a place TSV");
    static char line[1 << 16];
    while (fgets(line, sizeof line, fp)) {
        if (line[0] == '#' || line[0] == '\n') continue;
        char *f[12];
        if (split(line, f, 12) < 9) continue;
        gz_rec r;
        memset(&r, 0, sizeof r);
        /* a leading "!": shown as the name, not matched (regions.js) */
        int display_only = f[0][0] == '!';
        const char *name = f[0] + display_only;
        r.name_off = pool_add(name, strlen(name));
        r.lat = (float)atof(f[2]);
        r.lon = (float)atof(f[3]);
        r.fclass = f[4][0];
        r.cc[0] = f[5][0]; r.cc[1] = f[5][0] ? f[5][1] : 0;
        if (f[5][0] && f[5][1] && f[5][2] == '-') admin_code(f[5] + 3, strlen(f[5] + 3), r.admin1);
        r.prec = (uint8_t)prec_code(f[6]);
        if (!strcmp(f[6], "demonym")) r.flags |= GZ_DEMONYM;
        r.pop = (uint32_t)strtoul(f[7], NULL, 10);
        r.gid = atoi(f[8]);
        if (supplement) r.flags |= GZ_SUPPLEMENT;
        size_t ri = add_rec(r);
        if (!display_only) add_name_and_unpossessive(ri, name, strlen(name), 0);
        for (char *p = f[1]; *p;) {
            char *c = strchr(p, ';');
            size_t l = c ? (size_t)(c - p) : strlen(p);
            add_name_and_unpossessive(ri, p, l, 0);
            if (!c) break;
            p = c + 1;
        }
    }
    fclose(fp);
}

static int cmp_name(const void *a, const void *b)
{
    const gz_name *x = a, *y = b;
    int c = strcmp(pool + x->key_off, pool + y->key_off);
    if (c) return c;
    return (x->rec > y->rec) - (x->rec < y->rec);
}

int main(int argc, char **argv)
{
    if (argc < 3) die("usage: gazetteer_build OUT.bin cities500.txt [places.tsv...]");
    if (strcmp(argv[2], "-") != 0) load_cities(argv[2]);
    for (int i = 3; i < argc; i++) load_tsv(argv[i], i == argc - 1 && argc > 4);
    /* A country's weight is the population of its GeoNames places (the
     * country list carries none), as a division's is (regions.js). */
    for (size_t i = 0; i < n_rec; i++) {
        if (recs[i].prec != 4 || recs[i].pop || !recs[i].cc[0]) continue;
        uint64_t sum = 0;
        for (size_t j = 0; j < n_rec; j++)
            if (recs[j].prec == 1 && recs[j].gid && recs[j].cc[0] == recs[i].cc[0] && recs[j].cc[1] == recs[i].cc[1])
                sum += recs[j].pop;
        recs[i].pop = sum > UINT32_MAX ? UINT32_MAX : (uint32_t)sum;
    }
    qsort(names, n_names, sizeof *names, cmp_name);
    size_t w = 0;
    for (size_t i = 0, e; i < n_names; i = e) {
        int division = 0;
        for (e = i; e < n_names && !strcmp(pool + names[e].key_off, pool + names[i].key_off); e++)
            if (!(names[e].rec & ALT_BIT) && recs[names[e].rec].prec >= 2) division = 1;
        for (size_t j = i; j < e; j++) {
            if ((names[j].rec & ALT_BIT) && division) {
                const gz_rec *c = &recs[names[j].rec & ~ALT_BIT];
                int inside = 0;
                for (size_t d = i; d < e && !inside; d++) {
                    const gz_rec *v = &recs[names[d].rec & ~ALT_BIT];
                    if ((names[d].rec & ALT_BIT) || v->prec < 2 || v->prec > 3 || v->cc[0] != c->cc[0] ||
                        v->cc[1] != c->cc[1] || v->admin1[0] != c->admin1[0] || v->admin1[1] != c->admin1[1] || !c->admin1[0])
                        continue;
                    /* a district: its middle within about 60 km */
                    float dla = v->lat - c->lat, dlo = (v->lon - c->lon) * 0.75f;
                    /* and the place is most of the division ("Shusha"), not
                     * one town of a state (Yuma's "Arizona") */
                    inside = (v->prec == 3 || dla * dla + dlo * dlo < 0.3f) && 2.0 * c->pop >= (double)v->pop;
                }
                if (!inside) continue;
            }
            names[j].rec &= ~ALT_BIT;
            names[w++] = names[j];
        }
    }
    n_names = w;
    qsort(names, n_names, sizeof *names, cmp_name);
    w = 0;
    for (size_t i = 0; i < n_names; i++) {
        if (w && names[w - 1].rec == names[i].rec &&
            !strcmp(pool + names[w - 1].key_off, pool + names[i].key_off))
            continue;
        names[w++] = names[i];
    }
    n_names = w;
    gz_header h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, GZ_MAGIC, 8);
    h.n_rec = (uint32_t)n_rec;
    h.n_names = (uint32_t)n_names;
    h.str_size = (uint32_t)pool_len;
    FILE *out = fopen(argv[1], "wb");
    if (!out) die("cannot write output");
    if (fwrite(&h, sizeof h, 1, out) != 1 ||
        (n_rec && fwrite(recs, sizeof *recs, n_rec, out) != n_rec) ||
        (n_names && fwrite(names, sizeof *names, n_names, out) != n_names) ||
        (pool_len && fwrite(pool, 1, pool_len, out) != pool_len) || fclose(out) != 0)
        die("write failed");
    fprintf(stderr, "gazetteer_build: %zu places, %zu names, %zu bytes of strings -> %s\n",
            n_rec, n_names, pool_len, argv[1]);
    return 0;
}
