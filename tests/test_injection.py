"""Hostile text in every text field of an article and an exercise renders as text: the
built pages run no injected script (after load, focus, pointer moves, key presses and
clicks), carry no injected element or attribute, and show the text as written."""

from __future__ import annotations

import shutil

import pytest
from conftest import ROOT, free_port, mkdocs_build, project_copy, serving, wait_until_ready
from playwright.sync_api import Page, expect

FIXTURE = ROOT / "tests" / "fixtures" / "injection" / "hostile-text"
PAGES = [
    "articles/hostile-text/",
    "articles/hostile-text/hostile-text-fields/",
    "articles/hostile-text/worksheet/",
    "articles/hostile-text/answer-key/",
    "articles/",
    "progress/",
    "teachers/standards/",
    "teachers/assign/",
]


# One worker builds the hostile site and runs every test on it.
pytestmark = pytest.mark.xdist_group("injection")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("hostile")
    project = project_copy(root)
    shutil.copytree(FIXTURE, project / "exercises" / "hostile-text")
    port = free_port()
    built = mkdocs_build(project / "mkdocs.yml", root / "site", f"http://127.0.0.1:{port}/")
    assert built.returncode == 0, built.stderr
    with serving(root / "site", port) as url:
        yield url


INJECTED = """() => {
    const bad = [];
    for (const node of document.querySelectorAll('*')) {
        for (const attr of node.attributes) {
            if (/^on/i.test(attr.name)) bad.push(node.tagName + ' ' + attr.name);
            if (/^\\s*javascript:/i.test(attr.value)) bad.push(node.tagName + ' ' + attr.name);
        }
    }
    for (const tag of ['iframe', 'svg', 'style', 'b', 'img'])
        for (const node of document.querySelectorAll('.md-content ' + tag)) bad.push(tag);
    for (const node of document.querySelectorAll('script:not([src])')) {
        if (!/__pwned/.test(node.textContent)) continue;
        try { JSON.parse(node.textContent); } catch (e) { bad.push('script'); }  // data is fine
    }
    return bad;
}"""


PROVOKE = """() => {
    // Every element focused and sent the events inline handlers listen for; links are
    // kept from navigating (their URLs are checked by INJECTED instead).
    const types = ['focus', 'focusin', 'mouseover', 'mouseenter', 'pointerover', 'pointerenter',
        'mousemove', 'mousedown', 'mouseup', 'click', 'dblclick', 'keydown', 'input', 'change',
        'toggle', 'animationstart', 'load', 'error'];
    document.addEventListener('click', (event) => {
        if (event.target.closest && event.target.closest('a, [download]')) event.preventDefault();
    }, true);
    for (const node of document.querySelectorAll('.md-content *, h1, title')) {
        if (typeof node.focus === 'function') node.focus();
        for (const type of types) node.dispatchEvent(new Event(type, { bubbles: true }));
    }
}"""


def provoke(page: Page) -> None:
    """Load, then focus, real pointer moves across the page, keyboard focus and clicks."""
    for _ in range(15):
        page.keyboard.press("Tab")
    width, height = page.viewport_size["width"], page.viewport_size["height"]  # type: ignore[index]
    for y in range(0, height, 120):
        for x in range(0, width, 160):
            page.mouse.move(x, y)
    page.evaluate(PROVOKE)


@pytest.mark.parametrize("path", PAGES)
def test_hostile_text_stays_text(page: Page, hostile_site: str, path: str) -> None:
    page.add_init_script("window.alert = () => { window.__pwned = 'alert'; };")
    page.goto(hostile_site + path)
    wait_until_ready(page)
    if path.endswith("hostile-text-fields/"):
        page.locator('.stc-unit[data-unit="2"]').click()
        page.get_by_role("button", name="Check answers").click()
        page.locator("details.stc-questions summary").click()
        expect(page.locator(".stc-key")).to_contain_text(
            "<script>window.__pwned='explanation'</script>"
        )
    assert page.evaluate(INJECTED) == []
    provoke(page)
    assert page.evaluate("window.__pwned") is None


def test_the_hostile_text_is_shown_as_written(page: Page, hostile_site: str) -> None:
    page.goto(hostile_site + "articles/hostile-text/")
    content = page.locator(".md-content")
    expect(content).to_contain_text("<img src=x onerror=\"window.__pwned='author'\">")
    expect(content).to_contain_text("</div><script>window.__pwned='note'</script>")
    expect(page.locator("h1")).to_contain_text("<script>window.__pwned = 'title'</script>")
