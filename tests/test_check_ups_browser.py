"""Check-ups in Chromium: a teacher makes an assignment that starts and ends with a check-up,
two students with known picks take both forms (each starting with the form their name gives)
and hand in their results, and the class report shows the d′ and c the picks give, with the
chart, its text alternative and the CSV's columns. axe checks the check-up before and after
handing in, and the report's new part."""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from pathlib import Path
from statistics import NormalDist
from typing import Any

from conftest import axe_run, in_front, settled, wait_until_ready
from playwright.sync_api import Browser, Page, expect

from build_tools.model import ResultsFile

SPOT = "remote-interviews"
Z = NormalDist().inv_cdf


def first_form(name: str) -> str:
    """The rule the site applies (check-up-rules.js): FNV-1a of the name as names compare."""
    folded = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", name).strip()).lower()
    h = 0x811C9DC5
    for char in folded:
        h = ((h ^ ord(char)) * 0x01000193) & 0xFFFFFFFF
    return "A" if h % 2 == 0 else "B"


def figures(form: dict[str, Any], picks: set[int]) -> tuple[float, float]:
    """d′ and c with the log-linear correction, from the form's key (computed here, apart
    from the site's own code)."""
    verdicts = {"unsupported": True, "overreach": True, "supported": False, "attributed": False}
    items = [
        (a["unit"], verdicts[a["verdict"]]) for a in form["answers"] if a["verdict"] in verdicts
    ]
    hits = sum(1 for unit, target in items if target and unit in picks)
    alarms = sum(1 for unit, target in items if not target and unit in picks)
    signal = sum(1 for _, target in items if target)
    noise = len(items) - signal
    h, f = (hits + 0.5) / (signal + 1), (alarms + 0.5) / (noise + 1)
    return Z(h) - Z(f), -(Z(h) + Z(f)) / 2


def close(cell: str, value: float) -> bool:
    """A CSV cell holds `value` to three decimals."""
    return (
        re.fullmatch(r"-?\d+\.\d{3}", cell) is not None
        and abs(float(cell) - value) <= 0.0005 + 1e-9
    )


def form_data(page: Page, site_url: str, form: str) -> dict[str, Any]:
    page.goto(f"{site_url}check-ups/form-{form.lower()}/")
    data: dict[str, Any] = json.loads(page.locator(".stc-check-up > script").text_content() or "")[
        0
    ]
    return data


def targets(form: dict[str, Any], wanted: bool) -> list[int]:
    kinds = {"unsupported": True, "overreach": True, "supported": False, "attributed": False}
    return [a["unit"] for a in form["answers"] if kinds.get(a["verdict"]) is wanted]


def take_check_up(page: Page, stage: str, picks: set[int], axe: bool = False) -> str:
    """From the assignment page: open the check-up for `stage`, flag `picks`, hand it in.
    Returns the summary the student reads."""
    page.get_by_role("link", name=re.compile(f"Check-up {stage} the exercises")).click()
    page.locator(".stc-check-up[data-stc-mounted]").wait_for()
    expect(page.locator(".stc-check-up .stc-answers")).to_be_hidden()  # no key before handing in
    for unit in sorted(picks):
        page.locator(f'.stc-check-up .stc-unit[data-unit="{unit}"]').click()
    expect(page.locator(".stc-fb")).to_have_count(0)  # and no feedback on a pick
    if axe:
        result = axe_run(settled(page))
        assert result.violations_count == 0, result.generate_report()
    page.get_by_role("button", name="Hand in the check-up").click()
    expect(page.get_by_role("button", name="Cancel")).to_be_focused()
    page.get_by_role("button", name="Hand it in").click()
    summary = page.locator(".stc-check-up .stc-summary")
    expect(summary).to_contain_text("Handed in.")
    expect(page.locator(".stc-check-up .stc-answers")).to_be_visible()
    units = page.locator(".stc-check-up .stc-unit")
    expect(page.locator(".stc-check-up .stc-fb")).to_have_count(units.count())
    if axe:
        result = axe_run(settled(page))
        assert result.violations_count == 0, result.generate_report()
    return summary.text_content() or ""


