import datetime
import json
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.engine.conflicts import comparable, find_conflicts
from factcheck.engine.quantities import find_values, normalise_money

PUBLISHED = datetime.date(2025, 12, 4)  # a Thursday


def only(text: str, type_: str, published: datetime.date | None = None) -> dict:
    found = [v for v in find_values(text, published=published) if v["type"] == type_]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "amount", "currency", "bound"),
    [
        ("$68.7B", 68.7e9, "USD", None),
        ("$68.7 billion", 68.7e9, "USD", None),
        ("68.7 billion dollars", 68.7e9, "USD", None),
        ("US$ 5 mn", 5e6, "USD", None),
        ("₹19,000 crore", 1.9e11, "INR", None),
        ("Rs 500 crore", 5e9, "INR", None),
        ("Rs.500 crore", 5e9, "INR", None),
        ("Rs 2 lakh", 2e5, "INR", None),
        ("Rs 5 lakh crore", 5e12, "INR", None),
        ("€2bn", 2e9, "EUR", None),
        ("five billion rupees", 5e9, "INR", None),
        ("$50B+", 50e9, "USD", "min"),
        ("nearly $100 billion", 100e9, "USD", "approx"),
        ("about $3 million", 3e6, "USD", "approx"),
        ("around £40m", 40e6, "GBP", "approx"),
        ("over $1 trillion", 1e12, "USD", "min"),
        ("more than $20 billion", 20e9, "USD", "min"),
        ("under $5 billion", 5e9, "USD", "max"),
        ("less than €10 million", 10e6, "EUR", "max"),
    ],
)
def test_money(text, amount, currency, bound):
    value = normalise_money(text)
    assert value is not None
    assert math.isclose(value["amount"], amount)
    assert (value["currency"], value["bound"]) == (currency, bound)
    assert value["text"] == text
    assert (value["start"], value["end"]) == (0, len(text))


def test_money_in_a_sentence_keeps_body_offsets():
    text = "with bilateral trade reaching $68.7B in FY25"
    values = find_values(text, offset=100)
    money = next(v for v in values if v["type"] == "money")
    assert money["text"] == "$68.7B"
    assert money["start"] == 100 + text.index("$68.7B")
    assert (money["span_start"], money["span_end"]) == (money["start"], money["end"])
    # Dates and fiscal years keep ISO dates in start/end, offsets in span_start/span_end.
    fiscal = next(v for v in values if v["type"] == "fiscal_year")
    assert (fiscal["span_start"], fiscal["span_end"], fiscal["label"]) == (
        100 + text.index("FY25"),
        100 + text.index("FY25") + 4,
        "FY2024-25",
    )
    assert (fiscal["start"], fiscal["end"]) == ("2024-04-01", "2025-03-31")


def test_counts_with_units_and_bounds():
    text = "the preparation of 10 inter-governmental documents and more than 15 commercial MoUs"
    counts = [v for v in find_values(text) if v["type"] == "count"]
    assert [(c["value"], c["unit"], c["bound"]) for c in counts] == [
        (10.0, "document", None),
        (15.0, "mou", "min"),
    ]
    assert counts[0]["text"] == "10 inter-governmental documents"
    assert counts[1]["text"] == "more than 15 commercial MoUs"


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("three fighter jets", 3, "jet"),
        ("twenty-two sessions", 22, "session"),
        ("a two-day official visit", 2, "day"),
        ("2,000 soldiers", 2000, "soldier"),
        ("1,90,000 people", 190000, "person"),
        ("1.5 million barrels", 1.5e6, "barrel"),
    ],
)
def test_count_values(text, value, unit):
    count = only(text, "count")
    assert (count["value"], count["unit"]) == (value, unit)


@pytest.mark.parametrize(
    "text",
    [
        "established in 2000",
        "the Su-30 and S-400 and MiG-29 fleets",
        "the Covid-19 pandemic",
        "one thing remains clear",
        "the two nations agreed",
        "Article 370 of the constitution",
        "at 10:30 am on the day",
    ],
)
def test_not_counts(text):
    assert [v for v in find_values(text) if v["type"] == "count"] == []


@pytest.mark.parametrize(
    ("text", "numerator", "denominator", "unit"),
    [
        ("got three squadrons out of five", 3, 5, "squadron"),
        ("three of the five squadrons", 3, 5, "squadron"),
        ("3 out of 5", 3, 5, None),
        ("3/5 of them", 3, 5, None),
        ("two-thirds of voters", 2, 3, None),
        # A rate told as a part of a whole is never a count of the whole.
        ("Roughly one in four tenants said so", 1, 4, "tenant"),
        ("seven in 10 shops", 7, 10, "shop"),
        ("2 in every 1,000 births", 2, 1000, "birth"),
        ("affects one in eight", 1, 8, None),
    ],
)
def test_fractions(text, numerator, denominator, unit):
    fraction = only(text, "fraction")
    assert (fraction["numerator"], fraction["denominator"], fraction["unit"]) == (
        numerator,
        denominator,
        unit,
    )


@pytest.mark.parametrize(
    ("text", "value", "bound"),
    [
        ("12.5%", 12.5, None),
        ("12.5 per cent", 12.5, None),
        ("twelve percent", 12, None),
        ("about 40%", 40, "approx"),
    ],
)
def test_percent(text, value, bound):
    percent = only(text, "percent")
    assert (percent["value"], percent["bound"], percent["text"]) == (value, bound, text)


@pytest.mark.parametrize(
    ("text", "value", "unit", "surface"),
    [
        ("the 22nd session of the commission", 22, "session", "22nd session"),
        ("for the 23rd annual summit", 23, "summit", "23rd annual summit"),
        ("a second nuclear power plant in India", 2, "plant", "second nuclear power plant"),
        ("the 80th anniversary of Victory", 80, "anniversary", "80th anniversary"),
        (
            "the 26th India-Russia Working Group on Trade",
            26,
            "group",
            "26th India-Russia Working Group",
        ),
        ("the twenty-first century", 21, "century", "twenty-first century"),
    ],
)
def test_ordinals(text, value, unit, surface):
    ordinal = only(text, "ordinal")
    assert (ordinal["value"], ordinal["unit"], ordinal["text"]) == (value, unit, surface)


def test_first_is_left_to_comparisons():
    assert [v for v in find_values("This first visit of Putin") if v["type"] == "ordinal"] == []


@pytest.mark.parametrize(
    ("text", "share", "bound", "surface"),
    [
        ("Museum visits dropped by a third in 2025.", (1, 3), None, "a third"),
        ("a slump of roughly a quarter since the toll rose", (1, 4), "approx", "roughly a quarter"),
        ("The district cut its bus budget by half, officials said.", (1, 2), None, "half"),
        ("Membership grew by two-thirds over the decade.", (2, 3), None, "two-thirds"),
    ],
)
def test_a_part_telling_the_size_of_a_change_is_a_share(text, share, bound, surface):
    found = only(text, "fraction")
    assert (found["numerator"], found["denominator"]) == share
    assert (found.get("bound"), found["text"]) == (bound, surface)


@pytest.mark.parametrize(
    "text",
    ["The deal was struck by a third party.", "Voters were split by half measures."],
)
def test_a_part_word_before_a_noun_is_no_change(text):
    assert not [v for v in find_values(text) if v["type"] == "fraction"]


def test_a_change_of_a_third_meets_a_percentage_of_that_size():
    third = only("Ferry bookings fell by about a third.", "fraction")
    percent = only("Ferry bookings were down 33% on the year.", "percent")
    assert comparable(third, percent) is not None
    assert comparable(third, only("Ferry bookings were down 12%.", "percent")) is None


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("scheduled for December 4-5", "2025-12-04", "2025-12-05", "day"),
        ("on December 2 of", "2025-12-02", "2025-12-02", "day"),
        ("on 5 December 2025", "2025-12-05", "2025-12-05", "day"),
        ("dated 2025-12-05", "2025-12-05", "2025-12-05", "day"),
        ("on Dec. 4 the", "2025-12-04", "2025-12-04", "day"),
        ("4-5 December", "2025-12-04", "2025-12-05", "day"),
        ("in December 2025", "2025-12-01", "2025-12-31", "month"),
        ("established in 2000", "2000-01-01", "2000-12-31", "year"),
        ("the Great Patriotic War (1941-1945)", "1941-01-01", "1945-12-31", "year"),
        ("in the 1990s", "1990-01-01", "1999-12-31", "year"),
    ],
)
def test_dates(text, start, end, precision):
    date = only(text, "date", published=PUBLISHED)
    assert (date["start"], date["end"], date["precision"]) == (start, end, precision)


