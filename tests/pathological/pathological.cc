// The pathological suite: hostile inputs from generators.h, parsed through the
// public C API (bm_parse + bm_page_to_json).
//
//   bm_pathological check NAME [BYTES]   one input: parse OK, every page
//       invariant of the fuzz parse target (JSON valid, spans, accessors) and
//       JSON <= 8 x input + 64 KiB. Default 1 MiB. (default ctest set)
//   bm_pathological ratio NAME [SMALL LARGE]   linear-time check: T(LARGE) /
//       T(SMALL) <= 2 x LARGE / SMALL (32 for the default 1 MiB and 16 MiB:
//       linear 16, quadratic 256; issue 16's target is 20, and a ratio
//       over it is measured again, up to five rounds) and T(SMALL) at
//       most 100 x the time of as many bytes of an ordinary hard-wrapped
//       page. Every timed run happens in a child
//       process that is killed when it overruns its budget, so a quadratic
//       case fails in bounded time instead of hanging CI.
//   bm_pathological memory NAME [BYTES]   the peak memory of one parse and
//       its JSON, measured in a child process (peak RSS minus the RSS before
//       the call), within k_memory_per_byte x input + k_memory_constant.
//       Default 16 MiB.
//   bm_pathological dump NAME [BYTES]   writes the input to stdout (to
//       profile one with massif or callgrind through the CLI)
//   bm_pathological list
//
// T is the child's CPU time (not wall clock: other work on the machine
// does not count), the best of 3 runs for the small size and one run for
// the large one per round (see ratio()); a small time below 10 ms is counted as 10 ms (timer noise),
// which is stated in the output.
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <thread>

#include "../fuzz/fuzz_common.h"
#include "generators.h"

namespace {

const bmpath::Generator *find(const char *name) {
  for (const auto &g : bmpath::generators())
    if (std::strcmp(g.name, name) == 0) return &g;
  return nullptr;
}

bm_parser *make_parser() {
  bm_parser_options o;
  bm_parser_options_init(&o, BM_PARSER_OPTIONS_VERSION);
  o.max_input_bytes = BM_LIMIT_MAX_INPUT_BYTES;
  bm_parser *p = nullptr;
  if (bm_parser_new(&o, &p) != BM_OK) {
    std::fprintf(stderr, "bm_parser_new failed: %s\n", bm_last_error()->message);
    std::exit(2);
  }
  return p;
}

// Parses and serialises once; returns the JSON size.
size_t parse_once(bm_parser *p, const std::string &in, bool check) {
  bm_page *page = nullptr;
  const bm_status st = bm_parse(p, in.data(), in.size(), nullptr, &page);
  if (st != BM_OK) {
    std::fprintf(stderr, "bm_parse failed (%d): %s\n", st, bm_last_error()->message);
    std::exit(1);
  }
  if (check) bmfuzz::check_page(page, in.size(), nullptr);
  char *json = nullptr;
  size_t n = 0;
  if (bm_page_to_json(page, 0, &json, &n) != BM_OK) std::exit(1);
  bm_string_free(json);
  bm_page_free(page);
  return n;
}

// CPU seconds of this process so far: what a parse costs, whatever else
// the machine runs beside it (wall clock on a loaded 2-core CI machine
// moved a 1 MiB time by half from one run to the next).
double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// CPU seconds for one parse in a child process, or -1 when it overran
// `budget` seconds of wall clock (killed) and -2 when it failed.
double timed_child(const bmpath::Generator &g, size_t bytes, double budget) {
  int fds[2];
  if (pipe(fds) != 0) std::exit(2);
  const pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    bm_parser *p = make_parser();
    const std::string in = g.gen(bytes);
    const double t0 = cpu_seconds();
    parse_once(p, in, false);
    const double s = cpu_seconds() - t0;
    if (write(fds[1], &s, sizeof s) != sizeof s) _exit(3);
    _exit(0);
  }
  close(fds[1]);
  const auto start = std::chrono::steady_clock::now();
  int status = 0;
  for (;;) {
    const pid_t r = waitpid(pid, &status, WNOHANG);
    if (r == pid) break;
    // the budget covers generation too: a generous 2 s extra for that
    if (std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() > budget + 2.0) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      close(fds[0]);
      return -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  double s = -2;
  if (!(WIFEXITED(status) && WEXITSTATUS(status) == 0) || read(fds[0], &s, sizeof s) != sizeof s) s = -2;
  close(fds[0]);
  return s;
}

// Resident memory now, and the peak so far, in bytes (Linux: /proc and
// getrusage, which counts the peak in KiB).
size_t rss_now() {
  std::ifstream f("/proc/self/statm");
  size_t pages = 0, resident = 0;
  if (!(f >> pages >> resident)) return 0;
  return resident * static_cast<size_t>(sysconf(_SC_PAGESIZE));
}
size_t rss_peak() {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<size_t>(ru.ru_maxrss) * 1024;
}

struct MemoryUse {
  size_t input = 0;   // bytes of the generated page
  size_t growth = 0;  // peak RSS during parse + JSON minus the RSS before (parser and input)
};

// The memory one parse and its JSON take, measured in a child process: the
// peak RSS of the child after the call minus its resident size just before
// (the parser and the page's bytes). Conservative: memory the allocator kept
// from before counts as growth if it was resident; never less than the call's
// peak heap, since every byte the call allocates and touches is resident.
bool measure_memory(const bmpath::Generator &g, size_t bytes, MemoryUse *use) {
  int fds[2];
  if (pipe(fds) != 0) std::exit(2);
  const pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    bm_parser *p = make_parser();
    const std::string in = g.gen(bytes);
    MemoryUse u;
    u.input = in.size();
    const size_t before = rss_now();
    parse_once(p, in, false);
    const size_t peak = rss_peak();
    u.growth = peak > before ? peak - before : 0;
    if (write(fds[1], &u, sizeof u) != sizeof u) _exit(3);
    _exit(0);
  }
  close(fds[1]);
  int status = 0;
  waitpid(pid, &status, 0);
  const bool ok = WIFEXITED(status) && WEXITSTATUS(status) == 0 && read(fds[0], use, sizeof *use) == sizeof *use;
  close(fds[0]);
  return ok;
}

