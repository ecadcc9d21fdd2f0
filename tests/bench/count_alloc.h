// A counting malloc for the benchmark (count_alloc.cpp): between heap_begin()
// and heap_end() it tracks the bytes live (malloc_usable_size of every block
// allocated minus every block freed), their peak and the number of
// allocations. It sees operator new (libstdc++ allocates with malloc), ICU
// (uprv_malloc is malloc) and utf8proc alike.
#pragma once
#include <cstdint>

namespace bench {

struct HeapStats {
  int64_t peak = 0;    // highest live bytes above the level at heap_begin()
  int64_t net = 0;     // live bytes at heap_end() above the level at heap_begin()
  int64_t allocs = 0;  // malloc/calloc/realloc/memalign calls that returned a block
};

void heap_begin();
HeapStats heap_end();

}  // namespace bench
