from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.engine.conflicts import comparable, find_conflicts
from factcheck.engine.describe import describe_value
from factcheck.engine.extraction import extract_claims
from factcheck.engine.features import FIGURE_MARK, ClaimFeatures, story_entities
from factcheck.engine.keys import index_keys
from factcheck.engine.matching import could_match, match
from factcheck.engine.types import ExtractedClaim, Kind
from factcheck.engine.values import _same_amount
from sources.parsing import parse_text


def claim(text: str, kind: str, values: list[dict], entities: list[str]) -> ClaimFeatures:
    return ClaimFeatures(text=text, kind=kind, values=values, entities=entities, context=text)


def ordinal(text: str, n: int, unit: str) -> dict:
    return {"type": "ordinal", "value": n, "unit": unit, "text": text}


def money(text: str, amount: float, bound: str | None = None, currency: str = "USD") -> dict:
    return {"type": "money", "amount": amount, "currency": currency, "bound": bound, "text": text}


def day_range(text: str, start: str, end: str) -> dict:
    return {"type": "date", "start": start, "end": end, "precision": "day", "text": text}


def fraction(n: int, d: int, unit: str = "squadron") -> dict:
    return {"type": "fraction", "numerator": n, "denominator": d, "unit": unit}


FY25 = {"type": "fiscal_year", "start": "2024-04-01", "end": "2025-03-31", "label": "FY2024-25"}

SESSIONS = [
    claim(
        "As Belousov prepares to attend the 22nd session of the Russia-India Intergovernmental "
        "Commission on Military and Technical Cooperation, the focus will be on reviewing past "
        "achievements.",
        "quantity",
        [ordinal("22nd session", 22, "session")],
        ["belousov", "india-russia", "intergovernmental commission", "session"],
    ),
    claim(
        "The 22nd session of the Russian-Indian intergovernmental commission on military and "
        "military-technical cooperation will serve as a platform to assess progress on joint "
        "projects.",
        "quantity",
        [ordinal("22nd session", 22, "session")],
        ["india-russia", "session"],
    ),
    claim(
        "Defense Ministers Rajnath Singh and Andrei Belousov today co-chaired the 22nd "
        "India-Russia Inter-Governmental Commission on Military and Military Technical "
        "Cooperation.",
        "quantity",
        [ordinal("22nd India-Russia Inter-Governmental Commission", 22, "commission")],
        ["singh", "belousov", "india-russia", "intergovernmental commission", "commission"],
    ),
    claim(
        "Russian Defence Minister Andrei Belousov reaffirmed the enduring strength of the "
        "relationship between Russia and India during the 22nd India-Russia Inter-Governmental "
        "Commission on Military and Military Technical Cooperation ministerial meeting.",
        "quantity",
        [ordinal("22nd India-Russia Inter-Governmental Commission", 22, "commission")],
        ["russia", "belousov", "india", "india-russia", "intergovernmental commission"],
    ),
]

SUMMIT_23 = claim(
    "The meeting was held ahead of President Vladimir Putin’s two-day official visit for the "
    "23rd annual summit.",
    "quantity",
    [ordinal("23rd annual summit", 23, "summit")],
    ["putin", "summit"],
)

VISIT_A = claim(
    "The upcoming visit of Russian President Vladimir Putin to India, scheduled for December 4-5, "
    "further highlights the strategic importance of this partnership.",
    "date",
    [day_range("December 4-5", "2025-12-04", "2025-12-05")],
    ["russia", "putin", "india"],
)
VISIT_B = claim(
    "Privileged access to internal Russian documents reveals that the upcoming visit by President "
    "Vladimir Putin to India, scheduled for December 4-5, is being framed as a cornerstone.",
    "anonymous",
    [day_range("December 4-5", "2025-12-04", "2025-12-05")],
    ["russia", "putin", "india"],
)
VISIT_C = claim(
    "Putin will visit India on December 5-6 for the annual summit.",
    "date",
    [day_range("December 5-6", "2025-12-05", "2025-12-06")],
    ["putin", "india"],
)

TRADE_FY25 = claim(
    "This rapprochement strengthens the decades-long partnership, with bilateral trade reaching "
    "$68.7B in FY25, and an eye on multipolar stability.",
    "quantity",
    [money("$68.7B", 68.7e9), {**FY25, "text": "FY25"}],
    ["trade"],
)
TRADE_2024_25 = claim(
    "India and Russia recorded bilateral trade of $65.7 billion in 2024-25, officials said.",
    "quantity",
    [money("$65.7 billion", 65.7e9), {**FY25, "text": "2024-25"}],
    ["india", "russia", "trade"],
)
DEFICIT = claim(
    "They aim to reduce India’s $50B+ trade deficit by increasing exports in pharmaceuticals, "
    "automobiles, marine products and agriculture.",
    "quantity",
    [money("$50B+", 50e9, "min")],
    ["india", "trade", "deficit"],
)
TARGET = claim(
    "Economically, India and Russia are setting an ambitious target: boosting bilateral trade to "
    "nearly $100 billion by 2030.",
    "quantity",
    [
        money("nearly $100 billion", 100e9, "approx"),
        {
            "type": "date",
            "start": "2030-01-01",
            "end": "2030-12-31",
            "precision": "year",
            "text": "by 2030",
        },
    ],
    ["india", "russia", "trade"],
)

SINGH_QUOTE = claim(
    "Praising the growth of the partnership, he said, “Russia is a time-tested, special, "
    "privileged and strategic partner of India.”",
    "quote",
    [],
    ["russia", "india", "singh"],
)
BELOUSOV_QUOTE = claim(
    "Belousov emphasised that the bond between Russia and India goes beyond diplomatic ties, "
    "describing it as a “solid, time-proven friendship.”",
    "quote",
    [],
    ["belousov", "russia", "india"],
)


def test_four_wordings_of_the_22nd_session_are_one_fact():
    for a in SESSIONS:
        for b in SESSIONS:
            if a is not b:
                result = match(a, b)
                assert result.same_fact, (a.text, b.text, result)


def test_the_22nd_session_and_the_23rd_summit_are_different_facts():
    for a in SESSIONS:
        result = match(a, SUMMIT_23)
        assert not result.same_fact
    assert not index_keys(SESSIONS[0]) & index_keys(SUMMIT_23)


def test_the_22nd_session_wordings_meet_through_their_keys():
    for a in SESSIONS:
        for b in SESSIONS:
            assert index_keys(a) & index_keys(b)


def test_two_wordings_of_the_visit_dates_are_one_fact():
    result = match(VISIT_A, VISIT_B)
    assert result.same_fact
    assert index_keys(VISIT_A) & index_keys(VISIT_B)
    assert not find_conflicts(VISIT_A.values, VISIT_B.values)


