"""Problems found in authors' files, reported as `path:line:col: error: message` plus a hint.

Every stage (YAML reading, schema validation, cross-file checks) reports through
`Diagnostic`, so the CLI and the MkDocs plugin print exactly the same text.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .characters import is_refused


@dataclass(frozen=True, order=True)
class Position:
    """A 1-based line and column in a source file."""

    line: int = 1
    col: int = 1


@dataclass(frozen=True)
class Diagnostic:
    path: Path
    position: Position
    message: str
    hint: str | None = None

    def sort_key(self) -> tuple[str, int, int, str]:
        return (str(self.path), self.position.line, self.position.col, self.message)

    def format(self, relative_to: Path | None = None) -> str:
        path = _display(self.path, relative_to)
        message = _visible(self.message)  # it may quote an author's key or words
        text = f"{path}:{self.position.line}:{self.position.col}: error: {message}"
        if self.hint:
            text += "\n" + "\n".join(f"  hint: {line}" for line in self.hint.splitlines())
        return text


def _visible(text: str) -> str:
    """`text` with each invisible character, and each space but the ASCII one, written as its
    code, so that none can hide, disguise or reorder what a terminal shows."""
    if text.isascii():
        return text
        return text
    return "".join(
        f"<U+{ord(c):04X}>" if (c != "\n" and is_refused(c)) or (c.isspace() and c > "~") else c
        for c in text
    )


def _display(path: Path, relative_to: Path | None) -> Path:
    if relative_to is not None and path.resolve().is_relative_to(relative_to.resolve()):
        return path.resolve().relative_to(relative_to.resolve())
    return path


SHOWN_PER_FILE = 50
"""Problems printed for one file; fixing those usually clears the rest."""


def format_all(diagnostics: Iterable[Diagnostic], relative_to: Path | None = None) -> str:
    ordered = sorted(diagnostics, key=Diagnostic.sort_key)
    lines: list[str] = []
    shown: dict[Path, int] = {}
    for diagnostic in ordered:
        count = shown[diagnostic.path] = shown.get(diagnostic.path, 0) + 1
        if count <= SHOWN_PER_FILE:
            lines.append(diagnostic.format(relative_to))
    for path, count in shown.items():
        if count > SHOWN_PER_FILE:
            name = _display(path, relative_to)
            lines.append(
                f"{name}: … and {count - SHOWN_PER_FILE} more problem(s) in this file, not shown"
            )
    return "\n".join(lines)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A hint listing the allowed values, leading with the closest one when there is one."""
    allowed = sorted(choices)
    close = difflib.get_close_matches(word, allowed, n=1, cutoff=0.6)
    listing = "allowed: " + ", ".join(allowed)
    return f"did you mean '{close[0]}'? {listing}" if close else listing


class Problems(Exception):
    """The one exception for content problems: it carries every diagnostic found."""

    def __init__(self, diagnostics: list[Diagnostic]):
        super().__init__("\n".join(d.message for d in diagnostics) or "no problems")
        self.diagnostics = diagnostics
