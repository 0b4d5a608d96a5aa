"""Editors' changes to facts: verdicts, notes, assignment, evidence, regrouping, publishing.

Every function here writes a ``FactChange`` row (who, when, old → new, why) in the
same transaction as the change, and refuses an edit made on a stale view: the
caller passes the ``version`` the editor saw, and a fact changed since then
raises ``StaleEdit`` naming who changed it, so nothing is silently overwritten.
Views, admin actions and commands all call these functions. The written
fact-check, the workflow and publishing live in ``factcheck.publishing``;
``StaleEdit``, ``InvalidChange``, ``publish_fact`` and ``unpublish_fact`` are
also importable from here, where callers have always found them.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from .analysis import features_of, refresh_suggestions
from .counts import refresh_article_counts
from .editing import InvalidChange, StaleEdit, review_reason_after, stage_after_edit
from .editing import bump as _bump
from .editing import lock as _lock
from .editing import log as _log
from .engine.keys import index_keys
from .indexes import fact_spans, redate_fact_keys
from .models import Claim, Evidence, Fact, FactChange, FactKey, Status

# Re-exported: the publishing services were here before ``publishing`` existed.
from .publishing import publish_fact, unpublish_fact


@transaction.atomic
def record_verdict(
    *,
    fact: Fact,
    status: str,
    user: User,
    expected_version: int | None,
    reason: str = "",
) -> Fact:
    """Set the editor's verdict on a fact.

    >>> record_verdict(fact=f, status=Status.DISPUTED, user=u, expected_version=f.version)
    """
    if status not in Status.values and status != "":
        raise InvalidChange(f"Unknown status {status!r}")
    current = _lock(fact, expected_version)
    # A fact flagged for review is cleared by a verdict, even the same one again.
    if current.status == status and not current.needs_review:
        return current
    if status == "" and current.published_at:
        raise InvalidChange("Unpublish the fact-check before clearing its verdict.")
    return _set_verdict(current, status=status, user=user, reason=reason, needs_review=False)


def _set_verdict(
    current: Fact,
    *,
    status: str,
    user: User,
    reason: str,
    needs_review: bool,
    review_reason: str = "",
) -> Fact:
    """Write the verdict on a locked fact, with its history row (and the workflow's)."""
    old, flagged, flagged_reason = current.status, current.needs_review, current.review_reason
    stage = stage_after_edit(current, user, public=True, why="The verdict changed.")
    current = _bump(
        current,
        status=status,
        status_changed_by=user,
        status_changed_at=timezone.now(),
        needs_review=needs_review,
        review_reason=review_reason if needs_review else "",
        **stage,
    )
    # Whether the fact was flagged for re-review before: undoing this verdict flags it again.
    details: dict[str, object] | None = None
    if flagged:
        details = {"needs_review_before": True}
        if flagged_reason:
            details["review_reason_before"] = flagged_reason
    current.recorded_verdict = _log(
        current, user, FactChange.Action.STATUS, old, status, reason, details
    )
    if bool(old) != bool(status):
        # Its articles count claims and facts with and without a verdict, not which one.
        refresh_article_counts(fact_ids={current.pk})
    return current


def last_verdict_change(fact: Fact) -> FactChange | None:
    """The fact's latest change if it is a verdict: the one change ``undo_verdict`` accepts.

    On the fact ``record_verdict`` or ``undo_verdict`` just returned, that is the verdict
    they recorded (``Fact.recorded_verdict``), taken as is: reading it back was a query of
    every verdict's answer. Should another change have come since, ``undo_verdict``
    refuses the undo, as it refuses a stale one.
    """
    if fact.recorded_verdict is not None:
        return fact.recorded_verdict
    latest = fact.changes.select_related("user").first()
    return latest if latest is not None and latest.action == FactChange.Action.STATUS else None


@transaction.atomic
def undo_verdict(
    *,
    fact: Fact,
    change: FactChange,
    user: User,
    expected_version: int | None,
) -> Fact:
    """Undo a verdict by recording a new change that restores the verdict before it.

    History is never deleted: the undo is a verdict change of its own (old → new,
    reason "Undo of change #N"), and the re-review flag the undone verdict cleared
    is set again. Only the fact's latest change can be undone, and only when it is
    a verdict: a fact changed since (by anyone, in any way) is refused, as stale
    when the editor's page is out of date, as invalid otherwise.

    >>> undo_verdict(fact=f, change=f.changes.first(), user=u, expected_version=f.version)
    """
    current = _lock(fact, expected_version)
    if change.fact_id != current.pk or change.action != FactChange.Action.STATUS:
        raise InvalidChange(f"Change #{change.pk} is not a verdict on fact #{current.pk}.")
    latest = current.changes.first()
    if latest is None or latest.pk != change.pk or current.status != change.new_value:
        raise InvalidChange(
            f"Fact #{current.pk} has changed since change #{change.pk}; "
            "only its latest change can be undone."
        )
    if change.old_value == "" and current.published_at:
        raise InvalidChange("Unpublish the fact-check before undoing its verdict.")
    return _set_verdict(
        current,
        status=change.old_value,
        user=user,
        reason=f"Undo of change #{change.pk}",
        needs_review=bool(change.details.get("needs_review_before")),
        review_reason=str(change.details.get("review_reason_before") or ""),
    )


@transaction.atomic
def set_note(*, fact: Fact, note: str, user: User, expected_version: int | None) -> Fact:
    current = _lock(fact, expected_version)
    note = note.strip()
    if current.note == note:
        return current
    old = current.note
    # The note is the desk's own: it starts the work but is never published.
    stage = stage_after_edit(current, user, public=False, why="")
    current = _bump(current, note=note, **stage)
    _log(current, user, FactChange.Action.NOTE, old, note)
    return current


@transaction.atomic
def assign_fact(
    *,
    fact: Fact,
    assignee: User | None,
    user: User,
    expected_version: int | None = None,
) -> Fact:
    current = _lock(fact, expected_version)
    if current.assigned_to_id == (assignee.pk if assignee else None):
        return current
    old = current.assigned_to.get_username() if current.assigned_to else ""
    current = _bump(current, assigned_to=assignee)
    _log(current, user, FactChange.Action.ASSIGN, old, assignee.get_username() if assignee else "")
    return current


@transaction.atomic
def add_evidence(
    *,
    fact: Fact,
    url: str,
    note: str,
    user: User,
    expected_version: int | None,
    public: bool = False,
) -> Evidence:
    """Link a source that supports or refutes the fact; ``user`` is recorded as who added it.

    ``public`` shows it on the fact-check when next published.

    >>> add_evidence(fact=f, url="https://…", note="Customs data", user=u, expected_version=3)
    """
    current = _lock(fact, expected_version)
    evidence = Evidence.objects.create(
        fact=current, url=url, note=note.strip(), added_by=user, public=public
    )
    stage = stage_after_edit(current, user, public=public, why="Public evidence was added.")
    _bump(current, **stage)
    shown = " (shown publicly)" if public else ""
    _log(
        current,
        user,
        FactChange.Action.EVIDENCE_ADD,
        "",
        f"{url} {evidence.note}".strip() + shown,
    )
    return evidence


@transaction.atomic
def remove_evidence(*, evidence: Evidence, user: User, expected_version: int | None) -> Fact:
    """Unlink a piece of evidence; the history keeps what it was.

    >>> remove_evidence(evidence=e, user=u, expected_version=e.fact.version)
    """
    current = _lock(evidence.fact, expected_version)
    _log(
        current,
        user,
        FactChange.Action.EVIDENCE_REMOVE,
        f"{evidence.url} {evidence.note}".strip(),
        "",
    )
    stage = stage_after_edit(
        current, user, public=evidence.public, why="Public evidence was removed."
    )
    evidence.delete()
    return _bump(current, **stage)


@transaction.atomic
def split_claim(
    *, claim: Claim, user: User, expected_version: int | None, reason: str = ""
) -> Fact:
    """Move a claim out of its fact into a new fact of its own (the engine grouped wrongly).

    ``expected_version`` is the claim's fact as the editor saw it.

    >>> split_claim(claim=c, user=u, expected_version=c.fact.version, reason="Other delivery")
    """
    source = _lock(claim.fact, expected_version)
    if not source.claims.filter(pk=claim.pk).exists():
        raise InvalidChange(f"Claim #{claim.pk} is no longer part of fact #{source.pk}.")
    if source.claims.count() < 2:
        raise InvalidChange("This claim is the only one in its fact.")
    new_fact = Fact.objects.create(summary=claim.text[:300])
    Claim.objects.filter(pk=claim.pk).update(fact=new_fact, match_score=None, match_reasons=[])
    FactKey.objects.bulk_create(
        [FactKey(fact=new_fact, key=k[:200]) for k in index_keys(features_of(claim))],
        ignore_conflicts=True,
    )
    # The fact left may have lost its first report.
    redate_fact_keys(*fact_spans({source.pk, new_fact.pk}))
    label = f"claim #{claim.pk} ({claim.article.source_file})"
    _bump(source)
    _log(source, user, FactChange.Action.SPLIT, label, f"fact #{new_fact.pk}", reason)
    _log(new_fact, user, FactChange.Action.SPLIT, f"fact #{source.pk}", label, reason)
    refresh_suggestions(fact_ids={source.pk, new_fact.pk})
    new_fact.refresh_from_db()
    return new_fact


@transaction.atomic
def merge_facts(
    *,
    target: Fact,
    other: Fact,
    user: User,
    expected_version: int | None,
    reason: str = "",
) -> Fact:
    """Move every claim of ``other`` into ``target``; ``other`` keeps its history, emptied.

    The target keeps its own verdict. When only ``other`` had one, it carries over,
    recorded as a change of the target. ``expected_version`` is the target as the
    editor saw it (the merge is made from the target's page).

    >>> merge_facts(target=t, other=o, user=u, expected_version=t.version, reason="Same")
    """
    if target.pk == other.pk:
        raise InvalidChange("A fact cannot be merged with itself.")
    # Both rows are locked, always lower pk first: two editors merging the same
    # two facts in opposite directions then queue on one lock instead of each
    # holding one and waiting for the other (a deadlock on PostgreSQL). The
    # second then finds the target's version moved and is refused as stale.
    locked = {
        pk: Fact.objects.select_for_update().get(pk=pk) for pk in sorted((target.pk, other.pk))
    }
    target, other = locked[target.pk], locked[other.pk]
    if expected_version is not None and target.version != expected_version:
        raise StaleEdit.of(target)
    if other.published_at:
        raise InvalidChange(f"Unpublish fact #{other.pk} before merging it.")
    if other.merged_into_id:
        raise InvalidChange(
            f"Fact #{other.pk} was already merged into fact #{other.merged_into_id}."
        )
    claim_ids = list(Claim.objects.filter(fact=other).order_by("pk").values_list("pk", flat=True))
    moved = Claim.objects.filter(pk__in=claim_ids).update(fact=target)
    keys = list(FactKey.objects.filter(fact=other).values_list("key", flat=True))
    FactKey.objects.bulk_create([FactKey(fact=target, key=k) for k in keys], ignore_conflicts=True)
    FactKey.objects.filter(fact=other).delete()
    redate_fact_keys(*fact_spans({target.pk}))
    fields: dict[str, object] = {}
    verdict_carried = not target.status and bool(other.status)
    if verdict_carried:
        fields.update(status=other.status, status_changed_by=user, status_changed_at=timezone.now())
        _log(
            target,
            user,
            FactChange.Action.STATUS,
            "",
            other.status,
            f"Merged from fact #{other.pk}",
        )
    _bump(target, **fields)
    _bump(other, merged_into=target)
    _log(
        target,
        user,
        FactChange.Action.MERGE,
        f"fact #{other.pk}",
        f"fact #{target.pk}",
        reason,
        details={
            "other": other.pk,
            "claims": claim_ids,
            "keys": keys,
            "verdict": other.status if verdict_carried else "",
        },
    )
    _log(
        other,
        user,
        FactChange.Action.MERGE,
        f"{moved} claim{'s' if moved != 1 else ''}",
        f"moved to fact #{target.pk}",
        reason,
    )
    # ``other`` too: emptied, it is reported by no article any more.
    refresh_suggestions(fact_ids={target.pk, other.pk})
    target.refresh_from_db()
    return target


@transaction.atomic
def undo_merge(
    *, change: FactChange, user: User, expected_version: int | None, reason: str = ""
) -> Fact:
    """Split a merge back: the claims it moved return to the fact they came from.

    A new history row on both facts says so (the merge's row stays). The verdict
    the merge carried over is taken back if the fact still has it. Refused when a
    moved claim has since left the fact (split out, or merged on elsewhere): the
    editor then moves claims by hand. ``expected_version`` is the target as the
    editor saw it.

    >>> undo_merge(change=merge_row, user=u, expected_version=t.version, reason="Not the same")
    """
    if not change.is_undoable_merge:
        raise InvalidChange("Only a merge not yet undone can be undone.")
    details = change.details
    locked = {
        pk: Fact.objects.select_for_update().get(pk=pk)
        for pk in sorted((change.fact_id, details["other"]))
    }
    target, other = locked[change.fact_id], locked[details["other"]]
    if expected_version is not None and target.version != expected_version:
        raise StaleEdit.of(target)
    current = FactChange.objects.select_for_update().get(pk=change.pk)
    if not current.is_undoable_merge:
        raise InvalidChange("This merge has already been undone.")
    claims = Claim.objects.filter(pk__in=details["claims"])
    if claims.exclude(fact=target).exists() or claims.count() != len(details["claims"]):
        raise InvalidChange(
            f"Some claims of that merge are no longer in fact #{target.pk}: "
            "move them back by hand with 'Move a claim out'."
        )
    moved = claims.update(fact=other)
    FactKey.objects.bulk_create(
        [FactKey(fact=other, key=k) for k in details.get("keys", [])], ignore_conflicts=True
    )
    redate_fact_keys(*fact_spans({target.pk, other.pk}))
    fields: dict[str, object] = {}
    carried = details.get("verdict") or ""
    if carried and target.status == carried and target.published_at:
        # Taking the verdict back would leave a published fact-check without one.
        raise InvalidChange(
            f"Fact #{target.pk} is published with the verdict this merge brought: "
            "unpublish it before undoing the merge."
        )
    if carried and target.status == carried:
        fields.update(status="", status_changed_by=user, status_changed_at=timezone.now())
        _log(
            target,
            user,
            FactChange.Action.STATUS,
            carried,
            "",
            f"Merge with fact #{other.pk} undone",
        )
    target = _bump(target, **fields)
    _bump(other, merged_into=None)
    label = f"{moved} claim{'s' if moved != 1 else ''}"
    _log(
        target,
        user,
        FactChange.Action.UNMERGE,
        f"fact #{target.pk}",
        f"{label} back to fact #{other.pk}",
        reason,
    )
    _log(other, user, FactChange.Action.UNMERGE, f"fact #{target.pk}", f"{label} back here", reason)
    current.details = {**current.details, "undone": timezone.now().isoformat()}
    current.save(update_fields=["details"])
    refresh_suggestions(fact_ids={target.pk, other.pk})
    target.refresh_from_db()
    return target


@transaction.atomic
def flag_facts_for_review(
    *, fact_ids: Iterable[int], user: User, old: str, new: str, reason: str
) -> list[Fact]:
    """Flag facts whose verdict rests on an article whose text an editor replaced.

    One history row per fact (old and new text of the article, why); each fact's
    version is bumped, so an edit made on the old page is refused as stale. Facts
    are locked in id order, so two concurrent calls cannot deadlock.

    >>> flag_facts_for_review(fact_ids={4, 9}, user=u, old="article #3 …", new="…", reason="…")
    """
    flagged = []
    for pk in sorted(set(fact_ids)):
        current = _lock(Fact(pk=pk), None)
        stage = stage_after_edit(
            current, user, public=True, why="The text of an article it cites was replaced."
        )
        current = _bump(
            current,
            needs_review=True,
            review_reason=review_reason_after(
                current, f"The text of an article it cites was replaced: {reason}"
            ),
            **stage,
        )
        _log(current, user, FactChange.Action.ARTICLE_TEXT, old, new, reason)
        flagged.append(current)
    return flagged


__all__ = [
    "InvalidChange",
    "StaleEdit",
    "add_evidence",
    "assign_fact",
    "flag_facts_for_review",
    "merge_facts",
    "publish_fact",
    "record_verdict",
    "remove_evidence",
    "set_note",
    "split_claim",
    "unpublish_fact",
]
