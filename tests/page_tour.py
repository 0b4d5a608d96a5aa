"""The desk's and the public site's pages, for the browser tests that visit every one
(phone layout, accessibility): the story of tests/factcheck/desk_scenario.py, a verdict
and a publication, and the URL of each page."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from factcheck.models import Status
from tests.builders import publish
from tests.factcheck.desk_scenario import Story, build_story


@dataclass(frozen=True)
class TourPage:
    name: str
    path: str
    public: bool = False
    # A claim whose panel the article page opens by clicking its highlight.
    open_claim: int | None = None


def build_tour(editor) -> tuple[Story, list[TourPage]]:
    """The story with one published fact, and every page to visit (editor's view)."""
    story = build_story()
    # Published through the service (the second editor's approval aside): the public
    # pages read its snapshot.
    publish(story.trade, status=Status.CORROBORATED, user=editor)
    pages = [
        TourPage("dashboard", reverse("factcheck:dashboard")),
        TourPage("queue", reverse("factcheck:claim-list")),
        TourPage(
            "article",
            story.wire.get_absolute_url(),
            open_claim=story.wire_squadrons.pk,
        ),
        TourPage("fact", story.squadrons.get_absolute_url()),
        TourPage("upload", reverse("intake:article-upload")),
        TourPage("public index", reverse("factcheck:public-index"), public=True),
        TourPage(
            "public fact", reverse("factcheck:public-fact", args=[story.trade.pk]), public=True
        ),
        TourPage("methodology", reverse("factcheck:methodology"), public=True),
    ]
    return story, pages


def open_panel(page, claim_pk: int) -> None:
    """Click the claim's highlight and wait for its panel (the article page's htmx swap)."""
    page.locator(f'#article-text a.hl[data-claim="{claim_pk}"]').first.click()
    page.locator(f'#claim-panel[data-open-claim="{claim_pk}"]').wait_for()
