"""The review queue in a real Chromium: live filtering, clicks, keys, swaps, conflicts.

Run with: pytest -m browser tests/factcheck/test_queue_browser.py
SCREENSHOTS=1 also saves test-results/queue.png.
"""

import re
from datetime import date

import pytest
from playwright.sync_api import Page, expect

from factcheck.models import ClaimKind, Fact, FactChange, Status
from tests.browser import VIEWPORT, log_in, screenshot, settle, watch_console
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


def reason_box(page: Page, claim):
    return row(page, claim).locator("[data-reason-box]")


def mark(page: Page, claim, name: str, reason: str = "") -> None:
    """Click a verdict button: its reason box opens; type the reason and press Enter."""
    row(page, claim).get_by_role("button", name=name).click()
    box = reason_box(page, claim)
    expect(box).to_be_visible()
    box.get_by_label("Reason").fill(reason)
    box.get_by_label("Reason").press("Enter")


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

    # Click: the reason box opens; Enter saves, the row swaps in place, and the other
    # claim of the same fact follows.
    mark(page, desk["harbour"], "Corroborated")
    expect(verdict(page, desk["harbour"])).to_have_text("Corroborated")
    expect(verdict(page, desk["ships"])).to_have_text("Corroborated")
    expect(row(page, desk["harbour"])).to_have_class(re.compile(r"\bis-selected\b"))

    # Keyboard: j moves the selection to the next row, 2 marks it single-source.
    page.keyboard.press("j")
    expect(row(page, desk["budget"])).to_have_class(re.compile(r"\bis-selected\b"))
    expect(row(page, desk["harbour"])).not_to_have_class(re.compile(r"\bis-selected\b"))
    page.keyboard.press("2")
    expect(reason_box(page, desk["budget"]).get_by_label("Reason")).to_be_focused()
    page.keyboard.press("Enter")
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

    # The default view lists what needs an editor: on reload, the marked rows are gone.
    page.reload()
    expect(page.locator("[data-claim-row]")).to_have_count(1)
    expect(verdict(page, desk["exports"])).to_have_text("No verdict")
    page.get_by_label("All", exact=True).check()
    expect(page.locator("[data-claim-row]")).to_have_count(4)
    expect(page).to_have_url(re.compile(r"show=all"))
    expect(verdict(page, desk["ships"])).to_have_text("Corroborated")
    expect(verdict(page, desk["harbour"])).to_have_text("Corroborated")
    expect(verdict(page, desk["budget"])).to_have_text("Single source")
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

        mark(page_a, desk["ships"], "Corroborated")
        expect(verdict(page_a, desk["ships"])).to_have_text("Corroborated")

        # The second editor still sees version 1 of the fact.
        expect(verdict(page_b, desk["harbour"])).to_have_text("No verdict")
        mark(page_b, desk["harbour"], "Disputed", reason="Other figures")
        alert = row(page_b, desk["harbour"]).get_by_role("alert")
        expect(alert).to_contain_text("changed by ed ")
        expect(alert).to_contain_text("Corroborated")
        expect(verdict(page_b, desk["harbour"])).to_have_text("Corroborated")
        expect(verdict(page_b, desk["ships"])).to_have_text("Corroborated")
        assert Fact.objects.get(pk=desk["ships"].fact_id).status == Status.CORROBORATED

        # The reason typed is kept, in the box, with the verdict chosen; having seen the
        # current state, Enter retries on the new version and goes through.
        box = reason_box(page_b, desk["harbour"])
        expect(box.get_by_label("Reason")).to_have_value("Other figures")
        expect(box.get_by_label("Verdict")).to_have_value("disputed")
        expect(box.get_by_label("Reason")).to_be_focused()
        page_b.keyboard.press("Enter")
        expect(verdict(page_b, desk["harbour"])).to_have_text("Disputed")
        expect(row(page_b, desk["harbour"]).get_by_role("alert")).to_have_count(0)
        fact = Fact.objects.get(pk=desk["ships"].fact_id)
        assert fact.status == Status.DISPUTED
        assert fact.changes.first().reason == "Other figures"
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


