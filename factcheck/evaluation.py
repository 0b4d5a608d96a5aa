"""Extraction and grouping quality against hand labels (tests/data/seed_labels.json).

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


def load_labels(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def evaluate(
    labels: dict,
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
