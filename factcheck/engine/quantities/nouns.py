"""Noun-phrase scanning: the words right after a number, up to a function word, and the
head noun among them that becomes a count's or fraction's unit, in the singular
("three of the five squadrons" -> "squadron").

A hand-written scan over a stop-word list and a table of irregular plurals: it runs at
every number of every sentence, so it has to be cheap, and it only needs two reports of
one figure to name the same unit.
"""

from __future__ import annotations

import re

from .numbers import _BOUNDS, word_set

# --- noun-phrase scanning (units and head nouns) -----------------------------

STOP_WORDS = word_set(
    """a an the of in on at to for from by with without into onto over under out up down about as
    than then and or but nor so yet if while whilst whereas because since until after before during
    between among through per via against toward towards across within upon is are was were be been
    being am will would shall should can could may might must do does did has have had having this
    that these those which who whom whose what where when why how it its their his her our your my
    they them he she we you i not no also only just more most less least very such each every any
    all some both either neither other another same too here there said says say told according
    including include includes included like plus minus versus vs amid amidst despite till ago
    last next earlier later each respectively year-on-year apiece yesterday today tonight tomorrow
    overnight now already still again"""
)
# Irregular past forms of verbs whose subject is often a counted noun phrase ("300 staff
# left", "1,200 workers lost their jobs", "40 homes fell into the river"): after the
# phrase's first word they end it, as a regular -ed form does. Only forms that are not
# also the plural or head of a counted noun.
IRREGULAR_PAST = word_set(
    """left lost fled fell rose grew went came ran quit built sold paid held met took
    made gave got kept spent stood began became broke brought bought caught chose drove
    flew knew led saw sent spoke struck thought told wrote"""
)
_WORD_AT_RE = re.compile(r"[ \t\u00a0]+([A-Za-z][A-Za-z0-9'’\-]*)")
# A dotted abbreviation before the noun says whose it is: "2,000 U.S. troops", "450 U.K.
# staff", "1,200 U.N. peacekeepers" count troops, staff and peacekeepers.
_DOTTED_AT_RE = re.compile(r"[ \t\u00a0]+(?:[A-Z]\.){2,}(?=[ \t\u00a0]+[A-Za-z])")
_PLURAL_ACRONYM_RE = re.compile(r"[A-Z][A-Za-z]*[A-Z]s")
IRREGULAR = {
    "people": "person",
    "men": "man",
    "women": "woman",
    "children": "child",
    "feet": "foot",
    "teeth": "tooth",
    "mice": "mouse",
    "data": "data",
    "criteria": "criterion",
    "series": "series",
    "species": "species",
    "news": "news",
    "means": "means",
    "aircraft": "aircraft",
    "personnel": "personnel",
    "crores": "crore",
    "lakhs": "lakh",
}


# A compound of "man" in the plural: "aldermen", "gunmen", "firemen", "policemen". A
# consonant before "men", or a word of three letters or more and an "e", tells it from
# "specimen", "regimen", "abdomen", "omen", "semen".
_COMPOUND_MEN_RE = re.compile(r"[a-z]*(?:[b-df-hj-np-tv-z]|[a-z]{3}e)men")


def singular(word: str) -> str:
    """Lower-case singular of a head noun ("MoUs" -> "mou", "squadrons" -> "squadron")."""
    if _PLURAL_ACRONYM_RE.fullmatch(word):
        return word[:-1].lower()
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if w in IRREGULAR:
        return IRREGULAR[w]
    if _COMPOUND_MEN_RE.fullmatch(w):
        return w[:-3] + "man"
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("sses", "xes", "ches", "shes", "zzes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "ous")):
        return w[:-1]
    return w


def looks_plural(word: str) -> bool:
    if _PLURAL_ACRONYM_RE.fullmatch(word):
        return True
    w = word.lower()
    if w in IRREGULAR:
        return w not in ("data", "aircraft", "personnel", "news", "means")
    if _COMPOUND_MEN_RE.fullmatch(w):
        return True
    return len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "ous", "'s", "’s"))


def following(text: str, pos: int, limit: int = 4) -> list[tuple[str, int, int]]:
    """The noun-phrase words right after ``pos`` as (word, start, end), stopping at
    function words, punctuation and (after the first word) lower-case -ed/-ing verbs
    and irregular past forms ("300 staff left")."""
    words: list[tuple[str, int, int]] = []
    while len(words) < limit:
        dotted = _DOTTED_AT_RE.match(text, pos)
        if dotted:
            pos = dotted.end()
        m = _WORD_AT_RE.match(text, pos)
        if not m:
            break
        word = m.group(1).rstrip("-")
        lower = word.lower()
        if lower in STOP_WORDS or lower in _BOUNDS:
            break
        if words and word.islower() and (lower.endswith(("ed", "ing")) or lower in IRREGULAR_PAST):
            break
        possessive = lower.endswith(("'s", "’s"))
        words.append((word, m.start(1), m.start(1) + len(word)))
        pos = m.end()
        if possessive:
            break
    return words


def following_words(text: str, pos: int, limit: int = 4) -> list[str]:
    return [w for w, _, _ in following(text, pos, limit)]


def _head(words: list[tuple[str, int, int]], *, prefer_plural: bool) -> tuple[str | None, int]:
    """Head noun of a phrase and the end offset of the word it came from."""
    if not words:
        return None, -1
    if prefer_plural:
        for w, _, end in words:
            if looks_plural(w):
                return singular(w), end
    w, _, end = words[-1]
    return singular(w), end


def head_noun(words: list[str], *, prefer_plural: bool) -> str | None:
    if not words:
        return None
    if prefer_plural:
        for w in words:
            if looks_plural(w):
                return singular(w)
    return singular(words[-1])
