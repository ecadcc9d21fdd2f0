/* bm_parse_lines from C (issue 15, part 2): argument and line checks (each
 * naming the line), versions and the caller's array stride, invalid UTF-8 in a
 * line (U+FFFD, flags; BM_E_ENCODING when strict), max_input_bytes, the box
 * accessors, and a hand-made two-column page whose lines, given in any order,
 * must come out column 1 then column 2 with the right boxes. The page text is
 * invented. */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "banmian/banmian.h"

#include "check.h"

static bm_parser *g_parser = NULL;

/* ------------------------------------------------------------------------ */
/* The two-column page                                                      */
/* ------------------------------------------------------------------------ */

/* Every character below is three bytes of UTF-8 (CJK and full-width
 * punctuation), so a line of k characters is 3k bytes and k * FONT points wide. */
#define FONT 10.0
#define HEAD_FONT 24.0
#define COL_CHARS 20                 /* characters of a full body line */
#define LEAD 14.0                    /* body line pitch */
#define LEFT 50.0
#define GUTTER 20.0
#define COL_W (COL_CHARS * FONT)     /* 200 points */
#define BODY_TOP 130.0
#define ROWS 6                       /* lines per column */

static const char k_headline[] = "\xE5\xB1\xB1\xE5\x9F\x8E\xE4\xB8\xBE\xE5\x8A\x9E\xE6\x98\xA5\xE5\xAD\xA3\xE8\xAF\xBB\xE4\xB9\xA6\xE8\x8A\x82";  /* 山城举办春季读书节 */
static const char k_byline[] = "\xE6\x9C\xAC\xE6\x8A\xA5\xE8\xAE\xB0\xE8\x80\x85\xE3\x80\x80\xE6\x9E\x97\xE5\xB0\x8F\xE6\xBA\xAA";  /* 本报记者　林小溪 */
/* Three paragraphs: the first indented line has 18 characters, the others 20;
 * the last line of a paragraph stops short of the column's edge. Column 1
 * holds rows 0-5, column 2 rows 6-11; paragraph 2 runs from column 1 into
 * column 2. */
