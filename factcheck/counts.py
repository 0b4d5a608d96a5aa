"""Counts kept on the rows that own them, for the pages that rank or total by them.

The dashboard ranks every article by its claims left to review and totals claims and
facts. Counted per request, that grew with the archive (687 ms on SQLite, 1,369 ms on
PostgreSQL at 100,080 claims). So each article keeps how many claims it has, how many
facts they belong to, and how many of each still lack an editor's verdict
(``Article.claim_count`` and its siblings), and each fact keeps how many articles report
it (``Fact.article_count``, written by ``analysis.refresh_suggestions``).

Every write that changes what an article counts recounts that article from its claims, in
the write's transaction, rather than adding or subtracting a difference: a recount is
right whatever the write did, so one forgotten case cannot accumulate. The writes are the
import or re-reading of an article and the deletion of one (``analysis``), a split, a
merge and its undo (``services``), all of which end in ``refresh_suggestions``; and a
verdict or its undo (``services``). ``repair_counts`` (``manage.py refresh_counts``)
recounts whatever has drifted anyway, from scratch.

Concurrent writers (PostgreSQL; SQLite runs one write transaction at a time): a recount
first locks the articles it recounts, in id order, and recounts in the next statement,
whose snapshot (READ COMMITTED) then holds every change committed by a writer that had
them locked before. Each writer recounts after writing or locking the facts it changes,
so whichever recounts an article last sees the other writers' claims and verdicts, and
two verdicts on facts of one article cannot both write a count that misses the other
(tested with two threads). One order is not fixed: an import holds its own article's row
from the start and writes the facts it touches later, while an editor's change (a
verdict, split or merge) holds its facts and then locks the articles reporting them. Such
a change on a fact of an article being imported again at that very moment can therefore
deadlock; PostgreSQL aborts one of the two, and the import is retried
(``intake.services.with_retry``) where the editor's change fails with an error.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import batched
from typing import Any

from django.db import connection, transaction
from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from sources.models import Article

from .models import Claim, Fact

# Articles recounted per statement by ``repair_counts`` (SQLite allows 32,766 parameters).
REPAIR_BATCH = 5000


# The kept counts of an article, in this order everywhere below.
COUNTS = ("claim_count", "unreviewed_claim_count", "fact_count", "unreviewed_fact_count")
NO_CLAIMS = (0, 0, 0, 0)


# The lock and the recount in one transaction; inside the caller's (the usual case), no
# savepoint of its own.
@transaction.atomic(savepoint=False)
def refresh_article_counts(
    *, article_ids: Iterable[int] = (), fact_ids: Iterable[int] = ()
) -> None:
    """Recount the articles ``article_ids`` and every article reporting one of ``fact_ids``.

    Call it at the end of the write, after the facts it changed are written (so locked):
    see the module's docstring. Two statements (the articles' kept counts, locked on
    PostgreSQL, then their claims counted), and a third to write the counts that changed.

    >>> refresh_article_counts(fact_ids={fact.pk})  # after a verdict on ``fact``
    """
    article_ids, fact_ids = set(article_ids), set(fact_ids)
    chosen = Q(pk__in=article_ids) if article_ids else Q()
    if fact_ids:
        reporting = Q(pk__in=Claim.objects.filter(fact_id__in=fact_ids).values("article_id"))
        chosen = chosen | reporting if article_ids else reporting
    elif not article_ids:
        return
    articles = Article.objects.filter(chosen).order_by("pk")
    if connection.vendor == "postgresql":
        articles = articles.select_for_update()
    kept = {
        pk: (claims, unreviewed, facts, facts_left)
        for pk, claims, unreviewed, facts, facts_left in articles.values_list("pk", *COUNTS)
    }
    if not kept:
        return
    fresh = counted_from_claims(kept)
    # Only rows whose counts change are written. An article row is wide and, on
    # PostgreSQL, has eleven indexes (its title's full-text one too), none of which a
    # count change leaves alone: rewriting one costs about 0.3 ms, and most articles
    # recounted after an import (those reporting the facts it touched) count the same.
    changed = [
        (*fresh.get(pk, NO_CLAIMS), pk)
        for pk, counts in kept.items()
        if fresh.get(pk, NO_CLAIMS) != counts
    ]
    if changed:
        # One statement written by hand and run for every row: building the ORM's update
        # per call (or a CASE per row and field) cost several times the SQL it ran.
        with connection.cursor() as cursor:
            cursor.executemany(_update_sql(), changed)


def counted_from_claims(article_ids: Iterable[int]) -> dict[int, tuple[int, int, int, int]]:
    """The four counts of each article (in ``COUNTS`` order) with claims among
    ``article_ids``, from its claims: one grouped query."""
    no_verdict = Q(fact__status="")
    rows = (
        Claim.objects.filter(article_id__in=list(article_ids))
        .order_by()
        .values("article_id")
        .annotate(
            claims=Count("pk"),
            unreviewed=Count("pk", filter=no_verdict),
            facts=Count("fact_id", distinct=True),
            unreviewed_facts=Count("fact_id", distinct=True, filter=no_verdict),
        )
        .values_list("article_id", "claims", "unreviewed", "facts", "unreviewed_facts")
    )
    return {
        pk: (claims, unreviewed, facts, facts_left)
        for pk, claims, unreviewed, facts, facts_left in rows
    }


def _update_sql() -> str:
    quote = connection.ops.quote_name
    # Concrete fields have a column (``Field.column`` is typed optional for the others).
    column = {field.name: str(field.column) for field in Article._meta.concrete_fields}
    fields = ", ".join(f"{quote(column[name])} = %s" for name in COUNTS)
    return f"UPDATE {quote(Article._meta.db_table)} SET {fields} WHERE {quote(column['id'])} = %s"


def fresh_article_counts() -> dict[str, Coalesce]:
    """Each kept count of an article, counted from its claims (an expression per field)."""
    claims = Claim.objects.filter(article_id=OuterRef("pk")).order_by().values("article_id")
    unreviewed = claims.filter(fact__status="")

    def count(rows: QuerySet[Claim, Any], field: str, *, distinct: bool = False) -> Coalesce:
        # No claim, no group: the subquery is NULL.
        n = rows.annotate(n=Count(field, distinct=distinct)).values("n")
        return Coalesce(Subquery(n), 0)

    return {
        "claim_count": count(claims, "pk"),
        "unreviewed_claim_count": count(unreviewed, "pk"),
        "fact_count": count(claims, "fact_id", distinct=True),
        "unreviewed_fact_count": count(unreviewed, "fact_id", distinct=True),
    }


def fresh_fact_article_count() -> Coalesce:
    """A fact's ``article_count`` counted from its claims."""
    articles = (
        Claim.objects.filter(fact_id=OuterRef("pk"))
        .order_by()
        .values("fact_id")
        .annotate(n=Count("article_id", distinct=True))
        .values("n")
    )
    return Coalesce(Subquery(articles), 0)


