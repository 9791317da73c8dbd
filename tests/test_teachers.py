"""A teacher's journey in Chromium: build an assignment link, two students complete it and
download results files, and the class report reads them with a malformed, a hostile and a
wrong-assignment file among them."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import axe_light_and_dark, open_in_scheme, wait_until_ready
from playwright.sync_api import Browser, Page, expect

from build_tools.model import ResultsFile

SPOT, COMPARE = "warning-or-threat", "entirely-funded"
SPOT_TITLE, COMPARE_TITLE = "A warning, or a threat?", "What does the report say was funded?"
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
    expect(page.get_by_label("Assignment name")).to_be_focused()  # where the name goes
    page.keyboard.type("Week 1: <b>claims</b> & sources")
    page.get_by_role("button", name="Create link").click()
    expect(page.get_by_role("status")).to_contain_text("Link created for 2 exercises")
    expect(page.get_by_label("Link for your students")).to_be_focused()
    return page.get_by_label("Link for your students").input_value()


def do_assignment(
    browser: Browser, link: str, name: str, picks: tuple[int, ...], verdict: str, out: Path
) -> Path:
    """One student's whole assignment: picks (with a reason for sentence 2), a verdict with
    a written reason, and the results file downloaded."""
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
    page.get_by_label("Sentence 2:").select_option("no-source")
    page.get_by_role("button", name="Check answers").click()
    page.goto(link)
    page.locator(".stc-assignment li").nth(1).get_by_role("link").click()
    page.get_by_label(verdict).check()
    page.get_by_label("Your reason (optional)").fill(f"{name}'s reason: <b>not</b> all.")
    page.get_by_role("button", name="Check answers").click()
    page.goto(link)
    expect(page.locator(".stc-assignment li").first).to_contain_text("checked:")
    page.get_by_label("Your name").fill(name)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download my results").click()
    file_name = f"results-Week-1-b-claims-b-sources-{name}.json"  # safe characters only
    assert download.value.suggested_filename == file_name
    expect(page.get_by_role("status")).to_have_text(
        f"Results downloaded as {file_name} (2 of 2 exercises checked). Hand the file in as"
        " your teacher asks."
    )
    path = out / f"{name}.json"
    download.value.save_as(path)
    context.close()
    ResultsFile.model_validate_json(path.read_text(encoding="utf-8"))  # the published schema
    return path


def drop_files(page: Page, *paths: Path) -> None:
    """Drop files on the report's drop zone, as a file manager would."""
    files = [{"name": p.name, "text": p.read_text(encoding="utf-8")} for p in paths]
    transfer = page.evaluate_handle(
        """(files) => {
            const transfer = new DataTransfer();
            for (const f of files) transfer.items.add(new File([f.text], f.name));
            return transfer;
        }""",
        files,
    )
    zone = page.locator(".stc-drop")
    zone.dispatch_event("dragenter", {"dataTransfer": transfer})
    expect(zone).to_have_class(re.compile(r"\bstc-drop--over\b"))
    zone.dispatch_event("drop", {"dataTransfer": transfer})
    expect(zone).not_to_have_class(re.compile(r"\bstc-drop--over\b"))


FOCUSED = """() => {
    const node = document.activeElement;
    // The file chooser is a visually hidden input: its label, a button, shows the focus.
    const shown = node.matches('input[type=file]') ? node.closest('label') : node;
    const style = getComputedStyle(shown);
    const channels = (colour) => colour.match(/[\\d.]+/g).slice(0, 3).map(Number);
    const luminance = (colour) => {
        const [r, g, b] = channels(colour).map((c) => {
            const s = c / 255;
            return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const page = getComputedStyle(document.body).backgroundColor;
    const [a, b] = [style.outlineColor, page].map(luminance);
    return {
        inTool: !!node.closest('.stc-tool'),
        control: node.outerHTML.slice(0, 80),
        style: style.outlineStyle,
        width: parseFloat(style.outlineWidth),
        offset: parseFloat(style.outlineOffset),
        contrast: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05),
    };
}"""


