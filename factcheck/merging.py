"""Facts that may be the same: merge suggestions an editor can trust.

A fact is suggested beside another only when the engine's own matching says their
claims are one fact (``engine.matching.match``, the decision the import makes), and
the suggestion carries that decision's reasons in words. Facts that merely share a
matching key (a name, a round number) are not offered: sharing keys is how the
candidates are found, never why they are suggested.

Such pairs exist because grouping is one pass in a fixed order (``engine.grouping``:
a claim is placed against a fact's first claims and never merges two facts), because
of an editor's split, or past the caps of candidates compared: each can leave two
facts the engine's matching would call one.
"""

from __future__ import annotations

from dataclasses import dataclass

from .analysis import best_match, claims_of
from .engine.matching import Match, match
from .models import Fact

# Facts sharing keys that are compared with the engine's matching, most keys shared first.
CANDIDATES_COMPARED = 24
SUGGESTIONS = 8


@dataclass(frozen=True, slots=True)
class MergeSuggestion:
    fact: Fact
    rule: str  # the matching rule that made them one fact
    reasons: tuple[str, ...]  # the decision in words
    agrees: bool | None  # do their figures agree (None: nothing to compare)


def merge_suggestions(fact: Fact, limit: int = SUGGESTIONS) -> list[MergeSuggestion]:
    """Facts the engine's matching calls the same as ``fact``, best match first.

    Two queries: the candidates sharing keys, and the claims compared.
    """
    candidates = list(
        Fact.objects.sharing_keys_with(fact, limit=CANDIDATES_COMPARED).only(
            "pk", "summary", "status", "suggested_status", "published_at"
        )
    )
    features = claims_of([fact.pk, *(c.pk for c in candidates)])
    own = features.get(fact.pk, [])
    ranked = []
    for candidate in candidates:
        best = None
        for claim in features.get(candidate.pk, []):
            found = best_match(claim, own)
            if found is not None and (best is None or found[0] > best[0]):
                best = found
        if best is not None:
            rank, result = best
            suggestion = MergeSuggestion(
                candidate, result.rule, tuple(result.reasons), result.agrees
            )
            ranked.append((rank, -candidate.pk, suggestion))
    ranked.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return [suggestion for _, _, suggestion in ranked[:limit]]


def compare(fact: Fact, other: Fact) -> Match | None:
    """The engine's decision on two facts: the best pair of their first claims.

    A pair that matches wins; else the closest pair, whose reasons say what kept
    them apart. ``None`` when either fact has no claim.
    """
    features = claims_of([fact.pk, other.pk])
    pairs = [match(a, b) for a in features.get(fact.pk, []) for b in features.get(other.pk, [])]
    if not pairs:
        return None
    return max(pairs, key=lambda m: (m.same_fact, m.agrees is not False, m.score))