@dataclass(frozen=True, slots=True)
class Drift:
    """Rows whose kept counts differ from a fresh count, by id."""

    articles: list[int]
    facts: list[int]

    def __bool__(self) -> bool:
        return bool(self.articles or self.facts)


def find_drift() -> Drift:
    """Articles and facts whose kept counts are wrong: two queries over every row."""
    fresh = {f"fresh_{name}": value for name, value in fresh_article_counts().items()}
    same = Q(*(Q(**{name: F(f"fresh_{name}")}) for name in fresh_article_counts()))
    articles = Article.objects.alias(**fresh).exclude(same).order_by("pk")
    facts = (
        Fact.objects.alias(fresh=fresh_fact_article_count())
        .exclude(article_count=F("fresh"))
        .order_by("pk")
    )
    return Drift(
        articles=list(articles.values_list("pk", flat=True)),
        facts=list(facts.values_list("pk", flat=True)),
    )


@transaction.atomic
def repair_counts() -> Drift:
    """Recount every article and fact whose kept counts are wrong; return which they were.

    For repair (``manage.py refresh_counts``): the services keep the counts right, and the
    tests check that they do after every kind of write.

    >>> repair_counts()
    Drift(articles=[], facts=[])
    """
    drift = find_drift()
    for chunk in batched(drift.articles, REPAIR_BATCH):
        refresh_article_counts(article_ids=chunk)
    for chunk in batched(drift.facts, REPAIR_BATCH):
        Fact.objects.filter(pk__in=chunk).update(article_count=fresh_fact_article_count())
    return drift
