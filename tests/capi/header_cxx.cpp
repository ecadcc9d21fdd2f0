// The public header must compile as C++ too.
#include "banmian/banmian.h"
// The static initializers work in C++ (every field given: no -Wmissing-field-initializers).
static const bm_parser_options k_parser_defaults = BM_PARSER_OPTIONS_INIT;
static const bm_parse_options k_parse_defaults = BM_PARSE_OPTIONS_INIT;
int bm_header_cxx_dummy() { return static_cast<int>(k_parser_defaults.flags + k_parse_defaults.flags) + BM_OK; }
