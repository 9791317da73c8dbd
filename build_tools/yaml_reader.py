"""Safe YAML reading that remembers where every key and value came from.

The result is plain data (dicts, lists, strings and None: the schema, not YAML's
guessing, decides what is a number) and a `Locator` that maps a path of keys and
indexes back to a line and column. Anything that is not plain data is refused with a
diagnostic rather than constructed: language tags such as `!!python/object`, anchors
and aliases (which make "billion laughs" bombs possible), duplicate keys, non-text keys.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path
from typing import Any, Protocol

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .characters import Invisible, first_refused
from .diagnostics import Diagnostic, Position, Problems
from .model import CONTENT_MAX_NESTING
from .text import PARAGRAPH_BREAK, normalize

Loc = tuple[str | int, ...]
_WORD = re.compile(r"\S+")

_TAG = "tag:yaml.org,2002:"
_PLAIN_TAGS = {f"{_TAG}{name}" for name in ("str", "int", "float", "bool", "timestamp")}
_KEY_TAGS = {f"{_TAG}{name}" for name in ("str", "int", "bool")}
_NULLS = {"", "~", "null", "Null", "NULL"}


@dataclass
class _ScalarIndex:
    """A scalar's normalised text and, for each of its words, where it starts there and in
    the source (the scalar's source lines joined by line breaks)."""

    text: str
    segments: list[tuple[int, int, str]]  # (line index, column, text) of each source line
    segment_starts: list[int] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    sources: list[int] = field(default_factory=list)
    lengths: list[int] = field(default_factory=list)


@dataclass
class Locator:
    """Where each value (and each mapping key) of a document starts in its file."""

    path: Path
    lines: list[str]
    line_offset: int = 0
    values: dict[Loc, Node] = field(default_factory=dict)
    keys: dict[Loc, Node] = field(default_factory=dict)
    _indexes: dict[Loc, _ScalarIndex | None] = field(default_factory=dict, repr=False)

    def _position(self, node: Node) -> Position:
        mark = node.start_mark
        return Position(mark.line + 1 + self.line_offset, mark.column + 1)

    def value(self, loc: Loc) -> Position:
        """Position of the value at `loc`, or of its nearest enclosing value."""
        for end in range(len(loc), -1, -1):
            node = self.values.get(loc[:end])
            if node is not None:
                return self._position(node)
        return Position(1 + self.line_offset, 1)

    def key(self, loc: Loc) -> Position:
        node = self.keys.get(loc)
        return self._position(node) if node is not None else self.value(loc)

    def scalar_position(self, loc: Loc, offset: int, expected: str) -> Position | None:
        """Where character `offset` of a scalar's normalised text stands in the file.

        Works for plain and block (`|`, `>`) scalars and for quoted ones without escapes,
        where the source characters are the value's characters: the scalar's source, once
        normalised, must read `expected`; otherwise None. The scalar is indexed once, word
        by word, so each further position costs a binary search.
        """
        if loc not in self._indexes:
            self._indexes[loc] = self._index(loc)
        index = self._indexes[loc]
        if index is None or index.text != expected:
            return None
        word = max(0, bisect_right(index.starts, offset) - 1)
        if not index.starts:
            return self._place(index, 0)
        inside = offset - index.starts[word]
        if inside < index.lengths[word]:
            return self._place(index, index.sources[word] + inside)
        return self._place(index, index.sources[word] + index.lengths[word])  # the gap after it

    def _index(self, loc: Loc) -> _ScalarIndex | None:
        node = self.values.get(loc)
        if not isinstance(node, ScalarNode):
            return None
        segments = self._source_segments(node)
        source = "\n".join(text for _, _, text in segments)
        index = _ScalarIndex(normalize(source), segments)
        index.segment_starts = list(accumulate((len(t) + 1 for _, _, t in segments), initial=0))
        out, gap_start = 0, None
        for word in _WORD.finditer(source):
            if gap_start is not None:
                gap = source[gap_start : word.start()]
                out += len(PARAGRAPH_BREAK) if gap.count("\n") >= 2 else 1
            index.starts.append(out)
            index.sources.append(word.start())
            index.lengths.append(len(word.group()))
            out += len(word.group())
            gap_start = word.end()
        return index

    def _place(self, index: _ScalarIndex, at: int) -> Position:
        segment = max(0, bisect_right(index.segment_starts, at) - 1)
        segment = min(segment, len(index.segments) - 1)
        line, column, _ = index.segments[segment]
        return Position(
            line + 1 + self.line_offset, column + at - index.segment_starts[segment] + 1
        )

    def _source_segments(self, node: ScalarNode) -> list[tuple[int, int, str]]:
        """(line index, column, text) of each source line a scalar's characters stand on."""
        start, end = node.start_mark, node.end_mark
        segments = []
        if node.style in ("|", ">"):
            for index in range(start.line + 1, min(end.line + 1, len(self.lines))):
                line = self.lines[index]
                stop = end.column if index == end.line else len(line)
                segments.append((index, 0, line[:stop]))
        else:
            quote = 1 if node.style in ("'", '"') else 0
            for index in range(start.line, min(end.line + 1, len(self.lines))):
                line = self.lines[index]
                begin = start.column + quote if index == start.line else 0
                stop = end.column - quote if index == end.line else len(line)
                segments.append((index, begin, line[begin:stop]))
        return segments


@dataclass
class Document:
    data: Any
    locator: Locator


class _Located(Protocol):
    """Where PyYAML says something is: its pure-Python and libyaml marks both have these."""

    line: int
    column: int


class _Refused(Exception):
    def __init__(self, mark: _Located | None, message: str, hint: str | None = None):
        super().__init__(message)
        self.mark, self.message, self.hint = mark, message, hint


class _ComposingLoader(yaml.BaseLoader):
    """A loader used only to compose nodes; refuses anchors and aliases as it meets them.

    Its resolver guesses no types (every plain scalar is text, as the schema wants), which
    is also what libyaml's CBaseLoader does on the fast path.
    """

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]  # PyYAML has no hints
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(
                event.start_mark,
                f"YAML aliases (*{event.anchor}) are not allowed",
                "write the text out in full; exercise files hold plain text, lists and keys",
            )
        if getattr(event, "anchor", None):
            raise _Refused(
                event.start_mark,
                f"YAML anchors (&{event.anchor}) are not allowed",
                "remove the anchor; exercise files do not reuse parts of themselves",
            )
        return super().compose_node(parent, index)


