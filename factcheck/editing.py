"""What every change to a fact shares: the version check, the version bump, the history row.

``services`` (verdicts, notes, evidence, regrouping) and ``publishing`` (the
written fact-check, workflow, publications, re-review) both build on these, and
``analysis`` calls ``publishing`` when the engine moves a reviewed fact, so they
live here, below all three, rather than in ``services`` (which imports
``analysis``).
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db.models import F
from django.db.models.expressions import Combinable
from django.utils import timezone

from .models import Fact, FactChange, Stage
from .priority import keep_queue_keys

# The fact's fields an editor changes that the queue's kept keys read (``priority``).
QUEUE_INPUTS = {"status", "needs_review"}


class StaleEdit(Exception):
    """The fact changed after the editor loaded it.

    ``StaleEdit.of(fact)`` words the refusal: who changed the fact last, when,
    and what its verdict is now.
    """

    def __init__(self, fact: Fact, message: str):
        self.fact = fact
        super().__init__(message)

    @classmethod
    def of(cls, fact: Fact) -> StaleEdit:
        last = fact.changes.select_related("user").first()
        who = last.user.get_username() if last and last.user else "someone"
        when = timezone.localtime(last.created_at).strftime("%H:%M:%S") if last else ""
        verdict = fact.get_status_display() if fact.status else "no verdict"
        return cls(
            fact,
            f"Fact #{fact.pk} was changed by {who}{f' at {when}' if when else ''} while you were "
            f"looking at it; it is now: {verdict}. Review the current state and try again.",
        )


class InvalidChange(ValueError):
    """The change makes no sense for this fact (wrong status, claim not in fact…)."""


def lock(fact: Fact, expected_version: int | None) -> Fact:
    """Reload the fact under a row lock and check the editor saw its latest version."""
    current = Fact.objects.select_for_update().get(pk=fact.pk)
    if expected_version is not None and current.version != expected_version:
        raise StaleEdit.of(current)
    return current


def bump(fact: Fact, **fields: object) -> Fact:
    """Write ``fields`` on the locked ``fact`` and bump its version.

    A change of verdict or re-review flag also rewrites the queue's keys kept on the
    fact's claims (``priority``), in the same transaction, under the fact's lock.
    """
    for name, value in fields.items():
        setattr(fact, name, value)
    fact.version = F("version") + 1
    fact.save(update_fields=[*fields, "version", "updated_at"])
    # Both our databases return the new version from the UPDATE itself (RETURNING):
    # read the row back only where one does not.
    if isinstance(fact.version, Combinable):
        fact.refresh_from_db()
    if QUEUE_INPUTS & fields.keys():
        keep_queue_keys(fact)
    return fact


def log(
    fact: Fact,
    user: User | None,
    action: str,
    old: str,
    new: str,
    reason: str = "",
    details: dict[str, object] | None = None,
) -> FactChange:
    return FactChange.objects.create(
        fact=fact,
        user=user,
        action=action,
        old_value=old,
        new_value=new,
        reason=reason,
        details=details or {},
    )


def stage_after_edit(
    current: Fact, user: User | None, *, public: bool, why: str
) -> dict[str, object]:
    """The workflow fields an editor's change sets, to pass to ``bump`` with it.

    The first change starts the work (unstarted → in progress; that change's own
    history row records it). A change to what the public would see (``public``)
    of a fact ready for review or published takes it back to "in progress": the
    approval covered the old text, and the published version no longer matches.
    That move gets a history row of its own, saying ``why``.
    """
    if current.stage == Stage.UNSTARTED:
        return {"stage": Stage.IN_PROGRESS}
    if public and current.stage in (Stage.READY, Stage.PUBLISHED):
        log(
            current,
            user,
            FactChange.Action.STAGE,
            current.get_stage_display(),
            Stage.IN_PROGRESS.label,
            why,
        )
        return {"stage": Stage.IN_PROGRESS, "approved_by": None, "review_requested_by": None}
    return {}


def review_reason_after(current: Fact, reason: str) -> str:
    """The reason a flagged fact shows: a new one is added to any not yet cleared."""
    if current.needs_review and current.review_reason and reason not in current.review_reason:
        return f"{current.review_reason} {reason}"
    return reason
