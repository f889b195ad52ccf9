/*
 * clean/html_extract.c: truce_clean_html, the article out of a web page.
 * Owns the gumbo parse tree for the duration of one call and the article
 * (text, paragraphs, metadata, offset map) in the caller's arena. Must not
 * know any particular site: it scores containers by generic signals (text
 * length, commas, link density, paragraph count, generic class/id words).
 *
 * Why readability-style scoring: a news page's body is the container whose
 * paragraphs carry most of the running prose with few links, while menus,
 * share bars and related-article lists are link-heavy or short. Scores from
 * each paragraph flow to its parent and, weaker, to older ancestors, so the
 * container that holds the most prose wins even when it nests wrappers.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <gumbo.h>

#include "clean/html_internal.h"
#include "truce/clean.h"

#define MAX_DEPTH 1500

typedef struct entry {
    GumboNode *node;
    size_t size;          /* entries in this subtree, itself included */
    size_t text_len, link_len;
    int commas, n_p, n_li, n_img, n_input, n_heading;
    size_t own_len, own_link;  /* text not inside a block child */
    int own_commas;
    double score;
    int weight;           /* class/id weight */
    bool inited;
} entry;

typedef struct ctx {
    truce_arena *a;
    const char *utf8;
    entry *e;
    size_t n, cap;
    size_t *stack;
    size_t depth, stack_cap;
    bool oom;
    /* article output */
    truce_buf text;
    truce_offset_map inner;      /* article text -> utf8 offsets */
    truce_paragraph *paras;
    size_t n_paras, paras_cap;
    size_t para_start;           /* text offset where the open paragraph began */
    bool pending_space;
    const char *para_tag;
    bool lenient;                /* second try: class/id words do not skip */
} ctx;

/* ---- classification ------------------------------------------------------ */

static bool removed_tag(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_CANVAS: case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_INPUT: case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED:
    case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO: case GUMBO_TAG_HEAD: case GUMBO_TAG_MENU:
    case GUMBO_TAG_H1: case GUMBO_TAG_HEADER: case GUMBO_TAG_LABEL: case GUMBO_TAG_MATH:
        return true;
    default:
        return false;
    }
}

static bool block_tag(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
    case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE: case GUMBO_TAG_TABLE: case GUMBO_TAG_TR: case GUMBO_TAG_TD:
    case GUMBO_TAG_TH: case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_HR:
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_CENTER: case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_BODY: case GUMBO_TAG_BR:
        return true;
    default:
        return false;
    }
}

static bool heading_tag(GumboTag t)
{
    return t >= GUMBO_TAG_H1 && t <= GUMBO_TAG_H6;
}

static const char *attr(const GumboNode *n, const char *name)
{
    if (n->type != GUMBO_NODE_ELEMENT)
        return NULL;
    GumboAttribute *at = gumbo_get_attribute(&n->v.element.attributes, name);
    return at ? at->value : NULL;
}

/* Generic words that mark page furniture in class and id names. */
static const char *const furniture_words[] = {
    "comment", "disqus", "share", "sharing", "social", "related", "recommend", "sidebar",
    "footer", "navbar", "-nav", "nav-", "menu", "breadcrumb", "promo", "advert", "sponsor",
    "newsletter", "subscri", "signup", "sign-up", "donat", "popup", "modal", "cookie", "banner",
    "pagination", "pager", "tags", "tag-list", "taglist", "caption", "masthead",
    "toolbar", "most-popular", "mostpopular", "trending", "more-stories", "read-more",
    "readmore", "login", "consent", "gdpr", "supplement", "byline", "author-bio", "skip",
    "hidden", "print", "rss", "follow", "outbrain", "overlay", "ad-slot", "adslot", "dfp",
    "copyright", "disclaimer", "credit", "topics", "keywords", "next-article", "prev-article",
    "timestamp", "slideshow", "gallery", "teaser", "-cta", "cta-", "author", NULL
};
static const char *const content_words[] = {
    "article", "body", "content", "main", "story", "post", "entry", "text", "column", NULL
};

static bool has_word(const char *s, const char *const *words)
{
    for (size_t i = 0; words[i]; i++)
        if (strstr(s, words[i]))
            return true;
    return false;
}

