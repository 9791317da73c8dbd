"""The offline classroom copy: the zip the build makes, unpacked and opened from disk
(`file://`) in Chromium: an exercise completed, progress kept across pages, a sentence
found by search, the assignment and class report pages working, and no request made."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import wait_until_ready
from playwright.sync_api import Page, expect


@pytest.fixture(scope="module")
def offline_copy(built_site: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory) -> str:
    site, _ = built_site
    folder = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(site / "downloads" / "spot-the-claim-offline.zip") as archive:
        assert archive.testzip() is None
        assert {name.split("/")[0] for name in archive.namelist()} == {"spot-the-claim"}
        archive.extractall(folder)
    return (folder / "spot-the-claim").as_uri() + "/"


def test_no_page_of_the_offline_copy_links_from_the_disks_root(offline_copy: str) -> None:
    """From disk, "/assets/..." is the disk's root, not the copy's: every link is relative
    (the server-only "not found" page, whose links start at the root, is left out)."""
    folder = Path(offline_copy.removeprefix("file://"))
    pages = sorted(folder.rglob("*.html"))
    assert len(pages) > 40 and not (folder / "404.html").exists()
    rooted = [
        (page.relative_to(folder).as_posix(), found)
        for page in pages
        for found in re.findall(r'(?:href|src)="(/[^/"][^"]*)"', page.read_text(encoding="utf-8"))
    ]
    assert rooted == []


@pytest.fixture
def on_disk(checked_page: Page, offline_copy: str) -> Iterator[Page]:
    """A page that may only ever load files of the copy (and what its scripts make)."""
    elsewhere: list[str] = []
    inside = (offline_copy, "blob:", "data:", "about:")
    checked_page.on(
        "request", lambda r: None if r.url.startswith(inside) else elsewhere.append(r.url)
    )
    yield checked_page
    assert elsewhere == []


def test_the_offline_copy_works_from_disk(on_disk: Page, offline_copy: str) -> None:
    page = on_disk
    page.goto(offline_copy + "articles/idlib-last-stand/warning-or-threat.html")
    wait_until_ready(page)
    for number in (2, 4, 5):
        page.locator(f'.stc-unit[data-unit="{number}"]').click()
    page.get_by_role("button", name="Check answers").click()
    expect(page.locator(".stc-summary")).to_contain_text("You found 3 of 3 unsupported claims")
    # Progress, on another page reached by its link.
    page.locator(".md-nav__link", has_text="Your progress").first.click()
    wait_until_ready(page)
    expect(page.locator("[data-stc-progress]")).to_contain_text("You have done 1 of")
    # Search, through the copy's own index and worker stand-in.
    page.keyboard.press("/")
    page.locator("input.md-search__input").press_sequentially("Hayat Tahrir al-Sham", delay=20)
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible()
    results.first.locator("a").first.click()
    page.wait_for_load_state()
    assert page.url.startswith(offline_copy) and page.url.split("?")[0].endswith(".html")
    expect(page.locator("article").get_by_text("Hayat Tahrir al-Sham").first).to_be_visible()


def test_the_assignment_and_class_report_work_from_disk(on_disk: Page, offline_copy: str) -> None:
    page = on_disk
    page.goto(offline_copy + "assignment.html?name=Week%201&ex=warning-or-threat")
    wait_until_ready(page)
    expect(page.locator("[data-stc-teacher]")).to_contain_text("Assignment: Week 1")
    page.get_by_role("link", name="A warning, or a threat?").first.click()
    wait_until_ready(page)
    expect(page.locator(".stc-unit").first).to_be_visible()
    # A link can be made from disk; a package cannot (it reads the site's package of
    # every exercise), so it is not offered.
    page.goto(offline_copy + "teachers/assign.html")
    wait_until_ready(page)
    page.locator("#stc-pick-warning-or-threat").check()
    page.get_by_label("Assignment name").fill("Week 1")
    page.get_by_role("button", name="Create link").click()
    expect(page.get_by_role("status")).to_have_text(
        "Link created for 1 exercise. Copy it and share it with your students."
    )
    expect(page.get_by_role("button", name="Download as an LMS package (SCORM 1.2)")).to_be_hidden()
    page.goto(offline_copy + "teachers/class-report.html")
    wait_until_ready(page)
    expect(page.locator("[data-stc-teacher='report'] input[type=file]")).to_have_count(1)
