"""The article list and the article page: articles as the desk reads them, with their claims.

The page itself (highlighted text, claim panel, provenance) is built by
``pages.article_page_context``, which the claim panel views share.
"""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models.functions import Coalesce
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from newsroom.htmx import wants_fragment
from newsroom.requests import SignedInRequest
from sources.models import Article

from ..pages import article_page_context
from .facts import ARTICLE_PAGE


@require_GET
@login_required
def article_list(request: SignedInRequest) -> HttpResponse:
    # Each article's claims are counted by the services that write them (``counts``);
    # an article without claims has no progress row.
    articles = (
        Article.objects.with_outlet()
        .defer("body")
        .annotate(claim_count=Coalesce("progress__claim_count", 0))
        .order_by("-published", "source_file")
    )
    page = Paginator(articles, 50).get_page(request.GET.get("page"))
    return render(request, "factcheck/article_list.html", {"page": page})


@require_GET
@login_required
@vary_on_headers("HX-Request", "HX-Target")
def article_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article.objects.with_outlet(), pk=pk)
    context = article_page_context(article)
    # The highlighted text refetches itself when a verdict changes; the claim panel's
    # Close link swaps in the empty panel.
    if wants_fragment(request) and request.htmx.target in ("article-text", "claim-panel"):
        return render(request, f"{ARTICLE_PAGE}#{request.htmx.target}", context)
    return render(request, ARTICLE_PAGE, context)