static void lower_into(char *dst, size_t cap, const char *a, const char *b)
{
    size_t k = 0;
    for (const char *p = a; p && *p && k + 2 < cap; p++)
        dst[k++] = (char)tolower((unsigned char)*p);
    dst[k++] = ' ';
    for (const char *p = b; p && *p && k + 1 < cap; p++)
        dst[k++] = (char)tolower((unsigned char)*p);
    dst[k] = 0;
}

static int class_weight(const GumboNode *n)
{
    char s[512];
    lower_into(s, sizeof s, attr(n, "class"), attr(n, "id"));
    int w = 0;
    if (has_word(s, furniture_words))
        w -= 25;
    if (has_word(s, content_words))
        w += 25;
    return w;
}

/* Skipped outright: furniture by tag, hidden, or a furniture class/id
 * without a content word to redeem it. */
static bool skip_node(const GumboNode *n, bool lenient)
{
    GumboTag t = n->v.element.tag;
    if (removed_tag(t))
        return true;
    if (attr(n, "hidden"))
        return true;
    const char *aria = attr(n, "aria-hidden");
    if (aria && !strcmp(aria, "true"))
        return true;
    const char *style = attr(n, "style");
    if (style && (strstr(style, "display:none") || strstr(style, "display: none")))
        return true;
    const char *role = attr(n, "role");
    if (role && (!strcmp(role, "navigation") || !strcmp(role, "complementary") ||
                 !strcmp(role, "contentinfo") || !strcmp(role, "banner") ||
                 !strcmp(role, "menu")))
        return true;
    if (t == GUMBO_TAG_BODY || t == GUMBO_TAG_HTML || t == GUMBO_TAG_ARTICLE ||
        t == GUMBO_TAG_MAIN || lenient)
        return false;
    char s[512];
    lower_into(s, sizeof s, attr(n, "class"), attr(n, "id"));
    return has_word(s, furniture_words) && !has_word(s, content_words);
}

/* ---- scoring pass -------------------------------------------------------- */

static size_t collapsed_len(const char *s, int *commas)
{
    size_t n = 0;
    bool sp = true;
    for (; *s; s++) {
        if (isspace((unsigned char)*s)) {
            if (!sp)
                n++;
            sp = true;
        } else {
            n++;
            sp = false;
            if (*s == ',')
                (*commas)++;
        }
    }
    return n;
}

static void init_entry(entry *e)
{
    if (e->inited)
        return;
    e->inited = true;
    switch (e->node->v.element.tag) {
    case GUMBO_TAG_DIV: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_SECTION: case GUMBO_TAG_MAIN:
        e->score = 5; break;
    case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE:
        e->score = 3; break;
    case GUMBO_TAG_OL: case GUMBO_TAG_UL: case GUMBO_TAG_DL: case GUMBO_TAG_DD: case GUMBO_TAG_DT:
    case GUMBO_TAG_LI: case GUMBO_TAG_ADDRESS:
        e->score = -3; break;
    case GUMBO_TAG_TH:
        e->score = -5; break;
    default:
        e->score = 0;
    }
    e->score += e->weight;
}

static bool has_block_child(const GumboNode *n)
{
    const GumboVector *ch = &n->v.element.children;
    for (unsigned i = 0; i < ch->length; i++) {
        const GumboNode *c = ch->data[i];
        if (c->type == GUMBO_NODE_ELEMENT && block_tag(c->v.element.tag) &&
            c->v.element.tag != GUMBO_TAG_BR)
            return true;
    }
    return false;
}

