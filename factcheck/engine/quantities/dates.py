"""Dates, fiscal years and times of day: their patterns, and the calendar helpers that
resolve them against the article's publication date.

Dates are read with a regex and the calendar, not with dateparser, which is slow and
finds false dates in free text; a weekday or "last year" is placed from the published
date, and a day written without a year takes the year that puts it nearest that date.
"""

from __future__ import annotations

import calendar
import datetime
import re

from .numbers import word_set

# --- dates ----------------------------------------------------------------------

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH_TOKENS = word_set(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec"""
)
_MONTH = (
    r"(?P<mon>(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?)"
)
_MONTH_FULL = (
    r"(?P<mon>(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December)\b)"
)
_YEAR4 = r"(?:1[0-9]|20|21)\d\d"
_OPT_YEAR = rf"(?:,?\s+(?P<y>{_YEAR4}))?(?!\d)"
_MONTH_DAY_RE = re.compile(
    rf"\b{_MONTH}\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?"
    r"(?:\s?(?:-|–|to|and|&)\s?(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?)?"
    rf"\b{_OPT_YEAR}(?![\w%])"
)
_DAY_MONTH_RE = re.compile(
    r"(?<![\w.,\-/])(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?"
    r"(?:\s?(?:-|–|to|and|&)\s?(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?)?"
    rf"\s+(?:of\s+)?{_MONTH}{_OPT_YEAR}"
)
_MONTH_YEAR_RE = re.compile(rf"\b{_MONTH_FULL}\s+(?:of\s+)?(?P<y>{_YEAR4})\b")
_MONTH_ONLY_RE = re.compile(
    r"\b(?P<prep>(?i:in|since|by|until|till|from|during|early|late|mid-|last|next|this"
    # "by the end of October": a part of a month dates as the month does.
    r"|(?:by\s+|until\s+|before\s+)?(?:the\s+)?(?:end|start|beginning|middle)\s+of)"
    rf"(?:\s+|(?<=-))){_MONTH_FULL}(?!\s+\d)"
)
_ISO_DATE_AT = re.compile(r"(?<![\w\-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\w\-])")
_SLASH_DATE_AT = re.compile(
    r"(?<![\w/.])(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>\d{4}|\d{2})(?![\w/])"
)
_YEAR_RANGE_AT = re.compile(
    rf"(?<![\w.\-])(?P<y1>{_YEAR4})"
    rf"(?:\s?[-–]\s?|\s+(?:to|and|until|till)\s+)(?P<y2>{_YEAR4}|\d\d)(?![\w%])"
)
# A calendar quarter: "Q1 2029", "the first quarter of 2029", "the final quarter of 2028".
_QUARTER_RE = re.compile(
    rf"\b(?:Q(?P<q>[1-4])\s?(?:of\s+)?"
    r"|(?:(?i:the)\s+)?(?P<ord>(?i:first|second|third|fourth|final|last|1st|2nd|3rd|4th))"
    rf"\s+(?i:quarter)\s+(?:(?i:of)\s+)?)(?P<y>{_YEAR4})(?![\w%])"
)
_QUARTER_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "final": 4,
    "last": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}
_DECADE_AT = re.compile(r"(?<![\w\-])(?P<y>1[5-9]\d0|20\d0)s\b")
_YEAR_AT = re.compile(rf"(?P<y>{_YEAR4})(?![\w%]|\.\d|,\d)")
# Words before a year, and the bound they give it.
_YEAR_PREPS = {
    "in the year": None,
    "in": None,
    "during": None,
    "year": None,
    "early": None,
    "late": None,
    "end of": None,
    "beginning of": None,
    "start of": None,
    "summer of": None,
    "winter of": None,
    "spring of": None,
    "autumn of": None,
    "fall of": None,
    "circa": "approx",
    "around": "approx",
    "since": "min",
    "after": "min",
    "from": "min",
    "by": "max",
    "before": "max",
    "until": "max",
    "till": "max",
    "through": "max",
}
_YEAR_PREP_PHRASES = tuple(sorted(_YEAR_PREPS, key=len, reverse=True))
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WEEKDAY_RE = re.compile(
    r"\b(?:(?P<rel>(?i:this|last|next|coming|past))\s+)?"
    r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:\s+(?P<part>morning|afternoon|evening|night))?\b"
)
_RELATIVE_PERIOD_RE = re.compile(
    r"\b(?P<rel>(?i:last|previous|past|this|current|next|coming))\s+(?P<unit>(?i:year|month))\b"
)
# A year back from the date the sentence gave before ("fell to 1.34 in 2025 from 1.43
# the year before", "in March, against 700 a year earlier"), or from the article's day
# ("a year ago"). Not "the previous year", which reads as "last year".
_YEAR_EARLIER_RE = re.compile(
    r"\b(?i:(?:a|one)\s+year\s+(?P<ago>ago)"
    r"|(?:a|one)\s+year\s+(?:earlier|before|previously)|the\s+year\s+(?:before|earlier))\b"
)
_RELATIVE_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
_RELATIVE_DAY_RE = re.compile(r"\b(?P<w>today|yesterday|tomorrow|tonight)\b", re.IGNORECASE)
# Future, or future as seen from a reported statement ("said the river would crest on
# Thursday", "forecast to peak on Friday"): the weekday lies ahead of the article.
_FUTURE_RE = re.compile(
    r"\b(?:will|shall|'ll|is\s+to|are\s+to|to\s+be\s+held|scheduled|expected|upcoming|next"
    r"|set\s+to|due\s+to|going\s+to|plans?\s+to|would(?!\s+have)|forecast\s+to"
    r"|predicted\s+to|likely\s+to)\b|’ll",
    re.IGNORECASE,
)

_PAST_RE = re.compile(
    r"\b(?:[a-z]{3,}ed|was|were|had|did|met|held|said|told|began|went|came|left|gave|took|made"
    r"|last|ago)\b",
    re.IGNORECASE,
)

# --- fiscal years --------------------------------------------------------------

_FISCAL_RE = re.compile(
    r"\bFY\s?['’]?(?P<a>\d{4}|\d{2})(?:\s?[-–/]\s?(?P<b>\d{4}|\d{2}))?(?!\d)"
    r"|\b(?i:fiscal|financial)\s+(?:year\s+)?(?:\(FY\)\s+)?(?P<a2>\d{4})"
    r"(?:\s?[-–/]\s?(?P<b2>\d{4}|\d{2}))?(?!\d)"
    r"|(?<![\w\-])(?P<a3>\d{4})\s?[-–/]\s?(?P<b3>\d{4}|\d{2})\s+"
    r"(?:(?i:fiscal|financial\s+year)|FY)\b"
)

# --- times of day ----------------------------------------------------------------

_TIME_RE = re.compile(
    r"\b(?P<h>\d{1,2}):(?P<m>\d{2})(?::\d{2})?"
    r"(?:\s?(?P<zone>(?i:a\.m\.|p\.m\.|am\b|pm\b|hrs\b|IST\b|GMT\b|UTC\b)))?"
    r"|\b(?P<h2>\d{1,2})(?:\.(?P<m2>\d{2}))?\s?(?P<zone2>(?i:a\.m\.|p\.m\.|am\b|pm\b|hrs\b))"
    # "at 16.17 local time", "19.40 GMT": a dotted time said with its zone.
    r"|\b(?P<h4>[01]?\d|2[0-3])\.(?P<m4>[0-5]\d)\s(?P<zone4>(?i:local\s+time\b)|GMT\b|UTC\b)"
    # Wire style: "(0642 GMT)", "1802 UTC".
    r"|\b(?P<h3>[01]\d|2[0-3])(?P<m3>[0-5]\d)\s?(?P<zone3>GMT|UTC)\b"
)
# Words before a clock time that make "10:30" a time of day, not a score or a verse.
_TIME_PREPS = {"at": None, "by": "max", "before": "max", "until": "max", "till": "max"}
_TIME_PREPS |= {"after": "min", "since": "min", "from": "min"}
_TIME_PREP_PHRASES = tuple(_TIME_PREPS)
_TIME_TRIGGERS = frozenset(("am", "pm", "hrs", "gmt", "utc", "local"))

# Times said in words: "half past six", "a quarter to eight", "twelve minutes past six",
# "six o'clock", "at seven this morning". Minutes without "minutes" only before "past"
# and only in the steps clocks are read in ("ten past six"): "from two to three" is a
# change, not 2:58.
_CLOCK_HOURS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_CLOCK_MINUTES = {
    **_CLOCK_HOURS,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "twenty-five": 25, "twenty five": 25,
}  # fmt: skip
_HOUR = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|1[0-2]|[1-9])"
_MINUTE = r"(?:twenty[ -]five|twenty|nineteen|eighteen|seventeen|sixteen|fifteen|fourteen|thirteen|twelve|eleven|ten|nine|eight|seven|six|five|four|three|two|one|[1-5]?\d)"
SPOKEN_TIME_RE = re.compile(
    rf"\b(?:(?P<half>half)[ \t]+past"
    rf"|(?:a[ \t]+)?(?P<quarter>quarter)[ \t]+(?P<qdir>past|to)"
    rf"|(?P<min>{_MINUTE})[ \t]+minutes?[ \t]+(?P<mdir>past|to|after|before)"
    rf"|(?P<step>five|ten|twenty|twenty[ -]five)[ \t]+past)"
    rf"[ \t]+(?P<h>{_HOUR})\b(?![ \t]*(?:%|per\b|[.,:]?\d))"
    rf"|\b(?P<oh>{_HOUR})[ \t]+o['’]clock\b"
    rf"|\b(?P<ph>{_HOUR})[ \t]+(?P<part>this[ \t]+(?:morning|afternoon|evening)|tonight|last[ \t]+night)\b",
    re.IGNORECASE,
)
# The part of the day a spoken time is in, said after it: "six o'clock on Monday
# morning", "half past six in the evening".
SPOKEN_PART_AFTER_RE = re.compile(
    r"[ \t]+(?:(?:on[ \t]+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"[ \t]+|in[ \t]+the[ \t]+|this[ \t]+|at[ \t]+)?(?P<part>morning|afternoon|evening|night)\b",
    re.IGNORECASE,
)


def before_noon(part: str, hours: int) -> bool:
    """Whether a time said with a part of the day ("morning", "afternoon", "evening",
    "night", "tonight") is before noon: "at two last night" is after midnight, "at ten
    tonight" before it."""
    at_night = part in ("night", "tonight")
    return part == "morning" or (at_night and (hours < 6 or hours == 12))


def spoken_clock(m: re.Match[str]) -> tuple[int, int]:
    """Hours (1-12) and minutes of a ``SPOKEN_TIME_RE`` match."""
    hour_text = (m["h"] or m["oh"] or m["ph"]).lower()
    hours = int(hour_text) if hour_text.isdigit() else _CLOCK_HOURS[hour_text]
    if m["half"]:
        return hours, 30
    if m["quarter"]:
        forward = m["qdir"].lower() == "past"
        return (hours, 15) if forward else ((hours - 2) % 12 + 1, 45)
    said = m["min"] or m["step"]
    if not said:
        return hours, 0
    said = said.lower().replace("-", " ")
    minutes = int(said) if said.isdigit() else _CLOCK_MINUTES[said]
    if minutes > 59:
        return hours, 0
    if (m["mdir"] or "past").lower() in ("past", "after"):
        return hours, minutes
    return (hours - 2) % 12 + 1, 60 - minutes


# --- helpers ---------------------------------------------------------------------


def _as_date(published: datetime.date | None) -> datetime.date | None:
    if isinstance(published, datetime.datetime):
        return published.date()
    return published if isinstance(published, datetime.date) else None


def _shift(day: datetime.date, days: int) -> datetime.date | None:
    try:
        return day + datetime.timedelta(days=days)
    except OverflowError:
        return None


def _year_back(day: datetime.date) -> datetime.date | None:
    """The same day a year earlier (28 February for the 29th); None before year 1."""
    if day.year == 1:
        return None
    if day.month == 2 and day.day == 29:
        return datetime.date(day.year - 1, 2, 28)
    return day.replace(year=day.year - 1)


def _valid(y: int, mo: int, d: int) -> bool:
    return 1 <= mo <= 12 and 1 <= y <= 9999 and 1 <= d <= calendar.monthrange(y, mo)[1]


def _nearest_year(mo: int, d: int, published: datetime.date) -> int | None:
    """The year that puts month/day nearest the published date (usually its year)."""
    best: tuple[int, int] | None = None
    for y in (published.year, published.year - 1, published.year + 1):
        if 1 <= y <= 9999 and _valid(y, mo, d):
            gap = abs((datetime.date(y, mo, d) - published).days)
            if best is None or gap < best[0]:
                best = (gap, y)
    return best[1] if best else None


# A sentence ends at a full stop, question or exclamation mark followed by a space (not
# the point in "24.5ft" or "$3.75"), or at a line break.
_SENTENCE_END_RE = re.compile(r"[.?!](?=\s|$)|\n")


SENTENCE_REACH = 600


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding ``text[start:end]``, at most ``SENTENCE_REACH`` characters
    either side (so a text of many dates costs linear time)."""
    left = max(0, start - SENTENCE_REACH)
    for m in _SENTENCE_END_RE.finditer(text, left, start):
        left = m.end()
    after = _SENTENCE_END_RE.search(text, end, end + SENTENCE_REACH)
    return text[left : after.start() if after else min(len(text), end + SENTENCE_REACH)]


def _future_tense(text: str, start: int, end: int) -> bool:
    """Is the event on a weekday ahead of the article? The verb just before the day
    decides ("arrived on Thursday" vs "will leave on Saturday"), else the sentence."""
    cut = max(0, start - 40)
    near = text[cut:start]
    if cut and text[cut - 1].isalnum():
        # The window began inside a word: "xpected" is no past tense.
        near = near.split(" ", 1)[-1] if " " in near else ""
    clause = re.split(r"[,;:]", near)[-1]
    if _FUTURE_RE.search(clause):
        return True
    if _PAST_RE.search(clause):
        return False
    return bool(_FUTURE_RE.search(_sentence_around(text, start, end)))


def _month_number(mon: str) -> int:
    return _MONTHS[mon[:3].lower()]
