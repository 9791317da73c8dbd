"""A learner doing a spot exercise in Chromium: mouse, keyboard and touch, feedback on
every sentence, Try again, Show all answers (and what peeking costs), and progress that
survives reloads and navigation."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT, axe_light_and_dark, in_front, open_in_scheme, wait_until_ready
from playwright.sync_api import Browser, Page, expect

from build_tools.catalogue import load_catalogue
from build_tools.model import SpotExercise

EXERCISE = "articles/idlib-last-stand/warning-or-threat/"
# warning-or-threat: targets are units 2, 4 and 5; 1 is opinion (not scored), 3 is attributed.
TARGETS = (2, 4, 5)


def unit(page: Page, number: int):
    return page.locator(f'.stc-unit[data-unit="{number}"]')


def summary(page: Page):
    return page.locator(".stc-summary")


def progress_status(page: Page, site_url: str):
    """The progress page's line for the exercise, the page opened afresh."""
    page.goto(site_url + "progress/")
    return page.locator('[data-stc-status="warning-or-threat"]')


def test_mouse_only_with_a_wrong_pick(checked_page: Page, site_url: str) -> None:
    page = checked_page
    page.goto(site_url + EXERCISE)
    for number in (2, 3):
        unit(page, number).click()
    expect(unit(page, 2)).to_have_attribute("aria-checked", "true")
    expect(unit(page, 5)).to_have_attribute("aria-checked", "false")
    page.get_by_label("Sentence 2:").select_option("no-source")
    page.get_by_role("button", name="Check answers").click()
    expect(summary(page)).to_have_text(
        "Keep practising. You found 1 of 3 unsupported claims and made 1 wrong pick. Each wrong"
        " pick cancels one find. Your reasons: 1 of 1 matched the reference. Read the"
        " explanations below, then try again. This first check is your result; checks after"
        " it are practice."
    )
    passage = page.locator(".stc-passage")
    # Each sentence shows its state in words beside it, and on itself.
    expect(passage.locator(".stc-fb")).to_have_text(
        [
            "○ Not scored: Opinion",
            "✓ Found: Unsupported claim",
            "✗ Wrong pick: Reported as a source's words",
            "! Missed: Unsupported claim",
            "! Missed: Unsupported claim",
        ]
    )
    outcomes = [unit(page, n).get_attribute("data-outcome") for n in range(1, 6)]
    assert outcomes == ["unscored", "found", "wrong", "missed", "missed"]
    tints = {unit(page, n).evaluate("u => getComputedStyle(u).backgroundColor") for n in (2, 3, 4)}
    assert len(tints) == 3  # found, wrong pick and missed each look different
    # The signs are decoration: screen readers get the words.
    signs = page.locator(".stc-sign")
    assert signs.count() >= 8
    assert all(s == "true" for s in signs.evaluate_all("ss => ss.map(s => s.ariaHidden)"))
    # The learner's reason beside the reference's, for each pick.
    expect(page.locator(".stc-pick-result")).to_have_text(
        [
            "Sentence 2: ✓ Found. You said: No source · Reference: Loaded words; No source",
            "Sentence 3: ✗ Wrong pick. You said: no reason given · Reference: Reported as a"
            " source's words",
        ]
    )
    expect(page.locator("details.stc-answers")).to_have_attribute("open", "")
    expect(page.locator("#warning-or-threat-key-5 .stc-outcome")).to_have_text(
        "! You missed this one: read why it is unsupported."
    )
    expect(page.locator("#warning-or-threat-key-2 .stc-outcome")).to_have_text(
        "✓ You found this. You said: No source · Reference: Loaded words; No source."
    )
    expect(page.locator("#warning-or-threat-key-1 .stc-outcome")).to_have_text(
        "○ Not scored: Opinion. You left it."
    )
    # Learners see words they understand; the rubric's names are for teachers.
    expect(page.locator(".stc-exercise")).not_to_contain_text(re.compile("Basic|Emergent"))


