"""Shared fixtures: the real site built once with the real mkdocs, served over HTTP on
127.0.0.1, and Playwright driving Debian's Chromium (Playwright cannot download its own)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlparse

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    """Pages as a reader who asked for reduced motion sees them: the same end states,
    without Material's quarter-second transitions, which `settled` would wait out before
    every axe run."""
    return {**browser_context_args, "reduced_motion": "reduce"}


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(url: str, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing answered at {url}")


def mkdocs_build(
    config: Path, out: Path, site_url: str, downloads: bool = False
) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict`; the offline copy and LMS packages (a second build) only with
    `downloads`, for the tests about them: the others build variants of the site."""
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    env["OFFLINE_COPY"] = "true" if downloads else "false"
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(out)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The real site, built once with `mkdocs build --strict`, and the URL it is built for."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    out = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT / "mkdocs.yml", out, url, downloads=True)
    assert result.returncode == 0, result.stderr
    return out, url


@contextmanager
def serving(directory: Path, port: int | None = None, path: str = "") -> Iterator[str]:
    """Serve `directory` over HTTP on 127.0.0.1 while the block runs; yields the URL."""
    port = port or free_port()
    url = f"http://127.0.0.1:{port}/{path}"
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "http.server",
            str(port),
            "--bind",
            "127.0.0.1",
            "--directory",
            str(directory),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(url)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=5)


@pytest.fixture(scope="session")
def site_url(built_site: tuple[Path, str]) -> Iterator[str]:
    out, url = built_site
    with serving(out, int(url.rsplit(":", 1)[1].strip("/"))) as served:
        yield served


@pytest.fixture
def checked_page(page: Any) -> Iterator[Any]:
    """`page`, failing the test if any console error or uncaught exception occurs."""
    errors: list[str] = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    assert errors == []


def in_front(page: Any) -> Any:
    """`page`'s tab brought to the front, as a reader does before using it: Chromium holds
    back a tab in the background, and each of Playwright's clicks there waits about a
    second for it."""
    page.bring_to_front()
    return page


def wait_until_ready(page: Any, shown: int | None = None) -> None:
    """The site's scripts have mounted everything on the page (main.js marks <html>); with
    `shown`, on the page shown that many times since the document loaded (instant
    navigation shows one page after another in one document)."""
    selector = "html[data-stc-ready]" if shown is None else f'html[data-stc-ready="{shown}"]'
    page.locator(selector).wait_for(state="attached")


def settled(page: Any) -> Any:
    """`page` once two frames have been drawn since the last change (Material's resize
    observers have then run: one makes a code block that scrolls sideways focusable) and
    no CSS transition or animation is running: axe measures colours as they are at that
    moment, and Material fades the header's title in as the page scrolls."""
    page.evaluate(
        "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
    )
    page.wait_for_function(
        "document.getAnimations().every(animation => animation.playState !== 'running')"
    )
    return page


# axe's options for every run: only violations are asserted, and leaving out the details
# of what passed makes a run on a long page about twice as quick.
AXE_OPTIONS: dict[str, Any] = {"resultTypes": ["violations"]}
# Where the page's content sits. Its colours are the same at every width (the site's
# stylesheets set no colour by width: test_browser checks), so once its contrast has been
# measured in a colour scheme, only the chrome around it (header, tabs, navigation,
# search, whose colours Material does set by width) needs measuring at another width.
CONTENT = ".md-content"


def axe_run(page: Any, content_contrast_measured: bool = False) -> Any:
    """axe-core's results on `page` as it stands (violations in full). With
    `content_contrast_measured` (the same page in the same colour scheme, at another
    width), colour contrast is measured outside the content only; every other rule still
    runs on the whole page. Colour contrast takes most of axe's time on a long page."""
    from axe_playwright_python.sync_playwright import Axe, AxeResults

    if page.evaluate("typeof window.axe") != "object":
        page.evaluate(Axe().axe_script)
    run = "([context, options]) => axe.run(context ?? document, options)"
    if not content_contrast_measured:
        return AxeResults(page.evaluate(run, [None, AXE_OPTIONS]))
    rest = {**AXE_OPTIONS, "rules": {"color-contrast": {"enabled": False}}}
    contrast = {**AXE_OPTIONS, "runOnly": {"type": "rule", "values": ["color-contrast"]}}
    results = page.evaluate(run, [None, rest])
    chrome = page.evaluate(run, [{"exclude": [[CONTENT]]}, contrast])
    results["violations"] += chrome["violations"]
    return AxeResults(results)


