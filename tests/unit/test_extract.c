/*
 * tests/unit/test_extract.c: event extraction on readings built by hand
 * (dates, numbers and places placed where the text has them), on texts of
 * our own: trigger and fields, clause splitting, continuation figures,
 * furniture and unattributed quotes, announced military moves as intent,
 * certainty cues, the date fallbacks, the vocabulary tables, and the word
 * index searches against the plain matcher.
 */
#include <string.h>

#include "truce/extract.h"
#include "extract/fields.h"
#include "check.h"

typedef struct doc {
    truce_arena *a;
    const char *text;
    truce_reading r;
    truce_date_mention dates[8];
    truce_number_mention nums[8];
    truce_place_mention places[8];
} doc;

static truce_span span_of(const char *text, const char *what)
{
    const char *p = strstr(text, what);
    truce_span s = {0, 0};
    if (p) {
        s.start = (size_t)(p - text);
        s.end = s.start + strlen(what);
    }
    return s;
}

static uint32_t sent_of(const doc *d, size_t off)
{
    for (uint32_t i = 0; i < d->r.sentences.n; i++)
        if (off < d->r.sentences.items[i].span.end)
            return i;
    return 0;
}

static void setup(doc *d, truce_arena *a, const truce_actor_dict *dict, const char *text)
{
    truce_error err;
    memset(d, 0, sizeof *d);
    d->a = a;
    d->text = text;
    CHECK_INT(truce_read_sentences(a, text, strlen(text), &d->r.sentences, &err), TRUCE_OK);
    CHECK_INT(truce_read_actors(a, dict, text, strlen(text), &d->r.sentences, &d->r.actors, &err),
              TRUCE_OK);
    d->r.dates.items = d->dates;
    d->r.numbers.items = d->nums;
    d->r.places.items = d->places;
}

static void add_date(doc *d, const char *written, const char *start, const char *end)
{
    truce_date_mention *m = &d->dates[d->r.dates.n++];
    memset(m, 0, sizeof *m);
    m->span = span_of(d->text, written);
    strcpy(m->start, start);
    strcpy(m->end, end);
    m->precision = strcmp(start, end) ? TRUCE_DATE_RANGE : TRUCE_DATE_DAY;
    m->basis = "absolute";
    m->sentence = sent_of(d, m->span.start);
}

static void add_number(doc *d, const char *written, double v, const char *what)
{
    truce_number_mention *m = &d->nums[d->r.numbers.n++];
    memset(m, 0, sizeof *m);
    m->span = span_of(d->text, written);
    m->value = m->value_max = v;
    m->what = what;
    m->sentence = sent_of(d, m->span.start);
}

static void add_place_p(doc *d, const char *written, const char *country,
                        truce_place_precision prec)
{
    truce_place_mention *m = &d->places[d->r.places.n++];
    memset(m, 0, sizeof *m);
    m->span = span_of(d->text, written);
    m->name = written;
    m->precision = prec;
    strcpy(m->country, country);
    m->sentence = sent_of(d, m->span.start);
}

static void add_place(doc *d, const char *written, const char *country)
{
    truce_place_mention *m = &d->places[d->r.places.n++];
    memset(m, 0, sizeof *m);
    m->span = span_of(d->text, written);
    m->name = written;
    m->precision = TRUCE_PLACE_POINT;
    strcpy(m->country, country);
    m->sentence = sent_of(d, m->span.start);
}

static truce_event_list run(doc *d, const char *date, const truce_region_list *skip)
{
    truce_extract_input in = {d->text, strlen(d->text), date, "Example Wire", &d->r, skip};
    truce_event_list out = {0};
    truce_error err;
    CHECK_INT(truce_extract_events(d->a, &in, &out, &err), TRUCE_OK);
    return out;
}

static const truce_event *first_of(const truce_event_list *l, const char *type)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->items[i].type, type) == 0)
            return &l->items[i];
    return NULL;
}

static size_t count_of(const truce_event_list *l, const char *type)
{
    size_t n = 0;
    for (size_t i = 0; i < l->n; i++)
        n += strcmp(l->items[i].type, type) == 0;
    return n;
}

static const char *actor_role(const truce_event *e, const char *name_part)
{
    for (size_t i = 0; i < e->n_actors; i++)
        if (strstr(e->actors[i].name, name_part))
            return e->actors[i].role;
    return NULL;
}

