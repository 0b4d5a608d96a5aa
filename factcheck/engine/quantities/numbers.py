"""Number pieces every kind of value is built from: number words and digit runs as
regex fragments, scale words ("lakh", "bn", the "B" of "$68.7B"), the hedges that bound
a value ("nearly", "more than"), and reading a matched number as a float.

The fragments are strings, not compiled patterns, so money, counts and dates share one
definition of a number; text2num reads only the number-word runs they match, because on
whole sentences it mangles the text.
"""

from __future__ import annotations

import math
import re

from text_to_num import text2num

# --- number pieces -----------------------------------------------------------


def word_set(words: str) -> frozenset[str]:
    """A frozenset from a whitespace-separated word list (keeps long tables readable)."""
    return frozenset(words.split())


_NUMBER_WORD_LIST = sorted(
    word_set(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
        "eighty ninety hundred thousand million billion trillion"
    ),
    key=len,
    reverse=True,
)
_NUMBER_WORDS = "|".join(_NUMBER_WORD_LIST)
NUMBER_WORDS = frozenset(_NUMBER_WORD_LIST)
_DIGIT_WORDS = "zero|one|two|three|four|five|six|seven|eight|nine"
# A run of number words ("twenty-two", "three hundred and five"); read by text2num. Its
# fraction said aloud belongs to it: "five point nine per cent" is 5.9 %, not 5 and 9 %,
# and "six and a half per cent" 6.5 %, "one and a half kilometres" 1.5 km. A point only
# before a percentage or a scale word: "at one point two officers were hurt" is not 1.2
# officers.
# Multiples said in words: "half a million", "a quarter of a billion", "three-quarters of
# a million", "two thirds of a lakh", and dozens ("a dozen", "half a dozen", "three
# dozen"). Each reads as one number (``_multiple``): "a quarter of a million packs" is
# 250,000 packs, not a quarter of them, and "two dozen flights" is 24.
_MULTIPLE_SCALES = {
    "dozen": 12.0,
    "hundred": 1e2,
    "thousand": 1e3,
    "lakh": 1e5,
    "million": 1e6,
    "crore": 1e7,
    "billion": 1e9,
    "trillion": 1e12,
}
# The scale words a multiple ends with, as a regular expression.
MULTIPLE_SCALE_WORDS = "|".join(_MULTIPLE_SCALES)
_PARTS = (
    r"half[ \t]+an?|an?[ \t]+(?:quarter|third)[ \t]+of[ \t]+an?"
    r"|(?:one|two|three)[ \t-]+(?:quarters?|thirds?)[ \t]+of[ \t]+an?"
)
_MULTIPLE = (
    rf"(?:(?:{_PARTS})[ \t]+(?:{MULTIPLE_SCALE_WORDS})"
    rf"|(?:an?|half[ \t]+an?|(?:{_NUMBER_WORDS})(?:[ -](?:{_NUMBER_WORDS}))*)[ \t]+dozen)\b"
)
_MULTIPLE_RE = re.compile(_MULTIPLE, re.IGNORECASE)
_PART_RE = re.compile(r"\b(?P<part>half|quarters?|thirds?)\b")
# Words that may begin a multiple and are no number word themselves.
MULTIPLE_TRIGGERS = frozenset(("dozen", "half", "quarter", "quarters", "third", "thirds"))
# "a hundred", "a thousand": the article says one of the scale, as spoken English and
# transcripts count ("a hundred and forty-two thousand tonnes", "a hundred and twenty new
# posts"). Only before a scale word: "a ten-year plan" is no number.
_A_SCALE = r"an?[ \t]+(?:hundred|thousand|million|billion|trillion)\b"
_NW = (
    rf"(?:{_MULTIPLE}|"
    rf"(?:{_A_SCALE}|{_NUMBER_WORDS})(?:(?:[ -]|\s+and\s+)(?:{_NUMBER_WORDS})\b)*+"
    rf"(?:\s+point(?:\s+(?:{_DIGIT_WORDS}))+"
    r"(?=\s*(?:%|per\s*cent|percent|percentage|(?:thousand|million|billion|trillion)\b))"
    r"|\s+and\s+a\s+half)?\b)"
)
# Digits, with Western (1,000,000), Indian (19,00,000) or spaced (3 200, 2 400 000: South
# Africa, much of Europe, the SI) grouping, and decimals. A spaced group never opens with a
# nought or after a "+" or "(", and is not followed by more digits after a space: those are
# telephone numbers ("082 555 0100", "+1 555 0100").
_SPACE_GROUP = "[ \u00a0\u202f]"
_ND_BARE = (
    r"(?:\d{1,3}(?:,\d{2,3})++(?!\d)"
    rf"|(?<![+(])[1-9]\d{{0,2}}(?:{_SPACE_GROUP}\d{{3}})++(?!\d|{_SPACE_GROUP}\d)"
    r"|\d++)(?:\.\d++)?"
)
# ... not glued to letters, hyphens or other digits, so "Su-30" and "68.7" stay whole.
_ND = rf"(?<![\w.,\-/^]){_ND_BARE}"
_NUM = rf"(?:{_ND}|\b(?i:{_NW}))"

_A_SCALE_START_RE = re.compile(r"^an?[ \t]+(?=hundred|thousand|million|billion|trillion)")
_NUM_START_RE = re.compile(r"(?<![\w.,\-/^])\d")
_NW_RE = re.compile(rf"\b(?i:{_NW})")
_LOWER_WORD_RE = re.compile(r"[a-z]+")

