"""The written fact-check, its workflow, its publications, and re-review when the evidence moves.

A fact's work goes unstarted → in progress → ready for review → published
(``Fact.stage``), beside the verdict:

* the editor writes the fact-check (``write_factcheck``: statement, claimant,
  conclusion) and chooses the evidence shown publicly (``show_evidence``);
* "request review" (``request_review``) marks it ready for review;
* with ``PUBLISH_NEEDS_SECOND_EDITOR`` on (the default), a second editor, neither
  the one who asked for review nor the one who recorded the verdict, approves it
  (``approve_publication``) before anyone may publish it;
* publishing (``publish_fact``) stores what the public sees as the next numbered
  ``Publication`` (``factcheck.snapshots``), which the public page, ClaimReview
  and feed read, so nothing changes a published fact-check until it is
  published again. A verdict that disagrees with the engine's current
  suggestion is published only when the editor confirms it.

Changing what the public would see after a review request, or after
publication, takes the fact back to "in progress" (``editing.stage_after_edit``).

When the engine adds a report to, or finds a new conflict in, a fact with a
verdict or a publication (``watch_reviewed_facts``, around the engine's refresh
in ``analysis``), the fact is flagged **needs re-review** with the reason; an
editor clears it by recording the verdict again or with ``clear_review_flag``
and a reason. Every step is a ``FactChange`` row; every editor's step refuses a
stale version like the other services.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Exists, Max, OuterRef, Q
from django.utils import timezone

from sources.models import Article

from .editing import InvalidChange, bump, lock, log, review_reason_after, stage_after_edit
from .models import Claim, ClaimantKind, Evidence, Fact, FactChange, Publication, Stage
from .snapshots import take_snapshot

Action = FactChange.Action


def needs_second_editor() -> bool:
    return settings.PUBLISH_NEEDS_SECOND_EDITOR


def _name(user: User | None) -> str:
    return user.get_username() if user is not None else "someone"


def _same_user(user: User, user_id: int | None) -> bool:
    return user_id is not None and user.pk == user_id


@transaction.atomic
def write_factcheck(
    *,
    fact: Fact,
    statement: str,
    claimant: str,
    conclusion: str,
    user: User,
    expected_version: int | None,
    claimant_kind: str = ClaimantKind.PERSON,
) -> Fact:
    """Save the written fact-check; an empty statement means the best claim's sentence.

    >>> write_factcheck(fact=f, statement="The port handled 120 ships in March.",
    ...     claimant="Port authority", claimant_kind="Organization",
    ...     conclusion="Two independent reports agree.", user=u, expected_version=f.version)
    """
    if claimant_kind not in ClaimantKind.values:
        raise InvalidChange(f"Unknown kind of claimant {claimant_kind!r}.")
    current = lock(fact, expected_version)
    wanted = {
        "statement": " ".join(statement.split()),
        "claimant": claimant.strip(),
        "claimant_kind": claimant_kind,
        "conclusion": conclusion.strip(),
    }
    changed = {name: value for name, value in wanted.items() if getattr(current, name) != value}
    if not changed:
        return current
    labels = {"statement": "Statement", "claimant": "Claimant", "conclusion": "Conclusion"}
    old = "\n".join(f"{labels[n]}: {getattr(current, n)}" for n in changed if n in labels)
    new = "\n".join(f"{labels[n]}: {v}" for n, v in changed.items() if n in labels)
    stage = stage_after_edit(current, user, public=True, why="The fact-check was edited.")
    current = bump(current, **changed, **stage)
    log(current, user, Action.FACTCHECK, old, new)
    return current


@transaction.atomic
def show_evidence(
    *, evidence: Evidence, public: bool, user: User, expected_version: int | None
) -> Fact:
    """Show a piece of evidence on the fact-check (when next published), or hide it.

    >>> show_evidence(evidence=e, public=True, user=u, expected_version=e.fact.version)
    """
    current = lock(evidence.fact, expected_version)
    if evidence.public == public:
        return current
    Evidence.objects.filter(pk=evidence.pk).update(public=public)
    why = "Evidence was shown publicly." if public else "Evidence was hidden."
    stage = stage_after_edit(current, user, public=True, why=why)
    current = bump(current, **stage)
    log(
        current,
        user,
        Action.EVIDENCE_PUBLIC,
        "shown" if evidence.public else "hidden",
        f"{evidence.url}: {'shown' if public else 'hidden'}",
    )
    return current


def _move(current: Fact, user: User, stage: Stage, reason: str = "", **fields: object) -> Fact:
    old = current.get_stage_display()
    current = bump(current, stage=stage, **fields)
    log(current, user, Action.STAGE, old, stage.label, reason)
    return current


@transaction.atomic
def request_review(*, fact: Fact, user: User, expected_version: int | None) -> Fact:
    """Mark the fact-check ready for review: a second editor may now approve it.

    >>> request_review(fact=f, user=u, expected_version=f.version)
    """
    current = lock(fact, expected_version)
    if not current.status:
        raise InvalidChange("Record a verdict before asking for review.")
    if current.needs_review:
        raise InvalidChange(
            "The fact is flagged for re-review: record the verdict again, or clear the flag "
            "with a reason, before asking for review."
        )
    if current.stage == Stage.READY:
        raise InvalidChange(
            f"Review was already requested by {_name(current.review_requested_by)}."
        )
    if current.stage == Stage.PUBLISHED:
        raise InvalidChange("Nothing has changed since the fact-check was published.")
    return _move(current, user, Stage.READY, review_requested_by=user, approved_by=None)


@transaction.atomic
def approve_publication(*, fact: Fact, user: User, expected_version: int | None) -> Fact:
    """A second editor approves the fact-check for publication.

    Refused to the editor who asked for review or recorded the verdict.

    >>> approve_publication(fact=f, user=second_editor, expected_version=f.version)
    """
    current = lock(fact, expected_version)
    if current.stage != Stage.READY:
        raise InvalidChange("Only a fact-check ready for review can be approved.")
    if current.approved_by_id is not None:
        raise InvalidChange(f"Already approved by {_name(current.approved_by)}.")
    if _same_user(user, current.review_requested_by_id):
        raise InvalidChange("You asked for this review: a second editor must approve it.")
    if _same_user(user, current.status_changed_by_id):
        raise InvalidChange("You recorded this verdict: a second editor must approve it.")
    current = bump(current, approved_by=user)
    log(current, user, Action.APPROVE, "", _name(user))
    return current


def disagreement(fact: Fact) -> str:
    """Why publishing needs confirming, when the verdict differs from the engine's suggestion."""
    if not fact.status or fact.status == fact.suggested_status:
        return ""
    return (
        f"The verdict ({fact.get_status_display()}) differs from the engine's current "
        f"suggestion ({fact.get_suggested_status_display()}"
        f"{f': {fact.suggested_reason}' if fact.suggested_reason else ''})."
    )


