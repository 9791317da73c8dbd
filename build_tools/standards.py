"""Which learning standards an exercise addresses, derived from what it asks of a learner.

One rule table, so that the exercise pages and the teachers' table cannot disagree. The
wording of each standard is quoted from the published standard.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import CompareExercise, ExerciseBase, Why


@dataclass(frozen=True)
class Standard:
    code: str
    framework: str
    text: str


RI_6_8 = Standard(
    "RI.6.8",
    "Common Core State Standards, Reading: Informational Text",
    "Trace and evaluate the argument and specific claims in a text, distinguishing claims "
    "that are supported by reasons and evidence from claims that are not.",
)
RI_8_8 = Standard(
    "RI.8.8",
    "Common Core State Standards, Reading: Informational Text",
    "Delineate and evaluate the argument and specific claims in a text, assessing whether "
    "the reasoning is sound and the evidence is relevant and sufficient; recognize when "
    "irrelevant evidence is introduced.",
)
RI_9_10_8 = Standard(
    "RI.9-10.8",
    "Common Core State Standards, Reading: Informational Text",
    "Delineate and evaluate the argument and specific claims in a text, assessing whether "
    "the reasoning is valid and the evidence is relevant and sufficient; identify false "
    "statements and fallacious reasoning.",
)
RH_11_12_8 = Standard(
    "RH.11-12.8",
    "Common Core State Standards, Literacy in History/Social Studies",
    "Evaluate an author's premises, claims, and evidence by corroborating or challenging "
    "them with other information.",
)
C3_D3_1 = Standard(
    "D3.1.9-12",
    "C3 Framework for Social Studies State Standards",
    "Gather relevant information from multiple sources representing a wide range of views "
    "while using the origin, authority, structure, context, and corroborative value of the "
    "sources to guide the selection.",
)
ISTE_3B = Standard(
    "ISTE 3b",
    "ISTE Standards for Students, Knowledge Constructor",
    "Students evaluate the accuracy, perspective, credibility and relevance of information, "
    "media, data or other resources.",
)
ALL = (RI_6_8, RI_8_8, RI_9_10_8, RH_11_12_8, C3_D3_1, ISTE_3B)

# Techniques whose detection is judging reasoning, not only spotting a missing source.
_REASONING = {Why.BEYOND_SOURCE, Why.CAUSE_LEAP, Why.INSINUATION, Why.HEADLINE_OVERCLAIM}


def standards_for(exercise: ExerciseBase) -> list[Standard]:
    """The standards an exercise practises, in the order of `ALL`.

    Every exercise sorts supported claims from unsupported ones (RI.6.8) and weighs the
    credibility of information (ISTE 3b). Practice and challenge levels evaluate whether
    evidence is relevant and sufficient (RI.8.8); judging reasoning at challenge level, or
    the techniques that are faults of reasoning, is RI.9-10.8. Setting a claim against the
    source it cites is corroborating with other information (RH.11-12.8) and weighing a
    source's authority and corroborative value (C3 D3.1.9-12), as is questioning authority.
    """
    chosen = {RI_6_8, ISTE_3B}
    skills = set(exercise.skills)
    compares = isinstance(exercise, CompareExercise)
    if exercise.level >= 2 or compares:
        chosen.add(RI_8_8)
    if exercise.level == 3 or skills & _REASONING:
        chosen.add(RI_9_10_8)
    if compares:
        chosen.add(RH_11_12_8)
    if compares or Why.WEAK_AUTHORITY in skills:
        chosen.add(C3_D3_1)
    return [standard for standard in ALL if standard in chosen]