static const char *const k_paragraphs[3] = {
    "\xE6\x9C\xAC\xE6\x8A\xA5\xE8\xAE\xAF\xE3\x80\x80\xE8\xBF\x9E\xE6\x97\xA5\xE6\x9D\xA5\xEF\xBC\x8C\xE5\xB1\xB1\xE5\x9F\x8E\xE5\x90\x84\xE8\xA1\x97\xE9\x81\x93\xE7\x9A\x84\xE7\xA4\xBE\xE5\x8C\xBA\xE4\xB9\xA6\xE5\xB1\x8B\xE9\x87\x8C\xE4\xBA\xBA\xE5\xA4\xB4\xE6\x94\x92\xE5\x8A\xA8\xEF\xBC\x8C\xE6\x98\xA5\xE5\xAD\xA3\xE8\xAF\xBB\xE4\xB9\xA6\xE8\x8A\x82\xE5\x90\xB8\xE5\xBC\x95\xE4\xBA\x86\xE4\xBC\x97\xE5\xA4\x9A\xE5\xB8\x82\xE6\xB0\x91\xE5\x89\x8D\xE6\x9D\xA5\xE5\x8F\x82\xE5\x8A\xA0"  /* 本报讯　连日来，山城各街道的社区书屋里人头攒动，春季读书节吸引了众多市民前来参加 */
    "\xE5\x90\x84\xE7\xB1\xBB\xE9\x98\x85\xE8\xAF\xBB\xE6\xB4\xBB\xE5\x8A\xA8\xE3\x80\x82",  /* 各类阅读活动。 */
    "\xE8\xAF\xBB\xE4\xB9\xA6\xE8\x8A\x82\xE6\x9C\x9F\xE9\x97\xB4\xEF\xBC\x8C\xE4\xB8\xBB\xE5\x8A\x9E\xE6\x96\xB9\xE5\x9C\xA8\xE5\x9F\x8E\xE4\xB8\x9C\xE6\x96\x87\xE5\x8C\x96\xE5\xB9\xBF\xE5\x9C\xBA\xE8\xAE\xBE\xE7\xBD\xAE\xE4\xBA\x86\xE5\x8D\x81\xE4\xBD\x99\xE4\xB8\xAA\xE4\xB8\xBB\xE9\xA2\x98\xE4\xB9\xA6\xE6\x91\x8A\xEF\xBC\x8C\xE9\x82\x80\xE8\xAF\xB7\xE4\xBD\x9C\xE5\xAE\xB6\xE4\xB8\x8E\xE8\xAF\xBB\xE8\x80\x85\xE9\x9D\xA2\xE5\xAF\xB9\xE9\x9D\xA2\xE4\xBA\xA4\xE6\xB5\x81\xEF\xBC\x8C\xE8\xBF\x98"  /* 读书节期间，主办方在城东文化广场设置了十余个主题书摊，邀请作家与读者面对面交流，还 */
    "\xE4\xB8\xBA\xE5\xB0\x8F\xE8\xAF\xBB\xE8\x80\x85\xE5\x87\x86\xE5\xA4\x87\xE4\xBA\x86\xE7\xBB\x98\xE6\x9C\xAC\xE6\x95\x85\xE4\xBA\x8B\xE4\xBC\x9A\xE5\x92\x8C\xE6\x89\x8B\xE5\xB7\xA5\xE8\xAF\xBE\xE5\xA0\x82\xE3\x80\x82\xE4\xB8\x8D\xE5\xB0\x91\xE5\xAE\xB6\xE9\x95\xBF\xE8\xA1\xA8\xE7\xA4\xBA\xEF\xBC\x8C\xE8\xBF\x99\xE6\xA0\xB7\xE7\x9A\x84\xE6\xB4\xBB\xE5\x8A\xA8\xE8\xAE\xA9\xE5\xAD\xA9\xE5\xAD\x90\xE4\xBB\xAC\xE5\x9C\xA8\xE8\xBD\xBB\xE6\x9D\xBE\xE7\x9A\x84\xE6\xB0\x9B\xE5\x9B\xB4\xE4\xB8\xAD"  /* 为小读者准备了绘本故事会和手工课堂。不少家长表示，这样的活动让孩子们在轻松的氛围中 */
    "\xE7\x88\xB1\xE4\xB8\x8A\xE4\xBA\x86\xE9\x98\x85\xE8\xAF\xBB\xEF\xBC\x8C\xE4\xB9\x9F\xE8\xAE\xA9\xE4\xB8\x80\xE5\xAE\xB6\xE4\xBA\xBA\xE5\xA4\x9A\xE4\xBA\x86\xE5\x85\xB1\xE5\x90\x8C\xE7\x9A\x84\xE8\xAF\x9D\xE9\xA2\x98\xE3\x80\x82",  /* 爱上了阅读，也让一家人多了共同的话题。 */
    "\xE6\x8D\xAE\xE4\xBA\x86\xE8\xA7\xA3\xEF\xBC\x8C\xE4\xBB\x8A\xE5\xB9\xB4\xE7\x9A\x84\xE8\xAF\xBB\xE4\xB9\xA6\xE8\x8A\x82\xE5\xB0\x86\xE6\x8C\x81\xE7\xBB\xAD\xE4\xB8\x80\xE4\xB8\xAA\xE6\x9C\x88\xEF\xBC\x8C\xE5\x90\x84\xE7\xA4\xBE\xE5\x8C\xBA\xE4\xB9\xA6\xE5\xB1\x8B\xE5\xB0\x86\xE5\xBB\xB6\xE9\x95\xBF\xE5\xBC\x80\xE6\x94\xBE\xE6\x97\xB6\xE9\x97\xB4\xEF\xBC\x8C\xE6\x96\xB9\xE4\xBE\xBF\xE4\xB8\x8A\xE7\x8F\xAD\xE6\x97\x8F\xE5\x9C\xA8\xE6\x99\x9A\xE9\x97\xB4\xE5\x80\x9F\xE9\x98\x85\xE3\x80\x82"  /* 据了解，今年的读书节将持续一个月，各社区书屋将延长开放时间，方便上班族在晚间借阅。 */
};

typedef struct {
    char text[COL_CHARS * 3 + 1];
    double x0, y0, x1, y1;
    int paragraph;
} body_line;

