"""Rendering without a build: escaping, embedded data, and what works without JavaScript."""

import html
import json
import re
from dataclasses import replace
from pathlib import Path

import yaml

from build_tools.catalogue import load_catalogue
from build_tools.model import Verdict
from build_tools.render import (
    PRINTING_PAGE,
    content_hash,
    json_for_script,
    markdown_text,
    navigation,
    render_article,
    render_exercise,
    render_for_print,
    render_pages,
    unit_pieces,
)
from build_tools.standards import ALL as ALL_STANDARDS

ROOT = Path(__file__).resolve().parent.parent


def catalogue_with_fixture():
    return load_catalogue(ROOT / "exercises", [ROOT / "exercises", ROOT / "tests/fixtures"])


def test_markdown_text_is_inert() -> None:
    assert str(markdown_text("[x](javascript:alert(1)) <b>")) == (
        "\\[x\\]\\(javascript:alert\\(1\\)\\) &lt;b&gt;"
    )


def test_script_json_cannot_close_its_element() -> None:
    text = str(json_for_script({"t": "</script><script>alert(1)</script>"}))
    assert "</" not in text and "<" not in text
    assert json.loads(text) == [{"t": "</script><script>alert(1)</script>"}]


def test_pages_and_navigation_cover_every_article_and_exercise() -> None:
    catalogue = catalogue_with_fixture()
    pages = render_pages(catalogue)
    assert "articles/index.md" in pages
    for exercise in catalogue.exercises:
        assert f"articles/{exercise.article.id}/{exercise.model.id}.md" in pages
    nav = navigation(catalogue)
    assert nav[0] == "articles/index.md"
    assert len(nav) == 1 + len(catalogue.articles)


def test_exercise_page_has_one_root_with_its_data() -> None:
    catalogue = catalogue_with_fixture()
    for exercise in catalogue.exercises:
        page = render_exercise(exercise)
        roots = re.findall(r'data-exercise="([^"]+)"', page)
        assert roots == [exercise.model.id]
        data = json.loads(re.search(r'class="stc-data">(.*?)</script>', page).group(1))[0]
        assert data["id"] == exercise.model.id and data["kind"] == exercise.model.kind
        assert [u["text"] for u in data["units"]] == [u.text for u in exercise.units]
        assert re.fullmatch(r"[0-9a-f]{16}", data["version"])
        # without JavaScript: numbered units, and the answers folded away in <details>
        assert page.count('class="stc-unit"') == len(exercise.units)
        assert '<details class="stc-answers' in page and "<details open" not in page


def test_the_content_version_changes_with_the_content() -> None:
    exercise = catalogue_with_fixture().exercises[0]
    changed_model = exercise.model.model_copy(update={"title": "Another title"})
    changed = replace(exercise, source=replace(exercise.source, model=changed_model))
    assert content_hash(exercise) != content_hash(changed)
    assert content_hash(exercise) == content_hash(replace(exercise))


def test_the_content_version_changes_when_the_units_do() -> None:
    """Saved picks are sentence numbers: if the passage splits differently, even with the
    exercise file unchanged (a new splitting rule), the version must change with it."""
    for exercise in catalogue_with_fixture().exercises:
        if len(exercise.units) < 2:
            continue
        first, second, *rest = exercise.units
        merged = replace(first, end=second.end, text=f"{first.text} {second.text}")
        renumbered = [replace(u, number=u.number - 1) for u in rest]
        resplit = replace(exercise, units=[merged, *renumbered])
        assert resplit.model == exercise.model
        assert content_hash(resplit) != content_hash(exercise), exercise.model.id


def test_a_compare_passage_marks_the_claim_and_the_quoted_words() -> None:
    catalogue = load_catalogue(ROOT / "exercises", [ROOT / "tests/fixtures/compare.yaml"])
    (exercise,) = catalogue.exercises
    runs = [run for unit in exercise.units for run in unit_pieces(exercise, unit)]
    assert "".join(text for text, _ in runs) == "".join(u.text for u in exercise.units)
    assert [text for text, kind in runs if kind == "claim"] == [exercise.model.claim]
    assert [text for text, kind in runs if kind == "quoted"] == [exercise.model.source]
    page = render_exercise(exercise)
    assert f'<q class="stc-quoted">{exercise.model.source}</q>' in page


