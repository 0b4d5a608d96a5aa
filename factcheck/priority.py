"""The review queue's priority, kept on each claim so that one index lists the queue in order.

The queue lists the claims whose fact needs an editor, most urgent first
(``ClaimQuerySet.by_priority``, the README's "The desk"): keys of the claim's fact
(contested, flagged for re-review, independent origins, reporting articles), then the
claim's score, then its article's date (undated last), then fact and claim id. Read
through the joins, no index could give that order, so every request sorted every claim
needing an editor (the queue's page took 222 ms on SQLite and 71 ms on PostgreSQL at
100,640 claims). So each claim keeps a copy of what the order and the default filter read
elsewhere, and ``claim_queue_idx`` (``needs_editor``, then the queue's order) lists the
queue: a page reads its own 50 index entries, and their count reads the index alone.

* ``needs_editor``: its fact has no verdict, or a verdict flagged for re-review;
* ``fact_priority``: the fact's four keys in one number (``fact_priority``, below);
* ``article_undated`` and ``article_published``: its article's date, and whether it has
  none (undated last, the same on both databases, which place NULLs differently).

Who writes them: ``refresh_queue_keys`` recomputes them from the fact and article rows,
in one statement, for the claims of the facts given. It runs at the end of
``analysis.refresh_suggestions``, where every import, re-read, withdrawal, split, merge
and undo of a merge ends with every fact whose claims, suggestion or counts changed.
``keep_queue_keys`` rewrites the two an editor moves (``needs_editor``,
``fact_priority``) from the locked fact in hand: ``editing.bump`` calls it when a
change sets a fact's verdict or re-review flag. A claim's article date changes only with
its text, which finds the claims again. ``counts.repair_counts``
(``manage.py refresh_counts``) mends any drift, found by ``stale_queue_keys``.

Locking (PostgreSQL). A claim's kept keys are written only by a transaction that holds its
fact's row lock: a verdict locks the fact, then writes its claims; an import writes the
facts it touched (so locks them) before recomputing their claims. A verdict must never
wait for one of its fact's claims while holding the fact: an import that moved or
deleted that claim would be waiting for the fact, a deadlock. So an import locks the
facts whose claims it will move or delete before touching those claims
(``lock_facts``), as split and merge already do.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection
from django.db.models import (
    BigIntegerField,
    BooleanField,
    Case,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.expressions import Combinable
from django.db.models.functions import Cast, Least

from sources.models import Article

from .models import Claim, Fact, Status, contested, needs_editor

# The fact's keys, most significant first, each in bits of its own: contested above
# flagged above origins above articles. A count is capped at COUNT_MAX (a billion
# articles), past which it would spill into the key above.
CONTESTED = 1 << 61
FLAGGED = 1 << 60
COUNT_BITS = 30
COUNT_MAX = (1 << COUNT_BITS) - 1

# The kept fields, in the order ``refresh_queue_keys`` writes them.
KEPT = ("needs_editor", "fact_priority", "article_undated", "article_published")


def fact_priority(*, contested: bool, flagged: bool, origins: int, articles: int) -> int:
    """The fact's share of the queue's order as one number: higher comes first.

    >>> fact_priority(contested=False, flagged=True, origins=2, articles=3) > fact_priority(
    ...     contested=False, flagged=False, origins=9, articles=9)
    True
    """
    return (
        (CONTESTED if contested else 0)
        + (FLAGGED if flagged else 0)
        + (min(origins, COUNT_MAX) << COUNT_BITS)
        + min(articles, COUNT_MAX)
    )


def fact_priority_sql() -> ExpressionWrapper[Combinable]:
    """``fact_priority`` of a fact row, as an SQL expression over its columns."""
    return ExpressionWrapper(
        Case(When(contested(), then=Value(CONTESTED)), default=Value(0))
        + Case(When(needs_review=True, then=Value(FLAGGED)), default=Value(0))
        # In 64 bits: PostgreSQL would multiply two 32-bit integers in 32.
        + Cast(Least(F("origin_count"), Value(COUNT_MAX)), BigIntegerField())
        * Value(1 << COUNT_BITS)
        + Least(F("article_count"), Value(COUNT_MAX)),
        output_field=BigIntegerField(),
    )


def fresh_queue_keys() -> dict[str, Subquery]:
    """Each kept field of a claim, read from its fact and article (an expression per field)."""
    fact = Fact.objects.filter(pk=OuterRef("fact_id"))
    article = Article.objects.filter(pk=OuterRef("article_id"))
    is_editors = ExpressionWrapper(needs_editor(), output_field=BooleanField())
    undated = ExpressionWrapper(Q(published__isnull=True), output_field=BooleanField())
    return {
        "needs_editor": Subquery(fact.annotate(v=is_editors).values("v")[:1]),
        "fact_priority": Subquery(fact.annotate(v=fact_priority_sql()).values("v")[:1]),
        "article_undated": Subquery(article.annotate(v=undated).values("v")[:1]),
        "article_published": Subquery(article.values("published")[:1]),
    }


def refresh_queue_keys(*, fact_ids: Iterable[int]) -> int:
    """Recompute the kept queue keys of every claim of ``fact_ids``; one statement.

    Call it after the facts are written (so locked): see the module's docstring.
    Returns how many claims it wrote.

    >>> refresh_queue_keys(fact_ids=touched)  # after the engine regrouped ``touched``
    """
    ids = sorted(set(fact_ids))
    if not ids:
        return 0
    # Only the claims whose keys change are written: each import refreshes every fact it
    # touched, and a fact reported by hundreds of articles would otherwise have all its
    # wide, many-indexed claim rows rewritten at each new report of it.
    fresh, same = _kept_as_fresh()
    claims = Claim.objects.filter(fact_id__in=ids).alias(**fresh).exclude(same)
    return claims.update(**fresh_queue_keys())


def keep_queue_keys(fact: Fact) -> int:
    """Rewrite the keys an editor's change moves (``needs_editor``, ``fact_priority``) on
    the claims of ``fact``, from the locked row in hand: one plain UPDATE, no subquery.

    For ``editing.bump``, which holds the fact's lock and has just written it, so the row
    in hand is the fact as it is. Only the claims whose keys change are written: a claim
    row is wide and indexed many times over (its text's GIN index on PostgreSQL among
    them), and a verdict changed for another keeps both keys. Returns how many it wrote.
    """
    needs = fact.status == "" or fact.needs_review
    priority = fact_priority(
        contested=fact.suggested_status == Status.DISPUTED or fact.conflicts != [],
        flagged=fact.needs_review,
        origins=fact.origin_count,
        articles=fact.article_count,
    )
    return (
        Claim.objects.filter(fact_id=fact.pk)
        .exclude(needs_editor=needs, fact_priority=priority)
        .update(needs_editor=needs, fact_priority=priority)
    )


def lock_facts(fact_ids: Iterable[int]) -> None:
    """Lock the rows of ``fact_ids``, in id order, before writing their claims (PostgreSQL;
    SQLite runs one write transaction at a time). See the module's docstring."""
    ids = sorted(set(fact_ids))
    if ids and connection.features.has_select_for_update:
        list(Fact.objects.filter(pk__in=ids).order_by("pk").select_for_update().values_list("pk"))


def _kept_as_fresh() -> tuple[dict[str, Subquery], Q]:
    """The fresh keys as aliases (``fresh_<field>``), and the condition that a claim's
    kept keys equal them."""
    fresh = {f"fresh_{name}": value for name, value in fresh_queue_keys().items()}
    same = Q(
        needs_editor=F("fresh_needs_editor"),
        fact_priority=F("fresh_fact_priority"),
        article_undated=F("fresh_article_undated"),
    ) & (
        Q(article_published=F("fresh_article_published"))
        | Q(article_published__isnull=True, fresh_article_published__isnull=True)
    )
    return fresh, same


def stale_queue_keys() -> list[int]:
    """Facts with a claim whose kept queue keys differ from its fact and article, by id."""
    fresh, same = _kept_as_fresh()
    stale = Claim.objects.alias(**fresh).exclude(same).order_by("fact_id").distinct()
    return list(stale.values_list("fact_id", flat=True))
