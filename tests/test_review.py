"""The blind-review tools: the packet hides the answers; agreement counts what it should."""

import re
from pathlib import Path

import pytest
import yaml

from build_tools.catalogue import load_catalogue
from build_tools.review import agreement, format_agreement, packet

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
    # Ours for warning-or-threat: 1 opinion, 2, 4 and 5 unsupported, 3 attributed.
    key = {
        "exercises": {
            "warning-or-threat": {
                "units": {
                    1: {"verdict": "opinion"},
                    2: {"verdict": "unsupported"},
                    4: {"verdict": "opinion"},  # flag differs
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
    assert len(flags) == 1 and "[4] ours unsupported, theirs opinion" in flags[0]
    assert len(labels) == 1  # unit 3 (attributed/context)
    assert result.same_verdict == 3 and result.ours_verdicts["unsupported"] == 3


def _figures(report: str) -> tuple[str, str, str]:
    agreed = re.search(
        r"agreement on flag / don't flag: (\d+ of \d+ \(\d+%\)), Cohen's kappa ([\d.]+)", report
    )
    compares = re.search(r"compare verdicts agreed: (\d+ of \d+)", report)
    assert agreed and compares
    return agreed.group(1), agreed.group(2), compares.group(1)


def test_the_published_figures_match_the_review() -> None:
    """The teachers' page quotes the initial report and the agreement of the current key."""
    page = (ROOT / "docs" / "how-the-answers-were-made.md").read_text(encoding="utf-8")
    row = next(line for line in page.splitlines() if line.startswith("| Agreement on flag"))
    kappa_row = next(line for line in page.splitlines() if line.startswith("| Cohen's kappa"))
    compare_row = next(line for line in page.splitlines() if line.startswith("| Compare verdicts"))
    review = ROOT / "review" / "second-review"
    before = _figures((review / "agreement-before-settlement.txt").read_text(encoding="utf-8"))
    key = yaml.safe_load((review / "key-as-compared.yaml").read_text(encoding="utf-8"))
    after = _figures(format_agreement(agreement(load_catalogue(ROOT / "exercises"), key)))
    assert row.split("|")[2:4] == [f" {before[0]} ", f" {after[0]} "], row
    assert kappa_row.split("|")[2:4] == [f" {before[1]} ", f" {after[1]} "], kappa_row
    assert compare_row.split("|")[2:4] == [f" {before[2]} ", f" {after[2]} "], compare_row
