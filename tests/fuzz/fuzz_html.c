/* tests/fuzz/fuzz_html.c: truce_clean_html on any bytes. The first byte picks
 * a declared charset so the 1251/1252 decoders are reached too. Checks that
 * every paragraph's spans stay inside the text and the input. */
#include <stdlib.h>
#include <string.h>

#include "truce/clean.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    truce_arena *a = truce_arena_new(0);
    if (!a)
        return 0;
    static const char *const cs[4] = { NULL, "windows-1251", "windows-1252", "utf-8" };
    const char *charset = size ? cs[data[0] & 3] : NULL;
    truce_article art;
    truce_error err;
    if (truce_clean_html(a, data, size, charset, "https://fuzz.example/2020/01/02/x", &art, &err) ==
        TRUCE_OK) {
        if (strlen(art.text) != art.text_len)
            abort();
        for (size_t i = 0; i < art.n_paragraphs; i++) {
            const truce_paragraph *p = &art.paragraphs[i];
            if (p->text.start > p->text.end || p->text.end > art.text_len)
                abort();
            if (p->source.start > p->source.end || p->source.end > size)
                abort();
        }
    }
    truce_arena_free(a);
    return 0;
}
