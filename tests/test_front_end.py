"""One source of truth between Python and the browser: the facts module is generated from
the model and fresh, and no other shipped script or template re-types a fact it holds."""

from __future__ import annotations

import json
import re
from pathlib import Path

from build_tools.front_end import FACTS_PATH, facts, facts_module
from build_tools.model import (
    COMPARE_VERDICT_LABELS,
    PROGRESS_FORMAT,
    RESULTS_FORMAT,
    STORAGE_PREFIX,
    VERDICT_LABELS,
    ResultLevel,
    Verdict,
)

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = sorted((ROOT / "docs" / "assets").rglob("*.js"))


def shipped_code() -> dict[str, str]:
    """Every shipped script but the generated facts, with comments removed."""
    strip = re.compile(r"/\*.*?\*/|(?<![:\"'])//[^\n]*", re.S)
    return {
        path.name: strip.sub("", path.read_text(encoding="utf-8"))
        for path in SCRIPTS
        if path != ROOT / FACTS_PATH
    }


def test_the_committed_facts_module_is_generated_from_the_model() -> None:
    assert (ROOT / FACTS_PATH).read_text(encoding="utf-8") == facts_module(), (
        "run 'python -m build_tools schema' and commit the result"
    )


def test_the_facts_cover_every_verdict_level_and_label() -> None:
    data = facts()
    assert set(data["verdicts"]) == {v.value for v in Verdict}
    for verdict in Verdict:
        entry = data["verdicts"][verdict.value]
        assert entry == {
            "label": verdict.label,
            "target": verdict.is_target,
            "scored": verdict.is_scored,
        }
    assert [level["name"] for level in data["levels"]] == [level.value for level in ResultLevel]
    assert data["compareVerdicts"] == {
        v.value: label for v, label in COMPARE_VERDICT_LABELS.items()
    }


def test_a_verdict_added_in_python_reaches_the_browser_or_the_check_fails(monkeypatch) -> None:
    """Drift: with one more verdict in the model, the generated module differs from the
    committed one, so the freshness check fails until it is regenerated; the browser then
    handles the new verdict from its flags (tests/js checks every verdict has them)."""
    from enum import StrEnum

    from build_tools import front_end

    Extended = StrEnum(
        "Extended", {**{v.name: v.value for v in Verdict}, "MISLEADING": "misleading"}
    )
    labels = {**{Extended(v.value): label for v, label in VERDICT_LABELS.items()}}
    labels[Extended("misleading")] = "Misleading"
    monkeypatch.setattr(
        Extended,
        "is_target",
        property(lambda v: v.value in ("unsupported", "overreach", "misleading")),
        raising=False,
    )
    monkeypatch.setattr(
        Extended,
        "is_scored",
        property(lambda v: v.value not in ("background", "opinion", "debatable")),
        raising=False,
    )
    monkeypatch.setattr(front_end, "Verdict", Extended)
    monkeypatch.setattr(front_end, "VERDICT_LABELS", labels)
    generated = facts_module()
    assert '"misleading"' in generated
    assert generated != (ROOT / FACTS_PATH).read_text(encoding="utf-8")


def test_no_shipped_script_retypes_a_fact() -> None:
    literals = {
        *(json.dumps(v.value) for v in Verdict),
        *(json.dumps(label) for label in VERDICT_LABELS.values()),
        *(json.dumps(label) for label in COMPARE_VERDICT_LABELS.values()),
        *(json.dumps(level.value) for level in ResultLevel),
        json.dumps(STORAGE_PREFIX),
        json.dumps(RESULTS_FORMAT),
        json.dumps(PROGRESS_FORMAT),
    }
    retyped = [
        f"{name}: {literal}"
        for name, code in shipped_code().items()
        for literal in literals
        if literal in code or literal.replace('"', "'") in code
    ]
    assert retyped == []


def test_no_shipped_script_guesses_a_url_or_reads_materials_private_globals() -> None:
    for name, code in shipped_code().items():
        assert "__md_" not in code, name
        assert "articles/" not in code and "assignment/" not in code, name
