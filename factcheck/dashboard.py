"""What the dashboard shows: the editor's inbox, review counts, per-article progress, the
corroboration matrix.

Each function runs a fixed number of queries whatever the size of the corpus;
the matrix is capped (most-reported facts first) so it stays readable.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.contrib.auth.models import User
from django.db.models import Count, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse

from sources.models import Article

from .counts import COUNTS
from .engine.describe import describe_value
from .engine.types import Value
from .models import ArticleProgress, ArticleRelation, Claim, Fact, Status

INBOX_FACTS = 20
MATRIX_FACTS = 40
MATRIX_ARTICLES = 30
PROGRESS_ARTICLES = 100

# Matrix geometry, in SVG user units.
CELL = 30
LABEL_WIDTH = 330
HEADER_HEIGHT = 150
ROW_LABEL_CHARS = 46
COLUMN_LABEL_CHARS = 24

SHAPES: dict[str, str] = {
    Status.CORROBORATED: "circle",
    Status.SINGLE_SOURCE: "square",
    Status.DISPUTED: "triangle",
}


@dataclass(frozen=True, slots=True)
class StatusCount:
    code: str  # a Status value, or "none"
    label: str
    count: int
    share: float  # of all facts, 0-100


@dataclass(frozen=True, slots=True)
class StatusCounts:
    verdicts: list[StatusCount]  # each verdict, then "No verdict"
    suggestions: list[StatusCount]
    facts: int  # facts some article reports


def status_counts() -> StatusCounts:
    """Facts by editor verdict (with "No verdict") and by engine suggestion: one query.

    Over the facts some article reports (``FactQuerySet.reported``, a kept count), grouped
    in the order of ``fact_status_counts_idx``, which holds every column it reads.
    """
    # COUNT(*), not of ids: the index holds no id, and PostgreSQL then reads only the index.
    rows = (
        Fact.objects.reported()
        .order_by()
        .values("status", "suggested_status")
        .annotate(n=Count("*"))
    )
    by_status: Counter[str] = Counter()
    by_suggestion: Counter[str] = Counter()
    for row in rows:
        by_status[row["status"] or "none"] += row["n"]
        by_suggestion[row["suggested_status"]] += row["n"]
    facts = sum(by_status.values())

    def listing(counter: Counter[str], with_none: bool) -> list[StatusCount]:
        choices = [(s.value, s.label) for s in Status]
        if with_none:
            choices.append(("none", "No verdict"))
        return [
            StatusCount(code, label, counter[code], round(100 * counter[code] / (facts or 1), 1))
            for code, label in choices
        ]

    return StatusCounts(listing(by_status, True), listing(by_suggestion, False), facts)


@dataclass(frozen=True, slots=True)
class Inbox:
    facts: list[Fact]
    more: bool  # more facts than shown: the queue's "Assigned to me" lists them all


def assigned_inbox(user: User, limit: int = INBOX_FACTS) -> Inbox:
    """The facts assigned to ``user`` that need an editor, by the queue's priority: one query.

    One more row than shown is read, to know whether there are more.
    """
    facts = list(
        Fact.objects.reported()
        .needing_editor()
        .filter(assigned_to=user)
        .by_priority()
        .only("id", "summary", "status", "suggested_status", "needs_review", "origin_count")[
            : limit + 1
        ]
    )
    return Inbox(facts[:limit], len(facts) > limit)


@dataclass(frozen=True, slots=True)
class Totals:
    articles: int
    articles_with_claims: int
    claims: int


def totals() -> Totals:
    """How many articles, articles with claims and claims there are: one query.

    Read from the counts kept beside the articles (``counts``), not by counting claims:
    only articles with claims have a progress row.
    """
    found = Article.objects.aggregate(
        articles=Count("*"),
        articles_with_claims=Count("progress"),
        claims=Coalesce(Sum("progress__claim_count"), 0),
    )
    return Totals(**found)


def article_progress(limit: int = PROGRESS_ARTICLES) -> list[ArticleProgress]:
    """Articles with claims, most claims left to review first (then the first imported):
    one query, read in the order of ``progress_rank_idx``, which serves it without a sort.

    Each row holds its article (with the outlet) and the kept counts (``claim_count``,
    ``reviewed_claim_count``, ``fact_count``, ``reviewed_fact_count``,
    ``reviewed_percent``).
    """
    return list(
        ArticleProgress.objects.select_related("article__outlet")
        .order_by("-unreviewed_claim_count", "article_id")
        .only(
            *COUNTS,
            *("article__id", "article__title", "article__source_file"),
            *("article__outlet__id", "article__outlet__name"),
        )[:limit]
    )


# ------------------------------------------------------------------- matrix


@dataclass(slots=True)
class MatrixRow:
    fact: Fact
    y: int
    label_x: int
    label: str
    status: str  # editor verdict, else the suggestion
    suggested: bool
    shape: str
    article_count: int
    url: str  # the fact's page
    # In words ("Disputed (editor's verdict)"), and the row's marks left to right: the
    # table that stands in for the chart for keyboard and screen-reader users.
    verdict: str = ""
    cells: list[MatrixCell] = field(default_factory=list)


@dataclass(slots=True)
class MatrixColumn:
    article: Article
    x: int
    label: str
    label_x: int
    label_y: int
    url: str  # the article's page


@dataclass(slots=True)
class MatrixCell:
    cx: int
    cy: int
    status: str
    shape: str
    suggested: bool
    copy: bool
    conflict: bool
    title: str
    article: Article | None = None
    article_url: str = ""
    notes: list[str] = field(default_factory=list)  # copy of …, its figure is disputed …
    x0: int = 0  # square corner
    y0: int = 0
    points: str = ""  # triangle corners


@dataclass(slots=True)
class Matrix:
    rows: list[MatrixRow] = field(default_factory=list)
    columns: list[MatrixColumn] = field(default_factory=list)
    cells: list[MatrixCell] = field(default_factory=list)
    width: int = 0
    height: int = 0
    grid_x: int = LABEL_WIDTH
    grid_y: int = HEADER_HEIGHT
    grid_width: int = 0
    grid_height: int = 0
    facts_total: int = 0  # facts reported by two or more articles
    articles_total: int = 0  # articles reporting any of the facts shown

    @property
    def grid_right(self) -> int:
        return self.grid_x + self.grid_width

    @property
    def grid_bottom(self) -> int:
        return self.grid_y + self.grid_height

    @property
    def truncated(self) -> bool:
        return self.facts_total > len(self.rows) or self.articles_total > len(self.columns)


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _article_label(article: Article) -> str:
    if article.outlet_id:
        # An outlet id means an outlet (selected with the article).
        return f"{article.outlet.name}: {article.title}"  # type: ignore[union-attr]
    return article.title or article.source_file


def corroboration_matrix(
    max_facts: int = MATRIX_FACTS, max_articles: int = MATRIX_ARTICLES
) -> Matrix:
    """Facts reported by two or more articles against the articles reporting them.

    A cell says whether the article carries a claim of the fact, the fact's status
    (shape; filled for an editor's verdict, outlined for a suggestion), whether
    the article copies another article reporting the same fact, and whether one
    of its values is among the fact's conflicts. Six queries.
    """
    matrix = Matrix()
    reported = Fact.objects.filter(article_count__gte=2)
    matrix.facts_total = reported.count()
    facts = list(
        reported.order_by("-article_count", "-id").only(
            *("id", "summary", "status", "suggested_status", "article_count", "conflicts")
        )[:max_facts]
    )
    if not facts:
        return matrix

    articles_of: dict[int, set[int]] = defaultdict(set)
    for fact_id, article_id in (
        Claim.objects.filter(fact__in=facts).order_by().values_list("fact_id", "article_id")
    ):
        articles_of[fact_id].add(article_id)

    every_article = set().union(*articles_of.values())
    matrix.articles_total = len(every_article)
    coverage = Counter(a for ids in articles_of.values() for a in ids)
    chosen = sorted(every_article, key=lambda a: (-coverage[a], a))[:max_articles]
    articles = sorted(
        Article.objects.with_outlet().defer("body").filter(pk__in=chosen),
        key=lambda a: (a.published is None, a.published, a.source_file),
    )
    # The values of the cells shown only: at 100,000 claims the facts shown have thousands
    # of claims, and reading (and decoding) all their values cost more than the rest.
    values_by_cell: dict[tuple[int, int], list[Value]] = defaultdict(list)
    for fact_id, article_id, values in (
        Claim.objects.filter(fact__in=facts, article_id__in=chosen)
        .order_by()
        .values_list("fact_id", "article_id", "values")
    ):
        values_by_cell[fact_id, article_id].extend(values or [])
    # Only the columns shown are marked as copies: their relations, through the index on
    # the copy. Asking for pairs of every reporting article (both sides in lists of
    # thousands at 100,000 claims) had SQLite probe each pair: 560 ms.
    copies: dict[int, set[int]] = defaultdict(set)  # copy -> its originals
    for original_id, copy_id in (
        ArticleRelation.objects.filter(copy_id__in=chosen)
        .order_by()
        .values_list("original_id", "copy_id")
    ):
        copies[copy_id].add(original_id)

    labels = {a.pk: _article_label(a) for a in articles}
    for i, article in enumerate(articles):
        x = LABEL_WIDTH + i * CELL + CELL // 2
        matrix.columns.append(
            MatrixColumn(
                article=article,
                x=x,
                label=_short(labels[article.pk], COLUMN_LABEL_CHARS),
                label_x=x,
                label_y=HEADER_HEIGHT - 8,
                url=reverse("factcheck:article-detail", args=[article.pk]),
            )
        )
    for j, fact in enumerate(facts):
        y = HEADER_HEIGHT + j * CELL + CELL // 2
        status = fact.status or fact.suggested_status
        row = MatrixRow(
            fact=fact,
            y=y,
            label_x=LABEL_WIDTH - 8,
            label=_short(f"#{fact.pk} {fact.summary}", ROW_LABEL_CHARS),
            status=status,
            suggested=not fact.status,
            shape=SHAPES.get(status, "circle"),
            article_count=fact.article_count,
            url=fact.get_absolute_url(),
        )
        matrix.rows.append(row)
        disputed = {
            (str(c.get("a", {}).get("type")), describe_value(c.get("a", {})))
            for c in fact.conflicts
        } | {
            (str(c.get("b", {}).get("type")), describe_value(c.get("b", {})))
            for c in fact.conflicts
        }
        verdict = (
            f"{fact.get_status_display()} (editor's verdict)"
            if fact.status
            else f"suggested: {fact.get_suggested_status_display()}"
        )
        row.verdict = verdict
        for column in matrix.columns:
            article = column.article
            if article.pk not in articles_of[fact.pk]:
                continue
            values = values_by_cell[fact.pk, article.pk]
            originals = copies.get(article.pk, set()) & articles_of[fact.pk]
            clashing = [v for v in values if (str(v.get("type")), describe_value(v)) in disputed]
            notes = []
            if originals:
                names = ", ".join(sorted(f"article #{o}" for o in originals))
                notes.append(f"copy of {names}, which reports it too")
            if clashing:
                notes.append(
                    "its figure is disputed: " + ", ".join(describe_value(v) for v in clashing)
                )
            title = [f"{labels[article.pk]} reports fact #{fact.pk}: {verdict}", *notes]
            cell = MatrixCell(
                cx=column.x,
                cy=y,
                status=status,
                shape=row.shape,
                suggested=row.suggested,
                copy=bool(originals),
                conflict=bool(clashing),
                title="; ".join(title),
                article=article,
                article_url=column.url,
                notes=notes,
                x0=column.x - 7,
                y0=y - 7,
            )
            if cell.shape == "triangle":
                x, y = cell.cx, cell.cy
                cell.points = f"{x},{y - 9} {x + 9},{y + 7} {x - 9},{y + 7}"
            matrix.cells.append(cell)
            row.cells.append(cell)

    matrix.grid_width = len(matrix.columns) * CELL
    matrix.grid_height = len(matrix.rows) * CELL
    # Room on the right for the last columns' slanted labels.
    matrix.width = LABEL_WIDTH + matrix.grid_width + 120
    matrix.height = HEADER_HEIGHT + matrix.grid_height + 10
    return matrix
