"""The article page, the fact page and the dashboard in a real Chromium.

Run with: pytest -m browser tests/factcheck/test_desk_browser.py
SCREENSHOTS=1 also saves test-results/article.png and test-results/dashboard.png.
"""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from factcheck.models import Evidence, Fact, Status
from factcheck.services import record_verdict
from tests.browser import VIEWPORT, log_in, screenshot, settle, watch_console
from tests.factcheck.desk_scenario import add_filler, build_story
from tests.factcheck.test_fact_page import widely_reported

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def story(editor, other_editor, viewer):
    return build_story()


def highlight(page: Page, claim):
    return page.locator(f'#article-text a.hl[data-claim="{claim.pk}"]')


def test_click_a_highlight_see_the_panel_and_mark_the_fact(page: Page, live_server, story):
    errors = watch_console(page)
    page.set_viewport_size(VIEWPORT)
    log_in(page, live_server, "ed", story.wire.get_absolute_url())
    claim = story.wire_squadrons
    expect(highlight(page, claim)).to_have_class(re.compile(r"\bhl-disputed\b.*\bhl-suggested\b"))

    page.evaluate("window.deskMarker = 'kept'")
    highlight(page, claim).click()
    panel = page.locator("#claim-panel")
    expect(panel.get_by_role("heading", name=f"Claim #{claim.pk}")).to_be_visible()
    expect(panel).to_contain_text("3 of 5 squadrons vs 4 of 5 squadrons")
    expect(panel).to_contain_text("Reported by 3 articles")
    expect(panel.locator("mark.val-differs", has_text="four of the five squadrons")).to_be_visible()
    expect(page).to_have_url(re.compile(rf"/claims/{claim.pk}/panel/$"))
    assert page.evaluate("window.deskMarker") == "kept"
    # The text shows which claim the panel is about.
    expect(highlight(page, claim)).to_have_class(re.compile(r"\bhl-selected\b"))
    expect(page.locator("#article-text a.hl-selected")).to_have_count(
        highlight(page, claim).count()
    )

    panel.get_by_label("Reason").fill("The rival's figure is four")
    panel.get_by_role("button", name="Disputed").click()
    expect(panel.locator(".badge-disputed", has_text="Disputed").first).to_be_visible()
    expect(panel.get_by_role("button", name="Disputed")).to_have_attribute("aria-pressed", "true")
    # The text refetches itself: the highlight now shows the editor's verdict.
    expect(highlight(page, claim)).not_to_have_class(re.compile(r"\bhl-suggested\b"))
    expect(highlight(page, claim)).to_contain_text("D")
    settle(page)
    expect(highlight(page, claim)).to_have_class(re.compile(r"\bhl-selected\b"))
    assert page.evaluate("window.deskMarker") == "kept"
    fact = Fact.objects.get(pk=story.squadrons.pk)
    assert fact.status == Status.DISPUTED
    assert fact.changes.get().reason == "The rival's figure is four"

    # Keyboard: the claim list below the text opens a panel too.
    trade = story.trade.claims.get(article=story.wire)
    link = page.locator(".claim-index a", has_text="Bilateral trade")
    link.focus()
    page.keyboard.press("Enter")
    expect(panel.get_by_role("heading", name=f"Claim #{trade.pk}")).to_be_visible()

    # The pushed URL loads the same page with the panel open.
    page.reload()
    expect(panel.get_by_role("heading", name=f"Claim #{trade.pk}")).to_be_visible()
    page.go_back()
    expect(
        page.locator("#claim-panel").get_by_role("heading", name=f"Claim #{claim.pk}")
    ).to_be_visible()
    assert not [e for e in errors if "Content Security Policy" in e], errors

    highlight(page, story.wire_squadrons).click()
    expect(panel.get_by_role("heading", name=f"Claim #{claim.pk}")).to_be_visible()
    page.evaluate("window.scrollTo(0, 0)")
    screenshot(page, "article.png")


def test_viewer_sees_the_panel_without_controls(page: Page, live_server, story):
    log_in(page, live_server, "vi", story.rival.get_absolute_url())
    highlight(page, story.rival_squadrons).click()
    panel = page.locator("#claim-panel")
    expect(panel.get_by_role("heading", name=f"Claim #{story.rival_squadrons.pk}")).to_be_visible()
    expect(panel.get_by_role("button", name="Disputed")).to_have_count(0)


