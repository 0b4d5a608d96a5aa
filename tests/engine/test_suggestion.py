from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.engine.suggestion import Report, origins_of, suggest


def squadrons(n: int) -> list[dict]:
    return [{"type": "fraction", "numerator": n, "denominator": 5, "unit": "squadron"}]


def trade(amount: float) -> list[dict]:
    return [{"type": "money", "amount": amount, "currency": "USD", "bound": None}]


def test_origins_of_groups_copies_under_the_smallest_id():
    origins = origins_of([5, 2, 9, 7], [(9, 5), (7, 9)])
    assert origins == {2: 2, 5: 5, 7: 5, 9: 5}


def test_origins_of_links_through_articles_outside_the_list():
    # 4 and 6 both copy 1, which is not among the reports.
    origins = origins_of([4, 6], [(4, 1), (1, 6)])
    assert origins[4] == origins[6] == 1


def test_disputed_names_the_articles_and_their_values():
    reports = [
        Report(1, "002_x.txt", 1, squadrons(3)),
        Report(2, "contradicting.txt", 2, squadrons(4)),
    ]
    result = suggest(reports)
    assert result.status == "disputed"
    assert (
        result.reason == "002_x.txt says 3 of 5 squadrons; contradicting.txt says 4 of 5 squadrons"
    )
    assert [c.description for c in result.conflicts] == ["3 of 5 squadrons vs 4 of 5 squadrons"]
    assert result.origins == 2


def test_disputed_groups_the_majority():
    reports = [
        Report(1, "a.txt", 1, trade(68.7e9)),
        Report(2, "b.txt", 2, trade(68.7e9)),
        Report(3, "c.txt", 3, trade(65.7e9)),
    ]
    result = suggest(reports)
    assert result.status == "disputed"
    assert result.reason == "a.txt and b.txt say $68.7 billion; c.txt says $65.7 billion"


def test_a_large_majority_is_named_by_its_first_reports_and_counted():
    reports = [Report(i, f"outlet-{i}", i, trade(68.7e9)) for i in range(1, 41)]
    reports.append(Report(41, "dissent", 41, trade(65.7e9)))
    result = suggest(reports)
    assert result.status == "disputed"
    assert result.reason == (
        "outlet-1, outlet-2, outlet-3 and 37 others say $68.7 billion; dissent says $65.7 billion"
    )


def test_a_copy_that_changed_a_number_is_still_a_dispute():
    reports = [Report(1, "a.txt", 1, squadrons(3)), Report(2, "b.txt", 1, squadrons(4))]
    assert suggest(reports).status == "disputed"


def test_corroborated_by_independent_origins():
    reports = [
        Report(1, "a.txt", 1, squadrons(3)),
        Report(2, "b.txt", 2, squadrons(3)),
        Report(3, "c.txt", 1, squadrons(3)),
    ]
    result = suggest(reports)
    assert result.status == "corroborated"
    assert result.origins == 2
    assert result.reason == (
        "Reported by 3 articles from 2 independent origins: a.txt, b.txt (c.txt is a copy of "
        "a.txt)."
    )
    assert result.conflicts == []


def test_reports_without_values_corroborate():
    result = suggest([Report(1, "a.txt", 1, []), Report(2, "b.txt", 2, [])])
    assert result.status == "corroborated"


def test_one_article_is_a_single_source():
    result = suggest([Report(7, "a.txt", 7, squadrons(3))])
    assert result.status == "single_source"
    assert result.reason == "Only one article reports this (a.txt)."
    assert result.origins == 1


def test_copies_never_corroborate():
    reports = [
        Report(3, "c.txt", 1, squadrons(3)),
        Report(1, "a.txt", 1, squadrons(3)),
        Report(2, "b.txt", 1, squadrons(3)),
    ]
    result = suggest(reports)
    assert result.status == "single_source"
    assert result.reason.startswith("3 articles report this but all copy one origin (a.txt)")
    assert "b.txt is a copy of a.txt" in result.reason


def test_copies_of_an_origin_outside_the_reports():
    reports = [Report(4, "d.txt", 1, []), Report(6, "f.txt", 1, [])]
    result = suggest(reports)
    assert result.status == "single_source"
    assert "all copy one origin (d.txt)" in result.reason


def test_no_reports():
    result = suggest([])
    assert result.status == "single_source"
    assert result.origins == 0


edges = st.lists(st.tuples(st.integers(0, 12), st.integers(0, 12)), max_size=15)


@given(st.lists(st.integers(0, 12), max_size=10), edges)
@settings(max_examples=100, deadline=None)
def test_origins_are_the_smallest_member_of_each_cluster(ids, relations):
    origins = origins_of(ids, relations)
    assert set(ids) <= set(origins)
    for a, b in relations:
        assert origins[a] == origins[b]
    for x, root in origins.items():
        assert root <= x
        assert origins[root] == root


@given(st.lists(st.tuples(st.integers(1, 6), st.integers(1, 4)), min_size=1, max_size=6))
@settings(max_examples=100, deadline=None)
def test_suggest_status_follows_origins_and_values(rows):
    reports = [Report(i, f"{i}.txt", origin, squadrons(n)) for i, (origin, n) in enumerate(rows)]
    result = suggest(reports)
    values = {n for _, n in rows}
    origins = {o for o, _ in rows}
    if len(values) > 1:
        assert result.status == "disputed"
    elif len(origins) > 1:
        assert result.status == "corroborated"
    else:
        assert result.status == "single_source"
    assert result.origins == len(origins)


def toll(n: int) -> list[dict]:
    return [{"type": "count", "value": n, "unit": "death", "bound": None, "text": f"{n} dead"}]


