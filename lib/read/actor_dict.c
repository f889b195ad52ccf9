/*
 * read/actor_dict.c: loads the actor dictionaries (data/actors/ (one .tsv per list)) and
 * names actor kinds. Owns the dictionary and its arena. Must not print or
 * exit; a malformed line is an error naming the file and line, never skipped
 * silently.
 *
 * Default directory: $TRUCE_DATA_DIR/actors, then the source tree's data/
 * (compile definition TRUCE_SOURCE_DATA_DIR), then the installed share/truce.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <sys/stat.h>

#include "read/actor_impl.h"

#ifndef TRUCE_SOURCE_DATA_DIR
#define TRUCE_SOURCE_DATA_DIR "data"
#endif
#ifndef TRUCE_DATA_DIR
#define TRUCE_DATA_DIR "/usr/local/share/truce"
#endif

const char *truce_actor_kind_name(truce_actor_kind k)
{
    switch (k) {
    case TRUCE_ACTOR_STATE: return "state";
    case TRUCE_ACTOR_MILITARY: return "military";
    case TRUCE_ACTOR_GOVERNMENT: return "government";
    case TRUCE_ACTOR_OFFICIAL: return "official";
    case TRUCE_ACTOR_ORGANISATION: return "organisation";
    case TRUCE_ACTOR_CIVILIANS: return "civilians";
    case TRUCE_ACTOR_GROUP: return "group";
    case TRUCE_ACTOR_MEDIA: return "media";
    default: return "unknown";
    }
}

static bool parse_kind(const char *s, truce_actor_kind *kind, int *cls)
{
    static const struct { const char *name; truce_actor_kind kind; int cls; } K[] = {
        {"state", TRUCE_ACTOR_STATE, ACTOR_ENTRY_NAME},
        {"military", TRUCE_ACTOR_MILITARY, ACTOR_ENTRY_NAME},
        {"government", TRUCE_ACTOR_GOVERNMENT, ACTOR_ENTRY_NAME},
        {"official", TRUCE_ACTOR_OFFICIAL, ACTOR_ENTRY_NAME},
        {"organisation", TRUCE_ACTOR_ORGANISATION, ACTOR_ENTRY_NAME},
        {"organization", TRUCE_ACTOR_ORGANISATION, ACTOR_ENTRY_NAME},
        {"civilians", TRUCE_ACTOR_CIVILIANS, ACTOR_ENTRY_NAME},
        {"group", TRUCE_ACTOR_GROUP, ACTOR_ENTRY_NAME},
        {"media", TRUCE_ACTOR_MEDIA, ACTOR_ENTRY_NAME},
        {"adj", TRUCE_ACTOR_STATE, ACTOR_ENTRY_ADJ},
        {"noun", TRUCE_ACTOR_GROUP, ACTOR_ENTRY_NOUN},
        {"title", TRUCE_ACTOR_OFFICIAL, ACTOR_ENTRY_TITLE},
        {"suffix", TRUCE_ACTOR_OFFICIAL, ACTOR_ENTRY_SUFFIX},
    };
    for (size_t i = 0; i < sizeof K / sizeof K[0]; i++)
        if (strcmp(s, K[i].name) == 0) {
            *kind = K[i].kind;
            *cls = K[i].cls;
            return true;
        }
    return false;
}

/* Group nouns whose canonical kind is "noun" take their kind from the noun
 * itself when combined; these words say which. */
