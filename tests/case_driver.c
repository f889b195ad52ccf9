/*
 * tests/case_driver.c: runs one .case file from tests/cases (format in
 * tests/cases/README.md). For each case it runs the whole pipeline on the
 * text, without a store, and checks every expectation line; a failure prints
 * the file, line, case, the field that differed, what was expected and what
 * truce produced. Exit status: number of failed expectations (capped).
 */
#define _GNU_SOURCE /* strcasestr */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "truce/pipeline.h"

static int failures, checks;
static const char *case_file;
static const char *case_name;
static truce_resources RES;
static bool have_places, have_actors;

#define FAIL(line, ...)                                                                            \
    do {                                                                                           \
        failures++;                                                                                \
        fprintf(stderr, "%s:%d: [%s] ", case_file, line, case_name);                               \
        fprintf(stderr, __VA_ARGS__);                                                              \
        fputc('\n', stderr);                                                                       \
    } while (0)

typedef struct kv {
    char key[32];
    char val[256];
    bool contains;
} kv;

static char *trim(char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1]))
        s[--n] = '\0';
    return s;
}

/* Parses `key=value key~="a b"` into pairs. */
static size_t parse_fields(const char *s, kv *out, size_t max)
{
    size_t n = 0;
    while (*s && n < max) {
        while (isspace((unsigned char)*s))
            s++;
        if (!*s)
            break;
        const char *k = s;
        while (*s && *s != '=' && *s != '~' && !isspace((unsigned char)*s))
            s++;
        size_t kl = (size_t)(s - k);
        if (kl >= sizeof out[n].key)
            kl = sizeof out[n].key - 1;
        memcpy(out[n].key, k, kl);
        out[n].key[kl] = '\0';
        out[n].contains = false;
        if (*s == '~') {
            out[n].contains = true;
            s++;
        }
        if (*s != '=') {
            out[n].val[0] = '\0';
            n++;
            continue;
        }
        s++;
        size_t vl = 0;
        if (*s == '"') {
            s++;
            while (*s && *s != '"' && vl + 1 < sizeof out[n].val)
                out[n].val[vl++] = *s++;
            if (*s == '"')
                s++;
        } else {
            while (*s && !isspace((unsigned char)*s) && vl + 1 < sizeof out[n].val)
                out[n].val[vl++] = *s++;
        }
        out[n].val[vl] = '\0';
        n++;
    }
    return n;
}

static bool str_match(const kv *f, const char *got)
{
    if (!got)
        return f->val[0] == '\0' || !strcmp(f->val, "null");
    if (f->contains)
        return strcasestr(got, f->val) != NULL;
    return strcmp(got, f->val) == 0;
}

static bool num_match(const kv *f, double got)
{
    return fabs(atof(f->val) - got) < 1e-6;
}

/* Compares one field of a mention; writes what truce had into `got`. */
static bool mention_field(const char *kind, const void *m, const kv *f, char *got, size_t gl)
{
    if (!strcmp(kind, "date")) {
        const truce_date_mention *d = m;
        if (!strcmp(f->key, "start")) { snprintf(got, gl, "%s", d->start); return str_match(f, d->start); }
        if (!strcmp(f->key, "end")) { snprintf(got, gl, "%s", d->end); return str_match(f, d->end); }
        if (!strcmp(f->key, "precision")) { snprintf(got, gl, "%s", truce_date_precision_name(d->precision)); return str_match(f, got); }
        if (!strcmp(f->key, "basis")) { snprintf(got, gl, "%s", d->basis ? d->basis : ""); return str_match(f, d->basis); }
        if (!strcmp(f->key, "future")) { snprintf(got, gl, "%s", d->future ? "true" : "false"); return str_match(f, got); }
        if (!strcmp(f->key, "duration")) { snprintf(got, gl, "%s", d->is_duration ? "true" : "false"); return str_match(f, got); }
        if (!strcmp(f->key, "open_end")) { snprintf(got, gl, "%s", d->open_end ? "true" : "false"); return str_match(f, got); }
    } else if (!strcmp(kind, "number")) {
        const truce_number_mention *x = m;
        if (!strcmp(f->key, "value")) { snprintf(got, gl, "%.15g", x->value); return num_match(f, x->value); }
        if (!strcmp(f->key, "value_max")) { snprintf(got, gl, "%.15g", x->value_max); return num_match(f, x->value_max); }
        if (!strcmp(f->key, "bound")) { snprintf(got, gl, "%s", truce_bound_name(x->bound)); return str_match(f, got); }
        if (!strcmp(f->key, "what")) { snprintf(got, gl, "%s", x->what ? x->what : "null"); return str_match(f, x->what); }
    } else if (!strcmp(kind, "place")) {
        const truce_place_mention *x = m;
        if (!strcmp(f->key, "name")) { snprintf(got, gl, "%s", x->name ? x->name : ""); return str_match(f, x->name); }
        if (!strcmp(f->key, "country")) { snprintf(got, gl, "%s", x->country); return str_match(f, x->country); }
        if (!strcmp(f->key, "geonames_id")) { snprintf(got, gl, "%ld", x->geonames_id); return num_match(f, (double)x->geonames_id); }
        if (!strcmp(f->key, "precision")) { snprintf(got, gl, "%s", truce_place_precision_name(x->precision)); return str_match(f, got); }
    } else if (!strcmp(kind, "actor")) {
        const truce_actor_mention *x = m;
        if (!strcmp(f->key, "name")) { snprintf(got, gl, "%s", x->name ? x->name : ""); return str_match(f, x->name); }
        if (!strcmp(f->key, "kind")) { snprintf(got, gl, "%s", truce_actor_kind_name(x->kind)); return str_match(f, got); }
        if (!strcmp(f->key, "country")) { snprintf(got, gl, "%s", x->country); return str_match(f, x->country); }
    }
    snprintf(got, gl, "(unknown field)");
    return false;
}

