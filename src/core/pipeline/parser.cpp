#include "core/pipeline/parser.h"

#include "core/assemble/assemble.h"
#include "core/extract/extract.h"
#include "core/extract/metadata.h"
#include "core/lines/lines.h"
#include "core/output/bound.h"

namespace bm::detail {

Parser::Parser(Lexicon lexicon, size_t max_input_bytes)
    : lexicon_(std::move(lexicon)), max_input_bytes_(max_input_bytes), model_(&SegmentModel::builtin()),
      script_(std::make_shared<const ScriptConverter>()) {}

Parser::Parser(Lexicon lexicon, size_t max_input_bytes, SegmentModel model)
    : lexicon_(std::move(lexicon)), max_input_bytes_(max_input_bytes), own_model_(std::move(model)),
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
  const std::vector<Line> lines = split_lines(page.text.utf8);
  const Assembly assembly = assemble_page(page.text.utf8, lines, lexicon_, *model_);
  extract_page(assembly, lines, lexicon_, page);
  annotate_page(page, lexicon_, options.issue_date);
  script_->convert_page(page, options.script);  // output fields only: spans keep the source
  page.warnings = std::move(report.warnings);
  bound_output(page, bytes.size());  // JSON <= 8 x input + 64 KiB, whatever the input
  return page;
}

}  // namespace bm::detail
