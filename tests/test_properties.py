"""Property-based tests: whatever an author's file holds, loading and checking it ends in
a valid result or in diagnostics, never in an exception.

Examples per property come from the Hypothesis profile: 200 in `make test`, many more
in `make fuzz` (profiles are set in conftest.py).
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_tools.catalogue import load_catalogue
from build_tools.checks import CheckedExercise, check_exercise
from build_tools.diagnostics import Problems
from build_tools.loader import load_exercise
from build_tools.yaml_reader import read_yaml

ROOT = Path(__file__).resolve().parent.parent
VALID = (ROOT / "exercises/idlib-last-stand/01-warning-or-threat.yaml").read_text(encoding="utf-8")
ARTICLES = load_catalogue(ROOT / "exercises").articles
YAML_ALPHABET = st.sampled_from([*":-[]{}&*!|>'\"#%@` \n\t,?abc123", "\u00e9", "\u201c"])


@st.composite
def mutated(draw: st.DrawFn, text: str = VALID) -> str:
    """The valid exercise with a few characters deleted, inserted or replaced."""
    chars = list(text)
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(chars)))
        action = draw(st.sampled_from(["delete", "insert", "replace"]))
        if action == "delete" and at < len(chars):
            del chars[at]
        elif action == "insert":
            chars.insert(at, draw(YAML_ALPHABET))
        elif at < len(chars):
            chars[at] = draw(YAML_ALPHABET)
    return "".join(chars)


@given(st.text(alphabet=YAML_ALPHABET, max_size=200) | st.text(max_size=200))
def test_reading_any_text_gives_data_or_diagnostics(text: str) -> None:
    try:
        read_yaml(Path("x.yaml"), text)
    except Problems as problems:
        assert problems.diagnostics
        for diagnostic in problems.diagnostics:
            assert diagnostic.position.line >= 1 and diagnostic.position.col >= 1


@settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mutated())
def test_a_mutated_exercise_is_valid_or_reported(tmp_path: Path, text: str) -> None:
    path = tmp_path / "exercise.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        result = check_exercise(load_exercise(path), ARTICLES)
    except Problems as problems:
        result = problems.diagnostics
    if isinstance(result, CheckedExercise):
        assert result.units
        return
    assert result
    for diagnostic in result:
        assert diagnostic.path == path
        assert 1 <= diagnostic.position.line <= text.count("\n") + 2
