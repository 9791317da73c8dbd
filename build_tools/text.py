"""Whitespace normalisation shared by every comparison of quoted text.

Authors wrap long passages over several lines in YAML; the article keeps its own line
breaks. Two texts are "the same words" when they match after each paragraph's runs of
whitespace become one space. Paragraph breaks (blank lines) stay significant.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")

PARAGRAPH_BREAK = "\n\n"
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")


def paragraphs(text: str) -> list[str]:
    """Split on blank lines and collapse the whitespace inside each paragraph."""
    parts = _BLANK_LINE.split(text.strip())
    return [" ".join(part.split()) for part in parts if part.strip()]


def normalize(text: str) -> str:
    return PARAGRAPH_BREAK.join(paragraphs(text))


def normalize_mapped(chars: Sequence[tuple[str, T]]) -> tuple[str, list[T]]:
    """`normalize` for text whose every character carries a tag (e.g. its source position).

    Returns the normalised text and, for each of its characters, the tag of the source
    character it came from (a collapsed run takes the tag of its first character).
    """
    out: list[str] = []
    tags: list[T] = []
    pending_space: T | None = None
    newlines = 0
    for char, tag in chars:
        if char == "\n":
            newlines += 1
            if pending_space is None:
                pending_space = tag
            continue
        if char.isspace():
            if pending_space is None:
                pending_space = tag
            continue
        if pending_space is not None and out:
            separator = PARAGRAPH_BREAK if newlines >= 2 else " "
            out.extend(separator)
            tags.extend([pending_space] * len(separator))
        pending_space = None
        newlines = 0
        out.append(char)
        tags.append(tag)
    return "".join(out), tags
