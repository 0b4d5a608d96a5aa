"""Plain data the claim engine passes around.

The engine is pure Python: text in, these objects out. Nothing here touches the
ORM, so the service layer (``factcheck/services.py``) decides what is stored.
Values are JSON-serialisable dicts so they can be kept in a ``JSONField`` as-is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

# A normalised value found in a claim ("money", "count", "date", ...): a JSON dict whose
# keys depend on its ``type``; ``quantities/__init__.py`` documents each shape.
type Value = dict[str, Any]


class Kind(StrEnum):
    """What sort of check-worthy statement a claim is."""

    QUANTITY = "quantity"  # numbers, money, percentages, counts, ordinals
    DATE = "date"  # dates and scheduled/past events
    QUOTE = "quote"  # a direct quotation
    ATTRIBUTION = "attribution"  # "X said", "according to Y"
    ANONYMOUS = "anonymous"  # anonymous, exclusive or unverifiable sourcing
    COMPARISON = "comparison"  # comparisons and rankings ("largest", "first since")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article body; ``body[start:end] == text``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class ExtractedClaim:
    """One check-worthy fact stated in an article.

    ``body[start:end] == text`` always holds for the body it was extracted from.
    ``values`` holds normalised values (see ``quantities/__init__.py`` for their shapes),
    each with its own ``start``/``end`` into the body.
    ``entities`` are normalised keys naming what the claim is about
    (lower-case: "s-400", "belousov", "intergovernmental commission").
    ``features`` explain the score to editors: feature name -> contribution.
    ``flags`` mark things an editor must see, such as "anonymous_source".
    """

    start: int
    end: int
    text: str
    kind: Kind
    score: float
    features: dict[str, float] = field(default_factory=dict)
    values: list[Value] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    # The sentence the claim was cut from, for context and matching.
    sentence_start: int = 0
    sentence_end: int = 0