def test_a_figure_that_changes_from_one_day_to_the_next_is_an_update_not_a_dispute():
    import datetime

    monday, tuesday = datetime.date(2026, 6, 1), datetime.date(2026, 6, 2)
    suggestion = suggest(
        [
            Report(1, "wire-monday.txt", 1, toll(5), published=monday),
            Report(2, "paper-monday.txt", 2, toll(5), published=monday),
            Report(3, "wire-tuesday.txt", 3, toll(11), published=tuesday),
            Report(4, "site-tuesday.txt", 4, toll(11), published=tuesday),
        ]
    )
    assert suggestion.status == "corroborated"
    assert suggestion.updated and not suggestion.conflicts
    assert suggestion.origins == 2  # the two reports of the latest figure
    assert suggestion.reason.index("2026-06-01: 5") < suggestion.reason.index("2026-06-02: 11")


def test_the_latest_figure_from_one_outlet_is_single_source():
    import datetime

    suggestion = suggest(
        [
            Report(1, "a.txt", 1, toll(5), published=datetime.date(2026, 6, 1)),
            Report(2, "b.txt", 2, toll(5), published=datetime.date(2026, 6, 1)),
            Report(3, "c.txt", 3, toll(11), published=datetime.date(2026, 6, 2)),
        ]
    )
    assert suggestion.status == "single_source" and suggestion.updated


def test_a_contradiction_on_the_same_day_stays_a_dispute_beside_an_update():
    import datetime

    monday, tuesday = datetime.date(2026, 6, 1), datetime.date(2026, 6, 2)
    suggestion = suggest(
        [
            Report(1, "a.txt", 1, toll(5), published=monday),
            Report(2, "b.txt", 2, toll(11), published=tuesday),
            Report(3, "c.txt", 3, toll(14), published=tuesday),
        ]
    )
    assert suggestion.status == "disputed"
    assert "11" in suggestion.reason and "14" in suggestion.reason


def test_a_later_report_that_just_states_another_figure_is_an_update():
    import datetime

    suggestion = suggest(
        [
            Report(1, "a.txt", 1, toll(5), published=datetime.date(2026, 6, 1)),
            Report(2, "b.txt", 2, toll(5), published=datetime.date(2026, 6, 1)),
            # "Eleven people have now died": no word of change needed.
            Report(3, "c.txt", 3, toll(11), published=datetime.date(2026, 6, 2)),
        ]
    )
    assert suggestion.updated and not suggestion.conflicts
    assert suggestion.status == "single_source"


def test_two_reports_disagree_only_when_they_state_one_fact_by_themselves():
    import datetime

    from factcheck.engine.extraction import extract_claims
    from factcheck.engine.features import ClaimFeatures

    day = datetime.date(2026, 7, 8)

    def report(n: int, text: str) -> Report:
        found = extract_claims(text, published=day)[0]
        features = ClaimFeatures.from_extracted(
            found, text, story=("harbour board",), published=day
        )
        return Report(n, f"{n}.txt", n, found.values, published=day, features=features)

    ferries = report(1, "The harbour board said 42 ferries used the new terminal in June.")
    fewer = report(2, "Only 38 ferries used the new terminal in June, the harbour board said.")
    tugs = report(3, "Crews of 17 tugboats walked out over pay on Tuesday night.")
    # Two reports of one count that disagree: a dispute.
    assert suggest([ferries, fewer]).status == "disputed"
    # A claim that joined the fact through another member, about another count, does not
    # dispute it even where its figure reads as the same kind: the two are not one fact.
    as_ferries = replace(tugs, values=[dict(v, unit="ferry") for v in tugs.values])
    assert suggest([ferries, as_ferries]).status != "disputed"
    # Reports built without features (by hand) are compared on their figures alone.
    assert suggest([ferries, replace(as_ferries, features=None)]).status == "disputed"


def surge(metres: float, bound: str | None = None) -> list[dict]:
    return [{"type": "count", "value": metres, "unit": "metre", "bound": bound}]


def tied_reports(monkeypatch, monday: list[dict], tuesday_a: list[dict], tuesday_b: list[dict]):
    """Three reports whose pairwise decisions are set: Monday's is one fact with each of
    Tuesday's two, which are too unlike to be compared by themselves."""
    import datetime

    from factcheck.engine import suggestion
    from factcheck.engine.features import ClaimFeatures
    from factcheck.engine.matching import Match

    def report(n: int, values: list[dict], day: datetime.date) -> Report:
        features = ClaimFeatures(f"report {n}", "quantity", values, [], f"report {n}")
        return Report(n, f"{n}.txt", n, values, published=day, features=features)

    monday_report = report(1, monday, datetime.date(2026, 1, 12))
    a = report(2, tuesday_a, datetime.date(2026, 1, 13))
    b = report(3, tuesday_b, datetime.date(2026, 1, 13))
    apart = {frozenset(("report 2", "report 3"))}

    def decide(x, y):
        one = frozenset((x.text, y.text)) not in apart
        return Match(score=0.7 if one else 0.5, same_fact=one, reasons=[])

    monkeypatch.setattr(suggestion, "decide", decide)
    return [monday_report, a, b]


def test_two_reports_of_one_day_tied_by_a_third_that_agrees_with_one_dispute(monkeypatch):
    reports = tied_reports(monkeypatch, surge(3, "approx"), surge(3, "max"), surge(5))
    result = suggest(reports)
    assert result.status == "disputed"
    assert result.reason == "2.txt says up to 3 metres; 3.txt says 5 metres"


def test_a_third_report_that_gives_only_a_lower_bound_ties_nothing(monkeypatch):
    # "More than 2 metres" on Monday is no evidence for Tuesday's 3 against 5.
    reports = tied_reports(monkeypatch, surge(2, "min"), surge(3), surge(5))
    assert suggest(reports).status != "disputed"
