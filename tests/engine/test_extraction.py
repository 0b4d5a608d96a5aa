import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.engine import extract_claims, extraction
from factcheck.engine.entities import find_entities
from factcheck.engine.extraction import THRESHOLD, score_sentences
from factcheck.engine.types import Kind

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
PUBLISHED = {
    "000": datetime.date(2025, 12, 3),
    "001": datetime.date(2025, 12, 3),
    "002": datetime.date(2025, 12, 4),
    "003": datetime.date(2025, 12, 5),
    "004": datetime.date(2025, 12, 6),
}


@pytest.fixture(autouse=True)
def _raise_errors(monkeypatch):
    # Surface bugs instead of logging and skipping the sentence.
    monkeypatch.setattr(extraction, "RAISE_ERRORS", True)


def seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def claims_of(prefix: str, *, dated: bool = True):
    return extract_claims(seed(prefix), published=PUBLISHED[prefix] if dated else None)


def claim_with(claims, fragment: str):
    found = [c for c in claims if fragment in c.text]
    assert found, f"no claim contains {fragment!r}"
    return found[0]


def values_of(claim, type_: str) -> list[dict]:
    return [v for v in claim.values if v["type"] == type_]


def assert_consistent(body: str, claims) -> None:
    for c in claims:
        assert body[c.start : c.end] == c.text
        assert c.sentence_start <= c.start < c.end <= c.sentence_end
        assert c.text == c.text.strip(" ,;:")
        assert 0.0 <= c.score <= 1.0
        for v in c.values:
            assert body[v["span_start"] : v["span_end"]] == v["text"]


@pytest.mark.parametrize("prefix", sorted(PUBLISHED))
@pytest.mark.parametrize("dated", [True, False])
def test_seed_claims_are_consistent(prefix, dated):
    assert_consistent(seed(prefix), claims_of(prefix, dated=dated))


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003"])
def test_every_report_of_the_commission_has_its_22nd_session(prefix):
    claims = claims_of(prefix)
    matching = [
        (c, v)
        for c in claims
        for v in values_of(c, "ordinal")
        if v["value"] == 22 and v["unit"] in ("session", "commission")
    ]
    assert matching
    claim, _ = matching[0]
    assert claim.kind == Kind.QUANTITY
    assert "22nd" in claim.text


@pytest.mark.parametrize("prefix", ["000", "001"])
def test_putin_visit_dates(prefix):
    claim = claim_with(claims_of(prefix), "December 4-5")
    (date,) = values_of(claim, "date")
    assert (date["start"], date["end"], date["precision"]) == ("2025-12-04", "2025-12-05", "day")
    assert "putin" in claim.entities


def test_scene_setting_and_opinion_score_low():
    body = seed("000")
    scores = {s.text: score for s, score, _ in score_sentences(body)}
    pivotal = next(t for t in scores if "marks a pivotal moment" in t)
    testament = next(t for t in scores if "stands as a testament" in t)
    assert scores[pivotal] < 0.3
    assert scores[testament] < 0.3
    claims = extract_claims(body)
    assert not any("pivotal moment" in c.text or "testament" in c.text for c in claims)


def test_001_anonymous_and_exclusive_sourcing_is_flagged():
    claims = claims_of("001")
    for phrase in (
        "Privileged access to internal Russian documents",
        "private correspondence obtained by this reporter",
        "speaking on condition of anonymity",
        "shared exclusively with select journalists",
        "Sources close to",
        "drawing on classified briefings",
    ):
        claim = claim_with(claims, phrase)
        # A flag beside the kind: a quotation, a dated or counted claim keeps its kind.
        if claim.kind != Kind.QUOTE and not claim.values:
            assert claim.kind == Kind.ANONYMOUS
        assert "anonymous_source" in claim.flags
        assert claim.features["anonymous_source"] > 0
        assert claim.score >= THRESHOLD
    dated = claim_with(claims, "Privileged access")
    assert values_of(dated, "date")[0]["start"] == "2025-12-04"
    assert dated.features["has_date"] > 0


def test_002_agenda_list_is_split_into_one_claim_per_item():
    claims = claims_of("002")
    s400 = claim_with(claims, "S-400")
    (fraction,) = values_of(s400, "fraction")
    assert (fraction["numerator"], fraction["denominator"], fraction["unit"]) == (3, 5, "squadron")
    assert "s-400" in s400.entities
    su30 = claim_with(claims, "Su-30 upgrades")
    su57 = claim_with(claims, "Su-57")
    assert len({s400.start, su30.start, su57.start}) == 3
    assert "su-30" in su30.entities and "su-57" in su57.entities
    assert s400.sentence_start == su30.sentence_start == su57.sentence_start
    assert "S-400" not in su30.text


