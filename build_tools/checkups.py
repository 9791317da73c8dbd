"""Check-up forms: each passage checked (an excerpt against the spot exercise it comes from,
an invented one on its own), numbered as one form, and the two forms held to one balance.

A check-up measures discernment before and after an assignment, so its two forms must be
parallel: the same number of claims to flag and of sentences fine to leave, level by level.
An excerpt takes its answers from its exercise, so a sentence has one verdict everywhere.
Every exercise whose passage shares words with an excerpt (the one it comes from, and any
other that quotes the same sentences) is "held" by the form: left out of assignments that
use check-ups, and marked as practise on the form's sentences when a learner has checked it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from .checks import CheckedExercise, Reporter, block_quotes, check_answers, find_once
from .diagnostics import Diagnostic, Position, did_you_mean
from .loader import LoadedCheckUp
from .model import (
    CHECK_UP_FORMS,
    Answer,
    CheckUpExcerpt,
    CheckUpInvented,
    SpotExercise,
)
from .segment import Unit, by_paragraph, segment
from .text import normalize
from .yaml_reader import Loc

Cell = tuple[int, bool]
"""A level, and whether the items in it are claims to flag."""


@dataclass(frozen=True)
class CheckUpPart:
    """One passage of a form, its units numbered as the form numbers them."""

    passage: str
    units: list[Unit]  # `start`/`end` index `passage`; numbers run on across the form
    answers: list[tuple[int, Answer]]  # by unit number, in passage order
    level: int
    exercise: CheckedExercise | None = None  # an excerpt's exercise
    about: str | None = None  # an invented passage's one-line description
    span: tuple[int, int] | None = None  # an excerpt's place in its article's reading text

    @property
    def block_quotes(self) -> frozenset[int]:
        """An excerpt's paragraphs that its article sets off as block quotes."""
        if self.exercise is None:
            return frozenset()
        return block_quotes(self.passage, self.exercise.article.quoted)

    @property
    def paragraphs(self) -> list[list[Unit]]:
        """The units grouped by the paragraph they belong to."""
        return by_paragraph(self.units)


@dataclass(frozen=True)
class Item:
    """A unit that counts: a claim to flag (target) or a sentence fine to leave."""

    unit: int
    answer: Answer
    level: int

    @property
    def target(self) -> bool:
        return self.answer.verdict.is_target


@dataclass(frozen=True)
class CheckedForm:
    source: LoadedCheckUp
    parts: list[CheckUpPart]
    held: list[str]  # the exercises sharing words with an excerpt, in the site's order

    @property
    def name(self) -> str:
        return self.source.model.form

    @property
    def items(self) -> list[Item]:
        return [
            Item(unit, answer, part.level)
            for part in self.parts
            for unit, answer in part.answers
            if answer.verdict.is_scored
        ]

    @property
    def balance(self) -> Counter[Cell]:
        return Counter((item.level, item.target) for item in self.items)


def check_form(
    loaded: LoadedCheckUp, exercises: Mapping[str, CheckedExercise]
) -> CheckedForm | list[Diagnostic]:
    report = Reporter(loaded)
    parts: list[CheckUpPart] = []
    number = 0
    for index, passage in enumerate(loaded.model.passages):
        base: Loc = ("passages", index)
        if isinstance(passage, CheckUpExcerpt):
            part = _excerpt(report, base, passage, exercises)
        else:
            part = _invented(report, base, passage)
        if part is None:
            continue
        renumbered = {u.number: number + i for i, u in enumerate(part.units, start=1)}
        parts.append(
            replace(
                part,
                units=[replace(u, number=renumbered[u.number]) for u in part.units],
                answers=[(renumbered[n], a) for n, a in part.answers],
            )
        )
        number += len(part.units)
    if report.diagnostics:
        return report.diagnostics
    form = CheckedForm(loaded, parts, _sharing(parts, exercises.values()))
    if not any(item.target for item in form.items) or all(item.target for item in form.items):
        report.error(
            ("passages",),
            "a check-up needs both claims to flag and sentences that are fine to leave",
            "without both, flagging everything (or nothing) would look like discernment",
        )
        return report.diagnostics
    return form


def _place(exercise: CheckedExercise) -> tuple[str, int, int]:
    """Where an exercise's passage lies in its article's reading text."""
    start = exercise.article.text.find(exercise.passage)
    return exercise.article.id, start, start + len(exercise.passage)


def _sharing(parts: list[CheckUpPart], exercises: Iterable[CheckedExercise]) -> list[str]:
    """The exercises whose passages overlap an excerpt of the form."""
    held = []
    for exercise in exercises:
        article, start, end = _place(exercise)
        spans = [p.span for p in parts if p.exercise and p.exercise.article.id == article]
        if any(span and start < span[1] and span[0] < end for span in spans):
            held.append(exercise.model.id)
    return held


