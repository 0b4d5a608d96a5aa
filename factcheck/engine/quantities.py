"""Find and normalise the values an article states: money, counts, fractions,
percentages, ordinals, dates and fiscal years.

Regexes find candidate spans; text2num reads number-word spans only (it mangles
whole sentences); dates are resolved with a regex and the calendar, not with
dateparser, which is slow and finds false dates in free text.

Every value is a JSON-serialisable dict with ``type``, ``text`` (the surface
text) and ``span_start``/``span_end``, its offsets into the body (pass ``offset``
when ``text`` is a slice of it). Values other than dates and fiscal years also
carry those offsets as ``start``/``end``; for dates ``start``/``end`` are the
ISO dates of the period, as below.

- money: ``amount`` (float), ``currency`` (ISO code), ``bound``; ``per`` (hour, day,
  week, month, year) when it is a rate
- count: ``value`` (float), ``unit`` (singular lower-case head noun, unit of measure,
  "age" for a person's age, or None), ``bound``
- fraction: ``numerator``, ``denominator`` (ints), ``unit``
- percent: ``value`` (float), ``bound``
- ordinal: ``value`` (int), ``unit``
- date: ``start``/``end`` ISO dates (or ``MM-DD`` with precision ``day-no-year``),
  ``precision`` ("day", "month", "quarter", "year", "day-no-year"), ``bound``
- fiscal_year: ``start``/``end`` ISO dates of an Indian fiscal year, ``label``
- time: ``value`` ("23:00", a time of day on a 24-hour clock, no day), ``bound``

``bound`` is None, "min", "max" or "approx"; the words that set it ("nearly",
"more than", "by 2030") are part of the value's text. Spans never overlap:
times of day, fiscal years, then dates, money, percentages, fractions, ordinals and counts
claim their characters in that order.

Speed: a sentence is scanned once for number starts, currency marks and its
lower-case words; each pattern is then tried only where it can start (``match``
at an anchor) and only when its trigger words are present, because scanning
every sentence with every pattern cost ten times more.
"""

from __future__ import annotations

import calendar
import datetime
import math
import re
from collections.abc import Iterator

from text_to_num import text2num

from .types import Value
from .units import measure_of

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
# A run of number words ("twenty-two", "three hundred and five"); read by text2num.
_NW = rf"(?:{_NUMBER_WORDS})(?:(?:[ -]|\s+and\s+)(?:{_NUMBER_WORDS}))*+\b"
# Digits, with Western (1,000,000) or Indian (19,00,000) grouping and decimals.
_ND_BARE = r"(?:\d{1,3}(?:,\d{2,3})++(?!\d)|\d++)(?:\.\d++)?"
# ... not glued to letters, hyphens or other digits, so "Su-30" and "68.7" stay whole.
_ND = rf"(?<![\w.,\-/^]){_ND_BARE}"
_NUM = rf"(?:{_ND}|\b(?i:{_NW}))"

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

# --- money -------------------------------------------------------------------

_CURRENCY_SYMBOLS = {
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "a$": "AUD",
    "c$": "CAD",
    "s$": "SGD",
    "hk$": "HKD",
    "nz$": "NZD",
    "₹": "INR",
    "rs": "INR",
    "rs.": "INR",
    "inr": "INR",
    "€": "EUR",
    "eur": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "¥": "JPY",
    "jpy": "JPY",
    "₽": "RUB",
    "rub": "RUB",
    "cny": "CNY",
    "rmb": "CNY",
}
_CURRENCY_WORDS = {
    "dollar": "USD",
    "dollars": "USD",
    "rupee": "INR",
    "rupees": "INR",
    "euro": "EUR",
    "euros": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
    "rouble": "RUB",
    "roubles": "RUB",
    "ruble": "RUB",
    "rubles": "RUB",
    "yuan": "CNY",
    "yen": "JPY",
    "usd": "USD",
    "inr": "INR",
    "eur": "EUR",
    "gbp": "GBP",
    "rub": "RUB",
    "cny": "CNY",
    "jpy": "JPY",
}
_CURRENCY_CHARS = "$₹€£¥₽"
_CURRENCY_CODES = frozenset(("rs", "inr", "usd", "eur", "gbp", "rub", "cny", "rmb", "jpy"))
# A dollar named by its country ("1.2 billion Australian dollars").
_DOLLARS_OF = {
    "us": "USD",
    "u.s.": "USD",
    "american": "USD",
    "australian": "AUD",
    "canadian": "CAD",
    "singapore": "SGD",
    "hong kong": "HKD",
    "new zealand": "NZD",
}
# Written with a bare "$" or "dollars", an amount names no country: an Australian paper's
# "$1.2bn" is the wire's "A$1.2 billion". Such values carry ``"dollar": "unstated"``.
UNSTATED_DOLLAR = "unstated"
_CURRENCY_RE = re.compile(
    r"(?:\b(?:US|HK|NZ|[ACS]))?\$|₹|€|£|¥|₽|\b(?:Rs\.?|INR|USD|EUR|GBP|RUB|CNY|RMB|JPY)(?![A-Za-z])"
)
_MONEY_PREFIX_AT = re.compile(
    r"(?P<cur>(?:US|HK|NZ|[ACS])?\$|₹|€|£|¥|₽|Rs\.?|INR|USD|EUR|GBP|RUB|CNY|RMB|JPY)"
    # Not cut short of more digits ("1,000"); a comma then a space is punctuation ("$3.75, down").
    rf"\s?(?P<num>{_ND_BARE}|(?i:{_NW}))(?!\d|,\d)"
    rf"{_SCALE}?(?P<plus>\+)?"
)
# An amount right after another, in brackets: "€85m (£72m)", "A$1.2bn (about US$790m)",
# "85 million euros (£72m)".
_CONVERSION_BEFORE = re.compile(
    r"(?:[$€£¥₹₽]\s?[\d.,]*\d\s*(?i:bn|mn|m|k|billion|million|crore|lakh|trillion)?"
    r"|\d\s*(?i:billion|million|crore|lakh|trillion)?\s*(?i:euros?|dollars?|pounds?"
    r"|rupees?|yen|yuan|roubles?|rubles?|sterling))"
    r"\s*\(\s*(?i:about|around|roughly|approximately|some|nearly|almost|or|equivalent\s+to)?\s*$"
)
_RATE_AT = re.compile(
    r"[ \t\-]*(?i:(?:a|an|per|each|every)[ \t\-]+(?P<per>hour|day|week|month|year|annum)"
    r"|(?P<adv>hourly|daily|weekly|monthly|yearly|annually))\b"
)
_RATE_PERIODS = {
    "annum": "year",
    "hourly": "hour",
    "daily": "day",
    "weekly": "week",
    "monthly": "month",
    "yearly": "year",
    "annually": "year",
}
_MONEY_SUFFIX_AT = re.compile(
    rf"(?P<num>{_NUM}){_SCALE}?(?P<plus>\+)?\s+"
    r"(?:(?P<nation>US|U\.S\.|American|Indian|Australian|Canadian|Singapore|Hong\s+Kong"
    r"|New\s+Zealand)\s+)?"
    r"(?P<cw>(?i:dollars?|rupees?|euros?|pounds?(?:\s+sterling)?|roubles?|rubles?|yuan|yen)"
    r"|USD|INR|EUR|GBP|RUB|CNY|JPY)\b"
)

