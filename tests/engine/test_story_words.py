"""An article's topic words, and how they place two reports of one story together."""

import datetime
import io
from dataclasses import replace

import pytest
from django.core.management import CommandError, call_command

from factcheck.engine.extraction import extract_claims
from factcheck.engine.features import ClaimFeatures, article_placing, story_entities
from factcheck.engine.keys import index_keys
from factcheck.engine.matching import SAME_TOPIC, SAME_TOPIC_TWO_NAMES, match
from factcheck.engine.story_words import (
    TABLE_PATH,
    TOPIC_MARK,
    TOPIC_WORDS,
    article_topic,
    load_table,
    topic_similarity,
    topic_weights,
    topic_words,
)
from factcheck.engine.story_words_build import SourceError, build_table
from factcheck.management.commands.build_story_words import DEFAULT_SOURCE

# One ferry story told by a wire and by a maritime trade newsletter: the newsletter names
# only the vessel of the names the wire gives, and talks about tonnage, hulls and surveys.
FERRY_WIRE = (
    "Ferry Corran Star ran aground off Kilbrannan on Sunday with 212 passengers aboard. "
    "The coastguard said 14 passengers were treated for minor injuries after the ferry "
    "struck rocks in heavy swell. Kilbrannan harbour master Ailsa Moffat said the ferry "
    "had left port forty minutes late. Passengers were taken ashore by lifeboat crews from "
    "Kilbrannan and Portavie. The operator, Western Isles Ferries, suspended the route."
)
FERRY_TRADE = (
    "Hull survey ordered after Corran Star grounding. The 4,300-tonne ro-ro ferry grounded "
    "with 212 passengers aboard and a hull breach below the waterline, the Marine Casualty "
    "Board said. Fourteen passengers needed treatment for minor injuries. Lifeboat crews "
    "transferred passengers ashore. Halvard Survey Group found corrosion in two ballast "
    "tanks last spring, the Marine Casualty Board added. Halvard Survey Group will inspect "
    "the hull again. The ferry route stays suspended pending the survey."
)
# Another story of the same week that shares the harbour's name and nothing else.
HARBOUR_COUNCIL = (
    "Kilbrannan council approved a budget of 18 million pounds for Glenview Primary School "
    "on Tuesday. Councillors voted 9 to 3 for the plan, which adds 212 school places by "
    "2028. Council leader Morag Dunsire said Glenview Primary had been full since 2019, and "
    "the Argyll Education Trust said enrolment had grown every year."
)


def features(body: str, published: str = "2026-05-10") -> list[ClaimFeatures]:
    day = datetime.date.fromisoformat(published)
    extracted = extract_claims(body, published=day)
    story = story_entities(extracted)
    names = article_placing(body, "", extracted)
    return [
        ClaimFeatures.from_extracted(e, body, story=story, published=day, article_names=names)
        for e in extracted
    ]


def claim_with(claims: list[ClaimFeatures], words: str) -> ClaimFeatures:
    found = [c for c in claims if words in c.text]
    assert len(found) == 1, [c.text for c in claims]
    return found[0]


def test_topic_words_are_the_stemmed_content_words_in_order():
    assert topic_words("Ferries were grounded; the ferry's passengers walked ashore.") == [
        "ferry",
        "grounded",
        "ferry",
        "passenger",
        "walked",
        "ashore",
    ]
    assert topic_words("It was not. 212 of 300!") == []


def test_a_topic_keeps_its_strongest_words_marked_and_weighted():
    topic = article_topic(FERRY_WIRE, "Ferry runs aground off Kilbrannan")
    assert 0 < len(topic) <= TOPIC_WORDS
    assert all(t.startswith(TOPIC_MARK) for t in topic)
    weights = topic_weights(topic)
    assert list(weights.values()) == sorted(weights.values(), reverse=True)
    # A story's own words outweigh the words every speech uses.
    assert weights["ferry"] > weights.get("said", 0.0)
    # Names are left to the names that place a story.
    assert "kilbrannan" not in weights
    # Normalised over the whole article: a short one, kept whole, is one with itself
    # (to the rounding of its weights); a long one, cut, is less.
    assert topic_similarity(weights, weights) == pytest.approx(1.0, abs=0.01)
    long = topic_weights(article_topic(" ".join([FERRY_WIRE, FERRY_TRADE, HARBOUR_COUNCIL])))
    assert len(long) == TOPIC_WORDS and topic_similarity(long, long) < 0.99
    assert article_topic("") == () and topic_weights(["kilbrannan", "=count:212"]) == {}


def test_two_reports_of_one_story_share_a_topic_two_stories_do_not():
    wire, trade, council = (
        topic_weights(article_topic(text)) for text in (FERRY_WIRE, FERRY_TRADE, HARBOUR_COUNCIL)
    )
    assert topic_similarity(wire, trade) >= SAME_TOPIC
    assert topic_similarity(wire, council) < SAME_TOPIC
    assert topic_similarity(trade, council) < SAME_TOPIC
    assert topic_similarity(wire, trade) == topic_similarity(trade, wire)


