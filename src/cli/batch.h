// Runs one piece of work per input on N threads and hands the results to the
// calling thread in input order (a bounded window: memory does not grow with
// the number of inputs). With jobs == 1 everything runs on the calling thread.
#pragma once
#include <cstddef>
#include <functional>
#include <string>

namespace bm::cli {

// What one input produced: text for stdout (or for its --out file), error
// lines for stderr, and the counts of the summary line.
struct BatchItem {
  std::string out;
  std::string err;
  bool failed = false;    // exit status 1 at the end
  bool parsed = false;    // a page came out
  size_t articles = 0;
  size_t bytes = 0;       // input bytes read
};

// work(i) runs on a worker thread (it must only use thread-safe state, such as
// a shared bm_parser); emit(i, item) runs on the calling thread for i = 0, 1,
// ... n-1 in order.
void run_in_order(size_t n, unsigned jobs, const std::function<BatchItem(size_t)> &work,
                  const std::function<void(size_t, BatchItem &)> &emit);

// A one-line progress bar on stderr, redrawn at most 10 times a second:
// "[#######.........] 1234/2000 pages  61%  3.2 MB/s". Off unless enabled.
class Progress {
 public:
  Progress(bool enabled, size_t total);
  void step(size_t bytes);  // one more input done
  void clear();             // erase the bar (before other stderr output, at the end)
  double seconds() const;   // since construction

 private:
  void draw();
  bool enabled_;
  size_t total_, done_ = 0, bytes_ = 0;
  double start_, last_draw_ = -1;
  bool shown_ = false;
};

}  // namespace bm::cli