def test_year_bounds_keep_their_preposition():
    by = only("trade of $100 billion by 2030", "date")
    assert (by["text"], by["bound"], by["span_start"], by["span_end"]) == ("by 2030", "max", 22, 29)
    assert only("the first visit after 2021", "date")["bound"] == "min"


def test_date_without_a_year_or_published_date():
    date = only("scheduled for December 4-5", "date")
    assert (date["start"], date["end"], date["precision"]) == ("12-04", "12-05", "day-no-year")


def test_date_year_nearest_to_publication():
    date = only("talks on January 3", "date", published=datetime.date(2025, 12, 30))
    assert date["start"] == "2026-01-03"


def test_weekdays_resolve_around_the_published_date():
    future = only("Putin, arriving on Thursday evening, will hold talks", "date", PUBLISHED)
    assert (future["start"], future["text"]) == ("2025-12-04", "Thursday evening")
    coming = only("He will arrive on Saturday.", "date", PUBLISHED)
    assert coming["start"] == "2025-12-06"
    past = only("He arrived on Monday.", "date", PUBLISHED)
    assert past["start"] == "2025-12-01"
    assert [v for v in find_values("He arrived on Monday.") if v["type"] == "date"] == []


@pytest.mark.parametrize(
    ("text", "start"),
    [
        # Reported speech looks ahead from the statement: "said ... would" is future.
        ("Forecasters said the reservoir would overflow at Lindholm on Saturday.", "2025-12-06"),
        ("She said on Monday that the bridge would reopen on Saturday.", "2025-12-06"),
        ("Engineers said the dam is forecast to peak on Saturday.", "2025-12-06"),
        # A decimal point does not end the sentence that holds the verb.
        ("The agency said the lake would reach 3.25m at Orton on Saturday.", "2025-12-06"),
        # A word cut by the look-back window is no verb: "xpected" is no past tense.
        (
            "The level is expected to top out near 3 metres at Orton on Saturday night.",
            "2025-12-06",
        ),
        # Counterfactual and plain past stay in the past.
        ("The ferry would have sailed on Saturday had the wind dropped.", "2025-11-29"),
        ("The council met on Saturday to approve the budget.", "2025-11-29"),
    ],
)
def test_weekdays_ahead_in_reported_speech_and_after_decimals(text, start):
    dates = [v for v in find_values(text, published=PUBLISHED) if v["type"] == "date"]
    saturday = next(v for v in dates if v["text"].startswith("Saturday"))
    assert saturday["start"] == start


def test_today_needs_a_published_date():
    assert only("They met today.", "date", PUBLISHED)["start"] == "2025-12-04"
    assert find_values("They met today.") == []


@pytest.mark.parametrize(
    ("text", "label", "start", "end"),
    [
        ("FY25", "FY2024-25", "2024-04-01", "2025-03-31"),
        ("FY2025", "FY2024-25", "2024-04-01", "2025-03-31"),
        ("FY 2024-25", "FY2024-25", "2024-04-01", "2025-03-31"),
        ("the 2024-25 fiscal", "FY2024-25", "2024-04-01", "2025-03-31"),
        ("fiscal year 2025-26", "FY2025-26", "2025-04-01", "2026-03-31"),
    ],
)
def test_fiscal_years(text, label, start, end):
    fiscal = only(text, "fiscal_year")
    assert (fiscal["label"], fiscal["start"], fiscal["end"]) == (label, start, end)


def test_huge_and_odd_numbers_do_not_crash():
    values = find_values("10^400 and 9999999999999999999999 billion dollars and " + "9" * 5000)
    for v in values:
        assert all(math.isfinite(x) for x in v.values() if isinstance(x, float))
    json.dumps(values)


def test_values_are_json_serialisable():
    values = find_values(
        "Trade of $68.7B in FY25, three squadrons out of five, 12% growth, the 22nd session "
        "on December 4-5 and 10 documents.",
        published=PUBLISHED,
    )
    assert {v["type"] for v in values} == {
        "money",
        "fiscal_year",
        "fraction",
        "percent",
        "ordinal",
        "date",
        "count",
    }
    assert json.loads(json.dumps(values)) == values


FRAGMENTS = [
    "$68.7B",
    "₹19,000 crore",
    "three squadrons out of five",
    "12.5%",
    "22nd session",
    "FY25",
    "December 4-5",
    "(1941-1945)",
    "by 2030",
    "more than 15 MoUs",
    "Su-30",
    "S-400",
    "Thursday",
    "nearly",
    "twenty-two",
    "10^400",
    " ",
    ", ",
    ". ",
    "-",
    "–",
    "/",
    "Rs.",
    "US$",
    "$",
    "+",
    "in",
    "of",
    "the",
    "and",
    "2000",
    "3/5",
    "1,90,000",
    "\n",
]


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=4), max_size=30).map("".join),
    st.integers(min_value=0, max_value=10_000),
    st.one_of(st.none(), st.dates()),
)
def test_value_spans_are_exact_and_disjoint(text, offset, published):
    body = "x" * offset + text
    previous_end = offset
    for v in find_values(text, offset=offset, published=published):
        assert body[v["span_start"] : v["span_end"]] == v["text"]
        assert v["text"] == v["text"].strip()
        assert v["span_start"] >= previous_end
        previous_end = v["span_end"]
        json.dumps(v, allow_nan=False)


def test_a_price_before_a_comma_keeps_its_cents():
    from factcheck.engine.quantities import find_values

    (price,) = [
        v for v in find_values("The stock ended at $12.40, off its high.") if v["type"] == "money"
    ]
    assert price["amount"] == 12.4 and price["text"] == "$12.40"
    (total,) = find_values("A bill of $4,250,000 was tabled.")
    assert total["amount"] == 4_250_000


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        (
            "The sale makes Okoro the fourth-biggest transfer in the league's history.",
            4,
            "transfer",
        ),
        ("Rotterdam remains the second-most expensive port to dock at.", 2, "port"),
        ("It was the 3rd-highest turnout on record.", 3, "turnout"),
        ("the region's fifth largest employer", 5, "employer"),
    ],
)
def test_a_ranking_is_an_ordinal_of_the_thing_ranked(text, value, unit):
    found = only(text, "ordinal")
    assert (found["value"], found["unit"]) == (value, unit)


@pytest.mark.parametrize(
    "text",
    ["She bought a second-hand van.", "A third-party audit followed.", "the 22nd-ranked side"],
)
def test_a_hyphenated_compound_is_no_ranking(text):
    assert [v for v in find_values(text) if v["type"] == "ordinal"] == []


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("Lisbon approved a €2-billion tunnel on Monday.", 2e9, "EUR"),
        ("The ₹1,800-crore flyover opens in May.", 1.8e10, "INR"),
        ("a Rs 75-lakh grant for the school", 7.5e6, "INR"),
        ("the $40-million stadium loan", 4e7, "USD"),
    ],
)
def test_a_hyphenated_scale_word_keeps_its_scale(text, amount, currency):
    money = only(text, "money")
    assert (money["amount"], money["currency"]) == (amount, currency)


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("The striker will earn £95,000 a week.", "week"),
        ("a retainer of €4,000 per month", "month"),
        ("The mayor is paid $180,000 annually.", "year"),
        ("nurses earn Rs 900 a day", "day"),
    ],
)
def test_a_money_rate_keeps_its_period(text, per):
    assert only(text, "money")["per"] == per


def test_money_without_a_period_is_no_rate():
    assert "per" not in only("The club paid €9 million for him.", "money")


@pytest.mark.parametrize(
    ("text", "currency", "unstated"),
    [
        ("The council spent $4.5m on the pier.", "USD", True),
        ("The council spent 4.5 million dollars on the pier.", "USD", True),
        ("The council spent US$4.5m on the pier.", "USD", False),
        ("The council spent A$4.5m on the pier.", "AUD", False),
        ("The council spent NZ$4.5m on the pier.", "NZD", False),
        ("The council spent 4.5 million Australian dollars on the pier.", "AUD", False),
        ("The council spent 4.5 million Canadian dollars on the pier.", "CAD", False),
        ("The council spent 4.5 million Hong Kong dollars on the pier.", "HKD", False),
    ],
)
def test_a_dollar_names_its_country_or_says_it_did_not(text, currency, unstated):
    [value] = [v for v in find_values(text) if v["type"] == "money"]
    assert value["amount"] == 4_500_000
    assert value["currency"] == currency
    assert (value.get("dollar") == "unstated") is unstated


