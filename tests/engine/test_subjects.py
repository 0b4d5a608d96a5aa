"""A figure's subject, and the rules that match or separate claims by it.

Sentences are our own, written for these tests in several styles.
"""

import datetime

from factcheck.engine import extract_claims
from factcheck.engine.features import ClaimFeatures, article_placing, story_entities
from factcheck.engine.matching import match
from factcheck.engine.subjects import subject_words
from factcheck.engine.values import is_specific_figure

DAY = datetime.date(2026, 3, 10)


def features(body: str, fragment: str, *, published=DAY, placed=False) -> ClaimFeatures:
    """Features of the claim of ``body`` whose text holds ``fragment``, with its story, and
    with what places it in its article (``article_placing``) when ``placed``."""
    claims = extract_claims(body, published=published)
    story = story_entities(claims)
    found = next(c for c in claims if fragment in c.text)
    return ClaimFeatures.from_extracted(
        found,
        body,
        story=story,
        published=published,
        article_names=article_placing(body, "", claims) if placed else (),
    )


RING_ROAD_A = (
    "Tarnow's council approved the 31.5-km ring road around the old town on Monday. "
    "Councillor Edyta Wrona said the Tarnow ring road would open in 2029."
)
RING_ROAD_B = (
    "Councillors in Tarnow backed a 31.5-kilometre bypass on Monday, Edyta Wrona told reporters. "
    "The bypass will skirt Tarnow's old town, Wrona said."
)


def test_one_exact_figure_in_two_wordings_of_one_story_is_one_fact():
    a = features(RING_ROAD_A, "31.5-km")
    b = features(RING_ROAD_B, "31.5-kilometre")
    result = match(a, b)
    assert result.same_fact, result.reasons
    assert result.agrees is True


def test_a_round_approximate_figure_is_not_matched_on_its_number_alone():
    near = features(
        "Tarnow lies about 30 km north of Krosno, Edyta Wrona of Tarnow's council said.", "30 km"
    )
    road = features(RING_ROAD_B, "31.5-kilometre")
    assert not is_specific_figure({"type": "count", "text": "30 km", "bound": "approx"})
    assert match(near, road).rule != "same_figure"


def test_different_figures_of_different_things_are_not_a_dispute():
    # Two shares of one budget, in two reports: a split, not a contradiction.
    a = features(
        "The Tarnow ring road will cost 900 million zloty, Edyta Wrona said. "
        "The city will pay 30 per cent of the bill from its own reserves.",
        "30 per cent",
    )
    b = features(
        "Tarnow's council approved a 900 million zloty ring road, Edyta Wrona said. "
        "The remaining 70 per cent will come as a World Bank loan to Tarnow.",
        "70 per cent",
    )
    result = match(a, b)
    assert not result.same_fact
    assert result.veto == "different_subjects"


def test_different_figures_for_one_subject_stay_together_as_a_dispute():
    a = features(
        "Port Elgin officials said 41 homes were destroyed by the wildfire on Sunday.", "41 homes"
    )
    b = features(
        "The wildfire destroyed 14 homes in Port Elgin on Sunday, officials said.", "14 homes"
    )
    result = match(a, b)
    assert result.same_fact, result.reasons
    assert result.agrees is False


def test_subject_words_leave_out_the_story_the_unit_and_the_hedges():
    text = "The council approved a budget of roughly 900 million zloty for the Tarnow bypass"
    value = {"type": "money", "text": "roughly 900 million zloty", "unit": ""}
    words = subject_words(text, value, story={"tarnow"})
    assert {"counc", "appro", "budge", "bypas"} <= words
    assert not words & {"tarno", "rough", "milli"}


def test_two_amounts_in_one_clause_become_two_claims():
    body = "The 12.4-km tunnel will have 9 ventilation shafts, the engineers said."
    claims = extract_claims(body, published=DAY)
    texts = [c.text for c in claims]
    assert len(claims) == 2, texts
    assert "12.4-km" in texts[0] and "9 ventilation" not in texts[0]
    assert "9 ventilation shafts" in texts[1]
    for c in claims:
        assert body[c.start : c.end] == c.text