def assert_focus_visible(page: Page) -> int:
    """Tab through the page's tool: every control it reaches shows a solid ring at least 2 px
    wide, set off from the control onto the page's background, at 3:1 against it at least
    (WCAG 2.4.13 and 1.4.11). Returns how many controls it checked."""
    checked = 0
    for _ in range(300):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused["inTool"]:
            checked += 1
            assert focused["style"] == "solid" and focused["width"] >= 2, focused
            assert focused["offset"] > 0 and focused["contrast"] >= 3, focused
        elif checked:
            return checked
    pytest.fail("Tab never went through the tool and out")


def read_csv(path: Path) -> list[dict[str, str]]:
    """The downloaded CSV as a spreadsheet would read it: UTF-8 with a byte-order mark."""
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "a byte-order mark, for spreadsheet programs"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


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
    seen = tmp_path / "seen.json"  # Ana's answers, checked after showing the spot answers
    peeked = json.loads(json.dumps(data))
    peeked["student"] = "Cy"
    peeked["exercises"][0]["answersSeen"] = True
    seen.write_text(json.dumps(peeked), encoding="utf-8")

    page.goto(site_url + "teachers/class-report/")
    wait_until_ready(page)
    title = page.title()
    chooser = page.get_by_label("Choose results files")
    page.get_by_role("link", name="results file format").focus()
    page.keyboard.press("Tab")
    expect(chooser).to_be_focused()  # the file chooser is reached by keyboard
    chooser.set_input_files([ana, hostile, other, broken, old])
    rows = page.locator(".stc-report tbody tr")
    expect(rows).to_have_count(2)
    drop_files(page, ben, again, seen)  # a second choice adds to the first
    files = page.locator(".stc-files li")
    expect(files).to_have_count(8)
    expect(page.get_by_role("status")).to_have_text(
        "This upload: 2 of 3 files read. The report now covers 4 students."
    )
    expect(files.nth(2)).to_have_text(
        "other.json: refused, it is from another assignment, “Week 2”"
    )
    expect(files.nth(3)).to_have_text(
        "broken.json: refused, not a results file: its text is not JSON, the form results files"
        " are saved in"
    )
    expect(files.nth(4)).to_contain_text("old.json: refused, it answers an older version of")
    expect(files.nth(6)).to_have_text(
        "ana-again.json: refused, another file for the same student,  ana "
    )

    expect(rows).to_have_count(4)
    expect(rows.nth(0)).to_contain_text("Ana")
    expect(rows.nth(0)).to_contain_text("found 3 of 3, 0 wrong picks (Proficient)")
    expect(rows.nth(1).locator("th")).to_have_text(HOSTILE)  # shown as text, not markup
    expect(rows.nth(2)).to_contain_text("found 1 of 3, 1 wrong pick (Basic)")
    expect(rows.nth(2)).to_contain_text("did not match the reference (Basic)")
    expect(rows.nth(3).locator("td.stc-seen")).to_have_text(
        "found 3 of 3, 0 wrong picks (answers seen first: no level)"
    )
    expect(page.locator(".stc-report img, .stc-report b")).to_have_count(0)
    assert page.title() == title and errors == []

    levels = page.locator(".stc-levels li")  # Cy's spot answer is counted apart
    expect(levels).to_have_text(
        [
            "Basic: 2",
            "Emergent: 0",
            "Proficient: 5",
            "Answers seen before the first check, no level: 1",
            "Not checked: 0",
        ]
    )
    claims = page.locator(".stc-claims li")  # Cy's answers seen first are not counted
    expect(claims).to_have_count(2)  # of three claims, the two someone missed
    for n in (0, 1):  # sentences 4 and 5, missed by Ben alone, in either order
        expect(claims.nth(n)).to_contain_text(re.compile(r"Missed by 1 of 3 · .*, sentence [45]"))
    expect(page.locator(".stc-claims + p")).to_have_text(
        "Every other claim was found by every student who checked it."
    )
    wrong = page.locator(".stc-wrong-picks li")
    expect(wrong).to_have_count(1)
    expect(wrong).to_contain_text("Picked by 1 of 3 · A warning, or a threat?, sentence 3")
    expect(wrong).to_contain_text("Reported as a source's words.")
    expect(page.locator(".stc-verdicts-chosen li")).to_have_text(
        [
            "The source supports it: 1",
            "It goes beyond the source: 3 (the reference)",
            "It contradicts the source: 0",
            "Can't tell from the text: 0",
        ]
    )

    ben_detail = page.locator("details.stc-student").nth(2)
    expect(ben_detail.locator("summary")).to_have_text("Ben · 2 of 2 exercises checked")
    ben_detail.locator("summary").click()
    expect(ben_detail).to_contain_text(
        "Sentence 2: found (Unsupported claim); reason: No source: stated as fact with nothing"
        " to back it, as in the reference"
    )
    expect(ben_detail).to_contain_text(
        "Sentence 3: a wrong pick (Reported as a source's words); reason: none chosen"
    )
    expect(ben_detail.locator(".stc-reason")).to_have_text("Ben's reason: <b>not</b> all.")
    expect(ben_detail.locator("dt:text-is('Claims missed') + dd")).to_have_text("sentences 4 and 5")
    cy_detail = page.locator("details.stc-student").nth(3)
    expect(cy_detail.locator("summary")).to_contain_text("1 after seeing the answers")
    cy_detail.locator("summary").click()
    expect(cy_detail.locator("dt:text-is('Showed all answers before checking') + dd")).to_have_text(
        ["yes (so this result is not counted)", "no"]
    )
    expect(cy_detail.locator("dt:text-is('Claims missed') + dd")).to_have_text("none")

    with page.expect_download() as download:
        page.get_by_role("button", name="Download CSV").click()
    day = page.evaluate("new Date().toLocaleDateString('sv')")  # YYYY-MM-DD, this browser's day
    assert download.value.suggested_filename == f"class-report-Week-1-b-claims-b-sources-{day}.csv"
    exported = read_csv(Path(download.value.path()))
    assert [row["Student"] for row in exported] == ["Ana", HOSTILE, "Ben", "Cy"]
    for row in exported:  # one number per cell, or none where there is no result
        assert all(re.fullmatch(r"[0-9]*", v) for k, v in row.items() if k != "Student"), row
    ana_row, _, ben_row, cy_row = exported
    columns = ("found", "targets", "wrong picks", "reasons right", "level", "answers seen")
    assert [ana_row[f"{SPOT_TITLE} · {c}"] for c in columns] == ["3", "3", "0", "1", "3", "0"]
    assert [ben_row[f"{SPOT_TITLE} · {c}"] for c in columns] == ["1", "3", "1", "1", "1", "0"]
    # answers seen first: the figures stand, the level is empty (not 0, which would count)
    assert [cy_row[f"{SPOT_TITLE} · {c}"] for c in columns] == ["3", "3", "0", "1", "", "1"]
    assert [ana_row[f"{COMPARE_TITLE} · {c}"] for c in ("correct", "level")] == ["1", "3"]
    assert [ben_row[f"{COMPARE_TITLE} · {c}"] for c in ("correct", "level")] == ["0", "1"]
    for n, row in enumerate(exported):  # the table says what the CSV counts
        found, targets, wrong_picks = (row[f"{SPOT_TITLE} · {c}"] for c in columns[:3])
        expect(rows.nth(n)).to_contain_text(f"found {found} of {targets}, {wrong_picks} wrong")

    # The report lasts the browser session: a link away and back (instant navigation), a
    # full reload, and the site's navigation all bring it back as it was.
    shown = page.locator(".stc-files, .stc-report table, .stc-levels, .stc-claims")
    report_text = shown.all_inner_texts()
    page.evaluate("window.stcStill = true")
    page.get_by_role("link", name="what each column holds").click()
    expect(page).to_have_url(re.compile(r"/teachers/results-format/#the-class-reports-csv$"))
    page.go_back()
    expect(rows).to_have_count(4)
    assert page.evaluate("window.stcStill"), "instant navigation, not a page load"
    expect(page.get_by_role("status")).to_have_text(
        "The report kept from earlier in this browser session covers 4 students."
    )
    page.reload()
    expect(rows).to_have_count(4)
    assert shown.all_inner_texts() == report_text
    page.get_by_role("link", name="Previous: Assign exercises").click()
    page.get_by_role("link", name="Next: Class report").click()
    expect(rows).to_have_count(4)
    assert shown.all_inner_texts() == report_text
    kept = "Object.keys(sessionStorage).filter(k => k.includes('class-report'))"
    assert page.evaluate(kept) == ["stc:v1:class-report"]  # for this tab only
    assert page.evaluate(kept.replace("sessionStorage", "localStorage")) == []

    page.get_by_role("button", name="Clear the report").click()
    expect(rows).to_have_count(0)
    expect(files).to_have_count(0)
    page.reload()
    wait_until_ready(page)
    expect(page.locator(".stc-report")).to_be_empty()  # Clear empties the kept copy too
    chooser.set_input_files(ben)  # Ben is a new student again
    expect(rows).to_have_count(1)
    assert errors == []
    teacher.close()