@pytest.mark.parametrize(
    ("text", "age", "surface"),
    [
        ("Priya Nair, 41, a schoolteacher from Kochi, won the seat.", 41, "41"),
        ("The veteran keeper, 36, has signed a one-year extension.", 36, "36"),
        ("The 17-year-old winger scored twice.", 17, "17-year-old"),
        ("a group of 15-year-olds", 15, "15-year-olds"),
        ("The driver is 58 years old.", 58, "58 years old"),
        ("She began rowing at the age of nine.", 9, "at the age of nine"),
        ("A man aged 63 was treated for smoke inhalation.", 63, "aged 63"),
    ],
)
def test_an_age_is_a_count_of_its_own_unit(text, age, surface):
    (found,) = [v for v in find_values(text) if v["unit"] == "age"]
    assert (found["type"], found["value"], found["text"]) == ("count", age, surface)


def test_an_age_is_not_the_length_of_a_contract_beside_it():
    values = find_values("The keeper, 36, has signed a two-year extension.")
    assert [(v["value"], v["unit"]) for v in values] == [(36, "age"), (2, "year")]


@pytest.mark.parametrize(
    "text",
    [
        "The museum cost €40m (£34m) to build.",
        "The museum cost A$40 million (about US$26 million) to build.",
        "The museum cost NZ$40m (roughly $23m) to build.",
    ],
)
def test_an_amount_converted_in_brackets_is_not_a_second_figure(text):
    [value] = [v for v in find_values(text) if v["type"] == "money"]
    assert value["amount"] == 40_000_000


def test_two_amounts_each_in_brackets_of_its_own_are_both_kept():
    text = "Tickets rose from $12 (in 2019) to $15 (in 2024)."
    assert [v["amount"] for v in find_values(text) if v["type"] == "money"] == [12, 15]


def test_money_in_brackets_after_a_count_is_a_figure_of_its_own():
    values = find_values("The airline ordered 15 jets ($3bn) last year.")
    assert [v["amount"] for v in values if v["type"] == "money"] == [3e9]


@pytest.mark.parametrize(
    "text",
    [
        "On Friday, 12, maybe 13, boats were missing.",
        "The fares in zones 1, 2, 3 and 4 rose.",
        "It took 12 years of work.",
        "Page, 140, line 3",
        "In 2021, 35 ferries sailed.",
    ],
)
def test_a_number_between_commas_is_no_age_after_a_date_or_a_number(text):
    assert [v for v in find_values(text) if v.get("unit") == "age"] == []


@pytest.mark.parametrize(
    ("text", "numerator", "denominator", "unit"),
    [
        ("The board listed 140 wells as unsafe, 9 of them in Hartwell.", 9, 140, "well"),
        ("Officers stopped 52 lorries, 17 of which were overloaded.", 17, 52, "lorry"),
        ("The clinic saw 30 patients; twelve of whom were children.", 12, 30, "patient"),
    ],
)
def test_a_part_of_a_whole_counted_before_it(text, numerator, denominator, unit):
    found = only(text, "fraction")
    assert (found["numerator"], found["denominator"], found["unit"]) == (
        numerator,
        denominator,
        unit,
    )


@pytest.mark.parametrize(
    "text",
    [
        "Three of them were hurt.",
        "The road runs 40 km, 12 of them through forest.",
        "The judge, 61, said 3 of them had lied.",
    ],
)
def test_no_part_without_a_counted_whole_before_it(text):
    assert [v for v in find_values(text) if v["type"] == "fraction"] == []


@pytest.mark.parametrize(
    ("text", "value", "unit", "bound"),
    [
        (
            "The new bridge takes 95,000 cars a day, against roughly 120,000 on the old one.",
            120000,
            "car",
            "approx",
        ),
        (
            "The port moved 2.1 million crates, up from about 1.8 million a year before.",
            1.8e6,
            "crate",
            "approx",
        ),
        ("The trust planted 3,000 oaks, and more than 400 in the park.", 400, "oak", "min"),
        ("The road runs 40 km, nearly 12 through forest.", 12, "km", "approx"),
    ],
)
def test_a_hedged_number_without_a_noun_counts_what_the_sentence_counted(text, value, unit, bound):
    last = [v for v in find_values(text) if v["type"] == "count"][-1]
    assert (last["value"], last["unit"], last["bound"]) == (value, unit, bound)


def test_a_hedged_number_takes_no_unit_from_an_age_or_from_nothing():
    assert [v for v in find_values("It reached about 40,000 on Sunday.")] == []
    values = find_values("The keeper, 36, weighs about 90.")
    assert [(v["value"], v["unit"]) for v in values] == [(36, "age")]


@pytest.mark.parametrize(
    ("text", "unit", "bound", "surface"),
    [
        (
            "Some homes could be without water for a week or longer.",
            "week",
            "min",
            "a week or longer",
        ),
        ("The permit must be renewed within a month.", "month", None, "a month"),
        ("Rents have risen for more than a year.", "year", "min", "more than a year"),
        ("The ferry was idle for a fortnight.", "fortnight", None, "a fortnight"),
        ("Talks collapsed after one day.", "day", None, "one day"),
    ],
)
def test_a_single_period_after_a_preposition_is_a_duration(text, unit, bound, surface):
    found = only(text, "count")
    assert (found["value"], found["unit"], found["bound"], found["text"]) == (
        1,
        unit,
        bound,
        surface,
    )


@pytest.mark.parametrize(
    "text", ["Buses run twice a day.", "The plant makes 400 vans a day.", "He earns £9,000 a week."]
)
def test_a_period_after_a_figure_is_its_rate_not_a_duration(text):
    assert [v for v in find_values(text) if v.get("value") == 1] == []


@pytest.mark.parametrize(
    ("text", "start", "end", "bound", "surface"),
    [
        (
            "The tunnel should open by the first quarter of 2031.",
            "2031-01-01",
            "2031-03-31",
            "max",
            "by the first quarter of 2031",
        ),
        ("Exports slowed in Q3 2024.", "2024-07-01", "2024-09-30", None, "Q3 2024"),
        (
            "Output has fallen since the 2nd quarter of 2022.",
            "2022-04-01",
            "2022-06-30",
            "min",
            "since the 2nd quarter of 2022",
        ),
        (
            "The final quarter of 2027 will decide it.",
            "2027-10-01",
            "2027-12-31",
            None,
            "The final quarter of 2027",
        ),
    ],
)
def test_a_calendar_quarter_is_a_date_of_three_months(text, start, end, bound, surface):
    found = only(text, "date")
    assert (found["start"], found["end"], found["precision"], found["bound"], found["text"]) == (
        start,
        end,
        "quarter",
        bound,
        surface,
    )


@pytest.mark.parametrize(
    "text", ["The first quarter was weak.", "Q4 earnings beat forecasts.", "in the third quarter"]
)
def test_a_quarter_without_a_year_is_no_date(text):
    assert [v for v in find_values(text) if v["type"] == "date"] == []


@pytest.mark.parametrize(
    ("text", "value", "bound", "surface"),
    [
        ("The ferry sank at about 11 p.m. near the pier.", "23:00", "approx", "about 11 p.m."),
        ("Polls close by 8pm.", "20:00", "max", "by 8pm"),
        ("The siren sounded at 6:45 a.m.", "06:45", None, "6:45 a.m."),
        ("Trading resumed at 14:30 GMT.", "14:30", None, "14:30 GMT"),
        ("The talks ran until 12.30 am.", "00:30", "max", "until 12.30 am"),
        ("Kick-off is at 19:45.", "19:45", None, "19:45"),
        ("The convoy left at 17.00 hrs.", "17:00", None, "17.00 hrs"),
        # The part of the day said after the time is its a.m. or p.m.
        ("It sank at 3:40 in the afternoon.", "15:40", None, "3:40 in the afternoon"),
        ("Gates opened at 7:15 in the morning.", "07:15", None, "7:15 in the morning"),
        ("Shots were heard at 11:30 at night.", "23:30", None, "11:30 at night"),
        ("The alarm rang at 1:30 at night.", "01:30", None, "1:30 at night"),
    ],
)
def test_a_clock_time_is_a_time_of_day(text, value, bound, surface):
    found = only(text, "time")
    assert (found["value"], found["bound"], found["text"]) == (value, bound, surface)


@pytest.mark.parametrize(
    "text",
    ["Read Psalm 23:14 aloud.", "They won 12:10 after extra time.", "The fast lasted 12 hrs."],
)
def test_digits_around_a_colon_without_a_clock_word_are_no_time_and_no_count(text):
    assert [v for v in find_values(text) if v["type"] in ("time", "count")] == []