// The bound on the memory of one parse and its JSON (docs/performance.md,
// "Memory"): k_memory_per_byte x the input + k_memory_constant, whatever the
// input's shape. A piece (a line, or a part of one) costs about 250 bytes
// from split_pieces to extract (its Piece, facts, features, decoder state,
// draft), so pages of the shortest non-blank lines cost the most per byte:
// 10-byte lines (■记者) about 25 x; a run of blank lines is one record. The
// largest measured is 31 x (`markers`: its bylines are output, 4.9 x the
// input as JSON and about twice that in memory before they are written).
constexpr size_t k_memory_per_byte = 40;
constexpr size_t k_memory_constant = 8u << 20;

int memory(const bmpath::Generator &g, size_t bytes) {
  MemoryUse u;
  if (!measure_memory(g, bytes, &u)) {
    std::printf("%s: FAIL: the %zu-byte parse failed\n", g.name, bytes);
    return 1;
  }
  const size_t bound = k_memory_per_byte * u.input + k_memory_constant;
  const bool ok = u.growth <= bound;
  std::printf("MEMORY %-24s %9zu bytes in: peak +%7.1f MiB (%.1fx the input), bound %.1f MiB (%zu x input + %zu MiB) %s\n",
              g.name, u.input, static_cast<double>(u.growth) / (1 << 20),
              static_cast<double>(u.growth) / static_cast<double>(u.input ? u.input : 1),
              static_cast<double>(bound) / (1 << 20), k_memory_per_byte, k_memory_constant >> 20, ok ? "ok" : "FAIL");
  return ok ? 0 : 1;
}

int check(const bmpath::Generator &g, size_t bytes) {
  bm_parser *p = make_parser();
  const std::string in = g.gen(bytes);
  const auto t0 = std::chrono::steady_clock::now();
  const size_t jn = parse_once(p, in, true);
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("%-24s %9zu bytes in, %9zu bytes JSON (%.2fx), %.3f s with checks\n", g.name, in.size(), jn,
              static_cast<double>(jn) / static_cast<double>(in.size() ? in.size() : 1), s);
  bm_parser_free(p);
  return 0;
}

