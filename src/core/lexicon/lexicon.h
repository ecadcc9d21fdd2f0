// The parser's general knowledge as data: role words, byline marks, dateline
// patterns, ad / weather / furniture cues, masthead words, edition patterns.
// Loaded from data/lexicon/default.lex (embedded at build time) and extended or
// replaced by the user's lexicon (bm_parser_options). Format: docs/lexicon.md.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <unicode/regex.h>

namespace bm::detail {

struct RoleWord {
  std::string word;      // 本报记者
  std::string role;      // reporter
  std::u32string word32; // the word as code points (matched against tokens)
};

class Lexicon {
 public:
  // Words of every plain section, by section name ("ad", "weather", ...).
  const std::vector<std::string> &words(const std::string &section) const;
  // Role words, longest first (so 本报记者 wins over 记者).
  const std::vector<RoleWord> &roles() const { return roles_; }
  // Compiled patterns of a regex section ("dateline", "edition").
  const std::vector<std::unique_ptr<icu::RegexPattern>> &patterns(const std::string &section) const;

  // The patterns to try for a regex section, in order: normally one
  // alternation of all of them (first alternative wins, as the list order
  // would), so a piece costs one matcher, not one per pattern; the list
  // itself when it cannot be combined. Empty when the section is.
  const std::vector<const icu::RegexPattern *> &search_patterns(const std::string &section) const;

  // Adds the entries of lexicon text; throws Error(BM_E_LEXICON) naming the line.
  void load(std::string_view text, const std::string &origin);
  // Compiles regex sections and sorts role words. Call once after loading.
  void finish();

  static bool is_regex_section(const std::string &section);

  // Does a person's name start with a known family name ([surname])? True
  // for any name when the section is empty.
  bool starts_with_surname(std::string_view name) const;

 private:
  std::map<std::string, std::vector<std::string>> sections_;
  std::vector<RoleWord> roles_;
  std::unordered_set<std::string> surnames_;
  std::map<std::string, std::vector<std::unique_ptr<icu::RegexPattern>>> compiled_;
  std::map<std::string, std::unique_ptr<icu::RegexPattern>> combined_;
  std::map<std::string, std::vector<const icu::RegexPattern *>> search_;
};

// The built-in lexicon text (generated from data/lexicon/default.lex).
extern const std::string_view k_default_lexicon;

}  // namespace bm::detail
