"""Score the claim engine against hand-labelled news clusters (gold.json).

A cluster folder holds several reports of one story and a ``gold.json`` (its
format is described in ``shared/eval/news-clusters/README.md``): facts with one
mention per article (a verbatim key phrase and a normalised value), the status
each fact should be suggested, copies, anonymous sourcing, and pairs of
look-alike mentions that must never share a fact.

Scoring is pure Python on a ``Snapshot`` of what the engine stored (article
bodies, claims with their fact and flags, each fact's suggestion, copy
relations), so it can be tested without a database. A mention is *found* when
a claim overlaps its key phrase in the stored body; its *group* is that
claim's fact. Figures:

* mention recall: key phrases covered by a claim;
* grouping, as pairs of mentions in different articles: precision (pairs put
  in one fact that gold puts in one fact) and recall;
* facts kept whole: facts stated by two or more independent origins whose
  found mentions all share one fact;
* statuses: a fact's suggestion is the one of the fact holding most of its
  mentions; it is right when gold accepts it;
* disputes: gold disputed facts suggested disputed, and facts suggested
  disputed that hold a gold disputed fact;
* false merges: predicted facts holding mentions of two gold facts, and
  ``must_not_group`` pairs put together;
* copies, and anonymous flags expected and not expected.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field, fields
from itertools import combinations
from pathlib import Path
from typing import Any

__all__ = [
    "ClaimRow",
    "ClusterFigures",
    "FactRow",
    "Snapshot",
    "load_gold",
    "score_cluster",
]


@dataclass(frozen=True, slots=True)
class ClaimRow:
    start: int
    end: int
    fact_id: int
    flags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class FactRow:
    status: str
    reason: str


@dataclass
class Snapshot:
    """What the engine stored, keyed by source file name."""

    bodies: dict[str, str]
    claims: dict[str, list[ClaimRow]]
    facts: dict[int, FactRow]
    # (original, copy) source files.
    relations: set[tuple[str, str]] = field(default_factory=set)


@dataclass
class FactLine:
    """One gold fact as the engine handled it."""

    fact: str
    description: str
    mentions: int
    found: int
    groups: int
    status: str
    expected: list[str]
    reason: str
    optional: bool

    @property
    def status_ok(self) -> bool:
        return self.status in self.expected


@dataclass
class ClusterFigures:
    name: str
    lines: list[FactLine] = field(default_factory=list)
    mentions: int = 0
    found: int = 0
    claims: int = 0
    claims_on_gold: int = 0
    gold_pairs: int = 0
    predicted_pairs: int = 0
    correct_pairs: int = 0
    whole_facts: int = 0
    multi_origin_facts: int = 0
    status_right: int = 0
    status_total: int = 0
    disputes_expected: int = 0
    disputes_found: int = 0
    disputed_groups: int = 0
    disputed_groups_right: int = 0
    mixed_groups: list[str] = field(default_factory=list)
    # Why each mixed group mixes (``_why_mixed``): one claim carrying several gold facts
    # (how sentences are cut into claims), grouping joining claims of different facts, or
    # both.
    mixed_by_one_claim: int = 0
    mixed_by_grouping: int = 0
    mixed_by_both: int = 0
    # The claims behind each mixed group, shown at verbosity 3.
    mixed_claims: list[str] = field(default_factory=list)
    must_not_group: int = 0
    must_not_group_broken: list[str] = field(default_factory=list)
    copies: int = 0
    copies_found: int = 0
    extra_relations: list[str] = field(default_factory=list)
    anonymous_expected: int = 0
    anonymous_flagged: int = 0
    anonymous_wrong: list[str] = field(default_factory=list)
    # Expected flags not given: the key phrase, and whether a claim covers it at all.
    anonymous_missed: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def add(self, other: ClusterFigures) -> None:
        """Add another cluster's figures to these (counts add up, lists join)."""
        for f in fields(self):
            mine, theirs = getattr(self, f.name), getattr(other, f.name)
            if isinstance(mine, int):
                setattr(self, f.name, mine + theirs)
            elif isinstance(mine, list):
                mine.extend(theirs)

    def totals(self) -> list[str]:
        def ratio(a: int, b: int) -> str:
            return f"{a / b:.2f} ({a}/{b})" if b else "n/a (0/0)"

        return [
            f"mention recall          {ratio(self.found, self.mentions)}",
            f"claims on a gold fact   {ratio(self.claims_on_gold, self.claims)}",
            f"grouping precision      {ratio(self.correct_pairs, self.predicted_pairs)}",
            f"grouping recall         {ratio(self.correct_pairs, self.gold_pairs)}",
            f"multi-origin facts whole {ratio(self.whole_facts, self.multi_origin_facts)}",
            f"status right            {ratio(self.status_right, self.status_total)}",
            f"dispute recall          {ratio(self.disputes_found, self.disputes_expected)}",
            f"dispute precision       {ratio(self.disputed_groups_right, self.disputed_groups)}",
            f"groups mixing gold facts {len(self.mixed_groups)} "
            f"({self.mixed_by_one_claim} through one claim carrying several, "
            f"{self.mixed_by_grouping} by grouping, {self.mixed_by_both} both)",
            f"must-not-group broken   {len(self.must_not_group_broken)} of {self.must_not_group}",
            f"copies found            {ratio(self.copies_found, self.copies)}",
            f"false copy relations    {len(self.extra_relations)}",
            f"anonymous flags         {ratio(self.anonymous_flagged, self.anonymous_expected)}",
            f"anonymous flagged wrongly {len(self.anonymous_wrong)}",
        ]

    def report(self, *, verbose: bool = False, claims: bool = False) -> str:
        out = [f"== {self.name}"]
        for line in self.lines:
            mark = "ok " if line.status_ok else "BAD"
            out.append(
                f"  {mark} {line.fact}: found {line.found}/{line.mentions}, "
                f"in {line.groups} group{'s' if line.groups != 1 else ''}, "
                f"suggested {line.status or '-'} (expected {'/'.join(line.expected)})"
                + ("  [optional]" if line.optional else "")
            )
            if verbose and line.reason:
                out.append(f"        {line.reason}")
        out.extend("  " + t for t in self.totals())
        if verbose:
            for title, rows in (
                ("groups mixing gold facts", self.mixed_groups),
                ("must-not-group pairs grouped", self.must_not_group_broken),
                ("false copy relations", self.extra_relations),
                ("anonymous flags wrong", self.anonymous_wrong),
                ("anonymous flags missed", self.anonymous_missed),
                ("problems", self.problems),
                ("claims in groups mixing gold facts", self.mixed_claims if claims else []),
            ):
                if rows:
                    out.append(f"  {title}:")
                    out.extend(f"    {r}" for r in rows)
        return "\n".join(out)


