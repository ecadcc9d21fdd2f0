// The `script` option (issue 14, "Script"): the text of the output fields in
// simplified or traditional characters, with ICU's "Traditional-Simplified"
// and "Simplified-Traditional" transliterators. Only what is handed out is
// converted: the decoded text (Page::text) and every span into it stay the
// source, and the pipeline has read the source before (segmentation, roles,
// dates and datelines are the same whatever the script).
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/model.h"

namespace bm::detail {

// Values of bm_parse_options.script (BM_SCRIPT_*).
enum class Script { Keep = 0, Simplified = 1, Traditional = 2 };

// Owned by a Parser and shared by the threads that use it. ICU transliterators
// are created on first use, one per thread that needs one at the same time
// (a small pool under a mutex: an instance is only ever used by one thread at
// once), and kept for the parser's lifetime.
class ScriptConverter {
 public:
  ScriptConverter();
  ~ScriptConverter();
  ScriptConverter(const ScriptConverter &) = delete;
  ScriptConverter &operator=(const ScriptConverter &) = delete;

  // `utf8` in the target script (Keep: unchanged). Throws Error(BM_E_INTERNAL)
  // when ICU has no such transliterator (ICU data without transforms).
  std::string convert(std::string_view utf8, Script to) const;
  // Each string in place (one transliterator for all of them).
  void convert_all(std::vector<std::string> &texts, Script to) const;
  // Every output text field of the page (docs/page-json.md, "script"): masthead,
  // edition, paper, section, page number; per article the headline parts and
  // their roles, dateline and its source and place, editor's note, byline names,
  // paragraphs and the text of the day expressions. Not Page::text, spans,
  // kinds, flags, byline roles or warnings.
  void convert_page(Page &page, Script to) const;

  struct Pool;  // idle transliterators of one direction (script.cpp)

 private:
  std::unique_ptr<Pool> pools_[2];  // [0] to simplified, [1] to traditional
};

}  // namespace bm::detail
