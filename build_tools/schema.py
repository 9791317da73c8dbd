"""The JSON Schema of exercise files, generated from the pydantic models for editors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from .model import Exercise

SCHEMA_PATH = Path("schema/exercise.schema.json")


def exercise_schema() -> dict[str, Any]:
    schema = TypeAdapter(Exercise).json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Spot the Claim exercise",
        "description": "One exercise file under exercises/<article-id>/. Generated from "
        "build_tools/model.py by `python -m build_tools schema`; do not edit by hand.",
        **schema,
    }


def schema_text() -> str:
    return json.dumps(exercise_schema(), indent=2, ensure_ascii=False) + "\n"
