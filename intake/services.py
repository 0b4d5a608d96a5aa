"""Article intake: the one ingest path used by commands, uploads and tasks.

``ingest_article`` stores an article (``sources``) and runs the claim engine on it
(``factcheck.analysis``) in one transaction. This app sits above both, so that
neither has to import the other the wrong way round.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from django.conf import settings
from django.db import transaction

from factcheck.analysis import analyse_article
from factcheck.engine import EngineTimeout
from sources.models import Article
from sources.parsing import SUPPORTED_SUFFIXES, ArticleRejected, parse_file
from sources.services import get_or_create_outlet


class Outcome(StrEnum):
    IMPORTED = "imported"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    FAILED = "failed"


@dataclass
class IngestResult:
    source_file: str
    outcome: Outcome
    article: Article | None = None
    message: str = ""


@dataclass
class ImportSummary:
    results: list[IngestResult] = field(default_factory=list)

    def count(self, outcome: Outcome) -> int:
        return sum(1 for r in self.results if r.outcome == outcome)

    @property
    def failed(self) -> list[IngestResult]:
        return [r for r in self.results if r.outcome == Outcome.FAILED]

    def __str__(self) -> str:
        return ", ".join(f"{self.count(o)} {o.value}" for o in Outcome)


def check_size(name: str, size: int, limit: int) -> None:
    if size > limit:
        raise ArticleRejected(
            f"{name}: file is {size:,} bytes, over the {limit:,}-byte limit (IMPORT_MAX_BYTES)"
        )


@transaction.atomic
def ingest_article(
    *,
    source_file: str,
    data: bytes,
    outlet_name: str = "",
    max_bytes: int | None = None,
    analyse: bool = True,
) -> IngestResult:
    """Store one article file; the same call for seeds, files, uploads and pasted text.

    Re-ingesting the same bytes is a no-op ("unchanged"); new bytes under a known
    file name update that article. The article and its claims are written in one
    transaction, so a failure leaves nothing behind.

    >>> ingest_article(source_file="visit.txt", data=b"Headline\\n\\nBody text.")
    """
    name = Path(source_file).name
    limit = settings.IMPORT_MAX_BYTES if max_bytes is None else max_bytes
    check_size(name, len(data), limit)
    digest = hashlib.sha256(data).hexdigest()
    existing = Article.objects.filter(source_file=name).first()
    if existing and existing.content_hash == digest:
        return IngestResult(name, Outcome.UNCHANGED, existing, "unchanged")
    same_content = Article.objects.filter(content_hash=digest).first()
    if same_content:
        return IngestResult(
            name,
            Outcome.UNCHANGED,
            same_content,
            f"unchanged: same content as {same_content.source_file}",
        )

    parsed = parse_file(data, name=name, suffix=Path(name).suffix)
    article = existing or Article(source_file=name)
    article.title = parsed.title
    article.title_derived = parsed.title_derived
    article.body = parsed.body
    article.published = parsed.published
    article.byline = parsed.byline
    article.wire_credit = parsed.wire_credit
    article.url = parsed.url
    article.content_hash = digest
    article.encoding = parsed.encoding
    article.outlet = get_or_create_outlet(name=outlet_name or parsed.outlet_name)
    article.full_clean(exclude=["outlet", "url"])
    article.save()

    if analyse:
        try:
            analyse_article(article=article)
        except EngineTimeout as error:
            # Rolls the whole article back: one clear line, never a half import.
            raise ArticleRejected(f"{name}: {error}") from None

    outcome = Outcome.UPDATED if existing else Outcome.IMPORTED
    note = "" if parsed.encoding == "utf-8" else f"decoded as {parsed.encoding}"
    return IngestResult(name, outcome, article, note or outcome.value)


def find_article_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Yield article files from files and folders, raising for a folder without any."""
    for path in paths:
        if path.is_dir():
            files = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
            )
            if not files:
                raise ArticleRejected(
                    f"{path}: folder has no article files ({', '.join(sorted(SUPPORTED_SUFFIXES))})"
                )
            yield from files
        elif path.exists():
            yield path
        else:
            raise ArticleRejected(f"{path}: no such file or folder")


def import_files(
    paths: Iterable[Path],
    *,
    outlet_name: str = "",
    max_bytes: int | None = None,
    on_result: Callable[[IngestResult], None] | None = None,
) -> ImportSummary:
    """Ingest many files, each in its own transaction; one bad file never stops the rest."""
    summary = ImportSummary()
    limit = settings.IMPORT_MAX_BYTES if max_bytes is None else max_bytes
    for path in paths:
        try:
            size = path.stat().st_size
            # Refuse before reading, so a huge file is never loaded into memory.
            check_size(path.name, size, limit)
            data = path.read_bytes()
            result = ingest_article(
                source_file=path.name, data=data, outlet_name=outlet_name, max_bytes=max_bytes
            )
        except ArticleRejected as error:
            result = IngestResult(path.name, Outcome.FAILED, message=str(error))
        except OSError as error:
            result = IngestResult(
                path.name, Outcome.FAILED, message=f"{path.name}: cannot read ({error.strerror})"
            )
        summary.results.append(result)
        if on_result:
            on_result(result)
    return summary