@pytest.mark.parametrize(
    ("text", "value", "surface"),
    [
        # Only a clock writes hours past 12 or a leading zero before a colon.
        ("The 17:05 ferry never left Corran.", "17:05", "17:05"),
        ("08:20 Police have closed the bridge.", "08:20", "08:20"),
        # A dotted time is a time when its zone is said.
        ("The vote closed at 21.30 local time.", "21:30", "21.30 local time"),
        ("The index was fixed at 09.15 GMT.", "09:15", "09.15 GMT"),
    ],
)
def test_a_time_only_a_clock_writes_needs_no_preposition(text, value, surface):
    found = only(text, "time")
    assert (found["value"], found["text"]) == (value, surface)


@pytest.mark.parametrize(
    ("text", "value", "twelve_hour", "surface"),
    [
        ("The sirens went off at half past nine.", "09:30", True, "half past nine"),
        ("The bridge shut at a quarter to eight.", "07:45", True, "a quarter to eight"),
        ("At seventeen minutes past four the lights went out.", "04:17", True, None),
        ("It opened at ten past eleven.", "11:10", True, "ten past eleven"),
        ("Counting began at nine o'clock.", "09:00", True, "nine o'clock"),
        # The part of the day said after it settles which side of noon it is.
        ("Crews arrived at four o'clock on Friday afternoon.", "16:00", False, None),
        ("We left at a quarter past ten in the evening.", "22:15", False, None),
        ("The polls closed at ten this evening.", "22:00", False, "ten this evening"),
        ("The alarm sounded at two tonight.", "02:00", False, "two tonight"),
        ("The alarm sounded at eleven tonight.", "23:00", False, "eleven tonight"),
    ],
)
def test_a_time_said_in_words_is_a_time_of_day(text, value, twelve_hour, surface):
    found = only(text, "time")
    assert found["value"] == value
    assert bool(found.get("twelve_hour")) is twelve_hour
    assert surface is None or found["text"] == surface


@pytest.mark.parametrize(
    "text",
    [
        "Fares rose from two to three dollars.",
        "Output was cut by a quarter to 40 million barrels.",
        "Sales fell by a quarter to eight stores.",
        "Nine this morning were taken to hospital.",
        "The gap narrowed from ten to seven points.",
    ],
)
def test_numbers_that_only_look_like_a_spoken_time_are_no_time(text):
    assert [v for v in find_values(text) if v["type"] == "time"] == []


def test_a_spoken_time_either_side_of_noon_agrees_with_both():
    from factcheck.engine.conflicts import _times_conflict

    spoken = only("The minister spoke at half past six.", "time")
    evening = only("The minister spoke at 6:30 p.m.", "time")
    morning = only("The minister spoke at 6:30 a.m.", "time")
    later = only("The minister spoke at 7:30 p.m.", "time")
    assert not _times_conflict(spoken, evening)
    assert not _times_conflict(spoken, morning)
    assert _times_conflict(spoken, later)
    assert _times_conflict(morning, evening)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Tenants received 1,480 section 21 notices in March.", 1480, "notice"),
        ("About 260 type 1 patients joined the study.", 260, "patient"),
        ("Three category 4 storms hit the coast.", 3, "storm"),
    ],
)
def test_a_designated_kind_is_not_what_a_figure_counts(text, value, unit):
    found = only(text, "count")
    assert (found["value"], found["unit"]) == (value, unit)


@pytest.mark.parametrize(
    "text",
    [
        "The jab cut the risk of type 2 diabetes by a fifth.",
        "Passengers on platform 9 trains faced delays.",
        "Article 50 talks resumed in Brussels.",
    ],
)
def test_a_number_designating_a_kind_is_no_count(text):
    assert [v for v in find_values(text) if v["type"] == "count"] == []


@pytest.mark.parametrize(
    ("text", "start", "end", "bound", "surface"),
    [
        ("will close by the end of June", "2026-06-01", "2026-06-30", "max", "by the end of June"),
        ("open until the end of May", "2026-05-01", "2026-05-31", "max", "until the end of May"),
        ("hired at the start of April", "2026-04-01", "2026-04-30", None, "the start of April"),
        ("due before the end of July", "2026-07-01", "2026-07-31", "max", "before the end of July"),
    ],
)
def test_a_part_of_a_month_dates_as_the_month(text, start, end, bound, surface):
    date = only(text, "date", published=datetime.date(2026, 3, 12))
    assert (date["start"], date["end"], date["bound"], date["text"]) == (start, end, bound, surface)


@pytest.mark.parametrize(
    ("text", "value", "unit", "surface"),
    [
        (
            "About 250 of the plant's workers live nearby",
            250.0,
            "worker",
            "About 250 of the plant's workers",
        ),
        ("40 of its drivers went on strike", 40.0, "driver", "40 of its drivers"),
        ("120 of the passengers were rescued", 120.0, "passenger", "120 of the passengers"),
    ],
)
def test_a_part_of_an_untold_whole_counts_the_noun_after_it(text, value, unit, surface):
    count = only(text, "count")
    assert (count["value"], count["unit"], count["text"]) == (value, unit, surface)


def test_a_part_of_a_told_whole_stays_a_fraction_and_a_part_of_them_no_count():
    assert only("nine of the 14 samples failed", "fraction")["numerator"] == 9
    assert [v for v in find_values("19 of them died") if v["type"] == "count"] == []
    assert [v for v in find_values("two of the best") if v["type"] == "count"] == []


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Core inflation eased to four point seven per cent in June.", "percent", 4.7),
        ("Turnout reached fifty-eight point three percent.", "percent", 58.3),
        ("The levy rises to seven and a half per cent next year.", "percent", 7.5),
        ("The port spent one point two five billion dollars on cranes.", "money", 1.25e9),
        ("Nearly three and a half thousand runners finished.", "count", 3500.0),
    ],
)
def test_a_fraction_said_in_words_belongs_to_its_number(text, kind, value):
    found = [v for v in find_values(text) if v["type"] == kind]
    assert len(found) == 1
    assert math.isclose(found[0].get("amount") or found[0]["value"], value)
    # Not read again as a second figure: "point seven per cent" is not 7 %.
    assert len(find_values(text)) == 1


def test_point_as_a_word_before_a_count_is_no_decimal():
    assert [(v["type"], v["value"]) for v in find_values("At one point two ferries collided.")] == [
        ("count", 2.0)
    ]


def counts(text: str) -> list[tuple[float, str | None, str]]:
    return [(v["value"], v["unit"], v["text"]) for v in find_values(text) if v["type"] == "count"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A number with no noun of its own counts what the sentence counted last.
        (
            "The gale sank four trawlers and damaged 19, the coastguard said.",
            [(4.0, "trawler", "four trawlers"), (19.0, "trawler", "19")],
        ),
        (
            "The count gave Halloran 8,412 ballots to Mbeki's 8,377.",
            [(8412.0, "ballot", "8,412 ballots"), (8377.0, "ballot", "8,377")],
        ),
        (
            "Six nurses resigned in May and three in June.",
            [(6.0, "nurse", "Six nurses"), (3.0, "nurse", "three")],
        ),
        (
            "Eleven bridges were shut overnight; engineers reopened seven by noon.",
            [(11.0, "bridge", "Eleven bridges"), (7.0, "bridge", "seven")],
        ),
    ],
)
def test_a_number_without_its_noun_counts_the_last_noun_counted(text, expected):
    assert counts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Names with a number are no counts, and a part stays a part.
        "Gate 14 closed after Pier 3 flooded.",
        "Route 9 was closed until noon.",
        "The inspectors checked 60 boilers, 8 of them faulty.",
    ],
)
def test_a_numbered_name_or_a_part_is_no_elided_count(text):
    found = counts(text)
    assert all(unit not in (None, "closed", "flooded", "was") for _, unit, _ in found), found
    assert [v for v, _, _ in found] in ([], [60.0])


@pytest.mark.parametrize(
    ("text", "value", "unit", "surface"),
    [
        ("The regulator lifted its base rate by 50 basis points.", 50.0, "bp", "50 basis points"),
        ("a 75bp rise", 75.0, "bp", "75bp"),
        ("a 25-basis-point cut", 25.0, "bp", "25-basis-point"),
        ("unemployment fell 0.4 percentage points", 0.4, "point", "0.4 percentage points"),
        ("The bank cut by a quarter-point.", 0.25, "point", "a quarter-point"),
        ("It rose half a percentage point.", 0.5, "point", "half a percentage point"),
        ("revised up by three-tenths of a point", 0.3, "point", "three-tenths of a point"),
        (
            "the yield climbed two and a half percentage points",
            2.5,
            "point",
            "two and a half percentage points",
        ),
    ],
)
def test_a_change_in_a_rate_is_counted_in_points(text, value, unit, surface):
    found = only(text, "count")
    assert (found["value"], found["unit"], found["text"]) == (pytest.approx(value), unit, surface)
    assert not [v for v in find_values(text) if v["type"] in ("percent", "fraction")]