def results_file(page: Page, student: str, *entries: dict[str, Any], version: int = 2) -> str:
    """A results file for the exercises the report page knows, in the given format version."""
    exercises = json.loads(page.locator(".stc-tool > script").first.text_content() or "")[0]
    known = {e["id"]: e for e in exercises}
    answers = []
    for entry in entries:
        exercise = known[entry["id"]]
        answer = {
            "version": exercise["version"],
            "kind": exercise["kind"],
            "picks": [],
            "why": {},
            "verdict": "",
            "note": "",
            "checked": True,
            "result": None,
            "updated": "2026-11-23T10:00:00Z",
            **({"answersSeen": False} if version == 2 else {}),
            **entry,
        }
        answers.append(answer)
    body = {
        "format": "spot-the-claim-results",
        "version": version,
        "assignment": "Week 1",
        "student": student,
        "created": "2026-11-23T10:00:00Z",
        "exercises": answers,
    }
    return json.dumps(body)


PERFECT = {"found": 3, "targets": 3, "wrong": 0, "whyRight": 3, "level": "Proficient"}


def test_the_report_scores_from_the_picks_never_from_a_stated_score(
    page: Page, site_url: str, tmp_path: Path
) -> None:
    page.goto(site_url + "teachers/class-report/")
    forged = tmp_path / "forged.json"
    entry = {"id": SPOT, "picks": [2], "result": PERFECT}
    forged.write_text(results_file(page, "Eve", entry, version=1), encoding="utf-8")
    page.get_by_label("Choose results files").set_input_files(forged)
    row = page.locator(".stc-report tbody tr")
    expect(row).to_have_count(1)
    expect(row.locator("td")).to_have_text(
        "found 1 of 3, 0 wrong picks (Basic; an older file, which does not say whether the"
        " answers were seen)"
        "The file said found 3 of 3, 0 wrong picks, 3 reasons right (Proficient); worked out"
        " from the picks: found 1 of 3, 0 wrong picks, 0 reasons right (Basic)."
    )
    expect(page.locator(".stc-levels")).to_contain_text("Proficient: 0")
    detail = page.locator("details.stc-student")
    detail.locator("summary").click()
    expect(detail).to_contain_text("The file said found 3 of 3")
    expect(detail).to_contain_text("not recorded (an older results file), taken as no")


