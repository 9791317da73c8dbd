"""Loading and checking valid content: what the checks hand on to rendering."""

from pathlib import Path

from build_tools.catalogue import load_catalogue
from build_tools.model import CompareExercise, SpotExercise

ROOT = Path(__file__).resolve().parent.parent


def test_the_repository_content_is_valid() -> None:
    catalogue = load_catalogue(ROOT / "exercises")
    assert catalogue.ok, catalogue.diagnostics
    folders = {path.parent.name for path in (ROOT / "exercises").glob("*/article.md")}
    assert set(catalogue.articles) == folders
    assert {e.article.id for e in catalogue.exercises} == set(catalogue.articles)


def test_spot_answers_point_at_their_units() -> None:
    catalogue = load_catalogue(ROOT / "exercises")
    exercise = next(e for e in catalogue.exercises if e.model.id == "warning-or-threat")
    assert isinstance(exercise.model, SpotExercise)
    for unit_number, answer in zip(exercise.answer_units, exercise.model.answers, strict=True):
        assert answer.quote in exercise.units[unit_number - 1].text
    # the author's split makes "and it is clear ..." a unit of its own
    assert exercise.units[-1].text.startswith("and it is clear that the warning")


def test_a_compare_exercise_locates_claim_source_and_differences() -> None:
    catalogue = load_catalogue(ROOT / "exercises", [ROOT / "tests/fixtures/compare.yaml"])
    assert catalogue.ok, catalogue.diagnostics
    (exercise,) = catalogue.exercises
    assert isinstance(exercise.model, CompareExercise)
    assert exercise.claim and exercise.quoted
    claim_start, claim_end = exercise.claim
    assert exercise.passage[claim_start:claim_end] == exercise.model.claim
    ((in_claim, in_source),) = exercise.differences
    assert exercise.passage[in_claim[0] : in_claim[1]] == "entirely funded"
    assert exercise.passage[in_source[0] : in_source[1]] == "Many of these"


def test_articles_keep_the_published_wording() -> None:
    """The reading text is the original extraction with only the recorded cleaning."""
    catalogue = load_catalogue(ROOT / "exercises")
    first = catalogue.articles["idlib-last-stand"].text
    assert "Tahrir al-Sham - formally Jabhat Al Nusra" in first  # [sic] kept
    assert "intermittently successful municipal services" in first  # page break rejoined
    assert "which has repeatedly cooperated with the self-proclaimed" in first
    assert "](#)" not in first and "**" not in first
    second = catalogue.articles["biden-strike-idlib"].text
    assert "confidential Pentagon documents, that US air wars" in second
    assert "“the last rebel stronghold in Syria”" in second  # curly quotes kept
    assert "Note to readers" not in second and "Copyright" not in second


def test_a_source_quote_in_pieces_is_found_piece_by_piece(tmp_path: Path) -> None:
    """Words the article quotes from one source in two places: each piece located, in order,
    and a difference found inside the piece that holds it."""
    text = (ROOT / "tests/fixtures/compare.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "source: Many of these more resource-intensive services are supported by international"
        " donors",
        "source: councils also provide some intermittently successful municipal services […]"
        " Many of these more resource-intensive services",
    )
    path = tmp_path / "pieces.yaml"
    path.write_text(text, encoding="utf-8")
    catalogue = load_catalogue(ROOT / "exercises", [path])
    assert catalogue.ok, catalogue.diagnostics
    (exercise,) = catalogue.exercises
    assert [exercise.passage[start:end] for start, end in exercise.quoted] == [
        "councils also provide some intermittently successful municipal services",
        "Many of these more resource-intensive services",
    ]
    ((_, in_source),) = exercise.differences
    assert exercise.passage[in_source[0] : in_source[1]] == "Many of these"
