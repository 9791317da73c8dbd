"""The command line as an author runs it."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

from build_tools.schema import SCHEMA_DIR, SCHEMAS, schema_text

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "build_tools", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_validate_passes_on_the_repository() -> None:
    result = run("validate")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok: ")


def test_validate_one_bad_file_exits_1_with_path_line_col() -> None:
    result = run("validate", "tests/bad_input/bad-verdict.yaml")
    assert result.returncode == 1
    assert result.stderr.startswith("tests/bad_input/bad-verdict.yaml:23:14: error: ")
    assert "did you mean 'supported'?" in result.stderr


def test_validate_a_missing_path() -> None:
    result = run("validate", "no/such/file.yaml")
    assert result.returncode == 1
    assert "no/such/file.yaml:1:1: error: no such file or folder" in result.stderr


def test_the_committed_json_schemas_are_fresh() -> None:
    for name in SCHEMAS:
        assert (ROOT / SCHEMA_DIR / name).read_text(encoding="utf-8") == schema_text(name), (
            "run 'python -m build_tools schema' and commit the result"
        )
    assert run("schema", "--check").returncode == 0


def test_the_schema_knows_every_kind_and_verdict() -> None:
    schema = json.loads(schema_text("exercise.schema.json"))
    assert set(schema["discriminator"]["mapping"]) == {"spot", "compare"}
    verdicts = schema["$defs"]["Verdict"]["enum"]
    assert "unsupported" in verdicts and "attributed" in verdicts


NEW = [sys.executable, "-m", "build_tools", "new", "--article", "idlib-last-stand"]


def test_new_refuses_an_id_already_in_use(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "exercises", tmp_path / "exercises")
    before = sorted(p.name for p in (tmp_path / "exercises").rglob("*.yaml"))
    for taken in ("warning-or-threat", "most-obvious-place"):
        made = subprocess.run(
            [*NEW, "--quote", "it is clear that the warning", "--id", taken],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=False,
        )
        assert made.returncode == 1 and "Traceback" not in made.stderr, made.stderr
        assert f"the id '{taken}' is already used by exercises/" in made.stderr
    assert sorted(p.name for p in (tmp_path / "exercises").rglob("*.yaml")) == before


def test_new_refuses_a_bad_argument_without_a_traceback(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "exercises", tmp_path / "exercises")
    for bad in (
        ["--quote", "it is clear that the warning", "--around", "-100"],
        ["--quote", "it is clear that the warning", "--around", "many"],
        ["--quote", "   "],
        ["--quote", "it is clear that the warning", "--id", "a/b"],
    ):
        made = subprocess.run(
            [*NEW, *bad], cwd=tmp_path, capture_output=True, text=True, check=False
        )
        assert made.returncode != 0 and "Traceback" not in made.stderr, (bad, made.stderr)
        assert "error" in made.stderr, bad
    assert not list((tmp_path / "exercises").rglob("*-a*b*.yaml"))
