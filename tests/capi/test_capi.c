/* The C API from C (C99 + pthreads only): argument checks, the thread-local
 * last error, versioned options, decode / normalize / parse on a small page,
 * out-of-range accessors and NULL-safe free functions. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "banmian/banmian.h"

#include "check.h"

static const char k_page[] =
    "\xE9\x9D\x92\xE6\xBA\xAA\xE7\x89\x88\n\n"                               /* 青溪版 */
    "\xE9\x9D\x92\xE6\xBA\xAA\xE5\x85\xA5\xE5\x9B\xB4\xE7\xAC\xAC\xE4\xB8\x89\xE6\x89\xB9 "
    "\xE7\x9C\x81\xE7\xBA\xA7\xE7\xBE\x8E\xE4\xB8\xBD\xE4\xB9\xA1\xE6\x9D\x91\xE5\x90\x8D\xE5\xBD\x95\n\n" /* headline */
    "\xE2\x96\xA0\xE8\xAE\xB0\xE8\x80\x85 \xE8\x8B\x8F\xE9\x9D\x99\xE6\x80\xA1\n\n"  /* ■记者 苏静怡 */
    "\xE6\x9C\xAC\xE6\x8A\xA5\xE8\xAE\xAF \xE6\x98\xA8\xE5\xA4\xA9,\xE7\x9C\x81\xE5\x86\x9C\xE4\xB8\x9A"
    "\xE5\x8E\x85\xE5\x85\xAC\xE5\xB8\x83\xE4\xBA\x86\xE5\x90\x8D\xE5\xBD\x95,\xE9\x9D\x92\xE6\xBA\xAA"
    "\xE6\x88\x90\xE5\x8A\x9F\xE5\x85\xA5\xE5\x9B\xB4\xE3\x80\x82\n\n"          /* 本报讯 昨天,省农业厅公布了名录,青溪成功入围。 */
    "\xE4\xB8\x89\xE5\xB9\xB4\xE6\x9D\xA5,\xE5\x85\xA8\xE6\x9D\x91\xE8\x80\x81\xE5\xB0\x91"
    "\xE4\xB8\x80\xE8\xB5\xB7\xE5\x8A\xA8\xE6\x89\x8B\xE3\x80\x82\n"; /* 三年来,全村老少一起动手。 */

static bm_parser *g_parser = NULL;

static const char k_dated_page[] =
    "\xE4\xBA\xBA""\xE6\xB0\x91""\xE6\x97\xA5""\xE6\x8A\xA5""\n""\n""2""0""2""5""\xE5\xB9\xB4"
    "1""\xE6\x9C\x88""8""\xE6\x97\xA5"" ""\xE6\x98\x9F""\xE6\x9C\x9F""\xE4\xB8\x89""\n""\n"
    "\xE7\xAC\xAC""4""\xE7\x89\x88"" ""\xE8\xA6\x81""\xE9\x97\xBB""\n""\n""\xE6\x9C\xAC"
    "\xE6\x8A\xA5""\xE5\x8C\x97""\xE4\xBA\xAC""1""\xE6\x9C\x88""7""\xE6\x97\xA5""\xE7\x94\xB5"
    " ""\xE6\x98\xA8""\xE5\xA4\xA9""\xE4\xB8\x8B""\xE5\x8D\x88""\xEF\xBC\x8C""\xE5\x85\xA8"
    "\xE5\x9B\xBD""\xE4\xBC\x9A""\xE8\xAE\xAE""\xE5\x9C\xA8""\xE5\x8C\x97""\xE4\xBA\xAC"
    "\xE5\x8F\xAC""\xE5\xBC\x80""\xEF\xBC\x8C""\xE4\xBC\x9A""\xE6\x9C\x9F""\xE4\xB8\xBA""1"
    "\xE6\x9C\x88""7""\xE6\x97\xA5""\xE8\x87\xB3""9""\xE6\x97\xA5""\xE3\x80\x82""\n";

/* Issue 14: page metadata, dateline parts and day expressions, and the
 * issue_date option (a field of bm_parse_options version 2). */
