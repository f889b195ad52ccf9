/*
 * tests/unit/test_number.c: the number reader on sentences of our own:
 * digits with separators, number words, qualifiers and bounds, ranges, the
 * counted thing as a singular lemma, and the digits that are not counts
 * (years, dates, times, phone numbers, article numbers, model names).
 */
#include <string.h>

#include "check.h"
#include "truce/read.h"

static truce_arena *A;

static const truce_number_mention *find(const char *text, const char *span)
{
    truce_number_list l;
    truce_error e;
    if (truce_read_numbers(A, text, strlen(text), NULL, &l, &e) != TRUCE_OK)
        return NULL;
    for (size_t i = 0; i < l.n; i++)
        if (l.items[i].span.end - l.items[i].span.start == strlen(span) &&
            !memcmp(text + l.items[i].span.start, span, strlen(span)))
            return &l.items[i];
    return NULL;
}

static size_t count(const char *text)
{
    truce_number_list l;
    truce_error e;
    if (truce_read_numbers(A, text, strlen(text), NULL, &l, &e) != TRUCE_OK)
        return 999;
    return l.n;
}

#define EXPECT(text, span, v, vmax, bnd_, what_)                                  \
    do {                                                                           \
        const truce_number_mention *m_ = find(text, span);                         \
        CHECK(m_ != NULL);                                                         \
        if (m_) {                                                                  \
            CHECK(m_->value == (v));                                               \
            CHECK(m_->value_max == (vmax));                                        \
            CHECK_STR(truce_bound_name(m_->bound), bnd_);                         \
            CHECK_STR(m_->what, what_);                                            \
        }                                                                          \
    } while (0)

int main(void)
{
    A = truce_arena_new(1 << 16);
    CHECK(A != NULL);
    EXPECT("Rebels fired 9 mortar rounds at the base.", "9", 9, 9, "exact", "mortar round");
    EXPECT("The unit left 31 checkpoints along the road.", "31", 31, 31, "exact", "checkpoint");
    EXPECT("Floods covered 1 acre of farmland.", "1", 1, 1, "exact", "acre");
    EXPECT("Some 4,512 displaced families were counted.", "Some 4,512", 4512, 4512, "approx", "displaced family");
    EXPECT("Troops seized 17 pieces of heavy weaponry.", "17", 17, 17, "exact", "heavy weaponry");
    EXPECT("More than 3,200 Sudanese refugees crossed.", "More than 3,200", 3200, 3200, "at_least", "refugee");
    EXPECT("Nearly 1.5 million people fled.", "Nearly 1.5 million", 1500000, 1500000, "approx", "person");
    EXPECT("At least 14 nurses were hurt.", "At least 14", 14, 14, "at_least", "nurse");
    EXPECT("Up to 40 buses will run.", "Up to 40", 40, 40, "at_most", "bus");
    EXPECT("Fewer than 90 ballots arrived.", "Fewer than 90", 90, 90, "at_most", "ballot");
    EXPECT("Between 15 and 25 boats sank.", "Between 15 and 25", 15, 25, "range", "boat");
    EXPECT("Crews found 15-25 mines.", "15-25", 15, 25, "range", "mine");
    EXPECT("Crews found 150 to 200 mines.", "150 to 200", 150, 200, "range", "mine");
    EXPECT("Thirty-six guards deserted.", "Thirty-six", 36, 36, "exact", "guard");
    EXPECT("They built three thousand shelters.", "three thousand", 3000, 3000, "exact", "shelter");
    EXPECT("A dozen wells were poisoned.", "A dozen", 12, 12, "exact", "well");
    EXPECT("Hundreds of students marched.", "Hundreds", 200, 200, "at_least", "student");
    EXPECT("Over 800 Kenyan voters queued.", "Over 800", 800, 800, "at_least", "voter");
    EXPECT("About 12% of homes lost power.", "About 12%", 12, 12, "approx", "percent");
    EXPECT("Around 2,000 sheep died.", "Around 2,000", 2000, 2000, "approx", "sheep");

    EXPECT("Nine gunmen and 40 policemen clashed.", "40", 40, 40, "exact", "policeman");
    EXPECT("Two or three trucks burned.", "Two or three", 2, 3, "range", "truck");
    const truce_number_mention *dl = find("GORI, 12 (Wire) Five shops shut.", "12");
    CHECK(dl == NULL || dl->what == NULL);

    const truce_number_mention *nn = find("Officials counted 140 regional and 12 local.", "140");
    CHECK(nn && nn->what == NULL);
    nn = find("Some 90 U.N. monitors stayed.", "Some 90");
    CHECK(nn && nn->what == NULL);

    /* not counts */
    CHECK_INT(count("Licensed under CC BY 4.0 terms."), 0);
    CHECK_INT(count("The bridge opened in 2016."), 0);
    CHECK_INT(count("It happened on June 4 in the valley."), 0);
    CHECK_INT(count("The siren went off at 6.45 a.m. again."), 0);
    CHECK_INT(count("Call +44 20 7946 0000 for details."), 0);
    CHECK_INT(count("Under Section 12 of the accord, No. 4 applies."), 0);
    CHECK_INT(count("The 3rd regiment moved."), 0);
    CHECK_INT(count("They flew an Mi-8 and a Tu-154 with a Buk 2 launcher and a T-90."), 0);
    CHECK_INT(count("The truce lasted five days."), 0);

    /* number words of every length the reader knows */
    EXPECT("Seventeen boats and ninety-nine rafts sank.", "Seventeen", 17, 17, "exact", "boat");
    EXPECT("Seventeen boats and ninety-nine rafts sank.", "ninety-nine", 99, 99, "exact", "raft");
    EXPECT("Nineteen wells dried up.", "Nineteen", 19, 19, "exact", "well");
    EXPECT("EIGHT barges docked.", "EIGHT", 8, 8, "exact", "barge");
    EXPECT("Half a million tents were sent.", "Half a million", 500000, 500000, "exact", "tent");
    EXPECT("A few thousand herders marched.", "A few thousand", 2000, 2000, "at_least", "herder");
    EXPECT("No fewer than 60 drones flew.", "No fewer than 60", 60, 60, "at_least", "drone");
    EXPECT("Up to several hundred refugees waited.", "Up to several hundred", 300, 300, "at_most", "refugee");

    /* not counts: numeric dates, telephone numbers, model names */
    CHECK_INT(count("The order of 10.11.2020 stands."), 0);
    CHECK_INT(count("The order of 2020-11-17 stands."), 0);
    CHECK_INT(count("Call (0412) 555-0170 today."), 0);
    CHECK_INT(count("Call 555-0170 today."), 0);
    CHECK_INT(count("An Il-76 and an An-124 landed."), 0);
    CHECK_INT(count("The army used Uran 6 robots."), 0);
    CHECK_INT(count("Under Article 116 they appealed."), 0);
    CHECK_INT(count("The 23rd brigade moved."), 0);

    CHECK_STR(truce_bound_name(TRUCE_BOUND_AT_LEAST), "at_least");
    truce_arena_free(A);
    return check_done("test_number");
}
