"""The public Atom feed of the newest published fact-checks (their latest versions)."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from .claimreview import absolute_url, differing_sentence, live_publications, public_path
from .models import Publication

FEED_SIZE = 50


class PublicFactFeed(Feed):
    feed_type = Atom1Feed

    def title(self) -> str:
        return f"{settings.NEWSROOM_NAME}: fact-checks"

    def subtitle(self) -> str:
        return "How well claims in the news are sourced. Ratings say nothing about truth."

    def link(self) -> str:
        return absolute_url(reverse("factcheck:public-index"))

    def feed_url(self) -> str:
        return absolute_url(reverse("factcheck:public-feed"))

    def author_name(self) -> str:
        return settings.NEWSROOM_NAME

    def items(self):
        return live_publications()[:FEED_SIZE]

    def item_title(self, publication: Publication) -> str:
        snapshot = publication.snapshot
        return f"{snapshot['statement']} — {snapshot['rating']['wording']}"

    def item_description(self, publication: Publication) -> str:
        # Atom summaries are HTML: the claim comes from article text, so escape it.
        snapshot = publication.snapshot
        parts = [
            snapshot["statement"],
            snapshot["rating"]["wording"],
            snapshot["conclusion"],
            differing_sentence(snapshot),
        ]
        return "".join(f"<p>{escape(part)}</p>" for part in parts if part)

    def item_link(self, publication: Publication) -> str:
        return absolute_url(public_path(publication.fact_id))

    def item_guid(self, publication: Publication) -> str:
        return absolute_url(public_path(publication.fact_id))

    def item_pubdate(self, publication: Publication):
        # Annotated by ``live_publications``: the first version's date.
        return getattr(publication, "first_published_at", publication.published_at)

    def item_updateddate(self, publication: Publication):
        return publication.published_at
