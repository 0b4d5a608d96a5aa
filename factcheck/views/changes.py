"""One way to carry out an editor's change posted from a form, and to say why it was refused.

Every POST that changes a fact has the same shape: check the permission, validate
the form, call a service, and answer. ``attempt`` is the middle of it: it turns
the form and the service's refusals into an ``Outcome`` with the HTTP status that
says what happened, which the views answer as is:

- 200: the change was made;
- 400: the form was invalid, or the service refused the change (``InvalidChange``);
- 409: someone else changed the fact since the editor loaded it (``StaleEdit``).

htmx swaps 400 and 409 answers like 200 ones (``responseHandling`` in
``base.html``), so the refused region comes back in place with its alert, and
with what the editor typed, without any per-page workaround.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from ..models import Fact
from ..services import InvalidChange, StaleEdit

RECORD = "factcheck.record_verdict"
PUBLISH = "factcheck.publish_fact"


def require(request: HttpRequest, perm: str) -> None:
    if not request.user.has_perm(perm):
        raise PermissionDenied


@dataclass(frozen=True, slots=True)
class Outcome[T]:
    """What became of a posted change: its result, or the alert and status saying why not."""

    result: T | None = None
    alert: str = ""
    status: int = 200
    # A stale edit: the fact as it is now, which the answer shows.
    current: Fact | None = None

    @property
    def done(self) -> bool:
        return not self.alert


def attempt[T](form: forms.Form, change: Callable[[dict[str, Any]], T]) -> Outcome[T]:
    """Validate ``form`` and make the change with its cleaned data, catching the refusals."""
    if not form.is_valid():
        return Outcome(alert=form_errors(form), status=400)
    try:
        return Outcome(result=change(form.cleaned_data))
    except StaleEdit as stale:
        return Outcome(alert=str(stale), status=409, current=stale.fact)
    except InvalidChange as error:
        return Outcome(alert=str(error), status=400)


def form_errors(form: forms.Form) -> str:
    """The form's errors in one line, each after its field's label."""
    lines = []
    for name, errors in form.errors.items():
        text = " ".join(str(error) for error in errors)
        lines.append(
            f"{form.fields[name].label or name.capitalize()}: {text}"
            if name in form.fields
            else text
        )
    return " ".join(lines)
