// banmian benchmark harness (issue 7). Run through scripts/bench.sh.
//
// One run measures, on the same 16 KB pages (cut from the dev pages, repeated
// to >= 32 MiB), single thread, per page: bm_decode, bm_normalize,
// bm_parse + bm_page_to_json (and bm_parse alone), and ICU's
// Normalizer2::getNFCInstance()->normalizeUTF8 as the yardstick; then one
// large call against page by page, 2 threads on one shared parser against 1,
// transient heap per page (counting malloc) and parser creation time.
// Every timed figure is the best of --reps runs (the machine is shared).
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uversion.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include <sys/resource.h>
#include <time.h>

#include "banmian/banmian.h"
#include "corpus.h"
#include "count_alloc.h"

namespace {

using Clock = std::chrono::steady_clock;
using Op = std::function<void(const std::string &)>;

double secs(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); }

void check(bm_status st, const char *what) {
  if (st != BM_OK) {
    std::fprintf(stderr, "%s failed: %s (%s)\n", what, bm_status_string(st), bm_last_error()->message);
    std::exit(1);
  }
}

double thread_cpu() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// CPU time of the calling thread: what a pass costs whatever else runs on the
// machine (a shared machine takes cores away; wall-clock time then measures the
// other users, CPU time still measures us).
struct Series {
  double wall = 1e300;     // seconds for the whole pass
  double cpu = 1e300;      // thread CPU seconds for the whole pass
  std::vector<double> us;  // per page, microseconds (wall clock)
};

Series run_pages(const Op &op, const std::vector<std::string> &pages) {
  Series s;
  s.us.reserve(pages.size());
  const double c0 = thread_cpu();
  const auto start = Clock::now();
  for (const auto &p : pages) {
    const auto t0 = Clock::now();
    op(p);
    const auto t1 = Clock::now();
    s.us.push_back(secs(t0, t1) * 1e6);
  }
  s.wall = secs(start, Clock::now());
  s.cpu = thread_cpu() - c0;
  return s;
}

double pct(std::vector<double> v, double q) {
  std::sort(v.begin(), v.end());
  size_t i = static_cast<size_t>(q * static_cast<double>(v.size()));
  if (i >= v.size()) i = v.size() - 1;
  return v[i];
}

double median(std::vector<double> v) { return pct(std::move(v), 0.5); }

struct ThreadRun {
  double wall = 1e300;  // seconds
  double cpu = 0;       // seconds of CPU, all worker threads together
  long vcsw = 0;        // voluntary context switches (blocking: locks, I/O)
  long ivcsw = 0;       // involuntary ones (preempted: other load on the machine)
};

ThreadRun run_threads(int n, const Op &op, const std::vector<std::string> &pages) {
  std::atomic<size_t> next{0};
  std::vector<double> cpu(static_cast<size_t>(n));
  std::vector<long> vcsw(static_cast<size_t>(n)), ivcsw(static_cast<size_t>(n));
  const auto start = Clock::now();
  std::vector<std::thread> ts;
  for (int t = 0; t < n; ++t)
    ts.emplace_back([&, t] {
      rusage r0{}, r1{};
      getrusage(RUSAGE_THREAD, &r0);
      const double c0 = thread_cpu();
      for (size_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) < pages.size();) op(pages[i]);
      cpu[static_cast<size_t>(t)] = thread_cpu() - c0;
      getrusage(RUSAGE_THREAD, &r1);
      vcsw[static_cast<size_t>(t)] = r1.ru_nvcsw - r0.ru_nvcsw;
      ivcsw[static_cast<size_t>(t)] = r1.ru_nivcsw - r0.ru_nivcsw;
    });
  for (auto &t : ts) t.join();
  ThreadRun r;
  r.wall = secs(start, Clock::now());
  for (int t = 0; t < n; ++t) {
    r.cpu += cpu[static_cast<size_t>(t)];
    r.vcsw += vcsw[static_cast<size_t>(t)];
    r.ivcsw += ivcsw[static_cast<size_t>(t)];
  }
  return r;
}