def test_002_money_and_fiscal_year():
    claims = claims_of("002")
    trade = claim_with(claims, "$68.7B")
    (money,) = values_of(trade, "money")
    assert (money["amount"], money["currency"], money["bound"]) == (68.7e9, "USD", None)
    (fiscal,) = values_of(trade, "fiscal_year")
    assert (fiscal["start"], fiscal["end"]) == ("2024-04-01", "2025-03-31")
    assert trade.kind == Kind.QUANTITY
    assert "trade" in trade.entities
    deficit = claim_with(claims, "$50B+ trade deficit")
    assert values_of(deficit, "money")[0]["bound"] == "min"


def test_002_documents_and_mous_are_two_facts():
    claims = claims_of("002")
    documents = claim_with(claims, "10 inter-governmental documents")
    mous = claim_with(claims, "more than 15 commercial MoUs")
    assert documents is not mous
    assert [(v["value"], v["unit"]) for v in values_of(documents, "count")] == [(10, "document")]
    assert [(v["value"], v["unit"], v["bound"]) for v in values_of(mous, "count")] == [
        (15, "mou", "min")
    ]
    assert documents.features["attribution_verb"] > 0


def test_002_relos_approval_date():
    claim = claim_with(claims_of("002"), "December 2")
    assert claim.kind == Kind.DATE
    assert values_of(claim, "date")[0]["start"] == "2025-12-02"
    assert "relos" in claim.entities
    undated = claim_with(claims_of("002", dated=False), "December 2")
    assert values_of(undated, "date")[0]["precision"] == "day-no-year"


def test_002_quotes_of_both_ministers():
    claims = claims_of("002")
    singh = claim_with(claims, "Russia is a time-tested")
    belousov = claim_with(claims, "Our countries are bound")
    assert singh.kind == belousov.kind == Kind.QUOTE
    assert "singh" in singh.entities
    assert "belousov" in belousov.entities
    assert singh.features["has_quote"] > 0


def test_002_first_visit_since_is_a_comparison_and_thursday_is_dated():
    claims = claims_of("002")
    first = claim_with(claims, "first visit of Putin after 2021")
    assert first.kind == Kind.COMPARISON
    assert values_of(first, "date")[0]["bound"] == "min"
    thursday = claim_with(claims, "Thursday evening")
    assert values_of(thursday, "date")[0]["start"] == "2025-12-04"
    assert {"putin", "modi"} <= set(thursday.entities)


def test_003_quote_and_anniversary():
    claims = claims_of("003")
    quote = claim_with(claims, "solid, time-proven friendship")
    assert quote.kind == Kind.QUOTE
    assert "belousov" in quote.entities
    anniversary = claim_with(claims, "80th anniversary")
    ordinal = values_of(anniversary, "ordinal")[0]
    assert (ordinal["value"], ordinal["unit"]) == (80, "anniversary")
    war = [v for v in values_of(anniversary, "date") if v["text"] == "1941-1945"]
    assert war and (war[0]["start"], war[0]["end"]) == ("1941-01-01", "1945-12-31")


def test_004_trade_target_and_nuclear_plant():
    claims = claims_of("004")
    target = claim_with(claims, "$100 billion by 2030")
    (money,) = values_of(target, "money")
    assert (money["amount"], money["bound"]) == (100e9, "approx")
    (by,) = values_of(target, "date")
    assert (by["start"], by["end"], by["bound"]) == ("2030-01-01", "2030-12-31", "max")
    plants = [
        c
        for c in claims
        if any(v["value"] == 2 and v["unit"] == "plant" for v in values_of(c, "ordinal"))
    ]
    # Stated twice in the article; one claim carries the fact.
    assert len(plants) == 1


def test_named_attribution_becomes_a_claim_of_its_own():
    body = (
        "According to the Russian Ministry of Defense, the visit is not merely a routine "
        "exchange but a pivotal moment."
    )
    (claim,) = extract_claims(body)
    assert claim.kind == Kind.ATTRIBUTION
    assert claim.text == "According to the Russian Ministry of Defense"
    assert "ministry of defence" in claim.entities