static void test_metadata(void) {
    bm_page *page = NULL;
    const bm_article *a = NULL;
    size_t i, start = 0, end = 0, tlen = 0;
    const char *text;
    CHECK_STATUS(bm_parse(g_parser, k_dated_page, sizeof k_dated_page - 1, NULL, &page), BM_OK);
    if (!page) return;
    text = bm_page_text(page, &tlen);
    CHECK(bm_page_issue_date(page) && strcmp(bm_page_issue_date(page), "2025-01-08") == 0);
    CHECK(bm_page_page_number(page) && strcmp(bm_page_page_number(page), "4") == 0);
    CHECK(bm_page_paper(page) != NULL);
    for (i = 0; i < bm_page_article_count(page); ++i)
        if (bm_article_has_dateline_info(bm_page_article(page, i))) a = bm_page_article(page, i);
    CHECK(a != NULL);
    if (a) {
        CHECK(bm_article_dateline_month(a) == 1 && bm_article_dateline_day(a) == 7);
        CHECK(bm_article_dateline_date(a) && strcmp(bm_article_dateline_date(a), "2025-01-07") == 0);
        CHECK(bm_article_dateline_source(a) != NULL && bm_article_dateline_place(a) != NULL);
        CHECK(bm_article_date_count(a) >= 3);
        for (i = 0; i < bm_article_date_count(a); ++i) {
            CHECK(bm_article_date_text(a, i) != NULL);
            if (bm_article_date_span(a, i, &start, &end)) CHECK(start < end && end <= tlen && text != NULL);
        }
        CHECK(bm_article_date_text(a, bm_article_date_count(a)) == NULL);
        CHECK(bm_article_date_value(a, bm_article_date_count(a)) == NULL);
        CHECK(bm_article_date_span(a, bm_article_date_count(a), &start, &end) == 0 && start == 0 && end == 0);
    }
    bm_page_free(page);
    {
        /* The issue_date option (version 2): used when the page prints no date; a bad value is an error. */
        static const char undated[] = "\xE6\x9C\xAC\xE6\x8A\xA5\xE8\xAE\xAF \xE6\x98\xA8\xE5\xA4\xA9\xE3\x80\x82\n";
        bm_parse_options o;
        CHECK_STATUS(bm_parse_options_init(&o, BM_PARSE_OPTIONS_VERSION), BM_OK);
        CHECK(o.issue_date == NULL);
        o.issue_date = "2025-13-40";
        page = NULL;
        CHECK_STATUS(bm_parse(g_parser, undated, sizeof undated - 1, &o, &page), BM_E_INVALID_ARGUMENT);
        CHECK(page == NULL && strstr(bm_last_error()->message, "issue_date") != NULL);
        o.issue_date = "2024-02-29";
        CHECK_STATUS(bm_parse(g_parser, undated, sizeof undated - 1, &o, &page), BM_OK);
        CHECK(page && bm_page_issue_date(page) && strcmp(bm_page_issue_date(page), "2024-02-29") == 0);
        bm_page_free(page);
        page = NULL;
        o.issue_date = "2020-01-01";  /* the page's own date wins */
        CHECK_STATUS(bm_parse(g_parser, k_dated_page, sizeof k_dated_page - 1, &o, &page), BM_OK);
        CHECK(page && bm_page_issue_date(page) && strcmp(bm_page_issue_date(page), "2025-01-08") == 0);
        bm_page_free(page);
    }
    CHECK(bm_page_issue_date(NULL) == NULL && bm_article_has_dateline_info(NULL) == 0);
    CHECK(bm_article_date_count(NULL) == 0 && bm_article_dateline_date(NULL) == NULL);
}

/* Issue 14: the field spans, byte offsets into bm_page_text(). */
static int span_is(const char *text, size_t start, size_t end, const char *want) {
    return end >= start && end - start == strlen(want) && memcmp(text + start, want, end - start) == 0;
}