static truce_actor_kind noun_kind(const char *noun)
{
    static const char *const MIL[] = {"armed forces", "army", "sappers", "Air Force", "navy",
                                      "State Border Service", "General Staff", "forces", "troops", "soldiers",
                                      "servicemen", "military", "border guards", "units",
                                      "armed groups", "armed formations", "marines",
                                      "special forces", "national guard", "air defence",
                                      "patrol", "patrols", "warplanes", "aircraft", "drones",
                                      "snipers", "sniper"};
    static const char *const GOV[] = {"government", "authorities", "delegation", "side",
                                      "leadership", "Defense Ministry", "Foreign Ministry",
                                      "Emergencies Ministry", "Ministry of Health",
                                      "Ministry of Internal Affairs", "National Security Service",
                                      "officials"};
    for (size_t i = 0; i < sizeof MIL / sizeof MIL[0]; i++)
        if (strcmp(noun, MIL[i]) == 0)
            return TRUCE_ACTOR_MILITARY;
    for (size_t i = 0; i < sizeof GOV / sizeof GOV[0]; i++)
        if (strcmp(noun, GOV[i]) == 0)
            return TRUCE_ACTOR_GOVERNMENT;
    return TRUCE_ACTOR_GROUP;
}

static int add_entry(truce_actor_dict *d, const actor_entry *e)
{
    if (d->n == d->cap) {
        size_t nc = d->cap ? d->cap * 2 : 256;
        actor_entry *ni = truce_arena_grow(d->arena, d->items, d->n, nc, sizeof *ni);
        if (!ni)
            return TRUCE_ENOMEM;
        d->items = ni;
        d->cap = nc;
    }
    d->items[d->n++] = *e;
    return TRUCE_OK;
}

static int load_file(truce_actor_dict *d, const char *path, const char *base, truce_error *err)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return truce_error_set(err, TRUCE_EIO, path, -1, "cannot open actor dictionary");
    char line[1024];
    int lineno = 0, rc = TRUCE_OK;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        size_t l = strlen(line);
        while (l && (line[l - 1] == '\n' || line[l - 1] == '\r'))
            line[--l] = 0;
        if (l == 0 || line[0] == '#')
            continue;
        char *cols[4] = {line, NULL, NULL, NULL};
        int nc = 1;
        for (char *p = line; *p && nc < 4; p++)
            if (*p == '\t') {
                *p = 0;
                cols[nc++] = p + 1;
            }
        if (nc < 3 || !cols[0][0]) {
            rc = truce_error_set(err, TRUCE_EINPUT, path, lineno,
                                 "line %d: want pattern, name, kind separated by tabs", lineno);
            break;
        }
        actor_entry e = {0};
        if (!parse_kind(cols[2], &e.kind, &e.cls)) {
            rc = truce_error_set(err, TRUCE_EINPUT, path, lineno, "line %d: unknown kind \"%s\"",
                                 lineno, cols[2]);
            break;
        }
        e.pattern = truce_arena_strdup(d->arena, cols[0]);
        e.name = truce_arena_strdup(d->arena, cols[1][0] ? cols[1] : cols[0]);
        e.rule = truce_arena_printf(d->arena, "%s:%d", base, lineno);
        if (!e.pattern || !e.name || !e.rule) {
            rc = truce_error_set(err, TRUCE_ENOMEM, path, -1, "out of memory");
            break;
        }
        e.plen = strlen(e.pattern);
        e.capital = isupper((unsigned char)e.pattern[0]) != 0;
        if (e.cls == ACTOR_ENTRY_NOUN)
            e.kind = noun_kind(e.name);
        if (cols[3] && strlen(cols[3]) == 2) {
            e.country[0] = cols[3][0];
            e.country[1] = cols[3][1];
        }
        if ((rc = add_entry(d, &e)) != TRUCE_OK) {
            truce_error_set(err, rc, path, -1, "out of memory");
            break;
        }
    }
    fclose(f);
    return rc;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int load_dir(truce_actor_dict *d, const char *dir, truce_error *err)
{
    DIR *dh = opendir(dir);
    if (!dh)
        return truce_error_set(err, TRUCE_ENOTFOUND, dir, -1, "actor directory not found");
    char *names[256];
    size_t n = 0;
    struct dirent *de;
    int rc = TRUCE_OK;
    while ((de = readdir(dh)) && n < 256) {
        size_t l = strlen(de->d_name);
        if (l > 4 && strcmp(de->d_name + l - 4, ".tsv") == 0) {
            names[n] = truce_arena_strdup(d->arena, de->d_name);
            if (!names[n]) {
                rc = truce_error_set(err, TRUCE_ENOMEM, dir, -1, "out of memory");
                break;
            }
            n++;
        }
    }
    closedir(dh);
    if (rc)
        return rc;
    /* A fixed order keeps rule names and tie-breaks the same on every system. */
    qsort(names, n, sizeof names[0], cmp_str);
    for (size_t i = 0; i < n && rc == TRUCE_OK; i++) {
        char *path = truce_arena_printf(d->arena, "%s/%s", dir, names[i]);
        if (!path)
            return truce_error_set(err, TRUCE_ENOMEM, dir, -1, "out of memory");
        rc = load_file(d, path, names[i], err);
    }
    if (rc == TRUCE_OK && n == 0)
        rc = truce_error_set(err, TRUCE_ENOTFOUND, dir, -1, "no *.tsv files in actor directory");
    return rc;
}

