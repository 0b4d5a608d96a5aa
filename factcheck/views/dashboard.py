from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from newsroom.requests import SignedInRequest
from sources.models import Article

from ..dashboard import article_progress, assigned_inbox, corroboration_matrix, status_counts
from ..models import Claim, Fact
from .changes import RECORD

# How many facts the dashboard's "needs re-review" and "ready for review" lists show.
DASHBOARD_LIST = 10


@require_GET
@login_required
def dashboard(request: SignedInRequest) -> HttpResponse:
    progress, progress_total = article_progress()
    context = {
        # Only editors are assigned facts: viewers' dashboards skip the query.
        "inbox": assigned_inbox(request.user) if request.user.has_perm(RECORD) else None,
        "counts": status_counts(),
        "progress": progress,
        "progress_total": progress_total,
        "matrix": corroboration_matrix(),
        "rereview": list(Fact.objects.needing_review()[:DASHBOARD_LIST]),
        "ready": list(
            Fact.objects.ready_for_review().select_related("review_requested_by", "approved_by")[
                :DASHBOARD_LIST
            ]
        ),
        "totals": {
            "articles": Article.objects.count(),
            "claims": Claim.objects.count(),
            "facts": Fact.objects.reported().count(),
        },
    }
    return render(request, "factcheck/dashboard.html", context)
