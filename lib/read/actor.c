/*
 * read/actor.c: finds actors in a document: states and the words that stand
 * for them, armed forces and groups ("Russian peacekeepers"), organisations,
 * media, and officials by title and name ("Defense Minister Hulusi Akar"),
 * later by surname alone ("Akar said") or by title alone ("the Prime
 * Minister said"). Owns nothing beyond the mentions it puts in the caller's
 * arena; the dictionary is read-only. Must not print or exit.
 *
 * The scan goes left to right so that what a document has introduced (a
 * name with its title) is known when the surname comes back.
 */
#include <ctype.h>
#include <string.h>

#include "core/ascii.h"
#include "read/actor_impl.h"

typedef struct learned {
    const char *surname;
    size_t slen;
    const char *name;
    const char *title;
    char country[3];
    int body_kind;         /* -1: an official's surname; else the kind of a body's acronym */
} learned;

typedef struct scan {
    truce_arena *a;
    const truce_actor_dict *d;
    const char *t;
    size_t len;
    const truce_sentence_list *sents;
    truce_actor_mention *items;
    size_t n, cap;
    learned *known;
    size_t nk, capk;
    size_t sent_hint;      /* sentence_of's last answer */
    size_t next_paren;     /* first '(' at or after the last word asked (len: none) */
} scan;

/* A byte that continues a word: ASCII letters and digits, and the bytes of
 * two-byte UTF-8 letters (Latin, Cyrillic). Three-byte sequences are mostly
 * punctuation here (curly quotes, dashes), so they end a word. */
static bool word_byte(const char *t, size_t len, size_t i)
{
    unsigned char c = (unsigned char)t[i];
    if (truce_ascii_alnum(c))
        return true;
    if (c >= 0xC2 && c < 0xE0)
        return true;
    if (c >= 0x80 && c < 0xC0) {
        size_t j = i;
        while (j > 0 && (unsigned char)t[j] >= 0x80 && (unsigned char)t[j] < 0xC0)
            j--;
        unsigned char lead = (unsigned char)t[j];
        (void)len;
        return lead >= 0xC2 && lead < 0xE0;
    }
    return false;
}

static bool starts_word(const scan *s, size_t i)
{
    return i < s->len && word_byte(s->t, s->len, i) && (i == 0 || !word_byte(s->t, s->len, i - 1));
}

static bool ends_word(const scan *s, size_t e)
{
    return e >= s->len || !word_byte(s->t, s->len, e);
}

static bool upper_at(const scan *s, size_t i)
{
    unsigned char c = (unsigned char)s->t[i];
    if (c >= 'A' && c <= 'Z') /* isupper of the C locale */
        return true;
    /* Two-byte Latin capitals (À..Þ, Ā.. with even code) are rare in names here;
     * accept C3 80..9E as capitals. */
    return c == 0xC3 && i + 1 < s->len && (unsigned char)s->t[i + 1] < 0x9F;
}

/* Case-insensitive (ASCII) match of an entry at i, on word boundaries. */
static bool match_at(const scan *s, size_t i, const char *p, size_t pl, bool capital)
{
    if (i + pl > s->len)
        return false;
    if (capital && !upper_at(s, i))
        return false;
    for (size_t k = 0; k < pl; k++) {
        unsigned char a = (unsigned char)s->t[i + k], b = (unsigned char)p[k];
        if (a == b)
            continue;
        if (a < 0x80 && b < 0x80 && truce_ascii_fold(a) == truce_ascii_fold(b))
            continue;
        /* one space in a pattern matches any run of spaces */
        return false;
    }
    /* A pattern ending in a period ("Gen.") ends its own word. */
    return p[pl - 1] == '.' || ends_word(s, i + pl);
}

/* The longest entry of class cls matching at i; of equally long ones, the
 * first loaded. Only one-byte entries and those whose second byte matches
 * the text's are tried. */
static const actor_entry *longest(const scan *s, size_t i, int cls)
{
    const actor_entry *best = NULL;
    if (i >= s->len || cls < 0 || cls >= ACTOR_N_CLASSES)
        return NULL;
    unsigned char c = (unsigned char)s->t[i];
    unsigned key = c < 0x80 ? truce_ascii_fold(c) : c;
    const truce_actor_dict *d = s->d;
    uint32_t b0 = d->bucket[cls][key], b1 = d->bucket[cls][key + 1];
    if (b0 == b1 || (!d->uncased[cls][key] && !upper_at(s, i)))
        return NULL; /* nothing filed here, or only patterns that want a capital */
    unsigned char c1 = i + 1 < s->len ? (unsigned char)s->t[i + 1] : 0;
    unsigned key1 = c1 < 0x80 ? truce_ascii_fold(c1) : c1;
    bool one = d->pairs[cls][key][0] & 1u;
    bool two = key1 != 0 && (d->pairs[cls][key][key1 >> 3] & (1u << (key1 & 7)));
    if (!one && !two)
        return NULL;
    /* one-byte entries (second key 0), then those sharing the second byte */
    uint32_t ranges[2][2];
    size_t nr = 0;
    const uint32_t *from = d->from + (size_t)d->row[cls][key] * 257;
    uint32_t z1 = one ? from[1] : b0;
    if (z1 > b0) {
        ranges[nr][0] = b0;
        ranges[nr++][1] = z1;
    }
    if (two) {
        uint32_t lo = from[key1], hi = from[key1 + 1];
        if (hi > lo) {
            ranges[nr][0] = lo;
            ranges[nr++][1] = hi;
        }
    }
    /* ties go to the first loaded entry: compare by load order when equal */
    for (size_t r = 0; r < nr; r++)
        for (uint32_t o = ranges[r][0]; o < ranges[r][1]; o++) {
            const actor_entry *e = &d->items[d->order[o]];
            if (best && (e->plen < best->plen || (e->plen == best->plen && e > best)))
                continue;
            if (match_at(s, i, e->pattern, e->plen, e->capital))
                best = e;
        }
    return best;
}

static size_t skip_spaces(const scan *s, size_t i)
{
    while (i < s->len && (s->t[i] == ' ' || s->t[i] == '\t'))
        i++;
    return i;
}

/* The first sentence ending after off (sentences are in text order). The
 * scan moves left to right, so the answer is most often the last one:
 * that is checked before searching. */
