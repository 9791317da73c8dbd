"""What the browser is told about the model, generated as one ES module.

The site's JavaScript never re-types a verdict, a label, a level, a limit or a storage
key: it imports them from `docs/assets/stc/facts.js`, which `python -m build_tools schema`
writes from the pydantic models and a test keeps fresh, like the JSON Schemas.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .model import (
    CHECK_UP_FORMS,
    CHECK_UP_STAGES,
    COMPARE_VERDICT_LABELS,
    COMPARE_VERDICT_MEANINGS,
    COUNT_MAX,
    EMERGENT_SHARE,
    FILE_FORMAT_VERSION,
    FILE_FORMAT_VERSIONS,
    NAME_MAX_CHARS,
    NOTE_MAX_CHARS,
    PICKS_MAX,
    PROGRESS_FILE_MAX_BYTES,
    PROGRESS_FORMAT,
    RESULTS_FILE_MAX_BYTES,
    RESULTS_FORMAT,
    RESULTS_MAX_EXERCISES,
    SENTENCE_NUMBER_PATTERN,
    SLUG_PATTERN,
    STORAGE_PREFIX,
    STORAGE_SETTINGS,
    VERDICT_LABELS,
    WHY_LABELS,
    WHY_SHORT_LABELS,
    CheckUpResult,
    CompareResult,
    ExerciseResult,
    ExerciseResultV1,
    ResultLevel,
    ResultsFile,
    ResultsFileV1,
    ResultsFileV2,
    SpotResult,
    Verdict,
)

FACTS_PATH = Path("docs/assets/stc/facts.js")
_HEADER = (
    "// Generated from build_tools/model.py by `python -m build_tools schema`; do not edit.\n"
    "// The one list of the facts the site's JavaScript shares with the Python tools.\n"
)


def facts() -> dict[str, Any]:
    return {
        "verdicts": {
            v.value: {"label": VERDICT_LABELS[v], "target": v.is_target, "scored": v.is_scored}
            for v in Verdict
        },
        "compareVerdicts": {v.value: label for v, label in COMPARE_VERDICT_LABELS.items()},
        "compareMeanings": {v.value: text for v, text in COMPARE_VERDICT_MEANINGS.items()},
        "whyLabels": {w.value: label for w, label in WHY_LABELS.items()},
        "whyShort": {w.value: label for w, label in WHY_SHORT_LABELS.items()},
        "levels": [
            {
                "name": level.value,
                "description": level.description,
                "learnerName": level.learner_name,
            }
            for level in ResultLevel
        ],
        "emergentShare": EMERGENT_SHARE,
        "slugPattern": SLUG_PATTERN,
        "sentenceNumberPattern": SENTENCE_NUMBER_PATTERN,
        "storagePrefix": STORAGE_PREFIX,
        "storageSettings": sorted(STORAGE_SETTINGS),
        "limits": {
            "note": NOTE_MAX_CHARS,
            "name": NAME_MAX_CHARS,
            "count": COUNT_MAX,
            "picks": PICKS_MAX,
            "resultsExercises": RESULTS_MAX_EXERCISES,
            "resultsFileBytes": RESULTS_FILE_MAX_BYTES,
            "progressFileBytes": PROGRESS_FILE_MAX_BYTES,
        },
        "resultsFields": {
            "file": {
                1: list(ResultsFileV1.model_fields),
                2: list(ResultsFileV2.model_fields),
                3: list(ResultsFile.model_fields),
            },
            "exercise": {
                1: list(ExerciseResultV1.model_fields),
                2: list(ExerciseResult.model_fields),
                3: list(ExerciseResult.model_fields),
            },
            "checkUp": list(CheckUpResult.model_fields),
            "spotResult": list(SpotResult.model_fields),
            "compareResult": list(CompareResult.model_fields),
        },
        "checkUps": {"forms": list(CHECK_UP_FORMS), "stages": list(CHECK_UP_STAGES)},
        "formats": {
            "results": RESULTS_FORMAT,
            "progress": PROGRESS_FORMAT,
            "version": FILE_FORMAT_VERSION,
            "versionsRead": list(FILE_FORMAT_VERSIONS),
        },
    }


def facts_module() -> str:
    body = json.dumps(facts(), indent=2, ensure_ascii=False)
    return f"{_HEADER}export default Object.freeze({body});\n"
