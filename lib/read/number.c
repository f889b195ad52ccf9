/*
 * read/number.c: the number reader. Finds counts written in digits ("2,334",
 * "1.5 million") or words ("forty-two", "a dozen", "hundreds"), their
 * qualifier ("about", "over", "up to"), ranges ("20 to 30") and the counted
 * thing, normalized to a singular lower-case lemma ("artillery shell").
 * Owns no state; mentions live in the caller's arena. Must not report years,
 * dates, times of day, phone numbers, ordinals, article numbers or model
 * names ("T-72", "Uran 6") as quantities.
 */
#include <ctype.h>
#include <math.h>
#include <string.h>

#include "read/date_scan.h"

const char *truce_bound_name(truce_bound b)
{
    switch (b) {
    case TRUCE_BOUND_APPROX: return "approx";
    case TRUCE_BOUND_AT_LEAST: return "at_least";
    case TRUCE_BOUND_AT_MOST: return "at_most";
    case TRUCE_BOUND_RANGE: return "range";
    default: return "exact";
    }
}

typedef struct nctx {
    truce_arena *a;
    const char *t;
    ds_toks k;
    truce_number_list *out;
    size_t cap;
} nctx;

/* w[1..n) equals lit[1..n) in ASCII lower case (w[0] was matched by its
 * lower-cased first byte, ds_tok.lc0), as ds_is compares. */
static inline bool eq_lower(const unsigned char *w, const char *lit, size_t n)
{
    for (size_t j = 1; j < n; j++)
        if (ds_lower(w[j]) != (unsigned char)lit[j])
            return false;
    return true;
}

static const char *const MONTH_WORDS[] = { /* sorted: ds_in_sorted */
    "apr", "april", "aug", "august", "dec", "december", "feb", "february", "jan", "january", "jul",
    "july", "jun", "june", "mar", "march", "may", "nov", "november", "oct", "october", "sep",
    "sept", "september", NULL};
static const char *const REF_WORDS[] = { /* sorted: ds_in_sorted */
    "apartment", "army", "article", "articles", "battalion", "block", "brigade", "building",
    "channel", "chapter", "class", "clause", "code", "corps", "decree", "division", "episode",
    "fax", "figure", "fleet", "flight", "grade", "highway", "hour", "item", "kilometer",
    "kilometre", "km", "law", "level", "mile", "no", "nos", "number", "page", "paragraph", "part",
    "phase", "phone", "platoon", "point", "protocol", "regiment", "resolution", "room", "route",
    "season", "section", "squad", "step", "street", "table", "tel", "unit", "version", "vol",
    "volume", NULL};
static const char *const TIME_UNITS[] = { /* sorted: ds_in_sorted */
    "am", "day", "days", "decade", "decades", "gmt", "hour", "hours", "minute", "minutes", "month",
    "months", "night", "nights", "o", "pm", "second", "seconds", "utc", "week", "weeks", "year",
    "years", NULL};
static const char *const STOP[] = { /* sorted: ds_in_sorted */
    "a", "about", "across", "after", "against", "all", "also", "among", "an", "and", "are",
    "around", "as", "at", "be", "because", "been", "before", "between", "both", "but", "by", "can",
    "cent", "could", "did", "do", "does", "down", "during", "each", "every", "fewer", "for",
    "from", "had", "has", "have", "he", "her", "here", "his", "if", "in", "including", "into",
    "is", "it", "its", "just", "last", "less", "may", "might", "more", "must", "near", "next",
    "not", "of", "on", "only", "or", "our", "out", "over", "per", "percent", "said", "says", "she",
    "should", "since", "so", "still", "such", "than", "that", "the", "their", "then", "there",
    "these", "they", "this", "those", "through", "times", "to", "toward", "towards", "under", "up",
    "was", "we", "were", "when", "where", "which", "while", "who", "whom", "whose", "will", "with",
    "within", "without", "would", NULL};
/* The sorted lists above (and QUAL_WORDS below) are searched by halves. */
#define N_OF(list) (sizeof(list) / sizeof(list)[0] - 1) /* entries before the NULL */
#define N_MONTH_WORDS N_OF(MONTH_WORDS)
#define N_REF_WORDS N_OF(REF_WORDS)
#define N_TIME_UNITS N_OF(TIME_UNITS)
#define N_STOP N_OF(STOP)
#define N_QUAL_WORDS N_OF(QUAL_WORDS)
static const char *const SKIP_ADJ[] = {"more", "other", "additional", "new", "further",
                                       "extra", "different", "separate", NULL};
static const char *const PARTITIVE[] = {"piece", "pieces", "unit", "units", "item", "items",
                                        "kind", "kinds", "type", "types", "kg", "tons",
                                        "tonnes", NULL};