typedef struct mention_view {
    const void *item;
    truce_span span;
} mention_view;

static size_t mentions_of(const truce_reading *r, const char *kind, mention_view *out, size_t max)
{
    size_t n = 0;
#define COLLECT(list)                                                                              \
    for (size_t i = 0; i < (list).n && n < max; i++) {                                             \
        out[n].item = &(list).items[i];                                                            \
        out[n].span = (list).items[i].span;                                                        \
        n++;                                                                                       \
    }
    if (!strcmp(kind, "date")) COLLECT(r->dates)
    else if (!strcmp(kind, "number")) COLLECT(r->numbers)
    else if (!strcmp(kind, "place")) COLLECT(r->places)
    else if (!strcmp(kind, "actor")) COLLECT(r->actors)
#undef COLLECT
    return n;
}

static bool event_field(const truce_event *e, const char *text, const kv *f, char *got, size_t gl)
{
    if (!strcmp(f->key, "date")) {
        snprintf(got, gl, "%s..%s", e->date_start, e->date_end);
        return e->date_start[0] && strcmp(e->date_start, f->val) <= 0 && strcmp(f->val, e->date_end) <= 0;
    }
    if (!strcmp(f->key, "date_start")) { snprintf(got, gl, "%s", e->date_start); return !strcmp(e->date_start, f->val); }
    if (!strcmp(f->key, "date_end")) { snprintf(got, gl, "%s", e->date_end); return !strcmp(e->date_end, f->val); }
    if (!strcmp(f->key, "place")) {
        snprintf(got, gl, "%s / %s", e->place_name ? e->place_name : "-", e->place_written ? e->place_written : "-");
        return (e->place_name && strcasestr(e->place_name, f->val)) ||
               (e->place_written && strcasestr(e->place_written, f->val));
    }
    if (!strcmp(f->key, "actor1") || !strcmp(f->key, "actor2") || !strcmp(f->key, "actor")) {
        size_t w = 0;
        got[0] = '\0';
        bool hit = false;
        for (size_t i = 0; i < e->n_actors; i++) {
            if (w < gl)
                w += (size_t)snprintf(got + w, gl - w, "%s%s(%s)", i ? ", " : "", e->actors[i].name, e->actors[i].role);
            bool role_ok = !strcmp(f->key, "actor") || (e->actors[i].role && !strcmp(e->actors[i].role, f->key));
            if (role_ok && e->actors[i].name && strcasestr(e->actors[i].name, f->val))
                hit = true;
        }
        return hit;
    }
    if (!strcmp(f->key, "figure")) {
        size_t w = 0;
        got[0] = '\0';
        bool hit = false;
        for (size_t i = 0; i < e->n_figures; i++) {
            if (w < gl)
                w += (size_t)snprintf(got + w, gl - w, "%s%.15g", i ? "," : "", e->figures[i].value);
            hit = hit || num_match(f, e->figures[i].value);
        }
        return hit;
    }
    if (!strcmp(f->key, "what")) {
        size_t w = 0;
        got[0] = '\0';
        bool hit = false;
        for (size_t i = 0; i < e->n_figures; i++) {
            if (w < gl)
                w += (size_t)snprintf(got + w, gl - w, "%s%s", i ? "," : "", e->figures[i].what ? e->figures[i].what : "-");
            hit = hit || (e->figures[i].what && !strcmp(e->figures[i].what, f->val));
        }
        return hit;
    }
    if (!strcmp(f->key, "not_actor")) {
        got[0] = '\0';
        for (size_t i = 0; i < e->n_actors; i++)
            if (e->actors[i].role && strcmp(e->actors[i].role, "other") != 0 && e->actors[i].name &&
                strcasestr(e->actors[i].name, f->val)) {
                snprintf(got, gl, "%s(%s)", e->actors[i].name, e->actors[i].role);
                return false;
            }
        return true;
    }
    if (!strcmp(f->key, "date_precision")) { snprintf(got, gl, "%s", truce_date_precision_name(e->date_precision)); return !strcmp(got, f->val); }
    if (!strcmp(f->key, "certainty")) { snprintf(got, gl, "%s", truce_certainty_name(e->certainty)); return !strcmp(got, f->val); }
    if (!strcmp(f->key, "claimant")) { snprintf(got, gl, "%s", e->claimant ? e->claimant : "null"); return e->claimant && strcasestr(e->claimant, f->val); }
    if (!strcmp(f->key, "evidence")) {
        snprintf(got, gl, "%.*s", (int)(e->evidence.end - e->evidence.start), text + e->evidence.start);
        return strstr(got, f->val) != NULL;
    }
    snprintf(got, gl, "(unknown field)");
    return false;
}

