"""Fact pages and claim panels.

The article page (``factcheck:article-detail``, view in ``articles.py``) shows the text with its claims
highlighted; a highlight opens the claim's panel beside the text. The fact page
gathers a fact's claims, verdict, note, evidence, assignment and history, and
lets editors regroup and publish it. What each page shows is read by the page
models in ``factcheck.pages``.

Every change goes through ``factcheck.services`` by way of ``changes.attempt``.
Forms carry the fact version the editor saw; a change made meanwhile by someone
else is refused (``StaleEdit``) with a 409 that shows the region as it is now,
who changed it, and what the editor typed.

htmx answers: the updated region (a partial of the page) with ``HX-Trigger``
events (``verdictChanged``, ``factChanged``, ``claimsChanged``) that other regions
listen for; a refused change answers 400 or 409 with the region and its alert
(``role="alert"``), which htmx swaps in place (see ``changes``). A stale edit
also triggers ``staleEdit``, so the page's read-only regions refetch and show
what changed. Without htmx a change redirects back, and a refusal answers its
status with the whole page.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect, trigger_client_event

from newsroom.htmx import wants_fragment
from newsroom.requests import SignedInRequest

from ..forms import (
    AssignForm,
    ClearReviewForm,
    EvidenceForm,
    EvidenceVisibilityForm,
    FactCheckForm,
    MergeForm,
    NoteForm,
    PublishForm,
    ReasonForm,
    SplitForm,
    UndoForm,
    UndoMergeForm,
    VerdictForm,
    VersionForm,
)
from ..models import Claim, Evidence, Fact, FactChange
from ..pages import ClaimPanel, FactPage, KeptForms, MergeComparison, article_page_context
from ..publishing import (
    approve_publication,
    clear_review_flag,
    publish_fact,
    request_review,
    show_evidence,
    unpublish_fact,
    write_factcheck,
)
from ..services import (
    InvalidChange,
    StaleEdit,
    add_evidence,
    assign_fact,
    merge_facts,
    record_verdict,
    remove_evidence,
    set_note,
    split_claim,
    undo_merge,
    undo_verdict,
)
from .changes import PUBLISH, RECORD, Outcome, attempt, require

ARTICLE_PAGE = "factcheck/article_detail.html"
FACT_PAGE = "factcheck/fact_detail.html"
MERGE_PAGE = "factcheck/fact_merge.html"
# Regions of the fact page that htmx can fetch alone (by their element id).
FACT_REGIONS = frozenset(
    {
        "fact-summary",
        "fact-review",
        "fact-factcheck",
        "fact-claims",
        "fact-verdict",
        "fact-publish",
        "fact-assign",
        "fact-note",
        "fact-evidence",
        "fact-history",
    }
)
# The "show more reports" button, which htmx swaps for the next page of reports.
MORE_REPORTS = "fact-reports-more"


# ------------------------------------------------------------------ GET views


@require_GET
@login_required
@vary_on_headers("HX-Request")
def claim_panel(request: SignedInRequest, pk: int) -> HttpResponse:
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
def fact_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    fact = get_object_or_404(Fact.objects.select_related("assigned_to", "status_changed_by"), pk=pk)
    # No query when the fact was not merged: a null foreign key reads as None.
    if fact.merged_into is not None:
        # A merged-away fact lives on only as a pointer to where its claims went.
        address = fact.merged_into.get_absolute_url()
        if wants_fragment(request):
            return HttpResponseClientRedirect(address)
        messages.info(request, f"Fact #{fact.pk} was merged into fact #{fact.merged_into_id}.")
        return redirect(address)
    target = request.htmx.target if wants_fragment(request) else None
    # ``?reports=3``: the first three pages of reports, or for the "show more" button
    # (which htmx swaps for what it fetches) the third alone.
    raw = request.GET.get("reports", "")
    pages = int(raw) if re.fullmatch(r"[1-9][0-9]{0,5}", raw) else 1
    more = target == MORE_REPORTS
    page = FactPage(fact, report_pages=pages, only_last_page=more)
    context = {"fact": fact, "page": page}
    if more:
        return render(request, f"{FACT_PAGE}#fact-reports", context)
    if target in FACT_REGIONS:
        return render(request, f"{FACT_PAGE}#{target}", context)
    return render(request, FACT_PAGE, context)


@require_GET
@login_required
def fact_merge_compare(request: SignedInRequest, pk: int) -> HttpResponse:
    """Two facts side by side, with the engine's decision, before an editor merges them."""
    require(request, RECORD)
    fact = get_object_or_404(Fact, pk=pk)
    raw = request.GET.get("other", "").strip().lstrip("#")
    other = Fact.objects.filter(pk=int(raw)).first() if raw.isdigit() else None
    refusal = ""
    if other is None:
        refusal = f"There is no fact #{raw}." if raw else "Give the number of the other fact."
    elif other.pk == fact.pk:
        refusal = "A fact cannot be merged with itself."
    elif other.merged_into_id:
        refusal = f"Fact #{other.pk} was already merged into fact #{other.merged_into_id}."
    if refusal:
        messages.error(request, refusal)
        return redirect(f"{fact.get_absolute_url()}#fact-claims")
    assert other is not None  # refused above
    comparison = MergeComparison(fact, other)
    return render(request, MERGE_PAGE, {"fact": fact, "other": other, "page": comparison})


