/*
 * read/place.c: the place reader. One pass over the text's word tokens finds
 * the longest capitalized n-gram whose normalized form is a gazetteer name
 * (binary search, pruned by prefix), drops common words and person-name
 * contexts, then resolves each mention among its candidates using what the
 * whole document says (countries named, places near each other, population,
 * admin level). Results go in the caller's arena; never prints.
 */
#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "core/ascii.h"
#include "read/gazetteer_impl.h"

#ifndef TRUCE_BUILD_DATA_DIR
#define TRUCE_BUILD_DATA_DIR "data"
#endif
#ifndef TRUCE_DATA_DIR
#define TRUCE_DATA_DIR "/usr/local/share/truce"
#endif

/* open/close live here, beside the reader, so that linking the opener always
 * links the reader too (a weak placeholder elsewhere must never win). */
const char *truce_place_precision_name(truce_place_precision p)
{
    static const char *const n[] = {"unknown", "point", "district", "region", "country"};
    return (unsigned)p < 5 ? n[p] : "unknown";
}

int truce_gazetteer_open(const char *path, truce_gazetteer **out, truce_error *err)
{
    if (!out) return truce_error_set(err, TRUCE_EUSAGE, NULL, -1, "no output pointer");
    *out = NULL;
    if (path) return gz_load(path, out, err);
    char buf[1024];
    const char *env = getenv("TRUCE_DATA_DIR");
    if (env && *env) {
        snprintf(buf, sizeof buf, "%s/gazetteer.bin", env);
        if (gz_load(buf, out, NULL) == TRUCE_OK) return TRUCE_OK;
    }
    if (gz_load(TRUCE_BUILD_DATA_DIR "/gazetteer.bin", out, NULL) == TRUCE_OK) return TRUCE_OK;
    if (gz_load(TRUCE_DATA_DIR "/gazetteer.bin", out, NULL) == TRUCE_OK) return TRUCE_OK;
    return truce_error_set(err, TRUCE_ENOTFOUND, TRUCE_BUILD_DATA_DIR "/gazetteer.bin", -1,
                           "gazetteer.bin not found ($TRUCE_DATA_DIR, build tree, " TRUCE_DATA_DIR
                           "); build it with tools/gazetteer/build.sh");
}

void truce_gazetteer_close(truce_gazetteer *g)
{
    if (!g) return;
    free(g->blob);
    free(g->by2);
    free(g);
}

#define MAX_NGRAM 6
#define MAX_CANDS 64

typedef struct ptok {
    size_t start, end;      /* bytes, possessive 's excluded */
    const char *norm;       /* normalized form */
    uint32_t hash;          /* of norm: most comparisons of two words end here */
    bool cap, allcap;
    /* the tokens of equal hash, in text order: the first of them and the
     * next after this one (SAME_NONE at the end), so a search for the same
     * word elsewhere in the document visits only those */
    uint32_t same_first, same_next;
} ptok;

#define SAME_NONE UINT32_MAX


/* Capitalized English words that are also names in GeoNames; as a single
 * word they are read as ordinary words. Our own list, kept in strcmp order
 * (byte order) so a lookup is a binary search (checked in debug builds). */
static const char *const stop_words[] = {
    "a", "about", "after", "again", "airport", "ali", "all", "also", "although", "am", "an", "and",
    "anna", "another", "any", "apr", "april", "arab", "arabic", "are", "area", "army", "as", "at",
    "aug", "august", "back", "bath", "bay", "be", "beach", "because", "before", "best", "between",
    "black", "blue", "board", "both", "bridge", "brown", "bush", "but", "by", "camp", "can",
    "capital", "center", "central", "centre", "chance", "charles", "china town", "chinese",
    "christmas", "church", "city", "club", "coast", "college", "commerce", "congress", "council",
    "county", "court", "crystal", "david", "day", "dec", "december", "defence", "defense",
    "department", "diamond", "during", "dutch", "each", "early", "earth", "east", "easter",
    "eastern", "eden", "eight", "elizabeth", "energy", "english", "even", "every", "fall", "feb",
    "february", "federal", "first", "five", "for", "fort", "four", "freedom", "french", "friday",
    "friendship", "from", "garden", "gardens", "general", "george", "german", "god", "going",
    "gold", "golden", "government", "gray", "greek", "green", "grey", "gulf", "gun", "had", "hamas",
    "has", "have", "he", "her", "here", "hill", "hills", "his", "home", "hope", "hospital", "house",
    "how", "human", "if", "ill", "im", "in", "independence", "industry", "interior", "into", "iron",
    "is", "isis", "it", "italian", "its", "ive", "james", "jan", "january", "japanese", "jesus",
    "jewish", "john", "jul", "july", "jun", "june", "just", "justice", "kennedy", "lake", "lakes",
    "last", "late", "later", "latin", "law", "lets", "liberty", "library", "life", "like", "love",
    "lower", "man", "many", "mar", "march", "maria", "market", "mart", "mary", "may", "mayor",
    "media", "metro", "michael", "middle", "minister", "mission", "mobile", "monday", "more",
    "most", "mount", "much", "muslim", "nato", "new", "news", "next", "nice", "nine", "no", "none",
    "north", "northern", "not", "nov", "november", "now", "obama", "ocean", "oct", "october", "of",
    "office", "omar", "on", "once", "one", "only", "or", "orange", "other", "our", "over", "pack",
    "paradise", "park", "party", "paul", "peace", "people", "persian", "plateau", "police",
    "polish", "port", "post", "president", "pride", "progress", "reading", "red", "republic",
    "river", "rock", "royal", "said", "saturday", "school", "sea", "second", "section", "security",
    "sen", "senate", "sep", "sept", "september", "seven", "she", "silver", "since", "six", "so",
    "some", "soon", "south", "southern", "spanish", "sport", "sports", "state", "station", "still",
    "stone", "street", "such", "sunday", "superior", "taliban", "temple", "ten", "than", "that",
    "thats", "the", "their", "then", "there", "these", "they", "third", "this", "those", "though",
    "three", "thursday", "time", "to", "today", "tower", "trump", "tuesday", "turkish", "two",
    "under", "union", "unity", "university", "up", "upper", "us", "valley", "victoria", "victory",
    "village", "war", "was", "we", "wednesday", "well", "were", "west", "western", "what", "when",
    "where", "which", "while", "white", "white house", "who", "why", "will", "with", "woman",
    "would", "yet", "you", "young",
};