def test_keyboard_only_reaches_a_full_score(checked_page: Page, site_url: str) -> None:
    page = checked_page
    page.goto(site_url + EXERCISE)
    for _ in range(60):  # Tab from the top of the page to the first unit
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.unit") == "1":
            break
    else:
        pytest.fail("Tab never reached the first unit")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Space")  # unit 2
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")  # unit 4
    page.keyboard.press("Tab")  # Tab also moves from unit to unit
    page.keyboard.press("Space")  # unit 5
    for number in (1, 2, 3, 4, 5):
        expect(unit(page, number)).to_have_attribute(
            "aria-checked", "true" if number in TARGETS else "false"
        )
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Check answers":
            break
    else:
        pytest.fail("Tab never reached Check answers")
    page.keyboard.press("Enter")
    expect(summary(page)).to_have_text(
        "Spot on. You found 3 of 3 unsupported claims, with no wrong picks. Next time, choose a"
        " reason for each pick: naming the technique is part of the skill. This first check is"
        " your result; checks after it are practice."
    )


def test_units_are_named_checkboxes_with_a_visible_focus_ring(page: Page, site_url: str) -> None:
    page.goto(site_url + EXERCISE)
    box = page.get_by_role("checkbox", name=re.compile("^2 It has issued a threat"))
    expect(box).to_have_attribute("aria-checked", "false")
    box.focus()
    outline = box.evaluate("node => getComputedStyle(node).outlineStyle")
    assert outline == "solid"


def test_phone_width_touch(browser: Browser, site_url: str) -> None:
    """At 320 px on a touch screen: nothing scrolls sideways, and every control, each
    sentence and each feedback tag included, is at least 44 px tall."""
    context = browser.new_context(
        viewport={"width": 320, "height": 700}, has_touch=True, is_mobile=True
    )
    page = context.new_page()
    page.goto(site_url + EXERCISE)
    unit(page, 3).tap()
    unit(page, 3).tap()  # tapped off again: it must look like any sentence not picked
    assert unit(page, 3).evaluate("u => getComputedStyle(u).backgroundColor") == unit(
        page, 1
    ).evaluate("u => getComputedStyle(u).backgroundColor")
    for number in (*TARGETS, 1):
        unit(page, number).tap()
    page.get_by_role("button", name="Check answers").tap()
    expect(summary(page)).to_contain_text("You found 3 of 3 unsupported claims, with no wrong")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.get_by_role("button", name="Try again").tap()
    unit(page, 2).tap()
    heights = page.evaluate(
        """() => [...document.querySelectorAll(
            '.stc-unit, .stc-exercise button, .stc-exercise select, .md-content .md-button, '
            + '.stc-exercise summary, .md-header__button.md-icon')]
            .filter(node => node.getClientRects().length)
            .flatMap(node => [...node.getClientRects()].map(
                rect => [node.className || node.tagName, Math.round(rect.height)]))"""
    )
    assert all(height >= 44 for _, height in heights), heights
    page.get_by_role("button", name="Check answers").tap()
    tags = page.evaluate(
        """() => [...document.querySelectorAll('.stc-fb, .stc-pick-result > a')]
            .map(link => link.offsetHeight)"""
    )
    assert tags and min(tags) >= 44, tags
    context.close()


def test_flagging_everything_does_not_pass(page: Page, site_url: str) -> None:
    page.goto(site_url + EXERCISE)
    for number in range(1, 6):
        unit(page, number).click()
    page.get_by_role("button", name="Check answers").click()
    expect(summary(page)).to_contain_text(
        "Getting there. You found 3 of 3 unsupported claims and made 1 wrong pick."
    )


