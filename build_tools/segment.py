"""Split a passage into the units a learner selects: sentences, or clauses an author asks for.

Works on normalised text (see `text.py`): paragraphs joined by a blank line, single
spaces inside. A paragraph break always ends a unit. Inside a paragraph a unit ends
after `.`, `?`, `!` or an ellipsis, any closing quotes or brackets after it, then a
space and something that can start a sentence; abbreviations such as "U.S." do not
end one. Authors add a boundary inside a sentence with `splits`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from .text import PARAGRAPH_BREAK

_SENTENCE_END = re.compile(
    r"""(?:[.?!]+|…)          # terminal punctuation or an ellipsis
        [\"'”’)\]]*           # closing quotes or brackets
        (?=\s+[\"'“‘(\[]*[A-Z0-9])  # a space, then the start of a sentence
    """,
    re.VERBOSE,
)
_ABBREVIATION = re.compile(
    r"(?:^|[\s\"“(])(?:(?:[A-Z]\.)+|(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|No|vs|e\.g|i\.e)\.)$"
)


@dataclass(frozen=True)
class Unit:
    """A selectable piece of a passage; `start`/`end` index the normalised passage."""

    number: int
    paragraph: int
    start: int
    end: int
    text: str


_ABBREVIATION_REACH = 40
"""Characters before a full stop that are searched for an abbreviation; a bounded window
keeps splitting linear in the length of the passage."""


def _sentence_ends(paragraph: str) -> Iterable[int]:
    for match in _SENTENCE_END.finditer(paragraph):
        end = match.start() + 1
        if _ABBREVIATION.search(paragraph, max(0, end - _ABBREVIATION_REACH), end):
            continue
        yield match.end()


def segment(passage: str, split_at: Iterable[int] = ()) -> list[Unit]:
    """Units of a normalised passage; `split_at` adds boundaries at these offsets."""
    extra = set(split_at)
    units: list[Unit] = []
    offset = 0
    for paragraph_index, paragraph in enumerate(passage.split(PARAGRAPH_BREAK)):
        cuts = {0, len(paragraph)}
        cuts.update(_sentence_ends(paragraph))
        cuts.update(o - offset for o in extra if offset < o < offset + len(paragraph))
        for begin, end in pairwise(sorted(cuts)):
            raw = paragraph[begin:end]
            stripped = raw.strip()
            if not stripped:
                continue
            start = offset + begin + (len(raw) - len(raw.lstrip()))
            units.append(
                Unit(len(units) + 1, paragraph_index, start, start + len(stripped), stripped)
            )
        offset += len(paragraph) + len(PARAGRAPH_BREAK)
    return units


def units_touching(units: list[Unit], start: int, end: int) -> list[Unit]:
    """The units that the span [start, end) of the passage touches."""
    return [u for u in units if u.start < end and start < u.end]


def by_paragraph(units: Iterable[Unit]) -> list[list[Unit]]:
    """Units grouped by the paragraph they belong to, in passage order."""
    grouped: dict[int, list[Unit]] = {}
    for unit in units:
        grouped.setdefault(unit.paragraph, []).append(unit)
    return [grouped[key] for key in sorted(grouped)]
