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

Layout, one job per module: ``numbers`` (number words, scales, bounds, reading a
number), ``money``, ``counts`` (percentages, fractions, ordinals, counts, ages) and
``dates`` (dates, fiscal years, times of day) hold the patterns per kind; ``addresses``
finds the web and e-mail addresses that are not values; ``nouns`` scans the noun phrase
after a number for its unit; ``finder`` applies them all in order (``find_values``).
Callers import from the package, which re-exports what they use.
"""

from __future__ import annotations

from .counts import AGE_UNIT
from .finder import ENTRY_NAME_RE, LABEL_LINE_RE, find_values, normalise_money
from .money import UNSTATED_DOLLAR
from .nouns import STOP_WORDS, following, singular
from .numbers import has_digit, lower_words, word_set

__all__ = [
    "AGE_UNIT",
    "ENTRY_NAME_RE",
    "LABEL_LINE_RE",
    "STOP_WORDS",
    "UNSTATED_DOLLAR",
    "find_values",
    "following",
    "has_digit",
    "lower_words",
    "normalise_money",
    "singular",
    "word_set",
]
