"""What the desk's pages show: page models read lazily by their templates.

``ArticlePage`` (an article's text cut into highlighted claims), ``ClaimPanel``
(the panel beside it for one claim), ``FactPage`` (a fact's regions, each read
only when its partial renders) and ``Report`` (one claim of a fact, its values
marked where the reports differ). Views build them; they never change anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypedDict

from django.conf import settings
from django.contrib.auth.models import User
from django.db.models import Model, Q
from django.utils.functional import cached_property

from sources.models import Article

from .engine.extraction import MODEL_PREFIX
from .engine.matching import Match
from .engine.types import Value
from .forms import ClearReviewForm, EvidenceForm, FactCheckForm, MergeForm, VerdictForm
from .highlight import (
    Paragraph,
    Span,
    describe_value,
    differing_values,
    paragraphs,
    segment,
    value_spans,
)
from .merging import MergeSuggestion, compare, merge_suggestions
from .models import ArticleRelation, Claim, Evidence, Fact, FactChange, Publication, Status
from .publishing import disagreement
from .roles import editors
from .snapshots import best_claim, default_statement

HISTORY_LIMIT = 200
# A fact's reports shown at once; a button fetches the next as many.
REPORTS_PER_PAGE = 20
MERGE_CANDIDATES = 8
PASSAGES_SHOWN = 3

RELATION_LABELS = dict(ArticleRelation.Relation.choices)
# History rows of these actions store a status's value ("single_source"); the page shows
# its label ("Single source").
STATUS_VALUED_ACTIONS = {
    FactChange.Action.STATUS,
    FactChange.Action.PUBLISH,
    FactChange.Action.UNPUBLISH,
}


def shown_value(action: str, value: str) -> str:
    """A history value as an editor reads it: status values as their labels, others as stored."""
    if action in STATUS_VALUED_ACTIONS and value in Status.values:
        return str(Status(value).label)
    return value


def _show(instance: Model, **shown: object) -> None:
    """Attach what a template shows to a model instance, under names its model does not
    declare (so by ``setattr``: the instance is only decorated for the page)."""
    for name, value in shown.items():
        setattr(instance, name, value)


# What a report never shows: the article's body (a sentence of one is read when needed)
# and the engine's working data. A fact of 66 claims read 66 whole bodies.
UNSHOWN = ("article__body", "features", "entities", "story", "keys", "match_reasons")


def reported_claims(fact: Fact) -> list[Claim]:
    """A fact's claims with their articles and outlets, oldest report first.

    The articles' bodies are deferred: read one with ``refresh_from_db`` before cutting
    a sentence from it.
    """
    return list(
        fact.claims.select_related("article__outlet")
        .defer(*UNSHOWN)
        .order_by("article__published", "article_id", "start")
    )


@dataclass(frozen=True, slots=True)
class Piece:
    """A piece of a claim's text; ``value`` is set when it is a normalised value."""

    text: str
    value: Value | None = None
    meaning: str = ""
    differs: bool = False
    conflict: bool = False


@dataclass(slots=True)
class Report:
    """One claim of a fact, as shown side by side with the others."""

    claim: Claim
    pieces: list[Piece]
    values: list[Piece]
    current: bool = False
    # Other reporting articles this article copies or rewrites: (article, "Copy"/"Rewrite").
    copies: tuple[tuple[Article, str], ...] = ()


def fact_reports(
    fact: Fact,
    claims: list[Claim],
    *,
    current: Claim | None = None,
    shown: slice = slice(None),
) -> list[Report]:
    """The fact's claims with their values marked where the reports differ.

    Values of one type and unit that another report states differently are marked
    ``differs``; values named in the fact's conflicts are marked ``conflict``.
    ``claims`` need their article loaded. Reports are made for ``claims[shown]`` only,
    each compared with all of ``claims``. One query (copy relations).
    """
    differing = differing_values([c.values for c in claims])[shown]
    claims_shown = claims[shown]
    disputed = {
        (str(side.get("type")), describe_value(side))
        for conflict in fact.conflicts or []
        for side in (conflict.get("a") or {}, conflict.get("b") or {})
    }
    articles = {c.article_id: c.article for c in claims}
    copy_ids = {c.article_id for c in claims_shown}
    copies: dict[int, dict[int, str]] = {}
    if len(articles) > 1 and copy_ids:
        for original_id, copy_id, relation in ArticleRelation.objects.filter(
            original_id__in=set(articles), copy_id__in=copy_ids
        ).values_list("original_id", "copy_id", "relation"):
            label = RELATION_LABELS.get(relation, relation.capitalize())
            copies.setdefault(copy_id, {})[original_id] = label

    reports = []
    for claim, marked in zip(claims_shown, differing, strict=True):
        values = claim.values or []

        def piece(
            text: str,
            index: int | None,
            values: list[Value] = values,
            marked: set[int] = marked,
        ) -> Piece:
            if index is None:
                return Piece(text)
            value = values[index]
            return Piece(
                text=text,
                value=value,
                meaning=describe_value(value),
                differs=index in marked,
                conflict=(str(value.get("type")), describe_value(value)) in disputed,
            )

        spans = value_spans(claim.text, claim.start, values)
        pieces = [piece(s.text, s.key) for s in segment(claim.text, spans, offset=claim.start)]
        reports.append(
            Report(
                claim=claim,
                pieces=pieces,
                values=[piece(str(v.get("text") or ""), i) for i, v in enumerate(values)],
                current=current is not None and claim.pk == current.pk,
                copies=tuple(
                    (articles[a], label)
                    for a, label in sorted(copies.get(claim.article_id, {}).items())
                ),
            )
        )
    if current is not None:
        reports.sort(key=lambda r: not r.current)
    return reports


