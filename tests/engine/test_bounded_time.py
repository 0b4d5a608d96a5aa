"""The engine's time is bounded on any text: linear patterns and a per-article budget.

Each rewritten pattern is checked against the regex it replaced (kept here as the
reference) on small random texts over the characters that matter to it, so the
rewrite finds exactly the same spans; hostile inputs then run in well under a second
or two where the old patterns took minutes.
"""

import re
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.engine import EngineTimeout, extract_claims, extraction
from factcheck.engine.entities import _ACRONYM_RE
from factcheck.engine.provenance import _quote_spans
from factcheck.engine.quantities.addresses import _url_spans
from factcheck.engine.sentences import _BOUNDARY_RE, split_sentences
from factcheck.engine.wording import _quotes
from sources.parsing import _WORD_COUNT, _strip_emphasis, parse_text

# --- each rewrite finds what the regex it replaced found -----------------------------

OLD_URL = re.compile(r"\b(?:https?://|www\.)\S+|\S+@\S+\.\w+")
OLD_BOUNDARY = re.compile(r"([.!?…]+)([\"”’'\)\]]*)(\s+)([\"“‘'(\[]*)(\S)")
OLD_SINGLE_QUOTES = re.compile(r"(?<!\w)'((?:[^'\n]|'(?=\w))+)'(?!\w)")
OLD_SEPARATOR = re.compile(
    r"\s*;\s*|\s*,\s*(?:(?:and|or|but|while|with|as\s+well\s+as|plus)\s+)?"
    r"|\s+(?:and|as\s+well\s+as|while|whereas|but|plus)\s+"
)
OLD_ACRONYM = re.compile(r"\b[A-Z][A-Za-z]*[A-Z][A-Za-z]*\b")
OLD_MATCHING_QUOTES = re.compile(r"[“\"]([^”\"]{8,})[”\"]|(?:^|(?<=\s))‘([^’]{8,})’(?=\W|$)")
OLD_PROVENANCE_QUOTES = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"")
OLD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
OLD_WORD_COUNT = re.compile(r"\s*\(\s*\d[\d,]*\s+words?\s*\)\s*$", re.I)


def texts(*pieces: str):
    return st.lists(st.sampled_from(pieces), max_size=14).map("".join)


SAME = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SAME
@given(texts("@", ".", "a", " ", "1", "www.", "http://", "-", ")", "é"))
def test_url_spans_are_the_old_regex_matches(text):
    assert list(_url_spans(text)) == [m.span() for m in OLD_URL.finditer(text)]


@SAME
@given(texts(".", "!", "…", '"', "”", "'", ")", " ", "\n", "a", "A", "“", "(", "?"))
def test_sentence_boundaries_are_the_old_regex_matches(text):
    new = [m.groups() for m in _BOUNDARY_RE.finditer(text) if m.group(5) is not None]
    assert new == [m.groups() for m in OLD_BOUNDARY.finditer(text)]


@SAME
@given(texts("‘", "’", "'", "a", " ", "\n", "."))
def test_single_quotes_are_the_old_regex_matches(text):
    rx = extraction._QUOTE_RES[3]
    new = [m.span() + m.span(1) for m in rx.finditer(text) if m.start(1) != -1]
    assert new == [m.span() + m.span(1) for m in OLD_SINGLE_QUOTES.finditer(text)]


@SAME
@given(texts(" ", "\t", ";", ",", "and", "as", "well", "a", "or", "plus", "x"))
def test_list_separators_are_the_old_regex_matches(text):
    rx = extraction._SEPARATOR_RE
    new = [m.span() for m in rx.finditer(text) if m.group("gap") is None]
    assert new == [m.span() for m in OLD_SEPARATOR.finditer(text)]


@SAME
@given(texts("A", "B", "a", "b", " ", "1", "_", "é", "-", "É"))
def test_acronyms_are_the_old_regex_matches(text):
    assert [m.span() for m in _ACRONYM_RE.finditer(text)] == [
        m.span() for m in OLD_ACRONYM.finditer(text)
    ]


@SAME
@given(texts("“", "”", '"', "‘", "’", " ", "a", "\n", "aaaa", ".", "é"))
def test_quoted_passages_are_the_old_regex_matches(text):
    assert _quotes(text) == [a or b for a, b in OLD_MATCHING_QUOTES.findall(text)]
    assert _quote_spans(text) == [m.span() for m in OLD_PROVENANCE_QUOTES.finditer(text)]


@SAME
@given(texts("*", "_", " ", "a", "\n", "**", "__"))
def test_markdown_emphasis_is_stripped_as_the_old_regex_did(text):
    assert _strip_emphasis(text) == OLD_EMPHASIS.sub(r"\2", text)


