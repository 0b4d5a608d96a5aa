"""The public Atom feed of the newest published fact-checks.

Its links are absolute: the NEWSROOM_URL setting, else the address the feed was requested
at. The feed object is shared by every request, so that base URL travels as the feed's
object (``get_object``) and on each item, never as state on the feed.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from .claimreview import absolute_url, public_path, published_wording, site_url
from .models import Fact

FEED_SIZE = 50


class PublicFactFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, *args, **kwargs) -> str:
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

    def items(self, base_url: str):
        facts = list(Fact.objects.published().order_by("-published_at", "-pk")[:FEED_SIZE])
        for fact in facts:
            fact.public_url = absolute_url(public_path(fact), base_url)
        return facts

    def item_title(self, fact: Fact) -> str:
        return f"{fact.summary} — {published_wording(fact)}"

    def item_description(self, fact: Fact) -> str:
        # Atom summaries are HTML: the claim comes from article text, so escape it.
        return f"<p>{escape(fact.summary)}</p><p>{escape(published_wording(fact))}</p>"

    def item_link(self, fact: Fact) -> str:
        return fact.public_url

    def item_pubdate(self, fact: Fact):
        return fact.published_at

    def item_updateddate(self, fact: Fact):
        return fact.published_at
