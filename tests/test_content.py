"""The content itself: the exercise set's size and range, full coverage of both articles,
neutral wording in our own voice, and verbatim quotations in the hand-written lessons."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from build_tools import audit
from build_tools.audit import QUOTED  # quoted words are the article's, not ours
from build_tools.catalogue import Catalogue, load_catalogue
from build_tools.model import CompareExercise, SpotExercise
from build_tools.text import normalize

ROOT = Path(__file__).resolve().parent.parent

# Words the site never applies to a person, outlet, government or group in its own voice.
# The article's own words may be repeated inside quotation marks; designations are fine
# when the same sentence attributes them ("designated ... by", "listed by").
LABELS = re.compile(
    r"\b(liars?|lying|propagandists?|propaganda|terroris[tm]s?|heroe?s?|heroic)\b", re.I
)
ATTRIBUTION = re.compile(r"designat|listed|listing", re.I)


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    result = load_catalogue(ROOT / "exercises")
    assert result.ok, result.diagnostics
    return result


def test_every_complete_article_has_a_whole_set(catalogue: Catalogue) -> None:
    """Levels, compares, a headline exercise, passage lengths and every sentence used: the
    audit's rule, for every article marked complete (a new article starts 'growing')."""
    assert audit.complete_articles(catalogue), "no article is marked complete"
    assert audit.rule_complete_set(catalogue) == []


def test_every_spot_exercise_has_a_target_and_an_explained_non_target(
    catalogue: Catalogue,
) -> None:
    for exercise in catalogue.exercises:
        if isinstance(exercise.model, SpotExercise):
            verdicts = [a.verdict for a in exercise.model.answers]
            assert any(v.is_target for v in verdicts), exercise.model.id
            assert any(not v.is_target for v in verdicts), exercise.model.id


def our_texts(catalogue: Catalogue) -> Iterator[tuple[str, str]]:
    for article in catalogue.articles.values():
        yield f"{article.id}: context", article.meta.context
        yield f"{article.id}: content note", article.meta.content_note or ""
    for exercise in catalogue.exercises:
        model = exercise.model
        texts = [model.hint or ""]
        texts += [q.prompt for q in model.questions] + [q.answer for q in model.questions]
        if isinstance(model, SpotExercise):
            texts += [a.explanation for a in model.answers]
            texts += [a.evidence_needed or "" for a in model.answers]
        if isinstance(model, CompareExercise):
            texts += [model.explanation, model.evidence_needed]
            texts += [d.note for d in model.differences]
        for text in texts:
            yield model.id, text


def test_no_labels_in_our_own_voice(catalogue: Catalogue) -> None:
    found = []
    for where, text in our_texts(catalogue):
        for sentence in re.split(r"(?<=[.!?])\s+", QUOTED.sub("«quote»", text)):
            for match in LABELS.finditer(sentence):
                if not ATTRIBUTION.search(sentence):
                    found.append(f"{where}: {match.group(0)!r} in: {sentence}")
    assert found == []


def test_the_word_list_catches_a_label_in_our_voice() -> None:
    sentence = "The writer is a propagandist and the group are terrorists."
    assert len(LABELS.findall(QUOTED.sub("«quote»", sentence))) == 2
    quoted = 'The article calls them "terrorists" and the US designated HTS a terrorist group.'
    kept = [s for s in re.split(r"(?<=[.!?])\s+", QUOTED.sub("«quote»", quoted))]
    assert all(ATTRIBUTION.search(s) or not LABELS.search(s) for s in kept)


def test_lesson_quotations_are_verbatim(catalogue: Catalogue) -> None:
    texts = [article.text for article in catalogue.articles.values()]
    lesson = (ROOT / "docs" / "start-here.md").read_text(encoding="utf-8")
    quotes = [line.strip()[2:] for line in lesson.splitlines() if line.strip().startswith("> ")]
    assert len(quotes) >= 10
    for quote in quotes:
        assert any(normalize(quote) in text for text in texts), quote
