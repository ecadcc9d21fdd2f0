#include "core/blocks/dedupe.h"

#include <algorithm>
#include <deque>
#include <string_view>
#include <vector>

#include "core/blocks/layout.h"
#include "core/common/hash_counts.h"
#include "core/common/utf8.h"

namespace bm::detail {

namespace {
constexpr size_t k_shingle = 24;        // bytes: about eight Han characters
constexpr size_t k_min_repeat = 120;    // bytes: about forty Han characters (names of events repeat legitimately)
constexpr size_t k_window_bytes = 8192; // how far back a repeat may point

uint64_t hash_bytes(std::string_view s) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

// Only text that reads as running prose may be the original of a repeat: a
// headline repeated in the first sentence of its story is not an extractor
// error, nor is a pull quote set above the body it quotes: a stretch that
// stops mid-sentence, though a full stop stands inside it, is not prose
// unless it is long (a paragraph the extractor ran into the next).
bool is_prose(std::string_view s) {
  return (s.find("\xE3\x80\x82") != std::string_view::npos && ends_sentence(s)) || s.size() > 240;
}

// A line that repeats an earlier line exactly is an extractor repeat when it
// reads as sentence material (a clause mark, a dozen characters): headlines
// and labels may legitimately repeat, clauses do not.
constexpr size_t k_line_repeat_min_cps = 12;
constexpr size_t k_line_repeat_lookback = 64;  // pieces

bool is_clause_line(std::string_view s) {
  return cp_count(s) >= k_line_repeat_min_cps &&
         (s.find("\xEF\xBC\x8C") != std::string_view::npos || s.find(',') != std::string_view::npos ||
          s.find("\xE3\x80\x81") != std::string_view::npos);  // ， , 、
}

bool is_lead_byte(unsigned char c) { return (c & 0xC0) != 0x80; }

// Hashes of every k_shingle-byte window that starts on a character
// boundary (a repeat is a repeat of whole characters), by a rolling
// polynomial hash: O(1) per position instead of O(k_shingle).
constexpr uint64_t k_base = 1099511628211ull;

template <class F>
void for_each_shingle(std::string_view s, F &&f) {  // f(pos, hash), pos ascending
  if (s.size() < k_shingle) return;
  uint64_t top = 1;  // k_base^(k_shingle-1)
  for (size_t k = 1; k < k_shingle; ++k) top *= k_base;
  uint64_t h = 0;
  for (size_t k = 0; k < k_shingle; ++k) h = h * k_base + static_cast<unsigned char>(s[k]);
  for (size_t i = 0;; ++i) {
    if (is_lead_byte(static_cast<unsigned char>(s[i]))) f(i, h);
    if (i + k_shingle >= s.size()) break;
    h = (h - static_cast<unsigned char>(s[i]) * top) * k_base + static_cast<unsigned char>(s[i + k_shingle]);
  }
}

// The recent prose the repeats may point back to, with the hashes of its
// shingles counted (each text's hashes kept, so dropping it costs no hashing).
class Window {
 public:
  // Where the part of a text the window keeps begins: a text longer than
  // the window keeps only its last k_window_bytes (from a character
  // boundary): a repeat may not point further back, and the window's table
  // and its searches stay bounded on a page of one huge line.
  static size_t kept_from(std::string_view text) {
    if (text.size() <= k_window_bytes) return 0;
    size_t cut = text.size() - k_window_bytes;
    while (cut < text.size() && !is_lead_byte(static_cast<unsigned char>(text[cut]))) ++cut;
    return cut;
  }
  // A text's kept part and the hashes of the shingles that start in it (only
  // the hashes: they are what leaves the table when the text leaves the
  // window). The text is a view: of the page's text or of text a stage
  // rewrote (TextStore), both alive for the whole call.
  void add(std::string_view text, std::vector<uint64_t> hashes) {
    for (const uint64_t h : hashes) count_.add(h);
    bytes_ += text.size();
    texts_.push_back({text, std::move(hashes)});
    while (bytes_ > k_window_bytes && texts_.size() > 1) {
      for (const uint64_t h : texts_.front().second) count_.remove(h);
      bytes_ -= texts_.front().first.size();
      texts_.pop_front();
    }
  }
  bool empty() const { return count_.empty(); }
  bool has(uint64_t h) const { return count_.has(h); }
  bool contains(std::string_view s) const {
    for (const auto &t : texts_)
      if (t.first.find(s) != std::string_view::npos) return true;
    return false;
  }