static void score_tree(ctx *c, GumboNode *node, bool in_link)
{
    if (c->oom)
        return;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
        if (c->depth == 0)
            return;
        entry *p = &c->e[c->stack[c->depth - 1]];
        int commas = 0;
        size_t l = collapsed_len(node->v.text.text, &commas);
        p->text_len += l;
        p->commas += commas;
        p->own_len += l;
        p->own_commas += commas;
        if (in_link) {
            p->link_len += l;
            p->own_link += l;
        }
        return;
    }
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT)
        return;
    if (node->type == GUMBO_NODE_ELEMENT && skip_node(node, c->lenient))
        return;
    /* absurd nesting (hostile or broken pages) would only exhaust the C stack */
    if (c->depth >= MAX_DEPTH)
        return;
    if (node->type == GUMBO_NODE_DOCUMENT) {
        for (unsigned i = 0; i < node->v.document.children.length; i++)
            score_tree(c, node->v.document.children.data[i], in_link);
        return;
    }
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 256;
        entry *ne = truce_arena_grow(c->a, c->e, c->n, cap, sizeof *ne);
        if (!ne) { c->oom = true; return; }
        c->e = ne;
        c->cap = cap;
    }
    if (c->depth == c->stack_cap) {
        size_t cap = c->stack_cap ? c->stack_cap * 2 : 64;
        size_t *ns = truce_arena_grow(c->a, c->stack, c->depth, cap, sizeof *ns);
        if (!ns) { c->oom = true; return; }
        c->stack = ns;
        c->stack_cap = cap;
    }
    size_t idx = c->n++;
    entry *e = &c->e[idx];
    memset(e, 0, sizeof *e);
    e->node = node;
    e->weight = class_weight(node);
    GumboTag t = node->v.element.tag;
    bool link = in_link || t == GUMBO_TAG_A;
    c->stack[c->depth++] = idx;
    const GumboVector *ch = &node->v.element.children;
    for (unsigned i = 0; i < ch->length && !c->oom; i++)
        score_tree(c, ch->data[i], link);
    c->depth--;
    if (c->oom)
        return;
    e = &c->e[idx];
    e->size = c->n - idx;
    if (t == GUMBO_TAG_P) e->n_p++;
    if (t == GUMBO_TAG_LI) e->n_li++;
    if (t == GUMBO_TAG_IMG) e->n_img++;
    if (t == GUMBO_TAG_INPUT) e->n_input++;
    if (heading_tag(t)) e->n_heading++;
    if (c->depth) {
        entry *p = &c->e[c->stack[c->depth - 1]];
        p->text_len += e->text_len;
        p->link_len += e->link_len;
        p->commas += e->commas;
        p->n_p += e->n_p;
        p->n_li += e->n_li;
        p->n_img += e->n_img;
        p->n_input += e->n_input;
        p->n_heading += e->n_heading;
        if (!block_tag(t)) {
            p->own_len += e->own_len;
            p->own_link += e->own_link;
            p->own_commas += e->own_commas;
        }
    }
    bool para = t == GUMBO_TAG_P || t == GUMBO_TAG_PRE || t == GUMBO_TAG_TD ||
                ((t == GUMBO_TAG_DIV || t == GUMBO_TAG_SECTION) && !has_block_child(node));
    /* Prose written straight into a container between its blocks (text and
     * <br>s in a div) counts as a paragraph of that container. */
    bool loose = !para && block_tag(t) && e->own_len >= 25 && e->own_link * 2 < e->own_len;
    if ((para && e->text_len >= 25 && c->depth) || loose) {
        size_t tl = para ? e->text_len : e->own_len;
        int commas = para ? e->commas : e->own_commas;
        double s = 1 + commas + (double)(tl / 100 > 3 ? 3 : tl / 100);
        if (loose)
            c->stack[c->depth++] = idx; /* the container itself takes the full share */
        for (size_t lv = 0; lv < 5 && lv < c->depth; lv++) {
            entry *anc = &c->e[c->stack[c->depth - 1 - lv]];
            GumboTag at = anc->node->v.element.tag;
            if (at == GUMBO_TAG_HTML)
                break;
            init_entry(anc);
            double div = lv == 0 ? 1 : lv == 1 ? 2 : (double)lv * 3;
            anc->score += s / div;
        }
        if (loose)
            c->depth--;
    }
}

static double link_density(const entry *e)
{
    return e->text_len ? (double)e->link_len / (double)e->text_len : 0;
}

/* ---- output pass --------------------------------------------------------- */

