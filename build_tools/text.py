"""Whitespace normalisation shared by every comparison of quoted text.

Authors wrap long passages over several lines in YAML; the article keeps its own line
breaks. Two texts are "the same words" when they match after each paragraph's runs of
whitespace become one space. Paragraph breaks (blank lines) stay significant.
"""

from __future__ import annotations

import re

PARAGRAPH_BREAK = "\n\n"
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")


def paragraphs(text: str) -> list[str]:
    """Split on blank lines and collapse the whitespace inside each paragraph."""
    parts = _BLANK_LINE.split(text.strip())
    return [" ".join(part.split()) for part in parts if part.strip()]


def normalize(text: str) -> str:
    return PARAGRAPH_BREAK.join(paragraphs(text))
