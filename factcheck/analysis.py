"""Run the claim engine on an article and store what it finds.

The engine (``factcheck/engine``) is pure Python; this module feeds it from the
database and writes its results: claims, their facts, copy relations between
articles and each touched fact's suggested status. Candidate facts and
candidate originals come from inverted indexes (``FactKey``,
``ArticleFingerprint``), each key capped, so the cost of importing one article
does not grow with the size of the corpus.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.db.models import F, Window
from django.db.models.functions import RowNumber, Substr

from factcheck.engine.extraction import extract_claims
from factcheck.engine.matching import (
    ClaimFeatures,
    Match,
    context_for,
    index_keys,
    match,
    story_entities,
)
from factcheck.engine.provenance import compare, fingerprint
from factcheck.engine.suggestion import Report, origins_of, states_change, suggest
from factcheck.indexes import newest_per_key
from factcheck.models import ArticleFingerprint, ArticleRelation, Claim, Fact, FactKey
from sources.models import Article

# How many of the newest facts (or articles) one key may nominate as candidates.
CANDIDATES_PER_KEY = 40
# Of those, how many facts one claim is compared with, and how many articles
# one article is compared with: the ones sharing the most keys. Without this
# bound the union over all keys grows with the corpus until every key is full.
FACTS_PER_CLAIM = 12
ARTICLES_COMPARED = 12
# How many claims of a candidate fact a new claim is compared with.
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
    )


@transaction.atomic
def analyse_article(*, article: Article) -> list[Claim]:
    """Extract the article's claims, group them into facts, trace copies, suggest statuses.

    Safe to run again on the same article: previous claims are replaced, claims
    whose text is unchanged keep their fact, and editors' verdicts are untouched.

    >>> analyse_article(article=Article.objects.get(source_file="002.txt"))
    """
    previous = {(c.text, c.kind): c.fact_id for c in article.claims.all()}
    touched: set[int] = set(previous.values())
    article.claims.all().delete()

    _trace_copies(article)

    extracted = extract_claims(
        article.body, published=article.published, seconds=settings.ENGINE_SECONDS_PER_ARTICLE
    )
    story = story_entities(extracted)
    features_by_claim = [
        ClaimFeatures.from_extracted(c, article.body, story=story, published=article.published)
        for c in extracted
    ]
    keys_by_claim = [index_keys(f) for f in features_by_claim]
    candidates = _candidate_facts(
        set().union(*keys_by_claim) if keys_by_claim else set(), exclude_article=article
    )
    shortlists = [_shortlist(keys, candidates) for keys in keys_by_claim]
    candidate_claims = claims_of(set().union(*shortlists) if shortlists else set())

    homes = _assign(
        [previous.get((found.text, found.kind.value)) for found in extracted],
        features_by_claim,
        shortlists,
        candidate_claims,
    )
    # A claim no fact takes starts its own: all created in one statement, in text order.
    new_facts = iter(
        Fact.objects.bulk_create(
            [
                Fact(summary=_shorten(found.text))
                for found, (fact_id, _, _) in zip(extracted, homes, strict=True)
                if fact_id is None
            ]
        )
    )
    fact_ids = [fact_id or next(new_facts).pk for fact_id, _, _ in homes]
    touched.update(fact_ids)
    FactKey.objects.bulk_create(
        [
            FactKey(fact_id=fact_id, key=k[:200])
            for fact_id, keys in zip(fact_ids, keys_by_claim, strict=True)
            for k in keys
        ],
        ignore_conflicts=True,
    )
    stored: list[Claim] = []
    for found, fact_id, (_, score, reasons) in zip(extracted, fact_ids, homes, strict=True):
        stored.append(
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
                flags=found.flags,
                match_score=score,
                match_reasons=reasons,
            )
        )
    Claim.objects.bulk_create(stored)
    refresh_suggestions(fact_ids=touched)
    return stored


def _shorten(text: str, limit: int = SUMMARY_MAX) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _candidate_facts(keys: Iterable[str], *, exclude_article: Article) -> dict[int, set[str]]:
    """Facts sharing at least one key with the new claims: fact id -> shared keys."""
    shared: dict[int, set[str]] = defaultdict(set)
    stored = {key: key[:200] for key in keys}
    newest = newest_per_key(FactKey, "fact", stored.values(), limit=CANDIDATES_PER_KEY)
    for key, stored_key in stored.items():
        for fact_id in newest.get(stored_key, ()):
            shared[fact_id].add(key)
    if shared:
        # Claims of one article never corroborate each other.
        own = set(
            Claim.objects.filter(article=exclude_article, fact_id__in=shared).values_list(
                "fact_id", flat=True
            )
        )
        for fact_id in own:
            shared.pop(fact_id, None)
    return shared


def _shortlist(keys: set[str], candidates: dict[int, set[str]]) -> list[int]:
    """The candidate facts sharing the most keys with one claim, newest first on ties."""
    shared = {fact_id: len(fact_keys & keys) for fact_id, fact_keys in candidates.items()}
    ranked = sorted((f for f, n in shared.items() if n), key=lambda f: (-shared[f], -f))
    return ranked[:FACTS_PER_CLAIM]


def claims_of(candidates: Iterable[int]) -> dict[int, list[ClaimFeatures]]:
    """The matching features of each fact's first few claims (``CLAIMS_PER_CANDIDATE``)."""
    by_fact: dict[int, list[ClaimFeatures]] = defaultdict(list)
    if not candidates:
        return by_fact
    rows = (
        Claim.objects.filter(fact_id__in=candidates)
        # A fact's first claims only: a fact reported a thousand times costs no more.
        .annotate(rank=Window(RowNumber(), partition_by=F("fact_id"), order_by=F("id").asc()))
        .filter(rank__lte=CLAIMS_PER_CANDIDATE)
        .order_by("fact_id", "id")
        .select_related("article")
        .only("fact_id", "text", "kind", "values", "entities", "story", "article__published")
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


def _assign(
    kept: list[int | None],
    features: list[ClaimFeatures],
    shortlists: list[list[int]],
    candidate_claims: dict[int, list[ClaimFeatures]],
) -> list[tuple[int | None, float | None, list[str]]]:
    """Each new claim's fact: (fact id or None for a new fact, match score, reasons).

    Claims of one article never share a fact; they are placed in the order of
    the text, the lead first. A claim re-analysed with unchanged text keeps
    its fact.
    """
    homes: list[tuple[int | None, float | None, list[str]]] = []
    taken: set[int] = set()
    for fact_id, claim, shortlist in zip(kept, features, shortlists, strict=True):
        if fact_id is not None and fact_id not in taken:
            homes.append((fact_id, None, []))
            taken.add(fact_id)
            continue
        best: tuple[tuple[bool, bool, float], int, Match] | None = None
        for candidate in shortlist:
            if candidate in taken:
                continue
            found = best_match(claim, candidate_claims.get(candidate, []))
            if found is not None and (best is None or found[0] > best[0]):
                best = (found[0], candidate, found[1])
        if best is None:
            homes.append((None, None, []))
            continue
        _, fact_id, result = best
        homes.append((fact_id, round(result.score, 3), list(result.reasons)))
        taken.add(fact_id)
    return homes


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


def _trace_copies(article: Article) -> None:
    """Record which earlier articles this one copies or rewrites (and which copy it)."""
    ArticleFingerprint.objects.filter(article=article).delete()
    ArticleRelation.objects.filter(copy=article).delete()
    ArticleRelation.objects.filter(original=article).delete()

    print_ = fingerprint(article.body, wire_credit=article.wire_credit)
    shared: dict[int, int] = defaultdict(int)
    newest = newest_per_key(ArticleFingerprint, "article", print_.keys, limit=CANDIDATES_PER_KEY)
    for key, other_ids in newest.items():
        # A shared passage or lead counts for more than a shared wire credit.
        weight = 1 if key.startswith("w:") else 10
        for other_id in other_ids:
            shared[other_id] += weight
    shared.pop(article.pk, None)
    candidates = sorted(shared, key=lambda a: (-shared[a], -a))[:ARTICLES_COMPARED]
    ArticleFingerprint.objects.bulk_create(
        [ArticleFingerprint(article=article, key=k) for k in print_.keys], ignore_conflicts=True
    )
    relations = []
    for other in Article.objects.filter(pk__in=candidates).only(
        "id", "body", "wire_credit", "published", "content_hash"
    ):
        evidence = compare(
            other.body, article.body, wire_a=other.wire_credit, wire_b=article.wire_credit
        )
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
    outlets = [a.outlet.name if a.outlet_id else "" for a in articles]
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


def refresh_suggestions(*, fact_ids: Iterable[int]) -> None:
    """Recompute suggested status, reason and origin count; delete facts left empty.

    Editors' verdicts are separate fields and are never written here. A fact
    left without claims is kept when an editor has worked on it, so its history
    survives; otherwise it goes.
    """
    fact_ids = set(fact_ids)
    if not fact_ids:
        return
    claims = (
        Claim.objects.filter(fact_id__in=fact_ids)
        .select_related("article__outlet")
        .only(
            "fact_id",
            "text",
            "values",
            "article__id",
            "article__source_file",
            "article__title",
            "article__published",
            "article__content_hash",
            "article__outlet__name",
        )
    )
    by_fact: dict[int, list[Claim]] = defaultdict(list)
    article_ids: set[int] = set()
    for claim in claims:
        by_fact[claim.fact_id].append(claim)
        article_ids.add(claim.article_id)
    relations = list(
        ArticleRelation.objects.filter(
            original_id__in=article_ids, copy_id__in=article_ids
        ).values_list("original_id", "copy_id")
    )
    copies = {copy for _, copy in relations}
    facts = Fact.objects.filter(pk__in=fact_ids)
    empty = []
    changed = []
    for fact in facts:
        members = by_fact.get(fact.pk, [])
        if not members:
            if not fact.status and not fact.changes.exists():
                empty.append(fact.pk)
            continue
        # Articles are numbered by date, originals before copies, then content,
        # not import order: a copy cluster is named by its original whatever came first.
        articles = sorted(
            {c.article_id: c.article for c in members}.values(),
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
                    changing=states_change(c.text),
                )
                for c in members
            ]
        )
        fact.suggested_status = suggestion.status
        fact.suggested_reason = suggestion.reason
        fact.origin_count = suggestion.origins
        fact.conflicts = [
            {"kind": c.kind, "a": c.a, "b": c.b, "description": c.description}
            for c in suggestion.conflicts
        ]
        changed.append(fact)
    Fact.objects.bulk_update(
        changed, ["suggested_status", "suggested_reason", "origin_count", "conflicts"]
    )
    if empty:
        FactKey.objects.filter(fact_id__in=empty).delete()
        Fact.objects.filter(pk__in=empty).delete()
