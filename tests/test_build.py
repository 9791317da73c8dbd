"""The real site, built by the real `mkdocs build --strict`, and a broken exercise stopping it."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import free_port, mkdocs_build, project_copy, wait_for


class _ExerciseRoots(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.roots: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if any(name == "data-exercise" for name, _ in attrs):
            self.roots.append(dict(attrs))


def read(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def test_generated_pages_exist(built_site: tuple[Path, str]) -> None:
    site, _ = built_site
    for page in (
        "articles",
        "articles/idlib-last-stand",
        "articles/idlib-last-stand/warning-or-threat",
        "articles/biden-strike-idlib",
        "articles/biden-strike-idlib/most-obvious-place",
    ):
        assert (site / page / "index.html").is_file(), page


def test_exercise_page_has_one_root_and_its_data(built_site: tuple[Path, str]) -> None:
    site, _ = built_site
    html = read(site, "articles/idlib-last-stand/warning-or-threat")
    parser = _ExerciseRoots()
    parser.feed(html)
    assert [root["data-exercise"] for root in parser.roots] == ["warning-or-threat"]
    data = json.loads(
        re.search(r'<script type="application/json" class="stc-data">(.*?)</script>', html).group(1)
    )[0]
    assert data["id"] == "warning-or-threat"
    assert len(data["units"]) == 5
    assert [a["verdict"] for a in data["answers"]].count("unsupported") == 3
    assert "<title>A warning, or a threat? - Spot the Claim</title>" in html
    assert '<details class="stc-answers abstract" data-search-exclude>' in html


def test_article_page_has_context_text_and_exercises(built_site: tuple[Path, str]) -> None:
    site, _ = built_site
    html = read(site, "articles/biden-strike-idlib")
    headline = "Biden's Strike in Idlib Proves It Is an ISIS Headquarters"
    assert f"<title>{headline} - Spot the Claim</title>" in html
    assert f"<h1>{headline}</h1>" in html
    assert "About this text" in html and "Content note" in html
    assert "Obama killed bin Laden, Trump killed Baghdadi" in html
    assert 'href="most-obvious-place/"' in html
    # the article's own headings sit below "The text", one level down
    assert re.search(r"<h3[^>]*>White Helmets", html)


def test_navigation_lists_articles_and_exercises(built_site: tuple[Path, str]) -> None:
    site, _ = built_site
    html = read(site, "articles")
    for href in ("idlib-last-stand/", "idlib-last-stand/warning-or-threat/"):
        assert f'href="{href}"' in html
    assert "Idlib: Al Qaeda&#39;s Last Stand" in html or "Idlib: Al Qaeda's Last Stand" in html


def test_an_invalid_exercise_stops_the_build_with_the_cli_message(tmp_path: Path) -> None:
    project = project_copy(tmp_path)
    exercise = project / "exercises/idlib-last-stand/01-warning-or-threat.yaml"
    exercise.write_text(
        exercise.read_text(encoding="utf-8").replace("verdict: attributed", "verdict: atributed"),
        encoding="utf-8",
    )
    result = mkdocs_build(project / "mkdocs.yml", tmp_path / "out", "http://127.0.0.1:8000/")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert re.search(
        r"exercises/idlib-last-stand/01-warning-or-threat\.yaml:\d+:\d+: error: 'atributed' "
        r"is not an allowed value",
        output,
    ), output
    cli = subprocess.run(
        [sys.executable, "-m", "build_tools", "validate"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert cli.returncode == 1
    diagnostics = cli.stderr.splitlines()[:-1]  # all but the count line
    assert diagnostics and all(line in output for line in diagnostics)


def test_serve_rebuilds_when_an_exercise_file_changes(tmp_path: Path) -> None:
    project = project_copy(tmp_path)
    port = free_port()
    url = f"http://127.0.0.1:{port}/articles/idlib-last-stand/warning-or-threat/"
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "serve",
            "--dev-addr",
            f"127.0.0.1:{port}",
            "-f",
            str(project / "mkdocs.yml"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(url, seconds=60)
        assert "A warning, or a threat?" in urllib.request.urlopen(url).read().decode()
        exercise = project / "exercises/idlib-last-stand/01-warning-or-threat.yaml"
        exercise.write_text(
            exercise.read_text(encoding="utf-8").replace(
                "title: A warning, or a threat?", "title: A changed title"
            ),
            encoding="utf-8",
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if "A changed title" in urllib.request.urlopen(url).read().decode():
                break
            time.sleep(0.3)
        else:
            pytest.fail("mkdocs serve did not rebuild after the YAML file changed")
    finally:
        server.terminate()
        server.wait(timeout=10)


def article_html(page: Path) -> str:
    html = page.read_text(encoding="utf-8")
    return html[html.index("<article") : html.index("</article>")]


def test_render_out_builds_with_plain_mkdocs_and_gives_the_same_pages(
    built_site: tuple[Path, str], tmp_path: Path
) -> None:
    """For engines that run no third-party plugins: the same pages, written to disk."""
    site, url = built_site
    project = project_copy(tmp_path)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    without_plugin = re.sub(r"  - spot-the-claim:\n(      .*\n)*", "", text)
    assert "spot-the-claim" not in without_plugin
    config.write_text(without_plugin, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "build_tools", "render", "--out", str(project / "docs")],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    env = {**os.environ, "SITE_URL": url, "NO_MKDOCS_2_WARNING": "1"}
    out = tmp_path / "plain-site"
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(out)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert built.returncode == 0, built.stderr
    for page in ("articles/idlib-last-stand/warning-or-threat", "articles/biden-strike-idlib"):
        assert article_html(out / page / "index.html") == article_html(site / page / "index.html")