struct Args {
  size_t mib = 32;
  size_t page_kib = 16;
  int reps = 3;
  size_t heap_pages = 256;
  bool one_call = true;
  bool threads_only = false;  // only 1 and 2 threads of bm_parse (the baseline for bench_python.py)
  size_t npages = 0;          // 0: the corpus as cut; else this many pages, cycling through it
  std::string dir = BM_DEV_PAGES_DIR;
};

Args parse_args(int argc, char **argv) {
  Args a;
  for (int i = 1; i < argc; ++i) {
    std::string k = argv[i];
    auto val = [&]() -> const char * {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "%s needs a value\n", k.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (k == "--mib") a.mib = std::strtoul(val(), nullptr, 10);
    else if (k == "--page-kib") a.page_kib = std::strtoul(val(), nullptr, 10);
    else if (k == "--reps") a.reps = std::atoi(val());
    else if (k == "--heap-pages") a.heap_pages = std::strtoul(val(), nullptr, 10);
    else if (k == "--no-one-call") a.one_call = false;
    else if (k == "--threads-only") a.threads_only = true;
    else if (k == "--pages") a.npages = std::strtoul(val(), nullptr, 10);
    else if (k == "--data") a.dir = val();
    else {
      std::fprintf(stderr,
                   "usage: bm_bench [--mib N] [--page-kib K] [--reps R] [--heap-pages N] [--no-one-call] "
                   "[--data DIR] [--threads-only [--pages N]]\n");
      std::exit(2);
    }
  }
  if (a.reps < 1) a.reps = 1;
  return a;
}

}  // namespace