static bool has_figure(const truce_event *e, double v)
{
    for (size_t i = 0; i < e->n_figures; i++)
        if (e->figures[i].value == v)
            return true;
    return false;
}

int main(void)
{
    truce_error err;
    truce_actor_dict *dict = NULL;
    CHECK_INT(truce_actor_dict_open(NULL, &dict, &err), TRUCE_OK);
    truce_arena *a = truce_arena_new(8192);
    doc d;

    /* fields of one event; a passive agent after "by" */
    setup(&d, a, dict,
          "On March 3, four civilians were killed by Georgian troops in Zemo Nikozi, "
          "the Ombudsman said.");
    add_date(&d, "March 3", "2021-03-03", "2021-03-03");
    add_number(&d, "four", 4, "civilian");
    add_place(&d, "Zemo Nikozi", "GE");
    truce_event_list l = run(&d, "2021-03-05", NULL);
    const truce_event *e = first_of(&l, "civilians.attack");
    CHECK(e != NULL);
    if (e) {
        CHECK_STR(e->date_start, "2021-03-03");
        CHECK_STR(e->place_name, "Zemo Nikozi");
        CHECK_STR(actor_role(e, "Georgian troops"), "actor1");
        CHECK(has_figure(e, 4));
        CHECK_STR(e->figures[0].what, "killed");
        CHECK_STR(e->claimant, "Human Rights Ombudsman");
        CHECK_INT(e->certainty, TRUCE_CERT_REPORTED);
        CHECK(e->type_rule && e->date_basis && e->place_rule && e->claimant_rule &&
              e->certainty_rule);
    }

    /* two clauses of one type in one sentence: two events with their own figures */
    setup(&d, a, dict,
          "Since May 2, over 4,000 Georgian refugees have returned, and on May 9 alone "
          "900 refugees returned from Turkey.");
    add_date(&d, "Since May 2", "2021-05-02", "2021-05-20");
    add_date(&d, "May 9", "2021-05-09", "2021-05-09");
    add_number(&d, "over 4,000", 4000, "refugee");
    add_number(&d, "900", 900, "refugee");
    l = run(&d, "2021-05-20", NULL);
    CHECK_INT(count_of(&l, "humanitarian.return"), 2);
    if (l.n == 2) {
        CHECK(has_figure(&l.items[0], 4000) && !has_figure(&l.items[0], 900));
        CHECK(has_figure(&l.items[1], 900) && !has_figure(&l.items[1], 4000));
        CHECK_STR(l.items[0].date_start, "2021-05-02");
        CHECK_STR(l.items[1].date_start, "2021-05-09");
        CHECK_STR(l.items[1].figures[0].what, "returned");
    }

    /* a continuation sentence adds its figures; the narrative date carries on */
    setup(&d, a, dict,
          "On June 1, sappers began mine clearance near Tsveri. In total, 40 shells were found.");
    add_date(&d, "June 1", "2021-06-01", "2021-06-01");
    add_number(&d, "40", 40, "shell");
    l = run(&d, "2021-06-04", NULL);
    CHECK_INT(l.n, 1);
    e = first_of(&l, "humanitarian.demining");
    CHECK(e && has_figure(e, 40));

    /* no date in the text: the document date, and the basis says so */
    setup(&d, a, dict, "Protesters gathered outside the parliament.");
    l = run(&d, "2021-07-07", NULL);
    e = first_of(&l, "protest.demonstration");
    CHECK(e != NULL);
    if (e) {
        CHECK_STR(e->date_start, "2021-07-07");
        CHECK(strstr(e->date_basis, "document date") != NULL);
        CHECK_STR(e->claimant, "Example Wire");
    }

    /* announced future military move = intent; a plain plan stays the event */
    setup(&d, a, dict,
          "Interior Minister Vakhtang Gomelauri announced that Georgian troops will be deployed "
          "at the border. Iran is planning to deploy 500 soldiers.");
    add_number(&d, "500", 500, "soldier");
    l = run(&d, "2021-08-01", NULL);
    e = first_of(&l, "statement.intent");
    CHECK(e && strcmp(truce_certainty_name(e->certainty), "planned") == 0);
    CHECK(e && strstr(e->claimant, "Gomelauri") != NULL);
    e = first_of(&l, "military.deployment");
    CHECK(e && e->certainty == TRUCE_CERT_PLANNED && has_figure(e, 500));
    CHECK(e && actor_role(e, "Iran") && strcmp(actor_role(e, "Iran"), "actor1") == 0);

    /* furniture never yields events; an unattributed quote neither; a counterfactual neither */
    const char *t = "Rebels shelled the town.\n\n\"We shelled the depot.\"\n\n"
                    "They could have signed an agreement.";
    setup(&d, a, dict, t);
    truce_region reg = {span_of(t, "Rebels shelled the town."), "reader comments"};
    truce_region_list skip = {&reg, 1};
    l = run(&d, NULL, &skip);
    CHECK_INT(l.n, 0);
    l = run(&d, NULL, NULL);
    CHECK_INT(l.n, 1);
    CHECK(l.n == 1 && l.items[0].sentence == 0);

    /* an attributed quote counts, with its speaker as claimant; alleged cue */
    setup(&d, a, dict,
          "\"Militants allegedly shelled the market,\" Defense Minister Juansher Burchuladze said.");
    l = run(&d, NULL, NULL);
    e = first_of(&l, "conflict.shelling");
    CHECK(e && e->certainty == TRUCE_CERT_ALLEGED);
    CHECK(e && e->claimant && strstr(e->claimant, "Burchuladze"));

    /* a state named by its capital keeps the written word */
    setup(&d, a, dict, "Tbilisi and Ankara signed a ceasefire agreement on Monday.");
    l = run(&d, "2021-09-09", NULL);
    e = first_of(&l, "agreement.ceasefire");
    CHECK(e && actor_role(e, "Georgia (Tbilisi)") != NULL);

    /* a sentence repeating the trigger verb adds figures and the destination */
    setup(&d, a, dict,
          "Two aircraft delivered specialists and sappers from an airfield near Rustavi. "
          "Some 80 servicemen and 9 vehicles were delivered to the airport of Kutaisi.");
    add_place_p(&d, "Rustavi", "GE", TRUCE_PLACE_POINT);
    add_place_p(&d, "Kutaisi", "GE", TRUCE_PLACE_POINT);
    add_number(&d, "Some 80", 80, "serviceman");
    add_number(&d, "9", 9, "vehicle");
    l = run(&d, "2021-10-01", NULL);
    CHECK_INT(l.n, 1);
    e = first_of(&l, "military.deployment");
    CHECK(e && has_figure(e, 80) && has_figure(e, 9));
    CHECK(e && e->place_name && strcmp(e->place_name, "Kutaisi") == 0);

    /* the village beats its district; a country alone yields to the scene
     * of the paragraph's previous event; "today" in a quote is the narrative day */
    setup(&d, a, dict,
          "On May 4, sappers began mine clearance in the Gori district's Tkviavi village. "
          "Georgia's rules forced the border guards to fire warning shots. "
          "\"Today 40 families have returned,\" the mayor said. "
          "Later the mayor met with the sappers.");
    add_date(&d, "May 4", "2021-05-04", "2021-05-04");
    add_date(&d, "Today", "2021-05-09", "2021-05-09");
    d.dates[d.r.dates.n - 1].basis = "deictic today from reference 2021-05-09";
    add_place_p(&d, "Gori", "GE", TRUCE_PLACE_DISTRICT);
    add_place_p(&d, "Tkviavi", "GE", TRUCE_PLACE_POINT);
    add_place_p(&d, "Georgia", "GE", TRUCE_PLACE_COUNTRY);
    l = run(&d, "2021-05-09", NULL);
    e = first_of(&l, "humanitarian.demining");
    CHECK(e && e->place_name && strcmp(e->place_name, "Tkviavi") == 0);
    e = first_of(&l, "conflict.warning_fire");
    CHECK(e && e->place_name && strcmp(e->place_name, "Tkviavi") == 0);
    e = first_of(&l, "humanitarian.return");
    CHECK(e && strcmp(e->date_start, "2021-05-04") == 0);
    e = first_of(&l, "diplomacy.meeting");
    CHECK(e && strcmp(e->date_start, "2021-05-04") == 0);

    /* no place in the sentence nor in the one before: the last town named
     * up to three sentences back; a country of the previous sentence beats it */
    setup(&d, a, dict,
          "The monitors toured Tskhinvali. The report has four parts. "
          "Since March, 15 civilians were killed. Georgia's ministry then said:\n\n"
          "\"A phase-by-phase discharge of reservists is expected.\"");
    add_place_p(&d, "Tskhinvali", "GE", TRUCE_PLACE_POINT);
    add_place_p(&d, "Georgia", "GE", TRUCE_PLACE_COUNTRY);
    add_number(&d, "15", 15, "civilian");
    l = run(&d, "2021-10-01", NULL);
    e = first_of(&l, "civilians.attack");
    CHECK(e && e->place_name && strcmp(e->place_name, "Tskhinvali") == 0);
    e = first_of(&l, "military.demobilization");
    CHECK(e && e->place_name && strcmp(e->place_name, "Georgia") == 0);

    /* a reader's forward guess after a past reporting verb is moved back */
    setup(&d, a, dict, "Interior Minister Vakhtang Gomelauri announced on May 30 that Georgian "
                       "troops will be deployed at the border.");
    add_date(&d, "May 30", "2022-05-30", "2022-05-30");
    d.dates[d.r.dates.n - 1].future = true;
    l = run(&d, "2021-06-01", NULL);
    e = first_of(&l, "statement.intent");
    CHECK(e && strcmp(e->date_start, "2021-05-30") == 0);

    /* a date inside "announced at the end of their ... rally that they would":
     * the rally is past, and the plan belongs to the reported clause */
    setup(&d, a, dict, "The protesters announced at the end of their May 3rd rally that they "
                       "would march again.");
    add_date(&d, "May 3rd", "2022-05-03", "2022-05-03");
    d.dates[d.r.dates.n - 1].future = true;
    l = run(&d, "2021-05-05", NULL);
    e = first_of(&l, "protest.demonstration");
    CHECK(e && strcmp(e->date_start, "2021-05-03") == 0);
    CHECK(e && e->certainty == TRUCE_CERT_REPORTED);

    /* places the actor reader contradicts are no scene */
    setup(&d, a, dict, "The Human Rights Ombudsman said Turkey shelled the village of Ruisi.");
    add_place_p(&d, "Human", "UA", TRUCE_PLACE_POINT);
    add_place_p(&d, "Turkey", "US", TRUCE_PLACE_POINT);
    add_place_p(&d, "Ruisi", "GE", TRUCE_PLACE_POINT);
    l = run(&d, "2021-10-01", NULL);
    e = first_of(&l, "conflict.shelling");
    CHECK(e && e->place_name && strcmp(e->place_name, "Ruisi") == 0);
    setup(&d, a, dict, "The Human Rights Ombudsman said Turkey shelled the border.");
    add_place_p(&d, "Human", "UA", TRUCE_PLACE_POINT);
    add_place_p(&d, "Turkey", "US", TRUCE_PLACE_POINT);
    l = run(&d, "2021-10-01", NULL);
    e = first_of(&l, "conflict.shelling");
    CHECK(e && e->place_name == NULL);

    /* a first sentence without events: no previous event to extend */
    setup(&d, a, dict, "The talks resumed. Belarus decided to deploy 200 soldiers. "
                       "The soldiers deployed near Brest.");
    l = run(&d, "2021-10-01", NULL);
    CHECK_INT(count_of(&l, "military.deployment"), 2);

    /* vocabulary */
    size_t n = 0;
    const truce_event_type_info *types = truce_event_types(&n);
    CHECK_INT(n, 34);
    CHECK(types && truce_event_type_lookup("humanitarian.demining") != NULL);
    CHECK(truce_event_type_lookup("conflict.unknown") == NULL);
    CHECK_STR(truce_event_type_lookup("conflict.armed_clash")->acled_event_type, "Battles");
    for (size_t i = 0; i < n; i++)
        CHECK(strlen(types[i].cameo_root) == 2);
    CHECK_STR(truce_certainty_name(TRUCE_CERT_DENIED), "denied");

    /* a dateline's day and city are the filing's, not the event's; the
     * verb before a number says what it counts */
    setup(&d, a, dict,
          "GORI, Aug 9 (Example Wire) - Rebels shelled the village of Tsveri on Sunday, "
          "killing two civilians and wounding five.");
    add_date(&d, "Aug 9", "2021-08-09", "2021-08-09");
    add_date(&d, "Sunday", "2021-08-08", "2021-08-08");
    add_number(&d, "two", 2, "civilian");
    add_number(&d, "five", 5, NULL);
    add_place(&d, "GORI", "GE");
    l = run(&d, "2021-08-09", NULL);
    e = first_of(&l, "conflict.shelling");
    CHECK(e != NULL);
    if (e) {
        CHECK_STR(e->date_start, "2021-08-08");
        CHECK_STR(e->place_name, "Tsveri");
        CHECK(e->place_rule && strstr(e->place_rule, "not in the gazetteer"));
        CHECK(e->n_figures == 2);
        for (size_t i = 0; i < e->n_figures; i++)
            CHECK_STR(e->figures[i].what, e->figures[i].value == 2 ? "killed" : "injured");
    }
    {
        const char *dl = "KYIV, Aug 14 (Example Wire) - Drones hit Odesa.";
        truce_span sp = {0, strlen(dl)};
        CHECK_INT((long)ex_dateline_end(dl, sp), (long)(strstr(dl, "Drones") - dl));
        const char *u = "On Monday, drones hit Odesa - the port was closed.";
        truce_span su = {0, strlen(u)};
        CHECK_INT((long)ex_dateline_end(u, su), 0);
    }

    {
        /* The word index answers every search as the plain matcher does,
         * for every range of a text with mixed case, runs of white space,
         * apostrophes, hyphens, UTF-8 and words cut by the range's end. */
        const char *tx = "The REBELS shelled\tthe  village of Kafr-Kila; they'd said\n"
                         "\xE2\x80\x9C" "Ceasefire violations\xE2\x80\x9D were reported "
                         "near Donets'k, the village\r\nof Shtula, in total 39 of them. "
                         "Ceasefires, cease-fire, ceasefire-line: troops withdrew.";
        static const char *const L1[] = {"village of", "in", "near", "the village", "of them",
                                         "in total", "said", "reported", NULL};
        static const char *const L2[] = {"ceasefire*", "troop*", "cease", "they'd",
                                         "Donets'k", "were reported near", "39", NULL};
        static const char *const L3[] = {"-fire", "shelled", NULL}; /* not by words */
        static const char *const *LISTS[] = {L1, L2, L3, TRUCE_CUE_REPORTING,
                                             TRUCE_FORCE_WORDS};
        static const char *const ONE[] = {"village of", "ceasefire*", "the", "Shtula",
                                          "were reported near", "k", "-Kila", "39 of", NULL};
        size_t tl = strlen(tx);
        ex_finder *fx = NULL;
        CHECK(ex_finder_new(a, tx, tl, &fx) == TRUCE_OK && fx);
        int bad = 0;
        for (size_t from = 0; fx && from <= tl; from++)
            for (size_t end = from; end <= tl; end++) {
                size_t s1 = 0, e1 = 0, s2 = 0, e2 = 0;
                for (size_t li = 0; li < sizeof LISTS / sizeof LISTS[0]; li++) {
                    const char *p1 = ex_find_any(tx, from, end, LISTS[li], &s1, &e1);
                    const char *p2 = ex_fx_find_any(fx, from, end, LISTS[li], &s2, &e2);
                    bad += p1 != p2 || (p1 && (s1 != s2 || e1 != e2));
                }
                for (size_t k = 0; ONE[k]; k++) {
                    bool f1 = ex_find(tx, from, end, ONE[k], &s1, &e1);
                    bool f2 = ex_fx_find(fx, from, end, ONE[k], &s2, &e2);
                    bool f3 = ex_fx_find_text(fx, from, end, ONE[k], &s2, &e2);
                    bad += f1 != f2 || f1 != f3 || (f1 && (s1 != s2 || e1 != e2));
                }
            }
        CHECK_INT(bad, 0);
        /* word starts: after anything but a letter, digit, UTF-8 byte or
         * apostrophe */
        CHECK(fx && fx->pos[0] == 0 && ex_word_at(fx, 1) == 1 &&
              fx->pos[1] == (size_t)(strstr(tx, "REBELS") - tx));
        CHECK(fx && ex_word_at(fx, tl) == fx->n);
    }

    truce_arena_free(a);
    truce_actor_dict_close(dict);
    return check_done("test_extract");
}
