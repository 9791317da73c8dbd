"""Rules over the whole answer key, not one file: the balance of verdicts, plain language,
"What checking finds" notes, and the same verdict for the same sentence everywhere.

`python -m build_tools audit` prints the figures and every broken rule; the tests assert
that the real content breaks none. Each rule is a function from a `Catalogue` to a list of
problems, so that a test can also show it failing on content made to break it.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from statistics import median

from .catalogue import Catalogue
from .checks import CheckedExercise
from .coverage import coverage
from .loader import Article
from .model import (
    EXPLANATION_MAX_WORDS,
    Answer,
    CompareExercise,
    SpotExercise,
    Verdict,
    Why,
)

DEBATABLE_MAX_SHARE = 0.10
"""`debatable` is for the genuinely borderline, not a way out of a hard call."""
SUPPORTED_MIN_SHARE = 0.05
"""Learners must meet claims the text does back, or they learn to flag everything. The aim is
8%, and a verdict is never stretched to reach a figure. Two blind annotators applying the
published standard to these two articles found 8 and 9 supported sentences of 165; after
settlement the key has 9 of 167 (5.4%). This floor keeps the share from slipping; raising it
to 8% needs passages, or articles, in which the text does back its claims."""
EXPLANATION_MEDIAN_WORDS = 55
READING_GRADE_MEDIAN = 9.0
"""Flesch–Kincaid grade: a 15-year-old reads the explanations in one go."""
STOCK_PHRASE_WORDS = 5
STOCK_PHRASE_MAX_USES = 3
"""A run of words repeated across many explanations reads like a template and is skipped."""
LEVEL_ONE_MIN_PER_ARTICLE = 3
CHECKING_MIN_SHARE = 1 / 3
"""Lateral reading shown, not only named: this share of exercises says what checking finds."""

QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|(?<![A-Za-z])'[^']*'(?![A-Za-z])|‘[^’]*’")
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")


@dataclass(frozen=True)
class Explained:
    exercise: CheckedExercise
    unit: int
    answer: Answer


def explained_units(catalogue: Catalogue) -> Iterator[Explained]:
    for exercise in catalogue.exercises:
        for unit, answer in exercise.answers_by_unit:
            yield Explained(exercise, unit, answer)


def explanations(catalogue: Catalogue) -> list[tuple[str, str]]:
    """Every explanation with where it stands: (exercise id and unit, text)."""
    found = [
        (f"{e.exercise.model.id}[{e.unit}]", e.answer.explanation)
        for e in explained_units(catalogue)
    ]
    found += [
        (e.model.id, e.model.explanation)
        for e in catalogue.exercises
        if isinstance(e.model, CompareExercise)
    ]
    return found


def reading_grade(text: str) -> float:
    """Flesch–Kincaid grade level of `text`."""
    import textstat  # imported here: only the audit needs it

    return float(textstat.flesch_kincaid_grade(text))


def verdict_shares(catalogue: Catalogue) -> tuple[int, Counter[Verdict]]:
    counts = Counter(e.answer.verdict for e in explained_units(catalogue))
    return sum(counts.values()), counts


def rule_complete_keys(catalogue: Catalogue) -> list[str]:
    problems = []
    for exercise in catalogue.exercises:
        if isinstance(exercise.model, SpotExercise):
            answered = {unit for unit, _ in exercise.answers_by_unit}
            problems += [
                f"{exercise.model.id}: sentence {unit.number} has no answer"
                for unit in exercise.units
                if unit.number not in answered
            ]
    return problems


def rule_verdict_balance(catalogue: Catalogue) -> list[str]:
    total, counts = verdict_shares(catalogue)
    if not total:
        return []
    problems = []
    debatable, supported = counts[Verdict.DEBATABLE], counts[Verdict.SUPPORTED]
    if debatable > DEBATABLE_MAX_SHARE * total:
        problems.append(
            f"'debatable' on {debatable} of {total} explained sentences; at most "
            f"{DEBATABLE_MAX_SHARE:.0%}"
        )
    if supported < SUPPORTED_MIN_SHARE * total:
        problems.append(
            f"'supported' on {supported} of {total} explained sentences; at least "
            f"{SUPPORTED_MIN_SHARE:.0%}"
        )
    return problems


def complete_articles(catalogue: Catalogue) -> list[Article]:
    """Articles whose exercise set is marked complete: the rules for a whole set apply to
    these. A new article starts 'growing', so adding one never breaks the audit."""
    return [a for a in catalogue.articles_in_order() if a.meta.exercise_set == "complete"]


def rule_level_one(catalogue: Catalogue) -> list[str]:
    problems = []
    for article in complete_articles(catalogue):
        count = sum(e.model.level == 1 for e in catalogue.exercises_of(article.id))
        if count < LEVEL_ONE_MIN_PER_ARTICLE:
            problems.append(
                f"{article.id}: {count} level-1 exercise(s); at least {LEVEL_ONE_MIN_PER_ARTICLE}"
            )
    return problems


SET_MIN_EXERCISES = 10
SET_MIN_COMPARES = 3
UNITS_PER_EXERCISE = (4, 12)
"""A spot exercise's passage, in units; a headline exercise may run longer."""