def read_yaml(path: Path, text: str, line_offset: int = 0) -> Document:
    """Parse one YAML document into plain data plus a `Locator`.

    Raises `Problems` with every problem found; never lets a YAML exception escape.
    """
    lines = text.split("\n")
    locator = Locator(path, lines, line_offset)

    def at(mark: _Located | None) -> Position:
        if mark is None:
            return Position(1 + line_offset, 1)
        return Position(mark.line + 1 + line_offset, mark.column + 1)

    try:
        _refuse_deep_nesting(text)
        root = _compose_fast(text)
        if root is _SLOW:
            loader = _ComposingLoader(text)
            try:
                root = loader.get_single_node()
            finally:
                loader.dispose()
    except _Refused as refused:
        raise Problems(
            [Diagnostic(path, at(refused.mark), refused.message, refused.hint)]
        ) from None
    except yaml.MarkedYAMLError as error:
        raise Problems([_syntax_diagnostic(path, error, text, at)]) from None
    except yaml.YAMLError as error:  # unmarked reader errors, e.g. control characters
        raise Problems([Diagnostic(path, at(None), f"not valid YAML: {error}")]) from None
    except RecursionError:
        raise Problems(
            [Diagnostic(path, at(None), "the YAML is nested too deeply to read")]
        ) from None

    if root is None:
        raise Problems(
            [
                Diagnostic(
                    path,
                    at(None),
                    "the file is empty",
                    "write its keys, one per line, such as 'id:' and 'title:'",
                )
            ]
        )

    problems: list[Diagnostic] = []
    data = _build(root, (), locator, problems, at, depth=0)
    if problems:
        raise Problems(problems)
    return Document(data, locator)