static const char *const PLURAL_IRREGULAR[] = {"people", "children", "men", "women", "police",
                                               "personnel", "staff", "equipment", "livestock",
                                               "cattle", "ammunition", "sheep", "aircraft",
                                               "fish", "deer", "spacecraft", "hardware",
                                               "weaponry", "clothing", "food", NULL};

static bool nationality_like(const nctx *c, size_t i)
{
    if (!ds_cap(c->t, &c->k, i))
        return false;
    size_t l = ds_len(&c->k, i);
    const char *w = c->t + c->k.t[i].s;
    if (l < 4)
        return false;
    const char *end = w + l;
    return (l > 3 && !strncmp(end - 2, "an", 2)) || !strncmp(end - 3, "ese", 3) ||
           !strncmp(end - 3, "ish", 3) || end[-1] == 'i' || !strncmp(end - 2, "ch", 2);
}

static bool all_caps(const nctx *c, size_t i)
{
    if (ds_len(&c->k, i) < 2)
        return false;
    for (uint32_t x = c->k.t[i].s; x < c->k.t[i].e; x++)
        if (islower((unsigned char)c->t[x]))
            return false;
    return true;
}

static bool plural_like(const nctx *c, size_t i)
{
    if (ds_is_any(c->t, &c->k, i, PLURAL_IRREGULAR))
        return true;
    size_t l = ds_len(&c->k, i);
    const char *w = c->t + c->k.t[i].s;
    if (l > 4 && !strncmp(w + l - 3, "men", 3))
        return true; /* servicemen, gunmen */
    if (l < 3 || tolower((unsigned char)w[l - 1]) != 's')
        return false;
    char p = (char)tolower((unsigned char)w[l - 2]);
    return p != 's' && p != 'u' && p != 'i';
}

/* Singular lemma of one lower-cased word, written into the buffer. */
static void lemma(char *w)
{
    static const char *const IRR[][2] = {{"people", "person"}, {"children", "child"},
                                         {"men", "man"}, {"women", "woman"},
                                         {"lives", "life"}, {"wives", "wife"}, {"buses", "bus"},
                                         {"knives", "knife"}, {"leaves", "leave"}, {NULL, NULL}};
    for (int i = 0; IRR[i][0]; i++)
        if (!strcmp(w, IRR[i][0])) {
            strcpy(w, IRR[i][1]);
            return;
        }
    size_t l = strlen(w);
    if (l > 4 && !strcmp(w + l - 3, "men")) { /* servicemen, gunmen, policemen */
        w[l - 2] = 'a';
        return;
    }
    if (l < 3 || w[l - 1] != 's' || w[l - 2] == 's' || w[l - 2] == 'u' || w[l - 2] == 'i')
        return;
    if (l > 4 && !strcmp(w + l - 3, "ies")) {
        strcpy(w + l - 3, "y");
    } else if (l > 4 && (!strcmp(w + l - 4, "ches") || !strcmp(w + l - 4, "shes") ||
                         !strcmp(w + l - 4, "sses") || !strcmp(w + l - 3, "xes") ||
                         !strcmp(w + l - 3, "zes"))) {
        w[l - 2] = 0;
    } else if (l > 4 && !strcmp(w + l - 3, "oes")) {
        w[l - 2] = 0;
    } else
        w[l - 1] = 0;
}