static bool push_para(ctx *c)
{
    /* drop trailing space */
    while (c->text.len > c->para_start && c->text.data[c->text.len - 1] == ' ')
        c->text.len--;
    if (c->text.len > c->para_start) {
        if (c->n_paras == c->paras_cap) {
            size_t cap = c->paras_cap ? c->paras_cap * 2 : 32;
            truce_paragraph *np = truce_arena_grow(c->a, c->paras, c->n_paras, cap, sizeof *np);
            if (!np)
                return false;
            c->paras = np;
            c->paras_cap = cap;
        }
        truce_paragraph *p = &c->paras[c->n_paras++];
        p->text.start = c->para_start;
        p->text.end = c->text.len;
        p->tag = c->para_tag ? c->para_tag : "p";
        truce_buf_puts(&c->text, "\n\n");
    }
    c->para_start = c->text.len;
    c->pending_space = false;
    c->para_tag = NULL;
    return !c->text.failed;
}

static void emit_text(ctx *c, const GumboNode *n)
{
    const char *s = n->v.text.text;
    size_t base = n->v.text.start_pos.offset;
    size_t olen = n->v.text.original_text.length;
    size_t slen = strlen(s);
    bool same = olen == slen && memcmp(n->v.text.original_text.data, s, slen) == 0;
    bool first = true;
    for (size_t i = 0; s[i]; i++) {
        unsigned char ch = (unsigned char)s[i];
        bool sp = isspace(ch);
        if (!sp && ch == 0xC2 && (unsigned char)s[i + 1] == 0xA0) { /* no-break space */
            sp = true;
            i++;
        }
        if (sp) {
            if (c->text.len > c->para_start)
                c->pending_space = true;
            continue;
        }
        if (c->pending_space) {
            truce_buf_putc(&c->text, ' ');
            c->pending_space = false;
        }
        if (same) {
            if (truce_offset_map_add(c->a, &c->inner, c->text.len, base + i, 0))
                c->oom = true;
        } else if (first) {
            if (truce_offset_map_add(c->a, &c->inner, c->text.len, base, olen ? olen : 1))
                c->oom = true;
        }
        first = false;
        truce_buf_putc(&c->text, (char)ch);
    }
}

/* Conditional cleaning: containers inside the article that look like lists
 * of links, image galleries or forms rather than prose. */
static bool drop_inside(const entry *e)
{
    GumboTag t = e->node->v.element.tag;
    /* a form around the whole page (some frameworks do that) holds prose */
    if (t == GUMBO_TAG_FORM)
        return e->n_p < 3 || e->n_input * 3 > e->n_p;
    if (t == GUMBO_TAG_P && e->text_len > 0 && link_density(e) > 0.8 && e->text_len < 200)
        return true;
    if (t != GUMBO_TAG_DIV && t != GUMBO_TAG_SECTION && t != GUMBO_TAG_UL && t != GUMBO_TAG_OL &&
        t != GUMBO_TAG_TABLE && t != GUMBO_TAG_DL)
        return false;
    if (e->weight < 0)
        return true;
    if (e->commas >= 10)
        return false;
    double ld = link_density(e);
    if (e->n_li > e->n_p && t != GUMBO_TAG_UL && t != GUMBO_TAG_OL && ld > 0.3)
        return true;
    if (e->n_input * 3 > e->n_p && e->n_input)
        return true;
    if (e->text_len < 25 && e->n_img != 1 && e->n_p == 0)
        return ld > 0.9; /* a lone button or link row; short plain text stays */ /* small: let inline pieces through, they rarely matter */
    if (e->weight < 25 && ld > 0.2)
        return true;
    if (e->weight >= 25 && ld > 0.5)
        return true;
    return false;
}

static void emit_tree(ctx *c, size_t idx, bool top)
{
    entry *e = &c->e[idx];
    GumboNode *node = e->node;
    if (!top && drop_inside(e))
        return;
    GumboTag t = node->v.element.tag;
    bool block = block_tag(t);
    if (block && !push_para(c))
        c->oom = true;
    if (block && t != GUMBO_TAG_BR && t != GUMBO_TAG_DIV)
        c->para_tag = gumbo_normalized_tagname(t);
    size_t child = idx + 1;
    const GumboVector *ch = &node->v.element.children;
    for (unsigned i = 0; i < ch->length && !c->oom; i++) {
        GumboNode *k = ch->data[i];
        if (k->type == GUMBO_NODE_TEXT || k->type == GUMBO_NODE_CDATA) {
            emit_text(c, k);
        } else if (k->type == GUMBO_NODE_WHITESPACE) {
            if (c->text.len > c->para_start)
                c->pending_space = true;
        } else if (k->type == GUMBO_NODE_ELEMENT && child < idx + e->size &&
                   c->e[child].node == k) {
            emit_tree(c, child, false);
            child += c->e[child].size;
        }
    }
    if (block && !push_para(c))
        c->oom = true;
}