/* Stoplisted words that are also first names: "John Bell ... Bell" makes
 * the later lone "Bell" a person. */
static const char *const first_names[] = {
    "anna", "maria", "mary", "john", "paul", "david", "james", "michael", "george", "charles",
    "elizabeth", "ali", "omar", "victoria", "early",
};

/* Division words after a name whose division the gazetteer lacks. */
static const char *const unheld_divisions[] = {"county", "parish", "township", "borough"};

/* Words after a single-word match that make it a person ("Jones said"). */
static const char *const speech_verbs[] = {
    "said", "says", "told", "added", "asked", "wrote", "explained", "noted", "stated", "replied",
};

static const char *const person_titles[] = {
    "mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "gen", "general", "col", "colonel",
    "capt", "captain", "lt", "sgt", "president", "minister", "sen", "senator", "rep", "gov",
    "governor", "judge", "justice", "prof", "professor", "rev", "father", "saint", "st", "king",
    "queen", "prince", "princess", "pope", "officer", "coach", "mayor", "chancellor", "sheikh",
};

/* Words after a place name that keep it a place ("Aghdam District"). */
static const char *const place_heads[] = {
    "district", "region", "province", "oblast", "county", "city", "state", "raion", "governorate",
    "border", "front", "airport", "area", "highway", "road", "corridor",
    "rayon", "parish", "township", "village", "town", "municipality",
};

/* Capitalized words after a place that make an institution of it: the
 * place is still named ("the Ohio Department of Transport"). */
static const char *const institution_heads[] = {
    "department", "ministry", "bureau", "service", "senate", "supreme", "court", "association",
    "commission", "coalition", "university", "public", "historical", "community", "convention",
    "police", "fire", "forest", "highway", "national", "general", "assembly", "legislature",
    "house", "government", "authorities", "attorney", "board", "agency", "institute", "council",
    "chamber", "parliament", "governor", "defence", "defense", "army", "armed", "foreign",
    "interior", "health", "emergency", "education", "state", "guard", "border", "regional",
};

/* Last words of an organisation's name that show the place starting it is
 * that organisation's place ("Georgia Southern University", "the Texas
 * Forest Service"); news outlets ("Post", "Times") are not among them. */
/* armed bodies whose names may hold a place word after a modifier
 * ("Central Reserve Police Force") */
static const char *const force_heads[] = {"police", "army", "armed", "guard", "guards"};

static const char *const org_heads[] = {
    "university", "college", "school", "schools", "academy", "association", "commission", "bureau",
    "service", "services", "board", "company", "corporation", "council", "hospital", "society",
    "authority", "institute", "foundation", "league", "museum", "library", "airlines", "railway",
    "committee", "office", "patrol", "federation", "chamber", "agency", "department", "ministry",
};

/* Capitalized words before a place that do not make it a person's name. */
static const char *const place_mods[] = {
    "northeast", "northwest", "southeast", "southwest", "upstate", "downstate", "mid",
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "upper", "lower", "greater", "old", "new", "in", "at", "from", "to", "near", "of", "and",
    "the", "outside", "across", "into", "via", "on", "occupied", "liberated", "downtown",
};

/* FNV-1a */
static uint32_t word_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static bool in_list(const char *w, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (w[0] == list[i][0] && !strcmp(w, list[i])) return true;
    return false;
}
#define IN(w, l) in_list((w), (l), sizeof(l) / sizeof((l)[0]))

/* Membership in a list kept in strcmp order. */
static bool in_sorted(const char *w, const char *const *list, size_t n)
{
#ifndef NDEBUG
    for (size_t i = 1; i < n; i++) assert(strcmp(list[i - 1], list[i]) < 0);
#endif
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(w, list[mid]);
        if (c == 0) return true;
        if (c < 0) hi = mid;
        else lo = mid + 1;
    }
    return false;
}
#define IN_SORTED(w, l) in_sorted((w), (l), sizeof(l) / sizeof((l)[0]))

/* Geographic nouns after a name: "Jordan Valley", "Kodori Gorge". When the
 * gazetteer has no such feature, the name is not its first word (the
 * country Jordan) but a feature we do not hold. Lower-case ones are only
 * those that are never verbs ("the Jordan valley", not "Kyiv pass"). */
static const char *const geo_nouns[] = {
    "valley", "river", "heights", "strip", "mountains", "mountain", "gorge", "pass", "lake",
    "peninsula", "desert", "basin", "canyon", "hills", "plain", "plains", "sea", "delta", "lagoon",
};
static const char *const geo_nouns_lower[] = {
    "valley", "river", "heights", "mountains", "gorge", "peninsula", "desert", "canyon",
};

/* Verbs a government does (speaks, signs, accuses) whose subject, when it
 * is a capital, stands for that government. Our list. */
