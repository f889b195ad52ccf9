/*
 * tests/unit/test_html_rules.c: one small page of our own per rule of the
 * HTML body scorer that earned its place on the benchmark: prose loose in a
 * div between <br>s, an article split into sections, a page wrapped in a
 * <form>, chunks of one article with the same class, a wrapper with a furniture-like name (second, lenient pass),
 * link rows, author boxes and calls to action, bylines on <p>.
 */
#include <stdio.h>

#include "check.h"

#include "truce/clean.h"

static const char *P1 = "The orchard cooperative voted on Sunday to replace its old cider press, "
                        "after two harvests in which the machine broke down at the busiest time.";
static const char *P2 = "Members argued for an hour about the price, and in the end the treasurer, "
                        "a retired teacher, proposed paying for it over three seasons.";
static const char *P3 = "The new press arrives in August, in time for the early apples, and the old "
                        "one will go to a museum of farm tools in the next valley.";

static truce_article art;
static truce_arena *A;

static int extract(const char *page)
{
    truce_error err;
    truce_arena_reset(A);
    return truce_clean_html(A, (const unsigned char *)page, strlen(page), NULL, NULL, &art, &err);
}

static bool has(const char *s)
{
    return art.text && strstr(art.text, s) != NULL;
}

int main(void)
{
    A = truce_arena_new(8192);
    char page[8192];

    /* prose written straight into a div between <br>s, next to a link menu */
    snprintf(page, sizeof page,
             "<html><body><div class=\"col\"><div class=\"row\"><a href=/1>One</a> <a href=/2>Two</a>"
             "</div><img src=a.jpg>%s<br><br>%s<br><br>%s</div>"
             "<div><a href=/x>Elsewhere in the region: a very long list of links to other things</a>"
             "</div></body></html>", P1, P2, P3);
    CHECK_INT(extract(page), TRUCE_OK);
    CHECK(has("cider press") && has("the treasurer") && has("museum of farm tools"));
    CHECK(!has("Elsewhere in the region"));
    CHECK(art.n_paragraphs >= 3);

    /* one article split into sections with furniture between them */
    snprintf(page, sizeof page,
             "<html><body><div class=\"story\">"
             "<section><div class=\"part\"><p>%s</p><p>%s</p></div></section>"
             "<div class=\"advert\">Buy tractors now, lowest prices in the county, call today</div>"
             "<section><div class=\"part\"><p>%s</p><p>%s</p></div></section>"
             "<section><div class=\"part\"><p>%s</p><p>%s</p></div></section>"
             "</div></body></html>", P1, P2, P3, P1, P2, P3);
    CHECK_INT(extract(page), TRUCE_OK);
    CHECK(has("cider press") && has("museum of farm tools"));
    CHECK(!has("tractors"));
    CHECK(art.n_paragraphs == 6);

    /* one article cut into chunks with the same class, far apart in the tree */
    snprintf(page, sizeof page,
             "<html><body><div class=\"chunks\">"
             "<div class=\"grid\"><div class=\"chunk-body\"><p>%s</p><p>%s</p></div>"
             "<div class=\"rail\"><a href=/s>Shop</a></div></div>"
             "<div class=\"grid\"><div class=\"slot\">Sponsored message from a local tractor seller.</div></div>"
             "<div class=\"grid\"><div class=\"chunk-body chunk-body--last\"><p>%s</p></div>"
             "<div class=\"rail\"><a href=/t>Tickets</a></div></div>"
             "</div></body></html>", P1, P2, P3);
    CHECK_INT(extract(page), TRUCE_OK);
    CHECK(has("cider press") && has("the treasurer") && has("museum of farm tools"));
    CHECK(!has("tractor seller"));
    CHECK(!has("Shop") && !has("Tickets"));

    /* a form around the whole page keeps its prose; a small search form goes */
    snprintf(page, sizeof page,
             "<html><body><form id=\"page\"><div class=\"search\"><form><input name=q>"
             "<label>Search the site for anything at all</label></form></div>"
             "<div class=\"body\"><p>%s</p><p>%s</p><p>%s</p></div></form></body></html>",
             P1, P2, P3);
    CHECK_INT(extract(page), TRUCE_OK);
    CHECK(has("cider press") && has("museum of farm tools"));
    CHECK(!has("Search the site"));

    /* the only prose sits in a wrapper named like furniture: second pass finds it */
    snprintf(page, sizeof page,
             "<html><body><div class=\"sidebar-layout\"><div><p>%s</p><p>%s</p></div></div>"
             "</body></html>", P1, P2);
    CHECK_INT(extract(page), TRUCE_OK);
    CHECK(has("cider press") && has("the treasurer"));

    /* link rows, author boxes, calls to action and bylines inside the article */
    snprintf(page, sizeof page,
             "<html><body><article><p class=\"byline\">By Ilse Vantongeren, farm reporter</p>"
             "<span class=\"timestamp\">Updated 4:05 pm</span>"
             "<p>%s</p><div class=\"wabtn\"><a href=\"#\">Send this to a friend</a></div>"
             "<div class=\"photo-gallery\"><div>Slide 1 of 9: the press in its shed, seen from the orchard gate</div></div>"
             "<p>%s</p><p>%s</p>"
             "<div class=\"author-box\"><p>Ilse Vantongeren has written about rural life for the "
             "paper since the floods of the nineties, and keeps bees.</p></div>"
             "<div class=\"promo-cta\"><p>Enjoyed this story? Join our members club for more like it "
             "every single week of the year.</p></div>"
             "</article></body></html>", P1, P2, P3);
    CHECK_INT(extract(page), TRUCE_OK);
    CHECK(has("cider press") && has("the treasurer") && has("museum of farm tools"));
    CHECK(!has("farm reporter"));
    CHECK(!has("Send this"));
    CHECK(!has("Updated 4:05"));
    CHECK(!has("Slide 1 of 9"));
    CHECK(!has("keeps bees"));
    CHECK(!has("members club"));
    CHECK_INT(art.n_paragraphs, 3);

    truce_arena_free(A);
    return check_done("test_html_rules");
}