static void test_field_spans(void) {
    bm_page *page = NULL;
    const bm_article *a = NULL;
    size_t i, start = 1, end = 1, tlen = 0;
    const char *text;
    CHECK_STATUS(bm_parse(g_parser, k_page, sizeof k_page - 1, NULL, &page), BM_OK);
    if (!page) return;
    text = bm_page_text(page, &tlen);
    for (i = 0; i < bm_page_article_count(page); ++i)
        if (bm_article_dateline(bm_page_article(page, i))) a = bm_page_article(page, i);
    CHECK(a != NULL);
    if (a) {
        CHECK(bm_article_has_spans(a) == 1);
        CHECK(bm_article_headline_count(a) == 1);
        CHECK(bm_article_headline_span(a, 0, &start, &end) == 1);
        /* 青溪入围第三批 省级美丽乡村名录 */
        CHECK(span_is(text, start, end, "\xE9\x9D\x92\xE6\xBA\xAA\xE5\x85\xA5\xE5\x9B\xB4"
                                        "\xE7\xAC\xAC\xE4\xB8\x89\xE6\x89\xB9 \xE7\x9C\x81\xE7\xBA\xA7\xE7\xBE\x8E\xE4\xB8\xBD"
                                        "\xE4\xB9\xA1\xE6\x9D\x91\xE5\x90\x8D\xE5\xBD\x95"));
        CHECK(bm_article_dateline_span(a, &start, &end) == 1);
        CHECK(span_is(text, start, end, "\xE6\x9C\xAC\xE6\x8A\xA5\xE8\xAE\xAF")); /* 本报讯 */
        CHECK(bm_article_byline_count(a) == 1);
        CHECK(bm_article_byline_span(a, 0, &start, &end) == 1);
        CHECK(span_is(text, start, end, "\xE8\x8B\x8F\xE9\x9D\x99\xE6\x80\xA1")); /* 苏静怡 */
        CHECK(bm_article_paragraph_count(a) == 2);
        CHECK(bm_article_paragraph_span(a, 0, &start, &end) == 1);
        /* 昨天,省农业厅公布了名录,青溪成功入围。 */
        CHECK(span_is(text, start, end,
                      "\xE6\x98\xA8\xE5\xA4\xA9,\xE7\x9C\x81\xE5\x86\x9C\xE4\xB8\x9A\xE5\x8E\x85\xE5\x85\xAC\xE5\xB8\x83"
                      "\xE4\xBA\x86\xE5\x90\x8D\xE5\xBD\x95,\xE9\x9D\x92\xE6\xBA\xAA\xE6\x88\x90\xE5\x8A\x9F"
                      "\xE5\x85\xA5\xE5\x9B\xB4\xE3\x80\x82"));
        CHECK(bm_article_paragraph_span(a, 1, &start, &end) == 1 && end == tlen - 1 && text[end] == '\n');
        /* Out of range: 0, and both set to 0; either pointer may be NULL. */
        start = end = 1;
        CHECK(bm_article_paragraph_span(a, 2, &start, &end) == 0 && start == 0 && end == 0);
        start = end = 1;
        CHECK(bm_article_headline_span(a, 1, &start, &end) == 0 && start == 0 && end == 0);
        CHECK(bm_article_byline_span(a, 1, NULL, &end) == 0 && end == 0);
        CHECK(bm_article_paragraph_span(a, 0, NULL, NULL) == 1);
    }
    /* An article without a dateline has no dateline span; NULL has nothing. */
    for (i = 0; i < bm_page_article_count(page); ++i) {
        const bm_article *b = bm_page_article(page, i);
        CHECK(bm_article_dateline_span(b, &start, &end) == (bm_article_dateline(b) ? 1 : 0));
    }
    start = end = 1;
    CHECK(bm_article_has_spans(NULL) == 0);
    CHECK(bm_article_dateline_span(NULL, &start, &end) == 0 && start == 0 && end == 0);
    CHECK(bm_article_headline_span(NULL, 0, NULL, NULL) == 0 && bm_article_byline_span(NULL, 0, NULL, NULL) == 0);
    CHECK(bm_article_paragraph_span(NULL, 0, &start, &end) == 0 && start == 0 && end == 0);
    bm_page_free(page);
}

static void test_version(void) {
    char buf[32];
    CHECK(bm_version() != NULL);
    CHECK(strcmp(bm_version(), BM_VERSION_STRING) == 0);
    CHECK(bm_version_number() == BM_VERSION_NUMBER);
    snprintf(buf, sizeof buf, "%d.%d.%d", bm_version_number() / 10000, bm_version_number() / 100 % 100,
             bm_version_number() % 100);
    CHECK(strcmp(buf, bm_version()) == 0);
}

static void test_status_strings(void) {
    const bm_status all[] = {BM_OK, BM_E_INVALID_ARGUMENT, BM_E_NOMEM, BM_E_ENCODING, BM_E_UNKNOWN_ENCODING,
                             BM_E_TOO_LARGE, BM_E_LEXICON, BM_E_IO, BM_E_VERSION, BM_E_RANGE, BM_E_INTERNAL};
    size_t i;
    for (i = 0; i < sizeof all / sizeof all[0]; ++i) {
        CHECK(bm_status_string(all[i]) != NULL);
        CHECK(strcmp(bm_status_string(all[i]), "unknown status") != 0);
    }
    CHECK(strcmp(bm_status_string(12345), "unknown status") == 0);
}

