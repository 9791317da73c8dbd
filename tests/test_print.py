"""Printing: worksheets, answer keys and an exercise page rendered to PDF by Chromium, their
text read back page by page, with where each line sits on its page."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

import pytest
from conftest import ROOT, wait_until_ready
from playwright.sync_api import Page
from pypdf import PdfReader

from build_tools.catalogue import load_catalogue
from build_tools.checks import CheckedExercise
from build_tools.render import target_units

ARTICLES = sorted(p.parent.name for p in (ROOT / "exercises").glob("*/article.md"))
A4_MM = (210.0, 297.0)
PAGE_MARGIN_MM = 15
"""The page margin the print style sets (docs/assets/exercise.css)."""
MM_IN_POINTS = 72 / 25.4
CONTENT_HEIGHT = (A4_MM[1] - 2 * PAGE_MARGIN_MM) * MM_IN_POINTS
"""The height inside the margins of an A4 page, in PDF points."""
ANSWER_LINE = "Sentence no. ____"


def one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class PrintedPage:
    """One page of a PDF: its lines of text from the top, each with its baseline's height
    above the bottom edge, in points."""

    lines: list[tuple[float, str]]

    @property
    def text(self) -> str:
        return one_line(" ".join(text for _, text in self.lines))

    def starts_with(self, text: str) -> bool:
        return self.text.startswith(text)


def printed(page: Page) -> list[PrintedPage]:
    """The page as Chromium prints it on A4, read back."""
    pages = []
    for pdf_page in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages:
        lines: list[tuple[float, str]] = []

        def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
            if text.strip():
                lines.append((tm[4] * cm[1] + tm[5] * cm[3] + cm[5], text))  # noqa: B023

        pdf_page.extract_text(visitor_text=visit)
        pages.append(PrintedPage(lines))
    return pages


def print_url(page: Page, url: str) -> list[PrintedPage]:
    page.goto(url)
    wait_until_ready(page)
    return printed(page)


def exercises_of(article_id: str) -> list[CheckedExercise]:
    return load_catalogue(ROOT / "exercises").exercises_of(article_id)


def headings(exercises: list[CheckedExercise]) -> list[str]:
    return [f"{number}. {e.model.title}" for number, e in enumerate(exercises, start=1)]


@dataclass
class Section:
    """The lines printed under one heading: for each page it reaches, its highest and lowest
    baseline, and whether it opens its first page."""

    pages: dict[int, tuple[float, float]]
    opens_a_page: bool

    @property
    def first(self) -> int:
        return min(self.pages)

    @property
    def last(self) -> int:
        return max(self.pages)


def sections(pages: list[PrintedPage], titles: list[str]) -> list[Section]:
    """The printed extent of each section, from its heading to the next heading. A heading
    is known by its beginning, since a long one wraps onto a second line."""
    runs = [
        (n, index, y, one_line(text))
        for n, p in enumerate(pages)
        for index, (y, text) in enumerate(p.lines)
    ]
    starts = []
    for title in titles:
        after = starts[-1] + 1 if starts else 0
        starts.append(next(i for i in range(after, len(runs)) if runs[i][3].startswith(title[:25])))
    found = []
    for begin, end in zip(starts, [*starts[1:], len(runs)], strict=True):
        extent: dict[int, tuple[float, float]] = {}
        for n, _, y, _ in runs[begin:end]:
            top, bottom = extent.get(n, (y, y))
            extent[n] = (max(top, y), min(bottom, y))
        found.append(Section(extent, opens_a_page=runs[begin][1] == 0))
    return found


SITE_CHROME = ("Start here", "Exercises by skill", "Search", "Previous", "Next")


CONTENT_HEIGHT_PX = CONTENT_HEIGHT * 96 / 72


def printed_heights(page: Page, block: str) -> dict[str, float]:
    """Each exercise's heading and block as tall as they print on A4, in CSS pixels,
    measured with the print style at the width inside the page's margins."""
    page.emulate_media(media="print")
    page.set_viewport_size(
        {"width": round((A4_MM[0] - 2 * PAGE_MARGIN_MM) * 96 / 25.4), "height": 900}
    )
    heights: dict[str, float] = page.evaluate(
        f"""() => Object.fromEntries([...document.querySelectorAll('.{block}')].map(d => [
            d.previousElementSibling.id.replace(/^exercise-/, ''),
            d.getBoundingClientRect().bottom - d.previousElementSibling.getBoundingClientRect().top,
        ]))"""
    )
    page.emulate_media(media="screen")
    return heights


