// HashCounts (common/hash_counts.h), the repeat remover's shingle counts:
// after any sequence of adds and removes it holds what a map of counts holds,
// through growth and through deletions inside probe runs (hashes chosen to
// share home slots, so that backward shifting is exercised).
#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <random>
#include <vector>

#include "core/common/hash_counts.h"

using bm::detail::HashCounts;

namespace {

void expect_same(const HashCounts &t, const std::map<uint64_t, int> &ref, const std::vector<uint64_t> &probe) {
  for (uint64_t h : probe) ASSERT_EQ(t.has(h), ref.count(h) != 0) << h;
  ASSERT_EQ(t.empty(), ref.empty());
}

}  // namespace

TEST(HashCounts, EmptyHoldsNothing) {
  HashCounts t;
  EXPECT_TRUE(t.empty());
  EXPECT_FALSE(t.has(0));
  EXPECT_FALSE(t.has(42));
  t.remove(42);  // removing what is not there changes nothing
  EXPECT_TRUE(t.empty());
}

TEST(HashCounts, CountsRepeatsOfOneHash) {
  HashCounts t;
  t.add(7);
  t.add(7);
  t.remove(7);
  EXPECT_TRUE(t.has(7));  // one of the two still held
  t.remove(7);
  EXPECT_FALSE(t.has(7));
  EXPECT_TRUE(t.empty());
}

TEST(HashCounts, AgreesWithAMapThroughGrowthAndRemovals) {
  std::mt19937_64 rng(12345);
  // Few distinct values, many of them equal in the top bits (the home slot
  // is taken from the top bits): long probe runs and many shifts.
  std::vector<uint64_t> values;
  for (int i = 0; i < 3000; ++i) values.push_back((rng() & 0xFFFF000000000000ull) | (rng() & 0x3F));
  for (int i = 0; i < 3000; ++i) values.push_back(rng());
  std::vector<uint64_t> probe = values;
  for (int i = 0; i < 500; ++i) probe.push_back(rng());

  HashCounts t;
  std::map<uint64_t, int> ref;
  for (int round = 0; round < 20000; ++round) {
    const uint64_t h = values[rng() % values.size()];
    if (rng() % 3 != 0) {
      t.add(h);
      ++ref[h];
    } else {
      t.remove(h);
      auto it = ref.find(h);
      if (it != ref.end() && --it->second == 0) ref.erase(it);
    }
    if (round % 997 == 0) expect_same(t, ref, probe);
  }
  expect_same(t, ref, probe);
  // Drain it: everything removed, nothing left behind.
  for (auto &[h, n] : std::map<uint64_t, int>(ref))
    for (int k = 0; k < n; ++k) t.remove(h);
  ref.clear();
  expect_same(t, ref, probe);
}
