"""Run the claim engine on an article and store what it finds.

The engine (``factcheck/engine``) is pure Python; this module feeds it from the
database and writes its results: claims, their facts, copy relations between
articles and each touched fact's suggested status. Candidate facts and
candidate originals come from inverted indexes (``FactKey``,
``ArticleFingerprint``), each key capped, so the cost of importing one article
does not grow with the size of the corpus.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from itertools import batched
from typing import TYPE_CHECKING, Any, TypedDict, cast

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Exists, F, OuterRef, Q, QuerySet, Window
from django.db.models.functions import Length, RowNumber, Substr

from factcheck.counts import refresh_article_counts
from factcheck.engine.decisions import decide
from factcheck.engine.extraction import extract_claims
from factcheck.engine.features import (
    ClaimFeatures,
    article_placing,
    context_for,
    story_entities,
)
from factcheck.engine.grouping import Member, Placed, group_claims
from factcheck.engine.keys import index_keys
from factcheck.engine.matching import MAX_DAYS_APART, Match, could_match, match
from factcheck.engine.provenance import CopyEvidence, Fingerprint, compare, fingerprint
from factcheck.engine.suggestion import Report, origins_of, suggest
from factcheck.engine.types import ExtractedClaim
from factcheck.indexes import (
    KEYS_PER_STATEMENT,
    fact_spans,
    nearest_per_key,
    newest_per_key,
    redate_fact_keys,
)
from factcheck.models import (
    ArticleFingerprint,
    ArticleRelation,
    Claim,
    Fact,
    FactChange,
    FactKey,
    Stage,
)
from factcheck.priority import lock_facts, refresh_queue_keys
from factcheck.publishing import flag_for_review, reviewed_fact_ids, watch_reviewed_facts
from sources.models import Article

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

# How many facts (those reported nearest the new article) or articles (the newest) one
# key may nominate as candidates.
CANDIDATES_PER_KEY = 40
# How many articles one article is compared with: the ones sharing the most
# keys. Without this bound the union over all keys grows with the corpus until
# every key is full. 40 rather than 12: on 1,000 generated articles (seed 7), 302
# have more than 12 articles sharing two keys with them, 7 more than 40; with 12,
# five copy relations depended on the order of import (none with no bound).
ARTICLES_COMPARED = 40
# How many passage or lead keys an article must share with another to be compared.
SHARED_KEYS_NOMINATING = 2
# What one shared passage or lead key counts for against a shared wire credit (1).
SHARED_TEXT_WEIGHT = 10
# How many stored claims sharing keys with a new claim it is compared with,
# and how many claims of each candidate fact are read to find them.
CLAIMS_PER_CLAIM = 400
CLAIMS_READ_PER_FACT = 40
# How many of a fact's first claims a merge suggestion compares (``claims_of``).
CLAIMS_PER_CANDIDATE = 3
SUMMARY_MAX = 300


def features_of(claim: Claim, *, context: str = "") -> ClaimFeatures:
    """A stored claim's matching features (``context``: its sentence, when at hand)."""
    published = claim.article.published if claim.article_id else None
    return ClaimFeatures(
        text=claim.text,
        kind=claim.kind,
        values=claim.values,
        entities=claim.entities,
        context=context or claim.text,
        story=tuple(claim.story),
        published=published.isoformat() if published else "",
        article_names=tuple(claim.article_names),
    )


@transaction.atomic
def analyse_article(*, article: Article) -> list[Claim]:
    """Extract the article's claims, group them into facts, trace copies, suggest statuses.

    The new claims and every component of stored claims they are linked to
    are grouped again together (``engine.grouping``), so the facts depend on
    which articles are in, not on the order they came in. Facts an editor has
    worked on keep their claims. Safe to run again on the same article:
    previous claims are replaced, and editors' verdicts are untouched.

    >>> analyse_article(article=Article.objects.get(source_file="002.txt"))
    """
    # Extraction reads this article only, so concurrent imports run it side by side.
    extracted = extract_claims(
        article.body, published=article.published, seconds=settings.ENGINE_SECONDS_PER_ARTICLE
    )
    story = story_entities(extracted)
    names = article_placing(article.body, article.title, extracted)
    order = _article_order(
        article.published, article.wire_credit, len(article.body), article.content_hash
    )
    features = [
        ClaimFeatures.from_extracted(
            found, article.body, story=story, published=article.published, article_names=names
        )
        for found in extracted
    ]
    rehearsal = _Rehearsal(fingerprint(article.body, wire_credit=article.wire_credit))
    if not _engine_lock_free():
        # Another import holds the lock: the wait is spent doing this one's work on what is
        # committed now (``_rehearse``), so what it computes is remembered for the real run.
        _rehearse(article, order, extracted, features, rehearsal)
        _one_import_at_a_time()

    old = list(
        _with_editor(article.claims.all()).values_list(
            "text", "kind", "fact_id", "component", "by_editor"
        )
    )
    previous = {(text, kind): fact_id for text, kind, fact_id, *_ in old}
    frozen = {fact_id for _, _, fact_id, _, by_editor in old if by_editor}
    touched: set[int] = set(previous.values())
    # The components this article's claims were in may fall apart without them.
    components = {c for *_, c, _ in old if c is not None}
    if old:
        # The facts before their claims, as a verdict takes them (``priority``).
        lock_facts(touched)
        article.claims.all().delete()

    _trace_copies(article, rehearsal)

    new = []
    kept_once: set[int] = set()
    for found, claim_features in zip(extracted, features, strict=True):
        kept = previous.get((found.text, found.kind.value))
        if kept in kept_once:
            # The same words twice in one article: only one stays in the editor's fact.
            kept = None
        elif kept is not None and kept in frozen:
            kept_once.add(kept)
        new.append(
            _member(article, order, found, claim_features, fixed=kept if kept in frozen else None)
        )
    stored, merged, placed = _nominated(new, components, first_import=not old)
    return _store(
        article, story, extracted, new, stored, previous, touched, merged=merged, placed=placed
    )