@transaction.atomic
def publish_fact(
    *,
    fact: Fact,
    user: User | None,
    expected_version: int | None,
    confirmed: bool = False,
) -> Fact:
    """Publish the fact-check as its next version, a snapshot of what the public sees.

    Needs a verdict and no pending re-review; with ``PUBLISH_NEEDS_SECOND_EDITOR``
    on, a review requested and approved by a second editor; and ``confirmed``
    when the verdict differs from the engine's current suggestion. Publishing
    a fact whose published version is still current changes nothing.

    >>> publish_fact(fact=f, user=u, expected_version=f.version, confirmed=True)
    """
    current = lock(fact, expected_version)
    if not current.status:
        raise InvalidChange("Only a fact with an editor's verdict can be published.")
    if current.stage == Stage.PUBLISHED:
        return current
    if current.needs_review:
        raise InvalidChange(
            "The fact is flagged for re-review: record the verdict again, or clear the flag "
            "with a reason, before publishing."
        )
    if needs_second_editor():
        if current.stage != Stage.READY:
            raise InvalidChange("Request review first: a second editor approves before publishing.")
        if current.approved_by_id is None:
            raise InvalidChange("A second editor must approve the fact-check before publishing.")
    if not confirmed and (why := disagreement(current)):
        raise InvalidChange(f"{why} Confirm to publish it anyway.")
    now = timezone.now()
    last = current.publications.aggregate(last=Max("number"))["last"] or 0
    Publication.objects.create(
        fact=current,
        number=last + 1,
        snapshot=take_snapshot(current),
        published_by=user,
        approved_by=current.approved_by,
        published_at=now,
    )
    old = current.get_stage_display()
    current = bump(
        current, published_at=now, stage=Stage.PUBLISHED, approved_by=None, review_requested_by=None
    )
    log(
        current,
        user,
        Action.PUBLISH,
        f"version {last}" if last else "",
        f"version {last + 1}: {current.get_status_display()}",
        f"{old} → Published",
    )
    return current


