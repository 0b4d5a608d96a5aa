"""The queue's keys kept on each claim (``factcheck.priority``) and the index they feed.

That the desk's writes keep them right is checked after every kind of write in
``test_review_counts`` (``assert_queue_keys_are_fresh``), against a count from scratch.
"""

from __future__ import annotations

import threading
from datetime import date
from importlib import import_module

import pytest
from django.apps import apps
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from factcheck.filters import ClaimFilter
from factcheck.models import Claim, Fact, Status
from factcheck.priority import (
    COUNT_MAX,
    KEPT,
    fact_priority,
    lock_facts,
    refresh_queue_keys,
    stale_queue_keys,
)
from factcheck.publishing import clear_review_flag, flag_for_review
from factcheck.services import record_verdict, undo_verdict
from tests.builders import make_article, make_claim, make_fact, verdict_within
from tests.factcheck.test_article_count import LATEST_FIRST
from tests.factcheck.test_review_counts import assert_queue_keys_are_fresh, ingest

pytestmark = pytest.mark.django_db

HX = {"HX-Request": "true"}


def test_each_key_of_the_fact_outranks_every_key_after_it():
    def rank(contested=False, flagged=False, origins=1, articles=1):
        return fact_priority(
            contested=contested, flagged=flagged, origins=origins, articles=articles
        )

    most = COUNT_MAX
    assert rank(contested=True) > rank(flagged=True, origins=most, articles=most)
    assert rank(flagged=True) > rank(origins=most, articles=most)
    assert rank(origins=2) > rank(origins=1, articles=most)
    assert rank(articles=2) > rank(articles=1)
    # Past the cap a count no longer spills into the key above it.
    assert rank(articles=COUNT_MAX + 5) == rank(articles=COUNT_MAX) < rank(origins=2)
    assert rank(origins=COUNT_MAX + 5) < rank(flagged=True)


def test_the_sql_gives_what_the_python_does():
    conflict = [{"a": {"type": "count", "value": 1}, "b": {"type": "count", "value": 2}}]
    facts = [
        make_fact(),
        make_fact(suggested_status=Status.DISPUTED, origin_count=3),
        make_fact(conflicts=conflict, needs_review=True, status=Status.CORROBORATED),
        make_fact(status=Status.SINGLE_SOURCE, origin_count=7, article_count=9),
    ]
    for n, fact in enumerate(facts):
        make_claim(make_article(published=date(2026, 3, n + 1)), fact=fact)
    # An undated article, reporting the first fact too.
    make_claim(make_article(published=None), fact=facts[0])
    assert_queue_keys_are_fresh()
    assert stale_queue_keys() == []


def test_editors_changes_move_the_claims_in_and_out_of_the_queue(editor):
    article = make_article("The port handled 120 ships and 40 barges.")
    fact = make_fact()
    ships = make_claim(article, "120 ships", fact=fact)
    barges = make_claim(article, "40 barges", fact=fact)

    def waiting() -> set[int]:
        return set(Claim.objects.needing_editor().values_list("pk", flat=True))

    assert waiting() == {ships.pk, barges.pk}
    fact = record_verdict(fact=fact, status=Status.DISPUTED, user=editor, expected_version=1)
    assert waiting() == set()
    verdict = fact.changes.first()
    fact = undo_verdict(fact=fact, change=verdict, user=editor, expected_version=fact.version)
    assert waiting() == {ships.pk, barges.pk}
    fact = record_verdict(fact=fact, status=Status.CORROBORATED, user=editor, expected_version=None)
    with transaction.atomic():
        fact = flag_for_review(fact=fact, reason="An article it cites changed.")
    # Flagged: back in the queue, and ahead of an unflagged fact with the same counts.
    assert waiting() == {ships.pk, barges.pk}
    assert Claim.objects.get(pk=ships.pk).fact_priority > fact_priority(
        contested=False, flagged=False, origins=1, articles=1
    )
    clear_review_flag(fact=fact, user=editor, expected_version=fact.version, reason="Same")
    assert waiting() == set()
    assert_queue_keys_are_fresh()


def test_the_migration_fills_the_keys_of_claims_stored_before_them():
    for name, text in LATEST_FIRST[:6]:
        ingest(name, text)
    Claim.objects.update(needs_editor=False, fact_priority=0, article_undated=True)
    assert stale_queue_keys()
    migration = import_module("factcheck.migrations.0014_claim_queue_keys")
    migration.fill_queue_keys(apps, None)
    assert_queue_keys_are_fresh()


def test_refresh_writes_every_kept_field_in_one_statement():
    fact = make_fact(origin_count=2)
    claim = make_claim(make_article(published=date(2026, 1, 2)), fact=fact)
    Claim.objects.filter(pk=claim.pk).update(
        needs_editor=False, fact_priority=0, article_undated=True, article_published=None
    )
    with CaptureQueriesContext(connection) as queries:
        assert refresh_queue_keys(fact_ids={fact.pk}) == 1
    assert len(queries) == 1
    kept = Claim.objects.values_list(*KEPT).get(pk=claim.pk)
    assert kept == (
        True,
        fact_priority(contested=False, flagged=False, origins=2, articles=1),
        False,
        date(2026, 1, 2),
    )
    # Keys already right are not written again: a fact's other claims stay untouched.
    make_claim(make_article(published=date(2026, 1, 3)), fact=fact)
    refresh_queue_keys(fact_ids={fact.pk})
    assert refresh_queue_keys(fact_ids={fact.pk}) == 0
    Fact.objects.filter(pk=fact.pk).update(origin_count=3)
    assert refresh_queue_keys(fact_ids={fact.pk}) == 2