/* Cuts the paragraphs into body lines of the two columns. Returns the count. */
static size_t make_body(body_line *out, size_t cap) {
    size_t n = 0;
    int p;
    for (p = 0; p < 3; ++p) {
        const char *s = k_paragraphs[p];
        size_t left = strlen(s) / 3, first = 1;
        while (left > 0 && n < cap) {
            size_t room = first ? COL_CHARS - 2 : COL_CHARS;
            size_t k = left < room ? left : room;
            size_t row = n % ROWS, col = n / ROWS;
            double x0 = LEFT + (double)col * (COL_W + GUTTER) + (first ? 2 * FONT : 0);
            body_line *l = &out[n++];
            memcpy(l->text, s, k * 3);
            l->text[k * 3] = '\0';
            l->x0 = x0;
            l->x1 = x0 + (double)k * FONT;
            l->y0 = BODY_TOP + (double)row * LEAD;
            l->y1 = l->y0 + FONT;
            l->paragraph = p;
            s += k * 3;
            left -= k;
            first = 0;
        }
    }
    return n;
}

static bm_line line_of(const char *text, double x0, double y0, double x1, double y1, double font, uint32_t flags) {
    bm_line l = BM_LINE_INIT;
    l.text = text;
    l.text_len = strlen(text);
    l.x0 = x0;
    l.y0 = y0;
    l.x1 = x1;
    l.y1 = y1;
    l.font_size = font;
    l.flags = flags;
    return l;
}

/* a contains b (with a little slack for rounding) */
static int box_contains(const double *a, const double *b) {
    return a[0] <= b[0] + 0.01 && a[1] <= b[1] + 0.01 && a[2] >= b[2] - 0.01 && a[3] >= b[3] - 0.01;
}
static int box_equals(const double *a, double x0, double y0, double x1, double y1) {
    return fabs(a[0] - x0) < 0.01 && fabs(a[1] - y0) < 0.01 && fabs(a[2] - x1) < 0.01 && fabs(a[3] - y1) < 0.01;
}

static void test_two_columns(void) {
    body_line body[2 * ROWS];
    bm_line lines[2 + 2 * ROWS];
    const size_t nb = make_body(body, 2 * ROWS);
    size_t n = 0, i, tlen = 0;
    bm_page *page = NULL;
    const bm_article *a;
    const char *text, *first_col2, *last_col1;
    double box[4], pbox[4];
    uint32_t pi = 99;
    CHECK(nb == 2 * ROWS); /* the text fills both columns exactly */
    if (nb != 2 * ROWS) return;
    /* Given in reverse reading order, column 2 first: the order must come from the boxes. */
    for (i = nb; i-- > 0;)
        lines[n++] = line_of(body[i].text, body[i].x0, body[i].y0, body[i].x1, body[i].y1, FONT, 0);
    lines[n++] = line_of(k_byline, LEFT, 100, LEFT + 8 * FONT, 100 + FONT, FONT, 0);
    lines[n++] = line_of(k_headline, LEFT + 100, 50, LEFT + 100 + 9 * HEAD_FONT, 50 + HEAD_FONT, HEAD_FONT, BM_LINE_BOLD);
    CHECK_STATUS(bm_parse_lines(g_parser, lines, n, NULL, &page), BM_OK);
    if (!page) return;
    text = bm_page_text(page, &tlen);
    /* reading order: headline, byline, column 1 top to bottom, column 2 */
    last_col1 = strstr(text, body[ROWS - 1].text);
    first_col2 = strstr(text, body[ROWS].text);
    CHECK(strstr(text, k_headline) != NULL && strstr(text, k_headline) < strstr(text, body[0].text));
    CHECK(last_col1 != NULL && first_col2 != NULL && last_col1 < first_col2);
    for (i = 1; i < nb; ++i) {
        const char *prev = strstr(text, body[i - 1].text), *cur = strstr(text, body[i].text);
        CHECK(prev != NULL && cur != NULL && prev < cur);
    }
    CHECK(bm_page_article_count(page) == 1);
    a = bm_page_article(page, 0);
    if (!a) {
        bm_page_free(page);
        return;
    }
    CHECK(bm_article_headline_count(a) == 1 && strcmp(bm_article_headline(a, 0), k_headline) == 0);
    CHECK(bm_article_byline_count(a) == 1 && strcmp(bm_article_byline_name(a, 0), "\xE6\x9E\x97\xE5\xB0\x8F\xE6\xBA\xAA") == 0);  /* 林小溪 */
    /* paragraph 2 runs on from column 1 into column 2 and is one paragraph */
    CHECK(bm_article_paragraph_count(a) == 3);
    if (bm_article_paragraph_count(a) == 3) {
        CHECK(strcmp(bm_article_paragraph(a, 1), k_paragraphs[1]) == 0);
        CHECK(strcmp(bm_article_paragraph(a, 2), k_paragraphs[2]) == 0);
        /* the dateline 本报讯 is taken off the first paragraph */
        CHECK(strstr(k_paragraphs[0], bm_article_paragraph(a, 0)) != NULL);
    }
    /* the article's box: the union of its lines' boxes */
    CHECK(bm_article_bbox(a, &pi, box) == 1);
    CHECK(pi == 0);
    CHECK(box_equals(box, LEFT, 50, LEFT + 2 * COL_W + GUTTER, BODY_TOP + (ROWS - 1) * LEAD + FONT));
    CHECK(bm_article_bbox(a, NULL, NULL) == 1); /* both out-parameters may be NULL */
    /* the headline's box is its line's */
    CHECK(bm_article_headline_bbox(a, 0, &pi, pbox) == 1);
    CHECK(box_equals(pbox, LEFT + 100, 50, LEFT + 100 + 9 * HEAD_FONT, 50 + HEAD_FONT));
    /* paragraph 1: column 1 only; paragraph 2: both columns; paragraph 3: column 2 only */
    if (bm_article_paragraph_count(a) == 3) {
        CHECK(bm_article_paragraph_bbox(a, 0, &pi, pbox) == 1);
        CHECK(pbox[2] <= LEFT + COL_W + 0.01 && box_contains(box, pbox));
        CHECK(bm_article_paragraph_bbox(a, 1, &pi, pbox) == 1);
        CHECK(pbox[0] <= LEFT + 0.01 && pbox[2] >= LEFT + COL_W + GUTTER + 1);
        CHECK(bm_article_paragraph_bbox(a, 2, &pi, pbox) == 1);
        CHECK(pbox[0] >= LEFT + COL_W + GUTTER - 0.01 && box_contains(box, pbox));
    }
    /* out of range: 0, zeros */
    box[0] = box[1] = box[2] = box[3] = 7;
    pi = 7;
    CHECK(bm_article_paragraph_bbox(a, 99, &pi, box) == 0);
    CHECK(pi == 0 && box[0] == 0 && box[1] == 0 && box[2] == 0 && box[3] == 0);
    CHECK(bm_article_headline_bbox(a, 99, NULL, NULL) == 0);
    bm_page_free(page);
}

