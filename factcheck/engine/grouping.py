"""Group claims into facts as a function of the claims, not of their arrival.

Claims are linked when they share an index key (``keys.index_keys``), come
from different articles and ``match`` says they state one fact. The linked
claims form components; a component is grouped by one deterministic pass over the
articles in a canonical order (the caller's ``order``: earliest report first,
originals before copies, then content). Each article's claims join the facts
whose first claims they match best, the best matches first (a claim that
confirms a fact's figure before one that disputes it), one claim per article
in a fact; a claim that joins none starts a fact of its own. Matches are
always scored later claim against earlier one, in that canonical order.

Because a claim only ever joins a fact it is linked to, grouping a union of
components gives the same facts as grouping each alone, so the store may
regroup any set of whole components: the facts come out the same whatever the
order the articles came in. Facts an editor has worked on are ``fixed``: their
claims stay, and only the claims of the article being analysed may join them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field

from .decisions import decide
from .features import ClaimFeatures
from .matching import Match, too_far_apart

# How many of a fact's first claims (in the canonical order) a claim is
# compared with to choose its fact: the first reports say what the fact is, so
# a chain of ever looser matches cannot drag a fact away from them. Four rather
# than three: on the fresh clusters q-t, 5 more right pairs and 1 more wrong, two
# more statuses right and two fewer false disputes; on the development ones 3 more
# of each (evaluate_engine --together, 2 December 2026).
REPRESENTATIVES = 4

__all__ = ["Member", "Placed", "REPRESENTATIVES", "group_claims"]


@dataclass(frozen=True, slots=True)
class Member:
    """One claim to group.

    ``order`` sorts claims canonically (never by database id or arrival);
    ``article`` keeps two claims of one article apart; ``fixed`` is the editor's
    fact the claim stays in, and ``may_join_fixed`` lets a claim that is new
    join such a fact.
    """

    order: tuple[object, ...]
    article: Hashable
    features: ClaimFeatures
    keys: frozenset[str]
    fixed: int | None = None
    may_join_fixed: bool = False


@dataclass
class Placed:
    """One fact as grouped: its members' indexes (canonical order) and how each joined."""

    members: list[int]
    fixed: int | None = None
    # Member index -> the match that placed it (absent for the fact's first claim).
    matches: dict[int, Match] = field(default_factory=dict)


# How much better a home a fact whose figure a claim confirms is than one it would
# dispute, in match score: "320,000 riders by 2031" joins the projection, not today's
# 120,000, but "Turnout was about 38 per cent" joins "Turnout was 41.2 per cent", a
# dispute, before "up from 39.8 per cent", a figure of another year it happens to round to.
AGREEMENT_BONUS = 0.1


def _rank(result: Match) -> tuple[bool, float]:
    agrees = AGREEMENT_BONUS if result.agrees is not False else 0.0
    return (result.rule == "same_figure", result.score + agrees)


# What ``match`` decides for two reports further apart than ``MAX_DAYS_APART``.
_FAR_APART = Match(
    score=0.0,
    same_fact=False,
    reasons=["reported too far apart"],
    veto="far_in_time",
    vetoes=("far_in_time",),
)


class _Matches:
    """Pairwise decisions, each scored once, later claim against earlier.

    Pairs reported too far apart to be one fact are not scored: in a long story's
    component they are many (a fact of its spring shares keys with one of its autumn),
    and grouping reads only whether a pair is one fact.
    """

    def __init__(self, members: Sequence[Member]) -> None:
        self.members = members
        self.cache: dict[tuple[int, int], Match] = {}

    def __call__(self, i: int, j: int) -> Match:
        a, b = (i, j) if self.members[i].order > self.members[j].order else (j, i)
        found = self.cache.get((a, b))
        if found is None:
            x, y = self.members[a].features, self.members[b].features
            found = self.cache[(a, b)] = _FAR_APART if too_far_apart(x, y) else decide(x, y)
        return found


def _sharing(members: Sequence[Member]) -> dict[int, set[int]]:
    """Each claim's claims of other articles sharing a key with it: the pairs a link may join."""
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(members):
        for key in m.keys:
            by_key[key].append(i)
    sharing: dict[int, set[int]] = defaultdict(set)
    for indexes in by_key.values():
        for i in indexes:
            sharing[i].update(j for j in indexes if members[j].article != members[i].article)
    return sharing


