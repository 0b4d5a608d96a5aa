"""The desk's workflow forms.

Every form that changes a fact carries the fact ``version`` the editor saw, and
it is required: the service refuses the change (``StaleEdit``) when the fact has
moved on since, so a change made on an out-of-date page never lands.
"""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.contrib.auth.models import User

from .models import ClaimantKind, Status
from .roles import editors


class VerdictForm(forms.Form):
    """An editor's verdict, with the fact version the editor saw (stale edits are refused)."""

    status = forms.ChoiceField(choices=[("", "No verdict"), *Status.choices], required=False)
    version = forms.IntegerField(min_value=1)
    reason = forms.CharField(max_length=1000, required=False, strip=True)


class UndoForm(forms.Form):
    """The verdict change to undo, with the fact version the editor saw."""

    change = forms.IntegerField(min_value=1)
    version = forms.IntegerField(min_value=1)


class VersionForm(forms.Form):
    """Just the fact version the editor saw: publishing, unpublishing, removing evidence."""

    version = forms.IntegerField(min_value=1)


class NoteForm(forms.Form):
    note = forms.CharField(
        max_length=10_000, required=False, strip=True, widget=forms.Textarea(attrs={"rows": 5})
    )
    version = forms.IntegerField(min_value=1)


class EvidenceForm(forms.Form):
    url = forms.URLField(label="Link", max_length=500, assume_scheme="https")
    note = forms.CharField(label="What it shows", max_length=2000, required=False, strip=True)
    public = forms.BooleanField(label="Show on the published fact-check", required=False)
    version = forms.IntegerField(min_value=1)


class EvidenceVisibilityForm(forms.Form):
    public = forms.BooleanField(label="Show on the published fact-check", required=False)
    version = forms.IntegerField(min_value=1)


class FactCheckForm(forms.Form):
    """The written fact-check: the claim as stated, who made it, what the desk concluded."""

    statement = forms.CharField(
        label="Claim statement", max_length=2000, required=False, strip=True
    )
    claimant = forms.CharField(label="Claimant", max_length=200, required=False, strip=True)
    claimant_kind = forms.ChoiceField(
        label="The claimant is", choices=ClaimantKind.choices, initial=ClaimantKind.PERSON
    )
    conclusion = forms.CharField(label="Conclusion", max_length=2000, required=False, strip=True)
    version = forms.IntegerField(min_value=1)


class PublishForm(forms.Form):
    """Publishing; ``confirm`` is needed when the verdict differs from the engine's suggestion."""

    confirm = forms.BooleanField(
        label="Publish although the verdict differs from the engine's suggestion", required=False
    )
    version = forms.IntegerField(min_value=1)


class ReasonForm(forms.Form):
    """A change whose reason is optional (unpublishing)."""

    reason = forms.CharField(label="Reason", max_length=1000, required=False, strip=True)
    version = forms.IntegerField(min_value=1)


class ClearReviewForm(forms.Form):
    """Clearing a re-review flag without a new verdict: the editor must say why."""

    reason = forms.CharField(label="Why no re-review is needed", max_length=1000, strip=True)
    version = forms.IntegerField(min_value=1)


class AssignForm(forms.Form):
    assignee: forms.ModelChoiceField[User] = forms.ModelChoiceField(
        queryset=None, required=False, empty_label="Nobody", label="Assigned editor"
    )
    version = forms.IntegerField(min_value=1)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # self.fields holds a copy of the field declared above, typed as any form field.
        cast("forms.ModelChoiceField[User]", self.fields["assignee"]).queryset = editors()


class SplitForm(forms.Form):
    claim = forms.IntegerField(min_value=1)
    reason = forms.CharField(max_length=1000, required=False, strip=True)
    version = forms.IntegerField(min_value=1)


class MergeForm(forms.Form):
    other = forms.IntegerField(
        min_value=1, label="Fact number", help_text="The fact whose claims move into this one."
    )
    reason = forms.CharField(max_length=1000, required=False, strip=True)
    version = forms.IntegerField(min_value=1)
    confirm = forms.BooleanField(
        label="I have compared the two facts",
        error_messages={"required": "Compare the two facts and confirm the merge first."},
    )


class UndoMergeForm(forms.Form):
    reason = forms.CharField(max_length=1000, required=False, strip=True)
    version = forms.IntegerField(min_value=1)
