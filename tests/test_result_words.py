"""The words a result is given in, for learners and for teachers, come from the model, and the
pages that explain them say exactly what the model says."""

from __future__ import annotations

import re
from pathlib import Path

from build_tools.model import (
    COMPARE_VERDICT_MEANINGS,
    WHY_LABELS,
    WHY_SHORT_LABELS,
    ResultLevel,
    Why,
)

ROOT = Path(__file__).resolve().parent.parent


def test_every_reason_and_level_has_its_words() -> None:
    assert set(WHY_SHORT_LABELS) == set(Why) == set(WHY_LABELS)
    assert len(set(WHY_SHORT_LABELS.values())) == len(Why)
    learner_names = [level.learner_name for level in ResultLevel]
    assert len(set(learner_names)) == len(learner_names)
    assert not {level.value for level in ResultLevel} & set(learner_names)


def test_the_teachers_rubric_is_the_models() -> None:
    page = (ROOT / "docs/teachers/index.md").read_text(encoding="utf-8")
    for level in ResultLevel:
        row = f"| **{level.value}** | {level.description} | *{level.learner_name}* |"
        assert row in page, row


def test_learners_read_their_own_words_not_the_rubric() -> None:
    page = (ROOT / "docs/start-here.md").read_text(encoding="utf-8")
    for level in ResultLevel:
        assert f"**{level.learner_name}**" in page
        assert not re.search(rf"\b{level.value}\b", page), level.value


def test_each_compare_verdict_means_what_the_standard_says() -> None:
    page = " ".join((ROOT / "docs/how-we-judge.md").read_text(encoding="utf-8").split())
    for verdict, meaning in COMPARE_VERDICT_MEANINGS.items():
        assert f"**{verdict.label.lower()}** ({meaning}" in page, verdict