@pytest.mark.parametrize(
    ("text", "value", "surface"),
    [
        ("The lender trimmed its rate by three-quarter per cent.", 0.75, "three-quarter per cent"),
        ("Prices crept up by half of one percent in March.", 0.5, "half of one percent"),
        ("a quarter per cent of the payroll", 0.25, "a quarter per cent"),
        ("The nurses were offered nine and a half per cent.", 9.5, "nine and a half per cent"),
        ("Fares go up 3 and a quarter percent.", 3.25, "3 and a quarter percent"),
    ],
)
def test_a_part_of_one_per_cent_is_a_percentage(text, value, surface):
    found = only(text, "percent")
    assert (found["value"], found["text"]) == (pytest.approx(value), surface)
    assert not [v for v in find_values(text) if v["type"] in ("fraction", "count")]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Rapeseed output: 0.84mt (-17% y/y).", [17.0]),
        ("Tin (+2.5%), zinc (−0.8%) and lead (+1%) closed higher.", [2.5, 0.8, 1.0]),
        ("Net income came to £3m, -12% on the year.", [12.0]),
    ],
)
def test_a_change_told_by_its_sign_is_a_percentage(text, values):
    assert [v["value"] for v in find_values(text) if v["type"] == "percent"] == values


@pytest.mark.parametrize(
    "text",
    ["Cases of H5N1-15% strains", "Turnout rose 10-12% in the east.", "Model XR-7% trim"],
)
def test_a_hyphen_inside_a_word_or_a_range_is_no_sign(text):
    assert not [v for v in find_values(text) if v["type"] == "percent"]


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        (
            "Ridership reached 9.8m in 2024, up from 9.1m the year before.",
            "2023-01-01",
            "2023-12-31",
            "year",
        ),
        (
            "Orders were 310 in February 2024, against 260 a year earlier.",
            "2023-02-01",
            "2023-02-28",
            "month",
        ),
        (
            "Q1 2025 margins were 8%, against 6% one year before.",
            "2024-01-01",
            "2024-03-31",
            "quarter",
        ),
        (
            "On 29 February 2024 the queue was 40; a year earlier it was 25.",
            "2023-02-28",
            "2023-02-28",
            "day",
        ),
        # From the article's day: its month a year back.
        (
            "Vacancies stood at 4.2%, down from 5.1% a year ago.",
            "2024-12-01",
            "2024-12-31",
            "month",
        ),
    ],
)
def test_a_year_earlier_counts_back_from_the_sentence_date(text, start, end, precision):
    found = [v for v in find_values(text, published=PUBLISHED) if v["type"] == "date"]
    back = found[-1]
    assert (back["start"], back["end"], back["precision"]) == (start, end, precision)


def test_a_year_earlier_with_no_date_to_count_back_from_is_unread():
    text = "Bookings rose to 1,200 from 950 a year earlier."
    assert not [v for v in find_values(text, published=PUBLISHED) if v["type"] == "date"]


def test_basis_points_and_points_compare_as_one_measure():
    from factcheck.engine.values import _same_amount

    bp, quarter = only("a 25bp cut", "count"), only("a quarter-point cut", "count")
    assert _same_amount(bp, quarter)
    assert not _same_amount(bp, only("a half-point cut", "count"))


def test_a_level_stays_a_percentage_beside_its_change_in_points():
    found = find_values("Lenders raised mortgage rates by 0.2 percentage points to 6.1%.")
    assert [(v["type"], v["text"]) for v in found] == [
        ("count", "0.2 percentage points"),
        ("percent", "6.1%"),
    ]


@pytest.mark.parametrize(
    ("text", "numerator", "denominator", "surface"),
    [
        ("The council approved the budget on an 8-3 vote.", 8, 11, "8-3"),
        ("The panel voted 5-4 to reject it.", 5, 9, "5-4"),
        ("the committee split 6-6 on the plan", 6, 12, "6-6"),
        ("The board split 5-4, two members said.", 5, 9, "5-4"),
        ("Members backed it by nine votes to two.", 9, 11, "nine votes to two"),
        ("Aldermen voted by 23 to 17 to close the pool.", 23, 40, "23 to 17"),
        ("The motion was voted down 12 to 9 last night.", 12, 21, "12 to 9"),
        ("The union's executive voted down 7-5 the offer.", 7, 12, "7-5"),
    ],
)
def test_a_vote_tally_is_a_part_of_the_votes_cast(text, numerator, denominator, surface):
    found = only(text, "fraction")
    assert (found["numerator"], found["denominator"], found["unit"], found["text"]) == (
        numerator,
        denominator,
        "vote",
        surface,
    )


def test_a_score_or_range_without_a_vote_is_no_tally():
    assert not [v for v in find_values("Shifts ran 9-5 all week.") if v["type"] == "fraction"]


@pytest.mark.parametrize(
    ("text", "value", "unit", "surface"),
    [
        ("The tremor measured magnitude 5.9, the survey said.", 5.9, "magnitude", "magnitude 5.9"),
        ("It struck as a Category 4 cyclone.", 4.0, "category", "Category 4"),
        ("a 5.9-magnitude tremor", 5.9, "magnitude", "5.9-magnitude"),
        (
            "The agency gave it a magnitude of 6.1, higher than first said.",
            6.1,
            "magnitude",
            "magnitude of 6.1",
        ),
    ],
)
def test_a_scale_named_before_its_number_is_its_unit(text, value, unit, surface):
    found = only(text, "count")
    assert (found["value"], found["unit"], found["text"]) == (value, unit, surface)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The flood's death toll stood at 27 on Sunday.", 27.0, "death"),
        ("The number of confirmed infections has risen to 418.", 418.0, "infection"),
        # The noun named as counted after the last count wins over that count's noun.
        (
            "Crews cleared 14 roads, and the number of closed schools fell to 9.",
            9.0,
            "school",
        ),
        # The phrase after "number of" ends at the verb giving its level: "stands" and
        # "rose" are no nouns; people named by their state are counted too.
        ("The number of wounded now stands at 38, the hospital said.", 38.0, "injury"),
        ("The number of people killed has risen to 12.", 12.0, "death"),
        ("By noon the number of missing had climbed to 6.", 6.0, "missing"),
        ("The total of the evacuated rose to 1,200 overnight.", 1200.0, "evacuated"),
        ("The count of flooded basements currently stands at 310.", 310.0, "basement"),
    ],
)
def test_a_bare_figure_counts_the_noun_named_as_counted(text, value, unit):
    found = [v for v in find_values(text) if v["type"] == "count"]
    assert (found[-1]["value"], found[-1]["unit"]) == (value, unit)


@pytest.mark.parametrize(
    "text",
    [
        "The tally of closed roads rose to 31 overnight.",
        "Crews had cleared 31 yesterday and hoped to finish today.",
        "The toll reached 31 by Tuesday.",
    ],
)
def test_a_word_of_time_or_a_determiner_is_never_what_a_figure_counts(text):
    units = {v["unit"] for v in find_values(text) if v["type"] == "count"}
    assert units.isdisjoint({"overnight", "yesterday", "today", "the", "toll"})


@pytest.mark.parametrize(
    ("text", "part", "whole", "unit", "bound"),
    [
        ("Close to a third of the 820 nurses walked out.", 1, 3, None, "approx"),
        ("Two fifths of the ferries sailed late on Monday.", 2, 5, "ferry", None),
        ("More than half of the crew stayed aboard.", 1, 2, "crew", "min"),
        ("Almost half the flats lost heating.", 1, 2, "flat", "approx"),
        ("A quarter of growers sold at a loss.", 1, 4, "grower", None),
        # The whole left unsaid, the share the subject of a verb: no ordinal "third lost".
        ("Nearly a third lost their harvest.", 1, 3, None, "approx"),
        ("About a quarter said they would sell.", 1, 4, None, "approx"),
        ("Two fifths were turned away at the gate.", 2, 5, None, None),
    ],
)
def test_a_share_in_words_is_a_fraction_of_its_whole(text, part, whole, unit, bound):
    found = only(text, "fraction")
    assert (found["numerator"], found["denominator"], found["unit"], found["bound"]) == (
        part,
        whole,
        unit,
        bound,
    )


@pytest.mark.parametrize(
    "text",
    [
        "Sales rose in the first half of the year.",
        "She won a third term in office.",
        "The talks lasted half an hour.",
        "A third quarter of growth is expected.",
        "A third vote was called for May.",
    ],
)
def test_halves_and_thirds_that_are_no_share_are_not_fractions(text):
    assert not [v for v in find_values(text) if v["type"] == "fraction"]


