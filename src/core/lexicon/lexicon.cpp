#include "core/lexicon/lexicon.h"

#include <algorithm>

#include "core/common/error.h"
#include "core/common/utf8.h"

namespace bm::detail {

namespace {
const std::vector<std::string> k_no_words;
const std::vector<std::unique_ptr<icu::RegexPattern>> k_no_patterns;

bool known_section(const std::string &s) {
  static const char *const plain[] = {"byline_marker", "editor_note", "ad", "ad.strong", "weather",
                                      "weather.strong", "weather.time", "other", "masthead", "surname", "end_mark",
                                      "end_note"};
  if (s.rfind("role.", 0) == 0) {
    static const char *const roles[] = {"reporter", "correspondent", "photographer", "editor", "intern", "author"};
    return std::any_of(std::begin(roles), std::end(roles), [&](const char *r) { return s == std::string("role.") + r; });
  }
  return Lexicon::is_regex_section(s) ||
         std::any_of(std::begin(plain), std::end(plain), [&](const char *p) { return s == p; });
}
}  // namespace

// "[role.reporter]", "[ad.strong]": lower-case letters, digits, '.', '_'.
static bool looks_like_header(std::string_view line) {
  if (line.size() < 3 || line.front() != '[' || line.back() != ']') return false;
  for (char c : line.substr(1, line.size() - 2)) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_')) return false;
  }
  return true;
}

bool Lexicon::is_regex_section(const std::string &section) {
  return section == "dateline" || section == "edition";
}

const std::vector<std::string> &Lexicon::words(const std::string &section) const {
  auto it = sections_.find(section);
  return it == sections_.end() ? k_no_words : it->second;
}

const std::vector<std::unique_ptr<icu::RegexPattern>> &Lexicon::patterns(const std::string &section) const {
  auto it = compiled_.find(section);
  return it == compiled_.end() ? k_no_patterns : it->second;
}

void Lexicon::load(std::string_view text, const std::string &origin) {
  std::string section;
  size_t line_no = 0;
  for (size_t pos = 0; pos <= text.size();) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = trim(text.substr(pos, nl - pos));
    if (!line.empty() && line.back() == '\r') line = trim(line.substr(0, line.size() - 1));
    pos = nl + 1;
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    auto where = [&] { return origin + ":" + std::to_string(line_no) + ": "; };
    // In regex sections an entry may itself start with '[' (a character
    // class); a header is then only a line that looks like [name].
    const bool regex_entry = Lexicon::is_regex_section(section) && !looks_like_header(line);
    if (line.front() == '[' && !regex_entry) {
      if (line.back() != ']') throw Error(BM_E_LEXICON, where() + "a section header must end with ']'");
      section = std::string(trim(line.substr(1, line.size() - 2)));
      if (!known_section(section)) throw Error(BM_E_LEXICON, where() + "unknown section [" + section + "]");
      continue;
    }
    if (section.empty()) throw Error(BM_E_LEXICON, where() + "an entry before any [section]");
    auto &list = sections_[section];
    if (line[0] == '!') {
      std::string victim(trim(line.substr(1)));
      list.erase(std::remove(list.begin(), list.end(), victim), list.end());
      continue;
    }
    std::string entry(line);
    if (std::find(list.begin(), list.end(), entry) == list.end()) list.push_back(std::move(entry));
  }
}

bool Lexicon::starts_with_surname(std::string_view name) const {
  if (surnames_.empty()) return true;  // no list: any name will do
  // Compound surnames (欧阳) are two characters, the others one: try both.
  size_t i = 0, n = 0;
  while (i < name.size() && n < 2) {
    ++i;
    while (i < name.size() && (static_cast<unsigned char>(name[i]) & 0xC0) == 0x80) ++i;
    ++n;
    if (surnames_.count(std::string(name.substr(0, i)))) return true;
  }
  return false;
}

void Lexicon::finish() {
  surnames_.clear();
  for (const auto &w : words("surname")) surnames_.insert(w);
  roles_.clear();
  for (const auto &[name, list] : sections_) {
    if (name.rfind("role.", 0) != 0) continue;
    for (const auto &w : list) {
      std::u32string w32;
      for (size_t i = 0; i < w.size();) w32.push_back(next_cp(w, i));
      roles_.push_back({w, name.substr(5), std::move(w32)});
    }
  }
  std::stable_sort(roles_.begin(), roles_.end(),
                   [](const RoleWord &a, const RoleWord &b) { return a.word.size() > b.word.size(); });
  compiled_.clear();
  combined_.clear();
  search_.clear();
  for (const auto &[name, list] : sections_) {
    if (!is_regex_section(name)) continue;
    auto &out = compiled_[name];
    for (const auto &src : list) {
      UErrorCode status = U_ZERO_ERROR;
      UParseError perr;
      std::unique_ptr<icu::RegexPattern> p(
          icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(src), 0, perr, status));
      if (U_FAILURE(status) || !p)
        throw Error(BM_E_LEXICON, "lexicon [" + name + "]: bad regular expression '" + src + "': " +
                                      u_errorName(status));
      out.push_back(std::move(p));
    }
    // The one-matcher form; a list that cannot be combined (say, numbered
    // back-references) falls back to pattern by pattern.
    std::string all;
    for (const auto &src : list) all += (all.empty() ? "(?:" : "|(?:") + src + ")";
    UErrorCode status = U_ZERO_ERROR;
    UParseError perr;
    std::unique_ptr<icu::RegexPattern> c(icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(all), 0, perr, status));
    auto &search = search_[name];
    if (U_SUCCESS(status) && c && !list.empty()) {
      search.push_back(c.get());
      combined_[name] = std::move(c);
    } else {
      for (const auto &p : out) search.push_back(p.get());
    }
  }
}

const std::vector<const icu::RegexPattern *> &Lexicon::search_patterns(const std::string &section) const {
  static const std::vector<const icu::RegexPattern *> k_none;
  auto it = search_.find(section);
  return it == search_.end() ? k_none : it->second;
}

}  // namespace bm::detail