def test_fact_page_edits_swap_their_region_and_refresh_the_history(
    page: Page, live_server, story, settings
):
    # One editor publishes here; the second editor's approval is walked through in
    # test_workflow_browser.py.
    settings.PUBLISH_NEEDS_SECOND_EDITOR = False
    errors = watch_console(page)
    page.set_viewport_size(VIEWPORT)
    fact = story.squadrons
    log_in(page, live_server, "ed", fact.get_absolute_url())
    history = page.locator("#fact-history")
    expect(history).to_contain_text("No editor has changed this fact yet.")

    verdict = page.locator("#fact-verdict")
    verdict.get_by_role("button", name="Disputed").click()
    expect(verdict.get_by_role("button", name="Disputed")).to_have_attribute("aria-pressed", "true")
    expect(history.locator("tbody tr")).to_have_count(1)
    settle(page)
    expect(page.locator("#fact-summary")).to_contain_text("Disputed by ed")

    # The note form got the new version out of band: no false conflict.
    note = page.locator("#fact-note")
    note.get_by_label("Editor's note").fill("Call the ministry for the delivery schedule.")
    note.get_by_role("button", name="Save note").click()
    expect(note.get_by_role("status")).to_have_count(0)
    expect(note.get_by_role("alert")).to_have_count(0)
    expect(history.locator("tbody tr")).to_have_count(2)
    settle(page)

    evidence = page.locator("#fact-evidence")
    evidence.get_by_label("Link").fill("https://mod.example.org/s400")
    evidence.get_by_label("What it shows").fill("Ministry statement")
    evidence.get_by_role("button", name="Add evidence").click()
    expect(evidence.get_by_role("link", name="https://mod.example.org/s400")).to_be_visible()
    expect(history.locator("tbody tr")).to_have_count(3)
    settle(page)

    assign = page.locator("#fact-assign")
    assign.get_by_role("button", name="Assign to me").click()
    expect(assign.locator("p").first).to_have_text("ed")
    expect(history.locator("tbody tr")).to_have_count(4)
    settle(page)

    # Publication appears once there is a verdict; publish, then unpublish.
    publish = page.locator("#fact-publish")
    publish.get_by_role("button", name="Publish the fact-check").click()
    expect(publish).to_contain_text("Published ")
    settle(page)
    publish.get_by_role("button", name="Unpublish").click()
    expect(publish).to_contain_text("Not published.")
    expect(history.locator("tbody tr")).to_have_count(6)
    settle(page)

    # Move the rival's claim out of the fact.
    claims = page.locator("#fact-claims")
    claims.get_by_label("Claim", exact=True).select_option(str(story.rival_squadrons.pk))
    claims.get_by_role("button", name="Move to a new fact").click()
    expect(claims.get_by_role("status")).to_contain_text("now forms fact #")
    expect(claims).to_contain_text("Reported by 2 articles (2 claims)")

    fact.refresh_from_db()
    assert (fact.status, fact.note, fact.assigned_to.username) == (
        "disputed",
        "Call the ministry for the delivery schedule.",
        "ed",
    )
    assert Evidence.objects.filter(fact=fact).count() == 1
    assert not [e for e in errors if "Content Security Policy" in e], errors


def test_show_more_reports_appends_the_next_ones(page: Page, live_server, editor):
    fact, _ = widely_reported(45)
    errors = watch_console(page)
    page.set_viewport_size(VIEWPORT)
    log_in(page, live_server, "ed", fact.get_absolute_url())
    reports = page.locator("#fact-claims article.report")
    expect(reports).to_have_count(20)
    page.get_by_role("link", name="Show 20 more reports").click()
    expect(reports).to_have_count(40)
    page.get_by_role("link", name="Show 5 more reports").click()
    expect(reports).to_have_count(45)
    expect(page.locator("#fact-reports-more")).to_have_count(0)
    expect(reports.last).to_contain_text("in report 44.")
    # The page stayed where it was: the reports came in place, by htmx.
    assert page.url == f"{live_server.url}{fact.get_absolute_url()}"
    assert not errors, errors


def test_two_editors_the_stale_one_sees_the_conflict(browser, live_server, story):
    first = browser.new_context(viewport=VIEWPORT)
    second = browser.new_context(viewport=VIEWPORT)
    fact = story.squadrons
    try:
        page_a, page_b = first.new_page(), second.new_page()
        log_in(page_a, live_server, "ed", fact.get_absolute_url())
        log_in(page_b, live_server, "ed2", fact.get_absolute_url())

        page_a.locator("#fact-verdict").get_by_role("button", name="Corroborated").click()
        expect(
            page_a.locator("#fact-verdict").get_by_role("button", name="Corroborated")
        ).to_have_attribute("aria-pressed", "true")
        settle(page_a)

        # The second editor still has version 1 on screen.
        verdict_b = page_b.locator("#fact-verdict")
        verdict_b.get_by_role("button", name="Disputed").click()
        alert = verdict_b.get_by_role("alert")
        expect(alert).to_contain_text("changed by ed ")
        expect(alert).to_contain_text("it is now: Corroborated")
        expect(verdict_b.get_by_role("button", name="Corroborated")).to_have_attribute(
            "aria-pressed", "true"
        )
        # The rest of the page refreshes to show who did what.
        expect(page_b.locator("#fact-history")).to_contain_text("Corroborated")
        settle(page_b)
        assert Fact.objects.get(pk=fact.pk).status == Status.CORROBORATED

        # A note typed on the stale page is refused too, and the draft is kept.
        note_b = page_b.locator("#fact-note")
        note_b.get_by_label("Editor's note").fill("My note")
        note_b.get_by_role("button", name="Save note").click()
        expect(note_b.get_by_role("alert")).to_contain_text("changed by ed ")
        expect(note_b.get_by_label("Editor's note")).to_have_value("My note")
        settle(page_b)

        # Having seen the current state, the retry goes through.
        verdict_b.get_by_role("button", name="Disputed").click()
        expect(verdict_b.get_by_role("button", name="Disputed")).to_have_attribute(
            "aria-pressed", "true"
        )
        expect(verdict_b.get_by_role("alert")).to_have_count(0)
        assert Fact.objects.get(pk=fact.pk).status == Status.DISPUTED
    finally:
        first.close()
        second.close()


def test_dashboard_draws_the_matrix(page: Page, live_server, story, editor):
    add_filler(8)
    record_verdict(fact=story.trade, status=Status.CORROBORATED, user=editor, expected_version=1)
    page.set_viewport_size(VIEWPORT)
    log_in(page, live_server, "ed", reverse("factcheck:dashboard"))
    matrix = page.locator("svg.matrix")
    expect(matrix).to_be_visible()
    expect(matrix.locator("g.m-cell")).to_have_count(13)
    expect(page.locator(".progress-list progress").first).to_be_visible()
    # Row labels link to the fact page.
    matrix.locator("a", has=page.locator("text.m-row-label")).first.click()
    expect(page).to_have_url(re.compile(r"/facts/\d+/$"))
    page.go_back()
    expect(matrix).to_be_visible()
    screenshot(page, "dashboard.png")