/* ---- metadata ------------------------------------------------------------ */

typedef struct meta {
    const char *title, *og_title, *author, *site, *canonical, *og_url, *lang, *locale;
    char date[11];
    const char *date_basis;
    int date_rank;        /* lower is better */
} meta;

static void set_date(meta *m, const char *value, const char *basis, int rank)
{
    char d[11];
    if (rank >= m->date_rank || !html_date_iso(value, d))
        return;
    memcpy(m->date, d, 11);
    m->date_basis = basis;
    m->date_rank = rank;
}

static const char *node_text(truce_arena *a, const GumboNode *n)
{
    if (n->v.element.children.length == 0)
        return NULL;
    const GumboNode *t = n->v.element.children.data[0];
    if (t->type != GUMBO_NODE_TEXT)
        return NULL;
    return truce_arena_strdup(a, t->v.text.text);
}

static void jsonld_date(meta *m, const char *s)
{
    const char *p = strstr(s, "\"datePublished\"");
    if (!p)
        return;
    p += 15;
    while (*p == ' ' || *p == ':' || *p == '\n' || *p == '\t' || *p == '\r')
        p++;
    if (*p != '"')
        return;
    char v[64];
    size_t k = 0;
    for (p++; *p && *p != '"' && k < sizeof v - 1; p++)
        v[k++] = *p;
    v[k] = 0;
    set_date(m, v, "json-ld datePublished", 1);
}

static void walk_meta(truce_arena *a, meta *m, const GumboNode *n, size_t depth)
{
    if (n->type != GUMBO_NODE_ELEMENT || depth >= MAX_DEPTH)
        return;
    GumboTag t = n->v.element.tag;
    if (t == GUMBO_TAG_HTML) {
        const char *l = attr(n, "lang");
        if (l && *l)
            m->lang = l;
    } else if (t == GUMBO_TAG_TITLE && !m->title) {
        m->title = node_text(a, n);
    } else if (t == GUMBO_TAG_META) {
        const char *he = attr(n, "http-equiv");
        if (he && !strcasecmp(he, "content-language") && attr(n, "content") && !m->locale)
            m->locale = attr(n, "content");
        const char *k = attr(n, "property");
        if (!k) k = attr(n, "name");
        if (!k) k = attr(n, "itemprop");
        const char *v = attr(n, "content");
        if (k && v) {
            if (!strcasecmp(k, "og:title")) m->og_title = v;
            else if (!strcasecmp(k, "og:locale") && !m->locale) m->locale = v;
            else if (!strcasecmp(k, "og:site_name")) m->site = v;
            else if (!strcasecmp(k, "og:url")) m->og_url = v;
            else if (!strcasecmp(k, "author") && strncmp(v, "http", 4)) m->author = v;
            else if ((!strcasecmp(k, "article:author") || !strcasecmp(k, "byl")) && !m->author &&
                     strncmp(v, "http", 4)) m->author = v;
            else if (!strcasecmp(k, "article:published_time"))
                set_date(m, v, "meta article:published_time", 0);
            else if (!strcasecmp(k, "og:published_time") || !strcasecmp(k, "datePublished"))
                set_date(m, v, "meta datePublished", 2);
            else if (!strcasecmp(k, "pubdate") || !strcasecmp(k, "publishdate") ||
                     !strcasecmp(k, "date") || !strcasecmp(k, "dc.date") ||
                     !strcasecmp(k, "dc.date.issued") || !strcasecmp(k, "dcterms.created") ||
                     !strcasecmp(k, "parsely-pub-date") || !strcasecmp(k, "sailthru.date"))
                set_date(m, v, "meta date", 3);
        }
    } else if (t == GUMBO_TAG_LINK) {
        const char *rel = attr(n, "rel");
        if (rel && !strcasecmp(rel, "canonical") && attr(n, "href"))
            m->canonical = attr(n, "href");
    } else if (t == GUMBO_TAG_SCRIPT) {
        const char *ty = attr(n, "type");
        if (ty && !strcasecmp(ty, "application/ld+json") && n->v.element.children.length) {
            const GumboNode *c = n->v.element.children.data[0];
            if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA)
                jsonld_date(m, c->v.text.text);
        }
        return;
    } else if (t == GUMBO_TAG_TIME) {
        const char *dt = attr(n, "datetime");
        if (dt)
            set_date(m, dt, "time element", 4);
    }
    const GumboVector *ch = &n->v.element.children;
    for (unsigned i = 0; i < ch->length; i++)
        walk_meta(a, m, ch->data[i], depth + 1);
}

