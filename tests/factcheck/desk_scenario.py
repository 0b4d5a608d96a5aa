"""A small newsroom story for the desk's page tests, built without the claim engine.

Three articles report an arms-delivery story: ``wire`` (the original), ``copy`` (a
syndicated copy of it) and ``rival`` (independent, and disagreeing on a figure).

Facts:
* ``squadrons``: 3 of 5 squadrons (wire, copy) against 4 of 5 (rival): disputed;
* ``trade``: $68.7 billion in FY25 (wire, rival): corroborated;
* ``quote``: a quotation only the wire has: single source;
* ``attribution``: the whole sentence around the squadrons figure (nests it);
* ``anonymous``: the rival's anonymous source.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from factcheck.models import ArticleRelation, Claim, Fact, Status
from sources.models import Article, Outlet
from tests.builders import make_article, make_claim, make_fact, make_outlet

WIRE_BODY = (
    "India and Russia discussed S-400 deliveries in New Delhi on Thursday. "
    "Russia has delivered three of the five squadrons, officials said.\n\n"
    "Bilateral trade reached $68.7 billion in FY25, the ministry said. "
    "“We remain committed to this partnership,” the minister told reporters."
)
COPY_BODY = (
    "India and Russia discussed S-400 deliveries in New Delhi on Thursday. "
    "Russia has delivered three of the five squadrons, officials said.\n\n"
    "The talks will continue next year."
)
RIVAL_BODY = (
    "Russia has delivered four of the five squadrons, a source familiar with the talks said.\n\n"
    "Trade between the two countries hit $68.7 billion in FY25."
)
SQUADRONS_WIRE = "Russia has delivered three of the five squadrons, officials said."


def value(body: str, text: str, **normalised) -> dict:
    """A normalised value as the engine stores it, located in ``body``."""
    start = body.index(text)
    end = start + len(text)
    return {
        "text": text,
        "start": start,
        "end": end,
        "span_start": start,
        "span_end": end,
        **normalised,
    }


def fraction(body: str, text: str, numerator: int) -> dict:
    return value(body, text, type="fraction", numerator=numerator, denominator=5, unit="squadron")


def money(body: str, text: str) -> dict:
    return value(body, text, type="money", amount=68.7e9, currency="USD", bound=None)


def fiscal(body: str) -> dict:
    # Time values keep their dates in start/end; span_* locate them.
    return value(
        body, "FY25", type="fiscal_year", start="2024-04-01", end="2025-03-31", label="FY2024-25"
    )


@dataclass
class Story:
    wire: Article
    copy: Article
    rival: Article
    squadrons: Fact
    trade: Fact
    quote: Fact
    attribution: Fact
    anonymous: Fact
    relation: ArticleRelation
    wire_squadrons: Claim
    wire_attribution: Claim
    rival_squadrons: Claim


def build_story(body_wire: str = WIRE_BODY) -> Story:
    agency = make_outlet("Wire Agency", kind=Outlet.Kind.WIRE)
    paper = make_outlet("Daily Paper")
    state = make_outlet("State Broadcaster", kind=Outlet.Kind.STATE_MEDIA)
    wire = make_article(
        body_wire,
        title="India, Russia discuss S-400 deliveries",
        outlet=agency,
        published=datetime.date(2025, 12, 4),
        wire_credit="WA",
    )
    copy = make_article(
        COPY_BODY,
        title="S-400 talks in Delhi",
        outlet=paper,
        published=datetime.date(2025, 12, 5),
        wire_credit="WA",
    )
    rival = make_article(
        RIVAL_BODY,
        title="Four squadrons delivered, source says",
        outlet=state,
        published=datetime.date(2025, 12, 5),
    )
    conflict = {
        "kind": "fraction",
        "a": fraction(wire.body, "three of the five squadrons", 3),
        "b": fraction(rival.body, "four of the five squadrons", 4),
        "description": "3 of 5 squadrons vs 4 of 5 squadrons",
    }
    squadrons = make_fact(
        summary="Russia has delivered three of the five squadrons",
        suggested_status=Status.DISPUTED,
        suggested_reason="wire and copy say 3 of 5 squadrons; rival says 4 of 5 squadrons",
        origin_count=2,
        conflicts=[conflict],
    )
    trade = make_fact(
        summary="Bilateral trade reached $68.7 billion in FY25",
        suggested_status=Status.CORROBORATED,
        suggested_reason="Reported by 2 articles from 2 independent origins.",
        origin_count=2,
    )
    quote = make_fact(summary="“We remain committed to this partnership”")
    attribution = make_fact(summary=SQUADRONS_WIRE)
    anonymous = make_fact(summary="a source familiar with the talks said")

    wire_attribution = make_claim(
        wire,
        SQUADRONS_WIRE,
        fact=attribution,
        kind="attribution",
        score=0.55,
        features={"attribution": 0.3, "named_source": -0.1},
    )
    wire_squadrons = make_claim(
        wire,
        "three of the five squadrons",
        fact=squadrons,
        score=0.9,
        features={"quantity": 0.5, "entity": 0.2},
        values=[fraction(wire.body, "three of the five squadrons", 3)],
        entities=["s-400", "russia"],
    )
    make_claim(
        copy,
        "three of the five squadrons",
        fact=squadrons,
        score=0.9,
        values=[fraction(copy.body, "three of the five squadrons", 3)],
    )
    rival_squadrons = make_claim(
        rival,
        "four of the five squadrons",
        fact=squadrons,
        score=0.9,
        values=[fraction(rival.body, "four of the five squadrons", 4)],
    )
    make_claim(
        wire,
        "Bilateral trade reached $68.7 billion in FY25",
        fact=trade,
        values=[
            money(wire.body, "$68.7 billion"),
            fiscal(wire.body),
        ],
    )
    make_claim(
        rival,
        "Trade between the two countries hit $68.7 billion in FY25.",
        fact=trade,
        values=[money(rival.body, "$68.7 billion"), fiscal(rival.body)],
    )
    make_claim(
        wire,
        "“We remain committed to this partnership,”",
        fact=quote,
        kind="quote",
        score=0.6,
    )
    make_claim(
        rival,
        "a source familiar with the talks said",
        fact=anonymous,
        kind="anonymous",
        score=0.7,
        flags=["anonymous_source"],
    )
    relation = ArticleRelation.objects.create(
        original=wire,
        copy=copy,
        relation=ArticleRelation.Relation.COPY,
        similarity=0.82,
        containment=0.9,
        shared_lead=True,
        same_wire=True,
        passages=[
            {
                "original_start": 0,
                "original_end": 69,
                "copy_start": 0,
                "copy_end": 69,
                "text": "India and Russia discussed S-400 deliveries in New Delhi on Thursday.",
            }
        ],
        summary="Same lead paragraph and the same wire credit.",
    )
    return Story(
        wire=wire,
        copy=copy,
        rival=rival,
        squadrons=squadrons,
        trade=trade,
        quote=quote,
        attribution=attribution,
        anonymous=anonymous,
        relation=relation,
        wire_squadrons=wire_squadrons,
        wire_attribution=wire_attribution,
        rival_squadrons=rival_squadrons,
    )


def add_filler(n: int) -> None:
    """``n`` more articles in pairs: each pair shares a fact, the second rewrites the first."""
    first = None
    fact = None
    for i in range(n):
        body = f"Port {i // 2} handled {100 + i} ships in March. Revenue rose {i + 1}% on the year."
        article = make_article(body, title=f"Port report {i}", outlet=make_outlet())
        if i % 2 == 0:
            first, fact = article, make_fact(summary=f"Port {i // 2} ships")
        else:
            ArticleRelation.objects.create(
                original=first,
                copy=article,
                relation=ArticleRelation.Relation.REWRITE,
                similarity=0.5,
                containment=0.5,
            )
        make_claim(
            article,
            f"{100 + i} ships",
            fact=fact,
            values=[value(body, f"{100 + i} ships", type="count", value=100.0 + i, unit="ship")],
        )
        make_claim(article, f"Revenue rose {i + 1}%", kind="quantity")