def rule_complete_set(catalogue: Catalogue) -> list[str]:
    """What an article's exercise set needs before it is marked complete."""
    problems = []
    for article in complete_articles(catalogue):
        exercises = catalogue.exercises_of(article.id)
        if len(exercises) < SET_MIN_EXERCISES:
            problems.append(
                f"{article.id}: {len(exercises)} exercises; at least {SET_MIN_EXERCISES}"
            )
        if {e.model.level for e in exercises} != {1, 2, 3}:
            problems.append(f"{article.id}: needs exercises at each level, 1, 2 and 3")
        compares = sum(isinstance(e.model, CompareExercise) for e in exercises)
        if compares < SET_MIN_COMPARES:
            problems.append(
                f"{article.id}: {compares} compare exercises; at least {SET_MIN_COMPARES}"
            )
        if not any(is_headline_exercise(e) for e in exercises):
            problems.append(f"{article.id}: no exercise on its headline")
        low, high = UNITS_PER_EXERCISE
        problems += [
            f"{e.model.id}: {len(e.units)} sentences; a spot exercise has {low} to {high}"
            for e in exercises
            if isinstance(e.model, SpotExercise)
            and not low <= len(e.units) <= high
            and not is_headline_exercise(e)
        ]
    complete = {article.id for article in complete_articles(catalogue)}
    for result in coverage(catalogue):
        if result.article.id in complete and result.unused:
            problems.append(
                f"{result.article.id}: {len(result.unused)} sentence(s) no exercise uses, "
                f"from “{result.unused[0].text[:60]}”"
            )
    return problems


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def stock_phrases(catalogue: Catalogue) -> dict[str, list[str]]:
    """Runs of words (outside quotation marks) used in more explanations than allowed."""
    where: dict[str, set[str]] = defaultdict(set)
    for place, text in explanations(catalogue):
        for stretch in QUOTED.split(text):  # quoted words are the article's, not ours
            words = _words(stretch)
            for start in range(len(words) - STOCK_PHRASE_WORDS + 1):
                where[" ".join(words[start : start + STOCK_PHRASE_WORDS])].add(place)
    return {
        phrase: sorted(places)
        for phrase, places in where.items()
        if len(places) > STOCK_PHRASE_MAX_USES
    }


def rule_plain_language(catalogue: Catalogue) -> list[str]:
    texts = explanations(catalogue)
    if not texts:
        return []
    problems = []
    lengths = [len(text.split()) for _, text in texts]
    if median(lengths) > EXPLANATION_MEDIAN_WORDS:
        problems.append(
            f"median explanation {median(lengths):g} words; at most {EXPLANATION_MEDIAN_WORDS}"
        )
    problems += [
        f"{place}: {len(text.split())} words; at most {EXPLANATION_MAX_WORDS}"
        for place, text in texts
        if len(text.split()) > EXPLANATION_MAX_WORDS
    ]
    grade = median(reading_grade(text) for _, text in texts)
    if grade > READING_GRADE_MEDIAN:
        problems.append(f"median reading grade {grade:.1f}; at most {READING_GRADE_MEDIAN:g}")
    problems += [
        f"stock phrase in {len(places)} explanations (at most {STOCK_PHRASE_MAX_USES}): "
        f"'{phrase}' ({', '.join(places[:5])}{', …' if len(places) > 5 else ''})"
        for phrase, places in sorted(stock_phrases(catalogue).items())
    ]
    return problems


def is_headline_exercise(exercise: CheckedExercise) -> bool:
    return Why.HEADLINE_OVERCLAIM in exercise.model.skills