def test_different_dates_for_the_visit_are_one_fact_in_dispute():
    result = match(VISIT_A, VISIT_C)
    assert result.same_fact
    assert index_keys(VISIT_A) & index_keys(VISIT_C)
    [conflict] = find_conflicts(VISIT_A.values, VISIT_C.values)
    assert conflict.description == "4–5 December 2025 vs 5–6 December 2025"


def test_conflicting_trade_figures_are_one_fact():
    result = match(TRADE_FY25, TRADE_2024_25)
    assert result.same_fact, result
    assert index_keys(TRADE_FY25) & index_keys(TRADE_2024_25)
    [conflict] = find_conflicts(TRADE_FY25.values, TRADE_2024_25.values)
    assert conflict.kind == "money"
    assert conflict.description == "$68.7 billion vs $65.7 billion"


def test_a_trade_deficit_is_not_the_trade_total():
    result = match(DEFICIT, TRADE_FY25)
    assert not result.same_fact
    assert any("balance" in r for r in result.reasons)


def test_a_target_is_not_the_actual_figure():
    for actual in (TRADE_FY25, TRADE_2024_25):
        result = match(TARGET, actual)
        assert not result.same_fact
        assert any("target" in r or "period" in r for r in result.reasons)


def test_quotes_by_different_people_are_different_facts():
    result = match(SINGH_QUOTE, BELOUSOV_QUOTE)
    assert not result.same_fact
    assert "different quotations" in result.reasons


def test_the_same_quote_reported_twice_is_one_fact():
    other = claim(
        "“Russia is a time-tested, special, privileged and strategic partner of India,” Rajnath "
        "Singh told reporters in New Delhi.",
        "quote",
        [],
        ["russia", "india", "rajnath singh", "new delhi"],
    )
    assert match(SINGH_QUOTE, other).same_fact


def test_keys_are_value_agnostic_but_specific():
    cheaper = claim(
        "Bilateral trade reached $12 billion in FY25.",
        "quantity",
        [money("$12 billion", 12e9), {**FY25, "text": "FY25"}],
        ["trade"],
    )
    assert index_keys(TRADE_FY25) & index_keys(cheaper)
    three = claim(
        "Russia delivered 3 of 5 S-400 squadrons.", "quantity", [fraction(3, 5)], ["s-400"]
    )
    four = claim(
        "Four of five S-400 squadrons have arrived.", "quantity", [fraction(4, 5)], ["s-400"]
    )
    assert "fraction:squadron:s-400" in index_keys(three) & index_keys(four)
    for f in [*SESSIONS, VISIT_A, TRADE_FY25, DEFICIT, SINGH_QUOTE, three]:
        for key in index_keys(f):
            # Never a lone entity: every key combines a type or a second name.
            assert ":" in key
            assert key.split(":", 1)[1]


def count(text: str, value: float, unit: str, bound: str | None = None) -> dict:
    return {"type": "count", "value": value, "unit": unit, "text": text, "bound": bound}


def test_an_exact_large_count_meets_its_other_wording_whatever_the_names_around_it():
    # Two outlets name the story differently (the operator, the city) and the unit
    # differently ("visitors", "admissions"): only the exact figure is common.
    museum = ClaimFeatures(
        text="The Ostrava museum expects 187,500 visitors in its first year.",
        kind="quantity",
        values=[count("187,500 visitors", 187500, "visitor")],
        entities=["ostrava", "museum"],
        context="The Ostrava museum expects 187,500 visitors in its first year.",
        story=("ostrava", "moravia"),
    )
    trust = ClaimFeatures(
        text="Silesian Heritage Trust forecasts some 1.875 lakh admissions a year.",
        kind="quantity",
        values=[count("187,500 admissions", 187500, "admission")],
        entities=["silesian heritage trust"],
        context="Silesian Heritage Trust forecasts 187,500 admissions in year one.",
        story=("silesian heritage trust",),
    )
    assert "figure:187500" in index_keys(museum) & index_keys(trust)
    # A round or small count is no key of its own: many stories share it.
    round_count = claim(
        "About 200,000 people marched.", "quantity", [count("200,000", 2e5, "people")], []
    )
    assert not any(k.startswith("figure:") for k in index_keys(round_count))


def test_claims_without_values_get_entity_pair_and_quotation_keys():
    keys = index_keys(SINGH_QUOTE)
    assert "pair:india|singh" in keys
    assert "quote:russia-time-tested-special" in keys
    assert all(k.startswith(("pair:", "quote:")) for k in keys)


def test_a_quotation_reported_twice_meets_through_its_words():
    other = claim(
        "Speaking to reporters, Singh said: “Russia is a time-tested, special, privileged and "
        "strategic partner of India.”",
        "quote",
        [],
        ["singh"],
    )
    assert {k for k in index_keys(SINGH_QUOTE) & index_keys(other) if k.startswith("quote:")}


PHASES = "Voting was conducted in seven phases"


def phases(n: int, story: tuple[str, ...], published: str) -> ClaimFeatures:
    value = {"type": "count", "value": float(n), "unit": "phase", "text": "seven phases"}
    return ClaimFeatures(PHASES, "quantity", [value], ["phase"], PHASES, story, published)


def test_a_claim_that_names_nothing_is_placed_by_its_story():
    mexico = ("mexico", "claudia lopez", "sonora")
    in_mexico = phases(7, mexico, "2024-06-03")
    assert match(in_mexico, phases(7, mexico, "2024-06-04")).same_fact
    result = match(in_mexico, phases(7, ("kenya", "wanjiru kamau", "rift valley"), "2024-06-04"))
    assert not result.same_fact
    assert "different stories" in result.reasons
    # Keyed on the story too, so the Mexican reports meet each other first.
    assert "count:phase:mexico" in index_keys(in_mexico)


def test_claims_naming_the_same_two_names_share_a_story_whatever_each_outlet_calls_it():
    def toll(text: str, names: list[str], story: tuple[str, ...]) -> ClaimFeatures:
        value = {"type": "count", "value": 11.0, "unit": "people", "text": "11 people"}
        return ClaimFeatures(text, "quantity", [value], names, text, story, "2025-10-02")

    # One outlet's story is the towns it reports from, the other's the agencies it
    # quotes: the stories share one name, the claims name the same two among others.
    wire = toll(
        "Typhoon Kalani has killed 11 people in Luzon, officials in Aparri, Tuguegarao "
        "and Ilagan said.",
        ["typhoon kalani", "luzon", "aparri", "tuguegarao", "ilagan"],
        ("aparri", "typhoon kalani", "cagayan river", "tuguegarao"),
    )
    paper = toll(
        "At least 11 people died in Luzon as Typhoon Kalani crossed the island.",
        ["luzon", "typhoon kalani"],
        ("pagasa", "typhoon kalani", "ndrrmc", "marcos"),
    )
    result = match(wire, paper)
    assert "different stories" not in result.reasons
    assert result.same_fact
    # One shared name alone still places nothing (two chief executives called Costa).
    crash = toll(
        "11 people were hurt when a bus overturned near Aparri, police said.",
        ["aparri"],
        ("aparri", "typhoon kalani"),
    )
    assert "different stories" in match(crash, paper).reasons