def test_try_again_and_show_all_answers(checked_page: Page, site_url: str) -> None:
    page = checked_page
    page.goto(site_url + EXERCISE)
    unit(page, 2).click()
    page.get_by_role("button", name="Check answers").click()
    page.get_by_role("button", name="Try again").click()
    expect(page.locator('.stc-unit[aria-checked="true"]')).to_have_count(0)
    expect(page.locator(".stc-fb")).to_have_count(0)
    expect(summary(page)).to_have_text("Cleared. Make your picks again.")
    expect(page.locator("details.stc-answers")).to_be_visible()  # checked once: they stay
    unit(page, 1).click()  # picking works again
    expect(unit(page, 1)).to_have_attribute("aria-checked", "true")
    page.get_by_role("button", name="Show all answers").click()  # after a check: no question
    expect(page.locator(".stc-confirm")).to_have_count(0)
    expect(summary(page)).to_have_text("All answers shown. Press Try again to start over.")
    expect(page.locator(".stc-fb")).to_have_count(5)
    expect(page.locator(".stc-passage")).to_contain_text("▸ Reported as a source's words")
    expect(page.locator("details.stc-answers")).to_have_attribute("open", "")


def test_a_prompt_goes_as_soon_as_it_no_longer_applies(page: Page, site_url: str) -> None:
    page.goto(site_url + EXERCISE)
    page.get_by_role("button", name="Check answers").click()
    expect(summary(page)).to_have_text("Select at least one sentence first.")
    unit(page, 2).click()
    expect(summary(page)).to_have_text("")


def stored(page: Page, exercise: str = "warning-or-threat") -> dict[str, object]:
    record: dict[str, object] = page.evaluate(
        f"JSON.parse(localStorage.getItem('stc:v1:{exercise}'))"
    )
    return record


def test_peeking_is_never_a_clean_best_result(checked_page: Page, site_url: str) -> None:
    """Show all answers → Try again → pick the targets → Check: the result is shown and
    saved as "answers seen", never as a best result, on the exercise, the progress page and
    in the results file a teacher gets."""
    page = checked_page
    page.goto(site_url + EXERCISE)
    expect(page.locator("details.stc-answers")).to_be_hidden()  # nothing to peek at yet
    expect(page.locator("details.stc-questions")).to_be_hidden()  # model answers too
    expect(page.locator(".stc-key-note")).to_be_visible()
    page.get_by_role("button", name="Show all answers").click()
    confirm = page.get_by_role("group", name="Show the answers before checking?")
    expect(confirm).to_contain_text("marked “answers seen”")
    expect(confirm.get_by_role("button", name="Cancel")).to_be_focused()
    page.keyboard.press("Enter")  # Cancel: nothing is shown, nothing is marked
    expect(confirm).to_have_count(0)
    expect(page.locator("details.stc-answers")).to_be_hidden()
    page.get_by_role("button", name="Show all answers").click()
    page.get_by_role("button", name="Show the answers").click()
    expect(page.locator("details.stc-answers")).to_have_attribute("open", "")
    expect(summary(page)).to_contain_text("marked “answers seen”")
    page.get_by_role("button", name="Try again").click()
    for number in TARGETS:
        unit(page, number).click()
    page.get_by_role("button", name="Check answers").click()
    expect(summary(page)).to_contain_text(
        "Answers seen before your first check, so this result does not count as your own."
    )
    expect(summary(page)).not_to_contain_text("Spot on")
    record = stored(page)
    assert record["answersSeen"] is True and record["best"] is None
    assert record["result"] == {
        "found": 3,
        "targets": 3,
        "wrong": 0,
        "whyRight": 0,
        "level": "Proficient",
    }
    page.reload()  # and it stays so
    expect(summary(page)).to_contain_text("Answers seen before your first check")
    expect(progress_status(page, site_url)).to_have_text(
        "Checked: found 3 of 3, no wrong picks, after seeing the answers"
    )


