"""A site built without SITE_URL works wherever it is served: no page points its canonical
link, sitemap or instant navigation at the address `make serve` uses, and a learner can
walk from the home page to an exercise and check it, served from another address."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, free_port, serving, wait_until_ready
from playwright.sync_api import Page, expect


def test_a_site_built_without_site_url_pins_no_address(page: Page, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"} | {"NO_MKDOCS_2_WARNING": "1"}
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert built.returncode == 0, built.stderr
    for html in (tmp_path / "site").rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert 'rel="canonical" href="http://127.0.0.1:8000' not in text, html
    assert "127.0.0.1:8000" not in (tmp_path / "site" / "sitemap.xml").read_text()

    with serving(tmp_path / "site", free_port()) as url:
        page.goto(url)
        page.get_by_role("link", name="Start here").first.click()
        page.goto(url + "articles/")
        page.get_by_role("link", name="A warning, or a threat?").first.click()
        wait_until_ready(page)
        assert page.url.startswith(url)
        page.locator('.stc-unit[data-unit="2"]').click()
        page.get_by_role("button", name="Check answers").click()
        expect(page.locator(".stc-summary")).to_contain_text(re.compile("You found|Your verdict"))
