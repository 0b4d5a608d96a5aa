"""The inverted indexes are read in one statement per article, whatever the number of keys."""

from __future__ import annotations

from datetime import date
from importlib import import_module
from pathlib import Path

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext

from factcheck.indexes import fact_spans, nearest_per_key, newest_per_key, redate_fact_keys
from factcheck.models import ArticleFingerprint, FactKey
from factcheck.services import merge_facts, split_claim
from intake.services import ingest_article
from tests.builders import make_article, make_claim, make_fact

pytestmark = pytest.mark.django_db

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))
# Statements for one article's import (article, claims, facts, keys, copies, suggestions),
# savepoints included: the budget.
STATEMENTS_PER_ARTICLE = 40


def test_newest_rows_of_every_key_in_one_statement():
    facts = [make_fact() for _ in range(5)]
    for fact in facts:
        FactKey.objects.create(fact=fact, key="common")
    FactKey.objects.create(fact=facts[1], key="rare")
    with CaptureQueriesContext(connection) as queries:
        found = newest_per_key(FactKey, "fact", ["common", "rare", "absent"], limit=3)
    assert len(queries) == 1
    assert found == {
        "common": [facts[4].pk, facts[3].pk, facts[2].pk],
        "rare": [facts[1].pk],
    }


def test_keys_beyond_one_statement_are_read_in_chunks(monkeypatch):
    monkeypatch.setattr("factcheck.indexes.KEYS_PER_STATEMENT", 2)
    article = make_article()
    for key in ("a", "b", "c"):
        ArticleFingerprint.objects.create(article=article, key=key)
    with CaptureQueriesContext(connection) as queries:
        found = newest_per_key(ArticleFingerprint, "article", ["c", "b", "a", "a"], limit=5)
    assert len(queries) == 2
    assert found == {"a": [article.pk], "b": [article.pk], "c": [article.pk]}


def test_an_article_import_takes_a_bounded_number_of_statements():
    counts = []
    for path in SEEDS:
        with CaptureQueriesContext(connection) as queries:
            ingest_article(source_file=path.name, data=path.read_bytes())
        counts.append(len(queries))
    # The later seeds share many keys with the earlier ones: the count does not grow with
    # the keys looked up or the facts created.
    assert max(counts) <= STATEMENTS_PER_ARTICLE, counts


def _keyed(*spans: date | tuple[date | None, date | None] | None, key: str = "common") -> list[int]:
    """A fact with a row under ``key`` for each span of reports: a date is a fact reported
    on that day alone, None one reported undated."""
    facts = [make_fact() for _ in spans]
    for fact, span in zip(facts, spans, strict=True):
        first, last = span if isinstance(span, tuple) else (span, span)
        FactKey.objects.create(fact=fact, key=key, day=first, last_day=last)
    return [f.pk for f in facts]


def test_a_key_nominates_the_facts_reported_nearest_the_day_in_one_statement():
    # Created out of date order: the rows nominated depend on their dates, not their ids.
    far_after, before, far_before, after, same = _keyed(
        date(2026, 9, 30), date(2026, 6, 28), date(2026, 1, 5), date(2026, 7, 3), date(2026, 7, 1)
    )
    (rare,) = _keyed(date(2025, 1, 1), key="rare")
    with CaptureQueriesContext(connection) as queries:
        found = nearest_per_key(
            FactKey, "fact", ["common", "rare", "absent"], day=date(2026, 7, 1), limit=3
        )
    assert len(queries) == 1
    assert found == {"common": [same, after, before], "rare": [rare]}
    # As far on either side: the earlier report first.
    assert nearest_per_key(FactKey, "fact", ["common"], day=date(2026, 6, 30), limit=2) == {
        "common": [same, before]
    }


def test_undated_facts_count_as_reported_on_the_day_and_an_undated_article_takes_the_latest():
    old, undated, late = _keyed(date(2020, 1, 1), None, date(2026, 7, 1))
    assert nearest_per_key(FactKey, "fact", ["common"], day=date(2024, 1, 1), limit=2) == {
        "common": [undated, late]
    }
    assert nearest_per_key(FactKey, "fact", ["common"], day=None, limit=3) == {
        "common": [undated, late, old]
    }


def test_a_key_nominates_only_facts_reported_within_reach_of_the_day():
    day = date(2026, 7, 1)
    (
        near_before,
        near_after,
        far_before,
        far_after,
        long_running,
        ended_long_ago,
        partly_undated,
        undated,
    ) = _keyed(
        date(2026, 6, 1),
        date(2026, 8, 10),
        date(2026, 5, 1),
        date(2026, 8, 20),
        # First reported long before, and again within reach of the day.
        (date(2026, 1, 10), date(2026, 6, 20)),
        (date(2026, 1, 10), date(2026, 3, 1)),
        # One of its reports is undated: it may be the same fact whatever the date.
        (date(2025, 1, 10), None),
        None,
    )
    found = nearest_per_key(FactKey, "fact", ["common"], day=day, limit=10, within=45)
    # Nearest first: a span holding the day or an undated report counts as on it (the
    # later fact first, as a scan before the day meets them); a fact is as far as its
    # nearest report.
    assert found == {"common": [undated, partly_undated, long_running, near_before, near_after]}
    assert {far_before, far_after, ended_long_ago}.isdisjoint(found["common"])
    # Unbounded, every row of the key comes.
    unbounded = nearest_per_key(FactKey, "fact", ["common"], day=day, limit=10)
    assert len(unbounded["common"]) == 8
    # An undated article is matched by time to none: it takes the latest, unbounded.
    assert (
        len(nearest_per_key(FactKey, "fact", ["common"], day=None, limit=10, within=45)["common"])
        == 8
    )