def _excerpt(
    report: Reporter,
    base: Loc,
    passage: CheckUpExcerpt,
    exercises: Mapping[str, CheckedExercise],
) -> CheckUpPart | None:
    exercise = exercises.get(passage.exercise)
    if exercise is None:
        report.error(
            (*base, "exercise"),
            f"no exercise with the id '{passage.exercise}'",
            did_you_mean(passage.exercise, exercises),
        )
        return None
    if not isinstance(exercise.model, SpotExercise):
        report.error(
            (*base, "exercise"),
            f"'{passage.exercise}' is a compare exercise",
            "a check-up excerpts spot exercises, whose every sentence has an answer",
        )
        return None
    span = find_once(
        report, (*base, "passage"), passage.passage, exercise.passage, "exercise's passage"
    )
    if span is None:
        return None
    start, end = span
    if start not in {u.start for u in exercise.units} or end not in {u.end for u in exercise.units}:
        report.error(
            (*base, "passage"),
            "the excerpt starts or ends inside a sentence of the exercise",
            "copy whole sentences (or whole numbered parts) from the exercise's passage",
        )
        return None
    inside = [u for u in exercise.units if start <= u.start and u.end <= end]
    first = inside[0].paragraph  # paragraphs numbered from the excerpt's first
    units = [
        replace(u, start=u.start - start, end=u.end - start, paragraph=u.paragraph - first)
        for u in inside
    ]
    numbers = {u.number for u in units}
    answers = [(n, a) for n, a in exercise.answers_by_unit if n in numbers]
    _, at, _ = _place(exercise)
    return CheckUpPart(
        exercise.passage[start:end],
        units,
        answers,
        exercise.model.level,
        exercise=exercise,
        span=(at + start, at + end),
    )


def _invented(report: Reporter, base: Loc, passage: CheckUpInvented) -> CheckUpPart | None:
    text = normalize(passage.passage)
    split_at = []
    for index, words in enumerate(passage.splits):
        span = find_once(report, (*base, "splits", index), words, text, "passage")
        if span:
            split_at.append(span[0])
    units = segment(text, split_at)
    before = len(report.diagnostics)
    answer_units = check_answers(report, base, passage.answers, text, units, None)
    if len(report.diagnostics) > before:
        return None
    answers = sorted(zip(answer_units, passage.answers, strict=True), key=lambda pair: pair[0])
    return CheckUpPart(text, units, answers, passage.level, about=passage.about)


BALANCE_HINT = (
    "forms A and B need the same number of claims to flag and of sentences fine to leave at "
    "each level, so that a change from before to after is the learner's, not the form's"
)


def check_forms(forms: Iterable[CheckedForm]) -> list[Diagnostic]:
    """Rules across the forms: each named once, both present, no exercise in both, balanced."""
    problems: list[Diagnostic] = []
    by_name: dict[str, CheckedForm] = {}
    for form in forms:
        other = by_name.setdefault(form.name, form)
        if other is not form:
            problems.append(
                Diagnostic(
                    form.source.path,
                    form.source.locator.value(("form",)),
                    f"another file is form {form.name}: {other.source.path}",
                    "give each form its own letter",
                )
            )
    if not by_name:
        return problems
    for name in CHECK_UP_FORMS:
        if name not in by_name:
            present = next(iter(by_name.values()))
            problems.append(
                Diagnostic(
                    present.source.path,
                    Position(),
                    f"there is no check-up form {name}",
                    "a student takes one form before and the other after: add "
                    f"exercises/check-ups/form-{name.lower()}.yaml",
                )
            )
    if problems:
        return problems
    first, second = (by_name[name] for name in CHECK_UP_FORMS)
    shared = set(first.held) & set(second.held)
    for exercise in sorted(shared):
        problems.append(
            Diagnostic(
                second.source.path,
                Position(),
                f"the exercise '{exercise}' holds sentences of both forms",
                "take each form's excerpts from passages no exercise shares with the other "
                "form's, so that the form taken after is not practised before it is taken",
            )
        )
    cells = sorted(set(first.balance) | set(second.balance))
    for level, target in cells:
        a, b = first.balance[(level, target)], second.balance[(level, target)]
        if a != b:
            what = "claims to flag" if target else "sentences fine to leave"
            problems.append(
                Diagnostic(
                    second.source.path,
                    second.source.locator.value(("passages",)),
                    f"the forms are not balanced: at level {level}, form {first.name} has {a} "
                    f"{what} and form {second.name} has {b}",
                    BALANCE_HINT,
                )
            )
    return problems