def test_a_spot_unit_is_one_plain_run() -> None:
    catalogue = load_catalogue(ROOT / "exercises")
    exercise = next(e for e in catalogue.exercises if e.model.id == "warning-or-threat")
    assert unit_pieces(exercise, exercise.units[0]) == [(exercise.units[0].text, "")]


def test_exercise_pages_link_every_exercise_in_the_site_order() -> None:
    catalogue = load_catalogue(ROOT / "exercises")
    pages = render_pages(catalogue)
    page = pages["articles/idlib-last-stand/warning-or-threat.md"]
    keys = re.findall(r'data-stc-link="exercise:([a-z0-9-]+)"', page)
    in_order = [
        e.model.id for a in catalogue.articles_in_order() for e in catalogue.exercises_of(a.id)
    ]
    assert keys == in_order
    assert 'data-stc-link="page:assignment"' in page and 'data-stc-link="page:progress"' in page


# Paper, and what learner pages leave to the teachers' pages.

ANSWER_LINE = '<p class="stc-write__line">Sentence no. ____'


def targets(exercise) -> list[int]:
    return [unit for unit, answer in exercise.answers_by_unit if answer.verdict.is_target]


def test_a_spot_exercise_has_one_line_to_write_on_per_sentence_to_flag() -> None:
    catalogue = catalogue_with_fixture()
    for article in catalogue.articles.values():
        exercises = catalogue.exercises_of(article.id)
        sheet = render_for_print("worksheet.md.j2", article, exercises)
        assert sheet.count(ANSWER_LINE) == sum(len(targets(e)) for e in exercises)
        for exercise in exercises:
            expected = len(targets(exercise)) if exercise.model.kind == "spot" else 0
            assert render_exercise(exercise).count(ANSWER_LINE) == expected, exercise.model.id
    assert any(len(targets(e)) > 3 for e in catalogue.exercises)  # more than the old three


def test_the_answer_key_opens_with_a_summary_made_from_the_answers() -> None:
    catalogue = catalogue_with_fixture()
    for article in catalogue.articles.values():
        exercises = catalogue.exercises_of(article.id)
        key = render_for_print("answer-key.md.j2", article, exercises)
        if not exercises:
            assert "Summary" not in key
            continue
        summary, full_key = key.split("\n## 1. ", 1)
        rows = re.findall(
            r'<tr><td><a href="#([^"]+)">(\d+)\. [^<]*</a></td><td>([^<]*)</td></tr>', summary
        )
        assert [(anchor, int(n)) for anchor, n, _ in rows] == [
            (f"exercise-{e.model.id}", n) for n, e in enumerate(exercises, start=1)
        ]
        for (anchor, _, answer), exercise in zip(rows, exercises, strict=True):
            assert f"{{ #{anchor} }}" in key  # each row links to its section
            model = exercise.model
            if model.kind == "compare":
                assert html.unescape(answer) == f"Verdict: {model.verdict.label}"
            else:
                numbers = [int(n) for n in re.findall(r"\d+", answer)]
                assert numbers == targets(exercise) and numbers, answer
                flagged = {
                    u
                    for u, a in exercise.answers_by_unit
                    if a.verdict in (Verdict.UNSUPPORTED, Verdict.OVERREACH)
                }
                assert set(numbers) == flagged
        assert "stc-key__item" not in summary and "stc-key__item" in full_key


def test_answer_keys_are_linked_from_the_teachers_pages_not_the_learners() -> None:
    catalogue = catalogue_with_fixture()
    pages = render_pages(catalogue)
    for article in catalogue.articles.values():
        exercises = catalogue.exercises_of(article.id)
        learner = render_article(article, exercises)
        assert "answer-key" not in learner and "answer key" not in learner.lower()
        assert ("(worksheet.md)" in learner) == bool(exercises)
        for link in ("worksheet.md", "answer-key.md"):
            assert f"(../articles/{article.id}/{link})" in pages[PRINTING_PAGE] or not exercises
    assert not [
        uri
        for uri, text in pages.items()
        if "answer-key.md" in text
        and (uri.startswith("articles/") and not uri.endswith(("answer-key.md", "worksheet.md")))
    ]


def test_exercise_pages_show_no_standards_codes_and_tag_skills_by_label() -> None:
    for exercise in catalogue_with_fixture().exercises:
        page = render_exercise(exercise)
        meta = yaml.safe_load(page.split("---")[1])
        assert meta["tags"] == [skill.label for skill in exercise.model.skills]
        assert not [s.code for s in ALL_STANDARDS if s.code in page], exercise.model.id
        assert "standards.md" not in page
