/*
 * tests/unit/test_html.c: truce_clean_html on small pages of our own:
 * charsets (Windows-1251/1252), furniture removal, paragraph spans into the
 * original bytes, metadata, malformed input, binary input, pages without an
 * article.
 */
#include <stdio.h>

#include "check.h"

#include "truce/clean.h"

static const char *furniture_page =
    "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
    "<title>Harbour ferry returns | The Coastal Courier</title>"
    "<meta property=\"og:site_name\" content=\"The Coastal Courier\">"
    "<meta property=\"article:published_time\" content=\"2021-03-14T08:30:00Z\">"
    "<meta name=\"author\" content=\"Mara Quint\">"
    "<link rel=\"canonical\" href=\"https://courier.example/news/ferry\">"
    "</head><body>"
    "<nav><a href=\"/\">Home</a> <a href=\"/sport\">Sport</a> <a href=\"/weather\">Weather</a></nav>"
    "<div class=\"share-tools\"><a href=\"#\">Share on every network you know</a></div>"
    "<div class=\"main\"><article class=\"story-body\">"
    "<h1>Harbour ferry returns</h1>"
    "<p>The old ferry between Lornsby and the northern islands returned to service on Saturday, "
    "after a winter of repairs that cost the county more than it had planned.</p>"
    "<figure><img src=\"ferry.jpg\"><figcaption>Pelicans watch the ferry leave the quay</figcaption></figure>"
    "<p>Smith &amp; Jones, the yard that rebuilt the engines, said the work took three months, "
    "and that the hull was in better shape than anyone had feared.</p>"
    "<div class=\"donate-box\"><p>Support our journalism today, give what you can, every coin counts.</p></div>"
    "<p>Passengers queued from dawn, some with bicycles, some with crates of vegetables for the "
    "island market, and the first crossing left eleven minutes late.</p>"
    "<ul class=\"related-links\"><li><a href=\"/a\">Lighthouse keeper retires after forty years</a></li>"
    "<li><a href=\"/b\">New bridge plans shelved again by the council</a></li></ul>"
    "<div class=\"tags\"><a href=\"/t/ferry\">ferry</a> <a href=\"/t/islands\">islands</a></div>"
    "</article></div>"
    "<section id=\"comments\"><p>Gullwatcher wrote: this ferry is always late, every single week, I tell you.</p></section>"
    "<footer><p>Copyright 2021 The Coastal Courier. All rights reserved.</p></footer>"
    "</body></html>";

static bool contains(const truce_article *a, const char *s)
{
    return a->text && strstr(a->text, s) != NULL;
}

static void test_furniture(void)
{
    truce_arena *a = truce_arena_new(4096);
    truce_article art;
    truce_error err;
    const unsigned char *raw = (const unsigned char *)furniture_page;
    size_t len = strlen(furniture_page);
    int rc = truce_clean_html(a, raw, len, NULL, "https://courier.example/x", &art, &err);
    CHECK_INT(rc, TRUCE_OK);
    CHECK(contains(&art, "The old ferry between Lornsby"));
    CHECK(contains(&art, "Smith & Jones, the yard"));
    CHECK(contains(&art, "first crossing left eleven minutes late."));
    CHECK(!contains(&art, "Sport"));
    CHECK(!contains(&art, "Share on every"));
    CHECK(!contains(&art, "Pelicans"));
    CHECK(!contains(&art, "Support our journalism"));
    CHECK(!contains(&art, "Lighthouse keeper"));
    CHECK(!contains(&art, "islands</a>"));
    CHECK(!contains(&art, "Gullwatcher"));
    CHECK(!contains(&art, "Copyright"));
    CHECK_INT(art.n_paragraphs, 3);
    CHECK_STR(art.title, "Harbour ferry returns | The Coastal Courier");
    CHECK_STR(art.published, "2021-03-14");
    CHECK_STR(art.published_basis, "meta article:published_time");
    CHECK_STR(art.author, "Mara Quint");
    CHECK_STR(art.site_name, "The Coastal Courier");
    CHECK_STR(art.url, "https://courier.example/news/ferry");
    CHECK_STR(art.lang, "en-GB");
    CHECK_STR(art.charset, "utf-8");
    /* spans: every paragraph's source starts at its first word in the raw bytes */
    for (size_t i = 0; i < art.n_paragraphs; i++) {
        const truce_paragraph *p = &art.paragraphs[i];
        CHECK(p->source.end > p->source.start && p->source.end <= len);
        CHECK(memcmp(raw + p->source.start, art.text + p->text.start, 6) == 0);
        CHECK(raw[p->source.end - 1] == '.');
        CHECK_STR(p->tag, "p");
    }
    /* the first paragraph has no entity: its raw bytes are its text */
    if (art.n_paragraphs) {
        const truce_paragraph *p = &art.paragraphs[0];
        CHECK_INT(p->source.end - p->source.start, p->text.end - p->text.start);
        CHECK(memcmp(raw + p->source.start, art.text + p->text.start,
                     p->text.end - p->text.start) == 0);
    }
    truce_arena_free(a);
}

