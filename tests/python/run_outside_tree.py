"""Run the Python tests against an installed banmian (a wheel), outside the source tree.

    python tests/python/run_outside_tree.py [SRC_ROOT] [pytest args...]

Copies tests/python and the data the tests read (tests/data, examples/data,
examples/python; tools/pdf typesets test pages as PDFs) from SRC_ROOT (default: this file's repository) into a fresh
temporary folder laid out like the tree, and runs pytest there with this
interpreter. Nothing of the tree is importable from there, so `import banmian`
is the installed package; this is checked first. Tests that compare with the
C++ CLI or build from the tree are skipped with that reason (tests/python/conftest.py).
Used by scripts/wheel-check.sh and by cibuildwheel's test-command (pyproject.toml).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

COPIED = ["tests/python", "tests/data", "examples/data", "examples/python", "tools/pdf"]


def main(argv: list) -> int:
    src = Path(argv[0]).resolve() if argv and not argv[0].startswith("-") else Path(__file__).resolve().parents[2]
    extra = argv[1:] if argv and not argv[0].startswith("-") else argv
    with tempfile.TemporaryDirectory(prefix="banmian-tests-") as tmp:
        root = Path(tmp)
        for rel in COPIED:
            if (src / rel).is_dir():
                shutil.copytree(src / rel, root / rel, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "BANMIAN_CLI")}
        where = subprocess.run(
            [sys.executable, "-c", "import banmian, sys; sys.stdout.write(banmian.__file__)"],
            cwd=root, env=env, capture_output=True, text=True)
        if where.returncode != 0:
            sys.stderr.write(f"run_outside_tree: banmian is not importable:\n{where.stderr}")
            return 1
        pkg = Path(where.stdout).resolve()
        if (src / "bindings") in pkg.parents or root in pkg.parents:
            sys.stderr.write(f"run_outside_tree: banmian comes from the source tree ({pkg}), not an installed package\n")
            return 1
        print(f"run_outside_tree: banmian from {pkg.parent}; tests in {root}", flush=True)
        return subprocess.call(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rs", "tests/python", *extra],
            cwd=root, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