def test_the_window_holds_at_its_edges():
    day = date(2026, 7, 1)
    on_edge_before, past_before, on_edge_after, past_after, last_on_edge = _keyed(
        date(2026, 5, 17),
        date(2026, 5, 16),
        date(2026, 8, 15),
        date(2026, 8, 16),
        (date(2026, 1, 1), date(2026, 5, 17)),
    )
    found = nearest_per_key(FactKey, "fact", ["common"], day=day, limit=10, within=45)
    assert set(found["common"]) == {on_edge_before, on_edge_after, last_on_edge}
    assert {past_before, past_after}.isdisjoint(found["common"])


def test_nearest_keys_beyond_one_statement_are_read_in_chunks(monkeypatch):
    # Four terms a key: two keys a statement.
    monkeypatch.setattr("factcheck.indexes.COMPOUND_TERMS", 8)
    (fact,) = _keyed(date(2026, 7, 1), key="a")
    for key in ("b", "c"):
        FactKey.objects.create(
            fact_id=fact, key=key, day=date(2026, 7, 1), last_day=date(2026, 7, 1)
        )
    with CaptureQueriesContext(connection) as queries:
        found = nearest_per_key(FactKey, "fact", ["c", "b", "a"], day=date(2026, 7, 2), limit=5)
    assert len(queries) == 2
    assert found == {"a": [fact], "b": [fact], "c": [fact]}


def _spans(fact) -> set[tuple[date | None, date | None]]:
    return set(fact.keys.values_list("day", "last_day"))


def test_a_facts_key_rows_carry_the_span_of_its_reports_as_reports_come_and_go(editor):
    early = make_article(published=date(2026, 3, 2))
    late = make_article(published=date(2026, 3, 9))
    fact = make_fact()
    FactKey.objects.create(fact=fact, key="k", day=None)
    make_claim(late, fact=fact)
    redate_fact_keys(*fact_spans([fact.pk]))
    assert _spans(fact) == {(date(2026, 3, 9), date(2026, 3, 9))}
    ships = [{"type": "count", "value": 120.0, "unit": "ship", "text": "120 ships"}]
    moved = make_claim(early, fact=fact, values=ships)
    redate_fact_keys(*fact_spans([fact.pk]))
    assert _spans(fact) == {(date(2026, 3, 2), date(2026, 3, 9))}
    # An editor moves the earliest report out: the fact's span is the later one's day,
    # and the new fact's is the one moved.
    new = split_claim(claim=moved, user=editor, expected_version=fact.version, reason="Other")
    assert _spans(fact) == {(date(2026, 3, 9), date(2026, 3, 9))}
    assert new.keys.exists()
    assert _spans(new) == {(date(2026, 3, 2), date(2026, 3, 2))}
    fact.refresh_from_db()
    merge_facts(target=fact, other=new, user=editor, expected_version=fact.version)
    assert _spans(fact) == {(date(2026, 3, 2), date(2026, 3, 9))}
    # An undated report: the fact may be matched whatever the date, so its span is open.
    make_claim(make_article(published=None), fact=fact)
    redate_fact_keys(*fact_spans([fact.pk]))
    assert _spans(fact) == {(date(2026, 3, 2), None)}


def test_the_migration_dates_the_key_rows_stored_before():
    article = make_article(published=date(2026, 5, 4))
    fact, undated = make_fact(), make_fact()
    make_claim(article, fact=fact)
    make_claim(make_article(published=None), fact=undated)
    FactKey.objects.create(fact=fact, key="k")
    FactKey.objects.create(fact=undated, key="k")
    import_module("factcheck.migrations.0018_fact_key_day").date_keys(apps, None)
    assert set(FactKey.objects.values_list("fact_id", "day")) == {
        (fact.pk, date(2026, 5, 4)),
        (undated.pk, None),
    }


def test_the_migration_gives_the_key_rows_stored_before_their_span():
    fact, partly_undated, undated = make_fact(), make_fact(), make_fact()
    make_claim(make_article(published=date(2026, 5, 4)), fact=fact)
    make_claim(make_article(published=date(2026, 6, 1)), fact=fact)
    make_claim(make_article(published=date(2026, 5, 4)), fact=partly_undated)
    make_claim(make_article(published=None), fact=partly_undated)
    make_claim(make_article(published=None), fact=undated)
    for f in (fact, partly_undated, undated):
        FactKey.objects.create(fact=f, key="k", day=date(2026, 5, 4))
    import_module("factcheck.migrations.0019_fact_key_last_day").span_keys(apps, None)
    assert set(FactKey.objects.values_list("fact_id", "day", "last_day")) == {
        (fact.pk, date(2026, 5, 4), date(2026, 6, 1)),
        (partly_undated.pk, date(2026, 5, 4), None),
        (undated.pk, None, None),
    }
