"""``decide`` is ``match`` remembered by what the claims say, never by which objects."""

from dataclasses import replace

import pytest

from factcheck.engine import decisions
from factcheck.engine.decisions import decide
from factcheck.engine.extraction import extract_claims
from factcheck.engine.features import ClaimFeatures
from factcheck.engine.matching import match

HARBOUR = (
    "The harbour authority said 1,240 ships called at the port in March. "
    "Ferry traffic fell to 310 sailings after the storm."
)
DOCKS = "Some 1,240 ships called at the harbour in March, the port authority said."


def features(text: str, published: str = "2026-04-02") -> list[ClaimFeatures]:
    return [
        ClaimFeatures.from_extracted(c, text, story=("harbour authority",), published=published)
        for c in extract_claims(text)
    ]


def test_the_decision_is_the_one_match_gives_for_every_pair():
    ours, theirs = features(HARBOUR), features(DOCKS, published="2026-04-03")
    for a in theirs:
        for b in ours:
            assert decide(a, b) == match(a, b)
            assert decide(b, a) == match(b, a)


@pytest.fixture
def asked(monkeypatch) -> list:
    """The pairs ``match`` is really asked about, from an empty memory."""
    pairs = []

    def counting(a, b):
        pairs.append((a, b))
        return match(a, b)

    monkeypatch.setattr(decisions, "match", counting)
    monkeypatch.setattr(decisions, "_DECIDED", {})
    return pairs


def test_the_same_content_read_again_is_decided_once(asked):
    first = (features(DOCKS, published="2026-04-03")[0], features(HARBOUR)[0])
    # The next import builds new objects for the same stored claims.
    again = (features(DOCKS, published="2026-04-03")[0], features(HARBOUR)[0])
    assert again[0] is not first[0]
    assert decide(*first) == decide(*again)
    assert len(asked) == 1


def test_claims_that_differ_in_anything_match_reads_are_decided_apart(asked):
    later, earlier = features(DOCKS, published="2026-04-03")[0], features(HARBOUR)[0]
    decide(later, earlier)
    # A year later the same words are another report: the date vetoes what it joined.
    a_year_on = replace(later, published="2027-04-03")
    assert decide(a_year_on, earlier) == match(a_year_on, earlier)
    assert decide(a_year_on, earlier).same_fact != decide(later, earlier).same_fact
    other_story = replace(later, story=("customs office",))
    decide(other_story, earlier)
    other_values = replace(later, values=[{**later.values[0], "value": 1420}])
    decide(other_values, earlier)
    assert len(asked) == 4