# --- percent, fraction, ordinal, count ----------------------------------------

_PERCENT_AT = re.compile(
    rf"(?P<num>{_NUM})\s?(?:%|(?i:per\s?cent|percent|pc|percentage\s+points?)\b)"
)
_PERCENT_TRIGGERS = frozenset(("per", "percent", "pc", "percentage"))
_FRACTION_OUT_OF_AT = re.compile(
    rf"(?P<a>{_NUM})(?P<mid>(?:\s+[A-Za-z][\w'’\-]*){{0,3}}?)\s+out\s+of\s+"
    rf"(?:the\s+|a\s+total\s+of\s+|a\s+)?(?P<b>{_NUM})"
)
_FRACTION_OF_AT = re.compile(
    rf"(?P<a>{_NUM})\s+of\s+(?:the|its|their|all|his|her|our)\s+(?P<b>{_NUM})"
)
# "About 600 of the mine's workers": a part of a whole left untold counts the plural
# noun after it, past a possessive.
_PART_OF_THE_AT = re.compile(
    r"\s+of\s+(?:the|its|their|his|her|our|these|those)(?:\s+[\w\-]+['’]s)?", re.I
)
# "118 samples failed, 19 of them from one state": a part of the whole counted just before.
_PART_OF_PRONOUN_AT = re.compile(rf"(?P<a>{_NUM})\s+of\s+(?:them|these|those|which|whom)\b")
_FRACTION_SLASH_AT = re.compile(r"(?<![\w./\-])(?P<a>\d{1,6})\s?/\s?(?P<b>\d{1,6})(?![\w/.]|-\d)")
_DENOMINATORS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fourth": 4,
    "fourths": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "tenth": 10,
    "tenths": 10,
}
_FRACTION_WORD_RE = re.compile(
    r"\b(?i:(?P<a>one|two|three|four|five|nine)-"
    r"(?P<d>half|halves|thirds?|quarters?|fourths?|fifths?|sixths?|tenths?))\b"
)