/* Finds TEXT in the document text; returns its span or {0,0}. */
static truce_span find_text(const truce_document *d, const char *needle)
{
    truce_span sp = { 0, 0 };
    const char *p = strstr(d->text, needle);
    if (p) {
        sp.start = (size_t)(p - d->text);
        sp.end = sp.start + strlen(needle);
    }
    return sp;
}

static void check_line(int lineno, char *line, const truce_processed *p)
{
    char *parts[3] = { NULL, NULL, NULL };
    int np = 0;
    char *s = line;
    while (np < 3) {
        char *bar = np < 2 ? strstr(s, " | ") : NULL;
        if (bar)
            *bar = '\0';
        parts[np++] = trim(s);
        if (!bar)
            break;
        s = bar + 3;
    }
    const char *what = parts[0];
    const truce_document *d = &p->doc;
    const truce_reading *r = &p->reading;
    checks++;
    if (!strcmp(what, "sentences")) {
        size_t want = (size_t)atol(parts[1] ? parts[1] : "0");
        if (r->sentences.n != want)
            FAIL(lineno, "sentences: want %zu, got %zu", want, r->sentences.n);
        return;
    }
    if (!strcmp(what, "sentence")) {
        size_t i = (size_t)atol(parts[1] ? parts[1] : "0");
        const char *want = parts[2] ? parts[2] : "";
        if (i >= r->sentences.n) {
            FAIL(lineno, "sentence %zu: only %zu sentences", i, r->sentences.n);
            return;
        }
        truce_span sp = r->sentences.items[i].span;
        if (strlen(want) != sp.end - sp.start || strncmp(d->text + sp.start, want, sp.end - sp.start))
            FAIL(lineno, "sentence %zu: want \"%s\", got \"%.*s\"", i, want, (int)(sp.end - sp.start), d->text + sp.start);
        return;
    }
    if (!strcmp(what, "skipped")) {
        truce_span sp = find_text(d, parts[1] ? parts[1] : "");
        if (sp.end == sp.start)
            FAIL(lineno, "skipped: \"%s\" is not in the text", parts[1]);
        else if (!truce_regions_overlap(&p->skipped, sp))
            FAIL(lineno, "skipped: \"%s\" is not inside any skipped region", parts[1]);
        return;
    }
    if (!strcmp(what, "date") || !strcmp(what, "number") || !strcmp(what, "place") || !strcmp(what, "actor")) {
        if ((!strcmp(what, "place") && !have_places) || (!strcmp(what, "actor") && !have_actors)) {
            FAIL(lineno, "%s: the %s data is not available (build the gazetteer / actor dictionaries)", what,
                 !strcmp(what, "place") ? "gazetteer" : "actor");
            return;
        }
        const char *want = parts[1] ? parts[1] : "";
        kv fields[16];
        size_t nf = parts[2] ? parse_fields(parts[2], fields, 16) : 0;
        mention_view mv[512];
        size_t n = mentions_of(r, what, mv, 512);
        bool found_span = false;
        char diff[512] = "";
        for (size_t i = 0; i < n; i++) {
            truce_span sp = mv[i].span;
            if (strlen(want) != sp.end - sp.start || strncmp(d->text + sp.start, want, sp.end - sp.start))
                continue;
            found_span = true;
            bool all = true;
            for (size_t k = 0; k < nf && all; k++) {
                char got[256];
                if (!mention_field(what, mv[i].item, &fields[k], got, sizeof got)) {
                    all = false;
                    snprintf(diff, sizeof diff, "field %.31s: want \"%.200s\", got \"%.200s\"", fields[k].key, fields[k].val, got);
                }
            }
            if (all)
                return;
        }
        if (!found_span) {
            char seen[1024] = "";
            size_t w = 0;
            for (size_t i = 0; i < n && w < sizeof seen - 64; i++)
                w += (size_t)snprintf(seen + w, sizeof seen - w, "%s\"%.*s\"", i ? ", " : "",
                                      (int)(mv[i].span.end - mv[i].span.start), d->text + mv[i].span.start);
            FAIL(lineno, "%s \"%s\": no such mention; %s mentions read: %s", what, want, what, n ? seen : "none");
        } else
            FAIL(lineno, "%s \"%s\": %s", what, want, diff);
        return;
    }
    if (!strncmp(what, "no-", 3)) {
        const char *kind = what + 3;
        truce_span sp = find_text(d, parts[1] ? parts[1] : "");
        if (sp.end == sp.start && strcmp(kind, "event") != 0) {
            FAIL(lineno, "%s: \"%s\" is not in the text", what, parts[1]);
            return;
        }
        if (!strcmp(kind, "event")) {
            const char *t = parts[1];
            for (size_t i = 0; i < p->events.n; i++) {
                const char *et = p->events.items[i].type;
                size_t tl = strlen(t);
                if (!strcmp(et, t) || (tl && t[tl - 1] == '.' && !strncmp(et, t, tl)))
                    FAIL(lineno, "no-event %s: found one in \"%.*s\"", t,
                         (int)(p->events.items[i].evidence.end - p->events.items[i].evidence.start),
                         d->text + p->events.items[i].evidence.start);
            }
            return;
        }
        mention_view mv[512];
        size_t n = mentions_of(r, kind, mv, 512);
        for (size_t i = 0; i < n; i++)
            if (mv[i].span.start < sp.end && sp.start < mv[i].span.end) {
                FAIL(lineno, "%s \"%s\": truce read \"%.*s\"", what, parts[1], (int)(mv[i].span.end - mv[i].span.start),
                     d->text + mv[i].span.start);
                return;
            }
        return;
    }
    if (!strcmp(what, "events")) {
        size_t want = (size_t)atol(parts[1] ? parts[1] : "0");
        if (p->events.n != want) {
            char seen[1024] = "";
            size_t w = 0;
            for (size_t i = 0; i < p->events.n && w < sizeof seen - 64; i++)
                w += (size_t)snprintf(seen + w, sizeof seen - w, "%s%s", i ? ", " : "", p->events.items[i].type);
            FAIL(lineno, "events: want %zu, got %zu (%s)", want, p->events.n, seen);
        }
        return;
    }
    if (!strcmp(what, "event")) {
        const char *type = parts[1] ? parts[1] : "";
        kv fields[16];
        size_t nf = parts[2] ? parse_fields(parts[2], fields, 16) : 0;
        char diff[768] = "";
        bool any = false;
        for (size_t i = 0; i < p->events.n; i++) {
            const truce_event *e = &p->events.items[i];
            if (strcmp(e->type, type))
                continue;
            any = true;
            bool all = true;
            for (size_t k = 0; k < nf && all; k++) {
                char got[512];
                if (!event_field(e, d->text, &fields[k], got, sizeof got)) {
                    all = false;
                    snprintf(diff, sizeof diff, "field %.31s: want \"%.200s\", got \"%.400s\"", fields[k].key, fields[k].val, got);
                }
            }
            if (all)
                return;
        }
        if (!any) {
            char seen[1024] = "";
            size_t w = 0;
            for (size_t i = 0; i < p->events.n && w < sizeof seen - 64; i++)
                w += (size_t)snprintf(seen + w, sizeof seen - w, "%s%s", i ? ", " : "", p->events.items[i].type);
            FAIL(lineno, "event %s: none found; events: %s", type, p->events.n ? seen : "none");
        } else
            FAIL(lineno, "event %s: %s", type, diff);
        return;
    }
    FAIL(lineno, "unknown expectation \"%s\"", what);
}

