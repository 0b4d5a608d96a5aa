from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.engine import split_sentences


def texts(body: str) -> list[str]:
    return [s.text for s in split_sentences(body)]


def test_offsets_are_exact_and_stripped():
    body = "  First one.   Second one!\n\n  Third?  "
    sentences = split_sentences(body)
    assert [s.text for s in sentences] == ["First one.", "Second one!", "Third?"]
    for s in sentences:
        assert body[s.start : s.end] == s.text


def test_abbreviations_decimals_and_model_names_do_not_end_sentences():
    body = (
        "Trade reached $68.7B. The Su-30 jets flew. Mr. Modi met officials on Dec. 4 in the "
        "U.S. capital. No. 5 was approved at Rs. 500 crore."
    )
    assert texts(body) == [
        "Trade reached $68.7B.",
        "The Su-30 jets flew.",
        "Mr. Modi met officials on Dec. 4 in the U.S. capital.",
        "No. 5 was approved at Rs. 500 crore.",
    ]


def test_dotted_acronym_before_a_new_sentence():
    assert texts("He visited the U.S. The trip was short.") == [
        "He visited the U.S.",
        "The trip was short.",
    ]


def test_quotation_of_several_sentences_stays_whole():
    body = "“We are ready. We will sign,” he said. Then he left."
    assert texts(body) == ["“We are ready. We will sign,” he said.", "Then he left."]


def test_sentence_after_closing_quote():
    body = "He said, “Russia is a time-tested partner.” He also said more."
    assert texts(body) == ["He said, “Russia is a time-tested partner.”", "He also said more."]


def test_paragraphs_split_on_newlines_and_bullets_dropped():
    body = "Headline without a stop\n- A bullet item here.\nLast line."
    assert texts(body) == ["Headline without a stop", "A bullet item here.", "Last line."]


def test_empty_and_blank():
    assert split_sentences("") == []
    assert split_sentences(" \n\t \n") == []


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.lists(
        st.sampled_from(
            [
                "Mr.",
                "U.S.",
                "Dec. 4",
                "$68.7B.",
                "Su-30",
                "word",
                "Word",
                ". ",
                "? ",
                "! ",
                "\n",
                "“",
                "”",
                '"',
                " ",
                "  ",
                "...",
                "Inc. The",
                "e.g.",
                "J. Smith",
            ]
        )
        | st.text(max_size=5),
        max_size=40,
    ).map("".join)
)
def test_sentences_cover_increasing_non_overlapping_exact_spans(body):
    previous_end = 0
    for s in split_sentences(body):
        assert body[s.start : s.end] == s.text
        assert s.text and s.text == s.text.strip()
        assert s.start >= previous_end
        previous_end = s.end


def test_a_time_of_day_followed_by_its_day_ends_no_sentence():
    body = "The storm reached the coast at 10 p.m. Tuesday with winds of 90 mph. It weakened."
    assert texts(body) == [
        "The storm reached the coast at 10 p.m. Tuesday with winds of 90 mph.",
        "It weakened.",
    ]
