"""Rules that need more than one file: a passage verbatim in its article, quotes inside the
passage and inside one unit, answers that make a fair exercise, ids unique across files.

`check_exercise` turns a loaded exercise into a `CheckedExercise` (passage, units, where
each quote falls): the one place this is computed, handed on to rendering.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .diagnostics import Diagnostic, Position, did_you_mean
from .loader import Article, LoadedCheckUp, LoadedExercise
from .matching import closest_mismatch, occurrences
from .model import (
    EXPLANATION_MAX_WORDS,
    SOURCE_GAP,
    STANDARD_PAGE,
    Answer,
    CompareExercise,
    ExerciseBase,
    SpotExercise,
    Why,
)
from .segment import Unit, by_paragraph, segment, units_touching
from .text import PARAGRAPH_BREAK, normalize
from .yaml_reader import Loc

Span = tuple[int, int]


@dataclass(frozen=True)
class CheckedExercise:
    source: LoadedExercise
    article: Article
    passage: str
    units: list[Unit]
    answer_units: list[int] = field(default_factory=list)  # spot: the unit of each answer
    claim: Span | None = None  # compare: spans in the passage
    quoted: list[Span] = field(default_factory=list)  # each piece of the source quote
    differences: list[tuple[Span, Span]] = field(default_factory=list)

    @property
    def model(self) -> ExerciseBase:
        return self.source.model

    @property
    def block_quotes(self) -> frozenset[int]:
        """The passage's paragraphs (numbered as units number them) that the article sets
        off as block quotes."""
        return block_quotes(self.passage, self.article.quoted)

    @property
    def paragraphs(self) -> list[list[Unit]]:
        """The units grouped by the paragraph they belong to."""
        return by_paragraph(self.units)

    @property
    def answers_by_unit(self) -> list[tuple[int, Answer]]:
        """Spot exercises: each answer with its unit number, in passage order."""
        if not isinstance(self.model, SpotExercise):
            return []
        pairs = zip(self.answer_units, self.model.answers, strict=True)
        return sorted(pairs, key=lambda pair: pair[0])


def block_quotes(passage: str, quoted: frozenset[str]) -> frozenset[int]:
    """Which paragraphs of `passage` lie inside a paragraph the article quotes."""
    return frozenset(
        index
        for index, paragraph in enumerate(passage.split(PARAGRAPH_BREAK))
        if any(paragraph in whole for whole in quoted)
    )


DETAILED_MISQUOTES = 5
"""Misquotes in one file shown with where they part from the text."""


class Reporter:
    """Collects diagnostics for one exercise file, pointing inside scalars when it can."""

    def __init__(self, exercise: LoadedExercise | LoadedCheckUp):
        self.exercise = exercise
        self.diagnostics: list[Diagnostic] = []
        self._normalized: dict[Loc, str] = {}
        self.misquotes = 0
        self._flattened: dict[str, str] = {}

    def flattened(self, text: str) -> str:
        """`text` with its paragraph breaks made spaces, made once however often it is asked."""
        if text not in self._flattened:
            self._flattened[text] = text.replace(PARAGRAPH_BREAK, " ")
        return self._flattened[text]

    def error(
        self, loc: Loc, message: str, hint: str | None = None, offset: int | None = None
    ) -> None:
        self.diagnostics.append(
            Diagnostic(self.exercise.path, self._position(loc, offset), message, hint)
        )

    def _position(self, loc: Loc, offset: int | None) -> Position:
        locator = self.exercise.locator
        value = _value_at(self.exercise.model, loc)
        if offset is not None and value is not None:
            if loc not in self._normalized:  # one passage may be pointed into thousands of times
                self._normalized[loc] = normalize(value)
            inside = locator.scalar_position(loc, offset, self._normalized[loc])
            if inside is not None:
                return inside
        return locator.value(loc)


def _value_at(model: object, loc: Loc) -> str | None:
    current: object = model
    for part in loc:
        current = current[part] if isinstance(part, int) else getattr(current, part, None)  # type: ignore[index]
    return current if isinstance(current, str) else None


def find_once(
    report: Reporter, loc: Loc, needle: str, haystack: str, name: str, base: int = 0
) -> Span | None:
    """Locate `needle` (normalised) exactly once in `haystack`; report why not otherwise."""
    quote = normalize(needle)
    found = occurrences(quote, haystack, limit=2)
    if len(found) == 1:
        return base + found[0], base + found[0] + len(quote)
    if found:
        report.error(
            loc,
            f"these words occur {max(2, haystack.count(quote))} times in the {name}",
            "quote more of the sentence so that the words point to one place",
        )
        return None
    flattened = report.flattened(haystack)
    if quote in flattened:
        report.error(
            loc,
            f"the words run across two paragraphs of the {name}",
            "quote words from one paragraph only",
        )
        return None
    report.misquotes += 1
    if report.misquotes > DETAILED_MISQUOTES:  # each hint searches the whole text
        report.error(
            loc,
            f"not found verbatim in the {name}",
            f"copy it from the {name} exactly (the first {DETAILED_MISQUOTES} misquotes in this "
            "file show where they differ)",
        )
        return None
    mismatch = closest_mismatch(quote, haystack, name)
    detail = f": {mismatch.words}" if mismatch.words else ""
    report.error(loc, f"not found verbatim in the {name}{detail}", mismatch.hint, mismatch.offset)
    return None


def check_exercise(
    exercise: LoadedExercise, articles: Mapping[str, Article]
) -> CheckedExercise | list[Diagnostic]:
    report = Reporter(exercise)
    model = exercise.model
    article = articles.get(model.article)
    if article is None:
        report.error(
            ("article",),
            f"no article with the id '{model.article}'",
            did_you_mean(model.article, articles)
            + "\n(an article's id is the name of its folder under exercises/)",
        )
        return report.diagnostics
    passage = normalize(model.passage)
    if find_once(report, ("passage",), model.passage, article.text, "article") is None:
        return report.diagnostics

    split_at = []
    for index, words in enumerate(model.splits):
        span = find_once(report, ("splits", index), words, passage, "passage")
        if span:
            split_at.append(span[0])
    if split_at:
        sentence_starts = {unit.start for unit in segment(passage)}
        for index, offset in enumerate(split_at):
            if offset in sentence_starts:
                report.error(("splits", index), "a unit already begins at these words")
    units = segment(passage, split_at)

    checked = CheckedExercise(exercise, article, passage, units)
    if isinstance(model, SpotExercise):
        checked = _check_spot(report, model, checked)
    elif isinstance(model, CompareExercise):
        checked = _check_compare(report, model, checked)
    return report.diagnostics or checked


def _check_spot(report: Reporter, model: SpotExercise, checked: CheckedExercise) -> CheckedExercise:
    answer_units = check_answers(
        report, (), model.answers, checked.passage, checked.units, model.skills
    )
    verdicts = [a.verdict for a in model.answers]
    if not any(v.is_target for v in verdicts):
        report.error(
            ("answers",),
            "a spot exercise needs at least one target to find",
            "give at least one answer the verdict 'unsupported' or 'overreach'",
        )
    if not any(v.is_scored and not v.is_target for v in verdicts):
        report.error(
            ("answers",),
            "a spot exercise needs at least one sentence that is wrong to flag",
            "without a 'supported' or 'attributed' sentence, flagging everything scores "
            "full marks: add one to the passage and explain it",
        )
    return CheckedExercise(
        checked.source, checked.article, checked.passage, checked.units, answer_units
    )


def check_answers(
    report: Reporter,
    base: Loc,
    answers: list[Answer],
    passage: str,
    units: list[Unit],
    skills: list[Why] | None,
) -> list[int]:
    """The unit of each answer (in the answers' order), each quote found in one unit, one
    answer per unit and every unit answered, targets with their techniques and evidence.
    `base` locates the passage's keys in the file; `skills`, when given, bounds `why`."""
    answer_units: list[int] = []
    claimed: dict[int, int] = {}
    quotes_found = True
    for index, answer in enumerate(answers):
        loc: Loc = (*base, "answers", index)
        span = find_once(report, (*loc, "quote"), answer.quote, passage, "passage")
        quotes_found = quotes_found and span is not None
        if span:
            touched = units_touching(units, *span)
            if len(touched) > 1:
                report.error(
                    (*loc, "quote"),
                    f"the quote runs across units {touched[0].number}–{touched[-1].number}",
                    "shorten the quote to one sentence, or answer each sentence separately",
                )
            elif touched:
                number = touched[0].number
                if number in claimed:
                    first = report.exercise.locator.value(
                        (*base, "answers", claimed[number], "quote")
                    )
                    report.error(
                        (*loc, "quote"),
                        f"unit {number} already has an answer (line {first.line})",
                        "give each unit one answer; split the sentence with 'splits' if two "
                        "parts of it deserve different verdicts",
                    )
                claimed[number] = index
                answer_units.append(number)
        _check_length(report, (*loc, "explanation"), answer.explanation)
        if answer.verdict.is_target:
            if not 1 <= len(answer.why) <= 2:
                report.error(
                    (*loc, "verdict"),
                    f"an answer with the verdict '{answer.verdict}' names one or two "
                    "techniques in 'why'",
                    "allowed: " + ", ".join(w.value for w in Why),
                )
            for index_why, why in enumerate(answer.why if skills is not None else []):
                if why not in (skills or []):
                    report.error(
                        (*loc, "why", index_why),
                        f"'{why}' is not one of this exercise's skills",
                        "learners choose 'why' from the exercise's skills: add it to 'skills' "
                        "or choose from: " + ", ".join(skills or []),
                    )
            if answer.evidence_needed is None:
                report.error(
                    (*loc, "verdict"),
                    f"an answer with the verdict '{answer.verdict}' says what evidence "
                    "would settle it",
                    "add 'evidence_needed:' with the document, witness or figures to look for",
                )
        elif answer.why:
            report.error(
                (*loc, "why"),
                f"'why' names techniques of unsupported claims; a '{answer.verdict}' unit has none",
                "remove 'why' from this answer",
            )
    # A quote not found already has its error: the sentence it meant is not unanswered.
    for unit in units if quotes_found else []:
        if unit.number not in claimed:
            report.error(
                (*base, "passage"),
                f"sentence {unit.number} has no answer: “{_shorten(unit.text)}”",
                "every sentence a learner can flag needs a verdict and an explanation; add "
                "an answer that quotes it (verdict 'background' for plain background), or "
                f"take it out of the passage (the standard: docs/{STANDARD_PAGE})",
                offset=unit.start,
            )
    return answer_units


def _check_compare(
    report: Reporter, model: CompareExercise, checked: CheckedExercise
) -> CheckedExercise:
    _check_length(report, ("explanation",), model.explanation)
    _check_source_name(report, model.source_name)
    claim = find_once(report, ("claim",), model.claim, checked.passage, "passage")
    quoted = _find_pieces(report, model.source_pieces, checked.passage)
    differences: list[tuple[Span, Span]] = []
    for index, difference in enumerate(model.differences):
        loc: Loc = ("differences", index)
        in_claim = in_source = None
        if claim:
            in_claim = find_once(
                report,
                (*loc, "claim"),
                difference.claim,
                checked.passage[claim[0] : claim[1]],
                "claim",
                base=claim[0],
            )
        if quoted:
            in_source = _find_in_one(report, (*loc, "source"), difference.source, checked, quoted)
        if in_claim and in_source:
            differences.append((in_claim, in_source))
    return CheckedExercise(
        checked.source,
        checked.article,
        checked.passage,
        checked.units,
        claim=claim,
        quoted=quoted,
        differences=differences,
    )


_OUTSIDE_QUOTES_AND_BRACKETS = re.compile(r'"[^"]*"|“[^”]*”|\([^)]*\)')


def _check_source_name(report: Reporter, name: str) -> None:
    """The page reads "What {source_name} says" and "What {source_name} says, as the
    article quotes it": a comma or an "as the article …" of its own breaks the sentence."""
    bare = _OUTSIDE_QUOTES_AND_BRACKETS.sub("", name)
    if "," in bare or "as the article" in bare:
        report.error(
            ("source_name",),
            'the page reads "What <source_name> says", and this name does not fit there',
            "write a noun phrase without commas, e.g. 'President Joe Biden on the raid "
            "(February 2022)'; the page adds 'as the article quotes it' itself",
        )


def _find_pieces(report: Reporter, pieces: list[str], passage: str) -> list[Span]:
    """Each piece of a source quote, found once in the passage, in the order given, none
    overlapping another. Empty when any is not (each problem is reported)."""
    if not any(pieces) or (len(pieces) > 1 and not all(pieces)):
        report.error(
            ("source",),
            "this quote has a […] with no words on one side of it"
            if any(pieces)
            else "this quote has no words, only […]",
            "give the source's words; […] only joins two pieces of them",
        )
        return []
    spans: list[Span] = []
    for piece in pieces:
        span = find_once(report, ("source",), piece, passage, "passage")
        if span is None:
            return []
        if spans and span[0] < spans[-1][1]:
            overlap = span[1] > spans[-1][0]
            report.error(
                ("source",),
                "two pieces of this quote, joined by […], overlap in the passage"
                if overlap
                else "the pieces of this quote, joined by […], are not in the passage's order",
                "quote each stretch of the passage once"
                if overlap
                else "give the pieces in the order the passage has them",
            )
            return []
        spans.append(span)
    return spans


def _find_in_one(
    report: Reporter, loc: Loc, needle: str, checked: CheckedExercise, spans: list[Span]
) -> Span | None:
    """`needle` inside one piece of the source quote."""
    quote = normalize(needle)
    for start, end in spans:
        if quote in checked.passage[start:end]:
            return find_once(report, loc, needle, checked.passage[start:end], "source quote", start)
    whole = SOURCE_GAP.join(checked.passage[start:end] for start, end in spans)
    if find_once(report, loc, needle, whole, "source quote"):  # else it said why not
        report.error(
            loc,
            "these words run across two pieces of the source quote",
            "quote words from one piece",
        )
    return None


def _check_length(report: Reporter, loc: Loc, explanation: str) -> None:
    words = len(explanation.split())
    if words > EXPLANATION_MAX_WORDS:
        report.error(
            loc,
            f"this explanation has {words} words; the limit is {EXPLANATION_MAX_WORDS}",
            "open with one short sentence a learner can act on, then two or three more; "
            "move outside facts into 'checking'",
        )


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def check_unique_ids(exercises: Iterable[LoadedExercise]) -> list[Diagnostic]:
    seen: dict[str, LoadedExercise] = {}
    diagnostics = []
    for exercise in sorted(exercises, key=lambda e: str(e.path)):
        first = seen.setdefault(exercise.model.id, exercise)
        if first is not exercise:
            where = first.locator.value(("id",))
            diagnostics.append(
                Diagnostic(
                    exercise.path,
                    exercise.locator.value(("id",)),
                    f"the id '{exercise.model.id}' is already used by {first.path}:{where.line}",
                    "choose another id for this file: ids are unique, because saved progress "
                    "and results files are keyed on them",
                )
            )
    return diagnostics
