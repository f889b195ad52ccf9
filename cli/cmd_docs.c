/* cli/cmd_docs.c: `truce docs` and `truce show`: what the store holds. */
#include <string.h>

#include "cli_util.h"
#include "commands.h"

static const char DOCS_HELP[] =
    "usage: truce docs [--db FILE] [--json]\n"
    "\n"
    "Lists stored documents: id (first 12 hex digits), published date, source, sentences,\n"
    "skipped regions, mentions, events, bytes, path or URL. --json prints one object a line,\n"
    "with the published date's basis (metadata, or how it was inferred from the text) and\n"
    "precision (day, or year when only a copyright year gave it).\n";

typedef struct docs_ctx {
    bool json;
    size_t n;
} docs_ctx;

static int print_doc(void *ctx, const truce_doc_summary *d)
{
    docs_ctx *c = ctx;
    c->n++;
    if (c->json) {
        truce_buf b;
        truce_buf_init(&b);
        truce_buf_printf(&b, "{\"id\":\"%s\",\"path\":", d->id);
        if (d->path) truce_buf_json_string(&b, d->path, strlen(d->path)); else truce_buf_puts(&b, "null");
        truce_buf_puts(&b, ",\"url\":");
        if (d->url) truce_buf_json_string(&b, d->url, strlen(d->url)); else truce_buf_puts(&b, "null");
        truce_buf_puts(&b, ",\"source\":");
        if (d->source) truce_buf_json_string(&b, d->source, strlen(d->source)); else truce_buf_puts(&b, "null");
        truce_buf_puts(&b, ",\"published_basis\":");
        if (d->published_basis)
            truce_buf_json_string(&b, d->published_basis, strlen(d->published_basis));
        else
            truce_buf_puts(&b, "null");
        truce_buf_puts(&b, ",\"published_precision\":");
        if (d->published)
            truce_buf_printf(&b, "\"%s\"",
                             truce_date_precision_name(truce_read_infer_precision(d->published_basis)));
        else
            truce_buf_puts(&b, "null");
        truce_buf_printf(&b, ",\"published\":%s%s%s,\"format\":\"%s\",\"bytes\":%zu,\"sentences\":%zu,\"skipped_regions\":%zu,\"mentions\":%zu,\"events\":%zu}\n",
                         d->published ? "\"" : "", d->published ? d->published : "null", d->published ? "\"" : "",
                         d->format ? d->format : "?", d->bytes, d->sentences, d->regions, d->mentions, d->events);
        fwrite(b.data, 1, b.len, stdout);
        truce_buf_free(&b);
    } else {
        printf("%.12s  %-10s  %-24.24s %5zu %4zu %5zu %4zu %8zu  %s\n", d->id, d->published ? d->published : "-",
               d->source ? d->source : "-", d->sentences, d->regions, d->mentions, d->events, d->bytes,
               d->path ? d->path : d->url ? d->url : "");
    }
    return 0;
}

int truce_cmd_docs(int argc, char **argv)
{
    if (cli_wants_help(argc, argv)) {
        fputs(DOCS_HELP, stdout);
        return 0;
    }
    const char *db = cli_default_db();
    docs_ctx c = { false, 0 };
    for (int i = 1; i < argc; i++) {
        if (cli_opt(argc, argv, &i, "--db", &db))
            continue;
        if (!strcmp(argv[i], "--json")) {
            c.json = true;
            continue;
        }
        fprintf(stderr, "truce docs: unknown argument %s\n%s", argv[i], DOCS_HELP);
        return EXIT_USAGE;
    }
    truce_store *s;
    int rc = cli_open_store(db, &s);
    if (rc)
        return rc;
    if (!c.json)
        printf("%-12s  %-10s  %-24s %5s %4s %5s %4s %8s  %s\n", "id", "published", "source", "sents", "skip",
               "ments", "evts", "bytes", "path");
    truce_error err;
    truce_error_clear(&err);
    rc = truce_store_list_docs(s, print_doc, &c, &err);
    truce_store_close(s);
    if (rc) {
        cli_error("docs", &err);
        return EXIT_FATAL;
    }
    fprintf(stderr, "truce docs: %zu documents\n", c.n);
    return 0;
}