def _member(
    article: Article,
    order: tuple[object, ...],
    found: ExtractedClaim,
    features: ClaimFeatures,
    *,
    fixed: int | None,
) -> Member:
    """A new claim as grouping reads it; a claim of an editor's fact, unchanged, stays in
    that fact (``fixed``)."""
    return Member(
        order=(*order, found.start, found.end),
        article=article.pk,
        features=features,
        keys=_keys(features),
        fixed=fixed,
        may_join_fixed=True,
    )


def _nominated(
    new: list[Member], components: set[int], *, first_import: bool = True
) -> tuple[list[_StoredClaim], set[int], list[Placed] | None]:
    """The stored claims the new ones are grouped with: those their keys nominate and
    decisions link them to, with their components (``_regroup_set``); the component
    labels read only in part, which the stored claims' label then joins (``_store``);
    and their grouping where it was worked out already (``_regroup_after``).

    A re-import (not ``first_import``) places every stored claim again (``_store``), so
    it never reads a component in part."""
    all_keys = set().union(*(m.keys for m in new)) if new else set()
    published = new[0].features.published if new else ""
    candidates = _candidate_facts(all_keys, date.fromisoformat(published) if published else None)
    near = _stored(
        Claim.objects.filter(fact_id__in=candidates)
        # A fact's first claims only: a fact reported a thousand times costs no more.
        .annotate(rank=Window(RowNumber(), partition_by=F("fact_id"), order_by=F("id").asc()))
        .filter(rank__lte=CLAIMS_READ_PER_FACT)
    )
    linked = _linked(new, near)
    known = {s.pk: s for s in near}
    labels = components | {s.component for s in linked}
    stored = _regroup_set(labels, linked, known)
    if stored is not None and len(stored) + len(new) <= REGROUP_MAX:
        return stored, set(), None
    if new and first_import:
        found = _regroup_after(new, {c for c in labels if c >= 0}, linked, known)
        if found is not None:
            return found[0], {c for c in labels if c >= 0}, found[1]
    # Too large to group again at each import: the stored facts stay as
    # they are, and the new claims join them in order of arrival.
    stored = _stored(Claim.objects.filter(fact_id__in={s.fact_id for s in linked}), known)
    return [replace(s, member=replace(s.member, fixed=s.fact_id)) for s in stored], set(), None


def _regroup_after(
    new: list[Member], labels: set[int], linked: list[_StoredClaim], known: dict[int, _StoredClaim]
) -> tuple[list[_StoredClaim], list[Placed]] | None:
    """Stored claims to group again with a new article when its components are too large
    to read whole, as the pass would group them all, and their grouping.

    The pass places articles in the canonical order, so the claims before the new
    article stay where they are (``_kept_in_place``); the claims after it are placed
    again. A claim placed joins only a fact it is linked to (``grouping._homes``), so
    what is read is the facts the new claims are linked to, the claims after the new
    article, and every fact of the components sharing a key with one of those. A report
    that comes after the others, as most do, reads only the facts it is linked to.

    A report dated within a long story is placed again only with the claims up to a
    day (``REGROUP_REACH_DAYS`` on at first): the claims after it keep their facts when
    every fact the pass formed otherwise than the stored ones ends ``MAX_DAYS_APART``
    days before it, as matching keeps reports further apart from ever being one fact,
    so no later claim could have chosen otherwise (``_latest_change``). Else the day
    moves on and the pass runs again. An undated report reaches every report, so with
    one among them every claim after the new article is placed again. None past
    ``REGROUP_AFTER_MAX`` claims (an old report imported into a long story).
    """
    first = min(m.order for m in new)
    day = cast(date, first[1])
    reached = Claim.objects.filter(Q(component__in=labels) | Q(pk__in=[s.pk for s in linked]))
    # Undated articles come last in the canonical order (``_article_order``).
    undated = Q(article__published__isnull=True)
    after = undated if first[0] else undated | Q(article__published__gte=day)
    rows = _read(reached.filter(after), limit=REGROUP_AFTER_MAX + 1, by_day=True)
    whole = len(rows) <= REGROUP_AFTER_MAX
    # Undated rows come first (``by_day``).
    until: date | None = None
    if not first[0] and rows and rows[0][_PUBLISHED] is not None:
        until = day + timedelta(days=REGROUP_REACH_DAYS)
    # Claims made once across the passes: their features, and what matching derived from them.
    known = dict(known)
    while True:
        if until is not None and whole and rows[-1][_PUBLISHED] <= until:
            until = None
        # The rows read must hold every claim up to the day: past the limit, the day's
        # last rows may be missing.
        if not whole and (until is None or rows[-1][_PUBLISHED] <= until):
            return None
        window = rows if until is None else [r for r in rows if r[_PUBLISHED] <= until]
        later = [s for s in _from_rows(window, known) if s.member.order > first]
        known.update((s.pk, s) for s in later)
        facts = {s.fact_id for s in later} | {s.fact_id for s in linked}
        keys = sorted(set().union(*(s.member.keys for s in later)))
        for chunk in batched(keys, KEYS_PER_STATEMENT):
            facts.update(
                FactKey.objects.filter(key__in=chunk, fact_id__in=reached.values("fact_id"))
                .values_list("fact_id", flat=True)
                .distinct()
            )
        claims = Claim.objects.filter(fact_id__in=facts)
        if until is not None:
            claims = claims.filter(Q(article__published__lte=until) | undated)
        fact_rows = _read(claims, limit=REGROUP_AFTER_MAX + 1)
        if len(fact_rows) + len(new) > REGROUP_AFTER_MAX:
            return None
        if until is not None and any(row[_PUBLISHED] is None for row in fact_rows):
            until = None
            continue
        stored = _from_rows(fact_rows, known)
        known.update((s.pk, s) for s in stored)
        members = [s.member for s in stored] + new
        placed = group_claims(members, _kept_in_place(stored, new))
        if until is None:
            return stored, placed
        latest, left = _latest_change(placed, stored, members)
        if latest is None or (until - latest).days >= MAX_DAYS_APART:
            # A stored fact it changed holds no report past the day, as a canonical pass
            # leaves it; one grouped in order of arrival, past a cap, may.
            beyond = Claim.objects.filter(fact_id__in=left, article__published__gt=until)
            if not left or not beyond.exists():
                return stored, placed
            latest = max(latest or day, until)
        until = max(until + (until - day), latest + timedelta(days=MAX_DAYS_APART))


