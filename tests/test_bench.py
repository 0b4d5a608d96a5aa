"""The benchmarks' own code (bench/), on a tiny corpus, so it does not rot between runs.

The benchmarks time nothing here: these tests check the statement counter, the load
test's lost-verdict check and the budget table, which ``make bench`` relies on.
"""

import argparse
import json

import pytest

from bench.jobs import (
    count_statements,
    job_groups,
    job_load_check,
    job_pages,
    job_profile,
    replicate,
)
from bench.report import Budget, Figure, Report, load_p95_after, machine_info, percentile
from evaluation.corpus import generate_corpus
from factcheck.counts import Drift, find_drift
from factcheck.models import ArticleProgress, ArticleRelation, Claim, Fact, FactChange, Status
from factcheck.services import record_verdict
from sources.models import Article


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in generate_corpus(4, seed=7):
        (folder / name).write_text(text, encoding="utf-8")
    return sorted(folder.iterdir())


@pytest.mark.django_db
def test_statement_counter_counts_each_import(corpus):
    counts = count_statements(corpus)

    assert len(counts) == 4
    assert Claim.objects.count() > 0
    # A new article is looked up, stored and analysed: many statements.
    assert min(counts) > 10
    # The same files again are "unchanged": found by their hash, nothing written.
    again = count_statements(corpus)
    assert max(again) < min(counts)


@pytest.mark.django_db
def test_groups_are_origins_and_spans_with_suggestions(corpus):
    count_statements(corpus)

    groups = job_groups(argparse.Namespace())["groups"]

    assert len(groups) == Fact.objects.filter(claims__isnull=False).distinct().count()
    assert sum(len(g["claims"]) for g in groups) == Claim.objects.count()
    origin, start, end = groups[0]["claims"][0]
    assert origin.startswith("file:") and end > start


@pytest.mark.django_db
def test_load_check_finds_a_verdict_missing_from_the_history(corpus, editor, tmp_path):
    count_statements(corpus)
    fact = Fact.objects.order_by("pk").first()
    log = tmp_path / "verdicts.jsonl"
    posted = []
    for n, status in enumerate((Status.DISPUTED, Status.CORROBORATED)):
        version = Fact.objects.get(pk=fact.pk).version
        record_verdict(fact=fact, status=status, user=editor, expected_version=version)
        verdict = {"fact": fact.pk, "status": status, "version": version, "user": "ed"}
        posted += [{**verdict, "attempt": n, "code": 0}, {**verdict, "attempt": n, "code": 200}]
    log.write_text("".join(json.dumps(v) + "\n" for v in posted))

    found = job_load_check(argparse.Namespace(log=str(log)))
    assert found["verdicts"] == 2 and found["facts"] == 1
    assert found["missing_from_history"] == 0 and found["wrong_final_status"] == 0

    # A 200 the database does not show: gone from the history and from the final status.
    FactChange.objects.filter(fact=fact, new_value=Status.CORROBORATED).delete()
    Fact.objects.filter(pk=fact.pk).update(status=Status.DISPUTED)
    found = job_load_check(argparse.Namespace(log=str(log)))
    assert found["missing_from_history"] == 1 and found["wrong_final_status"] == 1


@pytest.mark.django_db
def test_load_check_tells_a_post_cut_off_by_the_end_from_a_lost_verdict(corpus, editor, tmp_path):
    count_statements(corpus)
    fact = Fact.objects.order_by("pk").first()
    record_verdict(fact=fact, status=Status.DISPUTED, user=editor, expected_version=fact.version)
    sent = {"fact": fact.pk, "status": Status.DISPUTED, "version": fact.version, "user": "ed"}
    # A 200 for "disputed", then a POST for "single_source" cut off by the end but applied.
    cut = {**sent, "status": Status.SINGLE_SOURCE, "version": fact.version + 1, "attempt": 1}
    record_verdict(
        fact=fact, status=Status.SINGLE_SOURCE, user=editor, expected_version=fact.version + 1
    )
    log = tmp_path / "verdicts.jsonl"
    lines = [
        {**sent, "attempt": 0, "code": 0},
        {**sent, "attempt": 0, "code": 200},
        {**cut, "code": 0},
    ]
    log.write_text("".join(json.dumps(v) + "\n" for v in lines))

    found = job_load_check(argparse.Namespace(log=str(log)))

    assert found["unanswered"] == 1 and found["ended_by_unanswered"] == 1
    assert found["wrong_final_status"] == 0 and found["missing_from_history"] == 0