def test_articles_sharing_three_names_place_their_claims_in_one_story():
    def wells(story: tuple[str, ...], names: tuple[str, ...], day: str) -> ClaimFeatures:
        text = "Crews have capped 14 wells"
        value = {"type": "count", "value": 14.0, "unit": "well", "text": "14 wells"}
        return ClaimFeatures(text, "quantity", [value], ["well"], text, story, day, names)

    # The trade paper's main names are the regulator's, the wire's the operator's and the
    # field's; both articles name the field, the operator and the regulator somewhere.
    wire = wells(
        ("harrowgate field", "orsk petroleum", "tamsin reyes"),
        ("harrowgate field", "orsk petroleum", "tamsin reyes", "offshore energy board"),
        "2026-04-02",
    )
    trade = wells(
        ("offshore energy board", "regulation 12", "permit"),
        ("offshore energy board", "regulation 12", "orsk petroleum", "harrowgate field"),
        "2026-04-03",
    )
    result = match(wire, trade)
    assert "different stories" not in result.reasons
    assert result.same_fact
    # Two shared names are not enough (two stories of one region share a city and a
    # regulator), nor are three a month apart, when only the stories themselves vouch.
    other = wells(
        ("kestrel basin", "marrow oil"),
        ("kestrel basin", "marrow oil", "offshore energy board", "harrowgate field"),
        "2026-04-03",
    )
    assert "different stories" in match(wire, other).reasons
    later = wells(trade.story, trade.article_names, "2026-05-20")
    assert "different stories" in match(wire, later).reasons


def test_weeks_apart_articles_sharing_five_names_are_still_one_story():
    def wells(story: tuple[str, ...], names: tuple[str, ...], day: str) -> ClaimFeatures:
        text = "Crews have capped 14 wells"
        value = {"type": "count", "value": 14.0, "unit": "well", "text": "14 wells"}
        return ClaimFeatures(text, "quantity", [value], ["well"], text, story, day, names)

    names = ("harrowgate field", "orsk petroleum", "tamsin reyes", "offshore energy board")
    first = wells(("harrowgate field", "orsk petroleum"), (*names, "kestrel basin"), "2026-04-02")
    # Three weeks on, a follow-up whose own top names differ but whose article names
    # five of the first one's.
    follow_up = wells(
        ("offshore energy board", "regulation 12"), ("kestrel basin", *names), "2026-04-24"
    )
    assert "different stories" not in match(first, follow_up).reasons
    # Four shared names weeks apart are not enough.
    fewer = wells(follow_up.story, (*names[:3], "kestrel basin"), "2026-04-24")
    assert "different stories" in match(first, fewer).reasons


def test_claims_of_articles_naming_one_story_meet_whatever_the_claims_name():
    def drop(text: str, entities: list[str], story: tuple[str, ...]) -> ClaimFeatures:
        value = {"type": "percent", "value": 9.8, "text": "9.8%"}
        names = ("orvane telecom", "lisbon", "carla mendes", "euronext")
        return ClaimFeatures(text, "quantity", [value], entities, text, story, "2026-05-04", names)

    # The wire's claim names the stock, the paper's the company; their stories differ,
    # their articles name the same company and exchange.
    wire = drop("the stock closed down 9.8%", ["stock"], ("analysts", "q1"))
    paper = drop("Orvane shares fell 9.8 per cent", ["orvane", "share"], ("orvane", "lisbon"))
    shared = index_keys(wire) & index_keys(paper)
    assert "percent:orvane telecom" in shared
    # Never the bare type, nor a key from an unspecific name.
    assert not any(k in ("percent", "percent:") for k in index_keys(wire))


def test_only_the_words_next_to_a_figure_say_what_kind_of_figure_it_is():
    def budget(text: str, amount: float, surface: str) -> ClaimFeatures:
        value = {"type": "money", "amount": amount, "currency": "GBP", "text": surface}
        return ClaimFeatures(text, "quantity", [value], ["budget"], text, ("dunmere",))

    plain = budget("Dunmere's budget will be £612.4m next year", 612.4e6, "£612.4m")
    # The gap the budget closes is another figure: the budget is no balance.
    closing = budget("The £612.4m budget closes a funding gap", 612.4e6, "£612.4m")
    assert "different_qualifiers" not in match(plain, closing).vetoes
    gap = budget("Dunmere must close a £612.4m funding gap", 612.4e6, "£612.4m")
    assert match(plain, gap).veto == "different_qualifiers"


def story_claim(text: str, day: str, story: tuple[str, ...]) -> ClaimFeatures:
    """The one claim of ``text``, placed in ``story`` and published on ``day``."""
    (found,) = extract_claims(text)
    return ClaimFeatures.from_extracted(found, text, story=story, published=day)


def test_two_counts_of_one_storys_dead_are_one_toll_however_worded():
    story = ("storm kerra", "ballymoor")
    early = story_claim(
        "The storm hit Ballymoor late on Sunday, killing at least five people.",
        "2026-01-12",
        story,
    )
    later = story_claim(
        "Eight people are now dead and the river is still rising.", "2026-01-13", story
    )
    hurt = story_claim("Rescuers said 40 people were injured in the town.", "2026-01-13", story)
    result = match(early, later)
    assert (result.same_fact, result.rule) == (True, "same_toll")
    assert "the death toll of one story" in result.reasons
    # The injured are another toll.
    assert match(early, hurt).rule != "same_toll"
    # Without a story to place them, two counts of dead are not one toll.
    unplaced = ClaimFeatures(later.text, later.kind, later.values, later.entities, later.context)
    assert match(early, unplaced).rule != "same_toll"


def test_two_counts_of_one_storys_missing_are_one_count_however_worded():
    story = ("mount arvel", "arvel glacier")
    first = story_claim(
        "The avalanche on Mount Arvel left 11 skiers missing, police said.", "2026-02-02", story
    )
    later = story_claim(
        "By nightfall rescue teams with dogs had found four, but six people were still "
        "unaccounted for.",
        "2026-02-03",
        story,
    )
    result = match(first, later)
    assert (result.same_fact, result.rule) == (True, "same_toll")
    assert "the count of the missing of one story" in result.reasons


