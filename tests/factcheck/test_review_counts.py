"""The counts kept for articles and facts equal counts made from scratch after every write.

The dashboard ranks and totals by them (``factcheck.counts``) instead of counting every
claim per request, so after an import and the regrouping it makes, an article read again,
a verdict, a change of verdict and its undo, a bulk action in the admin, a split, a merge
and its undo, an article's text replaced by an editor and the deletion of articles, each
article's claims and facts (with and without a verdict) and each fact's articles must be
what counting the claims gives. The oracle here counts in Python, from every claim.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.urls import reverse

from factcheck.counts import COUNTS, Drift, find_drift, repair_counts
from factcheck.models import ArticleProgress, Claim, Fact, FactChange, Status
from factcheck.priority import KEPT, fact_priority
from factcheck.roles import EDITORS
from factcheck.services import (
    last_verdict_change,
    merge_facts,
    record_verdict,
    split_claim,
    undo_merge,
    undo_verdict,
)
from intake.services import ingest_article, replace_article_text
from sources.models import Article
from tests.builders import make_article, make_claim, verdict_within
from tests.factcheck.test_article_count import LATEST_FIRST
from tests.factcheck.test_import_order import BRIDGE, COPY, OTHER, WIRE

pytestmark = pytest.mark.django_db


def counted_from_scratch() -> tuple[dict[int, tuple[int, ...]], dict[int, int]]:
    """Every article's four counts and every fact's articles, from every claim."""
    claims: dict[int, int] = defaultdict(int)
    unreviewed: dict[int, int] = defaultdict(int)
    facts: dict[int, set[int]] = defaultdict(set)
    unreviewed_facts: dict[int, set[int]] = defaultdict(set)
    articles_of: dict[int, set[int]] = defaultdict(set)
    for article, fact, status in Claim.objects.values_list("article_id", "fact_id", "fact__status"):
        claims[article] += 1
        facts[article].add(fact)
        articles_of[fact].add(article)
        if not status:
            unreviewed[article] += 1
            unreviewed_facts[article].add(fact)
    per_article = {
        pk: (claims[pk], unreviewed[pk], len(facts[pk]), len(unreviewed_facts[pk]))
        for pk in Article.objects.values_list("pk", flat=True)
    }
    per_fact = {pk: len(articles_of[pk]) for pk in Fact.objects.values_list("pk", flat=True)}
    return per_article, per_fact


def assert_counts_are_fresh() -> None:
    per_article, per_fact = counted_from_scratch()
    kept_rows = ArticleProgress.objects.values_list("article_id", *COUNTS)
    # Only an article with claims has a progress row.
    kept_articles = {pk: (0, 0, 0, 0) for pk in per_article} | {
        row[0]: row[1:] for row in kept_rows
    }
    kept_facts = dict(Fact.objects.values_list("pk", "article_count"))
    wrong_articles = {
        pk: (kept, per_article.get(pk))
        for pk, kept in kept_articles.items()
        if per_article.get(pk) != kept
    }
    wrong_facts = {pk: (kept_facts[pk], n) for pk, n in per_fact.items() if kept_facts[pk] != n}
    assert wrong_articles == {}, "article: (kept, counted)"
    assert wrong_facts == {}, "fact: (kept, counted)"
    reported = {pk for pk, n in per_fact.items() if n}
    assert set(Fact.objects.reported().values_list("pk", flat=True)) == reported
    assert_queue_keys_are_fresh()
    # The repair's own check agrees.
    assert find_drift() == Drift(articles=[], facts=[])


def assert_queue_keys_are_fresh() -> None:
    """Every claim's kept queue keys (``priority``) are its fact's and article's now,
    worked out here in Python rather than by the SQL the desk writes them with."""
    facts = {
        pk: (status, needs_review, suggested, conflicts, origins, articles)
        for pk, status, needs_review, suggested, conflicts, origins, articles in (
            Fact.objects.values_list(
                "pk",
                "status",
                "needs_review",
                "suggested_status",
                "conflicts",
                "origin_count",
                "article_count",
            )
        )
    }
    wrong = {}
    for pk, fact_id, *kept, published in Claim.objects.values_list(
        "pk", "fact_id", *KEPT, "article__published"
    ):
        status, needs_review, suggested, conflicts, origins, articles = facts[fact_id]
        fresh = [
            status == "" or needs_review,
            fact_priority(
                contested=suggested == Status.DISPUTED or bool(conflicts),
                flagged=needs_review,
                origins=origins,
                articles=articles,
            ),
            published is None,
            published,
        ]
        if kept != fresh:
            wrong[pk] = (kept, fresh)
    assert wrong == {}, "claim: (kept, fresh)"


def ingest(name: str, text: str) -> Article:
    return ingest_article(source_file=name, path=f"generated/{name}", data=text.encode()).article


def reviewed_claims() -> int:
    return Claim.objects.exclude(fact__status="").count()


def test_imports_regrouping_and_a_re_read_article_keep_the_counts():
    regrouped = 0
    for name, text in LATEST_FIRST:
        before = dict(Claim.objects.values_list("pk", "fact_id"))
        ingest(name, text)
        after = dict(Claim.objects.values_list("pk", "fact_id"))
        regrouped += any(after[pk] != fact for pk, fact in before.items())
        assert_counts_are_fresh()
    assert regrouped >= 2, "imports moved stored claims to other facts"
    assert ArticleProgress.objects.filter(fact_count__gte=3).exists()

    # Read again with a line added: its claims are replaced.
    name, text = LATEST_FIRST[10]
    result = ingest_article(
        source_file=name,
        path=f"generated/{name}",
        data=(text + "\nThe vote was 7 to 2.\n").encode(),
    )
    assert result.outcome == "updated"
    assert_counts_are_fresh()
    # Read again with nothing left to check: no claims, no facts.
    name, text = LATEST_FIRST[11]
    header = text.split("\n\n", 1)[0]
    result = ingest_article(
        source_file=name, path=f"generated/{name}", data=f"{header}\n\nNothing to see.\n".encode()
    )
    assert result.outcome == "updated"
    assert result.article.claims.count() == 0
    assert not ArticleProgress.objects.filter(article=result.article).exists()
    assert_counts_are_fresh()


def test_verdicts_their_undo_a_bulk_action_and_later_imports_keep_the_counts(
    editor, client, django_user_model
):
    for name, text in LATEST_FIRST[:18]:
        ingest(name, text)
    wide = list(Fact.objects.filter(article_count__gte=2).order_by("-article_count", "pk")[:4])
    assert len(wide) == 4

    fact = record_verdict(
        fact=wide[0], status=Status.CORROBORATED, user=editor, expected_version=wide[0].version
    )
    assert reviewed_claims() == wide[0].article_count
    assert_counts_are_fresh()
    # Undone: back to no verdict.
    fact = undo_verdict(
        fact=fact, change=last_verdict_change(fact), user=editor, expected_version=fact.version
    )
    assert fact.status == ""
    assert reviewed_claims() == 0
    assert_counts_are_fresh()
    # A verdict, then another: still reviewed, the same counts.
    fact = record_verdict(
        fact=fact, status=Status.CORROBORATED, user=editor, expected_version=fact.version
    )
    fact = record_verdict(
        fact=fact, status=Status.DISPUTED, user=editor, expected_version=fact.version
    )
    assert reviewed_claims() == wide[0].article_count
    assert_counts_are_fresh()

    boss = django_user_model.objects.create_superuser("boss", "boss@example.org", "pw")
    boss.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(boss)
    response = client.post(
        reverse("admin:factcheck_fact_changelist"),
        {"action": "mark_disputed", "_selected_action": [f.pk for f in wide[1:]]},
        follow=True,
    )
    assert response.status_code == 200
    assert Fact.objects.filter(status=Status.DISPUTED).count() == 4
    assert_counts_are_fresh()

    # New reports of the facts with a verdict join them.
    before = reviewed_claims()
    for name, text in LATEST_FIRST[18:]:
        ingest(name, text)
        assert_counts_are_fresh()
    assert reviewed_claims() > before


def test_split_merge_carrying_a_verdict_and_its_undo_keep_the_counts(editor):
    for name, text in BRIDGE:
        ingest_article(source_file=name, data=text.encode())
    wide, other = Fact.objects.order_by("-article_count", "pk")[:2]
    wide = record_verdict(
        fact=wide, status=Status.CORROBORATED, user=editor, expected_version=wide.version
    )
    assert_counts_are_fresh()

    claim = wide.claims.order_by("pk").first()
    split_off = split_claim(claim=claim, user=editor, expected_version=wide.version)
    assert_counts_are_fresh()
    split_off = record_verdict(
        fact=split_off, status=Status.DISPUTED, user=editor, expected_version=split_off.version
    )
    assert_counts_are_fresh()

    # The target has no verdict: the split-off fact's comes with its claim.
    other.refresh_from_db()
    assert other.status == ""
    merged = merge_facts(target=other, other=split_off, user=editor, expected_version=other.version)
    assert merged.status == Status.DISPUTED
    assert_counts_are_fresh()

    change = FactChange.objects.get(fact=merged, action=FactChange.Action.MERGE)
    undone = undo_merge(change=change, user=editor, expected_version=merged.version)
    assert undone.status == ""
    assert_counts_are_fresh()


def test_deleting_articles_keeps_the_counts(editor):
    for name, text in {"wire.txt": WIRE, "copy.txt": COPY, "other.txt": OTHER}.items():
        ingest_article(source_file=name, data=text.encode())
    for name, text in LATEST_FIRST[:6]:
        ingest(name, text)
    shared = Fact.objects.filter(article_count__gte=2).order_by("pk").first()
    record_verdict(
        fact=shared, status=Status.DISPUTED, user=editor, expected_version=shared.version
    )
    assert_counts_are_fresh()

    Article.objects.get(source_file="wire.txt").delete()
    assert_counts_are_fresh()
    Article.objects.filter(source_file__in=[LATEST_FIRST[0][0], LATEST_FIRST[1][0]]).delete()
    assert_counts_are_fresh()


def test_replacing_an_articles_text_keeps_the_counts(editor):
    articles = {
        name: ingest_article(source_file=name, data=text.encode()).article
        for name, text in {"wire.txt": WIRE, "other.txt": OTHER}.items()
    }
    fact = Fact.objects.filter(article_count=2).order_by("pk").first()
    record_verdict(fact=fact, status=Status.CORROBORATED, user=editor, expected_version=1)
    assert_counts_are_fresh()
    replace_article_text(
        article=articles["other.txt"],
        data=COPY.encode(),
        user=editor,
        reason="The outlet sent the wrong file",
    )
    assert_counts_are_fresh()


def test_the_repair_finds_and_recounts_what_drifted(editor):
    for name, text in LATEST_FIRST[:5]:
        ingest(name, text)
    first, second, third = ArticleProgress.objects.filter(claim_count__gte=2).order_by("pk")[:3]
    fact = Fact.objects.order_by("pk").first()
    ArticleProgress.objects.filter(pk=first.pk).update(claim_count=99)
    ArticleProgress.objects.filter(pk=second.pk).update(unreviewed_claim_count=0)
    # A row lost, and a row kept for an article without claims.
    ArticleProgress.objects.filter(pk=third.pk).delete()
    bare = make_article("Nothing to check here.")
    ArticleProgress.objects.create(
        article=bare, claim_count=1, unreviewed_claim_count=1, fact_count=1, unreviewed_fact_count=1
    )
    Fact.objects.filter(pk=fact.pk).update(article_count=7)
    # The queue's keys kept on a claim: one of another fact says it needs no editor.
    claim = Claim.objects.exclude(fact=fact).order_by("pk").first()
    Claim.objects.filter(pk=claim.pk).update(needs_editor=False)
    drifted = sorted([first.pk, second.pk, third.pk, bare.pk])
    # The fact's claims copy its article count too: they drifted with it.
    queue_facts = sorted({fact.pk, claim.fact_id})
    assert find_drift() == Drift(articles=drifted, facts=[fact.pk], queue_facts=queue_facts)

    listed = ", ".join(f"#{pk}" for pk in drifted)
    with pytest.raises(CommandError, match=f"4 articles \\({listed}\\) and 1 fact"):
        call_command("refresh_counts", "--check")
    out = StringIO()
    call_command("refresh_counts", stdout=out)
    assert out.getvalue().startswith("4 articles")
    assert out.getvalue().strip().endswith("recounted.")
    assert_counts_are_fresh()
    assert not ArticleProgress.objects.filter(article=bare).exists()
    assert Claim.objects.get(pk=claim.pk).needs_editor
    assert repair_counts() == Drift(articles=[], facts=[])
    out = StringIO()
    call_command("refresh_counts", "--check", stdout=out)
    assert "Every kept count matches" in out.getvalue()


def test_the_migration_counts_articles_stored_before_the_counts():
    from importlib import import_module

    from django.apps import apps

    for name, text in LATEST_FIRST[:5]:
        ingest(name, text)
    ArticleProgress.objects.all().delete()
    assert find_drift().articles
    migration = import_module("factcheck.migrations.0013_article_progress")
    migration.count_progress(apps, None)
    assert_counts_are_fresh()


CONCURRENT_ROUNDS = 15


@pytest.mark.django_db(transaction=True)
def test_two_verdicts_at_once_on_facts_of_one_article_leave_its_counts_right(editor, other_editor):
    """Two editors record verdicts on two facts of one article at the same moment.

    Real threads and transactions: PostgreSQL only (SQLite runs one write at a time).
    Each recount locks the article's counts first, so the second sees the first's
    verdict; without the lock both could write counts that miss the other's.
    """
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL's concurrent transactions: set DATABASE_URL")
    for n in range(CONCURRENT_ROUNDS):
        article = make_article(f"Round {n}: the port handled {n} ships and {n + 1} barges.")
        first = make_claim(article, f"{n} ships").fact
        second = make_claim(article, f"{n + 1} barges").fact
        start = threading.Barrier(2)
        failed = []

        def mark(user, fact, start=start, failed=failed):
            try:
                start.wait(timeout=10)
                record_verdict(fact=fact, status=Status.DISPUTED, user=user, expected_version=1)
            except Exception as error:
                failed.append(repr(error))
            finally:
                connection.close()

        threads = [
            threading.Thread(target=mark, args=(editor, first)),
            threading.Thread(target=mark, args=(other_editor, second)),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert failed == []
        progress = ArticleProgress.objects.get(article=article)
        assert (progress.claim_count, progress.unreviewed_claim_count) == (2, 0), n
        assert (progress.fact_count, progress.unreviewed_fact_count) == (2, 0), n


@pytest.mark.django_db(transaction=True)
def test_a_verdict_does_not_wait_for_the_row_of_an_article_being_imported(editor):
    """An import holds its article's row until it commits, and writes facts later; a
    verdict on one of that article's facts holds the fact while it recounts the article.

    When the counts lived on the article row, the verdict waited for that row, and the
    import, wanting the fact next, deadlocked with it. Here another transaction holds the
    row (as an import of the article does) while the verdict runs: it must complete.
    PostgreSQL only (SQLite runs one write at a time).
    """
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL's concurrent transactions: set DATABASE_URL")
    article = make_article("The ferry carried 212 passengers and 40 cars.")
    fact = make_claim(article, "212 passengers").fact
    held, done = threading.Event(), threading.Event()
    failed = []

    def hold_the_article_row():
        try:
            with transaction.atomic():
                Article.objects.select_for_update().get(pk=article.pk)
                held.set()
                done.wait(timeout=30)
        except Exception as error:
            failed.append(repr(error))
        finally:
            held.set()
            connection.close()

    importer = threading.Thread(target=hold_the_article_row)
    importer.start()
    try:
        assert held.wait(timeout=30)
        verdict_within(5, fact=fact, status=Status.DISPUTED, user=editor, expected_version=1)
    finally:
        done.set()
        importer.join(timeout=60)
    assert failed == []
    progress = ArticleProgress.objects.get(article=article)
    assert (progress.claim_count, progress.unreviewed_claim_count) == (1, 0)


def test_the_repair_works_through_its_batches(monkeypatch):
    from factcheck import counts

    for name, text in LATEST_FIRST[:6]:
        ingest(name, text)
    ArticleProgress.objects.all().delete()
    drifted = find_drift().articles
    assert len(drifted) >= 5
    # Each batch is a transaction of its own, so a large repair holds few locks at once.
    monkeypatch.setattr(counts, "REPAIR_BATCH", 2)
    assert repair_counts().articles == drifted
    assert_counts_are_fresh()
