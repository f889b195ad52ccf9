/* tests/fuzz/fuzz_decode.c: charset detection, NFC and the offset map on any
 * bytes; then sentence splitting and tokenizing of whatever text came out.
 * Checks that every mapped span stays inside the original bytes. */
#include <stdlib.h>
#include <string.h>

#include "truce/ingest.h"
#include "truce/read.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    truce_arena *a = truce_arena_new(0);
    if (!a)
        return 0;
    char *text;
    size_t len;
    truce_offset_map map;
    const char *enc, *warn;
    truce_error err;
    truce_error_clear(&err);
    const char *charset = size && data[0] == 'C' ? "windows-1251" : NULL;
    if (truce_ingest_decode(a, data, size, charset, "fuzz", &text, &len, &map, &enc, &warn, &err) == TRUCE_OK) {
        truce_sentence_list s;
        truce_token_list t;
        if (truce_read_sentences(a, text, len, &s, &err) == TRUCE_OK) {
            truce_read_tokens(a, text, len, &s, &t, &err);
            for (size_t i = 0; i < s.n; i++) {
                if (s.items[i].span.end > len || s.items[i].span.start > s.items[i].span.end)
                    abort();
                truce_span r = truce_offset_span_to_raw(&map, s.items[i].span);
                if (r.end > size || r.start > r.end)
                    abort();
            }
        }
    }
    truce_arena_free(a);
    return 0;
}