def _latest_change(
    placed: list[Placed], stored: list[_StoredClaim], members: list[Member]
) -> tuple[date | None, set[int]]:
    """The latest report in a fact the pass formed otherwise than the stored facts (one
    holding a new claim among them), None when it formed none, and the stored facts so
    changed; editors' facts aside, as no stored claim is placed into them. Every member
    is dated."""
    was: dict[int, set[int]] = defaultdict(set)
    for i, s in enumerate(stored):
        if s.member.fixed is None:
            was[s.fact_id].add(i)
    before = {frozenset(group) for group in was.values()}
    now = {frozenset(group.members) for group in placed if group.fixed is None}
    days = [cast(date, members[i].order[1]) for group in before ^ now for i in group]
    left = {stored[i].fact_id for group in before - now for i in group}
    return max(days, default=None), left


@dataclass
class _Rehearsal:
    """What an import waiting for the engine's lock worked out beforehand, from content
    that never changes: the article's fingerprint, and its comparison with each candidate
    original by (article id, content hash). Decisions are remembered by ``decide``."""

    fingerprint: Fingerprint
    compared: dict[tuple[int, str], CopyEvidence | None] = field(default_factory=dict)


def _rehearse(
    article: Article,
    order: tuple[object, ...],
    extracted: list[ExtractedClaim],
    features: list[ClaimFeatures],
    rehearsal: _Rehearsal,
) -> None:
    """Trace copies and group as the real run will, on what is committed now, writing
    nothing.

    Everything is read again under the lock, so the result is the one a run without
    rehearsal gives; what the rehearsal leaves behind is only what depends on content
    alone (``_Rehearsal``, and ``decide``'s memory of the pairs it decided), so the run
    under the lock, which every other import waits for, mostly reads and writes.
    """
    for other in _candidate_originals(article, rehearsal.fingerprint):
        _compared(other, article, rehearsal)
    new = [
        _member(article, order, found, claim_features, fixed=None)
        for found, claim_features in zip(extracted, features, strict=True)
    ]
    stored, _, placed = _nominated(new, set())
    if placed is None:
        group_claims([s.member for s in stored] + new, _kept_in_place(stored, new))


@transaction.atomic
def withdraw_article(*, article: Article) -> set[int]:
    """Take a deleted article's reports out of the facts, as if it had never come in.

    Its claims go, the components they were in are grouped again (they may
    fall apart without them), the facts they left have their keys rebuilt and
    their suggestions refreshed, and a fact left without claims goes unless an
    editor has worked on it (``refresh_suggestions``). Its copy relations and
    fingerprints go too: relations are pairwise, so those between the articles
    that remain do not change, and the origins of every fact it was in are
    counted again without it. A reviewed fact that loses the article's report
    is flagged for re-review: the reports its verdict rested on changed.
    Returns the facts touched.

    Called before the article row is deleted, inside the deletion's transaction
    (``factcheck.apps``).
    """
    _one_import_at_a_time()
    old = list(
        _with_editor(article.claims.all()).values_list(
            "text", "kind", "fact_id", "component", "by_editor"
        )
    )
    ArticleFingerprint.objects.filter(article=article).delete()
    ArticleRelation.objects.filter(Q(copy=article) | Q(original=article)).delete()
    if not old:
        return set()
    previous = {(text, kind): fact_id for text, kind, fact_id, *_ in old}
    left = set(previous.values())
    components = {c for *_, c, _ in old if c is not None}
    # The facts before their claims, as a verdict takes them (``priority``).
    lock_facts(left)
    article.claims.all().delete()
    # Every claim still in the facts it left is grouped again, so their keys are
    # rebuilt from what remains, editors' facts included (they keep their claims).
    remaining = _stored(Claim.objects.filter(fact_id__in=left))
    stored = _regroup_set(components, remaining, {s.pk: s for s in remaining})
    if stored is None or len(stored) > REGROUP_MAX:
        # Too large to group again: the remaining claims stay in their facts.
        stored = [replace(s, member=replace(s.member, fixed=s.fact_id)) for s in remaining]
    FactKey.objects.filter(fact_id__in=left).delete()
    touched = set(left)
    reviewed = reviewed_fact_ids(left)
    _store(article, (), [], [], stored, previous, touched)
    label = f"{article.outlet.name} “{article.title}”" if article.outlet else f"“{article.title}”"
    for fact in Fact.objects.filter(pk__in=reviewed).order_by("pk"):
        flag_for_review(fact=fact, reason=f"An article reporting it was deleted: {label}.")
    return touched


# Any fixed number of our own: the advisory lock that serialises the engine's writes.
ENGINE_LOCK = 0x6E657773


def _engine_lock_free() -> bool:
    """Take the engine's lock if no other import holds it; True then. Always True where
    there is no such lock (SQLite runs one write transaction at a time)."""
    if connection.vendor != "postgresql":
        return True
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [ENGINE_LOCK])
        return bool(cursor.fetchone()[0])


def _one_import_at_a_time() -> None:
    """Wait until no other import is tracing copies or grouping, until this one commits.

    Two workers grouping at once would each miss the other's claims and
    overwrite each other's regrouping; in turn, parallel imports give what some
    serial order gives, and that is the same for every order. SQLite already
    runs one write transaction at a time (``transaction_mode`` IMMEDIATE).
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [ENGINE_LOCK])


# The most claims grouped again whole in one import (a component and the new
# article's claims). Past it, only what comes after the new article is grouped again.
REGROUP_MAX = 240
# The most claims read for that (``_regroup_after``): the claims after the new article
# and the facts linked to it or sharing keys with them. Past it, the new claims join
# the stored facts in order of arrival.
REGROUP_AFTER_MAX = 1000
# How many days after the new article the claims placed again reach at first
# (``_regroup_after``): a fact the article joins takes reports up to that far after it.
REGROUP_REACH_DAYS = 2 * MAX_DAYS_APART


class _EditorWork(TypedDict):
    """What ``_with_editor`` adds to each claim."""

    by_editor: bool


class _WithSentence(TypedDict):
    """What ``refresh_suggestions`` adds to each claim: the sentence it was cut from."""

    sentence: str


@dataclass(frozen=True)
class _StoredClaim:
    """A stored claim as grouping reads it: where it is now, and the member it is."""

    pk: int
    fact_id: int
    fact_summary: str
    match_score: float | None
    match_reasons: list[str]
    # The claim's stored component label (None before components were labelled),
    # and the one grouping goes by: such a claim is a component of its own.
    label: int | None
    component: int
    member: Member


def _article_order(
    published: date | None, wire_credit: str, length: int, content_hash: str
) -> tuple[object, ...]:
    """An article's place in the canonical order: as ``_order`` ranks originals."""
    return (published is None, published or date.min, bool(wire_credit), length, content_hash)