def test_a_check_after_the_answers_were_in_view_is_practice(
    checked_page: Page, site_url: str
) -> None:
    """The first check is the result: after it the explanations are open, so copying them
    after Try again gives a practice result, never a better one, on the exercise (also
    when it is opened again) and on the progress page."""
    page = checked_page
    page.goto(site_url + EXERCISE)
    expect(page.locator(".stc-key-note")).to_contain_text("Your first check is your result.")
    unit(page, 2).click()
    page.get_by_role("button", name="Check answers").click()
    expect(summary(page)).to_contain_text("Keep practising. You found 1 of 3")
    page.get_by_role("button", name="Try again").click()
    for number in TARGETS:
        unit(page, number).click()
    page.get_by_role("button", name="Check answers").click()
    expect(summary(page)).to_contain_text("Practice: Spot on. You found 3 of 3")
    expect(summary(page)).to_contain_text(
        "Your result stays your first check: found 1 of 3, no wrong picks: Keep practising."
    )
    record = stored(page)
    assert record["best"]["found"] == 1 and record["bestAnswer"]["picks"] == [2]
    expect(progress_status(page, site_url)).to_have_text(
        "Checked: found 1 of 3, no wrong picks: Keep practising · practice since: found 3"
        " of 3, no wrong picks: Spot on"
    )
    page.goto(site_url + EXERCISE)
    expect(summary(page)).to_contain_text("Practice: Spot on.")
    page.get_by_role("button", name="Try again").click()
    unit(page, 2).click()  # the first check's picks again: that is the result, not practice
    page.get_by_role("button", name="Check answers").click()
    expect(summary(page)).to_have_text(re.compile(r"^Keep practising\. You found 1 of 3"))
    expect(summary(page)).to_contain_text("These are your first check's answers: your result.")
    expect(progress_status(page, site_url)).to_have_text(
        "Checked: found 1 of 3, no wrong picks: Keep practising"
    )


def test_a_check_stored_without_its_first_result_becomes_the_first(
    checked_page: Page, site_url: str
) -> None:
    """A record checked but with no first check kept (saved before that was kept, or brought
    by a file): its check is the first, so a later one is practice, never a second first."""
    page = checked_page
    page.goto(site_url + EXERCISE)
    version = page.locator(".stc-exercise").get_attribute("data-version")
    record = {
        "version": version,
        "picks": [2, 4, 5],
        "why": {},
        "verdict": "",
        "note": "",
        "checked": True,
        "result": None,
        "best": None,
        "at": "2026-01-01T00:00:00.000Z",
        "answersSeen": False,
    }
    page.evaluate(
        "r => localStorage.setItem('stc:v1:warning-or-threat', JSON.stringify(r))", record
    )
    page.reload()
    expect(summary(page)).to_contain_text("Spot on. You found 3 of 3")
    assert stored(page)["bestAnswer"]["picks"] == [2, 4, 5]
    page.get_by_role("button", name="Try again").click()
    unit(page, 1).click()
    page.get_by_role("button", name="Check answers").click()
    expect(summary(page)).to_contain_text("Practice: Keep practising.")
    assert stored(page)["best"]["found"] == 3


def test_a_peek_in_another_tab_is_not_undone_by_a_stale_one(
    browser: Browser, site_url: str
) -> None:
    """Tab B shows the answers; tab A, opened before, then checks: the mark stays, and A's
    result is not stored as the one that counts. A clean first check made in A is not lost
    to B either."""
    context = browser.new_context()
    a, b = context.new_page(), context.new_page()
    for tab in (a, b):
        tab.goto(site_url + EXERCISE)
        wait_until_ready(tab)
    in_front(b).get_by_role("button", name="Show all answers").click()
    b.get_by_role("button", name="Show the answers").click()
    in_front(a)
    for number in TARGETS:
        unit(a, number).click()
    a.get_by_role("button", name="Check answers").click()
    expect(summary(a)).to_contain_text("Answers seen before your first check")
    record = stored(a)
    assert record["answersSeen"] is True and record["best"] is None
    # The other way round: a clean check made in one tab survives the other's Show all.
    a.evaluate("localStorage.clear()")
    for tab in (a, b):
        tab.reload()
        wait_until_ready(tab)
    unit(in_front(a), 2).click()
    a.get_by_role("button", name="Check answers").click()
    # Another tab's storage catches up a moment later, as a storage event tells it.
    b.wait_for_function("JSON.parse(localStorage.getItem('stc:v1:warning-or-threat'))?.best")
    in_front(b).get_by_role("button", name="Show all answers").click()
    expect(b.locator(".stc-confirm")).to_have_count(0)  # a clean check exists: no question
    record = stored(b)
    assert record["answersSeen"] is False and record["best"]["found"] == 1
    b.get_by_role("button", name="Check answers").click()  # answers shown: nothing to check
    expect(summary(b)).to_have_text("The answers are shown: press Try again to make your picks.")
    context.close()


