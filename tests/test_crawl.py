"""The built site, crawled file by file: every internal link and anchor resolves, and no
page loads a script, style, font, image or frame from another host."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin, urlparse

from conftest import ROOT, broken_links, parse

from build_tools.catalogue import load_catalogue


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


def test_search_never_shows_a_reference_answer(built_site: tuple[Path, str]) -> None:
    """A learner who searches for a sentence finds the exercise, not its answers: the key,
    the model answers, the answer-key pages and the lesson plans (which discuss the answers)
    are left out of the search index."""
    site, _ = built_site
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(" ".join(doc["text"].split()) for doc in index["docs"])
    locations = {doc["location"] for doc in index["docs"]}
    assert not [loc for loc in locations if "answer-key" in loc]
    catalogue = load_catalogue(ROOT / "exercises")
    leaked = []
    for exercise in catalogue.exercises:
        model = exercise.model
        secret = (
            [model.explanation]
            if model.kind == "compare"
            else [a.explanation for a in model.answers]
        )
        secret += [q.answer for q in model.questions]
        leaked += [model.id for words in secret if " ".join(words.split())[:50] in text]
    assert leaked == []
    assert "Reference answers" not in text
    assert catalogue.exercises[0].units[0].text[:30] in text  # the passages are still found


def test_the_not_found_page_has_a_skip_link(built_site: tuple[Path, str]) -> None:
    site, _ = built_site
    page = (site / "404.html").read_text(encoding="utf-8")
    assert 'class="md-skip">Skip to content</a>' in page
