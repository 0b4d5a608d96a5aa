"""The public Atom feed of the newest published fact-checks."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from .claimreview import absolute_url, public_path, published_wording
from .models import Fact

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
        return Fact.objects.published().order_by("-published_at", "-pk")[:FEED_SIZE]

    def item_title(self, fact: Fact) -> str:
        return f"{fact.summary} — {published_wording(fact)}"

    def item_description(self, fact: Fact) -> str:
        # Atom summaries are HTML: the claim comes from article text, so escape it.
        return f"<p>{escape(fact.summary)}</p><p>{escape(published_wording(fact))}</p>"

    def item_link(self, fact: Fact) -> str:
        return absolute_url(public_path(fact))

    def item_pubdate(self, fact: Fact):
        return fact.published_at

    def item_updateddate(self, fact: Fact):
        return fact.published_at