# ----------------------------------------------------------------- answering


def _answer(
    request: HttpRequest,
    fact: Fact,
    region: str,
    outcome: Outcome[object],
    *,
    events: tuple[str, ...] = (),
    notice: str = "",
    note_draft: str | None = None,
    forms: KeptForms | None = None,
) -> HttpResponse:
    """The fact page's answer to a POST: its region for htmx, else a redirect (or the page).

    ``events`` and ``notice`` are for a change that was made. After one, an
    out-of-band update of every form's version field follows the region: only
    then, so a change by someone else is never silently accepted by the page's
    other forms. ``forms`` and ``note_draft`` keep what the editor typed in a
    refused change.
    """
    fact = Fact.objects.select_related("assigned_to", "status_changed_by").get(
        pk=(outcome.current or fact).pk
    )
    if not outcome.done:
        events, notice = (), ""
    page = FactPage(
        fact,
        region=region,
        alert=outcome.alert,
        notice=notice,
        note_draft=note_draft if not outcome.done else None,
        forms=forms if not outcome.done else None,
    )
    context = {"fact": fact, "page": page}
    if wants_fragment(request):
        html = render_to_string(f"{FACT_PAGE}#{region}", context, request)
        if outcome.done:
            html += render_to_string(f"{FACT_PAGE}#fact-version", context, request)
        response = HttpResponse(html, status=outcome.status)
        _trigger(response, outcome, events, {"fact": fact.pk})
        return response
    if not outcome.done:
        return render(request, FACT_PAGE, context, status=outcome.status)
    if notice:
        messages.success(request, notice)
    return redirect(f"{fact.get_absolute_url()}#{region}")


def _answer_panel(
    request: HttpRequest,
    claim: Claim,
    outcome: Outcome[object],
    *,
    events: tuple[str, ...] = (),
    reason_draft: str = "",
) -> HttpResponse:
    """The claim panel's answer to a verdict posted from it (``reason_draft`` kept if refused)."""
    claim = Claim.objects.select_related("fact__status_changed_by", "article__outlet").get(
        pk=claim.pk
    )
    panel = ClaimPanel(
        claim, alert=outcome.alert, reason_draft=reason_draft if not outcome.done else ""
    )
    if wants_fragment(request):
        response = render(
            request, f"{ARTICLE_PAGE}#claim-panel", {"panel": panel}, status=outcome.status
        )
        _trigger(response, outcome, events, {"fact": claim.fact_id, "claim": claim.pk})
        return response
    if not outcome.done:
        context = article_page_context(claim.article, panel=panel)
        return render(request, ARTICLE_PAGE, context, status=outcome.status)
    return redirect("factcheck:claim-panel", pk=claim.pk)


