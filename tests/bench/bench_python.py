"""banmian.parse_many against the C++ throughput (issue 7), run by `bash scripts/bench.sh --python`.

The pages are cut exactly as tests/bench/corpus.h cuts them (16 KiB pages from
the dev pages laid end to end), then cycled to --pages items. parse_many runs
with 2 threads; the C++ baseline is bm_bench --threads-only on the same pages
(bm_parse on 2 threads of one shared parser, each page freed at once), run
right after in a separate process. Both are the best of --reps runs; the CPU
time of this process is reported too, since the machine is shared.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import banmian


def make_pages(dev: list[bytes], page_bytes: int, min_total: int) -> list[bytes]:
    stream = bytearray()
    while len(stream) < min_total + 2 * page_bytes:
        for p in dev:
            stream += p
            if p and not p.endswith(b"\n"):
                stream += b"\n"
    pages: list[bytes] = []
    pos = total = 0
    while total < min_total:
        end = min(pos + page_bytes, len(stream))
        nl = stream.rfind(b"\n", pos, end)
        if nl != -1:
            end = nl + 1
        else:
            while end > pos and (stream[end] & 0xC0) == 0x80:
                end -= 1
        pages.append(bytes(stream[pos:end]))
        total += end - pos
        pos = end
    return pages


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--bm-bench", required=True, help="path of the bm_bench executable")
    ap.add_argument("--data", default=str(Path(__file__).resolve().parents[1] / "data" / "pages" / "dev"))
    ap.add_argument("--pages", type=int, default=10000)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--reps", type=int, default=2)
    ap.add_argument("--mib", type=int, default=32)
    args = ap.parse_args()

    dev = [p.read_bytes() for p in sorted(Path(args.data).glob("*.txt"))]
    cut = make_pages(dev, 16 * 1024, args.mib * 1024 * 1024)
    pages = [cut[i % len(cut)] for i in range(args.pages)]
    total = sum(len(p) for p in pages)
    parser = banmian.Parser()
    parser.parse_many(pages[:20], threads=args.threads)  # warm-up

    best_wall, best_cpu = float("inf"), 0.0
    for _ in range(args.reps):
        c0, t0 = time.process_time(), time.perf_counter()
        out = parser.parse_many(pages, threads=args.threads)
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        assert len(out) == len(pages)
        del out
        if wall < best_wall:
            best_wall, best_cpu = wall, cpu
    py_mbs = total / best_wall / 1e6
    print(f"python parse_many: {len(pages)} pages, {total / 1048576:.1f} MiB, {args.threads} threads: "
          f"{py_mbs:.2f} MB/s (wall {best_wall:.2f} s, CPU {best_cpu:.2f} s)")

    res = subprocess.run([args.bm_bench, "--threads-only", "--pages", str(args.pages), "--reps", str(args.reps),
                          "--mib", str(args.mib), "--data", args.data],
                         check=True, capture_output=True, text=True).stdout
    m = re.search(r"RESULT pages=(\d+) bytes=(\d+) wall1=([\d.]+) cpu1=([\d.]+) wall2=([\d.]+) cpu2=([\d.]+)", res)
    if not m or int(m.group(2)) != total:
        print("bm_bench did not report the same corpus:\n" + res, file=sys.stderr)
        return 1
    wall2, cpu2 = float(m.group(5)), float(m.group(6))
    cpp_mbs = total / wall2 / 1e6
    print(f"C++ bm_parse:      same pages, 2 threads: {cpp_mbs:.2f} MB/s (wall {wall2:.2f} s, CPU {cpu2:.2f} s)")
    print()
    print("| measure | C++ (2 threads) | Python parse_many (2 threads) | C++ / Python |")
    print("|---|---:|---:|---:|")
    print(f"| wall-clock MB/s | {cpp_mbs:.2f} | {py_mbs:.2f} | {cpp_mbs / py_mbs:.3f} |")
    print(f"| CPU seconds | {cpu2:.2f} | {best_cpu:.2f} | {cpu2 / best_cpu:.3f} |")
    print()
    ok = best_wall <= 1.2 * wall2
    print(f"target: parse_many within 1.2 x the C++ throughput (wall): {best_wall / wall2:.3f} x the C++ time: "
          f"{'met' if ok else 'MISSED'}; by CPU time {best_cpu / cpu2:.3f} x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
