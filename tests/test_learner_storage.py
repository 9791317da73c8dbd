"""Saved progress under stress, for both kinds of exercise: instant navigation, content
that changed since it was saved, unreadable records, and storage the browser blocks."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from playwright.sync_api import Page, expect


@dataclass(frozen=True)
class Case:
    path: str
    id: str
    pick: Callable[[Page], None]
    picked: Callable[[Page], None]
    not_picked: Callable[[Page], None]


def pick_unit(page: Page) -> None:
    page.locator('.stc-unit[data-unit="2"]').click()


def pick_verdict(page: Page) -> None:
    page.get_by_label("It goes beyond the source").check()


CASES = [
    Case(
        "articles/idlib-last-stand/warning-or-threat/",
        "warning-or-threat",
        pick_unit,
        lambda page: expect(page.locator('.stc-unit[data-unit="2"]')).to_have_attribute(
            "aria-checked", "true"
        ),
        lambda page: expect(page.locator('.stc-unit[aria-checked="true"]')).to_have_count(0),
    ),
    Case(
        "articles/idlib-last-stand/entirely-funded/",
        "entirely-funded",
        pick_verdict,
        lambda page: expect(page.get_by_label("It goes beyond the source")).to_be_checked(),
        lambda page: expect(page.locator(".stc-verdicts input:checked")).to_have_count(0),
    ),
]
IDS = [case.id for case in CASES]


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_instant_navigation_keeps_progress_and_mounts_once(
    checked_page: Page, site_url: str, case: Case
) -> None:
    page = checked_page
    page.goto(site_url + case.path)
    case.pick(page)
    page.evaluate("window.__stayed = true")
    page.locator("article a", has_text="Idlib: Al Qaeda's Last Stand").first.click()
    page.wait_for_url(re.compile(r"/articles/idlib-last-stand/$"))
    page.locator(f'article a[href$="{case.id}/"]').first.click()
    page.wait_for_url(re.compile(f"/{case.id}/$"))
    assert page.evaluate("window.__stayed") is True  # no full reload happened
    case.picked(page)
    expect(page.locator(".stc-controls")).to_have_count(1)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_changed_content_starts_fresh_with_a_notice(
    checked_page: Page, site_url: str, case: Case
) -> None:
    page = checked_page
    page.goto(site_url + case.path)
    case.pick(page)
    page.evaluate(
        """id => { const key = 'stc:v1:' + id, record = JSON.parse(localStorage.getItem(key));
            record.version = '0123456789abcdef';
            localStorage.setItem(key, JSON.stringify(record)); }""",
        case.id,
    )
    page.reload()
    expect(page.locator(".stc-notice")).to_contain_text(
        "was for an earlier version of this exercise, so the exercise starts fresh"
    )
    case.not_picked(page)
    kept = page.evaluate(
        "id => Object.keys(localStorage).filter(k => k.startsWith(`stc:v1:aside:${id}:`))",
        case.id,
    )
    assert len(kept) == 1  # the old answers are kept aside, not destroyed


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_unreadable_progress_is_reported_not_crashed_on(
    checked_page: Page, site_url: str, case: Case
) -> None:
    page = checked_page
    page.goto(site_url + case.path)
    for junk in ("{not json", '{"version": 5}', "[]", "null"):
        page.evaluate("([id, junk]) => localStorage.setItem('stc:v1:' + id, junk)", [case.id, junk])
        page.reload()
        expect(page.locator(".stc-notice")).to_contain_text("could not be read")
    case.pick(page)
    page.get_by_role("button", name="Check answers").click()
    expect(page.locator(".stc-summary")).to_contain_text(re.compile("You found|Your verdict"))


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_blocked_storage_still_runs_the_exercise(page: Page, site_url: str, case: Case) -> None:
    stacks: list[str] = []
    page.on("pageerror", lambda error: stacks.append(error.stack or ""))
    page.add_init_script(
        """Object.defineProperty(window, 'localStorage', {
            get() { throw new DOMException('blocked', 'SecurityError'); }})"""
    )
    page.goto(site_url + case.path)
    expect(page.locator(".stc-notice")).to_contain_text("can't be saved")
    case.pick(page)
    page.get_by_role("button", name="Check answers").click()
    expect(page.locator(".stc-summary")).to_contain_text(re.compile("You found|Your verdict"))
    page.goto(site_url + "progress/")
    expect(page.locator(".stc-progress [role=status]")).to_contain_text("blocks storage")
    # The theme's own inline scripts read localStorage unguarded and throw; ours never do.
    assert not [s for s in stacks if "/assets/" in s and "/assets/javascripts/" not in s]
