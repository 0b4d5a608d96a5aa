"""Counts kept beside the rows that own them, for the pages that rank or total by them.

The dashboard ranks every article by its claims left to review and totals claims and
facts. Counted per request, that grew with the archive (687 ms on SQLite, 1,369 ms on
PostgreSQL at 100,080 claims). So each article with claims has an ``ArticleProgress``
row: how many claims it has, how many facts they belong to, and how many of each still
lack an editor's verdict; and each fact keeps how many articles report it
(``Fact.article_count``, written by ``analysis.refresh_suggestions``).

Every write that changes what an article counts recounts that article from its claims, in
the write's transaction, rather than adding or subtracting a difference: a recount is
right whatever the write did, so one forgotten case cannot accumulate. The writes are the
import or re-reading of an article and the deletion of one (``analysis``), a split, a
merge and its undo (``services``), all of which end in ``refresh_suggestions``; and a
verdict or its undo (``services``). ``repair_counts`` (``manage.py refresh_counts``)
recounts whatever has drifted anyway, from scratch.

Concurrent writers (PostgreSQL; SQLite runs one write transaction at a time). A recount
first takes a transaction-level advisory lock per article it recounts, in id order, and
counts in the next statement, whose snapshot (READ COMMITTED) then holds every change
committed by a writer that held those locks before. Each writer recounts last, after
writing (so locking) the facts it changed, so whichever recounts an article last sees the
other writers' claims and verdicts: two verdicts on facts of one article cannot both write
counts that miss the other's (tested with two threads).

Nothing waits in a cycle. Every writer takes its row locks (the article it imports, the
facts it changes) before its recount's advisory locks, and takes those in one order. The
counts once lived on the article row itself; then a verdict on a fact of an article being
imported again deadlocked with that import, which holds the article's row from its start
and writes the fact later, while the verdict held the fact and waited for the article
(tested: a verdict now completes while the article's row is held).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import batched
from typing import Any

from django.db import connection, transaction
from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from sources.models import Article

from .models import ArticleProgress, Claim, Fact
from .priority import refresh_queue_keys, stale_queue_keys

# Articles recounted per statement, and per transaction, by ``repair_counts``. A recount
# holds an advisory lock per article until its transaction ends, and PostgreSQL's lock
# table is shared and bounded (by default 64 locks a connection, times the connections):
# repairing 15,795 articles in one transaction ran out of it.
REPAIR_BATCH = 1000

# The first key of the two-key advisory locks on articles' counts: any fixed number of our
# own. (The engine's lock, ``analysis.ENGINE_LOCK``, is a one-key lock: another key space.)
PROGRESS_LOCK = 0x70726F67

# The kept counts of an article, in this order everywhere below.
COUNTS = ("claim_count", "unreviewed_claim_count", "fact_count", "unreviewed_fact_count")


# The locks and the recount in one transaction; inside the caller's (the usual case), no
# savepoint of its own.
@transaction.atomic(savepoint=False)
def refresh_article_counts(
    *, article_ids: Iterable[int] = (), fact_ids: Iterable[int] = ()
) -> None:
    """Recount the articles ``article_ids`` and every article reporting one of ``fact_ids``.

    Call it at the end of the write, after the facts it changed are written (so locked):
    see the module's docstring. Two statements, three when an article is left without
    claims: on PostgreSQL the articles are found and locked in one (``LOCK_ARTICLES``);
    their claims are counted and the counts written in the next (``RECOUNT``, an upsert
    that returns the articles it wrote); the rows of articles left without claims go.
    A verdict pays for this recount: four statements, through the ORM, were about 4.4 ms
    of a verdict's 17-20 ms on PostgreSQL (3.3 ms on SQLite).

    >>> refresh_article_counts(fact_ids={fact.pk})  # after a verdict on ``fact``
    """
    chosen = sorted(set(article_ids))
    facts = sorted(set(fact_ids))
    if not chosen and not facts:
        return
    claim, fact = Claim._meta.db_table, Fact._meta.db_table
    progress = ArticleProgress._meta.db_table
    params: list[Any] = []
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(LOCK_ARTICLES.format(claim=claim), [PROGRESS_LOCK, chosen, facts])
            chosen = [row[0] for row in cursor.fetchall()]
            which, params = "c.article_id = ANY(%s::bigint[])", [chosen]
        else:
            # One write transaction at a time: no locks. The articles of the facts are
            # those of the facts' claims, which exist: none of them can be left without.
            parts = []
            if chosen:
                parts.append(f"c.article_id IN ({', '.join(['%s'] * len(chosen))})")
                params += chosen
            if facts:
                parts.append(
                    f"c.article_id IN (SELECT article_id FROM {claim} "
                    f"WHERE fact_id IN ({', '.join(['%s'] * len(facts))}))"
                )
                params += facts
            which = " OR ".join(parts)
        cursor.execute(
            RECOUNT.format(claim=claim, fact=fact, progress=progress, which=which), params
        )
        counted = {row[0] for row in cursor.fetchall()}
    if gone := [pk for pk in chosen if pk not in counted]:
        ArticleProgress.objects.filter(article_id__in=gone).delete()


# The articles to recount, locked in id order: ``chosen`` is yielded in id order (the
# sort is below the projection that takes the locks), so two writers take the locks of
# the articles they share in one order.
LOCK_ARTICLES = """
SELECT id, pg_advisory_xact_lock(%s, id::integer) FROM (
    SELECT unnest(%s::bigint[]) AS id
    UNION SELECT article_id FROM {claim} WHERE fact_id = ANY(%s::bigint[])
    ORDER BY id
) AS chosen
"""

# The four counts of each chosen article with claims, counted from its claims and written
# in the same statement. "WHERE" before "ON CONFLICT" is required by SQLite's parser.
RECOUNT = """
INSERT INTO {progress}
    (article_id, claim_count, unreviewed_claim_count, fact_count, unreviewed_fact_count)
