"""Article intake: the one ingest path used by commands, uploads and tasks.

``ingest_article`` stores an article (``sources``) and runs the claim engine on it
(``factcheck.analysis``) in one transaction. This app sits above both, so that
neither has to import the other the wrong way round.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.contrib.auth.models import User
from django.db import IntegrityError, OperationalError, transaction
from django.db.models import Q, QuerySet

from factcheck.analysis import analyse_article
from factcheck.engine import EngineTimeout
from factcheck.models import Fact
from factcheck.services import flag_facts_for_review
from sources.models import Article, Outlet
from sources.parsing import SUPPORTED_SUFFIXES, ArticleRejected, ParsedArticle, parse_file
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


# --- identity ------------------------------------------------------------------

ORIGIN_MAX = 600


def address_key(url: str) -> str:
    """An article's address as an identity: scheme and host lower-cased, fragment dropped.

    >>> address_key("HTTPS://Example.COM/a/b?x=1#top")
    'https://example.com/a/b?x=1'
    """
    parts = urlsplit(url.strip())
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path, parts.query, ""))


def _is_address(url: str) -> bool:
    parts = urlsplit(url.strip())
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def origin_of(*, url: str, outlet: Outlet | None, path: str, name: str, digest: str) -> str:
    """The identity of an imported article (the forms are described on ``Article``).

    >>> origin_of(url="", outlet=None, path="seeds/001.txt", name="001.txt", digest="ab…")
    'file:-:seeds/001.txt'
    """
    outlet_key = outlet.slug if outlet else "-"
    if url and _is_address(url):
        key = f"url:{address_key(url)}"
    elif path:
        key = f"file:{outlet_key}:{path}"
    else:
        key = f"upload:{outlet_key}:{name}:{digest[:16]}"
    if len(key) > ORIGIN_MAX:
        # Still unique: the cut-off tail is replaced by a hash of the whole key.
        key = key[: ORIGIN_MAX - 33] + "~" + hashlib.sha256(key.encode()).hexdigest()[:32]
    return key


def checked_facts(article: Article) -> QuerySet[Fact]:
    """Facts an editor has ruled on (verdict or publication) that cite the article."""
    return Fact.objects.filter(
        Q(published_at__isnull=False) | ~Q(status=""),
        pk__in=article.claims.values("fact_id"),
    )


# --- concurrency -----------------------------------------------------------------

# Two imports may race to create the same outlet or article: the loser's insert
# fails on the unique constraint, its transaction (or savepoint) is rolled back, and
# it tries again, now seeing the winner's row. PostgreSQL may also end a transaction
# as a deadlock victim or a serialization failure; those are retried the same way.
ATTEMPTS = 4
_RETRYABLE_SQLSTATES = {"40P01", "40001"}


def _retryable(error: Exception) -> bool:
    if isinstance(error, IntegrityError):
        return True
    return getattr(error.__cause__, "sqlstate", None) in _RETRYABLE_SQLSTATES


def with_retry[T](action: Callable[[], T]) -> T:
    """Run ``action`` in a transaction (a savepoint if one is open), again after a lost race.

    The commit is inside the retried block, so an error found at commit is retried too.
    """
    for attempt in range(ATTEMPTS):
        try:
            with transaction.atomic():
                return action()
        except (IntegrityError, OperationalError) as error:
            if attempt == ATTEMPTS - 1 or not _retryable(error):
                raise
            time.sleep(0.05 * (attempt + 1))
    raise AssertionError("unreachable")


def _outlet(name: str) -> Outlet | None:
    return with_retry(lambda: get_or_create_outlet(name=name))


# --- ingest ------------------------------------------------------------------------


def ingest_article(
    *,
    source_file: str,
    data: bytes,
    outlet_name: str = "",
    path: str = "",
    max_bytes: int | None = None,
    analyse: bool = True,
) -> IngestResult:
    """Store one article file; the same call for seeds, files, uploads and pasted text.

    The article is found by its origin (``origin_of``: its address, else ``path``
    with the outlet, else file name, outlet and hash). The same bytes are always
    "unchanged"; new bytes under a known origin update that article, unless an
    editor has ruled on one of its facts (verdict or publication): then the import
    is refused and an editor must use ``replace_article_text``. A file whose name
    is taken by an article of another origin becomes a new article. The article
    and its claims are written in one transaction, so a failure leaves nothing
    behind; a race with a concurrent import is retried.

    Not decorated with ``@transaction.atomic``: ``with_retry`` opens the
    transaction, so that a lost race reported only at commit (PostgreSQL checks
    foreign keys and finds deadlocks then) is retried too. Called inside another
    transaction, it is a savepoint of that one.

    >>> ingest_article(source_file="visit.txt", data=b"Headline\\n\\nBody text.")
    >>> ingest_article(source_file="001.txt", path="seeds/001.txt", data=...)
    """
    name = Path(source_file).name
    limit = settings.IMPORT_MAX_BYTES if max_bytes is None else max_bytes
    check_size(name, len(data), limit)
    return with_retry(
        lambda: _store_article(
            name=name, data=data, outlet_name=outlet_name, path=path, analyse=analyse
        )
    )


def _store_article(
    *, name: str, data: bytes, outlet_name: str, path: str, analyse: bool
) -> IngestResult:
    digest = hashlib.sha256(data).hexdigest()
    same_content = Article.objects.filter(content_hash=digest).first()
    if same_content and not same_content.origin.startswith("legacy:"):
        return _unchanged(name, same_content)

    parsed = parse_file(data, name=name, suffix=Path(name).suffix)
    outlet = _outlet(outlet_name or parsed.outlet_name)
    origin = origin_of(url=parsed.url, outlet=outlet, path=path, name=name, digest=digest)
    if same_content:
        # Imported before origins existed: the same bytes again tell us its origin.
        if not Article.objects.filter(origin=origin).exists():
            Article.objects.filter(pk=same_content.pk).update(origin=origin)
        return _unchanged(name, same_content)

    existing = Article.objects.filter(origin=origin).first()
    if existing:
        # Locked only now, and checked again: a concurrent import may have just stored
        # these very bytes. Two updates of one article never interleave their claims.
        existing = Article.objects.select_for_update().get(pk=existing.pk)
        if existing.content_hash == digest:
            return _unchanged(name, existing)
    if existing and checked_facts(existing).exists():
        raise ArticleRejected(
            f"{name}: not imported; it would replace the text of article #{existing.pk} "
            f"“{_short(existing.title)}”, whose facts have an editor's verdict or are "
            "published; an editor must replace its text, giving a reason"
        )
    namesakes = Article.objects.filter(source_file=name).exclude(origin=origin).count()
    article = existing or Article(origin=origin)
    _fill(article, parsed=parsed, name=name, digest=digest, outlet=outlet)
    article.save()

    if analyse:
        _analyse(article, name)

    outcome = Outcome.UPDATED if existing else Outcome.IMPORTED
    notes = [] if parsed.encoding == "utf-8" else [f"decoded as {parsed.encoding}"]
    if namesakes and not existing:
        notes.append(
            f"a new article: {namesakes} other article{'s' if namesakes > 1 else ''} "
            "from elsewhere had this file name"
        )
    return IngestResult(name, outcome, article, "; ".join(notes) or outcome.value)


def _unchanged(name: str, article: Article) -> IngestResult:
    if article.source_file != name:
        message = f"unchanged: same content as {article.source_file}"
    else:
        message = "unchanged"
    return IngestResult(name, Outcome.UNCHANGED, article, message)


def _short(title: str, limit: int = 80) -> str:
    return title if len(title) <= limit else title[: limit - 1] + "…"


def _fill(
    article: Article, *, parsed: ParsedArticle, name: str, digest: str, outlet: Outlet | None
) -> None:
    article.source_file = name
    article.title = parsed.title
    article.title_derived = parsed.title_derived
    article.body = parsed.body
    article.published = parsed.published
    article.byline = parsed.byline
    article.wire_credit = parsed.wire_credit
    article.url = parsed.url
    article.content_hash = digest
    article.encoding = parsed.encoding
    article.outlet = outlet
    # Field checks name the bad field in the import's one-line error. The table's check
    # constraints (non-empty title, body and file name, a SHA-256 hash) are enforced by the
    # database on insert; validating them here would cost a query and a savepoint each.
    article.full_clean(
        exclude=["outlet", "url", "origin"], validate_unique=False, validate_constraints=False
    )


def _analyse(article: Article, name: str) -> None:
    try:
        analyse_article(article=article)
    except EngineTimeout as error:
        # Rolls the whole article back: one clear line, never a half import.
        raise ArticleRejected(f"{name}: {error}") from None


@transaction.atomic
def replace_article_text(
    *,
    article: Article,
    data: bytes,
    user: User,
    reason: str,
    source_file: str = "",
) -> IngestResult:
    """An editor replaces an article's text, even when its facts carry verdicts.

    The article keeps its identity (origin) and id; its claims are found again.
    Every fact with a verdict or publication that cites the article, before or
    after the change, is flagged for review, and gets a history row saying who
    replaced the text, the old and new version, and why.

    >>> replace_article_text(article=a, data=new_bytes, user=editor, reason="Outlet corrected")
    """
    reason = reason.strip()
    current = Article.objects.select_for_update().get(pk=article.pk)
    name = Path(source_file).name or current.source_file
    if not reason:
        raise ArticleRejected(f"{name}: say why the text of article #{current.pk} is replaced")
    check_size(name, len(data), settings.IMPORT_MAX_BYTES)
    digest = hashlib.sha256(data).hexdigest()
    if digest == current.content_hash:
        return _unchanged(name, current)
    twin = Article.objects.filter(content_hash=digest).exclude(pk=current.pk).first()
    if twin:
        raise ArticleRejected(
            f"{name}: this text is already article #{twin.pk} ({twin.source_file})"
        )
    parsed = parse_file(data, name=name, suffix=Path(name).suffix)
    before = set(checked_facts(current).values_list("pk", flat=True))
    old = f"article #{current.pk} “{_short(current.title)}” (text {current.content_hash[:12]})"
    _fill(
        current,
        parsed=parsed,
        name=name,
        digest=digest,
        outlet=_outlet(parsed.outlet_name) or current.outlet,
    )
    current.save()
    _analyse(current, name)
    after = set(checked_facts(current).values_list("pk", flat=True))
    new = f"article #{current.pk} “{_short(current.title)}” (text {digest[:12]})"
    flagged = flag_facts_for_review(
        fact_ids=before | after, user=user, old=old, new=new, reason=reason
    )
    message = (
        f"text replaced; {len(flagged)} fact{'s' if len(flagged) != 1 else ''} flagged for review"
    )
    return IngestResult(name, Outcome.UPDATED, current, message)


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


def file_key(path: Path) -> str:
    """A file's place for its origin: its folder's name and its own, the same on any machine.

    >>> file_key(Path("/srv/desk/seeds/001.txt"))
    'seeds/001.txt'
    """
    return f"{path.resolve().parent.name}/{path.name}"


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
                source_file=path.name,
                data=data,
                outlet_name=outlet_name,
                path=file_key(path),
                max_bytes=max_bytes,
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
