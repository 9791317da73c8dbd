"""Going from exercise to exercise in Chromium: Next exercise, the assignment bar through a
whole assignment without the browser's Back button, done and started marks, where to
continue, and the skip link every page starts with."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from conftest import ROOT, wait_until_ready
from playwright.sync_api import Page, expect

from build_tools.catalogue import load_catalogue

SPOT, COMPARE = "warning-or-threat", "entirely-funded"
ASSIGNMENT = f"assignment/?name={quote('Week 1 & 2')}&ex={SPOT},{COMPARE}"


def title_of(exercise_id: str) -> str:
    catalogue = load_catalogue(ROOT / "exercises")
    return next(e.model.title for e in catalogue.exercises if e.model.id == exercise_id)


def bar(page: Page):
    return page.get_by_role("navigation", name="Assignment")


def test_an_assignment_from_start_to_results_without_the_back_button(
    checked_page: Page, site_url: str
) -> None:
    page = checked_page
    page.goto(site_url + ASSIGNMENT)
    wait_until_ready(page)
    page.evaluate("window.stillThisDocument = true")  # gone if a link reloads the page
    page.locator(".stc-assignment li").first.get_by_role("link").click()
    expect(bar(page)).to_contain_text("Assignment: Week 1 & 2 · exercise 1 of 2")
    assert page.evaluate("window.stillThisDocument") is True  # instant navigation
    page.reload()  # the assignment is in the address: the bar survives a reload
    wait_until_ready(page)
    expect(bar(page)).to_contain_text("exercise 1 of 2")
    expect(bar(page).get_by_role("link", name=f"Next: {title_of(COMPARE)}")).to_be_visible()
    for number in (2, 4, 5):
        page.locator(f'.stc-unit[data-unit="{number}"]').click()
    page.get_by_role("button", name="Check answers").click()
    page.evaluate("window.stillThisDocument = true")
    page.get_by_role("link", name=f"Next exercise: {title_of(COMPARE)}").click()
    expect(bar(page)).to_contain_text("exercise 2 of 2")
    assert page.evaluate("window.stillThisDocument") is True
    wait_until_ready(page, 2)  # the second page this document shows
    page.keyboard.press("Tab")  # as on a page loaded afresh, not from the link followed
    expect(page.locator(":focus")).to_have_text("Skip to the exercise")
    expect(bar(page).get_by_role("link", name="Next:")).to_have_count(0)  # the last one
    page.get_by_label("It goes beyond the source").check()
    page.get_by_role("button", name="Check answers").click()
    page.get_by_role("link", name="Back to the assignment to hand in your results").click()
    items = page.locator(".stc-assignment li")
    expect(items).to_have_count(2)
    expect(items.first).to_contain_text("checked: found 3 of 3, no wrong picks: Spot on")
    expect(items.nth(1)).to_contain_text("checked: your verdict matched the reference: Spot on")
    # The bar's way back works from any exercise, and the list's links keep the assignment.
    items.nth(1).get_by_role("link").click()
    bar(page).get_by_role("link", name="Back to the assignment").click()
    expect(page.locator(".stc-assignment")).to_be_visible()


def test_next_exercise_in_the_site_order_outside_an_assignment(page: Page, site_url: str) -> None:
    catalogue = load_catalogue(ROOT / "exercises")
    first, second = catalogue.exercises_of("idlib-last-stand")[:2]
    page.goto(f"{site_url}articles/idlib-last-stand/{first.model.id}/")
    expect(bar(page)).to_have_count(0)
    page.locator('.stc-unit[data-unit="2"]').click()
    next_link = page.get_by_role("link", name=f"Next exercise: {second.model.title}")
    expect(next_link).to_be_hidden()  # only once checked
    page.get_by_role("button", name="Check answers").click()
    next_link.click()
    expect(page).to_have_url(f"{site_url}articles/idlib-last-stand/{second.model.id}/")


def test_an_exercise_named_by_an_assignment_it_is_not_in_shows_no_bar(
    page: Page, site_url: str
) -> None:
    page.goto(f"{site_url}articles/idlib-last-stand/{SPOT}/?name=Week&ex={COMPARE}")
    wait_until_ready(page)
    expect(bar(page)).to_have_count(0)


def test_done_and_started_marks_and_where_to_continue(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}articles/idlib-last-stand/{SPOT}/")
    page.locator('.stc-unit[data-unit="2"]').click()
    page.get_by_role("button", name="Check answers").click()
    nav_link = page.locator(".md-nav a.md-nav__link", has_text=title_of(SPOT))
    expect(nav_link.locator(".stc-mark")).to_have_text("✓ done")
    page.goto(f"{site_url}articles/idlib-last-stand/{COMPARE}/")
    page.get_by_label("It goes beyond the source").check()
    page.goto(f"{site_url}articles/idlib-last-stand/")
    wait_until_ready(page)
    listed = page.locator(".md-content a[data-stc-exercise]")
    expect(listed.filter(has_text=title_of(SPOT)).locator(".stc-mark")).to_have_text("✓ done")
    expect(listed.filter(has_text=title_of(COMPARE)).locator(".stc-mark")).to_have_text("◐ started")
    expect(page.locator(".md-content .stc-mark")).to_have_count(2)
    page.goto(site_url + "progress/")
    wait_until_ready(page)
    total = len(load_catalogue(ROOT / "exercises").exercises)
    summary = page.locator(".stc-progress-summary")
    expect(summary).to_have_text(
        f"You have done 1 of {total} exercises. Carry on with: {title_of(COMPARE)}"
    )
    summary.get_by_role("link").click()
    expect(page).to_have_url(f"{site_url}articles/idlib-last-stand/{COMPARE}/")


@pytest.mark.parametrize(
    ("path", "label"),
    [
        (f"articles/idlib-last-stand/{SPOT}/", "Skip to the exercise"),
        (f"articles/idlib-last-stand/{COMPARE}/", "Skip to the exercise"),
        ("teachers/class-report/", "Skip to content"),
        ("progress/", "Skip to content"),
    ],
)
def test_the_first_tab_reaches_the_skip_link(
    page: Page, site_url: str, path: str, label: str
) -> None:
    page.goto(site_url + path)
    wait_until_ready(page)
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    expect(skip).to_have_text(label)
    expect(skip).to_have_css("opacity", "1")  # Material shows its skip link when focused
    box = skip.bounding_box()
    assert box is not None
    topmost = page.evaluate(
        "([x, y]) => document.elementFromPoint(x, y) === document.activeElement",
        [box["x"] + 5, box["y"] + 5],
    )
    assert topmost
    page.keyboard.press("Enter")
    target = page.evaluate("location.hash.slice(1)")
    assert target and page.locator(f"#{target}").count() == 1


def test_a_shared_computer_starts_fresh_for_the_next_student(page: Page, site_url: str) -> None:
    """The next student on a class computer does not inherit the last one's answers or name;
    what is put aside stays in the browser, ready to download."""
    page.goto(f"{site_url}articles/idlib-last-stand/{SPOT}/")
    page.locator('.stc-unit[data-unit="2"]').click()
    page.get_by_role("button", name="Check answers").click()
    page.goto(site_url + ASSIGNMENT)
    page.get_by_label("Your name").fill("Alex")
    items = page.locator(".stc-assignment li")
    expect(items.first).to_contain_text("checked:")
    page.get_by_role("button", name="Start fresh: someone else used this browser").click()
    question = page.get_by_role("group", name="Start fresh on this browser?")
    expect(question.get_by_role("button", name="Cancel")).to_be_focused()
    question.get_by_role("button", name="Put their answers aside").click()
    wait_until_ready(page)
    expect(page.locator(".stc-assignment li").first).to_contain_text("not started")
    expect(page.get_by_label("Your name")).to_have_value("")
    kept = page.evaluate(
        "Object.keys(localStorage).filter(k => k.startsWith('stc:v1:aside:warning-or-threat:'))"
    )
    assert len(kept) == 1
    page.goto(site_url + "progress/")
    expect(page.locator(".stc-aside")).to_contain_text("1 earlier answer is kept aside")


def test_try_again_does_not_take_back_what_a_student_hands_in(page: Page, site_url: str) -> None:
    """After a check, Try again starts a new attempt; the assignment still counts the
    exercise as checked and hands in the attempt that gave the best result."""
    page.goto(site_url + ASSIGNMENT)
    page.locator(".stc-assignment li").first.get_by_role("link").click()
    for number in (2, 4, 5):
        page.locator(f'.stc-unit[data-unit="{number}"]').click()
    page.get_by_role("button", name="Check answers").click()
    page.get_by_role("button", name="Try again").click()
    page.locator('.stc-unit[data-unit="3"]').click()  # a worse attempt, not checked
    bar(page).get_by_role("link", name="Back to the assignment").click()
    expect(page.locator(".stc-assignment li").first).to_contain_text(
        "checked: found 3 of 3, no wrong picks: Spot on"
    )
    expect(page.get_by_role("status").first).to_have_text("You have checked 1 of 2 exercises.")