def _keys(features: ClaimFeatures) -> frozenset[str]:
    return frozenset(k[:200] for k in index_keys(features))


def _with_editor(claims: QuerySet[Claim]) -> QuerySet[WithAnnotations[Claim, _EditorWork]]:
    """Mark each claim whose fact an editor has worked on (``by_editor``): a verdict, a
    publication, a fact-check under way, or any change in its history (a note, a split...)."""
    return claims.annotate(
        by_editor=Q(fact__status__gt="")
        | Q(fact__published_at__isnull=False)
        | ~Q(fact__stage=Stage.UNSTARTED)
        | Exists(FactChange.objects.filter(fact_id=OuterRef("fact_id")))
    )


def _stored(
    claims: QuerySet[Claim], known: dict[int, _StoredClaim] | None = None
) -> list[_StoredClaim]:
    """Stored claims with what grouping needs: features, keys, canonical order, editor facts.

    Claims already read in this import (``known``) are taken as they were read,
    so their features are derived once (and ``match`` prepares them once). Read
    as plain rows: an import reads a thousand stored claims and more (the
    candidates its keys nominate), and a model instance for each was most of
    the reading's cost.
    """
    return _from_rows(_read(claims), known or {})


# Where ``_read`` puts a claim's component label, and its article's date, in its rows.
_LABEL = 10
_PUBLISHED = 14


def _read(
    claims: QuerySet[Claim], *, limit: int | None = None, by_day: bool = False
) -> list[tuple[Any, ...]]:
    """The rows ``_from_rows`` makes stored claims of: the id first, the label at ``_LABEL``,
    the article's date at ``_PUBLISHED``; the first ``limit`` by id, where a caller gives
    up past a bound, or ``by_day``: by the article's date, undated first, then by id."""
    rows = (
        _with_editor(claims)
        .annotate(
            # The sentence is cut in the database: the articles' bodies stay there.
            sentence=Substr(
                "article__body", F("sentence_start") + 1, F("sentence_end") - F("sentence_start")
            ),
            body_length=Length("article__body"),
            fact_summary=F("fact__summary"),
        )
        .order_by(*((F("article__published").asc(nulls_first=True),) if by_day else ()), "id")
        .values_list(
            *("id", "article_id", "fact_id", "start", "end", "text", "kind", "values"),
            *("entities", "story", "component", "match_score", "match_reasons", "keys"),
            *("article__published", "article__wire_credit", "article__content_hash"),
            *("sentence", "body_length", "fact_summary", "by_editor", "article_names"),
        )
    )
    return list(rows if limit is None else rows[:limit])


def _from_rows(rows: list[tuple[Any, ...]], known: dict[int, _StoredClaim]) -> list[_StoredClaim]:
    out = []
    for row in rows:
        (pk, article_id, fact_id, start, end, text, kind, values) = row[:8]
        (entities, story, label, match_score, match_reasons, keys) = row[8:14]
        (published, wire_credit, content_hash, sentence, body_length) = row[14:19]
        (fact_summary, by_editor, names) = row[19:]
        if pk in known:
            out.append(known[pk])
            continue
        # As ``features_of`` reads a claim instance.
        features = ClaimFeatures(
            text=text,
            kind=kind,
            values=values,
            entities=entities,
            context=context_for(text, sentence) or text,
            story=tuple(story),
            published=published.isoformat() if published else "",
            article_names=tuple(names),
        )
        order = _article_order(published, wire_credit, body_length, content_hash)
        out.append(
            _StoredClaim(
                pk=pk,
                fact_id=fact_id,
                fact_summary=fact_summary,
                match_score=match_score,
                match_reasons=match_reasons,
                label=label,
                # A claim stored before components were labelled is one of its own.
                component=label if label is not None else -pk,
                member=Member(
                    order=(*order, start, end),
                    article=article_id,
                    features=features,
                    # Claims stored before keys were kept get them derived.
                    keys=frozenset(keys) if keys is not None else _keys(features),
                    fixed=fact_id if by_editor else None,
                ),
            )
        )
    return out


def _linked(new: list[Member], near: list[_StoredClaim]) -> list[_StoredClaim]:
    """Stored claims a new claim is linked to: sharing a key, of another article, matching.

    Each new claim is compared with the ``CLAIMS_PER_CLAIM`` stored claims
    sharing the most keys with it (ties in the canonical order, never by id).
    """
    linked: dict[int, _StoredClaim] = {}
    for member in new:
        sharing = [
            (len(member.keys & s.member.keys), s)
            for s in near
            if s.member.article != member.article and member.keys & s.member.keys
        ]
        sharing.sort(key=lambda x: (-x[0], x[1].member.order))
        for _, s in sharing[:CLAIMS_PER_CLAIM]:
            if s.pk in linked:
                continue
            a, b = (member, s.member) if member.order > s.member.order else (s.member, member)
            # Most of them are reports of other stories that share a broad key: told
            # apart by their stories and dates, before reading the wording.
            if could_match(a.features, b.features) and decide(a.features, b.features).same_fact:
                linked[s.pk] = s
    return list(linked.values())


