"""Grouping claims into facts depends on the set of claims, not on their order."""

from datetime import date
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.engine import grouping
from factcheck.engine.extraction import extract_claims
from factcheck.engine.features import ClaimFeatures, story_entities
from factcheck.engine.grouping import Member, group_claims
from factcheck.engine.keys import index_keys
from factcheck.engine.matching import MAX_DAYS_APART, Match, match

DAY = date(2027, 2, 9)
REPORTS = {
    "wire": (
        "The new Karsten river bridge will cost €412 million and carry 38,000 vehicles a day, "
        "the regional transport authority said on Tuesday. Construction of the 1.8-km crossing "
        "starts in March 2027. The authority will borrow 60 per cent of the cost from the "
        "European Investment Bank."
    ),
    "ledger": (
        "The regional transport authority approved a €412m budget for a bridge over the Karsten "
        "river, which it expects to be used by 38,000 cars daily. The 1,800-metre bridge will be "
        "built from March 2027. Some 60% of the money is to be lent by the European Investment "
        "Bank."
    ),
    "radio": (
        "The bridge over the Karsten river will cost €450 million, two officials said. The "
        "crossing, 1.8 kilometres long, would carry 38,000 vehicles every day."
    ),
}


@cache
def members() -> tuple[Member, ...]:
    return tuple(members_of(REPORTS))


def members_of(bodies: dict[str, str], days: dict[str, int] | None = None) -> list[Member]:
    """Each report's claims as members, in the order of the reports' names; or, each
    published ``days[name]`` days after DAY, in the order of their dates."""
    out = []
    for name, body in sorted(bodies.items()):
        published = date.fromordinal(DAY.toordinal() + (days or {}).get(name, 0))
        found = extract_claims(body, published=published)
        story = story_entities(found)
        for claim in found:
            features = ClaimFeatures.from_extracted(claim, body, story=story, published=published)
            out.append(
                Member(
                    order=(published, name, claim.start) if days else (name, claim.start),
                    article=name,
                    features=features,
                    keys=frozenset(index_keys(features)),
                )
            )
    return out


def facts(given: list[Member]) -> set[frozenset[tuple]]:
    return {frozenset(given[i].order for i in fact.members) for fact in group_claims(given)}


def figures(grouped: set[frozenset[tuple]]) -> set[frozenset[str]]:
    """Each fact as the figures its claims state (the claims' first value's text)."""
    text = {m.order: m.features.values[0]["text"] for m in members() if m.features.values}
    return {frozenset(text[o] for o in fact) for fact in grouped if len(fact) > 1}


def test_reports_of_one_figure_in_other_words_form_one_fact():
    assert figures(facts(list(members()))) == {
        # A dispute is one fact with two figures, not two facts.
        frozenset({"€412m", "€450 million", "€412 million"}),
        frozenset({"38,000 cars", "38,000 vehicles"}),
        frozenset({"1,800-metre", "1.8 kilometres", "1.8-km"}),
        frozenset({"Some 60%", "60 per cent"}),
    }


@settings(max_examples=25, deadline=None)
@given(st.permutations(range(len(members()))))
def test_the_facts_do_not_depend_on_the_order_of_the_claims(order):
    assert facts([members()[i] for i in order]) == facts(list(members()))


def test_an_editors_fact_keeps_its_claims_and_takes_only_new_ones():
    claims = list(members())
    grouped = group_claims(claims)
    big = max(grouped, key=lambda f: len(f.members))
    # An editor split the fact: its first claim now stands alone in fact 7.
    first, *rest = big.members
    fixed = [
        Member(m.order, m.article, m.features, m.keys, fixed=7 if i == first else None)
        for i, m in enumerate(claims)
    ]
    regrouped = group_claims(fixed)
    [editors] = [f for f in regrouped if f.fixed == 7]
    assert editors.members == [first]
    # A new claim may join it.
    joining = [
        Member(m.order, m.article, m.features, m.keys, m.fixed, may_join_fixed=i in rest)
        for i, m in enumerate(fixed)
    ]
    [editors] = [f for f in group_claims(joining) if f.fixed == 7]
    assert editors.members[0] == first and len(editors.members) > 1