def assert_no_blank_page(pages: list[PrintedPage]) -> None:
    assert [number for number, p in enumerate(pages, start=1) if not p.lines] == []


@pytest.mark.parametrize("article_id", ARTICLES)
def test_a_worksheet_prints_each_exercise_whole_on_a_page_of_its_own(
    page: Page, site_url: str, article_id: str
) -> None:
    pages = print_url(page, f"{site_url}articles/{article_id}/worksheet/")
    exercises = exercises_of(article_id)
    titles = headings(exercises)
    text = one_line(" ".join(p.text for p in pages))
    assert "Name: ____" in text
    for title, exercise in zip(titles, exercises, strict=True):
        assert title in text
        assert exercise.units[0].text[:40] in text
    # one line to write on for each sentence to flag
    assert text.count(ANSWER_LINE) == sum(len(target_units(e)) for e in exercises)
    assert "It goes beyond the source" in text  # the compare verdicts to tick
    for leaked in ("Evidence that would settle", "Reference answers", "Check answers"):
        assert leaked not in text
    assert not [chrome for chrome in SITE_CHROME if chrome in text]
    assert_no_blank_page(pages)

    for number, (section, title) in enumerate(zip(sections(pages, titles), titles, strict=True)):
        assert section.first == section.last, (
            f"{title} prints on pages {section.first + 1}–{section.last + 1}"
        )
        # each exercise after the first starts a page, so that a teacher can print just it
        assert number == 0 or section.opens_a_page, f"{title} does not start a page"


@pytest.mark.parametrize("article_id", ARTICLES)
def test_an_answer_key_opens_with_a_one_page_summary(
    page: Page, site_url: str, article_id: str
) -> None:
    pages = print_url(page, f"{site_url}articles/{article_id}/answer-key/")
    exercises = exercises_of(article_id)
    titles = headings(exercises)
    summary = pages[0].text
    assert "Summary" in summary
    for title, exercise in zip(titles, exercises, strict=True):
        model = exercise.model
        targets = target_units(exercise)
        answer = (
            f"Verdict: {model.verdict.label}"
            if model.kind == "compare"
            else f"Sentence{'s' if len(targets) > 1 else ''} {', '.join(map(str, targets))}"
        )
        assert f"{title} {answer}" in summary, f"the summary lacks: {title} {answer}"
    assert pages[1].starts_with(titles[0]), "the full key starts on the second page"
    heights = printed_heights(page, "stc-answer-key")
    full_key = sections(pages[1:], titles)  # after the summary, which names them too
    for section, title, exercise in zip(full_key, titles, exercises, strict=True):
        assert section.opens_a_page, f"{title} does not start a page"
        if heights[exercise.model.id] <= CONTENT_HEIGHT_PX:  # it fits: it is not split
            assert section.first == section.last, f"{title} is split but would fit"
    text = one_line(" ".join(p.text for p in pages))
    for exercise in exercises:
        model = exercise.model
        explanations = (
            [a.explanation for a in model.answers] if model.kind == "spot" else [model.explanation]
        )
        for explanation in explanations:
            assert one_line(explanation)[:60] in text, (model.id, explanation[:60])
    assert not [chrome for chrome in SITE_CHROME if chrome in text]
    assert_no_blank_page(pages)


def test_an_exercise_page_prints_as_a_clean_worksheet(page: Page, site_url: str) -> None:
    url = f"{site_url}articles/idlib-last-stand/warning-or-threat/"
    page.goto(url)
    wait_until_ready(page)
    picked = page.locator('.stc-unit[data-unit="2"]')
    picked.click()  # the interactive page, mid-exercise
    page.get_by_role("button", name="Check answers").click()
    pages = printed(page)
    assert len(pages) == 1, "a short exercise prints on one page, with no blank one after it"
    text = pages[0].text
    assert "A warning, or a threat?" in text
    assert text.count(ANSWER_LINE) == 3
    assert "It has issued a threat in the form of a" in text
    for leaked in ("Reference answers", "Check answers", "Try again", "Found 1", "⚑", "RI.6.8"):
        assert leaked not in text
    page.emulate_media(media="print")
    look = picked.evaluate(
        """unit => {
            const style = getComputedStyle(unit), number = unit.querySelector('.stc-unit__n');
            return [style.backgroundColor, style.textDecorationLine,
                    getComputedStyle(number, '::after').content];
        }"""
    )
    assert look == ["rgba(0, 0, 0, 0)", "none", "none"], "the learner's pick prints highlighted"