def _regroup_set(
    components: set[int], linked: list[_StoredClaim], known: dict[int, _StoredClaim]
) -> list[_StoredClaim] | None:
    """The stored claims to group again: whole components, and whole facts.

    Every claim of the linked claims' components (and of the components the
    article's old claims were in) and of their facts, until nothing more is
    added: usually one statement. None past ``REGROUP_MAX`` claims: the rows
    read are then not made into stored claims, which costs more than reading
    them (a story's component grows with every report of it).
    """
    labels = {c for c in components if c >= 0} | {s.component for s in linked if s.component >= 0}
    claim_ids = {s.pk for s in linked}
    if not labels and not claim_ids:
        return []
    while True:
        reached = Claim.objects.filter(Q(component__in=labels) | Q(pk__in=claim_ids))
        rows = _read(
            Claim.objects.filter(
                Q(component__in=labels) | Q(fact_id__in=reached.values("fact_id"))
            ),
            limit=REGROUP_MAX + 1,
        )
        if len(rows) > REGROUP_MAX:
            return None
        more = {row[_LABEL] for row in rows if row[_LABEL] is not None} - labels
        if not more:
            return _from_rows(rows, known)
        labels |= more
        claim_ids |= {row[0] for row in rows}


def _store(
    article: Article,
    story: tuple[str, ...],
    extracted: list[ExtractedClaim],
    new: list[Member],
    stored: list[_StoredClaim],
    previous: dict[tuple[str, str], int],
    touched: set[int],
    *,
    merged: Iterable[int] = (),
    placed: list[Placed] | None = None,
) -> list[Claim]:
    """Group the new and stored claims, map the groups onto facts, write what changed.

    ``merged``: component labels read only in part (``_regroup_after``), whose claims
    all take the stored claims' label; ``placed``: their grouping, where worked out already.
    """
    members = [s.member for s in stored] + new
    # Articles before this one in the canonical order are grouped as the pass
    # would group them, and keep their facts. Not on a re-import: the article's
    # old claims, now gone, may have shaped them.
    kept = {} if previous else _kept_in_place(stored, new)
    if placed is None:
        placed = group_claims(members, kept)
    # Where each member was: a stored claim's fact, a new claim's previous one.
    was = [s.fact_id for s in stored] + [
        previous.get((found.text, found.kind.value)) for found in extracted
    ]
    frozen = {m.fixed for m in members if m.fixed is not None}
    # Each group keeps the engine's fact holding most of its claims, so fact
    # ids, and the history an editor may later give them, stay put.
    overlap: list[tuple[int, int, int]] = []
    for n, group in enumerate(placed):
        if group.fixed is None:
            counts = Counter(
                f for i in group.members if (f := was[i]) is not None and f not in frozen
            )
            overlap.extend((-count, fact_id, n) for fact_id, count in counts.items())
    fact_of: dict[int, int] = {n: g.fixed for n, g in enumerate(placed) if g.fixed is not None}
    used = set(fact_of.values())
    for _, fact_id, n in sorted(overlap):
        if n not in fact_of and fact_id not in used:
            fact_of[n] = fact_id
            used.add(fact_id)
    # A fact's summary is its first claim's text, in the canonical order.
    summary = [_shorten(members[group.members[0]].features.text) for group in placed]
    missing = [n for n in range(len(placed)) if n not in fact_of]
    # A group no fact takes starts its own: all created in one statement.
    created = Fact.objects.bulk_create([Fact(summary=summary[n]) for n in missing])
    fact_of.update((n, fact.pk) for n, fact in zip(missing, created, strict=True))

    home: dict[int, tuple[int, Match | None]] = {}
    for n, group in enumerate(placed):
        for i in group.members:
            home[i] = (fact_of[n], group.matches.get(i))

    # One label for everything grouped together: the next import linked to any
    # of it takes all of it. A claim linked to nothing keeps none: its fact
    # holds only it, and reaches it.
    labels = [s.component for s in stored if s.component >= 0] + sorted(merged)
    label = min(labels) if labels else min((s.pk for s in stored), default=None)
    if merged and label is not None:
        # The claims of those components that were not read join the label too: the next
        # import linked to any of them reads them all.
        Claim.objects.filter(component__in=set(labels) - {label}).update(component=label)

    # The stored summaries, read with the claims, before any claim moves.
    current = {s.fact_id: s.fact_summary for s in stored}
    changed = []
    # Facts that lost a claim (the article's old claims too): their keys are rebuilt.
    shrunk = set(previous.values()) - frozen
    for i, s in enumerate(stored):
        fact_id, result = home[i]
        if s.member.fixed is not None or i in kept:
            score, reasons = s.match_score, s.match_reasons
        else:
            score = round(result.score, 3) if result else None
            reasons = list(result.reasons) if result else []
        now = (fact_id, score, reasons, label)
        if (s.fact_id, s.match_score, s.match_reasons, s.label) != now:
            if s.fact_id != fact_id:
                shrunk.add(s.fact_id)
                touched.add(fact_id)
            changed.append(
                Claim(
                    pk=s.pk,
                    fact_id=fact_id,
                    match_score=score,
                    match_reasons=reasons,
                    component=label,
                )
            )
    # The facts before their claims, as a verdict takes them (``priority``): the facts the
    # changed claims are in now (those they move to are locked by the update's key check).
    rewritten = {c.pk for c in changed}
    lock_facts({s.fact_id for s in stored if s.pk in rewritten})
    Claim.objects.bulk_update(changed, ["fact", "match_score", "match_reasons", "component"])

    claims: list[Claim] = []
    offset = len(stored)
    for i, found in enumerate(extracted):
        fact_id, result = home[offset + i]
        claims.append(
            Claim(
                article=article,
                fact_id=fact_id,
                start=found.start,
                end=found.end,
                text=found.text,
                sentence_start=found.sentence_start,
                sentence_end=found.sentence_end,
                kind=found.kind.value,
                score=round(min(max(found.score, 0.0), 1.0), 3),
                features=found.features,
                values=found.values,
                entities=found.entities,
                story=list(story),
                article_names=list(new[i].features.article_names),
                flags=found.flags,
                match_score=round(result.score, 3) if result else None,
                match_reasons=list(result.reasons) if result else [],
                component=label,
                keys=sorted(new[i].keys),
            )
        )
    Claim.objects.bulk_create(claims)
    # Suggestions change only where claims came or went: the facts this
    # article's claims are in or left, and the facts regrouping changed.
    touched |= shrunk | {c.fact_id for c in claims}

    _index(placed, members, fact_of, shrunk, touched)
    # A fact's summary is its first claim's text in the canonical order.
    retitled = [
        Fact(pk=fact_of[n], summary=summary[n])
        for n, group in enumerate(placed)
        if group.fixed is None
        and n not in missing
        and current.get(fact_of[n], summary[n]) != summary[n]
    ]
    Fact.objects.bulk_update(retitled, ["summary"])
    with watch_reviewed_facts(article=article, previous=set(previous.values()), fact_ids=touched):
        # The article too: its claims were replaced (or, withdrawn, are gone).
        refresh_suggestions(fact_ids=touched, article_ids={article.pk})
    return claims


