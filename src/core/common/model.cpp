#include "core/common/model.h"

#include "banmian/banmian.h"

namespace bm::detail {

const char *kind_name(Kind kind) {
  switch (kind) {
    case Kind::News: return "news";
    case Kind::Photo: return "photo";
    case Kind::Ad: return "ad";
    case Kind::Weather: return "weather";
    case Kind::Other: return "other";
  }
  return "other";
}

std::vector<const char *> flag_names(uint32_t flags) {
  static const struct {
    uint32_t bit;
    const char *name;
  } table[] = {
      {BM_FLAG_DUPLICATE_TEXT_REMOVED, "duplicate_text_removed"},
      {BM_FLAG_DOUBLED_CHARACTERS_FIXED, "doubled_characters_fixed"},
      {BM_FLAG_TRUNCATED, "truncated"},
      {BM_FLAG_TEXT_MISSING, "text_missing"},
      {BM_FLAG_BYLINE_UNATTACHED, "byline_unattached"},
      {BM_FLAG_INVALID_TEXT, "invalid_text"},
      {BM_FLAG_COLUMNS_INTERLEAVED, "columns_interleaved"},
      {BM_FLAG_BOX_INSIDE, "box_inside"},
  };
  std::vector<const char *> out;
  for (const auto &e : table)
    if (flags & e.bit) out.push_back(e.name);
  return out;
}

}  // namespace bm::detail
