"""Files and storage from outside, in Chromium: a class report fed hostile results files
(tests/fixtures/hostile_files/), assignment links naming Object.prototype's members,
progress imports that are stale, worse or better, and storage that throws (the progress in
localStorage, the class report kept in sessionStorage). Through all of it the pages keep
working and the learner's saved best result is unchanged."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import ROOT, axe_run, wait_until_ready
from playwright.sync_api import Page, expect

from build_tools.model import FILE_FORMAT_VERSION, PROGRESS_FORMAT

FILES = ROOT / "tests" / "fixtures" / "hostile_files"
SPOT = "warning-or-threat"
SPOT_PAGE = f"articles/idlib-last-stand/{SPOT}/"
KEY = f"stc:v1:{SPOT}"

REPORT_VERDICTS = {
    "good.json": "read (Alice)",
    "markup-name.json": "read (<img src=x onerror=\"window.__pwned='name'\">)",
    "prototype-name.json": "read (toString)",
    "prototype-ids.json": 'refused, exercise "constructor" is not on this site',
    "listed-twice.json": "refused, it lists",
    "extra-field.json": "refused, it holds a field “admin” that results files do not have",
    "extra-field-in-result.json": "is malformed",
    "hidden-name.json": "refused, a name in it holds invisible or direction-changing characters",
    "stated-score-only.json": "read (Peggy)",
    "not-json.json": "refused, not a results file: its text is not JSON",
    "key-given-twice.json": "refused, it gives “student” more than once in one place",
    "prototype-student.json": "read (__proto__)",
    "prototype-why.json": "refused, the answers to “A warning, or a threat?” are malformed",
}
HOSTILE_REASON = (
    "</dd><img src=x onerror=\"window.__pwned='note'\"><script>window.__pwned='script'</script>"
    '\n=HYPERLINK("http://x")'
)

THROWING_STORAGE = """(() => {
    const mode = sessionStorage.getItem('stc-test-throw');
    if (!mode) return;
    const proto = Storage.prototype;
    const real = { getItem: proto.getItem, key: proto.key, setItem: proto.setItem };
    const length = Object.getOwnPropertyDescriptor(proto, 'length');
    const fail = () => { throw new DOMException('denied', 'SecurityError'); };
    const local = (store) => store === window.localStorage;
    const ours = (store, key) => local(store) || String(key).startsWith('stc:');
    if (mode === 'getItem') proto.getItem = function (key) {
        return ours(this, key) && key !== 'stc:v1:' ? fail() : real.getItem.call(this, key); };
    if (mode === 'key') proto.key = function (i) {
        return local(this) ? fail() : real.key.call(this, i); };
    if (mode === 'length') Object.defineProperty(proto, 'length', {
        get() { return local(this) ? fail() : length.get.call(this); } });
    if (mode === 'setItem') proto.setItem = function (key, value) {
        if (ours(this, key)) throw new DOMException('full', 'QuotaExceededError');
        return real.setItem.call(this, key, value); };
})();"""


def our_errors(page: Page) -> list[str]:
    """Uncaught errors from the site's own scripts (the theme's are not ours to fix)."""
    errors: list[str] = []
    page.on(
        "pageerror",
        lambda error: (
            errors.append(error.stack or str(error))
            if "/assets/stc/" in (error.stack or "")
            else None
        ),
    )
    return errors


def save_a_result(page: Page, site_url: str) -> str:
    """Check the spot exercise with picks that earn a best result; return the stored record."""
    page.goto(site_url + SPOT_PAGE)
    wait_until_ready(page)
    for number in (2, 4, 3):
        page.locator(f'.stc-unit[data-unit="{number}"]').click()
    page.get_by_role("button", name="Check answers").click()
    record = page.evaluate(f"localStorage.getItem('{KEY}')")
    assert record and json.loads(record)["best"]
    return str(record)


def save_work(page: Page, site_url: str) -> str:
    """Pick sentences on the spot exercise without checking; return the stored record."""
    page.goto(site_url + SPOT_PAGE)
    wait_until_ready(page)
    for number in (2, 4, 3):
        page.locator(f'.stc-unit[data-unit="{number}"]').click()
    page.wait_for_function(f"JSON.parse(localStorage.getItem('{KEY}'))?.picks.length === 3")
    record = page.evaluate(f"localStorage.getItem('{KEY}')")
    assert record and not json.loads(record)["best"]
    return str(record)


def versions(page: Page, site_url: str) -> dict[str, str]:
    page.goto(site_url + "teachers/class-report/")
    data = json.loads(page.locator(".stc-tool > script").first.text_content() or "")[0]
    return {exercise["id"]: exercise["version"] for exercise in data}


def test_a_class_report_judges_each_hostile_file_on_its_own(
    page: Page, site_url: str, tmp_path: Path
) -> None:
    errors = our_errors(page)
    saved = save_a_result(page, site_url)
    known = versions(page, site_url)
    uploads = []
    for name in REPORT_VERDICTS:
        text = (FILES / name).read_text(encoding="utf-8")
        for exercise, version in known.items():
            text = text.replace(f"@version:{exercise}", version)
        (tmp_path / name).write_text(text, encoding="utf-8")
        uploads.append(tmp_path / name)
    page.get_by_label("Choose results files").set_input_files(uploads)
    files = page.locator(".stc-files li")
    expect(files).to_have_count(len(REPORT_VERDICTS))
    for name, verdict in REPORT_VERDICTS.items():
        expect(files.filter(has_text=f"{name}:")).to_contain_text(verdict)
    rows = page.locator(".stc-report tbody tr")
    expect(rows).to_have_count(5)
    expect(rows.filter(has_text="Peggy")).to_contain_text(
        "not checkedThe file said found 3 of 3, 0 wrong picks, 3 reasons right (Proficient);"
        " worked out from the picks: not checked."
    )
    proto = page.locator("details.stc-student", has_text="__proto__ ·")
    expect(proto.locator("summary")).to_have_text(
        "__proto__ · 2 of 2 exercises checked, 1 after seeing the answers"
    )
    for summary in page.locator("details.stc-student summary").all():
        summary.click()
    expect(proto.locator(".stc-reason")).to_have_text(HOSTILE_REASON)  # text, never markup
    expect(proto).to_contain_text("yes (so this result is not counted)")
    expect(proto).to_contain_text("Can't tell from the text")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download CSV").click()
    exported = Path(download.value.path()).read_bytes().decode("utf-8-sig")
    assert '\r\n"__proto__",1,1,3,1,1,1,0,1,0,,1\r\n' in exported, exported
    assert page.evaluate("window.__pwned") is None
    assert page.locator(".stc-report img, .stc-report script").count() == 0
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == saved
    assert errors == []


@pytest.mark.parametrize(
    "query",
    [
        "name=__proto__&ex=constructor,toString,__proto__,warning-or-threat,warning-or-threat",
        "name=constructor&ex=hasOwnProperty,warning-or-threat",
        "name=%E2%80%AEWeek%E2%80%8B%201&ex=warning-or-threat,valueOf",
    ],
)
def test_an_assignment_link_naming_prototype_members(page: Page, site_url: str, query: str) -> None:
    errors = our_errors(page)
    page.goto(f"{site_url}assignment/?{query}")
    wait_until_ready(page)
    expect(page.locator(".stc-assignment li")).to_have_count(1)
    expect(page.locator(".stc-tool .stc-notice").first).to_contain_text("not on this site")
    heading = page.locator(".stc-tool h2").text_content() or ""
    assert "\u202e" not in heading and "\u200b" not in heading
    page.get_by_label("Your name").fill("Ann")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download my results").click()
    results = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert [entry["id"] for entry in results["exercises"]] == [SPOT]
    assert errors == []


def progress_file(records: dict[str, object]) -> bytes:
    body = {
        "format": PROGRESS_FORMAT,
        "version": FILE_FORMAT_VERSION,
        "exercises": records,
        "checkUps": {},
    }
    return json.dumps(body).encode()


def upload(page: Page, body: bytes) -> None:
    page.get_by_label("Import progress").set_input_files(
        files=[{"name": "progress.json", "mimeType": "application/json", "buffer": body}]
    )


PERFECT = {"found": 3, "targets": 3, "wrong": 0, "whyRight": 3, "level": "Proficient"}


def test_no_import_replaces_the_first_check_made_here(page: Page, site_url: str) -> None:
    """Not a stale one, not unchecked work, and not a better first check made elsewhere,
    perhaps after the answers were seen here."""
    errors = our_errors(page)
    saved = save_a_result(page, site_url)
    record = json.loads(saved)
    stale = {**record, "version": "0000000000000000", "best": PERFECT, "result": PERFECT}
    worse = {**record, "checked": False, "result": None, "best": None, "picks": []}
    del worse["bestAnswer"]  # kept only with a best result
    worse["at"] = "2099-01-01T00:00:00.000Z"  # newer, and still not allowed to replace it
    better = {**record, "picks": [2, 4, 5], "result": PERFECT, "best": PERFECT}
    better["bestAnswer"] = {"picks": [2, 4, 5], "why": {}, "verdict": ""}
    better["at"] = "2099-01-01T00:00:00.000Z"
    page.goto(site_url + "progress/")
    wait_until_ready(page)
    for entry in (stale, worse, better):
        upload(page, progress_file({SPOT: entry}))
        expect(page.locator(".stc-progress [role=status]")).to_have_text(
            "Nothing to import. Left as saved here, which an import never replaces (work done"
            " here, newer work, or work on the current version): "
            "“A warning, or a threat?”."
        )
        expect(page.locator(".stc-import-plan")).to_have_count(0)
        assert page.evaluate(f"localStorage.getItem('{KEY}')") == saved
    upload(page, progress_file({SPOT: record, "__proto__": record}))
    expect(page.locator(".stc-progress [role=status]")).to_contain_text("is not valid progress")
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == saved
    assert errors == []


def test_an_import_shows_what_it_would_replace_and_asks(page: Page, site_url: str) -> None:
    errors = our_errors(page)
    saved = save_work(page, site_url)
    better = {**json.loads(saved), "picks": [2, 3, 4], "checked": True}
    better |= {"result": PERFECT, "best": PERFECT}
    page.goto(site_url + "progress/")
    wait_until_ready(page)
    status = page.locator(f'[data-stc-status="{SPOT}"]')
    before = status.text_content()

    upload(page, progress_file({SPOT: better}))
    plan = page.locator(".stc-import-plan")
    expect(plan).to_contain_text("The file would replace your saved work on:")
    expect(plan).to_contain_text(
        "in the file, checked: found 3 of 3, no wrong picks: Spot on (last changed "
    )
    expect(plan).to_contain_text("kept aside in this browser, not deleted")
    plan.get_by_role("button", name="Cancel").click()
    expect(page.locator(".stc-progress [role=status]")).to_have_text("Nothing was imported.")
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == saved
    expect(status).to_have_text(before or "")

    upload(page, progress_file({SPOT: better}))
    expect(page.locator(".stc-import-plan").get_by_role("button", name="Cancel")).to_be_focused()
    page.locator(".stc-import-plan").get_by_role("button", name="Replace 1 exercise").click()
    expect(page.locator(".stc-progress [role=status]")).to_have_text(
        "Imported progress for 1 exercise. What it replaced is kept aside in this browser."
    )
    expect(status).to_contain_text("found 3 of 3, no wrong picks: Spot on")
    aside = page.evaluate(
        "Object.keys(localStorage).filter(k => k.startsWith('stc:v1:aside:warning-or-threat:'))"
        ".map(k => localStorage.getItem(k))"
    )
    assert aside == [saved], "what was replaced is kept aside"
    kept = page.locator(".stc-aside")
    expect(kept).to_contain_text("1 earlier answer is kept aside in this browser")
    with page.expect_download() as download:
        kept.get_by_role("button", name="Download kept-aside answers").click()
    file = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert file["exercises"] == {SPOT: json.loads(saved)}, "and can be taken back"
    assert errors == []


@pytest.mark.parametrize("mode", ["getItem", "key", "length", "setItem"])
def test_storage_that_throws_stops_no_page_and_loses_nothing(
    page: Page, site_url: str, mode: str
) -> None:
    errors = our_errors(page)
    saved = save_a_result(page, site_url)
    page.add_init_script(THROWING_STORAGE)
    page.evaluate(f"sessionStorage.setItem('stc-test-throw', '{mode}')")

    page.goto(site_url + SPOT_PAGE)
    wait_until_ready(page)
    try_again = page.get_by_role("button", name="Try again")
    if try_again.is_visible():  # the saved, checked answer was read back
        try_again.click()
    page.locator('.stc-unit[data-unit="1"]').click()
    page.get_by_role("button", name="Check answers").click()
    expect(page.locator(".stc-summary")).to_contain_text(re.compile("You found|Your verdict"))

    page.goto(site_url + "progress/")
    wait_until_ready(page)
    expect(page.get_by_role("button", name="Export progress")).to_be_visible()
    page.goto(f"{site_url}assignment/?name=Week&ex={SPOT}")
    wait_until_ready(page)
    expect(page.locator(".stc-assignment li")).to_have_count(1)
    page.goto(f"{site_url}assignment/?name=Week&ex=remote-interviews&check=1")  # check-ups
    wait_until_ready(page)
    expect(page.locator(".stc-assignment li")).to_have_count(3)
    page.goto(f"{site_url}check-ups/form-a/?name=Week&ex=remote-interviews&check=1&stage=before")
    wait_until_ready(page)
    expect(page.locator(".stc-check-up .stc-notice")).not_to_be_empty()

    # The class report loads files whatever the browser's session storage does, and says
    # when it cannot keep them for coming back.
    page.goto(site_url + "teachers/class-report/")
    wait_until_ready(page)
    exercises = json.loads(page.locator(".stc-tool > script").first.text_content() or "")[0]
    text = (FILES / "good.json").read_text(encoding="utf-8")
    for exercise in exercises:
        text = text.replace(f"@version:{exercise['id']}", exercise["version"])
    page.get_by_label("Choose results files").set_input_files(
        files=[{"name": "good.json", "mimeType": "application/json", "buffer": text.encode()}]
    )
    expect(page.locator(".stc-report tbody tr")).to_have_count(1)
    status = page.locator(".stc-tool [role=status]")
    notice = page.locator(".stc-report .stc-notice")
    if mode == "setItem":
        expect(status).to_have_text(
            "This upload: 1 of 1 file read. The report now covers 1 student. It will be lost if"
            " you leave this page."
        )
        expect(notice).to_have_text(
            "This browser does not let the site keep the report (its storage is blocked or"
            " full): leaving this page empties it."
        )
    else:
        expect(status).to_have_text(
            "This upload: 1 of 1 file read. The report now covers 1 student."
        )
        expect(notice).to_have_count(0)
    page.reload()  # kept, and read back, unless the session storage refuses one or the other
    wait_until_ready(page)
    kept = mode not in ("setItem", "getItem")
    expect(page.locator(".stc-report tbody tr")).to_have_count(1 if kept else 0)

    page.evaluate("sessionStorage.removeItem('stc-test-throw')")
    page.goto(site_url + "progress/")
    wait_until_ready(page)
    record = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))
    assert record["best"] == json.loads(saved)["best"], "the best result is unchanged"
    assert errors == []


@pytest.mark.parametrize("mode", ["getItem", "key", "length"])
def test_an_import_weighs_what_storage_holds_even_when_it_cannot_list_it(
    page: Page, site_url: str, mode: str
) -> None:
    errors = our_errors(page)
    saved = save_a_result(page, site_url)
    worse = {**json.loads(saved), "checked": False, "result": None, "best": None, "picks": []}
    del worse["bestAnswer"]  # kept only with a best result
    worse["at"] = "2099-01-01T00:00:00.000Z"
    page.add_init_script(THROWING_STORAGE)
    page.evaluate(f"sessionStorage.setItem('stc-test-throw', '{mode}')")
    page.goto(site_url + "progress/")
    wait_until_ready(page)
    upload(page, progress_file({SPOT: worse}))
    expect(page.locator(".stc-progress [role=status]")).to_contain_text(
        "Left as saved here" if mode != "getItem" else "could be saved"
    )
    expect(page.locator(".stc-import-plan")).to_have_count(0)
    page.evaluate("sessionStorage.removeItem('stc-test-throw')")
    page.reload()
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == saved
    assert errors == []


def test_a_better_import_over_a_record_storage_cannot_list_asks_first(
    page: Page, site_url: str
) -> None:
    errors = our_errors(page)
    saved = save_work(page, site_url)
    better = {**json.loads(saved), "picks": [2, 3, 4], "checked": True}
    better |= {"result": PERFECT, "best": PERFECT}
    page.add_init_script(THROWING_STORAGE)
    page.evaluate("sessionStorage.setItem('stc-test-throw', 'length')")
    page.goto(site_url + "progress/")
    wait_until_ready(page)
    upload(page, progress_file({SPOT: better}))
    expect(page.locator(".stc-import-plan")).to_contain_text("The file would replace")
    page.locator(".stc-import-plan").get_by_role("button", name="Cancel").click()
    page.evaluate("sessionStorage.removeItem('stc-test-throw')")
    page.reload()
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == saved
    assert errors == []


def test_the_import_question_by_keyboard_at_320_px(page: Page, site_url: str) -> None:
    """A phone-sized window, keyboard only: the question fits, Cancel is where Enter lands,
    Replace is one Shift+Tab away, and the kept-aside answers download by keyboard too."""
    errors = our_errors(page)
    saved = save_work(page, site_url)
    better = {**json.loads(saved), "picks": [2, 3, 4], "checked": True}
    better |= {"result": PERFECT, "best": PERFECT}
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(site_url + "progress/")
    wait_until_ready(page)
    upload(page, progress_file({SPOT: better}))
    plan = page.locator(".stc-import-plan")
    expect(plan.get_by_role("button", name="Cancel")).to_be_focused()
    overflow = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    assert page.evaluate(overflow) <= 0, "no horizontal scrolling with the question open"
    result = axe_run(page)
    assert result.violations_count == 0, result.generate_report()
    page.keyboard.press("Shift+Tab")
    expect(plan.get_by_role("button", name="Replace 1 exercise")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(".stc-progress [role=status]")).to_contain_text(
        "Imported progress for 1 exercise."
    )
    download_button = page.get_by_role("button", name="Download kept-aside answers")
    page.keyboard.press("Tab")  # from the file chooser, where the import left the focus
    expect(download_button).to_be_focused()
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    kept = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert kept["exercises"] == {SPOT: json.loads(saved)}
    assert page.evaluate(overflow) <= 0
    assert errors == []