/* Lines on two pages of a source: the box accessors give each page. */
static void test_page_index(void) {
    bm_line lines[3];
    bm_page *page = NULL;
    uint32_t pi = 99;
    size_t i;
    lines[0] = line_of(k_headline, 50, 50, 50 + 9 * HEAD_FONT, 50 + HEAD_FONT, HEAD_FONT, BM_LINE_BOLD);
    lines[1] = line_of(k_byline, 50, 100, 50 + 8 * FONT, 100 + FONT, FONT, 0);
    lines[2] = line_of(k_paragraphs[2], 50, 130, 50 + 40 * FONT, 130 + FONT, FONT, 0);
    for (i = 0; i < 3; ++i) lines[i].page_index = 4;
    CHECK_STATUS(bm_parse_lines(g_parser, lines, 3, NULL, &page), BM_OK);
    if (!page) return;
    CHECK(bm_page_article_count(page) >= 1);
    if (bm_page_article_count(page) >= 1) {
        CHECK(bm_article_bbox(bm_page_article(page, 0), &pi, NULL) == 1);
        CHECK(pi == 4);
    }
    bm_page_free(page);
}

/* ------------------------------------------------------------------------ */
/* Checks of the arguments and the lines                                    */
/* ------------------------------------------------------------------------ */

static void test_arguments(void) {
    bm_line l = line_of("\xE7\x94\xB2\xE4\xB9\x99", 0, 0, 20, 10, 10, 0);  /* 甲乙 */
    bm_page *page = (bm_page *)&l; /* must be set to NULL on failure */
    CHECK_STATUS(bm_parse_lines(NULL, &l, 1, NULL, &page), BM_E_INVALID_ARGUMENT);
    CHECK_ERROR(BM_E_INVALID_ARGUMENT, "parser");
    CHECK(page == NULL);
    CHECK_STATUS(bm_parse_lines(g_parser, &l, 1, NULL, NULL), BM_E_INVALID_ARGUMENT);
    CHECK_ERROR(BM_E_INVALID_ARGUMENT, "out");
    CHECK_STATUS(bm_parse_lines(g_parser, NULL, 3, NULL, &page), BM_E_INVALID_ARGUMENT);
    CHECK_ERROR(BM_E_INVALID_ARGUMENT, "lines is NULL");
    CHECK(page == NULL);
    /* NULL text with a length */
    l.text = NULL;
    CHECK_STATUS(bm_parse_lines(g_parser, &l, 1, NULL, &page), BM_E_INVALID_ARGUMENT);
    CHECK_ERROR(BM_E_INVALID_ARGUMENT, "line 0: text is NULL");
    /* NULL text of length 0 is an empty line */
    l.text_len = 0;
    CHECK_STATUS(bm_parse_lines(g_parser, &l, 1, NULL, &page), BM_OK);
    bm_page_free(page);
}