_ORDINAL_UNITS = {
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
}
_ORDINAL_TENS = {
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
    "hundredth": 100,
    "thousandth": 1000,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_ORDINAL_TRIGGERS = frozenset(_ORDINAL_UNITS) | frozenset(_ORDINAL_TENS) | {"first"}
# A hyphen after an ordinal makes a compound ("second-hand", "third-party", "22nd-ranked"),
# except before a superlative: "third-biggest signing", "second-most expensive", "3rd-highest"
# rank a thing like "fifth largest bank" does.
_RANKING = r"-(?:most|least|[a-z]{2,}est)\b"
_RANKING_AT = re.compile(r"-(?:(?:most|least)[ \t]+[A-Za-z]+|[a-z]{2,}est)\b")
_ORDINAL_DIGIT_AT = re.compile(
    r"(?<![\w.\-])(?P<digits>\d{1,6})(?:st|nd|rd|th)\b(?:(?=" + _RANKING + r")|(?!-))"
)
# "first" and "last" are left to comparisons ("first visit since 2021").
_ORDINAL_WORD_RE = re.compile(
    r"\b(?i:(?:(?P<tens>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ]"
    r"(?P<unit1>first|" + "|".join(_ORDINAL_UNITS) + r"))"
    r"|(?P<unit2>" + "|".join(list(_ORDINAL_UNITS) + list(_ORDINAL_TENS)) + r"))\b"
    r"(?:(?=" + _RANKING + r")|(?![-’']))"
)
_COUNT_AT = re.compile(
    rf"(?P<num>{_NUM}){_SCALE}?(?P<plus>\+)?(?:-(?P<hyunit>[A-Za-z]{{2,20}})\b(?!-)"
    # Units of measure written onto the number: "24.6km", "115mph", "185km/h".
    r"|(?<=\d)(?P<glued>km/h|kmph|kph|mph|kms?|mm|cm|kg|ft|ha|mw|gw|kw)\b)?"
)

# Ages: "the 22-year-old", "aged 22", "at the age of 12", and the appositive
# "Morais, 22, will sign", where a number alone between commas after a name or a
# noun is the person's age. An age is a count with the unit "age", which no other
# count or duration shares, so "22" never meets a "five-year contract".
_AGE_COMPOUND_AT = re.compile(rf"(?P<num>{_NUM})[- ](?i:years?)[- ](?i:old)s?\b")
_AGE_PHRASE_RE = re.compile(
    rf"\b(?i:aged|at\s+(?:the\s+)?age\s+of|at\s+age|age)\s+(?P<num>{_NUM})(?![\w.,]\d|%)"
)
_AGE_APPOSITIVE_RE = re.compile(
    r"(?<![\w-])(?P<word>[A-Za-z][A-Za-z'’\-]*),[ \t](?P<num>\d{1,3}),(?=[ \t][A-Za-z])"
)
AGE_UNIT = "age"
MAX_AGE = 120
# Words a number between commas follows when it is no age: "on Monday, 14, ...".
_NOT_AGED = word_set(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday today yesterday tomorrow no number page pages section chapter article clause
    category grade level phase round route gate platform room seat step stage table figure item
    items nos"""
)

# A single period written with an article after a preposition of time: "for a week
# or longer", "within a month", "in one year". Without the preposition "a day" is a
# rate ("95,000 cars a day", "£210,000 a week"), not a duration.
_DURATION_WORDS = frozenset(("hour", "day", "week", "fortnight", "month", "year"))
_ONE_PERIOD_RE = re.compile(
    r"\b(?i:for|within|over|in|after|than|about|nearly|almost|around|to|least)\s+"
    r"(?P<one>(?i:an?|one))\s+(?P<unit>(?i:hour|day|week|fortnight|month|year))\b(?![-’'])"
    r"(?P<more>\s+(?i:or\s+(?:longer|more)))?"
)

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

# --- things that look numeric but are not values ---------------------------------

_TIME_RE = re.compile(
    r"\b(?P<h>\d{1,2}):(?P<m>\d{2})(?::\d{2})?"
    r"(?:\s?(?P<zone>(?i:a\.m\.|p\.m\.|am\b|pm\b|hrs\b|IST\b|GMT\b|UTC\b)))?"
    r"|\b(?P<h2>\d{1,2})(?:\.(?P<m2>\d{2}))?\s?(?P<zone2>(?i:a\.m\.|p\.m\.|am\b|pm\b|hrs\b))"
)
# Words before a clock time that make "10:30" a time of day, not a score or a verse.
_TIME_PREPS = {"at": None, "by": "max", "before": "max", "until": "max", "till": "max"}
_TIME_PREPS |= {"after": "min", "since": "min", "from": "min"}
_TIME_PREP_PHRASES = tuple(_TIME_PREPS)
_TIME_TRIGGERS = frozenset(("am", "pm", "hrs"))
# Web addresses and e-mail addresses, which hold digits that are not values. The e-mail
# half used to be the regex ``\S+@\S+\.\w+``, whose three overlapping runs backtrack in
# cubic time (8,000 "@" took minutes); ``_url_spans`` finds the same spans in one pass.
_WEB_RE = re.compile(r"\b(?:https?://|www\.)\S+")
_TOKEN_RE = re.compile(r"\S+")
_WORD_RUN_RE = re.compile(r"\w+")


def _email_end(text: str, start: int, end: int) -> int:
    r"""End of the e-mail-like span ``\S+@\S+\.\w+`` at the token ``text[start:end]``
    (greedy, as the regex would take it), or -1 when the token holds none."""
    at = text.find("@", start + 1, end)
    if at == -1:
        return -1
    dot = end
    while True:
        dot = text.rfind(".", at + 2, dot)
        if dot == -1:
            return -1
        word = _WORD_RUN_RE.match(text, dot + 1, end)
        if word:
            return word.end()


def _url_spans(text: str) -> Iterator[tuple[int, int]]:
    r"""(start, end) of each web or e-mail address, as ``_WEB_RE|\S+@\S+\.\w+`` would
    find them left to right."""
    for token in _TOKEN_RE.finditer(text):
        start, end = token.span()
        if _WEB_RE.match(text, start):
            yield start, end
            continue
        pos = start
        email_end = _email_end(text, start, end)
        if email_end != -1:
            yield start, email_end
            pos = email_end
        web = _WEB_RE.search(text, pos, end)
        if web:
            yield web.span()


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
    last next earlier later each respectively year-on-year apiece"""
)
_WORD_AT_RE = re.compile(r"[ \t\u00a0]+([A-Za-z][A-Za-z0-9'’\-]*)")
_PLURAL_ACRONYM_RE = re.compile(r"[A-Z][A-Za-z]*[A-Z]s")
_IRREGULAR = {
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


def singular(word: str) -> str:
    """Lower-case singular of a head noun ("MoUs" -> "mou", "squadrons" -> "squadron")."""
    if _PLURAL_ACRONYM_RE.fullmatch(word):
        return word[:-1].lower()
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if w in _IRREGULAR:
        return _IRREGULAR[w]
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
    if w in _IRREGULAR:
        return w not in ("data", "aircraft", "personnel", "news", "means")
    return len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "ous", "'s", "’s"))


def following(text: str, pos: int, limit: int = 4) -> list[tuple[str, int, int]]:
    """The noun-phrase words right after ``pos`` as (word, start, end), stopping at
    function words, punctuation and (after the first word) lower-case -ed/-ing verbs."""
    words: list[tuple[str, int, int]] = []
    while len(words) < limit:
        m = _WORD_AT_RE.match(text, pos)
        if not m:
            break
        word = m.group(1).rstrip("-")
        lower = word.lower()
        if lower in STOP_WORDS or lower in _BOUNDS:
            break
        if words and word.islower() and lower.endswith(("ed", "ing")):
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


# --- helpers ---------------------------------------------------------------------


