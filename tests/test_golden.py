"""Golden files: a small site's content and every page and the navigation rendered from it,
kept side by side in tests/golden/small-site/. A change to rendering shows up as a diff to read.
After a deliberate change: `UPDATE_GOLDEN=1 pytest tests/test_golden.py`, then read the diff."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from build_tools.catalogue import load_catalogue
from build_tools.render import navigation, render_pages

SITE = Path(__file__).resolve().parent / "golden" / "small-site"
EXPECTED = SITE / "expected"


def rendered() -> dict[str, str]:
    catalogue = load_catalogue(SITE / "exercises")
    assert catalogue.ok, catalogue.diagnostics
    pages = dict(render_pages(catalogue))
    pages["navigation.json"] = json.dumps(navigation(catalogue), indent=2) + "\n"
    return pages


def test_the_golden_site_renders_as_recorded() -> None:
    pages = rendered()
    if os.environ.get("UPDATE_GOLDEN"):
        for old in EXPECTED.rglob("*"):
            if old.is_file():
                old.unlink()
        for uri, text in pages.items():
            (EXPECTED / uri).parent.mkdir(parents=True, exist_ok=True)
            (EXPECTED / uri).write_text(text, encoding="utf-8")
        pytest.skip("golden files rewritten; read the diff")
    recorded = {p.relative_to(EXPECTED).as_posix() for p in EXPECTED.rglob("*") if p.is_file()}
    assert recorded == set(pages), "pages added or gone: run with UPDATE_GOLDEN=1"
    for uri, text in pages.items():
        assert (EXPECTED / uri).read_text(encoding="utf-8") == text, uri
