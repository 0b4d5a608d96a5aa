from django.urls import path
from django.views.decorators.http import require_safe

from .feeds import PublicFactFeed
from .views import articles, dashboard, facts, public, queue

app_name = "factcheck"

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    # --- articles as the desk reads them (factcheck/views/articles.py) ---
    path("articles/", articles.article_list, name="article-list"),
    path("articles/<int:pk>/", articles.article_detail, name="article-detail"),
    # --- review queue (factcheck/views/queue.py) ---
    path("claims/", queue.claim_list, name="claim-list"),
    path("claims/export.csv", queue.claim_export, name="claim-export"),
    path("claims/articles/", queue.claim_article_options, name="claim-article-options"),
    path("claims/outlets/", queue.claim_outlet_options, name="claim-outlet-options"),
    path("claims/<int:pk>/verdict/", queue.claim_verdict, name="claim-verdict"),
    path("claims/<int:pk>/undo/", queue.claim_undo, name="claim-undo"),
    # --- fact pages and claim panels (factcheck/views/facts.py) ---
    path("claims/<int:pk>/panel/", facts.claim_panel, name="claim-panel"),
    path("facts/<int:pk>/", facts.fact_detail, name="fact-detail"),
    path("facts/<int:pk>/verdict/", facts.fact_verdict, name="fact-verdict"),
    path("facts/<int:pk>/undo/", facts.fact_undo, name="fact-undo"),
    path("facts/<int:pk>/note/", facts.fact_note, name="fact-note"),
    path("facts/<int:pk>/assign/", facts.fact_assign, name="fact-assign"),
    path("facts/<int:pk>/evidence/", facts.evidence_add, name="fact-evidence-add"),
    path(
        "facts/<int:pk>/evidence/<int:evidence_pk>/remove/",
        facts.evidence_remove,
        name="fact-evidence-remove",
    ),
    path("facts/<int:pk>/split/", facts.fact_split, name="fact-split"),
    path("facts/<int:pk>/merge/", facts.fact_merge, name="fact-merge"),
    path(
        "facts/<int:pk>/evidence/<int:evidence_pk>/visibility/",
        facts.evidence_visibility,
        name="fact-evidence-visibility",
    ),
    path("facts/<int:pk>/factcheck/", facts.fact_factcheck, name="fact-factcheck"),
    path("facts/<int:pk>/request-review/", facts.fact_request_review, name="fact-request-review"),
    path("facts/<int:pk>/approve/", facts.fact_approve, name="fact-approve"),
    path("facts/<int:pk>/clear-review/", facts.fact_clear_review, name="fact-clear-review"),
    path("facts/<int:pk>/merge/compare/", facts.fact_merge_compare, name="fact-merge-compare"),
    path("facts/<int:pk>/merge/<int:change_pk>/undo/", facts.fact_unmerge, name="fact-unmerge"),
    path("facts/<int:pk>/publish/", facts.fact_publish, name="fact-publish"),
    path("facts/<int:pk>/unpublish/", facts.fact_unpublish, name="fact-unpublish"),
    # --- public fact-checks (factcheck/views/public.py) ---
    path("fact-checks/", public.public_index, name="public-index"),
    # Public pages answer HEAD too (link checkers, feed readers), like GET without a body.
    path("fact-checks/feed/", require_safe(PublicFactFeed()), name="public-feed"),
    path("fact-checks/<int:pk>/", public.public_fact, name="public-fact"),
    path("methodology/", public.methodology, name="methodology"),
]
