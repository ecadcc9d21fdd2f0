// Developer aid: prints every piece of a page with its type and the draft it
// went to, to see why the parser split a page the way it did.
// Usage: bm_debug FILE
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

#include "core/assemble/assemble.h"
#include "core/decode/decode.h"
#include "core/lexicon/lexicon.h"

using namespace bm::detail;

static const char *type_name(PieceType t) {
  static const char *names[] = {"body", "HEAD", "BYLN", "DATE", "NOTE", "MAST", "EDIT", "AD", "WEATH", "OTHER"};
  return names[static_cast<int>(t)];
}

int main(int argc, char **argv) {
  if (argc < 2) return 2;
  std::ifstream in(argv[1], std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  DecodedText t = decode(bytes, DecodeOptions{});
  Lexicon lex;
  lex.load(k_default_lexicon, "built-in");
  lex.finish();
  const auto lines = split_lines(t.utf8);
  Assembly a = assemble_page(t.utf8, lines, lex);
  std::vector<int> owner(a.pieces.size(), -1);
  for (size_t d = 0; d < a.drafts.size(); ++d)
    for (size_t k : a.drafts[d].all) owner[k] = static_cast<int>(d);
  std::printf("order=%s layout=%s\n", a.order == StoryOrder::HeadlineFirst ? "headline-first" : "headline-after",
              a.layout.layout == Layout::HardWrapped ? "hard-wrapped" : "one-per-line");
  for (size_t i = 0; i < a.pieces.size(); ++i) {
    const Piece &p = a.pieces[i];
    std::printf("%3zu L%-3zu d%-3d %-5s w%-3d col%-3d b%d %s%s| %.90s\n", i, p.line, owner[i], type_name(p.type), p.width,
                a.layout.column.empty() ? 0 : a.layout.column[p.line], p.blanks_before,
                p.block_start ? "" : "+", p.ends_paragraph ? "$" : "", p.text.c_str());
  }
}