def test_reports_far_apart_in_time_are_kept_apart():
    story = ("mexico", "claudia lopez", "sonora")
    result = match(phases(7, story, "2024-06-03"), phases(7, story, "2024-09-03"))
    assert not result.same_fact
    assert "reported 92 days apart" in result.reasons


def test_a_figure_and_a_statement_without_one_are_two_facts():
    order = claim(
        "India's purchase of XA-75 helicopters from Saudi Arabia is back in focus.",
        "attribution",
        [],
        ["india", "xa-75", "saudi arabia"],
    )
    price = claim(
        "India is paying $4.73B for the XA-75 helicopters from Saudi Arabia.",
        "quantity",
        [money("$4.73B", 4.73e9)],
        ["india", "xa-75", "saudi arabia"],
    )
    result = match(order, price)
    assert not result.same_fact
    assert "only one of them gives a figure" in result.reasons


def test_story_entities_keeps_names_not_units():
    def extracted(text: str, entities: list[str]) -> ExtractedClaim:
        return ExtractedClaim(0, len(text), text, Kind.QUANTITY, 0.5, entities=entities)

    claims = [
        extracted(
            "Voting in Mexico's Sonora state was held in seven phases.",
            ["mexico", "sonora", "phase"],
        ),
        extracted(
            "Turnout in Sonora was 61%, Claudia Lopez said.", ["sonora", "turnout", "claudia lopez"]
        ),
        extracted(
            "“Demand held up,” Lopez said of the US$5 billion plan.", ["demand", "lopez", "us"]
        ),
    ]
    assert story_entities(claims) == ("sonora", "mexico", "claudia lopez", "lopez")


def test_money_conflicts_respect_bounds_and_tolerance():
    assert not find_conflicts([money("$50B+", 50e9, "min")], [money("$55 billion", 55e9)])
    assert find_conflicts([money("$50B+", 50e9, "min")], [money("$40 billion", 40e9)])
    assert not find_conflicts([money("nearly $100B", 100e9, "approx")], [money("$95B", 95e9)])
    assert find_conflicts([money("nearly $100B", 100e9, "approx")], [money("$80B", 80e9)])
    assert not find_conflicts([money("$68.7B", 68.7e9)], [money("$68.66 billion", 68.66e9)])
    assert find_conflicts([money("$68.7B", 68.7e9)], [money("$65.7 billion", 65.7e9)])
    # Different currencies are not compared.
    assert not find_conflicts([money("$5B", 5e9)], [money("₹500 crore", 5e9, currency="INR")])


def test_fraction_ordinal_and_fiscal_year_conflicts():
    [c] = find_conflicts([fraction(3, 5)], [fraction(4, 5)])
    assert c.description == "3 of 5 squadrons vs 4 of 5 squadrons"
    assert not find_conflicts([fraction(3, 5)], [fraction(3, 5, "battery")])
    assert find_conflicts([ordinal("22nd", 22, "session")], [ordinal("21st", 21, "session")])
    fy24 = {"type": "fiscal_year", "start": "2023-04-01", "end": "2024-03-31", "label": "FY2023-24"}
    [c] = find_conflicts([FY25], [fy24])
    assert c.description == "FY2024-25 vs FY2023-24"


def test_parts_of_wholes_told_differently_compare_as_shares():
    def rate(n, d, text, bound=None):
        return {**fraction(n, d, "tenant"), "text": text, "bound": bound}

    # "roughly 3 in every 10" is 30 per cent give or take its step: 296 of 1,000 agrees.
    assert not find_conflicts(
        [rate(3, 10, "roughly 3 in every 10", "approx")], [rate(296, 1000, "296 of 1,000")]
    )
    # "two-thirds" and "12 of 18" are one share.
    assert not find_conflicts([rate(2, 3, "two-thirds")], [rate(12, 18, "12 of the 18")])
    [c] = find_conflicts([rate(1, 4, "one in four")], [rate(12, 18, "12 of the 18")])
    assert c.kind == "fraction"
    assert _same_amount(rate(2, 3, "two-thirds"), rate(12, 18, "12 of the 18"))
    assert not _same_amount(rate(1, 4, "one in four"), rate(12, 18, "12 of the 18"))


def test_dates_of_different_precision_conflict_only_when_disjoint():
    december = {"type": "date", "start": "2025-12-01", "end": "2025-12-31", "precision": "month"}
    november = {"type": "date", "start": "2025-11-01", "end": "2025-11-30", "precision": "month"}
    assert not find_conflicts([VISIT_A.values[0]], [december])
    assert find_conflicts([VISIT_A.values[0]], [november])
    no_year = {"type": "date", "start": "--12-04", "end": "--12-05", "precision": "day-no-year"}
    assert not find_conflicts([VISIT_A.values[0]], [no_year])
    assert find_conflicts([VISIT_C.values[0]], [no_year])


def test_several_values_per_slot_are_paired_in_order():
    growth = {"type": "percent", "value": 6.5, "start": 10}
    inflation = {"type": "percent", "value": 4.0, "start": 40}
    assert not find_conflicts([growth, inflation], [dict(growth), dict(inflation)])
    [c] = find_conflicts([growth, inflation], [dict(growth), {**inflation, "value": 5.5}])
    assert c.description == "4% vs 5.5%"
    # One figure against several: a conflict only if it agrees with none.
    assert not find_conflicts([growth], [dict(growth), dict(inflation)])


