"""Cutting article text into highlight segments: no text lost or doubled, innermost claim wins."""

from hypothesis import given
from hypothesis import strategies as st

from factcheck.highlight import Span, differing_values, paragraphs, segment, value_spans


def marks(segments):
    return [(s.text, s.key) for s in segments]


def test_no_spans_is_one_plain_segment():
    assert marks(segment("plain text", [])) == [("plain text", None)]


def test_disjoint_spans():
    text = "aa bb cc dd"
    got = marks(segment(text, [Span(3, 5, "b"), Span(9, 11, "d")]))
    assert got == [("aa ", None), ("bb", "b"), (" cc ", None), ("dd", "d")]


def test_nested_span_wins_inside_the_outer_one():
    text = "The minister said 120 ships docked in March."
    outer = Span(0, len(text), "outer")
    inner = Span(18, 27, "inner")
    segments = segment(text, [outer, inner])
    assert marks(segments) == [
        ("The minister said ", "outer"),
        ("120 ships", "inner"),
        (" docked in March.", "outer"),
    ]
    # The outer claim opens on its first piece and is labelled on its last.
    assert [(s.first, s.last) for s in segments] == [(True, False), (True, True), (False, True)]
    assert segments[1].covering == ("inner", "outer")
    assert segments[1].others == ("outer",)


def test_partial_overlap_goes_to_the_shorter_then_later_span():
    text = "0123456789"
    got = marks(segment(text, [Span(0, 6, "a"), Span(4, 8, "b")]))
    assert got == [("0123", "a"), ("4567", "b"), ("89", None)]
    # Equal lengths: the later start is taken as the inner one.
    got = marks(segment(text, [Span(0, 6, "a"), Span(3, 9, "b")]))
    assert got == [("012", "a"), ("345678", "b"), ("9", None)]


def test_identical_spans_go_to_the_first_given():
    segments = segment("same span", [Span(0, 9, "first"), Span(0, 9, "second")])
    assert marks(segments) == [("same span", "first")]
    assert segments[0].others == ("second",)


def test_offsets_are_document_offsets_and_spans_are_clipped():
    segments = segment("world", [Span(3, 8, "x"), Span(0, 2, "gone")], offset=6)
    assert marks(segments) == [("wo", "x"), ("rld", None)]
    assert (segments[0].start, segments[0].end) == (6, 8)


def test_paragraphs_keep_body_offsets_and_skip_blank_ones():
    body = "First para, 12 ships.\n\n\n\nSecond para: $5 billion."
    start = body.index("$5 billion")
    paras = paragraphs(body, [Span(12, 20, "ships"), Span(start, start + 10, "money")])
    assert [p.start for p in paras] == [0, body.index("\n\nSecond") + 2]
    assert [marks(p.segments) for p in paras] == [
        [("First para, ", None), ("12 ships", "ships"), (".", None)],
        [("Second para: ", None), ("$5 billion", "money"), (".", None)],
    ]


def test_a_span_crossing_paragraphs_shows_in_both():
    body = "one two\n\nthree four"
    paras = paragraphs(body, [Span(4, 14, "x")])
    assert [marks(p.segments) for p in paras] == [
        [("one ", None), ("two", "x")],
        [("three", "x"), (" four", None)],
    ]


def test_value_spans_use_offsets_or_find_the_text():
    text = "Trade hit $68.7B in FY25."
    offset = 100
    values = [
        {"type": "money", "text": "$68.7B", "start": 110, "end": 116},
        # Dates keep ISO dates in start/end and their offsets in span_start/span_end.
        {
            "type": "fiscal_year",
            "text": "FY25",
            "start": "2024-04-01",
            "end": "2025-03-31",
            "span_start": 120,
            "span_end": 124,
        },
        # Without usable offsets, the value's text is found in the claim.
        {"type": "date", "text": "FY25", "start": "2024-04-01", "end": "2025-03-31"},
        {"type": "count", "text": "not in the claim"},
    ]
    spans = value_spans(text, offset, values)
    got = [(s.start - offset, s.end - offset, s.key) for s in spans]
    assert got == [(10, 16, 0), (20, 24, 1), (20, 24, 2)]


def test_differing_values_compare_normalised_meaning_by_slot():
    a = [
        {"type": "fraction", "numerator": 3, "denominator": 5, "unit": "squadron", "text": "three"},
        {"type": "money", "amount": 68.7e9, "currency": "USD", "text": "$68.7B"},
    ]
    b = [
        {"type": "fraction", "numerator": 4, "denominator": 5, "unit": "squadrons", "text": "4/5"},
        {"type": "money", "amount": 68.7e9, "currency": "USD", "text": "$68.7 billion"},
    ]
    c = [{"type": "percent", "value": 5.0, "text": "5%"}]
    assert differing_values([a, b, c]) == [{0}, {0}, set()]


def pairwise_differing(reports):
    """The definition, report against report: a value differs when another report fills
    its slot (type and unit) and none of that report's values there has its meaning."""
    marked = []
    for i, mine in enumerate(reports):
        out = set()
        for j, value in enumerate(mine):
            slot = (value["type"], value.get("unit", ""))
            for k, theirs in enumerate(reports):
                same = [v["value"] for v in theirs if (v["type"], v.get("unit", "")) == slot]
                if k != i and same and value["value"] not in same:
                    out.add(j)
        marked.append(out)
    return marked


VALUES = st.lists(
    st.lists(
        st.fixed_dictionaries(
            {
                "type": st.sampled_from(["percent", "count"]),
                "unit": st.sampled_from(["", "ship"]),
                "value": st.sampled_from([1.0, 2.0, 3.0]),
            }
        ),
        max_size=4,
    ),
    max_size=6,
)


@given(VALUES)
def test_differing_values_is_the_pairwise_definition(reports):
    assert differing_values(reports) == pairwise_differing(reports)


ALPHABET = st.sampled_from("ab \n.<&>\"'")


@st.composite
def text_and_spans(draw):
    text = draw(st.text(alphabet=ALPHABET, max_size=60))
    n = len(text)
    spans = []
    for i in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, max(n, 0)))
        end = draw(st.integers(start, max(n, start)))
        spans.append(Span(start, end, i))
    return text, spans


@given(text_and_spans())
def test_segments_always_add_up_to_the_text(case):
    text, spans = case
    segments = segment(text, spans)
    assert "".join(s.text for s in segments) == text
    assert all(s.text for s in segments) or text == ""
    for s in segments:
        covering = [
            sp for sp in spans if sp.start <= s.start and s.end <= sp.end and sp.start < sp.end
        ]
        if not covering:
            assert s.key is None
        else:
            # The mark is a shortest covering span.
            shortest = min(sp.end - sp.start for sp in covering)
            chosen = next(sp for sp in covering if sp.key == s.key)
            assert chosen.end - chosen.start == shortest
    # Each span's run is opened once and labelled once.
    keys = [s.key for s in segments if s.key is not None]
    assert sum(s.first for s in segments) == len(set(keys))
    assert sum(s.last for s in segments) == len(set(keys))


@given(text_and_spans())
def test_paragraphs_lose_no_text(case):
    text, spans = case
    paras = paragraphs(text, spans)
    for p in paras:
        assert "".join(s.text for s in p.segments) == text[p.start : p.end]
    kept = [chunk for chunk in text.split("\n\n") if chunk.strip()]
    assert ["".join(s.text for s in p.segments) for p in paras] == kept