def test_a_change_and_the_level_it_reached_are_two_claims():
    body = "Library visits fell 4 per cent, from 12,480 to 11,980, the county said."
    claims = extract_claims(body, published=DAY)
    assert [c.text for c in claims] == [
        "Library visits fell 4 per cent",
        "from 12,480 to 11,980, the county said",
    ]
    (level,) = claims[1].values
    assert (level["value"], level["unit"]) == (11980, "visit")


def test_the_date_after_a_figure_stays_with_it_when_the_earlier_level_follows():
    # "in 2025" dates the level reached, not the level it came from.
    body = (
        "Ferry crossings at Kilrush fell to 48,200 passengers in 2025 from 51,900 the year before."
    )
    claims = extract_claims(body, published=DAY)
    assert [c.text for c in claims] == [
        "Ferry crossings at Kilrush fell to 48,200 passengers in 2025",
        "from 51,900 the year before",
    ]
    assert [v["type"] for v in claims[0].values] == ["count", "date"]
    # "the year before" is 2024: the earlier level has a period of its own.
    assert [v["type"] for v in claims[1].values] == ["count", "date"]
    assert claims[1].values[1]["start"] == "2024-01-01"


def test_the_level_of_the_year_before_is_no_dispute_of_this_years_level():
    earlier = features(
        "Tram ridership in Lindqvist reached 9.8 million in 2024, up from 9.1 million "
        "the year before, the operator said.",
        "9.1 million",
    )
    this_year = features(
        "Lindqvist's trams carried 9.6 million riders in 2024, the transport authority said.",
        "9.6 million",
    )
    found = match(earlier, this_year)
    assert not found.same_fact
    assert "different_periods" in found.vetoes


def test_a_fall_of_a_third_and_a_fall_of_33_per_cent_are_one_fact():
    third = features(
        "Passenger numbers at Orsk airport fell by about a third in 2025, the operator said.",
        "a third",
    )
    percent = features(
        "Orsk airport handled 33% fewer passengers in 2025 than a year earlier, figures show.",
        "33%",
    )
    found = match(third, percent)
    assert found.same_fact, found.reasons
    assert found.agrees


def test_a_change_in_brackets_after_a_level_is_a_claim_of_its_own_with_its_bracket():
    body = "Sugar beet deliveries reached 2.6mt (+8% y/y) despite the late frost."
    claims = extract_claims(body, published=DAY)
    assert [c.text for c in claims] == [
        "Sugar beet deliveries reached 2.6mt",
        "(+8% y/y) despite the late frost",
    ]
    assert [v["type"] for v in claims[1].values] == ["percent"]


def test_a_date_between_two_figures_dates_the_first():
    body = "Kilrush harbour landed 3,100 tonnes of mackerel in March and 2,700 tonnes of herring."
    first, second = extract_claims(body, published=DAY)
    assert first.text.endswith("in March")
    assert [v["type"] for v in first.values] == ["count", "date"]
    assert second.text == "2,700 tonnes of herring"


def test_a_dated_clause_joined_to_a_counted_one_is_a_fact_of_its_own():
    body = (
        "The operator expects to open the tunnel by October 2028, and 340 workers "
        "will be hired for its construction."
    )
    claims = extract_claims(body, published=DAY)
    assert len(claims) == 2, [c.text for c in claims]
    assert "October 2028" in claims[0].text and "340" not in claims[0].text
    assert "340 workers" in claims[1].text


def test_units_of_measure_are_read_and_compared_across_systems():
    from factcheck.engine.conflicts import find_conflicts
    from factcheck.engine.quantities import find_values

    (mph,) = find_values("Gusts reached 115mph on the pier.")
    (kmh,) = find_values("Gusts reached 185 km/h on the pier.")
    (stretch,) = find_values("a 24.6 km stretch of coast")
    assert (mph["unit"], kmh["unit"], stretch["unit"]) == ("mph", "km/h", "km")
    assert not find_conflicts([mph], [kmh])  # 115 mph is 185 km/h
    (feet,) = find_values("a storm surge of 12 ft")
    (metres,) = find_values("a storm surge of 2.7 metres")
    assert find_conflicts([feet], [metres])  # 12 ft is 3.7 m


