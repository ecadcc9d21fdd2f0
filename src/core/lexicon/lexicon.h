// The parser's general knowledge as data: role words, byline marks, dateline
// patterns, ad / weather / furniture cues, masthead words, edition patterns.
// Loaded from data/lexicon/default.lex (embedded at build time) and extended or
// replaced by the user's lexicon (bm_parser_options). Format: docs/lexicon.md.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/common/role.h"
#include "core/lexicon/match_edges.h"

#include <unicode/regex.h>

namespace bm::detail {

struct RoleWord {
  std::string word;      // 本报记者
  BylineRole role = BylineRole::None;  // of its [role.NAME] section
  std::u32string word32; // the word as code points (matched against tokens)
};

// Limits on what a lexicon may hold (docs/lexicon.md); load() throws
// BM_E_LEXICON, naming the line, above any of them.
constexpr size_t k_lexicon_max_entries = 1000000;      // entries of all sections together
constexpr size_t k_lexicon_max_entry_bytes = 1024;     // one word or pattern
constexpr size_t k_lexicon_max_patterns = 256;         // entries of one regex section

// Every lexicon pattern runs under these limits (ICU counts the steps of its
// match engine: one unit of setTimeLimit is 10,000 steps, so the limit is a
// step count, not a clock, and the same page always gives the same result).
// The built-in patterns need under a hundredth of it on real pages. Inputs are
// already short: at most 120 bytes of a piece for [dateline], 60 for [edition].
constexpr int32_t k_regex_time_limit = 10;             // x 10,000 steps per match attempt
constexpr int32_t k_regex_stack_limit_bytes = 1 << 20; // backtracking stack per match attempt

// Why a regex entry cannot be used safely, or "" when it can: back-references,
// nested quantifiers (a+)+ and overlapping alternations (a|aa)+ under a repeat
// (pattern_check.cpp). Conservative; what passes still runs under the limits.
std::string check_pattern(const std::string &pattern);

// The lexicon patterns that hit the match limit during one parse on this
// thread. Parser::parse installs one per page: each such pattern is skipped for
// the rest of the page and reported once in the page's warnings (its
// origin:line, section and text). Without one installed a pattern that hits
// the limit is skipped for that one attempt, silently.
class RegexReport {
 public:
  RegexReport();   // installs itself as this thread's report
  ~RegexReport();  // restores the previous one
  RegexReport(const RegexReport &) = delete;
  RegexReport &operator=(const RegexReport &) = delete;
  static RegexReport *current();

  std::vector<std::string> warnings;
  std::vector<std::pair<std::string, size_t>> skipped;  // (section, entry index)
  std::vector<std::string> split;  // sections whose combined pattern hit the limit
  // One matcher per pattern for the whole page, reset to each new input:
  // making a matcher costs more than most of the matches it runs.
  std::unordered_map<const icu::RegexPattern *, std::unique_ptr<icu::RegexMatcher>> matchers;

 private:
  RegexReport *previous_;
};

// The plain sections stage code asks "does this text hold one of your
// words?" about, so that one pass over a text answers for all of them
// (Lexicon::cues_in).
enum class Cue : uint8_t { ad, ad_strong, weather, weather_strong, weather_time, other, end_note };
constexpr size_t k_cue_count = 7;
// The lexicon section of a cue ("ad.strong" for Cue::ad_strong).
const char *cue_section(Cue c);
// The cues whose section has a word in a text.
struct CueSet {
  uint32_t bits = 0;
  bool has(Cue c) const { return bits >> static_cast<unsigned>(c) & 1; }
};

// The plain sections stage code reads word by word (the rest are asked
// through cues_in, the role words, the surname list and the date words):
// named by an enum, looked up once in finish(), not by a string per call.
enum class Section : uint8_t {
  byline_marker, editor_note, end_mark, role_photographer, page_section, other_page_credit, masthead, date_weekday,
  ad_sponsor, photo_source, story_sidebar, photo_in_story
};
constexpr size_t k_section_count = 12;
// The lexicon section of a Section ("role.photographer" for Section::role_photographer).
const char *section_name(Section s);

// A pattern that matched and its matcher (for end() and groups). The matcher
// is the page's RegexReport's when one is installed (valid until the next
// match of the same pattern), else owned here.
struct RegexMatch {
  const icu::RegexPattern *pattern = nullptr;
  icu::RegexMatcher *matcher = nullptr;
  std::unique_ptr<icu::RegexMatcher> owned;
};

class Lexicon {
 public:
  // Words of every plain section, by section name ("ad", "weather", ...).
  const std::vector<std::string> &words(const std::string &section) const;
  // The same for a section stage code names (after finish()).
  const std::vector<std::string> &words(Section s) const { return named_[static_cast<size_t>(s)]; }
  // Whether `word` is, whole, one of that section's words (社会 of [page.section]).
  bool has_word(Section s, std::string_view word) const;
  // How many distinct words of a plain section occur in text (stopping at the
  // first when first_only): one pass over the text, each position looked up
  // by its code point in an index of the words' first code points.
  int count_words_in(std::string_view text, const std::string &section, bool first_only) const;
  // Which cue sections have a word in text: one pass over the text for all
  // of them (an index of every cue word by its first code point).
  CueSet cues_in(std::string_view text) const;
  // Role words, longest first (so 本报记者 wins over 记者).
  const std::vector<RoleWord> &roles() const { return roles_; }
  // Whether text holds a role word of two code points or more (记者, 通讯员),
  // in one pass over the text.
  bool has_long_role_word(std::string_view text) const;
  // Whether text holds any role word (摄 and 文 too), in one pass.
  bool has_role_word(std::string_view text) const;
  // Compiled patterns of a regex section ("dateline", "edition").
  const std::vector<std::unique_ptr<icu::RegexPattern>> &patterns(const std::string &section) const;

