// Stage 8: the page as the JSON of docs/page-json.md (schema banmian.page/1).
#pragma once
#include <string>
#include <vector>

#include "core/common/model.h"

namespace bm::detail {

// `articles` in page order (the C API keeps them outside Page).
std::string page_to_json(const Page &page, const std::vector<const Article *> &articles, bool pretty);

// Appends `s` as a JSON string literal: every control character escaped,
// everything else copied as UTF-8.
void append_json_string(std::string &out, std::string_view s);

}  // namespace bm::detail
