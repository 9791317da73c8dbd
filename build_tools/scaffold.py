"""`python -m build_tools new`: start an exercise file from a quotation of an article.

The quotation is found in the article (exactly, after whitespace is normalised); the
passage becomes the sentences it touches plus some context around them, and the file
gets one answer to complete for the quoted sentence. The result is deliberately not yet
valid: `validate` then names each line the author still has to fill in.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

from .diagnostics import did_you_mean
from .loader import Article
from .matching import closest_mismatch, occurrences
from .model import PATTERN_HINTS, SLUG_PATTERN, reserved_id_reason
from .segment import segment, units_touching
from .text import PARAGRAPH_BREAK, normalize

_WIDTH = 92


class ScaffoldError(Exception):
    """Why no file could be made, with a hint, for the author."""

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.message, self.hint = message, hint


@dataclass(frozen=True)
class Scaffold:
    path: Path
    text: str


def slug(words: str, limit: int = 5) -> str:
    parts = re.findall(r"[a-z0-9]+", words.lower())
    return "-".join(parts[:limit]) or "exercise"


def passage_for(article: Article, quote: str, around: int) -> str:
    """The sentences the quotation touches, with `around` sentences either side."""
    text, wanted = article.text, normalize(quote)
    found = occurrences(wanted, text)
    if not found:
        mismatch = closest_mismatch(wanted, text, "article", "your quotation")
        raise ScaffoldError(f"the quotation is not in the article '{article.id}'", mismatch.hint)
    if len(found) > 1:
        excerpts = [f"«…{text[max(0, at - 40) : at + len(wanted) + 40]}…»" for at in found[:5]]
        raise ScaffoldError(
            f"the quotation occurs {len(found)} times in the article",
            "quote more words, so that it points to one place:\n" + "\n".join(excerpts),
        )
    units = segment(text)
    touched = units_touching(units, found[0], found[0] + len(wanted))
    first = max(0, touched[0].number - 1 - around)
    last = min(len(units), touched[-1].number + around)
    return text[units[first].start : units[last - 1].end]


def _block(text: str, indent: int) -> str:
    pad = " " * indent
    paragraphs = text.split(PARAGRAPH_BREAK)
    wrapped = [textwrap.fill(p, _WIDTH - indent, break_on_hyphens=False) for p in paragraphs]
    return "\n\n".join(textwrap.indent(p, pad) for p in wrapped)


_ID_LINE = re.compile(r"^id:\s*['\"]?([a-z0-9-]+)['\"]?\s*(?:#.*)?$", re.M)


def ids_in_use(root: Path) -> dict[str, Path]:
    """Every exercise id already written in a file under `root`, valid or not."""
    found: dict[str, Path] = {}
    for path in sorted(root.glob("*/*.yaml")):
        match = _ID_LINE.search(path.read_text(encoding="utf-8", errors="replace"))
        if match:
            found.setdefault(match.group(1), path)
    return found


def scaffold(
    article: Article, folder: Path, quote: str, around: int = 1, exercise_id: str | None = None
) -> Scaffold:
    passage = passage_for(article, quote, around)
    exercise_id = exercise_id or slug(quote)
    if not re.fullmatch(SLUG_PATTERN, exercise_id) or len(exercise_id) > 80:
        raise ScaffoldError(f"'{exercise_id[:80]}' cannot be an id", PATTERN_HINTS[SLUG_PATTERN])
    reserved = reserved_id_reason(exercise_id)
    if reserved:
        raise ScaffoldError(reserved, "choose another id with --id")
    taken = ids_in_use(folder.parent).get(exercise_id)
    if taken is not None:
        raise ScaffoldError(
            f"the id '{exercise_id}' is already used by {taken.as_posix()}",
            "ids are unique across the site: choose another with --id",
        )
    numbers = [int(m.group(1)) for p in folder.glob("*.yaml") if (m := re.match(r"(\d+)-", p.name))]
    path = folder / f"{max(numbers, default=0) + 1:02d}-{exercise_id}.yaml"
    quoted = normalize(quote).replace('"', '\\"')
    text = f"""# yaml-language-server: $schema=../../schema/exercise.schema.json
id: {exercise_id}
article: {article.id}
title: ""                 # a short question or phrase learners see
kind: spot
level: 1                  # 1 guided, 2 practice, 3 challenge
minutes: 5
skills: [no-source]       # the techniques this exercise practises
passage: |
{_block(passage, 2)}
answers:
  - quote: "{quoted}"
    verdict: unsupported  # unsupported, overreach, supported, attributed, background, opinion
    why: [no-source]
    explanation: ""       # what it claims, what the text offers (quote it), what is missing
    evidence_needed: ""   # what would settle it: a document, a named witness, figures
  # Add an answer for every other sentence of the passage (supported, attributed,
  # background, opinion), quoting words from inside it.
"""
    return Scaffold(path, text)


def article_or_error(articles: dict[str, Article], article_id: str) -> Article:
    if article_id not in articles:
        raise ScaffoldError(
            f"no article with the id '{article_id}'", did_you_mean(article_id, articles)
        )
    return articles[article_id]
