"""Published fact-checks as schema.org ClaimReview data (JSON-LD), per Google's fact-check markup.

A ClaimReview is a pure function of a ``Publication`` (the snapshot of what the
public sees, ``factcheck.snapshots``) from ``live_publications``: the engine or
an editor changing the fact afterwards changes nothing here until the fact is
published again. ``datePublished`` is the first version's date and
``dateModified`` the latest version's time.

* ``claimReviewed``: the statement as the editor wrote it, whole;
* ``itemReviewed``: the ``Claim``, with its ``author`` (the claimant, when known)
  and its ``appearance`` in the source articles, at their own addresses where
  known (else the public page's reference to the article), with outlet,
  headline and date;
* ``reviewBody``: the conclusion and, for a disputed fact, the differing
  values with who reported each; ``citation``: the evidence shown publicly.

The rating scale (see ``factcheck.snapshots``) says how well a claim is sourced,
not whether it is true; bestRating is 3 and worstRating 1, as the methodology
page explains.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from .models import Publication
from .snapshots import (
    BEST_RATING,
    RATING_VALUES,
    WORDING,
    WORST_RATING,
    Appearance,
    DifferingValue,
    Snapshot,
    published_wording,
    web_address,
)

if TYPE_CHECKING:
    # Anything with a write(str): a file, a StringIO, a management command's stdout.
    from _typeshed import SupportsWrite

__all__ = [
    "BEST_RATING",
    "RATING_VALUES",
    "WORDING",
    "WORST_RATING",
    "absolute_url",
    "claim_review",
    "configured_site_url",
    "differing_sentence",
    "json_ld",
    "live_publications",
    "public_path",
    "published_wording",
    "site_url",
    "web_address",
    "write_claimreviews",
]

# Characters that could end the <script> data block or start markup inside it.
_HTML_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def live_publications() -> QuerySet[Publication]:
    """The latest version of every published fact-check, newest publication first."""
    return Publication.objects.live().order_by("-fact__published_at", "-fact_id")


def public_path(fact_id: int) -> str:
    return reverse("factcheck:public-fact", args=[fact_id])


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


def _organization(name: str, url: str = "") -> dict[str, str]:
    organization = {"@type": "Organization", "name": name}
    if url:
        organization["url"] = url
    return organization


def reporter_names(value: DifferingValue) -> str:
    """'Coastal Times (“Port busy”) and Wire Agency (“Ships at the port”)'."""
    names = [
        f"{r['outlet']} (“{r['headline']}”)" if r["outlet"] else f"“{r['headline']}”"
        for r in value["reported_by"]
    ]
    if len(names) <= 1:
        return "".join(names) or "no report we hold"
    return ", ".join(names[:-1]) + " and " + names[-1]


def differing_sentence(snapshot: Snapshot) -> str:
    """The differing values in one sentence: 'Reports differ: 120 ships (…); 150 ships (…).'"""
    if not snapshot["differing"]:
        return ""
    parts = [f"{v['value']}, reported by {reporter_names(v)}" for v in snapshot["differing"]]
    return "Reports give different values: " + "; ".join(parts) + "."


def _appearance(work: Appearance, fact_id: int, base_url: str) -> dict[str, object]:
    anchor = f"{public_path(fact_id)}#article-{work['article']}"
    out: dict[str, object] = {
        "@type": "CreativeWork",
        "url": work["url"] or absolute_url(anchor, base_url),
        "headline": work["headline"],
    }
    if work["date"]:
        out["datePublished"] = work["date"]
    if work["byline"]:
        out["author"] = {"@type": "Person", "name": work["byline"]}
    elif work["outlet"]:
        out["author"] = _organization(work["outlet"])
    if work["outlet"]:
        out["publisher"] = _organization(work["outlet"])
    return out


def claim_review(publication: Publication, *, base_url: str) -> dict[str, object]:
    """The ClaimReview of a publication (from ``live_publications``), as a JSON-ready dict;
    its links start with ``base_url``."""
    snapshot: Snapshot = publication.snapshot
    fact_id = publication.fact_id
    works = [_appearance(work, fact_id, base_url) for work in snapshot["appearances"]]
    claim: dict[str, object] = {"@type": "Claim", "appearance": works}
    if works:
        claim["firstAppearance"] = works[0]
    dated = [work["date"] for work in snapshot["appearances"] if work["date"]]
    if dated:
        claim["datePublished"] = min(dated)
    if snapshot["claimant"]:
        claim["author"] = {"@type": snapshot["claimant_kind"], "name": snapshot["claimant"]}
    rating = snapshot["rating"]
    first = getattr(publication, "first_published_at", None) or publication.published_at
    review: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": absolute_url(public_path(fact_id), base_url),
        "claimReviewed": snapshot["statement"],
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": rating["value"],
            "bestRating": BEST_RATING,
            "worstRating": WORST_RATING,
            "alternateName": rating["wording"],
        },
        "itemReviewed": claim,
        "author": _organization(settings.NEWSROOM_NAME, base_url),
        "datePublished": timezone.localtime(first).date().isoformat(),
        "dateModified": timezone.localtime(publication.published_at).isoformat(),
        "version": publication.number,
    }
    body = " ".join(p for p in (snapshot["conclusion"], differing_sentence(snapshot)) if p)
    if body:
        review["reviewBody"] = body
    if snapshot["evidence"]:
        review["citation"] = [
            {"@type": "CreativeWork", "url": e["url"], **({"name": e["note"]} if e["note"] else {})}
            for e in snapshot["evidence"]
        ]
    return review


def json_ld(data: dict[str, object]) -> SafeString:
    """JSON for a ``<script type="application/ld+json">`` block, safe inside HTML.

    ``<``, ``>`` and ``&`` become ``\\u003c``-style escapes, so text from an
    article can never close the script element; JSON parsers read them back
    as the same characters.
    """
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_HTML_ESCAPES))


def write_claimreviews(
    out: SupportsWrite[str], *, base_url: str, publications: Iterable[Publication] | None = None
) -> int:
    """Write a JSON array of the ClaimReviews of every published fact; returns how many.

    ``write_claimreviews(sys.stdout, base_url="https://checks.example.org")``
    """
    publications = (
        live_publications().iterator(chunk_size=500) if publications is None else publications
    )
    count = 0
    out.write("[\n")
    for publication in publications:
        # Every write ends in a newline: a command's stdout wrapper would add one.
        separator = ",\n" if count else ""
        out.write(
            separator
            + json.dumps(claim_review(publication, base_url=base_url), ensure_ascii=False, indent=2)
            + "\n"
        )
        count += 1
    out.write("]\n")
    return count
