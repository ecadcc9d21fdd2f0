/* Parse one page file and list its articles: the C API without any JSON. */
#include <stdio.h>
#include <stdlib.h>

#include "banmian/banmian.h"

static char *read_all(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t cap = 0, n = 0, got;
    if (!f) return NULL;
    do {
        if (n == cap) {
            char *bigger = realloc(buf, cap = cap ? cap * 2 : 65536);
            if (!bigger) { free(buf); fclose(f); return NULL; }
            buf = bigger;
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
    } while (got > 0);
    fclose(f);
    *len = n;
    return buf;
}

int main(int argc, char **argv) {
    bm_parser *parser = NULL;
    bm_page *page = NULL;
    size_t len = 0, i, j;
    char *bytes;
    if (argc != 2) {
        fprintf(stderr, "usage: %s PAGE.txt\n", argv[0]);
        return 2;
    }
    bytes = read_all(argv[1], &len);
    if (!bytes) {
        fprintf(stderr, "cannot read %s\n", argv[1]);
        return 1;
    }
    if (bm_parser_new(NULL, &parser) != BM_OK || bm_parse(parser, bytes, len, NULL, &page) != BM_OK) {
        fprintf(stderr, "banmian: %s\n", bm_last_error()->message);
        free(bytes);
        bm_parser_free(parser);
        return 1;
    }
    printf("encoding: %s, articles: %zu\n", bm_page_encoding(page), bm_page_article_count(page));
    for (i = 0; i < bm_page_article_count(page); ++i) {
        const bm_article *a = bm_page_article(page, i);
        const char *title = bm_article_title(a);
        printf("[%s] %s\n", bm_article_kind_name(a), title ? title : "(no title)");
        for (j = 0; j < bm_article_byline_count(a); ++j)
            printf("    %s: %s\n", bm_article_byline_role(a, j), bm_article_byline_name(a, j));
        if (bm_article_paragraph_count(a) > 0) printf("    %.60s...\n", bm_article_paragraph(a, 0));
    }
    bm_page_free(page);
    bm_parser_free(parser);
    free(bytes);
    return 0;
}