def _kept_in_place(stored: list[_StoredClaim], new: list[Member]) -> dict[int, Hashable]:
    """Stored claims of articles before the new ones in the canonical order, by position:
    they are grouped as the pass would group them, and keep their facts."""
    first = min((m.order for m in new), default=None)
    if first is None:
        return {}
    return {
        i: s.fact_id
        for i, s in enumerate(stored)
        if s.member.fixed is None and s.member.order < first
    }


def _index(
    placed: list[Placed],
    members: list[Member],
    fact_of: dict[int, int],
    shrunk: set[int],
    changed: set[int],
) -> None:
    """Keep the key index of the facts: each holds its claims' keys.

    Only facts whose claims ``changed`` are written: a fact that gained claims
    gets their keys, and one that lost claims has its keys rebuilt, so it is not
    found by keys it no longer has (an editor's fact loses none). Their rows carry the
    span of the fact's reports (``indexes.fact_spans``), by which keys nominate facts.
    """
    if shrunk:
        FactKey.objects.filter(fact_id__in=shrunk).delete()
    spans, kept = fact_spans(changed)
    rows: list[FactKey] = []
    for n, group in enumerate(placed):
        if fact_of[n] not in changed:
            continue
        keys = set().union(*(members[i].keys for i in group.members))
        first, last = spans[fact_of[n]]
        rows.extend(
            FactKey(fact_id=fact_of[n], key=k, day=first, last_day=last) for k in sorted(keys)
        )
    FactKey.objects.bulk_create(rows, ignore_conflicts=True)
    # The rows that were there already: dated again where the fact's span of reports moved.
    redate_fact_keys(spans, kept)


# Facts rebuilt per transaction by ``rebuild_keys``: each holds the engine lock that long.
REKEY_BATCH = 500


def rebuild_keys(*, check: bool = False, batch: int = REKEY_BATCH) -> tuple[int, int]:
    """Derive every stored claim's index keys again, and each fact's key index from them.

    A claim keeps the keys it was given when it was grouped (``Claim.keys``), and a fact
    the union of its claims' (``FactKey``), by which new claims find it. When the engine's
    keys change (an upgrade: counted nouns keyed by their WordNet senses), claims stored
    before keep their old keys, so a new report may miss a fact it would have found, and
    what is found then depends on the order the articles came in. This gives every
    claim the keys the engine now derives, in batches of ``batch`` facts, each in its own
    transaction under the engine's lock (imports wait, and none sees half a batch).

    With ``check``, nothing is written. Returns (claims whose keys differ, facts whose key
    index differs: its keys, or their span of dates).

    >>> rebuild_keys(check=True)
    (0, 0)
    """
    fact_ids = list(Fact.objects.order_by("pk").values_list("pk", flat=True))
    claims_off = facts_off = 0
    for at in range(0, len(fact_ids), batch):
        chunk = fact_ids[at : at + batch]
        with transaction.atomic():
            if not check:
                _one_import_at_a_time()
            stored = _stored(Claim.objects.filter(fact_id__in=chunk))
            fresh = {s.pk: _keys(s.member.features) for s in stored}
            stale = [s for s in stored if s.member.keys != fresh[s.pk]]
            wanted: dict[int, set[str]] = {pk: set() for pk in chunk}
            for s in stored:
                wanted[s.fact_id] |= fresh[s.pk]
            spans, dated = fact_spans(chunk)
            have: dict[int, set[str]] = {pk: set() for pk in chunk}
            for fact_id, key in FactKey.objects.filter(fact_id__in=chunk).values_list(
                "fact_id", "key"
            ):
                have[fact_id].add(key)
            off = sorted(pk for pk in chunk if have[pk] != wanted[pk] or dated[pk] - {spans[pk]})
            claims_off += len(stale)
            facts_off += len(off)
            if check:
                continue
            Claim.objects.bulk_update(
                [Claim(pk=s.pk, keys=sorted(fresh[s.pk])) for s in stale], ["keys"]
            )
            FactKey.objects.filter(fact_id__in=off).delete()
            FactKey.objects.bulk_create(
                [
                    FactKey(fact_id=pk, key=k, day=spans[pk][0], last_day=spans[pk][1])
                    for pk in off
                    for k in sorted(wanted[pk])
                ]
            )
    return claims_off, facts_off


def _shorten(text: str, limit: int = SUMMARY_MAX) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _candidate_facts(keys: Iterable[str], day: date | None) -> dict[int, set[str]]:
    """Facts sharing at least one key with the new claims: fact id -> shared keys.

    Each key nominates the facts reported nearest the new article's ``day``, not the
    last to come in: which facts a common key ("count:fire") nominates then depends on
    the dates of the reports, not on the order they were imported in. Only facts with a
    report within ``MAX_DAYS_APART`` of the day are nominated, as matching keeps reports
    further apart as two facts: without that bound a common key reached back through
    the whole archive, and an import's cost grew with the years it held.

    The article's own claims are gone by now, so every fact found is another
    article's (claims of one article never share a fact: ``engine.grouping``).
    """
    shared: dict[int, set[str]] = defaultdict(set)
    stored = {key: key[:200] for key in keys}
    nearest = nearest_per_key(
        FactKey, "fact", stored.values(), day=day, limit=CANDIDATES_PER_KEY, within=MAX_DAYS_APART
    )
    for key, stored_key in stored.items():
        for fact_id in nearest.get(stored_key, ()):
            shared[fact_id].add(key)
    return shared