static bool is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

int truce_actor_dict_open(const char *path, truce_actor_dict **out, truce_error *err)
{
    *out = NULL;
    truce_actor_dict *d = calloc(1, sizeof *d);
    if (!d)
        return truce_error_set(err, TRUCE_ENOMEM, path, -1, "out of memory");
    d->arena = truce_arena_new(64 * 1024);
    if (!d->arena) {
        free(d);
        return truce_error_set(err, TRUCE_ENOMEM, path, -1, "out of memory");
    }
    int rc;
    if (path) {
        rc = is_dir(path) ? load_dir(d, path, err) : load_file(d, path, path, err);
    } else {
        char env_dir[1024] = "";
        const char *env = getenv("TRUCE_DATA_DIR");
        if (env && *env)
            snprintf(env_dir, sizeof env_dir, "%s/actors", env);
        const char *cands[] = {env_dir, TRUCE_SOURCE_DATA_DIR "/actors", TRUCE_DATA_DIR "/actors"};
        rc = truce_error_set(err, TRUCE_ENOTFOUND, NULL, -1,
                             "no actor dictionary found ($TRUCE_DATA_DIR/actors, %s, %s)",
                             TRUCE_SOURCE_DATA_DIR "/actors", TRUCE_DATA_DIR "/actors");
        for (size_t i = 0; i < 3; i++)
            if (cands[i][0] && is_dir(cands[i])) {
                rc = load_dir(d, cands[i], err);
                break;
            }
    }
    if (rc == TRUCE_OK && actor_dict_index(d) != TRUCE_OK)
        rc = truce_error_set(err, TRUCE_ENOMEM, path, -1, "out of memory indexing actors");
    if (rc != TRUCE_OK) {
        truce_actor_dict_close(d);
        return rc;
    }
    *out = d;
    return TRUCE_OK;
}

unsigned actor_second_key(const actor_entry *e)
{
    if (e->plen < 2)
        return 0;
    unsigned char c = (unsigned char)e->pattern[1];
    return c < 0x80 ? (unsigned)tolower(c) : c;
}

static unsigned first_key(const actor_entry *e)
{
    unsigned char c = (unsigned char)e->pattern[0];
    return c < 0x80 ? (unsigned)tolower(c) : c;
}