def _trigger(
    response: HttpResponse,
    outcome: Outcome[object],
    events: tuple[str, ...],
    detail: dict[str, int],
) -> None:
    if not outcome.done:
        # A refused change triggers nothing, except that a page showing an old
        # version refetches its read-only regions.
        events = ("staleEdit",) if outcome.status == 409 else ()
    for event in events:
        trigger_client_event(response, event, detail)


def _posted_claim(request: HttpRequest, fact: Fact) -> Claim | None:
    """The claim whose panel posted the form, if it belongs to the fact."""
    raw = request.POST.get("claim", "")
    if not raw.isdigit():
        return None
    return Claim.objects.filter(pk=int(raw), fact=fact).first()


# ----------------------------------------------------------------- POST views


@require_POST
@login_required
def fact_verdict(request: SignedInRequest, pk: int) -> HttpResponse:
    require(request, RECORD)
    fact = get_object_or_404(Fact, pk=pk)
    claim = _posted_claim(request, fact)
    form = VerdictForm(request.POST)
    outcome = attempt(
        form,
        lambda data: record_verdict(
            fact=fact,
            status=data["status"],
            user=request.user,
            expected_version=data["version"],
            reason=data["reason"],
        ),
    )
    events = ("verdictChanged", "factChanged")
    # A refused verdict keeps the reason the editor typed.
    if claim is not None:
        reason = form.data.get("reason", "")
        return _answer_panel(request, claim, outcome, events=events, reason_draft=reason)
    return _answer(request, fact, "fact-verdict", outcome, events=events, forms={"verdict": form})


@require_POST
@login_required
def fact_undo(request: SignedInRequest, pk: int) -> HttpResponse:
    """Undo the fact's latest verdict (offered on it in the history)."""
    require(request, RECORD)
    fact = get_object_or_404(Fact, pk=pk)

    def undo(data: dict[str, Any]) -> Fact:
        change = FactChange.objects.filter(pk=data["change"], fact=fact).first()
        if change is None:
            raise InvalidChange(f"There is no change #{data['change']} on fact #{fact.pk}.")
        return undo_verdict(
            fact=fact, change=change, user=request.user, expected_version=data["version"]
        )

    outcome = attempt(UndoForm(request.POST), undo)
    return _answer(
        request,
        fact,
        "fact-verdict",
        outcome,
        events=("verdictChanged", "factChanged"),
        notice="Verdict undone: the history records the undo.",
    )


@require_POST
@login_required
def fact_note(request: SignedInRequest, pk: int) -> HttpResponse:
    require(request, RECORD)
    fact = get_object_or_404(Fact, pk=pk)
    outcome = attempt(
        NoteForm(request.POST),
        lambda data: set_note(
            fact=fact, note=data["note"], user=request.user, expected_version=data["version"]
        ),
    )
    return _answer(
        request,
        fact,
        "fact-note",
        outcome,
        events=("factChanged", "noteChanged"),
        # A refused note stays in the box; the alert says what is saved.
        note_draft=request.POST.get("note", ""),
    )


@require_POST
@login_required
def fact_assign(request: SignedInRequest, pk: int) -> HttpResponse:
    require(request, RECORD)
    fact = get_object_or_404(Fact, pk=pk)
    outcome = attempt(
        AssignForm(request.POST),
        lambda data: assign_fact(
            fact=fact,
            assignee=data["assignee"],
            user=request.user,
            expected_version=data["version"],
        ),
    )
    return _answer(
        request, fact, "fact-assign", outcome, events=("factChanged", "assignmentChanged")
    )


