"""The editors' review queue: one row per claim, filtered live, verdicts marked in place.

By default it lists what needs an editor, most urgent first (``ClaimFilter``'s
defaults: ``show=todo``, ``order=priority``), so it empties as verdicts are
recorded. A verdict answers with the row (its new verdict, and an Undo of it),
which leaves the default view on the next refresh of the results.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from itertools import batched
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import trigger_client_event

from newsroom.htmx import wants_fragment
from newsroom.paging import CappedPaginator
from newsroom.requests import SignedInRequest

from ..export import ClaimRecord, claim_records, write_csv
from ..filters import ClaimFilter, article_options, outlet_options
from ..forms import UndoForm, VerdictForm
from ..models import Claim, ClaimQuerySet, Fact, FactChange
from ..services import InvalidChange, last_verdict_change, record_verdict, undo_verdict
from .changes import RECORD, Outcome, attempt, require

PER_PAGE = 50
# Beyond this many claims the queue says "10,000+" rather than count them all.
COUNT_CAP = 10_000
PAGE = "factcheck/claim_list.html"
CSV_BATCH = 500


def queue_claims() -> ClaimQuerySet:
    # Everything a row shows, in one query, and nothing else (no article body).
    return Claim.objects.for_queue()


@require_GET
@login_required
@vary_on_headers("HX-Request")
def claim_list(request: SignedInRequest) -> HttpResponse:
    claim_filter = ClaimFilter(request.GET, queryset=Claim.objects.all(), request=request)
    # The filtered, sorted ids are paged first and only the page's rows are
    # joined and read, so a deep page sorts ids and sort keys, never row text.
    paginator = CappedPaginator(
        claim_filter.qs.values_list("pk", flat=True), PER_PAGE, cap=COUNT_CAP
    )
    page = paginator.get_page(request.GET.get("page"))
    ids = list(page.object_list)
    rows = queue_claims().in_bulk(ids)
    page.object_list = [rows[pk] for pk in ids if pk in rows]
    context = {
        "filter": claim_filter,
        "page": page,
        "queue_url": request.get_full_path(),
        **_filter_options(claim_filter),
    }
    template = f"{PAGE}#claim-results" if wants_fragment(request) else PAGE
    return render(request, template, context)


@require_GET
@login_required
def claim_article_options(request: SignedInRequest) -> HttpResponse:
    """The queue filter's article matches for what the editor typed (htmx)."""
    claim_filter = ClaimFilter(request.GET, queryset=Claim.objects.none(), request=request)
    context = {"filter": claim_filter, **_filter_options(claim_filter, outlets=False)}
    return render(request, f"{PAGE}#article-options", context)


@require_GET
@login_required
def claim_outlet_options(request: SignedInRequest) -> HttpResponse:
    """The queue filter's outlet matches for what the editor typed (htmx)."""
    claim_filter = ClaimFilter(request.GET, queryset=Claim.objects.none(), request=request)
    context = {"filter": claim_filter, **_filter_options(claim_filter, articles=False)}
    return render(request, f"{PAGE}#outlet-options", context)


def _filter_options(
    claim_filter: ClaimFilter, articles: bool = True, outlets: bool = True
) -> dict[str, object]:
    # Invalid fields are left out of cleaned_data, as the filter leaves them out.
    claim_filter.form.is_valid()
    data = claim_filter.form.cleaned_data
    context: dict[str, object] = {}
    if articles:
        chosen = data.get("article")
        context["article_chosen"] = chosen
        context["article_options"] = article_options(data.get("article_title") or "", chosen)
    if outlets:
        chosen = data.get("outlet")
        context["outlet_chosen"] = chosen
        context["outlet_options"] = outlet_options(data.get("outlet_name") or "", chosen)
    return context


@require_POST
@login_required
def claim_verdict(request: SignedInRequest, pk: int) -> HttpResponse:
    require(request, RECORD)
    claim = get_object_or_404(_marked_claims(), pk=pk)
    queue_url = _queue_url(request)
    outcome = attempt(
        VerdictForm(request.POST),
        lambda data: record_verdict(
            fact=claim.fact,
            status=data["status"],
            user=request.user,
            expected_version=data["version"],
            reason=data["reason"],
        ),
    )
    return _answer_rows(request, claim, outcome, queue_url, undoable=True, keep_reason=True)


