"""Build benchmarks (`make bench`): the real site, and synthetic catalogues of 100 and 1000
exercises, each against plain MkDocs Markdown pages of the same count and length built with
the same theme in the same run. Prints figures; it is not a test.

The plain baseline is what a site of that many pages costs with Material's defaults: every
page carries the whole navigation. Budget at 1000 exercises: at most 0.35x the baseline's
build time and 0.25x its bytes; validating 1000 exercises in under a second.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from build_tools.catalogue import load_catalogue
from build_tools.render import render_pages

ROOT = Path(__file__).resolve().parent.parent
PER_ARTICLE = 50
SENTENCES = 60
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "http://127.0.0.1:8000/"}


def article_text(a: int) -> str:
    paragraphs = []
    for p in range(SENTENCES // 6):
        sentences = [
            f"In study {a}, finding {p * 6 + s + 1} says the council spent more on item {s}."
            for s in range(6)
        ]
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs)


def write_catalogue(folder: Path, count: int) -> None:
    for a in range(max(1, count // PER_ARTICLE)):
        article = folder / f"study-{a}"
        article.mkdir(parents=True)
        body = article_text(a)
        (article / "article.md").write_text(
            f'---\ntitle: "Study {a}"\nauthor: A. Writer\noutlet: Example\ndate: "2026"\n'
            f"context: A synthetic article for the build benchmark.\n"
            f"cleaning:\n  - Nothing.\n---\n\n{body}\n",
            encoding="utf-8",
        )
        paragraphs = body.split("\n\n")
        for e in range(min(PER_ARTICLE, count)):
            passage = paragraphs[e % len(paragraphs)]
            sentences = [s.strip() for s in re.findall(r"[^.]+\.", passage)]
            first, second, *rest = sentences[1:] + sentences[:1]
            background = "".join(  # a complete key: every sentence explained
                f'  - quote: "{sentence}"\n    verdict: background\n'
                f"    explanation: Background, stated in passing.\n"
                for sentence in rest
            )
            (article / f"{e:03d}-ex.yaml").write_text(
                f"id: study-{a}-exercise-{e}\narticle: study-{a}\ntitle: Exercise {e}\n"
                f"kind: spot\nlevel: {e % 3 + 1}\nminutes: 5\nskills: [no-source]\n"
                f"passage: |\n  {passage}\nanswers:\n"
                f'  - quote: "{first}"\n    verdict: unsupported\n'
                f"    why: [no-source]\n    explanation: No source is given for the figure.\n"
                f"    evidence_needed: The council's accounts.\n"
                f'  - quote: "{second}"\n    verdict: supported\n'
                f"    explanation: The figure is in the budget the text cites.\n{background}",
                encoding="utf-8",
            )


def site_bytes(site: Path) -> int:
    return sum(f.stat().st_size for f in site.rglob("*") if f.is_file())


def build(project: Path) -> tuple[float, int]:
    out = project / "site"
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "-q",
            "-f",
            str(project / "mkdocs.yml"),
            "-d",
            str(out),
        ],
        check=True,
        env=ENV,
    )
    return time.perf_counter() - start, site_bytes(out)


def ours(workdir: Path, count: int | None) -> tuple[Path, int]:
    project = workdir / "ours"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project)
    shutil.copytree(ROOT / "docs", project / "docs")
    if count is None:
        shutil.copytree(ROOT / "exercises", project / "exercises")
    else:
        write_catalogue(project / "exercises", count)
    catalogue = load_catalogue(project / "exercises")
    assert catalogue.ok, catalogue.diagnostics[:3]
    return project, len(catalogue.exercises)


def plain(workdir: Path, project: Path) -> Path:
    """The same number of pages, of the same lengths, as plain Markdown with Material."""
    baseline = workdir / "plain"
    (baseline / "docs").mkdir(parents=True)
    pages = render_pages(load_catalogue(project / "exercises"))
    for number, content in enumerate(pages.values()):
        words = re.sub(r"<[^>]+>|\{\{|\}\}", " ", content)
        (baseline / "docs" / f"page-{number:04d}.md").write_text(
            f"# Page {number}\n\n{words}\n", encoding="utf-8"
        )
    (baseline / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (baseline / "mkdocs.yml").write_text(
        "site_name: Plain\ntheme:\n  name: material\n  font: false\nplugins:\n  - search\n",
        encoding="utf-8",
    )
    return baseline


def time_validation(project: Path) -> float:
    start = time.perf_counter()
    catalogue = load_catalogue(project / "exercises")
    elapsed = time.perf_counter() - start
    assert catalogue.ok
    return elapsed


def main() -> int:
    ok = True
    print("Build benchmarks (seconds, megabytes written):")
    for count in (None, 100, 1000):
        with tempfile.TemporaryDirectory() as tmp:
            workdir = Path(tmp)
            project, exercises = ours(workdir, count)
            validation = time_validation(project)
            our_time, our_bytes = build(project)
            base_time, base_bytes = build(plain(workdir, project))
            label = "the real site" if count is None else f"{exercises} synthetic exercises"
            ratio_time, ratio_bytes = our_time / base_time, our_bytes / base_bytes
            print(
                f"  {label:<26} ours {our_time:6.1f} s {our_bytes / 1e6:7.1f} MB · plain "
                f"{base_time:6.1f} s {base_bytes / 1e6:7.1f} MB · ratio time {ratio_time:.2f}, "
                f"bytes {ratio_bytes:.2f} · validation {validation:.2f} s"
            )
            if count == 1000:
                ok &= ratio_time <= 0.35 and ratio_bytes <= 0.25 and validation < 1
                print(
                    f"  at 1000: time {ratio_time:.2f} (budget 0.35), bytes {ratio_bytes:.2f} "
                    f"(budget 0.25), validation {validation:.2f} s (budget 1 s): "
                    + ("within budget" if ok else "OVER budget")
                )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
