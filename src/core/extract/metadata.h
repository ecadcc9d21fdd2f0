// Metadata of a parsed page (docs/page-json.md, "Optional fields"): the
// paper, issue date, page number and section from the lines the page prints
// at its top; per article the dateline's parts (dateline_info) and the day
// expressions of its headline and paragraphs (dates), resolved against the
// issue date. Runs after extract_page; reads only the page and the lexicon.
#pragma once
#include <optional>
#include <string_view>

#include "core/common/model.h"

namespace bm::detail {

class Lexicon;
struct DateWords;

// `fallback_issue` is the caller's issue date, used when the page prints none.
void annotate_page(Page &page, const Lexicon &lex, const DateWords &words, const std::optional<Ymd> &fallback_issue);

// The parts of one dateline (as in Article::dateline) by the lexicon's
// [dateline.info] patterns; the date placed not after `issue`.
DatelineInfo read_dateline(std::string_view dateline, const Lexicon &lex, const DateWords &words,
                           const std::optional<Ymd> &issue);

}  // namespace bm::detail