def test_a_share_in_words_leaves_the_figure_of_its_whole_to_be_read():
    found = find_values("Close to a third of the 820 nurses walked out.")
    assert [(v["type"], v.get("value")) for v in found if v["type"] == "count"] == [
        ("count", 820.0)
    ]


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("The blast killed 14 workers and injured 30.", [(14.0, "death"), (30.0, "injury")]),
        ("Six villagers were later confirmed dead.", [(6.0, "death")]),
        ("At least 8 died and 22 were hurt in the crush.", [(8.0, "death"), (22.0, "injury")]),
        (
            "The quake left 40 people dead, killing at least 12 children.",
            [(40.0, "death"), (12.0, "death")],
        ),
        ("Eight deaths were recorded.", [(8.0, "death")]),
    ],
)
def test_people_counted_as_killed_or_hurt_are_deaths_or_injuries(text, counts):
    found = [(v["value"], v["unit"]) for v in find_values(text) if v["type"] == "count"]
    assert found == counts


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("The avalanche left 9 people missing.", [(9.0, "missing")]),
        ("Fourteen fishermen remain unaccounted for.", [(14.0, "missing")]),
        ("By dusk 3 hikers were still missing and 2 injured.", [(3.0, "missing"), (2.0, "injury")]),
    ],
)
def test_people_told_as_missing_are_a_count_of_the_missing(text, counts):
    found = [(v["value"], v["unit"]) for v in find_values(text) if v["type"] == "count"]
    assert found == counts


def test_people_counted_otherwise_stay_people():
    found = [v["unit"] for v in find_values("The ferry had 240 passengers on board.")]
    assert found == ["passenger"]
    # What was killed that counts no people keeps its own noun.
    assert [v["unit"] for v in find_values("The frost killed 300 vines.")] == ["vine"]
    # Things missing are no missing people.
    assert [v["unit"] for v in find_values("Auditors found 12 ledgers missing.")] == ["ledger"]


@pytest.mark.parametrize(
    ("text", "amount", "surface"),
    [
        ("The mine lost about R41m in the quarter.", 41e6, "about R41m"),
        ("Drivers earn R12 750 a month before tax.", 12750.0, "R12 750 a month"),
        ("A clerk takes home R9 400,50 a month.", 9400.5, "R9 400,50 a month"),
        ("The province set aside R2,300,000 for repairs.", 2.3e6, "R2,300,000"),
        ("Eskom owes ZAR 4.1 billion to the fund.", 4.1e9, "ZAR 4.1 billion"),
        ("The tender was worth 95 million rand.", 95e6, "95 million rand"),
    ],
)
def test_south_african_rand_is_money(text, amount, surface):
    found = only(text, "money")
    assert found["amount"] == pytest.approx(amount)
    assert (found["currency"], found["text"]) == ("ZAR", surface)


@pytest.mark.parametrize(
    ("text", "vtype", "amount", "surface"),
    [
        (
            "Close to 3 400 miners downed tools on Tuesday.",
            "count",
            3400.0,
            "Close to 3 400 miners",
        ),
        ("The levy raised €1 275 000 for the harbour fund.", "money", 1.275e6, "€1 275 000"),
        # A no-break or thin space groups digits as a plain one does.
        (
            "Some 18\u00a0600 households lost power.",
            "count",
            18600.0,
            "Some 18\u00a0600 households",
        ),
        ("It weighed 2\u202f150.5 tonnes.", "count", 2150.5, "2\u202f150.5 tonnes"),
    ],
)
def test_digits_grouped_by_spaces_are_one_number(text, vtype, amount, surface):
    found = only(text, vtype)
    assert found["amount" if vtype == "money" else "value"] == pytest.approx(amount)
    assert found["text"] == surface


@pytest.mark.parametrize(
    "text",
    [
        "Relatives can call the rail operator's helpline on 0800 431 220.",
        "Tips reach the newsroom on 072 555 0134 or by email.",
        "From abroad, dial +44 207 946 0321 for the embassy.",
    ],
)
def test_a_telephone_number_is_no_spaced_figure(text):
    assert not [v for v in find_values(text) if v["type"] in ("count", "money")]


def test_a_year_and_a_count_beside_it_stay_apart():
    found = find_values("In 2019 240 families were moved off the floodplain.")
    assert [(v["type"], v.get("value")) for v in found if v["type"] == "count"] == [
        ("count", 240.0)
    ]


@pytest.mark.parametrize("text", ["Take the R61 towards Queenstown.", "The R101 airship crashed."])
def test_a_road_or_a_model_named_r_and_a_number_is_no_money(text):
    assert not [v for v in find_values(text) if v["type"] == "money"]


def test_a_time_in_gmt_is_a_time_unless_it_converts_a_local_one():
    assert only("The rocket lifted off at 1415 GMT.", "time")["value"] == "14:15"
    found = find_values("The ferry sank at 4:20 a.m. local time (0220 GMT) on Friday.")
    assert [(v["type"], v["value"]) for v in found if v["type"] in ("time", "count")] == [
        ("time", "04:20")
    ]


def test_a_part_of_a_whole_needs_no_article_before_a_plural_noun():
    found = only("Rebels held four of nine districts by dawn.", "fraction")
    assert (found["numerator"], found["denominator"], found["unit"]) == (4, 9, "district")
    assert not [
        v for v in find_values("Results from 3 of 2025 were late.") if v["type"] == "fraction"
    ]


@pytest.mark.parametrize(
    ("text", "start"),
    [
        # Told as ahead: the coming October, though the last one is nearer.
        ("The quarry will close by Oct. 31, the owners said.", "2026-10-31"),
        ("Repairs are due to finish in November.", "2026-11-01"),
        # Told as past: the nearest year stands.
        ("The quarry closed on Oct. 31, the owners said.", "2025-10-31"),
        ("Repairs finished in November.", "2025-11-01"),
    ],
)
def test_a_date_without_a_year_told_as_ahead_is_the_coming_one(text, start):
    found = only(text, "date", published=datetime.date(2026, 3, 2))
    assert found["start"] == start


@pytest.mark.parametrize(
    "text",
    [
        "the side won 3 in 2024",  # a year, not a whole
        "prices rose 4 in 10 days",  # a time
        "she scored 2 in 5 games",
        "a lane narrowed by 1 in 3 metres",  # a measure
    ],
)
def test_a_number_in_a_time_or_measure_is_no_rate(text):
    assert [v for v in find_values(text) if v["type"] == "fraction"] == []


def test_a_hedged_rate_keeps_its_hedge():
    rate = only("Nearly one in five drivers was fined", "fraction")
    assert (rate["numerator"], rate["denominator"], rate["bound"]) == (1, 5, "approx")
    assert rate["text"] == "Nearly one in five drivers"


def test_a_number_word_is_not_read_into_the_word_after_it():
    # "four ten|ants" is no run of number words: the count is four tenants.
    assert only("four tenants were evicted", "count")["value"] == 4
    assert only("seven tenures ended", "count")["value"] == 7


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Average attendance was 12,480 over the season.", 12480, "attendance"),
        ("The herd's headcount has now dropped to about 640.", 640, "headcount"),
        ("A fleet of 37 is based on the island.", 37, "fleet"),
        ("The registered electorate of Carnside stood at 88,015 in May.", 88015, "electorate"),
        ("Overnight arrests rose to 19, police said.", 19, "arrest"),
        ("Admissions: 214", 214, "admission"),
        ("Ticket sales are put at 9,300 by the organisers.", 9300, "sale"),
        # The level a change reached, told after the change.
        ("Exports of barley rose 4.2 per cent to 1,284 last year.", 1284, "barley"),
        ("Bus ridership climbed 6 per cent to 41,900 a day.", 41900, "ridership"),
    ],
)
def test_a_number_without_a_noun_measures_the_noun_phrase_before_it(text, value, unit):
    counts = [v for v in find_values(text) if v["type"] == "count"]
    assert [(v["value"], v["unit"]) for v in counts] == [(value, unit)]


def test_the_level_a_change_reached_measures_what_changed():
    counts = [
        (v["value"], v["unit"])
        for v in find_values("Registered voters fell 2 per cent, from 81,400 to 79,770.")
        if v["type"] == "count"
    ]
    # Where it started is left unread: in "from 20 to 35 tables" it counts the tables.
    assert counts == [(79770, "voter")]


