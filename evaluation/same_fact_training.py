"""Train the learned same-fact evidence (``factcheck.engine.same_fact``) on gold clusters.

Each cluster folder (format in ``shared/eval/news-clusters/README.md``) is read the way
the import reads articles: parsed, claims extracted, each article's story named. A claim
is labelled with the gold facts whose key phrase it overlaps. Every pair of claims from
two articles of one cluster is an example, positive when they
share a fact (a claim on no gold fact is a different fact from any that is; two
claims on none are left out). ``matching.match`` measures each pair (``Match.evidence``); pairs a hard
rule keeps apart are left out, since the model is never asked about them.

Training needs scikit-learn (a development dependency, imported inside ``train``).
It is reproducible byte for byte: lbfgs on the same examples in the same order gives
the same weights, rounded to four decimals in the JSON.

The default clusters are the team's own (storm, transfer, lithium); the shared
development clusters and the three written without reading the engine are kept for
measuring, so ``evaluate_engine`` on them is a test on data the model never saw.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

from factcheck.engine.extraction import extract_claims
from factcheck.engine.features import (
    ClaimFeatures,
    article_placing,
    story_entities,
)
from factcheck.engine.matching import match
from factcheck.engine.same_fact import EVIDENCE, MODEL_FORMAT, SOFT_VETOES
from sources.parsing import SUPPORTED_SUFFIXES, parse_file

from .clusters import load_gold

__all__ = ["DEFAULT_CLUSTERS", "Example", "cluster_examples", "train"]

CLUSTERS_DIR = Path(__file__).resolve().parent / "news-clusters"
DEFAULT_CLUSTERS = ("cluster-c-storm", "cluster-d-transfer", "cluster-e-lithium")
# L2 strength (scikit-learn's C) and the decision threshold: the library's defaults,
# not tuned on any cluster.
C = 1.0
THRESHOLD = 0.5


@dataclass(frozen=True, slots=True)
class Example:
    evidence: dict[str, float]
    same_fact: bool


@dataclass(frozen=True, slots=True)
class _Claim:
    file: str
    features: ClaimFeatures
    facts: frozenset[str]


def _claims(folder: Path, gold: dict[str, Any]) -> list[_Claim]:
    phrases: dict[str, list[tuple[str, str]]] = {}
    for fact in gold["facts"]:
        for mention in fact["mentions"]:
            phrases.setdefault(mention["file"], []).append((fact["id"], mention["key_phrase"]))
    claims = []
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in SUPPORTED_SUFFIXES:
            continue
        article = parse_file(path.read_bytes(), name=path.name, suffix=path.suffix)
        extracted = extract_claims(article.body, published=article.published, seconds=None)
        story = story_entities(extracted)
        names = article_placing(article.body, article.title, extracted)
        for found in extracted:
            facts = set()
            for fact_id, phrase in phrases.get(path.name, []):
                at = article.body.find(phrase)
                if at >= 0 and min(at + len(phrase), found.end) > max(at, found.start):
                    facts.add(fact_id)
            features = ClaimFeatures.from_extracted(
                found,
                article.body,
                story=story,
                published=article.published,
                article_names=names,
            )
            claims.append(_Claim(path.name, features, frozenset(facts)))
    return claims


def cluster_examples(folder: Path) -> Iterator[Example]:
    """The labelled pairs of one cluster that the model may be asked about."""
    claims = _claims(folder, load_gold(folder))
    for x, y in combinations(claims, 2):
        # A pair of two claims gold says nothing about (noise, background) teaches
        # nothing reliable: either may restate an unlabelled fact of the other.
        if x.file == y.file or not (x.facts or y.facts):
            continue
        # The evidence, not the decision: training never reads the model it replaces.
        found = match(x.features, y.features, learned=False)
        if not set(found.vetoes) <= SOFT_VETOES:
            continue
        yield Example(found.evidence, bool(x.facts & y.facts))


def _digest(folders: Sequence[Path]) -> str:
    sha = hashlib.sha256()
    for folder in folders:
        for path in sorted(folder.iterdir()):
            if path.is_file():
                sha.update(f"{folder.name}/{path.name}\n".encode())
                sha.update(path.read_bytes())
    return sha.hexdigest()


def train(folders: Sequence[Path], *, seed: int = 0) -> dict[str, Any]:
    """Fit the model on the clusters in ``folders``; the JSON document to write."""
    import sklearn  # noqa: PLC0415 - development dependency, only for training
    from sklearn.linear_model import LogisticRegression  # noqa: PLC0415

    names = list(EVIDENCE)
    examples = [e for folder in folders for e in cluster_examples(folder)]
    if not examples or len({e.same_fact for e in examples}) < 2:
        raise ValueError("training needs pairs of the same fact and of different facts")
    rows = [[e.evidence.get(name, 0.0) for name in names] for e in examples]
    labels = [e.same_fact for e in examples]
    learner = LogisticRegression(C=C, max_iter=5000, random_state=seed)
    learner.fit(rows, labels)
    weights = {name: round(float(w), 4) for name, w in zip(names, learner.coef_[0], strict=True)}
    return {
        "format": MODEL_FORMAT,
        "intercept": round(float(learner.intercept_[0]), 4),
        "threshold": THRESHOLD,
        "weights": weights,
        "metadata": {
            "learner": {
                "model": "logistic regression, L2 penalty",
                "C": C,
                "solver": "lbfgs",
                "seed": seed,
                "scikit_learn": sklearn.__version__,
                "threshold": "0.5, the learner's own decision boundary (not tuned)",
            },
            "training_data": {
                "clusters": [folder.name for folder in folders],
                "sha256": _digest(folders),
                "pairs": len(examples),
                "same_fact_pairs": sum(labels),
            },
        },
    }


def write_model(document: dict[str, Any], path: Path) -> None:
    path.write_text(json.dumps(document, indent=1, sort_keys=True) + "\n", encoding="utf-8")