def _articles(members: Sequence[Member], ordered: list[int]) -> list[list[int]]:
    """Consecutive claims of one article, as batches."""
    batches: list[list[int]] = []
    for i in ordered:
        if batches and members[batches[-1][-1]].article == members[i].article:
            batches[-1].append(i)
        else:
            batches.append([i])
    return batches


def _homes(
    i: int,
    members: Sequence[Member],
    sharing: dict[int, set[int]],
    fact_of: dict[int, int],
    facts: list[Placed],
    matches: _Matches,
) -> list[tuple[int, Match]]:
    """The facts claim ``i`` may join, each with its best match among the fact's first claims.

    Only facts it is linked to (a claim of theirs shares a key with it and
    matches it): a fact is never reached across components, which is what makes
    regrouping a component safe. Links are checked only for facts it matches.
    """
    me = members[i]
    near = sharing.get(i, set())
    homes = []
    for n in sorted({fact_of[j] for j in near if j in fact_of}):
        fact = facts[n]
        if any(members[j].article == me.article for j in fact.members):
            continue
        if fact.fixed is not None and not me.may_join_fixed:
            continue
        best: Match | None = None
        for j in fact.members[:REPRESENTATIVES]:
            result = matches(i, j)
            if result.same_fact and (best is None or _rank(result) > _rank(best)):
                best = result
        if best is not None and any(j in near and matches(i, j).same_fact for j in fact.members):
            homes.append((n, best))
    return homes


def group_claims(
    members: Sequence[Member], kept: Mapping[int, Hashable] | None = None
) -> list[Placed]:
    """Group ``members`` into facts; the result depends on the set, not its order.

    ``kept`` (member index -> its current fact) says which claims are already
    grouped as this pass would group them: the claims of every article before
    the first new one in the canonical order, which nothing after them can
    change. They keep their facts and are not placed again, so a report that
    arrives in order costs only its own claims' placing.

    Each member is ``Member(order, article, features, index keys)``; see
    ``factcheck.analysis`` for how the import builds them.
    """
    matches = _Matches(members)
    sharing = _sharing(members)
    order = sorted(range(len(members)), key=lambda i: members[i].order)
    facts: list[Placed] = []
    fact_of: dict[int, int] = {}

    fixed: dict[int, int] = {}
    for i in order:
        pk = members[i].fixed
        if pk is None:
            continue
        if pk not in fixed:
            fixed[pk] = len(facts)
            facts.append(Placed(members=[], fixed=pk))
        n = fixed[pk]
        facts[n].members.append(i)
        fact_of[i] = n

    # Facts made in the pass come in the canonical order of their first claim.
    before: dict[Hashable, int] = {}
    for i in order:
        if i in fact_of or kept is None or i not in kept:
            continue
        if kept[i] not in before:
            before[kept[i]] = len(facts)
            facts.append(Placed(members=[]))
        n = before[kept[i]]
        facts[n].members.append(i)
        fact_of[i] = n

    # One article at a time (its claims are together in the canonical order).
    # Its claims are placed best match first, not in the order of its text: the
    # claim that confirms a fact's figure takes that fact before a claim of the
    # same article that would dispute it ("approved at €412 million" before
    # "an earlier estimate put it at €380 million").
    for batch in _articles(members, [i for i in order if i not in fact_of]):
        options: list[tuple[tuple[bool, float], int, int, Match]] = []
        for i in batch:
            for n, result in _homes(i, members, sharing, fact_of, facts, matches):
                options.append((_rank(result), i, n, result))
        # Best rank first; ties to the earlier claim, then the earlier fact.
        options.sort(key=lambda o: (tuple(-x for x in o[0]), members[o[1]].order, o[2]))
        taken: set[int] = set()
        for _, i, n, result in options:
            if i in fact_of or n in taken:
                continue
            facts[n].members.append(i)
            facts[n].matches[i] = result
            fact_of[i] = n
            taken.add(n)
        for i in batch:
            if i not in fact_of:
                fact_of[i] = len(facts)
                facts.append(Placed(members=[i]))
    return facts
