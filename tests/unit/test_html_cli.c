/*
 * tests/unit/test_html_cli.c: `truce extract` (cli/cmd_extract.c, compiled
 * into this test) on pages the test writes itself: one gzip page to JSON,
 * the --benchmark directory mode, and the exit codes for a refused page,
 * a missing file and a bad command line.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include <zlib.h>

#include "check.h"

#include "../../cli/cmd_extract.c"

static const char *page =
    "<html lang=\"fr\"><head><title>Canal reopens</title>"
    "<meta property=\"article:published_time\" content=\"2024-06-11\"></head><body>"
    "<nav><a href=\"/\">Accueil</a></nav><main><article>"
    "<p>The canal between the two market towns reopened to barges on Tuesday after the lock "
    "gates were replaced, a job that took most of the spring.</p>"
    "<p>Boat owners said the \"new\" gates swing more easily, and the lock keeper, who has "
    "worked there for twenty years, agreed with them for once.</p>"
    "</article></main></body></html>";

static char dir[64];

static void write_gz(const char *path, const char *s)
{
    gzFile g = gzopen(path, "wb");
    gzwrite(g, s, (unsigned)strlen(s));
    gzclose(g);
}

/* Runs the command with stdout sent to a file; returns its exit status and
 * the captured output in *out (malloc'd). */
static int run(int argc, char **argv, char **out)
{
    char path[128];
    snprintf(path, sizeof path, "%s/stdout.txt", dir);
    fflush(stdout);
    int saved = dup(1);
    FILE *f = fopen(path, "wb");
    dup2(fileno(f), 1);
    int rc = truce_cmd_extract(argc, argv);
    fflush(stdout);
    dup2(saved, 1);
    close(saved);
    fclose(f);
    f = fopen(path, "rb");
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    *out = calloc(1, (size_t)n + 1);
    if (fread(*out, 1, (size_t)n, f) != (size_t)n)
        (*out)[0] = 0;
    fclose(f);
    remove(path);
    return rc;
}

int main(void)
{
    snprintf(dir, sizeof dir, "/tmp/truce-extract-XXXXXX");
    if (!mkdtemp(dir))
        return 1;
    char file[128], sub[128], bench1[160], bench2[160];
    snprintf(file, sizeof file, "%s/canal.html.gz", dir);
    write_gz(file, page);

    char *out = NULL;
    char *argv1[] = { "extract", file, NULL };
    CHECK_INT(run(2, argv1, &out), 0);
    CHECK(strstr(out, "\"title\":\"Canal reopens\"") != NULL);
    CHECK(strstr(out, "\"date\":\"2024-06-11\"") != NULL);
    CHECK(strstr(out, "\"lang\":\"fr\"") != NULL);
    CHECK(strstr(out, "the \\\"new\\\" gates") != NULL);
    CHECK(strstr(out, "Accueil") == NULL);
    /* the first paragraph's source span, in the gunzipped bytes */
    const char *first = strstr(page, "The canal");
    char want[64];
    snprintf(want, sizeof want, "\"source_start\":%ld", (long)(first - page));
    CHECK(strstr(out, want) != NULL);
    free(out);

    /* benchmark mode: every DIR/html page, one key each, a refused page empty */
    snprintf(sub, sizeof sub, "%s/html", dir);
    mkdir(sub, 0700);
    snprintf(bench1, sizeof bench1, "%s/page-one.html.gz", sub);
    snprintf(bench2, sizeof bench2, "%s/page-two.html.gz", sub);
    write_gz(bench1, page);
    write_gz(bench2, "<html><body><a href=/x>x</a></body></html>");
    char *argv2[] = { "extract", "--benchmark", dir, NULL };
    CHECK_INT(run(3, argv2, &out), EXIT_SOME_FAILED);
    CHECK(strstr(out, "\"page-one\":{\"articleBody\":\"The canal between") != NULL);
    CHECK(strstr(out, "\"page-two\":{\"articleBody\":\"\"}") != NULL);
    free(out);

    /* refused page, missing file, bad usage */
    char *argv3[] = { "extract", bench2, NULL };
    CHECK_INT(run(2, argv3, &out), EXIT_SOME_FAILED);
    CHECK_STR(out, "");
    free(out);
    char missing[160];
    snprintf(missing, sizeof missing, "%s/none.html", dir);
    char *argv4[] = { "extract", missing, NULL };
    CHECK_INT(run(2, argv4, &out), EXIT_SOME_FAILED);
    free(out);
    char *argv5[] = { "extract", NULL };
    CHECK_INT(run(1, argv5, &out), EXIT_USAGE);
    free(out);

    remove(bench1);
    remove(bench2);
    rmdir(sub);
    remove(file);
    rmdir(dir);
    return check_done("test_html_cli");
}
