from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from newsroom.requests import SignedInRequest

from ..dashboard import (
    article_progress,
    assigned_inbox,
    corroboration_matrix,
    status_counts,
    totals,
)
from ..models import Fact
from .changes import RECORD

# How many facts the dashboard's "needs re-review" and "ready for review" lists show.
DASHBOARD_LIST = 10


@require_GET
@login_required
def dashboard(request: SignedInRequest) -> HttpResponse:
    context = {
        # Only editors are assigned facts: viewers' dashboards skip the query.
        "inbox": assigned_inbox(request.user) if request.user.has_perm(RECORD) else None,
        "counts": status_counts(),
        "progress": article_progress(),
        "totals": totals(),
        "matrix": corroboration_matrix(),
        "rereview": list(Fact.objects.needing_review()[:DASHBOARD_LIST]),
        "ready": list(
            Fact.objects.ready_for_review().select_related("review_requested_by", "approved_by")[
                :DASHBOARD_LIST
            ]
        ),
    }
    return render(request, "factcheck/dashboard.html", context)
