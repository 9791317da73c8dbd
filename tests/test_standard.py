"""The published standard ("How we judge claims"), held by tests.

Each set-wide rule of `build_tools.audit` is asserted on the real content for every article
present, and shown failing on a copy of the content made to break it, so that no rule can
pass by accident. The examples the site's pages give for each verdict must agree with the
answer key, and nothing in the repository may point at a guide a clone does not have.
"""

from __future__ import annotations

import dataclasses
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from build_tools import audit
from build_tools.catalogue import Catalogue, load_catalogue
from build_tools.checks import CheckedExercise
from build_tools.model import (
    VERDICT_LABELS,
    WHY_LABELS,
    Answer,
    CompareExercise,
    SpotExercise,
    Verdict,
    Why,
)
from build_tools.text import normalize

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    result = load_catalogue(ROOT / "exercises")
    assert result.ok, result.diagnostics
    return result


@pytest.mark.parametrize("rule", sorted(audit.RULES))
def test_the_real_content_keeps_the_rule(catalogue: Catalogue, rule: str) -> None:
    assert audit.RULES[rule](catalogue) == []


# Content made to break one rule at a time.


def with_exercises(
    catalogue: Catalogue, change: Callable[[CheckedExercise], CheckedExercise]
) -> Catalogue:
    return dataclasses.replace(catalogue, exercises=[change(e) for e in catalogue.exercises])


def with_model(exercise: CheckedExercise, **update: object) -> CheckedExercise:
    model = exercise.model.model_copy(update=update)
    source = dataclasses.replace(exercise.source, model=model)
    return dataclasses.replace(exercise, source=source)


def with_answers(
    catalogue: Catalogue, change: Callable[[CheckedExercise, int, Answer], Answer]
) -> Catalogue:
    def each(exercise: CheckedExercise) -> CheckedExercise:
        model = exercise.model
        if not isinstance(model, SpotExercise):
            return exercise
        answers = [
            change(exercise, unit, answer)
            for unit, answer in zip(exercise.answer_units, model.answers, strict=True)
        ]
        return with_model(exercise, answers=answers)

    return with_exercises(catalogue, each)


def retell(answer: Answer, **update: object) -> Answer:
    return answer.model_copy(update=update)


def first_spot(catalogue: Catalogue) -> CheckedExercise:
    return next(e for e in catalogue.exercises if isinstance(e.model, SpotExercise))


def test_complete_keys_fail_when_a_sentence_loses_its_answer(catalogue: Catalogue) -> None:
    target = first_spot(catalogue)

    def drop_last(exercise: CheckedExercise) -> CheckedExercise:
        if exercise is not target:
            return exercise
        assert isinstance(exercise.model, SpotExercise)
        shorter = dataclasses.replace(
            with_model(exercise, answers=exercise.model.answers[:-1]),
            answer_units=exercise.answer_units[:-1],
        )
        return shorter

    problems = audit.rule_complete_keys(with_exercises(catalogue, drop_last))
    assert len(problems) == 1 and target.model.id in problems[0]


def test_balance_fails_with_too_many_debatable(catalogue: Catalogue) -> None:
    def debatable(exercise: CheckedExercise, unit: int, answer: Answer) -> Answer:
        scored = answer.verdict.is_scored and not answer.verdict.is_target
        return retell(answer, verdict=Verdict.DEBATABLE) if scored else answer

    assert any(
        "debatable" in p for p in audit.rule_verdict_balance(with_answers(catalogue, debatable))
    )


def test_balance_fails_with_too_few_supported(catalogue: Catalogue) -> None:
    def no_supported(exercise: CheckedExercise, unit: int, answer: Answer) -> Answer:
        if answer.verdict is Verdict.SUPPORTED:
            return retell(answer, verdict=Verdict.ATTRIBUTED)
        return answer

    problems = audit.rule_verdict_balance(with_answers(catalogue, no_supported))
    assert any("supported" in p for p in problems)


