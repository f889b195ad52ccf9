/*
 * tests/unit/test_feed.c: truce_ingest_feed on RSS 2.0 and Atom feeds of our
 * own: links, titles, dates to YYYY-MM-DD, HTML content passed as HTML,
 * entities and CDATA, and a document that is no feed.
 */
#include <stdio.h>

#include "check.h"

#include "truce/ingest.h"

typedef struct got {
    int n;
    char url[4][256], title[4][256], date[4][16], body[4][256];
    truce_format fmt[4];
} got;

static int on_item(void *ctx, const unsigned char *raw, size_t len, const truce_doc_meta *m,
                   truce_format f, long long off)
{
    (void)off;
    got *g = ctx;
    if (g->n < 4) {
        snprintf(g->url[g->n], 256, "%s", m->url ? m->url : "");
        snprintf(g->title[g->n], 256, "%s", m->title ? m->title : "");
        snprintf(g->date[g->n], 16, "%s", m->published ? m->published : "");
        snprintf(g->body[g->n], 256, "%.*s", (int)(len < 250 ? len : 250), (const char *)raw);
        g->fmt[g->n] = f;
    }
    g->n++;
    return 0;
}

static const char *rss =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>"
    "<title>Valley Gazette</title><link>https://gazette.example/</link>"
    "<item><title>Orchard &amp; dairy fair opens</title>"
    "<link>https://gazette.example/fair</link>"
    "<pubDate>Tue, 08 Sep 2020 09:15:00 +0000</pubDate>"
    "<description>Short summary</description>"
    "<content:encoded><![CDATA[<p>The fair opened with <b>forty</b> stalls.</p>]]></content:encoded>"
    "</item>"
    "<item><title>Road closed</title><link>https://gazette.example/road</link>"
    "<pubDate>Wed, 9 Sep 2020 18:00:00 GMT</pubDate>"
    "<description>&lt;p&gt;The hill road is shut until Friday.&lt;/p&gt;</description></item>"
    "<item><title>Plain note</title><link>https://gazette.example/note</link>"
    "<description>Library hours change next week.</description></item>"
    "</channel></rss>";

static const char *atom =
    "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Port notes</title>"
    "<entry><title type=\"text\">Cranes arrive</title>"
    "<link rel=\"self\" href=\"https://port.example/api/1\"/>"
    "<link rel=\"alternate\" type=\"text/html\" href=\"https://port.example/cranes?a=1&amp;b=2\"/>"
    "<published>2023-01-30T12:00:00Z</published><updated>2023-02-01T00:00:00Z</updated>"
    "<content type=\"html\">&lt;p&gt;Two new cranes were unloaded at the east pier.&lt;/p&gt;</content>"
    "</entry>"
    "<entry><title>Ferry timetable</title><link href=\"https://port.example/ferry\"/>"
    "<updated>2023-03-05T08:00:00Z</updated><summary>Winter sailings end in March.</summary></entry>"
    "</feed>";

int main(void)
{
    got g;
    memset(&g, 0, sizeof g);
    truce_error err;
    CHECK_INT(truce_ingest_feed((const unsigned char *)rss, strlen(rss), "g.rss", on_item, &g, &err),
              TRUCE_OK);
    CHECK_INT(g.n, 3);
    CHECK_STR(g.title[0], "Orchard & dairy fair opens");
    CHECK_STR(g.url[0], "https://gazette.example/fair");
    CHECK_STR(g.date[0], "2020-09-08");
    CHECK_STR(g.body[0], "<p>The fair opened with <b>forty</b> stalls.</p>");
    CHECK_INT(g.fmt[0], TRUCE_FORMAT_HTML);
    CHECK_STR(g.date[1], "2020-09-09");
    CHECK_STR(g.body[1], "<p>The hill road is shut until Friday.</p>");
    CHECK_INT(g.fmt[1], TRUCE_FORMAT_HTML);
    CHECK_STR(g.date[2], "");
    CHECK_INT(g.fmt[2], TRUCE_FORMAT_TEXT);
    CHECK_STR(g.body[2], "Library hours change next week.");

    memset(&g, 0, sizeof g);
    CHECK_INT(truce_ingest_feed((const unsigned char *)atom, strlen(atom), "p.atom", on_item, &g,
                                &err),
              TRUCE_OK);
    CHECK_INT(g.n, 2);
    CHECK_STR(g.title[0], "Cranes arrive");
    CHECK_STR(g.url[0], "https://port.example/cranes?a=1&b=2");
    CHECK_STR(g.date[0], "2023-01-30");
    CHECK_STR(g.body[0], "<p>Two new cranes were unloaded at the east pier.</p>");
    CHECK_INT(g.fmt[0], TRUCE_FORMAT_HTML);
    CHECK_STR(g.url[1], "https://port.example/ferry");
    CHECK_STR(g.date[1], "2023-03-05");
    CHECK_STR(g.body[1], "Winter sailings end in March.");

    /* truncated feed: the complete item still comes out */
    memset(&g, 0, sizeof g);
    size_t cut = (size_t)(strstr(rss, "<item><title>Road") - rss) + 30;
    CHECK_INT(truce_ingest_feed((const unsigned char *)rss, cut, "cut.rss", on_item, &g, &err),
              TRUCE_OK);
    CHECK(g.n >= 1);
    CHECK_STR(g.url[0], "https://gazette.example/fair");

    const char *html = "<html><body><p>No feed here.</p></body></html>";
    memset(&g, 0, sizeof g);
    CHECK_INT(truce_ingest_feed((const unsigned char *)html, strlen(html), "x.xml", on_item, &g,
                                &err),
              TRUCE_EINPUT);
    CHECK_INT(g.n, 0);
    return check_done("test_feed");
}