/* n = 0 (lines NULL or not): an empty page with a warning. */
static void test_empty(void) {
    bm_line l = BM_LINE_INIT;
    bm_page *page = NULL;
    char *json = NULL;
    size_t len = 0, tlen = 99;
    int round;
    for (round = 0; round < 2; ++round) {
        CHECK_STATUS(bm_parse_lines(g_parser, round ? &l : NULL, 0, NULL, &page), BM_OK);
        if (!page) continue;
        CHECK(bm_page_article_count(page) == 0);
        CHECK(bm_page_text(page, &tlen) != NULL && tlen == 0);
        CHECK_STATUS(bm_page_to_json(page, 0, &json, &len), BM_OK);
        CHECK(json && strstr(json, "\"warnings\":[\"no text in the positioned lines") != NULL);
        bm_string_free(json);
        bm_page_free(page);
        page = NULL;
    }
    /* lines with no text at all (a scan's empty text layer): the same */
    l.x1 = 100;
    l.y1 = 10;
    CHECK_STATUS(bm_parse_lines(g_parser, &l, 1, NULL, &page), BM_OK);
    if (page) {
        CHECK(bm_page_article_count(page) == 0);
        CHECK_STATUS(bm_page_to_json(page, 0, &json, &len), BM_OK);
        CHECK(json && strstr(json, "no text in the positioned lines") != NULL);
        bm_string_free(json);
        bm_page_free(page);
    }
}

/* Each bad line fails the call with BM_E_INVALID_ARGUMENT naming the line. */
static void test_bad_lines(void) {
    bm_line lines[3];
    bm_page *page = NULL;
    const double nan = strtod("NAN", NULL), inf = strtod("INF", NULL);
    int k;
    for (k = 0; k < 11; ++k) {
        lines[0] = line_of("\xE7\x94\xB2\xE4\xB9\x99", 0, 0, 20, 10, 10, 0);  /* 甲乙 */
        lines[1] = line_of("\xE4\xB8\x99\xE4\xB8\x81", 0, 20, 20, 30, 10, 0);  /* 丙丁 */
        lines[2] = line_of("\xE6\x88\x8A\xE5\xB7\xB1", 0, 40, 20, 50, 10, 0);  /* 戊己 */
        switch (k) {
            case 0: lines[2].x1 = -1; break;                           /* inverted: x1 < x0 */
            case 1: lines[2].y0 = 60; break;                           /* inverted: y1 < y0 */
            case 2: lines[2].y1 = nan; break;                          /* not finite */
            case 3: lines[2].x0 = -inf; break;                         /* not finite */
            case 4: lines[2].x1 = 2 * BM_LINE_MAX_COORDINATE; break;   /* huge */
            case 5: lines[2].x0 = -2 * BM_LINE_MAX_COORDINATE; break;  /* huge, negative */
            case 6: lines[2].font_size = -1; break;                    /* negative font size */
            case 7: lines[2].font_size = nan; break;                   /* not finite */
            case 8: lines[2].flags = 0x8u; break;                      /* unknown flag bit */
            case 9: lines[2].flags = BM_LINE_BOLD | 0x80000000u; break;
            case 10: lines[2].flags = BM_LINE_DRAWN; break;            /* a drawn element with text */
        }
        page = (bm_page *)lines;
        CHECK_STATUS(bm_parse_lines(g_parser, lines, 3, NULL, &page), BM_E_INVALID_ARGUMENT);
        CHECK_ERROR(BM_E_INVALID_ARGUMENT, "line 2:");
        CHECK(page == NULL);
    }
    /* at the limit is fine; a degenerate (zero-size) box too */
    lines[2] = line_of("\xE6\x88\x8A\xE5\xB7\xB1", -BM_LINE_MAX_COORDINATE, 40, BM_LINE_MAX_COORDINATE, 40, 0, BM_LINE_BOLD | BM_LINE_ITALIC);  /* 戊己 */
    CHECK_STATUS(bm_parse_lines(g_parser, lines, 3, NULL, &page), BM_OK);
    bm_page_free(page);
    /* a drawn element (no text; its font size is not read) is accepted */
    lines[2] = line_of("", 0, 60, 100, 90, 0, BM_LINE_DRAWN);
    lines[2].font_size = nan;
    CHECK_STATUS(bm_parse_lines(g_parser, lines, 3, NULL, &page), BM_OK);
    CHECK(page != NULL);
    if (page) {
        size_t len = 0;
        const char *text = bm_page_text(page, &len);
        /* the text lines are all there; the drawn element adds none */
        CHECK(text && strstr(text, "\xE7\x94\xB2\xE4\xB9\x99") && strstr(text, "\xE4\xB8\x99\xE4\xB8\x81"));
        CHECK(text && len == strlen(text) && len < 3 * 7 + 8);
    }
    bm_page_free(page);
}

