// The output bound (docs/page-json.md): the compact page JSON is at most
// 8 x the input's bytes + 64 KiB, whatever the input. Real pages are far below
// it (about 2 x); only floods of items too small to carry their own JSON
// (an item costs about 200 bytes of keys besides its text) can reach it.
#pragma once
#include <cstddef>

#include "core/common/model.h"

namespace bm::detail {

constexpr size_t k_output_bound_factor = 8;
constexpr size_t k_output_bound_slack_bytes = 64 * 1024;

// Bytes of the compact page JSON (page_to_json over page.articles).
size_t page_json_bytes(const Page &page);

// Keeps page_json_bytes(page) within the bound for an input of input_bytes.
// Nothing changes when the page is within it (every real page). Otherwise:
// the optional field spans are dropped, then the day expressions; if the page
// is still over, every item whose JSON is larger than 8 x its own span is merged into
// the item before it (its headline, dateline, note and paragraphs become
// paragraphs of that item; bylines, flags and spans are joined); if the page
// is still over, all items become one. A warning says how many were merged.
void bound_output(Page &page, size_t input_bytes);

}  // namespace bm::detail
