"""What a published fact-check shows, frozen: the snapshot a ``Publication`` stores.

Publishing copies the written fact-check (statement, claimant, rating,
conclusion, the evidence chosen for the public), the reports it rests on (each
article's own address, outlet, headline, date and quoted sentence) and, for a
disputed fact, the differing values with who reported each, into one JSON
document. The public page, its ClaimReview and the feed read only that, so the
engine grouping a new article into the fact, or an editor changing it, leaves
what the public sees unchanged until the next publication.

The rating scale says how well a claim is sourced, not whether it is true:

    3  corroborated   "Corroborated by N independent reports"
    2  single source  "Single source: not independently confirmed"
    1  disputed       "Disputed: reports give different figures"
"""

from __future__ import annotations

import datetime as dt
from typing import TypedDict

from sources.models import Article

from .highlight import describe_value
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


class Rating(TypedDict):
    status: str
    label: str
    value: int
    wording: str


class Quote(TypedDict):
    before: str
    claim: str
    after: str


class Appearance(TypedDict):
    article: int
    url: str
    headline: str
    outlet: str
    byline: str
    date: str
    wire_credit: str
    quotes: list[Quote]


class Reporter(TypedDict):
    outlet: str
    headline: str


class DifferingValue(TypedDict):
    value: str
    reported_by: list[Reporter]


class PublicEvidence(TypedDict):
    url: str
    note: str


class Snapshot(TypedDict):
    statement: str
    claimant: str
    claimant_kind: str
    rating: Rating
    conclusion: str
    evidence: list[PublicEvidence]
    appearances: list[Appearance]
    differing: list[DifferingValue]


def rating_value(status: str) -> int:
    return RATING_VALUES[Status(status)]


def published_wording(fact: Fact) -> str:
    """The verdict as published: how well the claim is sourced, in words."""
    if fact.status == Status.CORROBORATED:
        if fact.origin_count >= 2:
            return f"Corroborated by {fact.origin_count} independent reports"
        # The editor corroborated it from sources outside the articles we hold.
        return "Corroborated by independent sources"
    return WORDING[Status(fact.status)]


def web_address(url: str) -> str:
    """The article's address when it is a web link; anything else (javascript:…) is dropped."""
    return url if url.lower().startswith(("http://", "https://")) else ""


def best_claim(claims: list[Claim]) -> Claim | None:
    """The claim a fact-check states by default: the most check-worthy, earliest on ties."""
    return min(claims, key=lambda c: (-c.score, c.pk), default=None)


def default_statement(fact: Fact, claims: list[Claim]) -> str:
    """The best claim's whole sentence (claims need their article), else the fact's summary."""
    claim = best_claim(claims)
    if claim is None:
        return fact.summary
    sentence = claim.article.body[claim.sentence_start : claim.sentence_end]
    return " ".join(sentence.split()) or claim.text


def statement_of(fact: Fact, claims: list[Claim]) -> str:
    return fact.statement or default_statement(fact, claims)


def _reporter(article: Article) -> Reporter:
    return {"outlet": article.outlet.name if article.outlet else "", "headline": article.title}


def differing(fact: Fact, claims: list[Claim]) -> list[DifferingValue]:
    """Each value the fact's conflicts name, with the reports giving it (in report order)."""
    wanted: list[tuple[str, str]] = []
    for conflict in fact.conflicts or []:
        for side in (conflict.get("a") or {}, conflict.get("b") or {}):
            slot = (str(side.get("type")), describe_value(side))
            if slot not in wanted:
                wanted.append(slot)
    out: list[DifferingValue] = []
    for kind, meaning in wanted:
        reporters: list[Reporter] = []
        for claim in claims:
            says = any(
                (str(v.get("type")), describe_value(v)) == (kind, meaning)
                for v in claim.values or []
            )
            if says and _reporter(claim.article) not in reporters:
                reporters.append(_reporter(claim.article))
        out.append({"value": meaning, "reported_by": reporters})
    return out


def _quote(body: str, claim: Claim) -> Quote:
    """The claim's sentence, split so the page can mark the claim inside it."""
    return {
        "before": body[claim.sentence_start : claim.start],
        "claim": body[claim.start : claim.end],
        "after": body[claim.end : claim.sentence_end],
    }


def appearances(claims: list[Claim]) -> list[Appearance]:
    """The articles carrying the fact, earliest published first (undated ones last)."""
    by_article: dict[int, list[Claim]] = {}
    for claim in claims:
        by_article.setdefault(claim.article_id, []).append(claim)
    articles = sorted(
        (group[0].article for group in by_article.values()),
        key=lambda a: (a.published is None, a.published or dt.date.max, a.pk),
    )
    return [
        {
            "article": article.pk,
            "url": web_address(article.url),
            "headline": article.title,
            "outlet": article.outlet.name if article.outlet else "",
            "byline": article.byline,
            "date": article.published.isoformat() if article.published else "",
            "wire_credit": article.wire_credit,
            "quotes": [_quote(article.body, c) for c in sorted(by_article[article.pk], key=_start)],
        }
        for article in articles
    ]


def _start(claim: Claim) -> int:
    return claim.start


def take_snapshot(fact: Fact) -> Snapshot:
    """What the public will see of ``fact`` now. Three queries (claims, evidence).

    >>> take_snapshot(Fact.objects.get(pk=4))["rating"]["wording"]
    'Corroborated by 2 independent reports'
    """
    claims = list(fact.claims.select_related("article__outlet").order_by("article_id", "start"))
    return {
        "statement": statement_of(fact, claims),
        "claimant": fact.claimant,
        "claimant_kind": fact.claimant_kind,
        "rating": {
            "status": fact.status,
            "label": fact.get_status_display(),
            "value": rating_value(fact.status),
            "wording": published_wording(fact),
        },
        "conclusion": fact.conclusion,
        "evidence": [{"url": e.url, "note": e.note} for e in fact.evidence.filter(public=True)],
        "appearances": appearances(claims),
        "differing": differing(fact, claims) if fact.status == Status.DISPUTED else [],
    }
