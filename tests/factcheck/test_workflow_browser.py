"""The editorial workflow in a real Chromium, from the queue to publication to re-review.

One editor marks the fact in the review queue with a reason, undoes it and marks it
again, then writes the fact-check and asks for review; a second editor approves and publishes; a visitor reads the public page
and its JSON-LD; then a new article giving another figure is imported: the fact
is flagged for re-review, and the public page stays as published.

Run with: pytest -m browser tests/factcheck/test_workflow_browser.py
"""

import extruct
import pytest
from django.urls import reverse
from playwright.sync_api import Browser, Page, expect

from factcheck.models import Fact, Publication, Stage, Status
from tests.browser import VIEWPORT, log_in, screenshot, settle, watch_console
from tests.factcheck.port_story import imported

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STATEMENT = "The port of Mundra handled 120 ships in March."
CONCLUSION = "Two outlets report 120 ships; a third reports 150. The port's own figure is due."


def claim_review(page: Page) -> dict:
    items = extruct.extract(page.content(), syntaxes=["json-ld"])["json-ld"]
    [review] = [item for item in items if item.get("@type") == "ClaimReview"]
    return review


def test_verdict_review_approval_publication_and_re_review(
    page: Page, browser: Browser, live_server, editor, other_editor
):
    imported("Coastal Times", "Mundra port busier", 120, "coastal")
    imported("Harbour Daily", "Record month at Mundra", 120, "harbour")
    imported("Gujarat Wire", "Mundra traffic surges", 150, "gujarat")
    [fact] = Fact.objects.reported()
    assert fact.suggested_status == Status.DISPUTED and fact.claims.count() == 3
    fact_url = fact.get_absolute_url()
    errors = watch_console(page)
    page.set_viewport_size(VIEWPORT)

    # --- the first editor, in the queue: a verdict with its reason, undone, re-marked.
    log_in(page, live_server, "ed", reverse("factcheck:claim-list"))
    first = fact.claims.order_by("pk").first()
    row = page.locator(f"#claim-row-{first.pk}")
    shown = row.locator("td.verdict-cell .status")
    row.get_by_role("button", name="Single-source").click()
    box = row.locator("[data-reason-box]")
    expect(box).to_be_visible()
    box.get_by_label("Reason").fill("Only one origin so far")
    box.get_by_label("Reason").press("Enter")
    expect(shown).to_have_text("Single source")
    row.get_by_role("button", name="Undo").click()
    expect(shown).to_have_text("No verdict")
    row.get_by_role("button", name="Disputed").click()
    expect(box).to_be_visible()
    box.get_by_label("Reason").fill("Outlets give 120 and 150 ships")
    box.get_by_label("Reason").press("Enter")
    expect(shown).to_have_text("Disputed")
    settle(page)
    fact.refresh_from_db()
    assert fact.status == Status.DISPUTED
    assert [(c.old_value, c.new_value, c.reason) for c in fact.changes.order_by("pk")] == [
        ("", "single_source", "Only one origin so far"),
        ("single_source", "", f"Undo of change #{fact.changes.order_by('pk')[0].pk}"),
        ("", "disputed", "Outlets give 120 and 150 ships"),
    ]

    # --- on the fact page: the written fact-check and its evidence.
    row.get_by_role("link", name=f"Fact #{fact.pk}").click()
    expect(page.locator("#fact-verdict")).to_contain_text("Disputed")
    factcheck = page.locator("#fact-factcheck")
    factcheck.get_by_label("Claim statement").fill(STATEMENT)
    factcheck.get_by_label("Claimant", exact=False).and_(factcheck.get_by_role("textbox")).fill(
        "Adani Ports"
    )
    factcheck.get_by_label("The claimant is").select_option("Organization")
    factcheck.get_by_label("Conclusion").fill(CONCLUSION)
    factcheck.get_by_role("button", name="Save fact-check").click()
    expect(factcheck).to_contain_text("Fact-check saved.")
    settle(page)
    evidence = page.locator("#fact-evidence")
    evidence.get_by_label("Link").fill("https://ports.example/march-traffic")
    evidence.get_by_label("What it shows").fill("Port traffic bulletin")
    evidence.get_by_label("Show on the published fact-check").check()
    evidence.get_by_role("button", name="Add evidence").click()
    expect(evidence).to_contain_text("shown publicly")
    settle(page)
    publish = page.locator("#fact-publish")
    publish.get_by_role("button", name="Request review").click()
    expect(publish).to_contain_text("Ready for review")
    expect(publish).to_contain_text("Waiting for a second editor")
    expect(publish.get_by_role("button", name="Publish the fact-check")).to_have_count(0)
    settle(page)

    # --- the second editor approves and publishes.
    second_context = browser.new_context(viewport=VIEWPORT)
    second = second_context.new_page()
    errors += watch_console(second)
    log_in(second, live_server, "ed2", fact_url)
    second_publish = second.locator("#fact-publish")
    second_publish.get_by_role("button", name="Approve for publication").click()
    expect(second_publish).to_contain_text("approved by ed2")
    second_publish.get_by_role("button", name="Publish the fact-check").click()
    expect(second_publish).to_contain_text("Version 1: Disputed")
    fact.refresh_from_db()
    assert fact.stage == Stage.PUBLISHED
    publication = Publication.objects.get(fact=fact)
    assert (publication.published_by, publication.approved_by) == (other_editor, other_editor)
    history = second.locator("#fact-history")
    settle(second)
    expect(history).to_contain_text("Publication approved")
    expect(history).to_contain_text("Ready for review")

    # --- a visitor reads the public page and its JSON-LD.
    visitor_context = browser.new_context(viewport=VIEWPORT)
    visitor = visitor_context.new_page()
    errors += watch_console(visitor)
    public_url = f"{live_server.url}{reverse('factcheck:public-fact', args=[fact.pk])}"
    visitor.goto(public_url)
    expect(visitor.get_by_role("heading", level=1)).to_have_text(STATEMENT)
    expect(visitor.locator(".claimant")).to_have_text("Adani Ports")
    expect(visitor.locator(".conclusion")).to_contain_text(CONCLUSION)
    expect(visitor.get_by_role("link", name="Port traffic bulletin")).to_have_attribute(
        "href", "https://ports.example/march-traffic"
    )
    differing = visitor.locator(".differing")
    expect(differing).to_contain_text("120 ships, reported by Coastal Times (“Mundra port busier”)")
    expect(differing).to_contain_text("Harbour Daily (“Record month at Mundra”)")
    expect(differing).to_contain_text("150 ships, reported by Gujarat Wire")
    expect(visitor.locator(".public-reports > li")).to_have_count(3)
    screenshot(visitor, "public_fact_check.png")
    published_html = visitor.locator("main").inner_html()
    review = claim_review(visitor)
    assert review["claimReviewed"] == STATEMENT
    assert review["itemReviewed"]["author"] == {"@type": "Organization", "name": "Adani Ports"}
    assert {work["url"] for work in review["itemReviewed"]["appearance"]} == {
        "https://coastal.example/coastal",
        "https://harbour.example/harbour",
        "https://gujarat.example/gujarat",
    }
    assert review["reviewBody"].startswith(CONCLUSION)
    assert "150 ships, reported by Gujarat Wire" in review["reviewBody"]
    assert review["citation"][0]["url"] == "https://ports.example/march-traffic"

    # --- a new article gives another figure: the fact needs re-review...
    imported("Kutch Observer", "Mundra ships: a new count", 135, "kutch")
    fact.refresh_from_db()
    assert fact.claims.count() == 4 and fact.needs_review
    page.reload()
    review_box = page.locator("#fact-review")
    expect(review_box).to_contain_text("Needs re-review")
    expect(review_box).to_contain_text("Kutch Observer “Mundra ships: a new count”")
    expect(page.locator("#fact-summary")).to_contain_text("In progress")
    expect(page.locator("#fact-publish")).to_contain_text(
        "The public page still shows that version"
    )
    screenshot(page, "fact_rereview.png")
    page.goto(f"{live_server.url}{reverse('factcheck:dashboard')}")
    expect(page.locator(".rereview-list")).to_contain_text(f"Fact #{fact.pk}")

    # ...and the public page is unchanged until it is republished.
    visitor.reload()
    assert visitor.locator("main").inner_html() == published_html
    assert claim_review(visitor) == review
    expect(visitor.locator(".public-reports > li")).to_have_count(3)
    expect(visitor.locator("main")).not_to_contain_text("135")

    second_context.close()
    visitor_context.close()
    assert not [e for e in errors if "Content Security Policy" in e], errors