static void test_null_arguments(void) {
    bm_parser *p = (bm_parser *)&p; /* poisoned: must be reset to NULL */
    bm_text *t = (bm_text *)&t;
    bm_page *pg = (bm_page *)&pg;
    char *s = (char *)&s;
    size_t n = 99;

    CHECK_STATUS(bm_parser_new(NULL, NULL), BM_E_INVALID_ARGUMENT);
    CHECK_ERROR(BM_E_INVALID_ARGUMENT, "out");
    CHECK(bm_last_error()->byte_offset == -1);

    CHECK_STATUS(bm_decode(NULL, "a", 1, NULL, &t), BM_E_INVALID_ARGUMENT);
    CHECK_ERROR(BM_E_INVALID_ARGUMENT, "parser");
    CHECK(t == NULL);
    CHECK_STATUS(bm_decode(g_parser, "a", 1, NULL, NULL), BM_E_INVALID_ARGUMENT);
    CHECK_ERROR(BM_E_INVALID_ARGUMENT, "out");
    t = (bm_text *)&t;
    CHECK_STATUS(bm_decode(g_parser, NULL, 5, NULL, &t), BM_E_INVALID_ARGUMENT);
    CHECK_ERROR(BM_E_INVALID_ARGUMENT, "bytes");
    CHECK(t == NULL);
    /* NULL with length 0 is the empty input. */
    CHECK_STATUS(bm_decode(g_parser, NULL, 0, NULL, &t), BM_OK);
    CHECK(t != NULL && strcmp(bm_text_data(t, NULL), "") == 0);
    bm_text_free(t);

    CHECK_STATUS(bm_normalize(NULL, "a", 1, NULL, &s, &n), BM_E_INVALID_ARGUMENT);
    CHECK(s == NULL && n == 0);
    CHECK_STATUS(bm_normalize(g_parser, "a", 1, NULL, NULL, &n), BM_E_INVALID_ARGUMENT);
    CHECK_STATUS(bm_normalize(g_parser, NULL, 1, NULL, &s, NULL), BM_E_INVALID_ARGUMENT);

    CHECK_STATUS(bm_parse(NULL, "a", 1, NULL, &pg), BM_E_INVALID_ARGUMENT);
    CHECK(pg == NULL);
    CHECK_STATUS(bm_parse(g_parser, "a", 1, NULL, NULL), BM_E_INVALID_ARGUMENT);
    CHECK_STATUS(bm_parse(g_parser, NULL, 3, NULL, &pg), BM_E_INVALID_ARGUMENT);

    s = (char *)&s;
    CHECK_STATUS(bm_page_to_json(NULL, 0, &s, &n), BM_E_INVALID_ARGUMENT);
    CHECK(s == NULL);
    CHECK_ERROR(BM_E_INVALID_ARGUMENT, "page");

    /* A success clears the last error. */
    CHECK_STATUS(bm_normalize(g_parser, "a", 1, NULL, &s, &n), BM_OK);
    CHECK(bm_last_error()->code == BM_OK);
    CHECK(bm_last_error()->message != NULL && bm_last_error()->message[0] == '\0');
    CHECK(bm_last_error()->byte_offset == -1);
    bm_string_free(s);
    (void)p;
}

static void test_versioned_options(void) {
    bm_parser_options po;
    bm_parse_options o;
    bm_parser *p = NULL;
    bm_text *t = NULL;

    /* init: NULL and unknown versions fail, set the error and write nothing */
    CHECK_STATUS(bm_parser_options_init(NULL, BM_PARSER_OPTIONS_VERSION), BM_E_INVALID_ARGUMENT);
    CHECK_ERROR(BM_E_INVALID_ARGUMENT, "NULL");
    CHECK_STATUS(bm_parse_options_init(NULL, BM_PARSE_OPTIONS_VERSION), BM_E_INVALID_ARGUMENT);
    CHECK_ERROR(BM_E_INVALID_ARGUMENT, "NULL");
    memset(&po, 0xA5, sizeof po);
    CHECK_STATUS(bm_parser_options_init(&po, 0), BM_E_VERSION);
    CHECK_ERROR(BM_E_VERSION, "BM_PARSER_OPTIONS_VERSION");
    CHECK_STATUS(bm_parser_options_init(&po, BM_PARSER_OPTIONS_VERSION + 1), BM_E_VERSION);
    CHECK(po.version == 0xA5A5A5A5u && po.flags == 0xA5A5A5A5u);
    memset(&o, 0xA5, sizeof o);
    CHECK_STATUS(bm_parse_options_init(&o, 0), BM_E_VERSION);
    CHECK_STATUS(bm_parse_options_init(&o, BM_PARSE_OPTIONS_VERSION + 1), BM_E_VERSION);
    CHECK_ERROR(BM_E_VERSION, "BM_PARSE_OPTIONS_VERSION");
    CHECK(o.version == 0xA5A5A5A5u && o.flags == 0xA5A5A5A5u);

    CHECK_STATUS(bm_parser_options_init(&po, BM_PARSER_OPTIONS_VERSION), BM_OK);
    CHECK(bm_last_error()->code == BM_OK);
    CHECK(po.version == BM_PARSER_OPTIONS_VERSION);
    CHECK(po.max_input_bytes == BM_DEFAULT_MAX_INPUT_BYTES);
    CHECK(po.flags == 0 && po.lexicon_path == NULL && po.lexicon_text == NULL && po.lexicon_len == 0);

    po.version = BM_PARSER_OPTIONS_VERSION + 1;
    CHECK_STATUS(bm_parser_new(&po, &p), BM_E_VERSION);
    CHECK_ERROR(BM_E_VERSION, "version");
    CHECK(p == NULL);
    po.version = 0;
    CHECK_STATUS(bm_parser_new(&po, &p), BM_E_VERSION);

    bm_parser_options_init(&po, BM_PARSER_OPTIONS_VERSION);
    po.flags = 0x80000000u;
    CHECK_STATUS(bm_parser_new(&po, &p), BM_E_INVALID_ARGUMENT);
    bm_parser_options_init(&po, BM_PARSER_OPTIONS_VERSION);
    po.max_input_bytes = BM_LIMIT_MAX_INPUT_BYTES + 1;
    CHECK_STATUS(bm_parser_new(&po, &p), BM_E_INVALID_ARGUMENT);
    bm_parser_options_init(&po, BM_PARSER_OPTIONS_VERSION);
    po.max_input_bytes = (size_t)-1;
    CHECK_STATUS(bm_parser_new(&po, &p), BM_E_INVALID_ARGUMENT);
    bm_parser_options_init(&po, BM_PARSER_OPTIONS_VERSION);
    po.lexicon_len = 4; /* without lexicon_text */
    CHECK_STATUS(bm_parser_new(&po, &p), BM_E_INVALID_ARGUMENT);

    CHECK_STATUS(bm_parse_options_init(&o, BM_PARSE_OPTIONS_VERSION), BM_OK);
    CHECK(o.version == BM_PARSE_OPTIONS_VERSION && o.flags == 0 && o.encoding == NULL && o.source == NULL);

    /* The static initializers give the same defaults as the init functions. */
    {
        bm_parser_options spo = BM_PARSER_OPTIONS_INIT;
        bm_parse_options so = BM_PARSE_OPTIONS_INIT;
        CHECK_STATUS(bm_parser_options_init(&po, BM_PARSER_OPTIONS_VERSION), BM_OK);
        CHECK(spo.version == po.version && spo.flags == po.flags && spo.max_input_bytes == po.max_input_bytes &&
              spo.lexicon_path == po.lexicon_path && spo.lexicon_text == po.lexicon_text &&
              spo.lexicon_len == po.lexicon_len);
        CHECK(so.version == o.version && so.flags == o.flags && so.encoding == o.encoding && so.source == o.source);
        CHECK_STATUS(bm_parser_new(&spo, &p), BM_OK);
        bm_parser_free(p);
        p = NULL;
    }
    o.version = 99;
    CHECK_STATUS(bm_decode(g_parser, "a", 1, &o, &t), BM_E_VERSION);
    CHECK(t == NULL);
    bm_parse_options_init(&o, BM_PARSE_OPTIONS_VERSION);
    o.flags = 0x100u;
    CHECK_STATUS(bm_decode(g_parser, "a", 1, &o, &t), BM_E_INVALID_ARGUMENT);
    CHECK_ERROR(BM_E_INVALID_ARGUMENT, "flags");
}