def test_describe_value():
    assert describe_value(money("$68.7B", 68.7e9)) == "$68.7 billion"
    assert describe_value(money("₹19,000 crore", 190e9, currency="INR")) == "INR 190 billion"
    assert describe_value(money("$50B+", 50e9, "min")) == "more than $50 billion"
    assert describe_value(money("nearly $100B", 100e9, "approx")) == "about $100 billion"
    assert describe_value(money("€450m", 450e6, currency="EUR")) == "€450 million"
    assert describe_value(fraction(3, 5)) == "3 of 5 squadrons"
    assert describe_value({"type": "count", "value": 10.0, "unit": "document"}) == "10 documents"
    assert describe_value({"type": "count", "value": 1.0, "unit": "treaty"}) == "1 treaty"
    assert describe_value({"type": "count", "value": 3.0, "unit": "battery"}) == "3 batteries"
    assert describe_value({"type": "percent", "value": 12.5}) == "12.5%"
    assert describe_value(ordinal("22nd", 22, "session")) == "22nd session"
    assert describe_value(ordinal("23rd", 23, "summit")) == "23rd summit"
    assert describe_value(ordinal("11th", 11, "round")) == "11th round"
    assert describe_value(VISIT_A.values[0]) == "4–5 December 2025"
    single = {"type": "date", "start": "2025-12-02", "end": "2025-12-02", "precision": "day"}
    assert describe_value(single) == "2 December 2025"
    month = {"type": "date", "start": "2025-12-01", "end": "2025-12-31", "precision": "month"}
    assert describe_value(month) == "December 2025"
    year = {"type": "date", "start": "2030-01-01", "end": "2030-12-31", "precision": "year"}
    assert describe_value(year) == "2030"
    assert describe_value(
        {"type": "date", "start": "--12-04", "end": "--12-05", "precision": "day-no-year"}
    ) == ("4–5 December")
    assert describe_value(FY25) == "FY2024-25"
    assert describe_value({"type": "mystery", "text": "lots"}) == "lots"


def test_from_extracted_uses_the_sentence_when_given_the_body():
    body = "Intro. Putin will visit India on December 4-5, officials said. Outro."
    start = body.index("Putin")
    end = body.index(" Outro")
    extracted = ExtractedClaim(
        start=start,
        end=start + len("Putin will visit India on December 4-5"),
        text="Putin will visit India on December 4-5",
        kind=Kind.DATE,
        score=0.9,
        values=[day_range("December 4-5", "2025-12-04", "2025-12-05")],
        entities=["putin", "india"],
        sentence_start=start,
        sentence_end=end,
    )
    f = ClaimFeatures.from_extracted(extracted, body)
    assert f.kind == "date"
    assert f.context == body[start:end]
    assert ClaimFeatures.from_extracted(extracted).context == extracted.text
    assert match(f, VISIT_A).same_fact


value_dicts = st.one_of(
    st.builds(
        money,
        st.sampled_from(["$5B", "$68.7B", "€2 million", ""]),
        st.floats(min_value=0, max_value=1e13),
        st.sampled_from([None, "min", "max", "approx"]),
    ),
    st.builds(fraction, st.integers(0, 12), st.integers(1, 12), st.sampled_from(["squadron", ""])),
    st.builds(
        ordinal,
        st.sampled_from(["22nd", "3rd", "x"]),
        st.integers(0, 40),
        st.sampled_from(["session", ""]),
    ),
    st.builds(
        day_range,
        st.sampled_from(["December 4-5", "today"]),
        st.sampled_from(["2025-12-04", "2025-12-05", "bad"]),
        st.sampled_from(["2025-12-05", "2025-12-06", ""]),
    ),
    st.fixed_dictionaries({"type": st.just("percent"), "value": st.floats(-100, 100)}),
    st.fixed_dictionaries(
        {"type": st.just("count"), "value": st.floats(0, 1e6), "unit": st.sampled_from(["", "mou"])}
    ),
    st.just(FY25),
    st.dictionaries(st.sampled_from(["type", "text", "value"]), st.text(max_size=5), max_size=3),
)
features = st.builds(
    ClaimFeatures,
    text=st.text(max_size=80),
    kind=st.sampled_from(
        ["quantity", "date", "quote", "attribution", "anonymous", "comparison", "x"]
    ),
    values=st.lists(value_dicts, max_size=3),
    entities=st.lists(
        st.sampled_from(["india", "russia", "india-russia", "s-400", "trade", "", "-"]), max_size=4
    ),
    context=st.one_of(
        st.text(max_size=120), st.sampled_from([VISIT_A.context, SINGH_QUOTE.context])
    ),
)


@given(features, features)
@settings(max_examples=100, deadline=None)
def test_match_never_crashes_and_is_symmetric(a, b):
    ab, ba = match(a, b), match(b, a)
    assert 0.0 <= ab.score <= 1.0
    assert ab.score == ba.score
    assert ab.same_fact == ba.same_fact
    index_keys(a)
    for c in find_conflicts(a.values, b.values):
        assert " vs " in c.description


def test_every_example_claim_matches_itself():
    examples = [*SESSIONS, SUMMIT_23, VISIT_A, VISIT_B, VISIT_C, TRADE_FY25, TRADE_2024_25]
    examples += [DEFICIT, TARGET, SINGH_QUOTE, BELOUSOV_QUOTE]
    for a in examples:
        assert match(a, a).same_fact, a.text


def test_figures_far_apart_in_different_words_are_two_measures():
    story = ("egypt", "cairo")
    total = ClaimFeatures(
        "Total expenditure for 2024 is pegged at $586 billion",
        "quantity",
        [money("$586 billion", 586e9)],
        ["total", "expenditure"],
        "Total expenditure for 2024 is pegged at $586 billion",
        story,
    )
    defence = ClaimFeatures(
        "Of the total, $52.7 billion is set aside for defence",
        "quantity",
        [money("$52.7 billion", 52.7e9)],
        ["total", "defence"],
        "Of the total, $52.7 billion is set aside for defence",
        story,
    )
    result = match(total, defence)
    assert not result.same_fact
    assert "figures far apart ($586 billion vs $52.7 billion)" in result.reasons


def test_a_far_off_figure_in_the_same_words_is_still_a_dispute():
    a = claim("India's trade deficit stands at $50B", "quantity", [money("$50B", 50e9)], ["india"])
    b = claim("India's trade deficit stands at $5B", "quantity", [money("$5B", 5e9)], ["india"])
    assert match(a, b).same_fact


def test_a_weekly_and_a_yearly_wage_that_agree_are_no_dispute():
    weekly = {"type": "money", "amount": 95000.0, "currency": "GBP", "bound": None, "per": "week"}
    yearly = {"type": "money", "amount": 4.9e6, "currency": "GBP", "bound": "approx", "per": "year"}
    double = {**yearly, "amount": 9.8e6}
    assert find_conflicts([weekly], [yearly]) == []
    assert find_conflicts([weekly], [double]), "a wage twice as high is a dispute"
    assert describe_value(weekly) == "£95,000 a week"


BRIDGE_QUOTE = claim(
    "“The new bridge will put the container port within 20 minutes of the city centre,” "
    "said Mayor Duarte",
    "quote",
    [],
    ["duarte"],
)


def test_a_statement_telling_most_of_a_quotation_reports_that_quotation():
    told = claim(
        "Duarte, who faces a tight re-election race against two rivals next spring, told local "
        "radio that the crossing puts the container port less than 20 minutes from the city",
        "quantity",
        [],
        ["duarte"],
    )
    result = match(BRIDGE_QUOTE, told)
    assert result.same_fact, result.reasons
    assert any("paraphrase of the quotation" in r for r in result.reasons)


