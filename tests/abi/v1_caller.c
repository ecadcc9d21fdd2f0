/* An old program: compiled against the frozen version-1 layout of the
 * options structs (banmian_v1.h, not banmian/banmian.h) and run against the
 * current libbanmian.so. The library may only write and read the bytes of a
 * version-1 struct, however many fields its own header has appended:
 *  - each struct is placed so that it ends exactly at a PROT_NONE guard page,
 *    so one byte read or written past it is a SIGSEGV (reported as a failure);
 *  - each struct is followed by a canary that must come back unchanged;
 *  - the version-1 fields must still work (limits, strict decoding, encoding,
 *    source), and the current header must keep them at the same offsets.
 * Exit status 0 when every check passes. */
#if !defined(_DEFAULT_SOURCE)
#define _DEFAULT_SOURCE 1 /* mmap's MAP_ANONYMOUS, sigaction */
#endif
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined(__unix__) || defined(__APPLE__)
#include <sys/mman.h>
#include <unistd.h>
#define HAVE_GUARD_PAGE 1
#endif

#include "banmian_v1.h"
#include "current_layout.h"

static int g_failures = 0;
static const char *volatile g_step = "start";

#define CHECK(cond)                                                                         \
    do {                                                                                    \
        if (!(cond)) {                                                                      \
            ++g_failures;                                                                   \
            fprintf(stderr, "v1_caller.c:%d: CHECK failed during %s: %s\n", __LINE__,        \
                    (const char *)g_step, #cond);                                           \
        }                                                                                   \
    } while (0)
#define CHECK_STATUS(call, want)                                                            \
    do {                                                                                    \
        bm_status got_ = (call);                                                            \
        if (got_ != (want)) {                                                               \
            ++g_failures;                                                                   \
            fprintf(stderr, "v1_caller.c:%d: %s returned %d, want %d (%s)\n", __LINE__, #call, \
                    got_, (want), bm_last_error()->message);                                \
        }                                                                                   \
    } while (0)

/* A small page: a headline, a byline and two paragraphs. */
static const char k_page[] =
    "\xE5\xB9\xB3\xE6\xB9\x96\xE5\x85\xA5\xE9\x80\x89\xE7\xAC\xAC\xE5\x85\xAD\xE5\xB1\x8A "
    "\xE5\x85\xA8\xE5\x9B\xBD\xE6\x96\x87\xE6\x98\x8E\xE5\x9F\x8E\xE5\xB8\x82\xE5\x90\x8D\xE5\x8D\x95\n\n"
    "\xE2\x96\xA0\xE8\xAE\xB0\xE8\x80\x85 \xE6\x9D\x8E\xE9\x9B\xA8\xE5\xA9\xB7\n\n"
    "\xE6\x9C\xAC\xE6\x8A\xA5\xE8\xAE\xAF \xE6\x98\xA8\xE5\xA4\xA9,\xE4\xB8\xAD\xE5\xA4\xAE\xE6\x96\x87"
    "\xE6\x98\x8E\xE5\x8A\x9E\xE5\x85\xAC\xE5\xB8\x83\xE5\x90\x8D\xE5\x8D\x95,\xE5\xB9\xB3\xE6\xB9\x96"
    "\xE6\x88\x90\xE5\x8A\x9F\xE5\x85\xA5\xE9\x80\x89\xE3\x80\x82\n\n"
    "\xE4\xB8\x89\xE5\xB9\xB4\xE6\x9D\xA5,\xE5\x85\xA8\xE5\xB8\x82\xE4\xB8\x8A\xE4\xB8\x8B\xE9\xBD\x90"
    "\xE5\xBF\x83\xE5\x8D\x8F\xE5\x8A\x9B\xE3\x80\x82\n";

#ifdef HAVE_GUARD_PAGE
static void on_fault(int sig) {
    static const char msg[] = "v1_caller: FAIL: the library touched memory past the end of a version-1 options struct, during: ";
    const char *step = g_step;
    (void)sig;
    if (write(2, msg, sizeof msg - 1) < 0 || write(2, step, strlen(step)) < 0 || write(2, "\n", 1) < 0) _exit(3);
    _exit(2);
}

/* `size` bytes that end exactly where a PROT_NONE page begins. */
static void *at_guard_page(size_t size) {
    const size_t page = (size_t)sysconf(_SC_PAGESIZE);
    unsigned char *base = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (base == MAP_FAILED || size > page || mprotect(base + page, page, PROT_NONE) != 0) {
        perror("v1_caller: mmap/mprotect");
        exit(1);
    }
    return base + page - size; /* sizeof is a multiple of the alignment: still aligned */
}
#else
static void *at_guard_page(size_t size) { return malloc(size); } /* no guard: the canaries still check writes */
#endif

static void test_layout(void) {
    struct abi_test_layout cur;
    g_step = "layout";
    abi_test_current_layout(&cur);
    CHECK(cur.parser_version >= BM_PARSER_OPTIONS_VERSION && cur.parse_version >= BM_PARSE_OPTIONS_VERSION);
    CHECK(cur.parser_sizeof >= sizeof(bm_parser_options) && cur.parse_sizeof >= sizeof(bm_parse_options));
    CHECK(cur.parser[0] == offsetof(bm_parser_options, version));
    CHECK(cur.parser[1] == offsetof(bm_parser_options, flags));
    CHECK(cur.parser[2] == offsetof(bm_parser_options, max_input_bytes));
    CHECK(cur.parser[3] == offsetof(bm_parser_options, lexicon_path));
    CHECK(cur.parser[4] == offsetof(bm_parser_options, lexicon_text));
    CHECK(cur.parser[5] == offsetof(bm_parser_options, lexicon_len));
    CHECK(cur.parse[0] == offsetof(bm_parse_options, version));
    CHECK(cur.parse[1] == offsetof(bm_parse_options, flags));
    CHECK(cur.parse[2] == offsetof(bm_parse_options, encoding));
    CHECK(cur.parse[3] == offsetof(bm_parse_options, source));
}

static int intact(const unsigned char *p, size_t n) {
    size_t i;
    for (i = 0; i < n; ++i)
        if (p[i] != 0xA5) return 0;
    return 1;
}

static void test_init_writes_only_v1(void) {
    struct { bm_parser_options o; unsigned char canary[256]; } pw;
    struct { bm_parse_options o; unsigned char canary[256]; } w;
    bm_parser_options *heap;

    g_step = "bm_parser_options_init(v1 struct followed by a canary)";
    memset(&pw, 0xA5, sizeof pw);
    CHECK_STATUS(bm_parser_options_init(&pw.o, BM_PARSER_OPTIONS_VERSION), BM_OK);
    CHECK(intact(pw.canary, sizeof pw.canary));
    CHECK(pw.o.version == BM_PARSER_OPTIONS_VERSION && pw.o.flags == 0);
    CHECK(pw.o.max_input_bytes == BM_DEFAULT_MAX_INPUT_BYTES);
    CHECK(pw.o.lexicon_path == NULL && pw.o.lexicon_text == NULL && pw.o.lexicon_len == 0);

    g_step = "bm_parse_options_init(v1 struct followed by a canary)";
    memset(&w, 0xA5, sizeof w);
    CHECK_STATUS(bm_parse_options_init(&w.o, BM_PARSE_OPTIONS_VERSION), BM_OK);
    CHECK(intact(w.canary, sizeof w.canary));
    CHECK(w.o.version == BM_PARSE_OPTIONS_VERSION && w.o.flags == 0 && w.o.encoding == NULL && w.o.source == NULL);

    /* Version 0 is never valid: an error, and nothing written. */
    g_step = "bm_parser_options_init(version 0)";
    memset(&pw, 0xA5, sizeof pw);
    CHECK_STATUS(bm_parser_options_init(&pw.o, 0), BM_E_VERSION);
    CHECK(intact((const unsigned char *)&pw, sizeof pw));
    CHECK_STATUS(bm_parser_options_init(NULL, BM_PARSER_OPTIONS_VERSION), BM_E_INVALID_ARGUMENT);

    /* An exactly-sized heap block (ASan builds catch an overflow here too). */
    g_step = "bm_parser_options_init(malloc(sizeof v1))";
    heap = malloc(sizeof *heap);
    CHECK(heap != NULL);
    if (heap) {
        CHECK_STATUS(bm_parser_options_init(heap, BM_PARSER_OPTIONS_VERSION), BM_OK);
        free(heap);
    }
}

static void test_calls_read_only_v1(void) {
    bm_parser_options *po = at_guard_page(sizeof *po);
    bm_parse_options *o = at_guard_page(sizeof *o);
    bm_parser *p = NULL, *small = NULL;
    bm_text *t = NULL;
    bm_page *page = NULL;
    char *norm = NULL;
    size_t norm_len = 0;
    char big[101];

    memset(po, 0xA5, sizeof *po);
    g_step = "bm_parser_options_init(v1 struct against a guard page)";
    CHECK_STATUS(bm_parser_options_init(po, BM_PARSER_OPTIONS_VERSION), BM_OK);
    g_step = "bm_parser_new(v1 struct against a guard page)";
    CHECK_STATUS(bm_parser_new(po, &p), BM_OK);
    po->max_input_bytes = 100; /* a version-1 field the library must honour */
    CHECK_STATUS(bm_parser_new(po, &small), BM_OK);

    memset(o, 0xA5, sizeof *o);
    g_step = "bm_parse_options_init(v1 struct against a guard page)";
    CHECK_STATUS(bm_parse_options_init(o, BM_PARSE_OPTIONS_VERSION), BM_OK);

    g_step = "bm_decode(v1 struct against a guard page)";
    o->flags = BM_PARSE_STRICT_DECODING;
    CHECK_STATUS(bm_decode(p, "ab\xFF" "cd", 5, o, &t), BM_E_ENCODING);
    CHECK(t == NULL);
    o->flags = 0;
    o->encoding = "GB18030";
    CHECK_STATUS(bm_decode(p, "ab", 2, o, &t), BM_OK);
    CHECK(t != NULL && strcmp(bm_text_encoding(t), "GB18030") == 0);
    bm_text_free(t);
    o->encoding = NULL;

    g_step = "bm_normalize(v1 struct against a guard page)";
    CHECK_STATUS(bm_normalize(p, k_page, sizeof k_page - 1, o, &norm, &norm_len), BM_OK);
    CHECK(norm != NULL && norm_len > 0);
    bm_string_free(norm);

    g_step = "bm_parse(v1 struct against a guard page)";
    o->source = "v1-caller";
    CHECK_STATUS(bm_parse(p, k_page, sizeof k_page - 1, o, &page), BM_OK);
    CHECK(page != NULL && bm_page_source(page) != NULL && strcmp(bm_page_source(page), "v1-caller") == 0);
    CHECK(bm_page_article_count(page) >= 1);
    bm_page_free(page);
    page = NULL;

    memset(big, 'a', sizeof big);
    CHECK_STATUS(bm_parse(small, big, sizeof big, o, &page), BM_E_TOO_LARGE);
    CHECK(page == NULL);

    /* An unknown version in a struct is rejected before anything else is read. */
    g_step = "bm_parse(version 0)";
    o->version = 0;
    CHECK_STATUS(bm_parse(p, k_page, sizeof k_page - 1, o, &page), BM_E_VERSION);
    CHECK(page == NULL);

    bm_parser_free(small);
    bm_parser_free(p);
}

static void test_static_initializers(void) {
    bm_parser_options po = BM_PARSER_OPTIONS_INIT;
    bm_parse_options o = BM_PARSE_OPTIONS_INIT;
    bm_parser *p = NULL;
    bm_page *page = NULL;
    g_step = "the v1 static initializers";
    CHECK_STATUS(bm_parser_new(&po, &p), BM_OK);
    CHECK_STATUS(bm_parse(p, k_page, sizeof k_page - 1, &o, &page), BM_OK);
    bm_page_free(page);
    bm_parser_free(p);
}

int main(void) {
#ifdef HAVE_GUARD_PAGE
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_fault;
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
#endif
    test_layout();
    test_init_writes_only_v1();
    test_calls_read_only_v1();
    test_static_initializers();
    if (g_failures) {
        fprintf(stderr, "v1_caller: %d check(s) failed\n", g_failures);
        return 1;
    }
    printf("v1_caller: a version-1 caller works with this library\n");
    return 0;
}