/* Collects the counted thing starting at token j; returns tokens used. */
static size_t read_what(nctx *c, size_t j, bool singular, const char **what, truce_span *sp,
                        int depth)
{
    const ds_toks *k = &c->k;
    size_t words[4], nw = 0, last = j;
    size_t q = j;
    bool stopped_plural = false;
    while (q < k->n && nw < 3) {
        if (k->t[q].kind != DS_WORD || ds_in_sorted(c->t, k, q, STOP, N_STOP))
            break;
        if (q > j && k->t[q].sent != k->t[j].sent)
            break;
        if (ds_is_any(c->t, k, q, SKIP_ADJ) || nationality_like(c, q)) {
            q++;
            continue;
        }
        if (ds_cap(c->t, k, q) && nw == 0 && q + 1 < k->n && ds_cap(c->t, k, q + 1))
            break; /* a name follows: "5 Main Street" */
        words[nw++] = q;
        last = q + 1;
        /* hyphenated compounds stay one word */
        if (ds_adjacent(k, q) && ds_punct(k, q + 1, '-') && ds_adjacent(k, q + 1) &&
            q + 2 < k->n && k->t[q + 2].kind == DS_WORD) {
            q += 2;
            words[nw - 1] = q; /* head is the last part; span starts earlier */
            last = q + 1;
        }
        if (plural_like(c, q) || (singular && nw >= 1 && !(q + 1 < k->n && k->t[q + 1].kind == DS_WORD &&
                                                          !ds_in_sorted(c->t, k, q + 1, STOP, N_STOP)))) {
            stopped_plural = true;
            q++;
            break;
        }
        q++;
    }
    if (!nw)
        return 0;
    /* a lone all-capitals word is a dateline or a name, not a counted thing */
    if (nw == 1 && !stopped_plural && all_caps(c, words[0]))
        return 0;
    /* "105 U.S. children": an initial is not the thing counted */
    if (ds_len(k, words[0]) == 1 && ds_punct(k, words[0] + 1, '.'))
        return 0;
    /* a count above one needs a plural head: "149 regional" is cut short */
    if (!singular && !stopped_plural)
        return 0;
    if (!stopped_plural && nw > 1)
        nw = 1, last = words[0] + 1;
    size_t head = words[nw - 1];
    /* "13 pieces of military equipment": the thing is after "of" */
    if (depth == 0 && nw == 1 && ds_is_any(c->t, k, head, PARTITIVE) && ds_is(c->t, k, last, "of")) {
        size_t u = read_what(c, last + 1, true, what, sp, 1);
        if (u)
            return last + 1 + u - j;
    }
    /* first word's start: could be a hyphen compound */
    size_t first = words[0];
    while (first > j && ds_punct(k, first - 1, '-') && ds_adjacent(k, first - 2))
        first -= 2;
    size_t s = k->t[first].s, e = k->t[head].e;
    /* build "artillery shell": words lower-cased, skipped adjectives left out */
    char buf[160];
    size_t bl = 0;
    for (size_t w = 0; w < nw; w++) {
        size_t ws = words[w];
        size_t from = k->t[ws].s;
        if (w == 0)
            from = s;
        else
            while (ws > words[w - 1] + 2 && ds_punct(k, ws - 1, '-') && ds_adjacent(k, ws - 2))
                ws -= 2, from = k->t[ws].s;
        size_t to = k->t[words[w]].e;
        if (bl && bl < sizeof buf - 1)
            buf[bl++] = ' ';
        for (size_t x = from; x < to && bl < sizeof buf - 1; x++)
            buf[bl++] = (char)tolower((unsigned char)c->t[x]);
    }
    buf[bl] = 0;
    /* lemma of the last word only */
    char *lw = strrchr(buf, ' ');
    lemma(lw ? lw + 1 : buf);
    *what = truce_arena_strdup(c->a, buf);
    sp->start = s, sp->end = e;
    return last - j;
}

/* Whether a word can open a number in words: the number words one..ninety
 * and zero (ds_small_number_word), "a", "one", "dozen", "dozens", "half",
 * "several", "many", "scores", "hundreds", "thousands", "tens". Asked at
 * every word, so the first byte picks the few to compare. */
static bool number_word_start(const char *text, const ds_tok *t)
{
    const unsigned char *w = (const unsigned char *)text + t->s;
    size_t n = t->e - t->s;
    if (n > 9)
        return false;
#define NW(lit) (n == sizeof(lit) - 1 && eq_lower(w, lit, n))
    switch (t->lc0) {
    case 'a': return NW("a");
    case 'd': return NW("dozen") || NW("dozens");
    case 'e': return NW("eight") || NW("eleven") || NW("eighty") || NW("eighteen");
    case 'f': return NW("four") || NW("five") || NW("forty") || NW("fifty") || NW("fifteen") ||
                     NW("fourteen");
    case 'h': return NW("half") || NW("hundreds");
    case 'm': return NW("many");
    case 'n': return NW("nine") || NW("ninety") || NW("nineteen");
    case 'o': return NW("one");
    case 's': return NW("six") || NW("seven") || NW("sixty") || NW("sixteen") || NW("seventy") ||
                     NW("seventeen") || NW("several") || NW("scores");
    case 't': return NW("two") || NW("ten") || NW("three") || NW("twelve") || NW("twenty") ||
                     NW("thirty") || NW("thirteen") || NW("thousands") || NW("tens");
    case 'z': return NW("zero");
    default: return false;
    }
#undef NW
}

/* A number at token i: value, tokens used, and whether it is a vague plural
 * ("hundreds"). 0 when none. */
