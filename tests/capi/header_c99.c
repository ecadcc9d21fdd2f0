/* The public header must compile as C99 with -pedantic -Werror. */
#include "banmian/banmian.h"
/* The static initializers are constant expressions. */
static const bm_parser_options k_parser_defaults = BM_PARSER_OPTIONS_INIT;
static const bm_parse_options k_parse_defaults = BM_PARSE_OPTIONS_INIT;
int bm_header_c99_dummy(void) { return (int)(k_parser_defaults.flags + k_parse_defaults.flags) + BM_OK; }