_SCALE_WORDS = {
    "thousand": 1e3,
    "k": 1e3,
    "lakh": 1e5,
    "lakhs": 1e5,
    "lac": 1e5,
    "lacs": 1e5,
    "million": 1e6,
    "millions": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "crore": 1e7,
    "crores": 1e7,
    "cr": 1e7,
    "billion": 1e9,
    "billions": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "t": 1e12,
}
_SCALE_WORD = r"(?:thousand|lakhs?|lacs?|millions?|mn|mln|crores?|cr|billions?|bn|trillion|tn)"
# One or two scale words ("5 lakh crore"), also hyphenated as a modifier ("a $3-billion
# deal", "the ₹4,250-crore extension"), or one letter glued to the number ("$68.7B").
_SCALE = (
    rf"(?:(?P<letter>[kKmMbBtT])(?![\w])"
    rf"|[\s\-]?(?P<words>{_SCALE_WORD}(?:[\s\-]{_SCALE_WORD})?)\b)"
)

_BOUNDS = {
    "nearly": "approx",
    "almost": "approx",
    "about": "approx",
    "around": "approx",
    "approximately": "approx",
    "approx": "approx",
    "approx.": "approx",
    "roughly": "approx",
    "some": "approx",
    "close to": "approx",
    "an estimated": "approx",
    "estimated": "approx",
    "over": "min",
    "more than": "min",
    "above": "min",
    "upwards of": "min",
    "at least": "min",
    "in excess of": "min",
    "exceeding": "min",
    "just over": "min",
    "well over": "min",
    "under": "max",
    "less than": "max",
    "fewer than": "max",
    "below": "max",
    "up to": "max",
    "at most": "max",
    "no more than": "max",
    "just under": "max",
}
_BOUND_PHRASES = tuple(sorted(_BOUNDS, key=len, reverse=True))

# --- helpers ---------------------------------------------------------------------


def _parse_number(s: str) -> float | None:
    """Digits ("19,000", "68.7") or number words ("twenty-two") as a float."""
    s = s.strip()
    if not s:
        return None
    if s[0].isdigit():
        digits = re.sub(rf",|{_SPACE_GROUP}", "", s)
        if len(digits) > 30:
            return None
        try:
            value = float(digits)
        except ValueError:
            return None
    else:
        if len(s) > 80:
            return None
        words = s.lower()
        multiple = _multiple(words)
        if multiple is not None:
            return multiple
        if words.startswith(("hundred", "thousand", "million", "billion", "trillion")):
            return None
        words = _A_SCALE_START_RE.sub("one ", words)
        words, half, _ = words.partition(" and a half")
        words, point, decimals = words.partition(" point ")
        try:
            value = float(text2num(words, "en"))
            if point:
                digits = "".join(str(text2num(w, "en")) for w in decimals.split())
                value = float(f"{int(value)}.{digits}")
        except (ValueError, TypeError, IndexError, KeyError, AttributeError):
            return None
        if half:
            value += 0.5
    return value if math.isfinite(value) else None


def _multiple(words: str) -> float | None:
    """A multiple said in words (``_MULTIPLE``, lower case) as a number, else None: "half
    a million" is 500,000, "three-quarters of a billion" 750,000,000, "three dozen" 36."""
    if _MULTIPLE_RE.fullmatch(words) is None:
        return None
    head, scale_word = words.rsplit(None, 1)
    scale = _MULTIPLE_SCALES[scale_word]
    lead = head.replace("-", " ").split()[0]
    part = _PART_RE.search(head)
    if part and part["part"] == "half":
        return 0.5 * scale
    try:
        count = 1.0 if lead in ("a", "an", "one") else float(text2num(lead, "en"))
        if part:
            return count / (4.0 if part["part"].startswith("quarter") else 3.0) * scale
        if lead not in ("a", "an"):
            count = float(text2num(head.strip(), "en"))
    except (ValueError, TypeError, IndexError, KeyError, AttributeError):
        return None
    return count * scale


def _scale(m: re.Match[str]) -> float:
    letter = m.group("letter")
    if letter:
        return _SCALE_WORDS[letter.lower()]
    words = m.group("words")
    if not words:
        return 1.0
    factor = 1.0
    for w in re.split(r"[\s\-]+", words.lower()):
        factor *= _SCALE_WORDS.get(w, 1.0)
    return factor


def _lookback(text: str, pos: int, phrases: tuple[str, ...]) -> tuple[str, int] | None:
    """The phrase (from ``phrases``) that ends, as whole words plus whitespace, right
    before ``pos``, and where it starts."""
    window = text[max(0, pos - 24) : pos]
    stripped = window.rstrip()
    if len(stripped) == len(window):
        return None
    lower = stripped.lower()
    if not lower.endswith(phrases):
        return None
    for phrase in phrases:
        if lower.endswith(phrase):
            k = len(lower) - len(phrase)
            if k == 0 or not lower[k - 1].isalnum():
                return phrase, pos - len(window) + k
    return None


def _finite(x: float) -> bool:
    return math.isfinite(x) and abs(x) < 1e300


_ASCII_DIGITS = frozenset("0123456789")


def has_digit(text: str) -> bool:
    return not _ASCII_DIGITS.isdisjoint(text)


def lower_words(text: str) -> frozenset[str]:
    """The set of lower-case letter runs in ``text``: cheap trigger checks."""
    return frozenset(_LOWER_WORD_RE.findall(text.lower()))