static const char *const agent_verbs[] = {
    "said", "says", "say", "told", "tells", "stated", "announced", "announces", "declared",
    "warned", "warns", "accused", "accuses", "blamed", "blames", "denied", "denies", "claimed",
    "claims", "demanded", "demands", "rejected", "rejects", "urged", "urges", "insisted",
    "insists", "condemned", "condemns", "welcomed", "welcomes", "responded", "threatened",
    "threatens", "signed", "signs", "agreed", "agree", "agrees", "vowed", "vows", "pledged",
    "recognised", "recognized", "protested", "called", "calls", "insisted", "sought", "seeks",
    "wants", "refused", "refuses", "proposed", "proposes", "ratified", "endorsed", "backed",
    "confirmed", "confirms", "reiterated", "criticised", "criticized", "summoned", "expelled",
};
/* Verbs whose object, when it is a capital, is a government ("accused
 * Moscow of", "urged Baku to", "called on Yerevan"). */
static const char *const object_verbs[] = {
    "accused", "accuses", "accusing", "urged", "urges", "urging", "warned", "warns", "blamed",
    "blames", "blaming", "pressed", "criticised", "criticized", "condemned", "thanked", "asked",
    "told", "sanctioned", "on",
};
/* Words that may stand between a capital and its verb ("Baku has also
 * said", "Moscow on Monday denied"). */
static const char *const verb_fillers[] = {
    "has", "have", "had", "also", "later", "then", "again", "previously", "repeatedly", "on",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday",
    "today", "swiftly", "quickly", "publicly", "officially", "formally", "jointly", "all",
    "both", "earlier", "will", "would", "did", "not", "never",
};

/* Designators after a name: the level of division the text names
 * ("Donetsk region": 3, "Lachin district": 2), 0 for none; *plural for
 * "Shusha and Lachin districts". "state" is not one ("Islamic State"). */
static int designator_level(const char *w, bool *plural)
{
    static const char *const reg[] = {"region", "oblast", "province", "governorate", "krai", "prefecture"};
    static const char *const dis[] = {"district", "raion", "rayon", "county"};
    size_t n = strlen(w);
    *plural = false;
    if (!strcmp(w, "counties")) { *plural = true; return TRUCE_PLACE_DISTRICT; }
    char one[32];
    if (n > 3 && n < sizeof one && w[n - 1] == 's') {
        memcpy(one, w, n - 1);
        one[n - 1] = '\0';
        if (IN(one, reg)) { *plural = true; return TRUCE_PLACE_REGION; }
        if (IN(one, dis)) { *plural = true; return TRUCE_PLACE_DISTRICT; }
    }
    if (IN(w, reg)) return TRUCE_PLACE_REGION;
    if (IN(w, dis)) return TRUCE_PLACE_DISTRICT;
    return 0;
}

static bool is_division(const gz_rec *r)
{
    return (r->prec == TRUCE_PLACE_REGION || r->prec == TRUCE_PLACE_DISTRICT) && !(r->flags & GZ_DEMONYM);
}

/* Division r is a fair reading of "NAME region" unless a town of that
 * NAME in another country outweighs it ("the Charlotte region" is the
 * city's surroundings, not Charlotte Parish in Saint Vincent; "Idlib
 * province" is the governorate around the town Idlib). bare: the bare
 * NAME's candidates. Not asked of "NAME County(ies)": only counties bear
 * that designator, and the text wrote it. */
static bool division_fits(const truce_gazetteer *g, const gz_rec *r, size_t bfirst, size_t bcount)
{
    for (size_t k = 0; k < bcount && k < MAX_CANDS; k++) {
        const gz_rec *o = &g->recs[g->names[bfirst + k].rec];
        if (o->prec == TRUCE_PLACE_POINT && o->pop > r->pop && (o->cc[0] != r->cc[0] || o->cc[1] != r->cc[1]))
            return false;
    }
    return true;
}

/* The divisions a name with a designator names: those under "NAME <word as
 * written>", "NAME <each designator of that level>" and, when they fit
 * (divisions_fit), the bare NAME ("Donetsk region" -> "Donetsk Oblast";
 * "Kalbajar district" -> the division named "Kalbajar"; "the Karak
 * district" -> Karak District in Pakistan and Karak Governorate in Jordan,
 * for the resolver to choose by context). Sets the candidates' record
 * indices (arena) and returns the first key that named one (arena), or NULL
 * when none names a division. */
static const char *designated(truce_arena *a, const truce_gazetteer *g, const char *bare, int level,
                              const char *written, const uint32_t **recs, size_t *count)
{
    static const char *const reg[] = {"oblast", "region", "province", "governorate", "krai"};
    static const char *const dis[] = {"district", "rayon", "raion", "county", "oblast", "region", "province"};
    const char *const *v = level == TRUCE_PLACE_DISTRICT ? dis : reg;
    size_t nv = level == TRUCE_PLACE_DISTRICT ? sizeof dis / sizeof *dis : sizeof reg / sizeof *reg;
    uint32_t got[MAX_CANDS];
    size_t n = 0;
    const char *first_key = NULL;
    char k[600];
    size_t bcount, bfirst = gz_lookup(g, bare, &bcount);
    /* "Camden and Charlton counties": a US county is named only with its
     * designator, never by another's */
    bool county = !strncmp(written, "count", 5);
    if (county) {
        written = "county";
        nv = 0;
    }
    for (size_t x = 0; x <= nv + 1; x++) {
        if (x == nv + 1 && !nv) break;
        if (x == nv + 1) snprintf(k, sizeof k, "%s", bare);
        else snprintf(k, sizeof k, "%s %s", bare, x == 0 ? written : v[x - 1]);
        size_t c, f = gz_lookup(g, k, &c);
        bool used = false;
        for (size_t q = 0; q < c && q < MAX_CANDS && n < MAX_CANDS; q++) {
            uint32_t r = g->names[f + q].rec;
            bool dup = false;
            for (size_t z = 0; z < n && !dup; z++) dup = got[z] == r;
            if (!dup && is_division(&g->recs[r]) && (county || division_fits(g, &g->recs[r], bfirst, bcount))) {
                got[n++] = r;
                used = true;
            }
        }
        if (used && !first_key) first_key = truce_arena_strdup(a, k);
    }
    if (!first_key || !n) return NULL;
    uint32_t *out = truce_arena_alloc(a, n * sizeof *out);
    if (!out) return NULL;
    memcpy(out, got, n * sizeof *out);
    *recs = out;
    *count = n;
    return first_key;
}

