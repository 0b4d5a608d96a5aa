"""Public fact-check pages: no login, published facts only, article text escaped.

Every page reads the latest ``Publication`` of a fact (its frozen snapshot), never
the live fact: what the engine or an editor changes afterwards appears only when
the fact-check is published again.
"""

import datetime as dt

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from factcheck.claimreview import (
    BEST_RATING,
    RATING_VALUES,
    WORDING,
    WORST_RATING,
    claim_review,
    json_ld,
    live_publications,
    site_url,
)

PAGE_SIZE = 25


@require_safe
def public_index(request: HttpRequest) -> HttpResponse:
    page = Paginator(live_publications(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "factcheck/public/index.html", {"page": page})


@require_safe
def public_fact(request: HttpRequest, pk: int) -> HttpResponse:
    publication = get_object_or_404(live_publications(), fact_id=pk)
    # The snapshot keeps dates as ISO text; the page words them ("2 April 2025").
    reports = [
        {**report, "published": dt.date.fromisoformat(report["date"]) if report["date"] else None}
        for report in publication.snapshot["appearances"]
    ]
    context = {
        "publication": publication,
        "snapshot": publication.snapshot,
        "reports": reports,
        "json_ld": json_ld(claim_review(publication, base_url=site_url(request))),
    }
    return render(request, "factcheck/public/fact.html", context)


@require_safe
def methodology(request: HttpRequest) -> HttpResponse:
    scale = [
        {
            "status": status,
            "value": RATING_VALUES[status],
            "wording": WORDING.get(status, "Corroborated by N independent reports"),
        }
        for status in sorted(RATING_VALUES, key=RATING_VALUES.__getitem__, reverse=True)
    ]
    context = {"scale": scale, "best": BEST_RATING, "worst": WORST_RATING}
    return render(request, "factcheck/public/methodology.html", context)
