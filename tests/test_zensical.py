"""Engine independence: the pages written by `render --out` build with Zensical, Material's
successor, which runs no MkDocs plugins, and the exercises work in its theme."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import project_copy, serving
from playwright.sync_api import Page, expect

ZENSICAL = Path(sys.executable).parent / "zensical"


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("zensical")
    project = project_copy(root)
    config = project / "mkdocs.yml"
    text = re.sub(r"  - spot-the-claim:\n(      .*\n)*", "", config.read_text(encoding="utf-8"))
    config.write_text(text, encoding="utf-8")
    rendered = subprocess.run(
        [sys.executable, "-m", "build_tools", "render", "--out", "docs"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert rendered.returncode == 0, rendered.stderr
    built = subprocess.run(
        [str(ZENSICAL), "build", "-f", str(config)],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    with serving(project / "site") as url:
        yield url


def test_an_exercise_works_in_a_zensical_build(checked_page: Page, zensical_site: str) -> None:
    page = checked_page
    page.goto(zensical_site + "articles/idlib-last-stand/warning-or-threat/")
    for number in (2, 4, 5):
        page.locator(f'.stc-unit[data-unit="{number}"]').click()
    page.get_by_role("button", name="Check answers").click()
    expect(page.locator(".stc-summary")).to_contain_text("You found 3 of 3 unsupported claims")
    page.goto(zensical_site + "articles/idlib-last-stand/")
    expect(page.locator("h1")).to_have_text("Idlib: Al Qaeda's Last Stand")