/* The character at i and its category; ASCII without the library calls
 * (letters are Lu/Ll, digits Nd, every other ASCII byte outside the letter,
 * mark and number categories the tokenizer tests). */
static utf8proc_ssize_t next_char(const char *text, size_t len, size_t i, utf8proc_int32_t *cp,
                                  utf8proc_category_t *c)
{
    unsigned char b = (unsigned char)text[i];
    if (b < 0x80) {
        *cp = b;
        *c = b >= 'A' && b <= 'Z' ? UTF8PROC_CATEGORY_LU :
             b >= 'a' && b <= 'z' ? UTF8PROC_CATEGORY_LL :
             b >= '0' && b <= '9' ? UTF8PROC_CATEGORY_ND : UTF8PROC_CATEGORY_PO;
        return 1;
    }
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)text + i, (utf8proc_ssize_t)(len - i), cp);
    if (k > 0) *c = utf8proc_category(*cp);
    return k;
}

static int tokenize(truce_arena *a, const char *text, size_t len, ptok **out, size_t *n_out)
{
    size_t cap = 256, n = 0;
    ptok *t = truce_arena_alloc(a, cap * sizeof *t);
    if (!t) return TRUCE_ENOMEM;
    size_t i = 0;
    while (i < len) {
        utf8proc_int32_t cp;
        utf8proc_category_t c;
        utf8proc_ssize_t k = next_char(text, len, i, &cp, &c);
        if (k <= 0) { i++; continue; }
        bool letter = c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
        bool digit = c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO;
        if (!letter && !digit) { i += (size_t)k; continue; }
        size_t s = i;
        bool cap0 = c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
        bool allcap = true;
        while (i < len) {
            unsigned char b = (unsigned char)text[i];
            if (truce_ascii_alnum(b)) { /* what next_char says of it, without asking */
                if (b >= 'a' && b <= 'z') allcap = false;
                i++;
                continue;
            }
            k = next_char(text, len, i, &cp, &c);
            if (k <= 0) break;
            bool w = (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
                     (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME) ||
                     (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
            /* not at the word's first character: U+02BC is a letter (Lm)
             * that starts a word, and a word must take at least one
             * character or the scan would never move on */
            bool apos = i > s && (cp == '\'' || cp == 0x2019 || cp == 0x2BC);
            if (apos) {
                /* an apostrophe inside a word (Ma'alot, Kyiv's) keeps the word going */
                utf8proc_int32_t nx;
                utf8proc_category_t nc;
                size_t j = i + (size_t)k;
                if (j < len && next_char(text, len, j, &nx, &nc) > 0 &&
                    nc >= UTF8PROC_CATEGORY_LU && nc <= UTF8PROC_CATEGORY_LO) {
                    i = j;
                    continue;
                }
                break;
            }
            if (!w) break;
            if (c == UTF8PROC_CATEGORY_LL) allcap = false;
            i += (size_t)k;
        }
        size_t e = i;
        /* possessive: "Russia's" reads as Russia */
        if (e - s > 3 && (text[e - 1] == 's' || text[e - 1] == 'S')) {
            if (text[e - 2] == '\'') e -= 2;
            else if (e - s > 5 && (unsigned char)text[e - 4] == 0xE2 && (unsigned char)text[e - 3] == 0x80 &&
                     (unsigned char)text[e - 2] == 0x99) e -= 4;
        }
        if (n == cap) {
            ptok *g = truce_arena_grow(a, t, n, cap * 2, sizeof *t);
            if (!g) return TRUCE_ENOMEM;
            t = g;
            cap *= 2;
        }
        t[n].start = s;
        t[n].end = e;
        /* A word of ASCII letters and digits (most of them) normalizes to
         * itself in lower case: written straight into the arena, hashed on
         * the way, as gz_normalize and word_hash would give it. */
        char buf[256];
        bool plain = e - s < sizeof buf;
        for (size_t x = s; plain && x < e; x++)
            plain = truce_ascii_alnum((unsigned char)text[x]);
        if (plain) {
            char *nm = truce_arena_alloc(a, e - s + 1);
            if (!nm) return TRUCE_ENOMEM;
            uint32_t h = 2166136261u;
            for (size_t x = s; x < e; x++) {
                unsigned char lc = truce_ascii_fold((unsigned char)text[x]);
                nm[x - s] = (char)lc;
                h = (h ^ lc) * 16777619u;
            }
            nm[e - s] = '\0';
            t[n].norm = nm;
            t[n].hash = h;
        } else {
            size_t nl = gz_normalize(text + s, e - s, buf, sizeof buf);
            t[n].norm = truce_arena_strndup(a, buf, nl);
            if (!t[n].norm) return TRUCE_ENOMEM;
            t[n].hash = word_hash(buf, nl);
        }
        t[n].cap = cap0;
        t[n].allcap = allcap && (e - s) > 1;
        n++;
    }
    *out = t;
    *n_out = n;
    return TRUCE_OK;
}

/* Fills same_first and same_next: an open-addressing table from hash to the
 * first and last token seen with it. */
static int link_same(truce_arena *a, ptok *t, size_t nt)
{
    if (nt >= SAME_NONE / 4) return TRUCE_ENOMEM;
    size_t cap = 16;
    while (cap < 2 * nt) cap *= 2;
    uint32_t *first = truce_arena_alloc(a, cap * sizeof *first);
    uint32_t *last = truce_arena_alloc(a, cap * sizeof *last);
    if (!first || !last) return TRUCE_ENOMEM;
    for (size_t h = 0; h < cap; h++) first[h] = SAME_NONE;
    for (size_t x = 0; x < nt; x++) {
        size_t h = t[x].hash & (cap - 1);
        while (first[h] != SAME_NONE && t[first[h]].hash != t[x].hash) h = (h + 1) & (cap - 1);
        t[x].same_next = SAME_NONE;
        if (first[h] == SAME_NONE) {
            first[h] = last[h] = (uint32_t)x;
        } else {
            t[last[h]].same_next = (uint32_t)x;
            last[h] = (uint32_t)x;
        }
        t[x].same_first = first[h];
    }
    return TRUCE_OK;
}

/* Tokens a and a+1 may be read as one name: only a space, a hyphen or a
 * period-space ("St. Louis") between them, never a line break. */
static bool joinable(const char *text, const ptok *x, const ptok *y)
{
    size_t gap = y->start - x->end;
    const char *g = text + x->end;
    if (gap == 1) {
        /* "U.S.", "W.Va.": dotted abbreviations read as one name */
        if (g[0] == '.') return x->end - x->start <= 2 && y->end - y->start <= 2 && x->cap && y->cap;
        return g[0] == ' ' || g[0] == '-';
    }
    if (gap == 2) return g[0] == '.' && g[1] == ' ';
    /* a possessive inside a name: "People's Republic of China" (the
     * gazetteer holds such names without the "'s") */
    if (gap == 3) return g[0] == '\'' && (g[1] == 's' || g[1] == 'S') && g[2] == ' ';
    if (gap == 5) return !memcmp(g, "\xE2\x80\x99s ", 5);
    return false;
}

static bool sentence_initial(const char *text, const ptok *t, size_t i)
{
    if (i == 0) return true;
    for (size_t p = t[i - 1].end; p < t[i].start; p++) {
        char c = text[p];
        if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' || c == '"') return true;
    }
    return false;
}

static const char *key_of(const ptok *t, size_t i, size_t j, char *buf, size_t cap)
{
    size_t k = 0;
    buf[0] = '\0';
    for (size_t x = i; x <= j; x++) {
        size_t l = strlen(t[x].norm);
        if (k + l + 2 >= cap) break;
        if (x > i) buf[k++] = ' ';
        memcpy(buf + k, t[x].norm, l + 1);
        k += l;
    }
    return buf;
}

/* The word is written in lower case elsewhere in the document: a capital at
 * the start of a sentence does not make it a name. */
static bool lower_in_doc(const ptok *t, size_t nt, size_t i)
{
    (void)nt;
    for (uint32_t x = t[i].same_first; x != SAME_NONE; x = t[x].same_next)
        if (x != i && !t[x].cap && t[x].hash == t[i].hash && !strcmp(t[x].norm, t[i].norm)) return true;
    return false;
}

/* The word ends a two-word capitalized name elsewhere in the document
 * ("Mary Jones ... Jones said"): later lone uses are that person. */
static bool surname_in_doc(const char *text, const ptok *t, size_t nt, size_t i)
{
    for (uint32_t x = t[i].same_first; x != SAME_NONE; x = t[x].same_next) {
        if (x == 0) continue;
        if (x == i || !t[x].cap || t[x].hash != t[i].hash || strcmp(t[x].norm, t[i].norm) != 0) continue;
        const ptok *p = &t[x - 1];
        if (!p->cap || p->allcap || p->end - p->start < 2 || t[x].start - p->end != 1 || text[p->end] != ' ') continue;
        if (IN(p->norm, place_mods) || (IN_SORTED(p->norm, stop_words) && !IN(p->norm, first_names))) continue;
        if (x + 1 < nt && t[x + 1].cap && t[x + 1].start - t[x].end == 1) continue;
        if (x >= 2 && t[x - 2].cap && t[x - 1].start - t[x - 2].end == 1) continue;
        return true;
    }
    return false;
}

/* Some candidate is a national capital of at least `min_pop` people. */
static bool capital_among(const truce_gazetteer *g, size_t first, size_t count, uint32_t min_pop)
{
    for (size_t k = 0; k < count && k < MAX_CANDS; k++) {
        const gz_rec *r = &g->recs[g->names[first + k].rec];
        if ((r->flags & GZ_CAPITAL) && r->pop >= min_pop) return true;
    }
    return false;
}

/* Every candidate bears the name only as an alternate (its display name
 * differs, ASCII case folded) and none is a city of 100,000 or more. */
static bool only_alternate(const truce_gazetteer *g, size_t first, size_t count, const char *norm)
{
    size_t n = strlen(norm);
    for (size_t k = 0; k < count && k < MAX_CANDS; k++) {
        const gz_rec *r = &g->recs[g->names[first + k].rec];
        const char *d = g->pool + r->name_off;
        if (r->pop >= 100000 || r->prec != TRUCE_PLACE_POINT) return false;
        size_t q = 0;
        while (q < n && d[q] && truce_ascii_fold((unsigned char)d[q]) == (unsigned char)norm[q]) q++;
        if (q == n && d[q] == '\0') return false;
    }
    return true;
}

/* x and y are neighbours in a list: ", ", " and " or ", and " between. */
static bool listed(const char *text, const ptok *t, const pmatch *x, const pmatch *y)
{
    size_t e = t[x->t1].end, s = t[y->t0].start;
    if (s <= e) return false;
    size_t n = s - e;
    const char *p = text + e;
    return (n == 2 && !memcmp(p, ", ", 2)) || (n == 5 && !memcmp(p, " and ", 5)) ||
           (n == 6 && !memcmp(p, ", and ", 6));
}

/* The first word after token j that is not a filler ("has also said"),
 * with only single spaces on the way (not "arrived in Moscow, said the
 * ministry"); nt when there is none. */
static size_t verb_after(const char *text, const ptok *t, size_t nt, size_t j)
{
    size_t v = j + 1;
    for (int skip = 0; v < nt && skip < 3 && IN(t[v].norm, verb_fillers); skip++) v++;
    for (size_t q = j + 1; q <= v && q < nt; q++)
        if (t[q].start != t[q - 1].end + 1 || text[t[q - 1].end] != ' ') return nt;
    return v;
}

/* Prepositions before a name that make it a place in a clause, not its
 * subject ("officials in Moscow said"). */
static const char *const place_preps[] = {
    "in", "at", "from", "near", "to", "of", "outside", "across", "into", "via", "on", "around", "toward",
    "towards", "inside", "over", "through", "between", "by", "with",
};

/* Marks the matches written as a government acting: a capital (or a list of
 * capitals) as the subject of a speech or agreement verb, or the object of
 * an accusation or appeal. The resolver then prefers the capital reading;
 * the mention says so (truce_place_mention.metonym). */
static void mark_metonyms(const truce_gazetteer *g, const char *text, const ptok *t, size_t nt, pmatch *m, size_t nm)
{
    for (size_t x = 0; x < nm; x++) {
        if (m[x].want_prec || !capital_among(g, m[x].first, m[x].count, 0)) continue;
        /* the last capital of the list this one starts or belongs to */
        size_t y = x;
        while (y + 1 < nm && listed(text, t, &m[y], &m[y + 1]) && !m[y + 1].want_prec &&
               capital_among(g, m[y + 1].first, m[y + 1].count, 0))
            y++;
        size_t v = verb_after(text, t, nt, m[y].t1);
        size_t b = m[x].t0;
        bool subject = v < nt && !t[v].cap && IN(t[v].norm, agent_verbs) && text[t[m[y].t1].end] != '\'' &&
                       !(b > 0 && !t[b - 1].cap && IN(t[b - 1].norm, place_preps));
        bool object = b > 0 && !t[b - 1].cap && t[b].start == t[b - 1].end + 1 && IN(t[b - 1].norm, object_verbs) &&
                      (strcmp(t[b - 1].norm, "on") || (b > 1 && !strcmp(t[b - 2].norm, "called")));
        if (subject || object)
            for (size_t z = x; z <= y; z++) m[z].metonym = true;
    }
}

int truce_read_places(truce_arena *a, const truce_gazetteer *g, const char *text, size_t len,
                      const truce_sentence_list *sentences, truce_place_list *out, truce_error *err)
{
    if (!out) return truce_error_set(err, TRUCE_EUSAGE, NULL, -1, "no output list");
    out->items = NULL;
    out->n = 0;
    if (!g || !text || len == 0) return TRUCE_OK;
    ptok *t;
    size_t nt;
    if (tokenize(a, text, len, &t, &nt) != TRUCE_OK || link_same(a, t, nt) != TRUCE_OK)
        return truce_error_set(err, TRUCE_ENOMEM, NULL, -1, "out of memory reading places");

    size_t mcap = 64, nm = 0;
    pmatch *m = truce_arena_alloc(a, mcap * sizeof *m);
    if (!m) return truce_error_set(err, TRUCE_ENOMEM, NULL, -1, "out of memory reading places");
    char key[1024];
    pdemonyms dem = {NULL, 0};
    size_t dcap = 0;
    for (size_t i = 0; i < nt; i++) {
        if (!t[i].cap || !t[i].norm[0]) continue;
        size_t kl = 0, best_j = 0, best_first = 0, best_count = 0, from = 0;
        for (size_t j = i; j < nt && j < i + MAX_NGRAM; j++) {
            if (j > i && !joinable(text, &t[j - 1], &t[j])) break;
            size_t wl = strlen(t[j].norm);
            if (kl + wl + 2 >= sizeof key) break;
            if (j > i) key[kl++] = ' ';
            memcpy(key + kl, t[j].norm, wl + 1);
            kl += wl;
            size_t cnt, first;
            if (!gz_probe(g, key, kl, from, &first, &cnt)) break;
            from = first;
            if (cnt && (t[j].cap || (j > i && IN(t[j].norm, geo_nouns_lower)))) {
                best_j = j; best_first = first; best_count = cnt;
            }
        }
        if (!best_count) continue;
        /* "Donetsk region", "the Kalbajar district", "Shusha and Lachin
         * districts", "the province of Idlib": the division, not the town;
         * a designator written after the name joins the mention's span */
        uint8_t want = 0;
        size_t last = best_j;
        const char *dkey = NULL;
        const uint32_t *drecs = NULL;
        size_t dcount = 0;
        bool plural = false;
        /* not "Ramsey District Court": a capitalized run naming an institution */
        if (best_j + 1 < nt && joinable(text, &t[best_j], &t[best_j + 1]) && text[t[best_j].end] == ' ' &&
            !(t[best_j + 1].cap && best_j + 2 < nt && t[best_j + 2].cap && joinable(text, &t[best_j + 1], &t[best_j + 2]) &&
              text[t[best_j + 1].end] == ' ')) {
            int lv = designator_level(t[best_j + 1].norm, &plural);
            if (lv && (dkey = designated(a, g, key_of(t, i, best_j, key, sizeof key), lv, t[best_j + 1].norm, &drecs, &dcount))) {
                want = (uint8_t)lv;
                if (!plural) last = best_j + 1;
            }
        }
        if (!want && i >= 2 && !strcmp(t[i - 1].norm, "of") && t[i - 1].start == t[i - 2].end + 1 &&
            t[i].start == t[i - 1].end + 1) {
            bool pl;
            int lv = designator_level(t[i - 2].norm, &pl);
            if (lv && !pl && (dkey = designated(a, g, key_of(t, i, best_j, key, sizeof key), lv, t[i - 2].norm, &drecs, &dcount)))
                want = (uint8_t)lv;
        }
        /* "Jordan Valley", "the Kodori Gorge": a feature the gazetteer does
         * not hold (a held one is the longer match), not the first word */
        if (!want && best_j + 1 < nt && joinable(text, &t[best_j], &t[best_j + 1]) && text[t[best_j].end] == ' ' &&
            (t[best_j + 1].cap ? IN(t[best_j + 1].norm, geo_nouns) : IN(t[best_j + 1].norm, geo_nouns_lower))) {
            i = best_j + 1;
            continue;
        }
        /* "Laurel County": a division we hold no record for, not the town */
        if (best_j + 1 < nt && joinable(text, &t[best_j], &t[best_j + 1]) &&
            IN(t[best_j + 1].norm, unheld_divisions)) {
            i = best_j + 1;
            continue;
        }
        bool single = best_j == i && !want;
        int country_cand = -1;
        size_t n_dem = 0;
        const gz_rec *dem_rec = NULL;
        for (size_t k = 0; k < best_count && k < MAX_CANDS; k++) {
            const gz_rec *r = &g->recs[g->names[best_first + k].rec];
            if (r->prec == TRUCE_PLACE_COUNTRY) country_cand = (int)k;
            if (r->flags & GZ_DEMONYM) { n_dem++; dem_rec = r; }
        }
        /* "Armenian", "Israelis": not a place, but a hint of the country */
        /* a demonym is read as one even where a small town bears it
         * ("Canadian", Texas), but a country's name stays the country */
        if (n_dem && country_cand < 0) {
            if (dem.n == dcap) {
                size_t nc = dcap ? dcap * 2 : 16;
                char (*gd)[2] = truce_arena_grow(a, dem.cc, dem.n, nc, sizeof *dem.cc);
                if (!gd) return truce_error_set(err, TRUCE_ENOMEM, NULL, -1, "out of memory reading places");
                dem.cc = gd;
                dcap = nc;
            }
            dem.cc[dem.n][0] = dem_rec->cc[0];
            dem.cc[dem.n][1] = dem_rec->cc[1];
            dem.n++;
            i = best_j;
            continue;
        }
        /* the second half of "X, Y" ("Springfield, Missouri", "Lexington, Ky.") */
        bool after_comma_name = i > 0 && t[i - 1].cap && t[i].start == t[i - 1].end + 2 &&
                                text[t[i - 1].end] == ',' && text[t[i - 1].end + 1] == ' ';
        bool abbrev = after_comma_name && t[best_j].end < len && text[t[best_j].end] == '.';
        /* the long word list last: most candidates are decided before it */
        if (country_cand < 0 && !abbrev && IN_SORTED(key_of(t, i, best_j, key, sizeof key), stop_words)) continue;
        if (single && country_cand < 0) {
            /* "Jones said", but not "Paris, Texas, said" (a comma between)
             * nor "in Springfield, Missouri said" */
            if (best_j + 1 < nt && IN(t[best_j + 1].norm, speech_verbs) &&
                t[best_j + 1].start == t[best_j].end + 1 && !after_comma_name &&
                !(i > 0 && !t[i - 1].cap && IN(t[i - 1].norm, place_mods)) &&
                !capital_among(g, best_first, best_count, 100000))
                continue;
            if (surname_in_doc(text, t, nt, i)) continue;
            /* "said Moore", "told Baker": the speaker */
            if (i > 0 && !t[i - 1].cap && IN(t[i - 1].norm, speech_verbs) && t[i].start == t[i - 1].end + 1)
                continue;
            if (sentence_initial(text, t, i) && lower_in_doc(t, nt, i)) continue;
            /* "Farmers blocked the road": a capitalised plural opening a
             * sentence that names a place only as some small place's
             * alternate name (Milan, Michigan, is also "Farmers") is the
             * common noun */
            if (sentence_initial(text, t, i) && t[i].end - t[i].start > 3 && text[t[i].end - 1] == 's' &&
                only_alternate(g, best_first, best_count, t[i].norm))
                continue;
        }
        /* "500 B.C.": an era after a number, not British Columbia */
        if (t[i].end - t[i].start <= 2 && i > 0 && t[i - 1].norm[0] >= '0' && t[i - 1].norm[0] <= '9' &&
            country_cand < 0)
            continue;
        /* short capitals and two-letter words are codes and initials, except
         * an abbreviated state after a town ("Lexington, Ky.") */
        if (single && !abbrev) {
            if (t[i].allcap && t[i].end - t[i].start <= 3 && country_cand < 0) continue;
            if (strlen(t[i].norm) < 3 && country_cand < 0) continue;
        }
        /* person-name contexts: "Mr. Aghdam", "Georgia Smith", "Jack London" */
        if (i > 0 && IN(t[i - 1].norm, person_titles) && t[i - 1].cap) continue;
        /* "a Central Reserve Police Force patrol": inside a capitalised run
         * that began before it, an institution's name, not this place's */
        if (!want && i > 0 && t[i - 1].cap && joinable(text, &t[i - 1], &t[i]) && text[t[i - 1].end] == ' ' &&
            !sentence_initial(text, t, i - 1) && best_j + 1 < nt && t[best_j + 1].cap &&
            joinable(text, &t[best_j], &t[best_j + 1]) && text[t[best_j].end] == ' ' &&
            IN(t[best_j + 1].norm, force_heads)) {
            size_t e = best_j + 1;
            while (e + 1 < nt && t[e + 1].cap && joinable(text, &t[e], &t[e + 1])) e++;
            i = e;
            continue;
        }
        if (!want && best_j + 1 < nt && t[best_j + 1].cap && joinable(text, &t[best_j], &t[best_j + 1]) &&
            !IN(t[best_j + 1].norm, place_heads) && !IN(t[best_j + 1].norm, institution_heads) &&
            text[t[best_j].end] == ' ') {
            /* followed by another capitalized word: part of a longer name;
             * the whole capitalized run is one name that is not ours, unless
             * it names an organisation of that place */
            size_t e = best_j + 1;
            while (e + 1 < nt && t[e + 1].cap && joinable(text, &t[e], &t[e + 1])) e++;
            bool org = false;
            for (size_t q = best_j + 1; q <= e && !org; q++) org = IN(t[q].norm, org_heads);
            if (!org) {
                i = e;
                continue;
            }
        }
        /* after another capitalized word: a person's or an organisation's name;
         * a sentence-initial one counts unless it is a common word */
        if (i > 0 && t[i - 1].cap && joinable(text, &t[i - 1], &t[i]) && text[t[i - 1].end] == ' ' &&
            !IN(t[i - 1].norm, place_mods) &&
            (!sentence_initial(text, t, i - 1) ||
             (!IN_SORTED(t[i - 1].norm, stop_words) && !lower_in_doc(t, nt, i - 1))))
            continue;
        if (nm == mcap) {
            pmatch *gm = truce_arena_grow(a, m, nm, mcap * 2, sizeof *m);
            if (!gm) return truce_error_set(err, TRUCE_ENOMEM, NULL, -1, "out of memory reading places");
            m = gm;
            mcap *= 2;
        }
        m[nm].t0 = i;
        m[nm].t1 = last;
        m[nm].first = best_first;
        m[nm].count = best_count < MAX_CANDS ? best_count : MAX_CANDS;
        m[nm].recs = drecs;
        if (drecs) m[nm].count = dcount;
        m[nm].key = dkey ? dkey : truce_arena_strdup(a, key_of(t, i, best_j, key, sizeof key));
        if (!m[nm].key) return truce_error_set(err, TRUCE_ENOMEM, NULL, -1, "out of memory reading places");
        m[nm].comma_next = m[nm].comma_prev = PM_NONE;
        m[nm].want_prec = want;
        m[nm].metonym = false;
        /* "Shusha and Lachin districts": the designator names every
         * division of the list before it */
        if (want && plural) {
            const char *one = !strcmp(t[best_j + 1].norm, "counties") ? "county" :
                              want == TRUCE_PLACE_DISTRICT ? "district" : "region";
            for (size_t y = nm; y-- > 0 && listed(text, t, &m[y], &m[y + 1]);) {
                const uint32_t *r2 = NULL;
                size_t c2 = 0;
                const char *k2 = m[y].want_prec ? NULL : designated(a, g, m[y].key, want, one, &r2, &c2);
                if (!k2) break;
                m[y].recs = r2;
                m[y].count = c2;
                m[y].key = k2;
                m[y].want_prec = want;
            }
        }
        /* "X, Y": only a comma and a space between the two names */
        if (nm > 0) {
            size_t pe = t[m[nm - 1].t1].end, ps = t[i].start;
            if (ps == pe + 2 && text[pe] == ',' && text[pe + 1] == ' ') {
                m[nm - 1].comma_next = nm;
                m[nm].comma_prev = nm - 1;
            }
        }
        nm++;
        i = last > best_j ? last : best_j;
    }
    if (nm == 0) return TRUCE_OK;
    mark_metonyms(g, text, t, nt, m, nm);

    presolved *res = truce_arena_calloc(a, nm, sizeof *res);
    if (!res || place_resolve(a, g, m, nm, &dem, res) != TRUCE_OK)
        return truce_error_set(err, TRUCE_ENOMEM, NULL, -1, "out of memory reading places");
    out->items = truce_arena_calloc(a, nm, sizeof *out->items);
    if (!out->items) return truce_error_set(err, TRUCE_ENOMEM, NULL, -1, "out of memory reading places");
    size_t si = 0;
    for (size_t x = 0; x < nm; x++) {
        const gz_rec *br = res[x].rec;
        if (!br) continue;
        truce_place_mention *pm = &out->items[out->n];
        pm->span.start = t[m[x].t0].start;
        pm->span.end = t[m[x].t1].end;
        pm->name = truce_arena_strdup(a, g->pool + br->name_off);
        if (!pm->name) return truce_error_set(err, TRUCE_ENOMEM, NULL, -1, "out of memory reading places");
        pm->geonames_id = br->gid;
        pm->lat = br->lat;
        pm->lon = br->lon;
        pm->feature_class = br->fclass;
        pm->country[0] = br->cc[0];
        pm->country[1] = br->cc[0] ? br->cc[1] : 0;
        pm->country[2] = 0;
        pm->precision = br->prec <= TRUCE_PLACE_COUNTRY ? (truce_place_precision)br->prec : TRUCE_PLACE_UNKNOWN;
        pm->basis = res[x].basis;
        /* the designator the text wrote decides the level ("Lachin
         * district" is a district though GeoNames ranks Azerbaijan's rayons
         * first-level) */
        if (m[x].want_prec && (br->prec == TRUCE_PLACE_REGION || br->prec == TRUCE_PLACE_DISTRICT))
            pm->precision = (truce_place_precision)m[x].want_prec;
        pm->metonym = m[x].metonym && (br->flags & GZ_CAPITAL);
        if (sentences) {
            while (si + 1 < sentences->n && sentences->items[si].span.end <= pm->span.start) si++;
            pm->sentence = (uint32_t)si;
        }
        out->n++;
    }
    return TRUCE_OK;
}