SELECT
    c.article_id,
    COUNT(c.id),
    COUNT(c.id) FILTER (WHERE f.status = ''),
    COUNT(DISTINCT c.fact_id),
    COUNT(DISTINCT c.fact_id) FILTER (WHERE f.status = '')
FROM {claim} c INNER JOIN {fact} f ON f.id = c.fact_id
WHERE {which}
GROUP BY c.article_id
ORDER BY c.article_id
ON CONFLICT (article_id) DO UPDATE SET
    claim_count = excluded.claim_count,
    unreviewed_claim_count = excluded.unreviewed_claim_count,
    fact_count = excluded.fact_count,
    unreviewed_fact_count = excluded.unreviewed_fact_count
RETURNING article_id
"""


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
    """Rows whose kept counts differ from a fresh count, by id; ``queue_facts``: facts
    with a claim whose kept queue keys (``priority``) differ from the fact and article."""

    articles: list[int]
    facts: list[int]
    queue_facts: list[int] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.articles or self.facts or self.queue_facts)


def find_drift() -> Drift:
    """Articles and facts whose kept counts are wrong: three queries over every row."""
    fresh = {f"fresh_{name}": value for name, value in fresh_article_counts().items()}
    # An article without claims has no progress row: its kept counts are zeros.
    kept = {f"kept_{name}": Coalesce(F(f"progress__{name}"), 0) for name in COUNTS}
    same = Q(*(Q(**{f"kept_{name}": F(f"fresh_{name}")}) for name in COUNTS))
    articles = Article.objects.alias(**fresh, **kept).exclude(same).order_by("pk")
    facts = (
        Fact.objects.alias(fresh=fresh_fact_article_count())
        .exclude(article_count=F("fresh"))
        .order_by("pk")
    )
    return Drift(
        articles=list(articles.values_list("pk", flat=True)),
        facts=list(facts.values_list("pk", flat=True)),
        queue_facts=stale_queue_keys(),
    )


def repair_counts() -> Drift:
    """Recount every article and fact whose kept counts are wrong; return which they were.

    For repair (``manage.py refresh_counts``): the services keep the counts right, and the
    tests check that they do after every kind of write. Each batch is a transaction of its
    own (see ``REPAIR_BATCH``): a recount is right whenever it runs, so a repair cut short
    leaves fewer wrong counts, never a wrong one it wrote.

    >>> repair_counts()
    Drift(articles=[], facts=[])
    """
    drift = find_drift()
    for chunk in batched(drift.articles, REPAIR_BATCH):
        with transaction.atomic():
            refresh_article_counts(article_ids=chunk)
    for chunk in batched(drift.facts, REPAIR_BATCH):
        Fact.objects.filter(pk__in=chunk).update(article_count=fresh_fact_article_count())
    # After the facts' article counts, which the claims' keys copy.
    for chunk in batched(sorted({*drift.facts, *drift.queue_facts}), REPAIR_BATCH):
        with transaction.atomic():
            refresh_queue_keys(fact_ids=chunk)
    return drift