def test_the_answers_stay_hidden_until_the_exercise_is_mounted(
    browser: Browser, site_url: str
) -> None:
    """With JavaScript on, the answers are never on show while the page is loading: here
    the site's script never arrives at all."""
    context = browser.new_context()
    page = context.new_page()
    page.route(
        "**/assets/stc/main.js",
        lambda route: route.fulfill(body="", content_type="text/javascript"),
    )
    page.goto(site_url + EXERCISE)
    expect(page.locator("details.stc-answers")).to_be_hidden()
    expect(page.locator("details.stc-questions")).to_be_hidden()
    context.close()


def test_checking_first_keeps_the_best_result_clean(page: Page, site_url: str) -> None:
    page.goto(site_url + EXERCISE)
    unit(page, 2).click()
    page.get_by_role("button", name="Check answers").click()
    page.get_by_role("button", name="Show all answers").click()
    record = stored(page)
    assert record["answersSeen"] is False
    assert isinstance(record["best"], dict) and record["best"]["found"] == 1


def test_progress_survives_reload(checked_page: Page, site_url: str) -> None:
    page = checked_page
    page.goto(site_url + EXERCISE)
    unit(page, 2).click()
    page.get_by_label("Sentence 2:").select_option("loaded-words")
    page.reload()
    expect(unit(page, 2)).to_have_attribute("aria-checked", "true")
    expect(page.get_by_label("Sentence 2:")).to_have_value("loaded-words")
    unit(page, 4).click()
    page.get_by_role("button", name="Check answers").click()
    page.reload()
    expect(summary(page)).to_contain_text("You found 2 of 3 unsupported claims, with no wrong")
    expect(unit(page, 4)).to_have_attribute("aria-disabled", "true")


def test_axe_after_checking_at_both_widths(page: Page, site_url: str) -> None:
    """The page before checking is in test_browser's page types; checked, at 1280 and 320 px,
    light and dark."""
    open_in_scheme(page, site_url + EXERCISE, "default")
    for number in (2, 3):
        unit(page, number).click()
    page.get_by_role("button", name="Check answers").click()
    axe_light_and_dark(page, (1280, 320))


def spot_exercise_paths() -> list[str]:
    catalogue = load_catalogue(ROOT / "exercises")
    return [
        f"articles/{e.article.id}/{e.model.id}/"
        for e in catalogue.exercises
        if isinstance(e.model, SpotExercise)
    ]


def test_every_spot_exercise_at_320_px_with_everything_picked(
    browser: Browser, site_url: str
) -> None:
    """Every sentence picked (with Space and the arrow keys on the first), checked with
    Enter, on the narrowest phone: nothing scrolls sideways, on any spot exercise."""
    context = browser.new_context(viewport={"width": 320, "height": 700})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    for number, path in enumerate(spot_exercise_paths()):
        page.goto(site_url + path)
        wait_until_ready(page)
        units = page.locator(".stc-unit")
        count = units.count()
        if number:  # the keyboard is walked through on the first; the rest are clicked
            units.evaluate_all("units => units.forEach(unit => unit.click())")
        else:
            units.first.focus()
            for index in range(count):
                page.keyboard.press("Space")
                if index < count - 1:
                    page.keyboard.press("ArrowRight")
        expect(page.locator('.stc-unit[aria-checked="true"]')).to_have_count(count)
        page.get_by_role("button", name="Check answers").focus()
        page.keyboard.press("Enter")
        expect(summary(page)).to_contain_text("You found")
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
    assert errors == []
    context.close()
