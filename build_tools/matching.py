"""Verbatim matching of quoted text, and the hint that shows where a misquote goes wrong."""

from __future__ import annotations

from dataclasses import dataclass

_QUOTE_VARIANTS = set("\"'“”‘’`")
_CONTEXT = 30


@dataclass(frozen=True)
class Mismatch:
    """Where a quote stops matching its closest place in the text, and how to show it."""

    offset: int  # index in the quote of the first character that differs
    hint: str
    words: str = ""  # "the article has 'threat', this file has 'menace'", when both have one


def occurrences(needle: str, haystack: str, limit: int | None = None) -> list[int]:
    """Where `needle` starts in `haystack`, overlaps included; the first `limit` of them."""
    found: list[int] = []
    start = haystack.find(needle)
    while start != -1 and (limit is None or len(found) < limit):
        found.append(start)
        start = haystack.find(needle, start + 1)
    return found


def word_at(text: str, at: int) -> str:
    """The whole word (run of non-space characters) around position `at`."""
    if not 0 <= at < len(text) or text[at].isspace():
        return ""
    begin, end = at, at
    while begin > 0 and not text[begin - 1].isspace():
        begin -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[begin:end]


def _excerpt(text: str, at: int) -> str:
    begin, end = max(0, at - _CONTEXT), min(len(text), at + _CONTEXT)
    prefix = "…" if begin > 0 else ""
    suffix = "…" if end < len(text) else ""
    return f"«{prefix}{text[begin:end]}{suffix}»".replace("\n\n", " ¶ ")


def _longest_prefix_found(needle: str, haystack: str) -> int:
    """The length of the longest start of `needle` that occurs in `haystack`."""
    low, high = 0, len(needle)
    while low < high:
        middle = (low + high + 1) // 2
        if needle[:middle] in haystack:
            low = middle
        else:
            high = middle - 1
    return low


_HEAD = 200
_STARTS = 16
"""A quote whose first characters do not occur in the text is aligned on a shared run
that begins within its first `_HEAD` characters, at one of its first `_STARTS` words:
the first difference lies there, and the bounds keep the search linear in the length
of the text."""


def _longest_shared_run(needle: str, haystack: str) -> tuple[int, int, int]:
    """(place in haystack, place in needle, length) of the longest run of the start of
    `needle`, beginning at a word or the space before one, that occurs in `haystack`."""
    head = needle[:_HEAD]
    starts = [
        begin
        for begin in range(len(head))
        if begin == 0 or head[begin].isspace() or head[begin - 1].isspace()
    ][:_STARTS]
    best = (0, 0, 0)
    for begin in starts:
        length = _longest_prefix_found(needle[begin : begin + _HEAD], haystack)
        if length > best[2]:
            best = (haystack.find(needle[begin : begin + length]), begin, length)
    return best


def _aligned_start(needle: str, haystack: str) -> int | None:
    """Where `needle` would start in `haystack`: after its longest shared start, or else on
    its longest shared run; None when nothing in the haystack resembles it."""
    prefix = _longest_prefix_found(needle, haystack)
    if prefix >= min(12, max(1, len(needle) // 2)):
        return haystack.find(needle[:prefix])
    at, begin, size = _longest_shared_run(needle, haystack)
    if size < min(12, max(1, len(needle) // 2)):
        return None
    # The difference is near the start: begin where the shared start occurs just before the
    # shared run, so that a word added or dropped there does not shift the alignment.
    nearby = haystack.rfind(needle[:prefix], max(0, at - begin - 50), at + 1)
    return nearby if prefix and nearby != -1 else at - begin


def _side_by_side(
    haystack: str, at: int, haystack_name: str, needle: str, index: int, needle_name: str
) -> list[str]:
    """The two texts around where they part, one above the other, labels aligned."""
    theirs_label, ours_label = f"the {haystack_name} reads:", f"{needle_name} reads:"
    width = max(len(theirs_label), len(ours_label))
    return [
        f"{theirs_label:<{width}} {_excerpt(haystack, at)}",
        f"{ours_label:<{width}} {_excerpt(needle, index)}",
    ]


_SHARED = 12
"""Characters a quote and the text must share before their alignment is trusted."""


def _first_word_differs(
    needle: str, haystack: str, haystack_name: str, needle_name: str
) -> Mismatch | None:
    """A quote whose first word is added or changed, the rest copied exactly."""
    if _longest_prefix_found(needle, haystack) >= _SHARED:
        return None
    first = needle.split(maxsplit=1)
    if len(first) < 2:
        return None
    rest = needle[needle.index(first[1]) :]
    if _longest_prefix_found(rest, haystack) < min(_SHARED, len(rest)):
        return None
    at = haystack.find(rest[: min(_SHARED, len(rest))])
    before = haystack[:at].rstrip()
    boundary = not before or before[-1] in '.!?:"”’' or "\n" in haystack[len(before) : at]
    lines = _side_by_side(haystack, at, haystack_name, needle, 0, needle_name)
    if boundary:
        words = f"{needle_name} adds '{first[0]}' before '{word_at(haystack, at)}'"
    else:
        theirs = word_at(haystack, len(before) - 1)
        previous = haystack[: len(before) - len(theirs)].rstrip()
        if previous.endswith(first[0]):  # "a State" for "a US State": a word left out
            words = f"{needle_name} leaves out '{theirs}' after '{first[0]}'"
            return Mismatch(len(first[0]) + 1, "\n".join(lines), words)
        words = f"the {haystack_name} has '{theirs}', {needle_name} has '{first[0]}'"
    return Mismatch(0, "\n".join(lines), words)


def closest_mismatch(
    needle: str, haystack: str, haystack_name: str, needle_name: str = "this file"
) -> Mismatch:
    """Align `needle` with its closest place in `haystack`; report the first difference,
    naming the word that differs."""
    first_word = _first_word_differs(needle, haystack, haystack_name, needle_name)
    if first_word is not None:
        return first_word
    start = _aligned_start(needle, haystack)
    if start is None:
        return Mismatch(
            0,
            f"no part of the {haystack_name} resembles this text; copy it from the "
            f"{haystack_name} exactly",
        )
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
    lines = _side_by_side(
        haystack, max(0, start + index), haystack_name, needle, index, needle_name
    )
    if ours in _QUOTE_VARIANTS and theirs in _QUOTE_VARIANTS:
        lines.append(f"the {haystack_name} uses {theirs} here, not {ours}")
    elif start + index >= len(haystack) or start + index < 0:
        lines.append(f"this text runs past the end of the {haystack_name}")
    word_start = index
    while word_start > 0 and not needle[word_start - 1].isspace():
        word_start -= 1  # name, and point at, the whole word that differs
    ours_word = word_at(needle, word_start)
    theirs_word = word_at(haystack, start + word_start)
    if ours_word and theirs_word and ours_word != theirs_word:
        words = f"the {haystack_name} has '{theirs_word}', {needle_name} has '{ours_word}'"
        return Mismatch(word_start, "\n".join(lines), words)
    return Mismatch(index, "\n".join(lines))