static size_t number_at(const nctx *c, size_t i, double *v, int *vague)
{
    const ds_toks *k = &c->k;
    const char *t = c->t;
    *vague = 0;
    size_t j = i;
    double val;
    if (i >= k->n || k->t[i].kind == DS_PUNCT ||
        (k->t[i].kind == DS_WORD && !number_word_start(t, &k->t[i])))
        return 0;
    if (k->t[i].kind == DS_NUM) {
        if (ds_len(k, i) > 15)
            return 0;
        val = (double)ds_num(t, k, i);
        if (ds_len(k, i) > 9) {
            val = 0;
            for (uint32_t x = k->t[i].s; x < k->t[i].e; x++)
                val = val * 10 + (t[x] - '0');
        }
        j = i + 1;
        /* thousands groups "2,334" and "1,000,000" */
        while (ds_adjacent(k, j - 1) && ds_punct(k, j, ',') && ds_adjacent(k, j) &&
               j + 1 < k->n && k->t[j + 1].kind == DS_NUM && ds_len(k, j + 1) == 3 &&
               !(ds_adjacent(k, j + 1) && ds_punct(k, j + 2, ',') && j + 3 < k->n &&
                 ds_adjacent(k, j + 2) && k->t[j + 3].kind == DS_NUM && ds_len(k, j + 3) != 3 && false)) {
            val = val * 1000 + (double)ds_num(t, k, j + 1);
            j += 2;
        }
        if (ds_adjacent(k, j - 1) && ds_punct(k, j, '.') && ds_adjacent(k, j) && j + 1 < k->n &&
            k->t[j + 1].kind == DS_NUM && ds_len(k, j + 1) <= 6) {
            double f = (double)ds_num(t, k, j + 1);
            for (size_t x = 0; x < ds_len(k, j + 1); x++)
                f /= 10;
            val += f;
            j += 2;
        }
    } else {
        long w = ds_small_number_word(t, k, i);
        if (w >= 0) {
            val = (double)w;
            j = i + 1;
            if (w >= 20 && ds_punct(k, j, '-') && ds_adjacent(k, i) && ds_adjacent(k, j)) {
                long u = ds_small_number_word(t, k, j + 1);
                if (u > 0 && u < 10)
                    val += (double)u, j += 2;
            }
        } else if (ds_is(t, k, i, "dozen") || ((ds_is(t, k, i, "a") || ds_is(t, k, i, "one")) &&
                                                 ds_is(t, k, i + 1, "dozen"))) {
            val = 12, j = i + (ds_is(t, k, i, "dozen") ? 1 : 2);
        } else if ((ds_is(t, k, i, "a") || ds_is(t, k, i, "one")) &&
                   (ds_is(t, k, i + 1, "hundred") || ds_is(t, k, i + 1, "thousand") ||
                    ds_is(t, k, i + 1, "million"))) {
            val = 1, j = i + 1;
        } else if (ds_is(t, k, i, "half") && ds_is(t, k, i + 1, "a") &&
                   (ds_is(t, k, i + 2, "million") || ds_is(t, k, i + 2, "billion") ||
                    ds_is(t, k, i + 2, "dozen") || ds_is(t, k, i + 2, "thousand"))) {
            /* "half a million" */
            val = ds_is(t, k, i + 2, "dozen") ? 6 : 0.5, j = i + (ds_is(t, k, i + 2, "dozen") ? 3 : 2);
        } else if ((ds_is(t, k, i, "several") || (ds_is(t, k, i, "a") && ds_is(t, k, i + 1, "few")) ||
                    ds_is(t, k, i, "many")) &&
                   (ds_is(t, k, i + 1 + ds_is(t, k, i, "a"), "hundred") ||
                    ds_is(t, k, i + 1 + ds_is(t, k, i, "a"), "thousand") ||
                    ds_is(t, k, i + 1 + ds_is(t, k, i, "a"), "million"))) {
            /* "several hundred" (at least three hundred), "a few thousand"
             * (at least two thousand), "many thousands" */
            *vague = 1;
            val = ds_is(t, k, i, "several") ? 3 : 2;
            j = i + 1 + ds_is(t, k, i, "a");
        } else if (ds_is(t, k, i, "dozens")) {
            *vague = 1;
            *v = 24;
            return 1;
        } else if (ds_is(t, k, i, "scores")) {
            *vague = 1;
            *v = 40;
            return 1;
        } else if (ds_is(t, k, i, "hundreds")) {
            *vague = 1;
            *v = 200;
            return 1;
        } else if (ds_is(t, k, i, "thousands") || ds_is(t, k, i, "tens")) {
            *vague = 1;
            *v = ds_is(t, k, i, "tens") && ds_is(t, k, i + 1, "of") && ds_is(t, k, i + 2, "thousands")
                     ? 20000 : 2000;
            return ds_is(t, k, i, "tens") ? (*v == 20000 ? 3 : 0) : 1;
        } else
            return 0;
    }
    /* scale words: "1.5 million", "two thousand", "three hundred and fifty" */
    for (int guard = 0; guard < 3; guard++) {
        if (ds_is(t, k, j, "hundred")) {
            val *= 100, j++;
            if (ds_is(t, k, j, "and")) {
                long u = ds_small_number_word(t, k, j + 1);
                if (u > 0) {
                    val += (double)u, j += 2;
                    if (u >= 20 && ds_punct(k, j, '-') && ds_adjacent(k, j - 1)) {
                        long u2 = ds_small_number_word(t, k, j + 1);
                        if (u2 > 0 && u2 < 10)
                            val += (double)u2, j += 2;
                    }
                }
            }
        } else if (ds_is(t, k, j, "thousand") || (*vague && ds_is(t, k, j, "thousands")))
            val *= 1000, j++;
        else if (ds_is(t, k, j, "million") || ds_is(t, k, j, "mln"))
            val *= 1e6, j++;
        else if (ds_is(t, k, j, "billion") || ds_is(t, k, j, "bn"))
            val *= 1e9, j++;
        else
            break;
    }
    *v = val;
    return j - i;
}