def test_level_one_fails_when_an_article_has_too_few(catalogue: Catalogue) -> None:
    article = audit.complete_articles(catalogue)[0].id

    def harder(exercise: CheckedExercise) -> CheckedExercise:
        if exercise.article.id == article and exercise.model.level == 1:
            return with_model(exercise, level=2)
        return exercise

    assert audit.rule_level_one(with_exercises(catalogue, harder)) == [
        f"{article}: 0 level-1 exercise(s); at least {audit.LEVEL_ONE_MIN_PER_ARTICLE}"
    ]


def test_a_complete_set_fails_without_its_compare_exercises(catalogue: Catalogue) -> None:
    article = audit.complete_articles(catalogue)[0].id
    kept = [
        e
        for e in catalogue.exercises
        if not (e.article.id == article and isinstance(e.model, CompareExercise))
    ]
    problems = audit.rule_complete_set(dataclasses.replace(catalogue, exercises=kept))
    assert f"{article}: 0 compare exercises; at least {audit.SET_MIN_COMPARES}" in problems


HARD = (
    "Notwithstanding considerable institutional ambiguity, the characterisation "
    "presupposes unverifiable organisational relationships. "
)


@pytest.mark.parametrize(
    ("rewrite", "expected"),
    [
        (lambda text: text + " And more." * 60, "median explanation"),
        (lambda text: text + " filler" * 91, "words; at most 90"),
        (lambda text: HARD * 3, "median reading grade"),
        (lambda text: "The claim the text makes is that it matters. " + text, "stock phrase"),
    ],
    ids=["long", "too-long", "hard", "stock-phrase"],
)
def test_plain_language_fails_on_each_kind_of_text(
    catalogue: Catalogue, rewrite: Callable[[str], str], expected: str
) -> None:
    def change(exercise: CheckedExercise, unit: int, answer: Answer) -> Answer:
        return retell(answer, explanation=rewrite(answer.explanation))

    problems = audit.rule_plain_language(with_answers(catalogue, change))
    assert any(expected in p for p in problems), problems


def test_checking_notes_fail_on_a_compare_without_one(catalogue: Catalogue) -> None:
    def strip(exercise: CheckedExercise) -> CheckedExercise:
        if isinstance(exercise.model, CompareExercise):
            return with_model(exercise, checking=None)
        return exercise

    problems = audit.rule_checking_notes(with_exercises(catalogue, strip))
    assert any("a compare exercise without" in p for p in problems)


def test_checking_notes_fail_when_too_few_exercises_have_one(catalogue: Catalogue) -> None:
    def strip(exercise: CheckedExercise, unit: int, answer: Answer) -> Answer:
        return retell(answer, checking=None)

    def strip_compare(exercise: CheckedExercise) -> CheckedExercise:
        if isinstance(exercise.model, CompareExercise):
            return with_model(exercise, checking=None)
        return exercise

    bare = with_exercises(with_answers(catalogue, strip), strip_compare)
    problems = audit.rule_checking_notes(bare)
    assert any("a headline exercise without" in p for p in problems)
    assert any("at least a third" in p for p in problems)


def test_same_sentence_fails_when_one_copy_changes_verdict(catalogue: Catalogue) -> None:
    seen: dict[str, str] = {}
    shared = None
    for item in audit.explained_units(catalogue):
        text = item.exercise.units[item.unit - 1].text
        if text in seen and seen[text] != item.exercise.model.id:
            shared = (item.exercise.model.id, item.unit)
        seen.setdefault(text, item.exercise.model.id)
    assert shared, "the content has no sentence in two exercises; this test needs one"

    def flip(exercise: CheckedExercise, unit: int, answer: Answer) -> Answer:
        if (exercise.model.id, unit) != shared:
            return answer
        other = Verdict.OPINION if answer.verdict is not Verdict.OPINION else Verdict.BACKGROUND
        return retell(answer, verdict=other, why=[], evidence_needed=None)

    problems = audit.rule_same_sentence_same_verdict(with_answers(catalogue, flip))
    assert len(problems) == 1 and shared[0] in problems[0]


# The site's pages and the key agree.

