"""Reading the inverted indexes (``FactKey``, ``ArticleFingerprint``) in one statement.

An article's import looks up every matching key of its claims and every fingerprint key
of its text, and wants only a few rows of each key: a common key (a wire agency's credit,
a much-quoted figure) can have thousands. One query per key was most of an import's round
trips. ``newest_per_key`` (fingerprints: the newest articles) asks for all of them at once
as a ``UNION ALL`` of per-key ``ORDER BY … DESC LIMIT n`` selects (inside an ``IN``
subquery each), served by the unique (key, row) index as a short backward index scan, so
the cost still does not grow with how common a key is. ``nearest_per_key`` (facts: those
reported nearest the new article, within matching's reach in time) does the same with four
short scans of the (key, day, row) and (key, last_day, row) indexes per key.
``fact_spans`` and ``redate_fact_keys`` keep the span of each fact's reports in its rows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta
from itertools import batched

from django.db import connections, models
from django.db.models import Count, Max, Min, Value

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
    model: type[models.Model],
    target: str,
    keys: Iterable[str],
    *,
    day: date | None,
    limit: int,
    within: int | None = None,
) -> dict[str, list[int]]:
    """For each key, the ids in ``model.<target>`` of its ``limit`` rows nearest ``day``.

    ``model`` has ``key``, a foreign key ``target`` and the span of dates its target was
    reported on: ``day`` (the first) and ``last_day`` (the last; None when one report is
    undated, as matching keeps no report apart from an undated one by time). A row's
    distance is the days between ``day`` and its span (none inside it); rows with an
    undated report, or none dated, count as on the day; as far, a row before the day goes
    first, then by id. With ``within``, only rows whose span comes that near the day: a
    report further away than matching's ``MAX_DAYS_APART`` can never be the same fact, and
    without the bound the rows a key nominates would reach back through the whole archive.
    With no ``day``, the rows latest in date, unbounded.

    Four index range scans per key (first reports before the day and after it, last
    reports before the span, undated reports), each as short as ``newest_per_key``'s one:
    the cost grows neither with how common a key is nor, with ``within``, with how many
    years the archive holds. They miss only a fact first reported more than ``within``
    days before the day and last reported more than ``within`` days after it, with a
    report in between. One statement per ``COMPOUND_TERMS // 4`` distinct keys.
    """
    column = f"{target}_id"
    rows = model._default_manager
    connection = connections[rows.db]
    # Stand-in dates, each told apart in the compiled statement's parameters: the earliest
    # day the window reaches, the day itself and the latest.
    low, at, high = date(2000, 1, 1), date(2000, 1, 2), date(2000, 1, 3)
    probes = {
        connection.ops.adapt_datefield_value(d): name
        for d, name in ((low, "low"), (at, "at"), (high, "high"))
    }
    terms: list[str] = []
    # Which parameter of the statement is the key and which a date, in the order the
    # backend wrote them.
    slots: list[str] = []
    for chosen, order in (
        (rows.filter(key="", day__lte=at, day__gte=low), ("-day", f"-{column}")),
        (rows.filter(key="", day__gt=at, day__lte=high), ("day", column)),
        (
            rows.filter(key="", last_day__gte=low, last_day__lte=high, day__lt=low),
            ("-last_day", f"-{column}"),
        ),
        (rows.filter(key="", last_day__isnull=True), (f"-{column}",)),
    ):
        term, params = (
            rows.filter(pk__in=chosen.order_by(*order).values("pk")[:limit])
            .order_by()
            .values_list("key", column, "day", "last_day")
            .query.sql_with_params()
        )
        named = ["key" if p == "" else probes.get(p) for p in params]
        if None in named or named.count("key") != 1:
            raise AssertionError(f"expected the key and the window's dates, got {params!r}")
        slots.extend(named)  # type: ignore[arg-type]
        terms.append(
            f"({term})" if connection.features.supports_slicing_ordering_in_compound else term
        )
    if day is None or within is None:
        window = {"low": date.min, "at": day or date.max, "high": date.max}
    else:
        window = {
            "low": day - timedelta(days=within),
            "at": day,
            "high": day + timedelta(days=within),
        }
    bounds = {name: connection.ops.adapt_datefield_value(d) for name, d in window.items()}
    found: dict[str, list[tuple[tuple[int, int, int], int]]] = defaultdict(list)
    with connection.cursor() as cursor:
        for chunk in batched(sorted(set(keys)), COMPOUND_TERMS // len(terms)):
            sql = " UNION ALL ".join(terms * len(chunk))
            cursor.execute(
                sql, [key if slot == "key" else bounds[slot] for key in chunk for slot in slots]
            )
            for key, target_id, first, last in cursor.fetchall():
                found[key].append((_distance(first, last, day, target_id), target_id))
    nearest: dict[str, list[int]] = {}
    for key, ranked in found.items():
        # A row met by two scans (first reported in the window, one report undated) once.
        nearest[key] = list(dict.fromkeys(pk for _, pk in sorted(ranked)))[:limit]
    return nearest


def _as_date(value: date | str | None) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else value


def _distance(
    first: date | str | None, last: date | str | None, day: date | None, pk: int
) -> tuple[int, int, int]:
    """How far a row's span of reports is from ``day``, nearest first: days apart (none
    inside the span, nor for a row with an undated report); as far, a row before the day
    first; then by id in the order the scans met them (before the day the latest id
    first, after it the earliest)."""
    first, last = _as_date(first), _as_date(last)
    if first is None or last is None:
        return (0, 0, -pk)
    if day is None:
        return ((date.max - first).days, 0, -pk)
    if day < first:
        return ((first - day).days, 1, pk)
    return (max(0, (day - last).days), 0, -pk)


# The span of dates a fact was reported on: its first report's and its last's (None when
# a report is undated: it may be the same fact as a report of any date).
type Span = tuple[date | None, date | None]


def fact_spans(fact_ids: Iterable[int]) -> tuple[dict[int, Span], dict[int, set[Span]]]:
    """Each fact's span of reports (its first dated claim's date, None if none is dated;
    its last's, None if one is undated), and the spans its key rows carry now. One
    statement per ``KEYS_PER_STATEMENT`` facts."""
    from factcheck.models import Claim, FactKey

    spans: dict[int, Span] = {}
    kept: dict[int, set[Span]] = {}
    for chunk in batched(sorted(set(fact_ids)), KEYS_PER_STATEMENT):
        spans.update((pk, (None, None)) for pk in chunk)
        kept.update((pk, set()) for pk in chunk)
        claims = (
            Claim.objects.filter(fact_id__in=chunk)
            .order_by()
            .values("fact_id")
            .annotate(
                first=Min("article__published"),
                last=Max("article__published"),
                undated=Count("pk") - Count("article__published"),
                side=Value(0),
            )
            .values_list("fact_id", "first", "last", "undated", "side")
        )
        rows = (
            FactKey.objects.filter(fact_id__in=chunk)
            .order_by()
            .annotate(undated=Value(0), side=Value(1))
            .values_list("fact_id", "day", "last_day", "undated", "side")
            .distinct()
        )
        for fact_id, first, last, undated, side in claims.union(rows, all=True).order_by():
            span = (_as_date(first), None if undated else _as_date(last))
            if side:
                kept[fact_id].add(span)
            else:
                spans[fact_id] = span
    return spans, kept


def redate_fact_keys(spans: dict[int, Span], kept: dict[int, set[Span]]) -> None:
    """Give the key rows of the facts whose span of reports moved (one that gained an
    earlier or a later report, or lost one) their new span (``fact_spans``): one
    statement per span that moved, none when none did."""
    from factcheck.models import FactKey

    moved: dict[Span, list[int]] = defaultdict(list)
    for fact_id, span in sorted(spans.items()):
        if kept.get(fact_id, set()) - {span}:
            moved[span].append(fact_id)
    for (first, last), facts in moved.items():
        FactKey.objects.filter(fact_id__in=facts).update(day=first, last_day=last)