/* Qualifier ending just before token i: returns its first token and bound. */
static size_t qualifier_before(const nctx *c, size_t i, truce_bound *b)
{
    const ds_toks *k = &c->k;
    const char *t = c->t;
    *b = TRUCE_BOUND_EXACT;
    if (i == 0)
        return i;
    size_t p = i - 1;
    if (p >= 1 && ds_is(t, k, p, "than")) {
        if (ds_is(t, k, p - 1, "more") || ds_is(t, k, p - 1, "greater")) {
            *b = TRUCE_BOUND_AT_LEAST;
            if (p >= 2 && ds_is(t, k, p - 2, "no"))
                return *b = TRUCE_BOUND_AT_MOST, p - 2;
            return p - 1;
        }
        if (ds_is(t, k, p - 1, "fewer") || ds_is(t, k, p - 1, "less")) {
            *b = TRUCE_BOUND_AT_MOST;
            if (p >= 2 && ds_is(t, k, p - 2, "no"))
                return *b = TRUCE_BOUND_AT_LEAST, p - 2;
            return p - 1;
        }
    }
    if (p >= 1 && ds_is(t, k, p, "least") && ds_is(t, k, p - 1, "at"))
        return *b = TRUCE_BOUND_AT_LEAST, p - 1;
    if (p >= 1 && ds_is(t, k, p, "most") && ds_is(t, k, p - 1, "at"))
        return *b = TRUCE_BOUND_AT_MOST, p - 1;
    if (p >= 1 && ds_is(t, k, p, "to") && ds_is(t, k, p - 1, "up"))
        return *b = TRUCE_BOUND_AT_MOST, p - 1;
    if (p >= 2 && ds_is(t, k, p, "as") && ds_is(t, k, p - 1, "many") && ds_is(t, k, p - 2, "as"))
        return *b = TRUCE_BOUND_AT_MOST, p - 2;
    if (p >= 1 && ds_is(t, k, p, "of") && ds_is(t, k, p - 1, "upwards"))
        return *b = TRUCE_BOUND_AT_LEAST, p - 1;
    if (p >= 1 && ds_is(t, k, p, "estimated") && ds_is(t, k, p - 1, "an"))
        return *b = TRUCE_BOUND_APPROX, p - 1;
    static const char *const APPROX[] = {"about", "around", "approximately", "nearly", "almost",
                                         "some", "roughly", "estimated", "approx", "circa",
                                         "ca", "reportedly", NULL};
    if (ds_is_any(t, k, p, APPROX) && !ds_is(t, k, p, "reportedly"))
        return *b = TRUCE_BOUND_APPROX, p;
    if (ds_is(t, k, p, "over") || ds_is(t, k, p, "above") || ds_is(t, k, p, "exceeding"))
        return *b = TRUCE_BOUND_AT_LEAST, p;
    if (ds_is(t, k, p, "under") || ds_is(t, k, p, "below"))
        return *b = TRUCE_BOUND_AT_MOST, p;
    return i;
}

static bool is_month_or_weekday(const nctx *c, size_t i)
{
    return ds_in_sorted(c->t, &c->k, i, MONTH_WORDS, N_MONTH_WORDS) ||
           ds_is(c->t, &c->k, i, "monday") || ds_is(c->t, &c->k, i, "tuesday") ||
           ds_is(c->t, &c->k, i, "wednesday") || ds_is(c->t, &c->k, i, "thursday") ||
           ds_is(c->t, &c->k, i, "friday") || ds_is(c->t, &c->k, i, "saturday") ||
           ds_is(c->t, &c->k, i, "sunday");
}

static const char *const QUAL_WORDS[] = { /* sorted: ds_in_sorted */
    "about", "almost", "an", "and", "approximately", "around", "at", "between", "by", "estimated",
    "fewer", "from", "killed", "least", "less", "more", "most", "nearly", "of", "or", "over",
    "roughly", "some", "than", "the", "to", "under", "up", "with", NULL};

