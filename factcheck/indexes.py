"""Reading the inverted indexes (``FactKey``, ``ArticleFingerprint``) in one statement.

An article's import looks up every matching key of its claims and every fingerprint key
of its text, and wants only the newest few rows of each key: a common key (a wire
agency's credit, a much-quoted figure) can have thousands. One query per key was most
of an import's round trips. ``newest_per_key`` asks for all of them at once as a
``UNION ALL`` of per-key ``ORDER BY … DESC LIMIT n`` selects (inside an ``IN`` subquery each), served by the
unique (key, row) index as a short backward index scan, so the cost still does not
grow with how common a key is.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from itertools import batched

from django.db import connections, models

# SQLite allows at most 500 terms in one compound SELECT (SQLITE_MAX_COMPOUND_SELECT).
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
