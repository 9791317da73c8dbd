"""The site in other layouts: served under a sub-path, as a project site on a static host
would be, and built with flat `.html` URLs (`use_directory_urls: false`) and another
`pages_dir`, as a fork might choose. In each, every link resolves, and an exercise,
progress, an assignment link and the class report all work in Chromium."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, broken_links, free_port, mkdocs_build, serving
from playwright.sync_api import Browser, expect

PREFIX = "spot-the-claim/"


def flat_copy(workdir: Path) -> Path:
    """A copy of the project configured for `.html` URLs and generated pages under
    `practice/`; the hand-written pages' links to the generated ones follow, as a fork's
    would."""
    for folder in ("docs", "exercises"):
        shutil.copytree(ROOT / folder, workdir / folder, ignore=shutil.ignore_patterns("articles"))
    for page in (workdir / "docs").rglob("*.md"):
        page.write_text(
            page.read_text(encoding="utf-8").replace("articles/", "practice/"), encoding="utf-8"
        )
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("strict: true", "strict: true\nuse_directory_urls: false")
    config = config.replace(
        "exercises_dir: exercises", "exercises_dir: exercises\n      pages_dir: practice"
    )
    config = config.replace("articles/index.md", "practice/index.md")
    (workdir / "mkdocs.yml").write_text(config, encoding="utf-8")
    return workdir / "mkdocs.yml"


# The module's tests share each layout's build: on one worker it is built once.
pytestmark = pytest.mark.xdist_group("subpath")

LAYOUTS = {
    # name: (config, path on the host, page URL for a site path)
    "sub-path": (lambda _: ROOT / "mkdocs.yml", PREFIX, lambda p: p and f"{p}/"),
    "flat-urls-other-pages-dir": (flat_copy, "", lambda p: f"{p or 'index'}.html"),
}


@pytest.fixture(scope="module", params=list(LAYOUTS))
def layout(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    make_config, prefix, url_of = LAYOUTS[request.param]
    config = make_config(tmp_path_factory.mktemp("project"))
    host = tmp_path_factory.mktemp("host")
    port = free_port()
    base = f"http://127.0.0.1:{port}/{prefix}"
    built = mkdocs_build(config, host / prefix, base)
    assert built.returncode == 0, built.stderr
    pages = "practice" if request.param.startswith("flat") else "articles"
    with serving(host, port, prefix) as url:
        yield host / prefix, url, pages, url_of


def test_every_link_resolves_in_each_layout(layout) -> None:
    site, url, _, _ = layout
    assert broken_links(site, url) == []


def test_an_exercise_progress_and_an_assignment_in_each_layout(
    browser: Browser, layout, tmp_path: Path
) -> None:
    _, base, pages, url_of = layout
    exercise_url = base + url_of(f"{pages}/idlib-last-stand/warning-or-threat")
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    failed: list[str] = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    page.goto(exercise_url)
    for number in (2, 4, 5):
        page.locator(f'.stc-unit[data-unit="{number}"]').click()
    page.get_by_role("button", name="Check answers").click()
    expect(page.locator(".stc-summary")).to_contain_text("You found 3 of 3 unsupported claims")

    page.get_by_role("link", name="Your progress").first.click()
    expect(page.locator('[data-stc-status="warning-or-threat"]')).to_contain_text("Checked")

    page.goto(base + url_of("teachers/assign"))
    page.locator("#stc-pick-warning-or-threat").check()
    page.get_by_label("Assignment name").fill("Layouts")
    page.get_by_role("button", name="Create link").click()
    link = page.get_by_label("Link for your students").input_value()
    assert link.startswith(base + url_of("assignment") + "?")
    page.goto(link)
    page.locator(".stc-assignment a").first.click()
    # the exercise keeps the assignment in its address, for the assignment's bar
    expect(page).to_have_url(re.compile(re.escape(exercise_url) + r"\?name=Layouts&ex=[\w-]+$"))
    page.goto(link)
    page.get_by_label("Your name").fill("Ana")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download my results").click()
    results = tmp_path / "results.json"
    download.value.save_as(results)
    assert json.loads(results.read_text(encoding="utf-8"))["exercises"][0]["checked"] is True

    page.goto(base + url_of("teachers/class-report"))
    page.get_by_label("Choose results files").set_input_files(results)
    expect(page.locator(".stc-report tbody tr")).to_have_count(1)
    expect(page.locator(".stc-report tbody tr")).to_contain_text("found 3 of 3")
    assert failed == []
    context.close()