typedef struct pending {
    char name[256];
    char date[16];
    char source[256];
    truce_buf text;
    int first_expect_line;
    char **expects;
    int *expect_lines;
    size_t n, cap;
} pending;

static void run_case(pending *c)
{
    if (!c->name[0])
        return;
    case_name = c->name;
    truce_arena *a = truce_arena_new(0);
    truce_doc_meta meta;
    memset(&meta, 0, sizeof meta);
    meta.path = c->name;
    meta.published = c->date[0] ? c->date : NULL;
    meta.source = c->source[0] ? c->source : NULL;
    truce_processed p;
    truce_error err;
    truce_error_clear(&err);
    /* The text ends with the newline before '---'; keep it as written. */
    int rc = truce_process(a, &RES, (const unsigned char *)(c->text.data ? c->text.data : ""), c->text.len, &meta,
                           TRUCE_FORMAT_TEXT, NULL, &p, &err);
    if (rc) {
        checks++;
        FAIL(c->first_expect_line, "pipeline failed: %s", err.msg);
    } else {
        for (size_t i = 0; i < c->n; i++)
            check_line(c->expect_lines[i], c->expects[i], &p);
    }
    truce_arena_free(a);
    for (size_t i = 0; i < c->n; i++)
        free(c->expects[i]);
    free(c->expects);
    free(c->expect_lines);
    truce_buf_free(&c->text);
    memset(c, 0, sizeof *c);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: case_driver FILE.case\n");
        return 2;
    }
    case_file = argv[1];
    FILE *f = fopen(case_file, "r");
    if (!f) {
        perror(case_file);
        return 2;
    }
    truce_error err;
    truce_error_clear(&err);
    truce_resources_open(NULL, &RES, &err);
    have_places = RES.gazetteer != NULL;
    have_actors = RES.actors != NULL;
    pending c;
    memset(&c, 0, sizeof c);
    char line[8192];
    int lineno = 0, state = 0; /* 0 none, 1 meta, 2 text, 3 expectations */
    size_t cases = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        if (!strncmp(line, "### ", 4)) {
            run_case(&c);
            snprintf(c.name, sizeof c.name, "%s", trim(line + 4));
            truce_buf_init(&c.text);
            state = 1;
            cases++;
            continue;
        }
        if (state == 1 && line[0] == '@') {
            char *sp = strchr(line, ' ');
            char *v = sp ? trim(sp + 1) : (char *)"";
            if (!strncmp(line, "@date", 5))
                snprintf(c.date, sizeof c.date, "%s", v);
            else if (!strncmp(line, "@source", 7))
                snprintf(c.source, sizeof c.source, "%s", v);
            continue;
        }
        if (state == 1)
            state = 2;
        if (state == 2) {
            if (!strcmp(line, "---\n") || !strcmp(line, "---")) {
                state = 3;
                c.first_expect_line = lineno;
                continue;
            }
            truce_buf_puts(&c.text, line);
            continue;
        }
        if (state == 3) {
            char *t = trim(line);
            if (!*t || (t[0] == '#' && t[1] == ' '))
                continue;
            if (c.n == c.cap) {
                c.cap = c.cap ? c.cap * 2 : 16;
                c.expects = realloc(c.expects, c.cap * sizeof *c.expects);
                c.expect_lines = realloc(c.expect_lines, c.cap * sizeof *c.expect_lines);
                if (!c.expects || !c.expect_lines) {
                    fprintf(stderr, "out of memory\n");
                    return 2;
                }
            }
            c.expects[c.n] = strdup(t);
            c.expect_lines[c.n++] = lineno;
        }
    }
    run_case(&c);
    fclose(f);
    truce_resources_close(&RES);
    if (cases == 0 || checks == 0) {
        fprintf(stderr, "%s: no cases or no expectations\n", case_file);
        return 2;
    }
    fprintf(stderr, "%s: %zu cases, %d expectations, %d failed\n", case_file, cases, checks, failures);
    return failures > 100 ? 100 : failures;
}
