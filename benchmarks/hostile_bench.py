"""Hostile-input benchmarks (`make bench`): `validate` on the files that once crashed or
stalled it. Prints figures; it is not a test.

Each case runs `python -m build_tools validate FILE` in a fresh process and reads that
process's own wall time and peak memory (from `wait4`). Budgets: every file within 2 s and
200 MB; a 3 GB file refused within 1 s and under 200 MB, since its size is checked before
a byte of it is read.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUDGET_SECONDS = 2.0
BUDGET_HUGE_SECONDS = 1.0
BUDGET_MB = 200

FRONT_MATTER = (
    '---\ntitle: "Many short sentences"\nauthor: A. Writer\noutlet: Example\ndate: "2026"\n'
    "context: A synthetic article for the hostile-input benchmark.\ncleaning:\n  - Nothing.\n"
    "exercise_set: growing\n---\n\n"
)


def exercise(exercise_id: str, passage: str, answers: int = 1) -> str:
    """A spot exercise on `passage` whose answers all quote a sentence found everywhere."""
    indented = "\n".join(f"  {line}" for line in passage.split("\n"))
    answer = (
        "  - quote: It rained.\n    verdict: unsupported\n    why: [no-source]\n"
        "    explanation: No source.\n    evidence_needed: A record.\n"
    )
    return (
        f"id: {exercise_id}\narticle: many-sentences\ntitle: A long passage\nkind: spot\n"
        f"level: 1\nminutes: 5\nskills: [no-source]\npassage: |\n{indented}\n"
        f"answers:\n{answer * answers}"
    )


def wrapped(text: str, width: int = 88) -> str:
    return "\n".join(text[i : i + width].strip() for i in range(0, len(text), width))


def make_cases(folder: Path) -> list[tuple[str, Path, float]]:
    content = folder / "exercises"
    article = content / "many-sentences"
    article.mkdir(parents=True)
    sentences = wrapped("It rained. " * 18_200)  # 200 KB of short sentences
    (article / "article.md").write_text(FRONT_MATTER + sentences + "\n", encoding="utf-8")
    cases: list[tuple[str, Path, float]] = []

    def case(name: str, text: str | Callable[[Path], None], budget: float = BUDGET_SECONDS) -> None:
        path = article / f"{name}.yaml"
        if callable(text):
            text(path)
        else:
            path.write_text(text, encoding="utf-8")
        cases.append((name, path, budget))

    case("passage-200kb", exercise("passage-200kb", sentences))
    case("answers-200", exercise("answers-200", sentences, answers=200))
    case("answers-4000", exercise("answers-4000", sentences, answers=4000))
    case("misquote-60kb", exercise("misquote-60kb", wrapped("It rainde. " * 5_500)))
    case("misquote-1mb-unlike", exercise("misquote-1mb-unlike", wrapped("b " * 480_000)))
    case("nesting-60kb", "title: " + "[" * 30_000 + "]" * 30_000 + "\n")
    numbered = content / "numbered"  # 6,000 sentences with no answer: 6,000 problems
    numbered.mkdir()
    text = " ".join(f"Sentence {i} is here." for i in range(6000))
    front = FRONT_MATTER.replace("Many short sentences", "Numbered sentences")
    (numbered / "article.md").write_text(f"{front}{text}\n", encoding="utf-8")
    flood = numbered / "flood-6000.yaml"
    flood.write_text(
        "id: flood\narticle: numbered\ntitle: Flood\nkind: spot\nlevel: 1\nminutes: 5\n"
        f"skills: [no-source]\npassage: |\n  {text}\nanswers:\n"
        "  - quote: Sentence 0 is here.\n    verdict: supported\n    explanation: Yes.\n",
        encoding="utf-8",
    )
    cases.append(("problems-6000", flood, BUDGET_SECONDS))
    noise = content / "noise"  # 400 quotes and splits found nowhere in a 420 KB text
    noise.mkdir()
    chance = random.Random(1)
    words = [
        "".join(chance.choice("ab") for _ in range(chance.randint(1, 4))) for _ in range(120_000)
    ]
    (noise / "article.md").write_text(
        FRONT_MATTER.replace("Many short sentences", "Noise") + wrapped(" ".join(words)) + "\n",
        encoding="utf-8",
    )
    passage = "\n".join(f"  {line}" for line in wrapped(" ".join(words[:100_000])).split("\n"))

    def unlike() -> str:
        return " ".join("".join(chance.choice("ab") for _ in range(5)) + "a" for _ in range(66))

    splits = "".join(f"  - {unlike()}\n" for _ in range(200))
    answers = "".join(
        f"  - quote: {unlike()}\n    verdict: supported\n    explanation: X.\n" for _ in range(200)
    )
    misquotes = noise / "misquotes-400.yaml"
    misquotes.write_text(
        "id: noise\narticle: noise\ntitle: Noise\nkind: spot\nlevel: 1\nminutes: 5\n"
        f"skills: [no-source]\npassage: |\n{passage}\nsplits:\n{splits}answers:\n{answers}",
        encoding="utf-8",
    )
    cases.append(("misquotes-400", misquotes, BUDGET_SECONDS))
    big = content / "big-article"
    big.mkdir()
    article_1mb = big / "article.md"
    article_1mb.write_text(FRONT_MATTER + wrapped("It rained. " * 90_000) + "\n", encoding="utf-8")
    cases.append(("article-1mb", article_1mb, BUDGET_SECONDS))
    case("huge-3gb", lambda path: os.truncate(_touch(path), 3 * 1024**3), BUDGET_HUGE_SECONDS)
    return cases


def _touch(path: Path) -> Path:
    path.touch()
    return path


def run(path: Path, cwd: Path) -> tuple[float, float, int]:
    """Wall seconds, peak megabytes and exit status of one `validate` run."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "build_tools", "validate", str(path)],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - started, usage.ru_maxrss / 1024, process.returncode


def main() -> int:
    ok = True
    print(f"validate on hostile files (budget {BUDGET_SECONDS:g} s and {BUDGET_MB} MB each):")
    with tempfile.TemporaryDirectory() as tmp:
        for name, path, budget in make_cases(Path(tmp)):
            seconds, megabytes, code = run(path, Path(tmp))
            within = seconds <= budget and megabytes <= BUDGET_MB and code in (0, 1)
            ok &= within
            size = path.stat().st_size
            print(
                f"  {name:<20} {size:>15,} B  {seconds:6.2f} s  {megabytes:6.1f} MB  "
                f"exit {code}  {'within' if within else 'OVER'} {budget:g} s / {BUDGET_MB} MB"
            )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
