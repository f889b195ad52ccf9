/* tests/unit/test_sentence.c: the sentence splitter and tokenizer on hard cases of our own. */
#include "check.h"
#include "truce/read.h"

static truce_arena *A;

static size_t split(const char *text, truce_sentence_list *out)
{
    truce_error err;
    truce_error_clear(&err);
    CHECK_INT(truce_read_sentences(A, text, strlen(text), out, &err), TRUCE_OK);
    return out->n;
}

static void expect(const char *text, size_t idx, const char *want)
{
    truce_sentence_list s;
    split(text, &s);
    if (idx >= s.n) {
        check_count++;
        check_failures++;
        fprintf(stderr, "want sentence %zu \"%s\" but only %zu sentences in \"%s\"\n", idx, want,
                s.n, text);
        return;
    }
    char *got = truce_arena_strndup(A, text + s.items[idx].span.start,
                                    s.items[idx].span.end - s.items[idx].span.start);
    CHECK_STR(got, want);
}

static void expect_count(const char *text, size_t n)
{
    truce_sentence_list s;
    split(text, &s);
    if (s.n != n) {
        fprintf(stderr, "in: %s\n", text);
        for (size_t i = 0; i < s.n; i++)
            fprintf(stderr, "  [%zu] %.*s\n", i, (int)(s.items[i].span.end - s.items[i].span.start),
                    text + s.items[i].span.start);
    }
    CHECK_INT(s.n, n);
}

int main(void)
{
    A = truce_arena_new(0);
    expect_count("Gen. Mirzo Tolib inspected the lines. He left at noon.", 2);
    expect_count("Lt. Col. Dana Reyes said the U.S. Army would stay. Nobody objected.", 2);
    expect_count("The convoy carried 2,334 tonnes and 1.5 million litres. It arrived at 10.30 a.m. on Friday.", 2);
    expect_count("Resolution No. 5 was adopted. Article 12 was not.", 2);
    expect_count("The aid reached the U.S. The Senate met later.", 2);
    expect_count("Marta Quill Jr. spoke first. Then the mayor.", 2);
    expect_count("He wrote to B. Okafor about it. She agreed.", 2);
    expect_count("\"We will not leave,\" the commander said. \"Never.\"", 2);
    expect_count("Wait... the shelling resumed. Then it stopped... for a while.", 2);
    expect_count("Is it over? Nobody knows! The talks go on.", 3);
    expect_count("Ceasefire holds in the north\n\nThe guns fell silent on Monday. Residents returned.", 3);
    expect_count("Key points\n- convoy reached the town\n- two posts set up\n\nMore later.", 4);
    expect_count("KABUL (3:10 P.M.) – The governor spoke. He left.", 2);
    expect_count("Observers counted 12 posts (see map). They left.", 2);
    expect("Ceasefire holds in the north\n\nThe guns fell silent on Monday.", 0,
           "Ceasefire holds in the north");
    expect("“The road is open.” The governor said so.", 0, "“The road is open.”");
    expect("The mission (led by Col. Ferro.) left. Next day it rained.", 1, "Next day it rained.");
    expect("Troops left at 6 p.m. They returned at dawn.", 1, "They returned at dawn.");

    /* paragraphs */
    truce_sentence_list s;
    split("One. Two.\n\nThree.", &s);
    CHECK_INT(s.n, 3);
    if (s.n == 3) {
        CHECK_INT(s.items[0].paragraph, 0);
        CHECK_INT(s.items[1].paragraph, 0);
        CHECK_INT(s.items[2].paragraph, 1);
        CHECK(s.items[2].flags & TRUCE_SENT_PARAGRAPH_START);
        CHECK(!(s.items[1].flags & TRUCE_SENT_PARAGRAPH_START));
    }

    /* tokens keep offsets and numbers whole */
    const char *t = "About 2,334 refugees returned to Stepanakert's outskirts on Nov. 21st.";
    truce_token_list tok;
    truce_error err;
    split(t, &s);
    CHECK_INT(truce_read_tokens(A, t, strlen(t), &s, &tok, &err), TRUCE_OK);
    CHECK(tok.n >= 10);
    if (tok.n >= 3) {
        CHECK_STR(truce_arena_strndup(A, t + tok.items[1].span.start,
                                      tok.items[1].span.end - tok.items[1].span.start), "2,334");
        CHECK_INT(tok.items[1].kind, TRUCE_TOK_NUMBER);
    }
    bool found = false;
    for (size_t i = 0; i < tok.n; i++)
        if (tok.items[i].span.end - tok.items[i].span.start == 11 &&
            strncmp(t + tok.items[i].span.start, "Stepanakert", 11) == 0)
            found = true;
    CHECK(found);
    truce_arena_free(A);
    return check_done("test_sentence");
}