@pytest.mark.django_db
def test_replicated_fill_copies_each_article_with_facts_of_its_own(corpus):
    count_statements(corpus)
    before = job_groups(argparse.Namespace())["groups"]
    articles, claims = Article.objects.count(), Claim.objects.count()
    titles = set(Article.objects.values_list("title", flat=True))
    relations = ArticleRelation.objects.count()
    progress = ArticleProgress.objects.count()
    assert progress

    counts = replicate(2)

    assert counts["articles"] == 3 * articles and counts["claims"] == 3 * claims
    assert counts["relations"] == 3 * relations
    # A replica's titles are its own (syndicated copies share a title within a replica).
    assert len(set(Article.objects.values_list("title", flat=True))) == 3 * len(titles)
    assert all(len(h) == 64 for h in Article.objects.values_list("content_hash", flat=True))
    # Each replica's claims are grouped as the import grouped the originals, in facts of
    # their own: no fact holds claims of two replicas.
    after = job_groups(argparse.Namespace())["groups"]
    assert len(after) == 3 * len(before)
    for group in after:
        assert len({origin.partition("[r")[2] for origin, *_ in group["claims"]}) == 1
    originals = [g for g in after if "[r" not in g["claims"][0][0]]
    assert originals == before
    # The counts the dashboard reads are copied with their articles.
    assert find_drift() == Drift(articles=[], facts=[])
    assert ArticleProgress.objects.count() == 3 * progress
    # New rows still get ids (the sequences moved past the copies) and the pages render.
    newest = Fact.objects.order_by("-pk").first().pk
    assert Fact.objects.create(summary="after the copies").pk > newest
    pages = job_pages(argparse.Namespace(requests=0, seed=7))["pages"]
    assert {p["name"] for p in pages} >= {"queue full page", "dashboard", "fact page"}


@pytest.mark.django_db
def test_profile_of_a_page_names_its_functions_and_queries(corpus):
    count_statements(corpus)

    found = job_profile(argparse.Namespace(page="dashboard", top=10))

    assert found["page"] == "dashboard" and found["ms"] > 0
    assert found["queries"] > 0 and found["slowest_sql"]
    assert "cumulative" in found["profile"]


@pytest.mark.django_db
def test_profile_of_the_verdict_post_covers_each_post_and_records_each_verdict(corpus):
    count_statements(corpus)

    found = job_profile(argparse.Namespace(page="verdict POST", top=40, requests=3, seed=7))

    assert found["page"] == "verdict POST" and found["ms"] > 0
    assert "claim_verdict" in found["profile"]
    # One POST warms up, three are profiled: each records its verdict.
    assert FactChange.objects.filter(action=FactChange.Action.STATUS).count() == 4
    assert found["queries"] >= 3 * 5


def test_budget_table_says_which_figures_hold(tmp_path):
    report = Report(engine="sqlite", machine=machine_info("SQLite test"))
    report.add(Figure("queue full page, median", 80.4, "ms", Budget(100)))
    report.add(Figure("dashboard, median", 151.0, "ms", Budget(150)))
    report.add(Figure("parallel ratio", 1.7, "x", Budget(1.6, "at_least")))
    report.add(Figure("queries", 6, budget=Budget(7, "equal")))
    report.add(Figure("import peak memory", 212.5, "MiB"))

    lines = report.table().splitlines()

    assert lines[0].split() == ["figure", "value", "budget", "holds"]
    assert lines[2].endswith("80.40 ms  <= 100  yes")
    assert lines[3].endswith("151 ms    <= 150  NO")
    assert lines[4].endswith(">= 1.6  yes")
    assert lines[5].endswith("6         == 7    NO")
    assert lines[6].endswith("—       —")
    saved = json.loads(report.write(tmp_path).read_text())
    assert saved["machine"]["cores"] >= 1 and saved["machine"]["database"] == "SQLite test"
    assert saved["machine"]["git_commit"]
    assert [f["holds"] for f in saved["figures"]] == [True, False, True, False, None]


def test_percentile_is_nearest_rank():
    values = [float(n) for n in range(1, 21)]
    assert percentile(values, 0.95) == 19.0
    assert percentile(values, 0.5) == 10.0
    assert percentile([3.0], 0.95) == 3.0


def test_the_load_p95_after_the_first_seconds_leaves_out_the_log_on_rush():
    rush = [(100.0 + i / 10, "queue full page", 900.0) for i in range(10)]
    later = [(106.0 + i, "fact page", float(i)) for i in range(100)]
    assert load_p95_after(rush + later, 5) == (94.0, 100)  # nearest rank: the 95th of 0..99
    assert load_p95_after(rush + later, 0) == (900.0, 110)
    assert load_p95_after(rush, 5) == (0.0, 0)
