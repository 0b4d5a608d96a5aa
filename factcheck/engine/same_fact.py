"""Learned evidence that two claims state one fact, for pairs the rules leave apart.

``matching.match`` decides most pairs by rules that name what matched ("similar
wording", "the same figure") and what kept two claims apart. Between those rules lies a
band of pairs where no single cue is strong enough but several weak ones agree: the
same round figure with a shared word beside it, a paraphrase of a quotation by the same
speaker, two outlets that name a story by different places. There a logistic regression
over the match's own measurements (``EVIDENCE``: wording, names, figures, subjects,
dates, kinds, quotations, and the soft rules that fired) weighs them together. It is
trained by ``manage.py train_same_fact`` on the team's own hand-labelled clusters
(``evaluation/news-clusters``: storm, transfer, lithium) and measured on the others
(the shared development clusters and those written without reading the engine).
The fitted weights ship as JSON in ``models/same_fact.json``; this module only reads
them, so deciding is pure Python.

Explainable by construction: the probability is ``sigmoid(intercept + sum(weight *
value))``, and ``Weighing.contributions`` lists each measurement's share, which the
match's reasons show ("wording 52% alike +2.6").

It never overrides a hard rule (different quotations, periods, ordinals, qualifiers,
figures far apart, dates of different things): only the soft ones in ``SOFT_VETOES``,
which say that a cue is missing rather than that the claims contradict each other.

    >>> model = load_model()
    >>> weak = model.weigh({"wording": 0.3})
    >>> strong = model.weigh({"wording": 0.9, "figures_equal": 1.0, "has_figures": 1.0})
    >>> weak.probability < strong.probability
    True
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

__all__ = [
    "EVIDENCE",
    "MODEL_FORMAT",
    "MODEL_PATH",
    "SOFT_VETOES",
    "SameFactModel",
    "Weighing",
    "load_model",
]

MODEL_PATH = Path(__file__).resolve().parent / "models" / "same_fact.json"
MODEL_FORMAT = "same-fact-linear/1"

# Each measurement the model weighs, with the words an editor reads in a reason.
# All are in [0, 1]; ``matching.match`` computes them (``Match.evidence``).
EVIDENCE: dict[str, str] = {
    "wording": "wording alike",
    "entities": "names in common",
    "own_names": "names both claims state",
    "has_figures": "figures of one kind and unit",
    "figures_agree": "figures that agree",
    "figures_equal": "the same amount",
    "figure_specific": "an exact, uncommon figure",
    "subject_overlap": "what the figures measure overlaps",
    "subject_words": "words shared beside the figures",
    "dates_only": "only dates",
    "dates_overlap": "dates that overlap",
    "date_subject": "words shared beside the dates",
    "same_kind": "the same kind of claim",
    "same_kind_group": "the same group of kinds",
    "both_speech": "both report speech",
    "quotation": "the same quotation",
    "paraphrase": "a paraphrase of the quotation",
    "one_figure": "only one gives a figure",
    "different_kinds": "no values of one kind",
}

# Rules that say a cue is missing, not that the claims disagree: the learned evidence
# may outweigh them. Every other veto keeps two claims apart whatever the evidence;
# "different stories" among them, because every training cluster is one story, so the
# model never saw two stories and cannot weigh them.
SOFT_VETOES = frozenset({"one_figure", "different_kinds"})

# How many contributions a reason names.
TOP_CONTRIBUTIONS = 3


@dataclass(frozen=True, slots=True)
class Weighing:
    """The model's probability for one pair and each measurement's share of the logit."""

    probability: float
    same_fact: bool
    # (evidence name, weight * value), largest share first; zero shares left out.
    contributions: list[tuple[str, float]]

    def explain(self, n: int = TOP_CONTRIBUTIONS) -> str:
        """The strongest shares in words: "wording alike +2.6, the same amount +1.9"."""
        shown = [c for c in self.contributions if c[1] > 0][:n]
        return ", ".join(f"{EVIDENCE.get(name, name)} {share:+.1f}" for name, share in shown)


@dataclass(frozen=True, slots=True)
class SameFactModel:
    weights: dict[str, float]
    intercept: float
    threshold: float

    def weigh(self, evidence: Mapping[str, float]) -> Weighing:
        shares = [
            (name, weight * float(evidence.get(name, 0.0)))
            for name, weight in self.weights.items()
            if evidence.get(name)
        ]
        logit = self.intercept + sum(share for _, share in shares)
        probability = 1.0 / (1.0 + math.exp(-logit))
        shares.sort(key=lambda s: (-s[1], s[0]))
        return Weighing(
            probability=probability,
            same_fact=probability >= self.threshold,
            contributions=shares,
        )


@cache
def load_model(path: Path = MODEL_PATH) -> SameFactModel:
    """The model at ``path``, read once per process."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("format") != MODEL_FORMAT:
        raise ValueError(f"{path}: not a {MODEL_FORMAT} model (format {data.get('format')!r})")
    unknown = set(data["weights"]) - set(EVIDENCE)
    if unknown:
        raise ValueError(f"{path}: weights for unknown evidence {sorted(unknown)}")
    return SameFactModel(
        weights={str(k): float(v) for k, v in data["weights"].items()},
        intercept=float(data["intercept"]),
        threshold=float(data["threshold"]),
    )
