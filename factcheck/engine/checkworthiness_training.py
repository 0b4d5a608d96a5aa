"""Read CheckThat! sentence files, measure a check-worthiness model, and train one.

Reading and measuring are pure Python (the ``checkworthiness`` command needs only them).
Training needs scikit-learn, a development dependency: it is imported inside
``train_model`` only, so the desk never loads it.

Training is reproducible byte for byte: features come from the scorer's own
``sentence_features``, the vocabulary and the JSON keys are sorted, the solver is
liblinear with a fixed ``random_state``, floats are rounded, and nothing records the time.
Hyper-parameters and the threshold are chosen on the development file only; the chosen
model's figures are measured by the pure-Python scorer on the written weights, so they
are the figures of the file that ships.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .checkworthiness import MODEL_FORMAT, CheckworthinessModel, sentence_features

if TYPE_CHECKING:
    # What csv.reader returns (the class is exposed only in _csv).
    from _csv import Reader

ID_COLUMN = "Sentence_id"
TEXT_COLUMN = "Text"
LABEL_COLUMN = "class_label"
LABELS = {"Yes": True, "No": False}

TRAIN_FILE = "CT24_checkworthy_english_train.tsv"
DEV_FILE = "CT24_checkworthy_english_dev.tsv"

# Searched on the development file; all L1 so the model stays small and readable.
C_GRID = (0.5, 1.0, 2.0)
CLASS_WEIGHT = "balanced"
MIN_DOCUMENT_FREQUENCY = 2
WEIGHT_DIGITS = 4
_JOINED_LABEL_RE = re.compile(r"(Yes|No)([0-9]+)")
THRESHOLDS = tuple(i / 100 for i in range(5, 96))


class SentenceFileError(ValueError):
    """A sentence file cannot be read; the message names the file and says why, in one line."""


@dataclass(frozen=True, slots=True)
class LabelledSentence:
    sentence_id: str
    text: str
    label: bool | None


@dataclass(frozen=True, slots=True)
class Figures:
    """Precision, recall and F1 of the positive (check-worthy) class."""

    precision: float
    recall: float
    f1: float
    true_positives: int
    predicted: int
    actual: int

    def line(self) -> str:
        return (
            f"precision {self.precision:.3f}  recall {self.recall:.3f}  F1 {self.f1:.3f}  "
            f"({self.true_positives} of {self.predicted} flagged sentences are labelled Yes; "
            f"{self.actual} labelled Yes)"
        )


def read_sentences(
    path: Path, *, require_labels: bool = False, repair_joined_rows: bool = False
) -> list[LabelledSentence]:
    """Rows of a CheckThat! file: a header with ``Sentence_id`` and ``Text`` and, optionally,
    ``class_label`` (Yes/No). Raises ``SentenceFileError`` on the first problem.

    ``repair_joined_rows`` splits a line that holds two rows because a line break is
    missing after the label (``...<TAB>No29286<TAB>You can't...<TAB>No``): the published
    training file has one such line. Only the training command asks for it; a file given
    to the ``checkworthiness`` command must be well formed.
    """
    try:
        with open(path, encoding="utf-8", newline="") as f:
            reader = csv.reader(f, delimiter="\t")
            try:
                return _rows(reader, path, require_labels, repair_joined_rows)
            except csv.Error as error:
                raise SentenceFileError(f"{path} line {reader.line_num}: {error}") from None
    except FileNotFoundError:
        raise SentenceFileError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise SentenceFileError(f"{path}: not UTF-8 text") from None
    except OSError as error:
        raise SentenceFileError(f"{path}: cannot read ({error.strerror})") from None


def _rows(
    reader: Reader, path: Path, require_labels: bool, repair_joined_rows: bool
) -> list[LabelledSentence]:
    header = next(reader, None)
    if header is None:
        raise SentenceFileError(f"{path}: empty file, expected a header line")
    missing = [c for c in (ID_COLUMN, TEXT_COLUMN) if c not in header]
    if require_labels and LABEL_COLUMN not in header:
        missing.append(LABEL_COLUMN)
    if missing:
        raise SentenceFileError(
            f"{path}: missing column(s) {', '.join(missing)} "
            f"(header has: {', '.join(header) or 'nothing'})"
        )
    id_at, text_at = header.index(ID_COLUMN), header.index(TEXT_COLUMN)
    label_at = header.index(LABEL_COLUMN) if LABEL_COLUMN in header else None
    rows: list[LabelledSentence] = []
    seen: set[str] = set()
    lines = _split_joined(reader, len(header), label_at) if repair_joined_rows else reader
    for row in lines:
        where = f"{path} line {reader.line_num}"
        if not row:
            continue
        if len(row) != len(header):
            raise SentenceFileError(
                f"{where}: expected {len(header)} tab-separated fields, found {len(row)}"
            )
        sentence_id = row[id_at].strip()
        if not sentence_id:
            raise SentenceFileError(f"{where}: empty {ID_COLUMN}")
        if sentence_id in seen:
            raise SentenceFileError(f"{where}: {ID_COLUMN} {sentence_id} repeated")
        seen.add(sentence_id)
        label = None
        if label_at is not None:
            value = row[label_at].strip()
            if value not in LABELS:
                raise SentenceFileError(
                    f"{where}: {LABEL_COLUMN} must be Yes or No, found {value!r}"
                )
            label = LABELS[value]
        rows.append(LabelledSentence(sentence_id, row[text_at], label))
    return rows


def _split_joined(
    reader: Iterable[list[str]], width: int, label_at: int | None
) -> Iterator[list[str]]:
    for row in reader:
        joined = _JOINED_LABEL_RE.fullmatch(row[label_at]) if label_at is not None else None
        if len(row) == 2 * width - 1 and label_at == width - 1 and joined:
            yield [*row[: width - 1], joined[1]]
            yield [joined[2], *row[width:]]
        else:
            yield row


def figures(predicted: Sequence[bool], actual: Sequence[bool]) -> Figures:
    tp = sum(1 for p, a in zip(predicted, actual, strict=True) if p and a)
    n_pred, n_act = sum(predicted), sum(actual)
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_act if n_act else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Figures(precision, recall, f1, tp, n_pred, n_act)


def best_threshold(probabilities: Sequence[float], actual: Sequence[bool]) -> tuple[float, Figures]:
    """The threshold of ``THRESHOLDS`` with the best F1; on a tie, the one nearest 0.5."""
    scored = [(t, figures([p >= t for p in probabilities], actual)) for t in THRESHOLDS]
    return max(scored, key=lambda tf: (round(tf[1].f1, 9), -abs(tf[0] - 0.5)))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def train_model(data_dir: Path, *, seed: int = 0) -> tuple[str, list[str]]:
    """Fit on ``TRAIN_FILE``, choose C and the threshold on ``DEV_FILE``; return the model's
    JSON text and a report (one line per candidate, then the chosen one).

    Example: ``text, report = train_model(Path("../shared/eval/checkworthiness"), seed=0)``
    """
    from scipy.sparse import csr_matrix
    from sklearn import __version__ as sklearn_version
    from sklearn.linear_model import LogisticRegression

    train_path, dev_path = data_dir / TRAIN_FILE, data_dir / DEV_FILE
    train = read_sentences(train_path, require_labels=True, repair_joined_rows=True)
    dev = read_sentences(dev_path, require_labels=True, repair_joined_rows=True)
    train_features = [sentence_features(s.text) for s in train]
    frequency: dict[str, int] = {}
    for features in train_features:
        for name in features:
            frequency[name] = frequency.get(name, 0) + 1
    vocabulary = sorted(n for n, c in frequency.items() if c >= MIN_DOCUMENT_FREQUENCY)
    column = {name: i for i, name in enumerate(vocabulary)}
    data, indices, indptr = [], [], [0]
    for features in train_features:
        for name in sorted(features, key=lambda n: column.get(n, -1)):
            if name in column:
                indices.append(column[name])
                data.append(features[name])
        indptr.append(len(indices))
    matrix = csr_matrix((data, indices, indptr), shape=(len(train), len(vocabulary)))
    labels = [s.label for s in train]
    dev_labels = [bool(s.label) for s in dev]

    report: list[str] = []
    candidates = []
    for c in C_GRID:
        classifier = LogisticRegression(
            # l1_ratio=1 is the L1 penalty (scikit-learn 1.8 deprecated ``penalty``).
            l1_ratio=1.0,
            C=c,
            class_weight=CLASS_WEIGHT,
            solver="liblinear",
            max_iter=1000,
            random_state=seed,
        )
        classifier.fit(matrix, labels)
        weights = {
            name: w
            for name, w in zip(
                vocabulary,
                (round(float(x), WEIGHT_DIGITS) for x in classifier.coef_[0]),
                strict=True,
            )
            if w != 0.0
        }
        intercept = round(float(classifier.intercept_[0]), WEIGHT_DIGITS)
        model = CheckworthinessModel(weights, intercept, 0.5, {})
        probabilities = [model.score(s.text).probability for s in dev]
        at_half = figures([p >= 0.5 for p in probabilities], dev_labels)
        threshold, chosen = best_threshold(probabilities, dev_labels)
        report.append(
            f"C={c}: {len(weights)} features; dev F1 {at_half.f1:.3f} at 0.50, "
            f"{chosen.f1:.3f} at {threshold:.2f}"
        )
        candidates.append((chosen.f1, -c, c, weights, intercept, threshold, chosen, at_half))

    # Best dev F1; on a tie the smaller C (the sparser model).
    _, _, c, weights, intercept, threshold, chosen, at_half = max(
        candidates, key=lambda x: (round(x[0], 9), x[1])
    )
    everything = figures([True] * len(dev), dev_labels)
    metadata = {
        "training_data": {
            "name": "CLEF CheckThat! 2024 Task 1 English (ClaimBuster)",
            "citation": (
                "Arslan, Hassan, Li and Tremayne, A Benchmark Dataset of Check-worthy Factual "
                "Claims, ICWSM 2020; CC BY 4.0"
            ),
            "train_file": TRAIN_FILE,
            "train_rows": len(train),
            "train_sha256": _digest(train_path),
            "dev_file": DEV_FILE,
            "dev_rows": len(dev),
            "dev_sha256": _digest(dev_path),
        },
        "learner": {
            "model": "logistic regression, L1 penalty",
            "solver": "liblinear",
            "scikit_learn": sklearn_version,
            "seed": seed,
            "C": c,
            "C_grid": list(C_GRID),
            "class_weight": CLASS_WEIGHT,
            "min_document_frequency": MIN_DOCUMENT_FREQUENCY,
            "vocabulary": len(vocabulary),
            "features_kept": len(weights),
        },
        "dev": {
            "threshold_chosen_on": DEV_FILE,
            "precision": round(chosen.precision, 4),
            "recall": round(chosen.recall, 4),
            "f1": round(chosen.f1, 4),
            "f1_at_0.5": round(at_half.f1, 4),
            "f1_yes_to_everything": round(everything.f1, 4),
        },
    }
    document = {
        "format": MODEL_FORMAT,
        "intercept": intercept,
        "threshold": threshold,
        "weights": weights,
        "metadata": metadata,
    }
    report.append(f"chosen C={c}, threshold {threshold:.2f}: dev {chosen.line()}")
    text = json.dumps(document, sort_keys=True, indent=1, ensure_ascii=False) + "\n"
    return text, report
