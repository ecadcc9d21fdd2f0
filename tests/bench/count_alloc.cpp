// Counting malloc: the executable's malloc family interposes glibc's (the
// library, libstdc++, ICU and utf8proc all resolve malloc to these) and
// forwards to glibc's __libc_* entry points. Counting costs one relaxed atomic
// load per call while it is off.
#include "count_alloc.h"

#include <malloc.h>

#include <atomic>
#include <cerrno>
#include <cstddef>

extern "C" {
void *__libc_malloc(size_t);
void __libc_free(void *);
void *__libc_calloc(size_t, size_t);
void *__libc_realloc(void *, size_t);
void *__libc_memalign(size_t, size_t);
}

namespace {

std::atomic<bool> g_on{false};
std::atomic<int64_t> g_cur{0};
std::atomic<int64_t> g_peak{0};
std::atomic<int64_t> g_allocs{0};

inline void add(int64_t n) {
  const int64_t now = g_cur.fetch_add(n, std::memory_order_relaxed) + n;
  int64_t peak = g_peak.load(std::memory_order_relaxed);
  while (now > peak && !g_peak.compare_exchange_weak(peak, now, std::memory_order_relaxed)) {
  }
}

inline void on_alloc(void *p) {
  if (p && g_on.load(std::memory_order_relaxed)) {
    g_allocs.fetch_add(1, std::memory_order_relaxed);
    add(static_cast<int64_t>(malloc_usable_size(p)));
  }
}

inline void on_free(void *p) {
  if (p && g_on.load(std::memory_order_relaxed)) add(-static_cast<int64_t>(malloc_usable_size(p)));
}

}  // namespace

extern "C" {

void *malloc(size_t n) {
  void *p = __libc_malloc(n);
  on_alloc(p);
  return p;
}

void free(void *p) {
  on_free(p);
  __libc_free(p);
}

void *calloc(size_t n, size_t size) {
  void *p = __libc_calloc(n, size);
  on_alloc(p);
  return p;
}

void *realloc(void *old, size_t n) {
  const bool on = g_on.load(std::memory_order_relaxed);
  const int64_t before = (on && old) ? static_cast<int64_t>(malloc_usable_size(old)) : 0;
  void *p = __libc_realloc(old, n);
  if (on && (p || n == 0)) {
    if (p) g_allocs.fetch_add(1, std::memory_order_relaxed);
    add((p ? static_cast<int64_t>(malloc_usable_size(p)) : 0) - before);
  }
  return p;
}

void *memalign(size_t align, size_t n) {
  void *p = __libc_memalign(align, n);
  on_alloc(p);
  return p;
}

void *aligned_alloc(size_t align, size_t n) { return memalign(align, n); }

int posix_memalign(void **out, size_t align, size_t n) {
  if (align < sizeof(void *) || (align & (align - 1)) != 0) return EINVAL;
  void *p = memalign(align, n);
  if (!p) return ENOMEM;
  *out = p;
  return 0;
}

}  // extern "C"

namespace bench {

void heap_begin() {
  g_cur.store(0, std::memory_order_relaxed);
  g_peak.store(0, std::memory_order_relaxed);
  g_allocs.store(0, std::memory_order_relaxed);
  g_on.store(true, std::memory_order_seq_cst);
}

HeapStats heap_end() {
  g_on.store(false, std::memory_order_seq_cst);
  HeapStats s;
  s.peak = g_peak.load(std::memory_order_relaxed);
  s.net = g_cur.load(std::memory_order_relaxed);
  s.allocs = g_allocs.load(std::memory_order_relaxed);
  return s;
}

}  // namespace bench
