/*
 * FROZEN: the declarations a program compiled against version 1 of the
 * options structs sees (include/banmian/banmian.h of SOVERSION 1, trimmed to
 * what v1_caller.c calls). Never edit this file to follow the current header:
 * it stands for an old program's view of the ABI, and the test exists to show
 * that such a program keeps working with every later library of the same
 * SOVERSION, however many fields later versions append.
 */
#ifndef BANMIAN_V1_H
#define BANMIAN_V1_H
#ifdef BANMIAN_H
#error "banmian_v1.h stands for an old header: do not include banmian/banmian.h in the same file"
#endif

#include <stddef.h>
#include <stdint.h>

typedef int bm_status;
enum { BM_OK = 0, BM_E_INVALID_ARGUMENT = -1, BM_E_ENCODING = -3, BM_E_TOO_LARGE = -5, BM_E_VERSION = -8 };

typedef struct bm_error {
    bm_status code;
    const char *message;
    int64_t byte_offset;
} bm_error;
const bm_error *bm_last_error(void);

typedef struct bm_parser bm_parser;
typedef struct bm_text bm_text;
typedef struct bm_page bm_page;

#define BM_PARSER_OPTIONS_VERSION 1
#define BM_PARSER_LEXICON_REPLACE 0x1u
#define BM_DEFAULT_MAX_INPUT_BYTES ((size_t)64 * 1024 * 1024)
typedef struct bm_parser_options {
    uint32_t version;
    uint32_t flags;
    size_t max_input_bytes;
    const char *lexicon_path;
    const char *lexicon_text;
    size_t lexicon_len;
} bm_parser_options;
#define BM_PARSER_OPTIONS_INIT { BM_PARSER_OPTIONS_VERSION, 0u, BM_DEFAULT_MAX_INPUT_BYTES, NULL, NULL, 0 }
bm_status bm_parser_options_init(bm_parser_options *opts, unsigned int version);
bm_status bm_parser_new(const bm_parser_options *opts, bm_parser **out);
void bm_parser_free(bm_parser *parser);

#define BM_PARSE_OPTIONS_VERSION 1
#define BM_PARSE_STRICT_DECODING 0x1u
typedef struct bm_parse_options {
    uint32_t version;
    uint32_t flags;
    const char *encoding;
    const char *source;
} bm_parse_options;
#define BM_PARSE_OPTIONS_INIT { BM_PARSE_OPTIONS_VERSION, 0u, NULL, NULL }
bm_status bm_parse_options_init(bm_parse_options *opts, unsigned int version);

bm_status bm_decode(const bm_parser *parser, const char *bytes, size_t len, const bm_parse_options *opts,
                    bm_text **out);
const char *bm_text_encoding(const bm_text *text);
void bm_text_free(bm_text *text);
bm_status bm_normalize(const bm_parser *parser, const char *bytes, size_t len, const bm_parse_options *opts,
                       char **out, size_t *out_len);
bm_status bm_parse(const bm_parser *parser, const char *bytes, size_t len, const bm_parse_options *opts,
                   bm_page **out);
const char *bm_page_source(const bm_page *page);
size_t bm_page_article_count(const bm_page *page);
void bm_page_free(bm_page *page);
void bm_string_free(char *str);

#endif /* BANMIAN_V1_H */
