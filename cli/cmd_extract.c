/*
 * cli/cmd_extract.c: `truce extract FILE` and `truce extract --benchmark DIR`.
 * Owns printing JSON; pages are read by truce_ingest_read_file. Must not
 * decide anything about the article itself: that is truce_clean_html's job.
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


#include "commands.h"
#include "truce/clean.h"
#include "truce/ingest.h"

/* Reads a page (gzip or plain); reports why it could not on stderr. */
static unsigned char *read_all(const char *path, size_t *len)
{
    unsigned char *raw = NULL;
    truce_error err;
    truce_error_clear(&err);
    if (truce_ingest_read_file(path, TRUCE_DEFAULT_MAX_BYTES, &raw, len, &err) != TRUCE_OK) {
        fprintf(stderr, "truce extract: %s: %s\n", path, err.msg);
        return NULL;
    }
    return raw;
}

static void put_span(truce_buf *b, const char *key, size_t v)
{
    truce_buf_printf(b, ",\"%s\":%zu", key, v);
}

static void put_field(truce_buf *b, const char *key, const char *v, bool comma)
{
    if (comma)
        truce_buf_putc(b, ',');
    truce_buf_json_string(b, key, strlen(key));
    truce_buf_putc(b, ':');
    truce_buf_json_text(b, v);
}

static int extract_one(const char *path)
{
    size_t len = 0;
    unsigned char *raw = read_all(path, &len);
    if (!raw)
        return EXIT_SOME_FAILED;
    truce_arena *a = truce_arena_new(1 << 16);
    if (!a) {
        free(raw);
        return EXIT_FATAL;
    }
    truce_article art;
    truce_error err;
    truce_error_clear(&err);
    int rc = truce_clean_html(a, raw, len, NULL, NULL, &art, &err);
    int status = EXIT_OK_;
    if (rc) {
        fprintf(stderr, "truce extract: %s: %s\n", path, err.msg);
        status = rc == TRUCE_ENOMEM ? EXIT_FATAL : EXIT_SOME_FAILED;
    } else {
        truce_buf b;
        truce_buf_init(&b);
        truce_buf_putc(&b, '{');
        put_field(&b, "title", art.title, false);
        put_field(&b, "date", art.published, true);
        put_field(&b, "date_basis", art.published_basis, true);
        put_field(&b, "author", art.author, true);
        put_field(&b, "site", art.site_name, true);
        put_field(&b, "url", art.url, true);
        put_field(&b, "lang", art.lang, true);
        put_field(&b, "charset", art.charset, true);
        truce_buf_puts(&b, ",\"text\":");
        truce_buf_json_string(&b, art.text, art.text_len);
        truce_buf_puts(&b, ",\"paragraphs\":[");
        for (size_t i = 0; i < art.n_paragraphs; i++) {
            const truce_paragraph *p = &art.paragraphs[i];
            truce_buf_puts(&b, i ? ",{" : "{");
            put_field(&b, "tag", p->tag, false);
            truce_buf_puts(&b, ",\"text\":");
            truce_buf_json_string(&b, art.text + p->text.start, p->text.end - p->text.start);
            put_span(&b, "start", p->text.start);
            put_span(&b, "end", p->text.end);
            put_span(&b, "source_start", p->source.start);
            put_span(&b, "source_end", p->source.end);
            truce_buf_putc(&b, '}');
        }
        truce_buf_puts(&b, "]}\n");
        if (b.failed) {
            status = EXIT_FATAL;
            fprintf(stderr, "truce extract: out of memory\n");
        } else {
            fwrite(b.data, 1, b.len, stdout);
        }
        truce_buf_free(&b);
    }
    truce_arena_free(a);
    free(raw);
    return status;
}

static int cmp_str(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

static int benchmark(const char *dir)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/html", dir);
    DIR *d = opendir(path);
    if (!d) {
        fprintf(stderr, "truce extract: cannot open %s\n", path);
        return EXIT_USAGE;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        size_t l = strlen(de->d_name);
        if (l <= 8 || strcmp(de->d_name + l - 8, ".html.gz") != 0)
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 256;
            char **nn = realloc(names, cap * sizeof *nn);
            if (!nn)
                break;
            names = nn;
        }
        names[n] = strdup(de->d_name);
        if (names[n])
            n++;
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_str);
    int status = EXIT_OK_;
    truce_arena *a = truce_arena_new(1 << 20);
    if (!a)
        return EXIT_FATAL;
    fputs("{", stdout);
    for (size_t i = 0; i < n; i++) {
        snprintf(path, sizeof path, "%s/html/%s", dir, names[i]);
        size_t len = 0;
        unsigned char *raw = read_all(path, &len);
        truce_article art;
        truce_error err;
        truce_error_clear(&err);
        memset(&art, 0, sizeof art);
        int rc = raw ? truce_clean_html(a, raw, len, NULL, NULL, &art, &err) : TRUCE_EIO;
        if (rc) {
            if (raw) /* read_all already said why it could not read */
                fprintf(stderr, "truce extract: %s: %s\n", names[i], err.msg);
            status = EXIT_SOME_FAILED;
        }
        truce_buf b;
        truce_buf_init(&b);
        truce_buf_json_string(&b, names[i], strlen(names[i]) - 8);
        truce_buf_puts(&b, ":{\"articleBody\":");
        truce_buf_json_string(&b, art.text ? art.text : "", art.text ? art.text_len : 0);
        truce_buf_puts(&b, "}");
        if (i)
            fputs(",\n", stdout);
        fwrite(b.data, 1, b.len, stdout);
        truce_buf_free(&b);
        truce_arena_reset(a);
        free(raw);
        free(names[i]);
    }
    fputs("}\n", stdout);
    free(names);
    truce_arena_free(a);
    return status;
}

static const char EXTRACT_HELP[] =
    "usage: truce extract FILE[.gz]\n"
    "       truce extract --benchmark DIR   (DIR/html/*.html.gz -> JSON)\n"
    "\n"
    "Prints the article extracted from an HTML page as JSON: title, date (with its\n"
    "basis), author, site, url, lang, charset, text, and paragraphs with their spans in\n"
    "the text and in the original HTML bytes. --benchmark prints the ScrapingHub\n"
    "benchmark's prediction format for every page in DIR/html.\n";

int truce_cmd_extract(int argc, char **argv)
{
    if (argc == 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        fputs(EXTRACT_HELP, stdout);
        return 0;
    }
    if (argc == 3 && strcmp(argv[1], "--benchmark") == 0)
        return benchmark(argv[2]);
    if (argc == 2 && argv[1][0] != '-')
        return extract_one(argv[1]);
    fputs(EXTRACT_HELP, stderr);
    return EXIT_USAGE;
}