def student(
    browser: Browser,
    link: str,
    name: str,
    picks: dict[str, set[int]],
    out: Path,
    scheme: str,
) -> Path:
    """One student's whole assignment, with axe run on the check-up before and after it is
    handed in, in the colour scheme `scheme`."""
    context = browser.new_context(accept_downloads=True, color_scheme=scheme)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(link)
    wait_until_ready(page)
    steps = page.locator(".stc-assignment__check-up")
    expect(steps.first).to_contain_text("type your name below first")
    page.get_by_label("Your name").fill(name)
    first = first_form(name)
    expect(steps.first).to_contain_text(f"Check-up before the exercises (form {first})")
    expect(steps.last).to_contain_text("take the check-up before first")
    said = take_check_up(page, "before", picks["before"], axe=True)
    assert re.match(
        r"Handed in\. You caught \d+ of 8 claims to flag, and flagged \d+ of 8 sentences", said
    )
    page.locator(".stc-check-up .stc-next a").click()  # on to the first exercise
    page.locator(f'.stc-exercise[data-exercise="{SPOT}"][data-stc-mounted]').wait_for()
    page.locator('.stc-unit[data-unit="2"]').click()
    page.get_by_role("button", name="Check answers").click()
    page.get_by_role("link", name="Back to the assignment for the check-up after").click()
    wait_until_ready(page)
    expect(steps.first).to_contain_text("handed in: you caught")
    take_check_up(page, "after", picks["after"])
    page.get_by_role("link", name="Back to the assignment to hand in your results").click()
    wait_until_ready(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download my results").click()
    expect(page.get_by_role("status")).to_contain_text("and handed in 2 of 2 check-ups")
    path = out / f"{name}.json"
    download.value.save_as(path)
    context.close()
    assert errors == []
    ResultsFile.model_validate_json(path.read_text(encoding="utf-8"))  # the published schema
    return path


def test_two_students_before_and_after_in_the_class_report(
    browser: Browser, site_url: str, tmp_path: Path
) -> None:
    names = ("Ana", "Ben")
    assert {first_form(n) for n in names} == {"A", "B"}, "the two start with different forms"
    teacher = browser.new_context(accept_downloads=True)
    page = teacher.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    forms = {form: form_data(page, site_url, form) for form in "AB"}
    held = set(forms["A"]["held"]) | set(forms["B"]["held"])

    page.goto(site_url + "teachers/assign/")
    wait_until_ready(page)
    page.get_by_label("Start and end with a check-up").check()
    for exercise in held:  # the forms' own exercises cannot be set with them
        expect(page.locator(f"#stc-pick-{exercise}")).to_be_disabled()
    page.locator(f"#stc-pick-{SPOT}").check()
    page.get_by_label("Assignment name").fill("Week 4")
    page.get_by_role("button", name="Create link").click()
    expect(page.get_by_role("status")).to_have_text(
        "Link created for 1 exercise, with a check-up before and after. Copy it and share it"
        " with your students. (An LMS package cannot hold check-ups: for one, untick the"
        " check-ups and create the link again.)"
    )
    # A package could hold neither the check-ups nor the exercises they hold: none is offered.
    expect(page.get_by_role("button", name="Download as an LMS package (SCORM 1.2)")).to_be_hidden()
    link = page.get_by_label("Link for your students").input_value()
    assert "check=1" in link

    # Known picks: Ana flags every claim and two fine sentences before, then six claims and
    # none after; Ben flags everything before (d′ = 0), then the claims only.
    def picks(name: str, stage: str) -> set[int]:
        form = forms[first_form(name) if stage == "before" else "AB".replace(first_form(name), "")]
        claims, fine = targets(form, True), targets(form, False)
        if name == "Ana":
            return set(claims + fine[:2]) if stage == "before" else set(claims[:6])
        return set(claims + fine) if stage == "before" else set(claims)

    files = [
        student(
            browser,
            link,
            n,
            {s: picks(n, s) for s in ("before", "after")},
            tmp_path,
            "light" if n == "Ana" else "dark",
        )
        for n in names
    ]
    expected = {}
    for n in names:
        before_form = first_form(n)
        after_form = "AB".replace(before_form, "")
        expected[n] = (
            figures(forms[before_form], picks(n, "before")),
            figures(forms[after_form], picks(n, "after")),
        )
    assert abs(expected["Ben"][0][0]) < 1e-9, "flagging everything gives d′ = 0"

    page.goto(site_url + "teachers/class-report/")
    wait_until_ready(page)
    page.get_by_label("Choose results files").set_input_files(files)
    section = page.locator(".stc-report")
    expect(section.get_by_role("heading", name="Check-ups: before and after")).to_be_visible()
    rows = page.get_by_role("region", name="Check-ups by student").locator("tbody tr")
    expect(rows).to_have_count(2)
    assert errors == []

    def shown(value: float) -> str:
        return f"{value:.2f}".replace("-", "\u2212")

    for row, n in zip(rows.all(), names, strict=True):
        cells = row.locator("td")
        (d_before, c_before), (d_after, c_after) = expected[n]
        expect(cells.nth(0)).to_have_text(first_form(n))
        expect(cells.nth(1)).to_have_text(shown(d_before))
        expect(cells.nth(2)).to_have_text(shown(c_before))
        expect(cells.nth(5)).to_have_text(shown(d_after))
        expect(cells.nth(6)).to_have_text(shown(c_after))

    changes = [expected[n][1][0] - expected[n][0][0] for n in names]
    mean = sum(changes) / 2
    expect(section).to_contain_text(f"a change of +{mean:.2f}" if mean > 0 else "a change of")
    expect(section).to_contain_text("Started with form A: 1; with form B: 1.")

    chart = page.get_by_role("img", name=re.compile("Discernment .d′. before and after"))
    expect(chart).to_have_count(1)
    description = chart.locator("desc").text_content() or ""
    assert "2 students" in description and "The table beside the chart" in description
    expect(chart.locator(".stc-chart__student")).to_have_count(2)

    result = axe_run(settled(page))
    assert result.violations_count == 0, result.generate_report()

    with page.expect_download() as download:
        page.get_by_role("button", name="Download CSV").click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    table = list(csv.DictReader(io.StringIO(text)))
    for row, n in zip(table, names, strict=True):
        (d_before, c_before), (d_after, c_after) = expected[n]
        assert row["Student"] == n
        assert row["Check-up before · form"] == first_form(n)
        assert close(row["Check-up before · d′"], d_before)
        assert close(row["Check-up before · c"], c_before)
        assert close(row["Check-up after · d′"], d_after)
        assert close(row["Check-up after · c"], c_after)
        assert (
            row["Check-up before · claims"] == "8" and row["Check-up after · fine sentences"] == "8"
        )
        assert close(row["Check-ups · change in d′"], d_after - d_before)
        assert row["Check-up after · practised first"] == "0"
    teacher.close()


def open_before(page: Page, site_url: str, name: str) -> None:
    """An assignment with check-ups, the name typed, and the check-up before opened."""
    page.goto(f"{site_url}assignment/?name=Week&ex={SPOT}&check=1")
    wait_until_ready(page)
    page.get_by_label("Your name").fill(name)
    page.get_by_role("link", name=re.compile("Check-up before the exercises")).click()
    page.locator(".stc-check-up[data-stc-mounted]").wait_for()


def hand_in(page: Page) -> None:
    page.get_by_role("button", name="Hand in the check-up").click()
    page.get_by_role("button", name="Hand it in").click()
    expect(page.locator(".stc-check-up .stc-summary")).to_contain_text("Handed in.")


def stored(page: Page, form: str) -> dict[str, Any]:
    record: dict[str, Any] = json.loads(
        page.evaluate(f"localStorage.getItem('stc:v1:check-up:{form}')") or "{}"
    )
    return record


def test_a_check_up_handed_in_is_never_taken_back_from_another_tab(
    browser: Browser, site_url: str
) -> None:
    context = browser.new_context()
    first, second = context.new_page(), context.new_page()
    open_before(first, site_url, "Ana")
    second.goto(first.url)
    second.locator(".stc-check-up[data-stc-mounted]").wait_for()
    form = first_form("Ana")
    in_front(first).locator('.stc-check-up .stc-unit[data-unit="1"]').click()
    hand_in(first)
    handed = stored(first, form)
    assert handed["submitted"] and handed["picks"] == [1]
    in_front(second).locator('.stc-check-up .stc-unit[data-unit="2"]').click()  # the stale tab
    expect(second.locator(".stc-check-up .stc-summary")).to_contain_text("Handed in.")
    expect(second.get_by_role("button", name="Hand in the check-up")).to_be_hidden()
    assert stored(second, form) == handed, "the stale tab changed nothing"
    context.close()


def test_starting_fresh_does_not_offer_a_form_handed_in_again(
    browser: Browser, site_url: str
) -> None:
    """A shared computer's next student starts fresh; the same student typing their name
    again gets their handed-in check-up back, not a second go at the form."""
    context = browser.new_context()
    page = context.new_page()
    open_before(page, site_url, "Ana")
    page.locator('.stc-check-up .stc-unit[data-unit="1"]').click()
    hand_in(page)
    page.goto(f"{site_url}assignment/?name=Week&ex={SPOT}&check=1")
    wait_until_ready(page)
    page.get_by_role("button", name="Start fresh: someone else used this browser").click()
    page.get_by_role("button", name="Put their answers aside").click()
    wait_until_ready(page)
    name = page.get_by_label("Your name")
    name.press_sequentially("Anabel")  # "Ana" on the way to "Anabel" takes back nothing
    name.blur()
    steps = page.locator(".stc-assignment__check-up")
    expect(steps.first).to_contain_text(f"(form {first_form('Anabel')}) · not started")
    assert stored(page, first_form("Ana")) == {} or first_form("Anabel") == first_form("Ana")
    name.fill("Ana")
    name.blur()
    expect(steps.first).to_contain_text("handed in: you caught")
    page.get_by_role("link", name=re.compile("Check-up before the exercises")).click()
    page.locator(".stc-check-up[data-stc-mounted]").wait_for()
    expect(page.locator(".stc-check-up .stc-summary")).to_contain_text("Handed in.")
    expect(page.get_by_role("button", name="Hand in the check-up")).to_be_hidden()
    context.close()


def test_another_students_check_up_is_never_handed_in_as_yours(
    browser: Browser, site_url: str
) -> None:
    """On a shared computer without a fresh start, the next name does not inherit the last
    student's check-up: not on the assignment page, not in the file, not on the form."""
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    open_before(page, site_url, "Ana")
    page.locator('.stc-check-up .stc-unit[data-unit="1"]').click()
    hand_in(page)
    ana_form = page.url
    page.goto(f"{site_url}assignment/?name=Week&ex={SPOT}&check=1")
    wait_until_ready(page)
    name = page.get_by_label("Your name")
    name.fill("Ben")
    name.blur()
    steps = page.locator(".stc-assignment__check-up")
    expect(steps.first).to_contain_text(f"(form {first_form('Ben')}) · not started")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download my results").click()
    results = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert results["student"] == "Ben" and results["checkUps"] == []
    page.goto(ana_form)  # Ben's before is the other form: the page sends him there
    notice = page.locator(".stc-check-up .stc-notice")
    expect(notice).to_contain_text(
        f"Your check-up before the exercises is form {first_form('Ben')}"
    )
    notice.get_by_role("link", name=f"Open form {first_form('Ben')}").click()
    page.locator(".stc-check-up[data-stc-mounted]").wait_for()
    expect(page.get_by_role("button", name="Hand in the check-up")).to_be_visible()
    # A name whose form Ana's occupies is told so, and shown nothing of hers.
    twin = next(n for n in ("Cy", "Di", "Ed", "Flo", "Gus") if first_form(n) == first_form("Ana"))
    page.evaluate(f"localStorage.setItem('stc:v1:student', {json.dumps(twin)})")
    page.goto(ana_form)
    expect(page.locator(".stc-check-up .stc-notice")).to_contain_text(
        "was handed in on this browser under another name"
    )
    expect(page.locator(".stc-check-up .stc-unit").first).to_be_hidden()
    context.close()


def test_a_check_up_by_keyboard_alone_at_320_px_with_everything_picked(
    browser: Browser, site_url: str
) -> None:
    """Every sentence picked with Space and the arrow keys, handed in with the keyboard, on
    the narrowest phone: nothing scrolls sideways before or after."""
    context = browser.new_context(viewport={"width": 320, "height": 700})
    page = context.new_page()
    open_before(page, site_url, "Ana")
    units = page.locator(".stc-check-up .stc-unit")
    count = units.count()
    units.first.focus()
    for index in range(count):
        page.keyboard.press("Space")
        if index < count - 1:
            page.keyboard.press("ArrowRight")
    expect(page.locator('.stc-check-up .stc-unit[aria-checked="true"]')).to_have_count(count)
    width = "document.documentElement.scrollWidth"
    assert page.evaluate(width) <= 320
    page.get_by_role("button", name="Hand in the check-up").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Cancel")).to_be_focused()
    page.keyboard.press("Shift+Tab")  # from Cancel back to "Hand it in"
    expect(page.get_by_role("button", name="Hand it in")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(".stc-check-up .stc-summary")).to_contain_text(
        "Handed in. You caught 8 of 8 claims to flag, and flagged 8 of 8"
    )
    expect(page.locator(".stc-check-up .stc-summary")).to_be_focused()
    assert page.evaluate(width) <= 320
    context.close()
