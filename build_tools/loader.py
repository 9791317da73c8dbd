"""Files → models: reads article and exercise files and validates them against `model.py`.

Each function returns the loaded object or raises `Problems` carrying every diagnostic
found in that file, each with its line and column. Pydantic's errors are translated into
messages an author can act on (the unknown key and the closest allowed one, the allowed
values of a typo'd verdict, ...).
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, get_args

from pydantic import BaseModel, ValidationError

from .article_text import FORBIDDEN_MARKUP, quoted_paragraphs, reading_text
from .characters import MAX_REPORTED, Invisible, invisible_characters
from .diagnostics import Diagnostic, Position, Problems, did_you_mean
from .model import (
    CHECK_UP_PASSAGE_KINDS,
    CONTENT_FILE_MAX_BYTES,
    EXERCISE_KINDS,
    PATTERN_HINTS,
    SLUG_PATTERN,
    ArticleMeta,
    CheckUpForm,
    ExerciseBase,
    reserved_id_reason,
)
from .yaml_reader import Loc, Locator, read_yaml

ARTICLE_FILE = "article.md"
T = TypeVar("T")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Article:
    id: str
    path: Path
    meta: ArticleMeta
    body: str
    body_line: int  # line of the file on which the body starts
    locator: Locator
    text: str  # the reading text passages are matched against (see article_text.py)
    quoted: frozenset[str] = frozenset()  # its paragraphs set off as block quotes


@dataclass(frozen=True)
class LoadedExercise:
    path: Path
    model: ExerciseBase
    locator: Locator


@dataclass(frozen=True)
class LoadedCheckUp:
    path: Path
    model: CheckUpForm
    locator: Locator


def read_text(path: Path) -> str:
    """A file's text as UTF-8 with Unix line ends; problems become diagnostics."""
    try:
        with path.open("rb") as file:
            size = os.fstat(file.fileno()).st_size
            if size > CONTENT_FILE_MAX_BYTES:
                raise Problems([_too_large(path, size)])
            raw = file.read(CONTENT_FILE_MAX_BYTES + 1)  # a file that grows meanwhile
    except OSError as error:
        raise Problems(
            [Diagnostic(path, Position(), f"cannot read the file: {error.strerror}")]
        ) from None
    if len(raw) > CONTENT_FILE_MAX_BYTES:
        raise Problems([_too_large(path, len(raw))])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        raise Problems(
            [
                Diagnostic(
                    path,
                    Position(line, col),
                    f"the file is not UTF-8 text (byte 0x{raw[error.start]:02x})",
                    "save the file with UTF-8 encoding in your editor",
                )
            ]
        ) from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n")


def _read_visible(path: Path) -> tuple[str, list[Diagnostic]]:
    """A file's text with each invisible character made a space, and a diagnostic for each:
    the rest of the file is still read, so one run reports every problem in it."""
    text = read_text(path)
    invisible = invisible_characters(text)
    if not invisible:
        return text, []
    lines = text.split("\n")
    for found in invisible:
        line = lines[found.line - 1]
        lines[found.line - 1] = f"{line[: found.column - 1]} {line[found.column :]}"
    problems = [_invisible(path, found) for found in invisible[:MAX_REPORTED]]
    return "\n".join(lines), problems


def _reporting_first(problems: list[Diagnostic], load: Callable[[], T]) -> T:
    """The result of `load`, or every problem: those given first, then those it raises."""
    try:
        result = load()
    except Problems as found:
        raise Problems([*problems, *found.diagnostics]) from None
    if problems:
        raise Problems(problems)
    return result


def _invisible(path: Path, found: Invisible) -> Diagnostic:
    return Diagnostic(
        path,
        Position(found.line, found.column),
        f"the text holds {found.kind}, {found.name}",
        "delete it: it is invisible in most editors, so retype the words on either side; "
        "text on the site holds only characters a reader can see",
    )


def _too_large(path: Path, size: int) -> Diagnostic:
    return Diagnostic(
        path,
        Position(),
        f"the file is {size:,} bytes; content files are at most {CONTENT_FILE_MAX_BYTES:,}",
        "split the passage into several exercises, or cut the article to the passages used",
    )


def load_exercise(path: Path) -> LoadedExercise:
    text, invisible = _read_visible(path)
    return _reporting_first(invisible, lambda: _load_exercise(path, text))


def load_check_up(path: Path) -> LoadedCheckUp:
    text, invisible = _read_visible(path)
    return _reporting_first(invisible, lambda: _load_check_up(path, text))


def _load_check_up(path: Path, text: str) -> LoadedCheckUp:
    data, locator = _keys_of(
        path,
        text,
        "a check-up form must be a set of keys (form, title, minutes, passages)",
        "start with 'form: A' (or B), then 'title:', 'minutes:' and 'passages:'",
    )
    passages = data.get("passages")
    for index, passage in enumerate(passages if isinstance(passages, list) else []):
        kind = passage.get("kind") if isinstance(passage, dict) else None
        if kind not in CHECK_UP_PASSAGE_KINDS:
            loc: Loc = ("passages", index)
            where = locator.value((*loc, "kind") if kind is not None else loc)
            message = (
                f"unknown passage kind '{kind}'"
                if kind is not None
                else "missing required key 'kind'"
            )
            hint = "a check-up passage is an 'excerpt' of a spot exercise or 'invented'"
            raise Problems([Diagnostic(path, where, message, hint)])
    return LoadedCheckUp(path, _validate(CheckUpForm, data, locator, _untagged), locator)