def _plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # A tiny table is read whole whatever the indexes: ask for the index plan.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_sort = off")
            cursor.execute("EXPLAIN " + sql, params)
        else:
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        return "\n".join(str(row[-1]) for row in cursor.fetchall())


def test_the_default_view_is_read_from_the_queue_index_without_a_sort():
    for n in range(5):
        make_claim(make_article(f"Report {n}: 12 ships."), score=0.5 + n / 10)
    ids = ClaimFilter({}, queryset=Claim.objects.all()).qs.values_list("pk", flat=True)
    with transaction.atomic():
        plan = _plan(ids[:50])
        count = _plan(ids.order_by()[:10001])
    assert "claim_queue_idx" in plan and "claim_queue_idx" in count
    # No sort step: the index is in the queue's order.
    assert "TEMP B-TREE" not in plan and "Sort" not in plan
    if connection.vendor == "sqlite":
        # The ids and the flag are in the index: no claim row is read.
        assert "COVERING INDEX claim_queue_idx" in plan and "COVERING" in count


def test_disputed_suggestions_are_read_from_the_contested_part_of_the_index():
    disputed = make_fact(suggested_status=Status.DISPUTED)
    shown = make_claim(make_article("Report: 12 ships."), fact=disputed)
    make_claim(make_article("Report: 14 barges."), fact=make_fact(origin_count=3))
    claims = ClaimFilter({"suggested": Status.DISPUTED}, queryset=Claim.objects.all()).qs
    assert list(claims.values_list("pk", flat=True)) == [shown.pk]
    with transaction.atomic():
        plan = _plan(claims.values_list("pk", flat=True).order_by()[:10001])
    # The bound on the kept priority: on SQLite, the index's range of contested claims.
    # (PostgreSQL picks its plan by the sizes: on these few rows, any.)
    assert "fact_priority" in plan, plan
    if connection.vendor == "sqlite":
        assert "claim_queue_idx (needs_editor=? AND fact_priority>?)" in plan, plan


def test_the_last_page_is_read_from_the_end(editor_client):
    for n in range(120):
        make_claim(make_article(f"Report {n}: {n} ships."), score=(n % 7) / 10)
    order = list(Claim.objects.needing_editor().by_priority().values_list("pk", flat=True))
    url = reverse("factcheck:claim-list")
    with CaptureQueriesContext(connection) as queries:
        last = editor_client.get(url, {"page": "last"}, headers=HX)
    assert [c.pk for c in last.context["page"]] == order[100:]
    # The reversed order, not an offset past every row before it.
    ids_query = next(q["sql"] for q in queries.captured_queries if "ORDER BY" in q["sql"])
    assert "OFFSET" not in ids_query.upper()
    for number in (1, 2):
        page = editor_client.get(url, {"page": number}, headers=HX).context["page"]
        assert [c.pk for c in page] == order[(number - 1) * 50 : number * 50]


def test_an_import_locks_the_facts_of_the_claims_it_deletes_or_moves(monkeypatch):
    locked: list[set[int]] = []
    real = lock_facts
    monkeypatch.setattr(
        "factcheck.analysis.lock_facts", lambda ids: (locked.append(set(ids)), real(ids))
    )
    name, text = LATEST_FIRST[3]
    article = ingest(name, text)
    before = set(article.claims.values_list("fact_id", flat=True))
    locked.clear()
    # Read again with a line added: its old claims are deleted, their facts locked first.
    ingest(name, text + "\nThe vote was 7 to 2.\n")
    assert locked and before <= locked[0]


@pytest.mark.django_db(transaction=True)
def test_a_verdict_waits_for_an_import_that_moves_its_claims_without_a_deadlock(editor):
    """An import locks the facts whose claims it moves before it moves them (``lock_facts``),
    as the verdict locks the fact before writing its claims: a verdict on such a fact then
    waits for the import to commit, and the import never waits for the verdict. (Had the
    import moved the claim first and locked the fact later, the verdict, holding the fact
    and waiting for the claim, would deadlock with it.)
    PostgreSQL only (SQLite runs one write at a time)."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL's concurrent transactions: set DATABASE_URL")
    article = make_article("The ferry carried 212 passengers and 40 cars.")
    fact, other = make_fact(), make_fact()
    moving = make_claim(article, "212 passengers", fact=fact)
    staying = make_claim(article, "40 cars", fact=fact)
    moved = threading.Event()
    failed = []

    def import_moving_a_claim():
        try:
            with transaction.atomic():
                lock_facts({fact.pk, other.pk})
                Claim.objects.filter(pk=moving.pk).update(fact=other)
                moved.set()
                # The verdict comes meanwhile, and waits for the fact.
                threading.Event().wait(1.5)
                Fact.objects.filter(pk__in=[fact.pk, other.pk]).update(article_count=1)
                refresh_queue_keys(fact_ids={fact.pk, other.pk})
        except Exception as error:
            failed.append(repr(error))
        finally:
            moved.set()
            connection.close()

    importer = threading.Thread(target=import_moving_a_claim)
    importer.start()
    try:
        assert moved.wait(timeout=30)
        verdict_within(10, fact=fact, status=Status.DISPUTED, user=editor, expected_version=1)
    finally:
        importer.join(timeout=60)
    assert failed == []
    kept = dict(Claim.objects.values_list("pk", "needs_editor"))
    assert kept == {moving.pk: True, staying.pk: False}
    assert_queue_keys_are_fresh()
