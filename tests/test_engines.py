"""Engine independence. The site builds and its exercises work on each supported engine:
MkDocs 1.x (every other test), ProperDocs (the maintained fork of MkDocs 1.x, which runs the
same plugins), and Zensical (Material's successor, which runs no MkDocs plugins, so it
builds the pages written by `render --out`)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import project_copy, serving
from playwright.sync_api import Page, expect

BIN = Path(sys.executable).parent


def run(command: list[str], cwd: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory):
    project = project_copy(tmp_path_factory.mktemp("zensical"))
    config = project / "mkdocs.yml"
    text = re.sub(r"  - spot-the-claim:\n(      .*\n)*", "", config.read_text(encoding="utf-8"))
    config.write_text(text, encoding="utf-8")
    run([sys.executable, "-m", "build_tools", "render", "--out", "docs"], project)
    run([str(BIN / "zensical"), "build", "-f", str(config)], project)
    with serving(project / "site") as url:
        yield url


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory: pytest.TempPathFactory):
    project = project_copy(tmp_path_factory.mktemp("properdocs"))
    run([str(BIN / "properdocs"), "build", "--strict", "-f", "mkdocs.yml", "-d", "site"], project)
    with serving(project / "site") as url:
        yield url


def complete_an_exercise(page: Page, site: str) -> None:
    page.goto(site + "articles/idlib-last-stand/warning-or-threat/")
    for number in (2, 4, 5):
        page.locator(f'.stc-unit[data-unit="{number}"]').click()
    page.get_by_role("button", name="Check answers").click()
    expect(page.locator(".stc-summary")).to_contain_text("You found 3 of 3 unsupported claims")
    page.goto(site + "articles/idlib-last-stand/")
    expect(page.locator("h1")).to_have_text("Idlib: Al Qaeda's Last Stand")


def test_an_exercise_works_in_a_zensical_build(checked_page: Page, zensical_site: str) -> None:
    complete_an_exercise(checked_page, zensical_site)


def test_an_exercise_works_in_a_properdocs_build(checked_page: Page, properdocs_site: str) -> None:
    complete_an_exercise(checked_page, properdocs_site)
    checked_page.goto(properdocs_site + "progress/")
    expect(checked_page.locator("[data-stc-progress]")).to_contain_text(
        "you caught 3 of 3 unsupported claims"
    )