static void test_limits(void) {
    bm_parser_options po;
    bm_parser *p = NULL;
    bm_text *t = NULL;
    char buf[101];
    memset(buf, 'a', sizeof buf);
    bm_parser_options_init(&po, BM_PARSER_OPTIONS_VERSION);
    po.max_input_bytes = 100;
    CHECK_STATUS(bm_parser_new(&po, &p), BM_OK);
    CHECK_STATUS(bm_decode(p, buf, 99, NULL, &t), BM_OK);
    bm_text_free(t);
    CHECK_STATUS(bm_decode(p, buf, 100, NULL, &t), BM_OK);
    bm_text_free(t);
    t = NULL;
    CHECK_STATUS(bm_decode(p, buf, 101, NULL, &t), BM_E_TOO_LARGE);
    CHECK_ERROR(BM_E_TOO_LARGE, "101");
    CHECK(t == NULL);
    bm_parser_free(p);
}

static void test_decode_errors(void) {
    bm_parse_options o;
    bm_text *t = NULL;
    bm_parse_options_init(&o, BM_PARSE_OPTIONS_VERSION);
    o.encoding = "no-such-charset";
    CHECK_STATUS(bm_decode(g_parser, "abc", 3, &o, &t), BM_E_UNKNOWN_ENCODING);
    CHECK_ERROR(BM_E_UNKNOWN_ENCODING, "no-such-charset");

    bm_parse_options_init(&o, BM_PARSE_OPTIONS_VERSION);
    o.flags = BM_PARSE_STRICT_DECODING;
    CHECK_STATUS(bm_decode(g_parser, "ab\xFF" "cd", 5, &o, &t), BM_E_ENCODING);
    CHECK_ERROR(BM_E_ENCODING, NULL);
    CHECK(bm_last_error()->byte_offset == 2);

    /* The same bytes as UTF-8 without strict: repaired, flagged, counted. */
    bm_parse_options_init(&o, BM_PARSE_OPTIONS_VERSION);
    o.encoding = "UTF-8";
    CHECK_STATUS(bm_decode(g_parser, "ab\xFF" "cd", 5, &o, &t), BM_OK);
    if (t) {
        size_t len = 0;
        const char *d = bm_text_data(t, &len);
        CHECK(len == 7 && memcmp(d, "ab\xEF\xBF\xBD" "cd", 7) == 0 && d[len] == '\0');
        CHECK(bm_text_flags(t) & BM_TEXT_INVALID_REPLACED);
        CHECK(bm_text_replacements(t) == 1);
        CHECK(bm_text_first_invalid_offset(t) == 2);
        CHECK(strcmp(bm_text_encoding(t), "UTF-8") == 0);
        bm_text_free(t);
    }
}

