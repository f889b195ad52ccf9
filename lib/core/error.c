/*
 * core/error.c: filling the error record.
 * Owns nothing; never prints. Messages are truncated, never overflowed.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "truce/common.h"

void truce_error_clear(truce_error *err)
{
    if (!err)
        return;
    err->code = TRUCE_OK;
    err->offset = -1;
    err->doc[0] = '\0';
    err->msg[0] = '\0';
}

int truce_error_set(truce_error *err, int code, const char *doc, long long offset,
                    const char *fmt, ...)
{
    if (!err)
        return code;
    err->code = code;
    err->offset = offset;
    snprintf(err->doc, sizeof err->doc, "%s", doc ? doc : "");
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    return code;
}

const char *truce_status_name(int code)
{
    switch (code) {
    case TRUCE_OK: return "ok";
    case TRUCE_ENOMEM: return "out of memory";
    case TRUCE_EIO: return "i/o error";
    case TRUCE_EINPUT: return "unusable input";
    case TRUCE_ESTORE: return "store error";
    case TRUCE_EUSAGE: return "usage error";
    case TRUCE_ENOTFOUND: return "not found";
    case TRUCE_EDUPLICATE: return "duplicate";
    default: return "unknown error";
    }
}
