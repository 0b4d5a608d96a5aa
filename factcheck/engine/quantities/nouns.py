"""Noun-phrase scanning: the words right after a number, up to a function word, and the
head noun among them that becomes a count's or fraction's unit, in the singular
("three of the five squadrons" -> "squadron").

A hand-written scan over a stop-word list and a table of irregular plurals: it runs at
every number of every sentence, so it has to be cheap, and it only needs two reports of
one figure to name the same unit. Where a plural's ending is ambiguous ("buses",
"houses", "knives", "movies"), WordNet's nouns (``counted_nouns``) say which singular
is a word.
"""

from __future__ import annotations

import re

from factcheck.engine.counted_nouns import load_table

from .numbers import _BOUNDS, word_set

# --- noun-phrase scanning (units and head nouns) -----------------------------

STOP_WORDS = word_set(
    """a an the of in on at to for from by with without into onto over under out up down about as
    than then and or but nor so yet if while whilst whereas because since until after before during once
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
    "crises": "crisis",
    "analyses": "analysis",
    "diagnoses": "diagnosis",
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
        return _known(w[:-3] + "y", w[:-1])
    if len(w) > 4 and w.endswith(("sses", "xes", "ches", "shes", "zzes")):
        return w[:-2]
    if len(w) > 4 and w.endswith(("ses", "oes", "zes")):
        # "buses", "bonuses", "heroes", "gases" drop "es"; "houses", "nurses", "shoes"
        # only "s".
        return _known(w[:-1], w[:-2])
    if len(w) > 4 and w.endswith("ves"):
        # "knives", "wolves", "shelves"; but "waves", "archives", "leaves" of absence.
        return _known(w[:-1], w[:-3] + "fe", w[:-3] + "f")
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "ous")):
        return w[:-1]
    return w


def _known(*candidates: str) -> str:
    """The first of ``candidates`` WordNet knows as a counted noun, else the first.

    The lexicon decides what a suffix rule cannot ("buses" is "bus", "houses" is
    "house"), as WordNet's own morphology does; a word it does not know keeps the
    plain rule.
    """
    nouns = load_table()
    return next((c for c in candidates if c in nouns), candidates[0])


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
        if (
            words
            and word.islower()
            and (lower.endswith(("ed", "ing")) or lower in IRREGULAR_PAST)
            and not _modifies_next(text, m.end())
        ):
            break
        possessive = lower.endswith(("'s", "’s"))
        words.append((word, m.start(1), m.start(1) + len(word)))
        pos = m.end()
        if possessive:
            break
    return words


def _modifies_next(text: str, pos: int) -> bool:
    """Whether the word after an -ing or -ed word is a plural noun it modifies ("120 new
    nursing positions", "40 unused parking spaces"): a verb there would take an object
    or an adverb ("300 staff leaving the site", "40 homes flooded overnight")."""
    m = _WORD_AT_RE.match(text, pos)
    if not m:
        return False
    word = m.group(1)
    lower = word.lower()
    return word.islower() and lower not in STOP_WORDS and looks_plural(word)


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
