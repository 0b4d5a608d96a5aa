"""FilterSets for the desk's list pages: one per page, used from its function view.

Article and outlet are chosen by searching, never from a ``<select>`` of the
whole archive: a text box filters by title or name (which works without
JavaScript) and offers at most ``MAX_OPTIONS`` matches as radio buttons, whose
chosen id goes in the querystring (``?article=12``). htmx refreshes the matches
as the editor types (``article_options`` / ``outlet_options``).

``?q=`` is a search of word prefixes: PostgreSQL's full-text search (GIN-indexed: see the
factcheck migration ``0004_queue_indexes``) or SQLite's FTS5 (``0016_sqlite_search``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, cast

import django_filters
from django import forms
from django.contrib.auth.models import User
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connections
from django.db.models import Case, F, IntegerField, QuerySet, Value, When
from django.db.models.expressions import Combinable, RawSQL
from django.forms import BoundField
from django.http import HttpRequest, QueryDict
from django.urls import reverse_lazy
from django.utils.functional import Promise

from sources.models import Article, Outlet

from .models import Claim, ClaimKind, ClaimQuerySet, Status
from .priority import CONTESTED
from .roles import editors

NO_VERDICT = "none"
MAX_OPTIONS = 20
# The text-search configuration of ?q= on PostgreSQL and of its GIN indexes:
# "simple" only lowercases, so no stemming or stop words surprise an editor
# used to substring search.
SEARCH_CONFIG = "simple"
ORIGINS_HELP = "Independent origins: copies of one story count once"

# What the queue lists: by default what still needs an editor (no verdict, or a
# verdict flagged for re-review), so that it empties as verdicts are recorded.
SHOW_TODO, SHOW_ALL, SHOW_VERDICT = "todo", "all", "verdict"
SHOW_CHOICES = [
    (SHOW_TODO, "Needs an editor"),
    (SHOW_ALL, "All"),
    (SHOW_VERDICT, "With a verdict"),
]
SHOWN: dict[str, Callable[[ClaimQuerySet], ClaimQuerySet]] = {
    SHOW_TODO: ClaimQuerySet.needing_editor,
    SHOW_ALL: ClaimQuerySet.all,
    SHOW_VERDICT: ClaimQuerySet.with_verdict,
}
DEFAULTS = {"show": SHOW_TODO, "order": "priority"}
# Folded away under "More filters", which opens when any of them is set.
ADVANCED = (
    "suggested",
    "kind",
    "article_title",
    "article",
    "outlet_name",
    "outlet",
    "origins",
    "min_origins",
    "min_score",
    "assigned",
    "mine",
)

# Each ordering ends on the primary key so pages never overlap or skip rows.
# "priority" is ``ClaimQuerySet.by_priority`` (the README says the order in words).
ORDERINGS: dict[str, tuple[str | Combinable, ...]] = {
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
    ("priority", "Priority"),
    ("score", "Score, highest first"),
    ("newest", "Newest articles"),
    ("article", "Article title"),
    ("status", "No verdict first"),
]


def assignable_editors(request: HttpRequest | None) -> QuerySet[User]:
    """Users who may be assigned a fact (the FilterSet passes the request)."""
    return editors()


def autocomplete_attrs(url: str | Promise, name: str) -> dict[str, str | Promise]:
    """htmx attributes of a search box that refreshes its radio-button matches.

    The box sits in the queue's live-filtering form, whose hx-* attributes it
    would inherit: it sets its own, and never touches the address bar.
    """
    return {
        "autocomplete": "off",
        "aria-controls": f"{name}-options",
        "hx-get": url,
        "hx-trigger": "input changed delay:200ms",
        "hx-target": f"#{name}-options",
        "hx-swap": "outerHTML",
        "hx-include": f"#{name}-options",
        "hx-sync": "this:replace",
        "hx-replace-url": "false",
        "hx-push-url": "false",
        "hx-indicator": "this",
    }


def article_options(title: str, chosen: Article | None) -> list[Article]:
    """The chosen article, then up to ``MAX_OPTIONS`` articles whose title contains ``title``."""
    options = [chosen] if chosen else []
    title = title.strip()
    if title:
        matches = (
            Article.objects.filter(title__icontains=title)
            .select_related("outlet")
            .only("id", "title", "outlet__name")
            .order_by("title", "id")
        )
        if chosen:
            matches = matches.exclude(pk=chosen.pk)
        options += matches[: MAX_OPTIONS - len(options)]
    return options


def outlet_options(name: str, chosen: Outlet | None) -> list[Outlet]:
    """The chosen outlet, then up to ``MAX_OPTIONS`` outlets whose name contains ``name``."""
    options = [chosen] if chosen else []
    name = name.strip()
    if name:
        matches = (
            Outlet.objects.filter(name__icontains=name).only("id", "name").order_by("name", "id")
        )
        if chosen:
            matches = matches.exclude(pk=chosen.pk)
        options += matches[: MAX_OPTIONS - len(options)]
    return options


def search_claims(queryset: QuerySet[Claim], value: str) -> QuerySet[Claim]:
    """Claims whose text, or whose article's title, has every word of ``value`` as a word
    prefix (``harb`` finds "harbour", ``arbour`` does not).

    PostgreSQL reads the GIN indexes on claim text and article title (``to_tsvector``,
    migration ``0004_queue_indexes``); SQLite its FTS5 tables (migration
    ``0016_sqlite_search``). A value with no word in it (``'&|!``) is searched as a
    substring. Words are what ``\\w+`` finds, so nothing typed reads as an operator of
    either search syntax.

    Either way the matches are one list of claim ids, found first: the queue then walks
    its index (``claim_queue_idx``) testing ids alone. An ``OR`` across the article's
    join made SQLite read every claim's row in the queue's order (355 ms for a count
    at 100,640 claims, against 96 ms for one pass over the claims' text).
    """
    words = re.findall(r"\w+", value)
    vendor = connections[queryset.db].vendor
    if vendor == "sqlite" and words:
        return queryset.filter(pk__in=_sqlite_matches(words))
    if vendor != "postgresql" or not words:
        by_text = Claim.objects.filter(text__icontains=value).values("pk")
        by_title = Claim.objects.filter(article__title__icontains=value).values("pk")
        return queryset.filter(pk__in=by_text.union(by_title))
    # \w+ leaves nothing the tsquery syntax would read as an operator.
    query = SearchQuery(
        " & ".join(f"{word}:*" for word in words), config=SEARCH_CONFIG, search_type="raw"
    )
    by_text = (
        Claim.objects.annotate(document=SearchVector("text", config=SEARCH_CONFIG))
        .filter(document=query)
        .values("pk")
    )
    titles = (
        Article.objects.annotate(document=SearchVector("title", config=SEARCH_CONFIG))
        .filter(document=query)
        .values("pk")
    )
    by_title = Claim.objects.filter(article__in=titles).values("pk")
    # One id list from two index scans; an OR of the two would scan every claim.
    return queryset.filter(pk__in=by_text.union(by_title))


# The ids of the claims whose text matches, and of those whose article's title does.
SQLITE_MATCHES = (
    "SELECT rowid FROM claim_text_fts WHERE claim_text_fts MATCH %s "
    "UNION SELECT id FROM factcheck_claim WHERE article_id IN "
    "(SELECT rowid FROM article_title_fts WHERE article_title_fts MATCH %s)"
)


def _sqlite_matches(words: list[str]) -> RawSQL:
    # Each word a quoted prefix ("harb"*), all of them required (FTS5's implicit AND).
    # A word the tokenizer cuts in two (foo_bar) becomes a phrase, as in PostgreSQL.
    query = " ".join(f'"{word}"*' for word in words)
    return RawSQL(SQLITE_MATCHES, (query, query))


class ClaimFilter(django_filters.FilterSet):
    """The review queue's filters. ``show`` and ``order`` have defaults (``DEFAULTS``):
    what needs an editor, by priority; the URL names them only when chosen."""

    q = django_filters.CharFilter(
        method="filter_search",
        label="Search",
        widget=forms.SearchInput(
            attrs={"placeholder": "Claim text or article title", "data-shortcut": "search"}
        ),
    )
    show = django_filters.ChoiceFilter(
        choices=SHOW_CHOICES,
        label="Show",
        empty_label=None,
        method="keep",
        widget=forms.RadioSelect,
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
        method="filter_suggested",
    )
    kind = django_filters.ChoiceFilter(choices=ClaimKind.choices, label="Kind", empty_label="Any")
    # The id is validated with one lookup; the choices are never listed (the
    # template renders the matches of ``article_title`` as radio buttons instead).
    article = django_filters.ModelChoiceFilter(
        queryset=Article.objects.select_related("outlet").only("id", "title", "outlet__name"),
        label="Article",
        widget=forms.HiddenInput,
    )
    article_title = django_filters.CharFilter(
        field_name="article__title",
        lookup_expr="icontains",
        label="Article",
        widget=forms.TextInput(
            attrs=autocomplete_attrs(reverse_lazy("factcheck:claim-article-options"), "article")
            | {"placeholder": "Part of its title"}
        ),
    )
    outlet = django_filters.ModelChoiceFilter(
        field_name="article__outlet",
        queryset=Outlet.objects.only("id", "name"),
        label="Outlet",
        widget=forms.HiddenInput,
    )
    outlet_name = django_filters.CharFilter(
        field_name="article__outlet__name",
        lookup_expr="icontains",
        label="Outlet",
        widget=forms.TextInput(
            attrs=autocomplete_attrs(reverse_lazy("factcheck:claim-outlet-options"), "outlet")
            | {"placeholder": "Part of its name"}
        ),
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

    def __init__(self, data: QueryDict | None = None, *args: Any, **kwargs: Any) -> None:
        # The defaults are form data, so the form shows them chosen; the URL
        # (request.GET, which {% querystring %} reads) stays as the editor left it.
        if data is not None:
            data = data.copy()
            for name, value in DEFAULTS.items():
                if not data.get(name):
                    data[name] = value
        super().__init__(data, *args, **kwargs)

    @property
    def bar_fields(self) -> list[BoundField]:
        """The filter bar's selects beside the search box and the "Show" choice."""
        return [self.form["order"], self.form["status"]]

    @property
    def advanced_fields(self) -> list[BoundField]:
        """The folded filters' visible fields (article and outlet ids are their radio buttons)."""
        return [self.form[name] for name in ADVANCED if name not in ("article", "outlet")]

    @property
    def advanced_set(self) -> bool:
        """Whether any folded filter is set (or wrong): then the fold opens."""
        return any(self.data.get(name) for name in ADVANCED) or any(
            name in ADVANCED for name in self.form.errors
        )

    def filter_search(self, queryset: QuerySet[Claim], name: str, value: str) -> QuerySet[Claim]:
        value = value.strip()
        if not value:
            return queryset
        return search_claims(queryset, value)

    def filter_suggested(self, queryset: QuerySet[Claim], name: str, value: str) -> QuerySet[Claim]:
        claims = queryset.filter(fact__suggested_status=value)
        if value == Status.DISPUTED:
            # A fact the engine suggests disputed is contested, so its claims' kept
            # priority carries the contested key (``priority``): the same claims, and the
            # bound keeps the walk of claim_queue_idx to the contested ones. Without it
            # PostgreSQL at times counted them through every disputed fact's claim rows.
            claims = claims.filter(fact_priority__gte=CONTESTED)
        return claims

    def filter_status(self, queryset: QuerySet[Claim], name: str, value: str) -> QuerySet[Claim]:
        return queryset.filter(fact__status="" if value == NO_VERDICT else value)

    def filter_mine(
        self, queryset: QuerySet[Claim], name: str, value: bool | None
    ) -> QuerySet[Claim]:
        user = getattr(self.request, "user", None)
        if not value or user is None or not user.is_authenticated:
            return queryset
        return queryset.filter(fact__assigned_to=user)

    def keep(self, queryset: QuerySet[Claim], name: str, value: str) -> QuerySet[Claim]:
        # Ordering is applied last, in filter_queryset, so that it has a default.
        return queryset

    def filter_queryset(self, queryset: QuerySet[Claim]) -> QuerySet[Claim]:
        # The desk always filters Claim.objects, a ClaimQuerySet.
        claims = cast(ClaimQuerySet, super().filter_queryset(queryset))
        data = self.form.cleaned_data
        claims = SHOWN[data.get("show") or SHOW_TODO](claims)
        order = data.get("order") or DEFAULTS["order"]
        if order == "priority":
            return claims.by_priority()
        return claims.order_by(*ORDERINGS[order])
