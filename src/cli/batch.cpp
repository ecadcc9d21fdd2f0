#include "batch.h"

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

namespace bm::cli {

void run_in_order(size_t n, unsigned jobs, const std::function<BatchItem(size_t)> &work,
                  const std::function<void(size_t, BatchItem &)> &emit) {
  if (jobs <= 1 || n <= 1) {
    for (size_t i = 0; i < n; ++i) {
      BatchItem item = work(i);
      emit(i, item);
    }
    return;
  }
  if (jobs > n) jobs = static_cast<unsigned>(n);
  // Slot i % window holds input i's result until it is written; a worker
  // waits before starting input i until i < written + window.
  const size_t window = static_cast<size_t>(jobs) * 8;
  std::vector<BatchItem> ring(window);
  std::vector<char> ready(window, 0);
  std::mutex m;
  std::condition_variable cv_ready, cv_space;
  size_t next = 0, written = 0;
  auto worker = [&] {
    for (;;) {
      size_t i;
      {
        std::unique_lock<std::mutex> lock(m);
        i = next++;
        if (i >= n) return;
        cv_space.wait(lock, [&] { return i < written + window; });
      }
      BatchItem item = work(i);
      {
        std::lock_guard<std::mutex> lock(m);
        ring[i % window] = std::move(item);
        ready[i % window] = 1;
      }
      cv_ready.notify_all();
    }
  };
  std::vector<std::thread> threads;
  threads.reserve(jobs);
  for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker);
  for (size_t i = 0; i < n; ++i) {
    BatchItem item;
    {
      std::unique_lock<std::mutex> lock(m);
      cv_ready.wait(lock, [&] { return ready[i % window] != 0; });
      item = std::move(ring[i % window]);
      ring[i % window] = BatchItem();
      ready[i % window] = 0;
      written = i + 1;
    }
    cv_space.notify_all();
    emit(i, item);
  }
  for (std::thread &t : threads) t.join();
}

namespace {
double now_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
}  // namespace

Progress::Progress(bool enabled, size_t total) : enabled_(enabled), total_(total), start_(now_seconds()) {}

double Progress::seconds() const { return now_seconds() - start_; }

void Progress::step(size_t bytes) {
  ++done_;
  bytes_ += bytes;
  if (!enabled_) return;
  const double t = now_seconds();
  if (done_ < total_ && last_draw_ >= 0 && t - last_draw_ < 0.1) return;
  last_draw_ = t;
  draw();
}

void Progress::draw() {
  constexpr int k_width = 30;
  const double frac = total_ ? static_cast<double>(done_) / static_cast<double>(total_) : 1.0;
  const int fill = static_cast<int>(frac * k_width);
  char bar[k_width + 1];
  for (int i = 0; i < k_width; ++i) bar[i] = i < fill ? '#' : '.';
  bar[k_width] = '\0';
  const double secs = now_seconds() - start_;
  const double mbps = secs > 0 ? static_cast<double>(bytes_) / 1e6 / secs : 0.0;
  std::fprintf(stderr, "\r[%s] %zu/%zu pages %3d%% %7.2f MB/s\033[K", bar, done_, total_,
               static_cast<int>(frac * 100), mbps);
  std::fflush(stderr);
  shown_ = true;
}

void Progress::clear() {
  if (!shown_) return;
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
  shown_ = false;
  last_draw_ = -1;  // redraw on the next step
}

}  // namespace bm::cli
