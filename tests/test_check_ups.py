"""The check-up forms: balanced against each other, taken from the content as it stands, and
every way an author can get a form wrong reported as path:line:col with a hint."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from build_tools.catalogue import Catalogue, load_catalogue
from build_tools.model import CHECK_UP_FOLDER
from build_tools.render import check_up_data

ROOT = Path(__file__).resolve().parent.parent
EXERCISES = ROOT / "exercises"
FORMS = EXERCISES / CHECK_UP_FOLDER


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    loaded = load_catalogue(EXERCISES)
    assert loaded.ok, loaded.diagnostics
    return loaded


def test_forms_a_and_b_are_balanced(catalogue: Catalogue) -> None:
    """The same number of claims to flag and of sentences fine to leave, level by level."""
    a, b = catalogue.check_ups
    assert (a.name, b.name) == ("A", "B")
    assert a.balance == b.balance
    for form in (a, b):
        kinds = Counter(item.target for item in form.items)
        assert kinds[True] == kinds[False] == 8, form.name
        assert {level for level, _ in form.balance} == {1, 2, 3}


def test_each_form_draws_on_both_articles_and_invented_passages(catalogue: Catalogue) -> None:
    for form in catalogue.check_ups:
        articles = {part.exercise.article.id for part in form.parts if part.exercise}
        assert articles == set(catalogue.articles), form.name
        invented = [part for part in form.parts if part.exercise is None]
        assert invented and all(part.about for part in invented)
    a, b = catalogue.check_ups
    assert not set(a.held) & set(b.held), "no exercise feeds both forms"


def test_every_exercise_sharing_a_forms_sentences_is_held(catalogue: Catalogue) -> None:
    """Not only the exercise an excerpt comes from: any whose passage quotes the same words."""
    held = {id_ for form in catalogue.check_ups for id_ in form.held}
    for exercise in catalogue.exercises:
        if exercise.model.id in held:
            continue
        for form in catalogue.check_ups:
            for part in form.parts:
                for unit in part.units:
                    assert unit.text not in exercise.passage, (exercise.model.id, unit.text)
    assert {"last-stand-headline", "kirby-innocent-lives"} <= held


def test_an_excerpt_takes_its_exercises_verdicts(catalogue: Catalogue) -> None:
    """One sentence, one verdict: the check-up shows the exercise's own answer."""
    exercises = {e.model.id: e for e in catalogue.exercises}
    for form in catalogue.check_ups:
        for part in form.parts:
            if part.exercise is None:
                continue
            own = {a.quote: a for _, a in exercises[part.exercise.model.id].answers_by_unit}
            for _, answer in part.answers:
                assert own[answer.quote] is answer


def test_the_version_follows_the_sentences_and_verdicts(tmp_path: Path) -> None:
    root = copy_content(tmp_path)
    before = {f.name: check_up_data(f)["version"] for f in load_catalogue(root).check_ups}
    form = root / CHECK_UP_FOLDER / "form-b.yaml"
    form.write_text(form.read_text().replace("village of Vessary", "hamlet of Vessary"))
    after = {f.name: check_up_data(f)["version"] for f in load_catalogue(root).check_ups}
    assert before["A"] == after["A"] and before["B"] != after["B"]


def copy_content(tmp_path: Path) -> Path:
    root = tmp_path / "exercises"
    shutil.copytree(EXERCISES, root)
    return root


