"""The whole content set: every article and exercise loaded and checked in one pass.

This is the single entry point that the CLI and the MkDocs plugin share. Every problem
in every file is collected, so one run reports them all.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .checks import CheckedExercise, check_exercise, check_unique_ids
from .checkups import CheckedForm, check_form, check_forms
from .diagnostics import Diagnostic, Position, Problems
from .loader import (
    ARTICLE_FILE,
    Article,
    LoadedCheckUp,
    LoadedExercise,
    load_article,
    load_check_up,
    load_exercise,
)
from .model import CHECK_UP_FOLDER

EXERCISE_SUFFIXES = (".yaml", ".yml")


@dataclass
class Catalogue:
    articles: dict[str, Article] = field(default_factory=dict)
    exercises: list[CheckedExercise] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    check_ups: list[CheckedForm] = field(default_factory=list)  # in form order: A, B

    @property
    def ok(self) -> bool:
        return not self.diagnostics

    def articles_in_order(self) -> list[Article]:
        """Articles as the site lists them: oldest first."""
        return sorted(self.articles.values(), key=lambda a: (a.meta.date, a.id))

    def exercises_of(self, article_id: str) -> list[CheckedExercise]:
        """An article's exercises in the order a learner takes them: by level, then file."""
        return sorted(
            (e for e in self.exercises if e.article.id == article_id),
            key=lambda e: (e.model.level, e.source.path.name),
        )


def _files(
    paths: Sequence[Path], wanted: Callable[[Path], bool]
) -> tuple[list[Path], list[Diagnostic]]:
    """The wanted files under `paths`, and a diagnostic for each symbolic link met on the way:
    links are never followed, since they could bring any file on the machine into the site."""
    found: dict[Path, Path] = {}  # by absolute path: a file named twice is read once
    links: set[Path] = set()
    special: set[Path] = set()  # named pipes, devices: reading one could wait forever

    def add(path: Path) -> None:
        found.setdefault(Path(os.path.abspath(path)), path)

    for path in paths:
        if path.is_symlink():
            links.add(path)
        elif path.is_dir():
            for folder, subfolders, names in os.walk(path):
                for name in [*subfolders, *names]:
                    if (Path(folder) / name).is_symlink():
                        links.add(Path(folder) / name)
                for name in names:
                    file = Path(folder) / name
                    if file.is_symlink() or not wanted(file):
                        continue
                    if file.is_file():
                        add(file)
                    else:
                        special.add(file)
        elif path.is_file():
            if wanted(path):
                add(path)
        elif path.exists():
            special.add(path)
    refused = [Diagnostic(link, Position(), *_LINK) for link in sorted(links)]
    refused += [Diagnostic(path, Position(), *_SPECIAL) for path in sorted(special)]
    return sorted(found.values()), refused


_LINK = (
    "the content folder holds a symbolic link",
    "copy the file or folder in instead; links could bring in any file on the machine",
)
_SPECIAL = (
    "this is not a regular file (a named pipe or a device)",
    "give validate the content folder, or article and exercise files",
)


def _is_article(path: Path) -> bool:
    return path.name == ARTICLE_FILE


def _is_exercise(path: Path) -> bool:
    return path.suffix in EXERCISE_SUFFIXES and path.parent.name != CHECK_UP_FOLDER


def _is_check_up(path: Path) -> bool:
    return path.suffix in EXERCISE_SUFFIXES and path.parent.name == CHECK_UP_FOLDER


def _not_an_article(path: Path) -> Diagnostic:
    return Diagnostic(
        path,
        Position(),
        f"the folder '{CHECK_UP_FOLDER}' holds the check-up forms, not an article",
        "give the article a folder of its own under exercises/",
    )


def _distinct(paths: list[Path]) -> list[Path]:
    """Each file once, however it was named."""
    return sorted({Path(os.path.abspath(p)): p for p in reversed(paths)}.values())


def load_catalogue(root: Path, paths: Sequence[Path] | None = None) -> Catalogue:
    """Load the articles under `root` (and `paths`) and the exercises under `paths` (or root)."""
    catalogue = Catalogue()
    targets = list(paths) if paths else [root]
    for missing in (p for p in targets if not p.exists()):
        catalogue.diagnostics.append(Diagnostic(missing, Position(), "no such file or folder"))

    article_files, links = _files([root, *targets], _is_article)
    exercise_files, more = _files(targets, _is_exercise)
    catalogue.diagnostics.extend(links)
    catalogue.diagnostics.extend(d for d in more if d not in links)
    check_up_files, _ = _files(targets, _is_check_up)
    if any(path.is_file() and _is_check_up(path) for path in targets):
        # A form is checked against the exercises it excerpts and balanced against the other
        # form, so validating one form reads them all.
        check_up_files = _distinct([*check_up_files, *_files([root], _is_check_up)[0]])
        exercise_files = _distinct([*exercise_files, *_files([root], _is_exercise)[0]])
    unreadable: set[str] = set()  # articles with problems of their own, reported once
    for path in article_files:
        if path.parent.name == CHECK_UP_FOLDER:
            catalogue.diagnostics.append(_not_an_article(path))
            continue
        try:
            article = load_article(path)
        except Problems as problems:
            catalogue.diagnostics.extend(problems.diagnostics)
            unreadable.add(path.parent.name)
            continue
        other = catalogue.articles.setdefault(article.id, article)
        if other is not article:
            catalogue.diagnostics.append(
                Diagnostic(
                    path, Position(), f"another article has the id '{article.id}': {other.path}"
                )
            )

    loaded: list[LoadedExercise] = []
    for path in exercise_files:
        try:
            loaded.append(load_exercise(path))
        except Problems as problems:
            catalogue.diagnostics.extend(problems.diagnostics)
    catalogue.diagnostics.extend(check_unique_ids(loaded))
    for exercise in loaded:
        if exercise.model.article in unreadable:
            continue  # its article's own problems come first; checking against it would mislead
        result = check_exercise(exercise, catalogue.articles)
        if isinstance(result, CheckedExercise):
            catalogue.exercises.append(result)
        else:
            catalogue.diagnostics.extend(result)
    _load_check_ups(
        catalogue, check_up_files, {e.model.id for e in loaded}, len(loaded) < len(exercise_files)
    )
    return catalogue


def _load_check_ups(
    catalogue: Catalogue, paths: list[Path], all_ids: set[str], some_unread: bool
) -> None:
    """The check-up forms, checked against the exercises that loaded; an excerpt of an
    exercise with problems of its own is not checked (its problems come first)."""
    loaded: list[LoadedCheckUp] = []
    unreadable = 0  # a form with problems of its own is not weighed against the other
    for path in paths:
        try:
            loaded.append(load_check_up(path))
        except Problems as problems:
            catalogue.diagnostics.extend(problems.diagnostics)
            unreadable += 1
    checked_ids = {e.model.id: e for e in catalogue.exercises}
    forms: list[CheckedForm] = []
    for form in loaded:
        # An excerpt of an exercise with problems of its own, or of one that may be among
        # the files that could not be read at all, waits: those problems come first.
        excerpted = {getattr(p, "exercise", None) for p in form.model.passages} - {None}
        missing = excerpted - checked_ids.keys()
        waiting = bool(missing & all_ids) or bool(missing and some_unread)
        if waiting:
            continue
        result = check_form(form, checked_ids)
        if isinstance(result, CheckedForm):
            forms.append(result)
        else:
            catalogue.diagnostics.extend(result)
    if not unreadable and len(forms) == len(loaded):
        catalogue.diagnostics.extend(check_forms(forms))
    catalogue.check_ups = sorted(forms, key=lambda f: f.name)
