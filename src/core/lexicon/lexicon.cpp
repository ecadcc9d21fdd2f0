#include "core/lexicon/lexicon.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "core/common/error.h"
#include "core/common/utf8.h"

namespace bm::detail {

namespace {
const std::vector<std::string> k_no_words;
const std::vector<std::unique_ptr<icu::RegexPattern>> k_no_patterns;

bool known_section(const std::string &s) {
  static const char *const plain[] = {"byline_marker", "editor_note", "ad", "ad.strong", "ad.sponsor", "photo.source",
                                      "story.sidebar", "photo.in_story", "weather",
                                      "weather.strong", "weather.time", "other", "other.page_credit", "masthead", "surname", "end_mark",
                                      "end_note", "date.relative", "date.weekday", "date.week", "date.month",
                                      "date.year", "date.era", "date.lunar_month", "date.lunar", "date.range",
                                      "date.vague", "date.not_day", "page.section"};
  if (s.rfind("role.", 0) == 0) return role_from_name(std::string_view(s).substr(5)).has_value();
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
  return section == "dateline" || section == "edition" || section == "dateline.info" || section == "paper" ||
         section == "page_number";
}

bool Lexicon::has_word(Section s, std::string_view word) const {
  const std::vector<std::string> &list = words(s);
  return std::find(list.begin(), list.end(), word) != list.end();
}

const std::vector<std::string> &Lexicon::words(const std::string &section) const {
  auto it = sections_.find(section);
  return it == sections_.end() ? k_no_words : it->second;
}

void Lexicon::WordIndex::build(const std::vector<std::string> &list) {
  opens.assign(65536 / 64, 0);
  by_first.clear();
  for (size_t k = 0; k < list.size(); ++k) {
    if (list[k].empty()) continue;
    size_t at = 0;
    const char32_t first = next_cp(list[k], at);
    if (first < 0x10000) opens[first >> 6] |= uint64_t{1} << (first & 63);
    by_first[first].push_back(static_cast<uint32_t>(k));
  }
}

template <class Hit>
bool Lexicon::WordIndex::scan(std::string_view text, const std::vector<std::string> &list, Hit hit) const {
  for (size_t i = 0; i < text.size();) {
    const size_t at = i;
    const char32_t c = next_cp(text, i);
    if (c < 0x10000 && !(opens[c >> 6] >> (c & 63) & 1)) continue;
    const auto words = by_first.find(c);
    if (words == by_first.end()) continue;
    for (uint32_t k : words->second)
      if (text.compare(at, list[k].size(), list[k]) == 0 && hit(k)) return true;
  }
  return false;
}

int Lexicon::count_words_in(std::string_view text, const std::string &section, bool first_only) const {
  const auto it = index_.find(section);
  if (it == index_.end()) return 0;
  const std::vector<std::string> &list = sections_.at(section);
  std::vector<bool> seen;  // words already counted (count mode only)
  int n = 0;
  const bool stopped = it->second.scan(text, list, [&](uint32_t k) {
    if (first_only) return true;
    if (seen.empty()) seen.assign(list.size(), false);
    if (!seen[k]) seen[k] = true, ++n;
    return false;
  });
  return stopped ? 1 : n;
}

const char *cue_section(Cue c) {
  switch (c) {
    case Cue::ad: return "ad";
    case Cue::ad_strong: return "ad.strong";
    case Cue::weather: return "weather";
    case Cue::weather_strong: return "weather.strong";
    case Cue::weather_time: return "weather.time";
    case Cue::other: return "other";
    case Cue::end_note: return "end_note";
  }
  return "";
}

const char *section_name(Section s) {
  switch (s) {
    case Section::byline_marker: return "byline_marker";
    case Section::editor_note: return "editor_note";
    case Section::end_mark: return "end_mark";
    case Section::role_photographer: return "role.photographer";
    case Section::page_section: return "page.section";
    case Section::other_page_credit: return "other.page_credit";
    case Section::masthead: return "masthead";
    case Section::date_weekday: return "date.weekday";
    case Section::ad_sponsor: return "ad.sponsor";
    case Section::photo_source: return "photo.source";
    case Section::story_sidebar: return "story.sidebar";
    case Section::photo_in_story: return "photo.in_story";
  }
  return "";
}

CueSet Lexicon::cues_in(std::string_view text) const {
  CueSet out;
  constexpr uint32_t all = (uint32_t{1} << k_cue_count) - 1;
  cue_index_.scan(text, cue_words_, [&](uint32_t k) {
    out.bits |= uint32_t{1} << static_cast<unsigned>(cue_of_[k]);
    return out.bits == all;
  });
  return out;
}

bool Lexicon::has_long_role_word(std::string_view text) const {
  return role_index_.scan(text, role_words_, [this](uint32_t k) { return roles_[k].word32.size() >= 2; });
}

bool Lexicon::has_role_word(std::string_view text) const {
  return role_index_.scan(text, role_words_, [](uint32_t) { return true; });
}

const std::vector<std::unique_ptr<icu::RegexPattern>> &Lexicon::patterns(const std::string &section) const {
  auto it = compiled_.find(section);
  return it == compiled_.end() ? k_no_patterns : it->second;
}

// One pass over the text. Duplicates and "!entry" removals are looked up in a
// hash index per section (built from the section's earlier entries the first
// time this text touches it), removals leave a hole that is closed at the end:
// linear in the number of lines, where a search of the list per line was
// quadratic (100k entries took 12 s). The lists come out as before: first
// occurrence kept, in order; a removed entry added again goes to the end.
void Lexicon::load(std::string_view text, const std::string &origin) {
  struct Touched {
    std::unordered_map<std::string, size_t> index;  // entry -> position in the list
    std::vector<bool> removed;                       // holes left by "!entry"
  };
  std::map<std::string, Touched> touched;
  size_t total = 0;
  for (const auto &[name, list] : sections_) total += list.size();
  std::string section;
  std::vector<std::string> *list = nullptr;
  std::vector<std::string> *where_list = nullptr;
  Touched *t = nullptr;
  size_t line_no = 0;
  for (size_t pos = 0; pos <= text.size();) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = trim(text.substr(pos, nl - pos));
    if (!line.empty() && line.back() == '\r') line = trim(line.substr(0, line.size() - 1));
    pos = nl + 1;
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    auto where = [&] { return origin + ":" + std::to_string(line_no); };
    // In regex sections an entry may itself start with '[' (a character
    // class); a header is then only a line that looks like [name].
    const bool regex = Lexicon::is_regex_section(section);
    const bool regex_entry = regex && !looks_like_header(line);
    if (line.front() == '[' && !regex_entry) {
      if (line.back() != ']') throw Error(BM_E_LEXICON, where() + ": a section header must end with ']'");
      section = std::string(trim(line.substr(1, line.size() - 2)));
      if (!known_section(section)) throw Error(BM_E_LEXICON, where() + ": unknown section [" + section + "]");
      list = &sections_[section];
      where_list = is_regex_section(section) ? &where_[section] : nullptr;
      auto [it, fresh] = touched.try_emplace(section);
      t = &it->second;
      if (fresh) {
        t->index.reserve(list->size());
        for (size_t i = 0; i < list->size(); ++i) t->index.emplace((*list)[i], i);
        t->removed.assign(list->size(), false);
      }
      continue;
    }
    if (section.empty()) throw Error(BM_E_LEXICON, where() + ": an entry before any [section]");
    if (line.size() > k_lexicon_max_entry_bytes)
      throw Error(BM_E_LEXICON, where() + ": an entry longer than " + std::to_string(k_lexicon_max_entry_bytes) +
                                    " bytes (the limit)");
    if (line[0] == '!') {
      auto it = t->index.find(std::string(trim(line.substr(1))));
      if (it != t->index.end()) {
        t->removed[it->second] = true;
        t->index.erase(it);
        --total;
      }
      continue;
    }
    std::string entry(line);
    if (t->index.count(entry)) continue;
    if (++total > k_lexicon_max_entries)
      throw Error(BM_E_LEXICON, where() + ": more than " + std::to_string(k_lexicon_max_entries) +
                                    " lexicon entries (the limit)");
    if (regex) {
      if (t->index.size() >= k_lexicon_max_patterns)
        throw Error(BM_E_LEXICON, where() + ": more than " + std::to_string(k_lexicon_max_patterns) +
                                      " patterns in [" + section + "] (the limit)");
      const std::string why = check_pattern(entry);
      if (!why.empty())
        throw Error(BM_E_LEXICON, where() + ": [" + section + "] pattern '" + entry + "' rejected: " + why);
      where_list->push_back(where());
    }
    t->index.emplace(entry, list->size());
    t->removed.push_back(false);
    list->push_back(std::move(entry));
  }
  // Close the holes, keeping the order.
  for (auto &[name, tt] : touched) {
    auto &l = sections_[name];
    auto *w = is_regex_section(name) ? &where_[name] : nullptr;
    size_t k = 0;
    for (size_t i = 0; i < l.size(); ++i) {
      if (tt.removed[i]) continue;
      if (k != i) {
        l[k] = std::move(l[i]);
        if (w) (*w)[k] = std::move((*w)[i]);
      }
      ++k;
    }
    l.resize(k);
    if (w) w->resize(k);
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
  for (size_t s = 0; s < k_section_count; ++s) named_[s] = words(section_name(static_cast<Section>(s)));
  roles_.clear();
  for (const auto &[name, list] : sections_) {
    if (name.rfind("role.", 0) != 0) continue;
    for (const auto &w : list) {
      std::u32string w32;
      for (size_t i = 0; i < w.size();) w32.push_back(next_cp(w, i));
      roles_.push_back({w, *role_from_name(std::string_view(name).substr(5)), std::move(w32)});
    }
  }
  std::stable_sort(roles_.begin(), roles_.end(),
                   [](const RoleWord &a, const RoleWord &b) { return a.word.size() > b.word.size(); });
  role_words_.clear();
  for (const RoleWord &rw : roles_) role_words_.push_back(rw.word);
  role_index_.build(role_words_);
  cue_words_.clear();
  cue_of_.clear();
  for (size_t c = 0; c < k_cue_count; ++c)
    for (const std::string &w : words(cue_section(static_cast<Cue>(c)))) {
      cue_words_.push_back(w);
      cue_of_.push_back(static_cast<Cue>(c));
    }
  cue_index_.build(cue_words_);
  index_.clear();
  for (const auto &[name, list] : sections_)
    if (!is_regex_section(name)) index_[name].build(list);
  compiled_.clear();
  combined_.clear();
  search_.clear();
  edges_.clear();
  for (const auto &[name, list] : sections_) {
    if (!is_regex_section(name)) continue;
    auto &out = compiled_[name];
    out.reserve(list.size());
    for (const auto &src : list) {
      UErrorCode status = U_ZERO_ERROR;
      UParseError perr;
      std::unique_ptr<icu::RegexPattern> p(
          icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(src), 0, perr, status));
      if (U_FAILURE(status) || !p)
        throw Error(BM_E_LEXICON, where_[name][out.size()] + ": [" + name + "] bad regular expression '" + src +
                                      "': " + u_errorName(status));
      out.push_back(std::move(p));
    }
    // Every pattern compiles (a bad one threw above): what their matches can
    // start and end with.
    edges_[name] = MatchEdges::of_patterns(std::vector<std::string_view>(list.begin(), list.end()));
    // The one-matcher form; a list that cannot be combined (say, two patterns
    // naming the same group: ICU would compile it, but the name would then
    // stand for the first such group only) falls back to pattern by pattern.
    std::string all;
    std::unordered_set<std::string> names;
    bool shared_name = false;
    for (const auto &src : list) {
      std::unordered_set<std::string> own;
      for (size_t at = src.find("(?<"); at != std::string::npos; at = src.find("(?<", at + 3)) {
        const size_t close = src.find('>', at + 3);
        if (close == std::string::npos) break;
        const std::string name = src.substr(at + 3, close - at - 3);
        if (name.empty() || name[0] == '=' || name[0] == '!') continue;  // look-behind, not a name
        own.insert(name);
      }
      for (const auto &n : own) shared_name = !names.insert(n).second || shared_name;
    }
    for (const auto &src : list) all += (all.empty() ? "(?:" : "|(?:") + src + ")";
    UErrorCode status = U_ZERO_ERROR;
    UParseError perr;
    std::unique_ptr<icu::RegexPattern> c(icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(all), 0, perr, status));
    auto &search = search_[name];
    if (U_SUCCESS(status) && c && !list.empty() && !shared_name) {
      search.push_back(c.get());
      combined_[name] = std::move(c);
    } else {
      for (const auto &p : out) search.push_back(p.get());
    }
  }
}


}  // namespace bm::detail