/* The version of the first line decides; others must match it. */
static void test_versions(void) {
    bm_line lines[2];
    bm_page *page = NULL;
    lines[0] = line_of("\xE7\x94\xB2\xE4\xB9\x99", 0, 0, 20, 10, 10, 0);  /* 甲乙 */
    lines[1] = line_of("\xE4\xB8\x99\xE4\xB8\x81", 0, 20, 20, 30, 10, 0);  /* 丙丁 */
    lines[0].version = 0;
    lines[1].version = 0;
    CHECK_STATUS(bm_parse_lines(g_parser, lines, 2, NULL, &page), BM_E_VERSION);
    CHECK_ERROR(BM_E_VERSION, "version 0");
    lines[0].version = BM_LINE_VERSION + 1;
    lines[1].version = BM_LINE_VERSION + 1;
    CHECK_STATUS(bm_parse_lines(g_parser, lines, 2, NULL, &page), BM_E_VERSION);
    CHECK(page == NULL);
    lines[0].version = 0xFFFFFFFFu;
    CHECK_STATUS(bm_parse_lines(g_parser, lines, 2, NULL, &page), BM_E_VERSION);
    /* mixed: line 1 says another version than line 0 */
    lines[0].version = BM_LINE_VERSION;
    lines[1].version = BM_LINE_VERSION + 1;
    CHECK_STATUS(bm_parse_lines(g_parser, lines, 2, NULL, &page), BM_E_INVALID_ARGUMENT);
    CHECK_ERROR(BM_E_INVALID_ARGUMENT, "line 1: version");
    lines[1].version = 0;
    CHECK_STATUS(bm_parse_lines(g_parser, lines, 2, NULL, &page), BM_E_INVALID_ARGUMENT);
    CHECK_ERROR(BM_E_INVALID_ARGUMENT, "line 1");
    CHECK(page == NULL);
}

/* bm_line as version 1 declared it, the layout a program compiled against
 * that header passes. When a version 2 appends fields, sizeof(bm_line) grows
 * but such a program's array keeps this stride; the library must step by it
 * (line_size in page_api.cpp) and never read past the array's end. */
typedef struct {
    uint32_t version;
    uint32_t flags;
    const char *text;
    size_t text_len;
    double x0, y0, x1, y1;
    double font_size;
    uint32_t page_index;
} line_v1;