/* Digits that are not a count: returns tokens to skip (0 = it may be a count). */
static size_t not_a_count(const nctx *c, size_t i, size_t n)
{
    const ds_toks *k = &c->k;
    const char *t = c->t;
    size_t e = i + n;
    /* a numeric date "10.11.2020", "11/10/2020", "2020-11-17" whole (before
     * "10.11" could read as a decimal) */
    if (i + 4 < k->n && ds_adjacent(k, i) && ds_adjacent(k, i + 1) && ds_adjacent(k, i + 2) &&
        ds_adjacent(k, i + 3) && k->t[i + 1].kind == DS_PUNCT && k->t[i + 2].kind == DS_NUM &&
        k->t[i + 4].kind == DS_NUM && ds_punct(k, i + 3, k->t[i + 1].c) &&
        (k->t[i + 1].c == '.' || k->t[i + 1].c == '/' || k->t[i + 1].c == '-') &&
        (ds_len(k, i) == 4 || ds_len(k, i + 4) == 4 || ds_len(k, i + 4) == 2) &&
        ds_len(k, i + 2) <= 2)
        return 5;
    /* "(012) 555-1234": a telephone number after an area code, and any
     * three-digit-dash-four-digit group */
    if (i >= 3 && ds_punct(k, i - 1, ')') && k->t[i - 2].kind == DS_NUM && ds_punct(k, i - 3, '(')) {
        size_t j = i + 1;
        while (j + 1 < k->n && ds_adjacent(k, j - 1) && ds_punct(k, j, '-') && ds_adjacent(k, j) &&
               k->t[j + 1].kind == DS_NUM)
            j += 2;
        return j - i;
    }
    if (ds_len(k, i) == 3 && ds_adjacent(k, i) && ds_punct(k, i + 1, '-') && ds_adjacent(k, i + 1) &&
        i + 2 < k->n && k->t[i + 2].kind == DS_NUM && ds_len(k, i + 2) == 4)
        return 3;
    /* glued to letters or a letter-hyphen: "An-124", "T-72", "S-300", "3D" */
    if (i >= 1 && ds_adjacent(k, i - 1) && k->t[i - 1].kind == DS_WORD)
        return n;
    if (i >= 2 && ds_punct(k, i - 1, '-') && ds_adjacent(k, i - 1) && ds_adjacent(k, i - 2) &&
        k->t[i - 2].kind == DS_WORD)
        return n;
    if (i >= 1 && ds_punct(k, i - 1, '+')) {
        /* "+7 495 123-45-67": the whole chain */
        size_t j = i;
        while (j < k->n && (k->t[j].kind == DS_NUM || ds_punct(k, j, '-') || ds_punct(k, j, '(') ||
                            ds_punct(k, j, ')')))
            j++;
        return j - i;
    }
    if (i >= 1 && (ds_punct(k, i - 1, '#') ||
                   (ds_punct(k, i - 1, '(') && ds_punct(k, e, ')') && n == 1 &&
                    (ds_len(k, i) == 3 || (ds_len(k, i) >= 3 && ds_len(k, i) <= 5 &&
                                           e + 1 < k->n && k->t[e + 1].kind == DS_NUM)))))
        return n; /* "#4", an area code "(0412) 555..." */
    if (ds_adjacent(k, e - 1) && e < k->n && k->t[e].kind == DS_WORD) {
        if (ds_is(t, k, e, "st") || ds_is(t, k, e, "nd") || ds_is(t, k, e, "rd") ||
            ds_is(t, k, e, "th") || ds_is(t, k, e, "s") || ds_is(t, k, e, "d"))
            return n + 1; /* ordinal, decade */
    }
    /* phone-like chains "123-45-67", times "10:30", "10.30 a.m." */
    if (ds_adjacent(k, e - 1) && (ds_punct(k, e, ':') || ds_punct(k, e, '/')) && ds_adjacent(k, e) &&
        e + 1 < k->n && k->t[e + 1].kind == DS_NUM)
        return n + 2;
    if (ds_adjacent(k, e - 1) && ds_punct(k, e, '-') && ds_adjacent(k, e) && e + 2 < k->n &&
        k->t[e + 1].kind == DS_NUM && ds_adjacent(k, e + 1) && ds_punct(k, e + 2, '-'))
        return n + 4;
    if (i >= 1 && ds_adjacent(k, i - 1) && (ds_punct(k, i - 1, ':') || ds_punct(k, i - 1, '/') ||
                                            ds_punct(k, i - 1, '.')))
        return n;
    if (ds_is(t, k, e, "a") && ds_punct(k, e + 1, '.') && ds_is(t, k, e + 2, "m"))
        return n;
    if (ds_is(t, k, e, "p") && ds_punct(k, e + 1, '.') && ds_is(t, k, e + 2, "m"))
        return n;
    if (ds_is(t, k, e, "am") || ds_is(t, k, e, "pm") || ds_is(t, k, e, "gmt") ||
        ds_is(t, k, e, "utc") || ds_is(t, k, e, "hrs"))
        return n;
    if (n >= 3 && ds_punct(k, i + 1, '.') &&
        (ds_is(t, k, e, "a") || ds_is(t, k, e, "p") || ds_is(t, k, e, "am") || ds_is(t, k, e, "pm")))
        return n;
    /* "Article 116", "No. 5" */
    size_t p = i;
    if (p >= 1 && ds_punct(k, p - 1, '.'))
        p--;
    if (p >= 1 && ds_in_sorted(t, k, p - 1, REF_WORDS, N_REF_WORDS))
        return n;
    /* "CC BY 4.0", "MLRS 9": an all-capitals word right before */
    if (i >= 1 && all_caps(c, i - 1) && !ds_adjacent(k, i - 1) && k->t[i - 1].kind == DS_WORD &&
        !is_month_or_weekday(c, i - 1))
        return n;
    /* "Uran 6": a capitalised word right before, not opening the sentence */
    if (i >= 1 && ds_cap(t, k, i - 1) && !is_month_or_weekday(c, i - 1) &&
        !ds_in_sorted(t, k, i - 1, QUAL_WORDS, N_QUAL_WORDS) && i >= 2 &&
        k->t[i - 2].sent == k->t[i].sent &&
        !ds_punct(k, i - 2, '.') && !ds_punct(k, i - 2, '!') && !ds_punct(k, i - 2, '?') &&
        !ds_punct(k, i - 2, '"') && !ds_punct(k, i - 2, ':'))
        return n;
    /* dates: next to a month name */
    if ((i >= 1 && is_month_or_weekday(c, i - 1)) || is_month_or_weekday(c, e) ||
        (ds_is(t, k, e, "of") && is_month_or_weekday(c, e + 1)))
        return n;
    /* years */
    if (n == 1 && ds_len(k, i) == 4) {
        long y = ds_num(t, k, i);
        if (y >= 1900 && y <= 2100) {
            truce_bound b;
            if (qualifier_before(c, i, &b) == i)
                return n;
        }
    }
    /* time lengths belong to the date reader */
    if (ds_in_sorted(t, k, e, TIME_UNITS, N_TIME_UNITS) ||
        (ds_punct(k, e, '-') && ds_in_sorted(t, k, e + 1, TIME_UNITS, N_TIME_UNITS)))
        return n;
    /* ISO and numeric dates */
    if (ds_adjacent(k, e - 1) && (ds_punct(k, e, '-') || ds_punct(k, e, '.')) && e + 3 < k->n &&
        ds_adjacent(k, e) && k->t[e + 1].kind == DS_NUM && ds_adjacent(k, e + 1) &&
        ds_punct(k, e + 2, k->t[e].c))
        return n + 4;
    /* long digit runs without separators: phone numbers, identifiers */
    if (n == 1 && ds_len(k, i) >= 7)
        return n;
    return 0;
}

