#!/usr/bin/env bash
# Sanitizer runs (issue 6):
#   asan: the whole C/C++ test suite built with ASan+UBSan
#         (-fno-sanitize-recover=all, cmake/BanmianSanitizers.cmake) in
#         build-asan (or $BM_ASAN_DIR), run by ctest; leaks are errors (LeakSanitizer).
#   tsan: every test that runs threads, built with TSan in build-tsan (or $BM_TSAN_DIR): the
#         thread test (${BM_TSAN_ROUNDS:-20} rounds x 8 threads; TSan slows it
#         ~10x, the 200-round run is done in the release build by
#         scripts/ci-extra.sh), the C API test (thread-local errors) and the
#         core's thread tests (ThreadsCore.*: per-page state kept on the
#         thread, hostile lexicon patterns, the output bound; and
#         Script.OneConverterSharedByThreads: one transliterator pool, 8 threads).
# usage: scripts/sanitize.sh [asan] [tsan]   (default: both)
set -euo pipefail
cd "$(dirname "$0")/.."
what=${*:-asan tsan}
jobs=${BM_JOBS:-2}
adir=${BM_ASAN_DIR:-build-asan}   # build directories (own ones when others share the checkout)
tdir=${BM_TSAN_DIR:-build-tsan}

for w in $what; do
  case $w in
    asan)
      cmake -S . -B "$adir" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DBM_BUILD_TESTS=ON -DBM_BUILD_SWIG=OFF \
        "-DBM_SANITIZE=address;undefined" >/dev/null
      cmake --build "$adir" -j "$jobs"
      # ICU keeps caches for the life of the process: those are not leaks of ours.
      ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1 \
      UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        ctest --test-dir "$adir" --output-on-failure -j "$jobs"
      echo "sanitize: asan+ubsan: all tests passed"
      ;;
    tsan)
      cmake -S . -B "$tdir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBM_BUILD_TESTS=ON -DBM_BUILD_SWIG=OFF \
        -DBM_SANITIZE=thread >/dev/null
      cmake --build "$tdir" -j "$jobs" --target bm_thread_test bm_capi_test_capi bm_core_tests
      rounds=${BM_TSAN_ROUNDS:-20}
      # Some kernels randomise mmap too widely for TSan's memory layout:
      # run without ASLR when setarch can.
      runner=""
      if setarch "$(uname -m)" -R true 2>/dev/null; then runner="setarch $(uname -m) -R"; fi
      export TSAN_OPTIONS=halt_on_error=1:exitcode=66:second_deadlock_stack=1
      $runner "$tdir"/tests/threads/bm_thread_test "$rounds" 8
      $runner "$tdir"/tests/capi/bm_capi_test_capi
      $runner "$tdir"/tests/bm_core_tests --gtest_filter='ThreadsCore.*:Script.OneConverterSharedByThreads'
      echo "sanitize: tsan: thread test ($rounds rounds x 8 threads), C API test and core thread tests passed with no reports"
      ;;
    *) echo "usage: $0 [asan] [tsan]" >&2; exit 2 ;;
  esac
done