static char *trim_dup(truce_arena *a, const char *s)
{
    if (!s)
        return NULL;
    while (isspace((unsigned char)*s))
        s++;
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    return n ? truce_arena_strndup(a, s, n) : NULL;
}

/* ---- entry point --------------------------------------------------------- */

/* Composes article->utf8 with utf8->raw. Unlike a start-only composition it
 * splits each linear article segment wherever the utf8->raw map changes
 * pace (a multibyte character decoded from one raw byte), so offsets deep
 * inside a paragraph still land on the right raw byte. */
static int compose(truce_arena *a, const truce_offset_map *inner, size_t text_len,
                   const truce_offset_map *outer, truce_offset_map *out)
{
    memset(out, 0, sizeof *out);
    out->raw_len = outer->raw_len;
    size_t j = 0;
    for (size_t i = 0; i < inner->n; i++) {
        const truce_offset_seg *s = &inner->segs[i];
        size_t t0 = s->text_off;
        size_t t1 = i + 1 < inner->n ? inner->segs[i + 1].text_off : text_len;
        size_t u0 = s->raw_off;
        if (s->raw_len) {
            truce_span sp = { u0, u0 + s->raw_len };
            truce_span r = truce_offset_span_to_raw(outer, sp);
            if (truce_offset_map_add(a, out, t0, r.start, r.end > r.start ? r.end - r.start : 1))
                return TRUCE_ENOMEM;
            continue;
        }
        /* outer segment holding u0 (inner segments come in increasing utf8 order
         * mostly, but not always: restart the search when they go back) */
        if (j >= outer->n || outer->segs[j].text_off > u0)
            j = 0;
        while (j + 1 < outer->n && outer->segs[j + 1].text_off <= u0)
            j++;
        size_t t = t0;
        while (t < t1) {
            size_t u = u0 + (t - t0);
            while (j + 1 < outer->n && outer->segs[j + 1].text_off <= u)
                j++;
            const truce_offset_seg *o = &outer->segs[j];
            size_t oend = j + 1 < outer->n ? outer->segs[j + 1].text_off : (size_t)-1;
            size_t run = oend - u < t1 - t ? oend - u : t1 - t;
            if (o->raw_len) {
                if (truce_offset_map_add(a, out, t, o->raw_off, o->raw_len))
                    return TRUCE_ENOMEM;
            } else if (truce_offset_map_add(a, out, t, o->raw_off + (u - o->text_off), 0)) {
                return TRUCE_ENOMEM;
            }
            t += run;
        }
    }
    return TRUCE_OK;
}

static int finish(ctx *c, const html_utf8 *u, truce_article *out, truce_error *err)
{
    if (c->oom || c->text.failed)
        return truce_error_set(err, TRUCE_ENOMEM, NULL, -1, "out of memory");
    size_t len = c->text.len;
    while (len && c->text.data[len - 1] == '\n')
        len--;
    out->text = truce_arena_strndup(c->a, c->text.data ? c->text.data : "", len);
    if (!out->text)
        return truce_error_set(err, TRUCE_ENOMEM, NULL, -1, "out of memory");
    out->text_len = len;
    c->inner.raw_len = u->len;
    if (u->identity) {
        out->map = c->inner;
    } else if (compose(c->a, &c->inner, len, &u->map, &out->map)) {
        return truce_error_set(err, TRUCE_ENOMEM, NULL, -1, "out of memory");
    }
    out->map.raw_len = u->identity ? u->len : u->map.raw_len;
    out->paragraphs = c->paras;
    out->n_paragraphs = c->n_paras;
    for (size_t i = 0; i < c->n_paras; i++)
        c->paras[i].source = truce_offset_span_to_raw(&out->map, c->paras[i].text);
    return TRUCE_OK;
}