def switch_to_dark(page: Any) -> None:
    """Press the header's palette toggle, as a reader would, and wait for slate."""
    page.locator('label[title="Switch to dark mode"]').click()
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    settled(page)


def axe_light_and_dark(
    page: Any, widths: tuple[int, ...] = (1280,), also: Callable[[Any], object] | None = None
) -> None:
    """axe finds nothing on the page as it stands, light, then dark by the header's toggle,
    at each width; `also` is checked at each of them too."""
    for scheme in ("default", "slate"):
        if scheme == "slate":
            switch_to_dark(page)
        for i, width in enumerate(widths):
            page.set_viewport_size({"width": width, "height": 800})
            result = axe_run(settled(page), content_contrast_measured=i > 0)
            assert result.violations_count == 0, (scheme, width, result.generate_report())
            if also:
                also(page)


def open_in_scheme(page: Any, url: str, scheme: str) -> None:
    """Open `url` the way a reader's system preference would: Material picks the palette
    from prefers-color-scheme ('default' is light, 'slate' dark)."""
    page.emulate_media(color_scheme="dark" if scheme == "slate" else "light")
    page.goto(url)
    wait_until_ready(page)
    assert page.evaluate("document.body.dataset.mdColorScheme") == scheme


# Hypothesis: 2,000 examples per property in the normal run; `make fuzz` selects "fuzz".
settings.register_profile("default", max_examples=200, deadline=None)
settings.register_profile("fuzz", max_examples=50000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


BROWSER_FIXTURES = {"page", "context", "browser", "checked_page"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that drives Chromium is marked `browser`, so that none can be forgotten."""
    for item in items:
        if BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)


def project_copy(tmp_path: Path) -> Path:
    """A copy of the project's content and configuration, to change without touching it."""
    for name in ("mkdocs.yml", "docs", "exercises"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name)
        else:
            shutil.copy(source, tmp_path / name)
    return tmp_path


# ---- crawling a built site ----

LOADS = {
    ("script", "src"),
    ("link", "href"),
    ("img", "src"),
    ("iframe", "src"),
    ("source", "src"),
    ("video", "src"),
    ("audio", "src"),
    ("embed", "src"),
}


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.loads: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "href" in values:
            self.links.append(values["href"])
        for name, value in values.items():
            if (tag, name) in LOADS and not (tag == "link" and values.get("rel") == "canonical"):
                self.loads.append(value)
        if tag == "link" and values.get("rel") in ("next", "prev"):
            self.links.append(values.get("href", ""))


@cache
def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def target_file(site: Path, url_path: str) -> Path | None:
    path = site / unquote(url_path).lstrip("/")
    for candidate in (path / "index.html", path):
        if candidate.is_file():
            return candidate
    return None


def broken_links(site: Path, base: str) -> list[str]:
    """Every link in the built site that leads to no file, or to no such anchor."""
    origin = urlparse(base)
    broken = []
    for page_file in sorted(site.rglob("*.html")):
        page_url = urljoin(base, page_file.relative_to(site).as_posix())
        for href in parse(page_file).links:
            url = urlparse(urljoin(page_url, href))
            if url.scheme not in ("http", "https") or url.netloc != origin.netloc:
                continue
            inside = url.path.startswith(origin.path)
            target = target_file(site, url.path[len(origin.path) :]) if inside else None
            if target is None:
                broken.append(f"{page_file.relative_to(site)}: {href}")
            elif (
                url.fragment
                and target.suffix == ".html"
                and unquote(url.fragment) not in parse(target).ids
            ):
                broken.append(f"{page_file.relative_to(site)}: {href} (no such anchor)")
    return broken
