/* tests/fuzz/fuzz_number.c: the number reader on any bytes, with and
 * without sentences. Checks spans stay inside the text and ranges are
 * ordered. */
#include <stdlib.h>
#include <string.h>

#include "truce/read.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    truce_arena *a = truce_arena_new(0);
    if (!a)
        return 0;
    const char *text = (const char *)data;
    truce_error err;
    truce_error_clear(&err);
    truce_sentence_list s = {NULL, 0};
    if (size && (data[0] & 1))
        truce_read_sentences(a, text, size, &s, &err);
    truce_number_list nl;
    if (truce_read_numbers(a, text, size, &s, &nl, &err) == TRUCE_OK) {
        for (size_t i = 0; i < nl.n; i++) {
            const truce_number_mention *n = &nl.items[i];
            if (n->span.start >= n->span.end || n->span.end > size)
                abort();
            if (n->what_span.start > n->what_span.end || n->what_span.end > size)
                abort();
            if (n->bound == TRUCE_BOUND_RANGE && n->value_max < n->value)
                abort();
            (void)truce_bound_name(n->bound);
        }
    }
    truce_arena_free(a);
    return 0;
}
