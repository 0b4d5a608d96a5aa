"""``Fact.article_count`` is kept right by every write that moves claims between facts.

The queue sorts by the kept count instead of counting each fact's articles per request,
so after an import, a regrouping, a split, a merge, its undo and a re-read article, the
column must equal a fresh ``COUNT(DISTINCT article)`` of every fact.
"""

import pytest
from django.db.models import Count

from evaluation.corpus import generate_corpus
from factcheck.models import Claim, Fact, FactChange
from factcheck.services import merge_facts, split_claim, undo_merge
from intake.services import ingest_article
from tests.factcheck.test_import_order import BRIDGE

pytestmark = pytest.mark.django_db

# Generated reports, latest first: an earlier report arriving after later ones makes
# the import regroup stored claims into other facts (several times in these forty).
LATEST_FIRST = list(generate_corpus(40, seed=7))[::-1]


def assert_counts_are_fresh() -> None:
    fresh = Fact.objects.annotate(fresh=Count("claims__article", distinct=True))
    wrong = {
        fact.pk: (fact.article_count, fact.fresh)
        for fact in fresh.only("pk", "article_count")
        if fact.article_count != fact.fresh
    }
    assert wrong == {}, "fact: (kept, counted)"


def fact_of_each_claim() -> dict[int, int]:
    return dict(Claim.objects.values_list("pk", "fact_id"))


def test_import_and_regrouping_keep_the_count():
    regrouped = 0
    for name, text in LATEST_FIRST:
        before = fact_of_each_claim()
        ingest_article(source_file=name, path=f"generated/{name}", data=text.encode())
        after = fact_of_each_claim()
        regrouped += any(after[pk] != fact for pk, fact in before.items())
        assert_counts_are_fresh()
    assert regrouped >= 2, "imports moved stored claims to other facts"
    assert Fact.objects.filter(article_count__gte=3).exists()

    # An article read again with a line added: its claims are replaced.
    name, text = LATEST_FIRST[10]
    data = (text + "\nThe vote was 7 to 2.\n").encode()
    result = ingest_article(source_file=name, path=f"generated/{name}", data=data)
    assert result.outcome == "updated"
    assert_counts_are_fresh()


def test_split_merge_and_undo_keep_the_count(editor):
    for name, text in BRIDGE:
        ingest_article(source_file=name, data=text.encode())
    wide, other = Fact.objects.order_by("-article_count", "pk")[:2]
    assert wide.article_count == len(BRIDGE)

    claim = wide.claims.order_by("pk").first()
    split_off = split_claim(claim=claim, user=editor, expected_version=wide.version)
    assert split_off.article_count == 1
    assert_counts_are_fresh()

    other.refresh_from_db()
    merged = merge_facts(target=other, other=split_off, user=editor, expected_version=other.version)
    assert_counts_are_fresh()
    split_off.refresh_from_db()
    # Merged away, kept for its history: no article reports it now.
    assert split_off.article_count == 0

    change = FactChange.objects.get(fact=merged, action=FactChange.Action.MERGE)
    undo_merge(change=change, user=editor, expected_version=merged.version)
    assert_counts_are_fresh()
    split_off.refresh_from_db()
    assert split_off.article_count == 1