def has_checking(exercise: CheckedExercise) -> bool:
    model = exercise.model
    if isinstance(model, CompareExercise):
        return model.checking is not None
    return any(answer.checking is not None for _, answer in exercise.answers_by_unit)


def rule_checking_notes(catalogue: Catalogue) -> list[str]:
    problems = [
        f"{e.model.id}: a {'compare' if e.model.kind == 'compare' else 'headline'} exercise "
        "without a 'What checking finds' note"
        for e in catalogue.exercises
        if (e.model.kind == "compare" or is_headline_exercise(e)) and not has_checking(e)
    ]
    with_note = sum(has_checking(e) for e in catalogue.exercises)
    if catalogue.exercises and with_note < CHECKING_MIN_SHARE * len(catalogue.exercises):
        problems.append(
            f"{with_note} of {len(catalogue.exercises)} exercises say what checking finds; "
            f"at least a third"
        )
    return problems


def _sentence_key(text: str) -> str:
    return " ".join(_words(text))


def rule_same_sentence_same_verdict(catalogue: Catalogue) -> list[str]:
    """A sentence used in two exercises is judged the same way in both."""
    verdicts: dict[str, set[tuple[Verdict, str]]] = defaultdict(set)
    for item in explained_units(catalogue):
        text = item.exercise.units[item.unit - 1].text
        verdicts[_sentence_key(text)].add((item.answer.verdict, item.exercise.model.id))
    problems = []
    for key, seen in sorted(verdicts.items()):
        if len({verdict for verdict, _ in seen}) > 1:
            listed = ", ".join(f"{ex} {verdict.value}" for verdict, ex in sorted(seen))
            problems.append(f"'{key[:70]}…' has different verdicts: {listed}")
    return problems


def published(rule: Callable[[Catalogue], list[str]]) -> Callable[[Catalogue], list[str]]:
    """A rule of the set's editorial balance and voice, held over complete articles only:
    a growing article is a draft, and adding one never breaks the audit."""

    def over_complete_articles(catalogue: Catalogue) -> list[str]:
        complete = {a.id for a in complete_articles(catalogue)}
        return rule(
            dataclasses.replace(
                catalogue,
                articles={k: a for k, a in catalogue.articles.items() if k in complete},
                exercises=[e for e in catalogue.exercises if e.article.id in complete],
            )
        )

    return over_complete_articles


RULES: dict[str, Callable[[Catalogue], list[str]]] = {
    "complete keys": rule_complete_keys,
    "verdict balance": published(rule_verdict_balance),
    "level-1 exercises": rule_level_one,
    "a whole set per complete article": rule_complete_set,
    "plain language": published(rule_plain_language),
    "what checking finds": published(rule_checking_notes),
    "same sentence, same verdict": rule_same_sentence_same_verdict,
}


def figures(catalogue: Catalogue) -> list[str]:
    total, counts = verdict_shares(catalogue)
    texts = explanations(catalogue)
    lines = [f"explained sentences: {total}"]
    lines += [
        f"  {verdict.value}: {counts[verdict]} ({counts[verdict] / total:.0%})"
        for verdict in Verdict
        if total
    ]
    compares = Counter(
        e.model.verdict.value for e in catalogue.exercises if isinstance(e.model, CompareExercise)
    )
    lines.append("compare verdicts: " + ", ".join(f"{k} {v}" for k, v in sorted(compares.items())))
    if texts:
        lengths = [len(text.split()) for _, text in texts]
        grades = [reading_grade(text) for _, text in texts]
        lines.append(
            f"explanations: {len(texts)}, median {median(lengths):g} words (longest "
            f"{max(lengths)}), median reading grade {median(grades):.1f}"
        )
    with_note = sum(has_checking(e) for e in catalogue.exercises)
    lines.append(f"exercises with 'What checking finds': {with_note} of {len(catalogue.exercises)}")
    growing = [a.id for a in catalogue.articles_in_order() if a.meta.exercise_set == "growing"]
    if growing:
        lines.append(
            "growing sets (the rules for a whole set apply once marked complete): "
            + ", ".join(growing)
        )
    return lines


def audit(catalogue: Catalogue) -> dict[str, list[str]]:
    """Every broken rule, by rule name."""
    return {name: problems for name, rule in RULES.items() if (problems := rule(catalogue))}
