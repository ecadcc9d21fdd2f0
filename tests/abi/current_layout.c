/* The offsets of the version-1 fields in the *current* header, for
 * v1_caller.c to compare with its frozen copy (fields are only appended, so
 * the version-1 prefix never moves). The only file of the test that sees
 * banmian/banmian.h. */
#include <stddef.h>

#include "banmian/banmian.h"

#include "current_layout.h"

void abi_test_current_layout(struct abi_test_layout *out) {
    out->parser_version = BM_PARSER_OPTIONS_VERSION;
    out->parser_sizeof = sizeof(bm_parser_options);
    out->parser[0] = offsetof(bm_parser_options, version);
    out->parser[1] = offsetof(bm_parser_options, flags);
    out->parser[2] = offsetof(bm_parser_options, max_input_bytes);
    out->parser[3] = offsetof(bm_parser_options, lexicon_path);
    out->parser[4] = offsetof(bm_parser_options, lexicon_text);
    out->parser[5] = offsetof(bm_parser_options, lexicon_len);
    out->parse_version = BM_PARSE_OPTIONS_VERSION;
    out->parse_sizeof = sizeof(bm_parse_options);
    out->parse[0] = offsetof(bm_parse_options, version);
    out->parse[1] = offsetof(bm_parse_options, flags);
    out->parse[2] = offsetof(bm_parse_options, encoding);
    out->parse[3] = offsetof(bm_parse_options, source);
}
