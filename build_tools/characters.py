"""Characters a content file may not hold: the invisible ones that can hide or reorder text.

Control characters (other than line ends and tabs), direction overrides and isolates,
zero-width characters and line or paragraph separators show nothing, or something other
than what is written, in an editor, a review and a browser. A C1 control character such as
U+0085 is even a line break to YAML. Each one is reported where it stands, so the author
can delete it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

_DIRECTION = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_ZERO_WIDTH = set("\u200b\u200c\u200d\u2060\ufeff")
_REFUSED_CATEGORIES = {"Cc", "Cf", "Zl", "Zp", "Cs"}
_ALLOWED = set("\t\n")
MAX_REPORTED = 5


@dataclass(frozen=True)
class Invisible:
    line: int
    column: int
    char: str

    @property
    def kind(self) -> str:
        if self.char in _DIRECTION:
            return "a direction-changing character"
        if self.char in _ZERO_WIDTH:
            return "a zero-width character"
        if unicodedata.category(self.char) in ("Zl", "Zp"):
            return "a line separator"
        return "an invisible control character"

    @property
    def name(self) -> str:
        code = f"U+{ord(self.char):04X}"
        name = unicodedata.name(self.char, "")
        return f"{code} {name}" if name else code


def is_refused(char: str) -> bool:
    return char not in _ALLOWED and unicodedata.category(char) in _REFUSED_CATEGORIES


def first_refused(text: str) -> str | None:
    """The first refused character of `text`, or None; C-speed when there is none."""
    if text.replace("\n", " ").replace("\t", " ").isprintable():
        return None
    return next((char for char in text if is_refused(char)), None)


def invisible_characters(text: str) -> list[Invisible]:
    """Each refused character of `text` with its line and column (both from 1)."""
    found: list[Invisible] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if line.isprintable():  # the fast path: no "Other" or "Separator" character but space
            continue
        found.extend(
            Invisible(number, column, char)
            for column, char in enumerate(line, start=1)
            if is_refused(char)
        )
    return found
