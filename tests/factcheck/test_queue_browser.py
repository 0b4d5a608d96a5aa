"""The review queue in a real Chromium: live filtering, clicks, keys, swaps, conflicts.

Run with: pytest -m browser tests/factcheck/test_queue_browser.py
SCREENSHOTS=1 also saves test-results/queue.png.
"""

import re
from datetime import date

import pytest
from playwright.sync_api import Page, expect

from factcheck.models import ClaimKind, Fact, Status
from tests.browser import VIEWPORT, log_in, screenshot, watch_console
from tests.builders import make_article, make_claim, make_fact, make_outlet

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
QUEUE = "/claims/"


@pytest.fixture
def desk(editor, other_editor):
    """Four claims, in default order (highest score first); the first two share a fact."""
    wire, paper = make_outlet("Wire One"), make_outlet("Daily Paper")
    ships = make_fact(
        suggested_status=Status.CORROBORATED,
        origin_count=2,
        suggested_reason="Two outlets report it independently.",
    )
    port = make_article(
        "The port handled 120 ships in March, officials said.",
        title="Port traffic up",
        outlet=wire,
        published=date(2026, 3, 1),
    )
    harbour = make_article(
        "The port handled 120 ships in March, the harbour master said.",
        title="Busy harbour",
        outlet=paper,
        published=date(2026, 3, 2),
    )
    budget = make_article(
        "The budget is $4 billion, according to people familiar with the matter.",
        title="Budget talks",
        outlet=paper,
    )
    exports = make_article("Exports rose 5% last year.", title="Exports", outlet=wire)
    return {
        "ships": make_claim(port, "The port handled 120 ships in March", fact=ships, score=0.9),
        "harbour": make_claim(
            harbour, "The port handled 120 ships in March", fact=ships, score=0.8
        ),
        "budget": make_claim(
            budget,
            "The budget is $4 billion",
            score=0.7,
            kind=ClaimKind.ANONYMOUS,
            flags=["anonymous_source"],
            fact=make_fact(
                suggested_reason="Only one outlet, citing unnamed people.", origin_count=1
            ),
        ),
        "exports": make_claim(exports, "Exports rose 5%", score=0.6, kind=ClaimKind.COMPARISON),
    }


def row(page: Page, claim):
    return page.locator(f"#claim-row-{claim.pk}")


def verdict(page: Page, claim):
    return row(page, claim).locator("td.verdict-cell .status")


def test_typing_in_search_swaps_only_the_results(page: Page, live_server, desk):
    errors = watch_console(page)
    log_in(page, live_server, "ed", QUEUE)
    expect(page.locator("[data-claim-row]")).to_have_count(4)
    # A marker on window survives only if the page is not reloaded.
    page.evaluate("window.queueMarker = 'kept'")
    page.keyboard.press("/")
    search = page.get_by_label("Search")
    expect(search).to_be_focused()
    search.press_sequentially("harbour", delay=20)
    expect(page.locator("[data-claim-row]")).to_have_count(1)
    expect(row(page, desk["harbour"])).to_be_visible()
    expect(page).to_have_url(re.compile(r"/claims/\?.*q=harbour"))
    assert page.evaluate("window.queueMarker") == "kept"
    expect(search).to_be_focused()
    expect(search).to_have_value("harbour")
    # Keys typed into the search box are text, not shortcuts.
    expect(page.locator(".claim-row.is-selected")).to_have_count(0)
    # The CSV link follows the filter.
    href = page.get_by_role("link", name="Export CSV").get_attribute("href")
    assert "q=harbour" in href
    # The replaced URL loads the same filtered page directly.
    page.reload()
    expect(page.locator("[data-claim-row]")).to_have_count(1)
    expect(page.get_by_label("Search")).to_have_value("harbour")
    assert not [e for e in errors if "Content Security Policy" in e], errors