def test_a_report_shown_is_axe_clean_and_fits_320_px(page: Page, site_url: str) -> None:
    """Every part of a report (a note, an answers-seen mark, wrong picks, verdicts, every
    student's details open), at desktop width and at 320 px, light and dark."""
    open_in_scheme(page, site_url + "teachers/class-report/", "default")
    compare = {"id": COMPARE, "verdict": "supported", "note": "Long\nreason " * 40}
    files = [
        results_file(page, "Ana", {"id": SPOT, "picks": [2, 3], "why": {"2": "no-source"}}),
        results_file(page, "Ben", {"id": SPOT, "picks": [1], "result": PERFECT}, compare),
        results_file(page, "Cy", {"id": SPOT, "picks": [2, 4, 5], "answersSeen": True}),
    ]
    page.get_by_label("Choose results files").set_input_files(
        [
            {"name": f"{n}.json", "mimeType": "application/json", "buffer": f.encode()}
            for n, f in enumerate(files)
        ]
    )
    expect(page.locator(".stc-report tbody tr")).to_have_count(3)
    # the chooser, Clear, the table's region, Download CSV and each student's details
    assert assert_focus_visible(page) == 7
    for summary in page.locator("details.stc-student summary").all():
        summary.click()
    overflow = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    axe_light_and_dark(page, (1280, 320))
    assert page.evaluate(overflow) <= 0, "no horizontal scrolling at 320 px"
    region = page.get_by_role("region", name="Results by student")
    assert region.evaluate("r => r.scrollWidth > r.clientWidth"), "the table scrolls instead"


