"""Fact pages and claim panels.

The article page (``factcheck:article-detail``, view in ``articles.py``) shows the text with its claims
highlighted; a highlight opens the claim's panel beside the text. The fact page
gathers a fact's claims, verdict, note, evidence, assignment and history, and
lets editors regroup and publish it.

Every change goes through ``factcheck.services``. Forms carry the fact version
the editor saw; a change made meanwhile by someone else is refused (StaleEdit)
and the region is shown again with the current state and who changed it.

htmx answers: the updated region (a partial of the page) with ``HX-Trigger``
events (``verdictChanged``, ``factChanged``, ``claimsChanged``) that other regions
listen for. A refused edit answers 200 with an alert (``role="alert"``) and
``HX-Retarget``/``HX-Reswap`` naming its region, because htmx does not swap 4xx
answers by default; the same edit without htmx answers 409 with the whole page.
A stale edit also triggers ``staleEdit``, so the page's read-only regions
refetch and show what changed and who changed it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.functional import cached_property
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import trigger_client_event

from newsroom.htmx import wants_fragment
from sources.models import Article

from ..engine.extraction import MODEL_PREFIX
from ..forms import (
    AssignForm,
    EvidenceForm,
    MergeForm,
    NoteForm,
    SplitForm,
    VerdictForm,
    VersionForm,
)
from ..highlight import Span, describe_value, differing_values, paragraphs, segment, value_spans
from ..models import ArticleRelation, Claim, Evidence, Fact
from ..roles import editors
from ..services import (
    InvalidChange,
    StaleEdit,
    add_evidence,
    assign_fact,
    merge_facts,
    publish_fact,
    record_verdict,
    remove_evidence,
    set_note,
    split_claim,
    unpublish_fact,
)

ARTICLE_PAGE = "factcheck/article_detail.html"
FACT_PAGE = "factcheck/fact_detail.html"
# Regions of the fact page that htmx can fetch alone (by their element id).
FACT_REGIONS = frozenset(
    {
        "fact-summary",
        "fact-claims",
        "fact-verdict",
        "fact-publish",
        "fact-assign",
        "fact-note",
        "fact-evidence",
        "fact-history",
    }
)
HISTORY_LIMIT = 200
MERGE_CANDIDATES = 8
PASSAGES_SHOWN = 3

RELATION_LABELS = dict(ArticleRelation.Relation.choices)

RECORD = "factcheck.record_verdict"
PUBLISH = "factcheck.publish_fact"


def _require(request: HttpRequest, perm: str) -> None:
    if not request.user.has_perm(perm):
        raise PermissionDenied


# ------------------------------------------------------------ what pages show


@dataclass(frozen=True, slots=True)
class Piece:
    """A piece of a claim's text; ``value`` is set when it is a normalised value."""

    text: str
    value: dict | None = None
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