def _keys_of(path: Path, text: str, message: str, hint: str) -> tuple[dict[str, Any], Locator]:
    """A content file's keys and where each is, or the file's one problem: it is not keys."""
    document = _read_document(path, text)
    if not isinstance(document.data, dict):
        raise Problems([Diagnostic(path, document.locator.value(()), message, hint)])
    return document.data, document.locator


def _untagged(loc: Loc) -> Loc:
    """Pydantic names the kind of a passage inside the error's location; the file does not."""
    if len(loc) > 2 and loc[0] == "passages" and loc[2] in CHECK_UP_PASSAGE_KINDS:
        return (*loc[:2], *loc[3:])
    return loc


def load_article(path: Path) -> Article:
    text, invisible = _read_visible(path)
    return _reporting_first(invisible, lambda: _load_article(path, text))


def _load_exercise(path: Path, text: str) -> LoadedExercise:
    data, locator = _keys_of(
        path,
        text,
        "an exercise file must be a set of keys (id, title, kind, passage, …)",
        "write each key on its own line, as 'key: value', starting with 'id:'",
    )
    kind = data.get("kind")
    if kind not in EXERCISE_KINDS:
        if kind is None:
            where, message = locator.value(()), "missing required key 'kind'"
        else:
            where, message = locator.value(("kind",)), f"unknown exercise kind '{kind}'"
        raise Problems([Diagnostic(path, where, message, did_you_mean(str(kind), EXERCISE_KINDS))])
    model_class = EXERCISE_KINDS[kind]
    return LoadedExercise(path, _validate(model_class, data, locator), locator)


def _load_article(path: Path, text: str) -> Article:
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        raise Problems(
            [
                Diagnostic(
                    path,
                    Position(),
                    "an article file starts with front matter between two '---' lines",
                    "put title, author, outlet, date, context and cleaning between them",
                )
            ]
        )
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].rstrip() == "---")
    except StopIteration:
        raise Problems(
            [Diagnostic(path, Position(), "the front matter has no closing '---' line")]
        ) from None
    document = _read_document(path, "\n".join(lines[1:end]), line_offset=1)
    if not isinstance(document.data, dict):
        raise Problems([Diagnostic(path, Position(2, 1), "the front matter must be a set of keys")])
    article_id = path.parent.name
    problems: list[Diagnostic] = []
    if not _SLUG.match(article_id):
        problems.append(
            Diagnostic(
                path,
                Position(),
                f"the article folder name '{article_id}' is not a valid id",
                "name the folder with lower-case words joined by hyphens",
            )
        )
    body = "\n".join(lines[end + 1 :])
    body_line = end + 2
    problems.extend(_markup_problems(path, body, body_line))
    try:
        meta = _validate(ArticleMeta, document.data, document.locator)
    except Problems as invalid:
        problems.extend(invalid.diagnostics)
    if problems:
        raise Problems(problems)
    text = reading_text(meta.title, body)
    quoted = quoted_paragraphs(body)
    return Article(article_id, path, meta, body, body_line, document.locator, text, quoted)


def _markup_problems(path: Path, body: str, first_line: int) -> list[Diagnostic]:
    found = []
    for number, line in enumerate(body.split("\n"), start=first_line):
        for pattern, what in FORBIDDEN_MARKUP.items():
            match = pattern.search(line)
            if match:
                problem, hint = what.format(found=match.group().strip()).split("; ", 1)
                found.append(
                    Diagnostic(
                        path,
                        Position(number, match.start() + 1),
                        f"the article text contains {problem}",
                        hint,
                    )
                )
    return found


def _read_document(path: Path, text: str, line_offset: int = 0) -> Any:
    try:
        return read_yaml(path, text, line_offset)
    except Problems as problems:
        raise Problems(problems.diagnostics) from None


def _validate(
    model_class: type[BaseModel],
    data: dict[str, Any],
    locator: Locator,
    where: Callable[[Loc], Loc] = lambda loc: loc,
) -> Any:
    try:
        return model_class.model_validate(data)
    except ValidationError as error:
        items: list[dict[str, Any]] = [
            {**item, "loc": where(tuple(item["loc"])), "model_loc": tuple(item["loc"])}
            for item in error.errors()
        ]
        misspelled = _misspelled_required_keys(items, model_class)
        raise Problems(
            [
                _translate(item, model_class, locator)
                for item in items
                if not (item["type"] == "missing" and tuple(item["loc"]) in misspelled)
            ]
        ) from None


def _misspelled_required_keys(items: list[Any], model_class: type[BaseModel]) -> set[Loc]:
    """Missing keys that an unknown key nearby is a typo of: one error says it all."""
    found: set[Loc] = set()
    for item in items:
        if item["type"] != "extra_forbidden":
            continue
        loc = tuple(item["loc"])
        owner = _model_at(model_class, tuple(item.get("model_loc", loc))[:-1])
        if owner is None:
            continue
        for close in difflib.get_close_matches(str(loc[-1]), list(owner.model_fields), n=1):
            found.add((*loc[:-1], close))
    return found