static uint32_t sentence_of(scan *s, size_t off)
{
    size_t lo = 0, hi = s->sents ? s->sents->n : 0;
    size_t h = s->sent_hint;
    if (h < hi && s->sents->items[h].span.end > off &&
        (h == 0 || s->sents->items[h - 1].span.end <= off))
        return (uint32_t)h;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (s->sents->items[mid].span.end <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    s->sent_hint = lo;
    return (uint32_t)lo;
}

static bool in_headline(scan *s, size_t off)
{
    uint32_t k = sentence_of(s, off);
    return s->sents && k < s->sents->n && (s->sents->items[k].flags & TRUCE_SENT_HEADLINE);
}

static int emit(scan *s, size_t start, size_t end, const char *name, truce_actor_kind kind,
                const char *country, const char *title, const char *rule)
{
    if (s->n == s->cap) {
        size_t nc = s->cap ? s->cap * 2 : 32;
        truce_actor_mention *ni = truce_arena_grow(s->a, s->items, s->n, nc, sizeof *ni);
        if (!ni)
            return TRUCE_ENOMEM;
        s->items = ni;
        s->cap = nc;
    }
    truce_actor_mention *m = &s->items[s->n++];
    memset(m, 0, sizeof *m);
    m->span.start = start;
    m->span.end = end;
    m->name = name;
    m->kind = kind;
    if (country && strlen(country) == 2)
        memcpy(m->country, country, 3);
    m->title = title;
    m->rule = rule;
    m->sentence = sentence_of(s, start);
    return TRUCE_OK;
}

static int learn(scan *s, const char *surname, size_t slen, const char *name, const char *title,
                 const char *country)
{
    if (s->nk == s->capk) {
        size_t nc = s->capk ? s->capk * 2 : 16;
        learned *ni = truce_arena_grow(s->a, s->known, s->nk, nc, sizeof *ni);
        if (!ni)
            return TRUCE_ENOMEM;
        s->known = ni;
        s->capk = nc;
    }
    learned *l = &s->known[s->nk++];
    memset(l, 0, sizeof *l);
    l->surname = surname;
    l->slen = slen;
    l->name = name;
    l->title = title;
    l->body_kind = -1;
    if (country && strlen(country) == 2)
        memcpy(l->country, country, 3);
    return TRUCE_OK;
}

/* A capitalised word that can be part of a name: returns its end or 0. */
static size_t name_word(const scan *s, size_t i)
{
    if (i >= s->len || !upper_at(s, i))
        return 0;
    size_t e = i;
    while (e < s->len && (word_byte(s->t, s->len, e) || s->t[e] == '-'))
        e++;
    if (e - i < 2)
        return 0;
    return e;
}

/* Words that are capitalised but never start a name after a title:
 * "The", "A", "An", "Of", "And", "In", "On", "At", "To", "For", "With",
 * "From", "By", "He", "She", "It", "They", "We", "This", "That", "But", "As",
 * "Is", "Was", "Has", "Had", "Will", "Said", "Says", "Gives", "Visits",
 * "Continues", "Also" (exactly so written). Asked at every capitalised word,
 * so the first byte picks the few words to compare. */
static bool stop_word(const scan *s, size_t i, size_t e)
{
    const char *w = s->t + i;
    size_t n = e - i;
#define SW(lit) (n == sizeof(lit) - 1 && memcmp(w, lit, n) == 0)
    switch (w[0]) {
    case 'T': return SW("The") || SW("To") || SW("They") || SW("This") || SW("That");
    case 'A': return SW("A") || SW("An") || SW("And") || SW("At") || SW("As") || SW("Also");
    case 'O': return SW("Of") || SW("On");
    case 'I': return SW("In") || SW("It") || SW("Is");
    case 'F': return SW("For") || SW("From");
    case 'W': return SW("With") || SW("We") || SW("Was") || SW("Will");
    case 'B': return SW("By") || SW("But");
    case 'H': return SW("He") || SW("Has") || SW("Had");
    case 'S': return SW("She") || SW("Said") || SW("Says");
    case 'G': return SW("Gives");
    case 'V': return SW("Visits");
    case 'C': return SW("Continues");
    default: return false;
    }
#undef SW
}

static bool is_dict_word(const scan *s, size_t i, size_t e)
{
    if (i >= s->len)
        return false;
    /* only entries filed under the text's first byte can match at i */
    unsigned char c = (unsigned char)s->t[i];
    unsigned key = c < 0x80 ? truce_ascii_fold(c) : c;
    const truce_actor_dict *d = s->d;
    for (int cls = 0; cls < ACTOR_N_CLASSES; cls++) {
        if (cls == ACTOR_ENTRY_SUFFIX || cls == ACTOR_ENTRY_TITLE)
            continue;
        for (uint32_t o = d->bucket[cls][key]; o < d->bucket[cls][key + 1]; o++) {
            const actor_entry *en = &d->items[d->order[o]];
            if (en->kind != TRUCE_ACTOR_OFFICIAL && en->plen == e - i &&
                match_at(s, i, en->pattern, en->plen, false))
                return true;
        }
    }
    return false;
}

/* Up to three name words after position i; returns the end or 0. */
static size_t read_name(const scan *s, size_t i, size_t *last_start)
{
    size_t end = 0, p = i;
    /* "S. Jaishankar": an initial before the name */
    if (p + 3 < s->len && upper_at(s, p) && s->t[p + 1] == '.' && s->t[p + 2] == ' ' &&
        name_word(s, p + 3))
        p += 3;
    for (int w = 0; w < 3; w++) {
        size_t e = name_word(s, p);
        if (!e || stop_word(s, p, e) || (w == 0 && is_dict_word(s, p, e)))
            break;
        if (w > 0 && is_dict_word(s, p, e))
            break;
        *last_start = p;
        end = e;
        if (e >= s->len || s->t[e] != ' ')
            break;
        p = e + 1;
        /* "Hamma ag Sidi", "Ahmed bin Salem", "Ursula von Alten": a
         * lower-case particle between the words of a name */
        static const char *const PART[] = {"ag", "al", "bin", "ibn", "bint", "ould", "von", "van",
                                           "der", "de", "del", "da", "dos", "el", NULL};
        for (size_t k = 0; PART[k]; k++) {
            size_t pl = strlen(PART[k]);
            if (p + pl + 1 < s->len && memcmp(s->t + p, PART[k], pl) == 0 && s->t[p + pl] == ' ' &&
                name_word(s, p + pl + 1)) {
                p += pl + 1;
                break;
            }
        }
    }
    return end;
}

/* The first loaded official whose pattern is exactly `name`. Only entries
 * filed under the name's first byte can be it; of those, the lowest index
 * is the first loaded. */
static const actor_entry *official_entry(const scan *s, const char *name, size_t nl)
{
    if (!nl)
        return NULL;
    const truce_actor_dict *d = s->d;
    unsigned char c = (unsigned char)name[0];
    unsigned key = c < 0x80 ? truce_ascii_fold(c) : c;
    const actor_entry *best = NULL;
    for (uint32_t o = d->bucket[ACTOR_ENTRY_NAME][key]; o < d->bucket[ACTOR_ENTRY_NAME][key + 1];
         o++) {
        const actor_entry *e = &d->items[d->order[o]];
        if ((!best || e < best) && e->kind == TRUCE_ACTOR_OFFICIAL && e->plen == nl &&
            strncmp(e->pattern, name, nl) == 0)
            best = e;
    }
    return best;
}

static const learned *known_surname(const scan *s, size_t i)
{
    /* every comparison below asks for a capital at i (match_at, capital) */
    if (i >= s->len || !upper_at(s, i))
        return NULL;
    for (size_t k = s->nk; k-- > 0;) {
        const learned *l = &s->known[k];
        /* the exact comparison below needs the first byte equal: test it first */
        if (l->slen && l->surname[0] == s->t[i] && match_at(s, i, l->surname, l->slen, true) &&
            strncmp(s->t + i, l->surname, l->slen) == 0)
            return l;
    }
    return NULL;
}

static const learned *known_title(const scan *s, const char *title)
{
    for (size_t k = s->nk; k-- > 0;)
        if (s->known[k].title && strcmp(s->known[k].title, title) == 0)
            return &s->known[k];
    return NULL;
}

static bool has_suffix(const scan *s, size_t i, size_t e)
{
    for (size_t k = 0; k < s->d->n; k++) {
        const actor_entry *en = &s->d->items[k];
        if (en->cls == ACTOR_ENTRY_SUFFIX && e - i > en->plen + 2 &&
            strncmp(s->t + e - en->plen, en->pattern, en->plen) == 0)
            return true;
    }
    return false;
}

/* Start of the word before position i (across spaces), or -1; *before
 * gets the start of the word before that one, or -1. */
static size_t prev_word(const scan *s, size_t i, size_t *before)
{
    *before = (size_t)-1;
    size_t e = i;
    while (e > 0 && s->t[e - 1] == ' ')
        e--;
    if (e == i || e == 0 || !word_byte(s->t, s->len, e - 1))
        return (size_t)-1;
    size_t b = e;
    while (b > 0 && (word_byte(s->t, s->len, b - 1) || s->t[b - 1] == '-'))
        b--;
    size_t e2 = b;
    while (e2 > 0 && s->t[e2 - 1] == ' ')
        e2--;
    if (e2 < b && e2 > 0 && word_byte(s->t, s->len, e2 - 1)) {
        size_t b2 = e2;
        while (b2 > 0 && (word_byte(s->t, s->len, b2 - 1) || s->t[b2 - 1] == '-'))
            b2--;
        *before = b2;
    }
    return b;
}

static bool is_article(const scan *s, size_t w)
{
    return w != (size_t)-1 && (((match_at(s, w, "a", 1, false) || match_at(s, w, "an", 2, false)) &&
                                (w == 0 || !word_byte(s->t, s->len, w - 1))));
}

/* "an official", "an SDF official", "a Hezbollah commander": the article
 * before the title, or before one capitalised word (the body) before it. */
static bool indefinite(const scan *s, size_t w1, size_t w2)
{
    return is_article(s, w1) || (upper_at(s, w1) && is_article(s, w2));
}

/* "Colonel Cyrille Atonfack Guemo" is often "Atonfack" later: of a
 * three-word name, the middle word is learnt as a surname too. */
static int learn_middle(scan *s, size_t ns, size_t ne, const char *name, const char *country)
{
    const char *sp1 = memchr(s->t + ns, ' ', ne - ns);
    if (!sp1)
        return TRUCE_OK;
    size_t m0 = (size_t)(sp1 - s->t) + 1;
    const char *sp2 = memchr(s->t + m0, ' ', ne - m0);
    if (!sp2 || memchr(sp2 + 1, ' ', ne - (size_t)(sp2 + 1 - s->t)))
        return TRUCE_OK;
    size_t m1 = (size_t)(sp2 - s->t);
    if (m1 - m0 < 4 || !upper_at(s, m0))
        return TRUCE_OK;
    return learn(s, s->t + m0, m1 - m0, name, NULL, country);
}

/* Title at i (after an optional demonym that gave `country`). Returns the
 * end of what was read, or 0 when no official was found. */
static size_t try_title(scan *s, size_t start, size_t i, const char *country, int *rc)
{
    const actor_entry *t = longest(s, i, ACTOR_ENTRY_TITLE);
    if (!t)
        return 0;
    /* "General Staff" is a body, not General Staff the person */
    const actor_entry *body = longest(s, i, ACTOR_ENTRY_NAME);
    if (body && body->plen > t->plen)
        return 0;
    size_t after = i + t->plen;
    size_t ns = skip_spaces(s, after);
    size_t last = ns;
    size_t ne = (ns > after && !in_headline(s, i)) ? read_name(s, ns, &last) : 0;
    if (ne) {
        const char *name = truce_arena_strndup(s->a, s->t + ns, ne - ns);
        if (!name) {
            *rc = TRUCE_ENOMEM;
            return 0;
        }
        const learned *prev = known_surname(s, last);
        const actor_entry *known = official_entry(s, name, ne - ns);
        if (prev && ne - last == prev->slen)
            name = prev->name;
        else if (known)
            name = known->name;
        if (!country || !*country)
            country = known ? known->country : prev ? prev->country : "";
        const char *rule = truce_arena_printf(s->a, "title+name %s", t->rule);
        if (!rule || (*rc = emit(s, start, ne, name, TRUCE_ACTOR_OFFICIAL, country, t->name, rule)))
            return *rc = *rc ? *rc : TRUCE_ENOMEM, 0;
        if ((*rc = learn(s, s->t + last, ne - last, name, t->name, country)) ||
            (*rc = learn_middle(s, ns, ne, name, country)))
            return 0;
        return ne;
    }
    /* "a spokesperson for the mission, Andrea Tenenti, said": the name in
     * apposition after the title's own words */
    if (!in_headline(s, i)) {
        size_t lim = after + 50 < s->len ? after + 50 : s->len;
        for (size_t k = after; k + 2 < lim; k++) {
            char ch = s->t[k];
            if (ch == '.' || ch == ';' || ch == ':' || ch == '(' || ch == '"' || ch == '\n')
                break;
            if (ch != ',')
                continue;
            size_t q = k + 1;
            if (s->t[q] != ' ' || longest(s, q + 1, ACTOR_ENTRY_TITLE))
                break;
            size_t last2 = q + 1;
            size_t ne2 = read_name(s, q + 1, &last2);
            if (!ne2 || last2 == q + 1 || (ne2 < s->len && s->t[ne2] != ',' && s->t[ne2] != '.'))
                break;
            const char *name = truce_arena_strndup(s->a, s->t + q + 1, ne2 - q - 1);
            const char *rule = truce_arena_printf(s->a, "title, name in apposition %s", t->rule);
            if (!name || !rule) {
                *rc = TRUCE_ENOMEM;
                return 0;
            }
            const actor_entry *known = official_entry(s, name, ne2 - q - 1);
            if (known)
                name = known->name;
            const char *cc = country && *country ? country : known ? known->country : "";
            if ((*rc = emit(s, q + 1, ne2, name, TRUCE_ACTOR_OFFICIAL, cc, t->name, rule)) ||
                (*rc = learn(s, s->t + last2, ne2 - last2, name, t->name, cc)))
                return 0;
            return ne2;
        }
    }
    /* "a Twic county commissioner", "an SDF official": someone new, not the
     * last official of that title */
    size_t w2s = 0, w1s = prev_word(s, start, &w2s);
    if (w1s != (size_t)-1 && indefinite(s, w1s, w2s))
        return 0;
    /* "the official news agency": the generic title "official" stands for
     * someone only before punctuation or a reporting verb */
    if (strcmp(t->name, "official") == 0 && after < s->len && s->t[after] != ',' &&
        s->t[after] != '.' && !match_at(s, after + 1, "said", 4, false) &&
        !match_at(s, after + 1, "says", 4, false) && !match_at(s, after + 1, "told", 4, false))
        return 0;
    /* A title alone stands for the last official introduced with it. */
    const learned *l = known_title(s, t->name);
    if (!l) {
        /* "The Foreign Minister received...", "the UN Humanitarian
         * Coordinator said": an office nobody named yet, capitalised after
         * "the" (and the body it serves) */
        bool the = start >= 4 && (strncmp(s->t + start - 4, "The ", 4) == 0 ||
                                  strncmp(s->t + start - 4, "the ", 4) == 0);
        bool of_body = false;
        if (!the && start == i && w1s != (size_t)-1 && upper_at(s, w1s) && s->n &&
            s->items[s->n - 1].span.start == w1s && s->items[s->n - 1].kind == TRUCE_ACTOR_ORGANISATION &&
            w1s >= 4 && (strncmp(s->t + w1s - 4, "The ", 4) == 0 || strncmp(s->t + w1s - 4, "the ", 4) == 0))
            the = of_body = true;
        if (the && start == i && upper_at(s, i) && !in_headline(s, i) && strchr(t->name, ' ')) {
            const char *rule = truce_arena_printf(s->a, "title alone, nobody named %s", t->rule);
            const char *nm = t->name;
            if (of_body) {
                /* "the UN Humanitarian Coordinator": one official, the
                 * body's words kept in the name */
                start = w1s;
                s->n--;
                nm = truce_arena_printf(s->a, "%.*s %s", (int)(i - w1s - 1), s->t + w1s, t->name);
            }
            if (!rule || !nm || (*rc = emit(s, start, after, nm, TRUCE_ACTOR_OFFICIAL,
                                            country ? country : "", t->name, rule)))
                return *rc = *rc ? *rc : TRUCE_ENOMEM, 0;
            return after;
        }
        return 0;
    }
    const char *rule = truce_arena_printf(s->a, "title alone, last named %s", t->rule);
    if (!rule || (*rc = emit(s, start, after, l->name, TRUCE_ACTOR_OFFICIAL, l->country,
                             t->name, rule)))
        return *rc = *rc ? *rc : TRUCE_ENOMEM, 0;
    return after;
}

/* A group noun after a demonym ("Russian peacekeepers", "Azerbaijani armed forces"). */
static const actor_entry *group_after(const scan *s, size_t i)
{
    const actor_entry *best = NULL;
    for (size_t k = 0; k < s->d->n; k++) {
        const actor_entry *e = &s->d->items[k];
        bool groupish = e->cls == ACTOR_ENTRY_NOUN ||
                        (e->cls == ACTOR_ENTRY_NAME &&
                         (e->kind == TRUCE_ACTOR_MILITARY || e->kind == TRUCE_ACTOR_CIVILIANS ||
                          e->kind == TRUCE_ACTOR_GROUP || e->kind == TRUCE_ACTOR_GOVERNMENT) &&
                         !e->country[0]);
        if (!groupish || (best && e->plen <= best->plen))
            continue;
        if (match_at(s, i, e->pattern, e->plen, e->capital))
            best = e;
    }
    return best;
}

/* "Russian peacekeepers"; "Turkish troops (Turkey)" when the demonym does
 * not spell the state's name, so the side stays readable and searchable. */
static const char *group_name(scan *s, const actor_entry *adj, const actor_entry *g)
{
    size_t nl = strlen(adj->name);
    bool spelled = nl <= adj->plen;
    for (size_t k = 0; spelled && k < nl; k++)
        spelled = tolower((unsigned char)adj->pattern[k]) == tolower((unsigned char)adj->name[k]);
    if (spelled || !adj->name[0])
        return truce_arena_printf(s->a, "%s %s", adj->pattern, g->name);
    return truce_arena_printf(s->a, "%s %s (%s)", adj->pattern, g->name, adj->name);
}

/* "the Ministry", "the army", "the group": a description that refers back
 * to the last actor it fits, named earlier in the document. */
static size_t try_description(scan *s, size_t i, int *rc)
{
    static const struct { const char *head; const char *fits[6]; int kind; } D[] = {
        {"ministry", {"ministry", NULL, NULL, NULL}, -1},
        /* a peacekeeping force or observer body is a mission */
        {"mission", {"mission", "smm", "unifil", "monusco", "force", "observer"}, -1},
        {"commission", {"commission", NULL, NULL, NULL}, -1},
        {"army", {"army", "armed forces", "military", NULL}, -1},
        {"military", {"army", "armed forces", "military", NULL}, -1},
        {"group", {NULL, NULL, NULL, NULL}, TRUCE_ACTOR_GROUP},
        {"movement", {"movement", NULL, NULL, NULL}, TRUCE_ACTOR_GROUP},
        {"militia", {"militia", NULL, NULL, NULL}, TRUCE_ACTOR_GROUP},
        {"rebels", {"rebel", NULL, NULL, NULL}, TRUCE_ACTOR_GROUP},
        {"coalition", {"coalition", NULL, NULL, NULL}, -1},
        {"organisation", {NULL, NULL, NULL, NULL}, TRUCE_ACTOR_ORGANISATION},
        {"organization", {NULL, NULL, NULL, NULL}, TRUCE_ACTOR_ORGANISATION},
        {"agency", {"agency", NULL, NULL, NULL}, TRUCE_ACTOR_ORGANISATION},
        {"alliance", {"alliance", NULL, NULL, NULL}, -1},
        {"government", {"government", NULL, NULL, NULL}, TRUCE_ACTOR_GOVERNMENT},
    };
    if (i < 4 || (memcmp(s->t + i - 4, "the ", 4) != 0 && memcmp(s->t + i - 4, "The ", 4) != 0))
        return 0;
    /* only the heads' first letters can start one */
    switch (truce_ascii_fold((unsigned char)s->t[i])) {
    case 'm': case 'c': case 'a': case 'g': case 'r': case 'o': break;
    default: return 0;
    }
    if (i > 4 && word_byte(s->t, s->len, i - 5))
        return 0;
    for (size_t k = 0; k < sizeof D / sizeof D[0]; k++) {
        size_t hl = strlen(D[k].head);
        if (!match_at(s, i, D[k].head, hl, false))
            continue;
        /* "the Ministry of Health" is a name, read elsewhere; "the military
         * escalation" uses the word as an adjective */
        size_t after = skip_spaces(s, i + hl);
        if (after > i + hl && (match_at(s, after, "of", 2, false) || upper_at(s, after)))
            return 0;
        if (strcmp(D[k].head, "military") == 0 && after > i + hl && after < s->len &&
            islower((unsigned char)s->t[after]))
            return 0;
        for (size_t j = s->n; j-- > 0;) {
            const truce_actor_mention *m = &s->items[j];
            bool fits = D[k].kind >= 0 && (int)m->kind == D[k].kind;
            char low[160];
            size_t l = strlen(m->name) < sizeof low - 1 ? strlen(m->name) : sizeof low - 1;
            for (size_t q = 0; q < l; q++)
                low[q] = (char)tolower((unsigned char)m->name[q]);
            low[l] = 0;
            for (int f = 0; f < 6 && !fits && D[k].fits[f]; f++)
                fits = strstr(low, D[k].fits[f]) != NULL;
            if (!fits || m->kind == TRUCE_ACTOR_STATE || m->kind == TRUCE_ACTOR_MEDIA ||
                m->kind == TRUCE_ACTOR_CIVILIANS || m->kind == TRUCE_ACTOR_OFFICIAL)
                continue;
            if ((*rc = emit(s, i - 4, i + hl, m->name, m->kind, m->country, NULL,
                            "description: the last actor it fits")))
                return 0;
            return i + hl;
        }
        /* "the army" of a report that named no army: the army, side unknown */
        if (D[k].kind < 0 && (strcmp(D[k].head, "army") == 0 || strcmp(D[k].head, "military") == 0)) {
            if ((*rc = emit(s, i - 4, i + hl, "army", TRUCE_ACTOR_MILITARY, "", NULL,
                            "description with nothing before it to refer to")))
                return 0;
            return i + hl;
        }
        /* "The Ministry categorically denies", "the Commission met": the
         * body that issues the report, as the report calls it */
        if (strcmp(D[k].head, "ministry") == 0 || strcmp(D[k].head, "commission") == 0) {
            const char *nm = truce_arena_strndup(s->a, s->t + i, hl);
            if (!nm || (*rc = emit(s, i - 4, i + hl, nm,
                                   D[k].head[0] == 'm' ? TRUCE_ACTOR_GOVERNMENT : TRUCE_ACTOR_ORGANISATION,
                                   "", NULL, "description with nothing before it to refer to")))
                return *rc = *rc ? *rc : TRUCE_ENOMEM, 0;
            return i + hl;
        }
        if (strcmp(D[k].head, "government") == 0) {
            if ((*rc = emit(s, i - 4, i + hl, "government", TRUCE_ACTOR_GOVERNMENT, "", NULL,
                            "description with nothing before it to refer to")))
                return 0;
            return i + hl;
        }
        return 0;
    }
    return 0;
}

static const struct { const char *head; truce_actor_kind kind; } BODY_HEADS[] = {
    {"Force", TRUCE_ACTOR_MILITARY}, {"Forces", TRUCE_ACTOR_MILITARY},
    {"Army", TRUCE_ACTOR_MILITARY}, {"Brigade", TRUCE_ACTOR_MILITARY},
    {"Battalion", TRUCE_ACTOR_MILITARY}, {"Regiment", TRUCE_ACTOR_MILITARY},
    {"Division", TRUCE_ACTOR_MILITARY}, {"Guard", TRUCE_ACTOR_MILITARY},
    {"Guards", TRUCE_ACTOR_MILITARY}, {"Corps", TRUCE_ACTOR_MILITARY},
    {"Police", TRUCE_ACTOR_MILITARY}, {"Front", TRUCE_ACTOR_GROUP},
    {"Movement", TRUCE_ACTOR_GROUP}, {"Militia", TRUCE_ACTOR_GROUP},
    {"Group", TRUCE_ACTOR_GROUP}, {"Alliance", TRUCE_ACTOR_GROUP},
    {"Brotherhood", TRUCE_ACTOR_GROUP}, {"Resistance", TRUCE_ACTOR_GROUP},
    {"Ministry", TRUCE_ACTOR_GOVERNMENT}, {"Office", TRUCE_ACTOR_GOVERNMENT},
    {"Service", TRUCE_ACTOR_GOVERNMENT}, {"Agency", TRUCE_ACTOR_GOVERNMENT},
    {"Council", TRUCE_ACTOR_GOVERNMENT}, {"Committee", TRUCE_ACTOR_ORGANISATION},
    {"Administration", TRUCE_ACTOR_GOVERNMENT}, {"Commission", TRUCE_ACTOR_ORGANISATION},
    {"Mission", TRUCE_ACTOR_ORGANISATION}, {"Organisation", TRUCE_ACTOR_ORGANISATION},
    {"Organization", TRUCE_ACTOR_ORGANISATION}, {"Foundation", TRUCE_ACTOR_ORGANISATION},
    /* armed groups and watchdogs the dictionaries cannot all list (not
     * "Union", "Association", "Coalition": clubs and unions of every kind) */
    {"Units", TRUCE_ACTOR_GROUP}, {"Unit", TRUCE_ACTOR_MILITARY},
    {"Fighters", TRUCE_ACTOR_GROUP}, {"Jirga", TRUCE_ACTOR_GROUP}, {"Shura", TRUCE_ACTOR_GROUP},
    {"Monitor", TRUCE_ACTOR_ORGANISATION}, {"Watch", TRUCE_ACTOR_ORGANISATION},
    {"Observatory", TRUCE_ACTOR_ORGANISATION},
};

/* Month and day names open dates, not names ("Jan 30 (Wire)"). */
static bool calendar_name(const char *w, size_t n)
{
    static const char *const C[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
                                    "Sept", "Oct", "Nov", "Dec", "January", "February", "March",
                                    "April", "June", "July", "August", "September", "October",
                                    "November", "December", "Monday", "Tuesday", "Wednesday",
                                    "Thursday", "Friday", "Saturday", "Sunday", NULL};
    for (size_t k = 0; C[k]; k++)
        if (strlen(C[k]) == n && memcmp(C[k], w, n) == 0)
            return true;
    return false;
}

/* The kind a body's name implies by its head noun ("... Brigade" a force,
 * "... Monitor" an organisation); `found` says whether the word is one. */
static truce_actor_kind head_kind(const char *w, size_t n, bool *found)
{
    for (size_t k = 0; k < sizeof BODY_HEADS / sizeof BODY_HEADS[0]; k++)
        if (BODY_HEADS[k].head[0] == w[0] && strncmp(BODY_HEADS[k].head, w, n) == 0 &&
            BODY_HEADS[k].head[n] == '\0') {
            *found = true;
            return BODY_HEADS[k].kind;
        }
    *found = false;
    return TRUCE_ACTOR_GROUP;
}

/* A capitalised name ending in a body noun that no dictionary lists
 * ("Special Deterrence Force", "National Liberation Army (ELN)", "the 444
 * Brigade"): a group, force, office or mission; an acronym in brackets after
 * it stands for it later in the document. */
static size_t try_body(scan *s, size_t i, int *rc)
{
    static const char *const LINK[] = {"of", "for", "the", "of the", NULL};
    /* "Fighters of the X Front" at a sentence's start: the capital is the
     * sentence's, the name starts after the linking word */
    size_t b = i;
    while (b > 0 && (s->t[b - 1] == ' ' || s->t[b - 1] == '"'))
        b--;
    size_t w0 = name_word(s, i);
    if ((b == 0 || s->t[b - 1] == '.' || s->t[b - 1] == '\n' || s->t[b - 1] == '?' ||
         s->t[b - 1] == '!') &&
        w0 && w0 + 4 < s->len && strncmp(s->t + w0, " of ", 4) == 0)
        return 0;
    size_t p = i, end = 0, words = 0, last = 0;
    truce_actor_kind kind = TRUCE_ACTOR_GROUP;
    for (int w = 0; w < 7 && p < s->len; w++) {
        size_t e = 0;
        if (w == 0 && isdigit((unsigned char)s->t[p])) {
            e = p;
            while (e < s->len && isdigit((unsigned char)s->t[e]))
                e++;
            /* "the 5th Mountain Rifle Brigade", "the 58th Army": an ordinal */
            if (e + 2 <= s->len && (strncmp(s->t + e, "st", 2) == 0 || strncmp(s->t + e, "nd", 2) == 0 ||
                                    strncmp(s->t + e, "rd", 2) == 0 || strncmp(s->t + e, "th", 2) == 0))
                e += 2;
            if (!ends_word(s, e))
                break;
        } else {
            e = name_word(s, p);
            if (!e || stop_word(s, p, e))
                break;
            /* "Soldiers of the Ukrainian Armed Forces": a demonym's group is
             * read from the demonym. At the first word try_at has found
             * neither (it reads a demonym or a name at i itself). */
            const actor_entry *adj = p == i ? NULL : longest(s, p, ACTOR_ENTRY_ADJ);
            const actor_entry *st = p == i ? NULL : longest(s, p, ACTOR_ENTRY_NAME);
            if ((adj && adj->plen == e - p) || (st && st->kind == TRUCE_ACTOR_STATE))
                return 0;
        }
        words++;
        last = e;
        bool hf = false;
        truce_actor_kind hk = head_kind(s->t + p, e - p, &hf);
        if (hf && words >= 2) {
            end = e;
            kind = hk;
        }
        if (e >= s->len || s->t[e] != ' ')
            break;
        p = e + 1;
        /* "Ministry of the Interior": a linking word inside the name */
        for (size_t k = 0; LINK[k]; k++) {
            size_t ll = strlen(LINK[k]);
            if (p + ll + 1 < s->len && strncmp(s->t + p, LINK[k], ll) == 0 && s->t[p + ll] == ' ' &&
                upper_at(s, p + ll + 1)) {
                p += ll + 1;
                break;
            }
        }
    }
    /* "the Carlos Patiño front", "the Dagoberto Ramos column", "the rival
     * Zaire militia": a name and a lowercase head noun. A front or column
     * needs a name of two words (a person's), so that "the Kharkiv front"
     * and "the Western front" stay lines of battle; a militia may have one
     * word but not a demonym (read before) nor a direction. */
    if (!end && last && words <= 3 && last + 1 < s->len && s->t[last] == ' ' &&
        (s->t[last + 1] == 'f' || s->t[last + 1] == 'c' || s->t[last + 1] == 'm') &&
        !(b == 0 || s->t[b - 1] == '.' || s->t[b - 1] == '\n')) {
        static const struct { const char *lit; size_t min_words; } LH[] = {
            {" front", 2}, {" column", 2}, {" militia", 1}, {" militias", 1}};
        static const char *const DIR[] = {"Eastern", "Western", "Northern", "Southern", "Central",
                                          "Home", "Popular", "United", "National", NULL};
        bool dir = false;
        for (size_t k = 0; DIR[k]; k++)
            dir |= last - i == strlen(DIR[k]) && strncmp(s->t + i, DIR[k], last - i) == 0;
        for (size_t k = 0; k < sizeof LH / sizeof LH[0] && !dir; k++) {
            size_t ll = strlen(LH[k].lit);
            if (words >= LH[k].min_words && last + ll <= s->len &&
                strncmp(s->t + last, LH[k].lit, ll) == 0 && ends_word(s, last + ll)) {
                end = last + ll;
                kind = TRUCE_ACTOR_GROUP;
                break;
            }
        }
    }
    if (!end)
        return 0;
    /* "... Army (ELN)" */
    size_t q = end, a0 = 0, a1 = 0;
    if (q + 3 < s->len && s->t[q] == ' ' && s->t[q + 1] == '(') {
        a0 = q + 2;
        a1 = a0;
        while (a1 < s->len && isupper((unsigned char)s->t[a1]))
            a1++;
        if (a1 - a0 < 2 || a1 - a0 > 6 || a1 >= s->len || s->t[a1] != ')')
            a0 = a1 = 0;
    }
    const char *nm = a1 ? truce_arena_printf(s->a, "%.*s (%.*s)", (int)(end - i), s->t + i,
                                             (int)(a1 - a0), s->t + a0)
                        : truce_arena_strndup(s->a, s->t + i, end - i);
    if (!nm)
        return *rc = TRUCE_ENOMEM, 0;
    if ((*rc = emit(s, i, end, nm, kind, "", NULL, "capitalised name ending in a body noun")))
        return 0;
    if (a1) {
        if ((*rc = learn(s, s->t + a0, a1 - a0, nm, NULL, "")))
            return 0;
        s->known[s->nk - 1].body_kind = (int)kind;
        return a1 + 1;
    }
    return end;
}

/* "The United Nations Interim Security Force for Abyei (UNISFA)", "the
 * Syrian National Army (SNA)", "Islamic State West Africa Province
 * (ISWAP)": capitalised words (with "of", "for", "and" between them)
 * followed by an acronym in brackets are one body, whatever dictionary
 * words they hold; the acronym names it later. The name is kept as
 * written with its acronym. Returns the end of what was read, or 0. */
static size_t try_acronym_name(scan *s, size_t i, int *rc)
{
    static const char *const LINK[] = {"of the", "for the", "and the", "of", "for", "and", "in",
                                       "de", "du", "des", "al", NULL};
    if (!upper_at(s, i))
        return 0;
    size_t p = i, last = 0, words = 0;
    truce_actor_kind kind = TRUCE_ACTOR_UNKNOWN; /* no head noun: a body of unknown kind */
    bool headed = false;
    for (int w = 0; w < 10 && p < s->len; w++) {
        if (!upper_at(s, p) && !(words && isdigit((unsigned char)s->t[p])))
            break;
        size_t e = p;
        while (e < s->len && (word_byte(s->t, s->len, e) || s->t[e] == '-' ||
                              (s->t[e] == '\'' && e > p)))
            e++;
        /* "People’s" */
        while (e + 3 < s->len && (unsigned char)s->t[e] == 0xE2 &&
               (unsigned char)s->t[e + 1] == 0x80 && (unsigned char)s->t[e + 2] == 0x99) {
            e += 3;
            while (e < s->len && word_byte(s->t, s->len, e))
                e++;
        }
        if (e == p || (words == 0 && (stop_word(s, p, e) || calendar_name(s->t + p, e - p))))
            return 0;
        /* "Fighters of the X Front (XF)" at a sentence's start: the capital
         * is the sentence's, the name starts after the linking word */
        if (words == 0 && e + 4 < s->len && memcmp(s->t + e, " of ", 4) == 0) {
            size_t b = i;
            while (b > 0 && (s->t[b - 1] == ' ' || s->t[b - 1] == '"'))
                b--;
            if (b == 0 || s->t[b - 1] == '.' || s->t[b - 1] == '\n' || s->t[b - 1] == '?' ||
                s->t[b - 1] == '!')
                return 0;
        }
        words++;
        last = e;
        bool f = false;
        truce_actor_kind k = head_kind(s->t + p, e - p, &f);
        if (f && words >= 2) {
            kind = k;
            headed = true;
        }
        if (e + 1 >= s->len || s->t[e] != ' ' || s->t[e + 1] == '(')
            break;
        p = e + 1;
        size_t lk = 0;
        for (size_t k2 = 0; LINK[k2]; k2++) {
            size_t ll = strlen(LINK[k2]);
            if (p + ll + 1 < s->len && memcmp(s->t + p, LINK[k2], ll) == 0 && s->t[p + ll] == ' ' &&
                upper_at(s, p + ll + 1)) {
                lk = ll + 1;
                break;
            }
        }
        p += lk;
    }
    if (words < 2 || last + 4 >= s->len || s->t[last] != ' ' || s->t[last + 1] != '(')
        return 0;
    size_t a0 = last + 2, a1 = a0, caps = 0;
    while (a1 < s->len && a1 < a0 + 10 &&
           (isupper((unsigned char)s->t[a1]) || isdigit((unsigned char)s->t[a1]) ||
            (s->t[a1] == '-' && a1 > a0)))
        caps += isupper((unsigned char)s->t[a1++]) != 0;
    if (caps < 2 || a1 >= s->len || s->t[a1] != ')' || s->t[a1 - 1] == '-')
        return 0;
    /* a title opens an official's name */
    const actor_entry *dn = longest(s, i, ACTOR_ENTRY_NAME);
    if ((dn && dn->plen > last - i) || longest(s, i, ACTOR_ENTRY_TITLE))
        return 0;
    /* "Kurdistan Workers' Party (PKK)": an acronym the dictionary knows
     * keeps its entry; a name it lists whole keeps its own, and the acronym
     * names that */
    const actor_entry *da = longest(s, a0, ACTOR_ENTRY_NAME);
    /* "Reporting by John Smith (AFP)": an outlet's or a person's acronym
     * after a name is no expansion of it */
    if (da && da->plen == a1 - a0 && (da->kind == TRUCE_ACTOR_MEDIA || da->kind == TRUCE_ACTOR_OFFICIAL))
        return 0;
    if (da && da->plen == a1 - a0) {
        if ((*rc = emit(s, i, last, da->name, da->kind, da->country, NULL, da->rule)))
            return 0;
        return a1 + 1;
    }
    if (dn && dn->plen == last - i) {
        if ((*rc = emit(s, i, last, dn->name, dn->kind, dn->country, NULL, dn->rule)) ||
            (*rc = learn(s, s->t + a0, a1 - a0, dn->name, NULL, dn->country)))
            return 0;
        s->known[s->nk - 1].body_kind = (int)dn->kind;
        return a1 + 1;
    }
    const actor_entry *adj = longest(s, i, ACTOR_ENTRY_ADJ);
    const char *country = "";
    if (dn && dn->kind == TRUCE_ACTOR_STATE)
        country = dn->country;
    else if (adj && ends_word(s, i + adj->plen))
        country = adj->country;
    /* a body named after the United Nations is one of its missions */
    if (dn && dn->kind == TRUCE_ACTOR_ORGANISATION)
        kind = TRUCE_ACTOR_ORGANISATION;
    else if (!headed && dn && dn->kind != TRUCE_ACTOR_STATE && dn->kind != TRUCE_ACTOR_OFFICIAL)
        kind = dn->kind;
    /* "Jane Roe (AP)": two words with neither a head noun nor a
     * dictionary's name are more likely a person with an employer */
    if (!headed && !dn && !adj && words < 3)
        return 0;
    const char *nm = truce_arena_printf(s->a, "%.*s (%.*s)", (int)(last - i), s->t + i,
                                        (int)(a1 - a0), s->t + a0);
    if (!nm)
        return *rc = TRUCE_ENOMEM, 0;
    if ((*rc = emit(s, i, last, nm, kind, country, NULL, "capitalised name with its acronym in brackets")) ||
        (*rc = learn(s, s->t + a0, a1 - a0, nm, NULL, country)))
        return 0;
    s->known[s->nk - 1].body_kind = (int)kind;
    return a1 + 1;
}

/* ", said Khairi Elias, who runs...", "\" said Bulis Koch Aguar, the
 * minister": two or three capitalised words no dictionary knows right
 * after "said" or "says" name the person speaking. */
static size_t try_said_name(scan *s, size_t i, int *rc)
{
    if (i < 5 || s->t[i - 1] != ' ' ||
        !(memcmp(s->t + i - 5, "said", 4) == 0 || memcmp(s->t + i - 5, "says", 4) == 0) ||
        (i > 5 && word_byte(s->t, s->len, i - 6)) || !upper_at(s, i))
        return 0;
    size_t last = i, ne = read_name(s, i, &last);
    /* the name ends at punctuation: "said Khan Younis residents" names a
     * place's people, not a person */
    if (!ne || last == i || (ne < s->len && s->t[ne] != ',' && s->t[ne] != '.' && s->t[ne] != ';' &&
                             s->t[ne] != '\n'))
        return 0;
    /* words of a body or an office are no person's */
    for (size_t p = i; p < ne;) {
        size_t e = p;
        while (e < ne && s->t[e] != ' ')
            e++;
        bool hf = false;
        head_kind(s->t + p, e - p, &hf);
        if (hf || calendar_name(s->t + p, e - p) || longest(s, p, ACTOR_ENTRY_TITLE))
            return 0;
        p = e + 1;
    }
    const char *nm = truce_arena_strndup(s->a, s->t + i, ne - i);
    if (!nm)
        return *rc = TRUCE_ENOMEM, 0;
    const actor_entry *known = official_entry(s, nm, ne - i);
    if ((*rc = emit(s, i, ne, known ? known->name : nm, TRUCE_ACTOR_OFFICIAL,
                    known ? known->country : "", NULL, "name of the speaker after \"said\"")) ||
        (*rc = learn(s, s->t + last, ne - last, known ? known->name : nm, NULL,
                     known ? known->country : "")))
        return 0;
    return ne;
}

/* "Turkish-backed factions", "Iran-backed militias", "US-led coalition":
 * the group a state backs or leads, not the state. A backed group's side is
 * its own (no country); a coalition a state leads is on that state's side.
 * The state stays readable in the name. */
static size_t try_backed(scan *s, size_t i, const actor_entry *adj, const actor_entry *name, int *rc)
{
    const actor_entry *st = adj && (!name || adj->plen >= name->plen) ? adj
                            : name && name->kind == TRUCE_ACTOR_STATE ? name : NULL;
    if (!st || i + st->plen + 1 >= s->len || s->t[i + st->plen] != '-')
        return 0;
    static const char *const V[] = {"backed", "led", "allied", "aligned", "sponsored", "supported", NULL};
    size_t v = i + st->plen + 1, ve = 0;
    bool led = false;
    for (size_t k = 0; V[k]; k++) {
        size_t l = strlen(V[k]);
        if (v + l < s->len && memcmp(s->t + v, V[k], l) == 0 && s->t[v + l] == ' ') {
            ve = v + l;
            led = k == 1;
            break;
        }
    }
    if (!ve)
        return 0;
    size_t q = ve + 1, e = q;
    const actor_entry *g = group_after(s, q);
    if (g)
        e = q + g->plen;
    else {
        /* "factions", "fighters": a plural noun */
        while (e < s->len && s->t[e] >= 'a' && s->t[e] <= 'z')
            e++;
        if (e - q < 4 || s->t[e - 1] != 's' || !ends_word(s, e))
            return 0;
    }
    const char *nm = truce_arena_strndup(s->a, s->t + i, e - i);
    if (!nm)
        return *rc = TRUCE_ENOMEM, 0;
    if ((*rc = emit(s, i, e, nm, led && g ? g->kind : TRUCE_ACTOR_GROUP, led ? st->country : "", NULL,
                    led ? "a state's name + \"-led\" + group" : "a state's name + \"-backed\" + group")))
        return 0;
    return e;
}

static size_t try_at(scan *s, size_t i, int *rc)
{
    /* "ex-" and "former" belong to the title's span. */
    size_t start = i, p = i;
    if (match_at(s, p, "ex", 2, false) && p + 3 < s->len && s->t[p + 2] == '-')
        p += 3;
    else if (match_at(s, p, "former", 6, false))
        p = skip_spaces(s, p + 6);
    size_t e = try_title(s, start, p, NULL, rc);
    if (e || *rc)
        return e;
    /* both rules want a capital here, and a bracket soon after it or
     * "said" right before it: most words are refused by these tests */
    if (upper_at(s, i)) {
        if (s->next_paren < i) {
            const char *q = memchr(s->t + i, '(', s->len - i);
            s->next_paren = q ? (size_t)(q - s->t) : s->len;
        }
        bool paren = s->next_paren < s->len && s->next_paren - i < 160;
        bool said = i >= 5 && s->t[i - 1] == ' ' && s->t[i - 5] == 's' && s->t[i - 4] == 'a';
        if ((paren || said) && !in_headline(s, i) &&
            ((paren && ((e = try_acronym_name(s, i, rc)) || *rc)) ||
             (said && ((e = try_said_name(s, i, rc)) || *rc))))
            return e;
    }

    const actor_entry *adj = longest(s, i, ACTOR_ENTRY_ADJ);
    const actor_entry *name = longest(s, i, ACTOR_ENTRY_NAME);
    if ((e = try_backed(s, i, adj, name, rc)) || *rc)
        return e;
    if (adj && (!name || adj->plen >= name->plen)) {
        size_t q = skip_spaces(s, i + adj->plen);
        if (q > i + adj->plen) {
            if ((e = try_title(s, i, q, adj->country, rc)) || *rc)
                return e;
            const actor_entry *g = group_after(s, q);
            if (g) {
                const char *nm = group_name(s, adj, g);
                const char *rule = truce_arena_printf(s->a, "demonym+group %s %s", adj->rule,
                                                      g->rule);
                if (!nm || !rule)
                    return *rc = TRUCE_ENOMEM, 0;
                truce_actor_kind k = g->kind;
                if ((*rc = emit(s, i, q + g->plen, nm, k, adj->country, NULL, rule)))
                    return 0;
                return q + g->plen;
            }
        }
        /* "Kyrgyz and Tajik border guards": the group noun serves both */
        if (q > i + adj->plen && match_at(s, q, "and", 3, false)) {
            size_t q2 = skip_spaces(s, q + 3);
            const actor_entry *adj2 = longest(s, q2, ACTOR_ENTRY_ADJ);
            if (adj2) {
                size_t q3 = skip_spaces(s, q2 + adj2->plen);
                const actor_entry *g = q3 > q2 + adj2->plen ? group_after(s, q3) : NULL;
                if (g) {
                    const char *nm = group_name(s, adj, g);
                    const char *rule = truce_arena_printf(s->a, "demonym+shared group %s %s",
                                                          adj->rule, g->rule);
                    if (!nm || !rule)
                        return *rc = TRUCE_ENOMEM, 0;
                    if ((*rc = emit(s, i, i + adj->plen, nm, g->kind, adj->country, NULL, rule)))
                        return 0;
                    return i + adj->plen;
                }
            }
        }
        const char *rule = truce_arena_printf(s->a, "demonym %s", adj->rule);
        if (!rule || (*rc = emit(s, i, i + adj->plen, adj->name, TRUCE_ACTOR_STATE, adj->country,
                                 NULL, rule)))
            return *rc = *rc ? *rc : TRUCE_ENOMEM, 0;
        return i + adj->plen;
    }
    /* "Firstname Surname" with a surname ending of names.tsv, even when the
     * first name is also a place ("Tehran Mensimov"). */
    size_t w1 = name_word(s, i);
    if (w1 && !stop_word(s, i, w1) && w1 < s->len && s->t[w1] == ' ' && !in_headline(s, i) &&
        !known_surname(s, i)) {
        size_t w2 = name_word(s, w1 + 1);
        if (w2 && has_suffix(s, w1 + 1, w2) && !is_dict_word(s, w1 + 1, w2) &&
            !(adj && adj->plen == w1 - i)) {
            const char *nm = truce_arena_strndup(s->a, s->t + i, w2 - i);
            if (!nm)
                return *rc = TRUCE_ENOMEM, 0;
            const actor_entry *known = official_entry(s, nm, w2 - i);
            if ((*rc = emit(s, i, w2, known ? known->name : nm, TRUCE_ACTOR_OFFICIAL,
                            known ? known->country : "", NULL,
                            known ? known->rule : "first name + surname ending (names.tsv)")) ||
                (*rc = learn(s, s->t + w1 + 1, w2 - w1 - 1, known ? known->name : nm, NULL,
                             known ? known->country : "")))
                return 0;
            return w2;
        }
    }
    const learned *l = known_surname(s, i);
    if (l && (!name || name->plen <= l->slen)) {
        bool body = l->body_kind >= 0;
        if ((*rc = emit(s, i, i + l->slen, l->name,
                        body ? (truce_actor_kind)l->body_kind : TRUCE_ACTOR_OFFICIAL, l->country,
                        l->title, body ? "acronym of a body named before" :
                                         "surname of an official named before")))
            return 0;
        return i + l->slen;
    }
    if (name && name->kind == TRUCE_ACTOR_STATE) {
        /* "Azerbaijan's Defense Ministry": a state's own body */
        size_t q = i + name->plen, ap = 0;
        if (q + 1 < s->len && s->t[q] == '\'' && s->t[q + 1] == 's')
            ap = 2;
        else if (q + 3 < s->len && (unsigned char)s->t[q] == 0xE2 &&
                 (unsigned char)s->t[q + 1] == 0x80 && (unsigned char)s->t[q + 2] == 0x99 &&
                 s->t[q + 3] == 's')
            ap = 4;
        if (ap && q + ap < s->len && s->t[q + ap] == ' ') {
            size_t g0 = skip_spaces(s, q + ap);
            const actor_entry *g = group_after(s, g0);
            const actor_entry *org = longest(s, g0, ACTOR_ENTRY_NAME);
            if (org && (org->kind == TRUCE_ACTOR_GOVERNMENT || org->kind == TRUCE_ACTOR_MILITARY) &&
                (!g || org->plen >= g->plen))
                g = org;
            if (g) {
                const char *nm = truce_arena_printf(s->a, "%s %s", name->name, g->name);
                const char *rule = truce_arena_printf(s->a, "state's body %s %s", name->rule,
                                                      g->rule);
                if (!nm || !rule)
                    return *rc = TRUCE_ENOMEM, 0;
                if ((*rc = emit(s, i, g0 + g->plen, nm, g->kind, name->country, NULL, rule)))
                    return 0;
                return g0 + g->plen;
            }
        }
    }
    /* "Ministry of Defense of Azerbaijan": a body followed by its state */
    if (name && (name->kind == TRUCE_ACTOR_GOVERNMENT || name->kind == TRUCE_ACTOR_MILITARY) &&
        !name->country[0]) {
        size_t q = i + name->plen;
        size_t g0 = 0;
        if (q + 4 < s->len && strncmp(s->t + q, " of ", 4) == 0)
            g0 = q + 4;
        if (g0 && g0 + 4 < s->len && strncmp(s->t + g0, "the ", 4) == 0)
            g0 += 4;
        const actor_entry *st = g0 ? longest(s, g0, ACTOR_ENTRY_NAME) : NULL;
        if (st && st->kind == TRUCE_ACTOR_STATE && ends_word(s, g0 + st->plen)) {
            const char *nm = truce_arena_printf(s->a, "%s %s", st->name, name->name);
            const char *rule = truce_arena_printf(s->a, "state's body %s of %s", name->rule,
                                                  st->rule);
            if (!nm || !rule)
                return *rc = TRUCE_ENOMEM, 0;
            if ((*rc = emit(s, i, g0 + st->plen, nm, name->kind, st->country, NULL, rule)))
                return 0;
            return g0 + st->plen;
        }
    }
    if (name) {
        if (name->kind == TRUCE_ACTOR_OFFICIAL) {
            const char *sp = strrchr(name->name, ' ');
            if (sp && (*rc = learn(s, sp + 1, strlen(sp + 1), name->name, NULL, name->country)))
                return 0;
        }
        if ((*rc = emit(s, i, i + name->plen, name->name, name->kind, name->country, NULL,
                        name->rule)))
            return 0;
        return i + name->plen;
    }
    if (!in_headline(s, i)) {
        size_t be = try_body(s, i, rc);
        if (be || *rc)
            return be;
        return try_description(s, i, rc);
    }
    return 0;
}

int truce_read_actors(truce_arena *a, const truce_actor_dict *d, const char *text, size_t len,
                      const truce_sentence_list *sentences, truce_actor_list *out,
                      truce_error *err)
{
    out->items = NULL;
    out->n = 0;
    if (!d || !text)
        return TRUCE_OK;
    scan s = {.a = a, .d = d, .t = text, .len = len, .sents = sentences};
    const char *paren = memchr(text, '(', len);
    s.next_paren = paren ? (size_t)(paren - text) : len;
    size_t i = 0;
    while (i < len) {
        if (!starts_word(&s, i)) {
            i++;
            continue;
        }
        int rc = TRUCE_OK;
        size_t e = try_at(&s, i, &rc);
        if (rc)
            return truce_error_set(err, rc, NULL, (long long)i, "reading actors: out of memory");
        if (e > i) {
            i = e;
            continue;
        }
        while (i < len && word_byte(text, len, i))
            i++;
    }
    out->items = s.items;
    out->n = s.n;
    return TRUCE_OK;
}