 private:
  std::deque<std::pair<std::string_view, std::vector<uint64_t>>> texts_;
  size_t bytes_ = 0;
  HashCounts count_;
};

// Finds the repeated runs in `text`; when there are any, returns true, sets
// `rest` to the text without them and `cut_tail` when a cut reached the end. The shingles are hashed on the
// way and not kept, but for those that start at or after `keep_from` (the
// part the window will keep), whose hashes go to `kept`.
bool cut_repeats(std::string_view text, const Window &window, size_t keep_from, std::vector<uint64_t> &kept,
                 bool &cut_tail, std::string &rest) {
  const bool look = text.size() >= k_min_repeat && !window.empty();
  std::vector<std::pair<size_t, size_t>> runs;
  size_t run_start = std::string::npos, last_hit = 0;
  auto close_run = [&] {
    size_t b = run_start, e = last_hit + k_shingle;
    while (e < text.size() && !is_lead_byte(text[e])) --e;
    if (e - b >= k_min_repeat && window.contains(text.substr(b, e - b))) {
      // A run ends a shingle past its last hit, so the next one may start
      // inside it: the two are one cut (erased one after the other, the
      // second would cut the text's bytes at the wrong places, mid-character).
      if (!runs.empty() && b < runs.back().second)
        runs.back().second = std::max(runs.back().second, e);
      else
        runs.push_back({b, e});
    }
    run_start = std::string::npos;
  };
  for_each_shingle(text, [&](size_t pos, uint64_t h) {
    if (pos >= keep_from) kept.push_back(h);
    if (!look) return;
    const bool hit = window.has(h);
    if (hit && run_start == std::string::npos) run_start = pos;
    if (hit) last_hit = pos;
    if (!hit && run_start != std::string::npos) close_run();
  });
  if (run_start != std::string::npos) close_run();  // a run up to the last shingle
  if (runs.empty()) return false;
  cut_tail = runs.back().second >= text.size();
  rest.assign(text);
  for (auto it = runs.rbegin(); it != runs.rend(); ++it) rest.erase(it->first, it->second - it->first);
  return true;
}

}  // namespace

size_t remove_repeats(std::vector<Piece> &pieces, TextStore &edits) {
  Window window;
  size_t removed = 0;
  // Kept pieces are moved down in place (the first `kept` slots): a second
  // vector would hold a copy of every piece at once.
  size_t kept = 0;
  auto keep = [&](Piece &p) {
    if (&pieces[kept] != &p) pieces[kept] = std::move(p);
    ++kept;
  };
  auto last_kept = [&]() -> Piece & { return pieces[kept - 1]; };
  std::deque<uint64_t> recent_lines;  // hashes of the last clause lines
  for (size_t i = 0; i < pieces.size(); ++i) {
    Piece &p = pieces[i];
    if (is_clause_line(p.text)) {
      const uint64_t h = hash_bytes(trim(p.text));
      bool seen = false;
      for (uint64_t r : recent_lines) seen = seen || r == h;
      if (seen && kept > 0) {
        last_kept().duplicate_cut = true;
        ++removed;
        continue;
      }
      recent_lines.push_back(h);
      if (recent_lines.size() > k_line_repeat_lookback) recent_lines.pop_front();
    }
    const bool prose = is_prose(p.text);
    if (!prose && (p.text.size() < k_min_repeat || window.empty())) {  // nothing to find, nothing to keep
      keep(p);
      continue;
    }
    // A prose text's last k_window_bytes go to the window, as they were
    // before any cut (the cut below points the piece at new text; these
    // bytes stay where they are).
    const size_t keep_from = prose ? Window::kept_from(p.text) : std::string::npos;
    const std::string_view original = prose ? p.text.substr(keep_from) : std::string_view();
    std::vector<uint64_t> kept_hashes;
    if (prose && original.size() >= k_shingle) {  // one shingle per character that starts a full window
      kept_hashes.reserve(static_cast<size_t>(std::count_if(original.begin(), original.end() - (k_shingle - 1),
                                                            [](char c) { return is_lead_byte(static_cast<unsigned char>(c)); })));
    }
    bool cut_tail = false;
    std::string text;  // what is left once the repeats are cut out
    const bool cut = cut_repeats(p.text, window, keep_from, kept_hashes, cut_tail, text);
    if (prose) window.add(original, std::move(kept_hashes));
    if (cut) {
      ++removed;
      if (trim(text).empty()) {
        if (kept > 0) last_kept().duplicate_cut = true;
        continue;
      }
      p.duplicate_cut = true;
      p.ends_paragraph = p.ends_paragraph || cut_tail;
      p.text = edits.keep(std::string(trim(text)));
    }
    keep(p);
  }
  pieces.erase(pieces.begin() + static_cast<std::ptrdiff_t>(kept), pieces.end());
  return removed;
}

}  // namespace bm::detail
