"""The JSON Schema of exercise files, generated from the pydantic models for editors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from .model import AnyResultsFile, CheckUpForm, Exercise

SCHEMA_DIR = Path("schema")
_GENERATED = "Generated from build_tools/model.py by `python -m build_tools schema`; do not edit."
SCHEMAS: dict[str, tuple[Any, str, str]] = {
    "exercise.schema.json": (
        Exercise,
        "Spot the Claim exercise",
        "One exercise file under exercises/<article-id>/.",
    ),
    "check-up.schema.json": (
        CheckUpForm,
        "Spot the Claim check-up form",
        "A check-up form, exercises/check-ups/form-a.yaml or form-b.yaml.",
    ),
    "results.schema.json": (
        AnyResultsFile,
        "Spot the Claim results file",
        "The file a student downloads from an assignment page and hands to the teacher.",
    ),
}


def schema_text(name: str) -> str:
    model, title, description = SCHEMAS[name]
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": title,
        "description": f"{description} {_GENERATED}",
        **TypeAdapter(model).json_schema(),
    }
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
