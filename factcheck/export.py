"""Claims as flat records, for the export command and the desk's CSV download."""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, TypedDict

from django.db.models import QuerySet

from .engine.features import ClaimFeatures
from .engine.matching import measured
from .engine.types import Value
from .models import Claim

if TYPE_CHECKING:
    # Anything with a write(str): a file, a StringIO, a management command's stdout.
    from _typeshed import SupportsWrite

CSV_FIELDS = [
    "id",
    "source_file",
    "article_title",
    "text",
    "start",
    "end",
    "kind",
    "score",
    "values",
    "flags",
    "group_id",
    "suggested_status",
    "reason",
    "status",
    "independent_origins",
    "group_articles",
    # A claim read as a measured subject with a value (added; the fields above are kept).
    "subject",
    "value",
    "time_reference",
    "attributes",
]
BATCH = 2000


class ClaimRecord(TypedDict):
    """One exported claim: the fields of ``CSV_FIELDS``, with their values unformatted."""

    id: int
    source_file: str
    article_title: str
    text: str
    start: int
    end: int
    kind: str
    score: float
    values: list[Value]
    flags: list[str]
    group_id: int
    suggested_status: str
    reason: str
    status: str | None
    independent_origins: int
    group_articles: list[str]
    subject: str
    value: Value | None
    time_reference: list[str]
    attributes: list[str]


def claim_records(claims: QuerySet[Claim] | None = None) -> Iterator[ClaimRecord]:
    """One dict per claim; ``group_articles`` lists the other articles in its fact.

    Reads in batches, three queries per batch, so memory stays flat on big corpora.
    """
    queryset = claims if claims is not None else Claim.objects.all()
    queryset = queryset.select_related("article", "fact").order_by("article__source_file", "start")
    batch: list[Claim] = []
    for claim in queryset.iterator(chunk_size=BATCH):
        batch.append(claim)
        if len(batch) >= BATCH:
            yield from _records(batch)
            batch = []
    if batch:
        yield from _records(batch)


def _records(batch: list[Claim]) -> Iterator[ClaimRecord]:
    files_by_fact: dict[int, set[str]] = defaultdict(set)
    rows = Claim.objects.filter(fact_id__in={c.fact_id for c in batch}).values_list(
        "fact_id", "article__source_file"
    )
    for fact_id, source_file in rows:
        files_by_fact[fact_id].add(source_file)
    for claim in batch:
        fact = claim.fact
        reading = measured(
            ClaimFeatures(
                text=claim.text,
                kind=claim.kind,
                values=claim.values,
                entities=claim.entities,
                context=claim.text,
                story=tuple(claim.story),
            )
        )
        yield {
            "id": claim.pk,
            "source_file": claim.article.source_file,
            "article_title": claim.article.title,
            "text": claim.text,
            "start": claim.start,
            "end": claim.end,
            "kind": claim.kind,
            "score": claim.score,
            "values": claim.values,
            "flags": claim.flags,
            "group_id": fact.pk,
            "suggested_status": fact.suggested_status,
            "reason": fact.suggested_reason,
            "status": fact.status or None,
            "independent_origins": fact.origin_count,
            "group_articles": sorted(files_by_fact[fact.pk] - {claim.article.source_file}),
            "subject": reading.subject,
            "value": reading.value,
            "time_reference": reading.time_reference,
            "attributes": reading.attributes,
        }


def write_jsonl(records: Iterable[ClaimRecord], out: SupportsWrite[str]) -> int:
    count = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


# A spreadsheet runs a cell that starts with one of these as a formula ("=HYPERLINK(...)"),
# and claim text and titles come from articles anyone can send us.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> object:
    """A text cell that cannot run as a formula: OWASP's leading single quote.

    >>> spreadsheet_safe("=1+1"), spreadsheet_safe("-5 per cent"), spreadsheet_safe(-5)
    ("'=1+1", "'-5 per cent", -5)
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(records: Iterable[ClaimRecord], out: SupportsWrite[str]) -> int:
    """CSV for spreadsheets: every text cell goes through ``spreadsheet_safe``
    (JSON Lines stays raw: it is read by programs, not opened in a spreadsheet)."""
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS)
    writer.writeheader()
    count = 0
    for record in records:
        row: dict[str, object] = {
            **record,
            "values": json.dumps(record["values"], ensure_ascii=False),
            "flags": ";".join(record["flags"]),
            "status": record["status"] or "",
            "group_articles": ";".join(record["group_articles"]),
            "value": json.dumps(record["value"], ensure_ascii=False) if record["value"] else "",
            "time_reference": ";".join(record["time_reference"]),
            "attributes": ";".join(record["attributes"]),
        }
        writer.writerow({key: spreadsheet_safe(value) for key, value in row.items()})
        count += 1
    return count