int main(int argc, char **argv) {
  const Args args = parse_args(argc, argv);
  std::setvbuf(stdout, nullptr, _IOLBF, 0);

  // ---- parser creation (first one also loads ICU data and the lexicon) ----
  std::vector<double> create_ms;
  for (int i = 0; i < 21; ++i) {
    bm_parser *p = nullptr;
    const auto t0 = Clock::now();
    check(bm_parser_new(nullptr, &p), "bm_parser_new");
    const auto t1 = Clock::now();
    bm_parser_free(p);
    create_ms.push_back(secs(t0, t1) * 1e3);
  }
  const double create_first = create_ms.front();
  create_ms.erase(create_ms.begin());
  const double create_med = median(create_ms);
  const double create_min = *std::min_element(create_ms.begin(), create_ms.end());

  bm_parser *parser = nullptr;
  check(bm_parser_new(nullptr, &parser), "bm_parser_new");

  UErrorCode uerr = U_ZERO_ERROR;
  const icu::Normalizer2 *nfc = icu::Normalizer2::getNFCInstance(uerr);
  if (U_FAILURE(uerr)) {
    std::fprintf(stderr, "ICU NFC: %s\n", u_errorName(uerr));
    return 1;
  }

  const auto dev = bench::read_dev_pages(args.dir);
  auto pages = bench::make_pages(dev, args.page_kib * 1024, args.mib * 1024 * 1024);
  if (args.npages > 0) {
    const size_t cut = pages.size();
    for (size_t i = cut; i < args.npages; ++i) pages.push_back(pages[i % cut]);
    pages.resize(args.npages);
  }
  size_t total = 0, maxlen = 0;
  for (const auto &p : pages) {
    total += p.size();
    maxlen = std::max(maxlen, p.size());
  }
  std::printf("banmian %s, ICU %s\n", bm_version(), U_ICU_VERSION);
  std::printf("corpus: %zu dev pages -> %zu pages of <= %zu KiB (max %zu B), %.1f MiB; best of %d runs\n\n",
              dev.size(), pages.size(), args.page_kib, maxlen, static_cast<double>(total) / 1048576.0, args.reps);

  // ---- the operations ----
  const Op op_decode = [&](const std::string &p) {
    bm_text *t = nullptr;
    check(bm_decode(parser, p.data(), p.size(), nullptr, &t), "bm_decode");
    bm_text_free(t);
  };
  const Op op_normalize = [&](const std::string &p) {
    char *out = nullptr;
    size_t n = 0;
    check(bm_normalize(parser, p.data(), p.size(), nullptr, &out, &n), "bm_normalize");
    bm_string_free(out);
  };
  const Op op_parse = [&](const std::string &p) {
    bm_page *pg = nullptr;
    check(bm_parse(parser, p.data(), p.size(), nullptr, &pg), "bm_parse");
    bm_page_free(pg);
  };
  const Op op_parse_json = [&](const std::string &p) {
    bm_page *pg = nullptr;
    check(bm_parse(parser, p.data(), p.size(), nullptr, &pg), "bm_parse");
    char *json = nullptr;
    size_t n = 0;
    check(bm_page_to_json(pg, 0, &json, &n), "bm_page_to_json");
    bm_string_free(json);
    bm_page_free(pg);
  };
  const Op op_icu_nfc = [&](const std::string &p) {
    std::string out;
    out.reserve(p.size());
    icu::StringByteSink<std::string> sink(&out);
    UErrorCode e = U_ZERO_ERROR;
    nfc->normalizeUTF8(0, icu::StringPiece(p.data(), static_cast<int32_t>(p.size())), sink, nullptr, e);
    if (U_FAILURE(e)) {
      std::fprintf(stderr, "normalizeUTF8: %s\n", u_errorName(e));
      std::exit(1);
    }
  };

  if (args.threads_only) {
    // Baseline for tests/bench/bench_python.py: bm_parse (no JSON), pages freed at once.
    const double mbt = static_cast<double>(total) / 1e6;
    ThreadRun one, two;
    for (int r = 0; r < args.reps; ++r) {
      ThreadRun a = run_threads(1, op_parse, pages);
      if (a.wall < one.wall) one = a;
      ThreadRun b = run_threads(2, op_parse, pages);
      if (b.wall < two.wall) two = b;
    }
    std::printf("threads-only bm_parse: 1 thread %.2f MB/s (CPU %.2f s), 2 threads %.2f MB/s (CPU %.2f s)\n",
                mbt / one.wall, one.cpu, mbt / two.wall, two.cpu);
    std::printf("RESULT pages=%zu bytes=%zu wall1=%.4f cpu1=%.4f wall2=%.4f cpu2=%.4f\n", pages.size(), total, one.wall,
                one.cpu, two.wall, two.cpu);
    bm_parser_free(parser);
    return 0;
  }

  struct Named {
    const char *name;
    const Op *op;
    Series best;        // the pass with the least wall-clock time
    double best_cpu = 1e300;  // the least CPU time of any pass
  };
  std::vector<Named> ops = {{"ICU NFC normalizeUTF8", &op_icu_nfc, {}},
                            {"bm_decode", &op_decode, {}},
                            {"bm_normalize", &op_normalize, {}},
                            {"bm_parse", &op_parse, {}},
                            {"bm_parse+bm_page_to_json", &op_parse_json, {}}};

  // warm-up: caches, lazy ICU data, allocator arenas
  const std::vector<std::string> warm(pages.begin(), pages.begin() + std::min<size_t>(pages.size(), 20));
  for (auto &o : ops) run_pages(*o.op, warm);

  for (int r = 0; r < args.reps; ++r)
    for (auto &o : ops) {
      Series s = run_pages(*o.op, pages);
      o.best_cpu = std::min(o.best_cpu, s.cpu);
      if (s.wall < o.best.wall) o.best = std::move(s);
    }

  const double mb = static_cast<double>(total) / 1e6;
  const double icu_mbs = mb / ops[0].best.wall, icu_cpu_mbs = mb / ops[0].best_cpu;
  std::printf("## Single thread, per page (MB/s = 10^6 input bytes per second)\n\n");
  std::printf("MB/s (CPU) counts the thread's CPU time, not the wall clock: on a shared machine it is the\n"
              "figure that does not depend on the other users, and the targets are judged on it.\n\n");
  std::printf("| operation | MB/s (wall) | MB/s (CPU) | p50 us | p99 us | ratio to ICU NFC (wall) | ratio to ICU NFC (CPU) |\n"
              "|---|---:|---:|---:|---:|---:|---:|\n");
  for (const auto &o : ops) {
    const double mbs = mb / o.best.wall, cmbs = mb / o.best_cpu;
    std::printf("| %s | %.1f | %.1f | %.1f | %.1f | %.4f | %.4f |\n", o.name, mbs, cmbs, pct(o.best.us, 0.50),
                pct(o.best.us, 0.99), mbs / icu_mbs, cmbs / icu_cpu_mbs);
  }
  std::printf("\n");

  // ---- one large call against page by page ----
  const double r_norm = (mb / ops[2].best_cpu) / icu_cpu_mbs, r_parse = (mb / ops[4].best_cpu) / icu_cpu_mbs;
  const double r_norm_wall = (mb / ops[2].best.wall) / icu_mbs, r_parse_wall = (mb / ops[4].best.wall) / icu_mbs;
  double r_one_call = -1, r_threads = 0, r_threads_cpu = 0, heap_parse_peak = 0, heap_parse_transient = 0;
  double r_one_call_wall = -1;
  double parse_allocs_median = 0, parse_peak_median = 0, parse_transient_median = 0;  // bm_parse per page
  const double parse_pages_wall = ops[3].best.wall, norm_pages_wall = ops[2].best.wall;
  const double parse_pages_cpu = ops[3].best_cpu, norm_pages_cpu = ops[2].best_cpu;
  if (args.one_call) {
    std::string big;
    big.reserve(total);
    for (const auto &p : pages) big += p;
    double parse_big = 1e300, norm_big = 1e300, parse_big_cpu = 1e300, norm_big_cpu = 1e300;
    bench::HeapStats big_heap;
    for (int r = 0; r < std::min(args.reps, 2) + 1; ++r) {
      // the first run counts the heap (and is a little slower for it); the others are timed
      if (r == 0) bench::heap_begin();
      double c0 = thread_cpu();
      auto t0 = Clock::now();
      op_parse(big);
      if (r == 0) {
        big_heap = bench::heap_end();
        continue;
      }
      parse_big = std::min(parse_big, secs(t0, Clock::now()));
      parse_big_cpu = std::min(parse_big_cpu, thread_cpu() - c0);
      c0 = thread_cpu();
      t0 = Clock::now();
      op_normalize(big);
      norm_big = std::min(norm_big, secs(t0, Clock::now()));
      norm_big_cpu = std::min(norm_big_cpu, thread_cpu() - c0);
    }
    std::printf("## Page by page against one call on the whole %.1f MiB\n\n", static_cast<double>(total) / 1048576.0);
    std::printf("| operation | page by page MB/s (wall) | one call MB/s (wall) | ratio (wall) | page by page MB/s (CPU) | "
                "one call MB/s (CPU) | ratio (CPU) |\n|---|---:|---:|---:|---:|---:|---:|\n");
    r_one_call = parse_big_cpu / parse_pages_cpu;
    r_one_call_wall = parse_big / parse_pages_wall;
    std::printf("| bm_parse | %.1f | %.1f | %.3f | %.1f | %.1f | %.3f |\n", mb / parse_pages_wall, mb / parse_big,
                r_one_call_wall, mb / parse_pages_cpu, mb / parse_big_cpu, r_one_call);
    std::printf("| bm_normalize | %.1f | %.1f | %.3f | %.1f | %.1f | %.3f |\n\n", mb / norm_pages_wall, mb / norm_big,
                norm_big / norm_pages_wall, mb / norm_pages_cpu, mb / norm_big_cpu, norm_big_cpu / norm_pages_cpu);
    std::printf("peak heap during the one bm_parse of %.1f MiB: %.1f MiB (%.1f bytes per input byte), %lld allocations\n\n",
                static_cast<double>(total) / 1048576.0, static_cast<double>(big_heap.peak) / 1048576.0,
                static_cast<double>(big_heap.peak) / static_cast<double>(total), static_cast<long long>(big_heap.allocs));
  }

  // ---- 2 threads on one shared parser against 1 ----
  // Wall-clock speed-up needs two idle cores, which a shared machine rarely
  // has; the CPU time the work took with 2 threads against 1 does not depend
  // on that: 2 x (CPU with 1 thread / CPU with 2 threads) is the speed-up two
  // free cores would give (locks and false sharing would show as more CPU, or
  // as voluntary context switches).
  {
    ThreadRun one, two;
    for (int r = 0; r < args.reps; ++r) {
      ThreadRun a = run_threads(1, op_parse_json, pages);
      if (a.wall < one.wall) one = a;
      ThreadRun b = run_threads(2, op_parse_json, pages);
      if (b.wall < two.wall) two = b;
    }
    r_threads = one.wall / two.wall;
    r_threads_cpu = 2.0 * one.cpu / two.cpu;
    std::printf("## Threads (bm_parse+bm_page_to_json, one shared parser, %u hardware threads)\n\n",
                std::thread::hardware_concurrency());
    std::printf("| threads | MB/s (wall) | wall speed-up | CPU s | CPU used / wall | voluntary / involuntary "
                "context switches |\n|---|---:|---:|---:|---:|---:|\n");
    std::printf("| 1 | %.1f | 1.000 | %.2f | %.2f | %ld / %ld |\n", mb / one.wall, one.cpu, one.cpu / one.wall, one.vcsw,
                one.ivcsw);
    std::printf("| 2 | %.1f | %.3f | %.2f | %.2f | %ld / %ld |\n\n", mb / two.wall, r_threads, two.cpu,
                two.cpu / two.wall, two.vcsw, two.ivcsw);
    std::printf("2 threads: wall speed-up %.3f; CPU-time speed-up (2 x CPU(1) / CPU(2), what two free cores give) "
                "%.3f\n\n", r_threads, r_threads_cpu);
  }

  // ---- transient heap per page (counting malloc, single thread) ----
  {
    std::vector<std::string> hp(pages.begin(), pages.begin() + std::min(pages.size(), args.heap_pages));
    for (const auto &d : dev) hp.push_back(d.bytes);
    struct H {
      const char *name;
      std::vector<double> peak, net, allocs;
    };
    H h[5] = {{"bm_decode", {}, {}, {}},
              {"bm_normalize", {}, {}, {}},
              {"bm_parse", {}, {}, {}},
              {"bm_page_to_json", {}, {}, {}},
              {"ICU NFC normalizeUTF8", {}, {}, {}}};
    auto rec = [](H &x, const bench::HeapStats &s) {
      x.peak.push_back(static_cast<double>(s.peak));
      x.net.push_back(static_cast<double>(s.net));
      x.allocs.push_back(static_cast<double>(s.allocs));
    };
    for (const auto &p : hp) {
      bm_text *t = nullptr;
      bench::heap_begin();
      check(bm_decode(parser, p.data(), p.size(), nullptr, &t), "bm_decode");
      rec(h[0], bench::heap_end());
      bm_text_free(t);

      char *out = nullptr;
      size_t n = 0;
      bench::heap_begin();
      check(bm_normalize(parser, p.data(), p.size(), nullptr, &out, &n), "bm_normalize");
      rec(h[1], bench::heap_end());
      bm_string_free(out);

      bm_page *pg = nullptr;
      bench::heap_begin();
      check(bm_parse(parser, p.data(), p.size(), nullptr, &pg), "bm_parse");
      rec(h[2], bench::heap_end());
      char *json = nullptr;
      bench::heap_begin();
      check(bm_page_to_json(pg, 0, &json, &n), "bm_page_to_json");
      rec(h[3], bench::heap_end());
      bm_string_free(json);
      bm_page_free(pg);

      bench::heap_begin();
      op_icu_nfc(p);
      rec(h[4], bench::heap_end());
    }
    std::printf("## Heap per call (counting malloc; %zu corpus pages + %zu dev pages)\n\n", hp.size() - dev.size(),
                dev.size());
    std::printf("peak = highest live bytes above the level before the call (includes the result);\n"
                "retained = the result still live when the call returns; transient = peak - retained.\n\n");
    std::printf("| call | peak KiB (median) | peak KiB (max) | retained KiB (median) | transient KiB (max) | "
                "allocations (median) |\n|---|---:|---:|---:|---:|---:|\n");
    for (auto &x : h) {
      std::vector<double> tr;
      for (size_t i = 0; i < x.peak.size(); ++i) tr.push_back(x.peak[i] - x.net[i]);
      if (&x == &h[2]) {
        heap_parse_peak = *std::max_element(x.peak.begin(), x.peak.end());
        heap_parse_transient = *std::max_element(tr.begin(), tr.end());
        parse_allocs_median = median(x.allocs);
        parse_peak_median = median(x.peak);
        parse_transient_median = median(tr);
      }
      std::printf("| %s | %.1f | %.1f | %.1f | %.1f | %.0f |\n", x.name, median(x.peak) / 1024,
                  *std::max_element(x.peak.begin(), x.peak.end()) / 1024, median(x.net) / 1024,
                  *std::max_element(tr.begin(), tr.end()) / 1024, median(x.allocs));
    }
    std::printf("\n");
  }

  std::printf("## Parser creation (bm_parser_new(NULL), built-in lexicon)\n\n");
  std::printf("| first in process ms | median of next 20 ms | min ms |\n|---:|---:|---:|\n| %.3f | %.3f | %.3f |\n",
              create_first, create_med, create_min);

  std::printf("\n## Targets (issue 7)\n\n| target | measured | result |\n|---|---:|---|\n");
  auto row = [](const char *t, double v, bool ok, const char *unit) {
    std::printf("| %s | %.4g%s | %s |\n", t, v, unit, ok ? "met" : "MISSED");
  };
  row("bm_normalize >= 0.5 x ICU NFC (CPU time)", r_norm, r_norm >= 0.5, " x");
  row("bm_normalize >= 0.5 x ICU NFC (wall clock)", r_norm_wall, r_norm_wall >= 0.5, " x");
  row("bm_parse+json >= 0.2 x ICU NFC (CPU time)", r_parse, r_parse >= 0.2, " x");
  row("bm_parse+json >= 0.2 x ICU NFC (wall clock)", r_parse_wall, r_parse_wall >= 0.2, " x");
  if (r_one_call >= 0) {
    row("page by page >= 0.9 x one call, bm_parse (CPU time)", r_one_call, r_one_call >= 0.9, " x");
    row("page by page >= 0.9 x one call, bm_parse (wall clock)", r_one_call_wall, r_one_call_wall >= 0.9, " x");
  }
  row("2 threads >= 1.7 x 1 thread (wall clock)", r_threads, r_threads >= 1.7, " x");
  row("2 threads >= 1.7 x 1 thread (CPU time: 2 free cores)", r_threads_cpu, r_threads_cpu >= 1.7, " x");
  row("bm_parse peak heap per 16 KB page <= 64 KiB", heap_parse_peak / 1024, heap_parse_peak <= 65536, " KiB");
  row("bm_parse transient heap (peak - result) <= 64 KiB", heap_parse_transient / 1024,
      heap_parse_transient <= 65536, " KiB");
  row("parser creation < 5 ms (median)", create_med, create_med < 5, " ms");
  row("parser creation < 5 ms (first in process)", create_first, create_first < 5, " ms");

  // Issue 12 (Core v2) states its own, partly stricter, targets.
  const double tail = pct(ops[4].best.us, 0.99) / pct(ops[4].best.us, 0.50);
  std::printf("\n## Targets (issue 12, Core v2)\n\n| target | measured | result |\n|---|---:|---|\n");
  row("bm_parse+json >= 0.2 x ICU NFC (CPU time)", r_parse, r_parse >= 0.2, " x");
  row("bm_normalize >= 0.5 x ICU NFC (CPU time)", r_norm, r_norm >= 0.5, " x");
  row("bm_parse heap per 16 KB page <= 64 KiB (median peak)", parse_peak_median / 1024, parse_peak_median <= 65536,
      " KiB");
  row("bm_parse transient heap per 16 KB page <= 64 KiB (median of peak - result)", parse_transient_median / 1024,
      parse_transient_median <= 65536, " KiB");
  row("bm_parse allocations per page <= 200 (median)", parse_allocs_median, parse_allocs_median <= 200, "");
  row("bm_parse+json p99 / p50 per page <= 3", tail, tail <= 3, " x");
  row("2 threads >= 1.9 x 1 thread (CPU time: 2 free cores)", r_threads_cpu, r_threads_cpu >= 1.9, " x");
  std::printf("(instructions per input byte, <= 90 for bm_parse+json: bash scripts/bench.sh --callgrind)\n");

  bm_parser_free(parser);
  return 0;
}
