/* tests/fuzz/fuzz_warc.c: truce_ingest_warc on any bytes, written to a
 * temporary file because the reader streams from a path. Records handed out
 * must lie in readable memory; errors must carry an offset inside the data. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "truce/ingest.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static int on_doc(void *ctx, const unsigned char *raw, size_t len, const truce_doc_meta *m,
                  truce_format f, long long off)
{
    (void)m;
    (void)f;
    (void)off;
    size_t *sum = ctx;
    for (size_t i = 0; i < len; i++)
        *sum += raw[i];
    return 0;
}

static void on_err(void *ctx, const truce_error *e)
{
    (void)ctx;
    if (e->offset < -1)
        abort();
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    char path[] = "/tmp/truce-fuzz-warc-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0)
        return 0;
    FILE *f = fdopen(fd, "wb");
    if (!f) {
        close(fd);
        unlink(path);
        return 0;
    }
    fwrite(data, 1, size, f);
    fclose(f);
    size_t sum = 0;
    truce_error err;
    truce_ingest_warc(path, on_doc, on_err, &sum, &err);
    unlink(path);
    return 0;
}