def _workflow(
    request: SignedInRequest,
    pk: int,
    perm: str,
    form: Form,
    service: Callable[[Fact, dict[str, Any]], Fact],
    notice: str,
) -> HttpResponse:
    """A workflow step posted from the publication region: ``service(fact, data)``."""
    require(request, perm)
    fact = get_object_or_404(Fact, pk=pk)
    outcome = attempt(form, lambda data: service(fact, data))
    return _answer(
        request,
        fact,
        "fact-publish",
        outcome,
        events=("factChanged", "publishChanged"),
        notice=notice,
    )


@require_POST
@login_required
def fact_request_review(request: SignedInRequest, pk: int) -> HttpResponse:
    return _workflow(
        request,
        pk,
        RECORD,
        VersionForm(request.POST),
        lambda fact, data: request_review(
            fact=fact, user=request.user, expected_version=data["version"]
        ),
        "Review requested: a second editor can now approve it.",
    )


@require_POST
@login_required
def fact_approve(request: SignedInRequest, pk: int) -> HttpResponse:
    return _workflow(
        request,
        pk,
        PUBLISH,
        VersionForm(request.POST),
        lambda fact, data: approve_publication(
            fact=fact, user=request.user, expected_version=data["version"]
        ),
        "Approved for publication.",
    )


@require_POST
@login_required
def fact_publish(request: SignedInRequest, pk: int) -> HttpResponse:
    return _workflow(
        request,
        pk,
        PUBLISH,
        PublishForm(request.POST),
        lambda fact, data: publish_fact(
            fact=fact,
            user=request.user,
            expected_version=data["version"],
            confirmed=data["confirm"],
        ),
        "Published.",
    )


@require_POST
@login_required
def fact_unpublish(request: SignedInRequest, pk: int) -> HttpResponse:
    return _workflow(
        request,
        pk,
        PUBLISH,
        ReasonForm(request.POST),
        lambda fact, data: unpublish_fact(
            fact=fact, user=request.user, expected_version=data["version"], reason=data["reason"]
        ),
        "Unpublished.",
    )


@require_POST
@login_required
def fact_clear_review(request: SignedInRequest, pk: int) -> HttpResponse:
    require(request, RECORD)
    fact = get_object_or_404(Fact, pk=pk)
    form = ClearReviewForm(request.POST)
    outcome = attempt(
        form,
        lambda data: clear_review_flag(
            fact=fact, user=request.user, expected_version=data["version"], reason=data["reason"]
        ),
    )
    return _answer(
        request,
        fact,
        "fact-review",
        outcome,
        events=("factChanged", "reviewCleared"),
        notice="Re-review cleared.",
        forms={"clear_review": form},
    )


@require_POST
@login_required
def fact_factcheck(request: SignedInRequest, pk: int) -> HttpResponse:
    require(request, RECORD)
    fact = get_object_or_404(Fact, pk=pk)
    form = FactCheckForm(request.POST)
    outcome = attempt(
        form,
        lambda data: write_factcheck(
            fact=fact,
            statement=data["statement"],
            claimant=data["claimant"],
            claimant_kind=data["claimant_kind"],
            conclusion=data["conclusion"],
            user=request.user,
            expected_version=data["version"],
        ),
    )
    return _answer(
        request,
        fact,
        "fact-factcheck",
        outcome,
        events=("factChanged", "factcheckChanged"),
        notice="Fact-check saved.",
        forms={"factcheck": form},
    )


@require_POST
@login_required
def evidence_visibility(request: SignedInRequest, pk: int, evidence_pk: int) -> HttpResponse:
    require(request, RECORD)
    evidence = get_object_or_404(
        Evidence.objects.select_related("fact"), pk=evidence_pk, fact_id=pk
    )
    outcome = attempt(
        EvidenceVisibilityForm(request.POST),
        lambda data: show_evidence(
            evidence=evidence,
            public=data["public"],
            user=request.user,
            expected_version=data["version"],
        ),
    )
    return _answer(
        request,
        evidence.fact,
        "fact-evidence",
        outcome,
        events=("factChanged", "evidenceChanged"),
        notice="Evidence updated.",
    )


