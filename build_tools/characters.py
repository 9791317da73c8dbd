"""Characters a content file may not hold: the invisible ones that can hide or reorder text.

Control characters (other than line ends and tabs), direction overrides and isolates,
zero-width and other default-ignorable characters, private-use and unassigned code points,
and line or paragraph separators show nothing, or something other
than what is written, in an editor, a review and a browser. A C1 control character such as
U+0085 is even a line break to YAML. Each one is reported where it stands, so the author
can delete it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_DIRECTION = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_ZERO_WIDTH = set("\u200b\u200c\u200d\u2060\ufeff")
_REFUSED_CATEGORIES = {"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"}
# Unicode's Default_Ignorable_Code_Point: characters a renderer shows as nothing, some of
# them letters or marks (U+3164 HANGUL FILLER) that the categories above do not catch;
# with them U+2800 BRAILLE PATTERN BLANK, a symbol that prints as nothing.
_IGNORABLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u2800\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)
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
        category = unicodedata.category(self.char)
        if category in ("Zl", "Zp"):
            return "a line separator"
        if category == "Co":
            return "a private-use character"
        if category == "Cn":
            return "an unassigned character"
        if category == "Cc":
            return "an invisible control character"
        return "an invisible character"

    @property
    def name(self) -> str:
        code = f"U+{ord(self.char):04X}"
        name = unicodedata.name(self.char, "")
        return f"{code} {name}" if name else code


def is_refused(char: str) -> bool:
    if char in _ALLOWED:
        return False
    return unicodedata.category(char) in _REFUSED_CATEGORIES or bool(_IGNORABLE.match(char))


def first_refused(text: str) -> str | None:
    """The first refused character of `text`, or None; C-speed when there is none."""
    if text.replace("\n", " ").replace("\t", " ").isprintable() and not _IGNORABLE.search(text):
        return None
    return next((char for char in text if is_refused(char)), None)


def invisible_characters(text: str) -> list[Invisible]:
    """Each refused character of `text` with its line and column (both from 1)."""
    found: list[Invisible] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if line.isprintable() and not _IGNORABLE.search(line):  # the fast path
            continue
        found.extend(
            Invisible(number, column, char)
            for column, char in enumerate(line, start=1)
            if is_refused(char)
        )
    return found
