"""The golden corpus of bad input: each case under tests/bad_input/ (a file, or a folder
for cases that need several files) sits beside `<case>.expected`, the exact report.

Regenerate the expected reports after a deliberate change of wording with
`UPDATE_GOLDEN=1 pytest tests/test_bad_input.py`, then read the diff.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from build_tools.catalogue import load_catalogue
from build_tools.diagnostics import format_all

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "bad_input"
CASES = sorted(p for p in CORPUS.iterdir() if p.suffix != ".expected")


PRESENT = "<the articles present>"
"""Stands for the list of article ids in hints, so that adding an article changes no golden."""


def report(case: Path) -> str:
    catalogue = load_catalogue(ROOT / "exercises", [case.relative_to(ROOT)])
    articles = ", ".join(sorted(catalogue.articles))
    return (
        format_all(catalogue.diagnostics).replace(f"allowed: {articles}", f"allowed: {PRESENT}")
        + "\n"
    )


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) >= 25


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_case_gives_its_expected_report(case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    expected_file = case.with_name(case.name.removesuffix(".yaml") + ".expected")
    actual = report(case)
    if os.environ.get("UPDATE_GOLDEN"):
        expected_file.write_text(actual, encoding="utf-8")
    expected = expected_file.read_text(encoding="utf-8")
    assert actual == expected
    first_line = expected.splitlines()[0]
    assert first_line.startswith(f"{case.relative_to(ROOT)}"), first_line
    assert ": error: " in first_line


def test_cli_reports_every_case_in_one_run_without_a_traceback() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "build_tools", "validate", "tests/bad_input"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    articles = ", ".join(sorted(p.parent.name for p in (ROOT / "exercises").glob("*/article.md")))
    for expected_file in CORPUS.glob("*.expected"):
        for line in expected_file.read_text(encoding="utf-8").splitlines():
            if ": error: the id " in line:  # ids are compared across the whole run
                continue
            assert line.replace(PRESENT, articles) in result.stderr, line