@require_POST
@login_required
def evidence_add(request: SignedInRequest, pk: int) -> HttpResponse:
    require(request, RECORD)
    fact = get_object_or_404(Fact, pk=pk)
    form = EvidenceForm(request.POST)
    outcome = attempt(
        form,
        lambda data: add_evidence(
            fact=fact,
            url=data["url"],
            note=data["note"],
            public=data["public"],
            user=request.user,
            expected_version=data["version"],
        ),
    )
    return _answer(
        request,
        fact,
        "fact-evidence",
        outcome,
        events=("factChanged", "evidenceChanged"),
        notice="Evidence added.",
        forms={"evidence": form},
    )


@require_POST
@login_required
def evidence_remove(request: SignedInRequest, pk: int, evidence_pk: int) -> HttpResponse:
    require(request, RECORD)
    evidence = get_object_or_404(
        Evidence.objects.select_related("fact"), pk=evidence_pk, fact_id=pk
    )
    outcome = attempt(
        VersionForm(request.POST),
        lambda data: remove_evidence(
            evidence=evidence, user=request.user, expected_version=data["version"]
        ),
    )
    return _answer(
        request,
        evidence.fact,
        "fact-evidence",
        outcome,
        events=("factChanged", "evidenceChanged"),
        notice="Evidence removed.",
    )


@require_POST
@login_required
def fact_split(request: SignedInRequest, pk: int) -> HttpResponse:
    require(request, RECORD)
    fact = get_object_or_404(Fact, pk=pk)

    def split(data: dict[str, Any]) -> tuple[Claim, Fact]:
        claim = Claim.objects.select_related("article", "fact").filter(pk=data["claim"]).first()
        if claim is None or claim.fact_id != fact.pk:
            if data["version"] != fact.version:
                # The claim may have left this fact since the page was loaded.
                raise StaleEdit.of(fact)
            raise InvalidChange("That claim is not part of this fact.")
        new_fact = split_claim(
            claim=claim,
            user=request.user,
            expected_version=data["version"],
            reason=data["reason"],
        )
        return claim, new_fact

    outcome = attempt(SplitForm(request.POST), split)
    notice = ""
    if outcome.result is not None:
        claim, new_fact = outcome.result
        notice = f"Claim #{claim.pk} now forms fact #{new_fact.pk}."
    return _answer(
        request,
        fact,
        "fact-claims",
        outcome,
        events=("factChanged", "claimsChanged"),
        notice=notice,
    )


@require_POST
@login_required
def fact_merge(request: SignedInRequest, pk: int) -> HttpResponse:
    require(request, RECORD)
    fact = get_object_or_404(Fact, pk=pk)
    form = MergeForm(request.POST)

    def merge(data: dict[str, Any]) -> Fact:
        other = Fact.objects.filter(pk=data["other"]).first()
        if other is None:
            raise InvalidChange(f"There is no fact #{data['other']}.")
        merge_facts(
            target=fact,
            other=other,
            user=request.user,
            expected_version=data["version"],
            reason=data["reason"],
        )
        return other

    outcome = attempt(form, merge)
    notice = f"Fact #{outcome.result.pk} merged into this fact." if outcome.result else ""
    return _answer(
        request,
        fact,
        "fact-claims",
        outcome,
        events=("factChanged", "claimsChanged"),
        notice=notice,
        forms={"merge": form},
    )


@require_POST
@login_required
def fact_unmerge(request: SignedInRequest, pk: int, change_pk: int) -> HttpResponse:
    require(request, RECORD)
    change = get_object_or_404(FactChange.objects.select_related("fact"), pk=change_pk, fact_id=pk)
    outcome = attempt(
        UndoMergeForm(request.POST),
        lambda data: undo_merge(
            change=change,
            user=request.user,
            expected_version=data["version"],
            reason=data["reason"],
        ),
    )
    other = change.details.get("other")
    return _answer(
        request,
        change.fact,
        "fact-claims",
        outcome,
        events=("factChanged", "claimsChanged"),
        notice=f"Merge undone: the claims of fact #{other} are back in it.",
    )