def test_a_plan_in_another_clause_does_not_make_a_count_a_target():
    plain = features(
        "Lakeview's transit agency said 14 electric buses entered service on Monday.", "14 electric"
    )
    aside = features(
        "The Lakeview agency had planned a ceremony, but 14 electric buses simply entered "
        "service on Monday, officials said.",
        "14 electric",
    )
    target = features(
        "Lakeview's transit agency has planned 14 electric buses for service by Monday.",
        "14 electric",
    )
    assert match(plain, aside).veto != "different_qualifiers"
    assert match(plain, target).veto == "different_qualifiers"


def test_a_duration_does_not_count_the_nouns_after_it():
    years = features(
        "Harbourside's first tram line took more than seven years to open to passenger "
        "traffic, council minutes show.",
        "seven years",
    )
    riders = features(
        "Harbourside's buses carry about 90,000 passengers a day, the council said.",
        "90,000 passengers",
    )
    assert not match(years, riders).same_fact


def test_money_in_two_currencies_is_neither_agreement_nor_dispute():
    from factcheck.engine.conflicts import find_conflicts
    from factcheck.engine.quantities import find_values

    pounds = features("Harbourside agreed a fee of £72m for the striker, the club said.", "£72m")
    euros = features(
        "Harbourside agreed a fee of €6m for the striker's agent, the club said.", "€6m"
    )
    assert match(pounds, euros).agrees is None
    assert not find_conflicts(find_values("a fee of £72m"), find_values("a fee of €85m"))


FERRY_A = (
    "Harbour Lines chief executive Mira Sandoval spoke at the Kessock terminal. "
    "The ferry operator has ordered two hybrid vessels and will launch the first of them "
    "on Saturday, Sandoval said."
)
FERRY_B = (
    "Harbour Lines will launch its first hybrid ferry at Kessock on Saturday. "
    "Its lease of the Kessock terminal runs until March 2031, Mira Sandoval said."
)


def test_a_sentence_joining_two_predicates_gives_one_claim_per_fact():
    claims = [c.text for c in extract_claims(FERRY_A, published=DAY)]
    assert "The ferry operator has ordered two hybrid vessels" in claims
    assert any(c.startswith("will launch the first of them on Saturday") for c in claims)


def test_a_relative_clause_dating_its_noun_is_a_claim_of_its_own():
    body = "Her lease on the depot, which expired in 2024, covered 12,000 square metres of yards."
    texts = [c.text for c in extract_claims(body, published=DAY)]
    assert texts[0] == "Her lease on the depot, which expired in 2024"
    assert texts[1].startswith("covered 12,000 square metres")


def test_dates_of_different_things_are_two_facts_even_in_one_story():
    launch = features(FERRY_A, "on Saturday")
    lease = features(FERRY_B, "March 2031")
    result = match(launch, lease)
    assert not result.same_fact
    assert result.veto == "different_subjects"


def test_the_same_event_on_the_same_day_in_other_words_is_one_fact():
    a = features(FERRY_A, "on Saturday")
    b = features(FERRY_B, "on Saturday")
    assert match(a, b).same_fact


# A time of day when something happened is a fact beside the figures of its clause.

MAIN_BURST_A = (
    "The 36-inch water main under Harbour Street burst at about 3.15am on Tuesday, "
    "the utility said."
)
MAIN_BURST_B = "A burst on the Harbour Street main at 03:15 on Tuesday flooded 30 basements."


def test_a_time_when_something_happened_is_cut_from_the_figure_it_follows():
    claims = extract_claims(MAIN_BURST_A, published=DAY)
    size, burst = claims
    assert size.text == "The 36-inch water main under Harbour Street burst"
    assert [v["type"] for v in size.values] == ["count"]
    assert burst.text.startswith("at about 3.15am on Tuesday")
    assert burst.kind == "date"
    assert [v["value"] for v in burst.values if v["type"] == "time"] == ["03:15"]


def test_a_time_before_the_figure_is_cut_off_too():
    body = "The fire was reported at 4:40 p.m. and 60 firefighters were sent to the warehouse."
    texts = [c.text for c in extract_claims(body, published=DAY)]
    assert texts == [
        "The fire was reported at 4:40 p.m.",
        "60 firefighters were sent to the warehouse",
    ]