@transaction.atomic
def unpublish_fact(
    *, fact: Fact, user: User, expected_version: int | None, reason: str = ""
) -> Fact:
    """Withdraw the public fact-check; its versions stay in the history.

    >>> unpublish_fact(fact=f, user=u, expected_version=f.version, reason="Wrong fact")
    """
    current = lock(fact, expected_version)
    if not current.published_at:
        return current
    last = current.publications.aggregate(last=Max("number"))["last"]
    current = bump(current, published_at=None, stage=Stage.IN_PROGRESS)
    log(current, user, Action.UNPUBLISH, f"version {last}" if last else "published", "", reason)
    return current


@transaction.atomic
def clear_review_flag(*, fact: Fact, user: User, expected_version: int | None, reason: str) -> Fact:
    """An editor decides the flagged fact needs no new verdict, and says why.

    >>> clear_review_flag(fact=f, user=u, expected_version=f.version, reason="Same figure")
    """
    if not reason.strip():
        raise InvalidChange("Say why the fact needs no re-review.")
    current = lock(fact, expected_version)
    if not current.needs_review:
        raise InvalidChange("This fact is not flagged for re-review.")
    old = current.review_reason
    current = bump(current, needs_review=False, review_reason="")
    log(current, user, Action.REVIEW_CLEAR, old, "", reason.strip())
    return current


# ------------------------------------------------------------ when the engine moves


def _reviewed(fact_ids: Iterable[int]) -> list[Fact]:
    """The facts among ``fact_ids`` an editor has ruled on: a verdict or a publication."""
    published = Publication.objects.filter(fact=OuterRef("pk"))
    return list(
        Fact.objects.filter(pk__in=set(fact_ids))
        .filter(~Q(status="") | Exists(published))
        .only("pk", "conflicts")
    )


def reviewed_fact_ids(fact_ids: Iterable[int]) -> set[int]:
    """The facts among ``fact_ids`` an editor has ruled on (``_reviewed``)."""
    return {fact.pk for fact in _reviewed(fact_ids)}


def _reporting(fact_ids: Iterable[int]) -> dict[int, set[int]]:
    found: dict[int, set[int]] = {}
    for fact_id, article_id in Claim.objects.filter(fact_id__in=fact_ids).values_list(
        "fact_id", "article_id"
    ):
        found.setdefault(fact_id, set()).add(article_id)
    return found


def _conflicts(fact: Fact) -> set[str]:
    return {str(c.get("description", "")) for c in fact.conflicts or [] if isinstance(c, dict)}


@contextmanager
def watch_reviewed_facts(
    *, article: Article, previous: Iterable[int], fact_ids: Iterable[int]
) -> Iterator[None]:
    """Flag for re-review the reviewed facts the engine's refresh gives a new report or conflict.

    Entered once the article's claims are stored in their facts, around the
    engine's refresh of the suggestions: ``previous`` are the facts the
    article's claims were in before this analysis. A fact nobody has ruled on
    is never flagged. Costs one query when no touched fact has been reviewed.

    >>> with watch_reviewed_facts(article=a, previous={3}, fact_ids={3, 8}):
    ...     refresh_suggestions(fact_ids={3, 8})
    """
    reviewed = _reviewed(fact_ids)
    if not reviewed:
        yield
        return
    ids = [f.pk for f in reviewed]
    before_conflicts = {f.pk: _conflicts(f) for f in reviewed}
    previous = set(previous)
    before_articles = {
        fact_id: (articles - {article.pk}) | ({article.pk} if fact_id in previous else set())
        for fact_id, articles in _reporting(ids).items()
    }
    yield
    after_articles = _reporting(ids)
    label = f"{article.outlet.name} “{article.title}”" if article.outlet else f"“{article.title}”"
    for fact in Fact.objects.filter(pk__in=ids).only("pk", "conflicts").order_by("pk"):
        reasons = []
        if article.pk in after_articles.get(fact.pk, set()) - before_articles.get(fact.pk, set()):
            reasons.append(f"The engine added a report: {label}.")
        reasons += [
            f"The engine found a new conflict: {description}."
            for description in sorted(_conflicts(fact) - before_conflicts.get(fact.pk, set()))
        ]
        if reasons:
            flag_for_review(fact=fact, reason=" ".join(reasons))


def flag_for_review(*, fact: Fact, reason: str) -> Fact:
    """Flag a reviewed fact the engine changed; the engine is the author (no user).

    Called inside the engine's transaction (``watch_reviewed_facts``).
    """
    current = lock(fact, None)
    stage = stage_after_edit(current, None, public=True, why=reason)
    current = bump(
        current, needs_review=True, review_reason=review_reason_after(current, reason), **stage
    )
    log(current, None, Action.REVIEW_FLAG, "", "needs re-review", reason)
    return current


def latest_publication(fact: Fact) -> Publication | None:
    return fact.publications.order_by("-number").first()