def load_gold(folder: Path) -> dict[str, Any]:
    gold: dict[str, Any] = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    return gold


def _claim_for(snapshot: Snapshot, file: str, phrase: str) -> ClaimRow | None:
    """The claim covering most of ``phrase`` in ``file``'s stored body."""
    body = snapshot.bodies.get(file, "")
    at = body.find(phrase)
    if at < 0:
        return None
    end = at + len(phrase)
    best, best_overlap = None, 0
    for claim in snapshot.claims.get(file, []):
        overlap = min(end, claim.end) - max(at, claim.start)
        if overlap > best_overlap:
            best, best_overlap = claim, overlap
    return best


def _why_mixed(facts: set[str], claims: list[set[str]]) -> str:
    """Why a group holds several gold facts: "one_claim" when claims that each carry
    several of them link all its facts (the sentence was cut into too few claims, which
    no grouping can undo), "grouping" when no claim carries two, else "both".

    >>> _why_mixed({"a", "b"}, [{"a", "b"}, {"a"}])
    'one_claim'
    >>> _why_mixed({"a", "b"}, [{"a"}, {"b"}])
    'grouping'
    >>> _why_mixed({"a", "b", "c"}, [{"a", "b"}, {"c"}])
    'both'
    """
    several = [c for c in claims if len(c) > 1]
    if not several:
        return "grouping"
    # The facts joined through claims carrying several, grown from any one of them.
    linked = set(several[0])
    grown = True
    while grown:
        grown = False
        for c in several:
            if c & linked and not c <= linked:
                linked |= c
                grown = True
    return "one_claim" if linked >= facts else "both"


