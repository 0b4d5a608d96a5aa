"""Each claim keeps the names of its whole article (``engine.features.article_names``),
which place it in its story beside the main names of its article's claims."""

from importlib import import_module

import pytest
from django.apps import apps

from factcheck.engine.extraction import extract_claims
from factcheck.engine.features import FIGURE_MARK, article_figures, article_names
from factcheck.models import Claim
from intake.services import ingest_article
from sources.models import Article
from tests.factcheck.test_import_order import BRIDGE

pytestmark = pytest.mark.django_db


def stored_names() -> dict[int, list[str]]:
    return dict(Claim.objects.values_list("pk", "article_names"))


def expected_names(*, figures: bool = True) -> dict[int, list[str]]:
    names = {
        a.pk: list(article_names(a.body, a.title))
        + (list(article_figures(extract_claims(a.body, published=a.published))) if figures else [])
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


def test_the_migration_fills_the_names_of_claims_stored_before_them():
    for name, text in BRIDGE:
        ingest_article(source_file=name, data=text.encode())
    Claim.objects.update(article_names=[])
    migration = import_module("factcheck.migrations.0015_claim_article_names")
    migration.fill_article_names(apps, None)
    # The migration predates the figures: it fills the names only.
    assert stored_names() == expected_names(figures=False)
