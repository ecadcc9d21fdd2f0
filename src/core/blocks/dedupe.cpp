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
struct Shingle {
  size_t pos;
  uint64_t hash;
};
constexpr uint64_t k_base = 1099511628211ull;

std::vector<Shingle> shingles(std::string_view s) {
  std::vector<Shingle> out;
  if (s.size() < k_shingle) return out;
  uint64_t top = 1;  // k_base^(k_shingle-1)
  for (size_t k = 1; k < k_shingle; ++k) top *= k_base;
  uint64_t h = 0;
  for (size_t k = 0; k < k_shingle; ++k) h = h * k_base + static_cast<unsigned char>(s[k]);
  for (size_t i = 0;; ++i) {
    if (is_lead_byte(static_cast<unsigned char>(s[i]))) out.push_back({i, h});
    if (i + k_shingle >= s.size()) break;
    h = (h - static_cast<unsigned char>(s[i]) * top) * k_base + static_cast<unsigned char>(s[i + k_shingle]);
  }
  return out;
}

// The recent prose the repeats may point back to, with the hashes of its
// shingles counted (each text's hashes kept, so dropping it costs no hashing).
class Window {
 public:
  void add(std::string text, std::vector<Shingle> hashes) {
    // A text longer than the window keeps only its last k_window_bytes (from
    // a character boundary): a repeat may not point further back, and the
    // window's table and its searches stay bounded on a page of one huge line.
    if (text.size() > k_window_bytes) {
      size_t cut = text.size() - k_window_bytes;
      while (cut < text.size() && !is_lead_byte(static_cast<unsigned char>(text[cut]))) ++cut;
      text.erase(0, cut);
      hashes.erase(hashes.begin(), std::lower_bound(hashes.begin(), hashes.end(), cut,
                                                    [](const Shingle &sh, size_t c) { return sh.pos < c; }));
      for (Shingle &sh : hashes) sh.pos -= cut;
    }
    for (const Shingle &sh : hashes) count_.add(sh.hash);
    bytes_ += text.size();
    texts_.push_back({std::move(text), std::move(hashes)});
    while (bytes_ > k_window_bytes && texts_.size() > 1) {
      for (const Shingle &sh : texts_.front().second) count_.remove(sh.hash);
      bytes_ -= texts_.front().first.size();
      texts_.pop_front();
    }
  }
  bool empty() const { return count_.empty(); }
  bool has(uint64_t h) const { return count_.has(h); }
  bool contains(std::string_view s) const {
    for (const auto &t : texts_)
      if (t.first.find(s) != std::string::npos) return true;
    return false;
  }

 private:
  std::deque<std::pair<std::string, std::vector<Shingle>>> texts_;
  size_t bytes_ = 0;
  HashCounts count_;
};

// Cuts repeated runs out of `text`; returns true when anything was cut and
// sets `cut_tail` when a cut reached the end.
bool cut_repeats(std::string &text, const std::vector<Shingle> &hashes, const Window &window, bool &cut_tail) {
  if (text.size() < k_min_repeat || window.empty()) return false;
  std::vector<std::pair<size_t, size_t>> runs;
  size_t run_start = std::string::npos, last_hit = 0;
  for (size_t k = 0; k <= hashes.size(); ++k) {
    const bool hit = k < hashes.size() && window.has(hashes[k].hash);
    if (hit && run_start == std::string::npos) run_start = hashes[k].pos;
    if (hit) last_hit = hashes[k].pos;
    if (!hit && run_start != std::string::npos) {
      size_t b = run_start, e = last_hit + k_shingle;
      while (e < text.size() && !is_lead_byte(text[e])) --e;
      if (e - b >= k_min_repeat && window.contains(std::string_view(text).substr(b, e - b))) {
        // A run ends a shingle past its last hit, so the next one may start
        // inside it: the two are one cut (erased one after the other, the
        // second would cut the text's bytes at the wrong places, mid-character).
        if (!runs.empty() && b < runs.back().second)
          runs.back().second = std::max(runs.back().second, e);
        else
          runs.push_back({b, e});
      }
      run_start = std::string::npos;
    }
  }
  if (runs.empty()) return false;
  cut_tail = runs.back().second >= text.size();
  for (auto it = runs.rbegin(); it != runs.rend(); ++it) text.erase(it->first, it->second - it->first);
  return true;
}

}  // namespace

size_t remove_repeats(std::vector<Piece> &pieces) {
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
    std::vector<Shingle> hashes = shingles(p.text);
    std::string original = prose ? p.text : std::string();
    bool cut_tail = false;
    const bool cut = cut_repeats(p.text, hashes, window, cut_tail);
    if (prose) window.add(std::move(original), std::move(hashes));
    if (cut) {
      ++removed;
      if (trim(p.text).empty()) {
        if (kept > 0) last_kept().duplicate_cut = true;
        continue;
      }
      p.duplicate_cut = true;
      p.ends_paragraph = p.ends_paragraph || cut_tail;
      p.text = std::string(trim(p.text));
    }
    keep(p);
  }
  pieces.erase(pieces.begin() + static_cast<std::ptrdiff_t>(kept), pieces.end());
  return removed;
}

}  // namespace bm::detail
