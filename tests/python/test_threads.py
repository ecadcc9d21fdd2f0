"""parse_many in C++ threads, the GIL really released, and a Python thread pool."""
from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

import banmian
from conftest import DEV_PAGES


def _items():
    raws = [p.read_bytes() for p in DEV_PAGES]
    # several rounds, with per-item sources and both input types
    items = []
    for r in range(8):
        for i, raw in enumerate(raws):
            items.append((f"r{r}/{DEV_PAGES[i].name}", raw if r % 2 == 0 else raw.decode("utf-8")))
    return items


def test_parse_many_4_threads_equals_sequential():
    items = _items()
    sequential = [banmian.parse(data, source=src).to_json() for src, data in items]
    parallel = banmian.parse_many(items, threads=4)
    assert [p.to_json() for p in parallel] == sequential
    assert [p.source for p in parallel] == [src for src, _ in items]
    # and 1 thread, and default threads, and plain items without sources
    assert [p.to_json() for p in banmian.parse_many(items, threads=1)] == sequential
    plain = [data for _, data in items]
    assert [p.to_json() for p in banmian.parse_many(plain)] == [banmian.parse(d).to_json() for d in plain]


def test_parse_many_paths_and_empty(tmp_path):
    pages = banmian.parse_many(DEV_PAGES, threads=2)
    assert [p.to_json() for p in pages] == [banmian.parse_file(p).to_json() for p in DEV_PAGES]
    assert banmian.parse_many([], threads=4) == []


def _progress_during(call) -> float:
    """Runs `call` while a Python thread counts; returns the share of the call's
    wall time during which the counting thread made progress. A call that held
    the GIL throughout would give about 0."""
    marks = []
    stop = threading.Event()
    started = threading.Event()

    def count():
        n = 0
        started.set()
        while not stop.is_set():
            n += 1
            if n % 64 == 0:
                marks.append(time.perf_counter())

    t = threading.Thread(target=count)
    t.start()
    started.wait()
    time.sleep(0.02)
    t0 = time.perf_counter()
    call()
    t1 = time.perf_counter()
    stop.set()
    t.join()
    inside = [m for m in marks if t0 < m < t1]
    assert t1 - t0 > 0.05, "the call was too short to show anything"
    return (inside[-1] - inside[0]) / (t1 - t0) if len(inside) > 1 else 0.0


@pytest.fixture(scope="module")
def big_page() -> bytes:
    raw = b"\n\n".join(p.read_bytes() for p in DEV_PAGES)
    return raw * (4 * 1024 * 1024 // len(raw) + 1)  # about 4 MiB


def test_gil_released_during_parse(big_page):
    p = banmian.Parser()
    assert _progress_during(lambda: p.parse(big_page)) > 0.5


def test_gil_released_during_normalize(big_page):
    p = banmian.Parser()
    assert _progress_during(lambda: p.normalize(big_page)) > 0.5


def test_gil_released_during_parse_many():
    raws = [p.read_bytes() for p in DEV_PAGES] * 100
    p = banmian.Parser()
    assert _progress_during(lambda: p.parse_many(raws, threads=2)) > 0.5


def test_thread_pool_8_threads_equals_single_thread():
    expected = {p: banmian.parse_file(p).to_json() for p in DEV_PAGES}
    jobs = DEV_PAGES * 200  # 200 rounds over the dev pages on one shared parser (issue 6)
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(lambda p: (p, banmian.parse_file(p).to_json()), jobs))
    assert len(got) == len(jobs)
    for p, js in got:
        assert js == expected[p]
    # each thread with its own Parser, and normalize too
    expected_norm = {p: banmian.normalize(p.read_bytes()) for p in DEV_PAGES}
    local = threading.local()

    def own(p):
        if not hasattr(local, "parser"):
            local.parser = banmian.Parser()
        return p, local.parser.parse_file(p).to_json(), local.parser.normalize(p.read_bytes())

    with ThreadPoolExecutor(max_workers=8) as pool:
        for p, js, norm in pool.map(own, DEV_PAGES * 20):
            assert js == expected[p] and norm == expected_norm[p]