# --- a queue that empties -------------------------------------------------------


def test_the_queue_empties_as_verdicts_are_recorded(page: Page, live_server, desk):
    errors = watch_console(page)
    log_in(page, live_server, "ed", QUEUE)
    expect(page.locator("[data-claim-row]")).to_have_count(4)
    expect(page.locator("#queue-order")).to_contain_text("Sorted by priority")
    # Every fact marked from the keyboard: j selects, a key opens the box, Enter saves.
    for claim, key in ((desk["ships"], "1"), (desk["budget"], "2"), (desk["exports"], "3")):
        row(page, claim).click(position={"x": 5, "y": 5})
        page.keyboard.press(key)
        page.keyboard.press("Enter")
        expect(row(page, claim).locator("td.verdict-cell .status")).not_to_have_text("No verdict")
        settle(page)
    # Marked rows stay in place until the results refresh; then the queue is empty.
    expect(page.locator("[data-claim-row]")).to_have_count(4)
    page.get_by_label("Search").fill("")
    page.get_by_role("button", name="Filter").click()
    expect(page.locator("[data-claim-row]")).to_have_count(0)
    expect(page.locator("#claim-results")).to_contain_text("Nothing here needs an editor")
    page.get_by_role("link", name="Show all claims").click()
    expect(page.locator("[data-claim-row]")).to_have_count(4)
    assert set(Fact.objects.values_list("status", flat=True)) == {
        Status.CORROBORATED,
        Status.SINGLE_SOURCE,
        Status.DISPUTED,
    }
    assert not errors, errors


def test_key_2_reason_box_enter_saves_with_the_reason_in_history(page: Page, live_server, desk):
    log_in(page, live_server, "ed", QUEUE)
    budget = desk["budget"]
    row(page, budget).click(position={"x": 5, "y": 5})
    page.keyboard.press("2")
    box = reason_box(page, budget)
    expect(box).to_be_visible()
    expect(box.get_by_label("Verdict")).to_have_value("single_source")
    reason = box.get_by_label("Reason")
    expect(reason).to_be_focused()
    reason.press_sequentially("Only one outlet, citing unnamed people", delay=5)
    screenshot(page, "queue-reason.png")
    reason.press("Enter")
    expect(verdict(page, budget)).to_have_text("Single source")
    expect(reason_box(page, budget)).to_be_hidden()
    # Focus is back on the row, so the keys go on from there.
    expect(row(page, budget)).to_be_focused()
    change = FactChange.objects.get(fact_id=budget.fact_id)
    assert (change.new_value, change.reason) == (
        "single_source",
        "Only one outlet, citing unnamed people",
    )
    # The fact's history shows the reason.
    row(page, budget).get_by_role("link", name=f"Fact #{budget.fact_id}").click()
    history = page.locator("#fact-history")
    expect(history).to_contain_text("Only one outlet, citing unnamed people")


def test_esc_cancels_the_reason_box_and_returns_to_the_row(page: Page, live_server, desk):
    log_in(page, live_server, "ed", QUEUE)
    budget = desk["budget"]
    row(page, budget).click(position={"x": 5, "y": 5})
    page.keyboard.press("3")
    box = reason_box(page, budget)
    expect(box.get_by_label("Verdict")).to_have_value("disputed")
    box.get_by_label("Reason").fill("Not sure yet")
    page.keyboard.press("Escape")
    expect(box).to_be_hidden()
    expect(row(page, budget)).to_be_focused()
    expect(verdict(page, budget)).to_have_text("No verdict")
    # The verdict chosen in the box can be changed before saving.
    page.keyboard.press("1")
    box.get_by_label("Verdict").select_option("disputed")
    box.get_by_role("button", name="Save").click()
    expect(verdict(page, budget)).to_have_text("Disputed")
    settle(page)
    fact = Fact.objects.get(pk=budget.fact_id)
    assert fact.status == Status.DISPUTED and fact.changes.count() == 1