static void test_round_trip(void) {
    bm_text *t = NULL;
    char *norm = NULL, *json = NULL;
    size_t nlen = 0, jlen = 0, tlen = 0, i, start = 1, end = 0;
    bm_page *page = NULL;
    bm_parse_options o;

    CHECK_STATUS(bm_decode(g_parser, k_page, sizeof k_page - 1, NULL, &t), BM_OK);
    CHECK(t != NULL);
    if (t) {
        CHECK(strcmp(bm_text_data(t, &tlen), k_page) == 0);
        CHECK(tlen == sizeof k_page - 1);
        CHECK(bm_text_flags(t) == 0 && bm_text_replacements(t) == 0 && bm_text_first_invalid_offset(t) == -1);
        bm_text_free(t);
    }

    CHECK_STATUS(bm_normalize(g_parser, k_page, sizeof k_page - 1, NULL, &norm, &nlen), BM_OK);
    if (norm) {
        CHECK(strlen(norm) == nlen);
        CHECK(nlen > 0 && norm[nlen - 1] == '\n');
        /* rule 2: the half-width commas became full-width */
        CHECK(strstr(norm, ",") == NULL);
        CHECK(strstr(norm, "\xEF\xBC\x8C") != NULL);
        bm_string_free(norm);
    }

    bm_parse_options_init(&o, BM_PARSE_OPTIONS_VERSION);
    o.source = "small-page";
    CHECK_STATUS(bm_parse(g_parser, k_page, sizeof k_page - 1, &o, &page), BM_OK);
    CHECK(page != NULL);
    if (!page) return;
    CHECK(strcmp(bm_page_source(page), "small-page") == 0);
    CHECK(strcmp(bm_page_encoding(page), "UTF-8") == 0);
    CHECK(bm_page_text(page, &tlen) != NULL && tlen == sizeof k_page - 1);
    CHECK(bm_page_flags(page) == 0 && bm_page_replacements(page) == 0);
    CHECK(bm_page_article_count(page) >= 1);
    for (i = 0; i < bm_page_article_count(page); ++i) {
        const bm_article *a = bm_page_article(page, i);
        CHECK(a != NULL);
        bm_article_span(a, &start, &end);
        CHECK(start <= end && end <= tlen);
        CHECK(bm_article_kind_name(a) != NULL);
        {
            /* Not computed (negative) or in [0, 1]. */
            double c = bm_article_confidence(a);
            CHECK(c < 0.0 || (c >= 0.0 && c <= 1.0));
        }
    }
    {
        const bm_article *a = bm_page_article(page, 0);
        size_t b;
        int found_reporter = 0;
        for (b = 0; b < bm_article_byline_count(a); ++b)
            if (strcmp(bm_article_byline_role(a, b), "reporter") == 0 &&
                strcmp(bm_article_byline_name(a, b), "\xE8\x8B\x8F\xE9\x9D\x99\xE6\x80\xA1") == 0)
                found_reporter = 1;
        CHECK(found_reporter);
        CHECK(bm_article_paragraph_count(a) >= 1);
    }
    CHECK_STATUS(bm_page_to_json(page, 0, &json, &jlen), BM_OK);
    if (json) {
        CHECK(strlen(json) == jlen && json[0] == '{' && json[jlen - 1] == '}');
        CHECK(strstr(json, "banmian.page/1") != NULL);
        CHECK(strstr(json, "small-page") != NULL);
        CHECK(strchr(json, '\n') == NULL);
        {
            /* "confidence" is written exactly for the articles that have one. */
            size_t with = 0, keys = 0;
            const char *p;
            for (i = 0; i < bm_page_article_count(page); ++i)
                if (bm_article_confidence(bm_page_article(page, i)) >= 0.0) ++with;
            for (p = strstr(json, "\"confidence\":"); p; p = strstr(p + 1, "\"confidence\":")) ++keys;
            CHECK(keys == with);
        }
        bm_string_free(json);
    }
    CHECK_STATUS(bm_page_to_json(page, BM_JSON_PRETTY, &json, NULL), BM_OK);
    if (json) {
        CHECK(strchr(json, '\n') != NULL);
        bm_string_free(json);
    }
    json = (char *)&json;
    CHECK_STATUS(bm_page_to_json(page, 0x40u, &json, &jlen), BM_E_INVALID_ARGUMENT);
    CHECK(json == NULL);
    bm_page_free(page);
}

