"""Learned check-worthiness: how likely a sentence is a factual claim worth checking.

A logistic regression over words, word pairs and a few dense cues ("has a number",
"names someone", "first person", "hedge" ...), trained on the CheckThat! 2024 English
sentences (ClaimBuster: U.S. presidential debates; Arslan et al., ICWSM 2020, CC BY 4.0)
by ``manage.py train_checkworthiness``. The fitted weights ship as JSON in
``models/checkworthiness.json``; this module only reads them, so scoring is pure Python
(no scikit-learn, no numpy, no Django) and the module imports in a few milliseconds.

    >>> score = score_sentence("Unemployment fell to 4 percent last year, the Labor Department said.")
    >>> score.checkworthy, round(score.probability, 2)
    (True, 1.0)
    >>> [name for name, _ in score.top_features[:2]]
    ['a percentage', 'has a number']

API: ``score_sentence(text)`` and ``score_sentences(texts)`` return ``CheckworthinessScore``
(``probability``, ``checkworthy`` = probability >= the model's threshold, ``top_features``);
``load_model(path)`` reads a model file once per process; ``sentence_features(text)`` is
the feature extraction that training shares. Nothing here reads or writes the database.

Trade-offs:
- Linear on purpose. Every score is ``intercept + sum(weight * value)`` over the
  sentence's features, so the claim panel can say *why* ("percent", "has a number")
  with ``top_features``. Fine-tuned transformers reached about 0.80 F1 on the 2024 test
  set (not shipped here, so not comparable with our dev figure of 0.91), but would need
  torch and could not explain themselves.
- L1 regularisation keeps only a couple of thousand non-zero weights: a small file,
  readable features, and no pruning step that would make the shipped model differ from
  the one that was evaluated.
- Word features are normalised by the square root of the number of distinct word
  features of the sentence, counted before any vocabulary lookup. The value of a feature
  therefore does not depend on the vocabulary, and dropping a zero weight changes nothing.
- Digits are one token (``<num>``): "50 percent" and "20 per cent" share "<num> percent",
  which matters when a model trained on debates meets news copy with other figures.
- The training data is spoken debate, not news prose: words such as "voted" or "ought"
  carry debate habits. ``bench/checkworthiness_news.py`` measures the model on the news
  clusters (report only, never tuned on): F1 0.81 there, against 0.91 on debate dev.
- The dev figures in the model's metadata are optimistic: C and the threshold were
  chosen on the same dev split (F1 at a plain 0.5 threshold is kept beside them).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

MODEL_PATH = Path(__file__).resolve().parent / "models" / "checkworthiness.json"
MODEL_FORMAT = "checkworthiness-linear/1"
TOP_FEATURES = 5

_TOKEN_RE = re.compile(r"[a-z0-9]+(?:[.,][0-9]+)*(?:'[a-z]+)?|[$%€£₹]")
_DIGIT_RE = re.compile(r"[0-9]")
# A capitalised word that does not open the sentence: a rough "names someone or something".
_NAME_RE = re.compile(r"(?<=[a-z,;:]\s)(?!I\b)[A-Z][a-z]+|\b[A-Z]{2,}\b")
_PER_CENT_RE = re.compile(r"\bper\s+cent\b")
_YEAR_RE = re.compile(r"\b(?:1[89]|20)[0-9]{2}\b")


def _words(words: str) -> frozenset[str]:
    return frozenset(words.split())


_NUMBER_WORDS = _words(
    """hundred hundreds thousand thousands million millions billion billions trillion trillions
    lakh lakhs crore crores percent dozen dozens half third quarter twice double doubled triple
    tripled"""
)
_PERCENT_WORDS = frozenset({"percent", "%", "percentage"})
_MONEY_WORDS = _words(
    """$ € £ ₹ dollar dollars rupee rupees rs euro euros pound pounds tax taxes budget deficit
    debt cost costs spending"""
)
_FIRST_PERSON = _words("i me my mine we us our ours i'm i've i'd i'll we're we've we'll")
_HEDGES = _words("think believe maybe perhaps might probably hope feel seems guess suppose")
_ATTRIBUTION = _words("said says according told reported announced stated")

# What the desk reads in the claim panel for each dense feature.
DENSE_LABELS = {
    "d:number": "has a number",
    "d:year": "names a year",
    "d:percent": "a percentage",
    "d:money": "money or public finance",
    "d:name": "names someone or something",
    "d:attribution": "attributed (said, according to)",
    "d:first_person": "first person (I, we)",
    "d:hedge": "hedge (think, maybe)",
    "d:question": "a question",
    "d:short": "short sentence",
    "d:medium": "medium-length sentence",
    "d:long": "long sentence",
}


@dataclass(frozen=True, slots=True)
class CheckworthinessScore:
    """One sentence's score.

    ``top_features`` are ``(readable name, contribution to the log-odds)`` pairs, largest
    absolute contribution first; positive ones pushed the sentence towards check-worthy.
    """

    probability: float
    checkworthy: bool
    top_features: list[tuple[str, float]]


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens; any token holding a digit becomes ``<num>``, and the
    British and Indian "per cent" reads as "percent"."""
    found = _TOKEN_RE.findall(_PER_CENT_RE.sub("percent", text.lower().replace("’", "'")))
    return ["<num>" if _DIGIT_RE.search(t) else t for t in found]


