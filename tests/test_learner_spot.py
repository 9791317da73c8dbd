"""A learner doing a spot exercise in Chromium: mouse, keyboard and touch, feedback,
Try again, Show all answers, and progress that survives reloads and navigation."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import ROOT, open_in_scheme, wait_until_ready
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


def test_mouse_only_with_a_wrong_pick(checked_page: Page, site_url: str) -> None:
    page = checked_page
    page.goto(site_url + EXERCISE)
    for number in (2, 3):
        unit(page, number).click()
    expect(unit(page, 2)).to_have_attribute("aria-checked", "true")
    expect(unit(page, 5)).to_have_attribute("aria-checked", "false")
    page.get_by_label("Sentence 2:").select_option("no-source")
    page.get_by_role("button", name="Check answers").click()
    expect(summary(page)).to_contain_text(
        "Found 1 of 3 unsupported claims · 1 wrong pick · why-labels right on 1 of 1."
    )
    expect(summary(page)).to_contain_text("Level: Basic")
    expect(summary(page)).not_to_contain_text("Well done")
    passage = page.locator(".stc-passage")
    expect(passage.locator(".stc-fb")).to_have_count(5)
    expect(passage).to_contain_text("✓ found")
    expect(passage).to_contain_text("✗ missed")
    expect(passage).to_contain_text("✗ not a claim the text fails to support")
    expect(passage).to_contain_text("◐ Opinion")
    expect(page.locator("details.stc-answers")).to_have_attribute("open", "")
    expect(page.locator("#warning-or-threat-key-5 .stc-outcome")).to_have_text("✗ You missed this.")
    expect(page.locator("#warning-or-threat-key-1 .stc-outcome")).to_have_text(
        "◐ Not scored: Opinion. You left it."
    )


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
    expect(summary(page)).to_contain_text(
        "Well done! Found 3 of 3 unsupported claims · 0 wrong picks · why-labels right on 0 of 3."
    )
    expect(summary(page)).to_contain_text("Level: Proficient")


def test_units_are_named_checkboxes_with_a_visible_focus_ring(page: Page, site_url: str) -> None:
    page.goto(site_url + EXERCISE)
    box = page.get_by_role("checkbox", name=re.compile("^2 It has issued a threat"))
    expect(box).to_have_attribute("aria-checked", "false")
    box.focus()
    outline = box.evaluate("node => getComputedStyle(node).outlineStyle")
    assert outline == "solid"


def test_phone_width_touch(browser: Browser, site_url: str) -> None:
    context = browser.new_context(
        viewport={"width": 375, "height": 740}, has_touch=True, is_mobile=True
    )
    page = context.new_page()
    page.goto(site_url + EXERCISE)
    for number in (*TARGETS, 1):
        unit(page, number).tap()
    page.get_by_role("button", name="Check answers").tap()
    expect(summary(page)).to_contain_text("Found 3 of 3 unsupported claims · 0 wrong picks")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    heights = page.evaluate(
        """() => [...document.querySelectorAll('.stc-unit')].flatMap(
            unit => [...unit.getClientRects()].map(rect => rect.height))"""
    )
    assert min(heights) >= 24, heights
    context.close()


def test_flagging_everything_does_not_pass(page: Page, site_url: str) -> None:
    page.goto(site_url + EXERCISE)
    for number in range(1, 6):
        unit(page, number).click()
    page.get_by_role("button", name="Check answers").click()
    expect(summary(page)).to_contain_text("Found 3 of 3 unsupported claims · 1 wrong pick")
    expect(summary(page)).to_contain_text("Level: Emergent")
    expect(summary(page)).not_to_contain_text("Well done")


def test_try_again_and_show_all_answers(checked_page: Page, site_url: str) -> None:
    page = checked_page
    page.goto(site_url + EXERCISE)
    unit(page, 2).click()
    page.get_by_role("button", name="Check answers").click()
    page.get_by_role("button", name="Try again").click()
    expect(page.locator('.stc-unit[aria-checked="true"]')).to_have_count(0)
    expect(page.locator(".stc-fb")).to_have_count(0)
    expect(summary(page)).to_have_text("Cleared. Make your picks again.")
    unit(page, 1).click()  # picking works again
    expect(unit(page, 1)).to_have_attribute("aria-checked", "true")
    page.get_by_role("button", name="Show all answers").click()
    expect(summary(page)).to_contain_text("not scored")
    expect(page.locator(".stc-fb")).to_have_count(5)
    expect(page.locator(".stc-passage")).to_contain_text("ⓘ Reported as a source's words")
    expect(page.locator("details.stc-answers")).to_have_attribute("open", "")


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
    expect(summary(page)).to_contain_text("Found 2 of 3 unsupported claims · 0 wrong picks")
    expect(unit(page, 4)).to_have_attribute("aria-disabled", "true")


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_axe_before_and_after_checking(page: Page, site_url: str, scheme: str) -> None:
    open_in_scheme(page, site_url + EXERCISE, scheme)
    assert Axe().run(page).violations_count == 0, Axe().run(page).generate_report()
    for number in (2, 3):
        unit(page, number).click()
    page.get_by_role("button", name="Check answers").click()
    result = Axe().run(page)
    assert result.violations_count == 0, result.generate_report()


def spot_exercise_paths() -> list[str]:
    catalogue = load_catalogue(ROOT / "exercises")
    return [
        f"articles/{e.article.id}/{e.model.id}/"
        for e in catalogue.exercises
        if isinstance(e.model, SpotExercise)
    ]


def test_every_spot_exercise_by_keyboard_at_320_px_with_everything_picked(
    browser: Browser, site_url: str
) -> None:
    """Every sentence picked with Space and the arrow keys, checked with Enter, on the
    narrowest phone: nothing scrolls sideways, on any spot exercise of any article."""
    context = browser.new_context(viewport={"width": 320, "height": 700})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    for path in spot_exercise_paths():
        page.goto(site_url + path)
        wait_until_ready(page)
        units = page.locator(".stc-unit")
        count = units.count()
        units.first.focus()
        for index in range(count):
            page.keyboard.press("Space")
            if index < count - 1:
                page.keyboard.press("ArrowRight")
        expect(page.locator('.stc-unit[aria-checked="true"]')).to_have_count(count)
        page.get_by_role("button", name="Check answers").focus()
        page.keyboard.press("Enter")
        expect(summary(page)).to_contain_text("Found")
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
    assert errors == []
    context.close()
