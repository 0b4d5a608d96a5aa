import datetime as dt
from pathlib import Path

import pytest

from sources.parsing import ArticleRejected, derive_title, parse_date, parse_file, parse_text

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def parse_seed(prefix: str):
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return parse_file(path.read_bytes(), name=path.name, suffix=".txt")


def test_seed_000_has_a_headline_and_no_date():
    article = parse_seed("000")
    assert article.title.startswith("Russian Defense Minister Andrei Belousov’s Visit to India")
    assert article.title.endswith("as Moscow and New Delhi Deepen Cooperation")
    assert not article.title_derived
    assert article.published is None
    assert article.wire_credit == ""
    assert not article.body.startswith("Russian Defense Minister Andrei Belousov’s Visit")
    assert article.body.startswith("Russian Defense Minister Andrei Belousov’s arrival in India")


def test_seed_001_title_is_derived_from_its_first_sentence():
    article = parse_seed("001")
    assert article.title_derived
    assert article.title.startswith("The arrival of Russian Defense Minister Andrei Belousov")
    assert article.title.endswith("…") and len(article.title) <= 120
    # One paragraph per line in the file: each line stays a paragraph.
    assert len(article.body.split("\n\n")) == 18


def test_seed_002_boilerplate_is_removed():
    article = parse_seed("002")
    assert "Comments are closed" not in article.body
    assert "(312 words)" not in article.body
    assert "**" not in article.body
    assert article.body.endswith("economic strength for mutual strengthening.")
    assert "Comments are closed." in article.removed
    assert article.title_derived


def test_seed_003_date_line_and_wire_credit():
    article = parse_seed("003")
    assert article.published == dt.date(2025, 12, 5)
    assert article.wire_credit == "ANI"
    assert "Based On ANI Report" not in article.body
    assert "date 2025-12-05" not in article.body
    # Runs of blank lines collapse to one paragraph break.
    assert "\n\n\n" not in article.body
    assert article.body.startswith("Russian Defence Minister Andrei Belousov reaffirmed")
    assert article.title_derived


def test_seed_004_read_next_list_is_removed():
    article = parse_seed("004")
    assert (
        article.title == "Why India's Strategic Alliance With Russia Endures Amidst Global Shifts"
    )
    assert not article.title_derived
    assert "Read next" not in article.body
    assert "Rupee internationalization" not in article.body
    assert "19,000 crore" not in article.body
    assert article.body.endswith("complex international dynamics.")


def test_with_inputs_from_credit_and_metadata_lines():
    text = (
        "Trade talks resume in Delhi\n"
        "source: The Daily Ledger\n"
        "by: Asha Rao\n"
        "date 2026-01-15\n\n"
        "Ministers met on Thursday to resume trade talks.\n\n"
        "(With inputs from PTI)\n"
    )
    article = parse_text(text, name="t.txt")
    assert article.title == "Trade talks resume in Delhi"
    assert article.outlet_name == "The Daily Ledger"
    assert article.byline == "Asha Rao"
    assert article.published == dt.date(2026, 1, 15)
    assert article.wire_credit == "PTI"
    assert article.body == "Ministers met on Thursday to resume trade talks."