STATUS_LETTERS = {"corroborated": "C", "single_source": "S", "disputed": "D"}


def _label_status(claim: Claim) -> None:
    """What a highlight says: the editor's verdict, else the suggestion, marked "?"."""
    fact = claim.fact
    suggested = not fact.status
    shown_status = fact.status or fact.suggested_status
    _show(
        claim,
        suggested=suggested,
        shown_status=shown_status,
        status_text=(
            fact.get_status_display()
            if fact.status
            else f"suggested {fact.get_suggested_status_display().lower()}"
        ),
        status_letter=STATUS_LETTERS.get(shown_status, "?") + ("?" if suggested else ""),
    )


class Provenance:
    """Which articles this one copies, and which copy it, with the shared passages."""

    def __init__(self, article: Article):
        self.article = article

    @cached_property
    def relations(self) -> list[ArticleRelation]:
        relations = list(
            ArticleRelation.objects.filter(Q(original=self.article) | Q(copy=self.article))
            .select_related("original__outlet", "copy__outlet")
            .order_by("-similarity", "pk")
        )
        for relation in relations:
            _show(
                relation,
                shown_passages=[
                    str(p.get("text") or "") for p in (relation.passages or [])[:PASSAGES_SHOWN]
                ],
                more_passages=max(len(relation.passages or []) - PASSAGES_SHOWN, 0),
            )
        return relations

    @cached_property
    def copies_of(self) -> list[ArticleRelation]:
        return [r for r in self.relations if r.copy_id == self.article.pk]

    @cached_property
    def copied_by(self) -> list[ArticleRelation]:
        return [r for r in self.relations if r.original_id == self.article.pk]


class ArticlePage:
    """The article text cut into segments, each claim's run a highlight."""

    def __init__(self, article: Article):
        self.article = article
        self.provenance = Provenance(article)

    @cached_property
    def claims(self) -> list[Claim]:
        claims = list(self.article.claims.select_related("fact").order_by("start", "end", "pk"))
        for claim in claims:
            _label_status(claim)
        return claims

    @cached_property
    def paragraphs(self) -> list[Paragraph[Claim]]:
        return paragraphs(self.article.body, [Span(c.start, c.end, c) for c in self.claims])


class ClaimPanel:
    """Everything the panel beside the article text says about one claim."""

    def __init__(self, claim: Claim, *, alert: str = "", reason_draft: str = ""):
        self.claim = claim
        self.fact = claim.fact
        self.alert = alert
        # The verdict reason the editor typed, kept when the verdict was refused.
        self.reason_draft = reason_draft
        self.provenance = Provenance(claim.article)

    @cached_property
    def features(self) -> list[tuple[str, float]]:
        """The rules' features that made this a claim (they sum to its rule score)."""
        return self._features(model=False)

    @cached_property
    def model_features(self) -> list[tuple[str, float]]:
        """The learned model's strongest cues for its score (log-odds contributions)."""
        return self._features(model=True)

    def _features(self, *, model: bool) -> list[tuple[str, float]]:
        items = [
            (str(k).removeprefix(MODEL_PREFIX), float(v))
            for k, v in (self.claim.features or {}).items()
            if str(k).startswith(MODEL_PREFIX) == model
        ]
        return sorted(items, key=lambda item: (-abs(item[1]), item[0]))

    @cached_property
    def reports(self) -> list[Report]:
        claims = reported_claims(self.fact)
        return fact_reports(self.fact, claims, current=self.claim)

    @cached_property
    def current(self) -> Report:
        return next(r for r in self.reports if r.current)

    @cached_property
    def others(self) -> list[Report]:
        return [r for r in self.reports if not r.current]


class KeptForms(TypedDict, total=False):
    """The form of a refused change, by region, so the page shows what the editor typed."""

    verdict: VerdictForm
    evidence: EvidenceForm
    factcheck: FactCheckForm
    clear_review: ClearReviewForm
    merge: MergeForm


