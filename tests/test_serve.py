"""The author's preview: with `mkdocs serve` running, saving a broken exercise file turns
the page into the list of problems within two seconds, and fixing it restores the site."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import free_port, project_copy, wait_for
from playwright.sync_api import Page, expect

EXERCISE = "exercises/idlib-last-stand/01-warning-or-threat.yaml"


@pytest.mark.serial
def test_a_broken_file_shows_its_problems_and_a_fix_restores_the_site(
    page: Page, tmp_path: Path
) -> None:
    project = project_copy(tmp_path)
    port = free_port()
    url = f"http://127.0.0.1:{port}/articles/idlib-last-stand/warning-or-threat/"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for(url, seconds=60)
        page.goto(url)
        expect(page.locator(".stc-exercise")).to_be_visible()
        exercise = project / EXERCISE
        good = exercise.read_text(encoding="utf-8")
        time.sleep(0.5)  # let the watcher settle after the first build

        exercise.write_text(
            good.replace("verdict: attributed", "verdict: atributed"), encoding="utf-8"
        )
        saved = time.monotonic()
        problems = page.locator(".stc-problems")
        expect(problems).to_be_visible(timeout=2000)
        print(f"problems shown {time.monotonic() - saved:.2f} s after the save")
        expect(problems).to_contain_text("01-warning-or-threat.yaml:")
        expect(problems).to_contain_text("did you mean 'attributed'?")

        exercise.write_text(good, encoding="utf-8")
        expect(page.locator(".stc-exercise")).to_be_visible(timeout=5000)
        expect(problems).to_have_count(0)
    finally:
        server.terminate()
        server.wait(timeout=10)