def fact_reports(fact: Fact, claims: list[Claim], *, current: Claim | None = None) -> list[Report]:
    """The fact's claims with their values marked where the reports differ.

    Values of one type and unit that another report states differently are marked
    ``differs``; values named in the fact's conflicts are marked ``conflict``.
    ``claims`` need their article loaded. One query (copy relations).
    """
    differing = differing_values([c.values for c in claims])
    disputed = {
        (str(side.get("type")), describe_value(side))
        for conflict in fact.conflicts or []
        for side in (conflict.get("a") or {}, conflict.get("b") or {})
    }
    articles = {c.article_id: c.article for c in claims}
    article_ids = set(articles)
    copies: dict[int, dict[int, str]] = {}
    if len(article_ids) > 1:
        for original_id, copy_id, relation in ArticleRelation.objects.filter(
            original_id__in=article_ids, copy_id__in=article_ids
        ).values_list("original_id", "copy_id", "relation"):
            label = RELATION_LABELS.get(relation, relation.capitalize())
            copies.setdefault(copy_id, {})[original_id] = label

    reports = []
    for claim, marked in zip(claims, differing, strict=True):
        values = claim.values or []

        def piece(text: str, index: int | None, values=values, marked=marked) -> Piece:
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
    claim.suggested = not fact.status
    claim.shown_status = fact.status or fact.suggested_status
    claim.status_text = (
        fact.get_status_display()
        if fact.status
        else f"suggested {fact.get_suggested_status_display().lower()}"
    )
    claim.status_letter = STATUS_LETTERS.get(claim.shown_status, "?") + (
        "?" if claim.suggested else ""
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
            relation.shown_passages = [
                str(p.get("text") or "") for p in (relation.passages or [])[:PASSAGES_SHOWN]
            ]
            relation.more_passages = max(len(relation.passages or []) - PASSAGES_SHOWN, 0)
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
    def paragraphs(self):
        return paragraphs(self.article.body, [Span(c.start, c.end, c) for c in self.claims])


class ClaimPanel:
    """Everything the panel beside the article text says about one claim."""

    def __init__(self, claim: Claim, *, alert: str = ""):
        self.claim = claim
        self.fact = claim.fact
        self.alert = alert
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
        claims = list(
            self.fact.claims.select_related("article__outlet").order_by(
                "article__published", "article_id", "start"
            )
        )
        return fact_reports(self.fact, claims, current=self.claim)

    @cached_property
    def current(self) -> Report:
        return next(r for r in self.reports if r.current)

    @cached_property
    def others(self) -> list[Report]:
        return [r for r in self.reports if not r.current]


class FactPage:
    """The fact page's regions; each is read only when its partial renders."""

    def __init__(
        self,
        fact: Fact,
        *,
        region: str = "",
        alert: str = "",
        notice: str = "",
        note_draft: str | None = None,
        forms: dict | None = None,
    ):
        self.fact = fact
        # The region a POST answered, which shows the alert or notice.
        self.region = region
        self.alert = alert
        self.notice = notice
        self.note_value = fact.note if note_draft is None else note_draft
        self.forms = forms or {}

    @cached_property
    def claims(self) -> list[Claim]:
        return list(
            self.fact.claims.select_related("article__outlet").order_by(
                "article__published", "article_id", "start"
            )
        )

    @cached_property
    def reports(self) -> list[Report]:
        return fact_reports(self.fact, self.claims)

    @cached_property
    def article_count(self) -> int:
        return len({c.article_id for c in self.claims})

    @cached_property
    def evidence(self) -> list[Evidence]:
        return list(self.fact.evidence.select_related("added_by"))

    @cached_property
    def history(self):
        return list(self.fact.changes.select_related("user")[:HISTORY_LIMIT])

    @cached_property
    def editors(self) -> list:
        return list(editors())

    @cached_property
    def candidates(self) -> list[Fact]:
        return list(Fact.objects.sharing_keys_with(self.fact)[:MERGE_CANDIDATES])

    @property
    def evidence_form(self):
        return self.forms.get("evidence") or EvidenceForm()

    @property
    def merge_form(self):
        return self.forms.get("merge") or MergeForm()


def article_page_context(article: Article, *, panel: ClaimPanel | None = None) -> dict:
    return {"article": article, "page": ArticlePage(article), "panel": panel}


# ------------------------------------------------------------------ GET views


@require_GET
@login_required
@vary_on_headers("HX-Request")
def claim_panel(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_object_or_404(
        Claim.objects.select_related("fact__status_changed_by", "article__outlet"), pk=pk
    )
    panel = ClaimPanel(claim)
    if wants_fragment(request):
        return render(request, f"{ARTICLE_PAGE}#claim-panel", {"panel": panel})
    return render(request, ARTICLE_PAGE, article_page_context(claim.article, panel=panel))


@require_GET
@login_required
@vary_on_headers("HX-Request", "HX-Target")
def fact_detail(request: HttpRequest, pk: int) -> HttpResponse:
    fact = get_object_or_404(Fact.objects.select_related("assigned_to", "status_changed_by"), pk=pk)
    context = {"fact": fact, "page": FactPage(fact)}
    target = request.htmx.target if wants_fragment(request) else None
    if target in FACT_REGIONS:
        return render(request, f"{FACT_PAGE}#{target}", context)
    return render(request, FACT_PAGE, context)


# ----------------------------------------------------------------- answering


def _fresh(fact: Fact) -> Fact:
    return Fact.objects.select_related("assigned_to", "status_changed_by").get(pk=fact.pk)


def _errors(form) -> str:
    return " ".join(
        f"{form.fields[name].label or name.capitalize()}: {' '.join(errors)}"
        if name in form.fields
        else " ".join(errors)
        for name, errors in form.errors.items()
    )


def _answer(
    request: HttpRequest,
    fact: Fact,
    region: str,
    *,
    alert: str = "",
    status: int = 200,
    notice: str = "",
    events: tuple[str, ...] = (),
    sync: bool = False,
    note_draft: str | None = None,
    forms: dict | None = None,
) -> HttpResponse:
    """The fact page's answer to a POST: its region for htmx, else a redirect (or the page).

    ``sync`` adds an out-of-band update of every form's version field: only after
    a change made on the version the editor saw, so a change by someone else is
    never silently accepted by the page's other forms.
    """
    fact = _fresh(fact)
    page = FactPage(
        fact,
        region=region,
        alert=alert,
        notice=notice,
        note_draft=note_draft,
        forms=forms,
    )
    context = {"fact": fact, "page": page}
    if wants_fragment(request):
        html = render_to_string(f"{FACT_PAGE}#{region}", context, request)
        if sync and not alert:
            html += render_to_string(f"{FACT_PAGE}#fact-version", context, request)
        response = HttpResponse(html)
        if alert:
            response["HX-Retarget"] = f"#{region}"
            response["HX-Reswap"] = "outerHTML"
        if status == 409:
            # The page showed an old version: its read-only regions refetch.
            events = (*events, "staleEdit")
        for event in events:
            trigger_client_event(response, event, {"fact": fact.pk})
        return response
    if alert:
        return render(request, FACT_PAGE, context, status=status)
    if notice:
        messages.success(request, notice)
    return redirect(f"{fact.get_absolute_url()}#{region}")


def _answer_panel(
    request: HttpRequest,
    claim: Claim,
    *,
    alert: str = "",
    status: int = 200,
    events: tuple[str, ...] = (),
) -> HttpResponse:
    claim = Claim.objects.select_related("fact__status_changed_by", "article__outlet").get(
        pk=claim.pk
    )
    panel = ClaimPanel(claim, alert=alert)
    if wants_fragment(request):
        response = render(request, f"{ARTICLE_PAGE}#claim-panel", {"panel": panel})
        if alert:
            response["HX-Retarget"] = "#claim-panel"
            response["HX-Reswap"] = "outerHTML"
        if status == 409:
            events = (*events, "staleEdit")
        for event in events:
            trigger_client_event(response, event, {"fact": claim.fact_id, "claim": claim.pk})
        return response
    if alert:
        context = article_page_context(claim.article, panel=panel)
        return render(request, ARTICLE_PAGE, context, status=status)
    return redirect("factcheck:claim-panel", pk=claim.pk)


def _posted_claim(request: HttpRequest, fact: Fact) -> Claim | None:
    """The claim whose panel posted the form, if it belongs to the fact."""
    raw = request.POST.get("claim", "")
    if not raw.isdigit():
        return None
    return Claim.objects.filter(pk=int(raw), fact=fact).first()


# ----------------------------------------------------------------- POST views


@require_POST
@login_required
def fact_verdict(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, RECORD)
    fact = get_object_or_404(Fact, pk=pk)
    claim = _posted_claim(request, fact)
    form = VerdictForm(request.POST)
    alert, status = "", 200
    if not form.is_valid():
        alert, status = _errors(form), 400
    else:
        try:
            fact = record_verdict(
                fact=fact,
                status=form.cleaned_data["status"],
                user=request.user,
                expected_version=form.cleaned_data["version"],
                reason=form.cleaned_data["reason"],
            )
        except StaleEdit as stale:
            fact, alert, status = stale.fact, str(stale), 409
        except InvalidChange as error:
            alert, status = str(error), 400
    events = () if alert else ("verdictChanged", "factChanged")
    if claim is not None:
        return _answer_panel(request, claim, alert=alert, status=status, events=events)
    return _answer(
        request, fact, "fact-verdict", alert=alert, status=status, events=events, sync=True
    )


@require_POST
@login_required
def fact_note(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, RECORD)
    fact = get_object_or_404(Fact, pk=pk)
    form = NoteForm(request.POST)
    alert, status, draft = "", 200, None
    if not form.is_valid():
        alert, status, draft = _errors(form), 400, request.POST.get("note", "")
    else:
        try:
            fact = set_note(
                fact=fact,
                note=form.cleaned_data["note"],
                user=request.user,
                expected_version=form.cleaned_data["version"],
            )
        except StaleEdit as stale:
            # Keep the editor's draft in the box; the alert shows the saved note.
            fact, alert, status = stale.fact, str(stale), 409
            draft = form.cleaned_data["note"]
    return _answer(
        request,
        fact,
        "fact-note",
        alert=alert,
        status=status,
        events=() if alert else ("factChanged", "noteChanged"),
        sync=True,
        note_draft=draft,
    )


@require_POST
@login_required
def fact_assign(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, RECORD)
    fact = get_object_or_404(Fact, pk=pk)
    form = AssignForm(request.POST)
    alert, status = "", 200
    if not form.is_valid():
        alert, status = _errors(form), 400
    else:
        try:
            fact = assign_fact(
                fact=fact,
                assignee=form.cleaned_data["assignee"],
                user=request.user,
                expected_version=form.cleaned_data["version"],
            )
        except StaleEdit as stale:
            fact, alert, status = stale.fact, str(stale), 409
    return _answer(
        request,
        fact,
        "fact-assign",
        alert=alert,
        status=status,
        events=() if alert else ("factChanged", "assignmentChanged"),
        sync=True,
    )


def _publish(request: HttpRequest, pk: int, service) -> HttpResponse:
    _require(request, PUBLISH)
    fact = get_object_or_404(Fact, pk=pk)
    form = VersionForm(request.POST)
    alert, status = "", 200
    if not form.is_valid():
        alert, status = _errors(form), 400
    else:
        try:
            fact = service(
                fact=fact, user=request.user, expected_version=form.cleaned_data["version"]
            )
        except StaleEdit as stale:
            fact, alert, status = stale.fact, str(stale), 409
        except InvalidChange as error:
            alert, status = str(error), 400
    return _answer(
        request,
        fact,
        "fact-publish",
        alert=alert,
        status=status,
        events=() if alert else ("factChanged", "publishChanged"),
        sync=True,
    )


@require_POST
@login_required
def fact_publish(request: HttpRequest, pk: int) -> HttpResponse:
    return _publish(request, pk, publish_fact)


@require_POST
@login_required
def fact_unpublish(request: HttpRequest, pk: int) -> HttpResponse:
    return _publish(request, pk, unpublish_fact)


@require_POST
@login_required
def evidence_add(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, RECORD)
    fact = get_object_or_404(Fact, pk=pk)
    form = EvidenceForm(request.POST)
    if not form.is_valid():
        return _answer(
            request,
            fact,
            "fact-evidence",
            alert=_errors(form),
            status=400,
            forms={"evidence": form},
        )
    try:
        add_evidence(
            fact=fact,
            url=form.cleaned_data["url"],
            note=form.cleaned_data["note"],
            user=request.user,
            expected_version=form.cleaned_data["version"],
        )
    except StaleEdit as stale:
        # Keep what the editor typed; the region shows the evidence as it is now.
        return _answer(
            request,
            stale.fact,
            "fact-evidence",
            alert=str(stale),
            status=409,
            forms={"evidence": form},
        )
    return _answer(
        request,
        fact,
        "fact-evidence",
        notice="Evidence added.",
        events=("factChanged", "evidenceChanged"),
        sync=True,
    )


@require_POST
@login_required
def evidence_remove(request: HttpRequest, pk: int, evidence_pk: int) -> HttpResponse:
    _require(request, RECORD)
    evidence = get_object_or_404(
        Evidence.objects.select_related("fact"), pk=evidence_pk, fact_id=pk
    )
    fact = evidence.fact
    form = VersionForm(request.POST)
    if not form.is_valid():
        return _answer(request, fact, "fact-evidence", alert=_errors(form), status=400)
    try:
        remove_evidence(
            evidence=evidence, user=request.user, expected_version=form.cleaned_data["version"]
        )
    except StaleEdit as stale:
        return _answer(request, stale.fact, "fact-evidence", alert=str(stale), status=409)
    return _answer(
        request,
        fact,
        "fact-evidence",
        notice="Evidence removed.",
        events=("factChanged", "evidenceChanged"),
        sync=True,
    )


@require_POST
@login_required
def fact_split(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, RECORD)
    fact = get_object_or_404(Fact, pk=pk)
    form = SplitForm(request.POST)
    if not form.is_valid():
        return _answer(request, fact, "fact-claims", alert=_errors(form), status=400)
    claim = (
        Claim.objects.select_related("article", "fact")
        .filter(pk=form.cleaned_data["claim"])
        .first()
    )
    if claim is None or claim.fact_id != fact.pk:
        if form.cleaned_data["version"] != fact.version:
            # The claim may have left this fact since the page was loaded: a stale edit.
            return _answer(request, fact, "fact-claims", alert=str(StaleEdit(fact)), status=409)
        return _answer(
            request, fact, "fact-claims", alert="That claim is not part of this fact.", status=400
        )
    try:
        new_fact = split_claim(
            claim=claim,
            user=request.user,
            expected_version=form.cleaned_data["version"],
            reason=form.cleaned_data["reason"],
        )
    except StaleEdit as stale:
        return _answer(request, stale.fact, "fact-claims", alert=str(stale), status=409)
    except InvalidChange as error:
        return _answer(request, fact, "fact-claims", alert=str(error), status=400)
    return _answer(
        request,
        fact,
        "fact-claims",
        notice=f"Claim #{claim.pk} now forms fact #{new_fact.pk}.",
        events=("factChanged", "claimsChanged"),
        sync=True,
    )


@require_POST
@login_required
def fact_merge(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, RECORD)
    fact = get_object_or_404(Fact, pk=pk)
    form = MergeForm(request.POST)
    if not form.is_valid():
        return _answer(
            request, fact, "fact-claims", alert=_errors(form), status=400, forms={"merge": form}
        )
    other = Fact.objects.filter(pk=form.cleaned_data["other"]).first()
    if other is None:
        alert = f"There is no fact #{form.cleaned_data['other']}."
        return _answer(request, fact, "fact-claims", alert=alert, status=400, forms={"merge": form})
    try:
        fact = merge_facts(
            target=fact,
            other=other,
            user=request.user,
            expected_version=form.cleaned_data["version"],
            reason=form.cleaned_data["reason"],
        )
    except StaleEdit as stale:
        return _answer(
            request,
            stale.fact,
            "fact-claims",
            alert=str(stale),
            status=409,
            forms={"merge": form},
        )
    except InvalidChange as error:
        return _answer(
            request, fact, "fact-claims", alert=str(error), status=400, forms={"merge": form}
        )
    return _answer(
        request,
        fact,
        "fact-claims",
        notice=f"Fact #{other.pk} merged into this fact.",
        events=("factChanged", "claimsChanged"),
        sync=True,
    )
