"""The claim panel by keyboard, in a real Chromium: focus moves into it, Esc closes it.

Run with: pytest -m browser tests/factcheck/test_claim_panel_browser.py
"""

import pytest
from playwright.sync_api import Page, expect

from tests.browser import VIEWPORT, log_in, settle, watch_console
from tests.factcheck.desk_scenario import build_story

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def story(editor, other_editor, viewer):
    return build_story()


def first_highlight(page: Page, claim):
    return page.locator(f'#article-text a.hl[data-claim="{claim.pk}"]:not([tabindex="-1"])')


def focused_id(page: Page) -> str:
    return page.evaluate("document.activeElement && document.activeElement.id")


def test_focus_moves_into_the_panel_and_esc_returns_it(page: Page, live_server, story):
    errors = watch_console(page)
    page.set_viewport_size(VIEWPORT)
    article = story.wire
    log_in(page, live_server, "ed", article.get_absolute_url())
    claim = story.wire_squadrons
    opener = first_highlight(page, claim)
    opener.focus()
    page.keyboard.press("Enter")
    panel = page.locator("#claim-panel")
    heading = panel.get_by_role("heading", name=f"Claim #{claim.pk}")
    expect(heading).to_be_focused()
    assert heading.get_attribute("tabindex") == "-1"

    # Tab goes on inside the panel.
    page.keyboard.press("Tab")
    assert page.evaluate("document.getElementById('claim-panel').contains(document.activeElement)")

    page.keyboard.press("Escape")
    expect(panel).not_to_have_attribute("data-open-claim", str(claim.pk))
    expect(panel.get_by_role("heading", name="Claims")).to_be_visible()
    expect(opener).to_be_focused()
    expect(page).to_have_url(f"{live_server.url}{article.get_absolute_url()}")

    # From the claim list below the text: Esc returns to that link.
    trade = story.trade.claims.get(article=article)
    link = page.locator(".claim-index a", has_text="Bilateral trade")
    link.focus()
    page.keyboard.press("Enter")
    expect(panel.get_by_role("heading", name=f"Claim #{trade.pk}")).to_be_focused()
    # Esc while typing the reason in the panel closes it too.
    panel.get_by_label("Reason").fill("draft")
    page.keyboard.press("Escape")
    expect(panel.get_by_role("heading", name="Claims")).to_be_visible()
    expect(link).to_be_focused()
    settle(page)
    assert not errors, errors


def test_after_a_verdict_and_on_a_loaded_panel_esc_still_finds_the_highlight(
    page: Page, live_server, story
):
    page.set_viewport_size(VIEWPORT)
    claim = story.wire_squadrons
    # The panel's own URL: the page loads with the panel open, no opener clicked.
    log_in(page, live_server, "ed", f"/claims/{claim.pk}/panel/")
    panel = page.locator("#claim-panel")
    panel.get_by_role("button", name="Disputed").click()
    expect(panel.get_by_role("button", name="Disputed")).to_have_attribute("aria-pressed", "true")
    # The re-rendered panel keeps the focus on the button pressed.
    expect(panel.get_by_role("button", name="Disputed")).to_be_focused()
    settle(page)
    page.keyboard.press("Escape")
    expect(panel.get_by_role("heading", name="Claims")).to_be_visible()
    expect(first_highlight(page, claim)).to_be_focused()