static void test_v1_stride(void) {
    const size_t n = 3;
    /* exactly n elements on the heap: a read past the end shows under ASan and valgrind */
    line_v1 *v = (line_v1 *)malloc(n * sizeof(line_v1));
    bm_page *page = NULL;
    size_t i, tlen = 0;
    const char *text;
    static const char *const texts[3] = {"\xE5\xB1\xB1\xE5\x9F\x8E\xE4\xB8\xBE\xE5\x8A\x9E\xE6\x98\xA5\xE5\xAD\xA3\xE8\xAF\xBB\xE4\xB9\xA6\xE8\x8A\x82", "\xE6\x9C\xAC\xE6\x8A\xA5\xE8\xAE\xB0\xE8\x80\x85\xE3\x80\x80\xE6\x9E\x97\xE5\xB0\x8F\xE6\xBA\xAA", "\xE6\x8D\xAE\xE4\xBA\x86\xE8\xA7\xA3\xEF\xBC\x8C\xE4\xBB\x8A\xE5\xB9\xB4\xE7\x9A\x84\xE8\xAF\xBB\xE4\xB9\xA6\xE8\x8A\x82\xE5\xB0\x86\xE6\x8C\x81\xE7\xBB\xAD\xE4\xB8\x80\xE4\xB8\xAA\xE6\x9C\x88\xE3\x80\x82"};  /* 山城举办春季读书节 | 本报记者　林小溪 | 据了解，今年的读书节将持续一个月。 */
    CHECK(v != NULL);
    if (!v) return;
    memset(v, 0, n * sizeof(line_v1));
    for (i = 0; i < n; ++i) {
        v[i].version = 1;
        v[i].text = texts[i];
        v[i].text_len = strlen(texts[i]);
        v[i].x0 = 50;
        v[i].y0 = 50 + 40 * (double)i;
        v[i].x1 = 50 + 20 * (double)strlen(texts[i]) / 3;
        v[i].y1 = v[i].y0 + (i == 0 ? 20 : 10);
        v[i].font_size = i == 0 ? 20 : 10;
        v[i].page_index = (uint32_t)i; /* read at the v1 offset or not at all */
    }
    /* version 1's fields sit where bm_line has them */
    CHECK(offsetof(line_v1, page_index) == offsetof(bm_line, page_index));
    CHECK(offsetof(line_v1, font_size) == offsetof(bm_line, font_size));
#if BM_LINE_VERSION == 1
    CHECK(sizeof(line_v1) == sizeof(bm_line));
#endif
    CHECK_STATUS(bm_parse_lines(g_parser, (const bm_line *)(const void *)v, n, NULL, &page), BM_OK);
    if (page) {
        text = bm_page_text(page, &tlen);
        /* all three lines read (a wrong stride loses or garbles them) */
        for (i = 0; i < n; ++i) CHECK(strstr(text, i == 1 ? "\xE6\x9E\x97\xE5\xB0\x8F\xE6\xBA\xAA" : texts[i]) != NULL);  /* 林小溪 */
        bm_page_free(page);
    }
    free(v);
}

/* ------------------------------------------------------------------------ */
/* Text: invalid UTF-8, strict decoding, the input limit                    */
/* ------------------------------------------------------------------------ */

static void test_encoding(void) {
    bm_line lines[2];
    bm_page *page = NULL;
    bm_parse_options o;
    size_t tlen = 0;
    const char *text;
    lines[0] = line_of("\xE5\xB1\xB1\xE5\x9F\x8E\xE4\xB8\xBE\xE5\x8A\x9E\xE6\x98\xA5\xE5\xAD\xA3\xE8\xAF\xBB\xE4\xB9\xA6\xE8\x8A\x82", 50, 50, 230, 70, 20, BM_LINE_BOLD);  /* 山城举办春季读书节 */
    lines[1] = line_of("\xE8\xAF\xBB\xE4\xB9\xA6\xFF\xE8\x8A\x82\xE5\xBC\x80\xE5\xB9\x95", 50, 100, 110, 110, 10, 0);  /* 读书<FF>节开幕 */
    lines[1].text_len = strlen(lines[1].text);
    CHECK_STATUS(bm_parse_lines(g_parser, lines, 2, NULL, &page), BM_OK);
    if (page) {
        text = bm_page_text(page, &tlen);
        CHECK(strstr(text, "\xE8\xAF\xBB\xE4\xB9\xA6\xEF\xBF\xBD\xE8\x8A\x82\xE5\xBC\x80\xE5\xB9\x95") != NULL); /* U+FFFD */
        CHECK(bm_page_flags(page) & BM_TEXT_INVALID_REPLACED);
        CHECK(bm_page_replacements(page) == 1);
        bm_page_free(page);
        page = NULL;
    }
    bm_parse_options_init(&o, BM_PARSE_OPTIONS_VERSION);
    o.flags = BM_PARSE_STRICT_DECODING;
    CHECK_STATUS(bm_parse_lines(g_parser, lines, 2, &o, &page), BM_E_ENCODING);
    CHECK_ERROR(BM_E_ENCODING, NULL);
    CHECK(page == NULL);
    /* strict and valid: fine */
    CHECK_STATUS(bm_parse_lines(g_parser, lines, 1, &o, &page), BM_OK);
    bm_page_free(page);
    page = NULL;
    /* options are checked as in bm_parse */
    o.version = 0;
    CHECK_STATUS(bm_parse_lines(g_parser, lines, 1, &o, &page), BM_E_VERSION);
    bm_parse_options_init(&o, BM_PARSE_OPTIONS_VERSION);
    o.flags = 0x80u;
    CHECK_STATUS(bm_parse_lines(g_parser, lines, 1, &o, &page), BM_E_INVALID_ARGUMENT);
    CHECK(page == NULL);
}

