"""The entity names of claims, normalised and ranked for matching.

"India-Russia" and "Russia-India" are one name, a product code ("S-400") tells
stories apart better than a country, and a topic ("trade") or an institution
("the Commission") tells them apart not at all.
"""

from __future__ import annotations

import re
from functools import lru_cache

from factcheck.engine.wording import _PREFIX_RE, _WORD_MAP, _wordset


def _named_in(entity: str, text: str, *, at_start: bool = False) -> bool:
    """Is ``entity`` written as a name in ``text``: capitalised (or with a
    digit) somewhere a sentence or a quotation does not start, and not as a
    currency prefix ("US$5 billion")? With ``at_start``, a name of two words or
    more counts at a sentence's start too when its later words are capitalised:
    ``text`` is a body sentence, not a headline that capitalises every word."""
    first = re.split(r"[\s-]", entity.strip(), maxsplit=1)[0]
    if not first:
        return False
    for m in re.finditer(re.escape(first), text, flags=re.IGNORECASE):
        start, end = m.start(), m.end()
        before = text[max(0, start - 2) : start]
        if start == 0 or before.endswith(("“", '"', "‘", "(")) or before in (". ", ": "):
            # Any word is capitalised there; a second capitalised word of the same
            # name is not ("Wendleshire County Council's budget gap").
            if at_start and _capitalised_name_at(entity, text, start):
                return True
            continue
        if text[end : end + 1] == "$":
            continue
        if m.group()[:1].isupper() or any(c.isdigit() for c in entity):
            return True
    return False


def _capitalised_name_at(entity: str, text: str, start: int) -> bool:
    """Whether ``text`` at ``start`` spells ``entity`` (two words or more) with its
    later words capitalised too."""
    words = entity.split()
    if len(words) < 2:
        return False
    found = text[start : start + len(entity)]
    if found.lower() != entity.lower():
        return False
    return all(w[:1].isupper() for w in found.split()[1:] if w.lower() not in _LOWER_IN_NAMES)


# Words a name keeps in lower case ("Bank of England", "Port of Spain").
_LOWER_IN_NAMES = frozenset(("of", "de", "la", "von", "van"))


@lru_cache(maxsize=65536)
def _norm_entity(entity: str) -> str:
    e = _PREFIX_RE.sub(r"\1", entity.strip().lower().replace("–", "-"))
    parts = e.split("-")
    # "india-russia" and "russia-india" name one relationship; "s-400" keeps
    # its order because a part has digits.
    if len(parts) == 2 and all(p.isalpha() and len(p) > 2 for p in parts):
        parts = sorted(_WORD_MAP.get(p, p) for p in parts)
        return "-".join(parts)
    # Names are not stemmed ("Vargas" is not a plural); demonyms are mapped.
    return " ".join(_WORD_MAP.get(w, w) for w in e.split())


# Entities too broad to retrieve candidates alone: topics every report of an
# economy or a defence story names. Countries are broad too but are recognised
# by shape below (single alphabetic word) rather than listed.
_GENERIC_ENTITIES = _wordset(
    """
    trade defense defence economy military government minister ministry president prime
    summit visit talk meeting session commission deal agreement cooperation partnership
    relation budget election market company war security energy oil gas
    """
)


# Institutions every story has one of: "the Intergovernmental Commission",
# "the Election Commission", "the Foreign Ministry" say nothing about which
# story a claim belongs to.
_GENERIC_HEADS = _wordset(
    """
    commission ministry council parliament assembly committee party alliance coalition court
    officer chief administration cabinet media government agency department office forces
    army navy police spokesperson official officials authorities source sources
    gdp gst vat mou mous usd inr eur gbp ceo cfo fy
    """
)


def _is_specific(entity: str) -> bool:
    """A name that tells stories apart: "belousov", "s-400", "poland"."""
    last = entity.rsplit(" ", 1)[-1]
    if len(entity) <= 2 and entity not in ("us", "uk", "eu", "un"):
        return False
    return _specificity(entity) > 0 and last not in _GENERIC_ENTITIES and last not in _GENERIC_HEADS


def _specificity(entity: str) -> float:
    """Rank entities for keys: product codes and names above countries and topics."""
    if entity in _GENERIC_ENTITIES:
        return 0.0
    score = 1.0
    if any(c.isdigit() for c in entity):
        score += 2.0  # "s-400", "su-57", "g20"
    if " " in entity:
        score += 1.0  # "intergovernmental commission", "rajnath singh"
    if "-" in entity and not any(c.isdigit() for c in entity):
        score += 0.5  # "india-russia": a pair is narrower than either country
    if len(entity) <= 3:
        score -= 0.5  # "us", "eu", "uk"
    return score


def _entity_set(entities: list[str], *, synthesise: bool = True) -> set[str]:
    """Normalised entities, with a relationship and its two sides made equal.

    "india-russia" adds "india" and "russia"; with ``synthesise``, "india" and
    "russia" named separately add "india-russia" (single-word names only, at
    most three, so a long list does not explode into pairs).
    """
    out = {_norm_entity(e) for e in entities if e.strip()}
    words = sorted(e for e in out if e.isalpha() and e not in _GENERIC_ENTITIES)
    for e in list(out):
        if _is_pair(e):
            out.update(e.split("-"))
    if synthesise and 2 <= len(words) <= 3:
        for i, x in enumerate(words):
            for y in words[i + 1 :]:
                out.add(f"{x}-{y}")
    return out


def _is_pair(entity: str) -> bool:
    parts = entity.split("-")
    return len(parts) == 2 and all(p.isalpha() and len(p) > 2 for p in parts)


def _top_entities(entities: list[str], n: int, *, expand: bool = True) -> list[str]:
    """The ``n`` most specific entities, best first, ties alphabetical.

    With ``expand``, relationship pairs are added both ways (see
    ``_entity_set``); a pair made up here ranks below every named entity.
    """
    named = {_norm_entity(e) for e in entities if e.strip()}
    pool = _entity_set(entities) if expand else named
    ranked = sorted(pool, key=lambda e: (-(_specificity(e) - (0.6 if e not in named else 0)), e))
    return [e for e in ranked if _specificity(e) > 0][:n]