def test_a_link_with_no_known_exercise(page: Page, site_url: str) -> None:
    page.goto(site_url + "assignment/?name=Test&ex=no-such-exercise,<script>")
    expect(page.locator(".stc-tool")).to_contain_text("does not name an assignment")


@pytest.mark.parametrize(
    "path",
    ["teachers/assign/", "teachers/class-report/", "assignment/?name=T&ex=warning-or-threat"],
)
def test_axe_on_the_teachers_tools(page: Page, site_url: str, path: str) -> None:
    open_in_scheme(page, site_url + path, "default")
    axe_light_and_dark(page, also=lambda shown: assert_focus_visible(shown) >= 1 or None)


def test_create_link_takes_the_focus_to_what_is_missing(page: Page, site_url: str) -> None:
    """A name first, then an exercise (the first one the filters show, or the filters when
    they show none); Copy appears only once there is a link, which then has the focus."""
    page.goto(site_url + "teachers/assign/")
    create = page.get_by_role("button", name="Create link")
    status = page.get_by_role("status")
    expect(page.get_by_role("button", name="Copy link")).to_be_hidden()
    page.get_by_label("Assignment name").fill("A")
    page.get_by_label("Level", exact=True).select_option("2")
    create.click()
    expect(status).to_have_text("Tick at least one exercise first.")
    first_shown = page.locator(".stc-pick label:not([hidden]) input").first
    expect(first_shown).to_be_focused()
    expect(page.locator(f"#stc-pick-{SPOT}")).to_be_hidden()  # level 1, filtered out
    page.get_by_label("Skill").select_option("headline-overclaim")
    page.get_by_label("Level", exact=True).select_option("1")  # no level 1 exercise has it
    create.click()
    expect(status).to_have_text("Tick at least one exercise first: the filters show none.")
    expect(page.get_by_label("Article")).to_be_focused()
    page.get_by_label("Skill").select_option("")
    page.locator(f"#stc-pick-{SPOT}").check()
    create.click()
    expect(status).to_contain_text("Link created for 1 exercise.")
    link = page.get_by_label("Link for your students")
    expect(link).to_be_focused()
    assert link.evaluate("box => box.value.slice(box.selectionStart, box.selectionEnd)") == (
        link.input_value()
    ), "selected, ready to copy"
    expect(page.get_by_role("button", name="Copy link")).to_be_visible()
