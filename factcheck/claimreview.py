"""Published fact-checks as schema.org ClaimReview data (JSON-LD), per Google's fact-check markup.

The rating scale says how well a claim is sourced, not whether it is true:

    3  corroborated   "Corroborated by N independent reports"
    2  single source  "Single source: not independently confirmed"
    1  disputed       "Disputed: reports give different figures"

bestRating is 3 and worstRating 1; the methodology page explains the scale.
``claim_review`` is a pure function of a fact whose claims (with their
articles and outlets) are prefetched: see ``published_fact_checks``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import IO

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from .models import Claim, Fact, Status

BEST_RATING = 3
WORST_RATING = 1
RATING_VALUES = {
    Status.CORROBORATED: 3,
    Status.SINGLE_SOURCE: 2,
    Status.DISPUTED: 1,
}
WORDING = {
    Status.SINGLE_SOURCE: "Single source: not independently confirmed",
    Status.DISPUTED: "Disputed: reports give different figures",
}
# Google suggests a claimReviewed short enough to show on a phone.
CLAIM_REVIEWED_MAX = 150

# Characters that could end the <script> data block or start markup inside it.
_HTML_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def published_fact_checks() -> QuerySet[Fact]:
    """Published facts with what a ClaimReview needs: claims, their articles and outlets."""
    claims = Claim.objects.select_related("article", "article__outlet").order_by("article_id")
    return (
        Fact.objects.published()
        .prefetch_related(Prefetch("claims", queryset=claims))
        .order_by("-published_at", "-pk")
    )


def rating_value(fact: Fact) -> int:
    return RATING_VALUES[Status(fact.status)]


def published_wording(fact: Fact) -> str:
    """The verdict as published: how well the claim is sourced, in words."""
    if fact.status == Status.CORROBORATED:
        if fact.origin_count >= 2:
            return f"Corroborated by {fact.origin_count} independent reports"
        # The editor corroborated it from sources outside the articles we hold.
        return "Corroborated by independent sources"
    return WORDING[Status(fact.status)]


def differing_values(fact: Fact) -> list[str]:
    """The conflicting values the engine found ("3 of 5 squadrons vs 4 of 5 squadrons")."""
    seen: list[str] = []
    for conflict in fact.conflicts or []:
        description = conflict.get("description", "") if isinstance(conflict, dict) else ""
        if description and description not in seen:
            seen.append(description)
    return seen


def public_path(fact: Fact) -> str:
    return reverse("factcheck:public-fact", args=[fact.pk])


def site_url(request: HttpRequest) -> str:
    """The public base URL: the NEWSROOM_URL setting, else the address the request came to."""
    return settings.NEWSROOM_URL or request.build_absolute_uri("/").rstrip("/")


def configured_site_url() -> str:
    """The public base URL where there is no request (exports): NEWSROOM_URL, or an error."""
    if not settings.NEWSROOM_URL:
        raise ImproperlyConfigured(
            "NEWSROOM_URL is not set: ClaimReview links must be absolute, and without a "
            "request the site's address is unknown (set NEWSROOM_URL=https://…)"
        )
    return settings.NEWSROOM_URL


def absolute_url(path: str, base_url: str) -> str:
    return base_url + path


def web_address(url: str) -> str:
    """The article's address when it is a web link; anything else (javascript:…) is dropped."""
    return url if url.lower().startswith(("http://", "https://")) else ""


def appearances(fact: Fact) -> list:
    """The articles carrying the fact, earliest published first (undated ones last)."""
    articles = {claim.article.pk: claim.article for claim in fact.claims.all()}
    return sorted(
        articles.values(),
        key=lambda a: (a.published is None, a.published or dt.date.max, a.pk),
    )


def summary_of(fact: Fact) -> str:
    """A short, verdict-free summary of the claim: the claim's own words, shortened."""
    text = " ".join(fact.summary.split())
    if len(text) <= CLAIM_REVIEWED_MAX:
        return text
    return text[: CLAIM_REVIEWED_MAX - 1].rsplit(" ", 1)[0].rstrip(",;:—- ") + "…"


def _organization(name: str, url: str = "") -> dict:
    organization = {"@type": "Organization", "name": name}
    if url:
        organization["url"] = url
    return organization


def _appearance(article, fact: Fact, base_url: str) -> dict:
    work = {
        "@type": "CreativeWork",
        "url": web_address(article.url)
        or absolute_url(f"{public_path(fact)}#article-{article.pk}", base_url),
        "headline": article.title,
    }
    if article.published:
        work["datePublished"] = article.published.isoformat()
    if article.byline:
        work["author"] = {"@type": "Person", "name": article.byline}
    elif article.outlet:
        work["author"] = _organization(article.outlet.name)
    if article.outlet:
        work["publisher"] = _organization(article.outlet.name)
    return work


def claim_review(fact: Fact, *, base_url: str) -> dict:
    """The ClaimReview for a published fact, as a JSON-ready dict; links start with base_url."""
    articles = appearances(fact)
    works = [_appearance(article, fact, base_url) for article in articles]
    claim: dict = {"@type": "Claim", "appearance": works}
    if works:
        claim["firstAppearance"] = works[0]
    if articles and articles[0].published:
        claim["datePublished"] = articles[0].published.isoformat()
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": absolute_url(public_path(fact), base_url),
        "claimReviewed": summary_of(fact),
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": rating_value(fact),
            "bestRating": BEST_RATING,
            "worstRating": WORST_RATING,
            "alternateName": published_wording(fact),
        },
        "itemReviewed": claim,
        "author": _organization(settings.NEWSROOM_NAME, base_url),
        "datePublished": timezone.localtime(fact.published_at).date().isoformat(),
    }


def json_ld(data: dict) -> SafeString:
    """JSON for a ``<script type="application/ld+json">`` block, safe inside HTML.

    ``<``, ``>`` and ``&`` become ``\\u003c``-style escapes, so text from an
    article can never close the script element; JSON parsers read them back
    as the same characters.
    """
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_HTML_ESCAPES))


def write_claimreviews(out: IO[str], *, base_url: str, facts: Iterable[Fact] | None = None) -> int:
    """Write a JSON array of the ClaimReviews of every published fact; returns how many.

    ``write_claimreviews(sys.stdout, base_url="https://checks.example.org")``
    """
    facts = published_fact_checks().iterator(chunk_size=500) if facts is None else facts
    count = 0
    out.write("[\n")
    for fact in facts:
        # Every write ends in a newline: a command's stdout wrapper would add one.
        separator = ",\n" if count else ""
        out.write(
            separator
            + json.dumps(claim_review(fact, base_url=base_url), ensure_ascii=False, indent=2)
            + "\n"
        )
        count += 1
    out.write("]\n")
    return count
