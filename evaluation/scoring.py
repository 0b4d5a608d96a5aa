"""Extraction and grouping quality against hand labels (evaluation/data/seed_labels.json).

Extraction: a labelled statement is found when a claim overlaps its quote; a
claim is correct when it overlaps some labelled statement. Grouping is scored
on pairs: two labelled statements in different articles are a predicted pair
when the claims that found them share a fact, and a true pair when the labels
put them in one group.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .corpus.types import GeneratedArticle


@dataclass(frozen=True)
class Figures:
    labelled: int
    claims: int
    found: int
    correct_claims: int
    gold_pairs: int
    predicted_pairs: int
    correct_pairs: int
    # Label ids of the pairs grouped wrongly and of the true pairs left apart.
    wrong_pairs: list[tuple[str, str]] = field(default_factory=list)
    missed_pairs: list[tuple[str, str]] = field(default_factory=list)

    @staticmethod
    def _ratio(a: int, b: int) -> float:
        return a / b if b else 1.0

    @property
    def extraction_precision(self) -> float:
        return self._ratio(self.correct_claims, self.claims)

    @property
    def extraction_recall(self) -> float:
        return self._ratio(self.found, self.labelled)

    @property
    def grouping_precision(self) -> float:
        return self._ratio(self.correct_pairs, self.predicted_pairs)

    @property
    def grouping_recall(self) -> float:
        return self._ratio(self.correct_pairs, self.gold_pairs)

    def report(self) -> str:
        return "\n".join(
            [
                f"extraction precision {self.extraction_precision:.2f} "
                f"({self.correct_claims}/{self.claims} claims overlap a labelled statement)",
                f"extraction recall    {self.extraction_recall:.2f} "
                f"({self.found}/{self.labelled} labelled statements found)",
                f"grouping precision   {self.grouping_precision:.2f} "
                f"({self.correct_pairs}/{self.predicted_pairs} predicted same-fact pairs are right)",
                f"grouping recall      {self.grouping_recall:.2f} "
                f"({self.correct_pairs}/{self.gold_pairs} labelled same-fact pairs found)",
            ]
        )


def load_labels(path: Path) -> dict[str, Any]:
    labels: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return labels


def evaluate(
    labels: dict[str, Any],
    bodies: dict[str, str],
    claims: dict[str, list[tuple[int, int, int]]],
) -> Figures:
    """Score claims against labels.

    ``bodies``: source file -> stored body; ``claims``: source file -> list of
    (start, end, fact id). Raises ValueError when a label's quote is not in its body.
    """
    spans: dict[str, tuple[str, int, int]] = {}
    for source_file, items in labels["articles"].items():
        body = bodies[source_file]
        for item in items:
            start = body.find(item["quote"])
            if start < 0:
                raise ValueError(f"{source_file}: label {item['id']} quote not found in the body")
            spans[item["id"]] = (source_file, start, start + len(item["quote"]))

    def overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
        return a0 < b1 and b0 < a1

    facts_of: dict[str, set[int]] = {}
    for label_id, (source_file, start, end) in spans.items():
        facts_of[label_id] = {
            fact for c0, c1, fact in claims.get(source_file, []) if overlaps(start, end, c0, c1)
        }
    total_claims = 0
    correct_claims = 0
    for source_file, found in claims.items():
        if source_file not in labels["articles"]:
            continue
        label_spans = [(s, e) for f, s, e in spans.values() if f == source_file]
        for c0, c1, _ in found:
            total_claims += 1
            correct_claims += any(overlaps(c0, c1, s, e) for s, e in label_spans)

    group_of = {item: n for n, group in enumerate(labels["groups"]) for item in group}
    gold = predicted = correct = 0
    wrong: list[tuple[str, str]] = []
    missed: list[tuple[str, str]] = []
    for a, b in combinations(sorted(spans), 2):
        if spans[a][0] == spans[b][0]:
            continue
        is_gold = a in group_of and group_of.get(a) == group_of.get(b)
        is_predicted = bool(facts_of[a] & facts_of[b])
        gold += is_gold
        predicted += is_predicted
        correct += is_gold and is_predicted
        if is_predicted and not is_gold:
            wrong.append((a, b))
        elif is_gold and not is_predicted:
            missed.append((a, b))
    return Figures(
        labelled=len(spans),
        claims=total_claims,
        found=sum(1 for facts in facts_of.values() if facts),
        correct_claims=correct_claims,
        gold_pairs=gold,
        predicted_pairs=predicted,
        correct_pairs=correct,
        wrong_pairs=wrong,
        missed_pairs=missed,
    )


@dataclass(frozen=True)
class CorpusFigures:
    """Copy detection and dispute suggestions on a generated corpus with known truth."""

    articles: int
    true_copies: int
    found_copies: int
    correct_copies: int
    direct_copies_found: int
    contradicting: int
    disputed_facts: int
    disputed_with_contradiction: int
    contradicting_caught: int
    # Facts whose claims come from articles of two generated events: always wrong,
    # as each event is a story of its own (None when the facts were not given).
    facts: int | None = None
    facts_joining_events: int | None = None

    def report(self) -> str:
        ratio = Figures._ratio
        return "\n".join(
            [
                f"corpus of {self.articles} generated articles",
                f"copy precision       {ratio(self.correct_copies, self.found_copies):.2f} "
                f"({self.correct_copies}/{self.found_copies} detected copy relations link "
                "articles of one origin)",
                f"copy recall          {ratio(self.direct_copies_found, self.true_copies):.2f} "
                f"({self.direct_copies_found}/{self.true_copies} real copies and rewrites "
                "linked to their source)",
                f"dispute precision    "
                f"{ratio(self.disputed_with_contradiction, self.disputed_facts):.2f} "
                f"({self.disputed_with_contradiction}/{self.disputed_facts} facts suggested "
                "disputed contain a claim of an article that states a wrong value)",
                f"dispute recall       {ratio(self.contradicting_caught, self.contradicting):.2f} "
                f"({self.contradicting_caught}/{self.contradicting} articles stating a wrong "
                "value have a claim in a fact suggested disputed)",
            ]
            + (
                [
                    f"facts joining events {self.facts_joining_events} of {self.facts} facts "
                    "hold claims of articles about two generated events"
                ]
                if self.facts is not None
                else []
            )
        )


def evaluate_corpus(
    truth: list[GeneratedArticle],
    relations: list[tuple[str, str]],
    disputed: dict[int, set[str]],
    facts: dict[int, set[str]] | None = None,
) -> CorpusFigures:
    """Score copies and disputes against the generator's truth.

    ``truth``: ``evaluation.corpus.GeneratedArticle`` items; ``relations``: detected
    (original file, copy file) pairs; ``disputed``: fact id -> the files of its
    claims, for facts the engine suggests are disputed. A copy relation counts in
    either direction (a copy and its source, dated the same day, may be ordered
    either way). Disputes are scored per article: the generator knows which
    articles state a wrong value, not which claim carries it.
    """
    true_pairs = {
        frozenset((a.name, a.copy_of)) for a in truth if a.relation != "original" and a.copy_of
    }
    found_pairs = {frozenset(pair) for pair in relations}
    # Two copies of one original are related too: they share its passages.
    root = {a.name: a.copy_of or a.name for a in truth}
    related = {pair for pair in found_pairs if len({root.get(name) for name in pair}) == 1}
    # A copy of an article stating a wrong value states it too.
    wrong = {a.name for a in truth if a.contradicted}
    event = {a.name: a.event for a in truth}
    return CorpusFigures(
        articles=len(truth),
        true_copies=len(true_pairs),
        found_copies=len(found_pairs),
        correct_copies=len(related),
        direct_copies_found=len(true_pairs & found_pairs),
        contradicting=len(wrong),
        disputed_facts=len(disputed),
        disputed_with_contradiction=sum(bool(files & wrong) for files in disputed.values()),
        contradicting_caught=len(wrong & set().union(*disputed.values()) if disputed else set()),
        facts=None if facts is None else len(facts),
        facts_joining_events=None
        if facts is None
        else sum(len({event[name] for name in files}) > 1 for files in facts.values()),
    )
