"""Times banmian.parse_many over 10,000 pages with 2 threads against the same
work through the C API (bench_capi.cpp: 2 threads, bm_parse + bm_page_to_json
per page, one shared parser). Not a test; for issue 7. Run after run.sh:

    build-py/venv/bin/python tests/python/bench_parse_many.py [N] [THREADS]

The C harness is compiled against the static library of the same pip build
(build-py/skbuild-venv, or BM_PY_BUILD), so both sides run the same Release objects.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import banmian

ROOT = Path(__file__).resolve().parents[2]
N = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
THREADS = int(sys.argv[2]) if len(sys.argv) > 2 else 2
RUNS = 3
PAGES = sorted((ROOT / "tests/data/pages/dev").glob("*.txt"))


def timed(fn):
    w0, c0 = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - w0, time.process_time() - c0


def main() -> None:
    raws = [p.read_bytes() for p in PAGES]
    items = [raws[i % len(raws)] for i in range(N)]
    mb = sum(map(len, items)) / 1e6

    build = ROOT / os.environ.get("BM_PY_BUILD", "build-py/skbuild-venv")
    exe = build / "bench_capi"
    subprocess.run(["g++", "-O2", "-std=c++17", "-o", str(exe), str(Path(__file__).with_name("bench_capi.cpp")),
                    "-I", str(ROOT / "include"), "-I", str(build / "include"), str(build / "src/libbanmian.a"),
                    "-licui18n", "-licuuc", "-licudata", "-lutf8proc", "-lpthread"], check=True)
    parser = banmian.Parser()

    def c_run():
        out = subprocess.run([str(exe), str(N), str(THREADS), "1", *map(str, PAGES)],
                             check=True, capture_output=True, text=True).stdout.split()
        return float(out[0]), float(out[1])

    # The machine is shared: C and Python runs alternate, and the best of each counts.
    c_runs, py_runs = [], []
    for _ in range(RUNS):
        c_runs.append(c_run())
        py_runs.append(timed(lambda: parser.parse_many(items, threads=THREADS)))
    c_wall, c_cpu = min(c_runs)
    py_wall, py_cpu = min(py_runs)
    rows = [
        ("C API (bm_parse + bm_page_to_json)", c_wall, c_cpu),
        ("banmian.parse_many", py_wall, py_cpu),
        ("parse_many + to_dict() of each page",
         *timed(lambda: [p.to_dict() for p in parser.parse_many(items, threads=THREADS)])),
        ("parse_many + .articles of each page",
         *timed(lambda: [p.articles for p in parser.parse_many(items, threads=THREADS)])),
    ]
    print(f"{N} pages ({mb:.1f} MB, {len(PAGES)} dev pages cycled), {THREADS} threads, {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.1f}; C and parse_many: best of {RUNS} alternating runs")
    print(f"  {'':<38} {'wall':>8}   {'MB/s':>6}  {'pages/s':>8}  {'wall/C':>6}  {'CPU s':>7}  {'CPU/C':>5}")
    for name, wall, cpu in rows:
        print(f"  {name:<38} {wall:7.2f}s  {mb / wall:7.1f}  {N / wall:8.0f}  {wall / c_wall:6.2f}"
              f"  {cpu:7.2f}  {cpu / c_cpu:5.2f}")


if __name__ == "__main__":
    main()
