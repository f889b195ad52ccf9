/*
 * tests/unit/test_actor.c: the actor reader on texts of our own: states and
 * their capitals, demonym + group, officials by title, surname and title
 * alone, surname endings, a state's own body, media, and the dictionary's
 * error reports.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "truce/read.h"
#include "check.h"

static const truce_actor_mention *find(const truce_actor_list *l, const char *text,
                                       const char *written)
{
    for (size_t i = 0; i < l->n; i++) {
        size_t n = l->items[i].span.end - l->items[i].span.start;
        if (strlen(written) == n && strncmp(text + l->items[i].span.start, written, n) == 0)
            return &l->items[i];
    }
    return NULL;
}

static void read_text(truce_arena *a, const truce_actor_dict *d, const char *text,
                      truce_actor_list *out)
{
    truce_error err;
    truce_sentence_list s;
    CHECK_INT(truce_read_sentences(a, text, strlen(text), &s, &err), TRUCE_OK);
    CHECK_INT(truce_read_actors(a, d, text, strlen(text), &s, out, &err), TRUCE_OK);
}

int main(void)
{
    truce_error err;
    truce_actor_dict *d = NULL;
    CHECK_INT(truce_actor_dict_open(NULL, &d, &err), TRUCE_OK);
    if (!d)
        return check_done("test_actor");
    truce_arena *a = truce_arena_new(4096);

    const char *t1 =
        "Interior Minister Davit Tonoyan met Georgian officials in Tbilisi on Friday. "
        "Tonoyan said the border was calm. The Kremlin declined to comment, while Ankara "
        "welcomed the talks. Turkish troops and Iranian border guards stayed in place.";
    truce_actor_list l;
    read_text(a, d, t1, &l);
    const truce_actor_mention *m = find(&l, t1, "Interior Minister Davit Tonoyan");
    CHECK(m != NULL);
    if (m) {
        CHECK_STR(m->name, "Davit Tonoyan");
        CHECK_STR(m->title, "Interior Minister");
        CHECK_INT(m->kind, TRUCE_ACTOR_OFFICIAL);
        CHECK_INT(m->sentence, 0);
    }
    m = find(&l, t1, "Tonoyan");
    CHECK(m != NULL);
    if (m) {
        CHECK_STR(m->name, "Davit Tonoyan");
        CHECK_INT(m->sentence, 1);
    }
    m = find(&l, t1, "The Kremlin");
    CHECK(m != NULL);
    if (m) {
        CHECK_STR(m->name, "Russia");
        CHECK_STR(m->country, "RU");
        CHECK_INT(m->kind, TRUCE_ACTOR_STATE);
    }
    m = find(&l, t1, "Ankara");
    CHECK(m && strcmp(m->name, "Turkey") == 0);
    m = find(&l, t1, "Turkish troops");
    CHECK(m != NULL);
    if (m) {
        CHECK_INT(m->kind, TRUCE_ACTOR_MILITARY);
        CHECK_STR(m->country, "TR");
    }
    m = find(&l, t1, "Iranian border guards");
    CHECK(m && strcmp(m->country, "IR") == 0);

    /* two demonyms sharing one group noun; a demonym that does not spell
     * its state keeps the state in the group's name */
    const char *t5 = "Kyrgyz and Tajik border guards exchanged fire.";
    read_text(a, d, t5, &l);
    m = find(&l, t5, "Kyrgyz");
    CHECK(m && m->kind == TRUCE_ACTOR_MILITARY && strcmp(m->country, "KG") == 0 &&
          strcmp(m->name, "Kyrgyz border guards (Kyrgyzstan)") == 0);
    m = find(&l, t5, "Tajik border guards");
    CHECK(m && strcmp(m->country, "TJ") == 0);

    /* title alone after the title was introduced; a country from the demonym */
    const char *t2 = "Azerbaijani President Ilham Aliyev spoke in Ganja. Later the President "
                     "visited a school. Colonel Rauf Hasanov and Murad Guliyev were there.";
    read_text(a, d, t2, &l);
    m = find(&l, t2, "Azerbaijani President Ilham Aliyev");
    CHECK(m && strcmp(m->country, "AZ") == 0 && strcmp(m->name, "Ilham Aliyev") == 0);
    m = find(&l, t2, "President");
    CHECK(m && strcmp(m->name, "Ilham Aliyev") == 0);
    m = find(&l, t2, "Colonel Rauf Hasanov");
    CHECK(m && strcmp(m->title, "Colonel") == 0);
    m = find(&l, t2, "Murad Guliyev");
    CHECK(m && m->kind == TRUCE_ACTOR_OFFICIAL && m->title == NULL);

    /* a state's own body; media; an ex- title */
    const char *t3 = "Georgia's Defense Ministry denied it, Armenpress reported. "
                     "Former Prime Minister Karen Karapetyan disagreed.";
    read_text(a, d, t3, &l);
    m = find(&l, t3, "Georgia's Defense Ministry");
    CHECK(m && m->kind == TRUCE_ACTOR_GOVERNMENT && strcmp(m->country, "GE") == 0);
    m = find(&l, t3, "Armenpress");
    CHECK(m && m->kind == TRUCE_ACTOR_MEDIA);
    m = find(&l, t3, "Former Prime Minister Karen Karapetyan");
    CHECK(m && strcmp(m->name, "Karen Karapetyan") == 0);

    /* capitalised headline words after a title are not a name */
    const char *t4 = "President Gives Speech As Talks Stall\n\nThe talks stalled.";
    read_text(a, d, t4, &l);
    CHECK(find(&l, t4, "President Gives Speech") == NULL);
    CHECK(find(&l, t4, "President Gives") == NULL);

    CHECK_STR(truce_actor_kind_name(TRUCE_ACTOR_MEDIA), "media");
    CHECK_STR(truce_actor_kind_name(TRUCE_ACTOR_CIVILIANS), "civilians");
    CHECK_STR(truce_actor_kind_name(TRUCE_ACTOR_UNKNOWN), "unknown");

    /* a malformed dictionary line is an error naming the line */
    char path[] = "/tmp/truce_actor_testXXXXXX";
    int fd = mkstemp(path);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    CHECK(f != NULL);
    if (f) {
        fputs("# comment\nGondor\tGondor\tstate\tGD\nMordor\tMordor\tempire\t\n", f);
        fclose(f);
        truce_actor_dict *bad = NULL;
        CHECK_INT(truce_actor_dict_open(path, &bad, &err), TRUCE_EINPUT);
        CHECK(bad == NULL);
        CHECK(strstr(err.msg, "line 3") != NULL);
        remove(path);
    }
    truce_actor_dict *none = NULL;
    CHECK_INT(truce_actor_dict_open("/nonexistent/actors", &none, &err), TRUCE_EIO);

    truce_arena_free(a);
    truce_actor_dict_close(d);
    return check_done("test_actor");
}
