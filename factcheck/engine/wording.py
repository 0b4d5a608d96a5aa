"""A claim's words as matching compares them, and the quotations it holds.

Lower-cased, spellings and demonyms folded ("Russian" -> "russia"), plurals
stemmed, stop words dropped and each figure masked by its type ("<money>"), so
two wordings of one fact come out alike whatever numbers they give.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factcheck.engine.types import Value


_TIME_TYPES = frozenset({"date", "fiscal_year", "time"})


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that carry no topic. Removing them keeps fuzzy ratios about content.
_STOPWORDS = _wordset(
    """
    a an the and or but of in on at to for from by with as is are was were be been being has
    have had it its this that these those which who whom will would can could may might not
    no s he she they we his her their our after before over under into about also than then
    there here said says say told according further while during such very more most
    upcoming amid
    """
)

# Demonyms and spellings that differ between reports of one fact.
_WORD_MAP = {
    "russian": "russia",
    "indian": "india",
    "chinese": "china",
    "american": "us",
    "british": "uk",
    "french": "france",
    "german": "germany",
    "japanese": "japan",
    "pakistani": "pakistan",
    "ukrainian": "ukraine",
    "defence": "defense",
    "programme": "program",
    "programmes": "programs",
    "percent": "%",
    "per": "",
    "cent": "%",
    "bn": "billion",
    "mn": "million",
}
# "inter-governmental" and "intergovernmental" are one word.
_PREFIX_RE = re.compile(r"\b(inter|co|non|multi|bi|pre|re|sub|anti|tri)-(?=[a-z])")
_TOKEN_RE = re.compile(r"[a-z0-9%#]+|<[a-z_]+>")
_DIGITS_RE = re.compile(r"\d+(?:[.,]\d+)*")
# Quoted passages of 8+ characters: “...” or "..." (either closing mark), or ‘...’ opened
# after a space. ``_quotes`` finds what ``re.findall`` of the regex
# ``[“"]([^”"]{8,})[”"]|(?:^|(?<=\s))‘([^’]{8,})’(?=\W|$)`` finds, but looks up each
# opening mark's closing one instead of rescanning to the end of an unclosed text, which
# was quadratic ("““““...").
_OPENERS = '“"‘'
_WORD_CHAR_RE = re.compile(r"\w")


def _plain(text: str) -> str:
    text = text.lower().replace("’", "'").replace("‘", "'")
    text = text.replace("–", "-").replace("—", " ").replace("‑", "-")
    return _PREFIX_RE.sub(r"\1", text)


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    word = _WORD_MAP.get(word, word)
    # Plural and possessive forms: "squadrons"/"squadron", "talks"/"talk".
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _masked_tokens(context: str, values: list[Value]) -> list[str]:
    """Content words of the context with each value replaced by its type.

    "bilateral trade reaching $68.7B in FY25" and "bilateral trade of $65.7
    billion in 2024-25" both become "bilateral trade reaching/of <money> in
    <time>": the numbers are compared by ``find_conflicts``, not fuzzily.
    """
    text = context
    spans: list[tuple[int, int, str]] = []
    for v in values:
        vt = v.get("text") or ""
        if vt:
            at = text.find(vt)
            if at >= 0:
                tag = "time" if v.get("type") in _TIME_TYPES else v.get("type", "value")
                # Ordinals keep their number: it is part of the identity.
                if v.get("type") == "ordinal":
                    tag = f"ord{int(v.get('value', 0))}"
                spans.append((at, at + len(vt), tag))
    spans.sort()
    pieces, last = [], 0
    for s, e, tag in spans:
        if s < last:
            continue
        pieces.append(text[last:s])
        pieces.append(f" <{tag}> ")
        last = e
    pieces.append(text[last:])
    masked = _DIGITS_RE.sub("#", _plain("".join(pieces)))
    out = []
    for tok in _TOKEN_RE.findall(masked.replace("-", " ")):
        if tok in _STOPWORDS:
            continue
        tok = _stem(tok)
        if tok:
            out.append(tok)
    return out


def _quotes(text: str) -> list[str]:
    if not any(mark in text for mark in _OPENERS):
        return []
    double = [i for i, c in enumerate(text) if c in '”"']
    single = [i for i, c in enumerate(text) if c == "’"]
    found: list[str] = []
    pos = 0
    for p, c in enumerate(text):
        if p < pos or c not in _OPENERS:
            continue
        if c == "‘":
            if p and not text[p - 1].isspace():
                continue
            k = bisect_right(single, p)
            close = single[k] if k < len(single) else -1
            if close != -1 and _WORD_CHAR_RE.match(text, close + 1):
                close = -1
        else:
            k = bisect_right(double, p)
            close = double[k] if k < len(double) else -1
        if close - p > 8:
            found.append(text[p + 1 : close])
            pos = close + 1
    return found
