"""Execute a notebook with nbclient and fail on any error cell.

    python tests/notebook/execute.py NOTEBOOK.ipynb OUT.ipynb

Every cell runs (allow_errors, so one run lists every failing cell), in the
notebook's own folder, on a kernel of this interpreter. Fails when a cell
raised, when a cell timed out, or when what the tour must show is missing:
the page view (HTML with article sections), a DataFrame and a chart (PNG).
The executed notebook, outputs included, is written to OUT.ipynb.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient


def main(src: str, out: str) -> int:
    path = Path(src).resolve()
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=600, kernel_name="python3", allow_errors=True,
                            resources={"metadata": {"path": str(path.parent)}})
    t0 = time.monotonic()
    client.execute()
    took = time.monotonic() - t0
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, out)

    errors, html, png = [], [], 0
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for o in cell.get("outputs", []):
            if o.output_type == "error":
                errors.append(f"cell {i}: {o.ename}: {o.evalue}\n  " + cell.source.splitlines()[0])
            data = o.get("data", {})
            html.append(data.get("text/html", ""))
            png += "image/png" in data
    for e in errors:
        print("ERROR", e, file=sys.stderr)
    missing = []
    if not any('class="bm-article' in h for h in html):
        missing.append("the page view (no HTML with article sections)")
    if not any("dataframe" in h for h in html):
        missing.append("a DataFrame")
    if png == 0:
        missing.append("a chart (no image/png output)")
    for m in missing:
        print("MISSING", m, file=sys.stderr)
    cells = sum(c.cell_type == "code" for c in nb.cells)
    print(f"notebook: {path.name}: {cells} code cells in {took:.1f} s, {len(errors)} errors, "
          f"{png} charts; executed copy: {out}")
    return 1 if errors or missing else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
