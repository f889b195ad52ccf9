/* tests/fuzz/fuzz_date.c: the date reader and document-date inference on any
 * bytes, with and without sentences and a reference date taken from the
 * input. Checks spans stay inside the text, resolved dates are ISO and
 * times of day well formed. */
#include <stdlib.h>
#include <string.h>

#include "truce/read.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static void check_iso(const char *s)
{
    if (!s[0])
        return;
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        abort();
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    truce_arena *a = truce_arena_new(0);
    if (!a)
        return 0;
    /* the first byte picks a reference date so year rules get exercised */
    static const char *const REFS[] = {NULL, "2020-11-25", "2021-01-01", "2024-02-29", "1999-12-31",
                                       "2019", "2020-02"}; /* year and month references */
    const char *ref = size ? REFS[data[0] % 7] : NULL;
    const char *text = (const char *)data + (size ? 1 : 0);
    size_t len = size ? size - 1 : 0;
    truce_error err;
    truce_error_clear(&err);
    truce_sentence_list s = {NULL, 0};
    if (size && (data[0] & 8))
        truce_read_sentences(a, text, len, &s, &err);
    truce_date_list dl;
    if (truce_read_dates(a, text, len, &s, ref, &dl, &err) == TRUCE_OK) {
        for (size_t i = 0; i < dl.n; i++) {
            const truce_date_mention *d = &dl.items[i];
            if (d->span.start > d->span.end || d->span.end > len || !d->basis)
                abort();
            check_iso(d->start);
            check_iso(d->end);
            if (d->start[0] && d->end[0] && strcmp(d->start, d->end) > 0)
                abort();
            /* a time of day: "HH:MM", "HH:MMZ" or a two-letter part of the day */
            const char *nul = memchr(d->time, 0, sizeof d->time);
            size_t tl = nul ? (size_t)(nul - d->time) : sizeof d->time;
            if (tl == sizeof d->time || (tl && tl != 2 && tl != 5 && tl != 6) ||
                (tl && d->precision != TRUCE_DATE_DAY))
                abort();
            if (tl >= 5 && (d->time[2] != ':' || d->time[0] > '2' || d->time[3] > '5'))
                abort();
            (void)truce_date_precision_name(d->precision);
        }
    }
    char out[11];
    const char *basis;
    if (truce_read_infer_date(a, text, len, out, &basis, &err) == TRUCE_OK)
        check_iso(out);
    truce_arena_free(a);
    return 0;
}