def test_another_statement_by_the_same_speaker_is_not_the_quotation():
    other = claim(
        "Duarte said the container port will hire 300 dockers next spring",
        "quantity",
        [],
        ["duarte"],
    )
    result = match(BRIDGE_QUOTE, other)
    assert not result.same_fact
    assert result.veto == "quotation_and_statement"


def _money(text: str, amount: float, currency: str, *, unstated: bool = False) -> dict:
    value = money(text, amount, currency=currency)
    if unstated:
        value["dollar"] = "unstated"
    return value


def test_a_bare_dollar_sign_compares_with_any_dollar():
    wire = [_money("A$2.3 billion", 2.3e9, "AUD")]
    local = [_money("$2.3bn", 2.3e9, "USD", unstated=True)]
    local_other = [_money("$2.9bn", 2.9e9, "USD", unstated=True)]
    assert not find_conflicts(wire, local)
    [conflict] = find_conflicts(wire, local_other)
    assert conflict.kind == "money"


def test_dollars_of_two_named_countries_are_never_compared():
    aud = [_money("A$2.3 billion", 2.3e9, "AUD")]
    usd = [_money("US$2.9 billion", 2.9e9, "USD")]
    assert not find_conflicts(aud, usd)


def test_an_age_meets_no_duration_and_reads_as_an_age():
    age = count("23", 23, "age")
    contract = count("four-year", 4, "year")
    assert not find_conflicts([age], [contract])
    assert find_conflicts([age], [count("24", 24, "age")])
    assert describe_value(age) == "aged 23"


def test_parts_of_different_wholes_far_apart_are_two_facts():
    story = ("hartwell", "water board")
    lab = ClaimFeatures(
        "The Hartwell lab found lead in seven of the 12 wells it tested",
        "quantity",
        [fraction(7, 12, "well")],
        ["hartwell", "lab", "lead"],
        "The Hartwell lab found lead in seven of the 12 wells it tested",
        story,
    )
    county = ClaimFeatures(
        "9 of them in Hartwell district",
        "quantity",
        [fraction(9, 140, "well")],
        ["hartwell"],
        "The water board listed 140 wells as unsafe, 9 of them in Hartwell district",
        story,
    )
    result = match(lab, county)
    assert not result.same_fact
    assert "figures far apart (7 of 12 wells vs 9 of 140 wells)" in result.reasons


def test_parts_of_one_whole_are_never_far_apart():
    a = claim(
        "The lab found lead in two of the 12 wells", "quantity", [fraction(2, 12, "well")], []
    )
    b = claim(
        "The lab found lead in nine of the 12 wells", "quantity", [fraction(9, 12, "well")], []
    )
    assert "far apart" not in " ".join(match(a, b).reasons)
    third = claim("Two-thirds of the wells had lead", "quantity", [fraction(2, 3, "")], [])
    eight = claim("8 of the 12 wells had lead", "quantity", [fraction(8, 12, "well")], [])
    assert "far apart" not in " ".join(match(third, eight).reasons)


def test_durations_in_other_units_agree_and_a_single_period_is_one_of_them():
    sixty = count("60 days", 60, "day")
    assert not find_conflicts([sixty], [count("two months", 2, "month")])
    a_week_or_more = {**count("a week or longer", 1, "week"), "bound": "min"}
    assert not find_conflicts([a_week_or_more], [count("ten days", 10, "day")])
    assert find_conflicts([a_week_or_more], [count("three days", 3, "day")])


def test_a_quarter_holds_its_months_and_reads_as_a_quarter():
    q1 = {"type": "date", "start": "2031-01-01", "end": "2031-03-31", "precision": "quarter"}
    march = {"type": "date", "start": "2031-03-01", "end": "2031-03-31", "precision": "month"}
    june = {"type": "date", "start": "2031-06-01", "end": "2031-06-30", "precision": "month"}
    assert not find_conflicts([q1], [march])
    assert find_conflicts([q1], [june])
    assert describe_value(q1) == "Q1 2031"


def test_times_of_day_conflict_beyond_their_bounds():
    def time(value: str, bound: str | None = None) -> dict:
        return {"type": "time", "value": value, "bound": bound, "text": value}

    assert not find_conflicts([time("23:00", "approx")], [time("23:30")])
    assert find_conflicts([time("23:00")], [time("21:00")])
    assert not find_conflicts([time("06:00", "max")], [time("05:15")])
    assert describe_value(time("23:00", "approx")) == "about 23:00"


# --- could_match: match's checks that need no reading of the wording ---------------


def test_claims_of_other_stories_or_months_apart_cannot_match():
    mexico = ("mexico", "claudia lopez", "sonora")
    kenya = ("kenya", "wanjiru kamau", "rift valley")
    in_mexico = phases(7, mexico, "2024-06-03")
    assert could_match(in_mexico, phases(7, mexico, "2024-06-04"))
    assert not could_match(in_mexico, phases(7, kenya, "2024-06-04"))
    # Without a story on one side, only the wording can tell.
    assert could_match(in_mexico, phases(7, (), "2024-06-04"))
    # Weeks apart the stories must agree more closely; months apart nothing matches.
    assert could_match(in_mexico, phases(7, mexico, "2024-06-30"))
    assert not could_match(in_mexico, phases(7, mexico, "2024-09-03"))


def test_a_veto_identical_wording_overrides_is_left_to_match():
    # Only one of them gives a figure: "one_figure", which identical wording
    # overrides, is found before "different stories", so only match can decide.
    with_figure = phases(7, ("mexico", "claudia lopez", "sonora"), "2024-06-03")
    without = ClaimFeatures(PHASES, "quantity", [], ["phase"], PHASES, ("kenya",), "2024-06-03")
    assert could_match(with_figure, without)
    first = ClaimFeatures(PHASES, "quantity", [ordinal("1st", 1, "phase")], [], PHASES, ("kenya",))
    second = ClaimFeatures(PHASES, "quantity", [ordinal("2nd", 2, "phase")], [], PHASES, ("peru",))
    assert could_match(first, second)


stories = st.lists(
    st.sampled_from(["mexico", "kenya", "claudia lopez", "sonora", "s-400", "india", "trade"]),
    max_size=4,
).map(tuple)
placed_features = st.builds(
    ClaimFeatures,
    text=st.sampled_from([PHASES, VISIT_A.text, SINGH_QUOTE.text, "Sonora voted in seven phases"]),
    kind=st.sampled_from(["quantity", "date", "quote", "attribution"]),
    values=st.lists(value_dicts, max_size=2),
    entities=st.lists(st.sampled_from(["sonora", "kenya", "phase", "s-400", "singh"]), max_size=3),
    context=st.sampled_from(["", PHASES, "Kenya and Sonora voted in seven phases, S-400 too"]),
    story=stories,
    published=st.sampled_from(["", "2024-06-03", "2024-06-06", "2024-06-20", "2024-08-30"]),
)


