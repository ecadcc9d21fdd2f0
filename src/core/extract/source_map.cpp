#include "core/extract/source_map.h"

#include <algorithm>
#include <string>

#include "core/common/utf8.h"

namespace bm::detail {

PieceMap::PieceMap(std::string_view page_text, const Piece &piece)
    : page_(page_text),
      begin_(std::min<size_t>(piece.begin, page_text.size())),
      end_(std::min<size_t>(std::max(piece.begin, piece.end), page_text.size())),
      size_(piece.text.size()),
      prefix_(0),
      suffix_(0) {
  const std::string_view text = piece.text;
  if (page_text.substr(begin_, size_) == text) {  // its text as it stands (with text glued after a byline's range)
    end_ = std::max(end_, begin_ + size_);
    prefix_ = suffix_ = size_;
    return;
  }
  const std::string_view src = page_text.substr(begin_, end_ - begin_);
  const size_t n = std::min(src.size(), text.size());
  while (prefix_ < n && src[prefix_] == text[prefix_]) ++prefix_;
  while (suffix_ < n && src[src.size() - 1 - suffix_] == text[text.size() - 1 - suffix_]) ++suffix_;
}

size_t PieceMap::clamp(size_t at) const { return std::min(std::max(at, begin_), end_); }

namespace {
bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
}  // namespace

size_t PieceMap::start_char(size_t at) const {
  while (at > begin_ && at < page_.size() && continuation(page_[at])) --at;
  return at;
}

size_t PieceMap::end_char(size_t at) const {
  while (at < end_ && at < page_.size() && continuation(page_[at])) ++at;
  return at;
}

size_t PieceMap::start_of(size_t offset) const {
  offset = std::min(offset, size_);
  if (offset <= prefix_) return start_char(clamp(begin_ + offset));
  if (size_ - offset <= suffix_) return start_char(clamp(end_ - (size_ - offset)));
  return start_char(clamp(begin_ + offset));  // inside the changed part: no later than it can be
}

size_t PieceMap::end_of(size_t offset) const {
  offset = std::min(offset, size_);
  if (size_ - offset <= suffix_) return end_char(clamp(end_ - (size_ - offset)));
  if (offset <= prefix_) return end_char(clamp(begin_ + offset));
  return end_char(end_ >= size_ - offset ? clamp(end_ - (size_ - offset)) : begin_);  // no earlier than it can be
}

Span joined_span(std::string_view page_text, const std::vector<const Piece *> &pieces, const RawParagraph &paragraph,
                 size_t a, size_t b) {
  const std::vector<JoinedLine> &parts = paragraph.parts;
  if (parts.empty()) return {};
  // The part holding byte a (or the next one, when a is a space join_lines put
  // between two lines), and the part holding byte b - 1.
  auto first = std::upper_bound(parts.begin(), parts.end(), a,
                                [](size_t x, const JoinedLine &p) { return x < p.at + p.len; });
  if (first == parts.end()) first = parts.end() - 1;
  auto last = std::lower_bound(parts.begin(), parts.end(), b,
                               [](const JoinedLine &p, size_t x) { return p.at < x; });
  last = last == parts.begin() ? parts.begin() : last - 1;
  if (last < first) last = first;
  const size_t in_first = first->from + (a > first->at ? std::min(a - first->at, first->len) : 0);
  const size_t in_last = last->from + (b > last->at ? std::min(b - last->at, last->len) : 0);
  Span s;
  s.begin = PieceMap(page_text, *pieces[first->line]).start_of(in_first);
  s.end = PieceMap(page_text, *pieces[last->line]).end_of(in_last);
  // Pieces in page order lie in text order, and the two ends bound the
  // range; lines of merged columns put back in column order do not (a
  // paragraph runs from the foot of one column to the head of the next,
  // which stands higher in the text): the span covers every piece between.
  for (auto p = first; p <= last; ++p) {
    const Piece &x = *pieces[p->line];
    const size_t x_end = std::min<size_t>(std::max(x.begin, x.end), page_text.size());
    if (p != first) s.begin = std::min(s.begin, std::min<size_t>(x.begin, x_end));
    if (p != last) s.end = std::max(s.end, x_end);
  }
  if (s.end < s.begin) s.end = s.begin;
  return s;
}

namespace {

// Folds what normalization changes in a character: full-width ASCII to ASCII.
char32_t fold(char32_t c) { return c >= 0xFF01 && c <= 0xFF5E ? c - 0xFEE0 : c; }

}  // namespace

bool find_in_source(std::string_view text, size_t from, size_t to, std::string_view needle, size_t &b, size_t &e) {
  std::u32string n;
  for (size_t i = 0; i < needle.size();) {
    const char32_t c = next_cp(needle, i);
    if (!is_space_cp(c)) n.push_back(fold(c));
  }
  if (n.empty()) return false;
  to = std::min(to, text.size());
  for (size_t p = from; p < to;) {
    const size_t start = p;
    size_t i = p, k = 0;
    while (k < n.size() && i < to) {
      const size_t at = i;
      const char32_t c = next_cp(text, i);
      if (k > 0 && (is_space_cp(c) || c == U'\n' || c == U'\r')) continue;
      if (fold(c) != n[k]) {
        i = at;
        break;
      }
      ++k;
    }
    if (k == n.size()) {
      b = start;
      e = i;
      return true;
    }
    next_cp(text, p);
  }
  return false;
}

}  // namespace bm::detail
