/*
 * bench/geo/run_geo.c: feeds documents to the place reader for bench/geo.sh.
 * Input on stdin: for each document a line with its byte length, then the
 * bytes. Output: "DOC n" then one "start<TAB>end<TAB>lat<TAB>lon" line per
 * place mention; to stderr one line "docs bytes mentions seconds open_ms":
 * CPU time (user+sys, this process) of the reader alone and of opening the
 * gazetteer. A bench tool: it may print and exit.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "truce/read.h"

int main(int argc, char **argv)
{
    truce_gazetteer *g = NULL;
    truce_error err;
    truce_error_clear(&err);
    struct timespec o0, o1;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &o0);
    int orc = truce_gazetteer_open(argc > 1 ? argv[1] : NULL, &g, &err);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &o1);
    double open_ms = ((double)(o1.tv_sec - o0.tv_sec) + (double)(o1.tv_nsec - o0.tv_nsec) / 1e9) * 1e3;
    if (orc != TRUCE_OK) {
        fprintf(stderr, "run_geo: %s\n", err.msg);
        return 77;
    }
    truce_arena *a = truce_arena_new(1 << 20);
    if (!a) return 1;
    size_t docs = 0, bytes = 0, mentions = 0;
    double secs = 0;
    size_t n;
    while (scanf("%zu", &n) == 1) {
        getchar();
        char *text = malloc(n + 1);
        if (!text || fread(text, 1, n, stdin) != n) return 1;
        text[n] = 0;
        truce_place_list l;
        struct timespec t0, t1;
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
        int rc = truce_read_places(a, g, text, n, NULL, &l, &err);
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
        secs += (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
        printf("DOC %zu\n", docs);
        if (rc == TRUCE_OK)
            for (size_t i = 0; i < l.n; i++)
                printf("%zu\t%zu\t%.5f\t%.5f\n", l.items[i].span.start, l.items[i].span.end,
                       l.items[i].lat, l.items[i].lon);
        docs++;
        bytes += n;
        mentions += rc == TRUCE_OK ? l.n : 0;
        truce_arena_reset(a);
        free(text);
    }
    fprintf(stderr, "%zu %zu %zu %.6f %.1f\n", docs, bytes, mentions, secs, open_ms);
    truce_arena_free(a);
    truce_gazetteer_close(g);
    return 0;
}