def test_hard_wrapped_paragraphs_are_joined():
    text = (
        "Headline here\n\n"
        "This paragraph was wrapped by an editor at about seventy characters\n"
        "so that it spans two lines in the file.\n\n"
        "Second paragraph.\n"
    )
    article = parse_text(text, name="w.txt")
    assert article.body.split("\n\n") == [
        "This paragraph was wrapped by an editor at about seventy characters so that it spans "
        "two lines in the file.",
        "Second paragraph.",
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-12-05", dt.date(2025, 12, 5)),
        ("5 December 2025", dt.date(2025, 12, 5)),
        ("Dec. 5, 2025", dt.date(2025, 12, 5)),
        ("Friday, December 5, 2025", dt.date(2025, 12, 5)),
        ("20/08/2026", dt.date(2026, 8, 20)),
        ("08/20/2026", dt.date(2026, 8, 20)),
        ("3.8.2026", dt.date(2026, 8, 3)),
        ("03-08-2026", dt.date(2026, 8, 3)),
        ("31/02/2026", None),
        ("2025-13-45", None),
        ("Su-30 upgrades", None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


def test_derive_title_shortens_at_a_word_boundary():
    title = derive_title("word " * 60 + "end.")
    assert len(title) <= 120 and title.endswith("…") and "  " not in title


def test_html_main_text_is_extracted_without_markup():
    html = (
        "<html><head><title>Summit ends</title></head><body><nav>Home | World</nav>"
        "<article><h1>Summit ends with trade pact</h1>"
        "<p>Leaders signed a trade pact worth $5 billion on Friday after two days of talks.</p>"
        "<p>The agreement covers fertiliser, shipping and pharmaceuticals, officials said.</p>"
        "<p>It is <b>the first</b> such pact since 2019, according to the ministry.</p>"
        "</article><footer>© Example</footer></body></html>"
    )
    article = parse_file(html.encode(), name="s.html", suffix=".html")
    assert "<" not in article.body and "Home | World" not in article.body
    assert "Leaders signed a trade pact worth $5 billion" in article.body
    assert "the first such pact since 2019" in article.body


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b"   \n\n  ", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ],
)
def test_bad_input_is_rejected_with_the_reason(data, message):
    with pytest.raises(ArticleRejected, match=message):
        parse_file(data, name="bad.txt", suffix=".txt")


def test_unsupported_suffix():
    with pytest.raises(ArticleRejected, match=r"bad.pdf: unsupported file type \.pdf"):
        parse_file(b"x", name="bad.pdf", suffix=".pdf")


def test_latin1_text_is_decoded_and_the_encoding_named():
    text = "Café owners in Zürich said the rent rose by 12 per cent this year, señor.\n" * 4
    article = parse_file(
        ("Headline of the café story\n\n" + text).encode("cp1252"), name="c.txt", suffix=".txt"
    )
    assert "Café owners in Zürich" in article.body
    assert article.encoding != "utf-8"


def test_numeric_date_line_then_source_and_byline_are_all_metadata():
    text = "Ferry fares to rise\ndate: 20/08/2026\nsource: Harbour Star\nby: Ana Lima\n\nFares rise by 4%.\n"
    article = parse_text(text, name="n.txt")
    assert article.published == dt.date(2026, 8, 20)
    assert article.outlet_name == "Harbour Star"
    assert article.body == "Fares rise by 4%."


def test_an_unreadable_date_line_does_not_end_the_header():
    text = "Ferry fares to rise\ndate: late summer\nsource: Harbour Star\n\nFares rise by 4%.\n"
    article = parse_text(text, name="n.txt")
    assert article.published is None
    assert article.outlet_name == "Harbour Star"
    assert article.body == "Fares rise by 4%."


def test_links_to_other_stories_are_no_part_of_the_text():
    text = (
        "Ferry fares rise again\n\n"
        "Fares on the Kilrush ferry rise by 8 per cent from Monday, the operator said.\n\n"
        "READ MORE: Council approves £14m harbour wall for Kilrush\n\n"
        "The operator blamed fuel costs for the rise.\n\n"
        "Also read: Five islands you can still reach for under £20\n\n"
        "Related: What the Kilrush ferry timetable means for commuters\n"
    )
    article = parse_text(text, name="t.txt")
    assert "£14m" not in article.body and "£20" not in article.body
    assert "Related:" not in article.body
    assert "READ MORE: Council approves £14m harbour wall for Kilrush" in article.removed
    assert "8 per cent" in article.body and "fuel costs" in article.body


def test_a_sentence_about_reading_is_no_link():
    text = "Reading scores rose\n\nRead more widely, the minister told pupils: 40 per cent read daily.\n"
    article = parse_text(text, name="t.txt")
    assert "40 per cent read daily" in article.body


def test_a_via_line_credits_the_wire():
    text = "Ferry fares rise again\n\nFares on the Kilrush ferry rise by 8 per cent from Monday.\n\n(via PA)\n"
    article = parse_text(text, name="t.txt")
    assert article.wire_credit == "PA"
    assert "(via PA)" not in article.body
