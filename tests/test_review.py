"""The blind-review tools: the packet hides the answers; agreement counts what it should."""

from pathlib import Path

import pytest

from build_tools.catalogue import load_catalogue
from build_tools.review import agreement, packet

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def catalogue():
    result = load_catalogue(ROOT / "exercises", [ROOT / "exercises/idlib-last-stand"])
    assert result.ok
    return result


def test_the_packet_shows_units_but_no_answers(catalogue) -> None:
    text = packet(catalogue)
    assert "[5] and it is clear that the warning was actually a threat" in text
    for answer_text in ("Evidence that would settle", "explanation", "evidence_needed"):
        assert answer_text not in text
    exercise = next(e for e in catalogue.exercises if e.model.id == "warning-or-threat")
    for answer in exercise.model.answers:
        assert answer.explanation not in text


def test_agreement_on_flags_kappa_and_differences(catalogue) -> None:
    # Ours for warning-or-threat: 1 debatable, 2 unsupported, 3 attributed, 4 and 5 unsupported.
    key = {
        "exercises": {
            "warning-or-threat": {
                "units": {
                    1: {"verdict": "opinion"},  # label differs, flag agrees
                    2: {"verdict": "unsupported"},
                    4: {"verdict": "supported"},  # flag differs
                    5: {"verdict": "unsupported"},
                }
            },
            "entirely-funded": {"verdict": "goes-beyond"},
        }
    }
    result = agreement(catalogue, key)
    assert (result.units, result.agreed) == (5, 4)
    assert (result.ours_flagged, result.theirs_flagged) == (3, 2)
    # p_o = 0.8; p_e = 0.6 * 0.4 + 0.4 * 0.6 = 0.48; kappa = 0.32 / 0.52
    assert result.kappa == pytest.approx(0.32 / 0.52)
    assert (result.compares, result.compares_agreed) == (1, 1)
    flags = [d for d in result.differences if d.startswith("FLAG")]
    labels = [d for d in result.differences if d.startswith("label")]
    assert len(flags) == 1 and "[4] ours unsupported, theirs supported" in flags[0]
    assert len(labels) == 2  # unit 1 (debatable/opinion), unit 3 (attributed/context)
