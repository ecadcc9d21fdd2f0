// Text a stage rewrote: a repeat cut out of a piece, a closing mark carried
// over from the next line, the text glued after a credit's names. Pieces hold
// views (Piece::text): into the page's text while their text is the page's
// own, into a store once a stage has rewritten it. The store lives as long as
// the pieces (Assembly holds both); views into it stay valid while it lives,
// also when it is moved (a deque's elements never move), so it cannot be
// copied (a copy's pieces would point into the original).
#pragma once
#include <deque>
#include <string>
#include <string_view>

namespace bm::detail {

class TextStore {
 public:
  TextStore() = default;
  TextStore(TextStore &&) = default;
  TextStore &operator=(TextStore &&) = default;
  TextStore(const TextStore &) = delete;
  TextStore &operator=(const TextStore &) = delete;

  // Keeps `s` for the store's life; the view of the kept copy.
  std::string_view keep(std::string s) {
    kept_.push_back(std::move(s));
    return kept_.back();
  }

 private:
  std::deque<std::string> kept_;
};

}  // namespace bm::detail
