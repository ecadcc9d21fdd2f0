// bm_parser_options_init, bm_parse_options_init and the reading of a caller's
// options: one size table per options struct, indexed by version, so that a
// program compiled against version N gets only N's fields written and read,
// however many fields later versions append (libgit2's git_*_options_init).
#include "capi/options.h"

#include <cstddef>
#include <cstring>
#include <iterator>
#include <string>

#include "capi/guard.h"

namespace {

// The end of the last field of each version (index = version; 0 is invalid).
// Appending a field: add its end here as the next entry (offsetof + sizeof),
// bump the header's *_OPTIONS_VERSION, give it a default in *_defaults().
constexpr size_t k_parser_options_size[] = {
    0,
    offsetof(bm_parser_options, lexicon_len) + sizeof(size_t),  // 1
};
constexpr size_t k_parse_options_size[] = {
    0,
    offsetof(bm_parse_options, source) + sizeof(const char *),  // 1
    offsetof(bm_parse_options, issue_date) + sizeof(const char *),  // 2
    offsetof(bm_parse_options, script) + sizeof(int),  // 3
};

// A version added to the header without its table entry, or a field appended
// without a new version, fails to compile.
template <class T, size_t N>
constexpr bool table_matches(const size_t (&sizes)[N], unsigned current) {
  return N == current + 1 && sizes[current] <= sizeof(T) && sizeof(T) - sizes[current] < alignof(T);
}
static_assert(table_matches<bm_parser_options>(k_parser_options_size, BM_PARSER_OPTIONS_VERSION),
              "k_parser_options_size needs one entry per BM_PARSER_OPTIONS_VERSION, the last ending at the last field");
static_assert(table_matches<bm_parse_options>(k_parse_options_size, BM_PARSE_OPTIONS_VERSION),
              "k_parse_options_size needs one entry per BM_PARSE_OPTIONS_VERSION, the last ending at the last field");

bm_parser_options parser_defaults() {
  bm_parser_options o;
  std::memset(&o, 0, sizeof o);
  o.version = BM_PARSER_OPTIONS_VERSION;
  o.max_input_bytes = BM_DEFAULT_MAX_INPUT_BYTES;
  return o;
}

bm_parse_options parse_defaults() {
  bm_parse_options o;
  std::memset(&o, 0, sizeof o);
  o.version = BM_PARSE_OPTIONS_VERSION;
  o.script = BM_SCRIPT_KEEP;
  return o;
}

bool known(unsigned version, unsigned current) { return version >= 1 && version <= current; }

bm_status bad_version(const char *what, unsigned version, unsigned current, const char *hint) {
  std::string m = std::string(what) + " " + std::to_string(version) + " is not a version this library knows (1 to " +
                  std::to_string(current) + "): " + hint;
  bm::capi::set_error(BM_E_VERSION, m);
  return BM_E_VERSION;
}

template <class T>
bm_status init(T *opts, unsigned version, const T &defaults, const size_t *sizes, unsigned current,
               const char *fn, const char *macro) {
  if (!opts) return bm::capi::fail(BM_E_INVALID_ARGUMENT, (std::string(fn) + ": opts is NULL").c_str());
  if (!known(version, current))
    return bad_version((std::string(fn) + ": version").c_str(), version, current,
                       (std::string("pass ") + macro).c_str());
  std::memcpy(static_cast<void *>(opts), &defaults, sizes[version]);
  opts->version = version;
  return BM_OK;
}

template <class T>
bm_status read(const T *opts, T &out, const T &defaults, const size_t *sizes, unsigned current, const char *what,
               const char *init_fn) {
  out = defaults;
  if (!opts) return BM_OK;
  const unsigned version = opts->version;  // the first field of every version
  if (!known(version, current))
    return bad_version(what, version, current, (std::string("fill the struct with ") + init_fn).c_str());
  std::memcpy(static_cast<void *>(&out), opts, sizes[version]);
  return BM_OK;
}

}  // namespace

namespace bm::capi {

bm_status read_options(const bm_parser_options *opts, bm_parser_options &out) {
  return read(opts, out, parser_defaults(), k_parser_options_size, BM_PARSER_OPTIONS_VERSION,
              "bm_parser_options.version", "bm_parser_options_init");
}

bm_status read_options(const bm_parse_options *opts, bm_parse_options &out) {
  return read(opts, out, parse_defaults(), k_parse_options_size, BM_PARSE_OPTIONS_VERSION,
              "bm_parse_options.version", "bm_parse_options_init");
}

}  // namespace bm::capi

extern "C" {

bm_status bm_parser_options_init(bm_parser_options *opts, unsigned int version) {
  return bm::capi::guard([&]() -> bm_status {
    return init(opts, version, parser_defaults(), k_parser_options_size, BM_PARSER_OPTIONS_VERSION,
                "bm_parser_options_init", "BM_PARSER_OPTIONS_VERSION");
  });
}

bm_status bm_parse_options_init(bm_parse_options *opts, unsigned int version) {
  return bm::capi::guard([&]() -> bm_status {
    return init(opts, version, parse_defaults(), k_parse_options_size, BM_PARSE_OPTIONS_VERSION,
                "bm_parse_options_init", "BM_PARSE_OPTIONS_VERSION");
  });
}

}  // extern "C"