@given(placed_features, placed_features)
@settings(max_examples=300, deadline=None)
def test_could_match_never_rules_out_a_match(a, b):
    if not could_match(a, b):
        assert not match(a, b).same_fact
        assert not could_match(b, a)


def test_could_match_never_rules_out_a_match_between_generated_reports():
    """Every pair of claims of 30 generated articles (a few stories, copies, disputes)."""
    from evaluation.corpus import generate_corpus

    claims = []
    for name, text in generate_corpus(30, seed=3):
        article = parse_text(text, name=name)
        found = extract_claims(article.body, published=article.published, seconds=None)
        story = story_entities(found)
        claims += [
            ClaimFeatures.from_extracted(c, article.body, story=story, published=article.published)
            for c in found
        ]
    pairs = ruled_out = matched = 0
    for i, a in enumerate(claims):
        for b in claims[i + 1 :]:
            pairs += 1
            if not could_match(a, b):
                ruled_out += 1
                assert not match(a, b).same_fact, (a.text, b.text)
            elif match(a, b).same_fact:
                matched += 1
    # It is worth its place (a third of the pairs here), and some pairs do match.
    assert matched > 0
    assert ruled_out > pairs / 4


def test_a_noun_the_other_sentence_only_mentions_counts_the_same_thing_only_near_its_number():
    # The first sentence mentions "houses", but counts people: its 200 and the
    # 2,600 houses are two figures of two things, not a dispute over one count.
    pulled = "Volunteers pulled more than 200 people from flooded houses along the canal overnight."
    damaged = "The county said at least 2,600 houses along the canal were damaged overnight."
    people = claim(pulled, "quantity", [count("more than 200 people", 200, "people")], [])
    houses = claim(damaged, "quantity", [count("at least 2,600 houses", 2600, "house")], [])
    assert not match(houses, people).same_fact
    # Near its number, the other noun may still name the same count, told again
    # later: "seven people were killed" and "nine deaths" a day on.
    killed = "Seven people were killed when the dam gave way, the province said."
    deaths = (
        "The province has now confirmed nine deaths since the dam gave way, all of them people."
    )
    toll = claim(killed, "quantity", [count("Seven people", 7, "people")], [])
    later = claim(deaths, "quantity", [count("nine deaths", 9, "death")], [])
    assert match(later, toll).same_fact


def year(text: str, y: int, bound: str | None = None) -> dict:
    return {
        "type": "date",
        "start": f"{y}-01-01",
        "end": f"{y}-12-31",
        "precision": "year",
        "bound": bound,
        "text": text,
    }


def test_a_past_date_and_a_future_one_reported_the_same_day_are_two_facts():
    def report(text: str, when: dict, published: str) -> ClaimFeatures:
        return ClaimFeatures(text, "date", [when], ["harbour"], text, (), published)

    opened = "The Linwood ferry terminal has kept the harbour busy since it opened in 2019"
    closing = "The Linwood ferry terminal will close by the end of November, the harbour board said"
    november = day_range("by the end of November", "2026-11-01", "2026-11-30")
    since = year("since it opened in 2019", 2019, "min")
    result = match(report(closing, november, "2026-09-14"), report(opened, since, "2026-09-14"))
    assert not result.same_fact
    assert "past_and_future" in result.vetoes
    # A day apart, a date to come may since have passed: the rule says nothing.
    later = match(report(closing, november, "2026-12-02"), report(opened, since, "2026-09-14"))
    assert "past_and_future" not in later.vetoes


def percent(text: str, value: float, bound: str | None = None) -> dict:
    return {"type": "percent", "value": value, "bound": bound, "text": text}


def test_about_stretches_a_figure_to_its_rounding_step_not_a_tenth_of_it():
    def conflict(a: dict, b: dict) -> bool:
        return bool(find_conflicts([a], [b]))

    # "about 38 per cent" is 37 to 39: 41.2 % is another figure.
    assert conflict(percent("about 38 per cent", 38, "approx"), percent("41.2%", 41.2))
    assert not conflict(percent("about 41 per cent", 41, "approx"), percent("41.2%", 41.2))
    # "about 230" is 220 to 240; "nearly 7,000" reaches down to 6,300.
    assert not conflict(
        count("about 230 riders", 230, "rider", "approx"), count("231", 231, "rider")
    )
    assert not conflict(
        count("nearly 7,000 homes", 7000, "home", "approx"), count("6,800", 6800, "home")
    )
    # A figure in words stretches by a tenth.
    assert not conflict(
        count("about forty ships", 40, "ship", "approx"), count("43 ships", 43, "ship")
    )
    # Digits grouped by a space round as digits grouped by a comma: "about 4 300" is
    # 4,200 to 4,400.
    assert conflict(
        count("about 4 300 miners", 4300, "miner", "approx"), count("4,650", 4650, "miner")
    )
    assert not conflict(
        count("about 4 300 miners", 4300, "miner", "approx"), count("4,350", 4350, "miner")
    )


def test_figures_with_different_units_keep_their_units_as_subjects():
    """ "64 people were injured" and "71 injured": the unit of one is the other's subject
    word, so the two are one measure that moved, not figures of different things."""
    earlier = ClaimFeatures(
        "64 people were injured, police said",
        "quantity",
        [count("64 people", 64, "person")],
        [],
        "64 people were injured, police said",
        published="2026-05-04",
    )
    later = ClaimFeatures(
        "Hospitals treated 71 injured overnight",
        "quantity",
        [count("71 injured", 71, "injured")],
        [],
        "Hospitals treated 71 injured overnight",
        published="2026-05-05",
    )
    result = match(later, earlier)
    assert result.agrees is False, result.reasons
    assert "different_subjects" not in result.vetoes, result.reasons


def test_identical_wording_outweighs_a_soft_veto_only_when_no_hard_one_fired():
    """The same sentence with another ordinal is a disputed number; the same sentence
    months apart is another event, however alike the words."""

    def session(n: str, published: str) -> ClaimFeatures:
        text = f"The {n} session of the river commission opened in Lusaka."
        value = ordinal(f"{n} session", int(n[:2]), "session")
        return ClaimFeatures(text, "quantity", [value], ["lusaka"], text, published=published)

    assert match(session("22nd", "2026-03-02"), session("23rd", "2026-03-02")).same_fact
    apart = match(session("22nd", "2026-03-02"), session("23rd", "2026-09-14"))
    assert not apart.same_fact
    assert {"different_ordinals", "far_in_time"} <= set(apart.vetoes)