@SAME
@given(texts(" ", "(", ")", "1", ",", "words", "word", "a"))
def test_word_count_notes_are_the_old_regex_matches(text):
    assert [m.span() for m in _WORD_COUNT.finditer(text)] == [
        m.span() for m in OLD_WORD_COUNT.finditer(text)
    ]


# --- hostile text finishes quickly ------------------------------------------------------

PATHOLOGICAL = {
    "50,000 @": "@" * 50_000,
    "50,000 $": "$" * 50_000,
    "1,1,1,… × 20,000": ",".join(["1"] * 20_000),
    "a 50,000-word sentence": " ".join(["word"] * 50_000) + ".",
    "nested date-like": "December 4" + "-5-4" * 12_500,
    "50,000 digits": "1" * 50_000,
    "digits and dots": "1." * 25_000,
    "50,000 dots": "." * 50_000,
    "unclosed single quotes": "'n " * 16_000,
    "unclosed curly quotes": "“a " * 16_000,
    "hyphenated capitals": "A-" * 25_000 + " said",
    "capitals then a digit": "A" * 50_000 + "1",
    "a run of spaces": "a" + " " * 50_000 + "b, and c.",
    "e-mail-like": "a@b" * 16_000,
    # Unnamed speakers over and over: each is read with a bounded look-back.
    "unnamed speakers": "a person " * 8_000 + "said 5 ships sank.",
    "documents seen by": "documents seen by " * 4_000,
}


@pytest.mark.parametrize("body", PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
def test_pathological_text_is_extracted_quickly(body):
    started = time.perf_counter()
    claims = extract_claims(body)
    assert time.perf_counter() - started < 3
    assert all(body[c.start : c.end] == c.text for c in claims)


@pytest.mark.parametrize(
    "text",
    [
        "Date: x" + " " * 50_000 + "y",
        "Source: x" + " " * 50_000 + "y",
        "Read more" + " " * 50_000 + "x",
        "(Reuters" + " " * 50_000 + "x",
        "**a " * 20_000,
        "x" + " " * 50_000 + "(5 words x",
    ],
    ids=["date line", "meta line", "read next", "wire credit", "emphasis", "word count"],
)
def test_pathological_lines_are_parsed_quickly(text):
    started = time.perf_counter()
    parse_text(text + "\n\nA second paragraph of text.", name="x.txt")
    assert time.perf_counter() - started < 3


FRAGMENTS = [
    "@",
    "$",
    "1,",
    "1.",
    ".",
    "'n ",
    "“",
    "A-",
    "A",
    " ",
    "\n",
    "one and ",
    "December 4-",
    "5 of the ",
    "said ",
    "‘a’b ",
    "**",
    "www.",
    "a person ",
    "two officials said ",
]


@pytest.mark.slow
@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    piece=st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=12), min_size=1, max_size=8).map(
        "".join
    ),
    size=st.integers(min_value=20_000, max_value=100_000),
)
def test_extraction_time_is_bounded_on_any_text_up_to_100_kb(piece, size):
    body = (piece * (size // max(1, len(piece)) + 1))[:size]
    started = time.perf_counter()
    claims = extract_claims(body, seconds=None)
    assert time.perf_counter() - started < 15
    assert all(body[c.start : c.end] == c.text for c in claims)


# --- the per-article budget ---------------------------------------------------------------


def test_extraction_past_its_budget_stops_with_a_clear_error(monkeypatch):
    clock = iter([0.0, 25.0])
    monkeypatch.setattr(extraction.time, "monotonic", lambda: next(clock))
    body = "Trade reached $68.7B in FY25, officials said. " * 3
    with pytest.raises(EngineTimeout) as error:
        extract_claims(body, seconds=20)
    assert str(error.value) == (
        "claim extraction took over 20 s and stopped at sentence 1 of 3 (character 0 of 138)"
    )


def test_the_budget_is_checked_between_sentences(monkeypatch):
    clock = iter([0.0, 1.0, 2.0, 30.0])
    monkeypatch.setattr(extraction.time, "monotonic", lambda: next(clock))
    body = "One sentence here. Another sentence here. A third one here."
    with pytest.raises(EngineTimeout, match=r"stopped at sentence 3 of 3 \(character 42 of 59\)"):
        extract_claims(body, seconds=20)
    assert split_sentences(body)[2].start == 42


def test_no_budget_means_no_limit():
    assert extract_claims("Trade reached $68.7B in FY25, officials said.", seconds=None)