def claims_of(candidates: Iterable[int]) -> dict[int, list[ClaimFeatures]]:
    """The matching features of each fact's first few claims (``CLAIMS_PER_CANDIDATE``)."""
    by_fact: dict[int, list[ClaimFeatures]] = defaultdict(list)
    if not candidates:
        return by_fact
    # A plain QuerySet: django-stubs reads the rows of a ClaimQuerySet as claims without
    # their annotations (the sentence below).
    claims: QuerySet[Claim] = Claim.objects.all()
    # A fact's first claims only: a fact reported a thousand times costs no more. Ranked
    # on the claims' index alone, so that only the claims kept are joined to their article:
    # ranking the joined rows cut a sentence from the body of each of the 720 claims of
    # 24 candidates, for the 72 kept (24 -> 8 ms).
    first = (
        Claim.objects.filter(fact_id__in=candidates)
        .annotate(rank=Window(RowNumber(), partition_by=F("fact_id"), order_by=F("id").asc()))
        .filter(rank__lte=CLAIMS_PER_CANDIDATE)
        .values("pk")
    )
    rows = (
        claims.filter(pk__in=first)
        .order_by("fact_id", "id")
        .select_related("article")
        .only(
            *("fact_id", "text", "kind", "values", "entities", "story", "article_names"),
            "article__published",
        )
        # The sentence is cut in the database: candidate articles' bodies stay there.
        .annotate(
            sentence=Substr(
                "article__body", F("sentence_start") + 1, F("sentence_end") - F("sentence_start")
            )
        )
    )
    for claim in rows:
        by_fact[claim.fact_id].append(
            features_of(claim, context=context_for(claim.text, claim.sentence))
        )
    return by_fact


def best_match(
    features: ClaimFeatures, members: list[ClaimFeatures]
) -> tuple[tuple[bool, bool, float], Match] | None:
    """The strongest match with a fact's compared claims, if any matches."""
    best: tuple[tuple[bool, bool, float], Match] | None = None
    for other in members:
        result = match(features, other)
        if not result.same_fact:
            continue
        # A fact whose figure this claim confirms is a better home than one
        # it would dispute: "320,000 riders by 2031" joins the projection,
        # not today's 120,000.
        rank = (result.agrees is not False, result.rule == "same_figure", result.score)
        if best is None or rank > best[0]:
            best = (rank, result)
    return best


def _candidate_originals(article: Article, print_: Fingerprint) -> list[Article]:
    """The articles sharing the most fingerprint keys with this one, to compare it with.

    Only an article sharing two passage or lead keys or more is compared: one key is a
    phrase two texts happen to share, and a wire credit is shared by thousands (the few
    of them a capped key would name depend on which came in first). Among those, a
    shared credit ranks a same-wire pair first; ties go to the article nearest in date,
    then by content, never by id. Below ``ARTICLES_COMPARED`` of them, which is most
    articles, the pairs compared are those two articles share, whatever the order of
    import.
    """
    strong = [key for key in print_.keys if not key.startswith("w:")]
    shared: Counter[int] = Counter()
    for other_ids in newest_per_key(
        ArticleFingerprint, "article", strong, limit=CANDIDATES_PER_KEY
    ).values():
        shared.update(other_ids)
    shared.pop(article.pk, None)
    weight = {pk: SHARED_TEXT_WEIGHT * n for pk, n in shared.items() if n >= SHARED_KEYS_NOMINATING}
    wire = [key for key in print_.keys if key.startswith("w:")]
    if wire and weight:
        for other_id in ArticleFingerprint.objects.filter(
            key__in=wire, article_id__in=list(weight)
        ).values_list("article_id", flat=True):
            weight[other_id] += 1
    ranked = sorted(
        Article.objects.filter(pk__in=list(weight)).values_list("pk", "published", "content_hash"),
        key=lambda row: (-weight[row[0]], _days_apart(article.published, row[1]), row[2], row[0]),
    )
    chosen = [pk for pk, *_ in ranked[:ARTICLES_COMPARED]]
    return list(
        Article.objects.filter(pk__in=chosen).only(
            "id", "body", "wire_credit", "published", "content_hash"
        )
    )


def _days_apart(a: date | None, b: date | None) -> int:
    """Days between two publication dates; an undated article is the farthest."""
    return abs((a - b).days) if a is not None and b is not None else 1 << 30


def _compared(other: Article, article: Article, rehearsal: _Rehearsal) -> CopyEvidence | None:
    """``compare`` of the two texts, once per import for each version of ``other``."""
    key = (other.pk, other.content_hash)
    if key not in rehearsal.compared:
        rehearsal.compared[key] = compare(
            other.body, article.body, wire_a=other.wire_credit, wire_b=article.wire_credit
        )
    return rehearsal.compared[key]


def _trace_copies(article: Article, rehearsal: _Rehearsal) -> None:
    """Record which earlier articles this one copies or rewrites (and which copy it)."""
    ArticleFingerprint.objects.filter(article=article).delete()
    ArticleRelation.objects.filter(copy=article).delete()
    ArticleRelation.objects.filter(original=article).delete()

    print_ = rehearsal.fingerprint
    candidates = _candidate_originals(article, print_)
    ArticleFingerprint.objects.bulk_create(
        [ArticleFingerprint(article=article, key=k) for k in print_.keys], ignore_conflicts=True
    )
    relations = []
    for other in candidates:
        evidence = _compared(other, article, rehearsal)
        if evidence is None:
            continue
        original, copy = _order(other, article)
        passages = [
            {
                # Offsets are kept for the original (a_*) and the copy (b_*).
                "original_start": p.a_start if original is other else p.b_start,
                "original_end": p.a_end if original is other else p.b_end,
                "copy_start": p.b_start if original is other else p.a_start,
                "copy_end": p.b_end if original is other else p.a_end,
                "text": p.text,
            }
            for p in evidence.passages
        ]
        relations.append(
            ArticleRelation(
                original=original,
                copy=copy,
                relation=evidence.relation,
                similarity=round(evidence.similarity, 4),
                containment=round(evidence.containment, 4),
                shared_lead=evidence.shared_lead,
                same_wire=evidence.same_wire,
                passages=passages,
                summary=evidence.summary,
            )
        )
    ArticleRelation.objects.bulk_create(relations)


def _order(a: Article, b: Article) -> tuple[Article, Article]:
    """The earlier article is the original: by publication date; on the same day the
    one crediting no wire ("(With inputs from ANI)" marks the copy), then the shorter
    text, which a copy extends with its additions; then by content, never by the
    order of import."""
    key_a = (a.published is None, a.published, bool(a.wire_credit), len(a.body), a.content_hash)
    key_b = (b.published is None, b.published, bool(b.wire_credit), len(b.body), b.content_hash)
    return (a, b) if key_a <= key_b else (b, a)


