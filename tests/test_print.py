"""Printing: worksheets and answer keys rendered to PDF by Chromium, and their text read back."""

from __future__ import annotations

import io
import re

import pytest
from conftest import ROOT, wait_until_ready
from playwright.sync_api import Page
from pypdf import PdfReader

from build_tools.catalogue import load_catalogue

ARTICLES = sorted(p.parent.name for p in (ROOT / "exercises").glob("*/article.md"))


def pdf_text(page: Page, url: str) -> str:
    page.goto(url)
    wait_until_ready(page)
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = "\n".join(p.extract_text() for p in reader.pages)
    return re.sub(r"\s+", " ", text)


SITE_CHROME = ("Start here", "Exercises by skill", "Search", "Previous", "Next")


@pytest.mark.parametrize("article_id", ARTICLES)
def test_worksheet_has_every_exercise_and_no_answers(
    page: Page, site_url: str, article_id: str
) -> None:
    text = pdf_text(page, f"{site_url}articles/{article_id}/worksheet/")
    exercises = load_catalogue(ROOT / "exercises").exercises_of(article_id)
    assert "Name: ____" in text
    for number, exercise in enumerate(exercises, start=1):
        assert f"{number}. {exercise.model.title}" in text
        assert exercise.units[0].text[:40] in text
    assert text.count("Sentence no. ____") >= 3 * sum(e.model.kind == "spot" for e in exercises)
    assert "It goes beyond the source" in text  # the compare verdicts to tick
    for leaked in ("Evidence that would settle", "Reference answers", "Check answers"):
        assert leaked not in text
    assert not [chrome for chrome in SITE_CHROME if chrome in text]


@pytest.mark.parametrize("article_id", ARTICLES)
def test_answer_key_has_every_explanation(page: Page, site_url: str, article_id: str) -> None:
    text = pdf_text(page, f"{site_url}articles/{article_id}/answer-key/")
    for exercise in load_catalogue(ROOT / "exercises").exercises_of(article_id):
        model = exercise.model
        explanations = (
            [a.explanation for a in model.answers] if model.kind == "spot" else [model.explanation]
        )
        for explanation in explanations:
            assert " ".join(explanation.split())[:60] in text, (model.id, explanation[:60])
    assert not [chrome for chrome in SITE_CHROME if chrome in text]


def test_an_exercise_page_prints_as_a_worksheet(page: Page, site_url: str) -> None:
    url = f"{site_url}articles/idlib-last-stand/warning-or-threat/"
    page.goto(url)
    page.locator('.stc-unit[data-unit="2"]').click()  # the interactive page, mid-exercise
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = re.sub(r"\s+", " ", "\n".join(p.extract_text() for p in reader.pages))
    assert "A warning, or a threat?" in text and "Sentence no. ____" in text
    assert "It has issued a threat in the form of a" in text
    for leaked in ("Reference answers", "Check answers", "Try again", "Your picks", "⚑"):
        assert leaked not in text
