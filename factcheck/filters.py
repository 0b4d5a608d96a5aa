"""FilterSets for the desk's list pages: one per page, used from its function view."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When
from django.http import HttpRequest

from sources.models import Article, Outlet

from .models import Claim, ClaimKind, Status
from .roles import editors

NO_VERDICT = "none"
ORIGINS_HELP = "Independent origins: copies of one story count once"

# Each ordering ends on the primary key so pages never overlap or skip rows.
ORDERINGS: dict[str, tuple] = {
    "score": ("-score", F("article__published").desc(nulls_last=True), "article_id", "start", "pk"),
    "newest": (
        F("article__published").desc(nulls_last=True),
        "-article__imported_at",
        "article_id",
        "start",
        "pk",
    ),
    "article": ("article__title", "article_id", "start", "pk"),
    # Facts still waiting for a verdict first, then the most doubtful.
    "status": (
        Case(
            When(fact__status="", then=Value(0)),
            When(fact__status=Status.DISPUTED, then=Value(1)),
            When(fact__status=Status.SINGLE_SOURCE, then=Value(2)),
            default=Value(3),
            output_field=IntegerField(),
        ),
        "-score",
        "pk",
    ),
}
ORDER_CHOICES = [
    ("score", "Score, highest first"),
    ("newest", "Newest articles"),
    ("article", "Article title"),
    ("status", "No verdict first"),
]


def assignable_editors(request: HttpRequest | None) -> QuerySet:
    """Users who may be assigned a fact (the FilterSet passes the request)."""
    return editors()


class ClaimFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        method="filter_search",
        label="Search",
        widget=forms.SearchInput(
            attrs={"placeholder": "Claim text or article title", "data-shortcut": "search"}
        ),
    )
    status = django_filters.ChoiceFilter(
        label="Editor status",
        choices=[(NO_VERDICT, "No verdict"), *Status.choices],
        empty_label="Any",
        method="filter_status",
    )
    suggested = django_filters.ChoiceFilter(
        field_name="fact__suggested_status",
        label="Engine suggests",
        choices=Status.choices,
        empty_label="Any",
    )
    kind = django_filters.ChoiceFilter(choices=ClaimKind.choices, label="Kind", empty_label="Any")
    article = django_filters.ModelChoiceFilter(
        queryset=Article.objects.only("id", "title", "source_file").order_by("title", "id"),
        label="Article",
        empty_label="Any",
    )
    outlet = django_filters.ModelChoiceFilter(
        field_name="article__outlet",
        queryset=Outlet.objects.only("id", "name").order_by("name"),
        label="Outlet",
        empty_label="Any",
    )
    origins = django_filters.NumberFilter(
        field_name="fact__origin_count",
        label="Origins, exactly",
        min_value=0,
        widget=forms.NumberInput(attrs={"min": 0, "step": 1, "title": ORIGINS_HELP}),
    )
    min_origins = django_filters.NumberFilter(
        field_name="fact__origin_count",
        lookup_expr="gte",
        label="Origins, at least",
        min_value=0,
        widget=forms.NumberInput(attrs={"min": 0, "step": 1, "title": ORIGINS_HELP}),
    )
    min_score = django_filters.NumberFilter(
        field_name="score",
        lookup_expr="gte",
        label="Min. score (0–1)",
        min_value=0,
        max_value=1,
        widget=forms.NumberInput(attrs={"min": 0, "max": 1, "step": 0.05}),
    )
    assigned = django_filters.ModelChoiceFilter(
        field_name="fact__assigned_to",
        queryset=assignable_editors,
        label="Assigned editor",
        empty_label="Anyone",
        null_label="Unassigned",
    )
    mine = django_filters.BooleanFilter(
        method="filter_mine", label="Assigned to me", widget=forms.CheckboxInput
    )
    order = django_filters.ChoiceFilter(
        choices=ORDER_CHOICES, label="Sort by", empty_label=None, method="keep"
    )

    class Meta:
        model = Claim
        fields: list[str] = []

    def filter_search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(text__icontains=value) | Q(article__title__icontains=value))

    def filter_status(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(fact__status="" if value == NO_VERDICT else value)

    def filter_mine(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        user = getattr(self.request, "user", None)
        if not value or user is None or not user.is_authenticated:
            return queryset
        return queryset.filter(fact__assigned_to=user)

    def keep(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # Ordering is applied last, in filter_queryset, so that it has a default.
        return queryset

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        queryset = super().filter_queryset(queryset)
        order = self.form.cleaned_data.get("order") or "score"
        return queryset.order_by(*ORDERINGS[order])