static size_t pick_top(ctx *c)
{
    size_t best = (size_t)-1;
    double best_s = 0;
    for (size_t i = 0; i < c->n; i++) {
        entry *e = &c->e[i];
        if (!e->inited)
            continue;
        GumboTag t = e->node->v.element.tag;
        if (t == GUMBO_TAG_BODY || t == GUMBO_TAG_HTML)
            continue;
        e->score *= 1 - link_density(e);
        if (best == (size_t)-1 || e->score > best_s) {
            best = i;
            best_s = e->score;
        }
    }
    return best;
}

static size_t parent_entry(ctx *c, size_t idx)
{
    for (size_t j = idx; j-- > 0;)
        if (j + c->e[j].size > idx)
            return j;
    return (size_t)-1;
}

/* Same first class name: "block-text" and "block-text block-text_first"
 * are the same kind of block with a modifier. */
static bool same_first_class(const char *a, const char *b)
{
    while (*a == ' ')
        a++;
    while (*b == ' ')
        b++;
    size_t i = 0;
    while (a[i] && a[i] != ' ' && a[i] == b[i])
        i++;
    return i > 0 && (a[i] == 0 || a[i] == ' ') && (b[i] == 0 || b[i] == ' ');
}

static void extract_body(ctx *c, GumboOutput *g)
{
    score_tree(c, g->document, false);
    size_t top = c->oom ? (size_t)-1 : pick_top(c);
    if (!c->oom && top != (size_t)-1) {
        /* Several strong candidates outside the top one: the article is split
         * into sections, so take the nearest ancestor holding most of them. */
        size_t alt[8], n_alt = 0;
        double ts = c->e[top].score;
        for (size_t i = 0; i < c->n && n_alt < 8; i++) {
            entry *e = &c->e[i];
            if (!e->inited || i == top || e->score < ts * 0.75)
                continue;
            GumboTag t = e->node->v.element.tag;
            if (t == GUMBO_TAG_BODY || t == GUMBO_TAG_HTML)
                continue;
            bool inside = (i > top && i < top + c->e[top].size) || (top > i && top < i + e->size);
            if (!inside)
                alt[n_alt++] = i;
        }
        if (n_alt >= 2) {
            size_t need = n_alt < 3 ? n_alt : 3;
            for (size_t anc = parent_entry(c, top); anc != (size_t)-1; anc = parent_entry(c, anc)) {
                if (c->e[anc].node->v.element.tag == GUMBO_TAG_BODY)
                    break;
                size_t k = 0;
                for (size_t q = 0; q < n_alt; q++)
                    if (alt[q] > anc && alt[q] < anc + c->e[anc].size)
                        k++;
                if (k >= need) {
                    top = anc;
                    break;
                }
            }
        }
        double thresh = c->e[top].score * 0.2 > 10 ? c->e[top].score * 0.2 : 10;
        size_t par = parent_entry(c, top);
        size_t lo = par == (size_t)-1 ? top : par + 1;
        size_t hi = par == (size_t)-1 ? top + 1 : par + c->e[par].size;
        const char *cls = attr(c->e[top].node, "class");
        GumboTag ttag = c->e[top].node->v.element.tag;
        for (size_t j = 0; j < c->n && !c->oom;) {
            entry *s = &c->e[j];
            bool take = false;
            if (j >= lo && j < hi) {
                /* the top container and its good siblings */
                take = j == top;
                if (!take && s->inited && s->score >= thresh && s->weight >= 0)
                    take = true;
                if (!take && s->node->v.element.tag == GUMBO_TAG_P && s->text_len > 80 &&
                    link_density(s) < 0.25)
                    take = true;
            } else if (cls && *cls && s->inited && s->score >= thresh &&
                       s->node->v.element.tag == ttag) {
                /* a twin of the top container elsewhere (same tag and class):
                 * pages that cut one article into chunks between ad slots */
                const char *sc = attr(s->node, "class");
                take = sc && same_first_class(sc, cls) && !(top > j && top < j + s->size);
            }
            if (take) {
                emit_tree(c, j, j == top);
                j += s->size;
            } else if (j >= lo && j < hi) {
                j += s->size;
            } else {
                j++;
            }
        }
        push_para(c);
    }

}

