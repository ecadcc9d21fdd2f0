// The whole pipeline behind one immutable object:
// decode -> lines -> normalize -> blocks -> classify -> assemble -> extract.
// A Parser is built once (lexicon loaded, patterns compiled) and then only
// read, so any number of threads may use one Parser at once.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/common/model.h"
#include "core/decode/decode.h"
#include "core/lexicon/lexicon.h"

namespace bm::detail {

struct CallOptions {
  std::string encoding;  // "" = auto
  bool strict = false;
  std::optional<std::string> source;
};

class Parser {
 public:
  Parser(Lexicon lexicon, size_t max_input_bytes);

  DecodedText decode(std::string_view bytes, const CallOptions &options) const;
  // Normalized text of a whole input: one paragraph per line, each ending in '\n'.
  std::string normalize(std::string_view bytes, const CallOptions &options) const;
  Page parse(std::string_view bytes, const CallOptions &options) const;

  const Lexicon &lexicon() const { return lexicon_; }
  size_t max_input_bytes() const { return max_input_bytes_; }

 private:
  Lexicon lexicon_;
  size_t max_input_bytes_;
};

}  // namespace bm::detail
