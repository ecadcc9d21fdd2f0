// bm_parser, per-call options, bm_decode and bm_normalize (the options
// structs themselves: options.cpp).
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>

#include "capi/guard.h"
#include "capi/handles.h"
#include "capi/options.h"
#include "capi/strings.h"
#include "core/common/error.h"

using bm::capi::fail;
using bm::capi::guard;

namespace bm::capi {

bool call_options(const bm_parse_options *opts, bm::detail::CallOptions &out, bm_status &status) {
  bm_parse_options o;
  status = read_options(opts, o);  // only the fields of the caller's version
  if (status != BM_OK) return false;
  if ((o.flags & ~BM_PARSE_STRICT_DECODING) != 0) {
    status = fail(BM_E_INVALID_ARGUMENT, "bm_parse_options.flags has unknown bits");
    return false;
  }
  out.strict = (o.flags & BM_PARSE_STRICT_DECODING) != 0;
  if (o.encoding) out.encoding = o.encoding;
  if (o.source) out.source = std::string(o.source);
  if (o.issue_date) {
    out.issue_date = bm::detail::parse_iso_date(o.issue_date);
    if (!out.issue_date) {
      std::string shown(o.issue_date, strnlen(o.issue_date, 40));
      status = fail(BM_E_INVALID_ARGUMENT, ("bm_parse_options.issue_date '" + shown +
                                            "' is not a date as YYYY-MM-DD (a real day, e.g. 2025-01-08)").c_str());
      return false;
    }
  }
  switch (o.script) {
    case BM_SCRIPT_KEEP: out.script = bm::detail::Script::Keep; break;
    case BM_SCRIPT_SIMPLIFIED: out.script = bm::detail::Script::Simplified; break;
    case BM_SCRIPT_TRADITIONAL: out.script = bm::detail::Script::Traditional; break;
    default:
      status = fail(BM_E_INVALID_ARGUMENT, ("bm_parse_options.script is " + std::to_string(o.script) +
                                            ", not one of BM_SCRIPT_KEEP (0), BM_SCRIPT_SIMPLIFIED (1) or "
                                            "BM_SCRIPT_TRADITIONAL (2)").c_str());
      return false;
  }
  return true;
}

}  // namespace bm::capi

namespace {

std::string read_file(const char *path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw bm::detail::Error(BM_E_IO, std::string("cannot open lexicon file ") + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) throw bm::detail::Error(BM_E_IO, std::string("cannot read lexicon file ") + path);
  return ss.str();
}

}  // namespace

extern "C" {

bm_status bm_parser_new(const bm_parser_options *opts, bm_parser **out) {
  return guard([&]() -> bm_status {
    if (!out) return fail(BM_E_INVALID_ARGUMENT, "bm_parser_new: out is NULL");
    *out = nullptr;
    bm_parser_options o;
    const bm_status st = bm::capi::read_options(opts, o);  // only the fields of the caller's version
    if (st != BM_OK) return st;
    if ((o.flags & ~BM_PARSER_LEXICON_REPLACE) != 0)
      return fail(BM_E_INVALID_ARGUMENT, "bm_parser_options.flags has unknown bits");
    if (o.max_input_bytes == 0) o.max_input_bytes = BM_DEFAULT_MAX_INPUT_BYTES;
    if (o.max_input_bytes > BM_LIMIT_MAX_INPUT_BYTES)
      return fail(BM_E_INVALID_ARGUMENT, "bm_parser_options.max_input_bytes is over the 1 GiB limit");
    if (o.lexicon_text == nullptr && o.lexicon_len != 0)
      return fail(BM_E_INVALID_ARGUMENT, "bm_parser_options.lexicon_len without lexicon_text");

    bm::detail::Lexicon lex;
    const bool replace = (o.flags & BM_PARSER_LEXICON_REPLACE) != 0;
    if (!replace) lex.load(bm::detail::k_default_lexicon, "built-in lexicon");
    if (o.lexicon_path) lex.load(read_file(o.lexicon_path), o.lexicon_path);
    if (o.lexicon_text) lex.load(std::string_view(o.lexicon_text, o.lexicon_len), "lexicon_text");
    lex.finish();
    *out = new bm_parser(bm::detail::Parser(std::move(lex), o.max_input_bytes));
    return BM_OK;
  });
}

void bm_parser_free(bm_parser *parser) { delete parser; }

bm_status bm_decode(const bm_parser *parser, const char *bytes, size_t len, const bm_parse_options *opts,
                    bm_text **out) {
  return guard([&]() -> bm_status {
    if (!out) return fail(BM_E_INVALID_ARGUMENT, "bm_decode: out is NULL");
    *out = nullptr;
    if (!parser) return fail(BM_E_INVALID_ARGUMENT, "bm_decode: parser is NULL");
    if (!bytes && len) return fail(BM_E_INVALID_ARGUMENT, "bm_decode: bytes is NULL but len is not 0");
    bm::detail::CallOptions co;
    bm_status st = BM_OK;
    if (!bm::capi::call_options(opts, co, st)) return st;
    auto text = std::make_unique<bm_text>();
    text->text = parser->impl.decode(std::string_view(bytes ? bytes : "", len), co);
    *out = text.release();
    return BM_OK;
  });
}

const char *bm_text_data(const bm_text *text, size_t *len) {
  if (!text) {
    if (len) *len = 0;
    return nullptr;
  }
  if (len) *len = text->text.utf8.size();
  return text->text.utf8.c_str();
}
const char *bm_text_encoding(const bm_text *text) { return text ? text->text.encoding.c_str() : nullptr; }
uint32_t bm_text_flags(const bm_text *text) { return text ? text->text.flags : 0; }
size_t bm_text_replacements(const bm_text *text) { return text ? text->text.replacements : 0; }
int64_t bm_text_first_invalid_offset(const bm_text *text) { return text ? text->text.first_invalid : -1; }
void bm_text_free(bm_text *text) { delete text; }

bm_status bm_normalize(const bm_parser *parser, const char *bytes, size_t len, const bm_parse_options *opts,
                       char **out, size_t *out_len) {
  return guard([&]() -> bm_status {
    if (!out) return fail(BM_E_INVALID_ARGUMENT, "bm_normalize: out is NULL");
    *out = nullptr;
    if (out_len) *out_len = 0;
    if (!parser) return fail(BM_E_INVALID_ARGUMENT, "bm_normalize: parser is NULL");
    if (!bytes && len) return fail(BM_E_INVALID_ARGUMENT, "bm_normalize: bytes is NULL but len is not 0");
    bm::detail::CallOptions co;
    bm_status st = BM_OK;
    if (!bm::capi::call_options(opts, co, st)) return st;
    std::string text = parser->impl.normalize(std::string_view(bytes ? bytes : "", len), co);
    *out = bm::capi::dup_string(text, out_len);
    return BM_OK;
  });
}

}  // extern "C"