def test_kind_priority_and_secondary_features():
    body = (
        "Officials who declined to be named said the deal, worth $5 billion, was signed on May 3."
    )
    # The deal's worth and the day it was signed are two facts, each checked on its own.
    worth, signed = extract_claims(body, published=datetime.date(2025, 5, 10))
    # Unnamed sourcing is a flag: the claim is still a figure, which can
    # corroborate or dispute a named report of the same deal.
    assert worth.kind == Kind.QUANTITY
    assert signed.kind == Kind.DATE
    assert signed.text == "was signed on May 3"
    for claim in (worth, signed):
        assert "anonymous_source" in claim.flags
        assert "anonymous_source" in claim.features
    assert "has_money" in worth.features and "has_date" in signed.features
    assert [v["type"] for v in worth.values] == ["money"]
    assert [v["type"] for v in signed.values] == ["date"]


def test_entities_agree_across_spellings():
    a = find_entities("PM Narendra Modi met Russian President Vladimir Putin.")
    b = find_entities("Modi and Putin met in New Delhi.")
    assert {"modi", "putin"} <= set(a) & set(b)
    c = find_entities("the Russian-Indian Inter-Governmental Commission on Defense")
    d = find_entities("the India-Russia Intergovernmental Commission on Defence")
    assert "india-russia" in c and "india-russia" in d
    assert "intergovernmental commission" in c and "intergovernmental commission" in d


@pytest.mark.parametrize(
    "body",
    [
        "",
        "   \n\n\t",
        "“ unbalanced quote and $5 and 22nd",
        "10^400 and 9999999999999999999999 billion dollars",
        "\u202e\u0000\ufeff🙂 Ω≈ç√∫ 😀 ١٢٣ 一二三 ",
        "Officials said " + ", ".join(f"{i} apples" for i in range(2000)) + ".",
        ("The minister said the deal was worth $5 billion on December 4. " * 800),
    ],
)
def test_odd_inputs_do_not_crash(body):
    assert_consistent(body, extract_claims(body, published=datetime.date(2025, 12, 4)))


BODY_FRAGMENTS = [
    "Su-30",
    "S-400",
    "December 4-5",
    "Dec.",
    "FY25",
    "$68.7B",
    "nearly $100 billion",
    "22nd",
    "three squadrons out of five",
    "said",
    "“",
    "”",
    '"',
    "sources close to",
    "Mr.",
    "U.S.",
    "Thursday",
    "by 2030",
    "more than 15 MoUs",
    "(1941-1945)",
    "according to the Ministry",
    "he said, “Russia is a partner of India.”",
    "Modi",
    "Putin",
    ", ",
    ". ",
    "; ",
    " and ",
    "\n",
    "\n\n",
    "  ",
    "a",
    "the",
    "pivotal",
    "(",
    ")",
]


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.lists(st.sampled_from(BODY_FRAGMENTS) | st.text(max_size=6), max_size=40).map("".join),
    st.one_of(st.none(), st.dates()),
)
def test_claim_invariants(body, published):
    extraction.RAISE_ERRORS = True
    assert_consistent(body, extract_claims(body, published=published))


def test_the_day_something_was_said_is_not_a_figure_of_the_claim():
    body = "The brewery will shut its Leith plant and cut 140 jobs, the owners said on Tuesday."
    (claim,) = extract_claims(body, published=datetime.date(2026, 3, 12))
    assert [v["type"] for v in claim.values] == ["count"]


def test_a_wire_dateline_is_when_the_report_was_filed_not_a_fact():
    body = "HALIFAX, March 12 (NSW) — The port authority approved a C$90m container terminal."
    (claim,) = extract_claims(body, published=datetime.date(2026, 3, 12))
    assert [v["type"] for v in claim.values] == ["money"]


def test_a_deadline_clause_and_a_count_clause_are_two_claims():
    body = "The owners will close the Leith plant by June 30 and cut 140 of its 400 jobs."
    deadline, cuts = extract_claims(body, published=datetime.date(2026, 3, 12))
    assert [v["type"] for v in deadline.values] == ["date"]
    assert "140" in cuts.text and "June" not in cuts.text


def test_the_day_something_was_announced_is_not_a_figure_of_the_claim():
    body = "The owners announced on Tuesday they would shut the Leith plant and cut 140 jobs."
    (claim,) = extract_claims(body, published=datetime.date(2026, 3, 12))
    assert [v["type"] for v in claim.values] == ["count"]


