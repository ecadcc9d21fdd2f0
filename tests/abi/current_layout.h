/* Offsets of the version-1 fields in the current header (current_layout.c). */
#ifndef ABI_TEST_CURRENT_LAYOUT_H
#define ABI_TEST_CURRENT_LAYOUT_H
#include <stddef.h>

struct abi_test_layout {
    unsigned parser_version, parse_version; /* BM_*_OPTIONS_VERSION of the current header */
    size_t parser_sizeof, parse_sizeof;
    size_t parser[6]; /* bm_parser_options: version flags max_input_bytes lexicon_path lexicon_text lexicon_len */
    size_t parse[4];  /* bm_parse_options: version flags encoding source */
};
void abi_test_current_layout(struct abi_test_layout *out);

#endif