int ratio(const bmpath::Generator &g, size_t small, size_t large) {
  // The 1 MiB run only has to be sane (no quadratic constant hiding behind a
  // good ratio): linearity is the ratio's job and speed the benchmarks'
  // (scripts/bench.sh). Sane is relative to the same machine on the same
  // run, not a number of seconds (that was a timing test: 2 s failed on a
  // loaded CI machine): at most k_small_vs_page times the time of as many
  // bytes of an ordinary hard-wrapped page. Pages of a byline mark per line
  // cost the most per byte (every 10 bytes a piece for every stage: ~55x).
  constexpr double k_small_vs_page = 100.0;
  const bmpath::Generator *page = find("hard_wrapped");
  double t_page = 1e9;
  for (int i = 0; i < 3; ++i) {
    const double t = timed_child(*page, small, 5.0);
    if (t >= 0 && t < t_page) t_page = t;
  }
  const double k_small_limit = k_small_vs_page * (t_page < 0.010 ? 0.010 : t_page);
  const double factor = static_cast<double>(large) / static_cast<double>(small);
  // Linear is `factor` (16 for 1 MiB -> 16 MiB), quadratic 16 x that; the
  // target of issue 16 is 20 (1.25 x linear). Instructions scale linearly
  // (hard_wrapped: 4 MiB costs 3.4 x the instructions of 1 MiB). CPU time on
  // the shared 2-core machine does not always: the same 16 MiB parse measured
  // 5.9 s and 7.5 s in two runs a minute apart, and a 0.3 s run can be timed
  // in a quiet moment that the 6 s run never gets. One timing of each is
  // therefore a measurement of the machine as much as of the parser (a
  // clean-clone CI run once measured 24.7 on hard_wrapped, 17.7 alone). So
  // the ratio is measured in rounds: a round times the small page three
  // times and the large page once, each in a fresh child; the ratio is the
  // best large time over the best small time of all rounds so far, and a
  // ratio over the target gets another round, at most k_rounds. A real
  // superlinear term does not go away in a later round (every round re-times
  // both sizes); noise does. The guard that fails the test stays 2 x linear
  // (32): it catches a quadratic term (256) whatever the machine does; the
  // output marks a ratio that ends over the target.
  constexpr int k_rounds = 5;
  const double target_ratio = 1.25 * factor;
  const double max_ratio = 2.0 * factor;
  double t1 = 1e9, t16 = 1e9;
  int rounds = 0;
  for (; rounds < k_rounds; ++rounds) {
    for (int i = 0; i < 3; ++i) {
      const double t = timed_child(g, small, 5.0);
      if (t == -2) { std::printf("%s: FAIL: the %zu-byte parse failed\n", g.name, small); return 1; }
      if (t < 0) { std::printf("%s: FAIL: %zu bytes took over 5 s\n", g.name, small); return 1; }
      if (t < t1) t1 = t;
    }
    const double t1f = t1 < 0.010 ? 0.010 : t1;
    const double t = timed_child(g, large, max_ratio * t1f);
    if (t == -2) { std::printf("%s: FAIL: the %zu-byte parse failed\n", g.name, large); return 1; }
    if (t < 0) {
      std::printf("RATIO %-24s T(small)=%.4f s T(large)>%.2f s ratio>%.0f FAIL (killed)\n", g.name, t1,
                  max_ratio * t1f, max_ratio);
      return 1;
    }
    if (t < t16) t16 = t;
    if (t16 / t1f <= target_ratio) { ++rounds; break; }
  }
  if (rounds > k_rounds) rounds = k_rounds;
  const double t1f = t1 < 0.010 ? 0.010 : t1;
  const double r = t16 / t1f;
  const bool ok = r <= max_ratio && t1 < k_small_limit;
  std::printf("RATIO %-24s T(small)=%.4f s T(large)=%.4f s ratio=%.1f%s (%d round%s) (%.0fx a page; limit %.0fx) %s%s\n",
              g.name, t1, t16, r, t1 < 0.010 ? " (small time floored at 10 ms)" : "", rounds, rounds == 1 ? "" : "s",
              t1 / (k_small_limit / k_small_vs_page), k_small_vs_page, ok ? "ok" : "FAIL",
              ok && r > target_ratio ? " (over the target)" : "");
  return ok ? 0 : 1;
}

}  // namespace

int main(int argc, char **argv) {
  if (argc >= 2 && std::strcmp(argv[1], "list") == 0) {
    for (const auto &g : bmpath::generators()) std::printf("%s\t%s\n", g.name, g.what);
    return 0;
  }
  if (argc < 3) {
    std::fprintf(stderr, "usage: bm_pathological check NAME [BYTES] | memory NAME [BYTES] | ratio NAME [SMALL LARGE] | dump NAME [BYTES] | list\n");
    return 2;
  }
  const bmpath::Generator *g = find(argv[2]);
  if (!g) { std::fprintf(stderr, "unknown generator %s\n", argv[2]); return 2; }
  if (std::strcmp(argv[1], "check") == 0)
    return check(*g, argc > 3 ? std::strtoull(argv[3], nullptr, 0) : 1u << 20);
  if (std::strcmp(argv[1], "dump") == 0) {  // the input itself, to profile it with other tools
    const std::string in = g->gen(argc > 3 ? std::strtoull(argv[3], nullptr, 0) : 1u << 20);
    return std::fwrite(in.data(), 1, in.size(), stdout) == in.size() ? 0 : 1;
  }
  if (std::strcmp(argv[1], "memory") == 0)
    return memory(*g, argc > 3 ? std::strtoull(argv[3], nullptr, 0) : 16u << 20);
  if (std::strcmp(argv[1], "ratio") == 0)
    return ratio(*g, argc > 3 ? std::strtoull(argv[3], nullptr, 0) : 1u << 20,
                 argc > 4 ? std::strtoull(argv[4], nullptr, 0) : 16u << 20);
  return 2;
}
