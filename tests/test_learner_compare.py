"""A learner doing a compare exercise in Chromium: mouse, keyboard and touch, the reference
answer with the differing words highlighted, Try again, and saved progress."""

from __future__ import annotations

import re

import pytest
from conftest import axe_light_and_dark, open_in_scheme
from playwright.sync_api import Browser, Page, expect

EXERCISE = "articles/idlib-last-stand/entirely-funded/"


def summary(page: Page):
    return page.locator(".stc-summary")


def test_mouse_only_right_verdict_highlights_the_differences(
    checked_page: Page, site_url: str
) -> None:
    page = checked_page
    page.goto(site_url + EXERCISE)
    marks = page.locator(".stc-compare mark")
    expect(marks).to_have_count(0)
    page.get_by_label("It goes beyond the source").check()
    page.get_by_label("Your reason (optional)").fill("Many is not all.")
    page.get_by_role("button", name="Check answers").click()
    expect(summary(page)).to_have_text(
        "Spot on. Your verdict matches the reference answer: “It goes beyond the source”."
        " This first check is your result; checks after it are practice."
    )
    # The learner's verdict stays plain to see, tagged, beside the reference's.
    chosen = page.locator(".stc-verdicts label.stc-chosen")
    expect(chosen).to_have_text(
        "It goes beyond the source: the quoted words say something smaller: fewer, weaker, less"
        " certain · your verdict and the reference answer"
    )
    expect(page.get_by_label("Your reason (optional)")).to_have_value("Many is not all.")
    # two differences in the claim; in the source their words overlap, so one mark there
    expect(marks).to_have_count(3)
    expect(marks.first).to_have_text(
        "the networks and local institutions these extremists preside over"
    )
    expect(page.locator(".stc-compare").last).to_contain_text("Many of these more")
    expect(page.locator("details.stc-answers")).to_have_attribute("open", "")


def test_keyboard_only_with_a_wrong_verdict(checked_page: Page, site_url: str) -> None:
    page = checked_page
    page.goto(site_url + EXERCISE)
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "entirely-funded-verdict":
            break
    else:
        pytest.fail("Tab never reached the verdicts")
    page.keyboard.press("Space")  # the first verdict: supported
    page.keyboard.press("Tab")
    page.keyboard.type("The report says so.")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Check answers"
    page.keyboard.press("Enter")
    expect(summary(page)).to_have_text(
        "Keep practising. Your verdict: “The source supports it”. The reference answer: “It"
        " goes beyond the source”. Read why below. This first check is your result; checks"
        " after it are practice."
    )
    expect(page.locator(".stc-verdicts label.stc-chosen")).to_have_text(
        "The source supports it: the quoted words say what the article says they say · your verdict"
    )
    expect(page.locator(".stc-verdicts label.stc-reference")).to_have_text(
        re.compile(r"^\s*It goes beyond the source: .* · the reference answer$")
    )


def test_phone_width_touch(browser: Browser, site_url: str) -> None:
    context = browser.new_context(
        viewport={"width": 375, "height": 740}, has_touch=True, is_mobile=True
    )
    page = context.new_page()
    page.goto(site_url + EXERCISE)
    page.get_by_label("It goes beyond the source").tap()
    page.get_by_role("button", name="Check answers").tap()
    expect(summary(page)).to_contain_text("Your verdict matches")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    context.close()


def test_try_again_show_answer_and_reload(checked_page: Page, site_url: str) -> None:
    page = checked_page
    page.goto(site_url + EXERCISE)
    page.get_by_role("button", name="Check answers").click()
    expect(summary(page)).to_have_text("Pick a verdict first.")
    page.get_by_label("It contradicts the source").check()
    page.get_by_label("Your reason (optional)").fill("my reason")
    page.reload()
    expect(page.get_by_label("It contradicts the source")).to_be_checked()
    expect(page.get_by_label("Your reason (optional)")).to_have_value("my reason")
    page.get_by_role("button", name="Check answers").click()
    expect(summary(page)).to_contain_text("Your verdict: “It contradicts the source”.")
    page.get_by_role("button", name="Try again").click()
    expect(page.get_by_label("It contradicts the source")).not_to_be_checked()
    # Try again keeps the written reason, to be rewritten, not typed again.
    expect(page.get_by_label("Your reason (optional)")).to_have_value("my reason")
    expect(page.get_by_label("Your reason (optional)")).to_be_editable()
    expect(page.locator(".stc-compare mark")).to_have_count(0)
    page.get_by_role("button", name="Show all answers").click()
    expect(summary(page)).to_contain_text("All answers shown.")
    expect(page.locator(".stc-compare mark")).to_have_count(3)


def test_axe_after_checking_at_both_widths(page: Page, site_url: str) -> None:
    """The page before checking is in test_browser's page types; checked, at 1280 and 320 px,
    light and dark."""
    open_in_scheme(page, site_url + EXERCISE, "default")
    page.get_by_label("It goes beyond the source").check()
    page.get_by_role("button", name="Check answers").click()
    axe_light_and_dark(page, (1280, 320))


def test_the_passage_marks_the_words_quoted_from_the_source(page: Page, site_url: str) -> None:
    """The words the article quotes are marked as quotations in the passage, and the source
    box holds every quoted word the reference answer relies on, even in two pieces."""
    page.goto(site_url + "articles/idlib-last-stand/britain-to-axe-funding/")
    quoted = page.locator(".stc-passage q.stc-quoted")
    expect(quoted).to_have_text(
        [
            "Britain to axe funding for scheme supporting Syrian opposition",
            "Britain was one of six countries supporting the community-led police force set"
            " up after the Syrian uprising in 2011.",
        ]
    )
    expect(page.locator(".stc-passage .stc-claimed")).to_have_text(
        'the so-called "Syrian Free Police" have already been defunded'
    )
    source = page.locator(".stc-compare__side").last
    expect(source).to_contain_text("Syrian opposition […] Britain was one of six countries")
    page.get_by_label("It goes beyond the source").check()
    page.get_by_role("button", name="Check answers").click()
    expect(source.locator("mark")).to_have_text(["Britain", "to axe"])