def test_undo_restores_the_previous_verdict(page: Page, live_server, desk):
    log_in(page, live_server, "ed", QUEUE)
    ships, harbour = desk["ships"], desk["harbour"]
    mark(page, ships, "Disputed", reason="Figures differ")
    expect(verdict(page, ships)).to_have_text("Disputed")
    expect(verdict(page, harbour)).to_have_text("Disputed")
    row(page, ships).get_by_role("button", name="Undo").click()
    expect(verdict(page, ships)).to_have_text("No verdict")
    expect(verdict(page, harbour)).to_have_text("No verdict")
    expect(row(page, ships).get_by_role("button", name="Undo")).to_have_count(0)
    settle(page)
    fact = Fact.objects.get(pk=ships.fact_id)
    assert fact.status == ""
    first, undo = fact.changes.order_by("id")
    assert (undo.old_value, undo.new_value, undo.reason) == (
        "disputed",
        "",
        f"Undo of change #{first.pk}",
    )

    # Re-marked, then undone with "u" from the keyboard, back to the verdict before.
    mark(page, ships, "Corroborated")
    expect(verdict(page, ships)).to_have_text("Corroborated")
    mark(page, ships, "Single-source")
    expect(verdict(page, ships)).to_have_text("Single source")
    # (Once htmx has taken over the swapped row's undo form.)
    settle(page)
    expect(row(page, ships)).to_be_focused()
    page.keyboard.press("u")
    expect(verdict(page, ships)).to_have_text("Corroborated")
    settle(page)
    assert Fact.objects.get(pk=ships.fact_id).status == Status.CORROBORATED


def test_undo_on_the_fact_page_history(page: Page, live_server, desk):
    log_in(page, live_server, "ed", QUEUE)
    budget = desk["budget"]
    mark(page, budget, "Disputed")
    expect(verdict(page, budget)).to_have_text("Disputed")
    settle(page)
    verdict_change = FactChange.objects.get()
    page.goto(f"{live_server.url}/facts/{budget.fact_id}/")
    history = page.locator("#fact-history")
    history.get_by_role("button", name="Undo this verdict").click()
    expect(page.locator("#fact-verdict")).to_contain_text("Verdict undone")
    expect(history).to_contain_text(f"Undo of change #{verdict_change.pk}")
    # The undo is itself the latest verdict: the history offers it (a redo), once.
    expect(history.get_by_role("button", name="Undo this verdict")).to_have_count(1)
    assert Fact.objects.get(pk=budget.fact_id).status == ""


def tab_presses_to(page: Page, target, limit: int = 60) -> int:
    """Press Tab until ``target`` has the focus; how many presses it took."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if target.evaluate("el => el === document.activeElement"):
            return presses
    raise AssertionError(f"not reached in {limit} Tab presses")


def test_few_tab_presses_reach_the_first_verdict_button(page: Page, live_server, desk):
    page.set_viewport_size(VIEWPORT)
    log_in(page, live_server, "ed", QUEUE)
    first = page.locator("[data-claim-row]").first.get_by_role("button", name="Corroborated")
    # From the search box ("/"): the bar's few controls, the row's two links, the button.
    page.keyboard.press("/")
    from_search = tab_presses_to(page, first)
    assert from_search <= 9, from_search
    # From the top of the page, through the "Skip to the claims" link.
    page.reload()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to the claims")).to_be_focused()
    page.keyboard.press("Enter")
    assert tab_presses_to(page, first) <= 3
    # And Tab alone from the top: two skip links, the header's six, the legend, the bar's
    # seven, the row's two links (27 before the compact bar).
    page.reload()
    from_top = tab_presses_to(page, first)
    assert from_top <= 20, from_top
