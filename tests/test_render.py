"""Rendering without a build: escaping, embedded data, and what works without JavaScript."""

import json
import re
from dataclasses import replace
from pathlib import Path

from build_tools.catalogue import load_catalogue
from build_tools.render import (
    content_hash,
    json_for_script,
    markdown_text,
    navigation,
    render_exercise,
    render_pages,
    unit_pieces,
)

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
