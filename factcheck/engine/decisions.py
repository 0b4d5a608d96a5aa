"""The decisions of ``match``, remembered across imports by what the two claims say.

Every import groups again the stored claims its new ones are linked to, so the same
stored pairs are decided again at each import of their story: on 300 generated articles,
the regrouping asked ``match`` about 430 pairs per import, nearly all decided before, and
that was a fifth of the engine's time, all of it inside the lock that serialises imports.

``match`` is a function of the two claims' features (and of the learned model, fixed for
the process), so a decision is remembered by the features' content: never by a database
id, which a rolled-back transaction hands out again, and never by the objects, which each
import builds anew from rows. A remembered decision is the one ``match`` would return, so
grouping and its independence from the order of import are unchanged.
"""

from __future__ import annotations

import json

from .features import ClaimFeatures, PerClaim
from .matching import Match, match

__all__ = ["decide"]

# Pairs remembered (a decision is a few hundred bytes): some fifty imports' regrouping.
REMEMBERED = 32768

type _Content = tuple[str, str, str, tuple[str, ...], str, tuple[str, ...], tuple[str, ...], str]

_DECIDED: dict[tuple[_Content, _Content], Match] = {}


def _derive_content(f: ClaimFeatures) -> _Content:
    # Values in one spelling whatever the database did to their keys' order.
    values = json.dumps(f.values, sort_keys=True, default=str)
    return (
        f.text,
        f.kind,
        f.context,
        f.story,
        f.published,
        f.article_names,
        tuple(f.entities),
        values,
    )


# Each claim's content, computed once per features object.
_content = PerClaim(_derive_content, size=REMEMBERED)


def decide(a: ClaimFeatures, b: ClaimFeatures) -> Match:
    """``match(a, b)``, remembered: the same answer, computed once per pair of contents.

    >>> said = ClaimFeatures("1,240 ships", "quantity", [], [], "1,240 ships called in March")
    >>> decide(said, said) == match(said, said)
    True
    """
    key = (_content(a), _content(b))
    found = _DECIDED.get(key)
    if found is None:
        if len(_DECIDED) >= REMEMBERED:
            _DECIDED.clear()
        found = _DECIDED[key] = match(a, b)
    return found