def _labels(articles: list[Article]) -> dict[int, str]:
    """How a reason names each article: its outlet, with the headline when the outlet
    has several articles in the fact (and the headline alone when it has no outlet)."""
    outlets = [a.outlet.name if a.outlet is not None else "" for a in articles]
    labels = {}
    for article, outlet in zip(articles, outlets, strict=True):
        headline = f"“{_shorten(article.title, 60)}”"
        if not outlet:
            labels[article.pk] = headline
        elif outlets.count(outlet) > 1:
            labels[article.pk] = f"{outlet} {headline}"
        else:
            labels[article.pk] = outlet
    return labels


def _delete_unworked_facts(fact_ids: list[int]) -> None:
    """Delete facts without claims, verdict or history, and without keys: one statement.

    ``Fact.objects.filter(...).delete()`` first reads the facts and their claims, then
    deletes their (absent) history, evidence and publications and unlinks merges, one
    statement each: seven statements per import that regroups, for rows that cannot
    exist here. Evidence, publications and merges are all written with a history row,
    so a fact with none has none of them; were one there, the foreign key would fail
    the import rather than lose it.
    """
    table = connection.ops.quote_name(Fact._meta.db_table)
    placeholders = ", ".join(["%s"] * len(fact_ids))
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE id IN ({placeholders})", fact_ids)


def refresh_suggestions(*, fact_ids: Iterable[int], article_ids: Iterable[int] = ()) -> None:
    """Recompute suggested status, reason, origin and article counts; delete facts left empty.

    Editors' verdicts are separate fields and are never written here. A fact
    left without claims is kept when an editor has worked on it, so its history
    survives; otherwise it goes. Every write that moves claims between facts ends
    here with the facts it touched, which keeps ``Fact.article_count`` right, and
    the review counts of the articles reporting them (``counts``); ``article_ids``
    are articles to recount besides, such as one whose claims were replaced.
    """
    fact_ids = set(fact_ids)
    if not fact_ids:
        refresh_article_counts(article_ids=article_ids)
        return
    claims = (
        Claim.objects.filter(fact_id__in=fact_ids)
        .select_related("article__outlet")
        .only(
            "fact_id",
            "text",
            "values",
            "kind",
            "entities",
            "story",
            "article_names",
            "article__id",
            "article__source_file",
            "article__title",
            "article__published",
            "article__content_hash",
            "article__outlet__name",
        )
        # What ``match`` reads of each claim, to tell a dispute from two facts mixed.
        .annotate(
            sentence=Substr(
                "article__body", F("sentence_start") + 1, F("sentence_end") - F("sentence_start")
            )
        )
    )
    by_fact: dict[int, list[Claim]] = defaultdict(list)
    reporting: set[int] = set()
    sentences: dict[int, str] = {}
    # (The annotation's type is lost through ``only()``.)
    for claim in cast("QuerySet[WithAnnotations[Claim, _WithSentence]]", claims):
        by_fact[claim.fact_id].append(claim)
        sentences[claim.pk] = claim.sentence
        reporting.add(claim.article_id)
    relations = list(
        ArticleRelation.objects.filter(
            original_id__in=reporting, copy_id__in=reporting
        ).values_list("original_id", "copy_id")
    )
    facts = list(Fact.objects.filter(pk__in=fact_ids))
    # Of the facts left without claims, those an editor has worked on, in one query.
    unreported = [f.pk for f in facts if f.pk not in by_fact and not f.status]
    worked_on = (
        set(FactChange.objects.filter(fact_id__in=unreported).values_list("fact_id", flat=True))
        if unreported
        else set()
    )
    empty = []
    changed = []
    for fact in facts:
        members = by_fact.get(fact.pk, [])
        if not members:
            if not fact.status and fact.pk not in worked_on:
                empty.append(fact.pk)
            elif fact.article_count:
                # Kept for its history (merged away, or its article re-read): no one
                # reports it now. Its suggestion stays as the editor last saw it.
                fact.article_count = 0
                changed.append(fact)
            continue
        # Articles are numbered by date, originals before copies, then content,
        # not import order: a copy cluster is named by its original whatever came first.
        # Copies among this fact's own articles: the facts refreshed with it differ from
        # one order of import to another.
        reporting_it = {c.article_id: c.article for c in members}
        copies = {c for o, c in relations if o in reporting_it and c in reporting_it}
        articles = sorted(
            reporting_it.values(),
            key=lambda a: (a.published is None, a.published, a.pk in copies, a.content_hash),
        )
        rank = {a.pk: i for i, a in enumerate(articles)}
        labels = _labels(articles)
        origin = origins_of(
            rank.values(),
            [(rank[o], rank[c]) for o, c in relations if o in rank and c in rank],
        )
        suggestion = suggest(
            [
                Report(
                    article_id=rank[c.article_id],
                    label=labels[c.article_id],
                    origin=origin[rank[c.article_id]],
                    values=c.values,
                    published=c.article.published,
                    features=features_of(c, context=context_for(c.text, sentences[c.pk])),
                )
                for c in members
            ]
        )
        fact.suggested_status = suggestion.status
        fact.suggested_reason = suggestion.reason
        fact.origin_count = suggestion.origins
        fact.article_count = len(articles)
        fact.conflicts = [
            {"kind": c.kind, "a": c.a, "b": c.b, "description": c.description}
            for c in suggestion.conflicts
        ]
        changed.append(fact)
    Fact.objects.bulk_update(
        changed,
        ["suggested_status", "suggested_reason", "origin_count", "article_count", "conflicts"],
    )
    # Their claims' copies of the suggestion and counts (and of a verdict written
    # meanwhile: the facts are locked by now), for the queue's order.
    refresh_queue_keys(fact_ids=[fact.pk for fact in changed if fact.article_count])
    if empty:
        FactKey.objects.filter(fact_id__in=empty).delete()
        _delete_unworked_facts(empty)
    # Last: the facts are written (so locked) by now, as a recount needs.
    refresh_article_counts(article_ids=reporting | set(article_ids))
