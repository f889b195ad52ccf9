/*
 * tests/unit/check.h: the smallest test harness that can fail loudly.
 * CHECK records a failure with file and line and goes on; the test program
 * returns the failure count as its exit status (capped), so CTest sees it.
 */
#ifndef TRUCE_TEST_CHECK_H
#define TRUCE_TEST_CHECK_H

#include <stdio.h>
#include <string.h>
#include <stdlib.h>

static int check_failures;
static int check_count;

#define CHECK(cond)                                                            \
    do {                                                                       \
        check_count++;                                                         \
        if (!(cond)) {                                                         \
            check_failures++;                                                  \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__,   \
                    #cond);                                                    \
        }                                                                      \
    } while (0)

#define CHECK_STR(got, want)                                                   \
    do {                                                                       \
        const char *g_ = (got), *w_ = (want);                                  \
        check_count++;                                                         \
        if (!g_ || !w_ ? g_ != w_ : strcmp(g_, w_) != 0) {                    \
            check_failures++;                                                  \
            fprintf(stderr, "%s:%d: %s: got \"%s\", want \"%s\"\n", __FILE__,   \
                    __LINE__, #got, g_ ? g_ : "(null)", w_ ? w_ : "(null)");   \
        }                                                                      \
    } while (0)

#define CHECK_INT(got, want)                                                   \
    do {                                                                       \
        long long g_ = (long long)(got), w_ = (long long)(want);              \
        check_count++;                                                         \
        if (g_ != w_) {                                                        \
            check_failures++;                                                  \
            fprintf(stderr, "%s:%d: %s: got %lld, want %lld\n", __FILE__,       \
                    __LINE__, #got, g_, w_);                                   \
        }                                                                      \
    } while (0)

static inline int check_done(const char *name)
{
    if (check_count == 0) {
        fprintf(stderr, "%s: no checks ran\n", name);
        return 1;
    }
    fprintf(stderr, "%s: %d checks, %d failed\n", name, check_count, check_failures);
    return check_failures > 100 ? 100 : check_failures;
}

#endif