def moment(text: str, value: str, surface: str) -> ClaimFeatures:
    time = {"type": "time", "value": value, "bound": None, "text": surface}
    return ClaimFeatures(text, "date", [time], [], text, ("lousela line",), "2026-05-14")


def test_two_reports_of_one_time_to_the_minute_are_one_fact():
    report = moment(
        "The derailment on the Lousela line occurred at 07:42, the investigators' report says",
        "07:42",
        "07:42",
    )
    witness = moment(
        "Witnesses said the northbound intercity derailed near the river bridge at 7:42 a.m.",
        "07:42",
        "7:42 a.m.",
    )
    result = match(report, witness)
    assert (result.same_fact, result.rule) == (True, "same_moment")
    assert "the same time of day" in result.reasons
    # Another minute is no longer the same moment.
    later = moment(witness.text.replace("7:42", "8:10"), "08:10", "8:10 a.m.")
    assert match(report, later).rule != "same_moment"


def test_one_round_hour_for_different_events_is_no_fact():
    opened = features(
        "Polling stations across Corran district opened at 7 a.m. on Thursday, with "
        "41 stations staffed.",
        "7 a.m.",
    )
    closed = features(
        "Schools in the district closed at 7 a.m. on Thursday, and 12 bus routes were cut.",
        "7 a.m.",
    )
    assert match(opened, closed).rule != "same_moment"


def test_a_time_a_figure_held_by_stays_with_the_figure():
    # "by 9 p.m." bounds the rescue count; "Level at 06:00 Tuesday:" dates the reading.
    for body in (
        "All 40 passengers had been rescued by 9 p.m. on Sunday.",
        "Reservoir level at 06:00 Tuesday: 71 per cent",
    ):
        (claim,) = extract_claims(body, published=DAY)
        assert {v["type"] for v in claim.values} >= {"time"}, claim.values


def test_a_live_blog_entrys_time_stamp_is_no_time_of_anything():
    body = "9:45 a.m. — Officials say 1,200 homes in Corran are still without power."
    (claim,) = extract_claims(body, published=DAY)
    assert [v["type"] for v in claim.values] == ["count"]


def test_the_time_an_amount_is_spread_over_stays_with_the_amount():
    body = (
        "The health board tabled a pay offer of 7.2 per cent over three years on Friday, "
        "which it prices at £96 million. The council will borrow £12m over the next "
        "decade and will spend £3m in six months."
    )
    texts = [c.text for c in extract_claims(body, published=DAY)]
    assert "The health board tabled a pay offer of 7.2 per cent over three years" in texts[0]
    assert not any(t.startswith(("over three years", "six months", "in six months")) for t in texts)
    offer = extract_claims(body, published=DAY)[0]
    # The duration is when the offer runs, not a figure to corroborate or dispute.
    assert [v["type"] for v in offer.values if v["type"] != "date"] == ["percent"]


def test_a_duration_a_verb_states_is_a_fact_of_its_own():
    body = "The driver was fined £4,500 and banned for three years."
    claims = extract_claims(body, published=DAY)
    assert [c.text for c in claims] == ["The driver was fined £4,500", "banned for three years"]
    assert claims[1].values[0]["unit"] == "year"


def test_two_offers_over_one_period_still_dispute_their_rates():
    first = features(
        "Marrow Health offered junior doctors 7.2 per cent over three years, the union said.",
        "7.2",
    )
    second = features(
        "Marrow Health offered junior doctors 6 per cent over three years, the union said.",
        "6 per cent",
    )
    result = match(first, second)
    assert result.same_fact
    assert result.agrees is False


def test_a_time_of_day_said_in_words_is_a_claim_matching_the_clock():
    spoken = features(
        "The Kessel dam sluice gates were opened at twenty past five on Tuesday morning, "
        "the water board said.",
        "twenty past five",
    )
    clock = features(
        "Engineers lifted the sluices at Kessel dam at 05:20 on Tuesday to ease the swollen "
        "river upstream.",
        "05:20",
    )
    assert spoken.kind == "date"
    assert [v["value"] for v in spoken.values if v["type"] == "time"] == ["05:20"]
    result = match(spoken, clock)
    assert result.same_fact
    assert result.agrees is not False


