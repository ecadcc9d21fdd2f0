// Headline parts: splitting a line that holds two parts, repairing fake-bold
// doubling, and assigning kicker / title / subtitle.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/common/doubling.h"

namespace bm::detail {


// Cuts a raw headline line at a space with a long phrase on both sides (two
// headline lines the extractor put on one line); short phrases keep their gap.
// `ranges`, when given, receives each part's bytes [first, second) in `raw`
// (from its first word's start to its last word's end).
std::vector<std::string> split_headline_line(std::string_view raw,
                                             std::vector<std::pair<size_t, size_t>> *ranges = nullptr);

struct HeadlineLine {
  std::string text;         // normalized part
  bool block_start = true;  // a blank line (or a new block) came before it
};

struct HeadlineRoles {
  std::vector<std::string> parts;
  std::optional<std::string> kicker, title, subtitle;
};

HeadlineRoles assign_roles(const std::vector<HeadlineLine> &lines);

// A first headline line of a few Han characters over a title it does not
// continue (a broken title's lines are alike in length): the name of a
// column or series set over the story, not a kicker (kickers are phrases).
// Both lines normalized.
bool is_column_label(const std::string &first, const std::string &next);

}  // namespace bm::detail
