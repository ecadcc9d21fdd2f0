#include "core/pipeline/parser.h"

#include "core/assemble/assemble.h"
#include "core/extract/extract.h"
#include "core/extract/metadata.h"
#include "core/common/error.h"
#include "core/common/utf8.h"
#include "core/geometry/boxes.h"
#include "core/geometry/lay_out.h"
#include "core/geometry/reading_order.h"
#include "core/lines/lines.h"
#include "core/output/bound.h"

namespace bm::detail {

Parser::Parser(Lexicon lexicon, size_t max_input_bytes)
    : lexicon_(std::move(lexicon)), date_words_(DateWords::from(lexicon_)), max_input_bytes_(max_input_bytes), model_(&SegmentModel::builtin()),
      script_(std::make_shared<const ScriptConverter>()) {}

Parser::Parser(Lexicon lexicon, size_t max_input_bytes, SegmentModel model)
    : lexicon_(std::move(lexicon)), date_words_(DateWords::from(lexicon_)), max_input_bytes_(max_input_bytes),
      own_model_(std::move(model)),
      model_(&*own_model_), script_(std::make_shared<const ScriptConverter>()) {}

DecodedText Parser::decode(std::string_view bytes, const CallOptions &options) const {
  DecodeOptions d;
  d.encoding = options.encoding;
  d.strict = options.strict;
  d.max_bytes = max_input_bytes_;
  return bm::detail::decode(bytes, d);
}

std::string Parser::normalize(std::string_view bytes, const CallOptions &options) const {
  DecodedText text = decode(bytes, options);
  const std::vector<Line> lines = split_lines(text.utf8);
  std::vector<std::string> paragraphs = reflow_all(text.utf8, lines);
  script_->convert_all(paragraphs, options.script);  // paragraph by paragraph (Keep: nothing)
  std::string out;
  for (const std::string &p : paragraphs) {
    out += p;
    out.push_back('\n');
  }
  return out;
}

Page Parser::parse(std::string_view bytes, const CallOptions &options) const {
  Page page;
  RegexReport report;  // lexicon patterns that hit the match limit on this page
  page.source = options.source;
  page.text = decode(bytes, options);
  parse_text(page, options);
  page.warnings = std::move(report.warnings);
  bound_output(page, bytes.size());  // JSON <= 8 x input + 64 KiB, whatever the input
  return page;
}

Page Parser::parse_lines(std::vector<PositionedLine> lines, std::vector<PageBox> drawn, const CallOptions &options) const {
  Page page;
  RegexReport report;
  page.source = options.source;
  // Each line's text decoded as UTF-8 on its own (invalid bytes become
  // U+FFFD, control characters go), line ends inside it made spaces.
  size_t input_bytes = 0;
  DecodeOptions d;
  d.encoding = "UTF-8";
  d.strict = options.strict;
  d.max_bytes = max_input_bytes_;
  for (const PositionedLine &l : lines) input_bytes += l.text.size() + 1;
  if (input_bytes > max_input_bytes_)
    throw Error(BM_E_TOO_LARGE, "input too large (" + std::to_string(input_bytes) + " bytes of line text, more than " +
                                    std::to_string(max_input_bytes_) + ")");
  uint32_t flags = 0;
  size_t replacements = 0, controls = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    PositionedLine &l = lines[i];
    DecodedText t;
    try {
      t = bm::detail::decode(l.text, d);
    } catch (const Error &e) {  // strict decoding: say which line (the offset is the line's own)
      throw Error(e.code(), "line " + std::to_string(i) + ": " + e.what(), e.byte_offset());
    }
    flags |= t.flags;
    replacements += t.replacements;
    controls += t.controls_removed;
    for (char &c : t.utf8)
      if (c == '\n') c = ' ';
    l.text = std::string(trim(t.utf8));
  }
  const LaidOutText laid = lay_out(lines, reading_order(lines), drawn);
  page.text = decode(laid.text, CallOptions{"UTF-8", false, std::nullopt, std::nullopt, Script::Keep});
  page.text.flags |= flags;
  page.text.replacements += replacements;
  page.text.controls_removed += controls;
  const bool same_text = page.text.utf8 == laid.text;
  parse_text(page, options, same_text ? &laid : nullptr);
  // The laid-out text decodes to itself (it is clean UTF-8 already); were it
  // not, the byte record would not fit the spans, and no box is better than
  // a wrong one.
  if (same_text) attach_boxes(laid, lines, page);
  page.warnings = std::move(report.warnings);
  if (page.text.utf8.empty())
    page.warnings.push_back("no text in the positioned lines: nothing to parse (a scanned page without a text layer?)");
  bound_output(page, input_bytes);
  return page;
}

void Parser::parse_text(Page &page, const CallOptions &options, const LaidOutText *laid) const {
  std::vector<Line> lines = split_lines(page.text.utf8);
  if (laid) set_faces(*laid, lines);
  const Assembly assembly = assemble_page(page.text.utf8, lines, lexicon_, *model_);
  extract_page(assembly, lines, lexicon_, page);
  annotate_page(page, lexicon_, date_words_, options.issue_date);
  script_->convert_page(page, options.script);  // output fields only: spans keep the source
}

}  // namespace bm::detail