def sentence_features(text: str) -> dict[str, float]:
    """The features of one sentence, name -> value; training and scoring both use this.

    ``w:`` features are words and word pairs (``w:tax cut``), ``d:`` the dense cues of
    ``DENSE_LABELS``.
    """
    words = tokens(text)
    grams = {f"w:{w}" for w in words}
    grams.update(f"w:{a} {b}" for a, b in zip(words, words[1:], strict=False))
    features = dict.fromkeys(grams, 1.0 / math.sqrt(len(grams))) if grams else {}
    present = set(words)
    if "<num>" in present or present & _NUMBER_WORDS:
        features["d:number"] = 1.0
    if _YEAR_RE.search(text):
        features["d:year"] = 1.0
    if present & _PERCENT_WORDS:
        features["d:percent"] = 1.0
    if present & _MONEY_WORDS:
        features["d:money"] = 1.0
    if _NAME_RE.search(text):
        features["d:name"] = 1.0
    if present & _ATTRIBUTION:
        features["d:attribution"] = 1.0
    if present & _FIRST_PERSON:
        features["d:first_person"] = 1.0
    if present & _HEDGES:
        features["d:hedge"] = 1.0
    if text.rstrip().rstrip("\"'”’").endswith("?"):
        features["d:question"] = 1.0
    length = "d:short" if len(words) < 8 else "d:long" if len(words) > 30 else "d:medium"
    features[length] = 1.0
    return features


def feature_label(name: str) -> str:
    """What the desk reads for a feature: ``w:tax cut`` -> ``tax cut``."""
    if name in DENSE_LABELS:
        return DENSE_LABELS[name]
    return name.removeprefix("w:").replace("<num>", "[number]")


@dataclass(frozen=True, slots=True)
class CheckworthinessModel:
    """A fitted linear model: ``weights`` by feature name, ``intercept``, ``threshold``."""

    weights: dict[str, float]
    intercept: float
    threshold: float
    metadata: dict[str, Any]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CheckworthinessModel:
        if data.get("format") != MODEL_FORMAT:
            raise ValueError(f"not a {MODEL_FORMAT} model (format {data.get('format')!r})")
        return cls(
            weights=dict(data["weights"]),
            intercept=float(data["intercept"]),
            threshold=float(data["threshold"]),
            metadata=dict(data.get("metadata", {})),
        )

    def log_odds(self, features: dict[str, float]) -> float:
        weights = self.weights
        return self.intercept + sum(weights.get(f, 0.0) * v for f, v in features.items())

    def score(self, text: str, *, top: int = TOP_FEATURES) -> CheckworthinessScore:
        features = sentence_features(text)
        contributions = [
            (name, self.weights[name] * value)
            for name, value in features.items()
            if name in self.weights
        ]
        z = self.intercept + sum(c for _, c in contributions)
        probability = _sigmoid(z)
        # Ties broken by name so the list is the same on every run.
        contributions.sort(key=lambda nc: (-abs(nc[1]), nc[0]))
        return CheckworthinessScore(
            probability=probability,
            checkworthy=probability >= self.threshold,
            top_features=[(feature_label(n), round(c, 3)) for n, c in contributions[:top]],
        )


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


@cache
def load_model(path: Path = MODEL_PATH) -> CheckworthinessModel:
    """The model stored at ``path``, read once per process."""
    with open(path, encoding="utf-8") as f:
        return CheckworthinessModel.from_dict(json.load(f))


def score_sentence(text: str, *, model: CheckworthinessModel | None = None) -> CheckworthinessScore:
    """Score one sentence with ``model`` (default: the shipped model)."""
    return (model or load_model()).score(text)


def score_sentences(
    texts: Iterable[str], *, model: CheckworthinessModel | None = None
) -> list[CheckworthinessScore]:
    """Score many sentences with one model lookup."""
    model = model or load_model()
    return [model.score(t) for t in texts]