def test_a_clause_ending_a_month_and_a_count_clause_are_two_claims():
    body = "The owners will close the Leith plant by the end of June and cut about 140 jobs."
    deadline, cuts = extract_claims(body, published=datetime.date(2026, 3, 12))
    assert [v["text"] for v in deadline.values] == ["by the end of June"]
    assert "140" in cuts.text and "June" not in cuts.text


def test_a_part_of_a_workforce_and_a_town_size_are_two_claims():
    body = (
        "About 250 of the plant's workers live in Dunrow, a town of 5,200 people, officials said."
    )
    workers, town = extract_claims(body, published=datetime.date(2026, 3, 12))
    assert [v["unit"] for v in workers.values] == ["worker"]
    assert [v["unit"] for v in town.values] == ["person"]


def test_a_colon_or_a_dash_ends_the_first_figures_clause():
    # No function word between the two figures: the colon or the dash is the only cut,
    # and each figure keeps its own verb.
    body = "Profit rose 12%: revenue hit $4.1bn. Turnout reached 64% — 3.1 million voters came."
    profit, revenue, turnout, voters = extract_claims(body, published=datetime.date(2026, 3, 12))
    assert (profit.text, revenue.text) == ("Profit rose 12%", "revenue hit $4.1bn")
    assert (turnout.text, voters.text) == ("Turnout reached 64%", "3.1 million voters came")


def test_a_hyphenated_compound_is_no_place_to_cut_a_sentence():
    body = "Exports grew 4.2% year-on-year to 310 billion yuan in October."
    growth, level = extract_claims(body, published=datetime.date(2026, 3, 12))
    assert growth.text == "Exports grew 4.2% year-on-year"
    assert level.text.startswith("to 310 billion yuan")


def test_the_speakers_i_and_a_number_in_words_are_no_names():
    # A radio transcript: a speaker's label, a number at the line's start, "I'm told".
    found = find_entities(
        "HOST: Twenty-two flights were cancelled, I'm told, and I’ve asked Priya Okafor why.",
        values=[],
    )
    assert "okafor" in found
    assert not {"twenty-two", "i'm", "i’ve", "i've"} & set(found)
    # A number word inside a longer name still belongs to it.
    assert "eleven pines hospital" in find_entities(
        "Staff at Eleven Pines Hospital said so.", values=[]
    )


def test_a_fact_box_entry_is_a_claim_however_short():
    body = (
        "The county's emergency office gave its evening figures on Friday.\n\n"
        "Barns destroyed: 17\n\n"
        "- Containment: 40%\n\n"
        "Updated: 9:40 p.m.\n\n"
        "Helpline: 0808 157 0192\n\n"
        "Crews will work through the night, the office said."
    )
    claims = extract_claims(body, published=datetime.date(2026, 7, 3))
    barns = claim_with(claims, "Barns destroyed: 17")
    assert [(v["value"], v["unit"]) for v in barns.values] == [(17, "barn")]
    assert "short_sentence" not in barns.features
    assert claim_with(claims, "Containment: 40%").kind == Kind.QUANTITY
    # A label with only a time, or a number to dial, is no fact box's figure.
    assert not [c for c in claims if "Updated" in c.text or "0808" in c.text]


def test_a_short_line_without_a_label_is_still_a_fragment():
    body = "The county gave its figures on Friday.\n\nAbout 17 barns.\n\nCrews stayed out."
    claims = extract_claims(body, published=datetime.date(2026, 7, 3))
    assert not [c for c in claims if c.text.startswith("About 17")]


def test_two_equal_figures_in_one_sentence_are_two_claims_but_a_repeated_one_is_not():
    body = (
        "The board has nine seats. Two sitting members were voted out and two did not "
        "stand again, so four of the nine seats go to newcomers. Two sitting members were "
        "voted out, the clerk confirmed."
    )
    claims = extract_claims(body, published=datetime.date(2026, 7, 3))
    twos = [c for c in claims if [v.get("value") for v in c.values] == [2]]
    assert len(twos) == 2
    assert "stand again" in twos[1].text
    assert not [c for c in claims if "clerk" in c.text]


def test_a_stat_lines_entries_are_claims():
    body = (
        "Brackley beat Tarn Vale in Sunday's play-off at Mill Lane, the league said.\n\n"
        "Fouls: Brackley 12, Tarn Vale 9\n\n"
        "Referee: Ana Petrovic"
    )
    claims = extract_claims(body, published=datetime.date(2026, 5, 4))
    fouls = [(v["value"], v["unit"]) for c in claims for v in c.values if v["type"] == "count"]
    assert fouls == [(12, "foul"), (9, "foul")]