def problems(root: Path) -> str:
    """What `validate` prints for the content under `root`, and that it fails."""
    done = subprocess.run(
        [sys.executable, "-m", "build_tools", "validate", "--root", str(root), str(root)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 1, done.stdout
    assert "Traceback" not in done.stderr
    return done.stderr


def edit(root: Path, form: str, old: str, new: str) -> Path:
    path = root / CHECK_UP_FOLDER / f"form-{form}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("form", "old", "new", "expected"),
    [
        # An invented target made fine to leave: the forms no longer balance.
        (
            "b",
            "        verdict: overreach\n        why: [beyond-source, sweeping]",
            "        verdict: supported",
            r"form-b\.yaml:\d+:\d+: error: the forms are not balanced: at level 1, form A has 2 "
            r"claims to flag and form B has 1\n  hint: forms A and B need the same number",
        ),
        (
            "a",
            "exercise: human-shields-winter",
            "exercise: human-shields-wintr",
            r"form-a\.yaml:\d+:15: error: no exercise with the id 'human-shields-wintr'\n"
            r"  hint: did you mean 'human-shields-winter'",
        ),
        (
            "a",
            "exercise: human-shields-winter",
            "exercise: entirely-funded",
            r"form-a\.yaml:\d+:15: error: 'entirely-funded' is a compare exercise",
        ),
        (
            "a",
            "Recently, Syria and Lebanon have been hit with unusual amounts of rain and snow. Two",
            "Syria and Lebanon have been hit with unusual amounts of rain and snow. Two",
            r"form-a\.yaml:\d+:\d+: error: the excerpt starts or ends inside a sentence of the "
            r"exercise\n  hint: copy whole sentences",
        ),
        (
            "a",
            "  - kind: invented\n    level: 1",
            "  - kind: made-up\n    level: 1",
            r"form-a\.yaml:\d+:\d+: error: unknown passage kind 'made-up'\n"
            r"  hint: a check-up passage is an 'excerpt' of a spot exercise or 'invented'",
        ),
        (
            "a",
            "  - kind: invented\n    level: 1",
            "  - kind: invented\n    level: 5",
            r"form-a\.yaml:\d+:12: error: ",
        ),
        (
            "b",
            "passages:\n",
            "passages:\n  - kind: excerpt\n    exercise: defunded-and-exposed\n    passage: >-\n"
            "      Britain was one of six countries supporting the community-led police force set\n"
            "      up after the Syrian uprising in 2011.\n",
            r"form-b\.yaml:1:1: error: the exercise 'defunded-and-exposed' holds sentences of "
            r"both forms",
        ),
        (
            "b",
            "form: B",
            "form: A",
            r"form-[ab]\.yaml:\d+:7: error: another file is form A",
        ),
    ],
    ids=["unbalanced", "unknown", "compare", "half a sentence", "kind", "level", "shared", "twice"],
)
def test_a_broken_form_is_reported_where_it_breaks(
    tmp_path: Path, form: str, old: str, new: str, expected: str
) -> None:
    root = copy_content(tmp_path)
    edit(root, form, old, new)
    assert re.search(expected, problems(root)), problems(root)


def test_a_missing_form_is_named(tmp_path: Path) -> None:
    root = copy_content(tmp_path)
    (root / CHECK_UP_FOLDER / "form-b.yaml").unlink()
    assert re.search(
        r"form-a\.yaml:1:1: error: there is no check-up form B\n  hint: a student takes one "
        r"form before and the other after",
        problems(root),
    )


def test_an_article_cannot_live_in_the_check_ups_folder(tmp_path: Path) -> None:
    root = copy_content(tmp_path)
    shutil.copy(root / "idlib-last-stand" / "article.md", root / CHECK_UP_FOLDER / "article.md")
    assert "holds the check-up forms, not an article" in problems(root)


def test_validating_one_form_reads_what_it_depends_on() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "build_tools", "validate", str(FORMS / "form-a.yaml")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "2 check-up form(s), no problems" in done.stdout


LEARNER_PAGES = ("index.md", "start-here.md", "how-we-judge.md", "skills.md", "about.md")


def test_the_pages_learners_read_first_never_quote_a_check_up_sentence(
    catalogue: Catalogue,
) -> None:
    """A learner reads the standard and Start here before any check-up: an example there
    taken from a form would tell them an item's verdict. Six words in a row from a form's
    sentence count as quoting it."""

    def runs(text: str) -> set[str]:
        words = re.findall(r"[a-z0-9']+", text.lower())
        return {" ".join(words[i : i + 6]) for i in range(len(words) - 5)}

    form_runs = {
        run: unit.text
        for form in catalogue.check_ups
        for part in form.parts
        for unit in part.units
        for run in runs(unit.text)
    }
    for name in LEARNER_PAGES:
        quoted = runs((ROOT / "docs" / name).read_text(encoding="utf-8")) & form_runs.keys()
        assert not quoted, (name, sorted({form_runs[run] for run in quoted}))