_SLOW: Any = object()

_OPENS = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSES = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def _refuse_deep_nesting(text: str) -> None:
    """Count nesting on the parser's event stream, which no parser builds by recursion,
    before any composer (libyaml's recurses in C, where a crash cannot be caught) sees it.
    A syntax error ends the count; the composers report it."""
    loader_class = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
    loader = loader_class(text)
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, _OPENS):
                depth += 1
                if depth > CONTENT_MAX_NESTING:
                    raise _Refused(
                        event.start_mark,
                        f"lists and sets of keys are nested more than {CONTENT_MAX_NESTING} "
                        "deep here",
                        "exercise files need only a few levels; check the brackets and "
                        "the indentation",
                    )
            elif isinstance(event, _CLOSES):
                depth -= 1
    except yaml.YAMLError:
        return
    finally:
        loader.dispose()


def _compose_fast(text: str) -> Any:
    """libyaml's composer for the common case: a well-formed file that reuses no node.

    Anything else (an error, an alias, no libyaml) returns `_SLOW`, and the pure-Python
    composer above reads the file again to report the problem precisely.
    """
    if not getattr(yaml, "__with_libyaml__", False):
        return _SLOW
    try:
        loader = yaml.CBaseLoader(text)
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except Exception:  # reported by the careful path
        return _SLOW
    seen: set[int] = set()
    pending = [root] if root is not None else []
    while pending:
        node = pending.pop()
        if id(node) in seen:  # an alias: the same node reached twice
            return _SLOW
        seen.add(id(node))
        if isinstance(node, MappingNode):
            pending.extend(part for pair in node.value for part in pair)
        elif isinstance(node, SequenceNode):
            pending.extend(node.value)
    return root


_PLAIN_WORDS = [
    # (what PyYAML says, what the author is told, what to do, point at the context mark)
    (
        "mapping values are not allowed",
        "YAML reads a new key here, inside a value: the line is indented too far, or a value "
        "contains ': '",
        "line the key up with the keys above it; if the value has ': ' in it, put the whole "
        "value in quotes",
        False,
    ),
    (
        "expected <block end>",
        "this line is indented differently from the lines around it",
        "line its first letter up with the other keys at the same level, using spaces",
        False,
    ),
    (
        "did not find expected key",
        "this line is indented differently from the lines around it",
        "line its first letter up with the other keys at the same level, using spaces",
        False,
    ),
    (
        "could not find expected ':'",
        "this line should read 'key: value' but has no ': '",
        "add ': ' after the key, or, if it continues the text above, indent it like that text",
        True,
    ),
    (
        "did not find expected '-' indicator",
        "a list item here is not lined up with the items above it",
        "start each item of the list with '- ' at the same indentation",
        False,
    ),
    (
        "cannot start any token",
        "a value here starts with a character YAML reserves, such as @ or `",
        "put the whole value in quotes",
        False,
    ),
]


def _syntax_diagnostic(path: Path, error: yaml.MarkedYAMLError, text: str, at: Any) -> Diagnostic:
    mark = error.problem_mark or error.context_mark
    problem = error.problem or "not valid YAML"
    hint = None
    if "\t" in problem or "'\\t'" in problem:
        problem = "a tab character is used where YAML needs spaces"
        hint = "indent with spaces only; tabs are not allowed for indentation in YAML"
    elif error.context:
        hint = f"{error.context}"
        if error.context_mark is not None and error.context_mark is not mark:
            hint += f" (line {at(error.context_mark).line})"
    for clue, plain, advice, at_context in _PLAIN_WORDS:
        if clue in problem:
            problem, hint = plain, advice
            if at_context and error.context_mark is not None:
                mark = error.context_mark
            break
    unclosed = _unclosed_quote(text, mark)
    if unclosed is not None:
        return Diagnostic(
            path,
            at(unclosed),
            "not valid YAML: this quotation mark is never closed",
            "close the quote at the end of the value, or remove it",
        )
    return Diagnostic(path, at(mark), f"not valid YAML: {problem}", hint)


