"""Independent review of the answer key: a blind packet for a second annotator, and the
agreement between their key and ours.

The packet shows each exercise's passage split into numbered units (and, for compare
exercises, the claim and the source words) without any answer. The annotator returns a
YAML key:

    exercises:
      <exercise id>:
        units:                 # spot: units not listed are plain context
          2: {verdict: unsupported, why: [no-source]}
          3: {verdict: attributed}
        verdict: goes-beyond   # compare

Agreement is reported on the decision the exercises score, "flag this unit or not"
(unsupported and overreach are flagged), as raw agreement and Cohen's kappa, and on
the verdict itself for compare exercises; every unit where the two keys differ is listed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .catalogue import Catalogue
from .checks import CheckedExercise
from .model import STANDARD_PAGE, CompareExercise, CompareVerdict, SpotExercise, Verdict

TARGETS = {v.value for v in Verdict if v.is_target}


def packet(catalogue: Catalogue) -> str:
    """The blind packet, as Markdown."""
    lines = [
        "# Blind review packet",
        "",
        "For each spot exercise, give every unit a verdict from the site's page \"How we",
        f'judge claims" (docs/{STANDARD_PAGE}): '
        + ", ".join(verdict.value for verdict in Verdict)
        + ";",
        "and, for unsupported or overreach, one or two why-labels. For each compare",
        "exercise, give one verdict: "
        + ", ".join(verdict.value for verdict in CompareVerdict)
        + ".",
        "",
    ]
    for article in catalogue.articles_in_order():
        lines += [f"## Article: {article.meta.title} ({article.id})", ""]
        for exercise in catalogue.exercises_of(article.id):
            model = exercise.model
            lines += [f"### {model.id} ({model.kind}): {model.title}", ""]
            lines += [f"[{unit.number}] {unit.text}" for unit in exercise.units]
            if isinstance(model, CompareExercise):
                lines += [
                    "",
                    f"Source: {model.source_name}",
                    f"The article's claim: {model.claim}",
                    f"The source's words as quoted: {model.source}",
                ]
            lines.append("")
    return "\n".join(lines)


@dataclass
class Agreement:
    units: int = 0
    agreed: int = 0
    ours_flagged: int = 0
    theirs_flagged: int = 0
    compares: int = 0
    compares_agreed: int = 0
    same_verdict: int = 0
    ours_verdicts: Counter[str] = field(default_factory=Counter)
    theirs_verdicts: Counter[str] = field(default_factory=Counter)
    differences: list[str] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.agreed / self.units if self.units else 1.0

    @property
    def kappa(self) -> float:
        if not self.units:
            return 1.0
        ours, theirs = self.ours_flagged / self.units, self.theirs_flagged / self.units
        expected = ours * theirs + (1 - ours) * (1 - theirs)
        return 1.0 if expected == 1 else (self.share - expected) / (1 - expected)


def _our_verdicts(exercise: CheckedExercise) -> dict[int, str]:
    assert isinstance(exercise.model, SpotExercise)
    return {
        unit: answer.verdict.value
        for unit, answer in zip(exercise.answer_units, exercise.model.answers, strict=True)
    }


def agreement(catalogue: Catalogue, key: dict[str, Any]) -> Agreement:
    result = Agreement()
    theirs_all = key.get("exercises", {})
    for exercise in catalogue.exercises:
        model, theirs = exercise.model, theirs_all.get(exercise.model.id)
        if theirs is None:
            result.differences.append(f"{model.id}: not in the independent key")
            continue
        if isinstance(model, CompareExercise):
            result.compares += 1
            if theirs.get("verdict") == model.verdict.value:
                result.compares_agreed += 1
            else:
                result.differences.append(
                    f"{model.id}: ours {model.verdict.value}, theirs {theirs.get('verdict')}"
                )
            continue
        ours = _our_verdicts(exercise)
        their_units = {
            int(n): v.get("verdict", "context") for n, v in theirs.get("units", {}).items()
        }
        for unit in exercise.units:
            mine, other = ours.get(unit.number, "context"), their_units.get(unit.number, "context")
            flagged = (mine in TARGETS, other in TARGETS)
            result.units += 1
            result.ours_verdicts[mine] += 1
            result.theirs_verdicts[other] += 1
            result.same_verdict += mine == other
            result.ours_flagged += flagged[0]
            result.theirs_flagged += flagged[1]
            if flagged[0] == flagged[1]:
                result.agreed += 1
            if mine != other:
                marker = "FLAG " if flagged[0] != flagged[1] else "label"
                result.differences.append(
                    f"{marker} {model.id} [{unit.number}] ours {mine}, theirs {other}: "
                    f"{unit.text[:90]}"
                )
    return result


def format_agreement(result: Agreement, differences: Iterable[str] | None = None) -> str:
    lines = [
        f"spot units: {result.units}; flagged by us {result.ours_flagged}, "
        f"by the reviewer {result.theirs_flagged}",
        f"agreement on flag / don't flag: {result.agreed} of {result.units} "
        f"({result.share:.0%}), Cohen's kappa {result.kappa:.2f}",
        f"same verdict: {result.same_verdict} of {result.units} units",
        "verdicts given (ours / the reviewer's): "
        + ", ".join(
            f"{name} {result.ours_verdicts[name]}/{result.theirs_verdicts[name]}"
            for name in sorted(set(result.ours_verdicts) | set(result.theirs_verdicts))
        ),
        f"compare verdicts agreed: {result.compares_agreed} of {result.compares}",
        "differences (FLAG = the scored decision differs; label = only the verdict differs):",
    ]
    lines += [f"  {line}" for line in (differences or result.differences)]
    return "\n".join(lines)