def _field_name(loc: Loc) -> str:
    name = ""
    for part in loc:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name or "the file"


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    """The models an annotation names: itself, or those inside a list, union or Annotated."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for arg in get_args(annotation) for model in _models_in(arg)]


def _kind(model: type[BaseModel]) -> Any:
    """The value of a model's `kind` when it is fixed (the tag of a union), or None."""
    field = model.model_fields.get("kind")
    values = get_args(field.annotation) if field else ()
    return values[0] if len(values) == 1 else None


def _model_at(model_class: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The model class that describes the mapping at `loc`, following lists of models and
    unions told apart by `kind` (pydantic puts the tag in the location)."""
    current = [model_class]
    for part in loc:
        if isinstance(part, int):
            continue
        tagged = [model for model in current if _kind(model) == part]
        if tagged:
            current = tagged
            continue
        fields = [model.model_fields[part] for model in current if part in model.model_fields]
        if not fields:
            return None
        current = _models_in(fields[0].annotation)
        if not current:
            return None
    return current[0] if len(current) == 1 else None


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a set of keys"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return f"'{value}'"


def _translate(item: Any, model_class: type[BaseModel], locator: Locator) -> Diagnostic:
    loc: Loc = tuple(item["loc"])
    kind, ctx, value = item["type"], item.get("ctx") or {}, item.get("input")
    path = locator.path
    field = _field_name(loc)
    if kind == "extra_forbidden":
        owner = _model_at(model_class, tuple(item.get("model_loc", loc))[:-1])
        allowed = list(owner.model_fields) if owner else []
        return Diagnostic(
            path, locator.key(loc), f"unknown key '{loc[-1]}'", did_you_mean(str(loc[-1]), allowed)
        )
    if kind == "missing":
        return Diagnostic(
            path,
            locator.value(loc[:-1]),
            f"missing required key '{loc[-1]}'",
            f"add a line '{loc[-1]}: …' here",
        )
    position = locator.value(loc)
    if kind in ("enum", "literal_error"):
        allowed = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        return Diagnostic(
            path,
            position,
            f"{_describe(value)} is not an allowed value for '{field}'",
            did_you_mean(str(value), allowed),
        )
    if kind == "string_pattern_mismatch":
        if ctx.get("pattern") == r"\S":
            return Diagnostic(
                path, position, f"'{field}' must not be empty", "write the text after the colon"
            )
        pattern = str(ctx.get("pattern"))
        hint = PATTERN_HINTS.get(pattern, f"the format is the pattern {pattern}")
        if pattern == SLUG_PATTERN:
            example = re.sub(r"[^a-z0-9]+", "-", str(value).lower()).strip("-")
            if example and not reserved_id_reason(example):
                hint += f", e.g. '{example}'"
        return Diagnostic(
            path, position, f"{_describe(value)} does not fit the format of '{field}'", hint
        )
    if kind == "string_type":
        return Diagnostic(
            path,
            position,
            f"'{field}' should be text, not {_describe(value)}",
            "write the text after the colon; use '|' and an indented block for long text",
        )
    if kind == "list_type":
        return Diagnostic(
            path,
            position,
            f"'{field}' should be a list, not {_describe(value)}",
            "write each item on its own line, starting with '- '",
        )
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return Diagnostic(
            path,
            position,
            f"'{field}' should be a set of keys, not {_describe(value)}",
            "write each key on its own line below, indented, as 'key: value'",
        )
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return Diagnostic(
            path,
            position,
            f"'{field}' should be a whole number, not {_describe(value)}",
            "write digits only, such as 2",
        )
    if kind == "value_error":  # a rule of the model's own, worded "what is wrong; what to do"
        message, _, hint = str(ctx.get("error", "is not valid")).partition("; ")
        return Diagnostic(path, position, f"'{field}': {message}", hint or None)
    if kind == "too_long":
        count = ctx.get("max_length", 0)
        return Diagnostic(
            path,
            position,
            f"'{field}' holds more than {count} items",
            "split the passage into several exercises",
        )
    if kind == "too_short":
        count = ctx.get("min_length", 1)
        return Diagnostic(
            path,
            position,
            f"'{field}' needs at least {count} item(s)",
            "write each item on its own line, starting with '- '",
        )
    if kind in ("less_than_equal", "greater_than_equal"):
        bound, word = (
            (ctx.get("le"), "at most") if kind == "less_than_equal" else (ctx.get("ge"), "at least")
        )
        return Diagnostic(
            path,
            position,
            f"'{field}' is {_describe(value)}; it must be {word} {bound}",
            f"use a number {word} {bound}",
        )
    message = str(item.get("msg", "is not valid")).replace("Input should", "should")
    if not isinstance(value, dict | list):
        message += f", not {_describe(value)}"
    return Diagnostic(path, position, f"'{field}' {message[0].lower()}{message[1:]}")
