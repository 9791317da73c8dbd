"""Following only the guide "Add an article and exercises": its article, its commands and
the checker's messages it shows are the real ones, and the new article reaches the site."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, mkdocs_build, project_copy

GUIDE = (ROOT / "docs" / "contributing.md").read_text(encoding="utf-8")
FIXTURE = ROOT / "tests" / "fixtures" / "guide" / "town-budget" / "article.md"


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", GUIDE, flags=re.S)


def run(project: Path, command: str) -> subprocess.CompletedProcess[str]:
    args = shlex.split(command)
    assert args[0] == ".venv/bin/python"  # the guide's commands, run with this interpreter
    return subprocess.run(
        [sys.executable, *args[1:]], cwd=project, capture_output=True, text=True, check=False
    )


def command(word: str) -> str:
    return next(line for block in blocks("bash") for line in block.splitlines() if word in line)


def test_the_guide_shows_the_real_article_file() -> None:
    assert blocks("markdown")[0] == FIXTURE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def guided(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project with the guide followed to its end, made once per worker: both
    tests below are in one xdist group, so they share it."""
    path = tmp_path_factory.mktemp("guided")
    follow_the_guide(path)
    return path


@pytest.mark.xdist_group("guide")
def test_following_the_guide_adds_an_article_with_two_exercises(guided: Path) -> None:
    assert (guided / "project" / "exercises" / "town-budget" / "article.md").is_file()


def follow_the_guide(tmp_path: Path) -> None:
    """Every step of the authors' guide, each checked as the guide says it should go."""
    (tmp_path / "project").mkdir()
    project = project_copy(tmp_path / "project")
    shutil.copytree(FIXTURE.parent, project / "exercises" / "town-budget")
    validate = command("validate")

    made = run(project, command("new --article"))
    assert made.returncode == 0, made.stderr
    exercise = project / "exercises/town-budget/01-everyone-knows-the-council-wastes.yaml"
    first, second = blocks("text")
    checked = run(project, validate)
    assert checked.returncode == 1 and checked.stderr == first

    text = exercise.read_text(encoding="utf-8")
    text = text.replace('title: ""', "title: Who knows?")
    text = text.replace('explanation: ""', "explanation: Nobody is named, and no figure is given.")
    text = text.replace('evidence_needed: ""', "evidence_needed: The council's accounts.")
    exercise.write_text(text, encoding="utf-8")
    checked = run(project, validate)
    assert checked.returncode == 1 and checked.stderr == second

    attributed, background = blocks("yaml")[:2]
    exercise.write_text(text + attributed + background, encoding="utf-8")
    checked = run(project, validate)
    assert checked.returncode == 0, checked.stderr

    made = run(
        project,
        '.venv/bin/python -m build_tools new --article town-budget --quote "It is clear the'
        ' council plans" --id raise-taxes',
    )
    assert made.returncode == 0, made.stderr
    second_file = project / "exercises/town-budget/02-raise-taxes.yaml"
    text = second_file.read_text(encoding="utf-8")
    text = text.replace('title: ""', "title: A plan, or a guess?")
    text = text.replace("why: [no-source]", "why: [guess-as-fact]")
    text = text.replace("skills: [no-source]", "skills: [guess-as-fact]")
    text = text.replace('explanation: ""', "explanation: A plan is stated as certain.")
    text = text.replace('evidence_needed: ""', "evidence_needed: Minutes of a council meeting.")
    second_file.write_text(text + blocks("yaml")[0], encoding="utf-8")
    checked = run(project, validate)
    assert checked.returncode == 0, checked.stderr
    articles = len(list((project / "exercises").glob("*/article.md")))
    assert checked.stdout.startswith("ok: ") and f"on {articles} article(s)" in checked.stdout

    built = mkdocs_build(project / "mkdocs.yml", tmp_path / "site", "http://127.0.0.1:8000/")
    assert built.returncode == 0, built.stderr
    site = tmp_path / "site" / "articles"
    page = (site / "town-budget" / "index.html").read_text(encoding="utf-8")
    assert "The Council&#39;s Budget Proves the Town Is Broke" in page or (
        "The Council's Budget Proves the Town Is Broke" in page
    )
    for exercise_id in ("everyone-knows-the-council-wastes", "raise-taxes"):
        assert (site / "town-budget" / exercise_id / "index.html").is_file()
        assert f'href="{exercise_id}/"' in page


PYTEST = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "not browser"]
CONTENT_TESTS = [
    "tests/test_content.py",
    "tests/test_standard.py",
    "tests/test_checks.py",
    "tests/test_review.py",
    "tests/test_front_end.py",
    "tests/test_render.py",
]


@pytest.mark.xdist_group("guide")
def test_a_new_article_leaves_the_content_tests_green(guided: Path) -> None:
    """The catalogue grows: the content tests assert their rules for every article present,
    so a valid new article with two exercises, made by following the guide, passes them."""
    project = guided / "project"
    for name in ("tests", "review", "schema", "build_tools"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", project / "pyproject.toml")
    result = subprocess.run(
        [*PYTEST, *CONTENT_TESTS],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(project)},
    )
    assert result.returncode == 0, result.stdout[-4000:]
