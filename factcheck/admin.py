"""The admin: one door for every change.

Editors are staff, so the admin is a second way into the desk's data. It must
not be a way around its history: facts and claims are read-only here (they
change only through ``factcheck.services``, which write a ``FactChange`` row and
bump the fact's version), bulk actions call those services, evidence is added and
removed through them (always in the name of the editor at the keyboard), history
is append-only, and articles, which come in through the import service, are
read-only (articles typed in by hand would have no claims and no content hash).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.contrib.auth.models import User
from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse

from sources.admin import ArticleAdmin as SourcesArticleAdmin
from sources.models import Article

from .models import ArticleRelation, Claim, Evidence, Fact, FactChange, Publication, Status
from .roles import editors
from .services import (
    StaleEdit,
    add_evidence,
    assign_fact,
    record_verdict,
    remove_evidence,
)


def _editor(request: HttpRequest) -> User:
    """The editor at the keyboard: the admin lets only signed-in staff in."""
    assert isinstance(request.user, User)
    return request.user


class ReadOnly:
    """An admin to browse and search, never to add, change or delete: these rows change
    only through the services, which keep their history."""

    def has_add_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


# The action bar's explicit "unassign" choice; the empty first choice means "not chosen".
UNASSIGN = "nobody"


class FactActionForm(ActionForm):
    """The changelist's action bar, with the editor the "Assign" action assigns to.

    Nothing is chosen at first: running "Assign" without choosing is refused, so a
    bulk action never unassigns by default; "Nobody" is an explicit choice. The field
    only offers the choice; ``assign_to_editor`` validates it, so a bad choice gets
    that action's message rather than the admin's "No action selected".
    """

    assignee = forms.CharField(required=False, label="Editor", widget=forms.Select)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assignee"].widget.choices = [
            ("", "— choose an editor —"),
            (UNASSIGN, "Nobody (unassign)"),
            *((user.pk, user.get_username()) for user in editors()),
        ]


class AssigneeForm(forms.Form):
    """The assignee chosen in the action bar: an editor, or None for an explicit "Nobody"."""

    assignee = forms.CharField()

    def clean_assignee(self) -> User | None:
        chosen = self.cleaned_data["assignee"]
        if chosen == UNASSIGN:
            return None
        editor = editors().filter(pk=chosen).first() if chosen.isdigit() else None
        if editor is None:
            raise forms.ValidationError("not an editor")
        return editor


class ClaimInline(admin.TabularInline):
    model = Claim
    fields = readonly_fields = ("article", "kind", "text", "score")
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


class EvidenceInline(admin.TabularInline):
    model = Evidence
    fields = readonly_fields = ("url", "note", "added_by", "added_at")
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


class FactChangeInline(admin.TabularInline):
    model = FactChange
    fields = readonly_fields = ("created_at", "user", "action", "old_value", "new_value", "reason")
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


@admin.register(Fact)
class FactAdmin(ReadOnly, admin.ModelAdmin):
    list_display = [
        "id",
        "summary",
        "status",
        "suggested_status",
        "stage",
        "needs_review",
        "origin_count",
        "article_count",
        "assigned_to",
        "published_at",
        "updated_at",
    ]
    list_filter = [
        "status",
        "suggested_status",
        "stage",
        "needs_review",
        "origin_count",
        "assigned_to",
        "published_at",
    ]
    search_fields = ["summary", "suggested_reason", "note", "claims__text"]
    list_select_related = ["assigned_to"]
    autocomplete_fields = ["assigned_to"]
    show_facets = admin.ShowFacets.ALWAYS
    # Verdicts, notes and assignment change only through the desk's services, which
    # keep the history; the admin shows them and offers bulk actions.
    readonly_fields = [
        "summary",
        "suggested_status",
        "suggested_reason",
        "origin_count",
        "article_count",
        "conflicts",
        "status",
        "note",
        "assigned_to",
        "status_changed_by",
        "status_changed_at",
        "version",
        "published_at",
        "needs_review",
        "review_reason",
        "statement",
        "claimant",
        "claimant_kind",
        "conclusion",
        "stage",
        "review_requested_by",
        "approved_by",
        "created_at",
        "updated_at",
    ]
    inlines = [ClaimInline, EvidenceInline, FactChangeInline]
    actions = ["mark_corroborated", "mark_single_source", "mark_disputed", "assign_to_editor"]
    action_form = FactActionForm

    # No add, change or delete here: a saved form would write every field back
    # without history (and over a concurrent desk change); deleting would drop the
    # history with the fact. The bulk actions below go through the services.

    def _mark(self, request: HttpRequest, queryset: QuerySet[Fact], status: Status) -> None:
        done = 0
        for fact in queryset:
            try:
                record_verdict(
                    fact=fact,
                    status=status,
                    user=_editor(request),
                    expected_version=fact.version,
                    reason="Bulk action in the admin",
                )
                done += 1
            except StaleEdit as error:
                self.message_user(request, str(error), messages.WARNING)
        self.message_user(
            request, f"Marked {done} fact{'s' if done != 1 else ''} as {status.label.lower()}."
        )

    @admin.action(description="Mark as corroborated", permissions=["record_verdict"])
    def mark_corroborated(self, request: HttpRequest, queryset: QuerySet[Fact]) -> None:
        self._mark(request, queryset, Status.CORROBORATED)

    @admin.action(description="Mark as single-source", permissions=["record_verdict"])
    def mark_single_source(self, request: HttpRequest, queryset: QuerySet[Fact]) -> None:
        self._mark(request, queryset, Status.SINGLE_SOURCE)

    @admin.action(description="Mark as disputed", permissions=["record_verdict"])
    def mark_disputed(self, request: HttpRequest, queryset: QuerySet[Fact]) -> None:
        self._mark(request, queryset, Status.DISPUTED)

    @admin.action(description="Assign to editor (choose below)", permissions=["record_verdict"])
    def assign_to_editor(self, request: HttpRequest, queryset: QuerySet[Fact]) -> None:
        form = AssigneeForm(request.POST)
        if not form.is_valid():
            self.message_user(
                request,
                'Choose an editor from the Editors group, or "Nobody" to unassign.',
                messages.ERROR,
            )
            return
        assignee = form.cleaned_data["assignee"]
        done = 0
        for fact in queryset:
            try:
                assign_fact(
                    fact=fact,
                    assignee=assignee,
                    user=_editor(request),
                    expected_version=fact.version,
                )
                done += 1
            except StaleEdit as error:
                self.message_user(request, str(error), messages.WARNING)
        who = assignee.get_username() if assignee else "nobody"
        self.message_user(request, f"Assigned {done} fact{'s' if done != 1 else ''} to {who}.")

    def has_record_verdict_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("factcheck.record_verdict")


@admin.register(Claim)
class ClaimAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["text_short", "article", "kind", "score", "fact"]
    list_filter = ["kind", "fact__suggested_status", "fact__status", "article__outlet"]
    search_fields = ["text", "article__title", "article__source_file"]
    list_select_related = ["article", "fact"]
    autocomplete_fields = ["article", "fact"]
    show_facets = admin.ShowFacets.ALWAYS
    readonly_fields = [
        "article",
        "fact",
        "start",
        "end",
        "text",
        "sentence_start",
        "sentence_end",
        "kind",
        "score",
        "features",
        "values",
        "entities",
        "flags",
        "match_score",
        "match_reasons",
    ]

    @admin.display(description="Claim")
    def text_short(self, claim: Claim) -> str:
        return claim.text[:100]

    # Claims come from the engine and move between facts only by a split or a
    # merge on the fact page (with history); a saved form here would move one
    # silently, or back over a concurrent regrouping.


@admin.register(ArticleRelation)
class ArticleRelationAdmin(admin.ModelAdmin):
    list_display = ["copy", "relation", "original", "similarity", "shared_lead", "same_wire"]
    list_filter = ["relation", "shared_lead", "same_wire"]
    search_fields = ["original__title", "copy__title", "original__source_file", "copy__source_file"]
    list_select_related = ["original", "copy"]
    autocomplete_fields = ["original", "copy"]
    readonly_fields = ["detected_at"]


@admin.register(FactChange)
class FactChangeAdmin(ReadOnly, admin.ModelAdmin):
    """History is append-only."""

    list_display = ["created_at", "fact", "action", "old_value", "new_value", "user", "reason"]
    list_filter = ["action", "user"]
    search_fields = ["reason", "old_value", "new_value", "fact__summary"]
    list_select_related = ["fact", "user"]
    autocomplete_fields = ["fact", "user"]


@admin.register(Publication)
class PublicationAdmin(ReadOnly, admin.ModelAdmin):
    """Published versions, to browse: frozen, so never added, changed or deleted here."""

    list_display = ["fact", "number", "published_at", "published_by", "approved_by"]
    list_filter = ["published_at"]
    search_fields = ["fact__summary", "fact__statement"]
    list_select_related = ["fact", "published_by", "approved_by"]
    autocomplete_fields = ["fact"]
    readonly_fields = ["fact", "number", "snapshot", "published_by", "approved_by", "published_at"]


@admin.register(Evidence)
class EvidenceAdmin(admin.ModelAdmin):
    """Evidence is added and removed through the desk's services, in the name of the
    editor at the keyboard; an existing link is never edited in place.
    """

    list_display = ["url", "fact", "public", "added_by", "added_at"]
    list_filter = ["public"]
    search_fields = ["url", "note"]
    list_select_related = ["fact", "added_by"]
    autocomplete_fields = ["fact"]
    fields = ["fact", "url", "note", "public", "added_by", "added_at"]
    readonly_fields = ["added_by", "added_at"]

    def has_change_permission(self, request: HttpRequest, obj: Evidence | None = None) -> bool:
        return False

    def save_model(
        self, request: HttpRequest, obj: Evidence, form: forms.ModelForm, change: bool
    ) -> None:
        # Only adds reach here (no change permission). The admin's form has no
        # version to check: an addition overwrites nothing, so none is expected.
        evidence = add_evidence(
            fact=obj.fact,
            url=obj.url,
            note=obj.note,
            public=obj.public,
            user=_editor(request),
            expected_version=None,
        )
        # The admin goes on to log and redirect with ``obj``: make it the saved row.
        obj.__dict__.update(evidence.__dict__)

    def delete_model(self, request: HttpRequest, obj: Evidence) -> None:
        remove_evidence(evidence=obj, user=_editor(request), expected_version=None)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Evidence]) -> None:
        for evidence in queryset.select_related("fact"):
            remove_evidence(evidence=evidence, user=_editor(request), expected_version=None)


# Articles are registered by ``sources``; here they become read-only, because an
# article comes in only through the import service, which parses, hashes and
# analyses it (a hand-typed one failed with a 500 and would have had no claims),
# and deleting one would take its claims out of their facts with no history.
admin.site.unregister(Article)


@admin.register(Article)
class ArticleAdmin(ReadOnly, SourcesArticleAdmin):
    read_only_notice = (
        "Articles are added by importing files (the desk's Import page or the "
        "import_articles command) and are read-only here."
    )

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        extra_context = {"subtitle": self.read_only_notice, **(extra_context or {})}
        return super().changelist_view(request, extra_context)
