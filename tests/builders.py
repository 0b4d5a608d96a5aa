"""Small builders for tests: rows made directly, without running the claim engine."""

from __future__ import annotations

import hashlib
import itertools
from typing import Any

from django.db import connection, transaction
from django.test import override_settings

from factcheck.counts import refresh_article_counts
from factcheck.models import Claim, Fact
from factcheck.priority import refresh_queue_keys
from factcheck.publishing import publish_fact
from factcheck.services import record_verdict
from sources.models import Article, Outlet

_counter = itertools.count(1)


def make_outlet(name: str = "", kind: str = Outlet.Kind.NEWSPAPER) -> Outlet:
    n = next(_counter)
    name = name or f"Outlet {n}"
    return Outlet.objects.create(name=name, slug=f"outlet-{n}", kind=kind)


def make_article(
    body: str = "The port handled 120 ships in March, officials said.",
    *,
    title: str = "",
    outlet: Outlet | None = None,
    **fields,
) -> Article:
    n = next(_counter)
    return Article.objects.create(
        title=title or f"Article {n}",
        body=body,
        source_file=fields.pop("source_file", f"article_{n:04d}.txt"),
        content_hash=hashlib.sha256(f"{n}:{body}".encode()).hexdigest(),
        outlet=outlet,
        **fields,
    )


def make_fact(**fields) -> Fact:
    fields.setdefault("summary", "A fact")
    return Fact.objects.create(**fields)


def make_claim(
    article: Article,
    text: str | None = None,
    *,
    fact: Fact | None = None,
    kind: str = "quantity",
    score: float = 0.8,
    **fields,
) -> Claim:
    """A claim on ``text`` (default: the whole body), located by its offset in the body."""
    text = text if text is not None else article.body
    start = article.body.index(text)
    end = start + len(text)
    fact = fact or make_fact(summary=text[:300])
    claim = Claim.objects.create(
        article=article,
        fact=fact,
        start=start,
        end=end,
        text=text,
        sentence_start=fields.pop("sentence_start", start),
        sentence_end=fields.pop("sentence_end", end),
        kind=kind,
        score=score,
        **fields,
    )
    # The counts the engine keeps on the fact (``refresh_suggestions``) and on the article
    # (``counts``), and the queue's keys kept on the claims (``priority``), so the queue and
    # the dashboard sort hand-built rows as imported ones.
    fact.article_count = fact.claims.values("article_id").distinct().count()
    Fact.objects.filter(pk=fact.pk).update(article_count=fact.article_count)
    refresh_article_counts(article_ids={article.pk})
    refresh_queue_keys(fact_ids={fact.pk})
    claim.refresh_from_db(
        fields=["needs_editor", "fact_priority", "article_undated", "article_published"]
    )
    return claim


def publish(fact: Fact, *, status: str = "", user=None, **fact_fields) -> Fact:
    """Publish ``fact`` through the real service, as the desk would with the second
    editor's approval turned off: its claims must exist first (the publication is a
    snapshot of them). ``status`` records that verdict first; ``fact_fields`` are
    written on the fact before publishing (conclusion, statement, conflicts...)."""
    if fact_fields:
        Fact.objects.filter(pk=fact.pk).update(**fact_fields)
        fact.refresh_from_db()
    if status:
        fact = record_verdict(fact=fact, status=status, user=user, expected_version=None)
    with override_settings(PUBLISH_NEEDS_SECOND_EDITOR=False):
        return publish_fact(fact=fact, user=user, expected_version=None, confirmed=True)


def verdict_within(seconds: int, **verdict: Any) -> Fact:
    """``record_verdict``, failing with an error instead of hanging when it waits more
    than ``seconds`` for a lock (PostgreSQL): for tests of writers running side by side."""
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL lock_timeout = '{int(seconds)}s'")
        return record_verdict(**verdict)