def _parse_number(s: str) -> float | None:
    """Digits ("19,000", "68.7") or number words ("twenty-two") as a float."""
    s = s.strip()
    if not s:
        return None
    if s[0].isdigit():
        digits = s.replace(",", "")
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
        if words.startswith(("hundred", "thousand", "million", "billion", "trillion")):
            return None
        try:
            value = float(text2num(words, "en"))
        except (ValueError, TypeError, IndexError, KeyError, AttributeError):
            return None
    return value if math.isfinite(value) else None


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


def _as_date(published: datetime.date | None) -> datetime.date | None:
    if isinstance(published, datetime.datetime):
        return published.date()
    return published if isinstance(published, datetime.date) else None


def _shift(day: datetime.date, days: int) -> datetime.date | None:
    try:
        return day + datetime.timedelta(days=days)
    except OverflowError:
        return None


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


_ASCII_DIGITS = frozenset("0123456789")


def has_digit(text: str) -> bool:
    return not _ASCII_DIGITS.isdisjoint(text)


def lower_words(text: str) -> frozenset[str]:
    """The set of lower-case letter runs in ``text``: cheap trigger checks."""
    return frozenset(_LOWER_WORD_RE.findall(text.lower()))


# --- the finder --------------------------------------------------------------------


class _Finder:
    """Collects values by pattern priority; a character belongs to one value at most."""

    def __init__(
        self,
        text: str,
        offset: int,
        published: datetime.date | None,
        words: frozenset[str],
    ) -> None:
        self.text = text
        self.offset = offset
        self.published = published
        self.words = words
        self.taken = bytearray(len(text))
        self.values: list[Value] = []
        self.has_digit = has_digit(text)
        self.digit_starts = (
            [m.start() for m in _NUM_START_RE.finditer(text)] if self.has_digit else []
        )
        word_starts = [m.start() for m in _NW_RE.finditer(text)] if words & NUMBER_WORDS else []
        self.num_starts = sorted(self.digit_starts + word_starts)

    def free(self, start: int, end: int) -> bool:
        return start < end and self.taken.find(1, start, end) == -1

    def block(self, start: int, end: int) -> None:
        self.taken[start:end] = b"\x01" * (end - start)

    def add(self, start: int, end: int, value: Value) -> bool:
        # Trim whitespace so ``text`` never starts or ends with a space.
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        if not self.free(start, end):
            return False
        value["text"] = self.text[start:end]
        # Dates keep their ISO "start"/"end"; every value has its body offsets in
        # "span_start"/"span_end", and the other types also in "start"/"end".
        value["span_start"] = start + self.offset
        value["span_end"] = end + self.offset
        value.setdefault("start", start + self.offset)
        value.setdefault("end", end + self.offset)
        self.block(start, end)
        self.values.append(value)
        return True

    def matches(self, rx: re.Pattern[str], starts: list[int]) -> Iterator[re.Match[str]]:
        """``rx`` matched at each anchor that is still free."""
        text, taken = self.text, self.taken
        for p in starts:
            if taken[p]:
                continue
            m = rx.match(text, p)
            if m:
                yield m

    def bound_before(self, pos: int) -> tuple[str | None, int]:
        found = _lookback(self.text, pos, _BOUND_PHRASES)
        if found is None:
            return None, pos
        return _BOUNDS[found[0]], found[1]

    # Dates ----------------------------------------------------------------------

    def day_date(
        self, start: int, end: int, y: int | None, mo: int, d1: int, d2: int | None
    ) -> None:
        d2 = d2 if d2 is not None and d2 > d1 else None
        if y is None and self.published is not None:
            y = _nearest_year(mo, d1, self.published)
            if y is None:
                return
        if y is None:
            days = calendar.monthrange(2000, mo)[1] if 1 <= mo <= 12 else 0
            if not 1 <= d1 <= days or (d2 is not None and d2 > days):
                return
            value = {
                "type": "date",
                "start": f"{mo:02d}-{d1:02d}",
                "end": f"{mo:02d}-{(d2 or d1):02d}",
                "precision": "day-no-year",
                "bound": None,
            }
            self.add(start, end, value)
            return
        if not _valid(y, mo, d1) or (d2 is not None and not _valid(y, mo, d2)):
            return
        value = {
            "type": "date",
            "start": datetime.date(y, mo, d1).isoformat(),
            "end": datetime.date(y, mo, d2 or d1).isoformat(),
            "precision": "day",
            "bound": None,
        }
        self.add(start, end, value)

    def month_date(self, start: int, end: int, y: int, mo: int, bound: str | None = None) -> None:
        if not (1 <= y <= 9999 and 1 <= mo <= 12):
            return
        last = calendar.monthrange(y, mo)[1]
        value = {
            "type": "date",
            "start": datetime.date(y, mo, 1).isoformat(),
            "end": datetime.date(y, mo, last).isoformat(),
            "precision": "month",
            "bound": bound,
        }
        self.add(start, end, value)

    def year_date(
        self, start: int, end: int, y1: int, y2: int | None = None, bound: str | None = None
    ) -> None:
        y2 = y1 if y2 is None else y2
        if not (1 <= y1 <= y2 <= 9999):
            return
        value = {
            "type": "date",
            "start": f"{y1:04d}-01-01",
            "end": f"{y2:04d}-12-31",
            "precision": "year",
            "bound": bound,
        }
        self.add(start, end, value)

    def clock_times(self) -> None:
        """ "11 p.m.", "6:30am", "at 14:00": a time of day, as "HH:MM" on a 24-hour clock.
        A bare "10:30" is a time only after "at", "by", "until"...; otherwise it is
        only kept from being read as numbers."""
        for m in _TIME_RE.finditer(self.text):
            hours, minutes = int(m["h"] or m["h2"]), int(m["m"] or m["m2"] or 0)
            zone = (m["zone"] or m["zone2"] or "").lower().replace(".", "")
            prep = _lookback(self.text, m.start(), _TIME_PREP_PHRASES)
            if zone == "pm" and hours < 12:
                hours += 12
            elif zone == "am" and hours == 12:
                hours = 0
            bound, start = self.bound_before(m.start())
            if bound is None and prep is not None:
                bound = _TIME_PREPS[prep[0]]
                start = prep[1] if bound else m.start()
            # "12 hrs" is a duration; "17.00 hrs" a time.
            clock = zone != "hrs" or bool(m["m"] or m["m2"])
            if (
                not clock
                or hours > 23
                or minutes > 59
                or (not zone and prep is None and bound is None)
            ):
                self.block(m.start(), m.end())
                continue
            value = {"type": "time", "value": f"{hours:02d}:{minutes:02d}", "bound": bound}
            if not self.add(start, m.end(), value):
                self.block(m.start(), m.end())

    def fiscal(self) -> None:
        text = self.text
        if "FY" not in text and not ({"fiscal", "financial"} & self.words):
            return
        for m in _FISCAL_RE.finditer(text):
            a = m.group("a") or m.group("a2") or m.group("a3")
            b = m.group("b") or m.group("b2") or m.group("b3")
            ia = int(a)
            if b is None:
                end_year = ia if len(a) == 4 else 2000 + ia
                start_year = end_year - 1
            else:
                start_year = ia if len(a) == 4 else 2000 + ia
                ib = int(b)
                end_year = ib if len(b) == 4 else (start_year // 100) * 100 + ib
                if end_year < start_year:
                    end_year += 100
            if end_year != start_year + 1 or not 1900 <= start_year <= 2200:
                continue
            value = {
                "type": "fiscal_year",
                "start": f"{start_year}-04-01",
                "end": f"{end_year}-03-31",
                "label": f"FY{start_year}-{end_year % 100:02d}",
            }
            self.add(m.start(), m.end(), value)

    def dates(self) -> None:
        text, words = self.text, self.words
        if self.has_digit:
            if "-" in text:
                for m in self.matches(_ISO_DATE_AT, self.digit_starts):
                    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
                    if _valid(y, mo, d):
                        self.day_date(m.start(), m.end(), y, mo, d, None)
                    else:
                        self.block(m.start(), m.end())
            if "/" in text or "." in text:
                for m in self.matches(_SLASH_DATE_AT, self.digit_starts):
                    a, b, ys = int(m["a"]), int(m["b"]), m["y"]
                    y = int(ys) if len(ys) == 4 else 2000 + int(ys)
                    # Day first (Indian and British usage) unless that cannot be a date.
                    d, mo = (a, b) if b <= 12 else (b, a)
                    if _valid(y, mo, d):
                        self.day_date(m.start(), m.end(), y, mo, d, None)
                    self.block(m.start(), m.end())
        if words & _MONTH_TOKENS:
            self.month_dates()
        if self.has_digit and ("quarter" in words or "Q" in text):
            self.quarter_dates()
        if self.has_digit:
            self.year_dates()
        if self.published is None:
            return
        if words & {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}:
            self.weekdays()
        if "year" in words or "month" in words:
            self.relative_periods()
        if words & _RELATIVE_DAYS.keys():
            for m in _RELATIVE_DAY_RE.finditer(text):
                shift = _RELATIVE_DAYS[m["w"].lower()]
                day = _shift(self.published, shift)
                if day is not None:
                    self.day_date(m.start(), m.end(), day.year, day.month, day.day, None)

    def relative_periods(self) -> None:
        """ "last year", "this month", "next year" around the published date."""
        p = self.published
        assert p is not None
        for m in _RELATIVE_PERIOD_RE.finditer(self.text):
            shift = {"last": -1, "previous": -1, "past": -1, "this": 0, "current": 0}.get(
                m["rel"].lower(), 1
            )
            if m["unit"].lower() == "year":
                self.year_date(m.start(), m.end(), p.year + shift)
            else:
                month_index = p.year * 12 + p.month - 1 + shift
                self.month_date(m.start(), m.end(), month_index // 12, month_index % 12 + 1)

    def month_dates(self) -> None:
        text = self.text
        if self.has_digit:
            for rx in (_MONTH_DAY_RE, _DAY_MONTH_RE):
                for m in rx.finditer(text):
                    d1 = int(m["d1"])
                    d2 = int(m["d2"]) if m["d2"] else None
                    y = int(m["y"]) if m["y"] else None
                    if d1:
                        self.day_date(m.start(), m.end(), y, _month_number(m["mon"]), d1, d2)
            for m in _MONTH_YEAR_RE.finditer(text):
                self.month_date(m.start(), m.end(), int(m["y"]), _month_number(m["mon"]))
        if self.published is None:
            return
        for m in _MONTH_ONLY_RE.finditer(text):
            mo = _month_number(m["mon"])
            prep = m["prep"].strip().lower()
            if prep.endswith(" of"):
                # "by the end of October" is bounded as "by October" is, "before the
                # end of" as "by"; "the start of October" is October.
                first = prep.split()[0]
                prep = {"by": "by", "before": "by", "until": "until"}.get(first, "of")
            y = self.published.year
            if prep == "last" and mo >= self.published.month:
                y -= 1
            elif prep == "next" and mo <= self.published.month:
                y += 1
            elif prep not in ("last", "next", "this"):
                y = _nearest_year(mo, 1, self.published) or y
            start = m.start("mon") if prep in ("in", "during") else m.start()
            bound = {"since": "min", "from": "min", "by": "max", "until": "max", "till": "max"}
            self.month_date(start, m.end(), y, mo, bound.get(prep))

    def quarter_dates(self) -> None:
        for m in _QUARTER_RE.finditer(self.text):
            q = int(m["q"]) if m["q"] else _QUARTER_ORDINALS.get(m["ord"].lower(), 0)
            y = int(m["y"])
            if not 1 <= q <= 4 or not 1 <= y <= 9999:
                continue
            prep = _lookback(self.text, m.start(), _YEAR_PREP_PHRASES)
            bound = _YEAR_PREPS[prep[0]] if prep else None
            start = prep[1] if prep and bound in ("min", "max") else m.start()
            first = 3 * q - 2
            value = {
                "type": "date",
                "start": datetime.date(y, first, 1).isoformat(),
                "end": datetime.date(
                    y, first + 2, calendar.monthrange(y, first + 2)[1]
                ).isoformat(),
                "precision": "quarter",
                "bound": bound,
            }
            self.add(start, m.end(), value)

    def year_dates(self) -> None:
        text = self.text
        for m in self.matches(_YEAR_RANGE_AT, self.digit_starts):
            y1 = int(m["y1"])
            y2s = m["y2"]
            y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
            if y2 <= y1 or y2 - y1 > 200:
                continue
            prep = _lookback(text, m.start(), ("from", "between"))
            self.year_date(prep[1] if prep else m.start(), m.end(), y1, y2)
        for m in self.matches(_DECADE_AT, self.digit_starts):
            y = int(m["y"])
            the = _lookback(text, m.start(), ("the",))
            self.year_date(the[1] if the else m.start(), m.end(), y, y + 9)
        for m in self.matches(_YEAR_AT, self.digit_starts):
            y = int(m["y"])
            start, end = m.start(), m.end()
            if start > 0 and text[start - 1] == "(" and text[end : end + 1] == ")":
                self.year_date(start, end, y)
                continue
            if text[max(0, start - 4) : start].lower() == "mid-":
                self.year_date(start - 4, end, y)
                continue
            prep = _lookback(text, start, _YEAR_PREP_PHRASES)
            if prep is None:
                continue
            bound = _YEAR_PREPS[prep[0]]
            # The preposition is part of the value when it changes its meaning.
            self.year_date(prep[1] if bound in ("min", "max") else start, end, y, bound=bound)

    def weekdays(self) -> None:
        text, p = self.text, self.published
        assert p is not None
        for m in _WEEKDAY_RE.finditer(text):
            target = _WEEKDAYS.index(m["wd"].lower())
            rel = (m["rel"] or "").lower()
            if rel in ("next", "coming"):
                future = True
            elif rel in ("last", "past"):
                future = False
            else:
                future = _future_tense(text, m.start(), m.end())
            if future:
                delta = (target - p.weekday()) % 7
                if rel == "next" and delta == 0:
                    delta = 7
            else:
                delta = -((p.weekday() - target) % 7)
                if rel == "last" and delta == 0:
                    delta = -7
            day = _shift(p, delta)
            if day is not None:
                self.day_date(m.start(), m.end(), day.year, day.month, day.day, None)

    # Quantities -------------------------------------------------------------------

    def money(self) -> None:
        text, words = self.text, self.words
        if any(c in text for c in _CURRENCY_CHARS) or words & _CURRENCY_CODES:
            starts = [m.start() for m in _CURRENCY_RE.finditer(text)]
            for m in self.matches(_MONEY_PREFIX_AT, starts):
                cur = m["cur"].lower()
                self.add_money(m, _CURRENCY_SYMBOLS.get(cur, "USD"), unstated=cur == "$")
        if words & _CURRENCY_WORDS.keys():
            for m in self.matches(_MONEY_SUFFIX_AT, self.num_starts):
                cw = m["cw"].lower().split()[0]
                nation = " ".join((m["nation"] or "").lower().split())
                if cw.startswith("dollar") and nation in _DOLLARS_OF:
                    self.add_money(m, _DOLLARS_OF[nation])
                else:
                    unstated = cw.startswith("dollar") and not nation
                    self.add_money(m, _CURRENCY_WORDS.get(cw, "USD"), unstated=unstated)

    def add_money(self, m: re.Match[str], currency: str, *, unstated: bool = False) -> None:
        number = _parse_number(m["num"])
        if number is None:
            return
        if _CONVERSION_BEFORE.search(self.text[max(0, m.start() - 40) : m.start()]):
            # "A$1.21 billion (US$790 million)": the same amount converted, not a figure
            # of its own; left inside the first figure's claim, never compared.
            self.block(m.start(), m.end())
            return
        amount = number * _scale(m)
        if not _finite(amount):
            return
        bound, start = self.bound_before(m.start())
        if bound is None and m["plus"]:
            bound = "min"
        value = {"type": "money", "amount": float(amount), "currency": currency, "bound": bound}
        if unstated:
            value["dollar"] = UNSTATED_DOLLAR
        end = m.end()
        # A rate ("£210,000 a week", "£11m a year", "Rs 40,000 per month") keeps its period.
        rate = _RATE_AT.match(self.text, end)
        if rate:
            period = (rate["per"] or rate["adv"]).lower()
            value["per"] = _RATE_PERIODS.get(period, period)
            end = rate.end()
        self.add(start, end, value)

    def percents(self) -> None:
        if "%" not in self.text and not (self.words & _PERCENT_TRIGGERS):
            return
        for m in self.matches(_PERCENT_AT, self.num_starts):
            number = _parse_number(m["num"])
            if number is None:
                continue
            bound, start = self.bound_before(m.start())
            self.add(start, m.end(), {"type": "percent", "value": float(number), "bound": bound})

    def fractions(self) -> None:
        text, words = self.text, self.words
        if "out" in words:
            for m in self.matches(_FRACTION_OUT_OF_AT, self.num_starts):
                a, b = _parse_number(m["a"]), _parse_number(m["b"])
                if a is None or b is None or not (0 <= a <= b) or b == 0 or b > 1e12:
                    continue
                mid = m["mid"].split()
                if any(w.lower() in STOP_WORDS for w in mid):
                    continue
                unit = head_noun(mid, prefer_plural=True)
                if unit is None:
                    after = following_words(text, m.end(), limit=3)
                    if after and looks_plural(after[0]):
                        unit = singular(after[0])
                value = {"type": "fraction", "numerator": int(a), "denominator": int(b)}
                self.add(m.start(), m.end(), {**value, "unit": unit})
        if len(self.num_starts) >= 2 and "of" in words:
            for m in self.matches(_FRACTION_OF_AT, self.num_starts):
                a, b = _parse_number(m["a"]), _parse_number(m["b"])
                if a is None or b is None or not (0 < a < b) or b > 1e12:
                    continue
                phrase = following(text, m.end(), limit=4)
                unit, unit_end = _head(phrase, prefer_plural=True)
                value = {"type": "fraction", "numerator": int(a), "denominator": int(b)}
                # The span runs through the unit noun ("three of the five squadrons").
                self.add(m.start(), max(m.end(), unit_end), {**value, "unit": unit})
        if "/" in text:
            for m in self.matches(_FRACTION_SLASH_AT, self.digit_starts):
                a, b = int(m["a"]), int(m["b"])
                if 0 <= a < b:
                    value = {"type": "fraction", "numerator": a, "denominator": b, "unit": None}
                    self.add(m.start(), m.end(), value)
        if "-" in text and words & _DENOMINATORS.keys():
            for m in _FRACTION_WORD_RE.finditer(text):
                a = int(text2num(m["a"].lower(), "en"))
                d = _DENOMINATORS[m["d"].lower()]
                if a < d:
                    value = {"type": "fraction", "numerator": a, "denominator": d, "unit": None}
                    self.add(m.start(), m.end(), value)

    def ages(self) -> None:
        text, words = self.text, self.words
        found: list[tuple[int, int, re.Match[str]]] = []
        if "old" in words or "olds" in words:
            found += [
                (m.start(), m.end(), m) for m in self.matches(_AGE_COMPOUND_AT, self.num_starts)
            ]
        if words & {"age", "aged"}:
            found += [(m.start(), m.end(), m) for m in _AGE_PHRASE_RE.finditer(text)]
        if self.has_digit and ", " in text:
            for m in _AGE_APPOSITIVE_RE.finditer(text):
                word = m["word"].lower()
                if word in STOP_WORDS or word in _NOT_AGED or word in NUMBER_WORDS:
                    continue
                found.append((m.start("num"), m.end("num"), m))
        for start, end, m in found:
            number = _parse_number(m["num"])
            if number is None or not 0 < number <= MAX_AGE or not number.is_integer():
                continue
            age = {"type": "count", "value": number, "unit": AGE_UNIT, "bound": None}
            self.add(start, end, age)

    def ordinals(self) -> None:
        text = self.text
        found: list[tuple[re.Match[str], int]] = []
        if self.has_digit:
            found += [
                (m, int(m["digits"])) for m in self.matches(_ORDINAL_DIGIT_AT, self.digit_starts)
            ]
        if not self.words.isdisjoint(_ORDINAL_TRIGGERS):
            for m in _ORDINAL_WORD_RE.finditer(text):
                before = text[max(0, m.start() - 10) : m.start()].rstrip().lower()
                if before.endswith(("per", "a split")):
                    continue
                if m["tens"]:
                    u = m["unit1"].lower()
                    value = _TENS[m["tens"].lower()] + (1 if u == "first" else _ORDINAL_UNITS[u])
                else:
                    u = m["unit2"].lower()
                    value = _ORDINAL_UNITS.get(u) or _ORDINAL_TENS[u]
                found.append((m, value))
        for m, value in found:
            # "third-biggest signing", "second-most expensive port": the noun follows
            # the superlative.
            ranking = _RANKING_AT.match(text, m.end())
            phrase = following(text, ranking.end() if ranking else m.end(), limit=4)
            unit = singular(phrase[-1][0]) if phrase else None
            if unit is None and not m.group(0)[0].isdigit():
                # A word ordinal with no noun after it ("came second") is not a value.
                continue
            ordinal = {"type": "ordinal", "value": value, "unit": unit}
            # The span runs through the noun phrase ("22nd session") when it is free.
            if not (phrase and self.add(m.start(), phrase[-1][2], ordinal)):
                self.add(m.start(), m.end(), ordinal)

    def counts(self) -> None:
        text = self.text
        for m in self.matches(_COUNT_AT, self.num_starts):
            raw = m["num"]
            number = _parse_number(raw)
            if number is None:
                continue
            scale = _scale(m)
            is_word = not raw[0].isdigit()
            hyunit = m["hyunit"] or m["glued"]
            if hyunit and hyunit.lower() in STOP_WORDS:
                hyunit = None
            phrase: list[tuple[str, int, int]] = []
            unit_end = -1
            end = m.end() if hyunit else (m.end("plus") if m["plus"] else m.end("num"))
            if m["letter"] or m["words"]:
                end = max(end, m.end("letter") if m["letter"] else m.end("words"))
            if hyunit:
                unit = hyunit.lower() if measure_of(hyunit) else singular(hyunit)
            else:
                phrase = following(text, end, limit=4)
                unit, unit_end = _head(phrase, prefer_plural=number != 1)
                if phrase and measure_of(phrase[0][0]):
                    # "24.6 km stretch": the unit of measure, not the noun after it.
                    word = phrase[0][0].lower()
                    unit = singular(word) if measure_of(singular(word)) else word
                    unit_end = phrase[0][2]
                    if text.startswith("/h", unit_end):
                        unit, unit_end = unit + "/h", unit_end + 2
            if unit is None and not hyunit and not m["plus"]:
                part = _PART_OF_THE_AT.match(text, end)
                plural = (
                    [w for w in following(text, part.end(), limit=3) if looks_plural(w[0])]
                    if part
                    else []
                )
                if plural:
                    unit, unit_end = singular(plural[0][0]), plural[0][2]
            if unit is None and not hyunit and (scale != 1.0 or self.bound_before(m.start())[0]):
                # "95,000 cars a day, against roughly 120,000 on the old bridge": a
                # hedged or scaled number with no noun counts what the sentence counted
                # last.
                unit = self.unit_before(m.start())
            if unit is None and scale == 1.0 and not (is_word and number >= 1000):
                continue
            before = text[max(0, m.start() - 12) : m.start()].lower()
            if is_word:
                if raw.lower() in ("one", "zero") and not hyunit:
                    continue
                last = before.split()[-1:] or [""]
                # "the two nations" refers back; it does not count anything.
                if not hyunit and last[0] in (
                    "the",
                    "these",
                    "those",
                    "both",
                    "all",
                    "its",
                    "their",
                ):
                    continue
            else:
                digits = raw.replace(",", "")
                year_like = (
                    "," not in raw
                    and "." not in raw
                    and 1000 <= number <= 2199
                    and len(digits) == 4
                )
                if year_like and scale == 1.0 and not (phrase and looks_plural(phrase[0][0])):
                    continue
                if before.rstrip().endswith(
                    ("no.", "#", "number", "article", "section", "chapter")
                ):
                    continue
            value = number * scale
            if not _finite(value):
                continue
            bound, start = self.bound_before(m.start())
            if bound is None and m["plus"]:
                bound = "min"
            count = {"type": "count", "value": float(value), "unit": unit, "bound": bound}
            # The span runs through the unit noun ("10 inter-governmental documents").
            if not (unit_end > end and self.add(start, unit_end, count)):
                self.add(start, end, count)

    def single_periods(self) -> None:
        for m in _ONE_PERIOD_RE.finditer(self.text):
            bound, start = self.bound_before(m.start("one"))
            if m["more"]:
                bound = "min"
            unit = m["unit"].lower()
            period = {"type": "count", "value": 1.0, "unit": unit, "bound": bound}
            self.add(start, m.end(), period)

    def unit_before(self, pos: int) -> str | None:
        """The unit of the last count of things before ``pos``, if any."""
        at = pos + self.offset
        before = [v for v in self.values if v["type"] == "count" and v["span_end"] <= at]
        last = max(before, key=lambda v: v["span_start"], default=None)
        if last is None or not last.get("unit") or last["unit"] == AGE_UNIT:
            return None
        return str(last["unit"])

    def parts_of_counted_wholes(self) -> None:
        """ "118 samples failed, 19 of them from Punjab": 19 of 118 samples. The whole is
        the nearest count of things (not an age or a measure) before the part, in the
        same text; with none, the part is left unread rather than guessed."""
        wholes = sorted(
            (v for v in self.values if v["type"] == "count" and _is_whole(v)),
            key=lambda v: v["span_start"],
        )
        for m in self.matches(_PART_OF_PRONOUN_AT, self.num_starts):
            start = m.start() + self.offset
            before = [v for v in wholes if v["span_end"] <= start]
            a = _parse_number(m["a"])
            if not before or a is None or not a.is_integer():
                continue
            whole = before[-1]
            b = whole["value"]
            if not 0 < a < b or not b.is_integer() or b > 1e12:
                continue
            value = {
                "type": "fraction",
                "numerator": int(a),
                "denominator": int(b),
                "unit": whole["unit"],
            }
            self.add(m.start(), m.end(), value)

    def run(self) -> list[Value]:
        text = self.text
        if "://" in text or "www." in text or "@" in text:
            for start, end in _url_spans(text):
                self.block(start, end)
        if self.has_digit and (
            ":" in text or self.words & _TIME_TRIGGERS or "a.m" in text or "p.m" in text
        ):
            self.clock_times()
        if self.has_digit:
            self.fiscal()
        self.dates()
        if self.num_starts or self.has_digit:
            # "Rs.500" has no number start of its own: the currency anchors it.
            self.money()
        if self.num_starts:
            self.percents()
            self.ages()
            self.fractions()
        self.ordinals()
        if self.words & _DURATION_WORDS:
            self.single_periods()
        if self.num_starts:
            self.counts()
            if "of" in self.words and len(self.num_starts) >= 2:
                self.parts_of_counted_wholes()
        self.values.sort(key=lambda v: v["span_start"])
        return self.values


def _is_whole(v: Value) -> bool:
    """A count of things a later "N of them" can take a part of."""
    unit = v.get("unit")
    return bool(unit) and unit != AGE_UNIT and measure_of(str(unit)) is None


def find_values(
    text: str,
    *,
    offset: int = 0,
    published: datetime.date | None = None,
    words: frozenset[str] | None = None,
) -> list[Value]:
    """Every normalised value in ``text``, in order; offsets are ``offset`` + index in
    ``text``. ``words`` (from ``lower_words(text)``) may be passed when already known.

    >>> [(v["type"], v["text"]) for v in find_values("trade of $68.7B in FY25")]
    [('money', '$68.7B'), ('fiscal_year', 'FY25')]
    """
    if not text:
        return []
    if words is None:
        words = lower_words(text)
    return _Finder(text, offset, _as_date(published), words).run()


def normalise_money(text: str) -> Value | None:
    """The first money value in ``text``, or None: "$68.7B" -> amount 68.7e9, USD."""
    for value in find_values(text):
        if value["type"] == "money":
            return value
    return None
