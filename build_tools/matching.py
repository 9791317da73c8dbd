"""Verbatim matching of quoted text, and the hint that shows where a misquote goes wrong."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

_QUOTE_VARIANTS = set("\"'“”‘’`")
_CONTEXT = 30


@dataclass(frozen=True)
class Mismatch:
    """Where a quote stops matching its closest place in the text, and how to show it."""

    offset: int  # index in the quote of the first character that differs
    hint: str


def occurrences(needle: str, haystack: str) -> list[int]:
    found, start = [], haystack.find(needle)
    while start != -1:
        found.append(start)
        start = haystack.find(needle, start + 1)
    return found


def _excerpt(text: str, at: int) -> str:
    begin, end = max(0, at - _CONTEXT), min(len(text), at + _CONTEXT)
    prefix = "…" if begin > 0 else ""
    suffix = "…" if end < len(text) else ""
    return f"«{prefix}{text[begin:end]}{suffix}»".replace("\n\n", " ¶ ")


def closest_mismatch(
    needle: str, haystack: str, haystack_name: str, needle_name: str = "this file"
) -> Mismatch:
    """Align `needle` on its longest run shared with `haystack`; report the first difference."""
    matcher = difflib.SequenceMatcher(None, haystack, needle, autojunk=False)
    block = matcher.find_longest_match(0, len(haystack), 0, len(needle))
    if block.size < min(12, max(1, len(needle) // 2)):
        return Mismatch(
            0,
            f"no part of the {haystack_name} resembles this text; copy it from the "
            f"{haystack_name} exactly",
        )
    start = block.a - block.b
    index = 0
    while (
        index < len(needle)
        and 0 <= start + index < len(haystack)
        and needle[index] == haystack[start + index]
    ):
        index += 1
    if start + index < 0:
        index = -start
    ours = needle[index] if index < len(needle) else ""
    theirs = haystack[start + index] if 0 <= start + index < len(haystack) else ""
    theirs_label, ours_label = f"the {haystack_name} reads:", f"{needle_name} reads:"
    width = max(len(theirs_label), len(ours_label))
    lines = [
        f"{theirs_label:<{width}} {_excerpt(haystack, max(0, start + index))}",
        f"{ours_label:<{width}} {_excerpt(needle, index)}",
    ]
    if ours in _QUOTE_VARIANTS and theirs in _QUOTE_VARIANTS:
        lines.append(f"the {haystack_name} uses {theirs} here, not {ours}")
    elif start + index >= len(haystack) or start + index < 0:
        lines.append(f"this text runs past the end of the {haystack_name}")
    return Mismatch(index, "\n".join(lines))