def test_exact_figures_both_articles_give_place_them_in_one_story_beside_one_name():
    def wells(names: tuple[str, ...], day: str = "2026-04-03") -> ClaimFeatures:
        text = "Crews have capped 14 wells"
        value = {"type": "count", "value": 14.0, "unit": "well", "text": "14 wells"}
        story = tuple(n for n in names if not n.startswith(FIGURE_MARK))[:2]
        return ClaimFeatures(text, "quantity", [value], ["well"], text, story, day, names)

    release = ("=money:3.174e+08:GBP", "=count:2417", "=percent:6.35")
    wire = wells(("harrowgate field", "orsk petroleum", "tamsin reyes", *release), "2026-04-02")
    # The trade paper names the field and its own analysts, and repeats the release's
    # figures.
    trade = wells(("harrowgate field", "quill analytics", "dev anand", *release[:2]))
    result = match(wire, trade)
    assert "different stories" not in result.reasons
    # One figure beside the one name is not enough; figures without a shared name
    # never are; nor are they weeks apart.
    assert "different stories" in match(wire, wells(trade.article_names[:4])).reasons
    assert "different stories" in match(wire, wells(("kestrel basin", *release))).reasons
    assert "different stories" in match(wire, wells(trade.article_names, "2026-05-20")).reasons


def test_an_articles_figures_are_never_index_keys():
    text = "Crews have capped 14 wells"
    value = {"type": "count", "value": 14.0, "unit": "well", "text": "14 wells"}
    features = ClaimFeatures(
        text, "quantity", [value], ["well"], text, (), "2026-04-02", ("=count:2417", "orsk")
    )
    keys = index_keys(features)
    assert keys
    assert not any("=" in k or "2417" in k for k in keys)
    assert any("orsk" in k for k in keys)


def test_a_part_of_a_whole_meets_a_percentage_as_the_share_it_gives():
    def rate(n, d, text, bound=None, unit="voter"):
        return {**fraction(n, d, unit), "text": text, "bound": bound}

    percent = {"type": "percent", "value": 21.0, "text": "21%", "bound": None}
    # "About one in five" rounds: it fits 21 per cent, as "98 of 897" fits 10.9.
    assert comparable(rate(1, 5, "About one in five", "approx"), percent) is not None
    assert comparable(rate(1, 5, "one in five"), percent) is not None
    exact = {**percent, "value": 10.9, "text": "10.9%"}
    [share, same] = comparable(rate(98, 897, "98 of 897"), exact)
    assert share["type"] == "percent" and round(share["value"], 1) == 10.9 and same is exact
    # A bounded rate stays near its value: 26.8 per cent is "more than a quarter".
    assert comparable(rate(1, 5, "more than a fifth", "min"), {**percent, "value": 26.8}) is None
    # Shares that do not fit are other measures, never a dispute of types that differ.
    assert comparable(rate(15, 100, "15 in every 100"), {**percent, "value": 2.1}) is None
    assert not find_conflicts([rate(15, 100, "15 in every 100")], [{**percent, "value": 2.1}])
    # Other types meet only their own.
    assert comparable(count("21 voters", 21, "voter"), percent) is None


def test_a_rate_in_words_and_a_percentage_of_one_measure_are_one_fact():
    def said(text: str) -> ClaimFeatures:
        [found] = extract_claims(text)
        return ClaimFeatures.from_extracted(found, text, story=("Penmore",), published="2031-05-02")

    rate = said("About one in five voters in Penmore cast their ballot by post this year.")
    percent = said("Postal ballots were 21% of those cast in Penmore this year.")
    assert rate.values[0]["type"] == "fraction" and percent.values[0]["type"] == "percent"
    # The part of a whole is keyed as the share it gives too, so the two reports meet.
    assert {k for k in index_keys(rate) if k.startswith("percent:")} & index_keys(percent)
    found = match(rate, percent)
    # Compared as figures, not merely worded alike: their values agree.
    assert found.same_fact and found.agrees is True
    assert "different_kinds" not in found.vetoes


def _cut(sentence: str, published: str) -> list[ClaimFeatures]:
    return [
        ClaimFeatures.from_extracted(c, sentence, published=published)
        for c in extract_claims(sentence, published=published)
    ]


def _clause(claims: list[ClaimFeatures], words: str) -> ClaimFeatures:
    (found,) = [c for c in claims if words in c.text]
    return found


WARD = (
    "Turnout in the Harwick ward rose to 61 per cent, "
    "and the sitting councillor took {} per cent of the vote{}."
)


def test_clauses_cut_from_one_sentence_and_its_copy_are_not_joined_by_the_sentence():
    first = _cut(WARD.format(54, ""), "2026-05-10")
    copy = _cut(WARD.format(54, ", officials said"), "2026-05-11")
    turnout, share = _clause(first, "Turnout"), _clause(copy, "councillor")
    found = match(turnout, share)
    assert not found.same_fact
    assert "different_clauses" in found.vetoes
    # Each clause still finds its own copy.
    assert match(turnout, _clause(copy, "Turnout")).same_fact
    assert match(_clause(first, "councillor"), share).same_fact


def test_the_same_clause_with_another_figure_is_still_one_disputed_fact():
    first = _cut(WARD.format(54, ""), "2026-05-10")
    other = _cut(WARD.format(45, ", officials said"), "2026-05-10")
    found = match(_clause(first, "councillor"), _clause(other, "councillor"))
    assert found.same_fact and found.agrees is False


def test_a_cut_clause_whose_figure_agrees_keeps_the_sentence_wording():
    first = _cut(WARD.format(54, ""), "2026-05-10")
    plain = claim(
        "Harwick ward turnout: 61 per cent",
        "quantity",
        [{"type": "percent", "value": 61.0, "text": "61 per cent"}],
        ["Harwick"],
    )
    found = match(_clause(first, "Turnout"), plain)
    assert found.agrees and "different_clauses" not in found.vetoes


def test_a_range_is_told_as_a_range_and_is_one_figure_only_with_the_same_range():
    between = {"type": "count", "value": 55.0, "low": 40.0, "unit": "volunteer", "bound": "range"}
    assert describe_value(between) == "40 to 55 volunteers"
    top = {"type": "count", "value": 55.0, "unit": "volunteer", "bound": None}
    assert not _same_amount(between, top)
    assert _same_amount(between, dict(between))
