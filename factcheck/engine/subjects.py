"""What a figure measures: the content words next to it in its claim, stemmed.

"approved a ₹4,250 crore extension of the line" measures {"appro", "exten",
"line"}. ``match`` compares the subjects of two claims' figures (different
figures of different things are two facts, not a dispute) and of their dates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

import snowballstemmer

from factcheck.engine.wording import _STOPWORDS, _masked_tokens, _stem, _wordset

if TYPE_CHECKING:
    from factcheck.engine.types import Value

__all__ = ["dated_clause", "subject_phrase", "subject_words"]


# Words around a figure that say how much or by whom, not what is measured.
_NOT_SUBJECT = _STOPWORDS | _wordset(
    """
    about nearly roughly around some least almost approximately just only up down
    lakh crore billion million thousand hundred trillion bn mn rs inr usd eur gbp us
    % cent percent per
    official officials minister spokesperson source sources report reported statement
    today yesterday now year years day days week weeks month months
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    monday tuesday wednesday thursday friday saturday sunday
    total all each every other another remaining new
    """
)
# What ends a clause before a time of day that dates it (see ``dated_clause``).
_CLAUSE_END_RE = re.compile(r"[;,]\s|\s(?:and|but|while|whereas)\s")
# How many content words on each side of a figure describe what it measures.
SUBJECT_WIDTH = 4


def subject_words(text: str, v: Value, story: Iterable[str] = ()) -> frozenset[str]:
    """What a figure measures, as content-word stems near it in its claim.

    "approved a ₹4,250 crore extension of the line" -> {"appro", "exten", "line"}.
    The story's own names are left out (every claim of a story about the Bhopal
    Metro names it), and so is the unit, which is compared on its own. Empty
    when the figure cannot be found in the text.
    """
    return frozenset(_subject_stem(w) for w in _subject_tokens(text, v, story))


def subject_phrase(text: str, v: Value, story: Iterable[str] = ()) -> str:
    """The words ``subject_words`` is made of, readable: "approved extension line"."""
    return " ".join(_subject_tokens(text, v, story))


def _content_stems(text: str, skip: set[str]) -> frozenset[str]:
    return frozenset(
        _subject_stem(w)
        for w in _masked_tokens(text, [])
        if w not in _NOT_SUBJECT and w not in skip and w != "#" and len(w) > 2
    )


def dated_clause(text: str, context: str) -> str:
    """What a time of day cut from its clause dates: the claim with the words before it
    in its clause.

    "The river peaked at 6.42 metres | on the gauge at 4 a.m." is cut after the figure,
    so the time's own claim lacks the verb it dates; the clause's opening ("The river
    peaked at 6.42 metres") supplies it. A comma, a semicolon or a joining "and" ends
    a clause: "began at 12:01 a.m. and | is scheduled to end at 11:59 p.m." dates the
    end alone.

    >>> dated_clause("on the gauge at 4 a.m.", "The river peaked at 6.42 metres on the gauge at 4 a.m.")
    'The river peaked at 6.42 metres on the gauge at 4 a.m.'
    >>> dated_clause("is due to end at 9 p.m.", "The vote opened at 9 a.m. and is due to end at 9 p.m.")
    'is due to end at 9 p.m.'
    """
    at = context.find(text) if text and context != text else -1
    if at <= 0:
        return text
    opening = 0
    for m in _CLAUSE_END_RE.finditer(context, 0, at):
        opening = m.end()
    return context[opening : at + len(text)].strip()


def _time_words(times: list[Value]) -> set[str]:
    return {w for t in times for w in _masked_tokens(str(t.get("text") or ""), [])}


def _subject_tokens(text: str, v: Value, story: Iterable[str]) -> list[str]:
    vt = v.get("text") or ""
    at = text.find(vt) if vt else -1
    if at < 0:
        return []
    skip = _NOT_SUBJECT | set(story) | {_stem(str(v.get("unit") or "").lower())}

    def content(piece: str) -> list[str]:
        return [
            w
            for w in _masked_tokens(piece, [])
            if w not in skip and w != "#" and not w.startswith("<") and len(w) > 2
        ]

    before = content(text[:at])[-SUBJECT_WIDTH:]
    after = content(text[at + len(vt) :])[:SUBJECT_WIDTH]
    return before + after


_STEMMER = snowballstemmer.stemmer("english")
# Snowball leaves "delivered" and "deliveries" as "deliv" and "deliveri": the
# first letters of the stem are what two wordings of one subject share.
SUBJECT_STEM_LETTERS = 5


@lru_cache(maxsize=65536)
def _subject_stem(word: str) -> str:
    stem: str = _STEMMER.stemWord(word)
    return stem[:SUBJECT_STEM_LETTERS]
