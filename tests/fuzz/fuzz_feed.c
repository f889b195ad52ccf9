/* tests/fuzz/fuzz_feed.c: truce_ingest_feed on any bytes; every item handed
 * out must lie in readable memory (ASan checks the reads). */
#include <stdlib.h>

#include "truce/ingest.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static int on_item(void *ctx, const unsigned char *raw, size_t len, const truce_doc_meta *m,
                   truce_format f, long long off)
{
    (void)f;
    (void)off;
    size_t *sum = ctx;
    for (size_t i = 0; i < len; i++)
        *sum += raw[i];
    for (const char *p = m->url; p && *p; p++)
        *sum += (unsigned char)*p;
    for (const char *p = m->title; p && *p; p++)
        *sum += (unsigned char)*p;
    return 0;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    size_t sum = 0;
    truce_error err;
    truce_ingest_feed(data, size, "fuzz.xml", on_item, &sum, &err);
    return sum == 1 ? 1 : 0;
}