static int push(nctx *c, truce_number_mention *m)
{
    truce_number_list *o = c->out;
    if (o->n == c->cap) {
        size_t nc = c->cap ? c->cap * 2 : 16;
        truce_number_mention *p = truce_arena_grow(c->a, o->items, o->n, nc, sizeof *p);
        if (!p)
            return TRUCE_ENOMEM;
        o->items = p;
        c->cap = nc;
    }
    o->items[o->n++] = *m;
    return TRUCE_OK;
}

int truce_read_numbers(truce_arena *a, const char *text, size_t len,
                       const truce_sentence_list *sentences, truce_number_list *out,
                       truce_error *err)
{
    if (!a || !out || (!text && len))
        return truce_error_set(err, TRUCE_EUSAGE, NULL, -1, "truce_read_numbers: bad arguments");
    out->items = NULL;
    out->n = 0;
    if (!len)
        return TRUCE_OK;
    ds_toks k = {NULL, 0};
    int rc = ds_scan(a, text, len, sentences, &k);
    if (rc)
        return truce_error_set(err, rc, NULL, -1, "number reader: out of memory");
    return num_read_scanned(a, text, len, &k, out, err);
}

int num_read_scanned(truce_arena *a, const char *text, size_t len, const ds_toks *toks,
                     truce_number_list *out, truce_error *err)
{
    if (!a || !out || (!text && len) || !toks)
        return truce_error_set(err, TRUCE_EUSAGE, NULL, -1, "truce_read_numbers: bad arguments");
    out->items = NULL;
    out->n = 0;
    if (!len)
        return TRUCE_OK;
    nctx c;
    memset(&c, 0, sizeof c);
    c.a = a, c.t = text, c.out = out;
    c.k = *toks;
    int rc;
    const ds_toks *k = &c.k;
    size_t i = 0;
    while (i < k->n) {
        double v;
        int vague;
        size_t n = number_at(&c, i, &v, &vague);
        if (!n) {
            i++;
            continue;
        }
        if (k->t[i].kind == DS_NUM) {
            size_t skip = not_a_count(&c, i, n);
            if (skip) {
                i += skip;
                continue;
            }
        } else if (ds_is(text, k, i, "one") && n == 1 &&
                   (ds_is(text, k, i + 1, "of") || ds_is(text, k, i + 1, "another") ||
                    i + 1 >= k->n || k->t[i + 1].kind != DS_WORD)) {
            i++;
            continue;
        } else if (ds_is(text, k, i, "zero") ||
                   (ds_in_sorted(text, k, i + n, TIME_UNITS, N_TIME_UNITS) && !vague)) {
            i += n;
            continue;
        } else if (n == 1 && ds_punct(k, i + 1, '-') && ds_adjacent(k, i) &&
                   ds_in_sorted(text, k, i + 2, TIME_UNITS, N_TIME_UNITS)) {
            i += 3;
            continue;
        }
        truce_number_mention m;
        memset(&m, 0, sizeof m);
        truce_bound b;
        size_t q = qualifier_before(&c, i, &b);
        bool between = q == i && i >= 1 && (ds_is(text, k, i - 1, "between") ||
                                             ds_is(text, k, i - 1, "from"));
        m.value = m.value_max = v;
        /* "hundreds" is at least two hundred, but "up to several hundred"
         * keeps the bound the text gives */
        m.bound = vague && b == TRUCE_BOUND_EXACT ? TRUCE_BOUND_AT_LEAST : b;
        size_t e = i + n;
        /* ranges: "20 to 30", "20-30", "between 20 and 30", "two or three" */
        if (ds_is(text, k, e, "to") || ds_punct(k, e, '-') || ds_is(text, k, e, "or") ||
            (between && ds_is(text, k, e, "and"))) {
            double v2;
            int vague2;
            size_t n2 = number_at(&c, e + 1, &v2, &vague2);
            if (n2 && !vague2 && k->t[e + 1].kind == k->t[i].kind && v2 > v &&
                !(k->t[e + 1].kind == DS_NUM && not_a_count(&c, e + 1, n2))) {
                /* "1.5 to 2 million": the scale of the second applies */
                if (v < 1000 && v2 >= 1000 && k->t[i].kind == DS_NUM) {
                    double scale = 1;
                    while (v * scale * 10 <= v2 && scale < 1e9)
                        scale *= 10;
                    double sv = v;
                    if (ds_is(text, k, e + n2 - 1, "million"))
                        sv = v * 1e6;
                    else if (ds_is(text, k, e + n2 - 1, "thousand"))
                        sv = v * 1000;
                    else if (ds_is(text, k, e + n2 - 1, "billion"))
                        sv = v * 1e9;
                    if (sv <= v2)
                        v = sv;
                    (void)scale;
                }
                m.value = v, m.value_max = v2, m.bound = TRUCE_BOUND_RANGE;
                if (between)
                    q = i - 1;
                e = e + 1 + n2;
            }
        }
        size_t j = e;
        /* percent */
        if (ds_punct(k, j, '%') || ds_is(text, k, j, "percent") ||
            (ds_is(text, k, j, "per") && ds_is(text, k, j + 1, "cent"))) {
            size_t pe = j + (ds_is(text, k, j, "per") ? 2 : 1);
            m.what = "percent";
            m.what_span.start = k->t[j].s, m.what_span.end = k->t[pe - 1].e;
            e = ds_punct(k, j, '%') ? pe : e;
            j = pe;
        } else {
            if (vague && ds_is(text, k, j, "of"))
                j++;
            size_t u = read_what(&c, j, v == 1 && !vague, &m.what, &m.what_span, 0);
            if (m.what == NULL && u)
                return truce_error_set(err, TRUCE_ENOMEM, NULL, -1, "number reader: out of memory");
            j += u;
        }
        /* currency sign before */
        size_t st = q;
        if (q == i && i >= 1 && ds_adjacent(k, i - 1) && (ds_punct(k, i - 1, '$') ||
                                                          (unsigned char)text[k->t[i - 1].s] >= 0x80)) {
            if (ds_punct(k, i - 1, '$') && !m.what)
                m.what = "dollar";
        }
        m.span.start = k->t[st].s;
        m.span.end = k->t[e - 1].e;
        m.sentence = k->t[i].sent;
        if (m.what_span.end == 0)
            m.what_span.start = m.what_span.end = m.span.end;
        if ((rc = push(&c, &m)))
            return truce_error_set(err, rc, NULL, -1, "number reader: out of memory");
        i = e > i ? e : i + 1;
    }
    return TRUCE_OK;
}