static void test_limit(void) {
    bm_parser_options po;
    bm_parser *p = NULL;
    bm_page *page = NULL;
    bm_line lines[4];
    char text[61];
    size_t i;
    memset(text, 'a', 60);
    text[60] = '\0';
    for (i = 0; i < 4; ++i) lines[i] = line_of(text, 0, 20 * (double)i, 300, 20 * (double)i + 10, 10, 0);
    bm_parser_options_init(&po, BM_PARSER_OPTIONS_VERSION);
    po.max_input_bytes = 200;
    CHECK_STATUS(bm_parser_new(&po, &p), BM_OK);
    if (!p) return;
    /* three lines: 3 x 61 = 183 bytes counted (text and a line end each) */
    CHECK_STATUS(bm_parse_lines(p, lines, 3, NULL, &page), BM_OK);
    bm_page_free(page);
    page = (bm_page *)lines;
    /* four: 244 > 200 */
    CHECK_STATUS(bm_parse_lines(p, lines, 4, NULL, &page), BM_E_TOO_LARGE);
    CHECK_ERROR(BM_E_TOO_LARGE, "200");
    CHECK(page == NULL);
    /* n too large for any array: refused before anything is read */
    CHECK_STATUS(bm_parse_lines(p, lines, SIZE_MAX, NULL, &page), BM_E_TOO_LARGE);
    bm_parser_free(p);
}

/* The box accessors on a page parsed from text, and on NULL. */
static void test_bbox_without_geometry(void) {
    static const char k_text[] = "\xE5\xB1\xB1\xE5\x9F\x8E\xE4\xB8\xBE\xE5\x8A\x9E\xE6\x98\xA5\xE5\xAD\xA3\xE8\xAF\xBB\xE4\xB9\xA6\xE8\x8A\x82\n\n\xE6\x9C\xAC\xE6\x8A\xA5\xE8\xAE\xAF\xE3\x80\x80\xE8\xBF\x9E\xE6\x97\xA5\xE6\x9D\xA5\xEF\xBC\x8C\xE5\xB1\xB1\xE5\x9F\x8E\xE5\x90\x84\xE8\xA1\x97\xE9\x81\x93\xE7\x9A\x84\xE7\xA4\xBE\xE5\x8C\xBA\xE4\xB9\xA6\xE5\xB1\x8B\xE9\x87\x8C\xE4\xBA\xBA\xE5\xA4\xB4\xE6\x94\x92\xE5\x8A\xA8\xE3\x80\x82\n";  /* 山城举办春季读书节\n\n本报讯　连日来，山城各街道的社区书屋里人头攒动。\n */
    bm_page *page = NULL;
    double box[4] = {1, 2, 3, 4};
    uint32_t pi = 9;
    CHECK(bm_article_bbox(NULL, &pi, box) == 0);
    CHECK(pi == 0 && box[0] == 0 && box[1] == 0 && box[2] == 0 && box[3] == 0);
    CHECK(bm_article_bbox(NULL, NULL, NULL) == 0);
    CHECK(bm_article_headline_bbox(NULL, 0, NULL, box) == 0);
    CHECK(bm_article_paragraph_bbox(NULL, 0, &pi, NULL) == 0);
    CHECK_STATUS(bm_parse(g_parser, k_text, sizeof k_text - 1, NULL, &page), BM_OK);
    if (!page) return;
    CHECK(bm_page_article_count(page) >= 1);
    if (bm_page_article_count(page) >= 1) {
        const bm_article *a = bm_page_article(page, 0);
        box[0] = 5;
        pi = 5;
        CHECK(bm_article_bbox(a, &pi, box) == 0);
        CHECK(pi == 0 && box[0] == 0);
        CHECK(bm_article_headline_bbox(a, 0, &pi, box) == 0);
        CHECK(bm_article_paragraph_bbox(a, 0, &pi, box) == 0);
    }
    bm_page_free(page);
}

int main(void) {
    CHECK_STATUS(bm_parser_new(NULL, &g_parser), BM_OK);
    if (!g_parser) return 1;
    test_arguments();
    test_empty();
    test_bad_lines();
    test_versions();
    test_v1_stride();
    test_encoding();
    test_limit();
    test_bbox_without_geometry();
    test_two_columns();
    test_page_index();
    bm_parser_free(g_parser);
    printf("test_lines: %d checks, %d failures\n", g_checks, g_failures);
    return g_failures == 0 ? 0 : 1;
}
