// Fixtures the core tests share: the built-in lexicon, one parser over it,
// and a page run through the stages one by one (for tests that look at the
// lines and the assembly as well as the page).
#pragma once
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "core/assemble/assemble.h"
#include "core/decode/decode.h"
#include "core/extract/extract.h"
#include "core/extract/metadata.h"
#include "core/lexicon/lexicon.h"
#include "core/lines/lines.h"
#include "core/output/bound.h"
#include "core/pipeline/parser.h"
#include "core/segment/model.h"

namespace bm_test {

inline bm::detail::Lexicon builtin_lexicon() {
  bm::detail::Lexicon lex;
  lex.load(bm::detail::k_default_lexicon, "built-in");
  lex.finish();
  return lex;
}

// One parser for the whole test binary (parsers are thread-safe), with the
// CLI's input limit.
inline const bm::detail::Parser &default_parser() {
  static const bm::detail::Parser p(builtin_lexicon(), 64 << 20);
  return p;
}

// A page file through the stages Parser::parse runs, each result kept.
struct StagedPage {
  bm::detail::DecodedText text;
  std::vector<bm::detail::Line> lines;
  bm::detail::Assembly assembly;
  bm::detail::Page page;
};

inline StagedPage parse_stages(const std::string &path, const bm::detail::Lexicon &lex) {
  using namespace bm::detail;
  std::ifstream in(path, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  StagedPage p;
  p.text = decode(bytes, DecodeOptions{});
  p.page.text = p.text;  // extract_page reads the field spans against it
  p.lines = split_lines(p.text.utf8);
  p.assembly = assemble_page(p.text.utf8, p.lines, lex, SegmentModel::builtin());
  extract_page(p.assembly, p.lines, lex, p.page);
  annotate_page(p.page, lex, DateWords::from(lex), std::nullopt);
  bound_output(p.page, bytes.size());
  return p;
}

}  // namespace bm_test
