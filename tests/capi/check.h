/* The checks of the C API tests (test_capi.c, test_lines.c): plain C, no
 * framework. Each test file includes this once; its main prints
 * g_checks and g_failures and fails when g_failures is not 0. */
#ifndef BM_TESTS_CAPI_CHECK_H
#define BM_TESTS_CAPI_CHECK_H

#include <stdio.h>
#include <string.h>

#include "banmian/banmian.h"

static int g_failures = 0;
static int g_checks = 0;

#define CHECK(cond)                                                        \
    do {                                                                   \
        ++g_checks;                                                        \
        if (!(cond)) {                                                     \
            ++g_failures;                                                  \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                  \
    } while (0)

#define CHECK_STATUS(call, want)                                           \
    do {                                                                   \
        bm_status got_ = (call);                                           \
        ++g_checks;                                                        \
        if (got_ != (want)) {                                              \
            ++g_failures;                                                  \
            fprintf(stderr, "%s:%d: %s returned %d (%s), want %d; last error: %s\n", __FILE__, \
                    __LINE__, #call, got_, bm_status_string(got_), (want), bm_last_error()->message); \
        }                                                                  \
    } while (0)

/* The last error is set, has a non-empty message and matches the status. */
static void check_error(bm_status want, const char *needle, const char *file, int line) {
    const bm_error *e = bm_last_error();
    ++g_checks;
    if (e == NULL || e->code != want || e->message == NULL || e->message[0] == '\0' ||
        (needle && strstr(e->message, needle) == NULL)) {
        ++g_failures;
        fprintf(stderr, "%s:%d: last error is %d '%s', want %d containing '%s'\n", file, line,
                e ? e->code : 0, e && e->message ? e->message : "(null)", want, needle ? needle : "");
    }
}
#define CHECK_ERROR(want, needle) check_error((want), (needle), __FILE__, __LINE__)

#endif
