"""A teacher's journey in Chromium: build an assignment link, two students complete it and
download results files, and the class report reads them with a malformed, a hostile and a
wrong-assignment file among them."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import open_in_scheme
from playwright.sync_api import Browser, Page, expect

from build_tools.model import ResultsFile

SPOT, COMPARE = "warning-or-threat", "entirely-funded"
HOSTILE = "<img src=x onerror=\"document.title='pwned'\">"


def create_link(page: Page, site_url: str) -> str:
    page.goto(site_url + "teachers/assign/")
    page.get_by_label("Level", exact=True).select_option("1")
    expect(page.locator(f"#stc-pick-{COMPARE}")).to_be_hidden()  # level 3: filtered out
    page.locator(f"#stc-pick-{SPOT}").check()
    page.get_by_label("Level", exact=True).select_option("")
    page.locator(f"#stc-pick-{COMPARE}").check()
    page.get_by_role("button", name="Create link").click()
    expect(page.get_by_role("status")).to_have_text("Give the assignment a name first.")
    page.get_by_label("Assignment name").fill("Week 1: <b>claims</b> & sources")
    page.get_by_role("button", name="Create link").click()
    expect(page.get_by_role("status")).to_contain_text("Link created for 2 exercises")
    return page.get_by_label("Link for your students").input_value()


def do_assignment(
    browser: Browser, link: str, name: str, picks: tuple[int, ...], verdict: str, out: Path
) -> Path:
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.goto(link)
    expect(
        page.locator("h2", has_text="Assignment: Week 1: <b>claims</b> & sources")
    ).to_be_visible()
    items = page.locator(".stc-assignment li")
    expect(items).to_have_count(2)
    expect(items.first).to_contain_text("not started")
    items.first.get_by_role("link").click()
    for number in picks:
        page.locator(f'.stc-unit[data-unit="{number}"]').click()
    page.get_by_role("button", name="Check answers").click()
    page.goto(link)
    page.locator(".stc-assignment li").nth(1).get_by_role("link").click()
    page.get_by_label(verdict).check()
    page.get_by_role("button", name="Check answers").click()
    page.goto(link)
    expect(page.locator(".stc-assignment li").first).to_contain_text("checked:")
    page.get_by_label("Your name").fill(name)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download my results").click()
    path = out / f"{name}.json"
    download.value.save_as(path)
    context.close()
    ResultsFile.model_validate_json(path.read_text(encoding="utf-8"))  # the published schema
    return path


def test_assignment_to_class_report(browser: Browser, site_url: str, tmp_path: Path) -> None:
    teacher = browser.new_context(accept_downloads=True)
    page = teacher.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    link = create_link(page, site_url)
    assert "/assignment/?" in link

    ana = do_assignment(browser, link, "Ana", (2, 4, 5), "It goes beyond the source", tmp_path)
    ben = do_assignment(browser, link, "Ben", (2, 3), "The source supports it", tmp_path)
    data = json.loads(ana.read_text(encoding="utf-8"))
    assert [e["id"] for e in data["exercises"]] == [SPOT, COMPARE]
    assert data["exercises"][0]["result"]["found"] == 3

    hostile = tmp_path / "hostile.json"
    hostile.write_text(json.dumps({**data, "student": HOSTILE}), encoding="utf-8")
    other = tmp_path / "other.json"
    other.write_text(
        json.dumps({**data, "student": "Cy", "assignment": "Week 2"}), encoding="utf-8"
    )
    again = tmp_path / "ana-again.json"
    again.write_text(json.dumps({**data, "student": " ana "}), encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "spot-the-claim-results", "version": 1, ', encoding="utf-8")
    old = tmp_path / "old.json"
    outdated = json.loads(json.dumps(data))
    outdated["student"] = "Di"
    outdated["exercises"][0]["version"] = "0123456789abcdef"
    old.write_text(json.dumps(outdated), encoding="utf-8")

    page.goto(site_url + "teachers/class-report/")
    title = page.title()
    page.get_by_label("Choose results files").set_input_files(
        [ana, ben, hostile, other, again, broken, old]
    )
    files = page.locator(".stc-files li")
    expect(files).to_have_count(7)
    expect(files.nth(3)).to_have_text(
        "other.json: refused, it is from another assignment, “Week 2”"
    )
    expect(files.nth(4)).to_have_text(
        "ana-again.json: refused, another file for the same student,  ana "
    )
    expect(files.nth(5)).to_have_text(
        "broken.json: refused, not a results file: its text is not JSON, the form results files"
        " are saved in"
    )
    expect(files.nth(6)).to_contain_text("old.json: refused, it answers an older version of")

    rows = page.locator(".stc-report tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.nth(0)).to_contain_text("Ana")
    expect(rows.nth(0)).to_contain_text("found 3 of 3, 0 wrong picks (Proficient)")
    expect(rows.nth(1)).to_contain_text("found 1 of 3, 1 wrong pick (Basic)")
    expect(rows.nth(1)).to_contain_text("did not match the reference")
    expect(rows.nth(2).locator("th")).to_have_text(HOSTILE)  # shown as text, not markup
    expect(page.locator(".stc-report img, .stc-report b")).to_have_count(0)
    assert page.title() == title and errors == []

    claims = page.locator(".stc-claims li")
    expect(claims).to_have_count(3)  # the spot exercise's three unsupported claims
    for n in (0, 1):  # sentences 4 and 5, missed by Ben alone, in either order
        expect(claims.nth(n)).to_contain_text(re.compile(r"Missed by 1 of 3 · .*, sentence [45]"))
    expect(claims.nth(2)).to_contain_text("Missed by 0 of 3 · A warning, or a threat?, sentence 2")
    expect(page.locator(".stc-levels")).to_contain_text("Proficient: 4")

    with page.expect_download() as download:
        page.get_by_role("button", name="Download CSV").click()
    table = [
        [cell.strip() for cell in row.split("\t")]
        for row in page.locator(".stc-report table").inner_text().strip().split("\n")
    ]
    exported = list(
        csv.reader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8")))
    )
    assert exported == table
    result = Axe().run(page)  # the report as built, table and all
    assert result.violations_count == 0, result.generate_report()
    page.screenshot(path=str(tmp_path / "class-report.png"), full_page=True)
    teacher.close()


def test_the_report_scores_from_the_picks_never_from_a_stated_score(
    page: Page, site_url: str, tmp_path: Path
) -> None:
    page.goto(site_url + "teachers/class-report/")
    exercises = json.loads(page.locator(".stc-tool > script").text_content())[0]
    spot = next(e for e in exercises if e["id"] == SPOT)
    forged_result = {"found": 3, "targets": 3, "wrong": 0, "whyRight": 3, "level": "Proficient"}
    entry = {
        "id": SPOT,
        "version": spot["version"],
        "kind": "spot",
        "picks": [2],
        "why": {},
        "verdict": "",
        "note": "",
        "checked": True,
        "result": forged_result,
        "updated": "2026-11-23T10:00:00Z",
    }
    forged = tmp_path / "forged.json"
    forged.write_text(
        json.dumps(
            {
                "format": "spot-the-claim-results",
                "version": 1,
                "assignment": "Week 1",
                "student": "Eve",
                "created": "2026-11-23T10:00:00Z",
                "exercises": [entry],
            }
        ),
        encoding="utf-8",
    )
    page.get_by_label("Choose results files").set_input_files(forged)
    row = page.locator(".stc-report tbody tr")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("found 1 of 3, 0 wrong picks (Basic)")
    expect(page.locator(".stc-levels")).to_contain_text("Proficient: 0")


def test_a_link_with_no_known_exercise(page: Page, site_url: str) -> None:
    page.goto(site_url + "assignment/?name=Test&ex=no-such-exercise,<script>")
    expect(page.locator(".stc-tool")).to_contain_text("does not name an assignment")


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize(
    "path",
    ["teachers/assign/", "teachers/class-report/", "assignment/?name=T&ex=warning-or-threat"],
)
def test_axe_on_the_teachers_tools(page: Page, site_url: str, path: str, scheme: str) -> None:
    open_in_scheme(page, site_url + path, scheme)
    result = Axe().run(page)
    assert result.violations_count == 0, (path, result.generate_report())


def test_copy_appears_only_once_there_is_a_link(page: Page, site_url: str) -> None:
    page.goto(site_url + "teachers/assign/")
    expect(page.get_by_role("button", name="Copy link")).to_be_hidden()
    page.locator(f"#stc-pick-{SPOT}").check()
    page.get_by_label("Assignment name").fill("A")
    page.get_by_role("button", name="Create link").click()
    expect(page.get_by_role("button", name="Copy link")).to_be_visible()