def score_cluster(gold: dict[str, Any], snapshot: Snapshot, *, name: str = "") -> ClusterFigures:
    figures = ClusterFigures(name=name or gold.get("cluster", "cluster"))
    origin = {a["file"]: a["origin"] for a in gold["articles"]}
    files = set(origin)

    # Each mention: (fact id, file, phrase) -> predicted fact id (None when missed).
    placed: dict[tuple[str, str, str], int | None] = {}
    found_spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for fact in gold["facts"]:
        for mention in fact["mentions"]:
            file, phrase = mention["file"], mention["key_phrase"]
            body = snapshot.bodies.get(file)
            if body is None:
                figures.problems.append(f"{file}: not imported")
                placed[(fact["id"], file, phrase)] = None
                continue
            if phrase not in body:
                figures.problems.append(f"{file}: key phrase not in stored body: {phrase!r}")
            claim = _claim_for(snapshot, file, phrase)
            placed[(fact["id"], file, phrase)] = claim.fact_id if claim else None
            at = body.find(phrase)
            if at >= 0:
                found_spans[file].append((at, at + len(phrase)))

    for file in files:
        for claim in snapshot.claims.get(file, []):
            figures.claims += 1
            if any(min(e, claim.end) > max(s, claim.start) for s, e in found_spans.get(file, [])):
                figures.claims_on_gold += 1

    for fact in gold["facts"]:
        groups = [
            placed[(fact["id"], m["file"], m["key_phrase"])]
            for m in fact["mentions"]
            if placed[(fact["id"], m["file"], m["key_phrase"])] is not None
        ]
        mentions = len(fact["mentions"])
        figures.mentions += mentions
        figures.found += len(groups)
        counts = Counter(groups)
        main = counts.most_common(1)[0][0] if counts else None
        status = snapshot.facts[main].status if main is not None else ""
        reason = snapshot.facts[main].reason if main is not None else ""
        expected = fact.get("acceptable_suggestions") or [fact["expected_status"]]
        optional = bool(fact.get("optional"))
        line = FactLine(
            fact=fact["id"],
            description=fact["description"],
            mentions=mentions,
            found=len(groups),
            groups=len(counts),
            status=status,
            expected=expected,
            reason=reason,
            optional=optional,
        )
        figures.lines.append(line)
        if not (optional and not groups):
            figures.status_total += 1
            figures.status_right += line.status_ok
        origins = {origin[m["file"]] for m in fact["mentions"]}
        if len(origins) >= 2:
            figures.multi_origin_facts += 1
            if len(groups) == mentions and len(counts) == 1:
                figures.whole_facts += 1
        if fact["expected_status"] == "disputed":
            figures.disputes_expected += 1
            figures.disputes_found += status == "disputed"

    # Pairs of mentions in different articles.
    for (ka, fa), (kb, fb) in combinations(placed.items(), 2):
        if ka[1] == kb[1]:
            continue
        same_gold = ka[0] == kb[0]
        same_pred = fa is not None and fa == fb
        figures.gold_pairs += same_gold
        figures.predicted_pairs += same_pred
        figures.correct_pairs += same_gold and same_pred

    gold_of_group: dict[int, set[str]] = defaultdict(set)
    # Which claim carried each gold fact into a group, to show why groups mix.
    carriers: dict[int, set[tuple[str, str, str]]] = defaultdict(set)
    # The gold facts each claim of a group carries.
    carried: dict[int, dict[tuple[str, int, int], set[str]]] = defaultdict(lambda: defaultdict(set))
    for (fact_id, file, phrase), fid in placed.items():
        if fid is not None:
            gold_of_group[fid].add(fact_id)
            claim = _claim_for(snapshot, file, phrase)
            if claim is not None:
                text = snapshot.bodies[file][claim.start : claim.end]
                carriers[fid].add((fact_id, file, text))
                carried[fid][(file, claim.start, claim.end)].add(fact_id)
    disputed_gold = {f["id"] for f in gold["facts"] if f["expected_status"] == "disputed"}
    for fid, facts in sorted(gold_of_group.items()):
        if len(facts) > 1:
            why = _why_mixed(facts, list(carried[fid].values()))
            figures.mixed_groups.append(
                f"fact #{fid} holds {', '.join(sorted(facts))} ({why.replace('_', ' ')})"
            )
            figures.mixed_by_one_claim += why == "one_claim"
            figures.mixed_by_grouping += why == "grouping"
            figures.mixed_by_both += why == "both"
            figures.mixed_claims.extend(
                f"fact #{fid} {fact_id} {file}: {text!r}"
                for fact_id, file, text in sorted(carriers[fid])
            )
        if snapshot.facts[fid].status == "disputed":
            figures.disputed_groups += 1
            if facts & disputed_gold:
                figures.disputed_groups_right += 1
            else:
                figures.problems.append(
                    f"fact #{fid} ({', '.join(sorted(facts))}) suggested disputed: "
                    f"{snapshot.facts[fid].reason}"
                )

    for pair in gold.get("must_not_group", []):
        figures.must_not_group += 1
        a, b = pair["a"], pair["b"]
        fa = placed.get((a["fact"], a["file"], a["key_phrase"]))
        fb = placed.get((b["fact"], b["file"], b["key_phrase"]))
        if fa is not None and fa == fb:
            figures.must_not_group_broken.append(
                f"{a['file']} {a['key_phrase']!r} ~ {b['file']} {b['key_phrase']!r}"
            )

    copy_pairs = {(p["original"], p["copy"]) for p in gold.get("copy_pairs", [])}
    undirected = {frozenset(r) for r in snapshot.relations}
    figures.copies = len(copy_pairs)
    figures.copies_found = sum(frozenset(p) in undirected for p in copy_pairs)
    if gold.get("no_other_copy_relations"):
        same_origin = {
            frozenset((a, b)) for a, b in combinations(sorted(files), 2) if origin[a] == origin[b]
        }
        for a, b in sorted(snapshot.relations):
            if {a, b} <= files and frozenset((a, b)) not in same_origin:
                figures.extra_relations.append(f"{a} -> {b}")

    _score_anonymous(gold, snapshot, figures)
    return figures


def _score_anonymous(gold: dict[str, Any], snapshot: Snapshot, figures: ClusterFigures) -> None:
    def flagged(file: str, phrase: str) -> bool | None:
        claim = _claim_for(snapshot, file, phrase)
        return None if claim is None else "anonymous_source" in claim.flags

    for file, phrases in gold.get("anonymous_flag_expected", {}).items():
        for phrase in phrases:
            figures.anonymous_expected += 1
            found = flagged(file, phrase)
            if found:
                figures.anonymous_flagged += 1
            else:
                why = "no claim covers it" if found is None else "claim not flagged"
                figures.anonymous_missed.append(f"{file}: {phrase!r} ({why})")
    not_expected = gold.get("anonymous_flag_not_expected", {})
    for file in not_expected.get("articles", []):
        for claim in snapshot.claims.get(file, []):
            if "anonymous_source" in claim.flags:
                text = snapshot.bodies[file][claim.start : claim.end]
                figures.anonymous_wrong.append(f"{file}: {text[:90]!r}")
    for file, phrases in not_expected.get("on_record_claims_in_flagged_articles", {}).items():
        for phrase in phrases:
            if flagged(file, phrase):
                figures.anonymous_wrong.append(f"{file}: on the record: {phrase!r}")