static const char SHOW_HELP[] =
    "usage: truce show [--db FILE] [--mentions] DOC\n"
    "\n"
    "Prints a stored document's text with each sentence in [[...]] and its index,\n"
    "and skipped furniture in {{skipped: reason| ... }}. DOC is an id, an id prefix\n"
    "(6+ hex digits), a path or a file name. --mentions also lists the dates, numbers,\n"
    "places and actors read, with their byte spans in the text and their basis.\n";

static int print_mention(void *ctx, const truce_stored_mention *m)
{
    (void)ctx;
    printf("%-6s %6zu-%-6zu %-30.30s %s%s%s\n", m->kind, m->span.start, m->span.end, m->text, m->value_json,
           m->basis ? "  basis: " : "", m->basis ? m->basis : "");
    return 0;
}

int truce_cmd_show(int argc, char **argv)
{
    if (cli_wants_help(argc, argv)) {
        fputs(SHOW_HELP, stdout);
        return 0;
    }
    const char *db = cli_default_db(), *key = NULL;
    bool mentions = false;
    for (int i = 1; i < argc; i++) {
        if (cli_opt(argc, argv, &i, "--db", &db))
            continue;
        if (!strcmp(argv[i], "--mentions")) {
            mentions = true;
            continue;
        }
        if (argv[i][0] == '-' || key) {
            fprintf(stderr, "truce show: unexpected argument %s\n%s", argv[i], SHOW_HELP);
            return EXIT_USAGE;
        }
        key = argv[i];
    }
    if (!key) {
        fprintf(stderr, "truce show: no DOC given\n%s", SHOW_HELP);
        return EXIT_USAGE;
    }
    truce_store *s;
    int rc = cli_open_store(db, &s);
    if (rc)
        return rc;
    truce_arena *a = truce_arena_new(0);
    truce_stored_doc d;
    truce_error err;
    truce_error_clear(&err);
    if (!a || truce_store_get_doc(s, a, key, &d, &err) != TRUCE_OK) {
        cli_error("show", &err);
        truce_arena_free(a);
        truce_store_close(s);
        return err.code == TRUCE_ENOTFOUND ? EXIT_NOTFOUND : EXIT_FATAL;
    }
    const truce_document *doc = &d.doc;
    fprintf(stderr, "# %s  %s  source: %s  published: %s (%s)  encoding: %s  %zu sentences, %zu skipped regions\n",
            doc->id, doc->meta.path ? doc->meta.path : doc->meta.url ? doc->meta.url : "",
            doc->meta.source ? doc->meta.source : "-", doc->meta.published ? doc->meta.published : "-",
            doc->published_basis ? doc->published_basis : "-", doc->encoding ? doc->encoding : "-",
            d.sentences.n, d.skipped.n);
    size_t si = 0, ri = 0;
    for (size_t i = 0; i <= doc->text_len; i++) {
        /* closing marks first, then opening marks, at each offset */
        if (si < d.sentences.n && d.sentences.items[si].span.end == i) {
            fputs("]]", stdout);
            si++;
        }
        if (ri < d.skipped.n && d.skipped.items[ri].span.end == i) {
            fputs("}}", stdout);
            ri++;
        }
        if (ri < d.skipped.n && d.skipped.items[ri].span.start == i)
            printf("{{skipped: %s| ", d.skipped.items[ri].reason);
        if (si < d.sentences.n && d.sentences.items[si].span.start == i)
            printf("[[%zu| ", si);
        if (i < doc->text_len)
            putchar(doc->text[i]);
    }
    putchar('\n');
    if (mentions) {
        puts("\n# mentions: kind start-end text value basis");
        truce_store_doc_mentions(s, doc->id, print_mention, NULL, &err);
    }
    truce_arena_free(a);
    truce_store_close(s);
    return 0;
}
