"""The inverted indexes are read in one statement per article, whatever the number of keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from factcheck.indexes import newest_per_key
from factcheck.models import ArticleFingerprint, FactKey
from intake.services import ingest_article
from tests.builders import make_article, make_fact

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
