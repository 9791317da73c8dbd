"""The built site, crawled file by file: every internal link and anchor resolves, and no
page loads a script, style, font, image or frame from another host."""

from __future__ import annotations

from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

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


def test_no_broken_internal_link_or_anchor(built_site: tuple[Path, str]) -> None:
    site, base = built_site
    origin = urlparse(base)
    broken = []
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 40
    for page_file in pages:
        page_url = urljoin(base, page_file.relative_to(site).as_posix())
        for href in parse(page_file).links:
            url = urlparse(urljoin(page_url, href))
            if url.scheme not in ("http", "https") or url.netloc != origin.netloc:
                continue
            target = target_file(site, url.path)
            if target is None:
                broken.append(f"{page_file.relative_to(site)}: {href}")
            elif (
                url.fragment
                and target.suffix == ".html"
                and unquote(url.fragment) not in parse(target).ids
            ):
                broken.append(f"{page_file.relative_to(site)}: {href} (no such anchor)")
    assert broken == []


def test_no_page_loads_anything_from_another_host(built_site: tuple[Path, str]) -> None:
    site, base = built_site
    origin = urlparse(base).netloc
    foreign = []
    for page_file in site.rglob("*.html"):
        page_url = urljoin(base, page_file.relative_to(site).as_posix())
        for value in parse(page_file).loads:
            url = urlparse(urljoin(page_url, value))
            if url.scheme in ("http", "https", "") and url.netloc not in ("", origin):
                foreign.append(f"{page_file.relative_to(site)}: {value}")
    for css in site.rglob("*.css"):
        text = css.read_text(encoding="utf-8", errors="replace")
        foreign += [
            f"{css.name}: @import or url() to another host"
            for marker in (
                "url(http",
                'url("http',
                "url('http",
                '@import "http',
                "@import url(http",
            )
            if marker in text
        ]
    assert foreign == []
