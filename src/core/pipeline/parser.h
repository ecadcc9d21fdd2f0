// The whole pipeline behind one immutable object:
// decode -> lines -> blocks -> classify -> segment -> assemble -> extract.
// A Parser is built once (lexicon loaded, patterns compiled) and then only
// read, so any number of threads may use one Parser at once.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/model.h"
#include "core/decode/decode.h"
#include "core/extract/dates.h"
#include "core/geometry/lay_out.h"
#include "core/geometry/positioned.h"
#include "core/lexicon/lexicon.h"
#include "core/output/script.h"
#include "core/segment/model.h"

namespace bm::detail {

struct CallOptions {
  std::string encoding;  // "" = auto
  bool strict = false;
  std::optional<std::string> source;
  // The issue date when the page prints none (relative days resolve against it).
  std::optional<Ymd> issue_date;
  // The script of the output text (headlines, paragraphs, ...; normalize's
  // output); the decoded text and the spans into it stay the source.
  Script script = Script::Keep;
};

class Parser {
 public:
  Parser(Lexicon lexicon, size_t max_input_bytes);
  // With another segment model than the built-in one (the fitting tools).
  Parser(Lexicon lexicon, size_t max_input_bytes, SegmentModel model);

  DecodedText decode(std::string_view bytes, const CallOptions &options) const;
  // Normalized text of a whole input: one paragraph per line, each ending in '\n'.
  std::string normalize(std::string_view bytes, const CallOptions &options) const;
  Page parse(std::string_view bytes, const CallOptions &options) const;
  // A page from positioned lines (a PDF's, OCR's): read in reading order
  // into page text (geometry/), parsed like parse(), and the articles and
  // their fields given boxes on the page. options.encoding is not used (line
  // text is UTF-8). Throws Error(BM_E_TOO_LARGE) over max_input_bytes of text.
  Page parse_lines(std::vector<PositionedLine> lines, std::vector<PageBox> drawn, const CallOptions &options) const;

  const Lexicon &lexicon() const { return lexicon_; }
  size_t max_input_bytes() const { return max_input_bytes_; }

 private:
  // Lines to the end of the text pipeline, over page.text; `laid`, when the
  // text was laid out from positioned lines, gives each line its face.
  void parse_text(Page &page, const CallOptions &options, const LaidOutText *laid = nullptr) const;

  Lexicon lexicon_;
  DateWords date_words_;  // the lexicon's [date.*] words, read once
  size_t max_input_bytes_;
  std::optional<SegmentModel> own_model_;
  const SegmentModel *model_;
  // Thread-safe itself (a pool of ICU transliterators); shared by copies.
  std::shared_ptr<const ScriptConverter> script_;
};

}  // namespace bm::detail
