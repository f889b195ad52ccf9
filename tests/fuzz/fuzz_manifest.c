/* tests/fuzz/fuzz_manifest.c: the flat JSON reader used for manifests, on any bytes. */
#include "core/json_scan.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    truce_arena *a = truce_arena_new(0);
    if (!a)
        return 0;
    json_field *f;
    size_t n;
    truce_error err;
    json_scan_object(a, (const char *)data, size, &f, &n, &err, "fuzz");
    truce_arena_free(a);
    return 0;
}