@pytest.mark.parametrize(
    "text",
    [
        "She joined the orchestra at 17 and never left.",  # "at" after no verb of level
        "The final score was 4-2 after extra time.",  # a score
        "He was 52 when he took office.",  # a pronoun measures nothing
        "Most of 40 applicants were turned away.",  # a part, not a measure
        "The toll reached 31 by Tuesday.",  # "toll" alone names nothing counted
        "Donors gave 12 per cent to 300 last year.",  # "gave" tells no level
    ],
)
def test_a_number_without_a_noun_is_not_given_a_word_that_measures_nothing(text):
    units = {v.get("unit") for v in find_values(text) if v["type"] == "count"}
    assert units <= {None, "applicant"}
    assert not any(u in {"orchestra", "score", "he", "most", "toll", "donor"} for u in units)


def test_a_part_of_a_possessed_whole_is_a_fraction():
    (value,) = find_values("The guild said about 1,400 of the studio's 1,750 writers had signed.")
    assert (value["type"], value["numerator"], value["denominator"], value["unit"]) == (
        "fraction",
        1400,
        1750,
        "writer",
    )
    # A rounded part is a rounded fraction: it does not contradict "1,412 of 1,750".
    assert value["bound"] == "approx"
    assert value["text"].startswith("about")


def test_a_day_word_before_a_number_is_no_label():
    (value,) = find_values("Yesterday 318 drivers stayed at the depot.")
    assert (value["value"], value["unit"]) == (318, "driver")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("A paid attendance of 8,214 watched the replay.", 8214, "attendance"),
        ("Of the 640 runners who started, 588 finished the course.", 588, "runner"),
    ],
)
def test_a_past_verb_after_a_number_is_not_what_it_counts(text, value, unit):
    counts = [v for v in find_values(text) if v["type"] == "count"]
    assert (counts[-1]["value"], counts[-1]["unit"]) == (value, unit)


def test_people_in_a_state_after_a_number_are_still_counted():
    (value,) = find_values("The collapse left 23 injured in the stands.")
    assert (value["value"], value["unit"]) == (23, "injury")


def test_a_rate_of_a_whole_keeps_its_rate_and_the_whole():
    values = find_values("Roughly two in five of the region's 18,400 dairy herds are affected.")
    fraction, count = values
    assert (fraction["numerator"], fraction["denominator"], fraction["bound"]) == (2, 5, "approx")
    assert (count["value"], count["unit"]) == (18400, "herd")
    # A part of a whole after "in" that is no rate is still a part.
    (part,) = find_values("She finished in 3 of 7 stages.")
    assert (part["numerator"], part["denominator"]) == (3, 7)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The barge carried 12t of gravel.", 12),
        ("Average yield was 3.05t/ha this season.", 3.05),
        ("Stocks stood at 815kt in June.", 815_000),
        ("The soy crop reached 6.3mt, a record.", 6_300_000),
        ("Emissions fell to 41.7Mt last year.", 41_700_000),
        ("Refiners bought 7,500mt of palm oil.", 7_500),
    ],
)
def test_tonnes_written_onto_a_number_are_tonnes_not_trillions(text, value):
    counts = [v for v in find_values(text) if v["type"] == "count"]
    assert [(v["value"], v["unit"]) for v in counts] == [(pytest.approx(value), "t")]


def test_a_trillion_letter_still_scales_money():
    (value,) = find_values("Public debt passed $4.1t last year.")
    assert value["amount"] == pytest.approx(4.1e12)


@pytest.mark.parametrize(
    ("text", "kind", "amount", "unit"),
    [
        ("The mill can make half a million tonnes a year.", "count", 500_000, "tonne"),
        ("About a quarter of a million leaflets were pulped.", "count", 250_000, "leaflet"),
        ("Three-quarters of a million commuters use the line.", "count", 750_000, "commuter"),
        ("Two thirds of a million voters stayed at home.", "count", 2e6 / 3, "voter"),
        ("Police detained three dozen protesters.", "count", 36, "protester"),
        ("Half a dozen trawlers sank in the gale.", "count", 6, "trawler"),
        ("Two dozen flights were cancelled.", "count", 24, "flight"),
        ("The port spent half a billion dollars on cranes.", "money", 5e8, None),
    ],
)
def test_a_multiple_in_words_is_one_number(text, kind, amount, unit):
    [found] = [v for v in find_values(text) if v["type"] == kind]
    assert found.get("value", found.get("amount")) == pytest.approx(amount)
    assert found.get("unit") == unit or kind == "money"
    # Never also a share of the whole: "a quarter of a million" is no quarter.
    assert not [v for v in find_values(text) if v["type"] == "fraction"]


def test_an_item_of_a_list_after_a_comma_counts_what_the_list_counts():
    text = "Of the 64 outbreaks, 51 were in Ontario, seven in Quebec and six in Manitoba."
    counts = [(v["value"], v["unit"]) for v in find_values(text) if v["type"] == "count"]
    assert counts == [(64, "outbreak"), (51, "outbreak"), (7, "outbreak"), (6, "outbreak")]
    # A year before the comma is no list: nothing is counted there.
    assert not [v for v in find_values("In 2019, 45 in Leeds") if v["type"] == "count"]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Barns destroyed: 17", 17, "barn"),
        ("- Cottages flooded: 230", 230, "cottage"),
        ("Passengers killed: 6", 6, "death"),
        ("Wounded: 41", 41, "injury"),
        ("Total volunteers: 2,310", 2310, "volunteer"),
        # A longer label: its head, before the words that modify it.
        ("Lorries turned back at the border crossing: 312", 312, "lorry"),
        ("Calls to the flood helpline in March: 4,120", 4120, "call"),
        ("Households without mains water since Friday: 86", 86, "household"),
        ("Number of ferries cancelled: 14", 14, "ferry"),
        ("Climbers rescued from the north face: 9", 9, "climber"),
        ("Residents killed in the landslide: 3", 3, "death"),
        # A qualifier in brackets after the label.
        ("Trains delayed (peak hours only): 57", 57, "train"),
    ],
)
def test_a_label_line_counts_the_labels_noun_not_its_participle(text, value, unit):
    count = only(text, "count")
    assert (count["value"], count["unit"]) == (value, unit)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        # Nouns that do not look plural, so that the verb was taken for the head.
        ("Roughly 90 crew quit the ship last spring.", 90, "crew"),
        ("Some 400 staff left the port in March.", 400, "staff"),
        ("About 35 cattle fell into the river.", 35, "cattle"),
    ],
)
def test_an_irregular_past_verb_after_the_noun_is_not_what_is_counted(text, value, unit):
    count = only(text, "count")
    assert (count["value"], count["unit"]) == (value, unit)


def test_a_number_that_is_the_subject_of_a_past_verb_counts_what_was_counted_before():
    text = "Three sitting trustees were beaten and three retired."
    counts = [(v["value"], v["unit"]) for v in find_values(text) if v["type"] == "count"]
    assert counts == [(3, "trustee"), (3, "trustee")]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Some 2,000 U.S. troops will stay on.", 2000, "troop"),
        ("The plant employs 450 U.K. staff.", 450, "staff"),
        ("About 1,200 U.N. peacekeepers are deployed.", 1200, "peacekeeper"),
    ],
)
def test_a_dotted_abbreviation_before_the_noun_is_not_what_is_counted(text, value, unit):
    count = only(text, "count")
    assert (count["value"], count["unit"]) == (value, unit)


def test_a_stat_lines_entries_count_its_label():
    found = [(v["value"], v["unit"]) for v in find_values("Fouls: Brackley 12, Tarn Vale 9")]
    assert found == [(12, "foul"), (9, "foul")]


@pytest.mark.parametrize(
    "text",
    [
        "Venue: Gate 4, Platform 9",  # designations, however listed
        "Note: Route 66 is closed",  # a name and its number inside a sentence
        "Ward 3 gave its votes to the incumbent.",
    ],
)
def test_a_name_and_number_outside_a_stat_line_are_no_count(text):
    assert [v for v in find_values(text) if v["type"] == "count"] == []


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Police said 14 gunmen stormed the depot.", "gunman"),
        ("About 60 firemen fought the blaze.", "fireman"),
        ("The council has 48 aldermen.", "alderman"),
        # Not a compound of "man": the word is its own singular.
        ("The lab tested 300 specimens.", "specimen"),
    ],
)
def test_a_compound_of_man_in_the_plural_counts_its_singular(text, unit):
    assert only(text, "count")["unit"] == unit