# A quoted value after a key or a list dash; a line of a block of text may start with a
# quotation mark that closes on a later line, and is not a YAML quote at all.
_OPENING_QUOTE = re.compile(r"""^(\s*(?:-\s+(?:[\w-]+:\s+)?|[\w-]+:\s+))(["'])(.*)$""")


def _unclosed_quote(text: str, mark: yaml.Mark | None) -> yaml.Mark | None:
    """The opening quote of the first value before `mark` that never closes on its line."""
    if mark is None:
        return None
    for index, line in enumerate(text.split("\n")[: mark.line + 1]):
        match = _OPENING_QUOTE.match(line)
        if match and match.group(2) not in match.group(3).replace(match.group(2) * 2, ""):
            return yaml.Mark("", 0, index, len(match.group(1)), None, 0)
    return None


def _build(
    node: Node,
    loc: Loc,
    locator: Locator,
    problems: list[Diagnostic],
    at: Any,
    depth: int,
) -> Any:
    locator.values[loc] = node
    if depth > CONTENT_MAX_NESTING:
        problems.append(Diagnostic(locator.path, at(node.start_mark), "nested too deeply"))
        return None
    if isinstance(node, MappingNode):
        if node.tag != f"{_TAG}map":
            problems.append(_tag_problem(locator.path, node, at))
            return None
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag not in _KEY_TAGS:
                problems.append(
                    Diagnostic(
                        locator.path,
                        at(key_node.start_mark),
                        "keys must be plain words",
                        "write 'key: value', with a name such as 'title' before the colon",
                    )
                )
                continue
            key = key_node.value
            _refuse_hidden(key, key_node, locator, problems, at)
            if key in result:
                first = at(locator.keys[(*loc, key)].start_mark).line
                problems.append(
                    Diagnostic(
                        locator.path,
                        at(key_node.start_mark),
                        f"duplicate key '{key}' (first given on line {first})",
                        "each key may appear once; remove or rename one of them",
                    )
                )
                continue
            locator.keys[(*loc, key)] = key_node
            result[key] = _build(value_node, (*loc, key), locator, problems, at, depth + 1)
        return result
    if isinstance(node, SequenceNode):
        if node.tag != f"{_TAG}seq":
            problems.append(_tag_problem(locator.path, node, at))
            return None
        return [
            _build(item, (*loc, index), locator, problems, at, depth + 1)
            for index, item in enumerate(node.value)
        ]
    assert isinstance(node, ScalarNode)
    if node.tag == f"{_TAG}null" or (not node.style and node.value in _NULLS):
        return None
    if node.tag not in _PLAIN_TAGS:
        problems.append(_tag_problem(locator.path, node, at))
        return None
    _refuse_hidden(node.value, node, locator, problems, at)
    return node.value


def _refuse_hidden(
    text: str, node: Node, locator: Locator, problems: list[Diagnostic], at: Any
) -> None:
    """A key or value holding an invisible character that reached it through an escape such
    as \\u202e (typed ones are refused, and made spaces, before parsing)."""
    hidden = first_refused(text)
    if hidden is not None:
        found = Invisible(0, 0, hidden)
        problems.append(
            Diagnostic(
                locator.path,
                at(node.start_mark),
                f"the text holds {found.kind}, {found.name}, written as an escape",
                "delete the escape: text on the site holds only characters a reader can see",
            )
        )


def _tag_problem(path: Path, node: Node, at: Any) -> Diagnostic:
    return Diagnostic(
        path,
        at(node.start_mark),
        f"the YAML tag '{node.tag.replace(_TAG, '!!')}' is not allowed",
        "remove the tag: exercise files hold only text, numbers, lists and keys",
    )
