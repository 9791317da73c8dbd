"""Benchmarks for the learner front end (`make bench`). Prints figures; it is not a test.

1. Bytes: each of the site's own assets gzipped, and the exercise front end (the ES modules
   and the stylesheet every exercise page loads, each gzipped on its own as a server sends
   it) against its budget.
2. Time to an interactive exercise: the real site is built and copied; in the copy the
   benchmarked exercise page is made plain (same bytes and place in the site, its data
   in an inert <template>, nothing to mount). Chromium loads the two in turn, alternating
   which goes first; `performance.measure("stc-ready")`, which spans the front end's document$
   handler, is read on both: its end is when the page is interactive, its duration the
   time spent mounting. The ratio of the medians is the cost of the exercise.
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "docs" / "assets"
FRONT_END = (
    "stc/main.js",
    "stc/exercise.js",
    "stc/facts.js",
    "stc/records.js",
    "stc/scoring.js",
    "stc/storage.js",
    "stc/util.js",
    "exercise.css",
)
BUDGET_BYTES = 11 * 1024
BUDGET_RATIO = 1.05
EXERCISE = "articles/idlib-last-stand/warning-or-threat"
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "81"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9))


def report_bytes() -> bool:
    print("Assets, gzipped (level 9):")
    for path in sorted(p for p in ASSETS.rglob("*.*") if p.is_file()):
        name = path.relative_to(ASSETS).as_posix()
        print(f"  {name:<18} {path.stat().st_size:>7,} B raw  {gzipped(path):>6,} B gzipped")
    total = sum(gzipped(ASSETS / name) for name in FRONT_END)
    verdict = "within" if total <= BUDGET_BYTES else "OVER"
    print(
        f"Exercise front end ({' + '.join(FRONT_END)}): {total:,} B gzipped, "
        f"{verdict} the {BUDGET_BYTES:,} B budget"
    )
    return total <= BUDGET_BYTES


def switch_off_exercise(html: str) -> str:
    """The same page with the exercise switched off: same bytes, nothing to mount."""
    html = html.replace("data-exercise=", "data-plain-ex=")
    return re.sub(
        r'<script type="application/json" class="stc-data">(.*?)</script>',
        r"<template class=\"stc-data\">\1</template>",
        html,
        flags=re.S,
    )


def build_pair(workdir: Path) -> tuple[Path, Path]:
    """The real site, and a copy in which the benchmarked exercise page is plain."""
    site = workdir / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "-q",
            "-f",
            str(ROOT / "mkdocs.yml"),
            "-d",
            str(site),
        ],
        check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    plain = workdir / "plain"
    shutil.copytree(site, plain)
    page = plain / EXERCISE / "index.html"
    page.write_text(switch_off_exercise(page.read_text(encoding="utf-8")), encoding="utf-8")
    return site, plain


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def serve(directory: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "http.server",
            str(port),
            "--bind",
            "127.0.0.1",
            "--directory",
            str(directory),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(base, timeout=1).close()
            break
        except OSError:
            time.sleep(0.05)
    return server, base


def report_interactive_time() -> bool:
    times: dict[str, list[float]] = {"exercise": [], "plain": []}
    mount_ms: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        site, plain = build_pair(Path(tmp))
        servers = {"exercise": serve(site), "plain": serve(plain)}
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
                )
                page = browser.new_page()
                for round_number in range(ROUNDS + 3):  # three warm-up rounds, not counted
                    order = ("exercise", "plain") if round_number % 2 else ("plain", "exercise")
                    for name in order:
                        page.goto(f"{servers[name][1]}{EXERCISE}/")
                        page.wait_for_function("performance.getEntriesByName('stc-ready').length")
                        mounted = page.locator("[data-stc-mounted]").count()
                        assert mounted == (name == "exercise"), (name, mounted)
                        ready, mount = page.evaluate(
                            """() => { const m = performance.getEntriesByName('stc-ready')[0];
                                return [m.startTime + m.duration, m.duration]; }"""
                        )
                        if round_number >= 3:
                            times[name].append(ready)
                            if name == "exercise":
                                mount_ms.append(mount)
                browser.close()
        finally:
            for server, _ in servers.values():
                server.terminate()
                server.wait(timeout=5)
    exercise, plain_ms = (statistics.median(times[k]) for k in ("exercise", "plain"))
    # Each round's two loads are paired, so that drift over the run cancels out.
    ratio = statistics.median(e / p for e, p in zip(times["exercise"], times["plain"], strict=True))
    verdict = "within" if ratio <= BUDGET_RATIO else "OVER"
    print(f"Navigation to interactive, {ROUNDS} rounds (medians):")
    mount = statistics.median(mount_ms)
    print(f"  exercise page {exercise:7.1f} ms, of which mounting the exercise {mount:.1f} ms")
    print(f"  the same page without the exercise {plain_ms:7.1f} ms")
    print(f"  ratio {ratio:.3f} (median of paired ratios), {verdict} the {BUDGET_RATIO:.2f} budget")
    return ratio <= BUDGET_RATIO


def main() -> int:
    results = [report_bytes(), report_interactive_time()]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
