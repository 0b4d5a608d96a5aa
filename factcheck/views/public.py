"""Public fact-check pages: no login, published facts only, article text escaped."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from factcheck.claimreview import (
    BEST_RATING,
    RATING_VALUES,
    WORDING,
    WORST_RATING,
    appearances,
    claim_review,
    differing_values,
    json_ld,
    published_fact_checks,
    published_wording,
    site_url,
    web_address,
)
from factcheck.models import Fact, Status

PAGE_SIZE = 25


@require_safe
def public_index(request: HttpRequest) -> HttpResponse:
    facts = Fact.objects.published().with_counts().order_by("-published_at", "-pk")
    page = Paginator(facts, PAGE_SIZE).get_page(request.GET.get("page"))
    for fact in page:
        fact.wording = published_wording(fact)
    return render(request, "factcheck/public/index.html", {"page": page})


@require_safe
def public_fact(request: HttpRequest, pk: int) -> HttpResponse:
    fact = get_object_or_404(published_fact_checks(), pk=pk)
    claims_by_article: dict[int, list] = {}
    for claim in fact.claims.all():
        claims_by_article.setdefault(claim.article_id, []).append(claim)
    reports = [
        {
            "article": article,
            "link": web_address(article.url),
            "quotes": [_quote(article.body, claim) for claim in claims_by_article[article.pk]],
        }
        for article in appearances(fact)
    ]
    context = {
        "fact": fact,
        "wording": published_wording(fact),
        "differing": differing_values(fact) if fact.status == Status.DISPUTED else [],
        "reports": reports,
        "json_ld": json_ld(claim_review(fact, base_url=site_url(request))),
    }
    return render(request, "factcheck/public/fact.html", context)


def _quote(body: str, claim) -> dict:
    """The claim's sentence, split so the template can mark the claim inside it."""
    return {
        "before": body[claim.sentence_start : claim.start],
        "claim": body[claim.start : claim.end],
        "after": body[claim.end : claim.sentence_end],
    }


@require_safe
def methodology(request: HttpRequest) -> HttpResponse:
    scale = [
        {
            "status": status,
            "value": RATING_VALUES[status],
            "wording": WORDING.get(status, "Corroborated by N independent reports"),
        }
        for status in sorted(RATING_VALUES, key=RATING_VALUES.get, reverse=True)
    ]
    context = {"scale": scale, "best": BEST_RATING, "worst": WORST_RATING}
    return render(request, "factcheck/public/methodology.html", context)
