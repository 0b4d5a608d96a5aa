"""Reading the inverted indexes (``FactKey``, ``ArticleFingerprint``) in one statement.

An article's import looks up every matching key of its claims and every fingerprint key
of its text, and wants only a few rows of each key: a common key (a wire agency's credit,
a much-quoted figure) can have thousands. One query per key was most of an import's round
trips. ``newest_per_key`` (fingerprints: the newest articles) asks for all of them at once
as a ``UNION ALL`` of per-key ``ORDER BY … DESC LIMIT n`` selects (inside an ``IN``
subquery each), served by the unique (key, row) index as a short backward index scan, so
the cost still does not grow with how common a key is. ``nearest_per_key`` (facts: those
first reported nearest the new article) does the same with three short scans of the
(key, day, row) index per key. ``fact_days`` and ``redate_fact_keys`` keep the facts'
dates in their rows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from itertools import batched

from django.db import connections, models
from django.db.models import Min, Value

# SQLite allows at most 500 terms in one compound SELECT (SQLITE_MAX_COMPOUND_SELECT).
COMPOUND_TERMS = 500
# Keys per statement of ``newest_per_key`` (one term each), and per ``IN`` list.
KEYS_PER_STATEMENT = 400


def newest_per_key(
    model: type[models.Model], target: str, keys: Iterable[str], *, limit: int
) -> dict[str, list[int]]:
    """For each key, the ids in ``model.<target>`` of its ``limit`` newest rows, newest first.

    ``model`` has a ``key`` field and a foreign key ``target``; keys with no rows are
    left out. One statement per ``KEYS_PER_STATEMENT`` distinct keys.
    """
    column = f"{target}_id"
    rows = model._default_manager
    # One key's select, compiled once by the ORM (the backend's quoting and LIMIT), then
    # repeated for every key: building and compiling a queryset per key cost more than
    # running the statement (about 40% of a small article's import).
    # Each term's LIMIT sits in an IN subquery: SQLite refuses LIMIT in a compound's terms.
    one_key = (
        rows.filter(pk__in=rows.filter(key="").order_by(f"-{column}").values("pk")[:limit])
        .order_by()
        .values_list("key", column)
    )
    term, params = one_key.query.sql_with_params()
    if tuple(params) != ("",):
        raise AssertionError(f"expected the key as the only parameter, got {params!r}")
    connection = connections[rows.db]
    # As Django writes a compound: each term in parentheses where the backend allows it.
    if connection.features.supports_slicing_ordering_in_compound:
        term = f"({term})"
    found: dict[str, list[int]] = defaultdict(list)
    with connection.cursor() as cursor:
        for chunk in batched(sorted(set(keys)), KEYS_PER_STATEMENT):
            cursor.execute(" UNION ALL ".join([term] * len(chunk)), chunk)
            for key, target_id in cursor.fetchall():
                found[key].append(target_id)
    for ids in found.values():
        ids.sort(reverse=True)
    return dict(found)


def nearest_per_key(
    model: type[models.Model], target: str, keys: Iterable[str], *, day: date | None, limit: int
) -> dict[str, list[int]]:
    """For each key, the ids in ``model.<target>`` of its ``limit`` rows nearest ``day``.

    ``model`` has ``key``, a date ``day`` and a foreign key ``target``. Undated rows
    count as on the day (matching keeps no report apart from an undated one by time);
    rows as far from the day go before it first, then by id. With no ``day``, the rows
    latest in date. Three index range scans per key (before the day, after it, undated),
    each as short as ``newest_per_key``'s one, so the cost does not grow with how common
    a key is; and the rows a key nominates are those reported nearest the new one, not
    the last to come in (an archive imported out of date order, a key shared by many
    stories). One statement per ``COMPOUND_TERMS // 3`` distinct keys.
    """
    column = f"{target}_id"
    rows = model._default_manager
    connection = connections[rows.db]
    probe = date(2000, 1, 1)
    one = connection.ops.adapt_datefield_value(probe)
    terms: list[str] = []
    # Which parameter of the statement is the key and which the day, in the order the
    # backend wrote them.
    slots: list[str] = []
    for chosen, order in (
        (rows.filter(key="", day__lte=probe), ("-day", f"-{column}")),
        (rows.filter(key="", day__gt=probe), ("day", column)),
        (rows.filter(key="", day__isnull=True), (f"-{column}",)),
    ):
        term, params = (
            rows.filter(pk__in=chosen.order_by(*order).values("pk")[:limit])
            .order_by()
            .values_list("key", column, "day")
            .query.sql_with_params()
        )
        if any(p not in ("", one) for p in params) or list(params).count("") != 1:
            raise AssertionError(f"expected the key and at most the day, got {params!r}")
        slots.extend("key" if p == "" else "day" for p in params)
        terms.append(
            f"({term})" if connection.features.supports_slicing_ordering_in_compound else term
        )
    at = connection.ops.adapt_datefield_value(day or date.max)
    found: dict[str, list[tuple[tuple[int, int, int], int]]] = defaultdict(list)
    with connection.cursor() as cursor:
        for chunk in batched(sorted(set(keys)), COMPOUND_TERMS // len(terms)):
            sql = " UNION ALL ".join(terms * len(chunk))
            cursor.execute(sql, [key if slot == "key" else at for key in chunk for slot in slots])
            for key, target_id, row_day in cursor.fetchall():
                found[key].append((_distance(row_day, day, target_id), target_id))
    return {key: [pk for _, pk in sorted(ranked)[:limit]] for key, ranked in found.items()}


def _distance(row_day: date | str | None, day: date | None, pk: int) -> tuple[int, int, int]:
    """How far a row is from ``day``, nearest first: days apart; as far, a row on or before
    the day first; then by id in the order the scan met them (before the day the latest
    id first, after it the earliest)."""
    if row_day is None:
        return (0, 0, -pk)
    if isinstance(row_day, str):
        row_day = date.fromisoformat(row_day)
    if day is None:
        return ((date.max - row_day).days, 0, -pk)
    apart = (row_day - day).days
    return (apart, 1, pk) if apart > 0 else (-apart, 0, -pk)


def fact_days(
    fact_ids: Iterable[int],
) -> tuple[dict[int, date | None], dict[int, set[date | None]]]:
    """Each fact's first report's date (its earliest dated claim's; None: none dated), and
    the dates its key rows carry now. One statement per ``KEYS_PER_STATEMENT`` facts."""
    from factcheck.models import Claim, FactKey

    first: dict[int, date | None] = {}
    kept: dict[int, set[date | None]] = {}
    for chunk in batched(sorted(set(fact_ids)), KEYS_PER_STATEMENT):
        first.update(dict.fromkeys(chunk))
        kept.update((pk, set()) for pk in chunk)
        claims = (
            Claim.objects.filter(fact_id__in=chunk)
            .order_by()
            .values("fact_id")
            .annotate(day=Min("article__published"), side=Value(0))
            .values_list("fact_id", "day", "side")
        )
        rows = (
            FactKey.objects.filter(fact_id__in=chunk)
            .order_by()
            .annotate(side=Value(1))
            .values_list("fact_id", "day", "side")
            .distinct()
        )
        for fact_id, day, side in claims.union(rows, all=True).order_by():
            if isinstance(day, str):
                day = date.fromisoformat(day)
            if side:
                kept[fact_id].add(day)
            else:
                first[fact_id] = day
    return first, kept


def redate_fact_keys(first: dict[int, date | None], kept: dict[int, set[date | None]]) -> None:
    """Give the key rows of the facts whose first report moved (one that gained an earlier
    report, or lost its first one) their new date (``fact_days``): one statement per date
    that moved, none when none did."""
    from factcheck.models import FactKey

    moved: dict[date | None, list[int]] = defaultdict(list)
    for fact_id, day in sorted(first.items()):
        if kept.get(fact_id, set()) - {day}:
            moved[day].append(fact_id)
    for day, facts in moved.items():
        FactKey.objects.filter(fact_id__in=facts).update(day=day)