@require_POST
@login_required
def claim_undo(request: SignedInRequest, pk: int) -> HttpResponse:
    """Undo the verdict just recorded from this row (a new change restoring the one before)."""
    require(request, RECORD)
    claim = get_object_or_404(_marked_claims(), pk=pk)

    def undo(data: dict[str, Any]) -> Fact:
        change = FactChange.objects.filter(pk=data["change"], fact_id=claim.fact_id).first()
        if change is None:
            raise InvalidChange(f"There is no change #{data['change']} on fact #{claim.fact_id}.")
        return undo_verdict(
            fact=claim.fact, change=change, user=request.user, expected_version=data["version"]
        )

    outcome = attempt(UndoForm(request.POST), undo)
    return _answer_rows(request, claim, outcome, _queue_url(request), undoable=False)


def _marked_claims() -> ClaimQuerySet:
    # The claim's id and fact are all a verdict needs of it (its rows are read afresh to
    # answer): not its text, features and values.
    return Claim.objects.select_related("fact").only("id", "fact")


def _answer_rows(
    request: HttpRequest,
    claim: Claim,
    outcome: Outcome[Fact],
    queue_url: str,
    *,
    undoable: bool,
    keep_reason: bool = False,
) -> HttpResponse:
    """A queue row's answer to a verdict or an undo: the fact's rows for htmx, else a redirect.

    ``undoable``: after a verdict the row offers to undo it (the fact's latest
    change, when that is a verdict). ``keep_reason``: a refused verdict that came
    with a reason comes back with its reason box open, as the editor typed it.
    """
    fact = outcome.result
    if not wants_fragment(request):
        if fact is None:
            messages.error(request, outcome.alert)
        else:
            verdict = fact.get_status_display() if fact.status else "no verdict"
            messages.success(request, f"Fact #{fact.pk} is now: {verdict}.")
        return redirect(queue_url)

    # Every claim of the fact shows its verdict: the other rows on the page are
    # swapped out-of-band (rows not on the page are ignored by htmx).
    rows = list(queue_claims().filter(fact_id=claim.fact_id).order_by("pk"))
    main = next(row for row in rows if row.pk == claim.pk)
    others = [row for row in rows if row.pk != claim.pk]
    context = {
        "claim": main,
        "others": others,
        "alert": outcome.alert,
        "queue_url": queue_url,
        "undo": last_verdict_change(fact) if fact is not None and undoable else None,
        "draft": _draft(request) if fact is None and keep_reason else None,
    }
    response = render(request, f"{PAGE}#verdict-rows", context, status=outcome.status)
    if fact is not None:
        trigger_client_event(response, "verdictChanged", {"fact": fact.pk})
    return response


@require_GET
@login_required
def claim_export(request: SignedInRequest) -> StreamingHttpResponse:
    claim_filter = ClaimFilter(request.GET, queryset=Claim.objects.all(), request=request)
    response = StreamingHttpResponse(
        _csv_chunks(claim_records(claim_filter.qs)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="claims.csv"'
    return response


def _draft(request: HttpRequest) -> dict[str, str] | None:
    """The verdict and reason typed in a row's reason box, if one was sent."""
    if "reason" not in request.POST:
        return None
    return {"status": request.POST.get("status", ""), "reason": request.POST.get("reason", "")}


def _queue_url(request: HttpRequest) -> str:
    """The queue page the editor came from (``next``), if it is one of ours."""
    url = request.POST.get("next", "")
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("factcheck:claim-list")


def _csv_chunks(records: Iterable[ClaimRecord]) -> Iterator[str]:
    """Stream ``write_csv``'s output in batches, with its header once."""
    header = _csv_text([])
    yield header
    for batch in batched(records, CSV_BATCH):
        yield _csv_text(batch)[len(header) :]


def _csv_text(records: Iterable[ClaimRecord]) -> str:
    out = io.StringIO()
    write_csv(records, out)
    return out.getvalue()
