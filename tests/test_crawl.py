"""The built site, crawled file by file: every internal link and anchor resolves, and no
page loads a script, style, font, image or frame from another host."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlparse

from conftest import broken_links, parse


def test_no_broken_internal_link_or_anchor(built_site: tuple[Path, str]) -> None:
    site, base = built_site
    assert len(list(site.rglob("*.html"))) > 40
    assert broken_links(site, base) == []


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
