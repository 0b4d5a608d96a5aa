"""Each claim keeps the names, exact figures and topic words of its whole article
(``engine.features.article_placing``), which place it in its story beside the main names
of its article's claims."""

from importlib import import_module

import pytest
from django.apps import apps

from factcheck.engine.extraction import extract_claims
from factcheck.engine.features import (
    FIGURE_MARK,
    ONE_AMOUNT_MARK,
    article_names,
    article_placing,
)
from factcheck.engine.story_words import TOPIC_MARK
from factcheck.models import Claim
from intake.services import ingest_article
from sources.models import Article
from tests.factcheck.test_import_order import BRIDGE

pytestmark = pytest.mark.django_db


def stored_names() -> dict[int, list[str]]:
    return dict(Claim.objects.values_list("pk", "article_names"))


def expected_names(*, whole: bool = True) -> dict[int, list[str]]:
    names = {
        a.pk: list(
            article_placing(a.body, a.title, extract_claims(a.body, published=a.published))
            if whole
            else article_names(a.body, a.title)
        )
        for a in Article.objects.all()
    }
    return {pk: names[article] for pk, article in Claim.objects.values_list("pk", "article_id")}


def test_an_import_stores_the_names_and_exact_figures_of_the_claims_article():
    for name, text in BRIDGE:
        ingest_article(source_file=name, data=text.encode())
    stored = stored_names()
    assert stored and all(stored.values())
    assert stored == expected_names()
    assert any(n.startswith(FIGURE_MARK) for names in stored.values() for n in names)
    assert all(any(n.startswith(TOPIC_MARK) for n in names) for names in stored.values())


def test_the_migration_fills_the_names_of_claims_stored_before_them():
    for name, text in BRIDGE:
        ingest_article(source_file=name, data=text.encode())
    Claim.objects.update(article_names=[])
    migration = import_module("factcheck.migrations.0015_claim_article_names")
    migration.fill_article_names(apps, None)
    # The migration predates the figures: it fills the names only.
    assert stored_names() == expected_names(whole=False)


def test_the_topic_migration_adds_the_topic_words_once_and_keeps_the_names():
    for name, text in BRIDGE:
        ingest_article(source_file=name, data=text.encode())
    imported = stored_names()
    Claim.objects.update(article_names=["kept", "=count:212"])
    migration = import_module("factcheck.migrations.0017_claim_topic_words")
    migration.add_topic_words(apps, None)
    migration.add_topic_words(apps, None)
    for pk, names in stored_names().items():
        assert names[:2] == ["kept", "=count:212"]
        assert names[2:] == [n for n in imported[pk] if n.startswith(TOPIC_MARK)]


def test_the_counted_once_migration_adds_the_marks_once_and_keeps_the_rest():
    for name, text in BRIDGE:
        ingest_article(source_file=name, data=text.encode())
    imported = stored_names()
    once = {
        pk: [n for n in names if n.startswith(ONE_AMOUNT_MARK)] for pk, names in imported.items()
    }
    assert any(once.values())
    Claim.objects.update(article_names=["kept", f"{ONE_AMOUNT_MARK}stale"])
    migration = import_module("factcheck.migrations.0020_claim_counted_once")
    migration.add_counted_once(apps, None)
    migration.add_counted_once(apps, None)
    assert stored_names() == {pk: ["kept", *marks] for pk, marks in once.items()}