def test_a_shared_name_and_topic_place_two_reports_in_one_story():
    wire = claim_with(features(FERRY_WIRE), "212 passengers")
    trade = claim_with(features(FERRY_TRADE, "2026-05-11"), "212 passengers")
    found = match(wire, trade)
    assert "different_stories" not in found.vetoes
    assert found.same_fact


def test_a_shared_name_without_a_shared_topic_keeps_two_stories_apart():
    wire = claim_with(features(FERRY_WIRE), "212 passengers")
    council = claim_with(features(HARBOUR_COUNCIL, "2026-05-12"), "212 school places")
    assert "different_stories" in match(wire, council).vetoes


def test_topic_words_are_not_names_in_a_claims_keys():
    for claim in features(FERRY_TRADE):
        names = tuple(n for n in claim.article_names if not n.startswith(TOPIC_MARK))
        assert len(names) < len(claim.article_names)
        assert index_keys(claim) == index_keys(replace(claim, article_names=names))


def test_the_table_counts_sentences_holding_each_word_byte_for_byte(tmp_path):
    source = tmp_path / "sentences.tsv"
    source.write_text(
        "Sentence_id\tText\tclass_label\n"
        "1\tThe ferry ran aground.\tYes\n"
        "2\tFerries and ferry crews.\tNo\n"
        "3\tThe crews were tired.\tNo\n",
        encoding="utf-8",
    )
    text = build_table(source)
    assert build_table(source) == text
    lines = text.splitlines()
    assert lines[0] == "# story-words/1"
    assert "# documents 3" in lines
    # "ferry" is in two sentences (once each, whatever the count), "crew" in two;
    # "ran" is too short and "aground" in one sentence only.
    assert [line for line in lines if not line.startswith("#")] == ["crew\t2", "ferry\t2"]


def test_the_table_refuses_a_file_without_sentences(tmp_path):
    source = tmp_path / "bad.tsv"
    source.write_text("id\tsentence\n1\tHello.\n", encoding="utf-8")
    with pytest.raises(SourceError, match="no 'Text' column"):
        build_table(source)
    with pytest.raises(CommandError, match="no such file"):
        call_command("build_story_words", str(tmp_path / "missing.tsv"))


def test_the_shipped_table_is_small_names_its_source_and_loads():
    text = TABLE_PATH.read_text(encoding="utf-8")
    assert len(text.encode()) < 200_000
    assert "licensed CC BY 4.0" in text
    table = load_table()
    assert table.documents == 22_500
    assert table.idf("people") < table.idf("school") < table.idf("no-such-word")


def test_the_command_rebuilds_the_shipped_table_byte_for_byte(tmp_path):
    if not DEFAULT_SOURCE.is_file():
        pytest.skip(f"reference sentences not found at {DEFAULT_SOURCE}")
    output = tmp_path / "story_words.tsv"
    out = io.StringIO()
    call_command("build_story_words", "--output", str(output), stdout=out)
    assert "words" in out.getvalue()
    assert output.read_bytes() == TABLE_PATH.read_bytes()


def placed(article_a: tuple[str, ...], article_b: tuple[str, ...]) -> bool:
    """Whether ``match`` places two same-week claims of 212 passengers, whose stories
    share one name, in one story, given their articles' names and topic words."""

    def one(story: tuple[str, ...], article: tuple[str, ...], day: str) -> ClaimFeatures:
        value = {"type": "count", "value": 212, "unit": "passenger", "text": "212 passengers"}
        text = "The ferry carried 212 passengers"
        return ClaimFeatures(text, "quantity", [value], [], text, story, day, article)

    wire = one(("corran star", "ailsa moffat", "portavie"), article_a, "2026-05-10")
    trade = one(("corran star", "halvard survey group", "glenholm"), article_b, "2026-05-11")
    return "different_stories" not in match(wire, trade).vetoes


# Two topics whose cosine (0.6 x 0.25 = 0.15) lies between what two shared names need
# and what one needs.
CLOSE_TOPIC_A = ("~ferry:0.6", "~hull:0.8")
CLOSE_TOPIC_B = ("~ferry:0.25", "~tonnage:0.968")


def test_the_more_names_two_articles_share_the_less_of_their_topic_must_agree():
    assert SAME_TOPIC_TWO_NAMES < 0.15 < SAME_TOPIC
    two_names_a = ("Corran Star", "Kilbrannan", "Ailsa Moffat", *CLOSE_TOPIC_A)
    two_names_b = ("Corran Star", "Kilbrannan", "Halvard Survey Group", *CLOSE_TOPIC_B)
    assert placed(two_names_a, two_names_b)
    one_name_b = ("Corran Star", "Glenholm", "Halvard Survey Group", *CLOSE_TOPIC_B)
    assert not placed(two_names_a, one_name_b)
    # Two names and unrelated topics are two stories of one place.
    assert not placed(two_names_a, (*two_names_b[:3], "~court:0.9", "~verdict:0.43"))
