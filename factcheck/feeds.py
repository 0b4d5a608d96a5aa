"""The public Atom feed of the newest published fact-checks (their latest versions).

Its links are absolute: the NEWSROOM_URL setting, else the address the feed was requested
at. The feed object is shared by every request, so that base URL travels as the feed's
object (``get_object``) and on each item, never as state on the feed.
"""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from .claimreview import (
    absolute_url,
    differing_sentence,
    live_publications,
    public_path,
    site_url,
)
from .models import Publication

FEED_SIZE = 50


@dataclass(frozen=True, slots=True)
class FeedItem:
    """A publication on the feed, with its page's absolute address (the item methods get
    only the item)."""

    publication: Publication
    url: str


class PublicFactFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, *args: object, **kwargs: object) -> str:
        return site_url(request)

    def title(self) -> str:
        return f"{settings.NEWSROOM_NAME}: fact-checks"

    def subtitle(self) -> str:
        return "How well claims in the news are sourced. Ratings say nothing about truth."

    def link(self, base_url: str) -> str:
        return absolute_url(reverse("factcheck:public-index"), base_url)

    def feed_url(self, base_url: str) -> str:
        return absolute_url(reverse("factcheck:public-feed"), base_url)

    def author_name(self) -> str:
        return settings.NEWSROOM_NAME

    def items(self, base_url: str) -> list[FeedItem]:
        return [
            FeedItem(publication, absolute_url(public_path(publication.fact_id), base_url))
            for publication in live_publications()[:FEED_SIZE]
        ]

    def item_title(self, item: FeedItem) -> str:
        snapshot = item.publication.snapshot
        return f"{snapshot['statement']} — {snapshot['rating']['wording']}"

    def item_description(self, item: FeedItem) -> str:
        # Atom summaries are HTML: the claim comes from article text, so escape it.
        snapshot = item.publication.snapshot
        parts = [
            snapshot["statement"],
            snapshot["rating"]["wording"],
            snapshot["conclusion"],
            differing_sentence(snapshot),
        ]
        return "".join(f"<p>{escape(part)}</p>" for part in parts if part)

    def item_link(self, item: FeedItem) -> str:
        return item.url

    def item_guid(self, item: FeedItem) -> str:
        return item.url

    def item_pubdate(self, item: FeedItem) -> dt.datetime:
        # Annotated by ``live_publications``: the first version's date.
        first: dt.datetime = getattr(
            item.publication, "first_published_at", item.publication.published_at
        )
        return first

    def item_updateddate(self, item: FeedItem) -> dt.datetime:
        return item.publication.published_at
