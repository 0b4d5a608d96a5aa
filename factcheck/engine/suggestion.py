"""A suggested status for a fact, from the articles that report it.

The desk decides; this only proposes, with a reason an editor can check:

* "disputed" when two reports of the same day give values that cannot both
  be true, and are one fact by themselves or through a third report that gives
  what one of them gives;
* "corroborated" when at least two *independent origins* report it;
* "single_source" otherwise.

Values that differ between reports of different days are an *update* (a toll
that rises, an estimate revised, a figure a court or a statistics office
changed), never a dispute: the status then follows the reports of the latest
figure, and the reason tells the figures in order. Telling a dispute across days
from an update would take reading whether the figure can move; reading it from
the later report's wording ("rose to", "revised") disputed every later report
that gave its new figure plainly ("12 people have now developed ..."), which on
the gold clusters was most of the false disputes.

Copies never corroborate: an article and its syndicated or rewritten copies are
one origin (``origins_of`` groups them), however many outlets ran them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from factcheck.engine.conflicts import Conflict, find_conflicts, same_slot
from factcheck.engine.decisions import decide
from factcheck.engine.describe import describe_value
from factcheck.engine.features import ClaimFeatures
from factcheck.engine.types import Value
from factcheck.engine.wording import _TIME_TYPES

__all__ = ["Report", "Suggestion", "origins_of", "suggest"]


@dataclass(frozen=True, slots=True)
class Report:
    """One article's report of a fact.

    ``label`` names the article in messages (source file or title); ``origin``
    is the id of its copy cluster's representative (see ``origins_of``).
    """

    article_id: int
    label: str
    origin: int
    values: list[Value]
    published: date | None = None
    # What ``match`` reads of the claim, when at hand: two reports dispute each other
    # only if they are one fact by themselves (see ``suggest``).
    features: ClaimFeatures | None = None


@dataclass(frozen=True, slots=True)
class Suggestion:
    status: str  # "corroborated" | "single_source" | "disputed"
    reason: str
    origins: int
    conflicts: list[Conflict]
    # The figure changed between reports of different days (see ``_updates``).
    updated: bool = False


def origins_of(article_ids: Iterable[int], relations: Iterable[tuple[int, int]]) -> dict[int, int]:
    """Map each article to the smallest id of its copy cluster (union-find).

    ``relations`` are (article, article) pairs found to be copies or rewrites.
    Articles only named in ``relations`` are mapped too, since they connect
    clusters: if B and C both copy A, B and C share A's origin.

    >>> origins_of([1, 2, 3, 4], [(3, 1), (4, 3)])
    {1: 1, 2: 2, 3: 1, 4: 1}
    """
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        parent.setdefault(x, x)
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:  # path compression
            parent[x], x = root, parent[x]
        return root

    for a in article_ids:
        find(a)
    for a, b in relations:
        ra, rb = find(a), find(b)
        if ra != rb:
            # The smaller id represents the cluster: stable whatever the order
            # relations arrive in.
            lo, hi = min(ra, rb), max(ra, rb)
            parent[hi] = lo
    return {x: find(x) for x in sorted(parent)}


# A reason names this many reports on a side, then counts the rest: forty outlets giving
# one figure read as "A, B, C and 37 others", and the reason stays one line in the queue
# (the fact page lists every report).
NAMES_SHOWN = 3


def _names(labels: list[str]) -> str:
    if len(labels) <= 1:
        return "".join(labels)
    if len(labels) > NAMES_SHOWN + 1:
        rest = len(labels) - NAMES_SHOWN
        return ", ".join(labels[:NAMES_SHOWN]) + f" and {rest} others"
    return ", ".join(labels[:-1]) + " and " + labels[-1]


def _dispute_reason(conflicts: list[tuple[Report, Report, Conflict]]) -> str:
    """'a.txt and b.txt say 3 of 5 squadrons; c.txt says 4 of 5 squadrons'.

    Reports are grouped by the value they give in the first disputed slot, so
    five articles against one read as a majority and a dissenter.
    """
    _, _, first = conflicts[0]
    kind = first.kind
    groups: dict[str, list[str]] = {}
    for ra, rb, c in conflicts:
        if c.kind != kind:
            continue
        for report, value in ((ra, c.a), (rb, c.b)):
            labels = groups.setdefault(describe_value(value), [])
            if report.label not in labels:
                labels.append(report.label)
    parts = [
        f"{_names(labels)} {'say' if len(labels) > 1 else 'says'} {value}"
        for value, labels in groups.items()
    ]
    others = len({c.description for _, _, c in conflicts if c.kind != kind})
    reason = "; ".join(parts)
    if others:
        reason += f" (and {others} other disagreement{'s' if others > 1 else ''})"
    return reason


def suggest(reports: list[Report]) -> Suggestion:
    """Suggest a status for a fact from its reports.

    >>> def squadrons(n):
    ...     return [{"type": "fraction", "numerator": n, "denominator": 5, "unit": "squadron"}]
    >>> a = Report(1, "a.txt", 1, squadrons(3))
    >>> b = Report(2, "b.txt", 2, squadrons(4))
    >>> suggest([a, b]).reason
    'a.txt says 3 of 5 squadrons; b.txt says 4 of 5 squadrons'
    """
    reports = sorted(reports, key=lambda r: r.article_id)
    origins = sorted({r.origin for r in reports})

    found: list[tuple[Report, Report, Conflict]] = []
    changed: list[tuple[Report, Report, Conflict]] = []
    # Whether a report gives what another gives (see ``_one_fact_through``), read once
    # per pair: a large fact of one day would otherwise read it n³ times.
    same_figure: dict[tuple[int, int], bool] = {}
    for i, ra in enumerate(reports):
        for rb in reports[i + 1 :]:
            conflicts = find_conflicts(ra.values, rb.values)
            if not conflicts:
                continue
            if _different_days(ra, rb):
                if _one_fact(ra, rb):
                    changed.extend((ra, rb, c) for c in conflicts)
            elif _one_fact(ra, rb):
                found.extend((ra, rb, c) for c in conflicts)
            elif _one_fact_through(ra, rb, reports, same_figure):
                # Tied through a third report, they dispute their figure, not the date
                # beside it (a period's end, the day of the report).
                found.extend((ra, rb, c) for c in conflicts if c.kind not in _TIME_TYPES)
    if changed and not found:
        return _updated(reports, changed)
    if found:
        unique: dict[str, Conflict] = {}
        for _, _, c in found:
            unique.setdefault(c.description, c)
        return Suggestion(
            status="disputed",
            reason=_dispute_reason(found),
            origins=len(origins),
            conflicts=list(unique.values()),
        )

    if not reports:
        return Suggestion(
            status="single_source", reason="No article reports this.", origins=0, conflicts=[]
        )

    by_origin: dict[int, list[Report]] = {}
    for r in reports:
        by_origin.setdefault(r.origin, []).append(r)
    # Name each origin by its representative article when it is among the
    # reports, else by the earliest report of that cluster.
    heads = {o: next((r for r in rs if r.article_id == o), rs[0]) for o, rs in by_origin.items()}
    copies = [
        f"{r.label} is a copy of {heads[r.origin].label}"
        for r in reports
        if r is not heads[r.origin]
    ]

    if len(origins) >= 2:
        n = len(reports)
        articles = f"{n} article{'s' if n > 1 else ''}"
        reason = f"Reported by {articles} from {len(origins)} independent origins: " + ", ".join(
            heads[o].label for o in origins
        )
        if copies:
            reason += f" ({'; '.join(copies)})"
        return Suggestion(
            status="corroborated", reason=reason + ".", origins=len(origins), conflicts=[]
        )

    head = heads[origins[0]]
    if len(reports) == 1:
        reason = f"Only one article reports this ({head.label})."
    else:
        reason = (
            f"{len(reports)} articles report this but all copy one origin ({head.label}): "
            + "; ".join(copies)
            + "."
        )
    return Suggestion(status="single_source", reason=reason, origins=1, conflicts=[])


def _one_fact(a: Report, b: Report) -> bool:
    """Whether two reports whose figures disagree state one fact by themselves.

    A fact's claims join it one by one, each matching its first claims, so two of them
    may never have been compared: "the line's 1.2 lakh riders" and "city buses' 1.8 lakh"
    each matched a claim about riders, but not each other. Their figures then disagree
    about two things, not about one; only a pair that ``match`` joins disputes. Without
    features (reports built by hand), every pair does.
    """
    if a.features is None or b.features is None:
        return True
    later, earlier = (
        (a, b)
        if (a.published or date.min, a.article_id)
        > (
            b.published or date.min,
            b.article_id,
        )
        else (b, a)
    )
    assert later.features is not None and earlier.features is not None
    return decide(later.features, earlier.features).same_fact


def _one_fact_through(
    a: Report, b: Report, reports: list[Report], same_figure: dict[tuple[int, int], bool]
) -> bool:
    """Whether a third report ties two reports of one day to one fact: it gives what
    one of them gives, and it and the other are one fact that disagree.

    "A storm surge of about 9 feet" (Monday) is one fact with Tuesday's "up to 9ft"
    and with Tuesday's "a 12-foot storm surge", which disagree with each other on one
    day though their wordings are too unlike to be compared by themselves. Only reports
    that conflict on no figure stand in for each other, so a figure about something
    else that chained into the fact ties nothing.
    """
    if a.features is None or b.features is None:
        return False
    for third in reports:
        if third is a or third is b or third.features is None:
            continue
        for same, other in ((a, b), (b, a)):
            key = (id(third), id(same))
            if key not in same_figure:
                same_figure[key] = _agree(third, same) and not find_conflicts(
                    third.values, same.values
                )
            if same_figure[key] and _one_fact(third, same) and _one_fact(third, other):
                return True
    return False


def _agree(a: Report, b: Report) -> bool:
    """Whether two reports give one figure: of one type and unit, neither a lower bound
    ("more than 80" is no evidence for 211), and not in conflict ("about 7%" and 6.8%)."""
    return any(
        x.get("type") not in _TIME_TYPES
        and x.get("bound") != "min"
        and y.get("bound") != "min"
        and same_slot(x, y)
        and not find_conflicts([x], [y])
        for x in a.values
        for y in b.values
    )


def _different_days(a: Report, b: Report) -> bool:
    """Reports of different days: a figure that differs is the later state of a figure
    that moved (a toll that rose, an estimate revised), never a dispute."""
    return a.published is not None and b.published is not None and a.published != b.published


def _updated(reports: list[Report], changed: list[tuple[Report, Report, Conflict]]) -> Suggestion:
    """The figure moved between days: the status of its latest reports, and its history.

    The latest figure is the one given by the reports of the last day, with
    every earlier report that agrees with it; the others are earlier stages.
    """
    latest_day = max(r.published for r in reports if r.published is not None)
    latest = [r for r in reports if r.published == latest_day]
    superseded = {
        id(other)
        for a, b, _ in changed
        for report, other in ((a, b), (b, a))
        if report.published == latest_day and other.published != latest_day
    }
    current = [r for r in reports if id(r) not in superseded]
    current_origins = sorted({r.origin for r in current})
    stages: dict[date, dict[str, list[str]]] = {}
    for a, b, c in changed:
        for report, value in ((a, c.a), (b, c.b)):
            if report.published is None:
                continue
            labels = stages.setdefault(report.published, {}).setdefault(describe_value(value), [])
            if report.label not in labels:
                labels.append(report.label)
    story = "; ".join(
        f"{day.isoformat()}: {value} ({_names(labels)})"
        for day, values in sorted(stages.items())
        for value, labels in values.items()
    )
    status = "corroborated" if len(current_origins) >= 2 else "single_source"
    sources = (
        f"{len(current_origins)} independent origins"
        if len(current_origins) >= 2
        else f"one origin ({_names(sorted({r.label for r in latest}))})"
    )
    return Suggestion(
        status=status,
        reason=f"Updated over time, not disputed: {story}. The latest figure rests on {sources}.",
        origins=len(current_origins),
        conflicts=[],
        updated=True,
    )