static void test_out_of_range(void) {
    bm_page *page = NULL;
    const bm_article *a;
    size_t s = 7, e = 7;
    CHECK_STATUS(bm_parse(g_parser, k_page, sizeof k_page - 1, NULL, &page), BM_OK);
    if (!page) return;
    CHECK(bm_page_masthead(page, bm_page_masthead_count(page)) == NULL);
    CHECK(bm_page_masthead(page, (size_t)-1) == NULL);
    CHECK(bm_page_article(page, bm_page_article_count(page)) == NULL);
    CHECK(bm_page_article(page, (size_t)-1) == NULL);
    a = bm_page_article(page, 0);
    CHECK(a != NULL);
    CHECK(bm_article_headline(a, bm_article_headline_count(a)) == NULL);
    CHECK(bm_article_byline_role(a, bm_article_byline_count(a)) == NULL);
    CHECK(bm_article_byline_name(a, bm_article_byline_count(a)) == NULL);
    CHECK(bm_article_paragraph(a, bm_article_paragraph_count(a)) == NULL);
    CHECK(bm_article_paragraph(a, (size_t)-1) == NULL);
    CHECK(bm_article_flag(a, bm_article_flag_count(a)) == NULL);

    /* Every accessor takes NULL objects. */
    CHECK(bm_page_text(NULL, &s) == NULL && s == 0);
    CHECK(bm_page_encoding(NULL) == NULL && bm_page_source(NULL) == NULL && bm_page_edition(NULL) == NULL);
    CHECK(bm_page_flags(NULL) == 0 && bm_page_replacements(NULL) == 0);
    CHECK(bm_page_masthead_count(NULL) == 0 && bm_page_masthead(NULL, 0) == NULL);
    CHECK(bm_page_article_count(NULL) == 0 && bm_page_article(NULL, 0) == NULL);
    CHECK(bm_article_kind_name(NULL) == NULL);
    CHECK(bm_article_headline_count(NULL) == 0 && bm_article_headline(NULL, 0) == NULL);
    CHECK(bm_article_kicker(NULL) == NULL && bm_article_title(NULL) == NULL && bm_article_subtitle(NULL) == NULL);
    CHECK(bm_article_dateline(NULL) == NULL && bm_article_editor_note(NULL) == NULL);
    CHECK(bm_article_byline_count(NULL) == 0 && bm_article_byline_role(NULL, 0) == NULL &&
          bm_article_byline_name(NULL, 0) == NULL);
    CHECK(bm_article_paragraph_count(NULL) == 0 && bm_article_paragraph(NULL, 0) == NULL);
    CHECK(bm_article_flags(NULL) == 0 && bm_article_flag_count(NULL) == 0 && bm_article_flag(NULL, 0) == NULL);
    bm_article_span(NULL, &s, &e);
    CHECK(s == 0 && e == 0);
    CHECK(bm_article_confidence(NULL) < 0.0);
    bm_article_span(a, NULL, NULL);
    s = 7;
    CHECK(bm_text_data(NULL, &s) == NULL && s == 0);
    CHECK(bm_text_encoding(NULL) == NULL && bm_text_flags(NULL) == 0 && bm_text_replacements(NULL) == 0);
    CHECK(bm_text_first_invalid_offset(NULL) == -1);
    bm_page_free(page);
}

static void test_free_null(void) {
    bm_string_free(NULL);
    bm_text_free(NULL);
    bm_page_free(NULL);
    bm_parser_free(NULL);
    CHECK(1);
}

/* Thread-local errors: each thread sees only its own last error. */
struct thread_arg {
    int use_bad_encoding;
    int ok;
};

static void *thread_main(void *p) {
    struct thread_arg *arg = (struct thread_arg *)p;
    int round;
    arg->ok = 1;
    for (round = 0; round < 200; ++round) {
        bm_text *t = NULL;
        if (arg->use_bad_encoding) {
            bm_parse_options o;
            bm_parse_options_init(&o, BM_PARSE_OPTIONS_VERSION);
            o.encoding = "bogus-encoding";
            if (bm_decode(g_parser, "abc", 3, &o, &t) != BM_E_UNKNOWN_ENCODING) arg->ok = 0;
            if (bm_last_error()->code != BM_E_UNKNOWN_ENCODING) arg->ok = 0;
            if (strstr(bm_last_error()->message, "bogus-encoding") == NULL) arg->ok = 0;
        } else {
            if (bm_decode(g_parser, NULL, 1, NULL, &t) != BM_E_INVALID_ARGUMENT) arg->ok = 0;
            if (bm_last_error()->code != BM_E_INVALID_ARGUMENT) arg->ok = 0;
            if (strstr(bm_last_error()->message, "bytes") == NULL) arg->ok = 0;
        }
    }
    return NULL;
}

static void test_thread_local_errors(void) {
    pthread_t a, b;
    struct thread_arg aa = {1, 0}, bb = {0, 0};
    /* The main thread's error must survive the other threads. */
    bm_text *t = NULL;
    CHECK_STATUS(bm_decode(g_parser, "abc", 3, NULL, NULL), BM_E_INVALID_ARGUMENT);
    CHECK(pthread_create(&a, NULL, thread_main, &aa) == 0);
    CHECK(pthread_create(&b, NULL, thread_main, &bb) == 0);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    CHECK(aa.ok);
    CHECK(bb.ok);
    CHECK_ERROR(BM_E_INVALID_ARGUMENT, "out");
    (void)t;
}

/* The script option (version 3): the output text in simplified or traditional
 * characters; spans and bm_page_text stay the input; a bad value is an error;
 * a version-2 caller never has the field read. */