@settings(max_examples=10, deadline=None)
@given(st.permutations(sorted(REPORTS)))
def test_articles_grouped_before_the_new_ones_keep_their_facts_exactly(names):
    """Grouping the earlier reports first and keeping their facts gives the full pass's facts."""
    claims = list(members())
    everything = facts(claims)
    for cut in range(1, len(names)):
        # The reports before the first new one in the canonical order (here by name).
        first_new = min(names[cut:])
        earlier = [m for m in claims if m.article < first_new]
        grouped = group_claims(earlier)
        fact_of = {
            m.order: n for n, fact in enumerate(grouped) for m in (earlier[i] for i in fact.members)
        }
        kept = {i: fact_of[m.order] for i, m in enumerate(claims) if m.order in fact_of}
        regrouped = {
            frozenset(claims[i].order for i in f.members) for f in group_claims(claims, kept)
        }
        assert regrouped == everything


def test_a_claim_joins_the_fact_its_wording_names_even_to_dispute_it():
    """A figure that rounds to another fact's figure does not make that fact its home:
    "about 49 per cent" turnout disputes this year's 52.6, not last time's 49.8."""
    # Named in the order they came in: the canonical order is the names'.
    bodies = {
        "1-gazette": (
            "Turnout in the county council election was 52.6 per cent, up from 49.8 per cent "
            "last time, the returning officer said."
        ),
        "2-courier": "Turnout in the county council election was 52.6 per cent.",
        "3-bulletin": "Turnout in the county council election was about 49 per cent.",
    }
    given = members_of(bodies)
    text = {m.order: m.features.text for m in given}
    grouped = [{text[given[i].order] for i in fact.members} for fact in group_claims(given)]
    home = next(fact for fact in grouped if any("about 49" in t for t in fact))
    assert any("52.6" in t for t in home), grouped
    assert not any("49.8" in t for t in home), grouped


def test_a_claim_joins_a_fact_through_any_of_its_first_four_claims(monkeypatch):
    from factcheck.engine import grouping
    from factcheck.engine.matching import Match

    def member(n: int) -> Member:
        text = f"report {n}"
        features = ClaimFeatures(text, "quantity", [], [], text)
        return Member(order=(n,), article=n, features=features, keys=frozenset({"count:ferry"}))

    # The first four reports are one fact; the fifth is worded like the fourth only.
    def decide(a, b):
        pair = {a.text, b.text}
        one = "report 4" not in pair or pair == {"report 4", "report 3"}
        return Match(score=0.7 if one else 0.3, same_fact=one, reasons=[], rule="test")

    monkeypatch.setattr(grouping, "decide", decide)
    placed = group_claims([member(n) for n in range(5)])
    assert [fact.members for fact in placed] == [[0, 1, 2, 3, 4]]


@settings(max_examples=15, deadline=None)
@given(st.fixed_dictionaries({name: st.sampled_from([0, 20, 44, 45, 46, 90]) for name in REPORTS}))
def test_reports_too_far_apart_are_not_scored_and_group_as_if_they_were(days):
    # ``match`` never makes one fact of reports more than MAX_DAYS_APART days apart, so
    # grouping takes them as apart unscored, and the facts are those of scoring them all.
    claims = members_of(REPORTS, days)
    scored: list[tuple[str, str]] = []
    real = grouping.decide

    def spied(a: ClaimFeatures, b: ClaimFeatures) -> Match:
        scored.append((a.published, b.published))
        return real(a, b)

    def gap(x: str, y: str) -> int:
        return abs((date.fromisoformat(x) - date.fromisoformat(y)).days)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(grouping, "decide", spied)
        skipped = facts(claims)
        assert all(gap(x, y) <= MAX_DAYS_APART for x, y in scored)
        patch.setattr(grouping, "too_far_apart", lambda a, b: False)
        assert facts(claims) == skipped
    for i, x in enumerate(claims):
        for y in claims[i + 1 :]:
            if gap(x.features.published, y.features.published) > MAX_DAYS_APART:
                assert not match(x.features, y.features).same_fact
