"""Every golden page through Python gives exactly the CLI's bytes."""
from __future__ import annotations

import json
import os

import pytest

import banmian
from conftest import DEV_PAGES, OWN_PAGES, ROOT, SAMPLE_PAGE, run_cli

PAGES = DEV_PAGES + OWN_PAGES + [SAMPLE_PAGE]
IDS = [p.name for p in PAGES]


def rel(p) -> str:
    return os.path.relpath(p, ROOT)


@pytest.fixture(autouse=True)
def _cwd(monkeypatch):
    monkeypatch.chdir(ROOT)  # so the relative paths given as source match the CLI's


def test_dev_pages_present():
    assert len(DEV_PAGES) == 5


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_parse_file_equals_cli_bytes(page):
    cli = run_cli("parse", rel(page))
    assert cli.returncode == 0, cli.stderr
    py = banmian.parse_file(rel(page))
    assert (py.to_json() + "\n").encode("utf-8") == cli.stdout


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_pretty_and_dict_equal_cli(page):
    cli = run_cli("parse", "--pretty", rel(page))
    assert cli.returncode == 0, cli.stderr
    py = banmian.parse_file(rel(page))
    assert (py.to_json(pretty=True) + "\n").encode("utf-8") == cli.stdout
    assert py.to_dict() == json.loads(cli.stdout)


@pytest.mark.parametrize("page", DEV_PAGES, ids=[p.name for p in DEV_PAGES])
def test_text_str_and_bytes_inputs_agree(page):
    raw = page.read_bytes()
    from_bytes = banmian.parse(raw, source="x").to_json()
    from_str = banmian.parse(raw.decode("utf-8"), source="x").to_json()
    assert from_bytes == from_str


@pytest.mark.parametrize("page", DEV_PAGES, ids=[p.name for p in DEV_PAGES])
def test_gb18030_bytes_equal_cli(page, tmp_path):
    gb = tmp_path / (page.stem + ".gb18030.txt")
    gb.write_bytes(page.read_text("utf-8").encode("gb18030"))
    for args in ([], ["--encoding", "GB18030"]):
        cli = run_cli("parse", *args, str(gb))
        assert cli.returncode == 0, cli.stderr
        enc = args[1] if args else "auto"
        py = banmian.parse(gb.read_bytes(), encoding=enc, source=str(gb))
        assert (py.to_json() + "\n").encode("utf-8") == cli.stdout
        assert py.encoding == "GB18030"
        # same articles as the UTF-8 page
        utf8 = banmian.parse(page.read_bytes())
        assert [a.to_dict() for a in py.articles] == [a.to_dict() for a in utf8.articles]


@pytest.mark.parametrize("page", DEV_PAGES, ids=[p.name for p in DEV_PAGES])
def test_normalize_equals_cli(page):
    cli = run_cli("normalize", str(page))
    assert cli.returncode == 0, cli.stderr
    assert banmian.normalize(page.read_bytes()).encode("utf-8") == cli.stdout
    assert banmian.normalize(page.read_text("utf-8")).encode("utf-8") == cli.stdout


EXPECTED = ROOT / "tests/data/expected"
GOLDEN = [p for p in sorted((ROOT / "tests/data/pages").glob("*/*.txt")) if (EXPECTED / (p.stem + ".json")).exists()]


@pytest.mark.parametrize("page", GOLDEN, ids=[p.name for p in GOLDEN])
def test_parse_file_equals_expected_json(page, monkeypatch):
    # The reviewed answers of the C++ golden test (tests/golden/update_expected.sh runs
    # `banmian parse --pretty NAME.txt` in the page's folder); needs no CLI, so it also
    # checks an installed wheel outside the tree.
    monkeypatch.chdir(page.parent)
    py = banmian.parse_file(page.name)
    assert (py.to_json(pretty=True) + "\n").encode("utf-8") == (EXPECTED / (page.stem + ".json")).read_bytes()