EXAMPLE = re.compile(r'^!!! example "(?P<label>[^"]+)"\n    (?P<quote>.+)$', re.MULTILINE)
LABEL_TO_VERDICT = {label: verdict for verdict, label in VERDICT_LABELS.items()}


def page_examples() -> list[tuple[str, str, str]]:
    found = []
    for page in sorted((ROOT / "docs").rglob("*.md")):
        for match in EXAMPLE.finditer(page.read_text(encoding="utf-8")):
            found.append((page.name, match["label"], match["quote"]))
    return found


def test_the_standard_page_gives_an_example_of_every_verdict_the_key_uses(
    catalogue: Catalogue,
) -> None:
    labels = {label for page, label, _ in page_examples() if page == "how-we-judge.md"}
    used = {item.answer.verdict.label for item in audit.explained_units(catalogue)}
    assert used <= labels


@pytest.mark.parametrize("example", page_examples(), ids=lambda e: f"{e[0]}:{e[1]}")
def test_each_example_on_the_site_has_the_verdict_of_the_key(
    catalogue: Catalogue, example: tuple[str, str, str]
) -> None:
    _, label, quote = example
    assert label in LABEL_TO_VERDICT, f"'{label}' is not a verdict's label"
    verdicts = {
        (item.exercise.model.id, item.answer.verdict)
        for item in audit.explained_units(catalogue)
        if normalize(quote) in item.exercise.units[item.unit - 1].text
    }
    assert verdicts, f"no exercise's key explains: {quote}"
    assert {verdict for _, verdict in verdicts} == {LABEL_TO_VERDICT[label]}, verdicts


def test_why_label_examples_on_start_here_are_targets_with_that_label(
    catalogue: Catalogue,
) -> None:
    """Start here lists every reason under the label the exercises show (never its id), each
    with an example that an exercise's key explains as a target with that reason."""
    lines = (ROOT / "docs" / "start-here.md").read_text(encoding="utf-8").splitlines()
    by_label = {label: why for why, label in WHY_LABELS.items()}
    pairs, why = [], None
    for line in lines:
        if line.startswith("**") and line.endswith("**") and line[2:-2] in by_label:
            why = by_label[line[2:-2]]
        elif why and line.startswith("    > "):
            pairs.append((why, line[6:]))
            why = None
    assert sorted(why for why, _ in pairs) == sorted(Why)
    for why, quote in pairs:
        answers = [
            item.answer
            for item in audit.explained_units(catalogue)
            if normalize(quote) in item.exercise.units[item.unit - 1].text
        ]
        assert answers, f"no exercise's key explains the {why} example: {quote}"
        assert all(a.verdict.is_target and why in a.why for a in answers), (why, quote)


def test_the_standard_page_names_every_reason_by_the_label_learners_see() -> None:
    page = (ROOT / "docs" / "how-we-judge.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (.+?) \| .+ \|$", page, re.MULTILINE)
    assert set(WHY_LABELS.values()) <= set(rows)
    assert not [why.value for why in Why if f"`{why.value}`" in page]


# Nothing points outside the repository.

# Spelled in pieces so that this file does not match itself.
OUTSIDE = re.compile("CONTENT" + r"_GUIDE|\.\./" + "shared")


def test_no_file_in_the_repository_refers_to_a_guide_outside_it() -> None:
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    if listed.returncode == 0:
        tracked = listed.stdout.split("\0")
    else:  # a copy that is not a clone: every file but tools' own folders
        skip = {".git", ".venv", "node_modules", "__pycache__", ".mypy_cache", ".ruff_cache"}
        tracked = [
            p.relative_to(ROOT).as_posix()
            for p in ROOT.rglob("*")
            if not skip & set(p.relative_to(ROOT).parts)
        ]
    found = []
    for name in filter(None, tracked):
        path = ROOT / name
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        found += [f"{name}: {m.group(0)}" for m in OUTSIDE.finditer(text)]
    assert found == []


def test_the_outside_reference_check_catches_one() -> None:
    assert OUTSIDE.search("see " + "CONTENT_" + "GUIDE.md")
    assert OUTSIDE.search("read ../" + "shared/DESIGN.md")
