/*
 * ingest/read_file.c: a whole file into memory, gzip inflated on the way.
 * Owns the buffer it returns until the caller frees it. Refuses what is over
 * the size limit (before and after inflating) and reports a truncated or
 * corrupt gzip stream instead of returning what inflated so far.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>

#include "truce/ingest.h"

int truce_ingest_read_file(const char *path, size_t max, unsigned char **out, size_t *len, truce_error *err)
{
    *out = NULL;
    *len = 0;
    struct stat st;
    if (stat(path, &st) != 0)
        return truce_error_set(err, TRUCE_EIO, path, -1, "cannot read: %s", strerror(errno));
    if (!S_ISREG(st.st_mode))
        return truce_error_set(err, TRUCE_EIO, path, -1, "not a regular file");
    if ((unsigned long long)st.st_size > max)
        return truce_error_set(err, TRUCE_EINPUT, path, -1, "file is %lld bytes, over the limit of %zu bytes",
                               (long long)st.st_size, max);
    gzFile g = gzopen(path, "rb");
    if (!g)
        return truce_error_set(err, TRUCE_EIO, path, -1, "cannot open: %s", strerror(errno));
    size_t cap = (size_t)st.st_size + 1, n = 0;
    unsigned char *buf = malloc(cap);
    if (!buf) {
        gzclose(g);
        return truce_error_set(err, TRUCE_ENOMEM, path, -1, "out of memory");
    }
    for (;;) {
        if (n == cap) {
            if (cap > max) {
                free(buf);
                gzclose(g);
                return truce_error_set(err, TRUCE_EINPUT, path, -1, "decompressed size over the limit of %zu bytes", max);
            }
            unsigned char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                gzclose(g);
                return truce_error_set(err, TRUCE_ENOMEM, path, -1, "out of memory");
            }
            buf = nb;
            cap *= 2;
        }
        unsigned want = (unsigned)((cap - n) > (1u << 30) ? (1u << 30) : (cap - n));
        int r = gzread(g, buf + n, want);
        if (r < 0) {
            int zerr;
            const char *msg = gzerror(g, &zerr);
            truce_error_set(err, TRUCE_EINPUT, path, (long long)n, "corrupt compressed data: %s", msg);
            free(buf);
            gzclose(g);
            return TRUCE_EINPUT;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    int zerr = Z_OK;
    gzerror(g, &zerr);
    gzclose(g);
    if (zerr != Z_OK && zerr != Z_STREAM_END) {
        free(buf);
        return truce_error_set(err, TRUCE_EINPUT, path, (long long)n, "truncated or corrupt gzip data");
    }
    if (n > max) {
        free(buf);
        return truce_error_set(err, TRUCE_EINPUT, path, -1, "decompressed size over the limit of %zu bytes", max);
    }
    *out = buf;
    *len = n;
    return TRUCE_OK;
}