  // The first of a regex section's patterns, in list order, that matches u at
  // its start (whole = false, lookingAt) or as a whole (matches). Every attempt
  // runs under k_regex_time_limit and k_regex_stack_limit_bytes; a pattern that
  // hits a limit is skipped and reported (RegexReport). False when none matches.
  bool first_match(const std::string &section, const icu::UnicodeString &u, bool whole, RegexMatch &out) const;
  // Whether a match of a regex section can start (end) with code point c
  // (false only when the patterns' own text says so: match_edges.h). Lets a
  // caller skip building the matcher's input for a text no pattern can match.
  bool may_start_with(const std::string &section, char32_t c) const;
  bool may_end_with(const std::string &section, char32_t c) const;
  // Whether a section's patterns can match UTF-8 `text` at its start (whole =
  // false) or as a whole, as far as its first and last code points tell: the
  // test first_match makes before it runs a matcher, asked before the
  // matcher's UTF-16 input is built.
  bool may_match(const std::string &section, std::string_view text, bool whole) const;

  // Adds the entries of lexicon text; throws Error(BM_E_LEXICON) naming the line.
  void load(std::string_view text, const std::string &origin);
  // Compiles regex sections and sorts role words. Call once after loading.
  void finish();

  static bool is_regex_section(const std::string &section);

  // Does a person's name start with a known family name ([surname])? True
  // for any name when the section is empty.
  bool starts_with_surname(std::string_view name) const;

 private:
  // Tries one pattern under the limits: 1 = match, 0 = no match, -1 = limit hit.
  static int attempt(const icu::RegexPattern &p, const icu::UnicodeString &u, bool whole, RegexReport *report,
                     RegexMatch &out);

  std::map<std::string, std::vector<std::string>> sections_;
  std::map<std::string, std::vector<std::string>> where_;  // regex sections: "origin:line" per entry
  // Plain sections' words by first code point (finish()): a bit per BMP code
  // point that opens some word, and the words' indices per code point.
  struct WordIndex {
    std::vector<uint64_t> opens;  // 65536 bits
    std::unordered_map<char32_t, std::vector<uint32_t>> by_first;
    void build(const std::vector<std::string> &list);
    // Calls hit(k) for each place list[k] occurs in text, in text order,
    // until hit returns true (then true).
    template <class Hit>
    bool scan(std::string_view text, const std::vector<std::string> &list, Hit hit) const;
  };
  std::map<std::string, WordIndex> index_;
  std::vector<RoleWord> roles_;
  // The role words (as roles_) and their index, for has_role_word and
  // has_long_role_word (a lone 摄 or 文 says nothing outside a byline).
  std::vector<std::string> role_words_;
  WordIndex role_index_;
  // The words of every cue section, the cue of each, and their index.
  std::vector<std::string> cue_words_;
  std::vector<Cue> cue_of_;
  WordIndex cue_index_;
  std::unordered_set<std::string> surnames_;
  std::array<std::vector<std::string>, k_section_count> named_;  // words(Section), copied in finish()
  std::map<std::string, std::vector<std::unique_ptr<icu::RegexPattern>>> compiled_;
  std::map<std::string, std::unique_ptr<icu::RegexPattern>> combined_;
  // The patterns to try for a regex section, in order: normally one
  // alternation of all of them (first alternative wins, as the list order
  // would), so a piece costs one matcher, not one per pattern; the list
  // itself when it cannot be combined.
  std::map<std::string, std::vector<const icu::RegexPattern *>> search_;
  // The code points a match of each regex section can start and end with (finish()).
  std::map<std::string, MatchEdges> edges_;
};

// The built-in lexicon text (generated from data/lexicon/default.lex).
extern const std::string_view k_default_lexicon;

}  // namespace bm::detail
