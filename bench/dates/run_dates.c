/*
 * bench/dates/run_dates.c: runs the date reader over a batch of documents
 * for bench/dates.sh. Input (file argv[1]): records "DOC <reference|-> <n>\n"
 * followed by n bytes of text. Output: one "M" line per mention, then a "T"
 * line with the CPU seconds spent reading (sentences + dates), the bytes
 * read and the mention count, and an "N" line with the CPU seconds and count
 * of the number reader on the same texts, each the best of several passes.
 * Timing covers library calls only, never file I/O.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "truce/read.h"

typedef struct doc {
    char ref[64];
    char *text;
    size_t len;
} doc;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: run_dates FILE\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    doc *docs = NULL;
    size_t n = 0, cap = 0, bytes = 0;
    char line[256];
    while (fgets(line, sizeof line, f)) {
        char ref[64];
        size_t len;
        if (sscanf(line, "DOC %63s %zu", ref, &len) != 2)
            break;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            docs = realloc(docs, cap * sizeof *docs);
            if (!docs)
                return 1;
        }
        docs[n].text = malloc(len + 1);
        if (!docs[n].text || fread(docs[n].text, 1, len, f) != len)
            return 1;
        docs[n].text[len] = 0;
        docs[n].len = len;
        snprintf(docs[n].ref, sizeof docs[n].ref, "%s", strcmp(ref, "-") ? ref : "");
        bytes += len;
        n++;
    }
    fclose(f);
    double best = 1e30, nbest = 1e30;
    size_t mentions = 0, numbers = 0;
    for (int pass = 0; pass < 10; pass++) {
        double t = 0, nt = 0;
        mentions = numbers = 0;
        for (size_t i = 0; i < n; i++) {
            truce_arena *a = truce_arena_new(1 << 16);
            truce_error e;
            truce_sentence_list s = {NULL, 0};
            truce_date_list dl = {NULL, 0};
            double t0 = now();
            /* a document without a date gets one from its text, as in the
             * pipeline (truce_process) */
            char inferred[11];
            const char *ref = docs[i].ref[0] ? docs[i].ref : NULL, *basis = NULL;
            if (!ref && truce_read_infer_date(a, docs[i].text, docs[i].len, inferred, &basis,
                                              &e) == TRUCE_OK)
                ref = inferred;
            if (ref == inferred && truce_read_infer_precision(basis) == TRUCE_DATE_YEAR)
                inferred[4] = 0; /* a year reference, as in the pipeline */
            if (truce_read_sentences(a, docs[i].text, docs[i].len, &s, &e) != TRUCE_OK)
                s.n = 0;
            int rc = truce_read_dates(a, docs[i].text, docs[i].len, &s, ref, &dl, &e);
            t += now() - t0;
            if (rc != TRUCE_OK) {
                fprintf(stderr, "doc %zu: %s\n", i, e.msg);
                return 1;
            }
            truce_number_list nl = {NULL, 0};
            t0 = now();
            rc = truce_read_numbers(a, docs[i].text, docs[i].len, &s, &nl, &e);
            nt += now() - t0;
            if (rc != TRUCE_OK) {
                fprintf(stderr, "doc %zu: %s\n", i, e.msg);
                return 1;
            }
            numbers += nl.n;
            if (pass == 0) /* the number reader's results, for comparing builds */
                for (size_t j = 0; j < nl.n; j++) {
                    const truce_number_mention *u = &nl.items[j];
                    printf("U\t%zu\t%zu\t%zu\t%.15g\t%.15g\t%s\t%s\n", i, u->span.start,
                           u->span.end, u->value, u->value_max, truce_bound_name(u->bound),
                           u->what ? u->what : "-");
                }
            mentions += dl.n;
            if (pass == 0)
                for (size_t j = 0; j < dl.n; j++) {
                    const truce_date_mention *d = &dl.items[j];
                    printf("M\t%zu\t%zu\t%zu\t%s\t%s\t%s\t%d\t%s\t%s\n", i, d->span.start,
                           d->span.end, d->start[0] ? d->start : "-", d->end[0] ? d->end : "-",
                           truce_date_precision_name(d->precision), d->is_duration ? 1 : 0,
                           d->basis ? d->basis : "", d->time);
                }
            truce_arena_free(a);
        }
        if (t < best)
            best = t;
        if (nt < nbest)
            nbest = nt;
    }
    printf("T\t%.6f\t%zu\t%zu\n", best, bytes, mentions);
    printf("N\t%.6f\t%zu\n", nbest, numbers);
    for (size_t i = 0; i < n; i++)
        free(docs[i].text);
    free(docs);
    return 0;
}