static void test_script(void) {
    bm_parse_options o;
    bm_page *keep = NULL, *trad = NULL, *page = NULL;
    char *norm = NULL;
    size_t len = 0, i, n;
    CHECK_STATUS(bm_parse_options_init(&o, BM_PARSE_OPTIONS_VERSION), BM_OK);
    CHECK(o.script == BM_SCRIPT_KEEP);
    {
        bm_parse_options so = BM_PARSE_OPTIONS_INIT;
        CHECK(so.script == BM_SCRIPT_KEEP);
    }
    CHECK_STATUS(bm_parse(g_parser, k_page, sizeof k_page - 1, &o, &keep), BM_OK);
    o.script = BM_SCRIPT_TRADITIONAL;
    CHECK_STATUS(bm_parse(g_parser, k_page, sizeof k_page - 1, &o, &trad), BM_OK);
    if (keep && trad) {
        size_t klen = 0, tlen = 0;
        const char *ktext = bm_page_text(keep, &klen), *ttext = bm_page_text(trad, &tlen);
        CHECK(klen == tlen && memcmp(ktext, ttext, klen) == 0); /* the source */
        n = bm_page_article_count(keep);
        CHECK(n > 0 && n == bm_page_article_count(trad));
        for (i = 0; i < n && i < bm_page_article_count(trad); ++i) {
            size_t ks, ke, ts, te;
            bm_article_span(bm_page_article(keep, i), &ks, &ke);
            bm_article_span(bm_page_article(trad, i), &ts, &te);
            CHECK(ks == ts && ke == te);
            CHECK(bm_article_paragraph_count(bm_page_article(keep, i)) ==
                  bm_article_paragraph_count(bm_page_article(trad, i)));
        }
        {
            const bm_article *a = bm_page_article(trad, 0);
            const char *title = bm_article_title(a);
            /* 省级美丽乡村名录 -> 省級美麗鄉村名錄 */
            CHECK(title && strstr(title, "\xE7\x9C\x81\xE7\xB4\x9A\xE7\xBE\x8E\xE9\xBA\x97") != NULL);
            CHECK(title && strstr(title, "\xE5\x90\x8D\xE9\x8C\x84") != NULL);
            /* the dateline 本报讯 -> 本報訊 */
            CHECK(bm_article_dateline(a) &&
                  strcmp(bm_article_dateline(a), "\xE6\x9C\xAC\xE5\xA0\xB1\xE8\xA8\x8A") == 0);
        }
    }
    bm_page_free(keep);
    bm_page_free(trad);
    /* normalize converts its output too */
    CHECK_STATUS(bm_normalize(g_parser, k_page, sizeof k_page - 1, &o, &norm, &len), BM_OK);
    CHECK(norm && strstr(norm, "\xE6\x9C\xAC\xE5\xA0\xB1\xE8\xA8\x8A") != NULL);
    bm_string_free(norm);
    /* unknown values: BM_E_INVALID_ARGUMENT with a message naming the field */
    o.script = 3;
    CHECK_STATUS(bm_parse(g_parser, k_page, sizeof k_page - 1, &o, &page), BM_E_INVALID_ARGUMENT);
    CHECK_ERROR(BM_E_INVALID_ARGUMENT, "bm_parse_options.script is 3");
    CHECK(page == NULL);
    o.script = -1;
    norm = NULL;
    CHECK_STATUS(bm_normalize(g_parser, k_page, sizeof k_page - 1, &o, &norm, &len), BM_E_INVALID_ARGUMENT);
    CHECK_ERROR(BM_E_INVALID_ARGUMENT, "BM_SCRIPT_TRADITIONAL");
    CHECK(norm == NULL);
    /* a version-2 caller: the bytes where version 3 has `script` are never read */
    o.version = 2;
    o.script = 12345;
    CHECK_STATUS(bm_parse(g_parser, k_page, sizeof k_page - 1, &o, &page), BM_OK);
    bm_page_free(page);
    /* and bm_parse_options_init(..., 2) leaves them alone */
    memset(&o, 0xA5, sizeof o);
    CHECK_STATUS(bm_parse_options_init(&o, 2), BM_OK);
    CHECK(o.version == 2 && o.issue_date == NULL);
    CHECK(o.script == (int)0xA5A5A5A5u);
}

int main(void) {
    CHECK_STATUS(bm_parser_new(NULL, &g_parser), BM_OK);
    if (!g_parser) return 1;
    test_version();
    test_status_strings();
    test_null_arguments();
    test_versioned_options();
    test_limits();
    test_decode_errors();
    test_round_trip();
    test_out_of_range();
    test_free_null();
    test_thread_local_errors();
    test_metadata();
    test_field_spans();
    test_script();
    bm_parser_free(g_parser);
    printf("test_capi: %d checks, %d failures\n", g_checks, g_failures);
    return g_failures == 0 ? 0 : 1;
}