class FactPage:
    """The fact page's regions; each is read only when its partial renders.

    The reports come ``REPORTS_PER_PAGE`` at a time: the page shows ``report_pages`` of
    them, and a button fetches the next (``more_reports``). ``only_last_page``: just the
    last of those pages, for the button's htmx answer.
    """

    def __init__(
        self,
        fact: Fact,
        *,
        region: str = "",
        alert: str = "",
        notice: str = "",
        note_draft: str | None = None,
        forms: KeptForms | None = None,
        report_pages: int = 1,
        only_last_page: bool = False,
    ):
        self.fact = fact
        # The region a POST answered, which shows the alert or notice.
        self.region = region
        self.alert = alert
        self.notice = notice
        self.note_value = fact.note if note_draft is None else note_draft
        self.forms: KeptForms = forms or {}
        self.report_pages = max(report_pages, 1)
        self.only_last_page = only_last_page

    @cached_property
    def claims(self) -> list[Claim]:
        return reported_claims(self.fact)

    @cached_property
    def reports(self) -> list[Report]:
        end = self.report_pages * REPORTS_PER_PAGE
        start = end - REPORTS_PER_PAGE if self.only_last_page else 0
        return fact_reports(self.fact, self.claims, shown=slice(start, end))

    @property
    def more_reports(self) -> int:
        """How many reports the page does not show yet."""
        return max(len(self.claims) - self.report_pages * REPORTS_PER_PAGE, 0)

    @property
    def next_reports(self) -> int:
        """How many reports the "show more" button adds."""
        return min(self.more_reports, REPORTS_PER_PAGE)

    @cached_property
    def article_count(self) -> int:
        return len({c.article_id for c in self.claims})

    @cached_property
    def evidence(self) -> list[Evidence]:
        return list(self.fact.evidence.select_related("added_by"))

    @cached_property
    def history(self) -> list[FactChange]:
        changes = list(self.fact.changes.select_related("user")[:HISTORY_LIMIT])
        for change in changes:
            _show(
                change,
                old_shown=shown_value(change.action, change.old_value),
                new_shown=shown_value(change.action, change.new_value),
            )
        return changes

    @cached_property
    def undoable(self) -> FactChange | None:
        """The latest change, when it is a verdict: the history offers to undo it."""
        latest = self.history[0] if self.history else None
        return latest if latest is not None and latest.action == FactChange.Action.STATUS else None

    @cached_property
    def editors(self) -> list[User]:
        return list(editors())

    @cached_property
    def candidates(self) -> list[MergeSuggestion]:
        return merge_suggestions(self.fact, MERGE_CANDIDATES)

    @property
    def verdict_reason(self) -> str:
        """The reason typed with a refused verdict, so the editor need not type it again."""
        form = self.forms.get("verdict")
        return form.data.get("reason", "") if form is not None else ""

    @property
    def evidence_form(self) -> EvidenceForm:
        return self.forms.get("evidence") or EvidenceForm()

    @cached_property
    def default_statement(self) -> str:
        """What the fact-check states when the editor writes no statement."""
        best = best_claim(self.claims)
        if best is not None:
            # Only the sentence of the best claim is cut from a body: read that one alone.
            best.article.refresh_from_db(fields=["body"])
        return default_statement(self.fact, self.claims)

    @property
    def factcheck_form(self) -> FactCheckForm:
        """The written fact-check as saved, or as the editor typed it in a refused change."""
        return self.forms.get("factcheck") or FactCheckForm(
            initial={
                "statement": self.fact.statement or self.default_statement,
                "claimant": self.fact.claimant,
                "claimant_kind": self.fact.claimant_kind,
                "conclusion": self.fact.conclusion,
            }
        )

    @property
    def clear_review_form(self) -> ClearReviewForm:
        return self.forms.get("clear_review") or ClearReviewForm()

    @cached_property
    def publications(self) -> list[Publication]:
        return list(
            self.fact.publications.select_related("published_by", "approved_by").order_by("-number")
        )

    @property
    def needs_second_editor(self) -> bool:
        return settings.PUBLISH_NEEDS_SECOND_EDITOR

    @cached_property
    def disagreement(self) -> str:
        """Why publishing asks for confirmation (the verdict differs from the suggestion)."""
        return disagreement(self.fact)

    @property
    def merge_form(self) -> MergeForm:
        return self.forms.get("merge") or MergeForm()


def article_page_context(article: Article, *, panel: ClaimPanel | None = None) -> dict[str, object]:
    return {"article": article, "page": ArticlePage(article), "panel": panel}


class MergeComparison:
    """Two facts side by side before an editor merges one into the other."""

    def __init__(self, fact: Fact, other: Fact):
        self.fact = fact
        self.other = other

    def _reports(self, fact: Fact) -> list[Report]:
        return fact_reports(fact, reported_claims(fact))

    @cached_property
    def reports(self) -> list[Report]:
        return self._reports(self.fact)

    @cached_property
    def other_reports(self) -> list[Report]:
        return self._reports(self.other)

    @cached_property
    def decision(self) -> Match | None:
        """The engine's matching of the two facts (``engine.matching.Match``), or None."""
        return compare(self.fact, self.other)
