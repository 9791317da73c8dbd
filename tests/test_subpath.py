"""The site served under a sub-path, as a project site on a static host would be:
assets, an exercise, progress, an assignment link and the class report all work there."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ROOT, free_port, mkdocs_build, serving
from playwright.sync_api import Browser, expect

PREFIX = "spot-the-claim/"


@pytest.fixture(scope="module")
def subpath_url(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("host")
    port = free_port()
    built = mkdocs_build(ROOT / "mkdocs.yml", root / PREFIX, f"http://127.0.0.1:{port}/{PREFIX}")
    assert built.returncode == 0, built.stderr
    with serving(root, port, PREFIX) as url:
        yield url


def test_an_exercise_progress_and_an_assignment_under_a_sub_path(
    browser: Browser, subpath_url: str, tmp_path: Path
) -> None:
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    failed: list[str] = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    page.goto(subpath_url + "articles/idlib-last-stand/warning-or-threat/")
    for number in (2, 4, 5):
        page.locator(f'.stc-unit[data-unit="{number}"]').click()
    page.get_by_role("button", name="Check answers").click()
    expect(page.locator(".stc-summary")).to_contain_text("Found 3 of 3 unsupported claims")

    page.get_by_role("link", name="Your progress").first.click()
    expect(page.locator('[data-stc-status="warning-or-threat"]')).to_contain_text("Checked")

    page.goto(subpath_url + "teachers/assign/")
    page.locator("#stc-pick-warning-or-threat").check()
    page.get_by_label("Assignment name").fill("Sub-path")
    page.get_by_role("button", name="Create link").click()
    link = page.get_by_label("Link for your students").input_value()
    assert link.startswith(subpath_url + "assignment/?")
    page.goto(link)
    page.locator(".stc-assignment a").first.click()
    expect(page).to_have_url(subpath_url + "articles/idlib-last-stand/warning-or-threat/")
    page.goto(link)
    page.get_by_label("Your name").fill("Ana")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download my results").click()
    results = tmp_path / "results.json"
    download.value.save_as(results)
    assert json.loads(results.read_text(encoding="utf-8"))["exercises"][0]["checked"] is True

    page.goto(subpath_url + "teachers/class-report/")
    page.get_by_label("Choose results files").set_input_files(results)
    expect(page.locator(".stc-report tbody tr")).to_have_count(1)
    assert failed == []
    context.close()