/* Windows-1252: curly quotes at 0x93/0x94, e-acute at 0xE9, euro at 0x80. */
static void test_cp1252(void)
{
    const char *page =
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
        "<title>Caf\xe9 prices</title></head><body><div id=\"content\">"
        "<p>The \x93" "Caf\xe9 Rouge\x94 on the square raised the price of a coffee to three "
        "\x80, its owner said, blaming the cost of milk and of the new espresso machine.</p>"
        "<p>Regulars shrugged and ordered anyway, because there is nowhere else to sit in the "
        "sun between the church and the bakery on market days.</p>"
        "</div></body></html>";
    truce_arena *a = truce_arena_new(4096);
    truce_article art;
    truce_error err;
    int rc = truce_clean_html(a, (const unsigned char *)page, strlen(page), NULL, NULL, &art, &err);
    CHECK_INT(rc, TRUCE_OK);
    CHECK_STR(art.charset, "windows-1252");
    CHECK(contains(&art, "The \xe2\x80\x9c" "Caf\xc3\xa9 Rouge\xe2\x80\x9d on the square"));
    CHECK(contains(&art, "three \xe2\x82\xac, its owner"));
    CHECK_STR(art.title, "Caf\xc3\xa9 prices");
    if (art.n_paragraphs >= 2) {
        /* spans point into the 1252 bytes, not into the UTF-8 copy */
        const truce_paragraph *p = &art.paragraphs[1];
        CHECK(memcmp(page + p->source.start, "Regulars shrugged", 17) == 0);
        CHECK(memcmp(page + p->source.end - 12, "market days.", 12) == 0);
        const truce_paragraph *q = &art.paragraphs[0];
        CHECK(memcmp(page + q->source.start, "The \x93", 5) == 0);
        /* "Rouge" sits after the multibyte-mapped quote and e-acute */
        const char *r = strstr(art.text, "Rouge");
        size_t raw = truce_offset_to_raw(&art.map, (size_t)(r - art.text));
        CHECK(memcmp(page + raw, "Rouge", 5) == 0);
    }
    truce_arena_free(a);
}

/* Windows-1251, charset declared from outside (HTTP header), not in the page. */
static void test_cp1251(void)
{
    /* "Привет" = CF F0 E8 E2 E5 F2, "мир" = EC E8 F0, "Ёлка" = A8 EB EA E0 */
    const char *page =
        "<html><body><article>"
        "<p>\xcf\xf0\xe8\xe2\xe5\xf2, \xec\xe8\xf0: the greeting opened a letter read aloud at the "
        "village school, where the pupils practised their alphabet every morning.</p>"
        "<p>\xa8\xeb\xea\xe0 was the word of the week, chosen because the winter fair was close and "
        "everyone, teachers included, was thinking about decorations.</p>"
        "</article></body></html>";
    truce_arena *a = truce_arena_new(4096);
    truce_article art;
    truce_error err;
    int rc = truce_clean_html(a, (const unsigned char *)page, strlen(page), "windows-1251", NULL,
                              &art, &err);
    CHECK_INT(rc, TRUCE_OK);
    CHECK_STR(art.charset, "windows-1251");
    CHECK(contains(&art, "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82, \xd0\xbc\xd0\xb8\xd1\x80:"));
    CHECK(contains(&art, "\xd0\x81\xd0\xbb\xd0\xba\xd0\xb0 was the word"));
    if (art.n_paragraphs == 2) {
        CHECK(memcmp(page + art.paragraphs[1].source.start, "\xa8\xeb\xea\xe0", 4) == 0);
        CHECK(memcmp(page + art.paragraphs[0].source.end - 14, "every morning.", 14) == 0);
    }
    truce_arena_free(a);
}

