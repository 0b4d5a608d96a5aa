"""Deleting an article takes its reports out of the facts, as if it had never come in.

The water-board story of ``test_import_order``: a wire report, its syndicated copy
and an independent report. Whatever deletes the article (the admin, a bulk action,
``Article.delete()``), the facts end as an import of the remaining articles alone
would leave them: counts, suggestions, reasons, keys, copy relations.
"""

import pytest
from django.urls import reverse

from factcheck.models import ArticleFingerprint, ArticleRelation, Claim, Fact, FactKey, Status
from factcheck.services import record_verdict
from intake.services import ingest_article
from sources.models import Article
from tests.factcheck.test_import_order import COPY, OTHER, WIRE

pytestmark = pytest.mark.django_db

STORY = {"wire.txt": WIRE, "copy.txt": COPY, "other.txt": OTHER}


def ingest(*names: str) -> dict[str, Article]:
    return {
        name: ingest_article(source_file=name, data=STORY[name].encode()).article for name in names
    }


def state() -> set[tuple]:
    """Every fact as the desk sees it, named by its summary, with its keys."""
    return {
        (
            fact.summary,
            fact.article_count,
            fact.origin_count,
            fact.suggested_status,
            fact.suggested_reason,
            frozenset(FactKey.objects.filter(fact=fact).values_list("key", flat=True)),
            frozenset(fact.claims.values_list("article__source_file", flat=True)),
        )
        for fact in Fact.objects.all()
    }


def as_if_only(*names: str) -> set[tuple]:
    """The state an import of ``names`` alone gives, rolled back."""
    Article.objects.all().delete()
    ingest(*names)
    return state()


def fact_reporting(words: str) -> Fact:
    return Fact.objects.filter(claims__text__contains=words).distinct().get()


def test_deleting_one_of_two_corroborating_articles_leaves_a_single_source():
    articles = ingest("wire.txt", "other.txt")
    fact = fact_reporting("31 per cent of capacity")
    assert (fact.article_count, fact.origin_count) == (2, 2)
    assert fact.suggested_status == Status.CORROBORATED

    articles["other.txt"].delete()

    fact.refresh_from_db()
    assert (fact.article_count, fact.origin_count) == (1, 1)
    assert fact.suggested_status == Status.SINGLE_SOURCE
    assert fact.suggested_reason == "Only one article reports this (Coastline Wire)."
    after = state()
    assert after == as_if_only("wire.txt")


def test_deleting_the_original_counts_its_copy_as_an_origin():
    articles = ingest("wire.txt", "copy.txt", "other.txt")
    assert ArticleRelation.objects.filter(original=articles["wire.txt"]).exists()

    articles["wire.txt"].delete()

    assert not ArticleRelation.objects.exists()
    assert not ArticleFingerprint.objects.filter(article_id=articles["wire.txt"].pk).exists()
    fact = fact_reporting("use less than 120 litres")
    assert (fact.article_count, fact.origin_count) == (2, 2)
    assert fact.suggested_status == Status.CORROBORATED
    after = state()
    assert after == as_if_only("copy.txt", "other.txt")


def test_deleting_the_only_article_of_a_fact_removes_the_fact():
    article = ingest("other.txt")["other.txt"]
    assert Fact.objects.exists()

    article.delete()

    assert not Fact.objects.exists()
    assert not FactKey.objects.exists()
    assert not Claim.objects.exists()


def test_a_fact_with_a_verdict_is_kept_and_flagged_for_re_review(editor):
    article = ingest("other.txt")["other.txt"]
    fact = fact_reporting("use less than 120 litres")
    record_verdict(fact=fact, status=Status.CORROBORATED, user=editor, expected_version=1)

    article.delete()

    fact.refresh_from_db()
    assert fact.status == Status.CORROBORATED
    assert fact.article_count == 0
    assert fact.needs_review
    assert "An article reporting it was deleted: The Dorrin Ledger" in fact.review_reason
    # The facts nobody worked on went with the article.
    assert list(Fact.objects.all()) == [fact]


def test_a_reviewed_fact_that_loses_a_report_is_flagged(editor):
    articles = ingest("wire.txt", "other.txt")
    fact = fact_reporting("31 per cent of capacity")
    record_verdict(
        fact=fact, status=Status.CORROBORATED, user=editor, expected_version=fact.version
    )
    untouched = fact_reporting("Ilse Marquardt")

    articles["other.txt"].delete()

    fact.refresh_from_db()
    assert fact.status == Status.CORROBORATED
    assert fact.needs_review
    assert fact.suggested_status == Status.SINGLE_SOURCE
    untouched.refresh_from_db()
    assert not untouched.needs_review


def test_deleting_several_at_once_withdraws_each():
    # A queryset delete, as the admin's bulk action does: pre_delete is sent per article.
    articles = ingest("wire.txt", "copy.txt", "other.txt")

    Article.objects.filter(pk__in=[articles["wire.txt"].pk, articles["other.txt"].pk]).delete()

    assert list(Article.objects.values_list("source_file", flat=True)) == ["copy.txt"]
    after = state()
    assert after == as_if_only("copy.txt")


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("boss", "b@example.org", "pw"))
    return client


def test_the_admin_still_refuses_to_delete_an_article(admin_client):
    # factcheck's ArticleAdmin is read-only; whether to open deletion now that it is
    # withdrawn properly is the desk's call. Until then nothing changes through it.
    article = ingest("other.txt")["other.txt"]
    url = reverse("admin:sources_article_delete", args=[article.pk])

    assert admin_client.post(url, {"post": "yes"}).status_code == 403
    assert Article.objects.filter(pk=article.pk).exists()