def placed(body: str, fragment: str) -> ClaimFeatures:
    return features(body, fragment, placed=True)


MILL_FIRE_A = (
    "Fire gutted the Brenagh flour mill outside Castlereagh overnight, the Castlereagh fire "
    "service said. Twenty-two firefighters fought the blaze at the Brenagh mill until dawn. "
    "Mill owner Tadhg Corrigan said the building was insured."
)
MILL_FIRE_B = (
    "Castlereagh's fire service said about 40 firefighters from three stations were sent to the "
    "Brenagh mill after the alarm was raised. Tadhg Corrigan, who owns the mill, thanked them."
)


def test_the_only_count_of_one_noun_in_two_reports_of_a_story_is_one_fact():
    a = placed(MILL_FIRE_A, "Twenty-two firefighters")
    b = placed(MILL_FIRE_B, "40 firefighters")
    assert "#firefighter" in a.article_names and "#firefighter" in b.article_names
    result = match(a, b)
    assert result.same_fact, result.reasons
    # One fact whose figures disagree: a dispute for the editor, with both counts.
    assert result.agrees is False
    assert "different figures of different things" not in result.reasons


FLAMES = (
    "Flames tore through Tadhg Corrigan's Brenagh mill near Castlereagh on Tuesday night. "
    "Crews said 19 firefighters needed breathing gear inside."
)


def test_the_only_counts_in_reports_worded_apart_are_one_fact():
    a = placed(MILL_FIRE_A, "Twenty-two firefighters")
    b = placed(FLAMES, "19 firefighters")
    result = match(a, b)
    assert result.same_fact, result.reasons
    assert result.rule == "same_measure"
    assert "each report counts “firefighter” once" in result.reasons


def test_a_report_that_counts_a_noun_twice_says_which_count_in_words():
    # Twelve firefighters first, then 19: which of them the other report's 22 is, only the
    # words can tell, so the rule stays out and different words keep them apart.
    twice = FLAMES.replace("Crews said", "Twelve firefighters went in first; crews said")
    a = placed(MILL_FIRE_A, "Twenty-two firefighters")
    b = placed(twice, "19 firefighters")
    assert "#firefighter" not in b.article_names
    result = match(a, b)
    assert not result.same_fact, result.reasons
    assert result.veto == "different_subjects"


def test_a_ceiling_counted_once_is_no_count_of_the_same_thing():
    # "up to 19 firefighters" is what crews might need, not the firefighters counted at
    # the fire: a report that counts 22 does not dispute it.
    a = placed(MILL_FIRE_A, "Twenty-two firefighters")
    b = placed(
        FLAMES.replace(
            "Crews said 19 firefighters needed", "Crews said up to 19 firefighters might need"
        ),
        "19 firefighters",
    )
    assert "#firefighter" in b.article_names
    result = match(a, b)
    assert not result.same_fact, result.reasons
    assert result.veto == "different_subjects"


def test_people_and_ages_counted_once_are_no_one_fact():
    # Every fact of a story counts people, and an age belongs to one person.
    a = placed(
        "Castlereagh police said 60 people were evacuated from homes near the Brenagh mill "
        "fire. The mill's owner, aged 58, was not hurt.",
        "aged 58",
    )
    b = placed(
        "A night watchman at the Brenagh mill in Castlereagh, aged 71, raised the alarm, "
        "Castlereagh police said. Three people were treated for smoke.",
        "aged 71",
    )
    assert "#age" in a.article_names and "#age" in b.article_names
    assert match(a, b).rule != "same_measure"
    people_a = placed(
        "Castlereagh police said 60 people were evacuated from homes near the Brenagh mill fire.",
        "60 people",
    )
    people_b = placed(
        "A night watchman raised the alarm at the Brenagh mill in Castlereagh, police said. "
        "Three people were treated for smoke.",
        "Three people",
    )
    assert match(people_a, people_b).rule != "same_measure"
