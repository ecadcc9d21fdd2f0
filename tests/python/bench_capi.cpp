// The C API side of bench_parse_many.py: parses N pages (the given files,
// cycled) on T threads sharing one bm_parser, each bm_parse + bm_page_to_json,
// exactly as banmian.parse_many does; prints the best wall time of R runs
// and the process CPU time (all threads) of that run, in seconds, and the bytes.
// usage: bench_capi N THREADS RUNS FILE...
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "banmian/banmian.h"

int main(int argc, char **argv) {
  if (argc < 5) {
    std::fprintf(stderr, "usage: bench_capi N THREADS RUNS FILE...\n");
    return 2;
  }
  const size_t n = std::strtoul(argv[1], nullptr, 10);
  const size_t threads = std::strtoul(argv[2], nullptr, 10);
  const int runs = std::atoi(argv[3]);
  std::vector<std::string> files;
  for (int i = 4; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    files.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  std::vector<const std::string *> items(n);
  size_t bytes = 0;
  for (size_t i = 0; i < n; ++i) bytes += (items[i] = &files[i % files.size()])->size();
  bm_parser *parser = nullptr;
  if (bm_parser_new(nullptr, &parser) != BM_OK) return 1;
  double best = 1e9, best_cpu = 0;
  for (int r = 0; r < runs; ++r) {
    std::vector<bm_page *> pages(n, nullptr);
    std::vector<char *> json(n, nullptr);
    std::atomic<size_t> next{0};
    std::atomic<int> failures{0};
    const auto t0 = std::chrono::steady_clock::now();
    const std::clock_t c0 = std::clock();
    auto work = [&]() {
      for (size_t i; (i = next.fetch_add(1)) < n;) {
        size_t len = 0;
        if (bm_parse(parser, items[i]->data(), items[i]->size(), nullptr, &pages[i]) != BM_OK ||
            bm_page_to_json(pages[i], 0, &json[i], &len) != BM_OK)
          ++failures;
      }
    };
    std::vector<std::thread> pool;
    for (size_t t = 0; t < threads; ++t) pool.emplace_back(work);
    for (auto &t : pool) t.join();
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const double cpu = double(std::clock() - c0) / CLOCKS_PER_SEC;
    if (failures) return 1;
    if (s < best) {
      best = s;
      best_cpu = cpu;
    }
    for (size_t i = 0; i < n; ++i) {
      bm_string_free(json[i]);
      bm_page_free(pages[i]);
    }
  }
  bm_parser_free(parser);
  std::printf("%.6f %.6f %zu\n", best, best_cpu, bytes);
  return 0;
}
