// A multiset of 64-bit hashes in one flat table (blocks/dedupe.cpp's window).
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace bm::detail {

// How many times each 64-bit hash is held: one open-addressing table
// (linear probing, backward-shift deletion) that grows by doubling and
// allocates nothing per hash. (The repeat remover's window counts its
// shingles here: a node map allocated a node for every new shingle and freed
// it when the window slid past, most of that stage's time.)
class HashCounts {
 public:
  void add(uint64_t h) {
    if ((size_ + 1) * 5 > count_.size() * 4) grow();  // at most 80% full
    size_t i = find(h);
    if (!count_[i]) hash_[i] = h, ++size_;
    ++count_[i];
  }
  void remove(uint64_t h) {
    if (count_.empty()) return;
    size_t hole = find(h);
    if (!count_[hole] || --count_[hole]) return;
    --size_;
    // Close the hole: an entry further along the probe run moves into it
    // when its home slot does not lie between the hole and itself.
    for (size_t j = next(hole); count_[j]; j = next(j)) {
      const size_t home = home_of(hash_[j]);
      if (((j - home) & mask()) >= ((j - hole) & mask())) {
        hash_[hole] = hash_[j];
        count_[hole] = count_[j];
        count_[j] = 0;
        hole = j;
      }
    }
  }
  bool has(uint64_t h) const { return !count_.empty() && count_[find(h)] != 0; }
  bool empty() const { return size_ == 0; }

 private:
  static constexpr unsigned k_first_bits = 10;  // 1,024 slots to start with
  size_t mask() const { return count_.size() - 1; }
  size_t next(size_t i) const { return (i + 1) & mask(); }
  // Fibonacci hashing: the top bits of the product, so that hashes that
  // differ only in their low bits still spread.
  size_t home_of(uint64_t h) const { return static_cast<size_t>((h * 0x9E3779B97F4A7C15ull) >> (64 - bits_)); }
  // The slot holding h, or the free slot where it would go.
  size_t find(uint64_t h) const {
    size_t i = home_of(h);
    while (count_[i] && hash_[i] != h) i = next(i);
    return i;
  }
  void grow() {
    std::vector<uint64_t> old_hash = std::move(hash_);
    std::vector<uint32_t> old_count = std::move(count_);
    bits_ = old_count.empty() ? k_first_bits : bits_ + 1;
    hash_.assign(size_t{1} << bits_, 0);
    count_.assign(size_t{1} << bits_, 0);
    for (size_t k = 0; k < old_count.size(); ++k)
      if (old_count[k]) {
        const size_t i = find(old_hash[k]);
        hash_[i] = old_hash[k];
        count_[i] = old_count[k];
      }
  }

  // Two arrays, not one of structs: 12 bytes a slot, not 16 with padding.
  std::vector<uint64_t> hash_;
  std::vector<uint32_t> count_;  // 0: the slot is free
  unsigned bits_ = 0;
  size_t size_ = 0;  // distinct hashes held
};

}  // namespace bm::detail