int truce_clean_html(truce_arena *a, const unsigned char *html, size_t len, const char *charset,
                     const char *url, truce_article *out, truce_error *err)
{
    memset(out, 0, sizeof *out);
    if (!html || len == 0)
        return truce_error_set(err, TRUCE_EINPUT, url, -1, "empty page");
    if (len > UINT32_MAX)
        return truce_error_set(err, TRUCE_EINPUT, url, -1, "page too large");
    html_utf8 u;
    int rc = html_to_utf8(a, html, len, charset, &u, err);
    if (rc) {
        if (err && url)
            snprintf(err->doc, sizeof err->doc, "%s", url);
        return rc;
    }
    out->charset = u.charset;
    GumboOutput *g = gumbo_parse_with_options(&kGumboDefaultOptions, u.data, u.len);
    if (!g)
        return truce_error_set(err, TRUCE_ENOMEM, url, -1, "HTML parser failed");

    ctx c;
    memset(&c, 0, sizeof c);
    c.a = a;
    c.utf8 = u.data;
    truce_buf_init(&c.text);

    meta m;
    memset(&m, 0, sizeof m);
    m.date_rank = 100;
    walk_meta(a, &m, g->root, 0);

    extract_body(&c, g);
    if (!c.oom && c.text.len < 200) {
        /* Nothing found with furniture skipped: pages that wrap the whole
         * body in a container with a furniture-like name need a second try. */
        ctx c2;
        memset(&c2, 0, sizeof c2);
        c2.a = a;
        c2.utf8 = u.data;
        c2.lenient = true;
        truce_buf_init(&c2.text);
        extract_body(&c2, g);
        if (c2.oom || c2.text.len > c.text.len) {
            truce_buf_free(&c.text);
            c = c2;
        } else {
            truce_buf_free(&c2.text);
        }
    }
    rc = finish(&c, &u, out, err);
    /* metadata */
    if (!rc) {
        const char *title = m.og_title ? m.og_title : m.title;
        out->title = trim_dup(a, title);
        out->author = trim_dup(a, m.author);
        out->site_name = trim_dup(a, m.site);
        out->url = trim_dup(a, m.canonical ? m.canonical : m.og_url ? m.og_url : url);
        out->lang = trim_dup(a, m.lang ? m.lang : m.locale);
        /* og:locale writes en_GB; BCP 47 wants en-GB */
        for (char *p = (char *)out->lang; p && *p; p++)
            if (*p == '_')
                *p = '-';
        char d[11];
        if (m.date_rank < 100) {
            out->published = truce_arena_strndup(a, m.date, 10);
            out->published_basis = m.date_basis;
        } else if (html_date_from_url(url, d) || html_date_from_url(out->url, d)) {
            out->published = truce_arena_strndup(a, d, 10);
            out->published_basis = "url";
        } else if (out->text_len) {
            char head[400];
            size_t n = out->text_len < sizeof head - 1 ? out->text_len : sizeof head - 1;
            memcpy(head, out->text, n);
            head[n] = 0;
            if (html_date_iso(head, d)) {
                out->published = truce_arena_strndup(a, d, 10);
                out->published_basis = "dateline";
            }
        }
    }
    gumbo_destroy_output(&kGumboDefaultOptions, g);
    truce_buf_free(&c.text);
    if (rc)
        return rc;
    if (out->text_len < 80 || out->n_paragraphs == 0)
        return truce_error_set(err, TRUCE_EINPUT, url, -1,
                               "no article found: %zu characters of body text", out->text_len);
    return TRUCE_OK;
}
