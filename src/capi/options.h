// Versioned options structs (banmian.h, "Versioned options"): the library
// reads and writes only the fields of the version the caller declares.
#pragma once
#include "banmian/banmian.h"

namespace bm::capi {

// The caller's options (NULL = defaults) as a struct of the current version:
// the defaults, overwritten by the fields that exist in opts->version (only
// those bytes of *opts are read). An unknown version records BM_E_VERSION and
// returns it; `out` is then the defaults.
bm_status read_options(const bm_parser_options *opts, bm_parser_options &out);
bm_status read_options(const bm_parse_options *opts, bm_parse_options &out);

}  // namespace bm::capi