@pytest.mark.parametrize(
    ("text", "value", "unit", "surface"),
    [
        ("winds of 130 kilometres per hour", 130, "kilometre/h", "130 kilometres per hour"),
        ("travelling at 80 miles an hour", 80, "mile/h", "80 miles an hour"),
        ("gusts of 150km per hour", 150, "km/h", "150km per hour"),
        ("a limit of 60 km/h", 60, "km/h", "60 km/h"),
    ],
)
def test_a_distance_per_hour_is_a_speed(text, value, unit, surface):
    count = only(text, "count")
    assert (count["value"], count["unit"], count["text"]) == (value, unit, surface)


@pytest.mark.parametrize(
    ("text", "unit"),
    [("The road climbs 12 miles a day's walk from town.", "mile"), ("It is 9 km per side.", "km")],
)
def test_a_distance_per_something_else_stays_a_distance(text, unit):
    assert only(text, "count")["unit"] == unit


def test_one_speed_in_words_and_in_symbols_agrees_and_a_different_one_conflicts():
    [kilometres] = find_values("sustained winds of 130 kilometres per hour")
    [kph] = find_values("sustained winds of 130 kph")
    [miles] = find_values("sustained winds of 81 miles an hour")
    [faster] = find_values("sustained winds of 160 km/h")
    assert comparable(kilometres, kph) and comparable(kph, miles)
    assert not find_conflicts([kilometres], [kph])
    assert not find_conflicts([kph], [miles])
    assert find_conflicts([kilometres], [faster])


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        # Spoken English counts with the article: transcripts, quotes, broadcasts.
        ("The barge held a hundred and sixty-five thousand litres of diesel.", 165000, "litre"),
        ("We hired a hundred and ten new teachers this term.", 110, "teacher"),
        ("Nearly a thousand runners finished.", 1000, "runner"),
        ("an hundred archers", 100, "archer"),
    ],
)
def test_a_scale_word_after_the_article_is_one_of_that_scale(text, value, unit):
    count = only(text, "count")
    assert (count["value"], count["unit"]) == (value, unit)


@pytest.mark.parametrize(
    "text",
    ["a handful of boats", "a hundredth anniversary", "a thousandfold rise"],
)
def test_an_article_before_no_scale_word_is_no_number(text):
    assert [v for v in find_values(text) if v["type"] == "count"] == []


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # WordNet decides which ending a plural drops.
        ("Fourteen buses were torched.", "bus"),
        ("The firm paid 40 bonuses.", "bonus"),
        ("Six houses were flooded.", "house"),
        ("The council employs 90 nurses.", "nurse"),
        ("Nine heroes were honoured.", "hero"),
        ("Police seized 30 knives.", "knife"),
        ("The library keeps 12 archives.", "archive"),
        ("Fans bought 500 movies.", "movie"),
        ("There are 25 companies.", "company"),
        ("The hospital opened 8 clinics.", "clinic"),
    ],
)
def test_a_plural_counts_its_dictionary_noun(text, unit):
    assert only(text, "count")["unit"] == unit


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # An -ing or -ed word before a plural noun modifies it; it is no verb ending the
        # noun phrase.
        ("The trust will add 75 new teaching posts.", "post"),
        ("The tower has 300 serviced apartments.", "apartment"),
        # A verb still ends it.
        ("About 300 porters leaving the depot were searched.", "porter"),
        ("Some 40 cabins flooded overnight.", "cabin"),
    ],
)
def test_a_word_ending_in_ing_or_ed_before_a_plural_modifies_it(text, unit):
    assert only(text, "count")["unit"] == unit


@pytest.mark.parametrize(
    ("text", "numerator", "denominator", "unit"),
    [
        ("Inspectors passed all but two of the 30 lifts.", 28, 30, "lift"),
        ("Every one but four of the 25 councillors voted for it.", 21, 25, "councillor"),
        # Without "all but", the part is the part told.
        ("Inspectors failed two of the 30 lifts.", 2, 30, "lift"),
    ],
)
def test_all_but_a_part_is_the_rest_of_the_whole(text, numerator, denominator, unit):
    fraction = only(text, "fraction")
    assert (fraction["numerator"], fraction["denominator"], fraction["unit"]) == (
        numerator,
        denominator,
        unit,
    )
    assert fraction["text"].lower().startswith(("all but", "every one but", "two"))


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The trail is one and a half kilometres long.", 1.5, "kilometre"),
        ("Talks lasted three and a half hours.", 3.5, "hour"),
        ("Two and a half thousand pilgrims arrived.", 2500, "pilgrim"),
    ],
)
def test_and_a_half_belongs_to_the_number_before_any_noun(text, value, unit):
    count = only(text, "count")
    assert (count["value"], count["unit"]) == (value, unit)


def test_nautical_miles_are_a_sea_mile_written_out_or_glued():
    spelled = only("The trawler sank nine nautical miles off the headland.", "count")
    glued = only("The trawler sank 9nm off the headland.", "count")
    kilometres = only("The trawler sank 16.7 km off the headland.", "count")
    assert spelled["unit"] == "nautical-mile" and glued["unit"] == "nm"
    assert find_conflicts([spelled], [glued]) == []
    assert find_conflicts([spelled], [kilometres]) == []
    # A land mile is shorter than the sea's 1.852 km: 9 miles are 14.5 km.
    assert find_conflicts([only("It sank 9 miles off the headland.", "count")], [kilometres])


def test_a_count_between_two_numbers_is_a_range():
    count = only("Between 40 and 55 volunteers searched the dunes.", "count")
    assert (count["low"], count["value"], count["unit"], count["bound"]) == (
        40,
        55,
        "volunteer",
        "range",
    )
    assert count["text"] == "Between 40 and 55 volunteers"
    scaled = only("between 2 and 3 million visitors", "count")
    assert (scaled["low"], scaled["value"]) == (2e6, 3e6)


@pytest.mark.parametrize(
    ("text", "low", "high", "unit", "surface"),
    [
        ("Crews cleared 250-300 trees from the line.", 250, 300, "tree", "250-300 trees"),
        ("Some 1,200-1,500 homes lost power.", 1200, 1500, "home", "Some 1,200-1,500 homes"),
        # A key-figures line: the label says what the range counts.
        ("Key figures\n- Boats deployed: 12-15\n", 12, 15, "boat", "12-15"),
        ("Trees felled: 250 to 300 (first estimate)", 250, 300, "tree", "250 to 300"),
        ("Some 60–70 volunteers searched the dunes.", 60, 70, "volunteer", "Some 60–70 volunteers"),
        ("The ward will close for 2-3 weeks.", 2, 3, "week", "2-3 weeks"),
        ("They expect 12 to 15 boats to join the search.", 12, 15, "boat", "12 to 15 boats"),
        ("The dam holds back 4 to 6 million litres.", 4e6, 6e6, "litre", "4 to 6 million litres"),
        ("Drifts of 6 to 9 feet closed the pass.", 6, 9, "foot", "6 to 9 feet"),
    ],
)
def test_a_count_written_as_two_numbers_joined_is_a_range(text, low, high, unit, surface):
    count = only(text, "count")
    assert (count["low"], count["value"], count["bound"]) == (low, high, "range")
    if unit is not None:
        assert (count["unit"], count["text"]) == (unit, surface)


@pytest.mark.parametrize(
    "text",
    [
        # A score, a span of years, a telephone number, a change, a tally: no range.
        "The visitors won 3-1 in extra time.",
        "Rainfall over 1991-2020 averaged less.",
        "Call 555-0182 for help.",
        "Visits went from 20 to 35 a night.",
        "The board split 5-4 on the motion.",
        "Bookings rose 40 to 45 on the first night.",
    ],
)
def test_two_numbers_joined_that_are_no_range_are_read_as_before(text):
    assert not [v for v in find_values(text) if v.get("bound") == "range"]


def test_a_range_written_with_a_dash_covers_the_figures_inside_it():
    dashed = only("Firefighters saved 300-400 homes overnight.", "count")
    inside = only("Firefighters saved about 350 homes overnight.", "count")
    outside = only("Firefighters saved more than 600 homes overnight.", "count")
    assert find_conflicts([dashed], [inside]) == []
    assert find_conflicts([dashed], [outside])


def test_a_change_from_one_count_to_another_is_no_range():
    count = only("Bookings rose from 20 to 35 tables a night.", "count")
    assert count["bound"] is None and "low" not in count


def test_a_range_covers_the_figures_inside_it_and_disputes_those_outside():
    between = only("Between 40 and 55 volunteers searched the dunes.", "count")
    inside = only("About 48 volunteers searched the dunes.", "count")
    outside = only("Some 90 volunteers searched the dunes.", "count")
    edge = only("40 volunteers searched the dunes.", "count")
    assert find_conflicts([between], [inside]) == []
    assert find_conflicts([between], [edge]) == []
    assert find_conflicts([between], [outside])
