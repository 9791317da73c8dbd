"""The built site in real Chromium: no JavaScript needed to read an exercise, axe-clean
pages in both palettes, and no request to any host but the site's own."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from conftest import ROOT, axe_run, open_in_scheme, settled, switch_to_dark, wait_until_ready
from playwright.sync_api import Browser, Page, expect

from build_tools.catalogue import load_catalogue
from build_tools.model import SpotExercise

EXERCISE = "articles/idlib-last-stand/warning-or-threat/"
PAGES = {
    "home": "",
    "start here": "start-here/",
    "skills": "skills/",
    "how the answers were made": "how-the-answers-were-made/",
    "for teachers": "teachers/",
    "standards": "teachers/standards/",
    "worksheets and answer keys": "teachers/printing/",
    "lesson plan": "teachers/lesson-idlib-last-stand/",
    "worksheet": "articles/biden-strike-idlib/worksheet/",
    "answer key": "articles/biden-strike-idlib/answer-key/",
    "exercise index": "articles/",
    "article": "articles/idlib-last-stand/",
    "exercise": EXERCISE,
    "other exercise": "articles/biden-strike-idlib/most-obvious-place/",
    "compare exercise": "articles/idlib-last-stand/entirely-funded/",
    "progress": "progress/",
    "about": "about/",
    "how we judge": "how-we-judge/",
    "results format": "teachers/results-format/",
    "check-ups guide": "teachers/check-ups/",
    "check-up forms": "teachers/check-up-forms/",
    "contributing": "contributing/",
    "assignment": "assignment/?name=Week%201&ex=warning-or-threat,entirely-funded",
    "exercise in an assignment": f"{EXERCISE}?name=Week%201&ex=warning-or-threat,entirely-funded",
}


def test_exercise_page_reads_without_javascript(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + EXERCISE)
    units = page.locator(".stc-passage .stc-unit")
    expect(units).to_have_count(5)
    expect(units.first).to_contain_text("The United States has raised tensions further")
    expect(page.locator(".stc-unit__n").nth(4)).to_have_text("5")
    answers = page.locator("details.stc-answers")
    expect(answers).to_have_count(1)
    expect(answers).not_to_have_attribute("open", "")
    expect(answers.locator("summary")).to_have_text("Reference answers")
    expect(answers.locator(".stc-key__item").first).not_to_be_visible()
    answers.locator("summary").click()
    expect(answers.locator(".stc-key__item").first).to_be_visible()
    context.close()


def test_the_site_sets_no_colour_by_width() -> None:
    """What lets the axe tests measure the content's colour contrast at one width per
    colour scheme (see conftest.axe_run): no rule of the site's stylesheets inside a
    width-dependent @media block sets a colour."""
    colour = re.compile(
        r"(?:^|;)\s*(?:color|background(?:-color)?|border(?:-\w+)?-color|fill|opacity|filter|outline-color|text-decoration-color)\s*:"
    )
    found = []
    for sheet in sorted((ROOT / "docs" / "assets").glob("*.css")):
        css = re.sub(r"/\*.*?\*/", "", sheet.read_text(encoding="utf-8"), flags=re.S)
        for media in re.finditer(r"@media([^{]*)\{", css):
            if "width" not in media.group(1):
                continue
            depth, end = 1, media.end()
            while depth:
                depth += {"{": 1, "}": -1}.get(css[end], 0)
                end += 1
            for rule in re.finditer(r"([^{}]+)\{([^{}]*)\}", css[media.end() : end - 1]):
                if colour.search(rule.group(2)):
                    found.append(f"{sheet.name}: @media{media.group(1)} {rule.group(1).strip()}")
    assert found == [], found
    assert any(
        "width" in m
        for s in (ROOT / "docs" / "assets").glob("*.css")
        for m in re.findall(r"@media[^{]*", s.read_text(encoding="utf-8"))
    ), "the check looks at something"


@pytest.mark.parametrize("name", list(PAGES))
def test_axe_finds_no_violations(page: Page, site_url: str, name: str) -> None:
    """Light and dark, at desktop width and at 320 px, where nothing may scroll sideways
    either. The page is loaded once; the reader's toggle in the header turns it dark. No
    request the page makes meanwhile leaves the site."""
    origin = urlparse(site_url).netloc
    requested: list[str] = []
    page.context.on("request", lambda request: requested.append(request.url))
    open_in_scheme(page, site_url + PAGES[name], "default")
    for scheme in ("default", "slate"):
        if scheme == "slate":
            switch_to_dark(page)
        for width in (1280, 320):
            page.set_viewport_size({"width": width, "height": 700})
            if width == 320:
                assert page.evaluate("document.documentElement.scrollWidth") <= 320
            result = axe_run(settled(page), content_contrast_measured=width == 320)
            assert result.violations_count == 0, (scheme, width, result.generate_report())
    assert requested and [url for url in requested if urlparse(url).netloc != origin] == []


@pytest.mark.parametrize("share", range(3))
def test_no_page_scrolls_sideways_at_320_px(
    browser: Browser, built_site: tuple[Path, str], site_url: str, share: int
) -> None:
    """Every other page of the site, a third of them per test so that they run side by side."""
    out, _ = built_site
    # Spot exercises are left to the test that picks every sentence on each at 320 px.
    spot = {
        f"articles/{e.article.id}/{e.model.id}"
        for e in load_catalogue(ROOT / "exercises").exercises
        if isinstance(e.model, SpotExercise)
    }
    # So are the page types the axe test checks at 320 px.
    typed = {path.split("?")[0].rstrip("/") or "." for path in PAGES.values()}
    pages = sorted(
        path
        for path in (str(p.parent.relative_to(out)) for p in out.rglob("index.html"))
        if path not in spot and path not in typed
    )
    context = browser.new_context(viewport={"width": 320, "height": 700})
    page = context.new_page()
    wide = []
    for path in pages[share::3]:
        page.goto(site_url + ("" if path == "." else f"{path}/"))
        wait_until_ready(page)
        if page.evaluate("document.documentElement.scrollWidth") > 320:
            wide.append(path)
    context.close()
    assert wide == []


def test_no_request_leaves_the_site_when_searching(page: Page, site_url: str) -> None:
    """Every page type is watched in the axe test above; search loads its index and worker."""
    origin = urlparse(site_url).netloc
    requested: list[str] = []
    page.context.on("request", lambda request: requested.append(request.url))
    page.goto(site_url)
    wait_until_ready(page)
    page.keyboard.press("s")
    page.locator("input.md-search__input").press_sequentially("Idlib", delay=20)
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    assert requested
    assert [url for url in requested if urlparse(url).netloc != origin] == []