static void test_malformed(void)
{
    /* unclosed tags and a page cut off in the middle of a tag */
    const char *page =
        "<html><body><div class=\"post-content\"><p>The river rose two metres overnight and the "
        "lower town's cellars flooded before the pumps could be started, residents said"
        "<p>By noon volunteers had stacked sandbags along the quay, and the water began to fall "
        "slowly as the rain moved east towards the hills<div><b>unclosed bold <i>and italic"
        "<p>A third paragraph keeps going without any closing tag at all, which browsers accept</p><a hr";
    truce_arena *a = truce_arena_new(4096);
    truce_article art;
    truce_error err;
    int rc = truce_clean_html(a, (const unsigned char *)page, strlen(page), NULL, NULL, &art, &err);
    CHECK_INT(rc, TRUCE_OK);
    CHECK(contains(&art, "volunteers had stacked sandbags"));
    CHECK(contains(&art, "without any closing tag"));
    CHECK(art.n_paragraphs >= 3);
    /* every span lies inside the input */
    for (size_t i = 0; i < art.n_paragraphs; i++)
        CHECK(art.paragraphs[i].source.end <= strlen(page));
    truce_arena_free(a);
}

static void test_refusals(void)
{
    truce_arena *a = truce_arena_new(4096);
    truce_article art;
    truce_error err;
    /* binary bytes behind an .html name */
    static const unsigned char png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13,
                                         'I', 'H', 'D', 'R', 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0 };
    int rc = truce_clean_html(a, png, sizeof png, NULL, "photo.html", &art, &err);
    CHECK_INT(rc, TRUCE_EINPUT);
    CHECK(strstr(err.msg, "binary") != NULL);
    CHECK_STR(err.doc, "photo.html");
    /* a page of links only */
    const char *menu = "<html><body><nav><a href=/a>A</a></nav><div class=\"menu\"><a href=/b>Bees</a>"
                       "<a href=/c>Cats</a></div><p>Hi.</p></body></html>";
    rc = truce_clean_html(a, (const unsigned char *)menu, strlen(menu), NULL, NULL, &art, &err);
    CHECK_INT(rc, TRUCE_EINPUT);
    CHECK(strstr(err.msg, "no article") != NULL);
    rc = truce_clean_html(a, (const unsigned char *)"", 0, NULL, NULL, &art, &err);
    CHECK_INT(rc, TRUCE_EINPUT);
    truce_arena_free(a);
}

static void test_dates(void)
{
    truce_arena *a = truce_arena_new(4096);
    truce_article art;
    truce_error err;
    const char *body = "<p>Workers at the northern depot walked out at dawn, saying the new rota "
                       "left them no weekends, and the bus company called the strike unlawful.</p>"
                       "<p>Talks are set for Thursday, with a mediator from the regional labour "
                       "office, and both sides say they want the buses running again.</p>";
    char page[2048];
    snprintf(page, sizeof page,
             "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
             "\"datePublished\": \"2019-07-02T10:00:00+02:00\"}</script></head><body><article>%s"
             "</article></body></html>", body);
    int rc = truce_clean_html(a, (const unsigned char *)page, strlen(page), NULL, NULL, &art, &err);
    CHECK_INT(rc, TRUCE_OK);
    CHECK_STR(art.published, "2019-07-02");
    CHECK_STR(art.published_basis, "json-ld datePublished");
    snprintf(page, sizeof page, "<html><body><article>%s</article></body></html>", body);
    rc = truce_clean_html(a, (const unsigned char *)page, strlen(page), NULL,
                          "https://buses.example/2018/02/09/strike", &art, &err);
    CHECK_INT(rc, TRUCE_OK);
    CHECK_STR(art.published, "2018-02-09");
    CHECK_STR(art.published_basis, "url");
    snprintf(page, sizeof page,
             "<html><body><article><p>Posted on 4 May 2017.</p>%s<time datetime=\"2016-12-01\">"
             "</time></article></body></html>", body);
    rc = truce_clean_html(a, (const unsigned char *)page, strlen(page), NULL, NULL, &art, &err);
    CHECK_INT(rc, TRUCE_OK);
    CHECK_STR(art.published, "2016-12-01");
    CHECK_STR(art.published_basis, "time element");
    snprintf(page, sizeof page,
             "<html><head><meta property=\"og:locale\" content=\"pt_BR\"></head><body><article>%s"
             "</article></body></html>", body);
    rc = truce_clean_html(a, (const unsigned char *)page, strlen(page), NULL, NULL, &art, &err);
    CHECK_INT(rc, TRUCE_OK);
    CHECK_STR(art.lang, "pt-BR");
    snprintf(page, sizeof page,
             "<html><body><article><p>DEPOT TOWN, March 3, 2015 - %s</p></article></body></html>",
             body);
    rc = truce_clean_html(a, (const unsigned char *)page, strlen(page), NULL, NULL, &art, &err);
    CHECK_INT(rc, TRUCE_OK);
    CHECK_STR(art.published, "2015-03-03");
    CHECK_STR(art.published_basis, "dateline");
    truce_arena_free(a);
}

int main(void)
{
    test_furniture();
    test_cp1252();
    test_cp1251();
    test_malformed();
    test_refusals();
    test_dates();
    return check_done("test_html");
}
