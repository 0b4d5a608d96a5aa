"""From pasted text to a public fact-check, in a real Chromium.

Run with: pytest -m browser tests/factcheck/test_publish_browser.py
SCREENSHOTS=<folder> also saves the upload form and the public page there.
"""

import json
import re

import extruct
import pytest
from django.urls import reverse
from playwright.sync_api import Browser, Page, expect

from factcheck.claimreview import published_wording
from factcheck.models import Claim, Fact
from intake.uploads import process_import_job
from sources.models import Article, ImportJob
from tests.browser import log_in, screenshot, watch_console

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STORY = (
    "The port of Mundra handled 120 ships in March, the port authority said on Monday.\n\n"
    "Exports through the port rose 14% to $3.2 billion in the financial year, "
    "according to the commerce ministry."
)


@pytest.fixture(autouse=True)
def immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


def test_editor_pastes_publishes_and_the_public_sees_it(
    page: Page, browser: Browser, live_server, editor, settings
):
    # A newsroom that lets one editor publish (the second editor's approval is
    # walked through in test_workflow_browser.py).
    settings.PUBLISH_NEEDS_SECOND_EDITOR = False
    errors = watch_console(page)
    upload = reverse("intake:article-upload")
    log_in(page, live_server, "ed", upload)
    page.wait_for_url(f"**{upload}")

    page.get_by_label("Article text").fill(STORY)
    page.get_by_label("Headline").fill("Mundra port busier")
    page.get_by_label("Outlet").fill("Coastal Times")
    page.get_by_label("Date published").fill("2025-04-02")
    screenshot(page, "upload.png")
    page.get_by_role("button", name="Import").click()

    page.wait_for_url(re.compile(r"/articles/\d+/$"))
    article = Article.objects.get()
    assert page.url.endswith(article.get_absolute_url())
    expect(page.get_by_role("heading", name="Mundra port busier")).to_be_visible()
    expect(page.get_by_text("Imported “Mundra port busier”")).to_be_visible()
    highlights = page.locator("#article-text a.hl")
    expect(highlights.first).to_be_visible()
    assert highlights.count() >= 1

    claim = next(c for c in Claim.objects.filter(article=article) if "120 ships" in c.text)
    page.goto(f"{live_server.url}{reverse('factcheck:fact-detail', args=[claim.fact_id])}")
    page.locator("#fact-verdict").get_by_role("button", name="Corroborated").click()
    publish = page.get_by_role("button", name="Publish the fact-check")
    expect(publish).to_be_visible()
    # One article: the engine suggests single source, so a corroborated verdict
    # is published only once the editor confirms it.
    publish.click()
    expect(page.locator("#fact-publish [role=alert]")).to_contain_text("Confirm to publish")
    page.get_by_label("Publish although the verdict differs").check()
    page.get_by_role("button", name="Publish the fact-check").click()
    expect(page.locator("#fact-publish")).to_contain_text("Published")
    fact = Fact.objects.get(pk=claim.fact_id)
    assert fact.is_published and fact.status == "corroborated"

    # A visitor without an account.
    visitor_context = browser.new_context()
    visitor = visitor_context.new_page()
    visitor_errors = watch_console(visitor)
    visitor.goto(f"{live_server.url}{reverse('factcheck:public-index')}")
    visitor.locator(".public-item a").first.click()
    visitor.wait_for_url(f"**{reverse('factcheck:public-fact', args=[fact.pk])}")
    wording = published_wording(fact)
    expect(visitor.locator(".rating-large")).to_contain_text(wording)
    expect(visitor.locator("mark").first).to_contain_text("120 ships")
    expect(visitor.get_by_role("link", name="Log in")).to_have_count(0)
    screenshot(visitor, "public_fact.png")

    raw = visitor.locator('script[type="application/ld+json"]').text_content()
    assert json.loads(raw)["@type"] == "ClaimReview"
    [review] = extruct.extract(visitor.content(), syntaxes=["json-ld"])["json-ld"]
    assert review["reviewRating"]["alternateName"] == wording
    assert review["itemReviewed"]["appearance"][0]["headline"] == "Mundra port busier"
    visitor_context.close()

    assert not [e for e in errors + visitor_errors if "Content Security Policy" in e], errors


def test_viewer_cannot_reach_the_upload_page(page: Page, live_server, viewer):
    upload = reverse("intake:article-upload")
    log_in(page, live_server, "vi", reverse("factcheck:article-list"))
    page.wait_for_url(f"**{reverse('factcheck:article-list')}")
    expect(page.get_by_role("link", name="Add articles")).to_have_count(0)
    response = page.goto(f"{live_server.url}{upload}")
    assert response.status == 403


def test_editor_uploads_several_files_and_watches_the_import(
    page: Page, live_server, editor, settings
):
    # No worker: the job waits in the queue until the test runs it, as a worker would.
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    upload = reverse("intake:article-upload")
    log_in(page, live_server, "ed", upload)
    page.wait_for_url(f"**{upload}")
    page.get_by_label("Article files").set_input_files(
        [
            {
                "name": f"story{n}.txt",
                "mimeType": "text/plain",
                "buffer": f"Port story {n}\n\nThe port handled {100 + n} ships.\n".encode(),
            }
            for n in range(3)
        ]
    )
    page.get_by_role("button", name="Import").click()
    page.wait_for_url(re.compile(r"/articles/imports/\d+/$"))
    job = ImportJob.objects.get()
    status = page.locator("#job-status")
    expect(status).to_contain_text("Queued")
    expect(status).to_contain_text("0 of 3 files processed")

    polls: list[str] = []
    page.on(
        "request", lambda r: polls.append(r.url) if r.url.endswith(job.get_absolute_url()) else None
    )
    process_import_job(job_id=job.pk)
    expect(status).to_contain_text("Done", timeout=5000)
    expect(status).to_contain_text("3 imported")
    expect(status.get_by_role("link", name="Port story 1")).to_be_visible()
    assert polls, "the page did not poll"
    # The finished fragment carries no trigger: polling stops.
    seen = len(polls)
    page.wait_for_timeout(2500)
    assert len(polls) == seen