def test_mark_by_click_then_by_keyboard_and_keep_after_reload(page: Page, live_server, desk):
    errors = watch_console(page)
    page.set_viewport_size(VIEWPORT)
    log_in(page, live_server, "ed", QUEUE)

    # Click: the row swaps in place, and the other claim of the same fact follows.
    row(page, desk["harbour"]).get_by_role("button", name="Corroborated").click()
    expect(verdict(page, desk["harbour"])).to_have_text("Corroborated")
    expect(verdict(page, desk["ships"])).to_have_text("Corroborated")
    expect(row(page, desk["harbour"])).to_have_class(re.compile(r"\bis-selected\b"))

    # Keyboard: j moves the selection to the next row, 2 marks it single-source.
    page.keyboard.press("j")
    expect(row(page, desk["budget"])).to_have_class(re.compile(r"\bis-selected\b"))
    expect(row(page, desk["harbour"])).not_to_have_class(re.compile(r"\bis-selected\b"))
    page.keyboard.press("2")
    expect(verdict(page, desk["budget"])).to_have_text("Single source")
    # The selection stays on the swapped row, so k/j go on from there.
    expect(row(page, desk["budget"])).to_have_class(re.compile(r"\bis-selected\b"))
    page.keyboard.press("k")
    expect(row(page, desk["harbour"])).to_have_class(re.compile(r"\bis-selected\b"))

    # ? hides and shows the legend.
    legend = page.locator("#shortcuts")
    expect(legend).to_have_attribute("open", "")
    page.keyboard.press("?")
    expect(legend).not_to_have_attribute("open", "")
    page.keyboard.press("?")
    expect(legend).to_have_attribute("open", "")

    page.reload()
    expect(verdict(page, desk["ships"])).to_have_text("Corroborated")
    expect(verdict(page, desk["harbour"])).to_have_text("Corroborated")
    expect(verdict(page, desk["budget"])).to_have_text("Single source")
    expect(verdict(page, desk["exports"])).to_have_text("No verdict")
    assert Fact.objects.get(pk=desk["budget"].fact_id).status == Status.SINGLE_SOURCE
    assert not [e for e in errors if "Content Security Policy" in e], errors

    page.keyboard.press("j")
    screenshot(page, "queue.png")


def test_second_editor_on_a_stale_row_sees_the_conflict(browser, live_server, desk):
    first = browser.new_context(viewport=VIEWPORT)
    second = browser.new_context(viewport=VIEWPORT)
    try:
        page_a, page_b = first.new_page(), second.new_page()
        log_in(page_a, live_server, "ed", QUEUE)
        log_in(page_b, live_server, "ed2", QUEUE)

        row(page_a, desk["ships"]).get_by_role("button", name="Corroborated").click()
        expect(verdict(page_a, desk["ships"])).to_have_text("Corroborated")

        # The second editor still sees version 1 of the fact.
        expect(verdict(page_b, desk["harbour"])).to_have_text("No verdict")
        row(page_b, desk["harbour"]).get_by_role("button", name="Disputed").click()
        alert = row(page_b, desk["harbour"]).get_by_role("alert")
        expect(alert).to_contain_text("changed by ed ")
        expect(alert).to_contain_text("Corroborated")
        expect(verdict(page_b, desk["harbour"])).to_have_text("Corroborated")
        expect(verdict(page_b, desk["ships"])).to_have_text("Corroborated")
        assert Fact.objects.get(pk=desk["ships"].fact_id).status == Status.CORROBORATED

        # Having seen the current state, the retry goes through.
        row(page_b, desk["harbour"]).get_by_role("button", name="Disputed").click()
        expect(verdict(page_b, desk["harbour"])).to_have_text("Disputed")
        expect(row(page_b, desk["harbour"]).get_by_role("alert")).to_have_count(0)
        assert Fact.objects.get(pk=desk["ships"].fact_id).status == Status.DISPUTED
    finally:
        first.close()
        second.close()


def test_pages_swap_and_push_history(page: Page, live_server, editor):
    article = make_article("Ships: " + " ".join(f"{n} ships." for n in range(60)))
    for n in range(60):
        make_claim(article, f"{n} ships.", score=round(n / 100, 2))
    log_in(page, live_server, "ed", QUEUE)
    expect(page.locator("[data-claim-row]")).to_have_count(50)
    page.evaluate("window.queueMarker = 'kept'")
    page.get_by_role("link", name="Next →").click()
    expect(page.locator("[data-claim-row]")).to_have_count(10)
    expect(page).to_have_url(re.compile(r"page=2"))
    assert page.evaluate("window.queueMarker") == "kept"
    page.go_back()
    expect(page.locator("[data-claim-row]")).to_have_count(50)
