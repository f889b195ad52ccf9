/* tests/unit/test_manifest.c: manifest lookup by path and by base name,
 * after loading sorts the entries: an exact path wins over an earlier entry
 * sharing only the base name; otherwise the first such entry in file order. */
#define _POSIX_C_SOURCE 200809L
#include <unistd.h>

#include "check.h"
#include "truce/ingest.h"

int main(void)
{
    truce_arena *a = truce_arena_new(0);
    char path[] = "/tmp/truce-test-manifest-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs("{\"file\":\"zeta/report.txt\",\"source\":\"First\"}\n"
          "{\"url\":\"https://example.org/only-url\",\"source\":\"Url\"}\n"
          "{\"file\":\"alpha/report.txt\",\"source\":\"Second\"}\n"
          "\n"
          "{\"file\":\"m.txt\",\"source\":\"Em\",\"published\":\"2021-02-03T10:00:00Z\"}\n"
          "{\"file\":\"beta/report.txt\",\"source\":\"Third\"}\n",
          f);
    fclose(f);
    truce_manifest m;
    truce_error err;
    truce_error_clear(&err);
    CHECK_INT(truce_manifest_load(a, path, &m, &err), TRUCE_OK);
    CHECK_INT(m.n, 5);
    const truce_manifest_entry *e = truce_manifest_find(&m, "alpha/report.txt");
    CHECK(e && !strcmp(e->source, "Second"));
    e = truce_manifest_find(&m, "beta/report.txt");
    CHECK(e && !strcmp(e->source, "Third"));
    /* only the base name matches: the first such line of the manifest */
    e = truce_manifest_find(&m, "/elsewhere/report.txt");
    CHECK(e && !strcmp(e->source, "First"));
    e = truce_manifest_find(&m, "corpus/m.txt");
    CHECK(e && !strcmp(e->source, "Em") && !strcmp(e->published, "2021-02-03"));
    CHECK(truce_manifest_find(&m, "report.txt.bak") == NULL);
    CHECK(truce_manifest_find(&m, "a.txt") == NULL);
    CHECK(truce_manifest_find(&m, "zz.txt") == NULL);
    CHECK(truce_manifest_find(NULL, "m.txt") == NULL);
    remove(path);
    truce_arena_free(a);
    return check_done("test_manifest");
}