int actor_dict_index(truce_actor_dict *d)
{
    d->order = truce_arena_alloc(d->arena, (d->n ? d->n : 1) * sizeof *d->order);
    if (!d->order)
        return TRUCE_ENOMEM;
    /* Counting sort by (class, first byte): bucket[c][b] is where the entries
     * of class c starting with byte b begin in `order`, bucket[c][b+1] where
     * they end (bucket[c][256] closes the class). */
    uint32_t count[ACTOR_N_CLASSES][256];
    memset(count, 0, sizeof count);
    for (size_t k = 0; k < d->n; k++) {
        const actor_entry *e = &d->items[k];
        if (e->cls >= 0 && e->cls < ACTOR_N_CLASSES && e->plen)
            count[e->cls][first_key(e)]++;
    }
    uint32_t total = 0;
    for (int c = 0; c < ACTOR_N_CLASSES; c++) {
        for (int b = 0; b < 256; b++) {
            d->bucket[c][b] = total;
            total += count[c][b];
        }
        d->bucket[c][256] = total;
    }
    uint32_t fill[ACTOR_N_CLASSES][256];
    for (int c = 0; c < ACTOR_N_CLASSES; c++)
        memcpy(fill[c], d->bucket[c], sizeof fill[c]);
    for (size_t k = 0; k < d->n; k++) {
        const actor_entry *e = &d->items[k];
        if (e->cls >= 0 && e->cls < ACTOR_N_CLASSES && e->plen)
            d->order[fill[e->cls][first_key(e)]++] = (uint32_t)k;
    }
    d->second = truce_arena_alloc(d->arena, (d->n ? d->n : 1));
    if (!d->second)
        return TRUCE_ENOMEM;
    /* stable insertion sort of each bucket by second byte (buckets are small) */
    for (int c = 0; c < ACTOR_N_CLASSES; c++)
        for (int b = 0; b < 256; b++)
            for (uint32_t o = d->bucket[c][b] + 1; o < d->bucket[c][b + 1]; o++) {
                uint32_t v = d->order[o];
                unsigned key = actor_second_key(&d->items[v]);
                uint32_t j = o;
                while (j > d->bucket[c][b] && actor_second_key(&d->items[d->order[j - 1]]) > key) {
                    d->order[j] = d->order[j - 1];
                    j--;
                }
                d->order[j] = v;
            }
    for (uint32_t o = 0; o < total; o++)
        d->second[o] = (unsigned char)actor_second_key(&d->items[d->order[o]]);
    size_t rows = 0;
    for (int c = 0; c < ACTOR_N_CLASSES; c++)
        for (int b = 0; b < 256; b++)
            if (d->bucket[c][b + 1] > d->bucket[c][b])
                d->row[c][b] = (uint32_t)rows++;
    d->from = truce_arena_alloc(d->arena, (rows ? rows : 1) * 257 * sizeof *d->from);
    if (!d->from)
        return TRUCE_ENOMEM;
    for (int c = 0; c < ACTOR_N_CLASSES; c++)
        for (int b = 0; b < 256; b++) {
            uint32_t b0 = d->bucket[c][b], b1 = d->bucket[c][b + 1];
            if (b1 == b0)
                continue;
            uint32_t *f = d->from + (size_t)d->row[c][b] * 257, o = b0;
            for (unsigned k = 0; k <= 256; k++) {
                while (o < b1 && d->second[o] < k)
                    o++;
                f[k] = o;
            }
        }
    memset(d->uncased, 0, sizeof d->uncased);
    for (int c = 0; c < ACTOR_N_CLASSES; c++)
        for (int b = 0; b < 256; b++)
            for (uint32_t o = d->bucket[c][b]; o < d->bucket[c][b + 1]; o++)
                if (!d->items[d->order[o]].capital)
                    d->uncased[c][b] = 1;
    memset(d->pairs, 0, sizeof d->pairs);
    for (int c = 0; c < ACTOR_N_CLASSES; c++)
        for (int b = 0; b < 256; b++)
            for (uint32_t o = d->bucket[c][b]; o < d->bucket[c][b + 1]; o++)
                d->pairs[c][b][d->second[o] >> 3] |= (unsigned char)(1u << (d->second[o] & 7));
    return TRUCE_OK;
}

void truce_actor_dict_close(truce_actor_dict *d)
{
    if (!d)
        return;
    truce_arena_free(d->arena);
    free(d);
}
